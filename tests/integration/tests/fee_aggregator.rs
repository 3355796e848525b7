//! fee-aggregator: vaults created at launch, sweep, direct deposits, the LayerZero V2
//! receiver (through a real CPI into the test endpoint), split policy and distribution,
//! and every rejection with its named error and untouched balances.
#![allow(deprecated)]

use agentpad_tests::accounts::{self as addr, PoolKeys, fees as fa, stake as stake_addr};
use agentpad_tests::fixtures::{DEFAULT_SPLIT, Packet, Protocol, SPLIT_BOUNDS};
use agentpad_tests::ix::{self, TestExtension, fees};
use agentpad_tests::presets::QUOTE;
use agentpad_tests::{Env, anchor_err, bc_err, decode_event, fa_err, lz_err};
use bonding_curve::error::BondingCurveError as BE;
use fee_aggregator::error::FeeAggregatorError as E;
use fee_aggregator::event::{FeeReported, RevenueCredited, RevenueDistributed};
use fee_aggregator::instructions::InitializeStoreArgs;
use fee_aggregator::message::{BridgeMessage, Kind};
use fee_aggregator::state::{AgentVault, Policy, RevenueSource, Split, SplitBounds};
use lz_endpoint_mock::EndpointError;
use solana_sdk::pubkey::Pubkey;
use solana_sdk::signature::{Keypair, Signer};

/// Base mainnet's LayerZero endpoint id, and the agentpad aggregator there.
const BASE: u32 = 30184;
const ARBITRUM: u32 = 30110;
fn evm(byte: u8) -> [u8; 32] {
    let mut a = [0u8; 32];
    a[12..].copy_from_slice(&[byte; 20]);
    a
}
const BASE_PEER: u8 = 0xBA;

struct Setup {
    env: Env,
    protocol: Protocol,
    keys: PoolKeys,
    creator: Keypair,
    /// A bridged reward token (VIRTUAL-like, 9 decimals) with a vault for the agent and an inbox.
    virtual_mint: Pubkey,
    virtual_authority: Keypair,
}

async fn setup() -> Setup {
    let mut env = Env::start().await;
    let protocol = env.setup_protocol().await;
    let creator = env.new_user(10 * QUOTE).await;
    let keys = env.launch(&protocol, &creator).await;
    env.advance_time(120).await;
    let admin = env.admin.insecure_clone();
    env.send(&[fees::set_peer(&admin.pubkey(), BASE, evm(BASE_PEER))], &[&admin]).await.unwrap();
    let virtual_authority = Keypair::new();
    let virtual_mint = env.create_mint(&virtual_authority.pubkey(), 9, &anchor_spl::token::ID, &[]).await;
    let payer = env.payer().pubkey();
    env.send(&[fees::create_vault(&payer, &keys.base_mint, &virtual_mint, &anchor_spl::token::ID)], &[]).await.unwrap();
    env.send(&[fees::create_inbox(&payer, &virtual_mint, &anchor_spl::token::ID)], &[]).await.unwrap();
    Setup { env, protocol, keys, creator, virtual_mint, virtual_authority }
}

impl Setup {
    /// `amount` bridged VIRTUAL units land in the inbox (what the OFT's lz_receive does).
    async fn oft_arrives(&mut self, amount: u64) {
        let auth = self.virtual_authority.insecure_clone();
        let ixn = ix::mint_to(&anchor_spl::token::ID, &self.virtual_mint, &fa::inbox(&self.virtual_mint), &auth.pubkey(), amount);
        self.env.send(&[ixn], &[&auth]).await.unwrap();
    }

    fn message(&self, kind: Kind, amount_sd: u64, report_id: u64) -> BridgeMessage {
        BridgeMessage { kind, agent: self.keys.base_mint, token: self.virtual_mint, amount_sd, report_id, source_epoch: 2026_47 }
    }

    fn virtual_vault(&self) -> Pubkey {
        fa::vault(&self.keys.base_mint, &self.virtual_mint)
    }

    /// Every account a bridge message can touch.
    fn bridge_watch(&self) -> Vec<Pubkey> {
        let v = self.virtual_vault();
        vec![v, fa::vault_tokens(&v), fa::inbox(&self.virtual_mint)]
    }
}

fn packet(src_eid: u32, sender: [u8; 32], nonce: u64, msg: &[u8]) -> Packet {
    let mut guid = [0u8; 32];
    guid[..8].copy_from_slice(&nonce.to_be_bytes());
    guid[8..12].copy_from_slice(&src_eid.to_be_bytes());
    Packet { src_eid, sender, nonce, guid, message: msg.to_vec() }
}

async fn vault(env: &mut Env, v: Pubkey) -> AgentVault {
    env.zero_copy::<AgentVault>(v).await
}

// ------------------------------------------------------------------ setup and admin

