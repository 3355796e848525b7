//! agent-commerce: operators, the job's life (request → accept → fund → submit → evaluate,
//! or expiry), sub-contracting, the commerce revenue source in fee-aggregator and its way to
//! the stakers; every refusal with its named error and untouched balances.
#![allow(deprecated)]

use agent_commerce::error::CommerceError as E;
use agent_commerce::event::{JobCreated, JobPaid, JobRefunded, OperatorSet, RefundReason};
use agent_commerce::instructions::CreateJobArgs;
use agent_commerce::state::{Evaluator, Job};
use agentpad_common::ids::ESCROW_AUTHORITY;
use agentpad_math::job::JobPhase;
use agentpad_tests::accounts::{PoolKeys, commerce as ca, fees as fa, stake as st};
use agentpad_tests::fixtures::Protocol;
use agentpad_tests::ix::{self, commerce as jobs, fees, stake};
use agentpad_tests::presets::QUOTE;
use agentpad_tests::{Env, ac_err, anchor_err, decode_event, fa_err};
use agentpad_client::instructions::agent_commerce::JobKeys;
use fee_aggregator::error::FeeAggregatorError as FE;
use fee_aggregator::event::{RevenueCredited, RevenueDistributed};
use fee_aggregator::state::{AgentVault, RevenueSource};
use solana_sdk::pubkey::Pubkey;
use solana_sdk::signature::{Keypair, Signer};

/// One launched agent, its creator and its operator (with a funded quote account).
struct Agent {
    keys: PoolKeys,
    creator: Keypair,
    operator: Keypair,
}

impl Agent {
    fn mint(&self) -> Pubkey {
        self.keys.base_mint
    }
}

struct Scene {
    env: Env,
    protocol: Protocol,
    agents: Vec<Agent>,
}

const HOUR: i64 = 3_600;

async fn scene(agents: usize) -> Scene {
    let mut env = Env::start().await;
    let protocol = env.setup_protocol().await;
    let mut all = Vec::new();
    for _ in 0..agents {
        let creator = env.new_user(10 * QUOTE).await;
        let keys = env.launch(&protocol, &creator).await;
        let operator = env.new_user(QUOTE).await;
        env.send(&[jobs::set_operator(&creator.pubkey(), &keys.base_mint, operator.pubkey())], &[&creator]).await.unwrap();
        env.fund_quote(&protocol, &operator.pubkey(), 1_000 * QUOTE).await;
        all.push(Agent { keys, creator, operator });
    }
    Scene { env, protocol, agents: all }
}

impl Scene {
    async fn now(&mut self) -> i64 {
        self.env.clock().await.unix_timestamp
    }

    fn quote_account(&self, owner: &Pubkey) -> Pubkey {
        self.agents[0].keys.quote_ata(owner)
    }

    fn keys(&self, client: &Pubkey, id: u64, provider: &Pubkey) -> JobKeys {
        JobKeys::new(*client, id, *provider, self.protocol.quote_mint, self.protocol.quote_token_program)
    }

    async fn args(&mut self, id: u64, budget: u64, evaluator: Evaluator, evaluator_fee_bps: u16) -> CreateJobArgs {
        let expires_at = self.now().await + 24 * HOUR;
        CreateJobArgs { id, budget, evaluator, evaluator_fee_bps, expires_at, terms_hash: [7; 32], terms_uri: "ipfs://terms".into() }
    }

    /// `client` hires agent `provider` (an index) for job `id`: created, accepted and funded.
    async fn hire(&mut self, client: &Keypair, id: u64, provider: usize, args: CreateJobArgs, parent: Option<(Pubkey, Pubkey)>) -> JobKeys {
        let keys = self.keys(&client.pubkey(), id, &self.agents[provider].mint());
        let op = self.agents[provider].operator.insecure_clone();
        self.env.send(&[jobs::create_job(&keys, args, parent)], &[client]).await.unwrap();
        self.env.send(&[jobs::accept_job(&op.pubkey(), &keys)], &[&op]).await.unwrap();
        let from = self.quote_account(&client.pubkey());
        self.env.send(&[jobs::fund_job(&keys, from)], &[client]).await.unwrap();
        keys
    }

