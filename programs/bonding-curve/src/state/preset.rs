use agentpad_math::fee::{FeeSchedule, FeeSplit};
use agentpad_math::pool::{CurveKind, CurveParams};
use agentpad_math::segment::{self, SEGMENT_LEN, Segment};
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
    /// Segments of the curve after the first (whose reserves are the virtual reserves
    /// above), stored after the account's fixed part; 0 for a one-segment curve.
    pub extra_segments: u8,
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

    /// Validates these parameters with the curve's further `segments`.
    pub fn validate(&self, segments: &[Segment]) -> Result<()> {
        CurveKind::from_stored(self.curve_kind).map_err(BondingCurveError::from)?;
        require!(self.extra_segments as usize == segments.len(), BondingCurveError::SegmentCountMismatch);
        self.curve().validate_segments(segments).map_err(BondingCurveError::from)?;
        require!(self.fee_schedule().is_valid(), BondingCurveError::InvalidFeeSchedule);
        require!(self.fee_split().is_valid(), BondingCurveError::InvalidFeeSplit);
        Ok(())
    }

    /// Total agent-token supply a pool with these parameters is launched with.
    pub fn total_supply(&self) -> Result<u64> {
        Ok(self.curve().total_supply().map_err(BondingCurveError::from)?)
    }
}

/// A segment after the first, as `create_preset` takes it
/// ([`agentpad_math::segment::SegmentSpec`]): where it starts along the supply sold and
/// the virtual reserves it prices off from there.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub struct SegmentSpec {
    pub base_start: u64,
    pub virtual_quote_reserve: u64,
    pub virtual_base_reserve: u64,
}

impl From<SegmentSpec> for segment::SegmentSpec {
    fn from(s: SegmentSpec) -> Self {
        segment::SegmentSpec { base_start: s.base_start, virtual_quote_reserve: s.virtual_quote_reserve, virtual_base_reserve: s.virtual_base_reserve }
    }
}

/// The curve segments an account (preset or pool) stores after its fixed part `T`: the
/// first `count` of them, read in place.
pub fn stored_segments<T>(data: &[u8], count: u8) -> Result<&[Segment]> {
    let start = 8 + core::mem::size_of::<T>();
    let bytes = data.get(start..start + count as usize * SEGMENT_LEN).ok_or(BondingCurveError::SegmentCountMismatch)?;
    bytemuck::try_cast_slice(bytes).map_err(|_| error!(BondingCurveError::SegmentCountMismatch))
}

/// Account size of a `T` followed by `segments` curve segments.
pub const fn space_with_segments<T>(segments: usize) -> usize {
    8 + core::mem::size_of::<T>() + segments * SEGMENT_LEN
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

/// An immutable launch template created by the admin. PDA: `["preset", id]`. The curve's
/// further segments (`params.extra_segments` of them) follow the fixed part.
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
