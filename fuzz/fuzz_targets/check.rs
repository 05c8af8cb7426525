//! The report invariants both fuzz targets assert (a lighter copy of
//! `check_invariants` in tests/properties.rs: no O(n) coverage bitmap per
//! span, so the fuzzer stays fast).

use presslens::report::Report;
use presslens::span::Span;

fn span(text: &str, span: &Span, want: &str) {
    assert!(span.start <= span.end && span.end <= text.len(), "{span:?}");
    assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
    assert_eq!(&text[span.start..span.end], want);
}

pub fn report(text: &str, report: &Report) {
    let mut last = 0;
    for (i, s) in report.sentences.iter().enumerate() {
        assert_eq!(s.index, i);
        assert!(
            s.span.start >= last,
            "sentences overlap or are out of order"
        );
        last = s.span.end;
        span(text, &s.span, s.text);
        for e in &s.evidence {
            span(text, &e.span, e.text);
        }
        for q in &s.quotes {
            span(text, &q.span, q.text);
        }
        for q in &s.quantities {
            span(text, &q.span, q.text);
        }
        for m in &s.sources {
            span(text, &m.span, m.text);
        }
    }
    for (sp, piece) in [
        (&report.title_span, report.title),
        (&report.byline_span, report.byline),
        (&report.dateline_span, report.dateline),
    ] {
        if let (Some(sp), Some(piece)) = (sp, piece) {
            span(text, sp, piece);
        }
    }
    serde_json::to_vec(report).unwrap();
}
