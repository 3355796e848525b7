use core::fmt;

/// Why a computation was refused. Programs map each variant to a named on-chain error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MathError {
    /// An intermediate or final value does not fit its integer type.
    Overflow,
    /// A divisor was zero (an empty reserve, an unset parameter).
    DivisionByZero,
    /// The trade would pay out zero units: the input is too small to buy anything.
    ZeroOutput,
    /// The trade would take more than the pool holds.
    InsufficientLiquidity,
    /// The bonding curve has reached its graduation threshold and no longer trades.
    CurveComplete,
    /// The pool must be graduated before this call.
    NotGraduated,
    /// The pool has already graduated; it graduates once.
    AlreadyGraduated,
    /// A stored phase byte is none of the known phases.
    InvalidPhase,
    /// A zero amount was given where a positive one is required.
    ZeroAmount,
}

impl fmt::Display for MathError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self, f)
    }
}

impl std::error::Error for MathError {}

pub type MathResult<T> = Result<T, MathError>;
