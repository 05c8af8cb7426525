//! Sentence boundaries inside one paragraph (GUIDE §2).
//!
//! Candidates come from the Unicode sentence-boundary algorithm (UAX #29,
//! via `unicode-segmentation`); each candidate is then kept or dropped by news
//! rules it does not know: abbreviations and initials, `?`/`!` before an
//! attribution, soft line wraps, URLs, hard breaks at list lines.

use super::{is_space, trim};
use regex::Regex;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;
use unicode_segmentation::UnicodeSegmentation;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum AbbrevKind {
    /// Precedes a name; never ends a sentence.
    Title,
    /// Ends a sentence only when the next word starts one.
    General,
    /// An abbreviation only before a number.
    Number,
}

static ABBREVIATIONS: LazyLock<HashMap<&'static str, AbbrevKind>> = LazyLock::new(|| {
    include_str!("abbreviations.txt")
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| {
            let (token, kind) = l.split_once(' ')?;
            let kind = match kind.trim() {
                "title" => AbbrevKind::Title,
                "number" => AbbrevKind::Number,
                _ => AbbrevKind::General,
            };
            Some((token, kind))
        })
        .collect()
});

static STARTERS: LazyLock<std::collections::HashSet<&'static str>> = LazyLock::new(|| {
    include_str!("sentence_starters.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
});

/// Marks that close a sentence after its terminal punctuation.
fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '”' | '’' | '»' | '›' | ')' | ']' | '}' | '“' | '‘'
    )
}

fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '‘' | '«' | '‹' | '„' | '(' | '[' | '{'
    )
}

fn is_quote_mark(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | '›' | '“' | '‘')
}

/// A short attribution after a quoted question or exclamation:
/// `… ?" Judge Ana Ramos asked.` — the quote and its attribution are one sentence.
fn is_attribution_tail(rest: &str) -> bool {
    static TAIL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(concat!(
            r"^(?:\p{Lu}[\p{L}.'’-]*\s+){1,5}",
            r"(?:asked|said|says|asks|wondered|shouted|yelled|cried|added|replied|",
            r"told|wrote|writes|tweeted|insisted|demanded|exclaimed|whispered|noted)\b",
            r"[^.?!]{0,60}[.?!]"
        ))
        .unwrap()
    });
    TAIL.is_match(rest)
}

/// Splits `range` of `text` (one paragraph) into trimmed sentence ranges.
/// `hard_breaks` are line-end offsets that always end a sentence.
pub fn split_sentences(
    text: &str,
    range: Range<usize>,
    hard_breaks: &[usize],
) -> Vec<Range<usize>> {
    let para = &text[range.clone()];
    let base = range.start;
    let mut out = Vec::new();
    let mut start = 0;
    let mut hard = hard_breaks.iter().map(|&b| b - base).peekable();
    for (pos, _) in para.split_sentence_bound_indices() {
        if pos == 0 {
            continue;
        }
        // Hard line breaks that fall before this candidate end a sentence too.
        while let Some(&h) = hard.peek() {
            if h > pos {
                break;
            }
            hard.next();
            if h > start {
                push(text, &mut out, base + start..base + h);
                start = h;
            }
        }
        if pos > start && is_boundary(para, start, pos) {
            push(text, &mut out, base + start..base + pos);
            start = pos;
        }
    }
    for h in hard {
        if h > start && h < para.len() {
            push(text, &mut out, base + start..base + h);
            start = h;
        }
    }
    push(text, &mut out, base + start..range.end);
    out
}

fn push(text: &str, out: &mut Vec<Range<usize>>, range: Range<usize>) {
    let r = trim(text, range);
    if !r.is_empty() {
        out.push(r);
    }
}

/// Decides whether the UAX #29 candidate at `pos` is a real sentence end.
/// `start` is where the current sentence began.
fn is_boundary(para: &str, start: usize, pos: usize) -> bool {
    let before = para[start..pos].trim_end_matches(is_space);
    let after = para[pos..].trim_start_matches(is_space);
    if after.is_empty() {
        return true;
    }
    // Text hard-wrapped at a line end carries on: join it.
    let body = before.trim_end_matches(is_closer);
    let closers = &before[body.len()..];
    let Some(last) = body.chars().next_back() else {
        return false;
    };
    if !matches!(last, '.' | '?' | '!' | '…' | '。' | '？' | '！') {
        return false;
    }
    // No space after the punctuation: URLs, e-mails, `e.g.Foo`.
    if before.len() == pos - start {
        return false;
    }
    let next = after.chars().next().unwrap_or(' ');
    if next.is_lowercase() {
        return false;
    }
    let quoted = closers.chars().any(is_quote_mark);
    if quoted && is_attribution_tail(after) {
        return false;
    }
    if last != '.' || !closers.is_empty() {
        return true;
    }
    // Ellipsis `...` followed by a capital: a new sentence.
    if body.ends_with("..") {
        return true;
    }
    let token = last_token(&body[..body.len() - 1]);
    let next_word = next_word(after);
    match classify(token) {
        Some(AbbrevKind::Title) => false,
        Some(AbbrevKind::Number) => !next.is_ascii_digit(),
        Some(AbbrevKind::General) => STARTERS.contains(next_word) || is_opener(next),
        None => true,
    }
}

