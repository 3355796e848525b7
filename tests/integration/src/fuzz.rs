//! The cross-program invariant fuzzer: random operations on every program, by many users,
//! over several agents and quote mints, in random order — with replays, donations to every
//! vault, pre-funded addresses, program vaults named as user accounts and time jumps — and
//! after every step the books are checked:
//!
//! - every pool's quote vault holds its reserve plus its three fee buckets, its base vault
//!   its reserve (plus the held-back supply until graduation);
//! - every fee vault's token account holds its undistributed revenue, and its ledger closes
//!   (inflow by source = undistributed + paid out);
//! - every stake vault holds the stake plus what is unstaking; every reward vault what was
//!   notified and not yet claimed;
//! - the store's OFT account holds exactly the value of the composes not yet run;
//! - donations are the only exception, and are tracked;
//! - nothing is created: every agent token's supply is its launch supply, every quote and
//!   bridged mint's supply is what was minted on purpose;
//! - a refused step changes no account at all.
//!
//! Seeded and reproducible: `cargo run -p agentpad-tests --example fuzz -- --seed S --ops N`.

use std::collections::{BTreeMap, HashMap};

use agentpad_math::pool::Market;
use anchor_spl::token_2022::spl_token_2022::{self, extension::StateWithExtensions};
use bonding_curve::state::{Pool, phase};
use fee_aggregator::lz::LzComposeParams;
use fee_aggregator::message::{FeeReport, ValueTransfer};
use fee_aggregator::state::{AgentVault, Split};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use revenue_share::state::{Position, StakePool};
use solana_sdk::pubkey::Pubkey;
use solana_sdk::signature::{Keypair, Signer};

use crate::accounts::{self as addr, PoolKeys, fees as fa, stake as st};
use crate::env::{Env, TxError};
use crate::fixtures::{Oft, Packet, Protocol};
use crate::ix::{self, Launch, fees, stake};
use crate::presets::{self, QUOTE, TOKEN};

const BASE: u32 = 30184;
const ROUTER: [u8; 32] = evm(0xBA);
const OFT_PEER: [u8; 32] = evm(0x0F);

const fn evm(byte: u8) -> [u8; 32] {
    let mut a = [0u8; 32];
    let mut i = 12;
    while i < 32 {
        a[i] = byte;
        i += 1;
    }
    a
}

#[derive(Debug, Clone, Copy)]
pub struct Config {
    pub seed: u64,
    pub ops: usize,
    pub max_agents: usize,
    pub users: usize,
}

impl Config {
    pub fn new(seed: u64, ops: usize) -> Self {
        Config { seed, ops, max_agents: 4, users: 6 }
    }
}

#[derive(Debug, Default)]
pub struct Report {
    pub ops: usize,
    pub ok: usize,
    pub refused: usize,
    /// Operations by kind: (ok, refused).
    pub by_op: BTreeMap<&'static str, (usize, usize)>,
    pub checks: usize,
    pub seconds: f64,
}

impl Report {
    pub fn ops_per_second(&self) -> f64 {
        self.ops as f64 / self.seconds.max(1e-9)
    }
}

/// The first failed check, with what reproduces it.
#[derive(Debug)]
pub struct Failure {
    pub seed: u64,
    pub step: usize,
    pub op: &'static str,
    pub message: String,
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "seed {} step {} ({}): {}", self.seed, self.step, self.op, self.message)
    }
}

struct Agent {
    keys: PoolKeys,
    /// Derived once: stake pool, stake vault, and per reward mint (quote, bridged) the fee
    /// vault, its token account and the stake pool's reward vault.
    stake_pool: Pubkey,
    stake_vault: Pubkey,
    vaults: [(Pubkey, Pubkey, Pubkey); 2],
    /// Each user's stake position.
    positions: Vec<Pubkey>,
    creator: Keypair,
    /// Proposed next creator, if any.
    heir: Option<Keypair>,
    supply: u64,
    /// The bridged mint has a vault for this agent / a reward slot in its stake pool.
    bridged_vault: bool,
    bridged_reward: bool,
}

struct Quote {
    protocol: Protocol,
    preset_id: u16,
    decimals: u8,
}

