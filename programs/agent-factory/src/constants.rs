//! Seeds and metadata bounds of the agent-factory program, published in its IDL
//! (`#[constant]`). The launcher seed, which bonding-curve and revenue-share check as a
//! compile-time address, is owned by `agentpad-common`.

pub mod seeds {
    use anchor_lang::prelude::*;

    /// PDA seed: `["agent", mint]`, the agent record. Other programs recognise a record by
    /// its stored mint (`agentpad_common::interface::read_agent`).
    #[constant]
    pub const AGENT: &[u8] = b"agent";
    /// PDA seed: `["launcher"]`, the signer-only PDA bonding-curve's `create_pool` requires.
    #[constant]
    pub const LAUNCHER: &[u8] = agentpad_common::ids::LAUNCHER_SEED;
}

pub mod metadata {
    use anchor_lang::prelude::*;

    /// Bounds (UTF-8 bytes) keep a launch inside one transaction (1,232 bytes) with room to spare.
    #[constant]
    pub const MAX_NAME_LEN: u32 = 32;
    #[constant]
    pub const MAX_SYMBOL_LEN: u32 = 10;
    #[constant]
    pub const MAX_URI_LEN: u32 = 200;
    /// Additional metadata field that records the launching creator.
    #[constant]
    pub const CREATOR_FIELD: &str = "creator";
}
