//! fee-aggregator over LayerZero V2, through real CPIs into the test endpoint and the test
//! OFT: fee reports (`lz_receive`), value through OFT composes (`lz_compose`), out of order
//! and at most once; report limits and shared decimals; and every rejection with its named
//! error and every watched account unchanged.
#![allow(deprecated)]

use agentpad_tests::accounts::{PoolKeys, fees as fa};
use agentpad_tests::fixtures::{Oft, Packet, Protocol};
use agentpad_tests::ix::fees;
use agentpad_tests::presets::QUOTE;
use agentpad_tests::{Env, anchor_err, decode_event, fa_err, lz_err};
use fee_aggregator::error::FeeAggregatorError as E;
use fee_aggregator::event::{FeeReported, RevenueCredited};
use fee_aggregator::lz::LzComposeParams;
use fee_aggregator::message::{FeeReport, ValueTransfer};
use fee_aggregator::state::{AgentVault, PeerConfigParam, RevenueSource};
use lz_endpoint_mock::LayerZeroError;
use solana_sdk::pubkey::Pubkey;
use solana_sdk::signature::{Keypair, Signer};

/// Base mainnet's LayerZero endpoint id, and the agentpad router there.
const BASE: u32 = 30184;
const ARBITRUM: u32 = 30110;
fn evm(byte: u8) -> [u8; 32] {
    let mut a = [0u8; 32];
    a[12..].copy_from_slice(&[byte; 20]);
    a
}
const ROUTER: u8 = 0xBA;
/// The VIRTUAL OFT adapter on Base: the sender of OFT packets (the OFT's own peer).
const OFT_PEER: u8 = 0x0F;
/// Report limits of the Base peer, in shared decimals: 1M per report, 5M per chain.
const MAX_REPORT_SD: u64 = 1_000_000 * 1_000_000;
const MAX_TOTAL_SD: u64 = 5_000_000 * 1_000_000;

struct Setup {
    env: Env,
    protocol: Protocol,
    keys: PoolKeys,
    /// VIRTUAL on Solana (9 decimals) with its OFT; the agent has a vault for it.
    oft: Oft,
}

async fn setup() -> Setup {
    setup_with(Env::start().await).await
}

/// The same on the clusters' runtime (SIMD-0312 active), for what the native bank lacks.
async fn setup_on_cluster_runtime() -> Setup {
    setup_with(Env::start_cluster_runtime().await).await
}

async fn setup_with(mut env: Env) -> Setup {
    let protocol = env.setup_protocol().await;
    let creator = env.new_user(10 * QUOTE).await;
    let keys = env.launch(&protocol, &creator).await;
    let admin = env.admin.insecure_clone();
    env.send(&fees::set_peer(&admin.pubkey(), BASE, evm(ROUTER), MAX_REPORT_SD, MAX_TOTAL_SD), &[&admin]).await.unwrap();
    let oft = env.bridged_token(9).await;
    let payer = env.payer().pubkey();
    env.send(&[fees::create_vault(&payer, &keys.base_mint, &oft.mint, &anchor_spl::token::ID)], &[]).await.unwrap();
    Setup { env, protocol, keys, oft }
}

impl Setup {
    fn report(&self, amount_sd: u64, report_id: u64) -> FeeReport {
        FeeReport { agent: self.keys.base_mint, reward_mint: self.oft.mint, amount_sd, report_id, source_epoch: 2026_47 }
    }

    fn vault(&self) -> Pubkey {
        fa::vault(&self.keys.base_mint, &self.oft.mint)
    }

    fn composer(&self) -> Pubkey {
        fa::composer_tokens(&self.oft.mint, &self.oft.token_program)
    }

    /// Every account a bridge message can touch.
    fn watched(&self) -> Vec<Pubkey> {
        let v = self.vault();
        vec![v, fa::vault_tokens(&v), self.composer()]
    }

    /// An OFT packet from the Base adapter sending `amount_sd` to the store, with the compose
    /// message `payload` from `compose_from`.
    fn oft_packet(&self, nonce: u64, amount_sd: u64, compose_from: [u8; 32], payload: &[u8]) -> Packet {
        let message = oft_mock::encode_oft_message(&fa::store(), amount_sd, Some((&compose_from, payload)));
        Packet::new(BASE, evm(OFT_PEER), nonce, &message)
    }

