pub mod config;
pub mod pool;
pub mod preset;

pub use config::*;
pub use pool::*;
pub use preset::*;
