//! The reported_claim rules over the tokens of one sentence.
//!
//! Every window the rules look at is bounded (a few tokens around a cue), so a
//! sentence costs one scan for lexicon words, one tokenisation and O(1) per
//! cue.

use super::lexicon::{
    AUX, BASE, BE, BOUNDARY, DETERMINER, Entry, FIRST_PERSON, ING, IRREGULAR_PAST, LEXICON,
    NOMINATIVE, OBJECT_PRONOUN, PART, PAST, PREPOSITION, S3, TIME, Verb, WH_CLAUSE, adverb_with,
    blocks_verb_with, closed_bits, closed_bits_key, head_before_apostrophe, is_headline_label,
    one_of,
};
use super::tokens::Tok;
use crate::annotate::word::packed_lower_at;
use crate::report::Quote;
use std::cell::Cell;
use std::ops::Range;

/// One cue found in a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub rule: &'static str,
    /// Byte range of the cue.
    pub cue: Range<usize>,
    pub weight: f32,
    /// Byte range of the source phrase, when there is one.
    pub source: Option<Range<usize>>,
}

/// A lexicon word in the text: a byte range and its entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match {
    pub start: usize,
    pub end: usize,
    pub entry: usize,
}

/// The lexicon words among the candidate words of `text[range]`, in text
/// order, into `out` (cleared first). A sentence without any holds no cue.
///
/// Every lexicon word is ASCII letters with inner hyphens, and the rules
/// take a word only when it is exactly one word token (a maximal run of
/// letters and digits with inner joiners). A candidate is a maximal run of
/// ASCII letters with hyphens followed by a letter: every token that is a
/// lexicon word is such a run (the byte before it cannot be a letter or a
/// hyphen after one, as the token would have gone on), so the candidates
/// hold all of them; the rules skip the others (`said` in `x'said`).
pub fn matches(text: &str, range: Range<usize>, out: &mut Vec<Match>) {
    out.clear();
    let lex = &*LEXICON;
    let b = &text.as_bytes()[..range.end];
    let n = b.len();
    let mut i = range.start;
    while i < n {
        if !b[i].is_ascii_alphabetic() {
            i += 1;
            continue;
        }
        let start = i;
        i += 1;
        loop {
            while i < n && b[i].is_ascii_alphabetic() {
                i += 1;
            }
            if i + 1 < n && b[i] == b'-' && b[i + 1].is_ascii_alphabetic() {
                i += 2;
            } else {
                break;
            }
        }
        if let Some(entry) = lex.index_of_run(text.as_bytes(), start, i) {
            out.push(Match {
                start,
                end: i,
                entry,
            });
        }
    }
}

/// Whether a colon lies near the start of `text[range]`, where
/// [`Sent::headline_colon`] looks for `Name: proposition`.
pub fn colon_opener(text: &str, range: Range<usize>) -> bool {
    let b = &text.as_bytes()[range];
    // No early exit: the compiler compares the 64 bytes a vector at a time
    // (a memchr call cost more than the search on a short sentence).
    b[..b.len().min(64)]
        .iter()
        .fold(false, |any, &c| any | (c == b':'))
}

/// How far (in tokens) a rule looks for the clause around an attribution.
/// How many tokens a noun phrase read backwards may span, not counting the
/// dots of abbreviations (`Lt. Col. Aaron Whitcomb of the Oregon National
/// Guard` is nine). The limit also keeps a long run of unknown words (a
/// clause without a known verb) from being read as one phrase.
const NP_REACH: usize = 10;

/// How many tokens an aside set off by commas between a reporting verb and
/// its `that` may hold (`insisted, most recently in an interview with a
/// radio station, that …`). A `that` right after a comma is a
/// complementiser, not a relative pronoun, so a long aside is still safe.
const ASIDE: usize = 18;

const WINDOW: usize = 64;

/// Weight of a cue that is a proposition attributed to a source.
pub const CLAIM: f32 = 1.0;
/// Weight of a reporting verb used for an event (a plain object or none).
pub const EVENT: f32 = 0.4;
/// Weight of `in a statement`: the sentence reports the statement only when
/// indirect speech goes with it (`In a statement, X said: "…"` is a quote).
pub const SETTING: f32 = 0.5;

/// What follows a reporting verb.
#[derive(Debug, Clone, PartialEq)]
enum Comp {
    /// A content clause (`that …`, `he would …`, `whether …`).
    Clause,
    /// A to-infinitive (`vowed to`, `urged them to`).
    Infinitive,
    /// A full direct quote: the verb is only the quote's attribution.
    Direct,
    /// A quotation embedded in the writer's syntax (`said “tough” steps …`).
    Partial,
    /// Object plus a name or label (`called the bill a disgrace`).
    Naming,
    /// A noun phrase object (token range); `content` for `called for …`.
    Object(Range<usize>, bool),
    /// Nothing: the sentence or clause ends, or a comma follows.
    End,
}

/// One sentence's tokens and the direct-quote cues the quote detector found.
pub struct Sent<'t> {
    pub text: &'t str,
    pub toks: &'t [Tok],
    /// Cue spans of full (non-partial) direct quotes in this sentence.
    pub direct_cues: DirectCues<'t>,
    /// A headline in title case: capitalised verbs are verbs (`Graham Says`).
    title_case: bool,
    /// What the word lookups found for each word of the sentence.
    memo: &'t Memo,
}

/// Where the cues of a sentence's full (non-partial) direct quotes are.
#[derive(Clone, Copy)]
pub enum DirectCues<'t> {
    /// The sentence's quotes, as the quote detector found them: read only
    /// when a verb is about to count (most sentences never get there).
    Quotes(&'t [Quote<'t>]),
    /// The cue spans themselves.
    #[cfg(test)]
    Ranges(&'t [Range<usize>]),
}

impl DirectCues<'_> {
    fn contains(&self, cue: &Range<usize>) -> bool {
        match self {
            DirectCues::Quotes(quotes) => quotes
                .iter()
                .filter(|q| !q.partial)
                .filter_map(|q| q.cue_span.map(|c| c.range()))
                .any(|c| c == *cue),
            #[cfg(test)]
            DirectCues::Ranges(ranges) => ranges.contains(cue),
        }
    }
}

/// The closed lists and lexicon entry of the words of one sentence, keyed by
/// their byte offset and length: the rules ask about the same few words
/// again and again (`is_aux`, `is_adverb`, … of the word before a verb), and
/// each answer is one hash lookup the first time only.
///
/// A slot is a `u64`: the closed-list bits (bits 0..16), whether they are
/// known (bit 16) and whether the entry is (bit 17), the entry index plus
/// one (bits 18..32, 0 for none), the word's length (bits 32..48) and the
/// sentence's stamp (bits 48..64). A slot of another stamp or length is
/// empty: a new sentence costs no clearing, only a new stamp.
#[derive(Default)]
pub struct Memo {
    slots: Vec<Cell<u64>>,
    /// Byte offset of the sentence in the text, and its length.
    base: usize,
    len: usize,
    /// The current sentence's stamp (never 0, which fresh slots hold).
    stamp: u64,
}

const CLOSED_KNOWN: u64 = 1 << 16;
const ENTRY_KNOWN: u64 = 1 << 17;
const ENTRY_SHIFT: u32 = 18;
const ENTRY_MASK: u64 = (1 << 14) - 1;

impl Memo {
    /// Forgets every word and makes room for the sentence `text[range]`.
    pub fn reset(&mut self, range: Range<usize>) {
        self.base = range.start;
        self.len = range.len();
        self.stamp = (self.stamp + 1) & 0xffff;
        if self.stamp == 0 {
            // Every stamp used: empty the slots for real, once in 65,535.
            self.slots.iter_mut().for_each(|c| *c.get_mut() = 0);
            self.stamp = 1;
        }
        if self.slots.len() < self.len {
            self.slots.resize(self.len, Cell::new(0));
        }
    }

    /// The slot of `w` (a slice of `text`), its value (emptied when it held
    /// another word at the same offset or was of an earlier sentence) and
    /// the offset of `w` in `text`; `None` for a word outside the sentence
    /// or too long to key.
    #[inline]
    fn slot(&self, text: &str, w: &str) -> Option<(&Cell<u64>, u64, usize)> {
        let at = (w.as_ptr() as usize).wrapping_sub(text.as_ptr() as usize);
        let off = at.wrapping_sub(self.base);
        if off >= self.len || w.len() > 0xffff {
            return None;
        }
        let cell = self.slots.get(off)?;
        let tag = self.stamp << 16 | w.len() as u64;
        let v = cell.get();
        Some(if v >> 32 == tag {
            (cell, v, at)
        } else {
            (cell, tag << 32, at)
        })
    }
}

