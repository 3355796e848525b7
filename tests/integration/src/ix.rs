//! Instruction builders for every agentpad instruction, plus the token-program
//! instructions tests need. Account lists come from the programs' own `accounts` structs.

use anchor_lang::{InstructionData, ToAccountMetas, solana_program::instruction::Instruction};
use anchor_spl::token_2022::spl_token_2022::{self, extension::ExtensionType};
use bonding_curve::state::{PoolParams, StakingParams};
use anchor_lang::system_program;
use solana_sdk::pubkey::Pubkey;

use crate::accounts::{self as addr, PoolKeys};

fn ix(program_id: Pubkey, accounts: impl ToAccountMetas, data: impl InstructionData) -> Instruction {
    Instruction { program_id, accounts: accounts.to_account_metas(None), data: data.data() }
}

// ------------------------------------------------------------------ bonding-curve admin

pub fn initialize_config(admin: &Pubkey, protocol_fee_recipient: Pubkey) -> Instruction {
    ix(
        bonding_curve::ID,
        bonding_curve::accounts::InitializeConfig {
            admin: *admin,
            program_data: addr::program_data(&bonding_curve::ID),
            config: addr::bc_config(),
            system_program: system_program::ID,
            event_authority: addr::event_authority(&bonding_curve::ID),
            program: bonding_curve::ID,
        },
        bonding_curve::instruction::InitializeConfig { protocol_fee_recipient },
    )
}

pub fn propose_admin(admin: &Pubkey, proposed: Pubkey) -> Instruction {
    ix(
        bonding_curve::ID,
        bonding_curve::accounts::ProposeAdmin {
            admin: *admin,
            config: addr::bc_config(),
            event_authority: addr::event_authority(&bonding_curve::ID),
            program: bonding_curve::ID,
        },
        bonding_curve::instruction::ProposeAdmin { proposed },
    )
}

pub fn accept_admin(new_admin: &Pubkey) -> Instruction {
    ix(
        bonding_curve::ID,
        bonding_curve::accounts::AcceptAdmin {
            new_admin: *new_admin,
            config: addr::bc_config(),
            event_authority: addr::event_authority(&bonding_curve::ID),
            program: bonding_curve::ID,
        },
        bonding_curve::instruction::AcceptAdmin {},
    )
}

pub fn set_protocol_fee_recipient(admin: &Pubkey, new_recipient: Pubkey) -> Instruction {
    ix(
        bonding_curve::ID,
        bonding_curve::accounts::SetProtocolFeeRecipient {
            admin: *admin,
            config: addr::bc_config(),
            event_authority: addr::event_authority(&bonding_curve::ID),
            program: bonding_curve::ID,
        },
        bonding_curve::instruction::SetProtocolFeeRecipient { new_recipient },
    )
}

/// A preset with the standard staking terms.
pub fn create_preset(admin: &Pubkey, preset_id: u16, quote_mint: &Pubkey, params: PoolParams) -> Instruction {
    create_preset_with(admin, preset_id, quote_mint, params, StakingParams::STANDARD)
}

pub fn create_preset_with(admin: &Pubkey, preset_id: u16, quote_mint: &Pubkey, params: PoolParams, staking: StakingParams) -> Instruction {
    ix(
        bonding_curve::ID,
        bonding_curve::accounts::CreatePreset {
            admin: *admin,
            config: addr::bc_config(),
            preset: addr::preset(preset_id),
            quote_mint: *quote_mint,
            system_program: system_program::ID,
            event_authority: addr::event_authority(&bonding_curve::ID),
            program: bonding_curve::ID,
        },
        bonding_curve::instruction::CreatePreset { preset_id, params, staking },
    )
}

// ------------------------------------------------------------------ bonding-curve pools

