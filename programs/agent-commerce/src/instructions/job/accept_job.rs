use agentpad_common::emit_event;
use anchor_lang::prelude::*;

use crate::event::JobAccepted;
use crate::instructions::groups::*;

/// The provider agent's operator takes the job.
#[event_cpi]
#[derive(Accounts)]
pub struct AcceptJob<'info> {
    pub provider: ProviderAct<'info>,
}

pub fn handle_accept_job(ctx: Context<AcceptJob>) -> Result<()> {
    let now = Clock::get()?.unix_timestamp;
    let p = &mut ctx.accounts.provider;
    p.job.step(|t| t.accept(now))?;
    let event = JobAccepted { job: p.job.key(), provider: p.job.provider, operator: p.operator.key() };
    emit_event!(ctx, event);
    Ok(())
}
