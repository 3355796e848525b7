use agentpad_common::account::create_account;
use agentpad_common::token::transfer;
use agentpad_math::revenue::shared_to_local;
use anchor_lang::prelude::*;
use anchor_spl::token_interface::{TokenAccount, TokenInterface};
use anchor_lang::AccountDeserialize;

use super::MessageAccounts;
use crate::constants::seeds;
use crate::error::FeeAggregatorError;
use crate::event::FeeReported;
use crate::lz::{self, ClearParams, LzReceiveParams};
use crate::message::{BridgeMessage, Kind};
use crate::state::{AgentVault, Peer, RevenueSource, Store};

/// Delivers one LayerZero message from a remote agentpad aggregator.
///
/// Order: the sender must be the registered peer for `src_eid`; the endpoint's `clear`
/// (first [`lz::CLEAR_ACCOUNTS_LEN`] remaining accounts) burns the verified payload hash;
/// then the message applies. Delivery is unordered: credits commute, and the receipt PDA
/// per `(src_eid, report_id)` refuses a second delivery of the same report.
#[event_cpi]
#[derive(Accounts)]
#[instruction(params: LzReceiveParams)]
pub struct LzReceive<'info> {
    #[account(mut)]
    pub payer: Signer<'info>,
    #[account(seeds = [seeds::STORE], bump = store.bump)]
    pub store: Box<Account<'info, Store>>,
    /// CHECK: the peer PDA of `src_eid` (seeds); that it exists is checked in the handler.
    #[account(seeds = [seeds::PEER, store.key().as_ref(), &params.src_eid.to_be_bytes()], bump)]
    pub peer: UncheckedAccount<'info>,
    /// CHECK: derived from the message and checked in the handler.
    #[account(mut)]
    pub vault: UncheckedAccount<'info>,
    /// CHECK: the vault's token account, checked in the handler.
    #[account(mut)]
    pub vault_token_account: UncheckedAccount<'info>,
    /// CHECK: the inbox of the message's token, checked in the handler.
    #[account(mut)]
    pub inbox: UncheckedAccount<'info>,
    /// CHECK: the message's token, checked against the vault.
    pub reward_mint: UncheckedAccount<'info>,
    /// CHECK: the report's receipt PDA, created in the handler.
    #[account(mut)]
    pub receipt: UncheckedAccount<'info>,
    pub token_program: Interface<'info, TokenInterface>,
    pub system_program: Program<'info, System>,
}

impl LzReceive<'_> {
    fn trusted_peer(&self, params: &LzReceiveParams) -> Result<()> {
        let info = self.peer.to_account_info();
        require!(*info.owner == crate::ID, FeeAggregatorError::UnknownPeer);
        let peer = Peer::try_deserialize(&mut &info.try_borrow_data()?[..])?;
        require!(peer.address == params.sender, FeeAggregatorError::InvalidSender);
        Ok(())
    }
}

