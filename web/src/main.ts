/** The app: header with navigation and the wallet, and the page of the current hash route. */
import "./polyfill.js";
import "./style.css";

import { chain } from "./chain.js";
import { fill, h } from "./dom.js";
import { describeError } from "./errors.js";
import { agentPage } from "./pages/agent.js";
import { launchPage } from "./pages/launch.js";
import { listPage } from "./pages/list.js";
import { parseRoute } from "./router.js";
import { walletButton } from "./ui/walletButton.js";

const main = h("main", { id: "main", tabindex: -1 });
const nav = h("nav", { "aria-label": "Main" },
  h("a", { href: "#/", class: "brand" }, "agentpad"),
  h("a", { href: "#/" }, "Agents"),
  h("a", { href: "#/launch" }, "Launch"));
// The skip link focuses the content itself: a "#main" hash would be taken for a route.
const skip = h("a", { href: "#main", class: "skip", onclick: (e: Event) => (e.preventDefault(), main.focus()) }, "Skip to content");
const header = h("header", { class: "top" }, skip, nav);
document.body.replaceChildren(header, main);

async function start() {
  let c;
  try {
    c = await chain();
  } catch (e) {
    fill(main, h("h1", {}, "agentpad"), h("p", { role: "alert", class: "status", "data-tone": "error" }, describeError(e)));
    return;
  }
  header.append(walletButton(c));
  let close: () => void = () => {};
  const show = () => {
    close();
    const route = parseRoute(location.hash);
    nav.querySelectorAll("a").forEach((a) => a.removeAttribute("aria-current"));
    nav.querySelector(`a[href="${route.page === "launch" ? "#/launch" : "#/"}"]:not(.brand)`)?.setAttribute("aria-current", "page");
    document.title = "agentpad";
    switch (route.page) {
      case "list": close = listPage(main, c, route); break;
      case "agent": close = agentPage(main, c, route.mint); break;
      case "launch": close = launchPage(main, c); break;
      default:
        fill(main, h("h1", {}, "Not found"), h("p", {}, `Nothing lives at ${route.path}. `, h("a", { href: "#/" }, "See all agents"), "."));
        close = () => {};
    }
  };
  window.addEventListener("hashchange", () => {
    show();
    main.focus({ preventScroll: true });
  });
  show();
}

void start();