impl<'t> Sent<'t> {
    /// `memo` must have been [reset](Memo::reset) for this sentence.
    pub fn new(
        text: &'t str,
        toks: &'t [Tok],
        direct_cues: DirectCues<'t>,
        memo: &'t Memo,
    ) -> Sent<'t> {
        let (mut words, mut caps) = (0, 0);
        for t in toks.iter().filter(|t| t.is_word()) {
            words += 1;
            caps += usize::from(t.cap);
        }
        Sent {
            text,
            toks,
            direct_cues,
            title_case: words >= 3 && caps * 10 >= words * 7,
            memo,
        }
    }

    /// The closed lists `w` is on ([`closed_bits`]), looked up once per word.
    #[inline(always)]
    fn closed(&self, w: &str) -> u32 {
        let Some((cell, v, at)) = self.memo.slot(self.text, w) else {
            return closed_bits(w);
        };
        if v & CLOSED_KNOWN != 0 {
            return v as u32 & 0xffff;
        }
        self.closed_first(cell, v, at, w.len())
    }

    /// [`Sent::closed`] of a word not yet looked up: `text[at..at + len]`,
    /// whose slot holds `v`. Kept out of line, so that the answers from the
    /// memo stay small enough to inline.
    #[inline(never)]
    fn closed_first(&self, cell: &Cell<u64>, v: u64, at: usize, len: usize) -> u32 {
        let bits = closed_bits_key(packed_lower_at(self.text.as_bytes(), at, len));
        cell.set(v | CLOSED_KNOWN | u64::from(bits));
        bits
    }

    /// The lexicon entry of `w` ([`Lexicon::entry_of`]), looked up once per word.
    ///
    /// [`Lexicon::entry_of`]: super::lexicon::Lexicon::entry_of
    #[inline]
    fn entry(&self, w: &str) -> Option<&'static Entry> {
        let lex = &*LEXICON;
        let Some((cell, v, at)) = self.memo.slot(self.text, w) else {
            return lex.entry_of(w);
        };
        let index = if v & ENTRY_KNOWN != 0 {
            (v >> ENTRY_SHIFT & ENTRY_MASK) as usize
        } else {
            self.entry_first(cell, v, at, w.len())
        };
        index.checked_sub(1).map(|i| &lex.entries[i])
    }

    /// [`Sent::entry`] of a word not yet looked up (as [`Sent::closed_first`]):
    /// its index plus one, 0 for none.
    #[inline(never)]
    fn entry_first(&self, cell: &Cell<u64>, v: u64, at: usize, len: usize) -> usize {
        let index = LEXICON
            .index_of_at(self.text.as_bytes(), at, len)
            .map_or(0, |i| i + 1);
        cell.set(v | ENTRY_KNOWN | (index as u64) << ENTRY_SHIFT);
        index
    }

    #[inline]
    fn is_determiner(&self, w: &str) -> bool {
        self.closed(w) & DETERMINER != 0
    }

    #[inline]
    fn is_preposition(&self, w: &str) -> bool {
        self.closed(w) & PREPOSITION != 0
    }

    #[inline]
    fn is_aux(&self, w: &str) -> bool {
        self.closed(w) & AUX != 0
    }

    #[inline]
    fn is_be(&self, w: &str) -> bool {
        self.closed(w) & BE != 0
    }

    #[inline]
    fn is_object_pronoun(&self, w: &str) -> bool {
        self.closed(w) & OBJECT_PRONOUN != 0
    }

    #[inline]
    fn is_wh_clause(&self, w: &str) -> bool {
        self.closed(w) & WH_CLAUSE != 0
    }

    #[inline]
    fn is_boundary_word(&self, w: &str) -> bool {
        self.closed(w) & BOUNDARY != 0
    }

    #[inline]
    fn is_time_word(&self, w: &str) -> bool {
        self.closed(w) & TIME != 0
    }

    #[inline]
    fn is_nominative(&self, w: &str) -> bool {
        self.closed(head_before_apostrophe(w)) & NOMINATIVE != 0
    }

    #[inline]
    fn is_first_person(&self, w: &str) -> bool {
        self.closed(head_before_apostrophe(w)) & FIRST_PERSON != 0
    }

    #[inline]
    fn blocks_verb(&self, w: &str) -> bool {
        blocks_verb_with(w, self.closed(w))
    }

    #[inline]
    fn is_adverb(&self, w: &str) -> bool {
        adverb_with(w, self.closed(w))
    }

    #[inline]
    fn word(&self, i: usize) -> Option<&'t str> {
        self.toks
            .get(i)
            .filter(|t| t.is_word())
            .map(|t| t.text(self.text))
    }

    #[inline]
    fn punct(&self, i: usize) -> Option<char> {
        self.toks.get(i).and_then(|t| t.punct)
    }

    #[inline]
    fn span(&self, first: usize, last: usize) -> Range<usize> {
        self.toks[first].start..self.toks[last].end
    }

    #[inline]
    fn lower_word(&self, i: usize) -> Option<&'t str> {
        self.word(i).filter(|_| !self.toks[i].cap)
    }

    /// All cues of the sentence, in text order.
    #[cfg(test)]
    pub fn analyse(&self, out: &mut Vec<Hit>) {
        let mut found = Vec::new();
        if let (Some(first), Some(last)) = (self.toks.first(), self.toks.last()) {
            matches(self.text, first.start..last.end, &mut found);
        }
        self.analyse_matches(&found, out);
        self.headline_colon(out);
    }

    /// All cues of the sentence, in text order, from the lexicon's
    /// [`matches`] over the sentence (its tokens and the blanks around them:
    /// no entry holds a blank, so the matches are those of its tokens).
    pub fn analyse_matches(&self, found: &[Match], out: &mut Vec<Hit>) {
        out.clear();
        if self.toks.is_empty() {
            return;
        }
        let lex = &*LEXICON;
        for &Match {
            start: s,
            end: e,
            entry,
        } in found
        {
            // Whole words only: the match must be exactly one token.
            let Ok(k) = self.toks.binary_search_by_key(&s, |t| t.start) else {
                continue;
            };
            let tok = self.toks[k];
            if tok.end != e || tok.quoted || !tok.is_word() {
                continue;
            }
            let entry = &lex.entries[entry];
            let before = out.len();
            if entry.hedge {
                out.push(Hit {
                    rule: "hedge",
                    cue: s..e,
                    weight: CLAIM,
                    source: None,
                });
                continue;
            }
            if entry.according {
                self.according(k, out);
                continue;
            }
            if entry.attitude && entry.verb.is_none() {
                self.attitude(k, out);
                continue;
            }
            if let Some((v, forms)) = entry.verb {
                let nounlike = entry.noun || entry.document;
                self.verb(k, &lex.verbs[v], forms, nounlike, out);
            }
            if out.len() == before && entry.noun {
                self.claim_noun(k, out);
            }
            if out.len() == before && entry.document {
                self.in_statement(k, out);
            }
        }
    }

    /// `Pence: Flowers Won’t Be at Debate`, `New poll: Voters Abandon …`:
    /// a headline that credits its proposition to the speaker or the
    /// document named before a colon at the start of the sentence. The
    /// opener is a name of up to three capitalised words, or a few words
    /// ending in a document noun (`poll`, `study`); not a section label
    /// (`Update:`, `Editor's Note:`), a phrase in title case (`Stealth Over
    /// Health:`), a shouted label or transcript speaker (`WARNING:`,
    /// `PENCE:`), a verb (`Said Ellis: “…”`) or a date. After the colon a
    /// clause of three words or more opens with a capital, outside quotes,
    /// and the sentence is no question.
    pub fn headline_colon(&self, out: &mut Vec<Hit>) {
        let toks = self.toks;
        let Some(colon) = toks.iter().take(8).position(|t| t.punct == Some(':')) else {
            return;
        };
        if colon == 0
            || toks[0].quoted
            || !toks[0].cap
            || toks.last().is_some_and(|t| t.punct == Some('?'))
        {
            return;
        }
        let document = self.is_document(colon - 1);
        let mut words = 0;
        for (i, &t) in toks.iter().enumerate().take(colon) {
            let Some(w) = self.word(i) else {
                if self.is_abbrev_dot(i) {
                    continue; // `Sen. Warren:`
                }
                return;
            };
            words += 1;
            let shouted = w.len() > 1 && !w.chars().any(char::is_lowercase);
            if t.quoted
                || shouted
                || is_headline_label(w)
                || self.is_time_word(w)
                || w.starts_with(|c: char| c.is_ascii_digit())
            {
                return;
            }
            let name_word = t.cap
                && !self.is_determiner(w)
                && !self.is_preposition(w)
                && !self.is_nominative(w)
                && !one_of(w, &["and", "or", "but", "not", "all"]);
            // A name has no function word and no verb (`Said Ellis:`); a
            // document may have a determiner or modifiers (`A new poll:`).
            let ok = if document {
                i + 1 == colon || self.verb_forms(w).is_none()
            } else {
                name_word && self.verb_forms(w).is_none()
            };
            if !ok {
                return;
            }
        }
        if words == 0 || words > if document { 4 } else { 3 } {
            return;
        }
        let after = colon + 1;
        let opens = toks
            .get(after)
            .is_some_and(|t| t.is_word() && t.cap && !t.quoted);
        let rest_words = toks[after..]
            .iter()
            .filter(|t| t.is_word() && !t.quoted)
            .take(3)
            .count();
        if !opens || rest_words < 3 {
            return;
        }
        let source = Some(self.span(0, colon - 1));
        out.push(self.hit("headline_colon", colon, colon, CLAIM, source));
    }

    fn first_word(&self) -> Option<usize> {
        self.toks.iter().position(|t| t.is_word())
    }

    /// A content clause's finite verb at `m` (after at least one subject word).
    fn finite(&self, m: usize) -> bool {
        let Some(w) = self.lower_word(m) else {
            return false;
        };
        // One lookup per word for all its closed classes.
        if self.closed(w) & (AUX | IRREGULAR_PAST) != 0 {
            return true;
        }
        let prev = m.checked_sub(1).and_then(|p| self.word(p));
        if prev.is_some_and(|p| {
            self.closed(p) & (DETERMINER | PREPOSITION) != 0
                || one_of(p, &["more", "most", "less", "very", "so", "too", "as"])
        }) {
            return false;
        }
        if w.len() > 4 && w.ends_with("ed") {
            // `a newly created role`: an adjective after article + adverb
            let adjective = prev.is_some_and(|w| self.is_adverb(w))
                && m.checked_sub(2)
                    .and_then(|p| self.word(p))
                    .is_some_and(|w| self.is_determiner(w));
            return !adjective;
        }
        self.verb_forms(w).is_some_and(|f| f & (S3 | PAST) != 0)
    }

    /// The verb forms a word has in the lexicon.
    #[inline]
    fn verb_forms(&self, w: &str) -> Option<u8> {
        self.entry(w)?.verb.map(|(_, f)| f)
    }

    /// True when every word token in `range` lies inside quotation marks.
    fn all_quoted(&self, range: Range<usize>) -> bool {
        let mut any = false;
        for t in &self.toks[range] {
            if t.is_word() {
                if !t.quoted {
                    return false;
                }
                any = true;
            }
        }
        any
    }

    fn has_finite(&self, range: Range<usize>) -> bool {
        range.clone().skip(1).any(|m| self.finite(m))
    }

    fn is_abbrev_dot(&self, i: usize) -> bool {
        if self.punct(i) != Some('.') || i == 0 || i + 1 >= self.toks.len() {
            return false;
        }
        let prev = self.word(i - 1);
        if self.toks[i - 1].cap && prev.is_some_and(|p| p.len() <= 4) {
            return true;
        }
        // the closing dot of `a.m.` and `p.m.` (one token `a.m`)
        prev.is_some_and(|p| p.eq_ignore_ascii_case("a.m") || p.eq_ignore_ascii_case("p.m"))
    }

    /// The noun phrase that ends at token `end` (inclusive), walking left:
    /// `(first, last)` token indices, or None.
    fn np_back(&self, end: usize) -> Option<(usize, usize)> {
        if let Some(w) = self.word(end)
            && (self.is_nominative(w) || one_of(w, &["it", "who", "which", "you"]))
        {
            return Some((end, end));
        }
        let mut j = end as isize;
        let mut first = None;
        let mut last_conjunct = None;
        let mut dots = 0;
        while j >= 0 && (end - j as usize) - dots < NP_REACH {
            let i = j as usize;
            if self.is_abbrev_dot(i) && i != end {
                dots += 1;
            }
            if let Some(w) = self.word(i) {
                let lower = !self.toks[i].cap;
                let c = self.closed(w);
                if let Some(after) = first
                    && w == "and"
                    && self.np_after_and(after, end)
                    && self.np_before_and(i)
                {
                    // `Officials in Ohio and Texas`, `The mayor and the
                    // governor`: one phrase, not its last conjunct.
                    last_conjunct = first;
                    j -= 1;
                    continue;
                }
                if c & (BOUNDARY | AUX) != 0
                    || self.is_nominative(w)
                    || (c & TIME != 0 && i != end)
                    || (lower
                        && i != end
                        && (c & IRREGULAR_PAST != 0 || self.verb_forms(w).is_some()))
                {
                    break;
                }
                if c & PREPOSITION != 0 {
                    let left_ok =
                        i > 0 && self.word(i - 1).is_some_and(|p| !self.is_boundary_word(p));
                    if !left_ok || first.is_none() {
                        break;
                    }
                }
                first = Some(i);
            } else if !(self.is_abbrev_dot(i) && (i != end || i > 0 && self.toks[i - 1].cap)) {
                break;
            }
            j -= 1;
        }
        let mut first = first?;
        let cut_short = j >= 0 && (end - j as usize) - dots >= NP_REACH;
        if last_conjunct.is_some()
            && (cut_short || (first > 0 && self.punct(first - 1) == Some(',')))
        {
            // `ads, mailers and phone calls`: the end of a list, of which
            // only the last item is taken; and a phrase too long to see
            // whole keeps its last conjunct only.
            first = last_conjunct?;
        }
        while first <= end && self.word(first).is_some_and(|w| self.is_preposition(w)) {
            first += 1;
        }
        (first <= end).then_some((first, end))
    }

    /// Whether the tokens `first..=end` after an `and` look like a noun
    /// phrase: no lower-case word that may be a verb (`-ing`, `-ed`), no
    /// pronoun object, and no adverb first (`… and almost immediately`).
    fn np_after_and(&self, first: usize, end: usize) -> bool {
        (first..=end).all(|x| match self.lower_word(x) {
            None => true,
            Some(w) => {
                !w.ends_with("ing")
                    && !w.ends_with("ed")
                    && !self.is_object_pronoun(w)
                    && !one_of(w, &["it", "them", "him", "her", "us", "me"])
                    && !(x == first
                        && (self.is_adverb(w)
                            || w.ends_with("ly")
                            || one_of(
                                w,
                                &[
                                    "almost", "also", "then", "still", "just", "even", "never",
                                    "often", "soon",
                                ],
                            )))
            }
        })
    }

    /// Whether the words before the `and` at `i` form a short noun phrase
    /// of their own that the phrase after `and` can join: `Smith and
    /// Jones`, `Federal and state officials`, `The mayor and the governor`,
    /// `Mr. King and Mr. Schultz`. At most five tokens: capitalised words,
    /// determiners, abbreviation dots and one lower-case noun right before
    /// `and`, with a clear start before them (the sentence start, a mark,
    /// a closed-class word or a known verb). In `… mishandled the inquiry
    /// and Democrats` the unknown `mishandled` is no clear start: only
    /// `Democrats` is taken.
    fn np_before_and(&self, i: usize) -> bool {
        let mut p = i;
        for _ in 0..5 {
            let Some(q) = p.checked_sub(1) else {
                return p < i;
            };
            p = q;
            let Some(w) = self.word(p) else {
                if self.is_abbrev_dot(p) {
                    continue;
                }
                return p + 1 < i;
            };
            if self.toks[p].cap {
                if self.is_nominative(w) {
                    return false;
                }
                if self.is_boundary_word(w) {
                    return p + 1 < i; // `But Mr. Ruiz and …`
                }
                continue;
            }
            if self.is_determiner(w) && p + 1 < i {
                continue;
            }
            let c = self.closed(w);
            if p + 1 == i {
                // the lower-case noun right before `and`
                if c != 0 || self.verb_forms(w).is_some() || w.ends_with("ly") {
                    return false;
                }
                continue;
            }
            return c != 0 || self.verb_forms(w).is_some();
        }
        false
    }

    /// The noun phrase starting at token `start`, walking right.
    fn np_forward(&self, start: usize) -> Option<(usize, usize)> {
        let mut last = None;
        let mut i = start;
        while i < self.toks.len() && i - start < 10 {
            let t = self.toks[i];
            if let Some(w) = self.word(i) {
                let c = self.closed(w);
                if c & (BOUNDARY | AUX) != 0 || t.quoted {
                    break;
                }
                if i > start && c & (PREPOSITION | TIME) != 0 {
                    let next_ok = self
                        .word(i + 1)
                        .is_some_and(|n| self.is_determiner(n) || self.toks[i + 1].cap);
                    if !next_ok
                        || c & TIME != 0
                        || self.word(i + 1).is_some_and(|w| self.is_time_word(w))
                    {
                        break;
                    }
                }
                if i > start && self.finite(i) && !t.cap {
                    break;
                }
                last = Some(i);
            } else if self.punct(i) == Some('&')
                && i > start
                && self.toks[i - 1].cap
                && self.toks.get(i + 1).is_some_and(|t| t.cap)
            {
                // `Hollis & Crane analyst Priya Castellanos`
            } else if !(i > start && self.is_abbrev_dot(i)) {
                break;
            }
            i += 1;
        }
        last.map(|l| (start, l))
    }

    /// The subject of the verb at `k`: its token range, or None.
    fn subject(&self, k: usize) -> Option<(usize, usize)> {
        let mut j = k.checked_sub(1)?;
        if self.name_suffix(j).is_some() || self.is_abbrev_dot(j) {
            // `Sen. Ana Ruiz (D-Ore.) said`, `Walter T. Quill, Jr. said`,
            // `Lakemont Foods Inc. said`
            return self.named_np_back(j);
        }
        loop {
            let w = self.word(j)?;
            let c = self.closed(w);
            let skip = (c & AUX != 0 || adverb_with(w, c) || (c & BE != 0 && j + 1 < k))
                && !self.toks[j].cap;
            if !skip {
                break;
            }
            j = j.checked_sub(1)?;
        }
        self.np_back(j)
    }

    /// [`Sent::np_back`] for a phrase that may end in a name's suffix
    /// ([`Sent::name_suffix`]) or an abbreviation (`Inc.`): the suffix is
    /// kept in the phrase, which must then open with a capital.
    fn named_np_back(&self, j: usize) -> Option<(usize, usize)> {
        match self.name_suffix(j) {
            Some((before, last)) => {
                let (f, _) = self.np_back(before)?;
                self.toks[f].cap.then_some((f, last))
            }
            None if self.is_abbrev_dot(j) => {
                let (f, l) = self.np_back(j)?;
                (self.toks[f].cap && l == j).then_some((f, l))
            }
            None => self.np_back(j),
        }
    }

    /// The person a run of appositions ending at token `end` describes:
    /// `Adam Schiff, 56,` (an age), `Ana Ruiz, president of the union,` (a
    /// lower-case title), `Donna Reyes, 59, of Ashton, Md.,` (a hometown,
    /// with its state). At most four appositions are stepped over.
    fn person_before(&self, mut end: usize) -> Option<(usize, usize)> {
        for _ in 0..4 {
            let comma_before = |i: usize| i >= 2 && self.punct(i - 1) == Some(',');
            if self
                .word(end)
                .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_digit()))
                && comma_before(end)
            {
                end -= 2; // an age
                continue;
            }
            let (f, l) = self.named_np_back(end)?;
            if f.checked_sub(1).and_then(|p| self.lower_word(p)) == Some("of")
                && comma_before(f - 1)
            {
                end = f - 3; // `, of Ashton`
                continue;
            }
            if self.toks[f].cap
                && comma_before(f)
                && f >= 5
                && self.lower_word(f - 3) == Some("of")
                && self.punct(f - 4) == Some(',')
                && self.toks[f - 2].cap
            {
                end = f - 5; // `, of Ashton, Md.`
                continue;
            }
            if !self.toks[f].cap && comma_before(f) {
                // the name before a title
                return self
                    .named_np_back(f - 2)
                    .filter(|&(nf, _)| self.toks[nf].cap);
            }
            return Some((f, l));
        }
        None
    }

    /// A party and state in brackets (`(D-Ore.)`) or `, Jr.` / `, Sr.`
    /// ending at token `j`, right after a name: the index of the name's last
    /// token and `j`.
    fn name_suffix(&self, j: usize) -> Option<(usize, usize)> {
        if self.punct(j) == Some(')') {
            let open = (j.saturating_sub(8)..j)
                .rev()
                .find(|&i| self.punct(i) == Some('('))?;
            let before = open.checked_sub(1)?;
            return (self.toks[before].cap && self.word(before).is_some()).then_some((before, j));
        }
        if self.is_abbrev_dot(j)
            && j >= 3
            && self.word(j - 1).is_some_and(|w| one_of(w, &["jr", "sr"]))
            && self.punct(j - 2) == Some(',')
            && self.toks[j - 3].cap
        {
            return Some((j - 3, j));
        }
        None
    }

    /// The last token before `k` that is not a lower-case auxiliary or
    /// adverb (`has`, `long` in `… has long said`): a mark or another word.
    fn before_aux(&self, k: usize) -> Option<usize> {
        let mut j = k.checked_sub(1)?;
        while let Some(w) = self.word(j) {
            let c = self.closed(w);
            if !((c & AUX != 0 || adverb_with(w, c)) && !self.toks[j].cap) {
                break;
            }
            j = j.checked_sub(1)?;
        }
        Some(j)
    }

    /// `Ana Ruiz, the city engineer, said …`: the name before an appositive
    /// set off by commas right before the verb at `k`.
    fn appositive_subject(&self, k: usize) -> Option<(usize, usize)> {
        // The verb may come after auxiliaries and adverbs (`…, have long
        // said`).
        let close = Some(self.before_aux(k)?).filter(|&c| self.punct(c) == Some(','))?;
        if let Some(open) = self.examples_aside(close) {
            // `Many experts, including Ana Ruiz, have said …`
            return self.np_back(open.checked_sub(1)?);
        }
        if let Some(open) = (close.saturating_sub(16)..close).rev().find(|&i| {
            self.punct(i) == Some(',')
                && self
                    .lower_word(i + 1)
                    .is_some_and(|w| one_of(w, &["who", "which"]))
        }) {
            // `Rep. Ana Ruiz (D-Calif.), who chairs the panel, said …`
            return self.person_before(open.checked_sub(1)?);
        }
        let (af, _) = self.np_back(close.checked_sub(1)?)?;
        let opener = self.word(af)?;
        if self.toks[af].cap && !self.is_determiner(opener) {
            return None; // `The plan is dead, said Smith`: not an apposition
        }
        let open = af.checked_sub(1).filter(|&c| self.punct(c) == Some(','))?;
        let (nf, nl) = self.np_back(open.checked_sub(1)?)?;
        let name = self.word(nf)?;
        (self.toks[nf].cap || self.is_nominative(name)).then_some((nf, nl))
    }

    /// `Ana Ruiz toured the site and expects it to reopen`: a verb after
    /// `and` shares the subject of the sentence's first finite verb, when
    /// that subject opens the sentence. Not a gerund (`… and regarding the
    /// law`), and not after `but`, which as often joins a new clause
    /// without its subject (`The fear remained but found new targets`).
    fn coordinated_subject(&self, k: usize) -> Option<(usize, usize)> {
        if self.word(k).is_none_or(|w| w.ends_with("ing")) {
            return None;
        }
        let j = self.before_aux(k)?;
        if self.lower_word(j) != Some("and") {
            return None;
        }
        let first = self.first_word()?;
        if self.word(first).is_some_and(|w| self.is_preposition(w)) {
            return None;
        }
        // The first finite verb of the sentence and its subject, which must
        // be what the sentence opens with.
        let verb = (first + 1..j).find(|&v| {
            self.lower_word(v)
                .is_some_and(|w| self.is_aux(w) || self.finite(v))
        })?;
        // The `and` joins the main verb, not one of a relative clause
        // (`the video has become a focus for crowds, who marched and …`).
        let relative = (verb..j).any(|x| {
            self.lower_word(x)
                .is_some_and(|w| one_of(w, &["who", "which", "whom", "whose"]))
        });
        let (f, mut l) = self.subject(verb)?;
        // `The council on Friday made …`: the time is not the subject's.
        if l >= f + 2
            && self.word(l).is_some_and(|w| self.is_time_word(w))
            && self.word(l - 1).is_some_and(|w| self.is_preposition(w))
        {
            l -= 2;
        }
        (f == first && !relative).then_some((f, l))
    }

    /// The comma that opens an aside of examples closed by the comma at
    /// `close` (`, including Ana Ruiz,`, `, like the mayor,`, `, such as
    /// …,`), at most ten tokens before it.
    fn examples_aside(&self, close: usize) -> Option<usize> {
        (close.saturating_sub(10)..close).rev().find(|&i| {
            self.punct(i) == Some(',')
                && self.lower_word(i + 1).is_some_and(|w| {
                    one_of(w, &["including", "like", "notably", "especially"])
                        || (w == "such" && self.lower_word(i + 2) == Some("as"))
                })
        })
    }

    fn source_range(&self, np: Option<(usize, usize)>) -> Option<Range<usize>> {
        np.filter(|(f, l)| f <= l).map(|(f, l)| self.span(f, l))
    }

    /// The head of a subject: the last word before a preposition.
    fn head_of(&self, (f, l): (usize, usize)) -> usize {
        (f + 1..=l)
            .find(|&i| self.word(i).is_some_and(|w| self.is_preposition(w)))
            .map_or(l, |i| i - 1)
    }

    fn is_document(&self, i: usize) -> bool {
        self.word(i)
            .is_some_and(|w| self.entry(w).is_some_and(|e| e.document))
    }

    /// Whether the word at `k` can be the verb it is spelled as: not a
    /// name, noun or adjective (`the claims`, `battleground states`, `court
    /// ruling`), nor an infinitive or gerund that reports nothing said
    /// (`to disclose`, `without knowing`).
    fn verb_position(&self, k: usize, v: &Verb, forms: u8, nounlike: bool) -> Option<Position> {
        let tok = self.toks[k];
        let w = tok.text(self.text);
        if tok.cap && Some(k) != self.first_word() && !self.title_case {
            return None;
        }
        if w.len() > 1 && !w.chars().any(char::is_lowercase) {
            return None; // `WARNING:`
        }
        let mut position = Position::Finite;
        let prev = k.checked_sub(1).and_then(|p| self.word(p));
        let next = self.word(k + 1);
        if let Some(p) = prev {
            if self.blocks_verb(p) {
                return None;
            }
            let c = self.closed(p);
            let lower_noun = !self.toks[k - 1].cap
                && !self.is_nominative(p)
                && c & (AUX | BE | BOUNDARY | OBJECT_PRONOUN | PREPOSITION) == 0
                && !adverb_with(p, c)
                && !one_of(p, &["it", "who", "which", "you"]);
            if forms & (PAST | PART) == 0 && p.starts_with(|c: char| c.is_ascii_digit()) {
                return None; // `a 4-4 ruling`
            }
            if forms & ING != 0 && forms & !ING == 0 {
                if self.is_preposition(p) {
                    position = Position::Unsaid; // `by telling them that`, `without knowing`
                }
            } else if p.eq_ignore_ascii_case("to") && forms & BASE != 0 {
                // `to disclose`, `has yet to explain why`; but `seemed to
                // think …`, `appeared to blame …` report what was thought or said.
                if !self.raising(k) {
                    position = Position::Unsaid;
                }
            } else if self.is_preposition(p) {
                return None;
            }
            if nounlike
                && forms & (PAST | PART | ING) == 0
                && lower_noun
                && next.is_some_and(|n| self.is_preposition(n) || self.is_aux(n))
            {
                return None; // `medical claims on-air`
            }
        }
        if forms & (PAST | PART | ING) == 0
            && next.is_some_and(|n| self.is_aux(n) && !self.toks[k + 1].cap)
            && !(k > 0 && self.toks[k - 1].cap && Some(k - 1) != self.first_word())
        {
            return None; // `Health worries have dogged …`
        }
        if forms == BASE
            && position == Position::Finite
            && !v.has('k')
            && !self.base_has_subject(k)
            && !self.strong_clause(k)
        {
            return None;
        }
        Some(position)
    }

    /// A reporting or cognition verb at token `k`.
    fn verb(&self, k: usize, v: &Verb, forms: u8, nounlike: bool, out: &mut Vec<Hit>) {
        let tok = self.toks[k];
        let prev = k.checked_sub(1).and_then(|p| self.word(p));
        if forms & PART != 0
            && prev.is_some_and(|w| self.is_determiner(w))
            && one_of(
                v.lemma,
                &["allege", "rumor", "report", "suppose", "purport"],
            )
        {
            out.push(self.hit("hedge", k, k, CLAIM, None));
            return;
        }
        if forms & PART != 0
            && v.speech
            && prev.is_some_and(|p| p.eq_ignore_ascii_case("as"))
            && self.word(k + 1).is_some_and(|w| one_of(w, &["in", "by"]))
        {
            // `As stated in Davis' commentary, …`, `as reported by Reuters`
            let source = self.source_range(self.np_forward(k + 2));
            out.push(self.hit("speech_verb_trailing", k - 1, k, CLAIM, source));
            return;
        }
        let Some(position) = self.verb_position(k, v, forms, nounlike) else {
            return;
        };
        let cue = tok.start..tok.end;
        if self.direct_cues.contains(&cue) {
            return;
        }
        if forms & PART != 0
            && let Some(be) = self.be_before(k)
        {
            self.passive(k, be, v, out);
            return;
        }
        let subj = self
            .subject(k)
            .or_else(|| self.appositive_subject(k))
            .or_else(|| self.raising(k).then(|| self.subject(k - 2)).flatten())
            .or_else(|| self.coordinated_subject(k));
        // A gerund's source is only the subject of its `be` (`is saying`):
        // in `Trump avoids condemning …` the phrase before it is no source.
        let gerund = forms == ING && !prev.is_some_and(|w| self.is_be(w));
        if let Some((f, l)) = subj
            && f == l
            && self.is_first_person(self.word(f).unwrap_or(""))
        {
            return; // the writer's own voice
        }
        // A belief held by no one in particular (`wait and see how`, `plans
        // to …`) is no claim; a finite `shows that` after a dash still is.
        let finite_that = forms & (S3 | PAST) != 0
            && self
                .word(k + 1)
                .is_some_and(|w| w.eq_ignore_ascii_case("that"))
            && self.strong_clause(k);
        if subj.is_none() && !v.speech && !finite_that {
            return;
        }
        let comp = self.complement(k, v);
        if position == Position::Unsaid && !(comp == Comp::Clause && self.strong_clause(k)) {
            return; // `to disclose their assets`: nothing was said (yet)
        }
        let doc_subject = subj.is_some_and(|s| self.is_document(self.head_of(s)));
        let source = self.source_range(subj.filter(|_| !gerund));
        let claim = |rule| Hit {
            rule,
            cue: cue.clone(),
            weight: CLAIM,
            source: source.clone(),
        };
        match comp {
            Comp::Direct => {}
            Comp::Clause | Comp::Naming | Comp::Partial | Comp::Object(..) if doc_subject => {
                out.push(claim("statement_says"))
            }
            // `asked whether …`, `asked if …`: a question, not a proposition.
            Comp::Clause if v.lemma == "ask" => {
                out.push(self.hit("speech_verb_object", k, k, EVENT, None))
            }
            Comp::Clause if v.speech => out.push(claim("speech_verb_clause")),
            Comp::Clause => out.push(claim("cognition_clause")),
            // `plans to spend`, `offered to buy`: the subject's own intention
            // or action, not something it said; an event at most.
            Comp::Infinitive if v.has('w') => {
                out.push(self.hit("intention_infinitive", k, k, EVENT, None))
            }
            Comp::Infinitive if v.has('i') => out.push(claim("speech_verb_infinitive")),
            Comp::Naming if v.has('n') => out.push(claim("speech_verb_naming")),
            Comp::Partial => out.push(claim("partial_quote")),
            Comp::Object(..) | Comp::End | Comp::Infinitive | Comp::Naming => {
                self.object_or_trailing(k, v, subj, comp, out)
            }
        }
    }

    /// `seemed to` / `appeared to` right before the verb at `k`.
    fn raising(&self, k: usize) -> bool {
        k >= 2
            && self
                .word(k - 1)
                .is_some_and(|w| w.eq_ignore_ascii_case("to"))
            && self.word(k - 2).is_some_and(|q| {
                one_of(
                    q,
                    &["seem", "seems", "seemed", "appear", "appears", "appeared"],
                )
            })
    }

    /// The complement opens with `that` + a subject, a wh-word or a subject
    /// pronoun (not `a show that aired`).
    fn strong_clause(&self, k: usize) -> bool {
        let mut j = k + 1;
        while self
            .word(j)
            .is_some_and(|w| self.is_adverb(w) || self.is_object_pronoun(w))
        {
            j += 1;
        }
        if self.punct(j) == Some(',') {
            // `insist, most recently in an interview, that …`: a short aside.
            let end = (j + 12).min(self.toks.len());
            match (j + 2..end).find(|&i| self.punct(i) == Some(',')) {
                Some(c) if !self.has_finite(j..c) => j = c + 1,
                _ => return false,
            }
            if !self.word(j).is_some_and(|w| w.eq_ignore_ascii_case("that")) {
                return false;
            }
        }
        let Some(w) = self.word(j) else {
            return false;
        };
        if w.eq_ignore_ascii_case("that") {
            // a subject follows, not the verb of a relative clause
            return self.word(j + 1).is_some() && !self.finite(j + 1);
        }
        self.is_wh_clause(w) || self.is_nominative(w)
    }

    /// A base form needs a subject or an auxiliary before it to be a verb.
    fn base_has_subject(&self, k: usize) -> bool {
        let mut j = k;
        while j > 0 {
            j -= 1;
            let Some(w) = self.word(j) else {
                return false;
            };
            let cap = self.toks[j].cap;
            if self.is_adverb(w) && !cap {
                continue;
            }
            return w.eq_ignore_ascii_case("to")
                || (self.is_aux(w) && Some(j) != self.first_word())
                || self.is_nominative(w)
                || self.is_object_pronoun(w)
                || one_of(w, &["who", "which", "people"])
                || (w.ends_with('s') && !w.ends_with("'s") && !w.ends_with("’s"))
                || (cap
                    && !self.is_boundary_word(w)
                    && !self.is_adverb(w)
                    && !one_of(w, &["please", "now", "just"]))
                // `The mayor and the governor believe …`: a plural phrase.
                || self
                    .np_back(j)
                    .is_some_and(|(f, l)| (f..l).any(|x| self.word(x) == Some("and")));
        }
        false
    }

    fn be_before(&self, k: usize) -> Option<usize> {
        let mut j = k;
        while j > 0 {
            j -= 1;
            let w = self.word(j)?;
            if self.is_be(w) {
                return Some(j);
            }
            if !self.is_adverb(w) || self.toks[j].cap {
                return None;
            }
        }
        None
    }

    fn hit(
        &self,
        rule: &'static str,
        first: usize,
        last: usize,
        weight: f32,
        source: Option<Range<usize>>,
    ) -> Hit {
        Hit {
            rule,
            cue: self.span(first, last),
            weight,
            source,
        }
    }

    /// A verb with a plain object or none: an event, unless it closes a
    /// reported clause (`…, officials said.`) or its object is content.
    fn object_or_trailing(
        &self,
        k: usize,
        v: &Verb,
        subj: Option<(usize, usize)>,
        comp: Comp,
        out: &mut Vec<Hit>,
    ) {
        let object = match &comp {
            Comp::Object(r, _) if !r.is_empty() => Some((r.start, r.end - 1)),
            _ => None,
        };
        let trailing_ok = matches!(comp, Comp::End)
            || (subj.is_none() && object.is_some())
            || (v.has('o') && object.is_some_and(|(f, l)| l - f < 4));
        if trailing_ok {
            let lead = match subj {
                Some((f, _)) => f,
                None => k,
            };
            // A clause before the attribution must have a verb, unless the
            // attribution is subject + verb and nothing else (`…, he said.`).
            let need_finite = subj.is_none() || object.is_some();
            if let Some(b) = self.attribution_boundary(lead, k, need_finite) {
                if b.quoted_before {
                    return; // `"…," she said.`: the direct quote's attribution
                }
                let source = self.source_range(subj.or(object));
                out.push(self.hit("speech_verb_trailing", k, k, CLAIM, source));
                return;
            }
        }
        let source = self.source_range(subj);
        match comp {
            Comp::Object(_, true) => out.push(self.hit("speech_verb_object", k, k, CLAIM, source)),
            Comp::Object(..) if v.has('k') => {
                out.push(self.hit("speech_verb_clause", k, k, CLAIM, source))
            }
            Comp::Object(..) if v.has('c') => {
                out.push(self.hit("speech_verb_object", k, k, CLAIM, source))
            }
            _ if v.speech => out.push(self.hit("speech_verb_object", k, k, EVENT, source)),
            _ => {}
        }
    }

    /// When the attribution starting at token `lead` (verb at `k`) follows a
    /// comma, dash or `as` after a clause: whether that clause is all quoted.
    fn attribution_boundary(&self, lead: usize, k: usize, need_finite: bool) -> Option<Boundary> {
        let mut b = lead.checked_sub(1)?;
        while self.toks[b].punct.is_some_and(super::tokens::is_quote_mark) {
            b = b.checked_sub(1)?;
        }
        let t = self.toks[b];
        if lead != k && self.word(b).is_some_and(|w| w.eq_ignore_ascii_case("as")) {
            // `As Reuters reported, …`: the content follows.
            return Some(Boundary {
                quoted_before: false,
            });
        }
        if !matches!(t.punct, Some(',' | '—' | '–' | '-' | '(' | ':')) {
            return None;
        }
        // Look at most WINDOW tokens either side: a longer clause is a clause,
        // and a sentence of many attributions stays linear.
        let from = b.saturating_sub(WINDOW);
        let to = (k + 1 + WINDOW).min(self.toks.len());
        if self.all_quoted(from..b) {
            return Some(Boundary {
                quoted_before: true,
            });
        }
        let words = self.toks[from..b].iter().filter(|t| t.is_word()).count();
        // `The plan, he said, is dead.`: the clause goes on after the attribution.
        let goes_on = (k + 1..to)
            .find(|&i| self.punct(i).is_some() && !self.is_abbrev_dot(i))
            .is_some_and(|i| self.punct(i) == Some(',') && self.has_finite(i..to));
        let enough = if goes_on {
            words >= 1
        } else {
            words >= 3 && (!need_finite || self.has_finite(from..b))
        };
        enough.then_some(Boundary {
            quoted_before: false,
        })
    }

    /// What follows the verb at `k`.
    fn complement(&self, k: usize, v: &Verb) -> Comp {
        let n = self.toks.len();
        let mut j = k + 1;
        let mut seen_object = false;
        let mut takes_object = v.has('o');
        let mut budget = 16;
        while j < n && budget > 0 {
            budget -= 1;
            let t = self.toks[j];
            if t.quoted {
                return self.quote_after(j);
            }
            if let Some(c) = t.punct {
                match c {
                    ',' => {
                        if self.toks.get(j + 1).is_some_and(|t| t.quoted) {
                            return Comp::Direct;
                        }
                        // `said, however, that …`, `says at a stop in Ohio, that …`
                        // The aside holds no quotation: in `said, most
                        // have come to believe "…, that …"` the `that` is
                        // the quoted speaker's.
                        let that = (j + 1..(j + ASIDE).min(n))
                            .take_while(|&i| !self.toks[i].quoted)
                            .find(|&i| {
                                self.punct(i - 1) == Some(',')
                                    && self.word(i).is_some_and(|w| w.eq_ignore_ascii_case("that"))
                            });
                        if let Some(i) = that {
                            j = i;
                            continue;
                        }
                        return Comp::End;
                    }
                    ':' => {
                        return if self.toks.get(j + 1).is_some_and(|t| t.quoted) {
                            Comp::Direct
                        } else if j + 1 < n {
                            Comp::Clause
                        } else {
                            Comp::End
                        };
                    }
                    '.' if self.is_abbrev_dot(j) => {
                        j += 1;
                        continue;
                    }
                    '(' => {
                        // `thought (foolishly) that`: step over a short aside.
                        match (j + 1..(j + 6).min(n)).find(|&i| self.punct(i) == Some(')')) {
                            Some(close) => {
                                j = close + 1;
                                continue;
                            }
                            None => return Comp::End,
                        }
                    }
                    _ => return Comp::End,
                }
            }
            let w = self.word(j).unwrap_or("");
            let next = self.word(j + 1);
            if w.eq_ignore_ascii_case("that") {
                return if j + 2 < n { Comp::Clause } else { Comp::End };
            }
            let c = self.closed(w);
            if c & WH_CLAUSE != 0 || self.is_nominative(w) || w.eq_ignore_ascii_case("there") {
                return Comp::Clause;
            }
            if w.eq_ignore_ascii_case("when")
                && self.word(j + 1).is_some_and(|n| {
                    self.is_nominative(n) || self.is_determiner(n) || self.toks[j + 1].cap
                })
            {
                return Comp::Clause; // `have not said when they would …`
            }
            if one_of(w, &["it", "this"]) && self.finite(j + 1) {
                return Comp::Clause;
            }
            if (c & AUX != 0 || (j == k + 1 && self.finite(j))) && !t.cap {
                // `what many have speculated is …`: the object moved out.
                return Comp::Clause;
            }
            if c & BOUNDARY != 0 {
                return Comp::End;
            }
            if (adverb_with(w, c) || c & TIME != 0)
                && !matches!(next, Some(n) if self.is_determiner(n) && c & TIME == 0)
            {
                j += 1;
                continue;
            }
            if w.eq_ignore_ascii_case("to") {
                if self.infinitive_at(j + 1) {
                    return Comp::Infinitive;
                }
                j = self.skip_pp(j + 1);
                continue;
            }
            if w.eq_ignore_ascii_case("for") && one_of(v.lemma, &["call", "plead", "press", "push"])
            {
                return Comp::Object(j..j + 1, true);
            }
            if w.eq_ignore_ascii_case("on") && v.lemma == "call" {
                takes_object = true; // `called on X to …`
                j += 1;
                continue;
            }
            if w.eq_ignore_ascii_case("of") && one_of(v.lemma, &["warn", "accuse"]) {
                return Comp::Object(j..j + 1, true);
            }
            if w.eq_ignore_ascii_case("as") && v.has('n') {
                return Comp::Naming;
            }
            if self.is_preposition(w) {
                // `told reporters at a 10 a.m. briefing that …`, `said on
                // Jan. 14 that …`: a short phrase of time or occasion.
                if let Some(that) = self.occasion_then_that(j) {
                    j = that;
                    continue;
                }
                j = self.skip_pp(j + 1);
                // `spoke in a cottage that overlooks …`: a relative clause,
                // unless the phrase names the occasion (`said in an interview that`).
                let occasion = j.checked_sub(1).is_some_and(|p| {
                    self.is_document(p)
                        || self.toks[p].cap
                        || self
                            .word(p)
                            .is_some_and(|w| self.is_time_word(w) || self.is_adverb(w))
                });
                if !occasion && self.word(j).is_some_and(|w| w.eq_ignore_ascii_case("that")) {
                    return Comp::End;
                }
                continue;
            }
            if self.is_object_pronoun(w) && takes_object && !seen_object {
                seen_object = true;
                j += 1;
                continue;
            }
            if v.has('k')
                && one_of(
                    w,
                    &[
                        "nothing",
                        "something",
                        "anything",
                        "little",
                        "much",
                        "more",
                        "so",
                        "yes",
                        "no",
                        "goodbye",
                        "grace",
                        "same",
                    ],
                )
            {
                return Comp::Object(j..j + 1, false);
            }
            // A noun phrase: the subject of a zero-`that` clause, or an object.
            let first = j;
            let mut m = j;
            while m < n && m - first < 10 {
                let t = self.toks[m];
                if t.quoted && takes_object && !seen_object {
                    m += 1; // `told MSNBC's "Morning Joe" that …`
                    continue;
                }
                if t.quoted {
                    return if v.has('n') {
                        Comp::Naming
                    } else {
                        Comp::Object(first..m, false)
                    };
                }
                let Some(x) = self.word(m) else {
                    if self.is_abbrev_dot(m) && m > first {
                        m += 1;
                        continue;
                    }
                    if v.has('n') && m > first && t.punct.is_some_and(super::tokens::is_quote_mark)
                    {
                        return Comp::Naming; // `Calls Hillary Clinton ‘A Disgrace’`
                    }
                    return Comp::Object(first..m.max(first + 1), false);
                };
                if m > first && self.finite(m) {
                    // `saw the tweet and removed them`: a second verb, not a clause
                    let coordinated = self
                        .word(m - 1)
                        .is_some_and(|p| one_of(p, &["and", "or", "but"]));
                    return if coordinated {
                        Comp::Object(first..m - 1, false)
                    } else {
                        Comp::Clause
                    };
                }
                if m > first && (self.is_nominative(x) || x.eq_ignore_ascii_case("it")) {
                    // `told reporters it was over` / `read the guides I wrote`
                    return if takes_object && self.finite(m + 1) {
                        Comp::Clause
                    } else {
                        Comp::Object(first..m, false)
                    };
                }
                if m > first && x.eq_ignore_ascii_case("that") {
                    return if takes_object {
                        Comp::Clause
                    } else {
                        Comp::Object(first..m, false)
                    };
                }
                if m > first && x.eq_ignore_ascii_case("to") {
                    // `urged lawmakers to act`, `expect the bank to raise rates`
                    if self.infinitive_at(m + 1) && (takes_object || v.has('i')) {
                        return Comp::Infinitive;
                    }
                    if takes_object && !seen_object {
                        break;
                    }
                    return Comp::Object(first..m, false);
                }
                if m > first
                    && v.has('n')
                    && (self.is_determiner(x) || x.eq_ignore_ascii_case("as"))
                {
                    return Comp::Naming;
                }
                if m > first && one_of(x, &["of", "and", "or", "nor"]) {
                    if x.eq_ignore_ascii_case("of") && v.has('c') && !v.has('k') {
                        return Comp::Object(first..m, true);
                    }
                    m += 1;
                    continue;
                }
                if m > first
                    && (self.is_preposition(x) || self.is_boundary_word(x) || self.is_time_word(x))
                {
                    if takes_object && !seen_object && !self.is_boundary_word(x) {
                        break;
                    }
                    if x.eq_ignore_ascii_case("for") && (v.has('c') || self.reason_at(m + 1, v)) {
                        return Comp::Object(first..m, true);
                    }
                    return Comp::Object(first..m, false);
                }
                m += 1;
            }
            if m >= n || m - first >= 10 {
                return Comp::Object(first..m.min(n).max(first + 1), false);
            }
            // An indirect object (`told reporters`): go on to its clause.
            seen_object = true;
            j = m;
        }
        Comp::End
    }

    /// A quote right after a verb: the whole rest of the sentence (direct)
    /// or an embedded piece (partial).
    fn quote_after(&self, j: usize) -> Comp {
        let rest = &self.toks[j..(j + WINDOW).min(self.toks.len())];
        if !rest.iter().any(|t| t.is_word() && !t.quoted) {
            return Comp::Direct;
        }
        // Words after the closing mark: `said “tough” steps were needed`,
        // unless punctuation ends the quoted clause first.
        let close = rest.iter().position(|t| !t.quoted).map(|p| j + p);
        match close.and_then(|c| self.punct(c)) {
            Some(',' | '—' | '–' | '-' | '.' | ';') => Comp::Direct,
            _ => Comp::Partial,
        }
    }

    /// `to` + a verb (not `to the`, `to him`, `to Tuesday`, `to 5`).
    fn infinitive_at(&self, i: usize) -> bool {
        self.lower_word(i).is_some_and(|w| {
            !self.is_determiner(w)
                && !self.is_object_pronoun(w)
                && !self.is_time_word(w)
                && !w.ends_with("ing")
                && (!w.ends_with('s') || w.ends_with("ss") || w.ends_with("us"))
                && !w.starts_with(|c: char| c.is_ascii_digit())
        })
    }

    /// A prepositional phrase of time or occasion starting at the preposition
    /// `p` and followed by a content `that` (a subject, not a verb, after
    /// it): the index of `that`. At most ten tokens, one more preposition,
    /// no verb, no clause; dots only of abbreviations.
    fn occasion_then_that(&self, p: usize) -> Option<usize> {
        let end = (p + 11).min(self.toks.len());
        let mut occasion = false;
        let mut preps = 0;
        for i in p + 1..end {
            let Some(w) = self.word(i) else {
                if self.is_abbrev_dot(i) {
                    continue;
                }
                return None;
            };
            if w.eq_ignore_ascii_case("that") {
                // `… that the permits were …`, not a relative clause
                // (`on a Marine base that overlooks the bay`).
                let subject_follows = i > p + 1
                    && self.word(i + 1).is_some_and(|w| {
                        self.is_determiner(w)
                            || self.is_nominative(w)
                            || self.toks[i + 1].cap
                            || w.starts_with(|c: char| c.is_ascii_digit())
                            || self.has_finite(i + 1..(i + 5).min(self.toks.len()))
                    })
                    && !self.finite(i + 1);
                return (occasion && subject_follows).then_some(i);
            }
            let t = self.toks[i];
            if t.quoted
                || self.is_nominative(w)
                || self.is_aux(w)
                || self.is_wh_clause(w)
                || self.finite(i)
            {
                return None;
            }
            if self.is_preposition(w) {
                preps += 1;
                if preps > 1 {
                    return None;
                }
                continue;
            }
            occasion |= t.cap
                || self.is_time_word(w)
                || self.is_document(i)
                || w.starts_with(|c: char| c.is_ascii_digit());
        }
        None
    }

    /// After `for`: the reason of a criticism or praise (`for not paying`,
    /// `for his handling of …`), not a time (`for the third time`).
    fn reason_at(&self, i: usize, v: &Verb) -> bool {
        v.has('f')
            && self.lower_word(i).is_some_and(|w| {
                (w.ends_with("ing") && w.len() > 4)
                    || one_of(
                        w,
                        &["not", "his", "her", "their", "its", "our", "your", "my"],
                    )
            })
    }

    /// Skips a prepositional object starting at `i`; returns the next index.
    fn skip_pp(&self, mut i: usize) -> usize {
        let start = i;
        while i < self.toks.len() && i - start < 6 {
            let Some(w) = self.word(i) else {
                if i > start && self.is_abbrev_dot(i) {
                    i += 1;
                    continue;
                }
                break;
            };
            if self.toks[i].quoted
                || w.eq_ignore_ascii_case("that")
                || self.is_nominative(w)
                || self.is_aux(w)
                || self.is_wh_clause(w)
                || (i > start && (self.is_preposition(w) || self.finite(i)))
            {
                break;
            }
            i += 1;
        }
        i
    }

    /// `be` + participle: `it was reported that`, `is said to`, `were revealed`.
    fn passive(&self, k: usize, be: usize, v: &Verb, out: &mut Vec<Hit>) {
        let mut s = be;
        while s > 0
            && self
                .word(s - 1)
                .is_some_and(|w| self.is_aux(w) || self.is_adverb(w))
        {
            s -= 1;
        }
        let be_word = self.word(be).unwrap_or("");
        let be_is_it = be_word.len() > 2 && be_word[..2].eq_ignore_ascii_case("it");
        let it_before = s > 0
            && self
                .word(s - 1)
                .is_some_and(|w| w.eq_ignore_ascii_case("it"));
        let it_subject = be_is_it || it_before;
        let it_start = if be_is_it { be } else { s.saturating_sub(1) };
        let mut j = k + 1;
        while self
            .word(j)
            .is_some_and(|w| self.is_adverb(w) || self.is_time_word(w))
        {
            j += 1;
        }
        let next = self.word(j).unwrap_or("");
        let mut weight = 0.0;
        let mut source = None;
        if (next.eq_ignore_ascii_case("that")
            || self.is_wh_clause(next)
            || self.is_nominative(next)
            || one_of(next, &["this", "there"]))
            && self.word(j + 1).is_some()
        {
            weight = CLAIM; // `it was reported that`, `we are convinced this is …`
        } else if next.eq_ignore_ascii_case("to") && self.infinitive_at(j + 1) {
            if v.has('p') || (v.has('o') && v.has('i')) {
                weight = CLAIM;
            }
        } else if next.eq_ignore_ascii_case("by") && v.speech {
            if let Some(np) = self.np_forward(j + 1) {
                weight = CLAIM;
                source = self.source_range(Some(np));
            }
        } else if v.has('n') && (next.eq_ignore_ascii_case("as") || self.is_determiner(next)) {
            weight = CLAIM; // `was called a charlatan`
        }
        if weight == 0.0 {
            if it_subject || v.has('r') || v.has('c') {
                weight = CLAIM;
            } else if v.speech {
                weight = EVENT;
            }
        }
        if weight == 0.0 {
            return;
        }
        if it_subject && source.is_none() && weight == CLAIM {
            source = Some(self.span(it_start, k));
        }
        out.push(self.hit("passive_attribution", be, k, weight, source));
    }

    /// `was sure (that) …`, `officials are confident the deal will hold`.
    fn attitude(&self, k: usize, out: &mut Vec<Hit>) {
        // `were sure`, `were also incensed`, `is so frustrated`
        let mut b = k.checked_sub(1);
        while let Some(i) = b.filter(|&i| {
            k - i <= 2 && !self.toks[i].cap && self.word(i).is_some_and(|w| self.is_adverb(w))
        }) {
            b = i.checked_sub(1);
        }
        // `made (it) clear that …`: a speaker's plain statement.
        let make = |i: usize| {
            self.lower_word(i)
                .is_some_and(|w| one_of(w, &["make", "makes", "made", "making"]))
        };
        let made_clear = self
            .word(k)
            .is_some_and(|w| w.eq_ignore_ascii_case("clear"))
            && b.is_some_and(|b| {
                make(b)
                    || (self.word(b).is_some_and(|w| w.eq_ignore_ascii_case("it"))
                        && b > 0
                        && make(b - 1))
            });
        let clear = self
            .word(k)
            .is_some_and(|w| w.eq_ignore_ascii_case("clear"));
        if clear && !made_clear {
            return; // `was clear that night`
        }
        let lead = if made_clear {
            b.map(|b| if make(b) { b } else { b - 1 })
        } else {
            b.filter(|&b| self.word(b).is_some_and(|w| self.is_be(w)))
        };
        let Some(be) = lead else {
            return;
        };
        let zero_that = (k + 2..(k + 6).min(self.toks.len()))
            .take_while(|&m| self.word(m).is_some())
            .any(|m| self.finite(m));
        if !self.strong_clause(k) && !zero_that {
            return;
        }
        let subj = self.subject(if made_clear { be } else { k });
        // The writer's own certainty, or no one's (`It is clear that …`).
        if subj.is_none_or(|(f, l)| {
            f == l
                && self
                    .word(f)
                    .is_some_and(|w| self.is_first_person(w) || one_of(w, &["it", "this"]))
        }) {
            return;
        }
        let source = self.source_range(subj);
        out.push(self.hit("cognition_clause", be, k, CLAIM, source));
    }

    /// `according to X`.
    fn according(&self, k: usize, out: &mut Vec<Hit>) {
        if !self
            .word(k + 1)
            .is_some_and(|w| w.eq_ignore_ascii_case("to"))
        {
            return;
        }
        let np = self.np_forward(k + 2);
        if let Some((_, l)) = np
            && self
                .attribution_boundary(k, k, false)
                .is_some_and(|b| b.quoted_before)
            && !self.toks[l + 1..(l + 1 + WINDOW).min(self.toks.len())]
                .iter()
                .any(|t| t.is_word() && !t.quoted)
        {
            return; // `"…," according to the statement.`
        }
        out.push(self.hit("according_to", k, k + 1, CLAIM, self.source_range(np)));
    }

    /// `reports that …`, `Biden’s claim that …`.
    fn claim_noun(&self, k: usize, out: &mut Vec<Hit>) {
        let prev = k.checked_sub(1).and_then(|p| self.word(p).map(|w| (p, w)));
        let possessive = prev.is_some_and(|(_, pw)| pw.ends_with("'s") || pw.ends_with("’s"));
        let Some((that, agent)) = self.noun_that(k, possessive) else {
            return;
        };
        let Some(w) = self.word(that + 1) else {
            return;
        };
        // a plain noun opens a clause when a verb follows it at once
        // (`fears that prices would rise`), not a relative (`reports that surfaced`)
        let bare_subject =
            || !self.finite(that + 1) && self.verb_forms(w).is_none() && self.finite(that + 2);
        let clause = self.is_nominative(w)
            || self.is_determiner(w)
            || self.toks[that + 1].cap
            || one_of(w, &["there", "it", "some", "many"])
            || bare_subject();
        if !clause || self.toks[k].cap && Some(k) != self.first_word() {
            return;
        }
        if agent.is_some() && !self.clause_goes_on(that) {
            return; // `the findings from the lab that the Times published.`
        }
        if let Some(np) = agent {
            // `warnings from his attorney that …`, `claims by officials that …`
            out.push(self.hit("claim_noun", k, k, CLAIM, self.source_range(Some(np))));
            return;
        }
        let source = match prev {
            Some((p, pw)) if pw.ends_with("'s") || pw.ends_with("’s") => {
                // `the mayor's bet`: the whole phrase that owns the noun
                let cut = if pw.ends_with("'s") { 2 } else { "’s".len() };
                let first = self.np_back(p).map_or(p, |(f, _)| f);
                Some(self.toks[first].start..self.toks[p].end - cut)
            }
            Some((_, pw))
                if self.is_determiner(pw)
                    || one_of(pw, &["new", "latest", "recent", "earlier"]) =>
            {
                None
            }
            _ => Some(self.span(k, k)),
        };
        out.push(self.hit("claim_noun", k, k, CLAIM, source));
    }

    /// The clause after `that` goes on past its first verb: not a relative
    /// clause whose object is the noun before `that`.
    fn clause_goes_on(&self, that: usize) -> bool {
        let end = (that + 10).min(self.toks.len());
        (that + 2..end)
            .find(|&i| self.finite(i))
            .is_some_and(|i| self.word(i + 1).is_some())
    }

    /// The `that` of a claim noun at `k`: right after it (`reports that`),
    /// after `is`/`was` when a possessive holds the noun (`Obama's bet is
    /// that`), or after a short `from`/`by` phrase naming its source
    /// (`warnings from his attorney that`; that phrase is returned too).
    fn noun_that(&self, k: usize, possessive: bool) -> Option<(usize, Option<(usize, usize)>)> {
        let is_that = |i: usize| self.word(i).is_some_and(|w| w.eq_ignore_ascii_case("that"));
        let next = self.word(k + 1)?;
        if next.eq_ignore_ascii_case("that") {
            return Some((k + 1, None));
        }
        if possessive && one_of(next, &["is", "was", "remains"]) && is_that(k + 2) {
            return Some((k + 2, None));
        }
        if !one_of(next, &["from", "by"]) {
            return None;
        }
        let end = (k + 8).min(self.toks.len());
        let that = (k + 3..end).find(|&i| is_that(i))?;
        let clean = (k + 2..that).all(|i| {
            self.word(i).is_some_and(|w| {
                !self.toks[i].quoted
                    && !self.is_preposition(w)
                    && !self.is_aux(w)
                    && !self.finite(i)
            })
        });
        clean.then_some((that, Some((k + 2, that - 1))))
    }

    /// `in a statement`, `in an interview with …`, `in a White House statement`.
    fn in_statement(&self, k: usize, out: &mut Vec<Hit>) {
        let mut j = k;
        while j > 0 && k - j < 9 {
            j -= 1;
            let Some(w) = self.word(j) else {
                if self.punct(j) == Some('/') {
                    continue; // `a Post/ABC poll`
                }
                return;
            };
            if w.eq_ignore_ascii_case("in") {
                let opener = self.word(j + 1).unwrap_or("");
                let ok = j + 1 < k
                    && (self.is_determiner(opener)
                        || opener.ends_with("'s")
                        || opener.ends_with("’s"));
                if ok && Some(j) == self.first_word() && self.finding_then_clause(k) {
                    let source = Some(self.span(j + 1, k));
                    out.push(self.hit("statement_says", j, k, CLAIM, source));
                } else if ok {
                    out.push(self.hit("statement_says", j, k, SETTING, None));
                }
                return;
            }
            let modifier = self.toks[j].cap
                || self.is_determiner(w)
                || w.ends_with("'s")
                || w.ends_with("’s")
                || (!self.is_preposition(w)
                    && !self.is_boundary_word(w)
                    && self.verb_forms(w).is_none()
                    && !self.is_aux(w));
            if !modifier {
                return;
            }
        }
    }

    /// `In the latest poll(, conducted in May), Ruiz led …`: a poll, survey
    /// or study at `k` whose result the clause after the comma reports.
    fn finding_then_clause(&self, k: usize) -> bool {
        let finding = self.word(k).is_some_and(|w| {
            one_of(
                w,
                &[
                    "poll", "polls", "survey", "surveys", "study", "studies", "analysis", "census",
                ],
            )
        });
        if !finding {
            return false;
        }
        let n = self.toks.len();
        // The phrase ends at the noun, or goes on with a preposition or a
        // participle (`poll of 900 voters,`); not a compound (`poll room`).
        let goes_on = self
            .word(k + 1)
            .is_some_and(|w| self.is_preposition(w) || w.ends_with("ed"));
        if self.punct(k + 1) != Some(',') && !goes_on {
            return false;
        }
        let Some(comma) = (k + 1..(k + 10).min(n))
            .take_while(|&i| self.word(i).is_some() || self.punct(i) == Some(','))
            .find(|&i| self.punct(i) == Some(','))
        else {
            return false;
        };
        // A participle phrase (`, conducted in May,`) before the clause.
        let start = if self.word(comma + 1).is_some_and(|w| w.ends_with("ed")) {
            (comma + 1..(comma + 10).min(n))
                .find(|&i| self.punct(i) == Some(','))
                .unwrap_or(comma)
        } else {
            comma
        };
        let end = (start + 10).min(n);
        start + 1 < end && !self.toks[start + 1].quoted && self.has_finite(start + 1..end)
    }
}

