//! Property tests for segmented curves. Each property runs `CASES` random cases over
//! random presets of 1 to 16 segments, at random points of their life.

use agentpad_math::constant_product::{base_out_for_quote_in, quote_in_for_base_out, quote_out_for_base_in};
use agentpad_math::fee::{FeeSplit, MAX_FEE_BPS, fee_on, split_gross};
use agentpad_math::pool::{CurveParams, Market, Phase, Reserves, Trade};
use agentpad_math::segment::{MAX_SEGMENTS, Segment, SegmentSpec, joined_curve};
use agentpad_math::MathError;
use proptest::prelude::*;

const CASES: u32 = 10_000;

fn config() -> ProptestConfig {
    ProptestConfig { cases: CASES, ..ProptestConfig::default() }
}

/// A valid segmented preset: the first segment's reserves and supply, then segments that
/// each start at the previous end price with `3/4` to `2` times its liquidity, and the
/// threshold 50–100% of the way through the last segment's sell-out quote.
#[derive(Debug, Clone)]
struct Preset {
    params: CurveParams,
    segments: Vec<Segment>,
}

fn arb_preset() -> impl Strategy<Value = Preset> {
    arb_preset_of(1..=MAX_SEGMENTS)
}

fn arb_preset_of(segments: std::ops::RangeInclusive<usize>) -> impl Strategy<Value = Preset> {
    let first = (1u64..=1_000_000_000_000_000, 1_000u64..=1_000_000_000_000_000_000);
    // Each segment sells 1% to 80%/n of its virtual base, so the price range stays within
    // what a valid preset allows whatever the segment count.
    let steps = segments.prop_flat_map(|n| prop::collection::vec((1u64..=(80 / n as u64).clamp(5, 60), 3u64..=8), n));
    (first, steps, 5_000u64..=10_000).prop_filter_map("invalid preset", |((vq, vb), steps, threshold_bps)| {
        // Supplies as a share of each segment's virtual base, chained as the curve is built.
        let mut supplies = Vec::new();
        let mut virtual_base = vb;
        for &(supply_pct, quarters) in &steps {
            let supply = virtual_base / 100 * supply_pct;
            supplies.push(supply);
            virtual_base = ((virtual_base - supply) as u128 * quarters as u128 / 4) as u64;
        }
        let liquidity: Vec<_> = steps.iter().map(|&(_, q)| (q, 4)).collect();
        let (params, specs) = joined_curve(vq, vb, &supplies, &liquidity, threshold_bps).ok()?;
        let segments = params.build_segments(&specs).ok()?;
        params.validate_segments(&segments).ok()?;
        Some(Preset { params, segments })
    })
}

const SPLIT: FeeSplit = FeeSplit { protocol_bps: 2_000, creator_bps: 3_000, agent_bps: 5_000 };

fn fresh(p: &Preset) -> Market<'_> {
    Market { params: p.params, segments: &p.segments, split: SPLIT, phase: Phase::Curve, reserves: Reserves { quote: 0, base: p.params.curve_supply } }
}

/// The preset's market after buying `progress` ten-thousandths of the threshold, then
/// selling back `sell_back` ten-thousandths of what was bought (so states below
/// boundaries, with rounding surplus carried down, are reached too).
fn at(p: &Preset, progress: u64, sell_back: u64) -> Market<'_> {
    let mut m = fresh(p);
    let target = (p.params.graduation_threshold as u128 * progress as u128 / 10_000) as u64;
    if let Ok(t) = m.buy_exact_in(target, 0) {
        m.apply(&t);
        let back = (t.base_amount as u128 * sell_back as u128 / 10_000) as u64;
        if m.phase == Phase::Curve {
            if let Ok(s) = m.sell_exact_in(back, 0) {
                m.apply(&s);
            }
        }
    }
    m
}

fn arb_state() -> impl Strategy<Value = (Preset, u64, u64)> {
    (arb_preset(), 0u64..10_000, prop_oneof![Just(0u64), 0u64..10_000])
}

/// Amounts spread evenly over magnitudes, from dust to 2^62.
fn arb_amount() -> impl Strategy<Value = u64> {
    (0u32..=62).prop_flat_map(|bits| 1u64..=(1u64 << bits).max(1))
}

fn sold(m: &Market) -> u64 {
    m.params.curve_supply - m.reserves.base
}

