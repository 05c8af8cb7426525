//! The fixture articles under `fixtures/articles/` against their expected
//! structure (GUIDE §1–2): title, byline, dateline and every sentence, run
//! through the real binary.
//!
//! Each `NAME.txt` has a `NAME.expected.json`:
//! `{"title", "byline", "dateline": string|null, "sentences": [text…],
//!   "labels": [[label…] per sentence]}`.

use assert_cmd::Command;
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn articles() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/articles");
    let mut out: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("fixtures/articles exists")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    out.sort();
    assert!(
        out.len() >= 6,
        "expected at least six fixture articles, found {}",
        out.len()
    );
    out
}

fn expected(article: &Path) -> Value {
    let path = article.with_extension("expected.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn report(args: &[&str], stdin: Option<Vec<u8>>) -> Value {
    let mut cmd = Command::cargo_bin("presslens").unwrap();
    cmd.args(args);
    if let Some(bytes) = stdin {
        cmd.write_stdin(bytes);
    }
    let out = cmd.assert().success().get_output().stdout.clone();
    serde_json::from_slice(&out).expect("--format json prints JSON")
}

fn analyse(article: &Path) -> Value {
    report(&["--format", "json", article.to_str().unwrap()], None)
}

fn name(article: &Path) -> String {
    article.file_name().unwrap().to_string_lossy().into_owned()
}

fn texts(report: &Value) -> Vec<&str> {
    report["sentences"]
        .as_array()
        .expect("sentences array")
        .iter()
        .map(|s| s["text"].as_str().expect("sentence text"))
        .collect()
}

fn byte_range(span: &Value) -> (usize, usize) {
    let get = |k: &str| span[k].as_u64().unwrap_or_else(|| panic!("{k} in {span}")) as usize;
    (get("start"), get("end"))
}

/// Checks byte and char offsets of one span against `input`; returns its byte range.
fn check_span(input: &str, span: &Value, text: &str, what: &str) -> (usize, usize) {
    let (start, end) = byte_range(span);
    assert!(
        input.is_char_boundary(start) && input.is_char_boundary(end) && start <= end,
        "{what}: {start}..{end} is not a char range"
    );
    assert_eq!(&input[start..end], text, "{what}: bytes {start}..{end}");
    let chars = |b: usize| input[..b].chars().count() as u64;
    assert_eq!(
        span["char_start"].as_u64(),
        Some(chars(start)),
        "{what}: char_start"
    );
    assert_eq!(
        span["char_end"].as_u64(),
        Some(chars(end)),
        "{what}: char_end"
    );
    (start, end)
}

#[test]
fn title_byline_dateline_and_sentences_match() {
    let mut failures = Vec::new();
    for article in articles() {
        let exp = expected(&article);
        let got = analyse(&article);
        for key in ["title", "byline", "dateline"] {
            if got[key] != exp[key] {
                failures.push(format!(
                    "{}: {key}: got {}, want {}",
                    name(&article),
                    got[key],
                    exp[key]
                ));
            }
        }
        let want: Vec<&str> = exp["sentences"]
            .as_array()
            .expect("expected sentences")
            .iter()
            .map(|s| s.as_str().unwrap())
            .collect();
        let have = texts(&got);
        if have != want {
            let first = have.iter().zip(&want).position(|(a, b)| a != b);
            failures.push(format!(
                "{}: {} sentences, want {}; first difference at {first:?}:\n  got  {:?}\n  want {:?}",
                name(&article),
                have.len(),
                want.len(),
                first.and_then(|i| have.get(i)),
                first.and_then(|i| want.get(i)),
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn offsets_are_exact_and_cover_every_visible_byte_once() {
    for article in articles() {
        let input = std::fs::read_to_string(&article).unwrap();
        let got = analyse(&article);
        let what = name(&article);
        let mut covered = vec![0u32; input.len()];
        let mut mark = |(start, end): (usize, usize)| {
            for n in &mut covered[start..end] {
                *n += 1;
            }
        };
        for key in ["title", "byline", "dateline"] {
            if let Some(text) = got[key].as_str() {
                let span = &got[format!("{key}_span")];
                mark(check_span(&input, span, text, &format!("{what} {key}")));
            } else {
                assert!(got[format!("{key}_span")].is_null(), "{what}: {key}_span");
            }
        }
        let mut previous_end = 0;
        for (i, s) in got["sentences"].as_array().unwrap().iter().enumerate() {
            let text = s["text"].as_str().unwrap();
            let range = check_span(&input, s, text, &format!("{what} sentence {i}"));
            assert!(range.0 >= previous_end, "{what}: sentence {i} out of order");
            assert_eq!(text, text.trim(), "{what}: sentence {i} is not trimmed");
            previous_end = range.1;
            mark(range);
        }
        for (i, c) in input.char_indices() {
            let n = covered[i];
            if c.is_whitespace() || c == '\u{feff}' {
                assert!(n <= 1, "{what}: white space at byte {i} covered {n} times");
            } else {
                assert_eq!(n, 1, "{what}: byte {i} ({c:?}) covered {n} times");
            }
        }
    }
}

#[test]
fn stdin_gives_the_same_sentences() {
    for article in articles() {
        let bytes = std::fs::read(&article).unwrap();
        let from_file = analyse(&article);
        let from_stdin = report(&["--format", "json", "-"], Some(bytes));
        assert_eq!(
            from_file["sentences"],
            from_stdin["sentences"],
            "{}",
            name(&article)
        );
        for key in ["title", "byline", "dateline"] {
            assert_eq!(from_file[key], from_stdin[key], "{} {key}", name(&article));
        }
    }
}

const LABELS: [&str; 4] = ["direct_quote", "reported_claim", "statistic", "editorial"];

fn expected_labels(exp: &Value) -> Vec<BTreeSet<&str>> {
    exp["labels"]
        .as_array()
        .expect("labels array")
        .iter()
        .map(|l| {
            l.as_array()
                .expect("labels of one sentence")
                .iter()
                .map(|x| x.as_str().unwrap())
                .collect()
        })
        .collect()
}

#[test]
fn labels_are_recorded_for_every_sentence() {
    for article in articles() {
        let exp = expected(&article);
        let sentences = exp["sentences"].as_array().unwrap().len();
        let labels = expected_labels(&exp);
        assert_eq!(labels.len(), sentences, "{}", name(&article));
        for set in &labels {
            for l in set {
                assert!(LABELS.contains(l), "{}: unknown label {l}", name(&article));
            }
        }
    }
}

/// The labels each fixture sentence must carry (GUIDE §3): exactly these,
/// no more and no fewer.
#[test]
fn fixture_labels() {
    let mut failures = Vec::new();
    for article in articles() {
        let exp = expected(&article);
        let got = analyse(&article);
        let sentences = got["sentences"].as_array().unwrap();
        for (i, want) in expected_labels(&exp).into_iter().enumerate() {
            let Some(s) = sentences.get(i) else {
                failures.push(format!("{}: sentence {i} missing", name(&article)));
                continue;
            };
            let have: BTreeSet<&str> = s["labels"]
                .as_array()
                .unwrap()
                .iter()
                .map(|x| x.as_str().unwrap())
                .collect();
            if have != want {
                failures.push(format!(
                    "{} #{i}: got {have:?}, want {want:?}: {}",
                    name(&article),
                    s["text"].as_str().unwrap()
                ));
            }
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

/// `presslens fixtures/` with the default globs analyses the fixture texts
/// and nothing else: the notes that describe them are not articles.
#[test]
fn the_fixture_notes_are_not_taken_for_articles() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let reports = report(&["--format", "json", root.to_str().unwrap()], None);
    let names: Vec<&str> = reports
        .as_array()
        .expect("a directory gives an array")
        .iter()
        .map(|r| r["source"]["name"].as_str().expect("source name"))
        .collect();
    assert!(names.len() >= 6 + 39, "{names:?}");
    for name in &names {
        assert!(!name.to_ascii_lowercase().contains("readme"), "{name}");
    }
}
