//! Constant-product swap primitives over reserves `(x, y)` = (quote, base).
//!
//! The bonding curve calls these with its *virtual* reserves, the graduated pool with
//! its real reserves: one formula, two phases. Each output rounds down and each required
//! input rounds up, so `x * y` never decreases.

use crate::error::{MathError, MathResult};
use crate::safe::{SafeMath, to_u64};

/// Base units out for `quote_in` units in: `floor(y * dq / (x + dq))`.
pub fn base_out_for_quote_in(x: u64, y: u64, quote_in: u64) -> MathResult<u64> {
    let num = (y as u128).safe_mul(quote_in as u128)?;
    let den = (x as u128).safe_add(quote_in as u128)?;
    to_u64(num.safe_div(den)?)
}

/// Quote units in needed for exactly `base_out` units out: `ceil(x * db / (y - db))`.
pub fn quote_in_for_base_out(x: u64, y: u64, base_out: u64) -> MathResult<u64> {
    if base_out >= y {
        return Err(MathError::InsufficientLiquidity);
    }
    let num = (x as u128).safe_mul(base_out as u128)?;
    let den = (y - base_out) as u128;
    to_u64(num.safe_div_ceil(den)?)
}

/// Quote units out for `base_in` units in: `floor(x * db / (y + db))`.
pub fn quote_out_for_base_in(x: u64, y: u64, base_in: u64) -> MathResult<u64> {
    let num = (x as u128).safe_mul(base_in as u128)?;
    let den = (y as u128).safe_add(base_in as u128)?;
    to_u64(num.safe_div(den)?)
}

/// Spot price as a Q64.64 fixed-point number of quote units per base unit.
pub fn price_q64(x: u64, y: u64) -> MathResult<u128> {
    ((x as u128) << 64).safe_div(y as u128)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounding_directions() {
        // 10 * 3 / (10 + 3) = 2.307.. -> 2 out
        assert_eq!(base_out_for_quote_in(10, 10, 3).unwrap(), 2);
        // 10 * 2 / (10 - 2) = 2.5 -> 3 in
        assert_eq!(quote_in_for_base_out(10, 10, 2).unwrap(), 3);
        // 10 * 3 / 13 -> 2 out
        assert_eq!(quote_out_for_base_in(10, 10, 3).unwrap(), 2);
    }

    #[test]
    fn cannot_drain_base_side() {
        assert_eq!(quote_in_for_base_out(10, 10, 10), Err(MathError::InsufficientLiquidity));
    }

    #[test]
    fn near_u64_limits_do_not_overflow_the_u128_products() {
        let out = base_out_for_quote_in(u64::MAX, u64::MAX, u64::MAX).unwrap();
        assert_eq!(out, u64::MAX / 2);
        assert_eq!(price_q64(u64::MAX, u64::MAX).unwrap(), 1u128 << 64);
    }
}
