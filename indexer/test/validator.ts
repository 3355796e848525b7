// The indexer following a live validator (under `anchor test`: ANCHOR_PROVIDER_URL and
// ANCHOR_WALLET), on SQLite and, with AGENTPAD_PG_URL, PostgreSQL: it backfills what the
// validator holds, then a trade and a stake sent through the SDK show up through the HTTP
// API — trade, candle, the agent's price equal to the event's and to the pool account's —
// become finalized, the claimable route reads the new stake from the chain, and a restart
// on the same database counts nothing twice.
import assert from "node:assert/strict";
import type { AddressInfo } from "node:net";

import { AgentpadClient, RpcBackend, agentTokenAccount } from "@agentpad/sdk";
import { loadKeypair } from "@agentpad/sdk/node";
import { Keypair, LAMPORTS_PER_SOL, PublicKey } from "@solana/web3.js";

import { createApi } from "../src/api.js";
import { claimableOf } from "../src/claimable.js";
import { Indexer } from "../src/indexer.js";
import { Queries } from "../src/queries.js";
import { Store } from "../src/store.js";
import { backends } from "./support/backends.js";

const url = process.env.ANCHOR_PROVIDER_URL;

async function until<T>(what: string, probe: () => Promise<T | undefined>, seconds = 90): Promise<T> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const got = await probe();
    if (got !== undefined) return got;
    if (Date.now() > deadline) throw new Error(`timed out after ${seconds} s waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

for (const backend of backends) {
  describe(`indexer on a live validator (${backend.name})`, function () {
    let spec: string;
    let running: { indexer: Indexer; base: string; stop: () => Promise<void> } | undefined;
    let client: AgentpadClient;

    before(async function () {
      if (!url) {
        console.log("      skipped: ANCHOR_PROVIDER_URL is not set (this test runs under `anchor test` on a validator: scripts/dashboard/on-validator.sh --test)");
        this.skip();
      }
      const backendRpc = new RpcBackend(url, "confirmed");
      const admin = new AgentpadClient(backendRpc, loadKeypair(process.env.ANCHOR_WALLET));
      const trader = Keypair.generate();
      await backendRpc.airdrop(trader.publicKey, 100n * BigInt(LAMPORTS_PER_SOL));
      client = admin.as(trader);
      spec = await backend.fresh("validator");
    });
    after(async () => {
      await running?.stop();
    });

    /** The indexer and its API on `spec`, the first backfill done. */
    async function start() {
      const store = await Store.open(spec);
      const indexer = new Indexer({ rpcUrl: url!, store, finalizeEveryMs: 1_000, catchUpEveryMs: 2_000, log: (l) => console.error(`    ${l}`) });
      const queries = new Queries(store.db);
      const rpc = new RpcBackend(url!, "confirmed");
      const server = createApi({
        queries,
        config: { rpcUrl: url!, commitment: "confirmed", programs: { agentFactory: "", bondingCurve: "", feeAggregator: "", revenueShare: "" } },
        slots: async () => ({ indexedSlot: await store.indexedSlot(), finalizedSlot: indexer.finalizedSlot }),
        claimable: async (wallet) => claimableOf(rpc, wallet, await queries.stakedAgents(wallet)),
      });
      await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
      await indexer.start();
      running = {
        indexer, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        stop: async () => {
          server.closeAllConnections();
          await new Promise((ok) => server.close(ok));
          await indexer.stop();
          running = undefined;
        },
      };
      return running;
    }

    async function get(path: string): Promise<any> {
      const res = await fetch(running!.base + path);
      const body = await res.json();
      assert.equal(res.status, 200, `${path}: ${JSON.stringify(body)}`);
      return body;
    }

    it("backfills the validator, then indexes a live trade and stake, finalizes them, and survives a restart", async () => {
      await start();
      // A busy node indexes signatures late: the catch-up passes bring in what the first pass missed.
      const agents = await until("an agent in /api/agents", async () => {
        const { agents } = await get("/api/agents?sort=createdAt&order=asc");
        return agents.length > 0 ? agents : undefined;
      });
      // The first agent still on its curve (a graduated pool trades too, but the curve's price is the interesting one).
      const agent = agents.find((a: any) => a.phase === "curve") ?? agents[0];
      assert.ok(agent, "the validator holds at least one agent (the CLI session's)");
      const mint = new PublicKey(agent.mint);
      const before = (await get(`/api/agents/${agent.mint}/trades?limit=1000`)).trades.length;
      assert.equal(before, agent.trades);

      const notified = running!.indexer.stats.notified;
      const bought = await client.buy(mint, BigInt(LAMPORTS_PER_SOL / 10));
      const event = bought.events.find((e) => e.name === "tradeExecuted")!.data;
      const trade = await until("the live trade in /trades", async () => {
        const { trades } = await get(`/api/agents/${agent.mint}/trades?limit=5`);
        return trades.find((t: any) => t.signature === bought.signature);
      });
      assert.deepEqual([trade.side, trade.baseAmount, trade.quoteAmount, trade.priceQ64, trade.user],
        ["buy", event.baseAmount.toString(), event.quoteAmount.toString(), event.priceQ64.toString(), client.address.toBase58()]);
      assert.ok(running!.indexer.stats.notified > notified, "the log subscription announced the trade");
      const now = (await get(`/api/agents/${agent.mint}`)).agent;
      assert.equal(now.priceQ64, event.priceQ64.toString());
      assert.equal(now.trades, before + 1);
      const status = await client.status(mint);
      assert.equal(now.priceQ64, status.market!.priceQ64.toString(), "the indexer's price is the pool account's");
      assert.equal(now.quoteReserve, status.market!.pool.quoteReserve.toString());
      const minute = Math.floor(Number(event.timestamp) / 60) * 60;
      const { candles } = await get(`/api/agents/${agent.mint}/candles?interval=1m&from=${minute}&to=${minute}`);
      assert.equal(candles.length, 1);
      assert.equal(candles[0].close, trade.price);
      assert.ok(BigInt(candles[0].volumeQuote) >= event.quoteAmount);

      // A stake: the live indexer sees it, the claimable route reads the position from the chain.
      const held = await client.balance(agentTokenAccount(client.address, mint));
      await client.stake(mint, held / 2n);
      const claimable = await until("the stake in /claimable", async () => {
        const { claimable } = await get(`/api/wallets/${client.address.toBase58()}/claimable`);
        return claimable.length > 0 ? claimable : undefined;
      });
      assert.ok(claimable.every((c: any) => c.agentMint === agent.mint && c.staked === (held / 2n).toString()));
      assert.ok(claimable.some((c: any) => c.rewardMint === agent.quoteMint));

      await until("the trade finalized", async () => {
        const { trades } = await get(`/api/agents/${agent.mint}/trades?limit=5`);
        return trades.find((t: any) => t.signature === bought.signature && t.commitment === "finalized");
      }, 120);

      // Restart on the same database: the backfill finds everything stored.
      const counts = async () => ({
        agent: (await get(`/api/agents/${agent.mint}`)).agent.trades,
        trades: (await get(`/api/agents/${agent.mint}/trades?limit=1000`)).trades.length,
        candles: (await get(`/api/agents/${agent.mint}/candles?interval=1d`)).candles,
        stakers: (await get(`/api/agents/${agent.mint}/stakers`)).stakers,
        revenue: (await get(`/api/agents/${agent.mint}/revenue`)).byMint,
      });
      const first = await counts();
      await running!.stop();
      await start();
      assert.deepEqual(await counts(), first);
      assert.equal(first.agent, before + 1);
      assert.equal(first.trades, before + 1);
    });
  });
}
