/** revenue-share instructions: staking, unstaking, reward mints, claims. */
import { BN } from "../anchor.js";
import { type AccountMeta, PublicKey, SystemProgram, type TransactionInstruction } from "@solana/web3.js";

import { PROGRAM_IDS, TOKEN_2022_PROGRAM_ID } from "../constants.js";
import { agentFactoryPda, agentTokenAccount, ata, eventAuthority, revenueSharePda as pda } from "../pda.js";
import { programs } from "../programs.js";

const program = () => programs.revenueShare;
const events = () => ({ eventAuthority: eventAuthority(PROGRAM_IDS.revenueShare), program: PROGRAM_IDS.revenueShare });
const bn = (v: bigint) => new BN(v.toString());

export function stake(owner: PublicKey, agentMint: PublicKey, amount: bigint): Promise<TransactionInstruction> {
  const stakePool = pda.stakePool(agentMint);
  return program().methods.stake(bn(amount)).accountsStrict({
    owner, stakePool, position: pda.position(stakePool, owner), ownerTokenAccount: agentTokenAccount(owner, agentMint),
    stakeVault: pda.stakeVault(stakePool), agentMint, tokenProgram: TOKEN_2022_PROGRAM_ID, systemProgram: SystemProgram.programId,
    ...events(),
  }).instruction();
}

/** `owner` acting on `positionOwner`'s position (the program refuses unless they are the same key). */
function ownPosition(owner: PublicKey, stakePool: PublicKey, positionOwner = owner) {
  return { owner, stakePool, position: pda.position(stakePool, positionOwner) };
}

/** Starts the cooldown on `amount` of `positionOwner`'s stake (signed by the owner). */
export function requestUnstake(owner: PublicKey, agentMint: PublicKey, amount: bigint, positionOwner = owner) {
  const stakePool = pda.stakePool(agentMint);
  return program().methods.requestUnstake(bn(amount)).accountsStrict({
    staker: ownPosition(owner, stakePool, positionOwner), ...events(),
  }).instruction();
}

/** After the cooldown: the unstaking tokens back to the owner's agent-token ATA. */
export function withdraw(owner: PublicKey, agentMint: PublicKey): Promise<TransactionInstruction> {
  const stakePool = pda.stakePool(agentMint);
  return program().methods.withdraw().accountsStrict({
    staker: ownPosition(owner, stakePool), destination: agentTokenAccount(owner, agentMint),
    stakeVault: pda.stakeVault(stakePool), agentMint, tokenProgram: TOKEN_2022_PROGRAM_ID, ...events(),
  }).instruction();
}

export function closePosition(owner: PublicKey, agentMint: PublicKey): Promise<TransactionInstruction> {
  const stakePool = pda.stakePool(agentMint);
  return program().methods.closePosition().accountsStrict({ staker: ownPosition(owner, stakePool), ...events() }).instruction();
}

/** One reward mint to claim, paid to `destination` (default: the owner's ATA). */
export interface RewardClaim { mint: PublicKey; tokenProgram: PublicKey; destination?: PublicKey }

/** Claims every listed reward mint of `owner`'s position in one instruction. */
export function claim(owner: PublicKey, agentMint: PublicKey, rewards: RewardClaim[]): Promise<TransactionInstruction> {
  const stakePool = pda.stakePool(agentMint);
  const remaining: AccountMeta[] = rewards.flatMap((r) => [
    { pubkey: r.mint, isSigner: false, isWritable: false },
    { pubkey: pda.rewardVault(stakePool, r.mint), isSigner: false, isWritable: true },
    { pubkey: r.destination ?? ata(owner, r.mint, r.tokenProgram), isSigner: false, isWritable: true },
    { pubkey: r.tokenProgram, isSigner: false, isWritable: false },
  ]);
  return program().methods.claim().accountsStrict({ staker: ownPosition(owner, stakePool), ...events() })
    .remainingAccounts(remaining).instruction();
}

/** The agent's creator adds a reward mint (up to four per stake pool). */
export function addRewardMint(creator: PublicKey, agentMint: PublicKey, rewardMint: PublicKey, rewardTokenProgram: PublicKey) {
  const stakePool = pda.stakePool(agentMint);
  return program().methods.addRewardMint().accountsStrict({
    creator, agent: agentFactoryPda.agent(agentMint), stakePool, rewardMint, rewardVault: pda.rewardVault(stakePool, rewardMint),
    rewardTokenProgram, systemProgram: SystemProgram.programId, ...events(),
  }).instruction();
}

/** Called directly this is refused: only agent-factory's launcher PDA may create stake pools. */
export function createStakePool(
  payer: PublicKey, launcher: PublicKey, agentMint: PublicKey, rewardMint: PublicKey, rewardTokenProgram: PublicKey, unstakeCooldown: number,
  rewardWindow: number,
): Promise<TransactionInstruction> {
  const stakePool = pda.stakePool(agentMint);
  return program().methods.createStakePool(unstakeCooldown, rewardWindow).accountsStrict({
    payer, launcher, agentMint, stakePool, stakeVault: pda.stakeVault(stakePool), rewardMint,
    rewardVault: pda.rewardVault(stakePool, rewardMint), agentTokenProgram: TOKEN_2022_PROGRAM_ID, rewardTokenProgram,
    systemProgram: SystemProgram.programId, ...events(),
  }).instruction();
}

/** Called directly this is refused: only the agent's fee-aggregator vault PDA may notify rewards. */
export function notifyReward(
  aggregatorVault: PublicKey, source: PublicKey, agentMint: PublicKey, rewardMint: PublicKey, tokenProgram: PublicKey, amount: bigint,
): Promise<TransactionInstruction> {
  const stakePool = pda.stakePool(agentMint);
  return program().methods.notifyReward(bn(amount)).accountsStrict({
    aggregatorVault, source, stakePool, rewardVault: pda.rewardVault(stakePool, rewardMint), rewardMint, tokenProgram, ...events(),
  }).instruction();
}
