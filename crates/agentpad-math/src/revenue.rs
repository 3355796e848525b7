//! Revenue arithmetic of the fee aggregator: bridged amounts in shared decimals, and the
//! three-way split of distributed revenue.

use crate::BPS_DENOMINATOR;
use crate::error::{MathError, MathResult};
use crate::safe::{SafeMath, to_u64};

/// Shared decimals of bridged (OFT) amounts: LayerZero's OFT default.
pub const SHARED_DECIMALS: u8 = 6;

/// Converts an amount in shared decimals to local units of a mint with `local_decimals`.
/// Exact (multiplication only); a mint with fewer decimals than shared is refused.
pub fn shared_to_local(amount_sd: u64, local_decimals: u8) -> MathResult<u64> {
    let shift = local_decimals.checked_sub(SHARED_DECIMALS).ok_or(MathError::Overflow)?;
    let factor = 10u64.checked_pow(shift as u32).ok_or(MathError::Overflow)?;
    amount_sd.safe_mul(factor)
}

/// [`shared_to_local`] that saturates at `u64::MAX` (for limits, where "more than any
/// amount" is the meaning of an overflow).
pub fn shared_to_local_saturating(amount_sd: u64, local_decimals: u8) -> u64 {
    match local_decimals.checked_sub(SHARED_DECIMALS) {
        None => amount_sd,
        Some(shift) => 10u64.checked_pow(shift as u32).and_then(|f| amount_sd.checked_mul(f)).unwrap_or(u64::MAX),
    }
}

/// How distributed revenue is shared. Sums to 10,000 bps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RevenueSplit {
    pub holders_bps: u16,
    pub creator_bps: u16,
    pub protocol_bps: u16,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RevenueParts {
    pub holders: u64,
    pub creator: u64,
    pub protocol: u64,
}

impl RevenueSplit {
    pub fn is_valid(&self) -> bool {
        self.holders_bps as u64 + self.creator_bps as u64 + self.protocol_bps as u64 == BPS_DENOMINATOR
    }

    /// Creator and protocol parts round down; holders take the remainder, so the parts
    /// always add up to `amount` and rounding dust goes to the holders.
    pub fn split(&self, amount: u64) -> MathResult<RevenueParts> {
        let part = |bps: u16| to_u64((amount as u128).safe_mul(bps as u128)? / BPS_DENOMINATOR as u128);
        let creator = part(self.creator_bps)?;
        let protocol = part(self.protocol_bps)?;
        let holders = amount.safe_sub(creator)?.safe_sub(protocol)?;
        Ok(RevenueParts { holders, creator, protocol })
    }
}

/// An agent's split over time: a new split is announced and applies from a later moment,
/// so nobody can raise their share just before a distribution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SplitSchedule {
    pub current: RevenueSplit,
    /// The announced split and the time it applies from.
    pub pending: Option<(RevenueSplit, i64)>,
}

impl SplitSchedule {
    /// The split a distribution at `now` uses.
    pub fn at(&self, now: i64) -> RevenueSplit {
        let mut s = *self;
        s.settle(now);
        s.current
    }

    /// Makes a pending split that is due at `now` the current one.
    pub fn settle(&mut self, now: i64) {
        if let Some((next, from)) = self.pending {
            if now >= from {
                self.current = next;
                self.pending = None;
            }
        }
    }

    /// Announces `next` at `now`, to apply `delay` seconds later. A split still pending is
    /// replaced (its delay starts over); one already due becomes the current split first.
    pub fn announce(&mut self, next: RevenueSplit, now: i64, delay: u32) -> MathResult<i64> {
        self.settle(now);
        let from = now.checked_add(delay as i64).ok_or(MathError::Overflow)?;
        self.pending = Some((next, from));
        Ok(from)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shared_decimals_convert_exactly() {
        assert_eq!(shared_to_local(1_234_567, 9).unwrap(), 1_234_567_000);
        assert_eq!(shared_to_local(1_234_567, 6).unwrap(), 1_234_567);
        assert_eq!(shared_to_local(1, 18).unwrap(), 1_000_000_000_000);
        assert_eq!(shared_to_local(1, 5), Err(MathError::Overflow));
        assert_eq!(shared_to_local(u64::MAX / 1_000 + 1, 9), Err(MathError::Overflow));
    }

    #[test]
    fn limits_saturate_instead_of_overflowing() {
        assert_eq!(shared_to_local_saturating(5, 9), 5_000);
        assert_eq!(shared_to_local_saturating(u64::MAX, 18), u64::MAX);
        assert_eq!(shared_to_local_saturating(7, 6), 7);
    }

    #[test]
    fn a_new_split_applies_only_after_the_delay() {
        let a = RevenueSplit { holders_bps: 7_000, creator_bps: 2_000, protocol_bps: 1_000 };
        let b = RevenueSplit { holders_bps: 5_000, creator_bps: 4_000, protocol_bps: 1_000 };
        let mut s = SplitSchedule { current: a, pending: None };
        assert_eq!(s.announce(b, 100, 50), Ok(150));
        assert_eq!((s.at(100), s.at(149), s.at(150)), (a, a, b));
        // Announcing again restarts the delay; the old pending split never applies.
        let c = RevenueSplit { holders_bps: 6_000, ..b };
        assert_eq!(s.announce(c, 140, 50), Ok(190));
        assert_eq!((s.at(150), s.at(190)), (a, c));
        // A due split becomes current before the next one is announced.
        assert_eq!(s.announce(a, 200, 50), Ok(250));
        assert_eq!((s.current, s.at(249), s.at(250)), (c, c, a));
    }

    #[test]
    fn split_adds_up_and_dust_goes_to_holders() {
        let s = RevenueSplit { holders_bps: 7_000, creator_bps: 2_000, protocol_bps: 1_000 };
        assert_eq!(s.split(1_001).unwrap(), RevenueParts { holders: 701, creator: 200, protocol: 100 });
        let p = s.split(u64::MAX).unwrap();
        assert_eq!(p.holders as u128 + p.creator as u128 + p.protocol as u128, u64::MAX as u128);
    }
}
