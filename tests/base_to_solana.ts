// Fees from Base, end to end: AgentRevenueRouter on a local Base (anvil, LayerZero's own
// EndpointV2 and SimpleMessageLib, VIRTUAL's OFT adapter on LayerZero's OFT code), deployed
// by its forge script; the packets LayerZero's endpoint emits there, byte for byte, are
// carried to Solana as a DVN and executor would (the test endpoint's `verify`, then the
// executor's calls through the SDK) and land in the agent's vault.
import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { Options } from "@layerzerolabs/lz-v2-utilities";
import { Keypair, PublicKey, SystemProgram } from "@solana/web3.js";
import { MINT_SIZE, createInitializeMint2Instruction } from "@solana/spl-token";
import type { Address } from "viem";

import {
  AgentpadError, DEFAULT_REPORT_LIMITS, TOKEN_2022_PROGRAM_ID, decodeAgentLink, decodeFeeReport, encodeAgentLink, deployProtocol, decodeOftMessage, decodeValueTransfer, encodeFeeReport, executeLzCompose, executeLzReceive,
  feeAggregatorPda, fetchVault, type AgentpadClient, type Sent,
} from "../app/src/index.js";
import { lzEndpointMock } from "../app/src/testing.js";
import { type BridgedToken, type Harness, harness } from "./harness/index.js";
import { type Artifact, Chain, artifact, bytes32, hex } from "./harness/evm.js";

const BASE_EID = 30184;
const SOLANA_EID = lzEndpointMock.SOLANA_EID;
const E18 = 10n ** 18n;
const budgets = JSON.parse(readFileSync(new URL("../scripts/sbf/runner/budgets.json", import.meta.url), "utf8")).ceilings;

function event(sent: Sent, name: string) {
  const found = sent.events.filter((e) => e.name === name);
  assert.equal(found.length, 1, `expected one ${name} event, got ${sent.events.map((e) => e.name).join(", ")}`);
  return found[0].data;
}
const big = (v: { toString(): string }) => BigInt(v.toString());

