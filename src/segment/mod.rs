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

/// A text's segmentation read a window of whole paragraphs at a time, for
/// analysing a long text piece by piece: only one window's paragraphs and
/// sentences are held at once, and each is split just before it is used.
///
/// A window holds paragraphs of at least `bytes` bytes together (the last
/// may be shorter). It never ends just before a paragraph that opens with a
/// quotation mark (the next paragraph of a quote running over several),
/// unless that would make it twice as long. A text without paragraphs is
/// one empty window.
pub struct Windows<'t> {
    text: &'t str,
    header: Document,
    paragraphs: std::iter::Peekable<structure::Paragraphs<'t>>,
    splitter: sentences::Splitter,
    bytes: usize,
    /// Paragraphs handed out so far.
    seen: usize,
    started: bool,
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
            seen: 0,
            started: false,
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

    /// Fills `doc` with the next window (reusing its vectors) and returns
    /// the number of its first paragraph in the whole text; `None` after
    /// the last. In `doc`, paragraphs are numbered from the window's first;
    /// ranges index into the whole text; title, byline and dateline are
    /// the text's.
    pub fn next_into(&mut self, doc: &mut Document) -> Option<usize> {
        let first = self.seen;
        doc.title.clone_from(&self.header.title);
        doc.byline.clone_from(&self.header.byline);
        doc.dateline.clone_from(&self.header.dateline);
        doc.paragraphs.clear();
        doc.sentences.clear();
        let text = self.text;
        while let Some(para) = self.paragraphs.next() {
            let p = doc.paragraphs.len();
            // The dateline is not part of its paragraph's first sentence.
            let start = match &self.header.dateline {
                Some(d) if d.start >= para.range.start && d.end <= para.range.end => d.end,
                _ => para.range.start,
            };
            let sentences = &mut doc.sentences;
            self.splitter
                .split(text, start..para.range.end, &para.hard_breaks, |range| {
                    sentences.push(SentenceSpan {
                        range,
                        paragraph: p,
                    })
                });
            doc.paragraphs.push(para.range);
            self.seen += 1;
            let size = doc.paragraphs[p].end - doc.paragraphs[0].start;
            if size >= self.bytes {
                let next_opens_quote = self.paragraphs.peek().is_some_and(|next| {
                    text[next.range.clone()].starts_with(['"', '“', '„', '«', '‘', '\''])
                });
                if !next_opens_quote || size >= 2 * self.bytes {
                    break;
                }
            }
        }
        if doc.paragraphs.is_empty() && self.started {
            return None;
        }
        self.started = true;
        Some(first)
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
        while let Some(first) = windows.next_into(&mut doc) {
            out.push(first..first + doc.paragraphs.len());
        }
        out
    }

    #[test]
    fn windows_cover_the_paragraphs_in_order() {
        let text = "One a. One b.\n\nTwo a.\n\nThree a. Three b.\n\nFour.";
        assert_eq!(windows(text, 1 << 20), vec![(0..4)]);
        assert_eq!(windows(text, 1), [0..1, 1..2, 2..3, 3..4]);
        assert_eq!(windows(text, 14), [0..2, 2..3, 3..4]);
        let mut stream = Windows::new(text, 14);
        let mut w = Document::default();
        assert_eq!(stream.next_into(&mut w), Some(0));
        assert_eq!(stream.next_into(&mut w), Some(2));
        assert_eq!(w.paragraphs, segment(text).paragraphs[2..3]);
        assert_eq!(texts(text, &w), ["Three a.", "Three b."]);
        assert_eq!(w.sentences_in(0), 0..2);
        assert_eq!(stream.next_into(&mut w), Some(3));
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
    /// whole text, on every fixture and window size, header included.
    #[test]
    fn windows_are_the_whole_text_cut() {
        for text in crate::annotate::fixture_texts() {
            let whole = segment(&text);
            for bytes in [1, 300, 5000] {
                let mut stream = Windows::new(&text, bytes);
                assert_eq!(stream.header().title, whole.title);
                assert_eq!(stream.header().dateline, whole.dateline);
                let (mut paragraphs, mut sentences) = (Vec::new(), Vec::new());
                let mut w = Document::default();
                while let Some(first) = stream.next_into(&mut w) {
                    assert_eq!(first, paragraphs.len());
                    assert_eq!((&w.title, &w.byline), (&whole.title, &whole.byline));
                    sentences.extend(w.sentences.iter().map(|s| SentenceSpan {
                        range: s.range.clone(),
                        paragraph: s.paragraph + first,
                    }));
                    paragraphs.extend(w.paragraphs.iter().cloned());
                }
                assert_eq!(paragraphs, whole.paragraphs);
                assert_eq!(sentences, whole.sentences);
                assert_eq!(stream.paragraphs_seen(), whole.paragraphs.len());
            }
        }
    }
}
