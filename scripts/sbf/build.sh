#!/usr/bin/env bash
# Builds every program (and the test-only LayerZero endpoint) to real sBPF v3 with
# upstream LLVM 23 + sbpf-linker, without Solana's platform-tools. Output: target/sbf/*.so.
# The programs' source is what `anchor build` compiles; the differences live here:
# the std port (std-solana.patch), the target spec, and the `sbf-int128` feature.
# AGENTPAD_SBF_PROFILE=1: the same code with DWARF line tables and the linked objects kept,
# into target/sbf-profile, for scripts/sbf/profile.sh.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
TOOLS=${AGENTPAD_SBF_TOOLS:-$ROOT/target/sbf-tools}
[ -x "$TOOLS/bin/sbpf-linker" ] || { echo "error: sbpf toolchain missing: run scripts/sbf/install.sh first" >&2; exit 1; }
cd "$ROOT"
export RUSTC=/usr/bin/rustc RUSTC_BOOTSTRAP=1
# cargo-internal: the std sources build-std compiles (our patched copy). Pinned versions only.
export __CARGO_TESTS_ONLY_SRC_ROOT="$TOOLS/rustsrc/library"
LINKER=$TOOLS/bin/sbpf-linker EXTRA="" OUT=target/sbf
export CARGO_TARGET_DIR="$ROOT/target/sbf-build"
if [ "${AGENTPAD_SBF_PROFILE:-}" = 1 ]; then
  export AGENTPAD_SBPF_LINKER=$LINKER CARGO_TARGET_DIR="$ROOT/target/sbf-build-profile"
  LINKER=$ROOT/scripts/sbf/link.sh EXTRA="-C debuginfo=line-tables-only -C link-arg=--btf" OUT=target/sbf-profile
fi
export RUSTFLAGS="-C linker=$LINKER -C panic=immediate-abort -Z unstable-options -C passes=lower-atomic -C link-arg=--llvm-args=-bpf-stack-size=4096 -C relocation-model=static $EXTRA"
# One cargo invocation per program: built together, cargo would unify features and give
# the programs agent-factory depends on (with `cpi`, hence `no-entrypoint`) no entrypoint.
mkdir -p "$OUT"
for package in bonding-curve agent-factory fee-aggregator revenue-share agent-commerce lz-endpoint-mock oft-mock; do
  lib=${package//-/_}
  echo "== sBPF: $package"
  cargo +stable build --release --locked -Zjson-target-spec -Zbuild-std=std,panic_abort \
    --target scripts/sbf/bpfel-solana-none.json --features sbf-int128 -p "$package"
  cp "$CARGO_TARGET_DIR/bpfel-solana-none/release/lib$lib.so" "$OUT/$lib.so"
  [ "$OUT" = target/sbf ] || cp "$CARGO_TARGET_DIR/bpfel-solana-none/release/deps/lib$lib.o" "$OUT/lib$lib.o"
done
[ "$OUT" = target/sbf ] || exit 0
# The SPL Program Metadata program, for the validator stage's on-chain IDLs: vendored, in
# its own workspace (vendor/program-metadata); no_std, so only core and alloc are built.
echo "== sBPF: spl-program-metadata (vendor/program-metadata)"
cargo +stable build --release --locked -Zjson-target-spec -Zbuild-std=core,alloc \
  --target scripts/sbf/bpfel-solana-none.json --manifest-path vendor/program-metadata/Cargo.toml -p spl-program-metadata
cp "$CARGO_TARGET_DIR/bpfel-solana-none/release/libspl_program_metadata.so" target/sbf/spl_program_metadata.so
ls -l target/sbf/*.so
