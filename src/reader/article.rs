//! The text layout shared by the HTML and markdown readers.
//!
//! An extracted article is rendered as plain text the segmenter already
//! understands (GUIDE §1): the headline on the first line, a blank line, a
//! `By …` byline line when there is one, a blank line, then the body
//! paragraphs separated by blank lines. A list is one block of `- item`
//! lines; a block quotation is wrapped in quotation marks when it has none,
//! so the quote detector sees it (a quotation of several paragraphs opens
//! each paragraph with a mark and closes only the last, as in print).

use regex::Regex;
use std::sync::LazyLock;

/// One block of an article body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Block {
    /// A paragraph (or a body heading). May hold single `\n` line breaks.
    Para(String),
    /// One list item; consecutive items form one list block.
    Item(String),
    /// A block quotation: its paragraphs.
    Quote(Vec<String>),
}

/// An article as the readers extract it, before rendering.
#[derive(Debug, Clone, Default)]
pub(crate) struct ArticleText {
    pub title: Option<String>,
    pub byline: Option<String>,
    pub published: Option<String>,
    pub blocks: Vec<Block>,
}

impl ArticleText {
    /// Renders the article in the layout described in the module docs.
    pub fn render(&self) -> String {
        let mut out = String::new();
        let sep = |out: &mut String, tight: bool| {
            if !out.is_empty() {
                out.push_str(if tight { "\n" } else { "\n\n" });
            }
        };
        if let Some(t) = &self.title {
            out.push_str(t);
        }
        if let Some(b) = &self.byline {
            sep(&mut out, false);
            out.push_str(b);
        }
        let mut prev_item = false;
        for block in &self.blocks {
            match block {
                Block::Para(p) => {
                    sep(&mut out, false);
                    out.push_str(p);
                }
                Block::Item(i) => {
                    sep(&mut out, prev_item);
                    out.push_str("- ");
                    out.push_str(i);
                }
                Block::Quote(paras) => {
                    let quoted = quote_paragraphs(paras);
                    for p in quoted {
                        sep(&mut out, false);
                        out.push_str(&p);
                    }
                }
            }
            prev_item = matches!(block, Block::Item(_));
        }
        out
    }

    /// Drops body lines that repeat the headline or the byline and, with
    /// `labels` (web pages), short labels (kickers, dates, `Advertisement`)
    /// before the first real paragraph: they would otherwise hide the
    /// dateline from the segmenter. With `labels`, a `By …` line before the
    /// body becomes the byline when the page's metadata named none.
    pub fn tidy(&mut self, labels: bool) {
        let title = self.title.as_deref().map(comparable);
        let byline_c = self.byline.as_deref().map(|b| comparable(strip_by(b)));
        let mut found_byline = None;
        let mut seen_body = false;
        for block in std::mem::take(&mut self.blocks) {
            let Block::Para(p) = block else {
                seen_body = true;
                self.blocks.push(block);
                continue;
            };
            let mut kept: Vec<&str> = Vec::new();
            for line in p.lines() {
                let c = comparable(line);
                if title.as_deref() == Some(c.as_str())
                    || byline_c.as_deref() == Some(comparable(strip_by(line)).as_str())
                    || is_ad_label(&c)
                {
                    continue;
                }
                if labels && !seen_body && self.byline.is_none() && found_byline.is_none() {
                    let by = line.trim_start().get(..3);
                    if by.is_some_and(|b| b.eq_ignore_ascii_case("by "))
                        && let Some(b) = byline(line)
                    {
                        found_byline = Some(b);
                        continue;
                    }
                }
                kept.push(line);
            }
            if kept.is_empty() {
                continue;
            }
            let p = kept.join("\n");
            if !seen_body && labels {
                if is_time_label(&p) {
                    continue;
                }
                let words = p.split_whitespace().count();
                seen_body = words >= 8 || p.trim_end().ends_with(['.', '!', '?', ':', '"', '”']);
                if !seen_body {
                    continue;
                }
            }
            self.blocks.push(Block::Para(p));
        }
        if self.byline.is_none() {
            self.byline = found_byline;
        }
    }
}

/// Collects blocks from a stream of start/end/text events (an HTML tree
/// walk or markdown events).
#[derive(Debug, Default)]
pub(crate) struct Builder {
    pub blocks: Vec<Block>,
    cur: String,
    /// Bytes of `cur` inside links.
    cur_link: usize,
    link_depth: usize,
    item_starts: Vec<usize>,
    quote_starts: Vec<usize>,
    /// Bytes of body text in paragraphs that are sentences, not link lists.
    pub prose: usize,
    /// Drop paragraphs and items that are mostly link text (web pages:
    /// `READ MORE: <a>…</a>` teasers, lists of related links).
    pub drop_links: bool,
}

impl Builder {
    pub fn text(&mut self, s: &str) {
        self.cur.push_str(s);
        if self.link_depth > 0 {
            self.cur_link += s.len();
        }
    }

    pub fn line_break(&mut self) {
        self.cur.push('\n');
    }

    pub fn start_link(&mut self) {
        self.link_depth += 1;
    }

