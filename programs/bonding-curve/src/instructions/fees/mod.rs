//! Fee claims. Each empties one bucket of the pool's quote vault.

pub mod claim_agent_fees;
pub mod claim_creator_fees;
pub mod claim_protocol_fees;

pub use claim_agent_fees::*;
pub use claim_creator_fees::*;
pub use claim_protocol_fees::*;
