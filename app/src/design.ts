/**
 * The curve designer behind `agentpad preset design`: fits a segmented preset to a
 * creator's targets (start price, market cap at graduation, segment count, where the
 * supply goes), then checks it with the program's own validation (the TS port) and draws
 * price against supply sold.
 *
 * The fit is done in floating point, the preset in integers: segment prices are spaced
 * geometrically from the start price to the graduation price; each segment's supply
 * follows `shape`; the first segment's virtual reserves come from its price and
 * liquidity, and every later segment is joined exactly at the previous one's end price
 * (`nextAtEndPrice`, rounded so prices never fall) with the liquidity the plan gives it.
 */
import { AGENT_TOKEN_DECIMALS } from "./constants.js";
import { type CurveParams, type Segment } from "./math/curve.js";
import {
  MAX_SEGMENTS, PresetError, type SegmentSpec, buildSegments, firstSegment, graduatedSupplyForContinuousPrice, nextAtEndPrice,
  quoteToSellOut, validateSegments,
} from "./math/segment.js";
import type { PoolParams } from "./instructions/bondingCurve.js";
import { STANDARD_PRESET } from "./presets.js";

export type Shape = "even" | "front" | "back";

export interface DesignTargets {
  /** Quote per whole token at launch (e.g. 0.000000028 SOL). */
  startPrice: number;
  /** Quote value of the whole supply at the graduation price (e.g. 420 SOL). */
  graduationMcap: number;
  /** 1 to 16. */
  segments: number;
  /** Whole tokens (default 1B). */
  totalSupply?: number;
  quoteDecimals?: number;
  /** Where the curve's supply goes: equal per segment, more at the low prices, or more at the high ones. */
  shape?: Shape;
  /** Fees and splits (default: the standard preset's). */
  base?: PoolParams;
}

export interface DesignedPreset {
  params: PoolParams;
  /** The segments after the first, as `create_preset` takes them. */
  segments: SegmentSpec[];
  /** The same, as pools store them (with their quote starts). */
  stored: Segment[];
  quoteDecimals: number;
}

/** Why targets cannot be met: one line, for the CLI. */
export class DesignError extends Error {}

/** Relative supply of segment `i` of `n`: front and back put up to twice as much at one end as at the other. */
const SHAPE_WEIGHT: Record<Shape, (i: number, n: number) => number> = { even: () => 1, front: (i, n) => 2 * n - i, back: (i, n) => n + 1 + i };
const LIQUIDITY_DENOMINATOR = 1_000_000n;
/** The threshold sits this far (bps) through the last segment's sell-out quote. */
const THRESHOLD_BPS = 9_990n;

const curveOf = (p: PoolParams): CurveParams => ({
  virtualQuoteReserve: p.virtualQuoteReserve, virtualBaseReserve: p.virtualBaseReserve, curveSupply: p.curveSupply,
  graduatedSupply: p.graduatedSupply, graduationThreshold: p.graduationThreshold,
});

const big = (v: number, what: string): bigint => {
  if (!Number.isFinite(v) || v < 1 || v > 1.8e19) throw new DesignError(`${what} is out of range (${v})`);
  return BigInt(Math.round(v));
};

