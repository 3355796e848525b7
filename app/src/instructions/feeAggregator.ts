/** fee-aggregator instructions: the store and its admin, LayerZero peers and OFTs, vaults, every revenue source, distribution. */
import { BN } from "../anchor.js";
import { PublicKey, SystemProgram, type TransactionInstruction } from "@solana/web3.js";

import { ASSOCIATED_TOKEN_PROGRAM_ID, LZ_ENDPOINT_MOCK_ID, PROGRAM_IDS } from "../constants.js";
import { registerOappAccounts, setDelegateAccounts } from "../lzEndpoint.js";
import { type AgentKeys, agentFactoryPda, eventAuthority, feeAggregatorPda as pda, programData, revenueSharePda } from "../pda.js";
import { programs } from "../programs.js";

const program = () => programs.feeAggregator;
const events = () => ({ eventAuthority: eventAuthority(PROGRAM_IDS.feeAggregator), program: PROGRAM_IDS.feeAggregator });

export interface Split { holdersBps: number; creatorBps: number; protocolBps: number }
export interface SplitBounds { minHoldersBps: number; maxCreatorBps: number; minProtocolBps: number; maxProtocolBps: number }

export interface InitializeStoreArgs {
  endpointProgram: PublicKey;
  /** The OApp's LayerZero delegate (configures it at the endpoint; may differ from the admin). */
  delegate: PublicKey;
  protocolFeeRecipient: PublicKey;
  splitBounds: SplitBounds;
  defaultSplit: Split;
  /** Seconds before a creator's new split applies. */
  splitDelay: number;
}

/**
 * Creates the store (with the executor's account lists) and registers it as an OApp with
 * the endpoint, `args.delegate` as delegate.
 */
export function initializeStore(admin: PublicKey, args: InitializeStoreArgs): Promise<TransactionInstruction> {
  const store = pda.store();
  return program().methods.initializeStore(args).accountsStrict({
    authority: { admin, programData: programData(PROGRAM_IDS.feeAggregator) }, store, lzReceiveTypes: pda.lzReceiveTypes(), lzComposeTypes: pda.lzComposeTypes(),
    systemProgram: SystemProgram.programId, ...events(),
  }).remainingAccounts(registerOappAccounts(args.endpointProgram, admin, store)).instruction();
}

/** Step one of the admin handover (the default key withdraws a proposal). */
export function proposeAdmin(admin: PublicKey, proposed: PublicKey): Promise<TransactionInstruction> {
  return program().methods.proposeAdmin(proposed).accountsStrict({ admin, store: pda.store(), ...events() }).instruction();
}

/** Step two: the proposed admin accepts (e.g. a multisig vault, through its own transaction). */
export function acceptAdmin(newAdmin: PublicKey): Promise<TransactionInstruction> {
  return program().methods.acceptAdmin().accountsStrict({ newAdmin, store: pda.store(), ...events() }).instruction();
}

/** Names the store's LayerZero delegate at the endpoint (admin). */
export function setDelegate(admin: PublicKey, endpoint: PublicKey, delegate: PublicKey): Promise<TransactionInstruction> {
  return program().methods.setDelegate(delegate).accountsStrict({ admin, store: pda.store(), ...events() })
    .remainingAccounts(setDelegateAccounts(endpoint, pda.store())).instruction();
}

/** What `set_peer_config` changes: the trusted remote OApp, or the bounds on its fee reports (shared decimals). */
export type PeerConfig =
  | { peerAddress: Uint8Array }
  | { reportLimits: { maxReportSd: bigint; maxReportedTotalSd: bigint } };

export function setPeerConfig(admin: PublicKey, srcEid: number, config: PeerConfig): Promise<TransactionInstruction> {
  const param = "peerAddress" in config
    ? { peerAddress: { 0: Array.from(config.peerAddress) } }
    : { reportLimits: { maxReportSd: new BN(config.reportLimits.maxReportSd.toString()), maxReportedTotalSd: new BN(config.reportLimits.maxReportedTotalSd.toString()) } };
  return program().methods.setPeerConfig(srcEid, param as never).accountsStrict({
    admin, store: pda.store(), peer: pda.peer(srcEid), systemProgram: SystemProgram.programId, ...events(),
  }).instruction();
}

