//! Several inputs at once: expansion, order, errors, output framing,
//! --summary, colour, progress bar and broken pipes, on the real binary.

mod common;

use common::{article, into_head, json_lines, presslens, write};
use predicates::prelude::*;
use serde_json::Value;
use std::path::Path;

fn names(reports: &[Value]) -> Vec<String> {
    reports
        .iter()
        .map(|r| r["source"]["name"].as_str().unwrap().to_string())
        .collect()
}

fn rel(dir: &Path, name: &str) -> String {
    dir.join(name).display().to_string()
}

/// A tree with wanted files at several depths, and files a walk must skip.
fn tree() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "corpus/b.txt", &article(1));
    write(d, "corpus/a.md", &article(2));
    write(d, "corpus/sub/c.text", &article(3));
    write(d, "corpus/sub/deeper/d.TXT", &article(4));
    write(d, "corpus/notes.log", "not an article");
    write(d, "corpus/.hidden/e.txt", &article(5));
    write(d, "corpus/.f.txt", &article(6));
    write(d, "single.log", &article(7));
    dir
}

#[test]
fn inputs_expand_in_a_fixed_order() {
    let dir = tree();
    let d = dir.path();
    let out = presslens()
        .args(["--format", "jsonl"])
        .arg(d.join("single.log"))
        .arg(d.join("corpus"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stderr.is_empty());
    assert_eq!(
        names(&json_lines(&out.stdout)),
        [
            rel(d, "single.log"),
            rel(d, "corpus/a.md"),
            rel(d, "corpus/b.txt"),
            rel(d, "corpus/sub/c.text"),
            rel(d, "corpus/sub/deeper/d.TXT"),
        ]
    );
}

#[test]
fn glob_replaces_the_default_patterns() {
    let dir = tree();
    let out = presslens()
        .args(["--format", "jsonl", "--glob", "*.log", "--glob", "c.*"])
        .arg(dir.path().join("corpus"))
        .output()
        .unwrap();
    assert_eq!(
        names(&json_lines(&out.stdout)),
        [
            rel(dir.path(), "corpus/notes.log"),
            rel(dir.path(), "corpus/sub/c.text")
        ]
    );
}

#[test]
fn output_is_in_input_order_and_the_same_every_run() {
    let dir = tempfile::tempdir().unwrap();
    // Sizes vary a lot so that workers finish out of order.
    for i in 0..60 {
        let text = article(i).repeat(if i % 7 == 0 { 200 } else { 1 });
        write(dir.path(), &format!("f{i:02}.txt"), &text);
    }
    let run = || {
        presslens()
            .args(["--format", "jsonl"])
            .arg(dir.path())
            .output()
            .unwrap()
            .stdout
    };
    let first = run();
    let expected: Vec<String> = (0..60)
        .map(|i| rel(dir.path(), &format!("f{i:02}.txt")))
        .collect();
    assert_eq!(names(&json_lines(&first)), expected);
    assert_eq!(first, run());
}

#[test]
fn one_bad_input_is_reported_and_the_others_finish() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "a.txt", &article(1));
    let bad = write(dir.path(), "bad.txt", "");
    std::fs::write(&bad, b"caf\xe9 au lait").unwrap();
    let c = write(dir.path(), "c.txt", &article(3));
    let missing = dir.path().join("missing.txt");
    let out = presslens()
        .args(["--format", "jsonl"])
        .args([&a, &bad, &missing, &c])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        names(&json_lines(&out.stdout)),
        [a.display().to_string(), c.display().to_string()]
    );
    let stderr = String::from_utf8(out.stderr).unwrap();
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 3, "{stderr}");
    assert!(lines[0].starts_with(&format!("presslens: {}: not valid UTF-8", bad.display())));
    assert_eq!(
        lines[1],
        format!("presslens: {}: no such file", missing.display())
    );
    assert_eq!(lines[2], "presslens: 2 of 4 inputs could not be analysed");
}

#[test]
fn json_is_one_document_for_one_input_and_an_array_for_several() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "only/a.txt", &article(1));
    let b = write(dir.path(), "b.txt", &article(2));
    let one: Value = serde_json::from_slice(
        &presslens()
            .args(["--format", "json"])
            .arg(&a)
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    assert!(one.is_object());
    let two: Value = serde_json::from_slice(
        &presslens()
            .args(["--format", "json"])
            .args([&a, &b])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    assert_eq!(
        names(two.as_array().unwrap()),
        [a.display().to_string(), b.display().to_string()]
    );
    // A directory may hold any number of files: always an array.
    let dir_out = presslens()
        .args(["--format", "json"])
        .arg(dir.path().join("only"))
        .output()
        .unwrap();
    let dir_json: Value = serde_json::from_slice(&dir_out.stdout).unwrap();
    assert_eq!(dir_json.as_array().unwrap().len(), 1);
    // No readable input at all still gives a valid (empty) array.
    let empty = presslens()
        .args(["--format", "json"])
        .arg(dir.path().join("nothing.txt"))
        .arg(dir.path().join("nothing2.txt"))
        .output()
        .unwrap();
    assert_eq!(empty.status.code(), Some(2));
    let empty: Value = serde_json::from_slice(&empty.stdout).unwrap();
    assert_eq!(empty, Value::Array(Vec::new()));
}

#[test]
fn summary_prints_only_the_summary() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(
        dir.path(),
        "a.txt",
        "First sentence here. Second sentence here.\n",
    );
    let text = presslens().arg("--summary").arg(&a).output().unwrap();
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(text.starts_with(&format!("{}\n", a.display())), "{text}");
    assert!(text.contains("Summary: 2 sentences in 1 paragraph"));
    assert!(!text.contains("First sentence here"), "{text}");
    let json: Value = serde_json::from_slice(
        &presslens()
            .args(["--summary", "--format", "json"])
            .arg(&a)
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    let keys: Vec<&String> = json.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["source", "summary"]);
    assert_eq!(json["source"]["name"], a.display().to_string());
    assert_eq!(json["summary"]["sentences"], 2);
}

