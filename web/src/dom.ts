/** A few DOM helpers: elements from a tag, attributes and children; SVG alike; status lines. */
export type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | null | undefined | EventListener>;

function apply(el: Element, attrs: Attrs, children: Child[]): void {
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (typeof v === "function") el.addEventListener(k.replace(/^on/, ""), v);
    else el.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(typeof c === "number" ? String(c) : c);
}

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  apply(el, attrs, children);
  return el;
}

export function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): SVGElementTagNameMap[K] {
  const el = document.createElementNS("http://www.w3.org/2000/svg", tag);
  apply(el, attrs, children);
  return el;
}

/** Replaces `el`'s children. */
export function fill(el: Element, ...children: Child[]): void {
  el.replaceChildren();
  apply(el, {}, children);
}

export type Tone = "info" | "ok" | "error";

/**
 * A live region for one component's messages: `polite` for progress, and errors announced
 * at once (`role=alert` set only while an error shows).
 */
export function statusLine(): { el: HTMLParagraphElement; show(text: string, tone?: Tone): void; clear(): void } {
  const el = h("p", { class: "status", role: "status", "aria-live": "polite" });
  return {
    el,
    show(text, tone = "info") {
      el.dataset.tone = tone;
      el.setAttribute("role", tone === "error" ? "alert" : "status");
      el.textContent = text;
    },
    clear() {
      el.textContent = "";
      delete el.dataset.tone;
    },
  };
}

/** A number of base units shown formatted, with the exact amount in `data-units`. */
export function amount(units: bigint | string, text: string, attrs: Attrs = {}): HTMLSpanElement {
  return h("span", { class: "amount", "data-units": String(units), ...attrs }, text);
}
