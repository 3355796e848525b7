//! Account groups more than one instruction takes, written once (Anchor composite
//! `Accounts`: the group's accounts sit together in each instruction's list, and the IDL
//! and clients name them under the group's field).

use agentpad_common::token::transfer;
use anchor_lang::prelude::*;
use anchor_spl::token_interface::TokenInterface;

use crate::error::BondingCurveError;
use crate::state::{FeeBucket, Pool, pool_signer_seeds};

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
