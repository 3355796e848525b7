use agentpad_common::emit_event;
use anchor_lang::prelude::*;

use crate::constants::{STORE_ADDRESS, seeds};
use crate::error::FeeAggregatorError;
use crate::event::DelegateSet;
use crate::lz;
use crate::state::Store;

/// Names the store's LayerZero delegate at the endpoint. The delegate configures the OApp
/// there (send and receive libraries, DVNs) and can clear, skip or burn verified messages
/// without this program: a power over delivery, evented here and kept apart from the admin
/// if the deployment wants.
///
/// Remaining accounts (the endpoint's `set_delegate`): endpoint program, store, OApp
/// registry (writable), endpoint event authority, endpoint program.
#[event_cpi]
#[derive(Accounts)]
pub struct SetDelegate<'info> {
    pub admin: Signer<'info>,
    #[account(address = STORE_ADDRESS, has_one = admin @ FeeAggregatorError::NotAdmin)]
    pub store: Account<'info, Store>,
}

pub fn handle_set_delegate<'info>(ctx: Context<'info, SetDelegate<'info>>, delegate: Pubkey) -> Result<()> {
    let store = &ctx.accounts.store;
    let bump = [store.bump];
    let store_seeds: &[&[u8]] = &[seeds::STORE, &bump];
    lz::set_delegate(&store.endpoint_program, ctx.remaining_accounts, &store.key(), store_seeds, delegate)?;
    emit_event!(ctx, DelegateSet { delegate });
    Ok(())
}
