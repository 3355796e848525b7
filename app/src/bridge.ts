/**
 * LayerZero bridge messages (docs/bridge-messages.md) as `AgentRevenueRouter` on Base sends
 * them: fee reports and agent links (OApp messages to the store) and value transfers (the
 * compose message of an OFT send to the store), and LayerZero's OFT codecs on Solana.
 * Integers big-endian.
 */
import { keccak_256 } from "@noble/hashes/sha3";
import { PublicKey } from "@solana/web3.js";

import { feeAggregatorPda } from "./pda.js";
import { SHARED_DECIMALS } from "./math/revenue.js";

export const BRIDGE_MESSAGE_VERSION = 2;
export const MessageKind = { feeReport: 1, valueTransfer: 2, agentLink: 3 } as const;
export const FEE_REPORT_LEN = 91;
export const VALUE_TRANSFER_LEN = 50;
export const AGENT_LINK_LEN = 138;

/** Fees an agent earned and kept on the source chain (statistics; no tokens move). */
export interface FeeReport {
  agentMint: PublicKey;
  /** The reward mint on Solana the fees are denominated in. */
  rewardMint: PublicKey;
  /** In LayerZero shared decimals (6). */
  amountSd: bigint;
  reportId: bigint;
  sourceEpoch: bigint;
}

/** Which agent the tokens of an OFT send are for (its compose message). */
export interface ValueTransfer {
  agentMint: PublicKey;
  transferId: bigint;
  sourceEpoch: bigint;
}

/**
 * A Base agent token's Solana mint, the only key that may register it as an agent here, and
 * the OFT store that must be its mint authority (`AgentRevenueRouter.linkBaseAgent`).
 */
export interface AgentLink {
  agentMint: PublicKey;
  creator: PublicKey;
  oftStore: PublicKey;
  /** The agent token on the source chain: an EVM address left-padded to 32 bytes. */
  originToken: Uint8Array;
  linkId: bigint;
}

export function encodeAgentLink(m: AgentLink): Buffer {
  if (m.originToken.length !== 32) throw new Error(`an origin token is 32 bytes (an EVM address left-padded), got ${m.originToken.length}`);
  const out = Buffer.alloc(AGENT_LINK_LEN);
  out[0] = BRIDGE_MESSAGE_VERSION;
  out[1] = MessageKind.agentLink;
  m.agentMint.toBuffer().copy(out, 2);
  m.creator.toBuffer().copy(out, 34);
  m.oftStore.toBuffer().copy(out, 66);
  Buffer.from(m.originToken).copy(out, 98);
  out.writeBigUInt64BE(m.linkId, 130);
  return out;
}

export function decodeAgentLink(b: Uint8Array): AgentLink {
  const buf = Buffer.from(b);
  header(buf, AGENT_LINK_LEN, MessageKind.agentLink, "agent link");
  return {
    agentMint: new PublicKey(buf.subarray(2, 34)), creator: new PublicKey(buf.subarray(34, 66)), oftStore: new PublicKey(buf.subarray(66, 98)),
    originToken: new Uint8Array(buf.subarray(98, 130)), linkId: buf.readBigUInt64BE(130),
  };
}

export function encodeFeeReport(m: FeeReport): Buffer {
  const out = Buffer.alloc(FEE_REPORT_LEN);
  out[0] = BRIDGE_MESSAGE_VERSION;
  out[1] = MessageKind.feeReport;
  m.agentMint.toBuffer().copy(out, 2);
  m.rewardMint.toBuffer().copy(out, 34);
  out[66] = SHARED_DECIMALS;
  out.writeBigUInt64BE(m.amountSd, 67);
  out.writeBigUInt64BE(m.reportId, 75);
  out.writeBigUInt64BE(m.sourceEpoch, 83);
  return out;
}

function header(buf: Buffer, len: number, kind: number, what: string) {
  if (buf.length !== len) throw new Error(`${what} must be ${len} bytes, got ${buf.length}`);
  if (buf[0] !== BRIDGE_MESSAGE_VERSION) throw new Error(`unsupported bridge message version ${buf[0]}`);
  if (buf[1] !== kind) throw new Error(`a ${what} has kind ${kind}, got ${buf[1]}`);
}

