use agentpad_common::interface::read_agent;
use agentpad_common::cpi::invoke_program;
use agentpad_common::emit_event;
use anchor_lang::prelude::*;
use anchor_spl::token_interface::TokenAccount;

use crate::constants::STORE_ADDRESS;
use crate::error::FeeAggregatorError;
use crate::event::RevenueDistributed;
use crate::instructions::vault::vault_signer_seeds;
use crate::instructions::groups::*;
use crate::state::{Policy, Store};
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
    pub agent_vault: VaultTokens<'info>,
    /// `dup`: the one account this instruction writes back (the token accounts below are
    /// only moved by the token program), so Anchor's duplicate check has nothing to compare.
    #[account(mut, dup, has_one = agent_mint @ FeeAggregatorError::InvalidMint)]
    pub policy: Box<Account<'info, Policy>>,
    /// CHECK: agent-factory's record of `agent_mint` (read for the current creator).
    pub agent: UncheckedAccount<'info>,
    /// CHECK: the agent mint (the vault's and the policy's stored key).
    #[account(constraint = agent_vault.vault.load()?.agent_mint == agent_mint.key() @ FeeAggregatorError::InvalidMint)]
    pub agent_mint: UncheckedAccount<'info>,
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
        constraint = creator_token_account.mint == agent_vault.reward_mint.key() @ FeeAggregatorError::TokenAccountMintMismatch,
        constraint = ![agent_vault.vault_token_account.key(), stake_reward_vault.key()].contains(&creator_token_account.key()) @ FeeAggregatorError::ProgramVaultAsUserAccount,
    )]
    pub creator_token_account: Box<InterfaceAccount<'info, TokenAccount>>,
    /// May be `creator_token_account` itself (a creator who is also the protocol fee
    /// recipient): both payouts are token-program transfers, nothing is written back here.
    #[account(
        mut,
        dup,
        constraint = ![agent_vault.vault_token_account.key(), stake_reward_vault.key()].contains(&protocol_token_account.key()) @ FeeAggregatorError::ProgramVaultAsUserAccount,
        constraint = protocol_token_account.owner == store.protocol_fee_recipient @ FeeAggregatorError::WrongRecipient,
        constraint = protocol_token_account.mint == agent_vault.reward_mint.key() @ FeeAggregatorError::TokenAccountMintMismatch,
    )]
    pub protocol_token_account: Box<InterfaceAccount<'info, TokenAccount>>,
}

impl Distribute<'_> {
    fn validate(&self) -> Result<()> {
        let agent = read_agent(&self.agent.to_account_info(), &self.agent_mint.key()).map_err(FeeAggregatorError::from)?;
        require_keys_eq!(self.creator_token_account.owner, agent.creator, FeeAggregatorError::WrongRecipient);
        require!(self.agent_vault.vault.load()?.undistributed > 0, FeeAggregatorError::NothingToDistribute);
        Ok(())
    }
}

#[access_control(ctx.accounts.validate())]
pub fn handle_distribute(ctx: Context<Distribute>) -> Result<()> {
    let split = ctx.accounts.policy.apply_due(Clock::get()?.unix_timestamp);
    let a = &ctx.accounts;
    let v = &a.agent_vault;
    let (amount, bump) = {
        let vault = v.vault.load()?;
        (vault.undistributed, [vault.bump])
    };
    let parts = split.revenue().split(amount).map_err(FeeAggregatorError::from)?;

    let (agent_mint, reward_mint) = (a.agent_mint.key(), v.reward_mint.key());
    if parts.holders > 0 {
        let vault_seeds = vault_signer_seeds(&agent_mint, &reward_mint, &bump);
        invoke_program(
            revenue_share::ID,
            revenue_share::cpi::accounts::NotifyReward {
                aggregator_vault: v.vault.to_account_info(),
                source: v.vault_token_account.to_account_info(),
                stake_pool: a.stake_pool.to_account_info(),
                reward_vault: a.stake_reward_vault.to_account_info(),
                reward_mint: v.reward_mint.to_account_info(),
                token_program: v.token_program.to_account_info(),
                event_authority: a.revenue_share_event_authority.to_account_info(),
                program: a.revenue_share_program.to_account_info(),
            },
            revenue_share::instruction::NotifyReward { amount: parts.holders },
            &[&vault_seeds],
        )?;
    }
    v.transfer_out(&a.creator_token_account.to_account_info(), parts.creator)?;
    v.transfer_out(&a.protocol_token_account.to_account_info(), parts.protocol)?;

    let mut vault = v.vault.load_mut()?;
    let add = |x: u64, y: u64| x.checked_add(y).ok_or(FeeAggregatorError::MathOverflow);
    vault.undistributed = 0;
    vault.distributed_holders = add(vault.distributed_holders, parts.holders)?;
    vault.distributed_creator = add(vault.distributed_creator, parts.creator)?;
    vault.distributed_protocol = add(vault.distributed_protocol, parts.protocol)?;
    let event = RevenueDistributed {
        agent_mint,
        reward_mint,
        holders: parts.holders,
        creator: parts.creator,
        protocol: parts.protocol,
        split,
        distributed_holders_total: vault.distributed_holders,
        distributed_creator_total: vault.distributed_creator,
        distributed_protocol_total: vault.distributed_protocol,
    };
    drop(vault);
    emit_event!(ctx, event);
    Ok(())
}
