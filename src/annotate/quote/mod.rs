//! direct_quote: quotations, their speakers and cues (GUIDE §3).
//!
//! 1. `marks` pairs the quotation marks of each paragraph (linear time,
//!    apostrophes told apart, unclosed quotes ending at their paragraph).
//! 2. Pairs chain across paragraphs when a quote left open at a paragraph end
//!    reopens at the start of the next one (a multi-paragraph quote).
//! 3. `attrib` reads the text around each quote for its cue and speaker;
//!    short quotes without either are scare quotes, quotes after `the film`
//!    or `the word` are titles and mentions, and neither is a direct quote.
//! 4. Quotes without a speaker of their own take the one of the quote before
//!    them in the sentence or paragraph (`"A," she said. "B."`), of the next
//!    quote in the paragraph, or of the previous paragraph when they open
//!    theirs.
//! 5. Each quote is mapped onto every sentence it overlaps, with evidence,
//!    and its speaker becomes a [`SourceMention`].
//! 6. After the claim detector, [`resolve_pronouns`] resolves a pronoun
//!    speaker or claim source to the last person named before it (`Names`,
//!    `gender`).

mod attrib;
pub(crate) mod gender;
mod marks;
mod words;

use super::Context;
use super::sources::KindCache;
use crate::report::{Evidence, Label, Quote, Sentence, SourceMention, SourceRole};
use crate::segment::{Document, trim};
use crate::span::Span;
use marks::Pair;
use std::borrow::Cow;
use std::ops::Range;

/// Where quoted material lies, for the detectors that run after quotes.
#[derive(Debug, Default, Clone)]
pub struct QuoteMap {
    /// Byte ranges of quoted text, marks included, sorted and disjoint: words
    /// inside are the speaker's, never the writer's (scare quotes and titles
    /// of works included).
    pub quoted: Vec<Range<usize>>,
    /// Scare quotes (1–3 words, no speaker, no cue): editorial evidence.
    /// Marks included.
    pub scare: Vec<Range<usize>>,
}

impl QuoteMap {
    /// True when `pos` lies inside quoted material.
    pub fn is_quoted(&self, pos: usize) -> bool {
        let i = self.quoted.partition_point(|r| r.end <= pos);
        self.quoted.get(i).is_some_and(|r| r.start <= pos)
    }
}

/// Evidence weight of a full quote, a partial quote and a cue.
const FULL_WEIGHT: f32 = 1.5;
const PARTIAL_WEIGHT: f32 = 0.75;
const CUE_WEIGHT: f32 = 0.5;

/// How far (bytes) before and after a quote its attribution is looked for.
const REACH: usize = 400;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Real,
    Scare,
    Title,
}

/// One paragraph's share of a quotation.
struct Piece {
    pair: Pair,
    para: usize,
}

/// A quotation (one or more pieces) and what was found about it.
#[derive(Debug, Clone)]
struct Found {
    pieces: Range<usize>,
    kind: Kind,
    speaker: Option<Range<usize>>,
    cue: Option<Range<usize>>,
    partial: bool,
    closed: bool,
    /// A full quote that opens its paragraph.
    opens_paragraph: bool,
    /// A full (not partial) quote.
    standalone: bool,
    sentence: Option<usize>,
    para: usize,
}

pub fn detect<'a>(cx: &Context<'a, '_>, sentences: &mut [Sentence<'a>]) -> QuoteMap {
    let text = cx.text;
    let doc = cx.doc;
    let mut pieces = Vec::new();
    let mut pairer = marks::Pairer::default();
    let mut pairs = Vec::new();
    for (p, para) in doc.paragraphs.iter().enumerate() {
        pairer.pair_into(text, para.clone(), &mut pairs);
        for pair in pairs.drain(..) {
            if text[pair.inner()].chars().any(char::is_alphanumeric) {
                pieces.push(Piece { pair, para: p });
            }
        }
    }
    // Every piece belongs to one group, and the groups come in order: the
    // pieces' ranges are the quoted text, in order.
    let quoted: Vec<Range<usize>> = pieces.iter().map(|p| p.pair.outer()).collect();
    // One quotation per group of pieces: at most one per piece.
    let mut found: Vec<Found> = Vec::with_capacity(pieces.len());
    let mut hint = 0;
    for g in group(text, doc, &pieces) {
        let f = analyse(text, doc, &pieces, g, &found, &mut hint);
        found.push(f);
    }
    inherit(text, doc, &pieces, &mut found);
    let mut map = QuoteMap {
        quoted,
        scare: Vec::new(),
    };
    let mut hint = 0;
    let mut kinds = KindCache::default();
    for f in &found {
        if f.kind == Kind::Scare {
            map.scare
                .extend(pieces[f.pieces.clone()].iter().map(|p| p.pair.outer()));
        }
        if f.kind == Kind::Real {
            place(text, doc, &pieces, f, sentences, &mut hint, &mut kinds);
        }
    }
    // The later detectors walk these with cursors and binary searches.
    let sorted = |v: &[Range<usize>]| v.windows(2).all(|w| w[0].end <= w[1].start);
    debug_assert!(
        sorted(&map.quoted) && sorted(&map.scare),
        "quote map not sorted"
    );
    map
}

