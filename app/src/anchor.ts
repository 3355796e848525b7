/**
 * @anchor-lang/core ships CommonJS only; Node's ESM loader cannot always see its named
 * exports (`BN` is re-exported from bn.js), so everything goes through the default export.
 */
import anchorCjs from "@anchor-lang/core";
import type * as A from "@anchor-lang/core";

const anchor = anchorCjs as typeof A;

export const BN = anchor.BN;
export type BN = A.BN;
export const Program = anchor.Program;
export type Program<T extends A.Idl = A.Idl> = A.Program<T>;
export const LangErrorCode = anchor.LangErrorCode;
export const utils = anchor.utils;
export type Provider = A.Provider;
export type Idl = A.Idl;
