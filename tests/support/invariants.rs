//! The invariants every report keeps, whatever the input: shared by
//! tests/properties.rs, tests/pathological.rs and tests/regressions.rs
//! (`#[path = "support/invariants.rs"] mod invariants;`).
#![allow(dead_code)]

use presslens::report::Report;
use presslens::span::Span;
use presslens::{Options, analyze};

/// Chars before each byte offset (for offsets on a char boundary), built
/// once so that checking a span costs O(1) and a large input stays linear.
fn char_index(text: &str) -> Vec<u32> {
    let mut index = vec![0u32; text.len() + 1];
    let mut n = 0u32;
    for (i, _) in text.char_indices() {
        index[i] = n;
        n += 1;
    }
    index[text.len()] = n;
    index
}

fn check_span(text: &str, chars: &[u32], span: &Span, want: &str, what: &str) {
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{what}: {span:?}"
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what}: {span:?}"
    );
    assert_eq!(&text[span.start..span.end], want, "{what}");
    assert_eq!(
        chars[span.start] as usize, span.char_start,
        "{what} char_start"
    );
    assert_eq!(chars[span.end] as usize, span.char_end, "{what} char_end");
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}'
}

/// Every invariant a report must keep, whatever the input.
pub fn check_invariants(text: &str, report: &Report) {
    let chars = char_index(text);
    let mut covered = vec![false; text.len()];
    let mut mark = |span: &Span| {
        for b in &mut covered[span.start..span.end] {
            assert!(!*b, "byte covered twice");
            *b = true;
        }
    };
    for (span, piece) in [
        (&report.title_span, report.title),
        (&report.byline_span, report.byline),
        (&report.dateline_span, report.dateline),
    ] {
        if let (Some(span), Some(piece)) = (span, piece) {
            check_span(text, &chars, span, piece, "header");
            mark(span);
        }
    }
    let mut last_end = 0;
    for (i, s) in report.sentences.iter().enumerate() {
        assert_eq!(s.index, i);
        assert!(
            s.span.start >= last_end,
            "sentences overlap or are out of order"
        );
        last_end = s.span.end;
        check_span(text, &chars, &s.span, s.text, "sentence");
        assert_eq!(
            s.text.trim_matches(is_space),
            s.text,
            "sentence not trimmed"
        );
        mark(&s.span);
        for e in &s.evidence {
            check_span(text, &chars, &e.span, e.text, "evidence");
        }
        for q in &s.quotes {
            check_span(text, &chars, &q.span, q.text, "quote");
            for (span, piece, what) in [
                (&q.speaker_span, q.speaker, "speaker"),
                (&q.cue_span, q.cue, "cue"),
            ] {
                if let (Some(span), Some(piece)) = (span, piece) {
                    check_span(text, &chars, span, piece, what);
                }
            }
        }
        for q in &s.quantities {
            check_span(text, &chars, &q.span, q.text, "quantity");
        }
        for m in &s.sources {
            check_span(text, &chars, &m.span, m.text, "source");
        }
    }
    for (i, c) in text.char_indices() {
        if !is_space(c) {
            assert!(covered[i], "byte {i} ({c:?}) not covered");
        }
    }
    assert_eq!(report.summary.sentences, report.sentences.len());
}

/// Analyses `text` twice, checks the invariants and that both runs give the
/// same JSON; returns the report's JSON for further assertions.
pub fn analyze_checked(text: &str) -> serde_json::Value {
    let options = Options::default();
    let report = analyze(text, &options);
    check_invariants(text, &report);
    let json = serde_json::to_value(&report).unwrap();
    assert_eq!(
        json,
        serde_json::to_value(analyze(text, &options)).unwrap(),
        "output differs between two runs"
    );
    json
}
