//! Audit finding 3: every address the programs create at a predictable place can be sent
//! lamports by anyone first. On the clusters (SIMD-0312, active on mainnet-beta since slot
//! 422,928,004) Anchor's `init` then tops the account up, allocates and assigns it, and the
//! programs' own account creation does the same by hand — so pre-funding decides nothing.
//! The native test bank (Agave 3.1) lacks the feature, so this suite runs on the cluster
//! runtime: the sBPF `.so` files in LiteSVM with mainnet-beta's features.
#![allow(deprecated)]

use agentpad_tests::accounts::{self as addr, commerce as commerce_addr, fees as fa, stake as st, PoolKeys};
use agentpad_tests::fixtures::PRESET;
use agentpad_tests::ix::{self, commerce, fees, stake};
use agentpad_tests::presets::{QUOTE, TOKEN};
use agentpad_tests::Env;
use solana_sdk::pubkey::Pubkey;
use solana_sdk::signature::{Keypair, Signer};

const BASE: u32 = 30184;

/// Sends each address a little more than an empty account's rent exemption, as a griefer
/// who read the address off the chain would.
async fn pre_fund(env: &mut Env, griefer: &Keypair, addresses: &[Pubkey]) {
    let lamports = env.rent().await.minimum_balance(0) + 1_000;
    for a in addresses {
        let ixn = anchor_lang::solana_program::system_instruction::transfer(&griefer.pubkey(), a, lamports);
        env.send(&[ixn], &[griefer]).await.unwrap();
        let account = env.account(*a).await.expect("funded");
        assert_eq!(account.owner, anchor_lang::system_program::ID);
    }
}

/// Each address now holds a rent-exempt account of `owner`.
async fn assert_created(env: &mut Env, expected: &[(Pubkey, Pubkey)]) {
    let rent = env.rent().await;
    for (address, owner) in expected {
        let account = env.account(*address).await.unwrap_or_else(|| panic!("{address} was not created"));
        assert_eq!(account.owner, *owner, "owner of {address}");
        assert!(account.lamports >= rent.minimum_balance(account.data.len()), "{address} is rent-exempt");
    }
}

