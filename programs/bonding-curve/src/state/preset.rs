use agentpad_math::fee::{FeeSchedule, FeeSplit};
use agentpad_math::pool::{CurveKind, CurveParams};
use agentpad_math::staking::StakingTerms;
use anchor_lang::prelude::*;

use crate::error::BondingCurveError;

/// The economics a pool is launched with. Snapshotted into the pool at creation, so
/// neither a later preset nor any admin action can change a live pool.
// Plain borsh derives: Anchor's AnchorSerialize would implement IdlBuild a second time
// (`#[zero_copy]` already does). The layout has no implicit padding, so borsh and
// bytemuck encode it identically.
#[zero_copy]
#[derive(Debug, PartialEq, Eq, borsh::BorshSerialize, borsh::BorshDeserialize)]
#[borsh(crate = "anchor_lang::prelude::borsh")]
pub struct PoolParams {
    pub virtual_quote_reserve: u64,
    pub virtual_base_reserve: u64,
    pub curve_supply: u64,
    pub graduated_supply: u64,
    pub graduation_threshold: u64,
    /// Anti-sniper window: the fee decays from `start_fee_bps` to `base_fee_bps`.
    pub fee_decay_seconds: u32,
    pub base_fee_bps: u16,
    pub start_fee_bps: u16,
    pub protocol_fee_share_bps: u16,
    pub creator_fee_share_bps: u16,
    pub agent_fee_share_bps: u16,
    /// The curve's shape ([`CurveKind`]); 0 is the constant-product curve.
    pub curve_kind: u8,
    pub _padding: [u8; 1],
}

impl PoolParams {
    pub fn curve(&self) -> CurveParams {
        CurveParams {
            virtual_quote_reserve: self.virtual_quote_reserve,
            virtual_base_reserve: self.virtual_base_reserve,
            curve_supply: self.curve_supply,
            graduated_supply: self.graduated_supply,
            graduation_threshold: self.graduation_threshold,
        }
    }

    pub fn fee_schedule(&self) -> FeeSchedule {
        FeeSchedule {
            base_fee_bps: self.base_fee_bps,
            start_fee_bps: self.start_fee_bps,
            decay_seconds: self.fee_decay_seconds,
        }
    }

    pub fn fee_split(&self) -> FeeSplit {
        FeeSplit {
            protocol_bps: self.protocol_fee_share_bps,
            creator_bps: self.creator_fee_share_bps,
            agent_bps: self.agent_fee_share_bps,
        }
    }

    pub fn validate(&self) -> Result<()> {
        CurveKind::from_stored(self.curve_kind).map_err(BondingCurveError::from)?;
        self.curve().validate().map_err(BondingCurveError::from)?;
        require!(self.fee_schedule().is_valid(), BondingCurveError::InvalidFeeSchedule);
        require!(self.fee_split().is_valid(), BondingCurveError::InvalidFeeSplit);
        Ok(())
    }

    /// Total agent-token supply a pool with these parameters is launched with.
    pub fn total_supply(&self) -> Result<u64> {
        Ok(self.curve().total_supply().map_err(BondingCurveError::from)?)
    }
}

/// What an agent's stakers are held to ([`StakingTerms`]): read by agent-factory at launch
/// and fixed in the agent's stake pool.
#[zero_copy]
#[derive(Debug, PartialEq, Eq, borsh::BorshSerialize, borsh::BorshDeserialize)]
#[borsh(crate = "anchor_lang::prelude::borsh")]
pub struct StakingParams {
    pub min_unstake_cooldown: u32,
    pub default_unstake_cooldown: u32,
    pub reward_window: u32,
}

impl StakingParams {
    pub const STANDARD: StakingParams = StakingParams::from_terms(StakingTerms::STANDARD);

    pub const fn from_terms(t: StakingTerms) -> Self {
        StakingParams { min_unstake_cooldown: t.min_unstake_cooldown, default_unstake_cooldown: t.default_unstake_cooldown, reward_window: t.reward_window }
    }

    pub fn terms(&self) -> StakingTerms {
        StakingTerms {
            min_unstake_cooldown: self.min_unstake_cooldown,
            default_unstake_cooldown: self.default_unstake_cooldown,
            reward_window: self.reward_window,
        }
    }
}

/// An immutable launch template created by the admin. PDA: `["preset", id]`.
#[account(zero_copy)]
#[derive(Debug)]
pub struct Preset {
    /// Quote token pools of this preset trade against; the threshold is in its units.
    pub quote_mint: Pubkey,
    pub params: PoolParams,
    pub staking: StakingParams,
    pub id: u16,
    pub bump: u8,
    pub _padding: [u8; 1],
    /// Room for later fields without a layout migration; zero.
    pub _reserved: [u64; 8],
}

const _: () = assert!(core::mem::size_of::<PoolParams>() == 56);
const _: () = assert!(core::mem::size_of::<Preset>() == 104 + 64);
