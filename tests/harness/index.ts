// One harness, two backends. Under `anchor test` (ANCHOR_PROVIDER_URL and ANCHOR_WALLET
// set, programs deployed by Anchor with the wallet as upgrade authority) the tests talk to
// that validator. Otherwise they run in-process on LiteSVM with the sBPF .so files from
// target/sbf (AGENTPAD_SO_DIR), installed as upgradeable programs.
import { strict as assert } from "node:assert";
import { existsSync } from "node:fs";
import { ACCOUNT_SIZE, MINT_SIZE, createInitializeAccount3Instruction, createInitializeMint2Instruction } from "@solana/spl-token";
import { Keypair, LAMPORTS_PER_SOL, PublicKey, SystemProgram } from "@solana/web3.js";

import {
  AgentpadClient, AgentpadError, LOCALNET_DEPLOYMENT, LZ_ENDPOINT_MOCK_ID, OFT_MOCK_ID, PROGRAM_IDS, RpcBackend, TOKEN_PROGRAM_ID, decodeOftMessage, deployProtocol, encodeOftCompose,
  encodeOftMessage, feeAggregatorPda, instructions, type AgentpadEvent, type Backend, type Deployment, type Sent,
} from "../../app/src/index.js";
import { loadKeypair } from "../../app/src/node.js";
import { LiteSvmBackend, lzEndpointMock } from "../../app/src/testing.js";

const ROOT = new URL("../..", import.meta.url).pathname;

/** A bridged token on Solana: a mint and the test OFT that delivers it (configured in fee-aggregator). */
export interface BridgedToken { mint: PublicKey; escrow: PublicKey; store: PublicKey; ld2sdRate: bigint }

/** What an OFT packet from another chain carries, for an OFT send to the store with a compose. */
export interface OftDelivery { srcEid: number; nonce: bigint; amountSd: bigint; composeFrom: Uint8Array; composeMsg: Uint8Array }

export interface Harness {
  backend: Backend;
  admin: TestWallet;
  deployment: Deployment;
  /** A new bridged token (9 decimals, SPL Token) with its OFT, configured by the admin. */
  bridgedToken(): Promise<BridgedToken>;
  /**
   * An OFT packet to the store from the remote OFT (verified at the test endpoint and run by
   * the test OFT): tokens credited to the store, the compose queued. Returns the compose.
   */
  oftDeliver(token: BridgedToken, d: OftDelivery): Promise<instructions.feeAggregator.LzComposeParams>;
  /**
   * An OFT packet as it left the other chain (e.g. from LayerZero's endpoint on anvil),
   * verified at the test endpoint and run by the test OFT. Returns the compose it queued.
   */
  oftDeliverPacket(token: BridgedToken, p: lzEndpointMock.OftPacket): Promise<instructions.feeAggregator.LzComposeParams>;
  /**
   * Lets `seconds` of cluster time pass (fee decay, reward drip, cooldowns): LiteSVM moves
   * its clock; a validator is waited on until its clock has moved (its deployment uses the
   * localnet preset, whose times are seconds).
   */
  elapse(seconds: bigint): Promise<void>;
  /** A fresh funded wallet. */
  wallet(sol?: number): Promise<TestWallet>;
}

/** A client for a wallet whose key the test holds (to write a keyfile for the CLI, to co-sign). */
export type TestWallet = AgentpadClient & { keypair: Keypair };

const testWallet = (backend: Backend, keypair: Keypair): TestWallet => Object.assign(new AgentpadClient(backend, keypair), { keypair });

/** The data of the one `name` event the transaction emitted. */
export function event(sent: Sent, name: string): AgentpadEvent["data"] {
  const found = sent.events.filter((e) => e.name === name);
  assert.equal(found.length, 1, `expected one ${name} event, got ${sent.events.map((e) => e.name).join(", ")}`);
  return found[0].data;
}

/** `p` is refused with the named error (raised by `program`, when given). */
export async function expectError(p: Promise<unknown>, code: string, program?: string): Promise<AgentpadError> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof AgentpadError, `expected AgentpadError ${code}, got ${e}`);
    assert.equal(e.code, code, e.message);
    if (program) assert.equal(e.program, program, e.message);
    return e;
  }
  assert.fail(`expected ${code}, but it succeeded`);
}

