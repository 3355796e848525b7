/** Reads and quotes: everything the other services and a UI need to know before acting. */
import { PublicKey } from "@solana/web3.js";

import {
  type AgentState, type JobState, type PoolState, type PositionState, type PresetState, type StakePoolState, type VaultState, decodeJob,
  feeScheduleOf, fetchAgent, fetchJob, fetchOperator, fetchPolicy, fetchPool, fetchPosition, fetchPreset, fetchStakePool, fetchVault, marketOf,
} from "../accounts.js";
import type { Backend } from "../backend/types.js";
import { PROGRAM_IDS } from "../constants.js";
import { clientError } from "../errors.js";
import { MathError } from "../math/errors.js";
import { type Trade, buyExactIn, buyExactOut, graduate as graduateMath, marketPriceQ64, progressBps, sellExactIn } from "../math/curve.js";
import { feeBpsAt } from "../math/fee.js";
import { evaluatorFee, isFinalPhase } from "../math/job.js";
import { claimable } from "../math/reward.js";
import { type AgentKeys, agentKeys, revenueSharePda } from "../pda.js";
import { type MintInfo, fetchMint, tokenBalance } from "../tokens.js";

export interface AgentStatus {
  agent: AgentState;
  /** Where the agent token comes from: null for an agent launched on Solana. */
  origin: { eid: number; token: Uint8Array } | null;
  /** The agent's pool and market; null for a bridged agent that has not opened one. */
  market: MarketStatus | null;
  /** Fee-aggregator vaults per reward mint with their ledger by source and by chain. */
  vaults: VaultState[];
  stakePool: StakePoolState | null;
  stakers: { owner: PublicKey; staked: bigint; unstaking: bigint; claimable: { mint: PublicKey; amount: bigint }[] }[];
}

export interface MarketStatus {
  pool: PoolState;
  keys: AgentKeys;
  /** Quote units per whole agent token (10^decimals base units), as a decimal string. */
  price: string;
  priceQ64: bigint;
  progressBps: number;
  feeBpsNow: number;
}

export interface JobStatus {
  job: JobState;
  /** The key acting for the provider agent now (null: its creator has named none). */
  providerOperator: PublicKey | null;
  /** The key that may approve or reject: the client, or the evaluator agent's operator now (null: none named). */
  evaluator: PublicKey | null;
  /** What approval pays: the evaluator's fee (rounded down) and, into the provider's vault, the rest. */
  onApproval: { evaluatorFee: bigint; provider: bigint };
  /** The escrow account's balance (what the job owes is `job.escrowed`; tokens sent to it outside the job stay there). */
  escrowBalance: bigint;
  /** Cluster time. */
  now: bigint;
  /** At or after the expiry and still open: only the refund (`expireJob`, anyone) is left. */
  expired: boolean;
  parent: JobState | null;
  /** Child jobs found (an RPC node scans for them; `job.children` counts them all). */
  children: JobState[];
}

/**
 * Where a job stores its parent (Borsh, agent-commerce's state/job.rs): discriminator, client,
 * id, provider, provider vault, the evaluator (1 byte for the client, 33 for an agent), budget
 * mint, token program, decimals, escrow, budget, escrowed, fee bps, phase, created, expiry.
 */
const JOB_PARENT_OFFSETS = [1, 33].map((evaluator) => 8 + 32 + 8 + 32 + 32 + evaluator + 32 + 32 + 1 + 32 + 8 + 8 + 2 + 1 + 8 + 8);

export class StateService {
  constructor(readonly backend: Backend) {}

  /** Every address of an agent, from its pool (throws `UnknownAgent`). */
  async keys(mint: PublicKey): Promise<AgentKeys> {
    const pool = await this.pool(mint);
    return agentKeys(mint, pool.quoteMint, pool.quoteTokenProgram);
  }

  async pool(mint: PublicKey): Promise<PoolState> {
    const pool = await fetchPool(this.backend, mint);
    if (!pool) throw clientError("UnknownAgent", `no agentpad pool for mint ${mint.toBase58()}`);
    return pool;
  }

  /** The pool, refused when a trade cannot be (a complete curve waits for `graduate`). */
  async tradablePool(mint: PublicKey): Promise<PoolState> {
    const pool = await this.pool(mint);
    if (pool.phase === "complete") throw clientError("CurveComplete", "the curve is complete: graduate the pool to keep trading");
    return pool;
  }

  async agent(mint: PublicKey): Promise<AgentState> {
    const agent = await fetchAgent(this.backend, mint);
    if (!agent) throw clientError("UnknownAgent", `no agent record for mint ${mint.toBase58()}`);
    return agent;
  }

