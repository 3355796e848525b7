/** The header's wallet control: Connect (choosing among Wallet Standard wallets), the address, Disconnect. */
import type { Wallet } from "@wallet-standard/base";

import type { Chain } from "../chain.js";
import { fill, h, statusLine } from "../dom.js";
import { describeError } from "../errors.js";
import { shortKey } from "../format.js";
import { connect, disconnect, onWalletsChange, reconnect, usableWallets, walletState } from "../wallet.js";

export function walletButton(c: Chain): HTMLElement {
  const status = statusLine();
  const box = h("div", { class: "wallet" });
  const menu = h("ul", { class: "wallet-menu", id: "wallet-menu", hidden: true, "aria-label": "Wallets" });

  const closeMenu = () => {
    menu.hidden = true;
    box.querySelector("[aria-expanded]")?.setAttribute("aria-expanded", "false");
  };
  const choose = async (w: Wallet) => {
    closeMenu();
    status.show(`Connecting ${w.name}…`);
    try {
      await connect(w, c.chainId);
      status.clear();
    } catch (e) {
      status.show(describeError(e), "error");
    }
  };

  function render() {
    const connected = walletState.get();
    if (connected) {
      const address = connected.signer.publicKey.toBase58();
      fill(box,
        h("span", { class: "wallet-address", title: address, "data-address": address }, connected.wallet.name, ": ", h("span", { class: "key" }, shortKey(address))),
        h("button", { type: "button", onclick: () => void disconnect() }, "Disconnect"), status.el);
      return;
    }
    const open = h("button", { type: "button", class: "primary", "aria-haspopup": "true", "aria-expanded": "false", "aria-controls": "wallet-menu" }, "Connect wallet");
    open.addEventListener("click", () => {
      const wallets = usableWallets();
      if (!wallets.length) return status.show("No Solana wallet found: install one that supports the Wallet Standard.", "error");
      if (wallets.length === 1) return void choose(wallets[0]);
      fill(menu, ...wallets.map((w) => h("li", {},
        h("button", { type: "button", onclick: () => void choose(w) }, h("img", { src: w.icon, alt: "", width: 20, height: 20 }), ` ${w.name}`))));
      menu.hidden = false;
      open.setAttribute("aria-expanded", "true");
      menu.querySelector("button")?.focus();
    });
    fill(box, open, menu, status.el);
  }

  box.addEventListener("keydown", (e) => {
    if (e.key === "Escape" && !menu.hidden) {
      closeMenu();
      box.querySelector<HTMLButtonElement>("[aria-expanded]")?.focus();
    }
  });
  walletState.subscribe(render);
  onWalletsChange(() => void reconnect(c.chainId));
  void reconnect(c.chainId);
  return box;
}
