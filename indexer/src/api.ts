/**
 * The HTTP API (docs in README.md): JSON under /api/, CORS open, every bad parameter
 * answered 400 with one line, unknown routes and agents 404; with a web directory, every
 * other path serves it (index.html for paths it lacks: a single-page app).
 */
import { createReadStream, statSync } from "node:fs";
import { type IncomingMessage, type Server, type ServerResponse, createServer } from "node:http";
import { extname, join, normalize, resolve, sep } from "node:path";

import { isBase58Of } from "./base58.js";
import { INTERVALS, type Interval } from "./derive.js";
import { BadRequest, type Queries, SORTS, type Sort } from "./queries.js";

export interface ApiConfig {
  rpcUrl: string;
  commitment: "confirmed";
  programs: { agentFactory: string; bondingCurve: string; feeAggregator: string; revenueShare: string };
  /** The deployment's launch lookup table, when known (the web app launches with it). */
  lookupTable?: string;
}

export interface ApiOptions {
  queries: Queries;
  config: ApiConfig;
  /** The newest indexed slot and the cluster's finalized slot as last seen. */
  slots: () => Promise<{ indexedSlot: number; finalizedSlot: number }>;
  /** What `wallet` can claim now, read from the chain. */
  claimable: (wallet: string) => Promise<unknown[]>;
  /** A directory to serve at every non-/api path. */
  webDir?: string;
}

class NotFound extends Error {}
/** The chain could not be read (the claimable route): answered 502. */
export class Upstream extends Error {}

const MAX_AGENTS = 500;
const MAX_ROWS = 1_000;
const DEFAULT_ROWS = 100;

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8", ".json": "application/json", ".svg": "image/svg+xml", ".png": "image/png", ".jpg": "image/jpeg",
  ".ico": "image/x-icon", ".woff2": "font/woff2", ".map": "application/json", ".txt": "text/plain; charset=utf-8", ".wasm": "application/wasm",
};

function integer(params: URLSearchParams, name: string, min: number, max: number, fallback: number): number {
  const raw = params.get(name);
  if (raw === null || raw === "") return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) throw new BadRequest(`${name} must be an integer from ${min} to ${max}, got ${JSON.stringify(raw)}`);
  return Number(raw);
}

function choice<T extends string>(params: URLSearchParams, name: string, allowed: readonly T[], fallback: T): T {
  const raw = params.get(name);
  if (raw === null || raw === "") return fallback;
  if (!allowed.includes(raw as T)) throw new BadRequest(`${name} must be one of ${allowed.join(", ")}, got ${JSON.stringify(raw)}`);
  return raw as T;
}

function key(raw: string, what: string): string {
  if (!isBase58Of(raw, 32)) throw new BadRequest(`${what} must be a base58 public key, got ${JSON.stringify(raw)}`);
  return raw;
}

const found = <T>(value: T | null | undefined, what: string): T => {
  if (value === null || value === undefined) throw new NotFound(`unknown ${what}`);
  return value;
};

export function createApi(o: ApiOptions): Server {
  const q = o.queries;
  const webDir = o.webDir && resolve(o.webDir);

  async function route(path: string, params: URLSearchParams): Promise<unknown> {
    if (path === "/api/config") return { ...o.config, ...(await o.slots()) };
    if (path === "/api/agents") {
      const sort = choice<Sort>(params, "sort", SORTS, "marketCap");
      const order = choice(params, "order", ["desc", "asc"] as const, "desc");
      return { agents: await q.agents(sort, order, integer(params, "limit", 1, MAX_AGENTS, DEFAULT_ROWS)) };
    }
    let m = /^\/api\/wallets\/([^/]+)\/claimable$/.exec(path);
    if (m) return { claimable: await o.claimable(key(decodeURIComponent(m[1]), "wallet")) };
    m = /^\/api\/agents\/([^/]+)(?:\/([a-z]+))?$/.exec(path);
    if (!m) throw new NotFound(`no route ${path}`);
    const mint = key(decodeURIComponent(m[1]), "mint");
    const what = `agent ${mint}`;
    switch (m[2]) {
      case undefined:
        return { agent: found(await q.agent(mint), what) };
      case "trades": {
        const limit = integer(params, "limit", 1, MAX_ROWS, DEFAULT_ROWS);
        const before = params.get("before") || undefined;
        if (before !== undefined && !isBase58Of(before, 64)) throw new BadRequest(`before must be a base58 transaction signature, got ${JSON.stringify(before)}`);
        return { trades: found(await q.trades(mint, limit, before), what) };
      }
      case "candles": {
        const interval = choice<Interval>(params, "interval", Object.keys(INTERVALS) as Interval[], "1h");
        const from = integer(params, "from", 0, Number.MAX_SAFE_INTEGER, 0);
        const to = integer(params, "to", 0, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
        if (from > to) throw new BadRequest(`from (${from}) is after to (${to})`);
        return { interval, candles: found(await q.candles(mint, interval, from, to), what) };
      }
      case "holders":
        return { holders: found(await q.holders(mint, integer(params, "limit", 1, MAX_ROWS, DEFAULT_ROWS)), what) };
      case "stakers":
        return found(await q.stakers(mint, integer(params, "limit", 1, MAX_ROWS, DEFAULT_ROWS)), what);
      case "revenue":
        return { byMint: found(await q.revenue(mint), what) };
      case "distributions":
        return { distributions: found(await q.distributions(mint, integer(params, "limit", 1, MAX_ROWS, DEFAULT_ROWS)), what) };
      default:
        throw new NotFound(`no route ${path}`);
    }
  }

  function send(res: ServerResponse, status: number, body: unknown) {
    const text = JSON.stringify(body);
    res.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(text) });
    res.end(text);
  }

  function serveStatic(path: string, res: ServerResponse) {
    if (!webDir) return send(res, 404, { error: `no route ${path}` });
    let file = normalize(join(webDir, decodeURIComponent(path)));
    if (file !== webDir && !file.startsWith(webDir + sep)) return send(res, 404, { error: `no route ${path}` });
    const isFile = (f: string) => {
      try {
        return statSync(f).isFile();
      } catch {
        return false;
      }
    };
    if (!isFile(file)) file = join(webDir, "index.html");
    if (!isFile(file)) return send(res, 404, { error: `no route ${path}` });
    res.writeHead(200, { "content-type": CONTENT_TYPES[extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(res);
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    res.setHeader("access-control-allow-origin", "*");
    if (req.method === "OPTIONS") {
      res.writeHead(204, { "access-control-allow-methods": "GET, HEAD, OPTIONS", "access-control-allow-headers": "*" });
      return res.end();
    }
    if (req.method !== "GET" && req.method !== "HEAD") return send(res, 405, { error: `method ${req.method} not allowed` });
    const url = new URL(req.url ?? "/", "http://indexer");
    try {
      if (url.pathname !== "/api" && !url.pathname.startsWith("/api/")) return serveStatic(url.pathname, res);
      send(res, 200, await route(url.pathname, url.searchParams));
    } catch (e) {
      if (e instanceof BadRequest) return send(res, 400, { error: e.message });
      if (e instanceof NotFound) return send(res, 404, { error: e.message });
      if (e instanceof URIError) return send(res, 400, { error: "malformed percent-encoding in the path" });
      const message = (e instanceof Error ? e.message : String(e)).split("\n")[0];
      send(res, e instanceof Upstream ? 502 : 500, { error: message });
    }
  }

  return createServer((req, res) => void handle(req, res));
}
