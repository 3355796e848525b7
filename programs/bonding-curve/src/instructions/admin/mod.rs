pub mod admin_handover;
pub mod create_preset;
pub mod initialize_config;
pub mod set_protocol_fee_recipient;

pub use admin_handover::*;
pub use create_preset::*;
pub use initialize_config::*;
pub use set_protocol_fee_recipient::*;

use anchor_lang::prelude::*;

agentpad_common::upgrade_authority_guard!(crate::error::BondingCurveError::NotUpgradeAuthority);
