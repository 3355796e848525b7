//! Balance conservation: a long random trade sequence through the real programs, across
//! graduation, with fee claims in between. After every step the vaults hold exactly the
//! reserves plus the fee buckets, and no quote or base unit appears or disappears.
#![allow(deprecated)]

use agentpad_tests::accounts::PoolKeys;
use agentpad_tests::presets::{QUOTE, TOKEN};
use agentpad_tests::{Env, ix};
use bonding_curve::state::phase;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use solana_sdk::signature::{Keypair, Signer};

const TRADERS: usize = 6;
const STEPS: usize = 400;
const START_QUOTE: u64 = 40 * QUOTE;

async fn check_books(env: &mut Env, keys: &PoolKeys) {
    let pool = env.pool(keys).await;
    let quote_vault = env.token_balance(keys.quote_vault).await;
    let base_vault = env.token_balance(keys.base_vault).await;
    assert_eq!(quote_vault, pool.quote_reserve + pool.protocol_fees + pool.creator_fees + pool.agent_fees, "quote vault = reserve + buckets");
    let held_back = if pool.phase == phase::GRADUATED { 0 } else { pool.params.graduated_supply };
    assert_eq!(base_vault, pool.base_reserve + held_back, "base vault = reserve (+ held-back supply)");
}

#[tokio::test]
async fn random_trading_conserves_every_unit() {
    let mut rng = ChaCha8Rng::seed_from_u64(0xA6E4_7BAD);
    let mut env = Env::start().await;
    let protocol = env.setup_protocol().await;
    let creator = env.new_user(10 * QUOTE).await;
    let keys = env.launch(&protocol, &creator).await;
    let mut traders: Vec<Keypair> = Vec::new();
    for _ in 0..TRADERS {
        traders.push(env.trader(&protocol, &keys, START_QUOTE).await);
    }
    let recipient_ata = env.fund_quote(&protocol, &protocol.fee_recipient.pubkey(), 0).await;
    let creator_ata = env.fund_quote(&protocol, &creator.pubkey(), 0).await;
    let total_supply = protocol.params.curve_supply + protocol.params.graduated_supply;

    let (mut ok, mut refused, mut graduated_at) = (0, 0, None);
    for step in 0..STEPS {
        let t = &traders[rng.gen_range(0..TRADERS)];
        let u = t.pubkey();
        let base_held = env.token_balance(keys.base_ata(&u)).await;
        let result = match rng.gen_range(0..10) {
            0..=4 => {
                let amount = rng.gen_range(1..=8 * QUOTE);
                env.send(&[ix::buy_exact_in(ix::swap_accounts(&u, &keys), amount, 0)], &[t]).await
            }
            5..=6 => {
                let amount = rng.gen_range(1..=40_000_000 * TOKEN);
                env.send(&[ix::buy_exact_out(ix::swap_accounts(&u, &keys), amount, u64::MAX)], &[t]).await
            }
            7..=8 if base_held > 0 => {
                let amount = rng.gen_range(1..=base_held / 2 + 1);
                env.send(&[ix::sell_exact_in(ix::swap_accounts(&u, &keys), amount, 0)], &[t]).await
            }
            _ => match rng.gen_range(0..2) {
                0 => env.send(&[ix::claim_protocol_fees(&keys, recipient_ata)], &[]).await,
                _ => env.send(&[ix::claim_creator_fees(&creator.pubkey(), &keys, creator_ata)], &[&creator]).await,
            },
        };
        if result.is_ok() { ok += 1 } else { refused += 1 }
        if env.pool(&keys).await.phase == phase::COMPLETE {
            env.send(&[ix::graduate(&keys.pool)], &[]).await.unwrap();
            graduated_at = Some(step);
        }
        check_books(&mut env, &keys).await;
    }

    // Conservation of quote: traders' start funds = their balances + vault + claimed fees.
    let mut quote_out_there = env.token_balance(keys.quote_vault).await + env.token_balance(recipient_ata).await + env.token_balance(creator_ata).await;
    let mut base_out_there = env.token_balance(keys.base_vault).await;
    for t in &traders {
        quote_out_there += env.token_balance(keys.quote_ata(&t.pubkey())).await;
        base_out_there += env.token_balance(keys.base_ata(&t.pubkey())).await;
    }
    assert_eq!(quote_out_there, START_QUOTE * TRADERS as u64);
    assert_eq!(base_out_there, total_supply);
    assert!(graduated_at.is_some(), "the sequence should cross graduation");
    assert!(ok > STEPS / 2, "most steps should trade (ok {ok}, refused {refused})");
    println!("steps ok {ok}, refused {refused}, graduated at step {graduated_at:?}");
}
