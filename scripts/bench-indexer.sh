#!/usr/bin/env bash
# The indexer's benchmarks (not in CI): (a) the real backfill of 100,000 synthetic trades
# from a fake JSON-RPC node, events/s; (b) API latency (p50/p99) for candles and the sorted
# agent list over 1,000,000 trades ingested through Store.ingest — on SQLite and on
# PostgreSQL (Debian's server, started here into target/postgres-bench and stopped after).
# Prints a markdown table (indexer/bench/main.ts; options pass through, e.g. --trades 20000).
set -euo pipefail
cd "$(dirname "$0")/.."
PG_DIR=target/postgres-bench
trap './scripts/services/postgres.sh stop "$PG_DIR" >/dev/null 2>&1 || true' EXIT
PG_URL=$(./scripts/services/postgres.sh start "$PG_DIR" | tail -n 1)
node --conditions=source --import tsx indexer/bench/main.ts --pg "$PG_URL" "$@"
