use agentpad_common::agent_record::is_agent_of;
use agentpad_common::mint_screen::screen_mint;
use agentpad_common::emit_event;
use anchor_lang::prelude::*;
use anchor_spl::token_interface::{Mint, TokenAccount, TokenInterface};

use crate::constants::{STORE_ADDRESS, seeds};
use crate::error::FeeAggregatorError;
use crate::event::VaultCreated;
use crate::state::{AgentVault, ChainTotals, Policy, Store};

/// Creates an agent's fee vault for one reward mint (agent-factory does it at launch for
/// the quote mint; anyone may add another reward mint later), and the agent's policy with
/// the default split if it has none yet.
#[event_cpi]
#[derive(Accounts)]
pub struct CreateVault<'info> {
    #[account(mut)]
    pub payer: Signer<'info>,
    #[account(address = STORE_ADDRESS)]
    pub store: Box<Account<'info, Store>>,
    /// CHECK: agent-factory's record for `agent_mint` (checked: PDA and owner).
    pub agent: UncheckedAccount<'info>,
    /// CHECK: the agent token mint; only its address is used (the record vouches for it).
    pub agent_mint: UncheckedAccount<'info>,
    #[account(mint::token_program = token_program)]
    pub reward_mint: Box<InterfaceAccount<'info, Mint>>,
    #[account(
        init,
        payer = payer,
        space = 8 + core::mem::size_of::<AgentVault>(),
        seeds = [seeds::VAULT, agent_mint.key().as_ref(), reward_mint.key().as_ref()],
        bump,
    )]
    pub vault: AccountLoader<'info, AgentVault>,
    #[account(
        init,
        payer = payer,
        seeds = [seeds::VAULT_TOKENS, vault.key().as_ref()],
        bump,
        token::mint = reward_mint,
        token::authority = vault,
        token::token_program = token_program,
    )]
    pub vault_token_account: Box<InterfaceAccount<'info, TokenAccount>>,
    #[account(
        init_if_needed,
        payer = payer,
        space = 8 + Policy::INIT_SPACE,
        seeds = [seeds::POLICY, agent_mint.key().as_ref()],
        bump,
    )]
    pub policy: Box<Account<'info, Policy>>,
    pub token_program: Interface<'info, TokenInterface>,
    pub system_program: Program<'info, System>,
}

impl CreateVault<'_> {
    fn validate(&self) -> Result<()> {
        is_agent_of(&self.agent.to_account_info(), &self.agent_mint.key()).map_err(FeeAggregatorError::from)?;
        screen_mint(&self.reward_mint.to_account_info()).map_err(FeeAggregatorError::from)?;
        Ok(())
    }
}

#[access_control(ctx.accounts.validate())]
pub fn handle_create_vault(ctx: Context<CreateVault>) -> Result<()> {
    let a = &mut *ctx.accounts;
    let (agent_mint, reward_mint) = (a.agent_mint.key(), a.reward_mint.key());
    *a.vault.load_init()? = AgentVault {
        agent_mint,
        reward_mint,
        token_account: a.vault_token_account.key(),
        reward_token_program: a.token_program.key(),
        total_local: 0,
        total_direct: 0,
        total_bridged: 0,
        undistributed: 0,
        distributed_holders: 0,
        distributed_creator: 0,
        distributed_protocol: 0,
        chains: [ChainTotals::default(); crate::constants::MAX_CHAINS as usize],
        bump: ctx.bumps.vault,
        reward_decimals: a.reward_mint.decimals,
        _padding: [0; 6],
        _reserved: [0; 8],
    };
    if !a.policy.initialized {
        a.policy.set_inner(Policy {
            agent_mint,
            split: a.store.default_split,
            pending_split: a.store.default_split,
            pending_at: 0,
            initialized: true,
            bump: ctx.bumps.policy,
        });
    }
    emit_event!(ctx, VaultCreated { vault: ctx.accounts.vault.key(), agent_mint, reward_mint });
    Ok(())
}
