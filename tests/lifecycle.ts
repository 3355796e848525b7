// The agent lifecycle through the SDK, on whichever backend the harness gives (LiteSVM with
// the sBPF .so files here; the validator under `anchor test`): deploy, launch, trade to
// graduation and beyond, revenue from every source, pro-rata distribution, unstaking.
// Every on-chain result is checked against the off-chain math to the unit.
import { strict as assert } from "node:assert";
import { ExtensionType, getExtensionData, unpackMint } from "@solana/spl-token";
import { unpack as unpackMetadata } from "@solana/spl-token-metadata";
import { Keypair, type PublicKey } from "@solana/web3.js";

import {
  NATIVE_MINT, STANDARD_STAKING, TOKEN_2022_PROGRAM_ID, TOKEN_PROGRAM_ID, agentTokenAccount, ata, deployProtocol,
  encodeFeeReport, encodeValueTransfer, executeLzCompose, executeLzReceive, feeAggregatorPda, feeScheduleOf, fetchStakePool, fetchVault,
  instructions as ix, marketOf, math, peerBytes, type AgentpadClient, type PoolState, type Sent,
} from "../app/src/index.js";
import { lzEndpointMock } from "../app/src/testing.js";
import { type Harness, type TestWallet, event, expectError, harness, snapshot } from "./harness/index.js";

const SOL = 1_000_000_000n;
const TOKEN = 1_000_000n;
const BASE_EID = 30184;

const big = (v: { toString(): string }) => BigInt(v.toString());

/** The trade the program executed equals the off-chain math on the pool before it, at the event's time. */
function assertTradeMatchesMath(before: PoolState, sent: Sent, run: (m: math.Market, feeBps: number) => math.Trade) {
  const e = event(sent, "tradeExecuted");
  const feeBps = math.feeBpsAt(feeScheduleOf(before), big(e.timestamp) - before.launchTimestamp);
  const t = run(marketOf(before), feeBps);
  assert.deepEqual(
    {
      base: big(e.baseAmount), quote: big(e.quoteAmount), fee: big(e.fee), feeBps: e.feeBps, protocol: big(e.protocolFee),
      creator: big(e.creatorFee), agent: big(e.agentFee), quoteReserve: big(e.quoteReserve), baseReserve: big(e.baseReserve),
    },
    {
      base: t.baseAmount, quote: t.quoteAmount, fee: t.fee, feeBps, protocol: t.feeParts.protocol, creator: t.feeParts.creator,
      agent: t.feeParts.agent, quoteReserve: t.quoteReserveAfter, baseReserve: t.baseReserveAfter,
    },
  );
  return t;
}

