/** Buy and sell with a preview from the SDK's quote (fee, price impact, minimum received at the slippage chosen). */
import { type PoolState, type TradeResult, fetchPool, parseAmount, priceString } from "@agentpad/sdk";
import { PublicKey } from "@solana/web3.js";

import type { ListedAgent } from "../api.js";
import type { Balances } from "../balances.js";
import { type Chain, mintLabel } from "../chain.js";
import { amount, fill, h, statusLine } from "../dom.js";
import { InputError, describeError } from "../errors.js";
import { formatBps, formatPrice, formatUnits } from "../format.js";
import { type Preview, parseSlippage, preview } from "../quote.js";
import { tokenLabel } from "../summary.js";
import { run } from "./action.js";

const SLIPPAGE_KEY = "agentpad.slippage";

export interface TradePanel {
  el: HTMLElement;
  /** Only for an agent with a Solana pool (the page shows no trade panel otherwise). */
  update(agent: ListedAgent, balances: Balances | null): void;
}

/** The trade form; `settle(signature)` waits until the indexer shows the trade and refreshes the page. */
export function tradePanel(c: Chain, mint: string, settle: (signature: string) => Promise<void>): TradePanel {
  let agent: ListedAgent | undefined;
  let quoteLabel = "";
  let balances: Balances | null = null;
  const status = statusLine();
  const side = (): "buy" | "sell" => (form.elements.namedItem("side") as RadioNodeList).value === "sell" ? "sell" : "buy";
  const amountInput = h("input", { id: "trade-amount", name: "amount", inputmode: "decimal", autocomplete: "off", required: true, placeholder: "0.0" });
  const amountLabel = h("label", { for: "trade-amount" }, "Amount");
  const slippage = h("input", { id: "trade-slippage", name: "slippage", inputmode: "decimal", autocomplete: "off", value: localStorage.getItem(SLIPPAGE_KEY) ?? "1" });
  const max = h("button", { type: "button", class: "link", "aria-label": "Use the whole balance" }, "max");
  const submit = h("button", { type: "submit", class: "primary" }, "Buy");
  const details = h("dl", { class: "preview", "aria-live": "polite" });
  const form = h("form", { class: "panel trade", "aria-labelledby": "trade-h", novalidate: true },
    h("h2", { id: "trade-h" }, "Trade"),
    h("fieldset", { class: "segmented" }, h("legend", { class: "visually-hidden" }, "Side"),
      h("label", {}, h("input", { type: "radio", name: "side", value: "buy", checked: true }), " Buy"),
      h("label", {}, h("input", { type: "radio", name: "side", value: "sell" }), " Sell")),
    h("div", { class: "field" }, amountLabel, h("div", { class: "with-action" }, amountInput, max)),
    h("div", { class: "field" }, h("label", { for: "trade-slippage" }, "Slippage tolerance (%)"), slippage),
    h("div", { class: "buttons" }, h("button", { type: "button", name: "preview" }, "Preview"), submit),
    details, status.el);

  const decimalsIn = () => (side() === "buy" ? agent!.quoteDecimals : agent!.baseDecimals);
  function relabel() {
    if (!agent) return;
    const buying = side() === "buy";
    amountLabel.textContent = buying ? `Amount to spend (${quoteLabel}, fee included)` : `Amount to sell (${tokenLabel(agent)})`;
    submit.textContent = buying ? `Buy ${tokenLabel(agent)}` : `Sell ${tokenLabel(agent)}`;
    max.hidden = buying || !balances;
    fill(details);
  }

  /** A fresh quote on the pool as it is now, at the fee rate of this moment. */
  async function quote(): Promise<{ pool: PoolState; p: Preview; amount: bigint }> {
    if (!agent) throw new InputError("the agent is still loading");
    const bps = parseSlippage(slippage.value);
    let units: bigint;
    try {
      units = parseAmount(amountInput.value, decimalsIn());
    } catch {
      throw new InputError(`"${amountInput.value}" is not an amount with at most ${decimalsIn()} decimals`);
    }
    if (units === 0n) throw new InputError("the amount must be more than zero");
    const pool = await fetchPool(c.backend, new PublicKey(mint));
    if (!pool) throw new InputError("this agent has no pool to trade on");
    const trade = side() === "buy" ? await c.reader.quoteBuyExactIn(pool, units) : await c.reader.quoteSell(pool, units);
    localStorage.setItem(SLIPPAGE_KEY, slippage.value.trim());
    return { pool, p: preview(pool, trade, bps), amount: units };
  }

  /** The preview in words; amounts shortened for reading (never rounded up), exact in `data-units`. */
  function show(pool: PoolState, p: Preview) {
    const a = agent!;
    const t = p.trade;
    const buying = t.side === "buy";
    const price = (q: bigint) => `${formatPrice(priceString(q, pool.baseDecimals, pool.quoteDecimals))} ${quoteLabel}`;
    const tokenText = (units: bigint) => `${formatUnits(units, a.baseDecimals, 2)} ${tokenLabel(a)}`;
    const quoteText = (units: bigint) => `${formatUnits(units, a.quoteDecimals, 6)} ${quoteLabel}`;
    const row = (term: string, ...desc: (Node | string)[]) => h("div", {}, h("dt", {}, term), h("dd", {}, ...desc));
    fill(details,
      row("You receive", amount(buying ? t.baseAmount : t.quoteAmount, buying ? tokenText(t.baseAmount) : quoteText(t.quoteAmount), { "data-field": "receive" })),
      !buying && row("You sell", amount(t.baseAmount, tokenText(t.baseAmount))),
      row(`Fee (${formatBps(t.feeBps)})`, amount(t.fee, quoteText(t.fee), { "data-field": "fee" })),
      row("Price impact", h("span", { "data-field": "impact", "data-bps": String(p.impactBps) }, formatBps(p.impactBps))),
      row(`Minimum (${formatBps(p.slippageBps)} slippage)`,
        amount(p.minReceived, buying ? tokenText(p.minReceived) : quoteText(p.minReceived), { "data-field": "minReceived" })),
      row("Price now", price(p.spotQ64)),
      row("Price after", price(p.afterQ64)),
      t.phaseAfter === "complete" && buying && h("p", { class: "note" }, "This buy completes the curve: it fills only up to the graduation threshold."));
  }

  async function refreshPreview(): Promise<void> {
    status.clear();
    try {
      const { pool, p } = await quote();
      show(pool, p);
    } catch (e) {
      fill(details);
      status.show(describeError(e), "error");
    }
  }

  let debounce: ReturnType<typeof setTimeout> | undefined;
  form.addEventListener("input", (e) => {
    if (e.target instanceof HTMLInputElement && e.target.name === "side") relabel();
    clearTimeout(debounce);
    if (amountInput.value.trim()) debounce = setTimeout(refreshPreview, 350);
  });
  form.querySelector<HTMLButtonElement>("button[name=preview]")!.addEventListener("click", refreshPreview);
  max.addEventListener("click", () => {
    if (balances && agent) amountInput.value = formatUnits(balances.agent, agent.baseDecimals).replace(/,/g, "");
    void refreshPreview();
  });

  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    clearTimeout(debounce);
    const a = agent!;
    await run<TradeResult>(c, status, form, {
      doing: side() === "buy" ? `Buying ${tokenLabel(a)}` : `Selling ${tokenLabel(a)}`,
      async send(client) {
        // The bound sent is the minimum shown: the preview is made again now, from the pool as it is.
        const { pool, p, amount: units } = await quote();
        show(pool, p);
        return p.trade.side === "buy" ? client.buy(pool.baseMint, units, { limit: p.minReceived }) : client.sell(pool.baseMint, units, { limit: p.minReceived });
      },
      settle: (sent) => settle(sent.signature),
      done(sent) {
        const t = sent.events.find((ev) => ev.name === "tradeExecuted")?.data;
        if (!t) return "Traded";
        return t.isBuy
          ? `Bought ${formatUnits(t.baseAmount, a.baseDecimals)} ${tokenLabel(a)} for ${formatUnits(t.quoteAmount, a.quoteDecimals)} ${quoteLabel}`
          : `Sold ${formatUnits(t.baseAmount, a.baseDecimals)} ${tokenLabel(a)} for ${formatUnits(t.quoteAmount, a.quoteDecimals)} ${quoteLabel}`;
      },
    });
  });

  return {
    el: form,
    update(next, b) {
      const first = !agent;
      agent = next;
      quoteLabel = mintLabel(next.quoteMint);
      balances = b;
      if (first) relabel();
      max.hidden = side() === "buy" || !balances;
      const tradable = next.phase !== "complete";
      submit.disabled = !tradable;
      if (!tradable) status.show("The curve is complete: trading resumes once the pool graduates.");
    },
  };
}
