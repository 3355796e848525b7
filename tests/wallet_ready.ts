// The SDK for wallets it does not hold the key of: role services build unsigned v0
// transactions sized by simulation (and priced from recent fees when asked), any
// `TransactionSigner` signs them, and events come back with bigint amounts.
import { strict as assert } from "node:assert";
import {
  ComputeBudgetInstruction, ComputeBudgetProgram, Keypair, type PublicKey, TransactionInstruction, type VersionedTransaction,
} from "@solana/web3.js";

import {
  AgentpadClient, AgentpadError, type Backend, type TransactionSigner, agentTokenAccount, toTransaction,
} from "../app/src/index.js";
import { type Harness, harness } from "./harness/index.js";

const SOL = 1_000_000_000n;

/** The compute-budget settings a transaction carries. */
function budgetOf(tx: VersionedTransaction): { limit?: number; price?: bigint } {
  const keys = tx.message.staticAccountKeys;
  const out: { limit?: number; price?: bigint } = {};
  for (const c of tx.message.compiledInstructions) {
    if (!keys[c.programIdIndex].equals(ComputeBudgetProgram.programId)) continue;
    const ix = new TransactionInstruction({ programId: ComputeBudgetProgram.programId, keys: [], data: Buffer.from(c.data) });
    const kind = ComputeBudgetInstruction.decodeInstructionType(ix);
    if (kind === "SetComputeUnitLimit") out.limit = ComputeBudgetInstruction.decodeSetComputeUnitLimit(ix).units;
    if (kind === "SetComputeUnitPrice") out.price = BigInt(ComputeBudgetInstruction.decodeSetComputeUnitPrice(ix).microLamports);
  }
  return out;
}

/** A wallet as a browser extension is: it signs what it is shown and keeps its key to itself. */
function extensionWallet(key: Keypair): TransactionSigner & { shown: VersionedTransaction[] } {
  const shown: VersionedTransaction[] = [];
  return {
    publicKey: key.publicKey,
    shown,
    async signTransaction(tx) {
      shown.push(tx);
      tx.sign([key]);
      return tx;
    },
  };
}

