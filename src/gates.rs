//! CI gates: limits on a report's summary that turn presslens into a check
//! (`--max-ratio editorial=0.25`, `--max-count unlabeled=0`,
//! `--fail-on unsourced-statistics`, `--fail-on vague-sources`).
//!
//! Pure functions over [`Summary`]: parsing a flag's value and evaluating a
//! gate never does I/O. A run whose gates all pass exits 0, one with a failed
//! gate exits 1 (errors exit 2 and take precedence).
//!
//! Each gate fails only when its value is strictly above its limit: a ratio
//! of exactly 0.25 passes `--max-ratio editorial=0.25`.

use crate::report::{Label, SourceKind, Summary};
use serde::Serialize;
use std::fmt;

/// What a count or ratio gate counts: one of the four labels, or
/// `unlabeled` (sentences with no label).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Counted {
    Label(Label),
    Unlabeled,
}

impl Counted {
    /// Accepts `editorial`, `direct_quote` or `direct-quote`, `unlabeled`.
    pub fn parse(s: &str) -> Option<Counted> {
        let s = s.trim().replace('-', "_");
        if s == "unlabeled" {
            return Some(Counted::Unlabeled);
        }
        Label::parse(&s).map(Counted::Label)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Counted::Label(l) => l.as_str(),
            Counted::Unlabeled => "unlabeled",
        }
    }

    fn count(self, summary: &Summary) -> usize {
        match self {
            Counted::Label(l) => summary.labels.get(l),
            Counted::Unlabeled => summary.labels.unlabeled,
        }
    }
}

/// A finding that fails the run as soon as it occurs once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Finding {
    /// `summary.unsourced_statistics > 0`.
    UnsourcedStatistics,
    /// A source of kind `vague` in `summary.sources` (`critics say`).
    VagueSources,
}

impl Finding {
    pub const ALL: [Finding; 2] = [Finding::UnsourcedStatistics, Finding::VagueSources];

    pub fn parse(s: &str) -> Option<Finding> {
        let s = s.trim().replace('_', "-");
        Finding::ALL.into_iter().find(|f| f.as_str() == s)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Finding::UnsourcedStatistics => "unsourced-statistics",
            Finding::VagueSources => "vague-sources",
        }
    }

    fn count(self, summary: &Summary) -> usize {
        match self {
            Finding::UnsourcedStatistics => summary.unsourced_statistics,
            Finding::VagueSources => summary
                .sources
                .iter()
                .filter(|s| s.kind == SourceKind::Vague)
                .count(),
        }
    }
}

/// One gate given on the command line.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Gate {
    /// `--max-ratio LABEL=R`: the share of sentences carrying LABEL is at most R.
    MaxRatio { counted: Counted, max: f64 },
    /// `--max-count LABEL=N`: at most N sentences carry LABEL.
    MaxCount { counted: Counted, max: usize },
    /// `--fail-on FINDING`.
    FailOn(Finding),
}

/// Why a gate's text could not be parsed; displayed as one line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GateError(String);

impl fmt::Display for GateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for GateError {}

const LABELS_HELP: &str = "direct_quote, reported_claim, statistic, editorial, unlabeled";

fn split_label(s: &str) -> Result<(Counted, &str), GateError> {
    let (label, value) = s
        .split_once('=')
        .ok_or_else(|| GateError(format!("`{s}`: expected LABEL=VALUE")))?;
    let counted = Counted::parse(label).ok_or_else(|| {
        GateError(format!(
            "`{label}` is not a label (expected one of {LABELS_HELP})"
        ))
    })?;
    Ok((counted, value.trim()))
}

impl Gate {
    /// Parses the value of `--max-ratio` (`editorial=0.25`; R in 0..=1).
    pub fn parse_max_ratio(s: &str) -> Result<Gate, GateError> {
        let (counted, value) = split_label(s)?;
        match value.parse::<f64>() {
            Ok(max) if (0.0..=1.0).contains(&max) => Ok(Gate::MaxRatio { counted, max }),
            _ => Err(GateError(format!(
                "`{value}` is not a ratio between 0 and 1"
            ))),
        }
    }

    /// Parses the value of `--max-count` (`editorial=3`).
    pub fn parse_max_count(s: &str) -> Result<Gate, GateError> {
        let (counted, value) = split_label(s)?;
        let max = value
            .parse::<usize>()
            .map_err(|_| GateError(format!("`{value}` is not a whole number")))?;
        Ok(Gate::MaxCount { counted, max })
    }

