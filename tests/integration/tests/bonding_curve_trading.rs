//! bonding-curve trading: every trade instruction against the math crate to the unit,
//! the anti-sniper fee, the threshold, graduation, post-graduation trading, fee claims,
//! and every rejection with unchanged balances.
#![allow(deprecated)]

use agentpad_math::pool::{Market, Phase, Trade};
use agentpad_tests::accounts::PoolKeys;
use agentpad_tests::fixtures::Protocol;
use agentpad_tests::ix::{self, TestExtension};
use agentpad_tests::presets::{QUOTE, TOKEN};
use agentpad_tests::{Env, anchor_err, bc_err, decode_event};
use anchor_spl::token_2022::spl_token_2022;
use bonding_curve::error::BondingCurveError as E;
use bonding_curve::event::{FeesClaimed, PoolGraduated, TradeExecuted};
use bonding_curve::state::{FeeBucket, phase};
use solana_sdk::signature::{Keypair, Signer};

struct Setup {
    env: Env,
    protocol: Protocol,
    keys: PoolKeys,
    creator: Keypair,
}

/// A launched agent, with the clock past the anti-sniper window unless `fresh`.
async fn setup_with(quote_program: solana_sdk::pubkey::Pubkey, extensions: &[TestExtension], fresh: bool) -> Setup {
    let mut env = Env::start().await;
    let protocol = env.setup_protocol_with(quote_program, extensions).await;
    let creator = env.new_user(10 * QUOTE).await;
    let keys = env.launch(&protocol, &creator).await;
    if !fresh {
        env.advance_time(120).await;
    }
    Setup { env, protocol, keys, creator }
}

async fn setup() -> Setup {
    setup_with(anchor_spl::token::ID, &[], false).await
}

/// The market of a pool on this suite's (one-segment) preset.
async fn market(env: &mut Env, keys: &PoolKeys) -> (Market<'static>, u16) {
    let pool = env.pool(keys).await;
    assert_eq!(pool.params.extra_segments, 0, "a one-segment preset");
    let now = env.clock().await.unix_timestamp;
    (pool.market(&[]).unwrap(), pool.fee_bps_at(now))
}

/// Sends one trade and checks every balance and the pool against the off-chain quote.
async fn trade_and_check(env: &mut Env, keys: &PoolKeys, user: &Keypair, ixn: solana_sdk::instruction::Instruction, expected: Trade) -> TradeExecuted {
    let u = user.pubkey();
    let (ub, uq) = (keys.base_ata(&u), keys.quote_ata(&u));
    let before = (env.token_balance(ub).await, env.token_balance(uq).await, env.token_balance(keys.quote_vault).await, env.token_balance(keys.base_vault).await);
    let pool_before = env.pool(keys).await;
    let events = env.send_with_events(&[ixn], &[user]).await.unwrap();
    let after = (env.token_balance(ub).await, env.token_balance(uq).await, env.token_balance(keys.quote_vault).await, env.token_balance(keys.base_vault).await);
    let pool = env.pool(keys).await;
    let buy = expected.side == agentpad_math::pool::Side::Buy;
    if buy {
        assert_eq!(after.0 - before.0, expected.base_amount, "user base received");
        assert_eq!(before.1 - after.1, expected.quote_amount, "user quote paid");
        assert_eq!(after.2 - before.2, expected.quote_amount, "quote vault in");
        assert_eq!(before.3 - after.3, expected.base_amount, "base vault out");
    } else {
        assert_eq!(before.0 - after.0, expected.base_amount, "user base paid");
        assert_eq!(after.1 - before.1, expected.quote_amount, "user quote received");
        assert_eq!(before.2 - after.2, expected.quote_amount, "quote vault out");
        assert_eq!(after.3 - before.3, expected.base_amount, "base vault in");
    }
    assert_eq!((pool.quote_reserve, pool.base_reserve), (expected.reserves_after.quote, expected.reserves_after.base));
    assert_eq!(pool.protocol_fees - pool_before.protocol_fees, expected.fee_parts.protocol);
    assert_eq!(pool.creator_fees - pool_before.creator_fees, expected.fee_parts.creator);
    assert_eq!(pool.agent_fees - pool_before.agent_fees, expected.fee_parts.agent);
    let event = events.iter().find_map(|e| decode_event::<TradeExecuted>(e)).expect("trade event");
    let m = pool.market(&[]).unwrap();
    assert_eq!(event.is_buy, buy);
    assert_eq!((event.base_amount, event.quote_amount, event.fee, event.fee_bps), (expected.base_amount, expected.quote_amount, expected.fee, expected.fee_bps));
    assert_eq!((event.protocol_fee, event.creator_fee, event.agent_fee), (expected.fee_parts.protocol, expected.fee_parts.creator, expected.fee_parts.agent));
    assert_eq!((event.quote_reserve, event.base_reserve), (pool.quote_reserve, pool.base_reserve));
    assert_eq!(event.price_q64, m.price_q64().unwrap());
    assert_eq!(event.progress_bps, m.progress_bps());
    assert_eq!((event.pool, event.user, event.base_mint), (keys.pool, u, keys.base_mint));
    event
}