/// How a verb form stands in its sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Position {
    /// A finite or participle form with a subject: something was said.
    Finite,
    /// After `to` or a preposition: only a clause makes it a report.
    Unsaid,
}

struct Boundary {
    quoted_before: bool,
}

#[cfg(test)]
pub(super) mod tests {
    use super::super::tokens::tokenize;
    use super::*;
    use crate::annotate::QuoteMap;

    /// Quote marks pair up in order; text between is quoted.
    pub(in crate::annotate::claim) fn quotes_of(text: &str) -> QuoteMap {
        let mut map = QuoteMap::default();
        let mut open = None;
        for (i, c) in text.char_indices() {
            match (c, open) {
                ('“' | '"', None) => open = Some(i),
                ('”' | '"', Some(s)) => {
                    map.quoted.push(s..i + c.len_utf8());
                    open = None;
                }
                _ => {}
            }
        }
        map
    }

    /// The candidate scan never misses a word the automaton finds as a
    /// whole word token: over every fixture text and some odd spellings.
    #[test]
    fn matches_hold_every_whole_word_match_of_the_automaton() {
        let mut texts: Vec<String> = vec![
            "said-, -said, x'said, said's, e-mail op-ed re-said said. SAID!".into(),
            "Ünïcode said; élan claims 1said said1 said-1 claims-é \"claims\" warned—said".into(),
            "reportedly--alleged\u{a0}according to Reuters, who says so.".into(),
        ];
        texts.extend(super::super::fixture_texts());
        let (mut toks, mut found) = (Vec::new(), Vec::new());
        let mut checked = 0;
        for text in &texts {
            let doc = crate::segment::segment(text);
            for s in &doc.sentences {
                let r = s.range.clone();
                tokenize(text, r.clone(), &QuoteMap::default(), &mut toks);
                matches(text, r.clone(), &mut found);
                for m in LEXICON.ac.find_iter(&text[r.clone()]) {
                    let (a, b) = (r.start + m.start(), r.start + m.end());
                    if toks
                        .iter()
                        .any(|t| t.is_word() && t.start == a && t.end == b)
                    {
                        let want = Match {
                            start: a,
                            end: b,
                            entry: m.pattern().as_usize(),
                        };
                        assert!(found.contains(&want), "{:?}", &text[a..b]);
                        checked += 1;
                    }
                }
            }
        }
        assert!(checked > 500, "{checked}");
    }

