//! Seeds and bounds of the revenue-share program, published in its IDL (`#[constant]`).

use anchor_lang::prelude::*;

pub mod seeds {
    use anchor_lang::prelude::*;

    /// PDA seed: `["stake_pool", agent_mint]`.
    #[constant]
    pub const STAKE_POOL: &[u8] = b"stake_pool";
    /// PDA seed: `["stake_vault", stake_pool]`.
    #[constant]
    pub const STAKE_VAULT: &[u8] = b"stake_vault";
    /// PDA seed: `["reward_vault", stake_pool, reward_mint]`.
    #[constant]
    pub const REWARD_VAULT: &[u8] = b"reward_vault";
    /// PDA seed: `["position", stake_pool, owner]`.
    #[constant]
    pub const POSITION: &[u8] = b"position";
}

/// Reward mints a stake pool can carry.
#[constant]
pub const MAX_REWARD_MINTS: u8 = 4;

// Cooldown and reward-window bounds are the staking terms of the agent's preset
// (agentpad_math::staking, published by bonding-curve), fixed in the stake pool at launch.
