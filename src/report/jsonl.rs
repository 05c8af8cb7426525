//! `--format jsonl` and `--jsonl-in`: one JSON object per line.
//!
//! Wire format (each line is one compact JSON object, in input order):
//!
//! * **A report** (`presslens --format jsonl a.txt b.txt`): the fields of the
//!   `--format json` report (see [`crate::report`]), plus `gates` when gates
//!   were given: `[{"gate": "max-count unlabeled=0", "value": 3, "limit": 0,
//!   "passed": false}, …]`, one per gate in command-line order.
//! * **With `--summary`**: `{"source": {…}, "summary": {…}}` (plus `gates`).
//! * **A record** (`--jsonl-in`): `{"line": N, "id": …}` followed by the
//!   report (or summary) fields, `gates`, then every other field of the input
//!   record passed through unchanged. The input's `text` is not repeated, and
//!   an input field whose name is a report field (`source`, `summary`, …, or
//!   `line`, `gates`, `error`) is dropped rather than written twice.
//! * **An error record** (`--jsonl-in`, a line that could not be analysed):
//!   `{"line": N, "id": … | null, "error": "invalid JSON: …"}`.
//!
//! `line` counts from 1 over the lines presslens itself read (with `parallel
//! --pipe`, each chunk counts from 1 again: use `id` to join).
//!
//! The JSON Schema of all four shapes is `schema/report.schema.json`.

use super::emit::Json;
use super::{Report, SourceInfo, Summary};
use crate::gates::GateResult;
use serde::{Serialize, Serializer};
use serde_json::{Map, Value};
use std::io::{self, Write};

/// Top-level names of a record that belong to presslens, not to the input.
pub const RESERVED_FIELDS: &[&str] = &[
    "line",
    "id",
    "error",
    "gates",
    "text",
    "schema_version",
    "tool",
    "source",
    "title",
    "title_span",
    "byline",
    "byline_span",
    "dateline",
    "dateline_span",
    "summary",
    "sentences",
];

/// What is written for one analysed text: the whole report, or (with
/// `--summary`) its source and summary only.
#[derive(Clone, Copy)]
pub enum Body<'r, 'a> {
    Report(&'r Report<'a>),
    Summary(&'r Report<'a>),
}

impl<'r, 'a> Body<'r, 'a> {
    pub(crate) fn summary(&self) -> &'r Summary<'a> {
        match self {
            Body::Report(r) | Body::Summary(r) => &r.summary,
        }
    }
}

#[derive(Serialize)]
struct SummaryView<'r, 'a> {
    source: &'r SourceInfo<'a>,
    summary: &'r Summary<'a>,
}

impl Serialize for Body<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Body::Report(r) => r.serialize(serializer),
            Body::Summary(r) => SummaryView {
                source: &r.source,
                summary: &r.summary,
            }
            .serialize(serializer),
        }
    }
}

/// A report (or summary) with its gate results; the element of `--format
/// json` arrays and the line of `--format jsonl`.
#[derive(Serialize)]
pub struct Output<'r, 'a> {
    #[serde(flatten)]
    pub body: Body<'r, 'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gates: Option<&'r [GateResult]>,
}

impl<'r, 'a> Output<'r, 'a> {
    /// A whole report, without gates.
    pub fn of(report: &'r Report<'a>) -> Self {
        Output {
            body: Body::Report(report),
            gates: None,
        }
    }
}

/// One output line of `--jsonl-in` for a record that was analysed.
#[derive(Serialize)]
pub struct Record<'r, 'a> {
    pub line: u64,
    pub id: &'r Value,
    #[serde(flatten)]
    pub output: Output<'r, 'a>,
    /// The input record's other fields, without [`RESERVED_FIELDS`].
    #[serde(flatten)]
    pub extra: &'r Map<String, Value>,
}

/// One output line of `--jsonl-in` for a line that could not be analysed.
#[derive(Serialize)]
pub struct ErrorRecord<'r> {
    pub line: u64,
    pub id: &'r Value,
    pub error: &'r str,
}

/// Writes a report (or summary) as a line of compact JSON: the bytes
/// serde_json writes for [`Output`], faster (see `src/report/emit.rs`).
pub fn write_output(out: &mut impl Write, output: &Output) -> io::Result<()> {
    super::json::write_output(out, output, false)?;
    out.write_all(b"\n")
}

/// Writes an analysed record as a line of compact JSON, as
/// [`write_output`] does.
pub fn write_record(out: &mut impl Write, record: &Record) -> io::Result<()> {
    Json::new(false).record(record, out)?;
    out.write_all(b"\n")
}

/// Writes one value as a line of compact JSON.
pub fn write_line(out: &mut impl Write, value: &impl Serialize) -> io::Result<()> {
    serde_json::to_writer(&mut *out, value)?;
    out.write_all(b"\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Options, analyze};

    fn line(value: &impl Serialize) -> Value {
        let mut out = Vec::new();
        write_line(&mut out, value).unwrap();
        assert_eq!(out.iter().filter(|&&b| b == b'\n').count(), 1);
        assert!(out.ends_with(b"\n"));
        serde_json::from_slice(&out).unwrap()
    }

    #[test]
    fn output_adds_gates_only_when_given() {
        let report = analyze("One sentence here. Another one.", &Options::default());
        let plain = line(&Output {
            body: Body::Report(&report),
            gates: None,
        });
        assert!(plain.get("gates").is_none());
        assert_eq!(plain["summary"]["sentences"], 2);
        let gates = [GateResult {
            gate: "max-count unlabeled=0".into(),
            value: 2.0,
            limit: 0.0,
            passed: false,
        }];
        let gated = line(&Output {
            body: Body::Report(&report),
            gates: Some(&gates),
        });
        assert_eq!(gated["gates"][0]["passed"], false);
        assert_eq!(gated["gates"][0]["gate"], "max-count unlabeled=0");
    }

    #[test]
    fn summary_body_has_source_and_summary_only() {
        let report = analyze("One sentence here.", &Options::default());
        let v = line(&Output {
            body: Body::Summary(&report),
            gates: None,
        });
        let keys: Vec<&str> = v.as_object().unwrap().keys().map(|k| k.as_str()).collect();
        assert_eq!(keys, ["source", "summary"]);
    }

    #[test]
    fn record_puts_line_and_id_first_and_passes_fields_through() {
        let report = analyze("One sentence here.", &Options::default());
        let mut extra = Map::new();
        extra.insert("lang".into(), Value::from("en"));
        let id = Value::from("a-1");
        let mut out = Vec::new();
        write_line(
            &mut out,
            &Record {
                line: 3,
                id: &id,
                output: Output {
                    body: Body::Report(&report),
                    gates: None,
                },
                extra: &extra,
            },
        )
        .unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.starts_with(r#"{"line":3,"id":"a-1","schema_version""#));
        let v: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(v["lang"], "en");
    }

    #[test]
    fn error_record_shape() {
        let v = line(&ErrorRecord {
            line: 7,
            id: &Value::Null,
            error: "invalid JSON: EOF",
        });
        assert_eq!(
            v,
            serde_json::json!({"line": 7, "id": null, "error": "invalid JSON: EOF"})
        );
    }
}
