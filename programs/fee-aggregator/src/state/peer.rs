use anchor_lang::prelude::*;

/// The one remote OApp trusted for a source endpoint id. PDA `["Peer", store, eid BE]`.
#[account]
#[derive(InitSpace)]
pub struct Peer {
    pub src_eid: u32,
    /// The remote sender as 32 bytes (an EVM address is left-padded with zeros).
    pub address: [u8; 32],
    pub bump: u8,
}
