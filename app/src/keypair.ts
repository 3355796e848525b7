/** Solana CLI keypair files (a JSON array of the 64 secret-key bytes); `~` is the home directory. */
import { readFileSync, statSync } from "node:fs";
import { homedir } from "node:os";
import { Keypair } from "@solana/web3.js";

export const DEFAULT_KEYPAIR_PATH = "~/.config/solana/id.json";

export const expandHome = (path: string) => path.replace(/^~(?=$|\/)/, homedir());

/** A keypair file that cannot be used, with a message naming the file and why. */
export class KeypairFileError extends Error {
  constructor(readonly path: string, reason: string) {
    super(`keypair file ${path}: ${reason}`);
    this.name = "KeypairFileError";
  }
}

export function loadKeypair(path: string = DEFAULT_KEYPAIR_PATH): Keypair {
  const file = expandHome(path);
  let text: string;
  try {
    if (statSync(file).isDirectory()) throw new KeypairFileError(file, "is a directory, not a keypair file");
    text = readFileSync(file, "utf8");
  } catch (e) {
    if (e instanceof KeypairFileError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new KeypairFileError(file, code === "ENOENT" ? "not found (create one with `solana-keygen new`, or pass --keypair)" : (e as Error).message);
  }
  let bytes: unknown;
  try {
    bytes = JSON.parse(text);
  } catch {
    throw new KeypairFileError(file, "is not JSON (expected the Solana CLI format: an array of 64 numbers)");
  }
  if (!Array.isArray(bytes) || bytes.length !== 64 || !bytes.every((b) => Number.isInteger(b) && b >= 0 && b <= 255)) {
    throw new KeypairFileError(file, "is not a keypair (expected an array of 64 numbers from 0 to 255)");
  }
  try {
    return Keypair.fromSecretKey(Uint8Array.from(bytes));
  } catch {
    throw new KeypairFileError(file, "holds 64 bytes that are not a valid ed25519 keypair");
  }
}
