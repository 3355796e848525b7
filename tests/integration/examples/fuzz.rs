//! The cross-program invariant fuzzer (see `agentpad_tests::fuzz`).
//!
//!   cargo run -p agentpad-tests --example fuzz -- [--ops N] [--seed S]... [--threads T]
//!
//! Runs N operations per seed (T seeds at a time, default 2) on the cluster runtime (the sBPF `.so` files in LiteSVM),
//! prints a table per seed and the total ops/s, and exits 1 on the first failed check,
//! printing the seed and step that reproduce it.
#![allow(deprecated)]

use agentpad_tests::fuzz::{self, Config};

fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let value = |name: &str| args.iter().position(|a| a == name).and_then(|i| args.get(i + 1));
    let ops: usize = value("--ops").map(|v| v.parse().expect("--ops N")).unwrap_or(10_000);
    let mut seeds: Vec<u64> = args.windows(2).filter(|w| w[0] == "--seed").map(|w| w[1].parse().expect("--seed S")).collect();
    if seeds.is_empty() {
        seeds = vec![1, 2, 3, 4];
    }
    // Seeds run two at a time (one runtime each, one thread each): the machine has 2 cores.
    let threads: usize = value("--threads").map(|v| v.parse().expect("--threads N")).unwrap_or(2);
    let started = std::time::Instant::now();
    let mut results = Vec::new();
    for batch in seeds.chunks(threads) {
        let handles: Vec<_> = batch
            .iter()
            .map(|&seed| {
                std::thread::spawn(move || {
                    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
                    (seed, rt.block_on(fuzz::run(Config::new(seed, ops))))
                })
            })
            .collect();
        results.extend(handles.into_iter().map(|h| h.join().expect("fuzz thread")));
    }
    let (mut total_ops, mut total_seconds) = (0usize, 0f64);
    for (seed, result) in results {
        match result {
            Ok(r) => {
                println!("seed {seed}: {} ops ({} ok, {} refused), {} book checks, {:.1} s, {:.0} ops/s", r.ops, r.ok, r.refused, r.checks, r.seconds, r.ops_per_second());
                for (op, (ok, refused)) in &r.by_op {
                    println!("  {op:<18} {ok:>7} ok {refused:>7} refused");
                }
                total_ops += r.ops;
                total_seconds += r.seconds;
            }
            Err(f) => {
                eprintln!("error: fuzzer check failed: {f}");
                eprintln!("reproduce: cargo run -p agentpad-tests --example fuzz -- --seed {} --ops {}", f.seed, f.step + 1);
                return std::process::ExitCode::FAILURE;
            }
        }
    }
    let wall = started.elapsed().as_secs_f64();
    println!(
        "total: {total_ops} operations; {:.0} ops/s per runtime, {:.0} ops/s on {threads} threads ({wall:.1} s)",
        total_ops as f64 / total_seconds.max(1e-9),
        total_ops as f64 / wall
    );
    std::process::ExitCode::SUCCESS
}
