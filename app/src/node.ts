/** @agentpad/sdk/node — helpers that need Node: keypair files, deployment records. */
export * from "./keypair.js";
export * from "./deployments.js";
