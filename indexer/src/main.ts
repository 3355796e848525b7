#!/usr/bin/env -S node --conditions=source --import tsx
/**
 * agentpad-indexer: follows a cluster, stores the programs' events, serves the API.
 *
 *   agentpad-indexer --rpc <url> [--ws <url>] [--db <sqlite path | postgres://...>] [--port 8787]
 *                    [--host 127.0.0.1] [--web <dir>] [--lookup-table <key>]
 *   agentpad-indexer record --rpc <url> --out <dir> [--limit <n>]
 *
 * Exit codes: 0 stopped by a signal, 1 failed while running, 2 bad arguments or an
 * unreachable RPC node or database (one line on stderr).
 */
import { statSync } from "node:fs";
import type { AddressInfo } from "node:net";

import { PROGRAM_IDS, RpcBackend } from "@agentpad/sdk";

import { createApi } from "./api.js";
import { isBase58Of } from "./base58.js";
import { claimableOf } from "./claimable.js";
import { Indexer, oneLine } from "./indexer.js";
import { jsonRpc } from "./jsonrpc.js";
import { Queries } from "./queries.js";
import { record } from "./record.js";
import { Store } from "./store.js";

const USAGE = `usage: agentpad-indexer --rpc <url> [--ws <url>] [--db <sqlite path | postgres://...>] [--port <n>] [--host <addr>] [--web <dir>] [--lookup-table <key>]
       agentpad-indexer record --rpc <url> --out <dir> [--limit <n>]`;

class Usage extends Error {}

function parse(argv: string[], allowed: string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (!allowed.includes(flag)) throw new Usage(`unknown argument ${JSON.stringify(flag)} (${allowed.join(", ")})`);
    if (value === undefined || value.startsWith("--")) throw new Usage(`${flag} needs a value`);
    if (out.has(flag)) throw new Usage(`${flag} given twice`);
    out.set(flag, value);
  }
  return out;
}

function url(value: string | undefined, flag: string, schemes: string[]): string {
  if (!value) throw new Usage(`${flag} <url> is required`);
  let u: URL;
  try {
    u = new URL(value);
  } catch {
    throw new Usage(`${flag}: not a URL: ${value}`);
  }
  if (!schemes.includes(u.protocol)) throw new Usage(`${flag}: expected ${schemes.join(" or ")} URL, got ${value}`);
  return value;
}

function integer(value: string | undefined, flag: string, min: number, max: number, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) throw new Usage(`${flag} must be an integer from ${min} to ${max}, got ${value}`);
  return Number(value);
}

/** Exits 2 with `message` when the node does not answer. */
async function reachable(rpc: string) {
  try {
    await jsonRpc(rpc, "getSlot", [{ commitment: "confirmed" }]);
  } catch (e) {
    throw new Usage(oneLine(e));
  }
}

async function runRecord(argv: string[]) {
  const a = parse(argv, ["--rpc", "--out", "--limit"]);
  const rpc = url(a.get("--rpc"), "--rpc", ["http:", "https:"]);
  const out = a.get("--out");
  if (!out) throw new Usage("--out <dir> is required");
  const limit = a.has("--limit") ? integer(a.get("--limit"), "--limit", 1, 1_000_000, 0) : undefined;
  await reachable(rpc);
  await record({ rpc, out, limit });
}

async function runServe(argv: string[]) {
  const a = parse(argv, ["--rpc", "--ws", "--db", "--port", "--host", "--web", "--lookup-table"]);
  const rpc = url(a.get("--rpc"), "--rpc", ["http:", "https:"]);
  const ws = a.has("--ws") ? url(a.get("--ws"), "--ws", ["ws:", "wss:"]) : undefined;
  const port = integer(a.get("--port"), "--port", 0, 65_535, 8787);
  const host = a.get("--host") ?? "127.0.0.1";
  const web = a.get("--web");
  if (web !== undefined && !statSync(web, { throwIfNoEntry: false })?.isDirectory()) throw new Usage(`--web: ${web} is not a directory`);
  const lookupTable = a.get("--lookup-table");
  if (lookupTable !== undefined && !isBase58Of(lookupTable, 32)) throw new Usage(`--lookup-table: not a base58 public key: ${lookupTable}`);
  await reachable(rpc);
  let store: Store;
  try {
    store = await Store.open(a.get("--db") ?? "agentpad-indexer.sqlite");
  } catch (e) {
    throw new Usage(`database ${a.get("--db") ?? "agentpad-indexer.sqlite"}: ${oneLine(e)}`);
  }

  const indexer = new Indexer({ rpcUrl: rpc, wsUrl: ws, store });
  const queries = new Queries(store.db);
  const backend = new RpcBackend(rpc, "confirmed");
  const server = createApi({
    queries, webDir: web,
    config: {
      rpcUrl: rpc, commitment: "confirmed", programs: {
        agentFactory: PROGRAM_IDS.agentFactory.toBase58(), bondingCurve: PROGRAM_IDS.bondingCurve.toBase58(),
        feeAggregator: PROGRAM_IDS.feeAggregator.toBase58(), revenueShare: PROGRAM_IDS.revenueShare.toBase58(),
      },
      ...(lookupTable ? { lookupTable } : {}),
    },
    slots: async () => ({ indexedSlot: await store.indexedSlot(), finalizedSlot: indexer.finalizedSlot }),
    claimable: async (wallet) => claimableOf(backend, wallet, await queries.stakedAgents(wallet)),
  });
  await new Promise<void>((ok, fail) => {
    server.once("error", (e) => fail(new Usage(`cannot listen on ${host}:${port}: ${oneLine(e)}`)));
    server.listen(port, host, ok);
  }).catch(async (e) => {
    await store.close();
    throw e;
  });

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    server.close();
    server.closeAllConnections();
    await indexer.stop();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);

  // The API answers during the backfill; "ready" means the history is in.
  await indexer.start();
  const { port: bound } = server.address() as AddressInfo;
  console.log(`indexer: http://${host}:${bound} (rpc ${rpc}, db ${store.description})`);
}

async function main(argv: string[]) {
  if (argv[0] === "--help" || argv[0] === "-h") {
    console.log(USAGE);
    return;
  }
  if (argv[0] === "record") return runRecord(argv.slice(1));
  return runServe(argv);
}

main(process.argv.slice(2)).catch((e) => {
  if (e instanceof Usage) {
    console.error(`error: ${e.message}`);
    process.exit(2);
  }
  console.error(`error: ${oneLine(e)}`);
  process.exit(1);
});
