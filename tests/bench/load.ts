// Load on a local validator (./scripts/bench-load.sh; a benchmark, not a test, not in CI):
// AGENTS agents with TRADERS traders each trade concurrently for SECONDS seconds, each trader
// a round trip at a time (buy exactly B tokens, then sell them back), so no curve completes.
// Prints the landed transactions per second and the failures by cause, then checks every
// pool's and vault's books, and that no two agents' trades write a common account.
//
// Run by `anchor test --script bench-load` (ANCHOR_PROVIDER_URL, ANCHOR_WALLET). Sizes:
// AGENTPAD_LOAD_AGENTS (20), AGENTPAD_LOAD_TRADERS (50), AGENTPAD_LOAD_SECONDS (60).
import { createSyncNativeInstruction } from "@solana/spl-token";
import { ComputeBudgetProgram, Keypair, LAMPORTS_PER_SOL, PublicKey, SystemProgram, Transaction, type TransactionInstruction, type TransactionError } from "@solana/web3.js";

import {
  AgentpadClient, LOCALNET_DEPLOYMENT, NATIVE_MINT, RpcBackend, TOKEN_2022_PROGRAM_ID, TOKEN_PROGRAM_ID, agentKeys,
  agentTokenAccount, ata, createAtaIdempotent, customError, deployProtocol, fetchPool, fetchVault, instructions as ix, marketOf, math,
} from "../../app/src/index.js";
import { loadKeypair } from "../../app/src/node.js";

const size = (name: string, fallback: number) => {
  const v = process.env[name];
  if (v === undefined) return fallback;
  if (!/^[1-9]\d{0,4}$/.test(v)) throw new Error(`${name} must be a whole number from 1 to 99999, got "${v}"`);
  return Number(v);
};
const AGENTS = size("AGENTPAD_LOAD_AGENTS", 20);
const TRADERS = size("AGENTPAD_LOAD_TRADERS", 50);
const SECONDS = size("AGENTPAD_LOAD_SECONDS", 60);
const QUOTE_PER_TRADER = LAMPORTS_PER_SOL; // wSOL each trader starts with
const ROUND_TRIP_QUOTE = 10_000_000n; // ~0.01 SOL of tokens per buy, at the launch price

interface Trader { kp: Keypair; agent: number; own: Set<string>; buy: TransactionInstruction; sell: TransactionInstruction; seq: number }
type Outcome = { landed: true } | { landed: false; cause: string };

const url = process.env.ANCHOR_PROVIDER_URL;
if (!url) throw new Error("run through ./scripts/bench-load.sh (anchor test sets ANCHOR_PROVIDER_URL)");
const backend = new RpcBackend(url);
const connection = backend.connection;
const admin = new AgentpadClient(backend, loadKeypair(process.env.ANCHOR_WALLET));

async function sendAll(txs: { instructions: TransactionInstruction[]; signers: Keypair[] }[], parallel = 16) {
  for (let i = 0; i < txs.length; i += parallel) {
    await Promise.all(txs.slice(i, i + parallel).map((t) => admin.send(t.instructions, t.signers)));
  }
}

async function setUp() {
  const d = await deployProtocol(admin, LOCALNET_DEPLOYMENT);
  if (!d.quoteMint.equals(NATIVE_MINT)) throw new Error(`the localnet preset ${d.presetId} quotes ${d.quoteMint.toBase58()}, not wSOL`);
  const mints: PublicKey[] = [];
  for (let i = 0; i < AGENTS; i++) {
    const launched = await admin.launch({ name: `Load ${i}`, symbol: `LD${i}`, uri: `https://agentpad.example/load/${i}.json`, presetId: d.presetId, lookupTable: d.lookupTable });
    mints.push(launched.mint);
  }
  const traders: Trader[] = [];
  for (const [agent, mint] of mints.entries()) {
    const pool = (await fetchPool(backend, mint))!;
    const keys = agentKeys(mint, NATIVE_MINT, TOKEN_PROGRAM_ID);
    const base = math.buyExactIn(marketOf(pool), ROUND_TRIP_QUOTE, pool.params.baseFeeBps).baseAmount;
    for (let i = 0; i < TRADERS; i++) {
      const kp = Keypair.generate();
      const accounts = { user: kp.publicKey, keys, userBaseAccount: agentTokenAccount(kp.publicKey, mint), userQuoteAccount: ata(kp.publicKey, NATIVE_MINT, TOKEN_PROGRAM_ID) };
      // Limits wide enough for the price to move under everyone else's trades.
      const buy = await ix.bondingCurve.buyExactOut(accounts, base, 5n * ROUND_TRIP_QUOTE);
      const sell = await ix.bondingCurve.sellExactIn(accounts, base, 1n);
      const own = new Set([accounts.user, accounts.userBaseAccount, accounts.userQuoteAccount].map((k) => k.toBase58()));
      traders.push({ kp, agent, own, buy, sell, seq: 0 });
    }
  }
  // Fund every trader: fee lamports, a wSOL account holding QUOTE_PER_TRADER, its agent token account.
  const fund = traders.map((t) => {
    const wsol = ata(t.kp.publicKey, NATIVE_MINT, TOKEN_PROGRAM_ID);
    return [
      SystemProgram.transfer({ fromPubkey: admin.address, toPubkey: t.kp.publicKey, lamports: LAMPORTS_PER_SOL / 10 }),
      createAtaIdempotent(admin.address, t.kp.publicKey, NATIVE_MINT, TOKEN_PROGRAM_ID),
      SystemProgram.transfer({ fromPubkey: admin.address, toPubkey: wsol, lamports: QUOTE_PER_TRADER }),
      createSyncNativeInstruction(wsol),
      createAtaIdempotent(admin.address, t.kp.publicKey, mints[t.agent], TOKEN_2022_PROGRAM_ID),
    ];
  });
  const perTx = 3;
  const txs = [];
  for (let i = 0; i < fund.length; i += perTx) txs.push({ instructions: fund.slice(i, i + perTx).flat(), signers: [] });
  await sendAll(txs);
  return { mints, traders };
}