describe("agent lifecycle through the SDK", function () {
  let h: Harness;
  let creator: AgentpadClient;
  let trader: AgentpadClient;
  let alice: AgentpadClient;
  let bob: TestWallet;
  let mint: PublicKey;

  before(async () => {
    h = await harness();
    [creator, trader, alice, bob] = await Promise.all([h.wallet(50), h.wallet(500), h.wallet(50), h.wallet(50)]);
  });

  it("deploys idempotently: a second run sends nothing", async () => {
    const again = await deployProtocol(h.admin, { lookupTable: h.deployment.lookupTable });
    assert.deepEqual(again.performed, []);
    assert.ok(again.lookupTable.equals(h.deployment.lookupTable));
  });

  it("launches an agent in one transaction: fixed-supply Token-2022 mint with metadata, no authorities, pool, vault, stake pool, first buy", async () => {
    const sent = await creator.launch({
      name: "Agent Smith", symbol: "SMITH", uri: "https://agentpad.example/agents/smith.json", presetId: h.deployment.presetId,
      lookupTable: h.deployment.lookupTable, firstBuy: 1n * SOL,
    });
    mint = sent.mint;
    assert.ok(sent.size <= 1232, `launch transaction is ${sent.size} bytes`);
    for (const name of ["agentLaunched", "poolCreated", "vaultCreated", "stakePoolCreated", "rewardMintAdded", "tradeExecuted"]) {
      assert.ok(sent.events.some((e) => e.name === name), `no ${name} event`);
    }
    const info = await h.backend.getAccountInfo(mint);
    assert.ok(info?.owner.equals(TOKEN_2022_PROGRAM_ID));
    const m = unpackMint(mint, info, TOKEN_2022_PROGRAM_ID);
    assert.equal(m.mintAuthority, null);
    assert.equal(m.freezeAuthority, null);
    assert.equal(m.decimals, 6);
    const pool = await creator.pool(mint);
    assert.equal(m.supply, pool.params.curveSupply + pool.params.graduatedSupply);
    const metadata = unpackMetadata(getExtensionData(ExtensionType.TokenMetadata, m.tlvData)!);
    assert.deepEqual([metadata.name, metadata.symbol, metadata.uri], ["Agent Smith", "SMITH", "https://agentpad.example/agents/smith.json"]);
    const bought = big(event(sent, "tradeExecuted").baseAmount);
    assert.equal(await creator.balance(agentTokenAccount(creator.address, mint)), bought);
    const agent = await creator.agent(mint);
    assert.ok(agent.creator.equals(creator.address));
  });

  it("executes buys and sells exactly as quoted off-chain, and the pool's books balance", async () => {
    const runs: [string, () => Promise<Sent>, (m: math.Market, fee: number) => math.Trade][] = [
      ["buy exact in", () => trader.buy(mint, 3n * SOL), (m, f) => math.buyExactIn(m, 3n * SOL, f)],
      ["buy exact out", () => trader.buyExactOut(mint, 20_000_000n * TOKEN), (m, f) => math.buyExactOut(m, 20_000_000n * TOKEN, f)],
      ["sell exact in", () => trader.sell(mint, 7_654_321n * TOKEN), (m, f) => math.sellExactIn(m, 7_654_321n * TOKEN, f)],
    ];
    for (const [label, send, run] of runs) {
      const before = await trader.pool(mint);
      const baseBefore = await trader.balance(agentTokenAccount(trader.address, mint));
      const sent = await send();
      const t = assertTradeMatchesMath(before, sent, run);
      const baseAfter = await trader.balance(agentTokenAccount(trader.address, mint));
      assert.equal(baseAfter - baseBefore, t.side === "buy" ? t.baseAmount : -t.baseAmount, label);
      const pool = await trader.pool(mint);
      const vaultQuote = await trader.balance(pool.quoteVault);
      assert.equal(vaultQuote, pool.quoteReserve + pool.protocolFees + pool.creatorFees + pool.agentFees, `${label}: quote vault books`);
    }
  });

  it("refuses bad input with named errors and leaves every balance untouched", async () => {
    const keys = await trader.keys(mint);
    const watched = [keys.pool, keys.quoteVault, keys.baseVault, agentTokenAccount(trader.address, mint), ata(trader.address, NATIVE_MINT, TOKEN_PROGRAM_ID)];
    const before = await snapshot(h, watched);

    // Caught by the client before anything is sent.
    await expectError(trader.buy(Keypair.generate().publicKey, SOL), "UnknownAgent", "client");
    const held = await trader.balance(agentTokenAccount(trader.address, mint));
    await expectError(trader.sell(mint, held + 1n), "InsufficientBalance", "client");
    await expectError(trader.buy(mint, SOL, { limit: 10n ** 18n }), "SlippageExceeded", "client");
    await expectError(trader.graduate(mint), "ThresholdNotReached", "client");

    // Sent anyway (raw instructions): the programs refuse with the same names.
    const pool = await trader.pool(mint);
    const quote = await trader.quoteBuyExactIn(pool, SOL);
    const swap = { user: trader.address, keys, userBaseAccount: agentTokenAccount(trader.address, mint), userQuoteAccount: ata(trader.address, NATIVE_MINT, TOKEN_PROGRAM_ID) };
    await expectError(trader.send([await ix.bondingCurve.buyExactIn(swap, SOL, quote.baseAmount + 1n)]), "SlippageExceeded", "bondingCurve");
    await expectError(trader.send([await ix.bondingCurve.buyExactIn(swap, 0n, 0n)]), "ZeroAmount", "bondingCurve");
    await expectError(trader.send([await ix.bondingCurve.sellExactIn(swap, held + 1n, 0n)]), "InsufficientFunds", "token2022");
    await expectError(trader.send([await ix.bondingCurve.graduate(keys.pool)]), "ThresholdNotReached", "bondingCurve");
    await expectError(trader.send([await ix.bondingCurve.createPreset(trader.address, 9, NATIVE_MINT, (await trader.pool(mint)).params, STANDARD_STAKING)]), "NotAdmin", "bondingCurve");
    await expectError(trader.send([await ix.feeAggregator.setPeerConfig(trader.address, 1, { peerAddress: new Uint8Array(32).fill(7) })]), "NotAdmin", "feeAggregator");
    const thief = { ...swap, userQuoteAccount: ata(alice.address, NATIVE_MINT, TOKEN_PROGRAM_ID) };
    await expectError(trader.send([await ix.bondingCurve.sellExactIn(thief, TOKEN, 0n)]), "AccountNotInitialized", "bondingCurve");

    assert.deepEqual(await snapshot(h, watched), before);
  });

  it("completes the curve at the threshold, graduates, and keeps trading on the locked pool", async () => {
    const before = await trader.pool(mint);
    const sent = await trader.buy(mint, 100n * SOL);
    const t = assertTradeMatchesMath(before, sent, (m, f) => math.buyExactIn(m, 100n * SOL, f));
    assert.equal(t.phaseAfter, "complete");
    assert.equal(event(sent, "tradeExecuted").completedCurve, true);
    assert.equal(t.quoteReserveAfter, before.params.graduationThreshold, "the crossing buy is cut at the threshold");
    assert.ok(t.quoteAmount < 100n * SOL, "the unused quote stays with the buyer");
    await expectError(trader.buy(mint, SOL), "CurveComplete", "client");

    const complete = await trader.pool(mint);
    const grad = await trader.graduate(mint);
    const g = event(grad, "poolGraduated");
    const opening = math.graduate(marketOf(complete));
    assert.equal(big(g.quoteReserve), opening.quoteReserve);
    assert.equal(big(g.baseReserve), opening.baseReserve);
    const graduated = await trader.pool(mint);
    assert.equal(graduated.phase, "graduated");
    await expectError(trader.graduate(mint), "AlreadyGraduated", "client");

    const sell = await trader.sell(mint, 1_000_000n * TOKEN);
    assertTradeMatchesMath(graduated, sell, (m, f) => math.sellExactIn(m, 1_000_000n * TOKEN, f));
    const k0 = graduated.quoteReserve * graduated.baseReserve;
    const after = await trader.pool(mint);
    assert.ok(after.quoteReserve * after.baseReserve >= k0, "k never decreases");
  });

  it("aggregates every revenue source in one vault with per-chain totals", async () => {
    const pool = await creator.pool(mint);
    const v0 = (await fetchVault(h.backend, mint, NATIVE_MINT))!;

    const swept = await alice.sweep(mint);
    assert.equal(big(event(swept, "revenueCredited").amount), pool.agentFees);
    await alice.deposit(mint, NATIVE_MINT, 4n * SOL + 321n);

    // Base -> Solana through LayerZero: a fee report to the store, and 2.5 VIRTUAL through
    // the OFT whose compose names the agent.
    const router = new Uint8Array(20).fill(0xba);
    const router32 = peerBytes(router);
    await h.admin.setPeer(BASE_EID, router, { maxReportSd: 1_000_000n * TOKEN, maxReportedTotalSd: 1_000_000_000n * TOKEN });
    const virtual = await h.bridgedToken();
    await alice.createVault(mint, virtual.mint);
    await creator.addRewardMint(mint, virtual.mint);
    const stamp = BigInt(Date.now());
    const report = encodeFeeReport({ agentMint: mint, rewardMint: virtual.mint, amountSd: 400_000n, reportId: stamp, sourceEpoch: 7n });
    const guid = Keypair.generate().publicKey.toBytes();
    await bob.send([lzEndpointMock.endpointVerify(bob.address, BASE_EID, router32, stamp, guid, report)]);
    const reported = await executeLzReceive(bob, { srcEid: BASE_EID, sender: router32, nonce: stamp, guid, message: report });
    assert.equal(big(event(reported, "feeReported").amount), 400_000_000n);
    const compose = await h.oftDeliver(virtual, { srcEid: BASE_EID, nonce: stamp + 1n, amountSd: 2_500_000n, composeFrom: router32,
      composeMsg: encodeValueTransfer({ agentMint: mint, transferId: stamp + 1n, sourceEpoch: 7n }) });
    const credited = await executeLzCompose(bob, compose);
    assert.equal(big(event(credited, "revenueCredited").amount), 2_500_000_000n);

    const v = (await fetchVault(h.backend, mint, NATIVE_MINT))!;
    assert.equal(v.totalLocal - v0.totalLocal, pool.agentFees);
    assert.equal(v.totalDirect - v0.totalDirect, 4n * SOL + 321n);
    const vv = (await fetchVault(h.backend, mint, virtual.mint))!;
    const base = vv.chains.find((c) => c.eid === BASE_EID)!;
    assert.deepEqual([vv.totalBridged, base.credited, base.reported, base.reports], [2_500_000_000n, 2_500_000_000n, 400_000_000n, 2n]);
    for (const x of [v, vv]) {
      assert.equal(x.undistributed, x.totalLocal + x.totalDirect + x.totalBridged - x.distributedHolders - x.distributedCreator - x.distributedProtocol);
      assert.equal(await alice.balance(x.tokenAccount), x.undistributed);
    }
  });

  it("distributes revenue to stakers pro rata, exactly", async () => {
    // Alice and Bob buy and stake 1 : 3.
    for (const [who, amount] of [[alice, 1_000_000n * TOKEN], [bob, 3_000_000n * TOKEN]] as const) {
      await who.buyExactOut(mint, amount);
      await who.stake(mint, amount);
    }
    const vault = (await fetchVault(h.backend, mint, NATIVE_MINT))!;
    const policy = (await creator.policy(mint))!;
    const parts = math.splitRevenue(policy.split, vault.undistributed);
    const creatorWsol = ata(creator.address, NATIVE_MINT, TOKEN_PROGRAM_ID);
    const creatorBefore = await creator.balance(creatorWsol);
    const dist = await trader.distribute(mint);
    const d = event(dist, "revenueDistributed");
    assert.deepEqual([big(d.holders), big(d.creator), big(d.protocol)], [parts.holders, parts.creator, parts.protocol]);
    assert.equal(await creator.balance(creatorWsol) - creatorBefore, parts.creator);

    const stakePool = (await fetchStakePool(h.backend, mint))!;
    await h.elapse(BigInt(stakePool.rewardWindow));

    // The window is over: what is claimable no longer changes, so the claims are exact on
    // a live validator too (both in one transaction).
    const expected = await Promise.all([alice, bob].map(async (who) => (await who.claimable(mint))[0].amount));
    const wsol = [alice, bob].map((who) => ata(who.address, NATIVE_MINT, TOKEN_PROGRAM_ID));
    const before = await Promise.all(wsol.map((a) => alice.balance(a)));
    const reward = [{ mint: NATIVE_MINT, tokenProgram: TOKEN_PROGRAM_ID }];
    const sent = await alice.send([
      await ix.revenueShare.claim(alice.address, mint, reward), await ix.revenueShare.claim(bob.address, mint, reward),
    ], [bob.keypair]);
    const claimedBy = (who: AgentpadClient) =>
      big(sent.events.find((e) => e.name === "rewardClaimed" && e.data.owner.equals(who.address))!.data.amount);
    const claims = [claimedBy(alice), claimedBy(bob)];
    for (const i of [0, 1]) {
      assert.equal(claims[i], expected[i], "claimable is exactly what the claim pays");
      assert.equal(await alice.balance(wsol[i]) - before[i], claims[i]);
    }
    const [a, b] = claims;
    assert.ok(a > 0n && b > 0n);
    assert.ok((3n * a > b ? 3n * a - b : b - 3n * a) <= 3n, `1:3 stake, claims ${a} and ${b}`);
    assert.ok(a + b <= parts.holders, "never more than was notified");
    assert.ok(parts.holders - (a + b) <= 2n, `after the window the holders' share is paid out (dust ${parts.holders - a - b})`);
  });

  it("unstakes only after the cooldown", async () => {
    await alice.requestUnstake(mint, 400_000n * TOKEN);
    await expectError(alice.withdraw(mint), "CooldownNotElapsed", "client");
    await expectError(alice.send([await ix.revenueShare.withdraw(alice.address, mint)]), "CooldownNotElapsed", "revenueShare");
    const held = await alice.balance(agentTokenAccount(alice.address, mint));
    await h.elapse(BigInt((await fetchStakePool(h.backend, mint))!.unstakeCooldown));
    await alice.withdraw(mint);
    assert.equal(await alice.balance(agentTokenAccount(alice.address, mint)) - held, 400_000n * TOKEN);
  });

  it("reports an agent's status: price, progress, fee ledger by source, stakers' claimable", async () => {
    const s = await creator.status(mint, [alice.address, bob.address]);
    assert.equal(s.origin, null, "launched on Solana");
    assert.equal(s.market!.pool.phase, "graduated");
    assert.equal(s.market!.progressBps, 10_000);
    assert.ok(Number(s.market!.price) > 0);
    const v = s.vaults.find((x) => x.rewardMint.equals(NATIVE_MINT))!;
    assert.ok(v.totalLocal > 0n && v.totalDirect > 0n, "trading fees and a deposit in the wSOL vault");
    const bridged = s.vaults.find((x) => !x.rewardMint.equals(NATIVE_MINT))!;
    assert.ok(bridged.totalBridged > 0n && bridged.chains.some((c) => c.eid === BASE_EID && c.reported > 0n), "Base's value and reports in the VIRTUAL vault");
    assert.equal(s.stakers.length, 2);
    assert.equal(s.stakers[1].staked, 3_000_000n * TOKEN);
    if (h.backend.findAccounts) {
      // An RPC node can list the stake pool's positions: Bob (3M) before Alice (600k).
      const found = (await creator.findStakers(mint)).map((k) => k.toBase58());
      assert.deepEqual(found, [bob.address.toBase58(), alice.address.toBase58()]);
    }
  });
});
