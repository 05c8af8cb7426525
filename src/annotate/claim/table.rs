//! A fixed set of packed word keys ([`packed_lower`]) and a value for each:
//! open addressing over a table at most a quarter full, so a lookup is one
//! multiply and, most of the time, one compare (a general hash map hashes
//! the 16-byte key in two rounds and probes a control group first).
//!
//! [`packed_lower`]: crate::annotate::word::packed_lower

pub struct KeyTable<V> {
    /// 0 marks an empty slot: no packed key of a non-empty word is 0.
    keys: Box<[u128]>,
    vals: Box<[V]>,
    /// Bits of the slot index, taken from the top of the hash.
    shift: u32,
    len: usize,
}

fn hash(key: u128) -> u64 {
    let (lo, hi) = (key as u64, (key >> 64) as u64);
    (lo ^ hi.rotate_left(31)).wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

impl<V: Copy + Default> KeyTable<V> {
    /// A table of the keys, merging the values of a key given twice with
    /// `merge(old, new)`.
    pub fn build(pairs: impl IntoIterator<Item = (u128, V)>, merge: impl Fn(V, V) -> V) -> Self {
        let pairs: Vec<(u128, V)> = pairs.into_iter().collect();
        let size = (pairs.len() * 4).next_power_of_two().max(16);
        let mut table = KeyTable {
            keys: vec![0; size].into_boxed_slice(),
            vals: vec![V::default(); size].into_boxed_slice(),
            shift: 64 - size.trailing_zeros(),
            len: 0,
        };
        for (key, val) in pairs {
            assert_ne!(key, 0, "the empty word is no key");
            let mask = table.keys.len() - 1;
            let mut i = table.slot(key);
            while table.keys[i] != 0 && table.keys[i] != key {
                i = (i + 1) & mask;
            }
            if table.keys[i] == key {
                table.vals[i] = merge(table.vals[i], val);
            } else {
                table.keys[i] = key;
                table.vals[i] = val;
                table.len += 1;
            }
        }
        table
    }

    fn slot(&self, key: u128) -> usize {
        (hash(key) >> self.shift) as usize
    }

    /// The value of `key`, if it is in the table.
    #[inline]
    pub fn get(&self, key: u128) -> Option<V> {
        let mask = self.keys.len() - 1;
        let mut i = self.slot(key);
        loop {
            let k = self.keys[i];
            if k == key {
                // The empty word's key is 0, an empty slot's too.
                return (key != 0).then_some(self.vals[i]);
            }
            if k == 0 {
                return None;
            }
            i = (i + 1) & mask;
        }
    }

    /// How many keys the table holds.
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.len
    }

    /// The keys, in no particular order.
    #[cfg(test)]
    pub fn keys(&self) -> impl Iterator<Item = u128> + '_ {
        self.keys.iter().copied().filter(|&k| k != 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotate::word::packed_lower;
    use rustc_hash::FxHashMap;

    /// The table answers as a hash map of the same pairs would, for keys in
    /// it, keys not in it and the empty word.
    #[test]
    fn agrees_with_a_hash_map() {
        let words: Vec<String> = (0..3000)
            .map(|i| format!("w{}x{}", i * 7, i % 13))
            .collect();
        let pairs: Vec<(u128, u32)> = words
            .iter()
            .enumerate()
            .filter(|(i, _)| i % 3 != 0)
            .map(|(i, w)| (packed_lower(w.as_bytes()).unwrap(), i as u32 % 5 + 1))
            .collect();
        let table = KeyTable::build(pairs.iter().copied(), |a, b| a | b);
        let mut map: FxHashMap<u128, u32> = FxHashMap::default();
        for &(k, v) in &pairs {
            *map.entry(k).or_default() |= v;
        }
        assert_eq!(table.len(), map.len());
        for w in &words {
            let k = packed_lower(w.as_bytes()).unwrap();
            assert_eq!(table.get(k), map.get(&k).copied(), "{w}");
        }
        assert_eq!(table.get(packed_lower(b"").unwrap()), None);
        assert_eq!(table.keys().count(), map.len());
    }
}
