use agentpad_math::reward::RewardStream;
use anchor_lang::prelude::*;

use super::PodU128;
use crate::constants::{MAX_REWARD_MINTS, seeds};
use crate::error::RevenueShareError;

/// One reward mint of a pool: its vault and its stream (see `agentpad_math::reward`).
#[zero_copy]
#[derive(Debug, Default)]
pub struct RewardSlot {
    pub mint: Pubkey,
    pub vault: Pubkey,
    pub token_program: Pubkey,
    pub acc_x64: PodU128,
    pub rate_x64: PodU128,
    pub dust_x64: PodU128,
    pub period_finish: i64,
    pub last_update: i64,
    pub total_notified: u64,
    pub total_claimed: u64,
    pub decimals: u8,
    pub _padding: [u8; 7],
}

impl RewardSlot {
    pub fn stream(&self) -> RewardStream {
        RewardStream {
            acc_x64: u128::from_le_bytes(self.acc_x64),
            rate_x64: u128::from_le_bytes(self.rate_x64),
            period_finish: self.period_finish,
            last_update: self.last_update,
            dust_x64: u128::from_le_bytes(self.dust_x64),
            total_notified: self.total_notified,
            total_claimed: self.total_claimed,
        }
    }

    pub fn store(&mut self, s: &RewardStream) {
        self.acc_x64 = s.acc_x64.to_le_bytes();
        self.rate_x64 = s.rate_x64.to_le_bytes();
        self.period_finish = s.period_finish;
        self.last_update = s.last_update;
        self.dust_x64 = s.dust_x64.to_le_bytes();
        self.total_notified = s.total_notified;
        self.total_claimed = s.total_claimed;
    }
}

/// An agent's stake pool. PDA `["stake_pool", agent_mint]`; owns the stake vault and the
/// reward vaults.
#[account(zero_copy)]
#[derive(Debug)]
pub struct StakePool {
    pub agent_mint: Pubkey,
    pub stake_vault: Pubkey,
    pub total_staked: u64,
    pub unstake_cooldown: u32,
    pub reward_window: u32,
    pub rewards: [RewardSlot; MAX_REWARD_MINTS as usize],
    pub reward_count: u8,
    pub bump: u8,
    pub _padding: [u8; 6],
    /// Room for later fields without a layout migration; zero.
    pub _reserved: [u64; 8],
}

const _: () = assert!(core::mem::size_of::<RewardSlot>() == 3 * 32 + 3 * 16 + 4 * 8 + 8);
const _: () = assert!(core::mem::size_of::<StakePool>() == 2 * 32 + 16 + MAX_REWARD_MINTS as usize * 184 + 8 + 64);

impl StakePool {
    /// Account size: discriminator and the fixed layout.
    pub const SPACE: usize = 8 + core::mem::size_of::<Self>();

    pub fn active_rewards(&self) -> &[RewardSlot] {
        &self.rewards[..self.reward_count as usize]
    }

    /// Whether `account` is one of this pool's own token accounts (its stake vault or a
    /// reward vault). A payout there would be a transfer to itself: the books would move,
    /// the tokens would not.
    pub fn is_own_vault(&self, account: &Pubkey) -> bool {
        self.stake_vault == *account || self.active_rewards().iter().any(|r| r.vault == *account)
    }

    pub fn slot_index(&self, mint: &Pubkey) -> Result<usize> {
        self.active_rewards()
            .iter()
            .position(|r| r.mint == *mint)
            .ok_or_else(|| error!(RevenueShareError::UnknownRewardMint))
    }

    /// Brings every stream up to `now` (before any stake change or claim).
    pub fn update_all(&mut self, now: i64) -> Result<()> {
        let total = self.total_staked;
        for slot in self.rewards[..self.reward_count as usize].iter_mut() {
            let mut s = slot.stream();
            s.update(now, total).map_err(RevenueShareError::from)?;
            slot.store(&s);
        }
        Ok(())
    }
}

/// Signer seeds of a stake pool PDA, from copies.
pub fn pool_signer_seeds<'a>(agent_mint: &'a Pubkey, bump: &'a [u8; 1]) -> [&'a [u8]; 3] {
    [seeds::STAKE_POOL, agent_mint.as_ref(), bump]
}
