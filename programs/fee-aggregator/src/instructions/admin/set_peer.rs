use anchor_lang::prelude::*;

use crate::constants::seeds;
use crate::error::FeeAggregatorError;
use crate::event::PeerSet;
use crate::state::{Peer, Store};

/// Registers (or replaces) the trusted remote OApp for a source endpoint id.
#[event_cpi]
#[derive(Accounts)]
#[instruction(src_eid: u32)]
pub struct SetPeer<'info> {
    #[account(mut)]
    pub admin: Signer<'info>,
    #[account(seeds = [seeds::STORE], bump = store.bump, has_one = admin @ FeeAggregatorError::NotAdmin)]
    pub store: Account<'info, Store>,
    #[account(
        init_if_needed,
        payer = admin,
        space = 8 + Peer::INIT_SPACE,
        seeds = [seeds::PEER, store.key().as_ref(), &src_eid.to_be_bytes()],
        bump,
    )]
    pub peer: Account<'info, Peer>,
    pub system_program: Program<'info, System>,
}

pub fn handle_set_peer(ctx: Context<SetPeer>, src_eid: u32, address: [u8; 32]) -> Result<()> {
    require!(src_eid != 0 && address != [0; 32], FeeAggregatorError::InvalidPeer);
    ctx.accounts.peer.set_inner(Peer { src_eid, address, bump: ctx.bumps.peer });
    emit_cpi!(PeerSet { src_eid, address });
    Ok(())
}
