//! The cue lexicon (`claim_verbs.txt`, `claim_cues.txt`) in one hash table
//! of whole words, and the closed word classes the rules look at. Tests keep
//! an aho-corasick automaton of the same words as the reference the word
//! lookups are checked against.

use super::table::KeyTable;
use crate::annotate::word::{packed_lower, packed_lower_at};
#[cfg(test)]
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use std::collections::HashMap;
use std::sync::LazyLock;

/// Verb forms, as bits (a word may be several: `said` is past and participle).
pub const BASE: u8 = 1;
pub const S3: u8 = 2;
pub const PAST: u8 = 4;
pub const PART: u8 = 8;
pub const ING: u8 = 16;

/// A lemma of `claim_verbs.txt`.
#[derive(Debug, Clone)]
pub struct Verb {
    pub lemma: &'static str,
    /// Speech (`S`) rather than cognition (`C`).
    pub speech: bool,
    pub flags: &'static str,
    /// The flags that are ASCII letters, a bit each (`a` is bit 0, `A` bit 26).
    letters: u64,
}

/// The bit of an ASCII letter in [`Verb::letters`].
fn letter_bit(c: char) -> Option<u64> {
    match c {
        'a'..='z' => Some(1 << (c as u32 - 'a' as u32)),
        'A'..='Z' => Some(1 << (26 + c as u32 - 'A' as u32)),
        _ => None,
    }
}

impl Verb {
    /// Whether `flag` is among the verb's flags.
    #[inline]
    pub fn has(&self, flag: char) -> bool {
        match letter_bit(flag) {
            Some(bit) => self.letters & bit != 0,
            None => self.flags.contains(flag),
        }
    }
}

/// What one surface word of the lexicon is.
#[derive(Debug, Clone, Default)]
pub struct Entry {
    /// Index into [`Lexicon::verbs`] and the form bits.
    pub verb: Option<(usize, u8)>,
    pub hedge: bool,
    /// Takes a reported `that` clause (`reports that`).
    pub noun: bool,
    /// A statement-bearing document (`in a statement`).
    pub document: bool,
    /// `according` (of `according to`).
    pub according: bool,
    /// An attitude adjective taking a clause (`sure`, `convinced`).
    pub attitude: bool,
}

pub struct Lexicon {
    /// The words as a leftmost-longest, ASCII-case-insensitive automaton:
    /// how cues were found before the word lookups, kept as their reference.
    #[cfg(test)]
    pub ac: AhoCorasick,
    pub entries: Vec<Entry>,
    pub verbs: Vec<Verb>,
    /// Entry index of each word, keyed by [`packed_lower`], for whole-word
    /// lookups.
    index: KeyTable<u32>,
    /// The longest word, in bytes.
    longest: usize,
    /// For each length (up to 31) and first letter, the last letters of the
    /// words (a bit per letter): most words of a text are ruled out before
    /// hashing.
    ends: Vec<u32>,
}

/// The slot of [`Lexicon::ends`] and the bit of a word of ASCII letters
/// (`None` for other words).
fn ends_slot(b: &[u8]) -> Option<(usize, u32)> {
    let (&first, &last) = (b.first()?, b.last()?);
    if b.len() > 31 || !first.is_ascii_alphabetic() || !last.is_ascii_alphabetic() {
        return None;
    }
    let letter = |c: u8| (c.to_ascii_lowercase() - b'a') as usize;
    Some((b.len() * 26 + letter(first), 1 << letter(last)))
}

impl Lexicon {
    /// The entry of `w` when the whole word is in the lexicon (ASCII case
    /// ignored): what a search of the automaton over `w` alone finds when
    /// its match covers `w`.
    pub fn entry_of(&self, w: &str) -> Option<&Entry> {
        self.index_of(w).map(|i| &self.entries[i])
    }

    /// The index in [`Lexicon::entries`] of [`Lexicon::entry_of`].
    pub fn index_of(&self, w: &str) -> Option<usize> {
        self.index_of_bytes(w.as_bytes())
    }

