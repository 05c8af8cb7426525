//! `--format jsonl` and the `--jsonl-in` record stream on the real binary,
//! including the GNU parallel recipe of docs/batch.md.

mod common;

use common::{article, bash, into_head, json_lines, presslens, write};
use serde_json::{Value, json};
use std::fmt::Write as _;

fn stream(n: usize) -> String {
    let mut input = String::new();
    for i in 0..n {
        let record = json!({"id": format!("doc-{i}"), "text": article(i), "n": i});
        writeln!(input, "{record}").unwrap();
    }
    input
}

#[test]
fn format_jsonl_writes_one_line_per_input() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "a.txt", &article(1));
    let b = write(dir.path(), "b.txt", &article(2));
    let out = presslens()
        .args(["--format", "jsonl"])
        .args([&a, &b])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text.lines().count(), 2);
    let reports = json_lines(text.as_bytes());
    assert_eq!(reports[0]["source"]["name"], a.display().to_string());
    assert_eq!(reports[1]["source"]["name"], b.display().to_string());
    assert!(reports[0]["sentences"].as_array().unwrap().len() > 2);
}

#[test]
fn records_come_back_in_order_with_id_and_extra_fields() {
    let out = presslens()
        .arg("--jsonl-in")
        .write_stdin(stream(300))
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(out.stderr.is_empty());
    let lines = json_lines(&out.stdout);
    assert_eq!(lines.len(), 300);
    for (i, r) in lines.iter().enumerate() {
        assert_eq!(r["id"], format!("doc-{i}"));
        assert_eq!(r["line"], i + 1);
        assert_eq!(r["n"], i);
        assert_eq!(r["source"]["name"], format!("doc-{i}"));
        assert!(r.get("text").is_none(), "the input text is not echoed");
        assert!(r["summary"]["sentences"].as_u64().unwrap() > 2);
    }
}

/// Each kind of bad line gives an error record at its place; the rest go on.
#[test]
fn bad_lines_become_error_records() {
    let big = "word ".repeat(100);
    let input = [
        json!({"id": "ok-1", "text": "A fine record."}).to_string(),
        "{\"id\": \"x\", \"text\": \"unterminated".to_string(),
        "[1, 2, 3]".to_string(),
        json!({"id": "no-text"}).to_string(),
        json!({"id": "num", "text": 42}).to_string(),
        String::new(),
        json!({"id": "big", "text": big}).to_string(),
        json!({"id": "ok-2", "text": "Another fine record.", "summary": "dropped"}).to_string(),
        "{\"id\": \"cut\", \"te".to_string(),
    ]
    .join("\n");
    let out = presslens()
        .args(["--jsonl-in", "--max-bytes", "200"])
        .write_stdin(input.clone())
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "bad records alone do not fail the run"
    );
    let lines = json_lines(&out.stdout);
    let short: Vec<Value> = lines
        .iter()
        .map(|l| match l.get("error") {
            Some(e) => {
                let e = e.as_str().unwrap();
                json!([l["line"], l["id"], e.split(':').next().unwrap()])
            }
            None => json!([l["line"], l["id"], "ok"]),
        })
        .collect();
    assert_eq!(
        short,
        [
            json!([1, "ok-1", "ok"]),
            json!([2, null, "invalid JSON"]),
            json!([3, null, "expected a JSON object, found an array"]),
            json!([4, "no-text", "missing `text`"]),
            json!([5, "num", "`text` is not a string (found a number)"]),
            json!([7, null, "record larger than --max-bytes (200 bytes)"]),
            json!([8, "ok-2", "ok"]),
            json!([9, null, "truncated last line (no newline at the end)"]),
        ]
    );
    assert!(
        lines[6]["summary"].is_object(),
        "a passed-through `summary` must not replace the report's"
    );
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 6, "{stderr}");
    assert!(stderr.lines().all(|l| l.starts_with("presslens: <stdin>:")));
    // --strict turns the same run into an error.
    presslens()
        .args(["--jsonl-in", "--strict", "--max-bytes", "200"])
        .write_stdin(input)
        .assert()
        .code(2);
}

