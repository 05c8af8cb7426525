//! Runs the binary on every article in `fixtures/quotes/` and checks the
//! quotes, speakers and sources listed in `fixtures/quotes/expected.json`.

use assert_cmd::Command;
use serde_json::Value;
use std::path::Path;

fn report(path: &Path) -> Value {
    let out = Command::cargo_bin("presslens")
        .unwrap()
        .args(["--format", "json"])
        .arg(path)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}: {:?}", path.display(), out);
    serde_json::from_slice(&out.stdout).unwrap()
}

/// `want[key]`, when present, equals `got[key]` (null included).
fn field_matches(want: &Value, got: &Value, key: &str) -> bool {
    want.get(key)
        .is_none_or(|w| got.get(key).unwrap_or(&Value::Null) == w)
}

/// Every offset pair in a quote points at its text in the input.
fn check_spans(name: &str, input: &str, q: &Value) {
    let at =
        |s: &Value, e: &Value| &input[s.as_u64().unwrap() as usize..e.as_u64().unwrap() as usize];
    assert_eq!(
        at(&q["start"], &q["end"]),
        q["text"].as_str().unwrap(),
        "{name}"
    );
    for (span, text) in [("speaker_span", "speaker"), ("cue_span", "cue")] {
        if let Some(sp) = q.get(span).filter(|v| !v.is_null()) {
            assert_eq!(
                at(&sp["start"], &sp["end"]),
                q[text].as_str().unwrap(),
                "{name}: {span}"
            );
        }
    }
}

#[test]
fn quote_fixtures() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/quotes");
    let expected: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("expected.json")).unwrap()).unwrap();
    let cases = expected.as_object().unwrap();
    assert!(cases.len() >= 30);
    let mut failures = Vec::new();
    for (name, want) in cases {
        let path = dir.join(name);
        let input = std::fs::read_to_string(&path).unwrap();
        let got = report(&path);
        let sentences = got["sentences"].as_array().unwrap();
        let quotes: Vec<&Value> = sentences
            .iter()
            .flat_map(|s| s["quotes"].as_array().unwrap())
            .collect();
        for q in &quotes {
            check_spans(name, &input, q);
        }
        let summary: Vec<String> = quotes
            .iter()
            .map(|q| format!("{} / {} / {}", q["text"], q["speaker"], q["cue"]))
            .collect();
        if let Some(n) = want.get("count")
            && quotes.len() as u64 != n.as_u64().unwrap()
        {
            failures.push(format!(
                "{name}: {} quotes, want {n}: {summary:?}",
                quotes.len()
            ));
        }
        for w in want
            .get("quotes")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let contains = w["contains"].as_str().unwrap();
            let hit = quotes.iter().any(|q| {
                q["text"].as_str().unwrap().contains(contains)
                    && ["speaker", "cue", "partial", "closed"]
                        .iter()
                        .all(|k| field_matches(w, q, k))
                    && w.get("resolved")
                        .is_none_or(|r| q.get("speaker_resolved").unwrap_or(&Value::Null) == r)
            });
            if !hit {
                failures.push(format!("{name}: no quote matching {w}; got {summary:?}"));
            }
        }
        if let Some(start) = want.get("sentence_without_quotes").and_then(Value::as_str) {
            let s = sentences
                .iter()
                .find(|s| s["text"].as_str().unwrap().starts_with(start))
                .unwrap_or_else(|| panic!("{name}: no sentence {start:?}"));
            if !s["quotes"].as_array().unwrap().is_empty()
                || s["labels"]
                    .as_array()
                    .unwrap()
                    .contains(&"direct_quote".into())
            {
                failures.push(format!("{name}: quote leaked into {start:?}"));
            }
        }
        for w in want
            .get("sources")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let sources = got["summary"]["sources"].as_array().unwrap();
            if !sources
                .iter()
                .any(|s| s["name"] == w["name"] && s["quotes"] == w["quotes"])
            {
                failures.push(format!("{name}: no source {w}; got {sources:?}"));
            }
        }
        let labelled = sentences
            .iter()
            .filter(|s| {
                s["labels"]
                    .as_array()
                    .unwrap()
                    .contains(&"direct_quote".into())
            })
            .count();
        let quoted = sentences
            .iter()
            .filter(|s| !s["quotes"].as_array().unwrap().is_empty())
            .count();
        if labelled != quoted {
            failures.push(format!(
                "{name}: {labelled} direct_quote sentences but {quoted} with quotes"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn many_unbalanced_marks_finish() {
    let text = format!("{}\n\n“Done,” she said.\n", "\" “ ' ‘ « „ ".repeat(20_000));
    let out = Command::cargo_bin("presslens")
        .unwrap()
        .args(["--format", "json", "-"])
        .write_stdin(text)
        .output()
        .unwrap();
    assert!(out.status.success());
    let got: Value = serde_json::from_slice(&out.stdout).unwrap();
    let last = got["sentences"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["quotes"][0]["text"], "Done,");
}