/// `create_pool` called directly (not through agent-factory): only useful to show it is
/// refused unless the launcher PDA signs.
pub fn create_pool(payer: &Pubkey, launcher: &Pubkey, preset_id: u16, keys: &PoolKeys, creator_fee_authority: Pubkey) -> Instruction {
    ix(
        bonding_curve::ID,
        bonding_curve::accounts::CreatePool {
            payer: *payer,
            launcher: *launcher,
            preset: addr::preset(preset_id),
            base_mint: keys.base_mint,
            quote_mint: keys.quote_mint,
            pool: keys.pool,
            base_vault: keys.base_vault,
            quote_vault: keys.quote_vault,
            base_token_program: anchor_spl::token_2022::ID,
            quote_token_program: keys.quote_token_program,
            system_program: system_program::ID,
            event_authority: addr::event_authority(&bonding_curve::ID),
            program: bonding_curve::ID,
        },
        bonding_curve::instruction::CreatePool { creator_fee_authority },
    )
}

pub fn graduate(pool: &Pubkey) -> Instruction {
    ix(
        bonding_curve::ID,
        bonding_curve::accounts::Graduate {
            pool: *pool,
            event_authority: addr::event_authority(&bonding_curve::ID),
            program: bonding_curve::ID,
        },
        bonding_curve::instruction::Graduate {},
    )
}

/// The accounts of a trade by `user` from/to its ATAs.
pub fn swap_accounts(user: &Pubkey, keys: &PoolKeys) -> bonding_curve::accounts::Swap {
    swap_accounts_with(user, keys, keys.base_ata(user), keys.quote_ata(user))
}

pub fn swap_accounts_with(user: &Pubkey, keys: &PoolKeys, user_base: Pubkey, user_quote: Pubkey) -> bonding_curve::accounts::Swap {
    bonding_curve::accounts::Swap {
        user: *user,
        pool: keys.pool,
        base_vault: keys.base_vault,
        quote_vault: keys.quote_vault,
        user_base_account: user_base,
        user_quote_account: user_quote,
        base_mint: keys.base_mint,
        quote_mint: keys.quote_mint,
        base_token_program: anchor_spl::token_2022::ID,
        quote_token_program: keys.quote_token_program,
        event_authority: addr::event_authority(&bonding_curve::ID),
        program: bonding_curve::ID,
    }
}

pub fn buy_exact_in(accounts: bonding_curve::accounts::Swap, quote_in: u64, min_base_out: u64) -> Instruction {
    ix(bonding_curve::ID, accounts, bonding_curve::instruction::BuyExactIn { quote_in, min_base_out })
}

pub fn buy_exact_out(accounts: bonding_curve::accounts::Swap, base_out: u64, max_quote_in: u64) -> Instruction {
    ix(bonding_curve::ID, accounts, bonding_curve::instruction::BuyExactOut { base_out, max_quote_in })
}

pub fn sell_exact_in(accounts: bonding_curve::accounts::Swap, base_in: u64, min_quote_out: u64) -> Instruction {
    ix(bonding_curve::ID, accounts, bonding_curve::instruction::SellExactIn { base_in, min_quote_out })
}

pub fn claim_protocol_fees(keys: &PoolKeys, recipient_token_account: Pubkey) -> Instruction {
    ix(
        bonding_curve::ID,
        bonding_curve::accounts::ClaimProtocolFees {
            config: addr::bc_config(),
            pool: keys.pool,
            quote_vault: keys.quote_vault,
            quote_mint: keys.quote_mint,
            recipient_token_account,
            quote_token_program: keys.quote_token_program,
            event_authority: addr::event_authority(&bonding_curve::ID),
            program: bonding_curve::ID,
        },
        bonding_curve::instruction::ClaimProtocolFees {},
    )
}

/// bonding-curve's `claim_creator_fees` called directly by `authority`.
pub fn bc_claim_creator_fees(authority: &Pubkey, keys: &PoolKeys, destination: Pubkey) -> Instruction {
    ix(
        bonding_curve::ID,
        bonding_curve::accounts::ClaimCreatorFees {
            creator_fee_authority: *authority,
            pool: keys.pool,
            quote_vault: keys.quote_vault,
            quote_mint: keys.quote_mint,
            destination,
            quote_token_program: keys.quote_token_program,
            event_authority: addr::event_authority(&bonding_curve::ID),
            program: bonding_curve::ID,
        },
        bonding_curve::instruction::ClaimCreatorFees {},
    )
}

