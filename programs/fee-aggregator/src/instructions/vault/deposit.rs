use agentpad_common::emit_event;
use anchor_lang::prelude::*;

use crate::error::FeeAggregatorError;
use crate::instructions::groups::*;
use crate::state::RevenueSource;

/// Deposits an agent's own business revenue (anyone may pay in), source *direct*.
#[event_cpi]
#[derive(Accounts)]
pub struct Deposit<'info> {
    pub depositor: Signer<'info>,
    /// CHECK: the depositor's token account; the token program checks owner and mint.
    #[account(mut, constraint = depositor_token_account.key() != agent_vault.vault_token_account.key() @ FeeAggregatorError::ProgramVaultAsUserAccount)]
    pub depositor_token_account: UncheckedAccount<'info>,
    pub agent_vault: VaultTokens<'info>,
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
    a.agent_vault.transfer_in(&a.depositor_token_account.to_account_info(), &a.depositor.to_account_info(), amount)?;
    let event = a.agent_vault.vault.load_mut()?.credit(RevenueSource::Direct, amount)?;
    emit_event!(ctx, event);
    Ok(())
}
