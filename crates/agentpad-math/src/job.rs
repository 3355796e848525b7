//! An agent-commerce job: its phases and the money each step moves (Virtuals' Agent
//! Commerce Protocol flow: request → negotiation → transaction → evaluation → done).
//!
//! `Requested` → (`accept`, the provider's operator) → `Accepted` → (`fund`, the client:
//! the budget into escrow) → `Funded` → (`submit`, the provider's operator) → `Submitted`
//! → (`evaluate`, the evaluator) → `Completed` (approved: the evaluator's fee, the rest to
//! the provider's fee vault) or `Rejected` (the client refunded in full). Before that, at or
//! after `expires_at`, anyone may `expire` the job: `Expired`, the client refunded in full.
//!
//! Every step is allowed strictly before `expires_at`, and `expire` only at or after it, so
//! at any moment exactly one of "the parties act" and "the crank refunds" is possible.
//! The three final phases allow nothing. The escrow always holds exactly what is owed:
//! the budget while `Funded` or `Submitted`, nothing otherwise.

use crate::BPS_DENOMINATOR;
use crate::safe::to_u64;

/// The evaluator's fee is at most half the budget.
pub const MAX_EVALUATOR_FEE_BPS: u16 = 5_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum JobPhase {
    Requested = 0,
    Accepted = 1,
    Funded = 2,
    Submitted = 3,
    Completed = 4,
    Rejected = 5,
    Expired = 6,
}

impl JobPhase {
    pub fn from_u8(byte: u8) -> Result<Self, JobError> {
        Ok(match byte {
            0 => Self::Requested,
            1 => Self::Accepted,
            2 => Self::Funded,
            3 => Self::Submitted,
            4 => Self::Completed,
            5 => Self::Rejected,
            6 => Self::Expired,
            _ => return Err(JobError::InvalidPhase),
        })
    }

    /// Completed, rejected or expired: nothing happens to the job any more.
    pub fn is_final(self) -> bool {
        matches!(self, Self::Completed | Self::Rejected | Self::Expired)
    }

    /// The budget is in escrow.
    pub fn is_funded(self) -> bool {
        matches!(self, Self::Funded | Self::Submitted)
    }
}

/// Why a job refused a step. The program maps each to a named error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JobError {
    ZeroBudget,
    EvaluatorFeeTooHigh,
    /// The expiry is not after the creation time.
    ExpiryNotInFuture,
    /// The job is completed, rejected or expired.
    JobClosed,
    AlreadyAccepted,
    NotAccepted,
    AlreadyFunded,
    /// The step needs the budget in escrow.
    Unfunded,
    AlreadySubmitted,
    NotSubmitted,
    AlreadyEvaluated,
    /// The step came at or after the expiry.
    Expired,
    /// `expire` before the expiry.
    NotExpired,
    InvalidPhase,
    Overflow,
}

/// What a step moves out of escrow, each to one party.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Payout {
    pub evaluator: u64,
    pub provider: u64,
    pub client: u64,
}

impl Payout {
    pub fn total(&self) -> u128 {
        self.evaluator as u128 + self.provider as u128 + self.client as u128
    }
}

/// The parts of a job its state machine reads and writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct JobTerms {
    pub phase: JobPhase,
    pub budget: u64,
    /// What the escrow owes: the budget while funded, zero otherwise.
    pub escrowed: u64,
    pub evaluator_fee_bps: u16,
    pub expires_at: i64,
}

impl JobTerms {
    /// A requested job, its terms checked.
    pub fn new(budget: u64, evaluator_fee_bps: u16, now: i64, expires_at: i64) -> Result<Self, JobError> {
        if budget == 0 {
            return Err(JobError::ZeroBudget);
        }
        if evaluator_fee_bps > MAX_EVALUATOR_FEE_BPS {
            return Err(JobError::EvaluatorFeeTooHigh);
        }
        if expires_at <= now {
            return Err(JobError::ExpiryNotInFuture);
        }
        Ok(Self { phase: JobPhase::Requested, budget, escrowed: 0, evaluator_fee_bps, expires_at })
    }

    /// The evaluator's fee on approval: rounded down, the provider's vault takes the rest.
    pub fn evaluator_fee(&self) -> Result<u64, JobError> {
        to_u64(self.budget as u128 * self.evaluator_fee_bps as u128 / BPS_DENOMINATOR as u128).map_err(|_| JobError::Overflow)
    }

