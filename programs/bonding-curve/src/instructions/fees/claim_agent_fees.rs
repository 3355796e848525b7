use agentpad_common::ids::aggregator_vault_address;
use agentpad_common::emit_event;
use anchor_lang::prelude::*;
use anchor_spl::token_interface::{TokenAccount, TokenInterface};

use super::pay_out_bucket;
use crate::error::BondingCurveError;
use crate::event::FeesClaimed;
use crate::state::{FeeBucket, Pool};

/// Pays the pool's agent-revenue bucket into the agent's fee vault in fee-aggregator.
/// Only that vault (a fee-aggregator PDA for this agent and quote mint) can sign, and the
/// destination must be a token account it owns: agent revenue can go nowhere else.
#[event_cpi]
#[derive(Accounts)]
pub struct ClaimAgentFees<'info> {
    #[account(address = aggregator_vault_address(&base_mint.key(), &quote_mint.key()) @ BondingCurveError::NotAggregator)]
    pub agent_vault: Signer<'info>,
    #[account(
        mut,
        has_one = base_mint @ BondingCurveError::InvalidMint,
        has_one = quote_mint @ BondingCurveError::InvalidMint,
        has_one = quote_vault @ BondingCurveError::VaultMismatch,
        has_one = quote_token_program @ BondingCurveError::InvalidTokenProgram,
    )]
    pub pool: AccountLoader<'info, Pool>,
    /// CHECK: the pool's base mint (`has_one`), part of the vault's seeds.
    pub base_mint: UncheckedAccount<'info>,
    /// CHECK: the pool's quote vault (`has_one`).
    #[account(mut)]
    pub quote_vault: UncheckedAccount<'info>,
    /// CHECK: the pool's quote mint (`has_one`).
    pub quote_mint: UncheckedAccount<'info>,
    /// `dup`: a token account, never written back here (see `Swap`).
    #[account(
        mut,
        dup,
        constraint = destination.owner == agent_vault.key() @ BondingCurveError::WrongRecipient,
        constraint = destination.mint == quote_mint.key() @ BondingCurveError::TokenAccountMintMismatch,
    )]
    pub destination: Box<InterfaceAccount<'info, TokenAccount>>,
    pub quote_token_program: Interface<'info, TokenInterface>,
}

pub fn handle_claim_agent_fees(ctx: Context<ClaimAgentFees>) -> Result<()> {
    let a = &ctx.accounts;
    let amount = pay_out_bucket(
        &a.pool,
        FeeBucket::AgentRevenue,
        &a.quote_vault.to_account_info(),
        &a.quote_mint.to_account_info(),
        &a.destination.to_account_info(),
        &a.quote_token_program.to_account_info(),
    )?;
    emit_event!(ctx, FeesClaimed { pool: a.pool.key(), bucket: FeeBucket::AgentRevenue, amount, destination: a.destination.key() });
    Ok(())
}
