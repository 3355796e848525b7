/**
 * Synthetic but correctly encoded transactions, as a node's getTransaction returns them
 * (json encoding, legacy message): each event is a self-CPI inner instruction to its
 * program — Anchor's event-instruction tag, the event's discriminator, its borsh bytes
 * from the SDK's Anchor coder — exactly what decodeEvents reads from a real transaction.
 */
import anchor from "@anchor-lang/core";
import { type ProgramName, SEEDS, programs } from "@agentpad/sdk";
import { PublicKey } from "@solana/web3.js";

import { encodeBase58, keyText } from "../../src/base58.js";

const { BN } = anchor;
const EVENT_IX_TAG = Buffer.from("e445a52e51cb9a1d", "hex");
export const TOKEN_2022 = "TokenzQdBNbLqP5VEhdkAS6EPFLC1PHnBqCXEpPxuEb";

export interface SyntheticEvent { program: ProgramName; name: string; data: Record<string, unknown> }
/** A token balance after the transaction (keys base58). */
export interface SyntheticBalance { account: string; owner: string; mint: string; amount: bigint; decimals: number }

/** bigint -> BN, recursively (what the borsh layouts take). */
function forAnchor(v: unknown): unknown {
  if (typeof v === "bigint") return new BN(v.toString());
  if (v instanceof PublicKey || v === null || typeof v !== "object" || v instanceof Uint8Array) return v;
  if (Array.isArray(v)) return v.map(forAnchor);
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, forAnchor(x)]));
}

const discriminators = new Map<string, Buffer>();
export function eventBytes(e: SyntheticEvent): Buffer {
  const k = `${e.program}.${e.name}`;
  let disc = discriminators.get(k);
  if (!disc) {
    const found = programs[e.program].idl.events?.find((x) => x.name === e.name);
    if (!found) throw new Error(`no event ${k}`);
    disc = Buffer.from(found.discriminator);
    discriminators.set(k, disc);
  }
  return Buffer.concat([EVENT_IX_TAG, disc, programs[e.program].coder.types.encode(e.name, forAnchor(e.data))]);
}

const authorities = new Map<ProgramName, PublicKey>();
function eventAuthority(program: ProgramName): PublicKey {
  let a = authorities.get(program);
  if (!a) {
    a = PublicKey.findProgramAddressSync([Buffer.from(SEEDS.eventAuthority)], programs[program].programId)[0];
    authorities.set(program, a);
  }
  return a;
}

const ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

/**
 * A deterministic signature for `n` (and a namespace), written directly in base58: 87
 * characters led by one worth at least 9 always encode exactly 64 bytes.
 */
export function signatureOf(n: number, space = 0): string {
  let digits = "";
  for (let v = n; digits.length < 12; v = Math.floor(v / 58)) digits = ALPHABET[v % 58] + digits;
  return `S${ALPHABET[space % 58]}${digits}`.padEnd(87, "x");
}

export function syntheticTransaction(o: {
  signature: string; slot: number; blockTime: number; payer: PublicKey; events: SyntheticEvent[]; balances?: SyntheticBalance[]; failed?: boolean;
}): Record<string, unknown> {
  const keys: string[] = [];
  const index = (k: PublicKey | string) => {
    const s = typeof k === "string" ? k : keyText(k);
    let i = keys.indexOf(s);
    if (i < 0) i = keys.push(s) - 1;
    return i;
  };
  index(o.payer);
  const balances = (o.balances ?? []).map((b) => ({ ...b, accountIndex: index(b.account) }));
  const outerProgram = index(programs[o.events[0]?.program ?? "bondingCurve"].programId);
  const inner = o.events.map((e) => ({
    programIdIndex: index(programs[e.program].programId), accounts: [index(eventAuthority(e.program))],
    data: encodeBase58(eventBytes(e)), stackHeight: 2,
  }));
  const n = keys.length;
  return {
    slot: o.slot, blockTime: o.blockTime, version: "legacy",
    transaction: {
      signatures: [o.signature],
      message: {
        header: { numRequiredSignatures: 1, numReadonlySignedAccounts: 0, numReadonlyUnsignedAccounts: 0 },
        accountKeys: keys, recentBlockhash: "11111111111111111111111111111111",
        instructions: [{ programIdIndex: outerProgram, accounts: [0], data: "", stackHeight: null }],
      },
    },
    meta: {
      err: o.failed ? { InstructionError: [0, { Custom: 6000 }] } : null, status: o.failed ? { Err: { InstructionError: [0, { Custom: 6000 }] } } : { Ok: null },
      fee: 5000, preBalances: Array(n).fill(1_000_000_000), postBalances: Array(n).fill(1_000_000_000),
      innerInstructions: o.failed ? [] : [{ index: 0, instructions: inner }],
      logMessages: [], preTokenBalances: [],
      postTokenBalances: o.failed ? [] : balances.map((b) => ({
        accountIndex: b.accountIndex, mint: b.mint, owner: b.owner, programId: TOKEN_2022,
        uiTokenAmount: {
          amount: b.amount.toString(), decimals: b.decimals, uiAmount: Number(b.amount) / 10 ** b.decimals,
          uiAmountString: (Number(b.amount) / 10 ** b.decimals).toString(),
        },
      })),
      rewards: [], loadedAddresses: { writable: [], readonly: [] }, computeUnitsConsumed: 40_000,
    },
  };
}
