// The `agentpad` CLI, run in-process against the harness's backend (LiteSVM here, the
// validator under `anchor test`): human and --json output, and refusals with exit codes
// (1: refused by a pre-flight check or the chain, 2: bad usage) before anything is sent.
import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import { createServer } from "node:net";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { Keypair, PublicKey } from "@solana/web3.js";

import { AgentpadClient, agentCommercePda, agentTokenAccount, clusterOf, feeAggregatorPda, fetchPreset, readPresetJson } from "../app/src/index.js";
import { loadKeypair } from "../app/src/node.js";
import { runCli } from "../app/src/cli/program.js";
import { type Harness, type TestWallet, harness } from "./harness/index.js";

interface Run { code: number; out: string; err: string }

/** A local port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as { port: number }).port;
  await new Promise((r) => server.close(r));
  return port;
}

describe("agentpad CLI", function () {
  let h: Harness;
  let keyfile: string;
  let wallet: TestWallet;
  let mint: PublicKey;
  const dir = mkdtempSync(`${tmpdir()}/agentpad-cli-`);

  async function cli(...args: string[]): Promise<Run> {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(["node", "agentpad", "--keypair", keyfile, ...args], {
      out: (l) => out.push(l),
      err: (l) => err.push(l),
      // A URL no deployment record exists for (the harness backend is not an RPC node).
      connect: (g) => ({ client: new AgentpadClient(h.backend, loadKeypair(g.keypair!)), url: "http://harness.invalid", cluster: "harness.invalid" }),
    });
    return { code, out: out.join("\n"), err: err.join("\n") };
  }

  before(async () => {
    h = await harness();
    wallet = await h.wallet(200);
    keyfile = `${dir}/wallet.json`;
    writeFileSync(keyfile, JSON.stringify(Array.from(wallet.keypair.secretKey)));
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
    assert.equal(json.market.pool.phase, "curve");
    assert.equal(json.origin, null, "launched on Solana");
    assert.match(status.out, /^origin {5}launched on Solana$/m);
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

  it("names an agent's operator and runs a job from request to approval", async () => {
    const operator = await h.wallet(10);
    const opKey = `${dir}/operator.json`;
    writeFileSync(opKey, JSON.stringify(Array.from(operator.keypair.secretKey)));
    const m = mint.toBase58();
    const set = await cli("agent", "operator", "set", m, operator.address.toBase58());
    assert.equal(set.code, 0, set.err);
    assert.match(set.out, new RegExp(`^operator of agent ${m} set to ${operator.address.toBase58()} \\(was none\\)$`, "m"));
    assert.match((await cli("agent", "operator", "show", m)).out, new RegExp(`^agent ${m}: operator ${operator.address.toBase58()}$`));

    const created = await cli("--json", "job", "create", m, "1.5", "--id", "1", "--terms-uri", "ipfs://terms", "--expires-in", "3600");
    assert.equal(created.code, 0, created.err);
    const c = JSON.parse(created.out);
    const job: string = c.job;
    assert.equal(job, agentCommercePda.job(wallet.address, 1n).toBase58(), "the job's address follows from the client and its id");
    assert.ok(c.events.some((e: { name: string }) => e.name === "jobCreated"));
    const steps: [string[], RegExp][] = [
      [["--keypair", opKey, "job", "accept", job], new RegExp(`^job ${job} accepted for agent ${m}$`, "m")],
      [["job", "fund", job], /^job \w+ funded: 1\.5 in escrow \w+$/m],
      [["--keypair", opKey, "job", "submit", job, "--uri", "ipfs://deliverable", "--hash", "ab".repeat(32)], /^job \w+ submitted: ipfs:\/\/deliverable$/m],
    ];
    for (const [args, pattern] of steps) {
      const r = await cli(...args);
      assert.equal(r.code, 0, `${args.join(" ")}: ${r.err}`);
      assert.match(r.out, pattern);
      assert.match(r.out, /^confirmed \w+ {2}\(\d+ CU, \d+ bytes\)$/m);
    }
    const status = await cli("job", "status", job);
    assert.equal(status.code, 0, status.err);
    assert.match(status.out, new RegExp(`^job {9}${job} \\(submitted\\)$`, "m"));
    assert.match(status.out, new RegExp(`^provider {4}agent ${m}, operator ${operator.address.toBase58()}$`, "m"));
    assert.match(status.out, /^escrow {6}\w+: owes 1\.5, holds 1\.5$/m);
    assert.match(status.out, /^expires {5}unix \d+ \(in \d+ s\)$/m);
    assert.match(status.out, /^parent {6}none$/m);
    assert.match(status.out, new RegExp(`^deliverable ipfs://deliverable  hash ${"ab".repeat(32)}$`, "m"));
    const approved = await cli("job", "approve", job);
    assert.equal(approved.code, 0, approved.err);
    assert.match(approved.out, new RegExp(`^job ${job} approved: 1\\.5 to agent ${m}'s vault \\(commerce revenue\\), 0 to the evaluator$`, "m"));
    const json = JSON.parse((await cli("--json", "job", "status", job)).out);
    assert.deepEqual([json.job.phase, json.job.escrowed, json.escrowBalance, json.job.termsUri], ["completed", "0", "0", "ipfs://terms"]);
    assert.match((await cli("status", m)).out, /\| commerce \(jobs\) 1\.5 SOL$/m);
  });

  it("refuses bad job input with one line each, sending nothing", async () => {
    const m = mint.toBase58();
    const job = agentCommercePda.job(wallet.address, 1n).toBase58();
    const before = await wallet.backend.getBalance(wallet.address);
    const cases: [string[], number, RegExp][] = [
      [["job", "create", m, "1"], 2, /required option '--id <n>' not specified/],
      [["job", "create", m, "1", "--id", "-1"], 2, /--id "-1" must be a whole number from 0 to 18446744073709551615/],
      [["job", "create", m, "x", "--id", "2"], 2, /budget "x": not an amount/],
      [["job", "create", m, "1", "--id", "2", "--expires-in", "60", "--expires-at", "99"], 2, /give --expires-in or --expires-at, not both/],
      [["job", "create", m, "1", "--id", "2", "--terms-hash", "abc"], 2, /--terms-hash "abc" must be 32 bytes of hex/],
      [["job", "create", m, "1", "--id", "2", "--evaluator-fee-bps", "6000"], 1, /EvaluatorFeeTooHigh: the evaluator's fee is at most 5000 bps/],
      [["job", "create", m, "1", "--id", "2", "--evaluator", m], 1, /EvaluatorIsProvider/],
      [["job", "create", m, "1", "--id", "2", "--expires-at", "0"], 1, /ExpiryNotInFuture/],
      [["job", "create", m, "1", "--id", "1"], 1, /JobAlreadyExists/],
      [["job", "create", Keypair.generate().publicKey.toBase58(), "1", "--id", "2"], 1, /UnknownAgent/],
      [["job", "accept", "nope"], 2, /job "nope" is not a base58 public key/],
      [["job", "accept", Keypair.generate().publicKey.toBase58()], 1, /UnknownJob/],
      [["job", "accept", job], 1, /WrongOperator/],
      [["job", "fund", job], 1, /JobClosed: the job is completed/],
      [["job", "refund", job], 1, /JobClosed/],
      [["job", "submit", job, "--uri", "u", "--hash", "zz"], 2, /--hash "zz" must be 32 bytes of hex/],
      [["agent", "operator", "set", m, PublicKey.default.toBase58()], 1, /InvalidOperator/],
    ];
    for (const [args, code, pattern] of cases) {
      const r = await cli(...args);
      assert.equal(r.code, code, `${args.join(" ")}: ${r.out} ${r.err}`);
      assert.match(r.err, pattern, args.join(" "));
      assert.equal(r.err.split("\n").length, 1, `one line: ${r.err}`);
    }
    const json = await cli("--json", "job", "status", Keypair.generate().publicKey.toBase58());
    assert.deepEqual(JSON.parse(json.out).error, "UnknownJob");
    assert.equal(await wallet.backend.getBalance(wallet.address), before, "nothing was sent");
  });

  it("turns every bad input a new user tried into one line and an exit code, sending nothing", async () => {
    const table = ["--lookup-table", h.deployment.lookupTable.toBase58()];
    const launch = (...extra: string[]) => cli(...table, "launch", "--name", "N", "--symbol", "S", "--uri", "https://u", ...extra);
    const before = await wallet.backend.getBalance(wallet.address);
    // One at a time: the CLI prints through module-level sinks.
    const cases: [() => Promise<Run>, number, RegExp][] = [
      [() => launch("--cooldown", "-5"), 2, /--cooldown "-5" must be a whole number/],
      [() => launch("--cooldown", "abc"), 2, /--cooldown "abc" must be a whole number/],
      [() => launch("--cooldown", "2600000"), 1, /CooldownOutOfBounds/], // over 30 days, under any preset
      [() => launch("--preset", "-1"), 2, /--preset "-1" must be a whole number from 0 to 65535/],
      [() => launch("--preset", "70000"), 2, /--preset "70000" must be a whole number from 0 to 65535/],
      [() => launch("--preset", "abc"), 2, /--preset "abc" must be a whole number/],
      [() => launch("--preset", "7"), 1, /UnknownPreset/],
      [() => cli(...table, "launch", "--name", "n".repeat(33), "--symbol", "S", "--uri", "https://u"), 1, /NameTooLong: the name is 33 bytes; at most 32/],
      [() => cli(...table, "launch", "--name", "N", "--symbol", "SYMBOLS4567", "--uri", "https://u"), 1, /SymbolTooLong/],
      [() => cli(...table, "launch", "--name", "N", "--symbol", "S", "--uri", "https://" + "u".repeat(193)), 1, /UriTooLong/],
      [() => cli("register", Keypair.generate().publicKey.toBase58(), "--reward-mint", mint.toBase58()), 1, /NoLink: no link from another chain names mint/],
      [() => cli("register", mint.toBase58()), 2, /required option '--reward-mint <mint>'/],
      [() => cli("open-pool", mint.toBase58(), "1", "1"), 1, /NotBridgedAgent: .* was launched on Solana/],
      [() => cli("open-pool", mint.toBase58(), "x", "1"), 2, /tokens "x": not an amount/],
    ];
    for (const [run, code, pattern] of cases) {
      const r = await run();
      assert.equal(r.code, code, `${r.out} ${r.err}`);
      assert.match(r.err, pattern);
      assert.equal(r.err.split("\n").length, 1, `one line: ${r.err}`);
    }
    assert.equal(await wallet.backend.getBalance(wallet.address), before, "nothing was sent");

    // Through the real RPC connection: no node, bad keypair files, bad URLs.
    const real = async (...args: string[]): Promise<Run> => {
      const out: string[] = [];
      const err: string[] = [];
      const code = await runCli(["node", "agentpad", ...args], { out: (l) => out.push(l), err: (l) => err.push(l) });
      return { code, out: out.join("\n"), err: err.join("\n") };
    };
    writeFileSync(`${dir}/broken.json`, "[1, 2, 3");
    writeFileSync(`${dir}/short.json`, "[1, 2, 3]");
    const closed = `http://127.0.0.1:${await closedPort()}`;
    const realCases: [string[], number, RegExp][] = [
      [["--url", closed, "--keypair", keyfile, "status", mint.toBase58()], 1, new RegExp(`no Solana node answers at ${closed.replace(/[.]/g, "\\.")} \\(ECONNREFUSED\\)`)],
      [["--url", closed, "--keypair", keyfile, "config"], 1, /no Solana node answers/],
      [["--url", closed, "--keypair", `${dir}/broken.json`, "config"], 2, /broken\.json: is not JSON/],
      [["--url", closed, "--keypair", `${dir}/short.json`, "config"], 2, /short\.json: is not a keypair/],
      [["--url", closed, "--keypair", dir, "config"], 2, /is a directory, not a keypair file/],
      [["--url", closed, "--keypair", `${dir}/missing.json`, "config"], 2, /missing\.json: not found/],
      [["--url", "htp://nope", "--keypair", keyfile, "config"], 2, /--url must be localnet, devnet, testnet, mainnet-beta or an http\(s\) URL, got "htp:\/\/nope"/],
    ];
    for (const [args, code, pattern] of realCases) {
      const r = await real(...args);
      assert.equal(r.code, code, `${args.join(" ")}: ${r.out} ${r.err}`);
      assert.match(r.err, pattern, args.join(" "));
      assert.equal(r.err.split("\n").length, 1, `one line: ${r.err}`);
    }
  });

  it("finds the deployment record of any local URL from any directory", async () => {
    for (const url of ["http://127.0.0.1:8899", "http://localhost:8899", "http://127.0.0.1:18999"]) assert.equal(clusterOf(url), "localnet");
    assert.equal(clusterOf("https://api.devnet.solana.com"), "devnet");
    const records = mkdtempSync(`${tmpdir()}/agentpad-records-`);
    writeFileSync(`${records}/localnet.json`, JSON.stringify({ lookupTable: h.deployment.lookupTable.toBase58() }));
    const cwd = process.cwd();
    process.env.AGENTPAD_DEPLOYMENTS = records;
    process.chdir(tmpdir());
    try {
      const out: string[] = [];
      const err: string[] = [];
      const code = await runCli(["node", "agentpad", "--keypair", keyfile, "launch", "--name", "Elsewhere", "--symbol", "ELSE", "--uri", "https://e"], {
        out: (l) => out.push(l), err: (l) => err.push(l),
        connect: (g) => ({ client: new AgentpadClient(h.backend, loadKeypair(g.keypair!)), url: "http://localhost:8899", cluster: "localnet" }),
      });
      assert.equal(code, 0, err.join("\n"));
      assert.match(out.join("\n"), /^launched ELSE: mint /m);
    } finally {
      process.chdir(cwd);
      delete process.env.AGENTPAD_DEPLOYMENTS;
    }
  });

  it("runs the deploy migration's bad input into one line and an exit code", async () => {
    const closed = `http://127.0.0.1:${await closedPort()}`;
    const deploy = (...args: string[]) => spawnSync(process.execPath, ["--import", "tsx", "migrations/deploy.ts", ...args], { encoding: "utf8" });
    const cases: [string[], number, RegExp][] = [
      [["--keypair", `${dir}/missing.json`], 2, /missing\.json: not found/],
      [["--url", "htp://nope", "--keypair", keyfile], 2, /--url must be/],
      [["--url", closed, "--keypair", keyfile], 1, /no Solana node answers at http:\/\/127\.0\.0\.1:\d+ \(ECONNREFUSED\)/],
      [["--url", closed, "--keypair", keyfile, "--quote-mint", "nope"], 2, /--quote-mint "nope" is not a base58 public key/],
      [["--url", closed, "--keypair", keyfile, "--base-peer", "0xba5e"], 2, /--base-peer must be the router's 20-byte address/],
      [["--url", closed, "--keypair", keyfile, "--base-peer", "0x" + "ba".repeat(20), "--max-report", "-5"], 2, /--max-report must be a whole number/],
      [["--url", closed, "--keypair", keyfile, "--oft", "So11111111111111111111111111111111111111112"], 2, /--oft must be <bridged mint>=<OFT store>/],
      [["--url", closed, "--keypair", keyfile, "--oft", "So11111111111111111111111111111111111111112=x0"], 2, /the OFT store "x0" is not a base58/],
    ];
    for (const [args, code, pattern] of cases) {
      const r = deploy(...args);
      assert.equal(r.status, code, `${args.join(" ")}: ${r.stdout} ${r.stderr}`);
      assert.match(r.stderr, pattern);
      assert.equal(r.stderr.trim().split("\n").length, 1, `one line: ${r.stderr}`);
    }
  });

  it("designs a segmented preset, charts it, creates it as the admin, and launches and trades on it", async () => {
    const [chart, file] = [`${dir}/curve.svg`, `${dir}/preset.json`];
    const design = ["preset", "design", "--start-price", "0.000000028", "--graduation-mcap", "420", "--segments", "4"];
    const d = await cli(...design, "--chart", chart, "--out", file);
    assert.equal(d.code, 0, d.err);
    assert.equal(d.out.split("\n").filter((l) => /^ +\d+ +\d/.test(l)).length, 4, d.out);
    assert.match(d.out, /^graduated pool opens at .* total supply 1000000000$/m);
    const svg = readFileSync(chart, "utf8");
    assert.match(svg, /^<svg [\s\S]*graduation: [\s\S]*<\/svg>\n$/);
    assert.equal((svg.match(/<polyline /g) ?? []).length, 4, "one price path per segment");
    const preset = readPresetJson(readFileSync(file, "utf8"));
    assert.equal(preset.segments.length, 3);
    // Only the admin creates presets; then an agent launches on it and a buy crosses a boundary.
    const id = 1_000 + Math.floor(Math.random() * 60_000);
    const notAdmin = await cli("preset", "create", String(id), "--file", file, "--quote-mint", h.deployment.quoteMint.toBase58());
    assert.equal(notAdmin.code, 1);
    assert.match(notAdmin.err, /bondingCurve: NotAdmin/);
    const adminKey = `${dir}/admin.json`;
    writeFileSync(adminKey, JSON.stringify(Array.from(h.admin.keypair.secretKey)));
    const created = await cli("--keypair", adminKey, "preset", "create", String(id), "--file", file, "--quote-mint", h.deployment.quoteMint.toBase58());
    assert.equal(created.code, 0, created.err);
    assert.match(created.out, new RegExp(`^preset ${id} created: 4 segments`, "m"));
    const stored = await fetchPreset(h.backend, id);
    assert.deepEqual(stored!.segments.map((g) => g.baseStart), preset.segments.map((g) => g.baseStart));
    const again = await cli("--keypair", adminKey, "preset", "create", String(id), "--file", file, "--quote-mint", h.deployment.quoteMint.toBase58());
    assert.equal(again.code, 2);
    assert.match(again.err, /already exists/);
    const launched = await cli("--json", "--lookup-table", h.deployment.lookupTable.toBase58(), "launch", "--preset", String(id), "--name", "Shaped",
      "--symbol", "SHAPE", "--uri", "https://agentpad.example/shape.json");
    assert.equal(launched.code, 0, launched.err);
    const shaped = new PublicKey(JSON.parse(launched.out).mint);
    const pool = await wallet.pool(shaped);
    assert.equal(pool.segments.length, 3);
    const bought = await cli("buy", shaped.toBase58(), "12", "--slippage", "100");
    assert.equal(bought.code, 0, bought.err);
    const after = await wallet.pool(shaped);
    assert.ok(after.params.curveSupply - after.baseReserve > pool.segments[0].baseStart, "the buy crossed into the second segment");
  });

  it("refuses bad curve designs and preset files with one line each", async () => {
    const bad: [string[], RegExp][] = [
      [["--start-price", "0.000000028", "--graduation-mcap", "420", "--segments", "17"], /--segments "17" must be a whole number from 1 to 16/],
      [["--start-price", "abc", "--graduation-mcap", "420"], /--start-price "abc" must be a positive number/],
      [["--start-price", "0.001", "--graduation-mcap", "420"], /must be above the start price/],
      [["--start-price", "0.000000028", "--graduation-mcap", "420", "--shape", "wavy"], /--shape "wavy" must be even, front or back/],
      [["--start-price", "0.000000001", "--graduation-mcap", "420", "--segments", "8", "--shape", "back"], /CurveThinnerThanGraduatedPool/],
    ];
    for (const [args, message] of bad) {
      const r = await cli("preset", "design", ...args);
      assert.equal(r.code, 2, `${args.join(" ")}: ${r.out}`);
      assert.match(r.err, message);
      assert.equal(r.err.split("\n").length, 1, `one line: ${r.err}`);
    }
    const broken = `${dir}/broken.json`;
    writeFileSync(broken, JSON.stringify({ params: { virtualQuoteReserve: "1" }, segments: [] }));
    const r = await cli("preset", "create", "9", "--file", broken, "--quote-mint", h.deployment.quoteMint.toBase58());
    assert.equal(r.code, 2);
    assert.match(r.err, /broken.json: the preset file's params.virtualBaseReserve must be a whole number in a string/);
  });

  it("shows the protocol configuration and bridge peers", async () => {
    const config = await cli("config");
    assert.equal(config.code, 0, config.err);
    assert.match(config.out, new RegExp(`^admin {16}${h.admin.address.toBase58()}$`, "m"));
    const store = feeAggregatorPda.store();
    assert.match(config.out, new RegExp(`^fee store \\(OApp\\) {5}${store.toBase58()} = 0x${store.toBuffer().toString("hex")} `, "m"));
    const peer = await cli("bridge-peer", "40161");
    assert.match(peer.out, /^eid 40161: no peer$/m);
    const notAdmin = await cli("bridge-peer", "40161", "0x" + "ab".repeat(20));
    assert.equal(notAdmin.code, 1);
    assert.match(notAdmin.err, /feeAggregator: NotAdmin/);
  });
});
