use anchor_lang::prelude::*;

/// The LayerZero OFT whose composes may credit a bridged reward mint. PDA `["oft",
/// reward_mint]`. The OFT delivers to the store's associated token account for the mint
/// (`composer_token_account`), then sends the compose that allocates those tokens.
#[account]
#[derive(InitSpace)]
pub struct OftConfig {
    pub reward_mint: Pubkey,
    /// The OFT's store PDA: the `from` of every compose it sends.
    pub oft_store: Pubkey,
    pub token_program: Pubkey,
    /// The store's associated token account for the mint: where the OFT credits.
    pub composer_token_account: Pubkey,
    pub bump: u8,
}

impl OftConfig {
    /// Account size: discriminator and the Borsh layout.
    pub const SPACE: usize = 8 + Self::INIT_SPACE;
}
