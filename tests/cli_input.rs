//! The reader through the real binary: file vs stdin, encodings and line
//! ends, and every bad-input case (one line on stderr, exit code 2).

mod common;

use assert_cmd::Command;
use common::presslens;
use serde_json::Value;
use std::path::PathBuf;

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("presslens-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn json_of(args: &[&str], stdin: Option<&[u8]>) -> Value {
    let mut cmd = presslens();
    cmd.args(args);
    if let Some(input) = stdin {
        cmd.write_stdin(input.to_vec());
    }
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// Runs with the given args and expects exit 2 with one stderr line
/// containing every one of `needles`.
fn expect_error(cmd: &mut Command, needles: &[&str]) {
    let out = cmd.output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(2),
        "stdout: {}",
        String::from_utf8_lossy(&out.stdout)
    );
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "one line expected: {err:?}");
    assert!(
        !err.contains("panicked") && !err.contains("internal error"),
        "{err}"
    );
    for n in needles {
        assert!(err.contains(n), "{err:?} should mention {n:?}");
    }
    assert!(out.stdout.is_empty());
}

const ARTICLE: &str = "Council Backs Bridge Plan\n\nRIVERTON (AP) — The council voted on Tuesday. \
Mr. Hale said the vote was close.\n\nWork starts in May.\n";

#[test]
fn file_and_stdin_give_identical_reports() {
    let dir = temp_dir("same");
    let path = dir.join("story.txt");
    std::fs::write(&path, ARTICLE).unwrap();
    let mut from_file = json_of(&["--format", "json", path.to_str().unwrap()], None);
    let mut from_dash = json_of(&["--format", "json", "-"], Some(ARTICLE.as_bytes()));
    let mut from_pipe = json_of(&["--format", "json"], Some(ARTICLE.as_bytes()));
    assert_eq!(from_file["source"]["name"], path.to_str().unwrap());
    assert_eq!(from_dash["source"]["name"], "-");
    for v in [&mut from_file, &mut from_dash, &mut from_pipe] {
        v["source"]["name"] = Value::Null;
    }
    assert_eq!(from_file, from_dash);
    assert_eq!(from_file, from_pipe);
    assert_eq!(from_file["title"], "Council Backs Bridge Plan");
    assert_eq!(from_file["dateline"], "RIVERTON (AP) —");
    assert_eq!(from_file["summary"]["sentences"], 3);
}

#[test]
fn bom_crlf_and_lone_cr_keep_byte_offsets() {
    for input in [
        format!("\u{feff}{ARTICLE}"),
        ARTICLE.replace('\n', "\r\n"),
        ARTICLE.replace('\n', "\r"),
    ] {
        let report = json_of(&["--format", "json", "-"], Some(input.as_bytes()));
        assert_eq!(report["title"], "Council Backs Bridge Plan", "{input:?}");
        let sentences = report["sentences"].as_array().unwrap();
        assert_eq!(sentences.len(), 3, "{input:?}");
        for s in sentences {
            let (a, b) = (
                s["start"].as_u64().unwrap() as usize,
                s["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(&input[a..b], s["text"].as_str().unwrap());
            let (ca, cb) = (
                s["char_start"].as_u64().unwrap() as usize,
                s["char_end"].as_u64().unwrap() as usize,
            );
            assert_eq!(input[..a].chars().count(), ca);
            assert_eq!(input[..b].chars().count(), cb);
        }
    }
}

#[test]
fn text_output_is_the_default_and_fits_80_columns() {
    let out = presslens().write_stdin(ARTICLE).output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Council Backs Bridge Plan"));
    assert!(text.contains("Summary: 3 sentences"));
    assert!(text.lines().all(|l| l.chars().count() <= 80), "{text}");
}

#[test]
fn output_file_option_writes_the_report_there() {
    let dir = temp_dir("out");
    let out = dir.join("r.json");
    presslens()
        .args(["--format", "json", "-o", out.to_str().unwrap(), "-"])
        .write_stdin(ARTICLE)
        .assert()
        .success()
        .stdout("");
    let v: Value = serde_json::from_str(&std::fs::read_to_string(out).unwrap()).unwrap();
    assert_eq!(v["schema_version"], 1);
    assert_eq!(v["tool"]["name"], "presslens");
}

#[test]
fn missing_file() {
    expect_error(
        presslens().arg("no/such/story.txt"),
        &["no/such/story.txt", "no such file"],
    );
}

#[test]
fn directory() {
    let dir = temp_dir("isdir");
    let name = dir.to_str().unwrap().to_string();
    // A directory given as the input is refused (or, in batch mode, holds
    // no article): exit 2 naming it.
    let out = presslens().arg(&name).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains(&name), "{err}");
    assert!(!err.contains("panicked") && !err.contains("internal error"));
}

#[test]
fn unreadable_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = temp_dir("unreadable");
    let path = dir.join("locked.txt");
    std::fs::write(&path, "Some text.").unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&path).is_ok() {
        eprintln!("skipped: running as root, permissions do not stop reads");
        return;
    }
    expect_error(presslens().arg(&path), &["locked.txt", "cannot read"]);
}

#[test]
fn invalid_utf8_names_the_byte_and_suggests_iconv() {
    let dir = temp_dir("latin1");
    let path = dir.join("latin1.txt");
    std::fs::write(&path, b"The caf\xe9 opened on Tuesday.").unwrap();
    expect_error(
        presslens().arg(&path),
        &["latin1.txt", "UTF-8", "offset 7", "iconv"],
    );
}

#[test]
fn invalid_utf8_on_stdin() {
    expect_error(
        presslens().arg("-").write_stdin(b"ok \xff\xfe".to_vec()),
        &["<stdin>", "offset 3"],
    );
}

#[test]
fn empty_and_whitespace_only() {
    expect_error(presslens().arg("-").write_stdin(""), &["<stdin>", "empty"]);
    expect_error(presslens().arg("-").write_stdin(" \r\n\t\n"), &["empty"]);
    let dir = temp_dir("empty");
    let path = dir.join("blank.txt");
    std::fs::write(&path, "\n\n").unwrap();
    expect_error(presslens().arg(&path), &["blank.txt", "empty"]);
}

#[test]
fn over_max_bytes() {
    let dir = temp_dir("big");
    let path = dir.join("big.txt");
    std::fs::write(&path, "word ".repeat(100)).unwrap();
    expect_error(
        presslens().args(["--max-bytes", "100"]).arg(&path),
        &["big.txt", "--max-bytes"],
    );
    expect_error(
        presslens()
            .args(["--max-bytes", "100", "-"])
            .write_stdin("word ".repeat(100)),
        &["<stdin>", "--max-bytes"],
    );
    presslens()
        .args(["--max-bytes", "500", "-"])
        .write_stdin("word ".repeat(100))
        .assert()
        .success();
}

#[test]
fn help_and_version() {
    let out = presslens().arg("--help").output().unwrap();
    let help = String::from_utf8(out.stdout).unwrap();
    assert!(help.contains("Examples:"));
    assert!(help.contains("Exit codes"));
    let out = presslens().arg("--version").output().unwrap();
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .starts_with("presslens ")
    );
}

#[test]
fn bad_usage_is_exit_2() {
    let out = presslens()
        .args(["--format", "yaml", "-"])
        .write_stdin("x")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}
