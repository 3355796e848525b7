/** Revenue into an agent's vault and out to its holders, creator and the protocol. */
import type { PublicKey } from "@solana/web3.js";

import { fetchStore, fetchVault } from "../accounts.js";
import { clientError } from "../errors.js";
import * as ix from "../instructions/index.js";
import { agentKeys, ata } from "../pda.js";
import { createAtaIdempotent } from "../tokens.js";
import { type Prepared, prepared } from "../transaction.js";
import { fund } from "./funding.js";
import type { StateService } from "./state.js";

export class RevenueService {
  constructor(private readonly state: StateService) {}

  /** Permissionless: the pool's agent-revenue fees into the agent's vault. */
  async sweep(mint: PublicKey): Promise<Prepared> {
    const pool = await this.state.pool(mint);
    if (pool.agentFees === 0n) throw clientError("NoFeesToClaim", "the pool holds no agent-revenue fees");
    return prepared([await ix.feeAggregator.sweep(agentKeys(mint, pool.quoteMint, pool.quoteTokenProgram))]);
  }

  /** Pays `amount` of `rewardMint` from `payer` into the agent's vault (direct revenue). */
  async deposit(payer: PublicKey, mint: PublicKey, rewardMint: PublicKey, amount: bigint): Promise<Prepared> {
    await this.state.pool(mint);
    const reward = await this.state.mint(rewardMint);
    if (!(await fetchVault(this.state.backend, mint, rewardMint))) {
      throw clientError("UnknownVault", `the agent has no vault for ${rewardMint.toBase58()} (create one with createVault)`);
    }
    const pre = await fund(this.state, payer, rewardMint, reward.tokenProgram, amount);
    const from = ata(payer, rewardMint, reward.tokenProgram);
    return prepared([...pre, await ix.feeAggregator.deposit(payer, from, mint, rewardMint, reward.tokenProgram, amount)]);
  }

  async createVault(payer: PublicKey, mint: PublicKey, rewardMint: PublicKey): Promise<Prepared> {
    const reward = await this.state.mint(rewardMint);
    return prepared([await ix.feeAggregator.createVault(payer, mint, rewardMint, reward.tokenProgram)]);
  }

  /** The creator adds a reward mint to the agent's stake pool (e.g. a bridged token it earns in). */
  async addRewardMint(creator: PublicKey, mint: PublicKey, rewardMint: PublicKey): Promise<Prepared> {
    const reward = await this.state.mint(rewardMint);
    return prepared([await ix.revenueShare.addRewardMint(creator, mint, rewardMint, reward.tokenProgram)]);
  }

  /**
   * Permissionless: splits the vault's undistributed revenue — holders' share notified to
   * the stake pool, the creator's and the protocol's paid to their token accounts (created
   * here, `payer` paying, when missing).
   */
  async distribute(payer: PublicKey, mint: PublicKey, rewardMint?: PublicKey): Promise<Prepared> {
    const pool = await this.state.pool(mint);
    const reward = rewardMint ?? pool.quoteMint;
    const vault = await fetchVault(this.state.backend, mint, reward);
    if (!vault) throw clientError("UnknownVault", `the agent has no vault for ${reward.toBase58()}`);
    if (vault.undistributed === 0n) throw clientError("NothingToDistribute", "the vault has no undistributed revenue");
    const agent = await this.state.agent(mint);
    const store = await fetchStore(this.state.backend);
    if (!store) throw clientError("NotDeployed", "the fee aggregator's store is not initialised");
    const tp = vault.rewardTokenProgram;
    return prepared([
      createAtaIdempotent(payer, agent.creator, reward, tp),
      createAtaIdempotent(payer, store.protocolFeeRecipient, reward, tp),
      await ix.feeAggregator.distribute(mint, reward, tp, ata(agent.creator, reward, tp), ata(store.protocolFeeRecipient, reward, tp)),
    ]);
  }
}