#[tokio::test]
async fn each_trade_instruction_matches_the_math_to_the_unit() {
    let Setup { mut env, protocol, keys, .. } = setup().await;
    let alice = env.trader(&protocol, &keys, 50 * QUOTE).await;
    let a = alice.pubkey();

    let (m, fee) = market(&mut env, &keys).await;
    let expect = m.buy_exact_in(3 * QUOTE + 7, fee).unwrap();
    let ev = trade_and_check(&mut env, &keys, &alice, ix::buy_exact_in(ix::swap_accounts(&a, &keys), 3 * QUOTE + 7, expect.base_amount), expect).await;
    assert_eq!(ev.fee_bps, 100, "base fee after the anti-sniper window");
    assert!(!ev.completed_curve);

    let (m, fee) = market(&mut env, &keys).await;
    let expect = m.buy_exact_out(12_345_678 * TOKEN, fee).unwrap();
    trade_and_check(&mut env, &keys, &alice, ix::buy_exact_out(ix::swap_accounts(&a, &keys), 12_345_678 * TOKEN, expect.quote_amount), expect).await;

    let (m, fee) = market(&mut env, &keys).await;
    let expect = m.sell_exact_in(20_000_000 * TOKEN, fee).unwrap();
    trade_and_check(&mut env, &keys, &alice, ix::sell_exact_in(ix::swap_accounts(&a, &keys), 20_000_000 * TOKEN, expect.quote_amount), expect).await;
}

#[tokio::test]
async fn anti_sniper_fee_decays_linearly_to_the_base_fee() {
    let Setup { mut env, protocol, keys, .. } = setup_with(anchor_spl::token::ID, &[], true).await;
    let bob = env.trader(&protocol, &keys, 50 * QUOTE).await;
    let mut seen = vec![];
    for step in [0, 30, 30, 30] {
        env.advance_time(step).await;
        let (m, fee) = market(&mut env, &keys).await;
        let expect = m.buy_exact_in(QUOTE, fee).unwrap();
        let ev = trade_and_check(&mut env, &keys, &bob, ix::buy_exact_in(ix::swap_accounts(&bob.pubkey(), &keys), QUOTE, 1), expect).await;
        seen.push(ev.fee_bps);
    }
    // Launch second: 10%; 30 s: halfway (5.5%); 60 s and later: 1%.
    assert_eq!(seen, vec![1_000, 550, 100, 100]);
}

#[tokio::test]
async fn zero_dust_and_slippage_are_refused_with_balances_untouched() {
    let Setup { mut env, protocol, keys, .. } = setup().await;
    let carol = env.trader(&protocol, &keys, 10 * QUOTE).await;
    let c = carol.pubkey();
    env.send(&[ix::buy_exact_in(ix::swap_accounts(&c, &keys), QUOTE, 1)], &[&carol]).await.unwrap();
    let watched = [keys.pool, keys.base_vault, keys.quote_vault, keys.base_ata(&c), keys.quote_ata(&c)];
    let acc = || ix::swap_accounts(&c, &keys);

    env.expect_failure(&[ix::buy_exact_in(acc(), 0, 0)], &[&carol], bc_err(E::ZeroAmount), &watched).await;
    env.expect_failure(&[ix::buy_exact_out(acc(), 0, u64::MAX)], &[&carol], bc_err(E::ZeroAmount), &watched).await;
    env.expect_failure(&[ix::sell_exact_in(acc(), 0, 0)], &[&carol], bc_err(E::ZeroAmount), &watched).await;
    env.expect_failure(&[ix::buy_exact_in(acc(), 1, 0)], &[&carol], bc_err(E::ZeroOutput), &watched).await;
    env.expect_failure(&[ix::sell_exact_in(acc(), 1, 0)], &[&carol], bc_err(E::ZeroOutput), &watched).await;

    let (m, fee) = market(&mut env, &keys).await;
    let buy = m.buy_exact_in(QUOTE, fee).unwrap();
    env.expect_failure(&[ix::buy_exact_in(acc(), QUOTE, buy.base_amount + 1)], &[&carol], bc_err(E::SlippageExceeded), &watched).await;
    let out = m.buy_exact_out(1_000 * TOKEN, fee).unwrap();
    env.expect_failure(&[ix::buy_exact_out(acc(), 1_000 * TOKEN, out.quote_amount - 1)], &[&carol], bc_err(E::SlippageExceeded), &watched).await;
    let sell = m.sell_exact_in(1_000 * TOKEN, fee).unwrap();
    env.expect_failure(&[ix::sell_exact_in(acc(), 1_000 * TOKEN, sell.quote_amount + 1)], &[&carol], bc_err(E::SlippageExceeded), &watched).await;
    // Exactly at the limit passes.
    env.send(&[ix::sell_exact_in(acc(), 1_000 * TOKEN, sell.quote_amount)], &[&carol]).await.unwrap();
}

