#!/usr/bin/env bash
# Where each instruction's compute units go, by function: builds the profile variant of
# the programs (build.sh with AGENTPAD_SBF_PROFILE=1: the same code, with DWARF line
# tables), runs the lifecycle on it in LiteSVM with register tracing, and prints one table
# per distinct invocation (runner/profile.mjs). A developer tool, not a CI stage.
# usage: ./scripts/sbf/profile.sh [filter, e.g. bonding_curve.buy_exact_in] [rows]
#   PROFILE_FOLDED=<file>: also write folded stacks (flame-graph input)
#   PROFILE_LINES=<function>: also the function's own instructions by source line
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
for tool in llvm-symbolizer llvm-readelf; do
  command -v "$tool" > /dev/null || { echo "error: $tool missing (Debian package: llvm)" >&2; exit 1; }
done
AGENTPAD_SBF_PROFILE=1 ./scripts/sbf/build.sh > /dev/null
rm -rf target/sbf-profile/traces
AGENTPAD_RUNTIME=sbf AGENTPAD_SBF_DIR=target/sbf-profile SBF_TRACE_DIR=target/sbf-profile/traces RUST_LOG=error \
  cargo run --locked -q -p agentpad-tests --example lifecycle --features profile > /dev/null
node scripts/sbf/runner/profile.mjs target/sbf-profile/traces target/sbf-profile "${1:-}" "${2:-30}"
