/** agent-commerce instructions: operators, and a job's life (create, accept, fund, submit, approve or reject, expire). */
import { BN } from "../anchor.js";
import { type PublicKey, SystemProgram, type TransactionInstruction } from "@solana/web3.js";

import type { Evaluator } from "../accounts.js";
import { PROGRAM_IDS } from "../constants.js";
import { type JobKeys, agentCommercePda as pda, agentFactoryPda, eventAuthority } from "../pda.js";
import { programs } from "../programs.js";

const program = () => programs.agentCommerce;
const events = () => ({ eventAuthority: eventAuthority(PROGRAM_IDS.agentCommerce), program: PROGRAM_IDS.agentCommerce });
const bn = (v: bigint) => new BN(v.toString());

/** The agent's creator names (or rotates) `operator`, the key that acts for the agent in jobs. */
export function setOperator(creator: PublicKey, agentMint: PublicKey, operator: PublicKey): Promise<TransactionInstruction> {
  return program().methods.setOperator(operator).accountsStrict({
    creator, agent: agentFactoryPda.agent(agentMint), agentMint, operatorAccount: pda.operator(agentMint),
    systemProgram: SystemProgram.programId, ...events(),
  }).instruction();
}

export interface CreateJobArgs {
  /** The client's number for the job (its PDA seed): any value it has not used. */
  id: bigint;
  budget: bigint;
  evaluator: Evaluator;
  /** The evaluator's fee on approval, in bps of the budget (rounded down). */
  evaluatorFeeBps: number;
  /** Unix time from which the job can no longer progress and anyone may refund it. */
  expiresAt: bigint;
  termsHash: Uint8Array;
  termsUri: string;
}

/**
 * `create_job` for `keys` (its client signs and pays); `parent` is the job this one
 * sub-contracts and that job's provider agent (the client is that agent's operator).
 */
export function createJob(keys: JobKeys, args: CreateJobArgs, parent?: { job: PublicKey; provider: PublicKey }): Promise<TransactionInstruction> {
  if (args.id !== keys.id) throw new Error("the job's keys and arguments name different ids");
  return program().methods.createJob({
    id: bn(args.id), budget: bn(args.budget), evaluator: args.evaluator, evaluatorFeeBps: args.evaluatorFeeBps,
    expiresAt: bn(args.expiresAt), termsHash: Array.from(args.termsHash), termsUri: args.termsUri,
  }).accountsStrict({
    client: keys.client, providerVault: keys.providerVault, budgetMint: keys.budgetMint, job: keys.job, escrow: keys.escrow,
    parent: parent?.job ?? null, parentOperator: parent ? pda.operator(parent.provider) : null,
    tokenProgram: keys.tokenProgram, systemProgram: SystemProgram.programId, ...events(),
  }).instruction();
}

/** The provider agent's operator acting on the job (accept, submit). */
const providerAct = (operator: PublicKey, keys: JobKeys) => ({ operator, job: keys.job, providerOperator: pda.operator(keys.provider) });

/** The job with its escrow and what moving its tokens takes. */
const jobEscrow = (keys: JobKeys) => ({
  job: keys.job, escrow: keys.escrow, escrowAuthority: pda.escrowAuthority(), budgetMint: keys.budgetMint, tokenProgram: keys.tokenProgram,
});

/** The evaluator's operator account when the job names an agent as evaluator. */
const evaluatorOperator = (named: Evaluator) => ("agent" in named ? pda.operator(named.agent.mint) : null);

export function acceptJob(operator: PublicKey, keys: JobKeys): Promise<TransactionInstruction> {
  return program().methods.acceptJob().accountsStrict({ provider: providerAct(operator, keys), ...events() }).instruction();
}

/** The client moves the budget into escrow from its token account `from`. */
export function fundJob(keys: JobKeys, from: PublicKey): Promise<TransactionInstruction> {
  return program().methods.fundJob().accountsStrict({
    client: keys.client, clientTokenAccount: from, jobEscrow: jobEscrow(keys), ...events(),
  }).instruction();
}

export function submitJob(operator: PublicKey, keys: JobKeys, deliverableHash: Uint8Array, deliverableUri: string): Promise<TransactionInstruction> {
  return program().methods.submitJob(Array.from(deliverableHash), deliverableUri)
    .accountsStrict({ provider: providerAct(operator, keys), ...events() }).instruction();
}

/**
 * The evaluator (`named`, as the job names it) approves: its fee to `feeTo` (its own account
 * of the budget mint), the rest into the provider's fee vault as commerce revenue.
 */
export function approveJob(evaluator: PublicKey, named: Evaluator, keys: JobKeys, feeTo: PublicKey): Promise<TransactionInstruction> {
  return program().methods.approveJob().accountsStrict({
    evaluator, evaluatorOperator: evaluatorOperator(named), evaluatorTokenAccount: feeTo, jobEscrow: jobEscrow(keys),
    providerVault: keys.providerVault, providerVaultTokenAccount: keys.providerVaultTokens,
    feeAggregatorEventAuthority: eventAuthority(PROGRAM_IDS.feeAggregator), feeAggregatorProgram: PROGRAM_IDS.feeAggregator, ...events(),
  }).instruction();
}

/** The evaluator rejects: the whole budget back to `refundTo` (the client's account). */
export function rejectJob(evaluator: PublicKey, named: Evaluator, keys: JobKeys, refundTo: PublicKey): Promise<TransactionInstruction> {
  return program().methods.rejectJob().accountsStrict({
    evaluator, evaluatorOperator: evaluatorOperator(named), clientTokenAccount: refundTo, jobEscrow: jobEscrow(keys), ...events(),
  }).instruction();
}

/** Anyone, at or after the expiry: the job ends and its escrow goes back to `refundTo` (the client's account). */
export function expireJob(cranker: PublicKey, keys: JobKeys, refundTo: PublicKey): Promise<TransactionInstruction> {
  return program().methods.expireJob().accountsStrict({ cranker, clientTokenAccount: refundTo, jobEscrow: jobEscrow(keys), ...events() }).instruction();
}
