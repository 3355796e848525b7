/**
 * Writes a batch's changes (derive.ts) in the ingest's transaction: plain inserts for the
 * rows only a new transaction creates (itself, its events, trades, distributions), and for
 * each derived table "load the stored rows of the touched keys, merge in JS, upsert" —
 * bigint arithmetic, never the database's.
 */
import { AGENT_TOKEN_DECIMALS } from "@agentpad/sdk";

import type { Param, Queries, Row } from "./db/index.js";
import { eventJson } from "./records.js";
import {
  type AgentDelta, type Candle, type Changes, type PoolState, later, mergeCandle, stakePoolOf,
} from "./derive.js";

const text = (v: bigint | null | undefined): string | null => (v === null || v === undefined ? null : v.toString());

export function insertRows(q: Queries, table: string, columns: string[], rows: Param[][], conflict = ""): Promise<void> {
  return q.insertMany(table, columns, rows, conflict);
}

/** Inserts or replaces whole rows (keys unique within `rows`). */
export function upsertRows(q: Queries, table: string, keys: string[], columns: string[], rows: Param[][], where = ""): Promise<void> {
  const set = columns.filter((c) => !keys.includes(c)).map((c) => `${c} = excluded.${c}`).join(", ");
  return insertRows(q, table, columns, rows, `ON CONFLICT (${keys.join(", ")}) DO UPDATE SET ${set} ${where}`);
}

/** The stored rows whose key columns equal one of `keys`. */
export function loadRows(q: Queries, table: string, keyColumns: string[], keys: Param[][], columns = "*"): Promise<Row[]> {
  return keys.length === 0 ? Promise.resolve([]) : q.selectByKeys(table, keyColumns, keys, columns);
}

const rowKey = (row: Row, columns: string[]) => columns.map((c) => row[c]).join("|");

export async function applyChanges(q: Queries, c: Changes): Promise<void> {
  await applyInserts(q, c);
  await applyMerges(q, c);
}

/** The rows only new transactions create: themselves, their events, trades, distributions. */
export async function applyInserts(q: Queries, c: Changes): Promise<void> {
  await insertRows(q, "txs", ["signature", "slot", "tx_index", "block_time", "failed", "commitment"],
    c.txs.map((t) => [t.signature, t.slot, t.txIndex, t.blockTime, t.err ? 1 : 0, t.commitment]), "ON CONFLICT (signature) DO NOTHING");
  await insertRows(q, "events", ["signature", "idx", "ord", "program", "name", "data"],
    c.events.map((e) => [e.signature, e.idx, e.ord, e.event.program, e.event.name, eventJson(e.event.data)]));
  await insertRows(q, "trades",
    ["signature", "idx", "ord", "mint", "slot", "time", "trader", "side", "base_amount", "quote_amount", "fee", "fee_bps", "price_q64", "progress_bps"],
    c.trades.map((t) => [
      t.signature, t.idx, t.ord, t.mint, t.slot, t.time, t.trader, t.side, text(t.baseAmount), text(t.quoteAmount), text(t.fee), t.feeBps,
      text(t.priceQ64), t.progressBps,
    ]));
  await insertRows(q, "distributions",
    ["signature", "idx", "ord", "agent_mint", "reward_mint", "slot", "time", "holders", "creator", "protocol"],
    c.distributions.map((d) => [
      d.signature, d.idx, d.ord, d.agentMint, d.rewardMint, d.slot, d.time, text(d.holders), text(d.creator), text(d.protocol),
    ]));
}

