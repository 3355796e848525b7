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

export interface Market {
  params: CurveParams;
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

const virtualBaseOffset = (p: CurveParams) => (p.virtualBaseReserve > p.curveSupply ? p.virtualBaseReserve - p.curveSupply : 0n);

/** The reserves the constant-product formula prices off: virtual during the curve. */
export function pricingReserves(m: Market): { x: bigint; y: bigint } {
  if (m.phase === "graduated") return { x: m.quoteReserve, y: m.baseReserve };
  return { x: u64(m.params.virtualQuoteReserve + m.quoteReserve), y: u64(virtualBaseOffset(m.params) + m.baseReserve) };
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
  const { x, y } = pricingReserves(m);
  return finishBuy(m, net, fee, baseOutForQuoteIn(x, y, net), feeBps);
}

/** Receive exactly `baseOut` (or, on the curve, what remains before the threshold). */
export function buyExactOut(m: Market, baseOut: bigint, feeBps: number): Trade {
  ensureTradable(m);
  if (baseOut === 0n) throw new MathError("ZeroAmount");
  const { x, y } = pricingReserves(m);
  const capacity = quoteCapacity(m);
  let net: bigint;
  let out = baseOut;
  try {
    net = quoteInForBaseOut(x, y, baseOut);
    if (net > capacity) {
      if (m.phase !== "curve") return finishBuy(m, net, feeOn(net, feeBps), out, feeBps);
      net = capacity;
      out = baseOutForQuoteIn(x, y, capacity);
    }
  } catch (e) {
    if (!(e instanceof MathError) || e.kind !== "InsufficientLiquidity" || m.phase !== "curve") throw e;
    net = capacity;
    out = baseOutForQuoteIn(x, y, capacity);
  }
  return finishBuy(m, net, feeOn(net, feeBps), out, feeBps);
}

/** Sell exactly `baseIn`; the fee comes out of the proceeds. */
export function sellExactIn(m: Market, baseIn: bigint, feeBps: number): Trade {
  ensureTradable(m);
  if (baseIn === 0n) throw new MathError("ZeroAmount");
  const { x, y } = pricingReserves(m);
  const gross = quoteOutForBaseIn(x, y, baseIn);
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
