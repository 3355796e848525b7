//! The terms an agent's stakers are held to, fixed by the preset the agent launched with:
//! the unstake cooldowns a creator may choose (and the default), and the window every
//! notified reward drips over. Clusters use [`StakingTerms::STANDARD`]; a localnet preset
//! can use seconds, so tests on a validator can wait for a cooldown and a full drip.

/// Absolute bounds every preset must respect: one second to thirty days.
pub const MIN_SECONDS: u32 = 1;
pub const MAX_UNSTAKE_COOLDOWN: u32 = 30 * 86_400;
pub const MAX_REWARD_WINDOW: u32 = 30 * 86_400;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StakingTerms {
    /// The shortest cooldown a creator may choose at launch.
    pub min_unstake_cooldown: u32,
    /// The cooldown of a launch that does not choose one.
    pub default_unstake_cooldown: u32,
    /// Seconds every notified reward drips over.
    pub reward_window: u32,
}

impl StakingTerms {
    /// One hour at least, two days by default, rewards over a week.
    pub const STANDARD: StakingTerms = StakingTerms { min_unstake_cooldown: 3_600, default_unstake_cooldown: 2 * 86_400, reward_window: 7 * 86_400 };

    pub fn is_valid(&self) -> bool {
        MIN_SECONDS <= self.min_unstake_cooldown
            && self.min_unstake_cooldown <= self.default_unstake_cooldown
            && self.default_unstake_cooldown <= MAX_UNSTAKE_COOLDOWN
            && is_reward_window(self.reward_window)
    }

    /// The cooldown of a launch that asks for `requested` (the default when `None`), if
    /// these terms allow it.
    pub fn cooldown(&self, requested: Option<u32>) -> Option<u32> {
        let c = requested.unwrap_or(self.default_unstake_cooldown);
        (self.min_unstake_cooldown..=MAX_UNSTAKE_COOLDOWN).contains(&c).then_some(c)
    }
}

/// Whether a pool may be created with this cooldown (whatever its preset's minimum).
pub fn is_unstake_cooldown(seconds: u32) -> bool {
    (MIN_SECONDS..=MAX_UNSTAKE_COOLDOWN).contains(&seconds)
}

pub fn is_reward_window(seconds: u32) -> bool {
    (MIN_SECONDS..=MAX_REWARD_WINDOW).contains(&seconds)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn standard_terms_are_valid_and_the_default_applies_when_nothing_is_asked() {
        let t = StakingTerms::STANDARD;
        assert!(t.is_valid());
        assert_eq!(t.cooldown(None), Some(2 * 86_400));
        assert_eq!(t.cooldown(Some(3_600)), Some(3_600));
        assert_eq!(t.cooldown(Some(3_599)), None, "below the preset's minimum");
        assert_eq!(t.cooldown(Some(MAX_UNSTAKE_COOLDOWN + 1)), None, "above the absolute maximum");
    }

    #[test]
    fn terms_out_of_order_or_out_of_bounds_are_invalid() {
        let ok = StakingTerms { min_unstake_cooldown: 1, default_unstake_cooldown: 2, reward_window: 10 };
        assert!(ok.is_valid());
        for bad in [
            StakingTerms { min_unstake_cooldown: 0, ..ok },
            StakingTerms { min_unstake_cooldown: 3, ..ok },
            StakingTerms { default_unstake_cooldown: MAX_UNSTAKE_COOLDOWN + 1, ..ok },
            StakingTerms { reward_window: 0, ..ok },
            StakingTerms { reward_window: MAX_REWARD_WINDOW + 1, ..ok },
        ] {
            assert!(!bad.is_valid(), "{bad:?}");
        }
    }

    #[test]
    fn valid_terms_only_ever_grant_cooldowns_within_the_absolute_bounds() {
        // Exhaustive over small values and the edges: whatever a preset allows, a pool
        // can be created with it.
        let edges = [0, 1, 2, 59, 60, 3_600, MAX_UNSTAKE_COOLDOWN - 1, MAX_UNSTAKE_COOLDOWN, MAX_UNSTAKE_COOLDOWN + 1, u32::MAX];
        for min in edges {
            for default in edges {
                let t = StakingTerms { min_unstake_cooldown: min, default_unstake_cooldown: default, reward_window: 60 };
                for asked in edges.iter().copied().map(Some).chain([None]) {
                    if let (true, Some(c)) = (t.is_valid(), t.cooldown(asked)) {
                        assert!(is_unstake_cooldown(c) && c >= min, "{t:?} {asked:?} -> {c}");
                    }
                }
            }
        }
    }
}
