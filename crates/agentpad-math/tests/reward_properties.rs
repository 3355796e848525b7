//! Random interleavings of stake / unstake / claim / notify / time jumps on the reward
//! math. After every step, in Q64.64 units:
//! `notified = claimed + owed + pending + still to drip + dust` — no unit created, none
//! lost beyond tracked dust — and claims never exceed what was notified.

use agentpad_math::reward::{Accrual, RewardStream};
use proptest::prelude::*;

const USERS: usize = 4;

#[derive(Debug, Clone)]
enum Op {
    Stake(usize, u64),
    Unstake(usize, u64),
    Claim(usize),
    Notify(u64, u32),
    Wait(i64),
}

fn arb_op() -> impl Strategy<Value = Op> {
    let amount = (0u32..=50).prop_flat_map(|bits| 1u64..=(1u64 << bits.min(50)));
    prop_oneof![
        3 => (0..USERS, amount.clone()).prop_map(|(u, a)| Op::Stake(u, a)),
        2 => (0..USERS, amount.clone()).prop_map(|(u, a)| Op::Unstake(u, a)),
        2 => (0..USERS).prop_map(Op::Claim),
        2 => (amount, 1u32..=1_000_000).prop_map(|(a, w)| Op::Notify(a, w)),
        3 => (0i64..=2_000_000).prop_map(Op::Wait),
    ]
}

struct Model {
    now: i64,
    stream: RewardStream,
    staked: [u64; USERS],
    accruals: [Accrual; USERS],
    claimed: [u64; USERS],
}

impl Model {
    fn total(&self) -> u64 {
        self.staked.iter().sum()
    }

    /// Settles user `u` at `now` (what the program does before any change to a position).
    fn touch(&mut self, u: usize) {
        let total = self.total();
        self.stream.update(self.now, total).unwrap();
        self.accruals[u].settle(&self.stream, self.staked[u]).unwrap();
    }

    fn apply(&mut self, op: &Op) {
        match *op {
            Op::Stake(u, a) => {
                self.touch(u);
                self.staked[u] += a;
            }
            Op::Unstake(u, a) => {
                self.touch(u);
                self.staked[u] -= a.min(self.staked[u]);
            }
            Op::Claim(u) => {
                self.touch(u);
                self.claimed[u] += self.accruals[u].claim(&mut self.stream).unwrap();
            }
            Op::Notify(a, window) => {
                let total = self.total();
                self.stream.notify(a, self.now, window, total).unwrap();
            }
            Op::Wait(dt) => self.now += dt,
        }
    }

    /// notified − claimed − owed − pending − undripped − dust, in Q64.64 (must be 0).
    fn imbalance(&self) -> i128 {
        let mut out = (self.stream.total_notified as i128) << 64;
        out -= (self.stream.total_claimed as i128) << 64;
        for u in 0..USERS {
            out -= self.accruals[u].owed_x64 as i128;
            out -= self.accruals[u].pending_x64(&self.stream, self.staked[u]).unwrap() as i128;
        }
        out - self.stream.undripped_x64() as i128 - self.stream.dust_x64 as i128
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 10_000, ..ProptestConfig::default() })]

    #[test]
    fn no_unit_created_none_lost_beyond_tracked_dust(ops in prop::collection::vec(arb_op(), 1..60)) {
        let mut m = Model {
            now: 1_000,
            stream: RewardStream::new(1_000),
            staked: [0; USERS],
            accruals: [Accrual::default(); USERS],
            claimed: [0; USERS],
        };
        for op in &ops {
            m.apply(op);
            // Bring the stream to `now` so the identity compares like with like.
            let total = m.total();
            m.stream.update(m.now, total).unwrap();
            prop_assert_eq!(m.imbalance(), 0, "after {:?}", op);
            prop_assert!(m.claimed.iter().sum::<u64>() <= m.stream.total_notified);
            prop_assert_eq!(m.claimed.iter().sum::<u64>(), m.stream.total_claimed);
        }
    }

    /// Two stakers over a whole window: rewards split exactly by stake, to the unit.
    #[test]
    fn rewards_are_pro_rata(a in 1u64..=1u64 << 40, k in 1u64..=1_000, amount in 1u64..=1u64 << 50, window in 1u32..=1_000_000) {
        let mut s = RewardStream::new(0);
        let (mut pa, mut pb) = (Accrual::start(&s), Accrual::start(&s));
        let b = a * k;
        s.notify(amount, 0, window, a + b).unwrap();
        s.update(window as i64, a + b).unwrap();
        pa.settle(&s, a).unwrap();
        pb.settle(&s, b).unwrap();
        let (ga, gb) = (pa.claim(&mut s).unwrap() as u128, pb.claim(&mut s).unwrap() as u128);
        // b earns k times a, up to the unit each rounds away.
        prop_assert!(gb + k as u128 >= ga * k as u128 && gb <= ga * k as u128 + k as u128, "a {} b {} k {}", ga, gb, k);
        prop_assert!(ga + gb <= amount as u128);
    }
}