    /// The byte-at-a-time scan [`matches`] replaced.
    fn matches_reference(text: &str, range: Range<usize>) -> Vec<Match> {
        let mut out = Vec::new();
        let b = &text.as_bytes()[..range.end];
        let letter = |i: usize| b.get(i).is_some_and(u8::is_ascii_alphabetic);
        let mut i = range.start;
        while i < b.len() {
            if !b[i].is_ascii_alphabetic() {
                i += 1;
                continue;
            }
            let start = i;
            i += 1;
            while letter(i) || (b[i..].first() == Some(&b'-') && letter(i + 1)) {
                i += 1;
            }
            if let Some(entry) = LEXICON.index_of_bytes(&b[start..i]) {
                out.push(Match {
                    start,
                    end: i,
                    entry,
                });
            }
        }
        out
    }

    /// The scan finds what the first byte scan did, in every fixture
    /// sentence and in random runs of letters, hyphens and other bytes
    /// around lexicon words, over every sub-range.
    #[test]
    fn matches_agree_with_the_byte_scan() {
        let mut texts = super::super::fixture_texts();
        const PIECES: &[&str] = &[
            "said",
            "SAYS",
            "claimed",
            "according",
            "-",
            "--",
            " ",
            "x",
            "é",
            "’",
            "@",
            "[",
            "`",
            "{",
            "Z",
            "9",
            "\u{80}",
            "re-said",
            "reportedly",
            "warned",
            "\n",
        ];
        let mut rng = crate::annotate::word::XorShift(0xdead_beef_1234_5678);
        texts.extend((0..3000).map(|_| rng.text(PIECES, 24, false)));
        let mut found = Vec::new();
        let mut checked = 0;
        for text in &texts {
            let ranges: Vec<Range<usize>> = if text.len() < 200 {
                let ends: Vec<usize> = (0..=text.len())
                    .filter(|&i| text.is_char_boundary(i))
                    .collect();
                ends.iter()
                    .flat_map(|&a| ends.iter().filter(move |&&b| b >= a).map(move |&b| a..b))
                    .collect()
            } else {
                crate::segment::segment(text)
                    .sentences
                    .iter()
                    .map(|s| s.range.clone())
                    .collect()
            };
            for r in ranges {
                matches(text, r.clone(), &mut found);
                assert_eq!(found, matches_reference(text, r.clone()), "{:?}", &text[r]);
                checked += found.len();
            }
        }
        assert!(checked > 1000, "{checked}");
    }

