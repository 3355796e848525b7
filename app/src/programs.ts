/**
 * Anchor `Program` objects of the five programs, used for their coders (instruction data,
 * accounts, events) only: every instruction is built with `accountsStrict`, so nothing here
 * touches a network and the same builders serve an RPC node or LiteSVM.
 */
import { Program, type Provider } from "./anchor.js";
import { Connection } from "@solana/web3.js";

import { IDLS, type AgentCommerce, type AgentFactory, type BondingCurve, type FeeAggregator, type RevenueShare } from "./idl/index.js";

// Never used to send: builders and coders do not reach the provider.
const offline = { connection: new Connection("http://127.0.0.1:1") } as unknown as Provider;

export const programs = {
  agentFactory: new Program<AgentFactory>(IDLS.agentFactory, offline),
  bondingCurve: new Program<BondingCurve>(IDLS.bondingCurve, offline),
  feeAggregator: new Program<FeeAggregator>(IDLS.feeAggregator, offline),
  revenueShare: new Program<RevenueShare>(IDLS.revenueShare, offline),
  agentCommerce: new Program<AgentCommerce>(IDLS.agentCommerce, offline),
};

export type ProgramName = keyof typeof programs;

export function programNameOf(id: { toBase58(): string }): ProgramName | undefined {
  const key = id.toBase58();
  return (Object.keys(programs) as ProgramName[]).find((name) => programs[name].programId.toBase58() === key);
}
