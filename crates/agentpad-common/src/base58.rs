//! Base58 of a 32-byte key, as `Pubkey::to_string` writes it, for the launch's on-mint
//! `creator` field. `to_string` runs bs58's byte-at-a-time big-number loop (every input
//! byte multiplied into every output digit, each digit a division by 58); here the key is
//! eight 32-bit limbs divided by 58⁵ per pass, five digits at a time: about a tenth of the
//! compute units on sBPF for the same string.

const ALPHABET: &[u8; 58] = b"123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
/// 58⁵, the largest power of 58 below 2³².
const CHUNK: u64 = 58u64.pow(5);
/// Base58 of 32 bytes is at most 44 digits (58⁴⁴ > 2²⁵⁶); nine chunks of five hold it.
const MAX_CHUNKS: usize = 9;

/// The base58 string of `bytes` (Bitcoin alphabet): one `1` per leading zero byte, then
/// the big-endian number in base 58 without leading zeros.
pub fn encode_32(bytes: &[u8; 32]) -> String {
    let mut limbs = [0u32; 8];
    for (limb, word) in limbs.iter_mut().zip(bytes.chunks_exact(4)) {
        *limb = u32::from_be_bytes([word[0], word[1], word[2], word[3]]);
    }
    // Remainders of repeated division by 58⁵, least significant first.
    let mut chunks = [0u32; MAX_CHUNKS];
    let mut used = 0;
    let mut first = limbs.iter().position(|&l| l != 0).unwrap_or(limbs.len());
    while first < limbs.len() {
        let mut rem = 0u64;
        for limb in &mut limbs[first..] {
            let cur = (rem << 32) | *limb as u64;
            *limb = (cur / CHUNK) as u32;
            rem = cur % CHUNK;
        }
        chunks[used] = rem as u32;
        used += 1;
        while first < limbs.len() && limbs[first] == 0 {
            first += 1;
        }
    }
    // Digits, most significant first, without the leading zeros of the top chunk.
    let mut digits = [0u8; 5 * MAX_CHUNKS];
    for (i, &chunk) in chunks[..used].iter().enumerate() {
        let mut c = chunk;
        for k in 0..5 {
            digits[5 * MAX_CHUNKS - 1 - (5 * i + k)] = (c % 58) as u8;
            c /= 58;
        }
    }
    let significant = &digits[5 * MAX_CHUNKS - 5 * used..];
    let significant = &significant[significant.iter().take_while(|&&d| d == 0).count()..];
    let zeros = bytes.iter().take_while(|&&b| b == 0).count();
    let mut out = String::with_capacity(zeros + significant.len());
    out.extend(core::iter::repeat_n('1', zeros));
    out.extend(significant.iter().map(|&d| ALPHABET[d as usize] as char));
    out
}

#[cfg(test)]
mod tests {
    use super::encode_32;
    use anchor_lang::prelude::Pubkey;

    fn check(bytes: [u8; 32]) {
        assert_eq!(encode_32(&bytes), Pubkey::new_from_array(bytes).to_string(), "{bytes:?}");
    }

    #[test]
    fn equals_pubkey_to_string_at_the_edges() {
        check([0; 32]);
        check([0xff; 32]);
        for i in 0..32 {
            let mut one = [0u8; 32];
            one[i] = 1;
            check(one);
            let mut leading = [0xff; 32];
            leading[..i].fill(0);
            check(leading);
            let mut top = [0u8; 32];
            top[..=i].fill(0xff);
            check(top);
        }
    }

    #[test]
    fn equals_pubkey_to_string_for_random_keys() {
        // xorshift: deterministic, no dependency
        let mut s = 0x9e37_79b9_7f4a_7c15u64;
        for _ in 0..20_000 {
            let mut bytes = [0u8; 32];
            for b in bytes.iter_mut() {
                s ^= s << 13;
                s ^= s >> 7;
                s ^= s << 17;
                *b = s as u8;
            }
            // Some keys with leading zero bytes, as vanity or low keys have.
            let zeros = (s >> 40) as usize % 40;
            if zeros < 32 && zeros % 3 == 0 {
                bytes[..zeros].fill(0);
            }
            check(bytes);
        }
    }
}
