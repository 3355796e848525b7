/**
 * What the tables should hold, computed the simple way from all the records at once —
 * events sorted into chain order, then folded — to check the ingest's incremental,
 * order-independent merges against.
 */
import type { AgentpadEvent } from "@agentpad/sdk";

import type { Positioned } from "../../src/records.js";

export interface Ordered { record: Positioned; event: AgentpadEvent; idx: number }

const b58 = (k: { toBase58(): string }) => k.toBase58();

/** Every event of `records` in chain order: slot, position in the block, index in the transaction. */
export function chainOrder(records: Positioned[]): Ordered[] {
  const all = records.flatMap((record) => record.events.map((event, idx) => ({ record, event, idx })));
  return all.sort((a, b) => a.record.slot - b.record.slot || a.record.txIndex! - b.record.txIndex! || a.idx - b.idx);
}

export interface RefCandle { time: number; open: bigint; high: bigint; low: bigint; close: bigint; volumeBase: bigint; volumeQuote: bigint; trades: number }

export function referenceCandles(records: Positioned[], mint: string, seconds: number): RefCandle[] {
  const out = new Map<number, RefCandle>();
  for (const { event } of chainOrder(records)) {
    if (event.name !== "tradeExecuted" || b58(event.data.baseMint) !== mint) continue;
    const d = event.data;
    const time = Math.floor(Number(d.timestamp) / seconds) * seconds;
    const c = out.get(time);
    if (!c) out.set(time, { time, open: d.priceQ64, high: d.priceQ64, low: d.priceQ64, close: d.priceQ64, volumeBase: d.baseAmount, volumeQuote: d.quoteAmount, trades: 1 });
    else {
      c.close = d.priceQ64;
      if (d.priceQ64 > c.high) c.high = d.priceQ64;
      if (d.priceQ64 < c.low) c.low = d.priceQ64;
      c.volumeBase += d.baseAmount;
      c.volumeQuote += d.quoteAmount;
      c.trades += 1;
    }
  }
  return [...out.values()].sort((a, b) => a.time - b.time);
}

/** The last trade or graduation of each mint: its pool state. */
export function referenceState(records: Positioned[]): Map<string, { priceQ64: bigint; quoteReserve: bigint; baseReserve: bigint; progressBps: number }> {
  const out = new Map();
  for (const { event: e } of chainOrder(records)) {
    if (e.name === "tradeExecuted" || e.name === "poolGraduated") {
      out.set(b58(e.data.baseMint), {
        priceQ64: e.data.priceQ64, quoteReserve: e.data.quoteReserve, baseReserve: e.data.baseReserve,
        progressBps: e.name === "poolGraduated" ? 10_000 : e.data.progressBps,
      });
    }
  }
  return out;
}

/** Revenue credited per agent, reward mint, source kind and eid. */
export function referenceRevenue(records: Positioned[]): Map<string, bigint> {
  const out = new Map<string, bigint>();
  for (const { event: e } of chainOrder(records)) {
    if (e.name !== "revenueCredited") continue;
    const kind = Object.keys(e.data.source)[0];
    const eid = kind === "bridged" ? Number(e.data.source.bridged.srcEid) : 0;
    const k = [b58(e.data.agentMint), b58(e.data.rewardMint), { local: "trading", direct: "direct", bridged: "bridged" }[kind], eid].join("|");
    out.set(k, (out.get(k) ?? 0n) + e.data.amount);
  }
  return out;
}

/** Each position's stake (its last event's), what waits in cooldown, and claims per reward mint. */
export function referenceStakers(records: Positioned[]) {
  const out = new Map<string, { staked: bigint; unstaking: bigint; claimed: Map<string, bigint> }>();
  const get = (pool: string, owner: string) => {
    const k = `${pool}|${owner}`;
    if (!out.has(k)) out.set(k, { staked: 0n, unstaking: 0n, claimed: new Map() });
    return out.get(k)!;
  };
  for (const { event: e } of chainOrder(records)) {
    const d = e.data;
    if (e.name === "staked") get(b58(d.stakePool), b58(d.owner)).staked = d.positionStaked;
    if (e.name === "unstakeRequested") {
      const s = get(b58(d.stakePool), b58(d.owner));
      s.staked = d.positionStaked;
      s.unstaking += d.amount;
    }
    if (e.name === "withdrawn") get(b58(d.stakePool), b58(d.owner)).unstaking -= d.amount;
    if (e.name === "rewardClaimed") {
      const c = get(b58(d.stakePool), b58(d.owner)).claimed;
      c.set(b58(d.rewardMint), (c.get(b58(d.rewardMint)) ?? 0n) + d.amount);
    }
  }
  return out;
}

/** Each token account's balance after the last transaction that touched it. */
export function referenceBalances(records: Positioned[]): Map<string, { mint: string; owner: string | null; amount: bigint }> {
  const out = new Map();
  const sorted = [...records].sort((a, b) => a.slot - b.slot || a.txIndex! - b.txIndex!);
  for (const r of sorted) for (const b of r.tokenBalances) out.set(b.account, { mint: b.mint, owner: b.owner, amount: b.amount });
  return out;
}
