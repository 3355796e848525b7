//! Segmented bonding curves: one to [`MAX_SEGMENTS`] constant-product segments laid end to
//! end along the supply sold. Each segment prices off a constant product over its own
//! virtual reserves `(x, y)`: it starts at price `x / y` with liquidity `sqrt(x * y)`, so a
//! preset shapes how fast the price rises by giving each price range its own liquidity.
//!
//! The first segment is the one [`CurveParams`] describes (its virtual reserves, from zero
//! sold); every further [`Segment`] starts where the one before it sells out. A trade
//! walks the segments it crosses and fills each to its boundary for exactly the quote that
//! boundary costs, so one trade across a boundary equals stopping there and going on.
//! Within the segment the pool is in, pricing is today's one-segment formula over
//! `x = virtual_quote + (quote_reserve - quote_start)` and
//! `y = virtual_base - (sold - base_start)`: a one-segment curve is the plain curve.

use crate::constant_product::quote_in_for_base_out;
use crate::error::MathResult;
use crate::pool::{CurveParams, MAX_GRADUATION_PRICE_GAP_BPS, ParamsError, Reserves};
use crate::safe::{SafeMath, to_u64};
use crate::BPS_DENOMINATOR;

/// The most segments a curve may have (the first included).
pub const MAX_SEGMENTS: usize = 16;

/// A segment after the first, as a preset states it: where it starts along the supply
/// sold, and the virtual reserves it prices off from there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SegmentSpec {
    pub base_start: u64,
    pub virtual_quote_reserve: u64,
    pub virtual_base_reserve: u64,
}

/// A segment after the first, as pools store it: the spec plus the quote the curve holds
/// when the segment starts, fixed when the preset is created.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[repr(C)]
#[cfg_attr(feature = "bytemuck", derive(bytemuck::Pod, bytemuck::Zeroable))]
pub struct Segment {
    /// Base units sold along the curve when this segment starts.
    pub base_start: u64,
    /// Quote the earlier segments take to sell out, each rounded up: the real quote
    /// reserve is at least this whenever the pool is in this segment (rounding on the way
    /// only ever adds to it, and that surplus stays in the price).
    pub quote_start: u64,
    pub virtual_quote_reserve: u64,
    pub virtual_base_reserve: u64,
}

/// Bytes of one stored [`Segment`].
pub const SEGMENT_LEN: usize = core::mem::size_of::<Segment>();

impl Segment {
    /// The first segment, as the pool parameters give it.
    pub const fn first(params: &CurveParams) -> Self {
        Segment {
            base_start: 0,
            quote_start: 0,
            virtual_quote_reserve: params.virtual_quote_reserve,
            virtual_base_reserve: params.virtual_base_reserve,
        }
    }

    /// The reserves this segment prices off when the pool holds `reserves` and
    /// `curve_supply - reserves.base` has been sold. `y` is computed as
    /// `virtual_base + base_start + base_reserve - curve_supply` so that the first segment
    /// is exactly the plain curve's `(virtual_base - curve_supply) + base_reserve`.
    pub fn pricing_reserves(&self, curve_supply: u64, reserves: Reserves) -> MathResult<(u64, u64)> {
        let x = self.virtual_quote_reserve.safe_add(reserves.quote.safe_sub(self.quote_start)?)?;
        let y = (self.virtual_base_reserve as u128 + self.base_start as u128 + reserves.base as u128)
            .safe_sub(curve_supply as u128)?;
        Ok((x, to_u64(y)?))
    }

    /// Quote it takes to sell `base_supply` units from the segment's start, rounded up.
    pub fn quote_to_sell_out(&self, base_supply: u64) -> MathResult<u64> {
        quote_in_for_base_out(self.virtual_quote_reserve, self.virtual_base_reserve, base_supply)
    }

    /// The segment that starts where `self` sells out after `supply` units, at that end
    /// price (rounded up, so prices never fall) with `num / den` times its liquidity.
    pub fn next_at_end_price(&self, supply: u64, num: u64, den: u64) -> MathResult<SegmentSpec> {
        let end_x = self.virtual_quote_reserve.safe_add(self.quote_to_sell_out(supply)?)?;
        let end_y = self.virtual_base_reserve.safe_sub(supply)?;
        let scale_up = |v: u64| to_u64((v as u128).safe_mul(num as u128)?.safe_div_ceil(den as u128)?);
        let scale_down = |v: u64| to_u64((v as u128).safe_mul(num as u128)?.safe_div(den as u128)?);
        Ok(SegmentSpec {
            base_start: self.base_start.safe_add(supply)?,
            virtual_quote_reserve: scale_up(end_x)?,
            virtual_base_reserve: scale_down(end_y)?,
        })
    }
}

