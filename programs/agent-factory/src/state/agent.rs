use anchor_lang::prelude::*;

use crate::constants::seeds;

/// One launched agent. PDA: `["agent", mint]`. It signed the mint's creation and is the
/// pool's creator-fee authority, so the creator recorded here is the one paid.
#[account]
#[derive(InitSpace)]
pub struct Agent {
    pub mint: Pubkey,
    pub pool: Pubkey,
    pub preset: Pubkey,
    /// Receives creator fees; transferable in two steps.
    pub creator: Pubkey,
    /// Proposed next creator, or the default key when none is pending.
    pub pending_creator: Pubkey,
    pub created_slot: u64,
    pub created_at: i64,
    pub preset_id: u16,
    pub bump: u8,
}

impl Agent {
    /// Account size: discriminator and the Borsh layout.
    pub const SPACE: usize = 8 + Self::INIT_SPACE;

    pub fn signer_seeds(&self) -> [&[u8]; 3] {
        [seeds::AGENT, self.mint.as_ref(), core::slice::from_ref(&self.bump)]
    }
}
