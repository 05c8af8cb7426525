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

    /// Splits the body into windows of whole paragraphs of at least `bytes`
    /// bytes each (the last may be shorter), for analysing a very long text
    /// piece by piece. A window never ends just before a paragraph that
    /// opens with a quotation mark (the next paragraph of a quote running
    /// over several), unless that would make it twice as long.
    pub fn windows(&self, text: &str, bytes: usize) -> Vec<Range<usize>> {
        let bytes = bytes.max(1);
        let mut out = Vec::new();
        let mut first = 0;
        for (p, para) in self.paragraphs.iter().enumerate() {
            let size = para.end - self.paragraphs[first].start;
            let next_opens_quote = self.paragraphs.get(p + 1).is_some_and(|next| {
                text[next.clone()].starts_with(['"', '“', '„', '«', '‘', '\''])
            });
            if size >= bytes && (!next_opens_quote || size >= 2 * bytes) {
                out.push(first..p + 1);
                first = p + 1;
            }
        }
        if first < self.paragraphs.len() || out.is_empty() {
            out.push(first..self.paragraphs.len());
        }
        out
    }

    /// The part of the document in the body paragraphs `paragraphs`, with
    /// paragraph numbers counted from the window's first; title, byline and
    /// dateline are kept. Ranges still index into the whole text.
    pub fn window(&self, paragraphs: Range<usize>) -> Document {
        let p0 = paragraphs.start;
        let first = self.sentences.partition_point(|s| s.paragraph < p0);
        let last = self
            .sentences
            .partition_point(|s| s.paragraph < paragraphs.end);
        Document {
            title: self.title.clone(),
            byline: self.byline.clone(),
            dateline: self.dateline.clone(),
            paragraphs: self.paragraphs[paragraphs].to_vec(),
            sentences: self.sentences[first..last]
                .iter()
                .map(|s| SentenceSpan {
                    range: s.range.clone(),
                    paragraph: s.paragraph - p0,
                })
                .collect(),
        }
    }
}

/// Splits `text` into its structure and sentences.
pub fn segment(text: &str) -> Document {
    let layout = structure::layout(text);
    // About one sentence per 75 bytes of news text.
    let mut sentences = Vec::with_capacity(text.len() / 64);
    let mut splitter = sentences::Splitter::default();
    for (p, para) in layout.paragraphs.iter().enumerate() {
        let start = match &layout.dateline {
            Some(d) if d.start >= para.range.start && d.end <= para.range.end => d.end,
            _ => para.range.start,
        };
        splitter.split(text, start..para.range.end, &para.hard_breaks, |range| {
            sentences.push(SentenceSpan {
                range,
                paragraph: p,
            })
        });
    }
    Document {
        title: layout.title,
        byline: layout.byline,
        dateline: layout.dateline,
        paragraphs: layout.paragraphs.into_iter().map(|p| p.range).collect(),
        sentences,
    }
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

    #[test]
    fn windows_cover_the_paragraphs_in_order() {
        let text = "One a. One b.\n\nTwo a.\n\nThree a. Three b.\n\nFour.";
        let doc = segment(text);
        assert_eq!(doc.windows(text, 1 << 20), vec![(0..4)]);
        assert_eq!(doc.windows(text, 1), [0..1, 1..2, 2..3, 3..4]);
        assert_eq!(doc.windows(text, 14), [0..2, 2..3, 3..4]);
        let w = doc.window(2..4);
        assert_eq!(w.paragraphs, doc.paragraphs[2..4]);
        assert_eq!(texts(text, &w), ["Three a.", "Three b.", "Four."]);
        assert_eq!(w.sentences_in(0), 0..2);
        assert_eq!(w.sentences_in(1), 2..3);
    }

    #[test]
    fn windows_keep_a_quote_running_over_paragraphs_together() {
        let text = "He said: “The first part.\n\n“The second part.”\n\nAfter.";
        let doc = segment(text);
        // Cutting at every paragraph, except before the one opening a quote.
        assert_eq!(doc.windows(text, 20), [0..2, 2..3]);
        // Unless the window would be twice as long.
        assert_eq!(doc.windows(text, 10), [0..1, 1..2, 2..3]);
    }

    #[test]
    fn windows_of_an_empty_body() {
        let doc = segment("");
        assert_eq!(doc.windows("", 10), vec![(0..0)]);
    }
}
