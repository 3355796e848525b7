use agentpad_common::emit_event;
use anchor_lang::prelude::*;

use crate::error::BondingCurveError;
use crate::event::PoolGraduated;
use crate::state::{Pool, load_pool_mut};

/// Turns a completed curve into a constant-product pool over its real reserves plus the
/// held-back supply (already in the base vault). Permissionless. Liquidity is locked:
/// no LP tokens exist and no instruction withdraws reserves.
#[event_cpi]
#[derive(Accounts)]
pub struct Graduate<'info> {
    #[account(mut)]
    pub pool: AccountLoader<'info, Pool>,
}

/// The phase check is the state machine's own (`Market::graduate`): only a complete
/// curve graduates (`ThresholdNotReached` before, `AlreadyGraduated` after).
pub fn handle_graduate(ctx: Context<Graduate>) -> Result<()> {
    let now = Clock::get()?.unix_timestamp;
    let (mut pool, segments) = load_pool_mut(ctx.accounts.pool.as_ref())?;
    let mut market = pool.market(&segments)?;
    let reserves = market.graduate().map_err(BondingCurveError::from)?;
    pool.store_state(market.reserves, market.phase);
    pool.graduation_timestamp = now;
    let event = PoolGraduated {
        pool: ctx.accounts.pool.key(),
        base_mint: pool.base_mint,
        quote_reserve: reserves.quote,
        base_reserve: reserves.base,
        price_q64: market.price_q64().map_err(BondingCurveError::from)?,
        timestamp: now,
    };
    drop((pool, segments));
    emit_event!(ctx, event);
    Ok(())
}