    async fn submit(&mut self, provider: usize, keys: &JobKeys) {
        let op = self.agents[provider].operator.insecure_clone();
        self.env.send(&[jobs::submit_job(&op.pubkey(), keys, [9; 32], "ipfs://deliverable".into())], &[&op]).await.unwrap();
    }

    async fn job(&mut self, keys: &JobKeys) -> Job {
        self.env.anchor_account(keys.job).await
    }

    async fn vault(&mut self, agent: usize) -> AgentVault {
        let v = fa::vault(&self.agents[agent].mint(), &self.protocol.quote_mint);
        self.env.zero_copy(v).await
    }

    /// Every account a job's money can be in.
    fn money(&self, keys: &JobKeys, also: &[Pubkey]) -> Vec<Pubkey> {
        let v = keys.provider_vault();
        [keys.job, keys.escrow(), v, fa::vault_tokens(&v), self.quote_account(&keys.client)].into_iter().chain(also.iter().copied()).collect()
    }
}

// ------------------------------------------------------------------ operators

#[tokio::test]
async fn operators_are_named_and_rotated_by_the_creator_only() {
    let mut s = scene(2).await;
    let (a, b) = (s.agents[0].mint(), s.agents[1].mint());
    let creator = s.agents[0].creator.insecure_clone();
    let other_creator = s.agents[1].creator.insecure_clone();
    let watched = [ca::operator(&a)];
    let next = Keypair::new().pubkey();
    s.env.expect_failure(&[jobs::set_operator(&other_creator.pubkey(), &a, next)], &[&other_creator], ac_err(E::NotCreator), &watched).await;
    // Agent B's record offered as agent A's.
    let forged = ix::with_account(jobs::set_operator(&creator.pubkey(), &a, next), agentpad_tests::accounts::agent(&a), agentpad_tests::accounts::agent(&b));
    s.env.expect_failure(&[forged], &[&creator], ac_err(E::NotAgentRecord), &watched).await;
    s.env.expect_failure(&[jobs::set_operator(&creator.pubkey(), &a, Pubkey::default())], &[&creator], ac_err(E::InvalidOperator), &watched).await;

    let first = s.agents[0].operator.pubkey();
    let events = s.env.send_with_events(&[jobs::set_operator(&creator.pubkey(), &a, next)], &[&creator]).await.unwrap();
    let ev = events.iter().find_map(|e| decode_event::<OperatorSet>(e)).expect("OperatorSet");
    assert_eq!((ev.agent_mint, ev.previous, ev.operator, ev.set_by), (a, first, next, creator.pubkey()));
    let stored: agent_commerce::state::Operator = s.env.anchor_account(ca::operator(&a)).await;
    assert_eq!((stored.agent_mint, stored.operator), (a, next));

    // The old operator no longer acts for the agent.
    let client = s.agents[1].operator.insecure_clone();
    let args = s.args(1, QUOTE, Evaluator::Client, 0).await;
    let keys = s.keys(&client.pubkey(), 1, &a);
    s.env.send(&[jobs::create_job(&keys, args, None)], &[&client]).await.unwrap();
    let old = s.agents[0].operator.insecure_clone();
    s.env.expect_failure(&[jobs::accept_job(&old.pubkey(), &keys)], &[&old], ac_err(E::WrongOperator), &[keys.job]).await;
}

// ------------------------------------------------------------------ the job's life

