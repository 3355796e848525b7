use agentpad_common::emit_event;
use anchor_lang::prelude::*;

use crate::constants::seeds;
use crate::error::AgentFactoryError;
use crate::event::CreatorTransferred;
use crate::state::Agent;

/// Step two: the proposed creator accepts, and from now on receives creator fees.
#[event_cpi]
#[derive(Accounts)]
pub struct AcceptCreator<'info> {
    pub new_creator: Signer<'info>,
    #[account(
        mut,
        seeds = [seeds::AGENT, agent.mint.as_ref()],
        bump = agent.bump,
        constraint = agent.pending_creator == new_creator.key() @ AgentFactoryError::NotPendingCreator,
    )]
    pub agent: Account<'info, Agent>,
}

pub fn handle_accept_creator(ctx: Context<AcceptCreator>) -> Result<()> {
    let agent = &mut ctx.accounts.agent;
    let new_creator = ctx.accounts.new_creator.key();
    let previous_creator = core::mem::replace(&mut agent.creator, new_creator);
    agent.pending_creator = Pubkey::default();
    emit_event!(ctx, CreatorTransferred { agent: agent.key(), previous_creator, new_creator });
    Ok(())
}