/// Where a curve ends: its pricing reserves when the real quote reserve reaches the
/// threshold, inside the last segment. Rounding only ever leaves more base in the curve
/// than `y_floor`.
struct CurveEnd {
    x: u64,
    y_floor: u64,
    /// The part of `y` that is never sold: the real base left is `y - offset`.
    offset: u64,
}

impl Segment {
    /// The end of a curve whose last segment is `self`, selling `supply` from its start.
    fn curve_end(&self, supply: u64, graduation_threshold: u64) -> MathResult<CurveEnd> {
        let x = self.virtual_quote_reserve.safe_add(graduation_threshold.safe_sub(self.quote_start)?)?;
        let k = (self.virtual_quote_reserve as u128).safe_mul(self.virtual_base_reserve as u128)?;
        let y_floor = to_u64(k.safe_div_ceil(x as u128)?)?;
        Ok(CurveEnd { x, y_floor, offset: self.virtual_base_reserve.safe_sub(supply)? })
    }

    /// Checks that the curve, ending in `self`, reaches the threshold before it sells out
    /// and that the graduated pool (the whole threshold against the base left plus the
    /// held-back supply) opens within [`MAX_GRADUATION_PRICE_GAP_BPS`] of its last price.
    fn validate_graduation(&self, supply: u64, graduation_threshold: u64, graduated_supply: u64) -> Result<(), ParamsError> {
        let end = self.curve_end(supply, graduation_threshold).map_err(|_| ParamsError::Overflow)?;
        if end.y_floor < end.offset {
            return Err(ParamsError::CurveSupplyTooSmall);
        }
        // Curve end price x / y against graduated price T / (y - offset + G), compared by
        // cross-multiplication in u128.
        let base_after = (end.y_floor - end.offset) as u128 + graduated_supply as u128;
        let curve_side = (end.x as u128).checked_mul(base_after).ok_or(ParamsError::Overflow)?;
        let pool_side = (graduation_threshold as u128).checked_mul(end.y_floor as u128).ok_or(ParamsError::Overflow)?;
        let gap = curve_side.abs_diff(pool_side);
        let allowed = curve_side / BPS_DENOMINATOR as u128 * MAX_GRADUATION_PRICE_GAP_BPS as u128;
        if gap > allowed {
            return Err(ParamsError::GraduationPriceGap);
        }
        Ok(())
    }

    /// The held-back supply that makes the graduated pool open at the last price of a curve
    /// ending in `self` (selling `supply` from its start).
    pub fn graduated_supply_for_continuous_price(&self, supply: u64, graduation_threshold: u64) -> MathResult<u64> {
        let end = self.curve_end(supply, graduation_threshold)?;
        let base_at_price = to_u64((graduation_threshold as u128).safe_mul(end.y_floor as u128)?.safe_div(end.x as u128)?)?;
        base_at_price.safe_sub(end.y_floor.safe_sub(end.offset)?)
    }
}

/// A curve whose segments join at equal prices: the first over `(virtual_quote_reserve,
/// virtual_base_reserve)` selling `supplies[0]`, then one segment per further supply, each
/// starting at the end price of the one before with `num / den` (from `liquidity_steps`)
/// times its liquidity. The threshold lies `threshold_bps` of the way through the last
/// segment's sell-out quote, and the held-back supply opens the graduated pool at the
/// curve's last price. The result still has to pass [`CurveParams::validate_segments`].
pub fn joined_curve(
    virtual_quote_reserve: u64,
    virtual_base_reserve: u64,
    supplies: &[u64],
    liquidity_steps: &[(u64, u64)],
    threshold_bps: u64,
) -> MathResult<(CurveParams, Vec<SegmentSpec>)> {
    let mut last = Segment { base_start: 0, quote_start: 0, virtual_quote_reserve, virtual_base_reserve };
    let mut specs = Vec::with_capacity(supplies.len().saturating_sub(1));
    let (last_supply, earlier) = supplies.split_last().ok_or(crate::MathError::ZeroAmount)?;
    for (&supply, &(num, den)) in earlier.iter().zip(liquidity_steps) {
        let spec = last.next_at_end_price(supply, num, den)?;
        let quote_start = last.quote_start.safe_add(last.quote_to_sell_out(supply)?)?;
        specs.push(spec);
        last = Segment { base_start: spec.base_start, quote_start, virtual_quote_reserve: spec.virtual_quote_reserve, virtual_base_reserve: spec.virtual_base_reserve };
    }
    let sell_out = last.quote_to_sell_out(*last_supply)?;
    let into_last = to_u64((sell_out as u128).safe_mul(threshold_bps as u128)?.safe_div(BPS_DENOMINATOR as u128)?)?.max(1);
    let graduation_threshold = last.quote_start.safe_add(into_last)?;
    let curve_supply = last.base_start.safe_add(*last_supply)?;
    let graduated_supply = last.graduated_supply_for_continuous_price(*last_supply, graduation_threshold)?;
    let params = CurveParams { virtual_quote_reserve, virtual_base_reserve, curve_supply, graduated_supply, graduation_threshold };
    Ok((params, specs))
}

