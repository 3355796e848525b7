/** Hash routes: `#/` (agents, `?sort=&order=`), `#/agent/<mint>`, `#/launch`. */
import type { SortKey } from "./api.js";

export type Route =
  | { page: "list"; sort: SortKey; order: "asc" | "desc" }
  | { page: "agent"; mint: string }
  | { page: "launch" }
  | { page: "unknown"; path: string };

const SORTS: readonly SortKey[] = ["marketCap", "progress", "volume24h", "createdAt", "revenue", "price"];
const BASE58 = /^[1-9A-HJ-NP-Za-km-z]{32,44}$/;

export function parseRoute(hash: string): Route {
  const [path, search = ""] = hash.replace(/^#/, "").split("?");
  const q = new URLSearchParams(search);
  if (path === "" || path === "/") {
    const sort = q.get("sort") as SortKey | null;
    return { page: "list", sort: sort && SORTS.includes(sort) ? sort : "marketCap", order: q.get("order") === "asc" ? "asc" : "desc" };
  }
  if (path === "/launch") return { page: "launch" };
  const agent = /^\/agent\/([^/]+)$/.exec(path);
  if (agent && BASE58.test(agent[1])) return { page: "agent", mint: agent[1] };
  return { page: "unknown", path };
}
