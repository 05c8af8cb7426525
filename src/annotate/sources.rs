//! Sources across the article: merging the mentions of each sentence into
//! `summary.sources`.

use crate::report::{Sentence, SourceKind, SourceMention, SourceRole, SourceSummary};

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
pub fn summarize(sentences: &[Sentence]) -> Vec<SourceSummary> {
    let mut out: Vec<SourceSummary> = Vec::new();
    for s in sentences {
        for m in &s.sources {
            let Some(name) = mention_name(s, m) else {
                continue;
            };
            let key = normalise(name);
            let slot = out
                .iter()
                .position(|o| o.kind == m.kind && same_source(&normalise(&o.name), &key));
            let entry = match slot {
                Some(i) => &mut out[i],
                None => {
                    out.push(SourceSummary {
                        name: name.to_string(),
                        kind: m.kind,
                        quotes: 0,
                        claims: 0,
                    });
                    out.last_mut().unwrap()
                }
            };
            if name.len() > entry.name.len() {
                entry.name = name.to_string();
            }
            match m.role {
                SourceRole::Quote => entry.quotes += 1,
                SourceRole::Claim => entry.claims += 1,
            }
        }
    }
    out
}

/// The name a mention counts under: a quote's pronoun speaker stands for
/// its resolved name.
fn mention_name<'a>(s: &Sentence<'a>, m: &SourceMention<'a>) -> Option<&'a str> {
    if m.role != SourceRole::Quote || !is_pronoun(m.text) {
        return Some(m.text);
    }
    s.quotes
        .iter()
        .find(|q| q.speaker_span.is_some_and(|sp| sp.start == m.span.start))
        .and_then(|q| q.speaker_resolved)
}

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
