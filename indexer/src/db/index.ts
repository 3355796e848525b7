/** Opens the database a `--db` argument names and brings its schema up to date. */
import { PostgresDb } from "./postgres.js";
import { SqliteDb } from "./sqlite.js";
import { migrate } from "./migrate.js";
import type { Db } from "./types.js";

export type { Db, Dialect, Param, Queries, Row } from "./types.js";

/** `postgres://…` / `postgresql://…`, `sqlite:<path>`, or a plain path (SQLite). */
export async function openDb(spec: string): Promise<Db> {
  if (/^postgres(ql)?:\/\//.test(spec)) {
    const db = new PostgresDb(spec);
    try {
      await migrate(db);
    } catch (e) {
      await db.close().catch(() => undefined);
      throw e;
    }
    return db;
  }
  const path = spec.replace(/^sqlite:/, "");
  if (!path) throw new Error("the SQLite database needs a path (sqlite:<path>)");
  const db = new SqliteDb(path);
  try {
    await migrate(db);
    db.openReader();
  } catch (e) {
    await db.close().catch(() => undefined);
    throw e;
  }
  return db;
}
