/**
 * A synthetic market for the benchmarks: `agents` launched agents and `trades` trades among
 * them, deterministic. As events (for the ingest path directly) or as encoded transactions
 * served by a fake node (for the real backfill).
 */
import { createHash } from "node:crypto";

import { AGENT_TOKEN_DECIMALS, type AgentpadEvent, NATIVE_MINT, programs } from "@agentpad/sdk";
import { PublicKey } from "@solana/web3.js";

import type { Positioned } from "../src/records.js";
import type { FakeChain, SignatureInfo } from "../test/support/fakeRpc.js";
import { type SyntheticBalance, type SyntheticEvent, signatureOf, syntheticTransaction } from "../test/support/synthetic.js";

export interface MarketOptions {
  agents: number;
  trades: number;
  /** Unix time of the first trade; trades follow every `spacing` seconds. */
  start: number;
  spacing: number;
  /** Trades per slot. */
  perSlot: number;
}

const WSOL = NATIVE_MINT.toBase58();
const SUPPLY = 1_000_000_000n * 10n ** BigInt(AGENT_TOKEN_DECIMALS);
const CURVE = 800_000_000n * 10n ** BigInt(AGENT_TOKEN_DECIMALS);
/** A deterministic key (any 32 bytes: these accounts never sign). */
const key = (...seed: (string | number)[]) => new PublicKey(createHash("sha256").update(seed.join(":")).digest());

interface Agent { mint: PublicKey; pool: PublicKey; creator: PublicKey; text: { mint: string; pool: string; quoteVault: string; baseVault: string } }

export interface Tx { signature: string; slot: number; blockTime: number; payer: PublicKey; events: SyntheticEvent[]; balances: SyntheticBalance[] }

export class Market {
  readonly agents: Agent[];
  readonly users: PublicKey[];
  private readonly userText: string[];
  constructor(readonly o: MarketOptions) {
    this.agents = Array.from({ length: o.agents }, (_, i) => {
      const mint = key("mint", i);
      // Stand-ins for the pool's PDAs (what the indexer reads is the events' keys, whatever they are).
      const keys = { pool: key("pool", i), baseVault: key("base", i), quoteVault: key("quote", i) };
      return {
        mint, pool: keys.pool, creator: key("creator", i),
        text: { mint: mint.toBase58(), pool: keys.pool.toBase58(), quoteVault: keys.quoteVault.toBase58(), baseVault: keys.baseVault.toBase58() },
      };
    });
    this.users = Array.from({ length: 500 }, (_, i) => key("user", i));
    this.userText = this.users.map((u) => u.toBase58());
  }

  private readonly accounts = new Map<number, string>();
  /** A user's token account of an agent. */
  private tokenAccount(user: number, agent: number): string {
    const k = user * 100_000 + agent;
    let a = this.accounts.get(k);
    if (!a) this.accounts.set(k, (a = key("ata", user, agent).toBase58()));
    return a;
  }

  get slotOfLaunches() {
    return 1_000;
  }

