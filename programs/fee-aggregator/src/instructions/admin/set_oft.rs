use agentpad_common::mint_screen::screen_mint;
use agentpad_common::emit_event;
use anchor_lang::prelude::*;
use anchor_lang::system_program::{self, Transfer};
use anchor_spl::associated_token::AssociatedToken;
use anchor_spl::token_interface::{Mint, TokenAccount, TokenInterface};

use crate::constants::{STORE_ADDRESS, seeds, MAX_OFTS};
use crate::error::FeeAggregatorError;
use crate::event::OftSet;
use crate::state::{LzComposeTypesAccounts, OftConfig, Store};

/// Names the LayerZero OFT (its store PDA) whose composes may credit `reward_mint`, and
/// creates the store's token account the OFT delivers to. A new mint is appended to the
/// accounts the executor passes to `lz_compose_types`.
#[event_cpi]
#[derive(Accounts)]
pub struct SetOft<'info> {
    #[account(mut)]
    pub admin: Signer<'info>,
    #[account(address = STORE_ADDRESS, has_one = admin @ FeeAggregatorError::NotAdmin)]
    pub store: Box<Account<'info, Store>>,
    #[account(mint::token_program = token_program)]
    pub reward_mint: Box<InterfaceAccount<'info, Mint>>,
    #[account(
        init_if_needed,
        payer = admin,
        space = 8 + OftConfig::INIT_SPACE,
        seeds = [seeds::OFT, reward_mint.key().as_ref()],
        bump,
    )]
    pub oft: Box<Account<'info, OftConfig>>,
    #[account(
        init_if_needed,
        payer = admin,
        associated_token::mint = reward_mint,
        associated_token::authority = store,
        associated_token::token_program = token_program,
    )]
    pub composer_token_account: Box<InterfaceAccount<'info, TokenAccount>>,
    /// CHECK: the store's `LzComposeTypes` PDA (seeds); grows by one key per new mint.
    #[account(mut, seeds = [seeds::LZ_COMPOSE_TYPES, store.key().as_ref()], bump)]
    pub lz_compose_types: UncheckedAccount<'info>,
    pub token_program: Interface<'info, TokenInterface>,
    pub associated_token_program: Program<'info, AssociatedToken>,
    pub system_program: Program<'info, System>,
}

impl SetOft<'_> {
    fn validate(&self, oft_store: &Pubkey) -> Result<()> {
        require!(*oft_store != Pubkey::default(), FeeAggregatorError::InvalidComposeSource);
        screen_mint(&self.reward_mint.to_account_info()).map_err(FeeAggregatorError::from)?;
        Ok(())
    }

    /// Appends the new `OftConfig` to the executor's account list (paying the rent).
    fn list_for_executor(&self) -> Result<()> {
        let info = self.lz_compose_types.to_account_info();
        let len = info.data_len();
        require!((len - 8) / 32 <= MAX_OFTS as usize, FeeAggregatorError::TooManyOfts);
        let rent = Rent::get()?.minimum_balance(len + 32).saturating_sub(info.lamports());
        system_program::transfer(CpiContext::new(self.system_program.key(), Transfer { from: self.admin.to_account_info(), to: info.clone() }), rent)?;
        info.resize(len + 32)?;
        info.try_borrow_mut_data()?[len..].copy_from_slice(self.oft.key().as_ref());
        debug_assert_eq!(LzComposeTypesAccounts::ofts(&info.try_borrow_data()?).last(), Some(self.oft.key()));
        Ok(())
    }
}

#[access_control(ctx.accounts.validate(&oft_store))]
pub fn handle_set_oft(ctx: Context<SetOft>, oft_store: Pubkey) -> Result<()> {
    let is_new = ctx.accounts.oft.reward_mint == Pubkey::default();
    if is_new {
        ctx.accounts.list_for_executor()?;
    }
    let (reward_mint, composer_token_account) = (ctx.accounts.reward_mint.key(), ctx.accounts.composer_token_account.key());
    let token_program = ctx.accounts.token_program.key();
    ctx.accounts.oft.set_inner(OftConfig { reward_mint, oft_store, token_program, composer_token_account, bump: ctx.bumps.oft });
    emit_event!(ctx, OftSet { reward_mint, oft_store, composer_token_account });
    Ok(())
}
