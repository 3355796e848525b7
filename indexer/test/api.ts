// The HTTP API over a database filled from the recorded session: every endpoint's shape
// and numbers, sorting, paging, the 24-hour volume, bad input (400, one line), unknown
// routes and agents (404), CORS and the static web directory.
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { PROGRAM_IDS, priceString } from "@agentpad/sdk";
import { Keypair } from "@solana/web3.js";

import { createApi } from "../src/api.js";
import { Indexer } from "../src/indexer.js";
import { Queries } from "../src/queries.js";
import { backends, freshStore } from "./support/backends.js";
import { type FakeRpc, serveFakeRpc } from "./support/fakeRpc.js";
import { recorded } from "./support/fixtures.js";

const SUMMARY_KEYS = [
  "mint", "name", "symbol", "uri", "creator", "pool", "quoteMint", "quoteDecimals", "baseDecimals", "phase", "createdAt", "totalSupply", "priceQ64",
  "price", "marketCap", "progressBps", "quoteReserve", "baseReserve", "volume24h", "trades", "revenue", "originEid", "stakers", "holders", "commitment",
];

for (const backend of backends) {
  describe(`API (${backend.name})`, () => {
    let rpc: FakeRpc;
    let indexer: Indexer;
    let base: string;
    let close: () => Promise<void>;
    let now = 0;
    const claimableCalls: [string, string[]][] = [];
    const web = mkdtempSync(join(tmpdir(), "agentpad-web-"));

    before(async () => {
      rpc = await serveFakeRpc(recorded());
      const store = await freshStore(backend, "api");
      indexer = new Indexer({ rpcUrl: rpc.url, store, log: () => undefined });
      await indexer.backfill();
      const queries = new Queries(store.db, () => now);
      writeFileSync(join(web, "index.html"), "<!doctype html><title>agentpad</title>");
      writeFileSync(join(web, "app.js"), "console.log(1)");
      const server = createApi({
        queries, webDir: web,
        config: {
          rpcUrl: rpc.url, commitment: "confirmed",
          programs: { agentFactory: PROGRAM_IDS.agentFactory.toBase58(), bondingCurve: PROGRAM_IDS.bondingCurve.toBase58(), feeAggregator: PROGRAM_IDS.feeAggregator.toBase58(), revenueShare: PROGRAM_IDS.revenueShare.toBase58() },
        },
        slots: async () => ({ indexedSlot: await store.indexedSlot(), finalizedSlot: 7 }),
        claimable: async (wallet) => {
          const mints = await queries.stakedAgents(wallet);
          claimableCalls.push([wallet, mints]);
          return mints.map((agentMint) => ({ agentMint, rewardMint: "r", amount: "1", staked: "2" }));
        },
      });
      await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      close = () => new Promise((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      });
    });
    after(async () => {
      await close();
      await indexer.stop();
      await rpc.close();
    });

    async function get(path: string, status = 200): Promise<any> {
      const res = await fetch(base + path);
      assert.equal(res.headers.get("access-control-allow-origin"), "*", path);
      const body = await res.json();
      assert.equal(res.status, status, `${path}: ${JSON.stringify(body)}`);
      return body;
    }

    async function agents(query = "") {
      return (await get(`/api/agents${query}`)).agents as any[];
    }

    it("GET /api/config", async () => {
      const c = await get("/api/config");
      assert.deepEqual(Object.keys(c).sort(), ["commitment", "finalizedSlot", "indexedSlot", "programs", "rpcUrl"]);
      assert.equal(c.commitment, "confirmed");
      assert.equal(c.programs.bondingCurve, PROGRAM_IDS.bondingCurve.toBase58());
      assert.equal(c.indexedSlot, Math.max(...[...recorded().raw.values()].map((t) => t.slot)));
      assert.equal(c.finalizedSlot, 7);
    });

    it("GET /api/agents: summaries with the contract's fields, sorted", async () => {
      const list = await agents();
      assert.equal(list.length, 5);
      for (const a of list) {
        assert.deepEqual(Object.keys(a).filter((k) => k !== "revenueByMint").sort(), [...SUMMARY_KEYS].sort());
        assert.equal(a.price, priceString(BigInt(a.priceQ64), a.baseDecimals, a.quoteDecimals));
        for (const k of ["totalSupply", "priceQ64", "quoteReserve", "baseReserve", "volume24h", "revenue"]) assert.match(a[k], /^\d+$/, k);
      }
      const value: Record<string, (a: any) => number> = {
        marketCap: (a) => Number(a.marketCap), progress: (a) => a.progressBps, volume24h: (a) => Number(a.volume24h), createdAt: (a) => a.createdAt,
        revenue: (a) => Number(a.revenue), price: (a) => Number(a.price),
      };
      for (const [sort, of] of Object.entries(value)) {
        for (const order of ["desc", "asc"]) {
          const sorted = await agents(`?sort=${sort}&order=${order}`);
          assert.equal(sorted.length, 5);
          for (let i = 1; i < sorted.length; i++) {
            assert.ok(order === "desc" ? of(sorted[i - 1]) >= of(sorted[i]) : of(sorted[i - 1]) <= of(sorted[i]), `${sort} ${order}`);
          }
        }
      }
      assert.deepEqual((await agents("?sort=createdAt&order=asc&limit=2")).map((a) => a.mint), (await agents("?sort=createdAt&order=asc")).slice(0, 2).map((a) => a.mint));
      assert.deepEqual(list.map((a) => a.mint), (await agents("?sort=marketCap&order=desc")).map((a) => a.mint));
    });

    it("volume24h: the quote traded in the 24 hours before now", async () => {
      const all = await agents("?sort=createdAt&order=asc");
      const newest = Math.max(...(await Promise.all(all.map(async (a) => (await get(`/api/agents/${a.mint}/trades?limit=1`)).trades[0]?.time ?? 0))));
      now = newest + 3600;
      for (const a of await agents("?sort=createdAt&order=asc")) {
        const trades = (await get(`/api/agents/${a.mint}/trades?limit=1000`)).trades as any[];
        assert.equal(a.volume24h, trades.reduce((t, x) => t + BigInt(x.quoteAmount), 0n).toString());
        assert.ok(BigInt(a.volume24h) > 0n);
      }
      now = newest + 2 * 86_400;
      assert.ok((await agents()).every((a) => a.volume24h === "0"));
      now = 0;
    });

    it("GET /api/agents/:mint", async () => {
      for (const a of await agents()) assert.deepEqual((await get(`/api/agents/${a.mint}`)).agent, a);
      const unknown = Keypair.generate().publicKey.toBase58();
      assert.deepEqual(await get(`/api/agents/${unknown}`, 404), { error: `unknown agent ${unknown}` });
    });

    it("GET /api/agents/:mint/trades: newest first, paged with before", async () => {
      const atls = (await agents()).find((a) => a.symbol === "ATLS")!;
      const { trades } = await get(`/api/agents/${atls.mint}/trades`);
      assert.equal(trades.length, atls.trades);
      assert.deepEqual(Object.keys(trades[0]).sort(),
        ["baseAmount", "commitment", "fee", "feeBps", "price", "priceQ64", "progressBps", "quoteAmount", "side", "signature", "slot", "time", "user"]);
      for (let i = 1; i < trades.length; i++) assert.ok(trades[i - 1].slot >= trades[i].slot);
      assert.equal(trades[0].priceQ64, atls.priceQ64);
      const page = (await get(`/api/agents/${atls.mint}/trades?limit=5&before=${trades[4].signature}`)).trades;
      assert.deepEqual(page, trades.slice(5, 10));
    });

    it("GET /api/agents/:mint/candles: buckets oldest first, in range", async () => {
      const atls = (await agents()).find((a) => a.symbol === "ATLS")!;
      const trades = (await get(`/api/agents/${atls.mint}/trades?limit=1000`)).trades as any[];
      for (const [interval, seconds] of [["1m", 60], ["1h", 3600], ["1d", 86_400]] as const) {
        const body = await get(`/api/agents/${atls.mint}/candles?interval=${interval}`);
        assert.equal(body.interval, interval);
        assert.deepEqual(Object.keys(body.candles[0]).sort(), ["close", "high", "low", "open", "time", "trades", "volumeBase", "volumeQuote"]);
        assert.equal(body.candles.reduce((n: number, c: any) => n + c.trades, 0), trades.length);
        assert.equal(body.candles.reduce((t: bigint, c: any) => t + BigInt(c.volumeQuote), 0n), trades.reduce((t, x) => t + BigInt(x.quoteAmount), 0n));
        for (const c of body.candles) assert.equal(c.time % seconds, 0);
        for (let i = 1; i < body.candles.length; i++) assert.ok(body.candles[i - 1].time < body.candles[i].time);
        assert.equal(body.candles.at(-1).close, atls.price);
      }
      const minutes = (await get(`/api/agents/${atls.mint}/candles?interval=1m`)).candles;
      const inRange = (await get(`/api/agents/${atls.mint}/candles?interval=1m&from=${minutes[1].time}&to=${minutes[1].time}`)).candles;
      assert.deepEqual(inRange, [minutes[1]]);
      assert.deepEqual((await get(`/api/agents/${atls.mint}/candles`)).interval, "1h");
    });

    it("GET holders, stakers, revenue, distributions", async () => {
      const val = (await agents()).find((a) => a.symbol === "VAL")!;
      const { holders } = await get(`/api/agents/${val.mint}/holders`);
      assert.equal(holders.length, val.holders);
      assert.deepEqual(Object.keys(holders[0]).sort(), ["account", "amount", "owner"]);
      for (let i = 1; i < holders.length; i++) assert.ok(BigInt(holders[i - 1].amount) >= BigInt(holders[i].amount));
      assert.equal((await get(`/api/agents/${val.mint}/holders?limit=1`)).holders.length, 1);
      const stakers = await get(`/api/agents/${val.mint}/stakers`);
      assert.equal(stakers.totalStaked, "600000000000");
      assert.deepEqual(stakers.stakers.map((s: any) => [s.staked, s.unstaking, s.claimed.length]), [["600000000000", "0", 1]]);
      const { byMint } = await get(`/api/agents/${val.mint}/revenue`);
      assert.deepEqual(byMint.map((m: any) => [m.rewardMint, m.total, m.bySource, m.byChain]), [[
        "So11111111111111111111111111111111111111112", "2226621156",
        [{ source: "direct", amount: "1500000000" }, { source: "trading", amount: "726621156" }],
        [{ chain: "solana", eid: null, amount: "2226621156" }],
      ]]);
      assert.equal(val.revenue, "2226621156");
      const { distributions } = await get(`/api/agents/${val.mint}/distributions`);
      assert.deepEqual(distributions.map((d: any) => [d.holders, d.creator, d.protocol, d.commitment]), [["1558634810", "445324231", "222662115", "confirmed"]]);
      assert.deepEqual(Object.keys(distributions[0]).sort(), ["commitment", "creator", "holders", "protocol", "rewardMint", "signature", "slot", "time"]);
    });

    it("GET /api/wallets/:wallet/claimable asks the chain for each agent the wallet stakes in", async () => {
      const val = (await agents()).find((a) => a.symbol === "VAL")!;
      const owner = (await get(`/api/agents/${val.mint}/stakers`)).stakers[0].owner;
      assert.deepEqual(await get(`/api/wallets/${owner}/claimable`), { claimable: [{ agentMint: val.mint, rewardMint: "r", amount: "1", staked: "2" }] });
      assert.deepEqual(claimableCalls.at(-1), [owner, [val.mint]]);
      assert.deepEqual(await get(`/api/wallets/${Keypair.generate().publicKey.toBase58()}/claimable`), { claimable: [] });
    });

    it("answers bad parameters 400 with one line, unknown routes and agents 404", async () => {
      const mint = (await agents())[0].mint;
      const sig = (await get(`/api/agents/${mint}/trades?limit=1`)).trades[0].signature;
      const otherSig = [...recorded().raw.keys()].find((s) => s !== sig && !s.startsWith("x"))!;
      const bad = [
        "/api/agents?sort=hype", "/api/agents?order=up", "/api/agents?limit=0", "/api/agents?limit=501", "/api/agents?limit=ten", "/api/agents?limit=-1",
        "/api/agents/not-a-key", "/api/agents/0OIl0OIl0OIl", `/api/agents/${mint}/candles?interval=5m`, `/api/agents/${mint}/candles?from=abc`,
        `/api/agents/${mint}/candles?from=10&to=5`, `/api/agents/${mint}/trades?limit=1001`, `/api/agents/${mint}/trades?before=xyz`,
        `/api/agents/${mint}/trades?before=${mint}`, `/api/agents/${mint}/holders?limit=0`, `/api/agents/${mint}/distributions?limit=1e3`,
        "/api/wallets/nope/claimable", "/api/agents/%E0%A4%A",
      ];
      for (const path of bad) {
        const body = await get(path, 400);
        assert.deepEqual(Object.keys(body), ["error"], path);
        assert.ok(body.error.length > 0 && !body.error.includes("\n"), path);
      }
      // A signature of another agent's transaction is not a trade of this one.
      const other = (await agents()).find((a) => a.mint !== mint)!;
      if ((await get(`/api/agents/${other.mint}/trades?limit=1000`)).trades.every((t: any) => t.signature !== otherSig)) {
        await get(`/api/agents/${other.mint}/trades?before=${otherSig}`, 400);
      }
      for (const path of ["/api/nothing", `/api/agents/${mint}/nothing`, "/api", `/api/agents/${mint}/trades/x`]) await get(path, 404);
      const post = await fetch(`${base}/api/agents`, { method: "POST" });
      assert.equal(post.status, 405);
      const options = await fetch(`${base}/api/agents`, { method: "OPTIONS" });
      assert.equal(options.status, 204);
      assert.equal(options.headers.get("access-control-allow-origin"), "*");
    });

    it("serves the web directory, index.html for the app's own paths, nothing outside it", async () => {
      const index = await fetch(`${base}/`);
      assert.equal(index.status, 200);
      assert.match(index.headers.get("content-type")!, /text\/html/);
      assert.match(await index.text(), /agentpad/);
      const js = await fetch(`${base}/app.js`);
      assert.match(js.headers.get("content-type")!, /javascript/);
      assert.equal(await js.text(), "console.log(1)");
      assert.match(await (await fetch(`${base}/agents/abc`)).text(), /agentpad/);
      const escaped = await new Promise<{ status: number; body: string }>((ok) => {
        request(`${base}/..%2f..%2f..%2fetc%2fpasswd`, (res) => {
          let body = "";
          res.on("data", (d) => (body += d));
          res.on("end", () => ok({ status: res.statusCode!, body }));
        }).end();
      });
      assert.equal(escaped.status, 404);
      assert.doesNotMatch(escaped.body, /root:/);
    });
  });
}
