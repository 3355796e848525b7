/** Addresses of every agentpad account, derived exactly as the programs derive them. */
import { keccak_256 } from "@noble/hashes/sha3";
import { PublicKey } from "@solana/web3.js";
import {
  ASSOCIATED_TOKEN_PROGRAM_ID, BPF_LOADER_UPGRADEABLE_ID, LZ_ENDPOINT_MOCK_ID, PROGRAM_IDS, SEEDS, TOKEN_2022_PROGRAM_ID,
} from "./constants.js";

const utf8 = (s: string) => Buffer.from(s, "utf8");
const u16le = (v: number) => { const b = Buffer.alloc(2); b.writeUInt16LE(v); return b; };
const u32be = (v: number) => { const b = Buffer.alloc(4); b.writeUInt32BE(v); return b; };
const u64be = (v: bigint) => { const b = Buffer.alloc(8); b.writeBigUInt64BE(v); return b; };
const u64le = (v: bigint) => { const b = Buffer.alloc(8); b.writeBigUInt64LE(v); return b; };
const find = (seeds: Buffer[], program: PublicKey) => PublicKey.findProgramAddressSync(seeds, program)[0];

export function ata(owner: PublicKey, mint: PublicKey, tokenProgram: PublicKey): PublicKey {
  return find([owner.toBuffer(), tokenProgram.toBuffer(), mint.toBuffer()], ASSOCIATED_TOKEN_PROGRAM_ID);
}

export function eventAuthority(program: PublicKey): PublicKey {
  return find([utf8(SEEDS.eventAuthority)], program);
}

export function programData(program: PublicKey): PublicKey {
  return find([program.toBuffer()], BPF_LOADER_UPGRADEABLE_ID);
}

const BC = PROGRAM_IDS.bondingCurve;
const AF = PROGRAM_IDS.agentFactory;
const FA = PROGRAM_IDS.feeAggregator;
const RS = PROGRAM_IDS.revenueShare;
const AC = PROGRAM_IDS.agentCommerce;

export const bondingCurvePda = {
  config: () => find([utf8(SEEDS.bondingCurve.config)], BC),
  preset: (id: number) => find([utf8(SEEDS.bondingCurve.preset), u16le(id)], BC),
  pool: (baseMint: PublicKey) => find([utf8(SEEDS.bondingCurve.pool), baseMint.toBuffer()], BC),
  baseVault: (pool: PublicKey) => find([utf8(SEEDS.bondingCurve.baseVault), pool.toBuffer()], BC),
  quoteVault: (pool: PublicKey) => find([utf8(SEEDS.bondingCurve.quoteVault), pool.toBuffer()], BC),
};

export const agentFactoryPda = {
  agent: (mint: PublicKey) => find([utf8(SEEDS.agentFactory.agent), mint.toBuffer()], AF),
  launcher: () => find([utf8(SEEDS.agentFactory.launcher)], AF),
};

export const feeAggregatorPda = {
  store: () => find([utf8(SEEDS.feeAggregator.store)], FA),
  peer: (srcEid: number) => find([utf8(SEEDS.feeAggregator.peer), feeAggregatorPda.store().toBuffer(), u32be(srcEid)], FA),
  vault: (agentMint: PublicKey, rewardMint: PublicKey) =>
    find([utf8(SEEDS.feeAggregator.vault), agentMint.toBuffer(), rewardMint.toBuffer()], FA),
  vaultTokens: (vault: PublicKey) => find([utf8(SEEDS.feeAggregator.vaultTokens), vault.toBuffer()], FA),
  oft: (rewardMint: PublicKey) => find([utf8(SEEDS.feeAggregator.oft), rewardMint.toBuffer()], FA),
  /** A remote agent token's link to its Solana mint (written from a peer's message). */
  agentLink: (agentMint: PublicKey) => find([utf8(SEEDS.feeAggregator.agentLink), agentMint.toBuffer()], FA),
  /** The store's token account an OFT delivers `rewardMint` to. */
  composerTokens: (rewardMint: PublicKey, tokenProgram: PublicKey) => ata(feeAggregatorPda.store(), rewardMint, tokenProgram),
  lzReceiveTypes: () => find([utf8(SEEDS.feeAggregator.lzReceiveTypes), feeAggregatorPda.store().toBuffer()], FA),
  lzComposeTypes: () => find([utf8(SEEDS.feeAggregator.lzComposeTypes), feeAggregatorPda.store().toBuffer()], FA),
  receipt: (srcEid: number, reportId: bigint) => find([utf8(SEEDS.feeAggregator.receipt), u32be(srcEid), u64be(reportId)], FA),
  policy: (agentMint: PublicKey) => find([utf8(SEEDS.feeAggregator.policy), agentMint.toBuffer()], FA),
};

export const revenueSharePda = {
  stakePool: (agentMint: PublicKey) => find([utf8(SEEDS.revenueShare.stakePool), agentMint.toBuffer()], RS),
  stakeVault: (stakePool: PublicKey) => find([utf8(SEEDS.revenueShare.stakeVault), stakePool.toBuffer()], RS),
  rewardVault: (stakePool: PublicKey, rewardMint: PublicKey) =>
    find([utf8(SEEDS.revenueShare.rewardVault), stakePool.toBuffer(), rewardMint.toBuffer()], RS),
  position: (stakePool: PublicKey, owner: PublicKey) =>
    find([utf8(SEEDS.revenueShare.position), stakePool.toBuffer(), owner.toBuffer()], RS),
};

