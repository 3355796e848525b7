/** Transaction assembly shared by the backends. */
import {
  PublicKey, type TransactionInstruction, TransactionMessage, VersionedTransaction, type AddressLookupTableAccount,
  type MessageCompiledInstruction, type VersionedMessage,
} from "@solana/web3.js";

import type { RawInstruction } from "../events.js";

/** An unsigned v0 transaction paid by `payer`. */
export function compileTransaction(
  instructions: TransactionInstruction[], payer: PublicKey, blockhash: string, lookupTables: AddressLookupTableAccount[] = [],
): VersionedTransaction {
  const message = new TransactionMessage({ payerKey: payer, recentBlockhash: blockhash, instructions }).compileToV0Message(lookupTables);
  return new VersionedTransaction(message);
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
