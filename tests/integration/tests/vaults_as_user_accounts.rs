//! Audit finding 4: naming one of a program's own vaults as the user's token account turns
//! the transfer into a transfer to itself — the books move, the tokens do not, and the
//! documented invariant `vault = reserves + buckets` breaks. Every instruction that pays
//! out or takes in refuses it with `ProgramVaultAsUserAccount`, and nothing changes.
#![allow(deprecated)]

use agentpad_tests::accounts::{self as addr, PoolKeys, fees as fa, stake as st};
use agentpad_tests::fixtures::Protocol;
use agentpad_tests::ix::{self, fees, stake};
use agentpad_tests::presets::{QUOTE, TOKEN};
use agentpad_tests::{Env, bc_err, fa_err, rs_err};
use anchor_lang::solana_program::instruction::Instruction;
use solana_sdk::pubkey::Pubkey;
use solana_sdk::signature::{Keypair, Signer};

struct Setup {
    env: Env,
    protocol: Protocol,
    keys: PoolKeys,
    creator: Keypair,
    holder: Keypair,
}

/// A launched agent with a holder who bought, staked, asked to unstake part of it and has
/// rewards waiting; the pool holds fees in every bucket; the fee vault holds revenue.
async fn setup() -> Setup {
    let mut env = Env::start().await;
    let protocol = env.setup_protocol().await;
    let creator = env.new_user(10 * QUOTE).await;
    let keys = env.launch(&protocol, &creator).await;
    env.advance_time(120).await;
    let holder = env.trader(&protocol, &keys, 50 * QUOTE).await;
    let h = holder.pubkey();
    env.send(&[ix::buy_exact_in(ix::swap_accounts(&h, &keys), 10 * QUOTE, 1)], &[&holder]).await.unwrap();
    env.send(&[stake::stake(&h, &keys.base_mint, 1_000 * TOKEN)], &[&holder]).await.unwrap();
    env.send(&[fees::deposit(&h, keys.quote_ata(&h), &keys.base_mint, &protocol.quote_mint, &protocol.quote_token_program, QUOTE)], &[&holder])
        .await
        .unwrap();
    let (c, r) = (env.fund_quote(&protocol, &creator.pubkey(), 0).await, env.fund_quote(&protocol, &protocol.fee_recipient.pubkey(), 0).await);
    env.send(&[fees::distribute(&keys.base_mint, &protocol.quote_mint, &protocol.quote_token_program, c, r)], &[]).await.unwrap();
    env.advance_time(3 * 86_400).await;
    env.send(&[stake::request_unstake(&h, &h, &keys.base_mint, 400 * TOKEN)], &[&holder]).await.unwrap();
    env.advance_time(30 * 86_400).await;
    // Revenue waiting in the vault again, for distribute.
    env.send(&[fees::deposit(&h, keys.quote_ata(&h), &keys.base_mint, &protocol.quote_mint, &protocol.quote_token_program, QUOTE)], &[&holder])
        .await
        .unwrap();
    Setup { env, protocol, keys, creator, holder }
}

/// `ix` with every occurrence of account `from` replaced by `to`.
fn swap_account(mut ix: Instruction, from: Pubkey, to: Pubkey) -> Instruction {
    for meta in ix.accounts.iter_mut().filter(|m| m.pubkey == from) {
        meta.pubkey = to;
    }
    ix
}

impl Setup {
    /// Every account a misdirected payout could touch.
    fn watched(&self) -> Vec<Pubkey> {
        let (k, h) = (&self.keys, self.holder.pubkey());
        let pool = st::pool(&k.base_mint);
        let vault = fa::vault(&k.base_mint, &self.protocol.quote_mint);
        vec![
            k.pool,
            k.base_vault,
            k.quote_vault,
            k.base_ata(&h),
            k.quote_ata(&h),
            pool,
            st::vault(&pool),
            st::reward_vault(&pool, &self.protocol.quote_mint),
            st::position(&pool, &h),
            vault,
            fa::vault_tokens(&vault),
        ]
    }
}