    /// [`Lexicon::index_of_bytes`] of the run `all[start..end]` of ASCII
    /// letters with inner hyphens (it starts and ends with a letter), as
    /// [`rules::matches`] finds them: the first and last letters are read
    /// without checks, and the word is packed in place.
    ///
    /// [`rules::matches`]: super::rules::matches
    #[inline]
    pub fn index_of_run(&self, all: &[u8], start: usize, end: usize) -> Option<usize> {
        let b = &all[start..end];
        let n = b.len();
        debug_assert!(n > 0 && b[0].is_ascii_alphabetic() && b[n - 1].is_ascii_alphabetic());
        if n > self.longest {
            return None;
        }
        let letter = |c: u8| ((c | 0x20) - b'a') as usize;
        if self.ends[n * 26 + letter(b[0])] & 1 << letter(b[n - 1]) == 0 {
            return None;
        }
        self.index
            .get(packed_lower_at(all, start, n)?)
            .map(|i| i as usize)
    }

    /// [`Lexicon::index_of`] of the word `b[at..at + len]`, read in place
    /// ([`packed_lower_at`]).
    #[inline]
    pub fn index_of_at(&self, b: &[u8], at: usize, len: usize) -> Option<usize> {
        let w = &b[at..at + len];
        if let Some((slot, bit)) = ends_slot(w)
            && self.ends[slot] & bit == 0
        {
            return None;
        }
        if len > self.longest {
            return None;
        }
        self.index
            .get(packed_lower_at(b, at, len)?)
            .map(|i| i as usize)
    }

    /// [`Lexicon::index_of`] for a word given as bytes.
    pub fn index_of_bytes(&self, b: &[u8]) -> Option<usize> {
        if let Some((slot, bit)) = ends_slot(b)
            && self.ends[slot] & bit == 0
        {
            return None;
        }
        if b.len() > self.longest {
            return None;
        }
        self.index.get(packed_lower(b)?).map(|i| i as usize)
    }
}

fn data_lines(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn slot<'m>(
    map: &'m mut HashMap<&'static str, Entry>,
    words: &mut Vec<&'static str>,
    w: &'static str,
) -> &'m mut Entry {
    map.entry(w).or_insert_with(|| {
        words.push(w);
        Entry::default()
    })
}

fn build() -> Lexicon {
    let mut verbs = Vec::new();
    let mut words: Vec<&'static str> = Vec::new();
    let mut map: HashMap<&'static str, Entry> = HashMap::new();
    for line in data_lines(include_str!("../claim_verbs.txt")) {
        let f: Vec<&'static str> = line.split_whitespace().collect();
        let [base, s3, past, part, ing, flags] = f[..] else {
            continue;
        };
        let v = verbs.len();
        verbs.push(Verb {
            lemma: base.trim_start_matches('-'),
            speech: flags.starts_with('S'),
            flags,
            letters: flags.chars().filter_map(letter_bit).fold(0, |a, b| a | b),
        });
        for (w, bit) in [
            (base, BASE),
            (s3, S3),
            (past, PAST),
            (part, PART),
            (ing, ING),
        ] {
            if w.starts_with('-') {
                continue; // a spelling left out on purpose (mostly a noun)
            }
            let e = slot(&mut map, &mut words, w);
            match &mut e.verb {
                Some((i, bits)) if *i == v => *bits |= bit,
                Some(_) => {} // a form shared with an earlier lemma keeps that lemma
                None => e.verb = Some((v, bit)),
            }
        }
    }
    for line in data_lines(include_str!("../claim_cues.txt")) {
        let Some((w, tag)) = line.split_once(char::is_whitespace) else {
            continue;
        };
        let e = slot(&mut map, &mut words, w);
        match tag.trim() {
            "H" => e.hedge = true,
            "N" => e.noun = true,
            "D" => e.document = true,
            "A" => e.attitude = true,
            _ => {}
        }
    }
    slot(&mut map, &mut words, "according").according = true;
    let entries: Vec<Entry> = words.iter().map(|w| map[w].clone()).collect();
    #[cfg(test)]
    // A DFA: a few hundred KB for ~1,300 short words, and the fastest scan.
    let ac = AhoCorasickBuilder::new()
        .kind(Some(AhoCorasickKind::DFA))
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .build(&words)
        .expect("the cue lexicon builds");
    let index = KeyTable::build(
        words.iter().enumerate().map(|(i, w)| {
            let key = packed_lower(w.as_bytes()).expect("lexicon words are short");
            (key, u32::try_from(i).expect("few words"))
        }),
        |first, _| first,
    );
    let longest = words.iter().map(|w| w.len()).max().unwrap_or(0);
    let mut ends = vec![0u32; 32 * 26];
    for w in &words {
        if let Some((slot, bit)) = ends_slot(w.as_bytes()) {
            ends[slot] |= bit;
        }
    }
    Lexicon {
        #[cfg(test)]
        ac,
        entries,
        verbs,
        index,
        longest,
        ends,
    }
}

