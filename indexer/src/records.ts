/**
 * One transaction as the indexer stores it: a getTransaction answer (json encoding, as the
 * node sends it) reduced to the agentpad events — the SDK's decodeEvents over the inner
 * instructions resolved to program ids — and the token balances after it. A failed
 * transaction keeps its place (so it is not fetched again) but no events.
 */
import { PublicKey } from "@solana/web3.js";

import { type AgentpadEvent, PROGRAM_IDS, decodeEvents } from "@agentpad/sdk";

import { decodeBase58, keyText } from "./base58.js";

/** The parts of a getTransaction answer (json encoding) the indexer reads. */
export interface RawTransaction {
  slot: number;
  blockTime: number | null;
  transaction: { signatures: string[]; message: { accountKeys: string[] } };
  meta: {
    err: unknown;
    innerInstructions?: { index: number; instructions: { programIdIndex: number; data: string }[] }[] | null;
    postTokenBalances?: { accountIndex: number; mint: string; owner?: string; uiTokenAmount: { amount: string; decimals: number } }[] | null;
    loadedAddresses?: { writable: string[]; readonly: string[] } | null;
  } | null;
}

export interface TokenBalance {
  account: string;
  /** The token account's owner (absent in very old transactions). */
  owner: string | null;
  mint: string;
  amount: bigint;
  decimals: number;
}

export interface TxRecord {
  signature: string;
  slot: number;
  blockTime: number | null;
  /** The transaction's error as the node reports it, null when it succeeded. */
  err: unknown;
  events: AgentpadEvent[];
  tokenBalances: TokenBalance[];
}

/** Where a transaction sits in its block: the ordering key's middle part. */
export interface Positioned extends TxRecord {
  /** Position among the block's transactions; null when the node could not tell. */
  txIndex: number | null;
  commitment: Commitment;
}

export type Commitment = "confirmed" | "finalized";

/** The four programs by base58 id (their emit_cpi! self-invocations carry the events). */
const OURS = new Map(Object.values(PROGRAM_IDS).map((id) => [id.toBase58(), id]));

export function toRecord(signature: string, tx: RawTransaction): TxRecord {
  const meta = tx.meta;
  const err = meta?.err ?? null;
  // A v0 message's account list: its static keys, then the lookup tables' writable and
  // readonly addresses (what web3.js's getAccountKeys and the SDK's resolveInner build).
  const loaded = meta?.loadedAddresses;
  const keys = [...tx.transaction.message.accountKeys, ...(loaded?.writable ?? []), ...(loaded?.readonly ?? [])];
  const inner = err ? [] : (meta?.innerInstructions ?? []).flatMap((group) => group.instructions.flatMap((ix) => {
    const programId = OURS.get(keys[ix.programIdIndex]);
    return programId ? [{ programId, data: decodeBase58(ix.data) }] : [];
  }));
  return {
    signature,
    slot: tx.slot,
    blockTime: tx.blockTime ?? null,
    err,
    events: decodeEvents(inner),
    tokenBalances: err ? [] : (meta?.postTokenBalances ?? []).map((b) => ({
      account: keys[b.accountIndex], owner: b.owner ?? null, mint: b.mint, amount: BigInt(b.uiTokenAmount.amount), decimals: b.uiTokenAmount.decimals,
    })),
  };
}

/** Event data as JSON text: integers as decimal strings, keys base58, byte arrays as arrays. */
export function eventJson(value: unknown): string {
  if (typeof value === "bigint") return `"${value}"`;
  if (value instanceof PublicKey) return `"${keyText(value)}"`;
  if (value instanceof Uint8Array || Array.isArray(value)) return `[${Array.from(value as ArrayLike<unknown>, eventJson).join(",")}]`;
  if (value && typeof value === "object") {
    let out = "";
    for (const k in value) out += `${out ? "," : ""}${JSON.stringify(k)}:${eventJson((value as Record<string, unknown>)[k])}`;
    return `{${out}}`;
  }
  return JSON.stringify(value) ?? "null";
}
