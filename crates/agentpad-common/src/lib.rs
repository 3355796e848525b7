//! On-chain helpers shared by the agentpad programs, so no program writes them twice:
//! the program ids, token CPIs signed by a PDA, screening of mints for token extensions
//! a pool cannot live with.

pub mod account;
pub mod agent_record;
pub mod cpi;
pub mod event;
pub mod ids;
pub mod mint_screen;
pub mod token;
