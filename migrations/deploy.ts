// Brings a cluster to a launchable state, idempotently (safe to re-run): bonding-curve
// config, preset 0 (standard economics) for the quote mint, the fee aggregator's store
// registered with the LayerZero endpoint, optionally the router on Base as its peer and the
// OFT of a bridged mint, and the launch lookup table. Writes
// migrations/deployments/<cluster>.json, which the CLI reads.
//
//   npx tsx migrations/deploy.ts [--url localnet|devnet|<url>] [--keypair <path>]
//       [--quote-mint <mint>] [--endpoint <program>] [--fee-recipient <pubkey>]
//       [--base-peer 0x<AgentRevenueRouter>] [--base-eid <eid>] [--max-report <sd>] [--max-reported-total <sd>]
//       [--oft <bridged mint>=<OFT store>]
//
// --base-eid defaults to Base Sepolia (40245) on devnet and Base (30184) elsewhere; report
// limits are in LayerZero shared decimals (6). On localnet the preset's fee decay, cooldowns
// and reward drip, and the delay of a creator's new split, are seconds (app/src/presets.ts
// LOCALNET_*), so tests on a validator can wait for each.
//
// The wallet must be the programs' upgrade authority (the config and store check it).
// Bad input or an unreachable node is one line on stderr: exit 2 for usage, 1 otherwise.
// `anchor migrate` calls the default export with its provider.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { Keypair, PublicKey } from "@solana/web3.js";

import {
  AgentpadClient, AgentpadError, DEFAULT_REPORT_LIMITS, LOCALNET_DEPLOYMENT, LZ_ENDPOINT_MOCK_ID, LZ_ENDPOINT_V2_ID,
  NATIVE_MINT, type PeerSetup, RpcBackend, clusterOf, clusterUrl, deployProtocol,
} from "../app/src/index.js";
import { KeypairFileError, deploymentRecordPath, loadKeypair } from "../app/src/node.js";
class Usage extends Error {}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return undefined;
  const v = process.argv[i + 1];
  if (v === undefined || v.startsWith("--")) throw new Usage(`--${name} needs a value`);
  return v;
}

export interface DeployFlags {
  quoteMint?: PublicKey; endpoint?: PublicKey; feeRecipient?: PublicKey; peers?: PeerSetup[]; ofts?: { mint: PublicKey; oftStore: PublicKey }[];
}

export async function deploy(url: string, wallet: Keypair, o: DeployFlags = {}) {
  const local = clusterOf(url) === "localnet";
  const record = deploymentRecordPath(url);
  const previous = existsSync(record) ? JSON.parse(readFileSync(record, "utf8")) : {};
  const client = new AgentpadClient(new RpcBackend(url), wallet);
  console.log(`agentpad deploy to ${url} as ${wallet.publicKey.toBase58()}`);
  const d = await deployProtocol(client, {
    quoteMint: o.quoteMint ?? NATIVE_MINT,
    // No LayerZero deployment exists on a local validator: the test endpoint stands in.
    endpoint: o.endpoint ?? (local ? LZ_ENDPOINT_MOCK_ID : LZ_ENDPOINT_V2_ID),
    protocolFeeRecipient: o.feeRecipient,
    // A local validator cannot skip time: seconds, so tests can wait for each.
    ...(local ? LOCALNET_DEPLOYMENT : {}),
    peers: o.peers,
    ofts: o.ofts,
    lookupTable: previous.lookupTable ? new PublicKey(previous.lookupTable) : undefined,
    log: (l) => console.log(l),
  });
  mkdirSync(dirname(record), { recursive: true });
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

async function main(): Promise<number> {
  try {
    const raw = arg("url") ?? "localnet";
    const url = clusterUrl(raw);
    if (!url) throw new Usage(`--url must be localnet, devnet, testnet, mainnet-beta or an http(s) URL, got "${raw}"`);
    const wallet = loadKeypair(arg("keypair"));
    const key = (n: string) => {
      const v = arg(n);
      if (v === undefined) return undefined;
      try {
        return new PublicKey(v);
      } catch {
        throw new Usage(`--${n} "${v}" is not a base58 public key`);
      }
    };
    const integer = (n: string, fallback: bigint, max: bigint) => {
      const v = arg(n);
      if (v === undefined) return fallback;
      if (!/^\d+$/.test(v) || BigInt(v) === 0n || BigInt(v) > max) throw new Usage(`--${n} must be a whole number from 1 to ${max}, got "${v}"`);
      return BigInt(v);
    };
    const peers: PeerSetup[] = [];
    const basePeer = arg("base-peer");
    if (basePeer !== undefined) {
      if (!/^0x[0-9a-fA-F]{40}$/.test(basePeer)) throw new Usage(`--base-peer must be the router's 20-byte address as 0x + 40 hex digits, got "${basePeer}"`);
      const eid = Number(integer("base-eid", clusterOf(url) === "devnet" ? 40245n : 30184n, 0xffff_ffffn));
      peers.push({
        eid, address: Buffer.from(basePeer.slice(2), "hex"),
        limits: {
          maxReportSd: integer("max-report", DEFAULT_REPORT_LIMITS.maxReportSd, 2n ** 64n - 1n),
          maxReportedTotalSd: integer("max-reported-total", DEFAULT_REPORT_LIMITS.maxReportedTotalSd, 2n ** 64n - 1n),
        },
      });
    }
    const ofts = [];
    const oft = arg("oft");
    if (oft !== undefined) {
      const [mint, store] = oft.split("=");
      if (!mint || !store) throw new Usage(`--oft must be <bridged mint>=<OFT store>, got "${oft}"`);
      const pk = (v: string, what: string) => {
        try {
          return new PublicKey(v);
        } catch {
          throw new Usage(`--oft: the ${what} "${v}" is not a base58 public key`);
        }
      };
      ofts.push({ mint: pk(mint, "mint"), oftStore: pk(store, "OFT store") });
    }
    await deploy(url, wallet, { quoteMint: key("quote-mint"), endpoint: key("endpoint"), feeRecipient: key("fee-recipient"), peers, ofts });
    return 0;
  } catch (e) {
    if (e instanceof Usage || e instanceof KeypairFileError) {
      console.error(`error: ${e.message}`);
      return 2;
    }
    if (process.env.AGENTPAD_DEBUG) console.error(e);
    console.error(`error: ${e instanceof AgentpadError ? e.message : (e as Error).message ?? String(e)}`);
    return 1;
  }
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split("/").pop()!)) {
  process.exitCode = await main();
}
