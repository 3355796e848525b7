use agentpad_common::mint_screen::screen_mint;
use agentpad_common::account::{create_rent_exempt, top_up_rent, write_borsh};
use agentpad_common::cpi::invoke;
use agentpad_common::emit_event;
use anchor_lang::prelude::*;
use anchor_spl::associated_token::AssociatedToken;
use anchor_spl::associated_token::spl_associated_token_account::instruction::create_associated_token_account_idempotent;
use anchor_spl::token_interface::{Mint, TokenInterface};

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
    /// The mint's OFT config, created here at its PDA the first time (seeds).
    /// CHECK: created here, or overwritten as the `OftConfig` this program owns there.
    #[account(mut, seeds = [seeds::OFT, reward_mint.key().as_ref()], bump)]
    pub oft: UncheckedAccount<'info>,
    /// The store's associated token account for the mint, created (idempotently) by the
    /// associated-token program, which checks the address.
    /// CHECK: the ATA program's.
    #[account(mut)]
    pub composer_token_account: UncheckedAccount<'info>,
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
    fn list_for_executor(&self, rent: &Rent) -> Result<()> {
        let info = self.lz_compose_types.to_account_info();
        let len = info.data_len();
        require!((len - 8) / 32 <= MAX_OFTS as usize, FeeAggregatorError::TooManyOfts);
        top_up_rent(&self.system_program, &self.admin, &info, len + 32, rent)?;
        info.resize(len + 32)?;
        info.try_borrow_mut_data()?[len..].copy_from_slice(self.oft.key().as_ref());
        debug_assert_eq!(LzComposeTypesAccounts::ofts(&info.try_borrow_data()?).last(), Some(self.oft.key()));
        Ok(())
    }
}

#[access_control(ctx.accounts.validate(&oft_store))]
pub fn handle_set_oft(ctx: Context<SetOft>, oft_store: Pubkey) -> Result<()> {
    let a = &ctx.accounts;
    let (reward_mint, composer_token_account) = (a.reward_mint.key(), a.composer_token_account.key());
    let token_program = a.token_program.key();
    let create_ata = create_associated_token_account_idempotent(&a.admin.key(), &a.store.key(), &reward_mint, &token_program);
    let ata_accounts = [
        a.admin.to_account_info(),
        a.composer_token_account.to_account_info(),
        a.store.to_account_info(),
        a.reward_mint.to_account_info(),
        a.system_program.to_account_info(),
        a.token_program.to_account_info(),
    ];
    invoke(&create_ata, &ata_accounts, &[])?;
    if *a.oft.owner != crate::ID {
        let rent = Rent::get()?;
        let oft_seeds: &[&[u8]] = &[seeds::OFT, reward_mint.as_ref(), &[ctx.bumps.oft]];
        create_rent_exempt(&a.system_program, &a.admin, &a.oft, OftConfig::SPACE, &crate::ID, oft_seeds, &rent)?;
        a.list_for_executor(&rent)?;
    }
    write_borsh(&a.oft, &OftConfig { reward_mint, oft_store, token_program, composer_token_account, bump: ctx.bumps.oft })?;
    emit_event!(ctx, OftSet { reward_mint, oft_store, composer_token_account });
    Ok(())
}
