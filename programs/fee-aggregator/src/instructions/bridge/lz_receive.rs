use agentpad_common::account::{create_account, create_rent_exempt, write_borsh};
use agentpad_math::revenue::shared_to_local;
use agentpad_common::emit_event;
use anchor_lang::prelude::*;

use super::{link_address, receipt_address};
use crate::constants::{STORE_ADDRESS, seeds};
use crate::error::FeeAggregatorError;
use crate::event::{AgentLinked, FeeReported};
use crate::lz::{self, ClearParams, LzReceiveParams};
use crate::message::{self, AgentLink as LinkMessage, FeeReport, kind};
use crate::state::{AgentLink, AgentVault, Peer, Store};

/// Delivers one message from the agentpad router on a remote chain: a fee report (fees an
/// agent earned and kept there, recorded per chain as statistics; no tokens move) or an
/// agent link (which Solana mint a remote agent token is, and who may register it).
///
/// Order: the sender must be the registered peer for `src_eid` and the message valid; the
/// endpoint's `clear` (remaining accounts, LayerZero's helper order) burns the verified
/// payload hash; the receipt PDA per `(src_eid, message id)` is created, so an id is applied
/// once whatever nonce carries it. Delivery is unordered.
#[event_cpi]
#[derive(Accounts)]
#[instruction(params: LzReceiveParams)]
pub struct LzReceive<'info> {
    #[account(mut)]
    pub payer: Signer<'info>,
    #[account(address = STORE_ADDRESS)]
    pub store: Box<Account<'info, Store>>,
    /// CHECK: the peer of `src_eid` (owner, type, stored eid: `Peer::load`).
    pub peer: UncheckedAccount<'info>,
    /// CHECK: what the message writes — the vault a fee report names (`AgentVault::load_checked`)
    /// or the link PDA of the mint a link names — checked in the handler.
    #[account(mut)]
    pub target: UncheckedAccount<'info>,
    /// CHECK: the message's receipt PDA, created in the handler.
    #[account(mut)]
    pub receipt: UncheckedAccount<'info>,
    pub system_program: Program<'info, System>,
}

pub fn handle_lz_receive<'info>(ctx: Context<'info, LzReceive<'info>>, params: LzReceiveParams) -> Result<()> {
    let peer = Peer::load(&ctx.accounts.peer, params.src_eid)?;
    peer.check_sender(&params.sender)?;
    match message::kind_of(&params.message).map_err(FeeAggregatorError::from)? {
        kind::FEE_REPORT => receive_fee_report(ctx, &peer, params),
        kind::AGENT_LINK => receive_link(ctx, params),
        _ => err!(FeeAggregatorError::UnknownMessageKind),
    }
}

fn receive_fee_report<'info>(ctx: Context<'info, LzReceive<'info>>, peer: &Peer, params: LzReceiveParams) -> Result<()> {
    let report = FeeReport::decode(&params.message).map_err(FeeAggregatorError::from)?;
    let vault_info = ctx.accounts.target.to_account_info();
    let decimals = AgentVault::load_checked(&vault_info, &report.agent, &report.reward_mint)?.reward_decimals;
    let amount = shared_to_local(report.amount_sd, decimals).map_err(|_| {
        if decimals < agentpad_math::revenue::SHARED_DECIMALS {
            FeeAggregatorError::UnsupportedDecimals
        } else {
            FeeAggregatorError::MathOverflow
        }
    })?;
    let src_eid = params.src_eid;
    clear_once(&ctx, params, report.report_id)?;

    let mut vault = AgentVault::load_checked(&vault_info, &report.agent, &report.reward_mint)?;
    let reported_total = vault.record_report(src_eid, amount)?;
    peer.check_report(report.amount_sd, reported_total, decimals)?;
    drop(vault);
    emit_event!(ctx, FeeReported {
        agent_mint: report.agent,
        reward_mint: report.reward_mint,
        src_eid,
        report_id: report.report_id,
        source_epoch: report.source_epoch,
        amount,
        reported_total,
    });
    Ok(())
}

