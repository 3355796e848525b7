use anchor_lang::prelude::*;

/// The key that acts for an agent in jobs (accepts, delivers, evaluates, sub-contracts):
/// the agent's runtime wallet. Named and rotated by the agent's creator.
/// PDA `["operator", agent_mint]`.
#[account]
#[derive(InitSpace)]
pub struct Operator {
    pub agent_mint: Pubkey,
    pub operator: Pubkey,
    pub bump: u8,
}

impl Operator {
    pub const SPACE: usize = 8 + Self::INIT_SPACE;
}