    /// The colon test answers as a search of the first 64 bytes does.
    #[test]
    fn colon_opener_is_a_search_of_the_opening() {
        for text in super::super::fixture_texts() {
            for s in &crate::segment::segment(&text).sentences {
                let b = &text.as_bytes()[s.range.clone()];
                let want = b[..b.len().min(64)].contains(&b':');
                assert_eq!(colon_opener(&text, s.range.clone()), want);
            }
        }
        assert!(colon_opener("Pence: Talks", 0..12) && !colon_opener("x", 0..1));
        assert!(!colon_opener(&format!("{}:", "a".repeat(64)), 0..65));
    }

    /// The memo answers as the lookups do, asked in any order, for words,
    /// their heads before an apostrophe (same offset, shorter) and words
    /// that are no slice of the sentence.
    #[test]
    fn memo_agrees_with_the_lookups() {
        let text = "He’s said THE reports were, as we'd ALLEGED, reportedly true-ish \
                    Tuesday; they're unsure whether U.S. officials believe it.";
        let mut toks = Vec::new();
        tokenize(text, 0..text.len(), &QuoteMap::default(), &mut toks);
        let mut memo = Memo::default();
        memo.reset(0..text.len());
        let sent = Sent::new(text, &toks, DirectCues::Ranges(&[]), &memo);
        let lex = &*LEXICON;
        for round in 0..3 {
            for t in &toks {
                let w = t.text(text);
                let h = head_before_apostrophe(w);
                for probe in [w, h, w, "said", ""] {
                    assert_eq!(sent.closed(probe), closed_bits(probe), "{probe} {round}");
                    let want = lex.index_of(probe).map(|i| &lex.entries[i] as *const Entry);
                    let got = sent.entry(probe).map(|e| e as *const Entry);
                    assert_eq!(got, want, "{probe} {round}");
                }
            }
        }
        assert!(lex.entries.len() < ENTRY_MASK as usize);
    }

