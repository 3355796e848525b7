use agentpad_common::account::{create_rent_exempt, init_zero_copy};
use agentpad_common::ids::LAUNCHER;
use agentpad_common::token::create_token_account;
use agentpad_common::emit_event;
use anchor_lang::prelude::*;
use anchor_spl::token_2022::Token2022;
use anchor_spl::token_interface::{Mint, TokenInterface};

use super::add_reward_slot;
use agentpad_math::staking::{is_reward_window, is_unstake_cooldown};

use crate::constants::seeds;
use crate::error::RevenueShareError;
use crate::event::{RewardMintAdded, StakePoolCreated};
use crate::state::{StakePool, pool_signer_seeds};

/// Creates an agent's stake pool with its first reward mint (the quote token). Only
/// agent-factory's launcher PDA may call it, at launch, with the cooldown and reward
/// window of the agent's preset (checked there against the preset; here against the
/// absolute bounds).
#[event_cpi]
#[derive(Accounts)]
pub struct CreateStakePool<'info> {
    #[account(mut)]
    pub payer: Signer<'info>,
    #[account(address = LAUNCHER @ RevenueShareError::NotLauncher)]
    pub launcher: Signer<'info>,
    #[account(mint::token_program = agent_token_program)]
    pub agent_mint: Box<InterfaceAccount<'info, Mint>>,
    /// CHECK: created here at its PDA (the seeds constraint checks the address).
    #[account(mut, seeds = [seeds::STAKE_POOL, agent_mint.key().as_ref()], bump)]
    pub stake_pool: UncheckedAccount<'info>,
    /// CHECK: created here: a token account of the agent mint owned by the stake pool.
    #[account(mut, seeds = [seeds::STAKE_VAULT, stake_pool.key().as_ref()], bump)]
    pub stake_vault: UncheckedAccount<'info>,
    #[account(mint::token_program = reward_token_program)]
    pub reward_mint: Box<InterfaceAccount<'info, Mint>>,
    /// CHECK: created here: the pool's token account of its first reward mint.
    #[account(mut, seeds = [seeds::REWARD_VAULT, stake_pool.key().as_ref(), reward_mint.key().as_ref()], bump)]
    pub reward_vault: UncheckedAccount<'info>,
    pub agent_token_program: Program<'info, Token2022>,
    pub reward_token_program: Interface<'info, TokenInterface>,
    pub system_program: Program<'info, System>,
}

impl CreateStakePool<'_> {
    fn validate(&self, unstake_cooldown: u32, reward_window: u32) -> Result<()> {
        require!(is_unstake_cooldown(unstake_cooldown), RevenueShareError::CooldownOutOfBounds);
        require!(is_reward_window(reward_window), RevenueShareError::RewardWindowOutOfBounds);
        Ok(())
    }
}

#[access_control(ctx.accounts.validate(unstake_cooldown, reward_window))]
pub fn handle_create_stake_pool(ctx: Context<CreateStakePool>, unstake_cooldown: u32, reward_window: u32) -> Result<()> {
    let a = &ctx.accounts;
    let rent = Rent::get()?;
    let (system, payer) = (a.system_program.to_account_info(), a.payer.to_account_info());
    let (stake_pool, agent_mint) = (a.stake_pool.key(), a.agent_mint.key());
    let pool_info = a.stake_pool.to_account_info();
    let pool_bump = [ctx.bumps.stake_pool];
    create_rent_exempt(&system, &payer, &pool_info, StakePool::SPACE, &crate::ID, &pool_signer_seeds(&agent_mint, &pool_bump), &rent)?;
    let stake_vault_seeds: &[&[u8]] = &[seeds::STAKE_VAULT, stake_pool.as_ref(), &[ctx.bumps.stake_vault]];
    let agent_program = a.agent_token_program.to_account_info();
    create_token_account(&system, &agent_program, &payer, &a.stake_vault, &a.agent_mint.to_account_info(), &stake_pool, stake_vault_seeds, &rent)?;
    let reward_program = a.reward_token_program.to_account_info();
    let reward_mint = a.reward_mint.key();
    let reward_vault_seeds: &[&[u8]] = &[seeds::REWARD_VAULT, stake_pool.as_ref(), reward_mint.as_ref(), &[ctx.bumps.reward_vault]];
    create_token_account(&system, &reward_program, &payer, &a.reward_vault, &a.reward_mint.to_account_info(), &stake_pool, reward_vault_seeds, &rent)?;

    let mut pool = init_zero_copy::<StakePool>(&pool_info)?;
    pool.agent_mint = agent_mint;
    pool.stake_vault = a.stake_vault.key();
    pool.unstake_cooldown = unstake_cooldown;
    pool.reward_window = reward_window;
    pool.bump = ctx.bumps.stake_pool;
    let index = add_reward_slot(&mut pool, &a.reward_mint, a.reward_vault.key(), reward_program.key())?;
    drop(pool);
    emit_event!(ctx, StakePoolCreated { stake_pool, agent_mint, unstake_cooldown, reward_window });
    emit_event!(ctx, RewardMintAdded { stake_pool, reward_mint, index });
    Ok(())
}
