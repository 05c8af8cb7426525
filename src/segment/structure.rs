//! Lines, paragraphs, title, byline and dateline (GUIDE §1).

use super::{is_space, trim};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

pub(super) struct Paragraph {
    pub range: Range<usize>,
    /// Offsets of line ends inside the paragraph that end a sentence even
    /// without punctuation (list items, the line before a list).
    pub hard_breaks: Vec<usize>,
}

/// The header found at the start of a text, and its paragraphs, read as
/// they are asked for: a long text never holds a list of all its lines or
/// line blocks, only the paragraphs its caller keeps.
pub(super) struct Layout<'t> {
    pub title: Option<Range<usize>>,
    pub byline: Option<Range<usize>>,
    pub dateline: Option<Range<usize>>,
    pub paragraphs: Paragraphs<'t>,
}

/// Line content ranges, without their `\n`, `\r\n` or `\r` terminators; the
/// text after the last terminator is a line too (empty when the text ends
/// with one).
struct Lines<'t> {
    bytes: &'t [u8],
    ends: memchr::Memchr2<'t>,
    start: usize,
    done: bool,
}

impl<'t> Lines<'t> {
    fn new(text: &'t str) -> Lines<'t> {
        let bytes = text.as_bytes();
        Lines {
            bytes,
            ends: memchr::memchr2_iter(b'\n', b'\r', bytes),
            start: 0,
            done: false,
        }
    }
}

impl Iterator for Lines<'_> {
    type Item = Range<usize>;

    fn next(&mut self) -> Option<Range<usize>> {
        if self.done {
            return None;
        }
        for end in &mut self.ends {
            if end < self.start {
                continue; // the `\n` of a `\r\n` already taken
            }
            let line = self.start..end;
            self.start = match self.bytes.get(end..end + 2) {
                Some(b"\r\n") => end + 2,
                _ => end + 1,
            };
            return Some(line);
        }
        self.done = true;
        Some(self.start..self.bytes.len())
    }
}

/// Blank-line mode: a blank line separates two lines of text somewhere, so
/// paragraphs are blocks of lines; otherwise each line is a paragraph.
fn blank_mode(text: &str) -> bool {
    let mut seen_text = false;
    let mut blank_after_text = false;
    for line in Lines::new(text) {
        if is_blank(text, &line) {
            blank_after_text |= seen_text;
        } else if blank_after_text {
            return true;
        } else {
            seen_text = true;
        }
    }
    false
}

/// Blocks of consecutive text lines (in line mode, one line each), read one
/// at a time into a caller's buffer.
struct Blocks<'t> {
    text: &'t str,
    lines: Lines<'t>,
    blank_mode: bool,
}

impl Blocks<'_> {
    /// Fills `block` with the next block's lines; false when none is left.
    fn next_into(&mut self, block: &mut Vec<Range<usize>>) -> bool {
        block.clear();
        for line in &mut self.lines {
            if !is_blank(self.text, &line) {
                block.push(line);
                if !self.blank_mode {
                    return true;
                }
            } else if !block.is_empty() {
                return true;
            }
        }
        !block.is_empty()
    }
}

/// The body paragraphs of a [`Layout`], in order.
pub(super) struct Paragraphs<'t> {
    text: &'t str,
    /// The blocks the header was looked for in, what is left of them.
    front: std::vec::IntoIter<Vec<Range<usize>>>,
    rest: Blocks<'t>,
    block: Vec<Range<usize>>,
}

impl Iterator for Paragraphs<'_> {
    type Item = Paragraph;

    fn next(&mut self) -> Option<Paragraph> {
        if let Some(block) = self.front.next() {
            return Some(paragraph(self.text, &block));
        }
        self.rest
            .next_into(&mut self.block)
            .then(|| paragraph(self.text, &self.block))
    }
}

fn is_blank(text: &str, line: &Range<usize>) -> bool {
    text[line.clone()].chars().all(is_space)
}

/// A bulleted or numbered list line: `- x`, `* x`, `• x`, `1. x`, `2) x`.
static LIST: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(?:[-*•·–—▪►]|\d{1,3}[.)])\s+\S").unwrap());

pub(super) fn is_list_item(line: &str) -> bool {
    // The regex only where a line can start one: most lines of a
    // paragraph start with a letter or a quote mark.
    let first = line.trim_start().chars().next();
    first.is_some_and(|c| {
        matches!(c, '-' | '*' | '•' | '·' | '–' | '—' | '▪' | '►') || c.is_numeric()
    }) && LIST.is_match(line)
}

