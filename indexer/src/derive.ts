/**
 * What a batch of new transactions changes, computed in memory before anything is written:
 * rows to insert (transactions, events, trades, distributions) and deltas for the derived
 * tables, each merged with the stored row by a function below. Every merge is
 * order-independent — sums, set-once identity, max phase, "latest by ordering key" — so the
 * same transactions give the same tables whatever order or batches they arrive in.
 */
import { type AgentpadEvent, math, revenueSharePda } from "@agentpad/sdk";
import { PublicKey } from "@solana/web3.js";

import { keyText } from "./base58.js";
import { TX_END, ordKey } from "./order.js";
import { type Positioned, eventJson } from "./records.js";

export const INTERVALS = { "1m": 60, "1h": 3_600, "1d": 86_400 } as const;
export type Interval = keyof typeof INTERVALS;

export const PHASES = ["curve", "complete", "graduated"] as const;
export type Phase = (typeof PHASES)[number];
export const phaseName = (phase: number): Phase => PHASES[phase] ?? "curve";

export type Source = "trading" | "direct" | "bridged" | "commerce";

/** A value and the ordering key of the event that set it: the later key wins a merge. */
export interface Latest<T> { ord: string; value: T }

export function later<T>(a: Latest<T> | undefined, b: Latest<T> | undefined): Latest<T> | undefined {
  if (!a) return b;
  if (!b) return a;
  return b.ord > a.ord ? b : a;
}

export interface Candle {
  openOrd: string; open: bigint; closeOrd: string; close: bigint; high: bigint; low: bigint;
  volumeBase: bigint; volumeQuote: bigint; trades: number;
}

export function mergeCandle(a: Candle | undefined, b: Candle): Candle {
  if (!a) return b;
  const first = b.openOrd < a.openOrd ? b : a;
  const last = b.closeOrd > a.closeOrd ? b : a;
  return {
    openOrd: first.openOrd, open: first.open, closeOrd: last.closeOrd, close: last.close,
    high: b.high > a.high ? b.high : a.high, low: b.low < a.low ? b.low : a.low,
    volumeBase: a.volumeBase + b.volumeBase, volumeQuote: a.volumeQuote + b.volumeQuote, trades: a.trades + b.trades,
  };
}

export const bucketOf = (time: number, seconds: number) => Math.floor(time / seconds) * seconds;

export interface PoolState { signature: string; priceQ64: bigint; quoteReserve: bigint; baseReserve: bigint; progressBps: number }

export interface Identity {
  agent: string; creator: string; name: string | null; symbol: string | null; uri: string | null; presetId: number;
  originEid: number | null; totalSupply: bigint | null; createdAt: number; createdSlot: number; launchSignature: string;
}

export interface AgentDelta {
  identity?: Identity;
  pool?: string;
  quoteMint?: string;
  state?: Latest<PoolState>;
  /** Index in PHASES; only ever rises. */
  phase: number;
  trades: number;
  /** Revenue credited: the sort key is recomputed from the stored totals. */
  revenue: boolean;
}

export interface StakerDelta { staked?: Latest<bigint>; unstaking: bigint }

export interface TradeRow {
  signature: string; idx: number; ord: string; mint: string; slot: number; time: number; trader: string; side: "buy" | "sell";
  baseAmount: bigint; quoteAmount: bigint; fee: bigint; feeBps: number; priceQ64: bigint; progressBps: number;
}

export interface DistributionRow {
  signature: string; idx: number; ord: string; agentMint: string; rewardMint: string; slot: number; time: number | null;
  holders: bigint; creator: bigint; protocol: bigint;
}

export interface BalanceRow { mint: string; owner: string | null; amount: bigint; ord: string }

export interface Changes {
  txs: Positioned[];
  events: { signature: string; idx: number; ord: string; event: AgentpadEvent }[];
  trades: TradeRow[];
  distributions: DistributionRow[];
  mints: Map<string, number>;
  agents: Map<string, AgentDelta>;
  /** Key: mint, interval seconds, bucket. */
  candles: Map<string, { mint: string; interval: number; bucket: number; candle: Candle }>;
  balances: Map<string, BalanceRow>;
  stakePools: Map<string, Latest<bigint>>;
  /** Key: stake pool, owner. */
  stakers: Map<string, { stakePool: string; owner: string; delta: StakerDelta }>;
  /** Key: stake pool, owner, reward mint. */
  claims: Map<string, { stakePool: string; owner: string; rewardMint: string; amount: bigint }>;
  /** Key: agent mint, reward mint, source, eid (0: Solana). */
  revenue: Map<string, { agentMint: string; rewardMint: string; source: Source; eid: number; amount: bigint }>;
}

