//! `--format text` (the default): a report for people, readable at 80 columns.

use super::{Label, Report};
use std::io::{self, Write};

const WIDTH: usize = 80;
const INDENT: &str = "     ";

/// Writes the human-readable report.
pub fn write(out: &mut impl Write, report: &Report) -> io::Result<()> {
    writeln!(out, "{}", report.source.name)?;
    if let Some(t) = report.title {
        writeln!(out, "Title:    {t}")?;
    }
    if let Some(b) = report.byline {
        writeln!(out, "Byline:   {b}")?;
    }
    if let Some(d) = report.dateline {
        writeln!(out, "Dateline: {d}")?;
    }
    writeln!(out)?;
    for s in &report.sentences {
        let labels = if s.labels.is_empty() {
            "-".to_string()
        } else {
            s.labels
                .iter()
                .map(|l| l.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        };
        writeln!(out, "{:>3}. [{labels}]", s.index + 1)?;
        wrap(out, s.text, INDENT)?;
        for q in &s.quotes {
            let speaker = q.speaker.unwrap_or("unknown speaker");
            let resolved = q
                .speaker_resolved
                .map(|r| format!(" (= {r})"))
                .unwrap_or_default();
            let cue = q.cue.map(|c| format!(", {c}")).unwrap_or_default();
            let kind = if q.partial { "partial quote" } else { "quote" };
            wrap(
                out,
                &format!(
                    "{kind}: “{}” — {speaker}{resolved}{cue}",
                    shorten(q.text, 60)
                ),
                &format!("{INDENT}· "),
            )?;
        }
        for q in &s.quantities {
            let value = q.value.map(|v| format!(" = {v}")).unwrap_or_default();
            let unit = q
                .unit
                .as_deref()
                .map(|u| format!(" {u}"))
                .unwrap_or_default();
            let sourced = if q.sourced { "sourced" } else { "unsourced" };
            writeln!(out, "{INDENT}· number: {}{value}{unit} ({sourced})", q.text)?;
        }
        for m in &s.sources {
            writeln!(out, "{INDENT}· source: {} ({:?})", m.text, m.kind)?;
        }
        for e in s.evidence.iter().filter(|e| e.label == Label::Editorial) {
            writeln!(
                out,
                "{INDENT}· editorial: {} “{}” ({:+.1})",
                e.rule,
                shorten(e.text, 40),
                e.weight
            )?;
        }
    }
    summary(out, report)
}

/// Writes only the summary block (also used by `--summary`).
pub fn summary(out: &mut impl Write, report: &Report) -> io::Result<()> {
    let sum = &report.summary;
    writeln!(out)?;
    writeln!(
        out,
        "Summary: {} sentences in {} paragraphs",
        sum.sentences, sum.paragraphs
    )?;
    for label in Label::ALL {
        writeln!(out, "  {:<16}{:>5}", label.as_str(), sum.labels.get(label))?;
    }
    writeln!(out, "  {:<16}{:>5}", "unlabeled", sum.labels.unlabeled)?;
    writeln!(out, "  editorial ratio {:>5.2}", sum.editorial_ratio)?;
    writeln!(out, "  unsourced statistics {}", sum.unsourced_statistics)?;
    if !sum.sources.is_empty() {
        writeln!(out, "  sources:")?;
        for s in &sum.sources {
            writeln!(
                out,
                "    {} ({:?}): {} quotes, {} claims",
                s.name, s.kind, s.quotes, s.claims
            )?;
        }
    }
    Ok(())
}

fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let cut: String = s.chars().take(max - 1).collect();
    format!("{cut}…")
}

/// Greedy word wrap at [`WIDTH`] columns; the first line carries `prefix`,
/// the rest are indented to line up with it.
fn wrap(out: &mut impl Write, text: &str, prefix: &str) -> io::Result<()> {
    let indent = " ".repeat(prefix.chars().count());
    let mut line = String::from(prefix);
    let mut empty = true;
    for word in text.split_whitespace() {
        let used = line.chars().count();
        if !empty && used + 1 + word.chars().count() > WIDTH {
            writeln!(out, "{line}")?;
            line.clear();
            line.push_str(&indent);
            empty = true;
        }
        if !empty {
            line.push(' ');
        }
        line.push_str(word);
        empty = false;
    }
    writeln!(out, "{line}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_at_80_columns() {
        let mut out = Vec::new();
        wrap(&mut out, &"word ".repeat(60), INDENT).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.lines().count() > 1);
        assert!(text.lines().all(|l| l.chars().count() <= WIDTH));
    }
}
