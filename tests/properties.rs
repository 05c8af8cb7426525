//! Property tests: for any text, `analyze` never panics, sentences are
//! ordered, disjoint, on char boundaries and cover every visible byte outside
//! title, byline and dateline, every span's text is its input slice, and the
//! output is deterministic.

use presslens::report::Report;
use presslens::span::Span;
use presslens::{Options, analyze};
use proptest::prelude::*;

fn check_span(text: &str, span: &Span, want: &str, what: &str) {
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
        text[..span.start].chars().count(),
        span.char_start,
        "{what} char_start"
    );
    assert_eq!(
        text[..span.end].chars().count(),
        span.char_end,
        "{what} char_end"
    );
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}'
}

/// Every invariant a report must keep, whatever the input.
pub fn check_invariants(text: &str, report: &Report) {
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
            check_span(text, span, piece, "header");
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
        check_span(text, &s.span, s.text, "sentence");
        assert_eq!(
            s.text.trim_matches(is_space),
            s.text,
            "sentence not trimmed"
        );
        mark(&s.span);
        for e in &s.evidence {
            check_span(text, &e.span, e.text, "evidence");
        }
        for q in &s.quotes {
            check_span(text, &q.span, q.text, "quote");
        }
        for q in &s.quantities {
            check_span(text, &q.span, q.text, "quantity");
        }
        for m in &s.sources {
            check_span(text, &m.span, m.text, "source");
        }
    }
    for (i, c) in text.char_indices() {
        if !is_space(c) {
            assert!(covered[i], "byte {i} ({c:?}) not covered");
        }
    }
    assert_eq!(report.summary.sentences, report.sentences.len());
}

fn news_token() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("The".to_string()),
        Just("council".to_string()),
        Just("said".to_string()),
        Just("Mr.".to_string()),
        Just("U.S.".to_string()),
        Just("Joseph R. Biden, Jr.".to_string()),
        Just("41,000".to_string()),
        Just("$4.5 million".to_string()),
        Just("12%".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        Just("\"".to_string()),
        Just("‘".to_string()),
        Just("’s".to_string()),
        Just("'90s".to_string()),
        Just("«".to_string()),
        Just("»".to_string()),
        Just(".".to_string()),
        Just("?".to_string()),
        Just("!".to_string()),
        Just("...".to_string()),
        Just(" — ".to_string()),
        Just("(".to_string()),
        Just(")".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just("\r\n".to_string()),
        Just("\r".to_string()),
        Just("- ".to_string()),
        Just("WASHINGTON (AP) — ".to_string()),
        Just("By Jane Doe".to_string()),
        Just("according to".to_string()),
        Just("reportedly".to_string()),
        Just("so-called".to_string()),
        Just("we".to_string()),
        Just("\u{feff}".to_string()),
        Just("é😀\u{301}".to_string()),
        Just("\u{202e}שלום".to_string()),
        "[a-zA-Z]{1,8}",
        "[0-9]{1,6}",
        any::<char>().prop_map(|c| c.to_string()),
    ]
}

fn news_text() -> impl Strategy<Value = String> {
    prop::collection::vec(news_token(), 0..80).prop_map(|tokens| {
        let mut s = String::new();
        for t in tokens {
            if !s.is_empty() && !s.ends_with(char::is_whitespace) && fastrand_space(&t) {
                s.push(' ');
            }
            s.push_str(&t);
        }
        s
    })
}

/// Deterministic spacing: letters and digits get a space before them.
fn fastrand_space(token: &str) -> bool {
    token.chars().next().is_some_and(char::is_alphanumeric)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn arbitrary_unicode_keeps_invariants(text in any::<String>()) {
        let report = analyze(&text, &Options::default());
        check_invariants(&text, &report);
    }

    #[test]
    fn news_like_text_keeps_invariants(text in news_text()) {
        let options = Options::default();
        let report = analyze(&text, &options);
        check_invariants(&text, &report);
        let again = analyze(&text, &options);
        prop_assert_eq!(
            serde_json::to_string(&report).unwrap(),
            serde_json::to_string(&again).unwrap()
        );
    }
}
