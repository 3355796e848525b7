// The agentpad-indexer command: bad arguments, an unreachable node or database answered with
// one line on stderr and exit 2; serving a (fake) node until SIGTERM; `record` writing what
// the node answers, as the fixtures were written.
import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { type AddressInfo, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { type FakeRpc, serveFakeRpc } from "./support/fakeRpc.js";
import { FIXTURES, recorded } from "./support/fixtures.js";

const MAIN = new URL("../src/main.ts", import.meta.url).pathname;

function run(args: string[]): ChildProcess {
  return spawn(process.execPath, ["--conditions=source", "--import", "tsx", MAIN, ...args], { stdio: ["ignore", "pipe", "pipe"] });
}

async function finish(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = run(args);
  let [stdout, stderr] = ["", ""];
  child.stdout!.on("data", (d) => (stdout += d));
  child.stderr!.on("data", (d) => (stderr += d));
  const code = await new Promise<number | null>((ok) => child.on("exit", ok));
  return { code, stdout, stderr };
}

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address() as AddressInfo;
  await new Promise((ok) => server.close(ok));
  return port;
}

describe("agentpad-indexer command", () => {
  let rpc: FakeRpc;
  const dir = mkdtempSync(join(tmpdir(), "agentpad-indexer-cli-"));

  before(async () => {
    rpc = await serveFakeRpc(recorded());
  });
  after(() => rpc.close());

  it("refuses bad arguments, an unreachable node and an unreachable database: one line, exit 2", async () => {
    const closed = await closedPort();
    const cases: [string[], RegExp][] = [
      [[], /^error: --rpc <url> is required$/],
      [["--rpc", rpc.url, "--verbose", "1"], /^error: unknown argument "--verbose"/],
      [["--rpc"], /^error: --rpc needs a value$/],
      [["--rpc", "localhost"], /^error: --rpc: not a URL: localhost$/],
      [["--rpc", "ftp://x"], /^error: --rpc: expected http: or https: URL/],
      [["--rpc", rpc.url, "--port", "70000"], /^error: --port must be an integer from 0 to 65535, got 70000$/],
      [["--rpc", rpc.url, "--web", join(dir, "missing")], /is not a directory$/],
      [["--rpc", rpc.url, "--ws", "http://x"], /^error: --ws: expected ws: or wss: URL/],
      [["--rpc", `http://127.0.0.1:${closed}`], new RegExp(`^error: getSlot: no Solana node answers at http://127\\.0\\.0\\.1:${closed} \\(ECONNREFUSED\\)$`)],
      [["--rpc", rpc.url, "--db", `postgres://nobody@127.0.0.1:${closed}/none`], new RegExp(`^error: database postgres://nobody@127\\.0\\.0\\.1:${closed}/none: .*ECONNREFUSED`)],
      [["--rpc", rpc.url, "--db", join(dir, "no", "such", "dir.sqlite")], /^error: database .*: /],
      [["record", "--rpc", rpc.url], /^error: --out <dir> is required$/],
      [["record", "--rpc", rpc.url, "--out", dir, "--limit", "0"], /^error: --limit must be an integer from 1/],
    ];
    for (const [args, message] of cases) {
      const { code, stdout, stderr } = await finish(args);
      assert.equal(code, 2, `${args.join(" ")}: ${stderr}`);
      assert.equal(stdout, "");
      assert.equal(stderr.trimEnd().split("\n").length, 1, `${args.join(" ")}: ${stderr}`);
      assert.match(stderr.trimEnd(), message);
    }
  });

  it("backfills, serves the API, prints one line when ready, and stops on SIGTERM", async () => {
    const db = join(dir, "serve.sqlite");
    const child = run(["--rpc", rpc.url, "--db", db, "--port", "0"]);
    let stdout = "";
    const ready = new Promise<string>((ok, fail) => {
      child.stdout!.on("data", (d) => {
        stdout += d;
        const m = /^indexer: (http:\/\/127\.0\.0\.1:\d+) \(rpc (\S+), db (\S+)\)$/m.exec(stdout);
        if (m) ok(m[1]);
      });
      child.on("exit", (code) => fail(new Error(`exited ${code} before ready`)));
    });
    try {
      const base = await ready;
      assert.equal(stdout, `indexer: ${base} (rpc ${rpc.url}, db sqlite:${db})\n`);
      const { agents } = await (await fetch(`${base}/api/agents`)).json() as { agents: unknown[] };
      assert.equal(agents.length, 5);
    } finally {
      child.kill("SIGTERM");
    }
    assert.equal(await new Promise((ok) => child.on("exit", ok)), 0);
  });

  it("records what the node answers, as the fixtures hold it", async () => {
    const out = join(dir, "recorded");
    // The node reports the statuses it reported when the fixtures were recorded.
    for (const list of Object.values(recorded().lists)) for (const s of list) if (s.confirmationStatus === "finalized") rpc.finalized.add(s.signature);
    const { code, stdout } = await finish(["record", "--rpc", rpc.url, "--out", out]);
    assert.equal(code, 0);
    assert.match(stdout, /record: 84 transactions, 84 blocks/);
    for (const sub of ["signatures", "transactions", "blocks"]) {
      const files = readdirSync(join(FIXTURES, sub)).sort();
      assert.deepEqual(readdirSync(join(out, sub)).sort(), files);
      for (const f of files) assert.deepEqual(JSON.parse(readFileSync(join(out, sub, f), "utf8")), JSON.parse(readFileSync(join(FIXTURES, sub, f), "utf8")));
    }
  });
});