/** Names the LayerZero OFT (its store PDA) whose composes credit `rewardMint` (admin). */
export function setOft(admin: PublicKey, rewardMint: PublicKey, tokenProgram: PublicKey, oftStore: PublicKey): Promise<TransactionInstruction> {
  return program().methods.setOft(oftStore).accountsStrict({
    admin, store: pda.store(), rewardMint, oft: pda.oft(rewardMint), composerTokenAccount: pda.composerTokens(rewardMint, tokenProgram),
    lzComposeTypes: pda.lzComposeTypes(), tokenProgram, associatedTokenProgram: ASSOCIATED_TOKEN_PROGRAM_ID, systemProgram: SystemProgram.programId,
    ...events(),
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

/** A vault with the token account, mint and token program it stored, as deposits, sweeps and distributions take it. */
function vaultTokens(vault: PublicKey, rewardMint: PublicKey, tokenProgram: PublicKey) {
  return { vault, vaultTokenAccount: pda.vaultTokens(vault), rewardMint, tokenProgram };
}

/** Direct revenue: anyone pays `amount` into an agent's vault. */
export function deposit(depositor: PublicKey, from: PublicKey, agentMint: PublicKey, rewardMint: PublicKey, tokenProgram: PublicKey, amount: bigint) {
  const vault = pda.vault(agentMint, rewardMint);
  return program().methods.deposit(new BN(amount.toString())).accountsStrict({
    depositor, depositorTokenAccount: from, agentVault: vaultTokens(vault, rewardMint, tokenProgram), ...events(),
  }).instruction();
}

/**
 * Called directly this is refused: only agent-commerce's escrow authority may credit a job's
 * pay (it does, inside `approve_job`); built for the tests that try without it.
 */
export function creditCommerce(
  escrowAuthority: PublicKey, escrow: PublicKey, agentMint: PublicKey, rewardMint: PublicKey, tokenProgram: PublicKey, amount: bigint, job: PublicKey,
): Promise<TransactionInstruction> {
  const vault = pda.vault(agentMint, rewardMint);
  return program().methods.creditCommerce(new BN(amount.toString()), job).accountsStrict({
    escrowAuthority, escrow, agentVault: vaultTokens(vault, rewardMint, tokenProgram), ...events(),
  }).instruction();
}

/** Permissionless: moves the pool's agent-revenue fees into the agent's vault. */
export function sweep(keys: AgentKeys): Promise<TransactionInstruction> {
  return program().methods.sweep().accountsStrict({
    agentVault: vaultTokens(keys.feeVault, keys.quoteMint, keys.quoteTokenProgram), agentMint: keys.mint, pool: keys.pool,
    poolQuoteVault: keys.quoteVault,
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
    store: pda.store(), agentVault: vaultTokens(vault, rewardMint, tokenProgram), policy: pda.policy(agentMint),
    agent: agentFactoryPda.agent(agentMint), agentMint, stakePool, stakeRewardVault: revenueSharePda.rewardVault(stakePool, rewardMint),
    revenueShareEventAuthority: eventAuthority(PROGRAM_IDS.revenueShare), revenueShareProgram: PROGRAM_IDS.revenueShare,
    creatorTokenAccount, protocolTokenAccount, ...events(),
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

/** One OFT compose as the executor sees it. */
export interface LzComposeParams {
  from: PublicKey;
  to: PublicKey;
  guid: Uint8Array;
  index: number;
  message: Uint8Array;
  extraData?: Uint8Array;
}

const composeParams = (p: LzComposeParams) => ({
  from: p.from, to: p.to, guid: Array.from(p.guid), index: p.index, message: Buffer.from(p.message), extraData: Buffer.from(p.extraData ?? []),
});

/** Executor step 1 for a fee report: which accounts `lz_receive` needs (return data). */
export function lzReceiveTypes(p: LzReceiveParams): Promise<TransactionInstruction> {
  return program().methods.lzReceiveTypes(lzParams(p)).accountsStrict({ store: pda.store() }).instruction();
}

/**
 * Executor step 1 for a compose: which accounts `lz_compose` needs. `ofts` are the keys
 * the store's `LzComposeTypes` account lists after the store.
 */
export function lzComposeTypes(p: LzComposeParams, ofts: PublicKey[]): Promise<TransactionInstruction> {
  return program().methods.lzComposeTypes(composeParams(p)).accountsStrict({ store: pda.store() })
    .remainingAccounts(ofts.map((pubkey) => ({ pubkey, isSigner: false, isWritable: false }))).instruction();
}

/** One account of a `*_types` answer; a default key marked signer is the executor. */
export interface LzAccount { pubkey: PublicKey; isSigner: boolean; isWritable: boolean }

/** Decodes `lz_*_types` return data (runtimes trim trailing zeros: it is padded here). */
export function decodeLzAccounts(returnData: Uint8Array): LzAccount[] {
  const raw = Buffer.concat([Buffer.from(returnData), Buffer.alloc(64)]);
  const n = raw.readUInt32LE(0);
  return Array.from({ length: n }, (_, k) => {
    const at = 4 + k * 34;
    return { pubkey: new PublicKey(raw.subarray(at, at + 32)), isSigner: raw[at + 32] === 1, isWritable: raw[at + 33] === 1 };
  });
}

/** The executor's instruction from a `*_types` list (the default-key signer is `payer`). */
function withAccounts(ix: TransactionInstruction, payer: PublicKey, accounts: LzAccount[]): TransactionInstruction {
  ix.keys = accounts.map((a) => ({
    pubkey: a.pubkey.equals(PublicKey.default) && a.isSigner ? payer : a.pubkey, isSigner: a.isSigner, isWritable: a.isWritable,
  }));
  return ix;
}

/** Executor step 2: `lz_receive` with the listed accounts. */
export async function lzReceive(payer: PublicKey, accounts: LzAccount[], p: LzReceiveParams): Promise<TransactionInstruction> {
  const ix = await program().methods.lzReceive(lzParams(p)).accountsStrict({
    payer, store: pda.store(), peer: PublicKey.default, target: PublicKey.default, receipt: PublicKey.default,
    systemProgram: SystemProgram.programId, ...events(),
  }).instruction();
  return withAccounts(ix, payer, accounts);
}

/** Executor step 2: `lz_compose` with the listed accounts. */
export async function lzCompose(payer: PublicKey, accounts: LzAccount[], p: LzComposeParams): Promise<TransactionInstruction> {
  const ix = await program().methods.lzCompose(composeParams(p)).accountsStrict({
    store: pda.store(), oft: PublicKey.default, peer: PublicKey.default, vault: PublicKey.default, vaultTokenAccount: PublicKey.default,
    composerTokenAccount: PublicKey.default, rewardMint: PublicKey.default, tokenProgram: PublicKey.default, ...events(),
  }).instruction();
  return withAccounts(ix, payer, accounts);
}

export { LZ_ENDPOINT_MOCK_ID };
