/**
 * The follower. On start it subscribes to the four programs' logs (live transactions wait
 * in a queue meanwhile) and backfills each program's history newest-first down to the
 * cursor a previous backfill left; then it ingests live transactions as they are
 * confirmed, re-runs the backfill every 15 s (a websocket can miss a notification; a
 * busy node indexes a transaction's signature some time after confirming it), and
 * promotes stored transactions to "finalized" when the node says they are.
 *
 * The cursor only ever moves to a finalized slot: above it, every pass lists the
 * signatures again, so a transaction the node indexes late is still found.
 *
 * Every transaction goes through the same path: fetched (batched), positioned in its block
 * (getBlock, cached per slot), ingested by the store — which ignores what it already has,
 * so overlaps between backfill, live and restarts cost a lookup and nothing else.
 */
import { PROGRAM_IDS } from "@agentpad/sdk";
import type { PublicKey } from "@solana/web3.js";

import { Chain, PAGE, type SignatureInfo } from "./chain.js";
import { type Commitment, type Positioned, toRecord } from "./records.js";
import type { Store } from "./store.js";

export interface IndexerOptions {
  rpcUrl: string;
  /** The websocket endpoint (default: web3.js's guess from the RPC URL, port + 1). */
  wsUrl?: string;
  store: Store;
  /** One-line warnings and progress (default: stderr). */
  log?: (line: string) => void;
  /** Programs to follow (default: the four agentpad programs). */
  programs?: Record<string, PublicKey>;
  /** Transactions per getTransaction batch and per ingest (default 100). */
  batchSize?: number;
  /** Batches fetched at once during a backfill (default 4). */
  concurrency?: number;
  /** How often stored transactions are checked for finalization (default 5 s). */
  finalizeEveryMs?: number;
  /** How often the backfill runs again to catch what the websocket or a lagging index missed (default 15 s). */
  catchUpEveryMs?: number;
  /** First retry delay after an RPC error (doubles up to 30 s; default 500 ms). */
  retryMs?: number;
  /** Attempts at a transaction the node does not return yet (default 60, 500 ms apart). */
  fetchAttempts?: number;
  /** Attempts at a block the node does not return (default 5); then signature order within the slot. */
  blockAttempts?: number;
}

class Stopped extends Error {}

const STATUS_BATCH = 256;
/** Extra rounds, 1 s apart, for transactions a backfill pass listed but the node did not return. */
const MISSING_ROUNDS = 3;

/** A signature a backfill listed. */
interface Listed { signature: string; slot: number; commitment: Commitment }
/** Transactions per database transaction, at most. */
const INGEST_BATCH = 2_000;

