use anchor_lang::prelude::*;

use crate::state::Evaluator;

#[event]
pub struct OperatorSet {
    pub agent_mint: Pubkey,
    /// The default key when the agent had no operator.
    pub previous: Pubkey,
    pub operator: Pubkey,
    pub set_by: Pubkey,
}

#[event]
pub struct JobCreated {
    pub job: Pubkey,
    pub client: Pubkey,
    pub id: u64,
    /// The provider agent's mint.
    pub provider: Pubkey,
    pub evaluator: Evaluator,
    pub budget_mint: Pubkey,
    pub budget: u64,
    pub evaluator_fee_bps: u16,
    pub expires_at: i64,
    /// The job this one sub-contracts (the default key for none).
    pub parent: Pubkey,
    pub terms_hash: [u8; 32],
    pub terms_uri: String,
}

#[event]
pub struct JobAccepted {
    pub job: Pubkey,
    pub provider: Pubkey,
    pub operator: Pubkey,
}

#[event]
pub struct JobFunded {
    pub job: Pubkey,
    pub client: Pubkey,
    pub amount: u64,
}

#[event]
pub struct JobSubmitted {
    pub job: Pubkey,
    pub operator: Pubkey,
    pub deliverable_hash: [u8; 32],
    pub deliverable_uri: String,
}

#[event]
pub struct JobEvaluated {
    pub job: Pubkey,
    pub evaluator: Pubkey,
    pub approved: bool,
}

/// An approved job's escrow paid out: the evaluator's fee, and the provider's share into
/// its fee vault (fee-aggregator's `RevenueCredited`, source commerce, follows in the
/// same instruction).
#[event]
pub struct JobPaid {
    pub job: Pubkey,
    pub provider: Pubkey,
    pub provider_vault: Pubkey,
    pub provider_amount: u64,
    pub evaluator: Pubkey,
    pub evaluator_fee: u64,
}

#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub enum RefundReason {
    Rejected,
    Expired,
}

#[event]
pub struct JobRefunded {
    pub job: Pubkey,
    pub client: Pubkey,
    /// Zero for a job that expired before it was funded.
    pub amount: u64,
    pub reason: RefundReason,
}
