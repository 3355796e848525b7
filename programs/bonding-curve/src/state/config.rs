use anchor_lang::prelude::*;

/// Program-wide settings. Read-only on the trade path (trades never touch it).
#[account]
#[derive(InitSpace)]
pub struct Config {
    /// May create presets, set the protocol fee recipient and hand over the admin role.
    pub admin: Pubkey,
    /// Owner of the token accounts protocol fees are paid to.
    pub protocol_fee_recipient: Pubkey,
    /// Proposed successor of `admin` (the default key when none): it takes the role by
    /// accepting.
    pub pending_admin: Pubkey,
    pub bump: u8,
}

impl Config {
    /// Account size: discriminator and the Borsh layout.
    pub const SPACE: usize = 8 + Self::INIT_SPACE;
}
