/**
 * The LayerZero V2 endpoint accounts the fee aggregator's instructions pass on to the
 * endpoint (as remaining accounts, in LayerZero's `oapp` helper order: the endpoint program
 * first, then the endpoint instruction's own accounts). The same lists the program's
 * `lz::ix` builders produce; `tests/lz_abi.ts` checks both against LayerZero's SDK.
 */
import { type AccountMeta, PublicKey, SystemProgram } from "@solana/web3.js";

import { endpointPda, eventAuthority } from "./pda.js";

const meta = (pubkey: PublicKey, isWritable = false): AccountMeta => ({ pubkey, isSigner: false, isWritable });

/** `register_oapp`: payer, oapp, registry (w), system program, event authority, endpoint. */
export function registerOappAccounts(endpoint: PublicKey, payer: PublicKey, oapp: PublicKey): AccountMeta[] {
  return [
    meta(endpoint), meta(payer, true), meta(oapp), meta(endpointPda.oappRegistry(endpoint, oapp), true), meta(SystemProgram.programId),
    meta(eventAuthority(endpoint)), meta(endpoint),
  ];
}

/** `set_delegate`: oapp, registry (w), event authority, endpoint. */
export function setDelegateAccounts(endpoint: PublicKey, oapp: PublicKey): AccountMeta[] {
  return [meta(endpoint), meta(oapp), meta(endpointPda.oappRegistry(endpoint, oapp), true), meta(eventAuthority(endpoint)), meta(endpoint)];
}

/** `clear`: receiver, registry, nonce, payload hash (w), settings (w), event authority, endpoint. */
export function clearAccounts(endpoint: PublicKey, receiver: PublicKey, srcEid: number, sender: Uint8Array, nonce: bigint): AccountMeta[] {
  return [
    meta(endpoint), meta(receiver), meta(endpointPda.oappRegistry(endpoint, receiver)), meta(endpointPda.nonce(srcEid, sender, endpoint, receiver)),
    meta(endpointPda.payloadHash(srcEid, sender, nonce, endpoint, receiver), true), meta(endpointPda.settings(endpoint), true),
    meta(eventAuthority(endpoint)), meta(endpoint),
  ];
}

/** `clear_compose`: to, compose message (w), event authority, endpoint. */
export function clearComposeAccounts(
  endpoint: PublicKey, to: PublicKey, from: PublicKey, guid: Uint8Array, index: number, message: Uint8Array,
): AccountMeta[] {
  return [
    meta(endpoint), meta(to), meta(endpointPda.composedMessage(from, to, guid, index, message, endpoint), true), meta(eventAuthority(endpoint)),
    meta(endpoint),
  ];
}
