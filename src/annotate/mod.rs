//! Annotation: one detector per label (GUIDE §3), run in a fixed order.
//!
//! 1. [`quote`] finds quotations at paragraph level and maps them onto
//!    sentences; its [`QuoteMap`] tells the later detectors which bytes are
//!    someone else's words.
//! 2. [`claim`] finds indirect speech and hedges, and the sources behind them;
//!    then [`quote::resolve_pronouns`] resolves `he`/`she` as quote speakers
//!    and claim sources in one reading of the text.
//! 3. [`statistic`] finds quantities (and uses the sources to tell sourced
//!    from unsourced numbers).
//! 4. [`editorial`] weighs the writer's own evaluative language, outside quotes.
//!
//! Each detector pushes [`Evidence`](crate::report::Evidence) onto the
//! sentences and adds its label; `primary` is chosen last.

pub mod claim;
pub mod editorial;
pub mod quote;
pub mod sources;
pub mod statistic;
pub mod word;

use crate::Options;
use crate::report::Sentence;
use crate::segment::Document;
pub use quote::QuoteMap;

/// What every detector may look at.
pub struct Context<'a, 'c> {
    /// The whole analysed text; all ranges index into it.
    pub text: &'a str,
    /// Where the part of `text` being annotated starts: 0 for a whole text,
    /// the first paragraph's start for a later window (see [`crate::Analysis`]).
    /// Nothing before it is read.
    pub start: usize,
    pub doc: &'c Document,
    pub options: &'c Options,
}

/// Runs every detector over the sentences of `cx.doc`.
pub fn annotate<'a>(cx: &Context<'a, '_>, sentences: &mut [Sentence<'a>]) {
    let quotes = quote::detect(cx, sentences);
    claim::detect(cx, sentences, &quotes);
    quote::resolve_pronouns(cx, sentences, &quotes);
    statistic::detect(cx, sentences);
    editorial::detect(cx, sentences, &quotes);
    for s in sentences.iter_mut() {
        s.choose_primary();
    }
}

/// Runs `f` with a context for `text` and default options: for tests of one
/// detector fed by hand-made output of the earlier ones.
#[cfg(test)]
pub(crate) fn with_context<'a, R>(text: &'a str, f: impl FnOnce(&Context<'a, '_>) -> R) -> R {
    let doc = crate::segment::segment(text);
    let options = Options::default();
    f(&Context {
        text,
        start: 0,
        doc: &doc,
        options: &options,
    })
}

/// The text of every file under `fixtures/` that is UTF-8: inputs for tests
/// that compare a fast path with the plain rule.
#[cfg(test)]
pub(crate) fn fixture_texts() -> Vec<String> {
    fn walk(dir: &std::path::Path, out: &mut Vec<String>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let path = e.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if let Ok(text) = std::fs::read_to_string(&path) {
                out.push(text);
            }
        }
    }
    let mut out = Vec::new();
    walk(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures"),
        &mut out,
    );
    out
}
