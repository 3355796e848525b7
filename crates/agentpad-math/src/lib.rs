//! Pure integer math for agentpad. No Solana dependency: the same code runs on chain,
//! in property tests and in off-chain quoting.
//!
//! Every function is checked (no silent wrap), widens to `u128` where a product can
//! exceed `u64`, and rounds in favour of the pool: amounts paid *to* the pool round up,
//! amounts paid *out* round down.

pub mod constant_product;
pub mod error;
pub mod fee;
pub mod job;
pub mod pool;
pub mod revenue;
pub mod reward;
pub mod safe;
pub mod segment;
pub mod staking;

pub use error::{MathError, MathResult};

/// Basis-point denominator: 10,000 bps = 100%.
pub const BPS_DENOMINATOR: u64 = 10_000;
