/**
 * The storage interface both databases implement. SQL is written once, with `?`
 * placeholders, in the subset SQLite and PostgreSQL share (the PostgreSQL driver numbers
 * the placeholders); integers come back as numbers, amounts are TEXT and stay strings.
 */
export type Dialect = "sqlite" | "postgres";
export type Param = string | number | null;
export type Row = Record<string, any>;

export interface Queries {
  readonly dialect: Dialect;
  all<T = Row>(sql: string, params?: Param[]): Promise<T[]>;
  get<T = Row>(sql: string, params?: Param[]): Promise<T | undefined>;
  /** Runs a statement; the number of rows it changed. */
  run(sql: string, params?: Param[]): Promise<number>;
  /**
   * `INSERT INTO table (columns) … tail` for every row: one prepared statement per row on
   * SQLite (in-process), one statement per 10,000 rows on PostgreSQL (column arrays unnested).
   */
  insertMany(table: string, columns: string[], rows: Param[][], tail?: string): Promise<void>;
  /** The rows of `table` whose `keyColumns` equal one of `keys`. */
  selectByKeys<T = Row>(table: string, keyColumns: string[], keys: Param[][], columns?: string): Promise<T[]>;
  /** Several statements, no parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Db extends Queries {
  /** Where the data is, for logs (no password). */
  readonly description: string;
  /**
   * Runs `fn` in one transaction, committed when it resolves, rolled back when it throws.
   * Transactions run one at a time (the ingest's read-merge-write relies on it); reads
   * outside a transaction see only committed data.
   */
  transaction<T>(fn: (tx: Queries) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** "(?, ?, …)" for a row of `width` values. */
export const tuple = (width: number) => `(${Array.from({ length: width }, () => "?").join(", ")})`;

/** A promise chain that runs one task at a time. */
export class Mutex {
  private tail: Promise<unknown> = Promise.resolve();

  lock<T>(task: () => Promise<T>): Promise<T> {
    const run = this.tail.then(task, task);
    this.tail = run.catch(() => undefined);
    return run;
  }
}
