//! statistic: quantities offered as fact, normalised (GUIDE §3).
//!
//! Each sentence that passes a cheap pre-check (an ASCII digit, a currency
//! symbol or a whole number word) is split into tokens (`lex`) and scanned
//! once (`parse`): every number is read with its currency, magnitude,
//! percent sign, range, approximator and unit, and kept only when it is a
//! statistic — not a date, year, clock time, age, identifier, address,
//! descriptor or a small count that only describes. A measure unit
//! hyphenated to a number (`a 300-acre farm`) is kept, other hyphenated
//! descriptors (`75-year-old`) and event names (`400-meter race`) are not;
//! a duration is kept only when measured (`roughly 20 minutes`, `add 20
//! minutes`, `waits of up to three hours`, `every 72 minutes`), not when
//! narrative (`for two days`, `three weeks ago`); a vote tally (`voted
//! 52-48`) is kept with unit `votes` and no single value; cents are
//! normalised to their currency (`20 cents` → 0.2 USD). Kept quantities go into
//! `sentences[].quantities` with one piece of evidence each, and the
//! sentence gets the `statistic` label.
//!
//! A quantity is *sourced* when its paragraph names a source: a mention the
//! claims detector left in `sentences[].sources`, statistic attribution found
//! here (`according to X`, `X data show`, `a survey by X`, `, the bureau
//! said`), or a direct quote with a speaker around the number.

mod lex;
mod parse;
mod words;

use super::Context;
use crate::report::{Evidence, Label, Quantity, Sentence};
use crate::span::Span;
use regex::Regex;
use std::borrow::Cow;
use std::fmt::Write as _;
use std::sync::LazyLock;

pub use parse::Found;

/// `v` rounded to 12 significant digits, so that `47.1%` is 0.471 and not
/// 0.47100000000000003.
fn tidy(v: f64) -> f64 {
    // A whole number of at most 12 digits is exact in an f64 and already
    // has at most 12 significant digits: formatting and parsing it gives it
    // back (test).
    if !v.is_finite() || v == 0.0 || (v.fract() == 0.0 && v.abs() < 1e12) {
        return v;
    }
    // A fraction whose shortest form (what `{}` writes) has at most 12
    // significant digits is already tidy: that form is within half an ulp
    // of `v`, so it is also `v` rounded to 12 digits, and it parses back to
    // `v` (test). Counted without allocating.
    let mut digits = SignificantDigits::default();
    if v.fract() != 0.0 && write!(digits, "{v}").is_ok() && digits.count <= 12 {
        return v;
    }
    format!("{v:.11e}").parse().unwrap_or(v)
}

/// Counts the significant digits of a number written to it without an
/// exponent (the digits from the first non-zero one on).
#[derive(Default)]
struct SignificantDigits {
    seen: bool,
    count: usize,
}

impl std::fmt::Write for SignificantDigits {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        for b in s.bytes().filter(u8::is_ascii_digit) {
            self.seen |= b != b'0';
            self.count += usize::from(self.seen);
        }
        Ok(())
    }
}

/// True when `v` is a whole number below 2^53 that is not -0: written
/// as an integer, it is written as the float formatter writes it (test).
fn integral(v: f64) -> bool {
    v.fract() == 0.0 && v.abs() < 9.0e15 && !(v == 0.0 && v.is_sign_negative())
}

/// `format!("{v}")`, with whole numbers below 2^53 written as integers
/// without the float formatter (same text: test).
#[cfg(test)]
fn display(v: f64) -> String {
    if integral(v) {
        (v as i64).to_string()
    } else {
        format!("{v}")
    }
}

/// [`display`] of `v` as a note on the quantity `text`: borrowed from
/// `text` when it holds those digits (`500 people` → `500`), so that most
/// counts allocate nothing.
fn note_of(text: &str, v: f64) -> Cow<'_, str> {
    if !integral(v) {
        return Cow::Owned(format!("{v}"));
    }
    let mut digits = Digits::default();
    if write!(digits, "{}", v as i64).is_err() {
        return Cow::Owned((v as i64).to_string());
    }
    let digits = digits.as_str();
    // ASCII found in UTF-8 text starts and ends on char boundaries.
    match memchr::memmem::find(text.as_bytes(), digits.as_bytes()) {
        Some(at) => Cow::Borrowed(&text[at..at + digits.len()]),
        None => Cow::Owned(digits.to_string()),
    }
}

/// An integer written on the stack (an i64 takes at most 20 bytes).
#[derive(Default)]
struct Digits {
    buf: [u8; 24],
    len: usize,
}

impl Digits {
    fn as_str(&self) -> &str {
        std::str::from_utf8(&self.buf[..self.len]).unwrap_or_default()
    }
}

