use anchor_lang::prelude::*;

use crate::state::Split;

/// An agent's revenue policy. PDA `["policy", agent_mint]`; set by the agent's creator
/// within the store's bounds; applies to distributions after it is set.
#[account]
#[derive(InitSpace)]
pub struct Policy {
    pub agent_mint: Pubkey,
    pub split: Split,
    pub initialized: bool,
    pub bump: u8,
}
