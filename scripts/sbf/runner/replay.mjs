// Replays a trace recorded by the native harness (AGENTPAD_TRACE) on the sBPF programs in
// LiteSVM. Every transaction must end as it did natively (success, or the same error), and
// every account the run wrote must end byte-identical. Writes compute units per
// instruction to a JSON report.
//
// usage: node --import tsx replay.mjs <trace.json> <dir with *.so> [report.json]
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { FailedTransactionMetadata } from "litesvm";
import { PublicKey } from "@solana/web3.js";
import { INSTRUCTIONS, OTHER, PROGRAMS } from "./programs.mjs";
// The SDK's LiteSVM backend (TypeScript: run with `node --import tsx`) adds the genesis
// accounts real clusters have and LiteSVM lacks (the wSOL mint).
import { LiteSvmBackend } from "../../../app/src/backend/litesvm.ts";
import {
  address, AccountRole, appendTransactionMessageInstructions, createKeyPairSignerFromBytes, createTransactionMessage,
  getAddressDecoder, getTransactionEncoder, lamports, pipe, setTransactionMessageFeePayerSigner, signTransactionMessageWithSigners,
} from "@solana/kit";

const [traceFile, soDir, reportFile] = process.argv.slice(2);
if (!traceFile || !soDir) {
  console.error("usage: node --import tsx replay.mjs <trace.json> <so dir> [report.json]");
  process.exit(2);
}
const trace = JSON.parse(readFileSync(traceFile, "utf8"));

const names = new Map();
for (const [program, list] of Object.entries(INSTRUCTIONS)) {
  for (const ix of list) {
    const disc = createHash("sha256").update(`global:${ix}`).digest().subarray(0, 8).toString("hex");
    names.set(`${PROGRAMS[program]}:${disc}`, `${program}.${ix}`);
  }
}
const nameOf = (program, data) =>
  names.get(`${program}:${Buffer.from(data).subarray(0, 8).toString("hex")}`) ?? OTHER[program] ?? program;

const svm = new LiteSvmBackend().svm;
for (const [name, id] of Object.entries(PROGRAMS)) svm.addProgramFromFile(address(id), `${soDir}/${name}.so`);
for (const a of trace.preload) {
  const data = Buffer.from(a.data, "base64");
  svm.setAccount({ address: address(a.address), data, executable: false, lamports: lamports(BigInt(a.lamports)),
    programAddress: address(a.owner), space: BigInt(data.length) });
}

let mismatches = 0;
const signerCache = new Map();
const signer = async (b64) => {
  if (!signerCache.has(b64)) signerCache.set(b64, await createKeyPairSignerFromBytes(Buffer.from(b64, "base64")));
  return signerCache.get(b64);
};
const payer = await signer(trace.steps[0].payer);
svm.setAccount({ address: payer.address, data: new Uint8Array(), executable: false,
  lamports: lamports(1_000_000_000_000_000n), programAddress: address("11111111111111111111111111111111"), space: 0n });

// lz_receive / lz_compose take the same params as their *_types instruction: the replay asks
// that instruction (on sBPF, where return data works), with the accounts of the store's
// LzReceiveTypes / LzComposeTypes PDA as an executor would, for the account list of every
// lz_receive and lz_compose it replays.
const discOf = (name) => createHash("sha256").update(`global:${name}`).digest().subarray(0, 8);
const TYPES = { [discOf("lz_receive").toString("hex")]: "LzReceiveTypes", [discOf("lz_compose").toString("hex")]: "LzComposeTypes" };
let lzTypesChecked = 0;
const feeAggregator = new PublicKey(PROGRAMS.fee_aggregator);
const store = PublicKey.findProgramAddressSync([Buffer.from("Store")], feeAggregator)[0];
async function checkLzReceiveTypes(ix) {
  const data = Buffer.from(ix.data, "base64");
  const seed = TYPES[data.subarray(0, 8).toString("hex")];
  if (ix.program !== PROGRAMS.fee_aggregator || !seed) return;
  const typesPda = PublicKey.findProgramAddressSync([Buffer.from(seed), store.toBuffer()], feeAggregator)[0];
  const listedKeys = Buffer.from(svm.getAccount(address(typesPda.toBase58())).data).subarray(8);
  const typeAccounts = Array.from({ length: listedKeys.length / 32 }, (_, k) =>
    ({ address: getAddressDecoder().decode(listedKeys.subarray(32 * k, 32 * k + 32)), role: AccountRole.READONLY }));
  const typesName = seed === "LzReceiveTypes" ? "lz_receive_types" : "lz_compose_types";
  const typesIx = { programAddress: address(ix.program), accounts: typeAccounts, data: Buffer.concat([discOf(typesName), data.subarray(8)]) };
  const tx = await pipe(createTransactionMessage({ version: 0 }), (t) => setTransactionMessageFeePayerSigner(payer, t),
    (t) => svm.setTransactionMessageLifetimeUsingLatestBlockhash(t), (t) => appendTransactionMessageInstructions([typesIx], t),
    (t) => signTransactionMessageWithSigners(t));
  const sim = svm.simulateTransaction(tx);
  if (sim instanceof FailedTransactionMetadata) throw new Error(`${typesName} failed: ${sim.toString()}`);
  // The runtime trims trailing zero bytes of return data: pad before decoding.
  const raw = Buffer.concat([Buffer.from(sim.meta().returnData().data()), Buffer.alloc(64)]);
  const n = raw.readUInt32LE(0);
  const listed = [];
  for (let k = 0; k < n; k++) {
    const at = 4 + k * 34;
    const key = raw.subarray(at, at + 32);
    const isSigner = raw[at + 32] === 1;
    const keyStr = key.every((b) => b === 0) && isSigner ? payer.address : getAddressDecoder().decode(key);
    listed.push([keyStr, isSigner, raw[at + 33] === 1]);
  }
  if (JSON.stringify(listed) !== JSON.stringify(ix.accounts)) {
    mismatches++;
    console.log(`${typesName} listed different accounts than were used:`, JSON.stringify(listed), JSON.stringify(ix.accounts));
  }
  lzTypesChecked++;
}

