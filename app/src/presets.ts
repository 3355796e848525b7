/** Preset economics shipped with the SDK (the same numbers the Rust tests use). */
import type { PoolParams, StakingParams } from "./instructions/bondingCurve.js";
import type { Split, SplitBounds } from "./instructions/feeAggregator.js";

/**
 * pump.fun-like economics against a 9-decimal quote (wSOL): 1B tokens, 793.1M on the curve
 * and 206.9M held back for the graduated pool (its opening price within 0.01% of the curve's
 * last), 30 virtual SOL, graduation at 85 SOL. 1% fee decaying from 10% over 60 s, split
 * 20% protocol / 30% creator / 50% agent revenue.
 */
export const STANDARD_PRESET: PoolParams = {
  virtualQuoteReserve: 30_000_000_000n,
  virtualBaseReserve: 1_073_000_000_000_000n,
  curveSupply: 793_100_000_000_000n,
  graduatedSupply: 206_900_000_000_000n,
  graduationThreshold: 85_000_000_000n,
  feeDecaySeconds: 60,
  baseFeeBps: 100,
  startFeeBps: 1_000,
  protocolFeeShareBps: 2_000,
  creatorFeeShareBps: 3_000,
  agentFeeShareBps: 5_000,
};

/** Clusters' staking terms: a cooldown of at least an hour (two days by default), rewards dripped over a week. */
export const STANDARD_STAKING: StakingParams = { minUnstakeCooldown: 3_600, defaultUnstakeCooldown: 2 * 86_400, rewardWindow: 7 * 86_400 };

/**
 * A local validator's: the same economics with a 6 s fee decay, 2 s cooldowns and a 10 s
 * reward drip, so tests against a validator can wait for each (migrations/deploy.ts uses it
 * on localnet).
 */
export const LOCALNET_PRESET: PoolParams = { ...STANDARD_PRESET, feeDecaySeconds: 6 };
export const LOCALNET_STAKING: StakingParams = { minUnstakeCooldown: 1, defaultUnstakeCooldown: 2, rewardWindow: 10 };

/** Revenue split bounds and the default split every new agent starts with. */
export const DEFAULT_SPLIT_BOUNDS: SplitBounds = { minHoldersBps: 5_000, maxCreatorBps: 3_000, minProtocolBps: 500, maxProtocolBps: 1_500 };
export const DEFAULT_SPLIT: Split = { holdersBps: 7_000, creatorBps: 2_000, protocolBps: 1_000 };
/** Seconds before a creator's new split applies (clusters); localnet deployments use less. */
export const DEFAULT_SPLIT_DELAY = 3 * 86_400;
export const LOCALNET_SPLIT_DELAY = 2;
/** What one fee report, and all reports into one vault, may carry from a peer (shared decimals: 1M and 1B tokens). */
export const DEFAULT_REPORT_LIMITS = { maxReportSd: 1_000_000n * 1_000_000n, maxReportedTotalSd: 1_000_000_000n * 1_000_000n } as const;
