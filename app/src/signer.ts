/**
 * Who signs. The SDK builds unsigned v0 transactions; anything that can sign one is a
 * `TransactionSigner`: a browser wallet (Wallet Standard `solana:signTransaction`, or a
 * wallet-adapter `signTransaction`, both this shape), a multisig's proposer, or a `Keypair`.
 */
import { Keypair, type PublicKey, type VersionedTransaction } from "@solana/web3.js";

export interface TransactionSigner {
  readonly publicKey: PublicKey;
  /** Adds this signer's signature (the fee payer's) and returns the transaction. */
  signTransaction(tx: VersionedTransaction): Promise<VersionedTransaction>;
}

export function keypairSigner(keypair: Keypair): TransactionSigner {
  return {
    publicKey: keypair.publicKey,
    async signTransaction(tx) {
      tx.sign([keypair]);
      return tx;
    },
  };
}

/** A `Keypair` becomes a signer; a signer stays one. */
export function toSigner(wallet: Keypair | TransactionSigner): TransactionSigner {
  return wallet instanceof Keypair ? keypairSigner(wallet) : wallet;
}