/// Agent A's operator hires agent B (the client evaluates, no fee); B sub-contracts part to
/// agent C (A's operator evaluates the child for a 2.5% fee); both are approved; B's and C's
/// vaults book the pay as commerce, and the next distribution splits it to holders, creator
/// and protocol.
#[tokio::test]
async fn approved_jobs_pay_the_evaluator_and_the_providers_vault_and_reach_holders() {
    let mut s = scene(3).await;
    let (q, tp) = (s.protocol.quote_mint, s.protocol.quote_token_program);
    let (op_a, op_b) = (s.agents[0].operator.insecure_clone(), s.agents[1].operator.insecure_clone());
    let (b, c) = (s.agents[1].mint(), s.agents[2].mint());

    // A holder of C stakes, so C's holders' share has somewhere to go.
    let holder = s.env.trader(&s.protocol.clone(), &s.agents[2].keys, 5 * QUOTE).await;
    let ckeys = s.agents[2].keys;
    s.env.send(&[ix::buy_exact_in(ix::swap_accounts(&holder.pubkey(), &ckeys), 5 * QUOTE, 1)], &[&holder]).await.unwrap();
    let staked = s.env.token_balance(ckeys.base_ata(&holder.pubkey())).await;
    s.env.send(&[stake::stake(&holder.pubkey(), &c, staked)], &[&holder]).await.unwrap();

    let budget = 100 * QUOTE + 1;
    let args = s.args(1, budget, Evaluator::Client, 0).await;
    let expires_at = args.expires_at;
    let parent = s.keys(&op_a.pubkey(), 1, &b);
    let events = s.env.send_with_events(&[jobs::create_job(&parent, args, None)], &[&op_a]).await.unwrap();
    let created = events.iter().find_map(|e| decode_event::<JobCreated>(e)).expect("JobCreated");
    assert_eq!((created.job, created.client, created.provider, created.budget, created.parent), (parent.job, op_a.pubkey(), b, budget, Pubkey::default()));
    let job = s.job(&parent).await;
    assert_eq!((job.phase, job.escrowed, job.provider_vault, job.escrow), (JobPhase::Requested as u8, 0, fa::vault(&b, &q), parent.escrow()));
    let escrow = s.env.account(parent.escrow()).await.unwrap();
    assert_eq!(escrow.owner, tp);
    let token = <anchor_spl::token_2022::spl_token_2022::state::Account as anchor_lang::solana_program::program_pack::Pack>::unpack_from_slice(&escrow.data[..165]).unwrap();
    assert_eq!((token.owner, token.mint, token.amount), (ESCROW_AUTHORITY, q, 0));

    s.env.send(&[jobs::accept_job(&op_b.pubkey(), &parent)], &[&op_b]).await.unwrap();
    let a_quote = s.quote_account(&op_a.pubkey());
    let before = s.env.token_balance(a_quote).await;
    s.env.send(&[jobs::fund_job(&parent, a_quote)], &[&op_a]).await.unwrap();
    assert_eq!(before - s.env.token_balance(a_quote).await, budget);
    assert_eq!(s.env.token_balance(parent.escrow()).await, budget);
    assert_eq!((s.job(&parent).await.phase, s.job(&parent).await.escrowed), (JobPhase::Funded as u8, budget));

    // B sub-contracts to C from its operator's own wallet; A's agent evaluates the child.
    let child_budget = 40 * QUOTE + 7;
    let mut child_args = s.args(1, child_budget, Evaluator::Agent { mint: s.agents[0].mint() }, 250).await;
    child_args.expires_at = expires_at;
    let child = s.hire(&op_b, 1, 2, child_args, Some((parent.job, b))).await;
    let child_job = s.job(&child).await;
    assert_eq!((child_job.parent, child_job.client, s.job(&parent).await.children), (parent.job, op_b.pubkey(), 1));

    s.submit(2, &child).await;
    let a_fee_account = s.quote_account(&op_a.pubkey());
    let fee_before = s.env.token_balance(a_fee_account).await;
    let c_vault_tokens = fa::vault_tokens(&fa::vault(&c, &q));
    let c_before = s.env.token_balance(c_vault_tokens).await;
    let named = Evaluator::Agent { mint: s.agents[0].mint() };
    let events = s.env.send_with_events(&[jobs::approve_job(&op_a.pubkey(), &named, &child, a_fee_account)], &[&op_a]).await.unwrap();
    // 2.5% of 40.000000007 = 1.000000000175: the evaluator gets 1,000,000,000, C the rest.
    let (fee, pay) = (1_000_000_000, child_budget - 1_000_000_000);
    assert_eq!(s.env.token_balance(a_fee_account).await - fee_before, fee);
    assert_eq!(s.env.token_balance(c_vault_tokens).await - c_before, pay);
    assert_eq!(s.env.token_balance(child.escrow()).await, 0);
    let paid = events.iter().find_map(|e| decode_event::<JobPaid>(e)).expect("JobPaid");
    assert_eq!((paid.job, paid.provider, paid.provider_amount, paid.evaluator, paid.evaluator_fee), (child.job, c, pay, op_a.pubkey(), fee));
    let credited = events.iter().find_map(|e| decode_event::<RevenueCredited>(e)).expect("RevenueCredited");
    assert_eq!((credited.agent_mint, credited.source, credited.amount, credited.source_total), (c, RevenueSource::Commerce { job: child.job }, pay, pay));
    let c_book = s.vault(2).await;
    assert_eq!((c_book.total_commerce, c_book.undistributed), (pay, pay));
    assert_eq!(s.job(&child).await.phase, JobPhase::Completed as u8);

    s.submit(1, &parent).await;
    let b_book_before = s.vault(1).await.total_commerce;
    s.env.send(&[jobs::approve_job(&op_a.pubkey(), &Evaluator::Client, &parent, a_quote)], &[&op_a]).await.unwrap();
    let b_book = s.vault(1).await;
    assert_eq!((b_book.total_commerce - b_book_before, b_book.undistributed), (budget, budget), "no evaluator fee: B gets the whole budget");

    // The next distribution of C's vault: holders, creator and protocol per C's split; the
    // holders' part lands in C's stake pool.
    let creator_c = s.agents[2].creator.pubkey();
    let recipient = s.protocol.fee_recipient.pubkey();
    let protocol = s.protocol.clone();
    let (creator_account, protocol_account) = (s.env.fund_quote(&protocol, &creator_c, 0).await, s.env.fund_quote(&protocol, &recipient, 0).await);
    let reward_vault = st::reward_vault(&st::pool(&c), &q);
    let pool_before = s.env.token_balance(reward_vault).await;
    let events = s.env.send_with_events(&[fees::distribute(&c, &q, &tp, creator_account, protocol_account)], &[]).await.unwrap();
    let d = events.iter().find_map(|e| decode_event::<RevenueDistributed>(e)).expect("RevenueDistributed");
    assert_eq!(d.holders + d.creator + d.protocol, pay, "C's commerce pay is split in full");
    assert_eq!(s.env.token_balance(reward_vault).await - pool_before, d.holders);
    assert_eq!(s.vault(2).await.undistributed, 0);
    // A reward window later, C's only staker claims the holders' part (to the Q64.64 unit).
    s.env.advance_time(7 * 86_400 + 60).await;
    let w = holder.pubkey();
    s.env.fund_quote(&protocol, &w, 0).await;
    let reward = stake::reward(&w, &c, &q, &tp);
    let claimed_before = s.env.token_balance(reward.2).await;
    s.env.send(&[stake::claim(&w, &w, &c, &[reward])], &[&holder]).await.unwrap();
    let claimed = s.env.token_balance(reward.2).await - claimed_before;
    assert!(claimed <= d.holders && d.holders - claimed <= 1, "claimed {claimed} of {}", d.holders);
}