impl CurveParams {
    /// Builds the stored segments of a curve whose first segment is `self`'s and whose
    /// further segments are `specs` (each segment's `quote_start` computed); validate the
    /// result with [`CurveParams::validate_segments`].
    pub fn build_segments(&self, specs: &[SegmentSpec]) -> Result<Vec<Segment>, ParamsError> {
        if specs.len() >= MAX_SEGMENTS {
            return Err(ParamsError::TooManySegments);
        }
        let mut segments = Vec::with_capacity(specs.len());
        let mut previous = Segment::first(self);
        for spec in specs {
            if spec.base_start <= previous.base_start || spec.base_start >= self.curve_supply {
                return Err(ParamsError::SegmentBoundsNotIncreasing);
            }
            if previous.virtual_base_reserve <= spec.base_start - previous.base_start {
                return Err(ParamsError::VirtualBaseTooSmall);
            }
            let sell_out = previous.quote_to_sell_out(spec.base_start - previous.base_start);
            let quote_start = sell_out
                .and_then(|q| previous.quote_start.safe_add(q))
                .map_err(|_| ParamsError::Overflow)?;
            let segment = Segment {
                base_start: spec.base_start,
                quote_start,
                virtual_quote_reserve: spec.virtual_quote_reserve,
                virtual_base_reserve: spec.virtual_base_reserve,
            };
            segments.push(segment);
            previous = segment;
        }
        Ok(segments)
    }

    /// Validates a curve of `self`'s first segment followed by `segments`:
    /// - each segment positive (reserves, supply), its virtual base above its supply;
    /// - boundaries strictly increasing along the supply, and each segment's stored
    ///   `quote_start` the exact sell-out quote of the ones before it;
    /// - prices never falling: a segment starts at or above the price the one before it
    ///   ends at (so start prices strictly increase);
    /// - no overflow: every virtual quote reserve the curve reaches fits `u64`;
    /// - the threshold inside the last segment, reached before the curve sells out, and
    ///   the graduated pool opening within [`crate::pool::MAX_GRADUATION_PRICE_GAP_BPS`] of
    ///   the curve's last price.
    pub fn validate_segments(&self, segments: &[Segment]) -> Result<(), ParamsError> {
        if segments.len() >= MAX_SEGMENTS {
            return Err(ParamsError::TooManySegments);
        }
        if self.virtual_quote_reserve == 0
            || self.virtual_base_reserve == 0
            || self.curve_supply == 0
            || self.graduated_supply == 0
            || self.graduation_threshold == 0
        {
            return Err(ParamsError::ZeroParameter);
        }
        self.total_supply().map_err(|_| ParamsError::Overflow)?;
        let mut previous = Segment::first(self);
        for next in segments {
            if next.virtual_quote_reserve == 0 || next.virtual_base_reserve == 0 {
                return Err(ParamsError::ZeroParameter);
            }
            if next.base_start <= previous.base_start || next.base_start >= self.curve_supply {
                return Err(ParamsError::SegmentBoundsNotIncreasing);
            }
            let supply = next.base_start - previous.base_start;
            if previous.virtual_base_reserve <= supply {
                return Err(ParamsError::VirtualBaseTooSmall);
            }
            let sell_out = previous.quote_to_sell_out(supply).map_err(|_| ParamsError::Overflow)?;
            if previous.quote_start.checked_add(sell_out) != Some(next.quote_start) {
                return Err(ParamsError::SegmentQuoteMismatch);
            }
            // The previous segment ends at (x + q) / (y - b); the next starts at x' / y'.
            let end_x = previous.virtual_quote_reserve.checked_add(sell_out).ok_or(ParamsError::Overflow)?;
            let end_y = previous.virtual_base_reserve - supply;
            let next_start = next.virtual_quote_reserve as u128 * end_y as u128;
            let previous_end = end_x as u128 * next.virtual_base_reserve as u128;
            if next_start < previous_end {
                return Err(ParamsError::PriceNotIncreasing);
            }
            previous = *next;
        }
        // The last segment: `previous`, from `previous.base_start` to the curve's end.
        let last_supply = self.curve_supply - previous.base_start;
        if previous.virtual_base_reserve <= last_supply {
            return Err(ParamsError::VirtualBaseTooSmall);
        }
        if self.graduation_threshold <= previous.quote_start {
            return Err(ParamsError::ThresholdBeforeLastSegment);
        }
        previous.validate_graduation(last_supply, self.graduation_threshold, self.graduated_supply)?;
        if !segments.is_empty() {
            self.validate_depth(segments, &previous, last_supply)?;
        }
        Ok(())
    }

