//! Token CPIs used by every program, through the token interface so SPL Token and
//! Token-2022 mints behave the same.

use anchor_lang::prelude::*;
use anchor_lang::solana_program::instruction::{AccountMeta, Instruction};

use crate::cpi::invoke;

/// `TransferChecked`'s tag in both token programs' instruction sets.
const TRANSFER_CHECKED: u8 = 12;

/// `transfer_checked` of `amount` from `from` to `to`, signed by `authority` (a user
/// signer, or a PDA when `signer_seeds` is not empty). A zero amount is a no-op.
/// `token_program` must be a token program the caller's accounts checked (Anchor's
/// `Program`/`Interface`): the instruction is built here, as both token programs encode it,
/// rather than through `spl_token_2022::instruction`, which checks the id again and
/// allocates three times.
#[allow(clippy::too_many_arguments)]
pub fn transfer<'info>(
    token_program: &AccountInfo<'info>,
    from: &AccountInfo<'info>,
    mint: &AccountInfo<'info>,
    to: &AccountInfo<'info>,
    authority: &AccountInfo<'info>,
    amount: u64,
    decimals: u8,
    signer_seeds: &[&[&[u8]]],
) -> Result<()> {
    if amount == 0 {
        return Ok(());
    }
    let mut data = Vec::with_capacity(10);
    data.push(TRANSFER_CHECKED);
    data.extend_from_slice(&amount.to_le_bytes());
    data.push(decimals);
    let instruction = Instruction {
        program_id: *token_program.key,
        accounts: vec![
            AccountMeta::new(*from.key, false),
            AccountMeta::new_readonly(*mint.key, false),
            AccountMeta::new(*to.key, false),
            AccountMeta::new_readonly(*authority.key, true),
        ],
        data,
    };
    invoke(&instruction, &[from.clone(), mint.clone(), to.clone(), authority.clone()], signer_seeds)
}