#[tokio::test]
async fn store_setup_is_guarded_and_validated() {
    let mut env = Env::start().await;
    let payer = env.payer().pubkey();
    env.send(&[fees::endpoint_initialize(&payer)], &[]).await.unwrap();
    let admin = env.admin.insecure_clone();
    let intruder = env.new_user(QUOTE).await;
    let good = InitializeStoreArgs {
        endpoint_program: lz_endpoint_mock::ID,
        protocol_fee_recipient: Keypair::new().pubkey(),
        split_bounds: SPLIT_BOUNDS,
        default_split: DEFAULT_SPLIT,
    };
    let watched = [fa::store(), fa::oapp_registry()];
    env.expect_failure(&[fees::initialize_store(&intruder.pubkey(), good)], &[&intruder], fa_err(E::NotUpgradeAuthority), &watched).await;
    let bad_bounds = InitializeStoreArgs { split_bounds: SplitBounds { min_protocol_bps: 2_000, max_protocol_bps: 1_000, ..SPLIT_BOUNDS }, ..good };
    env.expect_failure(&[fees::initialize_store(&admin.pubkey(), bad_bounds)], &[&admin], fa_err(E::InvalidSplitBounds), &watched).await;
    let bad_sum = InitializeStoreArgs { default_split: Split { holders_bps: 7_000, creator_bps: 2_000, protocol_bps: 999 }, ..good };
    env.expect_failure(&[fees::initialize_store(&admin.pubkey(), bad_sum)], &[&admin], fa_err(E::InvalidSplit), &watched).await;
    let outside = InitializeStoreArgs { default_split: Split { holders_bps: 6_000, creator_bps: 3_500, protocol_bps: 500 }, ..good };
    env.expect_failure(&[fees::initialize_store(&admin.pubkey(), outside)], &[&admin], fa_err(E::SplitOutOfBounds), &watched).await;
    let mut forged = fees::initialize_store(&admin.pubkey(), good);
    let last = forged.accounts.len() - 1;
    forged.accounts[last].pubkey = bonding_curve::ID;
    env.expect_failure(&[forged], &[&admin], fa_err(E::InvalidEndpointProgram), &watched).await;

    env.send(&[fees::initialize_store(&admin.pubkey(), good)], &[&admin]).await.unwrap();
    let store: fee_aggregator::state::Store = env.anchor_account(fa::store()).await;
    assert_eq!((store.admin, store.endpoint_program, store.default_split), (admin.pubkey(), lz_endpoint_mock::ID, DEFAULT_SPLIT));
    // Registered with the endpoint, the admin as delegate.
    let registry: lz_endpoint_mock::OAppRegistry = env.anchor_account(fa::oapp_registry()).await;
    assert_eq!(registry.delegate, admin.pubkey());
}

#[tokio::test]
async fn peers_are_set_only_by_the_admin() {
    let Setup { mut env, .. } = setup().await;
    let admin = env.admin.insecure_clone();
    let intruder = env.new_user(QUOTE).await;
    let watched = [fa::peer(ARBITRUM)];
    env.expect_failure(&[fees::set_peer(&intruder.pubkey(), ARBITRUM, evm(1))], &[&intruder], fa_err(E::NotAdmin), &watched).await;
    env.expect_failure(&[fees::set_peer(&admin.pubkey(), ARBITRUM, [0; 32])], &[&admin], fa_err(E::InvalidPeer), &watched).await;
    env.expect_failure(&[fees::set_peer(&admin.pubkey(), 0, evm(1))], &[&admin], fa_err(E::InvalidPeer), &[fa::peer(0)]).await;
    env.send(&[fees::set_peer(&admin.pubkey(), ARBITRUM, evm(1))], &[&admin]).await.unwrap();
    env.send(&[fees::set_peer(&admin.pubkey(), ARBITRUM, evm(2))], &[&admin]).await.unwrap();
    let peer: fee_aggregator::state::Peer = env.anchor_account(fa::peer(ARBITRUM)).await;
    assert_eq!((peer.src_eid, peer.address), (ARBITRUM, evm(2)));
}

// ------------------------------------------------------------------ vaults

#[tokio::test]
async fn launch_creates_the_vault_and_more_vaults_can_be_added() {
    let Setup { mut env, protocol, keys, virtual_mint, .. } = setup().await;
    let v = fa::vault(&keys.base_mint, &protocol.quote_mint);
    let state = vault(&mut env, v).await;
    assert_eq!((state.agent_mint, state.reward_mint, state.token_account), (keys.base_mint, protocol.quote_mint, fa::vault_tokens(&v)));
    assert_eq!(state.undistributed, 0);
    let policy: Policy = env.anchor_account(fa::policy(&keys.base_mint)).await;
    assert_eq!(policy.split, DEFAULT_SPLIT);
    // The VIRTUAL vault was added by a stranger (the fixture's payer).
    assert_eq!(vault(&mut env, fa::vault(&keys.base_mint, &virtual_mint)).await.reward_decimals, 9);

    let payer = env.payer().pubkey();
    let stranger_mint = Keypair::new().pubkey();
    env.expect_failure(
        &[fees::create_vault(&payer, &stranger_mint, &virtual_mint, &anchor_spl::token::ID)],
        &[],
        fa_err(E::UnknownAgent),
        &[fa::vault(&stranger_mint, &virtual_mint)],
    )
    .await;
    // Another agent's record does not vouch for this mint.
    let mut forged = fees::create_vault(&payer, &stranger_mint, &virtual_mint, &anchor_spl::token::ID);
    forged.accounts[2].pubkey = keys.agent;
    env.expect_failure(&[forged], &[], fa_err(E::NotAgentRecord), &[fa::vault(&stranger_mint, &virtual_mint)]).await;
    // Reward mints are screened like quote mints.
    let fee_mint = env.create_mint(&payer, 9, &anchor_spl::token_2022::ID, &[TestExtension::TransferFee]).await;
    env.expect_failure(
        &[fees::create_vault(&payer, &keys.base_mint, &fee_mint, &anchor_spl::token_2022::ID)],
        &[],
        fa_err(E::RewardMintTransferFee),
        &[fa::vault(&keys.base_mint, &fee_mint)],
    )
    .await;
    let closable = env.create_mint(&payer, 9, &anchor_spl::token_2022::ID, &[TestExtension::CloseAuthority]).await;
    env.expect_failure(
        &[fees::create_vault(&payer, &keys.base_mint, &closable, &anchor_spl::token_2022::ID)],
        &[],
        fa_err(E::RewardMintCloseAuthority),
        &[fa::vault(&keys.base_mint, &closable)],
    )
    .await;
}

