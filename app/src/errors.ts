/**
 * Program errors as named TS errors. A failed transaction's logs name the innermost failing
 * program and its error: Anchor's `AnchorError ... Error Code: <Name>` line, or a custom
 * program error code looked up in that program's IDL (or SPL Token's error table).
 */
import { LangErrorCode } from "./anchor.js";

import { IDLS } from "./idl/index.js";
import { PROGRAM_IDS, TOKEN_2022_PROGRAM_ID, TOKEN_PROGRAM_ID } from "./constants.js";

/** A transaction or a pre-flight check refused: `code` is the error's name. */
export class AgentpadError extends Error {
  constructor(
    /** Error name, e.g. `SlippageExceeded`, `ConstraintSeeds`, `InsufficientFunds`, `UnknownAgent`. */
    readonly code: string,
    message: string,
    /** The program that raised it (`bondingCurve`, `splToken`, ...), `client` for pre-flight checks. */
    readonly program: string,
    /** Numeric program error code, when the chain raised it. */
    readonly number?: number,
    readonly logs: string[] = [],
  ) {
    super(`${program}: ${code}: ${message}`);
    this.name = "AgentpadError";
  }
}

/** Pre-flight refusals the client raises before sending anything. */
export const clientError = (code: string, message: string) => new AgentpadError(code, message, "client");

type ErrorTable = Map<number, { name: string; msg: string }>;

const programErrors = new Map<string, { name: string; table: ErrorTable }>();
for (const [name, idl] of Object.entries(IDLS)) {
  const errors = (idl as { errors?: { code: number; name: string; msg?: string }[] }).errors ?? [];
  const table: ErrorTable = new Map(errors.map((e) => [e.code, { name: toPascal(e.name), msg: e.msg ?? e.name }]));
  programErrors.set(PROGRAM_IDS[name as keyof typeof PROGRAM_IDS].toBase58(), { name, table });
}

const TOKEN_ERRORS = [
  "NotRentExempt", "InsufficientFunds", "InvalidMint", "MintMismatch", "OwnerMismatch", "FixedSupply", "AlreadyInUse",
  "InvalidNumberOfProvidedSigners", "InvalidNumberOfRequiredSigners", "UninitializedState", "NativeNotSupported",
  "NonNativeHasBalance", "InvalidInstruction", "InvalidState", "Overflow", "AuthorityTypeNotSupported", "MintCannotFreeze",
  "AccountFrozen", "MintDecimalsMismatch", "NonNativeNotSupported",
];
for (const [id, name] of [[TOKEN_PROGRAM_ID, "splToken"], [TOKEN_2022_PROGRAM_ID, "token2022"]] as const) {
  programErrors.set(id.toBase58(), { name, table: new Map(TOKEN_ERRORS.map((n, i) => [i, { name: n, msg: n }])) });
}

const anchorLangErrors: ErrorTable = new Map(
  Object.entries(LangErrorCode).map(([name, code]) => [code as number, { name: toPascal(name), msg: name }]),
);

function toPascal(s: string): string {
  return s.replace(/(^|_)([a-z])/g, (_, __, c: string) => c.toUpperCase()).replace(/^[a-z]/, (c) => c.toUpperCase());
}

const INVOKE = /^Program (\w+) invoke \[\d+\]$/;
const DONE = /^Program (\w+) (success|failed: .*)$/;
const ANCHOR_ERROR = /AnchorError (?:thrown in .*?|caused by account: (\w+))\. Error Code: (\w+)\. Error Number: (\d+)\. Error Message: (.*)$/;
const CUSTOM = /^Program (\w+) failed: custom program error: 0x([0-9a-fA-F]+)$/;
const FAILED = /^Program (\w+) failed: (.*)$/;

/** The named error in a failed transaction's logs (`fallback` when the logs say nothing). */
export function errorFromLogs(logs: string[], fallback: string): AgentpadError {
  const stack: string[] = [];
  for (const line of logs) {
    const invoke = INVOKE.exec(line);
    if (invoke) { stack.push(invoke[1]); continue; }
    const anchor = ANCHOR_ERROR.exec(line);
    if (anchor) {
      const program = programErrors.get(stack.at(-1) ?? "")?.name ?? stack.at(-1) ?? "unknown";
      const [, account, name, number, msg] = anchor;
      return new AgentpadError(name, account ? `${msg} (account: ${account})` : msg, program, Number(number), logs);
    }
    const custom = CUSTOM.exec(line);
    if (custom) return customError(custom[1], parseInt(custom[2], 16), line, logs);
    const failed = FAILED.exec(line);
    if (failed) {
      return new AgentpadError(toPascal(failed[2].replace(/[^a-zA-Z ]/g, "").trim().replace(/ +/g, "_").toLowerCase()), failed[2],
        programErrors.get(failed[1])?.name ?? failed[1], undefined, logs);
    }
    if (DONE.test(line)) stack.pop();
  }
  return new AgentpadError("TransactionFailed", fallback, "runtime", undefined, logs);
}

/** A program's custom error `code` by name (its IDL's table, SPL Token's, or Anchor's own). */
export function customError(programId: string, code: number, fallback = `custom program error ${code}`, logs: string[] = []): AgentpadError {
  const known = programErrors.get(programId);
  const entry = known?.table.get(code) ?? anchorLangErrors.get(code);
  return new AgentpadError(entry?.name ?? `Custom${code}`, entry?.msg ?? fallback, known?.name ?? programId, code, logs);
}

/** `true` when `e` is the named agentpad error. */
export function isAgentpadError(e: unknown, code?: string): e is AgentpadError {
  return e instanceof AgentpadError && (code === undefined || e.code === code);
}
