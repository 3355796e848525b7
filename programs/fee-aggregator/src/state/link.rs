use anchor_lang::prelude::*;

/// A Base agent token's link to its Solana mint, as the Base side sent it (an `AgentLink`
/// message from the router, the peer for `origin_eid`). PDA `["agent_link", mint]`.
/// agent-factory's `register_bridged_agent` reads it: only `creator` may register the mint,
/// and only if its mint authority is `oft_store`.
#[account]
#[derive(InitSpace)]
pub struct AgentLink {
    pub mint: Pubkey,
    pub creator: Pubkey,
    /// The LayerZero OFT store that is the mint's mint authority.
    pub oft_store: Pubkey,
    /// The chain the agent token comes from, and its address there (left-padded).
    pub origin_eid: u32,
    pub origin_token: [u8; 32],
    /// The id of the link message last applied: a later link replaces this one, an
    /// earlier one delivered late is refused.
    pub link_id: u64,
    pub bump: u8,
}

impl AgentLink {
    /// Account size: discriminator and the Borsh layout.
    pub const SPACE: usize = 8 + Self::INIT_SPACE;
}
