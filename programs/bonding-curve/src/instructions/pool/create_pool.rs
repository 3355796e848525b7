use agentpad_common::emit_event;
use anchor_lang::prelude::*;

use crate::instructions::groups::*;

/// Creates a pool and its two vaults for a freshly launched agent token. Only the
/// agent-factory's launcher PDA may call it (it then mints the whole supply into the base
/// vault and drops the mint authority, in the same instruction).
#[event_cpi]
#[derive(Accounts)]
pub struct CreatePool<'info> {
    pub new_pool: NewPool<'info>,
}

#[access_control(ctx.accounts.new_pool.validate())]
pub fn handle_create_pool(ctx: Context<CreatePool>, creator_fee_authority: Pubkey) -> Result<()> {
    let b = &ctx.bumps.new_pool;
    let event = ctx.accounts.new_pool.open([b.pool, b.base_vault, b.quote_vault], creator_fee_authority, Opening::Curve)?;
    emit_event!(ctx, event);
    Ok(())
}
