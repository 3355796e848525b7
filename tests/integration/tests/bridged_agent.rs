//! A Base agent on Solana: the Base router links its agent token's OFT mint to a creator
//! (a LayerZero message to fee-aggregator), the creator registers it in agent-factory, its
//! holders stake, and fees from Base (value through an OFT compose, and reports) and from
//! Solana (direct revenue) reach the stakers exactly. Every refusal has its named error and
//! leaves every watched account unchanged.
#![allow(deprecated)]

use agentpad_tests::accounts::{self as addr, fees as fa};
use agentpad_tests::fixtures::{Oft, Packet, Protocol};
use agentpad_tests::ix::{self, TestExtension, fees, stake};
use agentpad_tests::presets::QUOTE;
use agentpad_tests::{Env, af_err, bc_err, decode_event, fa_err};
use bonding_curve::error::BondingCurveError as BcE;
use agent_factory::error::AgentFactoryError as AfE;
use agent_factory::event::{BridgedAgentRegistered, BridgedPoolOpened};
use agent_factory::state::Agent;
use agentpad_client::instructions::agent_factory::{RegisterBridged, admin_register_bridged_agent, open_bridged_pool, register_bridged_agent};
use agent_factory::instructions::BridgedOrigin;
use agentpad_client::instructions::bonding_curve as bc;
use agentpad_client::pda::PoolKeys;
use bonding_curve::state::phase;
use fee_aggregator::error::FeeAggregatorError as FaE;
use fee_aggregator::event::{AgentLinked, RevenueDistributed};
use fee_aggregator::message::{AgentLink as LinkMessage, FeeReport, ValueTransfer};
use fee_aggregator::state::{AgentLink, AgentVault};
use solana_sdk::pubkey::Pubkey;
use solana_sdk::signature::{Keypair, Signer};

const BASE: u32 = 30184;
const ARBITRUM: u32 = 30110;
fn evm(byte: u8) -> [u8; 32] {
    let mut a = [0u8; 32];
    a[12..].copy_from_slice(&[byte; 20]);
    a
}
/// The agentpad router on Base, the VIRTUAL OFT adapter there, and the Base agent token.
const ROUTER: u8 = 0xBA;
const VIRTUAL_OFT_PEER: u8 = 0x0F;
const AGENT_OFT_PEER: u8 = 0xA6;
const BASE_AGENT_TOKEN: u8 = 0x77;
const LIMIT_SD: u64 = 1_000_000 * 1_000_000;

struct Setup {
    env: Env,
    protocol: Protocol,
    creator: Keypair,
    /// The Base agent token's OFT mint on Solana.
    agent: Oft,
    /// VIRTUAL on Solana (9 decimals) with its OFT: the agent's reward mint.
    virtual_oft: Oft,
    nonce: u64,
}

async fn setup() -> Setup {
    setup_with(&[]).await
}

async fn setup_with(agent_extensions: &[TestExtension]) -> Setup {
    let mut env = Env::start().await;
    let protocol = env.setup_protocol().await;
    let admin = env.admin.insecure_clone();
    env.send(&fees::set_peer(&admin.pubkey(), BASE, evm(ROUTER), LIMIT_SD, 5 * LIMIT_SD), &[&admin]).await.unwrap();
    let virtual_oft = env.bridged_token(9).await;
    let agent = env.bridged_agent_token(agent_extensions).await;
    let creator = env.new_user(10 * QUOTE).await;
    Setup { env, protocol, creator, agent, virtual_oft, nonce: 0 }
}

impl Setup {
    fn link_message(&self, creator: &Pubkey, link_id: u64) -> LinkMessage {
        LinkMessage { agent: self.agent.mint, creator: *creator, oft_store: self.agent.store, origin_token: evm(BASE_AGENT_TOKEN), link_id }
    }

    /// A message from `eid`/`sender`, verified at the endpoint.
    async fn verified(&mut self, eid: u32, sender: [u8; 32], message: &[u8]) -> Packet {
        self.nonce += 1;
        let p = Packet::new(eid, sender, self.nonce, message);
        self.env.verify_packet(&p).await;
        p
    }

