//! The Jupiter adapter (`agentpad-jupiter`) against the programs: every quote it gives is
//! executed through the instruction built from its own account metas, with the quote as the
//! exact limit, and must be the program's trade to the unit — amounts, fee, balances — on
//! random pools (one and sixteen segments, an SPL Token or Token-2022 quote mint, a bridged
//! agent's seeded pool) and amounts, through every phase: curve, complete (not offered),
//! graduated. Every refusal is checked against the program too: it
//! refuses or cuts that trade (or, during the anti-sniper window, would cut it once the fee
//! falls). Near the threshold a quote is offered exactly when the program fills it whole.
//!
//! Run on the sBPF .so files in LiteSVM with `AGENTPAD_RUNTIME=sbf` (the README's test
//! command runs both runtimes); `--nocapture` prints the tally of comparisons.

use std::collections::BTreeMap;

use agentpad_jupiter::jupiter_amm_interface::{AccountMap, Amm, AmmContext, ClockRef, KeyedAccount, Quote, QuoteParams, SwapMode, SwapParams};
use agentpad_jupiter::{AgentpadAmm, Direction};
use agentpad_math::pool::Phase;
use agentpad_tests::accounts::PoolKeys;
use agentpad_tests::ix;
use agentpad_tests::presets::{self, QUOTE, TOKEN};
use agentpad_tests::{Env, TxError, bc_err, decode_event};
use bonding_curve::error::BondingCurveError as E;
use bonding_curve::event::TradeExecuted;
use bonding_curve::state::StakingParams;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use solana_sdk::instruction::Instruction;
use solana_sdk::pubkey::Pubkey;
use solana_sdk::signature::{Keypair, Signer};

const SEGMENTED: u16 = 16;
/// Stands in for Jupiter's program id in `SwapParams` (the adapter never uses it).
const JUPITER: Pubkey = Pubkey::new_from_array([7; 32]);

/// What the comparisons found: quotes executed and equal, refusals by reason.
#[derive(Default)]
struct Tally {
    compared: u32,
    /// Quoted in the anti-sniper window, landed after it: still whole, at least as quoted.
    landed_later: u32,
    refused: BTreeMap<&'static str, u32>,
}

impl Tally {
    fn refuse(&mut self, why: &'static str) {
        *self.refused.entry(why).or_default() += 1;
    }

    fn print(&self, name: &str) {
        println!(
            "{name}: {} quotes executed, each equal to the program's trade; {} quoted in the anti-sniper window landed whole after it; refusals: {:?}",
            self.compared, self.landed_later, self.refused
        );
    }
}

/// One pool, its adapter (refreshed from the chain before every quote, as an aggregator
/// does) and a trader with both token accounts.
struct Venue {
    env: Env,
    keys: PoolKeys,
    amm: AgentpadAmm,
    clock: ClockRef,
    trader: Keypair,
    tally: Tally,
}

/// `segments`: 1 is the standard preset, more a segmented one; the quote mint is under
/// SPL Token.
async fn venue(segments: usize) -> Venue {
    venue_on(segments, anchor_spl::token::ID).await
}

async fn venue_on(segments: usize, quote_token_program: Pubkey) -> Venue {
    let mut env = Env::start().await;
    let protocol = env.setup_protocol_with(quote_token_program, &[]).await;
    let preset = if segments == 1 {
        agentpad_tests::fixtures::PRESET
    } else {
        let admin = env.admin.insecure_clone();
        let (params, specs) = presets::segmented(segments);
        let create = ix::create_segmented_preset(&admin.pubkey(), SEGMENTED, &protocol.quote_mint, params, StakingParams::STANDARD, specs);
        env.send(&[create], &[&admin]).await.unwrap();
        SEGMENTED
    };
    let creator = env.new_user(10 * QUOTE).await;
    let mint = env.keypair();
    let keys = env.try_launch_on(&protocol, preset, &creator, &mint, None).await.unwrap();
    let trader = env.trader(&protocol, &keys, 100_000 * QUOTE).await;
    Venue::open(env, keys, trader).await
}

