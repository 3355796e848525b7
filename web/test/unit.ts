/**
 * The web app's logic without a browser: formatting, the agent list's cells (agents with and
 * without a Solana pool), the trade preview (against the SDK's curve math and an independent
 * constant-product computation), the bonding-curve points, error sentences, routing, and
 * the Wallet Standard signer adapter.
 */
import assert from "node:assert/strict";

import { AgentpadError, NATIVE_MINT, type PoolState, STANDARD_PRESET, clientError, marketOf, math, minimumOut } from "@agentpad/sdk";
import { Keypair, PublicKey, SystemProgram, TransactionMessage, VersionedTransaction } from "@solana/web3.js";
import type { Wallet, WalletAccount } from "@wallet-standard/base";

import { type AgentSummary, ApiError, isListed } from "../src/api.js";
import { curveShape } from "../src/curve.js";
import { InputError, describeError } from "../src/errors.js";
import {
  chartScale, formatBps, formatPrice, formatUnits, groupDigits, perTokens, pricePrecision, shiftDecimal, shortKey, truncateFraction,
} from "../src/format.js";
import { sortHash } from "../src/pages/list.js";
import { parseSlippage, preview } from "../src/quote.js";
import { parseRoute } from "../src/router.js";
import { NONE, agentCells, tokenLabel } from "../src/summary.js";
import { accountSigner, chainOf } from "../src/wallet.js";

const SOL = 1_000_000_000n;
const P = STANDARD_PRESET;

/** A pool on the standard preset (one segment), fresh unless reserves are given. */
function standardPool(over: Partial<PoolState> = {}): PoolState {
  return {
    address: PublicKey.default, baseMint: Keypair.generate().publicKey, quoteMint: NATIVE_MINT, baseVault: PublicKey.default,
    quoteVault: PublicKey.default, quoteTokenProgram: PublicKey.default, preset: PublicKey.default, creatorFeeAuthority: PublicKey.default,
    params: {
      virtualQuoteReserve: P.virtualQuoteReserve, virtualBaseReserve: P.virtualBaseReserve, curveSupply: P.curveSupply,
      graduatedSupply: P.graduatedSupply, graduationThreshold: P.graduationThreshold, feeDecaySeconds: P.feeDecaySeconds,
      baseFeeBps: P.baseFeeBps, startFeeBps: P.startFeeBps, protocolFeeShareBps: P.protocolFeeShareBps,
      creatorFeeShareBps: P.creatorFeeShareBps, agentFeeShareBps: P.agentFeeShareBps, curveKind: 0, extraSegments: 0,
    },
    segments: [], quoteReserve: 0n, baseReserve: P.curveSupply, protocolFees: 0n, creatorFees: 0n, agentFees: 0n,
    totalProtocolFees: 0n, totalCreatorFees: 0n, totalAgentFees: 0n, launchTimestamp: 0n, graduationTimestamp: 0n, createdSlot: 0n,
    phase: "curve", baseDecimals: 6, quoteDecimals: 9, ...over,
  };
}

/** The pool after a fee-free buy of `quoteIn` on a fresh one. */
function poolAfterBuy(quoteIn: bigint): PoolState {
  const p = standardPool();
  const t = math.buyExactIn(marketOf(p), quoteIn, 0);
  return { ...p, quoteReserve: t.quoteReserveAfter, baseReserve: t.baseReserveAfter, phase: t.phaseAfter };
}

