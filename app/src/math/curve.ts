/**
 * The pool's state machine (crates/agentpad-math/src/pool.rs and constant_product.rs), for
 * off-chain quotes that equal the program's result to the unit. Outputs round down,
 * required inputs round up, so `x * y` never decreases.
 */
import { BPS_DENOMINATOR } from "../constants.js";
import { MathError, U64_MAX, div, divCeil, u64, u128 } from "./errors.js";
import { type FeeParts, type FeeSplit, feeOn, splitFee, splitGross } from "./fee.js";

export type Phase = "curve" | "complete" | "graduated";

export interface CurveParams {
  virtualQuoteReserve: bigint;
  virtualBaseReserve: bigint;
  curveSupply: bigint;
  graduatedSupply: bigint;
  graduationThreshold: bigint;
}

/** A curve segment after the first, as pools store it (agentpad_math::segment::Segment). */
export interface Segment {
  /** Base units sold along the curve when this segment starts. */
  baseStart: bigint;
  /** Quote the earlier segments take to sell out (each rounded up). */
  quoteStart: bigint;
  virtualQuoteReserve: bigint;
  virtualBaseReserve: bigint;
}

export interface Market {
  params: CurveParams;
  /** The curve's segments after the first (whose reserves are `params`'); empty for one segment. */
  segments: Segment[];
  split: FeeSplit;
  phase: Phase;
  quoteReserve: bigint;
  baseReserve: bigint;
}

export interface Trade {
  side: "buy" | "sell";
  /** Base units bought or sold. */
  baseAmount: bigint;
  /** Quote the user pays (buy, fee included) or receives (sell, fee deducted). */
  quoteAmount: bigint;
  /** Change of the quote reserve (fees excluded). */
  reserveQuoteDelta: bigint;
  fee: bigint;
  feeParts: FeeParts;
  feeBps: number;
  quoteReserveAfter: bigint;
  baseReserveAfter: bigint;
  phaseAfter: Phase;
}

export function baseOutForQuoteIn(x: bigint, y: bigint, quoteIn: bigint): bigint {
  return u64(div(u128(y * quoteIn), u128(x + quoteIn)));
}

export function quoteInForBaseOut(x: bigint, y: bigint, baseOut: bigint): bigint {
  if (baseOut >= y) throw new MathError("InsufficientLiquidity");
  return u64(divCeil(u128(x * baseOut), y - baseOut));
}

export function quoteOutForBaseIn(x: bigint, y: bigint, baseIn: bigint): bigint {
  return u64(div(u128(x * baseIn), u128(y + baseIn)));
}

/** Price of one base unit in quote units, Q64.64. */
export function priceQ64(x: bigint, y: bigint): bigint {
  return div(x << 64n, y);
}

const firstSegment = (p: CurveParams): Segment => ({ baseStart: 0n, quoteStart: 0n, virtualQuoteReserve: p.virtualQuoteReserve, virtualBaseReserve: p.virtualBaseReserve });
const segmentAt = (m: Market, i: number): Segment => (i === 0 ? firstSegment(m.params) : m.segments[i - 1]);
const sold = (curveSupply: bigint, baseReserve: bigint) => (curveSupply > baseReserve ? curveSupply - baseReserve : 0n);
const buySegment = (m: Market, base: bigint) => { const s = sold(m.params.curveSupply, base); let i = 0; while (i < m.segments.length && m.segments[i].baseStart <= s) i++; return i; };
const sellSegment = (m: Market, base: bigint) => { const s = sold(m.params.curveSupply, base); let i = 0; while (i < m.segments.length && m.segments[i].baseStart < s) i++; return i; };

/** A segment's pricing reserves when the pool holds `(quote, base)` (Segment::pricing_reserves). */
function segmentReserves(seg: Segment, curveSupply: bigint, quote: bigint, base: bigint): { x: bigint; y: bigint } {
  if (quote < seg.quoteStart) throw new MathError("Overflow");
  const y = seg.virtualBaseReserve + seg.baseStart + base - curveSupply;
  if (y < 0n) throw new MathError("Overflow");
  return { x: u64(seg.virtualQuoteReserve + quote - seg.quoteStart), y: u64(y) };
}

/** The reserves the constant-product formula prices off: during the curve, the segment the next unit bought comes from. */
export function pricingReserves(m: Market): { x: bigint; y: bigint } {
  if (m.phase === "graduated") return { x: m.quoteReserve, y: m.baseReserve };
  return segmentReserves(segmentAt(m, buySegment(m, m.baseReserve)), m.params.curveSupply, m.quoteReserve, m.baseReserve);
}