#[tokio::test]
async fn foreign_accounts_are_refused() {
    let Setup { mut env, protocol, keys, .. } = setup().await;
    let dave = env.trader(&protocol, &keys, 10 * QUOTE).await;
    let d = dave.pubkey();
    env.send(&[ix::buy_exact_in(ix::swap_accounts(&d, &keys), QUOTE, 1)], &[&dave]).await.unwrap();
    let other_creator = env.new_user(10 * QUOTE).await;
    let other = env.launch(&protocol, &other_creator).await;
    let other_base = env.create_base_ata(&other, &d).await;
    let watched = [keys.pool, other.pool, keys.base_vault, keys.quote_vault, keys.base_ata(&d), keys.quote_ata(&d)];

    let mut acc = ix::swap_accounts(&d, &keys);
    acc.base_vault = other.base_vault;
    env.expect_failure(&[ix::buy_exact_in(acc, QUOTE, 1)], &[&dave], bc_err(E::VaultMismatch), &watched).await;
    let mut acc = ix::swap_accounts(&d, &keys);
    acc.pool_quote.quote_vault = other.quote_vault;
    env.expect_failure(&[ix::sell_exact_in(acc, TOKEN, 1)], &[&dave], bc_err(E::VaultMismatch), &watched).await;
    let mut acc = ix::swap_accounts(&d, &keys);
    acc.base_mint = other.base_mint;
    env.expect_failure(&[ix::buy_exact_in(acc, QUOTE, 1)], &[&dave], bc_err(E::InvalidMint), &watched).await;
    let acc = ix::swap_accounts_with(&d, &keys, other_base, keys.quote_ata(&d));
    env.expect_failure(&[ix::buy_exact_in(acc, QUOTE, 1)], &[&dave], bc_err(E::TokenAccountMintMismatch), &watched).await;
    let mut acc = ix::swap_accounts(&d, &keys);
    acc.pool_quote.quote_token_program = spl_token_2022::ID;
    env.expect_failure(&[ix::buy_exact_in(acc, QUOTE, 1)], &[&dave], bc_err(E::InvalidTokenProgram), &watched).await;
    // A pool account of the wrong type (a preset) is refused by Anchor's discriminator check.
    let mut acc = ix::swap_accounts(&d, &keys);
    acc.pool_quote.pool = agentpad_tests::accounts::preset(0);
    env.expect_failure(&[ix::buy_exact_in(acc, QUOTE, 1)], &[&dave], anchor_err(anchor_lang::error::ErrorCode::AccountDiscriminatorMismatch), &watched).await;
    // Wrong signer: Eve signs a sale out of Dave's token account; the token program refuses.
    let eve = env.trader(&protocol, &keys, QUOTE).await;
    let acc = ix::swap_accounts_with(&eve.pubkey(), &keys, keys.base_ata(&d), keys.quote_ata(&eve.pubkey()));
    env.expect_failure(&[ix::sell_exact_in(acc, TOKEN, 1)], &[&eve], agentpad_tests::TxError::Custom(spl_token_2022::error::TokenError::OwnerMismatch as u32), &watched).await;
}

