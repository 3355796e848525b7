/**
 * Role services: each action as a `Prepared` (instructions, generated signers, lookup tables
 * and what it yields), for any signer. `toTransaction` makes one an unsigned v0 transaction;
 * `AgentpadClient` signs and sends them.
 */
export { StateService, priceString, type AgentStatus, type JobStatus, type MarketStatus } from "./state.js";
export { CreatorService, type LaunchParams } from "./creator.js";
export { TraderService, minimumOut, type TradeOptions, type TradeQuote } from "./trader.js";
export { RevenueService } from "./revenue.js";
export { HolderService } from "./holder.js";
export { OperatorService, peerBytes } from "./operator.js";
export { CommerceService, DEFAULT_JOB_LIFETIME, type CreateJobParams, type Deliverable } from "./commerce.js";