    fn transfer(&self, agent: &Pubkey, transfer_id: u64) -> [u8; ValueTransfer::LEN] {
        ValueTransfer { agent: *agent, transfer_id, source_epoch: 2026_47 }.encode()
    }

    /// The OFT's half of a value transfer: tokens to the store, the compose queued.
    async fn arrive(&mut self, packet: &Packet) -> LzComposeParams {
        let oft = self.oft;
        self.env.oft_receive(&oft, packet, &fa::store()).await.unwrap().expect("a compose")
    }
}

async fn vault(env: &mut Env, v: Pubkey) -> AgentVault {
    env.zero_copy::<AgentVault>(v).await
}

// ------------------------------------------------------------------ fee reports

#[tokio::test]
async fn lz_receive_types_lists_the_receive_and_clear_accounts() {
    let mut s = setup().await;
    let p = Packet::new(BASE, evm(ROUTER), 1, &s.report(1, 7).encode());
    let accounts = s.env.lz_accounts(&p).await.unwrap();
    assert_eq!(accounts.len(), 8 + 8);
    assert!(accounts[0].is_signer && accounts[0].pubkey == Pubkey::default(), "payer placeholder first");
    let keys: Vec<Pubkey> = accounts.iter().map(|a| a.pubkey).collect();
    assert_eq!(&keys[1..5], &[fa::store(), fa::peer(BASE), s.vault(), fa::receipt(BASE, 7)]);
    assert_eq!(
        &keys[8..],
        &[
            lz_endpoint_mock::ID,
            fa::store(),
            fa::oapp_registry(),
            fa::endpoint_nonce(BASE, &evm(ROUTER)),
            fa::payload_hash(BASE, &evm(ROUTER), 1),
            fa::endpoint_settings(),
            agentpad_tests::accounts::event_authority(&lz_endpoint_mock::ID),
            lz_endpoint_mock::ID,
        ]
    );
}

#[tokio::test]
async fn fee_reports_arrive_out_of_order_and_count_once() {
    let mut s = setup().await;
    let v = s.vault();
    let reports = [s.report(1_000_000, 1), s.report(750_000, 2), s.report(250_000, 3)];
    let packets: Vec<Packet> = reports.iter().enumerate().map(|(i, r)| Packet::new(BASE, evm(ROUTER), i as u64 + 1, &r.encode())).collect();
    for p in &packets {
        s.env.verify_packet(p).await;
    }
    // Delivered 3, 1, 2.
    let mut totals = vec![];
    for i in [2, 0, 1] {
        let events = s.env.lz_receive(&packets[i]).await.unwrap();
        let ev = events.iter().find_map(|e| decode_event::<FeeReported>(e)).unwrap();
        assert_eq!((ev.src_eid, ev.report_id, ev.amount), (BASE, reports[i].report_id, reports[i].amount_sd * 1_000));
        totals.push(ev.reported_total);
    }
    assert_eq!(totals, [250_000_000, 1_250_000_000, 2_000_000_000]);
    let state = vault(&mut s.env, v).await;
    let base = state.chain(BASE).unwrap();
    assert_eq!((base.reported, base.credited, base.reports), (2_000_000_000, 0, 3));
    assert_eq!((state.total_bridged, state.undistributed), (0, 0), "reports are statistics: nothing to distribute");
    for p in &packets {
        assert!(s.env.account(fa::payload_hash(BASE, &p.sender, p.nonce)).await.is_none(), "cleared at the endpoint");
        assert!(s.env.account(fa::receipt(BASE, FeeReport::decode(&p.message).unwrap().report_id)).await.is_some());
    }
    // The same report id again (a new nonce) is refused; the same packet cannot clear again.
    let again = Packet::new(BASE, evm(ROUTER), 4, &reports[0].encode());
    s.env.verify_packet(&again).await;
    assert_eq!(s.env.lz_receive(&again).await.err(), Some(fa_err(E::ReplayedReport)));
    assert_eq!(s.env.lz_receive(&packets[0]).await.err(), Some(fa_err(E::ReplayedReport)));
}

