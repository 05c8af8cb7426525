//! The evidence rules of one sentence: lexicon hits in context, plus the
//! punctuation and quote rules that no word list can express.

use super::Kind;
use super::lexicon::Lexicon;
use crate::annotate::QuoteMap;
use std::ops::Range;

/// A question mark outside quotes: the writer asks (lift ≈ 1.7 on dev data).
pub const RHETORICAL_QUESTION: f32 = 1.0;
/// An exclamation mark outside quotes.
pub const EXCLAMATION: f32 = 1.0;
/// Scare quotes (`the "experts"`): distance taken by the writer.
pub const SCARE_QUOTE: f32 = 0.8;
/// A sentence that opens by telling the reader what to do (`Consider …`).
pub const IMPERATIVE: f32 = 0.8;
/// Digits outside quotes: exact figures point to factual report (on the
/// dev data a sentence with digits is 0.3–0.7 times as likely to be opinion).
pub const FIGURE: f32 = -0.2;

/// Verbs that, opening a sentence, address the reader as an imperative.
const IMPERATIVES: [&str; 12] = [
    "consider", "imagine", "remember", "note", "observe", "suppose", "picture", "forget", "recall",
    "look", "ask", "think",
];

/// Words that may open a sentence before its imperative verb. The verb
/// after one must be lower-case (`And Look Inc. said` is a name).
const CONNECTIVES: [&str; 8] = ["and", "but", "so", "now", "yet", "still", "then", "or"];

/// Titles before which `so-called`/`self-proclaimed` mock a person; before
/// any other capitalised word the marker names terminology (`so-called
/// Dreamers`, `self-proclaimed Islamic State`) and is neutral.
const TITLES: [&str; 24] = [
    "president",
    "senator",
    "sen",
    "governor",
    "gov",
    "dr",
    "doctor",
    "professor",
    "prof",
    "judge",
    "justice",
    "minister",
    "king",
    "queen",
    "prince",
    "general",
    "mayor",
    "secretary",
    "chairman",
    "leader",
    "expert",
    "experts",
    "reverend",
    "rev",
];

/// The quoted and scare-quoted ranges that overlap one sentence: the few
/// that [`QuoteMap::is_quoted`] could answer with, for positions in it.
#[derive(Debug, Clone, Copy)]
pub struct Near<'q> {
    quoted: &'q [Range<usize>],
    scare: &'q [Range<usize>],
}

impl Near<'_> {
    /// Same as [`QuoteMap::is_quoted`] for `pos` in the sentence (the
    /// ranges are sorted and disjoint).
    fn is_quoted(&self, pos: usize) -> bool {
        self.quoted
            .iter()
            .take_while(|r| r.start <= pos)
            .any(|r| pos < r.end)
    }
}

/// Gives the [`Near`] ranges of sentence after sentence: a forward walk over
/// the quote map when the sentences come in text order (one binary search
/// otherwise), not a binary search of the whole document per position.
pub struct Cursor<'q> {
    quotes: &'q QuoteMap,
    quoted: usize,
    scare: usize,
    start: usize,
}

impl<'q> Cursor<'q> {
    pub fn new(quotes: &'q QuoteMap) -> Self {
        Cursor {
            quotes,
            quoted: 0,
            scare: 0,
            start: 0,
        }
    }

    /// The ranges that overlap `range`.
    pub fn near(&mut self, range: &Range<usize>) -> Near<'q> {
        fn overlapping<'q>(
            all: &'q [Range<usize>],
            first: &mut usize,
            restart: bool,
            range: &Range<usize>,
        ) -> &'q [Range<usize>] {
            if restart {
                *first = all.partition_point(|r| r.end <= range.start);
            }
            while all.get(*first).is_some_and(|r| r.end <= range.start) {
                *first += 1;
            }
            let rest = &all[*first..];
            &rest[..rest.iter().take_while(|r| r.start < range.end).count()]
        }
        let restart = range.start < self.start;
        self.start = range.start;
        Near {
            quoted: overlapping(&self.quotes.quoted, &mut self.quoted, restart, range),
            scare: overlapping(&self.quotes.scare, &mut self.scare, restart, range),
        }
    }
}

