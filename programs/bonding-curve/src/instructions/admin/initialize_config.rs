use agentpad_common::emit_event;
use anchor_lang::prelude::*;
use anchor_lang::solana_program::bpf_loader_upgradeable;

use crate::constants::seeds;
use crate::error::BondingCurveError;
use crate::event::ConfigInitialized;
use crate::state::Config;

/// Creates the program config. Only the program's upgrade authority may do it, so a
/// fresh deployment cannot be front-run.
#[event_cpi]
#[derive(Accounts)]
pub struct InitializeConfig<'info> {
    #[account(mut)]
    pub admin: Signer<'info>,
    #[account(
        seeds = [crate::ID.as_ref()],
        bump,
        seeds::program = bpf_loader_upgradeable::ID,
        constraint = program_data.upgrade_authority_address == Some(admin.key())
            @ BondingCurveError::NotUpgradeAuthority,
    )]
    pub program_data: Account<'info, ProgramData>,
    #[account(init, payer = admin, space = 8 + Config::INIT_SPACE, seeds = [seeds::CONFIG], bump)]
    pub config: Account<'info, Config>,
    pub system_program: Program<'info, System>,
}

pub fn handle_initialize_config(ctx: Context<InitializeConfig>, protocol_fee_recipient: Pubkey) -> Result<()> {
    let admin = ctx.accounts.admin.key();
    ctx.accounts.config.set_inner(Config { admin, protocol_fee_recipient, pending_admin: Pubkey::default(), bump: ctx.bumps.config });
    emit_event!(ctx, ConfigInitialized { admin, protocol_fee_recipient });
    Ok(())
}
