use agentpad_common::cpi::invoke_program;
use agentpad_common::emit_event;
use anchor_lang::prelude::*;
use anchor_spl::token_interface::TokenAccount;
use fee_aggregator::program::FeeAggregator;

use crate::error::CommerceError;
use crate::event::{JobEvaluated, JobPaid, JobRefunded, RefundReason};
use crate::instructions::groups::*;
use crate::state::Operator;

/// The evaluator approves the deliverable: its fee to `evaluator_token_account`, the rest
/// into the provider's fee vault as commerce revenue (fee-aggregator `credit_commerce`,
/// signed by the escrow authority).
#[event_cpi]
#[derive(Accounts)]
pub struct ApproveJob<'info> {
    pub evaluator: Signer<'info>,
    /// The evaluating agent's operator account, when the job names an agent as evaluator.
    pub evaluator_operator: Option<Account<'info, Operator>>,
    /// Where the evaluator's fee goes: the evaluator's own account of the budget mint.
    #[account(mut)]
    pub evaluator_token_account: InterfaceAccount<'info, TokenAccount>,
    pub job_escrow: JobEscrow<'info>,
    /// CHECK: the provider's fee vault the job stored; fee-aggregator checks the rest.
    #[account(mut, address = job_escrow.job.provider_vault @ CommerceError::VaultMismatch)]
    pub provider_vault: UncheckedAccount<'info>,
    /// CHECK: that vault's token account (fee-aggregator checks it against the vault).
    #[account(mut)]
    pub provider_vault_token_account: UncheckedAccount<'info>,
    /// CHECK: fee-aggregator's event authority (fee-aggregator checks it).
    pub fee_aggregator_event_authority: UncheckedAccount<'info>,
    pub fee_aggregator_program: Program<'info, FeeAggregator>,
}

impl ApproveJob<'_> {
    fn validate(&self) -> Result<()> {
        self.job_escrow.job.check_evaluator(self.evaluator.key, self.evaluator_operator.as_deref())?;
        require_keys_neq!(self.evaluator_token_account.key(), self.provider_vault_token_account.key(), CommerceError::ProgramVaultAsUserAccount);
        self.job_escrow.check_party_account(&self.evaluator_token_account, Some(self.evaluator.key))
    }
}

#[access_control(ctx.accounts.validate())]
pub fn handle_approve_job(mut ctx: Context<ApproveJob>) -> Result<()> {
    let now = Clock::get()?.unix_timestamp;
    let a = &mut ctx.accounts;
    let payout = a.job_escrow.job.step(|t| t.evaluate(true, now))?;
    let e = &a.job_escrow;
    e.pay_out(&a.evaluator_token_account.to_account_info(), payout.evaluator)?;
    let job = e.job.key();
    invoke_program(
        fee_aggregator::ID,
        fee_aggregator::cpi::accounts::CreditCommerce {
            escrow_authority: e.escrow_authority.to_account_info(),
            escrow: e.escrow.to_account_info(),
            agent_vault: fee_aggregator::cpi::accounts::VaultTokens {
                vault: a.provider_vault.to_account_info(),
                vault_token_account: a.provider_vault_token_account.to_account_info(),
                reward_mint: e.budget_mint.to_account_info(),
                token_program: e.token_program.to_account_info(),
            },
            event_authority: a.fee_aggregator_event_authority.to_account_info(),
            program: a.fee_aggregator_program.to_account_info(),
        },
        fee_aggregator::instruction::CreditCommerce { amount: payout.provider, job },
        &[ESCROW_AUTHORITY_SIGNER],
    )?;
    let (evaluated, paid) = (
        JobEvaluated { job, evaluator: a.evaluator.key(), approved: true },
        JobPaid {
            job,
            provider: e.job.provider,
            provider_vault: e.job.provider_vault,
            provider_amount: payout.provider,
            evaluator: a.evaluator.key(),
            evaluator_fee: payout.evaluator,
        },
    );
    emit_event!(ctx, evaluated);
    emit_event!(ctx, paid);
    Ok(())
}

/// The evaluator rejects the deliverable: the client gets the whole budget back.
#[event_cpi]
#[derive(Accounts)]
pub struct RejectJob<'info> {
    pub evaluator: Signer<'info>,
    /// The evaluating agent's operator account, when the job names an agent as evaluator.
    pub evaluator_operator: Option<Account<'info, Operator>>,
    /// The client's account of the budget mint.
    #[account(mut)]
    pub client_token_account: InterfaceAccount<'info, TokenAccount>,
    pub job_escrow: JobEscrow<'info>,
}

impl RejectJob<'_> {
    fn validate(&self) -> Result<()> {
        self.job_escrow.job.check_evaluator(self.evaluator.key, self.evaluator_operator.as_deref())?;
        self.job_escrow.check_party_account(&self.client_token_account, Some(&self.job_escrow.job.client))
    }
}

#[access_control(ctx.accounts.validate())]
pub fn handle_reject_job(mut ctx: Context<RejectJob>) -> Result<()> {
    let now = Clock::get()?.unix_timestamp;
    let a = &mut ctx.accounts;
    let payout = a.job_escrow.job.step(|t| t.evaluate(false, now))?;
    a.job_escrow.pay_out(&a.client_token_account.to_account_info(), payout.client)?;
    let job = a.job_escrow.job.key();
    let (evaluated, refunded) = (
        JobEvaluated { job, evaluator: a.evaluator.key(), approved: false },
        JobRefunded { job, client: a.job_escrow.job.client, amount: payout.client, reason: RefundReason::Rejected },
    );
    emit_event!(ctx, evaluated);
    emit_event!(ctx, refunded);
    Ok(())
}