static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?i:by)\s+\p{Lu}[\p{L}.'’-]*(?:[\s,]+(?:and\s+)?[\p{L}.'’&-]+){0,10}\s*$")
        .unwrap()
});

fn is_byline(line: &str) -> bool {
    // As in is_list_item, a cheap look at the start first.
    let head = line.trim_start().as_bytes();
    head.len() > 2
        && head[..2].eq_ignore_ascii_case(b"by")
        && BYLINE.is_match(line)
        && !line.trim_end().ends_with('.')
}

/// A headline: short, no final period, not a list line (GUIDE §1).
fn is_headline(line: &str) -> bool {
    let t = line.trim_matches(is_space);
    let words = t.split_whitespace().count();
    let last = t.chars().last().unwrap_or('.');
    words > 0
        && words < 20
        && !matches!(last, '.' | ',' | ';' | ':')
        && t.chars().any(char::is_alphabetic)
        && !is_list_item(t)
        && !is_byline(t)
}

/// A press-release marker line before the headline: `FOR IMMEDIATE RELEASE`,
/// `NEWS RELEASE`, `EMBARGOED UNTIL 9 A.M. ET`. It is body text (a sentence
/// of its own), and the headline after it is the title.
fn is_release_marker(line: &str) -> bool {
    static MARKER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(concat!(
            r"^\s*(?i:for\s+immediate\s+release|(?:news|press|media)\s+release",
            r"|embargoed\b[^\n]{0,60})\s*:?\s*$"
        ))
        .unwrap()
    });
    MARKER.is_match(line)
}

/// A dateline's credit: an optional place, then a bracketed credit of at
/// most 41 chars, then a dash. The length is checked in [`dateline_len`]
/// rather than with `{0,40}`: forty copies of a Unicode class cost ~10 ms
/// to compile, which is most of the time presslens takes on one article.
static CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"^(?:\p{Lu}[\p{L}.'’-]*(?:[ ,/]+\p{Lu}[\p{L}.'’-]*){0,5}\s*)?",
        r"\(((?:\p{L}|\d)[\p{L}\d.&'’ /-]*)\)\s*(?:--?|[–—])",
    ))
    .unwrap()
});
/// A dateline's place alone before a dash (no credit).
static PLACE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        // an upper-case place alone before a dash: `BEIJING —`, `KYIV, Ukraine --`
        r"^\p{Lu}{2}[\p{Lu}.'’ -]*(?:,\s*\p{Lu}[\p{L}.]*(?:\s\p{Lu}[\p{L}.]*){0,2})?",
        // press-release style: `…, March 3, 2026 /PRNewswire/ --`
        r"(?:,\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\p{L}*\.?\s+\d{1,2},?\s+\d{4})?",
        r"(?:\s*/[^/\n]{1,40}/\s*(?:--?|[–—])|\s*(?:--|[–—]))",
    ))
    .unwrap()
});

/// A credit at the very start of the body: `WASHINGTON (AP) —`,
/// `(Reuters) -`, `(PresidentialInsider.com)-`, `LONDON —`.
fn dateline_len(body: &str) -> Option<usize> {
    // The credit's text lies between the first `(` and the first `)`, so
    // when it is too long no other credit match exists: try a place alone.
    // Each pattern runs (and is compiled, about 1.5 ms each) only where a
    // cheap look says it may match: most stories open with neither.
    let credit = may_open_credit(body)
        .then(|| CREDIT.captures(body))
        .flatten()
        .filter(|c| c[1].chars().nth(41).is_none())
        .map(|c| c.get(0).unwrap());
    let m = credit.or_else(|| may_open_place(body).then(|| PLACE.find(body)).flatten())?;
    // A credit is followed by the story, not by the end of the paragraph.
    body[m.end()..]
        .chars()
        .any(|c| c.is_alphanumeric())
        .then_some(m.end())
}

/// Whether `CREDIT` may match `body`: its `(` is the first one, and only
/// letters, blanks and `.'’-,/` (a superset of what the place before it
/// may hold) come before it.
fn may_open_credit(body: &str) -> bool {
    body.find('(').is_some_and(|open| {
        body[..open].chars().all(|c| {
            c.is_alphabetic()
                || c.is_whitespace()
                || matches!(c, '.' | '\'' | '’' | '-' | ',' | '/')
        })
    })
}

/// Whether `PLACE` may match `body`: it opens with two upper-case letters.
fn may_open_place(body: &str) -> bool {
    let mut chars = body.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.next().is_some_and(char::is_uppercase)
}

