//! The one way the programs invoke another program by hand.
//!
//! `solana_program::program::invoke_signed` first walks every (account meta, account
//! info) pair comparing 32-byte keys, to borrow each account's RefCells once before the
//! runtime does (O(metas x infos) comparisons: about a third of a token transfer's cost on
//! sBPF). The runtime checks the same things again on entry to the callee, and these
//! helpers are only called with no borrow of the passed accounts outstanding (every
//! caller drops its `load_mut`/data borrows first), so they invoke directly.

use anchor_lang::prelude::*;
use anchor_lang::InstructionData;
use anchor_lang::solana_program::instruction::Instruction;
use anchor_lang::solana_program::program::invoke_signed_unchecked;

/// Invokes `instruction` with `infos` (each account the instruction names, once), signed
/// by `signer_seeds` (empty when no PDA signs). No account's data or lamports may be
/// borrowed by the caller.
pub fn invoke(instruction: &Instruction, infos: &[AccountInfo], signer_seeds: &[&[&[u8]]]) -> Result<()> {
    invoke_signed_unchecked(instruction, infos, signer_seeds).map_err(Into::into)
}

/// Invokes an instruction of another Anchor program: `accounts` is its `cpi::accounts`
/// struct (metas and infos in the declared order), `args` its `instruction::<Name>` struct
/// (discriminator and Borsh arguments). What the generated `cpi::<name>` does, without
/// the pre-borrow walk over every pair of its accounts.
pub fn invoke_program<'info>(
    program: Pubkey,
    accounts: impl ToAccountMetas + ToAccountInfos<'info>,
    args: impl InstructionData,
    signer_seeds: &[&[&[u8]]],
) -> Result<()> {
    let instruction = Instruction { program_id: program, accounts: accounts.to_account_metas(None), data: args.data() };
    invoke(&instruction, &accounts.to_account_infos(), signer_seeds)
}
