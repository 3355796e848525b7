/** Fetchers and decoders of every agentpad account, as plain objects with bigint amounts. */
import { BN } from "./anchor.js";
import { sha256 } from "@noble/hashes/sha256";
import { PublicKey } from "@solana/web3.js";

import type { Backend } from "./backend/types.js";
import { JOB_PHASE, PHASE, PROGRAM_IDS } from "./constants.js";
import type { Market, Phase, Segment } from "./math/curve.js";
import type { JobPhase, JobTerms } from "./math/job.js";
import { SEGMENT_LEN } from "./math/segment.js";
import type { FeeSchedule } from "./math/fee.js";
import type { RewardStream } from "./math/reward.js";
import { type JobKeys, agentCommercePda, agentFactoryPda, bondingCurvePda, endpointPda, feeAggregatorPda, jobKeys, revenueSharePda } from "./pda.js";
import { type ProgramName, programs } from "./programs.js";

/** BN -> bigint, recursively; keys stay PublicKeys. */
export function native(v: any): any {
  if (v instanceof BN) return BigInt(v.toString());
  if (v instanceof PublicKey || v === null || typeof v !== "object") return v;
  if (Array.isArray(v)) return v.map(native);
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, native(x)]));
}

const u128le = (bytes: number[]) => Buffer.from(bytes).reduceRight((acc, b) => (acc << 8n) | BigInt(b), 0n);

async function fetchDecoded(backend: Backend, program: ProgramName, account: string, address: PublicKey): Promise<any | null> {
  const raw = await fetchRaw(backend, program, account, address);
  return raw && raw.decoded;
}

async function fetchRaw(backend: Backend, program: ProgramName, account: string, address: PublicKey): Promise<{ decoded: any; data: Buffer } | null> {
  const info = await backend.getAccountInfo(address);
  if (!info || !info.owner.equals(programs[program].programId)) return null;
  const data = Buffer.from(info.data);
  return { decoded: native(programs[program].coder.accounts.decode(account, data)), data };
}

/** Sizes of the fixed parts (discriminator included) that curve segments follow (state/pool.rs, state/preset.rs). */
export const POOL_FIXED_LEN = 8 + 440;
export const PRESET_FIXED_LEN = 8 + 168;

/** The curve segments an account stores after its fixed part. */
export function storedSegments(data: Buffer, fixedLen: number, count: number): Segment[] {
  if (data.length < fixedLen + count * SEGMENT_LEN) throw new Error(`the account holds ${data.length} bytes, ${count} segments need ${fixedLen + count * SEGMENT_LEN}`);
  return Array.from({ length: count }, (_, i) => {
    const at = fixedLen + i * SEGMENT_LEN;
    const [baseStart, quoteStart, virtualQuoteReserve, virtualBaseReserve] = [0, 8, 16, 24].map((o) => data.readBigUInt64LE(at + o));
    return { baseStart, quoteStart, virtualQuoteReserve, virtualBaseReserve };
  });
}

export interface PoolParamsState {
  virtualQuoteReserve: bigint; virtualBaseReserve: bigint; curveSupply: bigint; graduatedSupply: bigint; graduationThreshold: bigint;
  feeDecaySeconds: number; baseFeeBps: number; startFeeBps: number; protocolFeeShareBps: number; creatorFeeShareBps: number;
  agentFeeShareBps: number; curveKind: number;
  /** Segments of the curve after the first (stored after the account's fixed part). */
  extraSegments: number;
}

export interface PoolState {
  address: PublicKey;
  baseMint: PublicKey; quoteMint: PublicKey; baseVault: PublicKey; quoteVault: PublicKey; quoteTokenProgram: PublicKey;
  preset: PublicKey; creatorFeeAuthority: PublicKey;
  params: PoolParamsState;
  /** The curve's segments after the first. */
  segments: Segment[];
  quoteReserve: bigint; baseReserve: bigint;
  protocolFees: bigint; creatorFees: bigint; agentFees: bigint;
  totalProtocolFees: bigint; totalCreatorFees: bigint; totalAgentFees: bigint;
  launchTimestamp: bigint; graduationTimestamp: bigint; createdSlot: bigint;
  phase: Phase; baseDecimals: number; quoteDecimals: number;
}

const PHASES: Record<number, Phase> = { [PHASE.curve]: "curve", [PHASE.complete]: "complete", [PHASE.graduated]: "graduated" };

