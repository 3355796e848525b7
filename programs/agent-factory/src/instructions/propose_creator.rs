use agentpad_common::emit_event;
use anchor_lang::prelude::*;

use crate::constants::seeds;
use crate::error::AgentFactoryError;
use crate::event::CreatorTransferProposed;
use crate::state::Agent;

/// Step one of a creator transfer: the current creator names a successor (proposing the
/// default key cancels a pending proposal).
#[event_cpi]
#[derive(Accounts)]
pub struct ProposeCreator<'info> {
    pub creator: Signer<'info>,
    #[account(
        mut,
        seeds = [seeds::AGENT, agent.mint.as_ref()],
        bump = agent.bump,
        has_one = creator @ AgentFactoryError::NotCreator,
    )]
    pub agent: Account<'info, Agent>,
}

impl ProposeCreator<'_> {
    fn validate(&self, new_creator: &Pubkey) -> Result<()> {
        require_keys_neq!(*new_creator, self.creator.key(), AgentFactoryError::CreatorUnchanged);
        Ok(())
    }
}

#[access_control(ctx.accounts.validate(&new_creator))]
pub fn handle_propose_creator(ctx: Context<ProposeCreator>, new_creator: Pubkey) -> Result<()> {
    ctx.accounts.agent.pending_creator = new_creator;
    emit_event!(ctx, CreatorTransferProposed {
        agent: ctx.accounts.agent.key(),
        creator: ctx.accounts.creator.key(),
        proposed_creator: new_creator,
    });
    Ok(())
}
