//! `--format json`: the report as one JSON document (see [`crate::report`]
//! for the fields), serialised straight from the types, with no
//! intermediate `serde_json::Value`.

use super::{Fields, Report, Summary};
use crate::Analysis;
use crate::gates::{self, Gate, GateResult};
use serde::ser::{Error as _, SerializeSeq};
use serde::{Serialize, Serializer};
use std::cell::RefCell;
use std::io::{self, Write};

/// Writes the report as pretty-printed JSON followed by a newline.
pub fn write(out: &mut impl Write, report: &Report) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, report)?;
    out.write_all(b"\n")
}

/// Writes the report as one line of compact JSON (for JSON Lines).
pub fn write_line(out: &mut impl Write, report: &Report) -> io::Result<()> {
    serde_json::to_writer(&mut *out, report)?;
    out.write_all(b"\n")
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
    let state = Streamed {
        analysis: RefCell::new(Some(analysis)),
        summary: RefCell::new(None),
        gates: RefCell::new(Vec::new()),
    };
    let output = StreamedOutput {
        fields: Fields::of(head, SentenceStream(&state), SummaryOf(&state)),
        gates: gates.map(|gates| GatesOf(&state, gates)),
    };
    if pretty {
        serde_json::to_writer_pretty(&mut *out, &output)?;
    } else {
        serde_json::to_writer(&mut *out, &output)?;
    }
    Ok(state.gates.take())
}

/// What the lazily serialised parts of a streamed report share: the
/// analysis still to run, then its summary and gate results.
struct Streamed<'a, 'o> {
    analysis: RefCell<Option<Analysis<'a, 'o>>>,
    summary: RefCell<Option<Summary<'a>>>,
    gates: RefCell<Vec<GateResult>>,
}

#[derive(Serialize)]
struct StreamedOutput<'s, 'r, 'a, 'o> {
    #[serde(flatten)]
    fields: Fields<'r, 'a, SentenceStream<'s, 'a, 'o>, SummaryOf<'s, 'a, 'o>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    gates: Option<GatesOf<'s, 'a, 'o>>,
}

/// `sentences`: runs the analysis, writing each window's sentences.
struct SentenceStream<'s, 'a, 'o>(&'s Streamed<'a, 'o>);

impl Serialize for SentenceStream<'_, '_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let analysis = self.0.analysis.borrow_mut().take();
        let analysis = analysis.ok_or_else(|| S::Error::custom("report written twice"))?;
        let mut seq = serializer.serialize_seq(None)?;
        let summary =
            analysis.run(|window| window.iter().try_for_each(|s| seq.serialize_element(s)))?;
        *self.0.summary.borrow_mut() = Some(summary);
        seq.end()
    }
}

/// `summary`: the one the sentence stream left behind.
struct SummaryOf<'s, 'a, 'o>(&'s Streamed<'a, 'o>);

impl Serialize for SummaryOf<'_, '_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match &*self.0.summary.borrow() {
            Some(summary) => summary.serialize(serializer),
            None => Err(S::Error::custom("summary written before the sentences")),
        }
    }
}

/// `gates`: evaluated on the summary, and kept for the caller.
struct GatesOf<'s, 'a, 'o>(&'s Streamed<'a, 'o>, &'s [Gate]);

impl Serialize for GatesOf<'_, '_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let summary = self.0.summary.borrow();
        let summary = summary
            .as_ref()
            .ok_or_else(|| S::Error::custom("gates written before the sentences"))?;
        let results = gates::evaluate(self.1, summary);
        let written = results.serialize(serializer);
        *self.0.gates.borrow_mut() = results;
        written
    }
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