describe("fees from Base: AgentRevenueRouter on anvil to the agent's vault on Solana", function () {
  let h: Harness;
  let base: Chain;
  let executor: AgentpadClient;
  let mint: PublicKey;
  let virtual: BridgedToken;
  let router: Address, token: Address, adapter: Address;
  let R: Artifact, T: Artifact;
  const agentOnBase: Address = "0x000000000000000000000000000000000000a6e7";

  before(async () => {
    h = await harness();
    const creator = await h.wallet(50);
    executor = await h.wallet(50);
    mint = (await creator.launch({
      name: "Base Agent", symbol: "BASE", uri: "https://agentpad.example/base.json", presetId: h.deployment.presetId,
      lookupTable: h.deployment.lookupTable,
    })).mint;
    virtual = await h.bridgedToken();
    await creator.createVault(mint, virtual.mint);

    base = await Chain.start();
    [R, T] = [artifact("AgentRevenueRouter"), artifact("MockVirtual")];
    const { endpoint } = await base.layerZero(BASE_EID, SOLANA_EID);
    const me = base.account.address;
    token = await base.deploy(T, []);
    adapter = await base.deploy(artifact("VirtualOFTAdapter"), [token, endpoint, me]);
    await base.write(adapter, artifact("VirtualOFTAdapter"), "setPeer", [SOLANA_EID, hex(virtual.store.toBytes())]);
    router = await base.deployRouter({
      LZ_ENDPOINT: endpoint, SOLANA_EID: String(SOLANA_EID), SOLANA_STORE: hex(feeAggregatorPda.store().toBytes()), REPORTER: me,
      FEE_TOKEN: token, FEE_TOKEN_MINT: hex(virtual.mint.toBytes()), FEE_TOKEN_OFT: adapter,
    });
    await base.write(router, R, "linkAgent", [agentOnBase, hex(mint.toBytes())]);
    await base.write(token, T, "mint", [me, 1_000n * E18]);
    await base.write(token, T, "approve", [router, 1_000n * E18]);
  });

  after(() => base?.stop());

  it("the deploy script wires the router: its Solana peer and store, and enforced options that cover the measured compute", async () => {
    assert.equal(await base.read(router, R, "peers", [SOLANA_EID]), hex(feeAggregatorPda.store().toBytes()));
    assert.equal(await base.read(router, R, "solanaStore"), hex(feeAggregatorPda.store().toBytes()));
    const report = Options.fromOptions(await base.read(router, R, "enforcedOptions", [SOLANA_EID, 1]));
    const receive = report.decodeExecutorLzReceiveOption()!;
    assert.ok(receive.gas >= 2n * BigInt(budgets["fee_aggregator.lz_receive (fee report)"]), `lz_receive gets ${receive.gas} CU`);
    assert.equal(receive.value, BigInt(await h.backend.minimumBalanceForRentExemption(0)), "the executor is paid the receipt's rent");
    const transfer = Options.fromOptions(await base.read(router, R, "enforcedOptions", [SOLANA_EID, 2]));
    const [compose] = transfer.decodeExecutorComposeOption();
    assert.equal(compose.index, 0);
    assert.ok(compose.gas >= 2n * BigInt(budgets["fee_aggregator.lz_compose"]), `lz_compose gets ${compose.gas} CU`);
  });

  it("the Solana deploy migration registers the router as the store's peer for Base, once", async () => {
    const peers = [{ eid: BASE_EID, address: Buffer.from(router.slice(2), "hex"), limits: DEFAULT_REPORT_LIMITS }];
    const ofts = [{ mint: virtual.mint, oftStore: virtual.store }];
    const first = await deployProtocol(h.admin, { lookupTable: h.deployment.lookupTable, peers, ofts });
    assert.deepEqual(first.performed, [`peer for eid ${BASE_EID} (${hex(bytes32(router))})`], "the OFT was in place already");
    const again = await deployProtocol(h.admin, { lookupTable: h.deployment.lookupTable, peers, ofts });
    assert.deepEqual(again.performed, []);
    const other = [{ ...peers[0], address: new Uint8Array(20).fill(7) }];
    await assert.rejects(deployProtocol(h.admin, { lookupTable: h.deployment.lookupTable, peers: other }),
      (e) => e instanceof AgentpadError && e.code === "PeerMismatch", "a different peer is reported, never overwritten");
  });

  it("a fee report sent on Base is recorded on Solana, in Solana's decimals, once", async () => {
    const amount = 1_234_567_890_123_456_789n; // 1.234567890123456789 VIRTUAL: 1.234567 in shared decimals
    const sent = await base.write(router, R, "reportFees", [agentOnBase, token, amount, 7n, "0x"], await quoteReport(amount));
    const [packet] = base.packetsOf(sent);
    assert.deepEqual([packet.srcEid, packet.dstEid, hex(packet.sender), hex(packet.receiver)],
      [BASE_EID, SOLANA_EID, hex(bytes32(router)), hex(feeAggregatorPda.store().toBytes())]);
    const report = decodeFeeReport(packet.message);
    assert.ok(report.agentMint.equals(mint) && report.rewardMint.equals(virtual.mint), "the report names the agent and VIRTUAL's mint");
    assert.equal(report.amountSd, 1_234_567n);
    assert.deepEqual(Buffer.from(packet.message), encodeFeeReport(report), "Solidity and the SDK encode a report identically");
    assert.equal(await base.read(router, R, "reportRemainder", [agentOnBase, token]), amount % 10n ** 12n, "dust waits on Base");
    assert.equal(Options.fromOptions(packet.options).decodeExecutorLzReceiveOption()!.gas, 150_000n, "the enforced options travel");

    const v0 = (await fetchVault(h.backend, mint, virtual.mint))!;
    const delivered = await deliverMessage(packet);
    const e = event(delivered, "feeReported");
    assert.deepEqual([e.srcEid, big(e.reportId), big(e.sourceEpoch), big(e.amount)], [BASE_EID, report.reportId, 7n, 1_234_567_000n]);
    const v = (await fetchVault(h.backend, mint, virtual.mint))!;
    const chain = v.chains.find((c) => c.eid === BASE_EID)!;
    const reported = chain.reported - (v0.chains.find((c) => c.eid === BASE_EID)?.reported ?? 0n);
    assert.equal(reported, 1_234_567_000n);
    console.log(`      Base reportFees ${amount} (18 dec) -> packet ${report.amountSd} (shared 6) -> Solana reported +${reported} (9 dec), eid ${chain.eid}`);
    assert.equal(v.undistributed, v0.undistributed, "a report moves no tokens");
    // Verified again, the packet still cannot land: its receipt exists.
    await assert.rejects(deliverMessage(packet), (err) => err instanceof AgentpadError && err.code === "ReplayedReport", "ReplayedReport");
  });

  it("fees bridged through VIRTUAL's OFT land in the agent's vault on Solana, with the compose naming the agent", async () => {
    const deposited = 2n * E18 + 500_000_000_000_000_000n + 777n; // 2.5 VIRTUAL and dust below the shared decimals
    await base.write(router, R, "depositFees", [agentOnBase, token, deposited]);
    const [fee] = await base.read<[{ nativeFee: bigint }, bigint]>(router, R, "quoteBridge", [agentOnBase, token, 9n, "0x"]);
    const sent = await base.write(router, R, "bridgeFees", [agentOnBase, token, 9n, "0x"], fee.nativeFee);
    const [packet] = base.packetsOf(sent);
    assert.deepEqual([packet.srcEid, hex(packet.sender), hex(packet.receiver)], [BASE_EID, hex(bytes32(adapter)), hex(virtual.store.toBytes())]);
    const oft = decodeOftMessage(packet.message);
    assert.ok(new PublicKey(oft.sendTo).equals(feeAggregatorPda.store()), "the OFT sends to the store");
    assert.equal(oft.amountSd, 2_500_000n);
    assert.equal(hex(oft.compose!.from), hex(bytes32(router)), "the router is the compose's sender");
    const transfer = decodeValueTransfer(oft.compose!.message);
    assert.ok(transfer.agentMint.equals(mint));
    assert.equal(transfer.sourceEpoch, 9n);
    assert.equal(await base.read(token, T, "balanceOf", [adapter]), 2_500_000_000_000_000_000n, "the adapter locked what left");
    assert.equal(await base.read(router, R, "pendingFees", [agentOnBase, token]), 777n, "dust waits on Base");
    const composeOption = Options.fromOptions(packet.options).decodeExecutorComposeOption();
    assert.equal(composeOption[0].gas, 150_000n, "the router's enforced compose option travels with the OFT send");

    const v0 = (await fetchVault(h.backend, mint, virtual.mint))!;
    const compose = await h.oftDeliverPacket(virtual, packet);
    const credited = await executeLzCompose(executor, compose);
    const e = event(credited, "revenueCredited");
    assert.deepEqual([e.source.bridged.srcEid, big(e.source.bridged.transferId), big(e.amount)], [BASE_EID, transfer.transferId, 2_500_000_000n]);
    const v = (await fetchVault(h.backend, mint, virtual.mint))!;
    assert.equal(v.totalBridged - v0.totalBridged, 2_500_000_000n, "2.5 VIRTUAL in Solana's 9 decimals");
    console.log(`      Base depositFees ${deposited} (18 dec) -> OFT ${oft.amountSd} (shared 6) -> Solana vault +${v.totalBridged - v0.totalBridged} (9 dec), balance = books`);
    assert.equal(v.undistributed - v0.undistributed, 2_500_000_000n);
    assert.equal(await executor.balance(v.tokenAccount), v.undistributed, "the vault holds what its books say");
    await assert.rejects(executeLzCompose(executor, compose),
      (err) => err instanceof AgentpadError && err.code === "ComposeNotFound", "the endpoint refuses a second clear_compose");
  });

  it("a link sent on Base lets only its creator register the OFT mint as an agent on Solana, its origin recorded", async () => {
    // A Base agent token's OFT mint on Solana: Token-2022, 6 decimals, its OFT store the mint
    // authority, no freeze authority (as LayerZero's OFT program makes it).
    const [creator, stranger] = [await h.wallet(20), await h.wallet(20)];
    const mintKey = Keypair.generate();
    const oftStore = lzEndpointMock.oftStoreOf(Keypair.generate().publicKey);
    await creator.send([
      SystemProgram.createAccount({
        fromPubkey: creator.address, newAccountPubkey: mintKey.publicKey, space: MINT_SIZE, programId: TOKEN_2022_PROGRAM_ID,
        lamports: Number(await h.backend.minimumBalanceForRentExemption(MINT_SIZE)),
      }),
      createInitializeMint2Instruction(mintKey.publicKey, 6, oftStore, null, TOKEN_2022_PROGRAM_ID),
    ], [mintKey]);
    const bridged = mintKey.publicKey;
    const register = (who: AgentpadClient) => who.registerBridgedAgent({ mint: bridged, presetId: h.deployment.presetId, rewardMint: virtual.mint });
    await assert.rejects(register(creator), (e) => e instanceof AgentpadError && e.code === "NoLink", "no link yet");

    const baseAgent: Address = "0x0000000000000000000000000000000000007777";
    const args = [baseAgent, hex(bridged.toBytes()), hex(creator.address.toBytes()), hex(oftStore.toBytes()), "0x"];
    const fee = await base.read<{ nativeFee: bigint }>(router, R, "quoteLink", args);
    const [packet] = base.packetsOf(await base.write(router, R, "linkBaseAgent", args, fee.nativeFee));
    const link = decodeAgentLink(packet.message);
    assert.ok(link.agentMint.equals(bridged) && link.creator.equals(creator.address) && link.oftStore.equals(oftStore));
    assert.equal(hex(link.originToken), hex(bytes32(baseAgent)));
    assert.deepEqual(Buffer.from(packet.message), encodeAgentLink(link), "Solidity and the SDK encode a link identically");
    const option = Options.fromOptions(packet.options).decodeExecutorLzReceiveOption()!;
    assert.ok(option.gas >= 2n * BigInt(budgets["fee_aggregator.lz_receive (agent link)"]), `lz_receive of a link gets ${option.gas} CU`);
    const rent = async (n: number) => BigInt(await h.backend.minimumBalanceForRentExemption(n));
    assert.equal(option.value, (await rent(0)) + (await rent(149)), "the executor is paid the receipt's and the link's rent");

    const linked = event(await deliverMessage(packet), "agentLinked");
    assert.deepEqual([linked.srcEid, big(linked.linkId)], [BASE_EID, link.linkId]);
    await assert.rejects(register(stranger), (e) => e instanceof AgentpadError && e.code === "NotLinkedCreator", "only the linked creator");
    const registered = event(await register(creator), "bridgedAgentRegistered");
    assert.equal(registered.originEid, BASE_EID);
    await assert.rejects(register(creator), (e) => e instanceof AgentpadError && e.code === "AlreadyRegistered", "once");
    const status = await creator.status(bridged, []);
    assert.deepEqual([status.origin?.eid, hex(status.origin!.token)], [BASE_EID, hex(bytes32(baseAgent))]);
    assert.equal(status.market, null, "no Solana pool until the creator opens one");
    assert.deepEqual(status.vaults.map((v) => v.rewardMint.toBase58()), [virtual.mint.toBase58()], "its fee vault is in VIRTUAL");
    console.log(`      Base linkBaseAgent -> packet (138 bytes, link ${link.linkId}) -> Solana link -> creator registers ${bridged.toBase58().slice(0, 8)}…`);
  });

  it("a report from any other contract on Base is refused on Solana, and nothing changes", async () => {
    const impostor = await base.deployRouter({
      LZ_ENDPOINT: await base.read(router, R, "endpoint"), SOLANA_EID: String(SOLANA_EID),
      SOLANA_STORE: hex(feeAggregatorPda.store().toBytes()), REPORTER: base.account.address, FEE_TOKEN: token,
      FEE_TOKEN_MINT: hex(virtual.mint.toBytes()),
    });
    await base.write(impostor, R, "linkAgent", [agentOnBase, hex(mint.toBytes())]);
    const amount = 5n * E18;
    const fee = await base.read<{ nativeFee: bigint }>(impostor, R, "quoteReport", [agentOnBase, token, amount, 7n, "0x"]);
    const [packet] = base.packetsOf(await base.write(impostor, R, "reportFees", [agentOnBase, token, amount, 7n, "0x"], fee.nativeFee));
    const v0 = await h.backend.getAccountInfo(feeAggregatorPda.vault(mint, virtual.mint));
    await assert.rejects(deliverMessage(packet), (err) => err instanceof AgentpadError && err.code === "InvalidSender", "InvalidSender");
    assert.deepEqual((await h.backend.getAccountInfo(feeAggregatorPda.vault(mint, virtual.mint)))!.data, v0!.data);
  });

  async function quoteReport(amount: bigint): Promise<bigint> {
    const fee = await base.read<{ nativeFee: bigint }>(router, R, "quoteReport", [agentOnBase, token, amount, 7n, "0x"]);
    return fee.nativeFee;
  }

  /** What the DVNs and the executor do with an OApp packet (a report or a link) on Solana. */
  async function deliverMessage(p: { srcEid: number; sender: Uint8Array; nonce: bigint; guid: Uint8Array; message: Uint8Array }) {
    await executor.send([lzEndpointMock.endpointVerify(executor.address, p.srcEid, p.sender, p.nonce, p.guid, p.message)]);
    return executeLzReceive(executor, { srcEid: p.srcEid, sender: p.sender, nonce: p.nonce, guid: p.guid, message: p.message });
  }
});