#[tokio::test]
async fn sweep_moves_exactly_the_agent_revenue_bucket() {
    let Setup { mut env, protocol, keys, .. } = setup().await;
    let trader = env.trader(&protocol, &keys, 50 * QUOTE).await;
    env.send(&[ix::buy_exact_in(ix::swap_accounts(&trader.pubkey(), &keys), 20 * QUOTE, 1)], &[&trader]).await.unwrap();
    let owed = env.pool(&keys).await.agent_fees;
    assert!(owed > 0);
    let v = fa::vault(&keys.base_mint, &protocol.quote_mint);

    // Nobody but the vault PDA can pull the bucket out of bonding-curve.
    let thief = env.new_user(QUOTE).await;
    let thief_ata = env.fund_quote(&protocol, &thief.pubkey(), 0).await;
    env.expect_failure(
        &[ix::bc_claim_agent_fees(&thief.pubkey(), &keys, thief_ata)],
        &[&thief],
        anchor_err(anchor_lang::error::ErrorCode::ConstraintSeeds),
        &[keys.pool, keys.quote_vault, thief_ata],
    )
    .await;

    let events = env.send_with_events(&[fees::sweep(&keys)], &[]).await.unwrap();
    assert_eq!(env.token_balance(fa::vault_tokens(&v)).await, owed);
    assert_eq!(env.pool(&keys).await.agent_fees, 0);
    let state = vault(&mut env, v).await;
    assert_eq!((state.total_local, state.undistributed), (owed, owed));
    let ev = events.iter().find_map(|e| decode_event::<RevenueCredited>(e)).unwrap();
    assert_eq!((ev.source, ev.amount, ev.source_total, ev.undistributed), (RevenueSource::Local, owed, owed, owed));
    env.expect_failure(&[fees::sweep(&keys)], &[], bc_err(BE::NoFeesToClaim), &[v, keys.pool]).await;
}

#[tokio::test]
async fn deposits_credit_direct_revenue_and_donations_never_enter_the_ledger() {
    let Setup { mut env, protocol, keys, creator, .. } = setup().await;
    let v = fa::vault(&keys.base_mint, &protocol.quote_mint);
    let patron = env.new_user(QUOTE).await;
    let from = env.fund_quote(&protocol, &patron.pubkey(), 10 * QUOTE).await;
    let tp = protocol.quote_token_program;
    env.expect_failure(&[fees::deposit(&patron.pubkey(), from, &keys.base_mint, &protocol.quote_mint, &tp, 0)], &[&patron], fa_err(E::ZeroAmount), &[v, from]).await;
    env.send(&[fees::deposit(&patron.pubkey(), from, &keys.base_mint, &protocol.quote_mint, &tp, 3 * QUOTE)], &[&patron]).await.unwrap();

    // A donation straight to the vault's token account.
    let donation = spl_transfer(&from, &fa::vault_tokens(&v), &patron.pubkey(), 2 * QUOTE);
    env.send(&[donation], &[&patron]).await.unwrap();
    assert_eq!(env.token_balance(fa::vault_tokens(&v)).await, 5 * QUOTE);
    let state = vault(&mut env, v).await;
    assert_eq!((state.total_direct, state.undistributed), (3 * QUOTE, 3 * QUOTE));

    // Distribution pays out the ledger, not the balance.
    let creator_ata = env.fund_quote(&protocol, &creator.pubkey(), 0).await;
    let protocol_ata = env.fund_quote(&protocol, &protocol.fee_recipient.pubkey(), 0).await;
    env.send(&[fees::distribute(&keys.base_mint, &protocol.quote_mint, &tp, creator_ata, protocol_ata)], &[]).await.unwrap();
    let paid = env.token_balance(creator_ata).await + env.token_balance(protocol_ata).await + env.token_balance(stake_addr::reward_vault(&stake_addr::pool(&keys.base_mint), &protocol.quote_mint)).await;
    assert_eq!(paid, 3 * QUOTE);
    assert_eq!(env.token_balance(fa::vault_tokens(&v)).await, 2 * QUOTE, "the donation stays, unledgered");
    assert_eq!(vault(&mut env, v).await.undistributed, 0);
}