    /// A word's slot from an earlier sentence (same offset and length, a
    /// different word in the other text) is not taken for it: over more
    /// sentences than there are stamps.
    #[test]
    fn memo_forgets_earlier_sentences() {
        let (a, b) = ("They said it.", "The  plan was");
        let mut toks = Vec::new();
        let mut memo = Memo::default();
        for round in 0..70_000 {
            let text = if round % 2 == 0 { a } else { b };
            tokenize(text, 0..text.len(), &QuoteMap::default(), &mut toks);
            memo.reset(0..text.len());
            let sent = Sent::new(text, &toks, DirectCues::Ranges(&[]), &memo);
            // Only a few rounds need the full check; the rest turn the stamp.
            if round % 997 < 2 || round > 65_530 && round < 65_540 {
                for t in &toks {
                    let w = t.text(text);
                    assert_eq!(sent.closed(w), closed_bits(w), "{w} {round}");
                    let want = LEXICON
                        .index_of(w)
                        .map(|i| &LEXICON.entries[i] as *const Entry);
                    assert_eq!(sent.entry(w).map(|e| e as *const Entry), want, "{w}");
                }
            }
        }
    }

    pub(crate) fn hits_with(text: &str, direct_cues: &[Range<usize>]) -> Vec<Hit> {
        let mut toks = Vec::new();
        tokenize(text, 0..text.len(), &quotes_of(text), &mut toks);
        let mut memo = Memo::default();
        memo.reset(0..text.len());
        let sent = Sent::new(text, &toks, DirectCues::Ranges(direct_cues), &memo);
        let mut out = Vec::new();
        sent.analyse(&mut out);
        out
    }

