//! Property tests for the pool math. Each property runs `CASES` random cases.

use agentpad_math::fee::{FeeSchedule, FeeSplit, fee_on, split_gross, MAX_BASE_FEE_BPS, MAX_FEE_BPS};
use agentpad_math::pool::{CurveParams, Market, Phase, Reserves};
use agentpad_math::{MathError, BPS_DENOMINATOR};
use proptest::prelude::*;

const CASES: u32 = 10_000;

fn config() -> ProptestConfig {
    ProptestConfig { cases: CASES, ..ProptestConfig::default() }
}

/// Valid curve parameters across many magnitudes (2 to 18 decimals' worth of range).
fn arb_params() -> impl Strategy<Value = CurveParams> {
    (1u64..=1_000_000_000_000_000, 1u64..=1_000_000_000_000_000, 1u64..=50u64, 51u64..=99u64)
        .prop_filter_map("invalid params", |(vq, supply, threshold_mult, curve_pct)| {
            // vb = supply, curve share = curve_pct%, threshold = vq * mult / 10
            let curve_supply = supply / 100 * curve_pct;
            let threshold = vq.checked_mul(threshold_mult)? / 10;
            let g = CurveParams::graduated_supply_for_continuous_price(vq, supply, curve_supply, threshold).ok()?;
            let p = CurveParams {
                virtual_quote_reserve: vq,
                virtual_base_reserve: supply,
                curve_supply,
                graduated_supply: g,
                graduation_threshold: threshold,
            };
            p.validate().ok().map(|_| p)
        })
}

/// Amounts spread evenly over magnitudes, from dust to 2^62.
fn arb_amount() -> impl Strategy<Value = u64> {
    (0u32..=62).prop_flat_map(|bits| 1u64..=(1u64 << bits).max(1))
}

fn arb_fee_bps() -> impl Strategy<Value = u16> {
    0u16..=MAX_FEE_BPS
}

fn arb_split() -> impl Strategy<Value = FeeSplit> {
    (0u16..=10_000).prop_flat_map(|p| (Just(p), 0u16..=(10_000 - p))).prop_map(|(p, c)| FeeSplit {
        protocol_bps: p,
        creator_bps: c,
        agent_bps: 10_000 - p - c,
    })
}

/// A market somewhere along its life: on the curve (some quote already in) or graduated.
/// A market after a launch (on the curve or graduated), or a pool opened over seeded
/// reserves (a bridged agent's).
fn arb_market() -> impl Strategy<Value = Market<'static>> {
    prop_oneof![
        3 => arb_market_where(any::<bool>()),
        1 => (arb_params(), arb_split(), 1u64..=u64::MAX / 2, 1u64..=u64::MAX / 2)
            .prop_map(|(params, split, quote, base)| Market::seeded(params, split, quote, base).unwrap()),
    ]
}

fn arb_market_where(graduated: impl Strategy<Value = bool>) -> impl Strategy<Value = Market<'static>> {
    (arb_params(), arb_split(), 0u64..10_000, graduated).prop_map(|(params, split, progress, graduated)| {
        let mut m = Market { params, segments: &[], split, phase: Phase::Curve, reserves: Reserves { quote: 0, base: params.curve_supply } };
        let target = (params.graduation_threshold as u128 * progress as u128 / 10_000) as u64;
        if target > 0 {
            if let Ok(t) = m.buy_exact_in(target.saturating_add(target / 50 + 1), 100) {
                m.apply(&t);
            }
        }
        if graduated {
            if m.phase == Phase::Curve {
                let t = m.buy_exact_in(u64::MAX / 4, 100).expect("completing buy");
                m.apply(&t);
            }
            m.graduate().unwrap();
        }
        m
    })
}

fn k(m: &Market) -> u128 {
    let (x, y) = m.pricing_reserves().unwrap();
    x as u128 * y as u128
}

