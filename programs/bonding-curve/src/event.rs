//! Events, emitted as self-CPIs (`agentpad_common::emit_event!`: the instruction Anchor's
//! `emit_cpi!` sends) so they survive log truncation.

use anchor_lang::prelude::*;

use crate::state::FeeBucket;

#[event]
pub struct ConfigInitialized {
    pub admin: Pubkey,
    pub protocol_fee_recipient: Pubkey,
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

#[event]
pub struct ProtocolFeeRecipientSet {
    pub previous_recipient: Pubkey,
    pub new_recipient: Pubkey,
}

#[event]
pub struct PresetCreated {
    pub preset: Pubkey,
    pub preset_id: u16,
    pub quote_mint: Pubkey,
    pub params: crate::state::PoolParams,
    pub staking: crate::state::StakingParams,
    /// The curve's segments after the first (`params.extra_segments` of them).
    pub segments: Vec<crate::state::SegmentSpec>,
}

#[event]
pub struct PoolCreated {
    pub pool: Pubkey,
    pub base_mint: Pubkey,
    pub quote_mint: Pubkey,
    pub preset: Pubkey,
    pub creator_fee_authority: Pubkey,
    pub params: crate::state::PoolParams,
    pub launch_timestamp: i64,
}

/// One trade, with what an indexer needs to chart the pool without reading accounts.
#[event]
pub struct TradeExecuted {
    pub pool: Pubkey,
    pub base_mint: Pubkey,
    pub user: Pubkey,
    pub is_buy: bool,
    /// Base units the user received (buy) or paid (sell).
    pub base_amount: u64,
    /// Quote units the user paid incl. fee (buy) or received after fee (sell).
    pub quote_amount: u64,
    pub fee: u64,
    pub fee_bps: u16,
    pub protocol_fee: u64,
    pub creator_fee: u64,
    pub agent_fee: u64,
    /// Real reserves after the trade (fees excluded).
    pub quote_reserve: u64,
    pub base_reserve: u64,
    /// Spot price after the trade, Q64.64 quote units per base unit.
    pub price_q64: u128,
    /// Progress to graduation after the trade, in bps of the threshold.
    pub progress_bps: u16,
    /// This trade reached the graduation threshold.
    pub completed_curve: bool,
    pub graduated: bool,
    pub timestamp: i64,
}

#[event]
pub struct PoolGraduated {
    pub pool: Pubkey,
    pub base_mint: Pubkey,
    pub quote_reserve: u64,
    pub base_reserve: u64,
    pub price_q64: u128,
    pub timestamp: i64,
}

#[event]
pub struct FeesClaimed {
    pub pool: Pubkey,
    pub bucket: FeeBucket,
    pub amount: u64,
    pub destination: Pubkey,
}