fn spl_transfer(from: &Pubkey, to: &Pubkey, owner: &Pubkey, amount: u64) -> solana_sdk::instruction::Instruction {
    #[allow(deprecated)]
    anchor_spl::token_2022::spl_token_2022::instruction::transfer(&anchor_spl::token::ID, from, to, owner, &[], amount).unwrap()
}

// ------------------------------------------------------------------ the LayerZero receiver

#[tokio::test]
async fn lz_receive_types_lists_the_receive_and_clear_accounts() {
    let s = setup().await;
    let mut env = s.env;
    let msg = BridgeMessage { kind: Kind::FeeReport, agent: s.keys.base_mint, token: s.virtual_mint, amount_sd: 1, report_id: 1, source_epoch: 1 };
    let p = packet(BASE, evm(BASE_PEER), 1, &msg.encode());
    let accounts = env.lz_accounts(&p).await.unwrap();
    assert_eq!(accounts.len(), 12 + fee_aggregator::lz::CLEAR_ACCOUNTS_LEN);
    assert!(accounts[0].is_signer && accounts[0].pubkey == Pubkey::default(), "payer placeholder first");
    let v = fa::vault(&s.keys.base_mint, &s.virtual_mint);
    assert_eq!((accounts[1].pubkey, accounts[2].pubkey, accounts[3].pubkey), (fa::store(), fa::peer(BASE), v));
    assert_eq!(accounts[7].pubkey, fa::receipt(BASE, 1));
    let clear = &accounts[12..];
    assert_eq!(clear[0].pubkey, lz_endpoint_mock::ID);
    assert_eq!(clear[1].pubkey, fa::store());
    assert_eq!(clear[2].pubkey, fa::oapp_registry());
    assert_eq!(clear[3].pubkey, fa::endpoint_nonce(BASE, &evm(BASE_PEER)));
    assert_eq!(clear[4].pubkey, fa::payload_hash(BASE, &evm(BASE_PEER), 1));
    assert_eq!(clear[5].pubkey, fa::endpoint_settings());
}

#[tokio::test]
async fn reports_and_value_transfers_arrive_out_of_order_and_credit_exactly() {
    let mut s = setup().await;
    let v = s.virtual_vault();
    s.oft_arrives(5 * QUOTE).await; // 5 VIRTUAL in the inbox
    let transfer = s.message(Kind::ValueTransfer, 2_500_000, 3); // 2.5 in shared decimals
    let report_a = s.message(Kind::FeeReport, 1_000_000, 1);
    let report_b = s.message(Kind::FeeReport, 750_000, 2);
    let packets = [
        packet(BASE, evm(BASE_PEER), 3, &transfer.encode()),
        packet(BASE, evm(BASE_PEER), 1, &report_a.encode()),
        packet(BASE, evm(BASE_PEER), 2, &report_b.encode()),
    ];
    for p in &packets {
        s.env.verify_packet(p).await;
    }
    // Delivered 3, 1, 2.
    let events = s.env.lz_receive(&packets[0]).await.unwrap();
    let credited = events.iter().find_map(|e| decode_event::<RevenueCredited>(e)).unwrap();
    assert_eq!((credited.source, credited.src_eid, credited.amount, credited.report_id), (RevenueSource::Bridged, BASE, 2_500_000_000, 3));
    let events = s.env.lz_receive(&packets[1]).await.unwrap();
    let reported = events.iter().find_map(|e| decode_event::<FeeReported>(e)).unwrap();
    assert_eq!((reported.amount, reported.reported_total), (1_000_000_000, 1_000_000_000));
    s.env.lz_receive(&packets[2]).await.unwrap();

    let state = vault(&mut s.env, v).await;
    let base = state.chain(BASE).expect("Base totals");
    assert_eq!((base.credited, base.reported, base.reports), (2_500_000_000, 1_750_000_000, 3));
    assert_eq!((state.total_bridged, state.undistributed), (2_500_000_000, 2_500_000_000));
    assert_eq!(s.env.token_balance(fa::vault_tokens(&v)).await, 2_500_000_000);
    assert_eq!(s.env.token_balance(fa::inbox(&s.virtual_mint)).await, 2_500_000_000);
    // The endpoint closed each payload hash: the messages can never clear again.
    for p in &packets {
        assert!(s.env.account(fa::payload_hash(BASE, &p.sender, p.nonce)).await.is_none());
        assert!(s.env.account(fa::receipt(BASE, BridgeMessage::decode(&p.message).unwrap().report_id)).await.is_some());
    }
}

