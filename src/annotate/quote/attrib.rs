//! Speakers and cues around one quotation.
//!
//! Works on a small token list of the text between two quotations (never
//! more than a few hundred bytes), so the cost per quote is bounded:
//! [`before`] reads the stretch from the sentence start to the opening mark
//! (`X said, "`, `according to X, "`, `X slammed Y as a "`), [`after`] the
//! stretch after the closing mark (`," X said`, `," said X`).

use super::words::{self, ACT, ADV, AUX, CUE, DET, ING, LINK, MENTION, NAMING, NONNAME, PREP};
use super::words::{HEAD, PRON, SAY, SKIP, STOP, TITLE, VERB, WORK};
use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Word,
    /// A short parenthesis without spaces: `(D-Calif.)`.
    Paren,
    /// A quotation mark.
    Mark,
    Punct(char),
}

#[derive(Debug, Clone)]
pub struct Tok {
    pub range: Range<usize>,
    pub kind: Kind,
    /// Word classes of the lower-cased word.
    pub cls: u32,
    /// Starts with an upper-case letter.
    pub cap: bool,
}

impl Tok {
    fn word(&self) -> bool {
        self.kind == Kind::Word
    }

    fn is(&self, class: u32) -> bool {
        self.word() && self.cls & class != 0
    }

    /// A lower-case cue word (`said`, not `Said` in a name).
    fn cue(&self) -> u32 {
        if self.word() && (!self.cap || self.cls & PREP != 0) {
            self.cls & CUE
        } else {
            0
        }
    }

    fn punct(&self, c: char) -> bool {
        self.kind == Kind::Punct(c)
    }
}

fn is_mark(c: char) -> bool {
    matches!(
        c,
        '"' | '“' | '”' | '‘' | '’' | '\'' | '«' | '»' | '„' | '‚' | '‹' | '›' | '`'
    )
}

fn inner_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '.' | '&')
}

/// A non-ASCII symbol that stays inside a word (mis-decoded letters such as
/// `Ã§`), unlike marks, dashes and other punctuation.
fn word_symbol(c: char) -> bool {
    !c.is_ascii()
        && !c.is_whitespace()
        && !is_mark(c)
        && !matches!(c, '—' | '–' | '―' | '…' | '•' | '·' | '\u{a0}')
}

/// Classes of a word, looked up in lower case without allocating.
fn class_of(word: &str) -> u32 {
    let word = word
        .strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .unwrap_or(word);
    if !word.is_ascii() {
        return 0;
    }
    words::classes_any_case(word.as_bytes())
}

/// `word` (without a final period) is an abbreviation: `R`, `G.K`, `Sen`.
fn abbreviation(word: &str) -> bool {
    let mut chars = word.chars();
    let one = chars.next().is_some_and(char::is_uppercase) && chars.next().is_none();
    one || word.contains('.')
        || (word.len() <= 4
            && word.starts_with(|c: char| c.is_uppercase())
            && class_of(word) & TITLE != 0)
}

/// Tokens of `text[range]`.
pub fn tokenize(text: &str, range: Range<usize>) -> Toks {
    let mut out = POOL
        .try_with(|p| p.borrow_mut().pop())
        .ok()
        .flatten()
        .unwrap_or_default();
    tokenize_into(text, range, true, &mut out);
    Toks(out)
}

/// Tokens whose buffer goes back to a per-thread pool when dropped: every
/// quote tokenises a few windows, and a fresh `Vec` grew four or five times
/// for each.
pub struct Toks(Vec<Tok>);

impl std::ops::Deref for Toks {
    type Target = [Tok];

    fn deref(&self) -> &[Tok] {
        &self.0
    }
}

impl Drop for Toks {
    fn drop(&mut self) {
        let toks = std::mem::take(&mut self.0);
        if toks.capacity() <= KEPT {
            let _ = POOL.try_with(|p| p.borrow_mut().push(toks));
        }
    }
}

/// The largest token buffer kept for reuse.
const KEPT: usize = 1 << 12;

thread_local! {
    /// Token buffers free for reuse (as many as were ever in use at once).
    static POOL: std::cell::RefCell<Vec<Vec<Tok>>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// The classes of a word token, as [`tokenize`] computes them.
fn word_class(word: &str) -> u32 {
    class_of(word.trim_end_matches('.'))
}

/// Tokens of `text[range]` into `out` (cleared first). Without
/// `all_classes`, only capitalised words get their classes (`cls` is 0 for
/// the others): the tokens are the same.
fn tokenize_into(text: &str, range: Range<usize>, all_classes: bool, out: &mut Vec<Tok>) {
    out.clear();
    let slice = &text[range.clone()];
    let base = range.start;
    let char_at = |i: usize| crate::annotate::word::char_at(slice, i);
    // The next char to read.
    let mut p = 0;
    while let Some(c) = char_at(p) {
        let i = p;
        p += c.len_utf8();
        if c.is_whitespace() {
            continue;
        }
        if c.is_alphanumeric() {
            // A joiner goes in only before a letter or digit, which then
            // goes in too: the word always ends after its last char read.
            while let Some(d) = char_at(p) {
                let next = p + d.len_utf8();
                if d.is_alphanumeric()
                    || word_symbol(d)
                    || (inner_joiner(d) && char_at(next).is_some_and(char::is_alphanumeric))
                {
                    p = next;
                } else {
                    break;
                }
            }
            let mut end = p;
            if slice[end..].starts_with('.')
                && (abbreviation(&slice[i..end]) || slice[end + 1..].starts_with([',', ')']))
            {
                end += 1;
            } else if slice[..end].ends_with('s')
                && let Some(m) = ['\'', '’']
                    .into_iter()
                    .find(|&m| slice[end..].starts_with(m))
                && slice[end + m.len_utf8()..].starts_with(char::is_whitespace)
            {
                // `veterans' families`: a plural possessive, not a quote mark.
                end += m.len_utf8();
            }
            p = end;
            let word = &slice[i..end];
            let cap = c.is_uppercase();
            out.push(Tok {
                range: base + i..base + end,
                kind: Kind::Word,
                cls: if all_classes || cap {
                    word_class(word)
                } else {
                    0
                },
                cap,
            });
            continue;
        }
        if c == '(' {
            let rest = &slice[i..];
            let close = rest
                .char_indices()
                .take(20)
                .take_while(|&(_, d)| !d.is_whitespace())
                .find(|&(_, d)| d == ')');
            if let Some((k, _)) = close.filter(|&(k, _)| k > 1) {
                p = i + k + 1;
                out.push(Tok {
                    range: base + i..base + i + k + 1,
                    kind: Kind::Paren,
                    cls: 0,
                    cap: false,
                });
                continue;
            }
        }
        out.push(Tok {
            range: base + i..base + i + c.len_utf8(),
            kind: if is_mark(c) {
                Kind::Mark
            } else {
                Kind::Punct(c)
            },
            cls: 0,
            cap: false,
        });
    }
}

/// A speaker and a cue, as byte ranges.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Found {
    pub speaker: Option<Range<usize>>,
    pub cue: Option<Range<usize>>,
    /// Passive cue without a speaker: `"…" were revealed`.
    pub passive: bool,
}

