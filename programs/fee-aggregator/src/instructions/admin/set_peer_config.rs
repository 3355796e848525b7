use agentpad_common::emit_event;
use anchor_lang::prelude::*;

use crate::constants::{STORE_ADDRESS, seeds};
use crate::error::FeeAggregatorError;
use crate::event::PeerConfigSet;
use crate::state::{Peer, PeerConfigParam, Store};

/// Registers or changes the trusted remote OApp of a source endpoint, or the bounds on
/// what its fee reports may carry. A new peer accepts no fee report until its limits are
/// set.
#[event_cpi]
#[derive(Accounts)]
#[instruction(src_eid: u32)]
pub struct SetPeerConfig<'info> {
    #[account(mut)]
    pub admin: Signer<'info>,
    #[account(address = STORE_ADDRESS, has_one = admin @ FeeAggregatorError::NotAdmin)]
    pub store: Account<'info, Store>,
    #[account(
        init_if_needed,
        payer = admin,
        space = Peer::SPACE,
        seeds = [seeds::PEER, store.key().as_ref(), &src_eid.to_be_bytes()],
        bump,
    )]
    pub peer: Account<'info, Peer>,
    pub system_program: Program<'info, System>,
}

impl SetPeerConfig<'_> {
    fn validate(&self, src_eid: u32, config: &PeerConfigParam) -> Result<()> {
        require!(src_eid != 0, FeeAggregatorError::InvalidPeer);
        if let PeerConfigParam::PeerAddress(address) = config {
            require!(*address != [0; 32], FeeAggregatorError::InvalidPeer);
        }
        Ok(())
    }
}

#[access_control(ctx.accounts.validate(src_eid, &config))]
pub fn handle_set_peer_config(ctx: Context<SetPeerConfig>, src_eid: u32, config: PeerConfigParam) -> Result<()> {
    let peer = &mut ctx.accounts.peer;
    peer.src_eid = src_eid;
    peer.bump = ctx.bumps.peer;
    match config {
        PeerConfigParam::PeerAddress(address) => peer.address = address,
        PeerConfigParam::ReportLimits { max_report_sd, max_reported_total_sd } => {
            peer.max_report_sd = max_report_sd;
            peer.max_reported_total_sd = max_reported_total_sd;
        }
    }
    emit_event!(ctx, PeerConfigSet {
        src_eid,
        address: peer.address,
        max_report_sd: peer.max_report_sd,
        max_reported_total_sd: peer.max_reported_total_sd,
    });
    Ok(())
}
