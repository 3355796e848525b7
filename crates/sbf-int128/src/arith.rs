// 128-bit multiply and divide on (lo, hi) u64 halves, using only u64 operations that the
// BPF backend lowers without calling a libcall. Shared by the libcalls (lib.rs) and the
// host test (tests/arith.rs), which checks them against native u128 arithmetic.

/// 64 x 64 -> 128 from 32-bit halves.
#[inline(always)]
pub fn mul_64x64(a: u64, b: u64) -> (u64, u64) {
    let (a0, a1) = (a & 0xffff_ffff, a >> 32);
    let (b0, b1) = (b & 0xffff_ffff, b >> 32);
    let p00 = a0 * b0;
    let p01 = a0 * b1;
    let p10 = a1 * b0;
    let p11 = a1 * b1;
    let mid = (p00 >> 32) + (p01 & 0xffff_ffff) + (p10 & 0xffff_ffff);
    let lo = (p00 & 0xffff_ffff) | (mid << 32);
    let hi = p11 + (p01 >> 32) + (p10 >> 32) + (mid >> 32);
    (lo, hi)
}

/// Wrapping 128 x 128 -> 128.
#[inline(always)]
pub fn mul_128(a_lo: u64, a_hi: u64, b_lo: u64, b_hi: u64) -> (u64, u64) {
    let (lo, hi) = mul_64x64(a_lo, b_lo);
    let hi = hi.wrapping_add(a_lo.wrapping_mul(b_hi)).wrapping_add(a_hi.wrapping_mul(b_lo));
    (lo, hi)
}

/// Unsigned 128 / 128 -> (quotient, remainder), each as (lo, hi). Division by zero
/// panics like the native operator.
#[inline(always)]
pub fn divmod_128(n_lo: u64, n_hi: u64, d_lo: u64, d_hi: u64) -> ((u64, u64), (u64, u64)) {
    if d_lo == 0 && d_hi == 0 {
        panic!("attempt to divide by zero");
    }
    if n_hi == 0 && d_hi == 0 {
        return ((n_lo / d_lo, 0), (n_lo % d_lo, 0));
    }
    if d_hi == 0 {
        // High quotient digit natively, then (r : n_lo) / d with r < d in two 32-bit digits.
        let q_hi = n_hi / d_lo;
        let (q_lo, r) = div_128_by_64(n_hi % d_lo, n_lo, d_lo);
        return ((q_lo, q_hi), (r, 0));
    }
    // The divisor has a high half: the quotient fits in 64 bits.
    let (mut r_lo, mut r_hi) = (0u64, 0u64);
    let mut q = 0u64;
    let mut i = 128;
    while i > 0 {
        i -= 1;
        let bit = if i >= 64 { (n_hi >> (i - 64)) & 1 } else { (n_lo >> i) & 1 };
        r_hi = (r_hi << 1) | (r_lo >> 63);
        r_lo = (r_lo << 1) | bit;
        if r_hi > d_hi || (r_hi == d_hi && r_lo >= d_lo) {
            let (lo, borrow) = r_lo.overflowing_sub(d_lo);
            r_lo = lo;
            r_hi = r_hi - d_hi - borrow as u64;
            if i < 64 {
                q |= 1 << i;
            }
        }
    }
    ((q, 0), (r_lo, r_hi))
}

/// `(u1 : u0) / v` for `u1 < v` (so the quotient fits in 64 bits): long division in two
/// 32-bit digits with native 64-bit divides (Knuth's algorithm D as in Hacker's Delight
/// `divlu`). Returns (quotient, remainder).
#[inline(always)]
pub fn div_128_by_64(u1: u64, u0: u64, v: u64) -> (u64, u64) {
    const B: u64 = 1 << 32;
    let s = v.leading_zeros();
    let v = v << s;
    let (vn1, vn0) = (v >> 32, v & 0xffff_ffff);
    let un32 = if s == 0 { u1 } else { (u1 << s) | (u0 >> (64 - s)) };
    let un10 = u0 << s;
    let (un1, un0) = (un10 >> 32, un10 & 0xffff_ffff);

    let mut q1 = un32 / vn1;
    let mut rhat = un32 - q1 * vn1;
    while q1 >= B || q1 * vn0 > B * rhat + un1 {
        q1 -= 1;
        rhat += vn1;
        if rhat >= B {
            break;
        }
    }
    let un21 = un32.wrapping_mul(B).wrapping_add(un1).wrapping_sub(q1.wrapping_mul(v));

    let mut q0 = un21 / vn1;
    rhat = un21 - q0 * vn1;
    while q0 >= B || q0 * vn0 > B * rhat + un0 {
        q0 -= 1;
        rhat += vn1;
        if rhat >= B {
            break;
        }
    }
    let r = un21.wrapping_mul(B).wrapping_add(un0).wrapping_sub(q0.wrapping_mul(v)) >> s;
    (q1 * B + q0, r)
}
