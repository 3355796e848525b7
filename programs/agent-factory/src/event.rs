use anchor_lang::prelude::*;

#[event]
pub struct AgentLaunched {
    pub agent: Pubkey,
    pub mint: Pubkey,
    pub pool: Pubkey,
    pub creator: Pubkey,
    pub preset: Pubkey,
    pub preset_id: u16,
    pub name: String,
    pub symbol: String,
    pub uri: String,
    pub total_supply: u64,
    /// Quote the creator offered for a first buy in the launch (0 if none).
    pub first_buy_quote_in: u64,
    pub slot: u64,
    pub timestamp: i64,
}

#[event]
pub struct CreatorTransferProposed {
    pub agent: Pubkey,
    pub creator: Pubkey,
    pub proposed_creator: Pubkey,
}

#[event]
pub struct CreatorTransferred {
    pub agent: Pubkey,
    pub previous_creator: Pubkey,
    pub new_creator: Pubkey,
}

/// An agent token from another chain became an agent here, through its link.
#[event]
pub struct BridgedAgentRegistered {
    pub agent: Pubkey,
    pub mint: Pubkey,
    pub creator: Pubkey,
    pub origin_eid: u32,
    pub origin_token: [u8; 32],
    /// The link message that allowed it (0 when the admin registered it).
    pub link_id: u64,
    pub oft_store: Pubkey,
    /// Registered by the protocol admin's power rather than through a link.
    pub by_admin: bool,
    pub preset: Pubkey,
    pub preset_id: u16,
    /// The mint the agent's first fee vault and stake-pool rewards are in.
    pub reward_mint: Pubkey,
    pub slot: u64,
    pub timestamp: i64,
}

/// A bridged agent's constant-product pool, seeded by its creator and locked forever.
#[event]
pub struct BridgedPoolOpened {
    pub agent: Pubkey,
    pub mint: Pubkey,
    pub pool: Pubkey,
    pub quote_mint: Pubkey,
    pub base_amount: u64,
    pub quote_amount: u64,
}
