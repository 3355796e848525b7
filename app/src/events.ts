/**
 * Events emitted with `emit_cpi!`: each is a self-CPI to the program's event authority whose
 * data is Anchor's event-instruction tag, the event discriminator and the borsh payload.
 * They are read from a transaction's inner instructions (logs can be truncated; these cannot).
 */
import type { PublicKey } from "@solana/web3.js";

import { native } from "./accounts.js";
import { type ProgramName, programNameOf, programs } from "./programs.js";

/** `EVENT_IX_TAG` (0x1d9acb512ea545e4) little-endian. */
const EVENT_IX_TAG = Buffer.from("e445a52e51cb9a1d", "hex");

export interface AgentpadEvent {
  program: ProgramName;
  /** The event's type name, e.g. `TradeExecuted`. */
  name: string;
  /** Fields in camelCase; u64/i64/u128 as bigint, smaller integers as number, keys as `PublicKey`. */
  data: Record<string, any>;
}

export interface RawInstruction { programId: PublicKey; data: Uint8Array }

export function decodeEvents(inner: RawInstruction[]): AgentpadEvent[] {
  const out: AgentpadEvent[] = [];
  for (const ix of inner) {
    const data = Buffer.from(ix.data);
    if (data.length < 16 || !data.subarray(0, 8).equals(EVENT_IX_TAG)) continue;
    const program = programNameOf(ix.programId);
    if (!program) continue;
    const event = programs[program].coder.events.decode(data.subarray(8).toString("base64"));
    if (event) out.push({ program, name: event.name, data: native(event.data) as Record<string, any> });
  }
  return out;
}
