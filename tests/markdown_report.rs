//! `--format markdown`: the summary of a hand-labelled fixture is
//! snapshot-tested; article text can neither inject HTML nor Markdown.

#[path = "support/report_fixture.rs"]
mod fixture;

use presslens::report::{Report, markdown};

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

#[test]
fn hostile_text_stays_text() {
    let out = md(&fixture::hostile(), Some(&["<img src=x> gate".to_string()]));
    // No raw HTML survives: every `<` is escaped.
    for (i, _) in out.match_indices('<') {
        assert_eq!(&out[i - 1..i], "\\", "unescaped < in {out}");
    }
    assert!(out.contains("### presslens: \\<script\\>alert(1)\\</script\\> News\\</style\\>"));
    // Table rows stay one line each, with escaped pipes.
    for line in out.lines().filter(|l| l.starts_with('|')) {
        assert!(line.ends_with('|'), "{line}");
    }
}

#[test]
fn empty_report() {
    let report = presslens::analyze("", &presslens::Options::default());
    let out = md(&report, None);
    assert!(out.contains("0 sentences in 0 paragraphs"));
    assert!(out.contains("**Sources:** none found."));
}
