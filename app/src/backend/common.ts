/** Transaction assembly shared by the backends. */
import {
  ComputeBudgetProgram, type Keypair, PublicKey, type TransactionInstruction, TransactionMessage, VersionedTransaction,
  type AddressLookupTableAccount, type MessageCompiledInstruction, type VersionedMessage,
} from "@solana/web3.js";

import type { RawInstruction } from "../events.js";
import type { SendOptions } from "./types.js";

export function buildTransaction(
  instructions: TransactionInstruction[], payer: Keypair, signers: Keypair[], blockhash: string, options: SendOptions = {},
): VersionedTransaction {
  const ixs = options.computeUnitLimit
    ? [ComputeBudgetProgram.setComputeUnitLimit({ units: options.computeUnitLimit }), ...instructions]
    : instructions;
  const message = new TransactionMessage({ payerKey: payer.publicKey, recentBlockhash: blockhash, instructions: ixs })
    .compileToV0Message(options.lookupTables ?? []);
  const tx = new VersionedTransaction(message);
  const unique = new Map([payer, ...signers].map((k) => [k.publicKey.toBase58(), k]));
  tx.sign([...unique.values()]);
  return tx;
}

/** Inner instructions resolved to program ids, given the message's full account list. */
export function resolveInner(
  message: VersionedMessage, lookupTables: AddressLookupTableAccount[] | undefined,
  loaded: { writable: PublicKey[]; readonly: PublicKey[] } | undefined, inner: Pick<MessageCompiledInstruction, "programIdIndex" | "data">[],
): RawInstruction[] {
  const keys = loaded
    ? message.getAccountKeys({ accountKeysFromLookups: loaded })
    : message.getAccountKeys({ addressLookupTableAccounts: lookupTables ?? [] });
  return inner.map((ix) => ({ programId: keys.get(ix.programIdIndex) ?? PublicKey.default, data: ix.data }));
}
