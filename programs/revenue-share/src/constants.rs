//! Seeds and bounds of the revenue-share program.

pub mod seeds {
    pub const STAKE_POOL: &[u8] = b"stake_pool";
    pub const STAKE_VAULT: &[u8] = b"stake_vault";
    pub const REWARD_VAULT: &[u8] = b"reward_vault";
    pub const POSITION: &[u8] = b"position";
}

/// Reward mints a stake pool can carry.
pub const MAX_REWARD_MINTS: usize = 4;

pub mod bounds {
    /// Unstake cooldown a pool may choose: one hour to thirty days.
    pub const MIN_UNSTAKE_COOLDOWN: u32 = 3_600;
    pub const MAX_UNSTAKE_COOLDOWN: u32 = 30 * 86_400;
    pub const DEFAULT_UNSTAKE_COOLDOWN: u32 = 2 * 86_400;
    /// Every notified amount drips over this window (a week).
    pub const REWARD_WINDOW: u32 = 7 * 86_400;
}

const _: () = assert!(bounds::MIN_UNSTAKE_COOLDOWN <= bounds::DEFAULT_UNSTAKE_COOLDOWN);
const _: () = assert!(bounds::DEFAULT_UNSTAKE_COOLDOWN <= bounds::MAX_UNSTAKE_COOLDOWN);