/// A Base agent's pool on Solana: registered by the admin (no link needed), its tokens
/// bridged in through the OFT, opened by its creator over seeded reserves — a
/// constant-product pool from its first second (and its anti-sniper window).
async fn bridged_venue() -> Venue {
    use agent_factory::instructions::BridgedOrigin;
    use agentpad_client::instructions::agent_factory::{RegisterBridged, admin_register_bridged_agent, open_bridged_pool};
    let mut env = Env::start().await;
    let protocol = env.setup_protocol().await;
    let (virtual_oft, agent) = (env.bridged_token(9).await, env.bridged_agent_token(&[]).await);
    let creator = env.new_user(10 * QUOTE).await;
    let register = RegisterBridged {
        creator: creator.pubkey(),
        mint: agent.mint,
        preset_id: agentpad_tests::fixtures::PRESET,
        reward_mint: virtual_oft.mint,
        reward_token_program: virtual_oft.token_program,
        unstake_cooldown: None,
    };
    let origin = BridgedOrigin { creator: creator.pubkey(), oft_store: agent.store, origin_eid: 30184, origin_token: [0x77; 32] };
    let admin = env.admin.insecure_clone();
    env.send(&[admin_register_bridged_agent(&admin.pubkey(), &register, origin)], &[&admin]).await.unwrap();
    let keys = PoolKeys::for_mint(agent.mint, protocol.quote_mint, protocol.quote_token_program);
    let trader = env.trader(&protocol, &keys, 100_000 * QUOTE).await;
    env.fund_quote(&protocol, &creator.pubkey(), 50 * QUOTE).await;
    for (nonce, owner, amount) in [(1, creator.pubkey(), 200_000_000 * TOKEN), (2, trader.pubkey(), 5_000_000 * TOKEN)] {
        let packet = agentpad_tests::fixtures::Packet::new(30184, [0xA6; 32], nonce, &oft_mock::encode_oft_message(&owner, amount, None));
        env.oft_receive(&agent, &packet, &owner).await.unwrap();
    }
    env.send(&[open_bridged_pool(&creator.pubkey(), &keys, agentpad_tests::fixtures::PRESET, 200_000_000 * TOKEN, 50 * QUOTE)], &[&creator]).await.unwrap();
    Venue::open(env, keys, trader).await
}

fn mints(keys: &PoolKeys, direction: Direction) -> (Pubkey, Pubkey) {
    match direction {
        Direction::Buy => (keys.quote_mint, keys.base_mint),
        Direction::Sell => (keys.base_mint, keys.quote_mint),
    }
}

impl Venue {
    /// The adapter made from the pool account, as the aggregator's market cache does.
    async fn open(mut env: Env, keys: PoolKeys, trader: Keypair) -> Venue {
        let clock = ClockRef::from(env.clock().await);
        let keyed = KeyedAccount { key: keys.pool, account: env.account(keys.pool).await.unwrap(), params: None };
        let amm = AgentpadAmm::from_keyed_account(&keyed, &AmmContext { clock_ref: clock.clone() }).unwrap();
        Venue { env, keys, amm, clock, trader, tally: Tally::default() }
    }

    /// The aggregator's refresh: the accounts the adapter asks for, and the clock.
    async fn refresh(&mut self) {
        let mut map = AccountMap::default();
        for address in self.amm.get_accounts_to_update() {
            map.insert(address, self.env.account(address).await.unwrap());
        }
        self.amm.update(&map).unwrap();
        self.clock.update(self.env.clock().await);
    }

    fn quote_params(&self, direction: Direction, mode: SwapMode, amount: u64) -> QuoteParams {
        let (input_mint, output_mint) = mints(&self.keys, direction);
        QuoteParams { amount, input_mint, output_mint, swap_mode: mode, fee_mode: Default::default() }
    }

    fn quote(&self, direction: Direction, mode: SwapMode, amount: u64) -> anyhow::Result<Quote> {
        self.amm.quote(&self.quote_params(direction, mode, amount))
    }