struct World {
    env: Env,
    rng: ChaCha8Rng,
    quotes: Vec<Quote>,
    oft: Oft,
    agents: Vec<Agent>,
    users: Vec<Keypair>,
    /// Tokens sent to program accounts outside the programs (the ledgers ignore them).
    donated: HashMap<Pubkey, u64>,
    /// Supply minted on purpose, per quote / bridged mint.
    minted: HashMap<Pubkey, u64>,
    /// Fee reports verified at the endpoint, not necessarily delivered yet.
    reports: Vec<Packet>,
    /// Composes the OFT queued: (params, amount).
    composes: Vec<(LzComposeParams, u64)>,
    /// Composes that ran (replays of them must fail).
    composed: Vec<LzComposeParams>,
    /// Value the store's OFT account owes to composes not yet run.
    composer_owed: u64,
    nonce: u64,
    max_agents: usize,
    /// [`World::watched`], rebuilt when the world grows (PDA derivations are not free).
    watch_list: Vec<Pubkey>,
}

const OPS: &[(&str, u32)] = &[
    ("launch", 3),
    ("buy_exact_in", 18),
    ("buy_exact_out", 8),
    ("sell", 10),
    ("graduate", 2),
    ("claim_fees", 4),
    ("sweep", 4),
    ("deposit", 4),
    ("fee_report", 5),
    ("deliver_report", 6),
    ("oft_transfer", 4),
    ("compose", 6),
    ("set_split", 2),
    ("distribute", 4),
    ("stake", 6),
    ("unstake", 4),
    ("withdraw", 3),
    ("claim", 4),
    ("close_position", 1),
    ("creator_transfer", 1),
    ("bridged_vault", 2),
    ("time", 4),
    ("donate", 3),
    ("prefund", 2),
    ("self_transfer", 3),
];

pub async fn run(cfg: Config) -> Result<Report, Failure> {
    let start = std::time::Instant::now();
    let mut w = World::new(cfg).await;
    let mut report = Report::default();
    let total: u32 = OPS.iter().map(|(_, weight)| weight).sum();
    for step in 0..cfg.ops {
        let mut pick = w.rng.gen_range(0..total);
        let op = OPS.iter().find(|(_, weight)| if pick < *weight { true } else { pick -= weight; false }).unwrap().0;
        if w.watch_list.is_empty() {
            w.watch_list = w.watched();
        }
        let watched = w.watch_list.clone();
        let before = w.env.snapshot(&watched).await;
        let fail = |message: String| Failure { seed: cfg.seed, step, op, message };
        let outcome = w.step(op).await.map_err(fail)?;
        let entry = report.by_op.entry(op).or_default();
        match outcome {
            Ok(()) => {
                report.ok += 1;
                entry.0 += 1;
            }
            Err(e) => {
                report.refused += 1;
                entry.1 += 1;
                let after = w.env.snapshot(&watched).await;
                if let Some(i) = (0..watched.len()).find(|&i| before[i] != after[i]) {
                    return Err(fail(format!("refused with {e:?} but changed {}", watched[i])));
                }
            }
        }
        report.checks += w.check_books().await.map_err(fail)?;
        report.ops += 1;
    }
    report.seconds = start.elapsed().as_secs_f64();
    Ok(report)
}

type Outcome = Result<(), TxError>;

