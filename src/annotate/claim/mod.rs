//! reported_claim: indirect speech, attribution and hedges (GUIDE §3).
//!
//! A sentence is a reported claim when the summed weight of its cues reaches
//! [`THRESHOLD`] (1.0). Cues are words looked up in one table of
//! `claim_verbs.txt` (about 190 speech, cognition and stance verbs with all
//! their forms) and `claim_cues.txt` (hedges, clause-taking nouns, documents,
//! attitude adjectives); words inside quotation marks are never cues. Each
//! cue then looks at a few tokens around it:
//!
//! | rule | example | weight |
//! |---|---|---|
//! | `speech_verb_clause` | `She said (that) she would resign.`, `told the board on Jan. 14 that …`, `insisted, as did X, that …`, `what X said was …` | 1.0 |
//! | `cognition_clause` | `Officials believe the attack was planned.`, `She was sure he would win.`, `were also frustrated that …` | 1.0 |
//! | `statement_says` | `A statement from X revealed that …`, `X's statement says …`, `A study found …` | 1.0 |
//! | `speech_verb_trailing` | `The talks will resume, officials said.`, `…, said Ana Ruiz.`, `As Reuters reported, …`, `As stated in …` | 1.0 |
//! | `speech_verb_infinitive` | `vowed to veto`, `urged lawmakers to act`, `expect the bank to raise rates` | 1.0 |
//! | `speech_verb_naming` | `called the bill a disgrace`, `described him as “reckless”` | 1.0 |
//! | `partial_quote` | `said “tough” steps were needed` | 1.0 |
//! | `speech_verb_object` (content) | `denied the report`, `called for an inquiry`, `accused X of …`, `blasted X for ignoring …` | 1.0 |
//! | `according_to` | `according to the readout` | 1.0 |
//! | `passive_attribution` | `it was reported that`, `is said to`, `plans … were revealed`, `was reported by X` | 1.0 |
//! | `hedge` | `reportedly`, `allegedly`, `the alleged bribe` | 1.0 |
//! | `headline_colon` | `Pence: Talks Will Resume`, `New poll: Voters Turn Away` (not `Update:`, `Editor's Note:`, `PENCE:`) | 1.0 |
//! | `claim_noun` | `amid reports that …`, `Biden’s claim that …`, `warnings from X that …`, `X's bet is that …` | 1.0 |
//! | `statement_says` (setting) | `in a statement`, `in an interview with …` | 0.5 |
//! | `speech_verb_object` / `passive_attribution` (event) | `He announced his candidacy in May.`, `The merger was announced.` | 0.4 |
//! | `intention_infinitive` (event) | `It plans to spend …`, `offered to buy`, `wants to sell` (flag `w`) | 0.4 |
//! | `speech_verb_object` (question, event) | `asked whether …`, `asked if …`, `asked for …` | 0.4 |
//!
//! One proposition-bearing cue suffices. A reporting verb used for an event
//! (a plain object or none) is weaker evidence: it needs two more such cues,
//! or a setting, beside it. `In a statement, X said: "…"` stays a direct quote.
//! Not cues at all: a verb whose only content is a full direct quote (`"…,"
//! she said.`, `said: "…"`, or a non-partial
//! [`Quote`](crate::report::Quote) whose `cue_span` is the verb); a
//! first-person subject outside quotes (the writer's voice: `we know that`);
//! a belief with no holder (`wait and see how`); cognition verbs with a plain
//! object (`found the car`); infinitives and gerunds after a preposition
//! without a content clause (`to disclose their assets`, `without knowing`);
//! nouns and names that share a verb's spelling (`the claims`, `the United
//! States`, `court ruling`).
//!
//! Each claim cue's source phrase (the subject, the agent after `by`, the
//! noun phrase after `according to`, `it was reported` for an impersonal
//! passive) is recorded in `sentences[].sources` with role `claim` and a kind
//! from [`classify`](super::sources::classify); events record none.
//! Evidence notes carry the source phrase.

mod lexicon;
mod rules;
mod table;
mod tokens;

use super::sources::KindCache;
use super::{Context, QuoteMap};
use crate::report::{Evidence, Label, Sentence, SourceMention, SourceRole};
use crate::span::Span;
use rules::{DirectCues, Hit, Match, Memo, Sent};
use std::borrow::Cow;

/// Summed cue weight at which a sentence is labelled reported_claim.
pub const THRESHOLD: f32 = 1.0;

