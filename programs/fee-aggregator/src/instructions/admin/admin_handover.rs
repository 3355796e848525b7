use agentpad_common::emit_event;
use anchor_lang::prelude::*;

use crate::constants::STORE_ADDRESS;
use crate::error::FeeAggregatorError;
use crate::event::{AdminProposed, AdminTransferred};
use crate::state::Store;

/// Step one of handing the admin role over: the admin names its successor (the default
/// key withdraws a proposal). Nothing changes until the successor accepts, so a multisig
/// (e.g. a Squads vault) takes the role through its own transaction.
#[event_cpi]
#[derive(Accounts)]
pub struct ProposeAdmin<'info> {
    pub admin: Signer<'info>,
    #[account(mut, address = STORE_ADDRESS, has_one = admin @ FeeAggregatorError::NotAdmin)]
    pub store: Account<'info, Store>,
}

pub fn handle_propose_admin(ctx: Context<ProposeAdmin>, proposed: Pubkey) -> Result<()> {
    ctx.accounts.store.pending_admin = proposed;
    emit_event!(ctx, AdminProposed { admin: ctx.accounts.admin.key(), proposed });
    Ok(())
}

/// Step two: the proposed admin takes the role.
#[event_cpi]
#[derive(Accounts)]
pub struct AcceptAdmin<'info> {
    pub new_admin: Signer<'info>,
    #[account(
        mut,
        address = STORE_ADDRESS,
        constraint = store.pending_admin == new_admin.key() && new_admin.key() != Pubkey::default() @ FeeAggregatorError::NotPendingAdmin,
    )]
    pub store: Account<'info, Store>,
}

pub fn handle_accept_admin(ctx: Context<AcceptAdmin>) -> Result<()> {
    let store = &mut ctx.accounts.store;
    let previous_admin = core::mem::replace(&mut store.admin, ctx.accounts.new_admin.key());
    store.pending_admin = Pubkey::default();
    emit_event!(ctx, AdminTransferred { previous_admin, new_admin: store.admin });
    Ok(())
}
