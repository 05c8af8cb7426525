//! presslens: a fast, explainable analyzer for news articles.
//!
//! The data flows through four stages, one module each:
//! [`reader`] (bytes to text) → [`segment`] (title, paragraphs, sentences)
//! → [`annotate`] (one detector per label) → [`report`] (the result and its
//! renderers). The library does no I/O of its own beyond [`reader`]:
//!
//! ```
//! let report = presslens::analyze("Prices rose 5% in May, the bureau said.", &presslens::Options::default());
//! assert_eq!(report.sentences.len(), 1);
//! ```
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod annotate;
pub mod batch;
pub mod gates;
pub mod reader;
pub mod report;
pub mod segment;
pub mod span;

use report::{Report, Sentence, SourceInfo, Summary, SummaryBuilder, Tool};
use span::{CharMap, Span};
use std::borrow::Cow;
use std::convert::Infallible;

/// Settings of one analysis.
#[derive(Debug, Clone)]
pub struct Options {
    /// Summed editorial weight at which a sentence is labelled editorial.
    pub editorial_threshold: f32,
    /// The editorial lexicon; `None` = the built-in lists
    /// (see [`annotate::editorial::Lexicon::with_user_file`] for `--lexicon`).
    pub lexicon: Option<std::sync::Arc<annotate::editorial::Lexicon>>,
    /// A text is segmented and annotated in windows of whole paragraphs of
    /// about this many bytes (see [`Analysis`]; a paragraph longer than two
    /// windows is cut between sentences); an article is far shorter, and is
    /// one window.
    pub window: usize,
}

/// The default [`Options::window`]: 512 KiB, some sixty long articles. A
/// larger window is faster, up to a point: on the 50 MB bench corpus 128 KiB
/// took 15% more CPU (each detector warms its tables once per window, we
/// think) and 4 MiB 30% more (a window no longer fits the cache). Memory
/// grows with it: 512 KiB keeps every memory target of docs/performance.md.
pub const DEFAULT_WINDOW: usize = 1 << 19;

impl Default for Options {
    fn default() -> Options {
        Options {
            editorial_threshold: annotate::editorial::DEFAULT_THRESHOLD,
            lexicon: None,
            window: DEFAULT_WINDOW,
        }
    }
}

/// Analyses an input that [`reader::load`] prepared, and records how it was
/// read in `source` (see [`Report::describe_source`]).
pub fn analyze_loaded<'a>(loaded: &'a reader::Loaded, options: &Options) -> Report<'a> {
    let mut report = analyze(&loaded.text, options);
    report.describe_source(loaded);
    report
}

/// The segmenter's sentences as report sentences with no annotation yet.
pub fn unannotated_sentences<'a>(text: &'a str, doc: &segment::Document) -> Vec<Sentence<'a>> {
    let mut sentences = Vec::new();
    refill_unannotated(&mut sentences, text, doc);
    sentences
}

/// [`unannotated_sentences`] into `sentences`, reusing the sentences (and
/// the vectors inside them) already there: a long text's windows then
/// allocate nothing per sentence after the first.
fn refill_unannotated<'a>(
    sentences: &mut Vec<Sentence<'a>>,
    text: &'a str,
    doc: &segment::Document,
) {
    sentences.truncate(doc.sentences.len());
    let reused = sentences.len();
    for (i, (sentence, s)) in sentences.iter_mut().zip(&doc.sentences).enumerate() {
        sentence.reset(
            i,
            s.paragraph,
            Span::bytes(s.range.clone()),
            &text[s.range.clone()],
        );
    }
    sentences.extend(doc.sentences[reused..].iter().enumerate().map(|(i, s)| {
        Sentence::new(
            reused + i,
            s.paragraph,
            Span::bytes(s.range.clone()),
            &text[s.range.clone()],
        )
    }));
}

/// Analyses one article. Offsets in the report index into `text`.
pub fn analyze<'a>(text: &'a str, options: &Options) -> Report<'a> {
    let analysis = Analysis::new(text, options);
    let mut report = analysis.head();
    (report.sentences, report.summary) = analysis.collect();
    report
}

/// One text's analysis, run window by window: what [`analyze`] does, for a
/// caller that writes each window's sentences out as they are done and so
/// never holds the whole report (the CLI, for one input in JSON or text).
///
/// A text longer than [`Options::window`] is segmented and annotated in
/// windows of whole paragraphs ([`segment::Windows`]), a paragraph longer
/// than two windows in parts cut between sentences; within a window nothing
/// changes, across a cut a pronoun cannot be resolved to a name in an
/// earlier window, nor a quotation paired with a mark in another window.
/// Sentence and paragraph numbers, offsets and the summary are those of the
/// whole text.
pub struct Analysis<'a, 'o> {
    text: &'a str,
    options: &'o Options,
    windows: segment::Windows<'a>,
}

impl<'a, 'o> Analysis<'a, 'o> {
    /// Finds the title, byline and dateline of `text`; its paragraphs are
    /// segmented and annotated a window at a time in [`Analysis::run`].
    pub fn new(text: &'a str, options: &'o Options) -> Analysis<'a, 'o> {
        Analysis {
            text,
            options,
            windows: segment::Windows::new(text, options.window),
        }
    }