pub fn detect<'a>(cx: &Context<'a, '_>, sentences: &mut [Sentence<'a>], quotes: &QuoteMap) {
    let mut toks = Vec::new();
    let mut hits = Vec::new();
    let mut found = Vec::new();
    let mut memo = Memo::default();
    let mut kinds = KindCache::default();
    // Where the walk over the quoted ranges is: the sentences come in
    // text order.
    let mut quote_at = 0;
    for s in sentences.iter_mut() {
        // No lexicon match, no cue: skip the tokens and the rules.
        rules::matches(cx.text, s.span.range(), &mut found);
        if found.is_empty() && !rules::colon_opener(cx.text, s.span.range()) {
            continue;
        }
        let range = s.span.range();
        if quote_at > 0 && quotes.quoted[quote_at - 1].end > range.start {
            // Not in text order after all: search afresh.
            quote_at = quotes.quoted.partition_point(|r| r.end <= range.start);
        }
        if cannot_hit(cx.text, range.clone(), &found, quotes, quote_at, &s.quotes) {
            continue;
        }
        quote_at = tokens::tokenize_from(cx.text, range, quotes, quote_at, &mut toks);
        memo.reset(s.span.range());
        let sent = Sent::new(cx.text, &toks, DirectCues::Quotes(&s.quotes), &memo);
        sent.analyse_matches(&found, &mut hits);
        sent.headline_colon(&mut hits);
        apply(cx.text, s, &hits, &mut kinds);
    }
}

/// Whether the sentence `text[range]` with the lexicon words `found` is
/// sure to get no cue, told without tokenising it: no colon (for
/// [`Sent::headline_colon`]), and each word inside quotation marks (the
/// rules skip quoted words) or a plain verb that is the cue of one of the
/// sentence's full direct quotes (`"…," she said.`), which the rules drop
/// unless it is a participle after a determiner (`the alleged`) or after
/// `as` (`as reported by`). `quote_at` is a cursor into `quotes.quoted` as
/// [`tokens::tokenize_from`] takes it.
fn cannot_hit(
    text: &str,
    range: std::ops::Range<usize>,
    found: &[Match],
    quotes: &QuoteMap,
    mut quote_at: usize,
    sentence_quotes: &[crate::report::Quote],
) -> bool {
    let b = text.as_bytes();
    if memchr::memchr(b':', &b[range.clone()]).is_some() {
        return false;
    }
    let lex = &*lexicon::LEXICON;
    found.iter().all(|m| {
        while quotes
            .quoted
            .get(quote_at)
            .is_some_and(|r| r.end <= m.start)
        {
            quote_at += 1;
        }
        if quotes
            .quoted
            .get(quote_at)
            .is_some_and(|r| r.start <= m.start)
        {
            return true; // a quoted token: skipped by the rules
        }
        let e = &lex.entries[m.entry];
        let Some((v, forms)) = e.verb else {
            return false;
        };
        if e.hedge || e.according || e.attitude || e.noun || e.document {
            return false;
        }
        if forms & lexicon::PART != 0 {
            // `the alleged` needs one of these lemmas; `as reported by`
            // needs `as` before it, whose last letter is an `s`: any other
            // ASCII byte after the blanks rules it out.
            if lexicon::one_of(
                lex.verbs[v].lemma,
                &["allege", "rumor", "report", "suppose", "purport"],
            ) {
                return false;
            }
            let before = b[range.start..m.start]
                .iter()
                .rev()
                .find(|&&c| !(c as char).is_whitespace());
            if before.is_none_or(|&c| c >= 0x80 || c.eq_ignore_ascii_case(&b's')) {
                return false;
            }
        }
        let cue = m.start..m.end;
        sentence_quotes
            .iter()
            .any(|q| !q.partial && q.cue_span.is_some_and(|c| c.range() == cue))
    })
}

/// Adds the label, its evidence and the sources when the weight suffices.
fn apply<'a>(text: &'a str, s: &mut Sentence<'a>, hits: &[Hit], kinds: &mut KindCache<'a>) {
    let total: f32 = hits.iter().map(|h| h.weight).sum();
    if total < THRESHOLD {
        return;
    }
    s.add_label(Label::ReportedClaim);
    for h in hits {
        let source = h
            .source
            .clone()
            .filter(|r| plausible_source(&text[r.clone()]));
        let phrase = source.clone().map(|r| &text[r]);
        s.evidence.push(Evidence {
            label: Label::ReportedClaim,
            rule: h.rule,
            span: Span::bytes(h.cue.clone()),
            text: &text[h.cue.clone()],
            weight: h.weight,
            note: phrase.map(Cow::Borrowed),
        });
        // An event (`announced his candidacy`) explains the weight but
        // credits no one with a claim.
        if let Some(r) = source.filter(|_| h.weight >= THRESHOLD)
            // Cues of one source lie together: checking the last few
            // mentions keeps this linear.
            && !s
                .sources
                .iter()
                .rev()
                .take(8)
                .any(|m| m.role == SourceRole::Claim && m.span.range() == r)
        {
            let phrase = &text[r.clone()];
            s.sources.push(SourceMention {
                text: phrase,
                span: Span::bytes(r),
                kind: kinds.classify(phrase),
                role: SourceRole::Claim,
                resolved: None,
            });
        }
    }
}

