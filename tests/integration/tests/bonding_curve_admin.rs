//! bonding-curve setup and admin powers: config, presets (validation, quote-mint
//! screening, immutability), fee recipient, admin hand-over, and who may create pools.
#![allow(deprecated)]

use agentpad_tests::accounts::{self as addr, PoolKeys};
use agentpad_tests::fixtures::PRESET;
use agentpad_tests::ix::{self, TestExtension};
use agentpad_tests::presets::{self, QUOTE};
use agentpad_tests::{Env, TxError, bc_err};
use anchor_spl::token_2022::spl_token_2022;
use bonding_curve::error::BondingCurveError as E;
use bonding_curve::state::{Config, PoolParams, Preset, StakingParams};
use solana_sdk::pubkey::Pubkey;
use solana_sdk::signature::{Keypair, Signer};

async fn configured() -> (Env, Keypair, solana_sdk::pubkey::Pubkey) {
    let mut env = Env::start().await;
    let admin = env.admin.insecure_clone();
    env.send(&[ix::initialize_config(&admin.pubkey(), Keypair::new().pubkey())], &[&admin]).await.unwrap();
    let quote = env.create_mint(&admin.pubkey(), 9, &anchor_spl::token::ID, &[]).await;
    (env, admin, quote)
}

#[tokio::test]
async fn only_the_upgrade_authority_initializes_the_config_once() {
    let mut env = Env::start().await;
    let intruder = env.new_user(QUOTE).await;
    let recipient = Keypair::new().pubkey();
    env.expect_failure(&[ix::initialize_config(&intruder.pubkey(), recipient)], &[&intruder], bc_err(E::NotUpgradeAuthority), &[addr::bc_config()]).await;
    let admin = env.admin.insecure_clone();
    env.send(&[ix::initialize_config(&admin.pubkey(), recipient)], &[&admin]).await.unwrap();
    let config: Config = env.anchor_account(addr::bc_config()).await;
    assert_eq!((config.admin, config.protocol_fee_recipient), (admin.pubkey(), recipient));
    // A second initialisation fails in the runtime (the account exists) and changes nothing.
    let before = env.snapshot(&[addr::bc_config()]).await;
    let again = env.send(&[ix::initialize_config(&admin.pubkey(), Keypair::new().pubkey())], &[&admin]).await;
    assert!(matches!(again, Err(TxError::Other(_)) | Err(TxError::Custom(0))), "{again:?}");
    assert_eq!(env.snapshot(&[addr::bc_config()]).await, before);
}

#[tokio::test]
async fn presets_are_admin_only_validated_and_immutable() {
    let (mut env, admin, quote) = configured().await;
    let intruder = env.new_user(QUOTE).await;
    let params = presets::standard();
    env.expect_failure(&[ix::create_preset(&intruder.pubkey(), 7, &quote, params)], &[&intruder], bc_err(E::NotAdmin), &[addr::preset(7)]).await;

    env.send(&[ix::create_preset(&admin.pubkey(), 7, &quote, params)], &[&admin]).await.unwrap();
    let preset: Preset = env.zero_copy(addr::preset(7)).await;
    assert_eq!((preset.params, preset.staking, preset.quote_mint, preset.id), (params, StakingParams::STANDARD, quote, 7));
    // The same id cannot be created again: a preset never changes.
    let again = env.send(&[ix::create_preset(&admin.pubkey(), 7, &quote, PoolParams { base_fee_bps: 0, ..params })], &[&admin]).await;
    assert!(again.is_err());
    assert_eq!(env.zero_copy::<Preset>(addr::preset(7)).await.params, params);
}

