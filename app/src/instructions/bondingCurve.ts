/** bonding-curve instructions: admin, pools, trades, fee claims. */
import { BN } from "../anchor.js";
import { PublicKey, SystemProgram, type TransactionInstruction } from "@solana/web3.js";

import { PROGRAM_IDS, TOKEN_2022_PROGRAM_ID } from "../constants.js";
import { type AgentKeys, bondingCurvePda as pda, eventAuthority, programData } from "../pda.js";
import { programs } from "../programs.js";
import type { SegmentSpec } from "../math/segment.js";

const program = () => programs.bondingCurve;
const events = () => ({ eventAuthority: eventAuthority(PROGRAM_IDS.bondingCurve), program: PROGRAM_IDS.bondingCurve });

/** A preset's economics (see programs/bonding-curve/src/state/preset.rs). */
export interface PoolParams {
  virtualQuoteReserve: bigint;
  virtualBaseReserve: bigint;
  curveSupply: bigint;
  graduatedSupply: bigint;
  graduationThreshold: bigint;
  feeDecaySeconds: number;
  baseFeeBps: number;
  startFeeBps: number;
  protocolFeeShareBps: number;
  creatorFeeShareBps: number;
  agentFeeShareBps: number;
  /** The curve's shape (agentpad_math::pool::CurveKind): 0, the constant-product curve, if omitted. */
  curveKind?: number;
}

export type { SegmentSpec } from "../math/segment.js";

/** What a preset's agents' stakers are held to: cooldown choices and the reward drip (seconds). */
export interface StakingParams {
  minUnstakeCooldown: number;
  defaultUnstakeCooldown: number;
  rewardWindow: number;
}

const bn = (v: bigint) => new BN(v.toString());

export function initializeConfig(admin: PublicKey, protocolFeeRecipient: PublicKey): Promise<TransactionInstruction> {
  return program().methods.initializeConfig(protocolFeeRecipient).accountsStrict({
    authority: { admin, programData: programData(PROGRAM_IDS.bondingCurve) }, config: pda.config(), systemProgram: SystemProgram.programId, ...events(),
  }).instruction();
}

/** Step one of the admin handover (the default key withdraws a proposal). */
export function proposeAdmin(admin: PublicKey, proposed: PublicKey): Promise<TransactionInstruction> {
  return program().methods.proposeAdmin(proposed).accountsStrict({ admin, config: pda.config(), ...events() }).instruction();
}

/** Step two: the proposed admin accepts. */
export function acceptAdmin(newAdmin: PublicKey): Promise<TransactionInstruction> {
  return program().methods.acceptAdmin().accountsStrict({ newAdmin, config: pda.config(), ...events() }).instruction();
}

export function setProtocolFeeRecipient(admin: PublicKey, newRecipient: PublicKey): Promise<TransactionInstruction> {
  return program().methods.setProtocolFeeRecipient(newRecipient).accountsStrict({ admin, config: pda.config(), ...events() }).instruction();
}

/** A preset; `segments` are the curve's segments after the first (none: a one-segment curve). */
export function createPreset(
  admin: PublicKey, presetId: number, quoteMint: PublicKey, p: PoolParams, staking: StakingParams, segments: SegmentSpec[] = [],
): Promise<TransactionInstruction> {
  const params = {
    virtualQuoteReserve: bn(p.virtualQuoteReserve), virtualBaseReserve: bn(p.virtualBaseReserve), curveSupply: bn(p.curveSupply),
    graduatedSupply: bn(p.graduatedSupply), graduationThreshold: bn(p.graduationThreshold), feeDecaySeconds: p.feeDecaySeconds,
    baseFeeBps: p.baseFeeBps, startFeeBps: p.startFeeBps, protocolFeeShareBps: p.protocolFeeShareBps,
    creatorFeeShareBps: p.creatorFeeShareBps, agentFeeShareBps: p.agentFeeShareBps, curveKind: p.curveKind ?? 0, extraSegments: segments.length,
  };
  const specs = segments.map((s) => ({ baseStart: bn(s.baseStart), virtualQuoteReserve: bn(s.virtualQuoteReserve), virtualBaseReserve: bn(s.virtualBaseReserve) }));
  return program().methods.createPreset(presetId, params, staking, specs).accountsStrict({
    admin, config: pda.config(), preset: pda.preset(presetId), quoteMint, systemProgram: SystemProgram.programId, ...events(),
  }).instruction();
}

