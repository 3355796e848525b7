//! revenue-share: stake pools created at launch, pro-rata rewards dripped from
//! fee-aggregator's distribution, the flash-stake bound, waiting rewards, and every
//! rejection with its named error.
#![allow(deprecated)]

use agentpad_math::reward::Accrual;
use agentpad_tests::accounts::{PoolKeys, stake as st};
use agentpad_tests::fixtures::Protocol;
use agentpad_tests::ix::{self, fees, stake};
use agentpad_tests::presets::{QUOTE, TOKEN};
use agent_factory::error::AgentFactoryError as AfE;
use agentpad_tests::{Env, af_err, anchor_err, decode_event, rs_err};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use agentpad_math::staking::StakingTerms;
use bonding_curve::state::StakingParams;
use revenue_share::error::RevenueShareError as E;
use revenue_share::event::{RewardClaimed, RewardNotified, Staked};
use revenue_share::state::{Position, StakePool};
use solana_sdk::pubkey::Pubkey;
use solana_sdk::signature::{Keypair, Signer};

const DAY: i64 = 86_400;
const DEFAULT_UNSTAKE_COOLDOWN: u32 = StakingTerms::STANDARD.default_unstake_cooldown;
const REWARD_WINDOW: u32 = StakingTerms::STANDARD.reward_window;

struct Setup {
    env: Env,
    protocol: Protocol,
    keys: PoolKeys,
    creator: Keypair,
    patron: Keypair,
}

async fn setup() -> Setup {
    let mut env = Env::start().await;
    let protocol = env.setup_protocol().await;
    let creator = env.new_user(10 * QUOTE).await;
    let keys = env.launch(&protocol, &creator).await;
    env.advance_time(120).await;
    let patron = env.new_user(QUOTE).await;
    env.fund_quote(&protocol, &patron.pubkey(), 1_000 * QUOTE).await;
    env.fund_quote(&protocol, &creator.pubkey(), 0).await;
    env.fund_quote(&protocol, &protocol.fee_recipient.pubkey(), 0).await;
    Setup { env, protocol, keys, creator, patron }
}

impl Setup {
    /// A holder who bought `quote` worth of agent tokens and has a quote ATA for rewards.
    async fn holder(&mut self, quote: u64) -> Keypair {
        let h = self.env.trader(&self.protocol, &self.keys, quote).await;
        self.env.send(&[ix::buy_exact_in(ix::swap_accounts(&h.pubkey(), &self.keys), quote, 1)], &[&h]).await.unwrap();
        h
    }

    /// Deposits `revenue` as direct revenue and distributes it; returns the holders' share
    /// notified to the stake pool.
    async fn fund(&mut self, revenue: u64) -> u64 {
        let (p, q, tp) = (self.patron.insecure_clone(), self.protocol.quote_mint, self.protocol.quote_token_program);
        let from = self.keys.quote_ata(&p.pubkey());
        self.env.send(&[fees::deposit(&p.pubkey(), from, &self.keys.base_mint, &q, &tp, revenue)], &[&p]).await.unwrap();
        let (c, r) = (self.keys.quote_ata(&self.creator.pubkey()), self.keys.quote_ata(&self.protocol.fee_recipient.pubkey()));
        let events = self.env.send_with_events(&[fees::distribute(&self.keys.base_mint, &q, &tp, c, r)], &[]).await.unwrap();
        events.iter().find_map(|e| decode_event::<RewardNotified>(e)).map(|e| e.amount).unwrap_or(0)
    }

    async fn stake(&mut self, who: &Keypair, amount: u64) {
        self.env.send(&[stake::stake(&who.pubkey(), &self.keys.base_mint, amount)], &[who]).await.unwrap();
    }

    /// Claims the quote rewards of `who`; returns the amount received.
    async fn claim(&mut self, who: &Keypair) -> u64 {
        self.try_claim(who).await.expect("claim")
    }

