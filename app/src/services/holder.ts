/** What holders do: stake agent tokens, unstake after the cooldown, claim their revenue. */
import type { PublicKey } from "@solana/web3.js";

import { fetchPosition, fetchStakePool } from "../accounts.js";
import { clientError } from "../errors.js";
import * as ix from "../instructions/index.js";
import { agentTokenAccount } from "../pda.js";
import { createAtaIdempotent } from "../tokens.js";
import { type Prepared, prepared } from "../transaction.js";
import type { StateService } from "./state.js";

export class HolderService {
  constructor(private readonly state: StateService) {}

  async stake(owner: PublicKey, mint: PublicKey, amount: bigint): Promise<Prepared> {
    await this.state.pool(mint);
    const held = await this.state.balance(agentTokenAccount(owner, mint));
    if (held < amount) throw clientError("InsufficientBalance", `staking ${amount} base units but the wallet holds ${held}`);
    return prepared([await ix.revenueShare.stake(owner, mint, amount)]);
  }

  async requestUnstake(owner: PublicKey, mint: PublicKey, amount: bigint): Promise<Prepared> {
    const position = await fetchPosition(this.state.backend, mint, owner);
    if (!position) throw clientError("NoPosition", "the wallet has no stake position for this agent");
    if (position.staked < amount) throw clientError("InsufficientStake", `unstaking ${amount} but ${position.staked} is staked`);
    return prepared([await ix.revenueShare.requestUnstake(owner, mint, amount)]);
  }

  async withdraw(owner: PublicKey, mint: PublicKey): Promise<Prepared> {
    const position = await fetchPosition(this.state.backend, mint, owner);
    if (!position || position.unstaking === 0n) throw clientError("NothingUnstaking", "no unstake request to withdraw");
    const now = await this.state.backend.unixTimestamp();
    if (now < position.unlockAt) throw clientError("CooldownNotElapsed", `withdrawable in ${position.unlockAt - now} s`);
    return prepared([await ix.revenueShare.withdraw(owner, mint)]);
  }

  /** Claims every reward mint of the owner's position (token accounts created when missing). */
  async claim(owner: PublicKey, mint: PublicKey): Promise<Prepared> {
    const pool = await fetchStakePool(this.state.backend, mint);
    if (!pool) throw clientError("UnknownAgent", `no stake pool for ${mint.toBase58()}`);
    if (!(await fetchPosition(this.state.backend, mint, owner))) throw clientError("NoPosition", "the wallet has no stake position");
    const rewards = pool.rewards.map((r) => ({ mint: r.mint, tokenProgram: r.tokenProgram }));
    return prepared([
      ...rewards.map((r) => createAtaIdempotent(owner, owner, r.mint, r.tokenProgram)),
      await ix.revenueShare.claim(owner, mint, rewards),
    ]);
  }
}