describe("web: formatting", () => {
  it("groups digits and truncates fractions without rounding up", () => {
    assert.equal(groupDigits("1234567.891"), "1,234,567.891");
    assert.equal(groupDigits("-1000"), "-1,000");
    assert.equal(truncateFraction("1.999999", 2), "1.99");
    assert.equal(truncateFraction("5.000", 2), "5");
    assert.equal(formatUnits(1_234_567_891_000n, 9), "1,234.567891");
    assert.equal(formatUnits("999999", 6, 2), "0.99");
  });

  it("cuts prices to significant digits and percentages to hundredths exactly", () => {
    assert.equal(formatPrice("0.0000000280123456"), "0.000000028012");
    assert.equal(formatPrice("1234.56789"), "1,234.5");
    assert.equal(formatPrice("0"), "0");
    assert.equal(formatBps(1234), "12.34%");
    assert.equal(formatBps(5n), "0.05%");
    assert.equal(formatBps(10_000), "100.00%");
    assert.equal(shortKey("7cA5XsdHrQuJqk9sMsMVwWsiNkuV6Dh6UgFuDR167PdU"), "7cA5Xs…67PdU");
  });

  it("shifts decimal strings exactly and charts tiny prices per many tokens", () => {
    assert.equal(shiftDecimal("0.0000000899", 6), "0.0899");
    assert.equal(shiftDecimal("0.000000089945", 9), "89.945");
    assert.equal(shiftDecimal("12.5", 3), "12500");
    assert.equal(shiftDecimal("10.25", 0), "10.25");
    assert.equal(shiftDecimal("0", 6), "0");
    assert.equal(chartScale(["0.000000097105", "0.00000003145"]), 6);
    assert.equal(chartScale(["1.5", "0.002"]), 0);
    assert.equal(chartScale(["0"]), 0);
    assert.equal(perTokens(6, "ATLS"), "per 1M ATLS");
    assert.equal(perTokens(0, "ATLS"), "per ATLS");
  });

  it("gives the price axis enough decimals for four significant digits", () => {
    assert.equal(pricePrecision(["0.000000028012", "0.0000003"]), 11);
    assert.equal(pricePrecision(["12.5"]), 2);
    assert.equal(pricePrecision(["0.00000000000000001"]), 15);
  });
});

