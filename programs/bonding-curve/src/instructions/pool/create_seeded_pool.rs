use agentpad_common::emit_event;
use agentpad_common::ids::LAUNCHER;
use agentpad_common::mint_screen::screen_mint;
use agentpad_common::token::transfer;
use agentpad_math::pool::Market;
use anchor_lang::prelude::*;
use anchor_spl::token_2022::Token2022;
use anchor_spl::token_interface::{Mint, TokenInterface};

use super::create_pool::{Opening, PoolAccounts, open_pool};
use crate::constants::{AGENT_TOKEN_DECIMALS, seeds};
use crate::error::BondingCurveError;
use crate::event::PoolGraduated;
use crate::state::Preset;

/// Opens a constant-product pool for an agent token that already exists — a bridged
/// agent's, whose supply lives on another chain — over liquidity the provider brings. It
/// starts graduated: the same trades, fees and three fee buckets as a graduated pool, and
/// the liquidity is locked the same way (no LP tokens; no instruction withdraws reserves).
/// Only agent-factory's launcher PDA may call it.
#[event_cpi]
#[derive(Accounts)]
pub struct CreateSeededPool<'info> {
    #[account(mut)]
    pub payer: Signer<'info>,
    #[account(address = LAUNCHER @ BondingCurveError::NotLauncher)]
    pub launcher: Signer<'info>,
    /// Brings the seed liquidity from its own token accounts.
    pub provider: Signer<'info>,
    pub preset: AccountLoader<'info, Preset>,
    #[account(
        mint::token_program = base_token_program,
        constraint = base_mint.decimals == AGENT_TOKEN_DECIMALS @ BondingCurveError::InvalidBaseMint,
    )]
    pub base_mint: Box<InterfaceAccount<'info, Mint>>,
    #[account(mint::token_program = quote_token_program)]
    pub quote_mint: Box<InterfaceAccount<'info, Mint>>,
    /// CHECK: created here at its PDA (the seeds constraint checks the address).
    #[account(mut, seeds = [seeds::POOL, base_mint.key().as_ref()], bump)]
    pub pool: UncheckedAccount<'info>,
    /// CHECK: created here: a token account of the base mint owned by the pool.
    #[account(mut, seeds = [seeds::BASE_VAULT, pool.key().as_ref()], bump)]
    pub base_vault: UncheckedAccount<'info>,
    /// CHECK: created here: a token account of the quote mint owned by the pool.
    #[account(mut, seeds = [seeds::QUOTE_VAULT, pool.key().as_ref()], bump)]
    pub quote_vault: UncheckedAccount<'info>,
    /// CHECK: the provider's agent tokens; the token program checks owner and mint.
    #[account(mut, constraint = provider_base_account.key() != base_vault.key() @ BondingCurveError::ProgramVaultAsUserAccount)]
    pub provider_base_account: UncheckedAccount<'info>,
    /// CHECK: the provider's quote tokens; the token program checks owner and mint.
    #[account(mut, constraint = provider_quote_account.key() != quote_vault.key() @ BondingCurveError::ProgramVaultAsUserAccount)]
    pub provider_quote_account: UncheckedAccount<'info>,
    pub base_token_program: Program<'info, Token2022>,
    pub quote_token_program: Interface<'info, TokenInterface>,
    pub system_program: Program<'info, System>,
}

impl CreateSeededPool<'_> {
    fn validate(&self) -> Result<()> {
        require_keys_eq!(self.preset.load()?.quote_mint, self.quote_mint.key(), BondingCurveError::QuoteMintMismatch);
        screen_mint(&self.quote_mint.to_account_info()).map_err(BondingCurveError::from)?;
        Ok(())
    }
}

#[access_control(ctx.accounts.validate())]
pub fn handle_create_seeded_pool(ctx: Context<CreateSeededPool>, base_amount: u64, quote_amount: u64, creator_fee_authority: Pubkey) -> Result<()> {
    let a = &ctx.accounts;
    let params = a.preset.load()?.params;
    let market = Market::seeded(params.curve(), params.fee_split(), quote_amount, base_amount).map_err(BondingCurveError::from)?;
    let accounts = PoolAccounts {
        payer: &a.payer,
        preset: &a.preset,
        base_mint: &a.base_mint,
        quote_mint: &a.quote_mint,
        pool: &a.pool,
        base_vault: &a.base_vault,
        quote_vault: &a.quote_vault,
        base_token_program: &a.base_token_program,
        quote_token_program: &a.quote_token_program,
        system_program: &a.system_program,
    };
    let bumps = [ctx.bumps.pool, ctx.bumps.base_vault, ctx.bumps.quote_vault];
    let created = open_pool(&accounts, bumps, creator_fee_authority, Opening::Seeded(market.reserves))?;

    // The seed, from the provider into the vaults: the reserves are these amounts exactly.
    let provider = a.provider.to_account_info();
    transfer(&a.base_token_program.to_account_info(), &a.provider_base_account, &a.base_mint.to_account_info(), &a.base_vault, &provider, base_amount, a.base_mint.decimals, &[])?;
    transfer(&a.quote_token_program.to_account_info(), &a.provider_quote_account, &a.quote_mint.to_account_info(), &a.quote_vault, &provider, quote_amount, a.quote_mint.decimals, &[])?;

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
