//! Sentence boundaries inside one paragraph (GUIDE §2).
//!
//! Candidates come from the Unicode sentence-boundary algorithm (UAX #29,
//! via `unicode-segmentation`); each candidate is then kept or dropped by news
//! rules it does not know: abbreviations and initials, `?`/`!` before an
//! attribution, soft line wraps, URLs, hard breaks at list lines.

use super::candidates;
use super::{is_space, trim};
use regex::Regex;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

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
    let mut out = Vec::new();
    Splitter::default().split(text, range, hard_breaks, |r| out.push(r));
    out
}

/// [`split_sentences`] for paragraph after paragraph, with one reused
/// buffer for the boundary candidates.
#[derive(Default)]
pub(super) struct Splitter {
    candidates: Vec<usize>,
}

impl Splitter {
    /// Hands each sentence range of the paragraph `range` to `each`.
    pub(super) fn split(
        &mut self,
        text: &str,
        range: Range<usize>,
        hard_breaks: &[usize],
        each: impl FnMut(Range<usize>),
    ) {
        split_with(
            text,
            range,
            hard_breaks,
            candidates::boundaries,
            &mut self.candidates,
            each,
        );
    }
}

/// [`split_sentences`] with the candidate generator as a parameter, so tests
/// can check the fast path against plain UAX #29.
fn split_with(
    text: &str,
    range: Range<usize>,
    hard_breaks: &[usize],
    boundaries: fn(&str, &mut Vec<usize>),
    candidates: &mut Vec<usize>,
    mut each: impl FnMut(Range<usize>),
) {
    let para = &text[range.clone()];
    let base = range.start;
    let mut start = 0;
    let mut hard = hard_breaks.iter().map(|&b| b - base).peekable();
    let mut push = |range: Range<usize>| {
        let r = trim(text, range);
        if !r.is_empty() {
            each(r);
        }
    };
    candidates.clear();
    boundaries(para, candidates);
    for &pos in candidates.iter() {
        // Hard line breaks that fall before this candidate end a sentence too.
        while let Some(&h) = hard.peek() {
            if h > pos {
                break;
            }
            hard.next();
            if h > start {
                push(base + start..base + h);
                start = h;
            }
        }
        if pos > start && is_boundary(para, start, pos) {
            push(base + start..base + pos);
            start = pos;
        }
    }
    for h in hard {
        if h > start && h < para.len() {
            push(base + start..base + h);
            start = h;
        }
    }
    push(base + start..range.end);
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
    // GUIDE §2: only a quoted question or exclamation keeps its
    // attribution (`"Why now?" Ana Ruiz asked.`); after a full stop in the
    // quote a capitalised word opens a new sentence (`… “done.” Officials
    // said the bridge was safe.`).
    let quoted = closers.chars().any(is_quote_mark);
    if quoted && last != '.' && is_attribution_tail(after) {
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
        Some(AbbrevKind::General) => {
            STARTERS.contains(next_word)
                || (is_opener(next) && !matches!(next, '(' | '[' | '{'))
                || (may_end_sentence(token) && is_common_word(para, pos, next_word))
        }
        None => true,
    }
}

/// Abbreviations that often end a sentence (`… in the U.S.`, `… for Acme
/// Inc.`) but are as often followed by a name (`U.S. Army`, `Acme Inc. Chief
/// Executive …`): upper-case dotted acronyms and company suffixes. Initials,
/// months, `a.m.` and the like are not in this class.
fn may_end_sentence(token: &str) -> bool {
    matches!(token, "Inc" | "Corp" | "Ltd" | "Co" | "Cos" | "Plc" | "LLC")
        || (token.len() >= 3 && token.contains('.') && !token.chars().any(char::is_lowercase))
}

/// How far around a candidate [`is_common_word`] looks for evidence.
const EVIDENCE_WINDOW: usize = 4096;

/// Whether the capitalised `word` after a candidate boundary is an ordinary
/// word capitalised because it starts a sentence (`U.S. Sales there grew`)
/// rather than a name (`U.S. Securities and Exchange Commission`): the
/// paragraph around `pos` uses it in lower case and never capitalises it in
/// mid-sentence (document-centred disambiguation, after Mikheev 2002).
fn is_common_word(para: &str, pos: usize, word: &str) -> bool {
    if word.chars().count() < 2
        || !word.chars().next().is_some_and(char::is_uppercase)
        || word.chars().skip(1).any(|c| !c.is_lowercase())
    {
        return false;
    }
    // A name goes on: `U.S. Department of Transportation`, `U.S. Virgin Islands`.
    let after = para[pos..].trim_start_matches(is_space);
    let rest = &after[after.find(word).map_or(after.len(), |i| i + word.len())..];
    let following = rest.trim_start_matches(is_space);
    if rest.len() == following.len()
        || following.starts_with(char::is_uppercase)
        || ["of ", "and ", "& "]
            .iter()
            .any(|w| following.starts_with(w))
    {
        return false;
    }
    let mut lo = pos.saturating_sub(EVIDENCE_WINDOW);
    while !para.is_char_boundary(lo) {
        lo -= 1;
    }
    let mut hi = (pos + EVIDENCE_WINDOW).min(para.len());
    while !para.is_char_boundary(hi) {
        hi += 1;
    }
    let window = &para[lo..hi];
    let lower = word.to_lowercase();
    whole_words(window, &lower).next().is_some()
        && !whole_words(window, word).any(|at| {
            let prev = window[..at].trim_end_matches(is_space).chars().next_back();
            prev.is_some_and(|c| c.is_alphanumeric() || matches!(c, ',' | '%' | '&' | '$'))
                && window[..at].ends_with(is_space)
        })
}

