use agentpad_common::emit_event;
use anchor_lang::prelude::*;

use crate::event::JobSubmitted;
use crate::instructions::groups::*;
use crate::state::check_uri;

/// The provider agent's operator delivers: the deliverable's hash and where to find it.
#[event_cpi]
#[derive(Accounts)]
pub struct SubmitJob<'info> {
    pub provider: ProviderAct<'info>,
}

#[access_control(check_uri(&deliverable_uri))]
pub fn handle_submit_job(ctx: Context<SubmitJob>, deliverable_hash: [u8; 32], deliverable_uri: String) -> Result<()> {
    let now = Clock::get()?.unix_timestamp;
    let p = &mut ctx.accounts.provider;
    p.job.step(|t| t.submit(now))?;
    p.job.deliverable_hash = deliverable_hash;
    p.job.deliverable_uri = deliverable_uri.clone();
    let event = JobSubmitted { job: p.job.key(), operator: p.operator.key(), deliverable_hash, deliverable_uri };
    emit_event!(ctx, event);
    Ok(())
}
