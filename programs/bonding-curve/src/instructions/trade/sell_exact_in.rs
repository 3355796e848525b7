use agentpad_math::pool::Limit;
use anchor_lang::prelude::*;

use super::{Swap, execute_swap};

/// Sells exactly `base_in` tokens for at least `min_quote_out` (after the fee). Sells are
/// never cut (no threshold lies below the curve), so the total is the whole limit.
pub fn handle_sell_exact_in(ctx: Context<Swap>, base_in: u64, min_quote_out: u64) -> Result<()> {
    execute_swap(ctx, |market, fee_bps| market.sell_exact_in(base_in, fee_bps), Limit::MinQuoteOut(min_quote_out))
}
