/**
 * The databases every store test runs on: SQLite always (a temporary file), PostgreSQL
 * when AGENTPAD_PG_URL names a server (a fresh database per call).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import type { Db } from "../../src/db/index.js";
import { Store } from "../../src/store.js";
import { freshPgDatabase } from "./pg.js";

export interface Backend {
  name: string;
  /** A database spec for a new, empty database. */
  fresh(label: string): Promise<string>;
}

const dir = mkdtempSync(join(tmpdir(), "agentpad-indexer-test-"));
process.on("exit", () => rmSync(dir, { recursive: true, force: true }));
let n = 0;

export const backends: Backend[] = [
  { name: "SQLite", fresh: async (label) => `sqlite:${join(dir, `${label}-${++n}.sqlite`)}` },
  ...(process.env.AGENTPAD_PG_URL
    ? [{ name: "PostgreSQL", fresh: (label: string) => freshPgDatabase(process.env.AGENTPAD_PG_URL!, `agentpad_test_${label.replace(/[^a-z0-9]/g, "_")}_${++n}`) }]
    : []),
];

export async function freshStore(backend: Backend, label: string): Promise<Store> {
  return Store.open(await backend.fresh(label));
}

/** Primary keys of every table: a dump orders rows by them. */
const KEYS: Record<string, string> = {
  txs: "signature", events: "signature, idx", cursors: "program", mints: "mint", agents: "mint", trades: "mint, ord",
  candles: "mint, interval_s, bucket", balances: "account", stake_pools: "stake_pool", stakers: "stake_pool, owner",
  claims: "stake_pool, owner, reward_mint", revenue: "agent_mint, reward_mint, source, eid", distributions: "agent_mint, ord",
};

/** Every table's rows, ordered: two databases with equal dumps hold the same data. */
export async function dump(db: Db, skip: string[] = []): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const [table, key] of Object.entries(KEYS)) if (!skip.includes(table)) out[table] = await db.all(`SELECT * FROM ${table} ORDER BY ${key}`);
  return out;
}