const role = (isSigner, isWritable) =>
  isSigner ? (isWritable ? AccountRole.WRITABLE_SIGNER : AccountRole.READONLY_SIGNER) : (isWritable ? AccountRole.WRITABLE : AccountRole.READONLY);
const encoder = getTransactionEncoder();
const measurements = [];

// Trades on segmented curves are measured apart from one-segment ones, by how many segments
// the trade touched: a trade's pool (its second account) stores the curve's further
// segments after its 448-byte fixed part (state/pool.rs; phase at byte 376).
const TRADES = new Set(["bonding_curve.buy_exact_in", "bonding_curve.buy_exact_out", "bonding_curve.sell_exact_in"]);
function curveAt(ix) {
  if (!TRADES.has(nameOf(ix.program, Buffer.from(ix.data, "base64")))) return null;
  const acc = svm.getAccount(address(ix.accounts[1][0]));
  if (!acc || acc.exists === false || acc.data.length <= 448) return null;
  const data = Buffer.from(acc.data);
  if (data[376] === 2) return null; // graduated: the curve no longer prices

  const count = (data.length - 448) / 32;
  const sold = data.readBigUInt64LE(248) - data.readBigUInt64LE(296); // curve_supply - base_reserve
  const starts = Array.from({ length: count }, (_, k) => data.readBigUInt64LE(448 + 32 * k));
  return { count, segment: starts.filter((b) => b <= sold).length };
}
function segmentLabel(before, after) {
  if (!before || !after) return "";
  const touched = Math.abs(after.segment - before.segment) + 1;
  return ` (${before.count + 1}-segment curve, ${touched === 1 ? "within one segment" : `across ${touched} segments`})`;
}

// Runs of one instruction that cost differently by design, measured apart: a first stake
// creates the position at its PDA (a bump search and an account), a later one finds it by
// its stored keys; a claim pays one reward mint per group of four remaining accounts; an
// lz_receive applies a fee report or an agent link (the message's kind byte).
function kindLabel(ix) {
  const data = Buffer.from(ix.data, "base64");
  const name = nameOf(ix.program, data);
  if (name === "fee_aggregator.lz_receive") {
    // discriminator 8, src_eid 4, sender 32, nonce 8, guid 32, message length 4: version, kind.
    const kind = data[8 + 4 + 32 + 8 + 32 + 4 + 1];
    return kind === 3 ? " (agent link)" : " (fee report)";
  }
  if (name === "revenue_share.stake") {
    const position = svm.getAccount(address(ix.accounts[2][0]));
    return position && position.exists !== false && Number(position.lamports) > 0 ? " (existing position)" : " (first stake: creates the position)";
  }
  if (name === "revenue_share.claim") {
    const mints = (ix.accounts.length - 5) / 4;
    return mints === 1 ? " (one reward mint)" : ` (${mints} reward mints)`;
  }
  return "";
}

