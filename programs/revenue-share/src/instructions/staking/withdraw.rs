use agentpad_common::ids::AGENT_TOKEN_DECIMALS;
use agentpad_common::token::transfer;
use agentpad_common::emit_event;
use anchor_lang::prelude::*;
use anchor_spl::token_2022::Token2022;

use crate::error::RevenueShareError;
use crate::event::Withdrawn;
use crate::instructions::groups::*;
use crate::state::pool_signer_seeds;

/// Returns the tokens whose cooldown has passed.
#[event_cpi]
#[derive(Accounts)]
pub struct Withdraw<'info> {
    pub staker: OwnPosition<'info>,
    /// CHECK: any agent-token account the owner chooses but the pool's own vaults; the
    /// token program checks the mint.
    #[account(mut, constraint = !staker.stake_pool.load()?.is_own_vault(destination.key) @ RevenueShareError::ProgramVaultAsUserAccount)]
    pub destination: UncheckedAccount<'info>,
    /// CHECK: the pool's stake vault (its stored key).
    #[account(mut, constraint = staker.stake_pool.load()?.stake_vault == stake_vault.key() @ RevenueShareError::StakeVaultMismatch)]
    pub stake_vault: UncheckedAccount<'info>,
    /// CHECK: the pool's agent mint (its stored key).
    #[account(constraint = staker.stake_pool.load()?.agent_mint == agent_mint.key() @ RevenueShareError::AgentMintMismatch)]
    pub agent_mint: UncheckedAccount<'info>,
    pub token_program: Program<'info, Token2022>,
}

impl Withdraw<'_> {
    fn validate(&self) -> Result<()> {
        let position = self.staker.position.load()?;
        require!(position.unstaking > 0, RevenueShareError::NothingToWithdraw);
        require!(Clock::get()?.unix_timestamp >= position.unlock_at, RevenueShareError::CooldownNotElapsed);
        Ok(())
    }
}

#[access_control(ctx.accounts.validate())]
pub fn handle_withdraw(ctx: Context<Withdraw>) -> Result<()> {
    let a = &ctx.accounts;
    let amount = core::mem::take(&mut a.staker.position.load_mut()?.unstaking);
    let (agent_mint, bump) = (a.agent_mint.key(), [a.staker.stake_pool.load()?.bump]);
    let pool_seeds = pool_signer_seeds(&agent_mint, &bump);
    transfer(
        &a.token_program.to_account_info(),
        &a.stake_vault.to_account_info(),
        &a.agent_mint.to_account_info(),
        &a.destination.to_account_info(),
        &a.staker.stake_pool.to_account_info(),
        amount,
        AGENT_TOKEN_DECIMALS,
        &[&pool_seeds],
    )?;
    emit_event!(ctx, Withdrawn { stake_pool: a.staker.stake_pool.key(), owner: a.staker.owner.key(), amount });
    Ok(())
}
