//! Instruction builders: agentpad's come from `agentpad-client`, re-exported under the names
//! the suites use; what only tests need lives here (mints with chosen extensions, the
//! LayerZero endpoint and OFT stand-ins).

use anchor_lang::{InstructionData, ToAccountMetas, solana_program::instruction::Instruction};
use anchor_spl::token_2022::spl_token_2022::{self, extension::ExtensionType};
use solana_sdk::pubkey::Pubkey;

pub use agentpad_client::instructions::agent_factory::{Launch, accept_creator, claim_creator_fees, launch_agent, propose_creator};
pub use agentpad_client::instructions::bonding_curve::{
    accept_admin, buy_exact_in, buy_exact_out, claim_agent_fees as bc_claim_agent_fees, claim_creator_fees as bc_claim_creator_fees,
    claim_protocol_fees, create_pool, create_preset, create_preset_with, create_segmented_preset, graduate, initialize_config, propose_admin, sell_exact_in,
    set_protocol_fee_recipient, swap_accounts, swap_accounts_with,
};
pub use agentpad_client::instructions::tokens::{create_ata, mint_to, wrap_sol};

fn ix(program_id: Pubkey, accounts: impl ToAccountMetas, data: impl InstructionData) -> Instruction {
    Instruction { program_id, accounts: accounts.to_account_metas(None), data: data.data() }
}

/// A forged copy of `ix` for a rejection test: the account `from` (exactly one in the list)
/// replaced by `to`, wherever the instruction's layout puts it.
pub fn with_account(mut ix: Instruction, from: Pubkey, to: Pubkey) -> Instruction {
    let mut found = ix.accounts.iter_mut().filter(|meta| meta.pubkey == from);
    let meta = found.next().expect("the account to replace is in the instruction");
    assert!(found.next().is_none(), "the account to replace appears once");
    meta.pubkey = to;
    ix
}

// ------------------------------------------------------------------ token programs

/// A Token-2022 extension to initialise on a test mint before `initialize_mint2`.
#[derive(Debug, Clone, Copy)]
pub enum TestExtension {
    TransferFee,
    TransferHook,
    PermanentDelegate,
    NonTransferable,
    DefaultFrozen,
    DefaultInitialized,
    MetadataPointer,
    Pausable,
    /// A close authority (the test mint's authority): the mint can be closed at zero supply.
    CloseAuthority,
    /// The extension present with no close authority: nobody can close the mint.
    CloseAuthorityNone,
}

impl TestExtension {
    fn ty(self) -> ExtensionType {
        match self {
            Self::TransferFee => ExtensionType::TransferFeeConfig,
            Self::TransferHook => ExtensionType::TransferHook,
            Self::PermanentDelegate => ExtensionType::PermanentDelegate,
            Self::NonTransferable => ExtensionType::NonTransferable,
            Self::DefaultFrozen | Self::DefaultInitialized => ExtensionType::DefaultAccountState,
            Self::MetadataPointer => ExtensionType::MetadataPointer,
            Self::Pausable => ExtensionType::Pausable,
            Self::CloseAuthority | Self::CloseAuthorityNone => ExtensionType::MintCloseAuthority,
        }
    }

