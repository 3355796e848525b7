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
        // High quotient digit natively, then 64 steps of shift-subtract for the low one.
        let q_hi = n_hi / d_lo;
        let mut r = n_hi % d_lo;
        let mut q_lo = 0u64;
        let mut i = 64;
        while i > 0 {
            i -= 1;
            let carry = r >> 63;
            r = (r << 1) | ((n_lo >> i) & 1);
            q_lo <<= 1;
            if carry == 1 || r >= d_lo {
                r = r.wrapping_sub(d_lo);
                q_lo |= 1;
            }
        }
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