#[tokio::test]
async fn bridge_rejections_have_named_errors_and_touch_nothing() {
    let mut s = setup().await;
    s.oft_arrives(5 * QUOTE).await;
    let watched = s.bridge_watch();
    let payer = s.env.payer().pubkey();
    let good = s.message(Kind::ValueTransfer, 1_000_000, 10);

    // Unknown peer: nothing registered for Arbitrum.
    let p = packet(ARBITRUM, evm(BASE_PEER), 1, &good.encode());
    s.env.verify_packet(&p).await;
    assert_eq!(s.env.lz_receive(&p).await.err(), Some(fa_err(E::UnknownPeer)));
    // Wrong sender for Base.
    let p = packet(BASE, evm(0x66), 1, &good.encode());
    s.env.verify_packet(&p).await;
    assert_eq!(s.env.lz_receive(&p).await.err(), Some(fa_err(E::InvalidSender)));
    // Not verified at the endpoint: the payload-hash account does not exist.
    let p = packet(BASE, evm(BASE_PEER), 5, &good.encode());
    assert_eq!(s.env.lz_receive(&p).await.err(), Some(anchor_err(anchor_lang::error::ErrorCode::AccountNotInitialized)));
    // Tampered message: verified with one amount, delivered with another.
    s.env.verify_packet(&p).await;
    let tampered = Packet { message: s.message(Kind::ValueTransfer, 2_000_000, 10).encode().to_vec(), ..p.clone() };
    assert_eq!(s.env.lz_receive(&tampered).await.err(), Some(lz_err(EndpointError::PayloadHashNotFound)));
    // Forged endpoint program in the clear accounts.
    let mut accounts = s.env.lz_accounts(&p).await.unwrap();
    accounts[12].pubkey = bonding_curve::ID;
    let forged = fees::lz_receive(&payer, &accounts, p.params());
    s.env.expect_failure(&[forged], &[], fa_err(E::InvalidEndpointProgram), &watched).await;
    // Clear accounts missing.
    let accounts = s.env.lz_accounts(&p).await.unwrap();
    let short = fees::lz_receive(&payer, &accounts[..14], p.params());
    s.env.expect_failure(&[short], &[], fa_err(E::InvalidClearAccounts), &watched).await;
    let after = s.env.snapshot(&watched).await;

    // Now the real delivery succeeds, and a replay of the same report id fails.
    s.env.lz_receive(&p).await.unwrap();
    let again = packet(BASE, evm(BASE_PEER), 6, &good.encode());
    s.env.verify_packet(&again).await;
    let watched_now = s.env.snapshot(&watched).await;
    assert_ne!(watched_now, after, "the good delivery moved tokens");
    assert_eq!(s.env.lz_receive(&again).await.err(), Some(fa_err(E::ReplayedReport)));
    assert_eq!(s.env.lz_receive(&p).await.err(), Some(fa_err(E::ReplayedReport)));
    assert_eq!(s.env.snapshot(&watched).await, watched_now);

    // Malformed messages: every truncation, a longer one, wrong version, unknown kind.
    let accounts = s.env.lz_accounts(&again).await.unwrap();
    let bytes = s.message(Kind::FeeReport, 1, 77).encode();
    let mut cases: Vec<(Vec<u8>, E)> = (0..bytes.len()).map(|len| (bytes[..len].to_vec(), E::MalformedMessage)).collect();
    cases.push(([&bytes[..], &[0]].concat(), E::MalformedMessage));
    let mut v2 = bytes;
    v2[0] = 2;
    cases.push((v2.to_vec(), E::UnsupportedMessageVersion));
    let mut k9 = bytes;
    k9[1] = 9;
    cases.push((k9.to_vec(), E::UnknownMessageKind));
    let count = cases.len();
    for (message, err) in cases {
        let p = Packet { message, ..again.clone() };
        let ixn = fees::lz_receive(&payer, &accounts, p.params());
        s.env.expect_failure(&[ixn], &[], fa_err(err), &watched).await;
    }
    assert_eq!(count, 93);

    // Unknown agent, overflowing amount, more than the inbox holds.
    let unknown = BridgeMessage { agent: Keypair::new().pubkey(), ..s.message(Kind::FeeReport, 1, 20) };
    let overflow = s.message(Kind::ValueTransfer, u64::MAX, 21);
    let too_much = s.message(Kind::ValueTransfer, 100_000_000, 22); // 100 VIRTUAL, 4 in the inbox
    for (i, (msg, err)) in [(unknown, E::UnknownAgent), (overflow, E::AmountOverflow), (too_much, E::InsufficientInbox)].into_iter().enumerate() {
        let p = packet(BASE, evm(BASE_PEER), 20 + i as u64, &msg.encode());
        s.env.verify_packet(&p).await;
        let accounts = s.env.lz_accounts(&p).await.unwrap();
        let ixn = fees::lz_receive(&payer, &accounts, p.params());
        s.env.expect_failure(&[ixn], &[], fa_err(err), &watched).await;
    }
}