pub static LEXICON: LazyLock<Lexicon> = LazyLock::new(build);

/// ASCII-case-insensitive membership in a short closed list.
pub fn one_of(word: &str, list: &[&str]) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// The word with a curly apostrophe made straight, for contractions.
#[inline]
pub fn head_before_apostrophe(word: &str) -> &str {
    // Most words hold neither mark (`’` is the only char opening with 0xE2
    // that can matter; the split decides).
    if !word.bytes().any(|b| b == b'\'' || b == 0xe2) {
        return word;
    }
    word.split(['\'', '’']).next().unwrap_or(word)
}

/// A closed word list: one bit of the table [`CLOSED`] looks it up.
pub struct Closed {
    bit: u32,
    words: &'static [&'static str],
}

/// Every closed list, in the order of their bits.
const CLOSED: &[&Closed] = &[
    &DETERMINER_WORDS,
    &BLOCKS_VERB_WORDS,
    &PREPOSITION_WORDS,
    &AUX_WORDS,
    &BE_WORDS,
    &IRREGULAR_PAST_WORDS,
    &NOMINATIVE_WORDS,
    &OBJECT_PRONOUN_WORDS,
    &FIRST_PERSON_WORDS,
    &WH_CLAUSE_WORDS,
    &BOUNDARY_WORDS,
    &LY_NON_ADVERB_WORDS,
    &ADVERB_WORDS,
    &TIME_WORDS,
];

/// The closed lists each word (ASCII-lower-cased) is on, as bits: one hash
/// lookup instead of a scan of every list.
static CLOSED_TABLE: LazyLock<KeyTable<u32>> = LazyLock::new(|| {
    let pairs = CLOSED.iter().enumerate().flat_map(|(i, list)| {
        assert_eq!(list.bit as usize, i, "bits follow the order of CLOSED");
        list.words.iter().map(|w| {
            let key = packed_lower(w.as_bytes()).expect("closed-list words are short");
            (key, 1 << list.bit)
        })
    });
    KeyTable::build(pairs, |a, b| a | b)
});

/// The closed lists `w` is on (ASCII case ignored, as [`one_of`] does).
pub fn closed_bits(w: &str) -> u32 {
    closed_bits_key(packed_lower(w.as_bytes()))
}

/// [`closed_bits`] of the word packed as `key` ([`packed_lower`]).
#[inline]
pub fn closed_bits_key(key: Option<u128>) -> u32 {
    key.and_then(|key| CLOSED_TABLE.get(key)).unwrap_or(0)
}

/// ASCII-case-insensitive membership in a closed list: `one_of(w, list.words)`.
#[cfg(test)]
fn listed(w: &str, list: &Closed) -> bool {
    closed_bits(w) & (1 << list.bit) != 0
}

/// The bit of each closed list in [`closed_bits`].
pub const DETERMINER: u32 = 1 << DETERMINER_WORDS.bit;
pub const BLOCKS_VERB: u32 = 1 << BLOCKS_VERB_WORDS.bit;
pub const PREPOSITION: u32 = 1 << PREPOSITION_WORDS.bit;
/// Auxiliaries, modals and the copula: a finite verb after a subject.
pub const AUX: u32 = 1 << AUX_WORDS.bit;
pub const BE: u32 = 1 << BE_WORDS.bit;
/// Common irregular past tenses: finite verbs of a content clause.
pub const IRREGULAR_PAST: u32 = 1 << IRREGULAR_PAST_WORDS.bit;
pub const NOMINATIVE: u32 = 1 << NOMINATIVE_WORDS.bit;
pub const OBJECT_PRONOUN: u32 = 1 << OBJECT_PRONOUN_WORDS.bit;
pub const FIRST_PERSON: u32 = 1 << FIRST_PERSON_WORDS.bit;
pub const WH_CLAUSE: u32 = 1 << WH_CLAUSE_WORDS.bit;
/// Words that end a noun phrase when walking over it.
pub const BOUNDARY: u32 = 1 << BOUNDARY_WORDS.bit;
pub const LY_NON_ADVERB: u32 = 1 << LY_NON_ADVERB_WORDS.bit;
pub const ADVERB: u32 = 1 << ADVERB_WORDS.bit;
/// Days, months and relative time words (`Tuesday`, `last week`).
pub const TIME: u32 = 1 << TIME_WORDS.bit;

