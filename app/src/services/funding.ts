/** Making an owner's token account hold what an action spends. */
import type { PublicKey, TransactionInstruction } from "@solana/web3.js";

import { NATIVE_MINT } from "../constants.js";
import { clientError } from "../errors.js";
import { ata } from "../pda.js";
import { wrapSol } from "../tokens.js";
import type { StateService } from "./state.js";

/**
 * Instructions that make `owner`'s `mint` account hold `amount`: for wSOL the missing SOL is
 * wrapped; otherwise a shortfall is refused before anything is built.
 */
export async function fund(state: StateService, owner: PublicKey, mint: PublicKey, tokenProgram: PublicKey, amount: bigint): Promise<TransactionInstruction[]> {
  const held = await state.balance(ata(owner, mint, tokenProgram));
  if (held >= amount) return [];
  if (mint.equals(NATIVE_MINT)) {
    const lamports = await state.backend.getBalance(owner);
    if (lamports < amount - held + 10_000_000n) {
      throw clientError("InsufficientBalance", `needs ${amount - held} lamports more wSOL but the wallet has ${lamports} lamports`);
    }
    return wrapSol(owner, amount - held);
  }
  throw clientError("InsufficientBalance", `needs ${amount} units of ${mint.toBase58()} but the wallet holds ${held}`);
}