/// Finds the evidence in `text[range]` and reports each piece to `emit`
/// with an absolute byte range; `quotes` are the ranges near it.
/// Whether `text[word]`, one title-case word (a capital, then a lower-case
/// letter), stands next to another one in `text[within]`, with only a blank
/// between: a name (`Harlan Petty`, `Petty Officer`), not the writer's
/// word. A word in capitals (`DISGRACE`) is shouting, not a name.
fn in_a_name(text: &str, within: Range<usize>, word: Range<usize>) -> bool {
    let title_case = |w: &str| {
        let mut chars = w.chars();
        chars.next().is_some_and(char::is_uppercase) && chars.next().is_some_and(char::is_lowercase)
    };
    if !title_case(&text[word.clone()]) {
        return false;
    }
    let before = &text[within.start..word.start];
    let prev = before
        .strip_suffix(' ')
        .and_then(|b| b.rsplit(' ').next())
        .filter(|w| !w.ends_with([',', ';', ':', '—', '–', '"', '”']));
    let after = &text[word.end..within.end];
    let next = after.strip_prefix(' ').and_then(|a| a.split(' ').next());
    (prev.is_some_and(title_case) || next.is_some_and(title_case)) && !headline_case(&text[within])
}

/// A sentence written like a headline (`Impeachment Is Just Another Word
/// For …`): every word of four letters or more is capitalised, as title
/// case has it (a sentence with a name has lower-case words too).
fn headline_case(sentence: &str) -> bool {
    let (mut long, mut capital) = (0, 0);
    for w in sentence.split_whitespace() {
        let w = w.trim_start_matches(|c: char| !c.is_alphanumeric());
        if w.chars().nth(3).is_some() {
            long += 1;
            capital += usize::from(w.starts_with(char::is_uppercase));
        }
    }
    long >= 3 && capital == long
}

