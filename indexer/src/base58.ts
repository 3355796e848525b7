/**
 * Base58 (Bitcoin alphabet), what keys, signatures and the node's instruction data are
 * written in — decoded for every event the indexer reads, so done in wide limbs — with a
 * cache for public keys, which the ingest turns into text many times over.
 */
import type { PublicKey } from "@solana/web3.js";

const ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
const VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) VALUE[ALPHABET.charCodeAt(i)] = i;

// Both directions work in limbs (base 2^24 against 58^4 = 11,316,496 < 2^24), so that every
// product stays an exact double; four characters or three bytes per step.
const LIMB = 2 ** 24;
const B58_4 = 58 ** 4;

/** The bytes `text` encodes; throws on a character outside the alphabet. */
export function decodeBase58(text: string): Uint8Array {
  let zeros = 0;
  while (zeros < text.length && text[zeros] === "1") zeros++;
  // Base-2^24 limbs, least significant first.
  const limbs = new Float64Array(Math.ceil(((text.length - zeros) * 5.86) / 24) + 1);
  let used = 0;
  for (let i = zeros; i < text.length; ) {
    const take = Math.min(4, text.length - i);
    let chunk = 0;
    let scale = 1;
    for (let k = 0; k < take; k++, i++) {
      const code = text.charCodeAt(i);
      const v = code < 128 ? VALUE[code] : -1;
      if (v < 0) throw new Error(`not base58: ${JSON.stringify(text[i])}`);
      chunk = chunk * 58 + v;
      scale *= 58;
    }
    let carry = chunk;
    let j = 0;
    for (; j < used || carry !== 0; j++) {
      const x = (j < used ? limbs[j] : 0) * scale + carry;
      carry = Math.floor(x / LIMB);
      limbs[j] = x - carry * LIMB;
    }
    used = j;
  }
  const bytes: number[] = [];
  for (let j = 0; j < used; j++) {
    const limb = limbs[j];
    bytes.push(limb & 0xff, (limb >>> 8) & 0xff, (limb >>> 16) & 0xff);
  }
  while (bytes.length > 0 && bytes[bytes.length - 1] === 0) bytes.pop();
  const out = new Uint8Array(zeros + bytes.length);
  for (let k = 0; k < bytes.length; k++) out[zeros + k] = bytes[bytes.length - 1 - k];
  return out;
}

export function encodeBase58(bytes: Uint8Array): string {
  let zeros = 0;
  while (zeros < bytes.length && bytes[zeros] === 0) zeros++;
  // Base-58^4 limbs, least significant first.
  const limbs = new Float64Array(Math.ceil(((bytes.length - zeros) * 8) / 23.4) + 1);
  let used = 0;
  for (let i = zeros; i < bytes.length; ) {
    const take = Math.min(3, bytes.length - i);
    let chunk = 0;
    for (let k = 0; k < take; k++, i++) chunk = chunk * 256 + bytes[i];
    const scale = 2 ** (8 * take);
    let carry = chunk;
    let j = 0;
    for (; j < used || carry !== 0; j++) {
      const x = (j < used ? limbs[j] : 0) * scale + carry;
      carry = Math.floor(x / B58_4);
      limbs[j] = x - carry * B58_4;
    }
    used = j;
  }
  const digits: string[] = [];
  for (let j = 0; j < used; j++) {
    let limb = limbs[j];
    for (let k = 0; k < 4; k++) {
      digits.push(ALPHABET[limb % 58]);
      limb = Math.floor(limb / 58);
    }
  }
  while (digits.length > 0 && digits[digits.length - 1] === "1") digits.pop();
  return "1".repeat(zeros) + digits.reverse().join("");
}

/** Whether `text` is base58 for exactly `length` bytes (32: a key, 64: a signature). */
export function isBase58Of(text: string, length: number): boolean {
  if (text.length === 0 || text.length > 90) return false;
  try {
    return decodeBase58(text).length === length;
  } catch {
    return false;
  }
}

const byBytes = new Map<string, string>();
const byObject = new WeakMap<PublicKey, string>();

/** `key.toBase58()`, remembered per key object and for the last 100,000 keys seen. */
export function keyText(key: PublicKey): string {
  let text = byObject.get(key);
  if (text !== undefined) return text;
  const bytes = key.toBuffer().toString("latin1");
  text = byBytes.get(bytes);
  if (text === undefined) {
    text = key.toBase58();
    if (byBytes.size >= 100_000) byBytes.clear();
    byBytes.set(bytes, text);
  }
  byObject.set(key, text);
  return text;
}
