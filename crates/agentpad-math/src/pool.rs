//! The pool's state machine: a bonding curve (one or more constant-product segments over
//! virtual reserves, see [`crate::segment`]) until the real quote reserve reaches the
//! graduation threshold, then a constant-product pool over the real reserves plus the
//! supply reserved for it.
//!
//! The program stores [`CurveParams`] and the curve's further [`Segment`]s (snapshotted
//! from a preset), a [`Phase`] and the real [`Reserves`]; every trade is computed here and
//! the program only moves tokens.

use crate::constant_product::{base_out_for_quote_in, price_q64, quote_in_for_base_out, quote_out_for_base_in};
use crate::error::{MathError, MathResult};
use crate::fee::{FeeParts, FeeSplit, fee_on, split_gross};
use crate::safe::SafeMath;
use crate::segment::Segment;
use crate::BPS_DENOMINATOR;

/// Largest allowed gap between the curve's last price and the graduated pool's first
/// price (1%). A larger gap would hand the graduating buyer a risk-free arbitrage, or
/// cost every curve buyer value at graduation.
pub const MAX_GRADUATION_PRICE_GAP_BPS: u64 = 100;

/// The economics of one pool, fixed at creation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CurveParams {
    /// Virtual quote reserve the curve starts from (price floor).
    pub virtual_quote_reserve: u64,
    /// Virtual base reserve the curve starts from; includes `curve_supply`.
    pub virtual_base_reserve: u64,
    /// Base units sold along the curve.
    pub curve_supply: u64,
    /// Base units held back and added to the pool at graduation.
    pub graduated_supply: u64,
    /// Real quote reserve at which the curve completes.
    pub graduation_threshold: u64,
}

/// The shape of a pool's bonding curve, stored as one byte in the pool parameters: a new
/// shape is a new variant (and its math), not a new account layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum CurveKind {
    /// Constant product over virtual reserves ([`CurveParams`]), pump.fun-style.
    ConstantProduct = 0,
}

impl CurveKind {
    /// Reads a stored curve-kind byte; an unknown kind is [`ParamsError::UnknownCurveKind`].
    pub fn from_stored(byte: u8) -> Result<Self, ParamsError> {
        match byte {
            0 => Ok(Self::ConstantProduct),
            _ => Err(ParamsError::UnknownCurveKind),
        }
    }

    /// The byte stored on chain.
    pub const fn stored(self) -> u8 {
        self as u8
    }
}

/// Why a set of curve parameters was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParamsError {
    /// A reserve, supply or threshold is zero.
    ZeroParameter,
    /// `virtual_base_reserve` must exceed `curve_supply` (else the price is unbounded).
    VirtualBaseTooSmall,
    /// A sum of parameters does not fit in `u64`.
    Overflow,
    /// The curve would sell out before its real quote reaches the threshold.
    CurveSupplyTooSmall,
    /// The graduated pool would open more than [`MAX_GRADUATION_PRICE_GAP_BPS`] away
    /// from the curve's final price.
    GraduationPriceGap,
    /// The curve-kind byte names no known [`CurveKind`].
    UnknownCurveKind,
    /// More than [`crate::segment::MAX_SEGMENTS`] segments.
    TooManySegments,
    /// A segment does not start after the one before it, or starts past the curve supply.
    SegmentBoundsNotIncreasing,
    /// A stored segment's `quote_start` is not the quote the segments before it take.
    SegmentQuoteMismatch,
    /// A segment starts below the price the segment before it ends at.
    PriceNotIncreasing,
    /// The threshold is reached before the last segment: later segments would never trade.
    ThresholdBeforeLastSegment,
    /// Some stretch of the curve is thinner than the graduated pool: buying it and
    /// selling into the pool would profit.
    CurveThinnerThanGraduatedPool,
}

impl CurveParams {
    pub fn total_supply(&self) -> MathResult<u64> {
        self.curve_supply.safe_add(self.graduated_supply)
    }

    /// Validates a one-segment curve (see [`CurveParams::validate_segments`]).
    pub fn validate(&self) -> Result<(), ParamsError> {
        self.validate_segments(&[])
    }