    pub fn end_link(&mut self) {
        self.link_depth = self.link_depth.saturating_sub(1);
    }

    /// Ends the current paragraph, if it has any text.
    pub fn end_block(&mut self) {
        let text = collapse(&self.cur);
        let link = std::mem::take(&mut self.cur_link);
        self.cur.clear();
        if text.is_empty() {
            return;
        }
        if link * 2 < text.len() && text.contains(['.', '!', '?']) {
            self.prose += text.len() - link.min(text.len());
        }
        if self.drop_links && link * 5 >= text.len() * 3 {
            return;
        }
        self.blocks.push(Block::Para(text));
    }

    pub fn start_item(&mut self) {
        self.end_block();
        self.item_starts.push(self.blocks.len());
    }

    /// An item whose content is one paragraph (and maybe a nested list)
    /// becomes `- item` lines; an item holding several paragraphs (a
    /// live-blog entry) stays paragraphs.
    pub fn end_item(&mut self) {
        self.end_block();
        let Some(start) = self.item_starts.pop() else {
            return;
        };
        let start = start.min(self.blocks.len());
        let added = &mut self.blocks[start..];
        let rest_are_items = added.iter().skip(1).all(|b| matches!(b, Block::Item(_)));
        if let [Block::Para(p), ..] = added
            && rest_are_items
        {
            let p = std::mem::take(p);
            added[0] = Block::Item(p);
        }
    }

    pub fn start_quote(&mut self) {
        self.end_block();
        self.quote_starts.push(self.blocks.len());
    }

    pub fn end_quote(&mut self) {
        self.end_block();
        let Some(start) = self.quote_starts.pop() else {
            return;
        };
        let start = start.min(self.blocks.len());
        let mut paras = Vec::new();
        for b in self.blocks.drain(start..) {
            match b {
                Block::Para(p) => paras.push(p),
                Block::Item(i) => paras.push(format!("- {i}")),
                Block::Quote(ps) => paras.extend(ps),
            }
        }
        if !paras.is_empty() {
            self.blocks.push(Block::Quote(paras));
        }
    }

    /// Closes what is open and hands over the blocks and the prose count.
    pub fn finish(mut self) -> (Vec<Block>, usize) {
        while !self.quote_starts.is_empty() {
            self.end_quote();
        }
        self.end_block();
        (self.blocks, self.prose)
    }
}

/// A short date or time line: `March 14, 2026`, `Updated 3:45 p.m. EST`.
fn is_time_label(p: &str) -> bool {
    static TIME: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(concat!(
            r"(?i)^(?:(?:updated|published|posted|last modified)\b",
            r"|.*\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b",
            r"|.*\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b",
            r"|.*\b\d{1,2}:\d{2}\s*(?:[ap]\.?m\b|GMT|UTC)",
            r"|\d{4}-\d{2}-\d{2}\b)"
        ))
        .unwrap()
    });
    p.split_whitespace().count() <= 10 && TIME.is_match(p)
}

fn is_ad_label(c: &str) -> bool {
    matches!(
        c,
        "advertisement" | "advertising" | "sponsored" | "story continues below advertisement"
    )
}

/// Lower case with single spaces, for comparing headings with the title.
fn comparable(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn strip_by(s: &str) -> &str {
    let t = s.trim();
    match t.get(..3) {
        Some(p) if p.eq_ignore_ascii_case("by ") => t[3..].trim_start(),
        _ => t,
    }
}

/// Normalises a byline to `By Name[ and Name]`, or None when it does not
/// look like one (empty, a URL, a sentence).
pub(crate) fn byline(raw: &str) -> Option<String> {
    let cut = raw
        .find(['|', '\n', '•', '·', '\u{2022}'])
        .map_or(raw, |i| &raw[..i]);
    let name = strip_by(&collapse(cut))
        .trim_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '-' | '–' | '—'))
        .to_string();
    let words = name.split_whitespace().count();
    if words == 0 || words > 12 || name.contains("://") || name.ends_with('.') {
        return None;
    }
    Some(format!("By {name}"))
}

/// Collapses runs of white space to one space and trims, keeping single
/// line breaks (from `<br>`); blank lines are the caller's paragraph breaks.
pub(crate) fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    let mut newline = false;
    for c in s.chars() {
        if c == '\n' {
            newline = true;
        } else if c.is_whitespace() {
            space = true;
        } else {
            if !out.is_empty() {
                if newline {
                    out.push('\n');
                } else if space {
                    out.push(' ');
                }
            }
            space = false;
            newline = false;
            out.push(c);
        }
    }
    out
}

const OPENING: [char; 6] = ['"', '“', '‘', '«', '„', '\''];

