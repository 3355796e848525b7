pub mod groups;
pub mod pool;
pub mod rewards;
pub mod staking;

pub use groups::*;
pub use pool::*;
pub use rewards::*;
pub use staking::*;
