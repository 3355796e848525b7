//! Account groups more than one instruction takes, written once (Anchor composite
//! `Accounts`; the IDL and clients name them under the group's field).

use agentpad_common::ids::{ESCROW_AUTHORITY, ESCROW_AUTHORITY_BUMP, ESCROW_AUTHORITY_SEED};
use agentpad_common::token::transfer;
use anchor_lang::prelude::*;
use anchor_spl::token_interface::{TokenAccount, TokenInterface};

use crate::error::CommerceError;
use crate::state::{Job, Operator};

/// The provider agent's operator acting on a job (accept, submit).
#[derive(Accounts)]
pub struct ProviderAct<'info> {
    pub operator: Signer<'info>,
    #[account(mut)]
    pub job: Account<'info, Job>,
    /// The provider's operator account: created only at `["operator", agent_mint]`, so the
    /// stored mint identifies it.
    #[account(
        constraint = provider_operator.agent_mint == job.provider @ CommerceError::WrongOperator,
        constraint = provider_operator.operator == operator.key() @ CommerceError::WrongOperator,
    )]
    pub provider_operator: Account<'info, Operator>,
}

/// A job with its escrow and what moving its tokens takes.
#[derive(Accounts)]
pub struct JobEscrow<'info> {
    #[account(mut)]
    pub job: Account<'info, Job>,
    /// CHECK: the job's escrow token account (the address it stored).
    #[account(mut, address = job.escrow @ CommerceError::EscrowMismatch)]
    pub escrow: UncheckedAccount<'info>,
    /// CHECK: the signer-only PDA that owns every escrow.
    #[account(address = ESCROW_AUTHORITY)]
    pub escrow_authority: UncheckedAccount<'info>,
    /// CHECK: the job's budget mint (the key it stored).
    #[account(address = job.budget_mint @ CommerceError::WrongMint)]
    pub budget_mint: UncheckedAccount<'info>,
    #[account(address = job.budget_token_program @ CommerceError::InvalidTokenProgram)]
    pub token_program: Interface<'info, TokenInterface>,
}

pub const ESCROW_AUTHORITY_SIGNER: &[&[u8]] = &[ESCROW_AUTHORITY_SEED, &[ESCROW_AUTHORITY_BUMP]];

impl<'info> JobEscrow<'info> {
    /// Moves `amount` into the escrow from `from`, signed by `authority`.
    pub fn take_in(&self, from: &AccountInfo<'info>, authority: &AccountInfo<'info>, amount: u64) -> Result<()> {
        transfer(&self.token_program.to_account_info(), from, &self.budget_mint.to_account_info(), &self.escrow.to_account_info(), authority, amount, self.job.budget_decimals, &[])
    }

    /// Pays `amount` out of the escrow to `to`, signed by the escrow authority.
    pub fn pay_out(&self, to: &AccountInfo<'info>, amount: u64) -> Result<()> {
        let (program, mint, escrow, authority) =
            (self.token_program.to_account_info(), self.budget_mint.to_account_info(), self.escrow.to_account_info(), self.escrow_authority.to_account_info());
        transfer(&program, &escrow, &mint, to, &authority, amount, self.job.budget_decimals, &[ESCROW_AUTHORITY_SIGNER])
    }

    /// `account` may receive or pay the job's tokens for `owner`: not the escrow, of the
    /// budget mint, and (when `owner` is given) held by that party.
    pub fn check_party_account(&self, account: &InterfaceAccount<TokenAccount>, owner: Option<&Pubkey>) -> Result<()> {
        require_keys_neq!(account.key(), self.escrow.key(), CommerceError::ProgramVaultAsUserAccount);
        require_keys_eq!(account.mint, self.job.budget_mint, CommerceError::WrongMint);
        if let Some(owner) = owner {
            require_keys_eq!(account.owner, *owner, CommerceError::WrongRecipient);
        }
        Ok(())
    }
}
