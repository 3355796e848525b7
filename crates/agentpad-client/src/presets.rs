//! The preset economics the SDK ships (the TS SDK's `presets.ts` has the same numbers).

use agentpad_math::pool::CurveParams;
use agentpad_math::segment::joined_curve;
use bonding_curve::state::{PoolParams, SegmentSpec};

pub const TOKEN: u64 = 1_000_000; // 6 decimals
pub const QUOTE: u64 = 1_000_000_000; // 9 decimals (SOL-like)

/// pump.fun-like economics against a 9-decimal quote: 1B tokens, 793.1M on the curve and
/// 206.9M held back for the graduated pool (within 0.01% of the continuous-price amount),
/// 30 virtual SOL, graduation at 85 SOL. 1% fee decaying from 10% over 60 s,
/// split 20% protocol / 30% creator / 50% agent revenue.
pub fn standard() -> PoolParams {
    let vq = 30 * QUOTE;
    let vb = 1_073_000_000 * TOKEN;
    let curve = 793_100_000 * TOKEN;
    let threshold = 85 * QUOTE;
    let graduated = 206_900_000 * TOKEN;
    let continuous = CurveParams::graduated_supply_for_continuous_price(vq, vb, curve, threshold).unwrap();
    debug_assert!(graduated.abs_diff(continuous) < graduated / 1_000);
    PoolParams {
        virtual_quote_reserve: vq,
        virtual_base_reserve: vb,
        curve_supply: curve,
        graduated_supply: graduated,
        graduation_threshold: threshold,
        fee_decay_seconds: 60,
        base_fee_bps: 100,
        start_fee_bps: 1_000,
        protocol_fee_share_bps: 2_000,
        creator_fee_share_bps: 3_000,
        agent_fee_share_bps: 5_000,
        curve_kind: 0,
        extra_segments: 0,
    }
}

/// The standard economics on a curve of `segments` constant-product segments (1 to 16):
/// the same first segment (30 virtual quote against 1.073B virtual tokens) and curve supply,
/// split evenly; each further segment starts at the end price of the one before with
/// `LIQUIDITY_STEP` times its liquidity, so the price rises fast at first and slower as
/// the pool fills. The threshold is 99% of the way through the last segment and the
/// held-back supply opens the graduated pool at the curve's last price (so the total supply
/// follows from the shape: about 1.47B tokens for 16 segments; `agentpad preset design`
/// fits a shape to a fixed supply instead).
pub fn segmented(segments: usize) -> (PoolParams, Vec<SegmentSpec>) {
    let base = standard();
    let supplies = vec![base.curve_supply / segments as u64; segments];
    let steps = vec![LIQUIDITY_STEP; segments - 1];
    let (curve, specs) = joined_curve(base.virtual_quote_reserve, base.virtual_base_reserve, &supplies, &steps, 9_900).expect("a curve of the standard scale");
    let specs: Vec<_> = specs
        .iter()
        .map(|s| SegmentSpec { base_start: s.base_start, virtual_quote_reserve: s.virtual_quote_reserve, virtual_base_reserve: s.virtual_base_reserve })
        .collect();
    let params = PoolParams {
        curve_supply: curve.curve_supply,
        graduation_threshold: curve.graduation_threshold,
        graduated_supply: curve.graduated_supply,
        extra_segments: specs.len() as u8,
        ..base
    };
    (params, specs)
}

/// Each further segment of [`segmented`] has this much more liquidity than the one before.
pub const LIQUIDITY_STEP: (u64, u64) = (5, 4);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segmented_presets_of_every_length_validate() {
        for n in 1..=agentpad_math::segment::MAX_SEGMENTS {
            let (params, specs) = segmented(n);
            let specs: Vec<_> = specs.iter().map(|&s| s.into()).collect();
            let segments = params.curve().build_segments(&specs).unwrap();
            assert_eq!(params.curve().validate_segments(&segments), Ok(()), "{n} segments");
            assert_eq!(segments.len() + 1, n);
        }
    }
}
