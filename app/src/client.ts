/**
 * The agentpad client: a thin sender over the role services (services/). Each action runs
 * the service's pre-flight checks (unknown agent, balances, slippage against an exact
 * off-chain quote, a job's phase and parties), builds one v0 transaction sized by
 * simulation, has the wallet sign it, sends it, and returns it with its decoded events and
 * what the action yields.
 *
 * The wallet is any `TransactionSigner` — a browser wallet, a multisig proposer — or a
 * `Keypair`. To only build transactions (e.g. for a wallet that sends them itself), use the
 * services and `toTransaction`.
 */
import type { Keypair, PublicKey, TransactionInstruction } from "@solana/web3.js";

import { type PoolState, fetchComposeTypeOfts } from "./accounts.js";
import type { Backend } from "./backend/types.js";
import * as ix from "./instructions/index.js";
import type { PoolParams, SegmentSpec, StakingParams } from "./instructions/bondingCurve.js";
import type { InitializeStoreArgs, LzComposeParams, LzReceiveParams, Split } from "./instructions/feeAggregator.js";
import { decodeLzAccounts } from "./instructions/feeAggregator.js";
import {
  CommerceService, CreatorService, HolderService, OperatorService, RevenueService, StateService, TraderService, type AgentStatus,
  type CreateJobParams, type Deliverable, type LaunchParams, type TradeOptions, type TradeQuote,
} from "./services/index.js";
import { type TransactionSigner, toSigner } from "./signer.js";
import { type FeeOptions, type Prepared, type Sent, prepared, sendPrepared, simulateReturnData } from "./transaction.js";

export type { AgentStatus, CreateJobParams, Deliverable, JobStatus, MarketStatus, TradeOptions } from "./services/index.js";
export { peerBytes, priceString } from "./services/index.js";
export type { Sent } from "./transaction.js";

export type TradeResult = Sent & TradeQuote;

export class AgentpadClient {
  readonly signer: TransactionSigner;
  readonly state: StateService;
  readonly creator: CreatorService;
  readonly trader: TraderService;
  readonly revenue: RevenueService;
  readonly holder: HolderService;
  readonly operator: OperatorService;
  readonly commerce: CommerceService;

  constructor(readonly backend: Backend, wallet: Keypair | TransactionSigner, readonly fees: FeeOptions = {}) {
    this.signer = toSigner(wallet);
    this.state = new StateService(backend);
    this.creator = new CreatorService(this.state);
    this.trader = new TraderService(this.state);
    this.revenue = new RevenueService(this.state);
    this.holder = new HolderService(this.state);
    this.operator = new OperatorService(this.state);
    this.commerce = new CommerceService(this.state);
  }

  /** The same backend and fee options acting for another wallet. */
  as(wallet: Keypair | TransactionSigner): AgentpadClient {
    return new AgentpadClient(this.backend, wallet, this.fees);
  }

  get address(): PublicKey {
    return this.signer.publicKey;
  }

  /** Signs (the wallet pays) and sends a prepared action; its result comes with the transaction's. */
  async submit<R extends object>(action: Prepared<R> | Promise<Prepared<R>>, fees: FeeOptions = {}): Promise<Sent & R> {
    const p = await action;
    return { ...(await sendPrepared(this.backend, this.signer, p, { ...this.fees, ...fees })), ...p.result };
  }

  /** Any instructions, with extra signing keys and fee options. */
  send(instructions: TransactionInstruction[], signers: Keypair[] = [], fees: FeeOptions = {}): Promise<Sent> {
    return this.submit(prepared(instructions, {}, { signers }), fees);
  }

  // ------------------------------------------------------------------ reads and quotes (state)

