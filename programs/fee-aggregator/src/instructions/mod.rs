pub mod admin;
pub mod bridge;
pub mod distribution;
pub mod vault;

pub use admin::*;
pub use bridge::*;
pub use distribution::*;
pub use vault::*;
