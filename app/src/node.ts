/** @agentpad/sdk/node — helpers that need Node: keypair files. */
export * from "./keypair.js";
