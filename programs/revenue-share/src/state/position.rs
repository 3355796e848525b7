use agentpad_math::reward::Accrual;
use anchor_lang::prelude::*;

use super::PodU128;
use crate::constants::MAX_REWARD_MINTS;
use crate::error::RevenueShareError;
use crate::state::StakePool;

#[zero_copy]
#[derive(Debug, Default)]
pub struct PositionAccrual {
    pub checkpoint_x64: PodU128,
    pub owed_x64: PodU128,
}

impl PositionAccrual {
    pub fn get(&self) -> Accrual {
        Accrual { checkpoint_x64: u128::from_le_bytes(self.checkpoint_x64), owed_x64: u128::from_le_bytes(self.owed_x64) }
    }

    pub fn set(&mut self, a: &Accrual) {
        self.checkpoint_x64 = a.checkpoint_x64.to_le_bytes();
        self.owed_x64 = a.owed_x64.to_le_bytes();
    }
}

/// One holder's stake in one pool. PDA `["position", stake_pool, owner]`.
#[account(zero_copy)]
#[derive(Debug)]
pub struct Position {
    pub owner: Pubkey,
    pub stake_pool: Pubkey,
    /// Earning stake.
    pub staked: u64,
    /// Stake on its way out: earns nothing, withdrawable at `unlock_at`.
    pub unstaking: u64,
    pub unlock_at: i64,
    pub accruals: [PositionAccrual; MAX_REWARD_MINTS as usize],
    pub bump: u8,
    pub _padding: [u8; 7],
    /// Room for later fields without a layout migration; zero. Smaller than the pools'
    /// reserve: every staker pays this account's rent.
    pub _reserved: [u64; 4],
}

const _: () = assert!(core::mem::size_of::<Position>() == 2 * 32 + 3 * 8 + MAX_REWARD_MINTS as usize * 32 + 8 + 32);

impl Position {
    /// Account size: discriminator and the fixed layout.
    pub const SPACE: usize = 8 + core::mem::size_of::<Self>();

    /// Settles every reward of the pool into this position (call after `update_all`,
    /// before `staked` changes).
    pub fn settle_all(&mut self, pool: &StakePool) -> Result<()> {
        for (i, slot) in pool.active_rewards().iter().enumerate() {
            let mut a = self.accruals[i].get();
            a.settle(&slot.stream(), self.staked).map_err(RevenueShareError::from)?;
            self.accruals[i].set(&a);
        }
        Ok(())
    }
}
