//! CI gates on the real binary: exit 0 when every gate passes, 1 when one
//! fails, 2 on errors; one stderr line per failure; `gates` in JSON.
//!
//! On plain narration every sentence is unlabeled, which makes `unlabeled`
//! gates observable whatever the detectors do; the label-specific failures
//! are unit-tested in src/gates.rs on summaries built by hand.

mod common;

use common::{json_lines, presslens, write};
use serde_json::{Value, json};

const ONE: &str = "The meeting was held in the town hall.\n";
const THREE: &str = "The meeting was held in the town hall. It began at noon. It ended late.\n";

fn gates_of(out: &[u8]) -> Vec<Value> {
    json_lines(out)
        .into_iter()
        .map(|r| r["gates"].clone())
        .collect()
}

#[test]
fn every_gate_can_pass() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "a.txt", ONE);
    let out = presslens()
        .args(["--format", "jsonl"])
        .args(["--max-ratio", "editorial=0", "--max-ratio", "unlabeled=1"])
        .args(["--max-count", "unlabeled=1", "--max-count", "statistic=0"])
        .args([
            "--fail-on",
            "unsourced-statistics",
            "--fail-on",
            "vague-sources",
        ])
        .arg(&a)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stderr.is_empty());
    let gates = &gates_of(&out.stdout)[0];
    let gates = gates.as_array().unwrap();
    assert_eq!(gates.len(), 6);
    assert!(gates.iter().all(|g| g["passed"] == true), "{gates:?}");
    assert_eq!(gates[0]["gate"], "max-ratio editorial=0");
    assert_eq!(gates[5]["gate"], "fail-on vague-sources");
}

#[test]
fn max_count_fails_with_exit_1() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "a.txt", THREE);
    let out = presslens()
        .args(["--format", "jsonl", "--max-count", "unlabeled=0"])
        .arg(&a)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        format!(
            "presslens: {}: gate failed: max-count unlabeled=0 (found 3, limit 0)\n",
            a.display()
        )
    );
    assert_eq!(
        gates_of(&out.stdout)[0],
        json!([{"gate": "max-count unlabeled=0", "value": 3.0, "limit": 0.0, "passed": false}])
    );
}

#[test]
fn max_ratio_fails_with_exit_1() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "a.txt", THREE);
    let out = presslens()
        .args(["--format", "json", "--max-ratio", "unlabeled=0.5"])
        .arg(&a)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["gates"][0]["value"], 1.0);
    assert_eq!(report["gates"][0]["passed"], false);
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("gate failed: max-ratio unlabeled=0.5 (found 1, limit 0.50)")
    );
}

#[test]
fn several_inputs_say_which_file_failed_which_gate() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "a.txt", ONE);
    let b = write(dir.path(), "b.txt", THREE);
    let c = write(dir.path(), "c.txt", THREE);
    let out = presslens()
        .args([
            "--summary",
            "--max-count",
            "unlabeled=2",
            "--max-ratio",
            "unlabeled=0.9",
        ])
        .args([&a, &b, &c])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    let expected = [
        format!(
            "presslens: {}: gate failed: max-ratio unlabeled=0.9 (found 1, limit 0.90)",
            a.display()
        ),
        format!(
            "presslens: {}: gate failed: max-count unlabeled=2 (found 3, limit 2)",
            b.display()
        ),
        format!(
            "presslens: {}: gate failed: max-ratio unlabeled=0.9 (found 1, limit 0.90)",
            b.display()
        ),
        format!(
            "presslens: {}: gate failed: max-count unlabeled=2 (found 3, limit 2)",
            c.display()
        ),
        format!(
            "presslens: {}: gate failed: max-ratio unlabeled=0.9 (found 1, limit 0.90)",
            c.display()
        ),
        "presslens: 3 of 3 inputs failed a gate".to_string(),
    ];
    assert_eq!(stderr.lines().collect::<Vec<_>>(), expected);
    // The text output carries each report's verdicts too.
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        text.matches("pass max-count unlabeled=2").count(),
        1,
        "{text}"
    );
    assert_eq!(
        text.matches("FAIL max-count unlabeled=2").count(),
        2,
        "{text}"
    );
}

#[test]
fn without_gates_there_is_no_gates_field() {
    let out = presslens()
        .args(["--format", "jsonl"])
        .write_stdin(ONE)
        .output()
        .unwrap();
    assert!(json_lines(&out.stdout)[0].get("gates").is_none());
}

#[test]
fn an_error_wins_over_a_failed_gate() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "a.txt", THREE);
    let out = presslens()
        .args(["--max-count", "unlabeled=0"])
        .arg(&a)
        .arg(dir.path().join("missing.txt"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn bad_gate_values_are_usage_errors() {
    for args in [
        ["--max-ratio", "editorial=2"],
        ["--max-ratio", "opinion=0.1"],
        ["--max-count", "editorial"],
        ["--fail-on", "everything"],
    ] {
        let out = presslens().args(args).write_stdin(ONE).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty());
    }
}
