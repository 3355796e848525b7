use anchor_lang::prelude::*;
use anchor_lang::solana_program::bpf_loader_upgradeable;

use crate::constants::seeds;
use crate::error::FeeAggregatorError;
use crate::event::StoreInitialized;
use crate::lz;
use crate::state::{Split, SplitBounds, Store};

/// Creates the store (config + OApp store) and registers it with the LayerZero endpoint.
/// Only the program's upgrade authority may call it, once.
///
/// Remaining accounts (the endpoint's `register_oapp`): OApp registry (writable), endpoint
/// event authority, endpoint program.
#[event_cpi]
#[derive(Accounts)]
pub struct InitializeStore<'info> {
    #[account(mut)]
    pub admin: Signer<'info>,
    #[account(
        seeds = [crate::ID.as_ref()],
        bump,
        seeds::program = bpf_loader_upgradeable::ID,
        constraint = program_data.upgrade_authority_address == Some(admin.key()) @ FeeAggregatorError::NotUpgradeAuthority,
    )]
    pub program_data: Account<'info, ProgramData>,
    #[account(init, payer = admin, space = 8 + Store::INIT_SPACE, seeds = [seeds::STORE], bump)]
    pub store: Account<'info, Store>,
    pub system_program: Program<'info, System>,
}

#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, Debug)]
pub struct InitializeStoreArgs {
    pub endpoint_program: Pubkey,
    pub protocol_fee_recipient: Pubkey,
    pub split_bounds: SplitBounds,
    pub default_split: Split,
}

impl InitializeStore<'_> {
    fn validate(&self, args: &InitializeStoreArgs) -> Result<()> {
        require!(args.split_bounds.is_consistent(), FeeAggregatorError::InvalidSplitBounds);
        require!(args.default_split.revenue().is_valid(), FeeAggregatorError::InvalidSplit);
        require!(args.split_bounds.allows(&args.default_split), FeeAggregatorError::SplitOutOfBounds);
        Ok(())
    }
}

pub fn handle_initialize_store<'info>(ctx: Context<'info, InitializeStore<'info>>, args: InitializeStoreArgs) -> Result<()> {
    ctx.accounts.validate(&args)?;
    let admin = ctx.accounts.admin.key();
    ctx.accounts.store.set_inner(Store {
        admin,
        endpoint_program: args.endpoint_program,
        protocol_fee_recipient: args.protocol_fee_recipient,
        split_bounds: args.split_bounds,
        default_split: args.default_split,
        bump: ctx.bumps.store,
    });

    let [registry, endpoint_event_authority, endpoint_program] = ctx.remaining_accounts else {
        return err!(FeeAggregatorError::InvalidClearAccounts);
    };
    require_keys_eq!(endpoint_program.key(), args.endpoint_program, FeeAggregatorError::InvalidEndpointProgram);
    let bump = [ctx.bumps.store];
    let store_seeds: &[&[u8]] = &[seeds::STORE, &bump];
    let accounts = [
        ctx.accounts.admin.to_account_info(),
        ctx.accounts.store.to_account_info(),
        registry.clone(),
        ctx.accounts.system_program.to_account_info(),
        endpoint_event_authority.clone(),
        endpoint_program.clone(),
    ];
    lz::register_oapp(&args.endpoint_program, &accounts, store_seeds, admin)?;

    emit_cpi!(StoreInitialized {
        admin,
        endpoint_program: args.endpoint_program,
        protocol_fee_recipient: args.protocol_fee_recipient,
        split_bounds: args.split_bounds,
        default_split: args.default_split,
    });
    Ok(())
}
