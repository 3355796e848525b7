/**
 * An agent-commerce job's phases and the money each step moves (crates/agentpad-math/src/job.rs).
 *
 * `requested` → accept (the provider's operator) → `accepted` → fund (the client: the budget
 * into escrow) → `funded` → submit (the provider's operator) → `submitted` → evaluate (the
 * evaluator) → `completed` (approved: the evaluator's fee, the rest to the provider's fee
 * vault) or `rejected` (the client refunded in full). Every step is allowed strictly before
 * `expiresAt`; from then on only `expire` (anyone), which refunds whatever is in escrow.
 */
import { BPS_DENOMINATOR, COMMERCE_LIMITS } from "../constants.js";
import { MathError, u64 } from "./errors.js";

export type JobPhase = "requested" | "accepted" | "funded" | "submitted" | "completed" | "rejected" | "expired";

/** The parts of a job its state machine reads and writes. */
export interface JobTerms {
  phase: JobPhase;
  budget: bigint;
  /** What the escrow owes: the budget while funded, zero otherwise. */
  escrowed: bigint;
  evaluatorFeeBps: number;
  expiresAt: bigint;
}

/** What a step moves out of escrow, each to one party. */
export interface Payout { evaluator: bigint; provider: bigint; client: bigint }

const NONE: Payout = { evaluator: 0n, provider: 0n, client: 0n };

/** Completed, rejected or expired: nothing happens to the job any more. */
export const isFinalPhase = (phase: JobPhase) => phase === "completed" || phase === "rejected" || phase === "expired";

/** The budget is in escrow. */
export const isFundedPhase = (phase: JobPhase) => phase === "funded" || phase === "submitted";

/** A requested job, its terms checked. */
export function newJob(budget: bigint, evaluatorFeeBps: number, now: bigint, expiresAt: bigint): JobTerms {
  if (budget <= 0n) throw new MathError("ZeroBudget");
  if (evaluatorFeeBps > COMMERCE_LIMITS.evaluatorFeeBps) throw new MathError("EvaluatorFeeTooHigh");
  if (expiresAt <= now) throw new MathError("ExpiryNotInFuture");
  return { phase: "requested", budget, escrowed: 0n, evaluatorFeeBps, expiresAt };
}

/** The evaluator's fee on approval: rounded down, the provider's vault takes the rest. */
export function evaluatorFee(t: Pick<JobTerms, "budget" | "evaluatorFeeBps">): bigint {
  return u64((t.budget * BigInt(t.evaluatorFeeBps)) / BPS_DENOMINATOR);
}

/** A party's step at `now`: open, and before the expiry. */
function live(t: JobTerms, now: bigint) {
  if (isFinalPhase(t.phase)) throw new MathError("JobClosed");
  if (now >= t.expiresAt) throw new MathError("Expired");
}

/** The provider's operator takes the job. */
export function acceptJob(t: JobTerms, now: bigint): JobTerms {
  live(t, now);
  if (t.phase !== "requested") throw new MathError("AlreadyAccepted");
  return { ...t, phase: "accepted" };
}

/** The client puts the budget in escrow (`escrowed` after it is the amount moved in). */
export function fundJob(t: JobTerms, now: bigint): JobTerms {
  live(t, now);
  if (t.phase === "requested") throw new MathError("NotAccepted");
  if (t.phase !== "accepted") throw new MathError("AlreadyFunded");
  return { ...t, phase: "funded", escrowed: t.budget };
}

/** The provider delivers. */
export function submitJob(t: JobTerms, now: bigint): JobTerms {
  live(t, now);
  if (t.phase === "requested" || t.phase === "accepted") throw new MathError("Unfunded");
  if (t.phase !== "funded") throw new MathError("AlreadySubmitted");
  return { ...t, phase: "submitted" };
}

/**
 * The evaluator approves (fee to the evaluator, the rest to the provider) or rejects
 * (everything back to the client). Evaluating twice is `AlreadyEvaluated`.
 */
export function evaluateJob(t: JobTerms, approve: boolean, now: bigint): { terms: JobTerms; payout: Payout } {
  if (t.phase === "completed" || t.phase === "rejected") throw new MathError("AlreadyEvaluated");
  live(t, now);
  if (t.phase === "requested" || t.phase === "accepted") throw new MathError("Unfunded");
  if (t.phase === "funded") throw new MathError("NotSubmitted");
  const fee = evaluatorFee(t);
  const payout = approve ? { ...NONE, evaluator: fee, provider: t.escrowed - fee } : { ...NONE, client: t.escrowed };
  return { terms: { ...t, phase: approve ? "completed" : "rejected", escrowed: 0n }, payout };
}

/** The permissionless crank: at or after the expiry, an open job ends and its client gets back what is in escrow. */
export function expireJob(t: JobTerms, now: bigint): { terms: JobTerms; payout: Payout } {
  if (isFinalPhase(t.phase)) throw new MathError("JobClosed");
  if (now < t.expiresAt) throw new MathError("NotExpired");
  return { terms: { ...t, phase: "expired", escrowed: 0n }, payout: { ...NONE, client: t.escrowed } };
}