  /** Launches first (their own slot), then the trades. */
  *transactions(): Generator<Tx> {
    const o = this.o;
    for (const [i, a] of this.agents.entries()) {
      yield {
        signature: signatureOf(i, 1), slot: this.slotOfLaunches, blockTime: o.start - 60, payer: a.creator,
        events: [
          { program: "bondingCurve", name: "poolCreated", data: {
            pool: a.pool, baseMint: a.mint, quoteMint: NATIVE_MINT, preset: a.creator, creatorFeeAuthority: a.creator, launchTimestamp: BigInt(o.start - 60),
            params: {
              virtualQuoteReserve: 30_000_000_000n, virtualBaseReserve: 1_073_000_000n * 10n ** 6n, curveSupply: CURVE, graduatedSupply: SUPPLY - CURVE,
              graduationThreshold: 85_000_000_000n, feeDecaySeconds: 0, baseFeeBps: 100, startFeeBps: 100, protocolFeeShareBps: 3000,
              creatorFeeShareBps: 4000, agentFeeShareBps: 3000, curveKind: 0, extraSegments: 0,
            },
          } },
          { program: "agentFactory", name: "agentLaunched", data: {
            agent: a.pool, mint: a.mint, pool: a.pool, creator: a.creator, preset: a.creator, presetId: 0, name: `Agent ${i}`, symbol: `AG${i}`,
            uri: `https://agentpad.example/${i}.json`, totalSupply: SUPPLY, firstBuyQuoteIn: 0n, slot: BigInt(this.slotOfLaunches), timestamp: BigInt(o.start - 60),
          } },
        ],
        balances: [
          { account: a.text.baseVault, owner: a.text.pool, mint: a.text.mint, amount: CURVE, decimals: AGENT_TOKEN_DECIMALS },
          { account: a.text.quoteVault, owner: a.text.pool, mint: WSOL, amount: 0n, decimals: 9 },
        ],
      };
    }
    const state = this.agents.map(() => ({ quote: 0n, base: CURVE }));
    for (let n = 0; n < o.trades; n++) {
      const ai = n % this.agents.length;
      const a = this.agents[ai];
      const s = state[ai];
      const ui = (n * 7) % this.users.length;
      const user = this.users[ui];
      const isBuy = n % 3 !== 2;
      const quoteAmount = 10_000_000n + BigInt((n * 7919) % 1_000_000_000);
      const baseAmount = quoteAmount * 20n;
      const fee = quoteAmount / 100n;
      if (isBuy) [s.quote, s.base] = [s.quote + quoteAmount - fee, s.base - baseAmount];
      else [s.quote, s.base] = [s.quote > quoteAmount ? s.quote - quoteAmount : 0n, s.base + baseAmount];
      const x = 30_000_000_000n + s.quote;
      const y = 1_073_000_000n * 10n ** 6n - (CURVE - s.base);
      const priceQ64 = (x << 64n) / y;
      const time = o.start + n * o.spacing;
      yield {
        signature: signatureOf(n), slot: this.slotOfLaunches + 1 + Math.floor(n / o.perSlot), blockTime: time, payer: user,
        events: [{ program: "bondingCurve", name: "tradeExecuted", data: {
          pool: a.pool, baseMint: a.mint, user, isBuy, baseAmount, quoteAmount, fee, feeBps: 100, protocolFee: fee * 3n / 10n,
          creatorFee: fee * 4n / 10n, agentFee: fee - fee * 3n / 10n - fee * 4n / 10n, quoteReserve: s.quote, baseReserve: s.base, priceQ64,
          progressBps: Math.min(10_000, Number((s.quote * 10_000n) / 85_000_000_000n)), completedCurve: false, graduated: false, timestamp: BigInt(time),
        } }],
        balances: [
          { account: this.tokenAccount(ui, ai), owner: this.userText[ui], mint: a.text.mint, amount: baseAmount * BigInt(1 + (n % 5)), decimals: AGENT_TOKEN_DECIMALS },
          { account: a.text.baseVault, owner: a.text.pool, mint: a.text.mint, amount: s.base, decimals: AGENT_TOKEN_DECIMALS },
          { account: a.text.quoteVault, owner: a.text.pool, mint: WSOL, amount: s.quote, decimals: 9 },
        ],
      };
    }
  }
}

/** The market as a node would serve it: encoded transactions, signature lists, blocks. */
export function chainOf(market: Market): FakeChain & { transactions: number; events: number } {
  const txs = new Map<string, string>();
  const slots = new Map<number, string[]>();
  const lists: Record<string, SignatureInfo[]> = {};
  let events = 0;
  for (const t of market.transactions()) {
    txs.set(t.signature, JSON.stringify(syntheticTransaction(t)));
    events += t.events.length;
    let s = slots.get(t.slot);
    if (!s) slots.set(t.slot, (s = [signatureOf(t.slot, 9)])); // each block opens with a vote
    s.push(t.signature);
    const info: SignatureInfo = { signature: t.signature, slot: t.slot, err: null, memo: null, blockTime: t.blockTime, confirmationStatus: "confirmed" };
    for (const p of new Set(t.events.map((e) => e.program))) (lists[p] ??= []).push(info);
  }
  for (const p of Object.keys(lists)) lists[p].reverse(); // newest first
  const byId: Record<string, SignatureInfo[]> = {};
  for (const [name, list] of Object.entries(lists)) byId[programId(name)] = list;
  const slotOf = new Map<string, number>();
  for (const [slot, sigs] of slots) for (const s of sigs) slotOf.set(s, slot);
  return {
    transactions: txs.size, events,
    signatures: (program) => byId[program] ?? [],
    transaction: (signature) => txs.get(signature) ?? null,
    block: (slot) => {
      const s = slots.get(slot);
      return s ? { blockhash: "11111111111111111111111111111111", previousBlockhash: "11111111111111111111111111111111", parentSlot: slot - 1, signatures: s, blockTime: null, blockHeight: slot } : null;
    },
    slotOf: (signature) => slotOf.get(signature),
  };
}

const programId = (name: string) => programs[name as keyof typeof programs].programId.toBase58();

/** The market as records ready for Store.ingest (the ingest path without a node). */
export function* recordsOf(market: Market, batch: number): Generator<Positioned[]> {
  let out: Positioned[] = [];
  let indexInSlot = 0;
  let lastSlot = -1;
  for (const t of market.transactions()) {
    indexInSlot = t.slot === lastSlot ? indexInSlot + 1 : 1;
    lastSlot = t.slot;
    out.push({
      signature: t.signature, slot: t.slot, blockTime: t.blockTime, err: null, txIndex: indexInSlot, commitment: "finalized",
      events: t.events.map((e) => ({ program: e.program, name: e.name, data: e.data }) as AgentpadEvent),
      tokenBalances: t.balances,
    });
    if (out.length >= batch) {
      yield out;
      out = [];
    }
  }
  if (out.length) yield out;
}
