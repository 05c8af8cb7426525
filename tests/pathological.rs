//! Pathological inputs, each generated here (nothing large is checked in):
//! the library keeps every report invariant on them, and the binary, where
//! the reader matters, fails with one clear line or analyses the rest.
//! Scaling (N vs 4N) is measured by benches/pathological.rs, not timed here.

mod common;
#[path = "support/invariants.rs"]
mod invariants;

use common::{article, json_lines, presslens, write};
use invariants::analyze_checked;
use serde_json::{Value, json};
use std::path::Path;

fn sentence_count(report: &Value) -> usize {
    report["sentences"].as_array().unwrap().len()
}

/// Runs the binary on `bytes` given as a file; returns (exit code, stdout,
/// stderr).
fn run_file(name: &str, bytes: &[u8], args: &[&str]) -> (Option<i32>, Vec<u8>, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    let out = presslens().args(args).arg(&path).output().unwrap();
    (
        out.status.code(),
        out.stdout,
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn five_megabyte_line_without_punctuation() {
    let words = ["council", "budget", "river", "vote", "résumé", "naïve"];
    let mut text = String::with_capacity(5 << 20);
    let mut i = 0;
    while text.len() < 5 << 20 {
        text.push_str(words[i % words.len()]);
        text.push(' ');
        i += 1;
    }
    let report = analyze_checked(&text);
    assert!(sentence_count(&report) >= 1);
    assert_eq!(report["summary"]["paragraphs"], 1);
    // The binary reads it too (it is under the default --max-bytes).
    let (code, stdout, stderr) = run_file(
        "line.txt",
        text.as_bytes(),
        &["--summary", "--format", "json"],
    );
    assert_eq!((code, stderr.as_str()), (Some(0), ""));
    assert!(serde_json::from_slice::<Value>(&stdout).is_ok());
}

#[test]
fn a_hundred_thousand_unbalanced_quote_marks() {
    for mark in ["\"", "“", "”", "«", "'", "‘"] {
        let text = format!("He said {} and left.", mark.repeat(100_000));
        analyze_checked(&text);
    }
    // Opening marks each followed by a word, never closed.
    let text = "“word ".repeat(100_000);
    analyze_checked(&text);
    // Alternating straight quotes with sentence ends inside.
    let text = "\"Yes. ".repeat(100_000);
    let report = analyze_checked(&text);
    assert!(sentence_count(&report) > 1);
}

#[test]
fn ten_thousand_nested_brackets() {
    for (open, close) in [("(", ")"), ("[", "]"), ("{", "}"), ("“", "”")] {
        let balanced = format!(
            "{}the vote. 5%{}",
            open.repeat(10_000),
            close.repeat(10_000)
        );
        analyze_checked(&balanced);
        let unbalanced = format!("{}It rose 3%. He said so.", open.repeat(10_000));
        analyze_checked(&unbalanced);
        let closers = format!("It rose 3%. {} He said so.", close.repeat(10_000));
        analyze_checked(&closers);
    }
}

#[test]
fn fifty_thousand_abbreviations_in_one_paragraph() {
    let text = "U.S. ".repeat(50_000);
    analyze_checked(text.trim_end());
    let text = "Mr. Dr. e.g. Jan. No. ".repeat(10_000);
    analyze_checked(&text);
}

#[test]
fn only_punctuation() {
    let marks = ".,;:!?-—–()[]{}\"'“”‘’«»…/\\*&%$#@";
    let text: String = marks.chars().cycle().take(200_000).collect();
    analyze_checked(&text);
    analyze_checked(&".".repeat(100_000));
    analyze_checked(&"?! ".repeat(50_000));
    analyze_checked(&"...\n\n".repeat(20_000));
}

#[test]
fn nul_bytes_and_control_characters() {
    let mut text = String::new();
    for i in 0..20_000u32 {
        text.push(char::from_u32(i % 32).unwrap());
        text.push_str("word");
        if i % 7 == 0 {
            text.push_str(". ");
        }
        text.push('\u{7f}');
        text.push('\u{85}');
    }
    analyze_checked(&text);
    // The binary accepts NUL bytes in UTF-8 text and analyses the words.
    let (code, stdout, stderr) = run_file(
        "nul.txt",
        b"The vote\0 passed.\0\0 It rose 5%.",
        &["--format", "json"],
    );
    assert_eq!((code, stderr.as_str()), (Some(0), ""));
    let report: Value = serde_json::from_slice(&stdout).unwrap();
    assert!(sentence_count(&report) >= 1);
    // Nothing but NULs and controls is an empty input, not a report.
    let (code, _, stderr) = run_file("ctl.txt", b"\0\0\x01\x02\x1b\n", &[]);
    assert_eq!(code, Some(2));
    assert!(stderr.contains("empty input"), "{stderr}");
}

#[test]
fn mixed_scripts_rtl_emoji_and_combining_marks() {
    let pieces = [
        "שלום עולם. ",
        "مرحبا بالعالم؟ ",
        "\u{202e}reversed\u{202c} ",
        "\u{200f}\u{200e}",
        "😀👍🏽👨‍👩‍👧 ",
        "e\u{301}\u{302}\u{303}\u{304} ",
        "\u{301}\u{301}\u{301}",
        "日本語の文。",
        "中文句子！",
        "Привет, мир. ",
        "नमस्ते दुनिया। ",
        "“Ça va,” a-t-il dit. ",
        "ﷺ ﷽ ",
        "\u{fe0f}\u{200d}",
        "12,5 % ",
        "١٢٣٤٥ ",
    ];
    let text: String = pieces.iter().cycle().take(20_000).copied().collect();
    analyze_checked(&text);
    // Each piece on its own and at the start of a paragraph.
    for p in pieces {
        analyze_checked(p);
        analyze_checked(&format!("{p}\n\n{p}It rose 5%, {p} he said."));
    }
    let (code, stdout, stderr) = run_file("mixed.txt", text.as_bytes(), &["--format", "json"]);
    assert_eq!((code, stderr.as_str()), (Some(0), ""));
    let report: Value = serde_json::from_slice(&stdout).unwrap();
    assert_eq!(report["source"]["bytes"], text.len());
}

#[test]
fn windows_1252_is_a_clear_error_suggesting_iconv() {
    // “Caf\xe9” with curly quotes 0x93/0x94 and an en dash 0x96.
    let mut bytes = Vec::new();
    for _ in 0..500 {
        bytes.extend_from_slice(b"\x93Caf\xe9 prices rose \x96 sharply,\x94 she said. ");
    }
    for format in ["text", "markdown", "auto"] {
        let (code, stdout, stderr) = run_file("cp1252.txt", &bytes, &["--input-format", format]);
        assert_eq!(code, Some(2), "{format}");
        assert!(stdout.is_empty());
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(
            stderr.contains("not valid UTF-8 (first bad byte at offset 0)"),
            "{stderr}"
        );
        assert!(
            stderr.contains("iconv -f WINDOWS-1252 -t UTF-8"),
            "{stderr}"
        );
    }
}

#[test]
fn a_file_over_max_bytes() {
    let text = "The council met. ".repeat(1000);
    let (code, stdout, stderr) = run_file("big.txt", text.as_bytes(), &["--max-bytes", "4096"]);
    assert_eq!(code, Some(2));
    assert!(stdout.is_empty());
    assert!(
        stderr.contains("larger than --max-bytes (4096 bytes)"),
        "{stderr}"
    );
    // Exactly at the limit is fine.
    let (code, _, stderr) = run_file(
        "big.txt",
        text.as_bytes(),
        &["--max-bytes", &text.len().to_string()],
    );
    assert_eq!((code, stderr.as_str()), (Some(0), ""));
    // On standard input too, where the size is not known in advance.
    let out = presslens()
        .args(["--max-bytes", "4096"])
        .write_stdin(text)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("larger than --max-bytes"));
}

#[test]
fn html_and_markdown_pathologies() {
    let deep = format!(
        "<html><body><article>{}<p>It rose 5%, he said.</p></article></body></html>",
        "<div>".repeat(10_000)
    );
    let unclosed = format!("<!doctype html><html><body>{}", "<p>“Yes, ".repeat(20_000));
    let markdown = format!("# T\n\n{}\n\n{}", ">".repeat(10_000), "* [".repeat(10_000));
    for (name, bytes) in [
        ("deep.html", deep.as_bytes()),
        ("unclosed.html", unclosed.as_bytes()),
        ("deep.md", markdown.as_bytes()),
    ] {
        let (code, stdout, stderr) = run_file(name, bytes, &["--format", "json"]);
        assert!(
            !stderr.contains("panicked") && !stderr.contains("internal error"),
            "{name}: {stderr}"
        );
        match code {
            Some(0) => {
                let report: Value = serde_json::from_slice(&stdout).unwrap();
                assert!(report["source"]["extracted_text"].is_string(), "{name}");
            }
            Some(2) => assert_eq!(stderr.lines().count(), 1, "{name}: {stderr}"),
            other => panic!("{name}: exit {other:?}: {stderr}"),
        }
    }
}

// ---- batch faults -------------------------------------------------------

/// The names of the reports in `--format jsonl` output.
fn report_names(stdout: &[u8]) -> Vec<String> {
    json_lines(stdout)
        .iter()
        .map(|r| r["source"]["name"].as_str().unwrap().to_string())
        .collect()
}

fn good_files(dir: &Path, n: usize) -> Vec<String> {
    (0..n)
        .map(|i| {
            write(dir, &format!("good{i}.txt"), &article(i))
                .display()
                .to_string()
        })
        .collect()
}

#[test]
fn a_dangling_symlink_in_a_directory_is_an_error_and_the_rest_finish() {
    let dir = tempfile::tempdir().unwrap();
    let good = good_files(dir.path(), 3);
    // A link whose target was removed: the file "vanished" before the read.
    let target = write(dir.path(), "gone/target.txt", &article(9));
    std::os::unix::fs::symlink(&target, dir.path().join("link.txt")).unwrap();
    std::fs::remove_file(&target).unwrap();
    let out = presslens()
        .args(["--format", "jsonl"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(report_names(&out.stdout), good);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("link.txt: no such file"), "{stderr}");
    assert!(
        stderr.contains("1 of 4 inputs could not be analysed"),
        "{stderr}"
    );
}

#[test]
fn paths_through_a_file_and_a_file_replaced_by_a_directory() {
    let dir = tempfile::tempdir().unwrap();
    let good = good_files(dir.path(), 2);
    let through = format!("{}/x", good[0]);
    // A name ending in .txt that is now a directory, given explicitly.
    let replaced = dir.path().join("sub/replaced.txt");
    std::fs::create_dir_all(&replaced).unwrap();
    let out = presslens()
        .args(["--format", "jsonl"])
        .args([&good[0], &through, &good[1]])
        .arg(&replaced)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(report_names(&out.stdout), good);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains(&format!("{through}: cannot read")),
        "{stderr}"
    );
    assert!(
        stderr.contains("2 of 4 inputs could not be analysed"),
        "{stderr}"
    );
}

#[test]
fn an_unreadable_file_when_not_root() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let good = good_files(dir.path(), 2);
    let locked = write(dir.path(), "locked.txt", &article(5));
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&locked).is_ok() {
        eprintln!("note: running as root, mode 000 does not stop reads; skipped");
        return;
    }
    let out = presslens()
        .args(["--format", "jsonl"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(report_names(&out.stdout), good);
    assert!(String::from_utf8_lossy(&out.stderr).contains("locked.txt: cannot read"));
}

/// Many files; one is deleted by another thread once the run has started.
/// Depending on timing the walk sees it or not: either way every other file
/// is reported, and the exit code says whether something was missing.
#[test]
fn a_file_that_vanishes_during_the_run() {
    let dir = tempfile::tempdir().unwrap();
    let mut good = Vec::new();
    for i in 0..300 {
        let text = article(i).repeat(10);
        good.push(write(dir.path(), &format!("f{i:03}.txt"), &text));
    }
    let victim = good.remove(250);
    let child = std::process::Command::new(env!("CARGO_BIN_EXE_presslens"))
        .args(["--format", "jsonl"])
        .arg(dir.path())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let remover = std::thread::spawn(move || {
        std::thread::sleep(std::time::Duration::from_millis(20));
        std::fs::remove_file(&victim).unwrap();
    });
    let out = child.wait_with_output().unwrap();
    remover.join().unwrap();
    let names = report_names(&out.stdout);
    let good: Vec<String> = good.iter().map(|p| p.display().to_string()).collect();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        !stderr.contains("panicked") && !stderr.contains("internal error"),
        "{stderr}"
    );
    if names.len() == 300 {
        // Read before the removal.
        assert_eq!(out.status.code(), Some(0), "{stderr}");
    } else {
        assert_eq!(names, good);
        if stderr.is_empty() {
            // Removed before the walk listed the directory.
            assert_eq!(out.status.code(), Some(0));
        } else {
            assert!(stderr.contains("f250.txt: no such file"), "{stderr}");
            assert_eq!(out.status.code(), Some(2));
        }
    }
}