    /// A party's step at `now`: open, and before the expiry.
    fn live(&self, now: i64) -> Result<(), JobError> {
        if self.phase.is_final() {
            return Err(JobError::JobClosed);
        }
        if now >= self.expires_at {
            return Err(JobError::Expired);
        }
        Ok(())
    }

    /// The provider's operator takes the job.
    pub fn accept(&mut self, now: i64) -> Result<(), JobError> {
        self.live(now)?;
        match self.phase {
            JobPhase::Requested => self.phase = JobPhase::Accepted,
            _ => return Err(JobError::AlreadyAccepted),
        }
        Ok(())
    }

    /// The client puts the budget in escrow; returns the amount to move in.
    pub fn fund(&mut self, now: i64) -> Result<u64, JobError> {
        self.live(now)?;
        match self.phase {
            JobPhase::Requested => return Err(JobError::NotAccepted),
            JobPhase::Accepted => {}
            _ => return Err(JobError::AlreadyFunded),
        }
        self.phase = JobPhase::Funded;
        self.escrowed = self.budget;
        Ok(self.budget)
    }

    /// The provider delivers.
    pub fn submit(&mut self, now: i64) -> Result<(), JobError> {
        self.live(now)?;
        match self.phase {
            JobPhase::Requested | JobPhase::Accepted => return Err(JobError::Unfunded),
            JobPhase::Funded => self.phase = JobPhase::Submitted,
            _ => return Err(JobError::AlreadySubmitted),
        }
        Ok(())
    }

    /// The evaluator approves (fee to the evaluator, the rest to the provider) or rejects
    /// (everything back to the client). Evaluating twice is `AlreadyEvaluated`.
    pub fn evaluate(&mut self, approve: bool, now: i64) -> Result<Payout, JobError> {
        match self.phase {
            JobPhase::Completed | JobPhase::Rejected => return Err(JobError::AlreadyEvaluated),
            _ => self.live(now)?,
        }
        match self.phase {
            JobPhase::Requested | JobPhase::Accepted => return Err(JobError::Unfunded),
            JobPhase::Funded => return Err(JobError::NotSubmitted),
            _ => {}
        }
        let payout = if approve {
            let evaluator = self.evaluator_fee()?;
            Payout { evaluator, provider: self.escrowed - evaluator, client: 0 }
        } else {
            Payout { client: self.escrowed, ..Payout::default() }
        };
        self.phase = if approve { JobPhase::Completed } else { JobPhase::Rejected };
        self.escrowed = 0;
        Ok(payout)
    }

    /// The permissionless crank: at or after the expiry, an open job ends and the client
    /// gets back whatever is in escrow (nothing if it was never funded).
    pub fn expire(&mut self, now: i64) -> Result<Payout, JobError> {
        if self.phase.is_final() {
            return Err(JobError::JobClosed);
        }
        if now < self.expires_at {
            return Err(JobError::NotExpired);
        }
        let payout = Payout { client: self.escrowed, ..Payout::default() };
        self.phase = JobPhase::Expired;
        self.escrowed = 0;
        Ok(payout)
    }