/// Base left before the next boundary up (None in the last segment).
fn rest_to_next_boundary(m: &Market) -> Option<u64> {
    m.segments.iter().find(|s| s.base_start > sold(m)).map(|s| s.base_start - sold(m))
}

/// Base sold since the boundary below (None in the first segment).
fn rest_to_boundary_below(m: &Market) -> Option<u64> {
    m.segments.iter().rev().find(|s| s.base_start < sold(m)).map(|s| sold(m) - s.base_start)
}

fn then<'a>(m: &Market<'a>, t: &Trade) -> Market<'a> {
    let mut next = *m;
    next.apply(t);
    next
}

/// Today's one-segment curve, as written before segments existed: the reference the
/// segmented code must equal on a one-segment preset.
mod plain {
    use super::*;

    pub fn pricing(m: &Market) -> (u64, u64) {
        match m.phase {
            Phase::Graduated => (m.reserves.quote, m.reserves.base),
            _ => (
                m.params.virtual_quote_reserve + m.reserves.quote,
                m.params.virtual_base_reserve - m.params.curve_supply + m.reserves.base,
            ),
        }
    }

    fn capacity(m: &Market) -> u64 {
        match m.phase {
            Phase::Curve => m.params.graduation_threshold.saturating_sub(m.reserves.quote),
            Phase::Complete => 0,
            Phase::Graduated => u64::MAX,
        }
    }

    /// (base out, net quote in) of a buy exact in.
    pub fn buy_exact_in(m: &Market, quote_in: u64, bps: u16) -> Result<(u64, u64), MathError> {
        let (mut net, _) = split_gross(quote_in, bps)?;
        net = net.min(capacity(m));
        let (x, y) = pricing(m);
        Ok((base_out_for_quote_in(x, y, net)?, net))
    }

    /// (base out, net quote in) of a buy exact out.
    pub fn buy_exact_out(m: &Market, base_out: u64) -> Result<(u64, u64), MathError> {
        let (x, y) = pricing(m);
        match quote_in_for_base_out(x, y, base_out) {
            Ok(net) if net <= capacity(m) => Ok((base_out, net)),
            Ok(_) | Err(MathError::InsufficientLiquidity) if m.phase == Phase::Curve => Ok((base_out_for_quote_in(x, y, capacity(m))?, capacity(m))),
            Ok(net) => Ok((base_out, net)),
            Err(e) => Err(e),
        }
    }

    pub fn sell_gross(m: &Market, base_in: u64) -> Result<u64, MathError> {
        let (x, y) = pricing(m);
        quote_out_for_base_in(x, y, base_in)
    }
}

