use agentpad_common::interface::AgentRecordError;
use agentpad_common::mint_screen::MintRejection;
use anchor_lang::prelude::*;

#[error_code]
pub enum RevenueShareError {
    #[msg("Signer is not the agent's fee-aggregator vault for this reward mint")]
    NotAggregator,
    #[msg("Signer is not the agent's creator")]
    NotCreator,
    #[msg("Signer does not own this position")]
    NotPositionOwner,
    #[msg("No agent has been launched with this mint")]
    UnknownAgent,
    #[msg("Account is not the agent-factory record of this mint")]
    NotAgentRecord,
    #[msg("Unstake cooldown is outside the allowed bounds")]
    CooldownOutOfBounds,
    #[msg("Reward window is outside the allowed bounds")]
    RewardWindowOutOfBounds,
    #[msg("The pool already carries the maximum number of reward mints")]
    TooManyRewardMints,
    #[msg("The pool does not carry this reward mint")]
    UnknownRewardMint,
    #[msg("Reward vault does not belong to this pool and mint")]
    VaultMismatch,
    #[msg("Token program does not match the reward mint")]
    InvalidTokenProgram,
    #[msg("Stake vault does not belong to this pool")]
    StakeVaultMismatch,
    #[msg("Claim accounts come in groups of four: mint, vault, destination, token program")]
    MalformedClaimAccounts,
    #[msg("Amount must be greater than zero")]
    ZeroAmount,
    #[msg("Cannot unstake more than is staked")]
    InsufficientStake,
    #[msg("Nothing is waiting to be withdrawn")]
    NothingToWithdraw,
    #[msg("The unstake cooldown has not elapsed")]
    CooldownNotElapsed,
    #[msg("Position still holds stake, tokens to withdraw, or rewards to claim")]
    PositionNotEmpty,
    #[msg("Reward mint has an extension not supported by stake pools")]
    UnsupportedRewardMint,
    #[msg("Arithmetic overflow")]
    MathOverflow,

    // --- hostile input
    #[msg("A stake-pool vault cannot be the user's token account")]
    ProgramVaultAsUserAccount,
    #[msg("Signer is not agent-factory's launcher PDA")]
    NotLauncher,
    #[msg("The position belongs to another stake pool")]
    PositionPoolMismatch,
    #[msg("The agent mint is not the stake pool's")]
    AgentMintMismatch,
}

impl From<AgentRecordError> for RevenueShareError {
    fn from(e: AgentRecordError) -> Self {
        match e {
            AgentRecordError::UnknownAgent => Self::UnknownAgent,
            AgentRecordError::NotAgentRecord => Self::NotAgentRecord,
        }
    }
}

impl From<MintRejection> for RevenueShareError {
    fn from(_: MintRejection) -> Self {
        Self::UnsupportedRewardMint
    }
}

impl From<agentpad_math::MathError> for RevenueShareError {
    fn from(_: agentpad_math::MathError) -> Self {
        Self::MathOverflow
    }
}
