use agentpad_common::mint_screen::screen_mint;
use anchor_lang::prelude::*;
use anchor_spl::token_interface::{Mint, TokenAccount, TokenInterface};

use crate::constants::seeds;
use crate::error::FeeAggregatorError;
use crate::state::Store;

/// Creates the inbox for a bridged reward token: the token account (owned by the store)
/// that the OFT delivers to. Value-transfer messages then allocate from it.
#[derive(Accounts)]
pub struct CreateInbox<'info> {
    #[account(mut)]
    pub payer: Signer<'info>,
    #[account(seeds = [seeds::STORE], bump = store.bump)]
    pub store: Box<Account<'info, Store>>,
    #[account(mint::token_program = token_program)]
    pub reward_mint: Box<InterfaceAccount<'info, Mint>>,
    #[account(
        init,
        payer = payer,
        seeds = [seeds::INBOX, reward_mint.key().as_ref()],
        bump,
        token::mint = reward_mint,
        token::authority = store,
        token::token_program = token_program,
    )]
    pub inbox: Box<InterfaceAccount<'info, TokenAccount>>,
    pub token_program: Interface<'info, TokenInterface>,
    pub system_program: Program<'info, System>,
}

pub fn handle_create_inbox(ctx: Context<CreateInbox>) -> Result<()> {
    screen_mint(&ctx.accounts.reward_mint.to_account_info()).map_err(FeeAggregatorError::from)?;
    Ok(())
}
