#!/usr/bin/env bash
# Benchmark (not in CI): 20 agents with 50 traders each trading concurrently for 60 s against
# a fresh solana-test-validator started by `anchor test` (the validator stage's set-up).
# Prints landed transactions per second and failures by cause, then checks every pool's and
# vault's books and that no two agents' trades write a common account (tests/bench/load.ts).
# Sizes: AGENTPAD_LOAD_AGENTS, AGENTPAD_LOAD_TRADERS, AGENTPAD_LOAD_SECONDS.
set -euo pipefail
cd "$(dirname "$0")/.."
exec ./scripts/validator/test.sh --script bench-load
