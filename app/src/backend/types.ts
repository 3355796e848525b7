/**
 * Where transactions go. The SDK builds instructions and reads accounts through this
 * interface only, so one client (and one test harness) runs against an RPC node
 * (`solana-test-validator`, devnet) or an in-process LiteSVM with the same `.so` files.
 */
import type { AccountInfo, AddressLookupTableAccount, Keypair, PublicKey, TransactionInstruction } from "@solana/web3.js";

import type { RawInstruction } from "../events.js";

export interface SendOptions {
  /** Lookup tables to compile the v0 message against. */
  lookupTables?: AddressLookupTableAccount[];
  /** Compute-unit limit (a ComputeBudget instruction is prepended when set). */
  computeUnitLimit?: number;
}

export interface TxResult {
  signature: string;
  logs: string[];
  computeUnits: bigint;
  /** Inner (CPI) instructions, where `emit_cpi!` events live. */
  innerInstructions: RawInstruction[];
  /** Serialized size of the transaction in bytes. */
  size: number;
}

export interface Backend {
  readonly kind: "rpc" | "litesvm";
  /** Human description: the RPC URL, or "litesvm". */
  readonly endpoint: string;
  getAccountInfo(address: PublicKey): Promise<AccountInfo<Buffer> | null>;
  getMultipleAccountsInfo(addresses: PublicKey[]): Promise<(AccountInfo<Buffer> | null)[]>;
  getBalance(address: PublicKey): Promise<bigint>;
  minimumBalanceForRentExemption(space: number): Promise<bigint>;
  /** Cluster time (the Clock sysvar's unix timestamp). */
  unixTimestamp(): Promise<bigint>;
  /**
   * Signs with `payer` (fee payer) and `signers`, sends as a v0 transaction, waits for
   * confirmation. Throws an `AgentpadError` naming the program error on failure.
   */
  send(instructions: TransactionInstruction[], payer: Keypair, signers?: Keypair[], options?: SendOptions): Promise<TxResult>;
  /** Simulates and returns the program's return data (e.g. `lz_receive_types`). */
  simulateReturnData(instructions: TransactionInstruction[], payer: Keypair): Promise<Uint8Array>;
  /** Creates a lookup table holding `addresses`, usable once this returns. */
  createLookupTable(authority: Keypair, addresses: PublicKey[]): Promise<PublicKey>;
  getLookupTable(address: PublicKey): Promise<AddressLookupTableAccount | null>;
  /**
   * Accounts of `program` whose data has `bytes` at `offset` (getProgramAccounts with a
   * memcmp filter); absent where the backend cannot scan (LiteSVM).
   */
  findAccounts?(program: PublicKey, offset: number, bytes: Uint8Array): Promise<{ pubkey: PublicKey; account: AccountInfo<Buffer> }[]>;
  /** Test networks only: fund `address` with `lamports`. */
  airdrop(address: PublicKey, lamports: bigint): Promise<void>;
}
