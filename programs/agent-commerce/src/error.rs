use agentpad_math::job::JobError;
use anchor_lang::prelude::*;

#[error_code]
pub enum CommerceError {
    // --- who may act
    #[msg("Signer is not the agent's creator")]
    NotCreator,
    #[msg("Account is not the agent-factory record of this mint")]
    NotAgentRecord,
    #[msg("The operator must be a real key")]
    InvalidOperator,
    #[msg("Signer is not the provider agent's operator")]
    WrongOperator,
    #[msg("Signer is not the job's evaluator")]
    WrongEvaluator,
    #[msg("Signer is not the job's client")]
    NotClient,
    #[msg("The provider agent may not evaluate its own job")]
    EvaluatorIsProvider,

    // --- terms
    #[msg("The budget must be greater than zero")]
    ZeroBudget,
    #[msg("The evaluator's fee is above the maximum")]
    EvaluatorFeeTooHigh,
    #[msg("The expiry must be in the future")]
    ExpiryNotInFuture,
    #[msg("URI is too long")]
    UriTooLong,
    #[msg("The client already has a job with this id")]
    JobAlreadyExists,

    // --- money and accounts
    #[msg("The token's mint is not the job's budget mint")]
    WrongMint,
    #[msg("Token program is not the budget mint's")]
    InvalidTokenProgram,
    #[msg("Account is not the job's escrow")]
    EscrowMismatch,
    #[msg("Account is not the provider's fee vault for the budget mint")]
    VaultMismatch,
    #[msg("A program vault cannot be used as a user token account")]
    ProgramVaultAsUserAccount,
    #[msg("Token account is not owned by the party it pays")]
    WrongRecipient,

    // --- the job's phases
    #[msg("The job is completed, rejected or expired")]
    JobClosed,
    #[msg("The job was already accepted")]
    AlreadyAccepted,
    #[msg("The job has not been accepted")]
    NotAccepted,
    #[msg("The job is already funded")]
    AlreadyFunded,
    #[msg("The job is not funded")]
    Unfunded,
    #[msg("The deliverable was already submitted")]
    AlreadySubmitted,
    #[msg("Nothing has been submitted")]
    NotSubmitted,
    #[msg("The job was already evaluated")]
    AlreadyEvaluated,
    #[msg("The job has expired")]
    Expired,
    #[msg("The job has not expired yet")]
    NotExpired,
    #[msg("Stored job phase is invalid")]
    InvalidPhase,
    #[msg("Arithmetic overflow")]
    MathOverflow,

    // --- sub-contracts
    #[msg("Signer is not the operator of the parent job's provider")]
    NotParentProvider,
    #[msg("The parent job must be funded and not yet submitted")]
    ParentNotActive,
    #[msg("A child job may not outlive its parent")]
    ChildOutlivesParent,
    #[msg("A provider may not sub-contract to itself")]
    SubcontractToSelf,
    #[msg("A parent job needs its provider's operator account")]
    MissingParentOperator,
}

impl From<JobError> for CommerceError {
    fn from(e: JobError) -> Self {
        match e {
            JobError::ZeroBudget => Self::ZeroBudget,
            JobError::EvaluatorFeeTooHigh => Self::EvaluatorFeeTooHigh,
            JobError::ExpiryNotInFuture => Self::ExpiryNotInFuture,
            JobError::JobClosed => Self::JobClosed,
            JobError::AlreadyAccepted => Self::AlreadyAccepted,
            JobError::NotAccepted => Self::NotAccepted,
            JobError::AlreadyFunded => Self::AlreadyFunded,
            JobError::Unfunded => Self::Unfunded,
            JobError::AlreadySubmitted => Self::AlreadySubmitted,
            JobError::NotSubmitted => Self::NotSubmitted,
            JobError::AlreadyEvaluated => Self::AlreadyEvaluated,
            JobError::Expired => Self::Expired,
            JobError::NotExpired => Self::NotExpired,
            JobError::InvalidPhase => Self::InvalidPhase,
            JobError::Overflow => Self::MathOverflow,
        }
    }
}
