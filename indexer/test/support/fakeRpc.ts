/**
 * A JSON-RPC node over node:http serving a fixed chain — recorded from a validator
 * (fixtures) or synthetic (the benchmark) — for the methods the indexer calls, single or
 * batched. Statuses and the finalized slot are set by the test.
 */
import { type Server, createServer } from "node:http";
import type { AddressInfo } from "node:net";

export interface SignatureInfo {
  signature: string; slot: number; err: unknown; memo: null; blockTime: number | null; confirmationStatus: string;
}

export interface FakeChain {
  /** Newest first, as getSignaturesForAddress pages them. */
  signatures(program: string): SignatureInfo[];
  /** The getTransaction result: an object, or its JSON text. */
  transaction(signature: string): unknown;
  /** The getBlock result (signatures only), or null. */
  block(slot: number): unknown;
  slotOf(signature: string): number | undefined;
}

export interface FakeRpc {
  url: string;
  /** Requests served per method (a batch counts each call). */
  calls: Map<string, number>;
  /** Signatures the node reports finalized; the rest are "confirmed". */
  finalized: Set<string>;
  finalizedSlot: number;
  close(): Promise<void>;
}

type Call = { id: unknown; method: string; params: any[] };

export async function serveFakeRpc(chain: FakeChain, port = 0): Promise<FakeRpc> {
  const rpc = { calls: new Map(), finalized: new Set(), finalizedSlot: 0 } as FakeRpc;
  const indexCache = new Map<string, Map<string, number>>();

  function page(program: string, o: { before?: string; until?: string; limit?: number }): SignatureInfo[] {
    const list = chain.signatures(program);
    let index = indexCache.get(program);
    if (!index) indexCache.set(program, (index = new Map(list.map((s, i) => [s.signature, i]))));
    const start = o.before ? (index.get(o.before) ?? list.length - 1) + 1 : 0;
    const end = o.until ? index.get(o.until) ?? list.length : list.length;
    return list.slice(start, Math.min(end, start + (o.limit ?? 1000))).map((s) => ({
      ...s, confirmationStatus: rpc.finalized.has(s.signature) ? "finalized" : "confirmed",
    }));
  }

  /** The JSON text of one call's result. */
  function result(c: Call): string {
    rpc.calls.set(c.method, (rpc.calls.get(c.method) ?? 0) + 1);
    switch (c.method) {
      case "getSignaturesForAddress":
        return JSON.stringify(page(c.params[0], c.params[1] ?? {}));
      case "getTransaction": {
        const tx = chain.transaction(c.params[0]);
        return tx === undefined || tx === null ? "null" : typeof tx === "string" ? tx : JSON.stringify(tx);
      }
      case "getBlock":
        return JSON.stringify(chain.block(c.params[0]) ?? null);
      case "getSignatureStatuses":
        return JSON.stringify({
          context: { slot: rpc.finalizedSlot },
          value: (c.params[0] as string[]).map((s) => {
            const slot = chain.slotOf(s);
            if (slot === undefined) return null;
            const finalized = rpc.finalized.has(s);
            return { slot, confirmations: finalized ? null : 1, err: null, status: { Ok: null }, confirmationStatus: finalized ? "finalized" : "confirmed" };
          }),
        });
      case "getSlot":
        return String(rpc.finalizedSlot);
      default:
        throw new Error(`method ${c.method} not served`);
    }
  }

  const answer = (c: Call) => {
    try {
      return `{"jsonrpc":"2.0","id":${JSON.stringify(c.id)},"result":${result(c)}}`;
    } catch (e) {
      return JSON.stringify({ jsonrpc: "2.0", id: c.id, error: { code: -32601, message: (e as Error).message } });
    }
  };

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (d) => chunks.push(d));
    req.on("end", () => {
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as Call | Call[];
      const text = Array.isArray(body) ? `[${body.map(answer).join(",")}]` : answer(body);
      res.writeHead(200, { "content-type": "application/json" });
      res.end(text);
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((ok) => server.listen(port, "127.0.0.1", ok));
  rpc.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  rpc.close = () => new Promise<void>((ok) => {
    server.closeAllConnections();
    server.close(() => ok());
  });
  return rpc;
}
