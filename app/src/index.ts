/** @agentpad/sdk — TypeScript client of the agentpad programs. */
export * from "./constants.js";
export * from "./pda.js";
export * from "./accounts.js";
export * from "./errors.js";
export * from "./events.js";
export * from "./tokens.js";
export * from "./client.js";
export * as math from "./math/index.js";
export * as instructions from "./instructions/index.js";
export { programs, programNameOf, type ProgramName } from "./programs.js";
export { IDLS, type AgentFactory, type BondingCurve, type FeeAggregator, type RevenueShare } from "./idl/index.js";
export type { Backend, SendOptions, TxResult } from "./backend/types.js";
export { RpcBackend } from "./backend/rpc.js";
export * from "./bridge.js";
export * from "./deploy.js";
export * from "./presets.js";
export * as lzEndpointMock from "./lzEndpointMock.js";
export * from "./keypair.js";
