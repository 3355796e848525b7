#!/usr/bin/env bash
# The lifecycle recorded natively and replayed on the sBPF .so files in LiteSVM (Node): every
# transaction must end as it did natively, every account it wrote must end byte-identical,
# every lz_receive / lz_compose must use the accounts its *_types instruction lists, and no
# instruction may pass its compute-unit ceiling (runner/budgets.json). Writes
# target/sbf/report-lifecycle.json (bench.sh turns it into docs/benchmarks.md).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
mkdir -p target/sbf/traces
echo "== native run (recorded)"
AGENTPAD_TRACE=target/sbf/traces/lifecycle.json RUST_LOG=error cargo run --locked -q -p agentpad-tests --example lifecycle > /dev/null
echo "== sBPF replay in LiteSVM"
node --import tsx scripts/sbf/runner/replay.mjs target/sbf/traces/lifecycle.json target/sbf target/sbf/report-lifecycle.json