impl Found {
    pub fn any(&self) -> bool {
        self.speaker.is_some() || self.cue.is_some()
    }
}

/// What precedes an opening mark in its sentence.
#[derive(Debug, Clone, Default)]
pub struct Before {
    pub found: Found,
    /// The cue (or a `Name:`) introduces the quote: `X said, "`, `saying "`.
    pub intro: bool,
    /// Nothing precedes the quote in its sentence.
    pub at_start: bool,
    /// The quote continues the writer's own syntax (a partial quote).
    pub embedded: bool,
    /// A title of a work: `the film "Jaws"`, `CNN's "State of the Union"`.
    pub title: bool,
    /// Words mentioned or framed rather than introduced: `used the phrase "`,
    /// `described him as a "`. A short quote here is still someone's words.
    pub framed: bool,
    /// A cue within three words of the opening mark (`called the firm "`).
    pub near_cue: bool,
}

fn span(toks: &[Tok], r: Range<usize>) -> Range<usize> {
    toks[r.start].range.start..toks[r.end - 1].range.end
}

/// A lower-case word that reads as a verb form (`prompted`, `prompting`).
fn verbish(text: &str, t: &Tok) -> bool {
    let w = &text[t.range.clone()];
    t.word()
        && !t.cap
        && ((w.len() > 3 && w.ends_with("ed")) || (w.len() > 4 && w.ends_with("ing")) || t.is(VERB))
}

fn is_dash(t: &Tok) -> bool {
    matches!(t.kind, Kind::Punct('—' | '–' | '―' | '-'))
}

fn ends_clause(t: &Tok) -> bool {
    matches!(t.kind, Kind::Punct('.' | ';' | '?' | '!') | Kind::Mark)
}

fn preposition(text: &str, t: &Tok) -> bool {
    [
        "through", "in", "on", "into", "with", "by", "during", "under", "over", "about", "against",
        "upon", "across", "after", "before", "without", "near", "around",
    ]
    .iter()
    .any(|w| lower_is(text, t, w))
}

/// `as the memo put it`: a two-word cue.
fn put_it(text: &str, toks: &[Tok], k: usize) -> bool {
    lower_is(text, &toks[k], "put") && toks.get(k + 1).is_some_and(|t| lower_is(text, t, "it"))
}

/// An article or possessive before a noun: `the claims`, `his tweets`.
fn article(text: &str, t: &Tok) -> bool {
    [
        "a", "an", "the", "his", "her", "their", "its", "our", "my", "your", "this", "these",
        "those", "another", "each", "every",
    ]
    .iter()
    .any(|w| lower_is(text, t, w))
}

/// `Republican`, `Democratic`: a capitalised adjective before a noun.
fn adjective(word: &str) -> bool {
    word.ends_with("an") || word.ends_with("ic")
}

/// A form of `be` (a passive before a participle: `are revealed`).
fn is_be(text: &str, t: &Tok) -> bool {
    ["is", "are", "was", "were", "be", "been", "being"]
        .iter()
        .any(|w| lower_is(text, t, w))
}

fn lower_is(text: &str, t: &Tok, word: &str) -> bool {
    t.word() && text[t.range.clone()].eq_ignore_ascii_case(word)
}

/// The speaker phrase that ends just before token `end` (exclusive), read
/// backwards: `President Joe Biden`, `a White House statement`, `he`.
fn np_back(text: &str, toks: &[Tok], end: usize) -> Option<Range<usize>> {
    let mut b = end;
    while b > 0 && toks[b - 1].is(SKIP | AUX) && !toks[b - 1].cap {
        b -= 1;
    }
    if b > 0 && toks[b - 1].punct(',') {
        // `Smith, a spokesman for the firm, said`: the name before the apposition.
        let lo = b.saturating_sub(32);
        let comma = (lo..b - 1)
            .rev()
            .take_while(|&k| !ends_clause(&toks[k]) && !toks[k].punct(':'))
            .find(|&k| toks[k].punct(','))?;
        let np = np_back_plain(text, toks, before_age_and_hometown(text, toks, comma))?;
        return toks[np.clone()].iter().any(|t| t.cap).then_some(np);
    }
    np_back_plain(text, toks, b)
}

/// The comma token before a person's name when the comma at `comma` ends
/// an age or a hometown that follows the name: `Donna Rawlings, 59, of
/// Ashton, Md.,` read back from the last comma stops after `Rawlings`.
/// `comma` itself when neither comes before it.
fn before_age_and_hometown(text: &str, toks: &[Tok], mut comma: usize) -> usize {
    let is_comma = |k: usize| toks.get(k).is_some_and(|t| t.punct(','));
    loop {
        let at = comma;
        // `, 59,`
        if comma >= 2
            && is_comma(comma - 2)
            && toks[comma - 1].word()
            && text[toks[comma - 1].range.clone()]
                .bytes()
                .all(|b| b.is_ascii_digit())
        {
            comma -= 2;
        }
        // `, of Ashton, Md.,` or `, of Ashton,`: a state's abbreviation,
        // then capitalised words back to `of` after a comma.
        let mut k = comma;
        if k >= 2
            && is_comma(k - 2)
            && toks[k - 1].cap
            && text[toks[k - 1].range.clone()].ends_with('.')
        {
            k -= 2;
        }
        let mut w = k;
        while w > 0 && toks[w - 1].cap && toks[w - 1].word() && k - w < 4 {
            w -= 1;
        }
        if w < k && w >= 2 && lower_is(text, &toks[w - 1], "of") && is_comma(w - 2) {
            comma = w - 2;
        }
        if comma == at {
            return comma;
        }
    }
}