    /// The report without its sentences and with an empty summary: the
    /// fields that come before `sentences`.
    pub fn head(&self) -> Report<'a> {
        let text = self.text;
        let piece = |r: &Option<std::ops::Range<usize>>| r.as_ref().map(|r| &text[r.clone()]);
        // Title, byline and dateline lie at the start: counting their chars
        // is cheaper than a char map of the whole text.
        let span = |r: &Option<std::ops::Range<usize>>| {
            r.as_ref().map(|r| {
                let mut span = Span::bytes(r.clone());
                span::Cursor::default().fill(text, &mut span);
                span
            })
        };
        let doc = self.windows.header();
        Report {
            schema_version: report::SCHEMA_VERSION,
            tool: Tool {
                name: env!("CARGO_PKG_NAME"),
                version: env!("CARGO_PKG_VERSION"),
            },
            source: SourceInfo {
                name: Cow::Borrowed("-"),
                bytes: text.len(),
                format: "text",
                offsets: "input",
                extracted_text: None,
                published: None,
            },
            title: piece(&doc.title),
            title_span: span(&doc.title),
            byline: piece(&doc.byline),
            byline_span: span(&doc.byline),
            dateline: piece(&doc.dateline),
            dateline_span: span(&doc.dateline),
            sentences: Vec::new(),
            summary: Summary::default(),
        }
    }

    /// Annotates the whole text and keeps every sentence, with the summary.
    pub fn collect(self) -> (Vec<Sentence<'a>>, Summary<'a>) {
        let mut sentences = Vec::new();
        let summary = self.run(|window| {
            if sentences.is_empty() {
                // The only window of an article: no copy.
                sentences = std::mem::take(window);
            } else {
                sentences.append(window);
            }
            Ok::<(), Infallible>(())
        });
        (sentences, summary.unwrap_or_else(|never| match never {}))
    }

    /// Annotates the whole text for its summary alone: each window's
    /// sentences are dropped as soon as they are counted.
    pub fn summary(self) -> Summary<'a> {
        let summary = self.run(|_| Ok::<(), Infallible>(()));
        summary.unwrap_or_else(|never| match never {})
    }

    /// Annotates the text window by window, hands each window's finished
    /// sentences to `each` in order, and returns the summary of them all.
    /// Stops at the first error of `each`. `each` may take the sentences
    /// out of the vector; those it leaves there are reused for the next
    /// window (cleared, keeping the room their vectors had).
    pub fn run<E>(
        self,
        each: impl FnMut(&mut Vec<Sentence<'a>>) -> Result<(), E>,
    ) -> Result<Summary<'a>, E> {
        self.run_with(|_| Ok(()), each)
    }

    /// [`Analysis::run`] a sentence at a time: `each` gets every sentence as
    /// soon as it is finished (char offsets filled, counted in the
    /// summary), while it is still in the cache from being finished: for a
    /// writer, one pass over a window's sentences instead of two.
    pub fn run_by_sentence<E>(
        self,
        each: impl FnMut(&Sentence<'a>) -> Result<(), E>,
    ) -> Result<Summary<'a>, E> {
        self.run_with(each, |_| Ok(()))
    }

    /// The window loop of [`Analysis::run`] and [`Analysis::run_by_sentence`]:
    /// `sentence` after each finished sentence, `finished` after each window.
    fn run_with<E>(
        self,
        mut sentence: impl FnMut(&Sentence<'a>) -> Result<(), E>,
        mut finished: impl FnMut(&mut Vec<Sentence<'a>>) -> Result<(), E>,
    ) -> Result<Summary<'a>, E> {
        let text = self.text;
        let map = CharMap::new(text);
        let mut cursor = span::Cursor::default();
        let mut summary = SummaryBuilder::default();
        let mut windows = self.windows;
        let mut doc = segment::Document::default();
        let mut sentences = Vec::new();
        while let Some(window) = windows.next_into(&mut doc) {
            let first_sentence = summary.sentences();
            let first_paragraph = window.first_paragraph;
            refill_unannotated(&mut sentences, text, &doc);
            let cx = annotate::Context {
                text,
                start: window.start,
                doc: &doc,
                options: self.options,
            };
            annotate::annotate(&cx, &mut sentences);
            for s in &mut sentences {
                s.index += first_sentence;
                s.paragraph += first_paragraph;
                s.fill_chars(&map, &mut cursor);
                summary.add(s);
                sentence(s)?;
            }
            finished(&mut sentences)?;
        }
        Ok(summary.finish(windows.paragraphs_seen()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every sentence that `run_by_sentence` hands out is finished (char
    /// offsets, index and paragraph of the whole text) and the same as in
    /// the report `analyze` builds, in order, window after window.
    #[test]
    fn sentence_by_sentence_is_the_report() {
        let text = "Storm Hits Coast\n\n\
            MIAMI (AP) — A storm hit the coast on Monday, officials said. “We are ready,” Mayor Ann Lee said.\n\n\
            About 40,000 homes lost power, the utility reported. The so-called plan is a disaster!\n\n\
            “It is the worst in years,” she added. Crews reportedly worked overnight.\n\n"
            .repeat(5);
        for window in [1, 200, DEFAULT_WINDOW] {
            let options = Options {
                window,
                ..Options::default()
            };
            let report = analyze(&text, &options);
            let mut seen = Vec::new();
            let summary = Analysis::new(&text, &options)
                .run_by_sentence(|s| {
                    seen.push(serde_json::to_value(s).unwrap());
                    Ok::<(), std::convert::Infallible>(())
                })
                .unwrap();
            let expected: Vec<_> = report
                .sentences
                .iter()
                .map(|s| serde_json::to_value(s).unwrap())
                .collect();
            assert_eq!(seen, expected, "window {window}");
            assert_eq!(
                serde_json::to_value(&summary).unwrap(),
                serde_json::to_value(&report.summary).unwrap()
            );
            assert!(seen.len() > 20);
        }
    }
}
