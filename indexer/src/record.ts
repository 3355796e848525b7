/**
 * `agentpad-indexer record`: the raw JSON-RPC answers the indexer reads — each program's
 * signature list, each transaction (`getTransaction`) and each block's signature list
 * (`getBlock`, for positions in the block) — written as they came, for test fixtures.
 *
 *   <out>/signatures/<program>.json   getSignaturesForAddress, newest first, all pages
 *   <out>/transactions/<sig>.json     getTransaction (json encoding, confirmed)
 *   <out>/blocks/<slot>.json          getBlock (signatures only)
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

import { PROGRAM_IDS } from "@agentpad/sdk";

import { jsonRpc } from "./jsonrpc.js";

export interface RecordOptions { rpc: string; out: string; limit?: number; log?: (line: string) => void }

export async function record({ rpc, out, limit, log = console.log }: RecordOptions): Promise<{ transactions: number; blocks: number }> {
  // A fresh recording: what an earlier one left in these directories goes.
  for (const dir of ["signatures", "transactions", "blocks"]) {
    rmSync(join(out, dir), { recursive: true, force: true });
    mkdirSync(join(out, dir), { recursive: true });
  }
  const signatures = new Map<string, number>();
  for (const [name, id] of Object.entries(PROGRAM_IDS)) {
    const list: { signature: string; slot: number }[] = [];
    let before: string | undefined;
    for (;;) {
      const page = await jsonRpc<{ signature: string; slot: number }[]>(rpc, "getSignaturesForAddress", [
        id.toBase58(), { limit: 1000, before, commitment: "confirmed" },
      ]);
      list.push(...page);
      if (page.length < 1000 || (limit !== undefined && list.length >= limit)) break;
      before = page[page.length - 1].signature;
    }
    const kept = limit === undefined ? list : list.slice(0, limit);
    writeFileSync(join(out, "signatures", `${name}.json`), JSON.stringify(kept, null, 1));
    for (const s of kept) signatures.set(s.signature, s.slot);
    log(`record: ${name} ${id.toBase58()}: ${kept.length} signatures`);
  }
  for (const signature of signatures.keys()) {
    const tx = await jsonRpc(rpc, "getTransaction", [signature, { encoding: "json", maxSupportedTransactionVersion: 0, commitment: "confirmed" }]);
    writeFileSync(join(out, "transactions", `${signature}.json`), JSON.stringify(tx));
  }
  const slots = [...new Set(signatures.values())];
  for (const slot of slots) {
    const block = await jsonRpc(rpc, "getBlock", [slot, {
      encoding: "json", transactionDetails: "signatures", maxSupportedTransactionVersion: 0, rewards: false, commitment: "confirmed",
    }]);
    writeFileSync(join(out, "blocks", `${slot}.json`), JSON.stringify(block));
  }
  log(`record: ${signatures.size} transactions, ${slots.length} blocks in ${out}`);
  return { transactions: signatures.size, blocks: slots.length };
}