/// Fills the curve to exactly its threshold with one large exact-in buy.
async fn complete_curve(env: &mut Env, protocol: &Protocol, keys: &PoolKeys) -> (Keypair, Trade) {
    let whale = env.trader(protocol, keys, 500 * QUOTE).await;
    let (m, fee) = market(env, keys).await;
    let expect = m.buy_exact_in(400 * QUOTE, fee).unwrap();
    let ev = trade_and_check(env, keys, &whale, ix::buy_exact_in(ix::swap_accounts(&whale.pubkey(), keys), 400 * QUOTE, 1), expect).await;
    assert!(ev.completed_curve && !ev.graduated);
    assert_eq!(ev.progress_bps, 10_000);
    (whale, expect)
}

#[tokio::test]
async fn threshold_buy_is_cut_and_the_curve_stops() {
    let Setup { mut env, protocol, keys, .. } = setup().await;
    let (whale, trade) = complete_curve(&mut env, &protocol, &keys).await;
    let pool = env.pool(&keys).await;
    assert_eq!(pool.phase, phase::COMPLETE);
    assert_eq!(pool.quote_reserve, protocol.params.graduation_threshold);
    assert_eq!(trade.reserve_quote_delta, protocol.params.graduation_threshold);
    assert!(trade.quote_amount < 400 * QUOTE, "unused quote stays with the buyer");
    assert_eq!(env.token_balance(keys.quote_ata(&whale.pubkey())).await, 500 * QUOTE - trade.quote_amount);

    let w = whale.pubkey();
    let watched = [keys.pool, keys.base_vault, keys.quote_vault, keys.base_ata(&w), keys.quote_ata(&w)];
    env.expect_failure(&[ix::buy_exact_in(ix::swap_accounts(&w, &keys), QUOTE, 1)], &[&whale], bc_err(E::CurveComplete), &watched).await;
    env.expect_failure(&[ix::buy_exact_out(ix::swap_accounts(&w, &keys), TOKEN, QUOTE)], &[&whale], bc_err(E::CurveComplete), &watched).await;
    env.expect_failure(&[ix::sell_exact_in(ix::swap_accounts(&w, &keys), TOKEN, 1)], &[&whale], bc_err(E::CurveComplete), &watched).await;
}

#[tokio::test]
async fn exact_out_buy_past_the_threshold_is_filled_up_to_it() {
    let Setup { mut env, protocol, keys, .. } = setup().await;
    let buyer = env.trader(&protocol, &keys, 500 * QUOTE).await;
    let (m, fee) = market(&mut env, &keys).await;
    // The whole curve supply costs just over the threshold: the buy stops at it.
    let wanted = protocol.params.curve_supply;
    let expect = m.buy_exact_out(wanted, fee).unwrap();
    assert!(expect.base_amount < wanted);
    assert_eq!(expect.reserves_after.quote, protocol.params.graduation_threshold);
    let ev = trade_and_check(&mut env, &keys, &buyer, ix::buy_exact_out(ix::swap_accounts(&buyer.pubkey(), &keys), wanted, 500 * QUOTE), expect).await;
    assert!(ev.completed_curve);
}

/// Audit finding 2: a buyer quotes 50M tokens at 1% slippage; a front-run fills the curve
/// to just below the threshold, so the buy would be cut to a sliver of the tokens asked
/// for — within the buyer's total, at many times its price. Both buy kinds refuse it, and a
/// cut fill at the buyer's price still goes through.
#[tokio::test]
async fn a_front_run_cannot_fill_a_buy_above_the_buyers_price() {
    let Setup { mut env, protocol, keys, .. } = setup().await;
    let buyer = env.trader(&protocol, &keys, 500 * QUOTE).await;
    let b = buyer.pubkey();
    let (m, fee) = market(&mut env, &keys).await;
    let asked = 50_000_000 * TOKEN;
    let max_quote_in = {
        let q = m.buy_exact_out(asked, fee).unwrap().quote_amount;
        q + q / 100
    };
    let spend = max_quote_in;
    let min_base_out = {
        let t = m.buy_exact_in(spend, fee).unwrap().base_amount;
        t - t / 100
    };

    // The front-run: just below the threshold.
    let whale = env.trader(&protocol, &keys, 500 * QUOTE).await;
    let (m, fee) = market(&mut env, &keys).await;
    let gap = QUOTE / 2;
    let net = protocol.params.graduation_threshold - gap;
    let front = m.buy_exact_in(net + agentpad_math::fee::fee_on(net, fee).unwrap(), fee).unwrap();
    env.send(&[ix::buy_exact_in(ix::swap_accounts(&whale.pubkey(), &keys), front.quote_amount, 1)], &[&whale]).await.unwrap();
    assert_eq!(env.pool(&keys).await.quote_reserve, net);

    let (m, fee) = market(&mut env, &keys).await;
    let cut = m.buy_exact_out(asked, fee).unwrap();
    assert!(cut.base_amount < asked / 10 && cut.quote_amount <= max_quote_in, "the old total-only check would have let this through");
    let watched = [keys.pool, keys.base_vault, keys.quote_vault, keys.base_ata(&b), keys.quote_ata(&b)];
    let acc = || ix::swap_accounts(&b, &keys);
    env.expect_failure(&[ix::buy_exact_out(acc(), asked, max_quote_in)], &[&buyer], bc_err(E::SlippageExceeded), &watched).await;
    env.expect_failure(&[ix::buy_exact_in(acc(), spend, min_base_out)], &[&buyer], bc_err(E::SlippageExceeded), &watched).await;

    // A limit at the cut fill's own price per token passes, and pays pro rata.
    let limit = cut.quote_amount * (asked / cut.base_amount);
    let expect = m.buy_exact_out(asked, fee).unwrap();
    let ev = trade_and_check(&mut env, &keys, &buyer, ix::buy_exact_out(acc(), asked, limit + cut.quote_amount), expect).await;
    assert!(ev.completed_curve);
}

