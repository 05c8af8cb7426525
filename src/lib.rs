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

use report::{Report, Sentence, SourceInfo, Summary, Tool};
use span::{CharMap, Span};
use std::borrow::Cow;

/// Settings of one analysis.
#[derive(Debug, Clone)]
pub struct Options {
    /// Summed editorial weight at which a sentence is labelled editorial.
    pub editorial_threshold: f32,
    /// The editorial lexicon; `None` = the built-in lists
    /// (see [`annotate::editorial::Lexicon::with_user_file`] for `--lexicon`).
    pub lexicon: Option<std::sync::Arc<annotate::editorial::Lexicon>>,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            editorial_threshold: annotate::editorial::DEFAULT_THRESHOLD,
            lexicon: None,
        }
    }
}

/// Analyses an input that [`reader::load`] prepared, and records its
/// format in `source`: for HTML and markdown, `source.offsets` is
/// `"extracted"` and `source.extracted_text` holds the analysed text that
/// every offset indexes into.
pub fn analyze_loaded<'a>(loaded: &'a reader::Loaded, options: &Options) -> Report<'a> {
    let mut report = analyze(&loaded.text, options);
    report.source.name = Cow::Borrowed(&loaded.name);
    report.source.format = loaded.format.as_str();
    if loaded.is_extracted() {
        report.source.offsets = "extracted";
        report.source.extracted_text = Some(&loaded.text);
    }
    report.source.published = loaded.published.as_deref().map(Cow::Borrowed);
    report
}

/// The segmenter's sentences as report sentences with no annotation yet.
pub fn unannotated_sentences<'a>(text: &'a str, doc: &segment::Document) -> Vec<Sentence<'a>> {
    doc.sentences
        .iter()
        .enumerate()
        .map(|(i, s)| {
            Sentence::new(
                i,
                s.paragraph,
                Span::bytes(s.range.clone()),
                &text[s.range.clone()],
            )
        })
        .collect()
}

/// Analyses one article. Offsets in the report index into `text`.
pub fn analyze<'a>(text: &'a str, options: &Options) -> Report<'a> {
    let doc = segment::segment(text);
    let mut sentences = unannotated_sentences(text, &doc);
    let cx = annotate::Context {
        text,
        doc: &doc,
        options,
    };
    annotate::annotate(&cx, &mut sentences);
    let map = CharMap::new(text);
    for s in &mut sentences {
        s.fill_chars(&map);
    }
    let piece = |r: &Option<std::ops::Range<usize>>| r.as_ref().map(|r| &text[r.clone()]);
    let span = |r: &Option<std::ops::Range<usize>>| r.as_ref().map(|r| map.span(r.clone()));
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
        summary: Summary::build(doc.paragraphs.len(), &sentences),
        sentences,
    }
}
