//! The editorial lexicon: curated weighted terms, matched with one byte
//! trie walked from each word start (ASCII case-insensitive, on word
//! boundaries).
//!
//! Built-in entries live in `src/annotate/editorial_*.txt`; a newsroom adds
//! or removes terms with its own file in the same format (`--lexicon FILE`):
//!
//! ```text
//! # comment
//! term<TAB>kind<TAB>weight     add a term (or replace a built-in one)
//! -term                        remove a built-in term and its inflections
//! ```
//!
//! Inflections are generated, not listed: a `loaded_verb` matches its verb
//! forms (`slam` → `slams`, `slammed`, `slamming`; the first word of a
//! phrase inflects: `cave in` → `caved in`), a `loaded_word` or
//! `partisan_label` its plural (`scam` → `scams`). A term ending in `=` matches
//! only as listed (`good=` must not match `goods`). A term ending in `*` is a
//! stem: it matches any word that begins with it (`hypocri*` → `hypocrisy`,
//! `hypocritical`). Matching folds ASCII case only; `'` and `’` are the same.

use super::Kind;
use super::letters::{HIGH, ascii_digits_or_underscore, ascii_letters, chunk, leading};
use std::collections::HashMap;
use std::fmt;
use std::ops::Range;

/// The built-in lists, in load order (a later entry replaces an earlier one).
const BUILTIN: [(&str, &str); 3] = [
    (
        "editorial_words.txt",
        include_str!("../editorial_words.txt"),
    ),
    (
        "editorial_verbs.txt",
        include_str!("../editorial_verbs.txt"),
    ),
    (
        "editorial_voice.txt",
        include_str!("../editorial_voice.txt"),
    ),
];

/// One lexicon term.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The term as listed, lower-cased, without a trailing `*`.
    pub term: String,
    pub kind: Kind,
    pub weight: f32,
    /// True for a stem (`term*`): any word continuing it matches.
    pub stem: bool,
    /// True for `term=`: only the listed form matches, no inflections.
    pub exact: bool,
}

/// A malformed line in a lexicon file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LexiconError {
    pub file: String,
    /// 1-based line number.
    pub line: usize,
    pub message: String,
}

impl fmt::Display for LexiconError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

impl std::error::Error for LexiconError {}

/// What a lexicon file line asks for.
enum Line {
    Add(Entry),
    Remove(String),
}

/// The compiled lexicon: entries plus one trie over all their forms.
#[derive(Clone)]
pub struct Lexicon {
    entries: Vec<Entry>,
    /// For each pattern, the index of its entry.
    pattern_entry: Vec<u32>,
    trie: Trie,
    /// The words a hit can start with, when no pattern is a stem.
    first_words: Option<FirstWords>,
    /// True when every pattern starts with an ASCII letter.
    letter_starts: bool,
}

/// The length of the run of ASCII letters at `at` and a hash of its
/// lower case (the same for the same letters in any case, whatever
/// follows them).
#[inline]
fn letter_run(bytes: &[u8], at: usize) -> (usize, u64) {
    let mut len = 0;
    let mut hash = 0u64;
    loop {
        let x = chunk(bytes, at + len);
        // 8 when the whole chunk is letters.
        let n = leading(!ascii_letters(x) & HIGH);
        let keep = if n == 8 {
            u64::MAX
        } else {
            (1u64 << (8 * n)) - 1
        };
        hash = run_hash(hash, x, keep);
        len += n;
        if n < 8 {
            return (len, hash);
        }
    }
}

