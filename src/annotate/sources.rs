//! Sources across the article: merging the mentions of each sentence into
//! `summary.sources`.

use crate::report::{Sentence, SourceKind, SourceRole, SourceSummary};

/// Classifies a source phrase (`the White House`, `a senior official`,
/// `critics`). Placeholder until the claims detector lands: everything is named.
pub fn classify(_phrase: &str) -> SourceKind {
    SourceKind::Named
}

/// Merges source mentions into one entry per source, in order of first
/// appearance. Mentions whose words are contained in a longer mention of the
/// same kind (`Biden` in `President Joe Biden`) count for the longer one.
pub fn summarize(sentences: &[Sentence]) -> Vec<SourceSummary> {
    let mut out: Vec<SourceSummary> = Vec::new();
    for s in sentences {
        for m in &s.sources {
            let key = normalise(m.text);
            let slot = out
                .iter()
                .position(|o| o.kind == m.kind && same_source(&normalise(&o.name), &key));
            let entry = match slot {
                Some(i) => &mut out[i],
                None => {
                    out.push(SourceSummary {
                        name: m.text.to_string(),
                        kind: m.kind,
                        quotes: 0,
                        claims: 0,
                    });
                    out.last_mut().unwrap()
                }
            };
            if m.text.len() > entry.name.len() {
                entry.name = m.text.to_string();
            }
            match m.role {
                SourceRole::Quote => entry.quotes += 1,
                SourceRole::Claim => entry.claims += 1,
            }
        }
    }
    out
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