/// Resolves `he` and `she` as the speakers of quotes and as the sources of
/// claims (after both detectors ran) to the last person named before them
/// outside quotes (`Names`): one reading of the text for both, in text
/// order. Fills `speaker_resolved` of quotes, and `resolved` and `kind`
/// (that of the name) of source mentions.
pub fn resolve_pronouns<'a>(
    cx: &Context<'a, '_>,
    sentences: &mut [Sentence<'a>],
    quotes: &QuoteMap,
) {
    /// What a pronoun belongs to: the speaker of a sentence's quote, or one
    /// of its source mentions (by index).
    enum Of {
        Quote(usize),
        Mention(usize),
    }
    let text = cx.text;
    let pronoun = |r: Range<usize>| gender::Gender::of_pronoun(&text[r]).is_some();
    // (where, sentence, what)
    let mut asks: Vec<(Range<usize>, usize, Of)> = Vec::new();
    for (k, s) in sentences.iter().enumerate() {
        for (i, q) in s.quotes.iter().enumerate() {
            if let Some(sp) = q.speaker_span.filter(|sp| pronoun(sp.range())) {
                asks.push((sp.range(), k, Of::Quote(i)));
            }
        }
        for (j, m) in s.sources.iter().enumerate() {
            if pronoun(m.span.range()) {
                asks.push((m.span.range(), k, Of::Mention(j)));
            }
        }
    }
    if asks.is_empty() {
        return;
    }
    // Speakers often come after their quote's sentence: in text order.
    asks.sort_by_key(|a| a.0.start);
    let mut names = Names::from(cx.start);
    let mut kinds = KindCache::default();
    for (at, k, of) in asks {
        let Some(name) = names
            .resolve(text, cx.doc, &quotes.quoted, at)
            .map(|r| &text[r])
        else {
            continue;
        };
        // `Gary Johnson's campaign …. He said`: the owner is the person.
        let name = ["'s", "’s"]
            .iter()
            .find_map(|s| name.strip_suffix(s))
            .unwrap_or(name);
        let s = &mut sentences[k];
        match of {
            Of::Quote(i) => s.quotes[i].speaker_resolved = Some(name),
            Of::Mention(j) => {
                let m = &mut s.sources[j];
                m.resolved = Some(name);
                m.kind = kinds.classify(name);
            }
        }
    }
}

/// Chains the pieces of multi-paragraph quotes.
fn group(text: &str, doc: &Document, pieces: &[Piece]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < pieces.len() {
        let start = i;
        while i + 1 < pieces.len() && continues(text, doc, &pieces[i], &pieces[i + 1]) {
            i += 1;
        }
        out.push(start..i + 1);
        i += 1;
    }
    out
}

fn continues(text: &str, doc: &Document, a: &Piece, b: &Piece) -> bool {
    a.pair.close.is_none()
        && b.para == a.para + 1
        && b.pair.family == a.pair.family
        && b.pair.open.start == trim(text, doc.paragraphs[b.para].clone()).start
}

