#!/usr/bin/env bash
# Every test of the project: the math crate's unit and property tests, and the
# integration suites that run the programs in an embedded bank with the real SPL Token,
# Token-2022 and ATA programs. Needs only the machine's Rust toolchain; crates come
# from crates.io on first run (cold build ~5 min on 2 cores).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v cargo >/dev/null || { echo "error: cargo not found: install Rust 1.95+ (rustup)" >&2; exit 1; }
export RUST_LOG="${RUST_LOG:-error}"
cargo test --workspace --locked "$@"
