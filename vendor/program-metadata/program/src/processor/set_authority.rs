use pinocchio::{account::AccountView, error::ProgramError, Address, ProgramResult};

use crate::{
    error::ProgramMetadataError,
    processor::validate_authority,
    state::{buffer::Buffer, header::Header, AccountDiscriminator, Zeroable},
};

/// Processor for the [`SetAuthority`](`crate::instruction::ProgramMetadataInstruction::SetAuthority`)
/// instruction.
pub fn set_authority(accounts: &mut [AccountView], instruction_data: &[u8]) -> ProgramResult {
    // Validates the instruction data.

    let [has_new_authority, new_authority @ ..] = instruction_data else {
        return Err(ProgramError::InvalidInstructionData);
    };

    // Access accounts.
    //
    // Note that program owned and writable checks are done implicitly by writing
    // to the account.

    let [account, authority, program, program_data] = accounts else {
        return Err(ProgramError::NotEnoughAccountKeys);
    };

    // authority
    // - must be a signer

    if !authority.is_signer() {
        return Err(ProgramError::MissingRequiredSignature);
    }

    // account
    // - must be a buffer or metadata account
    // - must be mutable (metadata)
    // - cannot be a non-canonical metadata account
    // - must have a valid authority

    // SAFETY: single mutable borrow of `account` account data.
    let account_data = unsafe { account.borrow_unchecked_mut() };

    match AccountDiscriminator::try_from_bytes(account_data)? {
        Some(AccountDiscriminator::Buffer) => {
            let buffer = Buffer::from_bytes_mut(account_data)?;

            validate_authority(buffer, authority, program, program_data)?;

            if *has_new_authority == 0 {
                return Err(ProgramError::InvalidArgument);
            }

            let new_authority: Address = new_authority
                .try_into()
                .map_err(|_| ProgramError::InvalidInstructionData)?;

            // Since the `authority` is a `Zeroable` type, make sure a new authority
            // is provided.
            if new_authority.is_zero() {
                return Err(ProgramError::InvalidArgument);
            }

            buffer.authority = new_authority.into();
        }
        Some(AccountDiscriminator::Metadata) => {
            let header = Header::from_bytes_mut(account_data)?;

            if !header.canonical() {
                return Err(ProgramError::InvalidAccountData);
            }

            if !header.mutable() {
                return Err(ProgramMetadataError::ImmutableMetadataAccount.into());
            }

            validate_authority(header, authority, program, program_data)?;

            header.authority = if *has_new_authority == 0 {
                Address::ZERO.into()
            } else {
                let new_authority: Address = new_authority
                    .try_into()
                    .map_err(|_| ProgramError::InvalidInstructionData)?;
                // Although the `authority` can be removed, passing the argument to remove
                // the authority as `Some(Address::ZERO)` is not allowed; the
                // `has_new_authority` flag must be set to `0` to remove the authority.
                if new_authority.is_zero() {
                    return Err(ProgramError::InvalidArgument);
                }
                new_authority.into()
            };
        }
        _ => return Err(ProgramError::InvalidAccountData),
    }

    Ok(())
}
