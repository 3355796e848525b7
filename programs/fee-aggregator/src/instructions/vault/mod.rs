pub mod create_vault;
pub mod credit_commerce;
pub mod deposit;
pub mod sweep;

pub use create_vault::*;
pub use credit_commerce::*;
pub use deposit::*;
pub use sweep::*;

use anchor_lang::prelude::*;

use crate::constants::seeds;

/// Signer seeds of a vault PDA, from copies (the vault's data borrow must be released
/// before a CPI that names the vault).
pub fn vault_signer_seeds<'a>(agent_mint: &'a Pubkey, reward_mint: &'a Pubkey, bump: &'a [u8; 1]) -> [&'a [u8]; 4] {
    [seeds::VAULT, agent_mint.as_ref(), reward_mint.as_ref(), bump]
}