    /// The trader's (quote, base) token accounts.
    fn accounts(&self) -> (Pubkey, Pubkey) {
        let t = self.trader.pubkey();
        (self.keys.quote_ata(&t), self.keys.base_ata(&t))
    }

    /// The swap the router would build for `quote` — from the adapter's account metas and
    /// the program's instruction data — with the quote as its exact limit.
    fn swap(&self, direction: Direction, mode: SwapMode, quote: &Quote, destination: Option<Pubkey>) -> Instruction {
        let params = self.swap_params(direction, mode, quote, destination);
        let metas = self.amm.get_swap_and_account_metas(&params).unwrap().account_metas;
        assert_eq!(metas.len(), self.amm.get_accounts_len());
        assert_eq!((metas[0].pubkey, metas[0].is_writable, metas[0].is_signer), (bonding_curve::ID, false, false));
        let built = self.amm.swap_instruction(&params).unwrap();
        assert_eq!(built.accounts, metas[1..], "the instruction's accounts are the metas after the program id");
        Instruction { program_id: metas[0].pubkey, accounts: metas[1..].to_vec(), data: built.data }
    }

    /// What the router passes for `quote`: the trader's token accounts (or `destination`
    /// for the output), the trader as the transfer authority.
    fn swap_params(&self, direction: Direction, mode: SwapMode, quote: &Quote, destination: Option<Pubkey>) -> SwapParams<'static, 'static> {
        let (input_mint, output_mint) = mints(&self.keys, direction);
        let (quote_account, base_account) = self.accounts();
        let (source, own_destination) = match direction {
            Direction::Buy => (quote_account, base_account),
            Direction::Sell => (base_account, quote_account),
        };
        SwapParams {
            swap_mode: mode,
            in_amount: quote.in_amount,
            out_amount: quote.out_amount,
            source_mint: input_mint,
            destination_mint: output_mint,
            source_token_account: source,
            destination_token_account: destination.unwrap_or(own_destination),
            token_transfer_authority: self.trader.pubkey(),
            user: self.trader.pubkey(),
            payer: self.trader.pubkey(),
            quote_mint_to_referrer: None,
            jupiter_program_id: &JUPITER,
            missing_dynamic_accounts_as_default: false,
        }
    }

    /// Executes `quote` through the adapter's swap and checks it is the program's trade:
    /// the event, both token accounts and the pool's fee buckets, to the unit.
    async fn execute(&mut self, direction: Direction, mode: SwapMode, quote: &Quote) {
        let swap = self.swap(direction, mode, quote, None);
        let (quote_account, base_account) = self.accounts();
        let before = (self.env.token_balance(quote_account).await, self.env.token_balance(base_account).await, self.env.pool(&self.keys).await);
        let trader = self.trader.insecure_clone();
        let events = self.env.send_with_events(&[swap], &[&trader]).await.unwrap_or_else(|e| panic!("quoted {quote:?} but the program refused: {e:?}"));
        let event = events.iter().find_map(|e| decode_event::<TradeExecuted>(e)).expect("a TradeExecuted event");
        let after = (self.env.token_balance(quote_account).await, self.env.token_balance(base_account).await, self.env.pool(&self.keys).await);
        let (paid, received) = match direction {
            Direction::Buy => (before.0 - after.0, after.1 - before.1),
            Direction::Sell => (before.1 - after.1, after.0 - before.0),
        };
        assert_eq!((paid, received), (quote.in_amount, quote.out_amount), "balances moved as quoted");
        self.assert_trade_is(direction, quote, &event);
        let fees = |p: &bonding_curve::state::Pool| p.protocol_fees + p.creator_fees + p.agent_fees;
        assert_eq!(fees(&after.2) - fees(&before.2), quote.fee_amount, "the fee quoted is the fee booked");
        self.tally.compared += 1;
    }

