/**
 * One agent: its market (candles, bonding curve), revenue, stakers and trades from the
 * indexer and the chain, and the connected wallet's trading and staking. An agent without a
 * pool on Solana (bridged, its pool not opened yet) shows a note in place of its market,
 * trade panel and trades.
 */
import { type PoolState, fetchPool } from "@agentpad/sdk";
import { PublicKey } from "@solana/web3.js";

import { type AgentSummary, ApiError, type Interval, INTERVALS, type ListedAgent, api, isListed } from "../api.js";
import { type Balances, loadBalances } from "../balances.js";
import { type Chain, indexed, mintDecimals, mintLabel, until } from "../chain.js";
import { curveShape } from "../curve.js";
import { amount, fill, h, statusLine } from "../dom.js";
import { describeError } from "../errors.js";
import { formatTime, perTokens, shortKey } from "../format.js";
import { NONE, agentCells, agentName, tokenLabel } from "../summary.js";
import { commitmentBadge, noPoolMark, phaseBadge, progressBar } from "../ui/badges.js";
import { type CandleChart, candleChart } from "../ui/candles.js";
import { curveFigure } from "../ui/curveSvg.js";
import { positionPanel } from "../ui/position.js";
import { revenueSection, stakersTable, tradesTable } from "../ui/tables.js";
import { tradePanel } from "../ui/trade.js";
import { walletState } from "../wallet.js";

const REFRESH_MS = 10_000;