/// The hash of letters so far `hash` with the bytes of `x` that `keep`
/// keeps (the next up to 8 letters): lower case, so that any case hashes
/// the same.
#[inline]
fn run_hash(hash: u64, x: u64, keep: u64) -> u64 {
    (hash ^ ((x | 0x2020_2020_2020_2020) & keep)).wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

/// Bits of a set of hashes, with false positives.
#[derive(Clone)]
struct HashBits(Box<[u64; 512]>);

impl HashBits {
    fn new() -> HashBits {
        HashBits(Box::new([0; 512]))
    }

    /// The top 15 bits of a hash: the bit that stands for it.
    #[inline]
    fn bit(hash: u64) -> (usize, u64) {
        let i = (hash >> 49) as usize;
        (i / 64, 1 << (i % 64))
    }

    fn insert(&mut self, hash: u64) {
        let (word, bit) = HashBits::bit(hash);
        self.0[word] |= bit;
    }

    #[inline]
    fn contains(&self, hash: u64) -> bool {
        let (word, bit) = HashBits::bit(hash);
        self.0[word] & bit != 0
    }
}

/// The hash of two words.
#[inline]
fn pair_hash(first: u64, second: u64) -> u64 {
    (first.rotate_left(23) ^ second).wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

/// Which words of ASCII letters can start a hit (with false positives).
/// A pattern's *first word* is its first letters, up to its first byte
/// that is not an ASCII letter. A non-stem hit that starts with an ASCII
/// letter covers exactly its pattern's first word in the text (a letter
/// after the pattern fails the boundary check, a non-letter in the pattern
/// needs a non-letter in the text), and likewise the second word of a
/// pattern that goes on with a space and a letter (`the left`). So a word
/// that is no first word of a pattern, and no first word of a pattern of
/// two or more words with its next word, starts no hit: the trie walk
/// from it is skipped (most words, `the`, `a`, `to` among them).
#[derive(Clone)]
struct FirstWords {
    /// First words of the patterns that are one word, or go on with
    /// something else than a space and a letter.
    single: HashBits,
    /// First words of the patterns that go on with a space and a letter.
    multi: HashBits,
    /// Their first two words, by [`pair_hash`].
    pairs: HashBits,
}

impl FirstWords {
    fn new(patterns: &[String]) -> FirstWords {
        let mut f = FirstWords {
            single: HashBits::new(),
            multi: HashBits::new(),
            pairs: HashBits::new(),
        };
        for p in patterns {
            let b = p.as_bytes();
            let (len, hash) = letter_run(b, 0);
            if len == 0 {
                continue;
            }
            let (second, second_hash) = letter_run(b, len + 1);
            if b.get(len) == Some(&b' ') && second > 0 {
                f.multi.insert(hash);
                f.pairs.insert(pair_hash(hash, second_hash));
            } else {
                f.single.insert(hash);
            }
        }
        f
    }

    /// False when no hit can start at `at`, where a word of `len` ASCII
    /// letters with hash `hash` starts.
    #[inline]
    fn may_start(&self, bytes: &[u8], at: usize, len: usize, hash: u64) -> bool {
        if self.single.contains(hash) {
            return true;
        }
        if !self.multi.contains(hash) || bytes.get(at + len) != Some(&b' ') {
            return false;
        }
        let (second, second_hash) = letter_run(bytes, at + len + 1);
        second > 0 && self.pairs.contains(pair_hash(hash, second_hash))
    }
}

/// Set in a [`Trie`] reference when a pattern ends in the state it names.
const MATCH: u32 = 1 << 31;
/// Set in a [`Trie`] reference to a state with a dense row.
const DENSE: u32 = 1 << 30;

/// A byte trie over the patterns, ASCII case folded. A match can only
/// start at a word boundary, so walking it from each word start (a few
/// transitions before the dead state) does the work of an unanchored
/// automaton scanning every byte, at a fraction of the cost.
///
/// A state is named by a reference: 0 is the dead state; with [`DENSE`] the
/// low bits are the offset of the state's row of transitions by byte class
/// in `trans`; without, they index `single`, the states with at most one
/// child (most of them: the tails of the words), each held in 8 bytes. So
/// the whole trie stays small enough for the cache. States are numbered
/// breadth first, so the shallow ones that every walk goes through share a
/// few cache lines. [`MATCH`] marks a reference to a state where a pattern
/// ends.
#[derive(Clone)]
struct Trie {
    /// Byte to class; class 0 holds the bytes no pattern contains.
    class: [u8; 256],
    classes: usize,
    /// The dense rows: `trans[row + class]` is the next state's reference.
    trans: Vec<u32>,
    /// The pattern that ends in each dense state (by row / classes), if any.
    dense_pattern: Vec<u32>,
    /// The single-child states: the class of the child (0 for a leaf) and
    /// the child's reference. Entry 0 is unused, as reference 0 is dead.
    single: Vec<(u32, u32)>,
    /// The pattern that ends in each single-child state, if any.
    single_pattern: Vec<u32>,
}

impl Trie {
    fn new(patterns: &[String]) -> Trie {
        let mut class = [0u8; 256];
        let mut classes = 1usize;
        for b in patterns.iter().flat_map(|p| p.bytes()) {
            let b = b.to_ascii_lowercase();
            if class[b as usize] == 0 {
                // At most 256 - 26 bytes, as upper-case letters share.
                class[b as usize] = classes as u8;
                classes += 1;
            }
        }
        for b in b'A'..=b'Z' {
            class[b as usize] = class[b.to_ascii_lowercase() as usize];
        }
        // The plain trie: children by class, states in insertion order;
        // state 0 is dead, state 1 the root.
        let mut child: Vec<u32> = vec![0; 2 * classes];
        let mut ends: Vec<Option<u32>> = vec![None; 2];
        for (id, p) in patterns.iter().enumerate() {
            let mut state = 1;
            for b in p.bytes() {
                let at = state * classes + class[b as usize] as usize;
                if child[at] == 0 {
                    child[at] = ends.len() as u32;
                    ends.push(None);
                    child.resize(child.len() + classes, 0);
                }
                state = child[at] as usize;
            }
            // Equal patterns: the first one listed wins.
            ends[state].get_or_insert(id as u32);
        }
        // Breadth-first order.
        let mut order: Vec<usize> = vec![1];
        let mut i = 0;
        while i < order.len() {
            let s = order[i];
            order.extend(
                child[s * classes..(s + 1) * classes]
                    .iter()
                    .filter(|&&c| c != 0)
                    .map(|&c| c as usize),
            );
            i += 1;
        }
        let children = |s: usize| {
            child[s * classes..(s + 1) * classes]
                .iter()
                .enumerate()
                .filter(|(_, c)| **c != 0)
                .map(|(k, &c)| (k as u32, c as usize))
        };
        // The references, the root's dense whatever its children.
        let mut reference = vec![0u32; ends.len()];
        let (mut rows, mut singles) = (0u32, 1u32);
        for &s in &order {
            reference[s] = if s == 1 || children(s).count() > 1 {
                rows += 1;
                DENSE | ((rows - 1) * classes as u32)
            } else {
                singles += 1;
                singles - 1
            };
            assert!(
                reference[s] & !DENSE < DENSE,
                "lexicon small enough for a 30-bit trie"
            );
            if ends[s].is_some() {
                reference[s] |= MATCH;
            }
        }
        let mut trans = vec![0u32; rows as usize * classes];
        let mut dense_pattern = vec![u32::MAX; rows as usize];
        let mut single = vec![(0u32, 0u32); singles as usize];
        let mut single_pattern = vec![u32::MAX; singles as usize];
        for &s in &order {
            let r = reference[s];
            let at = (r & !(MATCH | DENSE)) as usize;
            let end = ends[s].unwrap_or(u32::MAX);
            if r & DENSE != 0 {
                dense_pattern[at / classes] = end;
                for (k, c) in children(s) {
                    trans[at + k as usize] = reference[c];
                }
            } else {
                single_pattern[at] = end;
                if let Some((k, c)) = children(s).next() {
                    single[at] = (k, reference[c]);
                }
            }
        }
        Trie {
            class,
            classes,
            trans,
            dense_pattern,
            single,
            single_pattern,
        }
    }

    /// True when some pattern holds byte `b` (in either case).
    #[inline]
    fn has_byte(&self, b: u8) -> bool {
        self.class[b as usize] != 0
    }

    /// True when some pattern starts with byte `b`.
    #[inline]
    fn starts(&self, b: u8) -> bool {
        self.trans[self.class[b as usize] as usize] != 0
    }

    /// The longest pattern that starts at `at`: its end and its index.
    #[inline]
    fn longest(&self, bytes: &[u8], at: usize) -> Option<(usize, u32)> {
        // The root: the dense row at offset 0.
        let mut state = DENSE;
        let mut found = None;
        for (i, &b) in bytes[at..].iter().enumerate() {
            let c = self.class[b as usize] as u32;
            let next = if state & DENSE != 0 {
                self.trans[(state & !(MATCH | DENSE)) as usize + c as usize]
            } else {
                let (k, next) = self.single[(state & !MATCH) as usize];
                if k == c { next } else { 0 }
            };
            if next == 0 {
                break;
            }
            state = next;
            if next & MATCH != 0 {
                found = Some((at + i + 1, next));
            }
        }
        found.map(|(end, r)| {
            let at = (r & !(MATCH | DENSE)) as usize;
            let pattern = if r & DENSE != 0 {
                self.dense_pattern[at / self.classes]
            } else {
                self.single_pattern[at]
            };
            (end, pattern)
        })
    }
}

impl fmt::Debug for Lexicon {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Lexicon")
            .field("entries", &self.entries.len())
            .field("patterns", &self.pattern_entry.len())
            .finish()
    }
}

/// A lexicon match: a byte range relative to the searched text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub start: usize,
    pub end: usize,
    pub entry: usize,
}

