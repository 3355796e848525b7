pub mod admin;
pub mod fees;
pub mod groups;
pub mod pool;
pub mod trade;

pub use admin::*;
pub use fees::*;
pub use groups::*;
pub use pool::*;
pub use trade::*;