#[tokio::test]
async fn invalid_preset_parameters_have_named_errors() {
    let (mut env, admin, quote) = configured().await;
    let p = presets::standard();
    let cases: Vec<(PoolParams, E)> = vec![
        (PoolParams { virtual_quote_reserve: 0, ..p }, E::ZeroCurveParameter),
        (PoolParams { graduated_supply: 0, ..p }, E::ZeroCurveParameter),
        (PoolParams { virtual_base_reserve: p.curve_supply, ..p }, E::VirtualBaseTooSmall),
        (PoolParams { graduation_threshold: 100_000 * QUOTE, ..p }, E::CurveSupplyTooSmall),
        (PoolParams { graduated_supply: p.graduated_supply / 2, ..p }, E::GraduationPriceGap),
        (PoolParams { curve_supply: u64::MAX - 1, virtual_base_reserve: u64::MAX, ..p }, E::CurveParametersOverflow),
        (PoolParams { base_fee_bps: 2_000, start_fee_bps: 2_000, ..p }, E::InvalidFeeSchedule),
        (PoolParams { start_fee_bps: 50, ..p }, E::InvalidFeeSchedule),
        (PoolParams { start_fee_bps: 6_000, ..p }, E::InvalidFeeSchedule),
        (PoolParams { fee_decay_seconds: 0, ..p }, E::InvalidFeeSchedule),
        (PoolParams { agent_fee_share_bps: 4_999, ..p }, E::InvalidFeeSplit),
        (PoolParams { curve_kind: 1, ..p }, E::UnknownCurveKind),
        (PoolParams { curve_kind: u8::MAX, ..p }, E::UnknownCurveKind),
    ];
    for (i, (params, err)) in cases.into_iter().enumerate() {
        let id = 100 + i as u16;
        env.expect_failure(&[ix::create_preset(&admin.pubkey(), id, &quote, params)], &[&admin], bc_err(err), &[addr::preset(id)]).await;
    }
    // Staking terms: a minimum cooldown above the default, a zero cooldown or window, a
    // window beyond thirty days.
    let s = StakingParams::STANDARD;
    let staking = [
        StakingParams { min_unstake_cooldown: s.default_unstake_cooldown + 1, ..s },
        StakingParams { min_unstake_cooldown: 0, ..s },
        StakingParams { reward_window: 0, ..s },
        StakingParams { reward_window: 30 * 86_400 + 1, ..s },
    ];
    for (i, staking) in staking.into_iter().enumerate() {
        let id = 150 + i as u16;
        let create = ix::create_preset_with(&admin.pubkey(), id, &quote, p, staking);
        env.expect_failure(&[create], &[&admin], bc_err(E::InvalidStakingTerms), &[addr::preset(id)]).await;
    }
    // Seconds are allowed: a localnet preset, so a validator can wait out a cooldown.
    let short = StakingParams { min_unstake_cooldown: 1, default_unstake_cooldown: 2, reward_window: 10 };
    env.send(&[ix::create_preset_with(&admin.pubkey(), 160, &quote, p, short)], &[&admin]).await.unwrap();
    assert_eq!(env.zero_copy::<Preset>(addr::preset(160)).await.staking, short);
}

#[tokio::test]
async fn quote_mints_with_unsafe_extensions_are_rejected() {
    let (mut env, admin, _) = configured().await;
    let cases = [
        (TestExtension::TransferFee, E::QuoteMintTransferFee),
        (TestExtension::TransferHook, E::QuoteMintTransferHook),
        (TestExtension::PermanentDelegate, E::QuoteMintPermanentDelegate),
        (TestExtension::NonTransferable, E::QuoteMintNonTransferable),
        (TestExtension::DefaultFrozen, E::QuoteMintDefaultFrozen),
        (TestExtension::Pausable, E::QuoteMintUnsupportedExtension),
        // A zero-supply mint could be closed and created again with other extensions.
        (TestExtension::CloseAuthority, E::QuoteMintCloseAuthority),
    ];
    for (i, (ext, err)) in cases.into_iter().enumerate() {
        let mint = env.create_mint(&admin.pubkey(), 9, &spl_token_2022::ID, &[ext]).await;
        let id = 200 + i as u16;
        env.expect_failure(&[ix::create_preset(&admin.pubkey(), id, &mint, presets::standard())], &[&admin], bc_err(err), &[addr::preset(id)]).await;
    }
    // Harmless extensions pass.
    let ok = env
        .create_mint(&admin.pubkey(), 9, &spl_token_2022::ID, &[TestExtension::MetadataPointer, TestExtension::DefaultInitialized, TestExtension::CloseAuthorityNone])
        .await;
    env.send(&[ix::create_preset(&admin.pubkey(), 250, &ok, presets::standard())], &[&admin]).await.unwrap();
}