/// Audit finding 1: anyone can send lamports to a report's receipt PDA (the report id is
/// public on the source chain) between verification and delivery. That must not decide
/// anything: the genuine message is delivered, and the receipt then belongs to
/// fee-aggregator, so a replay is still refused.
#[tokio::test]
async fn a_pre_funded_receipt_cannot_block_a_delivery() {
    let mut s = setup().await;
    s.oft_arrives(5 * QUOTE).await;
    let v = s.virtual_vault();
    let griefer = s.env.new_user(QUOTE).await;
    let report = s.message(Kind::FeeReport, 1_000_000, 41);
    let transfer = s.message(Kind::ValueTransfer, 2_000_000, 42);
    let packets = [packet(BASE, evm(BASE_PEER), 1, &report.encode()), packet(BASE, evm(BASE_PEER), 2, &transfer.encode())];
    let rent = s.env.rent().await.minimum_balance(0);
    for (p, lamports) in packets.iter().zip([rent, 3 * rent]) {
        s.env.verify_packet(p).await;
        let receipt = fa::receipt(BASE, BridgeMessage::decode(&p.message).unwrap().report_id);
        let fund = anchor_lang::solana_program::system_instruction::transfer(&griefer.pubkey(), &receipt, lamports);
        s.env.send(&[fund], &[&griefer]).await.unwrap();
        s.env.lz_receive(p).await.expect("the genuine message is delivered");
        let account = s.env.account(receipt).await.expect("receipt");
        assert_eq!(account.owner, fee_aggregator::ID, "the receipt now belongs to fee-aggregator");
        assert!(account.lamports >= rent, "topped up to rent exemption");
    }
    let state = vault(&mut s.env, v).await;
    let base = state.chain(BASE).unwrap();
    assert_eq!((base.reported, base.credited, base.reports), (1_000_000_000, 2_000_000_000, 2));
    assert_eq!(s.env.token_balance(fa::vault_tokens(&v)).await, 2_000_000_000, "the transfer's tokens left the inbox");
    // The receipts still refuse a second delivery of either report.
    for (i, msg) in [report, transfer].iter().enumerate() {
        let again = packet(BASE, evm(BASE_PEER), 10 + i as u64, &msg.encode());
        s.env.verify_packet(&again).await;
        assert_eq!(s.env.lz_receive(&again).await.err(), Some(fa_err(E::ReplayedReport)));
    }
}

#[tokio::test]
async fn a_vault_tracks_eight_chains() {
    let mut s = setup().await;
    let admin = s.env.admin.insecure_clone();
    for i in 0..9u32 {
        let eid = 40_000 + i;
        s.env.send(&[fees::set_peer(&admin.pubkey(), eid, evm(i as u8 + 1))], &[&admin]).await.unwrap();
        let p = packet(eid, evm(i as u8 + 1), 1, &s.message(Kind::FeeReport, 1, 1).encode());
        s.env.verify_packet(&p).await;
        let result = s.env.lz_receive(&p).await;
        if i < 8 {
            result.unwrap();
        } else {
            assert_eq!(result.err(), Some(fa_err(E::ChainSlotsFull)));
        }
    }
    let vv = s.virtual_vault();
    let state = vault(&mut s.env, vv).await;
    assert!((0..8).all(|i| state.chain(40_000 + i).map(|c| c.reported) == Some(1_000)));
}

// ------------------------------------------------------------------ split and distribution

#[tokio::test]
async fn split_policy_is_the_creators_within_bounds() {
    let Setup { mut env, keys, creator, .. } = setup().await;
    let stranger = env.new_user(QUOTE).await;
    let watched = [fa::policy(&keys.base_mint)];
    let ok = Split { holders_bps: 6_000, creator_bps: 3_000, protocol_bps: 1_000 };
    env.expect_failure(&[fees::set_split(&stranger.pubkey(), &keys.base_mint, ok)], &[&stranger], fa_err(E::NotCreator), &watched).await;
    let bad_sum = Split { holders_bps: 6_000, creator_bps: 3_000, protocol_bps: 999 };
    env.expect_failure(&[fees::set_split(&creator.pubkey(), &keys.base_mint, bad_sum)], &[&creator], fa_err(E::InvalidSplit), &watched).await;
    for outside in [
        Split { holders_bps: 5_500, creator_bps: 3_500, protocol_bps: 1_000 },
        Split { holders_bps: 4_000, creator_bps: 3_000, protocol_bps: 3_000 },
        Split { holders_bps: 7_000, creator_bps: 2_800, protocol_bps: 200 },
    ] {
        env.expect_failure(&[fees::set_split(&creator.pubkey(), &keys.base_mint, outside)], &[&creator], fa_err(E::SplitOutOfBounds), &watched).await;
    }
    env.send(&[fees::set_split(&creator.pubkey(), &keys.base_mint, ok)], &[&creator]).await.unwrap();
    assert_eq!(env.anchor_account::<Policy>(fa::policy(&keys.base_mint)).await.split, ok);
}

