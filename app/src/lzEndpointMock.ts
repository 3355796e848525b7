/**
 * Localnet only: the test LayerZero endpoint (tests/lz-endpoint-mock) that stands in for
 * EndpointV2 where no LayerZero deployment exists. `verify` plays the DVNs; `clear` is
 * CPI'd by the fee aggregator's `lz_receive` exactly as the real endpoint's is.
 */
import { createHash } from "node:crypto";
import { type PublicKey, SystemProgram, TransactionInstruction } from "@solana/web3.js";

import { payloadHash } from "./bridge.js";
import { LZ_ENDPOINT_MOCK_ID } from "./constants.js";
import { endpointPda, feeAggregatorPda } from "./pda.js";

const disc = (name: string) => createHash("sha256").update(`global:${name}`).digest().subarray(0, 8);

export function endpointInitialize(payer: PublicKey): TransactionInstruction {
  return new TransactionInstruction({
    programId: LZ_ENDPOINT_MOCK_ID,
    keys: [
      { pubkey: payer, isSigner: true, isWritable: true },
      { pubkey: endpointPda.settings(), isSigner: false, isWritable: true },
      { pubkey: SystemProgram.programId, isSigner: false, isWritable: false },
    ],
    data: disc("initialize"),
  });
}

/** Marks a packet verified, as the DVNs + `commit_verification` would. */
export function endpointVerify(payer: PublicKey, srcEid: number, sender: Uint8Array, nonce: bigint, guid: Uint8Array, message: Uint8Array) {
  const data = Buffer.alloc(8 + 32 + 4 + 32 + 8 + 32);
  disc("verify").copy(data, 0);
  feeAggregatorPda.store().toBuffer().copy(data, 8);
  data.writeUInt32LE(srcEid, 40);
  Buffer.from(sender).copy(data, 44);
  data.writeBigUInt64LE(nonce, 76);
  payloadHash(guid, message).copy(data, 84);
  return new TransactionInstruction({
    programId: LZ_ENDPOINT_MOCK_ID,
    keys: [
      { pubkey: payer, isSigner: true, isWritable: true },
      { pubkey: endpointPda.nonce(srcEid, sender), isSigner: false, isWritable: true },
      { pubkey: endpointPda.payloadHash(srcEid, sender, nonce), isSigner: false, isWritable: true },
      { pubkey: SystemProgram.programId, isSigner: false, isWritable: false },
    ],
    data,
  });
}