/** Base units `quoteIn` (net of fee) buys, segment by segment (Market::base_out_for). */
function baseOutFor(m: Market, quoteIn: bigint): bigint {
  if (m.phase === "graduated") return baseOutForQuoteIn(m.quoteReserve, m.baseReserve, quoteIn);
  let i = buySegment(m, m.baseReserve);
  let [quote, base, left, out] = [m.quoteReserve, m.baseReserve, quoteIn, 0n];
  for (;;) {
    const { x, y } = segmentReserves(segmentAt(m, i), m.params.curveSupply, quote, base);
    if (i < m.segments.length) {
      const rest = base - (m.params.curveSupply - m.segments[i].baseStart);
      const cost = quoteInForBaseOut(x, y, rest);
      if (left >= cost) {
        [out, left, quote, base, i] = [out + rest, left - cost, u64(quote + cost), base - rest, i + 1];
        if (left === 0n) return out;
        continue;
      }
    }
    return u64(out + baseOutForQuoteIn(x, y, left));
  }
}

/** Quote (net of fee) that buys exactly `baseOut`; stops above the capacity once past it (Market::quote_in_for). */
function quoteInFor(m: Market, baseOut: bigint): bigint {
  if (m.phase === "graduated") return quoteInForBaseOut(m.quoteReserve, m.baseReserve, baseOut);
  const capacity = quoteCapacity(m);
  let i = buySegment(m, m.baseReserve);
  let [quote, base, want, cost] = [m.quoteReserve, m.baseReserve, baseOut, 0n];
  for (;;) {
    const { x, y } = segmentReserves(segmentAt(m, i), m.params.curveSupply, quote, base);
    if (i < m.segments.length) {
      const rest = base - (m.params.curveSupply - m.segments[i].baseStart);
      if (want > rest) {
        const step = quoteInForBaseOut(x, y, rest);
        cost = u64(cost + step);
        if (cost > capacity) return cost;
        [want, quote, base, i] = [want - rest, u64(quote + step), base - rest, i + 1];
        continue;
      }
    }
    return u64(cost + quoteInForBaseOut(x, y, want));
  }
}

/** Quote (before fee) selling `baseIn` pays, segment by segment down (Market::quote_out_for). */
function quoteOutFor(m: Market, baseIn: bigint): bigint {
  if (m.phase === "graduated") return quoteOutForBaseIn(m.quoteReserve, m.baseReserve, baseIn);
  let i = sellSegment(m, m.baseReserve);
  let [quote, base, left, out] = [m.quoteReserve, m.baseReserve, baseIn, 0n];
  for (;;) {
    const seg = segmentAt(m, i);
    const { x, y } = segmentReserves(seg, m.params.curveSupply, quote, base);
    if (i > 0) {
      const rest = sold(m.params.curveSupply, base) - seg.baseStart;
      if (left > rest) {
        const step = quoteOutForBaseIn(x, y, rest);
        if (step > quote) throw new MathError("Overflow");
        [out, left, quote, base, i] = [out + step, left - rest, quote - step, base + rest, i - 1];
        continue;
      }
    }
    return u64(out + quoteOutForBaseIn(x, y, left));
  }
}

export function marketPriceQ64(m: Market): bigint {
  const { x, y } = pricingReserves(m);
  return priceQ64(x, y);
}

/** Progress to graduation in bps of the threshold (10,000 once complete). */
export function progressBps(m: Market): number {
  if (m.phase !== "curve") return Number(BPS_DENOMINATOR);
  const threshold = m.params.graduationThreshold > 0n ? m.params.graduationThreshold : 1n;
  const p = (m.quoteReserve * BPS_DENOMINATOR) / threshold;
  return Number(p < BPS_DENOMINATOR ? p : BPS_DENOMINATOR);
}

function ensureTradable(m: Market) {
  if (m.phase === "complete") throw new MathError("CurveComplete");
}

function quoteCapacity(m: Market): bigint {
  if (m.phase === "curve") return m.params.graduationThreshold > m.quoteReserve ? m.params.graduationThreshold - m.quoteReserve : 0n;
  if (m.phase === "complete") return 0n;
  return U64_MAX;
}

function finishBuy(m: Market, net: bigint, fee: bigint, baseOut: bigint, feeBps: number): Trade {
  if (baseOut === 0n) throw new MathError("ZeroOutput");
  if (baseOut > m.baseReserve || (m.phase === "graduated" && baseOut === m.baseReserve)) {
    throw new MathError("InsufficientLiquidity");
  }
  const quoteReserveAfter = u64(m.quoteReserve + net);
  const phaseAfter: Phase = m.phase === "curve" && quoteReserveAfter >= m.params.graduationThreshold ? "complete" : m.phase;
  return {
    side: "buy", baseAmount: baseOut, quoteAmount: u64(net + fee), reserveQuoteDelta: net, fee,
    feeParts: splitFee(m.split, fee), feeBps, quoteReserveAfter, baseReserveAfter: m.baseReserve - baseOut, phaseAfter,
  };
}

