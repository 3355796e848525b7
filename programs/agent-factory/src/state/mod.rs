pub mod agent;

pub use agent::*;