const DETERMINER_WORDS: Closed = Closed {
    bit: 0,
    words: &[
        "the", "a", "an", "this", "these", "those", "his", "her", "its", "their", "our", "my",
        "your", "whose", "such", "no", "any", "each", "every", "another", "neither", "either",
        "both",
    ],
};

const BLOCKS_VERB_WORDS: Closed = Closed {
    bit: 1,
    words: &[
        "that", "new", "latest", "recent", "same", "own", "false", "public", "formal", "written",
        "these", "many", "several", "some", "two", "three", "other", "of",
    ],
};

/// Words that, before a verb form, make it a noun or adjective
/// (`the claims`, `new reports`, `his promise`).
#[cfg(test)]
pub fn blocks_verb(w: &str) -> bool {
    blocks_verb_with(w, closed_bits(w))
}

/// [`blocks_verb`] given the closed lists `w` is on.
pub fn blocks_verb_with(w: &str, bits: u32) -> bool {
    bits & (DETERMINER | BLOCKS_VERB) != 0
        || w.ends_with("'s")
        || w.ends_with("’s")
        || w.ends_with("s'")
        || w.ends_with("s’")
}

const PREPOSITION_WORDS: Closed = Closed {
    bit: 2,
    words: &[
        "in",
        "at",
        "on",
        "during",
        "with",
        "from",
        "via",
        "through",
        "after",
        "before",
        "to",
        "into",
        "over",
        "under",
        "outside",
        "inside",
        "by",
        "against",
        "amid",
        "across",
        "about",
        "for",
        "of",
        "since",
        "until",
        "without",
        "toward",
        "towards",
        "near",
        "within",
        "among",
        "following",
        "despite",
        "around",
    ],
};

const AUX_WORDS: Closed = Closed {
    bit: 3,
    words: &[
        "is",
        "was",
        "were",
        "are",
        "am",
        "will",
        "would",
        "can",
        "could",
        "has",
        "had",
        "have",
        "may",
        "might",
        "must",
        "should",
        "shall",
        "did",
        "does",
        "do",
        "won't",
        "wouldn't",
        "can't",
        "couldn't",
        "didn't",
        "doesn't",
        "don't",
        "isn't",
        "wasn't",
        "weren't",
        "aren't",
        "hasn't",
        "hadn't",
        "haven't",
        "shouldn't",
        "won’t",
        "wouldn’t",
        "can’t",
        "couldn’t",
        "didn’t",
        "doesn’t",
        "don’t",
        "isn’t",
        "wasn’t",
        "weren’t",
        "aren’t",
        "hasn’t",
        "hadn’t",
        "haven’t",
        "shouldn’t",
        "needs",
        "remains",
        "seems",
        "appears",
        "wants",
    ],
};

const BE_WORDS: Closed = Closed {
    bit: 4,
    words: &[
        "is",
        "was",
        "were",
        "are",
        "be",
        "been",
        "being",
        "am",
        "isn't",
        "wasn't",
        "weren't",
        "aren't",
        "isn’t",
        "wasn’t",
        "weren’t",
        "aren’t",
        "it's",
        "it’s",
    ],
};

const IRREGULAR_PAST_WORDS: Closed = Closed {
    bit: 5,
    words: &[
        "rose", "fell", "grew", "went", "came", "took", "made", "gave", "got", "knew", "left",
        "lost", "won", "saw", "began", "became", "held", "kept", "ran", "paid", "met", "led",
        "sent", "spent", "built", "brought", "bought", "caught", "fought", "sought", "broke",
        "chose", "drew", "drove", "flew", "forgot", "hid", "shook", "stole", "struck", "threw",
        "stood", "sat", "spoke", "meant", "bore", "dealt", "fled", "lent", "wore", "did", "had",
        "thought", "told", "said", "felt", "found", "heard", "wrote",
    ],
};

const NOMINATIVE_WORDS: Closed = Closed {
    bit: 6,
    words: &["he", "she", "they", "we", "i"],
};

/// Nominative pronouns: a clause starts here (`said he would`).
#[cfg(test)]
pub fn is_nominative(w: &str) -> bool {
    closed_bits(head_before_apostrophe(w)) & NOMINATIVE != 0
}

