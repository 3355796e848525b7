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

export interface AgentSummary {
  mint: string; name: string; symbol: string; uri: string; creator: string; pool: string;
  quoteMint: string; quoteDecimals: number; baseDecimals: number; phase: Phase; createdAt: number;
  totalSupply: string; priceQ64: string; price: string; marketCap: string; progressBps: number;
  quoteReserve: string; baseReserve: string; volume24h: string; trades: number;
  revenue: string; revenueByMint?: MintAmount[];
  originEid: number | null; stakers: number; holders: number; commitment: Commitment;
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

export type RevenueSource = "trading" | "direct" | "bridged";
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
