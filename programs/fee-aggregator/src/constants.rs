//! Seeds and limits of the fee-aggregator program.

pub mod seeds {
    /// The OApp store: program config and the LayerZero receiver address.
    pub const STORE: &[u8] = b"Store";
    /// `["Peer", store, src_eid BE]`, as LayerZero OApps derive peers.
    pub const PEER: &[u8] = b"Peer";
    /// `["vault", agent_mint, reward_mint]`.
    pub use agentpad_common::ids::AGGREGATOR_VAULT_SEED as VAULT;
    pub const VAULT_TOKENS: &[u8] = b"vault_tokens";
    /// `["inbox", reward_mint]`: where bridged (OFT) tokens arrive before allocation.
    pub const INBOX: &[u8] = b"inbox";
    /// `["receipt", src_eid BE, report_id BE]`: one per delivered report.
    pub const RECEIPT: &[u8] = b"receipt";
    /// `["policy", agent_mint]`.
    pub const POLICY: &[u8] = b"policy";
}

/// Seeds of the LayerZero V2 endpoint's accounts that `clear` takes.
pub mod endpoint_seeds {
    pub const OAPP: &[u8] = b"OApp";
    pub const NONCE: &[u8] = b"Nonce";
    pub const PAYLOAD_HASH: &[u8] = b"PayloadHash";
    pub const ENDPOINT: &[u8] = b"Endpoint";
    pub const EVENT_AUTHORITY: &[u8] = b"__event_authority";
}

/// Remote chains a vault keeps separate totals for.
pub const MAX_CHAINS: usize = 8;