proptest! {
    #![proptest_config(config())]

    /// k = x * y over the pricing reserves never decreases, whatever the trade.
    #[test]
    fn k_never_decreases(m in arb_market(), amount in arb_amount(), bps in arb_fee_bps(), kind in 0u8..3) {
        let before = k(&m);
        let trade = match kind {
            0 => m.buy_exact_in(amount, bps),
            1 => m.buy_exact_out(amount % m.reserves.base.max(1) + 1, bps),
            _ => m.sell_exact_in(amount % (m.params.curve_supply - m.reserves.base.min(m.params.curve_supply)).max(1) + 1, bps),
        };
        if let Ok(t) = trade {
            let mut after = m;
            after.apply(&t);
            // Completion does not change the pricing reserves, so k compares directly.
            prop_assert!(k(&after) >= before, "k fell from {} to {}", before, k(&after));
        }
    }

    /// A buy followed by selling the same tokens never returns more quote than was paid.
    #[test]
    fn round_trip_never_profits(m in arb_market(), quote_in in arb_amount(), bps in arb_fee_bps()) {
        if let Ok(buy) = m.buy_exact_in(quote_in, bps) {
            let mut after = m;
            after.apply(&buy);
            if after.phase == Phase::Complete {
                // The curve stopped; the round trip continues in the graduated pool.
                after.graduate().unwrap();
            }
            match after.sell_exact_in(buy.base_amount, bps) {
                Ok(sell) => prop_assert!(sell.quote_amount <= buy.quote_amount),
                Err(e) => prop_assert!(matches!(e, MathError::ZeroOutput | MathError::InsufficientLiquidity)),
            }
        }
    }

    /// Fees round for the pool: never below the exact fee, the three parts add up to it,
    /// and an exact-in buy takes the whole input unless the threshold cut it.
    #[test]
    fn fees_round_for_the_pool(m in arb_market(), amount in arb_amount(), bps in arb_fee_bps(), sell in any::<bool>()) {
        let trade = if sell {
            m.sell_exact_in(amount % m.params.curve_supply + 1, bps)
        } else {
            m.buy_exact_in(amount, bps)
        };
        if let Ok(t) = trade {
            // The fee is owed on the quote that moves through the reserve.
            prop_assert!(t.fee as u128 * BPS_DENOMINATOR as u128 >= t.reserve_quote_delta as u128 * bps as u128);
            prop_assert_eq!(t.fee_parts.total().unwrap(), t.fee);
            if sell {
                prop_assert_eq!(t.quote_amount + t.fee, t.reserve_quote_delta);
            } else {
                prop_assert_eq!(t.quote_amount, t.reserve_quote_delta + t.fee);
                let cut = t.phase_after == Phase::Complete;
                prop_assert!(t.quote_amount == amount || (cut && t.quote_amount <= amount));
            }
        }
    }

    /// More in never gives less out; more out never costs less.
    #[test]
    fn quotes_are_monotone(m in arb_market(), a in arb_amount(), b in arb_amount(), bps in arb_fee_bps()) {
        let (lo, hi) = (a.min(b), a.max(b));
        if let (Ok(x), Ok(y)) = (m.buy_exact_in(lo, bps), m.buy_exact_in(hi, bps)) {
            prop_assert!(x.base_amount <= y.base_amount);
        }
        let circulating = m.params.curve_supply.saturating_sub(m.reserves.base).max(1);
        let (slo, shi) = (lo % circulating + 1, hi % circulating + 1);
        let (slo, shi) = (slo.min(shi), slo.max(shi));
        if let (Ok(x), Ok(y)) = (m.sell_exact_in(slo, bps), m.sell_exact_in(shi, bps)) {
            prop_assert!(x.quote_amount <= y.quote_amount);
        }
        let (olo, ohi) = (lo % m.reserves.base.max(1) + 1, hi % m.reserves.base.max(1) + 1);
        let (olo, ohi) = (olo.min(ohi), olo.max(ohi));
        if let (Ok(x), Ok(y)) = (m.buy_exact_out(olo, bps), m.buy_exact_out(ohi, bps)) {
            prop_assert!(x.quote_amount <= y.quote_amount);
        }
    }

    /// The buy that reaches the threshold never takes the real quote reserve past it,
    /// and an exact-out buy pays at least what the curve says its tokens cost.
    #[test]
    fn threshold_is_never_exceeded(m in arb_market_where(Just(false)), amount in arb_amount(), bps in arb_fee_bps(), exact_out in any::<bool>()) {
        prop_assume!(m.phase == Phase::Curve);
        let trade = if exact_out { m.buy_exact_out(amount, bps) } else { m.buy_exact_in(amount, bps) };
        if let Ok(t) = trade {
            prop_assert!(t.reserves_after.quote <= m.params.graduation_threshold);
            prop_assert_eq!(t.phase_after == Phase::Complete, t.reserves_after.quote == m.params.graduation_threshold);
            prop_assert!(t.base_amount <= m.reserves.base);
        }
    }

    /// The anti-sniper fee never rises with time and stays within its end points.
    #[test]
    fn fee_schedule_decays_monotonically(base in 0u16..=MAX_BASE_FEE_BPS, extra in 0u16..=4_000, window in 1u32..=86_400, t1 in -10i64..100_000, t2 in -10i64..100_000) {
        let s = FeeSchedule { base_fee_bps: base, start_fee_bps: base + extra, decay_seconds: window };
        prop_assert!(s.is_valid());
        let (early, late) = (t1.min(t2), t1.max(t2));
        prop_assert!(s.fee_bps_at(early) >= s.fee_bps_at(late));
        prop_assert!(s.fee_bps_at(early) <= s.start_fee_bps && s.fee_bps_at(late) >= s.base_fee_bps);
    }

    /// `split_gross` finds the largest net whose fee still fits, and never loses a unit.
    #[test]
    fn gross_split_is_tight(gross in 0u64..=u64::MAX, bps in arb_fee_bps()) {
        let (net, fee) = split_gross(gross, bps).unwrap();
        prop_assert_eq!(net + fee, gross);
        prop_assert!(fee >= fee_on(net, bps).unwrap());
        if net < u64::MAX {
            let next = net + 1;
            prop_assert!(next as u128 + fee_on(next, bps).unwrap() as u128 > gross as u128);
        }
    }
}
