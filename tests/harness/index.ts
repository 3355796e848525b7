// One harness, two backends. Under `anchor test` (ANCHOR_PROVIDER_URL and ANCHOR_WALLET
// set, programs deployed by Anchor with the wallet as upgrade authority) the tests talk to
// that validator. Otherwise they run in-process on LiteSVM with the sBPF .so files from
// target/sbf (AGENTPAD_SO_DIR), installed as upgradeable programs.
import { existsSync } from "node:fs";
import { Keypair, LAMPORTS_PER_SOL, PublicKey } from "@solana/web3.js";

import { AgentpadClient, LZ_ENDPOINT_MOCK_ID, PROGRAM_IDS, RpcBackend, deployProtocol, loadKeypair, type Backend, type Deployment } from "../../app/src/index.js";
import { LiteSvmBackend } from "../../app/src/backend/litesvm.js";

const ROOT = new URL("../..", import.meta.url).pathname;

export interface Harness {
  backend: Backend;
  admin: AgentpadClient;
  deployment: Deployment;
  /** Present on LiteSVM: moves cluster time (fee decay, reward drip, cooldowns). */
  warp?: (seconds: bigint) => void;
  /** A fresh funded wallet. */
  wallet(sol?: number): Promise<AgentpadClient>;
}

let shared: Promise<Harness> | undefined;

/** The harness (created once per test run: the protocol is deployed once). */
export function harness(): Promise<Harness> {
  shared ??= create();
  return shared;
}

async function create(): Promise<Harness> {
  let backend: Backend;
  let admin: Keypair;
  let warp: Harness["warp"];
  const url = process.env.ANCHOR_PROVIDER_URL;
  if (url) {
    backend = new RpcBackend(url);
    admin = loadKeypair(process.env.ANCHOR_WALLET);
  } else {
    const soDir = process.env.AGENTPAD_SO_DIR ?? `${ROOT}target/sbf`;
    const svm = new LiteSvmBackend();
    admin = Keypair.generate();
    const programs = { ...PROGRAM_IDS, lzEndpointMock: LZ_ENDPOINT_MOCK_ID };
    const files: Record<keyof typeof programs, string> = {
      agentFactory: "agent_factory", bondingCurve: "bonding_curve", feeAggregator: "fee_aggregator", revenueShare: "revenue_share",
      lzEndpointMock: "lz_endpoint_mock",
    };
    for (const [name, id] of Object.entries(programs) as [keyof typeof programs, PublicKey][]) {
      const so = `${soDir}/${files[name]}.so`;
      if (!existsSync(so)) throw new Error(`${so} not found: build the programs to sBPF first (./scripts/sbf/build.sh)`);
      svm.deployUpgradeable(id, so, admin.publicKey);
    }
    await svm.airdrop(admin.publicKey, 1_000_000n * BigInt(LAMPORTS_PER_SOL));
    backend = svm;
    warp = (s) => svm.warp(s);
  }
  const adminClient = new AgentpadClient(backend, admin);
  const deployment = await deployProtocol(adminClient);
  return {
    backend, admin: adminClient, deployment, warp,
    async wallet(sol = 1_000) {
      const kp = Keypair.generate();
      await backend.airdrop(kp.publicKey, BigInt(sol) * BigInt(LAMPORTS_PER_SOL));
      return new AgentpadClient(backend, kp);
    },
  };
}
