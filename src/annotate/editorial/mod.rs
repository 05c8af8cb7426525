//! editorial: the writer's own evaluation, outside quotation marks (GUIDE §3).
//!
//! Each sentence collects weighted evidence of the writer's voice; it is
//! labelled editorial when the summed weight reaches the threshold
//! ([`DEFAULT_THRESHOLD`], `--editorial-threshold`). Every hit is reported as
//! [`Evidence`] (rule = the [`Kind`] name, with its weight), and the sum is
//! [`Sentence::editorial_weight`].
//!
//! Evidence comes from two places:
//! - the [`Lexicon`] (curated word lists, see [`lexicon`]), matched with one
//!   trie walked from each word start: loaded words and verbs, sarcasm
//!   markers, first person and direct address, intensifiers, understatement,
//!   partisan labels, speculation, obligation modals, argumentative
//!   connectives, informal register,
//!   and (negative) neutral attribution and reporting detail;
//! - the rules in `rules`: rhetorical questions, exclamations, scare quotes
//!   (from the quote detector), a sentence opening with an imperative that
//!   addresses the reader (`Consider…`), and (negative) figures.
//!
//! Words inside quotation marks are the speaker's: no evidence is taken from
//! them. Weights are calibrated so that one strong term (`slammed`,
//! `so-called President`, `we know`) reaches the default threshold of 1.0 and
//! a mild one (`finally`, `simply`) needs company. Negative weights are
//! evidence *against*: neutral attribution (`said`, `according to`) makes
//! evaluative words more likely to be the source's, and exact figures are
//! typical of factual report; neither can cancel strong evidence alone.

pub(crate) mod letters;
pub mod lexicon;
mod rules;

use super::{Context, QuoteMap};
use crate::report::{Evidence, Label, Sentence};
use crate::span::Span;
pub use lexicon::{Lexicon, LexiconError};
use std::sync::LazyLock;

/// Summed weight at which a sentence is labelled editorial. One strong
/// piece of evidence (a loaded word, a rhetorical question, first person)
/// reaches it; mild ones (`finally`, `even`, a contraction) need company, and
/// attribution or reporting detail in the same sentence raises the bar.
pub const DEFAULT_THRESHOLD: f32 = 1.0;

static BUILTIN: LazyLock<Lexicon> = LazyLock::new(Lexicon::builtin);

/// The kinds of editorial evidence; the name is the evidence's `rule`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// Evaluative adjectives, adverbs and nouns (`thoughtless`, `scam`).
    LoadedWord,
    /// Speech and action verbs that judge (`slammed`, `admitted`, `caved`).
    LoadedVerb,
    /// `so-called`, `self-proclaimed` (not before a proper name).
    SarcasmMarker,
    /// 1–3 quoted words with no speaker (from the quote detector).
    ScareQuote,
    /// First person outside quotes, direct address to the reader.
    AuthorialVoice,
    /// A question asked in the writer's own voice.
    RhetoricalQuestion,
    /// An exclamation mark outside quotes.
    Exclamation,
    /// `utterly`, `simply`, `finally`, `hardly`.
    Intensifier,
    /// `not exactly`, `not quite the`.
    Understatement,
    /// `Democrat-style`, `leftist`, `far-right` as a label.
    PartisanLabel,
    /// Unsupported speculation or certainty (`it seems`, `clearly`).
    Speculation,
    /// Obligation and prescription (`should`, `must`, `ought to`).
    Obligation,
    /// Argumentative connectives: the writer reasons (`therefore`, `after all`).
    Argument,
    /// Informal register outside quotes (contractions, `gonna`, `okay`).
    Informal,
    /// Neutral attribution (`said`, `according to`): negative weight.
    Attribution,
    /// Reporting detail (weekdays, `last week`, `officials`, `percent`):
    /// negative weight.
    NewsDetail,
    /// An exact figure (digits): negative weight, reporting detail.
    Figure,
}