/// Hostile-input round two: a report encoded in 9 or 18 decimals instead of the shared
/// decimals was accepted 1,000× too large, and could push a chain's total to overflow.
/// The message states its decimals and each peer bounds what a report may carry.
#[tokio::test]
async fn fee_reports_are_bounded_and_in_shared_decimals() {
    let mut s = setup().await;
    let watched = s.watched();
    let payer = s.env.payer().pubkey();
    let deliver = |s: &Setup, p: &Packet, accounts: &[fee_aggregator::lz::LzAccount]| {
        let _ = s;
        fees::lz_receive(&payer, accounts, p.params())
    };
    // 1 VIRTUAL encoded with VIRTUAL's 9 decimals (or Base's 18) instead of 6.
    for (nonce, decimals) in [(1u64, 9u8), (2, 18)] {
        let mut bytes = s.report(1_000_000_000, nonce).encode();
        bytes[66] = decimals;
        let p = Packet::new(BASE, evm(ROUTER), nonce, &bytes);
        s.env.verify_packet(&p).await;
        let accounts = s.env.lz_accounts(&Packet::new(BASE, evm(ROUTER), nonce, &s.report(1, nonce).encode())).await.unwrap();
        s.env.expect_failure(&[deliver(&s, &p, &accounts)], &[], fa_err(E::UnsupportedSharedDecimals), &watched).await;
    }
    // Above the per-report limit, then past the per-chain total.
    let big = Packet::new(BASE, evm(ROUTER), 3, &s.report(MAX_REPORT_SD + 1, 3).encode());
    s.env.verify_packet(&big).await;
    let accounts = s.env.lz_accounts(&big).await.unwrap();
    s.env.expect_failure(&[deliver(&s, &big, &accounts)], &[], fa_err(E::ReportAboveLimit), &watched).await;
    for (i, nonce) in (4..9).enumerate() {
        let p = Packet::new(BASE, evm(ROUTER), nonce, &s.report(MAX_REPORT_SD, nonce).encode());
        s.env.verify_packet(&p).await;
        s.env.lz_receive(&p).await.unwrap_or_else(|e| panic!("report {i} within limits: {e:?}"));
    }
    let v = s.vault();
    let state = vault(&mut s.env, v).await;
    assert_eq!(state.chain(BASE).unwrap().reported, MAX_TOTAL_SD * 1_000, "exactly at the chain's limit");
    let over = Packet::new(BASE, evm(ROUTER), 9, &s.report(1, 9).encode());
    s.env.verify_packet(&over).await;
    let accounts = s.env.lz_accounts(&over).await.unwrap();
    s.env.expect_failure(&[deliver(&s, &over, &accounts)], &[], fa_err(E::ReportedTotalAboveLimit), &watched).await;
    // The admin raises the limit; the same message then goes through (it stayed at the
    // endpoint, retryable).
    let admin = s.env.admin.insecure_clone();
    let raise = PeerConfigParam::ReportLimits { max_report_sd: MAX_REPORT_SD, max_reported_total_sd: 2 * MAX_TOTAL_SD };
    s.env.send(&[fees::set_peer_config(&admin.pubkey(), BASE, raise)], &[&admin]).await.unwrap();
    s.env.lz_receive(&over).await.unwrap();
}

