//! fee-aggregator: the store and its admin, vaults created at launch, sweep, direct
//! deposits, split policy and distribution, and every rejection with its named error and
//! untouched balances; the scenario with every source. The LayerZero paths are in
//! `bridge.rs`.
#![allow(deprecated)]

use agentpad_tests::accounts::{self as addr, PoolKeys, fees as fa, stake as stake_addr};
use agentpad_tests::fixtures::{DEFAULT_SPLIT, Oft, Packet, Protocol, SPLIT_BOUNDS, SPLIT_DELAY};
use agentpad_tests::ix::{self, TestExtension, fees};
use agentpad_tests::presets::QUOTE;
use agentpad_tests::{Env, bc_err, decode_event, fa_err};
use bonding_curve::error::BondingCurveError as BE;
use fee_aggregator::error::FeeAggregatorError as E;
use fee_aggregator::event::{RevenueCredited, RevenueDistributed, SplitScheduled};
use fee_aggregator::instructions::InitializeStoreArgs;
use fee_aggregator::message::{FeeReport, ValueTransfer};
use fee_aggregator::state::{AgentVault, PeerConfigParam, Policy, RevenueSource, Split, SplitBounds};
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
    /// A bridged reward token (VIRTUAL-like, 9 decimals) with its OFT and a vault for the agent.
    oft: Oft,
}

async fn setup() -> Setup {
    let mut env = Env::start().await;
    let protocol = env.setup_protocol().await;
    let creator = env.new_user(10 * QUOTE).await;
    let keys = env.launch(&protocol, &creator).await;
    env.advance_time(120).await;
    let admin = env.admin.insecure_clone();
    env.send(&fees::set_peer(&admin.pubkey(), BASE, evm(BASE_PEER), 1_000_000 * 1_000_000, u64::MAX), &[&admin]).await.unwrap();
    let oft = env.bridged_token(9).await;
    let payer = env.payer().pubkey();
    env.send(&[fees::create_vault(&payer, &keys.base_mint, &oft.mint, &anchor_spl::token::ID)], &[]).await.unwrap();
    Setup { env, protocol, keys, creator, oft }
}

impl Setup {
    fn report(&self, amount_sd: u64, report_id: u64) -> FeeReport {
        FeeReport { agent: self.keys.base_mint, reward_mint: self.oft.mint, amount_sd, report_id, source_epoch: 2026_47 }
    }

    fn virtual_vault(&self) -> Pubkey {
        fa::vault(&self.keys.base_mint, &self.oft.mint)
    }

