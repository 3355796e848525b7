/**
 * The cluster behind the indexer: its RPC node (URL from /api/config) through the SDK's
 * backend, a read-only client for quotes and reads, and clients for the connected wallet.
 */
import { AgentpadClient, NATIVE_MINT, RpcBackend, type TransactionSigner, fetchMint } from "@agentpad/sdk";
import { PublicKey } from "@solana/web3.js";
import type { IdentifierString } from "@wallet-standard/base";

import { type ApiConfig, api } from "./api.js";
import { InputError } from "./errors.js";
import { chainOf } from "./wallet.js";

export interface Chain {
  config: ApiConfig;
  backend: RpcBackend;
  /** The Wallet Standard chain id of the cluster, when it is a known one. */
  chainId: IdentifierString | undefined;
  /** Quotes, pools and balances; it cannot sign. */
  reader: AgentpadClient;
}

/** Refuses to sign: reads and quotes need no wallet. */
const NO_WALLET: TransactionSigner = {
  publicKey: PublicKey.default,
  signTransaction: () => Promise.reject(new InputError("connect a wallet first")),
};

let loading: Promise<Chain> | undefined;

/** The chain, loaded once (again after a failure). */
export function chain(): Promise<Chain> {
  loading ??= load().catch((e) => {
    loading = undefined;
    throw e;
  });
  return loading;
}

async function load(): Promise<Chain> {
  const config = await api.config();
  const backend = new RpcBackend(config.rpcUrl, config.commitment);
  return { config, backend, chainId: chainOf(config.rpcUrl), reader: clientFor(backend, NO_WALLET) };
}

export function clientFor(backend: RpcBackend, signer: TransactionSigner): AgentpadClient {
  return new AgentpadClient(backend, signer);
}

const decimals = new Map<string, Promise<number>>();

/** A mint's decimals, read once per mint. */
export function mintDecimals(c: Chain, mint: string): Promise<number> {
  let d = decimals.get(mint);
  if (!d) {
    d = fetchMint(c.backend, new PublicKey(mint)).then((m) => {
      if (!m) throw new InputError(`${mint} is not a mint on this cluster`);
      return m.decimals;
    });
    d.catch(() => decimals.delete(mint));
    decimals.set(mint, d);
  }
  return d;
}

/** How a mint is named on the page: SOL for wrapped SOL, else a short address. */
export function mintLabel(mint: string): string {
  return mint === NATIVE_MINT.toBase58() ? "SOL" : `${mint.slice(0, 4)}…`;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `check` until it returns true; refuses after `timeoutMs` with `what` in words. */
export async function until(check: () => Promise<boolean>, what: string, timeoutMs = 60_000, everyMs = 700): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > end) throw new Error(`${what} did not happen within ${Math.round(timeoutMs / 1000)} s`);
    await sleep(everyMs);
  }
}

/** Waits until the indexer has read the slot `signature` landed in. */
export async function indexed(c: Chain, signature: string): Promise<void> {
  let slot = 0;
  await until(async () => {
    if (!slot) slot = (await c.backend.connection.getSignatureStatus(signature)).value?.slot ?? 0;
    return slot > 0 && (await api.config()).indexedSlot >= slot;
  }, "the indexer catching up with the transaction");
}
