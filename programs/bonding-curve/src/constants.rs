//! Seeds and bounds of the bonding-curve program, published in its IDL (`#[constant]`).

use anchor_lang::prelude::*;

pub mod seeds {
    use anchor_lang::prelude::*;

    /// PDA seed: `["config"]`, the program's config.
    #[constant]
    pub const CONFIG: &[u8] = b"config";
    /// PDA seed: `["preset", id u16 LE]`.
    #[constant]
    pub const PRESET: &[u8] = b"preset";
    /// PDA seed: `["pool", base_mint]`.
    #[constant]
    pub const POOL: &[u8] = b"pool";
    /// PDA seed: `["base_vault", pool]`.
    #[constant]
    pub const BASE_VAULT: &[u8] = b"base_vault";
    /// PDA seed: `["quote_vault", pool]`.
    #[constant]
    pub const QUOTE_VAULT: &[u8] = b"quote_vault";
}

/// The config's address, computed at compile time (its seeds are fixed).
pub const CONFIG_BUMP: u8 = 255;
pub const CONFIG_ADDRESS: Pubkey = agentpad_common::ids::const_pda(&[seeds::CONFIG], CONFIG_BUMP, &crate::ID);

/// Agent tokens always have 6 decimals (1 token = 1,000,000 units); pools refuse others.
#[constant]
pub const AGENT_TOKEN_DECIMALS: u8 = agentpad_common::ids::AGENT_TOKEN_DECIMALS;
/// The highest trading fee a preset's schedule may start at (bps).
#[constant]
pub const MAX_FEE_BPS: u16 = agentpad_math::fee::MAX_FEE_BPS;
/// The highest fee a preset's schedule may settle at (bps).
#[constant]
pub const MAX_BASE_FEE_BPS: u16 = agentpad_math::fee::MAX_BASE_FEE_BPS;
/// The longest anti-sniper decay window (seconds).
#[constant]
pub const MAX_DECAY_SECONDS: u32 = agentpad_math::fee::MAX_DECAY_SECONDS;
/// The largest gap between the curve's last price and the graduated pool's first (bps).
#[constant]
pub const MAX_GRADUATION_PRICE_GAP_BPS: u64 = agentpad_math::pool::MAX_GRADUATION_PRICE_GAP_BPS;
/// Bounds of a preset's staking terms (seconds): cooldowns and the reward window.
#[constant]
pub const MIN_STAKING_SECONDS: u32 = agentpad_math::staking::MIN_SECONDS;
#[constant]
pub const MAX_UNSTAKE_COOLDOWN: u32 = agentpad_math::staking::MAX_UNSTAKE_COOLDOWN;
#[constant]
pub const MAX_REWARD_WINDOW: u32 = agentpad_math::staking::MAX_REWARD_WINDOW;
/// The clusters' default staking terms (`StakingParams::STANDARD`, seconds).
#[constant]
pub const STANDARD_MIN_UNSTAKE_COOLDOWN: u32 = agentpad_math::staking::StakingTerms::STANDARD.min_unstake_cooldown;
#[constant]
pub const STANDARD_DEFAULT_UNSTAKE_COOLDOWN: u32 = agentpad_math::staking::StakingTerms::STANDARD.default_unstake_cooldown;
#[constant]
pub const STANDARD_REWARD_WINDOW: u32 = agentpad_math::staking::StakingTerms::STANDARD.reward_window;

const _: () = assert!(MAX_BASE_FEE_BPS <= MAX_FEE_BPS);
const _: () = assert!((MAX_FEE_BPS as u64) < agentpad_math::BPS_DENOMINATOR);
