//! The preset economics the SDK ships (the TS SDK's `presets.ts` has the same numbers).

use agentpad_math::pool::CurveParams;
use bonding_curve::state::PoolParams;

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
        _padding: [0; 1],
    }
}
