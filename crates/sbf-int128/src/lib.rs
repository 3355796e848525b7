//! sBPF build only (see `scripts/sbf/`). Upstream LLVM's BPF backend calls the 128-bit
//! libcalls with arguments in r1..r4 and the result in r0:r2, while rustc compiles Rust
//! functions returning i128 with a hidden result pointer. `extern "unadjusted"` makes rustc
//! emit exactly `i128 @__multi3(i128, i128)`, the convention LLVM's call sites expect, so
//! these strong definitions replace compiler-builtins' (weak) ones. Bodies use only u64
//! operations, so they never call a libcall themselves.
#![no_std]
#![feature(abi_unadjusted)]
#![allow(internal_features, clippy::missing_safety_doc)]

mod arith;
use arith::{divmod_128, mul_128};

#[inline(always)]
fn halves(x: u128) -> (u64, u64) {
    (x as u64, (x >> 64) as u64)
}

#[inline(always)]
fn join(lo: u64, hi: u64) -> u128 {
    ((hi as u128) << 64) | lo as u128
}

#[unsafe(no_mangle)]
pub extern "unadjusted" fn __multi3(a: i128, b: i128) -> i128 {
    let ((a_lo, a_hi), (b_lo, b_hi)) = (halves(a as u128), halves(b as u128));
    let (lo, hi) = mul_128(a_lo, a_hi, b_lo, b_hi);
    join(lo, hi) as i128
}

#[unsafe(no_mangle)]
pub extern "unadjusted" fn __udivti3(n: u128, d: u128) -> u128 {
    let ((n_lo, n_hi), (d_lo, d_hi)) = (halves(n), halves(d));
    let ((q_lo, q_hi), _) = divmod_128(n_lo, n_hi, d_lo, d_hi);
    join(q_lo, q_hi)
}

#[unsafe(no_mangle)]
pub extern "unadjusted" fn __umodti3(n: u128, d: u128) -> u128 {
    let ((n_lo, n_hi), (d_lo, d_hi)) = (halves(n), halves(d));
    let (_, (r_lo, r_hi)) = divmod_128(n_lo, n_hi, d_lo, d_hi);
    join(r_lo, r_hi)
}

#[inline(always)]
fn abs_neg(x: i128) -> (u128, bool) {
    if x < 0 { ((!(x as u128)).wrapping_add(1), true) } else { (x as u128, false) }
}

#[inline(always)]
fn apply_sign(x: u128, negative: bool) -> i128 {
    if negative { (!x).wrapping_add(1) as i128 } else { x as i128 }
}

#[unsafe(no_mangle)]
pub extern "unadjusted" fn __divti3(n: i128, d: i128) -> i128 {
    let ((un, nn), (ud, nd)) = (abs_neg(n), abs_neg(d));
    let ((n_lo, n_hi), (d_lo, d_hi)) = (halves(un), halves(ud));
    let ((q_lo, q_hi), _) = divmod_128(n_lo, n_hi, d_lo, d_hi);
    apply_sign(join(q_lo, q_hi), nn != nd)
}

#[unsafe(no_mangle)]
pub extern "unadjusted" fn __modti3(n: i128, d: i128) -> i128 {
    let ((un, nn), (ud, _)) = (abs_neg(n), abs_neg(d));
    let ((n_lo, n_hi), (d_lo, d_hi)) = (halves(un), halves(ud));
    let (_, (r_lo, r_hi)) = divmod_128(n_lo, n_hi, d_lo, d_hi);
    apply_sign(join(r_lo, r_hi), nn)
}
