/** Every agent, in a table sorted by the indexer on the column chosen. */
import { type AgentSummary, type SortKey, api } from "../api.js";
import { type Chain, mintDecimals, mintLabel } from "../chain.js";
import { amount, fill, h, statusLine } from "../dom.js";
import { describeError } from "../errors.js";
import { formatAge, formatPrice, formatTime, formatUnits } from "../format.js";
import { commitmentBadge, phaseBadge, progressBar } from "../ui/badges.js";

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

/** Revenue in the quote mint, or per reward mint (base units where a mint's decimals could not be read). */
function revenueCell(a: AgentSummary, decimals: Map<string, number>): (Node | string)[] {
  const parts = a.revenueByMint ?? [{ rewardMint: a.quoteMint, amount: a.revenue }];
  return parts.flatMap((p, i) => {
    const d = p.rewardMint === a.quoteMint ? a.quoteDecimals : decimals.get(p.rewardMint);
    const text = d === undefined ? `${p.amount} units of ${mintLabel(p.rewardMint)}` : `${formatUnits(p.amount, d, 4)} ${mintLabel(p.rewardMint)}`;
    return [i ? ", " : "", amount(p.amount, text)];
  });
}

function row(a: AgentSummary, decimals: Map<string, number>): HTMLTableRowElement {
  const q = mintLabel(a.quoteMint);
  return h("tr", { "data-mint": a.mint, "data-commitment": a.commitment },
    h("th", { scope: "row" }, h("a", { href: `#/agent/${a.mint}` }, a.name, " ", h("span", { class: "symbol" }, a.symbol)), " ", commitmentBadge(a.commitment)),
    h("td", {}, phaseBadge(a.phase)),
    h("td", { class: "num", "data-price-q64": a.priceQ64 }, `${formatPrice(a.price)} ${q}`),
    h("td", { class: "num" }, `${formatPrice(a.marketCap, 6)} ${q}`),
    h("td", {}, progressBar(a.progressBps, a.name)),
    h("td", { class: "num" }, amount(a.volume24h, `${formatUnits(a.volume24h, a.quoteDecimals, 3)} ${q}`)),
    h("td", { class: "num" }, ...revenueCell(a, decimals)),
    h("td", {}, h("time", { datetime: new Date(a.createdAt * 1000).toISOString(), title: formatTime(a.createdAt) }, formatAge(a.createdAt))));
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
      fill(body, ...agents.map((a) => row(a, decimals)));
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