proptest! {
    #![proptest_config(config())]

    /// Filling the segment to its boundary and then trading on gives exactly what one
    /// trade across the boundary gives: buy exact in, buy exact out and sell alike.
    #[test]
    fn crossing_a_boundary_in_one_trade_equals_two((p, progress, back) in arb_state(), extra in arb_amount()) {
        let m = at(&p, progress, back);
        prop_assume!(m.phase == Phase::Curve);
        if let Some(rest) = rest_to_next_boundary(&m) {
            let to_boundary = m.buy_exact_out(rest, 0).unwrap();
            if to_boundary.base_amount == rest {
                let mid = then(&m, &to_boundary);
                // Exact in.
                if let (Ok(one), Ok(second)) = (m.buy_exact_in(to_boundary.quote_amount.saturating_add(extra), 0), mid.buy_exact_in(extra, 0)) {
                    prop_assert_eq!(one.base_amount, rest + second.base_amount);
                    prop_assert_eq!(one.reserves_after, second.reserves_after);
                }
                // Exact out.
                if let (Ok(one), Ok(second)) = (m.buy_exact_out(rest.saturating_add(extra), 0), mid.buy_exact_out(extra, 0)) {
                    prop_assert_eq!(one.quote_amount, to_boundary.quote_amount + second.quote_amount);
                    prop_assert_eq!(one.reserves_after, second.reserves_after);
                }
            }
        }
        if let Some(rest) = rest_to_boundary_below(&m) {
            let down = m.sell_exact_in(rest, 0).unwrap();
            let mid = then(&m, &down);
            let more = extra % sold(&mid).max(1) + 1;
            if let (Ok(one), Ok(second)) = (m.sell_exact_in(rest + more, 0), mid.sell_exact_in(more, 0)) {
                prop_assert_eq!(one.quote_amount, down.quote_amount + second.quote_amount);
                prop_assert_eq!(one.reserves_after, second.reserves_after);
            }
        }
    }

    /// More in never gives less out; more out never costs less; selling more pays more.
    #[test]
    fn quotes_are_monotone((p, progress, back) in arb_state(), a in arb_amount(), b in arb_amount(), bps in 0u16..=MAX_FEE_BPS) {
        let m = at(&p, progress, back);
        let (lo, hi) = (a.min(b), a.max(b));
        if let (Ok(x), Ok(y)) = (m.buy_exact_in(lo, bps), m.buy_exact_in(hi, bps)) {
            prop_assert!(x.base_amount <= y.base_amount);
        }
        let base = m.reserves.base.max(1);
        let (olo, ohi) = ((lo % base + 1).min(hi % base + 1), (lo % base + 1).max(hi % base + 1));
        if let (Ok(x), Ok(y)) = (m.buy_exact_out(olo, bps), m.buy_exact_out(ohi, bps)) {
            prop_assert!(x.quote_amount <= y.quote_amount);
        }
        let circulating = sold(&m).max(1);
        let (slo, shi) = ((lo % circulating + 1).min(hi % circulating + 1), (lo % circulating + 1).max(hi % circulating + 1));
        if let (Ok(x), Ok(y)) = (m.sell_exact_in(slo, bps), m.sell_exact_in(shi, bps)) {
            prop_assert!(x.quote_amount <= y.quote_amount);
        }
    }

    /// A buy followed by selling the same tokens never returns more quote than was paid,
    /// however many boundaries both cross.
    #[test]
    fn buy_then_sell_never_profits((p, progress, back) in arb_state(), quote_in in arb_amount(), bps in 0u16..=MAX_FEE_BPS, exact_out in any::<bool>()) {
        let m = at(&p, progress, back);
        let buy = if exact_out { m.buy_exact_out(quote_in % m.reserves.base.max(1) + 1, bps) } else { m.buy_exact_in(quote_in, bps) };
        if let Ok(buy) = buy {
            let mut after = then(&m, &buy);
            if after.phase == Phase::Complete {
                after.graduate().unwrap();
            }
            match after.sell_exact_in(buy.base_amount, bps) {
                Ok(sell) => prop_assert!(sell.quote_amount <= buy.quote_amount),
                Err(e) => prop_assert!(matches!(e, MathError::ZeroOutput | MathError::InsufficientLiquidity)),
            }
        }
    }

    /// No buy takes the real quote reserve past the threshold; the one that reaches it
    /// completes the curve; none takes more base than the curve holds.
    #[test]
    fn the_threshold_is_never_exceeded((p, progress, back) in arb_state(), amount in arb_amount(), bps in 0u16..=MAX_FEE_BPS, exact_out in any::<bool>()) {
        let m = at(&p, progress, back);
        prop_assume!(m.phase == Phase::Curve);
        let trade = if exact_out { m.buy_exact_out(amount, bps) } else { m.buy_exact_in(amount, bps) };
        if let Ok(t) = trade {
            prop_assert!(t.reserves_after.quote <= p.params.graduation_threshold);
            prop_assert_eq!(t.phase_after == Phase::Complete, t.reserves_after.quote == p.params.graduation_threshold);
            prop_assert!(t.base_amount <= m.reserves.base);
            prop_assert!(t.quote_amount >= fee_on(t.reserve_quote_delta, bps).unwrap());
        }
    }

    /// On a one-segment preset every quote is today's curve, to the unit.
    #[test]
    fn the_one_segment_curve_equals_todays(one in arb_preset_of(1..=1), progress in 0u64..10_000, back in 0u64..10_000, amount in arb_amount(), bps in 0u16..=MAX_FEE_BPS) {
        let m = at(&one, progress, back);
        prop_assert_eq!(m.pricing_reserves().unwrap(), plain::pricing(&m));
        match (m.buy_exact_in(amount, bps), plain::buy_exact_in(&m, amount, bps)) {
            (Ok(t), Ok((base, net))) => prop_assert_eq!((t.base_amount, t.reserve_quote_delta), (base, net)),
            (Err(_), _) | (_, Err(_)) => {}
        }
        let want = amount % m.reserves.base.max(1) + 1;
        if let (Ok(t), Ok((base, net))) = (m.buy_exact_out(want, bps), plain::buy_exact_out(&m, want)) {
            prop_assert_eq!((t.base_amount, t.reserve_quote_delta), (base, net));
        }
        let back_in = amount % sold(&m).max(1) + 1;
        if let (Ok(t), Ok(gross)) = (m.sell_exact_in(back_in, bps), plain::sell_gross(&m, back_in)) {
            prop_assert_eq!(t.reserve_quote_delta, gross);
        }
        // And a one-segment curve validates exactly as before.
        prop_assert_eq!(one.params.validate_segments(&[]), one.params.validate());
    }

    /// The books hold along any path: base reserve plus circulating supply is the curve
    /// supply, the quote reserve covers the quote the current segment started from, and
    /// selling every circulating token back at once is always covered by the reserve.
    #[test]
    fn the_books_hold((p, progress, back) in arb_state(), moves in prop::collection::vec((any::<bool>(), arb_amount()), 1..8)) {
        let mut m = at(&p, progress, back);
        for (buy, amount) in moves {
            if m.phase != Phase::Curve {
                break;
            }
            let t = if buy { m.buy_exact_in(amount, 100) } else { m.sell_exact_in(amount % sold(&m).max(1) + 1, 100) };
            if let Ok(t) = t {
                m = then(&m, &t);
            }
            let segment_start = m.segments.iter().rev().find(|s| s.base_start <= sold(&m)).map_or(0, |s| s.quote_start);
            prop_assert!(m.reserves.quote >= segment_start);
            prop_assert!(m.reserves.base <= p.params.curve_supply);
            if sold(&m) > 0 {
                let all = Market { phase: Phase::Curve, ..m };
                prop_assert!(all.sell_exact_in(sold(&m), 0).is_ok_and(|s| s.reserve_quote_delta <= m.reserves.quote));
            }
        }
    }
}

