/** Clusters by name and URL. */
import { CLUSTER_URLS } from "./constants.js";
import { clientError } from "./errors.js";

/**
 * An RPC URL from a Solana CLI moniker (`localnet`, `devnet`, `testnet`, `mainnet-beta`, or
 * their initial) or an http(s) URL; `null` for anything else.
 */
export function clusterUrl(raw: string): string | null {
  const url = CLUSTER_URLS[raw] ?? CLUSTER_URLS[{ l: "localnet", d: "devnet", t: "testnet", m: "mainnet-beta" }[raw] ?? ""] ?? raw;
  try {
    return ["http:", "https:"].includes(new URL(url).protocol) ? url : null;
  } catch {
    return null;
  }
}

/**
 * The cluster a deployment record is kept under: `localnet` for any local URL, the Solana
 * CLI moniker for the public clusters, otherwise the RPC host.
 */
export function clusterOf(url: string): string {
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    throw clientError("InvalidUrl", `"${url}" is not a URL`);
  }
  if (host === "127.0.0.1" || host === "localhost" || host === "0.0.0.0" || host === "[::1]") return "localnet";
  return Object.entries(CLUSTER_URLS).find(([, u]) => u === url)?.[0] ?? host;
}