    /// The trade the program executes for `amount` with no limit (simulated, nothing
    /// committed), or None when it refuses.
    async fn program_fill(&mut self, direction: Direction, mode: SwapMode, amount: u64) -> Result<TradeExecuted, TxError> {
        let accounts = ix::swap_accounts(&self.trader.pubkey(), &self.keys);
        let unlimited = match (direction, mode) {
            (Direction::Buy, SwapMode::ExactIn) => ix::buy_exact_in(accounts, amount, 0),
            (Direction::Buy, SwapMode::ExactOut) => ix::buy_exact_out(accounts, amount, u64::MAX),
            (Direction::Sell, SwapMode::ExactIn) => ix::sell_exact_in(accounts, amount, 0),
            (Direction::Sell, SwapMode::ExactOut) => return Err(TxError::Other("no exact-out sell".into())),
        };
        self.simulate_trade(unlimited).await
    }

    /// The trade `instruction` executes, simulated (nothing committed).
    async fn simulate_trade(&mut self, instruction: Instruction) -> Result<TradeExecuted, TxError> {
        let trader = self.trader.insecure_clone();
        let sim = self.env.simulation(&[instruction], &[&trader]).await;
        sim.result.map_err(TxError::from)?;
        let event = sim.inner_data.iter().find_map(|d| d.strip_prefix(anchor_lang::event::EVENT_IX_TAG_LE).and_then(decode_event::<TradeExecuted>));
        Ok(event.expect("a TradeExecuted event"))
    }

    /// Whether the program fills `amount` whole (nothing cut at the threshold).
    fn whole(direction: Direction, mode: SwapMode, amount: u64, fill: &TradeExecuted) -> bool {
        match (direction, mode) {
            (Direction::Buy, SwapMode::ExactIn) => fill.quote_amount == amount,
            (Direction::Buy, SwapMode::ExactOut) => fill.base_amount == amount,
            _ => true,
        }
    }

    /// One comparison: quote; a quote is executed and must be the program's trade; a
    /// refusal must be the program's refusal or cut (or, buying in the anti-sniper window,
    /// a cut at the lowest fee). Returns whether it was quoted.
    async fn step(&mut self, direction: Direction, mode: SwapMode, amount: u64) -> bool {
        self.refresh().await;
        match self.quote(direction, mode, amount) {
            Ok(quote) => {
                self.execute(direction, mode, &quote).await;
                true
            }
            Err(e) => {
                let message = e.to_string();
                assert!(!message.contains('\n'), "one line: {message}");
                let why = match self.program_fill(direction, mode, amount).await {
                    Err(e) if e == bc_err(E::InsufficientLiquidity) => "the program refuses it too (InsufficientLiquidity)",
                    Err(e) if e == bc_err(E::ZeroOutput) => "the program refuses it too (ZeroOutput)",
                    Err(e) => panic!("refused {direction:?} {mode:?} {amount} ({message}); the program: {e:?}"),
                    Ok(fill) if !Self::whole(direction, mode, amount, &fill) => "the program would cut it at the threshold",
                    Ok(_) if direction == Direction::Buy && mode == SwapMode::ExactIn && self.cut_at_lowest_fee(amount) => {
                        "the program would cut it once the anti-sniper fee falls"
                    }
                    Ok(fill) => panic!("refused {direction:?} {mode:?} {amount} ({message}) but the program fills it whole: {} for {}", fill.base_amount, fill.quote_amount),
                };
                self.tally.refuse(why);
                false
            }
        }
    }

    fn cut_at_lowest_fee(&self, amount: u64) -> bool {
        let lowest = self.amm.pool().fee_bps_at(i64::MAX);
        self.amm.market().unwrap().buy_exact_in(amount, lowest).is_ok_and(|t| t.quote_amount < amount)
    }

    async fn trader_base(&mut self) -> u64 {
        let (_, base) = self.accounts();
        self.env.token_balance(base).await
    }

    /// `steps` random trades: buys of either mode and sells of part of the trader's
    /// tokens, amounts log-uniform; the clock moves 0-20 s between trades.
    async fn random_trades(&mut self, rng: &mut ChaCha8Rng, steps: usize, max_quote: u64, max_base: u64) {
        for _ in 0..steps {
            let seconds = rng.gen_range(0..=20);
            self.env.advance_time(seconds).await;
            let held = self.trader_base().await;
            match rng.gen_range(0..3) {
                0 => self.step(Direction::Buy, SwapMode::ExactIn, log_uniform(rng, max_quote)).await,
                1 => self.step(Direction::Buy, SwapMode::ExactOut, log_uniform(rng, max_base)).await,
                _ if held > 0 => self.step(Direction::Sell, SwapMode::ExactIn, log_uniform(rng, held)).await,
                _ => self.step(Direction::Buy, SwapMode::ExactIn, log_uniform(rng, max_quote)).await,
            };
        }
    }
}

