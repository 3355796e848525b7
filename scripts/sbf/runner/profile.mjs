// Where an instruction's compute units go, by function (inlined ones included): reads the
// register traces LiteSVM writes (SBF_TRACE_DIR: one .regs/.insns pair per program
// invocation) and maps every executed program counter to its source functions with
// llvm-symbolizer, from the DWARF line tables of the profile build (scripts/sbf/profile.sh).
// usage: node profile.mjs <trace dir> <dir with the profile build's *.so> [filter] [rows]
// Prints one table per distinct invocation whose "<program>.<instruction>" contains
// `filter`: self = instructions executed in the function itself, total = with everything
// it called or inlined. A syscall (CPI, PDA derivation, log) is one instruction here but
// costs more; the invoked program's work is in its own table.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { INSTRUCTIONS, PROGRAMS } from "./programs.mjs";

const [traceDir, soDir, filter = "", rowsArg = "30"] = process.argv.slice(2);
if (!traceDir || !soDir) {
  console.error("usage: node profile.mjs <trace dir> <profile .so dir> [filter] [rows]");
  process.exit(2);
}
const nameOfId = Object.fromEntries(Object.entries(PROGRAMS).map(([name, id]) => [id, name]));
const INSN = 8;
const CALL_IMM = 0x85, CALL_REG = 0x8d, EXIT = 0x95, RETURN = 0x9d;

// The program's text is the linked object's with unreachable functions removed
// (sbpf-linker's dead-function pass) while its DWARF keeps the object's addresses: map
// every program counter of the program to the object's by aligning the two instruction
// streams, skipping the object's functions the program lacks.
function executableSections(obj) {
  return execFileSync("llvm-readelf", ["-S", "-W", obj], { encoding: "utf8" }).split("\n")
    .map((l) => l.match(/^\s*\[\s*(\d+)\]\s+(\S+)\s+PROGBITS\s+(\w+)\s+(\w+)\s+(\w+)\s+\w+\s+(\S*)/))
    .filter((m) => m && m[6].includes("X"))
    .map((m) => ({ index: Number(m[1]), name: m[2], offset: parseInt(m[4], 16), size: parseInt(m[5], 16) }));
}

function alignToObject(so, obj) {
  const soBytes = readFileSync(so), objBytes = readFileSync(obj);
  // The program's bytecode segment (second program header of a v3 program).
  const phoff = Number(soBytes.readBigUInt64LE(0x20));
  const ph = phoff + 56 * (soBytes.readUInt16LE(0x38) - 1);
  const textOff = Number(soBytes.readBigUInt64LE(ph + 8)), textSize = Number(soBytes.readBigUInt64LE(ph + 32));
  const programOps = soBytes.subarray(textOff, textOff + textSize).filter((_, k) => k % INSN === 0);
  const sections = executableSections(obj);
  const objectOps = Buffer.concat(sections.map((sec) => objBytes.subarray(sec.offset, sec.offset + sec.size))).filter((_, k) => k % INSN === 0);
  const starts = new Set();
  let base = 0;
  const sectionBase = new Map();
  for (const sec of sections) { sectionBase.set(sec.index, base); base += sec.size / INSN; }
  for (const l of execFileSync("llvm-readelf", ["-s", "-W", obj], { encoding: "utf8", maxBuffer: 1 << 28 }).split("\n")) {
    const m = l.match(/^\s*\d+:\s+(\w+)\s+\d+\s+FUNC\s+\w+\s+\w+\s+(\d+)\s/);
    if (m && sectionBase.has(Number(m[2]))) starts.add(sectionBase.get(Number(m[2])) + parseInt(m[1], 16) / INSN);
  }
  const sortedStarts = [...starts].sort((a, b) => a - b);
  const nextStart = (i) => sortedStarts.find((x) => x > i) ?? objectOps.length;
  const window = 24;
  const matches = (i, j) => {
    for (let k = 0; k < window && j + k < programOps.length; k++) if (objectOps[i + k] !== programOps[j + k]) return false;
    return true;
  };
  const map = new Int32Array(programOps.length);
  const functionStart = (i) => {
    let lo = 0, hi = sortedStarts.length - 1;
    while (lo <= hi) { const mid = (lo + hi) >> 1; if (sortedStarts[mid] <= i) lo = mid + 1; else hi = mid - 1; }
    return hi >= 0 ? sortedStarts[hi] : 0;
  };
  let i = 0, j = 0;
  while (j < programOps.length) {
    if (objectOps[i] !== programOps[j]) {
      // Removed functions: the function this mismatch is in (it may have begun like the
      // next one) and those after it, until the streams realign.
      const f = functionStart(i), jf = j - (i - f);
      let skip = f, realigned = false;
      for (let n = 0; n < 400 && skip < objectOps.length && jf >= 0; n++) {
        skip = nextStart(skip);
        if (matches(skip, jf)) { i = skip; j = jf; realigned = true; break; }
      }
      if (!realigned && matches(i, j + 1)) { map[j] = i; j++; continue; } // an inserted instruction
    }
    map[j] = Math.min(i, objectOps.length - 1);
    i++; j++;
  }
  return map;
}

