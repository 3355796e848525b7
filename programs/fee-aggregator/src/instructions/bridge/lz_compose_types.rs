use anchor_lang::prelude::*;

use super::{event_authority_address, peer_address, vault_address, vault_tokens_address};
use crate::constants::STORE_ADDRESS;
use crate::error::FeeAggregatorError;
use crate::lz::{self, ClearComposeParams, LzAccount, LzComposeParams};
use crate::message::{OftCompose, ValueTransfer};
use crate::state::{OftConfig, Store};

/// Read-only: the executor simulates this with the accounts of `["LzComposeTypes", store]`
/// (the store, then every `OftConfig`) to learn the accounts `lz_compose` needs for a
/// compose: `lz_compose`'s own accounts, then the endpoint's `clear_compose` accounts.
#[derive(Accounts)]
pub struct LzComposeTypes<'info> {
    #[account(address = STORE_ADDRESS)]
    pub store: Account<'info, Store>,
}

pub fn handle_lz_compose_types<'info>(ctx: Context<'info, LzComposeTypes<'info>>, params: LzComposeParams) -> Result<Vec<LzAccount>> {
    // The OFT that sent it, among the configured ones.
    let (oft_address, oft) = ctx
        .remaining_accounts
        .iter()
        .filter(|a| *a.owner == crate::ID)
        .find_map(|a| {
            let oft = OftConfig::try_deserialize(&mut &a.try_borrow_data().ok()?[..]).ok()?;
            (oft.oft_store == params.from).then(|| (a.key(), oft))
        })
        .ok_or(FeeAggregatorError::InvalidComposeSource)?;
    compose_accounts(&ctx.accounts.store.key(), &ctx.accounts.store.endpoint_program, &oft_address, &oft, &params)
}

/// The account list `lz_compose_types` returns for a compose from `oft` (also usable
/// off-chain).
pub fn compose_accounts(store: &Pubkey, endpoint: &Pubkey, oft_address: &Pubkey, oft: &OftConfig, params: &LzComposeParams) -> Result<Vec<LzAccount>> {
    let compose = OftCompose::decode(&params.message).map_err(FeeAggregatorError::from)?;
    let transfer = ValueTransfer::decode(compose.compose_msg).map_err(FeeAggregatorError::from)?;
    let vault = vault_address(&transfer.agent, &oft.reward_mint);
    let mut accounts = vec![
        LzAccount::readonly(*store),
        LzAccount::readonly(*oft_address),
        LzAccount::readonly(peer_address(store, compose.src_eid)),
        LzAccount::writable(vault),
        LzAccount::writable(vault_tokens_address(&vault)),
        LzAccount::writable(oft.composer_token_account),
        LzAccount::readonly(oft.reward_mint),
        LzAccount::readonly(oft.token_program),
        LzAccount::readonly(event_authority_address()),
        LzAccount::readonly(crate::ID),
    ];
    let clear = ClearComposeParams { from: params.from, guid: params.guid, index: params.index, message: params.message.clone() };
    accounts.extend(lz::cpi_accounts(&lz::ix::clear_compose(endpoint, store, &clear)));
    Ok(accounts)
}