#[tokio::test]
async fn rejection_and_expiry_refund_the_client_in_full() {
    let mut s = scene(2).await;
    let client = s.agents[0].operator.insecure_clone();
    let from = s.quote_account(&client.pubkey());
    let start = s.env.token_balance(from).await;

    // Rejected by the client (its own evaluator): everything back.
    let args = s.args(1, 12 * QUOTE + 3, Evaluator::Client, 500).await;
    let rejected = s.hire(&client, 1, 1, args, None).await;
    s.submit(1, &rejected).await;
    let events = s.env.send_with_events(&[jobs::reject_job(&client.pubkey(), &Evaluator::Client, &rejected, from)], &[&client]).await.unwrap();
    let ev = events.iter().find_map(|e| decode_event::<JobRefunded>(e)).expect("JobRefunded");
    assert_eq!((ev.amount, ev.reason), (12 * QUOTE + 3, RefundReason::Rejected));
    assert_eq!(s.env.token_balance(from).await, start);
    assert_eq!(s.job(&rejected).await.phase, JobPhase::Rejected as u8);

    // Funded, never delivered: at the expiry anyone refunds the client.
    let args = s.args(2, 5 * QUOTE, Evaluator::Client, 0).await;
    let expiring = s.hire(&client, 2, 1, args, None).await;
    let cranker = s.env.new_user(QUOTE).await;
    let watched = s.money(&expiring, &[]);
    s.env.expect_failure(&[jobs::expire_job(&cranker.pubkey(), &expiring, from)], &[&cranker], ac_err(E::NotExpired), &watched).await;
    s.env.advance_time(24 * HOUR).await;
    let events = s.env.send_with_events(&[jobs::expire_job(&cranker.pubkey(), &expiring, from)], &[&cranker]).await.unwrap();
    let ev = events.iter().find_map(|e| decode_event::<JobRefunded>(e)).expect("JobRefunded");
    assert_eq!((ev.amount, ev.reason, ev.client), (5 * QUOTE, RefundReason::Expired, client.pubkey()));
    assert_eq!(s.env.token_balance(from).await, start);
    assert_eq!((s.job(&expiring).await.phase, s.job(&expiring).await.escrowed), (JobPhase::Expired as u8, 0));
    assert_eq!(s.vault(1).await.total_commerce, 0, "nothing reached the provider");
}

