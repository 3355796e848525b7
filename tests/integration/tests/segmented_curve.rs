//! Segmented curves on chain: presets with up to 16 segments, snapshotted into pools,
//! traded across every boundary exactly as the math quotes, through graduation; and every
//! malformed preset refused by name with nothing stored.

use agentpad_math::pool::{Phase, Trade};
use agentpad_math::segment::{MAX_SEGMENTS, SEGMENT_LEN, Segment};
use agentpad_tests::accounts::{self as addr, PoolKeys};
use agentpad_tests::fixtures::Protocol;
use agentpad_tests::ix;
use agentpad_tests::presets::{self, QUOTE, TOKEN};
use agentpad_tests::{Env, bc_err};
use bonding_curve::error::BondingCurveError as E;
use bonding_curve::state::{Pool, PoolParams, Preset, SegmentSpec, StakingParams};
use solana_sdk::signature::{Keypair, Signer};

const SEGMENTED: u16 = 16;

fn create(admin: &Keypair, id: u16, quote: &solana_sdk::pubkey::Pubkey, (params, segments): (PoolParams, Vec<SegmentSpec>)) -> solana_sdk::instruction::Instruction {
    ix::create_segmented_preset(&admin.pubkey(), id, quote, params, StakingParams::STANDARD, segments)
}

/// The standard protocol plus preset [`SEGMENTED`] with `n` segments, and an agent on it.
async fn launched(n: usize) -> (Env, Protocol, PoolKeys) {
    let mut env = Env::start().await;
    let protocol = env.setup_protocol().await;
    let admin = env.admin.insecure_clone();
    env.send(&[create(&admin, SEGMENTED, &protocol.quote_mint, presets::segmented(n))], &[&admin]).await.unwrap();
    let creator = env.new_user(10 * QUOTE).await;
    let mint = env.keypair();
    let keys = env.try_launch_on(&protocol, SEGMENTED, &creator, &mint, None).await.unwrap();
    (env, protocol, keys)
}

/// Sends a trade and checks the user's balances and the pool's reserves against `expected`.
async fn trade(env: &mut Env, keys: &PoolKeys, user: &Keypair, ixn: solana_sdk::instruction::Instruction, expected: &Trade) {
    let u = user.pubkey();
    let before = (env.token_balance(keys.base_ata(&u)).await, env.token_balance(keys.quote_ata(&u)).await);
    env.send(&[ixn], &[user]).await.unwrap();
    let after = (env.token_balance(keys.base_ata(&u)).await, env.token_balance(keys.quote_ata(&u)).await);
    let buy = expected.side == agentpad_math::pool::Side::Buy;
    let (base_moved, quote_moved) = if buy { (after.0 - before.0, before.1 - after.1) } else { (before.0 - after.0, after.1 - before.1) };
    assert_eq!((base_moved, quote_moved), (expected.base_amount, expected.quote_amount));
    let pool = env.pool(keys).await;
    assert_eq!((pool.quote_reserve, pool.base_reserve), (expected.reserves_after.quote, expected.reserves_after.base));
    assert_eq!(pool.phase, expected.phase_after.stored());
}

/// Which segment the pool's next unit bought comes from.
fn segment_of(pool: &Pool, segments: &[Segment]) -> usize {
    let sold = pool.params.curve_supply - pool.base_reserve;
    segments.iter().take_while(|s| s.base_start <= sold).count()
}

#[tokio::test]
async fn a_segmented_preset_is_stored_and_every_pool_snapshots_it() {
    let (mut env, _protocol, keys) = launched(MAX_SEGMENTS).await;
    let (params, specs) = presets::segmented(MAX_SEGMENTS);
    let expected = params.curve().build_segments(&specs.iter().map(|&s| s.into()).collect::<Vec<_>>()).unwrap();
    let preset_data = env.account(addr::preset(SEGMENTED)).await.unwrap().data;
    assert_eq!(preset_data.len(), 8 + core::mem::size_of::<Preset>() + (MAX_SEGMENTS - 1) * SEGMENT_LEN);
    assert_eq!(agentpad_client::accounts::curve_segments::<Preset>(&preset_data, 15).unwrap(), expected);
    let pool_data = env.account(keys.pool).await.unwrap().data;
    assert_eq!(pool_data.len(), 8 + core::mem::size_of::<Pool>() + (MAX_SEGMENTS - 1) * SEGMENT_LEN);
    assert_eq!(env.pool_segments(&keys).await, expected);
    assert_eq!(env.pool(&keys).await.params, params);
}