export async function fetchPool(backend: Backend, baseMint: PublicKey): Promise<PoolState | null> {
  const address = bondingCurvePda.pool(baseMint);
  const raw = await fetchRaw(backend, "bondingCurve", "pool", address);
  if (!raw) return null;
  const p = raw.decoded;
  return { ...p, address, segments: storedSegments(raw.data, POOL_FIXED_LEN, p.params.extraSegments), phase: PHASES[p.phase] ?? "curve" };
}

/** The pool as the math's market (what quotes run on). */
export function marketOf(pool: PoolState): Market {
  const p = pool.params;
  return {
    params: {
      virtualQuoteReserve: p.virtualQuoteReserve, virtualBaseReserve: p.virtualBaseReserve, curveSupply: p.curveSupply,
      graduatedSupply: p.graduatedSupply, graduationThreshold: p.graduationThreshold,
    },
    segments: pool.segments,
    split: { protocolBps: p.protocolFeeShareBps, creatorBps: p.creatorFeeShareBps, agentBps: p.agentFeeShareBps },
    phase: pool.phase, quoteReserve: pool.quoteReserve, baseReserve: pool.baseReserve,
  };
}

export function feeScheduleOf(pool: PoolState): FeeSchedule {
  return { baseFeeBps: pool.params.baseFeeBps, startFeeBps: pool.params.startFeeBps, decaySeconds: pool.params.feeDecaySeconds };
}

export interface ConfigState { admin: PublicKey; protocolFeeRecipient: PublicKey; pendingAdmin: PublicKey }
export const fetchConfig = (b: Backend): Promise<ConfigState | null> => fetchDecoded(b, "bondingCurve", "config", bondingCurvePda.config());

export interface PresetState {
  quoteMint: PublicKey; params: PoolParamsState; id: number;
  staking: { minUnstakeCooldown: number; defaultUnstakeCooldown: number; rewardWindow: number };
  /** The curve's segments after the first. */
  segments: Segment[];
}
export async function fetchPreset(b: Backend, id: number): Promise<PresetState | null> {
  const raw = await fetchRaw(b, "bondingCurve", "preset", bondingCurvePda.preset(id));
  if (!raw) return null;
  return { ...raw.decoded, segments: storedSegments(raw.data, PRESET_FIXED_LEN, raw.decoded.params.extraSegments) };
}

export interface AgentState {
  mint: PublicKey; pool: PublicKey; preset: PublicKey; creator: PublicKey; pendingCreator: PublicKey;
  createdSlot: bigint; createdAt: bigint; presetId: number;
  /** LayerZero endpoint id of the agent token's origin chain (0: launched on Solana), and its address there. */
  originEid: number; originToken: number[];
}

/** A remote agent token's link to its Solana mint, as fee-aggregator recorded it. */
export interface AgentLinkState {
  mint: PublicKey; creator: PublicKey; oftStore: PublicKey; originEid: number; originToken: Uint8Array; linkId: bigint;
}

/**
 * The mint's link (fee-aggregator's `AgentLink`; its IDL lists no instruction that names it,
 * so the Borsh layout is read here: discriminator, mint, creator, oft_store, origin_eid u32,
 * origin_token [32], link_id u64, bump).
 */
export async function fetchAgentLink(b: Backend, mint: PublicKey): Promise<AgentLinkState | null> {
  const info = await b.getAccountInfo(feeAggregatorPda.agentLink(mint));
  if (!info || !info.owner.equals(PROGRAM_IDS.feeAggregator) || info.data.length < 8 + 32 * 3 + 4 + 32 + 8 + 1) return null;
  const d = Buffer.from(info.data);
  if (!d.subarray(0, 8).equals(AGENT_LINK_DISCRIMINATOR)) return null;
  return {
    mint: new PublicKey(d.subarray(8, 40)), creator: new PublicKey(d.subarray(40, 72)), oftStore: new PublicKey(d.subarray(72, 104)),
    originEid: d.readUInt32LE(104), originToken: new Uint8Array(d.subarray(108, 140)), linkId: d.readBigUInt64LE(140),
  };
}
const AGENT_LINK_DISCRIMINATOR = Buffer.from(sha256(Buffer.from("account:AgentLink"))).subarray(0, 8);
export const fetchAgent = (b: Backend, mint: PublicKey): Promise<AgentState | null> =>
  fetchDecoded(b, "agentFactory", "agent", agentFactoryPda.agent(mint));

