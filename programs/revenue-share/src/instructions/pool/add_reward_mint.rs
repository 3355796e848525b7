use agentpad_common::interface::read_agent;
use agentpad_common::emit_event;
use agentpad_common::token::create_token_account;
use anchor_lang::prelude::*;
use anchor_spl::token_interface::{Mint, TokenInterface};

use super::add_reward_slot;
use crate::constants::seeds;
use crate::error::RevenueShareError;
use crate::event::RewardMintAdded;
use crate::state::StakePool;

/// The agent's creator adds a reward mint (up to four per pool), e.g. a bridged token the
/// agent earns in. Creator-only so nobody can fill the slots with junk mints.
#[event_cpi]
#[derive(Accounts)]
pub struct AddRewardMint<'info> {
    #[account(mut)]
    pub creator: Signer<'info>,
    /// CHECK: agent-factory's record of the pool's agent (owner, type and stored mint checked).
    pub agent: UncheckedAccount<'info>,
    /// Any stake pool: `AccountLoader` checks owner and type, and a pool exists only at its
    /// PDA (re-deriving it would cost 1,500 CU and prove nothing more).
    #[account(mut)]
    pub stake_pool: AccountLoader<'info, StakePool>,
    #[account(mint::token_program = reward_token_program)]
    pub reward_mint: Box<InterfaceAccount<'info, Mint>>,
    /// CHECK: created here: the pool's token account of `reward_mint`.
    #[account(mut, seeds = [seeds::REWARD_VAULT, stake_pool.key().as_ref(), reward_mint.key().as_ref()], bump)]
    pub reward_vault: UncheckedAccount<'info>,
    pub reward_token_program: Interface<'info, TokenInterface>,
    pub system_program: Program<'info, System>,
}

impl AddRewardMint<'_> {
    fn validate(&self) -> Result<()> {
        let agent_mint = self.stake_pool.load()?.agent_mint;
        let agent = read_agent(&self.agent.to_account_info(), &agent_mint).map_err(RevenueShareError::from)?;
        require_keys_eq!(agent.creator, self.creator.key(), RevenueShareError::NotCreator);
        Ok(())
    }
}

#[access_control(ctx.accounts.validate())]
pub fn handle_add_reward_mint(ctx: Context<AddRewardMint>) -> Result<()> {
    let a = &ctx.accounts;
    let (stake_pool, reward_mint) = (a.stake_pool.key(), a.reward_mint.key());
    let vault_seeds: &[&[u8]] = &[seeds::REWARD_VAULT, stake_pool.as_ref(), reward_mint.as_ref(), &[ctx.bumps.reward_vault]];
    let (system, program) = (a.system_program.to_account_info(), a.reward_token_program.to_account_info());
    create_token_account(&system, &program, &a.creator, &a.reward_vault, &a.reward_mint.to_account_info(), &stake_pool, vault_seeds, &Rent::get()?)?;
    let index = add_reward_slot(&mut *a.stake_pool.load_mut()?, &a.reward_mint, a.reward_vault.key(), a.reward_token_program.key())?;
    emit_event!(ctx, RewardMintAdded { stake_pool: a.stake_pool.key(), reward_mint: a.reward_mint.key(), index });
    Ok(())
}
