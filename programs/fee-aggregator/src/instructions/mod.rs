pub mod admin;
pub mod bridge;
pub mod distribution;
pub mod groups;
pub mod vault;

pub use admin::*;
pub use bridge::*;
pub use distribution::*;
pub use groups::*;
pub use vault::*;
