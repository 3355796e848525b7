/**
 * Display formatting. Amounts stay exact integers (bigint / decimal strings) until here;
 * what is shown may be shortened, the exact base units go in `data-units` attributes.
 */
import { formatAmount } from "@agentpad/sdk";

/** `1234567.5` -> `1,234,567.5` (a decimal string; the sign kept). */
export function groupDigits(decimal: string): string {
  const [int, frac] = decimal.split(".");
  const sign = int.startsWith("-") ? "-" : "";
  const digits = sign ? int.slice(1) : int;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${sign}${grouped}${frac ? `.${frac}` : ""}`;
}

/** Drops fraction digits past `max` (truncating: a shown balance never exceeds the real one). */
export function truncateFraction(decimal: string, max: number): string {
  const [int, frac] = decimal.split(".");
  const kept = (frac ?? "").slice(0, max).replace(/0+$/, "");
  return kept ? `${int}.${kept}` : int;
}

/** Base units as a grouped decimal of whole tokens, at most `maxFraction` fraction digits. */
export function formatUnits(units: bigint | string, decimals: number, maxFraction = decimals): string {
  return groupDigits(truncateFraction(formatAmount(BigInt(units), decimals), maxFraction));
}

/**
 * A decimal price string cut to `significant` significant digits (truncated), e.g.
 * `0.0000000280123` -> `0.000000028012`.
 */
export function formatPrice(price: string, significant = 5): string {
  const [int, frac = ""] = price.split(".");
  if (BigInt(int) > 0n) return groupDigits(truncateFraction(price, Math.max(0, significant - int.replace(/^-/, "").length)));
  const zeros = frac.length - frac.replace(/^0+/, "").length;
  return truncateFraction(price, zeros + significant);
}

/** A non-negative decimal string times 10^places, exactly: `shiftDecimal("0.0000000899", 6)` = `"0.0899"`. */
export function shiftDecimal(decimal: string, places: number): string {
  const [int, frac = ""] = decimal.split(".");
  const all = int + frac.padEnd(places, "0");
  const whole = all.slice(0, int.length + places).replace(/^0+(?=\d)/, "");
  const rest = all.slice(int.length + places).replace(/0+$/, "");
  return rest ? `${whole}.${rest}` : whole;
}

/**
 * The power of ten (0, 3, … 12) to chart prices per that many tokens: the least that lifts
 * the smallest price to 0.001 or more (charts lose precision on numbers like 3e-8).
 */
export function chartScale(prices: string[]): number {
  let scale = 0;
  for (const p of prices) while (scale < 12 && Number(p) > 0 && Number(shiftDecimal(p, scale)) < 0.001) scale += 3;
  return scale;
}

/** "per token", "per 1M tokens", … for a chart scale. */
export function perTokens(scale: number, symbol: string): string {
  const names: Record<number, string> = { 0: "", 3: "1K ", 6: "1M ", 9: "1B ", 12: "1T " };
  return scale === 0 ? `per ${symbol}` : `per ${names[scale] ?? `10^${scale} `}${symbol}`;
}

/** Decimals a price axis needs for four significant digits of the smallest of `prices` (decimal strings); 2 to 15. */
export function pricePrecision(prices: string[]): number {
  let precision = 2;
  for (const p of prices) {
    const frac = p.split(".")[1] ?? "";
    const digits = frac.replace(/^0+/, "");
    if (BigInt(p.split(".")[0]) === 0n && digits) precision = Math.max(precision, Math.min(frac.length - digits.length + 4, 15));
  }
  return precision;
}

/** Basis points as a percentage with two decimals, exactly: 1234 -> `12.34%`. */
export function formatBps(bps: number | bigint): string {
  const v = BigInt(bps);
  const neg = v < 0n;
  const a = neg ? -v : v;
  return `${neg ? "-" : ""}${a / 100n}.${(a % 100n).toString().padStart(2, "0")}%`;
}

/** `7cA5Xs…67PdU`: enough of a key to recognise it. */
export function shortKey(key: string): string {
  return key.length > 12 ? `${key.slice(0, 6)}…${key.slice(-5)}` : key;
}

/** How long ago `time` (unix seconds) was, relative to `now`. */
export function formatAge(time: number, now = Date.now() / 1000): string {
  const s = Math.max(0, Math.floor(now - time));
  if (s < 60) return `${s}s ago`;
  if (s < 3600) return `${Math.floor(s / 60)}m ago`;
  if (s < 86_400) return `${Math.floor(s / 3600)}h ago`;
  return `${Math.floor(s / 86_400)}d ago`;
}

/** A unix time as the reader's local date and time. */
export function formatTime(time: number): string {
  return new Date(time * 1000).toLocaleString();
}
