/**
 * @anchor-lang/core ships CommonJS for Node and ESM for browsers. Node's ESM loader cannot
 * always see the CommonJS build's named exports (`BN` is re-exported from bn.js), so they are
 * read from its default export there; a browser bundle has the named exports only.
 */
import * as ns from "@anchor-lang/core";
import type * as A from "@anchor-lang/core";

// (Reflect.get: a bundler need not resolve a default export the browser build lacks.)
const anchor = (Reflect.get(ns, "default") ?? ns) as typeof A;

export const BN = anchor.BN;
export type BN = A.BN;
export const Program = anchor.Program;
export type Program<T extends A.Idl = A.Idl> = A.Program<T>;
export const LangErrorCode = anchor.LangErrorCode;
export const utils = anchor.utils;
export type Provider = A.Provider;
export type Idl = A.Idl;
