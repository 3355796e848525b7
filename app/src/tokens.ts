/** Token-account helpers over both token programs (SPL Token and Token-2022 share the base layout). */
import {
  createAssociatedTokenAccountIdempotentInstruction, createCloseAccountInstruction, createSyncNativeInstruction,
} from "@solana/spl-token";
import { PublicKey, SystemProgram, type TransactionInstruction } from "@solana/web3.js";

import type { Backend } from "./backend/types.js";
import { NATIVE_MINT, TOKEN_2022_PROGRAM_ID, TOKEN_PROGRAM_ID } from "./constants.js";
import { ata } from "./pda.js";

export interface MintInfo { address: PublicKey; decimals: number; supply: bigint; tokenProgram: PublicKey }

export async function fetchMint(backend: Backend, mint: PublicKey): Promise<MintInfo | null> {
  const info = await backend.getAccountInfo(mint);
  if (!info || info.data.length < 82) return null;
  if (!info.owner.equals(TOKEN_PROGRAM_ID) && !info.owner.equals(TOKEN_2022_PROGRAM_ID)) return null;
  return { address: mint, decimals: info.data[44], supply: info.data.readBigUInt64LE(36), tokenProgram: info.owner };
}

/** Balance of a token account; 0 when it does not exist. */
export async function tokenBalance(backend: Backend, account: PublicKey): Promise<bigint> {
  const info = await backend.getAccountInfo(account);
  if (!info || info.data.length < 72) return 0n;
  return info.data.readBigUInt64LE(64);
}

export function createAtaIdempotent(payer: PublicKey, owner: PublicKey, mint: PublicKey, tokenProgram: PublicKey): TransactionInstruction {
  return createAssociatedTokenAccountIdempotentInstruction(payer, ata(owner, mint, tokenProgram), owner, mint, tokenProgram);
}

/** Wraps `lamports` of `owner`'s SOL into its wSOL ATA (created if missing). */
export function wrapSol(owner: PublicKey, lamports: bigint): TransactionInstruction[] {
  const account = ata(owner, NATIVE_MINT, TOKEN_PROGRAM_ID);
  return [
    createAtaIdempotent(owner, owner, NATIVE_MINT, TOKEN_PROGRAM_ID),
    SystemProgram.transfer({ fromPubkey: owner, toPubkey: account, lamports }),
    createSyncNativeInstruction(account, TOKEN_PROGRAM_ID),
  ];
}

/** Closes `owner`'s wSOL ATA, returning its SOL. */
export function unwrapSol(owner: PublicKey): TransactionInstruction {
  return createCloseAccountInstruction(ata(owner, NATIVE_MINT, TOKEN_PROGRAM_ID), owner, owner, [], TOKEN_PROGRAM_ID);
}

/** `1.5` with 9 decimals -> 1_500_000_000n. Refuses more decimals than the mint has. */
export function parseAmount(text: string, decimals: number): bigint {
  const m = /^(\d+)(?:\.(\d*))?$/.exec(text.trim().replace(/_/g, ""));
  if (!m) throw new Error(`not an amount: "${text}"`);
  const frac = m[2] ?? "";
  if (frac.length > decimals) throw new Error(`"${text}" has more than ${decimals} decimals`);
  return BigInt(m[1]) * 10n ** BigInt(decimals) + BigInt(frac.padEnd(decimals, "0") || "0");
}

/** 1_500_000_000n with 9 decimals -> "1.5". */
export function formatAmount(units: bigint, decimals: number): string {
  const neg = units < 0n;
  const v = neg ? -units : units;
  const scale = 10n ** BigInt(decimals);
  const frac = (v % scale).toString().padStart(decimals, "0").replace(/0+$/, "");
  return `${neg ? "-" : ""}${v / scale}${frac ? "." + frac : ""}`;
}
