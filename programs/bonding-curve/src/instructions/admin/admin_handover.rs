use agentpad_common::emit_event;
use anchor_lang::prelude::*;

use crate::constants::CONFIG_ADDRESS;
use crate::error::BondingCurveError;
use crate::event::{AdminProposed, AdminTransferred};
use crate::state::Config;

/// Step one of handing the admin role over: the admin names its successor (the default
/// key withdraws a proposal). Nothing changes until the successor accepts, so the role
/// can never go to a key nobody controls — and a multisig (e.g. a Squads vault) accepts
/// through its own transaction.
#[event_cpi]
#[derive(Accounts)]
pub struct ProposeAdmin<'info> {
    pub admin: Signer<'info>,
    #[account(mut, address = CONFIG_ADDRESS, has_one = admin @ BondingCurveError::NotAdmin)]
    pub config: Account<'info, Config>,
}

pub fn handle_propose_admin(ctx: Context<ProposeAdmin>, proposed: Pubkey) -> Result<()> {
    ctx.accounts.config.pending_admin = proposed;
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
        address = CONFIG_ADDRESS,
        constraint = config.pending_admin == new_admin.key() && new_admin.key() != Pubkey::default() @ BondingCurveError::NotPendingAdmin,
    )]
    pub config: Account<'info, Config>,
}

pub fn handle_accept_admin(ctx: Context<AcceptAdmin>) -> Result<()> {
    let config = &mut ctx.accounts.config;
    let previous_admin = core::mem::replace(&mut config.admin, ctx.accounts.new_admin.key());
    config.pending_admin = Pubkey::default();
    emit_event!(ctx, AdminTransferred { previous_admin, new_admin: config.admin });
    Ok(())
}
