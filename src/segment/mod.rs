//! Segmentation: title, dateline, byline, paragraphs and sentences (GUIDE §1–2).
//!
//! [`segment`] returns byte ranges into the text it is given; nothing is
//! copied. Title, dateline, byline and sentences never overlap, and together
//! they cover every non-white-space byte of the input.

mod candidates;
mod sentences;
mod structure;

use std::ops::Range;

pub use sentences::split_sentences;

/// The layout of an article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Document {
    /// The headline (GUIDE §1), when the first line reads as one.
    pub title: Option<Range<usize>>,
    /// A `By …` line after the headline.
    pub byline: Option<Range<usize>>,
    /// A leading `WASHINGTON (AP) —` / `(Reuters) -` credit, dashes included.
    pub dateline: Option<Range<usize>>,
    /// Body paragraphs, trimmed; title and byline lines are not part of them.
    pub paragraphs: Vec<Range<usize>>,
    pub sentences: Vec<SentenceSpan>,
}

/// One sentence: its trimmed byte range and the body paragraph it lies in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SentenceSpan {
    pub range: Range<usize>,
    pub paragraph: usize,
}

impl Document {
    /// Indices of the sentences of paragraph `p` (they are contiguous).
    pub fn sentences_in(&self, p: usize) -> Range<usize> {
        let first = self.sentences.partition_point(|s| s.paragraph < p);
        let last = self.sentences.partition_point(|s| s.paragraph <= p);
        first..last
    }
}

/// A text's segmentation read a window of paragraphs at a time, for
/// analysing a long text piece by piece: only one window's paragraphs and
/// sentences are held at once, and each is split just before it is used.
///
/// A window holds whole paragraphs of at least `bytes` bytes together (the
/// last may be shorter). It never ends just before a paragraph that opens
/// with a quotation mark (the next paragraph of a quote running over
/// several), unless that would make it twice as long. A paragraph longer
/// than twice `bytes` (a text with no paragraph breaks) is a window of its
/// own, cut between sentences into windows of about `bytes`. A text without
/// paragraphs is one empty window.
pub struct Windows<'t> {
    text: &'t str,
    header: Document,
    paragraphs: std::iter::Peekable<structure::Paragraphs<'t>>,
    splitter: sentences::Splitter,
    bytes: usize,
    /// Twice `bytes` (saturated: `segment` asks for windows of `usize::MAX`).
    twice: usize,
    /// Paragraphs handed out so far.
    seen: usize,
    started: bool,
    /// The sentences of a long paragraph not handed out yet, and the
    /// paragraph's range.
    rest: std::collections::VecDeque<Range<usize>>,
    rest_of: Range<usize>,
}

/// Where a window lies in the whole text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    /// The number of its first paragraph (a long paragraph's number in
    /// each of its windows).
    pub first_paragraph: usize,
    /// 0 for the first window; else where its first paragraph, or its part
    /// of a long paragraph, starts.
    pub start: usize,
}

