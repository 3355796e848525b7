export * as agentCommerce from "./agentCommerce.js";
export * as agentFactory from "./agentFactory.js";
export * as bondingCurve from "./bondingCurve.js";
export * as feeAggregator from "./feeAggregator.js";
export * as revenueShare from "./revenueShare.js";