// ---- --jsonl-in faults ---------------------------------------------------

/// A real 100 MB record under the default --max-bytes (64 MiB) is one error
/// record; the records around it are analysed.
#[test]
fn a_hundred_megabyte_jsonl_record_is_an_error_record() {
    let mut input = String::with_capacity(101 << 20);
    input.push_str(&json!({"id": "before", "text": "The vote passed."}).to_string());
    input.push_str("\n{\"id\": \"huge\", \"text\": \"");
    let chunk = "word ".repeat(1 << 10);
    while input.len() < 100 << 20 {
        input.push_str(&chunk);
    }
    input.push_str("\"}\n");
    input.push_str(&json!({"id": "after", "text": "Prices rose 5%."}).to_string());
    input.push('\n');
    let out = presslens()
        .arg("--jsonl-in")
        .write_stdin(input)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let lines = json_lines(&out.stdout);
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["id"], "before");
    assert!(lines[0]["sentences"].is_array());
    assert_eq!(lines[1]["line"], 2);
    assert!(
        lines[1]["error"]
            .as_str()
            .unwrap()
            .starts_with("record larger than --max-bytes"),
        "{}",
        lines[1]
    );
    assert_eq!(lines[2]["id"], "after");
    assert!(lines[2]["sentences"].is_array());
}