pub fn handle_lz_receive<'info>(ctx: Context<'info, LzReceive<'info>>, params: LzReceiveParams) -> Result<()> {
    let a = &ctx.accounts;
    a.trusted_peer(&params)?;
    let msg = BridgeMessage::decode(&params.message).map_err(FeeAggregatorError::from)?;
    let derived = MessageAccounts::derive(params.src_eid, &msg);
    require_keys_eq!(a.vault.key(), derived.vault, FeeAggregatorError::VaultMismatch);
    require!(*a.vault.owner == crate::ID, FeeAggregatorError::UnknownAgent);
    require_keys_eq!(a.receipt.key(), derived.receipt, FeeAggregatorError::ReceiptMismatch);
    // A receipt exists only once this program owns it: lamports anyone can send to the
    // address prove nothing (audit finding 1).
    require!(*a.receipt.owner != crate::ID, FeeAggregatorError::ReplayedReport);

    // Clear the message at the endpoint (the store signs as receiver).
    let store_bump = [a.store.bump];
    let store_seeds: &[&[u8]] = &[seeds::STORE, &store_bump];
    let clear_accounts = ctx.remaining_accounts.get(..lz::CLEAR_ACCOUNTS_LEN).ok_or(FeeAggregatorError::InvalidClearAccounts)?;
    require_keys_eq!(clear_accounts[0].key(), a.store.endpoint_program, FeeAggregatorError::InvalidEndpointProgram);
    require_keys_eq!(clear_accounts[1].key(), a.store.key(), FeeAggregatorError::InvalidClearAccounts);
    lz::clear(
        clear_accounts,
        store_seeds,
        &ClearParams {
            receiver: a.store.key(),
            src_eid: params.src_eid,
            sender: params.sender,
            nonce: params.nonce,
            guid: params.guid,
            message: params.message.clone(),
        },
    )?;

    // The receipt: an empty account this program owns, at a PDA only it can sign for.
    let receipt_bump = [derived.receipt_bump];
    let eid_bytes = params.src_eid.to_be_bytes();
    let id_bytes = msg.report_id.to_be_bytes();
    let receipt_seeds: &[&[u8]] = &[seeds::RECEIPT, &eid_bytes, &id_bytes, &receipt_bump];
    create_account(
        &a.system_program.to_account_info(),
        &a.payer.to_account_info(),
        &a.receipt.to_account_info(),
        0,
        Rent::get()?.minimum_balance(0),
        &crate::ID,
        &[receipt_seeds],
    )?;

    let vault_info = a.vault.to_account_info();
    let (reward_mint, token_account, decimals, token_program) = {
        let v = AgentVault::load_mut_from(&vault_info)?;
        (v.reward_mint, v.token_account, v.reward_decimals, v.reward_token_program)
    };
    require_keys_eq!(a.reward_mint.key(), reward_mint, FeeAggregatorError::VaultMismatch);
    let amount = shared_to_local(msg.amount_sd, decimals).map_err(|_| {
        if decimals < agentpad_math::revenue::SHARED_DECIMALS {
            FeeAggregatorError::UnsupportedDecimals
        } else {
            FeeAggregatorError::AmountOverflow
        }
    })?;

    match msg.kind {
        Kind::FeeReport => {
            let reported_total = AgentVault::load_mut_from(&vault_info)?.record_report(params.src_eid, amount)?;
            emit_cpi!(FeeReported {
                agent_mint: msg.agent,
                reward_mint,
                src_eid: params.src_eid,
                report_id: msg.report_id,
                source_epoch: msg.source_epoch,
                amount,
                reported_total,
            });
        }
        Kind::ValueTransfer => {
            require!(amount > 0, FeeAggregatorError::ZeroAmount);
            require_keys_eq!(a.vault_token_account.key(), token_account, FeeAggregatorError::TokenAccountMismatch);
            require_keys_eq!(a.inbox.key(), derived.inbox, FeeAggregatorError::InboxMismatch);
            require_keys_eq!(a.token_program.key(), token_program, FeeAggregatorError::InvalidMint);
            // Whatever sits in the inbox has arrived and is not yet allocated: allocations
            // move it out at once, so the balance is exactly the unallocated value.
            let inbox_balance = {
                require!(*a.inbox.owner == token_program, FeeAggregatorError::InboxMismatch);
                TokenAccount::try_deserialize(&mut &a.inbox.try_borrow_data()?[..])?.amount
            };
            require!(inbox_balance >= amount, FeeAggregatorError::InsufficientInbox);
            transfer(
                &a.token_program.to_account_info(),
                &a.inbox.to_account_info(),
                &a.reward_mint.to_account_info(),
                &a.vault_token_account.to_account_info(),
                &a.store.to_account_info(),
                amount,
                decimals,
                &[store_seeds],
            )?;
            let event = AgentVault::load_mut_from(&vault_info)?.credit(RevenueSource::Bridged, params.src_eid, msg.report_id, amount)?;
            emit_cpi!(event);
        }
    }
    Ok(())
}
