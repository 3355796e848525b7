//! Account creation that a third party cannot block by funding the address first.
//!
//! The System Program's `create_account` refuses an address that already holds lamports,
//! and anyone can send lamports to a predictable address. Anchor 1.2's `init` handles that
//! with SIMD-0312's `CreateAccountAllowPrefund`, which every cluster has; this helper does
//! the same with the instructions every runtime has (transfer, allocate, assign), for the
//! accounts the programs create by hand.

use anchor_lang::prelude::*;
use anchor_lang::system_program::{self, Allocate, Assign, CreateAccount, Transfer};

/// Creates `target` with `space` bytes owned by `owner` and a balance of at least
/// `lamports` (pass the rent of the account's final size), paid by `payer`. `target` signs
/// through `signer_seeds` (a PDA) or is a signer of the transaction (empty seeds). A
/// pre-funded address is topped up, allocated and assigned.
pub fn create_account<'info>(
    system_program: &AccountInfo<'info>,
    payer: &AccountInfo<'info>,
    target: &AccountInfo<'info>,
    space: usize,
    lamports: u64,
    owner: &Pubkey,
    signer_seeds: &[&[&[u8]]],
) -> Result<()> {
    let required = lamports;
    let program = system_program.key();
    let current = target.lamports();
    if current == 0 {
        let accounts = CreateAccount { from: payer.clone(), to: target.clone() };
        return system_program::create_account(CpiContext::new_with_signer(program, accounts, signer_seeds), required, space as u64, owner);
    }
    if current < required {
        let accounts = Transfer { from: payer.clone(), to: target.clone() };
        system_program::transfer(CpiContext::new(program, accounts), required - current)?;
    }
    if space > 0 {
        system_program::allocate(CpiContext::new_with_signer(program, Allocate { account_to_allocate: target.clone() }, signer_seeds), space as u64)?;
    }
    system_program::assign(CpiContext::new_with_signer(program, Assign { account_to_assign: target.clone() }, signer_seeds), owner)
}
