//! The guard of one-time setup: the program's upgrade authority signs. Written once as a
//! macro because Anchor's composite `Accounts` must live in the program that uses it (its
//! seeds name that program's id and its error is that program's).

use anchor_lang::prelude::*;
use anchor_lang::solana_program::bpf_loader_upgradeable;

/// The upgrade authority recorded in an upgradeable program's ProgramData account, read in
/// place: the loader's `UpgradeableLoaderState::ProgramData { slot, upgrade_authority_address }`
/// is a u32 tag (3), a u64 slot and an `Option<Pubkey>` (a byte, then the key). `None` for
/// any other account. (Anchor's `Account<ProgramData>` decodes the same with bincode and
/// serde, whose error formatting alone is about 50 KB of every program that uses it.)
pub fn upgrade_authority(program_data: &AccountInfo) -> Option<Pubkey> {
    const PROGRAM_DATA_TAG: [u8; 4] = 3u32.to_le_bytes();
    if *program_data.owner != bpf_loader_upgradeable::ID {
        return None;
    }
    let data = program_data.try_borrow_data().ok()?;
    let header = data.get(..45)?;
    if header[..4] != PROGRAM_DATA_TAG || header[12] != 1 {
        return None;
    }
    Some(Pubkey::new_from_array(header[13..45].try_into().ok()?))
}

/// Declares `UpgradeAuthority`, a composite `Accounts` group: `admin` signs (and pays) and
/// is the upgrade authority recorded in this program's ProgramData account, else the
/// given error. A fresh deployment's setup can therefore not be front-run.
///
/// ```text
/// agentpad_common::upgrade_authority_guard!(BondingCurveError::NotUpgradeAuthority);
/// ```
#[macro_export]
macro_rules! upgrade_authority_guard {
    ($($error:tt)+) => {
        /// The program's upgrade authority, signing: only it may run one-time setup.
        #[derive(Accounts)]
        pub struct UpgradeAuthority<'info> {
            /// Pays for what setup creates.
            #[account(mut)]
            pub admin: Signer<'info>,
            /// CHECK: this program's ProgramData account (seeds); its recorded upgrade
            /// authority must be `admin` (`agentpad_common::admin::upgrade_authority`).
            #[account(
                seeds = [crate::ID.as_ref()],
                bump,
                seeds::program = anchor_lang::solana_program::bpf_loader_upgradeable::ID,
                constraint = $crate::admin::upgrade_authority(&program_data) == Some(admin.key()) @ $($error)+,
            )]
            pub program_data: UncheckedAccount<'info>,
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;
    use anchor_lang::solana_program::bpf_loader_upgradeable::UpgradeableLoaderState;

    /// What the loader writes (bincode), read back by `upgrade_authority`.
    fn read(state: &UpgradeableLoaderState, owner: &Pubkey) -> Option<Pubkey> {
        let mut data = bincode::serialize(state).unwrap();
        data.extend_from_slice(&[0xAB; 64]); // the program's bytes follow the header
        let (key, mut lamports) = (Pubkey::new_unique(), 0);
        let info = AccountInfo::new(&key, false, false, &mut lamports, &mut data, owner, false);
        upgrade_authority(&info)
    }

    #[test]
    fn reads_the_upgrade_authority_the_loader_wrote() {
        let loader = bpf_loader_upgradeable::ID;
        let authority = Pubkey::new_unique();
        let program_data = |upgrade_authority_address| UpgradeableLoaderState::ProgramData { slot: 123_456_789, upgrade_authority_address };
        assert_eq!(read(&program_data(Some(authority)), &loader), Some(authority));
        // A program made immutable has none.
        assert_eq!(read(&program_data(None), &loader), None);
        // The same bytes owned by anything but the loader, or another loader state.
        assert_eq!(read(&program_data(Some(authority)), &Pubkey::new_unique()), None);
        assert_eq!(read(&UpgradeableLoaderState::Buffer { authority_address: Some(authority) }, &loader), None);
        assert_eq!(read(&UpgradeableLoaderState::Program { programdata_address: authority }, &loader), None);
    }
}
