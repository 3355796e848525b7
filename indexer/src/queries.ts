/**
 * The API's reads, shaped as the contract states: amounts as decimal strings of base units,
 * prices per whole token (the SDK's priceString) with the exact Q64.64, times in unix
 * seconds, each chain record with its transaction's commitment.
 */
import { AGENT_TOKEN_DECIMALS, priceString } from "@agentpad/sdk";

import { loadRows } from "./apply.js";
import type { Db, Param, Row } from "./db/index.js";
import { INTERVALS, type Interval, type Source, phaseName } from "./derive.js";

export const SORTS = ["marketCap", "progress", "volume24h", "createdAt", "revenue", "price"] as const;
export type Sort = (typeof SORTS)[number];

const SORT_COLUMNS: Record<Exclude<Sort, "volume24h">, string> = {
  marketCap: "market_cap_f", progress: "progress_bps", createdAt: "created_at", revenue: "revenue_f", price: "price_f",
};

/** At most this many candles per answer (the newest of the range). */
export const MAX_CANDLES = 5_000;

const DAY = 86_400;

/** LayerZero endpoint ids the API names. */
const CHAINS: Record<number, string> = { 30184: "base", 40245: "base-sepolia" };
export const chainOf = (eid: number) => (eid === 0 ? "solana" : CHAINS[eid] ?? `eid:${eid}`);

const cmp = (a: bigint, b: bigint) => (a < b ? -1 : a > b ? 1 : 0);
const placeholders = (n: number) => Array.from({ length: n }, () => "?").join(", ");

/** Whole quote tokens, from a base-unit amount times a Q64.64 price (the SDK's formatting). */
function marketCap(priceQ64: bigint, totalSupply: bigint, quoteDecimals: number): string {
  return priceString(priceQ64 * totalSupply, 0, quoteDecimals);
}

export class Queries {
  constructor(private readonly db: Db, private readonly now: () => number = () => Math.floor(Date.now() / 1000)) {}

  async agents(sort: Sort, order: "asc" | "desc", limit: number) {
    const dir = order === "asc" ? "ASC" : "DESC";
    if (sort !== "volume24h") {
      const rows = await this.db.all(
        `SELECT * FROM agents WHERE created_at IS NOT NULL ORDER BY ${SORT_COLUMNS[sort]} ${dir} NULLS LAST, mint LIMIT ?`, [limit]);
      return this.summaries(rows);
    }
    const all = await this.summaries(await this.db.all("SELECT * FROM agents WHERE created_at IS NOT NULL"));
    const sign = order === "asc" ? 1 : -1;
    all.sort((a, b) => sign * cmp(BigInt(a.volume24h), BigInt(b.volume24h)) || (a.mint < b.mint ? -1 : 1));
    return all.slice(0, limit);
  }

  async agent(mint: string) {
    const row = await this.agentRow(mint);
    return row ? (await this.summaries([row]))[0] : undefined;
  }

  private agentRow(mint: string): Promise<Row | undefined> {
    return this.db.get("SELECT * FROM agents WHERE mint = ? AND created_at IS NOT NULL", [mint]);
  }

