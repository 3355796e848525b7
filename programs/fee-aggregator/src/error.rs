use agentpad_common::interface::AgentRecordError;
use agentpad_common::mint_screen::MintRejection;
use anchor_lang::prelude::*;

use crate::message::MessageError;

#[error_code]
pub enum FeeAggregatorError {
    // --- authority
    #[msg("Signer is not the program's upgrade authority")]
    NotUpgradeAuthority,
    #[msg("Signer is not the admin")]
    NotAdmin,
    #[msg("Signer is not the proposed admin")]
    NotPendingAdmin,
    #[msg("Signer is not the agent's creator")]
    NotCreator,

    // --- agents, vaults, mints
    #[msg("No agent has been launched with this mint")]
    UnknownAgent,
    #[msg("Account is not the agent-factory record of this mint")]
    NotAgentRecord,
    #[msg("Vault account does not match the message's agent and token")]
    VaultMismatch,
    #[msg("Token account does not belong to this vault")]
    TokenAccountMismatch,
    #[msg("Token account mint does not match the vault's reward mint")]
    TokenAccountMintMismatch,
    #[msg("Reward mint has a transfer fee")]
    RewardMintTransferFee,
    #[msg("Reward mint has a transfer hook")]
    RewardMintTransferHook,
    #[msg("Reward mint has a permanent delegate")]
    RewardMintPermanentDelegate,
    #[msg("Reward mint is non-transferable")]
    RewardMintNonTransferable,
    #[msg("Reward mint freezes new accounts by default")]
    RewardMintDefaultFrozen,
    #[msg("Reward mint has an extension not supported by vaults")]
    RewardMintUnsupportedExtension,
    #[msg("Reward mint has a close authority")]
    RewardMintCloseAuthority,
    #[msg("Account is not a mint of the given token program")]
    InvalidMint,
    #[msg("Token program does not match the vault's mint")]
    InvalidTokenProgram,
    #[msg("Fee destination is not owned by the expected recipient")]
    WrongRecipient,
    #[msg("A program vault cannot be the user's token account")]
    ProgramVaultAsUserAccount,

    // --- split policy
    #[msg("Split must sum to 10,000 bps")]
    InvalidSplit,
    #[msg("Split is outside the admin's bounds")]
    SplitOutOfBounds,
    #[msg("Split bounds are inconsistent")]
    InvalidSplitBounds,
    #[msg("Split delay is outside the allowed bounds")]
    SplitDelayOutOfBounds,

    // --- bridge: peers and the endpoint
    #[msg("No peer is registered for this source endpoint")]
    UnknownPeer,
    #[msg("Sender is not the registered peer for this source endpoint")]
    InvalidSender,
    #[msg("A peer address must not be zero and an eid must not be zero")]
    InvalidPeer,
    #[msg("Endpoint program is not the store's endpoint")]
    InvalidEndpointProgram,
    #[msg("Accounts for the endpoint's instruction are missing or out of order")]
    InvalidEndpointAccounts,

    // --- bridge: messages
    #[msg("Message has the wrong length")]
    MalformedMessage,
    #[msg("Message version is not supported")]
    UnsupportedMessageVersion,
    #[msg("Message kind is unknown")]
    UnknownMessageKind,
    #[msg("Amount is not in the bridge's shared decimals (6)")]
    UnsupportedSharedDecimals,
    #[msg("OFT compose message is shorter than its header")]
    MalformedCompose,
    #[msg("This report was already delivered")]
    ReplayedReport,
    #[msg("Receipt account is not the receipt PDA of this report")]
    ReceiptMismatch,
    #[msg("Report amount is above the peer's per-report limit")]
    ReportAboveLimit,
    #[msg("Reported total would pass the peer's per-chain limit")]
    ReportedTotalAboveLimit,
    #[msg("Amount overflows")]
    MathOverflow,
    #[msg("Reward mint has fewer decimals than the bridge's shared decimals")]
    UnsupportedDecimals,
    #[msg("Vault already tracks the maximum number of chains")]
    ChainSlotsFull,

    // --- bridge: OFT composes
    #[msg("No OFT is configured for this mint")]
    UnknownOft,
    #[msg("The compose does not come from the OFT configured for this mint")]
    InvalidComposeSource,
    #[msg("The compose is not addressed to this store")]
    InvalidComposeTarget,
    #[msg("The store already receives the maximum number of OFTs")]
    TooManyOfts,

    // --- flows
    #[msg("Amount must be greater than zero")]
    ZeroAmount,
    #[msg("Nothing to distribute")]
    NothingToDistribute,

    // --- bridge: agent links
    #[msg("Link account is not the link PDA of the message's mint")]
    LinkMismatch,
    #[msg("A link must name a mint, a creator and an OFT store")]
    InvalidLink,
    #[msg("A later link for this mint was already applied")]
    StaleLink,

    // --- agent commerce
    #[msg("Only agent-commerce's escrow authority may credit commerce revenue")]
    NotCommerceEscrow,
}

impl From<MintRejection> for FeeAggregatorError {
    fn from(e: MintRejection) -> Self {
        match e {
            MintRejection::TransferFee => Self::RewardMintTransferFee,
            MintRejection::TransferHook => Self::RewardMintTransferHook,
            MintRejection::PermanentDelegate => Self::RewardMintPermanentDelegate,
            MintRejection::NonTransferable => Self::RewardMintNonTransferable,
            MintRejection::DefaultFrozen => Self::RewardMintDefaultFrozen,
            MintRejection::Unsupported => Self::RewardMintUnsupportedExtension,
            MintRejection::CloseAuthority => Self::RewardMintCloseAuthority,
            MintRejection::NotAMint => Self::InvalidMint,
        }
    }
}

impl From<AgentRecordError> for FeeAggregatorError {
    fn from(e: AgentRecordError) -> Self {
        match e {
            AgentRecordError::UnknownAgent => Self::UnknownAgent,
            AgentRecordError::NotAgentRecord => Self::NotAgentRecord,
        }
    }
}

impl From<MessageError> for FeeAggregatorError {
    fn from(e: MessageError) -> Self {
        match e {
            MessageError::Malformed => Self::MalformedMessage,
            MessageError::UnsupportedVersion => Self::UnsupportedMessageVersion,
            MessageError::UnknownKind => Self::UnknownMessageKind,
            MessageError::SharedDecimals => Self::UnsupportedSharedDecimals,
            MessageError::MalformedCompose => Self::MalformedCompose,
        }
    }
}

impl From<agentpad_math::MathError> for FeeAggregatorError {
    fn from(_: agentpad_math::MathError) -> Self {
        Self::MathOverflow
    }
}
