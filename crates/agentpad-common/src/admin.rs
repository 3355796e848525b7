//! The guard of one-time setup: the program's upgrade authority signs. Written once as a
//! macro because Anchor's composite `Accounts` must live in the program that uses it (its
//! seeds name that program's id and its error is that program's).

/// Declares `UpgradeAuthority`, a composite `Accounts` group: `admin` signs (and pays) and
/// is the upgrade authority recorded in this program's ProgramData account, else the
/// given error. A fresh deployment's setup can therefore not be front-run.
///
/// ```ignore
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
            #[account(
                seeds = [crate::ID.as_ref()],
                bump,
                seeds::program = anchor_lang::solana_program::bpf_loader_upgradeable::ID,
                constraint = program_data.upgrade_authority_address == Some(admin.key()) @ $($error)+,
            )]
            pub program_data: Account<'info, ProgramData>,
        }
    };
}
