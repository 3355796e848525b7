#!/usr/bin/env bash
# `anchor deploy` of the five programs to the validator `anchor test` started (upgrades of what
# Anchor loaded, by the wallet that is their upgrade authority), checking each prints its id.
# Run from an Anchor.toml script (ANCHOR_PROVIDER_URL set): on-validator.sh, the dashboard.
set -euo pipefail
ROOT=$(cd -P "$(dirname "$0")/../.." && pwd)
URL=${ANCHOR_PROVIDER_URL:?run by anchor test (ANCHOR_PROVIDER_URL)}
WALLET=${ANCHOR_WALLET:?run by anchor test (ANCHOR_WALLET)}
program_id() { sed -n "/^\[programs.localnet\]/,/^\[/s/^$1 = \"\(.*\)\"/\1/p" "$ROOT/Anchor.toml"; }
echo "== anchor deploy (five programs, upgradeable, upgrade authority: the wallet)"
for name in agent_factory bonding_curve fee_aggregator revenue_share agent_commerce; do
  id=$(program_id "$name")
  log=$(anchor deploy --program-name "$name" --no-idl --provider.cluster "$URL" --provider.wallet "$WALLET" 2>&1) || { echo "$log"; echo "error: anchor deploy of $name" >&2; exit 1; }
  echo "$log"
  grep -q "$id" <<<"$log" || { echo "error: anchor deploy of $name did not print its id $id" >&2; exit 1; }
done