    /// The router links the agent token to `creator` with `link_id`.
    async fn link(&mut self, creator: &Pubkey, link_id: u64) -> Vec<Vec<u8>> {
        let msg = self.link_message(creator, link_id).encode();
        let p = self.verified(BASE, evm(ROUTER), &msg).await;
        self.env.lz_receive(&p).await.unwrap()
    }

    fn register_ix(&self, creator: &Pubkey) -> solana_sdk::instruction::Instruction {
        register_bridged_agent(&RegisterBridged {
            creator: *creator,
            mint: self.agent.mint,
            preset_id: 0,
            reward_mint: self.virtual_oft.mint,
            reward_token_program: self.virtual_oft.token_program,
            unstake_cooldown: None,
        })
    }

    /// What a registration creates, and the creator's lamports.
    fn watched(&self) -> Vec<Pubkey> {
        let vault = fa::vault(&self.agent.mint, &self.virtual_oft.mint);
        vec![
            self.creator.pubkey(),
            addr::agent(&self.agent.mint),
            fa::link(&self.agent.mint),
            vault,
            fa::vault_tokens(&vault),
            addr::stake::pool(&self.agent.mint),
        ]
    }

    /// The agent OFT delivers `amount` agent tokens (6 decimals) from Base to `owner`.
    async fn bridge_agent_tokens(&mut self, owner: &Pubkey, amount: u64) {
        self.nonce += 1;
        let message = oft_mock::encode_oft_message(owner, amount, None);
        let agent = self.agent;
        self.env.oft_receive(&agent, &Packet::new(BASE, evm(AGENT_OFT_PEER), self.nonce, &message), owner).await.unwrap();
    }
}

// ------------------------------------------------------------------ the whole path