impl Kind {
    pub const ALL: [Kind; 17] = [
        Kind::LoadedWord,
        Kind::LoadedVerb,
        Kind::SarcasmMarker,
        Kind::ScareQuote,
        Kind::AuthorialVoice,
        Kind::RhetoricalQuestion,
        Kind::Exclamation,
        Kind::Intensifier,
        Kind::Understatement,
        Kind::PartisanLabel,
        Kind::Speculation,
        Kind::Obligation,
        Kind::Argument,
        Kind::Informal,
        Kind::Attribution,
        Kind::NewsDetail,
        Kind::Figure,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::LoadedWord => "loaded_word",
            Kind::LoadedVerb => "loaded_verb",
            Kind::SarcasmMarker => "sarcasm_marker",
            Kind::ScareQuote => "scare_quote",
            Kind::AuthorialVoice => "authorial_voice",
            Kind::RhetoricalQuestion => "rhetorical_question",
            Kind::Exclamation => "exclamation",
            Kind::Intensifier => "intensifier",
            Kind::Understatement => "understatement",
            Kind::PartisanLabel => "partisan_label",
            Kind::Speculation => "speculation",
            Kind::Obligation => "obligation",
            Kind::Argument => "argument",
            Kind::Informal => "informal",
            Kind::Attribution => "attribution",
            Kind::NewsDetail => "news_detail",
            Kind::Figure => "figure",
        }
    }

    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// True for the kinds a lexicon file may list (the others are rules).
    pub fn is_lexical(self) -> bool {
        !matches!(
            self,
            Kind::ScareQuote | Kind::RhetoricalQuestion | Kind::Exclamation | Kind::Figure
        )
    }

    fn lexical_names() -> Vec<&'static str> {
        Kind::ALL
            .into_iter()
            .filter(|k| k.is_lexical())
            .map(Kind::as_str)
            .collect()
    }
}

