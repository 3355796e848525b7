// The LayerZero endpoint interface agentpad writes by hand (LayerZero's Solana crates cannot
// link into an Anchor 1.2 program), checked against LayerZero's own TypeScript SDK for the
// Solana endpoint (`@layerzerolabs/lz-solana-sdk-v2`, its generated instruction builders
// and PDA deriver): the program's instructions (`fee_aggregator::lz::ix`, dumped by
// `tests/integration/tests/lz_abi.rs` to tests/fixtures/lz-endpoint-abi.json), the
// account lists its `lz_*_types` return, and this SDK's own lists (app/src/lzEndpoint.ts).
import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { EndpointPDADeriver, EndpointProgram, EventPDADeriver } from "@layerzerolabs/lz-solana-sdk-v2";
import { keccak_256 } from "@noble/hashes/sha3";
import { type AccountMeta, PublicKey, type TransactionInstruction } from "@solana/web3.js";

import { LZ_ENDPOINT_V2_ID, endpointPda, eventAuthority } from "../app/src/index.js";
import { clearAccounts, clearComposeAccounts, registerOappAccounts, setDelegateAccounts } from "../app/src/lzEndpoint.js";

type Meta = [string, boolean, boolean];
interface Ix { programId: string; accounts: Meta[]; data: string; cpiAccounts: Meta[] }
const fixture = JSON.parse(readFileSync(new URL("./fixtures/lz-endpoint-abi.json", import.meta.url), "utf8")) as {
  inputs: Record<string, string & number>; pdas: Record<string, string>; instructions: Record<string, Ix>;
};

const metas = (keys: { pubkey: { toBase58(): string }; isSigner: boolean; isWritable: boolean }[]): Meta[] =>
  keys.map((k) => [k.pubkey.toBase58(), k.isSigner, k.isWritable]);
const asFixture = (ix: TransactionInstruction) => ({
  programId: ix.programId.toBase58(), accounts: metas(ix.keys), data: Buffer.from(ix.data).toString("hex"),
});
/** What an OApp passes for a CPI: the endpoint program, then the instruction's accounts, none signing. */
const forCpi = (program: PublicKey, ix: TransactionInstruction): Meta[] =>
  [[program.toBase58(), false, false], ...metas(ix.keys).map(([k, , w]) => [k, false, w] as Meta)];

describe("the LayerZero endpoint interface matches LayerZero's Solana SDK", () => {
  const i = fixture.inputs;
  const endpoint = new PublicKey(i.endpoint);
  const [payer, store, delegate, from] = [i.payer, i.store, i.delegate, i.from].map((k) => new PublicKey(k));
  const sender = Buffer.from(i.sender, "hex");
  const guid = Buffer.from(i.guid, "hex");
  const message = Buffer.from(i.message, "hex");
  const lz = new EndpointPDADeriver(endpoint);
  const lzEvents = new EventPDADeriver(endpoint);
  let compared = 0;
  const same = (actual: unknown, expected: unknown, what: string) => {
    assert.deepEqual(actual, expected, what);
    compared++;
  };

  it("is LayerZero's real endpoint", () => {
    assert.equal(endpoint.toBase58(), EndpointProgram.PROGRAM_ID.toBase58());
    assert.ok(endpoint.equals(LZ_ENDPOINT_V2_ID));
  });

  it("derives the endpoint's PDAs as LayerZero does (program, SDK and LayerZero's deriver)", () => {
    const theirs = {
      settings: lz.setting()[0], eventAuthority: lzEvents.eventAuthority()[0], oappRegistry: lz.oappRegistry(store)[0],
      nonce: lz.nonce(store, i.srcEid, sender)[0], payloadHash: lz.payloadHash(store, i.srcEid, sender, i.nonce)[0],
      composedMessage: lz.composedMessage(from, guid, i.index, store, keccak_256(message))[0],
    };
    const ours = {
      settings: endpointPda.settings(endpoint), eventAuthority: eventAuthority(endpoint), oappRegistry: endpointPda.oappRegistry(endpoint, store),
      nonce: endpointPda.nonce(i.srcEid, sender, endpoint, store), payloadHash: endpointPda.payloadHash(i.srcEid, sender, BigInt(i.nonce), endpoint, store),
      composedMessage: endpointPda.composedMessage(from, store, guid, i.index, message, endpoint),
    };
    for (const name of Object.keys(theirs) as (keyof typeof theirs)[]) {
      same(fixture.pdas[name], theirs[name].toBase58(), `${name}: the program's PDA`);
      same(ours[name].toBase58(), theirs[name].toBase58(), `${name}: the SDK's PDA`);
    }
  });

  it("builds register_oapp, set_delegate, clear and clear_compose byte for byte, and lists their CPI accounts", () => {
    const program = endpoint;
    const eventAuth = lzEvents.eventAuthority()[0];
    const registry = lz.oappRegistry(store)[0];
    const theirs: Record<string, TransactionInstruction> = {
      registerOapp: EndpointProgram.instructions.createRegisterOappInstruction(
        { payer, oapp: store, oappRegistry: registry, eventAuthority: eventAuth, program }, { params: { delegate } }, program),
      setDelegate: EndpointProgram.instructions.createSetDelegateInstruction(
        { oapp: store, oappRegistry: registry, eventAuthority: eventAuth, program }, { params: { delegate } }, program),
      clear: EndpointProgram.instructions.createClearInstruction(
        {
          signer: store, oappRegistry: registry, nonce: lz.nonce(store, i.srcEid, sender)[0],
          payloadHash: lz.payloadHash(store, i.srcEid, sender, i.nonce)[0], endpoint: lz.setting()[0], eventAuthority: eventAuth, program,
        },
        { params: { receiver: store, srcEid: i.srcEid, sender: Array.from(sender), nonce: i.nonce, guid: Array.from(guid), message } },
        program),
      clearCompose: EndpointProgram.instructions.createClearComposeInstruction(
        { to: store, composeMessage: lz.composedMessage(from, guid, i.index, store, keccak_256(message))[0], eventAuthority: eventAuth, program },
        { params: { from, guid: Array.from(guid), index: i.index, message } },
        program),
    };
    const sdkLists: Record<string, AccountMeta[]> = {
      registerOapp: registerOappAccounts(endpoint, payer, store),
      setDelegate: setDelegateAccounts(endpoint, store),
      clear: clearAccounts(endpoint, store, i.srcEid, sender, BigInt(i.nonce)),
      clearCompose: clearComposeAccounts(endpoint, store, from, guid, i.index, message),
    };
    for (const name of Object.keys(theirs)) {
      const ix = fixture.instructions[name];
      same({ programId: ix.programId, accounts: ix.accounts, data: ix.data }, asFixture(theirs[name]), `${name}: the program's instruction`);
      same(ix.cpiAccounts, forCpi(program, theirs[name]), `${name}: the accounts the program's lz_*_types list`);
      same(metas(sdkLists[name]), forCpi(program, theirs[name]), `${name}: the SDK's account list`);
    }
    same(
      metas(new EndpointProgram.Endpoint(program).getRegisterOappIxAccountMetaForCPI(payer, store)), fixture.instructions.registerOapp.cpiAccounts,
      "register_oapp: LayerZero's own CPI helper",
    );
  });

  after(() => console.log(`      ${compared} items compared with LayerZero's SDK`));
});