    /// `amount_sd` VIRTUAL sent from Base through the OFT with a compose naming this agent;
    /// the OFT delivers it to the store and the compose allocates it.
    async fn bridge(&mut self, nonce: u64, amount_sd: u64, transfer_id: u64) {
        let payload = ValueTransfer { agent: self.keys.base_mint, transfer_id, source_epoch: 2026_47 }.encode();
        let message = oft_mock::encode_oft_message(&fa::store(), amount_sd, Some((&evm(BASE_PEER), &payload)));
        let compose = self.env.oft_receive(&self.oft, &Packet::new(BASE, evm(0x0F), nonce, &message), &fa::store()).await.unwrap().unwrap();
        self.env.lz_compose(&compose).await.unwrap();
    }
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
    // The LayerZero delegate may be another key than the admin (e.g. a multisig).
    let delegate = Keypair::new().pubkey();
    let good = InitializeStoreArgs {
        endpoint_program: lz_endpoint_mock::ID,
        delegate,
        protocol_fee_recipient: Keypair::new().pubkey(),
        split_bounds: SPLIT_BOUNDS,
        default_split: DEFAULT_SPLIT,
        split_delay: SPLIT_DELAY,
    };
    let watched = [fa::store(), fa::oapp_registry(), fa::lz_receive_types(), fa::lz_compose_types()];
    env.expect_failure(&[fees::initialize_store(&intruder.pubkey(), good)], &[&intruder], fa_err(E::NotUpgradeAuthority), &watched).await;
    let bad_bounds = InitializeStoreArgs { split_bounds: SplitBounds { min_protocol_bps: 2_000, max_protocol_bps: 1_000, ..SPLIT_BOUNDS }, ..good };
    env.expect_failure(&[fees::initialize_store(&admin.pubkey(), bad_bounds)], &[&admin], fa_err(E::InvalidSplitBounds), &watched).await;
    let bad_sum = InitializeStoreArgs { default_split: Split { holders_bps: 7_000, creator_bps: 2_000, protocol_bps: 999 }, ..good };
    env.expect_failure(&[fees::initialize_store(&admin.pubkey(), bad_sum)], &[&admin], fa_err(E::InvalidSplit), &watched).await;
    let outside = InitializeStoreArgs { default_split: Split { holders_bps: 6_000, creator_bps: 3_500, protocol_bps: 500 }, ..good };
    env.expect_failure(&[fees::initialize_store(&admin.pubkey(), outside)], &[&admin], fa_err(E::SplitOutOfBounds), &watched).await;
    for split_delay in [0, 30 * 86_400 + 1] {
        let delay = InitializeStoreArgs { split_delay, ..good };
        env.expect_failure(&[fees::initialize_store(&admin.pubkey(), delay)], &[&admin], fa_err(E::SplitDelayOutOfBounds), &watched).await;
    }
    // A forged endpoint program: the first endpoint account must be the store's endpoint.
    let mut forged = fees::initialize_store(&admin.pubkey(), good);
    let at = forged.accounts.iter().position(|m| m.pubkey == lz_endpoint_mock::ID).unwrap();
    forged.accounts[at].pubkey = bonding_curve::ID;
    env.expect_failure(&[forged], &[&admin], fa_err(E::InvalidEndpointProgram), &watched).await;
    // Endpoint accounts missing.
    let mut short = fees::initialize_store(&admin.pubkey(), good);
    short.accounts.truncate(short.accounts.len() - 1);
    env.expect_failure(&[short], &[&admin], fa_err(E::InvalidEndpointAccounts), &watched).await;

    env.send(&[fees::initialize_store(&admin.pubkey(), good)], &[&admin]).await.unwrap();
    let store: fee_aggregator::state::Store = env.anchor_account(fa::store()).await;
    assert_eq!((store.admin, store.endpoint_program, store.default_split, store.split_delay), (admin.pubkey(), lz_endpoint_mock::ID, DEFAULT_SPLIT, SPLIT_DELAY));
    // Registered with the endpoint, with the chosen delegate.
    let registry: lz_endpoint_mock::OAppRegistry = env.anchor_account(fa::oapp_registry()).await;
    assert_eq!(registry.delegate, delegate);
    // The executor's account lists (v1 convention: discriminator and keys only).
    for types in [fa::lz_receive_types(), fa::lz_compose_types()] {
        let acc = env.account(types).await.unwrap();
        assert_eq!((acc.owner, acc.data.len(), &acc.data[8..]), (fee_aggregator::ID, 40, fa::store().as_ref()));
    }

    // The admin names another delegate at the endpoint (evented); nobody else can.
    let intruder_ix = fees::set_delegate(&intruder.pubkey(), intruder.pubkey());
    env.expect_failure(&[intruder_ix], &[&intruder], fa_err(E::NotAdmin), &[fa::oapp_registry()]).await;
    let next = Keypair::new().pubkey();
    let events = env.send_with_events(&[fees::set_delegate(&admin.pubkey(), next)], &[&admin]).await.unwrap();
    assert!(events.iter().any(|e| decode_event::<fee_aggregator::event::DelegateSet>(e).map(|d| d.delegate) == Some(next)));
    assert_eq!(env.anchor_account::<lz_endpoint_mock::OAppRegistry>(fa::oapp_registry()).await.delegate, next);
}