#[test]
fn text_output_for_several_inputs_names_each() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "a.txt", "Alpha is here.\n");
    let b = write(dir.path(), "b.txt", "Beta is here.\n");
    let out = presslens().args([&a, &b]).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let pa = text.find(&a.display().to_string()).unwrap();
    let pb = text.find(&b.display().to_string()).unwrap();
    assert!(pa < text.find("Alpha").unwrap() && text.find("Alpha").unwrap() < pb);
    assert_eq!(text.matches("Summary:").count(), 2);
}

#[test]
fn single_input_forms_still_work() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "a.txt", "Only one sentence.\n");
    presslens()
        .arg(&a)
        .assert()
        .success()
        .stdout(predicate::str::starts_with(format!("{}\n", a.display())));
    for args in [&["-"][..], &[][..]] {
        let out = presslens()
            .args(args)
            .args(["--format", "json"])
            .write_stdin("Piped text here.")
            .output()
            .unwrap();
        assert!(out.status.success());
        let v: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(v["source"]["name"], "-");
        assert_eq!(v["sentences"][0]["text"], "Piped text here.");
    }
    presslens()
        .arg(dir.path().join("nope.txt"))
        .assert()
        .code(2)
        .stdout("")
        .stderr(format!(
            "presslens: {}: no such file\n",
            dir.path().join("nope.txt").display()
        ));
    presslens()
        .write_stdin("  \n")
        .assert()
        .code(2)
        .stderr("presslens: <stdin>: empty input (no text to analyse)\n");
}

#[test]
fn output_file_option() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "a.txt", "One. Two.\n");
    let target = dir.path().join("out.jsonl");
    presslens()
        .args(["--format", "jsonl", "--color", "always", "-o"])
        .arg(&target)
        .args([&a, &a])
        .assert()
        .success()
        .stdout("");
    assert_eq!(json_lines(&std::fs::read(&target).unwrap()).len(), 2);
}

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "a.txt", "Plain words here.\n");
    let esc = predicate::str::contains("\u{1b}[");
    presslens().arg(&a).assert().stdout(esc.clone().not());
    presslens()
        .args(["--color", "always"])
        .arg(&a)
        .env("NO_COLOR", "1")
        .assert()
        .stdout(esc.clone());
    presslens()
        .args(["--color", "never"])
        .arg(&a)
        .assert()
        .stdout(esc.not());
}

/// Runs `cmd` with a terminal as stdout and stderr (util-linux `script`).
fn on_a_terminal(cmd: &str, env: &[(&str, &str)]) -> Option<String> {
    let mut c = std::process::Command::new("script");
    c.args(["-qec", cmd, "/dev/null"]);
    c.env_remove("NO_COLOR");
    for (k, v) in env {
        c.env(k, v);
    }
    let out = c.output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn terminal_colour_and_progress_bar() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..40 {
        write(dir.path(), &format!("f{i}.txt"), &article(i));
    }
    let bin = env!("CARGO_BIN_EXE_presslens");
    let d = dir.path().display();
    let Some(coloured) = on_a_terminal(&format!("{bin} {d}/f1.txt"), &[]) else {
        eprintln!("note: `script` is not available; terminal behaviour not tested");
        return;
    };
    assert!(coloured.contains("\u{1b}["), "{coloured}");
    let no_color = on_a_terminal(&format!("{bin} {d}/f1.txt"), &[("NO_COLOR", "1")]).unwrap();
    assert!(!no_color.contains("\u{1b}["), "{no_color}");
    // The bar goes to stderr (a terminal here); the reports go to a file.
    let bar = on_a_terminal(&format!("{bin} --color never {d} > /dev/null"), &[]).unwrap();
    assert!(bar.contains("/40 files"), "{bar}");
    let quiet = on_a_terminal(&format!("{bin} --quiet {d} > /dev/null"), &[]).unwrap();
    assert!(quiet.is_empty(), "{quiet}");
}

#[test]
fn no_progress_bar_when_stderr_is_not_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..20 {
        write(dir.path(), &format!("f{i}.txt"), &article(i));
    }
    presslens().arg(dir.path()).assert().success().stderr("");
}

#[test]
fn broken_pipe_exits_quietly() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..50 {
        write(dir.path(), &format!("f{i}.txt"), &article(i).repeat(20));
    }
    for format in ["text", "json", "jsonl"] {
        let (status, stderr) = into_head(&format!("--format {format} '{}'", dir.path().display()));
        assert_eq!((status.as_str(), stderr.as_str()), ("0", ""), "{format}");
    }
}

#[test]
fn a_directory_with_no_matching_file_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty");
    std::fs::create_dir_all(empty.join("sub")).unwrap();
    write(&empty, "sub/notes.log", "not picked up");
    let a = write(dir.path(), "a.txt", &article(1));
    let out = presslens()
        .args(["--format", "jsonl", "--max-count", "editorial=100"])
        .arg(&empty)
        .arg(&a)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(json_lines(&out.stdout).len(), 1);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        stderr.lines().next().unwrap(),
        format!(
            "presslens: {}: no file matching *.txt, *.md, *.text in this directory",
            empty.display()
        )
    );
    // With a glob that matches, the same folder is fine.
    presslens()
        .args(["--glob", "*.log"])
        .arg(&empty)
        .assert()
        .success();
}
