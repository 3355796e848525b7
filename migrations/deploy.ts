// Brings a cluster to a launchable state, idempotently (safe to re-run): bonding-curve
// config, preset 0 (standard economics) for the quote mint, the fee aggregator's store
// registered with the LayerZero endpoint, the bridge inbox, and the launch lookup table.
// Writes migrations/deployments/<cluster>.json, which the CLI reads.
//
//   npx tsx migrations/deploy.ts [--url localnet|devnet|<url>] [--keypair <path>]
//       [--quote-mint <mint>] [--endpoint <program>] [--fee-recipient <pubkey>]
//
// The wallet must be the programs' upgrade authority (the config and store check it).
// `anchor migrate` calls the default export with its provider.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { Keypair, PublicKey } from "@solana/web3.js";

import { AgentpadClient, CLUSTER_URLS, LZ_ENDPOINT_MOCK_ID, loadKeypair, LZ_ENDPOINT_V2_ID, NATIVE_MINT, RpcBackend, deployProtocol } from "../app/src/index.js";

const CLUSTERS = CLUSTER_URLS;

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

export async function deploy(url: string, wallet: Keypair, o: { quoteMint?: PublicKey; endpoint?: PublicKey; feeRecipient?: PublicKey } = {}) {
  const cluster = Object.entries(CLUSTERS).find(([, u]) => u === url)?.[0] ?? "custom";
  const local = /127\.0\.0\.1|localhost/.test(url);
  const record = `${new URL(".", import.meta.url).pathname}deployments/${local ? "localnet" : cluster}.json`;
  const previous = existsSync(record) ? JSON.parse(readFileSync(record, "utf8")) : {};
  const client = new AgentpadClient(new RpcBackend(url), wallet);
  console.log(`agentpad deploy to ${url} as ${wallet.publicKey.toBase58()}`);
  const d = await deployProtocol(client, {
    quoteMint: o.quoteMint ?? NATIVE_MINT,
    // No LayerZero deployment exists on a local validator: the test endpoint stands in.
    endpoint: o.endpoint ?? (local ? LZ_ENDPOINT_MOCK_ID : LZ_ENDPOINT_V2_ID),
    protocolFeeRecipient: o.feeRecipient,
    lookupTable: previous.lookupTable ? new PublicKey(previous.lookupTable) : undefined,
    log: (l) => console.log(l),
  });
  mkdirSync(new URL("./deployments/", import.meta.url), { recursive: true });
  const out = { url, admin: wallet.publicKey.toBase58(), presetId: d.presetId, quoteMint: d.quoteMint.toBase58(),
    endpoint: d.endpoint.toBase58(), lookupTable: d.lookupTable.toBase58() };
  writeFileSync(record, JSON.stringify(out, null, 2) + "\n");
  console.log(d.performed.length ? `performed: ${d.performed.join(", ")}` : "nothing to do: already deployed");
  console.log(`deployment record: ${record}`);
  return d;
}

/** `anchor migrate` entry point. */
export default async function (provider: { connection: { rpcEndpoint: string }; wallet: { payer: Keypair } }) {
  await deploy(provider.connection.rpcEndpoint, provider.wallet.payer);
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split("/").pop()!)) {
  const raw = arg("url") ?? "localnet";
  const url = CLUSTERS[raw] ?? raw;
  const wallet = loadKeypair(arg("keypair"));
  const key = (n: string) => (arg(n) ? new PublicKey(arg(n)!) : undefined);
  await deploy(url, wallet, { quoteMint: key("quote-mint"), endpoint: key("endpoint"), feeRecipient: key("fee-recipient") });
}