/** Called directly this is refused: only agent-factory's launcher PDA may create pools. */
export function createPool(payer: PublicKey, launcher: PublicKey, presetId: number, keys: AgentKeys, creatorFeeAuthority: PublicKey) {
  return program().methods.createPool(creatorFeeAuthority).accountsStrict({
    newPool: {
      payer, launcher, preset: pda.preset(presetId), baseMint: keys.mint, quoteMint: keys.quoteMint, pool: keys.pool,
      baseVault: keys.baseVault, quoteVault: keys.quoteVault, baseTokenProgram: TOKEN_2022_PROGRAM_ID,
      quoteTokenProgram: keys.quoteTokenProgram, systemProgram: SystemProgram.programId,
    },
    ...events(),
  }).instruction();
}

export function graduate(pool: PublicKey): Promise<TransactionInstruction> {
  return program().methods.graduate().accountsStrict({ pool, ...events() }).instruction();
}

/** The accounts of a trade: `user` trades from/to the given token accounts. */
export interface SwapAccounts {
  user: PublicKey;
  keys: AgentKeys;
  userBaseAccount: PublicKey;
  userQuoteAccount: PublicKey;
}

/** The pool with its quote side (vault, mint, token program), as trades and fee claims take it. */
function poolQuote(keys: AgentKeys) {
  return { pool: keys.pool, quoteVault: keys.quoteVault, quoteMint: keys.quoteMint, quoteTokenProgram: keys.quoteTokenProgram };
}

function swapAccounts(a: SwapAccounts) {
  return {
    user: a.user, poolQuote: poolQuote(a.keys), baseVault: a.keys.baseVault, userBaseAccount: a.userBaseAccount,
    userQuoteAccount: a.userQuoteAccount, baseMint: a.keys.mint, baseTokenProgram: TOKEN_2022_PROGRAM_ID, ...events(),
  };
}

export function buyExactIn(a: SwapAccounts, quoteIn: bigint, minBaseOut: bigint): Promise<TransactionInstruction> {
  return program().methods.buyExactIn(bn(quoteIn), bn(minBaseOut)).accountsStrict(swapAccounts(a)).instruction();
}

export function buyExactOut(a: SwapAccounts, baseOut: bigint, maxQuoteIn: bigint): Promise<TransactionInstruction> {
  return program().methods.buyExactOut(bn(baseOut), bn(maxQuoteIn)).accountsStrict(swapAccounts(a)).instruction();
}

export function sellExactIn(a: SwapAccounts, baseIn: bigint, minQuoteOut: bigint): Promise<TransactionInstruction> {
  return program().methods.sellExactIn(bn(baseIn), bn(minQuoteOut)).accountsStrict(swapAccounts(a)).instruction();
}

/** Permissionless: pays the pool's protocol fees to the config's recipient (its token account). */
export function claimProtocolFees(keys: AgentKeys, recipientTokenAccount: PublicKey): Promise<TransactionInstruction> {
  return program().methods.claimProtocolFees().accountsStrict({
    config: pda.config(), poolQuote: poolQuote(keys), recipientTokenAccount, ...events(),
  }).instruction();
}

/** Signed by the pool's creator-fee authority (the agent PDA: use agent-factory's claim). */
export function claimCreatorFeesDirect(authority: PublicKey, keys: AgentKeys, destination: PublicKey) {
  return program().methods.claimCreatorFees().accountsStrict({
    creatorFeeAuthority: authority, poolQuote: poolQuote(keys), destination, ...events(),
  }).instruction();
}

/** Signed by the agent's fee-aggregator vault PDA (fee-aggregator's `sweep` does this). */
export function claimAgentFeesDirect(agentVault: PublicKey, keys: AgentKeys, destination: PublicKey) {
  return program().methods.claimAgentFees().accountsStrict({
    agentVault, poolQuote: poolQuote(keys), baseMint: keys.mint, destination, ...events(),
  }).instruction();
}
