use agentpad_common::cpi::invoke_program;
use agentpad_common::emit_event;
use anchor_lang::prelude::*;
use anchor_lang::AccountDeserialize;
use anchor_spl::token_interface::TokenAccount;
use bonding_curve::program::BondingCurve;

use super::vault_signer_seeds;
use crate::error::FeeAggregatorError;
use crate::instructions::groups::*;
use crate::state::RevenueSource;

/// Moves the agent-revenue bucket of the agent's bonding-curve pool into its vault,
/// source *local*. Permissionless; bonding-curve pays only when this vault signs and only
/// into the vault's own token account.
#[event_cpi]
#[derive(Accounts)]
pub struct Sweep<'info> {
    pub agent_vault: VaultTokens<'info>,
    /// CHECK: the vault's agent mint (its stored key); bonding-curve checks it against the pool.
    #[account(constraint = agent_vault.vault.load()?.agent_mint == agent_mint.key() @ FeeAggregatorError::InvalidMint)]
    pub agent_mint: UncheckedAccount<'info>,
    /// CHECK: the agent's pool; bonding-curve checks it.
    #[account(mut)]
    pub pool: UncheckedAccount<'info>,
    /// CHECK: the pool's quote vault; bonding-curve checks it.
    #[account(mut)]
    pub pool_quote_vault: UncheckedAccount<'info>,
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
    let v = &a.agent_vault;
    let (agent_mint, reward_mint, bump) = (a.agent_mint.key(), v.reward_mint.key(), [v.vault.load()?.bump]);
    let vault_seeds = vault_signer_seeds(&agent_mint, &reward_mint, &bump);
    // Credit what arrived in the vault's token account (measured, not reported).
    let before = token_amount(&v.vault_token_account)?;
    invoke_program(
        bonding_curve::ID,
        bonding_curve::cpi::accounts::ClaimAgentFees {
            agent_vault: v.vault.to_account_info(),
            pool_quote: bonding_curve::cpi::accounts::PoolQuoteSide {
                pool: a.pool.to_account_info(),
                quote_vault: a.pool_quote_vault.to_account_info(),
                quote_mint: v.reward_mint.to_account_info(),
                quote_token_program: v.token_program.to_account_info(),
            },
            base_mint: a.agent_mint.to_account_info(),
            destination: v.vault_token_account.to_account_info(),
            event_authority: a.bonding_curve_event_authority.to_account_info(),
            program: a.bonding_curve_program.to_account_info(),
        },
        bonding_curve::instruction::ClaimAgentFees {},
        &[&vault_seeds],
    )?;
    let amount = token_amount(&v.vault_token_account)?.checked_sub(before).ok_or(FeeAggregatorError::MathOverflow)?;

    let event = v.vault.load_mut()?.credit(RevenueSource::Local, amount)?;
    emit_event!(ctx, event);
    Ok(())
}
