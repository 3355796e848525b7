use anchor_lang::prelude::*;

use super::{Swap, execute_swap};

/// Buys exactly `base_out` tokens for at most `max_quote_in` (fee included). If the curve
/// reaches its threshold first, the buy is filled up to the threshold: fewer tokens, for
/// proportionally less quote.
pub fn handle_buy_exact_out(ctx: Context<Swap>, base_out: u64, max_quote_in: u64) -> Result<()> {
    execute_swap(ctx, |market, fee_bps| market.buy_exact_out(base_out, fee_bps), |trade| trade.quote_amount <= max_quote_in)
}
