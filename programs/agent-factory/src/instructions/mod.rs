pub mod accept_creator;
pub mod claim_creator_fees;
pub mod launch_agent;
pub mod propose_creator;

pub use accept_creator::*;
pub use claim_creator_fees::*;
pub use launch_agent::*;
pub use propose_creator::*;
