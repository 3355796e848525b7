// Agent commerce through the SDK, on whichever backend the harness gives (LiteSVM with the
// sBPF .so files here; the validator under `anchor test`): agents' operators, a job from
// request to approval with the evaluator's fee and the provider's commerce revenue to the
// unit, a sub-contracted child job, refunds on rejection and on expiry, and every refusal by
// name (before sending, and by the program when sent anyway) with balances untouched.
import { strict as assert } from "node:assert";
import { unpackAccount } from "@solana/spl-token";
import { Keypair, PublicKey } from "@solana/web3.js";

import {
  BPS_DENOMINATOR, NATIVE_MINT, TOKEN_PROGRAM_ID, agentCommercePda, ata, feeAggregatorPda, fetchOperator, fetchVault, instructions as ix,
  jobKeys, keysOfJob, math, wrapSol, type JobState, type VaultState,
} from "../app/src/index.js";
import { type Harness, type TestWallet, event, expectError, harness, snapshot } from "./harness/index.js";

const SOL = 1_000_000_000n;

/** A launched agent, its creator and its operator. */
interface Agent { mint: PublicKey; creator: TestWallet; operator: TestWallet }

describe("agent commerce through the SDK", function () {
  let h: Harness;
  let a: Agent;
  let b: Agent;
  let c: Agent;
  let quote: PublicKey;
  /** Agent A's operator: the client of the jobs below (its wSOL is wrapped up front, so balances are exact). */
  let client: TestWallet;
  let clientWsol: PublicKey;

  const wsol = (owner: PublicKey) => ata(owner, NATIVE_MINT, TOKEN_PROGRAM_ID);
  const vault = async (agent: Agent): Promise<VaultState> => (await fetchVault(h.backend, agent.mint, quote))!;
  /** Every account a job's money can be in. */
  const money = (j: JobState, ...also: PublicKey[]) => {
    const k = keysOfJob(j);
    return [k.job, k.escrow, k.providerVault, k.providerVaultTokens, wsol(j.client), ...also];
  };

  before(async () => {
    h = await harness();
    quote = h.deployment.quoteMint;
    assert.ok(quote.equals(NATIVE_MINT), "the harness deploys a wSOL preset");
    const launch = async (symbol: string): Promise<Agent> => {
      const [creator, operator] = await Promise.all([h.wallet(50), h.wallet(200)]);
      const { mint } = await creator.launch({
        name: `Agent ${symbol}`, symbol, uri: `https://agentpad.example/agents/${symbol}.json`, presetId: h.deployment.presetId,
        lookupTable: h.deployment.lookupTable,
      });
      return { mint, creator, operator };
    };
    [a, b, c] = [await launch("JOBA"), await launch("JOBB"), await launch("JOBC")];
    client = a.operator;
    clientWsol = wsol(client.address);
    await client.send(wrapSol(client.address, 150n * SOL));
  });

  it("derives the escrow authority the programs use", () => {
    assert.equal(agentCommercePda.escrowAuthority().toBase58(), "C9Xuhrtur8CsipgRe5DE6dDz4PEcfkRRiezyC7V4yXEn");
  });

  it("names each agent's operator: its creator only, refused by name otherwise", async () => {
    const next = Keypair.generate().publicKey;
    const watched = [agentCommercePda.operator(a.mint)];
    const before = await snapshot(h, watched);
    await expectError(b.creator.setOperator(a.mint, next), "NotCreator", "client");
    await expectError(a.creator.setOperator(a.mint, PublicKey.default), "InvalidOperator", "client");
    await expectError(a.creator.setOperator(Keypair.generate().publicKey, next), "UnknownAgent", "client");
    await expectError(b.creator.send([await ix.agentCommerce.setOperator(b.creator.address, a.mint, next)]), "NotCreator", "agentCommerce");
    await expectError(a.creator.send([await ix.agentCommerce.setOperator(a.creator.address, a.mint, PublicKey.default)]), "InvalidOperator", "agentCommerce");
    assert.deepEqual(await snapshot(h, watched), before);

    for (const agent of [a, b, c]) {
      const sent = await agent.creator.setOperator(agent.mint, agent.operator.address);
      const e = event(sent, "operatorSet");
      assert.deepEqual([e.agentMint, e.previous, e.operator, e.setBy].map(String), [agent.mint, PublicKey.default, agent.operator.address, agent.creator.address].map(String));
      assert.equal(sent.previous, null);
    }
    // Rotated and back: the event and the result name the key it replaced.
    const rotated = await a.creator.setOperator(a.mint, next);
    assert.ok(event(rotated, "operatorSet").previous.equals(a.operator.address));
    assert.ok((await a.creator.operatorOf(a.mint))!.equals(next));
    const back = await a.creator.setOperator(a.mint, a.operator.address);
    assert.ok(back.previous!.equals(next));
    const stored = (await fetchOperator(h.backend, a.mint))!;
    assert.ok(stored.agentMint.equals(a.mint) && stored.operator.equals(a.operator.address));
  });

  it("runs a job from request to approval: the evaluator's fee rounded down, the rest the provider's commerce revenue", async () => {
    // A's operator hires B; agent C's operator evaluates for 2.5%.
    const budget = 40n * SOL + 7n;
    const created = await client.createJob({
      provider: b.mint, id: 1n, budget, evaluator: { agent: { mint: c.mint } }, evaluatorFeeBps: 250, termsUri: "ipfs://terms",
      termsHash: new Uint8Array(32).fill(7),
    });
    const address = created.job;
    assert.ok(address.equals(agentCommercePda.job(client.address, 1n)));
    const ce = event(created, "jobCreated");
    assert.deepEqual(
      [ce.job, ce.client, ce.id, ce.provider, ce.budgetMint, ce.budget, ce.evaluatorFeeBps, ce.expiresAt, ce.parent, ce.termsUri].map(String),
      [address, client.address, 1n, b.mint, quote, budget, 250, created.expiresAt, PublicKey.default, "ipfs://terms"].map(String),
    );
    let j = await client.job(address);
    assert.deepEqual([j.phase, j.escrowed, j.children, j.parent], ["requested", 0n, 0, null]);
    assert.ok(j.providerVault.equals(feeAggregatorPda.vault(b.mint, quote)));
    assert.ok(j.escrow.equals(agentCommercePda.escrow(address)));
    assert.deepEqual(j.evaluator, { agent: { mint: c.mint } });
    // The escrow: a token account of the budget mint owned by the escrow authority.
    const escrow = unpackAccount(j.escrow, await h.backend.getAccountInfo(j.escrow), TOKEN_PROGRAM_ID);
    assert.ok(escrow.owner.equals(agentCommercePda.escrowAuthority()) && escrow.mint.equals(quote));
    assert.equal(escrow.amount, 0n);

    const accepted = await b.operator.acceptJob(address);
    assert.ok(event(accepted, "jobAccepted").operator.equals(b.operator.address));
    const held = await client.balance(clientWsol);
    const funded = await client.fundJob(address);
    assert.equal(funded.amount, budget);
    assert.equal(event(funded, "jobFunded").amount, budget);
    assert.equal(held - (await client.balance(clientWsol)), budget);
    assert.equal(await client.balance(j.escrow), budget);
    j = await client.job(address);
    assert.deepEqual([j.phase, j.escrowed], ["funded", budget]);

    const submitted = await b.operator.submitJob(address, { uri: "ipfs://deliverable", hash: new Uint8Array(32).fill(9) });
    assert.equal(event(submitted, "jobSubmitted").deliverableUri, "ipfs://deliverable");
    j = await client.job(address);
    assert.deepEqual([j.phase, j.deliverableUri, Buffer.from(j.deliverableHash).toString("hex")], ["submitted", "ipfs://deliverable", "09".repeat(32)]);

    // 2.5% of 40.000000007 SOL is 1.000000000175: the evaluator gets 1 SOL, B's vault the rest.
    const fee = 1_000_000_000n;
    assert.equal(math.evaluatorFee(j), fee);
    assert.equal(fee, (budget * 250n) / BPS_DENOMINATOR);
    const status = await client.jobStatus(address);
    assert.deepEqual(status.onApproval, { evaluatorFee: fee, provider: budget - fee });
    assert.ok(status.evaluator!.equals(c.operator.address) && status.providerOperator!.equals(b.operator.address));
    const v0 = await vault(b);
    const vaultTokensBefore = await client.balance(v0.tokenAccount);
    const feeAccount = wsol(c.operator.address);
    const feeBefore = await client.balance(feeAccount);
    const approved = await c.operator.approveJob(address);
    assert.deepEqual(approved.payout, { evaluator: fee, provider: budget - fee, client: 0n });
    assert.equal((await client.balance(feeAccount)) - feeBefore, fee);
    assert.equal(await client.balance(j.escrow), 0n);
    const v = await vault(b);
    assert.equal(v.totalCommerce - v0.totalCommerce, budget - fee);
    assert.equal(v.undistributed - v0.undistributed, budget - fee);
    assert.equal((await client.balance(v.tokenAccount)) - vaultTokensBefore, budget - fee);
    assert.equal(v.undistributed, v.totalLocal + v.totalDirect + v.totalBridged + v.totalCommerce - v.distributedHolders - v.distributedCreator - v.distributedProtocol);

    const evaluated = event(approved, "jobEvaluated");
    assert.ok(evaluated.approved && evaluated.evaluator.equals(c.operator.address));
    const paid = event(approved, "jobPaid");
    assert.deepEqual(
      [paid.job, paid.provider, paid.providerVault, paid.providerAmount, paid.evaluator, paid.evaluatorFee].map(String),
      [address, b.mint, v.address, budget - fee, c.operator.address, fee].map(String),
    );
    const credited = event(approved, "revenueCredited");
    assert.ok(credited.agentMint.equals(b.mint));
    assert.ok(credited.source.commerce.job.equals(address), "source: commerce, this job");
    assert.deepEqual([credited.amount, credited.sourceTotal, credited.undistributed], [budget - fee, v.totalCommerce, v.undistributed]);
    j = await client.job(address);
    assert.deepEqual([j.phase, j.escrowed], ["completed", 0n]);
    assert.equal((await client.jobStatus(address)).expired, false);
  });

  it("sub-contracts: B's operator hires C for part of a funded job, linked both ways", async () => {
    const parentJob = (await client.createJob({ provider: b.mint, id: 2n, budget: 10n * SOL })).job;
    await b.operator.acceptJob(parentJob);
    const child = { provider: c.mint, id: 1n, budget: 4n * SOL + 3n, evaluator: { agent: { mint: a.mint } }, evaluatorFeeBps: 500, parent: parentJob };
    await expectError(b.operator.createJob(child), "ParentNotActive", "client");
    await client.fundJob(parentJob);
    const parent = await client.job(parentJob);
    const watched = [agentCommercePda.job(b.operator.address, 1n), agentCommercePda.job(c.operator.address, 1n), parentJob];
    const before = await snapshot(h, watched);
    await expectError(c.operator.createJob(child), "NotParentProvider", "client");
    await expectError(b.operator.createJob({ ...child, expiresAt: parent.expiresAt + 1n }), "ChildOutlivesParent", "client");
    await expectError(b.operator.createJob({ ...child, provider: b.mint }), "SubcontractToSelf", "client");
    // Sent anyway: the program refuses with the same names.
    const now = await h.backend.unixTimestamp();
    const args = { id: 1n, budget: SOL, evaluator: { client: {} }, evaluatorFeeBps: 0, expiresAt: now + 3_600n, termsHash: new Uint8Array(32), termsUri: "" };
    const byC = jobKeys(c.operator.address, 1n, c.mint, quote, TOKEN_PROGRAM_ID);
    await expectError(c.operator.send([await ix.agentCommerce.createJob(byC, args, { job: parentJob, provider: b.mint })]), "NotParentProvider", "agentCommerce");
    const toSelf = jobKeys(b.operator.address, 1n, b.mint, quote, TOKEN_PROGRAM_ID);
    await expectError(b.operator.send([await ix.agentCommerce.createJob(toSelf, args, { job: parentJob, provider: b.mint })]), "SubcontractToSelf", "agentCommerce");
    const longer = { ...args, expiresAt: parent.expiresAt + 1n };
    const childKeys = jobKeys(b.operator.address, 1n, c.mint, quote, TOKEN_PROGRAM_ID);
    await expectError(b.operator.send([await ix.agentCommerce.createJob(childKeys, longer, { job: parentJob, provider: b.mint })]), "ChildOutlivesParent", "agentCommerce");
    assert.deepEqual(await snapshot(h, watched), before);

    // B's operator pays the child from its own wallet (its SOL is wrapped for it).
    const created = await b.operator.createJob(child);
    assert.ok(event(created, "jobCreated").parent.equals(parentJob));
    assert.equal(created.expiresAt, parent.expiresAt, "a child job expires with its parent by default");
    await c.operator.acceptJob(created.job);
    assert.equal((await b.operator.fundJob(created.job)).amount, child.budget);
    await c.operator.submitJob(created.job, { uri: "ipfs://part" });
    const childJob = await client.job(created.job);
    assert.ok(childJob.parent!.equals(parentJob) && childJob.client.equals(b.operator.address));
    assert.equal((await client.job(parentJob)).children, 1);
    const childStatus = await client.jobStatus(created.job);
    assert.ok(childStatus.parent!.address.equals(parentJob));
    assert.deepEqual((await client.jobStatus(parentJob)).children.map((x) => x.address.toBase58()),
      h.backend.findAccounts ? [created.job.toBase58()] : [], "an RPC node finds the children; LiteSVM cannot scan");

    // A's operator evaluates the child (5%: 0.2000000001 SOL, rounded down), then the parent (its client; no fee).
    const cVault = await vault(c);
    const approvedChild = await a.operator.approveJob(created.job);
    const childFee = (child.budget * 500n) / BPS_DENOMINATOR;
    assert.deepEqual(approvedChild.payout, { evaluator: childFee, provider: child.budget - childFee, client: 0n });
    assert.equal((await vault(c)).totalCommerce - cVault.totalCommerce, child.budget - childFee);
    await b.operator.submitJob(parentJob, { uri: "ipfs://whole" });
    const bVault = await vault(b);
    await client.approveJob(parentJob);
    assert.equal((await vault(b)).totalCommerce - bVault.totalCommerce, 10n * SOL, "no evaluator fee: B gets the whole budget");
  });

  it("refunds the client in full on rejection", async () => {
    const start = await client.balance(clientWsol);
    const bVault = await vault(b);
    const budget = 12n * SOL + 3n;
    const { job } = await client.createJob({ provider: b.mint, id: 3n, budget, evaluatorFeeBps: 500 });
    await b.operator.acceptJob(job);
    await client.fundJob(job);
    await b.operator.submitJob(job, { uri: "ipfs://unwanted" });
    assert.equal(await client.balance(clientWsol), start - budget);
    const rejected = await client.rejectJob(job);
    assert.deepEqual(rejected.payout, { evaluator: 0n, provider: 0n, client: budget });
    const e = event(rejected, "jobRefunded");
    assert.deepEqual([e.amount, e.reason, e.client.toBase58()], [budget, { rejected: {} }, client.address.toBase58()]);
    assert.equal(event(rejected, "jobEvaluated").approved, false);
    assert.equal(await client.balance(clientWsol), start);
    assert.equal((await client.job(job)).phase, "rejected");
    assert.equal((await vault(b)).totalCommerce, bVault.totalCommerce, "nothing reached the provider");
    await expectError(client.approveJob(job), "AlreadyEvaluated", "client");
  });

  it("after the expiry refuses every step but the refund, which anyone sends", async () => {
    const start = await client.balance(clientWsol);
    const bVault = await vault(b);
    const budget = 5n * SOL;
    const lifetime = 30n;
    const { job, expiresAt } = await client.createJob({ provider: b.mint, id: 4n, budget, expiresAt: (await h.backend.unixTimestamp()) + lifetime });
    await b.operator.acceptJob(job);
    await client.fundJob(job);
    await b.operator.submitJob(job, { uri: "ipfs://late" });
    const j = await client.job(job);
    const keys = keysOfJob(j);
    const cranker = await h.wallet(1);
    const watched = money(j);
    const before = await snapshot(h, watched);
    await expectError(cranker.expireJob(job), "NotExpired", "client");
    await expectError(cranker.send([await ix.agentCommerce.expireJob(cranker.address, keys, clientWsol)]), "NotExpired", "agentCommerce");

    await h.elapse(expiresAt - (await h.backend.unixTimestamp()));
    assert.equal((await client.jobStatus(job)).expired, true);
    await expectError(client.approveJob(job), "Expired", "client");
    await expectError(client.rejectJob(job), "Expired", "client");
    await expectError(client.send([await ix.agentCommerce.approveJob(client.address, j.evaluator, keys, clientWsol)]), "Expired", "agentCommerce");
    await expectError(client.send([await ix.agentCommerce.rejectJob(client.address, j.evaluator, keys, clientWsol)]), "Expired", "agentCommerce");
    assert.deepEqual(await snapshot(h, watched), before);

    const refunded = await cranker.expireJob(job);
    assert.deepEqual(refunded.payout, { evaluator: 0n, provider: 0n, client: budget });
    const e = event(refunded, "jobRefunded");
    assert.deepEqual([e.amount, e.reason], [budget, { expired: {} }]);
    assert.equal(await client.balance(clientWsol), start);
    const after = await client.job(job);
    assert.deepEqual([after.phase, after.escrowed], ["expired", 0n]);
    assert.equal((await vault(b)).totalCommerce, bVault.totalCommerce, "nothing reached the provider");
    await expectError(cranker.expireJob(job), "JobClosed", "client");
  });

  it("refuses the wrong operator, the wrong evaluator and bad terms by name, moving nothing", async () => {
    const { job } = await client.createJob({ provider: b.mint, id: 5n, budget: 3n * SOL });
    let j = await client.job(job);
    const keys = keysOfJob(j);
    const watched = money(j, wsol(b.operator.address), wsol(c.operator.address));
    const before = await snapshot(h, watched);

    // Another agent's operator accepting B's job; B's operator funding it.
    await expectError(c.operator.acceptJob(job), "WrongOperator", "client");
    await expectError(c.operator.send([await ix.agentCommerce.acceptJob(c.operator.address, keys)]), "WrongOperator", "agentCommerce");
    await expectError(client.fundJob(job), "NotAccepted", "client");
    await b.operator.acceptJob(job);
    await expectError(b.operator.acceptJob(job), "AlreadyAccepted", "client");
    await expectError(b.operator.fundJob(job), "NotClient", "client");
    await expectError(b.operator.send([await ix.agentCommerce.fundJob({ ...keys, client: b.operator.address }, wsol(b.operator.address))]), "NotClient", "agentCommerce");
    await expectError(b.operator.submitJob(job, { uri: "ipfs://early" }), "Unfunded", "client");
    await client.fundJob(job);
    await expectError(client.approveJob(job), "NotSubmitted", "client");
    await b.operator.submitJob(job, { uri: "ipfs://done" });
    j = await client.job(job);

    // The provider's operator approving its own job: not the evaluator, however it names itself.
    const after = await snapshot(h, watched);
    await expectError(b.operator.approveJob(job), "WrongEvaluator", "client");
    await expectError(c.operator.rejectJob(job), "WrongEvaluator", "client");
    const own = wsol(b.operator.address);
    await expectError(b.operator.send([await ix.agentCommerce.approveJob(b.operator.address, j.evaluator, keys, own)]), "WrongEvaluator", "agentCommerce");
    await expectError(b.operator.send([await ix.agentCommerce.approveJob(b.operator.address, { agent: { mint: b.mint } }, keys, own)]), "WrongEvaluator", "agentCommerce");
    // The fee to someone else's account.
    await expectError(client.send([await ix.agentCommerce.approveJob(client.address, j.evaluator, keys, own)]), "WrongRecipient", "agentCommerce");
    assert.deepEqual(await snapshot(h, watched), after);
    assert.notDeepEqual(after, before, "the job moved on in between");

    // Terms: a budget mint the provider's vault does not take, a fee above the maximum, a URI too long.
    const terms = { provider: b.mint, id: 6n, budget: SOL };
    const newJob = agentCommercePda.job(client.address, 6n);
    const untouched = await snapshot(h, [newJob]);
    await expectError(client.createJob({ ...terms, budgetMint: c.mint }), "UnknownVault", "client");
    await expectError(client.createJob({ ...terms, evaluatorFeeBps: 5_001 }), "EvaluatorFeeTooHigh", "client");
    await expectError(client.createJob({ ...terms, termsUri: "x".repeat(201) }), "UriTooLong", "client");
    await expectError(client.createJob({ ...terms, evaluator: { agent: { mint: b.mint } } }), "EvaluatorIsProvider", "client");
    await expectError(client.createJob({ ...terms, budget: 0n }), "ZeroBudget", "client");
    await expectError(client.createJob({ ...terms, id: 1n }), "JobAlreadyExists", "client");
    const now = await h.backend.unixTimestamp();
    const args = { id: 6n, budget: SOL, evaluator: { client: {} }, evaluatorFeeBps: 0, expiresAt: now + 3_600n, termsHash: new Uint8Array(32), termsUri: "" };
    const sixKeys = jobKeys(client.address, 6n, b.mint, quote, TOKEN_PROGRAM_ID);
    await expectError(client.send([await ix.agentCommerce.createJob({ ...sixKeys, budgetMint: c.mint }, args)]), "WrongMint", "agentCommerce");
    await expectError(client.send([await ix.agentCommerce.createJob(sixKeys, { ...args, evaluatorFeeBps: 5_001 })]), "EvaluatorFeeTooHigh", "agentCommerce");
    await expectError(client.send([await ix.agentCommerce.createJob(sixKeys, { ...args, expiresAt: now })]), "ExpiryNotInFuture", "agentCommerce");
    assert.deepEqual(await snapshot(h, [newJob]), untouched);
    await expectError(client.acceptJob(Keypair.generate().publicKey), "UnknownJob", "client");
  });

  it("credits commerce revenue only through agent-commerce's escrow authority", async () => {
    const v = await vault(b);
    const watched = [v.address, v.tokenAccount, clientWsol];
    const before = await snapshot(h, watched);
    const forged = await ix.feeAggregator.creditCommerce(client.address, clientWsol, b.mint, quote, TOKEN_PROGRAM_ID, SOL, Keypair.generate().publicKey);
    await expectError(client.send([forged]), "NotCommerceEscrow", "feeAggregator");
    assert.deepEqual(await snapshot(h, watched), before);
  });
});
