//! ASCII letters found eight bytes at a time (no branch per byte), for the
//! editorial lexicon's word filter.

/// The high bit of every byte.
pub(crate) const HIGH: u64 = 0x8080_8080_8080_8080;

/// ASCII letters of 8 bytes at once: the high bit of each letter byte set.
#[inline]
pub(crate) fn ascii_letters(x: u64) -> u64 {
    // Lower case, high bits cleared so that the sums below carry into no
    // other byte; a byte is a letter when its lower case is in `a`..=`z`
    // and its own high bit is clear.
    let y = (x | 0x2020_2020_2020_2020) & !HIGH;
    let at_least_a = y + 0x1f1f_1f1f_1f1f_1f1f;
    let past_z = y + 0x0505_0505_0505_0505;
    at_least_a & !past_z & !x & HIGH
}

/// ASCII digits and `_` of 8 bytes at once: the high bit of each set.
#[inline]
pub(crate) fn ascii_digits_or_underscore(x: u64) -> u64 {
    const LOW: u64 = !HIGH;
    const ONES: u64 = 0x0101_0101_0101_0101;
    // Seven bits of each byte, so that no sum carries into the next byte.
    let y = x & LOW;
    let digit = (y + 0x50 * ONES) & !(y + 0x46 * ONES);
    let t = y ^ (b'_' as u64 * ONES);
    let underscore = !((t + LOW) | t);
    (digit | underscore) & !x & HIGH
}

/// Eight bytes of `bytes` from `at`, little endian, zeros past the end.
#[inline]
pub(crate) fn chunk(bytes: &[u8], at: usize) -> u64 {
    let n = bytes.len();
    if at + 8 <= n {
        u64::from_le_bytes(bytes[at..at + 8].try_into().expect("8 bytes"))
    } else if n >= 8 {
        // The last 8 bytes, shifted down to start at `at`.
        let last = u64::from_le_bytes(bytes[n - 8..].try_into().expect("8 bytes"));
        last.checked_shr(8 * (at + 8 - n) as u32).unwrap_or(0)
    } else {
        let rest = bytes.get(at..).unwrap_or_default();
        rest.iter().rev().fold(0, |x, &b| (x << 8) | u64::from(b))
    }
}

/// The number of leading bytes of a chunk before its first marked byte
/// (8 when none is marked).
#[inline]
pub(crate) fn leading(marked: u64) -> usize {
    (marked.trailing_zeros() / 8) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_of_every_byte() {
        for b in 0..=255u8 {
            let x = u64::from_le_bytes([b'a', b, b, b'Z', 0x80 | b, b, b'{', b'@']);
            let bits = ascii_letters(x);
            for (k, &y) in x.to_le_bytes().iter().enumerate() {
                assert_eq!(bits >> (8 * k + 7) & 1 == 1, y.is_ascii_alphabetic(), "{y}");
            }
        }
    }

    #[test]
    fn digits_and_underscore_of_every_byte() {
        for b in 0..=255u8 {
            let x = u64::from_le_bytes([b'5', b, b, b'_', 0x80 | b, b, b'/', b':']);
            let bits = ascii_digits_or_underscore(x);
            for (k, &y) in x.to_le_bytes().iter().enumerate() {
                let want = y.is_ascii_digit() || y == b'_';
                assert_eq!(bits >> (8 * k + 7) & 1 == 1, want, "{y}");
            }
            assert_eq!(bits & !HIGH, 0);
        }
    }

    #[test]
    fn chunks_are_the_bytes_then_zeros() {
        for text in ["", "abc", "abcdefg", "abcdefgh", "abcdefghijklmnopq"] {
            let b = text.as_bytes();
            for at in 0..=b.len() + 1 {
                let mut want = [0u8; 8];
                for (k, w) in want.iter_mut().enumerate() {
                    *w = b.get(at + k).copied().unwrap_or(0);
                }
                assert_eq!(chunk(b, at), u64::from_le_bytes(want), "{text} {at}");
            }
        }
    }
}
