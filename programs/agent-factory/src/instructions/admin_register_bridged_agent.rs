use agentpad_common::emit_event;
use anchor_lang::prelude::*;
use bonding_curve::constants::CONFIG_ADDRESS;
use bonding_curve::state::Config;

use super::groups::*;
use crate::error::AgentFactoryError;

/// The protocol admin's power to register a bridged agent without a link from its origin
/// chain (e.g. while the origin side cannot send one): the same record, fee vault and stake
/// pool, and the same mint checks, with the creator and origin the admin names. Evented as
/// `BridgedAgentRegistered { by_admin: true }`. The admin is bonding-curve's config admin.
#[event_cpi]
#[derive(Accounts)]
pub struct AdminRegisterBridgedAgent<'info> {
    /// The protocol admin; pays for the accounts.
    #[account(mut)]
    pub admin: Signer<'info>,
    #[account(address = CONFIG_ADDRESS, has_one = admin @ AgentFactoryError::NotAdmin)]
    pub config: Account<'info, Config>,
    pub bridged: NewBridgedAgent<'info>,
}

impl AdminRegisterBridgedAgent<'_> {
    fn validate(&self, preset_id: u16, origin: &BridgedOrigin) -> Result<()> {
        let unset = Pubkey::default();
        require!(origin.creator != unset && origin.oft_store != unset && origin.origin_eid != 0, AgentFactoryError::InvalidOrigin);
        self.bridged.check(&origin.oft_store, preset_id)
    }
}

#[access_control(ctx.accounts.validate(preset_id, &origin))]
pub fn handle_admin_register_bridged_agent(
    ctx: Context<AdminRegisterBridgedAgent>,
    preset_id: u16,
    unstake_cooldown: Option<u32>,
    origin: BridgedOrigin,
) -> Result<()> {
    let grant = Grant { origin, link_id: None };
    let a = &ctx.accounts;
    let event = a.bridged.register(&a.admin.to_account_info(), ctx.bumps.bridged.agent, &grant, preset_id, unstake_cooldown)?;
    emit_event!(ctx, event);
    Ok(())
}