/// bonding-curve's `claim_agent_fees` with `signer` claiming to be the agent's vault.
pub fn bc_claim_agent_fees(signer: &Pubkey, keys: &PoolKeys, destination: Pubkey) -> Instruction {
    ix(
        bonding_curve::ID,
        bonding_curve::accounts::ClaimAgentFees {
            agent_vault: *signer,
            pool: keys.pool,
            base_mint: keys.base_mint,
            quote_vault: keys.quote_vault,
            quote_mint: keys.quote_mint,
            destination,
            quote_token_program: keys.quote_token_program,
            event_authority: addr::event_authority(&bonding_curve::ID),
            program: bonding_curve::ID,
        },
        bonding_curve::instruction::ClaimAgentFees {},
    )
}

// ------------------------------------------------------------------ agent-factory

pub struct Launch<'a> {
    pub creator: Pubkey,
    pub mint: Pubkey,
    pub preset_id: u16,
    pub quote_mint: Pubkey,
    pub quote_token_program: Pubkey,
    pub name: &'a str,
    pub symbol: &'a str,
    pub uri: &'a str,
    /// `(max quote in, creator's quote account)` for a first buy.
    pub first_buy: Option<(u64, Pubkey)>,
    /// The stake pool's unstake cooldown (default: revenue-share's).
    pub unstake_cooldown: Option<u32>,
}

pub fn launch_agent(l: &Launch) -> Instruction {
    let keys = PoolKeys::for_mint(l.mint, l.quote_mint, l.quote_token_program);
    let (first_buy, creator_quote_account, creator_base_account) = match l.first_buy {
        Some((amount, quote_account)) => (Some(amount), Some(quote_account), Some(keys.base_ata(&l.creator))),
        None => (None, None, None),
    };
    let fee_vault = addr::fees::vault(&l.mint, &l.quote_mint);
    let stake_pool = addr::stake::pool(&l.mint);
    ix(
        agent_factory::ID,
        agent_factory::accounts::LaunchAgent {
            creator: l.creator,
            mint: l.mint,
            agent: keys.agent,
            launcher: addr::launcher(),
            preset: addr::preset(l.preset_id),
            pool: keys.pool,
            base_vault: keys.base_vault,
            quote_vault: keys.quote_vault,
            quote_mint: l.quote_mint,
            creator_quote_account,
            creator_base_account,
            bonding_curve_event_authority: addr::event_authority(&bonding_curve::ID),
            bonding_curve_program: bonding_curve::ID,
            fee_store: addr::fees::store(),
            fee_vault,
            fee_vault_token_account: addr::fees::vault_tokens(&fee_vault),
            revenue_policy: addr::fees::policy(&l.mint),
            fee_aggregator_event_authority: addr::event_authority(&fee_aggregator::ID),
            fee_aggregator_program: fee_aggregator::ID,
            stake_pool,
            stake_vault: addr::stake::vault(&stake_pool),
            stake_reward_vault: addr::stake::reward_vault(&stake_pool, &l.quote_mint),
            revenue_share_event_authority: addr::event_authority(&revenue_share::ID),
            revenue_share_program: revenue_share::ID,
            token_2022_program: anchor_spl::token_2022::ID,
            quote_token_program: l.quote_token_program,
            associated_token_program: anchor_spl::associated_token::ID,
            system_program: system_program::ID,
            event_authority: addr::event_authority(&agent_factory::ID),
            program: agent_factory::ID,
        },
        agent_factory::instruction::LaunchAgent {
            name: l.name.to_string(),
            symbol: l.symbol.to_string(),
            uri: l.uri.to_string(),
            preset_id: l.preset_id,
            creator_first_buy: first_buy,
            unstake_cooldown: l.unstake_cooldown,
        },
    )
}

