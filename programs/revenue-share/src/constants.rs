//! Seeds and bounds of the revenue-share program.

pub mod seeds {
    pub const STAKE_POOL: &[u8] = b"stake_pool";
    pub const STAKE_VAULT: &[u8] = b"stake_vault";
    pub const REWARD_VAULT: &[u8] = b"reward_vault";
    pub const POSITION: &[u8] = b"position";
}

/// Reward mints a stake pool can carry.
pub const MAX_REWARD_MINTS: usize = 4;

// Cooldown and reward-window bounds are the staking terms of the agent's preset
// (agentpad_math::staking), fixed in the stake pool at launch.