/// Whether a phrase found where a source should be looks like one: a name,
/// a pronoun, a determined noun phrase (`the ministry`, `two officials`) or
/// a bare plural (`critics`); not a stray verb or adverb (`resist`, `little`).
fn plausible_source(phrase: &str) -> bool {
    let mut words = phrase.split_whitespace();
    let Some(first) = words.next() else {
        return false;
    };
    let last = phrase.split_whitespace().last().unwrap_or(first);
    if last.ends_with("ing") {
        return false; // `propounding`, `Having`
    }
    first.starts_with(char::is_uppercase)
        || first.starts_with(|c: char| c.is_ascii_digit())
        || lexicon::one_of(
            first,
            &[
                "he", "she", "they", "it", "who", "the", "a", "an", "this", "that", "these",
                "those", "his", "her", "its", "their", "some", "many", "several", "most", "few",
                "one", "two", "three", "others", "other", "each", "both", "all", "no", "senior",
                "top", "former", "federal", "local",
            ],
        )
        || first.ends_with("'s")
        || first.ends_with("’s")
        || first.eq_ignore_ascii_case("people")
        || (ends_ci(first, "s") && !ends_ci(first, "ss"))
        || plural_head(last)
        || titled_name(phrase)
}

/// A name after lower-case words of a title: `director Helen Okafor`,
/// `longtime Democratic pollster Pat Caddell`; not a clause or a phrase of
/// time that happens to end in a name (`shortly after Trump`, `placed on
/// voters in Florida`).
fn titled_name(phrase: &str) -> bool {
    let mut words = 0;
    let mut last = "";
    for w in phrase.split_whitespace() {
        let untitled = !w.starts_with(char::is_uppercase)
            && (ends_ci(w, "ly")
                || ends_ci(w, "ing")
                || ends_ci(w, "ed")
                || lexicon::one_of(
                    w,
                    &[
                        "after", "before", "in", "on", "at", "of", "for", "with", "between",
                        "during", "about", "from", "to", "by", "than", "since", "until", "just",
                        "only", "even", "the", "a", "an", "and", "or",
                    ],
                ));
        if untitled {
            return false;
        }
        words += 1;
        last = w;
    }
    (2..=8).contains(&words) && last.starts_with(char::is_uppercase)
}

/// `word` ends with `suffix` (ASCII case ignored), without lower-casing it
/// into a new string.
fn ends_ci(word: &str, suffix: &str) -> bool {
    let (w, e) = (word.as_bytes(), suffix.as_bytes());
    w.len() >= e.len() && w[w.len() - e.len()..].eq_ignore_ascii_case(e)
}

/// A plural head noun after modifiers: `city officials`, `state regulators`.
fn plural_head(word: &str) -> bool {
    word.len() > 3
        && ends_ci(word, "s")
        && !["ss", "us", "is", "ous"].iter().any(|e| ends_ci(word, e))
}

/// Every text file under `fixtures/`, for tests that run a fast path and
/// its reference over real text.
#[cfg(test)]
fn fixture_texts() -> Vec<String> {
    let mut texts = Vec::new();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut dirs = vec![root];
    while let Some(d) = dirs.pop() {
        for e in std::fs::read_dir(d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                dirs.push(p);
            } else if let Ok(t) = std::fs::read_to_string(&p) {
                texts.push(t);
            }
        }
    }
    texts
}

#[cfg(test)]
mod tests {
    use crate::report::{Label, SourceKind};