pub fn propose_creator(creator: &Pubkey, agent: &Pubkey, new_creator: Pubkey) -> Instruction {
    ix(
        agent_factory::ID,
        agent_factory::accounts::ProposeCreator {
            creator: *creator,
            agent: *agent,
            event_authority: addr::event_authority(&agent_factory::ID),
            program: agent_factory::ID,
        },
        agent_factory::instruction::ProposeCreator { new_creator },
    )
}

pub fn accept_creator(new_creator: &Pubkey, agent: &Pubkey) -> Instruction {
    ix(
        agent_factory::ID,
        agent_factory::accounts::AcceptCreator {
            new_creator: *new_creator,
            agent: *agent,
            event_authority: addr::event_authority(&agent_factory::ID),
            program: agent_factory::ID,
        },
        agent_factory::instruction::AcceptCreator {},
    )
}

pub fn claim_creator_fees(creator: &Pubkey, keys: &PoolKeys, destination: Pubkey) -> Instruction {
    ix(
        agent_factory::ID,
        agent_factory::accounts::ClaimCreatorFees {
            creator: *creator,
            agent: keys.agent,
            pool: keys.pool,
            quote_vault: keys.quote_vault,
            quote_mint: keys.quote_mint,
            destination,
            quote_token_program: keys.quote_token_program,
            bonding_curve_event_authority: addr::event_authority(&bonding_curve::ID),
            bonding_curve_program: bonding_curve::ID,
        },
        agent_factory::instruction::ClaimCreatorFees {},
    )
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

pub fn create_ata(payer: &Pubkey, owner: &Pubkey, mint: &Pubkey, token_program: &Pubkey) -> Instruction {
    anchor_spl::associated_token::spl_associated_token_account::instruction::create_associated_token_account_idempotent(
        payer,
        owner,
        mint,
        token_program,
    )
}

pub fn mint_to(token_program: &Pubkey, mint: &Pubkey, to: &Pubkey, authority: &Pubkey, amount: u64) -> Instruction {
    spl_token_2022::instruction::mint_to(token_program, mint, to, authority, &[], amount).unwrap()
}

/// Wraps `lamports` into `owner`'s wSOL ATA (creating it).
pub fn wrap_sol(payer: &Pubkey, owner: &Pubkey, lamports: u64) -> Vec<Instruction> {
    let wsol = anchor_spl::token::spl_token::native_mint::ID;
    let ata = addr::ata(owner, &wsol, &anchor_spl::token::ID);
    vec![
        create_ata(payer, owner, &wsol, &anchor_spl::token::ID),
        anchor_lang::solana_program::system_instruction::transfer(owner, &ata, lamports),
        spl_token_2022::instruction::sync_native(&anchor_spl::token::ID, &ata).unwrap(),
    ]
}

// ------------------------------------------------------------------ fee-aggregator

pub mod fees {
    use anchor_lang::{InstructionData, solana_program::instruction::{AccountMeta, Instruction}};
    use anchor_lang::system_program;
    use fee_aggregator::instructions::InitializeStoreArgs;
    use fee_aggregator::lz::{self, LzAccount, LzComposeParams, LzReceiveParams};
    use fee_aggregator::state::{PeerConfigParam, Split};
    use solana_sdk::pubkey::Pubkey;

    use super::ix;
    use crate::accounts::{self as addr, PoolKeys, fees as fa};

    fn event_authority() -> Pubkey {
        addr::event_authority(&fee_aggregator::ID)
    }

    /// The endpoint's accounts for an instruction, as remaining accounts (LayerZero's
    /// helper order: the endpoint program first).
    fn endpoint_accounts(ix: &Instruction) -> Vec<AccountMeta> {
        lz::cpi_accounts(ix).into_iter().map(|a| AccountMeta { pubkey: a.pubkey, is_signer: false, is_writable: a.is_writable }).collect()
    }

    /// `initialize_store`, registering with the endpoint mock.
    pub fn initialize_store(admin: &Pubkey, args: InitializeStoreArgs) -> Instruction {
        let store = fa::store();
        let mut i = ix(
            fee_aggregator::ID,
            fee_aggregator::accounts::InitializeStore {
                admin: *admin,
                program_data: addr::program_data(&fee_aggregator::ID),
                store,
                lz_receive_types: fa::lz_receive_types(),
                lz_compose_types: fa::lz_compose_types(),
                system_program: system_program::ID,
                event_authority: event_authority(),
                program: fee_aggregator::ID,
            },
            fee_aggregator::instruction::InitializeStore { args },
        );
        i.accounts.extend(endpoint_accounts(&lz::ix::register_oapp(&args.endpoint_program, admin, &store, args.delegate)));
        i
    }

    pub fn propose_admin(admin: &Pubkey, proposed: Pubkey) -> Instruction {
        ix(
            fee_aggregator::ID,
            fee_aggregator::accounts::ProposeAdmin { admin: *admin, store: fa::store(), event_authority: event_authority(), program: fee_aggregator::ID },
            fee_aggregator::instruction::ProposeAdmin { proposed },
        )
    }

    pub fn accept_admin(new_admin: &Pubkey) -> Instruction {
        ix(
            fee_aggregator::ID,
            fee_aggregator::accounts::AcceptAdmin { new_admin: *new_admin, store: fa::store(), event_authority: event_authority(), program: fee_aggregator::ID },
            fee_aggregator::instruction::AcceptAdmin {},
        )
    }

    pub fn set_delegate(admin: &Pubkey, delegate: Pubkey) -> Instruction {
        let mut i = ix(
            fee_aggregator::ID,
            fee_aggregator::accounts::SetDelegate { admin: *admin, store: fa::store(), event_authority: event_authority(), program: fee_aggregator::ID },
            fee_aggregator::instruction::SetDelegate { delegate },
        );
        i.accounts.extend(endpoint_accounts(&lz::ix::set_delegate(&lz_endpoint_mock::ID, &fa::store(), delegate)));
        i
    }

    pub fn set_peer_config(admin: &Pubkey, src_eid: u32, config: PeerConfigParam) -> Instruction {
        ix(
            fee_aggregator::ID,
            fee_aggregator::accounts::SetPeerConfig {
                admin: *admin,
                store: fa::store(),
                peer: fa::peer(src_eid),
                system_program: system_program::ID,
                event_authority: event_authority(),
                program: fee_aggregator::ID,
            },
            fee_aggregator::instruction::SetPeerConfig { src_eid, config },
        )
    }

    /// A peer with its address and report limits (two instructions).
    pub fn set_peer(admin: &Pubkey, src_eid: u32, address: [u8; 32], max_report_sd: u64, max_reported_total_sd: u64) -> Vec<Instruction> {
        vec![
            set_peer_config(admin, src_eid, PeerConfigParam::PeerAddress(address)),
            set_peer_config(admin, src_eid, PeerConfigParam::ReportLimits { max_report_sd, max_reported_total_sd }),
        ]
    }

    pub fn set_oft(admin: &Pubkey, reward_mint: &Pubkey, token_program: &Pubkey, oft_store: Pubkey) -> Instruction {
        ix(
            fee_aggregator::ID,
            fee_aggregator::accounts::SetOft {
                admin: *admin,
                store: fa::store(),
                reward_mint: *reward_mint,
                oft: fa::oft(reward_mint),
                composer_token_account: addr::ata(&fa::store(), reward_mint, token_program),
                lz_compose_types: fa::lz_compose_types(),
                token_program: *token_program,
                associated_token_program: anchor_spl::associated_token::ID,
                system_program: system_program::ID,
                event_authority: event_authority(),
                program: fee_aggregator::ID,
            },
            fee_aggregator::instruction::SetOft { oft_store },
        )
    }

    pub fn create_vault(payer: &Pubkey, agent_mint: &Pubkey, reward_mint: &Pubkey, token_program: &Pubkey) -> Instruction {
        let vault = fa::vault(agent_mint, reward_mint);
        ix(
            fee_aggregator::ID,
            fee_aggregator::accounts::CreateVault {
                payer: *payer,
                store: fa::store(),
                agent: addr::agent(agent_mint),
                agent_mint: *agent_mint,
                reward_mint: *reward_mint,
                vault,
                vault_token_account: fa::vault_tokens(&vault),
                policy: fa::policy(agent_mint),
                token_program: *token_program,
                system_program: system_program::ID,
                event_authority: event_authority(),
                program: fee_aggregator::ID,
            },
            fee_aggregator::instruction::CreateVault {},
        )
    }

    pub fn deposit(depositor: &Pubkey, from: Pubkey, agent_mint: &Pubkey, reward_mint: &Pubkey, token_program: &Pubkey, amount: u64) -> Instruction {
        let vault = fa::vault(agent_mint, reward_mint);
        ix(
            fee_aggregator::ID,
            fee_aggregator::accounts::Deposit {
                depositor: *depositor,
                depositor_token_account: from,
                vault,
                vault_token_account: fa::vault_tokens(&vault),
                reward_mint: *reward_mint,
                token_program: *token_program,
                event_authority: event_authority(),
                program: fee_aggregator::ID,
            },
            fee_aggregator::instruction::Deposit { amount },
        )
    }

    pub fn sweep(keys: &PoolKeys) -> Instruction {
        let vault = fa::vault(&keys.base_mint, &keys.quote_mint);
        ix(
            fee_aggregator::ID,
            fee_aggregator::accounts::Sweep {
                vault,
                vault_token_account: fa::vault_tokens(&vault),
                agent_mint: keys.base_mint,
                reward_mint: keys.quote_mint,
                pool: keys.pool,
                pool_quote_vault: keys.quote_vault,
                token_program: keys.quote_token_program,
                bonding_curve_event_authority: addr::event_authority(&bonding_curve::ID),
                bonding_curve_program: bonding_curve::ID,
                event_authority: event_authority(),
                program: fee_aggregator::ID,
            },
            fee_aggregator::instruction::Sweep {},
        )
    }

    pub fn set_split(creator: &Pubkey, agent_mint: &Pubkey, split: Split) -> Instruction {
        ix(
            fee_aggregator::ID,
            fee_aggregator::accounts::SetSplit {
                creator: *creator,
                store: fa::store(),
                agent: addr::agent(agent_mint),
                agent_mint: *agent_mint,
                policy: fa::policy(agent_mint),
                event_authority: event_authority(),
                program: fee_aggregator::ID,
            },
            fee_aggregator::instruction::SetSplit { split },
        )
    }

    pub fn distribute(agent_mint: &Pubkey, reward_mint: &Pubkey, token_program: &Pubkey, creator_account: Pubkey, protocol_account: Pubkey) -> Instruction {
        let vault = fa::vault(agent_mint, reward_mint);
        ix(
            fee_aggregator::ID,
            fee_aggregator::accounts::Distribute {
                store: fa::store(),
                vault,
                policy: fa::policy(agent_mint),
                agent: addr::agent(agent_mint),
                agent_mint: *agent_mint,
                reward_mint: *reward_mint,
                vault_token_account: fa::vault_tokens(&vault),
                stake_pool: addr::stake::pool(agent_mint),
                stake_reward_vault: addr::stake::reward_vault(&addr::stake::pool(agent_mint), reward_mint),
                revenue_share_event_authority: addr::event_authority(&revenue_share::ID),
                revenue_share_program: revenue_share::ID,
                creator_token_account: creator_account,
                protocol_token_account: protocol_account,
                token_program: *token_program,
                event_authority: event_authority(),
                program: fee_aggregator::ID,
            },
            fee_aggregator::instruction::Distribute {},
        )
    }

    /// What the executor sends: the accounts of the store's `LzReceiveTypes` PDA.
    pub fn lz_receive_types(params: LzReceiveParams) -> Instruction {
        ix(
            fee_aggregator::ID,
            fee_aggregator::accounts::LzReceiveTypes { store: fa::store() },
            fee_aggregator::instruction::LzReceiveTypes { params },
        )
    }

    /// What the executor sends: the accounts of the store's `LzComposeTypes` PDA (the
    /// store, then `ofts`).
    pub fn lz_compose_types(ofts: &[Pubkey], params: LzComposeParams) -> Instruction {
        let mut i = ix(
            fee_aggregator::ID,
            fee_aggregator::accounts::LzComposeTypes { store: fa::store() },
            fee_aggregator::instruction::LzComposeTypes { params },
        );
        i.accounts.extend(ofts.iter().map(|k| AccountMeta::new_readonly(*k, false)));
        i
    }

    /// An executor's instruction from a `*_types` list (the default-key signer replaced by
    /// `payer`).
    pub fn from_types(payer: &Pubkey, accounts: &[LzAccount], data: Vec<u8>) -> Instruction {
        let metas = accounts
            .iter()
            .map(|a| {
                let key = if a.pubkey == Pubkey::default() && a.is_signer { *payer } else { a.pubkey };
                AccountMeta { pubkey: key, is_signer: a.is_signer, is_writable: a.is_writable }
            })
            .collect();
        Instruction { program_id: fee_aggregator::ID, accounts: metas, data }
    }

    pub fn lz_receive(payer: &Pubkey, accounts: &[LzAccount], params: LzReceiveParams) -> Instruction {
        from_types(payer, accounts, fee_aggregator::instruction::LzReceive { params }.data())
    }

    pub fn lz_compose(payer: &Pubkey, accounts: &[LzAccount], params: LzComposeParams) -> Instruction {
        from_types(payer, accounts, fee_aggregator::instruction::LzCompose { params }.data())
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
    use anchor_lang::solana_program::instruction::{AccountMeta, Instruction};
    use anchor_lang::system_program;
    use solana_sdk::pubkey::Pubkey;

    use super::ix;
    use crate::accounts::{self as addr, stake as st};

    fn event_authority() -> Pubkey {
        addr::event_authority(&revenue_share::ID)
    }

    pub fn stake(owner: &Pubkey, agent_mint: &Pubkey, amount: u64) -> Instruction {
        let pool = st::pool(agent_mint);
        ix(
            revenue_share::ID,
            revenue_share::accounts::Stake {
                owner: *owner,
                stake_pool: pool,
                position: st::position(&pool, owner),
                owner_token_account: addr::ata(owner, agent_mint, &anchor_spl::token_2022::ID),
                stake_vault: st::vault(&pool),
                agent_mint: *agent_mint,
                token_program: anchor_spl::token_2022::ID,
                system_program: system_program::ID,
                event_authority: event_authority(),
                program: revenue_share::ID,
            },
            revenue_share::instruction::Stake { amount },
        )
    }

    /// `request_unstake` by `signer` on `position_owner`'s position.
    pub fn request_unstake(signer: &Pubkey, position_owner: &Pubkey, agent_mint: &Pubkey, amount: u64) -> Instruction {
        let pool = st::pool(agent_mint);
        ix(
            revenue_share::ID,
            revenue_share::accounts::RequestUnstake {
                owner: *signer,
                stake_pool: pool,
                position: st::position(&pool, position_owner),
                event_authority: event_authority(),
                program: revenue_share::ID,
            },
            revenue_share::instruction::RequestUnstake { amount },
        )
    }

    pub fn withdraw(owner: &Pubkey, agent_mint: &Pubkey) -> Instruction {
        let pool = st::pool(agent_mint);
        ix(
            revenue_share::ID,
            revenue_share::accounts::Withdraw {
                owner: *owner,
                stake_pool: pool,
                position: st::position(&pool, owner),
                destination: addr::ata(owner, agent_mint, &anchor_spl::token_2022::ID),
                stake_vault: st::vault(&pool),
                agent_mint: *agent_mint,
                token_program: anchor_spl::token_2022::ID,
                event_authority: event_authority(),
                program: revenue_share::ID,
            },
            revenue_share::instruction::Withdraw {},
        )
    }

    /// `claim` by `signer` on `position_owner`'s position, for each `(reward mint, reward
    /// vault, destination, token program)`.
    pub fn claim(signer: &Pubkey, position_owner: &Pubkey, agent_mint: &Pubkey, rewards: &[(Pubkey, Pubkey, Pubkey, Pubkey)]) -> Instruction {
        let pool = st::pool(agent_mint);
        let mut i = ix(
            revenue_share::ID,
            revenue_share::accounts::Claim {
                owner: *signer,
                stake_pool: pool,
                position: st::position(&pool, position_owner),
                event_authority: event_authority(),
                program: revenue_share::ID,
            },
            revenue_share::instruction::Claim {},
        );
        for (mint, vault, destination, token_program) in rewards {
            i.accounts.extend([
                AccountMeta::new_readonly(*mint, false),
                AccountMeta::new(*vault, false),
                AccountMeta::new(*destination, false),
                AccountMeta::new_readonly(*token_program, false),
            ]);
        }
        i
    }

    /// The claim group of `reward_mint` paid to `owner`'s ATA.
    pub fn reward(owner: &Pubkey, agent_mint: &Pubkey, reward_mint: &Pubkey, token_program: &Pubkey) -> (Pubkey, Pubkey, Pubkey, Pubkey) {
        let pool = st::pool(agent_mint);
        (*reward_mint, st::reward_vault(&pool, reward_mint), addr::ata(owner, reward_mint, token_program), *token_program)
    }

    pub fn close_position(owner: &Pubkey, agent_mint: &Pubkey) -> Instruction {
        let pool = st::pool(agent_mint);
        ix(
            revenue_share::ID,
            revenue_share::accounts::ClosePosition {
                owner: *owner,
                stake_pool: pool,
                position: st::position(&pool, owner),
                event_authority: event_authority(),
                program: revenue_share::ID,
            },
            revenue_share::instruction::ClosePosition {},
        )
    }

    pub fn add_reward_mint(creator: &Pubkey, agent_mint: &Pubkey, reward_mint: &Pubkey, token_program: &Pubkey) -> Instruction {
        let pool = st::pool(agent_mint);
        ix(
            revenue_share::ID,
            revenue_share::accounts::AddRewardMint {
                creator: *creator,
                agent: addr::agent(agent_mint),
                stake_pool: pool,
                reward_mint: *reward_mint,
                reward_vault: st::reward_vault(&pool, reward_mint),
                reward_token_program: *token_program,
                system_program: system_program::ID,
                event_authority: event_authority(),
                program: revenue_share::ID,
            },
            revenue_share::instruction::AddRewardMint {},
        )
    }

    /// `notify_reward` called directly by `signer` (only fee-aggregator's vault PDA may).
    pub fn notify_reward(signer: &Pubkey, source: Pubkey, agent_mint: &Pubkey, reward_mint: &Pubkey, token_program: &Pubkey, amount: u64) -> Instruction {
        let pool = st::pool(agent_mint);
        ix(
            revenue_share::ID,
            revenue_share::accounts::NotifyReward {
                aggregator_vault: *signer,
                source,
                stake_pool: pool,
                reward_vault: st::reward_vault(&pool, reward_mint),
                reward_mint: *reward_mint,
                token_program: *token_program,
                event_authority: event_authority(),
                program: revenue_share::ID,
            },
            revenue_share::instruction::NotifyReward { amount },
        )
    }
}
