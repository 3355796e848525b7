use agentpad_common::emit_event;
use anchor_lang::prelude::*;
use anchor_spl::token_interface::{TokenAccount, TokenInterface};

use super::pay_out_bucket;
use crate::constants::CONFIG_ADDRESS;
use crate::error::BondingCurveError;
use crate::event::FeesClaimed;
use crate::state::{Config, FeeBucket, Pool};

/// Pays the pool's protocol bucket to a token account of the protocol fee recipient.
/// Permissionless: anyone may crank it, the money can only go to the recipient.
#[event_cpi]
#[derive(Accounts)]
pub struct ClaimProtocolFees<'info> {
    #[account(address = CONFIG_ADDRESS)]
    pub config: Account<'info, Config>,
    #[account(
        mut,
        has_one = quote_vault @ BondingCurveError::VaultMismatch,
        has_one = quote_mint @ BondingCurveError::InvalidMint,
        has_one = quote_token_program @ BondingCurveError::InvalidTokenProgram,
    )]
    pub pool: AccountLoader<'info, Pool>,
    /// CHECK: the pool's quote vault (`has_one`).
    #[account(mut)]
    pub quote_vault: UncheckedAccount<'info>,
    /// CHECK: the pool's quote mint (`has_one`).
    pub quote_mint: UncheckedAccount<'info>,
    /// `dup`: a token account, never written back here (see `Swap`).
    #[account(
        mut,
        dup,
        constraint = recipient_token_account.key() != quote_vault.key() @ BondingCurveError::ProgramVaultAsUserAccount,
        constraint = recipient_token_account.owner == config.protocol_fee_recipient @ BondingCurveError::WrongRecipient,
        constraint = recipient_token_account.mint == quote_mint.key() @ BondingCurveError::TokenAccountMintMismatch,
    )]
    pub recipient_token_account: Box<InterfaceAccount<'info, TokenAccount>>,
    pub quote_token_program: Interface<'info, TokenInterface>,
}

pub fn handle_claim_protocol_fees(ctx: Context<ClaimProtocolFees>) -> Result<()> {
    let a = &ctx.accounts;
    let amount = pay_out_bucket(
        &a.pool,
        FeeBucket::Protocol,
        &a.quote_vault.to_account_info(),
        &a.quote_mint.to_account_info(),
        &a.recipient_token_account.to_account_info(),
        &a.quote_token_program.to_account_info(),
    )?;
    emit_event!(ctx, FeesClaimed {
        pool: a.pool.key(),
        bucket: FeeBucket::Protocol,
        amount,
        destination: a.recipient_token_account.key(),
    });
    Ok(())
}
