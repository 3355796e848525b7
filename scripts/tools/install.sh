#!/usr/bin/env bash
# The Solana tools `anchor test` needs, built from the Rust registry (their release binaries
# cannot be downloaded here), once per machine, outside the clone, at versioned paths:
#
#   $AGENTPAD_TOOLS/anchor-cli-1.2.2-idl-localnet/bin/anchor   (default ~/.cache/agentpad/tools)
#   $AGENTPAD_TOOLS/agave-4.0.0/bin/solana-test-validator
#
# Reused when present: a second run builds nothing. Agave 4.0.0 is the first validator that
# runs the upstream-LLVM .so files (3.1.x rejects them). No `solana` CLI is built: Anchor 1.x
# deploys and runs tests without it (it talks RPC itself).
#
# To fit CI's budget the tools build in one shared target directory (common crates compile
# once) with a light release profile: no optimisation and no debug info, except full
# optimisation for the crates a test validator spends its time in (the sBPF VM and
# loader, signatures, hashing). Measured on 2 cores: Agave at opt-level 1 took 2,624 s
# (67 CPU-min); opt-level 0 builds markedly faster (issue 12's note has both).
# The validator builds first: its serial chain of large crates (solana-runtime, solana-core,
# agave-validator) is the longest, so it overlaps the test stages rather than ending alone.
# mold (Debian) links the build scripts and the binaries. `--timings` leaves cargo's report
# in $AGENTPAD_TOOLS/target/cargo-timings/ for where the time went.
# --print-path prints the two bin directories, for PATH.
set -euo pipefail
TOOLS=${AGENTPAD_TOOLS:-$HOME/.cache/agentpad/tools}
ANCHOR_VERSION=1.2.2
AGAVE_VERSION=4.0.0
# anchor-cli's own `idl-localnet-testing` feature: `anchor idl init/upgrade --allow-localnet`
# (without it the stock CLI silently skips IDLs on a local validator). Nothing else differs.
ANCHOR_FEATURES=idl-localnet-testing
ANCHOR_BIN="$TOOLS/anchor-cli-$ANCHOR_VERSION-idl-localnet/bin"
AGAVE_BIN="$TOOLS/agave-$AGAVE_VERSION/bin"
fail() { echo "error: tools install failed: $*" >&2; exit 1; }
if [ "${1:-}" = "--print-path" ]; then echo "$ANCHOR_BIN:$AGAVE_BIN"; exit 0; fi
# --deps: only the system packages (apt), e.g. before building in the background while
# another script may also be using apt.

light_profile=(
  --config 'profile.release.opt-level=0' --config 'profile.release.debug=false' --config 'profile.release.strip=true'
  --config 'profile.release.lto=false' --config 'profile.release.incremental=false'
)
for hot in solana-sbpf curve25519-dalek ed25519-dalek sha2 blake3 solana-bpf-loader-program solana-program-runtime; do
  light_profile+=(--config "profile.release.package.$hot.opt-level=3")
done
# mold is one of the system packages below, installed before anything builds.
light_profile+=(--config 'target.x86_64-unknown-linux-gnu.rustflags=["-C", "link-arg=-fuse-ld=mold"]')

install() { # name version crate bin dest [cargo install args...]
  local name=$1 version=$2 crate=$3 bin=$4 dest=$5; shift 5
  if "$dest/$bin" --version 2>/dev/null | grep -q "$version"; then
    echo "$name $version: in place ($dest/$bin)"; return
  fi
  echo "== cargo install $crate@$version ($bin) into $dest"
  local start; start=$(date +%s)
  cargo install --locked "$crate@$version" --bin "$bin" --root "$(dirname "$dest")" --target-dir "$TOOLS/target" "${light_profile[@]}" --timings "$@" \
    || fail "cargo install $crate@$version (see cargo's message above)"
  "$dest/$bin" --version >/dev/null 2>&1 || fail "$dest/$bin does not run"
  echo "$name $version built in $(( $(date +%s) - start )) s"
}

# Native build dependencies of the validator (RocksDB via bindgen, protobuf, hidapi).
need=()
for pkg in libudev-dev libclang-dev clang protobuf-compiler cmake pkg-config libssl-dev mold; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
  echo "== apt: ${need[*]}"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq || fail "apt-get update"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null || fail "apt-get install ${need[*]}"
fi

[ "${1:-}" = "--deps" ] && exit 0

mkdir -p "$TOOLS"
install solana-test-validator "$AGAVE_VERSION" agave-validator solana-test-validator "$AGAVE_BIN"
install anchor "$ANCHOR_VERSION" anchor-cli anchor "$ANCHOR_BIN" --features "$ANCHOR_FEATURES"
