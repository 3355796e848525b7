use agentpad_common::emit_event;
use anchor_lang::prelude::*;
use anchor_spl::token_interface::TokenAccount;

use crate::event::{JobRefunded, RefundReason};
use crate::instructions::groups::*;

/// Anyone, at or after a job's expiry: the job ends and its client gets back whatever is
/// in escrow (nothing if it was never funded).
#[event_cpi]
#[derive(Accounts)]
pub struct ExpireJob<'info> {
    pub cranker: Signer<'info>,
    /// The client's account of the budget mint.
    #[account(mut)]
    pub client_token_account: InterfaceAccount<'info, TokenAccount>,
    pub job_escrow: JobEscrow<'info>,
}

impl ExpireJob<'_> {
    fn validate(&self) -> Result<()> {
        self.job_escrow.check_party_account(&self.client_token_account, Some(&self.job_escrow.job.client))
    }
}

#[access_control(ctx.accounts.validate())]
pub fn handle_expire_job(mut ctx: Context<ExpireJob>) -> Result<()> {
    let now = Clock::get()?.unix_timestamp;
    let a = &mut ctx.accounts;
    let payout = a.job_escrow.job.step(|t| t.expire(now))?;
    a.job_escrow.pay_out(&a.client_token_account.to_account_info(), payout.client)?;
    let event = JobRefunded { job: a.job_escrow.job.key(), client: a.job_escrow.job.client, amount: payout.client, reason: RefundReason::Expired };
    emit_event!(ctx, event);
    Ok(())
}
