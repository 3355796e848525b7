use agentpad_common::ids::AGENT_TOKEN_DECIMALS;
use agentpad_common::token::transfer;
use agentpad_math::reward::Accrual;
use agentpad_common::emit_event;
use anchor_lang::prelude::*;
use anchor_spl::token_2022::Token2022;

use crate::constants::seeds;
use crate::error::RevenueShareError;
use crate::event::Staked;
use crate::state::{Position, StakePool};

/// Stakes agent tokens. Rewards accrued so far are settled first, so new stake earns only
/// from now on.
#[event_cpi]
#[derive(Accounts)]
pub struct Stake<'info> {
    #[account(mut)]
    pub owner: Signer<'info>,
    #[account(
        mut,
        has_one = agent_mint @ RevenueShareError::AgentMintMismatch,
        constraint = stake_pool.load()?.stake_vault == stake_vault.key() @ RevenueShareError::StakeVaultMismatch,
    )]
    pub stake_pool: AccountLoader<'info, StakePool>,
    #[account(
        init_if_needed,
        payer = owner,
        space = 8 + core::mem::size_of::<Position>(),
        seeds = [seeds::POSITION, stake_pool.key().as_ref(), owner.key().as_ref()],
        bump,
    )]
    pub position: AccountLoader<'info, Position>,
    /// CHECK: the owner's agent-token account; the token program checks owner and mint.
    #[account(mut)]
    pub owner_token_account: UncheckedAccount<'info>,
    /// CHECK: the pool's stake vault (constraint above).
    #[account(mut)]
    pub stake_vault: UncheckedAccount<'info>,
    /// CHECK: the pool's agent mint (`has_one`).
    pub agent_mint: UncheckedAccount<'info>,
    pub token_program: Program<'info, Token2022>,
    pub system_program: Program<'info, System>,
}

impl Stake<'_> {
    fn validate(&self, amount: u64) -> Result<()> {
        require!(amount > 0, RevenueShareError::ZeroAmount);
        Ok(())
    }
}

#[access_control(ctx.accounts.validate(amount))]
pub fn handle_stake(ctx: Context<Stake>, amount: u64) -> Result<()> {
    let a = &ctx.accounts;
    transfer(
        &a.token_program.to_account_info(),
        &a.owner_token_account.to_account_info(),
        &a.agent_mint.to_account_info(),
        &a.stake_vault.to_account_info(),
        &a.owner.to_account_info(),
        amount,
        AGENT_TOKEN_DECIMALS,
        &[],
    )?;

    let now = Clock::get()?.unix_timestamp;
    let mut pool = a.stake_pool.load_mut()?;
    pool.update_all(now)?;
    let is_new = a.position.to_account_info().try_borrow_data()?[..8] == [0; 8];
    let mut position = if is_new { a.position.load_init()? } else { a.position.load_mut()? };
    if is_new {
        position.owner = a.owner.key();
        position.stake_pool = a.stake_pool.key();
        position.bump = ctx.bumps.position;
        for (i, slot) in pool.active_rewards().iter().enumerate() {
            position.accruals[i].set(&Accrual::start(&slot.stream()));
        }
    }
    position.settle_all(&pool)?;
    position.staked = position.staked.checked_add(amount).ok_or(RevenueShareError::MathOverflow)?;
    pool.total_staked = pool.total_staked.checked_add(amount).ok_or(RevenueShareError::MathOverflow)?;
    let event = Staked {
        stake_pool: a.stake_pool.key(),
        owner: a.owner.key(),
        amount,
        position_staked: position.staked,
        total_staked: pool.total_staked,
    };
    drop((pool, position));
    emit_event!(ctx, event);
    Ok(())
}
