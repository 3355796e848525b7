/**
 * `agentpad`: launch, trade, aggregate and distribute revenue, hire agents for jobs, from the command line.
 * Cluster and wallet flags follow the Solana CLI (`--url localnet|devnet|mainnet-beta|<url>`,
 * `--keypair`, defaults from ~/.config/solana/cli/config.yml); amounts are human decimals;
 * `--json` prints machine-readable output. Bad input is refused before anything is sent
 * where the client can tell (unknown agent, balances, slippage).
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { Command, CommanderError } from "commander";
import { PublicKey } from "@solana/web3.js";

import { type Evaluator, fetchConfig, fetchPeer, fetchPreset, fetchStore } from "../accounts.js";
import { RpcBackend } from "../backend/rpc.js";
import { type AgentStatus, AgentpadClient, type JobStatus, type Sent, peerBytes } from "../client.js";
import { AGENT_TOKEN_DECIMALS } from "../constants.js";
import { AgentpadError } from "../errors.js";
import { clusterOf, clusterUrl } from "../cluster.js";
import { deploymentRecordPath } from "../deployments.js";
import { feeAggregatorPda } from "../pda.js";
import { DEFAULT_KEYPAIR_PATH, KeypairFileError, loadKeypair } from "../keypair.js";
import { isFinalPhase } from "../math/job.js";
import { fetchMint, formatAmount, parseAmount } from "../tokens.js";
import { DesignError, type Shape, chartSvg, designPreset, presetJson, readPresetJson, summarize } from "../design.js";


export interface Globals { url?: string; keypair?: string; json?: boolean; deployment?: string; lookupTable?: string }

function solanaCliConfig(): { json_rpc_url?: string; keypair_path?: string } {
  const file = `${homedir()}/.config/solana/cli/config.yml`;
  if (!existsSync(file)) return {};
  const out: Record<string, string> = {};
  for (const line of readFileSync(file, "utf8").split("\n")) {
    const m = /^(\w+):\s*"?([^"]*)"?\s*$/.exec(line);
    if (m) out[m[1]] = m[2];
  }
  return out;
}

/** `--url`'s value as an RPC URL: a Solana CLI moniker (or its initial) or an http(s) URL. */
export function resolveUrl(raw: string): string {
  const url = clusterUrl(raw);
  if (!url) throw usage(`--url must be localnet, devnet, testnet, mainnet-beta or an http(s) URL, got "${raw}"`);
  return url;
}

export function connectRpc(g: Globals): Ctx {
  const cfg = solanaCliConfig();
  const url = resolveUrl(g.url ?? cfg.json_rpc_url ?? "localnet");
  let wallet;
  try {
    wallet = loadKeypair(g.keypair ?? cfg.keypair_path ?? DEFAULT_KEYPAIR_PATH);
  } catch (e) {
    throw usage(e instanceof KeypairFileError ? `${e.message} (--keypair)` : (e as Error).message);
  }
  const client = new AgentpadClient(new RpcBackend(url), wallet);
  return { client, url, cluster: clusterOf(url) };
}

/** The deployment record migrations/deploy.ts writes for the cluster (lookup table, preset, quote mint). */
function deployment(g: Globals, url: string): { lookupTable?: string; presetId?: number } {
  const file = g.deployment ?? deploymentRecordPath(url);
  if (!existsSync(file)) return {};
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    throw usage(`deployment record ${file} is not JSON (--deployment)`);
  }
}

export class UsageError extends Error {}

export interface Ctx { client: AgentpadClient; url: string; cluster: string }

/** Where the CLI prints and how it reaches a cluster (tests swap in LiteSVM and a buffer). */
export interface CliIo {
  connect?: (g: Globals) => Ctx;
  out?: (line: string) => void;
  err?: (line: string) => void;
}

let out: (line: string) => void = (l) => console.log(l);
let err: (line: string) => void = (l) => console.error(l);
let connect: (g: Globals) => Ctx = connectRpc;
const usage = (m: string) => new UsageError(m);

function key(text: string, what: string): PublicKey {
  try {
    return new PublicKey(text);
  } catch {
    throw usage(`${what} "${text}" is not a base58 public key`);
  }
}

/** A whole number from `min` to `max` (a usage error otherwise). */
function integer(text: string, what: string, min: number, max: number): number {
  const v = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(v) || v < min || v > max) throw usage(`${what} "${text}" must be a whole number from ${min} to ${max}`);
  return v;
}

/** A u64 (a usage error otherwise). */
function u64(text: string, what: string): bigint {
  const v = /^\d+$/.test(text) ? BigInt(text) : -1n;
  if (v < 0n || v > 0xffff_ffff_ffff_ffffn) throw usage(`${what} "${text}" must be a whole number from 0 to 18446744073709551615`);
  return v;
}

/** 32 bytes of hex, `0x` optional (a usage error otherwise). */
function hash32(text: string, what: string): Uint8Array {
  const hex = text.replace(/^0x/, "");
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) throw usage(`${what} "${text}" must be 32 bytes of hex`);
  return Uint8Array.from(Buffer.from(hex, "hex"));
}

function slippage(text: string): number {
  const bps = Number(text);
  if (!Number.isInteger(bps) || bps < 0 || bps > 5_000) throw usage(`--slippage "${text}" must be whole bps from 0 to 5000`);
  return bps;
}