    fn analyse(text: &str) -> crate::report::Report<'_> {
        crate::analyze(text, &crate::Options::default())
    }

    #[test]
    fn labels_and_sources_with_exact_spans() {
        let text = "Critics say the plan will fail. He announced his candidacy in May.";
        let r = analyse(text);
        assert!(r.sentences[0].has(Label::ReportedClaim));
        assert!(!r.sentences[1].has(Label::ReportedClaim));
        let src = &r.sentences[0].sources[0];
        assert_eq!(src.text, "Critics");
        assert_eq!(&text[src.span.range()], "Critics");
        assert_eq!(src.kind, SourceKind::Vague);
        for e in &r.sentences[0].evidence {
            assert_eq!(&text[e.span.range()], e.text);
        }
    }

    /// `he` and `she` as a claim's source stand for the last person named
    /// outside quotes, as a quote's pronoun speaker does; the summary
    /// counts the claim for that person.
    #[test]
    fn a_pronoun_source_is_resolved_to_the_last_name() {
        let text = "Mayor Ann Lee spoke on Monday. \"Tom Ash is wrong,\" a voter said. \
                    She said that taxes would rise. \"We have no choice,\" she said.";
        let r = analyse(text);
        let m = &r.sentences[2].sources[0];
        assert_eq!((m.text, m.resolved), ("She", Some("Mayor Ann Lee")));
        assert_eq!(m.kind, SourceKind::Named);
        let lee = r.summary.sources.iter().find(|s| s.name == "Mayor Ann Lee");
        assert_eq!(lee.map(|s| (s.quotes, s.claims)), Some((1, 1)));
        // A source that is no pronoun, or a pronoun with no name before it,
        // stays as it is.
        let r = analyse("The council said that taxes would rise. He said that was wrong.");
        assert_eq!(r.sentences[0].sources[0].resolved, None);
        assert_eq!(r.sentences[1].sources[0].resolved, None);
        assert!(r.summary.sources.iter().all(|s| s.name != "He"));
    }

    /// Random sequences of cue words, names, quotes and punctuation: no
    /// panic, and every span slices the text.
    #[test]
    fn never_panics_on_odd_input() {
        const PIECES: &[&str] = &[
            "said",
            "says",
            "told",
            "that",
            "the",
            "a",
            "he",
            "it",
            "was",
            "is",
            "reported",
            "according",
            "to",
            "by",
            "as",
            "in",
            "statement",
            "reportedly",
            "claims",
            "sure",
            "called",
            "for",
            "on",
            "and",
            ",",
            ".",
            ":",
            "(",
            ")",
            "\"",
            "“",
            "”",
            "‘",
            "’",
            "—",
            "Smith",
            "Sen.",
            "U.S.",
            "officials",
            "many",
            "é",
            "😀",
            "'s",
            "-",
            "said:",
            "\n",
            "  ",
            "believe",
            "were",
            "revealed",
            "who",
            "of",
        ];
        let mut rng = crate::annotate::word::XorShift(0x9e37_79b9_7f4a_7c15);
        for _ in 0..3000 {
            let text = rng.text(PIECES, 24, true);
            let r = analyse(&text);
            for s in &r.sentences {
                for e in &s.evidence {
                    assert_eq!(&text[e.span.range()], e.text);
                }
                for m in &s.sources {
                    assert_eq!(&text[m.span.range()], m.text);
                }
            }
        }
    }

    /// The pre-check that skips a sentence never skips one the rules give a
    /// cue: over every fixture sentence and made-up text of attributions,
    /// quotes, `as`, participles and colons, with the quote detector's output.
    #[test]
    fn cannot_hit_never_skips_a_cue() {
        use super::rules::{DirectCues, Memo, Sent, matches};
        const PIECES: &[&str] = &[
            "said",
            "says",
            "told",
            "reported",
            "alleged",
            "the",
            "as",
            "As",
            "by",
            "in",
            "she",
            "officials",
            "that",
            "it",
            "was",
            ",",
            ".",
            ":",
            "\"",
            "“",
            "”",
            "—",
            "\u{a0}",
            "\u{1c}",
            "\n",
            "Smith",
            "claims",
            "according",
            "to",
            "reportedly",
            "We will win",
            "it is over",
        ];
        let mut texts = super::fixture_texts();
        let mut rng = crate::annotate::word::XorShift(0x6a09_e667_f3bc_c908);
        texts.extend((0..3000).map(|_| rng.text(PIECES, 30, true)));
        let options = crate::Options::default();
        let (mut toks, mut found, mut hits) = (Vec::new(), Vec::new(), Vec::new());
        let mut memo = Memo::default();
        let (mut skipped, mut sure) = (0, 0);
        for text in &texts {
            let doc = crate::segment::segment(text);
            let mut sentences = crate::unannotated_sentences(text, &doc);
            let cx = super::Context {
                text,
                start: 0,
                doc: &doc,
                options: &options,
            };
            let quotes = crate::annotate::quote::detect(&cx, &mut sentences);
            for s in &sentences {
                let range = s.span.range();
                matches(text, range.clone(), &mut found);
                let at = quotes.quoted.partition_point(|r| r.end <= range.start);
                if !super::cannot_hit(text, range.clone(), &found, &quotes, at, &s.quotes) {
                    continue;
                }
                skipped += 1;
                super::tokens::tokenize_from(text, range.clone(), &quotes, at, &mut toks);
                memo.reset(range.clone());
                let sent = Sent::new(text, &toks, DirectCues::Quotes(&s.quotes), &memo);
                sent.analyse_matches(&found, &mut hits);
                sent.headline_colon(&mut hits);
                assert!(hits.is_empty(), "{:?} {hits:?}", &text[range]);
                sure += usize::from(!found.is_empty());
            }
        }
        assert!(skipped > 1500 && sure > 200, "{skipped} {sure}");
    }

    /// Runs the detector on one sentence whose quotation (by byte range) the
    /// quote detector reported with the given cue and `partial` flag.
    fn with_quote(text: &str, quoted: &str, cue: &str, partial: bool) -> bool {
        use crate::report::{Quote, Sentence};
        use crate::span::Span;
        let doc = crate::segment::segment(text);
        let s = &doc.sentences[0];
        let mut sentences = vec![Sentence::new(
            0,
            0,
            Span::bytes(s.range.clone()),
            &text[s.range.clone()],
        )];
        let q = text.find(quoted).unwrap();
        let open = text[..q].rfind(['“', '"']).unwrap();
        let close = q + quoted.len();
        let close = close + text[close..].chars().next().map_or(0, char::len_utf8);
        let c = text.find(cue).unwrap();
        sentences[0].quotes.push(Quote {
            text: &text[q..q + quoted.len()],
            span: Span::bytes(q..q + quoted.len()),
            speaker: None,
            speaker_span: None,
            speaker_resolved: None,
            cue: Some(&text[c..c + cue.len()]),
            cue_span: Some(Span::bytes(c..c + cue.len())),
            partial,
            closed: true,
        });
        let mut map = super::QuoteMap::default();
        map.quoted.push(open..close);
        let options = crate::Options::default();
        let cx = super::Context {
            text,
            start: 0,
            doc: &doc,
            options: &options,
        };
        super::detect(&cx, &mut sentences, &map);
        sentences[0].has(Label::ReportedClaim)
    }

    #[test]
    fn quote_cue_from_the_quote_detector() {
        // The verb is the full quote's cue: direct quote only.
        let text = "She said it in a letter, “We will win the next round.”";
        assert!(!with_quote(
            text,
            "We will win the next round.",
            "said",
            false
        ));
        // Without that flag the verb's own structure would have counted.
        assert!(with_quote(
            text,
            "We will win the next round.",
            "said",
            true
        ));
        // The same verb as the cue of a partial quote embedded in indirect speech.
        let text = "He said the plan was “dead on arrival” last week.";
        assert!(with_quote(text, "dead on arrival", "said", true));
        // A hedge beside a full quote still makes it a claim.
        let text = "“We will win,” she reportedly said.";
        assert!(with_quote(text, "We will win,", "said", false));
    }

    /// One enormous sentence of many attributions (no sentence ends): the
    /// windows keep it linear, and every attribution is still found.
    #[test]
    fn long_sentence_of_attributions() {
        let text = "the plan is dead, officials said, ".repeat(20_000);
        let r = analyse(&text);
        let claims: usize = r.sentences.iter().map(|s| s.sources.len()).sum();
        assert!(r.sentences.iter().all(|s| s.has(Label::ReportedClaim)));
        assert!(claims >= 1);
    }

    #[test]
    fn plausible_sources() {
        for p in [
            "Reuters",
            "the ministry",
            "two officials",
            "critics",
            "he",
            "Biden's aides",
            "city officials",
            "state regulators",
            "director Helen Okafor",
            "longtime Democratic pollster Pat Caddell",
        ] {
            assert!(super::plausible_source(p), "{p}");
        }
        for p in [
            "resist",
            "little",
            "together",
            "propounding",
            "Having",
            "",
            "very serious",
            "shortly after Trump",
            "placed on voters in Florida",
            "just three days after the Security Council",
        ] {
            assert!(!super::plausible_source(p), "{p}");
        }
    }

    #[test]
    fn narration_has_no_evidence() {
        let r = analyse("The council met on Tuesday and approved the budget.");
        let s = &r.sentences[0];
        assert!(s.evidence.iter().all(|e| e.label != Label::ReportedClaim));
        assert!(s.sources.is_empty());
    }
}