/// A random amount between 1 and `max`, uniform in its number of digits.
fn log_uniform(rng: &mut ChaCha8Rng, max: u64) -> u64 {
    let exp = rng.gen_range(0.0..(max as f64).log10());
    (10f64.powf(exp) as u64).clamp(1, max)
}

/// Random pools and amounts through every phase: the curve (from launch, in the
/// anti-sniper window), the completed curve (inactive, every quote refused, the program
/// refuses too), and the graduated pool.
async fn every_phase(segments: usize, quote_token_program: Pubkey, seed: u64) -> Tally {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut v = venue_on(segments, quote_token_program).await;
    assert!(v.amm.is_active());
    assert_eq!(v.amm.phase(), Phase::Curve);

    // On the curve: 70 random trades, then larger buys until the curve nears its end.
    v.random_trades(&mut rng, 70, 10 * QUOTE, 50_000_000 * TOKEN).await;
    v.random_trades(&mut rng, 30, 60 * QUOTE, 400_000_000 * TOKEN).await;

    // Complete it with a buy the program cuts at the threshold (the adapter refuses it).
    v.refresh().await;
    assert!(!v.step(Direction::Buy, SwapMode::ExactIn, 1_000 * QUOTE).await, "a buy past the threshold is never quoted");
    let trader = v.trader.insecure_clone();
    let complete = ix::buy_exact_in(ix::swap_accounts(&trader.pubkey(), &v.keys), 1_000 * QUOTE, 1);
    v.env.send(&[complete], &[&trader]).await.unwrap();
    v.refresh().await;
    assert_eq!(v.amm.phase(), Phase::Complete);
    assert!(!v.amm.is_active(), "a completed curve is not offered");
    for (direction, mode, amount) in [(Direction::Buy, SwapMode::ExactIn, QUOTE), (Direction::Buy, SwapMode::ExactOut, TOKEN), (Direction::Sell, SwapMode::ExactIn, TOKEN)] {
        let e = v.quote(direction, mode, amount).unwrap_err().to_string();
        assert!(e.contains("completed its curve"), "{e}");
        assert_eq!(v.program_fill(direction, mode, amount).await.err(), Some(bc_err(E::CurveComplete)));
        v.tally.refuse("complete: the program refuses it too");
    }

    // Graduated: anyone's crank opens the constant-product pool; trading resumes.
    v.env.send(&[ix::graduate(&v.keys.pool)], &[]).await.unwrap();
    v.refresh().await;
    assert_eq!(v.amm.phase(), Phase::Graduated);
    assert!(v.amm.is_active());
    v.random_trades(&mut rng, 80, 200 * QUOTE, 200_000_000 * TOKEN).await;
    assert!(v.tally.compared >= 120, "most random trades are quoted: {}", v.tally.compared);
    v.tally
}

#[tokio::test]
async fn quotes_equal_executions_through_every_phase_of_a_one_segment_curve() {
    every_phase(1, anchor_spl::token::ID, 19).await.print("one segment");
}

#[tokio::test]
async fn quotes_equal_executions_through_every_phase_with_a_token_2022_quote_mint() {
    every_phase(1, anchor_spl::token_2022::ID, 2022).await.print("one segment, Token-2022 quote");
}

#[tokio::test]
async fn quotes_equal_executions_through_every_phase_of_a_sixteen_segment_curve() {
    every_phase(16, anchor_spl::token::ID, 1919).await.print("sixteen segments");
}

