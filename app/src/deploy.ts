/**
 * Brings a cluster to a launchable state, idempotently: the bonding-curve config, a preset,
 * the fee aggregator's store (registered with the LayerZero endpoint), its bridge peers and
 * OFTs when asked for, and the lookup table launches compile against. Each step is skipped when
 * its account exists, and an existing account that disagrees with what was asked is
 * reported, never overwritten. Used by migrations/deploy.ts and the tests.
 */
import type { PublicKey } from "@solana/web3.js";

import { fetchConfig, fetchOftConfig, fetchPeer, fetchPreset, fetchStore } from "./accounts.js";
import { type AgentpadClient, peerBytes } from "./client.js";
import { LZ_ENDPOINT_MOCK_ID, NATIVE_MINT } from "./constants.js";
import { clientError } from "./errors.js";
import type { PoolParams, StakingParams } from "./instructions/bondingCurve.js";
import type { Split, SplitBounds } from "./instructions/feeAggregator.js";
import { endpointInitialize } from "./lzEndpointMock.js";
import { endpointPda } from "./pda.js";
import {
  DEFAULT_SPLIT, DEFAULT_SPLIT_BOUNDS, DEFAULT_SPLIT_DELAY, LOCALNET_PRESET, LOCALNET_SPLIT_DELAY, LOCALNET_STAKING, STANDARD_PRESET, STANDARD_STAKING,
} from "./presets.js";

export interface DeployOptions {
  protocolFeeRecipient?: PublicKey;
  presetId?: number;
  quoteMint?: PublicKey;
  preset?: PoolParams;
  staking?: StakingParams;
  /** LayerZero endpoint program: EndpointV2 on devnet/mainnet, the mock on localnet. */
  endpoint?: PublicKey;
  splitBounds?: SplitBounds;
  defaultSplit?: Split;
  /** Seconds before a creator's new split applies (default: 3 days). */
  splitDelay?: number;
  /** The store's LayerZero delegate (default: the admin). */
  delegate?: PublicKey;
  /** Trusted senders on other chains (e.g. AgentRevenueRouter on Base) and their report limits. */
  peers?: PeerSetup[];
  /** Bridged mints and the OFT (its store) that delivers each. */
  ofts?: { mint: PublicKey; oftStore: PublicKey }[];
  /** A lookup table from an earlier run, reused when it still holds the launch accounts. */
  lookupTable?: PublicKey;
  log?: (line: string) => void;
}

export interface PeerSetup {
  eid: number;
  /** 20-byte EVM or 32-byte address. */
  address: Uint8Array;
  limits: { maxReportSd: bigint; maxReportedTotalSd: bigint };
}

export interface Deployment {
  presetId: number;
  quoteMint: PublicKey;
  lookupTable: PublicKey;
  endpoint: PublicKey;
  /** Steps that sent a transaction this run (empty when everything was in place). */
  performed: string[];
}

/**
 * The localnet deployment's terms (a validator's clock cannot be moved): the localnet preset,
 * staking terms and split delay. migrations/deploy.ts, the tests' harness and the load
 * benchmark deploy with these on a local validator.
 */
export const LOCALNET_DEPLOYMENT = { preset: LOCALNET_PRESET, staking: LOCALNET_STAKING, splitDelay: LOCALNET_SPLIT_DELAY } as const satisfies DeployOptions;

export async function deployProtocol(admin: AgentpadClient, o: DeployOptions = {}): Promise<Deployment> {
  const log = o.log ?? (() => {});
  const b = admin.backend;
  const presetId = o.presetId ?? 0;
  const quoteMint = o.quoteMint ?? NATIVE_MINT;
  const endpoint = o.endpoint ?? LZ_ENDPOINT_MOCK_ID;
  const recipient = o.protocolFeeRecipient ?? admin.address;
  const performed: string[] = [];
  const step = async (name: string, done: boolean, run: () => Promise<unknown>) => {
    if (done) return log(`  ${name}: in place`);
    await run();
    performed.push(name);
    log(`  ${name}: done`);
  };

  const config = await fetchConfig(b);
  if (config && !config.admin.equals(admin.address)) {
    throw clientError("NotAdmin", `bonding-curve config exists with admin ${config.admin.toBase58()}, not ${admin.address.toBase58()}`);
  }
  await step("bonding-curve config", !!config, () => admin.initializeConfig(recipient));

  const preset = await fetchPreset(b, presetId);
  if (preset && !preset.quoteMint.equals(quoteMint)) {
    throw clientError("PresetMismatch", `preset ${presetId} exists for quote mint ${preset.quoteMint.toBase58()}`);
  }
  await step(`preset ${presetId}`, !!preset, () => admin.createPreset(presetId, quoteMint, o.preset ?? STANDARD_PRESET, o.staking ?? STANDARD_STAKING));

  if (endpoint.equals(LZ_ENDPOINT_MOCK_ID)) {
    const settings = await b.getAccountInfo(endpointPda.settings());
    await step("localnet LayerZero endpoint (mock)", !!settings, () => admin.send([endpointInitialize(admin.address)]));
  }

  const store = await fetchStore(b);
  if (store && !store.endpointProgram.equals(endpoint)) {
    throw clientError("EndpointMismatch", `the store is registered with endpoint ${store.endpointProgram.toBase58()}`);
  }
  await step("fee-aggregator store (OApp)", !!store, () => admin.initializeStore({
    endpointProgram: endpoint, delegate: o.delegate ?? admin.address, protocolFeeRecipient: recipient,
    splitBounds: o.splitBounds ?? DEFAULT_SPLIT_BOUNDS, defaultSplit: o.defaultSplit ?? DEFAULT_SPLIT,
    splitDelay: o.splitDelay ?? DEFAULT_SPLIT_DELAY,
  }));

  const hex = (b: Uint8Array | number[]) => `0x${Buffer.from(b).toString("hex")}`;
  for (const p of o.peers ?? []) {
    const peer = await fetchPeer(b, p.eid);
    const address = peerBytes(p.address);
    if (peer && hex(peer.address) !== hex(address)) {
      throw clientError("PeerMismatch", `the peer for eid ${p.eid} is ${hex(peer.address)}, not ${hex(address)} (change it with \`agentpad bridge-peer\`)`);
    }
    const same = !!peer && peer.maxReportSd === p.limits.maxReportSd && peer.maxReportedTotalSd === p.limits.maxReportedTotalSd;
    await step(`peer for eid ${p.eid} (${hex(address)})`, same, () => admin.setPeer(p.eid, address, p.limits));
  }
  for (const t of o.ofts ?? []) {
    const oft = await fetchOftConfig(b, t.mint);
    if (oft && !oft.oftStore.equals(t.oftStore)) {
      throw clientError("OftMismatch", `the OFT for ${t.mint.toBase58()} is ${oft.oftStore.toBase58()}, not ${t.oftStore.toBase58()}`);
    }
    await step(`OFT for ${t.mint.toBase58()}`, !!oft, () => admin.setOft(t.mint, t.oftStore));
  }

  const lookupTable = await admin.ensureLaunchLookupTable(presetId, o.lookupTable);
  if (!o.lookupTable || !lookupTable.equals(o.lookupTable)) performed.push("launch lookup table");
  log(`  launch lookup table: ${lookupTable.toBase58()}`);
  return { presetId, quoteMint, lookupTable, endpoint, performed };
}
