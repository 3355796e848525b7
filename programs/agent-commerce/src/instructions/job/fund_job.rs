use agentpad_common::emit_event;
use anchor_lang::prelude::*;
use anchor_spl::token_interface::TokenAccount;

use crate::error::CommerceError;
use crate::event::JobFunded;
use crate::instructions::groups::*;

/// The client moves the budget into the job's escrow.
#[event_cpi]
#[derive(Accounts)]
pub struct FundJob<'info> {
    #[account(address = job_escrow.job.client @ CommerceError::NotClient)]
    pub client: Signer<'info>,
    /// The client's token account of the budget mint (the token program checks the client signs for it).
    #[account(mut)]
    pub client_token_account: InterfaceAccount<'info, TokenAccount>,
    pub job_escrow: JobEscrow<'info>,
}

impl FundJob<'_> {
    fn validate(&self) -> Result<()> {
        self.job_escrow.check_party_account(&self.client_token_account, None)
    }
}

#[access_control(ctx.accounts.validate())]
pub fn handle_fund_job(mut ctx: Context<FundJob>) -> Result<()> {
    let now = Clock::get()?.unix_timestamp;
    let a = &mut ctx.accounts;
    let amount = a.job_escrow.job.step(|t| t.fund(now))?;
    a.job_escrow.take_in(&a.client_token_account.to_account_info(), &a.client.to_account_info(), amount)?;
    let event = JobFunded { job: a.job_escrow.job.key(), client: a.client.key(), amount };
    emit_event!(ctx, event);
    Ok(())
}
