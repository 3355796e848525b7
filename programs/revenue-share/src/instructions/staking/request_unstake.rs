use agentpad_common::emit_event;
use anchor_lang::prelude::*;

use crate::error::RevenueShareError;
use crate::event::UnstakeRequested;
use crate::instructions::groups::*;

/// Starts the cooldown for `amount` of stake. It stops earning at once (rewards so far are
/// settled) and can be withdrawn when the pool's cooldown has passed. A new request adds
/// to what is waiting and restarts the cooldown.
#[event_cpi]
#[derive(Accounts)]
pub struct RequestUnstake<'info> {
    pub staker: OwnPosition<'info>,
}

impl RequestUnstake<'_> {
    fn validate(&self, amount: u64) -> Result<()> {
        require!(amount > 0, RevenueShareError::ZeroAmount);
        require!(amount <= self.staker.position.load()?.staked, RevenueShareError::InsufficientStake);
        Ok(())
    }
}

#[access_control(ctx.accounts.validate(amount))]
pub fn handle_request_unstake(ctx: Context<RequestUnstake>, amount: u64) -> Result<()> {
    let now = Clock::get()?.unix_timestamp;
    let staker = &ctx.accounts.staker;
    let mut pool = staker.stake_pool.load_mut()?;
    let mut position = staker.position.load_mut()?;
    pool.update_all(now)?;
    position.settle_all(&pool)?;
    position.staked -= amount;
    pool.total_staked -= amount;
    position.unstaking = position.unstaking.checked_add(amount).ok_or(RevenueShareError::MathOverflow)?;
    position.unlock_at = now.checked_add(pool.unstake_cooldown as i64).ok_or(RevenueShareError::MathOverflow)?;
    let event = UnstakeRequested {
        stake_pool: staker.stake_pool.key(),
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