export function designPreset(t: DesignTargets): DesignedPreset {
  const n = t.segments;
  if (!Number.isInteger(n) || n < 1 || n > MAX_SEGMENTS) throw new DesignError(`--segments must be a whole number from 1 to ${MAX_SEGMENTS}, got ${n}`);
  if (!(t.startPrice > 0) || !(t.graduationMcap > 0)) throw new DesignError("--start-price and --graduation-mcap must be positive");
  const quoteDecimals = t.quoteDecimals ?? 9;
  const supply = (t.totalSupply ?? 1_000_000_000) * 10 ** AGENT_TOKEN_DECIMALS;
  // Prices in quote units per base unit.
  const p0 = (t.startPrice * 10 ** quoteDecimals) / 10 ** AGENT_TOKEN_DECIMALS;
  const pEnd = (t.graduationMcap * 10 ** quoteDecimals) / supply;
  if (pEnd <= p0) throw new DesignError(`the graduation price (${t.graduationMcap} / supply) must be above the start price ${t.startPrice}`);
  const ratio = (pEnd / p0) ** (1 / n);
  const prices = Array.from({ length: n + 1 }, (_, i) => p0 * ratio ** i);
  const weights = Array.from({ length: n }, (_, i) => SHAPE_WEIGHT[t.shape ?? "even"](i, n));
  const share = weights.map((w) => w / weights.reduce((a, b) => a + b, 0));
  // A segment from pa to pb selling B takes B * sqrt(pa * pb) quote; the graduated pool
  // opens at pEnd with the threshold against the held-back supply: C * tau = (S - C) * pEnd.
  const tau = share.reduce((acc, s, i) => acc + s * Math.sqrt(prices[i] * prices[i + 1]), 0);
  const curveSupply = supply / (1 + tau / pEnd);
  const supplies = share.map((s) => curveSupply * s);
  const liquidity = supplies.map((b, i) => b / (1 / Math.sqrt(prices[i]) - 1 / Math.sqrt(prices[i + 1])));

  let last: Segment = {
    baseStart: 0n, quoteStart: 0n,
    virtualQuoteReserve: big(liquidity[0] * Math.sqrt(p0), "the first segment's virtual quote"),
    virtualBaseReserve: big(liquidity[0] / Math.sqrt(p0), "the first segment's virtual base"),
  };
  const first = last;
  const specs: SegmentSpec[] = [];
  const baseSupplies = supplies.map((b, i) => big(b, `segment ${i + 1}'s supply`));
  for (let i = 1; i < n; i++) {
    const num = big(Number(LIQUIDITY_DENOMINATOR) * (liquidity[i] / liquidity[i - 1]), "a liquidity step");
    const spec = nextAtEndPrice(last, baseSupplies[i - 1], num, LIQUIDITY_DENOMINATOR);
    const quoteStart = last.quoteStart + quoteToSellOut(last, baseSupplies[i - 1]);
    specs.push(spec);
    last = { ...spec, quoteStart };
  }
  const lastSupply = baseSupplies[n - 1];
  const graduationThreshold = last.quoteStart + (quoteToSellOut(last, lastSupply) * THRESHOLD_BPS) / 10_000n;
  const curve = last.baseStart + lastSupply;
  const continuous = graduatedSupplyForContinuousPrice(last, lastSupply, graduationThreshold);
  // The held-back supply: what makes the total exactly the target, if the graduated pool
  // then still opens within 1% of the curve's last price; else the continuous amount.
  const exact = BigInt(Math.round(supply)) - curve;
  const base = t.base ?? STANDARD_PRESET;
  const make = (graduatedSupply: bigint): PoolParams => ({
    ...base, virtualQuoteReserve: first.virtualQuoteReserve, virtualBaseReserve: first.virtualBaseReserve, curveSupply: curve,
    graduatedSupply, graduationThreshold,
  });
  let params = make(exact > 0n ? exact : continuous);
  const stored = buildSegments(curveOf(params), specs);
  try {
    validateSegments(curveOf(params), stored);
  } catch (e) {
    if (!(e instanceof PresetError) || e.kind !== "GraduationPriceGap") throw explain(e);
    params = make(continuous);
    try {
      validateSegments(curveOf(params), stored);
    } catch (e2) {
      throw explain(e2);
    }
  }
  return { params, segments: specs, stored, quoteDecimals };
}

function explain(e: unknown): Error {
  if (e instanceof PresetError && e.kind === "CurveThinnerThanGraduatedPool") {
    return new DesignError(`${e.message}; narrow the price range (a lower --graduation-mcap or a higher --start-price) or spread the supply more evenly (--shape even)`);
  }
  return e instanceof PresetError ? new DesignError(e.message) : (e as Error);
}

/** Price (quote units per base unit) after `sold` base units on the designed curve, ignoring rounding surplus. */
export function priceAt(d: DesignedPreset, sold: bigint): number {
  const all = [firstSegment(curveOf(d.params)), ...d.stored];
  let i = 0;
  while (i + 1 < all.length && all[i + 1].baseStart <= sold) i++;
  const s = all[i];
  const y = Number(s.virtualBaseReserve) - Number(sold - s.baseStart);
  return (Number(s.virtualQuoteReserve) * Number(s.virtualBaseReserve)) / (y * y);
}