export const agentCommercePda = {
  /** The key that acts for an agent in jobs (named by its creator). */
  operator: (agentMint: PublicKey) => find([utf8(SEEDS.agentCommerce.operator), agentMint.toBuffer()], AC),
  /** A client's job number `id`. */
  job: (client: PublicKey, id: bigint) => find([utf8(SEEDS.agentCommerce.job), client.toBuffer(), u64le(id)], AC),
  /** The job's token account holding its budget. */
  escrow: (job: PublicKey) => find([utf8(SEEDS.agentCommerce.escrow), job.toBuffer()], AC),
  /** Signer-only: owns every escrow, and alone may credit commerce revenue in fee-aggregator. */
  escrowAuthority: () => find([utf8(SEEDS.agentCommerce.escrowAuthority)], AC),
};

/**
 * LayerZero endpoint accounts (`endpoint` = its program id; the receiver defaults to the
 * fee aggregator's store).
 */
export const endpointPda = {
  settings: (endpoint = LZ_ENDPOINT_MOCK_ID) => find([utf8(SEEDS.endpoint.endpoint)], endpoint),
  oappRegistry: (endpoint = LZ_ENDPOINT_MOCK_ID, oapp = feeAggregatorPda.store()) => find([utf8(SEEDS.endpoint.oapp), oapp.toBuffer()], endpoint),
  nonce: (srcEid: number, sender: Uint8Array, endpoint = LZ_ENDPOINT_MOCK_ID, receiver = feeAggregatorPda.store()) =>
    find([utf8(SEEDS.endpoint.nonce), receiver.toBuffer(), u32be(srcEid), Buffer.from(sender)], endpoint),
  payloadHash: (srcEid: number, sender: Uint8Array, nonce: bigint, endpoint = LZ_ENDPOINT_MOCK_ID, receiver = feeAggregatorPda.store()) =>
    find([utf8(SEEDS.endpoint.payloadHash), receiver.toBuffer(), u32be(srcEid), Buffer.from(sender), u64be(nonce)], endpoint),
  /** `["ComposedMessageHash", from, to, guid, index BE, keccak256(message)]`. */
  composedMessage: (from: PublicKey, to: PublicKey, guid: Uint8Array, index: number, message: Uint8Array, endpoint = LZ_ENDPOINT_MOCK_ID) => {
    const i = Buffer.alloc(2);
    i.writeUInt16BE(index);
    const hash = Buffer.from(keccak_256(Buffer.from(message)));
    return find([utf8(SEEDS.endpoint.composedMessage), from.toBuffer(), to.toBuffer(), Buffer.from(guid), i, hash], endpoint);
  },
};

/** Every address one agent's market touches, from its mint and quote token. */
export interface AgentKeys {
  mint: PublicKey;
  agent: PublicKey;
  pool: PublicKey;
  baseVault: PublicKey;
  quoteVault: PublicKey;
  quoteMint: PublicKey;
  quoteTokenProgram: PublicKey;
  feeVault: PublicKey;
  feeVaultTokens: PublicKey;
  policy: PublicKey;
  stakePool: PublicKey;
  stakeVault: PublicKey;
}

export function agentKeys(mint: PublicKey, quoteMint: PublicKey, quoteTokenProgram: PublicKey): AgentKeys {
  const pool = bondingCurvePda.pool(mint);
  const feeVault = feeAggregatorPda.vault(mint, quoteMint);
  const stakePool = revenueSharePda.stakePool(mint);
  return {
    mint,
    agent: agentFactoryPda.agent(mint),
    pool,
    baseVault: bondingCurvePda.baseVault(pool),
    quoteVault: bondingCurvePda.quoteVault(pool),
    quoteMint,
    quoteTokenProgram,
    feeVault,
    feeVaultTokens: feeAggregatorPda.vaultTokens(feeVault),
    policy: feeAggregatorPda.policy(mint),
    stakePool,
    stakeVault: revenueSharePda.stakeVault(stakePool),
  };
}

/** Every address one job touches, from its client, id, provider agent and budget mint. */
export interface JobKeys {
  job: PublicKey;
  client: PublicKey;
  id: bigint;
  /** The provider agent's mint. */
  provider: PublicKey;
  budgetMint: PublicKey;
  tokenProgram: PublicKey;
  escrow: PublicKey;
  /** The provider's fee vault for the budget mint (where approved pay goes), and its token account. */
  providerVault: PublicKey;
  providerVaultTokens: PublicKey;
}

export function jobKeys(client: PublicKey, id: bigint, provider: PublicKey, budgetMint: PublicKey, tokenProgram: PublicKey): JobKeys {
  const job = agentCommercePda.job(client, id);
  const providerVault = feeAggregatorPda.vault(provider, budgetMint);
  return {
    job, client, id, provider, budgetMint, tokenProgram, escrow: agentCommercePda.escrow(job), providerVault,
    providerVaultTokens: feeAggregatorPda.vaultTokens(providerVault),
  };
}

/** The user's agent-token account (Token-2022 ATA). */
export const agentTokenAccount = (owner: PublicKey, mint: PublicKey) => ata(owner, mint, TOKEN_2022_PROGRAM_ID);