for (const [i, step] of trace.steps.entries()) {
  const clock = svm.getClock();
  clock.slot = BigInt(step.clock.slot);
  clock.unixTimestamp = BigInt(step.clock.unix_timestamp);
  clock.epoch = BigInt(step.clock.epoch);
  clock.epochStartTimestamp = BigInt(step.clock.epoch_start_timestamp);
  clock.leaderScheduleEpoch = BigInt(step.clock.leader_schedule_epoch);
  svm.setClock(clock);
  const signers = new Map();
  for (const s of step.signers) {
    const k = await signer(s);
    signers.set(k.address, k);
  }
  if (step.outcome === "ok") for (const ix of step.instructions) await checkLzReceiveTypes(ix);
  const instructions = step.instructions.map((ix) => ({
    programAddress: address(ix.program),
    accounts: ix.accounts.map(([key, isSigner, isWritable]) => ({
      address: address(key), role: role(isSigner, isWritable),
      ...(isSigner && key !== payer.address ? { signer: signers.get(key) } : {}),
    })),
    data: Buffer.from(ix.data, "base64"),
  }));
  // In the order of `outer` below (compute-budget instructions left out).
  const curvesBefore = step.instructions.filter((ix) => ix.program !== "ComputeBudget111111111111111111111111111111").map(curveAt);
  const kindsBefore = step.instructions.filter((ix) => ix.program !== "ComputeBudget111111111111111111111111111111").map(kindLabel);
  const tx = await pipe(createTransactionMessage({ version: 0 }), (t) => setTransactionMessageFeePayerSigner(payer, t),
    (t) => svm.setTransactionMessageLifetimeUsingLatestBlockhash(t), (t) => appendTransactionMessageInstructions(instructions, t),
    (t) => signTransactionMessageWithSigners(t));
  const result = svm.sendTransaction(tx);
  svm.expireBlockhash();
  const failed = result instanceof FailedTransactionMetadata;
  const meta = failed ? result.meta() : result;
  const logs = meta.logs();
  const expected = step.outcome;
  let same;
  if (expected === "ok") same = !failed;
  else if (expected.custom !== undefined) same = failed && new RegExp(`Custom(\\(| { code: )${expected.custom}\\b`).test(String(result.err()));
  else same = failed;
  if (!same) {
    mismatches++;
    console.log(`step ${i}: native ${JSON.stringify(expected)}, sBPF ${failed ? String(result.err()) : "ok"}`);
    console.log(logs.join("\n"));
  }
  // Compute units per top-level instruction, and how much of them went to CPIs: the
  // runtime logs "consumed" for every invocation, children before their parent.
  const perTop = [];
  const stack = [];
  for (const l of logs) {
    const inv = l.match(/^Program (\w+) invoke \[(\d+)\]$/);
    if (inv) { stack.push({ program: inv[1], children: 0, cpis: {} }); continue; }
    const done = l.match(/^Program (\w+) consumed (\d+) of/);
    if (done && stack.length) {
      const frame = stack[stack.length - 1];
      frame.cu = Number(done[2]);
      continue;
    }
    if (/^Program \w+ (success|failed)/.test(l) && stack.length) {
      const frame = stack.pop();
      if (stack.length === 0) perTop.push(frame);
      else {
        const parent = stack[stack.length - 1];
        parent.children += frame.cu ?? 0;
        const callee = OTHER[frame.program] ?? Object.keys(PROGRAMS).find((k) => PROGRAMS[k] === frame.program) ?? frame.program;
        parent.cpis[callee] = (parent.cpis[callee] ?? 0) + (frame.cu ?? 0);
      }
    }
  }
  const bytes = encoder.encode(tx).length;
  const outer = step.instructions.filter((ix) => ix.program !== "ComputeBudget111111111111111111111111111111");
  const frames = perTop.filter((p) => p.program !== "ComputeBudget111111111111111111111111111111");
  outer.forEach((ix, j) => {
    const f = frames[j];
    measurements.push({ step: i, name: nameOf(ix.program, Buffer.from(ix.data, "base64")) + segmentLabel(curvesBefore[j], curveAt(ix)) + kindsBefore[j], ok: !failed,
      cu: f?.cu ?? null, cpiCu: f?.children ?? null, cpis: f?.cpis ?? {}, txBytes: bytes, accounts: ix.accounts.length,
      txCu: Number(meta.computeUnitsConsumed()) });
  });
}

// The final state must be byte-identical to the native run's.
for (const f of trace.final) {
  const acc = svm.getAccount(address(f.address));
  if (f.closed) {
    if (acc && acc.exists !== false && Number(acc.lamports) > 0) { mismatches++; console.log(`account ${f.address}: closed natively, open on sBPF`); }
    continue;
  }
  const data = acc?.data ? Buffer.from(acc.data).toString("base64") : null;
  if (!acc || data !== f.data || String(acc.lamports) !== String(f.lamports) || acc.programAddress !== f.owner) {
    mismatches++;
    console.log(`account ${f.address}: differs (lamports native ${f.lamports} sBPF ${acc?.lamports}, owner ${f.owner} / ${acc?.programAddress}, data ${data === f.data ? "same" : "different"})`);
  }
}

// Regression guard: no instruction may exceed its compute-unit ceiling.
const { ceilings } = JSON.parse(readFileSync(new URL("./budgets.json", import.meta.url), "utf8"));
for (const m of measurements) {
  const ceiling = ceilings[m.name];
  if (m.ok && ceiling !== undefined && m.cu > ceiling) {
    mismatches++;
    console.log(`step ${m.step}: ${m.name} used ${m.cu} CU, over its ceiling of ${ceiling} (scripts/sbf/runner/budgets.json)`);
  }
}

const summary = { steps: trace.steps.length, accountsCompared: trace.final.length, mismatches, measurements };
if (reportFile) writeFileSync(reportFile, JSON.stringify(summary, null, 1));
console.log(`replayed ${trace.steps.length} transactions on sBPF; ${trace.final.length} accounts compared; ` +
  `${lzTypesChecked} lz_receive_types / lz_compose_types account lists checked; ${mismatches} mismatches`);
process.exit(mismatches === 0 ? 0 : 1);