    /// Claims if `who` has a position.
    async fn try_claim(&mut self, who: &Keypair) -> Option<u64> {
        let w = who.pubkey();
        let group = stake::reward(&w, &self.keys.base_mint, &self.protocol.quote_mint, &self.protocol.quote_token_program);
        let before = self.env.token_balance(group.2).await;
        self.env.send(&[stake::claim(&w, &w, &self.keys.base_mint, &[group])], &[who]).await.ok()?;
        Some(self.env.token_balance(group.2).await - before)
    }

    fn pool(&self) -> Pubkey {
        st::pool(&self.keys.base_mint)
    }

    /// notified − claimed − owed − pending − undripped − dust for the quote reward, in
    /// Q64.64, over `positions` (all positions of the pool): zero when nothing is lost.
    async fn imbalance(&mut self, owners: &[Pubkey]) -> i128 {
        let pool: StakePool = self.env.zero_copy(self.pool()).await;
        let stream = pool.rewards[0].stream();
        let mut out = ((stream.total_notified as i128) << 64) - ((stream.total_claimed as i128) << 64);
        for o in owners {
            if let Some(acc) = self.env.account(st::position(&self.pool(), o)).await {
                let p: Position = agentpad_client::accounts::zero_copy(&acc.data).unwrap();
                let a: Accrual = p.accruals[0].get();
                out -= a.owed_x64 as i128 + a.pending_x64(&stream, p.staked).unwrap() as i128;
            }
        }
        out - stream.undripped_x64() as i128 - stream.dust_x64 as i128
    }
}

#[tokio::test]
async fn launch_creates_the_stake_pool() {
    let s = setup().await;
    let mut env = s.env;
    let pool: StakePool = env.zero_copy(st::pool(&s.keys.base_mint)).await;
    assert_eq!((pool.agent_mint, pool.stake_vault, pool.total_staked), (s.keys.base_mint, st::vault(&st::pool(&s.keys.base_mint)), 0));
    assert_eq!((pool.unstake_cooldown, pool.reward_window, pool.reward_count), (DEFAULT_UNSTAKE_COOLDOWN, REWARD_WINDOW, 1));
    assert_eq!(pool.rewards[0].mint, s.protocol.quote_mint);
    // The cooldown is the creator's choice within the preset's bounds.
    let creator = env.new_user(10 * QUOTE).await;
    let mint = Keypair::new();
    let launch = |cooldown, preset_id| ix::Launch {
        creator: creator.pubkey(),
        mint: mint.pubkey(),
        preset_id,
        quote_mint: s.protocol.quote_mint,
        quote_token_program: s.protocol.quote_token_program,
        name: "Short",
        symbol: "SHRT",
        uri: "https://x",
        first_buy: None,
        unstake_cooldown: cooldown,
    };
    let standard = agentpad_tests::fixtures::PRESET;
    let refused = af_err(AfE::CooldownOutOfBounds);
    env.expect_failure(&[ix::launch_agent(&launch(Some(60), standard))], &[&creator, &mint], refused.clone(), &[creator.pubkey(), mint.pubkey()]).await;
    env.expect_failure(&[ix::launch_agent(&launch(Some(31 * DAY as u32), standard))], &[&creator, &mint], refused.clone(), &[creator.pubkey()]).await;
    env.send(&[ix::launch_agent(&launch(Some(3_600), standard))], &[&creator, &mint]).await.unwrap();
    let pool: StakePool = env.zero_copy(st::pool(&mint.pubkey())).await;
    assert_eq!(pool.unstake_cooldown, 3_600);

    // A preset with terms in seconds (a localnet's): its default, minimum and window.
    let short = StakingParams { min_unstake_cooldown: 1, default_unstake_cooldown: 2, reward_window: 10 };
    let admin = env.admin.insecure_clone();
    let params = agentpad_tests::presets::standard();
    env.send(&[ix::create_preset_with(&admin.pubkey(), 42, &s.protocol.quote_mint, params, short)], &[&admin]).await.unwrap();
    let mint = Keypair::new();
    let launch = |cooldown| ix::Launch { mint: mint.pubkey(), unstake_cooldown: cooldown, preset_id: 42, ..launch(None, 42) };
    env.expect_failure(&[ix::launch_agent(&launch(Some(0)))], &[&creator, &mint], refused, &[creator.pubkey(), mint.pubkey()]).await;
    env.send(&[ix::launch_agent(&launch(None))], &[&creator, &mint]).await.unwrap();
    let pool: StakePool = env.zero_copy(st::pool(&mint.pubkey())).await;
    assert_eq!((pool.unstake_cooldown, pool.reward_window), (2, 10));
}

