use agentpad_common::emit_event;
use anchor_lang::prelude::*;
use anchor_spl::token_interface::{TokenAccount, TokenInterface};

use super::pay_out_bucket;
use crate::error::BondingCurveError;
use crate::event::FeesClaimed;
use crate::state::{FeeBucket, Pool};

/// Pays the pool's creator bucket. Signed by the pool's creator-fee authority: the agent
/// record, through agent-factory's `claim_creator_fees`, which checks the current creator.
#[event_cpi]
#[derive(Accounts)]
pub struct ClaimCreatorFees<'info> {
    pub creator_fee_authority: Signer<'info>,
    #[account(
        mut,
        has_one = creator_fee_authority @ BondingCurveError::NotCreatorFeeAuthority,
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
        constraint = destination.mint == quote_mint.key() @ BondingCurveError::TokenAccountMintMismatch,
        constraint = destination.key() != quote_vault.key() @ BondingCurveError::ProgramVaultAsUserAccount,
    )]
    pub destination: Box<InterfaceAccount<'info, TokenAccount>>,
    pub quote_token_program: Interface<'info, TokenInterface>,
}

pub fn handle_claim_creator_fees(ctx: Context<ClaimCreatorFees>) -> Result<()> {
    let a = &ctx.accounts;
    let amount = pay_out_bucket(
        &a.pool,
        FeeBucket::Creator,
        &a.quote_vault.to_account_info(),
        &a.quote_mint.to_account_info(),
        &a.destination.to_account_info(),
        &a.quote_token_program.to_account_info(),
    )?;
    emit_event!(ctx, FeesClaimed { pool: a.pool.key(), bucket: FeeBucket::Creator, amount, destination: a.destination.key() });
    Ok(())
}