export function decodeFeeReport(b: Uint8Array): FeeReport {
  const buf = Buffer.from(b);
  header(buf, FEE_REPORT_LEN, MessageKind.feeReport, "fee report");
  if (buf[66] !== SHARED_DECIMALS) throw new Error(`fee report amounts are in ${SHARED_DECIMALS} shared decimals, got ${buf[66]}`);
  return {
    agentMint: new PublicKey(buf.subarray(2, 34)), rewardMint: new PublicKey(buf.subarray(34, 66)),
    amountSd: buf.readBigUInt64BE(67), reportId: buf.readBigUInt64BE(75), sourceEpoch: buf.readBigUInt64BE(83),
  };
}

export function encodeValueTransfer(m: ValueTransfer): Buffer {
  const out = Buffer.alloc(VALUE_TRANSFER_LEN);
  out[0] = BRIDGE_MESSAGE_VERSION;
  out[1] = MessageKind.valueTransfer;
  m.agentMint.toBuffer().copy(out, 2);
  out.writeBigUInt64BE(m.transferId, 34);
  out.writeBigUInt64BE(m.sourceEpoch, 42);
  return out;
}

export function decodeValueTransfer(b: Uint8Array): ValueTransfer {
  const buf = Buffer.from(b);
  header(buf, VALUE_TRANSFER_LEN, MessageKind.valueTransfer, "value transfer");
  return { agentMint: new PublicKey(buf.subarray(2, 34)), transferId: buf.readBigUInt64BE(34), sourceEpoch: buf.readBigUInt64BE(42) };
}

/** LayerZero's OFT message: `sendTo[32] | amountSD u64 | (composeFrom[32] | composeMsg)`. */
export interface OftMessage { sendTo: Uint8Array; amountSd: bigint; compose?: { from: Uint8Array; message: Uint8Array } }

export function encodeOftMessage(m: OftMessage): Buffer {
  const amount = Buffer.alloc(8);
  amount.writeBigUInt64BE(m.amountSd);
  const compose = m.compose ? [Buffer.from(m.compose.from), Buffer.from(m.compose.message)] : [];
  return Buffer.concat([Buffer.from(m.sendTo), amount, ...compose]);
}

export function decodeOftMessage(b: Uint8Array): OftMessage {
  const buf = Buffer.from(b);
  if (buf.length < 40 || (buf.length > 40 && buf.length <= 72)) throw new Error(`an OFT message is 40 bytes or more than 72, got ${buf.length}`);
  return {
    sendTo: buf.subarray(0, 32), amountSd: buf.readBigUInt64BE(32),
    compose: buf.length > 40 ? { from: buf.subarray(40, 72), message: buf.subarray(72) } : undefined,
  };
}

/**
 * LayerZero's OFT compose message on Solana (`compose_msg_codec`; the EVM layout differs):
 * `nonce u64 | src_eid u32 | amount_ld u64 | composeFrom[32] | composeMsg`.
 */
export interface OftCompose { nonce: bigint; srcEid: number; amountLd: bigint; composeFrom: Uint8Array; composeMsg: Uint8Array }

export function encodeOftCompose(c: OftCompose): Buffer {
  const head = Buffer.alloc(20);
  head.writeBigUInt64BE(c.nonce, 0);
  head.writeUInt32BE(c.srcEid, 8);
  head.writeBigUInt64BE(c.amountLd, 12);
  return Buffer.concat([head, Buffer.from(c.composeFrom), Buffer.from(c.composeMsg)]);
}

export function decodeOftCompose(b: Uint8Array): OftCompose {
  const buf = Buffer.from(b);
  if (buf.length < 52) throw new Error(`an OFT compose message is at least 52 bytes, got ${buf.length}`);
  return {
    nonce: buf.readBigUInt64BE(0), srcEid: buf.readUInt32BE(8), amountLd: buf.readBigUInt64BE(12),
    composeFrom: buf.subarray(20, 52), composeMsg: buf.subarray(52),
  };
}

/** The receipt PDA that makes each `(src_eid, report_id)` land once. */
export const receiptOf = (srcEid: number, reportId: bigint) => feeAggregatorPda.receipt(srcEid, reportId);

/** LayerZero's payload hash of a packet: keccak256(guid || message). */
export function payloadHash(guid: Uint8Array, message: Uint8Array): Buffer {
  return Buffer.from(keccak_256(Buffer.concat([Buffer.from(guid), Buffer.from(message)])));
}
