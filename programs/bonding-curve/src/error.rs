use agentpad_common::mint_screen::MintRejection;
use agentpad_math::MathError;
use agentpad_math::pool::ParamsError;
use anchor_lang::prelude::*;

#[error_code]
pub enum BondingCurveError {
    // --- authority
    #[msg("Signer is not the program's upgrade authority")]
    NotUpgradeAuthority,
    #[msg("Signer is not the admin")]
    NotAdmin,
    #[msg("Signer is not the pool's creator-fee authority")]
    NotCreatorFeeAuthority,

    // --- preset parameters
    #[msg("A curve reserve, supply or threshold is zero")]
    ZeroCurveParameter,
    #[msg("A segment's virtual base reserve must exceed the supply it sells")]
    VirtualBaseTooSmall,
    #[msg("The curve would sell out before reaching its graduation threshold")]
    CurveSupplyTooSmall,
    #[msg("The graduated pool would open too far from the curve's final price")]
    GraduationPriceGap,
    #[msg("Curve parameters overflow u64")]
    CurveParametersOverflow,
    #[msg("Fee schedule invalid: base <= start <= max fee, base <= max base fee, bounded window")]
    InvalidFeeSchedule,
    #[msg("Fee split must sum to 10,000 bps")]
    InvalidFeeSplit,
    #[msg("Staking terms out of order or out of bounds (1 s to 30 days; minimum cooldown <= default)")]
    InvalidStakingTerms,

    // --- mints and accounts
    #[msg("Quote mint has a transfer fee")]
    QuoteMintTransferFee,
    #[msg("Quote mint has a transfer hook")]
    QuoteMintTransferHook,
    #[msg("Quote mint has a permanent delegate")]
    QuoteMintPermanentDelegate,
    #[msg("Quote mint is non-transferable")]
    QuoteMintNonTransferable,
    #[msg("Quote mint freezes new accounts by default")]
    QuoteMintDefaultFrozen,
    #[msg("Quote mint has an extension not supported by pools")]
    QuoteMintUnsupportedExtension,
    #[msg("Account is not a mint of the given token program")]
    InvalidMint,
    #[msg("Quote mint differs from the preset's")]
    QuoteMintMismatch,
    #[msg("Base mint must be a Token-2022 mint with 6 decimals")]
    InvalidBaseMint,
    #[msg("Vault does not belong to this pool")]
    VaultMismatch,
    #[msg("Token program does not match the pool's mint")]
    InvalidTokenProgram,
    #[msg("Token account mint does not match the pool")]
    TokenAccountMintMismatch,
    #[msg("Fee destination is not owned by the recipient")]
    WrongRecipient,

    // --- trading
    #[msg("Amount must be greater than zero")]
    ZeroAmount,
    #[msg("Trade too small: it would pay out nothing")]
    ZeroOutput,
    #[msg("Slippage limit exceeded")]
    SlippageExceeded,
    #[msg("Not enough liquidity in the pool")]
    InsufficientLiquidity,
    #[msg("The curve reached its threshold: graduate the pool to trade again")]
    CurveComplete,
    #[msg("The pool has not reached its graduation threshold")]
    ThresholdNotReached,
    #[msg("The pool has already graduated")]
    AlreadyGraduated,
    #[msg("Arithmetic overflow")]
    MathOverflow,

    // --- fees
    #[msg("No fees to claim")]
    NoFeesToClaim,

    // --- hostile input
    #[msg("A pool vault cannot be the user's token account")]
    ProgramVaultAsUserAccount,
    #[msg("Quote mint has a close authority")]
    QuoteMintCloseAuthority,
    #[msg("Signer is not the proposed admin")]
    NotPendingAdmin,

    // --- stored state
    #[msg("The pool's stored phase is none of curve, complete or graduated")]
    InvalidPhase,
    #[msg("The curve kind is not one this program implements")]
    UnknownCurveKind,
    #[msg("Signer is not the agent's fee-aggregator vault for this quote mint")]
    NotAggregator,
    #[msg("Signer is not agent-factory's launcher PDA")]
    NotLauncher,

    // --- curve segments
    #[msg("A curve has at most 16 segments")]
    TooManySegments,
    #[msg("Each segment must start after the one before it and before the curve supply ends")]
    SegmentBoundsNotIncreasing,
    #[msg("A stored segment's starting quote is not what the segments before it take")]
    SegmentQuoteMismatch,
    #[msg("A segment starts below the price the segment before it ends at")]
    SegmentPriceNotIncreasing,
    #[msg("The graduation threshold is reached before the curve's last segment")]
    ThresholdBeforeLastSegment,
    #[msg("A stretch of the curve is thinner than the pool it graduates into")]
    CurveThinnerThanGraduatedPool,
    #[msg("The parameters' segment count does not match the segments given or stored")]
    SegmentCountMismatch,
}

impl From<MathError> for BondingCurveError {
    fn from(e: MathError) -> Self {
        match e {
            MathError::Overflow | MathError::DivisionByZero => Self::MathOverflow,
            MathError::ZeroOutput => Self::ZeroOutput,
            MathError::InsufficientLiquidity => Self::InsufficientLiquidity,
            MathError::CurveComplete => Self::CurveComplete,
            MathError::NotGraduated => Self::ThresholdNotReached,
            MathError::AlreadyGraduated => Self::AlreadyGraduated,
            MathError::InvalidPhase => Self::InvalidPhase,
            MathError::ZeroAmount => Self::ZeroAmount,
        }
    }
}

impl From<ParamsError> for BondingCurveError {
    fn from(e: ParamsError) -> Self {
        match e {
            ParamsError::ZeroParameter => Self::ZeroCurveParameter,
            ParamsError::VirtualBaseTooSmall => Self::VirtualBaseTooSmall,
            ParamsError::Overflow => Self::CurveParametersOverflow,
            ParamsError::CurveSupplyTooSmall => Self::CurveSupplyTooSmall,
            ParamsError::GraduationPriceGap => Self::GraduationPriceGap,
            ParamsError::UnknownCurveKind => Self::UnknownCurveKind,
            ParamsError::TooManySegments => Self::TooManySegments,
            ParamsError::SegmentBoundsNotIncreasing => Self::SegmentBoundsNotIncreasing,
            ParamsError::SegmentQuoteMismatch => Self::SegmentQuoteMismatch,
            ParamsError::PriceNotIncreasing => Self::SegmentPriceNotIncreasing,
            ParamsError::ThresholdBeforeLastSegment => Self::ThresholdBeforeLastSegment,
            ParamsError::CurveThinnerThanGraduatedPool => Self::CurveThinnerThanGraduatedPool,
        }
    }
}

impl From<MintRejection> for BondingCurveError {
    fn from(e: MintRejection) -> Self {
        match e {
            MintRejection::TransferFee => Self::QuoteMintTransferFee,
            MintRejection::TransferHook => Self::QuoteMintTransferHook,
            MintRejection::PermanentDelegate => Self::QuoteMintPermanentDelegate,
            MintRejection::NonTransferable => Self::QuoteMintNonTransferable,
            MintRejection::DefaultFrozen => Self::QuoteMintDefaultFrozen,
            MintRejection::Unsupported => Self::QuoteMintUnsupportedExtension,
            MintRejection::CloseAuthority => Self::QuoteMintCloseAuthority,
            MintRejection::NotAMint => Self::InvalidMint,
        }
    }
}
