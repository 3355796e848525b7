use agentpad_common::account::{create_rent_exempt, write_borsh};
use agentpad_common::emit_event;
use anchor_lang::prelude::*;

use crate::constants::{CONFIG_ADDRESS, CONFIG_BUMP, seeds};
use crate::instructions::admin::*;
use crate::event::ConfigInitialized;
use crate::state::Config;

/// Creates the program config. Only the program's upgrade authority may do it, so a
/// fresh deployment cannot be front-run.
#[event_cpi]
#[derive(Accounts)]
pub struct InitializeConfig<'info> {
    pub authority: UpgradeAuthority<'info>,
    /// The config, created here at its compile-time address (a second call finds it in use).
    /// CHECK: created here.
    #[account(mut, address = CONFIG_ADDRESS)]
    pub config: UncheckedAccount<'info>,
    pub system_program: Program<'info, System>,
}

pub fn handle_initialize_config(ctx: Context<InitializeConfig>, protocol_fee_recipient: Pubkey) -> Result<()> {
    let a = &ctx.accounts;
    let admin = a.authority.admin.key();
    let config_seeds: &[&[u8]] = &[seeds::CONFIG, &[CONFIG_BUMP]];
    create_rent_exempt(&a.system_program, &a.authority.admin, &a.config, Config::SPACE, &crate::ID, config_seeds, &Rent::get()?)?;
    write_borsh(&a.config, &Config { admin, protocol_fee_recipient, pending_admin: Pubkey::default(), bump: CONFIG_BUMP })?;
    emit_event!(ctx, ConfigInitialized { admin, protocol_fee_recipient });
    Ok(())
}
