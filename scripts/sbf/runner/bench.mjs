// Formats a replay report (replay.mjs) and its trace as the benchmark tables (Markdown).
// usage: node bench.mjs <report.json> <trace.json>
import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const [reportFile, traceFile] = process.argv.slice(2);
const report = JSON.parse(readFileSync(reportFile, "utf8"));
const trace = JSON.parse(readFileSync(traceFile, "utf8"));
// Before the compute-unit work, the goals, the peers' figures and what changed.
const baseline = JSON.parse(readFileSync(join(dirname(fileURLToPath(import.meta.url)), "baseline.json"), "utf8"));
const TARGETS = baseline.goals;
const fmt = (n) => n.toLocaleString("en-US");
const ours = ["agent_factory", "bonding_curve", "fee_aggregator", "revenue_share", "agent_commerce", "lz_endpoint_mock"];
const rows = new Map();
for (const m of report.measurements) {
  if (!m.ok || m.cu == null || !ours.includes(m.name.split(".")[0])) continue;
  if (!rows.has(m.name)) rows.set(m.name, []);
  rows.get(m.name).push(m);
}
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const out = [];
out.push("# agentpad benchmarks (real sBPF)", "");
out.push("Produced by `./scripts/bench.sh`: the programs built to sBPF v3 (`scripts/sbf/build.sh`), the full");
out.push("lifecycle (`tests/integration/examples/lifecycle.rs`) recorded natively and replayed in LiteSVM");
out.push(`(${report.steps} transactions, ${report.accountsCompared} accounts compared byte for byte with the native run: ${report.mismatches} mismatches).`);
out.push("Compute units are deterministic for the same inputs. \"CPIs\" is the part spent inside invoked programs");
out.push("(token programs, the event self-CPI, other agentpad programs); the rest is the instruction's own code,");
out.push("Anchor's account checks included. Transaction bytes are for a v0 message without lookup tables (the launch");
out.push("uses the protocol lookup table in practice: see `launch_fits_one_transaction`).", "");
out.push("| instruction | runs | CU (median) | CU (min–max) | in CPIs | CPI breakdown | target | tx bytes | accounts |");
out.push("|---|---:|---:|---:|---:|---|---:|---:|---:|");
for (const [name, ms] of rows) {
  const cus = ms.map((m) => m.cu);
  const mid = ms.find((m) => m.cu === median(cus)) ?? ms[0];
  const breakdown = Object.entries(mid.cpis).filter(([, v]) => v > 0).map(([k, v]) => `${k} ${v.toLocaleString("en-US")}`).join(", ");
  // A trade within one segment of a segmented curve: at most 1,000 CU over the same trade on
  // a one-segment curve (the plain row's median).
  const plain = name.replace(/ \(.*segment.*\)$/, "");
  const target = TARGETS[name] ?? (name.includes("within one segment") && rows.has(plain) ? median(rows.get(plain).map((m) => m.cu)) + 1_000 : undefined);
  const flag = target ? `${target.toLocaleString("en-US")}${median(cus) > target ? " (over)" : ""}` : "";
  out.push(`| \`${name}\` | ${ms.length} | ${median(cus).toLocaleString("en-US")} | ${Math.min(...cus).toLocaleString("en-US")}–${Math.max(...cus).toLocaleString("en-US")} | ${mid.cpiCu.toLocaleString("en-US")} | ${breakdown} | ${flag} | ${mid.txBytes} | ${mid.accounts} |`);
}

// Before and after, per instruction the goals name.
out.push("", `## Before and after (baseline: commit ${baseline.commit})`, "");
out.push("| instruction | before | now | change | goal | mainnet peer |", "|---|---:|---:|---:|---:|---|");
for (const [name, before] of Object.entries(baseline.cu)) {
  const ms = rows.get(name);
  if (!ms) continue;
  const now = median(ms.map((m) => m.cu));
  const goal = TARGETS[name] ? `${fmt(TARGETS[name])}${now > TARGETS[name] ? " (missed)" : " (met)"}` : "";
  out.push(`| \`${name}\` | ${fmt(before)} | ${fmt(now)} | ${(((now - before) / before) * 100).toFixed(0)}% | ${goal} | ${baseline.peers[name] ?? ""} |`);
}
out.push("", "What changed (all instructions):", "", ...baseline.changes.map((c) => `- ${c}`));

