#!/usr/bin/env bash
# Installs, idempotently, the toolchain that builds the programs to real sBPF without
# Solana's platform-tools, from package registries only (see scripts/sbf/README.md):
#   - Debian's rustc 1.96 and its std sources (apt),
#   - LLVM 23 with the BPF backend (PyPI wheels, sha256-checked),
#   - sbpf-linker 0.2.6 (crates.io, linked against that LLVM),
#   - a copy of std patched for target_os = "solana" (std-solana.patch),
#   - the workspace's npm packages (root package-lock.json: LiteSVM, the SDK, the TS tests).
# Everything lands in target/sbf-tools (or $AGENTPAD_SBF_TOOLS). Fails loudly on any error.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
TOOLS=${AGENTPAD_SBF_TOOLS:-$ROOT/target/sbf-tools}
RUST_DEB=1.96.0+dfsg1-1~deb12u2
LLVM_VERSION=23.1.1.post0
LLVM_SHA256="dcfec888abfaa418be77d41af585805f31463584cf9c90582992c00f392c1ac5  mlc_llvm_static-23.1.1.post0-py3-none-manylinux_2_28_x86_64.whl
c36e834d9a4e9cf9759f27fece65711ece7a2fc2b5a96dbb15d66f5e9e787929  mlc_llvm_static_extra_targets-23.1.1.post0-py3-none-manylinux_2_28_x86_64.whl"
SBPF_LINKER_VERSION=0.2.6
fail() { echo "error: sBPF toolchain install failed: $*" >&2; exit 1; }
mkdir -p "$TOOLS"

# 1. rustc 1.96 + std sources (Debian); the rustup toolchain keeps running cargo.
# (Outputs are captured first: `cmd | grep -q` under pipefail fails when grep exits early.)
rustc_version=$(/usr/bin/rustc --version 2>/dev/null || true)
if [[ "$rustc_version" != "rustc 1.96.0"* ]] || [ ! -d /usr/src/rustc-1.96.0/library ]; then
  echo "== apt: rustc-web rust-web-src $RUST_DEB"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq || fail "apt-get update"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "rustc-web=$RUST_DEB" "rust-web-src=$RUST_DEB" libzstd-dev >/dev/null \
    || fail "apt-get install rustc-web/rust-web-src $RUST_DEB"
fi

# 2. LLVM 23 (static, with the BPF backend), checked against pinned hashes.
LLVM_PREFIX="$TOOLS/llvm23/x/mlc_llvm_static/static"
if [ ! -x "$LLVM_PREFIX/bin/llvm-config" ]; then
  echo "== pip: mlc-llvm-static $LLVM_VERSION"
  rm -rf "$TOOLS/llvm23" && mkdir -p "$TOOLS/llvm23"
  python3 -m pip download -q --no-deps -d "$TOOLS/llvm23" "mlc-llvm-static==$LLVM_VERSION" "mlc-llvm-static-extra-targets==$LLVM_VERSION" \
    || fail "pip download mlc-llvm-static $LLVM_VERSION"
  (cd "$TOOLS/llvm23" && echo "$LLVM_SHA256" | sha256sum -c --quiet -) || fail "LLVM wheel checksum mismatch"
  (cd "$TOOLS/llvm23" && for w in *.whl; do python3 -m zipfile -e "$w" x; done) || fail "unpacking LLVM wheels"
  chmod +x "$LLVM_PREFIX"/bin/*
fi

# 3. sbpf-linker against that LLVM.
linker_version=$("$TOOLS/bin/sbpf-linker" --version 2>/dev/null || true)
if [[ "$linker_version" != *"sbpf-linker $SBPF_LINKER_VERSION"* ]]; then
  echo "== cargo install sbpf-linker $SBPF_LINKER_VERSION"
  LLVM_PREFIX="$LLVM_PREFIX" cargo install -q --locked "sbpf-linker@$SBPF_LINKER_VERSION" --no-default-features \
    --features bpf-linker/llvm-23,bpf-linker/llvm-link-static --root "$TOOLS" || fail "cargo install sbpf-linker"
fi

# 4. std sources ported to target_os = "solana" (re-done when the patch changes).
PATCH="$ROOT/scripts/sbf/std-solana.patch"
STAMP="$TOOLS/rustsrc/.patched-$(sha256sum "$PATCH" | cut -c1-16)"
if [ ! -f "$STAMP" ]; then
  echo "== std port"
  rm -rf "$TOOLS/rustsrc" && mkdir -p "$TOOLS/rustsrc"
  cp -r /usr/src/rustc-1.96.0/library "$TOOLS/rustsrc/" || fail "copying std sources"
  patch -s -p1 -d "$TOOLS/rustsrc" < "$PATCH" || fail "applying std-solana.patch"
  touch "$STAMP"
fi

# 5. LiteSVM and @solana/kit for the runner: the workspace's npm packages (root
# package-lock.json, shared with the TypeScript SDK and tests).
if [ ! -d "$ROOT/node_modules/litesvm" ] || [ "$ROOT/package-lock.json" -nt "$ROOT/node_modules/.package-lock.json" ]; then
  echo "== npm ci (workspace: SDK, tests, LiteSVM)"
  (cd "$ROOT" && npm ci --no-audit --no-fund) || fail "npm ci"
fi
echo "sBPF toolchain ready in $TOOLS"