#[tokio::test]
async fn stakers_share_exactly_by_stake() {
    let mut s = setup().await;
    let (a, b) = (s.holder(5 * QUOTE).await, s.holder(5 * QUOTE).await);
    s.stake(&a, TOKEN).await;
    let events = s.env.send_with_events(&[stake::stake(&b.pubkey(), &s.keys.base_mint, 3 * TOKEN)], &[&b]).await.unwrap();
    let ev = events.iter().find_map(|e| decode_event::<Staked>(e)).unwrap();
    assert_eq!((ev.amount, ev.position_staked, ev.total_staked), (3 * TOKEN, 3 * TOKEN, 4 * TOKEN));

    let notified = s.fund(10 * QUOTE + 7).await;
    assert_eq!(notified, 10 * QUOTE + 7 - (2 * QUOTE + 1) - QUOTE, "70% of 10.000000007 (creator 20% and protocol 10% round down)");
    s.env.advance_time(REWARD_WINDOW as i64 + 10).await;
    let (got_a, got_b) = (s.claim(&a).await, s.claim(&b).await);
    // B holds 3x A's stake for the whole window: 3x the reward, to the unit (A and B each
    // lose less than one unit to rounding).
    assert!(got_b >= 3 * got_a && got_b <= 3 * got_a + 3, "a {got_a} b {got_b}");
    assert!(got_a + got_b <= notified);
    assert!(notified - (got_a + got_b) <= 2, "at most a unit of dust each: {}", notified - got_a - got_b);
    assert_eq!(s.imbalance(&[a.pubkey(), b.pubkey()]).await, 0, "notified - claimed - accruing == tracked dust, exactly");
    println!("notified {notified}: A {got_a}, B {got_b}, dust {}", notified - got_a - got_b);
}

#[tokio::test]
async fn a_flash_stake_earns_only_its_time_weighted_share() {
    let mut s = setup().await;
    let loyal = s.holder(2 * QUOTE).await;
    let attacker = s.holder(40 * QUOTE).await;
    let loyal_stake = 10_000 * TOKEN;
    s.stake(&loyal, loyal_stake).await;
    s.env.advance_time(5 * DAY).await;

    // The attacker stakes its whole bag right before the notify and asks out right after.
    let bag = s.env.token_balance(s.keys.base_ata(&attacker.pubkey())).await;
    s.stake(&attacker, bag).await;
    let notified = s.fund(100 * QUOTE).await;
    let staked_for: i64 = 1;
    s.env.advance_time(staked_for).await;
    s.env.send(&[stake::request_unstake(&attacker.pubkey(), &attacker.pubkey(), &s.keys.base_mint, bag)], &[&attacker]).await.unwrap();
    s.env.advance_time(DEFAULT_UNSTAKE_COOLDOWN as i64).await;
    s.env.send(&[stake::withdraw(&attacker.pubkey(), &s.keys.base_mint)], &[&attacker]).await.unwrap();
    let got = s.claim(&attacker).await;

    // Bound: its stake share times the fraction of the window it was staked, plus one unit.
    let bound = (notified as u128 * staked_for as u128 * bag as u128) / (REWARD_WINDOW as u128 * (bag + loyal_stake) as u128) + 1;
    println!("flash stake of {bag} against {loyal_stake}: got {got} of {notified}, bound {bound}");
    assert!((got as u128) <= bound, "got {got} > bound {bound}");
    assert_eq!(s.env.token_balance(s.keys.base_ata(&attacker.pubkey())).await, bag, "stake returned after the cooldown");
    // The loyal staker takes the rest over the window.
    s.env.advance_time(REWARD_WINDOW as i64).await;
    let loyal_got = s.claim(&loyal).await;
    assert!(loyal_got + got <= notified && notified - loyal_got - got <= 2);
}

