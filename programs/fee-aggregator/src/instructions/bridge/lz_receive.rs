use agentpad_common::account::create_account;
use agentpad_math::revenue::shared_to_local;
use agentpad_common::emit_event;
use anchor_lang::prelude::*;

use super::receipt_address;
use crate::constants::{STORE_ADDRESS, seeds};
use crate::error::FeeAggregatorError;
use crate::event::FeeReported;
use crate::lz::{self, ClearParams, LzReceiveParams};
use crate::message::FeeReport;
use crate::state::{AgentVault, Peer, Store};

/// Delivers one fee report from the agentpad router on a remote chain: fees an agent
/// earned and kept there, recorded per chain (statistics; no tokens move).
///
/// Order: the sender must be the registered peer for `src_eid` and the report within its
/// limits; the endpoint's `clear` (remaining accounts, LayerZero's helper order) burns the
/// verified payload hash; the receipt PDA per `(src_eid, report_id)` is created, so a
/// report id is recorded once whatever nonce carries it. Delivery is unordered.
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
    /// CHECK: the vault the report names, checked against its PDA in the handler.
    #[account(mut)]
    pub vault: UncheckedAccount<'info>,
    /// CHECK: the report's receipt PDA, created in the handler.
    #[account(mut)]
    pub receipt: UncheckedAccount<'info>,
    pub system_program: Program<'info, System>,
}

pub fn handle_lz_receive<'info>(ctx: Context<'info, LzReceive<'info>>, params: LzReceiveParams) -> Result<()> {
    let a = &ctx.accounts;
    let store = a.store.key();
    let peer = Peer::load(&a.peer, params.src_eid)?;
    peer.check_sender(&params.sender)?;
    let report = FeeReport::decode(&params.message).map_err(FeeAggregatorError::from)?;
    let vault_info = a.vault.to_account_info();
    let decimals = AgentVault::load_checked(&vault_info, &report.agent, &report.reward_mint)?.reward_decimals;
    let amount = shared_to_local(report.amount_sd, decimals).map_err(|_| {
        if decimals < agentpad_math::revenue::SHARED_DECIMALS {
            FeeAggregatorError::UnsupportedDecimals
        } else {
            FeeAggregatorError::MathOverflow
        }
    })?;
    let (receipt, receipt_bump) = receipt_address(params.src_eid, report.report_id);
    require_keys_eq!(a.receipt.key(), receipt, FeeAggregatorError::ReceiptMismatch);
    // A receipt exists only once this program owns it: lamports anyone can send to the
    // address prove nothing (audit finding 1).
    require!(*a.receipt.owner != crate::ID, FeeAggregatorError::ReplayedReport);

    // Clear the message at the endpoint (the store signs as receiver).
    let store_bump = [a.store.bump];
    let store_seeds: &[&[u8]] = &[seeds::STORE, &store_bump];
    let clear = ClearParams {
        receiver: store,
        src_eid: params.src_eid,
        sender: params.sender,
        nonce: params.nonce,
        guid: params.guid,
        message: params.message,
    };
    lz::clear(&a.store.endpoint_program, ctx.remaining_accounts, store_seeds, &clear)?;

    // The receipt: an empty account this program owns, at a PDA only it can sign for.
    let eid_bytes = params.src_eid.to_be_bytes();
    let id_bytes = report.report_id.to_be_bytes();
    let receipt_seeds: &[&[u8]] = &[seeds::RECEIPT, &eid_bytes, &id_bytes, &[receipt_bump]];
    create_account(&a.system_program.to_account_info(), &a.payer.to_account_info(), &a.receipt.to_account_info(), 0, agentpad_common::account::rent_exempt_minimum(0)?, &crate::ID, &[receipt_seeds])?;

    let mut vault = AgentVault::load_checked(&vault_info, &report.agent, &report.reward_mint)?;
    let reported_total = vault.record_report(params.src_eid, amount)?;
    peer.check_report(report.amount_sd, reported_total, decimals)?;
    drop(vault);
    emit_event!(ctx, FeeReported {
        agent_mint: report.agent,
        reward_mint: report.reward_mint,
        src_eid: params.src_eid,
        report_id: report.report_id,
        source_epoch: report.source_epoch,
        amount,
        reported_total,
    });
    Ok(())
}
