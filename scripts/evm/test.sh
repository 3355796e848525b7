#!/usr/bin/env bash
# The Base side: installs the toolchain (scripts/evm/install.sh), builds evm/ with forge and
# runs its tests on LayerZero's own EndpointV2 and SimpleMessageLib (deployed from the
# artifacts LayerZero's npm package ships). The TS tests then use evm/out (tests/base_to_solana.ts).
# `--gas-report` (or any forge test flag) is passed on: ./scripts/evm/test.sh --gas-report
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
"$ROOT/scripts/evm/install.sh"
cd "$ROOT/evm"
export PATH="$ROOT/evm/node_modules/.bin:$PATH"
forge build --quiet || { echo "error: forge build failed (evm/)" >&2; exit 1; }
forge test "$@" || { echo "error: forge tests failed (evm/)" >&2; exit 1; }
