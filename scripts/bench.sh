#!/usr/bin/env bash
# Benchmark: compute units of every instruction on real sBPF (LiteSVM), transaction sizes,
# accounts touched, and the size and rent of every account type. Prints the table and
# writes it to docs/benchmarks.md.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
./scripts/sbf/test.sh
node scripts/sbf/runner/bench.mjs target/sbf/report-lifecycle.json target/sbf/traces/lifecycle.json > docs/benchmarks.md
cat docs/benchmarks.md
