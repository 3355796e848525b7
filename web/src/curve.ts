/**
 * The bonding curve as a line of points: the price after each amount of supply sold, from
 * the pool's parameters and segments through the SDK's own curve math (fee-free buys from
 * an empty curve), up to the graduation threshold; and where the pool is now.
 */
import { type PoolState, marketOf, math } from "@agentpad/sdk";

export interface CurvePoint {
  /** Agent-token base units sold along the curve. */
  sold: bigint;
  /** Quote per base unit, Q64.64. */
  priceQ64: bigint;
}

export interface CurveShape {
  points: CurvePoint[];
  /** Where the curve reaches its graduation threshold (the last point). */
  graduation: CurvePoint;
  /** The pool now: on the curve, its spot price at what it has sold; once graduated, the pool's price at the graduation mark. */
  current: CurvePoint;
}

/** `null` for a pool without a curve (a bridged agent's pool opens graduated). */
export function curveShape(pool: PoolState, samples = 120): CurveShape | null {
  const p = pool.params;
  if (p.graduationThreshold === 0n || p.curveSupply === 0n) return null;
  const start: math.Market = { ...marketOf(pool), phase: "curve", quoteReserve: 0n, baseReserve: p.curveSupply };
  const after = (trade: math.Trade): CurvePoint => ({
    sold: p.curveSupply - trade.baseReserveAfter, priceQ64: math.marketPriceQ64(math.applyTrade(start, trade)),
  });
  let graduation: CurvePoint;
  try {
    // A buy of the whole threshold is cut at it: the supply sold at graduation.
    graduation = after(math.buyExactIn(start, p.graduationThreshold, 0));
  } catch (e) {
    if (e instanceof math.MathError) return null;
    throw e;
  }
  const points: CurvePoint[] = [{ sold: 0n, priceQ64: math.marketPriceQ64(start) }];
  for (let i = 1; i < samples; i++) points.push(after(math.buyExactOut(start, (graduation.sold * BigInt(i)) / BigInt(samples), 0)));
  points.push(graduation);
  const now = math.marketPriceQ64(marketOf(pool));
  const current = pool.phase === "graduated"
    ? { sold: graduation.sold, priceQ64: now }
    : { sold: p.curveSupply - pool.baseReserve, priceQ64: now };
  return { points, graduation, current };
}
