/** Revenue arithmetic of the fee aggregator (crates/agentpad-math/src/revenue.rs). */
import { BPS_DENOMINATOR } from "../constants.js";
import { MathError, u64 } from "./errors.js";

/** LayerZero OFT-style shared decimals of bridged amounts. */
export const SHARED_DECIMALS = 6;

export interface RevenueSplit { holdersBps: number; creatorBps: number; protocolBps: number }
export interface RevenueParts { holders: bigint; creator: bigint; protocol: bigint }

/** A bridged amount in shared decimals, in the local mint's units (exact, or refused). */
export function sharedToLocal(amountSd: bigint, localDecimals: number): bigint {
  if (localDecimals < SHARED_DECIMALS) throw new MathError("Overflow");
  return u64(amountSd * 10n ** BigInt(localDecimals - SHARED_DECIMALS));
}

/** Creator and protocol round down; the dust goes to holders. */
export function splitRevenue(split: RevenueSplit, amount: bigint): RevenueParts {
  const creator = (amount * BigInt(split.creatorBps)) / BPS_DENOMINATOR;
  const protocol = (amount * BigInt(split.protocolBps)) / BPS_DENOMINATOR;
  const holders = amount - creator - protocol;
  if (holders < 0n) throw new MathError("Overflow");
  return { holders, creator, protocol };
}

/** sharedToLocal for limits: saturates at u64::MAX. */
export function sharedToLocalSaturating(amountSd: bigint, localDecimals: number): bigint {
  if (localDecimals < SHARED_DECIMALS) return amountSd;
  const v = amountSd * 10n ** BigInt(localDecimals - SHARED_DECIMALS);
  return v > 0xffff_ffff_ffff_ffffn ? 0xffff_ffff_ffff_ffffn : v;
}

/** An agent's split over time (agentpad_math::revenue::SplitSchedule). */
export interface SplitSchedule { current: RevenueSplit; pending: { split: RevenueSplit; from: bigint } | null }

/** The split a distribution at `now` uses. */
export function splitAt(s: SplitSchedule, now: bigint): RevenueSplit {
  return s.pending && now >= s.pending.from ? s.pending.split : s.current;
}
