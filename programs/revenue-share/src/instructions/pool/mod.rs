pub mod add_reward_mint;
pub mod create_stake_pool;

pub use add_reward_mint::*;
pub use create_stake_pool::*;

use agentpad_common::mint_screen::screen_mint;
use agentpad_math::reward::RewardStream;
use anchor_lang::prelude::*;
use anchor_spl::token_interface::Mint;

use crate::constants::MAX_REWARD_MINTS;
use crate::error::RevenueShareError;
use crate::state::{RewardSlot, StakePool};

/// Registers a reward mint in the pool's next slot; returns its index.
pub(crate) fn add_reward_slot(pool: &mut StakePool, mint: &InterfaceAccount<Mint>, vault: Pubkey, token_program: Pubkey) -> Result<u8> {
    screen_mint(&mint.to_account_info()).map_err(RevenueShareError::from)?;
    let index = pool.reward_count as usize;
    require!(index < MAX_REWARD_MINTS as usize, RevenueShareError::TooManyRewardMints);
    // A mint cannot be added twice: its reward vault PDA already exists, so creating it
    // again is refused by the System Program.
    let mut slot = RewardSlot { mint: mint.key(), vault, token_program, decimals: mint.decimals, ..Default::default() };
    slot.store(&RewardStream::new(Clock::get()?.unix_timestamp));
    pool.rewards[index] = slot;
    pool.reward_count += 1;
    Ok(index as u8)
}
