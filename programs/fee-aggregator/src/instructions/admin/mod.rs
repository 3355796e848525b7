pub mod initialize_store;
pub mod set_peer;

pub use initialize_store::*;
pub use set_peer::*;
