use agentpad_common::ids::LAUNCHER;
use agentpad_common::emit_event;
use anchor_lang::prelude::*;
use anchor_spl::token_2022::Token2022;
use anchor_spl::token_interface::{Mint, TokenAccount, TokenInterface};

use super::add_reward_slot;
use agentpad_math::staking::{is_reward_window, is_unstake_cooldown};

use crate::constants::seeds;
use crate::error::RevenueShareError;
use crate::event::{RewardMintAdded, StakePoolCreated};
use crate::state::StakePool;

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
    #[account(
        init,
        payer = payer,
        space = 8 + core::mem::size_of::<StakePool>(),
        seeds = [seeds::STAKE_POOL, agent_mint.key().as_ref()],
        bump,
    )]
    pub stake_pool: AccountLoader<'info, StakePool>,
    #[account(
        init,
        payer = payer,
        seeds = [seeds::STAKE_VAULT, stake_pool.key().as_ref()],
        bump,
        token::mint = agent_mint,
        token::authority = stake_pool,
        token::token_program = agent_token_program,
    )]
    pub stake_vault: Box<InterfaceAccount<'info, TokenAccount>>,
    #[account(mint::token_program = reward_token_program)]
    pub reward_mint: Box<InterfaceAccount<'info, Mint>>,
    #[account(
        init,
        payer = payer,
        seeds = [seeds::REWARD_VAULT, stake_pool.key().as_ref(), reward_mint.key().as_ref()],
        bump,
        token::mint = reward_mint,
        token::authority = stake_pool,
        token::token_program = reward_token_program,
    )]
    pub reward_vault: Box<InterfaceAccount<'info, TokenAccount>>,
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
    let mut pool = a.stake_pool.load_init()?;
    pool.agent_mint = a.agent_mint.key();
    pool.stake_vault = a.stake_vault.key();
    pool.unstake_cooldown = unstake_cooldown;
    pool.reward_window = reward_window;
    pool.bump = ctx.bumps.stake_pool;
    let index = add_reward_slot(&mut pool, &a.reward_mint, a.reward_vault.key(), a.reward_token_program.key())?;
    drop(pool);
    let stake_pool = a.stake_pool.key();
    emit_event!(ctx, StakePoolCreated { stake_pool, agent_mint: a.agent_mint.key(), unstake_cooldown, reward_window });
    emit_event!(ctx, RewardMintAdded { stake_pool, reward_mint: a.reward_mint.key(), index });
    Ok(())
}