/** Accounts written by the trades of more than one agent (other than each trader's own): none, by design. */
function sharedWritable(traders: Trader[]): string[] {
  const writers = new Map<string, Set<number>>();
  for (const t of traders) {
    for (const k of [...t.buy.keys, ...t.sell.keys]) {
      const key = k.pubkey.toBase58();
      if (k.isWritable && !t.own.has(key)) (writers.get(key) ?? writers.set(key, new Set()).get(key)!).add(t.agent);
    }
  }
  return [...writers].filter(([, agents]) => agents.size > 1).map(([k]) => k);
}

function causeOf(err: TransactionError, tx: TransactionInstruction[]): string {
  if (typeof err === "string") return err;
  const ie = (err as { InstructionError?: [number, unknown] }).InstructionError;
  if (ie) {
    const [index, inner] = ie;
    const custom = (inner as { Custom?: number }).Custom;
    if (custom !== undefined) return customError(tx[index].programId.toBase58(), custom).code;
    return typeof inner === "string" ? inner : JSON.stringify(inner);
  }
  return JSON.stringify(err);
}

async function run(traders: Trader[]) {
  let recent = await connection.getLatestBlockhash("confirmed");
  const refresh = setInterval(() => { connection.getLatestBlockhash("confirmed").then((b) => { recent = b; }, () => {}); }, 1_000);
  const waiting = new Map<string, { lastValid: number; tx: TransactionInstruction[]; done: (o: Outcome) => void }>();
  let polling = true;
  const poller = (async () => {
    while (polling || waiting.size) {
      await new Promise((r) => setTimeout(r, 400));
      const height = await connection.getBlockHeight("confirmed").catch(() => 0);
      const sigs = [...waiting.keys()];
      for (let i = 0; i < sigs.length; i += 256) {
        const chunk = sigs.slice(i, i + 256);
        const statuses = await connection.getSignatureStatuses(chunk).catch(() => null);
        chunk.forEach((sig, j) => {
          const w = waiting.get(sig)!;
          const s = statuses?.value[j];
          if (s && (s.confirmationStatus === "confirmed" || s.confirmationStatus === "finalized")) {
            waiting.delete(sig);
            w.done(s.err ? { landed: false, cause: causeOf(s.err, w.tx) } : { landed: true });
          } else if (height > w.lastValid) {
            waiting.delete(sig);
            w.done({ landed: false, cause: "Expired (blockhash too old, never landed)" });
          }
        });
      }
    }
  })();

  const failures = new Map<string, number>();
  const landedBy = new Array<number>(AGENTS).fill(0);
  let sent = 0;
  const start = Date.now();
  const end = start + SECONDS * 1_000;
  await Promise.all(traders.map(async (t) => {
    let side: "buy" | "sell" = "buy";
    while (Date.now() < end) {
      // A compute-unit limit per send: every transaction differs, even a retry on the same blockhash.
      const instructions = [ComputeBudgetProgram.setComputeUnitLimit({ units: 100_000 + (t.seq++ % 100_000) }), side === "buy" ? t.buy : t.sell];
      const { blockhash, lastValidBlockHeight } = recent;
      const tx = new Transaction({ feePayer: t.kp.publicKey, blockhash, lastValidBlockHeight }).add(...instructions);
      tx.sign(t.kp);
      sent++;
      let outcome: Outcome;
      try {
        const sig = await connection.sendRawTransaction(tx.serialize(), { skipPreflight: true });
        outcome = await new Promise<Outcome>((done) => waiting.set(sig, { lastValid: lastValidBlockHeight, tx: instructions, done }));
      } catch (e) {
        outcome = { landed: false, cause: `send refused: ${(e as Error).message.split("\n")[0].slice(0, 80)}` };
      }
      if (outcome.landed) {
        landedBy[t.agent]++;
        side = side === "buy" ? "sell" : "buy";
      } else {
        failures.set(outcome.cause, (failures.get(outcome.cause) ?? 0) + 1);
      }
    }
  }));
  const elapsed = (Date.now() - start) / 1_000;
  polling = false;
  await poller;
  clearInterval(refresh);
  return { sent, landedBy, failures, elapsed };
}

