/**
 * Localnet and tests only: the stand-ins for LayerZero's Solana programs where no LayerZero
 * deployment exists — the endpoint (tests/lz-endpoint-mock: `verify` plays the DVNs,
 * `clear`/`clear_compose` are CPI'd by the fee aggregator exactly as the real endpoint's
 * are) and a native OFT (tests/oft-mock: credits the recipient, sends the compose).
 */
import { sha256 } from "@noble/hashes/sha256";
import { PublicKey, SystemProgram, TransactionInstruction } from "@solana/web3.js";

import { payloadHash } from "./bridge.js";
import { ASSOCIATED_TOKEN_PROGRAM_ID, LZ_ENDPOINT_MOCK_ID, OFT_MOCK_ID } from "./constants.js";
import { ata, endpointPda, eventAuthority, feeAggregatorPda } from "./pda.js";

const disc = (name: string) => Buffer.from(sha256(`global:${name}`)).subarray(0, 8);
const w = (pubkey: PublicKey, isSigner = false) => ({ pubkey, isSigner, isWritable: true });
const r = (pubkey: PublicKey) => ({ pubkey, isSigner: false, isWritable: false });
const u32le = (v: number) => { const b = Buffer.alloc(4); b.writeUInt32LE(v); return b; };
const u64le = (v: bigint) => { const b = Buffer.alloc(8); b.writeBigUInt64LE(v); return b; };
const bytes = (v: Uint8Array) => Buffer.concat([u32le(v.length), Buffer.from(v)]);

/** Solana's endpoint id on the test endpoint. */
export const SOLANA_EID = 30168;

export function endpointInitialize(payer: PublicKey, eid = SOLANA_EID): TransactionInstruction {
  return new TransactionInstruction({
    programId: LZ_ENDPOINT_MOCK_ID,
    keys: [w(payer, true), w(endpointPda.settings()), r(SystemProgram.programId)],
    data: Buffer.concat([disc("initialize"), u32le(eid)]),
  });
}

/** Marks a packet to `receiver` verified, as the DVNs + `commit_verification` would. */
export function endpointVerify(
  payer: PublicKey, srcEid: number, sender: Uint8Array, nonce: bigint, guid: Uint8Array, message: Uint8Array,
  receiver: PublicKey = feeAggregatorPda.store(),
): TransactionInstruction {
  const e = LZ_ENDPOINT_MOCK_ID;
  return new TransactionInstruction({
    programId: e,
    keys: [
      w(payer, true), w(endpointPda.nonce(srcEid, sender, e, receiver)), w(endpointPda.payloadHash(srcEid, sender, nonce, e, receiver)),
      r(SystemProgram.programId),
    ],
    data: Buffer.concat([
      disc("verify"), receiver.toBuffer(), u32le(srcEid), Buffer.from(sender), u64le(nonce), payloadHash(guid, message),
    ]),
  });
}

/** The test OFT's store PDA for an escrow token account (`["OFT", escrow]`, as LayerZero's OFT). */
export function oftStoreOf(escrow: PublicKey): PublicKey {
  return PublicKey.findProgramAddressSync([Buffer.from("OFT"), escrow.toBuffer()], OFT_MOCK_ID)[0];
}

/** Test set-up: a native OFT for `mint` (its mint authority must be the store). */
export function oftInit(payer: PublicKey, mint: PublicKey, escrow: PublicKey): TransactionInstruction {
  const store = oftStoreOf(escrow);
  return new TransactionInstruction({
    programId: OFT_MOCK_ID,
    keys: [
      w(payer, true), w(store), r(mint), r(escrow), w(endpointPda.oappRegistry(LZ_ENDPOINT_MOCK_ID, store)),
      r(eventAuthority(LZ_ENDPOINT_MOCK_ID)), r(LZ_ENDPOINT_MOCK_ID), r(SystemProgram.programId),
    ],
    data: disc("init_oft"),
  });
}

export interface OftPacket { srcEid: number; sender: Uint8Array; nonce: bigint; guid: Uint8Array; message: Uint8Array }

/**
 * The executor's `lz_receive` on the test OFT for a packet to `sendTo`. `composeMessage` is
 * the compose the OFT will send (its PDA is passed), when the packet carries one.
 */
export function oftLzReceive(
  payer: PublicKey, escrow: PublicKey, mint: PublicKey, tokenProgram: PublicKey, sendTo: PublicKey, p: OftPacket, composeMessage?: Uint8Array,
): TransactionInstruction {
  const e = LZ_ENDPOINT_MOCK_ID;
  const store = oftStoreOf(escrow);
  const keys = [
    w(payer, true), w(store), r(sendTo), w(ata(sendTo, mint, tokenProgram)), w(mint), r(tokenProgram), r(ASSOCIATED_TOKEN_PROGRAM_ID),
    r(SystemProgram.programId), r(eventAuthority(e)), r(e),
    r(endpointPda.oappRegistry(e, store)), r(endpointPda.nonce(p.srcEid, p.sender, e, store)),
    w(endpointPda.payloadHash(p.srcEid, p.sender, p.nonce, e, store)), w(endpointPda.settings(e)),
  ];
  if (composeMessage) keys.push(w(endpointPda.composedMessage(store, sendTo, p.guid, 0, composeMessage, e)));
  return new TransactionInstruction({
    programId: OFT_MOCK_ID,
    keys,
    data: Buffer.concat([disc("lz_receive"), u32le(p.srcEid), Buffer.from(p.sender), u64le(p.nonce), Buffer.from(p.guid), bytes(p.message), bytes(new Uint8Array())]),
  });
}
