//! The agentpad lifecycle on an embedded bank: the real programs, the real SPL Token and
//! Token-2022 programs, wSOL as quote. Launch an agent, let a crowd trade it along the
//! curve, fill it to graduation, graduate, trade the locked constant-product pool, claim
//! fees, and print every party's balances.
#![allow(deprecated)]

use agentpad_tests::accounts::{self as addr, PoolKeys};
use agentpad_tests::fixtures::Protocol;
use agentpad_tests::presets::{QUOTE, TOKEN};
use agentpad_tests::{Env, decode_event, ix};
use anchor_spl::token::spl_token::native_mint;
use bonding_curve::event::{PoolGraduated, TradeExecuted};
use bonding_curve::state::Pool;
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
            println!("  {:<8} refused: {e:?}", who.name);
            None
        }
    }
}

#[tokio::main]
async fn main() {
    println!("agentpad lifecycle: embedded bank (solana-program-test), real SPL Token / Token-2022 / ATA programs\n");
    let mut env = Env::start().await;

    // --- protocol
    let protocol: Protocol = env.setup_protocol_for(native_mint::ID, anchor_spl::token::ID, Keypair::new()).await;
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
    println!("  agent revenue {} SOL stays in the pool for the fee aggregator\n", sol(pool.agent_fees));

    // --- final table
    let pool = env.zero_copy::<Pool>(keys.pool).await;
    println!("== Final balances");
    println!("  {:<24} {:>16} {:>22}", "party", "wSOL", "SMITH");
    let mut total_base = 0;
    let mut everyone: Vec<(&str, solana_sdk::pubkey::Pubkey)> = vec![("creator", creator.key.pubkey()), ("whale", whale.key.pubkey())];
    everyone.extend(crowd.iter().map(|p| (p.name, p.key.pubkey())));
    for (name, key) in everyone {
        let q = env.token_balance(keys.quote_ata(&key)).await;
        let b = env.token_balance(keys.base_ata(&key)).await;
        total_base += b;
        println!("  {:<24} {:>16} {:>22}", name, sol(q), tokens(b));
    }
    println!("  {:<24} {:>16} {:>22}", "protocol fee recipient", sol(env.token_balance(recipient_ata).await), "-");
    let qv = env.token_balance(keys.quote_vault).await;
    let bv = env.token_balance(keys.base_vault).await;
    total_base += bv;
    println!("  {:<24} {:>16} {:>22}", "pool vaults", sol(qv), tokens(bv));
    println!("    of which reserves      {:>16} {:>22}", sol(pool.quote_reserve), tokens(pool.base_reserve));
    println!("    of which agent revenue {:>16} {:>22}", sol(pool.agent_fees), "-");
    println!("    unclaimed protocol/creator {} / {}", sol(pool.protocol_fees), sol(pool.creator_fees));
    assert_eq!(qv, pool.quote_reserve + pool.protocol_fees + pool.creator_fees + pool.agent_fees);
    assert_eq!(total_base, p.curve_supply + p.graduated_supply);
    println!("\n  books: quote vault = reserve + buckets, and every one of the {} SMITH is accounted for.", tokens(total_base));
}
