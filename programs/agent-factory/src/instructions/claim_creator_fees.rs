use agentpad_common::cpi::invoke_program;
use anchor_lang::prelude::*;
use bonding_curve::program::BondingCurve;

use crate::error::AgentFactoryError;
use crate::state::Agent;

/// Pays the pool's creator-fee bucket to the agent's current creator: this program checks
/// the creator, then signs bonding-curve's claim as the agent record.
#[derive(Accounts)]
pub struct ClaimCreatorFees<'info> {
    pub creator: Signer<'info>,
    /// Any agent record: `Account` checks owner and type, and a record exists only at its
    /// PDA (re-deriving it would cost 1,500 CU and prove nothing more).
    #[account(
        has_one = creator @ AgentFactoryError::NotCreator,
        has_one = pool @ AgentFactoryError::PoolMismatch,
    )]
    pub agent: Account<'info, Agent>,
    /// CHECK: the agent's pool (`has_one`); bonding-curve checks vault, mint and program.
    #[account(mut)]
    pub pool: UncheckedAccount<'info>,
    /// CHECK: checked by bonding-curve against the pool.
    #[account(mut)]
    pub quote_vault: UncheckedAccount<'info>,
    /// CHECK: checked by bonding-curve against the pool.
    pub quote_mint: UncheckedAccount<'info>,
    /// CHECK: any quote token account the creator chooses; bonding-curve checks its mint.
    #[account(mut)]
    pub destination: UncheckedAccount<'info>,
    /// CHECK: checked by bonding-curve against the pool.
    pub quote_token_program: UncheckedAccount<'info>,
    /// CHECK: bonding-curve's event authority, checked by bonding-curve.
    pub bonding_curve_event_authority: UncheckedAccount<'info>,
    pub bonding_curve_program: Program<'info, BondingCurve>,
}

pub fn handle_claim_creator_fees(ctx: Context<ClaimCreatorFees>) -> Result<()> {
    let a = &ctx.accounts;
    let agent_seeds = a.agent.signer_seeds();
    let accounts = bonding_curve::cpi::accounts::ClaimCreatorFees {
        creator_fee_authority: a.agent.to_account_info(),
        pool_quote: bonding_curve::cpi::accounts::PoolQuoteSide {
            pool: a.pool.to_account_info(),
            quote_vault: a.quote_vault.to_account_info(),
            quote_mint: a.quote_mint.to_account_info(),
            quote_token_program: a.quote_token_program.to_account_info(),
        },
        destination: a.destination.to_account_info(),
        event_authority: a.bonding_curve_event_authority.to_account_info(),
        program: a.bonding_curve_program.to_account_info(),
    };
    invoke_program(bonding_curve::ID, accounts, bonding_curve::instruction::ClaimCreatorFees {}, &[&agent_seeds])
}
