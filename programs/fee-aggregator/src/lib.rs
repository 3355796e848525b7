//! fee-aggregator: one vault per (agent, reward mint) that every fee an agent earns lands
//! in — swept trading fees, direct deposits, fee reports and value from other chains over
//! LayerZero V2 (an OApp receiver and an OFT composer) — with per-source totals, and the
//! crank that distributes it.
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
use lz::{LzAccount, LzComposeParams, LzReceiveParams};
use state::{PeerConfigParam, Split};

declare_id!("EfmjWCuzDseV4Rsp94bMPdGjWUoVxMLbQJHUQxq1V95G");

// Where to report a vulnerability, embedded in the program (readable with `query-security-txt`
// or any explorer that shows it).
#[cfg(not(feature = "no-entrypoint"))]
solana_security_txt::security_txt! {
    name: "agentpad fee-aggregator",
    project_url: "https://agentpad.example",
    contacts: "email:security@agentpad.example",
    policy: "Report privately to security@agentpad.example; the threat model and what was tried are in docs/security.md of the source.",
    preferred_languages: "en"
}

#[program]
pub mod fee_aggregator {
    use super::*;

    // --- admin: one-time setup, the role, LayerZero peers, OFTs and delegate
    pub fn initialize_store<'info>(ctx: Context<'info, InitializeStore<'info>>, args: InitializeStoreArgs) -> Result<()> {
        handle_initialize_store(ctx, args)
    }

    pub fn propose_admin(ctx: Context<ProposeAdmin>, proposed: Pubkey) -> Result<()> {
        handle_propose_admin(ctx, proposed)
    }

    pub fn accept_admin(ctx: Context<AcceptAdmin>) -> Result<()> {
        handle_accept_admin(ctx)
    }

    pub fn set_peer_config(ctx: Context<SetPeerConfig>, src_eid: u32, config: PeerConfigParam) -> Result<()> {
        handle_set_peer_config(ctx, src_eid, config)
    }

    pub fn set_oft(ctx: Context<SetOft>, oft_store: Pubkey) -> Result<()> {
        handle_set_oft(ctx, oft_store)
    }

    pub fn set_delegate<'info>(ctx: Context<'info, SetDelegate<'info>>, delegate: Pubkey) -> Result<()> {
        handle_set_delegate(ctx, delegate)
    }

    // --- vaults and the money that comes in from Solana (trading, deposits, jobs)
    pub fn create_vault(ctx: Context<CreateVault>) -> Result<()> {
        handle_create_vault(ctx)
    }

    pub fn sweep(ctx: Context<Sweep>) -> Result<()> {
        handle_sweep(ctx)
    }

    pub fn deposit(ctx: Context<Deposit>, amount: u64) -> Result<()> {
        handle_deposit(ctx, amount)
    }

    /// agent-commerce only (its escrow authority signs): a job's pay, source *commerce*.
    pub fn credit_commerce(ctx: Context<CreditCommerce>, amount: u64, job: Pubkey) -> Result<()> {
        handle_credit_commerce(ctx, amount, job)
    }

    // --- LayerZero V2: fee reports (OApp messages) and value (OFT composes)
    pub fn lz_receive_types(ctx: Context<LzReceiveTypes>, params: LzReceiveParams) -> Result<Vec<LzAccount>> {
        handle_lz_receive_types(ctx, params)
    }

    pub fn lz_receive<'info>(ctx: Context<'info, LzReceive<'info>>, params: LzReceiveParams) -> Result<()> {
        handle_lz_receive(ctx, params)
    }

    pub fn lz_compose_types<'info>(ctx: Context<'info, LzComposeTypes<'info>>, params: LzComposeParams) -> Result<Vec<LzAccount>> {
        handle_lz_compose_types(ctx, params)
    }

    pub fn lz_compose<'info>(ctx: Context<'info, LzCompose<'info>>, params: LzComposeParams) -> Result<()> {
        handle_lz_compose(ctx, params)
    }

    // --- the money that goes out
    pub fn set_split(ctx: Context<SetSplit>, split: Split) -> Result<()> {
        handle_set_split(ctx, split)
    }

    pub fn distribute(ctx: Context<Distribute>) -> Result<()> {
        handle_distribute(ctx)
    }
}
