/** Where a cluster's deployment record (written by migrations/deploy.ts, read by the CLI) is kept: Node only. */
import { clusterOf } from "./cluster.js";

/** Where deployment records live: `$AGENTPAD_DEPLOYMENTS`, else `migrations/deployments` of this repository. */
export function deploymentsDir(): string {
  return process.env.AGENTPAD_DEPLOYMENTS ?? new URL("../../migrations/deployments/", import.meta.url).pathname;
}

/** The deployment record `migrations/deploy.ts` writes for `url` and the CLI reads. */
export function deploymentRecordPath(url: string): string {
  return `${deploymentsDir().replace(/\/$/, "")}/${clusterOf(url)}.json`;
}