/// Weighs the editorial evidence of every sentence.
pub fn detect<'a>(cx: &Context<'a, '_>, sentences: &mut [Sentence<'a>], quotes: &QuoteMap) {
    let lexicon: &Lexicon = cx.options.lexicon.as_deref().unwrap_or(&BUILTIN);
    let threshold = cx.options.editorial_threshold;
    let mut cursor = rules::Cursor::new(quotes);
    // One sentence's hits, gathered first so that its evidence grows once
    // and to the size it needs (editorial is the last detector to add
    // evidence): less memory, fewer pages to fault in.
    let mut hits: Vec<(Kind, std::ops::Range<usize>, f32)> = Vec::new();
    for s in sentences.iter_mut() {
        let range = s.span.range();
        let near = cursor.near(&range);
        let mut total = 0.0f32;
        hits.clear();
        rules::collect(cx.text, range, near, lexicon, |kind, r, weight| {
            hits.push((kind, r, weight));
        });
        s.evidence.reserve_exact(hits.len());
        for (kind, r, weight) in hits.drain(..) {
            total += weight;
            s.evidence.push(Evidence {
                label: Label::Editorial,
                rule: kind.as_str(),
                span: Span::bytes(r.clone()),
                text: &cx.text[r],
                weight,
                note: None,
            });
        }
        // Sums of f32 weights drift (5.2000003); report them to 0.001.
        s.editorial_weight = (total * 1000.0).round() / 1000.0;
        let total = s.editorial_weight;
        if total >= threshold {
            s.add_label(Label::Editorial);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::Options;
    use crate::report::Label;

    fn weight_of(text: &str) -> (f32, Vec<(&'static str, String)>) {
        let report = crate::analyze(text, &Options::default());
        let s = &report.sentences[0];
        for e in &s.evidence {
            assert_eq!(&text[e.span.start..e.span.end], e.text);
        }
        let ev = s
            .evidence
            .iter()
            .filter(|e| e.label == Label::Editorial)
            .map(|e| (e.rule, e.text.to_string()))
            .collect();
        (s.editorial_weight, ev)
    }

    fn editorial(text: &str) -> bool {
        crate::analyze(text, &Options::default()).sentences[0].has(Label::Editorial)
    }

    #[test]
    fn odd_input_does_not_panic() {
        let long = "we so-called “scam? ".repeat(20_000);
        for text in [
            "",
            "?",
            "!!!",
            "“unbalanced so-called",
            "so-called",
            "Consider",
            "Ünïcødé wé’ll 😀 so-called ¿qué? ‘scam’ e\u{301}",
            "We\u{301} slammed\u{301} it.",
            long.as_str(),
        ] {
            let r = crate::analyze(text, &Options::default());
            for s in &r.sentences {
                for e in &s.evidence {
                    assert_eq!(&text[e.span.start..e.span.end], e.text);
                }
            }
        }
    }

    /// A loaded word that is part of a name is not the writer's judgement;
    /// the same word in lower case, in capitals, or in a sentence written
    /// like a headline still is.
    #[test]
    fn a_loaded_word_in_a_name_does_not_count() {
        for text in [
            "Gov. Harlan Petty cut the ribbon on Tuesday.",
            "Shops on the Magnificent Mile reopened.",
            "Crews reached the Great Pacific Garbage Patch in May.",
        ] {
            let (w, ev) = weight_of(text);
            assert!(
                ev.iter().all(|(r, _)| *r != "loaded_word"),
                "{text}: {ev:?}"
            );
            assert!(w < 1.0, "{text}");
        }
        for text in [
            "Petty squabbles stalled the council again.",
            "The council was petty and vindictive.",
            "This is a DISGRACEFUL Decision.",
            "Council Makes Petty Choice Over Budget",
        ] {
            let (_, ev) = weight_of(text);
            assert!(
                ev.iter().any(|(r, _)| *r == "loaded_word"),
                "{text}: {ev:?}"
            );
        }
    }

    #[test]
    fn weights_are_reported_to_three_decimals() {
        let (w, _) = weight_of("The phony, disgraceful, shameless, reckless scam was a sham.");
        assert_eq!(w, (w * 1000.0).round() / 1000.0);
    }

    #[test]
    fn kind_names_round_trip() {
        for k in super::Kind::ALL {
            assert_eq!(super::Kind::parse(k.as_str()), Some(k));
        }
    }

    #[test]
    fn loaded_verb_outside_quotes_is_editorial() {
        let (w, ev) = weight_of("The senator slammed the thoughtless plan.");
        assert!(w >= 1.0, "{w} {ev:?}");
        assert!(
            ev.iter()
                .any(|(r, t)| *r == "loaded_verb" && t == "slammed")
        );
    }

    #[test]
    fn contempt_words_are_editorial() {
        for text in [
            "The perverse rule hurts the poor.",
            "The budget shenanigans go on.",
            "His lefty allies cheered.",
            "The speech showed an utter ignorance of the law.",
        ] {
            let (w, ev) = weight_of(text);
            assert!(w >= 1.0, "{text}: {w} {ev:?}");
        }
    }

    #[test]
    fn quoted_words_never_count() {
        let (w, ev) = weight_of("\"This is a thoughtless, disastrous scam,\" the senator said.");
        assert!(ev.iter().all(|(r, _)| *r != "loaded_word"), "{ev:?}");
        assert!(w < 1.0);
    }

    #[test]
    fn threshold_option_is_used() {
        let text = "The council finally approved the budget.";
        assert!(!editorial(text));
        let options = Options {
            editorial_threshold: 0.1,
            ..Options::default()
        };
        let r = crate::analyze(text, &options);
        assert!(r.sentences[0].has(Label::Editorial));
    }

    #[test]
    fn user_lexicon_option_is_used() {
        let text = "The council approved the gizmo.";
        assert!(!editorial(text));
        let lex = super::Lexicon::with_user_file("t.tsv", "gizmo\tloaded_word\t1.2\n").unwrap();
        let options = Options {
            lexicon: Some(std::sync::Arc::new(lex)),
            ..Options::default()
        };
        let r = crate::analyze(text, &options);
        assert!(r.sentences[0].has(Label::Editorial));
        assert_eq!(r.sentences[0].editorial_weight, 1.2);
    }
}