/// The word before a final period, without opening brackets or quotes.
fn last_token(body: &str) -> &str {
    let start = body
        .rfind(|c: char| is_space(c) || matches!(c, '—' | '–'))
        .map_or(0, |i| i + body[i..].chars().next().unwrap().len_utf8());
    body[start..].trim_start_matches(is_opener)
}

fn next_word(after: &str) -> &str {
    let w = after.trim_start_matches(is_opener);
    let end = w
        .find(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .unwrap_or(w.len());
    &w[..end]
}

fn classify(token: &str) -> Option<AbbrevKind> {
    if let Some(&kind) = ABBREVIATIONS.get(token) {
        return Some(kind);
    }
    let mut chars = token.chars();
    match (chars.next(), chars.next()) {
        // An initial: `R` in `Joseph R. Biden`.
        (Some(c), None) if c.is_uppercase() => Some(AbbrevKind::General),
        _ => {
            // A dotted acronym: `U.S`, `D.C`, `a.m`, `Ph.D`.
            let dotted = token.contains('.')
                && token.split('.').all(|p| {
                    !p.is_empty() && p.chars().count() <= 2 && p.chars().all(char::is_alphabetic)
                });
            dotted.then_some(AbbrevKind::General)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        split_sentences(text, 0..text.len(), &[])
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    fn one(text: &str) {
        assert_eq!(split(text), [text], "should be one sentence");
    }

    fn two(text: &str, first: &str) {
        let got = split(text);
        assert_eq!(got.len(), 2, "should be two sentences: {got:?}");
        assert_eq!(got[0], first);
    }

    // --- abbreviations and titles: no split ---
    #[test]
    fn titles_do_not_split() {
        for t in [
            "Mr.", "Mrs.", "Dr.", "Gov.", "Sen.", "Rep.", "Gen.", "Lt.", "Col.", "Sgt.", "Prof.",
            "St.",
        ] {
            one(&format!("Yesterday {t} Smith arrived in town."));
        }
    }

    #[test]
    fn military_rank_chain() {
        one("Lt. Col. Ana Diaz led the unit.");
    }

    #[test]
    fn company_suffixes_mid_sentence() {
        one("Acme Inc. and Widget Corp. merged with Foo Ltd. last year.");
    }

    #[test]
    fn company_suffix_ends_sentence_before_starter() {
        two(
            "She works for Acme Inc. The firm is small.",
            "She works for Acme Inc.",
        );
    }

    #[test]
    fn company_suffix_before_name_continues() {
        one("Shares of Acme Inc. Chief Executive Ann Lee rose.");
    }

    #[test]
    fn months_do_not_split() {
        one("The vote is on Jan. 5 and the count on Sept. 12.");
        one("It opened Aug. 3 in Ohio.");
    }

    #[test]
    fn vs_and_etc_and_no() {
        one("It was Smith vs. Jones in the final.");
        one("Bring food, water, etc. and a map.");
        one("The No. 2 official resigned.");
    }

    #[test]
    fn no_word_ends_sentence() {
        two("The answer was No. The vote failed.", "The answer was No.");
    }

    #[test]
    fn state_abbreviations() {
        one("Sen. Jane Doe (D-Calif.) voted no.");
        one("He lives in Springfield, Ill. with his wife.");
    }

    // --- initials ---
    #[test]
    fn initials_stay_inside() {
        one("President Joseph R. Biden, Jr. spoke today with the prime minister.");
        one("John F. Kennedy was elected in 1960.");
        one("The author J. K. Rowling wrote it.");
    }

    #[test]
    fn initial_before_starter_splits() {
        two("He backed Plan B. The rest did not.", "He backed Plan B.");
    }

    // --- U.S. and dotted acronyms ---
    #[test]
    fn us_mid_sentence() {
        one("The U.S. economy grew.");
        one("The U.S. Army said so.");
        one("Talks in Washington, D.C. ended.");
    }

    #[test]
    fn us_at_end_before_new_sentence() {
        two(
            "They moved to the U.S. The family grew.",
            "They moved to the U.S.",
        );
        two(
            "Troops left the U.K. In May they returned.",
            "Troops left the U.K.",
        );
    }

    #[test]
    fn am_pm() {
        one("The meeting starts at 9 a.m. and ends at 5 p.m. sharp.");
        two("It ended at 5 p.m. They left.", "It ended at 5 p.m.");
    }

    #[test]
    fn phd_does_not_split() {
        one("She holds a Ph.D. from Yale.");
    }

    // --- decimals, money, URLs, e-mails, ellipses ---
    #[test]
    fn decimals_and_money() {
        one("The deal is worth $4.5 million.");
        one("Inflation was 3.2% in May.");
        one("Version 2.0.1 shipped.");
    }

    #[test]
    fn urls_and_emails() {
        one("Read more at www.Example.com/News today.");
        one("Write to press@example.org for details.");
        one("See https://example.com/a.b?c=D for the text.");
    }

    #[test]
    fn ellipsis_mid_sentence() {
        one("He paused... and then went on.");
        one("He paused … and then went on.");
    }

    #[test]
    fn ellipsis_before_capital_splits() {
        two("He paused... Then he left.", "He paused...");
    }

    // --- plain sentence ends ---
    #[test]
    fn plain_ends() {
        two("It rained. We left.", "It rained.");
        two("Did it rain? Yes.", "Did it rain?");
        two("Stop! Now.", "Stop!");
    }

    #[test]
    fn lowercase_after_period_does_not_split() {
        one("The approx. figure is low.");
    }

    // --- quotes and brackets ---
    #[test]
    fn closing_quote_belongs_to_sentence() {
        two(
            "He said, “We will win.” Then he left.",
            "He said, “We will win.”",
        );
        two(
            "He said, \"We will win.\" Then he left.",
            "He said, \"We will win.\"",
        );
    }

    #[test]
    fn closing_bracket_belongs_to_sentence() {
        two(
            "(The vote was close.) Nobody left.",
            "(The vote was close.)",
        );
    }

    #[test]
    fn quote_then_attribution_one_sentence() {
        one("\"We will win,\" she said.");
        one("“We will win,” she said.");
    }

    #[test]
    fn quote_with_inner_end_two_sentences() {
        two("\"We will win. We always do,\" she said.", "\"We will win.");
    }

    #[test]
    fn question_in_quote_before_lowercase_attribution() {
        one("\"Why now?\" he asked.");
        one("“Stop!” shouted the guard.");
    }

    #[test]
    fn question_in_quote_before_named_attribution() {
        one("\"Is this legal?\" Judge Ana Ramos asked.");
        one("“Who pays?” Mayor Lee asked reporters.");
    }

    #[test]
    fn question_in_quote_then_new_sentence() {
        two(
            "\"Is this legal?\" The judge did not answer.",
            "\"Is this legal?\"",
        );
    }

    #[test]
    fn multi_sentence_quote_with_late_attribution() {
        let got = split("“The talks went well. They covered many issues,” a statement reads.");
        assert_eq!(
            got,
            [
                "“The talks went well.",
                "They covered many issues,” a statement reads."
            ]
        );
    }

    // --- dashes and parentheses ---
    #[test]
    fn dashes_never_split() {
        one("He lost – not exactly a surprise – and left.");
        one("He lost — badly — and left.");
        one("He lost - badly - and left.");
    }

    #[test]
    fn parentheses_never_split() {
        one("The plan (approved Tuesday) takes effect soon.");
        one("The bill (H.R. 1) passed.");
    }

    // --- line breaks ---
    #[test]
    fn soft_wraps_join() {
        one("The council met on\nTuesday and voted to\nraise the levy.");
        one("The council met on\r\nTuesday and voted.");
    }

    #[test]
    fn hard_breaks_split_without_punctuation() {
        let text = "Our demands:\n- lower rents\n- more buses";
        let a = text.find("\n- lower").unwrap();
        let b = text.find("\n- more").unwrap();
        let got: Vec<&str> = split_sentences(text, 0..text.len(), &[a, b])
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(got, ["Our demands:", "- lower rents", "- more buses"]);
    }

    #[test]
    fn no_final_punctuation_is_one_sentence() {
        one("Headline without a period");
    }

    #[test]
    fn offsets_are_into_the_whole_text() {
        let text = "Title\n\nFirst one. Second one.";
        let got = split_sentences(text, 7..text.len(), &[]);
        assert_eq!(got, [7..17, 18..29]);
    }

    #[test]
    fn classify_shapes() {
        assert_eq!(classify("U.S"), Some(AbbrevKind::General));
        assert_eq!(classify("R"), Some(AbbrevKind::General));
        assert_eq!(classify("Mr"), Some(AbbrevKind::Title));
        assert_eq!(classify("No"), Some(AbbrevKind::Number));
        assert_eq!(classify("Putin"), None);
        assert_eq!(classify("example.com"), None);
    }
}
