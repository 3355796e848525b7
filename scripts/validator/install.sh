#!/usr/bin/env bash
# Builds, idempotently, solana-test-validator from crates.io (Agave publishes it in the
# `agave-validator` crate) into target/validator/bin. The Solana CLI release cannot be
# downloaded on this machine; the crates can. Agave 4.0.0 builds on Rust 1.95 and runs
# the upstream-LLVM .so files (3.1.x rejects them). Takes ~25 min on 2 cores, once.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
DEST=${AGENTPAD_VALIDATOR_ROOT:-$ROOT/target/validator}
AGAVE_VERSION=4.0.0
fail() { echo "error: validator install failed: $*" >&2; exit 1; }

if "$DEST/bin/solana-test-validator" --version 2>/dev/null | grep -q "$AGAVE_VERSION"; then
  echo "solana-test-validator $AGAVE_VERSION already in $DEST/bin"; exit 0
fi

# Native build dependencies of the validator (RocksDB, protobuf, hidapi, bindgen).
need=()
for pkg in libudev-dev libclang-dev clang protobuf-compiler cmake pkg-config libssl-dev; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
  echo "== apt: ${need[*]}"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq || fail "apt-get update"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null || fail "apt-get install ${need[*]}"
fi

echo "== cargo install agave-validator $AGAVE_VERSION (solana-test-validator), ~25 min"
start=$(date +%s)
cargo install -q --locked "agave-validator@$AGAVE_VERSION" --bin solana-test-validator --root "$DEST" \
  || fail "cargo install agave-validator $AGAVE_VERSION"
echo "built solana-test-validator in $(( $(date +%s) - start )) s"
"$DEST/bin/solana-test-validator" --version