#[tokio::test]
async fn rewards_wait_for_the_first_staker() {
    let mut s = setup().await;
    let notified = s.fund(30 * QUOTE).await;
    s.env.advance_time(3 * DAY).await; // nobody staked: the drip waits
    let first = s.holder(QUOTE).await;
    s.stake(&first, TOKEN).await;
    s.env.advance_time(REWARD_WINDOW as i64).await;
    let got = s.claim(&first).await;
    assert!(got <= notified && notified - got <= 1, "got {got} of {notified}");
}

#[tokio::test]
async fn a_second_notify_rolls_the_remainder_into_a_new_window() {
    let mut s = setup().await;
    let h = s.holder(QUOTE).await;
    s.stake(&h, TOKEN).await;
    let first = s.fund(7 * QUOTE).await;
    s.env.advance_time(REWARD_WINDOW as i64 / 2).await;
    let second = s.fund(7 * QUOTE).await;
    let pool: StakePool = s.env.zero_copy(s.pool()).await;
    let stream = pool.rewards[0].stream();
    // Half of the first is left; it and the second drip over a fresh window.
    let expected_rate = (((first as u128) << 64) / 2 + ((second as u128) << 64)) / REWARD_WINDOW as u128;
    assert!(stream.rate_x64.abs_diff(expected_rate) < 1u128 << 64);
    assert_eq!(stream.period_finish, s.env.clock().await.unix_timestamp + REWARD_WINDOW as i64);
    s.env.advance_time(REWARD_WINDOW as i64).await;
    let got = s.claim(&h).await;
    assert!(got <= first + second && first + second - got <= 1);
}