impl Lexicon {
    /// The built-in curated lists.
    pub fn builtin() -> Lexicon {
        Lexicon::compile(builtin_entries())
    }

    /// The built-in lists edited by a user file (`name` is used in errors).
    pub fn with_user_file(name: &str, contents: &str) -> Result<Lexicon, LexiconError> {
        let mut entries = builtin_entries();
        for line in parse(name, contents)? {
            match line {
                Line::Add(e) => {
                    entries.retain(|old| old.term != e.term);
                    entries.push(e);
                }
                // `-slammed` removes `slam` too: a newsroom names the word it
                // sees, not our lemma.
                Line::Remove(term) => {
                    entries.retain(|old| old.term != term && !forms(old).contains(&term))
                }
            }
        }
        Ok(Lexicon::compile(entries))
    }

    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    pub fn entry(&self, i: usize) -> &Entry {
        &self.entries[i]
    }

    /// Calls `f` for every match on word boundaries in `text`, in order.
    /// A stem match is extended to the end of its word. A match that fails
    /// the boundary check (`the left` in `the leftist`) does not hide a
    /// shorter one inside it: the search resumes one char after its start.
    ///
    /// This is the leftmost-longest search of the patterns, restricted to
    /// starts on a word boundary (a match elsewhere is never reported and
    /// only ever moved the search on by one char): each such start is tried
    /// in order, with its longest pattern.
    pub fn for_each_hit(&self, text: &str, f: impl FnMut(Hit)) {
        self.for_each_hit_outside(text, 0, &[], f);
    }

    /// [`Lexicon::for_each_hit`] for `text` at byte `offset` of a document
    /// whose ranges `quoted` (sorted, disjoint) are of no interest: every
    /// hit that starts outside them is found, and maybe some inside.
    ///
    /// A quoted range that ends with a byte no pattern holds (`”`, `"`)
    /// is skipped unread, since no hit can run over its end and so none
    /// found in it could move the search after it.
    pub fn for_each_hit_outside(
        &self,
        text: &str,
        offset: usize,
        quoted: &[Range<usize>],
        f: impl FnMut(Hit),
    ) {
        match &self.first_words {
            Some(first) if self.letter_starts => {
                self.for_each_hit_by_words(text, first, (offset, quoted), f)
            }
            _ => self.for_each_hit_bytewise(text, f),
        }
    }