#[tokio::test]
async fn trades_cross_boundaries_exactly_as_quoted_through_graduation() {
    let (mut env, protocol, keys) = launched(4).await;
    let segments = env.pool_segments(&keys).await;
    assert_eq!(segments.len(), 3);
    let alice = env.trader(&protocol, &keys, 1_000 * QUOTE).await;
    let a = alice.pubkey();

    // Exact in, from the first segment across two boundaries into the third.
    let pool = env.pool(&keys).await;
    let spend = segments[1].quote_start + 3 * QUOTE;
    let (m, fee) = (pool.market(&segments).unwrap(), pool.fee_bps_at(env.clock().await.unix_timestamp));
    let t = m.buy_exact_in(spend + spend / 9, fee).unwrap();
    trade(&mut env, &keys, &alice, ix::buy_exact_in(ix::swap_accounts(&a, &keys), spend + spend / 9, t.base_amount), &t).await;
    let pool = env.pool(&keys).await;
    assert_eq!(segment_of(&pool, &segments), 2, "two boundaries crossed");

    // Exact out, into the last segment.
    let (m, fee) = (pool.market(&segments).unwrap(), pool.fee_bps_at(env.clock().await.unix_timestamp));
    let want = segments[2].base_start - (pool.params.curve_supply - pool.base_reserve) + 10_000_000 * TOKEN;
    let t = m.buy_exact_out(want, fee).unwrap();
    assert_eq!(t.base_amount, want);
    trade(&mut env, &keys, &alice, ix::buy_exact_out(ix::swap_accounts(&a, &keys), want, t.quote_amount), &t).await;
    let pool = env.pool(&keys).await;
    assert_eq!(segment_of(&pool, &segments), 3);

    // Sell back down into the first segment.
    let (m, fee) = (pool.market(&segments).unwrap(), pool.fee_bps_at(env.clock().await.unix_timestamp));
    let back = pool.params.curve_supply - pool.base_reserve - segments[0].base_start / 2;
    let t = m.sell_exact_in(back, fee).unwrap();
    trade(&mut env, &keys, &alice, ix::sell_exact_in(ix::swap_accounts(&a, &keys), back, t.quote_amount), &t).await;
    let pool = env.pool(&keys).await;
    assert_eq!(segment_of(&pool, &segments), 0);

    // A buy larger than the rest of the curve stops exactly at the threshold, crossing all.
    let (m, fee) = (pool.market(&segments).unwrap(), pool.fee_bps_at(env.clock().await.unix_timestamp));
    let t = m.buy_exact_in(900 * QUOTE, fee).unwrap();
    assert_eq!(t.reserves_after.quote, pool.params.graduation_threshold);
    assert!(t.quote_amount < 900 * QUOTE, "the rest is never taken");
    trade(&mut env, &keys, &alice, ix::buy_exact_in(ix::swap_accounts(&a, &keys), 900 * QUOTE, 1), &t).await;
    let pool = env.pool(&keys).await;
    assert_eq!(pool.phase, Phase::Complete.stored());
    let last_price = pool.market(&segments).unwrap().price_q64().unwrap();

    // Graduation: the constant-product pool opens within the preset's bound of the curve's
    // last price, and trades.
    env.send(&[ix::graduate(&keys.pool)], &[]).await.unwrap();
    let pool = env.pool(&keys).await;
    let graduated = pool.market(&segments).unwrap();
    assert_eq!(graduated.phase, Phase::Graduated);
    let gap = graduated.price_q64().unwrap().abs_diff(last_price);
    assert!(gap * 10_000 <= last_price * agentpad_math::pool::MAX_GRADUATION_PRICE_GAP_BPS as u128, "gap {gap} of {last_price}");
    let fee = pool.fee_bps_at(env.clock().await.unix_timestamp);
    let t = graduated.sell_exact_in(1_000_000 * TOKEN, fee).unwrap();
    trade(&mut env, &keys, &alice, ix::sell_exact_in(ix::swap_accounts(&a, &keys), 1_000_000 * TOKEN, t.quote_amount), &t).await;
}

