//! Token CPIs used by every program, through the token interface so SPL Token and
//! Token-2022 mints behave the same.

use anchor_lang::prelude::*;
use anchor_spl::token_interface::{self, TransferChecked};

/// `transfer_checked` of `amount` from `from` to `to`, signed by `authority` (a user
/// signer, or a PDA when `signer_seeds` is not empty). A zero amount is a no-op.
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
    let accounts = TransferChecked {
        from: from.clone(),
        mint: mint.clone(),
        to: to.clone(),
        authority: authority.clone(),
    };
    token_interface::transfer_checked(
        CpiContext::new_with_signer(token_program.key(), accounts, signer_seeds),
        amount,
        decimals,
    )
}
