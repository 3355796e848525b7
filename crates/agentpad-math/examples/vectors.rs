//! Emits test vectors for off-chain quoting: every case runs the crate's own functions
//! (the code the programs run), so a client implementation that reproduces all of them
//! quotes to the unit. Deterministic: a fixed-seed splitmix64, no dependencies.
//!
//! usage: cargo run -p agentpad-math --example vectors > app/tests/vectors/math.json
//! (`scripts/test.sh` regenerates it and fails if the committed file differs).

use agentpad_math::fee::{FeeSchedule, FeeSplit, fee_on, split_gross};
use agentpad_math::pool::{CurveParams, Market, Phase, Reserves, Trade};
use agentpad_math::revenue::{RevenueSplit, shared_to_local};
use agentpad_math::reward::{Accrual, RewardStream};
use agentpad_math::segment::{MAX_SEGMENTS, Segment, joined_curve};
use agentpad_math::{MathError, MathResult};

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        if n == 0 { 0 } else { self.next() % n }
    }
    /// Log-uniform in [1, 2^bits): small and huge amounts equally often.
    fn amount(&mut self, bits: u32) -> u64 {
        let b = 1 + self.below(bits as u64) as u32;
        let v = self.next() >> (64 - b);
        v.max(1)
    }
}

fn s(v: impl ToString) -> String {
    format!("\"{}\"", v.to_string())
}

fn err_name(e: MathError) -> String {
    format!("{{\"err\":\"{e:?}\"}}")
}

fn phase_name(p: Phase) -> &'static str {
    match p {
        Phase::Curve => "curve",
        Phase::Complete => "complete",
        Phase::Graduated => "graduated",
    }
}

fn market_json(m: &Market) -> String {
    let p = &m.params;
    let segments: Vec<String> = m
        .segments
        .iter()
        .map(|g| format!("{{\"baseStart\":{},\"quoteStart\":{},\"virtualQuoteReserve\":{},\"virtualBaseReserve\":{}}}", s(g.base_start), s(g.quote_start), s(g.virtual_quote_reserve), s(g.virtual_base_reserve)))
        .collect();
    format!(
        "{{\"segments\":[{}],\"virtualQuoteReserve\":{},\"virtualBaseReserve\":{},\"curveSupply\":{},\"graduatedSupply\":{},\"graduationThreshold\":{},\"protocolFeeShareBps\":{},\"creatorFeeShareBps\":{},\"agentFeeShareBps\":{},\"phase\":\"{}\",\"quoteReserve\":{},\"baseReserve\":{}}}",
        segments.join(","), s(p.virtual_quote_reserve), s(p.virtual_base_reserve), s(p.curve_supply), s(p.graduated_supply),
        s(p.graduation_threshold), m.split.protocol_bps, m.split.creator_bps, m.split.agent_bps,
        phase_name(m.phase), s(m.reserves.quote), s(m.reserves.base)
    )
}

fn trade_json(r: MathResult<Trade>) -> String {
    match r {
        Err(e) => err_name(e),
        Ok(t) => format!(
            "{{\"ok\":{{\"baseAmount\":{},\"quoteAmount\":{},\"reserveQuoteDelta\":{},\"fee\":{},\"protocolFee\":{},\"creatorFee\":{},\"agentFee\":{},\"quoteReserveAfter\":{},\"baseReserveAfter\":{},\"phaseAfter\":\"{}\"}}}}",
            s(t.base_amount), s(t.quote_amount), s(t.reserve_quote_delta), s(t.fee), s(t.fee_parts.protocol),
            s(t.fee_parts.creator), s(t.fee_parts.agent), s(t.reserves_after.quote), s(t.reserves_after.base),
            phase_name(t.phase_after)
        ),
    }
}

fn ok_or<T>(r: MathResult<T>, f: impl FnOnce(T) -> String) -> String {
    match r {
        Ok(v) => format!("{{\"ok\":{}}}", f(v)),
        Err(e) => err_name(e),
    }
}

