use anchor_lang::prelude::*;

#[event]
pub struct StakePoolCreated {
    pub stake_pool: Pubkey,
    pub agent_mint: Pubkey,
    pub unstake_cooldown: u32,
    pub reward_window: u32,
}

#[event]
pub struct RewardMintAdded {
    pub stake_pool: Pubkey,
    pub reward_mint: Pubkey,
    pub index: u8,
}

#[event]
pub struct Staked {
    pub stake_pool: Pubkey,
    pub owner: Pubkey,
    pub amount: u64,
    pub position_staked: u64,
    pub total_staked: u64,
}

#[event]
pub struct UnstakeRequested {
    pub stake_pool: Pubkey,
    pub owner: Pubkey,
    pub amount: u64,
    pub position_staked: u64,
    pub total_staked: u64,
    pub unlock_at: i64,
}

#[event]
pub struct Withdrawn {
    pub stake_pool: Pubkey,
    pub owner: Pubkey,
    pub amount: u64,
}

#[event]
pub struct RewardClaimed {
    pub stake_pool: Pubkey,
    pub owner: Pubkey,
    pub reward_mint: Pubkey,
    pub amount: u64,
    pub total_claimed: u64,
}

#[event]
pub struct RewardNotified {
    pub stake_pool: Pubkey,
    pub reward_mint: Pubkey,
    pub amount: u64,
    /// Reward units per second after this notify, Q64.64.
    pub rate_x64: u128,
    pub period_finish: i64,
    pub total_notified: u64,
    pub total_staked: u64,
}

#[event]
pub struct PositionClosed {
    pub stake_pool: Pubkey,
    pub owner: Pubkey,
}
