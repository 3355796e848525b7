use agentpad_common::interface::read_agent;
use agentpad_common::mint_screen::screen_mint;
use agentpad_common::account::{create_rent_exempt, write_borsh, init_zero_copy};
use agentpad_common::emit_event;
use agentpad_common::token::create_token_account;
use anchor_lang::prelude::*;
use anchor_spl::token_interface::{Mint, TokenInterface};

use crate::constants::{STORE_ADDRESS, seeds};
use crate::error::FeeAggregatorError;
use crate::event::VaultCreated;
use crate::instructions::vault::vault_signer_seeds;
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
    /// agent-factory's record of `agent_mint` (owner, type and stored mint checked; at
    /// launch agent-factory writes it before this call).
    /// CHECK: in `validate`.
    pub agent: UncheckedAccount<'info>,
    /// CHECK: the agent token mint; only its address is used (the record vouches for it).
    pub agent_mint: UncheckedAccount<'info>,
    #[account(mint::token_program = token_program)]
    pub reward_mint: Box<InterfaceAccount<'info, Mint>>,
    /// CHECK: created here at its PDA (the seeds constraint checks the address).
    #[account(mut, seeds = [seeds::VAULT, agent_mint.key().as_ref(), reward_mint.key().as_ref()], bump)]
    pub vault: UncheckedAccount<'info>,
    /// CHECK: created here: a token account of the reward mint owned by the vault.
    #[account(mut, seeds = [seeds::VAULT_TOKENS, vault.key().as_ref()], bump)]
    pub vault_token_account: UncheckedAccount<'info>,
    /// The agent's policy, created here with the default split unless the agent has one
    /// (an account this program owns at this PDA).
    /// CHECK: as above.
    #[account(mut, seeds = [seeds::POLICY, agent_mint.key().as_ref()], bump)]
    pub policy: UncheckedAccount<'info>,
    pub token_program: Interface<'info, TokenInterface>,
    pub system_program: Program<'info, System>,
}

impl CreateVault<'_> {
    fn validate(&self) -> Result<()> {
        read_agent(&self.agent.to_account_info(), &self.agent_mint.key()).map_err(FeeAggregatorError::from)?;
        screen_mint(&self.reward_mint.to_account_info()).map_err(FeeAggregatorError::from)?;
        Ok(())
    }
}

#[access_control(ctx.accounts.validate())]
pub fn handle_create_vault(ctx: Context<CreateVault>) -> Result<()> {
    let a = &ctx.accounts;
    let rent = Rent::get()?;
    let (system, payer) = (a.system_program.to_account_info(), a.payer.to_account_info());
    let (agent_mint, reward_mint, vault) = (a.agent_mint.key(), a.reward_mint.key(), a.vault.key());
    let vault_info = a.vault.to_account_info();
    let vault_bump = [ctx.bumps.vault];
    let vault_seeds = vault_signer_seeds(&agent_mint, &reward_mint, &vault_bump);
    create_rent_exempt(&system, &payer, &vault_info, AgentVault::SPACE, &crate::ID, &vault_seeds, &rent)?;
    let tokens_seeds: &[&[u8]] = &[seeds::VAULT_TOKENS, vault.as_ref(), &[ctx.bumps.vault_token_account]];
    let program = a.token_program.to_account_info();
    create_token_account(&system, &program, &payer, &a.vault_token_account, &a.reward_mint.to_account_info(), &vault, tokens_seeds, &rent)?;
    *init_zero_copy::<AgentVault>(&vault_info)? = AgentVault {
        agent_mint,
        reward_mint,
        token_account: a.vault_token_account.key(),
        reward_token_program: program.key(),
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
        total_commerce: 0,
        _reserved: [0; 7],
    };
    // One policy per agent, made with its first vault; a later vault finds it in place.
    if *a.policy.owner != crate::ID {
        let policy_seeds: &[&[u8]] = &[seeds::POLICY, agent_mint.as_ref(), &[ctx.bumps.policy]];
        create_rent_exempt(&system, &payer, &a.policy, Policy::SPACE, &crate::ID, policy_seeds, &rent)?;
        let default = a.store.default_split;
        write_borsh(&a.policy, &Policy { agent_mint, split: default, pending_split: default, pending_at: 0, initialized: true, bump: ctx.bumps.policy })?;
    }
    emit_event!(ctx, VaultCreated { vault, agent_mint, reward_mint });
    Ok(())
}
