/** A JSON-RPC node: solana-test-validator, devnet, mainnet-beta. */
import {
  AddressLookupTableProgram, Connection, PublicKey, SYSVAR_CLOCK_PUBKEY, SendTransactionError, type VersionedTransaction,
  type AccountInfo, type AddressLookupTableAccount, type Commitment,
} from "@solana/web3.js";
import { utils } from "../anchor.js";

import { type AgentpadError, clientError, errorFromLogs } from "../errors.js";
import type { TransactionSigner } from "../signer.js";
import { prepared, sendPrepared } from "../transaction.js";
import { resolveInner } from "./common.js";
import type { Backend, Simulation, TxResult } from "./types.js";

/**
 * A `Connection` whose calls fail with one named error (`NodeUnreachable`) when no node
 * answers at `endpoint` (refused, unknown host, reset, timeout) — instead of undici's
 * `TypeError: fetch failed`, which web3.js wraps into messages like "failed to get info
 * about account …".
 */
function connect(endpoint: string, commitment: Commitment): Connection {
  let unreachable: AgentpadError | undefined;
  const guardedFetch: typeof fetch = async (input, init) => {
    try {
      return await fetch(input, init);
    } catch (e) {
      const cause = (e as { cause?: { code?: string; message?: string } }).cause;
      unreachable = clientError("NodeUnreachable", `no Solana node answers at ${endpoint} (${cause?.code ?? cause?.message ?? (e as Error).message})`);
      throw unreachable;
    }
  };
  const connection = new Connection(endpoint, { commitment, fetch: guardedFetch });
  return new Proxy(connection, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        unreachable = undefined;
        const result = value.apply(target, args);
        return result instanceof Promise ? result.catch((e: unknown) => { throw unreachable ?? e; }) : result;
      };
    },
  });
}

export class RpcBackend implements Backend {
  readonly kind = "rpc" as const;
  readonly connection: Connection;

  constructor(readonly endpoint: string, readonly commitment: Commitment = "confirmed") {
    this.connection = connect(endpoint, commitment);
  }

  getAccountInfo(address: PublicKey) {
    return this.connection.getAccountInfo(address);
  }

  getMultipleAccountsInfo(addresses: PublicKey[]) {
    return this.connection.getMultipleAccountsInfo(addresses) as Promise<(AccountInfo<Buffer> | null)[]>;
  }

  async getBalance(address: PublicKey) {
    return BigInt(await this.connection.getBalance(address));
  }

  async minimumBalanceForRentExemption(space: number) {
    return BigInt(await this.connection.getMinimumBalanceForRentExemption(space));
  }

  /** The Clock sysvar's `unix_timestamp` (offset 32): the time the programs see. */
  async unixTimestamp() {
    const clock = await this.connection.getAccountInfo(SYSVAR_CLOCK_PUBKEY);
    if (!clock) throw new Error("the cluster returned no Clock sysvar");
    return clock.data.readBigInt64LE(32);
  }


  async latestBlockhash() {
    return (await this.connection.getLatestBlockhash()).blockhash;
  }

  async simulate(tx: VersionedTransaction): Promise<Simulation> {
    const sim = await this.connection.simulateTransaction(tx, { sigVerify: false, replaceRecentBlockhash: true, commitment: this.commitment });
    const logs = sim.value.logs ?? [];
    return {
      err: sim.value.err ? errorFromLogs(logs, JSON.stringify(sim.value.err)) : null, logs, unitsConsumed: sim.value.unitsConsumed ?? 0,
      returnData: Buffer.from(sim.value.returnData?.data?.[0] ?? "", "base64"),
    };
  }