fn np_back_plain(text: &str, toks: &[Tok], mut b: usize) -> Option<Range<usize>> {
    while b > 0 && toks[b - 1].is(SKIP) && !toks[b - 1].cap {
        b -= 1;
    }
    if b > 0 && toks[b - 1].is(PRON) {
        return Some(b - 1..b);
    }
    let mut a = b;
    while a > 0 && b - a < 10 {
        let t = &toks[a - 1];
        match t.kind {
            Kind::Paren => {}
            Kind::Word => {
                if t.is(DET) {
                    a -= 1;
                    break;
                }
                if t.is(LINK) {
                } else if t.is(STOP | AUX | PRON) || t.cue() != 0 || verbish(text, t) {
                    break;
                }
            }
            _ => break,
        }
        a -= 1;
    }
    // Trim: a leading link word; a lower-case word before a name
    // (`meeting Smith`, `lawyer Marc Kasowitz`).
    while a < b {
        let t = &toks[a];
        let next_cap = toks.get(a + 1).is_some_and(|n| n.cap) && a + 1 < b;
        if t.is(LINK) || (!t.cap && !t.is(DET) && t.kind == Kind::Word && next_cap) {
            a += 1;
        } else {
            break;
        }
    }
    // `Protesters marching through the streets chanted`: the phrase after a
    // preposition is its object, not the speaker.
    if a > 0 && a < b && toks[a].is(DET) && preposition(text, &toks[a - 1]) {
        // `In a Bloomberg interview Trump declared`: only a trailing name.
        let name = (a..b).rev().take_while(|&k| toks[k].cap).last()?;
        return (name > a && !toks[name - 1].cap).then_some(name..b);
    }
    let letters = toks[a..b]
        .iter()
        .any(|t| t.word() && text[t.range.clone()].chars().any(char::is_alphabetic));
    (a < b && letters).then_some(a..b)
}

/// The speaker phrase starting at token `start`, read forwards: `said
/// Sen. Jane Doe (D-Calif.), who …` gives `Sen. Jane Doe (D-Calif.)`.
fn np_forward(text: &str, toks: &[Tok], start: usize) -> Option<Range<usize>> {
    let first = toks.get(start)?;
    if first.is(PRON) {
        return Some(start..start + 1);
    }
    let mut b = start;
    let mut named = false;
    while b < toks.len() && b - start < 10 {
        let t = &toks[b];
        match t.kind {
            Kind::Paren if b > start => {}
            Kind::Word => {
                let prev_link = b > start && toks[b - 1].is(LINK);
                if t.is(DET) && !t.cap {
                    if b > start && !prev_link {
                        break;
                    }
                } else if t.is(LINK) {
                    if b == start {
                        return None;
                    }
                } else if t.cue() != 0
                    || (t.is(STOP | AUX | SKIP | PRON) && !t.cap)
                    || (b > start && verbish(text, t))
                    || (named
                        && !t.cap
                        && !t.is(TITLE | HEAD)
                        && !toks.get(b + 1).is_some_and(|n| n.cap))
                    || (b > start
                        && !t.cap
                        && !t.is(TITLE | HEAD)
                        && toks.get(b + 1).is_some_and(|n| article(text, n)))
                {
                    break;
                } else if t.cap && t.is(STOP | AUX) && b == start {
                    return None;
                }
                named |= t.cap && !prev_link && !t.is(DET | STOP);
            }
            _ => break,
        }
        b += 1;
    }
    while b > start && toks[b - 1].is(LINK | DET) {
        b -= 1;
    }
    (b > start).then_some(start..b)
}

/// The speaker of an `-ing` cue (`…, saying "`) or of a cue without a
/// subject of its own (`and vowed to "…"`): a name right before an `-ing`
/// cue (`footage of Clinton asking`), the subject of `X to …` before it, the
/// subject of the sentence when the window starts it, else the phrase before
/// the nearest verb (`… Trump unleashed tweets, saying`).
fn clause_speaker(
    text: &str,
    toks: &[Tok],
    cue: usize,
    sentence_start: bool,
) -> Option<Range<usize>> {
    // `Johnson's doctor is calling`
    if toks[cue].cue() & ING != 0
        && cue > 0
        && toks[cue - 1].is(AUX)
        && let Some(np) = np_back_plain(text, toks, cue - 1)
    {
        return Some(np);
    }
    if toks[cue].cue() & ING != 0
        && let Some(np) = np_back_plain(text, toks, cue)
        && toks[np.end - 1].cap
        && !toks[np.end - 1].is(NONNAME)
    {
        return Some(np);
    }
    for k in (1..cue).rev() {
        if lower_is(text, &toks[k], "to") && toks[k - 1].cap {
            return np_back_plain(text, toks, k);
        }
    }
    if sentence_start && let Some(np) = subject(text, toks, cue) {
        return Some(np);
    }
    for k in (1..cue).rev() {
        let t = &toks[k];
        if ends_clause(t) {
            break;
        }
        let passive = toks[k - 1].is(AUX);
        if !passive
            && ((verbish(text, t) && !text[t.range.clone()].ends_with("ing"))
                || t.cue() & (SAY | ACT) != 0)
            && let Some(np) = np_back_plain(text, toks, k)
            && toks[np.clone()].iter().any(|t| t.cap || t.is(PRON | DET))
        {
            return Some(np);
        }
    }
    None
}

/// The subject of the sentence starting `text[range]`.
pub fn subject_of(text: &str, range: Range<usize>) -> Option<Range<usize>> {
    let toks = tokenize(text, range);
    subject(text, &toks, toks.len()).map(|r| span(&toks, r))
}

/// A word that can open a predicate: a verb form or an adverb before one.
fn predicate(text: &str, t: &Tok) -> bool {
    if !t.word() || t.cap {
        return false;
    }
    let w = &text[t.range.clone()];
    t.cue() != 0
        || t.is(AUX | SKIP | VERB)
        || verbish(text, t)
        || (w.len() > 3
            && w.ends_with('s')
            && !w.ends_with("ss")
            && !t.is(DET | LINK | STOP | HEAD))
        || w.ends_with("ly")
}