  /** A preset and its quote mint (throws `UnknownPreset`, `UnknownQuoteMint`). */
  async preset(presetId: number): Promise<{ preset: PresetState; quote: MintInfo }> {
    const preset = await fetchPreset(this.backend, presetId);
    if (!preset) throw clientError("UnknownPreset", `preset ${presetId} does not exist`);
    const quote = await fetchMint(this.backend, preset.quoteMint);
    if (!quote) throw clientError("UnknownQuoteMint", `preset ${presetId}'s quote mint ${preset.quoteMint.toBase58()} is not a mint`);
    return { preset, quote };
  }

  /** A mint (throws `UnknownMint`). */
  async mint(mint: PublicKey): Promise<MintInfo> {
    const info = await fetchMint(this.backend, mint);
    if (!info) throw clientError("UnknownMint", `${mint.toBase58()} is not a mint`);
    return info;
  }

  policy(mint: PublicKey) {
    return fetchPolicy(this.backend, mint);
  }

  balance(account: PublicKey): Promise<bigint> {
    return tokenBalance(this.backend, account);
  }

  /** A job (throws `UnknownJob`). */
  async job(address: PublicKey): Promise<JobState> {
    const job = await fetchJob(this.backend, address);
    if (!job) throw clientError("UnknownJob", `no agent-commerce job at ${address.toBase58()}`);
    return job;
  }

  /** The key acting for an agent in jobs (null: its creator has named none). */
  async operatorOf(agentMint: PublicKey): Promise<PublicKey | null> {
    return (await fetchOperator(this.backend, agentMint))?.operator ?? null;
  }

  // ------------------------------------------------------------------ quotes

  /** The fee rate a trade sent now pays (the anti-sniper schedule at cluster time). */
  async feeBpsNow(pool: PoolState): Promise<number> {
    const now = await this.backend.unixTimestamp();
    return feeBpsAt(feeScheduleOf(pool), now - pool.launchTimestamp);
  }

  private async quote(pool: PoolState, f: (fee: number) => Trade): Promise<Trade> {
    const fee = await this.feeBpsNow(pool);
    try {
      return f(fee);
    } catch (e) {
      if (e instanceof MathError) throw clientError(e.kind, quoteRefusal(e.kind));
      throw e;
    }
  }

  quoteBuyExactIn(pool: PoolState, quoteIn: bigint) {
    return this.quote(pool, (fee) => buyExactIn(marketOf(pool), quoteIn, fee));
  }

  quoteBuyExactOut(pool: PoolState, baseOut: bigint) {
    return this.quote(pool, (fee) => buyExactOut(marketOf(pool), baseOut, fee));
  }

  quoteSell(pool: PoolState, baseIn: bigint) {
    return this.quote(pool, (fee) => sellExactIn(marketOf(pool), baseIn, fee));
  }

  // ------------------------------------------------------------------ holders

  /** What `owner` could claim now, per reward mint (the program's own math at cluster time). */
  async claimable(mint: PublicKey, owner: PublicKey): Promise<{ mint: PublicKey; amount: bigint }[]> {
    const [pool, position, now] = await Promise.all([
      fetchStakePool(this.backend, mint), fetchPosition(this.backend, mint, owner), this.backend.unixTimestamp(),
    ]);
    return claimableAt(pool, position, now);
  }

  /**
   * Everything about one agent. `stakers` to show; by default every staker the backend can
   * find (RPC: positions of the agent's stake pool, largest first, up to `limit`).
   */
  async status(mint: PublicKey, stakers?: PublicKey[], limit = 20): Promise<AgentStatus> {
    // A bridged agent may have no pool yet: the pool is read alongside, not required.
    const [agent, pool] = await Promise.all([this.agent(mint), fetchPool(this.backend, mint)]);
    stakers ??= await this.findStakers(mint, limit);
    const [stakePool, now] = await Promise.all([fetchStakePool(this.backend, mint), this.backend.unixTimestamp()]);
    let market: MarketStatus | null = null;
    if (pool) {
      const m = marketOf(pool);
      const priceQ64 = marketPriceQ64(pool.phase === "complete" ? { ...m, phase: "graduated", ...graduateMath(m) } : m);
      market = {
        pool, keys: agentKeys(mint, pool.quoteMint, pool.quoteTokenProgram), priceQ64,
        price: priceString(priceQ64, pool.baseDecimals, pool.quoteDecimals), progressBps: progressBps(m),
        feeBpsNow: feeBpsAt(feeScheduleOf(pool), now - pool.launchTimestamp),
      };
    }
    const rewardMints = stakePool?.rewards.map((r) => r.mint) ?? (pool ? [pool.quoteMint] : []);
    const vaults = (await Promise.all(rewardMints.map((r) => fetchVault(this.backend, mint, r)))).filter((v): v is VaultState => !!v);
    const positions = await Promise.all(stakers.map((o) => fetchPosition(this.backend, mint, o)));
    return {
      agent, origin: agent.originEid === 0 ? null : { eid: agent.originEid, token: Uint8Array.from(agent.originToken) },
      market, vaults, stakePool,
      stakers: stakers.map((owner, i) => ({
        owner, staked: positions[i]?.staked ?? 0n, unstaking: positions[i]?.unstaking ?? 0n,
        claimable: claimableAt(stakePool, positions[i], now),
      })),
    };
  }