fn floor_char(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_char(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// The index of the sentence holding byte `pos`; `hint` as for
/// [`sentences_before`].
fn sentence_at(doc: &Document, hint: &mut usize, pos: usize) -> Option<usize> {
    let i = sentences_before(doc, hint, pos);
    doc.sentences
        .get(i)
        .filter(|s| s.range.start <= pos)
        .map(|_| i)
}

/// The last punctuation of a quote: inside the marks, or a comma or dash
/// right after them (`"killer",`). A space when there is none.
fn ended(text: &str, pair: &Pair) -> char {
    let inside = text[pair.inner()].trim_end().chars().next_back();
    if let Some(c @ ('.' | ',' | '?' | '!' | '—' | '–' | ':' | ';')) = inside {
        return if matches!(c, '—' | '–' | ':' | ';') {
            ','
        } else {
            c
        };
    }
    match text[pair.outer().end..].chars().next() {
        Some(',' | '—' | '–') => ',',
        _ => ' ',
    }
}

/// `doc.sentences.partition_point(|s| s.range.end <= pos)`, searched
/// forward from `hint` (and `hint` set to the answer): quotes come in text
/// order, so the answer is mostly at or just after the last one, and a
/// binary search over all the sentences of a long text misses the cache.
fn sentences_before(doc: &Document, hint: &mut usize, pos: usize) -> usize {
    let all = &doc.sentences;
    let before = |i: usize| all[i].range.end <= pos;
    let i = if *hint > all.len() || (*hint > 0 && !before(*hint - 1)) {
        all.partition_point(|s| s.range.end <= pos)
    } else {
        // Every sentence below `lo` ends before `pos`: gallop, then search.
        let (mut lo, mut step) = (*hint, 1);
        while lo + step <= all.len() && before(lo + step - 1) {
            lo += step;
            step *= 2;
        }
        let hi = (lo + step).min(all.len());
        lo + all[lo..hi].partition_point(|s| s.range.end <= pos)
    };
    *hint = i;
    i
}

/// Title case: every word of four letters or more is capitalised.
fn title_case(s: &str) -> bool {
    let mut long = 0;
    for w in s.split_whitespace().take(12) {
        let letters = w.trim_matches(|c: char| !c.is_alphanumeric());
        if letters.chars().count() >= 4 {
            long += 1;
            if !letters.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()) {
                return false;
            }
        }
    }
    long > 0
}

/// At most six words and no sentence end: a name, not a statement.
fn short_phrase(s: &str) -> bool {
    s.split_whitespace().count() <= 6 && !s.trim_end().ends_with(['.', '?', '!'])
}

/// Up to four: the number of words in the quote.
fn word_count(text: &str, pieces: &[Piece]) -> usize {
    pieces
        .iter()
        .flat_map(|p| text[p.pair.inner()].split_whitespace())
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .take(4)
        .count()
}

fn analyse(
    text: &str,
    doc: &Document,
    pieces: &[Piece],
    g: Range<usize>,
    earlier: &[Found],
    hint: &mut usize,
) -> Found {
    let first = &pieces[g.start];
    let last = &pieces[g.end - 1];
    let open = first.pair.open.start;
    let para = doc.paragraphs[first.para].clone();
    let sentence = sentence_at(doc, hint, open);
    let s_start = sentence.map_or(para.start, |i| doc.sentences[i].range.start);
    // The window before the quote starts after the previous real quote of
    // the paragraph: titles and scare quotes in between (up to three) are
    // read through (`tells MSNBC's "Morning Joe" on Friday that "…"`).
    let mut prev_end = para.start;
    let mut skipped = earlier.len();
    for i in (0..g.start).rev() {
        let p = &pieces[i];
        if p.para != first.para {
            break;
        }
        while skipped > 0 && earlier[skipped - 1].pieces.start > i {
            skipped -= 1;
        }
        let real = skipped == 0 || earlier[skipped - 1].kind == Kind::Real;
        if real || g.start - i > 3 {
            prev_end = p.pair.outer().end;
            break;
        }
    }
    let from = s_start
        .max(prev_end)
        .max(floor_char(text, open.saturating_sub(REACH)))
        .min(open);
    let inner = &text[first.pair.inner()];
    let upper = inner
        .chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(|c| !c.is_lowercase());
    let titled = title_case(inner);
    let mut before = attrib::before(text, from..open, upper, titled, from == s_start);
    if before.found.cue.is_some() && before.found.speaker.is_none() && from > s_start {
        // `…, and, when questioned, asserting, "…"`: the sentence's subject.
        let end = ceil_char(text, s_start + REACH).min(from);
        before.found.speaker = attrib::subject_of(text, s_start..end);
    }

    let last_para = doc.paragraphs[last.para].clone();
    let after_start = last.pair.outer().end;
    let next_open = match pieces.get(g.end) {
        Some(p) if p.para == last.para => p.pair.open.start,
        _ => last_para.end,
    };
    let after_end = next_open
        .min(ceil_char(text, after_start + REACH))
        .max(after_start);
    let end_mark = ended(text, &last.pair);
    let after = last
        .pair
        .close
        .as_ref()
        .and_then(|_| attrib::after(text, after_start..after_end, end_mark));

    let multi = g.len() > 1;
    let words = word_count(text, &pieces[g.clone()]);
    let own_attribution = after.as_ref().is_some_and(|a| a.speaker.is_some()) || before.intro;
    // A title-cased phrase without an attribution of its own names something
    // (`a "Commander-in-Chief Forum"`); a title-cased paragraph is a heading.
    let heading = titled
        && inner.split_whitespace().count() <= 8
        && first.pair.outer() == trim(text, para.clone());
    let named = titled
        && !own_attribution
        && !before.at_start
        && !before.framed
        && !before.near_cue
        && short_phrase(inner);
    let mut kind = if !multi && (before.title || heading || named) {
        Kind::Title
    } else {
        Kind::Real
    };
    let mut partial = !multi && before.embedded;
    // An attribution after the quote names its speaker most directly
    // (`"…," she said` beats the `X told Y:` before it); then one that
    // introduces it; then a cue earlier in the sentence.
    let mut hit = match after {
        Some(a) if a.speaker.is_some() || !before.intro => a,
        _ => before.found.clone(),
    };
    if hit.speaker.is_none() {
        hit.speaker = transcript_label(text, first.pair.inner());
    }
    let standalone = !partial && (before.at_start || before.intro);
    if kind == Kind::Real && !hit.any() && !before.framed {
        if let Some(later) = attrib::later_cue(text, after_start..after_end) {
            // `plans to hold "open talks" were announced`
            hit = later;
            partial = true;
        } else if words <= 3 && !(standalone && matches!(end_mark, '.' | ',' | '?' | '!')) {
            kind = Kind::Scare;
        }
    }
    Found {
        kind,
        speaker: hit.speaker,
        cue: hit.cue,
        partial,
        closed: last.pair.close.is_some(),
        opens_paragraph: before.at_start && open == trim(text, para).start,
        standalone,
        sentence,
        para: first.para,
        pieces: g,
    }
}

/// A transcript's speaker label opening the quote: `"PENCE: Well, …"`.
fn transcript_label(text: &str, inner: Range<usize>) -> Option<Range<usize>> {
    let body = &text[inner.clone()];
    let word = body.split(':').next()?;
    let label = word.len() >= 2
        && word.len() < body.len()
        && word.len() <= 24
        && word
            .chars()
            .all(|c| c.is_uppercase() || c == ' ' || c == '.')
        && word.chars().filter(|c| c.is_uppercase()).count() >= 2;
    label.then(|| inner.start..inner.start + word.len())
}

/// Gives quotes without a speaker the speaker of a neighbouring quote.
fn inherit(text: &str, doc: &Document, pieces: &[Piece], found: &mut [Found]) {
    let own: Vec<bool> = found.iter().map(|f| f.speaker.is_some()).collect();
    let mut prev: Option<usize> = None; // the last real quote with a speaker
    for i in 0..found.len() {
        if found[i].kind != Kind::Real {
            continue;
        }
        if found[i].speaker.is_none() {
            let f = &found[i];
            let same_para = prev.filter(|&p| found[p].para == f.para);
            let source = same_para
                .filter(|&p| f.standalone || found[p].sentence == f.sentence)
                .or_else(|| {
                    // The next quote of the paragraph: `"A." "B," she said.`
                    let next = (i + 1..found.len())
                        .take_while(|&j| found[j].para == f.para)
                        .take(4)
                        .find(|&j| found[j].kind == Kind::Real)?;
                    (f.standalone && own[next]).then_some(next)
                })
                .or_else(|| {
                    // A quote opening its paragraph continues the last one.
                    if !f.opens_paragraph || f.para == 0 {
                        return None;
                    }
                    let p = prev.filter(|&p| found[p].para + 1 == f.para)?;
                    let last_sentence = doc.sentences_in(found[p].para).end.checked_sub(1)?;
                    let span_end = pieces[found[p].pieces.end - 1].pair.outer().end;
                    let near = found[p]
                        .speaker
                        .as_ref()
                        .map_or(span_end, |s| s.end.max(span_end));
                    (near > doc.sentences[last_sentence].range.start).then_some(p)
                });
            let prev_sentence = f
                .sentence
                .and_then(|s| s.checked_sub(1))
                .filter(|&s| f.standalone && doc.sentences[s].paragraph == f.para);
            if let Some(p) = source {
                found[i].speaker = found[p].speaker.clone();
            } else if let Some(hit) = prev_sentence.and_then(|s| {
                // Only its tail matters; bounded so that many quotes
                // after one long sentence stay linear.
                let r = doc.sentences[s].range.clone();
                let lo = floor_char(text, r.end.saturating_sub(REACH)).max(r.start);
                attrib::closing_attribution(text, lo..r.end)
            }) {
                // `…, Schiff said. "The other factor …"`
                found[i].speaker = hit.speaker;
            } else if f.opens_paragraph && f.para > 0 {
                // `Caddell continued:` at the end of the previous paragraph.
                let prev_para = doc.paragraphs[f.para - 1].clone();
                let last_sentence = doc.sentences_in(f.para - 1).end.checked_sub(1);
                let lo = last_sentence.map_or(prev_para.start, |s| doc.sentences[s].range.start);
                let lo = lo.max(floor_char(text, prev_para.end.saturating_sub(REACH)));
                let lo = pieces[..found[i].pieces.start]
                    .iter()
                    .rev()
                    .take_while(|p| p.para + 1 >= f.para)
                    .find(|p| p.para == f.para - 1)
                    .map_or(lo, |p| lo.max(p.pair.outer().end));
                if let Some(hit) = attrib::paragraph_intro(text, lo..prev_para.end) {
                    found[i].speaker = hit.speaker;
                }
            }
        }
        if found[i].speaker.is_some() {
            prev = Some(i);
        }
    }
}

/// The last person named in the unquoted text read so far: what `he` and
/// `she` stand for.
struct Names {
    pos: usize,
    next_quoted: usize,
    /// The last name read, whatever its gender.
    last: Option<Range<usize>>,
    /// For `he` and for `she`, when the last name is of the other gender:
    /// where that name starts, and the fitting name found before it.
    other: [Option<(usize, Option<Range<usize>>)>; 2],
    /// Token buffer reused by every call of `last_name`.
    toks: Vec<attrib::Tok>,
    /// The unquoted stretches of one scan, reused.
    stretches: Vec<Range<usize>>,
    /// Where reading starts: nothing before it is read.
    start: usize,
    /// What is known of the lone words met as names.
    lone: LoneWords,
}

impl Names {
    /// Reads text from `start` on.
    fn from(start: usize) -> Names {
        Names {
            pos: start,
            next_quoted: 0,
            last: None,
            other: [None, None],
            toks: Vec::new(),
            stretches: Vec::new(),
            start,
            lone: LoneWords::default(),
        }
    }

    /// For a source `text[source]` that is `he` or `she`: the last person
    /// named before it outside the `quoted` ranges (sorted, disjoint) whose
    /// title or given name does not say the other gender. Asked in text
    /// order, it reads each stretch of text once; asked about an earlier
    /// place, it answers for the furthest place read.
    fn resolve(
        &mut self,
        text: &str,
        doc: &Document,
        quoted: &[Range<usize>],
        source: Range<usize>,
    ) -> Option<Range<usize>> {
        let gender = gender::Gender::of_pronoun(&text[source.clone()])?;
        if source.start >= self.pos {
            self.scan(text, doc, quoted, source.start);
        }
        let last = self.last.clone()?;
        // A lone surname tells no gender: it is often shared in a family
        // (`Heidi Cruz` … `Cruz said`), and `of_name` leaves it alone.
        if gender::of_name(&text[last.clone()]).is_none_or(|g| g == gender) {
            return Some(last);
        }
        // The other gender: looked for further back, once for this name.
        let slot = gender as usize;
        if let Some((at, found)) = &self.other[slot]
            && *at == last.start
        {
            return found.clone();
        }
        let found = self.fitting_before(text, doc, quoted, last.start, gender);
        self.other[slot] = Some((last.start, found.clone()));
        found
    }

    /// Reads the unquoted text up to `to`. The stretches between quotes are
    /// read from the last one back: the first name found is the last one
    /// named, and the text before it need not be read at all.
    fn scan(&mut self, text: &str, doc: &Document, quoted: &[Range<usize>], to: usize) {
        self.stretches.clear();
        while self.pos < to {
            let stop = match quoted.get(self.next_quoted) {
                Some(q) if q.start < to => q.start,
                _ => to,
            };
            if self.pos < stop {
                self.stretches.push(self.pos..stop);
            }
            if stop < to {
                self.pos = self.pos.max(quoted[self.next_quoted].end);
                self.next_quoted += 1;
            } else {
                self.pos = to;
            }
        }
        if let Some(name) = self.last_in_stretches(text, doc, None) {
            self.last = Some(name);
        }
    }

    /// The last name of `gender` or of none, in the unquoted text of at
    /// most [`GENDER_LOOK_BACK`] bytes before `before`.
    fn fitting_before(
        &mut self,
        text: &str,
        doc: &Document,
        quoted: &[Range<usize>],
        before: usize,
        gender: gender::Gender,
    ) -> Option<Range<usize>> {
        let lo = ceil_char(text, before.saturating_sub(GENDER_LOOK_BACK)).max(self.start);
        self.stretches.clear();
        let mut at = lo;
        for q in &quoted[quoted.partition_point(|q| q.end <= lo)..] {
            if q.start >= before {
                break;
            }
            if at < q.start {
                self.stretches.push(at..q.start);
            }
            at = at.max(q.end);
        }
        if at < before {
            self.stretches.push(at..before);
        }
        self.last_in_stretches(text, doc, Some(gender))
    }

    /// The last name in `self.stretches` that a pronoun may stand for, and
    /// when `gender` is given, whose title or given name does not say the
    /// other one.
    fn last_in_stretches(
        &mut self,
        text: &str,
        doc: &Document,
        gender: Option<gender::Gender>,
    ) -> Option<Range<usize>> {
        let start = self.start;
        let lone = &mut self.lone;
        for r in self.stretches.iter().rev() {
            // Not a headline, byline or heading; a lone word only when
            // named in full before.
            let accept = |name: Range<usize>| {
                !in_heading(text, doc, name.start)
                    && !names_a_place(text, start, name.clone())
                    && gender
                        .is_none_or(|g| gender::of_name(&text[name.clone()]).is_none_or(|n| n == g))
                    && lone.named_before(text, start, name)
            };
            if let Some(name) = attrib::last_name_with(text, r.clone(), &mut self.toks, accept) {
                return Some(name);
            }
        }
        None
    }
}

/// How far back a name of the right gender is looked for when the last one
/// is of the other (`Mr. Tom Ash` before `she said`): a few paragraphs.
const GENDER_LOOK_BACK: usize = 2 << 10;

/// How far back a lone word is looked for as the end of a longer name:
/// about a long article.
const LOOK_BACK: usize = 8 << 10;

/// For each lone word asked about: the stretch of text searched for it as
/// the end of a longer name, and the last place found there. Names are
/// mostly asked about in text order, so each search goes on from where the
/// last one stopped, and text is searched for one word about once.
#[derive(Default)]
struct LoneWords {
    seen: rustc_hash::FxHashMap<Box<str>, Searched>,
}

#[derive(Clone, Copy)]
struct Searched {
    from: usize,
    to: usize,
    last: Option<usize>,
}

impl LoneWords {
    /// Whether the name `text[name]` has more than one word, or is the last
    /// word of a longer name at most [`LOOK_BACK`] bytes before it (`Ana
    /// Ruiz … Ruiz wants`), reading nothing before `start`: a lone
    /// capitalised word that opens a sentence (`Traffic was diverted`) is a
    /// person only when named so before.
    fn named_before(&mut self, text: &str, start: usize, name: Range<usize>) -> bool {
        let word = &text[name.clone()];
        if word.contains(char::is_whitespace) {
            return true;
        }
        let mut from = name.start.saturating_sub(LOOK_BACK).max(start);
        while !text.is_char_boundary(from) {
            from += 1;
        }
        let at = name.start;
        // The last place in `text[a..b]` where `word` ends a longer name
        // (searched forwards: the reverse search is not vectorised).
        let last_in = |a: usize, b: usize| {
            memchr::memmem::find_iter(&text.as_bytes()[a..b], word.as_bytes())
                .map(|i| a + i)
                .filter(|&i| ends_a_name(text, start, i, word.len()))
                .last()
        };
        let known = match self.seen.get_mut(word) {
            Some(s) if s.from <= from && from <= s.to && s.to <= at => {
                // Search on from where the last search stopped, which lies
                // in the window; a hit may straddle that point.
                let again = s.to.saturating_sub(word.len()).max(s.from);
                s.last = last_in(again, at).or(s.last);
                s.to = at;
                Some(s.last)
            }
            // Asked again about an earlier place (names are read from the
            // end of a stretch back): known when there was no hit at all,
            // or the last one lies before it.
            Some(s) if s.from <= from && at <= s.to && s.last.is_none_or(|h| h < at) => {
                Some(s.last)
            }
            _ => None,
        };
        let last = known.unwrap_or_else(|| {
            let last = last_in(from, at);
            self.seen
                .insert(word.into(), Searched { from, to: at, last });
            last
        });
        last.is_some_and(|h| h >= from && h < at)
    }
}

/// Whether the word at `text[at..at + len]` is the last word of a name of
/// two words or more (`Ana Ruiz`), reading nothing before `start`.
fn ends_a_name(text: &str, start: usize, at: usize, len: usize) -> bool {
    !text[at + len..].starts_with(char::is_alphanumeric)
        && word_before(text, start, at).is_some_and(|w| w.starts_with(char::is_uppercase))
}

/// The word (letters, digits and dots: `Dr.`) that ends right before the
/// spaces before `at`, reading nothing before `start`; None when no space
/// separates them.
fn word_before(text: &str, start: usize, at: usize) -> Option<&str> {
    let lead = text[start..at].trim_end_matches([' ', '\u{a0}']);
    (lead.len() < at - start)
        .then(|| {
            lead.rsplit(|c: char| !c.is_alphanumeric() && c != '.')
                .next()
        })
        .flatten()
}

/// Last words that make a name a place or an organisation, not a person
/// `he` or `she` could point back to (`Halden Falls`, `Carlow County`).
const PLACE_HEADS: [&str; 24] = [
    "river",
    "street",
    "avenue",
    "road",
    "county",
    "city",
    "falls",
    "lake",
    "park",
    "bridge",
    "valley",
    "island",
    "department",
    "university",
    "college",
    "school",
    "hospital",
    "company",
    "council",
    "committee",
    "party",
    "court",
    "church",
    "airport",
];

/// Whether `text[name]` names a place or an organisation: it follows
/// `the` (`the Siltcoe River`, `the Justice Department`: a person's name
/// takes no article), ends with a word of [`PLACE_HEADS`], or is a country
/// or a US state ([`PLACES`]). Reads nothing before `start`.
fn names_a_place(text: &str, start: usize, name: Range<usize>) -> bool {
    let last = text[name.clone()]
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    if PLACE_HEADS.iter().any(|h| h.eq_ignore_ascii_case(last))
        || PLACES.contains(&text[name.clone()])
    {
        return true;
    }
    word_before(text, start, name.start).is_some_and(|w| w.eq_ignore_ascii_case("the"))
}

/// Countries and US states (`places.txt`), matched as a whole name.
static PLACES: std::sync::LazyLock<rustc_hash::FxHashSet<&'static str>> =
    std::sync::LazyLock::new(|| {
        include_str!("places.txt")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect()
    });

/// Whether the name at `at` lies in the headline, the byline or a heading:
/// a pronoun never points back to the words of a title (`Council Backs
/// Plan After Long Session`) or to the article's author.
fn in_heading(text: &str, doc: &Document, at: usize) -> bool {
    if [&doc.title, &doc.byline]
        .into_iter()
        .flatten()
        .any(|r| r.contains(&at))
    {
        return true;
    }
    let p = doc.paragraphs.partition_point(|p| p.end <= at);
    doc.paragraphs
        .get(p)
        .is_some_and(|para| para.start <= at && heading(&text[para.clone()]))
}

/// A paragraph that reads as a heading or a signature: a few title-cased
/// words with no sentence end.
fn heading(para: &str) -> bool {
    let para = para.trim_end();
    !para.ends_with(['.', '?', '!', ':', ';', ',', '"', '”', '’', '\'', ')'])
        && para.split_whitespace().nth(12).is_none()
        && title_case(para)
}

/// Puts one quote onto every sentence it overlaps.
fn place<'a>(
    text: &'a str,
    doc: &Document,
    pieces: &[Piece],
    f: &Found,
    sentences: &mut [Sentence<'a>],
    hint: &mut usize,
    kinds: &mut KindCache<'a>,
) {
    let piece = |r: &Option<Range<usize>>| r.as_ref().map(|r| &text[r.clone()]);
    let speaker = piece(&f.speaker);
    let mut first_sentence = None;
    let mut mentioned = false;
    let mut mention = |s: &mut Sentence<'a>| {
        if let Some(sp) = f.speaker.clone() {
            // Most sentences name one source: room for four is mostly unused.
            if s.sources.capacity() == 0 {
                s.sources.reserve_exact(1);
            }
            s.sources.push(SourceMention {
                text: &text[sp.clone()],
                span: Span::bytes(sp.clone()),
                // A pronoun's kind is that of its name: see
                // `resolve_pronouns`.
                kind: kinds.classify(&text[sp]),
                role: SourceRole::Quote,
                resolved: None,
            });
        }
    };
    for p in &pieces[f.pieces.clone()] {
        let inner = trim(text, p.pair.inner());
        let mut si = sentences_before(doc, hint, inner.start);
        while let Some(s) = doc.sentences.get(si) {
            if s.range.start >= inner.end {
                break;
            }
            let clip = trim(
                text,
                inner.start.max(s.range.start)..inner.end.min(s.range.end),
            );
            if let Some(sentence) = sentences.get_mut(si)
                && text[clip.clone()].chars().any(char::is_alphanumeric)
            {
                first_sentence.get_or_insert(si);
                // Most sentences hold one quote: room for four (what a first
                // push makes) is mostly never used.
                if sentence.quotes.capacity() == 0 {
                    sentence.quotes.reserve_exact(1);
                }
                sentence.quotes.push(Quote {
                    text: &text[clip.clone()],
                    span: Span::bytes(clip.clone()),
                    speaker,
                    speaker_span: f.speaker.clone().map(Span::bytes),
                    speaker_resolved: None,
                    cue: piece(&f.cue),
                    cue_span: f.cue.clone().map(Span::bytes),
                    partial: f.partial,
                    closed: f.closed,
                });
                sentence.add_label(Label::DirectQuote);
                let note = speaker.map(Cow::Borrowed);
                sentence.evidence.push(Evidence {
                    label: Label::DirectQuote,
                    rule: "quote",
                    span: Span::bytes(clip.clone()),
                    text: &text[clip],
                    weight: if f.partial {
                        PARTIAL_WEIGHT
                    } else {
                        FULL_WEIGHT
                    },
                    note: note.clone(),
                });
                if let Some(cue) = f
                    .cue
                    .clone()
                    .filter(|c| s.range.start <= c.start && c.end <= s.range.end)
                {
                    sentence.evidence.push(Evidence {
                        label: Label::DirectQuote,
                        rule: "quote_cue",
                        span: Span::bytes(cue.clone()),
                        text: &text[cue],
                        weight: CUE_WEIGHT,
                        note,
                    });
                }
                if !mentioned
                    && f.speaker
                        .as_ref()
                        .is_some_and(|sp| s.range.start <= sp.start && sp.end <= s.range.end)
                {
                    mention(sentence);
                    mentioned = true;
                }
            }
            si += 1;
        }
    }
    if !mentioned && let Some(s) = first_sentence.and_then(|i| sentences.get_mut(i)) {
        mention(s);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The hinted search answers as a binary search, from any hint.
    #[test]
    fn sentences_before_any_hint() {
        let text = "One. Two two. Three three three.\n\nFour. Five five.";
        let doc = crate::segment::segment(text);
        let n = doc.sentences.len();
        assert!(n >= 4);
        for pos in 0..=text.len() + 1 {
            let want = doc.sentences.partition_point(|s| s.range.end <= pos);
            for start in 0..=n + 1 {
                let mut hint = start;
                assert_eq!(
                    sentences_before(&doc, &mut hint, pos),
                    want,
                    "{pos} {start}"
                );
                assert_eq!(hint, want);
            }
        }
    }

    /// The analysed sentences, and the quote map of the same text.
    fn run(text: &str) -> (Vec<Sentence<'_>>, QuoteMap) {
        let sentences = crate::analyze(text, &crate::Options::default()).sentences;
        let map = crate::annotate::with_context(text, |cx| detect(cx, &mut []));
        (sentences, map)
    }

    fn quotes(text: &str) -> Vec<(String, Option<String>, bool)> {
        let (sentences, _) = run(text);
        sentences
            .iter()
            .flat_map(|s| s.quotes.iter())
            .map(|q| (q.text.to_string(), q.speaker.map(str::to_string), q.partial))
            .collect()
    }

    #[test]
    fn spans_are_exact() {
        let text = "“We will win. We always do,” she said.\n\n“Never,” he said of “the plan.";
        let (sentences, _) = run(text);
        for s in &sentences {
            for q in &s.quotes {
                assert_eq!(&text[q.span.range()], q.text);
                if let (Some(sp), Some(t)) = (q.speaker_span, q.speaker) {
                    assert_eq!(&text[sp.range()], t);
                }
            }
        }
    }

    #[test]
    fn quote_across_sentences_with_later_speaker() {
        let q = quotes("“The talks went well. Both sides agreed,” a council statement reads.");
        assert_eq!(q.len(), 2);
        assert!(
            q.iter()
                .all(|(_, s, p)| s.as_deref() == Some("a council statement") && !p)
        );
    }

    #[test]
    fn scare_quotes_and_titles_are_not_quotes() {
        let text = "The “experts” were wrong, and the film “Jaws” was long.";
        let (sentences, map) = run(text);
        assert!(sentences.iter().all(|s| s.quotes.is_empty()));
        assert_eq!(map.scare.len(), 1);
        assert_eq!(&text[map.scare[0].clone()], "“experts”");
        assert_eq!(map.quoted.len(), 2);
        assert!(map.is_quoted(text.find("Jaws").unwrap()));
    }

    #[test]
    fn partial_quote_with_speech_act() {
        let q = quotes("Yesterday, Mayor Ann Lee slammed the plan as a “disaster,” then left.");
        assert_eq!(
            q,
            [("disaster,".into(), Some("Mayor Ann Lee".into()), true)]
        );
    }

    #[test]
    fn pronoun_resolves_to_last_name() {
        let text = "Tom Ash spoke at noon.\n\n“It is done,” he said.";
        let (sentences, _) = run(text);
        let q = &sentences[1].quotes[0];
        assert_eq!(q.speaker, Some("he"));
        assert_eq!(q.speaker_resolved, Some("Tom Ash"));
    }

    #[test]
    fn name_stops_at_a_blank_line() {
        // A headline without a full stop, then a paragraph that opens with
        // the name: the name is the paragraph's, not the headline's tail.
        let text = "Council Backs Plan\n\nAna Ruiz spoke at noon.\n\n“It is done,” she said.";
        let (sentences, _) = run(text);
        let q = &sentences.last().unwrap().quotes[0];
        assert_eq!(q.speaker_resolved, Some("Ana Ruiz"));
    }

    /// The name a pronoun speaker `he`/`she` in the last sentence of
    /// `text` is resolved to.
    fn resolved(text: &str) -> Option<&str> {
        let (sentences, _) = run(text);
        let q = sentences.last().unwrap().quotes[0].clone();
        assert!(matches!(q.speaker, Some("he" | "she")), "{q:?}");
        q.speaker_resolved
    }

    /// A title or a given name that says the other gender rules a name
    /// out; a name that says none (`Jordan Reyes`, a lone `Ash`) fits both.
    #[test]
    fn pronoun_skips_a_name_of_the_other_gender() {
        for (text, want) in [
            (
                "Mr. Tom Ash met Hillary Wren on Monday. “It is late,” she said.",
                "Hillary Wren",
            ),
            (
                "Mr. Tom Ash met Hillary Wren on Monday. “It is late,” he said.",
                "Mr. Tom Ash",
            ),
            (
                "Mr. Tom Ash met Jordan Reyes on Monday. “It is late,” she said.",
                "Jordan Reyes",
            ),
            // Each pronoun keeps its last fitting name across quotes.
            (
                "Carla Diaz spoke after Mr. Tom Ash. “No,” she said. “Yes,” he said.",
                "Mr. Tom Ash",
            ),
            // The owner, not the possessive.
            (
                "Gary Ash’s campaign released a letter. “I am healthy,” he said.",
                "Gary Ash",
            ),
            // A lone surname tells nothing, even after a longer name of a woman.
            (
                "Heidi Cruz waved. Cruz spoke on Monday. “It is late,” he said.",
                "Cruz",
            ),
        ] {
            assert_eq!(resolved(text), Some(want), "{text}");
        }
    }

    #[test]
    fn pronoun_never_points_to_the_headline_or_the_byline() {
        let text = "Council Backs Bus Plan After Long Session\n\nBy Ana Ruiz\n\nThe city council voted on Tuesday.\n\n“It is done,” she said.";
        let report = crate::analyze(text, &crate::Options::default());
        assert!(report.title.is_some() && report.byline.is_some());
        assert_eq!(resolved(text), None);
    }

    #[test]
    fn pronoun_reads_on_before_a_heading() {
        let text = "Tom Ash spoke at noon.\n\nLong Session Ahead\n\n“It is done,” he said.";
        assert_eq!(resolved(text), Some("Tom Ash"));
    }

    #[test]
    fn lone_word_is_a_name_only_when_named_in_full_before() {
        // `Traffic` opens a sentence before a verb, as `Ruiz` does.
        assert_eq!(
            resolved("Traffic was diverted.\n\n“It is done,” she said."),
            None
        );
        assert_eq!(
            resolved("Tom Ash met Ana Ruiz. Traffic was diverted.\n\n“No,” she said."),
            Some("Ana Ruiz")
        );
        assert_eq!(
            resolved("Ana Ruiz met Tom Ash. Ash wants a deal.\n\n“No,” he said."),
            Some("Ash")
        );
        // A verb before a determiner is not a subject.
        assert_eq!(
            resolved("Tom Ash left. Make no mistake.\n\n“No,” he said."),
            Some("Tom Ash")
        );
    }

    #[test]
    fn a_lone_word_turned_down_long_ago_is_looked_for_again() {
        // `Ash` is no name at first (never named in full); far on, after
        // `Tom Ash`, it is.
        let filler = "The river rose slowly over the week. ".repeat(300);
        let text = format!(
            "Ash wants a deal.\n\n“No,” he said.\n\n{filler}\n\nTom Ash came back.\n\n\
             Ash wants more.\n\n“Yes,” he said."
        );
        let (sentences, _) = run(&text);
        let resolved: Vec<_> = sentences
            .iter()
            .flat_map(|s| &s.quotes)
            .map(|q| q.speaker_resolved)
            .collect();
        assert_eq!(resolved, [None, Some("Ash")]);
    }

    #[test]
    fn pronoun_skips_organisations() {
        let text = "Ana Ruiz runs the shop. Last year Bell Properties Ltd. offered to buy it.\n\n“No,” she said.";
        let (sentences, _) = run(text);
        let q = &sentences[2].quotes[0];
        assert_eq!(q.speaker_resolved, Some("Ana Ruiz"));
    }

    #[test]
    fn pronoun_skips_places() {
        assert_eq!(
            resolved("Ana Ruiz fished as the Siltcoe River rose.\n\n“It is high,” she said."),
            Some("Ana Ruiz")
        );
        assert_eq!(
            resolved("Tom Ash drove home. Halden Falls was quiet.\n\n“It is late,” he said."),
            Some("Tom Ash")
        );
        // A country or a state is a place as a whole name only.
        assert_eq!(
            resolved("Tom Ash warned of hackers in China and North Korea. “It is late,” he said."),
            Some("Tom Ash")
        );
        assert!(names_a_place("West Virginia", 0, 0..13));
        assert!(!names_a_place("Virginia Holt", 0, 0..13));
        // `the` before a name, not inside it.
        assert!(names_a_place("at the Justice Department", 0, 7..25));
        assert!(!names_a_place("Thea Ruiz", 0, 0..9));
    }

    #[test]
    fn quoted_ranges_are_sorted_disjoint_and_on_char_boundaries() {
        let text = "‘Mixed “marks,’ he said” «and» „more“ 'n' ‘90s \"open.\n\n“Next ‘one” and ‘two’ “three";
        let (_, map) = run(text);
        assert!(!map.quoted.is_empty());
        for w in map.quoted.windows(2) {
            assert!(w[0].end <= w[1].start, "{:?}", map.quoted);
        }
        for r in map.quoted.iter().chain(&map.scare) {
            assert!(r.start < r.end);
            assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
        }
    }
}
