/** agent-factory instructions: the one-transaction launch, creator handover, creator fees. */
import { BN } from "../anchor.js";
import { PublicKey, SystemProgram, type TransactionInstruction } from "@solana/web3.js";

import { ASSOCIATED_TOKEN_PROGRAM_ID, PROGRAM_IDS, TOKEN_2022_PROGRAM_ID } from "../constants.js";
import {
  type AgentKeys, agentFactoryPda, agentTokenAccount, ata, bondingCurvePda, eventAuthority, feeAggregatorPda, revenueSharePda,
} from "../pda.js";
import { programs } from "../programs.js";

const program = () => programs.agentFactory;
const events = () => ({ eventAuthority: eventAuthority(PROGRAM_IDS.agentFactory), program: PROGRAM_IDS.agentFactory });

export interface LaunchArgs {
  creator: PublicKey;
  /** The new mint's address (a fresh keypair that signs the launch; vanity addresses work). */
  keys: AgentKeys;
  presetId: number;
  name: string;
  symbol: string;
  uri: string;
  /** Quote (fee included) the creator spends on a first buy in the same instruction. */
  firstBuy?: bigint;
  /** The stake pool's unstake cooldown in seconds (default: revenue-share's 2 days). */
  unstakeCooldown?: number;
}

export function launchAgent(a: LaunchArgs): Promise<TransactionInstruction> {
  const k = a.keys;
  const firstBuy = a.firstBuy !== undefined;
  return program().methods.launchAgent(
    a.name, a.symbol, a.uri, a.presetId, firstBuy ? new BN(a.firstBuy!.toString()) : null, a.unstakeCooldown ?? null,
  ).accountsStrict({
    creator: a.creator, mint: k.mint, agent: k.agent, launcher: agentFactoryPda.launcher(), preset: bondingCurvePda.preset(a.presetId),
    pool: k.pool, baseVault: k.baseVault, quoteVault: k.quoteVault, quoteMint: k.quoteMint,
    creatorQuoteAccount: firstBuy ? ata(a.creator, k.quoteMint, k.quoteTokenProgram) : null,
    creatorBaseAccount: firstBuy ? agentTokenAccount(a.creator, k.mint) : null,
    bondingCurveEventAuthority: eventAuthority(PROGRAM_IDS.bondingCurve), bondingCurveProgram: PROGRAM_IDS.bondingCurve,
    revenue: agentRevenue(k.mint, k.quoteMint),
    token2022Program: TOKEN_2022_PROGRAM_ID, quoteTokenProgram: k.quoteTokenProgram,
    associatedTokenProgram: ASSOCIATED_TOKEN_PROGRAM_ID, systemProgram: SystemProgram.programId, ...events(),
  }).instruction();
}

/** An agent's fee vault and stake pool (paying out in `rewardMint`), as a launch and a bridged agent's registration create them. */
function agentRevenue(mint: PublicKey, rewardMint: PublicKey) {
  const feeVault = feeAggregatorPda.vault(mint, rewardMint);
  const stakePool = revenueSharePda.stakePool(mint);
  return {
    feeStore: feeAggregatorPda.store(), feeVault, feeVaultTokenAccount: feeAggregatorPda.vaultTokens(feeVault),
    revenuePolicy: feeAggregatorPda.policy(mint),
    feeAggregatorEventAuthority: eventAuthority(PROGRAM_IDS.feeAggregator), feeAggregatorProgram: PROGRAM_IDS.feeAggregator,
    stakePool, stakeVault: revenueSharePda.stakeVault(stakePool), stakeRewardVault: revenueSharePda.rewardVault(stakePool, rewardMint),
    revenueShareEventAuthority: eventAuthority(PROGRAM_IDS.revenueShare), revenueShareProgram: PROGRAM_IDS.revenueShare,
  };
}

export interface RegisterBridgedArgs {
  /** The creator the link from the origin chain names; signs and pays. */
  creator: PublicKey;
  /** The agent token's OFT mint on Solana (Token-2022, mint authority its OFT store). */
  mint: PublicKey;
  presetId: number;
  /** The agent's first reward mint, and its token program. */
  rewardMint: PublicKey;
  rewardTokenProgram: PublicKey;
  unstakeCooldown?: number;
}

/** The accounts every bridged registration creates or checks, however it is granted. */
function newBridgedAgent(a: Omit<RegisterBridgedArgs, "creator">) {
  return {
    mint: a.mint, agent: agentFactoryPda.agent(a.mint), launcher: agentFactoryPda.launcher(), preset: bondingCurvePda.preset(a.presetId),
    rewardMint: a.rewardMint, revenue: agentRevenue(a.mint, a.rewardMint), token2022Program: TOKEN_2022_PROGRAM_ID,
    rewardTokenProgram: a.rewardTokenProgram, systemProgram: SystemProgram.programId,
  };
}

