use agentpad_math::pool::Limit;
use anchor_lang::prelude::*;

use super::{Swap, execute_swap};

/// Spends exactly `quote_in` (fee included) for at least `min_base_out` tokens. The buy
/// that reaches the graduation threshold is filled up to it and takes only the quote it
/// needs; it must still buy at least `min_base_out` per `quote_in` (pro rata), so a
/// front-run cannot turn it into a fill above the buyer's price.
pub fn handle_buy_exact_in(ctx: Context<Swap>, quote_in: u64, min_base_out: u64) -> Result<()> {
    execute_swap(ctx, |market, fee_bps| market.buy_exact_in(quote_in, fee_bps), Limit::MinBaseFor { quote: quote_in, min_base: min_base_out })
}
