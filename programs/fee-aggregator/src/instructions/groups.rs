//! Account groups more than one instruction takes, written once (Anchor composite
//! `Accounts`: the group's accounts sit together in each instruction's list, and the IDL
//! and clients name them under the group's field).

use agentpad_common::token::transfer;
use anchor_lang::prelude::*;
use anchor_spl::token_interface::TokenInterface;

use crate::error::FeeAggregatorError;
use crate::instructions::vault::vault_signer_seeds;
use crate::state::AgentVault;

/// An agent's vault for one reward mint, with the token account, mint and token program
/// it stored: everything money into or out of the vault moves through.
#[derive(Accounts)]
pub struct VaultTokens<'info> {
    /// Any vault: `AccountLoader` checks owner and type, and a vault exists only at its
    /// PDA, tied to the accounts below by the keys it stored at creation.
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

impl<'info> VaultTokens<'info> {
    /// Moves `amount` into the vault's token account from `from`, signed by `authority`.
    pub fn transfer_in(&self, from: &AccountInfo<'info>, authority: &AccountInfo<'info>, amount: u64) -> Result<()> {
        let decimals = self.vault.load()?.reward_decimals;
        transfer(&self.program(), from, &self.reward_mint.to_account_info(), &self.vault_token_account.to_account_info(), authority, amount, decimals, &[])
    }

    /// Pays `amount` out of the vault's token account to `to`, signed by the vault.
    pub fn transfer_out(&self, to: &AccountInfo<'info>, amount: u64) -> Result<()> {
        let (agent_mint, reward_mint, bump, decimals) = {
            let v = self.vault.load()?;
            (v.agent_mint, v.reward_mint, [v.bump], v.reward_decimals)
        };
        let seeds = vault_signer_seeds(&agent_mint, &reward_mint, &bump);
        transfer(&self.program(), &self.vault_token_account.to_account_info(), &self.reward_mint.to_account_info(), to, &self.vault.to_account_info(), amount, decimals, &[&seeds])
    }

    fn program(&self) -> AccountInfo<'info> {
        self.token_program.to_account_info()
    }
}