pub(super) fn layout(text: &str) -> Layout<'_> {
    let mut rest = Blocks {
        text,
        lines: Lines::new(text),
        blank_mode: blank_mode(text),
    };
    // The header rules below look at the first blocks only, and remove at
    // most three of them (marker, title, byline) before asking whether two
    // are left: five read ahead answer every question they ask.
    let mut blocks: Vec<Vec<Range<usize>>> = Vec::new();
    let mut block = Vec::new();
    while blocks.len() < 5 && rest.next_into(&mut block) {
        blocks.push(std::mem::take(&mut block));
    }

    // A release marker opening the text is set aside while the headline is
    // looked for, and comes back as the first paragraph.
    let mut marker = None;
    if blocks.len() >= 2 && is_release_marker(&text[blocks[0][0].clone()]) {
        marker = Some(vec![blocks[0].remove(0)]);
        if blocks[0].is_empty() {
            blocks.remove(0);
        }
    }

    let mut title = None;
    let mut byline = None;
    // Header lines are taken from the front of the first blocks.
    let mut skip_first_lines = 0;
    if blocks.len() >= 2 || blocks.first().is_some_and(|b| b.len() >= 2) {
        let first_block = &blocks[0];
        let line0 = &text[first_block[0].clone()];
        let title_fits = is_headline(line0)
            && (first_block.len() == 1 || is_byline(&text[first_block[1].clone()]))
            && blocks.len() >= 2;
        if title_fits {
            title = Some(trim(text, first_block[0].clone()));
            skip_first_lines = 1;
            if first_block.len() >= 2 {
                byline = Some(trim(text, first_block[1].clone()));
                skip_first_lines = 2;
            }
        }
    }
    if skip_first_lines > 0 {
        blocks[0].drain(..skip_first_lines);
        if blocks[0].is_empty() {
            blocks.remove(0);
        }
    }
    // A byline on its own after the title (or opening the text).
    if byline.is_none()
        && blocks.len() >= 2
        && blocks[0].len() == 1
        && is_byline(&text[blocks[0][0].clone()])
    {
        byline = Some(trim(text, blocks[0][0].clone()));
        blocks.remove(0);
    }

    let mut dateline = None;
    if let Some(first_line) = blocks.first().and_then(|b| b.first()) {
        let r = trim(text, first_line.clone());
        if let Some(len) = dateline_len(&text[r.clone()]) {
            dateline = Some(trim(text, r.start..r.start + len));
        }
    }

    let front: Vec<Vec<Range<usize>>> = marker.into_iter().chain(blocks).collect();
    Layout {
        title,
        byline,
        dateline,
        paragraphs: Paragraphs {
            text,
            front: front.into_iter(),
            rest,
            block,
        },
    }
}