impl World {
    async fn new(cfg: Config) -> World {
        let mut env = Env::start_cluster_runtime().await;
        // Two quote mints: a 9-decimal SPL Token one (preset 0) and a 6-decimal Token-2022
        // one (preset 1); then VIRTUAL, bridged through an OFT.
        let first = env.setup_protocol().await;
        let admin = env.admin.insecure_clone();
        let usdc_authority = env.keypair();
        let usdc = env.create_mint(&usdc_authority.pubkey(), 6, &spl_token_2022::ID, &[]).await;
        let mut usdc_preset = presets::standard();
        usdc_preset.virtual_quote_reserve /= 1_000;
        usdc_preset.graduation_threshold /= 1_000;
        env.send(&[ix::create_preset(&admin.pubkey(), 1, &usdc, usdc_preset)], &[&admin]).await.unwrap();
        let second = Protocol {
            quote_mint: usdc,
            quote_token_program: spl_token_2022::ID,
            quote_authority: usdc_authority,
            fee_recipient: first.fee_recipient.insecure_clone(),
            params: usdc_preset,
        };
        env.send(&fees::set_peer(&admin.pubkey(), BASE, ROUTER, 10_000 * 1_000_000, 50_000 * 1_000_000), &[&admin]).await.unwrap();
        let oft = env.bridged_token(9).await;
        let mut users = Vec::new();
        let mut minted = HashMap::new();
        for _ in 0..cfg.users {
            let user = env.new_user(100 * QUOTE).await;
            for (p, amount) in [(&first, 500 * QUOTE), (&second, 500_000_000)] {
                env.fund_quote(p, &user.pubkey(), amount).await;
                *minted.entry(p.quote_mint).or_default() += amount;
            }
            users.push(user);
        }
        let payer = env.payer().pubkey();
        for p in [&first, &second] {
            env.fund_quote(p, &p.fee_recipient.pubkey(), 0).await;
        }
        // Every token account a payout may go to exists from the start (an op is one
        // transaction: the refused-means-unchanged check compares around it alone).
        let holders: Vec<Pubkey> = users.iter().map(|u| u.pubkey()).chain([first.fee_recipient.pubkey()]).collect();
        for h in holders {
            env.send(&[ix::create_ata(&payer, &h, &oft.mint, &oft.token_program)], &[]).await.unwrap();
        }
        let quotes = vec![Quote { protocol: first, preset_id: 0, decimals: 9 }, Quote { protocol: second, preset_id: 1, decimals: 6 }];
        let rng = ChaCha8Rng::seed_from_u64(cfg.seed);
        let mut w = World {
            env,
            rng,
            quotes,
            oft,
            agents: vec![],
            users,
            donated: HashMap::new(),
            minted,
            reports: vec![],
            composes: vec![],
            composed: vec![],
            composer_owed: 0,
            nonce: 0,
            max_agents: cfg.max_agents,
            watch_list: vec![],
        };
        // Start with one agent per quote mint.
        for q in 0..2 {
            w.launch(q).await.expect("first launches").expect("first launches");
        }
        w
    }
}

impl World {
    fn user(&mut self) -> Keypair {
        let i = self.rng.gen_range(0..self.users.len());
        self.users[i].insecure_clone()
    }

    fn agent(&mut self) -> usize {
        self.rng.gen_range(0..self.agents.len())
    }

    /// Amounts over many magnitudes, dust and huge included.
    fn amount(&mut self, max: u64) -> u64 {
        match self.rng.gen_range(0..10) {
            0 => self.rng.gen_range(0..=3),
            1 => max.saturating_mul(2),
            _ => {
                let bits = self.rng.gen_range(0..=64 - max.leading_zeros());
                self.rng.gen_range(0..=(1u64 << bits.min(63)).min(max.max(1)))
            }
        }
    }

    fn quote_of(&self, a: usize) -> &Quote {
        self.quotes.iter().find(|q| q.protocol.quote_mint == self.agents[a].keys.quote_mint).unwrap()
    }

    /// A wallet that can be a creator: SOL, and token accounts of every quote and bridged
    /// mint (for its payouts).
    async fn new_creator(&mut self) -> Keypair {
        let creator = self.env.new_user(10 * QUOTE).await;
        let payer = self.env.payer().pubkey();
        for q in 0..self.quotes.len() {
            let p = self.quotes[q].protocol.clone();
            self.env.fund_quote(&p, &creator.pubkey(), 0).await;
        }
        self.env.send(&[ix::create_ata(&payer, &creator.pubkey(), &self.oft.mint, &self.oft.token_program)], &[]).await.unwrap();
        creator
    }

    fn next_nonce(&mut self) -> u64 {
        self.nonce += 1;
        self.nonce
    }

    /// Every account an operation could change: program accounts, vaults and every user's
    /// token accounts.
    fn watched(&self) -> Vec<Pubkey> {
        let mut out = vec![fa::store(), addr::bc_config(), fa::composer_tokens(&self.oft.mint, &self.oft.token_program), fa::peer(BASE)];
        for q in &self.quotes {
            out.push(addr::ata(&q.protocol.fee_recipient.pubkey(), &q.protocol.quote_mint, &q.protocol.quote_token_program));
        }
        for a in &self.agents {
            let k = &a.keys;
            out.extend([k.pool, k.base_vault, k.quote_vault, k.agent, fa::policy(&k.base_mint), a.stake_pool, a.stake_vault]);
            out.extend(a.vaults.iter().flat_map(|(v, t, r)| [*v, *t, *r]));
            out.extend(a.positions.iter().copied());
            out.extend(self.users.iter().map(|u| k.base_ata(&u.pubkey())));
            out.push(k.quote_ata(&a.creator.pubkey()));
        }
        for u in &self.users {
            for q in &self.quotes {
                out.push(addr::ata(&u.pubkey(), &q.protocol.quote_mint, &q.protocol.quote_token_program));
            }
            out.push(addr::ata(&u.pubkey(), &self.oft.mint, &self.oft.token_program));
        }
        out
    }