    /// What the escrow must hold in this phase; equal to `escrowed` after every step.
    pub fn owed(&self) -> u64 {
        if self.phase.is_funded() { self.budget } else { 0 }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn job() -> JobTerms {
        JobTerms::new(1_000_001, 250, 100, 200).unwrap()
    }

    #[test]
    fn terms_are_checked() {
        assert_eq!(JobTerms::new(0, 0, 0, 1), Err(JobError::ZeroBudget));
        assert_eq!(JobTerms::new(1, MAX_EVALUATOR_FEE_BPS + 1, 0, 1), Err(JobError::EvaluatorFeeTooHigh));
        assert_eq!(JobTerms::new(1, 0, 5, 5), Err(JobError::ExpiryNotInFuture));
        assert!(JobTerms::new(1, MAX_EVALUATOR_FEE_BPS, 5, 6).is_ok());
    }

    #[test]
    fn approval_pays_the_evaluator_rounded_down_and_the_provider_the_rest() {
        let mut j = job();
        j.accept(150).unwrap();
        assert_eq!(j.fund(150), Ok(1_000_001));
        j.submit(199).unwrap();
        let p = j.evaluate(true, 199).unwrap();
        // 2.5% of 1,000,001 = 25,000.025: the evaluator gets 25,000.
        assert_eq!(p, Payout { evaluator: 25_000, provider: 975_001, client: 0 });
        assert_eq!((j.phase, j.escrowed), (JobPhase::Completed, 0));
        assert_eq!(j.evaluate(false, 199), Err(JobError::AlreadyEvaluated));
        assert_eq!(j.expire(500), Err(JobError::JobClosed));
    }

    #[test]
    fn steps_out_of_order_are_named() {
        let mut j = job();
        assert_eq!(j.fund(150), Err(JobError::NotAccepted));
        assert_eq!(j.submit(150), Err(JobError::Unfunded));
        assert_eq!(j.evaluate(true, 150), Err(JobError::Unfunded));
        j.accept(150).unwrap();
        assert_eq!(j.accept(150), Err(JobError::AlreadyAccepted));
        assert_eq!(j.submit(150), Err(JobError::Unfunded));
        j.fund(150).unwrap();
        assert_eq!(j.fund(150), Err(JobError::AlreadyFunded));
        assert_eq!(j.evaluate(true, 150), Err(JobError::NotSubmitted));
        j.submit(150).unwrap();
        assert_eq!(j.submit(150), Err(JobError::AlreadySubmitted));
    }

    #[test]
    fn the_expiry_splits_time_between_the_parties_and_the_crank() {
        let mut j = job();
        j.accept(150).unwrap();
        j.fund(150).unwrap();
        j.submit(150).unwrap();
        assert_eq!(j.expire(199), Err(JobError::NotExpired));
        assert_eq!(j.evaluate(true, 200), Err(JobError::Expired));
        assert_eq!(j.expire(200), Ok(Payout { client: 1_000_001, ..Payout::default() }));
        assert_eq!(j.expire(201), Err(JobError::JobClosed));
        // Never funded: it expires with nothing to refund.
        let mut k = job();
        assert_eq!(k.expire(200), Ok(Payout::default()));
    }

    #[derive(Debug, Clone, Copy)]
    enum Step {
        Accept,
        Fund,
        Submit,
        Evaluate(bool),
        Expire,
    }

    fn step() -> impl Strategy<Value = Step> {
        prop_oneof![Just(Step::Accept), Just(Step::Fund), Just(Step::Submit), any::<bool>().prop_map(Step::Evaluate), Just(Step::Expire)]
    }

    proptest! {
        /// Any sequence of steps at non-decreasing times: the escrow equals what is owed
        /// after every step, a refused step changes nothing, nothing leaves a final phase,
        /// and everything paid out adds up to exactly what was funded (never more).
        #[test]
        fn escrow_is_always_what_is_owed_and_payouts_never_exceed_funding(
            budget in 1..=u64::MAX,
            fee_bps in 0..=MAX_EVALUATOR_FEE_BPS,
            life in 1i64..1_000,
            steps in proptest::collection::vec((step(), 0i64..300), 0..12),
        ) {
            let mut j = JobTerms::new(budget, fee_bps, 0, life).unwrap();
            let (mut now, mut funded, mut paid) = (0i64, 0u128, 0u128);
            for (s, dt) in steps {
                now += dt;
                let before = j;
                let result = match s {
                    Step::Accept => j.accept(now).map(|_| Payout::default()),
                    Step::Fund => j.fund(now).map(|amount| { funded += amount as u128; Payout::default() }),
                    Step::Submit => j.submit(now).map(|_| Payout::default()),
                    Step::Evaluate(approve) => j.evaluate(approve, now),
                    Step::Expire => j.expire(now),
                };
                match result {
                    Ok(p) => {
                        prop_assert!(!before.phase.is_final(), "a step out of a final phase");
                        prop_assert!(p.evaluator as u128 * BPS_DENOMINATOR as u128 <= budget as u128 * fee_bps as u128);
                        paid += p.total();
                    }
                    Err(_) => prop_assert_eq!(j, before),
                }
                prop_assert_eq!(j.escrowed, j.owed());
                prop_assert_eq!(funded, paid + j.escrowed as u128);
                prop_assert!(funded <= budget as u128);
            }
            if j.phase.is_final() {
                prop_assert_eq!(paid, funded);
            }
        }
    }
}