  keys(mint: PublicKey) { return this.state.keys(mint); }
  pool(mint: PublicKey) { return this.state.pool(mint); }
  agent(mint: PublicKey) { return this.state.agent(mint); }
  preset(presetId: number) { return this.state.preset(presetId); }
  policy(mint: PublicKey) { return this.state.policy(mint); }
  balance(account: PublicKey) { return this.state.balance(account); }
  feeBpsNow(pool: PoolState) { return this.state.feeBpsNow(pool); }
  quoteBuyExactIn(pool: PoolState, quoteIn: bigint) { return this.state.quoteBuyExactIn(pool, quoteIn); }
  quoteBuyExactOut(pool: PoolState, baseOut: bigint) { return this.state.quoteBuyExactOut(pool, baseOut); }
  quoteSell(pool: PoolState, baseIn: bigint) { return this.state.quoteSell(pool, baseIn); }
  /** What `owner` (default: this wallet) could claim now, per reward mint. */
  claimable(mint: PublicKey, owner: PublicKey = this.address) { return this.state.claimable(mint, owner); }
  status(mint: PublicKey, stakers?: PublicKey[], limit = 20): Promise<AgentStatus> { return this.state.status(mint, stakers, limit); }
  findStakers(mint: PublicKey, limit = 20) { return this.state.findStakers(mint, limit); }
  job(address: PublicKey) { return this.state.job(address); }
  jobStatus(address: PublicKey) { return this.state.jobStatus(address); }
  /** The key acting for an agent in jobs (null: none named). */
  operatorOf(mint: PublicKey) { return this.state.operatorOf(mint); }

  // ------------------------------------------------------------------ creators

  launch(a: LaunchParams) { return this.submit(this.creator.launch(this.address, a)); }
  registerBridgedAgent(a: { mint: PublicKey; presetId: number; rewardMint: PublicKey; unstakeCooldown?: number }) {
    return this.submit(this.creator.registerBridgedAgent(this.address, a));
  }
  openBridgedPool(mint: PublicKey, baseAmount: bigint, quoteAmount: bigint) {
    return this.submit(this.creator.openBridgedPool(this.address, mint, baseAmount, quoteAmount));
  }
  claimCreatorFees(mint: PublicKey) { return this.submit(this.creator.claimCreatorFees(this.address, mint)); }
  setSplit(mint: PublicKey, split: Split) { return this.submit(this.creator.setSplit(this.address, mint, split)); }
  proposeCreator(mint: PublicKey, newCreator: PublicKey) { return this.submit(this.creator.proposeCreator(this.address, mint, newCreator)); }
  acceptCreator(mint: PublicKey) { return this.submit(this.creator.acceptCreator(this.address, mint)); }

  /** The protocol lookup table for launches on `presetId`, created if `existing` is missing or stale. */
  async ensureLaunchLookupTable(presetId: number, existing?: PublicKey): Promise<PublicKey> {
    const { preset, quote } = await this.state.preset(presetId);
    const wanted = ix.agentFactory.launchLookupAddresses(presetId, preset.quoteMint, quote.tokenProgram);
    if (existing) {
      const table = await this.backend.getLookupTable(existing);
      if (table && wanted.every((w) => table.state.addresses.some((a) => a.equals(w)))) return existing;
    }
    return this.backend.createLookupTable(this.signer, wanted);
  }

  // ------------------------------------------------------------------ traders

  buy(mint: PublicKey, quoteIn: bigint, o?: TradeOptions): Promise<TradeResult> { return this.submit(this.trader.buy(this.address, mint, quoteIn, o)); }
  buyExactOut(mint: PublicKey, baseOut: bigint, o?: TradeOptions): Promise<TradeResult> {
    return this.submit(this.trader.buyExactOut(this.address, mint, baseOut, o));
  }
  sell(mint: PublicKey, baseIn: bigint, o?: TradeOptions): Promise<TradeResult> { return this.submit(this.trader.sell(this.address, mint, baseIn, o)); }
  graduate(mint: PublicKey) { return this.submit(this.trader.graduate(mint)); }

  // ------------------------------------------------------------------ revenue

  sweep(mint: PublicKey) { return this.submit(this.revenue.sweep(mint)); }
  deposit(mint: PublicKey, rewardMint: PublicKey, amount: bigint) { return this.submit(this.revenue.deposit(this.address, mint, rewardMint, amount)); }
  createVault(mint: PublicKey, rewardMint: PublicKey) { return this.submit(this.revenue.createVault(this.address, mint, rewardMint)); }
  addRewardMint(mint: PublicKey, rewardMint: PublicKey) { return this.submit(this.revenue.addRewardMint(this.address, mint, rewardMint)); }
  distribute(mint: PublicKey, rewardMint?: PublicKey) { return this.submit(this.revenue.distribute(this.address, mint, rewardMint)); }

  // ------------------------------------------------------------------ holders