    async fn launch(&mut self, q: usize) -> Result<Outcome, String> {
        if self.agents.len() >= self.max_agents {
            return Ok(Ok(()));
        }
        let creator = self.new_creator().await;
        let p = &self.quotes[q].protocol;
        let (quote_mint, tp, preset_id) = (p.quote_mint, p.quote_token_program, self.quotes[q].preset_id);
        let first_buy = if self.rng.gen_bool(0.5) {
            let amount = if q == 0 { QUOTE } else { 1_000_000 };
            let p = self.quotes[q].protocol.clone();
            let ata = addr::ata(&creator.pubkey(), &quote_mint, &tp);
            self.env.send(&[ix::mint_to(&tp, &quote_mint, &ata, &p.quote_authority.pubkey(), amount)], &[&p.quote_authority]).await.unwrap();
            *self.minted.entry(quote_mint).or_default() += amount;
            Some((amount, ata))
        } else {
            None
        };
        let mint = self.env.keypair();
        let launch = Launch {
            creator: creator.pubkey(),
            mint: mint.pubkey(),
            preset_id,
            quote_mint,
            quote_token_program: tp,
            name: "Fuzz Agent",
            symbol: "FUZZ",
            uri: "https://agentpad.example/fuzz.json",
            first_buy,
            unstake_cooldown: Some(3_600),
        };
        let outcome = self.env.send(&[ix::launch_agent(&launch)], &[&creator, &mint]).await;
        if outcome.is_ok() {
            let keys = PoolKeys::for_mint(mint.pubkey(), quote_mint, tp);
            let supply = self.env.zero_copy::<Pool>(keys.pool).await.params.total_supply().map_err(|e| format!("{e:?}"))?;
            let stake_pool = st::pool(&keys.base_mint);
            let vaults = [quote_mint, self.oft.mint].map(|m| {
                let v = fa::vault(&keys.base_mint, &m);
                (v, fa::vault_tokens(&v), st::reward_vault(&stake_pool, &m))
            });
            let positions = self.users.iter().map(|u| st::position(&stake_pool, &u.pubkey())).collect();
            self.agents.push(Agent {
                keys,
                creator,
                heir: None,
                supply,
                bridged_vault: false,
                bridged_reward: false,
                stake_pool,
                stake_vault: st::vault(&stake_pool),
                vaults,
                positions,
            });
            self.watch_list.clear();
            for u in self.users.iter().map(|u| u.pubkey()).collect::<Vec<_>>() {
                self.env.create_base_ata(&keys, &u).await;
            }
        }
        Ok(outcome)
    }