export interface SplitState { holdersBps: number; creatorBps: number; protocolBps: number }
export interface StoreState {
  admin: PublicKey; pendingAdmin: PublicKey; endpointProgram: PublicKey; protocolFeeRecipient: PublicKey;
  splitBounds: { minHoldersBps: number; maxCreatorBps: number; minProtocolBps: number; maxProtocolBps: number };
  defaultSplit: SplitState;
  /** Seconds before a creator's new split applies. */
  splitDelay: number;
}
export const fetchStore = (b: Backend): Promise<StoreState | null> => fetchDecoded(b, "feeAggregator", "store", feeAggregatorPda.store());

/** A remote chain's trusted sender and the bounds on its fee reports (shared decimals). */
export interface PeerState { srcEid: number; address: number[]; maxReportSd: bigint; maxReportedTotalSd: bigint }
export const fetchPeer = (b: Backend, srcEid: number): Promise<PeerState | null> =>
  fetchDecoded(b, "feeAggregator", "peer", feeAggregatorPda.peer(srcEid));

export interface ChainTotals { eid: number; credited: bigint; reported: bigint; reports: bigint }
export interface VaultState {
  address: PublicKey;
  agentMint: PublicKey; rewardMint: PublicKey; tokenAccount: PublicKey; rewardTokenProgram: PublicKey;
  totalLocal: bigint; totalDirect: bigint; totalBridged: bigint;
  /** Paid for jobs the agent did (agent-commerce). */
  totalCommerce: bigint;
  undistributed: bigint;
  distributedHolders: bigint; distributedCreator: bigint; distributedProtocol: bigint;
  /** Remote chains that sent revenue (free slots dropped). */
  chains: ChainTotals[];
  rewardDecimals: number;
}

export async function fetchVault(b: Backend, agentMint: PublicKey, rewardMint: PublicKey): Promise<VaultState | null> {
  const address = feeAggregatorPda.vault(agentMint, rewardMint);
  const v = await fetchDecoded(b, "feeAggregator", "agentVault", address);
  if (!v) return null;
  return { ...v, address, chains: (v.chains as ChainTotals[]).filter((c) => c.eid !== 0) };
}

/** An agent's split; `pendingSplit` applies from `pendingAt` when that is not zero. */
export interface PolicyState { agentMint: PublicKey; split: SplitState; pendingSplit: SplitState; pendingAt: bigint; initialized: boolean }
export const fetchPolicy = (b: Backend, agentMint: PublicKey): Promise<PolicyState | null> =>
  fetchDecoded(b, "feeAggregator", "policy", feeAggregatorPda.policy(agentMint));

/** The OFT whose composes credit a bridged reward mint. */
export interface OftState { rewardMint: PublicKey; oftStore: PublicKey; tokenProgram: PublicKey; composerTokenAccount: PublicKey }
export const fetchOft = (b: Backend, rewardMint: PublicKey): Promise<OftState | null> =>
  fetchDecoded(b, "feeAggregator", "oftConfig", feeAggregatorPda.oft(rewardMint));

/** The LayerZero delegate the store registered at `endpoint`. */
export interface OftConfigState { rewardMint: PublicKey; oftStore: PublicKey; tokenProgram: PublicKey; composerTokenAccount: PublicKey; bump: number }
/** The OFT fee-aggregator accepts composes from for `rewardMint` (`set_oft`). */
export const fetchOftConfig = (b: Backend, rewardMint: PublicKey): Promise<OftConfigState | null> =>
  fetchDecoded(b, "feeAggregator", "oftConfig", feeAggregatorPda.oft(rewardMint));

export async function fetchDelegate(b: Backend, endpoint: PublicKey): Promise<PublicKey | null> {
  const info = await b.getAccountInfo(endpointPda.oappRegistry(endpoint));
  return info && info.data.length >= 40 ? new PublicKey(info.data.subarray(8, 40)) : null;
}

/** The `OftConfig` keys the store's `LzComposeTypes` account lists (what an executor passes). */
export async function fetchComposeTypeOfts(b: Backend): Promise<PublicKey[]> {
  const info = await b.getAccountInfo(feeAggregatorPda.lzComposeTypes());
  if (!info) return [];
  return Array.from({ length: (info.data.length - 40) / 32 }, (_, i) => new PublicKey(info.data.subarray(40 + 32 * i, 72 + 32 * i)));
}

export interface RewardSlotState extends RewardStream {
  mint: PublicKey; vault: PublicKey; tokenProgram: PublicKey; totalNotified: bigint; totalClaimed: bigint; decimals: number;
}
export interface StakePoolState {
  address: PublicKey; agentMint: PublicKey; stakeVault: PublicKey; totalStaked: bigint; unstakeCooldown: number; rewardWindow: number;
  rewards: RewardSlotState[];
}

