/**
 * The recorded validator session (indexer/test/fixtures/validator, written by
 * `agentpad-indexer record`) as a chain the fake node serves.
 */
import { readFileSync, readdirSync } from "node:fs";

import { PROGRAM_IDS } from "@agentpad/sdk";

import type { FakeChain, SignatureInfo } from "./fakeRpc.js";

export const FIXTURES = new URL("../fixtures/validator/", import.meta.url).pathname;

export interface Recorded extends FakeChain {
  /** Every recorded transaction's raw getTransaction result, by signature. */
  raw: Map<string, any>;
  /** Signatures per program name (agentFactory, ...), newest first. */
  lists: Record<string, SignatureInfo[]>;
}

const json = (path: string) => JSON.parse(readFileSync(path, "utf8"));

export function recorded(dir = FIXTURES): Recorded {
  const raw = new Map<string, any>();
  for (const f of readdirSync(`${dir}transactions`)) raw.set(f.replace(/\.json$/, ""), json(`${dir}transactions/${f}`));
  const blocks = new Map<number, any>();
  for (const f of readdirSync(`${dir}blocks`)) blocks.set(Number(f.replace(/\.json$/, "")), json(`${dir}blocks/${f}`));
  const lists: Record<string, SignatureInfo[]> = {};
  const byId: Record<string, SignatureInfo[]> = {};
  for (const [name, id] of Object.entries(PROGRAM_IDS)) {
    lists[name] = json(`${dir}signatures/${name}.json`);
    byId[id.toBase58()] = lists[name];
  }
  return {
    raw, lists,
    signatures: (program) => byId[program] ?? [],
    transaction: (signature) => raw.get(signature) ?? null,
    block: (slot) => blocks.get(slot) ?? null,
    slotOf: (signature) => raw.get(signature)?.slot,
  };
}
