/**
 * What a wallet can claim now, read live from the chain: for each agent the indexer has
 * seen the wallet stake in, the stake pool and the position through the SDK's fetchers and
 * its `claimable` math at the cluster's time.
 */
import { type Backend, fetchPosition, fetchStakePool, math } from "@agentpad/sdk";
import { PublicKey } from "@solana/web3.js";

import { Upstream } from "./api.js";
import { oneLine } from "./indexer.js";

export interface Claimable { agentMint: string; rewardMint: string; amount: string; staked: string }

export async function claimableOf(backend: Backend, owner: string, agentMints: string[]): Promise<Claimable[]> {
  const wallet = new PublicKey(owner);
  try {
    const now = await backend.unixTimestamp();
    const perAgent = await Promise.all(agentMints.map(async (mint) => {
      const agentMint = new PublicKey(mint);
      const [pool, position] = await Promise.all([fetchStakePool(backend, agentMint), fetchPosition(backend, agentMint, wallet)]);
      if (!pool || !position) return []; // the position was closed
      return pool.rewards.map((r, i) => ({
        agentMint: mint, rewardMint: r.mint.toBase58(),
        amount: math.claimable(r, position.accruals[i], position.staked, pool.totalStaked, now).toString(), staked: position.staked.toString(),
      }));
    }));
    return perAgent.flat();
  } catch (e) {
    throw new Upstream(`reading the chain: ${oneLine(e)}`);
  }
}
