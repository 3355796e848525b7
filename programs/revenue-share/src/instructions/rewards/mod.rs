pub mod claim;
pub mod notify_reward;

pub use claim::*;
pub use notify_reward::*;