  /** Everything about one job: its parties as they stand, what approval pays, its escrow, parent and children. */
  async jobStatus(address: PublicKey): Promise<JobStatus> {
    const job = await this.job(address);
    const e = job.evaluator;
    const [providerOperator, evaluator, escrowBalance, now, parent, children] = await Promise.all([
      this.operatorOf(job.provider), "agent" in e ? this.operatorOf(e.agent.mint) : job.client, this.balance(job.escrow),
      this.backend.unixTimestamp(), job.parent ? fetchJob(this.backend, job.parent) : null, this.findChildJobs(address),
    ]);
    const fee = evaluatorFee(job);
    return {
      job, providerOperator, evaluator, onApproval: { evaluatorFee: fee, provider: job.budget - fee }, escrowBalance, now,
      expired: !isFinalPhase(job.phase) && now >= job.expiresAt, parent, children,
    };
  }

  /** The jobs sub-contracting part of `parent`, oldest first (empty where the backend cannot scan). */
  async findChildJobs(parent: PublicKey): Promise<JobState[]> {
    if (!this.backend.findAccounts) return [];
    const found = (await Promise.all(JOB_PARENT_OFFSETS.map((at) => this.backend.findAccounts!(PROGRAM_IDS.agentCommerce, at, parent.toBytes())))).flat();
    return found
      .map(({ pubkey, account }) => decodeJob(pubkey, account.data))
      .filter((j): j is JobState => !!j?.parent?.equals(parent))
      .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
  }

  /** Owners of the agent's stake positions, largest stake first (empty where the backend cannot scan). */
  async findStakers(mint: PublicKey, limit = 20): Promise<PublicKey[]> {
    if (!this.backend.findAccounts) return [];
    // Position: discriminator (8) | owner (32) | stake_pool (32) | staked (u64) | ...
    const found = await this.backend.findAccounts(PROGRAM_IDS.revenueShare, 40, revenueSharePda.stakePool(mint).toBytes());
    return found
      .map(({ account }) => ({ owner: new PublicKey(account.data.subarray(8, 40)), staked: account.data.readBigUInt64LE(72) }))
      .sort((a, b) => (b.staked > a.staked ? 1 : b.staked < a.staked ? -1 : 0))
      .slice(0, limit)
      .map((p) => p.owner);
  }
}

/** Per reward mint, what `position` could claim at `now` (nothing without a pool or position). */
function claimableAt(pool: StakePoolState | null, position: PositionState | null, now: bigint): { mint: PublicKey; amount: bigint }[] {
  if (!pool || !position) return [];
  return pool.rewards.map((r, i) => ({ mint: r.mint, amount: claimable(r, position.accruals[i], position.staked, pool.totalStaked, now) }));
}

function quoteRefusal(kind: string): string {
  switch (kind) {
    case "ZeroOutput": return "the amount is too small to buy or sell anything";
    case "InsufficientLiquidity": return "the pool does not hold enough to fill this trade";
    case "CurveComplete": return "the curve is complete: graduate the pool to keep trading";
    case "ZeroAmount": return "the amount must be positive";
    default: return kind;
  }
}

/** Decimal price of one whole base token in whole quote tokens, from Q64.64 base-unit price. */
export function priceString(priceQ64: bigint, baseDecimals: number, quoteDecimals: number, digits = 12): string {
  // price per whole token = priceQ64 / 2^64 * 10^baseDecimals / 10^quoteDecimals
  const scaled = (priceQ64 * 10n ** BigInt(baseDecimals + digits)) / (1n << 64n) / 10n ** BigInt(quoteDecimals);
  const s = scaled.toString().padStart(digits + 1, "0");
  return `${s.slice(0, -digits)}.${s.slice(-digits)}`.replace(/\.?0+$/, "");
}
