use agentpad_common::token::transfer;
use agentpad_common::emit_event;
use anchor_lang::prelude::*;
use anchor_spl::token_interface::TokenInterface;

use crate::constants::{STORE_ADDRESS, seeds};
use crate::error::FeeAggregatorError;
use crate::lz::{self, ClearComposeParams, LzComposeParams};
use crate::message::{OftCompose, ValueTransfer};
use crate::state::{AgentVault, OftConfig, Peer, RevenueSource, Store};

/// Allocates one OFT delivery: the OFT credited `amount_ld` of its mint to the store's
/// token account and sent this compose; the tokens move to the named agent's vault and are
/// credited there as bridged revenue from the source chain.
///
/// The compose must come from the OFT configured for the mint (`from`), be addressed to
/// the store (`to`), and have been sent on the source chain by the registered peer
/// (`composeFrom`). The endpoint's `clear_compose` (remaining accounts, LayerZero's helper
/// order) proves the OFT sent exactly this message and marks it received, so it runs at
/// most once and moves only the tokens that arrived with it. A refused compose stays at
/// the endpoint, with its tokens, for a retry.
#[event_cpi]
#[derive(Accounts)]
#[instruction(params: LzComposeParams)]
pub struct LzCompose<'info> {
    #[account(address = STORE_ADDRESS, constraint = params.to == store.key() @ FeeAggregatorError::InvalidComposeTarget)]
    pub store: Box<Account<'info, Store>>,
    #[account(
        seeds = [seeds::OFT, reward_mint.key().as_ref()],
        bump = oft.bump,
        constraint = oft.oft_store == params.from @ FeeAggregatorError::InvalidComposeSource,
    )]
    pub oft: Box<Account<'info, OftConfig>>,
    /// CHECK: the peer of the compose's source eid (owner, type, stored eid: `Peer::load`).
    pub peer: UncheckedAccount<'info>,
    /// CHECK: the vault the compose names, checked against its PDA in the handler.
    #[account(mut)]
    pub vault: UncheckedAccount<'info>,
    /// CHECK: the vault's token account (checked against the vault).
    #[account(mut)]
    pub vault_token_account: UncheckedAccount<'info>,
    /// CHECK: where the OFT delivered (the OFT config names it).
    #[account(mut, address = oft.composer_token_account @ FeeAggregatorError::TokenAccountMismatch)]
    pub composer_token_account: UncheckedAccount<'info>,
    /// CHECK: the OFT's mint (part of the OFT config's seeds).
    pub reward_mint: UncheckedAccount<'info>,
    #[account(address = oft.token_program @ FeeAggregatorError::InvalidTokenProgram)]
    pub token_program: Interface<'info, TokenInterface>,
}

pub fn handle_lz_compose<'info>(ctx: Context<'info, LzCompose<'info>>, params: LzComposeParams) -> Result<()> {
    let a = &ctx.accounts;
    let store = a.store.key();
    let compose = OftCompose::decode(&params.message).map_err(FeeAggregatorError::from)?;
    Peer::load(&a.peer, compose.src_eid)?.check_sender(&compose.compose_from)?;
    let value = ValueTransfer::decode(compose.compose_msg).map_err(FeeAggregatorError::from)?;
    require!(compose.amount_ld > 0, FeeAggregatorError::ZeroAmount);
    let reward_mint = a.reward_mint.key();
    let vault_info = a.vault.to_account_info();
    let decimals = {
        let vault = AgentVault::load_checked(&vault_info, &value.agent, &reward_mint)?;
        require_keys_eq!(vault.token_account, a.vault_token_account.key(), FeeAggregatorError::TokenAccountMismatch);
        vault.reward_decimals
    };

    // The endpoint proves the OFT sent this compose to the store, once.
    let bump = [a.store.bump];
    let store_seeds: &[&[u8]] = &[seeds::STORE, &bump];
    let (from, guid, index) = (params.from, params.guid, params.index);
    let amount = compose.amount_ld;
    let (src_eid, transfer_id) = (compose.src_eid, value.transfer_id);
    let clear = ClearComposeParams { from, guid, index, message: params.message };
    lz::clear_compose(&a.store.endpoint_program, ctx.remaining_accounts, &store, store_seeds, &clear)?;

    transfer(
        &a.token_program.to_account_info(),
        &a.composer_token_account.to_account_info(),
        &a.reward_mint.to_account_info(),
        &a.vault_token_account.to_account_info(),
        &a.store.to_account_info(),
        amount,
        decimals,
        &[store_seeds],
    )?;
    let event = AgentVault::load_checked(&vault_info, &value.agent, &reward_mint)?.credit(RevenueSource::Bridged { src_eid, transfer_id }, amount)?;
    emit_event!(ctx, event);
    Ok(())
}
