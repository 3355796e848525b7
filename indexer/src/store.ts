/**
 * The indexer's database: idempotent ingest of transactions, the backfill cursors, and
 * commitment promotion. Reads for the API are in queries.ts.
 */
import { applyChanges, loadRows } from "./apply.js";
import { type Db, openDb } from "./db/index.js";
import { derive } from "./derive.js";
import type { Commitment, Positioned } from "./records.js";

export class Store {
  private constructor(readonly db: Db) {}

  /** Opens (and migrates) `spec`: `postgres://…`, `sqlite:<path>` or a path. */
  static async open(spec: string): Promise<Store> {
    return new Store(await openDb(spec));
  }

  get description() {
    return this.db.description;
  }

  /**
   * Stores the transactions not stored yet and updates every derived table from their
   * events, in one database transaction. A transaction already stored (re-delivered,
   * overlapping backfill and live, restart) changes nothing. Returns how many were new.
   */
  ingest(batch: Positioned[]): Promise<number> {
    const unique = [...new Map(batch.map((r) => [r.signature, r])).values()];
    if (unique.length === 0) return Promise.resolve(0);
    return this.db.transaction(async (q) => {
      const stored = new Set((await loadRows(q, "txs", ["signature"], unique.map((r) => [r.signature]), "signature")).map((r) => r.signature));
      const fresh = unique.filter((r) => !stored.has(r.signature));
      if (fresh.length > 0) await applyChanges(q, derive(fresh));
      return fresh.length;
    });
  }

  /** Which of `signatures` are stored. */
  async known(signatures: string[]): Promise<Set<string>> {
    const rows = await loadRows(this.db, "txs", ["signature"], signatures.map((s) => [s]), "signature");
    return new Set(rows.map((r) => r.signature as string));
  }

  async cursor(program: string): Promise<{ signature: string; slot: number } | undefined> {
    return this.db.get("SELECT signature, slot FROM cursors WHERE program = ?", [program]);
  }

  async setCursor(program: string, signature: string, slot: number): Promise<void> {
    await this.db.run(
      "INSERT INTO cursors (program, signature, slot) VALUES (?, ?, ?) ON CONFLICT (program) DO UPDATE SET signature = excluded.signature, slot = excluded.slot",
      [program, signature, slot]);
  }

  /** Stored transactions not yet finalized, oldest first, at or below `maxSlot`. */
  async unfinalized(maxSlot: number, limit: number): Promise<string[]> {
    const rows = await this.db.all<{ signature: string }>(
      "SELECT signature FROM txs WHERE commitment = 'confirmed' AND slot <= ? ORDER BY slot LIMIT ?", [maxSlot, limit]);
    return rows.map((r) => r.signature);
  }

  async setCommitment(signatures: string[], commitment: Commitment): Promise<number> {
    let changed = 0;
    for (let i = 0; i < signatures.length; i += 500) {
      const chunk = signatures.slice(i, i + 500);
      changed += await this.db.run(`UPDATE txs SET commitment = ? WHERE signature IN (${chunk.map(() => "?").join(", ")})`, [commitment, ...chunk]);
    }
    return changed;
  }

  /** The newest slot of a stored transaction (0 when none). */
  async indexedSlot(): Promise<number> {
    return (await this.db.get<{ slot: number | null }>("SELECT MAX(slot) AS slot FROM txs"))?.slot ?? 0;
  }

  close(): Promise<void> {
    return this.db.close();
  }
}