/** The derived tables: stored rows of the touched keys merged with the deltas. */
export async function applyMerges(q: Queries, c: Changes): Promise<void> {
  // A mint's decimals never change: the first seen stays.
  await insertRows(q, "mints", ["mint", "decimals"], [...c.mints].map(([mint, decimals]) => [mint, decimals]), "ON CONFLICT (mint) DO NOTHING");
  await upsertRows(q, "balances", ["account"], ["account", "mint", "owner", "amount", "amount_f", "ord"],
    [...c.balances].map(([account, b]) => [account, b.mint, b.owner, text(b.amount), Number(b.amount), b.ord]),
    "WHERE balances.ord < excluded.ord");
  await upsertRows(q, "stake_pools", ["stake_pool"], ["stake_pool", "total_staked", "total_ord"],
    [...c.stakePools].map(([pool, t]) => [pool, text(t.value), t.ord]), "WHERE stake_pools.total_ord < excluded.total_ord");
  await applyCandles(q, c);
  await applyStakers(q, c);
  await applySums(q, "claims", ["stake_pool", "owner", "reward_mint"], [...c.claims.values()].map((v) => [[v.stakePool, v.owner, v.rewardMint], v.amount]));
  await applySums(q, "revenue", ["agent_mint", "reward_mint", "source", "eid"],
    [...c.revenue.values()].map((v) => [[v.agentMint, v.rewardMint, v.source, v.eid], v.amount]));
  await applyAgents(q, c.agents);
}

async function applyCandles(q: Queries, c: Changes) {
  const keyColumns = ["mint", "interval_s", "bucket"];
  const entries = [...c.candles.values()];
  const stored = new Map<string, Candle>();
  for (const row of await loadRows(q, "candles", keyColumns, entries.map((e) => [e.mint, e.interval, e.bucket]))) {
    stored.set(rowKey(row, keyColumns), {
      openOrd: row.open_ord, open: BigInt(row.open_q64), closeOrd: row.close_ord, close: BigInt(row.close_q64),
      high: BigInt(row.high_q64), low: BigInt(row.low_q64), volumeBase: BigInt(row.volume_base), volumeQuote: BigInt(row.volume_quote),
      trades: Number(row.trades),
    });
  }
  await upsertRows(q, "candles", keyColumns,
    [...keyColumns, "open_ord", "open_q64", "close_ord", "close_q64", "high_q64", "low_q64", "volume_base", "volume_quote", "trades"],
    entries.map((e) => {
      const m = mergeCandle(stored.get([e.mint, e.interval, e.bucket].join("|")), e.candle);
      return [e.mint, e.interval, e.bucket, m.openOrd, text(m.open), m.closeOrd, text(m.close), text(m.high), text(m.low),
        text(m.volumeBase), text(m.volumeQuote), m.trades];
    }));
}

async function applyStakers(q: Queries, c: Changes) {
  const keyColumns = ["stake_pool", "owner"];
  const entries = [...c.stakers.values()];
  const stored = new Map<string, Row>();
  for (const row of await loadRows(q, "stakers", keyColumns, entries.map((e) => [e.stakePool, e.owner]))) stored.set(rowKey(row, keyColumns), row);
  await upsertRows(q, "stakers", keyColumns, [...keyColumns, "staked", "staked_ord", "staked_f", "unstaking"], entries.map((e) => {
    const row = stored.get(`${e.stakePool}|${e.owner}`);
    // A withdrawal seen before its request leaves "unstaking" negative until the request arrives.
    const staked = later(row && { ord: row.staked_ord as string, value: BigInt(row.staked) }, e.delta.staked) ?? { ord: "", value: 0n };
    const unstaking = BigInt(row?.unstaking ?? 0) + e.delta.unstaking;
    return [e.stakePool, e.owner, text(staked.value), staked.ord, Number(staked.value), text(unstaking)];
  }));
}

/** Tables whose one amount column is a running total. */
async function applySums(q: Queries, table: string, keyColumns: string[], entries: [Param[], bigint][]) {
  const stored = new Map<string, bigint>();
  for (const row of await loadRows(q, table, keyColumns, entries.map(([k]) => k))) stored.set(rowKey(row, keyColumns), BigInt(row.amount));
  await upsertRows(q, table, keyColumns, [...keyColumns, "amount"],
    entries.map(([k, amount]) => [...k, text((stored.get(k.join("|")) ?? 0n) + amount)]));
}