    /// [`Lexicon::for_each_hit`] for a lexicon whose patterns all start
    /// with an ASCII letter and hold no stem: the word starts (an ASCII
    /// letter after no word char) are found eight bytes at a time, and
    /// only they are tried, in order, as the bytewise search would.
    fn for_each_hit_by_words(
        &self,
        text: &str,
        first: &FirstWords,
        (offset, quoted): (usize, &[Range<usize>]),
        mut f: impl FnMut(Hit),
    ) {
        let bytes = text.as_bytes();
        // The end of a quoted range in `text`, when the range is skipped.
        let sealed = |r: &Range<usize>| {
            let end = r.end.saturating_sub(offset).min(bytes.len());
            let open = end > 0 && end < bytes.len() && self.trie.has_byte(bytes[end - 1]);
            (!open).then_some(end)
        };
        // The first quoted range that does not end before `at`.
        let mut q = 0;
        let mut skipped = |at: usize| {
            while quoted.get(q).is_some_and(|r| r.end <= offset + at) {
                q += 1;
            }
            quoted
                .get(q)
                .filter(|r| r.start <= offset + at)
                .and_then(sealed)
        };
        // No hit starts before `pos` (the end of the last one).
        let mut pos = 0;
        // The high bit of byte 0 set when the byte before the chunk is an
        // ASCII word char, or not ASCII.
        let (mut carry_word, mut carry_high) = (0u64, 0u64);
        let mut base = 0;
        while base < bytes.len() {
            if let Some(end) = skipped(base)
                && end >= base + 8
            {
                // On to the chunk where the skipped range ends.
                base = end & !7;
                let b = bytes[base - 1];
                carry_word = if is_ascii_word(b) { 0x80 } else { 0 };
                carry_high = u64::from(b & 0x80);
                continue;
            }
            let x = chunk(bytes, base);
            let letters = ascii_letters(x);
            let word = letters | ascii_digits_or_underscore(x);
            let high = x & HIGH;
            // A letter after a non-ASCII byte starts a word when the char
            // that byte ends is no word char: decoded below.
            let after_high = letters & ((high << 8) | carry_high);
            let mut starts = letters & !((word << 8) | carry_word);
            carry_word = word >> 56;
            carry_high = high >> 56;
            while starts != 0 {
                let k = leading(starts);
                starts &= starts - 1;
                let at = base + k;
                if at < pos
                    || ((after_high >> (8 * k)) & 0x80 != 0 && !boundary_before(text, at))
                    || skipped(at).is_some()
                {
                    continue;
                }
                // The run of letters from `at`, read from this chunk when
                // it ends inside it (as `letter_run` reads it).
                let n = leading(!(letters >> (8 * k)) & HIGH);
                let (len, hash) = if k + n < 8 {
                    (n, run_hash(0, x >> (8 * k), (1u64 << (8 * n)) - 1))
                } else {
                    letter_run(bytes, at)
                };
                if !first.may_start(bytes, at, len, hash) {
                    continue;
                }
                if let Some((end, pattern)) = self.trie.longest(bytes, at)
                    && boundary_after(text, end)
                {
                    let entry = self.pattern_entry[pattern as usize] as usize;
                    f(Hit {
                        start: at,
                        end,
                        entry,
                    });
                    pos = end;
                }
            }
            base += 8;
        }
    }

    /// [`Lexicon::for_each_hit`] for any lexicon: every char is visited.
    fn for_each_hit_bytewise(&self, text: &str, mut f: impl FnMut(Hit)) {
        let bytes = text.as_bytes();
        let mut pos = 0;
        // Whether the char before `pos` is a word char.
        let mut after_word = false;
        while pos < bytes.len() {
            let b = bytes[pos];
            // (Whether a pattern starts with `b` does not matter here: a
            // word the filter rejects starts no hit either way.)
            if !after_word
                && b.is_ascii_alphabetic()
                && let Some(first) = &self.first_words
            {
                let (len, hash) = letter_run(bytes, pos);
                if !first.may_start(bytes, pos, len, hash) {
                    // No hit starts here: skip the word as below.
                    pos += len;
                    while pos < bytes.len() && is_ascii_word(bytes[pos]) {
                        pos += 1;
                    }
                    after_word = true;
                    continue;
                }
            }
            if !after_word
                && self.trie.starts(b)
                && let Some((mut end, pattern)) = self.trie.longest(bytes, pos)
            {
                let entry = self.pattern_entry[pattern as usize] as usize;
                let ok = if self.entries[entry].stem {
                    end += word_len(&text[end..]);
                    true
                } else {
                    boundary_after(text, end)
                };
                if ok {
                    f(Hit {
                        start: pos,
                        end,
                        entry,
                    });
                    after_word = !boundary_before(text, end);
                    pos = end;
                    continue;
                }
            }
            if b < 0x80 {
                pos += 1;
                after_word = is_ascii_word(b);
                if after_word {
                    // The rest of an ASCII word holds no start.
                    while pos < bytes.len() && is_ascii_word(bytes[pos]) {
                        pos += 1;
                    }
                }
            } else {
                let c = text[pos..].chars().next().unwrap_or(' ');
                after_word = is_word_char(c);
                pos += c.len_utf8();
            }
        }
    }

    fn compile(entries: Vec<Entry>) -> Lexicon {
        let (patterns, pattern_entry) = patterns(&entries);
        // A stem's hit may cover more than its letters: no filter then.
        let first_words = (!entries.iter().any(|e| e.stem)).then(|| FirstWords::new(&patterns));
        let letter_starts = patterns
            .iter()
            .all(|p| p.as_bytes().first().is_some_and(u8::is_ascii_alphabetic));
        Lexicon {
            entries,
            letter_starts,
            trie: Trie::new(&patterns),
            pattern_entry,
            first_words,
        }
    }
}

