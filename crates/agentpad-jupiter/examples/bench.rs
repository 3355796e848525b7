//! The adapter's cost to an aggregator: time per `quote` and per `update`, and the bytes
//! `update` reads per pool, for pools in each phase. Prints a Markdown table.
//!
//! `cargo run --release --locked -p agentpad-jupiter --example bench` (`./scripts/bench.sh`
//! appends it to docs/benchmarks.md).

use std::hint::black_box;
use std::time::Instant;

use agentpad_client::presets;
use agentpad_jupiter::AgentpadAmm;
use agentpad_jupiter::jupiter_amm_interface::{AccountMap, Amm, ClockRef, QuoteParams, SwapMode};
use agentpad_math::pool::Phase;
use anchor_lang::Discriminator;
use anchor_lang::prelude::Pubkey;
use bonding_curve::state::{Pool, PoolParams};
use solana_account::Account;

const QUOTE: u64 = presets::QUOTE;
const TOKEN: u64 = presets::TOKEN;
/// Calls per measurement; the table shows the fastest of five measurements.
const CALLS: u32 = 100_000;

/// A pool account as the program writes it, for `params` (and its segments), after buys
/// of `buys` quote units each; graduated if `graduate`.
fn pool_account(params: PoolParams, specs: &[bonding_curve::state::SegmentSpec], buys: &[u64], graduate: bool) -> Account {
    let specs: Vec<_> = specs.iter().map(|&s| s.into()).collect();
    let segments = params.curve().build_segments(&specs).expect("a valid preset");
    let mut pool: Pool = bytemuck::Zeroable::zeroed();
    (pool.base_mint, pool.quote_mint) = (Pubkey::new_unique(), Pubkey::new_unique());
    (pool.base_vault, pool.quote_vault, pool.quote_token_program) = (Pubkey::new_unique(), Pubkey::new_unique(), Pubkey::new_unique());
    pool.params = params;
    pool.base_reserve = params.curve_supply;
    (pool.base_decimals, pool.quote_decimals) = (6, 9);
    for &quote_in in buys {
        let trade = pool.market(&segments).unwrap().buy_exact_in(quote_in, params.base_fee_bps).unwrap();
        pool.apply_trade(&trade).unwrap();
    }
    if graduate {
        let mut market = pool.market(&segments).unwrap();
        let reserves = market.graduate().expect("a completed curve");
        pool.store_state(reserves, Phase::Graduated);
    }
    let mut data = Pool::DISCRIMINATOR.to_vec();
    data.extend_from_slice(bytemuck::bytes_of(&pool));
    data.extend_from_slice(bytemuck::cast_slice(&segments));
    Account { lamports: 1, data, owner: bonding_curve::ID, executable: false, rent_epoch: 0 }
}

/// Nanoseconds per call of `f`, the fastest of five runs of [`CALLS`] calls.
fn ns_per_call(mut f: impl FnMut()) -> f64 {
    (0..5)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..CALLS {
                f();
            }
            start.elapsed().as_nanos() as f64 / CALLS as f64
        })
        .fold(f64::INFINITY, f64::min)
}

fn main() {
    let (segmented, specs) = presets::segmented(16);
    let standard = presets::standard();
    let pools = [
        ("curve, 1 segment, at launch", pool_account(standard, &[], &[], false)),
        ("curve, 1 segment, 40 of 85 SOL in", pool_account(standard, &[], &[40 * QUOTE], false)),
        ("curve, 16 segments, at launch", pool_account(segmented, &specs, &[], false)),
        ("curve, 16 segments, half way", pool_account(segmented, &specs, &[segmented.graduation_threshold / 2], false)),
        ("graduated (constant product)", pool_account(standard, &[], &[100 * QUOTE], true)),
    ];
    println!("## Jupiter adapter (agentpad-jupiter): quote and update cost per pool\n");
    println!("`cargo run --release --locked -p agentpad-jupiter --example bench`; host CPU, the fastest of 5 × {CALLS} calls; buys of 10 SOL, sells of 10M tokens.\n");
    println!("| pool | `update` bytes | `update` ns | buy exact in ns | buy exact out ns | sell exact in ns |");
    println!("|---|---:|---:|---:|---:|---:|");
    for (name, account) in pools {
        let key = Pubkey::new_unique();
        // Past the anti-sniper window: the rate is the steady one.
        let clock = ClockRef::default();
        clock.unix_timestamp.store(i64::MAX / 2, std::sync::atomic::Ordering::Relaxed);
        let mut amm = AgentpadAmm::from_pool_account(key, &account.owner, &account.data, clock).unwrap();
        let mut map = AccountMap::default();
        map.insert(key, account.clone());
        let update = ns_per_call(|| amm.update(black_box(&map)).unwrap());
        let mints = amm.get_reserve_mints();
        let (quote_mint, base_mint) = (mints[0], mints[1]);
        let params = |amount, input_mint, output_mint, swap_mode| QuoteParams { amount, input_mint, output_mint, swap_mode, fee_mode: Default::default() };
        let buy_in = params(10 * QUOTE, quote_mint, base_mint, SwapMode::ExactIn);
        let buy_out = params(amm.quote(&buy_in).unwrap().out_amount, quote_mint, base_mint, SwapMode::ExactOut);
        let sell_in = params(10_000_000 * TOKEN, base_mint, quote_mint, SwapMode::ExactIn);
        let sold_any = amm.phase() != Phase::Curve || amm.pool().base_reserve < amm.pool().params.curve_supply;
        let time = |p: &QuoteParams| match amm.quote(p) {
            Ok(_) => format!("{:.0}", ns_per_call(|| drop(black_box(amm.quote(black_box(p)))))),
            Err(_) => "refused".into(),
        };
        // A pool at launch holds nothing to sell back.
        let sell = if sold_any { time(&sell_in) } else { "nothing sold yet".into() };
        println!("| {name} | {} | {update:.0} | {} | {} | {sell} |", account.data.len(), time(&buy_in), time(&buy_out));
    }
}