/// Offsets of the occurrences of `word` in `hay` that are whole words.
fn whole_words(hay: &str, word: &str) -> impl Iterator<Item = usize> {
    let len = word.len();
    memchr::memmem::find_iter(hay.as_bytes(), word.as_bytes()).filter(move |&at| {
        let before = hay[..at].chars().next_back();
        let after = hay[at + len..].chars().next();
        let edge = |c: Option<char>| !c.is_some_and(char::is_alphanumeric);
        edge(before) && edge(after)
    })
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

    /// Splits with a hard break at every line end (as for list lines).
    fn split_at_line_ends(text: &str) -> Vec<&str> {
        let breaks: Vec<usize> = text.match_indices('\n').map(|(i, _)| i).collect();
        split_sentences(text, 0..text.len(), &breaks)
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
    fn full_stop_in_quote_then_a_named_speaker_opens_a_new_sentence() {
        two(
            "Japan called it an “outlaw act.” Russia said the test must stop.",
            "Japan called it an “outlaw act.”",
        );
        two(
            "She said it was \"done.\" Officials said the bridge was safe.",
            "She said it was \"done.\"",
        );
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
        assert_eq!(
            split_at_line_ends("Our demands:\n- lower rents\n- more buses"),
            ["Our demands:", "- lower rents", "- more buses"]
        );
        // Without hard breaks the same lines are soft wraps.
        one("Our demands:\n- lower rents\n- more buses");
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

    // --- an abbreviation at a sentence end before an ordinary capitalised word ---
    #[test]
    fn us_at_end_before_common_word_splits() {
        two(
            "Most of the gains came from the U.S. Sales there grew, while European sales fell.",
            "Most of the gains came from the U.S.",
        );
        two(
            "It sold the unit to Brantley Corp. Profits there rose as profits elsewhere fell.",
            "It sold the unit to Brantley Corp.",
        );
    }

    #[test]
    fn us_before_a_name_stays_one_sentence() {
        // `department` is used in lower case nearby, but `of` continues the name.
        one(
            "They asked the U.S. Department of Transportation for funds, and the department agreed.",
        );
        // No lower-case use of `army` in the paragraph: a name.
        one("The U.S. Army said the drill went well.");
        // The word is capitalised in mid-sentence elsewhere: a name.
        one("The U.S. Navy said so, and the Royal Navy agreed with the navy chiefs.");
        // A capitalised word follows: the name goes on.
        one("He flew to the U.S. Virgin Islands on a visit to the islands.");
        // A lower-case acronym (`a.m.`) is not in the class.
        one("It starts at 9 a.m. Tuesday mornings, not tuesday nights.");
    }

    #[test]
    fn initial_before_common_word_does_not_split() {
        // Initials are not in the class that may end a sentence before any word.
        one("The report by John F. Kennedy said little about kennedy fans.");
    }

    #[test]
    fn bracket_after_company_suffix_does_not_split() {
        one("Northwind Corp. (NASDAQ: NWC) opened a plant.");
        one("Acme Inc. [the buyer] paid cash.");
    }

    #[test]
    fn quote_after_abbreviation_at_end_splits() {
        two(
            "He moved to the U.S. “It was hard,” he said.",
            "He moved to the U.S.",
        );
    }

    // --- more cases per GUIDE §2 rule, each with its counterpart ---
    #[test]
    fn month_abbreviation_can_end_a_sentence() {
        one("The law took effect Jan. 1 in all states.");
        two(
            "The law took effect in Jan. The courts were ready.",
            "The law took effect in Jan.",
        );
    }

    #[test]
    fn title_before_name_never_ends() {
        one("The award went to Dr. The Honorable Ann Lee.");
        one("They met Gov. Harlan Petty and Sen. Jane Doe (D-Calif.) at noon.");
        one("Rev. Samuel Adeyemi and Prof. Ida Holm spoke.");
    }

    #[test]
    fn junior_mid_sentence_and_at_end() {
        one("Walter T. Quill, Jr. said the site was safe.");
        two(
            "The award went to Walter T. Quill Jr. He accepted it.",
            "The award went to Walter T. Quill Jr.",
        );
    }

    #[test]
    fn money_and_percent_at_sentence_end_split() {
        two("It cost $4. The rest was free.", "It cost $4.");
        two("Inflation was 3.2%. Prices rose.", "Inflation was 3.2%.");
        one("Shares closed at $63.20 on Friday.");
        one("The fund returned 12.5 percent, or €3.1bn, last year.");
    }

    #[test]
    fn url_and_email_at_sentence_end_split() {
        two(
            "Visit www.example.com. It is free.",
            "Visit www.example.com.",
        );
        two(
            "Write to press@example.org. We reply fast.",
            "Write to press@example.org.",
        );
        one("Go to https://example.com/news/2026/03/a.html for more.");
    }

    #[test]
    fn four_dot_ellipsis_and_ellipsis_before_lowercase() {
        one("The offer... well, it was low.");
        two("He waited.... Nobody came.", "He waited....");
    }

    #[test]
    fn closing_marks_after_question_and_exclamation() {
        two(
            "She asked, “Who pays?” Nobody answered.",
            "She asked, “Who pays?”",
        );
        two("(Was it worth it?) Maybe.", "(Was it worth it?)");
        two("He shouted “Stop!” The car stopped.", "He shouted “Stop!”");
    }

    #[test]
    fn opening_quote_starts_the_next_sentence() {
        two("He left. \"We won,\" she said.", "He left.");
        two("He left. “We won,” she said.", "He left.");
    }

    #[test]
    fn split_quote_is_one_sentence() {
        one("“They came with a folder,” she said, “and left with it.”");
        one("\"We all want it,\" he said, \"but it costs money.\"");
    }

    #[test]
    fn quote_inner_ends_split_with_curly_marks() {
        let got = split("“I said no. Then I said no again,” she said, laughing.");
        assert_eq!(
            got,
            ["“I said no.", "Then I said no again,” she said, laughing."]
        );
    }

    #[test]
    fn exclamation_in_quote_before_attribution() {
        one("“Vote them out!” the crowd chanted.");
        one("“Enough!” Mayor Ruelas shouted.");
        two("“Enough!” The crowd fell silent.", "“Enough!”");
    }

    #[test]
    fn dashes_and_parentheses_with_inner_periods() {
        one("The river crested on Dec. 28 — the highest since 1996 — and fell.");
        one("Sen. Ekberg (D-Ore.) said so.");
        two("He lost. (Nobody was surprised.)", "He lost.");
    }

    #[test]
    fn soft_wrap_with_crlf_and_abbreviation_at_line_end() {
        one("The vote is set for 9 a.m.\r\non Tuesday at the library.");
        two(
            "The vote failed.\r\nThe board will meet again.",
            "The vote failed.",
        );
    }

    #[test]
    fn numbered_list_items_are_hard_breaks() {
        assert_eq!(
            split_at_line_ends("Concerns:\n1. whether staff agree\n2. how to pay"),
            ["Concerns:", "1. whether staff agree", "2. how to pay"]
        );
    }

    #[test]
    fn common_word_evidence() {
        let para = "In the U.S. Sales grew while sales elsewhere fell.";
        let pos = para.find("Sales").unwrap();
        assert!(is_common_word(para, pos, "Sales"));
        assert!(!is_common_word(para, pos, "S"));
        let para = "In the U.S. Sales grew while Sales Director Ann said sales fell.";
        assert!(!is_common_word(para, pos, "Sales"));
        assert!(may_end_sentence("U.S"));
        assert!(may_end_sentence("Corp"));
        assert!(!may_end_sentence("a.m"));
        assert!(!may_end_sentence("Jan"));
    }

    /// The fast candidate scan and full UAX #29 must give the same sentences.
    mod fast_path_matches_uax29 {
        use super::super::*;
        use proptest::prelude::*;

        fn piece() -> impl Strategy<Value = &'static str> {
            prop::sample::select(vec![
                "word", "Word", "U.S.", "Mr.", "R.", "Inc.", "3.2", "5", ".", "?", "!", "...", "…",
                " ", "  ", "\n", "\r\n", "\n\n", "\"", "'", "“", "”", "‘", "’", "(", ")", "[", ",",
                ":", ";", "-", "–", "—", "é", "É", "\u{a0}", "\t", "a", "The", "x.com",
            ])
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(2000))]
            #[test]
            fn same_sentences(pieces in prop::collection::vec(piece(), 0..40)) {
                let text: String = pieces.concat();
                let split = |boundaries| {
                    let mut out = Vec::new();
                    let whole = 0..text.len();
                    split_with(&text, whole, &[], boundaries, &mut Vec::new(), |r| out.push(r));
                    out
                };
                let fast = split(candidates::boundaries);
                let full = split(candidates::uax29);
                prop_assert_eq!(fast, full, "{:?}", text);
            }
        }
    }
}