export function agentPage(root: HTMLElement, c: Chain, mint: string): () => void {
  let key: PublicKey;
  try {
    key = new PublicKey(mint);
  } catch {
    fill(root, h("h1", {}, "Not an agent"), h("p", { role: "alert" }, `"${mint}" is not a mint address. `, h("a", { href: "#/" }, "See all agents"), "."));
    return () => {};
  }
  const status = statusLine();
  const head = h("header", { class: "agent-head" }, h("h1", {}, "Agent ", h("span", { class: "key" }, shortKey(mint))));
  const chartBox = h("div", { class: "chart", role: "img", "aria-label": "Price candles and volume" });
  const chartUnit = h("p", { class: "chart-unit muted" });
  const intervals = h("fieldset", { class: "segmented", "aria-label": "Candle interval" },
    h("legend", { class: "visually-hidden" }, "Candle interval"),
    ...INTERVALS.map((i) => h("label", {}, h("input", { type: "radio", name: "interval", value: i, checked: i === "1m" }), ` ${i}`)));
  const curveBox = h("div", { class: "curve-box" }, h("p", { class: "muted" }, "Loading the pool…"));
  const revenueBox = h("div", {});
  const stakersBox = h("div", {});
  const tradesBox = h("div", {});
  /** Decimals of every mint the page shows amounts of (read before rendering them). */
  const decimals = new Map<string, number>();
  const decimalsOf = (m: string) => decimals.get(m) ?? 0;

  let agent: AgentSummary | undefined;
  let interval: Interval = "1m";
  let closed = false;
  let chart: CandleChart | undefined;

  const settleTrade = async (signature: string) => {
    await until(async () => (await api.trades(mint, 20)).some((t) => t.signature === signature), "the indexer showing the trade");
    await refresh();
  };
  const settleAction = async (signature: string) => {
    await indexed(c, signature);
    await refresh();
  };
  const trade = tradePanel(c, mint, settleTrade);
  const position = positionPanel(c, mint, settleAction, decimalsOf, mintLabel);

  // Without a Solana pool: this note instead of the market sections (shown or hidden at every refresh).
  const noPoolText = h("p", {});
  const noPool = h("section", { class: "panel no-pool-note", "aria-labelledby": "no-pool-h", hidden: true },
    h("h2", { id: "no-pool-h" }, "No Solana pool yet"), noPoolText);
  const market = h("section", { class: "panel market", "aria-labelledby": "chart-h" },
    h("div", { class: "section-head" }, h("h2", { id: "chart-h" }, "Price"), intervals), chartUnit, chartBox);
  const curveSection = h("section", { class: "panel", "aria-labelledby": "curve-h" }, h("h2", { id: "curve-h" }, "Bonding curve"), curveBox);
  const tradesSection = h("section", { class: "panel wide", "aria-labelledby": "trades-h" }, h("h2", { id: "trades-h" }, "Recent trades"), tradesBox);
  const marketParts = [market, trade.el, curveSection, tradesSection];
  // Hidden until the agent is read: an unknown mint shows only its message.
  const grid = h("div", { class: "agent-grid", hidden: true },
    noPool, market,
    h("div", { class: "side" }, trade.el, position.el),
    curveSection,
    h("section", { class: "panel", "aria-labelledby": "revenue-h" }, h("h2", { id: "revenue-h" }, "Revenue"), revenueBox),
    tradesSection,
    h("section", { class: "panel wide", "aria-labelledby": "stakers-h" }, h("h2", { id: "stakers-h" }, "Stakers"), stakersBox));
  fill(root, head, status.el, grid);

  function renderHead(a: AgentSummary) {
    const stat = (term: string, ...desc: (Node | string | null)[]) => h("div", {}, h("dt", {}, term), h("dd", {}, ...desc));
    const cells = agentCells(a);
    document.title = `${cells.name}${cells.symbol !== null ? ` (${cells.symbol})` : ""} · agentpad`;
    fill(head,
      h("h1", {}, `${cells.name} `, cells.symbol !== null && h("span", { class: "symbol" }, cells.symbol), " ", phaseBadge(a.phase), " ", commitmentBadge(a.commitment)),
      h("p", { class: "keys" }, "Mint ", h("span", { class: "key", title: a.mint }, a.mint), " · creator ", h("span", { class: "key", title: a.creator }, shortKey(a.creator)),
        a.originEid !== null ? ` · bridged from LayerZero eid ${a.originEid}` : ""),
      h("dl", { class: "stats" },
        stat("Price", h("span", { "data-field": "price", "data-price-q64": a.priceQ64 }, cells.price)),
        stat("Market cap", cells.marketCap),
        stat("Progress", cells.progressBps === null ? noPoolMark() : progressBar(cells.progressBps, cells.name)),
        stat("24h volume", cells.volume24h ? amount(cells.volume24h.units, cells.volume24h.text) : NONE),
        stat("Trades", String(a.trades)),
        stat("Holders", String(a.holders)),
        stat("Stakers", String(a.stakers)),
        stat("Created", formatTime(a.createdAt))));
  }

  /** Shows the market sections, or (no Solana pool) the note in their place. */
  function showMarket(a: AgentSummary): a is ListedAgent {
    const listed = isListed(a);
    for (const el of marketParts) el.hidden = !listed;
    noPool.hidden = listed;
    if (!listed) {
      noPoolText.textContent = a.pool === null
        ? `${agentName(a)} ${a.originEid !== null ? `was registered from another chain (LayerZero eid ${a.originEid}) and ` : ""}has no pool on Solana yet: `
          + "its price, chart, curve, trades and trading appear here once its pool opens."
        : "The indexer has not read this agent's pool yet.";
    }
    return listed;
  }

  function renderCurve(a: ListedAgent, pool: PoolState | null) {
    const shape = pool && curveShape(pool);
    if (!pool) return fill(curveBox, h("p", { class: "empty" }, "This agent has no pool yet."));
    if (!shape) return fill(curveBox, h("p", { class: "empty" }, "This pool is a constant-product pool from the start: it has no bonding curve."));
    fill(curveBox, curveFigure(a.mint, pool, shape, mintLabel(a.quoteMint)));
  }

  async function loadCandles(a: ListedAgent) {
    const candles = await api.candles(mint, interval);
    if (closed) return;
    chart ??= candleChart(chartBox);
    const scale = chart.set(mint, interval, candles, a.quoteDecimals);
    chartUnit.textContent = candles.length
      ? `${mintLabel(a.quoteMint)} ${perTokens(scale, tokenLabel(a))}; volume in ${mintLabel(a.quoteMint)}`
      : "No trades yet.";
  }

  let inFlight: Promise<void> | undefined;
  let queued: Promise<void> | undefined;
  /** Everything again: the indexer's view, the pool and the wallet's balances (after a reading under way, if any). */
  function refresh(): Promise<void> {
    if (inFlight) return (queued ??= inFlight.then(() => ((queued = undefined), refresh())));
    inFlight = (async () => {
      const wallet = walletState.get();
      const [a, trades, stakers, revenue, pool, balances] = await Promise.all([
        api.agent(mint), api.trades(mint, 50), api.stakers(mint), api.revenue(mint),
        fetchPool(c.backend, key),
        wallet ? loadBalances(c, mint, wallet.signer.publicKey) : Promise.resolve(null as Balances | null),
      ]);
      if (a.quoteMint !== null && a.quoteDecimals !== null) decimals.set(a.quoteMint, a.quoteDecimals);
      const rewardMints = new Set([
        ...revenue.map((r) => r.rewardMint), ...stakers.stakers.flatMap((s) => s.claimed.map((x) => x.rewardMint)),
        ...(balances?.claimable.map((x) => x.rewardMint) ?? []),
      ].filter((m) => !decimals.has(m)));
      await Promise.all([...rewardMints].map(async (m) => decimals.set(m, await mintDecimals(c, m))));
      if (closed) return;
      agent = a;
      grid.hidden = false;
      renderHead(a);
      position.update(a, balances);
      fill(revenueBox, revenueSection(revenue, decimalsOf, mintLabel));
      fill(stakersBox, stakersTable(a, stakers.stakers, decimalsOf, mintLabel));
      if (showMarket(a)) {
        renderCurve(a, pool);
        trade.update(a, balances);
        fill(tradesBox, tradesTable(a, trades, mintLabel(a.quoteMint)));
        await loadCandles(a);
      }
      status.clear();
    })().catch((e) => {
      const unknown = e instanceof ApiError && e.status === 404 && !agent;
      status.show(unknown ? "The indexer has not seen an agent with this mint (yet)." : describeError(e), "error");
    }).finally(() => (inFlight = undefined));
    return inFlight;
  }

  intervals.addEventListener("change", (e) => {
    interval = (e.target as HTMLInputElement).value as Interval;
    if (agent && isListed(agent)) loadCandles(agent).catch((err) => status.show(describeError(err), "error"));
  });
  const offWallet = walletState.subscribe(() => void refresh());
  const timer = setInterval(() => {
    if (document.visibilityState === "visible") void refresh();
  }, REFRESH_MS);

  return () => {
    closed = true;
    clearInterval(timer);
    offWallet();
    chart?.destroy();
  };
}