#[tokio::test]
async fn rejections_have_named_errors_and_touch_nothing() {
    let mut s = setup().await;
    let (a, b) = (s.holder(2 * QUOTE).await, s.holder(2 * QUOTE).await);
    s.stake(&a, 10 * TOKEN).await;
    s.fund(QUOTE).await;
    let m = s.keys.base_mint;
    let (q, tp) = (s.protocol.quote_mint, s.protocol.quote_token_program);
    let pool = s.pool();
    let pos_a = st::position(&pool, &a.pubkey());
    let quote_reward_vault = st::reward_vault(&pool, &q);
    let watched = [pool, pos_a, st::vault(&pool), quote_reward_vault, s.keys.quote_ata(&a.pubkey()), s.keys.quote_ata(&b.pubkey())];
    let env = &mut s.env;

    // Someone else's position.
    let group_b = stake::reward(&b.pubkey(), &m, &q, &tp);
    env.expect_failure(&[stake::claim(&b.pubkey(), &a.pubkey(), &m, &[group_b])], &[&b], rs_err(E::NotPositionOwner), &watched).await;
    env.expect_failure(&[stake::request_unstake(&b.pubkey(), &a.pubkey(), &m, TOKEN)], &[&b], rs_err(E::NotPositionOwner), &watched).await;
    // More than staked, zero amounts, too early, nothing waiting.
    env.expect_failure(&[stake::request_unstake(&a.pubkey(), &a.pubkey(), &m, 11 * TOKEN)], &[&a], rs_err(E::InsufficientStake), &watched).await;
    env.expect_failure(&[stake::request_unstake(&a.pubkey(), &a.pubkey(), &m, 0)], &[&a], rs_err(E::ZeroAmount), &watched).await;
    env.expect_failure(&[stake::stake(&a.pubkey(), &m, 0)], &[&a], rs_err(E::ZeroAmount), &watched).await;
    env.expect_failure(&[stake::withdraw(&a.pubkey(), &m)], &[&a], rs_err(E::NothingToWithdraw), &watched).await;
    env.send(&[stake::request_unstake(&a.pubkey(), &a.pubkey(), &m, TOKEN)], &[&a]).await.unwrap();
    let watched = [pool, pos_a, st::vault(&pool), quote_reward_vault, s.keys.quote_ata(&a.pubkey()), s.keys.quote_ata(&b.pubkey())];
    env.advance_time(DEFAULT_UNSTAKE_COOLDOWN as i64 - 10).await;
    env.expect_failure(&[stake::withdraw(&a.pubkey(), &m)], &[&a], rs_err(E::CooldownNotElapsed), &watched).await;
    // Closing a position that still holds stake.
    env.expect_failure(&[stake::close_position(&a.pubkey(), &m)], &[&a], rs_err(E::PositionNotEmpty), &watched).await;

    // notify_reward from anyone but the aggregator's vault PDA, even with its own tokens.
    let b_quote = s.keys.quote_ata(&b.pubkey());
    env.expect_failure(&[stake::notify_reward(&b.pubkey(), b_quote, &m, &q, &tp, 1)], &[&b], rs_err(E::NotAggregator), &watched).await;

    // Claims: wrong vault, unknown mint, malformed groups.
    let mut wrong_vault = stake::reward(&a.pubkey(), &m, &q, &tp);
    wrong_vault.1 = st::vault(&pool);
    env.expect_failure(&[stake::claim(&a.pubkey(), &a.pubkey(), &m, &[wrong_vault])], &[&a], rs_err(E::VaultMismatch), &watched).await;
    let other_program = if tp == anchor_spl::token::ID { anchor_spl::token_2022::ID } else { anchor_spl::token::ID };
    let mut wrong_program = stake::reward(&a.pubkey(), &m, &q, &tp);
    wrong_program.3 = other_program;
    env.expect_failure(&[stake::claim(&a.pubkey(), &a.pubkey(), &m, &[wrong_program])], &[&a], rs_err(E::InvalidTokenProgram), &watched).await;
    // Staking into, or withdrawing from, any account but the pool's stake vault.
    let mut stake_elsewhere = stake::stake(&a.pubkey(), &m, TOKEN);
    stake_elsewhere.accounts[4].pubkey = quote_reward_vault;
    env.expect_failure(&[stake_elsewhere], &[&a], rs_err(E::StakeVaultMismatch), &watched).await;
    let mut withdraw_elsewhere = stake::withdraw(&a.pubkey(), &m);
    withdraw_elsewhere.accounts[4].pubkey = quote_reward_vault;
    env.expect_failure(&[withdraw_elsewhere], &[&a], rs_err(E::StakeVaultMismatch), &watched).await;
    let stranger_mint = Keypair::new().pubkey();
    let unknown = stake::reward(&a.pubkey(), &m, &stranger_mint, &tp);
    env.expect_failure(&[stake::claim(&a.pubkey(), &a.pubkey(), &m, &[unknown])], &[&a], rs_err(E::UnknownRewardMint), &watched).await;
    let mut malformed = stake::claim(&a.pubkey(), &a.pubkey(), &m, &[stake::reward(&a.pubkey(), &m, &q, &tp)]);
    malformed.accounts.pop();
    env.expect_failure(&[malformed], &[&a], rs_err(E::MalformedClaimAccounts), &watched).await;
    env.expect_failure(&[stake::claim(&a.pubkey(), &a.pubkey(), &m, &[])], &[&a], rs_err(E::MalformedClaimAccounts), &watched).await;

    // A position of this pool presented with another agent's pool.
    let other = env.launch(&s.protocol, &s.creator).await.base_mint;
    let mut foreign_claim = stake::claim(&a.pubkey(), &a.pubkey(), &other, &[stake::reward(&a.pubkey(), &other, &q, &tp)]);
    foreign_claim.accounts[2].pubkey = pos_a;
    env.expect_failure(&[foreign_claim], &[&a], rs_err(E::PositionPoolMismatch), &watched).await;
    let mut foreign_unstake = stake::request_unstake(&a.pubkey(), &a.pubkey(), &other, TOKEN);
    foreign_unstake.accounts[2].pubkey = pos_a;
    env.expect_failure(&[foreign_unstake], &[&a], rs_err(E::PositionPoolMismatch), &watched).await;
    // This pool with another agent's mint.
    let mut foreign_stake = stake::stake(&a.pubkey(), &m, TOKEN);
    foreign_stake.accounts[5].pubkey = other;
    env.expect_failure(&[foreign_stake], &[&a], rs_err(E::AgentMintMismatch), &watched).await;
    let mut foreign_withdraw = stake::withdraw(&a.pubkey(), &m);
    foreign_withdraw.accounts[5].pubkey = other;
    env.expect_failure(&[foreign_withdraw], &[&a], rs_err(E::AgentMintMismatch), &watched).await;

    // stake finds an existing position by the keys it stored (no PDA derivation), so a
    // position is refused by name when it is someone else's or another pool's, and a new
    // one only at its PDA.
    let pos_b = st::position(&pool, &b.pubkey());
    let watched_b = [pool, pos_a, pos_b, st::vault(&pool), s.keys.base_ata(&b.pubkey())];
    let into_a = ix::with_account(stake::stake(&b.pubkey(), &m, TOKEN), pos_b, pos_a);
    env.expect_failure(&[into_a], &[&b], rs_err(E::NotPositionOwner), &watched_b).await;
    let other_pool = st::pool(&other);
    let from_elsewhere = ix::with_account(stake::stake(&a.pubkey(), &other, TOKEN), st::position(&other_pool, &a.pubkey()), pos_a);
    env.expect_failure(&[from_elsewhere], &[&a], rs_err(E::PositionPoolMismatch), &watched).await;
    let not_the_pda = ix::with_account(stake::stake(&b.pubkey(), &m, TOKEN), pos_b, Keypair::new().pubkey());
    env.expect_failure(&[not_the_pda], &[&b], anchor_err(anchor_lang::error::ErrorCode::ConstraintSeeds), &watched_b).await;
    // Another program account of this program's (the pool itself) as the position.
    let pool_as_position = ix::with_account(stake::stake(&a.pubkey(), &m, TOKEN), pos_a, pool);
    env.expect_failure(&[pool_as_position], &[&a], anchor_err(anchor_lang::error::ErrorCode::AccountDiscriminatorMismatch), &watched).await;

    // Reward mints: creator only, no duplicates, at most four.
    let payer = env.payer().pubkey();
    let c = s.creator.insecure_clone();
    let mut mints = vec![];
    for _ in 0..4 {
        mints.push(env.create_mint(&payer, 6, &tp, &[]).await);
    }
    env.expect_failure(&[stake::add_reward_mint(&b.pubkey(), &m, &mints[0], &tp)], &[&b], rs_err(E::NotCreator), &[pool]).await;
    // The quote mint again: its reward vault exists, so the runtime refuses the `init`.
    let before = env.snapshot(&[pool]).await;
    assert!(env.send(&[stake::add_reward_mint(&c.pubkey(), &m, &q, &tp)], &[&c]).await.is_err());
    assert_eq!(env.snapshot(&[pool]).await, before);
    for mint in &mints[..3] {
        env.send(&[stake::add_reward_mint(&c.pubkey(), &m, mint, &tp)], &[&c]).await.unwrap();
    }
    env.expect_failure(&[stake::add_reward_mint(&c.pubkey(), &m, &mints[3], &tp)], &[&c], rs_err(E::TooManyRewardMints), &[pool]).await;
}

