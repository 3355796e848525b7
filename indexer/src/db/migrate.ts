/**
 * Versioned migrations: indexer/migrations/NNN_name.sql, applied in order, each in its own
 * transaction with its row in schema_migrations; on open, whatever is missing is applied.
 * The files use SQL both databases accept.
 */
import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";

import type { Db } from "./types.js";

export const MIGRATIONS_DIR = fileURLToPath(new URL("../../migrations/", import.meta.url));

export interface Migration { version: number; name: string; sql: string }

export function migrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{3}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: Number(f.slice(0, 3)), name: f.slice(4, -4), sql: readFileSync(`${dir}/${f}`, "utf8") }));
}

/** Applies the missing migrations; the versions it applied. */
export async function migrate(db: Db, dir?: string): Promise<number[]> {
  await db.exec("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL)");
  const applied: number[] = [];
  for (const m of migrations(dir)) {
    await db.transaction(async (tx) => {
      // Checked inside the transaction: two processes opening one database apply each file once.
      if (await tx.get("SELECT version FROM schema_migrations WHERE version = ?", [m.version])) return;
      await tx.exec(m.sql);
      await tx.run("INSERT INTO schema_migrations (version, name) VALUES (?, ?)", [m.version, m.name]);
      applied.push(m.version);
    });
  }
  return applied;
}
