//! The cue lexicon (`claim_verbs.txt`, `claim_cues.txt`) in one
//! aho-corasick automaton, and the closed word classes the rules look at.

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
}

impl Verb {
    pub fn has(&self, flag: char) -> bool {
        self.flags.contains(flag)
    }
}

/// What one surface word of the automaton is.
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
    pub ac: AhoCorasick,
    pub entries: Vec<Entry>,
    pub verbs: Vec<Verb>,
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
    // A DFA: a few hundred KB for ~1,300 short words, and the fastest scan.
    let ac = AhoCorasickBuilder::new()
        .kind(Some(AhoCorasickKind::DFA))
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .build(&words)
        .expect("the cue lexicon builds");
    Lexicon { ac, entries, verbs }
}

pub static LEXICON: LazyLock<Lexicon> = LazyLock::new(build);

/// ASCII-case-insensitive membership in a short closed list.
pub fn one_of(word: &str, list: &[&str]) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// The word with a curly apostrophe made straight, for contractions.
fn head_before_apostrophe(word: &str) -> &str {
    word.split(['\'', '’']).next().unwrap_or(word)
}

pub fn is_determiner(w: &str) -> bool {
    one_of(
        w,
        &[
            "the", "a", "an", "this", "these", "those", "his", "her", "its", "their", "our", "my",
            "your", "whose", "such", "no", "any", "each", "every", "another", "neither", "either",
            "both",
        ],
    )
}

/// Words that, before a verb form, make it a noun or adjective
/// (`the claims`, `new reports`, `his promise`).
pub fn blocks_verb(w: &str) -> bool {
    is_determiner(w)
        || one_of(
            w,
            &[
                "that", "new", "latest", "recent", "same", "own", "false", "public", "formal",
                "written", "these", "many", "several", "some", "two", "three", "other", "of",
            ],
        )
        || w.ends_with("'s")
        || w.ends_with("’s")
        || w.ends_with("s'")
        || w.ends_with("s’")
}

pub fn is_preposition(w: &str) -> bool {
    one_of(
        w,
        &[
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
    )
}

/// Auxiliaries, modals and the copula: a finite verb after a subject.
pub fn is_aux(w: &str) -> bool {
    one_of(
        w,
        &[
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
    )
}

pub fn is_be(w: &str) -> bool {
    one_of(
        w,
        &[
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
    )
}

/// Common irregular past tenses: finite verbs of a content clause.
pub fn is_irregular_past(w: &str) -> bool {
    one_of(
        w,
        &[
            "rose", "fell", "grew", "went", "came", "took", "made", "gave", "got", "knew", "left",
            "lost", "won", "saw", "began", "became", "held", "kept", "ran", "paid", "met", "led",
            "sent", "spent", "built", "brought", "bought", "caught", "fought", "sought", "broke",
            "chose", "drew", "drove", "flew", "forgot", "hid", "shook", "stole", "struck", "threw",
            "stood", "sat", "spoke", "meant", "bore", "dealt", "fled", "lent", "wore", "did",
            "had", "thought", "told", "said", "felt", "found", "heard", "wrote",
        ],
    )
}

/// Nominative pronouns: a clause starts here (`said he would`).
pub fn is_nominative(w: &str) -> bool {
    let h = head_before_apostrophe(w);
    one_of(h, &["he", "she", "they", "we", "i"])
}

pub fn is_object_pronoun(w: &str) -> bool {
    one_of(
        w,
        &["him", "her", "them", "us", "me", "you", "it", "reporters"],
    )
}

/// The writer's own voice: a first-person subject outside quotes.
pub fn is_first_person(w: &str) -> bool {
    let h = head_before_apostrophe(w);
    one_of(h, &["i", "we", "us", "you"])
}

pub fn is_wh_clause(w: &str) -> bool {
    one_of(w, &["whether", "if", "why", "how", "what", "who", "where"])
}

/// Words that end a noun phrase when walking over it.
pub fn is_boundary_word(w: &str) -> bool {
    one_of(
        w,
        &[
            "and", "but", "or", "nor", "because", "while", "although", "though", "if", "when",
            "as", "than", "so", "yet", "since", "until", "unless", "whether", "that", "which",
            "what", "where", "how", "why", "whom", "whose", "who", "then", "also", "not", "never",
            "there", "here", "said", "says", "say",
        ],
    )
}

/// Adverbs and adverbial words skipped between a subject and its verb, or a
/// verb and its complement.
pub fn is_adverb(w: &str) -> bool {
    (w.len() > 4
        && w.ends_with("ly")
        && !w.starts_with(char::is_uppercase)
        && !one_of(w, &["only", "early", "family", "italy", "ally", "july"]))
        || one_of(
            w,
            &[
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
        )
}

/// Days, months and relative time words (`Tuesday`, `last week`).
pub fn is_time_word(w: &str) -> bool {
    one_of(
        w,
        &[
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
    )
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

    #[test]
    fn closed_classes() {
        assert!(is_nominative("He") && is_nominative("they’d"));
        assert!(is_first_person("We’ll") && !is_first_person("Wells"));
        assert!(is_adverb("repeatedly") && !is_adverb("Kelly") && !is_adverb("only"));
        assert!(blocks_verb("Biden’s") && blocks_verb("the") && !blocks_verb("officials"));
    }
}
