/** Every agent, in a table sorted by the indexer on the column chosen. */
import { type AgentSummary, type SortKey, api } from "../api.js";
import { type Chain, mintDecimals } from "../chain.js";
import { amount, fill, h, statusLine } from "../dom.js";
import { describeError } from "../errors.js";
import { formatAge, formatTime, shortKey } from "../format.js";
import { NONE, agentCells } from "../summary.js";
import { commitmentBadge, noPoolMark, phaseBadge, progressBar } from "../ui/badges.js";

const REFRESH_MS = 10_000;

export interface ListQuery { sort: SortKey; order: "asc" | "desc" }

const COLUMNS: { key: SortKey | null; label: string; numeric?: boolean }[] = [
  { key: null, label: "Agent" },
  { key: null, label: "Phase" },
  { key: "price", label: "Price", numeric: true },
  { key: "marketCap", label: "Market cap", numeric: true },
  { key: "progress", label: "Progress" },
  { key: "volume24h", label: "24h volume", numeric: true },
  { key: "revenue", label: "Revenue", numeric: true },
  { key: "createdAt", label: "Created" },
];

/** The hash a column header links to: its sort, descending first, flipped when already sorted on it. */
export function sortHash(current: ListQuery, key: SortKey): string {
  const order = current.sort === key && current.order === "desc" ? "asc" : "desc";
  return `#/?sort=${key}&order=${order}`;
}

/** One agent's row; one without a Solana pool shows NONE for its market and the no-pool mark for its progress. */
function row(a: AgentSummary, decimals: Map<string, number>): HTMLTableRowElement {
  const c = agentCells(a, decimals);
  return h("tr", { "data-mint": a.mint, "data-commitment": a.commitment },
    h("th", { scope: "row" },
      h("a", { href: `#/agent/${a.mint}` }, c.name, c.symbol !== null && " ", c.symbol !== null && h("span", { class: "symbol" }, c.symbol)),
      " ", commitmentBadge(a.commitment)),
    h("td", {}, phaseBadge(a.phase)),
    h("td", { class: "num", "data-price-q64": a.priceQ64 }, c.price),
    h("td", { class: "num" }, c.marketCap),
    h("td", {}, c.progressBps === null ? noPoolMark() : progressBar(c.progressBps, c.name)),
    h("td", { class: "num" }, c.volume24h ? amount(c.volume24h.units, c.volume24h.text) : NONE),
    h("td", { class: "num" }, ...c.revenue.flatMap((p, i) => [i ? ", " : "", amount(p.units, p.text)])),
    h("td", {}, h("time", { datetime: new Date(a.createdAt * 1000).toISOString(), title: formatTime(a.createdAt) }, formatAge(a.createdAt))));
}

/** The row of an agent the page could not show (a summary off the contract): its mint and why, the other rows unaffected. */
function failedRow(a: AgentSummary, e: unknown): HTMLTableRowElement {
  console.error(`agent ${a.mint}:`, e);
  return h("tr", { "data-mint": a.mint, "data-commitment": a.commitment, class: "failed" },
    h("th", { scope: "row" }, h("a", { href: `#/agent/${a.mint}` }, shortKey(a.mint))),
    h("td", { colspan: COLUMNS.length - 1, class: "muted" }, `Cannot show this agent: ${describeError(e)}`));
}

export function listPage(root: HTMLElement, c: Chain, query: ListQuery): () => void {
  const status = statusLine();
  const body = h("tbody", {});
  const head = h("tr", {}, ...COLUMNS.map((col) => {
    const sorted = col.key === query.sort;
    const label = col.key
      ? h("a", { href: sortHash(query, col.key), class: "sort", "aria-label": `${col.label}: sort ${sorted && query.order === "desc" ? "ascending" : "descending"}` },
        col.label, sorted ? (query.order === "desc" ? " ▼" : " ▲") : "")
      : col.label;
    return h("th", { scope: "col", class: col.numeric ? "num" : "", "aria-sort": sorted ? (query.order === "desc" ? "descending" : "ascending") : null }, label);
  }));
  const empty = h("p", { class: "empty", hidden: true }, "No agents yet: ", h("a", { href: "#/launch" }, "launch the first one"), ".");
  fill(root,
    h("h1", {}, "Agents"), status.el,
    h("div", { class: "table-wrap panel" }, h("table", { class: "agents" }, h("caption", { class: "visually-hidden" }, "Agents, sortable by column"), h("thead", {}, head), body)),
    empty);

  let closed = false;
  async function load() {
    try {
      const agents = await api.agents(query.sort, query.order, 500);
      const mints = new Set(agents.flatMap((a) => (a.revenueByMint ?? []).map((r) => r.rewardMint).filter((m) => m !== a.quoteMint)));
      const decimals = new Map<string, number>();
      await Promise.all([...mints].map((m) => mintDecimals(c, m).then((d) => decimals.set(m, d), () => {})));
      if (closed) return;
      fill(body, ...agents.map((a) => {
        try {
          return row(a, decimals);
        } catch (e) {
          return failedRow(a, e);
        }
      }));
      empty.hidden = agents.length > 0;
      status.clear();
    } catch (e) {
      status.show(describeError(e), "error");
    }
  }
  void load();
  const timer = setInterval(() => document.visibilityState === "visible" && void load(), REFRESH_MS);
  return () => {
    closed = true;
    clearInterval(timer);
  };
}
