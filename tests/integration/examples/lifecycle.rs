//! The agentpad lifecycle on an embedded bank: the real programs, the real SPL Token and
//! Token-2022 programs, wSOL as quote. Launch an agent, let a crowd trade it along the
//! curve, fill it to graduation, graduate, trade the locked constant-product pool, claim
//! fees; then two holders stake, the agent's revenue comes in from every source (the
//! pool's fees swept, a fee report and a bridged value transfer from Base through
//! LayerZero, a direct deposit), is distributed, and the holders claim their share. A second
//! agent launches on a 16-segment curve and one buy takes it across every segment to
//! graduation. A third agent comes from Base: linked by the router over LayerZero, registered
//! here by its creator, given a locked pool, traded, staked, and paid from both chains.
//! Then agents hire agents: the Base agent's operator hires the first agent, which
//! sub-contracts to the second; both jobs are approved, the pay lands in the hired agents'
//! fee vaults as commerce revenue and reaches their stakers; a third job expires and is
//! refunded. Ends with every party's balances and the aggregator's per-source ledgers.
#![allow(deprecated)]

use agentpad_tests::accounts::{self as addr, PoolKeys, fees as fa, stake as st};
use agentpad_tests::fixtures::{Packet, Protocol};
use agent_commerce::event::JobPaid;
use agent_commerce::instructions::CreateJobArgs;
use agent_commerce::state::Evaluator;
use agentpad_client::instructions::agent_commerce::JobKeys;
use agentpad_tests::ix::{commerce, fees, stake};
use agentpad_math::segment::SEGMENT_LEN;
use agentpad_tests::presets::{self, QUOTE, TOKEN};
use agentpad_tests::{Env, decode_event, ix};
use anchor_spl::token::spl_token::native_mint;
use bonding_curve::event::{PoolGraduated, TradeExecuted};
use bonding_curve::state::{Pool, StakingParams};
use fee_aggregator::message::{AgentLink as LinkMessage, FeeReport, ValueTransfer};
use fee_aggregator::event::RevenueDistributed;
use fee_aggregator::state::AgentVault;
use revenue_share::state::StakePool;
use solana_sdk::signature::{Keypair, Signer};

fn sol(units: u64) -> String {
    format!("{}.{:09}", units / QUOTE, units % QUOTE)
}

fn tokens(units: u64) -> String {
    let whole = units / TOKEN;
    let s = whole.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    format!("{out}.{:02}", (units % TOKEN) / 10_000)
}

/// Display only: SOL per whole token from a Q64.64 price in units.
fn price(q64: u128) -> String {
    let per_unit = q64 as f64 / 18446744073709551616.0;
    format!("{:.10} SOL", per_unit * TOKEN as f64 / QUOTE as f64)
}

fn bar(progress_bps: u16) -> String {
    let filled = (progress_bps as usize * 20) / 10_000;
    format!("[{}{}] {:>5.1}%", "#".repeat(filled), ".".repeat(20 - filled), progress_bps as f64 / 100.0)
}

struct Party {
    name: &'static str,
    key: Keypair,
}

async fn trade(env: &mut Env, keys: &PoolKeys, who: &Party, ixn: solana_sdk::instruction::Instruction) -> Option<TradeExecuted> {
    match env.send_with_events(&[ixn], &[&who.key]).await {
        Ok(events) => {
            let ev = events.iter().find_map(|e| decode_event::<TradeExecuted>(e)).expect("trade event");
            let now = env.clock().await.unix_timestamp;
            let launch = env.zero_copy::<Pool>(keys.pool).await.launch_timestamp;
            println!(
                "  t+{:>4}s  {:<8} {:<4} {:>15} SMITH  {} {:>13} SOL  fee {:>5.2}%  price {}  {}",
                now - launch,
                who.name,
                if ev.is_buy { "buy" } else { "sell" },
                tokens(ev.base_amount),
                if ev.is_buy { "for " } else { "for+" },
                sol(ev.quote_amount),
                ev.fee_bps as f64 / 100.0,
                price(ev.price_q64),
                if ev.graduated { "graduated pool".to_string() } else { bar(ev.progress_bps) },
            );
            Some(ev)
        }
        Err(e) => {
            let curve_complete = agentpad_tests::bc_err(bonding_curve::error::BondingCurveError::CurveComplete);
            let why = if e == curve_complete { "CurveComplete (the pool must graduate first)".to_string() } else { format!("{e:?}") };
            println!("  {:<8} refused: {why}", who.name);
            None
        }
    }
}

/// The segmented preset the second agent launches on.
const SHAPED_PRESET: u16 = 16;