#[tokio::test]
async fn a_quote_mint_turned_default_frozen_is_rejected_at_pool_creation() {
    let mut env = Env::start().await;
    let protocol = env.setup_protocol_with(spl_token_2022::ID, &[TestExtension::DefaultInitialized]).await;
    // After the preset, the mint's freeze authority makes new accounts start frozen.
    let auth = protocol.quote_authority.insecure_clone();
    let update = spl_token_2022::extension::default_account_state::instruction::update_default_account_state(
        &spl_token_2022::ID,
        &protocol.quote_mint,
        &auth.pubkey(),
        &[],
        &spl_token_2022::state::AccountState::Frozen,
    )
    .unwrap();
    env.send(&[update], &[&auth]).await.unwrap();
    let creator = env.new_user(10 * QUOTE).await;
    let result = env.try_launch(&protocol, &creator, None).await;
    assert_eq!(result.err(), Some(bc_err(E::QuoteMintDefaultFrozen)));
}

#[tokio::test]
async fn fee_recipient_and_admin_role_change_only_by_the_admin() {
    let (mut env, admin, quote) = configured().await;
    let intruder = env.new_user(QUOTE).await;
    let new_recipient = Keypair::new().pubkey();
    let watched = [addr::bc_config()];
    env.expect_failure(&[ix::set_protocol_fee_recipient(&intruder.pubkey(), new_recipient)], &[&intruder], bc_err(E::NotAdmin), &watched).await;
    env.send(&[ix::set_protocol_fee_recipient(&admin.pubkey(), new_recipient)], &[&admin]).await.unwrap();
    assert_eq!(env.anchor_account::<Config>(addr::bc_config()).await.protocol_fee_recipient, new_recipient);

    // The handover takes two steps: the admin proposes, the successor accepts.
    let successor = env.new_user(QUOTE).await;
    let s = successor.pubkey();
    env.expect_failure(&[ix::propose_admin(&intruder.pubkey(), s)], &[&intruder], bc_err(E::NotAdmin), &watched).await;
    env.expect_failure(&[ix::accept_admin(&s)], &[&successor], bc_err(E::NotPendingAdmin), &watched).await;
    env.send(&[ix::propose_admin(&admin.pubkey(), s)], &[&admin]).await.unwrap();
    assert_eq!(env.anchor_account::<Config>(addr::bc_config()).await.admin, admin.pubkey(), "a proposal alone changes nothing");
    env.expect_failure(&[ix::accept_admin(&intruder.pubkey())], &[&intruder], bc_err(E::NotPendingAdmin), &watched).await;
    // A proposal can be withdrawn; nobody can accept the default key's "proposal".
    env.send(&[ix::propose_admin(&admin.pubkey(), Pubkey::default())], &[&admin]).await.unwrap();
    env.expect_failure(&[ix::accept_admin(&s)], &[&successor], bc_err(E::NotPendingAdmin), &watched).await;
    env.send(&[ix::propose_admin(&admin.pubkey(), s)], &[&admin]).await.unwrap();
    env.send(&[ix::accept_admin(&s)], &[&successor]).await.unwrap();
    let config = env.anchor_account::<Config>(addr::bc_config()).await;
    assert_eq!((config.admin, config.pending_admin), (s, Pubkey::default()));
    // The old admin lost its powers, the new one has them.
    env.expect_failure(&[ix::create_preset(&admin.pubkey(), 9, &quote, presets::standard())], &[&admin], bc_err(E::NotAdmin), &[addr::preset(9)]).await;
    env.send(&[ix::create_preset(&successor.pubkey(), 9, &quote, presets::standard())], &[&successor]).await.unwrap();
}

#[tokio::test]
async fn pools_are_created_only_by_the_factory_launcher() {
    let mut env = Env::start().await;
    let protocol = env.setup_protocol().await;
    let attacker = env.new_user(10 * QUOTE).await;
    let a = attacker.pubkey();
    let base_mint = env.create_mint(&a, 6, &spl_token_2022::ID, &[]).await;
    let keys = PoolKeys::for_mint(base_mint, protocol.quote_mint, protocol.quote_token_program);
    // Signing as "launcher" with an ordinary key fails the PDA check.
    env.expect_failure(
        &[ix::create_pool(&a, &a, PRESET, &keys, a)],
        &[&attacker],
        bc_err(E::NotLauncher),
        &[keys.pool, keys.base_vault, keys.quote_vault],
    )
    .await;
}
