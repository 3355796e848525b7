// A lifecycle's worth of activity on a local validator, for the dashboard and the indexer and
// browser tests: four agents at different points of their lives — one graduated, one far up
// its curve with stakers and revenue from every source (its trading fees, direct deposits, a
// fee report and bridged VIRTUAL from Base), two young ones — and a funded wallet for the
// browser. Runs under `anchor test` (ANCHOR_PROVIDER_URL, ANCHOR_WALLET); the protocol is
// deployed by the harness if it is not yet (the localnet deployment).
//
//   node --import tsx scripts/dashboard/seed.ts [--wallet-out <path>]
import { writeFileSync } from "node:fs";
import { Keypair, type PublicKey } from "@solana/web3.js";

import {
  NATIVE_MINT, agentTokenAccount, encodeFeeReport, encodeValueTransfer, executeLzCompose, executeLzReceive, peerBytes,
} from "../../app/src/index.js";
import { lzEndpointMock } from "../../app/src/testing.js";
import { harness } from "../../tests/harness/index.js";

const SOL = 1_000_000_000n;
const TOKEN = 1_000_000n;
const BASE_EID = 30184;

const out = process.argv.indexOf("--wallet-out");
const walletOut = out > 0 ? process.argv[out + 1] : undefined;

const h = await harness();
const log = (s: string) => console.log(`seed: ${s}`);
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

const creator = await h.wallet(500);
const traders = await Promise.all([0, 1, 2, 3].map(() => h.wallet(500)));
const lookupTable = h.deployment.lookupTable;

async function launch(name: string, symbol: string, firstBuy?: bigint): Promise<PublicKey> {
  const { mint } = await creator.launch({
    name, symbol, uri: `https://agentpad.example/${symbol.toLowerCase()}.json`, presetId: h.deployment.presetId, lookupTable, firstBuy,
  });
  log(`launched ${symbol} ${mint.toBase58()}`);
  return mint;
}

/** Alternating buys and sells by the traders, spread over time so candles have shape. */
async function trade(mint: PublicKey, rounds: number, buySol: bigint) {
  for (let i = 0; i < rounds; i++) {
    const t = traders[i % traders.length];
    await t.buy(mint, buySol + BigInt(i) * (SOL / 10n));
    if (i % 3 === 2) {
      const held = await t.balance(agentTokenAccount(t.address, mint));
      if (held > 0n) await t.sell(mint, held / 3n);
    }
    await pause(400);
  }
}

const atlas = await launch("Atlas Research", "ATLS", 2n * SOL);
const nova = await launch("Nova Trader", "NOVA", 5n * SOL);
const echo = await launch("Echo Writer", "ECHO");
const sage = await launch("Sage Oracle", "SAGE", SOL / 2n);

await trade(atlas, 12, 2n * SOL);
await trade(echo, 4, SOL / 2n);

// Nova buys its way to graduation, then trades on its constant-product pool.
await traders[0].buy(nova, 90n * SOL);
await traders[0].graduate(nova);
await trade(nova, 3, SOL);
log("NOVA graduated");

// Atlas: stakers, then revenue from every source, distributed to them.
for (const t of traders.slice(0, 3)) {
  const held = await t.balance(agentTokenAccount(t.address, atlas));
  await t.stake(atlas, held / 2n);
}
await traders[3].sweep(atlas);
await creator.deposit(atlas, NATIVE_MINT, 3n * SOL);
const router32 = peerBytes(new Uint8Array(20).fill(0xba));
await h.admin.setPeer(BASE_EID, router32.subarray(12), { maxReportSd: 1_000_000n * TOKEN, maxReportedTotalSd: 1_000_000_000n * TOKEN });
const virtual = await h.bridgedToken();
await creator.createVault(atlas, virtual.mint);
await creator.addRewardMint(atlas, virtual.mint);
const stamp = BigInt(Date.now());
const report = encodeFeeReport({ agentMint: atlas, rewardMint: virtual.mint, amountSd: 400_000n, reportId: stamp, sourceEpoch: 1n });
const guid = Keypair.generate().publicKey.toBytes();
await h.admin.send([lzEndpointMock.endpointVerify(h.admin.address, BASE_EID, router32, stamp, guid, report)]);
await executeLzReceive(h.admin, { srcEid: BASE_EID, sender: router32, nonce: stamp, guid, message: report });
const compose = await h.oftDeliver(virtual, {
  srcEid: BASE_EID, nonce: stamp + 1n, amountSd: 2_500_000n, composeFrom: router32,
  composeMsg: encodeValueTransfer({ agentMint: atlas, transferId: stamp + 1n, sourceEpoch: 1n }),
});
await executeLzCompose(h.admin, compose);
await traders[3].distribute(atlas);
await traders[3].distribute(atlas, virtual.mint);
log("ATLS: 3 stakers, revenue from trading, direct and Base, distributed");

await trade(sage, 2, SOL / 4n);
await h.elapse(11n); // the localnet reward window: the first distribution has dripped in full
await traders[0].claim(atlas);
await trade(atlas, 3, SOL);

if (walletOut) {
  const browser = Keypair.generate();
  await h.backend.airdrop(browser.publicKey, 200n * SOL);
  writeFileSync(walletOut, JSON.stringify(Array.from(browser.secretKey)));
  log(`browser wallet ${browser.publicKey.toBase58()} (200 SOL): ${walletOut}`);
}
log(`agents: ATLS ${atlas.toBase58()} NOVA ${nova.toBase58()} ECHO ${echo.toBase58()} SAGE ${sage.toBase58()}`);
process.exit(0);
