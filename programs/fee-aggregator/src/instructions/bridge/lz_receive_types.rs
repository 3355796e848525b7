use anchor_lang::prelude::*;

use super::MessageAccounts;
use crate::constants::seeds;
use crate::error::FeeAggregatorError;
use crate::lz::{self, LzAccount, LzReceiveParams};
use crate::message::BridgeMessage;
use crate::state::Store;

/// Read-only: the executor simulates this to learn the accounts `lz_receive` needs for a
/// message, in order: `lz_receive`'s own accounts, then the endpoint's `clear` accounts.
#[derive(Accounts)]
pub struct LzReceiveTypes<'info> {
    #[account(seeds = [seeds::STORE], bump = store.bump)]
    pub store: Account<'info, Store>,
}

pub fn handle_lz_receive_types(ctx: Context<LzReceiveTypes>, params: LzReceiveParams) -> Result<Vec<LzAccount>> {
    receive_accounts(&ctx.accounts.store.key(), &ctx.accounts.store.endpoint_program, &params)
}

/// The account list `lz_receive_types` returns (also usable off-chain).
pub fn receive_accounts(store: &Pubkey, endpoint: &Pubkey, params: &LzReceiveParams) -> Result<Vec<LzAccount>> {
    let msg = BridgeMessage::decode(&params.message).map_err(FeeAggregatorError::from)?;
    let derived = MessageAccounts::derive(params.src_eid, &msg);
    let store = *store;
    let peer = Pubkey::find_program_address(&[seeds::PEER, store.as_ref(), &params.src_eid.to_be_bytes()], &crate::ID).0;
    let event_authority = Pubkey::find_program_address(&[b"__event_authority"], &crate::ID).0;
    let ro = |pubkey| LzAccount { pubkey, is_signer: false, is_writable: false };
    let rw = |pubkey| LzAccount { pubkey, is_signer: false, is_writable: true };
    let mut accounts = vec![
        // The executor replaces the default key with its payer.
        LzAccount { pubkey: Pubkey::default(), is_signer: true, is_writable: true },
        ro(store),
        ro(peer),
        rw(derived.vault),
        rw(derived.vault_token_account),
        rw(derived.inbox),
        ro(msg.token),
        rw(derived.receipt),
        // Bridged reward tokens are SPL Token mints (LayerZero's Solana OFT default).
        ro(anchor_spl::token::ID),
        ro(anchor_lang::system_program::ID),
        ro(event_authority),
        ro(crate::ID),
    ];
    accounts.extend(lz::clear_accounts(endpoint, &store, params.src_eid, &params.sender, params.nonce));
    Ok(accounts)
}