function amount(text: string, decimals: number, what: string): bigint {
  try {
    const v = parseAmount(text, decimals);
    if (v === 0n) throw new Error("must be positive");
    return v;
  } catch (e) {
    throw usage(`${what} "${text}": ${(e as Error).message}`);
  }
}

/** JSON with bigints as strings, keys in base58 and byte arrays (hashes) in hex. */
function toJson(v: unknown): string {
  return JSON.stringify(v, (_, x) => (
    typeof x === "bigint" ? x.toString() : x instanceof PublicKey ? x.toBase58() : x?.constructor?.name === "BN" ? x.toString()
      : x instanceof Uint8Array ? Buffer.from(x).toString("hex") : x
  ), 2);
}

function report(g: Globals, sent: Sent, human: string[], extra: Record<string, unknown> = {}) {
  if (g.json) {
    out(toJson({ signature: sent.signature, computeUnits: sent.computeUnits, size: sent.size, events: sent.events, ...extra }));
    return;
  }
  for (const line of human) out(line);
  out(`confirmed ${sent.signature}  (${sent.computeUnits} CU, ${sent.size} bytes)`);
}

function progressBar(bps: number, width = 30): string {
  const filled = Math.round((bps / 10_000) * width);
  return `[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${(bps / 100).toFixed(2)}%`;
}

function printStatus(s: AgentStatus, symbolOf: (m: PublicKey) => string, decimalsOf: (m: PublicKey) => number) {
  const tok = (v: bigint) => formatAmount(v, AGENT_TOKEN_DECIMALS);
  out(`agent      ${s.agent.mint.toBase58()}`);
  out(`creator    ${s.agent.creator.toBase58()}`);
  if (s.origin) out(`origin     chain eid ${s.origin.eid}, token 0x${Buffer.from(s.origin.token.subarray(12)).toString("hex")} (a LayerZero OFT on Solana)`);
  else out(`origin     launched on Solana`);
  const m = s.market;
  if (m) {
    const qs = symbolOf(m.pool.quoteMint);
    const quo = (v: bigint) => `${formatAmount(v, m.pool.quoteDecimals)} ${qs}`;
    out(`pool       ${m.pool.address.toBase58()} (${m.pool.phase})`);
    out(`price      ${m.price} ${qs} per token   fee now ${(m.feeBpsNow / 100).toFixed(2)}%`);
    out(`reserves   ${quo(m.pool.quoteReserve)}  |  ${tok(m.pool.baseReserve)} tokens`);
    if (!s.origin) out(`graduation ${progressBar(m.progressBps)}  (${quo(m.pool.quoteReserve)} of ${quo(m.pool.params.graduationThreshold)})`);
    out(`pool fees  unclaimed protocol ${quo(m.pool.protocolFees)}, creator ${quo(m.pool.creatorFees)}, agent ${quo(m.pool.agentFees)}`);
  } else {
    out(`pool       none yet (the creator opens one with \`agentpad open-pool\`)`);
  }
  for (const v of s.vaults) {
    const d = decimalsOf(v.rewardMint);
    const f = (x: bigint) => `${formatAmount(x, d)} ${symbolOf(v.rewardMint)}`;
    out(`revenue    vault ${v.address.toBase58()}`);
    out(`  by source   trading (swept) ${f(v.totalLocal)} | direct ${f(v.totalDirect)} | bridged ${f(v.totalBridged)} | commerce (jobs) ${f(v.totalCommerce)}`);
    for (const c of v.chains) out(`  chain ${c.eid}  credited ${f(c.credited)}, reported (kept there) ${f(c.reported)}, ${c.reports} reports`);
    out(`  paid out    holders ${f(v.distributedHolders)} | creator ${f(v.distributedCreator)} | protocol ${f(v.distributedProtocol)} | undistributed ${f(v.undistributed)}`);
  }
  if (s.stakePool) out(`staking    ${tok(s.stakePool.totalStaked)} tokens staked, cooldown ${s.stakePool.unstakeCooldown} s`);
  for (const st of s.stakers) {
    const c = st.claimable.map((x) => `${formatAmount(x.amount, decimalsOf(x.mint))} ${symbolOf(x.mint)}`).join(", ") || "nothing";
    out(`  ${st.owner.toBase58()}  staked ${tok(st.staked)}, unstaking ${tok(st.unstaking)}, claimable ${c}`);
  }
}

const evaluatorText = (e: Evaluator) => ("agent" in e ? `agent ${e.agent.mint.toBase58()}` : "the client");

