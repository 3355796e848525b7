#!/usr/bin/env bash
# The TS tests and a CLI session against a real solana-test-validator (what `anchor test`
# does on a machine with the Solana tool suite): builds the validator from crates.io once
# (scripts/validator/install.sh, ~25 min) and the programs to sBPF (scripts/sbf/build.sh),
# starts a fresh ledger with the five programs as upgradeable programs owned by a fresh
# wallet, runs `npx mocha` with ANCHOR_PROVIDER_URL/ANCHOR_WALLET, then migrations/deploy.ts
# and an `agentpad` CLI session. The session transcript goes to target/validator/cli-session.txt.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
DEST=${AGENTPAD_VALIDATOR_ROOT:-$ROOT/target/validator}
SO=${AGENTPAD_SO_DIR:-$ROOT/target/sbf}
RPC_PORT=${AGENTPAD_RPC_PORT:-8899}
URL="http://127.0.0.1:$RPC_PORT"

./scripts/validator/install.sh
[ -f "$SO/agent_factory.so" ] || ./scripts/sbf/build.sh
[ -d node_modules ] || npm ci --no-audit --no-fund

mkdir -p "$DEST"
WALLET="$DEST/wallet.json"
node -e 'const {Keypair}=require("@solana/web3.js");process.stdout.write(JSON.stringify(Array.from(Keypair.generate().secretKey)))' > "$WALLET"
ADMIN=$(node -e 'const {Keypair}=require("@solana/web3.js");console.log(Keypair.fromSecretKey(Uint8Array.from(require(process.argv[1]))).publicKey.toBase58())' "$WALLET")

programs=()
while read -r name id; do programs+=(--upgradeable-program "$id" "$SO/$name.so" "$ADMIN"); done <<'LIST'
agent_factory BEMSUbtqn2ttPzhNbFjzeuftLFMAjDopBP297TczWH62
bonding_curve GU8LbSdDy8pWHhd3qFnCM6qk88uGLtNTbNkW3Ajbn1xm
fee_aggregator EfmjWCuzDseV4Rsp94bMPdGjWUoVxMLbQJHUQxq1V95G
revenue_share 8zfHSn8e1dd3ZA2G7TjZUBJrQydmMQxLWujoKAVDD1Xh
lz_endpoint_mock 4dPYhcANTEjnPjYaHhbXHPz1ZzMyESTuX8sXMqKyATxE
LIST

echo "== solana-test-validator on $URL (admin $ADMIN)"
rm -rf "$DEST/ledger"
"$DEST/bin/solana-test-validator" --reset --quiet --ledger "$DEST/ledger" --bind-address 127.0.0.1 --rpc-port "$RPC_PORT" \
  --faucet-port $((RPC_PORT + 1001)) --mint "$ADMIN" "${programs[@]}" > "$DEST/validator.log" 2>&1 &
VALIDATOR=$!
trap 'kill $VALIDATOR 2>/dev/null; wait $VALIDATOR 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  if curl -s -X POST -H 'content-type: application/json' -d '{"jsonrpc":"2.0","id":1,"method":"getHealth"}' "$URL" | grep -q '"ok"'; then break; fi
  kill -0 $VALIDATOR 2>/dev/null || { echo "error: the validator exited; see $DEST/validator.log" >&2; tail -20 "$DEST/validator.log" >&2; exit 1; }
  sleep 1
done

echo "== TS tests against the validator (as anchor test runs them)"
ANCHOR_PROVIDER_URL="$URL" ANCHOR_WALLET="$WALLET" npx mocha

echo "== deploy migration + CLI session"
{
  run() { echo "\$ $*"; "$@" 2>&1 || echo "(exit $?)"; echo; }
  agentpad() { node --import tsx app/src/cli/main.ts --url "$URL" --keypair "$WALLET" "$@"; }
  run node --import tsx migrations/deploy.ts --url "$URL" --keypair "$WALLET"
  run node --import tsx migrations/deploy.ts --url "$URL" --keypair "$WALLET"   # idempotent: nothing to do
  run agentpad config
  LAUNCH=$(agentpad launch --name "Validator Agent" --symbol VAL --uri https://agentpad.example/val.json --first-buy 2 2>&1)
  printf '$ agentpad launch --name "Validator Agent" --symbol VAL --uri https://agentpad.example/val.json --first-buy 2\n%s\n\n' "$LAUNCH"
  MINT=$(echo "$LAUNCH" | sed -n 's/^launched VAL: mint \([1-9A-HJ-NP-Za-km-z]*\)$/\1/p')
  [ -n "$MINT" ] || { echo "error: launch failed" >&2; exit 1; }
  run agentpad buy "$MINT" 30
  run agentpad buy "$MINT" 1000000 --exact-out
  run agentpad sell "$MINT" 250000
  run agentpad stake "$MINT" 1000000
  run agentpad buy "$MINT" 100
  run agentpad graduate "$MINT"
  run agentpad sweep "$MINT"
  run agentpad deposit "$MINT" 1.5
  run agentpad distribute "$MINT"
  run agentpad bridge-peer 30184 0x00000000000000000000000000000000000ba5e0
  run agentpad bridge-peer 30184
  sleep 2
  run agentpad claim "$MINT"
  run agentpad unstake "$MINT" 400000
  run agentpad unstake "$MINT" --withdraw
  run agentpad sell "$MINT" 999999999
  run agentpad buy 11111111111111111111111111111112 1
  run agentpad status "$MINT"
} | sed -e "s#$WALLET#<wallet>#g" | tee "$DEST/cli-session.txt"
grep -q "^graduation \[#\{30\}\] 100.00%" "$DEST/cli-session.txt" || { echo "error: the CLI session did not reach graduation" >&2; exit 1; }
echo "transcript: $DEST/cli-session.txt"
