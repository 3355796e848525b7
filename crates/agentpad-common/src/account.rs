//! Account creation that a third party cannot block by funding the address first.
//!
//! The System Program's `create_account` refuses an address that already holds lamports,
//! and anyone can send lamports to a predictable address. SIMD-0312's
//! `CreateAccountAllowPrefund` (every cluster has it; it is the programs' minimum runtime)
//! tops such an address up, allocates and assigns it in one instruction, as Anchor 1.2's
//! `init` does. Every account the programs create goes through here.

use anchor_lang::prelude::*;
use anchor_lang::solana_program::instruction::{AccountMeta, Instruction};
use anchor_lang::ZeroCopy;
use core::cell::{Ref, RefMut};

use crate::cpi::invoke;

/// The System Program's instructions used here, as it decodes them (bincode: a u32 tag,
/// then the fields little-endian), built by hand rather than through bincode.
mod system {
    pub const CREATE_ACCOUNT: u32 = 0;
    pub const TRANSFER: u32 = 2;
    pub const CREATE_ACCOUNT_ALLOW_PREFUND: u32 = 13;
}

fn system_instruction(program: &AccountInfo, tag: u32, fields: &[&[u8]], accounts: Vec<AccountMeta>) -> Instruction {
    let mut data = Vec::with_capacity(4 + fields.iter().map(|f| f.len()).sum::<usize>());
    data.extend_from_slice(&tag.to_le_bytes());
    for field in fields {
        data.extend_from_slice(field);
    }
    Instruction { program_id: *program.key, accounts, data }
}

/// Creates `target` with `space` bytes owned by `owner` and a balance of at least
/// `lamports` (pass the rent of the account's final size), paid by `payer`. `target` signs
/// through `signer_seeds` (a PDA) or is a signer of the transaction (empty seeds). A
/// pre-funded address is topped up, allocated and assigned in one instruction
/// (`CreateAccountAllowPrefund`: a launch creates ten accounts, and three instructions each
/// would pass the 64-instruction trace limit). `system_program` must be the System Program
/// (the callers' `Program<System>`).
pub fn create_account<'info>(
    system_program: &AccountInfo<'info>,
    payer: &AccountInfo<'info>,
    target: &AccountInfo<'info>,
    space: usize,
    lamports: u64,
    owner: &Pubkey,
    signer_seeds: &[&[&[u8]]],
) -> Result<()> {
    let (payer_key, target_key) = (*payer.key, *target.key);
    let space = space as u64;
    let current = target.lamports();
    let both = [payer.clone(), target.clone()];
    if current == 0 {
        let accounts = vec![AccountMeta::new(payer_key, true), AccountMeta::new(target_key, true)];
        let ix = system_instruction(system_program, system::CREATE_ACCOUNT, &[&lamports.to_le_bytes(), &space.to_le_bytes(), owner.as_ref()], accounts);
        return invoke(&ix, &both, signer_seeds);
    }
    // As Anchor's `init`: the payer's own wallet never becomes the new account.
    require!(payer_key != target_key, ErrorCode::TryingToInitPayerAsProgramAccount);
    let top_up = lamports.saturating_sub(current);
    let mut accounts = vec![AccountMeta::new(target_key, true)];
    if top_up > 0 {
        accounts.push(AccountMeta::new(payer_key, true));
    }
    let fields: [&[u8]; 3] = [&top_up.to_le_bytes(), &space.to_le_bytes(), owner.as_ref()];
    invoke(&system_instruction(system_program, system::CREATE_ACCOUNT_ALLOW_PREFUND, &fields, accounts), &both, signer_seeds)
}

/// Creates `target` with `space` bytes, owned by `owner` and rent-exempt, paid by `payer`,
/// signed by `signer_seeds` (a PDA's seeds with its bump; the caller's `seeds` constraint
/// checked the address). What Anchor's `init` does after its seeds check, with the rent in
/// integers (`exempt_minimum`; `init` multiplies an `f64`, about 1,800 CU per account on
/// sBPF) and a pre-funded address accepted on every runtime (`create_account`).
pub fn create_rent_exempt<'info>(
    system_program: &AccountInfo<'info>,
    payer: &AccountInfo<'info>,
    target: &AccountInfo<'info>,
    space: usize,
    owner: &Pubkey,
    signer_seeds: &[&[u8]],
    rent: &Rent,
) -> Result<()> {
    create_account(system_program, payer, target, space, exempt_minimum(rent, space), owner, &[signer_seeds])
}

/// A freshly created zero-copy account of `T` (all zero bytes): its discriminator written
/// and its fixed part returned to fill in. What `AccountLoader::load_init` and Anchor's
/// exit do together, for an account created by `create_rent_exempt`.
pub fn init_zero_copy<'a, T: ZeroCopy + Discriminator>(info: &'a AccountInfo) -> Result<RefMut<'a, T>> {
    let mut data = info.try_borrow_mut_data()?;
    let (disc, end) = (T::DISCRIMINATOR, T::DISCRIMINATOR.len() + core::mem::size_of::<T>());
    if data.len() < end {
        return Err(ErrorCode::AccountDidNotDeserialize.into());
    }
    if data[..disc.len()].iter().any(|b| *b != 0) {
        return Err(ErrorCode::AccountDiscriminatorAlreadySet.into());
    }
    data[..disc.len()].copy_from_slice(disc);
    Ok(RefMut::map(data, |d| bytemuck::from_bytes_mut(&mut d[disc.len()..end])))
}

