//! agent-commerce: operators and jobs.

use agent_commerce::instructions::CreateJobArgs;
use agent_commerce::state::Evaluator;
use agentpad_common::ids::ESCROW_AUTHORITY;
use anchor_lang::prelude::Pubkey;
use anchor_lang::solana_program::instruction::Instruction;
use anchor_lang::system_program;

use super::ix;
use crate::pda::{self, agent_commerce as ac, agent_factory as af, fee_aggregator as fa};

fn event_authority() -> Pubkey {
    pda::event_authority(&agent_commerce::ID)
}

/// What every instruction on one job names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct JobKeys {
    pub job: Pubkey,
    pub client: Pubkey,
    pub id: u64,
    /// The provider agent's mint.
    pub provider: Pubkey,
    pub budget_mint: Pubkey,
    pub token_program: Pubkey,
}

impl JobKeys {
    pub fn new(client: Pubkey, id: u64, provider: Pubkey, budget_mint: Pubkey, token_program: Pubkey) -> Self {
        Self { job: ac::job(&client, id), client, id, provider, budget_mint, token_program }
    }

    pub fn escrow(&self) -> Pubkey {
        ac::escrow(&self.job)
    }

    /// The provider's fee vault for the budget mint.
    pub fn provider_vault(&self) -> Pubkey {
        fa::vault(&self.provider, &self.budget_mint)
    }

    fn escrow_accounts(&self) -> agent_commerce::accounts::JobEscrow {
        agent_commerce::accounts::JobEscrow {
            job: self.job,
            escrow: self.escrow(),
            escrow_authority: ESCROW_AUTHORITY,
            budget_mint: self.budget_mint,
            token_program: self.token_program,
        }
    }

    fn provider_act(&self, operator: &Pubkey) -> agent_commerce::accounts::ProviderAct {
        agent_commerce::accounts::ProviderAct { operator: *operator, job: self.job, provider_operator: ac::operator(&self.provider) }
    }
}

/// `set_operator`: the agent's creator names `operator` to act for the agent.
pub fn set_operator(creator: &Pubkey, agent_mint: &Pubkey, operator: Pubkey) -> Instruction {
    ix(
        agent_commerce::ID,
        agent_commerce::accounts::SetOperator {
            creator: *creator,
            agent: af::agent(agent_mint),
            agent_mint: *agent_mint,
            operator_account: ac::operator(agent_mint),
            system_program: system_program::ID,
            event_authority: event_authority(),
            program: agent_commerce::ID,
        },
        agent_commerce::instruction::SetOperator { operator },
    )
}

/// `create_job` for `keys` (its client signs); `parent` is the job this one sub-contracts
/// and that job's provider agent.
pub fn create_job(keys: &JobKeys, args: CreateJobArgs, parent: Option<(Pubkey, Pubkey)>) -> Instruction {
    assert_eq!(args.id, keys.id, "the job's keys and arguments name the same id");
    ix(
        agent_commerce::ID,
        agent_commerce::accounts::CreateJob {
            client: keys.client,
            provider_vault: keys.provider_vault(),
            budget_mint: keys.budget_mint,
            job: keys.job,
            escrow: keys.escrow(),
            parent: parent.map(|(job, _)| job),
            parent_operator: parent.map(|(_, provider)| ac::operator(&provider)),
            token_program: keys.token_program,
            system_program: system_program::ID,
            event_authority: event_authority(),
            program: agent_commerce::ID,
        },
        agent_commerce::instruction::CreateJob { args },
    )
}

pub fn accept_job(operator: &Pubkey, keys: &JobKeys) -> Instruction {
    ix(
        agent_commerce::ID,
        agent_commerce::accounts::AcceptJob { provider: keys.provider_act(operator), event_authority: event_authority(), program: agent_commerce::ID },
        agent_commerce::instruction::AcceptJob {},
    )
}

/// `fund_job` from the client's token account `from`.
pub fn fund_job(keys: &JobKeys, from: Pubkey) -> Instruction {
    ix(
        agent_commerce::ID,
        agent_commerce::accounts::FundJob {
            client: keys.client,
            client_token_account: from,
            job_escrow: keys.escrow_accounts(),
            event_authority: event_authority(),
            program: agent_commerce::ID,
        },
        agent_commerce::instruction::FundJob {},
    )
}

pub fn submit_job(operator: &Pubkey, keys: &JobKeys, deliverable_hash: [u8; 32], deliverable_uri: String) -> Instruction {
    ix(
        agent_commerce::ID,
        agent_commerce::accounts::SubmitJob { provider: keys.provider_act(operator), event_authority: event_authority(), program: agent_commerce::ID },
        agent_commerce::instruction::SubmitJob { deliverable_hash, deliverable_uri },
    )
}

/// The evaluator's operator account when the job names an agent as evaluator.
fn evaluator_operator(evaluator: &Evaluator) -> Option<Pubkey> {
    match evaluator {
        Evaluator::Client => None,
        Evaluator::Agent { mint } => Some(ac::operator(mint)),
    }
}

/// `approve_job`: the evaluator's fee to `fee_to` (the evaluator's account of the budget
/// mint), the rest into the provider's fee vault.
pub fn approve_job(evaluator: &Pubkey, named: &Evaluator, keys: &JobKeys, fee_to: Pubkey) -> Instruction {
    let provider_vault = keys.provider_vault();
    ix(
        agent_commerce::ID,
        agent_commerce::accounts::ApproveJob {
            evaluator: *evaluator,
            evaluator_operator: evaluator_operator(named),
            evaluator_token_account: fee_to,
            job_escrow: keys.escrow_accounts(),
            provider_vault,
            provider_vault_token_account: fa::vault_tokens(&provider_vault),
            fee_aggregator_event_authority: pda::event_authority(&fee_aggregator::ID),
            fee_aggregator_program: fee_aggregator::ID,
            event_authority: event_authority(),
            program: agent_commerce::ID,
        },
        agent_commerce::instruction::ApproveJob {},
    )
}

/// `reject_job`: the whole budget back to `refund_to` (the client's account).
pub fn reject_job(evaluator: &Pubkey, named: &Evaluator, keys: &JobKeys, refund_to: Pubkey) -> Instruction {
    ix(
        agent_commerce::ID,
        agent_commerce::accounts::RejectJob {
            evaluator: *evaluator,
            evaluator_operator: evaluator_operator(named),
            client_token_account: refund_to,
            job_escrow: keys.escrow_accounts(),
            event_authority: event_authority(),
            program: agent_commerce::ID,
        },
        agent_commerce::instruction::RejectJob {},
    )
}

/// `expire_job` (anyone): an expired job's escrow back to `refund_to` (the client's account).
pub fn expire_job(cranker: &Pubkey, keys: &JobKeys, refund_to: Pubkey) -> Instruction {
    ix(
        agent_commerce::ID,
        agent_commerce::accounts::ExpireJob {
            cranker: *cranker,
            client_token_account: refund_to,
            job_escrow: keys.escrow_accounts(),
            event_authority: event_authority(),
            program: agent_commerce::ID,
        },
        agent_commerce::instruction::ExpireJob {},
    )
}
