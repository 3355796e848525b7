use agentpad_common::interface::read_agent;
use agentpad_common::emit_event;
use anchor_lang::prelude::*;

use crate::constants::{STORE_ADDRESS, seeds};
use crate::error::FeeAggregatorError;
use crate::event::SplitScheduled;
use crate::state::{Policy, Split, Store};

/// The agent's creator sets how distributions are shared, within the admin's bounds. The
/// new split applies from the store's split delay on: holders see it coming, and anyone
/// can distribute what was earned before under the split it was earned under.
#[event_cpi]
#[derive(Accounts)]
pub struct SetSplit<'info> {
    pub creator: Signer<'info>,
    #[account(address = STORE_ADDRESS)]
    pub store: Box<Account<'info, Store>>,
    /// CHECK: agent-factory's record of `agent_mint`: owner, type and stored mint checked.
    pub agent: UncheckedAccount<'info>,
    /// CHECK: the agent mint (seeds of the record and the policy).
    pub agent_mint: UncheckedAccount<'info>,
    #[account(mut, seeds = [seeds::POLICY, agent_mint.key().as_ref()], bump = policy.bump)]
    pub policy: Account<'info, Policy>,
}

impl SetSplit<'_> {
    fn validate(&self, split: &Split) -> Result<()> {
        let agent = read_agent(&self.agent.to_account_info(), &self.agent_mint.key()).map_err(FeeAggregatorError::from)?;
        require_keys_eq!(agent.creator, self.creator.key(), FeeAggregatorError::NotCreator);
        require!(split.revenue().is_valid(), FeeAggregatorError::InvalidSplit);
        require!(self.store.split_bounds.allows(split), FeeAggregatorError::SplitOutOfBounds);
        Ok(())
    }
}

#[access_control(ctx.accounts.validate(&split))]
pub fn handle_set_split(ctx: Context<SetSplit>, split: Split) -> Result<()> {
    let now = Clock::get()?.unix_timestamp;
    let policy = &mut ctx.accounts.policy;
    let mut schedule = policy.schedule();
    let effective_at = schedule.announce(split.revenue(), now, ctx.accounts.store.split_delay).map_err(FeeAggregatorError::from)?;
    policy.set_schedule(&schedule);
    emit_event!(ctx, SplitScheduled { agent_mint: ctx.accounts.agent_mint.key(), split, effective_at });
    Ok(())
}