const OBJECT_PRONOUN_WORDS: Closed = Closed {
    bit: 7,
    words: &["him", "her", "them", "us", "me", "you", "it", "reporters"],
};

const FIRST_PERSON_WORDS: Closed = Closed {
    bit: 8,
    words: &["i", "we", "us", "you"],
};

/// The writer's own voice: a first-person subject outside quotes.
#[cfg(test)]
pub fn is_first_person(w: &str) -> bool {
    closed_bits(head_before_apostrophe(w)) & FIRST_PERSON != 0
}

const WH_CLAUSE_WORDS: Closed = Closed {
    bit: 9,
    words: &["whether", "if", "why", "how", "what", "who", "where"],
};

const BOUNDARY_WORDS: Closed = Closed {
    bit: 10,
    words: &[
        "and", "but", "or", "nor", "because", "while", "although", "though", "if", "when", "as",
        "than", "so", "yet", "since", "until", "unless", "whether", "that", "which", "what",
        "where", "how", "why", "whom", "whose", "who", "then", "also", "not", "never", "there",
        "here", "said", "says", "say",
    ],
};

const LY_NON_ADVERB_WORDS: Closed = Closed {
    bit: 11,
    words: &["only", "early", "family", "italy", "ally", "july"],
};

const ADVERB_WORDS: Closed = Closed {
    bit: 12,
    words: &[
        "also",
        "then",
        "now",
        "later",
        "still",
        "already",
        "again",
        "even",
        "never",
        "not",
        "once",
        "first",
        "often",
        "long",
        "just",
        "further",
        "soon",
        "earlier",
        "too",
        "always",
        "ever",
        "simply",
        "n't",
        "today",
        "yesterday",
        "tonight",
        "recently",
        "previously",
        "separately",
        "however",
        "meanwhile",
        "out",
        "back",
    ],
};

/// Adverbs and adverbial words skipped between a subject and its verb, or a
/// verb and its complement.
#[cfg(test)]
pub fn is_adverb(w: &str) -> bool {
    adverb_with(w, closed_bits(w))
}

/// [`is_adverb`] given the closed lists `w` is on.
pub fn adverb_with(w: &str, bits: u32) -> bool {
    (w.len() > 4
        && w.ends_with("ly")
        && !w.starts_with(char::is_uppercase)
        && bits & LY_NON_ADVERB == 0)
        || bits & ADVERB != 0
}

const TIME_WORDS: Closed = Closed {
    bit: 13,
    words: &[
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "today",
        "yesterday",
        "tonight",
        "tomorrow",
        "week",
        "weekend",
        "month",
        "year",
        "morning",
        "afternoon",
        "evening",
        "night",
        "earlier",
        "later",
        "january",
        "february",
        "march",
        "april",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "aug",
        "sept",
        "oct",
        "nov",
        "dec",
        "last",
        "this",
        "next",
    ],
};

/// Section labels that may open a line before a colon (`Update:`,
/// `Editor's Note:`): never a speaker or a source.
static HEADLINE_LABELS: LazyLock<rustc_hash::FxHashSet<u128>> = LazyLock::new(|| {
    data_lines(include_str!("../claim_headline_labels.txt"))
        .filter_map(|w| packed_lower(w.as_bytes()))
        .collect()
});

