/** Trading fees (crates/agentpad-math/src/fee.rs): the anti-sniper schedule, amounts, the split. */
import { BPS_DENOMINATOR } from "../constants.js";
import { MathError, divCeil, u64, u128 } from "./errors.js";

export interface FeeSchedule { baseFeeBps: number; startFeeBps: number; decaySeconds: number }
export interface FeeSplit { protocolBps: number; creatorBps: number; agentBps: number }
export interface FeeParts { protocol: bigint; creator: bigint; agent: bigint }

/** The fee rate `elapsedSeconds` after launch: linear decay, rounded up (for the pool). */
export function feeBpsAt(s: FeeSchedule, elapsedSeconds: bigint): number {
  const elapsed = elapsedSeconds < 0n ? 0n : elapsedSeconds;
  const window = BigInt(s.decaySeconds);
  if (elapsed >= window) return s.baseFeeBps;
  const extra = BigInt(s.startFeeBps - s.baseFeeBps);
  return s.baseFeeBps + Number(divCeil(extra * (window - elapsed), window));
}

/** Fee on a net amount, rounded up. */
export function feeOn(amount: bigint, bps: number): bigint {
  return u64(divCeil(u128(amount * BigInt(bps)), BPS_DENOMINATOR));
}

/** Splits a gross amount into (net, fee) with net + fee = gross; the rounding goes to the fee. */
export function splitGross(gross: bigint, bps: number): { net: bigint; fee: bigint } {
  const net = u64((gross * BPS_DENOMINATOR) / (BPS_DENOMINATOR + BigInt(bps)));
  if (net > gross) throw new MathError("Overflow");
  return { net, fee: gross - net };
}

export function splitFee(split: FeeSplit, fee: bigint): FeeParts {
  const protocol = u64((fee * BigInt(split.protocolBps)) / BPS_DENOMINATOR);
  const creator = u64((fee * BigInt(split.creatorBps)) / BPS_DENOMINATOR);
  const agent = fee - protocol - creator;
  if (agent < 0n) throw new MathError("Overflow");
  return { protocol, creator, agent };
}