#[tokio::test]
async fn link_register_stake_and_fees_from_both_chains_reach_the_stakers_exactly() {
    let mut s = setup().await;
    let creator = s.creator.pubkey();
    let mint = s.agent.mint;

    // Link: the router on Base names the mint, the creator and the OFT store.
    let events = s.link(&creator, 1).await;
    let ev = events.iter().find_map(|e| decode_event::<AgentLinked>(e)).expect("AgentLinked");
    assert_eq!((ev.agent_mint, ev.creator, ev.oft_store, ev.src_eid, ev.link_id), (mint, creator, s.agent.store, BASE, 1));
    assert_eq!((ev.origin_token, ev.previous_creator), (evm(BASE_AGENT_TOKEN), Pubkey::default()));
    let link: AgentLink = s.env.anchor_account(fa::link(&mint)).await;
    assert_eq!((link.mint, link.creator, link.oft_store, link.origin_eid, link.link_id), (mint, creator, s.agent.store, BASE, 1));

    // Register: the record (marked with its origin), the fee vault and the stake pool.
    let register = s.register_ix(&creator);
    let c = s.creator.insecure_clone();
    let events = s.env.send_with_events(&[register], &[&c]).await.unwrap();
    let ev = events.iter().find_map(|e| decode_event::<BridgedAgentRegistered>(e)).expect("BridgedAgentRegistered");
    assert_eq!((ev.mint, ev.creator, ev.origin_eid, ev.origin_token, ev.link_id), (mint, creator, BASE, evm(BASE_AGENT_TOKEN), 1));
    assert_eq!(ev.reward_mint, s.virtual_oft.mint);
    let record: Agent = s.env.anchor_account(addr::agent(&mint)).await;
    assert_eq!((record.mint, record.creator, record.origin_eid, record.origin_token), (mint, creator, BASE, evm(BASE_AGENT_TOKEN)));
    assert_eq!(record.pool, Pubkey::default(), "no Solana pool yet");
    let vmint = s.virtual_oft.mint;
    let tp = s.virtual_oft.token_program;
    let vault = fa::vault(&mint, &vmint);
    assert!(s.env.account(vault).await.is_some() && s.env.account(addr::stake::pool(&mint)).await.is_some());

    // A holder on Solana: agent tokens arrive through the agent's OFT, and are staked.
    let holder = s.env.new_user(QUOTE).await;
    s.bridge_agent_tokens(&holder.pubkey(), 250_000 * 1_000_000).await;
    let staked = 250_000 * 1_000_000;
    s.env.send(&[stake::stake(&holder.pubkey(), &mint, staked)], &[&holder]).await.unwrap();

    // Fees from Base: 12.5 VIRTUAL through the VIRTUAL OFT with a compose naming the agent,
    // and a report of 40 VIRTUAL kept on Base (statistics).
    s.nonce += 1;
    let payload = ValueTransfer { agent: mint, transfer_id: 2, source_epoch: 2026_49 }.encode();
    let oft_message = oft_mock::encode_oft_message(&fa::store(), 12_500_000, Some((&evm(ROUTER), &payload)));
    let virtual_oft = s.virtual_oft;
    let compose = s.env.oft_receive(&virtual_oft, &Packet::new(BASE, evm(VIRTUAL_OFT_PEER), s.nonce, &oft_message), &fa::store()).await.unwrap().expect("compose");
    s.env.lz_compose(&compose).await.unwrap();
    let report = FeeReport { agent: mint, reward_mint: vmint, amount_sd: 40_000_000, report_id: 3, source_epoch: 2026_49 };
    let p = s.verified(BASE, evm(ROUTER), &report.encode()).await;
    s.env.lz_receive(&p).await.unwrap();

    // Trade: the creator opens the agent's Solana pool against the preset's quote mint with
    // 100,000 agent tokens (bridged from Base) and 5 quote, locked forever; a trader buys and
    // sells in it.
    let (qmint, qtp) = (s.protocol.quote_mint, s.protocol.quote_token_program);
    let keys = PoolKeys::for_mint(mint, qmint, qtp);
    s.bridge_agent_tokens(&creator, 100_000 * 1_000_000).await;
    let protocol = s.protocol.clone();
    s.env.fund_quote(&protocol, &creator, 5 * QUOTE).await;
    let events = s.env.send_with_events(&[open_bridged_pool(&creator, &keys, 0, 100_000 * 1_000_000, 5 * QUOTE)], &[&c]).await.unwrap();
    let opened = events.iter().find_map(|e| decode_event::<BridgedPoolOpened>(e)).expect("BridgedPoolOpened");
    assert_eq!((opened.pool, opened.base_amount, opened.quote_amount), (keys.pool, 100_000 * 1_000_000, 5 * QUOTE));
    let pool = s.env.pool(&keys).await;
    assert_eq!((pool.phase, pool.quote_reserve, pool.base_reserve), (phase::GRADUATED, 5 * QUOTE, 100_000 * 1_000_000));
    assert_eq!(pool.creator_fee_authority, addr::agent(&mint));
    assert_eq!(s.env.token_balance(keys.base_vault).await, 100_000 * 1_000_000);
    let record: Agent = s.env.anchor_account(addr::agent(&mint)).await;
    assert_eq!(record.pool, keys.pool);
    let trader = s.env.trader(&protocol, &keys, 3 * QUOTE).await;
    let t = trader.pubkey();
    s.env.send(&[bc::buy_exact_in(bc::swap_accounts(&t, &keys), 2 * QUOTE, 1)], &[&trader]).await.unwrap();
    let bought = s.env.token_balance(keys.base_ata(&t)).await;
    s.env.send(&[bc::sell_exact_in(bc::swap_accounts(&t, &keys), bought / 2, 1)], &[&trader]).await.unwrap();
    let pool = s.env.pool(&keys).await;
    assert!(pool.agent_fees > 0 && pool.creator_fees > 0 && pool.protocol_fees > 0, "the three fee buckets fill");
    // The agent's part reaches its vault for the quote mint (sweep), as a launched agent's.
    let payer = s.env.payer().pubkey();
    s.env.send(&[fees::create_vault(&payer, &mint, &qmint, &qtp), stake::add_reward_mint(&creator, &mint, &qmint, &qtp)], &[&c]).await.unwrap();
    let agent_fees = pool.agent_fees;
    s.env.send(&[fees::sweep(&keys)], &[]).await.unwrap();
    let quote_vault = fa::vault(&mint, &qmint);
    let book: AgentVault = s.env.zero_copy(quote_vault).await;
    assert_eq!((book.total_local, book.undistributed), (agent_fees, agent_fees), "Solana trading fees, booked as local");

    let book: AgentVault = s.env.zero_copy(vault).await;
    let base = book.chain(BASE).unwrap();
    assert_eq!((base.credited, base.reported), (12_500_000_000, 40_000_000_000), "per chain: bridged and reported");
    assert_eq!((book.total_bridged, book.undistributed), (12_500_000_000, 12_500_000_000));

    // Distribute both vaults; a full reward window later the only staker claims the
    // holders' part of each, from both chains.
    let recipient = s.protocol.fee_recipient.pubkey();
    s.env.send(&[ix::create_ata(&payer, &recipient, &vmint, &tp), ix::create_ata(&payer, &creator, &vmint, &tp), ix::create_ata(&payer, &holder.pubkey(), &vmint, &tp), ix::create_ata(&payer, &holder.pubkey(), &qmint, &qtp), ix::create_ata(&payer, &recipient, &qmint, &qtp)], &[]).await.unwrap();
    let mut holders_parts = vec![];
    for (reward_mint, rtp, total) in [(vmint, tp, 12_500_000_000), (qmint, qtp, agent_fees)] {
        let creator_account = addr::ata(&creator, &reward_mint, &rtp);
        let before = s.env.token_balance(creator_account).await;
        let events = s.env.send_with_events(&[fees::distribute(&mint, &reward_mint, &rtp, creator_account, addr::ata(&recipient, &reward_mint, &rtp))], &[]).await.unwrap();
        let d = events.iter().find_map(|e| decode_event::<RevenueDistributed>(e)).expect("RevenueDistributed");
        assert_eq!(d.holders + d.creator + d.protocol, total, "everything that arrived is split");
        assert_eq!(s.env.token_balance(creator_account).await - before, d.creator);
        holders_parts.push((reward_mint, rtp, d.holders));
    }
    s.env.advance_time(7 * 86_400 + 60).await;
    let w = holder.pubkey();
    let rewards: Vec<_> = holders_parts.iter().map(|(m, p, _)| stake::reward(&w, &mint, m, p)).collect();
    s.env.send(&[stake::claim(&w, &w, &mint, &rewards)], &[&holder]).await.unwrap();
    for (reward, (_, _, holders)) in rewards.iter().zip(&holders_parts) {
        // The only staker gets the holders' part but the Q64.64 fraction the drip rounds
        // down, which stays in the pool's reward vault (in the pool's favour, never lost).
        let claimed = s.env.token_balance(reward.2).await;
        assert!(claimed <= *holders && holders - claimed <= 1, "claimed {claimed} of {holders}");
        assert_eq!(s.env.token_balance(reward.1).await, holders - claimed, "the pool keeps exactly the remainder");
    }
}