impl Venue {
    /// Simulates the adapter's swap for `quote` (its exact limit) and checks the trade is
    /// the quote: amounts and fee.
    async fn simulate_quoted(&mut self, direction: Direction, mode: SwapMode, quote: &Quote) {
        let swap = self.swap(direction, mode, quote, None);
        let fill = self.simulate_trade(swap).await.unwrap_or_else(|e| panic!("quoted {quote:?} but the program refused: {e:?}"));
        self.assert_trade_is(direction, quote, &fill);
        self.tally.compared += 1;
    }

    /// The program's trade (its event) is the quote: amounts, fee, fee rate and fee mint.
    fn assert_trade_is(&self, direction: Direction, quote: &Quote, trade: &TradeExecuted) {
        let (paid, received) = match direction {
            Direction::Buy => (trade.quote_amount, trade.base_amount),
            Direction::Sell => (trade.base_amount, trade.quote_amount),
        };
        assert_eq!((paid, received), (quote.in_amount, quote.out_amount), "the program's trade is the quote");
        assert_eq!(trade.fee, quote.fee_amount);
        assert_eq!(quote.fee_pct, rust_decimal::Decimal::new(trade.fee_bps.into(), 4));
        assert_eq!(quote.fee_mint, self.keys.quote_mint);
    }

    /// Near the threshold: a quote is offered exactly when the program fills the trade
    /// whole, except that in the anti-sniper window (`in_window`) a buy the program fills
    /// whole now but would cut at the lowest fee is refused too.
    async fn scan(&mut self, direction: Direction, mode: SwapMode, amount: u64, in_window: bool) -> Option<Quote> {
        self.refresh().await;
        let quoted = self.quote(direction, mode, amount);
        let fill = self.program_fill(direction, mode, amount).await;
        let whole = fill.as_ref().is_ok_and(|f| Self::whole(direction, mode, amount, f));
        match quoted {
            Ok(quote) => {
                assert!(whole, "quoted {amount} but the program cuts or refuses it");
                self.simulate_quoted(direction, mode, &quote).await;
                return Some(quote);
            }
            Err(_) if !whole => self.tally.refuse("the program cuts or refuses it too"),
            Err(_) if in_window && self.cut_at_lowest_fee(amount) => self.tally.refuse("the program would cut it once the anti-sniper fee falls"),
            Err(e) => panic!("refused {mode:?} {amount} ({e}) but the program fills it whole"),
        }
        None
    }

    /// Quotes given earlier in the anti-sniper window, landing now that the fee has fallen:
    /// each still fills whole, at least as well as quoted (its swap's limit is the quote).
    async fn land_later(&mut self, quotes: Vec<(SwapMode, Quote)>) {
        for (mode, quote) in quotes {
            let swap = self.swap(Direction::Buy, mode, &quote, None);
            let fill = self.simulate_trade(swap).await.unwrap_or_else(|e| panic!("{quote:?} quoted in the window is refused after it: {e:?}"));
            match mode {
                SwapMode::ExactIn => assert!(fill.quote_amount == quote.in_amount && fill.base_amount >= quote.out_amount, "{quote:?}"),
                SwapMode::ExactOut => assert!(fill.base_amount == quote.out_amount && fill.quote_amount <= quote.in_amount, "{quote:?}"),
            }
            self.tally.landed_later += 1;
        }
    }

    /// Scans buys of both modes around the first amount the program cuts.
    async fn scan_the_threshold(&mut self, in_window: bool) -> Vec<(SwapMode, Quote)> {
        self.refresh().await;
        let market = self.amm.market().unwrap();
        let (now, lowest) = (self.amm.fee_bps_now(), self.amm.pool().fee_bps_at(i64::MAX));
        let cut_from = |fee: u16| first(1, 1_000_000 * QUOTE, |g| market.buy_exact_in(g, fee).is_ok_and(|t| t.quote_amount < g));
        let mut gross = vec![];
        for fee in [now, lowest] {
            let g = cut_from(fee);
            gross.extend((g - 3..=g + 3).chain([g / 2, g - 1_000, 2 * g]));
        }
        // The largest exact-out buy filled whole: the next unit crosses the threshold.
        let first_cut = first(1, 1_000_000_000 * TOKEN, |b| market.buy_exact_out(b, now).map_or(true, |t| t.base_amount < b));
        let mut quoted = vec![];
        for g in gross {
            quoted.extend(self.scan(Direction::Buy, SwapMode::ExactIn, g, in_window).await.map(|q| (SwapMode::ExactIn, q)));
        }
        for b in (first_cut - 3..=first_cut + 3).chain([first_cut / 2, 2 * first_cut]) {
            quoted.extend(self.scan(Direction::Buy, SwapMode::ExactOut, b, in_window).await.map(|q| (SwapMode::ExactOut, q)));
        }
        quoted
    }
}