describe("web: agent list cells", () => {
  const SOL_MINT = NATIVE_MINT.toBase58();
  // Two agents as GET /api/agents answered on a validator the TS suite had run on.
  const launched: AgentSummary = {
    mint: "4CxK6UWK3GCajWXYS1b3MjLmMmCuZHvTzmRo7uC6zZPK", name: "Atlas Research", symbol: "ATLS", uri: "https://agentpad.example/atls.json",
    creator: "DZmxSWvd8pH2P9y4EAaxCy77u2XTaWsDUKrLLjkLsA9h", pool: "34AkdMYLyozKAoG8gRggh2TYTrVsLEK48VcSPUWKYeAF", quoteMint: SOL_MINT,
    quoteDecimals: 9, baseDecimals: 6, phase: "curve", createdAt: 1796668510, totalSupply: "1000000000000000", priceQ64: "1628811321692530",
    price: "0.000000088298", marketCap: "88.298038677401", progressBps: 2742, quoteReserve: "23313355411", baseReserve: "323888670842185",
    volume24h: "47761817956", trades: 21, revenue: "3335402467",
    revenueByMint: [{ rewardMint: "51xU5rWo1WaSU2jRMhYHgz72ND6w8En3hH3BtXtzBC1x", amount: "2500000000" }, { rewardMint: SOL_MINT, amount: "3335402467" }],
    originEid: null, stakers: 3, holders: 7, commitment: "finalized",
  };
  // Registered from Base, its Solana pool not opened: every pool and market field null.
  const unlisted: AgentSummary = {
    mint: "5wBGo9TDQckA1g8Z831f6NonXzcsosYjaxFkQe19pVMq", name: null, symbol: null, uri: null, creator: "H2kNi6ffSGRUCcLqq5dY3juy3HCKirnEkcV3q3MCaz9e",
    pool: null, quoteMint: null, quoteDecimals: null, baseDecimals: 6, phase: null, createdAt: 1796668368, totalSupply: null, priceQ64: null,
    price: null, marketCap: null, progressBps: null, quoteReserve: null, baseReserve: null, volume24h: "0", trades: 0, revenue: "0",
    originEid: 30184, stakers: 0, holders: 0, commitment: "finalized",
  };

  it("a launched agent: name, symbol, price, market cap and volume in its quote mint, progress, revenue per reward mint", () => {
    assert.ok(isListed(launched));
    assert.deepEqual(agentCells(launched, new Map([["51xU5rWo1WaSU2jRMhYHgz72ND6w8En3hH3BtXtzBC1x", 9]])), {
      name: "Atlas Research", symbol: "ATLS", price: "0.000000088298 SOL", marketCap: "88.298 SOL", progressBps: 2742,
      volume24h: { units: "47761817956", text: "47.761 SOL" },
      revenue: [{ units: "2500000000", text: "2.5 51xU…" }, { units: "3335402467", text: "3.3354 SOL" }],
    });
    // A reward mint whose decimals could not be read: its base units.
    assert.deepEqual(agentCells(launched).revenue[0], { units: "2500000000", text: "2500000000 units of 51xU…" });
    assert.equal(tokenLabel(launched), "ATLS");
  });

  it("a bridged agent without a Solana pool: its shortened mint for a name, no symbol, no market, no progress bar", () => {
    assert.equal(isListed(unlisted), false);
    assert.deepEqual(agentCells(unlisted), {
      name: "5wBGo9…9pVMq", symbol: null, price: NONE, marketCap: NONE, progressBps: null, volume24h: null, revenue: [{ units: "0", text: "0" }],
    });
    assert.equal(tokenLabel(unlisted), "5wBG…");
    // Revenue bridged in before the pool opens comes per reward mint (the indexer names it: there is no quote mint).
    const credited = { ...unlisted, revenue: "700000000", revenueByMint: [{ rewardMint: SOL_MINT, amount: "700000000" }] };
    assert.deepEqual(agentCells(credited, new Map([[SOL_MINT, 9]])).revenue, [{ units: "700000000", text: "0.7 SOL" }]);
    assert.deepEqual(agentCells(credited).revenue, [{ units: "700000000", text: "700000000 units of SOL" }]);
  });

  it("a bridged agent once its pool opens: priced and listed, still no name, symbol or market cap (its supply lives on its origin chain)", () => {
    const opened: AgentSummary = {
      ...unlisted, pool: "34AkdMYLyozKAoG8gRggh2TYTrVsLEK48VcSPUWKYeAF", quoteMint: SOL_MINT, quoteDecimals: 9, phase: "graduated",
      priceQ64: "4611686018427387904", price: "0.25", progressBps: 10_000, quoteReserve: "1000000000", baseReserve: "4000000",
    };
    assert.ok(isListed(opened));
    const cells = agentCells(opened);
    assert.deepEqual([cells.name, cells.symbol, cells.price, cells.marketCap, cells.progressBps, cells.volume24h],
      ["5wBGo9…9pVMq", null, "0.25 SOL", NONE, 10_000, { units: "0", text: "0 SOL" }]);
  });
});

describe("web: trade preview", () => {
  it("reads slippage as a percentage in bps and refuses the rest in words", () => {
    assert.equal(parseSlippage("1"), 100);
    assert.equal(parseSlippage("0.5"), 50);
    assert.equal(parseSlippage(" 0.05 % "), 5);
    assert.equal(parseSlippage("50"), 5_000);
    for (const bad of ["", "abc", "0", "50.01", "1.234", "-1"]) assert.throws(() => parseSlippage(bad), InputError, bad);
  });

  it("a buy on a fresh curve: the constant-product amounts, fee, impact and the minimum sent", () => {
    const pool = standardPool();
    const quoteIn = SOL;
    const trade = math.buyExactIn(marketOf(pool), quoteIn, 100);
    const p = preview(pool, trade, 100);
    // Independently: the fee comes out of the amount (net = in × 10000 / 10100), base out = y·net / (x + net).
    const net = (quoteIn * 10_000n) / 10_100n;
    const out = (P.virtualBaseReserve * net) / (P.virtualQuoteReserve + net);
    assert.equal(trade.baseAmount, out);
    assert.equal(trade.fee, quoteIn - net);
    assert.equal(p.spotQ64, (P.virtualQuoteReserve << 64n) / P.virtualBaseReserve);
    assert.equal(p.averageQ64, (net << 64n) / out);
    assert.equal(p.afterQ64, ((P.virtualQuoteReserve + net) << 64n) / (P.virtualBaseReserve - out));
    assert.ok(p.averageQ64 > p.spotQ64 && p.afterQ64 > p.averageQ64, "a buy's average price lies between the price before and after");
    assert.equal(p.impactBps, ((p.averageQ64 - p.spotQ64) * 10_000n) / p.spotQ64);
    assert.equal(p.minReceived, (out * 9_900n) / 10_000n);
    assert.equal(preview(pool, trade, 1).minReceived, (out * 9_999n) / 10_000n);
  });

  it("a sell: the minimum is in quote, the impact against the price now", () => {
    const pool = poolAfterBuy(10n * SOL);
    const trade = math.sellExactIn(marketOf(pool), 1_000_000_000_000n, 100);
    const p = preview(pool, trade, 250);
    assert.equal(p.minReceived, minimumOut(trade.quoteAmount, 250));
    assert.equal(p.minReceived, (trade.quoteAmount * 9_750n) / 10_000n);
    assert.ok(p.averageQ64 < p.spotQ64 && p.afterQ64 < p.spotQ64, "a sell lowers the price");
    assert.equal(p.impactBps, ((p.spotQ64 - p.averageQ64) * 10_000n) / p.spotQ64);
  });
});