#[tokio::test]
async fn distribution_pays_holders_current_creator_and_protocol_per_policy() {
    let Setup { mut env, protocol, keys, creator, .. } = setup().await;
    let tp = protocol.quote_token_program;
    let v = fa::vault(&keys.base_mint, &protocol.quote_mint);
    let patron = env.new_user(QUOTE).await;
    let from = env.fund_quote(&protocol, &patron.pubkey(), 10 * QUOTE).await;
    let creator_ata = env.fund_quote(&protocol, &creator.pubkey(), 0).await;
    let protocol_ata = env.fund_quote(&protocol, &protocol.fee_recipient.pubkey(), 0).await;
    let stranger = env.new_user(QUOTE).await;
    let stranger_ata = env.fund_quote(&protocol, &stranger.pubkey(), 0).await;
    let dist = |c, p| fees::distribute(&keys.base_mint, &protocol.quote_mint, &tp, c, p);

    env.expect_failure(&[dist(creator_ata, protocol_ata)], &[], fa_err(E::NothingToDistribute), &[v]).await;
    env.send(&[fees::deposit(&patron.pubkey(), from, &keys.base_mint, &protocol.quote_mint, &tp, 1_000_000_001)], &[&patron]).await.unwrap();
    let watched = [v, fa::vault_tokens(&v), creator_ata, protocol_ata, stranger_ata];
    env.expect_failure(&[dist(stranger_ata, protocol_ata)], &[], fa_err(E::WrongRecipient), &watched).await;
    env.expect_failure(&[dist(creator_ata, stranger_ata)], &[], fa_err(E::WrongRecipient), &watched).await;

    let events = env.send_with_events(&[dist(creator_ata, protocol_ata)], &[]).await.unwrap();
    // 70 / 20 / 10 of 1,000,000,001: creator and protocol round down, holders get the unit.
    assert_eq!(env.token_balance(creator_ata).await, 200_000_000);
    assert_eq!(env.token_balance(protocol_ata).await, 100_000_000);
    assert_eq!(env.token_balance(stake_addr::reward_vault(&stake_addr::pool(&keys.base_mint), &protocol.quote_mint)).await, 700_000_001);
    let ev = events.iter().find_map(|e| decode_event::<RevenueDistributed>(e)).unwrap();
    assert_eq!((ev.holders, ev.creator, ev.protocol, ev.split), (700_000_001, 200_000_000, 100_000_000, DEFAULT_SPLIT));

    // After a creator transfer, the creator's share follows the new creator.
    let heir = env.new_user(QUOTE).await;
    let heir_ata = env.fund_quote(&protocol, &heir.pubkey(), 0).await;
    env.send(&[ix::propose_creator(&creator.pubkey(), &keys.agent, heir.pubkey())], &[&creator]).await.unwrap();
    env.send(&[ix::accept_creator(&heir.pubkey(), &keys.agent)], &[&heir]).await.unwrap();
    env.send(&[fees::deposit(&patron.pubkey(), from, &keys.base_mint, &protocol.quote_mint, &tp, QUOTE)], &[&patron]).await.unwrap();
    env.expect_failure(&[dist(creator_ata, protocol_ata)], &[], fa_err(E::WrongRecipient), &[v, creator_ata]).await;
    env.send(&[dist(heir_ata, protocol_ata)], &[]).await.unwrap();
    assert_eq!(env.token_balance(heir_ata).await, 200_000_000);
}

/// Found by the CLI session on a validator: when the agent's creator is also the protocol
/// fee recipient (a team launching its own agent), both shares go to one token account.
#[tokio::test]
async fn distribution_to_a_creator_who_is_also_the_protocol_recipient() {
    let Setup { mut env, protocol, keys, creator, .. } = setup().await;
    let tp = protocol.quote_token_program;
    let recipient = protocol.fee_recipient.insecure_clone();
    env.send(&[ix::propose_creator(&creator.pubkey(), &keys.agent, recipient.pubkey())], &[&creator]).await.unwrap();
    env.send(&[ix::accept_creator(&recipient.pubkey(), &keys.agent)], &[&recipient]).await.unwrap();
    let patron = env.new_user(QUOTE).await;
    let from = env.fund_quote(&protocol, &patron.pubkey(), 10 * QUOTE).await;
    let shared = env.fund_quote(&protocol, &recipient.pubkey(), 0).await;
    env.send(&[fees::deposit(&patron.pubkey(), from, &keys.base_mint, &protocol.quote_mint, &tp, 1_000_000_001)], &[&patron]).await.unwrap();

    env.send(&[fees::distribute(&keys.base_mint, &protocol.quote_mint, &tp, shared, shared)], &[]).await.unwrap();
    assert_eq!(env.token_balance(shared).await, 200_000_000 + 100_000_000);
    let v = vault(&mut env, fa::vault(&keys.base_mint, &protocol.quote_mint)).await;
    assert_eq!((v.undistributed, v.distributed_creator, v.distributed_protocol), (0, 200_000_000, 100_000_000));
}

// ------------------------------------------------------------------ the scenario

