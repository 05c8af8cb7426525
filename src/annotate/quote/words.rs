//! Word classes of `quote_words.txt`, looked up by lower-cased word.

use crate::annotate::word::packed_lower;
use rustc_hash::FxHashMap;
use std::sync::LazyLock;

pub const SAY: u32 = 1;
pub const ING: u32 = 1 << 1;
pub const ACT: u32 = 1 << 2;
pub const ADV: u32 = 1 << 3;
pub const PREP: u32 = 1 << 4;
pub const TITLE: u32 = 1 << 5;
pub const WORK: u32 = 1 << 6;
pub const NAMING: u32 = 1 << 7;
pub const MENTION: u32 = 1 << 8;
pub const STOP: u32 = 1 << 9;
pub const AUX: u32 = 1 << 10;
pub const DET: u32 = 1 << 11;
pub const LINK: u32 = 1 << 12;
pub const SKIP: u32 = 1 << 13;
pub const PRON: u32 = 1 << 14;
pub const NONNAME: u32 = 1 << 15;
pub const ELISION: u32 = 1 << 16;
pub const HEAD: u32 = 1 << 17;
pub const VERB: u32 = 1 << 18;

/// Any word that cues a quotation.
pub const CUE: u32 = SAY | ING | ACT | ADV | PREP;

/// Keyed by [`packed_lower`]: one integer hashed and compared per token.
static CLASSES: LazyLock<FxHashMap<u128, u32>> = LazyLock::new(|| {
    let mut map: FxHashMap<u128, u32> = FxHashMap::default();
    for line in include_str!("../quote_words.txt").lines() {
        if line.starts_with('#') {
            continue;
        }
        let Some((word, class)) = line.trim().split_once(' ') else {
            continue;
        };
        let bit = match class.trim() {
            "say" => SAY,
            "ing" => ING,
            "act" => ACT,
            "adv" => ADV,
            "prep" => PREP,
            "title" => TITLE,
            "work" => WORK,
            "naming" => NAMING,
            "mention" => MENTION,
            "stop" => STOP,
            "aux" => AUX,
            "det" => DET,
            "link" => LINK,
            "skip" => SKIP,
            "pron" => PRON,
            "nonname" => NONNAME,
            "elision" => ELISION,
            "head" => HEAD,
            "verb" => VERB,
            _ => 0,
        };
        let key = packed_lower(word.as_bytes()).expect("listed words are short");
        *map.entry(key).or_default() |= bit;
    }
    map
});

/// The classes of `word`, which must already be lower case.
pub fn classes(lower: &str) -> u32 {
    classes_any_case(lower.as_bytes())
}

/// [`classes`] of a word given as bytes, ASCII upper case allowed.
pub fn classes_any_case(word: &[u8]) -> u32 {
    packed_lower(word)
        .and_then(|key| CLASSES.get(&key).copied())
        .unwrap_or(0)
}

pub fn is(lower: &str, class: u32) -> bool {
    classes(lower) & class != 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_has_a_known_class() {
        for line in include_str!("../quote_words.txt").lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let (word, _) = line.split_once(' ').expect(line);
            assert_ne!(classes(word), 0, "{line}");
            assert_eq!(word, word.to_lowercase(), "{line}");
        }
    }

    #[test]
    fn a_word_may_have_two_classes() {
        assert!(is("called", ACT) && is("called", NAMING));
        assert!(is("said", SAY) && !is("said", STOP));
    }
}
