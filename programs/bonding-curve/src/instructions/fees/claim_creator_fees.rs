use agentpad_common::emit_event;
use anchor_lang::prelude::*;
use anchor_spl::token_interface::TokenAccount;

use crate::error::BondingCurveError;
use crate::event::FeesClaimed;
use crate::instructions::groups::*;
use crate::state::FeeBucket;

/// Pays the pool's creator bucket. Signed by the pool's creator-fee authority: the agent
/// record, through agent-factory's `claim_creator_fees`, which checks the current creator.
#[event_cpi]
#[derive(Accounts)]
pub struct ClaimCreatorFees<'info> {
    #[account(constraint = pool_quote.pool.load()?.creator_fee_authority == creator_fee_authority.key() @ BondingCurveError::NotCreatorFeeAuthority)]
    pub creator_fee_authority: Signer<'info>,
    pub pool_quote: PoolQuoteSide<'info>,
    /// `dup`: a token account, never written back here (see `Swap`).
    #[account(
        mut,
        dup,
        constraint = destination.mint == pool_quote.quote_mint.key() @ BondingCurveError::TokenAccountMintMismatch,
        constraint = destination.key() != pool_quote.quote_vault.key() @ BondingCurveError::ProgramVaultAsUserAccount,
    )]
    pub destination: Box<InterfaceAccount<'info, TokenAccount>>,
}

pub fn handle_claim_creator_fees(ctx: Context<ClaimCreatorFees>) -> Result<()> {
    let a = &ctx.accounts;
    let amount = a.pool_quote.pay_out(FeeBucket::Creator, &a.destination.to_account_info())?;
    emit_event!(ctx, FeesClaimed { pool: a.pool_quote.pool.key(), bucket: FeeBucket::Creator, amount, destination: a.destination.key() });
    Ok(())
}
