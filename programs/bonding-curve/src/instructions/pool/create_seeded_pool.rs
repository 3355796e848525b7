use agentpad_common::emit_event;
use agentpad_common::token::transfer;
use agentpad_math::pool::Market;
use anchor_lang::prelude::*;

use crate::error::BondingCurveError;
use crate::event::PoolGraduated;
use crate::instructions::groups::*;

/// Opens a constant-product pool for an agent token that already exists — a bridged
/// agent's, whose supply lives on another chain — over liquidity the provider brings. It
/// starts graduated: the same trades, fees and three fee buckets as a graduated pool, and
/// the liquidity is locked the same way (no LP tokens; no instruction withdraws reserves).
/// Only agent-factory's launcher PDA may call it.
#[event_cpi]
#[derive(Accounts)]
pub struct CreateSeededPool<'info> {
    pub new_pool: NewPool<'info>,
    /// Brings the seed liquidity from its own token accounts.
    pub provider: Signer<'info>,
    /// CHECK: the provider's agent tokens; the token program checks owner and mint.
    #[account(mut, constraint = provider_base_account.key() != new_pool.base_vault.key() @ BondingCurveError::ProgramVaultAsUserAccount)]
    pub provider_base_account: UncheckedAccount<'info>,
    /// CHECK: the provider's quote tokens; the token program checks owner and mint.
    #[account(mut, constraint = provider_quote_account.key() != new_pool.quote_vault.key() @ BondingCurveError::ProgramVaultAsUserAccount)]
    pub provider_quote_account: UncheckedAccount<'info>,
}

#[access_control(ctx.accounts.new_pool.validate())]
pub fn handle_create_seeded_pool(ctx: Context<CreateSeededPool>, base_amount: u64, quote_amount: u64, creator_fee_authority: Pubkey) -> Result<()> {
    let (a, n) = (&ctx.accounts, &ctx.accounts.new_pool);
    let params = n.preset.load()?.params;
    let market = Market::seeded(params.curve(), params.fee_split(), quote_amount, base_amount).map_err(BondingCurveError::from)?;
    let b = &ctx.bumps.new_pool;
    let created = n.open([b.pool, b.base_vault, b.quote_vault], creator_fee_authority, Opening::Seeded(market.reserves))?;

    // The seed, from the provider into the vaults: the reserves are these amounts exactly.
    let provider = a.provider.to_account_info();
    transfer(&n.base_token_program.to_account_info(), &a.provider_base_account, &n.base_mint.to_account_info(), &n.base_vault, &provider, base_amount, n.base_mint.decimals, &[])?;
    transfer(&n.quote_token_program.to_account_info(), &a.provider_quote_account, &n.quote_mint.to_account_info(), &n.quote_vault, &provider, quote_amount, n.quote_mint.decimals, &[])?;

    let graduated = PoolGraduated {
        pool: created.pool,
        base_mint: created.base_mint,
        quote_reserve: market.reserves.quote,
        base_reserve: market.reserves.base,
        price_q64: market.price_q64().map_err(BondingCurveError::from)?,
        timestamp: created.launch_timestamp,
    };
    emit_event!(ctx, created);
    emit_event!(ctx, graduated);
    Ok(())
}