// ------------------------------------------------------------------ refusals

#[tokio::test]
async fn every_out_of_turn_step_is_refused_by_name_and_moves_nothing() {
    let mut s = scene(3).await;
    let client = s.agents[0].operator.insecure_clone();
    let op_b = s.agents[1].operator.insecure_clone();
    let op_c = s.agents[2].operator.insecure_clone();
    let from = s.quote_account(&client.pubkey());
    let args = s.args(1, 10 * QUOTE, Evaluator::Client, 0).await;
    let keys = s.keys(&client.pubkey(), 1, &s.agents[1].mint());
    s.env.send(&[jobs::create_job(&keys, args.clone(), None)], &[&client]).await.unwrap();
    let watched = s.money(&keys, &[]);
    let fail = |e| ac_err(e);

    // Re-initialising the job.
    s.env.expect_failure(&[jobs::create_job(&keys, args, None)], &[&client], fail(E::JobAlreadyExists), &watched).await;
    // Funding before acceptance; submitting or evaluating before funding.
    s.env.expect_failure(&[jobs::fund_job(&keys, from)], &[&client], fail(E::NotAccepted), &watched).await;
    s.env.expect_failure(&[jobs::submit_job(&op_b.pubkey(), &keys, [1; 32], String::new())], &[&op_b], fail(E::Unfunded), &watched).await;
    // Another agent's operator accepting B's job.
    s.env.expect_failure(&[jobs::accept_job(&op_c.pubkey(), &keys)], &[&op_c], fail(E::WrongOperator), &watched).await;
    let forged = ix::with_account(jobs::accept_job(&op_c.pubkey(), &keys), ca::operator(&s.agents[1].mint()), ca::operator(&s.agents[2].mint()));
    s.env.expect_failure(&[forged], &[&op_c], fail(E::WrongOperator), &watched).await;
    s.env.send(&[jobs::accept_job(&op_b.pubkey(), &keys)], &[&op_b]).await.unwrap();
    s.env.expect_failure(&[jobs::accept_job(&op_b.pubkey(), &keys)], &[&op_b], fail(E::AlreadyAccepted), &watched).await;
    s.env.expect_failure(&[jobs::approve_job(&client.pubkey(), &Evaluator::Client, &keys, from)], &[&client], fail(E::Unfunded), &watched).await;

    // Funding: only the client, only in the budget mint, never from the escrow itself.
    let stranger_from = s.quote_account(&op_c.pubkey());
    let mut by_stranger = jobs::fund_job(&keys, stranger_from);
    by_stranger = ix::with_account(by_stranger, client.pubkey(), op_c.pubkey());
    s.env.expect_failure(&[by_stranger], &[&op_c], fail(E::NotClient), &[keys.job, stranger_from]).await;
    let agent_tokens = s.env.create_base_ata(&s.agents[1].keys.clone(), &client.pubkey()).await;
    s.env.expect_failure(&[jobs::fund_job(&keys, agent_tokens)], &[&client], fail(E::WrongMint), &watched).await;
    let other_mint = ix::with_account(jobs::fund_job(&keys, from), s.protocol.quote_mint, s.agents[1].mint());
    s.env.expect_failure(&[other_mint], &[&client], fail(E::WrongMint), &watched).await;
    s.env.expect_failure(&[jobs::fund_job(&keys, keys.escrow())], &[&client], fail(E::ProgramVaultAsUserAccount), &watched).await;
    s.env.send(&[jobs::fund_job(&keys, from)], &[&client]).await.unwrap();
    s.env.expect_failure(&[jobs::fund_job(&keys, from)], &[&client], fail(E::AlreadyFunded), &watched).await;
    s.env.expect_failure(&[jobs::approve_job(&client.pubkey(), &Evaluator::Client, &keys, from)], &[&client], fail(E::NotSubmitted), &watched).await;
    s.submit(1, &keys).await;
    s.env.expect_failure(&[jobs::submit_job(&op_b.pubkey(), &keys, [1; 32], String::new())], &[&op_b], fail(E::AlreadySubmitted), &watched).await;

    // The provider's operator approving its own job, not being the evaluator; or naming
    // itself through an agent evaluator the job does not name.
    let b_quote = s.quote_account(&op_b.pubkey());
    let watched_b = s.money(&keys, &[b_quote]);
    s.env.expect_failure(&[jobs::approve_job(&op_b.pubkey(), &Evaluator::Client, &keys, b_quote)], &[&op_b], fail(E::WrongEvaluator), &watched_b).await;
    let as_agent = Evaluator::Agent { mint: s.agents[1].mint() };
    s.env.expect_failure(&[jobs::approve_job(&op_b.pubkey(), &as_agent, &keys, b_quote)], &[&op_b], fail(E::WrongEvaluator), &watched_b).await;
    s.env.expect_failure(&[jobs::reject_job(&op_b.pubkey(), &Evaluator::Client, &keys, from)], &[&op_b], fail(E::WrongEvaluator), &watched_b).await;
    // The evaluator's fee to someone else's account, the refund to someone other than the
    // client, the escrow or the provider's vault as a user account.
    s.env.expect_failure(&[jobs::approve_job(&client.pubkey(), &Evaluator::Client, &keys, b_quote)], &[&client], fail(E::WrongRecipient), &watched_b).await;
    s.env.expect_failure(&[jobs::reject_job(&client.pubkey(), &Evaluator::Client, &keys, b_quote)], &[&client], fail(E::WrongRecipient), &watched_b).await;
    s.env.expect_failure(&[jobs::approve_job(&client.pubkey(), &Evaluator::Client, &keys, keys.escrow())], &[&client], fail(E::ProgramVaultAsUserAccount), &watched).await;
    let vault_tokens = fa::vault_tokens(&keys.provider_vault());
    s.env.expect_failure(&[jobs::approve_job(&client.pubkey(), &Evaluator::Client, &keys, vault_tokens)], &[&client], fail(E::ProgramVaultAsUserAccount), &watched).await;
    // Another agent's vault as the provider's.
    let c_vault = fa::vault(&s.agents[2].mint(), &s.protocol.quote_mint);
    let wrong_vault = ix::with_account(jobs::approve_job(&client.pubkey(), &Evaluator::Client, &keys, from), keys.provider_vault(), c_vault);
    s.env.expect_failure(&[wrong_vault], &[&client], fail(E::VaultMismatch), &watched).await;

    // Approved once; a second evaluation, and a refund after payment, are refused.
    s.env.send(&[jobs::approve_job(&client.pubkey(), &Evaluator::Client, &keys, from)], &[&client]).await.unwrap();
    let watched = s.money(&keys, &[]);
    s.env.expect_failure(&[jobs::approve_job(&client.pubkey(), &Evaluator::Client, &keys, from)], &[&client], fail(E::AlreadyEvaluated), &watched).await;
    s.env.expect_failure(&[jobs::reject_job(&client.pubkey(), &Evaluator::Client, &keys, from)], &[&client], fail(E::AlreadyEvaluated), &watched).await;
    s.env.advance_time(24 * HOUR).await;
    s.env.expect_failure(&[jobs::expire_job(&client.pubkey(), &keys, from)], &[&client], fail(E::JobClosed), &watched).await;
}