#[tokio::test]
async fn claim_all_pays_every_reward_mint_and_closing_returns_rent() {
    let mut s = setup().await;
    let h = s.holder(2 * QUOTE).await;
    s.stake(&h, 5 * TOKEN).await;
    s.fund(3 * QUOTE).await;
    // A second reward mint, funded through the aggregator (a vault for it, a deposit, distribute).
    let (c, tp, m) = (s.creator.insecure_clone(), s.protocol.quote_token_program, s.keys.base_mint);
    let payer = s.env.payer().pubkey();
    let auth = Keypair::new();
    let second = s.env.create_mint(&auth.pubkey(), 6, &tp, &[]).await;
    s.env.send(&[fees::create_vault(&payer, &m, &second, &tp), stake::add_reward_mint(&c.pubkey(), &m, &second, &tp)], &[&c]).await.unwrap();
    let p = s.patron.insecure_clone();
    let patron_second = agentpad_tests::accounts::ata(&p.pubkey(), &second, &tp);
    let (cr, pr) = (agentpad_tests::accounts::ata(&c.pubkey(), &second, &tp), agentpad_tests::accounts::ata(&s.protocol.fee_recipient.pubkey(), &second, &tp));
    s.env.send(
        &[
            ix::create_ata(&payer, &p.pubkey(), &second, &tp),
            ix::create_ata(&payer, &c.pubkey(), &second, &tp),
            ix::create_ata(&payer, &s.protocol.fee_recipient.pubkey(), &second, &tp),
            ix::create_ata(&payer, &h.pubkey(), &second, &tp),
            ix::mint_to(&tp, &second, &patron_second, &auth.pubkey(), 1_000_000),
        ],
        &[&auth],
    )
    .await
    .unwrap();
    s.env.send(&[fees::deposit(&p.pubkey(), patron_second, &m, &second, &tp, 1_000_000), fees::distribute(&m, &second, &tp, cr, pr)], &[&p]).await.unwrap();
    s.env.advance_time(REWARD_WINDOW as i64).await;

    let groups = [stake::reward(&h.pubkey(), &m, &s.protocol.quote_mint, &tp), stake::reward(&h.pubkey(), &m, &second, &tp)];
    let events = s.env.send_with_events(&[stake::claim(&h.pubkey(), &h.pubkey(), &m, &groups)], &[&h]).await.unwrap();
    let claims: Vec<RewardClaimed> = events.iter().filter_map(|e| decode_event::<RewardClaimed>(e)).collect();
    assert_eq!(claims.len(), 2);
    assert!(claims[0].amount > 0 && claims[1].amount >= 700_000 - 1);
    assert_eq!(s.env.token_balance(groups[1].2).await, claims[1].amount);

    // Out, withdraw, close: rent comes back and the position is gone.
    s.env.send(&[stake::request_unstake(&h.pubkey(), &h.pubkey(), &m, 5 * TOKEN)], &[&h]).await.unwrap();
    s.env.advance_time(DEFAULT_UNSTAKE_COOLDOWN as i64).await;
    s.env.send(&[stake::withdraw(&h.pubkey(), &m)], &[&h]).await.unwrap();
    let position = st::position(&s.pool(), &h.pubkey());
    let rent = s.env.lamports(position).await;
    let before = s.env.lamports(h.pubkey()).await;
    s.env.send(&[stake::close_position(&h.pubkey(), &m)], &[&h]).await.unwrap();
    assert!(s.env.account(position).await.is_none());
    assert_eq!(s.env.lamports(h.pubkey()).await, before + rent);
}

