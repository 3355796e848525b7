//! agent-factory: launches agents — a fixed-supply Token-2022 agent token with on-mint
//! metadata, its record, its bonding-curve pool, fee vault and stake pool — and keeps who
//! the creator is.
#![allow(unexpected_cfgs)]

use anchor_lang::prelude::*;
// See scripts/sbf: 128-bit libcalls for the upstream-LLVM sBPF build only.
#[cfg(feature = "sbf-int128")]
use sbf_int128 as _;

pub mod constants;
pub mod error;
pub mod event;
pub mod instructions;
pub mod state;

use instructions::*;

declare_id!("BEMSUbtqn2ttPzhNbFjzeuftLFMAjDopBP297TczWH62");

// Where to report a vulnerability, embedded in the program (readable with `query-security-txt`
// or any explorer that shows it).
#[cfg(not(feature = "no-entrypoint"))]
solana_security_txt::security_txt! {
    name: "agentpad agent-factory",
    project_url: "https://agentpad.example",
    contacts: "email:security@agentpad.example",
    policy: "Report privately to security@agentpad.example; the threat model and what was tried are in docs/security.md of the source.",
    preferred_languages: "en"
}

#[program]
pub mod agent_factory {
    use super::*;

    // --- launch
    pub fn launch_agent(
        ctx: Context<LaunchAgent>,
        name: String,
        symbol: String,
        uri: String,
        preset_id: u16,
        creator_first_buy: Option<u64>,
        unstake_cooldown: Option<u32>,
    ) -> Result<()> {
        handle_launch_agent(ctx, name, symbol, uri, preset_id, creator_first_buy, unstake_cooldown)
    }

    // --- an agent token from another chain, registered through its link
    pub fn register_bridged_agent(ctx: Context<RegisterBridgedAgent>, preset_id: u16, unstake_cooldown: Option<u32>) -> Result<()> {
        handle_register_bridged_agent(ctx, preset_id, unstake_cooldown)
    }

    /// The protocol admin's power: a bridged agent registered without a link.
    pub fn admin_register_bridged_agent(
        ctx: Context<AdminRegisterBridgedAgent>,
        preset_id: u16,
        unstake_cooldown: Option<u32>,
        origin: BridgedOrigin,
    ) -> Result<()> {
        handle_admin_register_bridged_agent(ctx, preset_id, unstake_cooldown, origin)
    }

    pub fn open_bridged_pool(ctx: Context<OpenBridgedPool>, base_amount: u64, quote_amount: u64) -> Result<()> {
        handle_open_bridged_pool(ctx, base_amount, quote_amount)
    }

    // --- the creator role (two-step transfer) and its fees
    pub fn propose_creator(ctx: Context<ProposeCreator>, new_creator: Pubkey) -> Result<()> {
        handle_propose_creator(ctx, new_creator)
    }

    pub fn accept_creator(ctx: Context<AcceptCreator>) -> Result<()> {
        handle_accept_creator(ctx)
    }

    pub fn claim_creator_fees(ctx: Context<ClaimCreatorFees>) -> Result<()> {
        handle_claim_creator_fees(ctx)
    }
}