#[tokio::test]
async fn nothing_progresses_after_the_expiry_but_the_refund() {
    let mut s = scene(2).await;
    let client = s.agents[0].operator.insecure_clone();
    let op_b = s.agents[1].operator.insecure_clone();
    let from = s.quote_account(&client.pubkey());
    let args = s.args(1, 3 * QUOTE, Evaluator::Client, 0).await;
    let keys = s.hire(&client, 1, 1, args, None).await;
    s.submit(1, &keys).await;
    s.env.advance_time(24 * HOUR).await;
    let watched = s.money(&keys, &[]);
    s.env.expect_failure(&[jobs::approve_job(&client.pubkey(), &Evaluator::Client, &keys, from)], &[&client], ac_err(E::Expired), &watched).await;
    s.env.expect_failure(&[jobs::reject_job(&client.pubkey(), &Evaluator::Client, &keys, from)], &[&client], ac_err(E::Expired), &watched).await;
    let args = s.args(2, 3 * QUOTE, Evaluator::Client, 0).await;
    let late = s.keys(&client.pubkey(), 2, &s.agents[1].mint());
    s.env.send(&[jobs::create_job(&late, args, None)], &[&client]).await.unwrap();
    s.env.advance_time(24 * HOUR).await;
    s.env.expect_failure(&[jobs::accept_job(&op_b.pubkey(), &late)], &[&op_b], ac_err(E::Expired), &[late.job]).await;
    // Expired unfunded: nothing to refund, the job ends.
    s.env.send(&[jobs::expire_job(&op_b.pubkey(), &late, from)], &[&op_b]).await.unwrap();
    assert_eq!(s.job(&late).await.phase, JobPhase::Expired as u8);
    s.env.send(&[jobs::expire_job(&op_b.pubkey(), &keys, from)], &[&op_b]).await.unwrap();
    assert_eq!(s.env.token_balance(keys.escrow()).await, 0);
}

