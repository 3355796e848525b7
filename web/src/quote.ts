/**
 * A trade's preview: what the SDK's own quote (the program's math, fee at cluster time)
 * says the trade does, in the terms a trader decides on — fee, price impact against the
 * current price, and the minimum received at the chosen slippage, which is the bound sent.
 */
import { BPS_DENOMINATOR, type PoolState, marketOf, math, minimumOut } from "@agentpad/sdk";

import { InputError } from "./errors.js";

/** The largest slippage the form accepts: 50%. */
export const MAX_SLIPPAGE_BPS = 5_000;

export interface Preview {
  trade: math.Trade;
  /** The pool's price before the trade (quote per base unit, Q64.64). */
  spotQ64: bigint;
  /** The trade's average price, fee excluded (Q64.64). */
  averageQ64: bigint;
  /** The price once the trade is done. */
  afterQ64: bigint;
  /** How much worse the average price is than the current one, in bps (never negative). */
  impactBps: bigint;
  slippageBps: number;
  /** Base units (buy) or quote units (sell) the trade must give at least: the limit sent to the program. */
  minReceived: bigint;
}

export function preview(pool: PoolState, trade: math.Trade, slippageBps: number): Preview {
  const market = marketOf(pool);
  const spotQ64 = math.marketPriceQ64(market);
  const averageQ64 = (trade.reserveQuoteDelta << 64n) / trade.baseAmount;
  const afterQ64 = math.marketPriceQ64(math.applyTrade(market, trade));
  const worse = trade.side === "buy" ? averageQ64 - spotQ64 : spotQ64 - averageQ64;
  const impactBps = spotQ64 === 0n || worse <= 0n ? 0n : (worse * BPS_DENOMINATOR) / spotQ64;
  const received = trade.side === "buy" ? trade.baseAmount : trade.quoteAmount;
  return { trade, spotQ64, averageQ64, afterQ64, impactBps, slippageBps, minReceived: minimumOut(received, slippageBps) };
}

/** A slippage typed as a percentage (`0.5`, `1`, `2.25`) in bps; at most two decimals, 0.01% to 50%. */
export function parseSlippage(text: string): number {
  const m = /^\s*(\d{1,2})(?:\.(\d{0,2}))?\s*%?\s*$/.exec(text);
  if (!m) throw new InputError(`slippage "${text}" is not a percentage like 0.5 or 1 (at most two decimals)`);
  const bps = Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
  if (bps < 1 || bps > MAX_SLIPPAGE_BPS) throw new InputError(`slippage must be from 0.01% to ${MAX_SLIPPAGE_BPS / 100}%`);
  return bps;
}