pub fn collect(
    text: &str,
    range: Range<usize>,
    quotes: Near<'_>,
    lexicon: &Lexicon,
    mut emit: impl FnMut(Kind, Range<usize>, f32),
) {
    let base = range.start;
    let sentence = &text[range.clone()];
    // Where the first word starts (after opening quotes or brackets).
    let opening = base
        + sentence
            .find(super::lexicon::is_alnum)
            .unwrap_or(sentence.len());
    let word_at = |at: usize| &text[at..at + super::lexicon::word_len(&text[at..range.end])];
    let (mut verb, mut verb_word) = (opening, word_at(opening));
    // `And remember that…`, `Now suppose…`, `But consider…`: one
    // connective may come before the verb.
    if verb_word.len() <= 5
        && CONNECTIVES
            .iter()
            .any(|c| c.eq_ignore_ascii_case(verb_word))
    {
        let rest = &text[opening + verb_word.len()..range.end];
        let gap = rest.len() - rest.trim_start_matches([' ', ',']).len();
        if gap > 0 && rest.as_bytes().get(gap).is_some_and(u8::is_ascii_lowercase) {
            verb = opening + verb_word.len() + gap;
            verb_word = word_at(verb);
        }
    }
    if IMPERATIVES
        .iter()
        .any(|v| v.eq_ignore_ascii_case(verb_word))
        && !quotes.is_quoted(verb)
        && imperative_follows(&text[verb + verb_word.len()..range.end])
    {
        emit(
            Kind::AuthorialVoice,
            verb..verb + verb_word.len(),
            IMPERATIVE,
        );
    }
    lexicon.for_each_hit_outside(sentence, base, quotes.quoted, |h| {
        let (start, end) = (base + h.start, base + h.end);
        if quotes.is_quoted(start) {
            return;
        }
        let entry = lexicon.entry(h.entry);
        let matched = &text[start..end];
        match entry.kind {
            // `US`: an acronym, not a pronoun; `Feeding Our Future`: a name.
            Kind::AuthorialVoice
                if (matched.len() > 1 && matched.bytes().all(|b| b.is_ascii_uppercase()))
                    || (start > opening
                        && matched.starts_with(|c: char| c.is_ascii_uppercase())
                        && matched != "I"
                        && !matched.starts_with("I'")
                        && !matched.starts_with("I’")) =>
            {
                return;
            }
            Kind::SarcasmMarker if before_proper_name(&text[end..range.end]) => return,
            // `Gov. Harlan Petty`, `Sharp Electronics`: part of a name.
            Kind::LoadedWord | Kind::LoadedVerb | Kind::Intensifier
                if start > opening && in_a_name(text, opening..range.end, start..end) =>
            {
                return;
            }
            _ => {}
        }
        emit(entry.kind, start..end, entry.weight);
    });
    // The first `?`, `!` and figure outside quotes, each found on its own
    // (memchr, a digit scan) and reported in text order.
    let bytes = sentence.as_bytes();
    let [asked, exclaimed, figure] = first_marks(bytes, |i| !quotes.is_quoted(base + i));
    let figure = figure.map(|i| {
        let mut j = i;
        while j < bytes.len()
            && (bytes[j].is_ascii_digit() || matches!(bytes[j], b',' | b'.' | b'%'))
        {
            j += 1;
        }
        while j > i + 1 && matches!(bytes[j - 1], b',' | b'.') {
            j -= 1;
        }
        (i, j)
    });
    let mut marks = [
        asked.map(|i| (i, i + 1, Kind::RhetoricalQuestion, RHETORICAL_QUESTION)),
        exclaimed.map(|i| (i, i + 1, Kind::Exclamation, EXCLAMATION)),
        figure.map(|(i, j)| (i, j, Kind::Figure, FIGURE)),
    ];
    marks.sort_by_key(|m| m.map(|m| m.0));
    for (i, j, kind, weight) in marks.into_iter().flatten() {
        emit(kind, base + i..base + j, weight);
    }
    for r in quotes.scare {
        emit(Kind::ScareQuote, r.clone(), SCARE_QUOTE);
    }
}

/// The first `?`, `!` and ASCII digit of `bytes` at a position `keep`
/// accepts. Chunks of 16 bytes without any of them are skipped with one
/// test (which the compiler vectorises).
fn first_marks(bytes: &[u8], keep: impl Fn(usize) -> bool) -> [Option<usize>; 3] {
    let mut found = [None; 3];
    let mut visit = |i: usize, b: u8| {
        let k = match b {
            b'?' => 0,
            b'!' => 1,
            b'0'..=b'9' => 2,
            _ => return,
        };
        if found[k].is_none() && keep(i) {
            found[k] = Some(i);
        }
    };
    let mut chunks = bytes.chunks_exact(16);
    let mut at = 0;
    for c in &mut chunks {
        // Of known length, so that the compiler vectorises the test.
        let c: &[u8; 16] = c.try_into().expect("16 bytes");
        if c.iter().fold(false, |any, &b| {
            any | b.is_ascii_digit() | (b == b'?') | (b == b'!')
        }) {
            for (j, &b) in c.iter().enumerate() {
                visit(at + j, b);
            }
        }
        at += 16;
    }
    for (j, &b) in chunks.remainder().iter().enumerate() {
        visit(at + j, b);
    }
    found
}

/// True when the word after a sentence-initial verb fits an imperative:
/// `Consider the…`, `Look at…`, `Remember that…`, not `Note: …` or
/// `Observers said…` (a different word) or `Think tanks…`.
fn imperative_follows(rest: &str) -> bool {
    let next = rest
        .trim_start_matches([' ', ','])
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    rest.starts_with([' ', ','])
        && !["tanks", "tank", "of", "to"]
            .iter()
            .any(|w| w.eq_ignore_ascii_case(next))
        && !next.is_empty()
}

