/** Solana CLI keypair files (a JSON array of the 64 secret-key bytes); `~` is the home directory. */
import { readFileSync } from "node:fs";
import { homedir } from "node:os";
import { Keypair } from "@solana/web3.js";

export const DEFAULT_KEYPAIR_PATH = "~/.config/solana/id.json";

export const expandHome = (path: string) => path.replace(/^~(?=$|\/)/, homedir());

export function loadKeypair(path: string = DEFAULT_KEYPAIR_PATH): Keypair {
  return Keypair.fromSecretKey(Uint8Array.from(JSON.parse(readFileSync(expandHome(path), "utf8"))));
}
