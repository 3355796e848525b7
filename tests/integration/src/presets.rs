//! The preset economics: `agentpad-client`'s.

pub use agentpad_client::presets::*;