// ------------------------------------------------------------------ links

#[tokio::test]
async fn a_later_link_replaces_an_earlier_one_and_a_late_earlier_one_is_refused() {
    let mut s = setup().await;
    let first = s.env.keypair().pubkey();
    let creator = s.creator.pubkey();
    s.link(&first, 5).await;
    let events = s.link(&creator, 7).await;
    let ev = events.iter().find_map(|e| decode_event::<AgentLinked>(e)).unwrap();
    assert_eq!((ev.creator, ev.previous_creator, ev.link_id), (creator, first, 7));
    // Link 6, sent before 7 but delivered after it.
    let late = s.link_message(&first, 6).encode();
    let p = s.verified(BASE, evm(ROUTER), &late).await;
    let accounts = s.env.lz_accounts(&p).await.unwrap();
    let payer = s.env.payer().pubkey();
    let watched = s.watched();
    s.env.expect_failure(&[fees::lz_receive(&payer, &accounts, p.params())], &[], fa_err(FaE::StaleLink), &watched).await;
    // The same link again (a new nonce) is a replay.
    let again = s.link_message(&creator, 7).encode();
    let p = s.verified(BASE, evm(ROUTER), &again).await;
    let accounts = s.env.lz_accounts(&p).await.unwrap();
    s.env.expect_failure(&[fees::lz_receive(&payer, &accounts, p.params())], &[], fa_err(FaE::StaleLink), &watched).await;
    let link: AgentLink = s.env.anchor_account(fa::link(&s.agent.mint)).await;
    assert_eq!((link.creator, link.link_id), (creator, 7));
}

