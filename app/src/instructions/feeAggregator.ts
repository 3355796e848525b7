/** fee-aggregator instructions: store and peers, vaults, the three revenue sources, distribution. */
import { BN } from "../anchor.js";
import { type AccountMeta, PublicKey, SystemProgram, type TransactionInstruction } from "@solana/web3.js";

import { LZ_ENDPOINT_MOCK_ID, PROGRAM_IDS } from "../constants.js";
import {
  type AgentKeys, agentFactoryPda, endpointPda, eventAuthority, feeAggregatorPda as pda, programData, revenueSharePda,
} from "../pda.js";
import { programs } from "../programs.js";

const program = () => programs.feeAggregator;
const events = () => ({ eventAuthority: eventAuthority(PROGRAM_IDS.feeAggregator), program: PROGRAM_IDS.feeAggregator });

export interface Split { holdersBps: number; creatorBps: number; protocolBps: number }
export interface SplitBounds { minHoldersBps: number; maxCreatorBps: number; minProtocolBps: number; maxProtocolBps: number }

export interface InitializeStoreArgs {
  endpointProgram: PublicKey;
  protocolFeeRecipient: PublicKey;
  splitBounds: SplitBounds;
  defaultSplit: Split;
}

/**
 * Creates the store and registers it as an OApp with the endpoint. The remaining accounts
 * are the endpoint's registration accounts (OApp registry, event authority, program).
 */
export function initializeStore(admin: PublicKey, args: InitializeStoreArgs): Promise<TransactionInstruction> {
  const endpoint = args.endpointProgram;
  const remaining: AccountMeta[] = [
    { pubkey: endpointPda.oappRegistry(endpoint), isSigner: false, isWritable: true },
    { pubkey: eventAuthority(endpoint), isSigner: false, isWritable: false },
    { pubkey: endpoint, isSigner: false, isWritable: false },
  ];
  return program().methods.initializeStore(args).accountsStrict({
    admin, programData: programData(PROGRAM_IDS.feeAggregator), store: pda.store(), systemProgram: SystemProgram.programId, ...events(),
  }).remainingAccounts(remaining).instruction();
}

/** Trusts `address` (32 bytes; an EVM address left-padded) as the sender for `srcEid`. */
export function setPeer(admin: PublicKey, srcEid: number, address: Uint8Array): Promise<TransactionInstruction> {
  return program().methods.setPeer(srcEid, Array.from(address)).accountsStrict({
    admin, store: pda.store(), peer: pda.peer(srcEid), systemProgram: SystemProgram.programId, ...events(),
  }).instruction();
}

/** A vault for another reward mint of an agent (the launch creates the quote mint's). */
export function createVault(payer: PublicKey, agentMint: PublicKey, rewardMint: PublicKey, tokenProgram: PublicKey) {
  const vault = pda.vault(agentMint, rewardMint);
  return program().methods.createVault().accountsStrict({
    payer, store: pda.store(), agent: agentFactoryPda.agent(agentMint), agentMint, rewardMint, vault,
    vaultTokenAccount: pda.vaultTokens(vault), policy: pda.policy(agentMint), tokenProgram, systemProgram: SystemProgram.programId,
    ...events(),
  }).instruction();
}

/** The token account bridged value of `rewardMint` arrives in before it is credited. */
export function createInbox(payer: PublicKey, rewardMint: PublicKey, tokenProgram: PublicKey): Promise<TransactionInstruction> {
  return program().methods.createInbox().accountsStrict({
    payer, store: pda.store(), rewardMint, inbox: pda.inbox(rewardMint), tokenProgram, systemProgram: SystemProgram.programId,
  }).instruction();
}

/** Direct revenue: anyone pays `amount` into an agent's vault. */
export function deposit(depositor: PublicKey, from: PublicKey, agentMint: PublicKey, rewardMint: PublicKey, tokenProgram: PublicKey, amount: bigint) {
  const vault = pda.vault(agentMint, rewardMint);
  return program().methods.deposit(new BN(amount.toString())).accountsStrict({
    depositor, depositorTokenAccount: from, vault, vaultTokenAccount: pda.vaultTokens(vault), rewardMint, tokenProgram, ...events(),
  }).instruction();
}