    fn init(self, mint: &Pubkey, authority: &Pubkey) -> Instruction {
        use spl_token_2022::extension as ext;
        use spl_token_2022::state::AccountState;
        let p = &spl_token_2022::ID;
        match self {
            Self::TransferFee => ext::transfer_fee::instruction::initialize_transfer_fee_config(p, mint, Some(authority), Some(authority), 100, 1_000_000).unwrap(),
            Self::TransferHook => ext::transfer_hook::instruction::initialize(p, mint, Some(*authority), Some(Pubkey::new_unique())).unwrap(),
            Self::PermanentDelegate => spl_token_2022::instruction::initialize_permanent_delegate(p, mint, authority).unwrap(),
            Self::NonTransferable => spl_token_2022::instruction::initialize_non_transferable_mint(p, mint).unwrap(),
            Self::DefaultFrozen => ext::default_account_state::instruction::initialize_default_account_state(p, mint, &AccountState::Frozen).unwrap(),
            Self::DefaultInitialized => ext::default_account_state::instruction::initialize_default_account_state(p, mint, &AccountState::Initialized).unwrap(),
            Self::MetadataPointer => ext::metadata_pointer::instruction::initialize(p, mint, Some(*authority), Some(*mint)).unwrap(),
            Self::Pausable => ext::pausable::instruction::initialize(p, mint, authority).unwrap(),
            Self::CloseAuthority => spl_token_2022::instruction::initialize_mint_close_authority(p, mint, Some(authority)).unwrap(),
            Self::CloseAuthorityNone => spl_token_2022::instruction::initialize_mint_close_authority(p, mint, None).unwrap(),
        }
    }
}

/// Instructions creating `mint` under `token_program` with `extensions`; `authority` is
/// mint and freeze authority.
pub fn create_mint(
    payer: &Pubkey,
    mint: &Pubkey,
    authority: &Pubkey,
    decimals: u8,
    token_program: &Pubkey,
    extensions: &[TestExtension],
    rent: &solana_sdk::rent::Rent,
) -> Vec<Instruction> {
    let types: Vec<ExtensionType> = extensions.iter().map(|e| e.ty()).collect();
    let space = if *token_program == spl_token_2022::ID {
        ExtensionType::try_calculate_account_len::<spl_token_2022::state::Mint>(&types).unwrap()
    } else {
        82
    };
    let mut ixs = vec![anchor_lang::solana_program::system_instruction::create_account(
        payer,
        mint,
        rent.minimum_balance(space),
        space as u64,
        token_program,
    )];
    ixs.extend(extensions.iter().map(|e| e.init(mint, authority)));
    ixs.push(spl_token_2022::instruction::initialize_mint2(token_program, mint, authority, Some(authority), decimals).unwrap());
    ixs
}

// ------------------------------------------------------------------ fee-aggregator

pub mod fees {
    use anchor_lang::solana_program::instruction::Instruction;
    use anchor_lang::system_program;
    use fee_aggregator::lz;
    use solana_sdk::pubkey::Pubkey;

    pub use agentpad_client::instructions::fee_aggregator::*;

    use super::ix;
    use crate::accounts::fees as fa;

    /// `set_delegate`, forwarded to the endpoint stand-in.
    pub fn set_delegate(admin: &Pubkey, delegate: Pubkey) -> Instruction {
        agentpad_client::instructions::fee_aggregator::set_delegate(admin, &lz_endpoint_mock::ID, delegate)
    }

    /// Test endpoint set-up (the eid is Solana's).
    pub fn endpoint_initialize(payer: &Pubkey) -> Instruction {
        ix(
            lz_endpoint_mock::ID,
            lz_endpoint_mock::accounts::Initialize { payer: *payer, endpoint: fa::endpoint_settings(), system_program: system_program::ID },
            lz_endpoint_mock::instruction::Initialize { eid: 30168 },
        )
    }

    /// The endpoint mock's stand-in for DVN verification of one message to `receiver`.
    pub fn endpoint_verify(payer: &Pubkey, receiver: Pubkey, src_eid: u32, sender: [u8; 32], nonce: u64, guid: [u8; 32], message: &[u8]) -> Instruction {
        let params = lz_endpoint_mock::VerifyParams { receiver, src_eid, sender, nonce, payload_hash: lz_endpoint_mock::payload_hash(&guid, message) };
        let p = lz::EndpointPdas { endpoint: &lz_endpoint_mock::ID };
        ix(
            lz_endpoint_mock::ID,
            lz_endpoint_mock::accounts::Verify {
                payer: *payer,
                nonce: p.nonce(&receiver, src_eid, &sender),
                payload_hash: p.payload_hash(&receiver, src_eid, &sender, nonce),
                system_program: system_program::ID,
            },
            lz_endpoint_mock::instruction::Verify { params },
        )
    }
}


