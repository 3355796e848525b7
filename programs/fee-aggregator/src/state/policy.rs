use agentpad_math::revenue::SplitSchedule;
use anchor_lang::prelude::*;

use crate::state::Split;

/// An agent's revenue policy. PDA `["policy", agent_mint]`. The creator sets the split
/// within the store's bounds; a new split applies to distributions from `pending_at` on
/// (the store's split delay after it was set).
#[account]
#[derive(InitSpace)]
pub struct Policy {
    pub agent_mint: Pubkey,
    pub split: Split,
    /// The next split, if one is scheduled (`pending_at` > 0).
    pub pending_split: Split,
    pub pending_at: i64,
    pub initialized: bool,
    pub bump: u8,
}

impl Policy {
    /// Account size: discriminator and the Borsh layout.
    pub const SPACE: usize = 8 + Self::INIT_SPACE;

    pub fn schedule(&self) -> SplitSchedule {
        let pending = (self.pending_at > 0).then(|| (self.pending_split.revenue(), self.pending_at));
        SplitSchedule { current: self.split.revenue(), pending }
    }

    pub fn set_schedule(&mut self, s: &SplitSchedule) {
        self.split = s.current.into();
        match s.pending {
            Some((next, from)) => (self.pending_split, self.pending_at) = (next.into(), from),
            None => self.pending_at = 0,
        }
    }

    /// The split a distribution at `now` uses; a pending split that is due becomes current.
    pub fn apply_due(&mut self, now: i64) -> Split {
        let mut s = self.schedule();
        s.settle(now);
        self.set_schedule(&s);
        self.split
    }
}
