use agentpad_math::pool::Limit;
use anchor_lang::prelude::*;

use super::{Swap, execute_swap};

/// Buys exactly `base_out` tokens for at most `max_quote_in` (fee included). If the curve
/// reaches its threshold first, the buy is filled up to the threshold: fewer tokens, for at
/// most `max_quote_in` per `base_out` of them (pro rata), or refused with
/// `SlippageExceeded`.
pub fn handle_buy_exact_out(ctx: Context<Swap>, base_out: u64, max_quote_in: u64) -> Result<()> {
    execute_swap(ctx, |market, fee_bps| market.buy_exact_out(base_out, fee_bps), Limit::MaxQuoteFor { max_quote: max_quote_in, base: base_out })
}
