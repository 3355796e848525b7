//! Pro-rata reward math for stake pools.
//!
//! Each reward mint is a [`RewardStream`]: notified amounts drip linearly over a window;
//! while they drip, every second's share is added to `acc_x64`, the reward per staked unit
//! in Q64.64. A position keeps a checkpoint of `acc_x64` and its owed rewards in Q64.64, and
//! settles before any change of stake, so what it earns is exactly
//! `staked × (acc_now − checkpoint)` over the time it was staked.
//!
//! Nothing is lost, nothing is created. In Q64.64 units, at every moment:
//! `notified = claimed + owed (settled or not) + still to drip + dust`, where dust is the
//! remainder of divisions, kept and fed into the next drip. While nothing is staked the
//! drip pauses (the window slides), so rewards wait for the first staker.

use crate::error::{MathError, MathResult};
use crate::safe::SafeMath;

/// One reward unit in Q64.64.
pub const ONE_X64: u128 = 1 << 64;

/// A reward mint's drip and accumulator.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RewardStream {
    /// Reward per staked unit since the stream began, Q64.64. Wraps on overflow; only
    /// differences are used.
    pub acc_x64: u128,
    /// Reward units per second, Q64.64.
    pub rate_x64: u128,
    /// When the current drip ends.
    pub period_finish: i64,
    /// Up to when `acc_x64` is current.
    pub last_update: i64,
    /// Division remainders (Q64.64) not yet given to anyone; they re-enter the next drip.
    pub dust_x64: u128,
    pub total_notified: u64,
    pub total_claimed: u64,
}

impl RewardStream {
    pub fn new(now: i64) -> Self {
        RewardStream { last_update: now, period_finish: now, ..Default::default() }
    }

    /// Brings the accumulator up to `now`. With nothing staked the remaining drip slides
    /// forward instead of being spent.
    pub fn update(&mut self, now: i64, total_staked: u64) -> MathResult<()> {
        if now <= self.last_update {
            return Ok(());
        }
        if self.period_finish > self.last_update {
            if total_staked == 0 {
                self.period_finish = now.checked_add(self.period_finish - self.last_update).ok_or(MathError::Overflow)?;
            } else {
                let end = now.min(self.period_finish);
                let dripped = self.rate_x64.safe_mul((end - self.last_update) as u128)?;
                let per_unit = dripped / total_staked as u128;
                self.acc_x64 = self.acc_x64.wrapping_add(per_unit);
                self.dust_x64 = self.dust_x64.safe_add(dripped - per_unit * total_staked as u128)?;
            }
        }
        self.last_update = now;
        Ok(())
    }

    /// Q64.64 reward still to drip in the current window.
    pub fn undripped_x64(&self) -> u128 {
        if self.period_finish > self.last_update {
            self.rate_x64 * (self.period_finish - self.last_update) as u128
        } else {
            0
        }
    }

    /// Adds `amount` to the drip: what is left of the current window, the dust and the new
    /// amount are spread over a fresh `window` from `now`.
    pub fn notify(&mut self, amount: u64, now: i64, window: u32, total_staked: u64) -> MathResult<()> {
        if window == 0 {
            return Err(MathError::DivisionByZero);
        }
        self.update(now, total_staked)?;
        let pot = (amount as u128)
            .safe_mul(ONE_X64)?
            .safe_add(self.undripped_x64())?
            .safe_add(self.dust_x64)?;
        self.rate_x64 = pot / window as u128;
        self.dust_x64 = pot - self.rate_x64 * window as u128;
        self.period_finish = now.checked_add(window as i64).ok_or(MathError::Overflow)?;
        self.last_update = now;
        self.total_notified = self.total_notified.safe_add(amount)?;
        Ok(())
    }
}

/// A position's share of one stream.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Accrual {
    pub checkpoint_x64: u128,
    /// Earned and not yet claimed, Q64.64 (the fraction of a unit stays here).
    pub owed_x64: u128,
}

impl Accrual {
    /// A position joining (or re-joining) the stream starts from the current accumulator.
    pub fn start(stream: &RewardStream) -> Self {
        Accrual { checkpoint_x64: stream.acc_x64, owed_x64: 0 }
    }

    /// Q64.64 earned by `staked` since the checkpoint, not yet added to `owed_x64`.
    pub fn pending_x64(&self, stream: &RewardStream, staked: u64) -> MathResult<u128> {
        (staked as u128).safe_mul(stream.acc_x64.wrapping_sub(self.checkpoint_x64))
    }

    /// Moves what `staked` earned up to the stream's accumulator into `owed_x64`. Call
    /// after `stream.update` and before `staked` changes.
    pub fn settle(&mut self, stream: &RewardStream, staked: u64) -> MathResult<()> {
        self.owed_x64 = self.owed_x64.safe_add(self.pending_x64(stream, staked)?)?;
        self.checkpoint_x64 = stream.acc_x64;
        Ok(())
    }

    /// Whole units claimable now (after `settle`).
    pub fn claimable(&self) -> u64 {
        (self.owed_x64 >> 64) as u64
    }

    /// Takes the whole units owed; the fraction stays for later.
    pub fn claim(&mut self, stream: &mut RewardStream) -> MathResult<u64> {
        let units = u64::try_from(self.owed_x64 >> 64).map_err(|_| MathError::Overflow)?;
        self.owed_x64 -= (units as u128) << 64;
        stream.total_claimed = stream.total_claimed.safe_add(units)?;
        Ok(units)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_staker_gets_the_whole_drip_minus_dust() {
        let mut s = RewardStream::new(0);
        let mut a = Accrual::start(&s);
        s.notify(1_000_000, 0, 100, 10).unwrap();
        s.update(100, 10).unwrap();
        a.settle(&s, 10).unwrap();
        let got = a.claim(&mut s).unwrap();
        assert!(got <= 1_000_000 && got >= 999_999, "{got}");
    }

    #[test]
    fn rewards_wait_while_nobody_is_staked() {
        let mut s = RewardStream::new(0);
        s.notify(1_000, 0, 100, 0).unwrap();
        s.update(500, 0).unwrap(); // nobody staked for 500 s
        assert_eq!(s.period_finish, 600);
        let mut a = Accrual::start(&s);
        s.update(600, 1).unwrap();
        a.settle(&s, 1).unwrap();
        assert_eq!(a.claim(&mut s).unwrap() + (s.dust_x64 >> 64) as u64, 1_000);
    }

    #[test]
    fn a_second_notify_rolls_the_remainder_in() {
        let mut s = RewardStream::new(0);
        s.notify(1_000, 0, 100, 1).unwrap();
        s.notify(1_000, 50, 100, 1).unwrap(); // 500 left + 1,000 over 100 s
        assert_eq!(s.rate_x64 >> 64, 15);
        assert_eq!(s.period_finish, 150);
    }
}
