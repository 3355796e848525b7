use agentpad_common::ids::LAUNCHER;
use agentpad_common::mint_screen::screen_mint;
use agentpad_common::emit_event;
use anchor_lang::prelude::*;
use anchor_spl::token_2022::Token2022;
use anchor_spl::token_interface::{Mint, TokenAccount, TokenInterface};

use crate::constants::{AGENT_TOKEN_DECIMALS, seeds};
use crate::error::BondingCurveError;
use crate::event::PoolCreated;
use crate::state::{Pool, Preset, phase, space_with_segments, stored_segments};

/// Creates a pool and its two vaults for a freshly launched agent token. Only the
/// agent-factory's launcher PDA may call it (it then mints the whole supply into the base
/// vault and drops the mint authority, in the same instruction).
#[event_cpi]
#[derive(Accounts)]
pub struct CreatePool<'info> {
    #[account(mut)]
    pub payer: Signer<'info>,
    #[account(address = LAUNCHER @ BondingCurveError::NotLauncher)]
    pub launcher: Signer<'info>,
    pub preset: AccountLoader<'info, Preset>,
    #[account(
        mint::token_program = base_token_program,
        constraint = base_mint.decimals == AGENT_TOKEN_DECIMALS @ BondingCurveError::InvalidBaseMint,
    )]
    pub base_mint: Box<InterfaceAccount<'info, Mint>>,
    #[account(mint::token_program = quote_token_program)]
    pub quote_mint: Box<InterfaceAccount<'info, Mint>>,
    #[account(
        init,
        payer = payer,
        space = space_with_segments::<Pool>(preset.load()?.params.extra_segments as usize),
        seeds = [seeds::POOL, base_mint.key().as_ref()],
        bump,
    )]
    pub pool: AccountLoader<'info, Pool>,
    #[account(
        init,
        payer = payer,
        seeds = [seeds::BASE_VAULT, pool.key().as_ref()],
        bump,
        token::mint = base_mint,
        token::authority = pool,
        token::token_program = base_token_program,
    )]
    pub base_vault: Box<InterfaceAccount<'info, TokenAccount>>,
    #[account(
        init,
        payer = payer,
        seeds = [seeds::QUOTE_VAULT, pool.key().as_ref()],
        bump,
        token::mint = quote_mint,
        token::authority = pool,
        token::token_program = quote_token_program,
    )]
    pub quote_vault: Box<InterfaceAccount<'info, TokenAccount>>,
    pub base_token_program: Program<'info, Token2022>,
    pub quote_token_program: Interface<'info, TokenInterface>,
    pub system_program: Program<'info, System>,
}

impl CreatePool<'_> {
    fn validate(&self) -> Result<()> {
        require_keys_eq!(self.preset.load()?.quote_mint, self.quote_mint.key(), BondingCurveError::QuoteMintMismatch);
        // The preset screened its quote mint, but extensions can be added to a mint's
        // authority-controlled config later; screen again at the moment a pool binds it.
        screen_mint(&self.quote_mint.to_account_info()).map_err(BondingCurveError::from)?;
        Ok(())
    }
}

#[access_control(ctx.accounts.validate())]
pub fn handle_create_pool(ctx: Context<CreatePool>, creator_fee_authority: Pubkey) -> Result<()> {
    let accounts = &ctx.accounts;
    let params = accounts.preset.load()?.params;
    let clock = Clock::get()?;
    let mut pool = accounts.pool.load_init()?;
    *pool = Pool {
        base_mint: accounts.base_mint.key(),
        quote_mint: accounts.quote_mint.key(),
        base_vault: accounts.base_vault.key(),
        quote_vault: accounts.quote_vault.key(),
        quote_token_program: accounts.quote_token_program.key(),
        preset: accounts.preset.key(),
        creator_fee_authority,
        params,
        quote_reserve: 0,
        base_reserve: params.curve_supply,
        protocol_fees: 0,
        creator_fees: 0,
        agent_fees: 0,
        total_protocol_fees: 0,
        total_creator_fees: 0,
        total_agent_fees: 0,
        launch_timestamp: clock.unix_timestamp,
        graduation_timestamp: 0,
        created_slot: clock.slot,
        phase: phase::CURVE,
        bump: ctx.bumps.pool,
        base_decimals: accounts.base_mint.decimals,
        quote_decimals: accounts.quote_mint.decimals,
        _padding: [0; 4],
        _reserved: [0; 8],
    };
    drop(pool);
    // The curve's further segments, snapshotted after the fixed part like the parameters.
    let preset_data = accounts.preset.to_account_info();
    let preset_data = preset_data.try_borrow_data()?;
    let segments = stored_segments::<Preset>(&preset_data, params.extra_segments)?;
    let pool_info = accounts.pool.to_account_info();
    pool_info.try_borrow_mut_data()?[space_with_segments::<Pool>(0)..].copy_from_slice(bytemuck::cast_slice(segments));
    let event = PoolCreated {
        pool: accounts.pool.key(),
        base_mint: accounts.base_mint.key(),
        quote_mint: accounts.quote_mint.key(),
        preset: accounts.preset.key(),
        creator_fee_authority,
        params,
        launch_timestamp: clock.unix_timestamp,
    };
    emit_event!(ctx, event);
    Ok(())
}
