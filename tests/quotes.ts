// Off-chain quotes against the Rust math crate's own results: the vectors come from
// `cargo run -p agentpad-math --example vectors`, which runs the code the programs run.
// Every case must match to the unit, errors included.
import { strict as assert } from "node:assert";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";

import {
  MathError, buyExactIn, buyExactOut, claimable, feeBpsAt, feeOn, graduate, marketPriceQ64, progressBps, sellExactIn,
  sharedToLocal, splitGross, splitRevenue, type Market, type Trade,
} from "../app/src/math/index.js";

type Json = Record<string, any>;

function loadVectors(): Json {
  // AGENTPAD_VECTORS points at a pre-generated file (e.g. where no Rust toolchain is at hand).
  const file = process.env.AGENTPAD_VECTORS;
  if (file && existsSync(file)) return JSON.parse(readFileSync(file, "utf8"));
  const out = execFileSync("cargo", ["run", "-q", "--locked", "-p", "agentpad-math", "--example", "vectors"], {
    cwd: new URL("..", import.meta.url).pathname, maxBuffer: 64 << 20, encoding: "utf8",
  });
  return JSON.parse(out);
}

const B = (s: string) => BigInt(s);
const market = (m: Json): Market => ({
  segments: m.segments.map((g: Json) => ({
    baseStart: B(g.baseStart), quoteStart: B(g.quoteStart), virtualQuoteReserve: B(g.virtualQuoteReserve), virtualBaseReserve: B(g.virtualBaseReserve),
  })),
  params: {
    virtualQuoteReserve: B(m.virtualQuoteReserve), virtualBaseReserve: B(m.virtualBaseReserve), curveSupply: B(m.curveSupply),
    graduatedSupply: B(m.graduatedSupply), graduationThreshold: B(m.graduationThreshold),
  },
  split: { protocolBps: m.protocolFeeShareBps, creatorBps: m.creatorFeeShareBps, agentBps: m.agentFeeShareBps },
  phase: m.phase,
  quoteReserve: B(m.quoteReserve),
  baseReserve: B(m.baseReserve),
});

/** Runs `f` and renders its result the way the vectors do: `{ok: ...}` or `{err: kind}`. */
function outcome<T>(f: () => T, render: (v: T) => unknown): unknown {
  try {
    return { ok: render(f()) };
  } catch (e) {
    if (e instanceof MathError) return { err: e.kind };
    throw e;
  }
}

const str = (v: bigint) => v.toString();
const trade = (t: Trade) => ({
  baseAmount: str(t.baseAmount), quoteAmount: str(t.quoteAmount), reserveQuoteDelta: str(t.reserveQuoteDelta), fee: str(t.fee),
  protocolFee: str(t.feeParts.protocol), creatorFee: str(t.feeParts.creator), agentFee: str(t.feeParts.agent),
  quoteReserveAfter: str(t.quoteReserveAfter), baseReserveAfter: str(t.baseReserveAfter), phaseAfter: t.phaseAfter,
});

describe("off-chain quotes equal the on-chain math (Rust test vectors)", () => {
  const vectors = loadVectors();
  const cases: Json[] = vectors.cases;
  const byOp = (op: string) => cases.filter((c) => c.op === op);

  it("has a few thousand vectors, with edge cases at u64 limits and the graduation boundary", () => {
    assert.equal(cases.length, vectors.count);
    assert.ok(cases.length >= 3_000, `only ${cases.length} vectors`);
    const trades = cases.filter((c) => c.op.startsWith("buy") || c.op === "sellExactIn");
    const u64Max = (1n << 64n) - 1n;
    assert.ok(trades.some((c) => B(c.amount) >= u64Max - 2n), "no amount near u64::MAX");
    assert.ok(trades.some((c) => c.result.ok?.phaseAfter === "complete"), "no trade reaching graduation");
    const sixteen = trades.filter((c) => c.market.segments.length === 15);
    assert.ok(sixteen.some((c) => c.op === "buyExactIn" && c.market.quoteReserve === "0" && c.result.ok?.phaseAfter === "complete"), "no buy crossing all 16 segments");
    assert.ok(sixteen.some((c) => c.op === "sellExactIn" && c.result.ok?.baseReserveAfter === c.market.curveSupply), "no sell back across all 16");
    for (const kind of ["CurveComplete", "ZeroOutput", "InsufficientLiquidity", "Overflow", "ZeroAmount"]) {
      assert.ok(trades.some((c) => c.result.err === kind), `no trade failing with ${kind}`);
    }
  });

  for (const [op, f] of [["buyExactIn", buyExactIn], ["buyExactOut", buyExactOut], ["sellExactIn", sellExactIn]] as const) {
    it(`${op}: amounts, fees, fee split, reserves and phase`, () => {
      const list = byOp(op);
      assert.ok(list.length > 500);
      for (const [i, c] of list.entries()) {
        const got = outcome(() => f(market(c.market), B(c.amount), c.feeBps), trade);
        assert.deepEqual(got, c.result, `${op} case ${i}: ${JSON.stringify(c)}`);
      }
    });
  }

  it("market views: price (Q64.64), progress to graduation, graduated reserves", () => {
    for (const c of byOp("market")) {
      const m = market(c.market);
      assert.deepEqual(outcome(() => marketPriceQ64(m), str), c.priceQ64);
      assert.equal(progressBps(m), c.progressBps);
      assert.deepEqual(
        outcome(() => graduate(m), (r) => ({ quoteReserve: str(r.quoteReserve), baseReserve: str(r.baseReserve) })),
        c.graduate,
      );
    }
  });

  it("fee schedule, fee amounts and the gross split", () => {
    for (const c of byOp("fee")) {
      const sched = { baseFeeBps: c.baseFeeBps, startFeeBps: c.startFeeBps, decaySeconds: c.decaySeconds };
      assert.equal(feeBpsAt(sched, B(c.elapsed)), c.feeBpsAt, JSON.stringify(c));
      assert.deepEqual(outcome(() => feeOn(B(c.amount), c.startFeeBps), str), c.feeOn);
      assert.deepEqual(outcome(() => splitGross(B(c.amount), c.startFeeBps), (r) => ({ net: str(r.net), fee: str(r.fee) })), c.splitGross);
    }
  });

  it("revenue split and bridged shared-decimal amounts", () => {
    for (const c of byOp("revenue")) {
      const split = { holdersBps: c.holdersBps, creatorBps: c.creatorBps, protocolBps: c.protocolBps };
      assert.deepEqual(
        outcome(() => splitRevenue(split, B(c.amount)), (p) => ({ holders: str(p.holders), creator: str(p.creator), protocol: str(p.protocol) })),
        c.split,
      );
      assert.deepEqual(outcome(() => sharedToLocal(B(c.sharedAmount), c.localDecimals), str), c.sharedToLocal);
    }
  });

  it("claimable rewards of a position", () => {
    const list = byOp("claimable");
    assert.ok(list.some((c) => c.claimable.ok && c.claimable.ok !== "0"));
    for (const c of list) {
      const s = c.stream;
      const stream = { accX64: B(s.accX64), rateX64: B(s.rateX64), dustX64: B(s.dustX64), periodFinish: B(s.periodFinish), lastUpdate: B(s.lastUpdate) };
      const got = outcome(() => claimable(stream, { checkpointX64: B(c.checkpointX64), owedX64: B(c.owedX64) }, B(c.staked), B(c.totalStaked), B(c.now)), str);
      assert.deepEqual(got, c.claimable, JSON.stringify(c));
    }
  });
});