#[tokio::test]
async fn randomized_run_through_the_programs_loses_nothing_beyond_tracked_dust() {
    let mut rng = ChaCha8Rng::seed_from_u64(0x5EA_5EED);
    let mut s = setup().await;
    let mut holders = vec![];
    for _ in 0..3 {
        holders.push(s.holder(3 * QUOTE).await);
    }
    let owners: Vec<Pubkey> = holders.iter().map(|h| h.pubkey()).collect();
    let mut claimed_total = 0u64;
    let mut steps = 0;
    for _ in 0..80 {
        let i = rng.gen_range(0..holders.len());
        let h = holders[i].insecure_clone();
        let m = s.keys.base_mint;
        let ok = match rng.gen_range(0..7) {
            0 | 1 => {
                let bal = s.env.token_balance(s.keys.base_ata(&h.pubkey())).await;
                bal > 0 && s.env.send(&[stake::stake(&h.pubkey(), &m, rng.gen_range(1..=bal))], &[&h]).await.is_ok()
            }
            2 => s.env.send(&[stake::request_unstake(&h.pubkey(), &h.pubkey(), &m, rng.gen_range(1..=50 * TOKEN))], &[&h]).await.is_ok(),
            3 => s.env.send(&[stake::withdraw(&h.pubkey(), &m)], &[&h]).await.is_ok(),
            4 => match s.try_claim(&h).await {
                Some(got) => {
                    claimed_total += got;
                    true
                }
                None => false, // no position yet
            },
            5 => s.fund(rng.gen_range(1..=5 * QUOTE)).await > 0,
            _ => {
                s.env.advance_time(rng.gen_range(1..=3 * DAY)).await;
                true
            }
        };
        steps += ok as usize;
        assert_eq!(s.imbalance(&owners).await, 0, "rewards created or lost");
    }
    let pool: StakePool = s.env.zero_copy(s.pool()).await;
    let stream = pool.rewards[0].stream();
    assert_eq!(stream.total_claimed, claimed_total);
    assert_eq!(s.env.token_balance(st::reward_vault(&s.pool(), &s.protocol.quote_mint)).await, stream.total_notified - stream.total_claimed);
    println!("{steps} of 80 steps executed; notified {}, claimed {}, dust {} units", stream.total_notified, claimed_total, stream.dust_x64 >> 64);
}