#[test]
fn jsonl_in_gates_and_summary() {
    let input = format!(
        "{}\n{}\n",
        json!({"id": "short", "text": "One plain sentence here."}),
        json!({"id": "long", "text": "One here. Two here. Three here."})
    );
    let out = presslens()
        .args(["--jsonl-in", "--summary", "--max-count", "unlabeled=2"])
        .write_stdin(input)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let lines = json_lines(&out.stdout);
    assert_eq!(lines[0]["gates"][0]["passed"], true);
    assert_eq!(lines[1]["gates"][0]["passed"], false);
    assert!(lines[1].get("sentences").is_none());
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "presslens: <stdin>:2 (long): gate failed: max-count unlabeled=2 (found 3, limit 2)\n"
    );
}

#[test]
fn jsonl_in_usage_errors() {
    presslens()
        .args(["--jsonl-in", "--format", "text"])
        .write_stdin("")
        .assert()
        .code(2)
        .stderr("presslens: --jsonl-in always writes --format jsonl\n");
    presslens().args(["--jsonl-in", "x.txt"]).assert().code(2);
    presslens()
        .arg("--strict")
        .write_stdin("x")
        .assert()
        .code(2);
    // An empty stream is an empty answer.
    presslens()
        .arg("--jsonl-in")
        .write_stdin("")
        .assert()
        .success()
        .stdout("");
}

#[test]
fn jsonl_in_broken_pipe_exits_quietly() {
    let input = stream(400);
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "in.jsonl", &input);
    let (status, stderr) = into_head(&format!("--jsonl-in < '{}'", file.display()));
    assert_eq!((status.as_str(), stderr.as_str()), ("0", ""));
}

/// The recipe in docs/batch.md: GNU parallel splits the stream into chunks
/// of 50 records, one presslens per chunk; every id must come back once.
#[test]
fn gnu_parallel_pipe_returns_every_id() {
    if std::process::Command::new("parallel")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("note: GNU parallel is not installed; skipping (scripts/test.sh installs it)");
        return;
    }
    let n = 237;
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "corpus.jsonl", &stream(n));
    let bin = env!("CARGO_BIN_EXE_presslens");
    let script = format!(
        "parallel --will-cite --pipe -N 50 -k '{bin}' --jsonl-in --summary < '{}'",
        file.display()
    );
    let out = bash(&script);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines = json_lines(&out.stdout);
    let ids: Vec<String> = lines
        .iter()
        .map(|l| l["id"].as_str().unwrap().to_string())
        .collect();
    let expected: Vec<String> = (0..n).map(|i| format!("doc-{i}")).collect();
    // -k keeps the chunks in order, so the ids come back in input order.
    assert_eq!(ids, expected);
    assert!(lines.iter().all(|l| l.get("error").is_none()));
    // Line numbers restart in each chunk of 50.
    assert_eq!(lines[50]["line"], 1);
}

/// Each record's line comes out while the stream is still open: results are
/// not held back until more input (or the end of input) arrives.
#[test]
fn records_are_answered_before_the_stream_ends() {
    use std::io::{BufRead, BufReader, Write};
    use std::process::{Command, Stdio};
    use std::sync::mpsc;
    use std::time::Duration;

    let mut child = Command::new(env!("CARGO_BIN_EXE_presslens"))
        .arg("--jsonl-in")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let stdout = BufReader::new(child.stdout.take().unwrap());
    let (tx, rx) = mpsc::channel();
    let reader = std::thread::spawn(move || {
        for line in stdout.lines() {
            let v: Value = serde_json::from_str(&line.unwrap()).unwrap();
            tx.send(v["id"].clone()).unwrap();
        }
    });
    // A generous bound only so that a regression fails instead of hanging.
    let patience = Duration::from_secs(60);
    // The second record is followed by a blank line, which must not make
    // presslens wait for a next record before answering.
    for (id, after) in [("first", ""), ("second", "\n")] {
        writeln!(stdin, "{}{after}", json!({"id": id, "text": "A record."})).unwrap();
        stdin.flush().unwrap();
        assert_eq!(
            rx.recv_timeout(patience)
                .expect("no answer while the stream is open"),
            id
        );
    }
    drop(stdin);
    assert!(child.wait().unwrap().success());
    reader.join().unwrap();
}
