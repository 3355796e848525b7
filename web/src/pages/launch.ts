/** Launching an agent from the connected wallet: name, symbol, metadata URI, preset, an optional first buy. */
import { METADATA_LIMITS, type MintInfo, type PresetState, parseAmount } from "@agentpad/sdk";
import { PublicKey } from "@solana/web3.js";

import { api } from "../api.js";
import { type Chain, mintLabel, until } from "../chain.js";
import { fill, h, statusLine } from "../dom.js";
import { InputError, describeError } from "../errors.js";
import { formatBps, formatUnits } from "../format.js";
import { run } from "../ui/action.js";

function field(id: string, label: string, input: HTMLInputElement, help?: string): HTMLElement {
  input.id = id;
  if (help) input.setAttribute("aria-describedby", `${id}-help`);
  return h("div", { class: "field" }, h("label", { for: id }, label), input, help ? h("p", { class: "help", id: `${id}-help` }, help) : null);
}

/** A text field's value, checked against its byte limit on chain (UTF-8 bytes, as agent-factory counts). */
function metadata(input: HTMLInputElement, what: keyof typeof METADATA_LIMITS): string {
  const v = input.value.trim();
  const bytes = new TextEncoder().encode(v).length;
  if (!bytes) throw new InputError(`the ${what} must not be empty`);
  if (bytes > METADATA_LIMITS[what]) throw new InputError(`the ${what} is ${bytes} bytes; at most ${METADATA_LIMITS[what]}`);
  return v;
}

export function launchPage(root: HTMLElement, c: Chain): () => void {
  const status = statusLine();
  const name = h("input", { name: "name", required: true, autocomplete: "off", maxlength: METADATA_LIMITS.name });
  const symbol = h("input", { name: "symbol", required: true, autocomplete: "off", maxlength: METADATA_LIMITS.symbol, class: "upper" });
  const uri = h("input", { name: "uri", required: true, autocomplete: "off", inputmode: "url", maxlength: METADATA_LIMITS.uri, placeholder: "https://…/agent.json" });
  const preset = h("input", { name: "preset", type: "number", min: 0, max: 65_535, step: 1, value: 0, required: true });
  const firstBuy = h("input", { name: "firstBuy", inputmode: "decimal", autocomplete: "off", placeholder: "optional" });
  const table = h("input", { name: "lookupTable", autocomplete: "off", value: c.config.lookupTable ?? "", spellcheck: "false" });
  const presetInfo = h("dl", { class: "preset-info", "aria-live": "polite" });
  const submit = h("button", { type: "submit", class: "primary" }, "Launch");
  const form = h("form", { class: "panel launch", novalidate: true, "aria-labelledby": "launch-h" },
    h("h1", { id: "launch-h" }, "Launch an agent"),
    field("launch-name", "Name", name, `Up to ${METADATA_LIMITS.name} bytes.`),
    field("launch-symbol", "Symbol", symbol, `Up to ${METADATA_LIMITS.symbol} bytes.`),
    field("launch-uri", "Metadata URI", uri, "Where the token's JSON metadata (image, description) lives."),
    field("launch-preset", "Preset", preset, "The curve and fee terms the agent launches on."),
    presetInfo,
    field("launch-first-buy", "First buy (optional)", firstBuy, "Quote you spend buying your own agent in the launch transaction."),
    h("details", { open: !c.config.lookupTable },
      h("summary", {}, "Advanced"),
      field("launch-table", "Launch lookup table", table, "The deployment's address lookup table for launches (the indexer's /api/config names it when it knows it).")),
    h("div", { class: "buttons" }, submit), status.el);
  fill(root, form);

  let loaded: { id: number; preset: PresetState; quote: MintInfo } | undefined;
  async function loadPreset(): Promise<NonNullable<typeof loaded>> {
    const id = Number(preset.value);
    if (!Number.isInteger(id) || id < 0 || id > 65_535) throw new InputError("the preset is a whole number from 0 to 65535");
    if (loaded?.id === id) return loaded;
    const got = await c.reader.preset(id);
    loaded = { id, ...got };
    const p = got.preset.params;
    const q = mintLabel(got.preset.quoteMint.toBase58());
    const row = (t: string, d: string) => [h("dt", {}, t), h("dd", {}, d)];
    fill(presetInfo,
      ...row("Quote", `${q} (${got.preset.quoteMint.toBase58()})`),
      ...row("Graduates at", `${formatUnits(p.graduationThreshold, got.quote.decimals)} ${q} in the curve`),
      ...row("Curve supply", `${formatUnits(p.curveSupply, 6, 0)} of ${formatUnits(p.curveSupply + p.graduatedSupply, 6, 0)} tokens`),
      ...row("Trading fee", `${formatBps(p.baseFeeBps)} (from ${formatBps(p.startFeeBps)} at launch, over ${p.feeDecaySeconds} s)`),
      ...row("Unstake cooldown", `${got.preset.staking.defaultUnstakeCooldown} s`));
    return loaded;
  }
  const showPreset = () => loadPreset().then(() => status.clear(), (e) => {
    fill(presetInfo);
    status.show(describeError(e), "error");
  });
  preset.addEventListener("change", showPreset);
  void showPreset();

  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    let mint = "";
    await run(c, status, form, {
      doing: "Launching",
      async send(client) {
        const args = { name: metadata(name, "name"), symbol: metadata(symbol, "symbol"), uri: metadata(uri, "uri") };
        const { id, quote } = await loadPreset();
        let buy: bigint | undefined;
        if (firstBuy.value.trim()) {
          try {
            buy = parseAmount(firstBuy.value, quote.decimals);
          } catch {
            throw new InputError(`the first buy "${firstBuy.value}" is not an amount with at most ${quote.decimals} decimals`);
          }
          if (buy === 0n) buy = undefined;
        }
        let lookupTable: PublicKey;
        try {
          lookupTable = new PublicKey(table.value.trim());
        } catch {
          throw new InputError("the launch lookup table is not a valid address (see Advanced)");
        }
        const sent = await client.launch({ ...args, presetId: id, lookupTable, firstBuy: buy });
        mint = sent.mint.toBase58();
        return sent;
      },
      settle: () => until(() => api.agent(mint).then(() => true), "the indexer showing the new agent"),
      done: () => `Launched ${symbol.value.trim()}; opening its page`,
    });
    // Once the indexer shows it (or the wait gave up), the agent's own page takes over.
    if (mint) location.hash = `#/agent/${mint}`;
  });
  return () => {};
}
