#!/usr/bin/env bash
# Run by `anchor test --script dashboard` (./scripts/dashboard.sh) or, with --test, at the end
# of CI's validator stage, against the validator Anchor started:
#   1. deploys the programs and the protocol (skipped with --deployed: the stage already did);
#   2. seeds a lifecycle's worth of activity (scripts/dashboard/seed.ts) and a browser wallet;
#   3. builds the web app (web/dist) and starts the indexer on SQLite, serving the API and the app;
#   4. prints the URL, then waits (Ctrl-C stops everything) — or, with --test, runs the indexer's
#      validator test (SQLite, and PostgreSQL from scripts/services/postgres.sh) and the
#      browser test against it, and exits with their status.
set -euo pipefail
ROOT=$(cd -P "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
URL=${ANCHOR_PROVIDER_URL:?run by anchor test (ANCHOR_PROVIDER_URL)}
WALLET=${ANCHOR_WALLET:?run by anchor test (ANCHOR_WALLET)}
OUT=${AGENTPAD_VALIDATOR_OUT:-$ROOT/target/validator-dashboard}
TEST=0 DEPLOYED=0
for arg in "$@"; do
  case "$arg" in
    --test) TEST=1 ;;
    --deployed) DEPLOYED=1 ;;
    *) echo "error: dashboard: unknown argument $arg (--test, --deployed)" >&2; exit 2 ;;
  esac
done
fail() { echo "error: dashboard: $*" >&2; exit 1; }
mkdir -p "$OUT"

if [ "$DEPLOYED" = 0 ]; then
  ./scripts/validator/deploy.sh
  node --import tsx migrations/deploy.ts --url "$URL" --keypair "$WALLET" || fail "deploy migration"
fi
echo "== seeding agents (scripts/dashboard/seed.ts)"
node --import tsx scripts/dashboard/seed.ts --wallet-out "$OUT/browser-wallet.json" || fail "seeding"
echo "== web app (vite build)"
npx vite build --config web/vite.config.ts --logLevel warn || fail "vite build of web/"

# The launch form's lookup table: the one the deploy migration recorded for this cluster.
TABLE=$(node --import tsx -e '
  import("./app/src/node.ts").then(({ deploymentRecordPath }) => {
    const fs = require("node:fs"), file = deploymentRecordPath(process.argv[1]);
    if (fs.existsSync(file)) console.log(JSON.parse(fs.readFileSync(file, "utf8")).lookupTable ?? "");
  });' "$URL")
PORT=$(node -e 'const s = require("node:net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })')
LOG=$OUT/indexer.log
node --conditions=source --import tsx indexer/src/main.ts --rpc "$URL" --db "$OUT/indexer.sqlite" --port "$PORT" --web web/dist ${TABLE:+--lookup-table "$TABLE"} > "$LOG" 2>&1 &
INDEXER=$!
# SIGTERM, then SIGKILL if it is still closing connections to a validator already gone.
stop_indexer() { kill "$INDEXER" 2>/dev/null || return 0; for _ in $(seq 1 20); do kill -0 "$INDEXER" 2>/dev/null || return 0; sleep 0.25; done; kill -9 "$INDEXER" 2>/dev/null || true; }
trap stop_indexer EXIT
for _ in $(seq 1 240); do
  grep -q "^indexer: http" "$LOG" && break
  kill -0 "$INDEXER" 2>/dev/null || { cat "$LOG"; fail "the indexer stopped (log: $LOG)"; }
  sleep 0.5
done
grep -q "^indexer: http" "$LOG" || { cat "$LOG"; fail "the indexer did not start within 120 s (log: $LOG)"; }
APP="http://127.0.0.1:$PORT"
echo "agentpad dashboard: $APP   (RPC $URL; a funded wallet for a browser: $OUT/browser-wallet.json; indexer log: $LOG)"

if [ "$TEST" = 0 ]; then
  echo "Ctrl-C stops the indexer and the validator."
  wait "$INDEXER"
  exit 0
fi

echo "== indexer on the validator (SQLite$( [ -n "${AGENTPAD_PG_URL:-}" ] && echo ", PostgreSQL"))"
npx mocha --no-config --node-option conditions=source --node-option import=tsx --timeout 600000 indexer/test/validator.ts || fail "the indexer's validator test"
echo "== browser test (Chromium)"
AGENTPAD_WEB_URL=$APP AGENTPAD_TEST_WALLET=$OUT/browser-wallet.json npx mocha --config web/.mocharc.json || fail "the browser test"