#[tokio::test]
async fn scenario_every_source_lands_in_one_vault_and_the_books_match() {
    let mut s = setup().await;
    let tp = s.protocol.quote_token_program;
    let quote = s.protocol.quote_mint;
    let quote_vault = fa::vault(&s.keys.base_mint, &quote);

    // Trading on the curve, then a sweep (source: local).
    let trader = s.env.trader(&s.protocol, &s.keys, 100 * QUOTE).await;
    for amount in [3 * QUOTE, 7 * QUOTE, 11 * QUOTE] {
        s.env.send(&[ix::buy_exact_in(ix::swap_accounts(&trader.pubkey(), &s.keys), amount, 1)], &[&trader]).await.unwrap();
    }
    let held = s.env.token_balance(s.keys.base_ata(&trader.pubkey())).await;
    s.env.send(&[ix::sell_exact_in(ix::swap_accounts(&trader.pubkey(), &s.keys), held / 4, 1)], &[&trader]).await.unwrap();
    let local = s.env.pool(&s.keys).await.agent_fees;
    s.env.send(&[fees::sweep(&s.keys)], &[]).await.unwrap();

    // From Base, out of order: a value transfer (2.5 VIRTUAL) and two fee reports.
    s.oft_arrives(2_500_000_000).await;
    let msgs = [s.message(Kind::FeeReport, 400_000, 101), s.message(Kind::FeeReport, 600_000, 102), s.message(Kind::ValueTransfer, 2_500_000, 103)];
    let packets: Vec<Packet> = msgs.iter().enumerate().map(|(i, m)| packet(BASE, evm(BASE_PEER), i as u64 + 1, &m.encode())).collect();
    for p in &packets {
        s.env.verify_packet(p).await;
    }
    for i in [2, 0, 1] {
        s.env.lz_receive(&packets[i]).await.unwrap();
    }

    // Direct revenue in the quote token.
    let patron = s.env.new_user(QUOTE).await;
    let from = s.env.fund_quote(&s.protocol, &patron.pubkey(), 10 * QUOTE).await;
    let direct = 4 * QUOTE + 321;
    s.env.send(&[fees::deposit(&patron.pubkey(), from, &s.keys.base_mint, &quote, &tp, direct)], &[&patron]).await.unwrap();

    // Ledgers before distribution.
    let qv = vault(&mut s.env, quote_vault).await;
    assert_eq!((qv.total_local, qv.total_direct, qv.total_bridged, qv.undistributed), (local, direct, 0, local + direct));
    assert_eq!(s.env.token_balance(fa::vault_tokens(&quote_vault)).await, qv.undistributed);
    let virtual_vault = s.virtual_vault();
    let vv = vault(&mut s.env, virtual_vault).await;
    let base = *vv.chain(BASE).unwrap();
    assert_eq!((base.credited, base.reported, base.reports), (2_500_000_000, 1_000_000_000, 3));
    assert_eq!(s.env.token_balance(fa::vault_tokens(&s.virtual_vault())).await, vv.undistributed);

    // Distribute both vaults.
    let creator_q = s.env.fund_quote(&s.protocol, &s.creator.pubkey(), 0).await;
    let protocol_q = s.env.fund_quote(&s.protocol, &s.protocol.fee_recipient.pubkey(), 0).await;
    s.env.send(&[fees::distribute(&s.keys.base_mint, &quote, &tp, creator_q, protocol_q)], &[]).await.unwrap();
    let payer = s.env.payer().pubkey();
    let (c, p) = (s.creator.pubkey(), s.protocol.fee_recipient.pubkey());
    s.env.send(&[ix::create_ata(&payer, &c, &s.virtual_mint, &tp), ix::create_ata(&payer, &p, &s.virtual_mint, &tp)], &[]).await.unwrap();
    let (creator_v, protocol_v) = (addr::ata(&c, &s.virtual_mint, &tp), addr::ata(&p, &s.virtual_mint, &tp));
    // The creator adds VIRTUAL as the stake pool's second reward mint.
    let creator = s.creator.insecure_clone();
    s.env.send(&[ix::stake::add_reward_mint(&c, &s.keys.base_mint, &s.virtual_mint, &tp)], &[&creator]).await.unwrap();
    s.env.send(&[fees::distribute(&s.keys.base_mint, &s.virtual_mint, &tp, creator_v, protocol_v)], &[]).await.unwrap();

    for (v, creator_acc, protocol_acc) in [(quote_vault, creator_q, protocol_q), (s.virtual_vault(), creator_v, protocol_v)] {
        let state = vault(&mut s.env, v).await;
        let inflow = state.total_local + state.total_direct + state.total_bridged;
        let outflow = state.distributed_holders + state.distributed_creator + state.distributed_protocol;
        assert_eq!((state.undistributed, outflow), (0, inflow), "ledger closes");
        let reward_vault = stake_addr::reward_vault(&stake_addr::pool(&s.keys.base_mint), &state.reward_mint);
        assert_eq!(s.env.token_balance(reward_vault).await, state.distributed_holders, "holders' share is in the stake pool");
        assert_eq!(s.env.token_balance(creator_acc).await, state.distributed_creator);
        assert_eq!(s.env.token_balance(protocol_acc).await, state.distributed_protocol);
        assert_eq!(s.env.token_balance(fa::vault_tokens(&v)).await, 0);
        println!(
            "vault {}: local {} direct {} bridged {} -> holders {} creator {} protocol {}",
            state.reward_mint, state.total_local, state.total_direct, state.total_bridged,
            state.distributed_holders, state.distributed_creator, state.distributed_protocol
        );
    }
    println!("Base: credited {} reported {} in {} reports", base.credited, base.reported, base.reports);
}

#[tokio::test]
async fn agent_record_view_matches_agent_factory() {
    use anchor_lang::Discriminator;
    assert_eq!(agentpad_common::agent_record::AGENT_DISCRIMINATOR, agent_factory::state::Agent::DISCRIMINATOR);
    let Setup { mut env, keys, creator, .. } = setup().await;
    let acc = env.account(keys.agent).await.unwrap();
    let mut lamports = acc.lamports;
    let mut data = acc.data.clone();
    let info = solana_sdk::account_info::AccountInfo::new(&keys.agent, false, false, &mut lamports, &mut data, &acc.owner, false);
    let view = agentpad_common::agent_record::read_agent(&info, &keys.base_mint).unwrap();
    assert_eq!((view.mint, view.pool, view.creator), (keys.base_mint, keys.pool, creator.pubkey()));
}
