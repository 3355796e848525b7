use agentpad_common::emit_event;
use anchor_lang::prelude::*;
use anchor_spl::token_interface::TokenAccount;

use crate::constants::CONFIG_ADDRESS;
use crate::error::BondingCurveError;
use crate::event::FeesClaimed;
use crate::instructions::groups::*;
use crate::state::{Config, FeeBucket};

/// Pays the pool's protocol bucket to a token account of the protocol fee recipient.
/// Permissionless: anyone may crank it, the money can only go to the recipient.
#[event_cpi]
#[derive(Accounts)]
pub struct ClaimProtocolFees<'info> {
    #[account(address = CONFIG_ADDRESS)]
    pub config: Account<'info, Config>,
    pub pool_quote: PoolQuoteSide<'info>,
    /// `dup`: a token account, never written back here (see `Swap`).
    #[account(
        mut,
        dup,
        constraint = recipient_token_account.key() != pool_quote.quote_vault.key() @ BondingCurveError::ProgramVaultAsUserAccount,
        constraint = recipient_token_account.owner == config.protocol_fee_recipient @ BondingCurveError::WrongRecipient,
        constraint = recipient_token_account.mint == pool_quote.quote_mint.key() @ BondingCurveError::TokenAccountMintMismatch,
    )]
    pub recipient_token_account: Box<InterfaceAccount<'info, TokenAccount>>,
}

pub fn handle_claim_protocol_fees(ctx: Context<ClaimProtocolFees>) -> Result<()> {
    let a = &ctx.accounts;
    let amount = a.pool_quote.pay_out(FeeBucket::Protocol, &a.recipient_token_account.to_account_info())?;
    emit_event!(ctx, FeesClaimed {
        pool: a.pool_quote.pool.key(),
        bucket: FeeBucket::Protocol,
        amount,
        destination: a.recipient_token_account.key(),
    });
    Ok(())
}
