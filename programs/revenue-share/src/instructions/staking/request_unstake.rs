use agentpad_common::emit_event;
use anchor_lang::prelude::*;

use crate::error::RevenueShareError;
use crate::event::UnstakeRequested;
use crate::state::{Position, StakePool};

/// Starts the cooldown for `amount` of stake. It stops earning at once (rewards so far are
/// settled) and can be withdrawn when the pool's cooldown has passed. A new request adds
/// to what is waiting and restarts the cooldown.
#[event_cpi]
#[derive(Accounts)]
pub struct RequestUnstake<'info> {
    pub owner: Signer<'info>,
    /// Any stake pool: `AccountLoader` checks owner and type, and a pool exists only at its
    /// PDA (re-deriving it would cost 1,500 CU and prove nothing more).
    #[account(mut)]
    pub stake_pool: AccountLoader<'info, StakePool>,
    #[account(
        mut,
        constraint = position.load()?.stake_pool == stake_pool.key() @ RevenueShareError::PositionPoolMismatch,
        constraint = position.load()?.owner == owner.key() @ RevenueShareError::NotPositionOwner,
    )]
    pub position: AccountLoader<'info, Position>,
}

impl RequestUnstake<'_> {
    fn validate(&self, amount: u64) -> Result<()> {
        require!(amount > 0, RevenueShareError::ZeroAmount);
        require!(amount <= self.position.load()?.staked, RevenueShareError::InsufficientStake);
        Ok(())
    }
}

#[access_control(ctx.accounts.validate(amount))]
pub fn handle_request_unstake(ctx: Context<RequestUnstake>, amount: u64) -> Result<()> {
    let now = Clock::get()?.unix_timestamp;
    let mut pool = ctx.accounts.stake_pool.load_mut()?;
    let mut position = ctx.accounts.position.load_mut()?;
    pool.update_all(now)?;
    position.settle_all(&pool)?;
    position.staked -= amount;
    pool.total_staked -= amount;
    position.unstaking = position.unstaking.checked_add(amount).ok_or(RevenueShareError::MathOverflow)?;
    position.unlock_at = now.checked_add(pool.unstake_cooldown as i64).ok_or(RevenueShareError::MathOverflow)?;
    let event = UnstakeRequested {
        stake_pool: ctx.accounts.stake_pool.key(),
        owner: position.owner,
        amount,
        position_staked: position.staked,
        total_staked: pool.total_staked,
        unlock_at: position.unlock_at,
    };
    drop((pool, position));
    emit_event!(ctx, event);
    Ok(())
}