#[tokio::test]
async fn bridge_rejections_have_named_errors_and_touch_nothing() {
    let mut s = setup().await;
    let watched = s.watched();
    let payer = s.env.payer().pubkey();
    let good = s.report(1_000_000, 10);

    // Unknown peer: nothing registered for Arbitrum.
    let p = Packet::new(ARBITRUM, evm(ROUTER), 1, &good.encode());
    s.env.verify_packet(&p).await;
    assert_eq!(s.env.lz_receive(&p).await.err(), Some(fa_err(E::UnknownPeer)));
    // Wrong sender for Base.
    let p = Packet::new(BASE, evm(0x66), 1, &good.encode());
    s.env.verify_packet(&p).await;
    assert_eq!(s.env.lz_receive(&p).await.err(), Some(fa_err(E::InvalidSender)));
    // Another eid's peer account for Base's messages.
    let admin = s.env.admin.insecure_clone();
    s.env.send(&fees::set_peer(&admin.pubkey(), ARBITRUM, evm(ROUTER), MAX_REPORT_SD, MAX_TOTAL_SD), &[&admin]).await.unwrap();
    let p = Packet::new(BASE, evm(ROUTER), 5, &good.encode());
    let mut accounts = s.env.lz_accounts(&p).await.unwrap();
    accounts[2].pubkey = fa::peer(ARBITRUM);
    s.env.expect_failure(&[fees::lz_receive(&payer, &accounts, p.params())], &[], fa_err(E::UnknownPeer), &watched).await;
    // Not verified at the endpoint: the payload-hash account does not exist.
    assert_eq!(s.env.lz_receive(&p).await.err(), Some(anchor_err(anchor_lang::error::ErrorCode::AccountNotInitialized)));
    // Tampered message: verified with one amount, delivered with another.
    s.env.verify_packet(&p).await;
    let tampered = Packet { message: s.report(2_000_000, 10).encode().to_vec(), ..p.clone() };
    assert_eq!(s.env.lz_receive(&tampered).await.err(), Some(lz_err(LayerZeroError::PayloadHashNotFound)));
    // Forged endpoint program in the clear accounts.
    let mut accounts = s.env.lz_accounts(&p).await.unwrap();
    accounts[8].pubkey = bonding_curve::ID;
    s.env.expect_failure(&[fees::lz_receive(&payer, &accounts, p.params())], &[], fa_err(E::InvalidEndpointProgram), &watched).await;
    // Clear accounts missing, or the store not the signer.
    let accounts = s.env.lz_accounts(&p).await.unwrap();
    s.env.expect_failure(&[fees::lz_receive(&payer, &accounts[..14], p.params())], &[], fa_err(E::InvalidEndpointAccounts), &watched).await;
    let mut swapped = accounts.clone();
    swapped[9].pubkey = payer;
    s.env.expect_failure(&[fees::lz_receive(&payer, &swapped, p.params())], &[], fa_err(E::InvalidEndpointAccounts), &watched).await;
    // Another vault, another receipt.
    let mut other = accounts.clone();
    other[3].pubkey = fa::vault(&s.keys.base_mint, &s.protocol.quote_mint);
    s.env.expect_failure(&[fees::lz_receive(&payer, &other, p.params())], &[], fa_err(E::VaultMismatch), &watched).await;
    let mut other = accounts.clone();
    other[4].pubkey = fa::receipt(BASE, 11);
    s.env.expect_failure(&[fees::lz_receive(&payer, &other, p.params())], &[], fa_err(E::ReceiptMismatch), &watched).await;

    // Malformed messages: every truncation, a longer one, wrong version, unknown kind.
    let bytes = good.encode();
    let mut cases: Vec<(Vec<u8>, E)> = (0..bytes.len()).map(|len| (bytes[..len].to_vec(), E::MalformedMessage)).collect();
    cases.push(([&bytes[..], &[0]].concat(), E::MalformedMessage));
    let mut v1 = bytes;
    v1[0] = 1;
    cases.push((v1.to_vec(), E::UnsupportedMessageVersion));
    let mut k9 = bytes;
    k9[1] = 9;
    cases.push((k9.to_vec(), E::UnknownMessageKind));
    let count = cases.len();
    for (message, err) in cases {
        let bad = Packet { message, ..p.clone() };
        s.env.expect_failure(&[fees::lz_receive(&payer, &accounts, bad.params())], &[], fa_err(err), &watched).await;
    }
    assert_eq!(count, 94);

    // An agent that was never launched.
    let unknown = FeeReport { agent: Keypair::new().pubkey(), ..s.report(1, 20) };
    let p2 = Packet::new(BASE, evm(ROUTER), 20, &unknown.encode());
    s.env.verify_packet(&p2).await;
    let accounts = s.env.lz_accounts(&p2).await.unwrap();
    s.env.expect_failure(&[fees::lz_receive(&payer, &accounts, p2.params())], &[], fa_err(E::UnknownAgent), &watched).await;

    // The real delivery still succeeds after all of that.
    s.env.lz_receive(&p).await.unwrap();
}

