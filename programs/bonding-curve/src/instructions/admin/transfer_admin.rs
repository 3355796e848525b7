use anchor_lang::prelude::*;

use crate::constants::seeds;
use crate::error::BondingCurveError;
use crate::event::AdminTransferred;
use crate::state::Config;

/// Hands the admin role over. The new admin signs too, so the role can never be sent
/// to a key nobody controls.
#[event_cpi]
#[derive(Accounts)]
pub struct TransferAdmin<'info> {
    pub admin: Signer<'info>,
    pub new_admin: Signer<'info>,
    #[account(mut, seeds = [seeds::CONFIG], bump = config.bump, has_one = admin @ BondingCurveError::NotAdmin)]
    pub config: Account<'info, Config>,
}

pub fn handle_transfer_admin(ctx: Context<TransferAdmin>) -> Result<()> {
    let new_admin = ctx.accounts.new_admin.key();
    ctx.accounts.config.admin = new_admin;
    emit_cpi!(AdminTransferred { previous_admin: ctx.accounts.admin.key(), new_admin });
    Ok(())
}