fn paragraph(text: &str, block: &[Range<usize>]) -> Paragraph {
    let range = trim(text, block[0].start..block[block.len() - 1].end);
    let mut hard_breaks = Vec::new();
    for pair in block.windows(2) {
        let (this, next) = (&text[pair[0].clone()], &text[pair[1].clone()]);
        if is_list_item(this) || is_list_item(next) || is_byline(this) {
            hard_breaks.push(pair[0].end);
        }
    }
    Paragraph { range, hard_breaks }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn title_of(text: &str) -> Option<&str> {
        layout(text).title.map(|r| &text[r])
    }

    /// The cheap looks at a line's start never turn away a line the regex
    /// takes: every line of the fixtures, and lines made of every opening
    /// the regexes know (and near misses) before some endings.
    #[test]
    fn prechecks_keep_every_list_item_and_byline() {
        let mut lines: Vec<String> = Vec::new();
        for entry in
            std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/articles")).unwrap()
        {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap_or_default();
            lines.extend(text.lines().map(String::from));
        }
        for lead in ["", " ", "\t", "\u{a0}", "\u{3000}"] {
            for open in [
                "-", "*", "•", "·", "–", "—", "▪", "►", "1.", "12)", "123.", "٣.", "1234.", "by",
                "By", "BY", "bY", "b", "x", "“", "",
            ] {
                for end in [
                    " Ana Ruiz",
                    "\u{2003}Lee Park and Ana Ruiz",
                    " item",
                    "",
                    "  ",
                ] {
                    lines.push(format!("{lead}{open}{end}"));
                }
            }
        }
        for line in &lines {
            assert_eq!(is_list_item(line), LIST.is_match(line), "{line:?}");
            assert_eq!(
                is_byline(line),
                BYLINE.is_match(line) && !line.trim_end().ends_with('.'),
                "{line:?}"
            );
        }
    }

    /// The looks before the dateline patterns never turn away a text they
    /// match: every paragraph of the fixtures, and openings made of places,
    /// credits and near misses (Unicode letters and blanks included).
    #[test]
    fn prechecks_keep_every_dateline() {
        let mut bodies: Vec<String> = Vec::new();
        for entry in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures")).unwrap() {
            let path = entry.unwrap().path();
            let Ok(dir) = std::fs::read_dir(&path) else {
                continue;
            };
            for file in dir {
                let text = std::fs::read_to_string(file.unwrap().path()).unwrap_or_default();
                bodies.extend(text.split("\n\n").map(|p| p.trim().to_string()));
            }
        }
        for place in [
            "",
            "LONDON ",
            "LONDON, England ",
            "São Paulo ",
            "ÉVORA, Portugal ",
            "New York/Boston ",
            "Kyiv ",
            "the mayor ",
            "O’HARE ",
            "ST. LOUIS ",
            "Ab\u{2003}Cd ",
            "x7 ",
            "7 ",
            "ÀÉ",
            "DE",
        ] {
            for credit in ["(AP)", "(Reuters)", "(a)", "(7 News)", "()", "", "(", ")"] {
                for dash in [" —", " -", "--", " –", "", " :"] {
                    for rest in [" The council voted.", "", " /PRNewswire/ -- Shares rose."] {
                        bodies.push(format!("{place}{credit}{dash}{rest}"));
                    }
                }
            }
        }
        for body in &bodies {
            if CREDIT.is_match(body) {
                assert!(may_open_credit(body), "{body:?}");
            }
            if PLACE.is_match(body) {
                assert!(may_open_place(body), "{body:?}");
            }
        }
    }

    #[test]
    fn line_ends_of_every_kind() {
        let text = "a\nb\r\nc\rd";
        let got: Vec<&str> = Lines::new(text).map(|r| &text[r]).collect();
        assert_eq!(got, ["a", "b", "c", "d"]);
        for (text, want) in [
            ("", &[""][..]),
            ("a\n", &["a", ""]),
            ("\r\n\r\n", &["", "", ""]),
            ("a\r\rb\n\r", &["a", "", "b", "", ""]),
            ("\n\r\nx", &["", "", "x"]),
        ] {
            let got: Vec<&str> = Lines::new(text).map(|r| &text[r]).collect();
            // What `str::lines` would give, with a lone `\r` a line end too
            // and the text after the last end always a line.
            assert_eq!(got, want, "{text:?}");
        }
    }

    #[test]
    fn headline_needs_more_text_after_it() {
        assert_eq!(
            title_of("Big News Today\n\nSomething happened."),
            Some("Big News Today")
        );
        assert_eq!(title_of("Big News Today"), None);
        assert_eq!(title_of("One paragraph only. It has two sentences."), None);
    }

    #[test]
    fn headline_with_final_period_is_a_sentence() {
        assert_eq!(title_of("The mayor resigned.\n\nMore text here."), None);
    }

    #[test]
    fn long_first_line_is_not_a_headline() {
        let long = "word ".repeat(25);
        assert_eq!(title_of(&format!("{long}\n\nBody text.")), None);
    }

    #[test]
    fn headline_then_byline_in_one_block() {
        let text = "Rates Rise Again\nBy Ana Ruiz\n\nThe bank raised rates.";
        let l = layout(text);
        assert_eq!(&text[l.title.unwrap()], "Rates Rise Again");
        assert_eq!(&text[l.byline.unwrap()], "By Ana Ruiz");
        assert_eq!(l.paragraphs.count(), 1);
    }

    #[test]
    fn byline_block_after_headline() {
        let text = "Rates Rise Again\n\nBy ANA RUIZ and LEE PARK\n\nThe bank raised rates.";
        let l = layout(text);
        assert_eq!(&text[l.byline.unwrap()], "By ANA RUIZ and LEE PARK");
    }

    #[test]
    fn no_blank_lines_means_one_paragraph_per_line() {
        let text = "Headline Words\nFirst paragraph here.\nSecond paragraph here.";
        let l = layout(text);
        assert_eq!(&text[l.title.unwrap()], "Headline Words");
        assert_eq!(l.paragraphs.count(), 2);
    }

    #[test]
    fn datelines() {
        for (body, want) in [
            (
                "WASHINGTON (AP) — The Senate voted.",
                Some("WASHINGTON (AP) —"),
            ),
            ("(Reuters) - Shares fell.", Some("(Reuters) -")),
            (
                "(PresidentialInsider.com)- A statement said.",
                Some("(PresidentialInsider.com)-"),
            ),
            (
                "LONDON, England (CNN) -- It rained.",
                Some("LONDON, England (CNN) --"),
            ),
            ("BEIJING — Officials met.", Some("BEIJING —")),
            ("KYIV, Ukraine — Sirens sounded.", Some("KYIV, Ukraine —")),
            (
                "MILLBROOK, Vt., March 3, 2026 /PRNewswire/ -- Northwind opened.",
                Some("MILLBROOK, Vt., March 3, 2026 /PRNewswire/ --"),
            ),
            (
                "NEW YORK, Sept. 9, 2025 /Business Wire/ - Shares rose.",
                Some("NEW YORK, Sept. 9, 2025 /Business Wire/ -"),
            ),
            (
                "DAYTON, Ohio, May 4, 2026 — Lakemont met.",
                Some("DAYTON, Ohio, May 4, 2026 —"),
            ),
            ("DAYTON, Ohio, May 4, 2026 - Lakemont met.", None),
            ("The cost/benefit ratio - and more - fell.", None),
            ("The Senate (the upper house) voted.", None),
            ("NATO members met on Monday.", None),
            ("Officials — and critics — agreed.", None),
        ] {
            let got = dateline_len(body).map(|n| body[..n].trim_end());
            assert_eq!(got, want, "{body}");
        }
    }

    #[test]
    fn list_items_and_bylines() {
        assert!(is_list_item("- cut taxes"));
        assert!(is_list_item("  • one"));
        assert!(is_list_item("2) second"));
        assert!(!is_list_item("-5 degrees"));
        assert!(!is_list_item("2019 was a year"));
        assert!(is_byline("By Jane Doe"));
        assert!(is_byline("By JANE DOE, Associated Press"));
        assert!(!is_byline("By noon the crowd had left."));
    }

    #[test]
    fn list_lines_are_hard_breaks() {
        let text = "We want:\n- lower rents\n- more buses\nand nothing else wraps here";
        let l = layout(text);
        assert_eq!(
            l.paragraphs.count(),
            4,
            "no blank lines: one paragraph per line"
        );
        let text = "Intro.\n\nWe want:\n- lower rents\n- more buses\n\nEnd.";
        let paragraphs: Vec<Paragraph> = layout(text).paragraphs.collect();
        assert_eq!(paragraphs[1].hard_breaks.len(), 2);
    }

    #[test]
    fn release_markers() {
        assert!(is_release_marker("FOR IMMEDIATE RELEASE"));
        assert!(is_release_marker("For Immediate Release:"));
        assert!(is_release_marker("NEWS RELEASE"));
        assert!(is_release_marker("EMBARGOED UNTIL 9 A.M. ET, MARCH 3"));
        assert!(!is_release_marker("Release of Hostages Delayed"));
        assert!(!is_release_marker(
            "For immediate release, the firm said, it will pay."
        ));
    }

    #[test]
    fn headline_after_release_marker_is_the_title() {
        let text =
            "FOR IMMEDIATE RELEASE\n\nAcme Opens Plant\n\nDAYTON, Ohio — Acme opened a plant.";
        let l = layout(text);
        assert_eq!(&text[l.title.unwrap()], "Acme Opens Plant");
        assert_eq!(&text[l.dateline.clone().unwrap()], "DAYTON, Ohio —");
        let paras: Vec<&str> = l.paragraphs.map(|p| &text[p.range]).collect();
        assert_eq!(
            paras,
            [
                "FOR IMMEDIATE RELEASE",
                "DAYTON, Ohio — Acme opened a plant."
            ]
        );
        // The marker in the same block as the headline.
        let text = "For Immediate Release\nAcme Opens Plant\n\nAcme opened a plant.";
        assert_eq!(title_of(text), Some("Acme Opens Plant"));
        // A marker with nothing after it is just text.
        assert_eq!(title_of("FOR IMMEDIATE RELEASE"), None);
    }

    #[test]
    fn dateline_after_marker_is_cut_from_its_sentence() {
        let text =
            "FOR IMMEDIATE RELEASE\n\nAcme Opens Plant\n\nDAYTON, Ohio — Acme opened a plant.";
        let doc = crate::segment::segment(text);
        let got: Vec<&str> = doc
            .sentences
            .iter()
            .map(|s| &text[s.range.clone()])
            .collect();
        assert_eq!(got, ["FOR IMMEDIATE RELEASE", "Acme opened a plant."]);
        assert_eq!(doc.sentences[1].paragraph, 1);
    }
}
