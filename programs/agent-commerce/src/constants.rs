//! Seeds and bounds of the agent-commerce program, published in its IDL (`#[constant]`).

use anchor_lang::prelude::*;

pub mod seeds {
    use anchor_lang::prelude::*;

    /// PDA seed: `["operator", agent_mint]`.
    #[constant]
    pub const OPERATOR: &[u8] = b"operator";
    /// PDA seed: `["job", client, id u64 LE]`.
    #[constant]
    pub const JOB: &[u8] = b"job";
    /// PDA seed: `["escrow", job]`, the job's token account (owned by the escrow authority).
    #[constant]
    pub const ESCROW: &[u8] = b"escrow";
    /// PDA seed: `["escrow_authority"]`, signer-only; owns every escrow and alone may
    /// credit commerce revenue in fee-aggregator.
    #[constant]
    pub const ESCROW_AUTHORITY: &[u8] = agentpad_common::ids::ESCROW_AUTHORITY_SEED;
}

/// Longest terms or deliverable URI, in bytes.
#[constant]
pub const MAX_URI_LEN: u16 = 200;

/// Largest evaluator fee, in basis points of the budget.
#[constant]
pub const MAX_EVALUATOR_FEE_BPS: u16 = agentpad_math::job::MAX_EVALUATOR_FEE_BPS;
