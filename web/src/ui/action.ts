/** Running one wallet action: sign and send through the SDK, wait for the indexer, report in words. */
import type { AgentpadClient, Sent } from "@agentpad/sdk";

import { type Chain, clientFor } from "../chain.js";
import type { statusLine } from "../dom.js";
import { InputError, describeError } from "../errors.js";
import { shortKey } from "../format.js";
import { walletState } from "../wallet.js";

export interface Action<T extends Sent> {
  /** What is being done, e.g. "Buying". */
  doing: string;
  send(client: AgentpadClient): Promise<T>;
  /** Waits until the indexer shows the result. */
  settle(sent: T): Promise<void>;
  /** What was done, in words, e.g. "Bought 1,000 ATLS". */
  done(sent: T): string;
}

/**
 * Runs `action` with the connected wallet, keeping `controls` disabled meanwhile. The status
 * line carries the transaction's signature in `data-signature` once it lands.
 */
export async function run<T extends Sent>(c: Chain, status: ReturnType<typeof statusLine>, controls: HTMLElement, action: Action<T>): Promise<boolean> {
  const wallet = walletState.get();
  controls.setAttribute("aria-busy", "true");
  controls.querySelectorAll("button").forEach((b) => (b.disabled = true));
  delete status.el.dataset.signature;
  try {
    if (!wallet) throw new InputError("connect a wallet first");
    status.show(`${action.doing}: approve in ${wallet.wallet.name}…`);
    const sent = await action.send(clientFor(c.backend, wallet.signer));
    status.el.dataset.signature = sent.signature;
    status.show(`${action.doing}: landed in ${shortKey(sent.signature)}; waiting for the indexer…`);
    await action.settle(sent);
    status.show(`${action.done(sent)} (${shortKey(sent.signature)}).`, "ok");
    return true;
  } catch (e) {
    status.show(describeError(e), "error");
    return false;
  } finally {
    controls.removeAttribute("aria-busy");
    controls.querySelectorAll("button").forEach((b) => (b.disabled = false));
  }
}
