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

/// Splits `text` into its structure and sentences.
pub fn segment(text: &str) -> Document {
    let layout = structure::layout(text);
    let mut sentences = Vec::new();
    for (p, para) in layout.paragraphs.iter().enumerate() {
        let start = match &layout.dateline {
            Some(d) if d.start >= para.range.start && d.end <= para.range.end => d.end,
            _ => para.range.start,
        };
        for range in split_sentences(text, start..para.range.end, &para.hard_breaks) {
            sentences.push(SentenceSpan {
                range,
                paragraph: p,
            });
        }
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
}
