// The SDK's constants against the programs' own: every seed and bound a program publishes
// in its IDL (`#[constant]`, constants.rs) must equal what app/src/constants.ts and
// app/src/presets.ts use, and every published seed must have its SDK entry. The IDLs are
// checked against the programs themselves by `cargo run -p agentpad-idl -- --check`.
import { strict as assert } from "node:assert";

import { AGENT_TOKEN_DECIMALS, COMMERCE_LIMITS, MAX_CHAINS, MAX_REWARD_MINTS, MAX_UNSTAKE_COOLDOWN, METADATA_LIMITS, SEEDS } from "../app/src/constants.js";
import { IDLS } from "../app/src/idl/index.js";
import { STANDARD_STAKING } from "../app/src/presets.js";

interface IdlConst { name: string; type: unknown; value: string }
const constants = (program: keyof typeof IDLS): Map<string, IdlConst> =>
  new Map(((IDLS[program] as unknown as { constants?: IdlConst[] }).constants ?? []).map((c) => [c.name, c]));
/** An IDL value: bytes print as `[99, 111, ...]`, strings with quotes, numbers bare. */
const seedOf = (c: IdlConst) => Buffer.from(JSON.parse(c.value) as number[]).toString("utf8");
const numberOf = (c: IdlConst | undefined, name: string) => {
  assert.ok(c, `${name} is not in the IDL`);
  return Number(c.value);
};
const upperSnake = (camel: string) => camel.replace(/[A-Z]/g, (ch) => `_${ch}`).toUpperCase();

describe("SDK constants equal the programs' IDL constants", () => {
  for (const program of ["agentFactory", "bondingCurve", "feeAggregator", "revenueShare", "agentCommerce"] as const) {
    it(`${program}: every PDA seed, both ways`, () => {
      const idl = constants(program);
      const published = [...idl.values()].filter((c) => c.type === "bytes").map((c) => c.name).sort();
      const sdk = SEEDS[program] as Record<string, string>;
      assert.deepEqual(Object.keys(sdk).map(upperSnake).sort(), published, "the same seeds");
      for (const [key, seed] of Object.entries(sdk)) assert.equal(seedOf(idl.get(upperSnake(key))!), seed, key);
    });
  }

  it("bounds and the standard staking terms", () => {
    const bc = constants("bondingCurve");
    const af = constants("agentFactory");
    assert.equal(numberOf(bc.get("AGENT_TOKEN_DECIMALS"), "AGENT_TOKEN_DECIMALS"), AGENT_TOKEN_DECIMALS);
    assert.equal(numberOf(bc.get("MAX_UNSTAKE_COOLDOWN"), "MAX_UNSTAKE_COOLDOWN"), MAX_UNSTAKE_COOLDOWN);
    assert.deepEqual(
      ["STANDARD_MIN_UNSTAKE_COOLDOWN", "STANDARD_DEFAULT_UNSTAKE_COOLDOWN", "STANDARD_REWARD_WINDOW"].map((n) => numberOf(bc.get(n), n)),
      [STANDARD_STAKING.minUnstakeCooldown, STANDARD_STAKING.defaultUnstakeCooldown, STANDARD_STAKING.rewardWindow],
    );
    assert.deepEqual(
      ["MAX_NAME_LEN", "MAX_SYMBOL_LEN", "MAX_URI_LEN"].map((n) => numberOf(af.get(n), n)),
      [METADATA_LIMITS.name, METADATA_LIMITS.symbol, METADATA_LIMITS.uri],
    );
    assert.equal(numberOf(constants("feeAggregator").get("MAX_CHAINS"), "MAX_CHAINS"), MAX_CHAINS);
    assert.equal(numberOf(constants("revenueShare").get("MAX_REWARD_MINTS"), "MAX_REWARD_MINTS"), MAX_REWARD_MINTS);
    const ac = constants("agentCommerce");
    assert.deepEqual(["MAX_URI_LEN", "MAX_EVALUATOR_FEE_BPS"].map((n) => numberOf(ac.get(n), n)), [COMMERCE_LIMITS.uri, COMMERCE_LIMITS.evaluatorFeeBps]);
  });
});
