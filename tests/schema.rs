//! The hand-written JSON Schema (schema/report.schema.json) against real
//! output: every fixture, generated articles, a report with every optional
//! part filled in, and the --summary and --jsonl-in shapes.

mod common;

use common::{article, json_lines, presslens, write};
use jsonschema::Validator;
use presslens::report::{
    Evidence, Label, Quantity, Quote, SourceKind, SourceMention, SourceRole, Summary,
};
use presslens::span::Span;
use presslens::{Options, analyze};
use serde_json::{Value, json};
use std::borrow::Cow;
use std::path::{Path, PathBuf};

fn schema() -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("schema/report.schema.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// A validator for the whole schema, or for one of its `$defs`.
fn validator(def: Option<&str>) -> Validator {
    let mut schema = schema();
    if let Some(def) = def {
        schema["$ref"] = Value::from(format!("#/$defs/{def}"));
    }
    jsonschema::validator_for(&schema).unwrap()
}

fn assert_valid(v: &Validator, instance: &Value, what: &str) {
    let errors: Vec<String> = v
        .iter_errors(instance)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{what}: {errors:#?}");
}

fn txt_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            txt_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "txt") {
            out.push(path);
        }
    }
}

#[test]
fn every_fixture_validates() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut files = Vec::new();
    txt_files(&root, &mut files);
    files.sort();
    if files.is_empty() {
        eprintln!("note: no fixtures/**/*.txt yet; the generated texts still run");
        return;
    }
    let v = validator(None);
    let out = presslens()
        .arg("--format")
        .arg("jsonl")
        .args(&files)
        .output()
        .unwrap();
    let reports = json_lines(&out.stdout);
    let readable = files
        .iter()
        .filter(|f| std::fs::read_to_string(f).is_ok_and(|t| !t.trim().is_empty()));
    assert_eq!(
        reports.len(),
        readable.count(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for (report, file) in reports.iter().zip(&files) {
        assert_valid(&v, report, &file.display().to_string());
    }
}

#[test]
fn generated_articles_validate() {
    let dir = tempfile::tempdir().unwrap();
    for seed in 0..8 {
        write(dir.path(), &format!("a{seed}.txt"), &article(seed));
    }
    write(
        dir.path(),
        "odd.txt",
        "«Ça va?» — “Nested ‘quotes’” 😀\r\nx\u{feff}y\n\n\n“unclosed",
    );
    let out = presslens()
        .args(["--format", "json"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(out.status.success());
    let reports: Value = serde_json::from_slice(&out.stdout).unwrap();
    let reports = reports.as_array().unwrap();
    assert_eq!(reports.len(), 9);
    let v = validator(None);
    for r in reports {
        assert_valid(&v, r, r["source"]["name"].as_str().unwrap());
    }
}

/// Every optional part filled in, so the schema is checked for parts the
/// detectors may not produce on a given text.
#[test]
fn a_fully_populated_report_validates() {
    let text = "Title here\n\nBy Ann Lee\n\nCritics say prices rose 12%, “a disaster,” he said.";
    let mut report = analyze(text, &Options::default());
    let at = |s: &str| {
        let start = text.find(s).unwrap();
        Span::bytes(start..start + s.len())
    };
    let s = report.sentences.last_mut().unwrap();
    s.evidence.push(Evidence {
        label: Label::Editorial,
        rule: "loaded_word",
        span: at("disaster"),
        text: "disaster",
        weight: 1.5,
        note: Some(Cow::Borrowed("a note")),
    });
    s.quotes.push(Quote {
        text: "a disaster,",
        span: at("a disaster,"),
        speaker: Some("he"),
        speaker_span: Some(at("he")),
        speaker_resolved: Some("Ann Lee"),
        cue: Some("said"),
        cue_span: Some(at("said")),
        partial: false,
        closed: true,
    });
    s.quantities.push(Quantity {
        text: "12%",
        span: at("12%"),
        value: Some(0.12),
        unit: Some(Cow::Borrowed("percent")),
        approx: true,
        low: Some(0.1),
        high: Some(0.14),
        sourced: false,
    });
    s.sources.push(SourceMention {
        text: "Critics",
        span: at("Critics"),
        kind: SourceKind::Vague,
        role: SourceRole::Claim,
        resolved: None,
    });
    s.sources.push(SourceMention {
        text: "he",
        span: {
            let start = text.find(" he said").unwrap() + 1;
            Span::bytes(start..start + 2)
        },
        kind: SourceKind::Named,
        role: SourceRole::Claim,
        resolved: Some("Ann Lee"),
    });
    for l in [Label::DirectQuote, Label::Statistic, Label::Editorial] {
        s.add_label(l);
    }
    s.primary = Some(Label::Editorial);
    s.editorial_weight = 1.5;
    report.summary = Summary::build(report.summary.paragraphs, &report.sentences);
    report.source.offsets = "extracted";
    report.source.extracted_text = Some(text);
    let value = serde_json::to_value(&report).unwrap();
    assert!(
        !value["summary"]["top_editorial"]
            .as_array()
            .unwrap()
            .is_empty()
    );
    assert!(!value["summary"]["sources"].as_array().unwrap().is_empty());
    assert_valid(&validator(None), &value, "populated report");
}

#[test]
fn the_schema_is_strict() {
    let v = validator(None);
    let report = serde_json::to_value(analyze("Some text.", &Options::default())).unwrap();
    assert_valid(&v, &report, "plain report");
    let mut extra = report.clone();
    extra["surprise"] = json!(1);
    assert!(!v.is_valid(&extra), "unknown top-level field accepted");
    let mut missing = report.clone();
    missing.as_object_mut().unwrap().remove("summary");
    assert!(!v.is_valid(&missing), "missing summary accepted");
    let mut offsets = report.clone();
    offsets["source"]["offsets"] = json!("somewhere");
    assert!(!v.is_valid(&offsets), "unknown source.offsets accepted");
    let mut label = report;
    label["sentences"][0]["labels"] = json!(["opinion"]);
    assert!(!v.is_valid(&label), "unknown label accepted");
}

#[test]
fn summary_and_gates_output_validates() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "a.txt", &article(1));
    let b = write(dir.path(), "b.txt", &article(2));
    let out = presslens()
        .args([
            "--format",
            "json",
            "--summary",
            "--max-count",
            "unlabeled=0",
        ])
        .args(["--fail-on", "vague-sources"])
        .arg(&a)
        .arg(&b)
        .output()
        .unwrap();
    let outputs: Value = serde_json::from_slice(&out.stdout).unwrap();
    let v = validator(Some("summary_output"));
    for o in outputs.as_array().unwrap() {
        assert_valid(&v, o, "summary output");
        assert_eq!(o["gates"].as_array().unwrap().len(), 2);
    }
    let full = presslens()
        .args(["--format", "jsonl", "--max-ratio", "editorial=0.5"])
        .arg(&a)
        .output()
        .unwrap();
    let v = validator(None);
    for r in json_lines(&full.stdout) {
        assert_valid(&v, &r, "report with gates");
    }
}

#[test]
fn jsonl_in_records_validate() {
    let input = format!(
        "{}\n{}\n{{\"id\": 3}}\nnot json\n",
        json!({"id": "one", "text": article(3), "lang": "en", "meta": {"k": [1]}}),
        json!({"id": 2, "text": article(4)})
    );
    let out = presslens()
        .arg("--jsonl-in")
        .write_stdin(input.clone())
        .output()
        .unwrap();
    let lines = json_lines(&out.stdout);
    assert_eq!(lines.len(), 4);
    let record = validator(Some("record"));
    let error = validator(Some("error_record"));
    assert_valid(&record, &lines[0], "record with passthrough");
    assert_valid(&record, &lines[1], "record");
    assert_valid(&error, &lines[2], "missing text");
    assert_valid(&error, &lines[3], "invalid JSON");
    assert!(
        !record.is_valid(&lines[2]),
        "an error record passed as a record"
    );
    let summary = presslens()
        .args(["--jsonl-in", "--summary"])
        .write_stdin(input)
        .output()
        .unwrap();
    assert_valid(&record, &json_lines(&summary.stdout)[0], "summary record");
}
