/**
 * What the indexer asks a Solana node: signature pages, transactions (batched), positions
 * in blocks (cached per slot), signature statuses, the finalized slot — as plain JSON-RPC —
 * and log subscriptions through web3.js's Connection (its websocket reconnects and
 * resubscribes by itself).
 */
import { Connection, type Logs, type PublicKey } from "@solana/web3.js";

import { RpcError, jsonRpc, jsonRpcBatch } from "./jsonrpc.js";
import type { RawTransaction } from "./records.js";

export interface SignatureInfo { signature: string; slot: number; err: unknown; blockTime: number | null; confirmationStatus?: string | null }
export interface SignatureStatus { slot: number; confirmationStatus?: string | null; err: unknown }

export const PAGE = 1000;
const CONFIRMED = { commitment: "confirmed" } as const;

export class Chain {
  private connection: Connection | undefined;
  /** Block positions of recent slots. */
  private readonly positions = new Map<number, Map<string, number>>();

  constructor(readonly rpcUrl: string, private readonly wsUrl?: string) {}

  /** Newest first: signatures of `program` older than `before` and newer than `until`. */
  signatures(program: PublicKey, before?: string, until?: string): Promise<SignatureInfo[]> {
    return jsonRpc(this.rpcUrl, "getSignaturesForAddress", [program.toBase58(), { ...CONFIRMED, limit: PAGE, before, until }]);
  }

  /** The transactions as the node sends them (json encoding, one batched request); null where it has none (yet). */
  async transactions(signatures: string[]): Promise<(RawTransaction | null)[]> {
    const got = await jsonRpcBatch<RawTransaction | null>(this.rpcUrl, "getTransaction",
      signatures.map((s) => [s, { ...CONFIRMED, encoding: "json", maxSupportedTransactionVersion: 0 }]));
    const failed = got.find((g): g is RpcError => g instanceof RpcError);
    if (failed) throw failed;
    return got as (RawTransaction | null)[];
  }

  /**
   * Position of each transaction in the blocks at `slots` (vote transactions included, as
   * the block orders them), from getBlock's signature lists, asked in one batched request;
   * the error for a block the node does not return. Kept for recent slots.
   */
  async blockPositions(slots: number[]): Promise<Map<number, Map<string, number> | RpcError>> {
    const out = new Map<number, Map<string, number> | RpcError>();
    const missing = [...new Set(slots)].filter((slot) => {
      const known = this.positions.get(slot);
      if (known) out.set(slot, known);
      return !known;
    });
    const blocks = await jsonRpcBatch<{ signatures: string[] } | null>(this.rpcUrl, "getBlock", missing.map((slot) => [slot, {
      ...CONFIRMED, encoding: "json", transactionDetails: "signatures", maxSupportedTransactionVersion: 0, rewards: false,
    }]));
    missing.forEach((slot, i) => {
      const block = blocks[i];
      if (block instanceof RpcError || !block) {
        out.set(slot, block || new RpcError("getBlock", `the node has no block at slot ${slot}`));
        return;
      }
      const positions = new Map(block.signatures.map((s, n) => [s, n]));
      this.positions.set(slot, positions);
      if (this.positions.size > 4_096) this.positions.delete(this.positions.keys().next().value!);
      out.set(slot, positions);
    });
    return out;
  }

  async statuses(signatures: string[]): Promise<(SignatureStatus | null)[]> {
    return (await jsonRpc<{ value: (SignatureStatus | null)[] }>(this.rpcUrl, "getSignatureStatuses", [signatures, { searchTransactionHistory: true }])).value;
  }

  finalizedSlot(): Promise<number> {
    return jsonRpc(this.rpcUrl, "getSlot", [{ commitment: "finalized" }]);
  }

  onLogs(program: PublicKey, callback: (logs: Logs, slot: number) => void): number {
    this.connection ??= new Connection(this.rpcUrl, { commitment: "confirmed", wsEndpoint: this.wsUrl });
    return this.connection.onLogs(program, (logs, ctx) => callback(logs, ctx.slot), "confirmed");
  }

  async removeOnLogs(id: number): Promise<void> {
    await this.connection?.removeOnLogsListener(id);
  }
}