#[tokio::test]
async fn a_link_from_a_non_peer_is_refused_and_grants_nothing() {
    let mut s = setup().await;
    let creator = s.creator.pubkey();
    let payer = s.env.payer().pubkey();
    let watched = s.watched();
    let msg = s.link_message(&creator, 1).encode();
    // Another sender on Base, and the right sender on a chain with no peer.
    for (eid, sender, expected) in [(BASE, evm(0x66), FaE::InvalidSender), (ARBITRUM, evm(ROUTER), FaE::UnknownPeer)] {
        let p = s.verified(eid, sender, &msg).await;
        let accounts = fee_aggregator::instructions::receive_accounts(&fa::store(), &lz_endpoint_mock::ID, &p.params()).unwrap();
        s.env.expect_failure(&[fees::lz_receive(&payer, &accounts, p.params())], &[], fa_err(expected), &watched).await;
    }
    let c = s.creator.insecure_clone();
    let register = s.register_ix(&creator);
    s.env.expect_failure(&[register], &[&c], af_err(AfE::NoLink), &watched).await;
}

#[tokio::test]
async fn a_link_must_name_a_mint_a_creator_and_a_store_and_write_its_own_pda() {
    let mut s = setup().await;
    let payer = s.env.payer().pubkey();
    let watched = s.watched();
    let creator = s.creator.pubkey();
    let mut no_creator = s.link_message(&Pubkey::default(), 1);
    let p = s.verified(BASE, evm(ROUTER), &no_creator.encode()).await;
    let accounts = s.env.lz_accounts(&p).await.unwrap();
    s.env.expect_failure(&[fees::lz_receive(&payer, &accounts, p.params())], &[], fa_err(FaE::InvalidLink), &watched).await;
    // The right message, with another mint's link PDA as its target.
    no_creator.creator = creator;
    let p = s.verified(BASE, evm(ROUTER), &no_creator.encode()).await;
    let accounts = s.env.lz_accounts(&p).await.unwrap();
    let deliver = ix::with_account(fees::lz_receive(&payer, &accounts, p.params()), fa::link(&s.agent.mint), fa::link(&s.virtual_oft.mint));
    s.env.expect_failure(&[deliver], &[], fa_err(FaE::LinkMismatch), &watched).await;
}

// ------------------------------------------------------------------ registration refusals

#[tokio::test]
async fn registration_needs_a_link_for_this_mint_and_its_creator_once() {
    let mut s = setup().await;
    let creator = s.creator.pubkey();
    let c = s.creator.insecure_clone();
    let watched = s.watched();

    // No link yet.
    let register = s.register_ix(&creator);
    s.env.expect_failure(&[register.clone()], &[&c], af_err(AfE::NoLink), &watched).await;

    s.link(&creator, 1).await;
    // Another key, even one that pays for everything.
    let stranger = s.env.new_user(10 * QUOTE).await;
    let theirs = s.register_ix(&stranger.pubkey());
    s.env.expect_failure(&[theirs], &[&stranger], af_err(AfE::NotLinkedCreator), &watched).await;

    // A link for another mint: a second Base agent linked to the same creator.
    let other = s.env.bridged_agent_token(&[]).await;
    let other_link = LinkMessage { agent: other.mint, creator, oft_store: other.store, origin_token: evm(0x78), link_id: 2 };
    let p = s.verified(BASE, evm(ROUTER), &other_link.encode()).await;
    s.env.lz_receive(&p).await.unwrap();
    let swapped = ix::with_account(s.register_ix(&creator), fa::link(&s.agent.mint), fa::link(&other.mint));
    s.env.expect_failure(&[swapped], &[&c], af_err(AfE::LinkForAnotherMint), &watched).await;

    // Registered once; a second time is refused.
    s.env.send(&[register.clone()], &[&c]).await.unwrap();
    let watched = s.watched();
    s.env.advance_time(1).await;
    s.env.expect_failure(&[register], &[&c], af_err(AfE::AlreadyRegistered), &watched).await;
}

