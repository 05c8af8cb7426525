//! Word-level helpers shared by the detectors' tokenisers: a word as one
//! packed integer key (for hash lookups without a string compare), and the
//! char at a byte offset without decoding ASCII.

/// The char at byte `i` of `s` (a char boundary), read without decoding
/// when it is ASCII; `None` at the end.
pub fn char_at(s: &str, i: usize) -> Option<char> {
    match s.as_bytes().get(i) {
        Some(&b) if b.is_ascii() => Some(b as char),
        Some(_) => s[i..].chars().next(),
        None => None,
    }
}

/// The longest word a packed key holds, in bytes.
const LONGEST: usize = 15;

/// A word of up to `LONGEST` (15) bytes, ASCII-lower-cased, packed with its
/// length into one integer: hashed and compared without a loop or memcmp.
/// `None` for longer words. The bytes are read with a few unaligned loads
/// and lower-cased eight at a time (writing them one by one into a buffer
/// and reading it back whole stalled the CPU on every lookup).
pub fn packed_lower(w: &[u8]) -> Option<u128> {
    if w.len() > LONGEST {
        return None;
    }
    let (lo, hi) = if w.len() > 8 {
        (load(&w[..8]), load(&w[8..]))
    } else {
        (load(w), 0)
    };
    let hi = lower8(hi) | (w.len() as u64) << 56;
    Some(u128::from(hi) << 64 | u128::from(lower8(lo)))
}

/// [`packed_lower`] of `bytes[start..start + len]` (which must lie in
/// `bytes`), for a word inside a longer text: when sixteen bytes from
/// `start` lie in `bytes`, they are read as one integer and the bytes past
/// the word masked off, with no branch on the length (about a quarter of
/// the instructions).
#[inline]
pub fn packed_lower_at(bytes: &[u8], start: usize, len: usize) -> Option<u128> {
    if len > LONGEST {
        return None;
    }
    let Some(chunk) = bytes[start..].first_chunk::<16>() else {
        return packed_lower(&bytes[start..start + len]);
    };
    let all = u128::from_le_bytes(*chunk);
    let word = all & ((1u128 << (8 * len)) - 1);
    let (lo, hi) = (word as u64, (word >> 64) as u64);
    let hi = lower8(hi) | (len as u64) << 56;
    Some(u128::from(hi) << 64 | u128::from(lower8(lo)))
}

/// Up to eight bytes as a little-endian integer (missing bytes zero).
fn load(w: &[u8]) -> u64 {
    let n = w.len();
    let u32_at = |i: usize| u64::from(u32::from_le_bytes(w[i..i + 4].try_into().unwrap()));
    match n {
        0 => 0,
        1..=3 => {
            u64::from(w[0])
                | u64::from(w[n / 2]) << (8 * (n / 2))
                | u64::from(w[n - 1]) << (8 * (n - 1))
        }
        4..=7 => u32_at(0) | u32_at(n - 4) << (8 * (n - 4)),
        _ => u64::from_le_bytes(w[..8].try_into().unwrap()),
    }
}

/// ASCII lower case of eight bytes at once (other bytes unchanged).
fn lower8(x: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let h = x & (0x7f * ONES);
    let from_a = h.wrapping_add(0x3f * ONES); // high bit: byte >= b'A'
    let past_z = h.wrapping_add(0x25 * ONES); // high bit: byte > b'Z'
    let upper = from_a & !past_z & !x & (0x80 * ONES);
    x | upper >> 2
}

/// A xorshift generator for tests that compare a fast path with a slow one
/// on made-up input: the same input on every run.
#[cfg(test)]
pub(crate) struct XorShift(pub u64);

#[cfg(test)]
impl XorShift {
    pub(crate) fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A text of fewer than `most` of `pieces`, each followed by a space
    /// half the time when `spaced`.
    pub(crate) fn text(&mut self, pieces: &[&str], most: u64, spaced: bool) -> String {
        let mut text = String::new();
        for _ in 0..self.next() % most {
            let r = self.next();
            text.push_str(pieces[(r % pieces.len() as u64) as usize]);
            if spaced && r & 0x100 != 0 {
                text.push(' ');
            }
        }
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The packed key is the lower-cased bytes and the length.
    #[test]
    fn packed_lower_packs_every_length_and_byte() {
        let mut rng = XorShift(0x2545_f491_4f6c_dd1d);
        for n in 0..=16 {
            for _ in 0..200 {
                let w: Vec<u8> = (0..n).map(|_| rng.next() as u8).collect();
                let want = (n <= 15).then(|| {
                    let mut buf = [0u8; 16];
                    for (d, c) in buf.iter_mut().zip(&w) {
                        *d = c.to_ascii_lowercase();
                    }
                    buf[15] = n as u8;
                    u128::from_le_bytes(buf)
                });
                assert_eq!(packed_lower(&w), want, "{w:?}");
            }
        }
        assert_eq!(packed_lower(b"SaId@[`{"), packed_lower(b"said@[`{"));
    }

    /// A word read in place from a longer text packs as the word alone, at
    /// every offset and length, near the end of the text too.
    #[test]
    fn packed_lower_at_agrees_with_packed_lower() {
        let mut rng = XorShift(0x0bad_cafe_f00d_d00d);
        for _ in 0..300 {
            let n = (rng.next() % 40) as usize;
            let text: Vec<u8> = (0..n).map(|_| rng.next() as u8).collect();
            for start in 0..=n {
                for len in 0..=(n - start).min(17) {
                    let want = packed_lower(&text[start..start + len]);
                    assert_eq!(packed_lower_at(&text, start, len), want, "{start} {len}");
                }
            }
        }
    }
}
