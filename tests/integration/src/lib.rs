//! An embedded agentpad localnet: the real programs (natively compiled) in a
//! `solana-program-test` bank beside the real SPL Token, Token-2022 and ATA programs,
//! with builders for every instruction. Used by the integration tests and by the
//! lifecycle example.
#![allow(deprecated)]

pub mod accounts;
pub mod env;
pub mod fixtures;
pub mod fuzz;
pub mod ix;
pub mod presets;
pub mod runtime;
pub mod trace;

pub use env::{Env, TxError, ac_err, af_err, anchor_err, bc_err, decode_event, fa_err, lz_err, rs_err};
