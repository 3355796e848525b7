export * from "./errors.js";
export * from "./fee.js";
export * from "./curve.js";
export * from "./revenue.js";
export * from "./reward.js";
export * from "./segment.js";
export * from "./job.js";
