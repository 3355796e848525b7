//! bonding-curve: admin set-up, presets, pools, trades, fee claims.

use bonding_curve::state::{PoolParams, SegmentSpec, StakingParams};

use anchor_lang::prelude::Pubkey;
use anchor_lang::solana_program::instruction::Instruction;
use anchor_lang::system_program;

use super::ix;
use crate::pda::{self, PoolKeys};

fn event_authority() -> Pubkey {
    pda::event_authority(&bonding_curve::ID)
}

pub fn initialize_config(admin: &Pubkey, protocol_fee_recipient: Pubkey) -> Instruction {
    ix(
        bonding_curve::ID,
        bonding_curve::accounts::InitializeConfig {
            authority: bonding_curve::accounts::UpgradeAuthority { admin: *admin, program_data: pda::program_data(&bonding_curve::ID) },
            config: pda::bonding_curve::config(),
            system_program: system_program::ID,
            event_authority: event_authority(),
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
            config: pda::bonding_curve::config(),
            event_authority: event_authority(),
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
            config: pda::bonding_curve::config(),
            event_authority: event_authority(),
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
            config: pda::bonding_curve::config(),
            event_authority: event_authority(),
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
    create_segmented_preset(admin, preset_id, quote_mint, params, staking, vec![])
}

/// A preset whose curve has further segments after the first (`params.extra_segments`).
pub fn create_segmented_preset(admin: &Pubkey, preset_id: u16, quote_mint: &Pubkey, params: PoolParams, staking: StakingParams, segments: Vec<SegmentSpec>) -> Instruction {
    ix(
        bonding_curve::ID,
        bonding_curve::accounts::CreatePreset {
            admin: *admin,
            config: pda::bonding_curve::config(),
            preset: pda::bonding_curve::preset(preset_id),
            quote_mint: *quote_mint,
            system_program: system_program::ID,
            event_authority: event_authority(),
            program: bonding_curve::ID,
        },
        bonding_curve::instruction::CreatePreset { preset_id, params, staking, segments },
    )
}

/// A new pool's accounts for `keys`' mint, created by `payer` under `launcher`'s signature.
fn new_pool(payer: &Pubkey, launcher: &Pubkey, preset_id: u16, keys: &PoolKeys) -> bonding_curve::accounts::NewPool {
    bonding_curve::accounts::NewPool {
        payer: *payer,
        launcher: *launcher,
        preset: pda::bonding_curve::preset(preset_id),
        base_mint: keys.base_mint,
        quote_mint: keys.quote_mint,
        pool: keys.pool,
        base_vault: keys.base_vault,
        quote_vault: keys.quote_vault,
        base_token_program: anchor_spl::token_2022::ID,
        quote_token_program: keys.quote_token_program,
        system_program: system_program::ID,
    }
}

/// `create_pool` called directly, not through agent-factory's launch: bonding-curve refuses
/// it unless the launcher PDA signs (so this is for tests of that refusal).
pub fn create_pool(payer: &Pubkey, launcher: &Pubkey, preset_id: u16, keys: &PoolKeys, creator_fee_authority: Pubkey) -> Instruction {
    ix(
        bonding_curve::ID,
        bonding_curve::accounts::CreatePool {
            new_pool: new_pool(payer, launcher, preset_id, keys),
            event_authority: event_authority(),
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
            event_authority: event_authority(),
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
        pool_quote: pool_quote(keys),
        base_mint: keys.base_mint,
        base_vault: keys.base_vault,
        user_base_account: user_base,
        user_quote_account: user_quote,
        base_token_program: anchor_spl::token_2022::ID,
        event_authority: event_authority(),
        program: bonding_curve::ID,
    }
}

/// The pool with its quote side (vault, mint, token program), as trades and fee claims take it.
pub fn pool_quote(keys: &PoolKeys) -> bonding_curve::accounts::PoolQuoteSide {
    bonding_curve::accounts::PoolQuoteSide {
        pool: keys.pool,
        quote_vault: keys.quote_vault,
        quote_mint: keys.quote_mint,
        quote_token_program: keys.quote_token_program,
    }
}

/// bonding-curve's `create_seeded_pool` as agent-factory's `open_bridged_pool` calls it
/// (the launcher must sign: only agent-factory can make it).
pub fn create_seeded_pool(payer: &Pubkey, provider: &Pubkey, keys: &PoolKeys, preset_id: u16, base_amount: u64, quote_amount: u64, creator_fee_authority: Pubkey) -> Instruction {
    ix(
        bonding_curve::ID,
        bonding_curve::accounts::CreateSeededPool {
            new_pool: new_pool(payer, &pda::agent_factory::launcher(), preset_id, keys),
            provider: *provider,
            provider_base_account: keys.base_ata(provider),
            provider_quote_account: keys.quote_ata(provider),
            event_authority: pda::event_authority(&bonding_curve::ID),
            program: bonding_curve::ID,
        },
        bonding_curve::instruction::CreateSeededPool { base_amount, quote_amount, creator_fee_authority },
    )
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
            config: pda::bonding_curve::config(),
            pool_quote: pool_quote(keys),
            recipient_token_account,
            event_authority: event_authority(),
            program: bonding_curve::ID,
        },
        bonding_curve::instruction::ClaimProtocolFees {},
    )
}

/// bonding-curve's own `claim_creator_fees`, signed by the pool's creator-fee authority (the
/// agent record, so in practice agent-factory's `claim_creator_fees` signs it).
pub fn claim_creator_fees(authority: &Pubkey, keys: &PoolKeys, destination: Pubkey) -> Instruction {
    ix(
        bonding_curve::ID,
        bonding_curve::accounts::ClaimCreatorFees {
            creator_fee_authority: *authority,
            pool_quote: pool_quote(keys),
            destination,
            event_authority: event_authority(),
            program: bonding_curve::ID,
        },
        bonding_curve::instruction::ClaimCreatorFees {},
    )
}

/// `claim_agent_fees`, signed by the agent's fee-aggregator vault (fee-aggregator's `sweep`
/// signs it).
pub fn claim_agent_fees(signer: &Pubkey, keys: &PoolKeys, destination: Pubkey) -> Instruction {
    ix(
        bonding_curve::ID,
        bonding_curve::accounts::ClaimAgentFees {
            agent_vault: *signer,
            pool_quote: pool_quote(keys),
            base_mint: keys.base_mint,
            destination,
            event_authority: event_authority(),
            program: bonding_curve::ID,
        },
        bonding_curve::instruction::ClaimAgentFees {},
    )
}
