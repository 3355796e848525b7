/** Every failure shown to the user as one line in words: never a stack trace. */
import { AgentpadError } from "@agentpad/sdk";

import { ApiError } from "./api.js";

/** A value the user typed that cannot be used; the message says why. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InputError";
  }
}

/** Program and pre-flight errors by name, as sentences; anything else falls back to the SDK's own message. */
const SENTENCES: Record<string, string> = {
  SlippageExceeded: "The price moved beyond your slippage limit, so nothing was traded. Preview again or allow more slippage.",
  InsufficientFunds: "The wallet does not hold enough for this transaction and its fees.",
  CurveComplete: "The curve is complete: the pool must graduate before trading resumes.",
  ZeroOutput: "The amount is too small to buy or sell anything.",
  ZeroAmount: "The amount must be more than zero.",
  InsufficientLiquidity: "The pool does not hold enough to fill this trade.",
  AlreadyGraduated: "The pool has already graduated.",
  UnknownAgent: "No agent with this mint exists on chain.",
  NoPosition: "This wallet has no stake in this agent.",
  InsufficientStake: "You cannot unstake more than you have staked.",
  NothingUnstaking: "Nothing is waiting to be withdrawn: request an unstake first.",
  NothingToWithdraw: "Nothing is waiting to be withdrawn: request an unstake first.",
  NodeUnreachable: "The Solana node does not answer; try again in a moment.",
  UnknownPreset: "No preset with this id exists.",
  UnknownLookupTable: "The launch lookup table was not found on this cluster.",
  BlockhashNotFound: "The transaction expired before it landed; try again.",
};

/** Wallets report a refusal to sign with EIP-1193's code 4001 or a message saying so. */
function isRejection(e: unknown): boolean {
  const { code, message } = e as { code?: unknown; message?: unknown };
  return code === 4001 || (typeof message === "string" && /reject|denied|declined|cancell?ed/i.test(message));
}

const oneLine = (s: string) => s.split("\n")[0].trim();
const sentence = (s: string) => {
  const t = oneLine(s);
  return t ? t[0].toUpperCase() + t.slice(1) + (/[.!?]$/.test(t) ? "" : ".") : "Something went wrong.";
};

export function describeError(e: unknown): string {
  if (e instanceof AgentpadError) {
    const known = SENTENCES[e.code];
    if (known) return known;
    // The SDK's message is "<program>: <code>: <what>"; the <what> reads best.
    const prefix = `${e.program}: ${e.code}: `;
    return sentence(e.message.startsWith(prefix) ? e.message.slice(prefix.length) : e.message);
  }
  if (e instanceof InputError) return sentence(e.message);
  if (e instanceof ApiError) return sentence(`The indexer: ${e.message}`);
  if (isRejection(e)) return "The wallet declined to sign.";
  if (e instanceof Error) return sentence(e.message);
  return sentence(String(e));
}
