use agentpad_common::account::{create_rent_exempt, init_zero_copy};
use agentpad_common::ids::LAUNCHER;
use agentpad_common::token::create_token_account;
use agentpad_common::mint_screen::screen_mint;
use agentpad_common::emit_event;
use anchor_lang::prelude::*;
use anchor_spl::token_2022::Token2022;
use anchor_spl::token_interface::{Mint, TokenInterface};

use crate::constants::{AGENT_TOKEN_DECIMALS, seeds};
use crate::error::BondingCurveError;
use crate::event::PoolCreated;
use crate::state::{Pool, Preset, phase, pool_signer_seeds, space_with_segments, stored_segments};
use agentpad_math::pool::Reserves;

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
    /// CHECK: created here at its PDA (the seeds constraint checks the address).
    #[account(mut, seeds = [seeds::POOL, base_mint.key().as_ref()], bump)]
    pub pool: UncheckedAccount<'info>,
    /// CHECK: created here: a token account of the base mint owned by the pool.
    #[account(mut, seeds = [seeds::BASE_VAULT, pool.key().as_ref()], bump)]
    pub base_vault: UncheckedAccount<'info>,
    /// CHECK: created here: a token account of the quote mint owned by the pool.
    #[account(mut, seeds = [seeds::QUOTE_VAULT, pool.key().as_ref()], bump)]
    pub quote_vault: UncheckedAccount<'info>,
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
    let bumps = [ctx.bumps.pool, ctx.bumps.base_vault, ctx.bumps.quote_vault];
    let event = open_pool(&ctx.accounts.pool_accounts(), bumps, creator_fee_authority, Opening::Curve)?;
    emit_event!(ctx, event);
    Ok(())
}

impl<'info> CreatePool<'info> {
    fn pool_accounts(&self) -> PoolAccounts<'_, 'info> {
        PoolAccounts {
            payer: &self.payer,
            preset: &self.preset,
            base_mint: &self.base_mint,
            quote_mint: &self.quote_mint,
            pool: &self.pool,
            base_vault: &self.base_vault,
            quote_vault: &self.quote_vault,
            base_token_program: &self.base_token_program,
            quote_token_program: &self.quote_token_program,
            system_program: &self.system_program,
        }
    }
}

/// The accounts a new pool is made of, as `create_pool` and `create_seeded_pool` take them.
pub(crate) struct PoolAccounts<'a, 'info> {
    pub payer: &'a Signer<'info>,
    pub preset: &'a AccountLoader<'info, Preset>,
    pub base_mint: &'a InterfaceAccount<'info, Mint>,
    pub quote_mint: &'a InterfaceAccount<'info, Mint>,
    pub pool: &'a UncheckedAccount<'info>,
    pub base_vault: &'a UncheckedAccount<'info>,
    pub quote_vault: &'a UncheckedAccount<'info>,
    pub base_token_program: &'a Program<'info, Token2022>,
    pub quote_token_program: &'a Interface<'info, TokenInterface>,
    pub system_program: &'a Program<'info, System>,
}

/// How a pool starts: on its bonding curve (a launch), or as a constant-product pool over
/// seeded reserves (a bridged agent's; `Market::seeded`).
pub(crate) enum Opening {
    Curve,
    Seeded(Reserves),
}

/// Creates the pool and its two vaults at their PDAs (the callers' seeds constraints checked
/// the addresses; `bumps` = pool, base vault, quote vault) and writes the pool with the
/// preset's economics snapshotted. Returns the `PoolCreated` event.
pub(crate) fn open_pool(a: &PoolAccounts, bumps: [u8; 3], creator_fee_authority: Pubkey, opening: Opening) -> Result<PoolCreated> {
    let (params, clock, rent) = (a.preset.load()?.params, Clock::get()?, Rent::get()?);
    let (system, payer) = (a.system_program.to_account_info(), a.payer.to_account_info());
    let (pool_key, base_mint) = (a.pool.key(), a.base_mint.key());
    let pool_bump = [bumps[0]];
    let space = space_with_segments::<Pool>(params.extra_segments as usize);
    let pool_info = a.pool.to_account_info();
    create_rent_exempt(&system, &payer, &pool_info, space, &crate::ID, &pool_signer_seeds(&base_mint, &pool_bump), &rent)?;
    for (vault, seed, bump, mint, program) in [
        (a.base_vault, seeds::BASE_VAULT, bumps[1], a.base_mint.to_account_info(), a.base_token_program.to_account_info()),
        (a.quote_vault, seeds::QUOTE_VAULT, bumps[2], a.quote_mint.to_account_info(), a.quote_token_program.to_account_info()),
    ] {
        let vault_seeds: &[&[u8]] = &[seed, pool_key.as_ref(), &[bump]];
        create_token_account(&system, &program, &payer, &vault.to_account_info(), &mint, &pool_key, vault_seeds, &rent)?;
    }

    let (reserves, phase, graduation_timestamp) = match opening {
        Opening::Curve => (Reserves { quote: 0, base: params.curve_supply }, phase::CURVE, 0),
        Opening::Seeded(reserves) => (reserves, phase::GRADUATED, clock.unix_timestamp),
    };
    let mut pool = init_zero_copy::<Pool>(&pool_info)?;
    *pool = Pool {
        base_mint,
        quote_mint: a.quote_mint.key(),
        base_vault: a.base_vault.key(),
        quote_vault: a.quote_vault.key(),
        quote_token_program: a.quote_token_program.key(),
        preset: a.preset.key(),
        creator_fee_authority,
        params,
        quote_reserve: reserves.quote,
        base_reserve: reserves.base,
        protocol_fees: 0,
        creator_fees: 0,
        agent_fees: 0,
        total_protocol_fees: 0,
        total_creator_fees: 0,
        total_agent_fees: 0,
        launch_timestamp: clock.unix_timestamp,
        graduation_timestamp,
        created_slot: clock.slot,
        phase,
        bump: bumps[0],
        base_decimals: a.base_mint.decimals,
        quote_decimals: a.quote_mint.decimals,
        _padding: [0; 4],
        _reserved: [0; 8],
    };
    drop(pool);
    // The curve's further segments, snapshotted after the fixed part like the parameters.
    let preset_data = a.preset.to_account_info();
    let preset_data = preset_data.try_borrow_data()?;
    let segments = stored_segments::<Preset>(&preset_data, params.extra_segments)?;
    pool_info.try_borrow_mut_data()?[space_with_segments::<Pool>(0)..].copy_from_slice(bytemuck::cast_slice(segments));
    Ok(PoolCreated {
        pool: pool_key,
        base_mint,
        quote_mint: a.quote_mint.key(),
        preset: a.preset.key(),
        creator_fee_authority,
        params,
        launch_timestamp: clock.unix_timestamp,
    })
}