#[tokio::test]
async fn the_mint_must_be_the_links_oft_mint_and_pass_the_screening() {
    // Its mint authority is not the store the link names.
    let mut s = setup().await;
    let creator = s.creator.pubkey();
    let c = s.creator.insecure_clone();
    let mut msg = s.link_message(&creator, 1);
    msg.oft_store = s.virtual_oft.store;
    let p = s.verified(BASE, evm(ROUTER), &msg.encode()).await;
    s.env.lz_receive(&p).await.unwrap();
    let watched = s.watched();
    let register = s.register_ix(&creator);
    s.env.expect_failure(&[register], &[&c], af_err(AfE::NotOftMint), &watched).await;

    // A mint with a permanent delegate: it could take tokens out of the stake pool.
    let mut s = setup_with(&[TestExtension::PermanentDelegate]).await;
    let creator = s.creator.pubkey();
    let c = s.creator.insecure_clone();
    s.link(&creator, 1).await;
    let watched = s.watched();
    let register = s.register_ix(&creator);
    s.env.expect_failure(&[register], &[&c], af_err(AfE::MintPermanentDelegate), &watched).await;

    // A mint with a freeze authority (the stake vault could be frozen), and an SPL Token
    // mint (the stake pool holds Token-2022 agent tokens).
    let mut s = setup().await;
    let creator = s.creator.pubkey();
    let c = s.creator.insecure_clone();
    let rent = s.env.rent().await;
    let payer = s.env.payer().pubkey();
    for (token_program, freeze, expected) in [(anchor_spl::token_2022::ID, true, AfE::MintFreezeAuthority), (anchor_spl::token::ID, false, AfE::NotToken2022Mint)] {
        let mint = s.env.keypair();
        let mut create = ix::create_mint(&payer, &mint.pubkey(), &s.agent.store, 6, &token_program, &[], &rent);
        let freeze_authority = freeze.then_some(payer);
        *create.last_mut().unwrap() = anchor_spl::token_2022::spl_token_2022::instruction::initialize_mint2(&token_program, &mint.pubkey(), &s.agent.store, freeze_authority.as_ref(), 6).unwrap();
        s.env.send(&create, &[&mint]).await.unwrap();
        s.agent.mint = mint.pubkey();
        s.link(&creator, s.nonce + 100).await;
        let watched = s.watched();
        let register = s.register_ix(&creator);
        s.env.expect_failure(&[register], &[&c], af_err(expected), &watched).await;
    }
}

// ------------------------------------------------------------------ the bridged agent's pool

#[tokio::test]
async fn only_the_creator_opens_a_bridged_agents_pool_once_with_both_sides_and_only_through_agent_factory() {
    let mut s = setup().await;
    let creator = s.creator.pubkey();
    let c = s.creator.insecure_clone();
    s.link(&creator, 1).await;
    s.env.send(&[s.register_ix(&creator)], &[&c]).await.unwrap();
    let (mint, qmint, qtp) = (s.agent.mint, s.protocol.quote_mint, s.protocol.quote_token_program);
    let keys = PoolKeys::for_mint(mint, qmint, qtp);
    let protocol = s.protocol.clone();
    s.bridge_agent_tokens(&creator, 1_000 * 1_000_000).await;
    s.env.fund_quote(&protocol, &creator, QUOTE).await;
    let watched = vec![creator, addr::agent(&mint), keys.pool, keys.base_ata(&creator), keys.quote_ata(&creator)];

    // Someone else, even with the same accounts.
    let stranger = s.env.new_user(10 * QUOTE).await;
    let theirs = ix::with_account(open_bridged_pool(&creator, &keys, 0, 1_000_000, 1_000), creator, stranger.pubkey());
    s.env.expect_failure(&[theirs], &[&stranger], af_err(AfE::NotCreator), &watched).await;
    // Another mint, or a preset other than the agent's, beside its record.
    let other_mint = s.virtual_oft.mint;
    let wrong_mint = ix::with_account(open_bridged_pool(&creator, &keys, 0, 1_000_000, 1_000), mint, other_mint);
    s.env.expect_failure(&[wrong_mint], &[&c], af_err(AfE::AgentMintMismatch), &watched).await;
    let wrong_preset = ix::with_account(open_bridged_pool(&creator, &keys, 0, 1_000_000, 1_000), addr::preset(0), addr::preset(1));
    s.env.expect_failure(&[wrong_preset], &[&c], af_err(AfE::UnknownPreset), &watched).await;
    // An empty side.
    for (base, quote) in [(0, QUOTE), (1_000_000, 0)] {
        s.env.expect_failure(&[open_bridged_pool(&creator, &keys, 0, base, quote)], &[&c], bc_err(BcE::ZeroAmount), &watched).await;
    }
    // bonding-curve's instruction called directly, the caller signing in the launcher's place.
    let direct = ix::with_account(bc::create_seeded_pool(&creator, &creator, &keys, 0, 1_000_000, 1_000, addr::agent(&mint)), addr::launcher(), creator);
    s.env.expect_failure(&[direct], &[&c], bc_err(BcE::NotLauncher), &watched).await;

    s.env.send(&[open_bridged_pool(&creator, &keys, 0, 1_000_000, 1_000)], &[&c]).await.unwrap();
    let watched = vec![creator, addr::agent(&mint), keys.pool, keys.base_ata(&creator), keys.quote_ata(&creator)];
    s.env.advance_time(1).await;
    s.env.expect_failure(&[open_bridged_pool(&creator, &keys, 0, 1_000_000, 1_000)], &[&c], af_err(AfE::PoolExists), &watched).await;

    // A launched agent already has its curve.
    let launcher = s.env.new_user(10 * QUOTE).await;
    let launched = s.env.launch(&protocol, &launcher).await;
    let watched = vec![launcher.pubkey(), launched.agent, launched.pool];
    s.env.expect_failure(&[open_bridged_pool(&launcher.pubkey(), &launched, 0, 1_000_000, 1_000)], &[&launcher], af_err(AfE::NotBridgedAgent), &watched).await;
}

