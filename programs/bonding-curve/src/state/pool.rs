use core::cell::RefMut;

use agentpad_math::pool::{Market, Phase, Reserves, Trade};
use agentpad_math::segment::{SEGMENT_LEN, Segment};
use anchor_lang::prelude::*;

use crate::constants::seeds;
use crate::error::BondingCurveError;
use crate::state::PoolParams;

/// Pool phases as stored on chain: the bytes of [`agentpad_math::pool::Phase`].
pub mod phase {
    use agentpad_math::pool::Phase;
    pub const CURVE: u8 = Phase::Curve.stored();
    pub const COMPLETE: u8 = Phase::Complete.stored();
    pub const GRADUATED: u8 = Phase::Graduated.stored();
}

/// The three fee buckets every trade's fee is split into.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub enum FeeBucket {
    Protocol,
    Creator,
    AgentRevenue,
}

/// One agent token's market. PDA: `["pool", base_mint]`; it owns both vaults. The curve's
/// further segments (`params.extra_segments` of them) follow the fixed part.
///
/// Invariants kept by every instruction:
/// `quote_vault == quote_reserve + protocol_fees + creator_fees + agent_fees` and
/// `base_vault == base_reserve (+ graduated_supply until graduation)`.
#[account(zero_copy)]
#[derive(Debug)]
pub struct Pool {
    pub base_mint: Pubkey,
    pub quote_mint: Pubkey,
    pub base_vault: Pubkey,
    pub quote_vault: Pubkey,
    pub quote_token_program: Pubkey,
    pub preset: Pubkey,
    /// Signs creator-fee claims: the agent record in agent-factory, which knows the
    /// agent's current creator.
    pub creator_fee_authority: Pubkey,

    /// Snapshot of the preset at creation.
    pub params: PoolParams,

    /// Real reserves (fee buckets excluded).
    pub quote_reserve: u64,
    pub base_reserve: u64,
    /// Unclaimed fees, in quote units.
    pub protocol_fees: u64,
    pub creator_fees: u64,
    pub agent_fees: u64,
    /// Lifetime fees credited to each bucket (claimed or not), for indexers.
    pub total_protocol_fees: u64,
    pub total_creator_fees: u64,
    pub total_agent_fees: u64,
    pub launch_timestamp: i64,
    pub graduation_timestamp: i64,
    pub created_slot: u64,

    pub phase: u8,
    pub bump: u8,
    pub base_decimals: u8,
    pub quote_decimals: u8,
    pub _padding: [u8; 4],
    pub _reserved: [u64; 8],
}

impl Pool {
    /// The pool's market; `segments` are the ones stored after it ([`load_pool_mut`]).
    pub fn market<'a>(&self, segments: &'a [Segment]) -> Result<Market<'a>> {
        Ok(Market {
            params: self.params.curve(),
            segments,
            split: self.params.fee_split(),
            phase: Phase::from_stored(self.phase).map_err(BondingCurveError::from)?,
            reserves: Reserves { quote: self.quote_reserve, base: self.base_reserve },
        })
    }

    /// Stores the reserves and phase a transition in [`Market`] produced (a trade or the
    /// graduation).
    pub fn store_state(&mut self, reserves: Reserves, phase: Phase) {
        self.quote_reserve = reserves.quote;
        self.base_reserve = reserves.base;
        self.phase = phase.stored();
    }

    pub fn fee_bps_at(&self, now: i64) -> u16 {
        self.params.fee_schedule().fee_bps_at(now.saturating_sub(self.launch_timestamp))
    }

    /// Applies a trade computed by [`Market`]: reserves, phase and fee buckets.
    pub fn apply_trade(&mut self, trade: &Trade) -> Result<()> {
        self.store_state(trade.reserves_after, trade.phase_after);
        let parts = trade.fee_parts;
        let add = |a: u64, b: u64| a.checked_add(b).ok_or(BondingCurveError::MathOverflow);
        self.protocol_fees = add(self.protocol_fees, parts.protocol)?;
        self.creator_fees = add(self.creator_fees, parts.creator)?;
        self.agent_fees = add(self.agent_fees, parts.agent)?;
        self.total_protocol_fees = add(self.total_protocol_fees, parts.protocol)?;
        self.total_creator_fees = add(self.total_creator_fees, parts.creator)?;
        self.total_agent_fees = add(self.total_agent_fees, parts.agent)?;
        Ok(())
    }

    /// Empties a fee bucket and returns what it held.
    pub fn take_fees(&mut self, bucket: FeeBucket) -> Result<u64> {
        let slot = match bucket {
            FeeBucket::Protocol => &mut self.protocol_fees,
            FeeBucket::Creator => &mut self.creator_fees,
            FeeBucket::AgentRevenue => &mut self.agent_fees,
        };
        let amount = core::mem::take(slot);
        require!(amount > 0, BondingCurveError::NoFeesToClaim);
        Ok(amount)
    }

}

/// A pool account's fixed part, writable, and its curve segments, borrowed from the
/// account data together. The account is an `AccountLoader<Pool>` (owner and
/// discriminator checked when the accounts were loaded).
pub fn load_pool_mut<'a>(pool: &'a AccountInfo<'_>) -> Result<(RefMut<'a, Pool>, RefMut<'a, [Segment]>)> {
    let data = pool.try_borrow_mut_data()?;
    let fixed = 8 + core::mem::size_of::<Pool>();
    let count = data.get(8..fixed).map(|b| bytemuck::from_bytes::<Pool>(b).params.extra_segments as usize);
    let end = fixed + count.ok_or(ErrorCode::AccountDidNotDeserialize)? * SEGMENT_LEN;
    require!(data.len() >= end, BondingCurveError::SegmentCountMismatch);
    let (head, tail) = RefMut::map_split(data, |d| d.split_at_mut(fixed));
    Ok((
        RefMut::map(head, |h| bytemuck::from_bytes_mut(&mut h[8..])),
        RefMut::map(tail, |t| bytemuck::cast_slice_mut(&mut t[..end - fixed])),
    ))
}

/// Signer seeds of a pool PDA. Built from copies so the pool's data borrow can be
/// released before a CPI that passes the pool as authority.
pub fn pool_signer_seeds<'a>(base_mint: &'a Pubkey, bump: &'a [u8; 1]) -> [&'a [u8]; 3] {
    [seeds::POOL, base_mint.as_ref(), bump]
}

// The layout is on-chain ABI: a field change must be deliberate.
const _: () = assert!(core::mem::size_of::<Pool>() == 440);
