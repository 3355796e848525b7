/** The agent page's tables: recent trades, stakers, revenue by source and by chain. */
import type { AgentSummary, ListedAgent, RevenueByMint, Staker, TradeRecord } from "../api.js";
import { amount, h } from "../dom.js";
import { formatAge, formatPrice, formatTime, formatUnits, shortKey } from "../format.js";
import { tokenLabel } from "../summary.js";
import { commitmentBadge } from "./badges.js";

function table(caption: string, headers: string[], rows: HTMLTableRowElement[], empty: string): HTMLElement {
  if (!rows.length) return h("p", { class: "empty" }, empty);
  return h("div", { class: "table-wrap" },
    h("table", {},
      h("caption", { class: "visually-hidden" }, caption),
      h("thead", {}, h("tr", {}, ...headers.map((t) => h("th", { scope: "col" }, t)))),
      h("tbody", {}, ...rows)));
}

export function tradesTable(agent: ListedAgent, trades: TradeRecord[], quoteLabel: string): HTMLElement {
  const rows = trades.map((t) => h("tr", { "data-signature": t.signature, "data-commitment": t.commitment, class: t.commitment },
    h("td", {}, h("time", { datetime: new Date(t.time * 1000).toISOString(), title: formatTime(t.time) }, formatAge(t.time))),
    h("td", {}, h("span", { class: `side ${t.side}` }, t.side)),
    h("td", { class: "num" }, amount(t.baseAmount, formatUnits(t.baseAmount, agent.baseDecimals, 2), { "data-field": "baseAmount" })),
    h("td", { class: "num" }, amount(t.quoteAmount, formatUnits(t.quoteAmount, agent.quoteDecimals, 6), { "data-field": "quoteAmount" })),
    h("td", { class: "num", "data-field": "price", "data-price": t.price }, formatPrice(t.price)),
    h("td", { class: "num" }, amount(t.fee, formatUnits(t.fee, agent.quoteDecimals, 6))),
    h("td", {}, h("span", { class: "key", title: t.user }, shortKey(t.user))),
    h("td", {}, h("span", { class: "key", title: t.signature }, shortKey(t.signature)), " ", commitmentBadge(t.commitment))));
  return table("Recent trades, newest first",
    ["When", "Side", `Tokens (${tokenLabel(agent)})`, `Paid / received (${quoteLabel})`, `Price (${quoteLabel})`, `Fee (${quoteLabel})`, "Trader", "Transaction"],
    rows, "No trades yet.");
}

export function stakersTable(agent: AgentSummary, stakers: Staker[], decimalsOf: (mint: string) => number, labelOf: (mint: string) => string): HTMLElement {
  const rows = stakers.map((s) => h("tr", { "data-owner": s.owner },
    h("td", {}, h("span", { class: "key", title: s.owner }, shortKey(s.owner))),
    h("td", { class: "num" }, amount(s.staked, formatUnits(s.staked, agent.baseDecimals, 2), { "data-field": "staked" })),
    h("td", { class: "num" }, amount(s.unstaking, formatUnits(s.unstaking, agent.baseDecimals, 2))),
    h("td", { class: "num" }, ...s.claimed.flatMap((c, i) => [
      i ? ", " : "", amount(c.amount, `${formatUnits(c.amount, decimalsOf(c.rewardMint), 6)} ${labelOf(c.rewardMint)}`),
    ]))));
  return table("Stakers, largest first", ["Staker", `Staked (${tokenLabel(agent)})`, "Unstaking", "Rewards claimed"], rows, "Nobody stakes this agent yet.");
}

const SOURCE_NAMES = { trading: "Trading fees", direct: "Direct deposits", bridged: "Bridged from other chains", commerce: "Jobs for other agents" } as const;

export function chainName(chain: string): string {
  const known: Record<string, string> = { solana: "Solana", base: "Base", "base-sepolia": "Base Sepolia" };
  return known[chain] ?? chain.replace(/^eid:/, "LayerZero eid ");
}

/** One list of labelled amounts with bars proportional to the total. */
function breakdown(title: string, total: bigint, items: { label: string; amount: string }[], decimals: number, unit: string): HTMLElement {
  return h("div", { class: "breakdown" },
    h("h4", {}, title),
    h("ul", {}, ...items.map((i) => {
      const share = total === 0n ? 0 : Number((BigInt(i.amount) * 10_000n) / total);
      return h("li", {},
        h("span", { class: "label" }, i.label),
        h("span", { class: "bar", style: `--share:${share / 100}%`, "aria-hidden": "true" }),
        amount(i.amount, `${formatUnits(i.amount, decimals, 6)} ${unit}`), h("span", { class: "share" }, ` (${(share / 100).toFixed(1)}%)`));
    })));
}

export function revenueSection(byMint: RevenueByMint[], decimalsOf: (mint: string) => number, labelOf: (mint: string) => string): HTMLElement {
  if (!byMint.length) return h("p", { class: "empty" }, "No revenue yet.");
  return h("div", { class: "revenue" }, ...byMint.map((r) => {
    const d = decimalsOf(r.rewardMint);
    const unit = labelOf(r.rewardMint);
    return h("section", { class: "revenue-mint", "data-reward-mint": r.rewardMint },
      h("h3", {}, `${unit}: `, amount(r.total, `${formatUnits(r.total, d, 6)} ${unit}`), " in total"),
      breakdown("By source", BigInt(r.total), r.bySource.map((s) => ({ label: SOURCE_NAMES[s.source] ?? s.source, amount: s.amount })), d, unit),
      breakdown("By chain", BigInt(r.total), r.byChain.map((c) => ({ label: chainName(c.chain), amount: c.amount })), d, unit));
  }));
}
