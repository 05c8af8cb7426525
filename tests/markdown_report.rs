//! `--format markdown`: the summary of a hand-labelled fixture is
//! snapshot-tested; article text can neither inject HTML nor Markdown.

#[path = "support/report_fixture.rs"]
mod fixture;

use presslens::report::{Report, markdown};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

fn md(report: &Report, gates: Option<&[String]>) -> String {
    let mut out = Vec::new();
    markdown::write(&mut out, report, gates).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn labelled_fixture_snapshot() {
    let gates = vec![
        "editorial ratio 0.29 > 0.20".to_string(),
        "unsourced statistics 1 > 0".to_string(),
    ];
    insta::assert_snapshot!(md(&fixture::labelled(), Some(&gates)));
}

#[test]
fn gates_section_only_when_gates_were_evaluated() {
    let report = fixture::labelled();
    assert!(!md(&report, None).contains("Gates"));
    assert!(md(&report, Some(&[])).contains("**Gates:** all passed."));
}

/// Parses `md` as GitHub-flavoured Markdown (tables, strikethrough, math).
fn events(md: &str) -> Vec<Event<'_>> {
    let opts = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_MATH;
    Parser::new_ext(md, opts).collect()
}

#[test]
fn hostile_text_stays_text() {
    let report = fixture::hostile();
    let out = md(&report, Some(&["<img src=x> gate".to_string()]));
    let evs = events(&out);
    for e in &evs {
        match e {
            Event::Html(_) | Event::InlineHtml(_) => panic!("raw HTML: {e:?}\n{out}"),
            Event::InlineMath(_) | Event::DisplayMath(_) => panic!("math: {e:?}\n{out}"),
            Event::Code(c) if c.contains("code") => panic!("code span from article text: {e:?}"),
            Event::Start(
                Tag::Link { .. } | Tag::Image { .. } | Tag::Emphasis | Tag::Strikethrough,
            ) => {
                panic!("markup from article text: {e:?}\n{out}")
            }
            _ => {}
        }
    }
    // The headline reads back as the article's title, as text.
    let mut in_heading = false;
    let mut heading = String::new();
    for e in &evs {
        match e {
            Event::Start(Tag::Heading { .. }) => in_heading = true,
            Event::End(TagEnd::Heading(_)) => in_heading = false,
            Event::Text(t) if in_heading => heading.push_str(t),
            _ => {}
        }
    }
    assert_eq!(heading, format!("presslens: {}", report.title.unwrap()));
    // Two tables (counts, sources), their rows intact despite the `|` in names.
    let tables = evs
        .iter()
        .filter(|e| matches!(e, Event::Start(Tag::Table(_))))
        .count();
    assert_eq!(tables, 2);
    let rows = evs
        .iter()
        .filter(|e| matches!(e, Event::Start(Tag::TableRow)))
        .count();
    assert_eq!(rows, 5 + report.summary.sources.len());
    // An @-handle cannot mention anyone.
    assert!(!out.contains("@octocat") && out.contains("@\u{2060}octocat"));
}

#[test]
fn fixture_markdown_has_no_raw_html() {
    let out = md(&fixture::labelled(), Some(&[]));
    assert!(
        events(&out)
            .iter()
            .all(|e| !matches!(e, Event::Html(_) | Event::InlineHtml(_)))
    );
}

#[test]
fn empty_report() {
    let report = presslens::analyze("", &presslens::Options::default());
    let out = md(&report, None);
    assert!(out.starts_with("### presslens: standard input\n"), "{out}");
    assert!(out.contains("0 sentences in 0 paragraphs"));
    assert!(out.contains("**Sources:** none found."));
}
