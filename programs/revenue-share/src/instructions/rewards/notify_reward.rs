use agentpad_common::interface::is_aggregator_vault;
use agentpad_common::token::transfer;
use agentpad_common::emit_event;
use anchor_lang::prelude::*;
use anchor_spl::token_interface::TokenInterface;

use crate::error::RevenueShareError;
use crate::event::RewardNotified;
use crate::state::StakePool;

/// Adds `amount` of a reward mint to the pool's drip. Only the agent's fee-aggregator vault
/// for that mint (a fee-aggregator PDA) can sign: fee-aggregator's `distribute` calls this
/// with the holders' share. The tokens come from an account that vault owns.
#[event_cpi]
#[derive(Accounts)]
pub struct NotifyReward<'info> {
    /// fee-aggregator's vault of the pool's agent and `reward_mint` (owner, type and stored
    /// mints, in `validate`; only fee-aggregator can make its PDA sign).
    pub aggregator_vault: Signer<'info>,
    /// CHECK: a token account owned by `aggregator_vault`; the token program checks.
    #[account(mut)]
    pub source: UncheckedAccount<'info>,
    /// Any stake pool: `AccountLoader` checks owner and type, and a pool exists only at its
    /// PDA (re-deriving it would cost 1,500 CU and prove nothing more).
    #[account(mut)]
    pub stake_pool: AccountLoader<'info, StakePool>,
    /// CHECK: the pool's vault for `reward_mint` (checked in `validate`).
    #[account(mut)]
    pub reward_vault: UncheckedAccount<'info>,
    /// CHECK: one of the pool's reward mints (checked in `validate`).
    pub reward_mint: UncheckedAccount<'info>,
    pub token_program: Interface<'info, TokenInterface>,
}

impl NotifyReward<'_> {
    fn validate(&self, amount: u64) -> Result<()> {
        require!(amount > 0, RevenueShareError::ZeroAmount);
        let pool = self.stake_pool.load()?;
        require!(is_aggregator_vault(&self.aggregator_vault, &pool.agent_mint, self.reward_mint.key), RevenueShareError::NotAggregator);
        let index = pool.slot_index(self.reward_mint.key)?;
        let slot = &pool.rewards[index];
        require_keys_eq!(slot.vault, self.reward_vault.key(), RevenueShareError::VaultMismatch);
        require_keys_eq!(slot.token_program, self.token_program.key(), RevenueShareError::InvalidTokenProgram);
        Ok(())
    }
}

#[access_control(ctx.accounts.validate(amount))]
pub fn handle_notify_reward(ctx: Context<NotifyReward>, amount: u64) -> Result<()> {
    let a = &ctx.accounts;
    let index = a.stake_pool.load()?.slot_index(a.reward_mint.key)?;
    let decimals = a.stake_pool.load()?.rewards[index].decimals;
    transfer(
        &a.token_program.to_account_info(),
        &a.source.to_account_info(),
        &a.reward_mint.to_account_info(),
        &a.reward_vault.to_account_info(),
        &a.aggregator_vault.to_account_info(),
        amount,
        decimals,
        &[],
    )?;
    let now = Clock::get()?.unix_timestamp;
    let mut pool = a.stake_pool.load_mut()?;
    let (window, total) = (pool.reward_window, pool.total_staked);
    let mut stream = pool.rewards[index].stream();
    stream.notify(amount, now, window, total).map_err(RevenueShareError::from)?;
    pool.rewards[index].store(&stream);
    let event = RewardNotified {
        stake_pool: a.stake_pool.key(),
        reward_mint: a.reward_mint.key(),
        amount,
        rate_x64: stream.rate_x64,
        period_finish: stream.period_finish,
        total_notified: stream.total_notified,
        total_staked: total,
    };
    drop(pool);
    emit_event!(ctx, event);
    Ok(())
}