/// Garbage bytes (invalid UTF-8, NULs, a lone `{`) as records.
#[test]
fn jsonl_records_of_garbage_bytes() {
    let mut input = Vec::new();
    input.extend_from_slice(b"{\"id\": \"a\", \"text\": \"Fine.\"}\n");
    input.extend_from_slice(b"\xff\xfe\x00\x01\n");
    input.extend_from_slice(b"{\n");
    input.extend_from_slice(b"\0\0\0\n");
    input.extend_from_slice(b"{\"id\": \"b\", \"text\": \"caf\xe9\"}\n");
    input.extend_from_slice(b"{\"id\": \"c\", \"text\": \"\\u0000 ok \\ud800\"}\n");
    input.extend_from_slice(b"{\"id\": \"d\", \"text\": \"Also fine.\"}\n");
    let out = presslens()
        .arg("--jsonl-in")
        .write_stdin(input)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !stderr.contains("panicked") && !stderr.contains("internal error"),
        "{stderr}"
    );
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    let lines = json_lines(&out.stdout);
    assert_eq!(lines.len(), 7, "one record per input line");
    assert_eq!(lines[0]["id"], "a");
    assert_eq!(lines[6]["id"], "d");
    for l in &lines[1..5] {
        assert!(l["error"].is_string(), "{l}");
    }
}