const AGENT_COLUMNS = [
  "mint", "stake_pool", "agent", "creator", "name", "symbol", "uri", "preset_id", "origin_eid", "total_supply", "created_at", "created_slot",
  "launch_signature", "pool", "quote_mint", "phase", "state_ord", "state_signature", "price_q64", "quote_reserve", "base_reserve",
  "progress_bps", "trades", "price_f", "market_cap_f", "revenue_f",
];

async function applyAgents(q: Queries, deltas: Map<string, AgentDelta>) {
  if (deltas.size === 0) return;
  const mints = [...deltas.keys()];
  const stored = new Map<string, Row>();
  for (const row of await loadRows(q, "agents", ["mint"], mints.map((m) => [m]))) stored.set(row.mint, row);
  const revenueOf = new Map<string, bigint>();
  const credited = mints.filter((m) => deltas.get(m)!.revenue);
  for (const row of await loadRows(q, "revenue", ["agent_mint"], credited.map((m) => [m]), "agent_mint, amount")) {
    revenueOf.set(row.agent_mint, (revenueOf.get(row.agent_mint) ?? 0n) + BigInt(row.amount));
  }
  const merged = mints.map((mint) => mergeAgent(mint, stored.get(mint), deltas.get(mint)!, revenueOf.get(mint)));
  const quoteMints = [...new Set(merged.map((a) => a.quote_mint).filter((m): m is string => !!m))];
  const decimals = new Map<string, number>();
  for (const row of await loadRows(q, "mints", ["mint"], quoteMints.map((m) => [m]))) decimals.set(row.mint, row.decimals);
  for (const a of merged) Object.assign(a, sortKeys(a, a.quote_mint ? decimals.get(a.quote_mint) : undefined));
  await upsertRows(q, "agents", ["mint"], AGENT_COLUMNS, merged.map((a) => AGENT_COLUMNS.map((c) => a[c] ?? null)));
}

function mergeAgent(mint: string, row: Row | undefined, d: AgentDelta, revenue: bigint | undefined): Row {
  const a: Row = row ? { ...row } : { mint, stake_pool: stakePoolOf(mint), phase: 0, trades: 0, revenue_f: 0 };
  const id = d.identity;
  if (id && a.created_at == null) {
    Object.assign(a, {
      agent: id.agent, creator: id.creator, name: id.name, symbol: id.symbol, uri: id.uri, preset_id: id.presetId, origin_eid: id.originEid,
      total_supply: text(id.totalSupply), created_at: id.createdAt, created_slot: id.createdSlot, launch_signature: id.launchSignature,
    });
  }
  a.pool ??= d.pool ?? null;
  a.quote_mint ??= d.quoteMint ?? null;
  a.phase = Math.max(Number(a.phase), d.phase);
  a.trades = Number(a.trades) + d.trades;
  const state = later<PoolState | null>(a.state_ord == null ? undefined : { ord: a.state_ord, value: null }, d.state);
  if (state && state.value) {
    const s = state.value;
    Object.assign(a, {
      state_ord: state.ord, state_signature: s.signature, price_q64: text(s.priceQ64), quote_reserve: text(s.quoteReserve),
      base_reserve: text(s.baseReserve), progress_bps: s.progressBps,
    });
  }
  if (revenue !== undefined) a.revenue_f = Number(revenue);
  return a;
}

/** Float copies for ORDER BY: price and market cap in whole quote tokens (null until known). */
function sortKeys(a: Row, quoteDecimals: number | undefined): { price_f: number | null; market_cap_f: number | null } {
  if (a.price_q64 == null || quoteDecimals === undefined) return { price_f: null, market_cap_f: null };
  const price = (Number(BigInt(a.price_q64)) / 2 ** 64) * 10 ** (AGENT_TOKEN_DECIMALS - quoteDecimals);
  const supply = a.total_supply == null ? null : Number(BigInt(a.total_supply)) / 10 ** AGENT_TOKEN_DECIMALS;
  return { price_f: price, market_cap_f: supply === null ? null : price * supply };
}