#[tokio::test]
async fn pre_funding_any_predictable_address_blocks_nothing() {
    let mut env = Env::start_cluster_runtime().await;
    let griefer = env.new_user(1_000 * QUOTE).await;
    let (bc, fa_id, rs, spl, t22) = (bonding_curve::ID, fee_aggregator::ID, revenue_share::ID, anchor_spl::token::ID, anchor_spl::token_2022::ID);

    // A fresh deployment's one-time accounts: config, preset, store, the executor's account
    // lists, and the endpoint's registry of the store (test endpoint; the real one is
    // LayerZero's).
    let setup = [addr::bc_config(), addr::preset(PRESET), fa::store(), fa::lz_receive_types(), fa::lz_compose_types(), fa::oapp_registry()];
    pre_fund(&mut env, &griefer, &setup).await;
    let protocol = env.setup_protocol().await;
    let owners = [bc, bc, fa_id, fa_id, fa_id, lz_endpoint_mock::ID];
    assert_created(&mut env, &setup.iter().copied().zip(owners).collect::<Vec<_>>()).await;

    // A new peer.
    pre_fund(&mut env, &griefer, &[fa::peer(BASE)]).await;
    let admin = env.admin.insecure_clone();
    env.send(&fees::set_peer(&admin.pubkey(), BASE, [0xBA; 32], 1, 1), &[&admin]).await.unwrap();
    assert_created(&mut env, &[(fa::peer(BASE), fa_id)]).await;

    // A launch: the mint (the creator's fresh keypair, visible once the transaction is
    // sent), its record, pool and vaults, fee vault and policy, stake pool and vaults, and
    // the creator's token account for the first buy.
    let creator = env.new_user(20 * QUOTE).await;
    env.fund_quote(&protocol, &creator.pubkey(), 10 * QUOTE).await;
    let mint = env.keypair();
    let keys = PoolKeys::for_mint(mint.pubkey(), protocol.quote_mint, protocol.quote_token_program);
    let stake_pool = st::pool(&keys.base_mint);
    let fee_vault = fa::vault(&keys.base_mint, &protocol.quote_mint);
    let launch: Vec<(Pubkey, Pubkey)> = vec![
        (keys.base_mint, t22),
        (keys.agent, agent_factory::ID),
        (keys.pool, bc),
        (keys.base_vault, t22),
        (keys.quote_vault, spl),
        (fee_vault, fa_id),
        (fa::vault_tokens(&fee_vault), spl),
        (fa::policy(&keys.base_mint), fa_id),
        (stake_pool, rs),
        (st::vault(&stake_pool), t22),
        (st::reward_vault(&stake_pool, &protocol.quote_mint), spl),
        (keys.base_ata(&creator.pubkey()), t22),
    ];
    let addresses: Vec<Pubkey> = launch.iter().map(|(a, _)| *a).collect();
    pre_fund(&mut env, &griefer, &addresses).await;
    env.try_launch_mint(&protocol, &creator, &mint, Some(QUOTE)).await.expect("the launch goes through");
    assert_created(&mut env, &launch).await;
    assert!(env.token_balance(keys.base_ata(&creator.pubkey())).await > 0, "the first buy landed");

    // A holder's first stake position.
    env.advance_time(120).await;
    let holder = env.trader(&protocol, &keys, 10 * QUOTE).await;
    env.send(&[ix::buy_exact_in(ix::swap_accounts(&holder.pubkey(), &keys), QUOTE, 1)], &[&holder]).await.unwrap();
    let position = st::position(&stake_pool, &holder.pubkey());
    pre_fund(&mut env, &griefer, &[position]).await;
    env.send(&[stake::stake(&holder.pubkey(), &keys.base_mint, 100 * TOKEN)], &[&holder]).await.unwrap();
    assert_created(&mut env, &[(position, rs)]).await;

    // Another reward mint: its fee vault, the vault's token account, the stake pool's
    // reward vault, and as a bridged mint its OFT config and the store's token account the
    // OFT delivers to.
    let other_authority = env.keypair();
    let other = env.create_mint(&other_authority.pubkey(), 9, &spl, &[]).await;
    let other_vault = fa::vault(&keys.base_mint, &other);
    let more = [
        (other_vault, fa_id),
        (fa::vault_tokens(&other_vault), spl),
        (st::reward_vault(&stake_pool, &other), spl),
        (fa::oft(&other), fa_id),
        (fa::composer_tokens(&other, &spl), spl),
    ];
    pre_fund(&mut env, &griefer, &more.map(|(a, _)| a)).await;
    let payer = env.payer().pubkey();
    env.send(&[fees::create_vault(&payer, &keys.base_mint, &other, &spl)], &[]).await.unwrap();
    env.send(&[stake::add_reward_mint(&creator.pubkey(), &keys.base_mint, &other, &spl)], &[&creator]).await.unwrap();
    let oft_store = env.keypair().pubkey();
    env.send(&[fees::set_oft(&admin.pubkey(), &other, &spl, oft_store)], &[&admin]).await.unwrap();
    assert_created(&mut env, &more).await;

    // agent-commerce: the agent's operator account, a job and its escrow.
    let ac = agent_commerce::ID;
    let operator = commerce_addr::operator(&keys.base_mint);
    pre_fund(&mut env, &griefer, &[operator]).await;
    env.send(&[commerce::set_operator(&creator.pubkey(), &keys.base_mint, holder.pubkey())], &[&creator]).await.unwrap();
    let client = env.new_user(10 * QUOTE).await;
    let job = commerce::JobKeys::new(client.pubkey(), 1, keys.base_mint, protocol.quote_mint, protocol.quote_token_program);
    pre_fund(&mut env, &griefer, &[job.job, job.escrow()]).await;
    let expires_at = env.clock().await.unix_timestamp + 3_600;
    let args = agent_commerce::instructions::CreateJobArgs {
        id: 1, budget: QUOTE, evaluator: agent_commerce::state::Evaluator::Client, evaluator_fee_bps: 0, expires_at, terms_hash: [0; 32], terms_uri: String::new(),
    };
    env.send(&[commerce::create_job(&job, args, None)], &[&client]).await.unwrap();
    assert_created(&mut env, &[(operator, ac), (job.job, ac), (job.escrow(), spl)]).await;
}
