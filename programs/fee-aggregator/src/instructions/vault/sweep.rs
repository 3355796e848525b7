use agentpad_common::cpi::invoke_program;
use agentpad_common::emit_event;
use anchor_lang::prelude::*;
use anchor_lang::AccountDeserialize;
use anchor_spl::token_interface::{TokenAccount, TokenInterface};
use bonding_curve::program::BondingCurve;

use super::vault_signer_seeds;
use crate::error::FeeAggregatorError;
use crate::state::{AgentVault, RevenueSource};

/// Moves the agent-revenue bucket of the agent's bonding-curve pool into its vault,
/// source *local*. Permissionless; bonding-curve pays only when this vault signs and only
/// into the vault's own token account.
#[event_cpi]
#[derive(Accounts)]
pub struct Sweep<'info> {
    #[account(
        mut,
        // The vault's own record of its mints (it exists only at their PDA): the same
        // proof as re-deriving the address, without the 1,500 CU of doing so.
        has_one = agent_mint @ FeeAggregatorError::InvalidMint,
        has_one = reward_mint @ FeeAggregatorError::InvalidMint,
        constraint = vault.load()?.token_account == vault_token_account.key() @ FeeAggregatorError::TokenAccountMismatch,
    )]
    pub vault: AccountLoader<'info, AgentVault>,
    /// CHECK: the vault's token account (constraint above).
    #[account(mut)]
    pub vault_token_account: UncheckedAccount<'info>,
    /// CHECK: the vault's agent mint (`has_one`); bonding-curve checks it against the pool.
    pub agent_mint: UncheckedAccount<'info>,
    /// CHECK: the vault's reward (quote) mint (`has_one`); checked by bonding-curve.
    pub reward_mint: UncheckedAccount<'info>,
    /// CHECK: the agent's pool; bonding-curve checks it.
    #[account(mut)]
    pub pool: UncheckedAccount<'info>,
    /// CHECK: the pool's quote vault; bonding-curve checks it.
    #[account(mut)]
    pub pool_quote_vault: UncheckedAccount<'info>,
    pub token_program: Interface<'info, TokenInterface>,
    /// CHECK: bonding-curve's event authority; bonding-curve checks it.
    pub bonding_curve_event_authority: UncheckedAccount<'info>,
    pub bonding_curve_program: Program<'info, BondingCurve>,
}

/// The balance of a token account (SPL Token or Token-2022: same base layout).
fn token_amount(account: &AccountInfo) -> Result<u64> {
    Ok(TokenAccount::try_deserialize(&mut &account.try_borrow_data()?[..])?.amount)
}

pub fn handle_sweep(ctx: Context<Sweep>) -> Result<()> {
    let a = &ctx.accounts;
    let (agent_mint, reward_mint, bump) = (a.agent_mint.key(), a.reward_mint.key(), [a.vault.load()?.bump]);
    let vault_seeds = vault_signer_seeds(&agent_mint, &reward_mint, &bump);
    // Credit what arrived in the vault's token account (measured, not reported).
    let before = token_amount(&a.vault_token_account)?;
    invoke_program(
        bonding_curve::ID,
        bonding_curve::cpi::accounts::ClaimAgentFees {
            agent_vault: a.vault.to_account_info(),
            pool: a.pool.to_account_info(),
            base_mint: a.agent_mint.to_account_info(),
            quote_vault: a.pool_quote_vault.to_account_info(),
            quote_mint: a.reward_mint.to_account_info(),
            destination: a.vault_token_account.to_account_info(),
            quote_token_program: a.token_program.to_account_info(),
            event_authority: a.bonding_curve_event_authority.to_account_info(),
            program: a.bonding_curve_program.to_account_info(),
        },
        bonding_curve::instruction::ClaimAgentFees {},
        &[&vault_seeds],
    )?;
    let amount = token_amount(&a.vault_token_account)?.checked_sub(before).ok_or(FeeAggregatorError::MathOverflow)?;

    let event = a.vault.load_mut()?.credit(RevenueSource::Local, amount)?;
    emit_event!(ctx, event);
    Ok(())
}
