/**
 * The agentpad client: what creators, traders, holders and operators call. Each action
 * checks what it can before sending (unknown agent, balances, slippage against an exact
 * off-chain quote), sends one transaction, and returns it with its decoded events.
 */
import { Keypair, PublicKey, type TransactionInstruction } from "@solana/web3.js";

import {
  type AgentState, type PoolState, type PositionState, type PresetState, type StakePoolState, type VaultState, feeScheduleOf, fetchAgent, fetchAgentLink, fetchConfig, fetchPolicy,
  fetchComposeTypeOfts, fetchPool, fetchPosition, fetchPreset, fetchStakePool, fetchStore, fetchVault, marketOf,
} from "./accounts.js";
import type { Backend, SendOptions, TxResult } from "./backend/types.js";
import { BPS_DENOMINATOR, MAX_UNSTAKE_COOLDOWN, METADATA_LIMITS, NATIVE_MINT, PROGRAM_IDS, TOKEN_2022_PROGRAM_ID } from "./constants.js";
import { clientError } from "./errors.js";
import { type AgentpadEvent, decodeEvents } from "./events.js";
import * as ix from "./instructions/index.js";
import type { PoolParams, SegmentSpec, StakingParams, SwapAccounts } from "./instructions/bondingCurve.js";
import {
  type InitializeStoreArgs, type LzComposeParams, type LzReceiveParams, type Split, decodeLzAccounts,
} from "./instructions/feeAggregator.js";
import { MathError } from "./math/errors.js";
import { STANDARD_STAKING } from "./presets.js";
import { type Trade, buyExactIn, buyExactOut, graduate as graduateMath, limitAllows, marketPriceQ64, progressBps, sellExactIn } from "./math/curve.js";
import { feeBpsAt } from "./math/fee.js";
import { claimable } from "./math/reward.js";
import { type AgentKeys, agentKeys, agentTokenAccount, ata, revenueSharePda } from "./pda.js";
import { type MintInfo, createAtaIdempotent, fetchMint, tokenBalance, wrapSol } from "./tokens.js";

export interface Sent extends TxResult {
  events: AgentpadEvent[];
}

export interface TradeOptions {
  /** Accepted price move against the quote, in bps (default 100 = 1%). */
  slippageBps?: number;
  /** Explicit bound instead of `slippageBps`: min base out (buys), max quote in, min quote out (sells). */
  limit?: bigint;
}

export interface TradeResult extends Sent {
  quote: Trade;
  /** The bound sent to the program. */
  limit: bigint;
}

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

export class AgentpadClient {
  constructor(readonly backend: Backend, readonly wallet: Keypair) {}

  /** The same backend acting for another wallet. */
  as(wallet: Keypair): AgentpadClient {
    return new AgentpadClient(this.backend, wallet);
  }

  get address(): PublicKey {
    return this.wallet.publicKey;
  }

  async send(instructions: TransactionInstruction[], signers: Keypair[] = [], options?: SendOptions): Promise<Sent> {
    const tx = await this.backend.send(instructions, this.wallet, signers, options);
    return { ...tx, events: decodeEvents(tx.innerInstructions) };
  }

  // ------------------------------------------------------------------ reads

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

  policy(mint: PublicKey) {
    return fetchPolicy(this.backend, mint);
  }

