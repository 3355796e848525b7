use anchor_lang::prelude::*;

use crate::state::{RevenueSource, Split, SplitBounds};

#[event]
pub struct StoreInitialized {
    pub admin: Pubkey,
    /// The LayerZero delegate the store registered with: it can configure the OApp at the
    /// endpoint (libraries, DVNs) and clear or skip verified messages there.
    pub delegate: Pubkey,
    pub endpoint_program: Pubkey,
    pub protocol_fee_recipient: Pubkey,
    pub split_bounds: SplitBounds,
    pub default_split: Split,
    pub split_delay: u32,
}

#[event]
pub struct AdminProposed {
    pub admin: Pubkey,
    /// The default key when a proposal is withdrawn.
    pub proposed: Pubkey,
}

#[event]
pub struct AdminTransferred {
    pub previous_admin: Pubkey,
    pub new_admin: Pubkey,
}

/// The store's LayerZero delegate changed (see [`StoreInitialized::delegate`]).
#[event]
pub struct DelegateSet {
    pub delegate: Pubkey,
}

#[event]
pub struct PeerConfigSet {
    pub src_eid: u32,
    pub address: [u8; 32],
    pub max_report_sd: u64,
    pub max_reported_total_sd: u64,
}

/// The OFT whose composes credit `reward_mint` was set.
#[event]
pub struct OftSet {
    pub reward_mint: Pubkey,
    pub oft_store: Pubkey,
    pub composer_token_account: Pubkey,
}

#[event]
pub struct VaultCreated {
    pub vault: Pubkey,
    pub agent_mint: Pubkey,
    pub reward_mint: Pubkey,
}

/// Tokens credited to an agent's vault, with the ledger totals after.
#[event]
pub struct RevenueCredited {
    pub agent_mint: Pubkey,
    pub reward_mint: Pubkey,
    /// The source, with its identifiers (for bridged revenue: the source chain and the
    /// router's transfer id).
    pub source: RevenueSource,
    pub amount: u64,
    /// Total of this source (for bridged: of this chain) after the credit.
    pub source_total: u64,
    pub undistributed: u64,
}

/// Fees earned and kept on a remote chain (no tokens move).
#[event]
pub struct FeeReported {
    pub agent_mint: Pubkey,
    pub reward_mint: Pubkey,
    pub src_eid: u32,
    pub report_id: u64,
    pub source_epoch: u64,
    pub amount: u64,
    pub reported_total: u64,
}

/// A Base agent token was linked (or relinked) to its Solana mint.
#[event]
pub struct AgentLinked {
    pub agent_mint: Pubkey,
    pub creator: Pubkey,
    pub oft_store: Pubkey,
    pub src_eid: u32,
    pub origin_token: [u8; 32],
    pub link_id: u64,
    /// The creator the link replaced (the default key for a first link).
    pub previous_creator: Pubkey,
}

#[event]
pub struct RevenueDistributed {
    pub agent_mint: Pubkey,
    pub reward_mint: Pubkey,
    pub holders: u64,
    pub creator: u64,
    pub protocol: u64,
    pub split: Split,
    pub distributed_holders_total: u64,
    pub distributed_creator_total: u64,
    pub distributed_protocol_total: u64,
}

/// A creator's new split, and when distributions start using it.
#[event]
pub struct SplitScheduled {
    pub agent_mint: Pubkey,
    pub split: Split,
    pub effective_at: i64,
}
