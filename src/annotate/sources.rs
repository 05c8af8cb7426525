//! Sources across the article: merging the mentions of each sentence into
//! `summary.sources`.

use crate::report::{Sentence, SourceKind, SourceRole, SourceSummary};
use std::collections::HashMap;

/// Classifies a source phrase (`the White House`, `a senior official`,
/// `critics`). Placeholder until the claims detector lands: everything is named.
pub fn classify(_phrase: &str) -> SourceKind {
    SourceKind::Named
}

/// Merges source mentions into one entry per source, in order of first
/// appearance. Mentions whose words are contained in a longer mention of the
/// same kind (`Biden` in `President Joe Biden`) count for the longer one. A
/// pronoun speaker (`he said`) counts for the name it was resolved to, and
/// not at all when it was not resolved.
///
/// Entries are indexed by their last word (which merging keeps), and a
/// mention is compared with at most the [`BUCKET`] latest entries sharing it,
/// so the cost stays linear in the number of mentions.
pub fn summarize(sentences: &[Sentence]) -> Vec<SourceSummary> {
    let mut out: Vec<SourceSummary> = Vec::new();
    let mut keys: Vec<Vec<String>> = Vec::new();
    let mut by_last: HashMap<String, Vec<usize>> = HashMap::new();
    for s in sentences {
        // Resolved names of pronoun speakers, by the speaker's offset.
        let resolved: HashMap<usize, &str> = s
            .quotes
            .iter()
            .filter_map(|q| Some((q.speaker_span?.start, q.speaker_resolved?)))
            .collect();
        for m in &s.sources {
            let name = if m.role == SourceRole::Quote && is_pronoun(m.text) {
                match resolved.get(&m.span.start) {
                    Some(&r) => r,
                    None => continue,
                }
            } else {
                m.text
            };
            let key = normalise(name);
            let Some(last) = key.last().cloned() else {
                continue;
            };
            let bucket = by_last.entry(last).or_default();
            let slot = bucket
                .iter()
                .rev()
                .take(BUCKET)
                .copied()
                .find(|&i| out[i].kind == m.kind && same_source(&keys[i], &key));
            let i = match slot {
                Some(i) => i,
                None => {
                    bucket.push(out.len());
                    out.push(SourceSummary {
                        name: name.to_string(),
                        kind: m.kind,
                        quotes: 0,
                        claims: 0,
                    });
                    keys.push(key.clone());
                    out.len() - 1
                }
            };
            let entry = &mut out[i];
            if name.len() > entry.name.len() {
                entry.name = name.to_string();
                keys[i] = key;
            }
            match m.role {
                SourceRole::Quote => entry.quotes += 1,
                SourceRole::Claim => entry.claims += 1,
            }
        }
    }
    out
}

/// How many entries with the same last word a mention is compared with.
const BUCKET: usize = 64;

fn is_pronoun(word: &str) -> bool {
    ["he", "she", "they", "it", "we", "i", "you"]
        .iter()
        .any(|p| word.eq_ignore_ascii_case(p))
}

fn normalise(name: &str) -> Vec<String> {
    name.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .filter(|w| !w.is_empty())
        .map(|w| {
            w.trim_end_matches("'s")
                .trim_end_matches("’s")
                .to_lowercase()
        })
        .filter(|w| !matches!(w.as_str(), "the" | "a" | "an"))
        .collect()
}

/// Two names are one source when the last word (a surname or the head noun)
/// agrees and the shorter one's words all appear in the longer one.
fn same_source(a: &[String], b: &[String]) -> bool {
    if a.is_empty() || b.is_empty() || a.last() != b.last() {
        return false;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    short.iter().all(|w| long.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        normalise(s)
    }

    fn sources(text: &str) -> Vec<(String, usize)> {
        crate::analyze(text, &crate::Options::default())
            .summary
            .sources
            .into_iter()
            .map(|s| (s.name, s.quotes))
            .collect()
    }

    #[test]
    fn quote_speakers_merge_and_pronouns_count_for_their_name() {
        let text = "“We will act,” President Joe Biden said.\n\n“Soon,” Biden said.\n\n“It is time,” he added.";
        assert_eq!(sources(text), [("President Joe Biden".to_string(), 3)]);
    }

    #[test]
    fn unresolved_pronoun_is_not_a_source() {
        assert!(sources("“We are ready,” she said.").is_empty());
    }

    #[test]
    fn biden_forms_merge() {
        assert!(same_source(&words("Biden"), &words("President Joe Biden")));
        assert!(same_source(
            &words("President Biden"),
            &words("President Joe Biden")
        ));
        assert!(!same_source(&words("Jill Biden"), &words("Joe Biden")));
        assert!(!same_source(&words("Putin"), &words("Biden")));
    }
}