/// The subject of a sentence: the first phrase followed by a verb, after any
/// introductory phrases (`Last month, President Biden slammed`).
fn subject(text: &str, toks: &[Tok], limit: usize) -> Option<Range<usize>> {
    let starts = std::iter::once(0).chain(
        toks.iter()
            .take(limit.min(16))
            .enumerate()
            .filter(|(_, t)| t.punct(','))
            .map(|(k, _)| k + 1),
    );
    for start in starts {
        let Some(first) = toks.get(start).filter(|_| start < limit) else {
            break;
        };
        if first.is(STOP | LINK) || verbish(text, first) {
            continue;
        }
        let Some(np) = np_forward(text, toks, start).filter(|r| r.end <= limit) else {
            continue;
        };
        let verb_object = toks.get(np.end).is_some_and(|t| t.word() && !t.cap)
            && toks.get(np.end + 1).is_some_and(|t| article(text, t));
        if verb_object || toks.get(np.end).is_some_and(|t| predicate(text, t)) {
            return Some(np);
        }
        // `Dean, a former party chairman, poked at …`
        if toks.get(np.end).is_some_and(|t| t.punct(','))
            && toks[np.clone()].iter().any(|t| t.cap)
            && (np.end + 1..toks.len().min(np.end + 24))
                .take_while(|&k| !ends_clause(&toks[k]))
                .any(|k| {
                    (toks[k].punct(',') || is_dash(&toks[k]))
                        && toks.get(k + 1).is_some_and(|t| predicate(text, t))
                })
        {
            return Some(np);
        }
    }
    None
}

/// Reads the stretch `win` before an opening mark. `upper`: the quoted text
/// starts with a capital (or a digit). `sentence_start`: `win` starts at the
/// beginning of the quote's sentence.
pub fn before(
    text: &str,
    win: Range<usize>,
    upper: bool,
    title_case: bool,
    sentence_start: bool,
) -> Before {
    let toks = tokenize(text, win);
    let mut out = Before::default();
    let n = toks.len();
    let punct = toks.last().and_then(|t| match t.kind {
        Kind::Punct(c @ (':' | ',' | '—' | '–' | '―' | '-')) => Some(c),
        _ => None,
    });
    let e = if punct.is_some() { n - 1 } else { n };
    if e == 0 {
        out.at_start = sentence_start || n == 0;
        out.intro = punct.is_some() && !sentence_start;
        return out;
    }
    if punct.is_none() || (punct == Some(',') && toks[e - 1].is(WORK)) {
        out.title = is_title(text, &toks[..e], title_case);
    }
    let last = &toks[e - 1];
    out.framed = punct.is_none()
        && (last.is(MENTION)
            || lower_is(text, last, "as")
            || (last.is(DET) && e >= 2 && lower_is(text, &toks[e - 2], "as")));
    // The nearest cue in the sentence before the quote.
    let mut cue = None;
    for k in (0..e).rev() {
        let t = &toks[k];
        if ends_clause(t) && t.kind != Kind::Mark {
            break;
        }
        let class = t.cue();
        if put_it(text, &toks, k) {
            cue = Some((k, SAY | PREP));
            break;
        }
        if class & PREP != 0 {
            if toks.get(k + 1).is_some_and(|n| lower_is(text, n, "to")) {
                cue = Some((k, PREP));
                break;
            }
        } else if class != 0 {
            // `the tax breaks used by`, `the claims`: not a speech act.
            let passive = toks.get(k + 1).is_some_and(|n| lower_is(text, n, "by"))
                || (k > 0 && is_be(text, &toks[k - 1]) && class & ING == 0);
            let noun = k > 0
                && (article(text, &toks[k - 1])
                    || (toks[k - 1].is(NONNAME) && adjective(&text[toks[k - 1].range.clone()]))
                    || text[toks[k - 1].range.clone()]
                        .ends_with(|c: char| c.is_ascii_digit() || c == '%'));
            if !passive && !noun {
                cue = Some((k, class));
                break;
            }
        }
    }
    if let Some((k, class)) = cue {
        let len = if class & PREP != 0 { 2 } else { 1 };
        out.found.cue = Some(span(&toks, k..k + len));
        let speaker = if class & SAY != 0 && len == 2 {
            np_back(text, &toks, k)
        } else if class & PREP != 0 {
            np_forward(text, &toks, k + 2).filter(|r| r.end <= e)
        } else if class & ING != 0 {
            clause_speaker(text, &toks, k, sentence_start)
        } else {
            np_back(text, &toks, k).or_else(|| clause_speaker(text, &toks, k, sentence_start))
        };
        out.found.speaker = speaker.map(|r| span(&toks, r));
        let gap = e - (k + len);
        out.near_cue = gap <= 3;
        out.intro = match punct {
            Some(_) => gap <= 8 && !out.title,
            None => {
                gap == 0
                    || (gap == 1
                        && class & SAY != 0
                        && toks[e - 1].word()
                        && !toks[e - 1].is(STOP | DET | PRON)
                        && !text[toks[e - 1].range.clone()].ends_with("'s")
                        && !text[toks[e - 1].range.clone()].ends_with("’s"))
            }
        };
        let direct = gap == 0 && class & (SAY | ING) != 0;
        out.embedded = match punct {
            Some(':') => false,
            _ if out.intro && upper => false,
            Some(_) if out.intro => !direct,
            Some(_) => !upper,
            None => true,
        };
        if class & ACT != 0 && punct.is_none() {
            out.intro = false;
            out.embedded = true;
        }
    } else if out.framed {
        // `Trump has used the phrase "`, `Reid has been pounding Trump as a "`
        let at = if last.is(MENTION) { e - 1 } else { e };
        out.found.speaker = clause_speaker(text, &toks, at.max(1) - 1, sentence_start)
            .filter(|r| toks[r.clone()].iter().any(|t| t.cap || t.is(PRON)))
            .map(|r| span(&toks, r));
        out.embedded = true;
    } else if punct == Some(':') {
        // `Smith: "…"`, `The clerk read the ruling aloud: "…"`
        let named = np_back(text, &toks, e).filter(|r| toks[r.clone()].iter().any(|t| t.cap));
        let speaker = named.or_else(|| sentence_start.then(|| subject(text, &toks, e)).flatten());
        if let Some(r) = speaker {
            out.found.speaker = Some(span(&toks, r));
            out.intro = true;
        }
    } else {
        out.embedded = punct.is_none() || !upper;
    }
    out
}