impl<'t> Windows<'t> {
    /// Finds the title, byline and dateline; paragraphs are read later.
    pub fn new(text: &'t str, bytes: usize) -> Windows<'t> {
        let layout = structure::layout(text);
        Windows {
            text,
            header: Document {
                title: layout.title,
                byline: layout.byline,
                dateline: layout.dateline,
                ..Document::default()
            },
            paragraphs: layout.paragraphs.peekable(),
            splitter: sentences::Splitter::default(),
            bytes: bytes.max(1),
            twice: bytes.max(1).saturating_mul(2),
            seen: 0,
            started: false,
            rest: Default::default(),
            rest_of: 0..0,
        }
    }

    /// The title, byline and dateline, with no paragraphs.
    pub fn header(&self) -> &Document {
        &self.header
    }

    /// How many paragraphs the windows so far held.
    pub fn paragraphs_seen(&self) -> usize {
        self.seen
    }

    /// Fills `doc` with the next window (reusing its vectors) and tells
    /// where it lies; `None` after the last. In `doc`, paragraphs are
    /// numbered from the window's first; ranges index into the whole text;
    /// title, byline and dateline are the text's.
    pub fn next_into(&mut self, doc: &mut Document) -> Option<Window> {
        doc.title.clone_from(&self.header.title);
        doc.byline.clone_from(&self.header.byline);
        doc.dateline.clone_from(&self.header.dateline);
        doc.paragraphs.clear();
        doc.sentences.clear();
        if !self.rest.is_empty() {
            let first = self.rest[0].start;
            self.take_part(doc, first);
            return Some(Window {
                first_paragraph: self.seen - 1,
                start: first,
            });
        }
        let first_paragraph = self.seen;
        let text = self.text;
        while let Some(next) = self.paragraphs.peek() {
            let long = next.range.len() > self.twice;
            if long && !doc.paragraphs.is_empty() {
                break; // a long paragraph starts a window of its own
            }
            let para = self.paragraphs.next().expect("peeked");
            let p = doc.paragraphs.len();
            // The dateline is not part of its paragraph's first sentence.
            let start = match &self.header.dateline {
                Some(d) if d.start >= para.range.start && d.end <= para.range.end => d.end,
                _ => para.range.start,
            };
            self.seen += 1;
            if long {
                let rest = &mut self.rest;
                self.splitter
                    .split(text, start..para.range.end, &para.hard_breaks, |range| {
                        rest.push_back(range)
                    });
                self.rest_of = para.range;
                self.take_part(doc, self.rest_of.start);
                break;
            }
            let sentences = &mut doc.sentences;
            self.splitter
                .split(text, start..para.range.end, &para.hard_breaks, |range| {
                    sentences.push(SentenceSpan {
                        range,
                        paragraph: p,
                    })
                });
            doc.paragraphs.push(para.range);
            let size = doc.paragraphs[p].end - doc.paragraphs[0].start;
            if size >= self.bytes {
                let next_opens_quote = self.paragraphs.peek().is_some_and(|next| {
                    text[next.range.clone()].starts_with(['"', '“', '„', '«', '‘', '\''])
                });
                if !next_opens_quote || size >= self.twice {
                    break;
                }
            }
        }
        if doc.paragraphs.is_empty() && self.started {
            return None;
        }
        let start = match doc.paragraphs.first() {
            Some(p) if self.started => p.start,
            _ => 0,
        };
        self.started = true;
        Some(Window {
            first_paragraph,
            start,
        })
    }

    /// Moves the next `bytes` or so of the long paragraph's sentences into
    /// `doc`, as its one paragraph running from `from` to the last
    /// sentence's end (the paragraph's end for its last part).
    fn take_part(&mut self, doc: &mut Document, from: usize) {
        while let Some(range) = self.rest.pop_front() {
            let end = range.end;
            doc.sentences.push(SentenceSpan {
                range,
                paragraph: 0,
            });
            if end - from >= self.bytes {
                break;
            }
        }
        let end = match self.rest.front() {
            Some(_) => doc.sentences.last().map_or(from, |s| s.range.end),
            None => self.rest_of.end,
        };
        doc.paragraphs.push(from..end);
    }
}

/// Splits `text` into its structure and sentences: the whole text as one
/// [`Windows`] window.
pub fn segment(text: &str) -> Document {
    let mut windows = Windows::new(text, usize::MAX);
    let mut doc = Document {
        // About one sentence per 75 bytes of news text.
        sentences: Vec::with_capacity(text.len() / 64),
        ..Document::default()
    };
    windows.next_into(&mut doc);
    doc
}

/// White space as the segmenter sees it: Unicode white space plus the BOM.
pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}'
}

