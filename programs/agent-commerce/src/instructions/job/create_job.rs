use agentpad_common::account::{create_rent_exempt, write_borsh};
use agentpad_common::emit_event;
use agentpad_common::ids::ESCROW_AUTHORITY;
use agentpad_common::token::create_token_account;
use agentpad_math::job::{JobPhase, JobTerms};
use anchor_lang::prelude::*;
use anchor_spl::token_interface::{Mint, TokenInterface};
use fee_aggregator::state::AgentVault;

use crate::constants::seeds;
use crate::error::CommerceError;
use crate::event::JobCreated;
use crate::state::{Evaluator, Job, Operator, check_uri};

#[derive(AnchorSerialize, AnchorDeserialize, Clone, Debug, PartialEq, Eq)]
pub struct CreateJobArgs {
    /// The client's number for the job (its PDA seed): any value not used before.
    pub id: u64,
    pub budget: u64,
    pub evaluator: Evaluator,
    /// The evaluator's fee on approval, in bps of the budget (rounded down).
    pub evaluator_fee_bps: u16,
    /// Unix time from which the job can no longer progress and the crank refunds it.
    pub expires_at: i64,
    pub terms_hash: [u8; 32],
    pub terms_uri: String,
}

/// A client asks a provider agent for a job: the job and its (empty) escrow are created;
/// the budget moves in at `fund_job`. The provider is the agent of `provider_vault`, the
/// fee vault in which its pay will land, so the budget mint is one that vault accepts.
/// With `parent`, the client is the parent job's provider operator sub-contracting part of it.
#[event_cpi]
#[derive(Accounts)]
#[instruction(args: CreateJobArgs)]
pub struct CreateJob<'info> {
    #[account(mut)]
    pub client: Signer<'info>,
    /// fee-aggregator's vault of (provider agent, budget mint): `AccountLoader` checks owner
    /// and type; fee-aggregator creates one only at its PDA, storing both mints.
    #[account(
        constraint = provider_vault.load()?.reward_mint == budget_mint.key() @ CommerceError::WrongMint,
        constraint = provider_vault.load()?.reward_token_program == token_program.key() @ CommerceError::InvalidTokenProgram,
    )]
    pub provider_vault: AccountLoader<'info, AgentVault>,
    pub budget_mint: InterfaceAccount<'info, Mint>,
    /// CHECK: created here (a pre-funded address is fine; an existing job is not).
    #[account(mut, seeds = [seeds::JOB, client.key().as_ref(), &args.id.to_le_bytes()], bump, constraint = job.data_is_empty() @ CommerceError::JobAlreadyExists)]
    pub job: UncheckedAccount<'info>,
    /// CHECK: the job's escrow token account, created here.
    #[account(mut, seeds = [seeds::ESCROW, job.key().as_ref()], bump)]
    pub escrow: UncheckedAccount<'info>,
    /// The job this one sub-contracts part of (optional).
    #[account(mut)]
    pub parent: Option<Account<'info, Job>>,
    /// The parent's provider's operator account (with `parent`).
    pub parent_operator: Option<Account<'info, Operator>>,
    pub token_program: Interface<'info, TokenInterface>,
    pub system_program: Program<'info, System>,
}

impl CreateJob<'_> {
    fn validate(&self, args: &CreateJobArgs, provider: &Pubkey) -> Result<()> {
        check_uri(&args.terms_uri)?;
        if let Evaluator::Agent { mint } = args.evaluator {
            require_keys_neq!(mint, *provider, CommerceError::EvaluatorIsProvider);
        }
        if let Some(parent) = &self.parent {
            let operator = self.parent_operator.as_ref().ok_or(CommerceError::MissingParentOperator)?;
            require!(operator.agent_mint == parent.provider && operator.operator == self.client.key(), CommerceError::NotParentProvider);
            require!(parent.phase == JobPhase::Funded as u8, CommerceError::ParentNotActive);
            require!(args.expires_at <= parent.expires_at, CommerceError::ChildOutlivesParent);
            require_keys_neq!(parent.provider, *provider, CommerceError::SubcontractToSelf);
        }
        Ok(())
    }
}

#[access_control(ctx.accounts.validate(&args, &ctx.accounts.provider_vault.load()?.agent_mint))]
pub fn handle_create_job(ctx: Context<CreateJob>, args: CreateJobArgs) -> Result<()> {
    let now = Clock::get()?.unix_timestamp;
    let terms = JobTerms::new(args.budget, args.evaluator_fee_bps, now, args.expires_at).map_err(CommerceError::from)?;
    // The parent counts its children (Anchor writes it back on exit).
    let parent = match ctx.accounts.parent.as_mut() {
        Some(parent) => {
            parent.children = parent.children.checked_add(1).ok_or(CommerceError::MathOverflow)?;
            parent.key()
        }
        None => Pubkey::default(),
    };
    let a = &ctx.accounts;
    let (client, job_key) = (a.client.key(), a.job.key());
    let (system, payer, rent) = (a.system_program.to_account_info(), a.client.to_account_info(), Rent::get()?);
    let id = args.id.to_le_bytes();
    let job_signer: &[&[u8]] = &[seeds::JOB, client.as_ref(), &id, &[ctx.bumps.job]];
    create_rent_exempt(&system, &payer, &a.job, Job::SPACE, &crate::ID, job_signer, &rent)?;
    let escrow_signer: &[&[u8]] = &[seeds::ESCROW, job_key.as_ref(), &[ctx.bumps.escrow]];
    let (mint, program) = (a.budget_mint.to_account_info(), a.token_program.to_account_info());
    create_token_account(&system, &program, &payer, &a.escrow, &mint, &ESCROW_AUTHORITY, escrow_signer, &rent)?;

    let provider = a.provider_vault.load()?.agent_mint;
    let job = Job {
        client,
        id: args.id,
        provider,
        provider_vault: a.provider_vault.key(),
        evaluator: args.evaluator,
        budget_mint: mint.key(),
        budget_token_program: program.key(),
        budget_decimals: a.budget_mint.decimals,
        escrow: a.escrow.key(),
        budget: terms.budget,
        escrowed: terms.escrowed,
        evaluator_fee_bps: terms.evaluator_fee_bps,
        phase: terms.phase as u8,
        created_at: now,
        expires_at: terms.expires_at,
        parent,
        children: 0,
        terms_hash: args.terms_hash,
        terms_uri: args.terms_uri,
        deliverable_hash: [0; 32],
        deliverable_uri: String::new(),
        bump: ctx.bumps.job,
        escrow_bump: ctx.bumps.escrow,
    };
    write_borsh(&a.job, &job)?;
    emit_event!(ctx, JobCreated {
        job: job_key,
        client,
        id: job.id,
        provider,
        evaluator: job.evaluator,
        budget_mint: job.budget_mint,
        budget: job.budget,
        evaluator_fee_bps: job.evaluator_fee_bps,
        expires_at: job.expires_at,
        parent,
        terms_hash: job.terms_hash,
        terms_uri: job.terms_uri,
    });
    Ok(())
}