    /// The reserved supply that makes the graduated pool open at the curve's final price;
    /// a helper for whoever designs one-segment presets.
    pub fn graduated_supply_for_continuous_price(
        virtual_quote_reserve: u64,
        virtual_base_reserve: u64,
        curve_supply: u64,
        graduation_threshold: u64,
    ) -> MathResult<u64> {
        let first = Segment { base_start: 0, quote_start: 0, virtual_quote_reserve, virtual_base_reserve };
        first.graduated_supply_for_continuous_price(curve_supply, graduation_threshold)
    }
}

/// Where a pool is in its life. Stored on chain as one byte: its discriminant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Phase {
    /// Trading along the bonding curve.
    Curve = 0,
    /// The threshold was reached; waiting for `graduate`. No trading.
    Complete = 1,
    /// A constant-product pool over the real reserves, liquidity locked.
    Graduated = 2,
}

impl Phase {
    /// Reads a stored phase byte; any other value is [`MathError::InvalidPhase`].
    pub fn from_stored(byte: u8) -> MathResult<Self> {
        match byte {
            0 => Ok(Self::Curve),
            1 => Ok(Self::Complete),
            2 => Ok(Self::Graduated),
            _ => Err(MathError::InvalidPhase),
        }
    }

    /// The byte stored on chain.
    pub const fn stored(self) -> u8 {
        self as u8
    }
}

/// Real reserves: tokens in the vaults that belong to the market (fees excluded).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Reserves {
    pub quote: u64,
    pub base: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Buy,
    Sell,
}

/// Everything a trade changes, computed before any token moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Trade {
    pub side: Side,
    /// Base units the user receives (buy) or pays (sell).
    pub base_amount: u64,
    /// Quote units the user pays, fee included (buy) or receives, fee deducted (sell).
    pub quote_amount: u64,
    /// Quote units entering (buy) or leaving (sell) the quote reserve.
    pub reserve_quote_delta: u64,
    /// The whole fee, and how it is shared.
    pub fee: u64,
    pub fee_parts: FeeParts,
    pub fee_bps: u16,
    pub reserves_after: Reserves,
    pub phase_after: Phase,
}

/// The caller's limit on a trade. For buys it is a price: a fill may be cut at the
/// graduation threshold, so the limit binds per token, never just on the total.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Limit {
    /// Pay at most `max_quote` for `base` tokens (buy exact out: the tokens asked for and
    /// the most the buyer pays for them); a partial fill pays at most pro rata.
    MaxQuoteFor { max_quote: u64, base: u64 },
    /// Spend `quote` for at least `min_base` tokens (buy exact in); a partial fill that
    /// spends less must still buy at least pro rata.
    MinBaseFor { quote: u64, min_base: u64 },
    /// Receive at least this much quote (sells are never cut).
    MinQuoteOut(u64),
}

impl Limit {
    /// Whether `trade` respects the limit. For buys: `paid / received <= quote / base`,
    /// compared by cross-multiplication in u128 (exact), which for a full fill is the plain
    /// total check.
    pub fn allows(&self, trade: &Trade) -> bool {
        let within_price = |quote: u64, base: u64| {
            trade.quote_amount as u128 * base as u128 <= quote as u128 * trade.base_amount as u128
        };
        match *self {
            Limit::MaxQuoteFor { max_quote, base } => trade.side == Side::Buy && within_price(max_quote, base),
            Limit::MinBaseFor { quote, min_base } => trade.side == Side::Buy && within_price(quote, min_base),
            Limit::MinQuoteOut(min) => trade.side == Side::Sell && trade.quote_amount >= min,
        }
    }
}

/// A pool's economics and current state, ready to quote. The fee rate is an argument of
/// each trade (it depends on the time since launch; see `FeeSchedule::fee_bps_at`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Market<'a> {
    pub params: CurveParams,
    /// The curve's segments after the first (whose reserves are `params`'); empty for a
    /// one-segment curve.
    pub segments: &'a [Segment],
    pub split: FeeSplit,
    pub phase: Phase,
    pub reserves: Reserves,
}

