//! `--format json`: the report as one JSON document (see [`crate::report`]
//! for the fields), written straight from the types, with no intermediate
//! `serde_json::Value`: the sentences by `src/report/emit.rs`, the rest by
//! serde_json.

use super::Report;
use super::emit::Json;
use super::jsonl::Output;
use crate::Analysis;
use crate::gates::{self, Gate, GateResult};
use std::io::{self, Write};

/// Writes the report as pretty-printed JSON followed by a newline.
pub fn write(out: &mut impl Write, report: &Report) -> io::Result<()> {
    write_output(out, &Output::of(report), true)?;
    out.write_all(b"\n")
}

/// Writes the report as one line of compact JSON (for JSON Lines).
pub fn write_line(out: &mut impl Write, report: &Report) -> io::Result<()> {
    write_output(out, &Output::of(report), false)?;
    out.write_all(b"\n")
}

/// Writes a report (or summary) with its gate results, pretty or compact,
/// with no final newline: the bytes serde_json writes for `output`.
pub fn write_output(out: &mut impl Write, output: &Output, pretty: bool) -> io::Result<()> {
    Json::new(pretty).output(output, out)
}

/// Analyses a text and writes its report as it goes, window by window (see
/// [`Analysis`]), so that the report of a long text is never held whole:
/// `head` (from [`Analysis::head`]) is written first, then each window's
/// sentences as soon as they are annotated, then the summary and, when
/// `gates` is given, the gate results, which are returned. The bytes are
/// those of [`crate::report::jsonl::Output`] for the whole report, pretty
/// or compact, with no final newline.
pub fn write_streamed(
    out: &mut impl Write,
    head: &Report,
    analysis: Analysis,
    gates: Option<&[Gate]>,
    pretty: bool,
) -> io::Result<Vec<GateResult>> {
    let mut json = Json::new(pretty);
    let mut o = json.open(b'{', 0);
    json.head(&mut o, head)?;
    json.key(&mut o, "sentences");
    let mut a = json.open(b'[', 1);
    let summary = analysis.run_by_sentence(|s| {
        json.element(&mut a);
        json.sentence(s);
        // Not a window at a time: one window can be a single long
        // paragraph, and its JSON ten times its size.
        json.flush_some(out)
    })?;
    json.close(a, b']');
    json.key(&mut o, "summary");
    json.value(1, &summary)?;
    let mut results = Vec::new();
    if let Some(gates) = gates {
        results = gates::evaluate(gates, &summary);
        json.key(&mut o, "gates");
        json.value(1, &results)?;
    }
    json.close(o, b'}');
    json.flush_to(out)?;
    Ok(results)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gates::Gate;
    use crate::report::jsonl::{Body, Output};
    use crate::{Options, analyze};

    const TEXT: &str = "Storm Hits Coast\n\nMIAMI (AP) — A storm hit the coast on Monday, \
        officials said. “We are ready,” Mayor Ann Lee said.\n\n\
        About 40,000 homes lost power, the utility reported. \
        The so-called plan is a disaster!\n\n\
        “It is the worst in years,” she added. Crews reportedly worked overnight.";

    /// The streamed bytes and the in-memory report's, for one window size.
    fn both(window: usize, gates: Option<&[Gate]>, pretty: bool) -> (String, String) {
        let options = Options {
            window,
            ..Options::default()
        };
        let report = analyze(TEXT, &options);
        let results = gates.map(|g| crate::gates::evaluate(g, &report.summary));
        let output = Output {
            body: Body::Report(&report),
            gates: results.as_deref(),
        };
        let expected = if pretty {
            serde_json::to_string_pretty(&output).unwrap()
        } else {
            serde_json::to_string(&output).unwrap()
        };
        let analysis = Analysis::new(TEXT, &options);
        let head = analysis.head();
        let mut got = Vec::new();
        let streamed = write_streamed(&mut got, &head, analysis, gates, pretty).unwrap();
        assert_eq!(streamed, results.unwrap_or_default());
        (String::from_utf8(got).unwrap(), expected)
    }

    #[test]
    fn a_streamed_report_is_the_report() {
        let gates = [Gate::parse_max_count("unlabeled=0").unwrap()];
        for window in [1, 60, usize::MAX] {
            for pretty in [true, false] {
                for gates in [None, Some(&gates[..])] {
                    let (got, expected) = both(window, gates, pretty);
                    assert_eq!(got, expected, "window {window}, pretty {pretty}");
                }
            }
        }
    }

    #[test]
    fn one_long_paragraph_is_written_in_pieces() {
        // One paragraph is one window, however long: its JSON must still
        // go out as it is written, not once the window is done.
        let text = "The mayor said the plan would cost $4 million. ".repeat(2000);
        let options = Options::default();
        let analysis = Analysis::new(&text, &options);
        let head = analysis.head();
        let mut out = crate::report::emit::Pieces::default();
        write_streamed(&mut out, &head, analysis, None, false).unwrap();
        let bytes = out.bytes.len();
        assert!(bytes > 8 << 16, "{bytes} bytes");
        assert!(out.writes >= 8, "{} writes for {bytes} bytes", out.writes);
    }

    #[test]
    fn windows_change_no_offset_or_count() {
        let parse = |window| -> serde_json::Value {
            serde_json::from_str(&both(window, None, false).0).unwrap()
        };
        let (whole, split) = (parse(usize::MAX), parse(1));
        assert_eq!(whole["summary"]["sentences"], 6);
        assert_eq!(whole["summary"]["labels"], split["summary"]["labels"]);
        let sentences = |v: &serde_json::Value| -> Vec<String> {
            let keys = ["index", "paragraph", "start", "end", "char_end", "labels"];
            let all = v["sentences"].as_array().unwrap();
            all.iter()
                .map(|s| keys.map(|k| s[k].to_string()).join(" "))
                .collect()
        };
        assert_eq!(sentences(&whole), sentences(&split));
        // What a window cut does lose: `she` in the last paragraph, resolved
        // to the mayor named two paragraphs earlier, is not resolved when
        // every paragraph is a window of its own.
        let she =
            |v: &serde_json::Value| v["sentences"][4]["quotes"][0]["speaker_resolved"].clone();
        assert_eq!(she(&whole), "Mayor Ann Lee");
        assert_eq!(she(&split), serde_json::Value::Null);
    }
}
