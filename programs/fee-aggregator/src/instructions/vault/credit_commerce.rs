use agentpad_common::emit_event;
use agentpad_common::ids::ESCROW_AUTHORITY;
use anchor_lang::prelude::*;

use crate::error::FeeAggregatorError;
use crate::instructions::groups::*;
use crate::state::RevenueSource;

/// Pays a job's provider share into the agent's vault, source *commerce*. Called by
/// agent-commerce only: its escrow authority PDA signs, and only agent-commerce can make
/// that PDA sign. Which vault is the provider's is agent-commerce's check (it stored the
/// vault when the job was created); this instruction checks the caller and the vault.
#[event_cpi]
#[derive(Accounts)]
pub struct CreditCommerce<'info> {
    #[account(address = ESCROW_AUTHORITY @ FeeAggregatorError::NotCommerceEscrow)]
    pub escrow_authority: Signer<'info>,
    /// CHECK: the job's escrow token account (owned by the escrow authority); the token
    /// program checks owner and mint.
    #[account(mut, constraint = escrow.key() != agent_vault.vault_token_account.key() @ FeeAggregatorError::ProgramVaultAsUserAccount)]
    pub escrow: UncheckedAccount<'info>,
    pub agent_vault: VaultTokens<'info>,
}

impl CreditCommerce<'_> {
    fn validate(&self, amount: u64) -> Result<()> {
        require!(amount > 0, FeeAggregatorError::ZeroAmount);
        Ok(())
    }
}

#[access_control(ctx.accounts.validate(amount))]
pub fn handle_credit_commerce(ctx: Context<CreditCommerce>, amount: u64, job: Pubkey) -> Result<()> {
    let a = &ctx.accounts;
    a.agent_vault.transfer_in(&a.escrow.to_account_info(), &a.escrow_authority.to_account_info(), amount)?;
    let event = a.agent_vault.vault.load_mut()?.credit(RevenueSource::Commerce { job }, amount)?;
    emit_event!(ctx, event);
    Ok(())
}
