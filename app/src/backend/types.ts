/**
 * Where transactions go. The SDK builds instructions and reads accounts through this
 * interface only, so one client (and one test harness) runs against an RPC node
 * (`solana-test-validator`, devnet) or an in-process LiteSVM with the same `.so` files.
 */
import type { AccountInfo, AddressLookupTableAccount, PublicKey, VersionedTransaction } from "@solana/web3.js";

import type { AgentpadError } from "../errors.js";
import type { RawInstruction } from "../events.js";
import type { TransactionSigner } from "../signer.js";

export interface TxResult {
  signature: string;
  logs: string[];
  computeUnits: bigint;
  /** Inner (CPI) instructions, where `emit_cpi!` events live. */
  innerInstructions: RawInstruction[];
  /** Serialized size of the transaction in bytes. */
  size: number;
}

export interface Simulation {
  /** The program error, named, or null when the transaction would succeed. */
  err: AgentpadError | null;
  logs: string[];
  unitsConsumed: number;
  /** The program's return data (e.g. `lz_receive_types`), empty when none. */
  returnData: Uint8Array;
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
  latestBlockhash(): Promise<string>;
  /** Runs a transaction without signatures against current state (blockhash replaced). */
  simulate(tx: VersionedTransaction): Promise<Simulation>;
  /**
   * Sends a signed transaction and waits for confirmation. Throws an `AgentpadError` naming
   * the program error on failure.
   */
  sendTransaction(tx: VersionedTransaction): Promise<TxResult>;
  /**
   * Recent prioritization fees (micro-lamports per compute unit) paid by transactions that
   * wrote `accounts`; absent where there is no fee market (LiteSVM).
   */
  recentPrioritizationFees?(accounts: PublicKey[]): Promise<number[]>;
  /** Creates a lookup table holding `addresses`, usable once this returns. */
  createLookupTable(authority: TransactionSigner, addresses: PublicKey[]): Promise<PublicKey>;
  getLookupTable(address: PublicKey): Promise<AddressLookupTableAccount | null>;
  /**
   * Accounts of `program` whose data has `bytes` at `offset` (getProgramAccounts with a
   * memcmp filter); absent where the backend cannot scan (LiteSVM).
   */
  findAccounts?(program: PublicKey, offset: number, bytes: Uint8Array): Promise<{ pubkey: PublicKey; account: AccountInfo<Buffer> }[]>;
  /** Test networks only: fund `address` with `lamports`. */
  airdrop(address: PublicKey, lamports: bigint): Promise<void>;
}
