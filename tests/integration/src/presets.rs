//! Preset parameters used by the tests and the lifecycle example.

use agentpad_math::pool::CurveParams;
use bonding_curve::state::PoolParams;

pub const TOKEN: u64 = 1_000_000; // 6 decimals
pub const QUOTE: u64 = 1_000_000_000; // 9 decimals (SOL-like)

/// pump.fun-like economics against a 9-decimal quote: 1B tokens, 793.1M on the curve,
/// 30 virtual SOL, graduation at 85 SOL, the held-back supply sized so the graduated
/// pool opens at the curve's last price. 1% fee decaying from 10% over 60 s,
/// split 20% protocol / 30% creator / 50% agent revenue.
pub fn standard() -> PoolParams {
    let vq = 30 * QUOTE;
    let vb = 1_073_000_000 * TOKEN;
    let curve = 793_100_000 * TOKEN;
    let threshold = 85 * QUOTE;
    let graduated = CurveParams::graduated_supply_for_continuous_price(vq, vb, curve, threshold).unwrap();
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
        _padding: [0; 2],
    }
}