#[test]
fn presets_of_every_length_are_generated() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let mut seen = [0u32; MAX_SEGMENTS + 1];
    for _ in 0..2_000 {
        let p = arb_preset().new_tree(&mut runner).unwrap().current();
        seen[p.segments.len() + 1] += 1;
    }
    assert!(seen[1..].iter().all(|&n| n > 0), "segment counts generated: {seen:?}");
}

#[test]
fn a_buy_crosses_all_sixteen_segments() {
    // Sixteen segments of equal supply, each with 1.25x the liquidity before it.
    let first = CurveParams { virtual_quote_reserve: 30_000_000_000, virtual_base_reserve: 1_073_000_000_000_000, curve_supply: 0, graduated_supply: 0, graduation_threshold: 0 };
    let mut last = Segment::first(&first);
    let mut specs: Vec<SegmentSpec> = Vec::new();
    let step = 40_000_000_000_000;
    for _ in 1..MAX_SEGMENTS {
        let spec = last.next_at_end_price(step, 5, 4).unwrap();
        let quote_start = last.quote_start + last.quote_to_sell_out(step).unwrap();
        specs.push(spec);
        last = Segment { base_start: spec.base_start, quote_start, virtual_quote_reserve: spec.virtual_quote_reserve, virtual_base_reserve: spec.virtual_base_reserve };
    }
    let threshold = last.quote_start + last.quote_to_sell_out(step).unwrap() * 9 / 10;
    let params = CurveParams {
        curve_supply: last.base_start + step,
        graduation_threshold: threshold,
        graduated_supply: last.graduated_supply_for_continuous_price(step, threshold).unwrap(),
        ..first
    };
    let segments = params.build_segments(&specs).unwrap();
    assert_eq!(params.validate_segments(&segments), Ok(()));
    assert_eq!(segments.len(), MAX_SEGMENTS - 1);
    let p = Preset { params, segments };
    let m = fresh(&p);
    let t = m.buy_exact_in(u64::MAX, 0).unwrap();
    assert_eq!(t.reserves_after.quote, threshold, "stopped exactly at the threshold");
    assert_eq!(t.phase_after, Phase::Complete);
    assert!(sold(&then(&m, &t)) > p.segments[MAX_SEGMENTS - 2].base_start, "in the last segment");
    // Selling it all back walks down all sixteen and never pays out more than came in.
    let mut done = then(&m, &t);
    done.phase = Phase::Curve;
    let back = done.sell_exact_in(t.base_amount, 0).unwrap();
    assert!(back.quote_amount <= t.quote_amount);
    assert_eq!(back.reserves_after.base, p.params.curve_supply);
}
