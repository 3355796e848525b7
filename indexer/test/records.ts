// Normalised transaction records from the recorded validator session: events decoded from
// the inner instructions, token balances, positions in blocks; failed transactions empty.
import assert from "node:assert/strict";

import { PROGRAM_IDS, decodeEvents } from "@agentpad/sdk";
import { Connection, Keypair, PublicKey } from "@solana/web3.js";

import { decodeBase58, encodeBase58, isBase58Of } from "../src/base58.js";
import { Chain } from "../src/chain.js";
import { sourceOf } from "../src/derive.js";
import { ordKey } from "../src/order.js";
import { eventJson, toRecord } from "../src/records.js";
import { type FakeRpc, serveFakeRpc } from "./support/fakeRpc.js";
import { type Recorded, recorded } from "./support/fixtures.js";
import { signatureOf, syntheticTransaction } from "./support/synthetic.js";

describe("records", () => {
  let chain: Recorded;
  let rpc: FakeRpc;
  let rpcChain: Chain;

  before(async () => {
    chain = recorded();
    rpc = await serveFakeRpc(chain);
    rpcChain = new Chain(rpc.url);
  });
  after(() => rpc.close());

  async function all() {
    const signatures = [...chain.raw.keys()];
    const got = await rpcChain.transactions(signatures);
    return signatures.map((s, i) => toRecord(s, got[i]!));
  }

  it("decodes every event of the recorded session, with the SDK's names and types", async () => {
    const records = await all();
    assert.equal(records.length, 84);
    const counts: Record<string, number> = {};
    for (const r of records) for (const e of r.events) counts[e.name] = (counts[e.name] ?? 0) + 1;
    // The CLI session and the dashboard seed: 5 launches, 40 trades, 2 graduations, revenue
    // from trading, deposits and Base, 3 distributions, stakes, a cooldown and a withdrawal.
    assert.deepEqual(counts, {
      agentLaunched: 5, configInitialized: 1, feeReported: 1, feesClaimed: 2, oftSet: 1, peerConfigSet: 3, poolCreated: 5, poolGraduated: 2,
      presetCreated: 1, revenueCredited: 5, revenueDistributed: 3, rewardClaimed: 3, rewardMintAdded: 6, rewardNotified: 3, stakePoolCreated: 5,
      staked: 4, storeInitialized: 1, tradeExecuted: 40, unstakeRequested: 1, vaultCreated: 6, withdrawn: 1,
    });
    const trade = records.flatMap((r) => r.events).find((e) => e.name === "tradeExecuted")!;
    assert.equal(trade.program, "bondingCurve");
    assert.equal(typeof trade.data.baseAmount, "bigint");
    assert.equal(typeof trade.data.priceQ64, "bigint");
    assert.equal(typeof trade.data.feeBps, "number");
    assert.ok(trade.data.baseMint instanceof PublicKey);
    const bridged = records.flatMap((r) => r.events).find((e) => e.name === "revenueCredited" && "bridged" in e.data.source)!;
    assert.equal(bridged.data.source.bridged.srcEid, 30184);
  });

  it("decodes what web3.js's getTransaction and getAccountKeys resolve (the SDK's resolveInner path)", async () => {
    const connection = new Connection(rpc.url, "confirmed");
    const mine = new Map((await all()).map((r) => [r.signature, r]));
    for (const signature of chain.raw.keys()) {
      const tx = (await connection.getTransaction(signature, { commitment: "confirmed", maxSupportedTransactionVersion: 0 }))!;
      const keys = tx.transaction.message.getAccountKeys({ accountKeysFromLookups: tx.meta!.loadedAddresses });
      const inner = (tx.meta!.innerInstructions ?? []).flatMap((g) => g.instructions.map((ix) => ({ programId: keys.get(ix.programIdIndex)!, data: decodeBase58(ix.data) })));
      assert.deepEqual(mine.get(signature)!.events, decodeEvents(inner), signature);
    }
  });

  it("keeps each transaction's token balances as the node reported them", async () => {
    for (const r of await all()) {
      const raw = chain.raw.get(r.signature);
      const keys: string[] = [...raw.transaction.message.accountKeys, ...(raw.meta.loadedAddresses?.writable ?? []), ...(raw.meta.loadedAddresses?.readonly ?? [])];
      assert.deepEqual(r.tokenBalances, raw.meta.postTokenBalances.map((b: any) => ({
        account: keys[b.accountIndex], owner: b.owner, mint: b.mint, amount: BigInt(b.uiTokenAmount.amount), decimals: b.uiTokenAmount.decimals,
      })));
      assert.equal(r.slot, raw.slot);
      assert.equal(r.blockTime, raw.blockTime);
    }
  });

  it("resolves inner instructions through lookup tables (v0 launches)", async () => {
    const v0 = [...chain.raw.values()].filter((t) => t.version === 0 && (t.meta.loadedAddresses?.readonly.length ?? 0) > 0);
    assert.ok(v0.length > 0, "the session has v0 transactions loading addresses from a lookup table");
    const launches = (await all()).filter((r) => v0.some((t) => t.transaction.signatures[0] === r.signature));
    assert.ok(launches.some((r) => r.events.some((e) => e.name === "agentLaunched")));
  });

  it("gives each transaction's position in its block from getBlock", async () => {
    for (const [name, list] of Object.entries(chain.lists)) {
      // The recording predates agent-commerce (its list is empty); every other program has history.
      assert.ok(list.length > 0 || name === "agentCommerce", `${name} has recorded signatures`);
      for (const s of list) {
        const positions = (await rpcChain.blockPositions([s.slot])).get(s.slot) as Map<string, number>;
        const block = chain.block(s.slot) as { signatures: string[] };
        assert.equal(positions.get(s.signature), block.signatures.indexOf(s.signature));
      }
    }
  });

  it("drops the events and balances of a failed transaction", async () => {
    const payer = Keypair.generate().publicKey;
    const tx = syntheticTransaction({
      signature: signatureOf(1), slot: 5, blockTime: 5, payer, failed: true,
      events: [{ program: "revenueShare", name: "withdrawn", data: { stakePool: payer, owner: payer, amount: 1n } }],
    });
    const fake = await serveFakeRpc({ signatures: () => [], transaction: () => tx, block: () => null, slotOf: () => 5 });
    try {
      const [got] = await new Chain(fake.url).transactions([signatureOf(1)]);
      const r = toRecord(signatureOf(1), got!);
      assert.deepEqual([r.events, r.tokenBalances], [[], []]);
      assert.ok(r.err);
    } finally {
      await fake.close();
    }
  });

  it("writes event data as JSON with exact integers and base58 keys", () => {
    const key = PROGRAM_IDS.bondingCurve;
    assert.equal(eventJson({ a: 2n ** 100n, k: key, s: "x", n: 3, b: true, v: [1, 2], e: { bridged: { srcEid: 1 } } }),
      `{"a":"${2n ** 100n}","k":"${key.toBase58()}","s":"x","n":3,"b":true,"v":[1,2],"e":{"bridged":{"srcEid":1}}}`);
  });

  it("orders events by slot, position in the block and index; an unknown position after the slot's known ones", () => {
    const [a, b] = [signatureOf(1), signatureOf(2)].sort((x, y) => Buffer.compare(decodeBase58(x), decodeBase58(y)));
    const sorted = [
      ordKey(9, 5, a, 0), ordKey(10, 0, a, 3), ordKey(10, 2, a, 0), ordKey(10, 2, a, 1), ordKey(10, 11, a, 0), ordKey(10, null, a, 0),
      ordKey(10, null, a, 1), ordKey(10, null, b, 0), ordKey(100, 0, b, 0),
    ];
    assert.deepEqual([...sorted].sort(), sorted);
  });

  it("names every revenue source fee-aggregator credits, commerce (jobs for other agents) included", () => {
    const job = Keypair.generate().publicKey;
    assert.deepEqual(sourceOf({ local: {} }), { source: "trading", eid: 0 });
    assert.deepEqual(sourceOf({ direct: {} }), { source: "direct", eid: 0 });
    assert.deepEqual(sourceOf({ bridged: { srcEid: 30184, transferId: 7n } }), { source: "bridged", eid: 30184 });
    assert.deepEqual(sourceOf({ commerce: { job } }), { source: "commerce", eid: 0 });
    assert.throws(() => sourceOf({ unheard: {} }), /unknown revenue source/);
  });

  it("reads and writes base58", () => {
    for (const bytes of [new Uint8Array(32), Uint8Array.from([0, 0, 1, 2, 255]), Keypair.generate().publicKey.toBytes(), new Uint8Array(64).fill(255)]) {
      assert.deepEqual(decodeBase58(encodeBase58(bytes)), bytes);
    }
    for (let n = 0; n < 200; n++) {
      const key = Keypair.generate().publicKey;
      assert.equal(encodeBase58(key.toBytes()), key.toBase58());
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i < n % 4 ? 0 : (i * 97 + n * 31) & 0xff));
      assert.deepEqual(decodeBase58(encodeBase58(bytes)), bytes);
    }
    const key = Keypair.generate().publicKey;
    assert.ok(isBase58Of(key.toBase58(), 32));
    assert.ok(!isBase58Of(key.toBase58(), 64));
    assert.ok(!isBase58Of("0OIl", 32));
    assert.ok(isBase58Of(signatureOf(7), 64));
  });
});