/// Every surface form of the entries (each once), with the index of the
/// entry it belongs to.
fn patterns(entries: &[Entry]) -> (Vec<String>, Vec<u32>) {
    {
        let mut index: HashMap<String, u32> = HashMap::new();
        let mut patterns: Vec<String> = Vec::new();
        let mut pattern_entry: Vec<u32> = Vec::new();
        for (i, e) in entries.iter().enumerate() {
            for form in forms(e) {
                let variants = if form.contains('\'') {
                    vec![form.replace('\'', "’"), form]
                } else {
                    vec![form]
                };
                for v in variants {
                    match index.get(&v) {
                        // A listed term beats a form generated from another.
                        Some(&p) => {
                            if v.replace('’', "'") == e.term {
                                pattern_entry[p as usize] = i as u32;
                            }
                        }
                        None => {
                            index.insert(v.clone(), patterns.len() as u32);
                            patterns.push(v);
                            pattern_entry.push(i as u32);
                        }
                    }
                }
            }
        }
        (patterns, pattern_entry)
    }
}

fn builtin_entries() -> Vec<Entry> {
    let adds: Vec<Entry> = BUILTIN
        .iter()
        .flat_map(|(name, contents)| parse(name, contents).expect("built-in lexicon parses"))
        .filter_map(|line| match line {
            Line::Add(e) => Some(e),
            Line::Remove(_) => None,
        })
        .collect();
    // A later entry of a term replaces the earlier ones, in its own place
    // (what removing the old one and pushing the new one does, without a
    // scan of all the entries per line).
    let mut last: HashMap<&str, usize> = HashMap::with_capacity(adds.len());
    for (i, e) in adds.iter().enumerate() {
        last.insert(&e.term, i);
    }
    let keep: Vec<bool> = adds
        .iter()
        .enumerate()
        .map(|(i, e)| last[e.term.as_str()] == i)
        .collect();
    adds.into_iter()
        .zip(keep)
        .filter_map(|(e, keep)| keep.then_some(e))
        .collect()
}

fn parse(name: &str, contents: &str) -> Result<Vec<Line>, LexiconError> {
    let mut out = Vec::new();
    for (n, raw) in contents.lines().enumerate() {
        let err = |message: String| LexiconError {
            file: name.to_string(),
            line: n + 1,
            message,
        };
        let line = raw.trim_end_matches('\r');
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        if let Some(term) = trimmed.strip_prefix('-') {
            let term = normalise(term);
            if term.is_empty() {
                return Err(err("expected a term after `-`".into()));
            }
            out.push(Line::Remove(term.trim_end_matches('*').to_string()));
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        let [term, kind, weight] = fields[..] else {
            return Err(err("expected term<TAB>kind<TAB>weight".into()));
        };
        let mut term = normalise(term);
        let stem = term.ends_with('*');
        let exact = term.ends_with('=');
        if stem || exact {
            term.pop();
        }
        if term.is_empty() || term.contains(['*', '=']) {
            return Err(err(format!(
                "bad term `{}`",
                raw.split('\t').next().unwrap_or("")
            )));
        }
        let kind = match Kind::parse(kind.trim()) {
            Some(k) if k.is_lexical() => k,
            _ => {
                return Err(err(format!(
                    "unknown kind `{}` (expected one of: {})",
                    kind.trim(),
                    Kind::lexical_names().join(", ")
                )));
            }
        };
        let weight = match weight.trim().parse::<f32>() {
            Ok(w) if w.is_finite() && w.abs() <= 100.0 => w,
            _ => {
                return Err(err(format!(
                    "weight `{}` is not a number between -100 and 100",
                    weight.trim()
                )));
            }
        };
        out.push(Line::Add(Entry {
            term,
            kind,
            weight,
            stem,
            exact,
        }));
    }
    Ok(out)
}

/// Lower-case, single spaces, `’` as `'`.
fn normalise(term: &str) -> String {
    let mut out = String::with_capacity(term.len());
    for word in term.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().map(|c| if c == '’' { '\'' } else { c }));
    }
    out.to_lowercase()
}

/// Every surface form an entry matches.
fn forms(e: &Entry) -> Vec<String> {
    if e.stem || e.exact {
        return vec![e.term.clone()];
    }
    let (mut out, first, rest, last, init) = (
        vec![e.term.clone()],
        e.term.split(' ').next().unwrap_or(""),
        e.term.split_once(' ').map(|(_, r)| r),
        e.term.rsplit(' ').next().unwrap_or(""),
        e.term.rsplit_once(' ').map(|(i, _)| i),
    );
    match e.kind {
        Kind::LoadedVerb => {
            for f in verb_forms(first) {
                out.push(match rest {
                    Some(r) => format!("{f} {r}"),
                    None => f,
                });
            }
        }
        Kind::LoadedWord | Kind::PartisanLabel => {
            let p = plural(last);
            out.push(match init {
                Some(i) => format!("{i} {p}"),
                None => p,
            });
        }
        _ => {}
    }
    out.retain(|f| !f.is_empty());
    out.dedup();
    out
}

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u')
}

fn plural(w: &str) -> String {
    let b = w.as_bytes();
    if ["s", "x", "z", "ch", "sh"].iter().any(|s| w.ends_with(s)) {
        format!("{w}es")
    } else if b.len() > 1 && b[b.len() - 1] == b'y' && !is_vowel(b[b.len() - 2]) {
        format!("{}ies", &w[..w.len() - 1])
    } else {
        format!("{w}s")
    }
}

