//! Where an aggregator finds agentpad pools and reads them: the pool account's
//! discriminator and the offsets of the fields a market index filters on
//! (`getProgramAccounts` memcmp filters; docs/integrations.md lists the same numbers and a
//! test keeps the two equal).

use anchor_lang::Discriminator;
use bonding_curve::state::Pool;
use core::mem::offset_of;

/// The 8 bytes every pool account starts with (`sha256("account:Pool")[..8]`).
pub const POOL_DISCRIMINATOR: &[u8] = Pool::DISCRIMINATOR;

/// Byte offsets in a pool account (after the discriminator come the fields of
/// `bonding_curve::state::Pool`, little-endian, no padding before `phase`).
pub mod offsets {
    use super::*;

    const D: usize = 8;
    pub const BASE_MINT: usize = D + offset_of!(Pool, base_mint);
    pub const QUOTE_MINT: usize = D + offset_of!(Pool, quote_mint);
    pub const BASE_VAULT: usize = D + offset_of!(Pool, base_vault);
    pub const QUOTE_VAULT: usize = D + offset_of!(Pool, quote_vault);
    pub const QUOTE_TOKEN_PROGRAM: usize = D + offset_of!(Pool, quote_token_program);
    pub const PARAMS: usize = D + offset_of!(Pool, params);
    pub const QUOTE_RESERVE: usize = D + offset_of!(Pool, quote_reserve);
    pub const BASE_RESERVE: usize = D + offset_of!(Pool, base_reserve);
    pub const LAUNCH_TIMESTAMP: usize = D + offset_of!(Pool, launch_timestamp);
    pub const PHASE: usize = D + offset_of!(Pool, phase);
    /// The curve's further segments start here (`params.extra_segments` of them, 32 bytes
    /// each); a pool account is `SEGMENTS + 32 × extra_segments` bytes long.
    pub const SEGMENTS: usize = D + core::mem::size_of::<Pool>();
}

/// The `getProgramAccounts` memcmp filters (offset, bytes) that list every pool, or only
/// those trading against `quote_mint`.
pub fn pool_filters(quote_mint: Option<&anchor_lang::prelude::Pubkey>) -> Vec<(usize, Vec<u8>)> {
    let mut filters = vec![(0, POOL_DISCRIMINATOR.to_vec())];
    if let Some(mint) = quote_mint {
        filters.push((offsets::QUOTE_MINT, mint.to_bytes().to_vec()));
    }
    filters
}

#[cfg(test)]
mod tests {
    use super::*;

    /// docs/integrations.md's layout table names every offset above with its value.
    #[test]
    fn the_integration_guide_states_these_offsets() {
        let guide = include_str!("../../../docs/integrations.md");
        let rows = [
            ("base_mint", offsets::BASE_MINT),
            ("quote_mint", offsets::QUOTE_MINT),
            ("base_vault", offsets::BASE_VAULT),
            ("quote_vault", offsets::QUOTE_VAULT),
            ("quote_token_program", offsets::QUOTE_TOKEN_PROGRAM),
            ("params", offsets::PARAMS),
            ("quote_reserve", offsets::QUOTE_RESERVE),
            ("base_reserve", offsets::BASE_RESERVE),
            ("launch_timestamp", offsets::LAUNCH_TIMESTAMP),
            ("phase", offsets::PHASE),
            ("segments", offsets::SEGMENTS),
        ];
        for (field, offset) in rows {
            let row = format!("| {offset} | `{field}` |");
            assert!(guide.contains(&row), "docs/integrations.md lacks the row starting `{row}`");
        }
        let bytes = format!("{:?}", POOL_DISCRIMINATOR);
        assert!(guide.contains(&bytes), "docs/integrations.md lacks the discriminator bytes {bytes}");
        let base58 = format!("`{}`", bs58::encode(POOL_DISCRIMINATOR).into_string());
        assert!(guide.contains(&base58), "docs/integrations.md lacks the discriminator in base58, {base58}");
    }
}
