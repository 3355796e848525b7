use agentpad_common::token::transfer;
use agentpad_common::emit_event;
use anchor_lang::prelude::*;
use anchor_spl::token_interface::TokenInterface;

use crate::error::FeeAggregatorError;
use crate::state::{AgentVault, RevenueSource};

/// Deposits an agent's own business revenue (anyone may pay in), source *direct*.
#[event_cpi]
#[derive(Accounts)]
pub struct Deposit<'info> {
    pub depositor: Signer<'info>,
    /// CHECK: the depositor's token account; the token program checks owner and mint.
    #[account(mut, constraint = depositor_token_account.key() != vault_token_account.key() @ FeeAggregatorError::ProgramVaultAsUserAccount)]
    pub depositor_token_account: UncheckedAccount<'info>,
    #[account(
        mut,
        has_one = reward_mint @ FeeAggregatorError::InvalidMint,
        constraint = vault.load()?.token_account == vault_token_account.key() @ FeeAggregatorError::TokenAccountMismatch,
        constraint = vault.load()?.reward_token_program == token_program.key() @ FeeAggregatorError::InvalidTokenProgram,
    )]
    pub vault: AccountLoader<'info, AgentVault>,
    /// CHECK: the vault's token account (constraint above).
    #[account(mut)]
    pub vault_token_account: UncheckedAccount<'info>,
    /// CHECK: the vault's reward mint (`has_one`).
    pub reward_mint: UncheckedAccount<'info>,
    pub token_program: Interface<'info, TokenInterface>,
}

impl Deposit<'_> {
    fn validate(&self, amount: u64) -> Result<()> {
        require!(amount > 0, FeeAggregatorError::ZeroAmount);
        Ok(())
    }
}

#[access_control(ctx.accounts.validate(amount))]
pub fn handle_deposit(ctx: Context<Deposit>, amount: u64) -> Result<()> {
    let a = &ctx.accounts;
    let decimals = a.vault.load()?.reward_decimals;
    transfer(
        &a.token_program.to_account_info(),
        &a.depositor_token_account.to_account_info(),
        &a.reward_mint.to_account_info(),
        &a.vault_token_account.to_account_info(),
        &a.depositor.to_account_info(),
        amount,
        decimals,
        &[],
    )?;
    let event = a.vault.load_mut()?.credit(RevenueSource::Direct, amount)?;
    emit_event!(ctx, event);
    Ok(())
}