/** Spend exactly `quoteIn` (fee included); a buy that crosses the threshold is cut at it. */
export function buyExactIn(m: Market, quoteIn: bigint, feeBps: number): Trade {
  ensureTradable(m);
  if (quoteIn === 0n) throw new MathError("ZeroAmount");
  let { net, fee } = splitGross(quoteIn, feeBps);
  const capacity = quoteCapacity(m);
  if (net >= capacity) {
    net = capacity;
    fee = feeOn(net, feeBps);
  }
  return finishBuy(m, net, fee, baseOutFor(m, net), feeBps);
}

/** Receive exactly `baseOut` (or, on the curve, what remains before the threshold). */
export function buyExactOut(m: Market, baseOut: bigint, feeBps: number): Trade {
  ensureTradable(m);
  if (baseOut === 0n) throw new MathError("ZeroAmount");
  const capacity = quoteCapacity(m);
  let net: bigint;
  let out = baseOut;
  try {
    net = quoteInFor(m, baseOut);
    if (net > capacity) {
      if (m.phase !== "curve") return finishBuy(m, net, feeOn(net, feeBps), out, feeBps);
      net = capacity;
      out = baseOutFor(m, capacity);
    }
  } catch (e) {
    if (!(e instanceof MathError) || e.kind !== "InsufficientLiquidity" || m.phase !== "curve") throw e;
    net = capacity;
    out = baseOutFor(m, capacity);
  }
  return finishBuy(m, net, feeOn(net, feeBps), out, feeBps);
}

/** Sell exactly `baseIn`; the fee comes out of the proceeds. */
export function sellExactIn(m: Market, baseIn: bigint, feeBps: number): Trade {
  ensureTradable(m);
  if (baseIn === 0n) throw new MathError("ZeroAmount");
  const gross = quoteOutFor(m, baseIn);
  if (gross > m.quoteReserve) throw new MathError("InsufficientLiquidity");
  const fee = feeOn(gross, feeBps);
  const quoteOut = gross > fee ? gross - fee : 0n;
  if (quoteOut === 0n) throw new MathError("ZeroOutput");
  return {
    side: "sell", baseAmount: baseIn, quoteAmount: quoteOut, reserveQuoteDelta: gross, fee,
    feeParts: splitFee(m.split, fee), feeBps, quoteReserveAfter: m.quoteReserve - gross,
    baseReserveAfter: u64(m.baseReserve + baseIn), phaseAfter: m.phase,
  };
}

/** The graduated pool's opening reserves: the curve's real reserves plus the held-back supply. */
export function graduate(m: Market): { quoteReserve: bigint; baseReserve: bigint } {
  if (m.phase === "curve") throw new MathError("NotGraduated");
  if (m.phase === "graduated") throw new MathError("AlreadyGraduated");
  return { quoteReserve: m.quoteReserve, baseReserve: u64(m.baseReserve + m.params.graduatedSupply) };
}

export function applyTrade(m: Market, t: Trade): Market {
  return { ...m, quoteReserve: t.quoteReserveAfter, baseReserve: t.baseReserveAfter, phase: t.phaseAfter };
}

/**
 * The caller's limit on a trade (agentpad_math::pool::Limit). For buys it is a price: a
 * fill cut at the graduation threshold must not cost more per token than the limit.
 */
export type Limit =
  | { kind: "maxQuoteFor"; maxQuote: bigint; base: bigint }
  | { kind: "minBaseFor"; quote: bigint; minBase: bigint }
  | { kind: "minQuoteOut"; min: bigint };

/** Whether the program accepts `trade` under `limit` (paid/received <= quote/base for buys). */
export function limitAllows(limit: Limit, trade: Trade): boolean {
  const withinPrice = (quote: bigint, base: bigint) => trade.quoteAmount * base <= quote * trade.baseAmount;
  switch (limit.kind) {
    case "maxQuoteFor": return trade.side === "buy" && withinPrice(limit.maxQuote, limit.base);
    case "minBaseFor": return trade.side === "buy" && withinPrice(limit.quote, limit.minBase);
    case "minQuoteOut": return trade.side === "sell" && trade.quoteAmount >= limit.min;
  }
}