/// Regular verb forms: -s, -ed, -ing, with e-dropping, y to i, and (for a
/// final consonant after one vowel) both doubled and plain consonant, since
/// stress decides (`slammed`, `targeted`); the unused one is not a word.
fn verb_forms(w: &str) -> Vec<String> {
    let b = w.as_bytes();
    let n = b.len();
    if n < 2 || !w.is_ascii() {
        return vec![format!("{w}s"), format!("{w}ed"), format!("{w}ing")];
    }
    let last = b[n - 1];
    if last == b'e' {
        let stem = &w[..n - 1];
        return vec![format!("{w}s"), format!("{w}d"), format!("{stem}ing")];
    }
    if last == b'y' && !is_vowel(b[n - 2]) {
        let stem = &w[..n - 1];
        return vec![
            format!("{stem}ies"),
            format!("{stem}ied"),
            format!("{w}ing"),
        ];
    }
    let mut out = vec![plural(w), format!("{w}ed"), format!("{w}ing")];
    let cvc = n >= 3
        && !is_vowel(last)
        && !matches!(last, b'w' | b'x' | b'y')
        && is_vowel(b[n - 2])
        && !is_vowel(b[n - 3]);
    if cvc {
        let c = last as char;
        out.push(format!("{w}{c}ed"));
        out.push(format!("{w}{c}ing"));
    }
    out
}

/// Byte length of the word characters that start `rest` (ASCII bytes
/// tested without decoding).
pub(super) fn word_len(rest: &str) -> usize {
    let b = rest.as_bytes();
    let mut i = 0;
    while let Some(&x) = b.get(i) {
        if x < 0x80 {
            if !is_ascii_word(x) {
                return i;
            }
            i += 1;
        } else {
            let c = rest[i..].chars().next().unwrap_or(' ');
            if !is_word_char(c) {
                return i;
            }
            i += c.len_utf8();
        }
    }
    b.len()
}

/// `c.is_alphanumeric()`, answered without the Unicode tables for ASCII
/// and for the General Punctuation block (curly quotes, dashes: the
/// non-ASCII chars news text is full of, none of them alphanumeric).
#[inline]
pub(crate) fn is_alnum(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        !('\u{2000}'..='\u{206F}').contains(&c) && c.is_alphanumeric()
    }
}

fn is_ascii_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

fn is_word_char(c: char) -> bool {
    is_alnum(c) || c == '_'
}

fn boundary_before(text: &str, start: usize) -> bool {
    !text[..start].chars().next_back().is_some_and(is_word_char)
}

