use agentpad_common::emit_event;
use anchor_lang::prelude::*;

use crate::error::RevenueShareError;
use crate::event::PositionClosed;
use crate::instructions::groups::*;

/// Closes an empty position and returns its rent. Fractions of a unit still owed go back
/// to the pool's dust (they re-enter the next drip), so nothing is lost.
#[event_cpi]
#[derive(Accounts)]
pub struct ClosePosition<'info> {
    /// The position is closed to its owner (rent back) once settled.
    pub staker: OwnPosition<'info>,
}

impl ClosePosition<'_> {
    fn validate(&self) -> Result<()> {
        let position = self.staker.position.load()?;
        require!(position.staked == 0 && position.unstaking == 0, RevenueShareError::PositionNotEmpty);
        Ok(())
    }
}

#[access_control(ctx.accounts.validate())]
pub fn handle_close_position(ctx: Context<ClosePosition>) -> Result<()> {
    let now = Clock::get()?.unix_timestamp;
    let staker = &ctx.accounts.staker;
    let mut pool = staker.stake_pool.load_mut()?;
    let mut position = staker.position.load_mut()?;
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
    staker.position.close(staker.owner.to_account_info())?;
    emit_event!(ctx, PositionClosed { stake_pool: staker.stake_pool.key(), owner });
    Ok(())
}