    fn hits(text: &str) -> Vec<(&'static str, String, f32, Option<String>)> {
        hits_with(text, &[])
            .into_iter()
            .map(|h| {
                (
                    h.rule,
                    text[h.cue.clone()].to_string(),
                    h.weight,
                    h.source.map(|s| text[s].to_string()),
                )
            })
            .collect()
    }

    /// `text` has a hit of `rule` on the cue word `cue`.
    fn assert_hit(text: &str, rule: &str, cue: &str) {
        let found = hits(text);
        assert!(
            found.iter().any(|h| h.0 == rule && h.1 == cue),
            "{text}: {found:?}"
        );
    }

    /// `text` holds a claim (weight 1 or more) whose source is `source`.
    fn assert_claim_source(text: &str, source: &str) {
        let found = hits(text);
        assert!(
            found
                .iter()
                .any(|h| h.2 >= 1.0 && h.3.as_deref() == Some(source)),
            "{text}: {found:?}"
        );
    }

    fn weight(text: &str) -> f32 {
        hits_with(text, &[]).iter().map(|h| h.weight).sum()
    }

    #[test]
    fn speech_verb_with_that_clause() {
        let h = hits("A statement from the White House revealed that talks resumed.");
        assert_eq!(h.len(), 1);
        assert_eq!(h[0].0, "statement_says");
        assert_eq!(h[0].1, "revealed");
        assert_eq!(h[0].3.as_deref(), Some("A statement from the White House"));
    }

    #[test]
    fn zero_that_clause() {
        let h = hits("She said she would resign.");
        assert_eq!(h[0].0, "speech_verb_clause");
        assert_eq!(h[0].3.as_deref(), Some("She"));
        assert_eq!(
            hits("Officials said the plan was dead.")[0].0,
            "speech_verb_clause"
        );
        assert_eq!(
            hits("The mayor told reporters on Monday the budget would shrink.")[0].0,
            "speech_verb_clause"
        );
    }

    #[test]
    fn event_narration_is_weak() {
        assert!(weight("He announced his candidacy in May.") < 1.0);
        assert!(weight("The senator asked about the schedule.") < 1.0);
        assert_eq!(weight("The committee read the names aloud at noon."), EVENT);
    }

    #[test]
    fn cognition_verbs_need_a_clause() {
        assert_eq!(
            hits("Officials believe the attack was planned.")[0].0,
            "cognition_clause"
        );
        assert!(hits("Investigators found the car near the river.").is_empty());
        assert!(
            hits("We know that the talks will go on.").is_empty(),
            "first person is the writer"
        );
    }

    #[test]
    fn appositive_subjects() {
        let h = hits("Ana Ruiz, the city engineer, said the bridge would close.");
        assert_eq!(h[0].0, "speech_verb_clause");
        assert_eq!(h[0].3.as_deref(), Some("Ana Ruiz"));
        let h = hits("The bridge will close, said Ana Ruiz.");
        assert_eq!(h[0].3.as_deref(), Some("Ana Ruiz"));
        assert!(hits("“We will win,” Ana Ruiz, the city engineer, said on Friday.").is_empty());
    }

    #[test]
    fn trailing_attribution() {
        let h = hits("The talks will resume next week, officials said.");
        assert_eq!(h[0].0, "speech_verb_trailing");
        assert_eq!(h[0].3.as_deref(), Some("officials"));
        let h = hits("The bridge will close in March, said Ana Ruiz, the city engineer.");
        assert_eq!(h[0].0, "speech_verb_trailing");
        assert_eq!(h[0].3.as_deref(), Some("Ana Ruiz"));
        assert_eq!(
            hits("The plan, he said, is dead.")[0].0,
            "speech_verb_trailing"
        );
    }

    #[test]
    fn direct_quote_attribution_is_not_a_claim() {
        assert!(hits("“We will win,” she said.").is_empty());
        assert!(hits("She said: “We will win.”").is_empty());
        assert!(hits("He responded by simply saying, “not today.”").is_empty());
        assert!(hits("“It is over,” the statement reads.").is_empty());
    }

    #[test]
    fn direct_cue_from_the_quote_detector_is_skipped() {
        let text = "She said it plainly enough.";
        let said = text.find("said").unwrap();
        assert!(!hits_with(text, &[]).is_empty());
        let cue = said..said + 4;
        assert!(hits_with(text, std::slice::from_ref(&cue)).is_empty());
    }

    #[test]
    fn partial_quote_in_indirect_speech() {
        assert_eq!(
            hits("He said the plan was “dead on arrival.”")[0].0,
            "speech_verb_clause"
        );
        assert_eq!(
            hits("She called the bill “a disgrace.”")[0].0,
            "speech_verb_naming"
        );
        assert_eq!(
            hits("She called the bill a disgrace.")[0].0,
            "speech_verb_naming"
        );
    }

    #[test]
    fn according_to() {
        let h = hits("Biden also, according to the readout, “stressed support for Kyiv.”");
        assert_eq!(h[0].0, "according_to");
        assert_eq!(h[0].1, "according to");
        assert_eq!(h[0].3.as_deref(), Some("the readout"));
        assert!(hits("“We are done,” according to a company statement.").is_empty());
    }

    #[test]
    fn passive_attribution() {
        let h = hits("It was reported that the minister had resigned.");
        assert_eq!(h[0].0, "passive_attribution");
        assert_eq!(h[0].1, "was reported");
        assert_eq!(h[0].3.as_deref(), Some("It was reported"));
        assert_eq!(hits("The general is said to favour a truce.")[0].2, CLAIM);
        assert_eq!(hits("Plans to cut the budget were revealed.")[0].2, CLAIM);
        assert_eq!(
            hits("The deal was first reported by Reuters.")[0]
                .3
                .as_deref(),
            Some("Reuters")
        );
        assert!(hits("He was supposed to arrive at noon.").is_empty());
        assert!(weight("The merger was announced on Tuesday.") < 1.0);
    }

    #[test]
    fn relative_that_after_an_occasion() {
        assert!(
            weight("The president spoke in a cottage on a Navy base that overlooks the bay.") < 1.0
        );
        assert!(weight("She told the board on Feb. 3 that reserves had fallen.") >= 1.0);
    }

    #[test]
    fn findings_of_a_poll() {
        let h = hits("In the latest poll, the mayor led her rival by five points.");
        assert_eq!(h[0].0, "statement_says");
        assert_eq!(h[0].2, 1.0);
        assert_eq!(h[0].3.as_deref(), Some("the latest poll"));
        assert!(
            weight(
                "In the previous Tribune/KTV state poll, conducted in March, Ruiz trailed Ortiz."
            ) >= 1.0
        );
        // A setting without a finding: the weight of a setting only.
        assert!(weight("In a statement, the club thanked its fans.") < 1.0);
        assert!(weight("In the study, most patients recovered within a week.") >= 1.0);
        assert!(weight("She took part in the survey, as did her son.") < 1.0);
        assert!(weight("In the poll room, two clerks sat.") < 1.0);
    }