impl Market<'_> {
    /// The reserves the constant-product formula runs on in the current phase: during the
    /// curve, those of the segment the next unit bought comes from.
    pub fn pricing_reserves(&self) -> MathResult<(u64, u64)> {
        match self.phase {
            Phase::Curve | Phase::Complete => self.segment(self.buy_segment()).pricing_reserves(self.params.curve_supply, self.reserves),
            Phase::Graduated => Ok((self.reserves.quote, self.reserves.base)),
        }
    }

    /// Spot price, Q64.64 quote units per base unit.
    pub fn price_q64(&self) -> MathResult<u128> {
        let (x, y) = self.pricing_reserves()?;
        price_q64(x, y)
    }

    /// Progress to graduation in bps of the threshold (10,000 once complete).
    pub fn progress_bps(&self) -> u16 {
        match self.phase {
            Phase::Curve => {
                let p = (self.reserves.quote as u128 * BPS_DENOMINATOR as u128)
                    / self.params.graduation_threshold.max(1) as u128;
                p.min(BPS_DENOMINATOR as u128) as u16
            }
            Phase::Complete | Phase::Graduated => BPS_DENOMINATOR as u16,
        }
    }

    fn ensure_tradable(&self) -> MathResult<()> {
        match self.phase {
            Phase::Complete => Err(MathError::CurveComplete),
            Phase::Curve | Phase::Graduated => Ok(()),
        }
    }

    /// Quote the curve may still take before it completes (unbounded once graduated).
    fn quote_capacity(&self) -> u64 {
        match self.phase {
            Phase::Curve => self.params.graduation_threshold.saturating_sub(self.reserves.quote),
            Phase::Complete => 0,
            Phase::Graduated => u64::MAX,
        }
    }

    /// Segment `i` (0 is the first, from the pool parameters).
    fn segment(&self, i: usize) -> Segment {
        match i.checked_sub(1) {
            None => Segment::first(&self.params),
            Some(j) => self.segments[j],
        }
    }

    /// Whether segment `i` is the last (the one the threshold falls in).
    fn is_last(&self, i: usize) -> bool {
        i == self.segments.len()
    }

    /// Real base reserve left once segment `i` (not the last) sells out.
    fn base_left_after(&self, i: usize) -> u64 {
        self.params.curve_supply - self.segments[i].base_start
    }

    fn sold(reserves: Reserves, curve_supply: u64) -> u64 {
        curve_supply.saturating_sub(reserves.base)
    }

    /// The segment a buy starts in: the last one starting at or before the supply sold.
    fn buy_segment(&self) -> usize {
        let sold = Self::sold(self.reserves, self.params.curve_supply);
        self.segments.iter().take_while(|s| s.base_start <= sold).count()
    }

    /// The segment a sell starts in: the last one starting before the supply sold.
    fn sell_segment(&self) -> usize {
        let sold = Self::sold(self.reserves, self.params.curve_supply);
        self.segments.iter().take_while(|s| s.base_start < sold).count()
    }

    /// Base units `quote_in` (net of fee) buys: along the curve, segment by segment; each
    /// segment crossed is bought out for exactly the quote its rest costs.
    fn base_out_for(&self, quote_in: u64) -> MathResult<u64> {
        if self.phase == Phase::Graduated {
            return base_out_for_quote_in(self.reserves.quote, self.reserves.base, quote_in);
        }
        let (mut i, mut at, mut left, mut out) = (self.buy_segment(), self.reserves, quote_in, 0u64);
        loop {
            let (x, y) = self.segment(i).pricing_reserves(self.params.curve_supply, at)?;
            if !self.is_last(i) {
                let rest = at.base - self.base_left_after(i);
                let cost = quote_in_for_base_out(x, y, rest)?;
                if left >= cost {
                    (out, left) = (out + rest, left - cost);
                    at = Reserves { quote: at.quote.safe_add(cost)?, base: at.base - rest };
                    i += 1;
                    if left == 0 {
                        return Ok(out);
                    }
                    continue;
                }
            }
            return out.safe_add(base_out_for_quote_in(x, y, left)?);
        }
    }

    /// Quote (net of fee) that buys exactly `base_out`: along the curve, segment by
    /// segment. Stops early, with a total above the capacity, once the threshold is passed.
    fn quote_in_for(&self, base_out: u64) -> MathResult<u64> {
        if self.phase == Phase::Graduated {
            return quote_in_for_base_out(self.reserves.quote, self.reserves.base, base_out);
        }
        let capacity = self.quote_capacity();
        let (mut i, mut at, mut want, mut cost) = (self.buy_segment(), self.reserves, base_out, 0u64);
        loop {
            let (x, y) = self.segment(i).pricing_reserves(self.params.curve_supply, at)?;
            if !self.is_last(i) {
                let rest = at.base - self.base_left_after(i);
                if want > rest {
                    let step = quote_in_for_base_out(x, y, rest)?;
                    cost = cost.safe_add(step)?;
                    if cost > capacity {
                        return Ok(cost);
                    }
                    want -= rest;
                    at = Reserves { quote: at.quote.safe_add(step)?, base: at.base - rest };
                    i += 1;
                    continue;
                }
            }
            return cost.safe_add(quote_in_for_base_out(x, y, want)?);
        }
    }

    /// Quote (before fee) that selling `base_in` pays: along the curve, segment by segment
    /// down; each segment crossed is sold back to its start.
    fn quote_out_for(&self, base_in: u64) -> MathResult<u64> {
        if self.phase == Phase::Graduated {
            return quote_out_for_base_in(self.reserves.quote, self.reserves.base, base_in);
        }
        let (mut i, mut at, mut left, mut out) = (self.sell_segment(), self.reserves, base_in, 0u64);
        loop {
            let segment = self.segment(i);
            let (x, y) = segment.pricing_reserves(self.params.curve_supply, at)?;
            if i > 0 {
                let rest = Self::sold(at, self.params.curve_supply) - segment.base_start;
                if left > rest {
                    let step = quote_out_for_base_in(x, y, rest)?;
                    (out, left) = (out + step, left - rest);
                    at = Reserves { quote: at.quote.safe_sub(step)?, base: at.base + rest };
                    i -= 1;
                    continue;
                }
            }
            return out.safe_add(quote_out_for_base_in(x, y, left)?);
        }
    }

    /// Spend `quote_in` (fee included). The threshold-crossing buy is cut to exactly the
    /// threshold and takes only the quote that buy needs.
    pub fn buy_exact_in(&self, quote_in: u64, fee_bps: u16) -> MathResult<Trade> {
        self.ensure_tradable()?;
        if quote_in == 0 {
            return Err(MathError::ZeroAmount);
        }
        let (mut net, mut fee) = split_gross(quote_in, fee_bps)?;
        let capacity = self.quote_capacity();
        if net >= capacity {
            net = capacity;
            fee = fee_on(net, fee_bps)?;
        }
        let base_out = self.base_out_for(net)?;
        self.finish_buy(net, fee, base_out, fee_bps)
    }

    /// Receive `base_out` (or, for the threshold-crossing buy, what the rest of the curve
    /// holds up to the threshold) and pay the quote it costs plus the fee.
    pub fn buy_exact_out(&self, base_out: u64, fee_bps: u16) -> MathResult<Trade> {
        self.ensure_tradable()?;
        if base_out == 0 {
            return Err(MathError::ZeroAmount);
        }
        let capacity = self.quote_capacity();
        let (net, base_out) = match self.quote_in_for(base_out) {
            Ok(net) if net <= capacity => (net, base_out),
            // More than the curve can sell before the threshold: fill up to it.
            Ok(_) | Err(MathError::InsufficientLiquidity) if self.phase == Phase::Curve => {
                (capacity, self.base_out_for(capacity)?)
            }
            other => (other?, base_out),
        };
        let fee = fee_on(net, fee_bps)?;
        self.finish_buy(net, fee, base_out, fee_bps)
    }

    fn finish_buy(&self, net: u64, fee: u64, base_out: u64, fee_bps: u16) -> MathResult<Trade> {
        if base_out == 0 {
            return Err(MathError::ZeroOutput);
        }
        if base_out > self.reserves.base || (self.phase == Phase::Graduated && base_out == self.reserves.base) {
            return Err(MathError::InsufficientLiquidity);
        }
        let reserves_after = Reserves {
            quote: self.reserves.quote.safe_add(net)?,
            base: self.reserves.base - base_out,
        };
        let phase_after = if self.phase == Phase::Curve && reserves_after.quote >= self.params.graduation_threshold {
            Phase::Complete
        } else {
            self.phase
        };
        Ok(Trade {
            side: Side::Buy,
            base_amount: base_out,
            quote_amount: net.safe_add(fee)?,
            reserve_quote_delta: net,
            fee,
            fee_parts: self.split.split(fee)?,
            fee_bps,
            reserves_after,
            phase_after,
        })
    }

    /// Sell exactly `base_in`; the fee is taken out of the quote paid out.
    pub fn sell_exact_in(&self, base_in: u64, fee_bps: u16) -> MathResult<Trade> {
        self.ensure_tradable()?;
        if base_in == 0 {
            return Err(MathError::ZeroAmount);
        }
        let gross = self.quote_out_for(base_in)?;
        if gross > self.reserves.quote {
            return Err(MathError::InsufficientLiquidity);
        }
        let fee = fee_on(gross, fee_bps)?;
        let quote_out = gross.saturating_sub(fee);
        if quote_out == 0 {
            return Err(MathError::ZeroOutput);
        }
        Ok(Trade {
            side: Side::Sell,
            base_amount: base_in,
            quote_amount: quote_out,
            reserve_quote_delta: gross,
            fee,
            fee_parts: self.split.split(fee)?,
            fee_bps,
            reserves_after: Reserves {
                quote: self.reserves.quote - gross,
                base: self.reserves.base.safe_add(base_in)?,
            },
            phase_after: self.phase,
        })
    }

    /// A constant-product pool opened directly over seeded reserves — a bridged agent's,
    /// whose supply lives on another chain: it starts Graduated (no curve; the liquidity is
    /// locked like a graduated pool's). Both reserves must be positive.
    pub fn seeded(params: CurveParams, split: FeeSplit, quote: u64, base: u64) -> MathResult<Market<'static>> {
        if quote == 0 || base == 0 {
            return Err(MathError::ZeroAmount);
        }
        Ok(Market { params, segments: &[], split, phase: Phase::Graduated, reserves: Reserves { quote, base } })
    }

    /// The Complete → Graduated transition: the pool becomes a constant-product pool over
    /// its real reserves plus the held-back supply. Returns the graduated reserves.
    pub fn graduate(&mut self) -> MathResult<Reserves> {
        match self.phase {
            Phase::Complete => {}
            Phase::Curve => return Err(MathError::NotGraduated),
            Phase::Graduated => return Err(MathError::AlreadyGraduated),
        }
        self.reserves = Reserves {
            quote: self.reserves.quote,
            base: self.reserves.base.safe_add(self.params.graduated_supply)?,
        };
        self.phase = Phase::Graduated;
        Ok(self.reserves)
    }

    /// Applies a computed trade.
    pub fn apply(&mut self, trade: &Trade) {
        self.reserves = trade.reserves_after;
        self.phase = trade.phase_after;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// pump.fun-like numbers: 1B tokens (6 dp) against SOL (9 dp).
    fn params() -> CurveParams {
        let vq = 30_000_000_000;
        let vb = 1_073_000_000_000_000;
        let curve = 793_100_000_000_000;
        let t = 85_000_000_000;
        let g = CurveParams::graduated_supply_for_continuous_price(vq, vb, curve, t).unwrap();
        CurveParams {
            virtual_quote_reserve: vq,
            virtual_base_reserve: vb,
            curve_supply: curve,
            graduated_supply: g,
            graduation_threshold: t,
        }
    }

    #[test]
    fn a_seeded_pool_starts_graduated_and_needs_both_sides() {
        let split = FeeSplit { protocol_bps: 2_000, creator_bps: 3_000, agent_bps: 5_000 };
        let m = Market::seeded(params(), split, 5_000_000_000, 250_000_000_000).unwrap();
        assert_eq!((m.phase, m.reserves), (Phase::Graduated, Reserves { quote: 5_000_000_000, base: 250_000_000_000 }));
        assert_eq!(m.pricing_reserves(), Ok((5_000_000_000, 250_000_000_000)));
        assert_eq!(m.clone().graduate(), Err(MathError::AlreadyGraduated));
        assert_eq!(Market::seeded(params(), split, 0, 1).err(), Some(MathError::ZeroAmount));
        assert_eq!(Market::seeded(params(), split, 1, 0).err(), Some(MathError::ZeroAmount));
    }

    fn market() -> Market<'static> {
        let p = params();
        Market {
            params: p,
            segments: &[],
            split: FeeSplit { protocol_bps: 2_000, creator_bps: 3_000, agent_bps: 5_000 },
            phase: Phase::Curve,
            reserves: Reserves { quote: 0, base: p.curve_supply },
        }
    }

    #[test]
    fn continuous_price_params_validate() {
        let p = params();
        assert_eq!(p.validate(), Ok(()));
        // About 206.9M tokens, as on pump.fun.
        assert!(p.graduated_supply / 1_000_000 > 206_000_000 && p.graduated_supply / 1_000_000 < 207_500_000);
        let gap = CurveParams { graduated_supply: p.graduated_supply / 2, ..p };
        assert_eq!(gap.validate(), Err(ParamsError::GraduationPriceGap));
        let short = CurveParams { graduation_threshold: 10_000_000_000_000, ..p };
        assert_eq!(short.validate(), Err(ParamsError::CurveSupplyTooSmall));
        let flat = CurveParams { virtual_base_reserve: p.curve_supply, ..p };
        assert_eq!(flat.validate(), Err(ParamsError::VirtualBaseTooSmall));
    }

    #[test]
    fn first_buy_prices_off_virtual_reserves() {
        let m = market();
        let t = m.buy_exact_in(1_010_000_000, 100).unwrap(); // 1 SOL net + 1% fee
        assert_eq!(t.reserve_quote_delta, 1_000_000_000);
        assert_eq!(t.fee, 10_000_000);
        // 1.073e15 * 1e9 / 31e9
        assert_eq!(t.base_amount, 34_612_903_225_806);
        assert_eq!(t.fee_parts, FeeParts { protocol: 2_000_000, creator: 3_000_000, agent: 5_000_000 });
    }

    #[test]
    fn crossing_buy_is_cut_at_the_threshold() {
        let mut m = market();
        m.reserves.quote = m.params.graduation_threshold - 1_000;
        let t = m.buy_exact_in(1_000_000_000, 100).unwrap();
        assert_eq!(t.reserve_quote_delta, 1_000);
        assert_eq!(t.fee, 10);
        assert_eq!(t.quote_amount, 1_010);
        assert_eq!(t.phase_after, Phase::Complete);
        m.apply(&t);
        assert_eq!(m.reserves.quote, m.params.graduation_threshold);
        assert_eq!(m.buy_exact_in(1, 100), Err(MathError::CurveComplete));
        assert_eq!(m.sell_exact_in(1, 100), Err(MathError::CurveComplete));
    }

    #[test]
    fn a_partial_fill_respects_the_buyers_price_limit() {
        // The audit's case: 50M tokens asked for with 1% slippage; a front-run leaves the
        // curve just below the threshold, so the buy is cut to a sliver of what was asked.
        let fresh = market();
        let asked = 50_000_000 * 1_000_000;
        let quoted = fresh.buy_exact_out(asked, 100).unwrap();
        let limit = Limit::MaxQuoteFor { max_quote: quoted.quote_amount + quoted.quote_amount / 100, base: asked };
        assert!(limit.allows(&quoted));
        let mut m = fresh;
        m.reserves.quote = m.params.graduation_threshold - 1_000_000_000;
        m.reserves.base = m.params.curve_supply / 10;
        let cut = m.buy_exact_out(asked, 100).unwrap();
        assert!(cut.base_amount < asked / 10, "cut at the threshold");
        assert!(cut.quote_amount <= limit_total(&limit), "the total alone would pass");
        assert!(!limit.allows(&cut), "but the price per token is far above the limit");
        // The same for buy exact in: spending less for proportionally fewer tokens is fine,
        // fewer tokens per unit of quote is not.
        let spend = 2_000_000_000;
        let full = fresh.buy_exact_in(spend, 100).unwrap();
        let min_base = full.base_amount - full.base_amount / 100;
        let exact_in = Limit::MinBaseFor { quote: spend, min_base };
        assert!(exact_in.allows(&full));
        let partial = m.buy_exact_in(spend, 100).unwrap();
        assert!(partial.quote_amount < spend);
        assert!(!exact_in.allows(&partial));
        assert!(Limit::MinBaseFor { quote: spend, min_base: 0 }.allows(&partial), "no limit set");
        // A partial fill at the limit price passes.
        let at_price = Limit::MaxQuoteFor { max_quote: cut.quote_amount * 3, base: cut.base_amount * 3 };
        assert!(at_price.allows(&cut));
        let above = Limit::MaxQuoteFor { max_quote: cut.quote_amount * 3 - 1, base: cut.base_amount * 3 };
        assert!(!above.allows(&cut));
    }

    fn limit_total(l: &Limit) -> u64 {
        match *l {
            Limit::MaxQuoteFor { max_quote, .. } => max_quote,
            _ => unreachable!(),
        }
    }

    #[test]
    fn graduation_adds_reserved_supply() {
        let mut m = market();
        let t = m.buy_exact_in(u64::MAX / 2, 100).unwrap();
        m.apply(&t);
        assert_eq!(m.phase, Phase::Complete);
        let before = m.reserves;
        let r = m.graduate().unwrap();
        assert_eq!(r.base, before.base + m.params.graduated_supply);
        assert_eq!((m.reserves, m.phase), (r, Phase::Graduated));
        assert_eq!(m.graduate(), Err(MathError::AlreadyGraduated));
        assert_eq!(m.reserves, r, "a refused graduation changes nothing");
        let s = m.sell_exact_in(1_000_000, 100).unwrap();
        assert!(s.quote_amount > 0);
    }

    #[test]
    fn curve_kind_bytes_round_trip_and_unknown_kinds_are_refused() {
        assert_eq!(CurveKind::from_stored(CurveKind::ConstantProduct.stored()), Ok(CurveKind::ConstantProduct));
        for byte in 1..=u8::MAX {
            assert_eq!(CurveKind::from_stored(byte), Err(ParamsError::UnknownCurveKind));
        }
    }

    #[test]
    fn only_a_complete_curve_graduates() {
        let mut m = market();
        assert_eq!(m.graduate(), Err(MathError::NotGraduated));
        assert_eq!(m.phase, Phase::Curve);
    }

    #[test]
    fn stored_phase_bytes_round_trip_and_unknown_bytes_are_refused() {
        for p in [Phase::Curve, Phase::Complete, Phase::Graduated] {
            assert_eq!(Phase::from_stored(p.stored()), Ok(p));
        }
        for byte in 3..=u8::MAX {
            assert_eq!(Phase::from_stored(byte), Err(MathError::InvalidPhase));
        }
    }

    #[test]
    fn dust_buys_and_sells_are_refused() {
        let m = market();
        assert_eq!(m.buy_exact_in(0, 100), Err(MathError::ZeroAmount));
        assert_eq!(m.buy_exact_in(1, 100), Err(MathError::ZeroOutput));
        let mut m2 = m;
        m2.apply(&m.buy_exact_in(1_000_000_000, 100).unwrap());
        assert_eq!(m2.sell_exact_in(1, 100), Err(MathError::ZeroOutput));
    }
}