  stake(mint: PublicKey, amount: bigint) { return this.submit(this.holder.stake(this.address, mint, amount)); }
  requestUnstake(mint: PublicKey, amount: bigint) { return this.submit(this.holder.requestUnstake(this.address, mint, amount)); }
  withdraw(mint: PublicKey) { return this.submit(this.holder.withdraw(this.address, mint)); }
  claim(mint: PublicKey) { return this.submit(this.holder.claim(this.address, mint)); }

  // ------------------------------------------------------------------ agent commerce

  /** (The agent's creator) names the key that acts for the agent in jobs. */
  setOperator(mint: PublicKey, operator: PublicKey) { return this.submit(this.commerce.setOperator(this.address, mint, operator)); }
  createJob(a: CreateJobParams) { return this.submit(this.commerce.createJob(this.address, a)); }
  acceptJob(job: PublicKey) { return this.submit(this.commerce.acceptJob(this.address, job)); }
  fundJob(job: PublicKey) { return this.submit(this.commerce.fundJob(this.address, job)); }
  submitJob(job: PublicKey, deliverable: Deliverable) { return this.submit(this.commerce.submitJob(this.address, job, deliverable)); }
  approveJob(job: PublicKey) { return this.submit(this.commerce.approveJob(this.address, job)); }
  rejectJob(job: PublicKey) { return this.submit(this.commerce.rejectJob(this.address, job)); }
  /** Anyone, at or after the job's expiry: refunds its client. */
  expireJob(job: PublicKey) { return this.submit(this.commerce.expireJob(this.address, job)); }

  // ------------------------------------------------------------------ operators

  initializeConfig(protocolFeeRecipient: PublicKey) { return this.submit(this.operator.initializeConfig(this.address, protocolFeeRecipient)); }
  createPreset(presetId: number, quoteMint: PublicKey, params: PoolParams, staking?: StakingParams, segments?: SegmentSpec[]) {
    return this.submit(this.operator.createPreset(this.address, presetId, quoteMint, params, staking, segments));
  }
  initializeStore(args: InitializeStoreArgs) { return this.submit(this.operator.initializeStore(this.address, args)); }
  setPeer(srcEid: number, address: Uint8Array, limits?: { maxReportSd: bigint; maxReportedTotalSd: bigint }) {
    return this.submit(this.operator.setPeer(this.address, srcEid, address, limits));
  }
  setReportLimits(srcEid: number, maxReportSd: bigint, maxReportedTotalSd: bigint) {
    return this.submit(this.operator.setReportLimits(this.address, srcEid, maxReportSd, maxReportedTotalSd));
  }
  setOft(rewardMint: PublicKey, oftStore: PublicKey) { return this.submit(this.operator.setOft(this.address, rewardMint, oftStore)); }
  setDelegate(delegate: PublicKey) { return this.submit(this.operator.setDelegate(this.address, delegate)); }
  setProtocolFeeRecipient(recipient: PublicKey) { return this.submit(this.operator.setProtocolFeeRecipient(this.address, recipient)); }
  proposeAdmin(successor: PublicKey) { return this.submit(this.operator.proposeAdmin(this.address, successor)); }
  acceptAdmin() { return this.submit(this.operator.acceptAdmin(this.address)); }
  claimProtocolFees(mint: PublicKey) { return this.submit(this.operator.claimProtocolFees(this.address, mint)); }
}

/**
 * What a LayerZero executor does for one verified fee report: asks `lz_receive_types` (by
 * simulation) for the accounts, then sends `lz_receive` with them.
 */
export async function executeLzReceive(client: AgentpadClient, params: LzReceiveParams): Promise<Sent> {
  const returned = await simulateReturnData(client.backend, [await ix.feeAggregator.lzReceiveTypes(params)], client.address);
  const accounts = decodeLzAccounts(returned);
  return client.send([await ix.feeAggregator.lzReceive(client.address, accounts, params)]);
}

/**
 * What a LayerZero executor does for one compose sent to the store: `lz_compose_types`
 * (simulated, with the accounts of the store's `LzComposeTypes` PDA), then `lz_compose`.
 */
export async function executeLzCompose(client: AgentpadClient, params: LzComposeParams): Promise<Sent> {
  const ofts = await fetchComposeTypeOfts(client.backend);
  const returned = await simulateReturnData(client.backend, [await ix.feeAggregator.lzComposeTypes(params, ofts)], client.address);
  const accounts = decodeLzAccounts(returned);
  return client.send([await ix.feeAggregator.lzCompose(client.address, accounts, params)]);
}
