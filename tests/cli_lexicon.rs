//! `--lexicon FILE`: a newsroom's own editorial terms, through the binary.

mod common;

use common::presslens;
use serde_json::Value;

fn lexicon_file(name: &str, contents: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("presslens-lex-{}", std::process::id()));
    common::write(&dir, name, contents)
}

fn editorial_rules(args: &[&str], text: &str) -> Vec<(String, String)> {
    let out = presslens()
        .args(["--format", "json"])
        .args(args)
        .arg("-")
        .write_stdin(text.to_string())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    v["sentences"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["evidence"].as_array().unwrap().clone())
        .filter(|e| e["label"] == "editorial" && e["weight"].as_f64().unwrap() > 0.0)
        .map(|e| {
            (
                e["rule"].as_str().unwrap().to_string(),
                e["text"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

const TEXT: &str = "The council approved the boondoggle on Tuesday. Critics slammed the vote.";

#[test]
fn builtin_terms_apply_without_a_lexicon() {
    let hits = editorial_rules(&[], TEXT);
    assert!(
        hits.contains(&("loaded_verb".into(), "slammed".into())),
        "{hits:?}"
    );
}

#[test]
fn user_terms_are_added_and_builtin_terms_removed() {
    let path = lexicon_file(
        "style.tsv",
        "# house style\nboondoggle\tloaded_word\t1.5\n-slammed\n",
    );
    let hits = editorial_rules(&["--lexicon", path.to_str().unwrap()], TEXT);
    assert!(
        hits.contains(&("loaded_word".into(), "boondoggle".into())),
        "{hits:?}"
    );
    assert!(!hits.iter().any(|(_, t)| t == "slammed"), "{hits:?}");
}

#[test]
fn malformed_line_names_file_and_line() {
    let path = lexicon_file(
        "bad.tsv",
        "# ok\nboondoggle\tloaded_word\t1.5\nno tabs here\n",
    );
    let out = presslens()
        .args(["--lexicon", path.to_str().unwrap(), "-"])
        .write_stdin(TEXT)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("bad.tsv:3"), "{err}");
    assert_eq!(err.lines().count(), 1);
}

#[test]
fn missing_lexicon_file_is_an_error() {
    let out = presslens()
        .args(["--lexicon", "/no/such/terms.tsv", "-"])
        .write_stdin(TEXT)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("/no/such/terms.tsv")
    );
}
