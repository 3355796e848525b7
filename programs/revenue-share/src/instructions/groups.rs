//! Account groups more than one instruction takes, written once (Anchor composite
//! `Accounts`: the group's accounts sit together in each instruction's list, and the IDL
//! and clients name them under the group's field).

use anchor_lang::prelude::*;

use crate::error::RevenueShareError;
use crate::state::{Position, StakePool};

/// A staker acting on their own position: the owner signs, and the position is theirs and
/// the pool's (by the keys it stored at creation).
#[derive(Accounts)]
pub struct OwnPosition<'info> {
    /// Writable: closing a position returns its rent here.
    #[account(mut)]
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
