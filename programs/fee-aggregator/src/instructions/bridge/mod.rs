//! The LayerZero V2 side: fee reports arrive as OApp messages (`lz_receive`), value as OFT
//! transfers whose compose message names the agent (`lz_compose`). Each has its `*_types`
//! instruction, which an executor simulates to learn the accounts.

pub mod lz_compose;
pub mod lz_compose_types;
pub mod lz_receive;
pub mod lz_receive_types;

pub use lz_compose::*;
pub use lz_compose_types::*;
pub use lz_receive::*;
pub use lz_receive_types::*;

use anchor_lang::prelude::*;

use crate::constants::seeds;

fn pda(seeds: &[&[u8]]) -> (Pubkey, u8) {
    Pubkey::find_program_address(seeds, &crate::ID)
}

pub fn store_address() -> Pubkey {
    pda(&[seeds::STORE]).0
}

pub fn peer_address(store: &Pubkey, src_eid: u32) -> Pubkey {
    pda(&[seeds::PEER, store.as_ref(), &src_eid.to_be_bytes()]).0
}

pub fn vault_address(agent_mint: &Pubkey, reward_mint: &Pubkey) -> Pubkey {
    pda(&[seeds::VAULT, agent_mint.as_ref(), reward_mint.as_ref()]).0
}

pub fn vault_tokens_address(vault: &Pubkey) -> Pubkey {
    pda(&[seeds::VAULT_TOKENS, vault.as_ref()]).0
}

pub fn link_address(agent_mint: &Pubkey) -> (Pubkey, u8) {
    pda(&[seeds::AGENT_LINK, agent_mint.as_ref()])
}

pub fn receipt_address(src_eid: u32, report_id: u64) -> (Pubkey, u8) {
    pda(&[seeds::RECEIPT, &src_eid.to_be_bytes(), &report_id.to_be_bytes()])
}

pub fn event_authority_address() -> Pubkey {
    pda(&[b"__event_authority"]).0
}