#[tokio::main]
async fn main() {
    println!("agentpad lifecycle: embedded bank (solana-program-test), real SPL Token / Token-2022 / ATA programs\n");
    let mut env = Env::start().await;

    // --- protocol
    let wsol_authority = env.keypair(); // unused: wSOL has no mint authority
    let protocol: Protocol = env.setup_protocol_for(native_mint::ID, anchor_spl::token::ID, wsol_authority).await;
    let p = protocol.params;
    println!("== Protocol");
    println!("  bonding-curve config by upgrade authority {}", env.admin.pubkey());
    println!(
        "  preset 0: quote wSOL | {} SOL virtual | graduates at {} SOL | {} SMITH on the curve, {} held back",
        sol(p.virtual_quote_reserve), sol(p.graduation_threshold), tokens(p.curve_supply), tokens(p.graduated_supply)
    );
    println!(
        "            fee {}% -> {}% over {} s | split protocol {}% / creator {}% / agent revenue {}%\n",
        p.start_fee_bps as f64 / 100.0, p.base_fee_bps as f64 / 100.0, p.fee_decay_seconds,
        p.protocol_fee_share_bps / 100, p.creator_fee_share_bps / 100, p.agent_fee_share_bps / 100
    );

    // --- launch
    let creator = Party { name: "creator", key: env.new_user(100 * QUOTE).await };
    env.wrap_sol(&creator.key, 5 * QUOTE).await;
    let keys = env.try_launch(&protocol, &creator.key, Some(QUOTE)).await.expect("launch");
    let mint = env.account(keys.base_mint).await.unwrap();
    let state = anchor_spl::token_2022::spl_token_2022::extension::StateWithExtensions::<anchor_spl::token_2022::spl_token_2022::state::Mint>::unpack(&mint.data).unwrap();
    println!("== Launch (one transaction: mint + metadata + record + pool + creator's 1 SOL first buy)");
    println!("  agent token {}  supply {} SMITH", keys.base_mint, tokens(state.base.supply));
    println!("  mint authority: {:?}  freeze authority: {:?}", Option::<solana_sdk::pubkey::Pubkey>::from(state.base.mint_authority), Option::<solana_sdk::pubkey::Pubkey>::from(state.base.freeze_authority));
    println!("  pool {}  agent record {}", keys.pool, keys.agent);
    println!("  creator bought {} SMITH at the launch-second fee\n", tokens(env.token_balance(keys.base_ata(&creator.key.pubkey())).await));

    // --- the crowd on the curve
    println!("== Trading along the curve");
    let names = ["alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi"];
    let mut crowd = Vec::new();
    for name in names {
        let key = env.new_user(100 * QUOTE).await;
        env.wrap_sol(&key, 30 * QUOTE).await;
        env.create_base_ata(&keys, &key.pubkey()).await;
        crowd.push(Party { name, key });
    }
    let mut seed: u64 = 0x5EED;
    let mut next = || { seed ^= seed << 13; seed ^= seed >> 7; seed ^= seed << 17; seed };
    for round in 0..24 {
        env.advance_time(3 + (next() % 8) as i64).await;
        let who = &crowd[(next() % crowd.len() as u64) as usize];
        let u = who.key.pubkey();
        let held = env.token_balance(keys.base_ata(&u)).await;
        let ixn = if round % 4 == 3 && held > 0 {
            ix::sell_exact_in(ix::swap_accounts(&u, &keys), held / 3 + 1, 1)
        } else if round % 5 == 4 {
            ix::buy_exact_out(ix::swap_accounts(&u, &keys), (5_000_000 + next() % 20_000_000) * TOKEN, 30 * QUOTE)
        } else {
            ix::buy_exact_in(ix::swap_accounts(&u, &keys), QUOTE / 2 + next() % (3 * QUOTE), 1)
        };
        trade(&mut env, &keys, who, ixn).await;
    }

    // --- the graduating buy
    println!("\n== The graduating buy (filled only up to the threshold)");
    let whale = Party { name: "whale", key: env.new_user(200 * QUOTE).await };
    env.wrap_sol(&whale.key, 150 * QUOTE).await;
    env.create_base_ata(&keys, &whale.key.pubkey()).await;
    let ev = trade(&mut env, &keys, &whale, ix::buy_exact_in(ix::swap_accounts(&whale.key.pubkey(), &keys), 100 * QUOTE, 1)).await.unwrap();
    println!("  whale offered 100 SOL, paid {} SOL; curve complete: {}", sol(ev.quote_amount), ev.completed_curve);
    let refused = trade(&mut env, &keys, &crowd[0], ix::buy_exact_in(ix::swap_accounts(&crowd[0].key.pubkey(), &keys), QUOTE, 1)).await;
    assert!(refused.is_none());

    // --- graduation
    println!("\n== Graduation (permissionless; liquidity locked: no LP tokens, no withdrawal)");
    let events = env.send_with_events(&[ix::graduate(&keys.pool)], &[]).await.unwrap();
    let g = events.iter().find_map(|e| decode_event::<PoolGraduated>(e)).unwrap();
    println!("  constant-product pool: {} SOL x {} SMITH, opening price {}\n", sol(g.quote_reserve), tokens(g.base_reserve), price(g.price_q64));

    // --- after graduation
    println!("== Trading the graduated pool (x*y=k, same fee split)");
    for (i, who) in crowd.iter().enumerate().take(6) {
        env.advance_time(20).await;
        let u = who.key.pubkey();
        let held = env.token_balance(keys.base_ata(&u)).await;
        let ixn = if i % 2 == 0 && held > 0 {
            ix::sell_exact_in(ix::swap_accounts(&u, &keys), held / 2, 1)
        } else {
            ix::buy_exact_in(ix::swap_accounts(&u, &keys), 2 * QUOTE, 1)
        };
        trade(&mut env, &keys, who, ixn).await;
    }

    // --- fee claims
    println!("\n== Fee claims");
    let pool = env.zero_copy::<Pool>(keys.pool).await;
    let recipient = protocol.fee_recipient.pubkey();
    let payer = env.payer().pubkey();
    env.send(&[ix::create_ata(&payer, &recipient, &native_mint::ID, &anchor_spl::token::ID)], &[]).await.unwrap();
    let recipient_ata = addr::ata(&recipient, &native_mint::ID, &anchor_spl::token::ID);
    env.send(&[ix::claim_protocol_fees(&keys, recipient_ata)], &[]).await.unwrap();
    println!("  protocol fees {} SOL -> protocol fee recipient", sol(pool.protocol_fees));
    let creator_ata = keys.quote_ata(&creator.key.pubkey());
    env.send(&[ix::claim_creator_fees(&creator.key.pubkey(), &keys, creator_ata)], &[&creator.key]).await.unwrap();
    println!("  creator fees  {} SOL -> creator (through agent-factory)", sol(pool.creator_fees));
    println!("  agent revenue {} SOL waits in the pool for the fee aggregator's sweep\n", sol(pool.agent_fees));

    // --- holders stake
    println!("== Holders stake (revenue-share; unstake cooldown 2 days, rewards drip over 7 days)");
    let stakers = [&crowd[3], &crowd[5]]; // dave and frank, the largest holders
    for who in stakers {
        // In two parts: the first stake creates the position, the second adds to it.
        let bag = env.token_balance(keys.base_ata(&who.key.pubkey())).await;
        for part in [bag / 2, bag - bag / 2] {
            env.send(&[stake::stake(&who.key.pubkey(), &keys.base_mint, part)], &[&who.key]).await.unwrap();
        }
        println!("  {:<8} stakes {:>18} SMITH", who.name, tokens(bag));
    }
    let agent_mint = keys.base_mint;

    // --- revenue from every source
    println!("\n== Revenue into the agent's fee vault");
    let wsol_vault = fa::vault(&agent_mint, &native_mint::ID);
    env.send(&[fees::sweep(&keys)], &[]).await.unwrap();
    println!("  sweep: the pool's agent-revenue bucket -> vault (source local)");

    // Base: the router as peer (with report limits), VIRTUAL on Solana as an OFT, the
    // agent's VIRTUAL vault and reward slot.
    const BASE: u32 = 30184;
    let mut base_router = [0u8; 32];
    base_router[12..].copy_from_slice(&[0xBA; 20]);
    let mut base_oft = [0u8; 32];
    base_oft[12..].copy_from_slice(&[0x0F; 20]);
    let admin = env.admin.insecure_clone();
    env.send(&fees::set_peer(&admin.pubkey(), BASE, base_router, 1_000_000 * 1_000_000, 100_000_000 * 1_000_000), &[&admin]).await.unwrap();
    let tp = anchor_spl::token::ID;
    let oft = env.bridged_token(9).await;
    let virtual_mint = oft.mint;
    let payer = env.payer().pubkey();
    env.send(&[fees::create_vault(&payer, &agent_mint, &virtual_mint, &tp)], &[]).await.unwrap();
    env.send(&[stake::add_reward_mint(&creator.key.pubkey(), &agent_mint, &virtual_mint, &tp)], &[&creator.key]).await.unwrap();
    // Two packets from Base, delivered out of order: a fee report to the store, and 12.5
    // VIRTUAL through the OFT with a compose naming the agent.
    let report = FeeReport { agent: agent_mint, reward_mint: virtual_mint, amount_sd: 40_000_000, report_id: 1, source_epoch: 2026_47 };
    let report_packet = Packet::new(BASE, base_router, 1, &report.encode());
    env.verify_packet(&report_packet).await;
    let payload = ValueTransfer { agent: agent_mint, transfer_id: 2, source_epoch: 2026_47 }.encode();
    let oft_message = oft_mock::encode_oft_message(&fa::store(), 12_500_000, Some((&base_router, &payload)));
    let compose = env.oft_receive(&oft, &Packet::new(BASE, base_oft, 1, &oft_message), &fa::store()).await.unwrap().expect("compose");
    println!("  LayerZero from Base (eid {BASE}): the OFT delivers 12.5 VIRTUAL to the store and queues its compose");
    env.lz_compose(&compose).await.unwrap();
    println!("  lz_compose: the 12.5 VIRTUAL that arrived with it -> the agent's vault (source bridged)");
    env.lz_receive(&report_packet).await.unwrap();
    println!("  lz_receive: fee report of 40 VIRTUAL earned and kept on Base (statistics)");
    // Direct revenue in wSOL.
    let patron = env.new_user(10 * QUOTE).await;
    let patron_wsol = env.wrap_sol(&patron, 3 * QUOTE).await;
    env.send(&[fees::deposit(&patron.pubkey(), patron_wsol, &agent_mint, &native_mint::ID, &tp, 3 * QUOTE)], &[&patron]).await.unwrap();
    println!("  direct deposit: 3 SOL of the agent's own business revenue");

    // --- distribute
    println!("\n== Distribute (70% holders via the stake pool / 20% creator / 10% protocol)");
    let recipient_virtual = addr::ata(&recipient, &virtual_mint, &tp);
    let creator_virtual = addr::ata(&creator.key.pubkey(), &virtual_mint, &tp);
    env.send(&[ix::create_ata(&payer, &recipient, &virtual_mint, &tp), ix::create_ata(&payer, &creator.key.pubkey(), &virtual_mint, &tp)], &[]).await.unwrap();
    for who in stakers {
        env.send(&[ix::create_ata(&payer, &who.key.pubkey(), &virtual_mint, &tp)], &[]).await.unwrap();
    }
    env.send(&[fees::distribute(&agent_mint, &native_mint::ID, &tp, creator_ata, recipient_ata)], &[]).await.unwrap();
    env.send(&[fees::distribute(&agent_mint, &virtual_mint, &tp, creator_virtual, recipient_virtual)], &[]).await.unwrap();
    for (label, v) in [("wSOL", wsol_vault), ("VIRTUAL", fa::vault(&agent_mint, &virtual_mint))] {
        let l: AgentVault = env.zero_copy(v).await;
        println!(
            "  {:<8} holders {:>14}  creator {:>14}  protocol {:>14}",
            label, sol(l.distributed_holders), sol(l.distributed_creator), sol(l.distributed_protocol)
        );
    }

    // --- a week later, the holders claim
    env.advance_time(7 * 86_400 + 60).await;
    println!("\n== A week later the stakers claim both reward mints");
    for (i, who) in stakers.into_iter().enumerate() {
        let w = who.key.pubkey();
        let groups = [stake::reward(&w, &agent_mint, &native_mint::ID, &tp), stake::reward(&w, &agent_mint, &virtual_mint, &tp)];
        let before = (env.token_balance(groups[0].2).await, env.token_balance(groups[1].2).await);
        // dave claims both mints in one instruction, frank one mint at a time.
        let claims = if i == 0 { vec![stake::claim(&w, &w, &agent_mint, &groups)] } else { groups.iter().map(|g| stake::claim(&w, &w, &agent_mint, &[*g])).collect() };
        for claim in claims {
            env.send(&[claim], &[&who.key]).await.unwrap();
        }
        let got = (env.token_balance(groups[0].2).await - before.0, env.token_balance(groups[1].2).await - before.1);
        println!("  {:<8} claims {:>14} SOL and {:>14} VIRTUAL", who.name, sol(got.0), sol(got.1));
    }

    // --- final table
    let pool = env.zero_copy::<Pool>(keys.pool).await;
    let stake_pool: StakePool = env.zero_copy(st::pool(&agent_mint)).await;
    println!("\n== Final balances");
    println!("  {:<24} {:>16} {:>22} {:>16}", "party", "wSOL", "SMITH (staked)", "VIRTUAL");
    let mut total_base = 0;
    let mut everyone: Vec<(&str, solana_sdk::pubkey::Pubkey)> = vec![("creator", creator.key.pubkey()), ("whale", whale.key.pubkey())];
    everyone.extend(crowd.iter().map(|p| (p.name, p.key.pubkey())));
    for (name, key) in everyone {
        let q = env.token_balance(keys.quote_ata(&key)).await;
        let b = env.token_balance(keys.base_ata(&key)).await;
        let staked = match env.account(st::position(&st::pool(&agent_mint), &key)).await {
            Some(acc) => bytemuck::from_bytes::<revenue_share::state::Position>(&acc.data[8..8 + core::mem::size_of::<revenue_share::state::Position>()]).staked,
            None => 0,
        };
        let v = match env.account(addr::ata(&key, &virtual_mint, &tp)).await {
            Some(_) => env.token_balance(addr::ata(&key, &virtual_mint, &tp)).await,
            None => 0,
        };
        total_base += b + staked;
        let smith = if staked > 0 { format!("{} ({})", tokens(b), tokens(staked)) } else { tokens(b) };
        println!("  {:<24} {:>16} {:>22} {:>16}", name, sol(q), smith, sol(v));
    }
    println!("  {:<24} {:>16} {:>22} {:>16}", "protocol fee recipient", sol(env.token_balance(recipient_ata).await), "-", sol(env.token_balance(recipient_virtual).await));
    let qv = env.token_balance(keys.quote_vault).await;
    let bv = env.token_balance(keys.base_vault).await;
    total_base += bv;
    println!("  {:<24} {:>16} {:>22} {:>16}", "pool vaults (locked)", sol(qv), tokens(bv), "-");
    let sv = env.token_balance(stake_pool.stake_vault).await;
    println!(
        "  {:<24} {:>16} {:>22} {:>16}",
        "stake pool (undripped)",
        sol(env.token_balance(stake_pool.rewards[0].vault).await),
        tokens(sv),
        sol(env.token_balance(stake_pool.rewards[1].vault).await)
    );
    assert_eq!(qv, pool.quote_reserve + pool.protocol_fees + pool.creator_fees + pool.agent_fees);
    assert_eq!(total_base, p.curve_supply + p.graduated_supply);

    println!("\n== Fee aggregator ledger (per source)");
    println!("  {:<8} {:>14} {:>14} {:>14} {:>16} {:>14}", "vault", "local", "direct", "bridged", "Base reported", "undistributed");
    for (label, v) in [("wSOL", wsol_vault), ("VIRTUAL", fa::vault(&agent_mint, &virtual_mint))] {
        let l: AgentVault = env.zero_copy(v).await;
        let reported = l.chain(BASE).map(|c| c.reported).unwrap_or(0);
        println!(
            "  {:<8} {:>14} {:>14} {:>14} {:>16} {:>14}",
            label, sol(l.total_local), sol(l.total_direct), sol(l.total_bridged), sol(reported), sol(l.undistributed)
        );
        assert_eq!(l.total_local + l.total_direct + l.total_bridged, l.distributed_holders + l.distributed_creator + l.distributed_protocol + l.undistributed);
    }
    println!("\n  books: quote vault = reserve + buckets; every one of the {} SMITH is accounted for (held, staked or locked);", tokens(total_base));
    println!("  every vault's inflow = holders + creator + protocol + undistributed.");
    // --- a second agent, on a segmented curve
    println!("\n== A second agent on a 16-segment curve, traded through graduation");
    let (shaped, specs) = agentpad_tests::presets::segmented(16);
    let admin = env.admin.insecure_clone();
    let create = ix::create_segmented_preset(&admin.pubkey(), SHAPED_PRESET, &native_mint::ID, shaped, StakingParams::STANDARD, specs);
    env.send(&[create], &[&admin]).await.unwrap();
    println!(
        "  preset {SHAPED_PRESET}: 16 segments of {} SMITH, each from the previous end price with {}/{} its liquidity; graduates at {} SOL",
        tokens(shaped.curve_supply / 16), presets::LIQUIDITY_STEP.0, presets::LIQUIDITY_STEP.1, sol(shaped.graduation_threshold)
    );
    let creator2 = Party { name: "creator2", key: env.new_user(10 * QUOTE).await };
    let mint2 = env.keypair();
    let shaped_keys = env.try_launch_on(&protocol, SHAPED_PRESET, &creator2.key, &mint2, None).await.expect("launch on the segmented preset");
    let segments = env.pool_segments(&shaped_keys).await;
    println!("  agent {} launched; its pool stores the {} further segments ({} bytes)", shaped_keys.base_mint, segments.len(), segments.len() * SEGMENT_LEN);
    let segment_of = |pool: &Pool| segments.iter().take_while(|g| g.base_start <= pool.params.curve_supply - pool.base_reserve).count() + 1;
    let bob = &crowd[1];
    env.create_base_ata(&shaped_keys, &bob.key.pubkey()).await;
    trade(&mut env, &shaped_keys, bob, ix::buy_exact_in(ix::swap_accounts(&bob.key.pubkey(), &shaped_keys), QUOTE / 2, 1)).await;
    let before = env.pool(&shaped_keys).await;
    let whale2 = Party { name: "whale2", key: env.new_user(500 * QUOTE).await };
    env.wrap_sol(&whale2.key, 400 * QUOTE).await;
    env.create_base_ata(&shaped_keys, &whale2.key.pubkey()).await;
    let ev = trade(&mut env, &shaped_keys, &whale2, ix::buy_exact_in(ix::swap_accounts(&whale2.key.pubkey(), &shaped_keys), 400 * QUOTE, 1)).await.unwrap();
    let after = env.pool(&shaped_keys).await;
    println!(
        "  whale2 offered 400 SOL, paid {} SOL in one buy from segment {} to segment {}; curve complete: {}",
        sol(ev.quote_amount), segment_of(&before), segment_of(&after), ev.completed_curve
    );
    let events = env.send_with_events(&[ix::graduate(&shaped_keys.pool)], &[]).await.unwrap();
    let g = events.iter().find_map(|e| decode_event::<PoolGraduated>(e)).unwrap();
    println!("  graduated: {} SOL x {} SMITH, opening price {}", sol(g.quote_reserve), tokens(g.base_reserve), price(g.price_q64));
    let held = env.token_balance(shaped_keys.base_ata(&bob.key.pubkey())).await;
    trade(&mut env, &shaped_keys, bob, ix::sell_exact_in(ix::swap_accounts(&bob.key.pubkey(), &shaped_keys), held, 1)).await;

    // --- a third agent: a Base agent on Solana
    println!("\n== A Base agent on Solana: linked from Base, registered here, traded, staked, paid from both chains");
    let base_agent = env.bridged_agent_token(&[]).await;
    let (agent3, base_token) = (base_agent.mint, { let mut t = [0u8; 32]; t[12..].copy_from_slice(&[0x77; 20]); t });
    let creator3 = Party { name: "creator3", key: env.new_user(100 * QUOTE).await };
    let c3 = creator3.key.pubkey();
    let link = LinkMessage { agent: agent3, creator: c3, oft_store: base_agent.store, origin_token: base_token, link_id: 3 };
    let link_packet = Packet::new(BASE, base_router, 2, &link.encode());
    env.verify_packet(&link_packet).await;
    env.lz_receive(&link_packet).await.unwrap();
    println!("  the router on Base (owner only) links Base token 0x7777…77 to mint {agent3}, creator {c3}, OFT store {}", base_agent.store);
    let register = agentpad_client::instructions::agent_factory::register_bridged_agent(&agentpad_client::instructions::agent_factory::RegisterBridged {
        creator: c3, mint: agent3, preset_id: 0, reward_mint: virtual_mint, reward_token_program: tp, unstake_cooldown: None,
    });
    env.send(&[register], &[&creator3.key]).await.unwrap();
    println!("  creator3 registers it (only the linked creator can): agent record (origin eid {BASE}), VIRTUAL fee vault, stake pool");
    // Agent tokens come from Base through the agent's OFT: to the creator, and to two holders.
    let agent_oft_peer = { let mut t = [0u8; 32]; t[12..].copy_from_slice(&[0xA6; 20]); t };
    let (grace, heidi) = (&crowd[6], &crowd[7]);
    for (nonce, (owner, amount)) in [(c3, 200_000 * TOKEN), (grace.key.pubkey(), 300_000 * TOKEN), (heidi.key.pubkey(), 100_000 * TOKEN)].into_iter().enumerate() {
        let message = oft_mock::encode_oft_message(&owner, amount, None);
        env.oft_receive(&base_agent, &Packet::new(BASE, agent_oft_peer, nonce as u64 + 1, &message), &owner).await.unwrap();
    }
    println!("  the agent's OFT delivers 200,000 / 300,000 / 100,000 from Base to creator3, grace and heidi");
    let keys3 = PoolKeys::for_mint(agent3, native_mint::ID, tp);
    env.wrap_sol(&creator3.key, 10 * QUOTE).await;
    env.send(&[agentpad_client::instructions::agent_factory::open_bridged_pool(&c3, &keys3, 0, 200_000 * TOKEN, 10 * QUOTE)], &[&creator3.key]).await.unwrap();
    println!("  creator3 opens its Solana pool: 200,000 against 10 SOL, locked forever (starts graduated)");
    for who in [grace, heidi] {
        let held = env.token_balance(keys3.base_ata(&who.key.pubkey())).await;
        env.send(&[stake::stake(&who.key.pubkey(), &agent3, held)], &[&who.key]).await.unwrap();
    }
    println!("  grace and heidi stake everything they hold");
    let ivan = Party { name: "ivan", key: env.new_user(20 * QUOTE).await };
    env.wrap_sol(&ivan.key, 10 * QUOTE).await;
    env.create_base_ata(&keys3, &ivan.key.pubkey()).await;
    trade(&mut env, &keys3, &ivan, ix::buy_exact_in(ix::swap_accounts(&ivan.key.pubkey(), &keys3), 6 * QUOTE, 1)).await;
    let held = env.token_balance(keys3.base_ata(&ivan.key.pubkey())).await;
    trade(&mut env, &keys3, &ivan, ix::sell_exact_in(ix::swap_accounts(&ivan.key.pubkey(), &keys3), held / 2, 1)).await;
    // Solana: the pool's agent bucket; Base: VIRTUAL through the OFT with a compose, and a report.
    env.send(&[fees::create_vault(&payer, &agent3, &native_mint::ID, &tp), stake::add_reward_mint(&c3, &agent3, &native_mint::ID, &tp)], &[&creator3.key]).await.unwrap();
    env.send(&[fees::sweep(&keys3)], &[]).await.unwrap();
    let payload = ValueTransfer { agent: agent3, transfer_id: 4, source_epoch: 2026_49 }.encode();
    let oft_message = oft_mock::encode_oft_message(&fa::store(), 8_000_000, Some((&base_router, &payload)));
    let compose = env.oft_receive(&oft, &Packet::new(BASE, base_oft, 2, &oft_message), &fa::store()).await.unwrap().expect("compose");
    env.lz_compose(&compose).await.unwrap();
    let report = FeeReport { agent: agent3, reward_mint: virtual_mint, amount_sd: 25_000_000, report_id: 5, source_epoch: 2026_49 };
    let report_packet = Packet::new(BASE, base_router, 3, &report.encode());
    env.verify_packet(&report_packet).await;
    env.lz_receive(&report_packet).await.unwrap();
    let creator3_virtual = addr::ata(&c3, &virtual_mint, &tp);
    let creator3_wsol = addr::ata(&c3, &native_mint::ID, &tp);
    env.send(&[ix::create_ata(&payer, &c3, &virtual_mint, &tp)], &[]).await.unwrap();
    for who in [grace, heidi] {
        env.send(&[ix::create_ata(&payer, &who.key.pubkey(), &virtual_mint, &tp)], &[]).await.unwrap();
    }
    env.send(&[fees::distribute(&agent3, &native_mint::ID, &tp, creator3_wsol, recipient_ata)], &[]).await.unwrap();
    env.send(&[fees::distribute(&agent3, &virtual_mint, &tp, creator3_virtual, recipient_virtual)], &[]).await.unwrap();
    env.advance_time(7 * 86_400 + 60).await;
    let mut claimed = vec![];
    for who in [grace, heidi] {
        let w = who.key.pubkey();
        let groups = [stake::reward(&w, &agent3, &native_mint::ID, &tp), stake::reward(&w, &agent3, &virtual_mint, &tp)];
        let before = (env.token_balance(groups[0].2).await, env.token_balance(groups[1].2).await);
        env.send(&[stake::claim(&w, &w, &agent3, &groups)], &[&who.key]).await.unwrap();
        claimed.push((who.name, env.token_balance(groups[0].2).await - before.0, env.token_balance(groups[1].2).await - before.1));
    }
    println!("\n  {:<10} {:<8} {:>16} {:>14} {:>16} {:>14} {:>14}", "chain", "vault", "source", "arrived", "Base reported", "to holders", "undistributed");
    let (l_wsol, l_virtual): (AgentVault, AgentVault) = (env.zero_copy(fa::vault(&agent3, &native_mint::ID)).await, env.zero_copy(fa::vault(&agent3, &virtual_mint)).await);
    println!("  {:<10} {:<8} {:>16} {:>14} {:>16} {:>14} {:>14}", "Solana", "wSOL", "pool fees", sol(l_wsol.total_local), "-", sol(l_wsol.distributed_holders), sol(l_wsol.undistributed));
    let base = l_virtual.chain(BASE).expect("Base totals");
    println!("  {:<10} {:<8} {:>16} {:>14} {:>16} {:>14} {:>14}", "Base", "VIRTUAL", "bridged (OFT)", sol(base.credited), sol(base.reported), sol(l_virtual.distributed_holders), sol(l_virtual.undistributed));
    for (name, wsol_got, virtual_got) in &claimed {
        println!("  {name:<8} claims {:>14} SOL (from Solana) and {:>14} VIRTUAL (from Base)", sol(*wsol_got), sol(*virtual_got));
    }
    let total_claimed = (claimed.iter().map(|c| c.1).sum::<u64>(), claimed.iter().map(|c| c.2).sum::<u64>());
    assert!(total_claimed.0 <= l_wsol.distributed_holders && l_wsol.distributed_holders - total_claimed.0 <= 2, "stakers got the wSOL holders' part");
    assert!(total_claimed.1 <= l_virtual.distributed_holders && l_virtual.distributed_holders - total_claimed.1 <= 2, "stakers got the VIRTUAL holders' part");
    assert_eq!((l_wsol.total_local, base.credited), (l_wsol.distributed_holders + l_wsol.distributed_creator + l_wsol.distributed_protocol, l_virtual.distributed_holders + l_virtual.distributed_creator + l_virtual.distributed_protocol));

    // --- agents hire agents
    println!("\n== Agents hire agents (agent-commerce): the pay becomes the hired agent's revenue");
    let (b_mint, c_mint) = (agent_mint, shaped_keys.base_mint);
    let mut operators = vec![];
    for (name, agent, creator_key) in [("A (Base agent)", agent3, &creator3.key), ("B (SMITH)", b_mint, &creator.key), ("C (16-segment)", c_mint, &creator2.key)] {
        let operator = env.new_user(20 * QUOTE).await;
        env.send(&[commerce::set_operator(&creator_key.pubkey(), &agent, operator.pubkey())], &[creator_key]).await.unwrap();
        println!("  {name:<15} creator names operator {}", operator.pubkey());
        operators.push(operator);
    }
    let (op_a, op_b, op_c) = (&operators[0], &operators[1], &operators[2]);
    // C's holders: whale2 stakes what it bought across the segments.
    let c_bag = env.token_balance(shaped_keys.base_ata(&whale2.key.pubkey())).await;
    env.send(&[stake::stake(&whale2.key.pubkey(), &c_mint, c_bag)], &[&whale2.key]).await.unwrap();
    println!("  whale2 stakes its {} C tokens", tokens(c_bag));
    let (a_wsol, b_wsol) = (env.wrap_sol(op_a, 10 * QUOTE).await, env.wrap_sol(op_b, 5 * QUOTE).await);
    let now = env.clock().await.unix_timestamp;
    let args = |id, budget, evaluator, evaluator_fee_bps, expires_at| CreateJobArgs {
        id, budget, evaluator, evaluator_fee_bps, expires_at, terms_hash: [id as u8; 32], terms_uri: format!("ipfs://agentpad-demo/terms/{id}"),
    };
    let job_keys = |client: &Keypair, id, provider| JobKeys::new(client.pubkey(), id, provider, native_mint::ID, tp);
    // A hires B for 2 SOL, evaluating itself; B accepts; A funds the escrow.
    let job1 = job_keys(op_a, 1, b_mint);
    env.send(&[commerce::create_job(&job1, args(1, 2 * QUOTE, Evaluator::Client, 0, now + 86_400), None)], &[op_a]).await.unwrap();
    env.send(&[commerce::accept_job(&op_b.pubkey(), &job1)], &[op_b]).await.unwrap();
    env.send(&[commerce::fund_job(&job1, a_wsol)], &[op_a]).await.unwrap();
    println!("  job {}: A hires B for 2 SOL (A evaluates); accepted; funded into escrow {}", job1.job, job1.escrow());
    // B sub-contracts part to C for 0.5 SOL from its own wallet; A's agent evaluates that, for 2%.
    let job2 = job_keys(op_b, 1, c_mint);
    let by_a = Evaluator::Agent { mint: agent3 };
    env.send(&[commerce::create_job(&job2, args(1, QUOTE / 2, by_a, 200, now + 86_400), Some((job1.job, b_mint)))], &[op_b]).await.unwrap();
    env.send(&[commerce::accept_job(&op_c.pubkey(), &job2)], &[op_c]).await.unwrap();
    env.send(&[commerce::fund_job(&job2, b_wsol)], &[op_b]).await.unwrap();
    println!("  job {}: B sub-contracts to C for 0.5 SOL (child of job 1; A's agent evaluates for 2%)", job2.job);
    env.send(&[commerce::submit_job(&op_c.pubkey(), &job2, [0xC2; 32], "ipfs://agentpad-demo/deliverable/c".into())], &[op_c]).await.unwrap();
    let a_fee_before = env.token_balance(a_wsol).await;
    let events = env.send_with_events(&[commerce::approve_job(&op_a.pubkey(), &by_a, &job2, a_wsol)], &[op_a]).await.unwrap();
    let paid2 = events.iter().find_map(|e| decode_event::<JobPaid>(e)).expect("JobPaid");
    assert_eq!(env.token_balance(a_wsol).await - a_fee_before, paid2.evaluator_fee);
    println!("  C delivers; A's operator approves: {} SOL to C's fee vault, {} SOL evaluator fee", sol(paid2.provider_amount), sol(paid2.evaluator_fee));
    env.send(&[commerce::submit_job(&op_b.pubkey(), &job1, [0xB1; 32], "ipfs://agentpad-demo/deliverable/b".into())], &[op_b]).await.unwrap();
    let events = env.send_with_events(&[commerce::approve_job(&op_a.pubkey(), &Evaluator::Client, &job1, a_wsol)], &[op_a]).await.unwrap();
    let paid1 = events.iter().find_map(|e| decode_event::<JobPaid>(e)).expect("JobPaid");
    println!("  B delivers; A approves: {} SOL to B's fee vault", sol(paid1.provider_amount));
    // A delivers-but-rejected job: A hires C for 0.3 SOL and rejects the deliverable; A is refunded in full.
    let job4 = job_keys(op_a, 4, c_mint);
    env.send(&[commerce::create_job(&job4, args(4, 3 * QUOTE / 10, Evaluator::Client, 0, now + 86_400), None)], &[op_a]).await.unwrap();
    env.send(&[commerce::accept_job(&op_c.pubkey(), &job4)], &[op_c]).await.unwrap();
    env.send(&[commerce::fund_job(&job4, a_wsol)], &[op_a]).await.unwrap();
    env.send(&[commerce::submit_job(&op_c.pubkey(), &job4, [0xC4; 32], "ipfs://agentpad-demo/deliverable/c-rejected".into())], &[op_c]).await.unwrap();
    let before = env.token_balance(a_wsol).await;
    env.send(&[commerce::reject_job(&op_a.pubkey(), &Evaluator::Client, &job4, a_wsol)], &[op_a]).await.unwrap();
    assert_eq!(env.token_balance(a_wsol).await - before, 3 * QUOTE / 10);
    println!("  job {}: A hires C for 0.3 SOL and rejects the deliverable: A's 0.3 SOL comes back", job4.job);
    // A third job is funded and never delivered: at its expiry anyone refunds A in full.
    let job3 = job_keys(op_a, 3, c_mint);
    env.send(&[commerce::create_job(&job3, args(3, QUOTE, Evaluator::Client, 0, now + 3_600), None)], &[op_a]).await.unwrap();
    env.send(&[commerce::accept_job(&op_c.pubkey(), &job3)], &[op_c]).await.unwrap();
    env.send(&[commerce::fund_job(&job3, a_wsol)], &[op_a]).await.unwrap();
    env.advance_time(3_600).await;
    let before = env.token_balance(a_wsol).await;
    let cranker = env.new_user(QUOTE).await;
    env.send(&[commerce::expire_job(&cranker.pubkey(), &job3, a_wsol)], &[&cranker]).await.unwrap();
    assert_eq!(env.token_balance(a_wsol).await - before, QUOTE);
    println!("  job {}: A hires C for 1 SOL, never delivered; after its expiry a stranger's crank refunds A's 1 SOL", job3.job);
    // The next distribution pays B's and C's holders, creators and the protocol.
    let creator2_wsol = env.wrap_sol(&creator2.key, 0).await;
    let mut holders_part = vec![];
    for (label, agent, creator_account) in [("B", b_mint, creator_ata), ("C", c_mint, creator2_wsol)] {
        let events = env.send_with_events(&[fees::distribute(&agent, &native_mint::ID, &tp, creator_account, recipient_ata)], &[]).await.unwrap();
        let d = events.iter().find_map(|e| decode_event::<RevenueDistributed>(e)).expect("RevenueDistributed");
        println!("  distribute {label}: holders {} / creator {} / protocol {} SOL", sol(d.holders), sol(d.creator), sol(d.protocol));
        holders_part.push(d.holders);
    }
    env.advance_time(7 * 86_400 + 60).await;
    let mut b_claimed = 0;
    for who in stakers {
        let w = who.key.pubkey();
        let group = stake::reward(&w, &b_mint, &native_mint::ID, &tp);
        let before = env.token_balance(group.2).await;
        env.send(&[stake::claim(&w, &w, &b_mint, &[group])], &[&who.key]).await.unwrap();
        let got = env.token_balance(group.2).await - before;
        b_claimed += got;
        println!("  {:<8} (B staker) claims {:>14} SOL", who.name, sol(got));
    }
    let w = whale2.key.pubkey();
    let group = stake::reward(&w, &c_mint, &native_mint::ID, &tp);
    let before = env.token_balance(group.2).await;
    env.send(&[stake::claim(&w, &w, &c_mint, &[group])], &[&whale2.key]).await.unwrap();
    let c_claimed = env.token_balance(group.2).await - before;
    println!("  {:<8} (C staker) claims {:>14} SOL", "whale2", sol(c_claimed));
    assert!(b_claimed <= holders_part[0] && holders_part[0] - b_claimed <= 2 && c_claimed <= holders_part[1] && holders_part[1] - c_claimed <= 1);
    println!("\n  {:<4} {:>14} {:>14} {:>14} {:>14} {:>14} {:>14}", "wSOL", "local", "direct", "bridged", "commerce", "distributed", "undistributed");
    for (label, agent) in [("A", agent3), ("B", b_mint), ("C", c_mint)] {
        let l: AgentVault = env.zero_copy(fa::vault(&agent, &native_mint::ID)).await;
        let distributed = l.distributed_holders + l.distributed_creator + l.distributed_protocol;
        println!(
            "  {:<4} {:>14} {:>14} {:>14} {:>14} {:>14} {:>14}",
            label, sol(l.total_local), sol(l.total_direct), sol(l.total_bridged), sol(l.total_commerce), sol(distributed), sol(l.undistributed)
        );
        assert_eq!(l.total_local + l.total_direct + l.total_bridged + l.total_commerce, distributed + l.undistributed);
    }
    let (b_book, c_book): (AgentVault, AgentVault) = (env.zero_copy(fa::vault(&b_mint, &native_mint::ID)).await, env.zero_copy(fa::vault(&c_mint, &native_mint::ID)).await);
    assert_eq!((b_book.total_commerce, c_book.total_commerce), (paid1.provider_amount, paid2.provider_amount));

    env.finish_trace().await;
}
