/**
 * Segmented curves' preset math (crates/agentpad-math/src/segment.rs): building the stored
 * segments from a preset's specs and validating a whole curve, with the program's error
 * names, so a preset is refused here with the reason `create_preset` would give.
 */
import { BPS_DENOMINATOR } from "../constants.js";
import { type CurveParams, type Segment, quoteInForBaseOut } from "./curve.js";
import { MathError, U64_MAX, divCeil, u64 } from "./errors.js";

export const MAX_SEGMENTS = 16;
/** Largest gap between the curve's last price and the graduated pool's first (1%). */
export const MAX_GRADUATION_PRICE_GAP_BPS = 100n;
/** Bytes of one stored segment. */
export const SEGMENT_LEN = 32;

/** A segment after the first, as `create_preset` takes it. */
export interface SegmentSpec { baseStart: bigint; virtualQuoteReserve: bigint; virtualBaseReserve: bigint }

export type PresetErrorKind =
  | "ZeroCurveParameter" | "VirtualBaseTooSmall" | "CurveParametersOverflow" | "CurveSupplyTooSmall" | "GraduationPriceGap"
  | "TooManySegments" | "SegmentBoundsNotIncreasing" | "SegmentQuoteMismatch" | "SegmentPriceNotIncreasing"
  | "ThresholdBeforeLastSegment" | "CurveThinnerThanGraduatedPool";

/** Why a curve was refused: the bonding-curve error `create_preset` would fail with. */
export class PresetError extends Error {
  constructor(readonly kind: PresetErrorKind, detail: string) {
    super(`${kind}: ${detail}`);
    this.name = "PresetError";
  }
}

const overflow = <T>(f: () => T, what: string): T => {
  try {
    return f();
  } catch (e) {
    if (e instanceof MathError) throw new PresetError("CurveParametersOverflow", what);
    throw e;
  }
};

export const firstSegment = (p: CurveParams): Segment => ({ baseStart: 0n, quoteStart: 0n, virtualQuoteReserve: p.virtualQuoteReserve, virtualBaseReserve: p.virtualBaseReserve });

/** Quote it takes to sell `supply` units from the segment's start, rounded up. */
export const quoteToSellOut = (s: Segment, supply: bigint): bigint => quoteInForBaseOut(s.virtualQuoteReserve, s.virtualBaseReserve, supply);

/** The segment starting where `s` sells out after `supply`, at that end price (rounded up) with `num/den` its liquidity. */
export function nextAtEndPrice(s: Segment, supply: bigint, num: bigint, den: bigint): SegmentSpec {
  const endX = u64(s.virtualQuoteReserve + quoteToSellOut(s, supply));
  const endY = s.virtualBaseReserve - supply;
  return { baseStart: u64(s.baseStart + supply), virtualQuoteReserve: u64(divCeil(endX * num, den)), virtualBaseReserve: u64((endY * num) / den) };
}

/** The curve's end: pricing reserves when the quote reserve reaches the threshold in the last segment. */
function curveEnd(last: Segment, supply: bigint, threshold: bigint) {
  const x = u64(last.virtualQuoteReserve + threshold - last.quoteStart);
  const yFloor = u64(divCeil(last.virtualQuoteReserve * last.virtualBaseReserve, x));
  return { x, yFloor, offset: last.virtualBaseReserve - supply };
}

/** The held-back supply that opens the graduated pool at the last price of a curve ending in `last`. */
export function graduatedSupplyForContinuousPrice(last: Segment, supply: bigint, threshold: bigint): bigint {
  const end = curveEnd(last, supply, threshold);
  const baseAtPrice = (threshold * end.yFloor) / end.x;
  const left = end.yFloor - end.offset;
  if (left < 0n || baseAtPrice < left) throw new MathError("Overflow");
  return baseAtPrice - left;
}

/** The stored segments (each with its quote start) of a curve: `params`' first segment, then `specs`. */
export function buildSegments(params: CurveParams, specs: SegmentSpec[]): Segment[] {
  if (specs.length >= MAX_SEGMENTS) throw new PresetError("TooManySegments", `${specs.length + 1} segments, at most ${MAX_SEGMENTS}`);
  const out: Segment[] = [];
  let prev = firstSegment(params);
  for (const [i, spec] of specs.entries()) {
    if (spec.baseStart <= prev.baseStart || spec.baseStart >= params.curveSupply) {
      throw new PresetError("SegmentBoundsNotIncreasing", `segment ${i + 2} starts at ${spec.baseStart}, not between ${prev.baseStart} and the curve supply ${params.curveSupply}`);
    }
    if (prev.virtualBaseReserve <= spec.baseStart - prev.baseStart) throw new PresetError("VirtualBaseTooSmall", `segment ${i + 1} sells more than its virtual base`);
    const quoteStart = overflow(() => u64(prev.quoteStart + quoteToSellOut(prev, spec.baseStart - prev.baseStart)), `segment ${i + 2}'s quote start`);
    prev = { baseStart: spec.baseStart, quoteStart, virtualQuoteReserve: spec.virtualQuoteReserve, virtualBaseReserve: spec.virtualBaseReserve };
    out.push(prev);
  }
  return out;
}