/// The smallest `x` in `lo..hi` with `cut(x)` (`cut` is monotone).
fn first(mut lo: u64, mut hi: u64, cut: impl Fn(u64) -> bool) -> u64 {
    assert!(cut(hi) && !cut(lo));
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        if cut(mid) { hi = mid } else { lo = mid }
    }
    hi
}

#[tokio::test]
async fn near_the_threshold_a_buy_is_quoted_exactly_when_the_program_fills_it_whole() {
    for segments in [1, 16] {
        let mut v = venue(segments).await;
        // At launch (anti-sniper fee 10%), the curve is bought to within 0.3 quote of its
        // threshold.
        let market = v.amm.market().unwrap();
        let near = market.params.graduation_threshold - market.reserves.quote - 3 * QUOTE / 10;
        let trader = v.trader.insecure_clone();
        let fill = ix::buy_exact_in(ix::swap_accounts(&trader.pubkey(), &v.keys), near, 1);
        v.env.send(&[fill], &[&trader]).await.unwrap();
        v.refresh().await;
        assert!(v.amm.fee_bps_now() > v.amm.pool().fee_bps_at(i64::MAX), "still in the anti-sniper window");
        let quoted_in_window = v.scan_the_threshold(true).await;
        v.env.advance_time(120).await;
        v.refresh().await;
        v.land_later(quoted_in_window).await;
        v.scan_the_threshold(false).await;

        // The largest whole fill, executed: the curve completes and the adapter stops
        // offering the pool.
        v.refresh().await;
        let market = v.amm.market().unwrap();
        let last = first(1, 1_000_000_000 * TOKEN, |b| market.buy_exact_out(b, 0).map_or(true, |t| t.base_amount < b)) - 1;
        assert!(v.step(Direction::Buy, SwapMode::ExactOut, last).await);
        v.refresh().await;
        let state = v.amm.market().unwrap();
        assert!(state.params.graduation_threshold - state.reserves.quote < QUOTE / 1_000_000, "at most a few units short of the threshold");
        v.tally.print(&format!("near the threshold, {segments} segment(s)"));
        assert!(v.tally.landed_later > 0 && v.tally.refused.contains_key("the program would cut it once the anti-sniper fee falls"), "the window's case is exercised");
    }
}

