use agentpad_common::emit_event;
use anchor_lang::prelude::*;

use crate::constants::seeds;
use crate::instructions::admin::*;
use crate::event::ConfigInitialized;
use crate::state::Config;

/// Creates the program config. Only the program's upgrade authority may do it, so a
/// fresh deployment cannot be front-run.
#[event_cpi]
#[derive(Accounts)]
pub struct InitializeConfig<'info> {
    pub authority: UpgradeAuthority<'info>,
    #[account(init, payer = authority.admin, space = 8 + Config::INIT_SPACE, seeds = [seeds::CONFIG], bump)]
    pub config: Account<'info, Config>,
    pub system_program: Program<'info, System>,
}

pub fn handle_initialize_config(ctx: Context<InitializeConfig>, protocol_fee_recipient: Pubkey) -> Result<()> {
    let admin = ctx.accounts.authority.admin.key();
    ctx.accounts.config.set_inner(Config { admin, protocol_fee_recipient, pending_admin: Pubkey::default(), bump: ctx.bumps.config });
    emit_event!(ctx, ConfigInitialized { admin, protocol_fee_recipient });
    Ok(())
}
