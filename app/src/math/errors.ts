/** Integer helpers mirroring agentpad-math's checked arithmetic (crates/agentpad-math/src/safe.rs). */

export type MathErrorKind =
  | "Overflow" | "DivisionByZero" | "ZeroOutput" | "InsufficientLiquidity" | "CurveComplete" | "NotGraduated" | "AlreadyGraduated" | "InvalidPhase" | "ZeroAmount"
  // a job's steps (job.ts)
  | "ZeroBudget" | "EvaluatorFeeTooHigh" | "ExpiryNotInFuture" | "JobClosed" | "AlreadyAccepted" | "NotAccepted" | "AlreadyFunded" | "Unfunded"
  | "AlreadySubmitted" | "NotSubmitted" | "AlreadyEvaluated" | "Expired" | "NotExpired";

/** Why an off-chain quote or a job's step was refused: the same variant the program would fail with. */
export class MathError extends Error {
  constructor(readonly kind: MathErrorKind) {
    super(kind);
    this.name = "MathError";
  }
}

export const U64_MAX = (1n << 64n) - 1n;
export const U128_MAX = (1n << 128n) - 1n;

/** Narrows to u64, failing rather than truncating (`to_u64`). */
export function u64(v: bigint): bigint {
  if (v < 0n || v > U64_MAX) throw new MathError("Overflow");
  return v;
}

export function u128(v: bigint): bigint {
  if (v < 0n || v > U128_MAX) throw new MathError("Overflow");
  return v;
}

export function div(a: bigint, b: bigint): bigint {
  if (b === 0n) throw new MathError("DivisionByZero");
  return a / b;
}

/** Division rounding up: every amount owed *to* the pool. */
export function divCeil(a: bigint, b: bigint): bigint {
  if (b === 0n) throw new MathError("DivisionByZero");
  const q = a / b;
  return a % b === 0n ? q : q + 1n;
}
