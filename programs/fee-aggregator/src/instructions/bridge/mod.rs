pub mod lz_receive;
pub mod lz_receive_types;

pub use lz_receive::*;
pub use lz_receive_types::*;

use anchor_lang::prelude::*;

use crate::constants::seeds;
use crate::message::BridgeMessage;

/// Addresses `lz_receive` derives from a message.
pub struct MessageAccounts {
    pub vault: Pubkey,
    pub vault_token_account: Pubkey,
    pub inbox: Pubkey,
    pub receipt: Pubkey,
    pub receipt_bump: u8,
}

impl MessageAccounts {
    pub fn derive(src_eid: u32, msg: &BridgeMessage) -> Self {
        let pda = |s: &[&[u8]]| Pubkey::find_program_address(s, &crate::ID);
        let vault = pda(&[seeds::VAULT, msg.agent.as_ref(), msg.token.as_ref()]).0;
        let (receipt, receipt_bump) = pda(&[seeds::RECEIPT, &src_eid.to_be_bytes(), &msg.report_id.to_be_bytes()]);
        MessageAccounts {
            vault,
            vault_token_account: pda(&[seeds::VAULT_TOKENS, vault.as_ref()]).0,
            inbox: pda(&[seeds::INBOX, msg.token.as_ref()]).0,
            receipt,
            receipt_bump,
        }
    }
}
