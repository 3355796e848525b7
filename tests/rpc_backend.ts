// The RPC backend against a node whose transaction store lags its bank: `getTransaction`
// answers null for a while after a transaction is confirmed (seen on a loaded
// solana-test-validator, where a trade's events came back empty). No node is needed: the
// backend's connection is replaced by one that behaves that way.
import { strict as assert } from "node:assert";

import { Keypair, SystemProgram, TransactionMessage, VersionedTransaction } from "@solana/web3.js";

import { utils } from "../app/src/anchor.js";
import { RpcBackend } from "../app/src/backend/rpc.js";
import { AgentpadError } from "../app/src/errors.js";

const BLOCKHASH = "11111111111111111111111111111111";

function laggingNode(nullAnswers: number) {
  const payer = Keypair.generate();
  const transfer = SystemProgram.transfer({ fromPubkey: payer.publicKey, toPubkey: Keypair.generate().publicKey, lamports: 1 });
  const message = new TransactionMessage({ payerKey: payer.publicKey, recentBlockhash: BLOCKHASH, instructions: [transfer] }).compileToV0Message();
  const node = { asked: 0 };
  const connection = {
    getLatestBlockhash: async () => ({ blockhash: BLOCKHASH, lastValidBlockHeight: 1 }),
    sendRawTransaction: async () => "signature",
    confirmTransaction: async () => ({ value: { err: null } }),
    getTransaction: async () => (++node.asked <= nullAnswers ? null : {
      transaction: { message },
      meta: {
        logMessages: ["Program 11111111111111111111111111111111 invoke [1]"],
        computeUnitsConsumed: 1234,
        // One inner instruction of the System program (account index 2 of the message).
        innerInstructions: [{ index: 0, instructions: [{ programIdIndex: 2, accounts: [], data: utils.bytes.bs58.encode(Buffer.from([7])) }] }],
        loadedAddresses: { writable: [], readonly: [] },
      },
    }),
  };
  const backend = new RpcBackend("http://127.0.0.1:1");
  Object.defineProperty(backend, "connection", { value: connection });
  const tx = new VersionedTransaction(message);
  tx.sign([payer]);
  return { backend, node, tx };
}

describe("the RPC backend when the node's transaction store lags", () => {
  const { TRANSACTION_ATTEMPTS, TRANSACTION_RETRY_MS } = RpcBackend;
  beforeEach(() => { RpcBackend.TRANSACTION_RETRY_MS = 1; });
  afterEach(() => { RpcBackend.TRANSACTION_ATTEMPTS = TRANSACTION_ATTEMPTS; RpcBackend.TRANSACTION_RETRY_MS = TRANSACTION_RETRY_MS; });

  it("waits for a confirmed transaction's details instead of returning it without logs or events", async () => {
    const { backend, node, tx } = laggingNode(2);
    const sent = await backend.sendTransaction(tx);
    assert.equal(node.asked, 3, "asked until the node returned the transaction");
    assert.equal(sent.computeUnits, 1234n);
    assert.deepEqual(sent.logs, ["Program 11111111111111111111111111111111 invoke [1]"]);
    assert.equal(sent.innerInstructions.length, 1);
    assert.ok(sent.innerInstructions[0].programId.equals(SystemProgram.programId));
    assert.deepEqual([...sent.innerInstructions[0].data], [7]);
  });

  it("names a confirmed transaction the node never returns", async () => {
    RpcBackend.TRANSACTION_ATTEMPTS = 4;
    const { backend, node, tx } = laggingNode(Number.MAX_SAFE_INTEGER);
    await assert.rejects(backend.sendTransaction(tx), (e: unknown) => {
      assert.ok(e instanceof AgentpadError);
      assert.equal(e.code, "TransactionNotFound");
      assert.equal(e.program, "client");
      return true;
    });
    assert.equal(node.asked, 4);
  });
});