#[tokio::test]
async fn the_admin_role_moves_in_two_steps() {
    let Setup { mut env, .. } = setup().await;
    let admin = env.admin.insecure_clone();
    let successor = env.new_user(QUOTE).await;
    let s = successor.pubkey();
    let watched = [fa::store()];
    env.expect_failure(&[fees::propose_admin(&s, s)], &[&successor], fa_err(E::NotAdmin), &watched).await;
    env.expect_failure(&[fees::accept_admin(&s)], &[&successor], fa_err(E::NotPendingAdmin), &watched).await;
    env.send(&[fees::propose_admin(&admin.pubkey(), s)], &[&admin]).await.unwrap();
    env.send(&[fees::accept_admin(&s)], &[&successor]).await.unwrap();
    let store: fee_aggregator::state::Store = env.anchor_account(fa::store()).await;
    assert_eq!((store.admin, store.pending_admin), (s, Pubkey::default()));
    // The old admin is refused from now on; the new one configures peers.
    let old = fees::set_peer_config(&admin.pubkey(), ARBITRUM, PeerConfigParam::PeerAddress(evm(3)));
    env.expect_failure(&[old], &[&admin], fa_err(E::NotAdmin), &[fa::peer(ARBITRUM)]).await;
    env.send(&[fees::set_peer_config(&s, ARBITRUM, PeerConfigParam::PeerAddress(evm(3)))], &[&successor]).await.unwrap();
}

#[tokio::test]
async fn peers_are_set_only_by_the_admin() {
    let Setup { mut env, .. } = setup().await;
    let admin = env.admin.insecure_clone();
    let intruder = env.new_user(QUOTE).await;
    let watched = [fa::peer(ARBITRUM)];
    let address = |a| PeerConfigParam::PeerAddress(a);
    let limits = PeerConfigParam::ReportLimits { max_report_sd: 5, max_reported_total_sd: 50 };
    env.expect_failure(&[fees::set_peer_config(&intruder.pubkey(), ARBITRUM, address(evm(1)))], &[&intruder], fa_err(E::NotAdmin), &watched).await;
    env.expect_failure(&[fees::set_peer_config(&intruder.pubkey(), ARBITRUM, limits)], &[&intruder], fa_err(E::NotAdmin), &watched).await;
    env.expect_failure(&[fees::set_peer_config(&admin.pubkey(), ARBITRUM, address([0; 32]))], &[&admin], fa_err(E::InvalidPeer), &watched).await;
    env.expect_failure(&[fees::set_peer_config(&admin.pubkey(), 0, address(evm(1)))], &[&admin], fa_err(E::InvalidPeer), &[fa::peer(0)]).await;
    env.send(&[fees::set_peer_config(&admin.pubkey(), ARBITRUM, address(evm(1)))], &[&admin]).await.unwrap();
    let peer: fee_aggregator::state::Peer = env.anchor_account(fa::peer(ARBITRUM)).await;
    assert_eq!((peer.max_report_sd, peer.max_reported_total_sd), (0, 0), "a new peer accepts no report until its limits are set");
    env.send(&[fees::set_peer_config(&admin.pubkey(), ARBITRUM, address(evm(2)))], &[&admin]).await.unwrap();
    env.send(&[fees::set_peer_config(&admin.pubkey(), ARBITRUM, limits)], &[&admin]).await.unwrap();
    let peer: fee_aggregator::state::Peer = env.anchor_account(fa::peer(ARBITRUM)).await;
    assert_eq!((peer.src_eid, peer.address, peer.max_report_sd, peer.max_reported_total_sd), (ARBITRUM, evm(2), 5, 50));
}

// ------------------------------------------------------------------ vaults