  balance(account: PublicKey): Promise<bigint> {
    return tokenBalance(this.backend, account);
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

  // ------------------------------------------------------------------ creators

  /**
   * Launches an agent in one transaction: Token-2022 mint with metadata and fixed supply,
   * agent record, bonding-curve pool, fee vault, stake pool, and an optional first buy.
   * `lookupTable` holds `launchLookupAddresses` (see `ensureLaunchLookupTable`).
   */
  async launch(a: {
    name: string; symbol: string; uri: string; presetId: number; lookupTable: PublicKey; firstBuy?: bigint; unstakeCooldown?: number;
    mint?: Keypair;
  }): Promise<Sent & { mint: PublicKey; keys: AgentKeys }> {
    for (const [field, code] of [["name", "NameTooLong"], ["symbol", "SymbolTooLong"], ["uri", "UriTooLong"]] as const) {
      const bytes = Buffer.byteLength(a[field], "utf8");
      if (bytes === 0) throw clientError("EmptyMetadataField", `the ${field} must not be empty`);
      if (bytes > METADATA_LIMITS[field]) throw clientError(code, `the ${field} is ${bytes} bytes; at most ${METADATA_LIMITS[field]}`);
    }
    const { preset, quote } = await this.preset(a.presetId);
    const c = a.unstakeCooldown;
    const min = preset.staking.minUnstakeCooldown;
    if (c !== undefined && (!Number.isInteger(c) || c < min || c > MAX_UNSTAKE_COOLDOWN)) {
      throw clientError("CooldownOutOfBounds", `an unstake cooldown under preset ${a.presetId} is ${min} to ${MAX_UNSTAKE_COOLDOWN} seconds, got ${c}`);
    }
    const table = await this.backend.getLookupTable(a.lookupTable);
    if (!table) throw clientError("UnknownLookupTable", `lookup table ${a.lookupTable.toBase58()} not found`);
    const mint = a.mint ?? Keypair.generate();
    const keys = agentKeys(mint.publicKey, preset.quoteMint, quote.tokenProgram);
    const pre: TransactionInstruction[] = [];
    if (a.firstBuy !== undefined) pre.push(...(await this.fundQuote(preset.quoteMint, quote.tokenProgram, a.firstBuy)));
    const launch = await ix.agentFactory.launchAgent({
      creator: this.address, keys, presetId: a.presetId, name: a.name, symbol: a.symbol, uri: a.uri, firstBuy: a.firstBuy,
      unstakeCooldown: a.unstakeCooldown,
    });
    const sent = await this.send([...pre, launch], [mint], { lookupTables: [table], computeUnitLimit: 400_000 });
    return { ...sent, mint: mint.publicKey, keys };
  }

  /**
   * Registers an agent token from another chain (an OFT mint linked from there) as an agent:
   * its record, fee vault for `rewardMint` and stake pool. Only the creator the link names
   * may; refused before sending without a link, with another creator's, or a second time.
   */
  async registerBridgedAgent(a: { mint: PublicKey; presetId: number; rewardMint: PublicKey; unstakeCooldown?: number }): Promise<Sent> {
    const link = await fetchAgentLink(this.backend, a.mint);
    if (!link) throw clientError("NoLink", `no link from another chain names mint ${a.mint.toBase58()}: the router there must link it first`);
    if (!link.creator.equals(this.address)) {
      throw clientError("NotLinkedCreator", `the link names creator ${link.creator.toBase58()}, not ${this.address.toBase58()}`);
    }
    if (await fetchAgent(this.backend, a.mint)) throw clientError("AlreadyRegistered", `${a.mint.toBase58()} is already an agent`);
    await this.preset(a.presetId);
    const reward = await fetchMint(this.backend, a.rewardMint);
    if (!reward) throw clientError("UnknownMint", `${a.rewardMint.toBase58()} is not a mint`);
    return this.send([await ix.agentFactory.registerBridgedAgent({
      creator: this.address, mint: a.mint, presetId: a.presetId, rewardMint: a.rewardMint, rewardTokenProgram: reward.tokenProgram,
      unstakeCooldown: a.unstakeCooldown,
    })]);
  }

  /**
   * Opens a bridged agent's constant-product pool against its preset's quote mint, seeded with
   * `baseAmount` agent tokens and `quoteAmount` quote from this wallet (SOL is wrapped),
   * locked forever. Only the agent's creator may, once.
   */
  async openBridgedPool(mint: PublicKey, baseAmount: bigint, quoteAmount: bigint): Promise<Sent & { keys: AgentKeys }> {
    const agent = await this.agent(mint);
    if (agent.originEid === 0) throw clientError("NotBridgedAgent", `${mint.toBase58()} was launched on Solana: it has its curve`);
    if (!agent.pool.equals(PublicKey.default)) throw clientError("PoolExists", `${mint.toBase58()} already has pool ${agent.pool.toBase58()}`);
    if (!agent.creator.equals(this.address)) throw clientError("NotCreator", `only the agent's creator ${agent.creator.toBase58()} opens its pool`);
    if (baseAmount <= 0n || quoteAmount <= 0n) throw clientError("ZeroAmount", "both sides of the pool must be positive");
    const held = await this.balance(agentTokenAccount(this.address, mint));
    if (held < baseAmount) throw clientError("InsufficientBalance", `the pool needs ${baseAmount} agent token units; this wallet holds ${held}`);
    const { preset, quote } = await this.preset(agent.presetId);
    const keys = agentKeys(mint, preset.quoteMint, quote.tokenProgram);
    const pre = await this.fundQuote(preset.quoteMint, quote.tokenProgram, quoteAmount);
    const sent = await this.send([...pre, await ix.agentFactory.openBridgedPool(this.address, keys, agent.presetId, baseAmount, quoteAmount)]);
    return { ...sent, keys };
  }

  /** The protocol lookup table for launches on `presetId`, created if `existing` is missing or stale. */
  async ensureLaunchLookupTable(presetId: number, existing?: PublicKey): Promise<PublicKey> {
    const { preset, quote } = await this.preset(presetId);
    const wanted = ix.agentFactory.launchLookupAddresses(presetId, preset.quoteMint, quote.tokenProgram);
    if (existing) {
      const table = await this.backend.getLookupTable(existing);
      if (table && wanted.every((w) => table.state.addresses.some((a) => a.equals(w)))) return existing;
    }
    return this.backend.createLookupTable(this.wallet, wanted);
  }

  async claimCreatorFees(mint: PublicKey): Promise<Sent> {
    const keys = await this.keys(mint);
    const destination = ata(this.address, keys.quoteMint, keys.quoteTokenProgram);
    return this.send([
      createAtaIdempotent(this.address, this.address, keys.quoteMint, keys.quoteTokenProgram),
      await ix.agentFactory.claimCreatorFees(this.address, keys, destination),
    ]);
  }

  async setSplit(mint: PublicKey, split: Split): Promise<Sent> {
    return this.send([await ix.feeAggregator.setSplit(this.address, mint, split)]);
  }

  async proposeCreator(mint: PublicKey, newCreator: PublicKey): Promise<Sent> {
    return this.send([await ix.agentFactory.proposeCreator(this.address, (await this.keys(mint)).agent, newCreator)]);
  }

  async acceptCreator(mint: PublicKey): Promise<Sent> {
    return this.send([await ix.agentFactory.acceptCreator(this.address, (await this.keys(mint)).agent)]);
  }

  // ------------------------------------------------------------------ traders

  /** Spends `quoteIn` (fee included) on the agent token; wraps SOL when the quote is wSOL. */
  async buy(mint: PublicKey, quoteIn: bigint, o: TradeOptions = {}): Promise<TradeResult> {
    const pool = await this.tradablePool(mint);
    const quote = await this.quoteBuyExactIn(pool, quoteIn);
    const limit = o.limit ?? (quote.baseAmount * (BPS_DENOMINATOR - BigInt(o.slippageBps ?? 100))) / BPS_DENOMINATOR;
    if (!limitAllows({ kind: "minBaseFor", quote: quoteIn, minBase: limit }, quote)) {
      throw clientError("SlippageExceeded", `quote ${quote.baseAmount} base units for ${quote.quoteAmount} is below the minimum ${limit} per ${quoteIn}`);
    }
    return this.sendBuy(pool, quoteIn, (accounts) => ix.bondingCurve.buyExactIn(accounts, quoteIn, limit), quote, limit);
  }

  /** Buys exactly `baseOut` (on the curve: at most what remains before graduation). */
  async buyExactOut(mint: PublicKey, baseOut: bigint, o: TradeOptions = {}): Promise<TradeResult> {
    const pool = await this.tradablePool(mint);
    const quote = await this.quoteBuyExactOut(pool, baseOut);
    const limit = o.limit ?? (quote.quoteAmount * (BPS_DENOMINATOR + BigInt(o.slippageBps ?? 100))) / BPS_DENOMINATOR;
    if (!limitAllows({ kind: "maxQuoteFor", maxQuote: limit, base: baseOut }, quote)) {
      throw clientError("SlippageExceeded", `quote ${quote.quoteAmount} quote units for ${quote.baseAmount} is above the maximum ${limit} per ${baseOut}`);
    }
    return this.sendBuy(pool, limit, (accounts) => ix.bondingCurve.buyExactOut(accounts, baseOut, limit), quote, limit);
  }

  /** Sells exactly `baseIn` agent tokens. */
  async sell(mint: PublicKey, baseIn: bigint, o: TradeOptions = {}): Promise<TradeResult> {
    const pool = await this.tradablePool(mint);
    const held = await this.balance(agentTokenAccount(this.address, mint));
    if (held < baseIn) throw clientError("InsufficientBalance", `selling ${baseIn} base units but the wallet holds ${held}`);
    const quote = await this.quoteSell(pool, baseIn);
    const limit = o.limit ?? (quote.quoteAmount * (BPS_DENOMINATOR - BigInt(o.slippageBps ?? 100))) / BPS_DENOMINATOR;
    if (quote.quoteAmount < limit) throw clientError("SlippageExceeded", `quote ${quote.quoteAmount} quote units is below the minimum ${limit}`);
    const keys = agentKeys(mint, pool.quoteMint, pool.quoteTokenProgram);
    const sell = await ix.bondingCurve.sellExactIn(this.swapAccounts(keys), baseIn, limit);
    return {
      ...(await this.send([createAtaIdempotent(this.address, this.address, pool.quoteMint, pool.quoteTokenProgram), sell])), quote, limit,
    };
  }

  /** Permissionless once the curve is complete: opens the locked constant-product pool. */
  async graduate(mint: PublicKey): Promise<Sent> {
    const pool = await this.pool(mint);
    if (pool.phase === "graduated") throw clientError("AlreadyGraduated", "the pool has already graduated");
    if (pool.phase === "curve") {
      throw clientError("ThresholdNotReached", `the curve holds ${pool.quoteReserve} of the ${pool.params.graduationThreshold} quote units it graduates at`);
    }
    return this.send([await ix.bondingCurve.graduate(pool.address)]);
  }

  // ------------------------------------------------------------------ revenue

  /** Permissionless: the pool's agent-revenue fees into the agent's vault. */
  async sweep(mint: PublicKey): Promise<Sent> {
    const pool = await this.pool(mint);
    if (pool.agentFees === 0n) throw clientError("NoFeesToClaim", "the pool holds no agent-revenue fees");
    return this.send([await ix.feeAggregator.sweep(agentKeys(mint, pool.quoteMint, pool.quoteTokenProgram))]);
  }

  /** Pays `amount` of `rewardMint` from the wallet into the agent's vault (direct revenue). */
  async deposit(mint: PublicKey, rewardMint: PublicKey, amount: bigint): Promise<Sent> {
    await this.pool(mint);
    const reward = await fetchMint(this.backend, rewardMint);
    if (!reward) throw clientError("UnknownMint", `${rewardMint.toBase58()} is not a mint`);
    if (!(await fetchVault(this.backend, mint, rewardMint))) {
      throw clientError("UnknownVault", `the agent has no vault for ${rewardMint.toBase58()} (create one with createVault)`);
    }
    const pre = await this.fundQuote(rewardMint, reward.tokenProgram, amount);
    const from = ata(this.address, rewardMint, reward.tokenProgram);
    return this.send([...pre, await ix.feeAggregator.deposit(this.address, from, mint, rewardMint, reward.tokenProgram, amount)]);
  }

  async createVault(mint: PublicKey, rewardMint: PublicKey): Promise<Sent> {
    const reward = await fetchMint(this.backend, rewardMint);
    if (!reward) throw clientError("UnknownMint", `${rewardMint.toBase58()} is not a mint`);
    return this.send([await ix.feeAggregator.createVault(this.address, mint, rewardMint, reward.tokenProgram)]);
  }

  /** The creator adds a reward mint to the agent's stake pool (e.g. a bridged token it earns in). */
  async addRewardMint(mint: PublicKey, rewardMint: PublicKey): Promise<Sent> {
    const reward = await fetchMint(this.backend, rewardMint);
    if (!reward) throw clientError("UnknownMint", `${rewardMint.toBase58()} is not a mint`);
    return this.send([await ix.revenueShare.addRewardMint(this.address, mint, rewardMint, reward.tokenProgram)]);
  }

  /**
   * Permissionless: splits the vault's undistributed revenue — holders' share notified to
   * the stake pool, the creator's and the protocol's paid to their token accounts (created
   * here when missing).
   */
  async distribute(mint: PublicKey, rewardMint?: PublicKey): Promise<Sent> {
    const pool = await this.pool(mint);
    const reward = rewardMint ?? pool.quoteMint;
    const vault = await fetchVault(this.backend, mint, reward);
    if (!vault) throw clientError("UnknownVault", `the agent has no vault for ${reward.toBase58()}`);
    if (vault.undistributed === 0n) throw clientError("NothingToDistribute", "the vault has no undistributed revenue");
    const agent = await this.agent(mint);
    const store = await fetchStore(this.backend);
    if (!store) throw clientError("NotDeployed", "the fee aggregator's store is not initialised");
    const tp = vault.rewardTokenProgram;
    return this.send([
      createAtaIdempotent(this.address, agent.creator, reward, tp),
      createAtaIdempotent(this.address, store.protocolFeeRecipient, reward, tp),
      await ix.feeAggregator.distribute(mint, reward, tp, ata(agent.creator, reward, tp), ata(store.protocolFeeRecipient, reward, tp)),
    ]);
  }

  // ------------------------------------------------------------------ holders

  async stake(mint: PublicKey, amount: bigint): Promise<Sent> {
    await this.pool(mint);
    const held = await this.balance(agentTokenAccount(this.address, mint));
    if (held < amount) throw clientError("InsufficientBalance", `staking ${amount} base units but the wallet holds ${held}`);
    return this.send([await ix.revenueShare.stake(this.address, mint, amount)]);
  }

  async requestUnstake(mint: PublicKey, amount: bigint): Promise<Sent> {
    const position = await fetchPosition(this.backend, mint, this.address);
    if (!position) throw clientError("NoPosition", "the wallet has no stake position for this agent");
    if (position.staked < amount) throw clientError("InsufficientStake", `unstaking ${amount} but ${position.staked} is staked`);
    return this.send([await ix.revenueShare.requestUnstake(this.address, mint, amount)]);
  }

  async withdraw(mint: PublicKey): Promise<Sent> {
    const position = await fetchPosition(this.backend, mint, this.address);
    if (!position || position.unstaking === 0n) throw clientError("NothingUnstaking", "no unstake request to withdraw");
    const now = await this.backend.unixTimestamp();
    if (now < position.unlockAt) throw clientError("CooldownNotElapsed", `withdrawable in ${position.unlockAt - now} s`);
    return this.send([await ix.revenueShare.withdraw(this.address, mint)]);
  }

  /** Claims every reward mint of the wallet's position (ATAs created when missing). */
  async claim(mint: PublicKey): Promise<Sent> {
    const pool = await fetchStakePool(this.backend, mint);
    if (!pool) throw clientError("UnknownAgent", `no stake pool for ${mint.toBase58()}`);
    if (!(await fetchPosition(this.backend, mint, this.address))) throw clientError("NoPosition", "the wallet has no stake position");
    const rewards = pool.rewards.map((r) => ({ mint: r.mint, tokenProgram: r.tokenProgram }));
    return this.send([
      ...rewards.map((r) => createAtaIdempotent(this.address, this.address, r.mint, r.tokenProgram)),
      await ix.revenueShare.claim(this.address, mint, rewards),
    ]);
  }

  /** What `owner` could claim now, per reward mint (the program's own math at cluster time). */
  async claimable(mint: PublicKey, owner: PublicKey = this.address): Promise<{ mint: PublicKey; amount: bigint }[]> {
    const [pool, position, now] = await Promise.all([
      fetchStakePool(this.backend, mint), fetchPosition(this.backend, mint, owner), this.backend.unixTimestamp(),
    ]);
    return claimableAt(pool, position, now);
  }


  // ------------------------------------------------------------------ status

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

  // ------------------------------------------------------------------ operators

  async initializeConfig(protocolFeeRecipient: PublicKey): Promise<Sent> {
    return this.send([await ix.bondingCurve.initializeConfig(this.address, protocolFeeRecipient)]);
  }

  async createPreset(presetId: number, quoteMint: PublicKey, params: PoolParams, staking: StakingParams = STANDARD_STAKING, segments: SegmentSpec[] = []): Promise<Sent> {
    return this.send([await ix.bondingCurve.createPreset(this.address, presetId, quoteMint, params, staking, segments)]);
  }

  async initializeStore(args: InitializeStoreArgs): Promise<Sent> {
    return this.send([await ix.feeAggregator.initializeStore(this.address, args)]);
  }

  /**
   * Trusts `address` (an EVM address or 32 bytes) as the agentpad router on chain `srcEid`,
   * and, if given, bounds its fee reports (shared decimals: per report, per chain total).
   */
  async setPeer(srcEid: number, address: Uint8Array, limits?: { maxReportSd: bigint; maxReportedTotalSd: bigint }): Promise<Sent> {
    const ixs = [await ix.feeAggregator.setPeerConfig(this.address, srcEid, { peerAddress: peerBytes(address) })];
    if (limits) ixs.push(await ix.feeAggregator.setPeerConfig(this.address, srcEid, { reportLimits: limits }));
    return this.send(ixs);
  }

  /** Bounds what fee reports from `srcEid` may carry (shared decimals). */
  async setReportLimits(srcEid: number, maxReportSd: bigint, maxReportedTotalSd: bigint): Promise<Sent> {
    return this.send([await ix.feeAggregator.setPeerConfig(this.address, srcEid, { reportLimits: { maxReportSd, maxReportedTotalSd } })]);
  }

  /** Names the LayerZero OFT (its store PDA) whose composes credit `rewardMint`. */
  async setOft(rewardMint: PublicKey, oftStore: PublicKey): Promise<Sent> {
    const reward = await fetchMint(this.backend, rewardMint);
    if (!reward) throw clientError("UnknownMint", `${rewardMint.toBase58()} is not a mint`);
    return this.send([await ix.feeAggregator.setOft(this.address, rewardMint, reward.tokenProgram, oftStore)]);
  }

  /** Names the store's LayerZero delegate at its endpoint. */
  async setDelegate(delegate: PublicKey): Promise<Sent> {
    const store = await fetchStore(this.backend);
    if (!store) throw clientError("NotDeployed", "the fee-aggregator store is not initialised");
    return this.send([await ix.feeAggregator.setDelegate(this.address, store.endpointProgram, delegate)]);
  }

  async setProtocolFeeRecipient(recipient: PublicKey): Promise<Sent> {
    return this.send([await ix.bondingCurve.setProtocolFeeRecipient(this.address, recipient)]);
  }

  /**
   * Proposes `successor` (e.g. a multisig vault) as admin of bonding-curve and
   * fee-aggregator; nothing changes until it accepts (`acceptAdmin`).
   */
  async proposeAdmin(successor: PublicKey): Promise<Sent> {
    return this.send([await ix.bondingCurve.proposeAdmin(this.address, successor), await ix.feeAggregator.proposeAdmin(this.address, successor)]);
  }

  /** The proposed admin takes both programs' admin role. */
  async acceptAdmin(): Promise<Sent> {
    return this.send([await ix.bondingCurve.acceptAdmin(this.address), await ix.feeAggregator.acceptAdmin(this.address)]);
  }

  /** Permissionless: the pool's protocol fees to the config's recipient. */
  async claimProtocolFees(mint: PublicKey): Promise<Sent> {
    const keys = await this.keys(mint);
    const config = await fetchConfig(this.backend);
    if (!config) throw clientError("NotDeployed", "the bonding-curve config is not initialised");
    const dest = ata(config.protocolFeeRecipient, keys.quoteMint, keys.quoteTokenProgram);
    return this.send([
      createAtaIdempotent(this.address, config.protocolFeeRecipient, keys.quoteMint, keys.quoteTokenProgram),
      await ix.bondingCurve.claimProtocolFees(keys, dest),
    ]);
  }

  // ------------------------------------------------------------------ helpers

  /** A buy: the wallet's quote account funded with `fund`, its agent-token ATA created if missing. */
  private async sendBuy(
    pool: PoolState, fund: bigint, build: (accounts: SwapAccounts) => Promise<TransactionInstruction>, quote: Trade, limit: bigint,
  ): Promise<TradeResult> {
    const keys = agentKeys(pool.baseMint, pool.quoteMint, pool.quoteTokenProgram);
    const pre = await this.fundQuote(pool.quoteMint, pool.quoteTokenProgram, fund);
    const baseAta = createAtaIdempotent(this.address, this.address, pool.baseMint, TOKEN_2022_PROGRAM_ID);
    return { ...(await this.send([...pre, baseAta, await build(this.swapAccounts(keys))])), quote, limit };
  }

  private swapAccounts(keys: AgentKeys): SwapAccounts {
    return {
      user: this.address, keys, userBaseAccount: agentTokenAccount(this.address, keys.mint),
      userQuoteAccount: ata(this.address, keys.quoteMint, keys.quoteTokenProgram),
    };
  }



  private async tradablePool(mint: PublicKey): Promise<PoolState> {
    const pool = await this.pool(mint);
    if (pool.phase === "complete") throw clientError("CurveComplete", "the curve is complete: graduate the pool to keep trading");
    return pool;
  }

  /**
   * Instructions that make the wallet's `mint` account hold `amount`: for wSOL the missing
   * SOL is wrapped; otherwise a shortfall is refused before sending.
   */
  private async fundQuote(mint: PublicKey, tokenProgram: PublicKey, amount: bigint): Promise<TransactionInstruction[]> {
    const account = ata(this.address, mint, tokenProgram);
    const held = await this.balance(account);
    if (held >= amount) return [];
    if (mint.equals(NATIVE_MINT)) {
      const lamports = await this.backend.getBalance(this.address);
      if (lamports < amount - held + 10_000_000n) {
        throw clientError("InsufficientBalance", `needs ${amount - held} lamports more wSOL but the wallet has ${lamports} lamports`);
      }
      return wrapSol(this.address, amount - held);
    }
    throw clientError("InsufficientBalance", `needs ${amount} units of ${mint.toBase58()} but the wallet holds ${held}`);
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

/** 20-byte EVM addresses are left-padded to the 32 bytes LayerZero uses. */
export function peerBytes(address: Uint8Array): Uint8Array {
  if (address.length === 32) return address;
  if (address.length !== 20) throw clientError("InvalidPeer", `a peer is 20 (EVM) or 32 bytes, got ${address.length}`);
  const out = new Uint8Array(32);
  out.set(address, 12);
  return out;
}

/**
 * What a LayerZero executor does for one verified fee report: asks `lz_receive_types` (by
 * simulation) for the accounts, then sends `lz_receive` with them.
 */
export async function executeLzReceive(client: AgentpadClient, params: LzReceiveParams): Promise<Sent> {
  const returned = await client.backend.simulateReturnData([await ix.feeAggregator.lzReceiveTypes(params)], client.wallet);
  const accounts = decodeLzAccounts(returned);
  return client.send([await ix.feeAggregator.lzReceive(client.address, accounts, params)]);
}

/**
 * What a LayerZero executor does for one compose sent to the store: `lz_compose_types`
 * (simulated, with the accounts of the store's `LzComposeTypes` PDA), then `lz_compose`.
 */
export async function executeLzCompose(client: AgentpadClient, params: LzComposeParams): Promise<Sent> {
  const ofts = await fetchComposeTypeOfts(client.backend);
  const returned = await client.backend.simulateReturnData([await ix.feeAggregator.lzComposeTypes(params, ofts)], client.wallet);
  const accounts = decodeLzAccounts(returned);
  return client.send([await ix.feeAggregator.lzCompose(client.address, accounts, params)]);
}
