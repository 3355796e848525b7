//! Seeds and limits of the fee-aggregator program, published in its IDL (`#[constant]`).

use anchor_lang::prelude::*;

pub mod seeds {
    use anchor_lang::prelude::*;

    /// PDA seed: `["Store"]`, the OApp store: program config, the LayerZero receiver and the
    /// compose target.
    #[constant]
    pub const STORE: &[u8] = b"Store";
    /// PDA seed: `["Peer", store, src_eid BE]`, as LayerZero OApps derive peers.
    #[constant]
    pub const PEER: &[u8] = b"Peer";
    /// PDA seed: `["vault", agent_mint, reward_mint]`. Other programs recognise the vault
    /// by its stored mints (`agentpad_common::interface::is_aggregator_vault`).
    #[constant]
    pub const VAULT: &[u8] = b"vault";
    /// PDA seed: `["vault_tokens", vault]`.
    #[constant]
    pub const VAULT_TOKENS: &[u8] = b"vault_tokens";
    /// PDA seed: `["receipt", src_eid BE, report_id BE]`, one per delivered fee report.
    #[constant]
    pub const RECEIPT: &[u8] = b"receipt";
    /// PDA seed: `["policy", agent_mint]`.
    #[constant]
    pub const POLICY: &[u8] = b"policy";
    /// PDA seed: `["agent_link", agent_mint]`, a Base agent token's link to its Solana mint.
    #[constant]
    pub const AGENT_LINK: &[u8] = b"agent_link";
    /// PDA seed: `["oft", reward_mint]`, the OFT whose composes may credit that mint.
    #[constant]
    pub const OFT: &[u8] = b"oft";
    /// PDA seeds: `["LzReceiveTypes", store]` and `["LzComposeTypes", store]`, the accounts
    /// a LayerZero executor passes to `lz_receive_types` / `lz_compose_types` (v1 convention).
    #[constant]
    pub const LZ_RECEIVE_TYPES: &[u8] = b"LzReceiveTypes";
    #[constant]
    pub const LZ_COMPOSE_TYPES: &[u8] = b"LzComposeTypes";
}

/// The store's address, computed at compile time (its seeds are fixed).
pub const STORE_BUMP: u8 = 255;
pub const STORE_ADDRESS: Pubkey = agentpad_common::ids::const_pda(&[seeds::STORE], STORE_BUMP, &crate::ID);

/// Seeds of the LayerZero V2 endpoint's accounts the store names (LayerZero's, not ours:
/// not published).
pub mod endpoint_seeds {
    pub const OAPP: &[u8] = b"OApp";
    pub const NONCE: &[u8] = b"Nonce";
    pub const PAYLOAD_HASH: &[u8] = b"PayloadHash";
    pub const COMPOSED_MESSAGE_HASH: &[u8] = b"ComposedMessageHash";
    pub const ENDPOINT: &[u8] = b"Endpoint";
    pub const EVENT_AUTHORITY: &[u8] = b"__event_authority";
}

/// Remote chains a vault keeps separate totals for.
#[constant]
pub const MAX_CHAINS: u8 = 8;

/// Bridged mints (OFTs) the store can receive composes for.
#[constant]
pub const MAX_OFTS: u8 = 8;

/// The bridge's shared decimals: amounts in messages from Base carry 6.
#[constant]
pub const SHARED_DECIMALS: u8 = agentpad_math::revenue::SHARED_DECIMALS;

/// Bounds of the delay before a creator's new split applies (seconds).
#[constant]
pub const MIN_SPLIT_DELAY: u32 = 1;
#[constant]
pub const MAX_SPLIT_DELAY: u32 = 30 * 86_400;
