use agentpad_common::emit_event;
use agentpad_common::interface::is_aggregator_vault;
use anchor_lang::prelude::*;
use anchor_spl::token_interface::TokenAccount;

use crate::error::BondingCurveError;
use crate::event::FeesClaimed;
use crate::instructions::groups::*;
use crate::state::FeeBucket;

/// Pays the pool's agent-revenue bucket into the agent's fee vault in fee-aggregator.
/// Only that vault (a fee-aggregator PDA for this agent and quote mint) can sign, and the
/// destination must be a token account it owns: agent revenue can go nowhere else.
#[event_cpi]
#[derive(Accounts)]
pub struct ClaimAgentFees<'info> {
    /// fee-aggregator's vault of this agent and quote mint (owner, type and stored mints;
    /// only fee-aggregator can make its PDA sign).
    #[account(constraint = is_aggregator_vault(&agent_vault, &base_mint.key(), &pool_quote.quote_mint.key()) @ BondingCurveError::NotAggregator)]
    pub agent_vault: Signer<'info>,
    pub pool_quote: PoolQuoteSide<'info>,
    /// CHECK: the pool's base mint (its stored key), which names the agent.
    #[account(constraint = pool_quote.pool.load()?.base_mint == base_mint.key() @ BondingCurveError::InvalidMint)]
    pub base_mint: UncheckedAccount<'info>,
    /// `dup`: a token account, never written back here (see `Swap`).
    #[account(
        mut,
        dup,
        constraint = destination.owner == agent_vault.key() @ BondingCurveError::WrongRecipient,
        constraint = destination.mint == pool_quote.quote_mint.key() @ BondingCurveError::TokenAccountMintMismatch,
    )]
    pub destination: Box<InterfaceAccount<'info, TokenAccount>>,
}

pub fn handle_claim_agent_fees(ctx: Context<ClaimAgentFees>) -> Result<()> {
    let a = &ctx.accounts;
    let amount = a.pool_quote.pay_out(FeeBucket::AgentRevenue, &a.destination.to_account_info())?;
    emit_event!(ctx, FeesClaimed { pool: a.pool_quote.pool.key(), bucket: FeeBucket::AgentRevenue, amount, destination: a.destination.key() });
    Ok(())
}