/** Registers an agent token from another chain as an agent, through its link. */
export function registerBridgedAgent(a: RegisterBridgedArgs): Promise<TransactionInstruction> {
  return program().methods.registerBridgedAgent(a.presetId, a.unstakeCooldown ?? null).accountsStrict({
    creator: a.creator, link: feeAggregatorPda.agentLink(a.mint), bridged: newBridgedAgent(a), ...events(),
  }).instruction();
}

/** Where a bridged agent the protocol admin registers comes from (creator, OFT store, origin chain and token). */
export interface BridgedOrigin { creator: PublicKey; oftStore: PublicKey; originEid: number; originToken: Uint8Array }

/** The protocol admin's power: register a bridged agent without a link from its origin chain. */
export function adminRegisterBridgedAgent(admin: PublicKey, a: Omit<RegisterBridgedArgs, "creator">, o: BridgedOrigin): Promise<TransactionInstruction> {
  const origin = { creator: o.creator, oftStore: o.oftStore, originEid: o.originEid, originToken: Array.from(o.originToken) };
  return program().methods.adminRegisterBridgedAgent(a.presetId, a.unstakeCooldown ?? null, origin).accountsStrict({
    admin, config: bondingCurvePda.config(), bridged: newBridgedAgent(a), ...events(),
  }).instruction();
}

/** A bridged agent's constant-product pool, seeded from the creator's token accounts and locked forever. */
export function openBridgedPool(creator: PublicKey, k: AgentKeys, presetId: number, baseAmount: bigint, quoteAmount: bigint): Promise<TransactionInstruction> {
  return program().methods.openBridgedPool(new BN(baseAmount.toString()), new BN(quoteAmount.toString())).accountsStrict({
    creator, agent: k.agent, launcher: agentFactoryPda.launcher(), preset: bondingCurvePda.preset(presetId), mint: k.mint,
    quoteMint: k.quoteMint, pool: k.pool, baseVault: k.baseVault, quoteVault: k.quoteVault,
    creatorBaseAccount: agentTokenAccount(creator, k.mint), creatorQuoteAccount: ata(creator, k.quoteMint, k.quoteTokenProgram),
    bondingCurveEventAuthority: eventAuthority(PROGRAM_IDS.bondingCurve), bondingCurveProgram: PROGRAM_IDS.bondingCurve,
    token2022Program: TOKEN_2022_PROGRAM_ID, quoteTokenProgram: k.quoteTokenProgram, systemProgram: SystemProgram.programId, ...events(),
  }).instruction();
}

/**
 * The accounts every launch on `presetId` shares: keep them in one address lookup table so
 * a launch with maximal metadata and a first buy fits in one transaction.
 */
export function launchLookupAddresses(presetId: number, quoteMint: PublicKey, quoteTokenProgram: PublicKey): PublicKey[] {
  return [
    agentFactoryPda.launcher(), bondingCurvePda.preset(presetId), quoteMint, quoteTokenProgram, TOKEN_2022_PROGRAM_ID,
    ASSOCIATED_TOKEN_PROGRAM_ID, SystemProgram.programId, PROGRAM_IDS.bondingCurve, eventAuthority(PROGRAM_IDS.bondingCurve),
    PROGRAM_IDS.feeAggregator, eventAuthority(PROGRAM_IDS.feeAggregator), feeAggregatorPda.store(), PROGRAM_IDS.revenueShare,
    eventAuthority(PROGRAM_IDS.revenueShare), eventAuthority(PROGRAM_IDS.agentFactory),
  ];
}

export function proposeCreator(creator: PublicKey, agent: PublicKey, newCreator: PublicKey): Promise<TransactionInstruction> {
  return program().methods.proposeCreator(newCreator).accountsStrict({ creator, agent, ...events() }).instruction();
}

export function acceptCreator(newCreator: PublicKey, agent: PublicKey): Promise<TransactionInstruction> {
  return program().methods.acceptCreator().accountsStrict({ newCreator, agent, ...events() }).instruction();
}

/** The agent's creator takes the pool's creator fees (the agent PDA signs for it). */
export function claimCreatorFees(creator: PublicKey, keys: AgentKeys, destination: PublicKey): Promise<TransactionInstruction> {
  return program().methods.claimCreatorFees().accountsStrict({
    creator, agent: keys.agent, pool: keys.pool, quoteVault: keys.quoteVault, quoteMint: keys.quoteMint, destination,
    quoteTokenProgram: keys.quoteTokenProgram, bondingCurveEventAuthority: eventAuthority(PROGRAM_IDS.bondingCurve),
    bondingCurveProgram: PROGRAM_IDS.bondingCurve,
  }).instruction();
}
