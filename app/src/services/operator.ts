/** What the protocol's operators do: configuration, peers, admin hand-over, protocol fees. */
import type { PublicKey } from "@solana/web3.js";

import { fetchConfig, fetchStore } from "../accounts.js";
import { clientError } from "../errors.js";
import * as ix from "../instructions/index.js";
import type { PoolParams, SegmentSpec, StakingParams } from "../instructions/bondingCurve.js";
import type { InitializeStoreArgs } from "../instructions/feeAggregator.js";
import { ata } from "../pda.js";
import { STANDARD_STAKING } from "../presets.js";
import { createAtaIdempotent } from "../tokens.js";
import { type Prepared, prepared } from "../transaction.js";
import type { StateService } from "./state.js";

export class OperatorService {
  constructor(private readonly state: StateService) {}

  async initializeConfig(admin: PublicKey, protocolFeeRecipient: PublicKey): Promise<Prepared> {
    return prepared([await ix.bondingCurve.initializeConfig(admin, protocolFeeRecipient)]);
  }

  async createPreset(
    admin: PublicKey, presetId: number, quoteMint: PublicKey, params: PoolParams, staking: StakingParams = STANDARD_STAKING, segments: SegmentSpec[] = [],
  ): Promise<Prepared> {
    return prepared([await ix.bondingCurve.createPreset(admin, presetId, quoteMint, params, staking, segments)]);
  }

  async initializeStore(admin: PublicKey, args: InitializeStoreArgs): Promise<Prepared> {
    return prepared([await ix.feeAggregator.initializeStore(admin, args)]);
  }

  /**
   * Trusts `address` (an EVM address or 32 bytes) as the agentpad router on chain `srcEid`,
   * and, if given, bounds its fee reports (shared decimals: per report, per chain total).
   */
  async setPeer(admin: PublicKey, srcEid: number, address: Uint8Array, limits?: { maxReportSd: bigint; maxReportedTotalSd: bigint }): Promise<Prepared> {
    const ixs = [await ix.feeAggregator.setPeerConfig(admin, srcEid, { peerAddress: peerBytes(address) })];
    if (limits) ixs.push(await ix.feeAggregator.setPeerConfig(admin, srcEid, { reportLimits: limits }));
    return prepared(ixs);
  }

  /** Bounds what fee reports from `srcEid` may carry (shared decimals). */
  async setReportLimits(admin: PublicKey, srcEid: number, maxReportSd: bigint, maxReportedTotalSd: bigint): Promise<Prepared> {
    return prepared([await ix.feeAggregator.setPeerConfig(admin, srcEid, { reportLimits: { maxReportSd, maxReportedTotalSd } })]);
  }

  /** Names the LayerZero OFT (its store PDA) whose composes credit `rewardMint`. */
  async setOft(admin: PublicKey, rewardMint: PublicKey, oftStore: PublicKey): Promise<Prepared> {
    const reward = await this.state.mint(rewardMint);
    return prepared([await ix.feeAggregator.setOft(admin, rewardMint, reward.tokenProgram, oftStore)]);
  }

  /** Names the store's LayerZero delegate at its endpoint. */
  async setDelegate(admin: PublicKey, delegate: PublicKey): Promise<Prepared> {
    const store = await fetchStore(this.state.backend);
    if (!store) throw clientError("NotDeployed", "the fee-aggregator store is not initialised");
    return prepared([await ix.feeAggregator.setDelegate(admin, store.endpointProgram, delegate)]);
  }

  async setProtocolFeeRecipient(admin: PublicKey, recipient: PublicKey): Promise<Prepared> {
    return prepared([await ix.bondingCurve.setProtocolFeeRecipient(admin, recipient)]);
  }

  /**
   * Proposes `successor` (e.g. a multisig vault) as admin of bonding-curve and
   * fee-aggregator; nothing changes until it accepts (`acceptAdmin`).
   */
  async proposeAdmin(admin: PublicKey, successor: PublicKey): Promise<Prepared> {
    return prepared([await ix.bondingCurve.proposeAdmin(admin, successor), await ix.feeAggregator.proposeAdmin(admin, successor)]);
  }

  /** The proposed admin takes both programs' admin role. */
  async acceptAdmin(successor: PublicKey): Promise<Prepared> {
    return prepared([await ix.bondingCurve.acceptAdmin(successor), await ix.feeAggregator.acceptAdmin(successor)]);
  }

  /** Permissionless: the pool's protocol fees to the config's recipient (`payer` creates its account if missing). */
  async claimProtocolFees(payer: PublicKey, mint: PublicKey): Promise<Prepared> {
    const keys = await this.state.keys(mint);
    const config = await fetchConfig(this.state.backend);
    if (!config) throw clientError("NotDeployed", "the bonding-curve config is not initialised");
    const dest = ata(config.protocolFeeRecipient, keys.quoteMint, keys.quoteTokenProgram);
    return prepared([
      createAtaIdempotent(payer, config.protocolFeeRecipient, keys.quoteMint, keys.quoteTokenProgram),
      await ix.bondingCurve.claimProtocolFees(keys, dest),
    ]);
  }
}

/** 20-byte EVM addresses are left-padded to the 32 bytes LayerZero uses. */
export function peerBytes(address: Uint8Array): Uint8Array {
  if (address.length === 32) return address;
  if (address.length !== 20) throw clientError("InvalidPeer", `a peer is 20 (EVM) or 32 bytes, got ${address.length}`);
  const out = new Uint8Array(32);
  out.set(address, 12);
  return out;
}