#[tokio::test]
async fn graduation_locks_liquidity_and_trading_resumes_as_constant_product() {
    let Setup { mut env, protocol, keys, .. } = setup().await;
    env.expect_failure(&[ix::graduate(&keys.pool)], &[], bc_err(E::ThresholdNotReached), &[keys.pool]).await;
    let (whale, _) = complete_curve(&mut env, &protocol, &keys).await;
    let before = env.pool(&keys).await;

    // Permissionless: a stranger pays for it.
    let events = env.send_with_events(&[ix::graduate(&keys.pool)], &[]).await.unwrap();
    let pool = env.pool(&keys).await;
    assert_eq!(pool.phase, phase::GRADUATED);
    assert_eq!(pool.base_reserve, before.base_reserve + protocol.params.graduated_supply);
    assert_eq!(pool.quote_reserve, before.quote_reserve);
    assert_eq!(env.token_balance(keys.base_vault).await, pool.base_reserve, "all base in the vault is now pool liquidity");
    let ev = events.iter().find_map(|e| decode_event::<PoolGraduated>(e)).expect("graduation event");
    assert_eq!((ev.quote_reserve, ev.base_reserve), (pool.quote_reserve, pool.base_reserve));
    assert_eq!(ev.price_q64, pool.market(&[]).unwrap().price_q64().unwrap());
    // The graduated pool opens within 1% of the curve's final price.
    let last_curve_price = before.market(&[]).unwrap().price_q64().unwrap();
    assert!(ev.price_q64.abs_diff(last_curve_price) * 100 <= last_curve_price);

    env.expect_failure(&[ix::graduate(&keys.pool)], &[], bc_err(E::AlreadyGraduated), &[keys.pool]).await;

    // Same instructions, now x*y=k over real reserves, same fee split.
    let w = whale.pubkey();
    let k = |m: &Market| { let (x, y) = m.pricing_reserves().unwrap(); x as u128 * y as u128 };
    let (m, fee) = market(&mut env, &keys).await;
    assert_eq!(m.phase, Phase::Graduated);
    let k0 = k(&m);
    let expect = m.sell_exact_in(50_000_000 * TOKEN, fee).unwrap();
    let ev = trade_and_check(&mut env, &keys, &whale, ix::sell_exact_in(ix::swap_accounts(&w, &keys), 50_000_000 * TOKEN, 1), expect).await;
    assert!(ev.graduated);
    let (m, fee) = market(&mut env, &keys).await;
    assert!(k(&m) >= k0);
    let expect = m.buy_exact_in(5 * QUOTE, fee).unwrap();
    trade_and_check(&mut env, &keys, &whale, ix::buy_exact_in(ix::swap_accounts(&w, &keys), 5 * QUOTE, 1), expect).await;
    let (m, fee) = market(&mut env, &keys).await;
    let expect = m.buy_exact_out(TOKEN, fee).unwrap();
    trade_and_check(&mut env, &keys, &whale, ix::buy_exact_out(ix::swap_accounts(&w, &keys), TOKEN, QUOTE), expect).await;
}