/** Permissionless: moves the pool's agent-revenue fees into the agent's vault. */
export function sweep(keys: AgentKeys): Promise<TransactionInstruction> {
  return program().methods.sweep().accountsStrict({
    vault: keys.feeVault, vaultTokenAccount: keys.feeVaultTokens, agentMint: keys.mint, rewardMint: keys.quoteMint, pool: keys.pool,
    poolQuoteVault: keys.quoteVault, tokenProgram: keys.quoteTokenProgram,
    bondingCurveEventAuthority: eventAuthority(PROGRAM_IDS.bondingCurve), bondingCurveProgram: PROGRAM_IDS.bondingCurve, ...events(),
  }).instruction();
}

export function setSplit(creator: PublicKey, agentMint: PublicKey, split: Split): Promise<TransactionInstruction> {
  return program().methods.setSplit(split).accountsStrict({
    creator, store: pda.store(), agent: agentFactoryPda.agent(agentMint), agentMint, policy: pda.policy(agentMint), ...events(),
  }).instruction();
}

/**
 * Permissionless: splits the vault's undistributed revenue between holders (notified to
 * the stake pool), the creator and the protocol (their token accounts of `rewardMint`).
 */
export function distribute(
  agentMint: PublicKey, rewardMint: PublicKey, tokenProgram: PublicKey, creatorTokenAccount: PublicKey, protocolTokenAccount: PublicKey,
): Promise<TransactionInstruction> {
  const vault = pda.vault(agentMint, rewardMint);
  const stakePool = revenueSharePda.stakePool(agentMint);
  return program().methods.distribute().accountsStrict({
    store: pda.store(), vault, policy: pda.policy(agentMint), agent: agentFactoryPda.agent(agentMint), agentMint, rewardMint,
    vaultTokenAccount: pda.vaultTokens(vault), stakePool, stakeRewardVault: revenueSharePda.rewardVault(stakePool, rewardMint),
    revenueShareEventAuthority: eventAuthority(PROGRAM_IDS.revenueShare), revenueShareProgram: PROGRAM_IDS.revenueShare,
    creatorTokenAccount, protocolTokenAccount, tokenProgram, ...events(),
  }).instruction();
}

/** One LayerZero packet as the executor sees it. */
export interface LzReceiveParams {
  srcEid: number;
  sender: Uint8Array;
  nonce: bigint;
  guid: Uint8Array;
  message: Uint8Array;
  extraData?: Uint8Array;
}

const lzParams = (p: LzReceiveParams) => ({
  srcEid: p.srcEid, sender: Array.from(p.sender), nonce: new BN(p.nonce.toString()), guid: Array.from(p.guid),
  message: Buffer.from(p.message), extraData: Buffer.from(p.extraData ?? []),
});

/** Executor step 1: asks the OApp which accounts `lz_receive` needs (return data). */
export function lzReceiveTypes(p: LzReceiveParams): Promise<TransactionInstruction> {
  return program().methods.lzReceiveTypes(lzParams(p)).accountsStrict({ store: pda.store() }).instruction();
}

/** One account of `lz_receive_types`' answer; a default key marked signer is the executor. */
export interface LzAccount { pubkey: PublicKey; isSigner: boolean; isWritable: boolean }

/** Decodes `lz_receive_types` return data (runtimes trim trailing zeros: it is padded here). */
export function decodeLzAccounts(returnData: Uint8Array): LzAccount[] {
  const raw = Buffer.concat([Buffer.from(returnData), Buffer.alloc(64)]);
  const n = raw.readUInt32LE(0);
  return Array.from({ length: n }, (_, k) => {
    const at = 4 + k * 34;
    return { pubkey: new PublicKey(raw.subarray(at, at + 32)), isSigner: raw[at + 32] === 1, isWritable: raw[at + 33] === 1 };
  });
}

/** Executor step 2: `lz_receive` with the listed accounts (the default-key signer is `payer`). */
export async function lzReceive(payer: PublicKey, accounts: LzAccount[], p: LzReceiveParams): Promise<TransactionInstruction> {
  const ix = await program().methods.lzReceive(lzParams(p)).accountsStrict({
    payer, store: pda.store(), peer: PublicKey.default, vault: PublicKey.default, vaultTokenAccount: PublicKey.default,
    inbox: PublicKey.default, rewardMint: PublicKey.default, receipt: PublicKey.default, tokenProgram: PublicKey.default,
    systemProgram: SystemProgram.programId, ...events(),
  }).instruction();
  ix.keys = accounts.map((a) => ({
    pubkey: a.pubkey.equals(PublicKey.default) && a.isSigner ? payer : a.pubkey, isSigner: a.isSigner, isWritable: a.isWritable,
  }));
  return ix;
}

export { LZ_ENDPOINT_MOCK_ID };
