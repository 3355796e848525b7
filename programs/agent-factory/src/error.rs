use anchor_lang::prelude::*;

#[error_code]
pub enum AgentFactoryError {
    #[msg("Name, symbol and uri must not be empty")]
    EmptyMetadataField,
    #[msg("Name is longer than 32 bytes")]
    NameTooLong,
    #[msg("Symbol is longer than 10 bytes")]
    SymbolTooLong,
    #[msg("Uri is longer than 200 bytes")]
    UriTooLong,
    #[msg("No preset with this id exists in bonding-curve")]
    UnknownPreset,
    #[msg("Unstake cooldown is outside the preset's bounds")]
    CooldownOutOfBounds,
    #[msg("The first buy needs the creator's quote and base token accounts")]
    MissingFirstBuyAccounts,
    #[msg("First-buy amount must be greater than zero")]
    ZeroFirstBuy,
    #[msg("Signer is not the agent's creator")]
    NotCreator,
    #[msg("Signer is not the proposed creator")]
    NotPendingCreator,
    #[msg("Pool does not belong to this agent")]
    PoolMismatch,
    #[msg("The proposed creator is already the creator")]
    CreatorUnchanged,

    // --- bridged agents
    #[msg("No link from the origin chain names this mint")]
    NoLink,
    #[msg("The link names another mint")]
    LinkForAnotherMint,
    #[msg("Signer is not the creator the link names")]
    NotLinkedCreator,
    #[msg("This mint is already an agent")]
    AlreadyRegistered,
    #[msg("The agent mint is not a Token-2022 mint")]
    NotToken2022Mint,
    #[msg("The mint's authority is not the OFT store the link names")]
    NotOftMint,
    #[msg("The mint has a freeze authority")]
    MintFreezeAuthority,
    #[msg("The mint carries transfer fees")]
    MintTransferFee,
    #[msg("The mint has a transfer hook")]
    MintTransferHook,
    #[msg("The mint has a permanent delegate")]
    MintPermanentDelegate,
    #[msg("The mint is non-transferable")]
    MintNonTransferable,
    #[msg("The mint's new accounts start frozen")]
    MintDefaultFrozen,
    #[msg("The mint has an extension not reviewed for pools")]
    MintUnsupportedExtension,
    #[msg("The mint has a close authority")]
    MintCloseAuthority,
    #[msg("The agent was launched here, not bridged")]
    NotBridgedAgent,
    #[msg("The agent already has a pool")]
    PoolExists,
    #[msg("Signer is not the protocol admin")]
    NotAdmin,
    #[msg("An origin must name a creator, an OFT store and a chain")]
    InvalidOrigin,
    #[msg("Mint is not the agent's mint")]
    AgentMintMismatch,
}

impl From<agentpad_common::mint_screen::MintRejection> for AgentFactoryError {
    fn from(e: agentpad_common::mint_screen::MintRejection) -> Self {
        use agentpad_common::mint_screen::MintRejection as R;
        match e {
            R::TransferFee => Self::MintTransferFee,
            R::TransferHook => Self::MintTransferHook,
            R::PermanentDelegate => Self::MintPermanentDelegate,
            R::NonTransferable => Self::MintNonTransferable,
            R::DefaultFrozen => Self::MintDefaultFrozen,
            R::Unsupported => Self::MintUnsupportedExtension,
            R::CloseAuthority => Self::MintCloseAuthority,
            R::NotAMint => Self::NotToken2022Mint,
        }
    }
}
