/**
 * SQLite through better-sqlite3: one file, WAL journal, a writer connection (transactions
 * and writes, one at a time) and a reader connection (API queries see committed data only,
 * never a batch half-ingested).
 */
import Database from "better-sqlite3";

import { type Db, Mutex, type Param, type Queries, tuple } from "./types.js";

class Connection implements Queries {
  readonly dialect = "sqlite" as const;
  private readonly statements = new Map<string, Database.Statement>();

  constructor(readonly raw: Database.Database) {}

  private statement(sql: string): Database.Statement {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.raw.prepare(sql);
      if (this.statements.size >= 1_000) this.statements.clear();
      this.statements.set(sql, s);
    }
    return s;
  }

  async all<T>(sql: string, params: Param[] = []): Promise<T[]> {
    return this.statement(sql).all(params) as T[];
  }

  async get<T>(sql: string, params: Param[] = []): Promise<T | undefined> {
    return this.statement(sql).get(params) as T | undefined;
  }

  async run(sql: string, params: Param[] = []): Promise<number> {
    return this.statement(sql).run(params).changes;
  }

  async insertMany(table: string, columns: string[], rows: Param[][], tail = ""): Promise<void> {
    if (rows.length === 0) return;
    const statement = this.statement(`INSERT INTO ${table} (${columns.join(", ")}) VALUES ${tuple(columns.length)} ${tail}`);
    for (const row of rows) statement.run(row);
  }

  async selectByKeys<T>(table: string, keyColumns: string[], keys: Param[][], columns = "*"): Promise<T[]> {
    const statement = this.statement(`SELECT ${columns} FROM ${table} WHERE ${keyColumns.map((c) => `${c} = ?`).join(" AND ")}`);
    return keys.flatMap((k) => statement.all(k) as T[]);
  }

  async exec(sql: string): Promise<void> {
    this.raw.exec(sql);
  }
}

export class SqliteDb implements Db {
  readonly dialect = "sqlite" as const;
  private readonly writer: Connection;
  private reader: Connection;
  private readonly writes = new Mutex();

  constructor(readonly path: string) {
    const raw = new Database(path);
    raw.pragma("journal_mode = WAL");
    raw.pragma("synchronous = NORMAL");
    raw.pragma("busy_timeout = 10000");
    // 256 MB of page cache: the ingest's indexes on signatures take random inserts.
    raw.pragma("cache_size = -262144");
    raw.pragma("wal_autocheckpoint = 10000");
    this.writer = new Connection(raw);
    this.reader = this.writer;
  }

  get description() {
    return `sqlite:${this.path}`;
  }

  /** Opens the reader once the schema exists (a fresh file has none before migrations). */
  openReader() {
    if (this.path === ":memory:" || this.reader !== this.writer) return;
    const raw = new Database(this.path, { readonly: true });
    raw.pragma("busy_timeout = 10000");
    this.reader = new Connection(raw);
  }

  all<T>(sql: string, params?: Param[]) {
    return this.reader.all<T>(sql, params);
  }

  get<T>(sql: string, params?: Param[]) {
    return this.reader.get<T>(sql, params);
  }

  run(sql: string, params?: Param[]) {
    return this.writes.lock(() => this.writer.run(sql, params));
  }

  exec(sql: string) {
    return this.writes.lock(() => this.writer.exec(sql));
  }

  insertMany(table: string, columns: string[], rows: Param[][], tail?: string) {
    return this.writes.lock(() => this.writer.insertMany(table, columns, rows, tail));
  }

  selectByKeys<T>(table: string, keyColumns: string[], keys: Param[][], columns?: string) {
    return this.reader.selectByKeys<T>(table, keyColumns, keys, columns);
  }

  transaction<T>(fn: (tx: Queries) => Promise<T>): Promise<T> {
    return this.writes.lock(async () => {
      this.writer.raw.exec("BEGIN IMMEDIATE");
      try {
        const result = await fn(this.writer);
        this.writer.raw.exec("COMMIT");
        return result;
      } catch (e) {
        this.writer.raw.exec("ROLLBACK");
        throw e;
      }
    });
  }

  async close() {
    await this.writes.lock(async () => {
      if (this.reader !== this.writer) this.reader.raw.close();
      this.writer.raw.close();
    });
  }
}