/** Raw bytes of accounts, to show a refused transaction changed nothing. */
export async function snapshot(h: Harness, keys: PublicKey[]) {
  return (await h.backend.getMultipleAccountsInfo(keys)).map((a) => (a ? [a.lamports, a.data.toString("hex")] : null));
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
  let elapse: Harness["elapse"];
  const url = process.env.ANCHOR_PROVIDER_URL;
  if (url) {
    backend = new RpcBackend(url);
    admin = loadKeypair(process.env.ANCHOR_WALLET);
    elapse = async (seconds) => {
      const until = (await backend.unixTimestamp()) + seconds;
      while ((await backend.unixTimestamp()) < until) await new Promise((r) => setTimeout(r, 400));
    };
  } else {
    const soDir = process.env.AGENTPAD_SO_DIR ?? `${ROOT}target/sbf`;
    const svm = new LiteSvmBackend();
    admin = Keypair.generate();
    const programs = { ...PROGRAM_IDS, lzEndpointMock: LZ_ENDPOINT_MOCK_ID, oftMock: OFT_MOCK_ID };
    const files: Record<keyof typeof programs, string> = {
      agentFactory: "agent_factory", bondingCurve: "bonding_curve", feeAggregator: "fee_aggregator", revenueShare: "revenue_share",
      agentCommerce: "agent_commerce", lzEndpointMock: "lz_endpoint_mock", oftMock: "oft_mock",
    };
    for (const [name, id] of Object.entries(programs) as [keyof typeof programs, PublicKey][]) {
      const so = `${soDir}/${files[name]}.so`;
      if (!existsSync(so)) throw new Error(`${so} not found: build the programs to sBPF first (./scripts/sbf/build.sh)`);
      svm.deployUpgradeable(id, so, admin.publicKey);
    }
    await svm.airdrop(admin.publicKey, 1_000_000n * BigInt(LAMPORTS_PER_SOL));
    backend = svm;
    elapse = async (s) => svm.warp(s);
  }
  const adminClient = testWallet(backend, admin);
  const oftDeliverPacket: Harness["oftDeliverPacket"] = async (token, p) => {
    const oft = decodeOftMessage(p.message);
    if (!oft.compose) throw new Error("the OFT packet carries no compose");
    const to = new PublicKey(oft.sendTo);
    const compose = encodeOftCompose({
      nonce: p.nonce, srcEid: p.srcEid, amountLd: oft.amountSd * token.ld2sdRate, composeFrom: oft.compose.from, composeMsg: oft.compose.message,
    });
    const a = adminClient.address;
    await adminClient.send([lzEndpointMock.endpointVerify(a, p.srcEid, p.sender, p.nonce, p.guid, p.message, token.store)]);
    await adminClient.send([lzEndpointMock.oftLzReceive(a, token.escrow, token.mint, TOKEN_PROGRAM_ID, to, p, compose)]);
    return { from: token.store, to, guid: p.guid, index: 0, message: compose, extraData: new Uint8Array([0, 0]) };
  };
  // A validator cannot skip time: it gets the localnet deployment (times in seconds), as
  // migrations/deploy.ts makes one.
  const deployment = await deployProtocol(adminClient, url ? LOCALNET_DEPLOYMENT : {});
  return {
    backend, admin: adminClient, deployment, elapse, oftDeliverPacket,
    async bridgedToken() {
      const [mint, escrow] = [Keypair.generate(), Keypair.generate()];
      const store = lzEndpointMock.oftStoreOf(escrow.publicKey);
      const a = adminClient.address;
      const rent = (n: number) => backend.minimumBalanceForRentExemption(n).then(Number);
      await adminClient.send([
        SystemProgram.createAccount({ fromPubkey: a, newAccountPubkey: mint.publicKey, lamports: await rent(MINT_SIZE), space: MINT_SIZE, programId: TOKEN_PROGRAM_ID }),
        createInitializeMint2Instruction(mint.publicKey, 9, store, null, TOKEN_PROGRAM_ID),
        SystemProgram.createAccount({ fromPubkey: a, newAccountPubkey: escrow.publicKey, lamports: await rent(ACCOUNT_SIZE), space: ACCOUNT_SIZE, programId: TOKEN_PROGRAM_ID }),
        createInitializeAccount3Instruction(escrow.publicKey, mint.publicKey, store, TOKEN_PROGRAM_ID),
        lzEndpointMock.oftInit(a, mint.publicKey, escrow.publicKey),
      ], [mint, escrow]);
      await adminClient.setOft(mint.publicKey, store);
      return { mint: mint.publicKey, escrow: escrow.publicKey, store, ld2sdRate: 1_000n };
    },
    async oftDeliver(token, d) {
      const sender = new Uint8Array(32).fill(0x0f); // the OFT on the other chain
      const message = encodeOftMessage({
        sendTo: feeAggregatorPda.store().toBytes(), amountSd: d.amountSd, compose: { from: d.composeFrom, message: d.composeMsg },
      });
      return oftDeliverPacket(token, { srcEid: d.srcEid, sender, nonce: d.nonce, guid: Keypair.generate().publicKey.toBytes(), message });
    },
    async wallet(sol = 1_000) {
      const kp = Keypair.generate();
      await backend.airdrop(kp.publicKey, BigInt(sol) * BigInt(LAMPORTS_PER_SOL));
      return testWallet(backend, kp);
    },
  };
}