/// Only agent-factory's launcher PDA may create a stake pool (at launch); anyone else
/// signing as "launcher" is refused by name and no pool appears.
#[tokio::test]
async fn stake_pools_are_created_only_by_the_factory_launcher() {
    let mut env = Env::start().await;
    let protocol = env.setup_protocol().await;
    let attacker = env.new_user(10 * QUOTE).await;
    let a = attacker.pubkey();
    let agent_mint = env.create_mint(&a, 6, &anchor_spl::token_2022::ID, &[]).await;
    let pool = st::pool(&agent_mint);
    let create = anchor_lang::solana_program::instruction::Instruction {
        program_id: revenue_share::ID,
        accounts: anchor_lang::ToAccountMetas::to_account_metas(
            &revenue_share::accounts::CreateStakePool {
                payer: a,
                launcher: a,
                agent_mint,
                stake_pool: pool,
                stake_vault: st::vault(&pool),
                reward_mint: protocol.quote_mint,
                reward_vault: st::reward_vault(&pool, &protocol.quote_mint),
                agent_token_program: anchor_spl::token_2022::ID,
                reward_token_program: protocol.quote_token_program,
                system_program: anchor_lang::system_program::ID,
                event_authority: agentpad_tests::accounts::event_authority(&revenue_share::ID),
                program: revenue_share::ID,
            },
            None,
        ),
        data: anchor_lang::InstructionData::data(&revenue_share::instruction::CreateStakePool {
            unstake_cooldown: StakingTerms::STANDARD.default_unstake_cooldown,
            reward_window: StakingTerms::STANDARD.reward_window,
        }),
    };
    env.expect_failure(&[create], &[&attacker], rs_err(E::NotLauncher), &[pool, st::vault(&pool)]).await;
}
