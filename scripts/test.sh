#!/usr/bin/env bash
# Every test of the project, from a clean clone (installs what it needs):
#   1. the sBPF toolchain and the programs built to real sBPF .so files (target/sbf);
#   2. Rust: the math crate's unit and property tests and the integration suites on the
#      native bank (the cluster-runtime suites, e.g. pre-funded addresses, on the .so files);
#   3. the integration suites again on the sBPF .so files in LiteSVM with mainnet-beta's
#      features (AGENTPAD_RUNTIME=sbf) — the Jupiter adapter's quotes against executed
#      trades (jupiter.rs) among them;
#   4. the cross-program invariant fuzzer: 100,000 random operations over 4 seeds;
#   5. the committed IDLs and TS types match the programs (Anchor's IDL builder);
#   6. the lifecycle replayed on sBPF (byte-identical state, compute-unit ceilings);
#   7. the Base side (evm/): forge tests of AgentRevenueRouter on LayerZero's own EndpointV2;
#   8. TypeScript: npm ci, type check, then the TS tests (tests/*.ts) on LiteSVM with the
#      sBPF .so files — the same tests `anchor test` runs against a validator — including
#      Base -> Solana end to end (anvil + LayerZero's EVM contracts -> LiteSVM) and the
#      endpoint interface checked against LayerZero's Solana SDK;
#   9. the indexer (indexer/): its tests on recorded validator transactions and its HTTP API,
#      on SQLite and on PostgreSQL (Debian's server, started here: scripts/services/postgres.sh);
#  10. the validator stage: the stock `anchor test` (anchor-cli 1.2.2) against
#      solana-test-validator (Agave 4.0.0), both built once per machine from the Rust
#      registry; on that validator `anchor deploy`, the deploy migration twice, a CLI session,
#      the TS tests again (scripts/validator/test.sh), then the dashboard's seed, the indexer
#      following the validator live (SQLite and PostgreSQL) and the web app in headless
#      Chromium (Debian's; scripts/services/chromium.sh) buying, staking and claiming through
#      an injected Wallet Standard wallet (screenshots: target/screenshots).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v cargo >/dev/null || { echo "error: cargo not found: install Rust 1.95+ (rustup)" >&2; exit 1; }
command -v node >/dev/null || { echo "error: node not found: install Node 20+" >&2; exit 1; }
export RUST_LOG="${RUST_LOG:-error}"
stage() { echo "== $1 ($(date -u +%H:%M:%S))"; }
# The validator stage's tools (anchor, solana-test-validator) build once per machine; on a
# machine without them they build in the background from here, at low priority, in the
# cores the stages below leave idle (single-threaded LTO links, test runs, node), and the
# validator stage waits for them. Their cargo output: target/tools-install.log.
./scripts/tools/install.sh --deps
mkdir -p target
tools_log=target/tools-install.log
# Its own process group (setsid), so a failure anywhere stops cargo and rustc with it.
setsid nice -n 10 ./scripts/tools/install.sh > "$tools_log" 2>&1 &
tools_pid=$!
PG_DIR=target/postgres
cleanup() { kill -- -$tools_pid 2>/dev/null || true; ./scripts/services/postgres.sh stop "$PG_DIR" >/dev/null 2>&1 || true; }
trap cleanup EXIT
stage "sBPF toolchain and programs"
./scripts/sbf/install.sh
./scripts/sbf/build.sh
stage "Rust tests (native bank)"
cargo test --workspace --locked "$@"
stage "Rust integration suites on the sBPF .so files (LiteSVM)"
AGENTPAD_RUNTIME=sbf cargo test --locked -p agentpad-tests "$@"
stage "cross-program fuzzer: 100,000 operations"
cargo run -q --locked -p agentpad-tests --example fuzz -- --ops 25000 --seed 1 --seed 2 --seed 3 --seed 4
stage "IDLs and TS types match the programs"
cargo run -q --locked -p agentpad-idl -- --check
stage "lifecycle replayed on sBPF"
./scripts/sbf/replay.sh
stage "Base side: forge tests on LayerZero's EndpointV2 (evm/)"
./scripts/evm/test.sh
stage "TypeScript: type check and tests (LiteSVM, target/sbf/*.so)"
npm run -s typecheck
npx mocha
stage "indexer: recorded transactions and the API (SQLite, PostgreSQL)"
AGENTPAD_PG_URL=$(./scripts/services/postgres.sh start "$PG_DIR" | tail -n 1)
export AGENTPAD_PG_URL
npx mocha --config indexer/.mocharc.json
stage "browser: Debian's Chromium"
./scripts/services/chromium.sh
stage "validator: the tools (scripts/tools/install.sh; log $tools_log)"
tail -n +1 -f --pid="$tools_pid" "$tools_log"
wait "$tools_pid" || { echo "error: the tools install failed (see $tools_log above)" >&2; exit 1; }
stage "validator: anchor test, then the indexer and the web app on it"
./scripts/validator/test.sh
stage "done"