fn boundary_after(text: &str, end: usize) -> bool {
    !text[end..].chars().next().is_some_and(is_word_char)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hits(lex: &Lexicon, text: &str) -> Vec<String> {
        let mut out = Vec::new();
        lex.for_each_hit(text, |h| out.push(text[h.start..h.end].to_string()));
        out
    }

    #[test]
    fn builtin_parses_and_matches_inflections() {
        let lex = Lexicon::builtin();
        assert!(lex.entries().len() > 100);
        assert_eq!(hits(&lex, "She slammed the plan."), ["slammed"]);
        assert_eq!(
            hits(&lex, "He is slamming it; she slams it."),
            ["slamming", "slams"]
        );
        assert_eq!(hits(&lex, "They caved."), ["caved"]);
        assert_eq!(hits(&lex, "Two SCAMS."), ["SCAMS"]);
    }

    /// The search as it was before the trie: an unanchored leftmost-longest
    /// automaton, resuming one char after a match that fails a boundary.
    fn reference(lex: &Lexicon) -> impl Fn(&str) -> Vec<Hit> + '_ {
        use aho_corasick::{AhoCorasickBuilder, MatchKind};
        let (patterns, pattern_entry) = patterns(&lex.entries);
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .unwrap();
        move |text| reference_hits(lex, &automaton, &pattern_entry, text)
    }

    fn reference_hits(
        lex: &Lexicon,
        automaton: &aho_corasick::AhoCorasick,
        pattern_entry: &[u32],
        text: &str,
    ) -> Vec<Hit> {
        let mut out = Vec::new();
        let mut pos = 0;
        while pos < text.len() {
            let input = aho_corasick::Input::new(text).range(pos..);
            let Some(m) = automaton.find(input) else {
                break;
            };
            let entry = pattern_entry[m.pattern().as_usize()] as usize;
            let (start, mut end) = (m.start(), m.end());
            let ok = boundary_before(text, start)
                && if lex.entries[entry].stem {
                    end += word_len(&text[end..]);
                    true
                } else {
                    boundary_after(text, end)
                };
            if ok {
                out.push(Hit { start, end, entry });
                pos = end;
            } else {
                pos = start + text[start..].chars().next().map_or(1, char::len_utf8);
            }
        }
        out
    }

    /// Every fixture file's text, plus hand-made edge cases.
    fn texts() -> Vec<String> {
        let mut out = crate::annotate::fixture_texts();
        assert!(out.len() > 10);
        out.extend(
            [
                "THE LEFTIST so-called SCAMS; We’ll see, we'll SEE. Hypocrisy!",
                "_scam scam_ 9scam scam9 éscam scamé SCAMMED slammed_ slam-dunk",
                "Ünïcødé wé’ll 😀 so-called ¿qué? ‘scam’ e\u{301} hypocri",
                "the the left leftist left-wing far-right so so-called so",
                "",
                "s",
                "’",
                "Café CAFÉ cafés naïve NAÏVE naïvely disgraceful DISGRACEFULLY abcdefgh abcdefghi",
                "irresponsible irresponsibly@x shameless",
                "As We All Know, as we  all know, as\twe know; in my view, IN MY OPINION in my",
                "not exactly not  exactly not-exactly let's let’s let us letus far too far",
            ]
            .map(String::from),
        );
        out
    }

    #[test]
    fn fast_alphanumeric_and_word_len_agree_with_std() {
        for c in ('\0'..='\u{3000}').chain(['😀', '\u{10FFFF}', '\u{FF21}']) {
            assert_eq!(is_alnum(c), c.is_alphanumeric(), "{c:?}");
        }
        let slow = |s: &str| {
            s.find(|c: char| !(c.is_alphanumeric() || c == '_'))
                .unwrap_or(s.len())
        };
        for text in texts() {
            for (i, _) in text.char_indices() {
                assert_eq!(word_len(&text[i..]), slow(&text[i..]), "{}", &text[i..]);
            }
        }
    }

    #[test]
    fn letter_run_hashes_fold_case() {
        let run = |s: &str, at| letter_run(s.as_bytes(), at);
        assert_eq!(run("Scam, scam", 0).0, 4);
        assert_eq!(run("Scam, scam", 0).1, run("Scam, scam", 6).1);
        assert_eq!(run("xDisgracefully!", 1), run("disgracefully", 0));
        assert_eq!(run("abcdefgh", 0), run("ABCDEFGH-", 0));
        assert_ne!(run("abcdefgh", 0).1, run("abcdefghi", 0).1);
        assert_eq!(run("naïve", 0).0, 2);
        assert_eq!(run("", 0).0, 0);
    }

    #[test]
    fn trie_finds_what_the_automaton_found() {
        let user =
            "hypocri*\tloaded_word\t1\nwe'll see\tauthorial_voice\t1\nscam=\tloaded_word\t1\n";
        let no_stem =
            "we'll see\tauthorial_voice\t1\nscam=\tloaded_word\t1\ncafé\tloaded_word\t1\n";
        for lex in [
            Lexicon::builtin(),
            Lexicon::with_user_file("t.tsv", user).unwrap(),
            Lexicon::with_user_file("t.tsv", no_stem).unwrap(),
        ] {
            let mut checked = 0;
            let reference_hits = reference(&lex);
            for text in texts() {
                for part in std::iter::once(text.as_str()).chain(text.lines()) {
                    let mut got = Vec::new();
                    lex.for_each_hit(part, |h| got.push(h));
                    assert_eq!(got, reference_hits(part), "{part}");
                    checked += got.len();
                }
            }
            assert!(checked > 100, "{checked}");
        }
    }

    /// The word-start search finds what the bytewise one finds.
    #[test]
    fn word_starts_find_what_every_char_finds() {
        let lex = Lexicon::builtin();
        assert!(lex.letter_starts && lex.first_words.is_some());
        let pieces = [
            "so-called",
            "we know",
            "said",
            "slammed",
            "Slams",
            "a.m.",
            "leftist",
            "left",
            "US",
            "we",
            "’",
            "'",
            "“",
            "é",
            "É",
            "_",
            "9",
            " ",
            ",",
            "-",
            "the",
            "in my view",
            "not",
            "exactly",
            "far-right",
            "😀",
            "\u{301}",
            "x",
            "abcdefgh",
            "let’s",
            "\u{2014}",
            "ª",
        ];
        let mut rng = crate::annotate::word::XorShift(0x9e37_79b9_7f4a_7c15);
        let mut texts = texts();
        texts.extend((0..3000).map(|_| rng.text(&pieces, 40, true)));
        texts.extend((0..3000).map(|_| rng.text(&pieces, 40, false)));
        let mut found = 0;
        for text in &texts {
            let (mut fast, mut slow) = (Vec::new(), Vec::new());
            lex.for_each_hit(text, |h| fast.push(h));
            lex.for_each_hit_bytewise(text, |h| slow.push(h));
            assert_eq!(fast, slow, "{text}");
            found += fast.len();
        }
        assert!(found > 10_000, "{found}");
    }

    /// The built-in entries as removing each replaced one made them.
    #[test]
    fn builtin_entries_replace_as_retain_did() {
        let mut want: Vec<Entry> = Vec::new();
        for (name, contents) in BUILTIN {
            for line in parse(name, contents).unwrap() {
                if let Line::Add(e) = line {
                    want.retain(|old| old.term != e.term);
                    want.push(e);
                }
            }
        }
        assert_eq!(builtin_entries(), want);
    }

    /// Skipping quoted ranges loses no hit that starts outside them.
    #[test]
    fn hits_outside_quotes_survive_the_skip() {
        let lex = Lexicon::builtin();
        let pieces = [
            "so-called",
            "we know",
            "said",
            "slammed",
            "we",
            "we’ll see",
            "’",
            "'",
            "“",
            "”",
            "\"",
            "»",
            "é",
            " ",
            ",",
            "the",
            "in my view",
            "not exactly",
            "let’s",
            "scam",
            "abcdefghij",
            "far-right",
            "9",
            "_",
        ];
        let mut rng = crate::annotate::word::XorShift(0x2545_f491_4f6c_dd1d);
        let mut skipped = 0;
        for _ in 0..4000 {
            let text = rng.text(&pieces, 60, true);
            let offset = (rng.next() % 50) as usize;
            let bounds: Vec<usize> = (0..=text.len())
                .filter(|&i| text.is_char_boundary(i))
                .collect();
            // Sorted, disjoint document ranges, some reaching past the text.
            let mut quoted = Vec::new();
            let mut at = 0;
            while at < bounds.len() {
                let a = at + (rng.next() % 12) as usize;
                let b = a + 1 + (rng.next() % 30) as usize;
                let pos = |i: usize| offset + bounds.get(i).copied().unwrap_or(text.len() + 3);
                quoted.push(pos(a)..pos(b));
                at = b + 1;
            }
            let outside = |h: &Hit| !quoted.iter().any(|r| r.contains(&(offset + h.start)));
            let (mut want, mut got) = (Vec::new(), Vec::new());
            lex.for_each_hit(&text, |h| want.push(h));
            lex.for_each_hit_outside(&text, offset, &quoted, |h| got.push(h));
            skipped += want.len() - got.len();
            want.retain(outside);
            got.retain(outside);
            assert_eq!(got, want, "{text:?} {offset} {quoted:?}");
        }
        assert!(skipped > 100, "{skipped}");
    }

    #[test]
    fn a_failed_long_match_does_not_hide_a_short_one() {
        let lex = Lexicon::builtin();
        assert_eq!(hits(&lex, "The leftist council."), ["leftist"]);
    }

    #[test]
    fn word_boundaries_hold() {
        let lex = Lexicon::builtin();
        assert!(hits(&lex, "The scampi was served.").is_empty());
        assert!(hits(&lex, "A mobile phone.").is_empty());
    }

    #[test]
    fn curly_apostrophe_matches_straight_entry() {
        let lex = Lexicon::with_user_file("t.tsv", "we'll see\tauthorial_voice\t1.0\n").unwrap();
        assert_eq!(hits(&lex, "We’ll see."), ["We’ll see"]);
        assert_eq!(hits(&lex, "We'll see."), ["We'll see"]);
    }

    #[test]
    fn verb_forms_cover_regular_patterns() {
        assert_eq!(
            verb_forms("slam"),
            ["slams", "slamed", "slaming", "slammed", "slamming"]
        );
        assert_eq!(verb_forms("cave"), ["caves", "caved", "caving"]);
        assert_eq!(verb_forms("decry"), ["decries", "decried", "decrying"]);
        assert_eq!(verb_forms("blast"), ["blasts", "blasted", "blasting"]);
        assert_eq!(verb_forms("lash"), ["lashes", "lashed", "lashing"]);
    }

    #[test]
    fn user_file_adds_replaces_and_removes() {
        let user = "# newsroom list\n\ngizmo\tloaded_word\t1.5\n-slam\nscam\tloaded_word\t0.25\n";
        let lex = Lexicon::with_user_file("style.tsv", user).unwrap();
        assert_eq!(hits(&lex, "A gizmos budget."), ["gizmos"]);
        assert!(hits(&lex, "They slammed it.").is_empty());
        let scam = lex.entries().iter().find(|e| e.term == "scam").unwrap();
        assert_eq!(scam.weight, 0.25);
        assert_eq!(lex.entries().iter().filter(|e| e.term == "scam").count(), 1);
    }

    #[test]
    fn exact_terms_are_not_inflected() {
        let lex = Lexicon::with_user_file("t.tsv", "good=\tloaded_word\t1\n").unwrap();
        assert_eq!(hits(&lex, "Good news."), ["Good"]);
        assert!(hits(&lex, "Household goods.").is_empty());
        let e = Lexicon::with_user_file("t", "a=b\tloaded_word\t1").unwrap_err();
        assert!(e.to_string().starts_with("t:1: bad term"), "{e}");
    }

    #[test]
    fn stems_extend_to_word_end() {
        let lex = Lexicon::with_user_file("t.tsv", "hypocri*\tloaded_word\t1\n").unwrap();
        assert_eq!(
            hits(&lex, "Such hypocrisy, hypocritical."),
            ["hypocrisy", "hypocritical"]
        );
        assert!(hits(&lex, "a nonhypocrite").is_empty());
    }

    #[test]
    fn malformed_lines_name_file_and_line() {
        let e = Lexicon::with_user_file("terms.tsv", "# ok\nfine\tloaded_word\t1\n\nbad line\n")
            .unwrap_err();
        assert_eq!(
            e.to_string(),
            "terms.tsv:4: expected term<TAB>kind<TAB>weight"
        );
        let e = Lexicon::with_user_file("t", "x\tnonsense\t1").unwrap_err();
        assert!(
            e.to_string().starts_with("t:1: unknown kind `nonsense`"),
            "{e}"
        );
        let e = Lexicon::with_user_file("t", "x\texclamation\t1").unwrap_err();
        assert!(e.to_string().contains("unknown kind"), "{e}");
        let e = Lexicon::with_user_file("t", "x\tloaded_word\theavy").unwrap_err();
        assert_eq!(
            e.to_string(),
            "t:1: weight `heavy` is not a number between -100 and 100"
        );
        let e = Lexicon::with_user_file("t", "x\tloaded_word\tNaN").unwrap_err();
        assert_eq!(e.line, 1);
        let e = Lexicon::with_user_file("t", "\n-\n").unwrap_err();
        assert_eq!(e.to_string(), "t:2: expected a term after `-`");
        let e = Lexicon::with_user_file("t", "x\tloaded_word\t1\textra").unwrap_err();
        assert!(e.to_string().contains("expected term<TAB>kind<TAB>weight"));
        let e = Lexicon::with_user_file("t", "*\tloaded_word\t1").unwrap_err();
        assert!(e.to_string().starts_with("t:1: bad term"), "{e}");
    }

    #[test]
    fn windows_line_endings_are_accepted() {
        let lex = Lexicon::with_user_file("t", "gizmo\tloaded_word\t1.5\r\n").unwrap();
        assert_eq!(hits(&lex, "a gizmo"), ["gizmo"]);
    }
}