impl std::fmt::Write for Digits {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        let end = self.len + s.len();
        self.buf
            .get_mut(self.len..end)
            .ok_or(std::fmt::Error)?
            .copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

/// Weight of a quantity's evidence by rule.
fn weight(rule: &str) -> f32 {
    match rule {
        "money" | "percentage" => 1.0,
        "range" | "multiplier" | "fraction" => 0.9,
        "count" => 0.8,
        _ => 0.7,
    }
}

/// Weight of the extra `change` evidence (`rose 5%`).
const CHANGE_WEIGHT: f32 = 0.3;

/// Finds the statistic quantities of `text[range]`.
pub fn quantities(text: &str, range: std::ops::Range<usize>) -> Vec<Found<'_>> {
    let mut toks = lex::Tokens::default();
    let mut found = Vec::new();
    scan(&mut toks, text, range, &mut found);
    found
}

/// Appends the statistic quantities of `text[range]` to `found`.
fn scan<'t>(
    toks: &mut lex::Tokens<'t>,
    text: &'t str,
    range: std::ops::Range<usize>,
    found: &mut Vec<Found<'t>>,
) {
    if !words::may_hold_number(&text[range.clone()]) {
        return;
    }
    toks.fill(text, range);
    let from = found.len();
    parse::Scanner::new(toks).scan(found);
    for f in &mut found[from..] {
        f.value = f.value.map(tidy);
        f.low = f.low.map(tidy);
        f.high = f.high.map(tidy);
    }
}

/// Attribution of a number in the sentence itself: `according to`, `data
/// show`, `figures from`, `a survey by`, `estimates`, `said`.
static ATTRIBUTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?xi-u)\b(?:
            according\s+to
          | (?:data|figures|statistics|numbers|estimates|projections|records|results|polls?|surveys?|stud(?:y|ies)|reports?|analys[ie]s|census|tallies|tally|counts?)
            \s+(?:from|by|of|released|published|compiled|collected|show(?:s|ed|n)?|suggest(?:s|ed)?|indicate(?:s|d)?|put|puts|found|finds)\b
          | (?:said|says|say|told|tells|reported|reports|estimates|estimated\s+(?:that|by)|announced|confirmed|stated
              |calculated|tallied|projects|projected|counted|claim(?:s|ed)|wrote|writes|noted|notes|argued|testified
              |pointed\s+out|(?:found|show(?:s|ed)?)\s+that|showed)\b
        )",
    )
    .expect("static regex")
});

/// True when `s` attributes what it says to a source. The regex runs only
/// on a text with a word that a match may start with.
pub fn attributes(s: &str) -> bool {
    words::may_attribute(s) && ATTRIBUTION.is_match(s)
}

/// [`Document::sentences_in`](crate::segment::Document::sentences_in) for
/// paragraphs asked in increasing order: a forward walk instead of two
/// binary searches over every sentence of the document each time.
struct ParagraphCursor<'d> {
    doc: &'d crate::segment::Document,
    first: usize,
    last_asked: Option<usize>,
}

impl<'d> ParagraphCursor<'d> {
    fn new(doc: &'d crate::segment::Document) -> Self {
        ParagraphCursor {
            doc,
            first: 0,
            last_asked: None,
        }
    }

    fn sentences_in(&mut self, p: usize) -> std::ops::Range<usize> {
        if self.last_asked.is_some_and(|q| p < q) {
            let range = self.doc.sentences_in(p);
            self.first = range.start;
            self.last_asked = Some(p);
            return range;
        }
        self.last_asked = Some(p);
        let s = &self.doc.sentences;
        while s.get(self.first).is_some_and(|x| x.paragraph < p) {
            self.first += 1;
        }
        let mut last = self.first;
        while s.get(last).is_some_and(|x| x.paragraph <= p) {
            last += 1;
        }
        self.first..last
    }
}

/// How many sentences with quantities are scanned before their output is
/// written: the writes then miss the cache one after another, not each
/// after a sentence's scan, and overlap.
const BATCH: usize = 512;

