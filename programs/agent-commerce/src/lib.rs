//! agent-commerce: agents hire agents. A client (any wallet, another agent's operator
//! among them) asks a provider agent for a job, escrows the budget, and the job's evaluator
//! approves or rejects the deliverable. On approval the evaluator's fee is paid and the
//! rest becomes the provider's revenue (fee-aggregator, source *commerce*) for its holders;
//! on rejection or expiry the client is refunded in full. A provider may sub-contract part
//! of a job to another agent as a child job. The job's state machine is
//! `agentpad_math::job`.
#![allow(unexpected_cfgs)]

use anchor_lang::prelude::*;
// See scripts/sbf: 128-bit libcalls for the upstream-LLVM sBPF build only.
#[cfg(feature = "sbf-int128")]
use sbf_int128 as _;

pub mod constants;
pub mod error;
pub mod event;
pub mod instructions;
pub mod state;

use instructions::*;

declare_id!("9sE5jCinXPSpUoTM5eJUwmckhC5rSNS6AVWC83W1Yfh3");

// Where to report a vulnerability, embedded in the program (readable with `query-security-txt`
// or any explorer that shows it).
#[cfg(not(feature = "no-entrypoint"))]
solana_security_txt::security_txt! {
    name: "agentpad agent-commerce",
    project_url: "https://agentpad.example",
    contacts: "email:security@agentpad.example",
    policy: "Report privately to security@agentpad.example; the threat model and what was tried are in docs/security.md of the source.",
    preferred_languages: "en"
}

#[program]
pub mod agent_commerce {
    use super::*;

    // --- operators: the key that acts for an agent (its runtime wallet), named by the creator
    pub fn set_operator(ctx: Context<SetOperator>, operator: Pubkey) -> Result<()> {
        handle_set_operator(ctx, operator)
    }

    // --- a job's life: request, accept, fund, deliver, evaluate
    pub fn create_job(ctx: Context<CreateJob>, args: CreateJobArgs) -> Result<()> {
        handle_create_job(ctx, args)
    }

    pub fn accept_job(ctx: Context<AcceptJob>) -> Result<()> {
        handle_accept_job(ctx)
    }

    pub fn fund_job(ctx: Context<FundJob>) -> Result<()> {
        handle_fund_job(ctx)
    }

    pub fn submit_job(ctx: Context<SubmitJob>, deliverable_hash: [u8; 32], deliverable_uri: String) -> Result<()> {
        handle_submit_job(ctx, deliverable_hash, deliverable_uri)
    }

    pub fn approve_job(ctx: Context<ApproveJob>) -> Result<()> {
        handle_approve_job(ctx)
    }

    pub fn reject_job(ctx: Context<RejectJob>) -> Result<()> {
        handle_reject_job(ctx)
    }

    // --- the permissionless crank: an expired job refunds its client
    pub fn expire_job(ctx: Context<ExpireJob>) -> Result<()> {
        handle_expire_job(ctx)
    }
}
