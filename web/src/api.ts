/**
 * The indexer's HTTP API (same origin), typed as its contract states: amounts are decimal
 * strings of base units, prices decimal strings per whole token, times unix seconds.
 */
export type Commitment = "confirmed" | "finalized";
export type Phase = "curve" | "complete" | "graduated";
export type Interval = "1m" | "1h" | "1d";
export const INTERVALS: readonly Interval[] = ["1m", "1h", "1d"];
export type SortKey = "marketCap" | "progress" | "volume24h" | "createdAt" | "revenue" | "price";

export interface ApiConfig {
  rpcUrl: string;
  commitment: Commitment;
  programs: { agentFactory: string; bondingCurve: string; feeAggregator: string; revenueShare: string };
  indexedSlot: number;
  finalizedSlot: number;
  /** Not in the contract yet: the launch lookup table of the deployment, when the indexer knows it. */
  lookupTable?: string;
}

export interface MintAmount { rewardMint: string; amount: string }

/**
 * An agent as GET /api/agents lists it. A bridged agent (registered from another chain:
 * `originEid` set) has no name, symbol, URI or supply on Solana; until its Solana pool opens
 * it has no pool either, and then every field that depends on one is null too, `phase` and
 * `progressBps` included. The price (and so the market cap) is null until the pool's state is read.
 */
export interface AgentSummary {
  mint: string; name: string | null; symbol: string | null; uri: string | null; creator: string; pool: string | null;
  quoteMint: string | null; quoteDecimals: number | null; baseDecimals: number; phase: Phase | null; createdAt: number;
  totalSupply: string | null; priceQ64: string | null; price: string | null; marketCap: string | null; progressBps: number | null;
  quoteReserve: string | null; baseReserve: string | null; volume24h: string; trades: number;
  /** In the one reward mint, else the quote mint's; `revenueByMint` has every mint's unless the one is the quote mint. */
  revenue: string; revenueByMint?: MintAmount[];
  originEid: number | null; stakers: number; holders: number; commitment: Commitment;
}

/** An agent that trades on Solana: its pool, quote mint, phase and progress are known. */
export type ListedAgent = AgentSummary & { pool: string; quoteMint: string; quoteDecimals: number; phase: Phase; progressBps: number };

export function isListed(a: AgentSummary): a is ListedAgent {
  return a.pool !== null && a.quoteMint !== null && a.quoteDecimals !== null && a.phase !== null && a.progressBps !== null;
}

export interface TradeRecord {
  signature: string; slot: number; time: number; user: string; side: "buy" | "sell";
  baseAmount: string; quoteAmount: string; fee: string; feeBps: number; priceQ64: string; price: string;
  progressBps: number; commitment: Commitment;
}

export interface Candle {
  time: number; open: string; high: string; low: string; close: string; volumeBase: string; volumeQuote: string; trades: number;
}

export interface Staker { owner: string; staked: string; unstaking: string; claimed: MintAmount[] }

export type RevenueSource = "trading" | "direct" | "bridged" | "commerce";
export interface RevenueByMint {
  rewardMint: string;
  total: string;
  bySource: { source: RevenueSource; amount: string }[];
  byChain: { chain: string; eid: number | null; amount: string }[];
}

export interface Claimable { agentMint: string; rewardMint: string; amount: string; staked: string }

/** The API refused (its one-line `error`) or did not answer. */
export class ApiError extends Error {
  constructor(message: string, readonly status: number) {
    super(message);
    this.name = "ApiError";
  }
}

async function get<T>(path: string, query: Record<string, string | number | undefined> = {}): Promise<T> {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined) params.set(k, String(v));
  const url = params.size ? `${path}?${params}` : path;
  let res: Response;
  try {
    res = await fetch(url, { headers: { accept: "application/json" } });
  } catch {
    throw new ApiError("the indexer does not answer (is it running?)", 0);
  }
  const body = (await res.json().catch(() => null)) as (T & { error?: string }) | null;
  if (!res.ok || body === null) throw new ApiError(body?.error ?? `the indexer answered ${res.status} ${res.statusText}`, res.status);
  return body;
}

const agentPath = (mint: string, rest = "") => `/api/agents/${encodeURIComponent(mint)}${rest}`;

export const api = {
  config: () => get<ApiConfig>("/api/config"),
  agents: (sort: SortKey, order: "asc" | "desc", limit = 100) =>
    get<{ agents: AgentSummary[] }>("/api/agents", { sort, order, limit }).then((r) => r.agents),
  agent: (mint: string) => get<{ agent: AgentSummary }>(agentPath(mint)).then((r) => r.agent),
  trades: (mint: string, limit = 50, before?: string) =>
    get<{ trades: TradeRecord[] }>(agentPath(mint, "/trades"), { limit, before }).then((r) => r.trades),
  candles: (mint: string, interval: Interval, from?: number, to?: number) =>
    get<{ interval: Interval; candles: Candle[] }>(agentPath(mint, "/candles"), { interval, from, to }).then((r) => r.candles),
  stakers: (mint: string) => get<{ totalStaked: string; stakers: Staker[] }>(agentPath(mint, "/stakers")),
  revenue: (mint: string) => get<{ byMint: RevenueByMint[] }>(agentPath(mint, "/revenue")).then((r) => r.byMint),
  claimable: (wallet: string) =>
    get<{ claimable: Claimable[] }>(`/api/wallets/${encodeURIComponent(wallet)}/claimable`).then((r) => r.claimable),
};
