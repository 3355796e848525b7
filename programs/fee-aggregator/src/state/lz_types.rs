use anchor_lang::prelude::*;

/// The accounts a LayerZero executor passes to `lz_receive_types` (v1 convention): PDA
/// `["LzReceiveTypes", store]`, a discriminator and public keys only.
#[account(zero_copy)]
pub struct LzReceiveTypesAccounts {
    pub store: Pubkey,
}

/// The accounts a LayerZero executor passes to `lz_compose_types` (v1 convention): PDA
/// `["LzComposeTypes", store]`: the store, then one `OftConfig` per bridged mint, appended
/// by `set_oft` (the account grows by 32 bytes each).
#[account(zero_copy)]
pub struct LzComposeTypesAccounts {
    pub store: Pubkey,
}

impl LzReceiveTypesAccounts {
    /// Account size: discriminator and the store's key.
    pub const SPACE: usize = 8 + core::mem::size_of::<Self>();
}

impl LzComposeTypesAccounts {
    /// Account size at creation: discriminator and the store's key (`set_oft` appends).
    pub const SPACE: usize = 8 + core::mem::size_of::<Self>();

    /// The `OftConfig` keys after the store.
    pub fn ofts(data: &[u8]) -> impl Iterator<Item = Pubkey> + '_ {
        data[8 + 32..].chunks_exact(32).map(|c| Pubkey::new_from_array(c.try_into().unwrap()))
    }
}
