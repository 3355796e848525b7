use agentpad_common::account::{create_rent_exempt, init_zero_copy, load_zero_copy_mut};
use agentpad_common::emit_event;
use agentpad_common::ids::AGENT_TOKEN_DECIMALS;
use agentpad_common::token::transfer;
use agentpad_math::reward::Accrual;
use anchor_lang::prelude::*;
use anchor_spl::token_2022::Token2022;

use crate::constants::seeds;
use crate::error::RevenueShareError;
use crate::event::Staked;
use crate::state::{Position, StakePool};

/// Stakes agent tokens. Rewards accrued so far are settled first, so new stake earns only
/// from now on.
#[event_cpi]
#[derive(Accounts)]
pub struct Stake<'info> {
    #[account(mut)]
    pub owner: Signer<'info>,
    #[account(
        mut,
        has_one = agent_mint @ RevenueShareError::AgentMintMismatch,
        constraint = stake_pool.load()?.stake_vault == stake_vault.key() @ RevenueShareError::StakeVaultMismatch,
    )]
    pub stake_pool: AccountLoader<'info, StakePool>,
    /// The owner's position in this pool, `["position", stake_pool, owner]`: on the first
    /// stake created here at that PDA (the address derived and checked); after that
    /// recognised by owner, type and the keys it stored, without re-deriving it.
    /// CHECK: as above.
    #[account(mut)]
    pub position: UncheckedAccount<'info>,
    /// CHECK: the owner's agent-token account; the token program checks owner and mint.
    #[account(mut)]
    pub owner_token_account: UncheckedAccount<'info>,
    /// CHECK: the pool's stake vault (constraint above).
    #[account(mut)]
    pub stake_vault: UncheckedAccount<'info>,
    /// CHECK: the pool's agent mint (`has_one`).
    pub agent_mint: UncheckedAccount<'info>,
    pub token_program: Program<'info, Token2022>,
    pub system_program: Program<'info, System>,
}

impl Stake<'_> {
    fn validate(&self, amount: u64) -> Result<()> {
        require!(amount > 0, RevenueShareError::ZeroAmount);
        if *self.position.owner == crate::ID {
            let position = load_zero_copy_mut::<Position>(&self.position)?;
            require_keys_eq!(position.stake_pool, self.stake_pool.key(), RevenueShareError::PositionPoolMismatch);
            require_keys_eq!(position.owner, self.owner.key(), RevenueShareError::NotPositionOwner);
        }
        Ok(())
    }

    /// Creates the owner's position at its PDA (the canonical bump, found here).
    fn create_position(&self) -> Result<u8> {
        let (pool, owner) = (self.stake_pool.key(), self.owner.key());
        let position_seeds: &[&[u8]] = &[seeds::POSITION, pool.as_ref(), owner.as_ref()];
        let (address, bump) = Pubkey::find_program_address(position_seeds, &crate::ID);
        if address != self.position.key() {
            return Err(Error::from(ErrorCode::ConstraintSeeds).with_account_name("position").with_pubkeys((self.position.key(), address)));
        }
        let signer: &[&[u8]] = &[seeds::POSITION, pool.as_ref(), owner.as_ref(), &[bump]];
        create_rent_exempt(&self.system_program, &self.owner, &self.position, Position::SPACE, &crate::ID, signer, &Rent::get()?)?;
        Ok(bump)
    }
}

#[access_control(ctx.accounts.validate(amount))]
pub fn handle_stake(ctx: Context<Stake>, amount: u64) -> Result<()> {
    let a = &ctx.accounts;
    transfer(&a.token_program, &a.owner_token_account, &a.agent_mint, &a.stake_vault, &a.owner, amount, AGENT_TOKEN_DECIMALS, &[])?;

    let now = Clock::get()?.unix_timestamp;
    let is_new = *a.position.owner != crate::ID;
    let new_bump = if is_new { Some(a.create_position()?) } else { None };
    let mut pool = a.stake_pool.load_mut()?;
    pool.update_all(now)?;
    let mut position = match new_bump {
        Some(bump) => {
            let mut position = init_zero_copy::<Position>(&a.position)?;
            position.owner = a.owner.key();
            position.stake_pool = a.stake_pool.key();
            position.bump = bump;
            for (i, slot) in pool.active_rewards().iter().enumerate() {
                position.accruals[i].set(&Accrual::start(&slot.stream()));
            }
            position
        }
        None => load_zero_copy_mut::<Position>(&a.position)?,
    };
    position.settle_all(&pool)?;
    position.staked = position.staked.checked_add(amount).ok_or(RevenueShareError::MathOverflow)?;
    pool.total_staked = pool.total_staked.checked_add(amount).ok_or(RevenueShareError::MathOverflow)?;
    let event = Staked {
        stake_pool: a.stake_pool.key(),
        owner: a.owner.key(),
        amount,
        position_staked: position.staked,
        total_staked: pool.total_staked,
    };
    drop((pool, position));
    emit_event!(ctx, event);
    Ok(())
}