const key = (...parts: (string | number)[]) => parts.join("|");
const b58 = keyText;

/** The stake pool of an agent mint (a PDA: derived once per mint). */
const stakePools = new Map<string, string>();
export function stakePoolOf(mint: string): string {
  let pool = stakePools.get(mint);
  if (!pool) {
    pool = revenueSharePda.stakePool(new PublicKey(mint)).toBase58();
    if (stakePools.size > 100_000) stakePools.clear();
    stakePools.set(mint, pool);
  }
  return pool;
}

/** A revenue source as fee-aggregator's enum gives it: `{ local: {} }`, `{ bridged: { srcEid, transferId } }`, `{ commerce: { job } }`. */
export function sourceOf(source: Record<string, any>): { source: Source; eid: number } {
  if ("local" in source) return { source: "trading", eid: 0 };
  if ("direct" in source) return { source: "direct", eid: 0 };
  if ("bridged" in source) return { source: "bridged", eid: Number(source.bridged.srcEid) };
  if ("commerce" in source) return { source: "commerce", eid: 0 };
  throw new Error(`unknown revenue source ${eventJson(source)}`);
}

export function emptyChanges(): Changes {
  return {
    txs: [], events: [], trades: [], distributions: [], mints: new Map(), agents: new Map(), candles: new Map(), balances: new Map(),
    stakePools: new Map(), stakers: new Map(), claims: new Map(), revenue: new Map(),
  };
}

/** The changes `records` (transactions not stored yet, each once) make, added to `c`. */
export function derive(records: Positioned[], c: Changes = emptyChanges()): Changes {
  for (const r of records) {
    c.txs.push(r);
    for (const b of r.tokenBalances) {
      c.mints.set(b.mint, b.decimals);
      const row = { mint: b.mint, owner: b.owner, amount: b.amount, ord: ordKey(r.slot, r.txIndex, r.signature, TX_END) };
      const had = c.balances.get(b.account);
      if (!had || row.ord > had.ord) c.balances.set(b.account, row);
    }
    r.events.forEach((event, idx) => {
      const ord = ordKey(r.slot, r.txIndex, r.signature, idx);
      c.events.push({ signature: r.signature, idx, ord, event });
      apply(c, r, event, idx, ord);
    });
  }
  return c;
}

function agent(c: Changes, mint: string): AgentDelta {
  let a = c.agents.get(mint);
  if (!a) {
    a = { phase: 0, trades: 0, revenue: false };
    c.agents.set(mint, a);
  }
  return a;
}

function setState(a: AgentDelta, ord: string, value: PoolState, phase?: Phase) {
  a.state = later(a.state, { ord, value });
  if (phase) a.phase = Math.max(a.phase, PHASES.indexOf(phase));
}

function staker(c: Changes, stakePool: string, owner: string): StakerDelta {
  const k = key(stakePool, owner);
  let s = c.stakers.get(k);
  if (!s) {
    s = { stakePool, owner, delta: { unstaking: 0n } };
    c.stakers.set(k, s);
  }
  return s.delta;
}

function add<K, V extends { amount: bigint }>(map: Map<K, V>, k: K, row: V) {
  const had = map.get(k);
  if (had) had.amount += row.amount;
  else map.set(k, row);
}

