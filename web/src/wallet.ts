/**
 * Wallets through the Wallet Standard: discovery (`getWallets`), `standard:connect`, and an
 * adapter from a wallet account's `solana:signTransaction` (serialized bytes in and out) to
 * the SDK's signer shape (`{ publicKey, signTransaction(VersionedTransaction) }`).
 */
import { type TransactionSigner, clusterOf } from "@agentpad/sdk";
import { PublicKey, VersionedTransaction } from "@solana/web3.js";
import type { SolanaSignTransactionFeature } from "@solana/wallet-standard-features";
import { getWallets } from "@wallet-standard/app";
import type { IdentifierString, Wallet, WalletAccount } from "@wallet-standard/base";

const CONNECT = "standard:connect";
const DISCONNECT = "standard:disconnect";
const EVENTS = "standard:events";
const SIGN = "solana:signTransaction";

interface ConnectFeature {
  [CONNECT]: { connect(input?: { silent?: boolean }): Promise<{ accounts: readonly WalletAccount[] }> };
}
interface DisconnectFeature { [DISCONNECT]: { disconnect(): Promise<void> } }
interface EventsFeature {
  [EVENTS]: { on(event: "change", listener: (p: { accounts?: readonly WalletAccount[] }) => void): () => void };
}

/** The Wallet Standard chain of a cluster URL (none for an unknown host: the wallet then uses its own). */
export function chainOf(rpcUrl: string): IdentifierString | undefined {
  const cluster = clusterOf(rpcUrl);
  return ({ localnet: "solana:localnet", devnet: "solana:devnet", testnet: "solana:testnet", "mainnet-beta": "solana:mainnet" } as const)[
    cluster as "localnet"
  ];
}

/** Wallets that can connect and sign Solana v0 transactions. */
export function usableWallets(): Wallet[] {
  return getWallets().get().filter(canSign);
}

function canSign(w: Wallet): boolean {
  const sign = (w.features as Partial<SolanaSignTransactionFeature>)[SIGN];
  return CONNECT in w.features && !!sign && sign.supportedTransactionVersions.includes(0);
}

/** Calls `listener` whenever a wallet registers or unregisters. */
export function onWalletsChange(listener: () => void): () => void {
  const wallets = getWallets();
  const offs = [wallets.on("register", listener), wallets.on("unregister", listener)];
  return () => offs.forEach((off) => off());
}

/** The adapter: the SDK hands a `VersionedTransaction`, the wallet signs its bytes. */
export function accountSigner(wallet: Wallet, account: WalletAccount, chain?: IdentifierString): TransactionSigner {
  const feature = (wallet.features as SolanaSignTransactionFeature)[SIGN];
  return {
    publicKey: new PublicKey(account.publicKey),
    async signTransaction(tx) {
      const [out] = await feature.signTransaction({ account, transaction: tx.serialize(), ...(chain ? { chain } : {}) });
      if (!out) throw new Error(`${wallet.name} returned no signed transaction`);
      return VersionedTransaction.deserialize(out.signedTransaction);
    },
  };
}

export interface Connected {
  wallet: Wallet;
  account: WalletAccount;
  signer: TransactionSigner;
}

type Listener = (c: Connected | null) => void;
let current: Connected | null = null;
let stopEvents: (() => void) | undefined;
const listeners = new Set<Listener>();
const REMEMBERED = "agentpad.wallet";

function set(next: Connected | null): void {
  current = next;
  listeners.forEach((l) => l(current));
}

export const walletState = {
  get: () => current,
  /** Calls `l` now and on every change; returns the unsubscribe. */
  subscribe(l: Listener): () => void {
    listeners.add(l);
    l(current);
    return () => listeners.delete(l);
  },
};

/** Connects `wallet` (asking the user unless `silent`) and makes its first Solana account the signer. */
export async function connect(wallet: Wallet, chain: IdentifierString | undefined, silent = false): Promise<Connected | null> {
  const { accounts } = await (wallet.features as unknown as ConnectFeature)[CONNECT].connect(silent ? { silent } : undefined);
  const account = accounts.find((a) => a.features.includes(SIGN)) ?? accounts[0];
  if (!account) {
    if (silent) return null;
    throw new Error(`${wallet.name} shared no account`);
  }
  stopEvents?.();
  // The wallet may switch or drop the account: follow it.
  stopEvents = (wallet.features as Partial<EventsFeature>)[EVENTS]?.on("change", ({ accounts: now }) => {
    if (!now || current?.wallet !== wallet) return;
    const next = now.find((a) => a.features.includes(SIGN)) ?? now[0];
    set(next ? { wallet, account: next, signer: accountSigner(wallet, next, chain) } : null);
  });
  localStorage.setItem(REMEMBERED, wallet.name);
  const connected = { wallet, account, signer: accountSigner(wallet, account, chain) };
  set(connected);
  return connected;
}

export async function disconnect(): Promise<void> {
  const was = current;
  stopEvents?.();
  stopEvents = undefined;
  localStorage.removeItem(REMEMBERED);
  set(null);
  await (was?.wallet.features as Partial<DisconnectFeature> | undefined)?.[DISCONNECT]?.disconnect();
}

/** Reconnects, without asking, the wallet used last time if it is here and still allows it. */
export async function reconnect(chain: IdentifierString | undefined): Promise<void> {
  const name = localStorage.getItem(REMEMBERED);
  const wallet = name ? usableWallets().find((w) => w.name === name) : undefined;
  if (wallet && !current) await connect(wallet, chain, true).catch(() => localStorage.removeItem(REMEMBERED));
}
