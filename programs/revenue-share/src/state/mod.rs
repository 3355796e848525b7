pub mod position;
pub mod stake_pool;

pub use position::*;
pub use stake_pool::*;

/// A u128 stored as little-endian bytes: u128's alignment differs between the host and
/// sBPF, so zero-copy accounts keep it as bytes for one layout everywhere.
pub type PodU128 = [u8; 16];