/// Whether `w` (ASCII case ignored) is a section label word.
pub fn is_headline_label(w: &str) -> bool {
    let w = head_before_apostrophe(w);
    packed_lower(w.as_bytes()).is_some_and(|k| HEADLINE_LABELS.contains(&k))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicon_has_enough_lemmas_and_forms() {
        let lex = &*LEXICON;
        assert!(lex.verbs.len() >= 120, "{} lemmas", lex.verbs.len());
        let said = lex
            .ac
            .find("said")
            .map(|m| lex.entries[m.pattern().as_usize()].clone())
            .unwrap();
        let (v, forms) = said.verb.unwrap();
        assert_eq!(lex.verbs[v].lemma, "say");
        assert_eq!(forms, PAST | PART);
    }

    #[test]
    fn every_verb_line_has_five_forms_and_a_class() {
        for line in data_lines(include_str!("../claim_verbs.txt")) {
            let f: Vec<&str> = line.split_whitespace().collect();
            assert_eq!(f.len(), 6, "{line}");
            assert!(!f[0].trim_start_matches('-').is_empty(), "{line}");
            assert!(f[5].starts_with('S') || f[5].starts_with('C'), "{line}");
        }
    }

    /// Whole-word lookups agree with the automaton: no two words differ
    /// only in case, and every word (in any case) finds its own entry.
    #[test]
    fn entry_of_agrees_with_the_automaton() {
        let lex = &*LEXICON;
        assert_eq!(lex.index.len(), lex.entries.len());
        // What `rules::matches` relies on: ASCII letters and inner hyphens.
        let words: Vec<String> = lex
            .index
            .keys()
            .map(|k| {
                let b = k.to_le_bytes();
                String::from_utf8(b[..b[15] as usize].to_vec()).unwrap()
            })
            .collect();
        for w in &words {
            assert!(
                w.split('-')
                    .all(|part| !part.is_empty() && part.bytes().all(|c| c.is_ascii_lowercase())),
                "{w}"
            );
        }
        for w in &words {
            for probe in [
                w.clone(),
                w.to_ascii_uppercase(),
                format!("{w}x"),
                format!("x{w}"),
                format!("{w}-{w}"),
                w[1..].to_string(),
                w[..w.len() - 1].to_string(),
            ] {
                let by_ac = lex
                    .ac
                    .find(probe.as_str())
                    .filter(|m| m.start() == 0 && m.end() == probe.len())
                    .map(|m| m.pattern().as_usize());
                let by_index = lex.index_of(&probe);
                assert_eq!(by_ac, by_index, "{probe}");
                let letter = |c: Option<u8>| c.is_some_and(|c| c.is_ascii_alphabetic());
                let run = letter(probe.bytes().next())
                    && letter(probe.bytes().next_back())
                    && probe.bytes().all(|c| c.is_ascii_alphabetic() || c == b'-');
                if run {
                    let b = probe.as_bytes();
                    assert_eq!(lex.index_of_run(b, 0, b.len()), by_index, "{probe}");
                    // Read in place, inside a longer text.
                    let text = format!(" {probe} and so on, and on");
                    let at = lex.index_of_run(text.as_bytes(), 1, 1 + b.len());
                    assert_eq!(at, by_index, "{probe}");
                }
                let text = format!("({probe}) and so on, and on");
                let at = lex.index_of_at(text.as_bytes(), 1, probe.len());
                assert_eq!(at, by_index, "{probe}");
            }
        }
    }

    /// The flag bits answer as a search of the flag string does.
    #[test]
    fn verb_flags_as_bits() {
        for v in &LEXICON.verbs {
            for flag in ('a'..='z').chain('A'..='Z').chain(['-', '_', 'é']) {
                assert_eq!(v.has(flag), v.flags.contains(flag), "{} {flag}", v.lemma);
            }
        }
    }

    #[test]
    fn cue_words_are_tagged() {
        let lex = &*LEXICON;
        let get = |w: &str| {
            let m = lex.ac.find(w).unwrap();
            assert_eq!(m.len(), w.len());
            lex.entries[m.pattern().as_usize()].clone()
        };
        assert!(get("reportedly").hedge);
        assert!(get("statement").document);
        assert!(get("according").according);
        let reports = get("reports");
        assert!(reports.noun && reports.verb.is_some());
    }

    /// The table answers exactly as a scan of each list would, whatever the
    /// case, and words on no list (or too long for it) are on none.
    #[test]
    fn closed_table_matches_the_lists() {
        let mut probes: Vec<String> = Vec::new();
        for list in CLOSED {
            for w in list.words {
                probes.push(w.to_string());
                probes.push(w.to_ascii_uppercase());
                probes.push(format!("{w}s"));
                probes.push(w[..w.len() - 1].to_string());
            }
        }
        probes.extend(["", "Tuesday", "x".repeat(40).as_str(), "é", "WON’T"].map(String::from));
        for w in &probes {
            for list in CLOSED {
                assert_eq!(listed(w, list), one_of(w, list.words), "{w}");
            }
        }
    }

    #[test]
    fn closed_classes() {
        assert!(is_nominative("He") && is_nominative("they’d"));
        assert!(is_first_person("We’ll") && !is_first_person("Wells"));
        assert!(is_adverb("repeatedly") && !is_adverb("Kelly") && !is_adverb("only"));
        assert!(blocks_verb("Biden’s") && blocks_verb("the") && !blocks_verb("officials"));
    }
}
