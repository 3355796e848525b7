use agentpad_math::revenue::RevenueSplit;
use anchor_lang::prelude::*;

/// Limits within which a creator sets an agent's revenue split.
#[derive(AnchorSerialize, AnchorDeserialize, InitSpace, Clone, Copy, Debug, PartialEq, Eq)]
pub struct SplitBounds {
    pub min_holders_bps: u16,
    pub max_creator_bps: u16,
    pub min_protocol_bps: u16,
    pub max_protocol_bps: u16,
}

/// An agent's revenue split, in bps of each distribution.
#[derive(AnchorSerialize, AnchorDeserialize, InitSpace, Clone, Copy, Debug, PartialEq, Eq)]
pub struct Split {
    pub holders_bps: u16,
    pub creator_bps: u16,
    pub protocol_bps: u16,
}

impl Split {
    pub fn revenue(&self) -> RevenueSplit {
        RevenueSplit { holders_bps: self.holders_bps, creator_bps: self.creator_bps, protocol_bps: self.protocol_bps }
    }
}

impl From<RevenueSplit> for Split {
    fn from(s: RevenueSplit) -> Self {
        Split { holders_bps: s.holders_bps, creator_bps: s.creator_bps, protocol_bps: s.protocol_bps }
    }
}

impl SplitBounds {
    pub fn is_consistent(&self) -> bool {
        self.min_holders_bps <= 10_000
            && self.max_creator_bps <= 10_000
            && self.min_protocol_bps <= self.max_protocol_bps
            && self.max_protocol_bps <= 10_000
            && self.min_holders_bps as u32 + self.min_protocol_bps as u32 <= 10_000
    }

    pub fn allows(&self, s: &Split) -> bool {
        s.holders_bps >= self.min_holders_bps
            && s.creator_bps <= self.max_creator_bps
            && (self.min_protocol_bps..=self.max_protocol_bps).contains(&s.protocol_bps)
    }
}

/// Program config and the LayerZero OApp store: the receiver of fee reports and the
/// target of OFT composes. PDA `["Store"]`.
#[account]
#[derive(InitSpace)]
pub struct Store {
    /// Sets peers, OFTs and the LayerZero delegate; hands the role over in two steps.
    pub admin: Pubkey,
    /// Proposed successor of `admin` (the default key when none).
    pub pending_admin: Pubkey,
    /// The LayerZero V2 endpoint program `lz_receive` clears messages with.
    pub endpoint_program: Pubkey,
    /// Owner of the token accounts the protocol's share of distributions goes to.
    pub protocol_fee_recipient: Pubkey,
    pub split_bounds: SplitBounds,
    /// Split every new agent starts with.
    pub default_split: Split,
    /// Seconds between a creator setting a new split and its first distribution: holders
    /// see it coming, and revenue earned before can be distributed under the old one.
    pub split_delay: u32,
    pub bump: u8,
}

impl Store {
    /// Account size: discriminator and the Borsh layout.
    pub const SPACE: usize = 8 + Self::INIT_SPACE;
}