#[tokio::test]
async fn trades_refuse_a_pool_vault_as_the_users_account() {
    let mut s = setup().await;
    let (keys, h, watched) = (s.keys, s.holder.pubkey(), s.watched());
    let holder = s.holder.insecure_clone();
    let e = bc_err(bonding_curve::error::BondingCurveError::ProgramVaultAsUserAccount);
    // Buying into the base vault: the pool would "pay" itself the tokens.
    let acc = ix::swap_accounts_with(&h, &keys, keys.base_vault, keys.quote_ata(&h));
    s.env.expect_failure(&[ix::buy_exact_in(acc, QUOTE, 1)], &[&holder], e.clone(), &watched).await;
    // Selling into the quote vault: the pool would "pay" itself the quote.
    let acc = ix::swap_accounts_with(&h, &keys, keys.base_ata(&h), keys.quote_vault);
    s.env.expect_failure(&[ix::sell_exact_in(acc, TOKEN, 1)], &[&holder], e, &watched).await;
}

#[tokio::test]
async fn fee_claims_refuse_the_pools_quote_vault_as_destination() {
    let mut s = setup().await;
    let (keys, watched) = (s.keys, s.watched());
    let creator = s.creator.insecure_clone();
    let e = bc_err(bonding_curve::error::BondingCurveError::ProgramVaultAsUserAccount);
    // The creator's claim (agent-factory signs as the agent, bonding-curve pays).
    s.env.expect_failure(&[ix::claim_creator_fees(&creator.pubkey(), &keys, keys.quote_vault)], &[&creator], e.clone(), &watched).await;
    // The permissionless protocol claim.
    s.env.expect_failure(&[ix::claim_protocol_fees(&keys, keys.quote_vault)], &[], e, &watched).await;
}

#[tokio::test]
async fn stake_pool_payouts_refuse_the_pools_own_vaults() {
    let mut s = setup().await;
    let (keys, h, watched) = (s.keys, s.holder.pubkey(), s.watched());
    let holder = s.holder.insecure_clone();
    let pool = st::pool(&keys.base_mint);
    let (stake_vault, reward_vault) = (st::vault(&pool), st::reward_vault(&pool, &s.protocol.quote_mint));
    let e = rs_err(revenue_share::error::RevenueShareError::ProgramVaultAsUserAccount);
    // Withdrawing the unstaked tokens back into the stake vault.
    let withdraw = swap_account(stake::withdraw(&h, &keys.base_mint), keys.base_ata(&h), stake_vault);
    s.env.expect_failure(&[withdraw], &[&holder], e.clone(), &watched).await;
    // Claiming rewards into the reward vault they come from, or into the stake vault.
    for destination in [reward_vault, stake_vault] {
        let group = (s.protocol.quote_mint, reward_vault, destination, s.protocol.quote_token_program);
        s.env.expect_failure(&[stake::claim(&h, &h, &keys.base_mint, &[group])], &[&holder], e.clone(), &watched).await;
    }
    // The same payouts to the holder's own accounts go through.
    s.env.send(&[stake::withdraw(&h, &keys.base_mint)], &[&holder]).await.unwrap();
    let group = stake::reward(&h, &keys.base_mint, &s.protocol.quote_mint, &s.protocol.quote_token_program);
    s.env.send(&[stake::claim(&h, &h, &keys.base_mint, &[group])], &[&holder]).await.unwrap();
}

#[tokio::test]
async fn fee_vault_flows_refuse_program_vaults_as_user_accounts() {
    let mut s = setup().await;
    let (keys, h, watched) = (s.keys, s.holder.pubkey(), s.watched());
    let holder = s.holder.insecure_clone();
    let (q, tp) = (s.protocol.quote_mint, s.protocol.quote_token_program);
    let vault_tokens = fa::vault_tokens(&fa::vault(&keys.base_mint, &q));
    let reward_vault = st::reward_vault(&st::pool(&keys.base_mint), &q);
    let e = fa_err(fee_aggregator::error::FeeAggregatorError::ProgramVaultAsUserAccount);
    // A deposit from the vault's own token account.
    s.env.expect_failure(&[fees::deposit(&h, vault_tokens, &keys.base_mint, &q, &tp, QUOTE)], &[&holder], e.clone(), &watched).await;
    // Distribution paying the creator's or the protocol's share into a program vault.
    let creator = s.env.fund_quote(&s.protocol, &s.creator.pubkey(), 0).await;
    let protocol = addr::ata(&s.protocol.fee_recipient.pubkey(), &q, &tp);
    for (c, p) in [(vault_tokens, protocol), (reward_vault, protocol), (creator, vault_tokens), (creator, reward_vault)] {
        s.env.expect_failure(&[fees::distribute(&keys.base_mint, &q, &tp, c, p)], &[], e.clone(), &watched).await;
    }
    s.env.send(&[fees::distribute(&keys.base_mint, &q, &tp, creator, protocol)], &[]).await.unwrap();
}
