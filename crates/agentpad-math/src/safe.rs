//! Checked arithmetic helpers. `#[track_caller]` keeps the caller's location in debug
//! builds so an overflow report points at the formula, not at this module.

use crate::error::{MathError, MathResult};

pub trait SafeMath: Sized {
    fn safe_add(self, rhs: Self) -> MathResult<Self>;
    fn safe_sub(self, rhs: Self) -> MathResult<Self>;
    fn safe_mul(self, rhs: Self) -> MathResult<Self>;
    fn safe_div(self, rhs: Self) -> MathResult<Self>;
    /// Division rounding up; used for every amount owed *to* the pool.
    fn safe_div_ceil(self, rhs: Self) -> MathResult<Self>;
}

macro_rules! impl_safe_math {
    ($($t:ty),*) => {$(
        impl SafeMath for $t {
            #[inline]
            #[track_caller]
            fn safe_add(self, rhs: Self) -> MathResult<Self> {
                self.checked_add(rhs).ok_or(MathError::Overflow)
            }
            #[inline]
            #[track_caller]
            fn safe_sub(self, rhs: Self) -> MathResult<Self> {
                self.checked_sub(rhs).ok_or(MathError::Overflow)
            }
            #[inline]
            #[track_caller]
            fn safe_mul(self, rhs: Self) -> MathResult<Self> {
                self.checked_mul(rhs).ok_or(MathError::Overflow)
            }
            #[inline]
            #[track_caller]
            fn safe_div(self, rhs: Self) -> MathResult<Self> {
                self.checked_div(rhs).ok_or(MathError::DivisionByZero)
            }
            #[inline]
            #[track_caller]
            fn safe_div_ceil(self, rhs: Self) -> MathResult<Self> {
                if rhs == 0 {
                    return Err(MathError::DivisionByZero);
                }
                let q = self / rhs;
                Ok(if self % rhs == 0 { q } else { q + 1 })
            }
        }
    )*};
}

impl_safe_math!(u64, u128);

/// Narrows a `u128` result back to `u64`, failing rather than truncating.
#[inline]
#[track_caller]
pub fn to_u64(v: u128) -> MathResult<u64> {
    u64::try_from(v).map_err(|_| MathError::Overflow)
}
