#!/usr/bin/env bash
# Every test of the project, from a clean clone (installs what it needs):
#   1. Rust: the math crate's unit and property tests, the integration suites (programs in
#      an embedded bank with the real SPL Token, Token-2022 and ATA programs);
#   2. the committed IDLs and TS types match the programs (Anchor's IDL builder);
#   3. the sBPF stage: toolchain, build to real sBPF, the lifecycle replayed in LiteSVM;
#   4. TypeScript: npm ci, type check, then the TS tests (tests/*.ts) on LiteSVM with the
#      sBPF .so files — the same tests `anchor test` runs against a validator.
# Cold on 2 cores: ~20 min (a fresh clone measured 18 min, .ci/run included).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v cargo >/dev/null || { echo "error: cargo not found: install Rust 1.95+ (rustup)" >&2; exit 1; }
command -v node >/dev/null || { echo "error: node not found: install Node 20+" >&2; exit 1; }
export RUST_LOG="${RUST_LOG:-error}"
echo "== Rust tests"
cargo test --workspace --locked "$@"
echo "== IDLs and TS types match the programs"
cargo run -q --locked -p agentpad-idl -- --check
echo "== sBPF stage"
./scripts/sbf/test.sh
echo "== TypeScript: type check and tests (LiteSVM, target/sbf/*.so)"
npm run -s typecheck
npx mocha
