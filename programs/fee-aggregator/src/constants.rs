//! Seeds and limits of the fee-aggregator program.

pub mod seeds {
    /// The OApp store: program config, the LayerZero receiver and the compose target.
    pub const STORE: &[u8] = b"Store";
    /// `["Peer", store, src_eid BE]`, as LayerZero OApps derive peers.
    pub const PEER: &[u8] = b"Peer";
    /// `["vault", agent_mint, reward_mint]`.
    pub use agentpad_common::ids::AGGREGATOR_VAULT_SEED as VAULT;
    pub const VAULT_TOKENS: &[u8] = b"vault_tokens";
    /// `["receipt", src_eid BE, report_id BE]`: one per delivered fee report.
    pub const RECEIPT: &[u8] = b"receipt";
    /// `["policy", agent_mint]`.
    pub const POLICY: &[u8] = b"policy";
    /// `["oft", reward_mint]`: the OFT whose composes may credit that mint.
    pub const OFT: &[u8] = b"oft";
    /// `["LzReceiveTypes", store]` and `["LzComposeTypes", store]`: the accounts a LayerZero
    /// executor passes to `lz_receive_types` / `lz_compose_types` (v1 convention).
    pub const LZ_RECEIVE_TYPES: &[u8] = b"LzReceiveTypes";
    pub const LZ_COMPOSE_TYPES: &[u8] = b"LzComposeTypes";
}

/// Seeds of the LayerZero V2 endpoint's accounts the store names.
pub mod endpoint_seeds {
    pub const OAPP: &[u8] = b"OApp";
    pub const NONCE: &[u8] = b"Nonce";
    pub const PAYLOAD_HASH: &[u8] = b"PayloadHash";
    pub const COMPOSED_MESSAGE_HASH: &[u8] = b"ComposedMessageHash";
    pub const ENDPOINT: &[u8] = b"Endpoint";
    pub const EVENT_AUTHORITY: &[u8] = b"__event_authority";
}

/// Remote chains a vault keeps separate totals for.
pub const MAX_CHAINS: usize = 8;

/// Bridged mints (OFTs) the store can receive composes for.
pub const MAX_OFTS: usize = 8;

/// Bounds of the delay before a creator's new split applies.
pub mod split_delay {
    pub const MIN_SECONDS: u32 = 1;
    pub const MAX_SECONDS: u32 = 30 * 86_400;
}
