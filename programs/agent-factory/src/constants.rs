//! Seeds and metadata bounds of the agent-factory program.

pub mod seeds {
    pub use agentpad_common::ids::AGENT_SEED as AGENT;
    pub use agentpad_common::ids::LAUNCHER_SEED as LAUNCHER;
}

pub mod metadata {
    /// Bounds keep a launch inside one transaction (1,232 bytes) with room to spare.
    pub const MAX_NAME_LEN: usize = 32;
    pub const MAX_SYMBOL_LEN: usize = 10;
    pub const MAX_URI_LEN: usize = 200;
    /// Additional metadata field that records the launching creator.
    pub const CREATOR_FIELD: &str = "creator";
}

/// Agent tokens have 6 decimals, as bonding-curve requires.
pub const AGENT_TOKEN_DECIMALS: u8 = bonding_curve::constants::limits::BASE_DECIMALS;