/// True when the next word in `rest` is capitalised and not a title.
fn before_proper_name(rest: &str) -> bool {
    let word = rest
        .trim_start_matches(|c: char| c.is_whitespace())
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    let Some(first) = word.chars().next() else {
        return false;
    };
    first.is_uppercase() && !TITLES.iter().any(|t| t.eq_ignore_ascii_case(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str, quotes: &QuoteMap) -> Vec<(Kind, String, f32)> {
        let lex = Lexicon::builtin();
        let mut out = Vec::new();
        let near = Cursor::new(quotes).near(&(0..text.len()));
        collect(text, 0..text.len(), near, &lex, |k, r, w| {
            out.push((k, text[r].to_string(), w))
        });
        out
    }

    fn has(text: &str, kind: Kind) -> bool {
        kinds(text, &QuoteMap::default())
            .iter()
            .any(|(k, _, _)| *k == kind)
    }

    #[test]
    fn so_called_before_title_is_sarcasm_before_name_is_not() {
        assert!(has("The so-called President spoke.", Kind::SarcasmMarker));
        assert!(has("The so-called experts agreed.", Kind::SarcasmMarker));
        assert!(!has("The so-called Dreamers rallied.", Kind::SarcasmMarker));
        assert!(!has(
            "The self-proclaimed Islamic State",
            Kind::SarcasmMarker
        ));
    }

    #[test]
    fn sentence_opening_imperative_addresses_the_reader() {
        assert!(has(
            "Consider the cost of the new stadium.",
            Kind::AuthorialVoice
        ));
        assert!(has("Look at the numbers.", Kind::AuthorialVoice));
        assert!(!has("Think tanks disagreed.", Kind::AuthorialVoice));
        assert!(!has("Observers disagreed.", Kind::AuthorialVoice));
        assert!(!has(
            "The board will consider the plan.",
            Kind::AuthorialVoice
        ));
    }

    #[test]
    fn an_imperative_may_follow_one_connective() {
        for text in [
            "And remember that the pandemic is not over.",
            "Now suppose that the tax were doubled.",
            "But, consider the cost of the stadium.",
        ] {
            assert!(has(text, Kind::AuthorialVoice), "{text}");
        }
        // A capitalised word after the connective is a name, and a
        // connective before another kind of word changes nothing.
        for text in [
            "And Look Inc. said it would close.",
            "But think tanks disagreed.",
            "And the board will consider it.",
        ] {
            assert!(!has(text, Kind::AuthorialVoice), "{text}");
        }
    }

    #[test]
    fn the_writer_citing_their_own_writing_is_authorial_voice() {
        let quotes = QuoteMap::default();
        let found = kinds("As I have written before, the line held.", &quotes);
        assert!(
            found.iter().any(|(k, t, w)| *k == Kind::AuthorialVoice
                && t == "As I have written"
                && *w > 1.0),
            "{found:?}"
        );
    }

    #[test]
    fn capitalised_pronoun_inside_a_name_is_not_first_person() {
        assert!(!has(
            "Officials from Feeding Our Future met.",
            Kind::AuthorialVoice
        ));
        assert!(has("Our city deserves better.", Kind::AuthorialVoice));
        assert!(has("Then I left.", Kind::AuthorialVoice));
    }

    #[test]
    fn us_acronym_is_not_first_person() {
        assert!(!has("The US economy grew.", Kind::AuthorialVoice));
        assert!(has("It tells us nothing.", Kind::AuthorialVoice));
    }

    #[test]
    fn question_and_exclamation_outside_quotes_only() {
        assert!(has("Who could blame them?", Kind::RhetoricalQuestion));
        assert!(has("What a week it was!", Kind::Exclamation));
        let text = "\"Why now?\" he asked.";
        let quotes = QuoteMap {
            quoted: std::iter::once(0..10).collect(),
            scare: vec![],
        };
        assert!(
            kinds(text, &quotes)
                .iter()
                .all(|(k, _, _)| *k != Kind::RhetoricalQuestion)
        );
    }

    #[test]
    fn first_figure_is_negative_evidence() {
        let found = kinds("Sales rose 4.5% to 1,200 units.", &QuoteMap::default());
        let figures: Vec<_> = found
            .iter()
            .filter(|(k, _, _)| *k == Kind::Figure)
            .collect();
        assert_eq!(figures.len(), 1);
        assert_eq!(figures[0].1, "4.5%");
        assert!(figures[0].2 < 0.0);
    }

    #[test]
    fn scare_quotes_from_the_quote_map_count() {
        let text = "The \"experts\" disagree.";
        let quotes = QuoteMap {
            quoted: std::iter::once(4..13).collect(),
            scare: std::iter::once(4..13).collect(),
        };
        let found = kinds(text, &quotes);
        assert!(
            found
                .iter()
                .any(|(k, t, _)| *k == Kind::ScareQuote && t == "\"experts\"")
        );
    }

    #[test]
    fn cursor_agrees_with_the_quote_map() {
        let quotes = QuoteMap {
            quoted: vec![2..5, 7..8, 12..20, 30..31, 40..60],
            scare: vec![7..8, 30..31],
        };
        // Sentences in order, out of order, overlapping, empty.
        let sentences = [
            0..6,
            6..12,
            12..25,
            25..45,
            45..70,
            10..35,
            0..70,
            50..50,
            3..9,
        ];
        let mut cursor = Cursor::new(&quotes);
        for range in sentences {
            let near = cursor.near(&range);
            for pos in range.clone() {
                assert_eq!(
                    near.is_quoted(pos),
                    quotes.is_quoted(pos),
                    "{range:?} {pos}"
                );
            }
            let scare: Vec<_> = quotes
                .scare
                .iter()
                .filter(|r| r.start < range.end && r.end > range.start)
                .cloned()
                .collect();
            assert_eq!(near.scare, scare, "{range:?}");
        }
    }

    #[test]
    fn marks_and_figure_come_in_text_order() {
        let order = |text: &str, quotes: &QuoteMap| -> Vec<(Kind, String)> {
            kinds(text, quotes)
                .into_iter()
                .map(|(k, t, _)| (k, t))
                .collect()
        };
        let expect = |k: [Kind; 3], t: [&str; 3]| -> Vec<(Kind, String)> {
            k.into_iter().zip(t.map(String::from)).collect()
        };
        use Kind::{Exclamation as E, Figure as F, RhetoricalQuestion as Q};
        assert_eq!(
            order("Why 12 people? Wow! Another? 3!", &QuoteMap::default()),
            expect([F, Q, E], ["12", "?", "!"])
        );
        let quotes = QuoteMap {
            quoted: std::iter::once(0..8).collect(),
            scare: vec![],
        };
        assert_eq!(
            order("\"Why 1?\" 2! Yes?", &quotes),
            expect([F, E, Q], ["2", "!", "?"])
        );
    }

    #[test]
    fn first_marks_agree_with_separate_searches() {
        let texts = [
            "Why 12 people? Wow! Another? 3!",
            "\"Why 1?\" 2! Yes? and a much longer tail of words 45 ?! 6",
            "",
            "!",
            "no marks at all in this sentence of more than sixteen bytes",
            "0123456789abcdef?!0123456789abcdef",
        ];
        for text in texts {
            let b = text.as_bytes();
            for skip in 0..4 {
                let keep = |i: usize| i % 4 != skip;
                let first = |f: &dyn Fn(u8) -> bool| (0..b.len()).find(|&i| f(b[i]) && keep(i));
                assert_eq!(
                    first_marks(b, keep),
                    [
                        first(&|c| c == b'?'),
                        first(&|c| c == b'!'),
                        first(&|c| c.is_ascii_digit()),
                    ],
                    "{text}"
                );
            }
        }
    }

    #[test]
    fn multibyte_text_does_not_panic() {
        let text = "Ünïcødé “so-called” ‘scam’ 😀 — ¿qué? 12€!";
        let _ = kinds(text, &QuoteMap::default());
    }
}
