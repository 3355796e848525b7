/**
 * @agentpad/sdk — TypeScript client of the agentpad programs. This entry runs in browsers
 * and Node; Node-only helpers are in "@agentpad/sdk/node", test stand-ins (the LayerZero
 * endpoint mock, LiteSVM) in "@agentpad/sdk/testing".
 */
export * from "./constants.js";
export * from "./pda.js";
export * from "./accounts.js";
export * from "./errors.js";
export * from "./events.js";
export * from "./tokens.js";
export * from "./signer.js";
export * from "./transaction.js";
export * from "./services/index.js";
export * from "./client.js";
export * as math from "./math/index.js";
export * as instructions from "./instructions/index.js";
export { programs, programNameOf, type ProgramName } from "./programs.js";
export { IDLS, type AgentCommerce, type AgentFactory, type BondingCurve, type FeeAggregator, type RevenueShare } from "./idl/index.js";
export type { Backend, Simulation, TxResult } from "./backend/types.js";
export { RpcBackend } from "./backend/rpc.js";
export * from "./bridge.js";
export * from "./design.js";
export * from "./deploy.js";
export * from "./cluster.js";
export * from "./upgradeAuthority.js";
export * from "./presets.js";
