//! The editorial detector on whole texts, through the real binary:
//! false-positive control on neutral wire copy, recall on opinion writing.

use assert_cmd::Command;
use serde_json::Value;

fn analyse(args: &[&str], stdin: Option<&str>) -> Value {
    let mut cmd = Command::cargo_bin("presslens").unwrap();
    cmd.args(["--format", "json"]).args(args);
    if let Some(text) = stdin {
        cmd.arg("-").write_stdin(text);
    }
    let out = cmd.assert().success().get_output().stdout.clone();
    serde_json::from_slice(&out).expect("JSON report")
}

fn sentences(report: &Value) -> &Vec<Value> {
    report["sentences"].as_array().expect("sentences")
}

fn is_editorial(s: &Value) -> bool {
    s["labels"]
        .as_array()
        .unwrap()
        .iter()
        .any(|l| l == "editorial")
}

fn editorial_count(report: &Value) -> usize {
    sentences(report).iter().filter(|s| is_editorial(s)).count()
}

#[test]
fn neutral_wire_copy_has_at_most_one_editorial_sentence() {
    let report = analyse(&["fixtures/editorial/neutral_wire.txt"], None);
    let n = sentences(&report).len();
    assert!(n >= 30, "fixture has {n} sentences");
    let flagged: Vec<&str> = sentences(&report)
        .iter()
        .filter(|s| is_editorial(s))
        .map(|s| s["text"].as_str().unwrap())
        .collect();
    assert!(
        flagged.len() <= 1,
        "editorial in neutral copy: {flagged:#?}"
    );
}

#[test]
fn opinion_writing_is_mostly_editorial() {
    let report = analyse(&["fixtures/editorial/opinion.txt"], None);
    let n = sentences(&report).len();
    assert!(n >= 30, "fixture has {n} sentences");
    let e = editorial_count(&report);
    assert!(
        e * 4 >= n * 3,
        "only {e} of {n} opinion sentences are editorial"
    );
}

#[test]
fn evidence_spans_slice_the_input_and_sum_to_the_weight() {
    let text = std::fs::read_to_string("fixtures/editorial/opinion.txt").unwrap();
    let report = analyse(&["fixtures/editorial/opinion.txt"], None);
    for s in sentences(&report) {
        let mut sum = 0.0;
        for e in s["evidence"].as_array().unwrap() {
            if e["label"] != "editorial" {
                continue;
            }
            let (a, b) = (e["start"].as_u64().unwrap(), e["end"].as_u64().unwrap());
            assert_eq!(&text[a as usize..b as usize], e["text"].as_str().unwrap());
            sum += e["weight"].as_f64().unwrap();
        }
        let w = s["editorial_weight"].as_f64().unwrap();
        assert!((sum - w).abs() < 1e-3, "{sum} vs {w} in {}", s["text"]);
    }
}

#[test]
fn quoted_opinion_is_the_speaker_not_the_writer() {
    let text = "\"This plan is a disgraceful, reckless scam,\" the senator said on Tuesday.";
    let report = analyse(&[], Some(text));
    assert_eq!(editorial_count(&report), 0);
    let unquoted = "The senator's plan is a disgraceful, reckless scam.";
    assert_eq!(editorial_count(&analyse(&[], Some(unquoted))), 1);
}

#[test]
fn threshold_flag_moves_the_cut() {
    let text = "Perhaps the council will finally listen.";
    assert_eq!(editorial_count(&analyse(&[], Some(text))), 1);
    let strict = analyse(&["--editorial-threshold", "5"], Some(text));
    assert_eq!(editorial_count(&strict), 0);
    assert!(sentences(&strict)[0]["editorial_weight"].as_f64().unwrap() > 1.0);
}

#[test]
fn each_kind_of_evidence_is_named() {
    let cases = [
        ("The mayor slammed the plan.", "loaded_verb"),
        ("It was a phony crisis.", "loaded_word"),
        ("The so-called President spoke.", "sarcasm_marker"),
        ("We know how this ends.", "authorial_voice"),
        ("Who could blame them?", "rhetorical_question"),
        ("What a week!", "exclamation"),
        ("It was utterly predictable.", "intensifier"),
        ("It was not exactly a triumph.", "understatement"),
        ("The leftist council met.", "partisan_label"),
        ("It seems the plan failed.", "speculation"),
        ("The council must act.", "obligation"),
    ];
    for (text, rule) in cases {
        let report = analyse(&[], Some(text));
        let rules: Vec<&str> = sentences(&report)[0]["evidence"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["rule"].as_str().unwrap())
            .collect();
        assert!(rules.contains(&rule), "{text}: {rules:?}");
    }
}