/// Wraps a quotation's paragraphs in marks unless it already opens with one.
/// Inner double quotes become single ones, as nesting requires.
fn quote_paragraphs(paras: &[String]) -> Vec<String> {
    let Some(first) = paras.first() else {
        return Vec::new();
    };
    if first.starts_with(OPENING) {
        return paras.to_vec();
    }
    let last = paras.len() - 1;
    paras
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let inner = p.replace('“', "‘").replace('”', "’");
            if i == last {
                format!("“{inner}”")
            } else {
                format!("“{inner}")
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para(s: &str) -> Block {
        Block::Para(s.to_string())
    }

    #[test]
    fn layout_title_byline_body_list() {
        let a = ArticleText {
            title: Some("Rates Rise".into()),
            byline: Some("By Ana Ruiz".into()),
            published: None,
            blocks: vec![
                para("The bank acted."),
                Block::Item("one".into()),
                Block::Item("two".into()),
                para("Done."),
            ],
        };
        assert_eq!(
            a.render(),
            "Rates Rise\n\nBy Ana Ruiz\n\nThe bank acted.\n\n- one\n- two\n\nDone."
        );
    }

    #[test]
    fn quotes_are_wrapped_once() {
        let q =
            |ps: &[&str]| quote_paragraphs(&ps.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(q(&["We won."]), ["“We won.”"]);
        assert_eq!(q(&["One.", "Two."]), ["“One.", "“Two.”"]);
        assert_eq!(q(&["“Already.”"]), ["“Already.”"]);
        assert_eq!(q(&["He said “no” twice."]), ["“He said ‘no’ twice.”"]);
    }

    #[test]
    fn tidy_drops_repeats_and_labels_before_the_body() {
        let mut a = ArticleText {
            title: Some("Storm Hits Coast".into()),
            byline: Some("By Mara Quinn".into()),
            published: None,
            blocks: vec![
                para("Weather"),
                para("Storm  hits coast"),
                para("Mara Quinn"),
                para("March 14, 2026"),
                para("Advertisement"),
                para("Updated 3:45 p.m. EST"),
                para("PORT ELLIS — A storm surge closed three ports on Saturday."),
                para("Update"),
            ],
        };
        a.tidy(true);
        assert_eq!(
            a.blocks,
            [
                para("PORT ELLIS — A storm surge closed three ports on Saturday."),
                para("Update")
            ]
        );
    }

    #[test]
    fn tidy_finds_a_byline_line_under_the_headline() {
        let mut a = ArticleText {
            title: Some("Ferry Service Resumes".into()),
            blocks: vec![
                para("Ferry Service Resumes\nBy Ola Svensson"),
                para("The island ferry resumed service on Friday."),
            ],
            ..Default::default()
        };
        a.tidy(true);
        assert_eq!(a.byline.as_deref(), Some("By Ola Svensson"));
        assert_eq!(
            a.blocks,
            [para("The island ferry resumed service on Friday.")]
        );
    }

    #[test]
    fn tidy_keeps_short_body_lines() {
        let mut a = ArticleText {
            blocks: vec![para("It has:"), para("Second"), para("Intro.")],
            ..Default::default()
        };
        a.tidy(true);
        assert_eq!(a.blocks.len(), 3);
        assert!(is_time_label("Thursday 22 January 2026"));
        assert!(is_time_label("2026-01-22"));
        assert!(!is_time_label(
            "May the best team win, the coach said on Tuesday."
        ));
        assert!(!is_time_label("Second"));
    }

    #[test]
    fn bylines() {
        assert_eq!(byline("by  Mara Quinn ").as_deref(), Some("By Mara Quinn"));
        assert_eq!(
            byline("Mara Quinn | Updated 3 p.m.").as_deref(),
            Some("By Mara Quinn")
        );
        assert_eq!(byline(" "), None);
        assert_eq!(byline("https://example.org/me"), None);
    }

    #[test]
    fn builder_items_quotes_and_prose() {
        let mut b = Builder::default();
        b.text("Lead in.");
        b.start_item();
        b.text(" one ");
        b.end_item();
        b.start_item();
        b.text("entry");
        b.end_block();
        b.text("Second paragraph of the entry.");
        b.end_item();
        b.start_quote();
        b.text("Quoted words.");
        b.end_quote();
        b.start_link();
        b.text("Read more.");
        b.end_link();
        let (blocks, prose) = b.finish();
        assert_eq!(
            blocks,
            [
                para("Lead in."),
                Block::Item("one".into()),
                para("entry"),
                para("Second paragraph of the entry."),
                Block::Quote(vec!["Quoted words.".into()]),
                para("Read more."),
            ]
        );
        assert_eq!(
            prose,
            "Lead in.Second paragraph of the entry.Quoted words.".len()
        );
    }

    #[test]
    fn link_paragraphs_can_be_dropped() {
        let mut b = Builder {
            drop_links: true,
            ..Default::default()
        };
        b.text("READ MORE: ");
        b.start_link();
        b.text("Fuel prices climb for a third week");
        b.end_link();
        b.end_block();
        b.text("A sentence with ");
        b.start_link();
        b.text("a link");
        b.end_link();
        b.text(" in the middle of it.");
        let (blocks, _) = b.finish();
        assert_eq!(
            blocks,
            [para("A sentence with a link in the middle of it.")]
        );
    }

    #[test]
    fn collapse_keeps_single_breaks() {
        assert_eq!(collapse("  a \t b\n c  "), "a b\nc");
        assert_eq!(collapse("\u{a0}x\u{a0}"), "x");
    }
}
