/**
 * Pro-rata reward math of stake pools (crates/agentpad-math/src/reward.rs): a stream drips
 * notified rewards over a window into `acc_x64` (reward per staked unit, Q64.64); a
 * position is owed `staked × (acc_now − checkpoint)`.
 */
import { MathError, U128_MAX, u64, u128 } from "./errors.js";

export const ONE_X64 = 1n << 64n;

export interface RewardStream {
  accX64: bigint;
  rateX64: bigint;
  dustX64: bigint;
  periodFinish: bigint;
  lastUpdate: bigint;
}

export interface Accrual { checkpointX64: bigint; owedX64: bigint }

const wrap128 = (v: bigint) => v & U128_MAX;

/** The stream as of `now` (a copy): what the program computes before any stake change or claim. */
export function updateStream(s: RewardStream, now: bigint, totalStaked: bigint): RewardStream {
  if (now <= s.lastUpdate) return { ...s };
  const next = { ...s };
  if (s.periodFinish > s.lastUpdate) {
    if (totalStaked === 0n) {
      // Nobody to pay: the window slides.
      next.periodFinish = now + (s.periodFinish - s.lastUpdate);
      if (next.periodFinish > (1n << 63n) - 1n) throw new MathError("Overflow");
    } else {
      const end = now < s.periodFinish ? now : s.periodFinish;
      const dripped = u128(s.rateX64 * (end - s.lastUpdate));
      const perUnit = dripped / totalStaked;
      next.accX64 = wrap128(s.accX64 + perUnit);
      next.dustX64 = u128(s.dustX64 + (dripped - perUnit * totalStaked));
    }
  }
  next.lastUpdate = now;
  return next;
}

/** Reward units a position can claim at `now`. */
export function claimable(stream: RewardStream, accrual: Accrual, staked: bigint, totalStaked: bigint, now: bigint): bigint {
  const s = updateStream(stream, now, totalStaked);
  const pending = u128(staked * wrap128(s.accX64 - accrual.checkpointX64));
  const owed = u128(accrual.owedX64 + pending);
  return u64(owed >> 64n);
}
