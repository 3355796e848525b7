/**
 * The BPF upgradeable loader's `SetAuthority`: hands a program's upgrade authority to another
 * key without its signature, as `solana program set-upgrade-authority
 * --skip-new-upgrade-authority-signer-check` does (a multisig vault cannot co-sign).
 */
import { PublicKey, TransactionInstruction } from "@solana/web3.js";

import { BPF_LOADER_UPGRADEABLE_ID } from "./constants.js";
import { programData } from "./pda.js";

export function setUpgradeAuthority(program: PublicKey, current: PublicKey, next: PublicKey): TransactionInstruction {
  const data = Buffer.alloc(4);
  data.writeUInt32LE(4); // UpgradeableLoaderInstruction::SetAuthority
  return new TransactionInstruction({
    programId: BPF_LOADER_UPGRADEABLE_ID,
    keys: [
      { pubkey: programData(program), isSigner: false, isWritable: true },
      { pubkey: current, isSigner: true, isWritable: false },
      { pubkey: next, isSigner: false, isWritable: false },
    ],
    data,
  });
}

/** The upgrade authority a program's ProgramData names (`null`: immutable or not upgradeable). */
export function upgradeAuthorityOf(programDataAccount: { data: Uint8Array } | null): PublicKey | null {
  const d = programDataAccount?.data;
  if (!d || d.length < 45 || d[12] !== 1) return null;
  return new PublicKey(Buffer.from(d.subarray(13, 45)));
}
