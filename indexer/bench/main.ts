/**
 * The indexer's benchmarks (scripts/bench-indexer.sh), on SQLite and, with --pg <url>, on
 * PostgreSQL:
 *   (a) backfill: the real Indexer backfills 100,000 synthetic trades (correctly encoded
 *       transactions) from a fake JSON-RPC node in this process: transactions and events/s;
 *   (b) API latency over 1,000,000 trades written directly into the tables — transactions,
 *       trades and the derived tables (candles, agents, balances) by the indexer's own
 *       derive/apply in batches of 50,000, the raw events table left empty (no endpoint reads
 *       it) — p50/p99 of N requests per endpoint, one at a time, from an HTTP client in this
 *       process.
 * Prints a markdown table.
 *
 *   node --conditions=source --import tsx indexer/bench/main.ts [--pg <url>] [--trades 100000] [--api-trades 1000000] [--requests 100]
 */
import { mkdirSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";

import { applyChanges } from "../src/apply.js";
import { createApi } from "../src/api.js";
import { derive } from "../src/derive.js";
import { Indexer } from "../src/indexer.js";
import { Queries } from "../src/queries.js";
import { Store } from "../src/store.js";
import { serveFakeRpc } from "../test/support/fakeRpc.js";
import { freshPgDatabase } from "../test/support/pg.js";
import { Market, chainOf, recordsOf } from "./market.js";

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const pgUrl = arg("--pg", "");
const TRADES = Number(arg("--trades", "100000"));
const API_TRADES = Number(arg("--api-trades", "1000000"));
const REQUESTS = Number(arg("--requests", "100"));
const DIR = new URL("../../target/indexer-bench/", import.meta.url).pathname;
const START = 1_700_000_000;

const log = (s: string) => console.error(`bench: ${s}`);
const fmt = (n: number, digits = 0) => n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });

async function freshDb(kind: "sqlite" | "postgres", name: string): Promise<string> {
  if (kind === "postgres") return freshPgDatabase(pgUrl, `agentpad_bench_${name}`);
  const path = `${DIR}${name}.sqlite`;
  for (const f of [path, `${path}-wal`, `${path}-shm`]) rmSync(f, { force: true });
  return path;
}

const kinds: ("sqlite" | "postgres")[] = pgUrl ? ["sqlite", "postgres"] : ["sqlite"];
const names: Record<string, string> = { sqlite: "SQLite", postgres: "PostgreSQL" };
const results = new Map<string, Map<string, string>>();
let loaded = "";
const put = (row: string, kind: string, value: string) => {
  if (!results.has(row)) results.set(row, new Map());
  results.get(row)!.set(kind, value);
};

mkdirSync(DIR, { recursive: true });

// ---------------------------------------------------------------- (a) backfill
{
  let t = performance.now();
  const market = new Market({ agents: 20, trades: TRADES, start: START, spacing: 2, perSlot: 4 });
  const chain = chainOf(market);
  log(`(a) ${fmt(chain.transactions)} transactions encoded in ${fmt((performance.now() - t) / 1000, 1)} s`);
  const rpc = await serveFakeRpc(chain);
  for (const kind of kinds) {
    const store = await Store.open(await freshDb(kind, "backfill"));
    const indexer = new Indexer({ rpcUrl: rpc.url, store, log: () => undefined });
    t = performance.now();
    await indexer.backfill();
    const seconds = (performance.now() - t) / 1000;
    const stored = await store.db.get<{ n: number }>("SELECT COUNT(*) AS n FROM trades");
    if (Number(stored?.n) !== TRADES) throw new Error(`${kind}: ${stored?.n} trades stored, expected ${TRADES}`);
    log(`(a) ${kind}: ${fmt(chain.transactions)} transactions (${fmt(chain.events)} events) in ${fmt(seconds, 1)} s`);
    put(`backfill of ${fmt(TRADES)} trades from a fake node: events/s (wall time)`, kind, `${fmt(chain.events / seconds)} (${fmt(seconds, 1)} s)`);
    await indexer.stop();
  }
  await rpc.close();
}

// ---------------------------------------------------------------- (b) API latency
/**
 * The market's rows straight into every store's tables: the indexer's derive once per
 * 50,000 trades, its apply on each store (concurrently: SQLite here, PostgreSQL in its
 * server), the events table skipped.
 */
async function load(stores: Store[], market: Market) {
  for (const batch of recordsOf(market, 50_000)) {
    const changes = derive(batch);
    changes.events = [];
    await Promise.all(stores.map((store) => store.db.transaction((q) => applyChanges(q, changes))));
  }
}

async function measure(base: string, path: string): Promise<string> {
  const times: number[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    const t = performance.now();
    const res = await fetch(base + path);
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${path}: HTTP ${res.status}`);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
  return `${fmt(at(0.5), 1)} / ${fmt(at(0.99), 1)}`;
}

{
  const SPACING = 3;
  const market = new Market({ agents: 100, trades: API_TRADES, start: START, spacing: SPACING, perSlot: 8 });
  const end = START + API_TRADES * SPACING;
  const mint = market.agents[0].mint.toBase58();
  const endpoints: [string, string][] = [
    ["candles 1m, last 24 h", `/api/agents/${mint}/candles?interval=1m&from=${end - 86_400}&to=${end}`],
    ["candles 1m, newest 5,000", `/api/agents/${mint}/candles?interval=1m`],
    ["candles 1h, all", `/api/agents/${mint}/candles?interval=1h`],
    ["candles 1d, all", `/api/agents/${mint}/candles?interval=1d`],
    ["agents sort=marketCap limit=100", "/api/agents?sort=marketCap&limit=100"],
    ["agents sort=volume24h limit=100", "/api/agents?sort=volume24h&limit=100"],
    ["trades limit=100", `/api/agents/${mint}/trades?limit=100`],
  ];
  const stores = await Promise.all(kinds.map(async (kind) => Store.open(await freshDb(kind, "api"))));
  const t = performance.now();
  await load(stores, market);
  const seconds = (performance.now() - t) / 1000;
  log(`(b) ${fmt(API_TRADES)} trades loaded into ${kinds.join(" and ")} in ${fmt(seconds, 1)} s`);
  loaded = `${fmt(API_TRADES)} trades (${fmt(market.agents.length)} agents, ${fmt(API_TRADES * SPACING / 86_400, 1)} days) loaded into ${kinds.map((k) => names[k]).join(" and ")} in ${fmt(seconds, 1)} s`;
  for (const [i, kind] of kinds.entries()) {
    const store = stores[i];
    const server = createApi({
      queries: new Queries(store.db, () => end),
      config: { rpcUrl: "http://bench", commitment: "confirmed", programs: { agentFactory: "", bondingCurve: "", feeAggregator: "", revenueShare: "" } },
      slots: async () => ({ indexedSlot: await store.indexedSlot(), finalizedSlot: 0 }),
      claimable: async () => [],
    });
    await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    for (const [name, path] of endpoints) put(`${name}: p50 / p99 ms`, kind, await measure(base, path));
    server.closeAllConnections();
    await new Promise((ok) => server.close(ok));
    await store.close();
  }
}

console.log(`(b) over ${loaded}; ${REQUESTS} requests per endpoint, one at a time.\n`);
console.log(`| | ${kinds.map((k) => names[k]).join(" | ")} |`);
console.log(`|---|${kinds.map(() => "---:").join("|")}|`);
for (const [row, byKind] of results) console.log(`| ${row} | ${kinds.map((k) => byKind.get(k) ?? "").join(" | ")} |`);
process.exit(0);