/// Creates the mint's link, or replaces it with a later one (a higher link id). The link
/// decides nothing until agent-factory's `register_bridged_agent` reads it.
fn receive_link<'info>(ctx: Context<'info, LzReceive<'info>>, params: LzReceiveParams) -> Result<()> {
    let msg = LinkMessage::decode(&params.message).map_err(FeeAggregatorError::from)?;
    let unset = Pubkey::default();
    require!(msg.agent != unset && msg.creator != unset && msg.oft_store != unset, FeeAggregatorError::InvalidLink);
    let (link_key, bump) = link_address(&msg.agent);
    let target = ctx.accounts.target.to_account_info();
    require_keys_eq!(target.key(), link_key, FeeAggregatorError::LinkMismatch);
    // A link exists once this program owns the address (lamports sent there prove nothing).
    let previous = if *target.owner == crate::ID { Some(AgentLink::try_deserialize(&mut &target.try_borrow_data()?[..])?) } else { None };
    if let Some(previous) = &previous {
        require!(msg.link_id > previous.link_id, FeeAggregatorError::StaleLink);
    }
    let src_eid = params.src_eid;
    clear_once(&ctx, params, msg.link_id)?;

    if previous.is_none() {
        let a = &ctx.accounts;
        let link_seeds: &[&[u8]] = &[seeds::AGENT_LINK, msg.agent.as_ref(), &[bump]];
        create_rent_exempt(&a.system_program.to_account_info(), &a.payer.to_account_info(), &target, AgentLink::SPACE, &crate::ID, link_seeds, &Rent::get()?)?;
    }
    write_borsh(&target, &AgentLink {
        mint: msg.agent,
        creator: msg.creator,
        oft_store: msg.oft_store,
        origin_eid: src_eid,
        origin_token: msg.origin_token,
        link_id: msg.link_id,
        bump,
    })?;
    emit_event!(ctx, AgentLinked {
        agent_mint: msg.agent,
        creator: msg.creator,
        oft_store: msg.oft_store,
        src_eid,
        origin_token: msg.origin_token,
        link_id: msg.link_id,
        previous_creator: previous.map_or(unset, |p| p.creator),
    });
    Ok(())
}

/// Clears the message at the endpoint (the store signs as receiver) and creates its
/// receipt: an empty account this program owns at a PDA only it can sign for, so message
/// id `id` from `src_eid` is applied once.
fn clear_once<'info>(ctx: &Context<'info, LzReceive<'info>>, params: LzReceiveParams, id: u64) -> Result<()> {
    let a = &ctx.accounts;
    let (receipt, receipt_bump) = receipt_address(params.src_eid, id);
    require_keys_eq!(a.receipt.key(), receipt, FeeAggregatorError::ReceiptMismatch);
    // A receipt exists only once this program owns it: lamports anyone can send to the
    // address prove nothing (audit finding 1).
    require!(*a.receipt.owner != crate::ID, FeeAggregatorError::ReplayedReport);

    let store_bump = [a.store.bump];
    let store_seeds: &[&[u8]] = &[seeds::STORE, &store_bump];
    let clear = ClearParams {
        receiver: a.store.key(),
        src_eid: params.src_eid,
        sender: params.sender,
        nonce: params.nonce,
        guid: params.guid,
        message: params.message,
    };
    lz::clear(&a.store.endpoint_program, ctx.remaining_accounts, store_seeds, &clear)?;

    let eid_bytes = params.src_eid.to_be_bytes();
    let id_bytes = id.to_be_bytes();
    let receipt_seeds: &[&[u8]] = &[seeds::RECEIPT, &eid_bytes, &id_bytes, &[receipt_bump]];
    create_account(&a.system_program.to_account_info(), &a.payer.to_account_info(), &a.receipt.to_account_info(), 0, agentpad_common::account::rent_exempt_minimum(0)?, &crate::ID, &[receipt_seeds])
}
