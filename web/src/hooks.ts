/**
 * What the page shows, as data, on `window.__agentpad`: the browser test compares it with
 * the API and the chain exactly (a chart's canvas cannot be read back). Read-only copies.
 */
import type { Candle, Interval } from "./api.js";

export interface TestHooks {
  /** The candle chart: the API's candles it was given, and the series data it holds (prices per 10^scale tokens). */
  candles?: { mint: string; interval: Interval; scale: number; source: Candle[]; series: unknown[]; volume: unknown[] };
  /** The bonding-curve drawing: its current point and graduation mark (bigints as decimal strings). */
  curve?: { mint: string; current: { sold: string; priceQ64: string }; graduation: { sold: string; priceQ64: string } };
}

declare global {
  interface Window { __agentpad?: TestHooks }
}

export function expose<K extends keyof TestHooks>(key: K, value: TestHooks[K]): void {
  (window.__agentpad ??= {})[key] = value;
}
