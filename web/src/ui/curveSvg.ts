/** The bonding curve drawn as SVG: price along supply sold, the pool's current point, the graduation mark. */
import { type PoolState, priceString } from "@agentpad/sdk";

import type { CurveShape } from "../curve.js";
import { h, svg } from "../dom.js";
import { formatPrice, formatUnits } from "../format.js";
import { expose } from "../hooks.js";

const W = 640, H = 260, LEFT = 12, RIGHT = 12, TOP = 22, BOTTOM = 34;

/** `part / whole` as a float in [0, 1], for pixels only (the exact values stay in the data attributes). */
const ratio = (part: bigint, whole: bigint) => (whole === 0n ? 0 : Math.min(1, Number((part * 1_000_000n) / whole) / 1_000_000));

export function curveFigure(mint: string, pool: PoolState, shape: CurveShape, quoteLabel: string): HTMLElement {
  const { points, graduation, current } = shape;
  const top = graduation.priceQ64 > current.priceQ64 ? graduation.priceQ64 : current.priceQ64;
  const x = (sold: bigint) => LEFT + ratio(sold, graduation.sold) * (W - LEFT - RIGHT);
  const y = (priceQ64: bigint) => H - BOTTOM - ratio(priceQ64, top) * (H - TOP - BOTTOM);
  const price = (q: bigint) => `${formatPrice(priceString(q, pool.baseDecimals, pool.quoteDecimals))} ${quoteLabel}`;
  const tokens = (units: bigint) => formatUnits(units, pool.baseDecimals, 0);
  const line = points.map((p, i) => `${i ? "L" : "M"}${x(p.sold).toFixed(1)},${y(p.priceQ64).toFixed(1)}`).join("");
  const soldPoints = points.filter((p) => p.sold <= current.sold);
  const area = soldPoints.length > 1
    ? `${soldPoints.map((p, i) => `${i ? "L" : "M"}${x(p.sold).toFixed(1)},${y(p.priceQ64).toFixed(1)}`).join("")}` +
      `L${x(current.sold).toFixed(1)},${y(current.priceQ64).toFixed(1)}L${x(current.sold).toFixed(1)},${H - BOTTOM}L${LEFT},${H - BOTTOM}Z`
    : "";
  const pct = graduation.sold === 0n ? "0" : ((current.sold * 10_000n) / graduation.sold).toString();
  const summary = pool.phase === "graduated"
    ? `Graduated: the curve sold ${tokens(graduation.sold)} tokens up to ${price(graduation.priceQ64)}; the pool's price is now ${price(current.priceQ64)}.`
    : `Now ${price(current.priceQ64)} per token with ${tokens(current.sold)} tokens sold (${(Number(pct) / 100).toFixed(2)}% of the ${tokens(graduation.sold)} sold at graduation, where the price reaches ${price(graduation.priceQ64)}).`;

  expose("curve", {
    mint,
    current: { sold: current.sold.toString(), priceQ64: current.priceQ64.toString() },
    graduation: { sold: graduation.sold.toString(), priceQ64: graduation.priceQ64.toString() },
  });

  const gx = x(graduation.sold);
  const figure = svg("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-labelledby": "curve-title curve-desc", class: "curve" },
    svg("title", { id: "curve-title" }, "Bonding curve: price by supply sold"),
    svg("desc", { id: "curve-desc" }, summary),
    svg("line", { x1: LEFT, y1: H - BOTTOM, x2: W - RIGHT, y2: H - BOTTOM, class: "axis" }),
    area && svg("path", { d: area, class: "curve-sold" }),
    svg("path", { d: line, class: "curve-line" }),
    svg("line", { x1: gx, y1: TOP - 8, x2: gx, y2: H - BOTTOM, class: "curve-graduation", "data-sold": graduation.sold.toString() }),
    svg("text", { x: gx - 4, y: TOP - 10, "text-anchor": "end", class: "curve-label" }, `graduation ${price(graduation.priceQ64)}`),
    svg("text", { x: LEFT, y: H - BOTTOM + 16, class: "curve-label" }, `0 sold · ${price(points[0].priceQ64)}`),
    svg("text", { x: W - RIGHT, y: H - BOTTOM + 16, "text-anchor": "end", class: "curve-label" }, `${tokens(graduation.sold)} sold`),
    svg("circle", {
      cx: x(current.sold), cy: y(current.priceQ64), r: 6, class: "curve-current",
      "data-sold": current.sold.toString(), "data-price-q64": current.priceQ64.toString(),
    }, svg("title", {}, `now: ${price(current.priceQ64)}`)),
  );
  return h("figure", { class: "curve-figure" }, figure, h("figcaption", {}, summary));
}