    /// Parses the value of `--fail-on`.
    pub fn parse_fail_on(s: &str) -> Result<Gate, GateError> {
        Finding::parse(s).map(Gate::FailOn).ok_or_else(|| {
            GateError(format!(
                "`{s}` is not a finding (expected unsourced-statistics or vague-sources)"
            ))
        })
    }

    /// Checks the gate against one report's summary.
    pub fn evaluate(&self, summary: &Summary) -> GateResult {
        let (value, limit) = match *self {
            Gate::MaxRatio { counted, max } => {
                let ratio = if summary.sentences == 0 {
                    0.0
                } else {
                    counted.count(summary) as f64 / summary.sentences as f64
                };
                (ratio, max)
            }
            Gate::MaxCount { counted, max } => (counted.count(summary) as f64, max as f64),
            Gate::FailOn(finding) => (finding.count(summary) as f64, 0.0),
        };
        GateResult {
            gate: self.to_string(),
            value,
            limit,
            passed: value <= limit,
        }
    }
}

/// Written as on the command line: `max-ratio editorial=0.25`.
impl fmt::Display for Gate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Gate::MaxRatio { counted, max } => write!(f, "max-ratio {}={max}", counted.as_str()),
            Gate::MaxCount { counted, max } => write!(f, "max-count {}={max}", counted.as_str()),
            Gate::FailOn(finding) => write!(f, "fail-on {}", finding.as_str()),
        }
    }
}

/// The outcome of one gate on one report: the `gates` array of the JSON
/// output holds one per gate, in command-line order.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GateResult {
    /// The gate as written on the command line (`max-ratio editorial=0.25`).
    pub gate: String,
    /// The measured ratio or count.
    pub value: f64,
    /// The largest value that passes (0 for `fail-on`).
    pub limit: f64,
    pub passed: bool,
}

impl GateResult {
    /// One line for stderr, after `presslens: NAME: `.
    pub fn failure_message(&self) -> String {
        format!("gate failed: {} {}", self.gate, self.measured())
    }

    /// `(found 2, limit 1)`, ratios with two decimals.
    pub fn measured(&self) -> String {
        format!(
            "(found {}, limit {})",
            trim_number(self.value),
            trim_number(self.limit)
        )
    }
}

/// `3` for whole numbers, `0.33` otherwise.
fn trim_number(v: f64) -> String {
    if v.fract() == 0.0 {
        format!("{v:.0}")
    } else {
        format!("{v:.2}")
    }
}

