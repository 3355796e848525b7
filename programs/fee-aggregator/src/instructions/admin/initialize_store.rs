use agentpad_common::account::{create_rent_exempt, write_borsh};
use agentpad_common::emit_event;
use anchor_lang::prelude::*;

use crate::constants::{MAX_SPLIT_DELAY, MIN_SPLIT_DELAY, STORE_ADDRESS, STORE_BUMP, seeds};
use crate::error::FeeAggregatorError;
use crate::instructions::admin::*;
use crate::event::StoreInitialized;
use crate::lz;
use crate::state::{LzComposeTypesAccounts, LzReceiveTypesAccounts, Split, SplitBounds, Store};

/// Creates the store (config, OApp store, compose target) with the accounts a LayerZero
/// executor reads to call it, and registers it with the endpoint, naming `delegate` as the
/// OApp's LayerZero delegate. Only the program's upgrade authority may call it, once.
///
/// Remaining accounts (the endpoint's `register_oapp`, LayerZero's helper order): endpoint
/// program, admin, store, OApp registry (writable), system program, endpoint event
/// authority, endpoint program.
#[event_cpi]
#[derive(Accounts)]
pub struct InitializeStore<'info> {
    pub authority: UpgradeAuthority<'info>,
    /// The store, created here at its compile-time address (a second call finds it in use).
    /// CHECK: created here.
    #[account(mut, address = STORE_ADDRESS)]
    pub store: UncheckedAccount<'info>,
    // Anchor's `init` (unlike the store): nothing else types these two accounts, and the IDL
    // lists only account types some instruction names.
    #[account(init, payer = authority.admin, space = LzReceiveTypesAccounts::SPACE, seeds = [seeds::LZ_RECEIVE_TYPES, store.key().as_ref()], bump)]
    pub lz_receive_types: AccountLoader<'info, LzReceiveTypesAccounts>,
    #[account(init, payer = authority.admin, space = LzComposeTypesAccounts::SPACE, seeds = [seeds::LZ_COMPOSE_TYPES, store.key().as_ref()], bump)]
    pub lz_compose_types: AccountLoader<'info, LzComposeTypesAccounts>,
    pub system_program: Program<'info, System>,
}

#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, Debug)]
pub struct InitializeStoreArgs {
    pub endpoint_program: Pubkey,
    /// The OApp's LayerZero delegate: a power over message delivery at the endpoint, so it
    /// may be a separate key (e.g. a multisig) from the admin.
    pub delegate: Pubkey,
    pub protocol_fee_recipient: Pubkey,
    pub split_bounds: SplitBounds,
    pub default_split: Split,
    pub split_delay: u32,
}

impl InitializeStore<'_> {
    fn validate(&self, args: &InitializeStoreArgs) -> Result<()> {
        require!(args.split_bounds.is_consistent(), FeeAggregatorError::InvalidSplitBounds);
        require!(args.default_split.revenue().is_valid(), FeeAggregatorError::InvalidSplit);
        require!(args.split_bounds.allows(&args.default_split), FeeAggregatorError::SplitOutOfBounds);
        require!(
            (MIN_SPLIT_DELAY..=MAX_SPLIT_DELAY).contains(&args.split_delay),
            FeeAggregatorError::SplitDelayOutOfBounds
        );
        Ok(())
    }
}

#[access_control(ctx.accounts.validate(&args))]
pub fn handle_initialize_store<'info>(ctx: Context<'info, InitializeStore<'info>>, args: InitializeStoreArgs) -> Result<()> {
    let a = &ctx.accounts;
    let (admin, store) = (a.authority.admin.key(), a.store.key());
    create_rent_exempt(&a.system_program, &a.authority.admin, &a.store, Store::SPACE, &crate::ID, &[seeds::STORE, &[STORE_BUMP]], &Rent::get()?)?;
    write_borsh(&a.store, &Store {
        admin,
        pending_admin: Pubkey::default(),
        endpoint_program: args.endpoint_program,
        protocol_fee_recipient: args.protocol_fee_recipient,
        split_bounds: args.split_bounds,
        default_split: args.default_split,
        split_delay: args.split_delay,
        bump: STORE_BUMP,
    })?;
    a.lz_receive_types.load_init()?.store = store;
    a.lz_compose_types.load_init()?.store = store;

    let store_seeds: &[&[u8]] = &[seeds::STORE, &[STORE_BUMP]];
    lz::register_oapp(&args.endpoint_program, ctx.remaining_accounts, &store, store_seeds, args.delegate)?;

    emit_event!(ctx, StoreInitialized {
        admin,
        delegate: args.delegate,
        endpoint_program: args.endpoint_program,
        protocol_fee_recipient: args.protocol_fee_recipient,
        split_bounds: args.split_bounds,
        default_split: args.default_split,
        split_delay: args.split_delay,
    });
    Ok(())
}
