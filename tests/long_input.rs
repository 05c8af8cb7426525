//! One input longer than an analysis window: written as it is analysed
//! (`--format json`/`jsonl` of a single input), it must read exactly as the
//! same input analysed in memory (an element of a `--format json` array).

mod common;

use common::{article, presslens, write};
use serde_json::Value;

/// About 1.6 MB of made-up articles: several windows of the default 512 KiB.
fn long_text() -> String {
    let mut text = String::from("A Long Digest of Council News\n\n");
    let mut seed = 0;
    while text.len() < 1_600_000 {
        // Each article without its headline line, as paragraphs of the digest.
        let a = article(seed);
        text.push_str(a.split_once("\n\n").unwrap().1);
        text.push('\n');
        seed += 1;
    }
    text
}

fn run(args: &[&str]) -> (Vec<u8>, i32) {
    let out = presslens().args(args).output().unwrap();
    assert!(out.stderr.is_empty() || out.status.code() == Some(1));
    (out.stdout, out.status.code().unwrap())
}

#[test]
fn streamed_json_is_the_in_memory_report() {
    let dir = tempfile::tempdir().unwrap();
    let text = long_text();
    let long = write(dir.path(), "long.txt", &text);
    let short = write(dir.path(), "short.txt", &article(3));
    let (long, short) = (long.to_str().unwrap(), short.to_str().unwrap());

    let (single, code) = run(&["--format", "json", long]);
    assert_eq!(code, 0);
    let single: Value = serde_json::from_slice(&single).unwrap();
    // Two inputs make an array, each report built in memory.
    let (array, _) = run(&["--format", "json", long, short]);
    let array: Value = serde_json::from_slice(&array).unwrap();
    assert_eq!(single, array[0]);

    let sentences = single["sentences"].as_array().unwrap();
    assert!(sentences.len() > 13_000, "{}", sentences.len());
    assert_eq!(single["summary"]["sentences"], sentences.len());
    for (i, s) in sentences.iter().enumerate() {
        assert_eq!(s["index"], i);
        let (start, end) = (s["start"].as_u64().unwrap(), s["end"].as_u64().unwrap());
        assert_eq!(
            text[start as usize..end as usize],
            *s["text"].as_str().unwrap()
        );
    }
    let last = sentences.last().unwrap();
    assert_eq!(
        last["paragraph"].as_u64().unwrap() + 1,
        single["summary"]["paragraphs"].as_u64().unwrap()
    );
    // The summary comes after the sentences it counts.
    let raw = String::from_utf8(run(&["--format", "json", long]).0).unwrap();
    assert!(raw.find("\"sentences\"").unwrap() < raw.find("\"summary\"").unwrap());
}

#[test]
fn streamed_jsonl_with_gates() {
    let dir = tempfile::tempdir().unwrap();
    let long = write(dir.path(), "long.txt", &long_text());
    let long = long.to_str().unwrap();
    let out = presslens()
        .args(["--format", "jsonl", "--max-count", "statistic=0", long])
        .output()
        .unwrap();
    // Every generated article has a statistic: the gate fails.
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("long.txt") && stderr.contains("statistic"),
        "{stderr}"
    );
    let lines = common::json_lines(&out.stdout);
    assert_eq!(lines.len(), 1);
    let gates = &lines[0]["gates"];
    assert_eq!(gates[0]["passed"], false);
    let statistic = lines[0]["summary"]["labels"]["statistic"].as_f64();
    assert_eq!(gates[0]["value"].as_f64(), statistic);

    // --summary: the same summary, no sentences.
    let (summary, _) = run(&["--format", "jsonl", "--summary", long]);
    let summary = &common::json_lines(&summary)[0];
    assert!(summary.get("sentences").is_none());
    assert_eq!(summary["summary"], lines[0]["summary"]);
}

#[test]
fn streamed_text_is_the_in_memory_report() {
    let dir = tempfile::tempdir().unwrap();
    let long = write(dir.path(), "long.txt", &long_text());
    let short = write(dir.path(), "short.txt", &article(3));
    let (long, short) = (long.to_str().unwrap(), short.to_str().unwrap());
    let (single, _) = run(&["--color", "never", long]);
    let (both, _) = run(&["--color", "never", long, short]);
    let (alone, _) = run(&["--color", "never", short]);
    // Several inputs are rendered in memory, one after the other.
    assert_eq!(both, [&single[..], b"\n", &alone[..]].concat());
    let single = String::from_utf8(single).unwrap();
    assert!(single.contains("A Long Digest of Council News"));
    assert!(single.trim_end().lines().count() > 10_000);
}

/// A text with no paragraph breaks is still analysed a window at a time
/// (cut between sentences), and reads as one paragraph.
#[test]
fn one_long_paragraph() {
    let dir = tempfile::tempdir().unwrap();
    let text = long_text().replace('\n', " ");
    let path = write(dir.path(), "flat.txt", &text);
    let (out, code) = run(&["--format", "json", path.to_str().unwrap()]);
    assert_eq!(code, 0);
    let report: Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(report["summary"]["paragraphs"], 1);
    let sentences = report["sentences"].as_array().unwrap();
    assert!(sentences.len() > 13_000, "{}", sentences.len());
    let mut labelled = 0;
    for (i, s) in sentences.iter().enumerate() {
        assert_eq!((&s["index"], &s["paragraph"]), (&i.into(), &0.into()));
        let (start, end) = (s["start"].as_u64().unwrap(), s["end"].as_u64().unwrap());
        assert_eq!(
            text[start as usize..end as usize],
            *s["text"].as_str().unwrap()
        );
        labelled += !s["labels"].as_array().unwrap().is_empty() as usize;
    }
    // The detectors ran in every window, not only the first.
    assert!(labelled > sentences.len() / 2, "{labelled}");
    let last_labelled = sentences
        .iter()
        .rposition(|s| !s["labels"].as_array().unwrap().is_empty());
    assert!(last_labelled.unwrap() > sentences.len() - 100);
}
