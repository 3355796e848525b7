use anchor_lang::prelude::*;

use crate::constants::seeds;

/// One agent: launched here (PDA `["agent", mint]`, which signed the mint's creation and is
/// the pool's creator-fee authority, so the creator recorded here is the one paid), or an
/// agent token from another chain registered through its link (`origin_eid` not zero).
#[account]
#[derive(InitSpace)]
pub struct Agent {
    pub mint: Pubkey,
    /// The bonding-curve pool; the default key for a bridged agent without a pool.
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
    /// LayerZero endpoint id of the chain the agent token comes from: 0 for an agent
    /// launched on Solana.
    pub origin_eid: u32,
    /// The agent token's address on its origin chain (an EVM address, left-padded); zero
    /// bytes for an agent launched on Solana.
    pub origin_token: [u8; 32],
}

impl Agent {
    /// Account size: discriminator and the Borsh layout.
    pub const SPACE: usize = 8 + Self::INIT_SPACE;

    pub fn signer_seeds(&self) -> [&[u8]; 3] {
        [seeds::AGENT, self.mint.as_ref(), core::slice::from_ref(&self.bump)]
    }
}
