//! Which Token-2022 extensions a mint held by a pool may carry.
//!
//! A pool keeps exact books: it must receive exactly what was sent, be able to move its
//! tokens out at any time, and not have them taken. So mints whose extensions break one
//! of those are refused, each with its own reason. The check is an allowlist: an
//! extension added to Token-2022 later is refused until it has been reviewed.

use anchor_lang::prelude::*;
use anchor_spl::token_2022::spl_token_2022::{
    extension::{
        BaseStateWithExtensions, ExtensionType, StateWithExtensions,
        default_account_state::DefaultAccountState, mint_close_authority::MintCloseAuthority,
    },
    state::{AccountState, Mint},
};

/// Why a mint was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MintRejection {
    /// Transfers would deliver less than sent, breaking the pool's books.
    TransferFee,
    /// Every transfer would call an arbitrary program.
    TransferHook,
    /// A third party could move tokens out of the pool's vaults.
    PermanentDelegate,
    /// The token cannot be transferred at all.
    NonTransferable,
    /// New token accounts (the pool's vaults) would start frozen.
    DefaultFrozen,
    /// An extension not reviewed for pools (e.g. pausable, confidential transfer fees).
    Unsupported,
    /// Someone can close the mint (at zero supply) and create it again at the same address
    /// with other extensions — after it was screened.
    CloseAuthority,
    /// The account is not a mint of the given token program.
    NotAMint,
}

/// Extensions a pool can hold without risk to its books.
const ALLOWED: &[ExtensionType] = &[
    ExtensionType::MetadataPointer,
    ExtensionType::TokenMetadata,
    ExtensionType::GroupPointer,
    ExtensionType::TokenGroup,
    ExtensionType::GroupMemberPointer,
    ExtensionType::TokenGroupMember,
    ExtensionType::InterestBearingConfig,
    ExtensionType::ScaledUiAmount,
];

/// Screens a mint account. SPL Token mints have no extensions and always pass.
pub fn screen_mint(mint: &AccountInfo) -> core::result::Result<(), MintRejection> {
    if *mint.owner == anchor_spl::token::ID {
        return Ok(());
    }
    let data = mint.try_borrow_data().map_err(|_| MintRejection::NotAMint)?;
    let state = StateWithExtensions::<Mint>::unpack(&data).map_err(|_| MintRejection::NotAMint)?;
    let types = state.get_extension_types().map_err(|_| MintRejection::NotAMint)?;
    for ext in types {
        let rejection = match ext {
            ExtensionType::TransferFeeConfig => MintRejection::TransferFee,
            ExtensionType::TransferHook => MintRejection::TransferHook,
            ExtensionType::PermanentDelegate => MintRejection::PermanentDelegate,
            ExtensionType::NonTransferable => MintRejection::NonTransferable,
            ExtensionType::DefaultAccountState => {
                let frozen = state
                    .get_extension::<DefaultAccountState>()
                    .map(|d| d.state == AccountState::Frozen as u8)
                    .unwrap_or(true);
                if frozen {
                    MintRejection::DefaultFrozen
                } else {
                    continue;
                }
            }
            // The extension without an authority can never close the mint.
            ExtensionType::MintCloseAuthority => {
                let closable = state
                    .get_extension::<MintCloseAuthority>()
                    .map(|m| Option::<Pubkey>::from(m.close_authority).is_some())
                    .unwrap_or(true);
                if closable {
                    MintRejection::CloseAuthority
                } else {
                    continue;
                }
            }
            allowed if ALLOWED.contains(&allowed) => continue,
            _ => MintRejection::Unsupported,
        };
        return Err(rejection);
    }
    Ok(())
}
