use agentpad_common::token::transfer;
use agentpad_common::emit_event;
use anchor_lang::prelude::*;

use crate::error::RevenueShareError;
use crate::event::RewardClaimed;
use crate::instructions::groups::*;
use crate::state::pool_signer_seeds;

/// Claims a position's rewards for one reward mint or several: the remaining accounts come
/// in groups of four per mint — reward mint, the pool's reward vault, the destination token
/// account, the mint's token program.
#[event_cpi]
#[derive(Accounts)]
pub struct Claim<'info> {
    pub staker: OwnPosition<'info>,
}

impl Claim<'_> {
    /// The remaining accounts: at least one group of (reward mint, the pool's vault for it,
    /// a destination that is not one of the pool's vaults, the mint's token program).
    fn validate(&self, groups: &[AccountInfo]) -> Result<()> {
        require!(!groups.is_empty() && groups.len() % 4 == 0, RevenueShareError::MalformedClaimAccounts);
        let pool = self.staker.stake_pool.load()?;
        for group in groups.chunks_exact(4) {
            let [mint, vault, destination, token_program] = group else { unreachable!() };
            require!(!pool.is_own_vault(destination.key), RevenueShareError::ProgramVaultAsUserAccount);
            let slot = &pool.rewards[pool.slot_index(mint.key)?];
            require_keys_eq!(slot.vault, vault.key(), RevenueShareError::VaultMismatch);
            require_keys_eq!(slot.token_program, token_program.key(), RevenueShareError::InvalidTokenProgram);
        }
        Ok(())
    }
}

#[access_control(ctx.accounts.validate(ctx.remaining_accounts))]
pub fn handle_claim<'info>(ctx: Context<'info, Claim<'info>>) -> Result<()> {
    let groups = ctx.remaining_accounts.chunks_exact(4);
    let now = Clock::get()?.unix_timestamp;
    let staker = &ctx.accounts.staker;
    let (stake_pool, owner) = (staker.stake_pool.key(), staker.owner.key());

    // Settle and take what is owed, per requested mint, before any token moves.
    let mut payouts = Vec::with_capacity(groups.len());
    let (agent_mint, bump) = {
        let mut pool = staker.stake_pool.load_mut()?;
        let mut position = staker.position.load_mut()?;
        pool.update_all(now)?;
        position.settle_all(&pool)?;
        for group in ctx.remaining_accounts.chunks_exact(4) {
            let index = pool.slot_index(group[0].key)?;
            let slot = pool.rewards[index];
            let mut stream = slot.stream();
            let mut accrual = position.accruals[index].get();
            let amount = accrual.claim(&mut stream).map_err(RevenueShareError::from)?;
            position.accruals[index].set(&accrual);
            pool.rewards[index].store(&stream);
            payouts.push((group, amount, slot.decimals, stream.total_claimed));
        }
        (pool.agent_mint, [pool.bump])
    };

    let pool_seeds = pool_signer_seeds(&agent_mint, &bump);
    let pool_info = staker.stake_pool.to_account_info();
    for (group, amount, decimals, total_claimed) in payouts {
        let [mint, vault, destination, token_program] = group else { unreachable!() };
        transfer(token_program, vault, mint, destination, &pool_info, amount, decimals, &[&pool_seeds])?;
        emit_event!(ctx, RewardClaimed { stake_pool, owner, reward_mint: mint.key(), amount, total_claimed });
    }
    Ok(())
}
