use anchor_lang::prelude::*;

use crate::constants::seeds;
use crate::error::RevenueShareError;
use crate::event::PositionClosed;
use crate::state::{Position, StakePool};

/// Closes an empty position and returns its rent. Fractions of a unit still owed go back
/// to the pool's dust (they re-enter the next drip), so nothing is lost.
#[event_cpi]
#[derive(Accounts)]
pub struct ClosePosition<'info> {
    #[account(mut)]
    pub owner: Signer<'info>,
    #[account(mut, seeds = [seeds::STAKE_POOL, stake_pool.load()?.agent_mint.as_ref()], bump = stake_pool.load()?.bump)]
    pub stake_pool: AccountLoader<'info, StakePool>,
    #[account(
        mut,
        close = owner,
        seeds = [seeds::POSITION, stake_pool.key().as_ref(), position.load()?.owner.as_ref()],
        bump = position.load()?.bump,
        constraint = position.load()?.owner == owner.key() @ RevenueShareError::NotPositionOwner,
    )]
    pub position: AccountLoader<'info, Position>,
}

impl ClosePosition<'_> {
    fn validate(&self) -> Result<()> {
        let position = self.position.load()?;
        require!(position.staked == 0 && position.unstaking == 0, RevenueShareError::PositionNotEmpty);
        Ok(())
    }
}

#[access_control(ctx.accounts.validate())]
pub fn handle_close_position(ctx: Context<ClosePosition>) -> Result<()> {
    let now = Clock::get()?.unix_timestamp;
    let mut pool = ctx.accounts.stake_pool.load_mut()?;
    let mut position = ctx.accounts.position.load_mut()?;
    pool.update_all(now)?;
    position.settle_all(&pool)?;
    let count = pool.reward_count as usize;
    for i in 0..count {
        let owed = position.accruals[i].get();
        // Unclaimed rewards are only known once settled, so this check stays here.
        require!(owed.claimable() == 0, RevenueShareError::PositionNotEmpty);
        let mut stream = pool.rewards[i].stream();
        stream.dust_x64 = stream.dust_x64.checked_add(owed.owed_x64).ok_or(RevenueShareError::MathOverflow)?;
        pool.rewards[i].store(&stream);
    }
    let owner = position.owner;
    drop((pool, position));
    emit_cpi!(PositionClosed { stake_pool: ctx.accounts.stake_pool.key(), owner });
    Ok(())
}
