/** What creators do: launch, register a bridged agent, open its pool, collect and steer fees. */
import { Keypair, PublicKey } from "@solana/web3.js";

import { fetchAgent, fetchAgentLink } from "../accounts.js";
import { MAX_UNSTAKE_COOLDOWN, METADATA_LIMITS } from "../constants.js";
import { clientError } from "../errors.js";
import * as ix from "../instructions/index.js";
import type { Split } from "../instructions/feeAggregator.js";
import { type AgentKeys, agentKeys, agentTokenAccount, ata } from "../pda.js";
import { createAtaIdempotent } from "../tokens.js";
import { type Prepared, prepared } from "../transaction.js";
import { fund } from "./funding.js";
import type { StateService } from "./state.js";

export interface LaunchParams {
  name: string; symbol: string; uri: string; presetId: number;
  /** Holds `launchLookupAddresses` (see `AgentpadClient.ensureLaunchLookupTable`). */
  lookupTable: PublicKey;
  /** Quote spent on a first buy in the same transaction. */
  firstBuy?: bigint;
  unstakeCooldown?: number;
  /** The new mint's key (generated when absent). */
  mint?: Keypair;
}

export class CreatorService {
  constructor(private readonly state: StateService) {}

  /**
   * Launches an agent in one transaction: Token-2022 mint with metadata and fixed supply,
   * agent record, bonding-curve pool, fee vault, stake pool, and an optional first buy.
   */
  async launch(creator: PublicKey, a: LaunchParams): Promise<Prepared<{ mint: PublicKey; keys: AgentKeys }>> {
    for (const [field, code] of [["name", "NameTooLong"], ["symbol", "SymbolTooLong"], ["uri", "UriTooLong"]] as const) {
      const bytes = new TextEncoder().encode(a[field]).length;
      if (bytes === 0) throw clientError("EmptyMetadataField", `the ${field} must not be empty`);
      if (bytes > METADATA_LIMITS[field]) throw clientError(code, `the ${field} is ${bytes} bytes; at most ${METADATA_LIMITS[field]}`);
    }
    const { preset, quote } = await this.state.preset(a.presetId);
    const c = a.unstakeCooldown;
    const min = preset.staking.minUnstakeCooldown;
    if (c !== undefined && (!Number.isInteger(c) || c < min || c > MAX_UNSTAKE_COOLDOWN)) {
      throw clientError("CooldownOutOfBounds", `an unstake cooldown under preset ${a.presetId} is ${min} to ${MAX_UNSTAKE_COOLDOWN} seconds, got ${c}`);
    }
    const table = await this.state.backend.getLookupTable(a.lookupTable);
    if (!table) throw clientError("UnknownLookupTable", `lookup table ${a.lookupTable.toBase58()} not found`);
    const mint = a.mint ?? Keypair.generate();
    const keys = agentKeys(mint.publicKey, preset.quoteMint, quote.tokenProgram);
    const pre = a.firstBuy === undefined ? [] : await fund(this.state, creator, preset.quoteMint, quote.tokenProgram, a.firstBuy);
    const launch = await ix.agentFactory.launchAgent({
      creator, keys, presetId: a.presetId, name: a.name, symbol: a.symbol, uri: a.uri, firstBuy: a.firstBuy, unstakeCooldown: a.unstakeCooldown,
    });
    return prepared([...pre, launch], { mint: mint.publicKey, keys }, { signers: [mint], lookupTables: [table] });
  }

  /**
   * Registers an agent token from another chain (an OFT mint linked from there) as an agent:
   * its record, fee vault for `rewardMint` and stake pool. Only the creator the link names
   * may; refused without a link, with another creator's, or a second time.
   */
  async registerBridgedAgent(creator: PublicKey, a: { mint: PublicKey; presetId: number; rewardMint: PublicKey; unstakeCooldown?: number }): Promise<Prepared> {
    const backend = this.state.backend;
    const link = await fetchAgentLink(backend, a.mint);
    if (!link) throw clientError("NoLink", `no link from another chain names mint ${a.mint.toBase58()}: the router there must link it first`);
    if (!link.creator.equals(creator)) {
      throw clientError("NotLinkedCreator", `the link names creator ${link.creator.toBase58()}, not ${creator.toBase58()}`);
    }
    if (await fetchAgent(backend, a.mint)) throw clientError("AlreadyRegistered", `${a.mint.toBase58()} is already an agent`);
    await this.state.preset(a.presetId);
    const reward = await this.state.mint(a.rewardMint);
    return prepared([await ix.agentFactory.registerBridgedAgent({
      creator, mint: a.mint, presetId: a.presetId, rewardMint: a.rewardMint, rewardTokenProgram: reward.tokenProgram,
      unstakeCooldown: a.unstakeCooldown,
    })]);
  }

  /**
   * Opens a bridged agent's constant-product pool against its preset's quote mint, seeded with
   * `baseAmount` agent tokens and `quoteAmount` quote from the creator (SOL is wrapped),
   * locked forever. Only the agent's creator may, once.
   */
  async openBridgedPool(creator: PublicKey, mint: PublicKey, baseAmount: bigint, quoteAmount: bigint): Promise<Prepared<{ keys: AgentKeys }>> {
    const agent = await this.state.agent(mint);
    if (agent.originEid === 0) throw clientError("NotBridgedAgent", `${mint.toBase58()} was launched on Solana: it has its curve`);
    if (!agent.pool.equals(PublicKey.default)) throw clientError("PoolExists", `${mint.toBase58()} already has pool ${agent.pool.toBase58()}`);
    if (!agent.creator.equals(creator)) throw clientError("NotCreator", `only the agent's creator ${agent.creator.toBase58()} opens its pool`);
    if (baseAmount <= 0n || quoteAmount <= 0n) throw clientError("ZeroAmount", "both sides of the pool must be positive");
    const held = await this.state.balance(agentTokenAccount(creator, mint));
    if (held < baseAmount) throw clientError("InsufficientBalance", `the pool needs ${baseAmount} agent token units; this wallet holds ${held}`);
    const { preset, quote } = await this.state.preset(agent.presetId);
    const keys = agentKeys(mint, preset.quoteMint, quote.tokenProgram);
    const pre = await fund(this.state, creator, preset.quoteMint, quote.tokenProgram, quoteAmount);
    return prepared([...pre, await ix.agentFactory.openBridgedPool(creator, keys, agent.presetId, baseAmount, quoteAmount)], { keys });
  }

  async claimCreatorFees(creator: PublicKey, mint: PublicKey): Promise<Prepared> {
    const keys = await this.state.keys(mint);
    const destination = ata(creator, keys.quoteMint, keys.quoteTokenProgram);
    return prepared([
      createAtaIdempotent(creator, creator, keys.quoteMint, keys.quoteTokenProgram),
      await ix.agentFactory.claimCreatorFees(creator, keys, destination),
    ]);
  }

  async setSplit(creator: PublicKey, mint: PublicKey, split: Split): Promise<Prepared> {
    return prepared([await ix.feeAggregator.setSplit(creator, mint, split)]);
  }

  async proposeCreator(creator: PublicKey, mint: PublicKey, newCreator: PublicKey): Promise<Prepared> {
    return prepared([await ix.agentFactory.proposeCreator(creator, (await this.state.keys(mint)).agent, newCreator)]);
  }

  async acceptCreator(newCreator: PublicKey, mint: PublicKey): Promise<Prepared> {
    return prepared([await ix.agentFactory.acceptCreator(newCreator, (await this.state.keys(mint)).agent)]);
  }
}
