// The ingest on the recorded validator session, through the real backfill from a fake
// node: every derived table checked against the events themselves, idempotency in any
// order and batching, the cursor, commitment promotion. Same body on SQLite and (with
// AGENTPAD_PG_URL) PostgreSQL.
import assert from "node:assert/strict";

import { priceString } from "@agentpad/sdk";
import { Keypair } from "@solana/web3.js";

import { INTERVALS } from "../src/derive.js";
import { Indexer } from "../src/indexer.js";
import { Queries, SORTS } from "../src/queries.js";
import type { Positioned } from "../src/records.js";
import type { Store } from "../src/store.js";
import { backends, dump, freshStore } from "./support/backends.js";
import { type FakeRpc, serveFakeRpc } from "./support/fakeRpc.js";
import { type Recorded, recorded } from "./support/fixtures.js";
import {
  chainOrder, referenceBalances, referenceCandles, referenceRevenue, referenceStakers, referenceState,
} from "./support/reference.js";
import { signatureOf, syntheticTransaction } from "./support/synthetic.js";

const quiet = () => undefined;
const b58 = (k: { toBase58(): string }) => k.toBase58();

function shuffled<T>(items: T[], seed: number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    const j = seed % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

for (const backend of backends) {
  describe(`ingest (${backend.name})`, () => {
    let chain: Recorded;
    let rpc: FakeRpc;
    let store: Store;
    let indexer: Indexer;
    let records: Positioned[];
    let q: Queries;
    const stores: Store[] = [];

    before(async () => {
      chain = recorded();
      rpc = await serveFakeRpc(chain);
      store = await freshStore(backend, "ingest");
      indexer = new Indexer({ rpcUrl: rpc.url, store, log: quiet });
      await indexer.backfill();
      ({ records } = await indexer.load([...chain.raw.keys()].map((signature) => ({ signature, commitment: "confirmed" }))));
      q = new Queries(store.db);
    });
    after(async () => {
      await indexer.stop();
      await Promise.all(stores.map((s) => s.close()));
      await rpc.close();
    });

    async function another(label: string) {
      const s = await freshStore(backend, label);
      stores.push(s);
      return s;
    }

    it("stores every recorded transaction once, with all its events", async () => {
      const count = async (sql: string) => Number((await store.db.get<{ n: number }>(sql))!.n);
      assert.equal(await count("SELECT COUNT(*) AS n FROM txs"), chain.raw.size);
      assert.equal(await count("SELECT COUNT(*) AS n FROM events"), records.reduce((n, r) => n + r.events.length, 0));
      assert.equal(await count("SELECT COUNT(*) AS n FROM txs WHERE tx_index IS NULL"), 0);
      const newest = Math.max(...records.map((r) => r.slot));
      assert.equal(await store.indexedSlot(), newest);
    });

    it("lists each launched agent with its launch's identity and its pool's latest state", async () => {
      const launches = chainOrder(records).filter((o) => o.event.name === "agentLaunched");
      const state = referenceState(records);
      const agents = await q.agents("createdAt", "asc", 500);
      assert.deepEqual(agents.map((a) => a.mint).sort(), launches.map((l) => b58(l.event.data.mint)).sort());
      for (const { event: { data: l } } of launches) {
        const a = agents.find((x) => x.mint === b58(l.mint))!;
        const s = state.get(a.mint)!;
        assert.deepEqual(
          [a.name, a.symbol, a.uri, a.creator, a.pool, a.totalSupply, a.createdAt, a.originEid],
          [l.name, l.symbol, l.uri, b58(l.creator), b58(l.pool), l.totalSupply.toString(), Number(l.timestamp), null]);
        assert.deepEqual([a.priceQ64, a.quoteReserve, a.baseReserve, a.progressBps],
          [s.priceQ64.toString(), s.quoteReserve.toString(), s.baseReserve.toString(), s.progressBps]);
        assert.equal(a.price, priceString(s.priceQ64, 6, 9));
        assert.equal(a.trades, records.flatMap((r) => r.events).filter((e) => e.name === "tradeExecuted" && b58(e.data.baseMint) === a.mint).length);
        assert.equal(a.quoteDecimals, 9);
      }
      const graduated = chainOrder(records).filter((o) => o.event.name === "poolGraduated").map((o) => b58(o.event.data.baseMint));
      assert.equal(graduated.length, 2);
      for (const a of agents) assert.equal(a.phase, graduated.includes(a.mint) ? "graduated" : "curve");
      // Market cap: price x supply, whole quote tokens.
      const atls = agents.find((a) => a.symbol === "ATLS")!;
      assert.equal(atls.marketCap, priceString(BigInt(atls.priceQ64!) * BigInt(atls.totalSupply!), 0, 9));
    });

    it("keeps every trade, newest first, as its event says", async () => {
      for (const mint of new Set(records.flatMap((r) => r.events).filter((e) => e.name === "tradeExecuted").map((e) => b58(e.data.baseMint)))) {
        const expected = chainOrder(records).filter((o) => o.event.name === "tradeExecuted" && b58(o.event.data.baseMint) === mint).reverse();
        const trades = (await q.trades(mint, 1000))!;
        assert.deepEqual(trades.map((t) => [t.signature, t.user, t.side, t.baseAmount, t.quoteAmount, t.fee, t.feeBps, t.priceQ64, t.progressBps]),
          expected.map(({ record, event: { data: d } }) => [
            record.signature, b58(d.user), d.isBuy ? "buy" : "sell", d.baseAmount.toString(), d.quoteAmount.toString(), d.fee.toString(), d.feeBps,
            d.priceQ64.toString(), d.progressBps,
          ]));
        // Paged with `before`: the rest, in the same order.
        if (trades.length > 2) assert.deepEqual(await q.trades(mint, 1000, trades[1].signature), trades.slice(2));
      }
    });

    it("builds 1m, 1h and 1d candles whose OHLCV equal the trades' exactly", async () => {
      const mints = new Set(records.flatMap((r) => r.events).filter((e) => e.name === "tradeExecuted").map((e) => b58(e.data.baseMint)));
      for (const mint of mints) {
        for (const [interval, seconds] of Object.entries(INTERVALS) as [keyof typeof INTERVALS, number][]) {
          const got = (await q.candles(mint, interval, 0, Number.MAX_SAFE_INTEGER))!;
          const want = referenceCandles(records, mint, seconds);
          const p = (x: bigint) => priceString(x, 6, 9);
          assert.deepEqual(got, want.map((c) => ({
            time: c.time, open: p(c.open), high: p(c.high), low: p(c.low), close: p(c.close),
            volumeBase: c.volumeBase.toString(), volumeQuote: c.volumeQuote.toString(), trades: c.trades,
          })), `${mint} ${interval}`);
        }
      }
    });

    it("totals revenue by reward mint, source and chain", async () => {
      const want = referenceRevenue(records);
      const got = new Map<string, bigint>();
      for (const row of await store.db.all("SELECT * FROM revenue")) got.set([row.agent_mint, row.reward_mint, row.source, row.eid].join("|"), BigInt(row.amount));
      assert.deepEqual(got, want);
      // The seed's ATLS: trading fees and a deposit in wSOL, VIRTUAL from Base.
      const atls = (await q.agents("createdAt", "asc", 500)).find((a) => a.symbol === "ATLS")!;
      const byMint = (await q.revenue(atls.mint))!;
      assert.deepEqual(byMint.map((m) => [m.bySource.map((s) => s.source), m.byChain.map((c) => [c.chain, c.eid])]).sort(), [
        [["bridged"], [["base", 30184]]],
        [["direct", "trading"], [["solana", null]]],
      ]);
      for (const m of byMint) assert.equal(m.total, m.bySource.reduce((t, s) => t + BigInt(s.amount), 0n).toString());
      assert.equal(atls.revenueByMint?.length, 2);
    });

    it("keeps each staker's stake, cooldown and claims", async () => {
      const want = referenceStakers(records);
      const rows = await store.db.all("SELECT * FROM stakers");
      assert.equal(rows.length, want.size);
      for (const row of rows) {
        const w = want.get(`${row.stake_pool}|${row.owner}`)!;
        assert.deepEqual([row.staked, row.unstaking], [w.staked.toString(), w.unstaking.toString()]);
      }
      for (const a of await q.agents("createdAt", "asc", 500)) {
        const s = (await q.stakers(a.mint, 100))!;
        assert.equal(a.stakers, s.stakers.filter((x) => BigInt(x.staked) > 0n).length);
        for (const x of s.stakers) {
          const pool = (await store.db.get("SELECT stake_pool FROM agents WHERE mint = ?", [a.mint]))!.stake_pool;
          const w = want.get(`${pool}|${x.owner}`)!;
          assert.deepEqual(x.claimed, [...w.claimed].sort().map(([rewardMint, amount]) => ({ rewardMint, amount: amount.toString() })));
        }
      }
      // VAL (the CLI session): staked 1,000,000, unstaked 400,000 and withdrew it.
      const val = (await q.agents("createdAt", "asc", 500)).find((a) => a.symbol === "VAL")!;
      assert.deepEqual((await q.stakers(val.mint, 10))!.stakers.map((s) => [s.staked, s.unstaking]), [["600000000000", "0"]]);
      assert.equal((await q.stakers(val.mint, 10))!.totalStaked, "600000000000");
    });

    it("keeps holders' balances from the last transaction that touched them", async () => {
      const want = referenceBalances(records);
      for (const a of await q.agents("createdAt", "asc", 500)) {
        const expected = [...want].filter(([, b]) => b.mint === a.mint && b.amount > 0n)
          .sort(([ka, x], [kb, y]) => (y.amount > x.amount ? 1 : y.amount < x.amount ? -1 : ka < kb ? -1 : 1));
        assert.deepEqual(await q.holders(a.mint, 1000), expected.map(([account, b]) => ({ owner: b.owner, account, amount: b.amount.toString() })));
        assert.equal(a.holders, expected.length);
      }
    });

    it("records every distribution", async () => {
      const want = chainOrder(records).filter((o) => o.event.name === "revenueDistributed").reverse();
      const got = [];
      for (const a of await q.agents("createdAt", "asc", 500)) got.push(...(await q.distributions(a.mint, 100))!);
      assert.deepEqual(got.map((d) => [d.signature, d.rewardMint, d.holders, d.creator, d.protocol]).sort(),
        want.map(({ record, event: { data: d } }) => [record.signature, b58(d.rewardMint), d.holders.toString(), d.creator.toString(), d.protocol.toString()]).sort());
    });

    it("ends in the same tables whatever the order and batching, and ignores what it has", async () => {
      const expected = await dump(store.db, ["cursors"]);
      const once = await another("once");
      assert.equal(await once.ingest(records), records.length);
      assert.equal(await once.ingest(records), 0);
      assert.deepEqual(await dump(once.db, ["cursors"]), expected);
      const reversed = await another("reversed");
      for (const r of [...records].reverse()) await reversed.ingest([r]);
      for (const r of records) assert.equal(await reversed.ingest([r]), 0);
      assert.deepEqual(await dump(reversed.db, ["cursors"]), expected);
      const batched = await another("batched");
      const mixed = shuffled(records, 7);
      for (let i = 0; i < mixed.length; i += 7) await batched.ingest([...mixed.slice(i, i + 7), ...mixed.slice(0, 3)]);
      assert.deepEqual(await dump(batched.db, ["cursors"]), expected);
    });

    it("backfills again without fetching what it has, its cursor only at a finalized slot", async () => {
      // Nothing was finalized at the first pass: no cursor, the next pass lists everything again.
      for (const name of Object.keys(chain.lists)) assert.equal(await store.cursor(name), undefined);
      const before = rpc.calls.get("getTransaction") ?? 0;
      const dumped = await dump(store.db, ["cursors"]);
      const slots = [...chain.raw.values()].map((t) => t.slot).sort((a, b) => a - b);
      rpc.finalizedSlot = slots[Math.floor(slots.length / 2)];
      await indexer.backfill();
      assert.equal(rpc.calls.get("getTransaction") ?? 0, before);
      assert.deepEqual(await dump(store.db, ["cursors"]), dumped);
      for (const [name, list] of Object.entries(chain.lists)) {
        const safe = list.find((s) => s.slot <= rpc.finalizedSlot);
        assert.deepEqual(await store.cursor(name), safe && { signature: safe.signature, slot: safe.slot });
      }
      rpc.finalizedSlot = slots[slots.length - 1];
      await indexer.backfill();
      // A program without recorded history (agent-commerce) never gets a cursor.
      for (const [name, list] of Object.entries(chain.lists)) assert.deepEqual(await store.cursor(name), list[0] && { signature: list[0].signature, slot: list[0].slot });
      assert.equal(rpc.calls.get("getTransaction") ?? 0, before);
      assert.equal(indexer.stats.backfill, chain.raw.size);
    });

    it("promotes transactions the node reports finalized, and reports each record's commitment", async () => {
      const slots = records.map((r) => r.slot).sort((a, b) => a - b);
      const cut = slots[Math.floor(slots.length / 2)];
      rpc.finalizedSlot = cut;
      for (const r of records) if (r.slot <= cut - 2) rpc.finalized.add(r.signature);
      const promoted = await indexer.finalize();
      assert.equal(promoted, rpc.finalized.size);
      assert.equal(indexer.finalizedSlot, cut);
      const rows = await store.db.all<{ signature: string; commitment: string }>("SELECT signature, commitment FROM txs");
      for (const row of rows) assert.equal(row.commitment, rpc.finalized.has(row.signature) ? "finalized" : "confirmed");
      for (const a of await q.agents("createdAt", "asc", 500)) {
        for (const t of (await q.trades(a.mint, 1000))!) assert.equal(t.commitment, rpc.finalized.has(t.signature) ? "finalized" : "confirmed");
      }
      // Later, everything is final.
      rpc.finalizedSlot = slots[slots.length - 1];
      for (const r of records) rpc.finalized.add(r.signature);
      await indexer.finalize();
      assert.deepEqual(await store.unfinalized(Number.MAX_SAFE_INTEGER, 10), []);
      assert.ok((await q.agents("createdAt", "asc", 500)).every((a) => a.commitment === "finalized"));
    });

    it("ingests live signatures from its queue, asking again while the node does not return them yet", async () => {
      const s = await another("live");
      const asked = new Map<string, number>();
      // The node answers null for each transaction the first two times (its status store lags).
      const lagging = await serveFakeRpc({
        ...chain,
        transaction: (sig) => {
          asked.set(sig, (asked.get(sig) ?? 0) + 1);
          return asked.get(sig)! > 2 ? chain.transaction(sig) : null;
        },
      });
      const live = new Indexer({ rpcUrl: lagging.url, store: s, log: quiet });
      try {
        const some = [...chain.raw.keys()].slice(0, 10);
        for (const sig of some) (live as unknown as { enqueue(s: string): void }).enqueue(sig);
        const deadline = Date.now() + 20_000;
        while ((await s.known(some)).size < some.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
        assert.equal((await s.known(some)).size, some.length);
        assert.ok(some.every((sig) => asked.get(sig) === 3));
        assert.equal(live.stats.live, some.length);
        const rows = await s.db.all<{ commitment: string }>("SELECT commitment FROM txs");
        assert.ok(rows.every((r) => r.commitment === "confirmed"));
      } finally {
        await lagging.close();
      }
    });

    it("fails a backfill pass on a database error without moving its cursor", async () => {
      const s = await another("failing");
      const failing = new Indexer({ rpcUrl: rpc.url, store: s, log: quiet });
      const ingest = s.ingest.bind(s);
      s.ingest = async () => {
        throw new Error("disk full");
      };
      await assert.rejects(failing.backfill(), /disk full/);
      for (const name of Object.keys(chain.lists)) assert.equal(await s.cursor(name), undefined);
      s.ingest = ingest;
      await failing.backfill();
      assert.deepEqual(await dump(s.db, ["txs", "cursors"]), await dump(store.db, ["txs", "cursors"]));
    });

    it("orders a slot by signature when the node cannot return its block, the same in any order", async () => {
      const [a, b] = [await another("noblock-a"), await another("noblock-b")];
      const blockless = await serveFakeRpc({ ...chain, block: () => null });
      try {
        const noBlocks = new Indexer({ rpcUrl: blockless.url, store: a, log: quiet, blockAttempts: 1 });
        const { records: unpositioned } = await noBlocks.load([...chain.raw.keys()].map((signature) => ({ signature, commitment: "confirmed" })));
        assert.ok(unpositioned.every((r) => r.txIndex === null));
        await a.ingest(unpositioned);
        for (const r of [...unpositioned].reverse()) await b.ingest([r]);
        assert.deepEqual(await dump(b.db), await dump(a.db));
        // One agentpad transaction per slot here: the same agents as with positions.
        const strip = (agents: { commitment: string }[]) => agents.map(({ commitment, ...rest }) => rest);
        assert.deepEqual(strip(await new Queries(a.db).agents("createdAt", "asc", 500)), strip(await q.agents("createdAt", "asc", 500)));
      } finally {
        await blockless.close();
      }
    });

    it("indexes a bridged agent: no phase or market before its Solana pool opens, then a locked pool; a failed transaction changes nothing", async () => {
      const s = await another("bridged");
      const [mint, agent, creator, pool, quote] = Array.from({ length: 5 }, () => Keypair.generate().publicKey);
      const raw = [
        syntheticTransaction({ signature: signatureOf(1), slot: 10, blockTime: 1_000, payer: creator, events: [{ program: "agentFactory", name: "bridgedAgentRegistered", data: {
          agent, mint, creator, originEid: 30184, originToken: Array(32).fill(7), linkId: 1n, oftStore: creator, byAdmin: false, preset: creator, presetId: 0,
          rewardMint: quote, slot: 10n, timestamp: 1_000n,
        } }] }),
        // Revenue bridged from Base before the agent has a pool on Solana.
        syntheticTransaction({ signature: signatureOf(4), slot: 10, blockTime: 1_000, payer: creator, events: [{ program: "feeAggregator", name: "revenueCredited", data: {
          agentMint: mint, rewardMint: quote, source: { bridged: { srcEid: 30184, transferId: 1n } }, amount: 700n, sourceTotal: 700n, undistributed: 700n,
        } }] }),
        syntheticTransaction({ signature: signatureOf(2), slot: 11, blockTime: 1_001, payer: creator, events: [{ program: "agentFactory", name: "bridgedPoolOpened", data: {
          agent, mint, pool, quoteMint: quote, baseAmount: 4_000_000n, quoteAmount: 1_000_000_000n,
        } }], balances: [{ account: Keypair.generate().publicKey.toBase58(), owner: pool.toBase58(), mint: quote.toBase58(), amount: 1_000_000_000n, decimals: 9 }] }),
        syntheticTransaction({ signature: signatureOf(3), slot: 12, blockTime: 1_002, payer: creator, failed: true, events: [{ program: "bondingCurve", name: "poolGraduated", data: {
          pool, baseMint: mint, quoteReserve: 1n, baseReserve: 1n, priceQ64: 1n, timestamp: 1n,
        } }] }),
      ];
      const fake = await serveFakeRpc({
        signatures: () => [], transaction: (sig) => raw.find((t: any) => t.transaction.signatures[0] === sig) ?? null,
        block: (slot) => ({ signatures: raw.filter((t: any) => t.slot === slot).map((t: any) => t.transaction.signatures[0]), blockhash: "1", previousBlockhash: "1", parentSlot: slot - 1, blockTime: null, blockHeight: slot }),
        slotOf: () => 10,
      });
      try {
        const loader = new Indexer({ rpcUrl: fake.url, store: s, log: quiet });
        const load = async (ns: number[]) => (await loader.load(ns.map((n) => ({ signature: signatureOf(n), commitment: "confirmed" as const })))).records;
        const queries = new Queries(s.db);
        const m = mint.toBase58();

        // Registered, no pool yet: every pool and market field null, phase and progress included
        // (not "curve" at 0: it never trades on a curve), the rest as for any agent.
        assert.equal(await s.ingest(await load([1, 4])), 2);
        const unlisted = (await queries.agent(m))!;
        assert.deepEqual(unlisted, {
          mint: m, name: null, symbol: null, uri: null, creator: creator.toBase58(), pool: null, quoteMint: null, quoteDecimals: null, baseDecimals: 6,
          phase: null, createdAt: 1_000, totalSupply: null, priceQ64: null, price: null, marketCap: null, progressBps: null, quoteReserve: null,
          baseReserve: null, volume24h: "0", trades: 0, revenue: "700", revenueByMint: [{ rewardMint: quote.toBase58(), amount: "700" }],
          originEid: 30184, stakers: 0, holders: 0, commitment: "confirmed",
        });
        // Listed with every sort, last where its key is null; its other routes answer.
        for (const sort of SORTS) {
          for (const order of ["asc", "desc"] as const) assert.deepEqual(await queries.agents(sort, order, 10), [unlisted], `${sort} ${order}`);
        }
        assert.deepEqual(await queries.holders(m, 10), []);
        assert.deepEqual(await queries.stakers(m, 10), { totalStaked: "0", stakers: [] });
        assert.deepEqual((await queries.revenue(m))!.map((r) => [r.rewardMint, r.total, r.byChain.map((c) => c.chain)]), [[quote.toBase58(), "700", ["base"]]]);
        assert.deepEqual(await queries.trades(m, 10), []);
        assert.deepEqual(await queries.candles(m, "1h", 0, 2_000), []);
        assert.deepEqual(await queries.distributions(m, 10), []);

        // The pool opens (then a failed transaction): graduated from the start, the revenue in its quote mint.
        assert.equal(await s.ingest(await load([2, 3])), 2);
        const a = (await queries.agent(m))!;
        assert.deepEqual([a.originEid, a.phase, a.pool, a.quoteMint, a.quoteReserve, a.baseReserve, a.progressBps, a.name, a.totalSupply, a.marketCap],
          [30184, "graduated", pool.toBase58(), quote.toBase58(), "1000000000", "4000000", 10_000, null, null, null]);
        // 1 quote token (1e9 units) for 4 agent tokens (4e6 units): 0.25 each.
        assert.equal(a.price, "0.25");
        assert.deepEqual([a.revenue, a.revenueByMint], ["700", undefined]);
        assert.deepEqual(await s.db.get("SELECT failed, commitment FROM txs WHERE signature = ?", [signatureOf(3)]), { failed: 1, commitment: "confirmed" });
        assert.equal(Number((await s.db.get<{ n: number }>("SELECT COUNT(*) AS n FROM events WHERE signature = ?", [signatureOf(3)]))!.n), 0);
      } finally {
        await fake.close();
      }
    });
  });
}