    /// One random operation. `Err` is a failed check; `Ok(outcome)` the transaction's end.
    async fn step(&mut self, op: &'static str) -> Result<Outcome, String> {
        let a = self.agent();
        let keys = self.agents[a].keys;
        let user = self.user();
        let u = user.pubkey();
        let scale = 10u64.pow(self.quote_of(a).decimals as u32);
        Ok(match op {
            "launch" => {
                let q = self.rng.gen_range(0..self.quotes.len());
                return self.launch(q).await;
            }
            "buy_exact_in" => {
                let amount = self.amount(60 * scale);
                let min = self.limit_for(a, amount, true).await;
                self.env.send(&[ix::buy_exact_in(ix::swap_accounts(&u, &keys), amount, min)], &[&user]).await
            }
            "buy_exact_out" => {
                let amount = self.amount(300_000_000 * TOKEN);
                let max = if self.rng.gen_bool(0.7) { u64::MAX } else { self.amount(60 * scale) };
                self.env.send(&[ix::buy_exact_out(ix::swap_accounts(&u, &keys), amount, max)], &[&user]).await
            }
            "sell" => {
                let held = balance(&mut self.env, keys.base_ata(&u)).await.max(1);
                let amount = if self.rng.gen_bool(0.8) { self.rng.gen_range(1..=held) } else { self.amount(held) };
                let min = self.limit_for(a, amount, false).await;
                self.env.send(&[ix::sell_exact_in(ix::swap_accounts(&u, &keys), amount, min)], &[&user]).await
            }
            "graduate" => self.env.send(&[ix::graduate(&keys.pool)], &[]).await,
            "claim_fees" => {
                if self.rng.gen_bool(0.5) {
                    let p = &self.quote_of(a).protocol;
                    let to = addr::ata(&p.fee_recipient.pubkey(), &p.quote_mint, &p.quote_token_program);
                    self.env.send(&[ix::claim_protocol_fees(&keys, to)], &[]).await
                } else {
                    let creator = self.agents[a].creator.insecure_clone();
                    let to = keys.quote_ata(&creator.pubkey());
                    self.env.send(&[ix::claim_creator_fees(&creator.pubkey(), &keys, to)], &[&creator]).await
                }
            }
            "sweep" => self.env.send(&[fees::sweep(&keys)], &[]).await,
            "deposit" => {
                let amount = self.amount(5 * scale);
                let from = keys.quote_ata(&u);
                self.env.send(&[fees::deposit(&u, from, &keys.base_mint, &keys.quote_mint, &keys.quote_token_program, amount)], &[&user]).await
            }
            "fee_report" => {
                // Report ids from a small range: many replays. Sometimes an unknown agent,
                // sometimes above the peer's limit.
                let agent = if self.rng.gen_bool(0.9) { keys.base_mint } else { Pubkey::new_unique() };
                let amount_sd = self.amount(20_000 * 1_000_000);
                let report = FeeReport { agent, reward_mint: self.oft.mint, amount_sd, report_id: self.rng.gen_range(0..200), source_epoch: 1 };
                let nonce = self.next_nonce();
                let packet = Packet::new(BASE, ROUTER, nonce, &report.encode());
                self.env.verify_packet(&packet).await;
                self.reports.push(packet);
                Ok(())
            }
            "deliver_report" => {
                if self.reports.is_empty() {
                    return Ok(Ok(()));
                }
                let i = self.rng.gen_range(0..self.reports.len());
                // Delivered packets stay in the list: delivering one again must fail.
                let packet = self.reports[i].clone();
                self.env.lz_receive(&packet).await.map(|_| ())
            }
            "oft_transfer" => {
                let amount_sd = self.rng.gen_range(1..=5_000_000);
                let agent = if self.rng.gen_bool(0.9) { keys.base_mint } else { Pubkey::new_unique() };
                let from = if self.rng.gen_bool(0.9) { ROUTER } else { evm(0x66) };
                let payload = ValueTransfer { agent, transfer_id: self.rng.gen_range(0..100), source_epoch: 1 }.encode();
                let message = oft_mock::encode_oft_message(&fa::store(), amount_sd, Some((&from, &payload)));
                let nonce = self.next_nonce();
                let oft = self.oft;
                let outcome = self.env.oft_receive(&oft, &Packet::new(BASE, OFT_PEER, nonce, &message), &fa::store()).await;
                if let Ok(Some(compose)) = &outcome {
                    let amount = amount_sd * oft.ld2sd_rate;
                    *self.minted.entry(oft.mint).or_default() += amount;
                    self.composer_owed += amount;
                    self.composes.push((compose.clone(), amount));
                }
                outcome.map(|_| ())
            }
            "compose" => {
                if !self.composed.is_empty() && self.rng.gen_bool(0.15) {
                    let i = self.rng.gen_range(0..self.composed.len());
                    let replay = self.composed[i].clone();
                    let outcome = self.env.lz_compose(&replay).await.map(|_| ());
                    if outcome.is_ok() {
                        return Err("a compose ran twice".into());
                    }
                    return Ok(outcome);
                }
                if self.composes.is_empty() {
                    return Ok(Ok(()));
                }
                let i = self.rng.gen_range(0..self.composes.len());
                let (params, amount) = self.composes[i].clone();
                let outcome = self.env.lz_compose(&params).await.map(|_| ());
                if outcome.is_ok() {
                    self.composes.swap_remove(i);
                    self.composed.push(params);
                    self.composer_owed -= amount;
                }
                outcome
            }
            "set_split" => {
                let holders = self.rng.gen_range(4_000..=8_000);
                let protocol = self.rng.gen_range(0..=2_000);
                let creator_bps = 10_000u16.saturating_sub(holders).saturating_sub(protocol);
                let split = Split { holders_bps: holders, creator_bps, protocol_bps: protocol };
                let creator = self.agents[a].creator.insecure_clone();
                self.env.send(&[fees::set_split(&creator.pubkey(), &keys.base_mint, split)], &[&creator]).await
            }
            "distribute" => {
                let (mint, tp) = if self.rng.gen_bool(0.7) { (keys.quote_mint, keys.quote_token_program) } else { (self.oft.mint, self.oft.token_program) };
                let creator = self.agents[a].creator.pubkey();
                let recipient = self.quotes[0].protocol.fee_recipient.pubkey();
                let (c, p) = (addr::ata(&creator, &mint, &tp), addr::ata(&recipient, &mint, &tp));
                self.env.send(&[fees::distribute(&keys.base_mint, &mint, &tp, c, p)], &[]).await
            }
            "stake" => {
                let held = balance(&mut self.env, keys.base_ata(&u)).await;
                let amount = if self.rng.gen_bool(0.8) && held > 0 { self.rng.gen_range(1..=held) } else { self.amount(held.max(1)) };
                self.env.send(&[stake::stake(&u, &keys.base_mint, amount)], &[&user]).await
            }
            "unstake" => {
                let amount = self.amount(100_000_000 * TOKEN);
                self.env.send(&[stake::request_unstake(&u, &u, &keys.base_mint, amount)], &[&user]).await
            }
            "withdraw" => self.env.send(&[stake::withdraw(&u, &keys.base_mint)], &[&user]).await,
            "claim" => {
                let mut groups = vec![stake::reward(&u, &keys.base_mint, &keys.quote_mint, &keys.quote_token_program)];
                if self.agents[a].bridged_reward {
                    groups.push(stake::reward(&u, &keys.base_mint, &self.oft.mint, &self.oft.token_program));
                }
                self.env.send(&[stake::claim(&u, &u, &keys.base_mint, &groups)], &[&user]).await
            }
            "close_position" => self.env.send(&[stake::close_position(&u, &keys.base_mint)], &[&user]).await,
            "creator_transfer" => {
                let agent = &mut self.agents[a];
                match agent.heir.take() {
                    Some(heir) => {
                        let outcome = self.env.send(&[ix::accept_creator(&heir.pubkey(), &keys.agent)], &[&heir]).await;
                        if outcome.is_ok() {
                            self.agents[a].creator = heir;
                            self.watch_list.clear();
                        }
                        outcome
                    }
                    None => {
                        let heir = self.new_creator().await;
                        let creator = self.agents[a].creator.insecure_clone();
                        let outcome = self.env.send(&[ix::propose_creator(&creator.pubkey(), &keys.agent, heir.pubkey())], &[&creator]).await;
                        if outcome.is_ok() {
                            self.agents[a].heir = Some(heir);
                        }
                        outcome
                    }
                }
            }
            "bridged_vault" => {
                let payer = self.env.payer().pubkey();
                let (mint, tp) = (self.oft.mint, self.oft.token_program);
                if !self.agents[a].bridged_vault {
                    let outcome = self.env.send(&[fees::create_vault(&payer, &keys.base_mint, &mint, &tp)], &[]).await;
                    self.agents[a].bridged_vault |= outcome.is_ok();
                    outcome
                } else {
                    let creator = self.agents[a].creator.insecure_clone();
                    let outcome = self.env.send(&[stake::add_reward_mint(&creator.pubkey(), &keys.base_mint, &mint, &tp)], &[&creator]).await;
                    self.agents[a].bridged_reward |= outcome.is_ok();
                    outcome
                }
            }
            "time" => {
                let seconds = [1, 30, 600, 3_700, 86_400, 8 * 86_400][self.rng.gen_range(0..6)];
                self.env.advance_time(seconds).await;
                Ok(())
            }
            "donate" => {
                // Tokens sent straight to a program vault: the ledgers must ignore them.
                let pool = st::pool(&keys.base_mint);
                let quote_targets = [keys.quote_vault, fa::vault_tokens(&fa::vault(&keys.base_mint, &keys.quote_mint)), st::reward_vault(&pool, &keys.quote_mint)];
                let held_base = balance(&mut self.env, keys.base_ata(&u)).await;
                let (from, to, mint, tp, decimals, amount) = if held_base > 0 && self.rng.gen_bool(0.4) {
                    let to = if self.rng.gen_bool(0.5) { keys.base_vault } else { st::vault(&pool) };
                    (keys.base_ata(&u), to, keys.base_mint, spl_token_2022::ID, 6, self.rng.gen_range(1..=held_base.min(TOKEN)))
                } else {
                    let to = quote_targets[self.rng.gen_range(0..3)];
                    (keys.quote_ata(&u), to, keys.quote_mint, keys.quote_token_program, self.quote_of(a).decimals, self.rng.gen_range(1..=scale / 10))
                };
                let ixn = spl_token_2022::instruction::transfer_checked(&tp, &from, &mint, &to, &u, &[], amount, decimals).unwrap();
                let outcome = self.env.send(&[ixn], &[&user]).await;
                if outcome.is_ok() {
                    *self.donated.entry(to).or_default() += amount;
                }
                outcome
            }
            "prefund" => {
                // Lamports to addresses the programs will create: a user's first position,
                // a fee report's receipt.
                let pool = st::pool(&keys.base_mint);
                let target = if self.rng.gen_bool(0.5) { st::position(&pool, &u) } else { fa::receipt(BASE, self.rng.gen_range(0..200)) };
                let lamports = self.env.rent().await.minimum_balance(0) + self.rng.gen_range(0..10_000);
                let ixn = anchor_lang::solana_program::system_instruction::transfer(&u, &target, lamports);
                self.env.send(&[ixn], &[&user]).await
            }
            "self_transfer" => {
                // A program vault as the user's account: must always be refused.
                let pool = st::pool(&keys.base_mint);
                let reward_vault = st::reward_vault(&pool, &keys.quote_mint);
                let ixn = match self.rng.gen_range(0..4) {
                    0 => ix::buy_exact_in(ix::swap_accounts_with(&u, &keys, keys.base_vault, keys.quote_ata(&u)), QUOTE, 0),
                    1 => ix::sell_exact_in(ix::swap_accounts_with(&u, &keys, keys.base_ata(&u), keys.quote_vault), TOKEN, 0),
                    2 => stake::claim(&u, &u, &keys.base_mint, &[(keys.quote_mint, reward_vault, reward_vault, keys.quote_token_program)]),
                    _ => {
                        let mut w = stake::withdraw(&u, &keys.base_mint);
                        for m in w.accounts.iter_mut().filter(|m| m.pubkey == keys.base_ata(&u)) {
                            m.pubkey = st::vault(&pool);
                        }
                        w
                    }
                };
                let outcome = self.env.send(&[ixn], &[&user]).await;
                if outcome.is_ok() {
                    return Err("a program vault was accepted as a user's account".into());
                }
                outcome
            }
            other => return Err(format!("unknown op {other}")),
        })
    }

