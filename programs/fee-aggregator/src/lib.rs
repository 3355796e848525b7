//! fee-aggregator: one vault per (agent, reward mint) that every fee an agent earns lands
//! in — swept trading fees, direct deposits, and revenue bridged from other chains as a
//! LayerZero V2 OApp receiver — with per-source totals, and the crank that distributes it.
#![allow(unexpected_cfgs)]

use anchor_lang::prelude::*;
// See scripts/sbf: 128-bit libcalls for the upstream-LLVM sBPF build only.
#[cfg(feature = "sbf-int128")]
use sbf_int128 as _;

pub mod constants;
pub mod error;
pub mod event;
pub mod instructions;
pub mod lz;
pub mod message;
pub mod state;

use instructions::*;
use lz::{LzAccount, LzReceiveParams};
use state::Split;

declare_id!("EfmjWCuzDseV4Rsp94bMPdGjWUoVxMLbQJHUQxq1V95G");

#[program]
pub mod fee_aggregator {
    use super::*;

    // --- admin
    pub fn initialize_store<'info>(ctx: Context<'info, InitializeStore<'info>>, args: InitializeStoreArgs) -> Result<()> {
        handle_initialize_store(ctx, args)
    }

    pub fn set_peer(ctx: Context<SetPeer>, src_eid: u32, address: [u8; 32]) -> Result<()> {
        handle_set_peer(ctx, src_eid, address)
    }

    // --- vaults and the money that comes in
    pub fn create_vault(ctx: Context<CreateVault>) -> Result<()> {
        handle_create_vault(ctx)
    }

    pub fn create_inbox(ctx: Context<CreateInbox>) -> Result<()> {
        handle_create_inbox(ctx)
    }

    pub fn sweep(ctx: Context<Sweep>) -> Result<()> {
        handle_sweep(ctx)
    }

    pub fn deposit(ctx: Context<Deposit>, amount: u64) -> Result<()> {
        handle_deposit(ctx, amount)
    }

    // --- LayerZero V2 OApp receiver
    pub fn lz_receive_types(ctx: Context<LzReceiveTypes>, params: LzReceiveParams) -> Result<Vec<LzAccount>> {
        handle_lz_receive_types(ctx, params)
    }

    pub fn lz_receive<'info>(ctx: Context<'info, LzReceive<'info>>, params: LzReceiveParams) -> Result<()> {
        handle_lz_receive(ctx, params)
    }

    // --- the money that goes out
    pub fn set_split(ctx: Context<SetSplit>, split: Split) -> Result<()> {
        handle_set_split(ctx, split)
    }

    pub fn distribute(ctx: Context<Distribute>) -> Result<()> {
        handle_distribute(ctx)
    }
}
