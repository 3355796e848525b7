//! Trading fees: the anti-sniper schedule, fee amounts, and the three-way split.
//!
//! Fees are always charged in the quote token and always round up.

use crate::BPS_DENOMINATOR;
use crate::error::{MathError, MathResult};
use crate::safe::{SafeMath, to_u64};

/// Highest fee any schedule may charge at any time (50%).
pub const MAX_FEE_BPS: u16 = 5_000;
/// Highest steady-state fee once the anti-sniper window has passed (10%).
pub const MAX_BASE_FEE_BPS: u16 = 1_000;
/// Longest anti-sniper window (one day).
pub const MAX_DECAY_SECONDS: u32 = 86_400;

/// Fee that starts at `start_fee_bps` at launch and decays linearly to `base_fee_bps`
/// over `decay_seconds`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FeeSchedule {
    pub base_fee_bps: u16,
    pub start_fee_bps: u16,
    pub decay_seconds: u32,
}

impl FeeSchedule {
    pub fn is_valid(&self) -> bool {
        self.base_fee_bps <= MAX_BASE_FEE_BPS
            && self.base_fee_bps <= self.start_fee_bps
            && self.start_fee_bps <= MAX_FEE_BPS
            && self.decay_seconds <= MAX_DECAY_SECONDS
            && (self.decay_seconds > 0 || self.start_fee_bps == self.base_fee_bps)
    }

    /// The fee in bps `elapsed` seconds after launch. The decaying part rounds up, so the
    /// schedule never charges less than the straight line between its end points.
    pub fn fee_bps_at(&self, elapsed_seconds: i64) -> u16 {
        let elapsed = elapsed_seconds.max(0) as u64;
        let window = self.decay_seconds as u64;
        if elapsed >= window {
            return self.base_fee_bps;
        }
        let extra = (self.start_fee_bps - self.base_fee_bps) as u64;
        // extra <= 5_000 and window - elapsed <= 86_400: the product fits easily.
        let decayed = (extra * (window - elapsed)).div_ceil(window);
        self.base_fee_bps + decayed as u16
    }
}

/// How each fee is shared. Sums to 10,000 bps; the agent-revenue part takes the
/// rounding remainder so the three parts always add up to the fee exactly.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FeeSplit {
    pub protocol_bps: u16,
    pub creator_bps: u16,
    pub agent_bps: u16,
}

impl FeeSplit {
    pub fn is_valid(&self) -> bool {
        self.protocol_bps as u64 + self.creator_bps as u64 + self.agent_bps as u64
            == BPS_DENOMINATOR
    }

    pub fn split(&self, fee: u64) -> MathResult<FeeParts> {
        let protocol = bps_of_floor(fee, self.protocol_bps)?;
        let creator = bps_of_floor(fee, self.creator_bps)?;
        let agent = fee.safe_sub(protocol)?.safe_sub(creator)?;
        Ok(FeeParts { protocol, creator, agent })
    }
}

/// A fee divided into its three buckets.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FeeParts {
    pub protocol: u64,
    pub creator: u64,
    pub agent: u64,
}

impl FeeParts {
    pub fn total(&self) -> MathResult<u64> {
        self.protocol.safe_add(self.creator)?.safe_add(self.agent)
    }
}

fn bps_of_floor(amount: u64, bps: u16) -> MathResult<u64> {
    to_u64((amount as u128).safe_mul(bps as u128)? / BPS_DENOMINATOR as u128)
}

/// `ceil(amount * bps / 10_000)`: the fee owed on `amount`.
pub fn fee_on(amount: u64, bps: u16) -> MathResult<u64> {
    to_u64((amount as u128).safe_mul(bps as u128)?.safe_div_ceil(BPS_DENOMINATOR as u128)?)
}

/// Splits a gross payment into `(net, fee)` where `net` is the largest amount with
/// `net + fee_on(net) <= gross`, and `fee = gross - net` (so `fee >= fee_on(net)`:
/// the unit lost to rounding goes to the pool, never to the payer).
pub fn split_gross(gross: u64, bps: u16) -> MathResult<(u64, u64)> {
    let net = to_u64(
        (gross as u128)
            .safe_mul(BPS_DENOMINATOR as u128)?
            .safe_div(BPS_DENOMINATOR as u128 + bps as u128)?,
    )?;
    let fee = gross.checked_sub(net).ok_or(MathError::Overflow)?;
    Ok((net, fee))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SCHEDULE: FeeSchedule = FeeSchedule { base_fee_bps: 100, start_fee_bps: 1_000, decay_seconds: 60 };

    #[test]
    fn schedule_end_points_and_midpoint() {
        assert_eq!(SCHEDULE.fee_bps_at(-5), 1_000);
        assert_eq!(SCHEDULE.fee_bps_at(0), 1_000);
        assert_eq!(SCHEDULE.fee_bps_at(30), 550);
        assert_eq!(SCHEDULE.fee_bps_at(59), 115); // 100 + ceil(900/60)
        assert_eq!(SCHEDULE.fee_bps_at(60), 100);
        assert_eq!(SCHEDULE.fee_bps_at(i64::MAX), 100);
    }

    #[test]
    fn flat_schedule_needs_no_window() {
        let flat = FeeSchedule { base_fee_bps: 100, start_fee_bps: 100, decay_seconds: 0 };
        assert!(flat.is_valid());
        assert_eq!(flat.fee_bps_at(0), 100);
        let broken = FeeSchedule { decay_seconds: 0, ..SCHEDULE };
        assert!(!broken.is_valid());
    }

    #[test]
    fn fee_rounds_up_and_split_is_exact() {
        assert_eq!(fee_on(1, 100).unwrap(), 1);
        assert_eq!(fee_on(10_000, 100).unwrap(), 100);
        assert_eq!(fee_on(10_001, 100).unwrap(), 101);
        let split = FeeSplit { protocol_bps: 3_333, creator_bps: 3_333, agent_bps: 3_334 };
        let parts = split.split(100).unwrap();
        assert_eq!(parts, FeeParts { protocol: 33, creator: 33, agent: 34 });
        assert_eq!(parts.total().unwrap(), 100);
    }

    #[test]
    fn gross_split_gives_fee_to_pool() {
        let (net, fee) = split_gross(10_100, 100).unwrap();
        assert_eq!((net, fee), (10_000, 100));
        let (net, fee) = split_gross(101, 100).unwrap(); // 101 / 1.01 = 100
        assert_eq!((net, fee), (100, 1));
        let (net, fee) = split_gross(u64::MAX, 5_000).unwrap();
        assert!(net + fee_on(net, 5_000).unwrap() <= u64::MAX);
        assert_eq!(net + fee, u64::MAX);
    }
}
