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

/// Finds the evidence in `text[range]` and reports each piece to `emit`
/// with an absolute byte range.
pub fn collect(
    text: &str,
    range: Range<usize>,
    quotes: &QuoteMap,
    lexicon: &Lexicon,
    mut emit: impl FnMut(Kind, Range<usize>, f32),
) {
    let base = range.start;
    let sentence = &text[range.clone()];
    // Where the first word starts (after opening quotes or brackets).
    let opening = base
        + sentence
            .find(|c: char| c.is_alphanumeric())
            .unwrap_or(sentence.len());
    let first_word = &text[opening..opening + super::lexicon::word_len(&text[opening..range.end])];
    if IMPERATIVES
        .iter()
        .any(|v| v.eq_ignore_ascii_case(first_word))
        && !quotes.is_quoted(opening)
        && imperative_follows(&text[opening + first_word.len()..range.end])
    {
        emit(
            Kind::AuthorialVoice,
            opening..opening + first_word.len(),
            IMPERATIVE,
        );
    }
    lexicon.for_each_hit(sentence, |h| {
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
            _ => {}
        }
        emit(entry.kind, start..end, entry.weight);
    });
    let mut asked = false;
    let mut exclaimed = false;
    let mut figure = false;
    let bytes = sentence.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let at = base + i;
        match bytes[i] {
            b'?' if !asked && !quotes.is_quoted(at) => {
                asked = true;
                emit(Kind::RhetoricalQuestion, at..at + 1, RHETORICAL_QUESTION);
            }
            b'!' if !exclaimed && !quotes.is_quoted(at) => {
                exclaimed = true;
                emit(Kind::Exclamation, at..at + 1, EXCLAMATION);
            }
            b'0'..=b'9' if !figure && !quotes.is_quoted(at) => {
                figure = true;
                let mut j = i;
                while j < bytes.len()
                    && (bytes[j].is_ascii_digit() || matches!(bytes[j], b',' | b'.' | b'%'))
                {
                    j += 1;
                }
                while j > i + 1 && matches!(bytes[j - 1], b',' | b'.') {
                    j -= 1;
                }
                emit(Kind::Figure, at..base + j, FIGURE);
                i = j;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    let first = quotes.scare.partition_point(|r| r.end <= range.start);
    for r in quotes.scare[first..]
        .iter()
        .take_while(|r| r.start < range.end)
    {
        emit(Kind::ScareQuote, r.clone(), SCARE_QUOTE);
    }
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
        collect(text, 0..text.len(), quotes, &lex, |k, r, w| {
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
    fn multibyte_text_does_not_panic() {
        let text = "Ünïcødé “so-called” ‘scam’ 😀 — ¿qué? 12€!";
        let _ = kinds(text, &QuoteMap::default());
    }
}