/// Valid curve parameters: either the standard preset scaled, or random ones (some near u64 limits).
fn random_params(rng: &mut Rng) -> CurveParams {
    loop {
        let bits = if rng.below(4) == 0 { 63 } else { 50 };
        let vq = rng.amount(bits);
        let vb = rng.amount(bits);
        let curve = rng.below(vb).max(1);
        let t = rng.amount(bits);
        let Ok(g) = CurveParams::graduated_supply_for_continuous_price(vq, vb, curve, t) else { continue };
        let p = CurveParams { virtual_quote_reserve: vq, virtual_base_reserve: vb, curve_supply: curve, graduated_supply: g, graduation_threshold: t };
        if p.validate().is_ok() {
            return p;
        }
    }
}

/// A valid segmented curve of 2 to 16 segments (`segments` forces the count), random
/// supplies and liquidity steps; its segments live for the whole run.
fn random_segmented(rng: &mut Rng, segments: Option<usize>) -> (CurveParams, &'static [Segment]) {
    loop {
        let n = segments.unwrap_or(2 + rng.below(MAX_SEGMENTS as u64 - 1) as usize);
        let vq = rng.amount(45);
        let mut virtual_base = rng.amount(60).max(1_000);
        let vb = virtual_base;
        let (mut supplies, mut steps) = (Vec::new(), Vec::new());
        for _ in 0..n {
            let supply = virtual_base / 100 * (1 + rng.below((80 / n as u64).clamp(5, 60)));
            let quarters = 3 + rng.below(6);
            supplies.push(supply);
            steps.push((quarters, 4));
            virtual_base = ((virtual_base - supply) as u128 * quarters as u128 / 4) as u64;
        }
        let Ok((params, specs)) = joined_curve(vq, vb, &supplies, &steps, 5_000 + rng.below(5_001)) else { continue };
        let Ok(built) = params.build_segments(&specs) else { continue };
        if params.validate_segments(&built).is_ok() {
            return (params, Box::leak(built.into_boxed_slice()));
        }
    }
}

fn standard() -> CurveParams {
    CurveParams {
        virtual_quote_reserve: 30_000_000_000,
        virtual_base_reserve: 1_073_000_000_000_000,
        curve_supply: 793_100_000_000_000,
        graduated_supply: 206_900_000_000_000,
        graduation_threshold: 85_000_000_000,
    }
}

fn random_split(rng: &mut Rng) -> FeeSplit {
    let a = rng.below(10_001) as u16;
    let b = rng.below(10_001 - a as u64) as u16;
    FeeSplit { protocol_bps: a, creator_bps: b, agent_bps: 10_000 - a - b }
}

/// A market reached by real trades from launch (so reserves are consistent with the
/// curve), or a graduated one; `near_threshold` parks it just below graduation.
fn random_market(rng: &mut Rng, near_threshold: bool) -> Market<'static> {
    let (params, segments): (CurveParams, &'static [Segment]) = match rng.below(4) {
        0 => (standard(), &[]),
        1 => random_segmented(rng, None),
        _ => (random_params(rng), &[]),
    };
    let mut m = Market { params, segments, split: random_split(rng), phase: Phase::Curve, reserves: Reserves { quote: 0, base: params.curve_supply } };
    let target = if near_threshold {
        params.graduation_threshold.saturating_sub(rng.below(3).max(rng.amount(12) * (rng.below(2))))
    } else {
        rng.below(params.graduation_threshold)
    };
    if target > 0 {
        if let Ok(t) = m.buy_exact_in(target, 0) {
            m.apply(&t);
        }
    }
    match rng.below(5) {
        0 if m.phase == Phase::Curve => {
            // Force the threshold, then maybe graduate.
            if let Ok(t) = m.buy_exact_in(u64::MAX, 0) {
                m.apply(&t);
            }
            if rng.below(2) == 0 {
                let _ = m.graduate();
            }
        }
        1 => {
            // A graduated pool with arbitrary (possibly huge) reserves.
            m.phase = Phase::Graduated;
            m.reserves = Reserves { quote: rng.amount(64), base: rng.amount(64).max(2) };
        }
        _ => {}
    }
    m
}

