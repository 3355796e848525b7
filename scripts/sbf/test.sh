#!/usr/bin/env bash
# The sBPF stage: install the toolchain, build every program to sBPF, record the full
# lifecycle natively, and replay it on the .so files in LiteSVM — every transaction must end
# as it did natively and every written account must end byte-identical.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
./scripts/sbf/install.sh
./scripts/sbf/build.sh
mkdir -p target/sbf/traces
echo "== native run (recorded)"
AGENTPAD_TRACE=target/sbf/traces/lifecycle.json RUST_LOG=error cargo run --locked -q -p agentpad-tests --example lifecycle > /dev/null
echo "== sBPF replay in LiteSVM"
node --import tsx scripts/sbf/runner/replay.mjs target/sbf/traces/lifecycle.json target/sbf target/sbf/report-lifecycle.json
