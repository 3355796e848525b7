#!/usr/bin/env bash
# The main job: the full agent lifecycle on an embedded bank (real programs, real token
# programs, wSOL quote): launch, trading to graduation and beyond, revenue from every
# source (sweep, LayerZero from Base, deposit), distribution, staking and claims, printed
# step by step with a final balance table and the fee aggregator's per-source ledger.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v cargo >/dev/null || { echo "error: cargo not found: install Rust 1.95+ (rustup)" >&2; exit 1; }
export RUST_LOG="${RUST_LOG:-error}"
cargo build --locked -q -p agentpad-tests --example lifecycle
# Natively, programs' msg! lines go to stdout; the example prints its own account of events.
cargo run --locked -q -p agentpad-tests --example lifecycle | grep -v -E '^(Instruction: |AnchorError )'