function apply(c: Changes, r: Positioned, e: AgentpadEvent, idx: number, ord: string) {
  const d = e.data;
  switch (e.name) {
    case "agentLaunched": {
      const a = agent(c, b58(d.mint));
      a.identity = {
        agent: b58(d.agent), creator: b58(d.creator), name: d.name, symbol: d.symbol, uri: d.uri, presetId: d.presetId, originEid: null,
        totalSupply: d.totalSupply, createdAt: Number(d.timestamp), createdSlot: Number(d.slot), launchSignature: r.signature,
      };
      a.pool = b58(d.pool);
      return;
    }
    case "bridgedAgentRegistered": {
      // An agent token from another chain: its metadata and supply live there.
      agent(c, b58(d.mint)).identity = {
        agent: b58(d.agent), creator: b58(d.creator), name: null, symbol: null, uri: null, presetId: d.presetId, originEid: d.originEid,
        totalSupply: null, createdAt: Number(d.timestamp), createdSlot: Number(d.slot), launchSignature: r.signature,
      };
      return;
    }
    case "poolCreated": {
      const a = agent(c, b58(d.baseMint));
      a.pool = b58(d.pool);
      a.quoteMint = b58(d.quoteMint);
      // Before any trade: nothing sold, priced at the first segment's virtual reserves.
      setState(a, ord, {
        signature: r.signature, priceQ64: math.priceQ64(d.params.virtualQuoteReserve, d.params.virtualBaseReserve),
        quoteReserve: 0n, baseReserve: d.params.curveSupply, progressBps: 0,
      }, "curve");
      return;
    }
    case "bridgedPoolOpened": {
      const a = agent(c, b58(d.mint));
      a.pool = b58(d.pool);
      a.quoteMint = b58(d.quoteMint);
      // A locked constant-product pool from the start.
      setState(a, ord, {
        signature: r.signature, priceQ64: math.priceQ64(d.quoteAmount, d.baseAmount), quoteReserve: d.quoteAmount, baseReserve: d.baseAmount,
        progressBps: 10_000,
      }, "graduated");
      return;
    }
    case "poolGraduated": {
      setState(agent(c, b58(d.baseMint)), ord, {
        signature: r.signature, priceQ64: d.priceQ64, quoteReserve: d.quoteReserve, baseReserve: d.baseReserve, progressBps: 10_000,
      }, "graduated");
      return;
    }
    case "tradeExecuted": {
      const mint = b58(d.baseMint);
      const a = agent(c, mint);
      a.trades += 1;
      setState(a, ord, {
        signature: r.signature, priceQ64: d.priceQ64, quoteReserve: d.quoteReserve, baseReserve: d.baseReserve, progressBps: d.progressBps,
      }, d.graduated ? "graduated" : d.completedCurve ? "complete" : "curve");
      const time = Number(d.timestamp);
      c.trades.push({
        signature: r.signature, idx, ord, mint, slot: r.slot, time, trader: b58(d.user), side: d.isBuy ? "buy" : "sell",
        baseAmount: d.baseAmount, quoteAmount: d.quoteAmount, fee: d.fee, feeBps: d.feeBps, priceQ64: d.priceQ64, progressBps: d.progressBps,
      });
      const one: Candle = {
        openOrd: ord, open: d.priceQ64, closeOrd: ord, close: d.priceQ64, high: d.priceQ64, low: d.priceQ64,
        volumeBase: d.baseAmount, volumeQuote: d.quoteAmount, trades: 1,
      };
      for (const seconds of Object.values(INTERVALS)) {
        const bucket = bucketOf(time, seconds);
        const k = key(mint, seconds, bucket);
        c.candles.set(k, { mint, interval: seconds, bucket, candle: mergeCandle(c.candles.get(k)?.candle, one) });
      }
      return;
    }
    case "staked":
    case "unstakeRequested": {
      const pool = b58(d.stakePool);
      const s = staker(c, pool, b58(d.owner));
      s.staked = later(s.staked, { ord, value: d.positionStaked });
      if (e.name === "unstakeRequested") s.unstaking += d.amount;
      c.stakePools.set(pool, later(c.stakePools.get(pool), { ord, value: d.totalStaked })!);
      return;
    }
    case "rewardNotified": {
      const pool = b58(d.stakePool);
      c.stakePools.set(pool, later(c.stakePools.get(pool), { ord, value: d.totalStaked })!);
      return;
    }
    case "withdrawn":
      staker(c, b58(d.stakePool), b58(d.owner)).unstaking -= d.amount;
      return;
    case "rewardClaimed": {
      const [stakePool, owner, rewardMint] = [b58(d.stakePool), b58(d.owner), b58(d.rewardMint)];
      add(c.claims, key(stakePool, owner, rewardMint), { stakePool, owner, rewardMint, amount: d.amount });
      return;
    }
    case "revenueCredited": {
      const [agentMint, rewardMint] = [b58(d.agentMint), b58(d.rewardMint)];
      const { source, eid } = sourceOf(d.source);
      add(c.revenue, key(agentMint, rewardMint, source, eid), { agentMint, rewardMint, source, eid, amount: d.amount });
      agent(c, agentMint).revenue = true;
      return;
    }
    case "revenueDistributed":
      c.distributions.push({
        signature: r.signature, idx, ord, agentMint: b58(d.agentMint), rewardMint: b58(d.rewardMint), slot: r.slot, time: r.blockTime,
        holders: d.holders, creator: d.creator, protocol: d.protocol,
      });
      return;
    default:
      // Other events (admin, presets, links, fee reports, ...) are kept in `events` only.
      return;
  }
}
