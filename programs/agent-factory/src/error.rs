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
}