#[tokio::test]
async fn terms_and_sub_contracts_are_checked() {
    let mut s = scene(3).await;
    let client = s.agents[0].operator.insecure_clone();
    let op_b = s.agents[1].operator.insecure_clone();
    let op_c = s.agents[2].operator.insecure_clone();
    let (b, c) = (s.agents[1].mint(), s.agents[2].mint());
    let keys = s.keys(&client.pubkey(), 1, &b);
    let watched = [keys.job, keys.escrow()];
    let base = s.args(1, QUOTE, Evaluator::Client, 0).await;
    let refuse = |args: CreateJobArgs, e| (jobs::create_job(&keys, args, None), ac_err(e));
    let now = s.now().await;
    for (ixn, err) in [
        refuse(CreateJobArgs { budget: 0, ..base.clone() }, E::ZeroBudget),
        refuse(CreateJobArgs { evaluator_fee_bps: 5_001, ..base.clone() }, E::EvaluatorFeeTooHigh),
        refuse(CreateJobArgs { expires_at: now, ..base.clone() }, E::ExpiryNotInFuture),
        refuse(CreateJobArgs { terms_uri: "x".repeat(201), ..base.clone() }, E::UriTooLong),
        refuse(CreateJobArgs { evaluator: Evaluator::Agent { mint: b }, ..base.clone() }, E::EvaluatorIsProvider),
    ] {
        s.env.expect_failure(&[ixn], &[&client], err, &watched).await;
    }
    // A budget in a mint the provider's vault does not take: B's vault for the quote mint
    // offered with another mint.
    let other_mint = ix::with_account(jobs::create_job(&keys, base.clone(), None), s.protocol.quote_mint, c);
    s.env.expect_failure(&[other_mint], &[&client], ac_err(E::WrongMint), &watched).await;

    // Sub-contracts: the parent must be funded, the client its provider's operator, the
    // child no longer-lived, and to another agent.
    s.env.send(&[jobs::create_job(&keys, base.clone(), None)], &[&client]).await.unwrap();
    let child_args = s.args(1, QUOTE, Evaluator::Client, 0).await;
    let child = s.keys(&op_b.pubkey(), 1, &c);
    let cw = [child.job, keys.job];
    s.env.expect_failure(&[jobs::create_job(&child, child_args.clone(), Some((keys.job, b)))], &[&op_b], ac_err(E::ParentNotActive), &cw).await;
    s.env.send(&[jobs::accept_job(&op_b.pubkey(), &keys)], &[&op_b]).await.unwrap();
    s.env.send(&[jobs::fund_job(&keys, s.quote_account(&client.pubkey()))], &[&client]).await.unwrap();
    let by_c = s.keys(&op_c.pubkey(), 1, &c);
    s.env.expect_failure(&[jobs::create_job(&by_c, child_args.clone(), Some((keys.job, b)))], &[&op_c], ac_err(E::NotParentProvider), &[by_c.job, keys.job]).await;
    let mut long = child_args.clone();
    long.expires_at = base.expires_at + 1;
    s.env.expect_failure(&[jobs::create_job(&child, long, Some((keys.job, b)))], &[&op_b], ac_err(E::ChildOutlivesParent), &cw).await;
    let to_self = s.keys(&op_b.pubkey(), 1, &b);
    s.env.expect_failure(&[jobs::create_job(&to_self, child_args.clone(), Some((keys.job, b)))], &[&op_b], ac_err(E::SubcontractToSelf), &[to_self.job, keys.job]).await;
    let mut no_operator = jobs::create_job(&child, child_args.clone(), Some((keys.job, b)));
    no_operator = ix::with_account(no_operator, ca::operator(&b), agent_commerce::ID);
    s.env.expect_failure(&[no_operator], &[&op_b], ac_err(E::MissingParentOperator), &cw).await;
    s.env.send(&[jobs::create_job(&child, child_args, Some((keys.job, b)))], &[&op_b]).await.unwrap();
    assert_eq!(s.job(&keys).await.children, 1);
}

