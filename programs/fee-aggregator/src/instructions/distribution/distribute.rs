use agentpad_common::agent_record::read_agent;
use agentpad_common::token::transfer;
use agentpad_common::cpi::invoke_program;
use agentpad_common::emit_event;
use anchor_lang::prelude::*;
use anchor_spl::token_interface::{TokenAccount, TokenInterface};

use crate::constants::STORE_ADDRESS;
use crate::error::FeeAggregatorError;
use crate::event::RevenueDistributed;
use crate::instructions::vault::vault_signer_seeds;
use crate::state::{AgentVault, Policy, Store};
use revenue_share::program::RevenueShare;

/// Permissionless crank: pays out the vault's undistributed revenue per the agent's
/// policy — the holders' share into the agent's stake pool (revenue-share `notify_reward`,
/// signed by this vault, in the same instruction), the creator's share to a token account
/// of the agent's current creator, the protocol's to the protocol fee recipient.
#[event_cpi]
#[derive(Accounts)]
pub struct Distribute<'info> {
    #[account(address = STORE_ADDRESS)]
    pub store: Box<Account<'info, Store>>,
    #[account(
        mut,
        // The vault's own record of its mints (it exists only at their PDA): the same
        // proof as re-deriving the address, without the 1,500 CU of doing so.
        has_one = agent_mint @ FeeAggregatorError::InvalidMint,
        has_one = reward_mint @ FeeAggregatorError::InvalidMint,
        constraint = vault.load()?.token_account == vault_token_account.key() @ FeeAggregatorError::TokenAccountMismatch,
        constraint = vault.load()?.reward_token_program == token_program.key() @ FeeAggregatorError::InvalidTokenProgram,
    )]
    pub vault: AccountLoader<'info, AgentVault>,
    /// `dup`: the one account this instruction writes back (the token accounts below are
    /// only moved by the token program), so Anchor's duplicate check has nothing to compare.
    #[account(mut, dup, has_one = agent_mint @ FeeAggregatorError::InvalidMint)]
    pub policy: Box<Account<'info, Policy>>,
    /// CHECK: agent-factory's record of `agent_mint` (read for the current creator).
    pub agent: UncheckedAccount<'info>,
    /// CHECK: the agent mint (the vault's and the policy's, `has_one`).
    pub agent_mint: UncheckedAccount<'info>,
    /// CHECK: the vault's reward mint (`has_one`).
    pub reward_mint: UncheckedAccount<'info>,
    /// CHECK: the vault's token account (constraint above).
    #[account(mut)]
    pub vault_token_account: UncheckedAccount<'info>,
    /// CHECK: the agent's stake pool; revenue-share checks it.
    #[account(mut)]
    pub stake_pool: UncheckedAccount<'info>,
    /// CHECK: the stake pool's vault for this reward mint; revenue-share checks it.
    #[account(mut)]
    pub stake_reward_vault: UncheckedAccount<'info>,
    /// CHECK: revenue-share's event authority; revenue-share checks it.
    pub revenue_share_event_authority: UncheckedAccount<'info>,
    pub revenue_share_program: Program<'info, RevenueShare>,
    #[account(
        mut,
        dup,
        constraint = creator_token_account.mint == reward_mint.key() @ FeeAggregatorError::TokenAccountMintMismatch,
        constraint = ![vault_token_account.key(), stake_reward_vault.key()].contains(&creator_token_account.key()) @ FeeAggregatorError::ProgramVaultAsUserAccount,
    )]
    pub creator_token_account: Box<InterfaceAccount<'info, TokenAccount>>,
    /// May be `creator_token_account` itself (a creator who is also the protocol fee
    /// recipient): both payouts are token-program transfers, nothing is written back here.
    #[account(
        mut,
        dup,
        constraint = ![vault_token_account.key(), stake_reward_vault.key()].contains(&protocol_token_account.key()) @ FeeAggregatorError::ProgramVaultAsUserAccount,
        constraint = protocol_token_account.owner == store.protocol_fee_recipient @ FeeAggregatorError::WrongRecipient,
        constraint = protocol_token_account.mint == reward_mint.key() @ FeeAggregatorError::TokenAccountMintMismatch,
    )]
    pub protocol_token_account: Box<InterfaceAccount<'info, TokenAccount>>,
    pub token_program: Interface<'info, TokenInterface>,
}

impl Distribute<'_> {
    fn validate(&self) -> Result<()> {
        let agent = read_agent(&self.agent.to_account_info(), &self.agent_mint.key()).map_err(FeeAggregatorError::from)?;
        require_keys_eq!(self.creator_token_account.owner, agent.creator, FeeAggregatorError::WrongRecipient);
        require!(self.vault.load()?.undistributed > 0, FeeAggregatorError::NothingToDistribute);
        Ok(())
    }
}

#[access_control(ctx.accounts.validate())]
pub fn handle_distribute(ctx: Context<Distribute>) -> Result<()> {
    let split = ctx.accounts.policy.apply_due(Clock::get()?.unix_timestamp);
    let a = &ctx.accounts;
    let (amount, decimals, bump) = {
        let v = a.vault.load()?;
        (v.undistributed, v.reward_decimals, [v.bump])
    };
    let parts = split.revenue().split(amount).map_err(FeeAggregatorError::from)?;

    let (agent_mint, reward_mint) = (a.agent_mint.key(), a.reward_mint.key());
    let vault_seeds = vault_signer_seeds(&agent_mint, &reward_mint, &bump);
    if parts.holders > 0 {
        invoke_program(
            revenue_share::ID,
            revenue_share::cpi::accounts::NotifyReward {
                aggregator_vault: a.vault.to_account_info(),
                source: a.vault_token_account.to_account_info(),
                stake_pool: a.stake_pool.to_account_info(),
                reward_vault: a.stake_reward_vault.to_account_info(),
                reward_mint: a.reward_mint.to_account_info(),
                token_program: a.token_program.to_account_info(),
                event_authority: a.revenue_share_event_authority.to_account_info(),
                program: a.revenue_share_program.to_account_info(),
            },
            revenue_share::instruction::NotifyReward { amount: parts.holders },
            &[&vault_seeds],
        )?;
    }
    let payouts = [
        (a.creator_token_account.to_account_info(), parts.creator),
        (a.protocol_token_account.to_account_info(), parts.protocol),
    ];
    for (to, amount) in &payouts {
        transfer(
            &a.token_program.to_account_info(),
            &a.vault_token_account.to_account_info(),
            &a.reward_mint.to_account_info(),
            to,
            &a.vault.to_account_info(),
            *amount,
            decimals,
            &[&vault_seeds],
        )?;
    }

    let mut v = a.vault.load_mut()?;
    let add = |x: u64, y: u64| x.checked_add(y).ok_or(FeeAggregatorError::MathOverflow);
    v.undistributed = 0;
    v.distributed_holders = add(v.distributed_holders, parts.holders)?;
    v.distributed_creator = add(v.distributed_creator, parts.creator)?;
    v.distributed_protocol = add(v.distributed_protocol, parts.protocol)?;
    let event = RevenueDistributed {
        agent_mint,
        reward_mint,
        holders: parts.holders,
        creator: parts.creator,
        protocol: parts.protocol,
        split,
        distributed_holders_total: v.distributed_holders,
        distributed_creator_total: v.distributed_creator,
        distributed_protocol_total: v.distributed_protocol,
    };
    drop(v);
    emit_event!(ctx, event);
    Ok(())
}
