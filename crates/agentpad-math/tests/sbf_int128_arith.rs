//! The 128-bit multiply/divide the sBPF build links in place of compiler-builtins'
//! (`crates/sbf-int128`), checked on the host against native u128 arithmetic.

#[path = "../../sbf-int128/src/arith.rs"]
mod arith;

use proptest::prelude::*;

fn split(x: u128) -> (u64, u64) {
    (x as u64, (x >> 64) as u64)
}

fn join((lo, hi): (u64, u64)) -> u128 {
    ((hi as u128) << 64) | lo as u128
}

fn arb_u128() -> impl Strategy<Value = u128> {
    prop_oneof![
        any::<u64>().prop_map(|x| x as u128),
        any::<u128>(),
        (0u32..128).prop_flat_map(|bits| 0u128..=(1u128 << bits)),
        Just(u128::MAX),
        Just(0),
        Just(1),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 10_000, ..ProptestConfig::default() })]

    #[test]
    fn multiply_matches_native(a in arb_u128(), b in arb_u128()) {
        let ((al, ah), (bl, bh)) = (split(a), split(b));
        prop_assert_eq!(join(arith::mul_128(al, ah, bl, bh)), a.wrapping_mul(b));
    }

    #[test]
    fn long_division_by_64_bits_matches_native(v in (0u32..64).prop_flat_map(|b| 1u64..=(u64::MAX >> b)), u1 in any::<u64>(), u0 in any::<u64>()) {
        let u1 = u1 % v;
        let n = ((u1 as u128) << 64) | u0 as u128;
        prop_assert_eq!(arith::div_128_by_64(u1, u0, v), ((n / v as u128) as u64, (n % v as u128) as u64));
    }

    #[test]
    fn divide_matches_native(n in arb_u128(), d in arb_u128().prop_map(|d| d.max(1))) {
        let ((nl, nh), (dl, dh)) = (split(n), split(d));
        let (q, r) = arith::divmod_128(nl, nh, dl, dh);
        prop_assert_eq!(join(q), n / d);
        prop_assert_eq!(join(r), n % d);
    }
}
