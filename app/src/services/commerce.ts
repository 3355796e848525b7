/**
 * What agents and their clients do with jobs (agent-commerce): the creator names the agent's
 * operator; a client creates and funds a job; the provider's operator accepts and delivers;
 * the evaluator approves (its fee, the rest to the provider's fee vault) or rejects (a full
 * refund); after the expiry anyone refunds the client. A provider's operator may sub-contract
 * part of a funded job to another agent as a child job.
 */
import { PublicKey } from "@solana/web3.js";

import { type Evaluator, type JobState, fetchJob, fetchPool, fetchVault, keysOfJob, termsOfJob } from "../accounts.js";
import { COMMERCE_LIMITS } from "../constants.js";
import { clientError } from "../errors.js";
import * as ix from "../instructions/index.js";
import { MathError } from "../math/errors.js";
import { type JobPhase, type JobTerms, type Payout, acceptJob, evaluateJob, expireJob, fundJob, newJob, submitJob } from "../math/job.js";
import { type JobKeys, ata, jobKeys } from "../pda.js";
import { type MintInfo, createAtaIdempotent } from "../tokens.js";
import { type Prepared, prepared } from "../transaction.js";
import { fund } from "./funding.js";
import type { StateService } from "./state.js";

/** How long a job lasts when its client names no expiry: 7 days. */
export const DEFAULT_JOB_LIFETIME = 7n * 86_400n;

export interface CreateJobParams {
  /** The provider agent's mint. */
  provider: PublicKey;
  /** The client's number for the job: any value it has not used (the job's address follows from it). */
  id: bigint;
  /** In units of the budget mint. */
  budget: bigint;
  /** A mint the provider's fee vault takes (default: its pool's quote mint). */
  budgetMint?: PublicKey;
  /** Who approves or rejects the deliverable (default: the client). */
  evaluator?: Evaluator;
  /** The evaluator's fee on approval, in bps of the budget (default 0; at most 5,000). */
  evaluatorFeeBps?: number;
  /** Unix time (default: `DEFAULT_JOB_LIFETIME` from now, and a child job never after its parent). */
  expiresAt?: bigint;
  termsUri?: string;
  /** 32 bytes (default: zeros). */
  termsHash?: Uint8Array;
  /** The job this one sub-contracts part of; the client is the operator of that job's provider. */
  parent?: PublicKey;
}

/** A deliverable: where to find it and its 32-byte hash (default: zeros). */
export interface Deliverable { uri: string; hash?: Uint8Array }

export class CommerceService {
  constructor(private readonly state: StateService) {}

  /** The agent's creator names (or rotates) `operator`, the key that acts for the agent in jobs. */
  async setOperator(creator: PublicKey, agentMint: PublicKey, operator: PublicKey): Promise<Prepared<{ previous: PublicKey | null }>> {
    const agent = await this.state.agent(agentMint);
    if (!agent.creator.equals(creator)) throw clientError("NotCreator", `only the agent's creator ${agent.creator.toBase58()} names its operator`);
    if (operator.equals(PublicKey.default)) throw clientError("InvalidOperator", "the operator must be a real key");
    const previous = await this.state.operatorOf(agentMint);
    return prepared([await ix.agentCommerce.setOperator(creator, agentMint, operator)], { previous });
  }

  /**
   * The mint a job for `provider` is paid in: `requested`, or the provider's pool's quote
   * mint. Refused unless the provider's fee vault takes it (`UnknownVault`).
   */
  async budgetMint(provider: PublicKey, requested?: PublicKey): Promise<MintInfo> {
    await this.state.agent(provider);
    let mint = requested;
    if (!mint) {
      const pool = await fetchPool(this.state.backend, provider);
      if (!pool) throw clientError("NoBudgetMint", `agent ${provider.toBase58()} has no pool: name the budget mint (a mint its fee vaults take)`);
      mint = pool.quoteMint;
    }
    if (!(await fetchVault(this.state.backend, provider, mint))) {
      throw clientError("UnknownVault", `agent ${provider.toBase58()} takes no budget in ${mint.toBase58()}: it has no fee vault for that mint`);
    }
    return this.state.mint(mint);
  }

