//! Account groups more than one instruction takes, written once (Anchor composite
//! `Accounts`: the group's accounts sit together in each instruction's list, and the IDL
//! and clients name them under the group's field).

use agentpad_common::account::{create_rent_exempt, init_zero_copy};
use agentpad_common::ids::LAUNCHER;
use agentpad_common::mint_screen::screen_mint;
use agentpad_common::token::{create_token_account, transfer};
use agentpad_math::pool::Reserves;
use anchor_lang::prelude::*;
use anchor_spl::token_2022::Token2022;
use anchor_spl::token_interface::{Mint, TokenInterface};

use crate::constants::{AGENT_TOKEN_DECIMALS, seeds};
use crate::error::BondingCurveError;
use crate::event::PoolCreated;
use crate::state::{FeeBucket, Pool, Preset, phase, pool_signer_seeds, space_with_segments, stored_segments};

/// A pool with its quote side: the quote vault, mint and token program it stored. Every
/// trade and every fee claim moves quote tokens through these.
#[derive(Accounts)]
pub struct PoolQuoteSide<'info> {
    #[account(
        mut,
        has_one = quote_vault @ BondingCurveError::VaultMismatch,
        has_one = quote_mint @ BondingCurveError::InvalidMint,
        has_one = quote_token_program @ BondingCurveError::InvalidTokenProgram,
    )]
    pub pool: AccountLoader<'info, Pool>,
    /// CHECK: the pool's quote vault (`has_one`); the token program moves its tokens.
    #[account(mut)]
    pub quote_vault: UncheckedAccount<'info>,
    /// CHECK: the pool's quote mint (`has_one`); `transfer_checked` checks its decimals.
    pub quote_mint: UncheckedAccount<'info>,
    pub quote_token_program: Interface<'info, TokenInterface>,
}

impl<'info> PoolQuoteSide<'info> {
    /// Moves `amount` quote tokens between the pool's vault and `other`: in from `other`
    /// (signed by `authority`), or out to it (signed by the pool).
    pub fn transfer_in(&self, from: &AccountInfo<'info>, authority: &AccountInfo<'info>, amount: u64, decimals: u8) -> Result<()> {
        transfer(&self.program(), from, &self.quote_mint.to_account_info(), &self.quote_vault.to_account_info(), authority, amount, decimals, &[])
    }

    /// Pays `amount` quote tokens out of the pool's vault, signed by the pool.
    pub fn transfer_out(&self, to: &AccountInfo<'info>, amount: u64, decimals: u8, pool_signer: &[&[&[u8]]]) -> Result<()> {
        transfer(&self.program(), &self.quote_vault.to_account_info(), &self.quote_mint.to_account_info(), to, &self.pool.to_account_info(), amount, decimals, pool_signer)
    }

    /// Empties `bucket` into `destination`, signed by the pool. Returns the amount paid.
    pub fn pay_out(&self, bucket: FeeBucket, destination: &AccountInfo<'info>) -> Result<u64> {
        let (amount, base_mint, bump, decimals) = {
            let mut state = self.pool.load_mut()?;
            (state.take_fees(bucket)?, state.base_mint, [state.bump], state.quote_decimals)
        };
        let seeds = pool_signer_seeds(&base_mint, &bump);
        self.transfer_out(destination, amount, decimals, &[&seeds])?;
        Ok(amount)
    }

    fn program(&self) -> AccountInfo<'info> {
        self.quote_token_program.to_account_info()
    }
}

/// A pool about to be created, with its two vaults, for an agent token's mint: what
/// `create_pool` (a launch) and `create_seeded_pool` (a bridged agent) both take. Only
/// agent-factory's launcher PDA may create pools.
#[derive(Accounts)]
pub struct NewPool<'info> {
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

/// How a pool starts: on its bonding curve (a launch), or as a constant-product pool over
/// seeded reserves (a bridged agent's; `Market::seeded`).
pub enum Opening {
    Curve,
    Seeded(Reserves),
}

impl NewPool<'_> {
    pub fn validate(&self) -> Result<()> {
        require_keys_eq!(self.preset.load()?.quote_mint, self.quote_mint.key(), BondingCurveError::QuoteMintMismatch);
        // The preset screened its quote mint, but extensions can be added to a mint's
        // authority-controlled config later; screen again at the moment a pool binds it.
        screen_mint(&self.quote_mint.to_account_info()).map_err(BondingCurveError::from)?;
        Ok(())
    }

    /// Creates the pool and its two vaults at their PDAs (`bumps` = pool, base vault, quote
    /// vault) and writes the pool with the preset's economics snapshotted. Returns the
    /// `PoolCreated` event.
    pub fn open(&self, bumps: [u8; 3], creator_fee_authority: Pubkey, opening: Opening) -> Result<PoolCreated> {
        let (params, clock, rent) = (self.preset.load()?.params, Clock::get()?, Rent::get()?);
        let (system, payer) = (self.system_program.to_account_info(), self.payer.to_account_info());
        let (pool_key, base_mint) = (self.pool.key(), self.base_mint.key());
        let pool_bump = [bumps[0]];
        let space = space_with_segments::<Pool>(params.extra_segments as usize);
        let pool_info = self.pool.to_account_info();
        create_rent_exempt(&system, &payer, &pool_info, space, &crate::ID, &pool_signer_seeds(&base_mint, &pool_bump), &rent)?;
        for (vault, seed, bump, mint, program) in [
            (&self.base_vault, seeds::BASE_VAULT, bumps[1], self.base_mint.to_account_info(), self.base_token_program.to_account_info()),
            (&self.quote_vault, seeds::QUOTE_VAULT, bumps[2], self.quote_mint.to_account_info(), self.quote_token_program.to_account_info()),
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
            quote_mint: self.quote_mint.key(),
            base_vault: self.base_vault.key(),
            quote_vault: self.quote_vault.key(),
            quote_token_program: self.quote_token_program.key(),
            preset: self.preset.key(),
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
            base_decimals: self.base_mint.decimals,
            quote_decimals: self.quote_mint.decimals,
            _padding: [0; 4],
            _reserved: [0; 8],
        };
        drop(pool);
        // The curve's further segments, snapshotted after the fixed part like the parameters.
        let preset_data = self.preset.to_account_info();
        let preset_data = preset_data.try_borrow_data()?;
        let segments = stored_segments::<Preset>(&preset_data, params.extra_segments)?;
        pool_info.try_borrow_mut_data()?[space_with_segments::<Pool>(0)..].copy_from_slice(bytemuck::cast_slice(segments));
        Ok(PoolCreated {
            pool: pool_key,
            base_mint,
            quote_mint: self.quote_mint.key(),
            preset: self.preset.key(),
            creator_fee_authority,
            params,
            launch_timestamp: clock.unix_timestamp,
        })
    }
}
