pub mod admin_handover;
pub mod initialize_store;
pub mod set_delegate;
pub mod set_oft;
pub mod set_peer_config;

pub use admin_handover::*;
pub use initialize_store::*;
pub use set_delegate::*;
pub use set_oft::*;
pub use set_peer_config::*;

use anchor_lang::prelude::*;

agentpad_common::upgrade_authority_guard!(crate::error::FeeAggregatorError::NotUpgradeAuthority);
