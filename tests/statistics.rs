//! Runs the real binary over fixtures/statistics/cases.tsv and checks, per
//! case, the statistic label, each quantity's value, unit and range, the
//! `sourced` flag, and that every span points at its text.

use assert_cmd::Command;
use serde_json::Value;

struct Case {
    line: usize,
    /// (value or low, high, unit) per expected quantity.
    want: Vec<(f64, Option<f64>, Option<String>)>,
    sourced: Option<bool>,
    sentence: String,
}

fn cases() -> Vec<Case> {
    let src = include_str!("../fixtures/statistics/cases.tsv");
    let mut out = Vec::new();
    for (n, line) in src.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), 3, "line {}: three columns", n + 1);
        let want = if cols[0] == "-" {
            Vec::new()
        } else {
            cols[0]
                .split(" ; ")
                .map(|q| {
                    let (v, unit) = q.split_once(' ').unwrap_or((q, "_"));
                    let unit = (unit != "_").then(|| unit.to_string());
                    match v.split_once("..") {
                        Some((lo, hi)) => (lo.parse().unwrap(), Some(hi.parse().unwrap()), unit),
                        // `_`: a quantity without one value (a vote tally).
                        None if v == "_" => (f64::NAN, None, unit),
                        None => (v.parse().unwrap(), None, unit),
                    }
                })
                .collect()
        };
        let sourced = match cols[1] {
            "S" => Some(true),
            "U" => Some(false),
            _ => None,
        };
        out.push(Case {
            line: n + 1,
            want,
            sourced,
            sentence: cols[2].to_string(),
        });
    }
    out
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * b.abs().max(1.0)
}

#[test]
fn fixtures_are_balanced() {
    let cases = cases();
    let stats = cases.iter().filter(|c| !c.want.is_empty()).count();
    assert!(cases.len() >= 60, "{} cases", cases.len());
    assert!(
        stats * 3 >= cases.len() && stats * 3 <= cases.len() * 2,
        "{stats} statistics of {}",
        cases.len()
    );
}

#[test]
fn statistic_fixtures() {
    let cases = cases();
    let text: String = cases
        .iter()
        .map(|c| c.sentence.as_str())
        .collect::<Vec<_>>()
        .join("\n\n");
    let out = Command::cargo_bin("presslens")
        .unwrap()
        .args(["--format", "json", "-"])
        .write_stdin(text.clone())
        .output()
        .unwrap();
    assert!(out.status.success());
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let sentences = report["sentences"].as_array().unwrap();
    let mut failures = Vec::new();
    let mut unsourced = 0;
    for (p, case) in cases.iter().enumerate() {
        let mine: Vec<&Value> = sentences
            .iter()
            .filter(|s| s["paragraph"].as_u64() == Some(p as u64))
            .collect();
        assert_eq!(mine.len(), 1, "line {}: one sentence", case.line);
        let s = mine[0];
        let labelled = s["labels"]
            .as_array()
            .unwrap()
            .iter()
            .any(|l| l == "statistic");
        let qs = s["quantities"].as_array().unwrap();
        let got: Vec<String> = qs
            .iter()
            .map(|q| format!("{} {} {} {}", q["text"], q["value"], q["low"], q["unit"]))
            .collect();
        if labelled == case.want.is_empty() || qs.len() != case.want.len() {
            failures.push(format!(
                "line {}: {:?} got {got:?}",
                case.line, case.sentence
            ));
            continue;
        }
        for (q, (v, hi, unit)) in qs.iter().zip(&case.want) {
            let start = q["start"].as_u64().unwrap() as usize;
            let end = q["end"].as_u64().unwrap() as usize;
            assert_eq!(
                Some(&text[start..end]),
                q["text"].as_str(),
                "line {}",
                case.line
            );
            let value_ok = match hi {
                Some(h) => {
                    q["low"].as_f64().is_some_and(|x| close(x, *v))
                        && q["high"].as_f64().is_some_and(|x| close(x, *h))
                }
                None if v.is_nan() => q["value"].is_null() && q["low"].is_null(),
                None => q["value"].as_f64().is_some_and(|x| close(x, *v)),
            };
            let unit_ok = q["unit"].as_str() == unit.as_deref();
            let sourced_ok = case
                .sourced
                .is_none_or(|b| q["sourced"].as_bool() == Some(b));
            if !(value_ok && unit_ok && sourced_ok) {
                failures.push(format!(
                    "line {}: {:?} want {v} {hi:?} {unit:?} sourced {:?}, got {got:?} sourced {}",
                    case.line, case.sentence, case.sourced, q["sourced"]
                ));
            }
        }
        if labelled && case.sourced == Some(false) {
            unsourced += 1;
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert_eq!(
        report["summary"]["unsourced_statistics"].as_u64(),
        Some(unsourced)
    );
}