    #[test]
    fn headline_colon() {
        for (text, source) in [
            ("Ruiz: Bridge Will Reopen in June", "Ruiz"),
            ("Mara Doe: The Budget Cannot Pass as Written", "Mara Doe"),
            ("Sen. Doe: Farm aid is coming", "Sen. Doe"),
            ("Poll: Rural voters drift away from the party", "Poll"),
            ("A new survey: Most renters expect to move", "A new survey"),
        ] {
            let h = hits(text);
            assert!(
                h.iter()
                    .any(|h| h.0 == "headline_colon" && h.3.as_deref() == Some(source)),
                "{text}: {h:?}"
            );
        }
        for text in [
            "Update: The road has reopened to traffic.",
            "Editor's Note: This story was changed on Monday.",
            "Stealth Over Health: The Mayor Skipped the Hearing",
            "The Latest: Storm moves east overnight",
            "Two questions: Who pays and when?",
            "PENCE: We will be there tomorrow night.",
            "Said Ruiz: “We are ready for the flood.”",
            "Ruiz: What happens next?",
            "Tuesday: Council meets at noon",
            "Ruiz: Yes.",
            "Follow him on Twitter: @someone",
            "Among them: a tax break for builders.",
        ] {
            let h = hits(text);
            assert!(h.iter().all(|h| h.0 != "headline_colon"), "{text}: {h:?}");
        }
    }

    #[test]
    fn hedges() {
        assert_eq!(
            hits("The president reportedly backed the plan.")[0].0,
            "hedge"
        );
        assert_eq!(hits("The alleged bribe was small.")[0].0, "hedge");
    }

    #[test]
    fn wh_extraction_with_vague_subject() {
        let h = hits("He did it in what many have speculated is a bid for votes.");
        assert_eq!(h[0].0, "cognition_clause");
        assert_eq!(h[0].3.as_deref(), Some("many"));
    }

    #[test]
    fn nouns_that_take_a_clause() {
        let h = hits("Markets fell amid reports that the bank would fail.");
        assert_eq!(h[0].0, "claim_noun");
        assert_eq!(h[0].3.as_deref(), Some("reports"));
        assert!(hits("His claims were false.").is_empty());
    }

    #[test]
    fn in_a_statement() {
        let h = hits("In a statement, the ministry denied the charges.");
        assert!(
            h.iter()
                .any(|h| h.0 == "statement_says" && h.1 == "In a statement")
        );
    }

    #[test]
    fn infinitives() {
        assert_eq!(
            hits("The governor vowed to veto the bill.")[0].0,
            "speech_verb_infinitive"
        );
        assert_eq!(
            hits("Leaders urged lawmakers to act quickly.")[0].0,
            "speech_verb_infinitive"
        );
        assert!(weight("President Putin then challenged Biden to a live debate.") < 1.0);
    }

    #[test]
    fn names_and_nouns_are_not_verbs() {
        assert!(hits("The United States will act.").is_empty());
        assert!(hits("The claims of the report were old.").is_empty());
    }

    #[test]
    fn attitude_adjectives() {
        assert_eq!(
            hits("She was sure the senator would win.")[0].0,
            "cognition_clause"
        );
        assert_eq!(
            hits("Officials were confident that the truce would hold.")[0]
                .3
                .as_deref(),
            Some("Officials")
        );
        assert!(hits("We are sure that the bridge will open.").is_empty());
        assert!(hits("He was sure of it.").is_empty());
        let h = hits("The coach made it clear he would not resign.");
        assert_eq!(h[0].0, "cognition_clause");
        assert_eq!(h[0].3.as_deref(), Some("The coach"));
        assert!(weight("The union has made clear that it will strike.") >= 1.0);
        assert!(hits("It is clear that the road floods.").is_empty());
        assert!(hits("The rain made it clear.").is_empty());
        assert!(hits("The sky was clear that night.").is_empty());
    }

    #[test]
    fn as_stated_in() {
        let h = hits("As stated in the annual report, sales fell.");
        assert_eq!(h[0].0, "speech_verb_trailing");
        assert_eq!(h[0].3.as_deref(), Some("the annual report"));
    }

    #[test]
    fn headline_verbs_in_title_case() {
        assert_eq!(
            hits("Bridge Will Close, Mayor Says")[0].0,
            "speech_verb_trailing"
        );
    }

    #[test]
    fn base_forms_with_a_clause() {
        assert_eq!(
            hits("But police also fear that the protests will grow.")[0].0,
            "cognition_clause"
        );
        assert!(hits("The two taped a show that aired on Friday.").is_empty());
    }

    #[test]
    fn coordinated_verbs_are_not_clauses() {
        assert!(hits("Guards saw the banner and removed it.").is_empty());
    }

    #[test]
    fn unsaid_infinitives_and_gerunds_need_a_clause() {
        assert!(hits("Candidates are required to disclose their assets.").is_empty());
        assert_eq!(
            hits("He has yet to explain why the plan failed.")[0].0,
            "speech_verb_clause"
        );
        assert_eq!(
            hits("She won votes by telling them that taxes would fall.")[0].0,
            "speech_verb_clause"
        );
    }

    #[test]
    fn beliefs_need_someone_to_hold_them() {
        assert!(hits("We’ll have to wait and see how the talks go.").is_empty());
        assert!(
            hits("Stocks rose as plans to merge were discussed.")
                .iter()
                .all(|h| h.1 != "plans")
        );
        assert_eq!(
            hits("The list—compiled by the office—shows that crime fell.")[0].0,
            "cognition_clause"
        );
    }

    #[test]
    fn seem_to_and_appear_to_report() {
        assert!(weight("Anderson seemed to think the outreach was phony.") >= 1.0);
        assert!(weight("He appeared to blame the staff for the errors.") >= 1.0);
        assert!(weight("He needs to explain the delay.") < 1.0);
    }

    #[test]
    fn intentions_are_events() {
        assert!(weight("The firm plans to spend $2 million on trucks.") < 1.0);
        assert!(weight("A builder offered to buy the mill.") < 1.0);
        assert!(weight("The club wants to sell the ground.") < 1.0);
        assert_eq!(
            hits("The firm plans to spend $2 million.")[0].0,
            "intention_infinitive"
        );
        assert!(weight("The mayor vowed to veto the budget.") >= 1.0);
        assert!(weight("The mayor agreed that the budget was too small.") >= 1.0);
    }

    #[test]
    fn questions_and_requests_are_not_claims() {
        assert!(weight("Asked whether it tempted her, she shook her head.") < 1.0);
        assert!(weight("Reporters asked if the ferry would run.") < 1.0);
        assert!(weight("Who asked for this?") < 1.0);
        assert!(weight("The union called for an inquiry.") >= 1.0);
    }

    #[test]
    fn a_long_aside_between_verb_and_that() {
        assert_hit(
            "The mayor insisted, most recently in a long radio interview with a station in Carlow, that the bridge was safe.",
            "speech_verb_clause",
            "insisted",
        );
        // A `that` inside a quotation after the comma is not the verb's.
        assert_hit(
            "Over the years, Ruiz said, most residents have come to believe \"that the dam is old, that it leaks and that it must go.\"",
            "speech_verb_trailing",
            "said",
        );
    }

    #[test]
    fn a_subject_with_an_aside_of_examples() {
        assert_claim_source(
            "As many engineers, including Ana Ruiz, have pointed out, the dam is old.",
            "many engineers",
        );
        assert_claim_source(
            "Several towns, such as Halden and Brill, have warned that the water is unsafe.",
            "Several towns",
        );
    }

    #[test]
    fn a_verb_after_and_shares_the_opening_subject() {
        assert_claim_source(
            "Ana Ruiz toured the site on Monday and believes it will reopen soon.",
            "Ana Ruiz",
        );
        assert!(weight("He is wary of loans and expects them to become scarce.") >= 1.0);
        // Not a gerund, not after `but`.
        assert!(weight("The fear remained but found new targets, such as the mill.") < 1.0);
        assert!(
            hits("This page was updated with notes from the hearing and regarding the law.")
                .is_empty()
        );
    }

    #[test]
    fn a_subject_joined_by_and_is_one_source() {
        for (text, source) in [
            (
                "Officials in Ohio and Texas said the storm had passed.",
                "Officials in Ohio and Texas",
            ),
            (
                "The mayor and the governor believe the dam will hold.",
                "The mayor and the governor",
            ),
            (
                "But Mr. Ruiz and Ms. Lee say other changes are needed.",
                "Mr. Ruiz and Ms. Lee",
            ),
            (
                "Federal and state officials said the plant was closed.",
                "Federal and state officials",
            ),
            // Only the last item of a list, and not past an unknown word.
            (
                "Ads, mailers and phone banks say the plan is dead.",
                "phone banks",
            ),
            (
                "Critics said the board mishandled the audit and officials said it was fine.",
                "officials",
            ),
        ] {
            assert_claim_source(text, source);
        }
    }

    #[test]
    fn a_name_with_its_party_suffix_or_titles_is_the_source() {
        for (text, source) in [
            (
                "Sen. Ana Ruiz (D-Ore.) said the bill would pass.",
                "Sen. Ana Ruiz (D-Ore.)",
            ),
            (
                "City Manager Walter T. Quill, Jr. said the site was safe.",
                "City Manager Walter T. Quill, Jr.",
            ),
            (
                "Lt. Col. Aaron Whitcomb of the Oregon National Guard said 40 soldiers came.",
                "Lt. Col. Aaron Whitcomb of the Oregon National Guard",
            ),
        ] {
            let found = hits(text);
            assert!(
                found
                    .iter()
                    .any(|h| h.1 == "said" && h.3.as_deref() == Some(source)),
                "{text}: {found:?}"
            );
        }
        for (text, source) in [
            (
                "Lakemont Foods Inc. said Thursday that sales rose.",
                "Lakemont Foods Inc.",
            ),
            (
                "Sales rose, according to Hollis & Crane analyst Ana Ruiz.",
                "Hollis & Crane analyst Ana Ruiz",
            ),
            (
                "Rep. Ana Ruiz (D-Calif.), who chairs a House panel, said the plan failed.",
                "Rep. Ana Ruiz (D-Calif.)",
            ),
            (
                "Tom Ash, 56, who has served for a decade, said the plan failed.",
                "Tom Ash",
            ),
            (
                "Donna Reyes, 59, of Ashton, Md., who watched on a screen, said it moved her.",
                "Donna Reyes",
            ),
            (
                "Tom Ash, of Carlow, who runs a shop, said the plan failed.",
                "Tom Ash",
            ),
            (
                "Tom Ash, president of the union, which has 900 members, said the plan failed.",
                "Tom Ash",
            ),
        ] {
            assert_claim_source(text, source);
        }
        // A bracket that follows no name gives no source of its own.
        let found = hits("The plan (first tabled in May) said nothing of costs.");
        assert!(
            found
                .iter()
                .all(|h| h.3.as_deref() != Some("(first tabled in May)")),
            "{found:?}"
        );
    }

    #[test]
    fn occasion_between_verb_and_that() {
        for s in [
            "She told reporters at a 10 a.m. briefing that the river had dropped.",
            "He told the board on Jan. 14 that visits had risen.",
            "She said at a hearing in Carlow that the permits were missing.",
            "He continues to insist, most recently in an interview, that he paid.",
        ] {
            assert!(weight(s) >= 1.0, "{s}");
        }
        assert!(hits("The band played at a club in Dover that closed.").is_empty());
        assert!(weight("The meeting starts at 9 a.m. on Monday.") < 1.0);
    }

    #[test]
    fn criticism_with_a_reason() {
        assert_eq!(
            hits("Critics blasted the mayor for ignoring the leaks.")[0]
                .3
                .as_deref(),
            Some("Critics")
        );
        assert!(weight("The coach praised them for their patience.") >= 1.0);
        assert!(weight("Rebels attacked the depot for the second time.") < 1.0);
        assert!(weight("Rebels attacked the depot for hours.") < 1.0);
    }

    #[test]
    fn attitudes_and_claim_nouns() {
        assert!(weight("Parents were also frustrated that the route was cut.") >= 1.0);
        assert!(hits("The children were afraid of the dark.").is_empty());
        assert_eq!(
            hits("Ships sailed despite warnings from the harbour master that a gale was coming.")
                [0]
            .3
            .as_deref(),
            Some("the harbour master")
        );
        assert_eq!(
            hits("The mayor's bet is that tourists will return.")[0]
                .3
                .as_deref(),
            Some("The mayor")
        );
        assert!(hits("The problem is that the road floods.").is_empty());
        assert!(weight("She framed the findings from the lab that the museum published.") < 1.0);
        assert!(weight("Fears that prices would climb drove the sale.") >= 1.0);
        assert!(hits("The claims that remain unpaid will be settled.").is_empty());
    }
}
