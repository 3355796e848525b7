//! fee-aggregator: the store and its peers and OFTs, vaults, deposits, sweeps, the split
//! policy, distribution, and the LayerZero executor's instructions.

use anchor_lang::InstructionData;
use anchor_lang::prelude::Pubkey;
use anchor_lang::solana_program::instruction::{AccountMeta, Instruction};
use anchor_lang::system_program;
use fee_aggregator::instructions::InitializeStoreArgs;
use fee_aggregator::lz::{self, LzAccount, LzComposeParams, LzReceiveParams};
use fee_aggregator::state::{PeerConfigParam, Split};

use super::ix;
use crate::pda::{self, PoolKeys, fee_aggregator as fa};

fn event_authority() -> Pubkey {
    pda::event_authority(&fee_aggregator::ID)
}

/// The endpoint's accounts for an instruction, as remaining accounts (LayerZero's
/// helper order: the endpoint program first).
fn endpoint_accounts(ix: &Instruction) -> Vec<AccountMeta> {
    lz::cpi_accounts(ix).into_iter().map(|a| AccountMeta { pubkey: a.pubkey, is_signer: false, is_writable: a.is_writable }).collect()
}

/// `initialize_store`, registering the store as an OApp with `args.endpoint_program`.
pub fn initialize_store(admin: &Pubkey, args: InitializeStoreArgs) -> Instruction {
    let store = fa::store();
    let mut i = ix(
        fee_aggregator::ID,
        fee_aggregator::accounts::InitializeStore {
            authority: fee_aggregator::accounts::UpgradeAuthority { admin: *admin, program_data: pda::program_data(&fee_aggregator::ID) },
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

/// `set_delegate`, forwarded to the store's endpoint (`endpoint_program`).
pub fn set_delegate(admin: &Pubkey, endpoint_program: &Pubkey, delegate: Pubkey) -> Instruction {
    let mut i = ix(
        fee_aggregator::ID,
        fee_aggregator::accounts::SetDelegate { admin: *admin, store: fa::store(), event_authority: event_authority(), program: fee_aggregator::ID },
        fee_aggregator::instruction::SetDelegate { delegate },
    );
    i.accounts.extend(endpoint_accounts(&lz::ix::set_delegate(endpoint_program, &fa::store(), delegate)));
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
            composer_token_account: pda::ata(&fa::store(), reward_mint, token_program),
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
            agent: pda::agent_factory::agent(agent_mint),
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
            agent_vault: vault_tokens(vault, reward_mint, token_program),
            event_authority: event_authority(),
            program: fee_aggregator::ID,
        },
        fee_aggregator::instruction::Deposit { amount },
    )
}

/// A vault with the token account, mint and token program it stored, as deposits, sweeps
/// and distributions take it.
pub fn vault_tokens(vault: Pubkey, reward_mint: &Pubkey, token_program: &Pubkey) -> fee_aggregator::accounts::VaultTokens {
    fee_aggregator::accounts::VaultTokens { vault, vault_token_account: fa::vault_tokens(&vault), reward_mint: *reward_mint, token_program: *token_program }
}

pub fn sweep(keys: &PoolKeys) -> Instruction {
    let vault = fa::vault(&keys.base_mint, &keys.quote_mint);
    ix(
        fee_aggregator::ID,
        fee_aggregator::accounts::Sweep {
            agent_vault: vault_tokens(vault, &keys.quote_mint, &keys.quote_token_program),
            agent_mint: keys.base_mint,
            pool: keys.pool,
            pool_quote_vault: keys.quote_vault,
            bonding_curve_event_authority: pda::event_authority(&bonding_curve::ID),
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
            agent: pda::agent_factory::agent(agent_mint),
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
            agent_vault: vault_tokens(vault, reward_mint, token_program),
            policy: fa::policy(agent_mint),
            agent: pda::agent_factory::agent(agent_mint),
            agent_mint: *agent_mint,
            stake_pool: pda::revenue_share::pool(agent_mint),
            stake_reward_vault: pda::revenue_share::reward_vault(&pda::revenue_share::pool(agent_mint), reward_mint),
            revenue_share_event_authority: pda::event_authority(&revenue_share::ID),
            revenue_share_program: revenue_share::ID,
            creator_token_account: creator_account,
            protocol_token_account: protocol_account,
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

/// `credit_commerce`: only agent-commerce's escrow authority can sign it (it does, inside
/// `approve_job`); built here for the tests that try without it.
pub fn credit_commerce(escrow_authority: &Pubkey, escrow: Pubkey, agent_mint: &Pubkey, reward_mint: &Pubkey, token_program: &Pubkey, amount: u64, job: Pubkey) -> Instruction {
    let vault = fa::vault(agent_mint, reward_mint);
    ix(
        fee_aggregator::ID,
        fee_aggregator::accounts::CreditCommerce {
            escrow_authority: *escrow_authority,
            escrow,
            agent_vault: vault_tokens(vault, reward_mint, token_program),
            event_authority: event_authority(),
            program: fee_aggregator::ID,
        },
        fee_aggregator::instruction::CreditCommerce { amount, job },
    )
}