  /** The client (signs, pays the job's rent) asks `a.provider` for a job; the budget moves at `fundJob`. */
  async createJob(client: PublicKey, a: CreateJobParams): Promise<Prepared<{ job: PublicKey; keys: JobKeys; expiresAt: bigint }>> {
    const backend = this.state.backend;
    const mint = await this.budgetMint(a.provider, a.budgetMint);
    const evaluator = a.evaluator ?? { client: {} };
    const termsUri = a.termsUri ?? "";
    const termsHash = hash32(a.termsHash, "terms");
    checkUri(termsUri, "terms");
    if ("agent" in evaluator) {
      if (evaluator.agent.mint.equals(a.provider)) throw clientError("EvaluatorIsProvider", "the provider agent may not evaluate its own job");
      await this.state.agent(evaluator.agent.mint);
    }
    const keys = jobKeys(client, a.id, a.provider, mint.address, mint.tokenProgram);
    if (await fetchJob(backend, keys.job)) {
      throw clientError("JobAlreadyExists", `this wallet's job ${a.id} exists already (${keys.job.toBase58()}): pick another id`);
    }
    const now = await backend.unixTimestamp();
    let expiresAt = a.expiresAt ?? now + DEFAULT_JOB_LIFETIME;
    let parent: { job: PublicKey; provider: PublicKey } | undefined;
    if (a.parent) {
      const p = await this.state.job(a.parent);
      if (!(await this.state.operatorOf(p.provider))?.equals(client)) {
        throw clientError("NotParentProvider", `only the operator of the parent job's provider ${p.provider.toBase58()} sub-contracts it`);
      }
      if (p.phase !== "funded") throw clientError("ParentNotActive", `the parent job is ${p.phase}: it must be funded and not yet submitted`);
      if (a.expiresAt === undefined && expiresAt > p.expiresAt) expiresAt = p.expiresAt;
      if (expiresAt > p.expiresAt) {
        throw clientError("ChildOutlivesParent", `the child job would expire at unix ${expiresAt}, after its parent (unix ${p.expiresAt})`);
      }
      if (p.provider.equals(a.provider)) throw clientError("SubcontractToSelf", "a provider may not sub-contract to itself");
      parent = { job: a.parent, provider: p.provider };
    }
    const evaluatorFeeBps = a.evaluatorFeeBps ?? 0;
    refuseAs({ phase: "requested", expiresAt }, now, () => newJob(a.budget, evaluatorFeeBps, now, expiresAt));
    const args = { id: a.id, budget: a.budget, evaluator, evaluatorFeeBps, expiresAt, termsHash, termsUri };
    return prepared([await ix.agentCommerce.createJob(keys, args, parent)], { job: keys.job, keys, expiresAt });
  }

  /** The provider agent's operator takes the job. */
  async acceptJob(operator: PublicKey, address: PublicKey): Promise<Prepared<{ job: PublicKey }>> {
    const job = await this.state.job(address);
    await this.checkOperator(job.provider, operator);
    await this.step(job, acceptJob);
    return prepared([await ix.agentCommerce.acceptJob(operator, keysOfJob(job))], { job: address });
  }

  /** The client moves the budget into escrow from its account of the budget mint (SOL is wrapped for wSOL). */
  async fundJob(client: PublicKey, address: PublicKey): Promise<Prepared<{ job: PublicKey; amount: bigint }>> {
    const job = await this.state.job(address);
    if (!job.client.equals(client)) throw clientError("NotClient", `only the job's client ${job.client.toBase58()} funds it`);
    const { escrowed: amount } = await this.step(job, fundJob);
    const pre = await fund(this.state, client, job.budgetMint, job.budgetTokenProgram, amount);
    const from = ata(client, job.budgetMint, job.budgetTokenProgram);
    return prepared([...pre, await ix.agentCommerce.fundJob(keysOfJob(job), from)], { job: address, amount });
  }

  /** The provider agent's operator delivers: where to find the deliverable, and its hash. */
  async submitJob(operator: PublicKey, address: PublicKey, d: Deliverable): Promise<Prepared<{ job: PublicKey }>> {
    const job = await this.state.job(address);
    await this.checkOperator(job.provider, operator);
    const hash = hash32(d.hash, "deliverable");
    checkUri(d.uri, "deliverable");
    await this.step(job, submitJob);
    return prepared([await ix.agentCommerce.submitJob(operator, keysOfJob(job), hash, d.uri)], { job: address });
  }

  /** The evaluator approves: its fee (rounded down) to its own account, the rest to the provider's fee vault. */
  approveJob(evaluator: PublicKey, address: PublicKey): Promise<Prepared<{ job: PublicKey; payout: Payout }>> {
    return this.evaluate(evaluator, address, true);
  }

  /** The evaluator rejects: the whole budget back to the client. */
  rejectJob(evaluator: PublicKey, address: PublicKey): Promise<Prepared<{ job: PublicKey; payout: Payout }>> {
    return this.evaluate(evaluator, address, false);
  }

  /**
   * Anyone, at or after the expiry: the job ends and its client gets back what is in escrow
   * (the client's account is created when missing, `cranker` paying).
   */
  async expireJob(cranker: PublicKey, address: PublicKey): Promise<Prepared<{ job: PublicKey; payout: Payout }>> {
    const job = await this.state.job(address);
    const { payout } = await this.step(job, expireJob);
    const { budgetMint: mint, budgetTokenProgram: tp } = job;
    return prepared([
      createAtaIdempotent(cranker, job.client, mint, tp),
      await ix.agentCommerce.expireJob(cranker, keysOfJob(job), ata(job.client, mint, tp)),
    ], { job: address, payout });
  }