async function checkBooks(mints: PublicKey[], traders: Trader[]): Promise<string[]> {
  const problems: string[] = [];
  for (const [agent, mint] of mints.entries()) {
    const pool = (await fetchPool(backend, mint))!;
    const [quoteVault, baseVault] = [await admin.balance(pool.quoteVault), await admin.balance(pool.baseVault)];
    const owed = pool.quoteReserve + pool.protocolFees + pool.creatorFees + pool.agentFees;
    if (quoteVault !== owed) problems.push(`agent ${agent}: quote vault ${quoteVault} != reserve + fees ${owed}`);
    const onCurve = pool.baseReserve + (pool.phase === "graduated" ? 0n : pool.params.graduatedSupply);
    if (baseVault !== onCurve) problems.push(`agent ${agent}: base vault ${baseVault} != ${onCurve}`);
    const holders = traders.filter((t) => t.agent === agent).map((t) => agentTokenAccount(t.kp.publicKey, mint));
    let held = 0n;
    for (let i = 0; i < holders.length; i += 100) {
      for (const info of await backend.getMultipleAccountsInfo(holders.slice(i, i + 100))) held += info ? info.data.readBigUInt64LE(64) : 0n;
    }
    const sold = pool.params.curveSupply - pool.baseReserve;
    if (held !== sold) problems.push(`agent ${agent}: traders hold ${held} tokens, the curve sold ${sold}`);
    // The agent's fees, swept into its vault, are exactly what the pool accrued.
    await admin.sweep(mint);
    const vault = (await fetchVault(backend, mint, NATIVE_MINT))!;
    const after = (await fetchPool(backend, mint))!;
    if (vault.totalLocal !== after.totalAgentFees) problems.push(`agent ${agent}: vault credited ${vault.totalLocal}, the pool accrued ${after.totalAgentFees}`);
    if ((await admin.balance(vault.tokenAccount)) !== vault.undistributed) problems.push(`agent ${agent}: the vault's token account != its undistributed books`);
  }
  return problems;
}

async function main() {
  console.log(`load: ${AGENTS} agents x ${TRADERS} traders for ${SECONDS} s against ${url}`);
  const { mints, traders } = await setUp();
  const shared = sharedWritable(traders);
  const r = await run(traders);
  const landed = r.landedBy.reduce((a, b) => a + b, 0);
  const failed = [...r.failures.values()].reduce((a, b) => a + b, 0);
  const row = (a: string, b: string | number) => console.log(`| ${a.padEnd(52)} | ${String(b).padStart(10)} |`);
  console.log(`\n| ${"".padEnd(52)} | ${"".padStart(10)} |\n|${"-".repeat(54)}|${"-".repeat(12)}|`);
  row("transactions sent", r.sent);
  row("landed (succeeded)", landed);
  row("landed per second", (landed / r.elapsed).toFixed(1));
  row("failed", failed);
  for (const [cause, n] of [...r.failures].sort((a, b) => b[1] - a[1])) row(`  ${cause}`, n);
  row("agents with a landed trade", `${r.landedBy.filter((n) => n > 0).length}/${AGENTS}`);
  row("fewest / most landed per agent", `${Math.min(...r.landedBy)} / ${Math.max(...r.landedBy)}`);
  row("accounts written by two agents' trades", shared.length);
  const problems = await checkBooks(mints, traders);
  row("pools and vaults whose books balance", `${AGENTS - new Set(problems.map((p) => p.split(":")[0])).size}/${AGENTS}`);
  for (const p of [...shared.map((k) => `written by two agents' trades: ${k}`), ...problems]) console.error(`error: ${p}`);
  if (shared.length || problems.length || landed === 0) process.exitCode = 1;
}

main().catch((e) => {
  console.error(`error: load: ${(e as Error).message}`);
  process.exitCode = 1;
});