function printJob(s: JobStatus) {
  const j = s.job;
  const fmt = (v: bigint) => formatAmount(v, j.budgetDecimals);
  const hex = (h: Uint8Array) => Buffer.from(h).toString("hex");
  const named = (k: PublicKey | null) => k?.toBase58() ?? "none named";
  out(`job         ${j.address.toBase58()} (${j.phase})`);
  out(`client      ${j.client.toBase58()}, id ${j.id}`);
  out(`provider    agent ${j.provider.toBase58()}, operator ${named(s.providerOperator)}`);
  out(`evaluator   ${evaluatorText(j.evaluator)}${"agent" in j.evaluator ? `, operator ${named(s.evaluator)}` : ""}; fee ${j.evaluatorFeeBps / 100}%`);
  out(`budget      ${fmt(j.budget)} of mint ${j.budgetMint.toBase58()}`);
  out(`escrow      ${j.escrow.toBase58()}: owes ${fmt(j.escrowed)}, holds ${fmt(s.escrowBalance)}`);
  out(`on approval evaluator ${fmt(s.onApproval.evaluatorFee)}, provider's vault ${fmt(s.onApproval.provider)} (commerce revenue)`);
  const when = isFinalPhase(j.phase) ? "closed" : s.expired ? "expired: only the refund is left, which anyone may send (agentpad job refund)" : `in ${j.expiresAt - s.now} s`;
  out(`expires     unix ${j.expiresAt} (${when})`);
  out(`parent      ${s.parent ? `${s.parent.address.toBase58()} (${s.parent.phase}, agent ${s.parent.provider.toBase58()})` : "none"}`);
  out(`children    ${j.children}`);
  for (const c of s.children) out(`  ${c.address.toBase58()} (${c.phase}, agent ${c.provider.toBase58()}, budget ${formatAmount(c.budget, c.budgetDecimals)})`);
  out(`terms       ${j.termsUri || "(no URI)"}  hash ${hex(j.termsHash)}`);
  const submitted = j.phase === "submitted" || j.phase === "completed" || j.phase === "rejected" || (j.phase === "expired" && j.deliverableUri !== "");
  out(`deliverable ${submitted ? `${j.deliverableUri || "(no URI)"}  hash ${hex(j.deliverableHash)}` : "not submitted"}`);
}

/**
 * Runs one CLI invocation (`argv` as process.argv). Returns the exit code: 0, 1 for a
 * refused transaction or pre-flight check, 2 for bad usage.
 */
export async function runCli(argv: string[], io: CliIo = {}): Promise<number> {
  out = io.out ?? ((l) => console.log(l));
  err = io.err ?? ((l) => console.error(l));
  connect = io.connect ?? connectRpc;
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (e) {
    const json = program.opts<Globals>().json;
    if (e instanceof AgentpadError || e instanceof UsageError) {
      const o = e instanceof AgentpadError ? { error: e.code, program: e.program, message: e.message } : { error: "Usage", message: e.message };
      if (json) out(JSON.stringify(o));
      else err(`error: ${e.message}`);
      return e instanceof UsageError ? 2 : 1;
    }
    // Help, version, and commander's own usage errors (already printed).
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    // Anything else is a bug or an environment failure: one line (the stack with AGENTPAD_DEBUG=1).
    if (process.env.AGENTPAD_DEBUG) err(String((e as Error).stack));
    const message = (e as Error).message ?? String(e);
    if (json) out(JSON.stringify({ error: "Unexpected", message }));
    else err(`error: ${message}`);
    return 1;
  }
}