  /** Summaries of `rows`, with the per-agent counts and totals read in a few grouped queries. */
  private async summaries(rows: Row[]) {
    if (rows.length === 0) return [];
    const mints = rows.map((r) => r.mint as string);
    const inMints = placeholders(mints.length);
    const [volumes, holders, stakers, revenue, decimals, commitments] = await Promise.all([
      this.volume24h(mints),
      this.counts(`SELECT mint AS k, COUNT(*) AS n FROM balances WHERE mint IN (${inMints}) AND amount_f > 0 GROUP BY mint`, mints),
      this.counts(`SELECT stake_pool AS k, COUNT(*) AS n FROM stakers WHERE stake_pool IN (${inMints}) AND staked_f > 0 GROUP BY stake_pool`,
        rows.map((r) => r.stake_pool)),
      this.db.all(`SELECT agent_mint, reward_mint, amount FROM revenue WHERE agent_mint IN (${inMints}) ORDER BY agent_mint, reward_mint`, mints),
      this.decimals([...mints, ...rows.map((r) => r.quote_mint).filter(Boolean)]),
      this.commitments(rows.map((r) => r.state_signature ?? r.launch_signature)),
    ]);
    return rows.map((r) => {
      const quoteDecimals = r.quote_mint ? decimals.get(r.quote_mint) ?? null : null;
      const baseDecimals = decimals.get(r.mint) ?? AGENT_TOKEN_DECIMALS;
      const priceQ64 = r.price_q64 == null ? null : BigInt(r.price_q64);
      const byMint = new Map<string, bigint>();
      for (const v of revenue) if (v.agent_mint === r.mint) byMint.set(v.reward_mint, (byMint.get(v.reward_mint) ?? 0n) + BigInt(v.amount));
      // One reward mint: its total. Several: the quote mint's total. Every mint's in revenueByMint unless the one is the quote mint.
      const total = byMint.size <= 1 ? [...byMint.values()][0] ?? 0n : byMint.get(r.quote_mint) ?? 0n;
      const named = byMint.size > 1 || (byMint.size === 1 && !byMint.has(r.quote_mint));
      const known = priceQ64 !== null && quoteDecimals !== null;
      // No pool on Solana (a bridged agent before its pool opens): no phase, no progress.
      const listed = r.pool != null;
      return {
        mint: r.mint as string, name: r.name as string | null, symbol: r.symbol as string | null, uri: r.uri as string | null,
        creator: r.creator as string, pool: r.pool as string | null, quoteMint: r.quote_mint as string | null,
        quoteDecimals, baseDecimals, phase: listed ? phaseName(Number(r.phase)) : null, createdAt: Number(r.created_at),
        totalSupply: r.total_supply as string | null, priceQ64: priceQ64?.toString() ?? null,
        price: known ? priceString(priceQ64, baseDecimals, quoteDecimals) : null,
        marketCap: known && r.total_supply != null ? marketCap(priceQ64, BigInt(r.total_supply), quoteDecimals) : null,
        progressBps: listed ? Number(r.progress_bps ?? 0) : null,
        quoteReserve: r.quote_reserve as string | null, baseReserve: r.base_reserve as string | null,
        volume24h: (volumes.get(r.mint) ?? 0n).toString(), trades: Number(r.trades),
        revenue: total.toString(),
        ...(named ? { revenueByMint: [...byMint].map(([rewardMint, amount]) => ({ rewardMint, amount: amount.toString() })) } : {}),
        originEid: r.origin_eid ?? null, stakers: stakers.get(r.stake_pool) ?? 0, holders: holders.get(r.mint) ?? 0,
        commitment: commitments.get(r.state_signature ?? r.launch_signature) ?? "confirmed",
      };
    });
  }

  /**
   * Quote volume of the last 24 hours to the minute: the 1-minute candles up to the first
   * full hour, then the hourly ones (whose last may be the current, partial hour).
   */
  private async volume24h(mints: string[]): Promise<Map<string, bigint>> {
    const start = Math.floor((this.now() - DAY) / 60) * 60;
    const hour = Math.ceil(start / 3600) * 3600;
    const inMints = placeholders(mints.length);
    const rows = await this.db.all<{ mint: string; volume_quote: string }>(
      `SELECT mint, volume_quote FROM candles WHERE interval_s = 60 AND bucket >= ? AND bucket < ? AND mint IN (${inMints})
       UNION ALL SELECT mint, volume_quote FROM candles WHERE interval_s = 3600 AND bucket >= ? AND mint IN (${inMints})`,
      [start, hour, ...mints, hour, ...mints]);
    const out = new Map<string, bigint>();
    for (const r of rows) out.set(r.mint, (out.get(r.mint) ?? 0n) + BigInt(r.volume_quote));
    return out;
  }

