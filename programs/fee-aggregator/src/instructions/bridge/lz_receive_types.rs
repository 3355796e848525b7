use anchor_lang::prelude::*;

use super::{event_authority_address, link_address, peer_address, receipt_address, vault_address};
use crate::constants::STORE_ADDRESS;
use crate::error::FeeAggregatorError;
use crate::lz::{self, ClearParams, LzAccount, LzReceiveParams};
use crate::message::{self, AgentLink, FeeReport, kind};
use crate::state::Store;

/// Read-only: the executor simulates this (with the accounts of `["LzReceiveTypes",
/// store]`) to learn the accounts `lz_receive` needs for a message, in order:
/// `lz_receive`'s own accounts, then the endpoint's `clear` accounts.
#[derive(Accounts)]
pub struct LzReceiveTypes<'info> {
    #[account(address = STORE_ADDRESS)]
    pub store: Account<'info, Store>,
}

pub fn handle_lz_receive_types(ctx: Context<LzReceiveTypes>, params: LzReceiveParams) -> Result<Vec<LzAccount>> {
    receive_accounts(&ctx.accounts.store.key(), &ctx.accounts.store.endpoint_program, &params)
}

/// The account list `lz_receive_types` returns (also usable off-chain).
pub fn receive_accounts(store: &Pubkey, endpoint: &Pubkey, params: &LzReceiveParams) -> Result<Vec<LzAccount>> {
    // What the message writes, and the id its receipt is keyed by.
    let (target, id) = match message::kind_of(&params.message).map_err(FeeAggregatorError::from)? {
        kind::FEE_REPORT => {
            let report = FeeReport::decode(&params.message).map_err(FeeAggregatorError::from)?;
            (vault_address(&report.agent, &report.reward_mint), report.report_id)
        }
        kind::AGENT_LINK => {
            let link = AgentLink::decode(&params.message).map_err(FeeAggregatorError::from)?;
            (link_address(&link.agent).0, link.link_id)
        }
        _ => return err!(FeeAggregatorError::UnknownMessageKind),
    };
    let mut accounts = vec![
        LzAccount::payer(),
        LzAccount::readonly(*store),
        LzAccount::readonly(peer_address(store, params.src_eid)),
        LzAccount::writable(target),
        LzAccount::writable(receipt_address(params.src_eid, id).0),
        LzAccount::readonly(anchor_lang::system_program::ID),
        LzAccount::readonly(event_authority_address()),
        LzAccount::readonly(crate::ID),
    ];
    let clear = ClearParams {
        receiver: *store,
        src_eid: params.src_eid,
        sender: params.sender,
        nonce: params.nonce,
        guid: params.guid,
        message: params.message.clone(),
    };
    accounts.extend(lz::cpi_accounts(&lz::ix::clear(endpoint, &clear)));
    Ok(accounts)
}