// ------------------------------------------------------------------ the admin's power

#[tokio::test]
async fn the_protocol_admin_may_register_without_a_link_and_nobody_else_may() {
    let mut s = setup().await;
    let creator = s.creator.pubkey();
    let r = RegisterBridged {
        creator, mint: s.agent.mint, preset_id: 0, reward_mint: s.virtual_oft.mint, reward_token_program: s.virtual_oft.token_program, unstake_cooldown: None,
    };
    let origin = BridgedOrigin { creator, oft_store: s.agent.store, origin_eid: BASE, origin_token: evm(BASE_AGENT_TOKEN) };
    let admin = s.env.admin.insecure_clone();
    let watched = s.watched();
    // Not the admin: the creator itself, with its own wallet as the payer.
    let c = s.creator.insecure_clone();
    s.env.expect_failure(&[admin_register_bridged_agent(&creator, &r, origin)], &[&c], af_err(AfE::NotAdmin), &watched).await;
    // An origin without a creator or a chain; a store that is not the mint's authority.
    for (bad, expected) in [
        (BridgedOrigin { creator: Pubkey::default(), ..origin }, AfE::InvalidOrigin),
        (BridgedOrigin { origin_eid: 0, ..origin }, AfE::InvalidOrigin),
        (BridgedOrigin { oft_store: s.virtual_oft.store, ..origin }, AfE::NotOftMint),
    ] {
        s.env.expect_failure(&[admin_register_bridged_agent(&admin.pubkey(), &r, bad)], &[&admin], af_err(expected), &watched).await;
    }
    let events = s.env.send_with_events(&[admin_register_bridged_agent(&admin.pubkey(), &r, origin)], &[&admin]).await.unwrap();
    let ev = events.iter().find_map(|e| decode_event::<BridgedAgentRegistered>(e)).expect("BridgedAgentRegistered");
    assert_eq!((ev.by_admin, ev.link_id, ev.creator, ev.origin_eid), (true, 0, creator, BASE));
    let record: Agent = s.env.anchor_account(addr::agent(&s.agent.mint)).await;
    assert_eq!((record.creator, record.origin_eid, record.origin_token), (creator, BASE, evm(BASE_AGENT_TOKEN)));
    // A link arriving later cannot register it a second time.
    s.link(&creator, 1).await;
    let watched = s.watched();
    s.env.advance_time(1).await;
    let register = s.register_ix(&creator);
    s.env.expect_failure(&[register], &[&c], af_err(AfE::AlreadyRegistered), &watched).await;
}