pub fn detect<'a>(cx: &Context<'a, '_>, sentences: &mut [Sentence<'a>]) {
    let mut toks = lex::Tokens::default();
    // The quantities of a batch of sentences, in order; one buffer for all.
    let mut qs: Vec<Found<'a>> = Vec::new();
    // The sentences of the batch, how many quantities each has and how
    // many of them are changes.
    let mut batch: Vec<(usize, usize, usize)> = Vec::with_capacity(BATCH);
    let mut out = Output {
        cache: None,
        paragraphs: ParagraphCursor::new(cx.doc),
    };
    // The sentences' ranges from the segmenter's compact list (the same
    // ranges, in the same order): most sentences hold no number, and
    // their report structs, three cache lines each, need not be read.
    let spans = &cx.doc.sentences;
    let aligned = spans.len() == sentences.len();
    for i in 0..sentences.len() {
        let range = if aligned {
            spans[i].range.clone()
        } else {
            sentences[i].span.range()
        };
        debug_assert_eq!(range, sentences[i].span.range());
        let before = qs.len();
        scan(&mut toks, cx.text, range, &mut qs);
        if qs.len() > before {
            let changes = qs[before..].iter().filter(|f| f.change.is_some()).count();
            batch.push((i, qs.len() - before, changes));
        }
        if batch.len() == BATCH || i + 1 == sentences.len() {
            // The sentences' structs read first, in a loop of independent
            // loads that the processor overlaps; the writes then find them
            // in the cache.
            let touched = batch.iter().fold(0, |x, &(k, _, _)| {
                let s = &sentences[k];
                x ^ s.paragraph
                    ^ s.evidence.capacity()
                    ^ s.quantities.capacity()
                    ^ s.quotes.len()
                    ^ s.sources.len()
                    ^ usize::from(s.labels.first().is_some_and(|&l| l == Label::Statistic))
            });
            std::hint::black_box(touched);
            let mut found = qs.drain(..);
            for &(k, n, changes) in &batch {
                out.emit(cx, sentences, k, found.by_ref().take(n), (n, changes));
            }
            drop(found);
            batch.clear();
        }
    }
}

/// Writes the quantities of one sentence at a time, in order.
struct Output<'d> {
    /// Whether the paragraph names a source; sentences come in order, so
    /// one cached paragraph keeps this linear. (This reads only what the
    /// statistic detector does not change: sources and text.)
    cache: Option<(usize, bool)>,
    paragraphs: ParagraphCursor<'d>,
}

impl Output<'_> {
    /// Adds the quantities `found` of sentence `i` to it: `count` of them,
    /// and of those so many changes.
    fn emit<'a>(
        &mut self,
        cx: &Context<'a, '_>,
        sentences: &mut [Sentence<'a>],
        i: usize,
        found: impl Iterator<Item = Found<'a>>,
        count: (usize, usize),
    ) {
        let p = sentences[i].paragraph;
        let para = match self.cache {
            Some((q, b)) if q == p => b,
            _ => {
                let range = self.paragraphs.sentences_in(p);
                // This sentence first: the regex most often matches in
                // the one with the number (`…, the bureau said`), which
                // spares searching the others.
                let first = range.start;
                let others = sentences.get(range).unwrap_or_default();
                let all = std::iter::once(&sentences[i]).chain(others);
                // The cheap test first over all of them, then the regex,
                // which searches this sentence once, not again among the
                // others.
                let b = all.clone().any(|s| !s.sources.is_empty())
                    || attributes(sentences[i].text)
                    || (first..)
                        .zip(others)
                        .any(|(k, s)| k != i && attributes(s.text));
                self.cache = Some((p, b));
                b
            }
        };
        let s = &mut sentences[i];
        // Each vector grows once, to the size it needs.
        let (n, changes) = count;
        s.evidence.reserve_exact(n + changes);
        s.quantities.reserve_exact(n);
        for f in found {
            let quoted = s
                .quotes
                .iter()
                .any(|q| q.speaker.is_some() && q.span.start <= f.start && f.end <= q.span.end);
            let text = &cx.text[f.start..f.end];
            let note = match (f.value, f.low, f.high) {
                (Some(v), _, _) => note_of(text, v),
                (None, Some(lo), Some(hi)) => Cow::Owned(format!("{lo}–{hi}")),
                _ => Cow::Borrowed(""),
            };
            if let Some(c) = f.change {
                s.evidence.push(Evidence {
                    label: Label::Statistic,
                    rule: "change",
                    span: Span::bytes(c..f.end),
                    text: &cx.text[c..f.end],
                    weight: CHANGE_WEIGHT,
                    note: Some(note.clone()),
                });
            }
            s.evidence.push(Evidence {
                label: Label::Statistic,
                rule: f.rule,
                span: Span::bytes(f.start..f.end),
                text,
                weight: weight(f.rule),
                note: Some(note),
            });
            s.quantities.push(Quantity {
                text,
                span: Span::bytes(f.start..f.end),
                value: f.value,
                unit: f.unit,
                approx: f.approx,
                low: f.low,
                high: f.high,
                sourced: para || quoted,
            });
        }
        s.add_label(Label::Statistic);
    }
}

#[cfg(test)]
mod tests;
