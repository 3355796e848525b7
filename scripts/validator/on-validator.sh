#!/usr/bin/env bash
# Run by `anchor test --script validator-stage` (scripts/validator/test.sh) against the
# validator Anchor started (ANCHOR_PROVIDER_URL, ANCHOR_WALLET), before the TS tests:
#   1. `anchor deploy` of the four programs (upgrades of what Anchor loaded, by the wallet
#      that is their upgrade authority), checking each prints its id;
#   2. the deploy migration twice: the first deploys the protocol, the second does nothing;
#   3. an `agentpad` CLI session through the whole lifecycle, refusals included, on the
#      localnet preset (its fee decay, reward drip and cooldowns take seconds);
#   4. the IDLs published on-chain the way explorers read them: `anchor idl init`, then
#      `anchor idl upgrade`, each read back with `anchor idl fetch`.
# Transcripts: target/validator/cli-session.txt, target/validator/idl.txt.
set -euo pipefail
ROOT=$(cd -P "$(dirname "$0")/../.." && pwd)
URL=${ANCHOR_PROVIDER_URL:?run by anchor test (ANCHOR_PROVIDER_URL)}
WALLET=${ANCHOR_WALLET:?run by anchor test (ANCHOR_WALLET)}
OUT=${AGENTPAD_VALIDATOR_OUT:-$ROOT/target/validator}
fail() { echo "error: validator session: $*" >&2; exit 1; }
agentpad() { node --import tsx "$ROOT/app/src/cli/main.ts" --url "$URL" --keypair "$WALLET" "$@"; }
say() { printf '$ %s\n' "$*"; }
# The five programs, and each one's id as Anchor.toml's [programs.localnet] gives it.
PROGRAMS=(agent_factory bonding_curve fee_aggregator revenue_share agent_commerce)
program_id() { sed -n "/^\[programs.localnet\]/,/^\[/s/^$1 = \"\(.*\)\"/\1/p" "$ROOT/Anchor.toml"; }
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

"$ROOT/scripts/validator/deploy.sh"

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


# Anchor 1.x keeps IDLs in the SPL Program Metadata program (the validator loads our build of
# it at its mainnet address): `anchor idl init/upgrade/fetch` run its JS CLI through
# `npx --package=@solana-program/program-metadata@0.5.1`, which scripts/validator/idl-client
# has installed, so they run from there (npx then downloads nothing). The CLI skips localnet
# unless told: `--allow-localnet` (anchor's `idl-localnet-testing` feature, which
# scripts/tools/install.sh builds). That CLI finds the validator's websocket only in a Solana
# CLI config (it would guess the RPC port itself), so the step gives it one: a config.yml
# in a stage-private $HOME, as `solana config set` would write it. `init` writes a first
# version (0.0.0), `upgrade` the committed IDL; `fetch` must return exactly what was
# written, both times.
IDL_HOME="$OUT/idl-home"
# (anchor runs `cargo metadata`: rustup and cargo keep their homes.)
RUSTUP_HOME=${RUSTUP_HOME:-$HOME/.rustup}
CARGO_HOME=${CARGO_HOME:-$HOME/.cargo}
mkdir -p "$IDL_HOME/.config/solana/cli"
WS=$(node -e 'const u = new URL(process.argv[1]); u.port = String(Number(u.port) + 1); console.log(u.origin.replace(/^http/, "ws"))' "$URL")
printf 'json_rpc_url: "%s"\nwebsocket_url: "%s"\nkeypair_path: "%s"\ncommitment: confirmed\n' "$URL" "$WS" "$WALLET" > "$IDL_HOME/.config/solana/cli/config.yml"
{
  echo "== IDLs on-chain: anchor idl init, then upgrade (Program Metadata program)"
  idl() {
    (cd "$ROOT/scripts/validator/idl-client" \
      && RUSTUP_HOME="$RUSTUP_HOME" CARGO_HOME="$CARGO_HOME" HOME="$IDL_HOME" npm_config_update_notifier=false \
        anchor idl "$@" --provider.cluster "$URL" --provider.wallet "$WALLET")
  }
  fetched_version() { node -e 'console.log(JSON.parse(require("node:fs").readFileSync(process.argv[1], "utf8")).metadata.version)' "$1"; }
  mkdir -p "$OUT/idl"
  for name in "${PROGRAMS[@]}"; do
    id=$(program_id "$name")
    committed="$ROOT/app/src/idl/$name.json"
    first="$OUT/idl/$name.v0.json"
    node -e 'const fs = require("node:fs"); const idl = JSON.parse(fs.readFileSync(process.argv[1], "utf8")); idl.metadata.version = "0.0.0"; fs.writeFileSync(process.argv[2], JSON.stringify(idl, null, 2));' "$committed" "$first"
    say "anchor idl init --allow-localnet -f $name.v0.json $id"
    idl init --allow-localnet -f "$first" "$id" 2>&1 || fail "anchor idl init of $name"
    idl fetch -o "$OUT/idl/$name.fetched-v0.json" "$id" >/dev/null 2>&1 || fail "anchor idl fetch of $name after init"
    [ "$(fetched_version "$OUT/idl/$name.fetched-v0.json")" = 0.0.0 ] || fail "the IDL fetched after init is not the one written"
    say "anchor idl upgrade --allow-localnet -f app/src/idl/$name.json $id"
    idl upgrade --allow-localnet -f "$committed" "$id" 2>&1 || fail "anchor idl upgrade of $name"
    say "anchor idl fetch -o $name.fetched.json $id"
    idl fetch -o "$OUT/idl/$name.fetched.json" "$id" 2>&1 || fail "anchor idl fetch of $name"
    node -e '
      const fs = require("node:fs"), assert = require("node:assert");
      const [fetched, committed] = process.argv.slice(1).map((f) => JSON.parse(fs.readFileSync(f, "utf8")));
      assert.deepStrictEqual(fetched, committed);
      console.log(`on-chain IDL of ${committed.metadata.name} ${committed.metadata.version} equals app/src/idl (${committed.instructions.length} instructions, ${(committed.accounts ?? []).length} accounts)`);' \
      "$OUT/idl/$name.fetched.json" "$committed" || fail "the on-chain IDL of $name differs from app/src/idl/$name.json"
    echo
  done
} 2>&1 | sed -e "s#$WALLET#<wallet>#g" | tee "$OUT/idl.txt" || fail "the IDL step failed (transcript: $OUT/idl.txt)"
