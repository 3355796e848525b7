/** The connected wallet's holdings in one agent: from the chain, and what it can claim from the indexer. */
import { agentTokenAccount, fetchPosition, tokenBalance } from "@agentpad/sdk";
import { PublicKey } from "@solana/web3.js";

import { type Claimable, api } from "./api.js";
import type { Chain } from "./chain.js";

export interface Balances {
  owner: string;
  /** Lamports. */
  sol: bigint;
  /** Agent-token base units held (not staked). */
  agent: bigint;
  staked: bigint;
  unstaking: bigint;
  /** When the unstaking amount can be withdrawn (unix seconds); 0 when nothing unstakes. */
  unlockAt: bigint;
  /** Cluster time of the reading. */
  now: bigint;
  /** Per reward mint, what the wallet can claim from this agent's stake pool now. */
  claimable: Claimable[];
}

export async function loadBalances(c: Chain, mint: string, owner: PublicKey): Promise<Balances> {
  const m = new PublicKey(mint);
  const [sol, agent, position, now, claimable] = await Promise.all([
    c.backend.getBalance(owner),
    tokenBalance(c.backend, agentTokenAccount(owner, m)),
    fetchPosition(c.backend, m, owner),
    c.backend.unixTimestamp(),
    api.claimable(owner.toBase58()),
  ]);
  return {
    owner: owner.toBase58(), sol, agent, now,
    staked: position?.staked ?? 0n, unstaking: position?.unstaking ?? 0n, unlockAt: position?.unstaking ? position.unlockAt : 0n,
    claimable: claimable.filter((x) => x.agentMint === mint),
  };
}
