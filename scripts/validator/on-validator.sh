#!/usr/bin/env bash
# Run by `anchor test --script validator-stage` (scripts/validator/test.sh) against the
# validator Anchor started (ANCHOR_PROVIDER_URL, ANCHOR_WALLET), before the TS tests:
#   1. `anchor deploy` of the four programs (upgrades of what Anchor loaded, by the wallet
#      that is their upgrade authority), checking each prints its id;
#   2. the deploy migration twice: the first deploys the protocol, the second does nothing;
#   3. an `agentpad` CLI session through the whole lifecycle, refusals included, on the
#      localnet preset (its fee decay, reward drip and cooldowns take seconds);
# Transcript: target/validator/cli-session.txt.
set -euo pipefail
ROOT=$(cd -P "$(dirname "$0")/../.." && pwd)
URL=${ANCHOR_PROVIDER_URL:?run by anchor test (ANCHOR_PROVIDER_URL)}
WALLET=${ANCHOR_WALLET:?run by anchor test (ANCHOR_WALLET)}
OUT=$ROOT/target/validator
fail() { echo "error: validator session: $*" >&2; exit 1; }
agentpad() { node --import tsx "$ROOT/app/src/cli/main.ts" --url "$URL" --keypair "$WALLET" "$@"; }
say() { printf '$ %s\n' "$*"; }
# A step that must succeed.
ok() { say "agentpad $*"; agentpad "$@" 2>&1 || fail "\`agentpad $*\` failed"; echo; }
# A step that must be refused with exactly one line on stderr and a non-zero exit.
refused() {
  say "agentpad $*"
  local out status=0
  out=$(agentpad "$@" 2>&1) || status=$?
  echo "$out"; echo "(exit $status)"; echo
  [ "$status" -ne 0 ] || fail "\`agentpad $*\` was expected to be refused"
  [ "$(printf '%s\n' "$out" | wc -l)" -eq 1 ] || fail "\`agentpad $*\`: the refusal is not one line"
}

echo "== anchor deploy (four programs, upgradeable, upgrade authority: the wallet)"
for name in agent_factory bonding_curve fee_aggregator revenue_share; do
  id=$(sed -n "/^\[programs.localnet\]/,/^\[/s/^$name = \"\(.*\)\"/\1/p" "$ROOT/Anchor.toml")
  log=$(anchor deploy --program-name "$name" --no-idl --provider.cluster "$URL" 2>&1) || { echo "$log"; fail "anchor deploy of $name"; }
  echo "$log"
  grep -q "$id" <<<"$log" || fail "anchor deploy of $name did not print its id $id"
done

{
  echo "== deploy migration, twice"
  say "node --import tsx migrations/deploy.ts --url $URL --keypair <wallet>"
  first=$(node --import tsx "$ROOT/migrations/deploy.ts" --url "$URL" --keypair "$WALLET" 2>&1) || { echo "$first"; fail "deploy migration"; }
  echo "$first"; echo
  grep -q "^performed: " <<<"$first" || fail "the first deploy migration performed nothing"
  say "node --import tsx migrations/deploy.ts --url $URL --keypair <wallet>"
  second=$(node --import tsx "$ROOT/migrations/deploy.ts" --url "$URL" --keypair "$WALLET" 2>&1) || { echo "$second"; fail "deploy migration (second run)"; }
  echo "$second"; echo
  grep -q "^nothing to do: already deployed" <<<"$second" || fail "the second deploy migration was not a no-op"

  echo "== CLI session"
  ok config
  # An 8-second unstake cooldown (the localnet preset allows 1 s up): long enough to see a
  # withdrawal refused across CLI start-ups, short enough to wait out.
  say 'agentpad launch --name "Validator Agent" --symbol VAL --uri https://agentpad.example/val.json --first-buy 2 --cooldown 8'
  launch=$(agentpad launch --name "Validator Agent" --symbol VAL --uri https://agentpad.example/val.json --first-buy 2 --cooldown 8 2>&1) || { echo "$launch"; fail "launch"; }
  echo "$launch"; echo
  MINT=$(sed -n 's/^launched VAL: mint \([1-9A-HJ-NP-Za-km-z]*\)$/\1/p' <<<"$launch")
  [ -n "$MINT" ] || fail "launch printed no mint"
  ok buy "$MINT" 30
  ok buy "$MINT" 1000000 --exact-out
  ok sell "$MINT" 250000
  ok stake "$MINT" 1000000
  ok buy "$MINT" 100
  ok graduate "$MINT"
  ok sweep "$MINT"
  ok deposit "$MINT" 1.5
  ok distribute "$MINT"
  ok bridge-peer 40245 0x00000000000000000000000000000000000ba5e0 # Base Sepolia; Base (30184) is the tests'
  ok bridge-peer 40245
  sleep 11 # the localnet reward window (10 s): the distribution has dripped in full
  ok claim "$MINT"
  ok unstake "$MINT" 400000
  refused unstake "$MINT" --withdraw # within the cooldown
  sleep 8  # the agent's cooldown
  ok unstake "$MINT" --withdraw
  refused sell "$MINT" 999999999
  refused buy 11111111111111111111111111111112 1
  refused launch --name X --symbol X --uri https://x --cooldown 0
  ok status "$MINT"
} 2>&1 | sed -e "s#$WALLET#<wallet>#g" | tee "$OUT/cli-session.txt" || fail "the CLI session failed (transcript: $OUT/cli-session.txt)"
grep -q "^graduation \[#\{30\}\] 100.00%" "$OUT/cli-session.txt" || fail "the CLI session did not reach graduation"