describe("the SDK with any wallet: unsigned transactions, simulated compute, priority fees", function () {
  let h: Harness;
  let mint: PublicKey;

  before(async () => {
    h = await harness();
    const creator = await h.wallet(50);
    ({ mint } = await creator.launch({
      name: "Wallet Agent", symbol: "WLT", uri: "https://agentpad.example/wlt.json", presetId: h.deployment.presetId,
      lookupTable: h.deployment.lookupTable,
    }));
  });

  it("builds a buy as an unsigned v0 transaction whose compute limit is the simulated use plus 10%", async () => {
    const buyer = await h.wallet(20);
    const action = await buyer.trader.buy(buyer.address, mint, SOL);
    const tx = await toTransaction(h.backend, action, buyer.address);
    assert.equal(tx.version, 0);
    assert.ok(tx.message.staticAccountKeys[0].equals(buyer.address), "the wallet pays");
    assert.ok(tx.signatures.every((s) => s.every((b) => b === 0)), "nobody has signed");
    const sim = await h.backend.simulate(tx);
    assert.equal(sim.err, null);
    const { limit, price } = budgetOf(tx);
    // The limit was simulated with a 1.4M budget; this transaction, with its own limit, uses the
    // same: the limit is the least whole number of units at or above 110% of that. (On a
    // validator the clock moves between the two simulations, and with it the fee tier: the
    // units may differ by a few.)
    assert.ok(limit !== undefined, "a compute-unit limit is set");
    if (h.backend.kind === "litesvm") {
      assert.ok(limit * 10 >= sim.unitsConsumed * 11 && (limit - 1) * 10 < sim.unitsConsumed * 11, `limit ${limit} for ${sim.unitsConsumed} units`);
    } else {
      assert.ok(Math.abs(limit * 10 - sim.unitsConsumed * 11) <= sim.unitsConsumed * 11 / 100, `limit ${limit} for ${sim.unitsConsumed} units`);
    }
    assert.equal(price, undefined, "no priority fee unless asked");
  });

  it("sends through a wallet that only signs, and the trade lands within the bound it was quoted with", async () => {
    const key = Keypair.generate();
    await h.backend.airdrop(key.publicKey, 20n * SOL);
    const wallet = extensionWallet(key);
    const client = new AgentpadClient(h.backend, wallet);
    const sent = await client.buy(mint, 2n * SOL, { slippageBps: 50 });
    assert.equal(wallet.shown.length, 1, "the wallet was asked once");
    const trade = sent.events.find((e) => e.name === "tradeExecuted")!.data;
    assert.equal(typeof trade.baseAmount, "bigint", "event amounts are bigint");
    assert.equal(typeof trade.priceQ64, "bigint");
    assert.equal(typeof trade.feeBps, "number");
    assert.equal(await client.balance(agentTokenAccount(key.publicKey, mint)), trade.baseAmount);
    assert.equal(trade.quoteAmount, 2n * SOL);
    // On a validator the launch fee decays between quote and execution (LiteSVM's clock stands
    // still): the trade gets at least the quote, never less than the bound sent.
    assert.ok(trade.baseAmount >= sent.quote.baseAmount && sent.quote.baseAmount >= sent.limit, `${trade.baseAmount} ≥ ${sent.quote.baseAmount} ≥ ${sent.limit}`);
  });

  it("signs a launch with the generated mint key before the wallet sees it", async () => {
    const creator = await h.wallet(20);
    const action = await creator.creator.launch(creator.address, {
      name: "Co-signed", symbol: "COS", uri: "https://agentpad.example/cos.json", presetId: h.deployment.presetId, lookupTable: h.deployment.lookupTable,
    });
    const tx = await toTransaction(h.backend, action, creator.address);
    const signers = tx.message.staticAccountKeys.slice(0, tx.message.header.numRequiredSignatures);
    const mintAt = signers.findIndex((k) => k.equals(action.result.mint));
    assert.ok(mintAt > 0, "the mint signs");
    assert.ok(tx.signatures[mintAt].some((b) => b !== 0), "the mint's signature is in");
    assert.ok(tx.signatures[0].every((b) => b === 0), "the wallet's is not");
  });

  it("prices compute from recent fees on the written accounts when asked (75th percentile)", async () => {
    let asked: PublicKey[] = [];
    const fees = [0, 10, 20, 30, 40, 50, 60, 70];
    const market: Backend = Object.assign(Object.create(Object.getPrototypeOf(h.backend)), h.backend, {
      recentPrioritizationFees: async (accounts: PublicKey[]) => { asked = accounts; return fees; },
    });
    const buyer = await h.wallet(20);
    const action = await buyer.trader.buy(buyer.address, mint, SOL);
    const tx = await toTransaction(market, action, buyer.address, { priorityFee: "auto" });
    assert.equal(budgetOf(tx).price, 60n);
    const pool = await buyer.pool(mint);
    assert.ok(asked.some((k) => k.equals(pool.address)), "asked about the pool the trade writes");
    assert.equal(budgetOf(await toTransaction(market, action, buyer.address, { priorityFee: 1_234 })).price, 1_234n);
    await assert.rejects(toTransaction(market, action, buyer.address, { priorityFee: -1 }), (e: unknown) =>
      e instanceof AgentpadError && e.code === "InvalidPriorityFee");
  });

  it("refuses at simulation with the program's named error: the wallet is never asked", async () => {
    const key = Keypair.generate();
    await h.backend.airdrop(key.publicKey, 20n * SOL);
    const wallet = extensionWallet(key);
    const client = new AgentpadClient(h.backend, wallet);
    await client.buy(mint, SOL);
    const action = await client.trader.sell(client.address, mint, 1_000_000n);
    // The service refuses a limit the quote cannot meet; raised after its check, the program refuses it.
    action.instructions[action.instructions.length - 1].data.writeBigUInt64LE(10n ** 18n, 16);
    await assert.rejects(client.submit(action), (e: unknown) => e instanceof AgentpadError && e.code === "SlippageExceeded" && e.program === "bondingCurve");
    assert.equal(wallet.shown.length, 1, "only the first buy was shown to the wallet");
  });
});
