/**
 * PostgreSQL through pg: a small pool; `?` placeholders numbered `$1…`; BIGINT read as a
 * number (slots and times fit), TEXT as strings. Bulk writes and key lookups send one array
 * per column (`unnest`), typed from the table's columns. Each transaction takes an advisory
 * lock, so two indexers on one database cannot interleave their read-merge-writes.
 */
import pg from "pg";

import { type Db, Mutex, type Param, type Queries } from "./types.js";

const INT8 = 20;
const INGEST_LOCK = 0x61676e70; // "agnp"
/** Rows per bulk statement. */
const CHUNK = 10_000;

const types = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === INT8 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format as "text")) as typeof pg.types.getTypeParser,
};

const numbered = new Map<string, string>();
function number(sql: string): string {
  let out = numbered.get(sql);
  if (out === undefined) {
    let n = 0;
    out = sql.replace(/\?/g, () => `$${++n}`);
    numbered.set(sql, out);
  }
  return out;
}

/** Column name -> array element type, per table (read once from the catalog). */
type ColumnTypes = Map<string, Map<string, string>>;
const ARRAY_TYPES: Record<string, string> = { text: "text", bigint: "int8", integer: "int4", "double precision": "float8" };

class Client implements Queries {
  readonly dialect = "postgres" as const;
  constructor(private readonly target: pg.Pool | pg.PoolClient, private readonly columnTypes: ColumnTypes) {}

  async all<T>(sql: string, params: Param[] = []): Promise<T[]> {
    return (await this.target.query(number(sql), params)).rows as T[];
  }

  async get<T>(sql: string, params: Param[] = []): Promise<T | undefined> {
    return (await this.all<T>(sql, params))[0];
  }

  async run(sql: string, params: Param[] = []): Promise<number> {
    return (await this.target.query(number(sql), params)).rowCount ?? 0;
  }

  async exec(sql: string): Promise<void> {
    await this.target.query(sql);
  }

  /** `unnest($1::text[], $2::int8[], …) AS k(columns)` and its per-column arrays for `rows`. */
  private async unnest(table: string, columns: string[], rows: Param[][], first = 1): Promise<{ sql: string; params: Param[][] }> {
    let known = this.columnTypes.get(table);
    if (!known) {
      const found = await this.all<{ column_name: string; data_type: string }>(
        "SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ?", [table]);
      known = new Map(found.map((c) => [c.column_name, ARRAY_TYPES[c.data_type] ?? "text"]));
      this.columnTypes.set(table, known);
    }
    const casts = columns.map((c, i) => `$${first + i}::${known!.get(c) ?? "text"}[]`);
    return { sql: `unnest(${casts.join(", ")}) AS k(${columns.join(", ")})`, params: columns.map((_, i) => rows.map((r) => r[i])) };
  }

  async insertMany(table: string, columns: string[], rows: Param[][], tail = ""): Promise<void> {
    for (let i = 0; i < rows.length; i += CHUNK) {
      const { sql, params } = await this.unnest(table, columns, rows.slice(i, i + CHUNK));
      await this.target.query(`INSERT INTO ${table} (${columns.join(", ")}) SELECT * FROM ${sql} ${tail}`, params);
    }
  }

  async selectByKeys<T>(table: string, keyColumns: string[], keys: Param[][], columns = "*"): Promise<T[]> {
    const out: T[] = [];
    for (let i = 0; i < keys.length; i += CHUNK) {
      const { sql, params } = await this.unnest(table, keyColumns, keys.slice(i, i + CHUNK));
      out.push(...((await this.target.query(`SELECT ${columns} FROM ${table} JOIN ${sql} USING (${keyColumns.join(", ")})`, params)).rows as T[]));
    }
    return out;
  }
}

export class PostgresDb implements Db {
  readonly dialect = "postgres" as const;
  private readonly pool: pg.Pool;
  private readonly shared: Client;
  private readonly writes = new Mutex();
  private readonly columnTypes: ColumnTypes = new Map();

  constructor(readonly url: string) {
    // synchronous_commit off: a commit does not wait for its WAL flush — the durability of
    // SQLite's WAL with synchronous=NORMAL. A crash can lose the last commits but never
    // reorder them, and the backfill cursor is written after what it covers, so a restart
    // fetches whatever was lost again.
    this.pool = new pg.Pool({ connectionString: url, max: 6, types, options: "-c synchronous_commit=off" });
    // An idle client's error (the server restarting) must not crash the process; the next query reports it.
    this.pool.on("error", () => undefined);
    this.shared = new Client(this.pool, this.columnTypes);
  }

  get description() {
    const u = new URL(this.url);
    if (u.password) u.password = "***";
    return u.toString();
  }

  all<T>(sql: string, params?: Param[]) {
    return this.shared.all<T>(sql, params);
  }

  get<T>(sql: string, params?: Param[]) {
    return this.shared.get<T>(sql, params);
  }

  run(sql: string, params?: Param[]) {
    return this.writes.lock(() => this.shared.run(sql, params));
  }

  exec(sql: string) {
    return this.writes.lock(() => this.shared.exec(sql));
  }

  insertMany(table: string, columns: string[], rows: Param[][], tail?: string) {
    return this.writes.lock(() => this.shared.insertMany(table, columns, rows, tail));
  }

  selectByKeys<T>(table: string, keyColumns: string[], keys: Param[][], columns?: string) {
    return this.shared.selectByKeys<T>(table, keyColumns, keys, columns);
  }

  transaction<T>(fn: (tx: Queries) => Promise<T>): Promise<T> {
    return this.writes.lock(async () => {
      const client = await this.pool.connect();
      try {
        await client.query("BEGIN");
        await client.query(`SELECT pg_advisory_xact_lock(${INGEST_LOCK})`);
        const result = await fn(new Client(client, this.columnTypes));
        await client.query("COMMIT");
        return result;
      } catch (e) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw e;
      } finally {
        client.release();
      }
    });
  }

  async close() {
    await this.writes.lock(() => this.pool.end());
  }
}