function buildProgram(): Command {
  const program = new Command("agentpad")
    .description("agentpad: AI-agent tokens on Solana — launch, bonding-curve trading, revenue aggregation and distribution")
    .option("-u, --url <cluster>", "localnet | devnet | testnet | mainnet-beta | <RPC URL> (default: Solana CLI config, else localnet)")
    .option("-k, --keypair <path>", "wallet keypair file (default: Solana CLI config, else ~/.config/solana/id.json)")
    .option("--deployment <file>", "deployment record written by migrations/deploy.ts (default: migrations/deployments/<cluster>.json)")
    .option("--lookup-table <address>", "launch lookup table (default: from the deployment record)")
    .option("--json", "machine-readable output");

  function action<A extends unknown[]>(f: (g: Globals, ctx: Ctx, ...args: A) => Promise<void>) {
    return async (...args: A) => {
      const g = program.opts<Globals>();
      await f(g, connect(g), ...args);
    };
  }

  /** Quote decimals of an agent's pool, and a formatter. */
  async function quoteOf(client: AgentpadClient, mint: PublicKey) {
    const pool = await client.pool(mint);
    return { pool, decimals: pool.quoteDecimals, fmt: (v: bigint) => formatAmount(v, pool.quoteDecimals) };
  }

  program.command("launch")
    .description("launch an agent: token mint, record, pool, fee vault and stake pool in one transaction")
    .requiredOption("--name <name>", "token name (max 32 bytes)")
    .requiredOption("--symbol <symbol>", "token symbol (max 10 bytes)")
    .requiredOption("--uri <uri>", "metadata URI (max 200 bytes)")
    .option("--preset <id>", "pool preset", "0")
    .option("--first-buy <amount>", "quote the creator spends on a first buy in the same transaction")
    .option("--cooldown <seconds>", "unstake cooldown of the stake pool")
    .action(action(async (g, { client, cluster, url }, o: { name: string; symbol: string; uri: string; preset: string; firstBuy?: string; cooldown?: string }) => {
      const presetId = integer(o.preset, "--preset", 0, 0xffff);
      const unstakeCooldown = o.cooldown === undefined ? undefined : integer(o.cooldown, "--cooldown", 0, 0xffff_ffff);
      const table = g.lookupTable ?? deployment(g, url).lookupTable;
      if (!table) throw usage(`no launch lookup table for ${cluster}: pass --lookup-table, or run migrations/deploy.ts for this cluster (record: ${g.deployment ?? deploymentRecordPath(url)})`);
      const { quote } = await client.preset(presetId);
      const firstBuy = o.firstBuy ? amount(o.firstBuy, quote.decimals, "--first-buy") : undefined;
      const sent = await client.launch({
        name: o.name, symbol: o.symbol, uri: o.uri, presetId, lookupTable: key(table, "lookup table"), firstBuy, unstakeCooldown,
      });
      const trade = sent.events.find((e) => e.name === "tradeExecuted")?.data;
      report(g, sent, [
        `launched ${o.symbol}: mint ${sent.mint.toBase58()}`,
        `  pool ${sent.keys.pool.toBase58()}, fee vault ${sent.keys.feeVault.toBase58()}, stake pool ${sent.keys.stakePool.toBase58()}`,
        ...(trade ? [`  first buy: ${formatAmount(BigInt(trade.baseAmount.toString()), AGENT_TOKEN_DECIMALS)} tokens for ${formatAmount(BigInt(trade.quoteAmount.toString()), quote.decimals)}`] : []),
      ], { mint: sent.mint });
    }));

  program.command("buy <mint> <amount>")
    .description("buy agent tokens: spend <amount> of the quote token (fee included), or get exactly <amount> tokens with --exact-out")
    .option("--exact-out", "<amount> is the number of tokens to receive")
    .option("--slippage <bps>", "accepted move against the quote, in bps", "100")
    .action(action(async (g, { client }, mintText: string, amountText: string, o: { exactOut?: boolean; slippage: string }) => {
      const mint = key(mintText, "mint");
      const { decimals, fmt } = await quoteOf(client, mint);
      const opts = { slippageBps: slippage(o.slippage) };
      const sent = o.exactOut
        ? await client.buyExactOut(mint, amount(amountText, AGENT_TOKEN_DECIMALS, "amount"), opts)
        : await client.buy(mint, amount(amountText, decimals, "amount"), opts);
      const q = sent.quote;
      report(g, sent, [
        `bought ${formatAmount(q.baseAmount, AGENT_TOKEN_DECIMALS)} tokens for ${fmt(q.quoteAmount)} (fee ${fmt(q.fee)} at ${q.feeBps / 100}%)`,
        `  limit sent: ${o.exactOut ? `max ${fmt(sent.limit)} in` : `min ${formatAmount(sent.limit, AGENT_TOKEN_DECIMALS)} tokens out`}`,
      ], { quote: q, limit: sent.limit });
    }));

  program.command("sell <mint> <amount>")
    .description("sell exactly <amount> agent tokens")
    .option("--slippage <bps>", "accepted move against the quote, in bps", "100")
    .action(action(async (g, { client }, mintText: string, amountText: string, o: { slippage: string }) => {
      const mint = key(mintText, "mint");
      const { fmt } = await quoteOf(client, mint);
      const sent = await client.sell(mint, amount(amountText, AGENT_TOKEN_DECIMALS, "amount"), { slippageBps: slippage(o.slippage) });
      const q = sent.quote;
      report(g, sent, [`sold ${formatAmount(q.baseAmount, AGENT_TOKEN_DECIMALS)} tokens for ${fmt(q.quoteAmount)} (fee ${fmt(q.fee)})`], { quote: q });
    }));

  program.command("graduate <mint>")
    .description("graduate a completed curve into its locked constant-product pool (anyone may)")
    .action(action(async (g, { client }, mintText: string) => {
      const sent = await client.graduate(key(mintText, "mint"));
      report(g, sent, ["graduated: liquidity is locked in the constant-product pool"]);
    }));

  program.command("sweep <mint>")
    .description("move the pool's agent-revenue fees into the agent's vault (anyone may)")
    .action(action(async (g, { client }, mintText: string) => {
      const mint = key(mintText, "mint");
      const { fmt } = await quoteOf(client, mint);
      const sent = await client.sweep(mint);
      const e = sent.events.find((x) => x.name === "revenueCredited")?.data;
      report(g, sent, [`swept ${e ? fmt(BigInt(e.amount.toString())) : "?"} into the agent's vault`]);
    }));

  program.command("deposit <mint> <amount>")
    .description("pay revenue into the agent's vault directly")
    .option("--reward-mint <mint>", "token to deposit (default: the pool's quote token)")
    .action(action(async (g, { client }, mintText: string, amountText: string, o: { rewardMint?: string }) => {
      const mint = key(mintText, "mint");
      const pool = await client.pool(mint);
      const reward = o.rewardMint ? key(o.rewardMint, "reward mint") : pool.quoteMint;
      const info = await fetchMint(client.backend, reward);
      if (!info) throw usage(`${reward.toBase58()} is not a mint`);
      const units = amount(amountText, info.decimals, "amount");
      const sent = await client.deposit(mint, reward, units);
      report(g, sent, [`deposited ${formatAmount(units, info.decimals)} into the agent's vault`]);
    }));

  program.command("distribute <mint>")
    .description("split the vault's undistributed revenue: holders (stakers), creator, protocol (anyone may)")
    .option("--reward-mint <mint>", "which vault (default: the pool's quote token)")
    .action(action(async (g, { client }, mintText: string, o: { rewardMint?: string }) => {
      const mint = key(mintText, "mint");
      const { fmt } = await quoteOf(client, mint);
      const sent = await client.distribute(mint, o.rewardMint ? key(o.rewardMint, "reward mint") : undefined);
      const e = sent.events.find((x) => x.name === "revenueDistributed")?.data;
      const n = (x: { toString(): string }) => fmt(BigInt(x.toString()));
      report(g, sent, e ? [`distributed: holders ${n(e.holders)}, creator ${n(e.creator)}, protocol ${n(e.protocol)}`] : ["distributed"]);
    }));

  program.command("stake <mint> <amount>")
    .description("stake agent tokens to earn a pro-rata share of its revenue")
    .action(action(async (g, { client }, mintText: string, amountText: string) => {
      const units = amount(amountText, AGENT_TOKEN_DECIMALS, "amount");
      const sent = await client.stake(key(mintText, "mint"), units);
      report(g, sent, [`staked ${formatAmount(units, AGENT_TOKEN_DECIMALS)} tokens`]);
    }));

  program.command("unstake <mint> [amount]")
    .description("request an unstake (starts the cooldown); with --withdraw, withdraw what has cooled down")
    .option("--withdraw", "withdraw tokens whose cooldown has elapsed")
    .action(action(async (g, { client }, mintText: string, amountText: string | undefined, o: { withdraw?: boolean }) => {
      const mint = key(mintText, "mint");
      if (o.withdraw) {
        const sent = await client.withdraw(mint);
        report(g, sent, ["withdrawn"]);
        return;
      }
      if (!amountText) throw usage("unstake needs an amount (or --withdraw)");
      const units = amount(amountText, AGENT_TOKEN_DECIMALS, "amount");
      const sent = await client.requestUnstake(mint, units);
      const e = sent.events.find((x) => x.name === "unstakeRequested")?.data;
      report(g, sent, [`unstaking ${formatAmount(units, AGENT_TOKEN_DECIMALS)} tokens${e ? `, withdrawable at unix ${e.unlockAt}` : ""}`]);
    }));

  program.command("claim <mint>")
    .description("claim your share of the agent's distributed revenue")
    .action(action(async (g, { client }, mintText: string) => {
      const mint = key(mintText, "mint");
      const { fmt } = await quoteOf(client, mint);
      const sent = await client.claim(mint);
      const lines = sent.events.filter((e) => e.name === "rewardClaimed").map((e) => `claimed ${fmt(BigInt(e.data.amount.toString()))} of ${e.data.rewardMint.toBase58()}`);
      report(g, sent, lines.length ? lines : ["nothing was claimable"]);
    }));

  program.command("status <mint>")
    .description("price, reserves, progress to graduation, revenue ledger by source, stakers' claimable")
    .option("--staker <pubkey...>", "stakers to show (default: the largest stakers the RPC node returns, else your wallet)")
    .action(action(async (g, { client }, mintText: string, o: { staker?: string[] }) => {
      const mint = key(mintText, "mint");
      const stakers = o.staker?.map((s) => key(s, "staker"))
        ?? (client.backend.findAccounts ? undefined : [client.address]);
      const s = await client.status(mint, stakers);
      if (g.json) return void out(toJson(s));
      const decimals = new Map<string, number>();
      for (const v of s.vaults) decimals.set(v.rewardMint.toBase58(), v.rewardDecimals);
      if (s.market) decimals.set(s.market.pool.quoteMint.toBase58(), s.market.pool.quoteDecimals);
      const symbolOf = (m: PublicKey) => (m.toBase58() === "So11111111111111111111111111111111111111112" ? "SOL" : m.toBase58().slice(0, 4) + "…");
      printStatus(s, symbolOf, (m) => decimals.get(m.toBase58()) ?? 0);
    }));

  program.command("register <mint>")
    .description("register an agent token from another chain (an OFT mint linked from there to you) as an agent: record, fee vault, stake pool")
    .requiredOption("--reward-mint <mint>", "the mint its first fee vault and stake-pool rewards are in (e.g. bridged VIRTUAL)")
    .option("--preset <id>", "preset whose staking terms (and, for a pool, fees) it takes", "0")
    .option("--cooldown <seconds>", "unstake cooldown of the stake pool")
    .action(action(async (g, { client }, mintText: string, o: { rewardMint: string; preset: string; cooldown?: string }) => {
      const mint = key(mintText, "mint");
      const presetId = integer(o.preset, "--preset", 0, 0xffff);
      const unstakeCooldown = o.cooldown === undefined ? undefined : integer(o.cooldown, "--cooldown", 0, 0xffff_ffff);
      const sent = await client.registerBridgedAgent({ mint, presetId, rewardMint: key(o.rewardMint, "--reward-mint"), unstakeCooldown });
      const e = sent.events.find((x) => x.name === "bridgedAgentRegistered")?.data;
      report(g, sent, [`registered ${mint.toBase58()} as an agent (origin chain eid ${e?.originEid}, link ${e?.linkId})`]);
    }));

  program.command("open-pool <mint> <tokens> <quote>")
    .description("(creator of a bridged agent) open its pool against its preset's quote mint, seeded with <tokens> and <quote>, locked forever")
    .action(action(async (g, { client }, mintText: string, tokensText: string, quoteText: string) => {
      const mint = key(mintText, "mint");
      const agent = await client.agent(mint);
      const { quote } = await client.preset(agent.presetId);
      const sent = await client.openBridgedPool(mint, amount(tokensText, AGENT_TOKEN_DECIMALS, "tokens"), amount(quoteText, quote.decimals, "quote"));
      report(g, sent, [`pool ${sent.keys.pool.toBase58()} opened: ${tokensText} tokens against ${quoteText}, locked forever`]);
    }));

  program.command("bridge-peer <eid> [address]")
    .description("show, or (admin) set, the trusted LayerZero sender for a source chain (20-byte EVM or 32-byte hex address)")
    .action(action(async (g, { client }, eidText: string, addressText?: string) => {
      const eid = Number(eidText);
      if (!Number.isInteger(eid) || eid <= 0 || eid > 0xffff_ffff) throw usage(`eid "${eidText}" is not a LayerZero endpoint id`);
      if (!addressText) {
        const peer = await fetchPeer(client.backend, eid);
        if (g.json) return void out(toJson(peer ? { eid, address: "0x" + Buffer.from(peer.address).toString("hex") } : null));
        out(peer ? `eid ${eid}: 0x${Buffer.from(peer.address).toString("hex")}` : `eid ${eid}: no peer`);
        return;
      }
      const hex = addressText.replace(/^0x/, "");
      if (!/^[0-9a-fA-F]+$/.test(hex) || (hex.length !== 40 && hex.length !== 64)) throw usage(`address "${addressText}" must be 20 or 32 bytes of hex`);
      const bytes = peerBytes(Buffer.from(hex, "hex"));
      const sent = await client.setPeer(eid, bytes);
      report(g, sent, [`peer for eid ${eid} set to 0x${Buffer.from(bytes).toString("hex")}`]);
    }));

  const agent = program.command("agent").description("an agent's settings");
  const operator = agent.command("operator").description("the key that acts for an agent in jobs (its runtime wallet)");
  operator.command("set <mint> <operator>")
    .description("(the agent's creator) name or rotate the agent's operator")
    .action(action(async (g, { client }, mintText: string, operatorText: string) => {
      const mint = key(mintText, "mint");
      const op = key(operatorText, "operator");
      const sent = await client.setOperator(mint, op);
      report(g, sent, [`operator of agent ${mint.toBase58()} set to ${op.toBase58()} (was ${sent.previous?.toBase58() ?? "none"})`], { operator: op, previous: sent.previous });
    }));
  operator.command("show <mint>")
    .description("the agent's operator")
    .action(action(async (g, { client }, mintText: string) => {
      const mint = key(mintText, "mint");
      await client.agent(mint);
      const op = await client.operatorOf(mint);
      if (g.json) return void out(toJson({ mint, operator: op }));
      out(`agent ${mint.toBase58()}: operator ${op?.toBase58() ?? "none named"}`);
    }));

  const job = program.command("job").description("agent commerce: hire an agent for a job; on approval its pay becomes the agent's revenue");
  /** A job (refused by name when there is none) and a formatter of its budget mint's amounts. */
  async function jobOf(client: AgentpadClient, text: string) {
    const j = await client.job(key(text, "job"));
    return { address: j.address, job: j, fmt: (v: bigint) => formatAmount(v, j.budgetDecimals) };
  }

  job.command("create <provider-mint> <budget>")
    .description("ask agent <provider-mint> for a job paying <budget> (in the budget mint, escrowed at `job fund`); prints the job's address")
    .requiredOption("--id <n>", "your number for the job: any you have not used (the job's address follows from it)")
    .option("--budget-mint <mint>", "a mint the provider's fee vault takes (default: its pool's quote token)")
    .option("--evaluator <who>", "who approves or rejects: client (you) or an agent's mint (its operator)", "client")
    .option("--evaluator-fee-bps <n>", "the evaluator's fee on approval, in bps of the budget (at most 5000)", "0")
    .option("--expires-in <seconds>", "lifetime (default: 7 days; a child job's at most its parent's)")
    .option("--expires-at <unix>", "expiry as unix time")
    .option("--terms-uri <uri>", "where the terms are (max 200 bytes)")
    .option("--terms-hash <hex>", "the terms' 32-byte hash")
    .option("--parent <job>", "(a provider's operator) the funded job this one sub-contracts part of")
    .action(action(async (g, { client }, providerText: string, budgetText: string, o: {
      id: string; budgetMint?: string; evaluator: string; evaluatorFeeBps: string; expiresIn?: string; expiresAt?: string; termsUri?: string;
      termsHash?: string; parent?: string;
    }) => {
      const provider = key(providerText, "provider mint");
      const id = u64(o.id, "--id");
      const evaluator: Evaluator = o.evaluator === "client" ? { client: {} } : { agent: { mint: key(o.evaluator, "--evaluator (client or an agent's mint)") } };
      const evaluatorFeeBps = integer(o.evaluatorFeeBps, "--evaluator-fee-bps", 0, 10_000);
      if (o.expiresIn !== undefined && o.expiresAt !== undefined) throw usage("give --expires-in or --expires-at, not both");
      const expiresIn = o.expiresIn === undefined ? undefined : BigInt(integer(o.expiresIn, "--expires-in", 1, 0xffff_ffff));
      const termsHash = o.termsHash === undefined ? undefined : hash32(o.termsHash, "--terms-hash");
      const parent = o.parent === undefined ? undefined : key(o.parent, "--parent");
      const mint = await client.commerce.budgetMint(provider, o.budgetMint === undefined ? undefined : key(o.budgetMint, "--budget-mint"));
      const budget = amount(budgetText, mint.decimals, "budget");
      const expiresAt = o.expiresAt !== undefined ? BigInt(integer(o.expiresAt, "--expires-at", 0, Number.MAX_SAFE_INTEGER))
        : expiresIn !== undefined ? (await client.backend.unixTimestamp()) + expiresIn : undefined;
      const sent = await client.createJob({
        provider, id, budget, budgetMint: mint.address, evaluator, evaluatorFeeBps, expiresAt, termsUri: o.termsUri, termsHash, parent,
      });
      report(g, sent, [
        `job ${sent.job.toBase58()} created: ${formatAmount(budget, mint.decimals)} for agent ${provider.toBase58()}, evaluated by ${evaluatorText(evaluator)} (fee ${evaluatorFeeBps / 100}%), expires at unix ${sent.expiresAt}`,
        `  next: the agent's operator accepts it (agentpad job accept ${sent.job.toBase58()}), then you fund it (agentpad job fund ${sent.job.toBase58()})`,
      ], { job: sent.job, expiresAt: sent.expiresAt });
    }));

  job.command("accept <job>")
    .description("(the provider agent's operator) take the job")
    .action(action(async (g, { client }, jobText: string) => {
      const { address, job: j } = await jobOf(client, jobText);
      const sent = await client.acceptJob(address);
      report(g, sent, [`job ${address.toBase58()} accepted for agent ${j.provider.toBase58()}`]);
    }));

  job.command("fund <job>")
    .description("(the client) move the budget into the job's escrow")
    .action(action(async (g, { client }, jobText: string) => {
      const { address, job: j, fmt } = await jobOf(client, jobText);
      const sent = await client.fundJob(address);
      report(g, sent, [`job ${address.toBase58()} funded: ${fmt(sent.amount)} in escrow ${j.escrow.toBase58()}`], { amount: sent.amount });
    }));

  job.command("submit <job>")
    .description("(the provider agent's operator) deliver: where the deliverable is, and its hash")
    .requiredOption("--uri <uri>", "where the deliverable is (max 200 bytes)")
    .option("--hash <hex>", "the deliverable's 32-byte hash")
    .action(action(async (g, { client }, jobText: string, o: { uri: string; hash?: string }) => {
      const hash = o.hash === undefined ? undefined : hash32(o.hash, "--hash");
      const { address } = await jobOf(client, jobText);
      const sent = await client.submitJob(address, { uri: o.uri, hash });
      report(g, sent, [`job ${address.toBase58()} submitted: ${o.uri}`]);
    }));

  job.command("approve <job>")
    .description("(the evaluator) approve the deliverable: its fee to you, the rest to the provider agent's vault")
    .action(action(async (g, { client }, jobText: string) => {
      const { address, job: j, fmt } = await jobOf(client, jobText);
      const sent = await client.approveJob(address);
      const p = sent.payout;
      report(g, sent, [`job ${address.toBase58()} approved: ${fmt(p.provider)} to agent ${j.provider.toBase58()}'s vault (commerce revenue), ${fmt(p.evaluator)} to the evaluator`], { payout: p });
    }));

  job.command("reject <job>")
    .description("(the evaluator) reject the deliverable: the whole budget back to the client")
    .action(action(async (g, { client }, jobText: string) => {
      const { address, fmt } = await jobOf(client, jobText);
      const sent = await client.rejectJob(address);
      report(g, sent, [`job ${address.toBase58()} rejected: ${fmt(sent.payout.client)} refunded to the client`], { payout: sent.payout });
    }));

  job.command("refund <job>")
    .description("(anyone, at or after the expiry) end the job and refund its client")
    .action(action(async (g, { client }, jobText: string) => {
      const { address, fmt } = await jobOf(client, jobText);
      const sent = await client.expireJob(address);
      report(g, sent, [`job ${address.toBase58()} expired: ${fmt(sent.payout.client)} refunded to the client`], { payout: sent.payout });
    }));

  job.command("status <job>")
    .description("phase, parties, budget and escrow, what approval pays, expiry, parent and children, deliverable")
    .action(action(async (g, { client }, jobText: string) => {
      const s = await client.jobStatus(key(jobText, "job"));
      if (g.json) return void out(toJson(s));
      printJob(s);
    }));

  const preset = program.command("preset").description("design and create bonding-curve presets (curve shapes of 1 to 16 segments)");
  preset.command("design")
    .description("fit a segmented preset to a start price and a market cap at graduation; print its segments, write a chart")
    .requiredOption("--start-price <quote>", "quote per token at launch (e.g. 0.000000028)")
    .requiredOption("--graduation-mcap <quote>", "quote value of the whole supply at the graduation price (e.g. 420)")
    .option("--segments <n>", "segments, 1 to 16", "4")
    .option("--shape <shape>", "where the curve's supply goes: even | front | back", "even")
    .option("--supply <tokens>", "total supply in whole tokens", "1000000000")
    .option("--quote-decimals <n>", "decimals of the quote token", "9")
    .option("--chart <file.svg>", "write the chart of price against supply sold here")
    .option("--out <file.json>", "write the preset (for `preset create --file`) here")
    .action((o: { startPrice: string; graduationMcap: string; segments: string; shape: string; supply: string; quoteDecimals: string; chart?: string; out?: string }) => {
      const g = program.opts<Globals>();
      const positive = (text: string, what: string) => {
        const v = Number(text);
        if (!/^\d*\.?\d+(e-?\d+)?$/i.test(text) || !(v > 0)) throw usage(`${what} "${text}" must be a positive number`);
        return v;
      };
      if (!["even", "front", "back"].includes(o.shape)) throw usage(`--shape "${o.shape}" must be even, front or back`);
      let d;
      try {
        d = designPreset({
          startPrice: positive(o.startPrice, "--start-price"), graduationMcap: positive(o.graduationMcap, "--graduation-mcap"),
          segments: integer(o.segments, "--segments", 1, 16), totalSupply: integer(o.supply, "--supply", 1, 1e12),
          quoteDecimals: integer(o.quoteDecimals, "--quote-decimals", 0, 12), shape: o.shape as Shape,
        });
      } catch (e) {
        if (e instanceof DesignError) throw usage(e.message);
        throw e;
      }
      const sum = summarize(d);
      const qd = d.quoteDecimals;
      const perToken = (p: number) => ((p * 10 ** AGENT_TOKEN_DECIMALS) / 10 ** qd).toPrecision(4);
      const tokens = (v: bigint) => formatAmount(v, AGENT_TOKEN_DECIMALS);
      if (o.chart) writeFileSync(o.chart, chartSvg(d, `agentpad preset: ${d.stored.length + 1} segments, start ${o.startPrice}, graduation mcap ${o.graduationMcap}`));
      if (o.out) writeFileSync(o.out, presetJson(d));
      if (g.json) return void out(toJson({ ...JSON.parse(presetJson(d)), summary: sum }));
      out("segment  starts at (tokens)   supply (tokens)      start price   end price     quote to fill");
      for (const r of sum.rows) {
        out(`${String(r.segment).padStart(7)}  ${tokens(r.startsAt).padStart(19)}  ${tokens(r.supply).padStart(19)}  ${perToken(r.startPrice).padStart(12)}  ${perToken(r.endPrice).padStart(12)}  ${formatAmount(r.quote, qd).padStart(14)}`);
      }
      const gr = sum.graduation;
      out(`graduation at ${formatAmount(gr.threshold, qd)} quote in the curve, ${tokens(gr.sold)} tokens sold, price ${perToken(gr.price)}`);
      out(`graduated pool opens at ${perToken(gr.poolPrice)} with ${tokens(gr.graduatedSupply)} held-back tokens; total supply ${tokens(gr.totalSupply)}`);
      if (o.chart) out(`chart written to ${o.chart}`);
      if (o.out) out(`preset written to ${o.out} (create it with: agentpad preset create <id> --file ${o.out})`);
    });
  preset.command("create <id>")
    .description("(admin) create preset <id> from a preset file written by `preset design --out`")
    .requiredOption("--file <preset.json>", "the preset file")
    .option("--quote-mint <mint>", "quote mint of the preset (default: the deployment record's)")
    .action(action(async (g, { client, url }, idText: string, o: { file: string; quoteMint?: string }) => {
      const id = integer(idText, "preset id", 0, 0xffff);
      if (!existsSync(o.file)) throw usage(`--file ${o.file} does not exist`);
      let file;
      try {
        file = readPresetJson(readFileSync(o.file, "utf8"));
      } catch (e) {
        if (e instanceof DesignError) throw usage(`${o.file}: ${e.message}`);
        throw e;
      }
      const recorded = (deployment(g, url) as { quoteMint?: string }).quoteMint;
      const quoteText = o.quoteMint ?? recorded;
      if (!quoteText) throw usage("no quote mint: pass --quote-mint, or run migrations/deploy.ts for this cluster");
      if (await fetchPreset(client.backend, id)) throw usage(`preset ${id} already exists (presets never change: pick a new id)`);
      const sent = await client.createPreset(id, key(quoteText, "quote mint"), file.params, undefined, file.segments);
      report(g, sent, [`preset ${id} created: ${file.segments.length + 1} segments, graduation at ${file.params.graduationThreshold} quote units`]);
    }));

  program.command("config")
    .description("show the protocol configuration; admins can change the protocol fee recipient")
    .option("--set-fee-recipient <pubkey>", "(admin) new protocol fee recipient")
    .action(action(async (g, { client, url }, o: { setFeeRecipient?: string }) => {
      if (o.setFeeRecipient) {
        const sent = await client.setProtocolFeeRecipient(key(o.setFeeRecipient, "fee recipient"));
        report(g, sent, [`protocol fee recipient set to ${o.setFeeRecipient}`]);
        return;
      }
      const [config, store, preset] = await Promise.all([fetchConfig(client.backend), fetchStore(client.backend), fetchPreset(client.backend, 0)]);
      if (g.json) return void out(toJson({ url, config, store, preset0: preset }));
      if (!config) return void out(`${url}: agentpad is not deployed here (run migrations/deploy.ts)`);
      out(`cluster              ${url}`);
      out(`admin                ${config.admin.toBase58()}`);
      out(`protocol fees to     ${config.protocolFeeRecipient.toBase58()}`);
      if (store) {
        const oapp = feeAggregatorPda.store();
        out(`fee store (OApp)     ${oapp.toBase58()} = 0x${oapp.toBuffer().toString("hex")} (the Base router's SOLANA_STORE)`);
        out(`LayerZero endpoint   ${store.endpointProgram.toBase58()}`);
        const s = store.defaultSplit;
        out(`default split        holders ${s.holdersBps / 100}% / creator ${s.creatorBps / 100}% / protocol ${s.protocolBps / 100}%`);
      }
      if (preset) {
        const p = preset.params;
        out(`preset 0             quote ${preset.quoteMint.toBase58()}, graduation at ${p.graduationThreshold} units, fee ${p.baseFeeBps / 100}% (from ${p.startFeeBps / 100}% over ${p.feeDecaySeconds} s)`);
      }
    }));
  // Every command, nested ones included: commander's own errors return here instead of exiting.
  const quiet = (c: Command) => {
    c.exitOverride().configureOutput({ writeOut: (t) => out(t.trimEnd()), writeErr: (t) => err(t.trimEnd()) });
    c.commands.forEach(quiet);
  };
  quiet(program);
  return program;
}