// Program sizes and what deploying them costs: the program-data account holds a 45-byte
// header and the ELF, rent-exempt at 6,960 lamports a byte (128 bytes of overhead).
const soDir = dirname(reportFile);
out.push("", "## Program size and deploy rent", "", "| program | bytes | before | deploy rent (SOL) |", "|---|---:|---:|---:|");
// agent_commerce came after the baseline: no "before".
const deployed = [...Object.keys(baseline.programs), "agent_commerce"];
let total = 0, totalBefore = 0;
for (const program of deployed) {
  const bytes = statSync(join(soDir, `${program}.so`)).size;
  const before = baseline.programs[program];
  total += bytes; totalBefore += before ?? 0;
  out.push(`| ${program} | ${fmt(bytes)} | ${before ? fmt(before) : "—"} | ${((bytes + 45 + 128) * 6960 / 1e9).toFixed(2)} |`);
}
out.push(`| all ${deployed.length} | ${fmt(total)} | ${fmt(totalBefore)} (the first four) | ${((total + deployed.length * 173) * 6960 / 1e9).toFixed(2)} |`);

// Account types: measured from the accounts the run created, typed by Anchor discriminator.
const TYPES = {
  bonding_curve: ["Config", "Preset", "Pool"], agent_factory: ["Agent"],
  fee_aggregator: ["Store", "Peer", "AgentVault", "Policy"], revenue_share: ["StakePool", "Position"],
  agent_commerce: ["Operator", "Job"],
};
const byDisc = new Map();
for (const [program, names] of Object.entries(TYPES)) {
  for (const n of names) byDisc.set(createHash("sha256").update(`account:${n}`).digest().subarray(0, 8).toString("hex"), `${program}::${n}`);
}
const sizes = new Map();
for (const f of trace.final) {
  if (f.closed) continue;
  const data = Buffer.from(f.data, "base64");
  let kind = byDisc.get(data.subarray(0, 8).toString("hex"));
  if (!kind && f.owner === "EfmjWCuzDseV4Rsp94bMPdGjWUoVxMLbQJHUQxq1V95G" && data.length === 0) kind = "fee_aggregator::receipt (empty)";
  if (!kind && (f.owner.startsWith("Tokenkeg") || f.owner.startsWith("Tokenz"))) {
    // Token-2022 accounts longer than 165 bytes carry their type at byte 165 (1 mint, 2 account).
    const program = f.owner.startsWith("Tokenz") ? "Token-2022" : "SPL Token";
    const isMint = data.length === 82 || (data.length > 165 && data[165] === 1);
    kind = `${isMint ? "mint" : "token account"} (${program}${data.length > 165 ? ", with extensions" : ""})`;
  }
  // Presets and pools of segmented curves: 32 bytes per further segment after the fixed part.
  const fixed = { "bonding_curve::Preset": 8 + 168, "bonding_curve::Pool": 8 + 440 }[kind];
  if (fixed && data.length > fixed) kind = `${kind} (${(data.length - fixed) / 32 + 1}-segment curve)`;
  if (kind && !sizes.has(kind)) sizes.set(kind, data.length);
}
const rent = (len) => (len + 128) * 6960; // lamports: rent-exempt minimum at the default rent
out.push("", "## Account sizes and rent", "", "| account | bytes | rent-exempt lamports | SOL |", "|---|---:|---:|---:|");
for (const [kind, len] of [...sizes].sort()) {
  out.push(`| ${kind} | ${len} | ${rent(len).toLocaleString("en-US")} | ${(rent(len) / 1e9).toFixed(6)} |`);
}
console.log(out.join("\n"));