// Inline chains (innermost first) of every program counter, from llvm-symbolizer.
const lineOf = new Map(); // object pc -> innermost file:line
function symbolize(so, objectPcs) {
  const input = objectPcs.map((pc) => `0x${(pc * INSN).toString(16)}`).join("\n");
  const out = execFileSync("llvm-symbolizer", ["--obj", so, "--inlining", "--demangle", "--functions=linkage"],
    { input, encoding: "utf8", maxBuffer: 1 << 30 });
  const chains = [];
  const blocks = out.split("\n\n");
  objectPcs.forEach((pc, i) => {
    const lines = (blocks[i] ?? "").split("\n").filter(Boolean);
    const names = [];
    // name, then file:line; a function is its name and file (crate-relative).
    for (let k = 0; k + 1 < lines.length; k += 2) {
      const file = lines[k + 1].replace(/:\d+:\d+$/, "").replace(/^.*\/(registry\/src\/[^/]+|rustc\/[^/]+|work\/[^/]+)\//, "");
      names.push(lines[k] === "??" ? `<pc ${pc}>` : `${lines[k]} (${file})`);
    }
    chains.push(names.length ? names : [`<pc ${pc}>`]);
    lineOf.set(pc, lines[1] ?? "?");
  });
  return chains;
}

const invocations = [];
for (const file of readdirSync(traceDir).filter((f) => f.endsWith(".regs"))) {
  const stem = join(traceDir, file.slice(0, -5));
  const program = nameOfId[readFileSync(`${stem}.program_id`, "utf8").trim()];
  if (program && existsSync(join(soDir, `${program}.so`))) invocations.push({ stem, program });
}

const chainsBySo = new Map();
const tables = new Map();
for (const { stem, program } of invocations) {
  const regs = readFileSync(`${stem}.regs`);
  const insns = readFileSync(`${stem}.insns`);
  const n = regs.length / 96;
  const pcs = new Array(n);
  for (let i = 0; i < n; i++) pcs[i] = Number(regs.readBigUInt64LE(i * 96 + 88));
  const so = join(soDir, `${program}.so`);
  if (!chainsBySo.has(so)) chainsBySo.set(so, { chains: new Map(), map: alignToObject(so, join(soDir, `lib${program}.o`)) });
  const { chains, map } = chainsBySo.get(so);
  const unknown = [...new Set(pcs)].filter((pc) => !chains.has(pc));
  if (unknown.length) symbolize(so, unknown.map((pc) => map[pc])).forEach((c, k) => chains.set(unknown[k], c));

  // The instruction: the first of the program's instruction functions (lib.rs) that runs.
  const lib = `/${program.replaceAll("_", "-")}/src/lib.rs)`;
  const isHandler = (f) => f.endsWith(lib) && INSTRUCTIONS[program].includes(f.split(" ")[0]);
  const entry = pcs.map((pc) => chains.get(pc).find(isHandler)).find(Boolean);
  const key = `${program}.${entry ? entry.split(" ")[0] : "?"}`;
  if (!key.includes(filter)) continue;
  const self = new Map(), total = new Map(), folded = new Map(), lines = new Map();
  const stack = []; // call sites: their inline chains
  for (let i = 0; i < n; i++) {
    const chain = chains.get(pcs[i]);
    self.set(chain[0], (self.get(chain[0]) ?? 0) + 1);
    if (process.env.PROFILE_LINES && chain[0].startsWith(`${process.env.PROFILE_LINES} (`)) {
      const line = lineOf.get(map[pcs[i]]) ?? "?";
      lines.set(line, (lines.get(line) ?? 0) + 1);
    }
    const seen = new Set(chain);
    for (const frame of stack) for (const f of frame.chain) seen.add(f);
    for (const f of seen) total.set(f, (total.get(f) ?? 0) + 1);
    if (process.env.PROFILE_FOLDED) {
      const path = [...stack.flatMap((frame) => [...frame.chain].reverse()), ...[...chain].reverse()].map((f) => f.split(" (")[0]).join(";");
      folded.set(path, (folded.get(path) ?? 0) + 1);
    }
    const opcode = insns[i * INSN], next = pcs[i + 1];
    if ((opcode === CALL_IMM || opcode === CALL_REG) && next !== undefined && next !== pcs[i] + 1) {
      stack.push({ chain, ret: pcs[i] + 1 });
    } else if ((opcode === RETURN || opcode === EXIT) && stack.length && next === stack[stack.length - 1].ret) {
      stack.pop();
    }
  }
  const label = `${key} — ${n} instructions`;
  if (!tables.has(label)) tables.set(label, { self, total, lines });
  if (process.env.PROFILE_FOLDED) {
    // Flame-graph input (folded stacks): one line per distinct stack, with its count.
    const lines = [...folded].map(([path, count]) => `${key};${path} ${count}`).join("\n");
    writeFileSync(process.env.PROFILE_FOLDED, `${lines}\n`, { flag: "a" });
  }
}

for (const [label, { self, total, lines }] of [...tables].sort()) {
  console.log(`\n## ${label}\n\n| function | self | total |\n|---|---:|---:|`);
  for (const [name, t] of [...total].sort((a, b) => b[1] - a[1]).slice(0, Number(rowsArg))) {
    console.log(`| \`${name.length > 150 ? `${name.slice(0, 147)}...` : name}\` | ${self.get(name) ?? 0} | ${t} |`);
  }
  if (lines.size) {
    console.log(`\n| line of ${process.env.PROFILE_LINES} | self |\n|---|---:|`);
    for (const [line, n] of [...lines].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`| ${line.replace(/^.*\/(registry\/src\/[^/]+|rustc\/[^/]+|work\/[^/]+)\//, "")} | ${n} |`);
  }
}
