//! revenue-share: per-agent stake pools. Holders stake the agent token; the agent's
//! revenue (notified by fee-aggregator) drips over a window and accrues to stakers in
//! exact proportion to their stake and time staked.
#![allow(unexpected_cfgs)]

use anchor_lang::prelude::*;
// See scripts/sbf: 128-bit libcalls for the upstream-LLVM sBPF build only.
#[cfg(feature = "sbf-int128")]
use sbf_int128 as _;

pub mod constants;
pub mod error;
pub mod event;
pub mod instructions;
pub mod state;

use instructions::*;

declare_id!("8zfHSn8e1dd3ZA2G7TjZUBJrQydmMQxLWujoKAVDD1Xh");

// Where to report a vulnerability, embedded in the program (readable with `query-security-txt`
// or any explorer that shows it).
#[cfg(not(feature = "no-entrypoint"))]
solana_security_txt::security_txt! {
    name: "agentpad revenue-share",
    project_url: "https://agentpad.example",
    contacts: "email:security@agentpad.example",
    policy: "Report privately to security@agentpad.example; the threat model and what was tried are in docs/security.md of the source.",
    preferred_languages: "en"
}

#[program]
pub mod revenue_share {
    use super::*;

    // --- pools (created at launch; reward mints added by the creator)
    pub fn create_stake_pool(ctx: Context<CreateStakePool>, unstake_cooldown: u32, reward_window: u32) -> Result<()> {
        handle_create_stake_pool(ctx, unstake_cooldown, reward_window)
    }

    pub fn add_reward_mint(ctx: Context<AddRewardMint>) -> Result<()> {
        handle_add_reward_mint(ctx)
    }

    // --- staking
    pub fn stake(ctx: Context<Stake>, amount: u64) -> Result<()> {
        handle_stake(ctx, amount)
    }

    pub fn request_unstake(ctx: Context<RequestUnstake>, amount: u64) -> Result<()> {
        handle_request_unstake(ctx, amount)
    }

    pub fn withdraw(ctx: Context<Withdraw>) -> Result<()> {
        handle_withdraw(ctx)
    }

    pub fn close_position(ctx: Context<ClosePosition>) -> Result<()> {
        handle_close_position(ctx)
    }

    // --- rewards
    pub fn notify_reward(ctx: Context<NotifyReward>, amount: u64) -> Result<()> {
        handle_notify_reward(ctx, amount)
    }

    pub fn claim<'info>(ctx: Context<'info, Claim<'info>>) -> Result<()> {
        handle_claim(ctx)
    }
}