/// `range` without leading and trailing white space (empty if all space).
pub(crate) fn trim(text: &str, range: Range<usize>) -> Range<usize> {
    let slice = &text[range.clone()];
    let lead = slice.len() - slice.trim_start_matches(is_space).len();
    let kept = slice
        .trim_start_matches(is_space)
        .trim_end_matches(is_space);
    range.start + lead..range.start + lead + kept.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts<'a>(text: &'a str, doc: &Document) -> Vec<&'a str> {
        doc.sentences
            .iter()
            .map(|s| &text[s.range.clone()])
            .collect()
    }

    #[test]
    fn title_dateline_and_sentences() {
        let text =
            "Storm Hits Coast\n\nMIAMI (AP) — A storm hit the coast. It rained.\n\nPower is out.";
        let doc = segment(text);
        assert_eq!(&text[doc.title.clone().unwrap()], "Storm Hits Coast");
        assert_eq!(&text[doc.dateline.clone().unwrap()], "MIAMI (AP) —");
        assert_eq!(
            texts(text, &doc),
            ["A storm hit the coast.", "It rained.", "Power is out."]
        );
        assert_eq!(doc.paragraphs.len(), 2);
        assert_eq!(doc.sentences_in(1), 2..3);
    }

    #[test]
    fn every_visible_byte_is_covered_once() {
        let text = "\u{feff}Headline Here\r\nBy Jane Roe\r\n\r\n(Reuters) - One. Two?\r\n\r\n- item one\r\n- item two\r\n";
        let doc = segment(text);
        let mut covered = vec![0u8; text.len()];
        let spans = doc
            .title
            .iter()
            .chain(doc.byline.iter())
            .chain(doc.dateline.iter())
            .cloned()
            .chain(doc.sentences.iter().map(|s| s.range.clone()));
        for r in spans {
            for b in &mut covered[r] {
                *b += 1;
            }
        }
        for (i, c) in text.char_indices() {
            let n = covered[i];
            if is_space(c) {
                assert!(n <= 1);
            } else {
                assert_eq!(n, 1, "byte {i} ({c:?}) covered {n} times");
            }
        }
    }

    /// Each window's paragraphs, as whole-text paragraph numbers.
    fn windows(text: &str, bytes: usize) -> Vec<Range<usize>> {
        let mut windows = Windows::new(text, bytes);
        let mut doc = Document::default();
        let mut out = Vec::new();
        while let Some(w) = windows.next_into(&mut doc) {
            out.push(w.first_paragraph..w.first_paragraph + doc.paragraphs.len());
        }
        out
    }

    #[test]
    fn windows_cover_the_paragraphs_in_order() {
        let text = "One a. One b.\n\nTwo a.\n\nThree a. Three b.\n\nFour.";
        assert_eq!(windows(text, 1 << 20), vec![(0..4)]);
        assert_eq!(windows(text, 9), [0..1, 1..3, 3..4]);
        // Paragraphs longer than twice the window are cut between sentences.
        assert_eq!(windows(text, 1), [0..1, 0..1, 1..2, 2..3, 2..3, 3..4]);
        assert_eq!(windows(text, 14), [0..2, 2..3, 3..4]);
        let mut stream = Windows::new(text, 14);
        let mut w = Document::default();
        let at = |first_paragraph, start| {
            Some(Window {
                first_paragraph,
                start,
            })
        };
        assert_eq!(stream.next_into(&mut w), at(0, 0));
        assert_eq!(stream.next_into(&mut w), at(2, 23));
        assert_eq!(w.paragraphs, segment(text).paragraphs[2..3]);
        assert_eq!(texts(text, &w), ["Three a.", "Three b."]);
        assert_eq!(w.sentences_in(0), 0..2);
        assert_eq!(stream.next_into(&mut w), at(3, 42));
        assert_eq!(texts(text, &w), ["Four."]);
        assert_eq!(w.sentences_in(0), 0..1);
        assert_eq!(stream.next_into(&mut w), None);
        assert_eq!(stream.paragraphs_seen(), 4);
    }

    #[test]
    fn windows_keep_a_quote_running_over_paragraphs_together() {
        let text = "He said: “The first part.\n\n“The second part.”\n\nAfter.";
        // Cutting at every paragraph, except before the one opening a quote.
        assert_eq!(windows(text, 20), [0..2, 2..3]);
        // Unless the window would be twice as long.
        assert_eq!(windows(text, 10), [0..1, 1..2, 2..3]);
    }

    #[test]
    fn windows_of_an_empty_body() {
        assert_eq!(windows("", 10), vec![(0..0)]);
        assert_eq!(windows("Only A Headline", 10), vec![(0..1)]);
    }

    /// Window after window, the sentences and paragraphs are those of the
    /// whole text, on every fixture and window size, header included; the
    /// parts of a long paragraph join up to it.
    #[test]
    fn windows_are_the_whole_text_cut() {
        for text in crate::annotate::fixture_texts() {
            let whole = segment(&text);
            for bytes in [1, 40, 300, 5000] {
                let mut stream = Windows::new(&text, bytes);
                assert_eq!(stream.header().title, whole.title);
                assert_eq!(stream.header().dateline, whole.dateline);
                let (mut paragraphs, mut sentences) = (Vec::<Range<usize>>::new(), Vec::new());
                let mut w = Document::default();
                while let Some(Window {
                    first_paragraph: first,
                    start,
                }) = stream.next_into(&mut w)
                {
                    assert_eq!((&w.title, &w.byline), (&whole.title, &whole.byline));
                    assert_eq!(
                        start,
                        if sentences.is_empty() {
                            0
                        } else {
                            w.paragraphs[0].start
                        }
                    );
                    sentences.extend(w.sentences.iter().map(|s| SentenceSpan {
                        range: s.range.clone(),
                        paragraph: s.paragraph + first,
                    }));
                    for (i, p) in w.paragraphs.iter().enumerate() {
                        if first + i < paragraphs.len() {
                            // The next part of a long paragraph.
                            assert_eq!(w.paragraphs.len(), 1);
                            assert_eq!(p.start, w.sentences[0].range.start);
                            assert!(paragraphs[first + i].end <= p.start);
                            paragraphs[first + i].end = p.end;
                        } else {
                            assert_eq!(first + i, paragraphs.len());
                            paragraphs.push(p.clone());
                        }
                    }
                }
                assert_eq!(paragraphs, whole.paragraphs, "{bytes}");
                assert_eq!(sentences, whole.sentences, "{bytes}");
                assert_eq!(stream.paragraphs_seen(), whole.paragraphs.len());
            }
        }
    }

    #[test]
    fn a_long_paragraph_is_cut_between_sentences() {
        let text = "Short one.\n\nAa bb. Cc dd. Ee ff. Gg hh. Ii jj.\n\nLast.";
        let mut stream = Windows::new(text, 10);
        let mut w = Document::default();
        let mut parts = Vec::new();
        while let Some(at) = stream.next_into(&mut w) {
            parts.push((at, texts(text, &w), &text[w.paragraphs[0].clone()]));
        }
        let long = |start| Window {
            first_paragraph: 1,
            start,
        };
        assert_eq!(
            parts,
            [
                (
                    Window {
                        first_paragraph: 0,
                        start: 0
                    },
                    vec!["Short one."],
                    "Short one."
                ),
                (long(12), vec!["Aa bb.", "Cc dd."], "Aa bb. Cc dd."),
                (long(26), vec!["Ee ff.", "Gg hh."], "Ee ff. Gg hh."),
                (long(40), vec!["Ii jj."], "Ii jj."),
                (
                    Window {
                        first_paragraph: 2,
                        start: 48
                    },
                    vec!["Last."],
                    "Last."
                ),
            ]
        );
        assert_eq!(stream.paragraphs_seen(), 3);
    }
}