/// Sets the held-back supply that opens the graduated pool at the curve's last price.
fn continuous(p: &mut PoolParams, specs: &[SegmentSpec]) {
    let segments = p.curve().build_segments(&specs.iter().map(|&s| s.into()).collect::<Vec<_>>()).unwrap();
    let last = *segments.last().unwrap();
    p.graduated_supply = last.graduated_supply_for_continuous_price(p.curve_supply - last.base_start, p.graduation_threshold).unwrap();
}

/// A cheap thick segment, then a thin one whose price runs up 25x: buying the thin
/// stretch and dumping it into the (deeper) graduated pool would profit.
fn thin_last_stretch() -> (PoolParams, Vec<SegmentSpec>) {
    let (q, b) = (1_000_000, 1_000_000_000);
    let mut p = PoolParams { virtual_quote_reserve: 1_000 * q, virtual_base_reserve: 10_000 * b, curve_supply: 6_000 * b, graduation_threshold: 2_900 * q, extra_segments: 1, ..presets::standard() };
    let s = vec![SegmentSpec { base_start: 5_000 * b, virtual_quote_reserve: 500 * q, virtual_base_reserve: 1_250 * b }];
    continuous(&mut p, &s);
    (p, s)
}

#[tokio::test]
async fn malformed_segmented_presets_are_refused_by_name() {
    let mut env = Env::start().await;
    let protocol = env.setup_protocol().await;
    let admin = env.admin.insecure_clone();
    let quote = protocol.quote_mint;
    let (params, specs) = presets::segmented(4);
    let with = |f: &dyn Fn(&mut PoolParams, &mut Vec<SegmentSpec>)| {
        let (mut p, mut s) = (params, specs.clone());
        f(&mut p, &mut s);
        (p, s)
    };
    let cases: Vec<(&str, (PoolParams, Vec<SegmentSpec>), E)> = vec![
        ("count field disagrees", with(&|p, _| p.extra_segments = 2), E::SegmentCountMismatch),
        ("boundary out of order", with(&|_, s| s.swap(0, 1)), E::SegmentBoundsNotIncreasing),
        ("boundary past the curve", with(&|p, s| s[2].base_start = p.curve_supply), E::SegmentBoundsNotIncreasing),
        ("price drops at a boundary", with(&|_, s| s[1].virtual_quote_reserve -= s[1].virtual_quote_reserve / 100), E::SegmentPriceNotIncreasing),
        ("threshold before the last segment", with(&|p, _| p.graduation_threshold = 1), E::ThresholdBeforeLastSegment),
        ("a segment sells more than its virtual base", with(&|_, s| { s[0].virtual_base_reserve /= 10; s[0].virtual_quote_reserve /= 10 }), E::VirtualBaseTooSmall),
        ("graduated pool deeper than the curve", thin_last_stretch(), E::CurveThinnerThanGraduatedPool),
        ("a zero segment", with(&|_, s| s[1].virtual_quote_reserve = 0), E::ZeroCurveParameter),
    ];
    for (id, (what, preset, err)) in cases.into_iter().enumerate() {
        let id = 100 + id as u16;
        println!("{what}");
        env.expect_failure(&[create(&admin, id, &quote, preset)], &[&admin], bc_err(err), &[addr::preset(id)]).await;
    }
    // Sixteen further segments is one too many.
    let (p, mut s) = presets::segmented(MAX_SEGMENTS);
    s.push(SegmentSpec { base_start: p.curve_supply - 1, ..s[14] });
    let p = PoolParams { extra_segments: 16, ..p };
    env.expect_failure(&[create(&admin, 200, &quote, (p, s))], &[&admin], bc_err(E::TooManySegments), &[addr::preset(200)]).await;
}