#[tokio::test]
async fn launch_creates_the_vault_and_more_vaults_can_be_added() {
    let Setup { mut env, protocol, keys, oft, .. } = setup().await;
    let virtual_mint = oft.mint;
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
    let forged = ix::with_account(
        fees::create_vault(&payer, &stranger_mint, &virtual_mint, &anchor_spl::token::ID),
        agentpad_tests::accounts::agent(&stranger_mint),
        keys.agent,
    );
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
        bc_err(BE::NotAggregator),
        &[keys.pool, keys.quote_vault, thief_ata],
    )
    .await;

    // This vault with another agent's mint.
    let other_creator = env.new_user(10 * QUOTE).await;
    let other = env.launch(&protocol, &other_creator).await.base_mint;
    let foreign_mint = ix::with_account(fees::sweep(&keys), keys.base_mint, other);
    env.expect_failure(&[foreign_mint], &[], fa_err(E::InvalidMint), &[v, keys.pool, keys.quote_vault]).await;

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
    let now = env.clock().await.unix_timestamp;
    let events = env.send_with_events(&[fees::set_split(&creator.pubkey(), &keys.base_mint, ok)], &[&creator]).await.unwrap();
    let scheduled = events.iter().find_map(|e| decode_event::<SplitScheduled>(e)).unwrap();
    assert_eq!((scheduled.split, scheduled.effective_at), (ok, now + SPLIT_DELAY as i64));
    let policy = env.anchor_account::<Policy>(fa::policy(&keys.base_mint)).await;
    assert_eq!((policy.split, policy.pending_split, policy.pending_at), (DEFAULT_SPLIT, ok, now + SPLIT_DELAY as i64), "announced, not yet in force");
}