/// The checks `AccountLoader::load` makes of a zero-copy account's data: long enough for
/// `T` and starting with `T`'s discriminator. Returns where `T` ends.
fn check_zero_copy<T: ZeroCopy + Discriminator>(data: &[u8]) -> Result<usize> {
    let end = T::DISCRIMINATOR.len() + core::mem::size_of::<T>();
    if data.len() < end {
        return Err(ErrorCode::AccountDidNotDeserialize.into());
    }
    if &data[..T::DISCRIMINATOR.len()] != T::DISCRIMINATOR {
        return Err(ErrorCode::AccountDiscriminatorMismatch.into());
    }
    Ok(end)
}

/// A zero-copy account of `T`, its fixed part borrowed: `AccountLoader::load` for an
/// account held as `UncheckedAccount`/`AccountInfo` (its owner checked by the caller).
pub fn load_zero_copy<'a, T: ZeroCopy + Discriminator>(info: &'a AccountInfo) -> Result<Ref<'a, T>> {
    let data = info.try_borrow_data()?;
    let end = check_zero_copy::<T>(&data)?;
    Ok(Ref::map(data, |d| bytemuck::from_bytes(&d[T::DISCRIMINATOR.len()..end])))
}

/// The same, writable (`AccountLoader::load_mut`).
pub fn load_zero_copy_mut<'a, T: ZeroCopy + Discriminator>(info: &'a AccountInfo) -> Result<RefMut<'a, T>> {
    let data = info.try_borrow_mut_data()?;
    let end = check_zero_copy::<T>(&data)?;
    Ok(RefMut::map(data, |d| bytemuck::from_bytes_mut(&mut d[T::DISCRIMINATOR.len()..end])))
}

/// Writes a Borsh account (`#[account]`: discriminator, then the value) into an account
/// this program owns (freshly created, or to store a change), as Anchor's exit serializes
/// an `Account`.
pub fn write_borsh<T: AccountSerialize>(info: &AccountInfo, value: &T) -> Result<()> {
    let mut data = info.try_borrow_mut_data()?;
    value.try_serialize(&mut &mut data[..])
}

/// Pays `target` (a writable account this program owns) up to the rent-exempt minimum of
/// `len` bytes, before it grows to them.
pub fn top_up_rent<'info>(system_program: &AccountInfo<'info>, payer: &AccountInfo<'info>, target: &AccountInfo<'info>, len: usize, rent: &Rent) -> Result<()> {
    let lamports = exempt_minimum(rent, len).saturating_sub(target.lamports());
    if lamports == 0 {
        return Ok(());
    }
    let accounts = vec![AccountMeta::new(*payer.key, true), AccountMeta::new(*target.key, false)];
    let ix = system_instruction(system_program, system::TRANSFER, &[&lamports.to_le_bytes()], accounts);
    invoke(&ix, &[payer.clone(), target.clone()], &[])
}

/// The bytes the runtime charges rent for on top of an account's data
/// (`solana_rent::ACCOUNT_STORAGE_OVERHEAD`).
const ACCOUNT_STORAGE_OVERHEAD: u64 = 128;

/// The rent-exempt minimum for `len` bytes under the current `Rent` sysvar.
pub fn rent_exempt_minimum(len: usize) -> Result<u64> {
    Ok(exempt_minimum(&Rent::get()?, len))
}

/// `rent.minimum_balance(len)`, exactly. That multiplies by an `f64` threshold, which
/// sBPF has no instructions for (about 1,800 CU of software floating point); with the
/// thresholds the clusters use (2.0, and 1.0 after SIMD-0194) the same number is an
/// integer product. Any other threshold takes the float path.
#[allow(deprecated)] // the threshold and per-byte fields, read exactly as minimum_balance reads them
pub fn exempt_minimum(rent: &Rent, len: usize) -> u64 {
    let factor = match rent.exemption_threshold.to_bits() {
        bits if bits == 2.0f64.to_bits() => 2,
        bits if bits == 1.0f64.to_bits() => 1,
        _ => return rent.minimum_balance(len),
    };
    let lamports = (len as u64)
        .checked_add(ACCOUNT_STORAGE_OVERHEAD)
        .and_then(|bytes| bytes.checked_mul(rent.lamports_per_byte_year))
        .and_then(|per_year| per_year.checked_mul(factor));
    match lamports {
        // Below 2^53 the float product is exact, so both paths agree.
        Some(lamports) if lamports < 1 << 53 => lamports,
        _ => rent.minimum_balance(len),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[allow(deprecated)]
    fn exempt_minimum_is_minimum_balance() {
        let rents = [
            Rent::default(),
            Rent { lamports_per_byte_year: 6_960, exemption_threshold: 1.0, ..Rent::default() },
            Rent { lamports_per_byte_year: 1_000, exemption_threshold: 1.5, ..Rent::default() },
            Rent { lamports_per_byte_year: 1 << 44, exemption_threshold: 2.0, ..Rent::default() }, // past 2^53: the float path
        ];
        for rent in &rents {
            for len in (0..20_000).step_by(7).chain([10 * 1024 * 1024]).filter(|len| rent.lamports_per_byte_year < 1 << 40 || *len < 20_000) {
                assert_eq!(exempt_minimum(rent, len), rent.minimum_balance(len), "len {len}");
            }
        }
    }
}