  async sendTransaction(tx: VersionedTransaction): Promise<TxResult> {
    const bytes = tx.serialize();
    const blockhash = tx.message.recentBlockhash;
    const { lastValidBlockHeight } = await this.connection.getLatestBlockhash();
    let signature: string;
    try {
      signature = await this.connection.sendRawTransaction(bytes, { preflightCommitment: this.commitment });
    } catch (e) {
      if (e instanceof SendTransactionError) {
        const logs = e.logs ?? (await e.getLogs(this.connection).catch(() => [])) ?? [];
        throw errorFromLogs(logs, e.message);
      }
      throw e;
    }
    const status = await this.connection.confirmTransaction({ signature, blockhash, lastValidBlockHeight }, this.commitment);
    const got = await this.confirmedTransaction(signature);
    const logs = got.meta?.logMessages ?? [];
    if (status.value.err) throw errorFromLogs(logs, JSON.stringify(status.value.err));
    const inner = (got.meta?.innerInstructions ?? []).flatMap((group) =>
      group.instructions.map((ix) => ({ programIdIndex: ix.programIdIndex, data: utils.bytes.bs58.decode(ix.data) })));
    return {
      signature, logs, computeUnits: BigInt(got.meta?.computeUnitsConsumed ?? 0), size: bytes.length,
      innerInstructions: resolveInner(got.transaction.message, undefined, got.meta?.loadedAddresses, inner),
    };
  }

  async recentPrioritizationFees(accounts: PublicKey[]) {
    return (await this.connection.getRecentPrioritizationFees({ lockedWritableAccounts: accounts })).map((f) => f.prioritizationFee);
  }

  /**
   * A confirmed transaction's details (logs, inner instructions, compute units). A node
   * answers `getTransaction` with null for a while after confirming it (its transaction
   * status store lags the bank, more so under load): taken as "no events", that lost a
   * trade's events on a busy validator. Asked again until it answers, for at most ~30 s.
   */
  private async confirmedTransaction(signature: string) {
    for (let attempt = 0; attempt < RpcBackend.TRANSACTION_ATTEMPTS; attempt++) {
      if (attempt > 0) await new Promise((done) => setTimeout(done, RpcBackend.TRANSACTION_RETRY_MS));
      const got = await this.connection.getTransaction(signature, { commitment: "confirmed", maxSupportedTransactionVersion: 0 });
      if (got) return got;
    }
    throw clientError("TransactionNotFound", `transaction ${signature} is confirmed but the node at ${this.endpoint} does not return it`);
  }

  static TRANSACTION_ATTEMPTS = 60;
  static TRANSACTION_RETRY_MS = 500;

  async createLookupTable(authority: TransactionSigner, addresses: PublicKey[]): Promise<PublicKey> {
    const recentSlot = await this.connection.getSlot("finalized");
    const who = { authority: authority.publicKey, payer: authority.publicKey };
    const [create, table] = AddressLookupTableProgram.createLookupTable({ ...who, recentSlot });
    await sendPrepared(this, authority, prepared([create]));
    for (let i = 0; i < addresses.length; i += 20) {
      await sendPrepared(this, authority, prepared([AddressLookupTableProgram.extendLookupTable({ ...who, lookupTable: table, addresses: addresses.slice(i, i + 20) })]));
    }
    // Addresses added in slot S are usable from slot S + 1.
    const extendedAt = await this.connection.getSlot();
    while ((await this.connection.getSlot()) <= extendedAt) await new Promise((r) => setTimeout(r, 200));
    return table;
  }

  async getLookupTable(address: PublicKey): Promise<AddressLookupTableAccount | null> {
    return (await this.connection.getAddressLookupTable(address)).value;
  }

  async findAccounts(program: PublicKey, offset: number, bytes: Uint8Array) {
    const found = await this.connection.getProgramAccounts(program, {
      filters: [{ memcmp: { offset, bytes: utils.bytes.bs58.encode(Buffer.from(bytes)) } }],
    });
    return found.map(({ pubkey, account }) => ({ pubkey, account }));
  }

  async airdrop(address: PublicKey, lamports: bigint) {
    const signature = await this.connection.requestAirdrop(address, Number(lamports));
    const { blockhash, lastValidBlockHeight } = await this.connection.getLatestBlockhash();
    await this.connection.confirmTransaction({ signature, blockhash, lastValidBlockHeight }, this.commitment);
  }
}