/// Audit finding 1: anyone can send lamports to a report's receipt PDA (the report id is
/// public on the source chain) between verification and delivery. That must not decide
/// anything: the genuine message is delivered, and the receipt then belongs to
/// fee-aggregator, so a replay is still refused.
#[tokio::test]
async fn a_pre_funded_receipt_cannot_block_a_delivery() {
    // Topping up a pre-funded address is SIMD-0312's, which the native bank lacks.
    let mut s = setup_on_cluster_runtime().await;
    let griefer = s.env.new_user(QUOTE).await;
    let rent = s.env.rent().await.minimum_balance(0);
    for (i, lamports) in [rent, 3 * rent].into_iter().enumerate() {
        let report = s.report(1_000_000, 41 + i as u64);
        let p = Packet::new(BASE, evm(ROUTER), 1 + i as u64, &report.encode());
        s.env.verify_packet(&p).await;
        let receipt = fa::receipt(BASE, report.report_id);
        let fund = anchor_lang::solana_program::system_instruction::transfer(&griefer.pubkey(), &receipt, lamports);
        s.env.send(&[fund], &[&griefer]).await.unwrap();
        s.env.lz_receive(&p).await.expect("the genuine message is delivered");
        let account = s.env.account(receipt).await.expect("receipt");
        assert_eq!(account.owner, fee_aggregator::ID, "the receipt now belongs to fee-aggregator");
        assert!(account.lamports >= rent, "rent-exempt");
        let again = Packet::new(BASE, evm(ROUTER), 10 + i as u64, &report.encode());
        s.env.verify_packet(&again).await;
        assert_eq!(s.env.lz_receive(&again).await.err(), Some(fa_err(E::ReplayedReport)));
    }
    let v = s.vault();
    let state = vault(&mut s.env, v).await;
    assert_eq!(state.chain(BASE).unwrap().reports, 2);
}

#[tokio::test]
async fn a_vault_tracks_eight_chains() {
    let mut s = setup().await;
    let admin = s.env.admin.insecure_clone();
    for i in 0..9u32 {
        let eid = 40_000 + i;
        s.env.send(&fees::set_peer(&admin.pubkey(), eid, evm(i as u8 + 1), 1, 100), &[&admin]).await.unwrap();
        let p = Packet::new(eid, evm(i as u8 + 1), 1, &s.report(1, 1).encode());
        s.env.verify_packet(&p).await;
        let result = s.env.lz_receive(&p).await;
        if i < 8 {
            result.unwrap();
        } else {
            assert_eq!(result.err(), Some(fa_err(E::ChainSlotsFull)));
        }
    }
    let v = s.vault();
    let state = vault(&mut s.env, v).await;
    assert!((0..8).all(|i| state.chain(40_000 + i).map(|c| c.reported) == Some(1_000)));
}

// ------------------------------------------------------------------ value through OFT composes

#[tokio::test]
async fn value_arrives_through_the_oft_and_each_compose_moves_only_its_own_tokens() {
    let mut s = setup().await;
    // A second agent with a VIRTUAL vault: two transfers in flight at once.
    let creator = s.env.new_user(10 * QUOTE).await;
    let other = s.env.launch(&s.protocol, &creator).await;
    let payer = s.env.payer().pubkey();
    s.env.send(&[fees::create_vault(&payer, &other.base_mint, &s.oft.mint, &anchor_spl::token::ID)], &[]).await.unwrap();
    let (a, b) = (s.keys.base_mint, other.base_mint);
    let pa = s.oft_packet(1, 2_500_000, evm(ROUTER), &s.transfer(&a, 31));
    let pb = s.oft_packet(2, 1_000_001, evm(ROUTER), &s.transfer(&b, 32));
    let ca = s.arrive(&pa).await;
    let cb = s.arrive(&pb).await;
    assert_eq!(s.env.token_balance(s.composer()).await, 3_500_001_000, "both deliveries wait at the store");

    // B's compose first: it moves exactly B's tokens.
    let events = s.env.lz_compose(&cb).await.unwrap();
    let ev = events.iter().find_map(|e| decode_event::<RevenueCredited>(e)).unwrap();
    assert_eq!((ev.agent_mint, ev.source, ev.amount), (b, RevenueSource::Bridged { src_eid: BASE, transfer_id: 32 }, 1_000_001_000));
    assert_eq!(s.env.token_balance(s.composer()).await, 2_500_000_000, "A's tokens are untouched");
    s.env.lz_compose(&ca).await.unwrap();
    assert_eq!(s.env.token_balance(s.composer()).await, 0);
    for (agent, amount) in [(a, 2_500_000_000u64), (b, 1_000_001_000)] {
        let v = fa::vault(&agent, &s.oft.mint);
        let state = vault(&mut s.env, v).await;
        let base = state.chain(BASE).unwrap();
        assert_eq!((base.credited, base.reports, state.total_bridged, state.undistributed), (amount, 1, amount, amount));
        assert_eq!(s.env.token_balance(fa::vault_tokens(&v)).await, amount);
    }
    // A compose runs once: the endpoint marked it received.
    let watched = s.watched();
    let accounts = s.env.lz_compose_accounts(&ca).await.unwrap();
    s.env.expect_failure(&[fees::lz_compose(&payer, &accounts, ca.clone())], &[], lz_err(LayerZeroError::ComposeNotFound), &watched).await;
}

