/** Small shared pieces: phase badge, unconfirmed marker, progress toward graduation (or the mark of no pool). */
import type { Commitment, Phase } from "../api.js";
import { h } from "../dom.js";
import { formatBps } from "../format.js";
import { NO_POOL } from "../summary.js";

const PHASES: Record<Phase, { text: string; title: string }> = {
  curve: { text: "on curve", title: "trading on its bonding curve" },
  complete: { text: "complete", title: "the curve reached its threshold; the pool graduates next" },
  graduated: { text: "graduated", title: "trading on its locked constant-product pool" },
};

const NO_POOL_TITLE = "no pool on Solana yet: registered from another chain, it trades here once its pool opens";

/** The phase; for an agent without a Solana pool (phase null), a "no pool" badge (`data-phase="none"`). */
export function phaseBadge(phase: Phase | null): HTMLElement {
  if (phase === null) return h("span", { class: "badge phase none", title: NO_POOL_TITLE, "data-phase": "none" }, "no pool");
  return h("span", { class: `badge phase ${phase}`, title: PHASES[phase].title, "data-phase": phase }, PHASES[phase].text);
}

/** In place of the progress bar (and the market) of an agent without a Solana pool. */
export function noPoolMark(): HTMLElement {
  return h("span", { class: "no-pool muted", title: NO_POOL_TITLE }, NO_POOL);
}

/** A marker for data the cluster has confirmed but not yet finalized (it could still be rolled back). */
export function commitmentBadge(commitment: Commitment): HTMLElement | null {
  if (commitment === "finalized") return null;
  return h("span", { class: "badge unconfirmed", title: "confirmed by the cluster, not yet finalized" }, "unconfirmed");
}

/** Progress toward graduation: a native progress bar over 10,000 bps, with its percentage. */
export function progressBar(bps: number, name: string): HTMLElement {
  return h("span", { class: "progress" },
    h("progress", { max: 10_000, value: bps, "aria-label": `${name}: progress to graduation`, "data-progress-bps": bps }),
    h("span", { class: "progress-text" }, formatBps(bps)));
}