/** CurveParams::validate_segments: the same checks in the same order. */
export function validateSegments(p: CurveParams, segments: Segment[]): void {
  if (segments.length >= MAX_SEGMENTS) throw new PresetError("TooManySegments", `${segments.length + 1} segments, at most ${MAX_SEGMENTS}`);
  if ([p.virtualQuoteReserve, p.virtualBaseReserve, p.curveSupply, p.graduatedSupply, p.graduationThreshold].some((v) => v === 0n)) {
    throw new PresetError("ZeroCurveParameter", "a reserve, supply or threshold is zero");
  }
  if (p.curveSupply + p.graduatedSupply > U64_MAX) throw new PresetError("CurveParametersOverflow", "total supply exceeds u64");
  let prev = firstSegment(p);
  for (const [i, next] of segments.entries()) {
    const n = i + 2;
    if (next.virtualQuoteReserve === 0n || next.virtualBaseReserve === 0n) throw new PresetError("ZeroCurveParameter", `segment ${n} has a zero reserve`);
    if (next.baseStart <= prev.baseStart || next.baseStart >= p.curveSupply) throw new PresetError("SegmentBoundsNotIncreasing", `segment ${n} starts at ${next.baseStart}`);
    const supply = next.baseStart - prev.baseStart;
    if (prev.virtualBaseReserve <= supply) throw new PresetError("VirtualBaseTooSmall", `segment ${n - 1} sells ${supply} of ${prev.virtualBaseReserve} virtual base`);
    const sellOut = overflow(() => quoteToSellOut(prev, supply), `segment ${n - 1}'s sell-out quote`);
    if (prev.quoteStart + sellOut !== next.quoteStart) throw new PresetError("SegmentQuoteMismatch", `segment ${n}'s quote start`);
    const endX = prev.virtualQuoteReserve + sellOut;
    if (endX > U64_MAX) throw new PresetError("CurveParametersOverflow", `segment ${n - 1}'s end quote`);
    if (next.virtualQuoteReserve * (prev.virtualBaseReserve - supply) < endX * next.virtualBaseReserve) {
      throw new PresetError("SegmentPriceNotIncreasing", `segment ${n} starts below segment ${n - 1}'s end price`);
    }
    prev = next;
  }
  const lastSupply = p.curveSupply - prev.baseStart;
  if (prev.virtualBaseReserve <= lastSupply) throw new PresetError("VirtualBaseTooSmall", "the last segment sells more than its virtual base");
  if (p.graduationThreshold <= prev.quoteStart) throw new PresetError("ThresholdBeforeLastSegment", `the threshold ${p.graduationThreshold} is reached before the last segment (${prev.quoteStart})`);
  const end = overflow(() => curveEnd(prev, lastSupply, p.graduationThreshold), "the curve's end");
  if (end.yFloor < end.offset) throw new PresetError("CurveSupplyTooSmall", "the curve sells out before its threshold");
  const baseAfter = end.yFloor - end.offset + p.graduatedSupply;
  const curveSide = end.x * baseAfter;
  const poolSide = p.graduationThreshold * end.yFloor;
  const gap = curveSide > poolSide ? curveSide - poolSide : poolSide - curveSide;
  if (gap > (curveSide / BPS_DENOMINATOR) * MAX_GRADUATION_PRICE_GAP_BPS) throw new PresetError("GraduationPriceGap", "the graduated pool opens more than 1% from the curve's last price");
  if (segments.length === 0) return;
  // Depth: at every segment start, price >= the graduated pool's after taking back every token sold since.
  const baseLeft = end.yFloor - end.offset;
  const soldAtEnd = p.curveSupply - baseLeft;
  const poolBase = baseLeft + p.graduatedSupply;
  for (const [i, start] of [firstSegment(p), ...segments].entries()) {
    const back = poolBase + soldAtEnd - start.baseStart;
    if (back * back * start.virtualQuoteReserve < p.graduationThreshold * poolBase * start.virtualBaseReserve) {
      throw new PresetError("CurveThinnerThanGraduatedPool", `segment ${i + 1} is thinner than the graduated pool: buying it and selling into the pool would profit`);
    }
  }
}
