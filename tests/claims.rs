//! reported_claim fixtures (fixtures/claims/sentences.tsv) and the JSON the
//! binary writes for claims and their sources.

use assert_cmd::Command;
use presslens::report::{Label, SourceKind, SourceRole};

fn kind(name: &str) -> SourceKind {
    match name {
        "named" => SourceKind::Named,
        "anonymous" => SourceKind::Anonymous,
        "vague" => SourceKind::Vague,
        other => panic!("unknown source kind {other}"),
    }
}

struct Case {
    line: usize,
    claim: bool,
    sources: Vec<(String, SourceKind)>,
    text: String,
}

fn cases() -> Vec<Case> {
    let data = include_str!("../fixtures/claims/sentences.tsv");
    data.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(i, l)| {
            let mut cols = l.splitn(3, '\t');
            let (label, sources, text) = (
                cols.next().unwrap(),
                cols.next().unwrap(),
                cols.next().unwrap(),
            );
            let sources = if sources == "-" {
                Vec::new()
            } else {
                sources
                    .split(';')
                    .map(|s| {
                        let (phrase, k) = s.rsplit_once('=').unwrap();
                        (phrase.to_string(), kind(k))
                    })
                    .collect()
            };
            Case {
                line: i + 1,
                claim: label == "claim",
                sources,
                text: text.to_string(),
            }
        })
        .collect()
}

#[test]
fn fixtures_have_enough_cases_of_each_kind() {
    let all = cases();
    assert!(all.len() >= 40);
    assert!(all.iter().filter(|c| c.claim).count() >= 20);
    assert!(all.iter().filter(|c| !c.claim).count() >= 12);
    for k in [SourceKind::Named, SourceKind::Anonymous, SourceKind::Vague] {
        assert!(all.iter().any(|c| c.sources.iter().any(|s| s.1 == k)));
    }
}

#[test]
fn fixture_labels_and_sources() {
    let mut failures = Vec::new();
    for case in cases() {
        let report = presslens::analyze(&case.text, &presslens::Options::default());
        let claimed = report.sentences.iter().any(|s| s.has(Label::ReportedClaim));
        if claimed != case.claim {
            failures.push(format!(
                "line {}: reported_claim {claimed}, want {}: {}",
                case.line, case.claim, case.text
            ));
            continue;
        }
        let got: Vec<(String, SourceKind)> = report
            .sentences
            .iter()
            .flat_map(|s| &s.sources)
            .filter(|m| m.role == SourceRole::Claim)
            .map(|m| (m.text.to_string(), m.kind))
            .collect();
        for want in &case.sources {
            if !got.contains(want) {
                failures.push(format!(
                    "line {}: source {want:?} missing, got {got:?}: {}",
                    case.line, case.text
                ));
            }
        }
        for s in &report.sentences {
            for e in s
                .evidence
                .iter()
                .filter(|e| e.label == Label::ReportedClaim)
            {
                assert_eq!(&case.text[e.span.range()], e.text);
            }
            for m in &s.sources {
                assert_eq!(&case.text[m.span.range()], m.text);
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn binary_reports_claim_evidence_and_sources() {
    let text =
        "The talks have stalled, a senior official said. He announced his candidacy in May.\n";
    let out = Command::cargo_bin("presslens")
        .unwrap()
        .args(["--format", "json", "-"])
        .write_stdin(text)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let json: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let sents = json["sentences"].as_array().unwrap();
    assert_eq!(sents.len(), 2);
    let has_claim = |s: &serde_json::Value| {
        s["labels"]
            .as_array()
            .unwrap()
            .contains(&"reported_claim".into())
    };
    assert!(has_claim(&sents[0]));
    assert!(!has_claim(&sents[1]));
    let ev = sents[0]["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["label"] == "reported_claim")
        .unwrap();
    assert_eq!(ev["rule"], "speech_verb_trailing");
    assert_eq!(ev["text"], "said");
    assert_eq!(ev["note"], "a senior official");
    let src = &sents[0]["sources"][0];
    assert_eq!(src["text"], "a senior official");
    assert_eq!(src["kind"], "anonymous");
    assert_eq!(src["role"], "claim");
    let start = src["start"].as_u64().unwrap() as usize;
    let end = src["end"].as_u64().unwrap() as usize;
    assert_eq!(&text[start..end], "a senior official");
}
