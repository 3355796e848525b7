//! Account groups more than one instruction takes, written once (Anchor composite
//! `Accounts`: the group's accounts sit together in each instruction's list, and the IDL
//! and clients name them under the group's field).

use agentpad_common::cpi::invoke_program;
use anchor_lang::prelude::*;
use fee_aggregator::program::FeeAggregator;
use revenue_share::program::RevenueShare;

/// What makes an agent earn: its fee vault and revenue policy in fee-aggregator and its
/// stake pool in revenue-share, each created by CPI (those programs check the addresses).
/// A launch and a bridged agent's registration create the same accounts.
#[derive(Accounts)]
pub struct AgentRevenue<'info> {
    /// CHECK: fee-aggregator's store; fee-aggregator checks it.
    pub fee_store: UncheckedAccount<'info>,
    /// CHECK: the agent's fee vault for the reward mint, created by fee-aggregator.
    #[account(mut)]
    pub fee_vault: UncheckedAccount<'info>,
    /// CHECK: created by fee-aggregator.
    #[account(mut)]
    pub fee_vault_token_account: UncheckedAccount<'info>,
    /// CHECK: the agent's revenue policy, created by fee-aggregator.
    #[account(mut)]
    pub revenue_policy: UncheckedAccount<'info>,
    /// CHECK: fee-aggregator's event authority, checked by fee-aggregator.
    pub fee_aggregator_event_authority: UncheckedAccount<'info>,
    pub fee_aggregator_program: Program<'info, FeeAggregator>,
    /// CHECK: the agent's stake pool, created by revenue-share.
    #[account(mut)]
    pub stake_pool: UncheckedAccount<'info>,
    /// CHECK: created by revenue-share.
    #[account(mut)]
    pub stake_vault: UncheckedAccount<'info>,
    /// CHECK: the stake pool's vault for the reward mint, created by revenue-share.
    #[account(mut)]
    pub stake_reward_vault: UncheckedAccount<'info>,
    /// CHECK: revenue-share's event authority, checked by revenue-share.
    pub revenue_share_event_authority: UncheckedAccount<'info>,
    pub revenue_share_program: Program<'info, RevenueShare>,
}

/// The accounts an agent's revenue accounts are created for and paid by.
pub struct RevenueParties<'a, 'info> {
    pub payer: &'a AccountInfo<'info>,
    /// The agent record, written before: fee-aggregator reads it as proof of the agent.
    pub agent: &'a AccountInfo<'info>,
    pub agent_mint: &'a AccountInfo<'info>,
    /// agent-factory's launcher PDA, which alone may create a stake pool.
    pub launcher: &'a AccountInfo<'info>,
    pub launcher_seeds: &'a [&'a [u8]],
    pub reward_mint: &'a AccountInfo<'info>,
    pub agent_token_program: &'a AccountInfo<'info>,
    pub reward_token_program: &'a AccountInfo<'info>,
    pub system_program: &'a AccountInfo<'info>,
}

impl<'info> AgentRevenue<'info> {
    /// The fee vault and policy, then the stake pool paying out in `reward_mint` first.
    pub fn create(&self, p: &RevenueParties<'_, 'info>, unstake_cooldown: u32, reward_window: u32) -> Result<()> {
        invoke_program(
            fee_aggregator::ID,
            fee_aggregator::cpi::accounts::CreateVault {
                payer: p.payer.clone(),
                store: self.fee_store.to_account_info(),
                agent: p.agent.clone(),
                agent_mint: p.agent_mint.clone(),
                reward_mint: p.reward_mint.clone(),
                vault: self.fee_vault.to_account_info(),
                vault_token_account: self.fee_vault_token_account.to_account_info(),
                policy: self.revenue_policy.to_account_info(),
                token_program: p.reward_token_program.clone(),
                system_program: p.system_program.clone(),
                event_authority: self.fee_aggregator_event_authority.to_account_info(),
                program: self.fee_aggregator_program.to_account_info(),
            },
            fee_aggregator::instruction::CreateVault {},
            &[],
        )?;
        invoke_program(
            revenue_share::ID,
            revenue_share::cpi::accounts::CreateStakePool {
                payer: p.payer.clone(),
                launcher: p.launcher.clone(),
                agent_mint: p.agent_mint.clone(),
                stake_pool: self.stake_pool.to_account_info(),
                stake_vault: self.stake_vault.to_account_info(),
                reward_mint: p.reward_mint.clone(),
                reward_vault: self.stake_reward_vault.to_account_info(),
                agent_token_program: p.agent_token_program.clone(),
                reward_token_program: p.reward_token_program.clone(),
                system_program: p.system_program.clone(),
                event_authority: self.revenue_share_event_authority.to_account_info(),
                program: self.revenue_share_program.to_account_info(),
            },
            revenue_share::instruction::CreateStakePool { unstake_cooldown, reward_window },
            &[p.launcher_seeds],
        )
    }
}
