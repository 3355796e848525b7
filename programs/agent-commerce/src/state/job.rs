use agentpad_math::job::{JobPhase, JobTerms};
use anchor_lang::prelude::*;

use crate::constants::MAX_URI_LEN;
use crate::error::CommerceError;
use crate::state::Operator;

/// Who approves or rejects a job's deliverable.
#[derive(AnchorSerialize, AnchorDeserialize, InitSpace, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Evaluator {
    /// The client itself.
    Client,
    /// Another agent, acting through its operator at the time of evaluation.
    Agent { mint: Pubkey },
}

/// One job. PDA `["job", client, id u64 LE]`; its budget sits in the token account
/// `["escrow", job]`, owned by the escrow authority. The ledger is the job's, never the
/// escrow's balance: tokens sent to the escrow outside `fund_job` are never paid out.
#[account]
#[derive(InitSpace)]
pub struct Job {
    pub client: Pubkey,
    pub id: u64,
    /// The provider agent's mint.
    pub provider: Pubkey,
    /// fee-aggregator's vault of `(provider, budget_mint)`: where approved pay goes.
    pub provider_vault: Pubkey,
    pub evaluator: Evaluator,
    pub budget_mint: Pubkey,
    pub budget_token_program: Pubkey,
    pub budget_decimals: u8,
    pub escrow: Pubkey,
    pub budget: u64,
    /// What the escrow owes: the budget while funded, zero otherwise (`agentpad_math::job`).
    pub escrowed: u64,
    pub evaluator_fee_bps: u16,
    /// `agentpad_math::job::JobPhase` as a byte.
    pub phase: u8,
    pub created_at: i64,
    pub expires_at: i64,
    /// The job this one sub-contracts part of; the default key for none.
    pub parent: Pubkey,
    /// Child jobs created under this one.
    pub children: u16,
    pub terms_hash: [u8; 32],
    #[max_len(MAX_URI_LEN)]
    pub terms_uri: String,
    pub deliverable_hash: [u8; 32],
    #[max_len(MAX_URI_LEN)]
    pub deliverable_uri: String,
    pub bump: u8,
    pub escrow_bump: u8,
}

impl Job {
    pub const SPACE: usize = 8 + Self::INIT_SPACE;

    /// The parts the state machine works on.
    pub fn terms(&self) -> Result<JobTerms> {
        let phase = JobPhase::from_u8(self.phase).map_err(CommerceError::from)?;
        Ok(JobTerms { phase, budget: self.budget, escrowed: self.escrowed, evaluator_fee_bps: self.evaluator_fee_bps, expires_at: self.expires_at })
    }

    /// Runs one step of the state machine on this job and stores the result.
    pub fn step<T>(&mut self, f: impl FnOnce(&mut JobTerms) -> core::result::Result<T, agentpad_math::job::JobError>) -> Result<T> {
        let mut terms = self.terms()?;
        let out = f(&mut terms).map_err(CommerceError::from)?;
        self.phase = terms.phase as u8;
        self.escrowed = terms.escrowed;
        Ok(out)
    }

    /// `signer` is the job's evaluator: the client, or the named agent's current operator
    /// (`operator`, that agent's operator account).
    pub fn check_evaluator(&self, signer: &Pubkey, operator: Option<&Operator>) -> Result<()> {
        let ok = match self.evaluator {
            Evaluator::Client => *signer == self.client,
            Evaluator::Agent { mint } => operator.is_some_and(|o| o.agent_mint == mint && o.operator == *signer),
        };
        require!(ok, CommerceError::WrongEvaluator);
        Ok(())
    }
}

pub fn check_uri(uri: &str) -> Result<()> {
    require!(uri.len() <= MAX_URI_LEN as usize, CommerceError::UriTooLong);
    Ok(())
}