  private async counts(sql: string, params: Param[]): Promise<Map<string, number>> {
    return new Map((await this.db.all<{ k: string; n: number }>(sql, params)).map((r) => [r.k, Number(r.n)]));
  }

  private async decimals(mints: string[]): Promise<Map<string, number>> {
    const unique = [...new Set(mints)];
    return new Map((await loadRows(this.db, "mints", ["mint"], unique.map((m) => [m]))).map((r) => [r.mint, Number(r.decimals)]));
  }

  private async commitments(signatures: (string | null)[]): Promise<Map<string, string>> {
    const unique = [...new Set(signatures.filter((s): s is string => !!s))];
    const rows = await loadRows(this.db, "txs", ["signature"], unique.map((s) => [s]), "signature, commitment");
    return new Map(rows.map((r) => [r.signature, r.commitment]));
  }

  /** Quote and base decimals of an agent (null when the agent is unknown). */
  private async agentDecimals(mint: string): Promise<{ base: number; quote: number } | null> {
    const row = await this.agentRow(mint);
    if (!row) return null;
    const d = await this.decimals([mint, row.quote_mint].filter(Boolean));
    return { base: d.get(mint) ?? AGENT_TOKEN_DECIMALS, quote: d.get(row.quote_mint) ?? 0 };
  }

  /** Newest first; `before`: only trades older than that transaction's. Null for an unknown agent. */
  async trades(mint: string, limit: number, before?: string) {
    const d = await this.agentDecimals(mint);
    if (!d) return null;
    let below: string | undefined;
    if (before) {
      below = (await this.db.get<{ ord: string | null }>("SELECT MIN(ord) AS ord FROM trades WHERE mint = ? AND signature = ?", [mint, before]))?.ord ?? undefined;
      if (!below) throw new BadRequest(`before: no trade of ${mint} in transaction ${before}`);
    }
    const rows = await this.db.all(
      `SELECT t.*, x.commitment FROM trades t JOIN txs x ON x.signature = t.signature
       WHERE t.mint = ?${below ? " AND t.ord < ?" : ""} ORDER BY t.ord DESC LIMIT ?`,
      below ? [mint, below, limit] : [mint, limit]);
    return rows.map((t) => ({
      signature: t.signature, slot: Number(t.slot), time: Number(t.time), user: t.trader, side: t.side, baseAmount: t.base_amount,
      quoteAmount: t.quote_amount, fee: t.fee, feeBps: t.fee_bps, priceQ64: t.price_q64, price: priceString(BigInt(t.price_q64), d.base, d.quote),
      progressBps: t.progress_bps, commitment: t.commitment,
    }));
  }

  /** Oldest first, buckets starting in [from, to]. Null for an unknown agent. */
  async candles(mint: string, interval: Interval, from: number, to: number) {
    const d = await this.agentDecimals(mint);
    if (!d) return null;
    const rows = await this.db.all(
      "SELECT * FROM candles WHERE mint = ? AND interval_s = ? AND bucket >= ? AND bucket <= ? ORDER BY bucket DESC LIMIT ?",
      [mint, INTERVALS[interval], from, to, MAX_CANDLES]);
    // One candle's four prices are often one (a single trade): each distinct price formatted once.
    const prices = new Map<string, string>();
    const price = (q64: string) => {
      let p = prices.get(q64);
      if (p === undefined) prices.set(q64, (p = priceString(BigInt(q64), d.base, d.quote)));
      return p;
    };
    return rows.reverse().map((c) => ({
      time: Number(c.bucket), open: price(c.open_q64), high: price(c.high_q64), low: price(c.low_q64), close: price(c.close_q64),
      volumeBase: c.volume_base, volumeQuote: c.volume_quote, trades: Number(c.trades),
    }));
  }

  /** Largest first. Null for an unknown agent. */
  async holders(mint: string, limit: number) {
    if (!(await this.agentRow(mint))) return null;
    return this.db.all<{ owner: string | null; account: string; amount: string }>(
      "SELECT owner, account, amount FROM balances WHERE mint = ? AND amount_f > 0 ORDER BY amount_f DESC, account LIMIT ?", [mint, limit]);
  }