  /** Approval pays the fee to the evaluator's account, rejection refunds the client's (created when missing, the evaluator paying). */
  private async evaluate(evaluator: PublicKey, address: PublicKey, approve: boolean): Promise<Prepared<{ job: PublicKey; payout: Payout }>> {
    const job = await this.state.job(address);
    await this.checkEvaluator(job, evaluator);
    const { payout } = await this.step(job, (t, now) => evaluateJob(t, approve, now));
    const { budgetMint: mint, budgetTokenProgram: tp } = job;
    const to = approve ? evaluator : job.client;
    const build = approve ? ix.agentCommerce.approveJob : ix.agentCommerce.rejectJob;
    return prepared([
      createAtaIdempotent(evaluator, to, mint, tp),
      await build(evaluator, job.evaluator, keysOfJob(job), ata(to, mint, tp)),
    ], { job: address, payout });
  }

  /** `signer` is the operator of agent `mint` (`NoOperator`, `WrongOperator` otherwise). */
  private async checkOperator(mint: PublicKey, signer: PublicKey) {
    const operator = await this.state.operatorOf(mint);
    if (!operator) throw clientError("NoOperator", `agent ${mint.toBase58()} has no operator: its creator names one (setOperator)`);
    if (!operator.equals(signer)) {
      throw clientError("WrongOperator", `${signer.toBase58()} is not the operator of agent ${mint.toBase58()} (${operator.toBase58()} is)`);
    }
  }

  /** `signer` is the job's evaluator: its client, or the named agent's operator now. */
  private async checkEvaluator(job: JobState, signer: PublicKey) {
    const e = job.evaluator;
    const evaluator = "agent" in e ? await this.state.operatorOf(e.agent.mint) : job.client;
    if (evaluator?.equals(signer)) return;
    const who = "agent" in e
      ? `agent ${e.agent.mint.toBase58()} (${evaluator ? `its operator ${evaluator.toBase58()}` : "which has no operator"})`
      : `its client ${job.client.toBase58()}`;
    throw clientError("WrongEvaluator", `${signer.toBase58()} is not the job's evaluator: that is ${who}`);
  }

  /** A step of the job's state machine at cluster time, refused with the program's error name. */
  private async step<T>(job: JobState, f: (t: JobTerms, now: bigint) => T): Promise<T> {
    const now = await this.state.backend.unixTimestamp();
    return refuseAs(job, now, () => f(termsOfJob(job), now));
  }
}

/** Runs `f`; a refused step becomes the client error the program would raise, with the job's phase and times in words. */
function refuseAs<T>(job: { phase: JobPhase; expiresAt: bigint }, now: bigint, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof MathError) throw clientError(e.kind, jobRefusal(e.kind, job, now));
    throw e;
  }
}

function jobRefusal(kind: string, job: { phase: JobPhase; expiresAt: bigint }, now: bigint): string {
  switch (kind) {
    case "ZeroBudget": return "the budget must be greater than zero";
    case "EvaluatorFeeTooHigh": return `the evaluator's fee is at most ${COMMERCE_LIMITS.evaluatorFeeBps} bps of the budget`;
    case "ExpiryNotInFuture": return `the expiry (unix ${job.expiresAt}) must be after now (unix ${now})`;
    case "JobClosed": return `the job is ${job.phase}: nothing more happens to it`;
    case "AlreadyAccepted": return `the job was already accepted (it is ${job.phase})`;
    case "NotAccepted": return "the provider's operator has not accepted the job yet";
    case "AlreadyFunded": return `the job is already funded (it is ${job.phase})`;
    case "Unfunded": return "the client has not funded the job yet";
    case "AlreadySubmitted": return "the deliverable was already submitted";
    case "NotSubmitted": return "the provider has not submitted a deliverable yet";
    case "AlreadyEvaluated": return `the job was already evaluated (it is ${job.phase})`;
    case "Expired": return `the job expired at unix ${job.expiresAt} (now ${now}): only its refund is left, which anyone may send`;
    case "NotExpired": return `the job expires at unix ${job.expiresAt}, in ${job.expiresAt - now} s`;
    default: return kind;
  }
}

function checkUri(uri: string, what: string) {
  const bytes = new TextEncoder().encode(uri).length;
  if (bytes > COMMERCE_LIMITS.uri) throw clientError("UriTooLong", `the ${what} URI is ${bytes} bytes; at most ${COMMERCE_LIMITS.uri}`);
}

function hash32(hash: Uint8Array | undefined, what: string): Uint8Array {
  if (hash === undefined) return new Uint8Array(32);
  if (hash.length !== 32) throw clientError("InvalidHash", `the ${what} hash is ${hash.length} bytes; it must be 32`);
  return hash;
}
