/**
 * The ordering key: where an event sits in the chain — slot, the transaction's position in
 * its block, the event's index in the transaction — fixed-width digits, so comparing the
 * strings compares chain order in JS and in either database, whatever its collation. A
 * transaction whose position the node could not give sorts after the slot's known
 * positions, by its signature's bytes (in hex): a fixed order, so every replay agrees. (The
 * two forms only ever meet within a slot at different positions, where the position decides.)
 */
import { decodeBase58 } from "./base58.js";

export const UNKNOWN_POSITION = 999_999;
/** Index used for a transaction's own state (its token balances): after all its events. */
export const TX_END = 9_999;

export function ordKey(slot: number, txIndex: number | null, signature: string, eventIndex: number): string {
  const head = `${String(slot).padStart(12, "0")}.${String(txIndex ?? UNKNOWN_POSITION).padStart(6, "0")}`;
  const tail = String(eventIndex).padStart(4, "0");
  return txIndex === null ? `${head}.${Buffer.from(decodeBase58(signature)).toString("hex")}.${tail}` : `${head}.${tail}`;
}