// ------------------------------------------------------------------ the OFT stand-in

pub mod oft {
    use anchor_lang::solana_program::instruction::{AccountMeta, Instruction};
    use anchor_lang::system_program;
    use fee_aggregator::lz::EndpointPdas;
    use solana_sdk::pubkey::Pubkey;

    use super::ix;
    use crate::accounts::{self as addr, fees as fa};

    pub fn store(escrow: &Pubkey) -> Pubkey {
        Pubkey::find_program_address(&[oft_mock::OFT_SEED, escrow.as_ref()], &oft_mock::ID).0
    }

    pub fn init_oft(payer: &Pubkey, mint: &Pubkey, escrow: &Pubkey) -> Instruction {
        let store = store(escrow);
        ix(
            oft_mock::ID,
            oft_mock::accounts::InitOft {
                payer: *payer,
                oft_store: store,
                token_mint: *mint,
                token_escrow: *escrow,
                oapp_registry: EndpointPdas { endpoint: &lz_endpoint_mock::ID }.oapp_registry(&store),
                endpoint_event_authority: addr::event_authority(&lz_endpoint_mock::ID),
                endpoint_program: lz_endpoint_mock::ID,
                system_program: system_program::ID,
            },
            oft_mock::instruction::InitOft {},
        )
    }

    /// The executor's `lz_receive` on the OFT for one packet to `send_to`; `ld2sd_rate`
    /// converts the packet's amount to the mint's units.
    pub fn lz_receive(
        payer: &Pubkey,
        escrow: &Pubkey,
        mint: &Pubkey,
        token_program: &Pubkey,
        send_to: &Pubkey,
        ld2sd_rate: u64,
        params: oft_mock::LzReceiveParams,
    ) -> Instruction {
        let store = store(escrow);
        let p = EndpointPdas { endpoint: &lz_endpoint_mock::ID };
        let mut i = ix(
            oft_mock::ID,
            oft_mock::accounts::LzReceive {
                payer: *payer,
                oft_store: store,
                to_address: *send_to,
                token_dest: addr::ata(send_to, mint, token_program),
                token_mint: *mint,
                token_program: *token_program,
                associated_token_program: anchor_spl::associated_token::ID,
                system_program: system_program::ID,
                endpoint_event_authority: addr::event_authority(&lz_endpoint_mock::ID),
                endpoint_program: lz_endpoint_mock::ID,
            },
            oft_mock::instruction::LzReceive { params: params.clone() },
        );
        i.accounts.extend([
            AccountMeta::new_readonly(p.oapp_registry(&store), false),
            AccountMeta::new_readonly(p.nonce(&store, params.src_eid, &params.sender), false),
            AccountMeta::new(p.payload_hash(&store, params.src_eid, &params.sender, params.nonce), false),
            AccountMeta::new(fa::endpoint_settings(), false),
        ]);
        if params.message.len() > 40 {
            let mut compose = params.nonce.to_be_bytes().to_vec();
            compose.extend_from_slice(&params.src_eid.to_be_bytes());
            let amount_sd = u64::from_be_bytes(params.message[32..40].try_into().unwrap());
            compose.extend_from_slice(&(amount_sd * ld2sd_rate).to_be_bytes());
            compose.extend_from_slice(&params.message[40..]);
            i.accounts.push(AccountMeta::new(p.composed_message(&store, send_to, &params.guid, 0, &compose), false));
        }
        i
    }
}

// ------------------------------------------------------------------ revenue-share

pub mod stake {
    pub use agentpad_client::instructions::revenue_share::*;
}

pub mod commerce {
    pub use agentpad_client::instructions::agent_commerce::*;
}