export async function fetchStakePool(b: Backend, agentMint: PublicKey): Promise<StakePoolState | null> {
  const address = revenueSharePda.stakePool(agentMint);
  const s = await fetchDecoded(b, "revenueShare", "stakePool", address);
  if (!s) return null;
  const rewards = (s.rewards as any[]).slice(0, s.rewardCount).map((r) => ({
    ...r, accX64: u128le(r.accX64), rateX64: u128le(r.rateX64), dustX64: u128le(r.dustX64),
  }));
  return { address, agentMint: s.agentMint, stakeVault: s.stakeVault, totalStaked: s.totalStaked, unstakeCooldown: s.unstakeCooldown,
    rewardWindow: s.rewardWindow, rewards };
}

export interface PositionState {
  address: PublicKey; owner: PublicKey; stakePool: PublicKey; staked: bigint; unstaking: bigint; unlockAt: bigint;
  accruals: { checkpointX64: bigint; owedX64: bigint }[];
}

export async function fetchPosition(b: Backend, agentMint: PublicKey, owner: PublicKey): Promise<PositionState | null> {
  const address = revenueSharePda.position(revenueSharePda.stakePool(agentMint), owner);
  const p = await fetchDecoded(b, "revenueShare", "position", address);
  if (!p) return null;
  return { ...p, address, accruals: (p.accruals as any[]).map((a) => ({ checkpointX64: u128le(a.checkpointX64), owedX64: u128le(a.owedX64) })) };
}

/** Who approves or rejects a job's deliverable: the client itself, or another agent (through its operator). */
export type Evaluator = { client: Record<string, never> } | { agent: { mint: PublicKey } };

/** The key that acts for an agent in jobs (its runtime wallet), named by the agent's creator. */
export interface OperatorState { agentMint: PublicKey; operator: PublicKey }
export const fetchOperator = (b: Backend, agentMint: PublicKey): Promise<OperatorState | null> =>
  fetchDecoded(b, "agentCommerce", "operator", agentCommercePda.operator(agentMint));

export interface JobState {
  address: PublicKey;
  client: PublicKey; id: bigint;
  /** The provider agent's mint, and its fee vault for the budget mint (where approved pay goes). */
  provider: PublicKey; providerVault: PublicKey;
  evaluator: Evaluator;
  budgetMint: PublicKey; budgetTokenProgram: PublicKey; budgetDecimals: number;
  escrow: PublicKey;
  budget: bigint;
  /** What the escrow owes: the budget while funded, zero otherwise. */
  escrowed: bigint;
  evaluatorFeeBps: number;
  phase: JobPhase;
  createdAt: bigint; expiresAt: bigint;
  /** The job this one sub-contracts part of (null: none). */
  parent: PublicKey | null;
  /** Child jobs created under this one. */
  children: number;
  termsHash: Uint8Array; termsUri: string;
  /** Empty until the provider submits. */
  deliverableHash: Uint8Array; deliverableUri: string;
}

const JOB_PHASES = Object.fromEntries(Object.entries(JOB_PHASE).map(([name, byte]) => [byte, name])) as Record<number, JobPhase>;

/** A job account's data, decoded (null when it is not a job). */
export function decodeJob(address: PublicKey, data: Buffer): JobState | null {
  let j;
  try {
    j = native(programs.agentCommerce.coder.accounts.decode("job", data));
  } catch {
    return null;
  }
  const phase = JOB_PHASES[j.phase];
  if (!phase) throw new Error(`job ${address.toBase58()} stores an unknown phase ${j.phase}`);
  return {
    ...j, address, phase, parent: j.parent.equals(PublicKey.default) ? null : j.parent,
    termsHash: Uint8Array.from(j.termsHash), deliverableHash: Uint8Array.from(j.deliverableHash),
  };
}

export async function fetchJob(b: Backend, address: PublicKey): Promise<JobState | null> {
  const info = await b.getAccountInfo(address);
  if (!info || !info.owner.equals(PROGRAM_IDS.agentCommerce)) return null;
  return decodeJob(address, Buffer.from(info.data));
}

/** Every address the job's instructions name. */
export const keysOfJob = (j: JobState): JobKeys => jobKeys(j.client, j.id, j.provider, j.budgetMint, j.budgetTokenProgram);

/** The parts of the job its state machine works on (math/job.ts). */
export const termsOfJob = (j: JobState): JobTerms =>
  ({ phase: j.phase, budget: j.budget, escrowed: j.escrowed, evaluatorFeeBps: j.evaluatorFeeBps, expiresAt: j.expiresAt });