/// `the film "`, `his book "`, `a report titled "`, `the word "`, and
/// `a plan called "` or `known as "` before a title-cased quote.
fn is_title(text: &str, toks: &[Tok], title_case: bool) -> bool {
    let n = toks.len();
    let last = &toks[n - 1];
    if last.is(WORK) && !last.cap {
        return true;
    }
    // `MSNBC's "Morning Joe"`, `on "Face the Nation"`
    let w = &text[last.range.clone()];
    if title_case
        && ((w.ends_with("'s") || w.ends_with("’s"))
            || ["on", "of", "in", "at", "to", "from"]
                .iter()
                .any(|p| lower_is(text, last, p)))
    {
        return true;
    }
    if last.is(NAMING) && !last.cap {
        if lower_is(text, last, "titled") || lower_is(text, last, "entitled") {
            return true;
        }
        let by_noun = n >= 2 && {
            let p = &toks[n - 2];
            p.word() && !p.cap && !p.is(PRON | STOP | AUX)
        };
        return by_noun && title_case;
    }
    n >= 2 && lower_is(text, last, "as") && lower_is(text, &toks[n - 2], "known") && title_case
}

/// `NP (in the ad) (, apposition,) cue` from token `i`: the speaker phrase and
/// the cue's token index.
fn speaker_then_cue(text: &str, toks: &[Tok], i: usize) -> Option<(Range<usize>, usize)> {
    let np = np_forward(text, toks, i)?;
    // `Obama's former campaign strategist said`: any plain words up to a cue.
    if let Some(j) = (np.end..toks.len().min(i + 9))
        .take_while(|&j| {
            let t = &toks[j];
            (t.word() && !t.is(STOP | AUX | PRON | DET | LINK | SKIP) && !verbish(text, t))
                || t.kind == Kind::Paren
        })
        .find(|&j| toks[j].cue() & (SAY | ACT) != 0)
    {
        return Some((np.start..j, j));
    }
    let mut j = np.end;
    // `a narrator in the Clinton ad asks`
    if toks
        .get(j)
        .is_some_and(|t| t.is(STOP | LINK) && !t.cap && !lower_is(text, t, "and"))
        && let Some(pp) = np_forward(text, toks, j + 1)
    {
        j = pp.end;
    }
    while toks.get(j).is_some_and(|t| t.is(SKIP | AUX) && !t.cap) {
        j += 1;
    }
    if toks.get(j).is_some_and(|t| t.punct(',')) {
        // `McConnell, R-Ky., said`, `Smith, a senior fellow at …, said`
        j = (j + 1..toks.len().min(j + 32))
            .take_while(|&k| !ends_clause(&toks[k]))
            .find(|&k| toks[k].cue() & SAY != 0 && toks[k - 1].punct(','))?;
    }
    let t = toks.get(j)?;
    (t.cue() & (SAY | ACT | ADV) != 0 || put_it(text, toks, j)).then_some((np, j))
}

/// Reads the stretch `win` after a closing mark. `ended`: the last
/// punctuation inside the quote (`,` `.` `?` `!`), or a space when none.
pub fn after(text: &str, win: Range<usize>, ended: char) -> Option<Found> {
    let toks = tokenize(text, win);
    let mut i = 0;
    let dash = toks.first().is_some_and(is_dash);
    if toks.first().is_some_and(|t| t.punct(',') || is_dash(t)) {
        i = 1;
    }
    // `," as a city memo put it.`
    if toks.get(i).is_some_and(|t| lower_is(text, t, "as")) && toks.len() > i + 2 {
        i += 1;
    }
    let first = toks.get(i)?;
    if dash && first.cap {
        // `” ― Jane Roe` closing a reader's quote.
        if let Some(np) = np_forward(text, &toks, i)
            && toks.get(np.end).is_none_or(|t| ends_clause(t) || t.cap)
            && toks[np.clone()]
                .iter()
                .all(|t| t.cap || t.kind == Kind::Paren)
        {
            return Some(Found {
                speaker: Some(span(&toks, np)),
                cue: None,
                passive: false,
            });
        }
    }
    let inverted = first.cue() & PREP != 0 || (first.cue() & SAY != 0 && ended != ' ');
    let found = if inverted {
        // `," said X` / `," according to X`
        let at = if first.cue() & PREP != 0 {
            i + 2
        } else {
            i + 1
        };
        np_forward(text, &toks, at).map(|np| (np, i..at))
    } else {
        speaker_then_cue(text, &toks, i).map(|(np, j)| (np, j..j + 1))
    };
    let Some((speaker, cue)) = found else {
        return if matches!(ended, '.' | '?' | '!') {
            None
        } else {
            sentence_final(text, &toks)
        };
    };
    // After a full stop the attribution must be short (`." Smith said.`),
    // not the start of a new statement (`." He said that …`).
    if ended == '.' || ended == ' ' {
        let rest = &toks[cue.end.max(speaker.end)..];
        if rest
            .first()
            .is_some_and(|t| t.is(PRON) || lower_is(text, t, "that"))
        {
            return None;
        }
        // `.” Officials said the bridge was safe.`: after a full stop
        // inside the quote that is a sentence of its own with its own
        // content (GUIDE §2). Only a circumstance may follow the cue
        // (`said on Monday`, `said in a statement`, `told reporters`).
        if ended == '.'
            && !inverted
            && rest.first().is_some_and(|t| {
                t.word() && !t.cap && !t.is(STOP | LINK | SKIP | HEAD) && !lower_is(text, t, "so")
            })
        {
            return None;
        }
        let ends = rest
            .iter()
            .take(8)
            .any(|t| matches!(t.kind, Kind::Punct('.' | ',' | ';' | ':' | '?' | '!')));
        if !ends && !rest.is_empty() {
            return None;
        }
    }
    Some(Found {
        speaker: Some(span(&toks, speaker)),
        cue: Some(span(&toks, cue)),
        passive: false,
    })
}