export interface DesignSummary {
  rows: { segment: number; startsAt: bigint; supply: bigint; startPrice: number; endPrice: number; quote: bigint }[];
  /** Base sold when the threshold is reached, and the price there. */
  graduation: { sold: bigint; price: number; poolPrice: number; threshold: bigint; graduatedSupply: bigint; totalSupply: bigint };
}

export function summarize(d: DesignedPreset): DesignSummary {
  const p = d.params;
  const all = [firstSegment(curveOf(p)), ...d.stored];
  const rows = all.map((s, i) => {
    const end = i + 1 < all.length ? all[i + 1].baseStart : p.curveSupply;
    return { segment: i + 1, startsAt: s.baseStart, supply: end - s.baseStart, startPrice: priceAt(d, s.baseStart), endPrice: priceAt(d, end - 1n), quote: quoteToSellOut(s, end - s.baseStart) };
  });
  const last = all[all.length - 1];
  const x = last.virtualQuoteReserve + p.graduationThreshold - last.quoteStart;
  const y = (last.virtualQuoteReserve * last.virtualBaseReserve + x - 1n) / x;
  const sold = last.baseStart + (last.virtualBaseReserve - y);
  const baseLeft = p.curveSupply - sold;
  return {
    rows,
    graduation: {
      sold, price: Number(x) / Number(y), poolPrice: Number(p.graduationThreshold) / Number(baseLeft + p.graduatedSupply),
      threshold: p.graduationThreshold, graduatedSupply: p.graduatedSupply, totalSupply: p.curveSupply + p.graduatedSupply,
    },
  };
}

/** An SVG chart of price against supply sold: the segments, their boundaries, and the graduation point. */
export function chartSvg(d: DesignedPreset, title: string): string {
  const { rows, graduation } = summarize(d);
  const [W, H, L, R, T, B] = [900, 520, 90, 30, 50, 60];
  const unit = 10 ** AGENT_TOKEN_DECIMALS;
  const quoteUnit = 10 ** d.quoteDecimals;
  const maxSold = Number(d.params.curveSupply);
  const maxPrice = Math.max(graduation.poolPrice, ...rows.map((r) => r.endPrice)) * 1.08;
  const px = (sold: number) => L + (sold / maxSold) * (W - L - R);
  const py = (price: number) => H - B - (price / maxPrice) * (H - T - B);
  const human = (price: number) => (price * unit) / quoteUnit;
  const fmt = (v: number) => (v === 0 ? "0" : Math.abs(v) >= 0.01 && Math.abs(v) < 1e6 ? v.toPrecision(3) : v.toExponential(2));
  const colors = ["#2563eb", "#16a34a", "#db2777", "#ea580c", "#7c3aed", "#0891b2", "#ca8a04", "#dc2626"];
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12">`);
  parts.push(`<rect width="${W}" height="${H}" fill="white"/>`);
  parts.push(`<text x="${W / 2}" y="24" text-anchor="middle" font-size="15" font-weight="bold">${escape(title)}</text>`);
  // Axes and grid.
  parts.push(`<line x1="${L}" y1="${H - B}" x2="${W - R}" y2="${H - B}" stroke="black"/><line x1="${L}" y1="${T}" x2="${L}" y2="${H - B}" stroke="black"/>`);
  for (let k = 0; k <= 5; k++) {
    const sold = (maxSold * k) / 5;
    const price = (maxPrice * k) / 5;
    parts.push(`<line x1="${px(sold)}" y1="${H - B}" x2="${px(sold)}" y2="${H - B + 5}" stroke="black"/><text x="${px(sold)}" y="${H - B + 20}" text-anchor="middle">${fmt(sold / unit / 1e6)}M</text>`);
    parts.push(`<line x1="${L - 5}" y1="${py(price)}" x2="${W - R}" y2="${py(price)}" stroke="#eee"/><text x="${L - 8}" y="${py(price) + 4}" text-anchor="end">${fmt(human(price))}</text>`);
  }
  parts.push(`<text x="${(L + W - R) / 2}" y="${H - 15}" text-anchor="middle">tokens sold along the curve</text>`);
  parts.push(`<text transform="translate(20 ${(T + H - B) / 2}) rotate(-90)" text-anchor="middle">price (quote per token)</text>`);
  // Each segment's price path.
  for (const [i, r] of rows.entries()) {
    const pts: string[] = [];
    for (let k = 0; k <= 60; k++) {
      const sold = r.startsAt + (r.supply * BigInt(k)) / 60n - (k === 60 ? 1n : 0n);
      pts.push(`${px(Number(sold)).toFixed(1)},${py(priceAt(d, sold)).toFixed(1)}`);
    }
    parts.push(`<polyline fill="none" stroke="${colors[i % colors.length]}" stroke-width="2.5" points="${pts.join(" ")}"/>`);
    if (i > 0) parts.push(`<line x1="${px(Number(r.startsAt))}" y1="${T}" x2="${px(Number(r.startsAt))}" y2="${H - B}" stroke="#999" stroke-dasharray="3 4"/>`);
  }
  // Graduation.
  const gx = px(Number(graduation.sold));
  const gy = py(graduation.price);
  parts.push(`<circle cx="${gx}" cy="${gy}" r="6" fill="none" stroke="black" stroke-width="2"/>`);
  parts.push(`<text x="${gx - 10}" y="${gy - 12}" text-anchor="end">graduation: ${fmt(human(graduation.price))} per token, ${fmt(Number(graduation.threshold) / quoteUnit)} in the pool</text>`);
  parts.push(`<text x="${L + 10}" y="${T + 14}">${rows.length} segment${rows.length > 1 ? "s" : ""}; start ${fmt(human(rows[0].startPrice))}; graduated pool opens at ${fmt(human(graduation.poolPrice))}</text>`);
  parts.push("</svg>");
  return parts.join("\n") + "\n";
}