describe("web: bonding curve points", () => {
  it("rises from the start price to the graduation mark, where the threshold is reached", () => {
    const pool = standardPool();
    const shape = curveShape(pool, 50);
    assert.ok(shape);
    const { points, graduation, current } = shape;
    assert.equal(points.length, 51);
    assert.deepEqual(points[0], { sold: 0n, priceQ64: (P.virtualQuoteReserve << 64n) / P.virtualBaseReserve });
    for (let i = 1; i < points.length; i++) {
      assert.ok(points[i].sold > points[i - 1].sold && points[i].priceQ64 > points[i - 1].priceQ64, `point ${i} rises`);
    }
    // Graduation: the reserve reaches the threshold; sold = y·T / (x + T).
    const sold = (P.virtualBaseReserve * P.graduationThreshold) / (P.virtualQuoteReserve + P.graduationThreshold);
    assert.deepEqual(graduation, {
      sold, priceQ64: ((P.virtualQuoteReserve + P.graduationThreshold) << 64n) / (P.virtualBaseReserve - sold),
    });
    assert.deepEqual(points.at(-1), graduation);
    assert.deepEqual(current, points[0]);
  });

  it("marks the pool where it is: its price at what it has sold", () => {
    const pool = poolAfterBuy(20n * SOL);
    const shape = curveShape(pool)!;
    assert.equal(shape.current.sold, P.curveSupply - pool.baseReserve);
    assert.equal(shape.current.priceQ64, math.marketPriceQ64(marketOf(pool)));
    assert.ok(shape.current.sold > 0n && shape.current.sold < shape.graduation.sold);
    const graduated = { ...pool, phase: "graduated" as const, quoteReserve: 90n * SOL, baseReserve: 300_000_000_000_000n };
    const g = curveShape(graduated)!;
    assert.equal(g.current.sold, g.graduation.sold);
    assert.equal(g.current.priceQ64, ((90n * SOL) << 64n) / 300_000_000_000_000n);
  });

  it("has no curve for a pool opened graduated (no threshold)", () => {
    const pool = standardPool();
    assert.equal(curveShape({ ...pool, params: { ...pool.params, graduationThreshold: 0n } }), null);
  });
});

describe("web: errors in words", () => {
  it("names program errors in sentences and falls back to the SDK's message", () => {
    assert.match(describeError(new AgentpadError("SlippageExceeded", "Slippage limit exceeded", "bondingCurve", 6026)), /^The price moved beyond your slippage limit/);
    assert.equal(describeError(clientError("InsufficientBalance", "selling 5 base units but the wallet holds 2")),
      "Selling 5 base units but the wallet holds 2.");
    assert.equal(describeError(new ApiError("bad interval \"2m\"", 400)), "The indexer: bad interval \"2m\".");
    assert.equal(describeError(Object.assign(new Error("User rejected the request."), { code: 4001 })), "The wallet declined to sign.");
    assert.equal(describeError(new Error("first line\n    at stack (file.ts:1:1)")), "First line.");
    assert.equal(describeError(new InputError("the amount must be more than zero")), "The amount must be more than zero.");
  });
});

