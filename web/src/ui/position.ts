/** The connected wallet in one agent: balances, and stake / request unstake / withdraw / claim. */
import { type AgentpadClient, type Sent, parseAmount } from "@agentpad/sdk";
import { PublicKey } from "@solana/web3.js";

import type { AgentSummary } from "../api.js";
import type { Balances } from "../balances.js";
import type { Chain } from "../chain.js";
import { amount, fill, h, statusLine } from "../dom.js";
import { InputError } from "../errors.js";
import { formatUnits } from "../format.js";
import { tokenLabel } from "../summary.js";
import { run } from "./action.js";

export interface PositionPanel {
  el: HTMLElement;
  update(agent: AgentSummary, balances: Balances | null): void;
}

/**
 * `settle(signature)` waits until the indexer has read the transaction and refreshes the page.
 * `decimalsOf` / `labelOf` name reward mints.
 */
export function positionPanel(
  c: Chain, mint: string, settle: (signature: string) => Promise<void>,
  decimalsOf: (mint: string) => number, labelOf: (mint: string) => string,
): PositionPanel {
  let agent: AgentSummary | undefined;
  const status = statusLine();
  const list = h("dl", { class: "balances" });
  const stakeInput = h("input", { id: "stake-amount", name: "stake", inputmode: "decimal", autocomplete: "off", placeholder: "0.0" });
  const unstakeInput = h("input", { id: "unstake-amount", name: "unstake", inputmode: "decimal", autocomplete: "off", placeholder: "0.0" });
  const stakeLabel = h("label", { for: "stake-amount" }, "Amount to stake");
  const unstakeLabel = h("label", { for: "unstake-amount" }, "Amount to unstake");
  const withdraw = h("button", { type: "button", name: "withdraw" }, "Withdraw");
  const claim = h("button", { type: "button", name: "claim" }, "Claim rewards");
  const hint = h("p", { class: "muted" }, "Connect a wallet to see your balances, trade and stake.");
  const controls = h("div", { class: "position-actions" },
    h("form", { class: "field", name: "stake" }, stakeLabel, h("div", { class: "with-action" }, stakeInput, h("button", { type: "submit" }, "Stake"))),
    h("form", { class: "field", name: "unstake" }, unstakeLabel,
      h("div", { class: "with-action" }, unstakeInput, h("button", { type: "submit" }, "Request unstake"))),
    h("div", { class: "buttons" }, withdraw, claim));
  controls.hidden = true;
  const el = h("section", { class: "panel position", "aria-labelledby": "position-h" },
    h("h2", { id: "position-h" }, "Your position"), hint, list, controls, status.el);

  const units = (input: HTMLInputElement, what: string) => {
    try {
      const v = parseAmount(input.value, agent!.baseDecimals);
      if (v === 0n) throw new Error();
      return v;
    } catch {
      throw new InputError(`the amount to ${what} must be a positive number of ${tokenLabel(agent!)} with at most ${agent!.baseDecimals} decimals`);
    }
  };
  const key = () => new PublicKey(mint);
  const act = (doing: string, send: (client: AgentpadClient) => Promise<Sent>, done: (s: Sent) => string) =>
    run(c, status, controls, { doing, send, settle: (s) => settle(s.signature), done });

  controls.querySelector("form[name=stake]")!.addEventListener("submit", (e) => {
    e.preventDefault();
    void act(`Staking ${tokenLabel(agent!)}`, (client) => client.stake(key(), units(stakeInput, "stake")), () => `Staked ${stakeInput.value} ${tokenLabel(agent!)}`)
      .then((ok) => ok && (stakeInput.value = ""));
  });
  controls.querySelector("form[name=unstake]")!.addEventListener("submit", (e) => {
    e.preventDefault();
    void act("Requesting an unstake", (client) => client.requestUnstake(key(), units(unstakeInput, "unstake")),
      () => `Unstake of ${unstakeInput.value} ${tokenLabel(agent!)} requested`).then((ok) => ok && (unstakeInput.value = ""));
  });
  withdraw.addEventListener("click", () => void act("Withdrawing", (client) => client.withdraw(key()), () => "Withdrawn"));
  claim.addEventListener("click", () => void act("Claiming rewards", (client) => client.claim(key()), (s) => {
    const got = s.events.filter((ev) => ev.name === "rewardClaimed" && ev.data.amount > 0n);
    if (!got.length) return "Claimed (nothing was due)";
    return `Claimed ${got.map((ev) => `${formatUnits(ev.data.amount, decimalsOf(ev.data.rewardMint.toBase58()))} ${labelOf(ev.data.rewardMint.toBase58())}`).join(" and ")}`;
  }));

  return {
    el,
    update(next, b) {
      agent = next;
      stakeLabel.textContent = `Amount to stake (${tokenLabel(next)})`;
      unstakeLabel.textContent = `Amount to unstake (${tokenLabel(next)})`;
      controls.hidden = !b;
      hint.textContent = b ? "" : "Connect a wallet to see your balances, trade and stake.";
      if (!b) return fill(list);
      const row = (term: string, key: string, units: bigint | string, text: string, extra: (Node | string)[] = []) =>
        [h("dt", {}, term), h("dd", { "data-balance": key }, amount(units, text), ...extra)];
      const waiting = b.unstaking > 0n && b.unlockAt > b.now;
      fill(list,
        ...row("SOL", "sol", b.sol, formatUnits(b.sol, 9)),
        ...row(tokenLabel(next), "agent", b.agent, formatUnits(b.agent, next.baseDecimals)),
        ...row("Staked", "staked", b.staked, formatUnits(b.staked, next.baseDecimals)),
        ...(b.unstaking > 0n
          ? row("Unstaking", "unstaking", b.unstaking, formatUnits(b.unstaking, next.baseDecimals),
            [waiting ? ` (withdrawable in ${b.unlockAt - b.now} s)` : " (withdrawable now)"])
          : []),
        h("dt", {}, "Claimable"),
        h("dd", { "data-balance": "claimable" }, ...(b.claimable.length
          ? b.claimable.flatMap((x, i) => [i ? ", " : "", amount(x.amount, `${formatUnits(x.amount, decimalsOf(x.rewardMint))} ${labelOf(x.rewardMint)}`, { "data-reward-mint": x.rewardMint })])
          : ["nothing"])));
      withdraw.disabled = b.unstaking === 0n || waiting;
      claim.disabled = b.staked === 0n && !b.claimable.some((x) => BigInt(x.amount) > 0n);
    },
  };
}