fn main() {
    let mut rng = Rng(0x00A6_E17B_AD00_0001);
    let mut cases: Vec<String> = Vec::new();

    // Trades: 2,400 cases across phases, amounts log-uniform up to u64::MAX, fee up to 50%.
    for i in 0..2_400 {
        let m = random_market(&mut rng, i % 4 == 0);
        let fee_bps = match rng.below(4) {
            0 => 0,
            1 => 5_000,
            _ => rng.below(5_001) as u16,
        };
        let amount = match rng.below(6) {
            0 => u64::MAX - rng.below(3),
            1 => rng.below(4),
            2 => m.params.graduation_threshold.saturating_sub(m.reserves.quote).saturating_add(rng.below(3)).saturating_sub(1),
            _ => rng.amount(64),
        };
        let (op, r) = match i % 3 {
            0 => ("buyExactIn", m.buy_exact_in(amount, fee_bps)),
            1 => ("buyExactOut", m.buy_exact_out(amount, fee_bps)),
            _ => ("sellExactIn", m.sell_exact_in(amount, fee_bps)),
        };
        cases.push(format!(
            "{{\"op\":\"{op}\",\"market\":{},\"amount\":{},\"feeBps\":{fee_bps},\"result\":{}}}",
            market_json(&m), s(amount), trade_json(r)
        ));
    }

    // Every boundary of 16-segment curves: from launch, exact out to each boundary and one
    // unit either side, exact in of everything (all 16 crossed, cut at the threshold), and
    // from the threshold every sell back down across the boundaries.
    for _ in 0..4 {
        let (params, segments) = random_segmented(&mut rng, Some(MAX_SEGMENTS));
        let split = random_split(&mut rng);
        let fresh = Market { params, segments, split, phase: Phase::Curve, reserves: Reserves { quote: 0, base: params.curve_supply } };
        let fee_bps = rng.below(1_001) as u16;
        let mut push = |op: &str, m: &Market, amount: u64, r: MathResult<Trade>| {
            cases.push(format!("{{\"op\":\"{op}\",\"market\":{},\"amount\":{},\"feeBps\":{fee_bps},\"result\":{}}}", market_json(m), s(amount), trade_json(r)));
        };
        for g in segments {
            for amount in [g.base_start - 1, g.base_start, g.base_start + 1] {
                push("buyExactOut", &fresh, amount, fresh.buy_exact_out(amount, fee_bps));
            }
            push("buyExactIn", &fresh, g.quote_start, fresh.buy_exact_in(g.quote_start, fee_bps));
        }
        push("buyExactIn", &fresh, u64::MAX, fresh.buy_exact_in(u64::MAX, fee_bps));
        let mut full = fresh;
        full.apply(&fresh.buy_exact_in(u64::MAX, 0).expect("the completing buy"));
        full.phase = Phase::Curve;
        let sold = params.curve_supply - full.reserves.base;
        for g in segments {
            for amount in [sold - g.base_start, sold - g.base_start + 1] {
                push("sellExactIn", &full, amount, full.sell_exact_in(amount, fee_bps));
            }
        }
        push("sellExactIn", &full, sold, full.sell_exact_in(sold, fee_bps));
    }

    // Market views: price (Q64.64), progress, graduation.
    for i in 0..300 {
        let m = random_market(&mut rng, i % 2 == 0);
        cases.push(format!(
            "{{\"op\":\"market\",\"market\":{},\"priceQ64\":{},\"progressBps\":{},\"graduate\":{}}}",
            market_json(&m),
            ok_or(m.price_q64(), s),
            m.progress_bps(),
            ok_or({ let mut g = m; g.graduate() }, |r| format!("{{\"quoteReserve\":{},\"baseReserve\":{}}}", s(r.quote), s(r.base)))
        ));
    }

    // Fee schedule and fee amounts.
    for _ in 0..300 {
        let base = rng.below(1_001) as u16;
        let start = base + rng.below(5_001 - base as u64) as u16;
        let decay = if start == base && rng.below(2) == 0 { 0 } else { rng.below(86_401).max(1) as u32 };
        let sched = FeeSchedule { base_fee_bps: base, start_fee_bps: start, decay_seconds: decay };
        let elapsed: i64 = match rng.below(4) {
            0 => -(rng.below(1_000) as i64),
            1 => rng.below(decay as u64 + 2) as i64,
            2 => i64::MAX - rng.below(2) as i64,
            _ => rng.below(200_000) as i64,
        };
        let amount = rng.amount(64);
        cases.push(format!(
            "{{\"op\":\"fee\",\"baseFeeBps\":{base},\"startFeeBps\":{start},\"decaySeconds\":{decay},\"elapsed\":{},\"feeBpsAt\":{},\"amount\":{},\"feeOn\":{},\"splitGross\":{}}}",
            s(elapsed),
            sched.fee_bps_at(elapsed),
            s(amount),
            ok_or(fee_on(amount, start), s),
            ok_or(split_gross(amount, start), |(n, f)| format!("{{\"net\":{},\"fee\":{}}}", s(n), s(f)))
        ));
    }

    // Revenue: bridged shared-decimal amounts and the holders/creator/protocol split.
    for _ in 0..300 {
        let h = rng.below(10_001) as u16;
        let c = rng.below(10_001 - h as u64) as u16;
        let split = RevenueSplit { holders_bps: h, creator_bps: c, protocol_bps: 10_000 - h - c };
        let amount = rng.amount(64);
        let decimals = rng.below(20) as u8;
        let sd = rng.amount(64);
        cases.push(format!(
            "{{\"op\":\"revenue\",\"holdersBps\":{h},\"creatorBps\":{c},\"protocolBps\":{},\"amount\":{},\"split\":{},\"sharedAmount\":{},\"localDecimals\":{decimals},\"sharedToLocal\":{}}}",
            split.protocol_bps,
            s(amount),
            ok_or(split.split(amount), |p| format!("{{\"holders\":{},\"creator\":{},\"protocol\":{}}}", s(p.holders), s(p.creator), s(p.protocol))),
            s(sd),
            ok_or(shared_to_local(sd, decimals), s)
        ));
    }

    // Claimable rewards: a stream notified at t0, a position that staked at t_stake,
    // viewed at t_view (update + settle, as the program does before a claim).
    for _ in 0..300 {
        let window = rng.below(7 * 86_400).max(1) as u32;
        let total_staked = if rng.below(8) == 0 { 0 } else { rng.amount(64) };
        let staked = if total_staked == 0 { 0 } else { rng.below(total_staked).max(1).min(total_staked) };
        let amount = rng.amount(64);
        let t0 = rng.below(1_000_000) as i64;
        let mut stream = RewardStream::new(t0);
        let pre_acc = rng.amount(64) as u128 * rng.amount(64) as u128;
        stream.acc_x64 = pre_acc;
        let notified = stream.notify(amount, t0, window, total_staked);
        let mid = t0 + rng.below(window as u64 * 2) as i64;
        let _ = stream.update(mid, total_staked);
        let accrual = Accrual::start(&stream);
        let before = stream;
        let view = mid + rng.below(window as u64 * 2) as i64;
        let mut after = stream;
        let mut a = accrual;
        let result = notified
            .and_then(|_| after.update(view, total_staked))
            .and_then(|_| a.settle(&after, staked))
            .map(|_| a.claimable());
        cases.push(format!(
            "{{\"op\":\"claimable\",\"stream\":{{\"accX64\":{},\"rateX64\":{},\"dustX64\":{},\"periodFinish\":{},\"lastUpdate\":{}}},\"checkpointX64\":{},\"owedX64\":\"0\",\"staked\":{},\"totalStaked\":{},\"now\":{},\"claimable\":{}}}",
            s(before.acc_x64), s(before.rate_x64), s(before.dust_x64), s(before.period_finish), s(before.last_update),
            s(accrual.checkpoint_x64), s(staked), s(total_staked), s(view),
            ok_or(result, s)
        ));
    }

    println!("{{\"generator\":\"cargo run -p agentpad-math --example vectors\",\"count\":{},\"cases\":[", cases.len());
    for (i, c) in cases.iter().enumerate() {
        println!("{c}{}", if i + 1 < cases.len() { "," } else { "" });
    }
    println!("]}}");
}