    /// The curve must be no thinner than the pool it graduates into, or a buyer could buy
    /// up the curve's thin stretches and sell into the deeper graduated pool for a profit.
    /// Both price paths are linear in `1/sqrt(price)` per unit of base (with slope
    /// `1/liquidity`), so it is enough to compare them where the curve's liquidity
    /// changes: at every segment start, the curve's price must be at least the graduated
    /// pool's after it takes back every token sold since. (A one-segment curve always
    /// passes: its virtual quote exceeds the pool's real quote.)
    fn validate_depth(&self, segments: &[Segment], last: &Segment, last_supply: u64) -> Result<(), ParamsError> {
        let end = last.curve_end(last_supply, self.graduation_threshold).map_err(|_| ParamsError::Overflow)?;
        let base_left = end.y_floor - end.offset;
        let sold_at_end = self.curve_supply - base_left;
        let pool_base = base_left.checked_add(self.graduated_supply).ok_or(ParamsError::Overflow)?;
        let pool_side = (self.graduation_threshold as u128) * pool_base as u128;
        for start in core::iter::once(Segment::first(self)).chain(segments.iter().copied()) {
            // Start price x / y against T * g / (g + d)^2: x (g + d)^2 >= T g y.
            let back = (pool_base as u128) + (sold_at_end - start.base_start) as u128;
            let squared = back.checked_mul(back).ok_or(ParamsError::Overflow)?;
            if wide_mul(squared, start.virtual_quote_reserve) < wide_mul(pool_side, start.virtual_base_reserve) {
                return Err(ParamsError::CurveThinnerThanGraduatedPool);
            }
        }
        Ok(())
    }
}

