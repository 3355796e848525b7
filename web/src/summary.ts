/**
 * An agent summary as the pages write it, without the DOM: the fallbacks for every field the
 * indexer may leave null — a bridged agent's name and symbol (its metadata lives on its
 * origin chain), and its whole market until its Solana pool opens.
 */
import type { AgentSummary } from "./api.js";
import { mintLabel } from "./chain.js";
import { formatPrice, formatUnits, shortKey } from "./format.js";

/** Shown for a value the agent does not have (yet). */
export const NONE = "—";
/** Shown instead of the market of an agent without a pool on Solana. */
export const NO_POOL = "no Solana pool yet";

/** The agent's name, else (a bridged agent) its shortened mint. */
export const agentName = (a: AgentSummary): string => a.name ?? shortKey(a.mint);

/** What its tokens are called next to amounts: the symbol, else the mint's label. */
export const tokenLabel = (a: AgentSummary): string => a.symbol ?? mintLabel(a.mint);

/** An amount's exact base units and its text. */
export interface AmountText { units: string; text: string }

/** The list row's cells (and the agent page's stats) as text: NONE where the agent has no such value. */
export interface AgentCells {
  name: string;
  /** Null: no symbol is shown. */
  symbol: string | null;
  price: string;
  marketCap: string;
  /** Null: no progress bar, the no-pool mark instead. */
  progressBps: number | null;
  /** Null: NONE (no quote mint to count it in). */
  volume24h: AmountText | null;
  /** Revenue in each reward mint (base units where a mint's decimals are not in `decimals`). */
  revenue: AmountText[];
}

/** `decimals`: of the reward mints other than the quote mint. */
export function agentCells(a: AgentSummary, decimals: ReadonlyMap<string, number> = new Map()): AgentCells {
  const q = a.quoteMint === null ? null : mintLabel(a.quoteMint);
  const parts = a.revenueByMint ?? (a.quoteMint === null ? [] : [{ rewardMint: a.quoteMint, amount: a.revenue }]);
  const revenue = parts.map((p) => {
    const d = p.rewardMint === a.quoteMint ? a.quoteDecimals ?? undefined : decimals.get(p.rewardMint);
    const text = d === undefined ? `${p.amount} units of ${mintLabel(p.rewardMint)}` : `${formatUnits(p.amount, d, 4)} ${mintLabel(p.rewardMint)}`;
    return { units: p.amount, text };
  });
  return {
    name: agentName(a),
    symbol: a.symbol,
    price: a.price !== null && q !== null ? `${formatPrice(a.price)} ${q}` : NONE,
    marketCap: a.marketCap !== null && q !== null ? `${formatPrice(a.marketCap, 6)} ${q}` : NONE,
    progressBps: a.progressBps,
    volume24h: q !== null && a.quoteDecimals !== null ? { units: a.volume24h, text: `${formatUnits(a.volume24h, a.quoteDecimals, 3)} ${q}` } : null,
    // No reward mint named (nothing credited yet, as the indexer words it): the bare total.
    revenue: revenue.length ? revenue : [{ units: a.revenue, text: a.revenue === "0" ? "0" : `${a.revenue} units` }],
  };
}