/// The adapter names its pool and program, and refuses — in one line each — what is not
/// its pool's: other mints, an exact-out sell, accounts that are not an agentpad pool, an
/// update without the pool or with another pool under its address. The swap pays out to
/// any token account of the right mint (Jupiter's routes pass their own), and a cloned
/// adapter quotes the same.
#[tokio::test]
async fn the_adapter_trades_only_its_pool_and_says_why_in_one_line() {
    let mut v = venue(1).await;
    v.env.advance_time(120).await;
    v.refresh().await;
    let (pool, keys) = (v.keys.pool, v.keys);
    assert_eq!((v.amm.label().as_str(), v.amm.program_id(), v.amm.key()), ("agentpad", bonding_curve::ID, pool));
    assert_eq!(v.amm.get_reserve_mints(), vec![keys.quote_mint, keys.base_mint]);
    assert_eq!(v.amm.get_accounts_to_update(), vec![pool]);
    assert!(v.amm.supports_exact_out() && v.amm.is_active());
    let one_line = |r: anyhow::Result<Quote>, expected: &str| {
        let e = r.unwrap_err().to_string();
        assert!(e.contains(expected) && !e.contains('\n'), "{e}");
    };

    // Mints: not this pool's, or the same both ways.
    let stranger = Pubkey::new_unique();
    for (input_mint, output_mint) in [(stranger, keys.base_mint), (keys.quote_mint, stranger), (keys.quote_mint, keys.quote_mint), (keys.base_mint, keys.base_mint)] {
        let params = QuoteParams { amount: QUOTE, input_mint, output_mint, swap_mode: SwapMode::ExactIn, fee_mode: Default::default() };
        one_line(v.amm.quote(&params), "not");
    }
    one_line(v.quote(Direction::Sell, SwapMode::ExactOut, QUOTE), "exact input only");
    let loose = Quote { in_amount: TOKEN, out_amount: 1, ..Quote::default() };
    let params = v.swap_params(Direction::Sell, SwapMode::ExactOut, &loose, None);
    assert!(v.amm.get_swap_and_account_metas(&params).is_err_and(|e| e.to_string().contains("exact input only")));

    // Accounts that are not a pool: the preset (bonding-curve's, another type), the
    // trader's token account (another owner).
    let context = AmmContext { clock_ref: v.clock.clone() };
    let preset = agentpad_tests::accounts::preset(agentpad_tests::fixtures::PRESET);
    let (_, base_account) = v.accounts();
    for (key, expected) in [(preset, "is not an agentpad pool"), (base_account, "not by bonding-curve")] {
        let keyed = KeyedAccount { key, account: v.env.account(key).await.unwrap(), params: None };
        let e = AgentpadAmm::from_keyed_account(&keyed, &context).err().expect("refused").to_string();
        assert!(e.contains(expected) && !e.contains('\n'), "{e}");
    }

    // Updates: without the pool, or with another pool's account under this address.
    let mut amm = v.amm.clone();
    assert!(amm.update(&AccountMap::default()).is_err_and(|e| e.to_string().contains("missing from the update")));
    let creator = v.env.new_user(10 * QUOTE).await;
    let protocol_like = agentpad_tests::fixtures::Protocol {
        quote_mint: keys.quote_mint,
        quote_token_program: keys.quote_token_program,
        quote_authority: v.env.keypair(),
        fee_recipient: v.env.keypair(),
        params: presets::standard(),
    };
    let other = v.env.launch(&protocol_like, &creator).await;
    let mut map = AccountMap::default();
    map.insert(pool, v.env.account(other.pool).await.unwrap());
    assert!(amm.update(&map).is_err_and(|e| e.to_string().contains("no longer the pool")));

    // A buy paid out to another wallet's token account, from the adapter's metas.
    let recipient = v.env.new_user(QUOTE).await;
    let destination = v.env.create_base_ata(&keys, &recipient.pubkey()).await;
    let quote = v.quote(Direction::Buy, SwapMode::ExactIn, 2 * QUOTE).unwrap();
    let boxed = v.amm.clone_amm();
    let params = v.quote_params(Direction::Buy, SwapMode::ExactIn, 2 * QUOTE);
    assert_eq!(boxed.quote(&params).unwrap().out_amount, quote.out_amount, "a clone quotes the same");
    let swap = v.swap(Direction::Buy, SwapMode::ExactIn, &quote, Some(destination));
    let trader = v.trader.insecure_clone();
    v.env.send(&[swap], &[&trader]).await.unwrap();
    assert_eq!(v.env.token_balance(destination).await, quote.out_amount);
}

/// A bridged agent's pool, graduated from its opening: random trades from its first second
/// (anti-sniper window included), each quote executed and equal to the program's trade.
#[tokio::test]
async fn quotes_equal_executions_on_a_bridged_agents_pool() {
    let mut v = bridged_venue().await;
    assert_eq!(v.amm.phase(), Phase::Graduated);
    assert!(v.amm.is_active() && v.amm.pool().params.extra_segments == 0);
    let mut rng = ChaCha8Rng::seed_from_u64(30184);
    v.random_trades(&mut rng, 100, 20 * QUOTE, 20_000_000 * TOKEN).await;
    v.tally.print("bridged agent's pool");
    assert!(v.tally.compared >= 80, "most random trades are quoted");
}
