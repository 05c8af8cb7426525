//! direct_quote: quotations, their speakers and cues (GUIDE §3).

use super::Context;
use crate::report::Sentence;
use std::ops::Range;

/// Where quoted material lies, for the detectors that run after quotes.
#[derive(Debug, Default, Clone)]
pub struct QuoteMap {
    /// Byte ranges of quoted text, marks included, sorted and disjoint: words
    /// inside are the speaker's, never the writer's (scare quotes and titles
    /// of works included).
    pub quoted: Vec<Range<usize>>,
    /// Scare quotes (1–3 words, no speaker, no cue): editorial evidence.
    pub scare: Vec<Range<usize>>,
}

impl QuoteMap {
    /// True when `pos` lies inside quoted material.
    pub fn is_quoted(&self, pos: usize) -> bool {
        let i = self.quoted.partition_point(|r| r.end <= pos);
        self.quoted.get(i).is_some_and(|r| r.start <= pos)
    }
}

/// Placeholder until the quote detector lands: pairs double quotation
/// marks inside each paragraph so later detectors can mask quoted words.
pub fn detect<'a>(cx: &Context<'a, '_>, _sentences: &mut [Sentence<'a>]) -> QuoteMap {
    let mut map = QuoteMap::default();
    for para in &cx.doc.paragraphs {
        let mut open: Option<usize> = None;
        for (i, c) in cx.text[para.clone()].char_indices() {
            let at = para.start + i;
            match (c, open) {
                ('“' | '«' | '„', None) => open = Some(at),
                ('"', None) => open = Some(at),
                ('”' | '»' | '"', Some(s)) | ('“', Some(s)) if c != '“' || cx.text[s..].starts_with('„') => {
                    map.quoted.push(s..at + c.len_utf8());
                    open = None;
                }
                _ => {}
            }
        }
        if let Some(s) = open {
            map.quoted.push(s..para.end);
        }
    }
    map
}
