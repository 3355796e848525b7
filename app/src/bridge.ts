/**
 * LayerZero bridge messages (docs/bridge-messages.md): the 90-byte payload the remote
 * aggregator sends, and the executor's two steps on Solana (lz_receive_types, lz_receive).
 */
import { keccak_256 } from "@noble/hashes/sha3";
import { PublicKey } from "@solana/web3.js";

import { feeAggregatorPda } from "./pda.js";

export const BRIDGE_MESSAGE_VERSION = 1;
export const BRIDGE_MESSAGE_LEN = 90;
export const MessageKind = { feeReport: 1, valueTransfer: 2 } as const;

export interface BridgeMessage {
  kind: (typeof MessageKind)[keyof typeof MessageKind];
  agentMint: PublicKey;
  token: PublicKey;
  /** In LayerZero shared decimals (6). */
  amountSd: bigint;
  reportId: bigint;
  sourceEpoch: bigint;
}

export function encodeBridgeMessage(m: BridgeMessage): Buffer {
  const out = Buffer.alloc(BRIDGE_MESSAGE_LEN);
  out[0] = BRIDGE_MESSAGE_VERSION;
  out[1] = m.kind;
  m.agentMint.toBuffer().copy(out, 2);
  m.token.toBuffer().copy(out, 34);
  out.writeBigUInt64BE(m.amountSd, 66);
  out.writeBigUInt64BE(m.reportId, 74);
  out.writeBigUInt64BE(m.sourceEpoch, 82);
  return out;
}

export function decodeBridgeMessage(b: Uint8Array): BridgeMessage {
  const buf = Buffer.from(b);
  if (buf.length !== BRIDGE_MESSAGE_LEN) throw new Error(`bridge message must be ${BRIDGE_MESSAGE_LEN} bytes, got ${buf.length}`);
  if (buf[0] !== BRIDGE_MESSAGE_VERSION) throw new Error(`unsupported bridge message version ${buf[0]}`);
  if (buf[1] !== 1 && buf[1] !== 2) throw new Error(`unknown bridge message kind ${buf[1]}`);
  return {
    kind: buf[1] as 1 | 2, agentMint: new PublicKey(buf.subarray(2, 34)), token: new PublicKey(buf.subarray(34, 66)),
    amountSd: buf.readBigUInt64BE(66), reportId: buf.readBigUInt64BE(74), sourceEpoch: buf.readBigUInt64BE(82),
  };
}

/** The receipt PDA that makes each `(src_eid, report_id)` land once. */
export const receiptOf = (srcEid: number, reportId: bigint) => feeAggregatorPda.receipt(srcEid, reportId);

/** LayerZero's payload hash of a packet: keccak256(guid || message). */
export function payloadHash(guid: Uint8Array, message: Uint8Array): Buffer {
  return Buffer.from(keccak_256(Buffer.concat([Buffer.from(guid), Buffer.from(message)])));
}
