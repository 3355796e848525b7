//! On-chain helpers shared by the agentpad programs, so no program writes them twice:
//! the program ids, token CPIs signed by a PDA, screening of mints for token extensions
//! a pool cannot live with, the upgrade-authority guard, and typed views of each other's
//! accounts.

pub mod account;
pub mod admin;
pub mod base58;
pub mod cpi;
pub mod event;
pub mod ids;
pub mod interface;
pub mod mint_screen;
pub mod token;
