//! Token CPIs used by every program, through the token interface so SPL Token and
//! Token-2022 mints behave the same.

use anchor_lang::prelude::*;
use anchor_lang::solana_program::instruction::{AccountMeta, Instruction};
use anchor_spl::token_2022::spl_token_2022::{
    extension::{BaseStateWithExtensions, ExtensionType, StateWithExtensions},
    state::{Account, Mint},
};

use crate::account::create_rent_exempt;
use crate::cpi::invoke;

/// `TransferChecked`'s tag in both token programs' instruction sets.
const TRANSFER_CHECKED: u8 = 12;
/// `InitializeAccount3`'s tag (account, mint; the owner in the data) in both.
const INITIALIZE_ACCOUNT3: u8 = 18;
/// An SPL Token account's size (Token-2022's base account is the same 165 bytes).
const TOKEN_ACCOUNT_LEN: usize = 165;

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

/// Bytes a token account of `mint` needs: 165, or for a Token-2022 mint the base account
/// plus the extensions its mint's extensions require of every account (as Anchor's `init`
/// and the ATA program size them).
pub fn token_account_space(mint: &AccountInfo) -> Result<usize> {
    if *mint.owner != anchor_spl::token_2022::ID {
        return Ok(TOKEN_ACCOUNT_LEN);
    }
    let data = mint.try_borrow_data()?;
    let extensions = StateWithExtensions::<Mint>::unpack(&data)?.get_extension_types()?;
    Ok(ExtensionType::try_calculate_account_len::<Account>(&ExtensionType::get_required_init_account_extensions(&extensions))?)
}

/// Creates a token account of `mint` owned by `authority` at a PDA (the `token::` form of
/// Anchor's `init`, after the caller's `seeds` constraint checked the address):
/// `signer_seeds` are its seeds with the bump; the account is sized for the mint, then the
/// token program's `InitializeAccount3`. `token_program` is the mint's program (the
/// caller's accounts check it, e.g. `mint::token_program`).
#[allow(clippy::too_many_arguments)]
pub fn create_token_account<'info>(
    system_program: &AccountInfo<'info>,
    token_program: &AccountInfo<'info>,
    payer: &AccountInfo<'info>,
    target: &AccountInfo<'info>,
    mint: &AccountInfo<'info>,
    authority: &Pubkey,
    signer_seeds: &[&[u8]],
    rent: &Rent,
) -> Result<()> {
    create_rent_exempt(system_program, payer, target, token_account_space(mint)?, token_program.key, signer_seeds, rent)?;
    let mut data = Vec::with_capacity(33);
    data.push(INITIALIZE_ACCOUNT3);
    data.extend_from_slice(authority.as_ref());
    let instruction = Instruction {
        program_id: *token_program.key,
        accounts: vec![AccountMeta::new(*target.key, false), AccountMeta::new_readonly(*mint.key, false)],
        data,
    };
    invoke(&instruction, &[target.clone(), mint.clone()], &[])
}