describe("web: routes", () => {
  it("parses the hash routes and refuses what is not one", () => {
    const mint = Keypair.generate().publicKey.toBase58();
    assert.deepEqual(parseRoute(""), { page: "list", sort: "marketCap", order: "desc" });
    assert.deepEqual(parseRoute("#/?sort=volume24h&order=asc"), { page: "list", sort: "volume24h", order: "asc" });
    assert.deepEqual(parseRoute("#/?sort=bogus"), { page: "list", sort: "marketCap", order: "desc" });
    assert.deepEqual(parseRoute(`#/agent/${mint}`), { page: "agent", mint });
    assert.deepEqual(parseRoute("#/launch"), { page: "launch" });
    assert.deepEqual(parseRoute("#/agent/not-a-key!"), { page: "unknown", path: "/agent/not-a-key!" });
    assert.equal(sortHash({ sort: "price", order: "desc" }, "price"), "#/?sort=price&order=asc");
    assert.equal(sortHash({ sort: "price", order: "asc" }, "revenue"), "#/?sort=revenue&order=desc");
  });
});

describe("web: Wallet Standard signer", () => {
  const key = Keypair.generate();
  const account: WalletAccount = {
    address: key.publicKey.toBase58(), publicKey: key.publicKey.toBytes(), chains: ["solana:localnet"], features: ["solana:signTransaction"],
  };
  const tx = () => new VersionedTransaction(new TransactionMessage({
    payerKey: key.publicKey, recentBlockhash: PublicKey.default.toBase58(),
    instructions: [SystemProgram.transfer({ fromPubkey: key.publicKey, toPubkey: PublicKey.default, lamports: 1 })],
  }).compileToV0Message());
  /** A wallet that signs serialized transactions with `key`, recording what it was asked. */
  function fakeWallet(asked: { chain?: string }[], refuse = false): Wallet {
    return {
      version: "1.0.0", name: "Fake", icon: "data:image/svg+xml;base64,", chains: ["solana:localnet"], accounts: [account],
      features: {
        "solana:signTransaction": {
          version: "1.0.0", supportedTransactionVersions: [0],
          async signTransaction(...inputs: { transaction: Uint8Array; chain?: string }[]) {
            if (refuse) throw Object.assign(new Error("User rejected the request."), { code: 4001 });
            return inputs.map((i) => {
              asked.push({ chain: i.chain });
              const t = VersionedTransaction.deserialize(i.transaction);
              t.sign([key]);
              return { signedTransaction: t.serialize() };
            });
          },
        },
      },
    } as unknown as Wallet;
  }

  it("signs the SDK's VersionedTransaction through the wallet's bytes, on the cluster's chain", async () => {
    const asked: { chain?: string }[] = [];
    const signer = accountSigner(fakeWallet(asked), account, chainOf("http://127.0.0.1:8899"));
    assert.ok(signer.publicKey.equals(key.publicKey));
    const signed = await signer.signTransaction(tx());
    const direct = tx();
    direct.sign([key]);
    assert.deepEqual(signed.signatures[0], direct.signatures[0], "the wallet's signature is the key's (ed25519 is deterministic)");
    assert.deepEqual(asked, [{ chain: "solana:localnet" }]);
  });

  it("passes a refusal on, which reads as the wallet declining", async () => {
    const signer = accountSigner(fakeWallet([], true), account, undefined);
    await assert.rejects(signer.signTransaction(tx()), (e) => describeError(e) === "The wallet declined to sign.");
  });

  it("names the chain of known clusters only", () => {
    assert.equal(chainOf("https://api.devnet.solana.com"), "solana:devnet");
    assert.equal(chainOf("https://api.mainnet-beta.solana.com"), "solana:mainnet");
    assert.equal(chainOf("http://localhost:18899"), "solana:localnet");
    assert.equal(chainOf("https://rpc.example.com"), undefined);
  });
});