/// `a * b` as a 192-bit number `(high 128 bits, low 64 bits)`, ordered as the product.
fn wide_mul(a: u128, b: u64) -> (u128, u64) {
    let low = (a as u64 as u128) * b as u128;
    let high = (a >> 64) * b as u128 + (low >> 64);
    (high, low as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first() -> CurveParams {
        CurveParams {
            virtual_quote_reserve: 1_000,
            virtual_base_reserve: 10_000,
            curve_supply: 9_000,
            graduated_supply: 1,
            graduation_threshold: 1,
        }
    }

    /// The second segment of the examples: from 5,000 sold, at the first one's end price
    /// (2,000 / 5,000) with twice its liquidity.
    fn last() -> Segment {
        Segment { base_start: 5_000, quote_start: 1_000, virtual_quote_reserve: 4_000, virtual_base_reserve: 10_000 }
    }

    #[test]
    fn quote_start_is_the_rounded_up_sell_out_quote() {
        // Selling 5,000 of 10,000 virtual base against 1,000 virtual quote costs
        // ceil(1,000 * 5,000 / 5,000) = 1,000; the segment ends at 2,000 / 5,000.
        let mut p = first();
        let spec = SegmentSpec { base_start: 5_000, virtual_quote_reserve: 4_000, virtual_base_reserve: 10_000 };
        // Last segment: 4,000 base of 10,000 virtual; the threshold 2,600 quote past its start.
        p.graduation_threshold = 3_600;
        p.graduated_supply = last().graduated_supply_for_continuous_price(4_000, 3_600).unwrap();
        let segments = p.build_segments(&[spec]).unwrap();
        assert_eq!(p.validate_segments(&segments), Ok(()));
        assert_eq!(segments, vec![last()]);
    }

    fn check(p: &CurveParams, specs: &[SegmentSpec]) -> Result<(), ParamsError> {
        p.validate_segments(&p.build_segments(specs)?)
    }

    #[test]
    fn presets_are_refused_by_name() {
        let mut p = first();
        p.graduation_threshold = 3_600;
        p.graduated_supply = last().graduated_supply_for_continuous_price(4_000, 3_600).unwrap();
        let ok = SegmentSpec { base_start: 5_000, virtual_quote_reserve: 4_000, virtual_base_reserve: 10_000 };
        assert_eq!(check(&p, &[ok]), Ok(()));
        let cheaper = SegmentSpec { virtual_quote_reserve: 3_999, ..ok };
        assert_eq!(check(&p, &[cheaper]), Err(ParamsError::PriceNotIncreasing));
        let backwards = [ok, SegmentSpec { base_start: 5_000, ..ok }];
        assert_eq!(check(&p, &backwards), Err(ParamsError::SegmentBoundsNotIncreasing));
        let past_end = SegmentSpec { base_start: 9_000, ..ok };
        assert_eq!(check(&p, &[past_end]), Err(ParamsError::SegmentBoundsNotIncreasing));
        let thin = SegmentSpec { virtual_base_reserve: 4_000, virtual_quote_reserve: 1_600, ..ok };
        assert_eq!(check(&p, &[thin]), Err(ParamsError::VirtualBaseTooSmall));
        let empty = SegmentSpec { virtual_quote_reserve: 0, ..ok };
        assert_eq!(check(&p, &[empty]), Err(ParamsError::ZeroParameter));
        assert_eq!(check(&p, &[ok; MAX_SEGMENTS]), Err(ParamsError::TooManySegments));
        let early = CurveParams { graduation_threshold: 1_000, ..p };
        assert_eq!(check(&early, &[ok]), Err(ParamsError::ThresholdBeforeLastSegment));
        let huge = SegmentSpec { virtual_quote_reserve: u64::MAX, ..ok };
        assert_eq!(check(&p, &[huge]), Err(ParamsError::Overflow));
        // A thin last stretch: buying it up and dumping into the deeper graduated pool would
        // profit, so the preset is refused even with a continuous graduation.
        let thin = SegmentSpec { base_start: 5_000, virtual_quote_reserve: 500, virtual_base_reserve: 1_250 };
        let thin_last = Segment { base_start: 5_000, quote_start: 1_000, virtual_quote_reserve: 500, virtual_base_reserve: 1_250 };
        let mut q = CurveParams { curve_supply: 6_000, graduation_threshold: 2_900, ..p };
        q.graduated_supply = thin_last.graduated_supply_for_continuous_price(1_000, 2_900).unwrap();
        assert_eq!(check(&q, &[thin]), Err(ParamsError::CurveThinnerThanGraduatedPool));
        // A stored quote start that is not the sell-out quote is refused.
        let mut segments = p.build_segments(&[ok]).unwrap();
        segments[0].quote_start += 1;
        assert_eq!(p.validate_segments(&segments), Err(ParamsError::SegmentQuoteMismatch));
    }

    #[test]
    fn a_one_segment_curve_validates_as_the_plain_curve() {
        let p = CurveParams {
            virtual_quote_reserve: 30_000_000_000,
            virtual_base_reserve: 1_073_000_000_000_000,
            curve_supply: 793_100_000_000_000,
            graduated_supply: 206_900_000_000_000,
            graduation_threshold: 85_000_000_000,
        };
        assert_eq!(p.validate_segments(&[]), p.validate());
        for broken in [
            CurveParams { graduated_supply: 1, ..p },
            CurveParams { graduation_threshold: 10_000_000_000_000, ..p },
            CurveParams { virtual_base_reserve: p.curve_supply, ..p },
            CurveParams { virtual_quote_reserve: 0, ..p },
        ] {
            assert_eq!(broken.validate_segments(&[]), broken.validate());
            assert!(broken.validate().is_err());
        }
    }
}
