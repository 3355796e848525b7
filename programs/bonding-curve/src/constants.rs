//! Seeds and bounds of the bonding-curve program.

pub mod seeds {
    pub const CONFIG: &[u8] = b"config";
    pub const PRESET: &[u8] = b"preset";
    pub const POOL: &[u8] = b"pool";
    pub const BASE_VAULT: &[u8] = b"base_vault";
    pub const QUOTE_VAULT: &[u8] = b"quote_vault";
}

pub mod limits {
    /// Agent tokens always have 6 decimals (1 token = 1,000,000 units).
    pub const BASE_DECIMALS: u8 = agentpad_common::ids::AGENT_TOKEN_DECIMALS;
}

/// Re-exported so clients and the factory quote fees with the program's own bounds.
pub use agentpad_math::fee::{MAX_BASE_FEE_BPS, MAX_DECAY_SECONDS, MAX_FEE_BPS};
pub use agentpad_math::pool::MAX_GRADUATION_PRICE_GAP_BPS;

const _: () = assert!(MAX_BASE_FEE_BPS <= MAX_FEE_BPS);
const _: () = assert!((MAX_FEE_BPS as u64) < agentpad_math::BPS_DENOMINATOR);
