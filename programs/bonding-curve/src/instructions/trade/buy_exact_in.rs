use anchor_lang::prelude::*;

use super::{Swap, execute_swap};

/// Spends exactly `quote_in` (fee included) for at least `min_base_out` tokens. The buy
/// that reaches the graduation threshold is filled up to it and takes only what it needs.
pub fn handle_buy_exact_in(ctx: Context<Swap>, quote_in: u64, min_base_out: u64) -> Result<()> {
    execute_swap(ctx, |market, fee_bps| market.buy_exact_in(quote_in, fee_bps), |trade| trade.base_amount >= min_base_out)
}
