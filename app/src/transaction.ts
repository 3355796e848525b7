/**
 * From what an action needs to a transaction on the chain. Role services (services/) return
 * `Prepared` actions; `toTransaction` makes one an unsigned v0 transaction for any signer,
 * with a compute-unit limit taken from simulation and, if asked, a priority fee from recent
 * fees; `sendPrepared` signs it (the signer, then the keys the SDK generated) and sends it.
 */
import {
  ComputeBudgetProgram, type AddressLookupTableAccount, type Keypair, type PublicKey, type TransactionInstruction,
  type VersionedTransaction,
} from "@solana/web3.js";

import { compileTransaction } from "./backend/common.js";
import type { Backend, TxResult } from "./backend/types.js";
import { clientError } from "./errors.js";
import { type AgentpadEvent, decodeEvents } from "./events.js";
import type { TransactionSigner } from "./signer.js";

/** One action as instructions, before anybody signs. */
export interface Prepared<R extends object = object> {
  instructions: TransactionInstruction[];
  /** Keys the SDK generated that sign too (a new agent's mint). */
  signers: Keypair[];
  /** Lookup tables the message is compiled against (a launch's). */
  lookupTables: AddressLookupTableAccount[];
  /** What the action yields besides its transaction: a trade's quote and limit, a new mint. */
  result: R;
}

export function prepared<R extends object = object>(
  instructions: TransactionInstruction[], result: R = {} as R, more: { signers?: Keypair[]; lookupTables?: AddressLookupTableAccount[] } = {},
): Prepared<R> {
  return { instructions, signers: more.signers ?? [], lookupTables: more.lookupTables ?? [], result };
}

export interface FeeOptions {
  /**
   * Compute-unit price: micro-lamports per unit, or "auto" for the 75th percentile of what
   * recent transactions writing the same accounts paid (none where the backend has no fee market).
   */
  priorityFee?: number | "auto";
  /** Added to the simulated compute units, in bps (default 1,000: 10%). */
  computeUnitMargin?: number;
  /** A fixed compute-unit limit instead of simulating. */
  computeUnitLimit?: number;
}

export interface Sent extends TxResult {
  events: AgentpadEvent[];
}

/** The most a transaction may use (and what a simulation is given). */
const MAX_COMPUTE_UNITS = 1_400_000;

/**
 * An unsigned v0 transaction for `payer`, signed already by `prepared.signers`. Its
 * compute-unit limit is the simulated use plus a margin; a simulation that fails throws the
 * program's named error before anything is signed.
 */
export async function toTransaction(backend: Backend, p: Prepared, payer: PublicKey, o: FeeOptions = {}): Promise<VersionedTransaction> {
  const price = await computeUnitPrice(backend, p.instructions, o.priorityFee);
  const budget = (units: number) => [
    ComputeBudgetProgram.setComputeUnitLimit({ units }),
    ...(price > 0 ? [ComputeBudgetProgram.setComputeUnitPrice({ microLamports: price })] : []),
  ];
  const blockhash = await backend.latestBlockhash();
  let limit = o.computeUnitLimit;
  if (limit === undefined) {
    const sim = await backend.simulate(compileTransaction([...budget(MAX_COMPUTE_UNITS), ...p.instructions], payer, blockhash, p.lookupTables));
    if (sim.err) throw sim.err;
    const margin = BigInt(o.computeUnitMargin ?? 1_000);
    limit = Math.min(MAX_COMPUTE_UNITS, Number((BigInt(sim.unitsConsumed) * (10_000n + margin) + 9_999n) / 10_000n));
  }
  const tx = compileTransaction([...budget(limit), ...p.instructions], payer, blockhash, p.lookupTables);
  if (p.signers.length > 0) tx.sign(p.signers);
  return tx;
}

/** Builds, signs (`signer` pays) and sends; the decoded events come with the result. */
export async function sendPrepared(backend: Backend, signer: TransactionSigner, p: Prepared, o: FeeOptions = {}): Promise<Sent> {
  const tx = await signer.signTransaction(await toTransaction(backend, p, signer.publicKey, o));
  const sent = await backend.sendTransaction(tx);
  return { ...sent, events: decodeEvents(sent.innerInstructions) };
}

/** What a program returns from a simulated call (e.g. `lz_receive_types`), `payer` paying. */
export async function simulateReturnData(backend: Backend, instructions: TransactionInstruction[], payer: PublicKey): Promise<Uint8Array> {
  const sim = await backend.simulate(compileTransaction(instructions, payer, await backend.latestBlockhash()));
  if (sim.err) throw sim.err;
  return sim.returnData;
}

async function computeUnitPrice(backend: Backend, instructions: TransactionInstruction[], fee: FeeOptions["priorityFee"]): Promise<number> {
  if (fee === undefined) return 0;
  if (fee !== "auto") {
    if (!Number.isSafeInteger(fee) || fee < 0) throw clientError("InvalidPriorityFee", `a priority fee is a whole number of micro-lamports, got ${fee}`);
    return fee;
  }
  if (!backend.recentPrioritizationFees) return 0;
  const writable = [...new Map(instructions.flatMap((i) => i.keys).filter((k) => k.isWritable).map((k) => [k.pubkey.toBase58(), k.pubkey])).values()];
  const fees = (await backend.recentPrioritizationFees(writable.slice(0, 128))).sort((a, b) => a - b);
  return fees.length === 0 ? 0 : fees[Math.min(fees.length - 1, Math.floor(fees.length * 0.75))];
}