// ---- closed pipes --------------------------------------------------------

/// `presslens … | head -c 10` through plain sh: presslens's own status
/// (written to fd 3 by a wrapper) is 0 and nothing reaches stderr.
#[test]
fn writing_to_a_closed_pipe_is_quiet() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..40 {
        write(dir.path(), &format!("f{i:02}.txt"), &article(i).repeat(30));
    }
    let status = dir.path().join("status");
    let bin = env!("CARGO_BIN_EXE_presslens");
    // One file whose report is far larger than a pipe buffer (64 KiB).
    let big = tempfile::tempdir().unwrap();
    let one = write(big.path(), "big.txt", &article(1).repeat(400))
        .display()
        .to_string();
    let all = dir.path().display().to_string();
    for (args, input) in [
        ("--format jsonl", &all),
        ("--format json", &all),
        ("--format text", &all),
        ("--format markdown", &all),
        ("--summary", &all),
        ("--format html", &one),
        ("--format json", &one),
    ] {
        let script = format!(
            "({bin} {args} '{input}'; echo $? >&3) 3>'{s}' | head -c 10 >/dev/null",
            s = status.display()
        );
        let out = std::process::Command::new("sh")
            .args(["-c", &script])
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(stderr, "", "{args}");
        let code = std::fs::read_to_string(&status).unwrap();
        assert_eq!(code.trim(), "0", "{args}");
    }
}
