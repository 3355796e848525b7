use agentpad_common::emit_event;
use anchor_lang::prelude::*;
use anchor_spl::token_2022::Token2022;
use anchor_spl::token_interface::TokenInterface;
use bonding_curve::constants::CONFIG_ADDRESS;
use bonding_curve::state::Config;

use super::groups::*;
use super::register_bridged_agent::{Grant, NewAgent, check_new_agent, register};
use crate::constants::seeds;
use crate::error::AgentFactoryError;

/// Where a bridged agent the admin registers comes from, and who its creator is.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub struct BridgedOrigin {
    pub creator: Pubkey,
    /// The LayerZero OFT store that must be the mint's authority.
    pub oft_store: Pubkey,
    pub origin_eid: u32,
    pub origin_token: [u8; 32],
}

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
    /// CHECK: the agent token mint, checked as in `register_bridged_agent` (`validate`).
    pub mint: UncheckedAccount<'info>,
    /// CHECK: created here at its PDA (seeds); refused if it exists (`validate`).
    #[account(mut, seeds = [seeds::AGENT, mint.key().as_ref()], bump)]
    pub agent: UncheckedAccount<'info>,
    /// CHECK: PDA that signs stake-pool creation in revenue-share; holds no data.
    #[account(address = agentpad_common::ids::LAUNCHER)]
    pub launcher: UncheckedAccount<'info>,
    /// CHECK: owned by bonding-curve, typed `Preset`, storing `preset_id` (`validate`).
    #[account(owner = bonding_curve::ID @ AgentFactoryError::UnknownPreset)]
    pub preset: UncheckedAccount<'info>,
    /// CHECK: the agent's first reward mint; fee-aggregator and revenue-share screen it.
    pub reward_mint: UncheckedAccount<'info>,
    pub revenue: AgentRevenue<'info>,
    pub token_2022_program: Program<'info, Token2022>,
    pub reward_token_program: Interface<'info, TokenInterface>,
    pub system_program: Program<'info, System>,
}

impl AdminRegisterBridgedAgent<'_> {
    fn validate(&self, preset_id: u16, origin: &BridgedOrigin) -> Result<()> {
        let unset = Pubkey::default();
        require!(origin.creator != unset && origin.oft_store != unset && origin.origin_eid != 0, AgentFactoryError::InvalidOrigin);
        check_new_agent(&self.mint, &self.agent, &self.preset, &origin.oft_store, preset_id)
    }
}

#[access_control(ctx.accounts.validate(preset_id, &origin))]
pub fn handle_admin_register_bridged_agent(
    ctx: Context<AdminRegisterBridgedAgent>,
    preset_id: u16,
    unstake_cooldown: Option<u32>,
    origin: BridgedOrigin,
) -> Result<()> {
    let a = &ctx.accounts;
    let grant = Grant {
        creator: origin.creator,
        oft_store: origin.oft_store,
        origin_eid: origin.origin_eid,
        origin_token: origin.origin_token,
        link_id: 0,
        by_admin: true,
    };
    let new_agent = NewAgent {
        payer: &a.admin.to_account_info(),
        mint: &a.mint.to_account_info(),
        agent: &a.agent.to_account_info(),
        agent_bump: ctx.bumps.agent,
        launcher: &a.launcher.to_account_info(),
        preset: &a.preset.to_account_info(),
        reward_mint: &a.reward_mint.to_account_info(),
        revenue: &a.revenue,
        token_2022_program: &a.token_2022_program.to_account_info(),
        reward_token_program: &a.reward_token_program.to_account_info(),
        system_program: &a.system_program.to_account_info(),
    };
    let event = register(&new_agent, &grant, preset_id, unstake_cooldown)?;
    emit_event!(ctx, event);
    Ok(())
}