  /** Largest stake first, with what each has claimed per reward mint. Null for an unknown agent. */
  async stakers(mint: string, limit: number) {
    const row = await this.agentRow(mint);
    if (!row) return null;
    const pool = row.stake_pool as string;
    const [total, stakers, claims] = await Promise.all([
      this.db.get<{ total_staked: string }>("SELECT total_staked FROM stake_pools WHERE stake_pool = ?", [pool]),
      this.db.all("SELECT owner, staked, unstaking FROM stakers WHERE stake_pool = ? AND (staked_f > 0 OR unstaking <> '0') ORDER BY staked_f DESC, owner LIMIT ?", [pool, limit]),
      this.db.all("SELECT owner, reward_mint, amount FROM claims WHERE stake_pool = ? ORDER BY reward_mint", [pool]),
    ]);
    return {
      totalStaked: total?.total_staked ?? "0",
      stakers: stakers.map((s) => ({
        owner: s.owner, staked: s.staked, unstaking: s.unstaking,
        claimed: claims.filter((c) => c.owner === s.owner).map((c) => ({ rewardMint: c.reward_mint, amount: c.amount })),
      })),
    };
  }

  /** Revenue credited per reward mint, by source and by chain. Null for an unknown agent. */
  async revenue(mint: string) {
    if (!(await this.agentRow(mint))) return null;
    const rows = await this.db.all<{ reward_mint: string; source: Source; eid: number; amount: string }>(
      "SELECT reward_mint, source, eid, amount FROM revenue WHERE agent_mint = ? ORDER BY reward_mint, source, eid", [mint]);
    const byMint = new Map<string, { total: bigint; bySource: Map<Source, bigint>; byChain: Map<number, bigint> }>();
    for (const r of rows) {
      let m = byMint.get(r.reward_mint);
      if (!m) byMint.set(r.reward_mint, (m = { total: 0n, bySource: new Map(), byChain: new Map() }));
      const amount = BigInt(r.amount);
      const eid = Number(r.eid);
      m.total += amount;
      m.bySource.set(r.source, (m.bySource.get(r.source) ?? 0n) + amount);
      m.byChain.set(eid, (m.byChain.get(eid) ?? 0n) + amount);
    }
    return [...byMint].map(([rewardMint, m]) => ({
      rewardMint, total: m.total.toString(),
      bySource: [...m.bySource].map(([source, amount]) => ({ source, amount: amount.toString() })),
      byChain: [...m.byChain].map(([eid, amount]) => ({ chain: chainOf(eid), eid: eid === 0 ? null : eid, amount: amount.toString() })),
    }));
  }

  /** Newest first. Null for an unknown agent. */
  async distributions(mint: string, limit: number) {
    if (!(await this.agentRow(mint))) return null;
    const rows = await this.db.all(
      `SELECT d.*, x.commitment FROM distributions d JOIN txs x ON x.signature = d.signature
       WHERE d.agent_mint = ? ORDER BY d.ord DESC LIMIT ?`, [mint, limit]);
    return rows.map((d) => ({
      signature: d.signature, slot: Number(d.slot), time: d.time == null ? null : Number(d.time), rewardMint: d.reward_mint,
      holders: d.holders, creator: d.creator, protocol: d.protocol, commitment: d.commitment,
    }));
  }

  /** Agents whose stake pool the indexer has seen `owner` stake in. */
  async stakedAgents(owner: string): Promise<string[]> {
    const rows = await this.db.all<{ mint: string }>(
      "SELECT a.mint FROM stakers s JOIN agents a ON a.stake_pool = s.stake_pool WHERE s.owner = ? ORDER BY a.mint", [owner]);
    return rows.map((r) => r.mint);
  }
}

/** A request the API answers with 400 and this one-line message. */
export class BadRequest extends Error {}
