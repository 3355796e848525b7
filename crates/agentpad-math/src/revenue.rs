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
    fn split_adds_up_and_dust_goes_to_holders() {
        let s = RevenueSplit { holders_bps: 7_000, creator_bps: 2_000, protocol_bps: 1_000 };
        assert_eq!(s.split(1_001).unwrap(), RevenueParts { holders: 701, creator: 200, protocol: 100 });
        let p = s.split(u64::MAX).unwrap();
        assert_eq!(p.holders as u128 + p.creator as u128 + p.protocol as u128, u64::MAX as u128);
    }
}