/// Evaluates every gate in order.
pub fn evaluate(gates: &[Gate], summary: &Summary) -> Vec<GateResult> {
    gates.iter().map(|g| g.evaluate(summary)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{LabelCounts, SourceSummary};

    fn summary(sentences: usize, labels: LabelCounts) -> Summary<'static> {
        Summary {
            sentences,
            paragraphs: 1,
            labels,
            editorial_ratio: 0.0,
            sources: Vec::new(),
            unsourced_statistics: 0,
            top_editorial: Vec::new(),
        }
    }

    fn source(name: &str, kind: SourceKind) -> SourceSummary {
        SourceSummary {
            name: name.into(),
            kind,
            quotes: 0,
            claims: 1,
        }
    }

    #[test]
    fn parses_each_flag() {
        assert_eq!(
            Gate::parse_max_ratio("editorial=0.25").unwrap(),
            Gate::MaxRatio {
                counted: Counted::Label(Label::Editorial),
                max: 0.25
            }
        );
        assert_eq!(
            Gate::parse_max_count("direct-quote=3").unwrap(),
            Gate::MaxCount {
                counted: Counted::Label(Label::DirectQuote),
                max: 3
            }
        );
        assert_eq!(
            Gate::parse_max_count("unlabeled=0").unwrap(),
            Gate::MaxCount {
                counted: Counted::Unlabeled,
                max: 0
            }
        );
        assert_eq!(
            Gate::parse_fail_on("vague-sources").unwrap(),
            Gate::FailOn(Finding::VagueSources)
        );
        assert_eq!(
            Gate::parse_fail_on("unsourced_statistics").unwrap(),
            Gate::FailOn(Finding::UnsourcedStatistics)
        );
    }

    #[test]
    fn rejects_bad_values() {
        assert!(Gate::parse_max_ratio("editorial").is_err());
        assert!(Gate::parse_max_ratio("editorial=1.5").is_err());
        assert!(Gate::parse_max_ratio("editorial=-0.1").is_err());
        assert!(Gate::parse_max_ratio("editorial=NaN").is_err());
        assert!(Gate::parse_max_ratio("opinion=0.2").is_err());
        assert!(Gate::parse_max_count("statistic=2.5").is_err());
        assert!(Gate::parse_max_count("statistic=-1").is_err());
        assert!(Gate::parse_fail_on("everything").is_err());
        let msg = Gate::parse_max_count("opinion=1").unwrap_err().to_string();
        assert!(
            msg.contains("opinion") && msg.contains("editorial"),
            "{msg}"
        );
    }

    #[test]
    fn display_round_trips() {
        for (text, parse) in [
            (
                "max-ratio editorial=0.25",
                Gate::parse_max_ratio as fn(&str) -> _,
            ),
            ("max-count unlabeled=0", Gate::parse_max_count),
            ("fail-on vague-sources", Gate::parse_fail_on),
        ] {
            let (_, value) = text.split_once(' ').unwrap();
            assert_eq!(parse(value).unwrap().to_string(), text);
        }
    }

    #[test]
    fn max_ratio_passes_at_the_limit_and_fails_above() {
        let labels = LabelCounts {
            editorial: 1,
            unlabeled: 3,
            ..Default::default()
        };
        let s = summary(4, labels);
        let at = Gate::parse_max_ratio("editorial=0.25")
            .unwrap()
            .evaluate(&s);
        assert!(at.passed);
        assert_eq!(at.value, 0.25);
        let below = Gate::parse_max_ratio("editorial=0.2").unwrap().evaluate(&s);
        assert!(!below.passed);
        assert_eq!(below.limit, 0.2);
        let unlabeled = Gate::parse_max_ratio("unlabeled=0.5").unwrap().evaluate(&s);
        assert!(!unlabeled.passed);
        assert_eq!(unlabeled.value, 0.75);
    }

    #[test]
    fn max_ratio_of_an_empty_summary_is_zero() {
        let s = summary(0, LabelCounts::default());
        assert!(
            Gate::parse_max_ratio("editorial=0")
                .unwrap()
                .evaluate(&s)
                .passed
        );
    }

    #[test]
    fn max_count_counts_labels() {
        let labels = LabelCounts {
            statistic: 2,
            ..Default::default()
        };
        let s = summary(5, labels);
        assert!(
            Gate::parse_max_count("statistic=2")
                .unwrap()
                .evaluate(&s)
                .passed
        );
        let r = Gate::parse_max_count("statistic=1").unwrap().evaluate(&s);
        assert!(!r.passed);
        assert_eq!(
            r.failure_message(),
            "gate failed: max-count statistic=1 (found 2, limit 1)"
        );
        assert!(
            Gate::parse_max_count("editorial=0")
                .unwrap()
                .evaluate(&s)
                .passed
        );
    }

    #[test]
    fn fail_on_unsourced_statistics() {
        let mut s = summary(3, LabelCounts::default());
        let gate = Gate::parse_fail_on("unsourced-statistics").unwrap();
        assert!(gate.evaluate(&s).passed);
        s.unsourced_statistics = 2;
        let r = gate.evaluate(&s);
        assert!(!r.passed);
        assert_eq!(r.value, 2.0);
    }

    #[test]
    fn fail_on_vague_sources_ignores_named_and_anonymous() {
        let mut s = summary(3, LabelCounts::default());
        s.sources = vec![
            source("the White House", SourceKind::Named),
            source("a senior official", SourceKind::Anonymous),
        ];
        let gate = Gate::parse_fail_on("vague-sources").unwrap();
        assert!(gate.evaluate(&s).passed);
        s.sources.push(source("critics", SourceKind::Vague));
        let r = gate.evaluate(&s);
        assert!(!r.passed);
        assert_eq!(r.value, 1.0);
        assert_eq!(
            r.failure_message(),
            "gate failed: fail-on vague-sources (found 1, limit 0)"
        );
    }

    #[test]
    fn evaluate_keeps_command_line_order() {
        let s = summary(2, LabelCounts::default());
        let gates = [
            Gate::parse_fail_on("vague-sources").unwrap(),
            Gate::parse_max_count("editorial=0").unwrap(),
        ];
        let results = evaluate(&gates, &s);
        assert_eq!(results.len(), 2);
        assert_eq!(results[0].gate, "fail-on vague-sources");
        assert_eq!(results[1].gate, "max-count editorial=0");
    }
}
