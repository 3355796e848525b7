// The `agentpad` CLI, run in-process against the harness's backend (LiteSVM here, the
// validator under `anchor test`): human and --json output, and refusals with exit codes
// (1: refused by a pre-flight check or the chain, 2: bad usage) before anything is sent.
import { strict as assert } from "node:assert";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { Keypair, PublicKey } from "@solana/web3.js";

import { AgentpadClient, agentTokenAccount, loadKeypair } from "../app/src/index.js";
import { runCli } from "../app/src/cli/program.js";
import { type Harness, harness } from "./harness/index.js";

interface Run { code: number; out: string; err: string }

describe("agentpad CLI", function () {
  let h: Harness;
  let keyfile: string;
  let wallet: AgentpadClient;
  let mint: PublicKey;
  const dir = mkdtempSync(`${tmpdir()}/agentpad-cli-`);

  async function cli(...args: string[]): Promise<Run> {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(["node", "agentpad", "--keypair", keyfile, ...args], {
      out: (l) => out.push(l),
      err: (l) => err.push(l),
      connect: (g) => ({ client: new AgentpadClient(h.backend, loadKeypair(g.keypair!)), url: h.backend.endpoint, cluster: "test" }),
    });
    return { code, out: out.join("\n"), err: err.join("\n") };
  }

  before(async () => {
    h = await harness();
    wallet = await h.wallet(200);
    keyfile = `${dir}/wallet.json`;
    writeFileSync(keyfile, JSON.stringify(Array.from(wallet.wallet.secretKey)));
  });

  it("launches with --json and reports the mint", async () => {
    const r = await cli("--json", "--lookup-table", h.deployment.lookupTable.toBase58(), "launch", "--name", "CLI Agent", "--symbol", "CLI",
      "--uri", "https://agentpad.example/cli.json", "--first-buy", "0.5");
    assert.equal(r.code, 0, r.err);
    const j = JSON.parse(r.out);
    mint = new PublicKey(j.mint);
    assert.ok(j.events.some((e: { name: string }) => e.name === "agentLaunched"));
    assert.ok(Number(j.computeUnits) > 0);
  });

  it("buys and sells with human amounts and shows confirmations", async () => {
    const buy = await cli("buy", mint.toBase58(), "1.25");
    assert.equal(buy.code, 0, buy.err);
    assert.match(buy.out, /^bought [\d.]+ tokens for 1\.25 \(fee [\d.]+ at [\d.]+%\)/m);
    assert.match(buy.out, /^confirmed \w+ {2}\(\d+ CU, \d+ bytes\)$/m);
    const exact = await cli("buy", mint.toBase58(), "1000", "--exact-out", "--slippage", "50");
    assert.equal(exact.code, 0, exact.err);
    assert.match(exact.out, /^bought 1000 tokens for /m);
    const held = await wallet.balance(agentTokenAccount(wallet.address, mint));
    const sell = await cli("--json", "sell", mint.toBase58(), "1000");
    assert.equal(sell.code, 0, sell.err);
    assert.equal(BigInt(JSON.parse(sell.out).quote.baseAmount), 1_000_000_000n);
    assert.equal(await wallet.balance(agentTokenAccount(wallet.address, mint)), held - 1_000_000_000n);
  });

  it("stakes, shows status with a progress bar and the revenue ledger, unstakes", async () => {
    assert.equal((await cli("stake", mint.toBase58(), "5000")).code, 0);
    const status = await cli("status", mint.toBase58());
    assert.equal(status.code, 0, status.err);
    assert.match(status.out, /^graduation \[#*-+\] \d+\.\d\d%/m);
    assert.match(status.out, /by source {3}trading \(swept\) [\d.]+ SOL \| direct [\d.]+ SOL \| bridged [\d.]+ SOL/);
    assert.match(status.out, new RegExp(`${wallet.address.toBase58()} {2}staked 5000, unstaking 0, claimable`));
    const json = JSON.parse((await cli("--json", "status", mint.toBase58())).out);
    assert.equal(json.pool.phase, "curve");
    const unstake = await cli("unstake", mint.toBase58(), "2000");
    assert.equal(unstake.code, 0, unstake.err);
    assert.match(unstake.out, /^unstaking 2000 tokens, withdrawable at unix \d+/m);
  });

  it("refuses bad input with clear errors before sending", async () => {
    const cases: [string[], number, RegExp][] = [
      [["buy", Keypair.generate().publicKey.toBase58(), "1"], 1, /UnknownAgent/],
      [["sell", mint.toBase58(), "100000000000"], 1, /InsufficientBalance/],
      [["buy", mint.toBase58(), "1", "--slippage", "-5"], 2, /must be whole bps/],
      [["unstake", mint.toBase58(), "--withdraw"], 1, /CooldownNotElapsed/],
      [["distribute", Keypair.generate().publicKey.toBase58()], 1, /UnknownAgent/],
      [["buy", mint.toBase58(), "abc"], 2, /not an amount/],
      [["buy", mint.toBase58(), "0.0000000001"], 2, /more than 9 decimals/],
      [["buy", "not-a-key", "1"], 2, /not a base58 public key/],
      [["bridge-peer", "30184", "0x1234"], 2, /20 or 32 bytes/],
      [["launch", "--name", "x", "--symbol", "x", "--uri", "x"], 2, /lookup table/],
    ];
    for (const [args, code, pattern] of cases) {
      const r = await cli(...args);
      assert.equal(r.code, code, `${args.join(" ")}: ${r.out} ${r.err}`);
      assert.match(r.err, pattern, args.join(" "));
    }
    const json = await cli("--json", "buy", Keypair.generate().publicKey.toBase58(), "1");
    assert.deepEqual(Object.keys(JSON.parse(json.out)), ["error", "program", "message"]);
  });

  it("shows the protocol configuration and bridge peers", async () => {
    const config = await cli("config");
    assert.equal(config.code, 0, config.err);
    assert.match(config.out, new RegExp(`^admin {16}${h.admin.address.toBase58()}$`, "m"));
    const peer = await cli("bridge-peer", "40161");
    assert.match(peer.out, /^eid 40161: no peer$/m);
    const notAdmin = await cli("bridge-peer", "40161", "0x" + "ab".repeat(20));
    assert.equal(notAdmin.code, 1);
    assert.match(notAdmin.err, /feeAggregator: NotAdmin/);
  });
});