/// A forged credit: fee-aggregator's commerce source takes money only from agent-commerce's
/// escrow authority, which only agent-commerce can make sign.
#[tokio::test]
async fn only_agent_commerce_credits_commerce_revenue() {
    let mut s = scene(1).await;
    let (q, tp, a) = (s.protocol.quote_mint, s.protocol.quote_token_program, s.agents[0].mint());
    let forger = s.agents[0].operator.insecure_clone();
    let from = s.quote_account(&forger.pubkey());
    let v = fa::vault(&a, &q);
    let watched = [v, fa::vault_tokens(&v), from];
    let forged = fees::credit_commerce(&forger.pubkey(), from, &a, &q, &tp, QUOTE, Pubkey::new_unique());
    s.env.expect_failure(&[forged], &[&forger], fa_err(FE::NotCommerceEscrow), &watched).await;
    // The escrow authority named without its signature.
    let mut unsigned = fees::credit_commerce(&ESCROW_AUTHORITY, from, &a, &q, &tp, QUOTE, Pubkey::new_unique());
    unsigned.accounts[0].is_signer = false;
    s.env.expect_failure(&[unsigned], &[], anchor_err(anchor_lang::error::ErrorCode::AccountNotSigner), &watched).await;
    assert_eq!(s.vault(0).await.total_commerce, 0);
}

/// Tokens sent straight to an escrow are never paid out: every payout is the job's ledger.
#[tokio::test]
async fn a_donation_to_an_escrow_is_never_paid_out() {
    let mut s = scene(2).await;
    let client = s.agents[0].operator.insecure_clone();
    let from = s.quote_account(&client.pubkey());
    let args = s.args(1, 2 * QUOTE, Evaluator::Client, 0).await;
    let keys = s.hire(&client, 1, 1, args, None).await;
    #[allow(deprecated)]
    let donation = anchor_spl::token_2022::spl_token_2022::instruction::transfer(&s.protocol.quote_token_program, &from, &keys.escrow(), &client.pubkey(), &[], 7).unwrap();
    s.env.send(&[donation], &[&client]).await.unwrap();
    s.submit(1, &keys).await;
    s.env.send(&[jobs::approve_job(&client.pubkey(), &Evaluator::Client, &keys, from)], &[&client]).await.unwrap();
    assert_eq!(s.vault(1).await.total_commerce, 2 * QUOTE);
    assert_eq!(s.env.token_balance(keys.escrow()).await, 7, "the donation stays, unledgered");
}
