//! bonding-curve: agent-token pools that trade along a bonding curve until a quote
//! threshold, then graduate into a constant-product pool with liquidity locked forever.
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
use state::{PoolParams, SegmentSpec, StakingParams};

declare_id!("GU8LbSdDy8pWHhd3qFnCM6qk88uGLtNTbNkW3Ajbn1xm");

// Where to report a vulnerability, embedded in the program (readable with `query-security-txt`
// or any explorer that shows it).
#[cfg(not(feature = "no-entrypoint"))]
solana_security_txt::security_txt! {
    name: "agentpad bonding-curve",
    project_url: "https://agentpad.example",
    contacts: "email:security@agentpad.example",
    policy: "Report privately to security@agentpad.example; the threat model and what was tried are in docs/security.md of the source.",
    preferred_languages: "en"
}

#[program]
pub mod bonding_curve {
    use super::*;

    // --- admin: one-time setup, presets, the protocol fee recipient
    pub fn initialize_config(ctx: Context<InitializeConfig>, protocol_fee_recipient: Pubkey) -> Result<()> {
        handle_initialize_config(ctx, protocol_fee_recipient)
    }

    pub fn propose_admin(ctx: Context<ProposeAdmin>, proposed: Pubkey) -> Result<()> {
        handle_propose_admin(ctx, proposed)
    }

    pub fn accept_admin(ctx: Context<AcceptAdmin>) -> Result<()> {
        handle_accept_admin(ctx)
    }

    pub fn set_protocol_fee_recipient(ctx: Context<SetProtocolFeeRecipient>, new_recipient: Pubkey) -> Result<()> {
        handle_set_protocol_fee_recipient(ctx, new_recipient)
    }

    pub fn create_preset(ctx: Context<CreatePreset>, preset_id: u16, params: PoolParams, staking: StakingParams, segments: Vec<SegmentSpec>) -> Result<()> {
        handle_create_preset(ctx, preset_id, params, staking, segments)
    }

    // --- pool lifecycle
    pub fn create_pool(ctx: Context<CreatePool>, creator_fee_authority: Pubkey) -> Result<()> {
        handle_create_pool(ctx, creator_fee_authority)
    }

    pub fn create_seeded_pool(ctx: Context<CreateSeededPool>, base_amount: u64, quote_amount: u64, creator_fee_authority: Pubkey) -> Result<()> {
        handle_create_seeded_pool(ctx, base_amount, quote_amount, creator_fee_authority)
    }

    pub fn graduate(ctx: Context<Graduate>) -> Result<()> {
        handle_graduate(ctx)
    }

    // --- trading (curve, then constant product after graduation)
    pub fn buy_exact_in(ctx: Context<Swap>, quote_in: u64, min_base_out: u64) -> Result<()> {
        handle_buy_exact_in(ctx, quote_in, min_base_out)
    }

    pub fn buy_exact_out(ctx: Context<Swap>, base_out: u64, max_quote_in: u64) -> Result<()> {
        handle_buy_exact_out(ctx, base_out, max_quote_in)
    }

    pub fn sell_exact_in(ctx: Context<Swap>, base_in: u64, min_quote_out: u64) -> Result<()> {
        handle_sell_exact_in(ctx, base_in, min_quote_out)
    }

    // --- fee claims
    pub fn claim_protocol_fees(ctx: Context<ClaimProtocolFees>) -> Result<()> {
        handle_claim_protocol_fees(ctx)
    }

    pub fn claim_creator_fees(ctx: Context<ClaimCreatorFees>) -> Result<()> {
        handle_claim_creator_fees(ctx)
    }

    pub fn claim_agent_fees(ctx: Context<ClaimAgentFees>) -> Result<()> {
        handle_claim_agent_fees(ctx)
    }
}