export class Indexer {
  readonly chain: Chain;
  readonly store: Store;
  /** The cluster's finalized slot as last seen (0 before the first check). */
  finalizedSlot = 0;
  /** Transactions stored, by the path that brought them; signatures the log subscription announced. */
  readonly stats = { backfill: 0, live: 0, notified: 0 };
  private readonly log: (line: string) => void;
  private readonly programs: [string, PublicKey][];
  private readonly o: Required<Pick<IndexerOptions, "batchSize" | "concurrency" | "finalizeEveryMs" | "catchUpEveryMs" | "retryMs" | "fetchAttempts" | "blockAttempts">>;
  private stopped = false;
  private readonly subscriptions: number[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly wakers = new Set<() => void>();
  private readonly tasks = new Set<Promise<unknown>>();
  /** Live signatures waiting to be fetched, with the attempts made. */
  private readonly queue = new Map<string, number>();
  private draining: Promise<void> | undefined;
  private backfilling: Promise<void> | undefined;

  constructor(options: IndexerOptions) {
    this.chain = new Chain(options.rpcUrl, options.wsUrl);
    this.store = options.store;
    this.log = options.log ?? ((line) => console.error(line));
    this.programs = Object.entries(options.programs ?? PROGRAM_IDS);
    this.o = {
      batchSize: options.batchSize ?? 100, concurrency: options.concurrency ?? 4, finalizeEveryMs: options.finalizeEveryMs ?? 5_000,
      catchUpEveryMs: options.catchUpEveryMs ?? 15_000, retryMs: options.retryMs ?? 500, fetchAttempts: options.fetchAttempts ?? 60,
      blockAttempts: options.blockAttempts ?? 5,
    };
  }

  /** Subscribes, backfills (resolves when the first backfill is done), then keeps following. */
  async start(): Promise<void> {
    // Subscribed first: what lands during the backfill waits in the queue, nothing falls between.
    for (const [, id] of this.programs) {
      this.subscriptions.push(this.chain.onLogs(id, (logs) => {
        if (!logs.err) this.enqueue(logs.signature);
      }));
    }
    await this.backfill();
    this.every(this.o.catchUpEveryMs, () => this.backfill());
    this.every(this.o.finalizeEveryMs, () => this.finalize(), true);
  }

  /** Closes the subscriptions, waits for work in progress, closes the database. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const t of this.timers) clearTimeout(t);
    for (const wake of this.wakers) wake();
    await Promise.all(this.subscriptions.splice(0).map((id) => this.chain.removeOnLogs(id).catch(() => undefined)));
    await Promise.allSettled([...this.tasks, this.draining, this.backfilling]);
    await this.store.close();
  }

  /** Every program's new history since its cursor (one pass at a time). */
  backfill(): Promise<void> {
    this.backfilling ??= this.track((async () => {
      for (const [name, id] of this.programs) await this.backfillProgram(name, id);
    })()).finally(() => (this.backfilling = undefined));
    return this.backfilling;
  }

  private async backfillProgram(name: string, program: PublicKey) {
    const cursor = await this.store.cursor(name);
    this.finalizedSlot = Math.max(this.finalizedSlot, await this.retry("getSlot(finalized)", () => this.chain.finalizedSlot()));
    let safe: SignatureInfo | undefined;
    let before: string | undefined;
    let count = 0;
    let missing: Listed[] = [];
    for (;;) {
      const page = await this.retry(`getSignaturesForAddress(${name})`, () => this.chain.signatures(program, before, cursor?.signature));
      if (page.length === 0) break;
      safe ??= page.find((s) => s.slot <= this.finalizedSlot);
      const done = await this.ingestSignatures(page.map((s) => ({
        signature: s.signature, slot: s.slot, commitment: s.confirmationStatus === "finalized" ? "finalized" : "confirmed",
      })));
      count += done.ingested;
      missing.push(...done.missing);
      if (page.length < PAGE) break;
      before = page[page.length - 1].signature;
    }
    // Listed but not returned: the node lags its own index a little; ask again shortly.
    for (let round = 1; missing.length > 0 && round <= MISSING_ROUNDS; round++) {
      await this.sleep(1_000);
      const done = await this.ingestSignatures(missing);
      count += done.ingested;
      missing = done.missing;
    }
    // Still missing at a finalized slot: history the node no longer keeps. Above it, the next pass lists them again.
    const lost = missing.filter((m) => m.slot <= this.finalizedSlot);
    if (lost.length > 0) this.log(`indexer: warning: ${name}: the node does not return ${lost.length} listed transactions (pruned history?), e.g. ${lost[0].signature}: skipped`);
    if (safe && (!cursor || safe.slot >= cursor.slot)) await this.store.setCursor(name, safe.signature, safe.slot);
    this.stats.backfill += count;
    if (count > 0) this.log(`indexer: ${name}: ${count} new transactions`);
  }

  /**
   * Fetches and ingests those of `list` not stored yet; how many were new and which the
   * node did not return. Batches are fetched `concurrency` at a time; what they return is
   * ingested by one loop, everything that has arrived at once (fewer, larger database
   * transactions when the database is the slower side).
   */
  private async ingestSignatures(list: Listed[]): Promise<{ ingested: number; missing: Listed[] }> {
    const known = await this.store.known(list.map((s) => s.signature));
    const todo = list.filter((s) => !known.has(s.signature));
    const batches: Listed[][] = [];
    for (let i = 0; i < todo.length; i += this.o.batchSize) batches.push(todo.slice(i, i + this.o.batchSize));
    let ingested = 0;
    const missing: Listed[] = [];
    const arrived: Positioned[] = [];
    let ingesting: Promise<void> | undefined;
    let failed: { error: unknown } | undefined;
    const ingestArrived = () => {
      ingesting ??= (async () => {
        while (arrived.length > 0) ingested += await this.store.ingest(arrived.splice(0, INGEST_BATCH));
      })().catch((error) => void (failed ??= { error })).finally(() => (ingesting = undefined));
      return ingesting;
    };
    const worker = async () => {
      for (let batch = batches.shift(); batch && !failed; batch = batches.shift()) {
        const loaded = await this.load(batch);
        const lacking = new Set(loaded.missing);
        missing.push(...batch.filter((s) => lacking.has(s.signature)));
        arrived.push(...loaded.records);
        ingestArrived();
        // Fetching runs ahead of the database by a few batches at most.
        while (arrived.length > INGEST_BATCH && ingesting) await ingesting;
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.o.concurrency, batches.length) }, worker));
    while (!failed && (ingesting || arrived.length > 0)) await ingestArrived();
    await ingesting;
    // A database error ends the pass before its cursor moves: the next pass starts over.
    if (failed) throw failed.error;
    return { ingested, missing };
  }

  /** The transactions the node returns (one batched request), positioned in their blocks; the signatures it lacks. */
  async load(list: { signature: string; commitment: Commitment }[]): Promise<{ records: Positioned[]; missing: string[] }> {
    const got = await this.retry("getTransactions", () => this.chain.transactions(list.map((s) => s.signature)));
    const fetched = list.flatMap((s, i) => (got[i] ? [{ ...s, tx: got[i]! }] : []));
    const positions = await this.blockPositions(fetched.map((f) => f.tx.slot));
    return {
      records: fetched.map(({ signature, commitment, tx }) => ({
        ...toRecord(signature, tx), txIndex: positions.get(tx.slot)?.get(signature) ?? null, commitment,
      })),
      missing: list.filter((_, i) => !got[i]).map((s) => s.signature),
    };
  }

  /**
   * The blocks' positions. A block the node does not return (pruned, not yet stored) is
   * asked for a few times; then its slot's transactions order by signature (a fixed order,
   * so every replay agrees).
   */
  private async blockPositions(slots: number[]): Promise<Map<number, Map<string, number>>> {
    const out = new Map<number, Map<string, number>>();
    let todo = [...new Set(slots)];
    for (let attempt = 1; todo.length > 0; attempt++) {
      const got = await this.retry("getBlock", () => this.chain.blockPositions(todo));
      const failed: number[] = [];
      for (const slot of todo) {
        const p = got.get(slot);
        if (p instanceof Map) out.set(slot, p);
        else if (attempt >= this.o.blockAttempts) this.log(`indexer: warning: ${oneLine(p)}; its transactions are ordered by signature within the slot`);
        else failed.push(slot);
      }
      todo = failed;
      if (todo.length > 0) await this.sleep(this.o.retryMs * attempt);
    }
    return out;
  }

  // ------------------------------------------------------------------ live

  private enqueue(signature: string) {
    if (this.stopped || this.queue.has(signature)) return;
    this.stats.notified += 1;
    this.queue.set(signature, 0);
    // A database error leaves the signatures queued: the next notification (or backfill) retries them.
    this.draining ??= this.track(this.drain())
      .catch((e) => this.log(`indexer: warning: live ingest: ${oneLine(e)}`))
      .finally(() => (this.draining = undefined));
  }

  /** One batch at a time: fetch, position, ingest; what the node does not return yet waits and is asked again. */
  private async drain() {
    while (this.queue.size > 0 && !this.stopped) {
      const batch = [...this.queue.keys()].slice(0, this.o.batchSize);
      const { records, missing } = await this.load(batch.map((signature) => ({ signature, commitment: "confirmed" as const })));
      this.stats.live += await this.store.ingest(records);
      for (const r of records) this.queue.delete(r.signature);
      for (const signature of missing) {
        const attempts = this.queue.get(signature)! + 1;
        if (attempts < this.o.fetchAttempts) this.queue.set(signature, attempts);
        else {
          this.queue.delete(signature);
          this.log(`indexer: warning: the node does not return transaction ${signature}; the next backfill pass will`);
        }
      }
      // The node lags its own confirmations a little: ask again shortly.
      if (missing.length > 0) await this.sleep(500);
    }
  }

  // ------------------------------------------------------------------ commitment

  /** Promotes stored transactions the node reports finalized. */
  async finalize(): Promise<number> {
    this.finalizedSlot = await this.retry("getSlot(finalized)", () => this.chain.finalizedSlot());
    let promoted = 0;
    for (;;) {
      const pending = await this.store.unfinalized(this.finalizedSlot, STATUS_BATCH);
      if (pending.length === 0) break;
      const statuses = await this.retry("getSignatureStatuses", () => this.chain.statuses(pending));
      const finalized = pending.filter((_, i) => statuses[i]?.confirmationStatus === "finalized");
      promoted += await this.store.setCommitment(finalized, "finalized");
      // The rest are not finalized yet (or unknown to the node): asked again next time.
      if (finalized.length < pending.length) break;
    }
    return promoted;
  }

  // ------------------------------------------------------------------ plumbing

  /** Calls `fn` until it succeeds, logging each failure on one line; gives up only when stopped. */
  private async retry<T>(what: string, fn: () => Promise<T>): Promise<T> {
    for (let delay = this.o.retryMs; ; delay = Math.min(delay * 2, 30_000)) {
      if (this.stopped) throw new Stopped();
      try {
        return await fn();
      } catch (e) {
        if (this.stopped) throw new Stopped();
        this.log(`indexer: warning: ${what}: ${oneLine(e)} (retrying in ${(delay / 1000).toFixed(1)} s)`);
        await this.sleep(delay);
      }
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakers.add(done);
    });
  }

  /** Runs `task` every `ms` after the previous run ended (first at once if `now`); a failure is logged, the next run happens anyway. */
  private every(ms: number, task: () => Promise<unknown>, now = false) {
    const schedule = (delay: number) => {
      if (this.stopped) return;
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        this.track(task()).catch((e) => this.stopped || this.log(`indexer: warning: ${oneLine(e)}`)).finally(() => schedule(ms));
      }, delay);
      this.timers.add(timer);
    };
    schedule(now ? 0 : ms);
  }

  /** Keeps `p` until it settles, so stop() can wait for it; a stop ends it quietly. */
  private track<T>(p: Promise<T>): Promise<T> {
    const quiet = p.catch((e) => {
      if (e instanceof Stopped) return undefined as T;
      throw e;
    });
    this.tasks.add(quiet);
    quiet.then(() => this.tasks.delete(quiet), () => this.tasks.delete(quiet));
    return quiet;
  }
}

export function oneLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split("\n")[0];
}