#[tokio::test]
async fn composes_from_anyone_else_are_refused_and_stay_retryable() {
    let mut s = setup().await;
    let payer = s.env.payer().pubkey();
    let agent = s.keys.base_mint;

    // composeFrom is not the registered router: someone else called the OFT on Base.
    let c = s.arrive(&s.oft_packet(1, 1_000_000, evm(0x66), &s.transfer(&agent, 1))).await;
    let watched = s.watched();
    let accounts = s.env.lz_compose_accounts(&c).await.unwrap();
    s.env.expect_failure(&[fees::lz_compose(&payer, &accounts, c.clone())], &[], fa_err(E::InvalidSender), &watched).await;

    // The right router, but `from` is another OFT's store (configured for another mint).
    let rogue = s.env.bridged_token(9).await;
    let good = s.arrive(&s.oft_packet(2, 1_000_000, evm(ROUTER), &s.transfer(&agent, 2))).await;
    let mut forged = good.clone();
    forged.from = rogue.store;
    let accounts = s.env.lz_compose_accounts(&good).await.unwrap();
    s.env.expect_failure(&[fees::lz_compose(&payer, &accounts, forged)], &[], fa_err(E::InvalidComposeSource), &watched).await;
    // Addressed to someone else.
    let mut elsewhere = good.clone();
    elsewhere.to = payer;
    s.env.expect_failure(&[fees::lz_compose(&payer, &accounts, elsewhere)], &[], fa_err(E::InvalidComposeTarget), &watched).await;
    // The other OFT's config with this compose's accounts.
    let mut wrong_oft = accounts.clone();
    wrong_oft[1].pubkey = fa::oft(&rogue.mint);
    s.env.expect_failure(&[fees::lz_compose(&payer, &wrong_oft, good.clone())], &[], anchor_err(anchor_lang::error::ErrorCode::ConstraintSeeds), &watched).await;
    // A message altered after the OFT sent it: the endpoint knows no such compose.
    let mut altered = good.clone();
    altered.message[19] ^= 1; // amount_ld + 1
    let altered_accounts = s.env.lz_compose_accounts(&altered).await.unwrap();
    s.env.expect_failure(&[fees::lz_compose(&payer, &altered_accounts, altered)], &[], anchor_err(anchor_lang::error::ErrorCode::AccountNotInitialized), &watched).await;
    // Truncated compose header, malformed payload.
    let mut short = good.clone();
    short.message.truncate(51);
    s.env.expect_failure(&[fees::lz_compose(&payer, &accounts, short)], &[], fa_err(E::MalformedCompose), &watched).await;
    let mut bad_payload = good.clone();
    bad_payload.message.pop();
    s.env.expect_failure(&[fees::lz_compose(&payer, &accounts, bad_payload)], &[], fa_err(E::MalformedMessage), &watched).await;

    // An agent without a VIRTUAL vault yet: refused, the tokens wait; once the vault
    // exists, a retry credits them.
    let creator = s.env.new_user(10 * QUOTE).await;
    let late = s.env.launch(&s.protocol, &creator).await;
    let pending = s.arrive(&s.oft_packet(3, 700_000, evm(ROUTER), &s.transfer(&late.base_mint, 3))).await;
    let accounts = s.env.lz_compose_accounts(&pending).await.unwrap();
    s.env.expect_failure(&[fees::lz_compose(&payer, &accounts, pending.clone())], &[], fa_err(E::UnknownAgent), &watched).await;
    s.env.send(&[fees::create_vault(&payer, &late.base_mint, &s.oft.mint, &anchor_spl::token::ID)], &[]).await.unwrap();
    s.env.lz_compose(&pending).await.unwrap();
    assert_eq!(s.env.token_balance(fa::vault_tokens(&fa::vault(&late.base_mint, &s.oft.mint))).await, 700_000_000);

    // The good compose still goes through; the refused one's tokens remain at the store.
    s.env.lz_compose(&good).await.unwrap();
    assert_eq!(s.env.token_balance(s.composer()).await, 1_000_000_000, "only the refused sender's tokens wait");
}