    /// A slippage limit: usually the quote minus 1% (sometimes 0, sometimes past the quote).
    async fn limit_for(&mut self, a: usize, amount: u64, buy: bool) -> u64 {
        let keys = self.agents[a].keys;
        let pool = self.env.zero_copy::<Pool>(keys.pool).await;
        let now = self.env.clock().await.unix_timestamp;
        // The fuzzer's presets are one-segment curves.
        let Ok(m): Result<Market, _> = pool.market(&[]) else { return 0 };
        let fee = pool.fee_bps_at(now);
        let quoted = if buy { m.buy_exact_in(amount, fee).map(|t| t.base_amount) } else { m.sell_exact_in(amount, fee).map(|t| t.quote_amount) };
        match (quoted, self.rng.gen_range(0..10)) {
            (Ok(q), 0) => q + 1,
            (Ok(q), 1..=6) => q - q / 100,
            _ => 0,
        }
    }

    /// Checks every book; returns how many checks were made.
    async fn check_books(&mut self) -> Result<usize, String> {
        let mut checks = 0;
        let donated = |w: &World, k: &Pubkey| w.donated.get(k).copied().unwrap_or(0);
        for i in 0..self.agents.len() {
            let k = self.agents[i].keys;
            let pool = self.env.zero_copy::<Pool>(k.pool).await;
            let (qv, bv) = (balance(&mut self.env, k.quote_vault).await, balance(&mut self.env, k.base_vault).await);
            let quote_books = pool.quote_reserve + pool.protocol_fees + pool.creator_fees + pool.agent_fees + donated(self, &k.quote_vault);
            if qv != quote_books {
                return Err(format!("agent {i}: quote vault {qv} != reserve + buckets {quote_books}"));
            }
            let held_back = if pool.phase == phase::GRADUATED { 0 } else { pool.params.graduated_supply };
            if bv != pool.base_reserve + held_back + donated(self, &k.base_vault) {
                return Err(format!("agent {i}: base vault {bv} != reserve {} + held back {held_back}", pool.base_reserve));
            }
            let supply = mint_supply(&mut self.env, k.base_mint).await;
            if supply != self.agents[i].supply {
                return Err(format!("agent {i}: supply {supply} != launch supply {}", self.agents[i].supply));
            }
            for (slot, exists) in [(0, true), (1, self.agents[i].bridged_vault)] {
                if !exists {
                    continue;
                }
                let (v, vault_tokens, _) = self.agents[i].vaults[slot];
                let vault = self.env.zero_copy::<AgentVault>(v).await;
                let tokens = balance(&mut self.env, vault_tokens).await;
                if tokens != vault.undistributed + donated(self, &vault_tokens) {
                    return Err(format!("agent {i}: fee vault holds {tokens}, ledger says {} undistributed", vault.undistributed));
                }
                let inflow = vault.total_local as u128 + vault.total_direct as u128 + vault.total_bridged as u128 + vault.total_commerce as u128;
                let outflow = vault.undistributed as u128 + vault.distributed_holders as u128 + vault.distributed_creator as u128 + vault.distributed_protocol as u128;
                if inflow != outflow {
                    return Err(format!("agent {i}: fee ledger inflow {inflow} != undistributed + paid out {outflow}"));
                }
            }
            let stake_pool = self.env.zero_copy::<StakePool>(self.agents[i].stake_pool).await;
            let mut staked = stake_pool.total_staked as u128;
            for position in self.agents[i].positions.clone() {
                if let Some(acc) = self.env.account(position).await {
                    if acc.owner == revenue_share::ID {
                        let p: Position = agentpad_client::accounts::zero_copy(&acc.data).unwrap();
                        staked += p.unstaking as u128;
                    }
                }
            }
            let sv = self.agents[i].stake_vault;
            let held = balance(&mut self.env, sv).await as u128;
            if held != staked + donated(self, &sv) as u128 {
                return Err(format!("agent {i}: stake vault {held} != staked + unstaking {staked}"));
            }
            for slot in stake_pool.active_rewards() {
                let owed = slot.total_notified - slot.total_claimed;
                let balance = balance(&mut self.env, slot.vault).await;
                if balance != owed + donated(self, &slot.vault) {
                    return Err(format!("agent {i}: reward vault {balance} != notified - claimed {owed}"));
                }
            }
            checks += 6;
        }
        let composer = fa::composer_tokens(&self.oft.mint, &self.oft.token_program);
        let held = balance(&mut self.env, composer).await;
        if held != self.composer_owed + donated(self, &composer) {
            return Err(format!("the store's OFT account holds {held}, composes not yet run are owed {}", self.composer_owed));
        }
        let mints: Vec<Pubkey> = self.minted.keys().copied().collect();
        for mint in mints {
            let supply = mint_supply(&mut self.env, mint).await;
            if supply != self.minted[&mint] {
                return Err(format!("mint {mint}: supply {supply} != minted on purpose {}", self.minted[&mint]));
            }
        }
        Ok(checks + 2)
    }
}

/// A token account's balance; 0 where none exists.
async fn balance(env: &mut Env, account: Pubkey) -> u64 {
    match env.account(account).await {
        Some(acc) if acc.data.len() >= 165 => StateWithExtensions::<spl_token_2022::state::Account>::unpack(&acc.data).map(|a| a.base.amount).unwrap_or(0),
        _ => 0,
    }
}

async fn mint_supply(env: &mut Env, mint: Pubkey) -> u64 {
    let acc = env.account(mint).await.expect("mint");
    StateWithExtensions::<spl_token_2022::state::Mint>::unpack(&acc.data).unwrap().base.supply
}
