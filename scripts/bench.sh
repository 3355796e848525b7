#!/usr/bin/env bash
# Benchmark: compute units of every instruction on real sBPF (LiteSVM), transaction sizes,
# accounts touched, the size and rent of every account type, and the Base router's gas
# (forge), and the Jupiter adapter's quote and update cost per pool (host CPU). Prints the tables and writes them to docs/benchmarks.md. Throughput on a
# validator: ./scripts/bench-load.sh.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
./scripts/sbf/test.sh
node scripts/sbf/runner/bench.mjs target/sbf/report-lifecycle.json target/sbf/traces/lifecycle.json > docs/benchmarks.md
./scripts/evm/test.sh --gas-report > target/evm-gas.txt
{ echo; awk -f scripts/evm/gas-table.awk target/evm-gas.txt; } >> docs/benchmarks.md
{ echo; cargo run --release --locked -q -p agentpad-jupiter --example bench; } >> docs/benchmarks.md
cat docs/benchmarks.md
