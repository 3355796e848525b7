//! Account creation that a third party cannot block by funding the address first.
//!
//! The System Program's `create_account` refuses an address that already holds lamports,
//! and anyone can send lamports to a predictable address. Anchor 1.2's `init` handles that
//! with SIMD-0312's `CreateAccountAllowPrefund`, which every cluster has; this helper does
//! the same with the instructions every runtime has (transfer, allocate, assign), for the
//! accounts the programs create by hand.

use anchor_lang::prelude::*;
use anchor_lang::solana_program::instruction::{AccountMeta, Instruction};

use crate::cpi::invoke;

/// The System Program's instructions used here, as it decodes them (bincode: a u32 tag,
/// then the fields little-endian), built by hand rather than through bincode.
mod system {
    pub const CREATE_ACCOUNT: u32 = 0;
    pub const ASSIGN: u32 = 1;
    pub const TRANSFER: u32 = 2;
    pub const ALLOCATE: u32 = 8;
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
/// pre-funded address is topped up, allocated and assigned. `system_program` must be the
/// System Program (the callers' `Program<System>`).
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
    if current < lamports {
        let accounts = vec![AccountMeta::new(payer_key, true), AccountMeta::new(target_key, false)];
        invoke(&system_instruction(system_program, system::TRANSFER, &[&(lamports - current).to_le_bytes()], accounts), &both, &[])?;
    }
    let target_only = [target.clone()];
    if space > 0 {
        let ix = system_instruction(system_program, system::ALLOCATE, &[&space.to_le_bytes()], vec![AccountMeta::new(target_key, true)]);
        invoke(&ix, &target_only, signer_seeds)?;
    }
    invoke(&system_instruction(system_program, system::ASSIGN, &[owner.as_ref()], vec![AccountMeta::new(target_key, true)]), &target_only, signer_seeds)
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