#[tokio::test]
async fn protocol_fees_are_paid_only_to_the_recipient() {
    let Setup { mut env, protocol, keys, .. } = setup().await;
    let trader = env.trader(&protocol, &keys, 50 * QUOTE).await;
    env.send(&[ix::buy_exact_in(ix::swap_accounts(&trader.pubkey(), &keys), 10 * QUOTE, 1)], &[&trader]).await.unwrap();
    let recipient_ata = env.fund_quote(&protocol, &protocol.fee_recipient.pubkey(), 0).await;
    let owed = env.pool(&keys).await.protocol_fees;
    assert!(owed > 0);

    // The trader's own account is not the recipient's.
    let watched = [keys.pool, keys.quote_vault, recipient_ata, keys.quote_ata(&trader.pubkey())];
    env.expect_failure(&[ix::claim_protocol_fees(&keys, keys.quote_ata(&trader.pubkey()))], &[], bc_err(E::WrongRecipient), &watched).await;

    let events = env.send_with_events(&[ix::claim_protocol_fees(&keys, recipient_ata)], &[]).await.unwrap();
    assert_eq!(env.token_balance(recipient_ata).await, owed);
    assert_eq!(env.pool(&keys).await.protocol_fees, 0);
    let ev = events.iter().find_map(|e| decode_event::<FeesClaimed>(e)).unwrap();
    assert_eq!((ev.bucket, ev.amount, ev.destination), (FeeBucket::Protocol, owed, recipient_ata));
    env.expect_failure(&[ix::claim_protocol_fees(&keys, recipient_ata)], &[], bc_err(E::NoFeesToClaim), &watched).await;
}

#[tokio::test]
async fn creator_fees_need_the_agent_record_as_signer() {
    let Setup { mut env, protocol, keys, creator } = setup().await;
    let trader = env.trader(&protocol, &keys, 50 * QUOTE).await;
    env.send(&[ix::buy_exact_in(ix::swap_accounts(&trader.pubkey(), &keys), 10 * QUOTE, 1)], &[&trader]).await.unwrap();
    let dest = env.fund_quote(&protocol, &creator.pubkey(), 0).await;
    // Even the creator cannot call bonding-curve directly: only the agent record signs.
    let watched = [keys.pool, keys.quote_vault, dest];
    env.expect_failure(&[ix::bc_claim_creator_fees(&creator.pubkey(), &keys, dest)], &[&creator], bc_err(E::NotCreatorFeeAuthority), &watched).await;
}

#[tokio::test]
async fn token_2022_quote_mint_with_allowed_extensions_trades() {
    let Setup { mut env, protocol, keys, .. } = setup_with(spl_token_2022::ID, &[TestExtension::MetadataPointer, TestExtension::DefaultInitialized], false).await;
    let t = env.trader(&protocol, &keys, 10 * QUOTE).await;
    let (m, fee) = market(&mut env, &keys).await;
    let expect = m.buy_exact_in(2 * QUOTE, fee).unwrap();
    trade_and_check(&mut env, &keys, &t, ix::buy_exact_in(ix::swap_accounts(&t.pubkey(), &keys), 2 * QUOTE, 1), expect).await;
    let (m, fee) = market(&mut env, &keys).await;
    let expect = m.sell_exact_in(expect.base_amount, fee).unwrap();
    trade_and_check(&mut env, &keys, &t, ix::sell_exact_in(ix::swap_accounts(&t.pubkey(), &keys), expect.base_amount, 1), expect).await;
}

/// A pool's phase byte is only ever written from `Phase`; should it ever hold anything
/// else, every instruction that reads the market refuses by name and changes nothing.
#[tokio::test]
async fn an_unknown_stored_phase_is_refused_by_name() {
    let Setup { mut env, protocol, keys, .. } = setup().await;
    let trader = env.trader(&protocol, &keys, 10 * QUOTE).await;
    let mut account = env.account(keys.pool).await.unwrap();
    let size = core::mem::size_of::<bonding_curve::state::Pool>();
    let mut pool: bonding_curve::state::Pool = *bytemuck::from_bytes(&account.data[8..8 + size]);
    pool.phase = 3;
    account.data[8..8 + size].copy_from_slice(bytemuck::bytes_of(&pool));
    env.runtime.set_account(keys.pool, account);
    let t = trader.pubkey();
    let watched = [keys.pool, keys.quote_vault, keys.base_vault, keys.quote_ata(&t), keys.base_ata(&t)];
    env.expect_failure(&[ix::buy_exact_in(ix::swap_accounts(&t, &keys), QUOTE, 1)], &[&trader], bc_err(E::InvalidPhase), &watched).await;
    env.expect_failure(&[ix::graduate(&keys.pool)], &[], bc_err(E::InvalidPhase), &watched).await;
}
