// Hands the protocol's keys to `--to` (e.g. a Squads multisig vault): proposes it as admin of
// bonding-curve and fee-aggregator (it takes the role by sending `accept_admin` itself, e.g.
// through a multisig transaction) and moves every program's upgrade authority to it.
//
//   npx tsx migrations/handover.ts --to <address> [--url <cluster>] [--keypair <path>]
//       [--programs-only | --admin-only]
//
// After it, the old key is refused everywhere: admin instructions fail with NotAdmin, an
// upgrade or a second handover with the loader's IncorrectAuthority. Idempotent: steps
// already done are reported and skipped.
import { PublicKey } from "@solana/web3.js";

import {
  AgentpadClient, AgentpadError, PROGRAM_IDS, RpcBackend, clusterUrl, fetchConfig, fetchStore, programData,
  setUpgradeAuthority, upgradeAuthorityOf,
} from "../app/src/index.js";
import { KeypairFileError, loadKeypair } from "../app/src/node.js";

class Usage extends Error {}

/** Proposes `to` as admin of both programs and gives it every upgrade authority. */
export async function handover(admin: AgentpadClient, to: PublicKey, o: { admin?: boolean; programs?: boolean; log?: (l: string) => void } = {}) {
  const log = o.log ?? (() => {});
  const b = admin.backend;
  if (o.admin ?? true) {
    const [config, store] = await Promise.all([fetchConfig(b), fetchStore(b)]);
    if (config?.pendingAdmin.equals(to) && store?.pendingAdmin.equals(to)) log(`  admin: ${to.toBase58()} already proposed`);
    else if (config?.admin.equals(to) && store?.admin.equals(to)) log(`  admin: already ${to.toBase58()}`);
    else {
      await admin.proposeAdmin(to);
      log(`  admin: proposed ${to.toBase58()} for bonding-curve and fee-aggregator (it accepts with accept_admin)`);
    }
  }
  if (o.programs ?? true) {
    for (const [name, id] of Object.entries(PROGRAM_IDS)) {
      const current = upgradeAuthorityOf(await b.getAccountInfo(programData(id)));
      if (current?.equals(to)) {
        log(`  ${name}: upgrade authority already ${to.toBase58()}`);
        continue;
      }
      await admin.send([setUpgradeAuthority(id, admin.address, to)]);
      log(`  ${name}: upgrade authority -> ${to.toBase58()}`);
    }
  }
}

async function main(): Promise<number> {
  const args = process.argv;
  const arg = (name: string) => {
    const i = args.indexOf(`--${name}`);
    if (i < 0) return undefined;
    if (!args[i + 1] || args[i + 1].startsWith("--")) throw new Usage(`--${name} needs a value`);
    return args[i + 1];
  };
  try {
    const raw = arg("url") ?? "localnet";
    const url = clusterUrl(raw);
    if (!url) throw new Usage(`--url must be localnet, devnet, testnet, mainnet-beta or an http(s) URL, got "${raw}"`);
    const toText = arg("to");
    if (!toText) throw new Usage("--to <address> is required: the new admin and upgrade authority (e.g. a Squads vault)");
    let to: PublicKey;
    try {
      to = new PublicKey(toText);
    } catch {
      throw new Usage(`--to "${toText}" is not a base58 public key`);
    }
    const admin = new AgentpadClient(new RpcBackend(url), loadKeypair(arg("keypair")));
    console.log(`agentpad handover on ${url} from ${admin.address.toBase58()} to ${to.toBase58()}`);
    await handover(admin, to, { admin: !args.includes("--programs-only"), programs: !args.includes("--admin-only"), log: (l) => console.log(l) });
    return 0;
  } catch (e) {
    if (e instanceof Usage || e instanceof KeypairFileError) {
      console.error(`error: ${e.message}`);
      return 2;
    }
    console.error(`error: ${e instanceof AgentpadError ? e.message : (e as Error).message ?? String(e)}`);
    return 1;
  }
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split("/").pop()!)) {
  process.exitCode = await main();
}