const escape = (s: string) => s.replace(/[<>&"]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;" })[c]!);

/** The preset file `preset design --out` writes and `preset create` reads (amounts as strings). */
export function presetJson(d: DesignedPreset): string {
  return JSON.stringify({ params: d.params, segments: d.segments }, (_, v) => (typeof v === "bigint" ? v.toString() : v), 2) + "\n";
}

/** Reads a preset file back; one clear line if it is not one. */
export function readPresetJson(text: string): { params: PoolParams; segments: SegmentSpec[] } {
  let j: any;
  try {
    j = JSON.parse(text);
  } catch {
    throw new DesignError("the preset file is not JSON");
  }
  const bigFields = ["virtualQuoteReserve", "virtualBaseReserve", "curveSupply", "graduatedSupply", "graduationThreshold"] as const;
  const numFields = ["feeDecaySeconds", "baseFeeBps", "startFeeBps", "protocolFeeShareBps", "creatorFeeShareBps", "agentFeeShareBps"] as const;
  const toBig = (v: unknown, what: string) => {
    if (typeof v !== "string" || !/^\d+$/.test(v)) throw new DesignError(`the preset file's ${what} must be a whole number in a string`);
    return BigInt(v);
  };
  if (!j || typeof j.params !== "object" || !Array.isArray(j.segments)) throw new DesignError("the preset file needs `params` and `segments`");
  const params: any = { curveKind: 0 };
  for (const f of bigFields) params[f] = toBig(j.params[f], `params.${f}`);
  for (const f of numFields) {
    if (!Number.isInteger(j.params[f])) throw new DesignError(`the preset file's params.${f} must be a whole number`);
    params[f] = j.params[f];
  }
  const segments = j.segments.map((s: any, i: number) => ({
    baseStart: toBig(s?.baseStart, `segments[${i}].baseStart`),
    virtualQuoteReserve: toBig(s?.virtualQuoteReserve, `segments[${i}].virtualQuoteReserve`),
    virtualBaseReserve: toBig(s?.virtualBaseReserve, `segments[${i}].virtualBaseReserve`),
  }));
  try {
    validateSegments(curveOf(params), buildSegments(curveOf(params), segments));
  } catch (e) {
    throw explain(e);
  }
  return { params, segments };
}
