pub mod accept_creator;
pub mod admin_register_bridged_agent;
pub mod claim_creator_fees;
pub mod groups;
pub mod launch_agent;
pub mod open_bridged_pool;
pub mod propose_creator;
pub mod register_bridged_agent;

pub use accept_creator::*;
pub use admin_register_bridged_agent::*;
pub use claim_creator_fees::*;
pub use groups::*;
pub use launch_agent::*;
pub use open_bridged_pool::*;
pub use propose_creator::*;
pub use register_bridged_agent::*;
