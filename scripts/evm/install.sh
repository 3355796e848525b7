#!/usr/bin/env bash
# The Base side's toolchain, idempotently: Foundry (forge, anvil) and solc from npm, and
# LayerZero's EVM packages (EndpointV2, SimpleMessageLib, OApp, OFT), into evm/node_modules
# from evm/package-lock.json. Nothing is downloaded at build or test time: forge compiles
# with the npm solcjs through evm/tools/solc (offline = true in foundry.toml).
# npm keeps its cache per machine (~/.npm), so a fresh clone installs from it.
set -euo pipefail
EVM=$(cd "$(dirname "$0")/../../evm" && pwd)
fail() { echo "error: evm install failed: $*" >&2; exit 1; }
stamp="$EVM/node_modules/.agentpad-lock"
if [ -f "$stamp" ] && cmp -s "$stamp" "$EVM/package-lock.json"; then
  echo "evm toolchain up to date (evm/node_modules)"
else
  echo "== npm ci (evm/): forge, anvil, solc, LayerZero's EVM packages"
  (cd "$EVM" && npm ci --no-audit --no-fund --loglevel=error) || fail "npm ci in evm/ (see npm's message above)"
  cp "$EVM/package-lock.json" "$stamp"
fi
"$EVM/node_modules/.bin/forge" --version >/dev/null 2>&1 || fail "forge does not run (evm/node_modules/.bin/forge)"