/// A creator cannot raise its share just before a distribution: a new split applies only
/// after the store's delay, and until then anyone can distribute under the old one.
#[tokio::test]
async fn a_new_split_applies_only_after_the_delay() {
    let Setup { mut env, protocol, keys, creator, .. } = setup().await;
    let tp = protocol.quote_token_program;
    let patron = env.new_user(QUOTE).await;
    let from = env.fund_quote(&protocol, &patron.pubkey(), 10 * QUOTE).await;
    let creator_ata = env.fund_quote(&protocol, &creator.pubkey(), 0).await;
    let protocol_ata = env.fund_quote(&protocol, &protocol.fee_recipient.pubkey(), 0).await;
    let greedy = Split { holders_bps: 5_500, creator_bps: 3_000, protocol_bps: 1_500 };
    let deposit = |amount| fees::deposit(&patron.pubkey(), from, &keys.base_mint, &protocol.quote_mint, &tp, amount);
    let distribute = fees::distribute(&keys.base_mint, &protocol.quote_mint, &tp, creator_ata, protocol_ata);
    let split_of = |events: &[Vec<u8>]| events.iter().find_map(|e| decode_event::<RevenueDistributed>(e)).unwrap().split;

    env.send(&[deposit(QUOTE)], &[&patron]).await.unwrap();
    env.send(&[fees::set_split(&creator.pubkey(), &keys.base_mint, greedy)], &[&creator]).await.unwrap();
    // Right after, and one second before the delay ends: the old split.
    let events = env.send_with_events(&[distribute.clone()], &[]).await.unwrap();
    assert_eq!(split_of(&events), DEFAULT_SPLIT);
    env.advance_time(SPLIT_DELAY as i64 - 1).await;
    env.send(&[deposit(QUOTE)], &[&patron]).await.unwrap();
    let events = env.send_with_events(&[distribute.clone()], &[]).await.unwrap();
    assert_eq!(split_of(&events), DEFAULT_SPLIT);
    // From the delay on: the new split, now the policy's.
    env.advance_time(1).await;
    env.send(&[deposit(QUOTE)], &[&patron]).await.unwrap();
    let events = env.send_with_events(&[distribute], &[]).await.unwrap();
    assert_eq!(split_of(&events), greedy);
    let policy = env.anchor_account::<Policy>(fa::policy(&keys.base_mint)).await;
    assert_eq!((policy.split, policy.pending_at), (greedy, 0));
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
    // The right owner's token account of another mint (the agent token), for either payout.
    let creator_agent_tokens = env.create_base_ata(&keys, &creator.pubkey()).await;
    let protocol_agent_tokens = env.create_base_ata(&keys, &protocol.fee_recipient.pubkey()).await;
    env.expect_failure(&[dist(creator_agent_tokens, protocol_ata)], &[], fa_err(E::TokenAccountMintMismatch), &watched).await;
    env.expect_failure(&[dist(creator_ata, protocol_agent_tokens)], &[], fa_err(E::TokenAccountMintMismatch), &watched).await;
    // Another agent's mint with this vault, or its policy with this mint.
    let other = env.launch(&protocol, &creator).await.base_mint;
    let foreign_mint = ix::with_account(dist(creator_ata, protocol_ata), keys.base_mint, other);
    env.expect_failure(&[foreign_mint], &[], fa_err(E::InvalidMint), &watched).await;
    let foreign_policy = ix::with_account(dist(creator_ata, protocol_ata), fa::policy(&keys.base_mint), fa::policy(&other));
    env.expect_failure(&[foreign_policy], &[], fa_err(E::InvalidMint), &watched).await;

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

    // From Base, out of order: a value transfer (2.5 VIRTUAL through the OFT) and two
    // fee reports.
    let reports = [s.report(400_000, 101), s.report(600_000, 102)];
    let packets: Vec<Packet> = reports.iter().enumerate().map(|(i, r)| Packet::new(BASE, evm(BASE_PEER), i as u64 + 1, &r.encode())).collect();
    for p in &packets {
        s.env.verify_packet(p).await;
    }
    s.bridge(1, 2_500_000, 103).await;
    for p in &packets {
        s.env.lz_receive(p).await.unwrap();
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
    s.env.send(&[ix::create_ata(&payer, &c, &s.oft.mint, &tp), ix::create_ata(&payer, &p, &s.oft.mint, &tp)], &[]).await.unwrap();
    let (creator_v, protocol_v) = (addr::ata(&c, &s.oft.mint, &tp), addr::ata(&p, &s.oft.mint, &tp));
    // The creator adds VIRTUAL as the stake pool's second reward mint.
    let creator = s.creator.insecure_clone();
    s.env.send(&[ix::stake::add_reward_mint(&c, &s.keys.base_mint, &s.oft.mint, &tp)], &[&creator]).await.unwrap();
    s.env.send(&[fees::distribute(&s.keys.base_mint, &s.oft.mint, &tp, creator_v, protocol_v)], &[]).await.unwrap();

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
async fn typed_views_read_what_agent_factory_and_fee_aggregator_wrote() {
    use agentpad_common::interface::{AgentRecordError, is_aggregator_vault, read_agent};
    let Setup { mut env, protocol, keys, creator, oft } = setup().await;
    let mut accounts = Vec::new();
    for key in [keys.agent, fa::vault(&keys.base_mint, &protocol.quote_mint)] {
        let acc = env.account(key).await.unwrap();
        accounts.push((key, acc.lamports, acc.data.clone(), acc.owner));
    }
    let mut infos = accounts.iter_mut().map(|(key, lamports, data, owner)| {
        solana_sdk::account_info::AccountInfo::new(key, false, false, lamports, data, owner, false)
    });
    let (agent, vault) = (infos.next().unwrap(), infos.next().unwrap());

    // agent-factory's record, typed from its IDL: every field as agent-factory wrote it.
    let record = read_agent(&agent, &keys.base_mint).unwrap();
    let own: agent_factory::state::Agent = env.anchor_account(keys.agent).await;
    assert_eq!((record.mint, record.pool, record.preset, record.creator), (own.mint, own.pool, own.preset, creator.pubkey()));
    assert_eq!((record.pending_creator, record.created_slot, record.created_at), (own.pending_creator, own.created_slot, own.created_at));
    assert_eq!((record.preset_id, record.bump), (own.preset_id, own.bump));
    assert!(matches!(read_agent(&agent, &oft.mint), Err(AgentRecordError::NotAgentRecord)));
    assert!(matches!(read_agent(&vault, &keys.base_mint), Err(AgentRecordError::UnknownAgent)));

    // fee-aggregator's vault: recognised by owner, type and both stored mints.
    assert!(is_aggregator_vault(&vault, &keys.base_mint, &protocol.quote_mint));
    assert!(!is_aggregator_vault(&vault, &keys.base_mint, &oft.mint));
    assert!(!is_aggregator_vault(&vault, &oft.mint, &protocol.quote_mint));
    assert!(!is_aggregator_vault(&agent, &keys.base_mint, &protocol.quote_mint));
}
