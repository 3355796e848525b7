/** What traders do: buy and sell on an agent's pool, and graduate a complete curve. */
import type { PublicKey, TransactionInstruction } from "@solana/web3.js";

import type { PoolState } from "../accounts.js";
import { BPS_DENOMINATOR, TOKEN_2022_PROGRAM_ID } from "../constants.js";
import { clientError } from "../errors.js";
import * as ix from "../instructions/index.js";
import type { SwapAccounts } from "../instructions/bondingCurve.js";
import { type Trade, limitAllows } from "../math/curve.js";
import { agentKeys, agentTokenAccount, ata } from "../pda.js";
import { createAtaIdempotent } from "../tokens.js";
import { type Prepared, prepared } from "../transaction.js";
import { fund } from "./funding.js";
import type { StateService } from "./state.js";

export interface TradeOptions {
  /** Accepted price move against the quote, in bps (default 100 = 1%). */
  slippageBps?: number;
  /** Explicit bound instead of `slippageBps`: min base out (buys), max quote in, min quote out (sells). */
  limit?: bigint;
}

/** A trade's exact off-chain quote and the bound sent with it. */
export interface TradeQuote {
  quote: Trade;
  limit: bigint;
}

export class TraderService {
  constructor(private readonly state: StateService) {}

  /** Spends `quoteIn` (fee included) on the agent token; wraps SOL when the quote is wSOL. */
  async buy(trader: PublicKey, mint: PublicKey, quoteIn: bigint, o: TradeOptions = {}): Promise<Prepared<TradeQuote>> {
    const pool = await this.state.tradablePool(mint);
    const quote = await this.state.quoteBuyExactIn(pool, quoteIn);
    const limit = o.limit ?? minimumOut(quote.baseAmount, slippageBps(o));
    if (!limitAllows({ kind: "minBaseFor", quote: quoteIn, minBase: limit }, quote)) {
      throw clientError("SlippageExceeded", `quote ${quote.baseAmount} base units for ${quote.quoteAmount} is below the minimum ${limit} per ${quoteIn}`);
    }
    return this.buyWith(trader, pool, quoteIn, (accounts) => ix.bondingCurve.buyExactIn(accounts, quoteIn, limit), { quote, limit });
  }

  /** Buys exactly `baseOut` (on the curve: at most what remains before graduation). */
  async buyExactOut(trader: PublicKey, mint: PublicKey, baseOut: bigint, o: TradeOptions = {}): Promise<Prepared<TradeQuote>> {
    const pool = await this.state.tradablePool(mint);
    const quote = await this.state.quoteBuyExactOut(pool, baseOut);
    const limit = o.limit ?? (quote.quoteAmount * (BPS_DENOMINATOR + BigInt(slippageBps(o)))) / BPS_DENOMINATOR;
    if (!limitAllows({ kind: "maxQuoteFor", maxQuote: limit, base: baseOut }, quote)) {
      throw clientError("SlippageExceeded", `quote ${quote.quoteAmount} quote units for ${quote.baseAmount} is above the maximum ${limit} per ${baseOut}`);
    }
    return this.buyWith(trader, pool, limit, (accounts) => ix.bondingCurve.buyExactOut(accounts, baseOut, limit), { quote, limit });
  }

  /** Sells exactly `baseIn` agent tokens. */
  async sell(trader: PublicKey, mint: PublicKey, baseIn: bigint, o: TradeOptions = {}): Promise<Prepared<TradeQuote>> {
    const pool = await this.state.tradablePool(mint);
    const held = await this.state.balance(agentTokenAccount(trader, mint));
    if (held < baseIn) throw clientError("InsufficientBalance", `selling ${baseIn} base units but the wallet holds ${held}`);
    const quote = await this.state.quoteSell(pool, baseIn);
    const limit = o.limit ?? minimumOut(quote.quoteAmount, slippageBps(o));
    if (quote.quoteAmount < limit) throw clientError("SlippageExceeded", `quote ${quote.quoteAmount} quote units is below the minimum ${limit}`);
    const sell = await ix.bondingCurve.sellExactIn(swapAccounts(trader, pool), baseIn, limit);
    return prepared([createAtaIdempotent(trader, trader, pool.quoteMint, pool.quoteTokenProgram), sell], { quote, limit });
  }

  /** Permissionless once the curve is complete: opens the locked constant-product pool. */
  async graduate(mint: PublicKey): Promise<Prepared> {
    const pool = await this.state.pool(mint);
    if (pool.phase === "graduated") throw clientError("AlreadyGraduated", "the pool has already graduated");
    if (pool.phase === "curve") {
      throw clientError("ThresholdNotReached", `the curve holds ${pool.quoteReserve} of the ${pool.params.graduationThreshold} quote units it graduates at`);
    }
    return prepared([await ix.bondingCurve.graduate(pool.address)]);
  }

  /** A buy: the trader's quote account funded with `spend`, its agent-token account created if missing. */
  private async buyWith(
    trader: PublicKey, pool: PoolState, spend: bigint, build: (accounts: SwapAccounts) => Promise<TransactionInstruction>, q: TradeQuote,
  ): Promise<Prepared<TradeQuote>> {
    const pre = await fund(this.state, trader, pool.quoteMint, pool.quoteTokenProgram, spend);
    const baseAta = createAtaIdempotent(trader, trader, pool.baseMint, TOKEN_2022_PROGRAM_ID);
    return prepared([...pre, baseAta, await build(swapAccounts(trader, pool))], q);
  }
}

const slippageBps = (o: TradeOptions) => o.slippageBps ?? 100;

/** `amount` less `slippageBps`, rounded down: the least a buy or sell accepts. */
export function minimumOut(amount: bigint, slippageBps: number): bigint {
  return (amount * (BPS_DENOMINATOR - BigInt(slippageBps))) / BPS_DENOMINATOR;
}

function swapAccounts(trader: PublicKey, pool: PoolState): SwapAccounts {
  const keys = agentKeys(pool.baseMint, pool.quoteMint, pool.quoteTokenProgram);
  return { user: trader, keys, userBaseAccount: agentTokenAccount(trader, keys.mint), userQuoteAccount: ata(trader, keys.quoteMint, keys.quoteTokenProgram) };
}