/// `"…" to drive up prices, she said.`: an attribution closing the quote's
/// sentence after a comma.
fn sentence_final(text: &str, toks: &[Tok]) -> Option<Found> {
    let end = toks.iter().take(60).position(ends_clause)?;
    if !toks[end].punct('.') {
        return None;
    }
    let comma = toks[..end].iter().rposition(|t| t.punct(','))?;
    if toks.get(comma + 1).is_some_and(|t| t.cue() & PREP != 0) {
        // `…, according to the organizers.`
        let np = np_forward(text, toks, comma + 3).filter(|r| r.end == end)?;
        return Some(Found {
            speaker: Some(span(toks, np)),
            cue: Some(span(toks, comma + 1..comma + 3)),
            passive: false,
        });
    }
    let (np, j) = speaker_then_cue(text, toks, comma + 1)?;
    let tail = end - j - 1;
    let participle = toks.get(j + 1).is_some_and(|t| t.punct(','));
    let named = toks[np.clone()].iter().any(|t| t.cap || t.is(PRON)) || toks[np.start].is(DET);
    ((tail <= 4 || participle) && named).then(|| Found {
        speaker: Some(span(toks, np)),
        cue: Some(toks[j].range.clone()),
        passive: false,
    })
}

/// A sentence that ends with its attribution (`…, Schiff said.`), whose
/// speaker goes on in a quote opening the next sentence.
pub fn closing_attribution(text: &str, sentence: Range<usize>) -> Option<Found> {
    let toks = tokenize(text, sentence);
    if toks.iter().any(|t| t.kind == Kind::Mark) {
        return None;
    }
    sentence_final(text, &toks)
}

/// A cue later in the sentence for a short quote that has none of its own:
/// a passive (`"…" were revealed`) or a named subject between quote and cue
/// (`"killer" is what Biden called him`). `the "experts" say` has neither.
pub fn later_cue(text: &str, win: Range<usize>) -> Option<Found> {
    let toks = tokenize(text, win);
    for (k, t) in toks.iter().enumerate() {
        if ends_clause(t) {
            return None;
        }
        if t.cue() & (SAY | ACT) == 0 {
            continue;
        }
        if k > 0 && toks[k - 1].is(AUX) {
            return Some(Found {
                speaker: None,
                cue: Some(t.range.clone()),
                passive: true,
            });
        }
        let np = np_back(text, &toks, k).filter(|r| r.start > 0)?;
        if toks[np.clone()].iter().any(|t| t.cap || t.is(PRON)) {
            return Some(Found {
                speaker: Some(span(&toks, np)),
                cue: Some(t.range.clone()),
                passive: false,
            });
        }
        return None;
    }
    None
}

/// A paragraph ending in a colon that introduces the quote of the next one:
/// `Caddell continued:`, `Sanders made the following comment:`. `win` starts
/// at the beginning of the paragraph's last sentence.
pub fn paragraph_intro(text: &str, win: Range<usize>) -> Option<Found> {
    let toks = tokenize(text, win);
    let n = toks.len();
    if n < 2 || !toks[n - 1].punct(':') {
        return None;
    }
    let b = before(
        text,
        toks[0].range.start..toks[n - 1].range.end,
        true,
        false,
        true,
    );
    if b.found.speaker.is_some() {
        return Some(b.found);
    }
    let np = clause_speaker(text, &toks, n - 1, true)?;
    Some(Found {
        speaker: Some(span(&toks, np)),
        cue: None,
        passive: false,
    })
}

/// The last person's name in `text[range]`: two or more capitalised words
/// (`Joe Biden`, `Sen. Jane Doe`), a title and a name (`President Biden`),
/// or one capitalised word before a speech verb (`Merkley said`) or opening
/// a sentence before a verb (`Trump took`).
#[cfg(test)]
pub fn last_name(text: &str, range: Range<usize>) -> Option<Range<usize>> {
    last_name_with(text, range, &mut Vec::new(), |_| true)
}

/// [`last_name`] with a token buffer the caller reuses across calls. Only
/// capitalised words and the word after a run of them need their classes.
///
/// The name is looked for in a growing tail of the range first. No token
/// holds a blank, so the tokens of a tail that starts after a blank are the
/// range's own; and the runs of name words are read alike in both after the
/// first token that cannot be in a name (the reading always goes on right
/// after such a token). A name found after it in the tail is the last one.
///
/// Only names that `accept` takes count: it is asked of the names from the
/// last one back, until it takes one.
pub fn last_name_with(
    text: &str,
    range: Range<usize>,
    toks: &mut Vec<Tok>,
    accept: impl FnMut(Range<usize>) -> bool,
) -> Option<Range<usize>> {
    last_name_from_end(text, range, toks, 128, accept)
}

/// [`last_name_with`], trying tails of `window` bytes, then four times as
/// many, and so on.
fn last_name_from_end(
    text: &str,
    range: Range<usize>,
    toks: &mut Vec<Tok>,
    mut window: usize,
    mut accept: impl FnMut(Range<usize>) -> bool,
) -> Option<Range<usize>> {
    while range.end - range.start > window {
        let mut from = range.end - window;
        while !text.is_char_boundary(from) {
            from += 1;
        }
        window = window.saturating_mul(4);
        let Some((i, blank)) = text[from..range.end]
            .char_indices()
            .find(|&(_, c)| c.is_whitespace())
        else {
            continue;
        };
        tokenize_into(text, from + i + blank.len_utf8()..range.end, false, toks);
        if let Some(t0) = toks.iter().position(|t| !in_name(t))
            && let Some(name) = last_accepted(text, toks, t0 + 1, &mut accept)
        {
            return Some(name);
        }
    }
    tokenize_into(text, range, false, toks);
    last_accepted(text, toks, 0, &mut accept)
}

/// The last name among `toks` from token `k` on that `accept` takes.
fn last_accepted(
    text: &str,
    toks: &[Tok],
    k: usize,
    accept: &mut impl FnMut(Range<usize>) -> bool,
) -> Option<Range<usize>> {
    // Read once, asked from the last back.
    let mut names = Vec::new();
    runs(text, toks, k, |name| names.push(name));
    names.into_iter().rev().find(|name| accept(name.clone()))
}

/// A token that can be part of a name: a capitalised word of no closed class.
fn in_name(t: &Tok) -> bool {
    t.word() && t.cap && !t.is(STOP | AUX | PRON | DET | SKIP | LINK)
}

/// Whether a blank line lies between token `k` and the one before it: a
/// name never runs from the end of one paragraph (a byline, a headline)
/// into the first word of the next.
fn blank_line(text: &str, toks: &[Tok], k: usize) -> bool {
    let gap = &text[toks[k - 1].range.end..toks[k].range.start];
    // One blank between words is the common case, and holds no line break.
    if gap.len() < 2 {
        return false;
    }
    // Two line breaks with only blanks between them.
    let mut after_break = false;
    for c in gap.chars() {
        if c == '\n' {
            if after_break {
                return true;
            }
            after_break = true;
        } else if !c.is_whitespace() {
            after_break = false;
        }
    }
    false
}

/// The last name among `toks`, reading runs of name words from token `k`.
#[cfg(test)]
fn last_run(text: &str, toks: &[Tok], k: usize) -> Option<Range<usize>> {
    let mut last = None;
    runs(text, toks, k, |name| last = Some(name));
    last
}

/// Each name among `toks`, in order, reading runs of name words from
/// token `k`.
fn runs(text: &str, toks: &[Tok], mut k: usize, mut each: impl FnMut(Range<usize>)) {
    while k < toks.len() {
        let start = k;
        while k < toks.len() && in_name(&toks[k]) && (k == start || !blank_line(text, toks, k)) {
            k += 1;
        }
        // `Democratic Sen. Ann Lee`: a leading adjective is not the name.
        let mut first = start;
        while first < k && toks[first].is(NONNAME) {
            first += 1;
        }
        let shouting = toks[first..k].iter().any(|t| {
            let w = &text[t.range.clone()];
            w.len() > 2 && !w.contains('.') && w.chars().all(|c| !c.is_lowercase())
        });
        if k > first && !shouting {
            let start = first;
            let run = &toks[start..k];
            let titled = run[0].is(TITLE);
            let plain = !run.iter().any(|t| t.is(NONNAME | HEAD));
            let next = toks.get(k).map(|t| Tok {
                cls: if t.word() {
                    word_class(&text[t.range.clone()])
                } else {
                    t.cls
                },
                ..t.clone()
            });
            let next = next.as_ref();
            let before_cue = next.is_some_and(|t| t.cue() & SAY != 0);
            let opens =
                start == 0 || ends_clause(&toks[start - 1]) || blank_line(text, toks, start);
            let subject = opens
                && next
                    .is_some_and(|t| t.word() && !t.cap && !t.is(STOP | DET | LINK | PRON | HEAD))
                && !text[run[0].range.clone()].ends_with('s')
                && !text[run[0].range.clone()].ends_with("ly");
            let single = run.len() == 1 && plain && !titled && (before_cue || subject);
            if (run.len() >= 2 && (titled || plain)) || single {
                each(span(toks, start..k));
            }
        } else {
            k += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reading from the end finds what reading the whole range finds, for
    /// ranges of every fixture text and tails from tiny to whole.
    #[test]
    fn last_name_from_the_end_as_from_the_start() {
        let mut texts = vec![
            "Joe Biden said. THE END Ann Lee\tspoke; Sen. Jo Doe (D-Calif.) and Bo's dog"
                .to_string(),
            "Democratic Sen. Ann Lee, President Biden. Merkley said ÉLAN Zoë Ürk.".repeat(5),
        ];
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
        for dir in std::fs::read_dir(root).unwrap() {
            for f in std::fs::read_dir(dir.unwrap().path()).into_iter().flatten() {
                texts.extend(std::fs::read_to_string(f.unwrap().path()));
            }
        }
        let mut toks = Vec::new();
        let mut checked = 0;
        for text in &texts {
            let bounds: Vec<usize> = (0..=text.len())
                .filter(|&i| text.is_char_boundary(i))
                .step_by(37)
                .chain([text.len()])
                .collect();
            for (n, &a) in bounds.iter().enumerate() {
                for &b in bounds[n..].iter().step_by(7).take(12) {
                    tokenize_into(text, a..b, false, &mut toks);
                    let want = last_run(text, &toks, 0);
                    for window in [1, 3, 16, 100, 128, 512] {
                        let got = last_name_from_end(text, a..b, &mut toks, window, |_| true);
                        assert_eq!(got, want, "{:?} {window}", &text[a..b]);
                        checked += usize::from(got.is_some());
                    }
                }
            }
        }
        assert!(checked > 1000, "{checked}");
    }

    fn words_of(text: &str) -> Vec<&str> {
        tokenize(text, 0..text.len())
            .iter()
            .map(|t| &text[t.range.clone()])
            .collect()
    }

    #[test]
    fn tokens_keep_abbreviations_and_parentheses() {
        assert_eq!(
            words_of("said Sen. G.K. Doe (D-Calif.), who"),
            ["said", "Sen.", "G.K.", "Doe", "(D-Calif.)", ",", "who"]
        );
        assert_eq!(words_of("Biden’s end."), ["Biden’s", "end", "."]);
    }

    fn before_of(text: &str) -> (Option<&str>, Option<&str>, bool, bool) {
        let upper = text.ends_with('"');
        let b = before(text, 0..text.len(), true, false, true);
        let _ = upper;
        (
            b.found.speaker.map(|r| &text[r]),
            b.found.cue.map(|r| &text[r]),
            b.intro,
            b.embedded,
        )
    }

    #[test]
    fn before_patterns() {
        assert_eq!(
            before_of("Last month, President Biden slammed Putin as a"),
            (Some("President Biden"), Some("slammed"), false, true)
        );
        assert_eq!(
            before_of("The mayor told reporters:"),
            (Some("The mayor"), Some("told"), true, false)
        );
        assert_eq!(
            before_of("Ms. Lee, a spokeswoman for the firm, said,"),
            (Some("Ms. Lee"), Some("said"), true, false)
        );
        assert_eq!(
            before_of("The senator also, according to the transcript,"),
            (Some("the transcript"), Some("according to"), true, false)
        );
        assert_eq!(
            before_of("Officials reportedly"),
            (Some("Officials"), Some("reportedly"), true, false)
        );
    }

    #[test]
    fn ing_cue_takes_the_infinitive_subject() {
        let t = "prompting Moscow to answer by simply saying,";
        let b = before(t, 0..t.len(), false, false, false);
        assert_eq!(b.found.speaker.map(|r| &t[r]), Some("Moscow"));
        assert!(!b.embedded);
    }

    fn after_of(text: &str, ended: char) -> Option<(&str, &str)> {
        after(text, 0..text.len(), ended)
            .map(|f| (&text[f.speaker.unwrap()], &text[f.cue.unwrap()]))
    }

    #[test]
    fn after_patterns() {
        assert_eq!(after_of(" she said.", ','), Some(("she", "said")));
        assert_eq!(
            after_of(" said Rep. Ann Roe (R-Ohio), who chairs it.", ','),
            Some(("Rep. Ann Roe (R-Ohio)", "said"))
        );
        assert_eq!(
            after_of(" a city hall statement reads.", ','),
            Some(("a city hall statement", "reads"))
        );
        assert_eq!(
            after_of(" Senate leader Tom Ash, R-Ky., said Tuesday.", ','),
            Some(("Senate leader Tom Ash", "said"))
        );
        assert_eq!(
            after_of(" the paper further wrote.", '.'),
            Some(("the paper", "wrote"))
        );
        assert_eq!(after_of(" He said that the plan would fail.", '.'), None);
        assert_eq!(after_of(" and then they left.", ','), None);
    }

    #[test]
    fn later_cue_passive_and_scare() {
        let t = " were revealed.";
        assert!(later_cue(t, 0..t.len()).is_some_and(|f| f.passive));
        let t = " say the plan fails.";
        assert!(later_cue(t, 0..t.len()).is_none());
    }

    #[test]
    fn names() {
        let t = "Henry Crespo, president of the group, met Sen. Ted Ash on Monday in New York.";
        assert_eq!(
            last_name(t, 0..t.len()).map(|r| &t[r]),
            Some("Sen. Ted Ash")
        );
        let t = "It rained. Merkley said so.";
        assert_eq!(last_name(t, 0..t.len()).map(|r| &t[r]), Some("Merkley"));
    }

    #[test]
    fn names_the_caller_turns_down_are_passed_over() {
        let t = "Henry Crespo met Sen. Ted Ash.\n\nBudget Talks Stall\n\nIt rained.";
        let mut toks = Vec::new();
        let mut asked = Vec::new();
        let name = last_name_with(t, 0..t.len(), &mut toks, |r| {
            let name = &t[r];
            asked.push(name);
            !name.contains("Ash") && !name.contains("Talks")
        });
        assert_eq!(name.map(|r| &t[r]), Some("Henry Crespo"));
        // From the last back, each once: the blank line splits the runs.
        assert_eq!(
            asked,
            ["Budget Talks Stall", "Sen. Ted Ash", "Henry Crespo"]
        );
    }

    fn speaker_before(text: &str) -> Option<&str> {
        before(text, 0..text.len(), true, false, true)
            .found
            .speaker
            .map(|r| &text[r])
    }

    #[test]
    fn noun_uses_of_cue_words_are_skipped() {
        assert_eq!(
            speaker_before("Ann Ray said his late-night tweets were"),
            Some("Ann Ray")
        );
        assert_eq!(speaker_before("Lee said the claims were"), Some("Lee"));
        assert_eq!(
            speaker_before("Lee said the tax breaks used by firms were"),
            Some("Lee")
        );
        assert_eq!(
            speaker_before("Kay said the rebels are revealed as"),
            Some("Kay")
        );
    }

    /// An age and a hometown between a name and its `who` clause are not
    /// the speaker (`Md.` was taken for one); an `of` inside a name stays.
    #[test]
    fn speaker_before_an_age_and_a_hometown() {
        for (text, want) in [
            (
                "Donna Rawlings, 59, of Ashton, Md., who watched it on a screen, said",
                "Donna Rawlings",
            ),
            ("Ray Moss, of Dover, who came early, said", "Ray Moss"),
            ("Ray Moss, 41, who came early, said", "Ray Moss"),
            (
                "Secretary of State Jo Kerr, who flew in, said",
                "Secretary of State Jo Kerr",
            ),
        ] {
            assert_eq!(speaker_before(text), Some(want), "{text}");
        }
    }

    #[test]
    fn speaker_after_apposition_and_prepositional_phrase() {
        assert_eq!(
            speaker_before("Dean, a former party chairman, poked at the rival, tweeting,"),
            Some("Dean")
        );
        assert_eq!(
            speaker_before("In a radio interview Trump declared"),
            Some("Trump")
        );
        assert_eq!(
            speaker_before("Marchers walking through the streets chanted"),
            Some("Marchers")
        );
        assert_eq!(speaker_before("As the memo put it,"), Some("the memo"));
    }

    #[test]
    fn dash_and_sentence_final_attributions() {
        let t = " ― Carla Mendes";
        let f = after(t, 0..t.len(), '.').unwrap();
        assert_eq!(&t[f.speaker.unwrap()], "Carla Mendes");
        let t = " to lift the price, she said.";
        let f = after(t, 0..t.len(), ' ').unwrap();
        assert_eq!(&t[f.speaker.unwrap()], "she");
        // Not when the quote ended its own sentence: the next one is news.
        assert!(after(t, 0..t.len(), '.').is_none());
        let t = " in 40 towns, according to the organizers.";
        let f = after(t, 0..t.len(), ' ').unwrap();
        assert_eq!(&t[f.speaker.unwrap()], "the organizers");
    }

    #[test]
    fn inverted_attribution_needs_the_quote_punctuation() {
        assert_eq!(
            after_of(" says Mayor Holt.", ','),
            Some(("Mayor Holt", "says"))
        );
        assert_eq!(after_of(" say the plan fails.", ' '), None);
    }

    #[test]
    fn closing_attribution_of_previous_sentence() {
        let t = "The port may stay shut, the harbor chief said.";
        let f = closing_attribution(t, 0..t.len()).unwrap();
        assert_eq!(&t[f.speaker.unwrap()], "the harbor chief");
        let t = "The port may stay shut for weeks.";
        assert!(closing_attribution(t, 0..t.len()).is_none());
    }

    #[test]
    fn titles_of_works_and_shows() {
        let t = "She read the novel";
        assert!(before(t, 0..t.len(), true, true, true).title);
        let t = "He told the network's";
        assert!(before(t, 0..t.len(), true, true, true).title);
        let t = "He called the plan";
        assert!(!before(t, 0..t.len(), false, false, true).title);
        let t = "a program called";
        assert!(before(t, 0..t.len(), true, true, false).title);
    }
}
