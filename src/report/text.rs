//! `--format text` (the default): a report for people, readable at 80 columns.
//!
//! With colour on (`--color`, see [`use_color`]) each label has its colour:
//! the label tags of a sentence are drawn in it, and the evidence spans of a
//! label are underlined in that colour inside the sentence text, so the
//! reader sees which words triggered which label. Colour is plain ANSI SGR
//! codes from `anstyle` (already in the tree through clap); the choice is
//! made once up front because reports are rendered into buffers on worker
//! threads, not straight onto a terminal.

use super::{Label, Report};
use crate::gates::GateResult;
use anstyle::{AnsiColor, Style};
use std::io::{self, Write};
use std::ops::Range;

const WIDTH: usize = 80;
const INDENT: &str = "     ";

/// `--color`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ColorChoice {
    /// Colour when the output is a terminal and `NO_COLOR` is not set.
    #[default]
    Auto,
    Always,
    Never,
}

/// Decides whether to colour: `always` and `never` win; `auto` colours
/// only a terminal, and never when `NO_COLOR` is set to a non-empty value
/// (no-color.org) or `TERM=dumb`.
pub fn use_color(
    choice: ColorChoice,
    is_terminal: bool,
    no_color: Option<&std::ffi::OsStr>,
    term: Option<&std::ffi::OsStr>,
) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            is_terminal && no_color.is_none_or(|v| v.is_empty()) && term != Some("dumb".as_ref())
        }
    }
}

/// How to draw a report.
#[derive(Debug, Clone, Copy, Default)]
pub struct TextStyle {
    pub color: bool,
}

impl TextStyle {
    fn label(&self, label: Label) -> Style {
        if !self.color {
            return Style::new();
        }
        let color = match label {
            Label::DirectQuote => AnsiColor::Green,
            Label::ReportedClaim => AnsiColor::Cyan,
            Label::Statistic => AnsiColor::Yellow,
            Label::Editorial => AnsiColor::Red,
        };
        Style::new().fg_color(Some(color.into())).bold()
    }

    fn evidence(&self, label: Label) -> Style {
        self.label(label).underline()
    }

    fn dim(&self) -> Style {
        if self.color {
            Style::new().dimmed()
        } else {
            Style::new()
        }
    }

    fn verdict(&self, passed: bool) -> Style {
        match (self.color, passed) {
            (false, _) => Style::new(),
            (true, true) => Style::new().fg_color(Some(AnsiColor::Green.into())),
            (true, false) => Style::new().fg_color(Some(AnsiColor::Red.into())).bold(),
        }
    }
}

/// `text` in `style` (no codes at all for the plain style).
fn paint(style: Style, text: &str) -> String {
    if style == Style::new() {
        text.to_string()
    } else {
        format!("{style}{text}{style:#}")
    }
}

/// Writes the human-readable report without colour.
pub fn write(out: &mut impl Write, report: &Report) -> io::Result<()> {
    write_styled(out, report, &TextStyle::default())
}

/// Writes the human-readable report: [`write_head`], every sentence
/// ([`write_sentence`]), then the summary ([`summary_styled`]).
pub fn write_styled(out: &mut impl Write, report: &Report, style: &TextStyle) -> io::Result<()> {
    write_head(out, report)?;
    for s in &report.sentences {
        write_sentence(out, s, style)?;
    }
    summary_styled(out, report, style)
}

/// The lines before the sentences: source name, title, byline, dateline.
pub fn write_head(out: &mut impl Write, report: &Report) -> io::Result<()> {
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
    writeln!(out)
}

/// One sentence: its number and labels, its text (with the evidence in
/// colour when `style` has colour), then its quotes, numbers, claims,
/// sources and editorial evidence, one line each.
pub fn write_sentence(
    out: &mut impl Write,
    s: &super::Sentence,
    style: &TextStyle,
) -> io::Result<()> {
    let labels = if s.labels.is_empty() {
        "-".to_string()
    } else {
        s.labels
            .iter()
            .map(|&l| paint(style.label(l), l.as_str()))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let number = paint(style.dim(), &format!("{:>3}.", s.index + 1));
    writeln!(out, "{number} [{labels}]")?;
    let marks = if style.color {
        evidence_marks(s, style)
    } else {
        Vec::new()
    };
    wrap_marked(out, s.text, INDENT, &marks)?;
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
        let value = match (q.value, q.low, q.high) {
            (Some(v), _, _) => format!(" → {v}"),
            (None, Some(lo), Some(hi)) => format!(" → {lo}–{hi}"),
            _ => String::new(),
        };
        let unit = q
            .unit
            .as_deref()
            .map(|u| format!(" {u}"))
            .unwrap_or_default();
        let approx = if q.approx { " (approx.)" } else { "" };
        let sourced = if q.sourced { "sourced" } else { "unsourced" };
        writeln!(
            out,
            "{INDENT}· number: {}{value}{unit}{approx}, {sourced}",
            q.text
        )?;
    }
    for e in s
        .evidence
        .iter()
        .filter(|e| e.label == Label::ReportedClaim && e.weight > 0.0)
    {
        let from = e
            .note
            .as_deref()
            .map(|n| format!(" — {n}"))
            .unwrap_or_default();
        wrap(
            out,
            &format!("claim: {} “{}”{from}", e.rule, shorten(e.text, 40)),
            &format!("{INDENT}· "),
        )?;
    }
    // One line per source, with what it is the source of: a speaker who
    // is both quoted and paraphrased in the sentence has two mentions.
    for (i, m) in s.sources.iter().enumerate() {
        let same =
            |o: &super::SourceMention| o.span.start == m.span.start && o.span.end == m.span.end;
        if s.sources[..i].iter().any(same) {
            continue;
        }
        let kind = kind_name(m.kind);
        let mentions = s.sources[i..].iter().filter(|o| same(o));
        let quoted = mentions.clone().any(|o| o.role == super::SourceRole::Quote);
        let claimed = mentions.clone().any(|o| o.role == super::SourceRole::Claim);
        let of = match (quoted, claimed) {
            (true, true) => "quote and claim",
            (true, false) => "quote",
            _ => "claim",
        };
        let who = mentions
            .clone()
            .find_map(|o| o.resolved)
            .map(|name| format!(" (= {name})"))
            .unwrap_or_default();
        writeln!(out, "{INDENT}· source: {}{who} ({kind}, {of})", m.text)?;
    }
    // Negative (counter-)evidence stays in the JSON: here it would only
    // bury the words that made the sentence editorial.
    for e in s
        .evidence
        .iter()
        .filter(|e| e.label == Label::Editorial && e.weight > 0.0)
    {
        writeln!(
            out,
            "{INDENT}· editorial: {} “{}” ({:+.1})",
            e.rule,
            shorten(e.text, 40),
            e.weight
        )?;
    }
    Ok(())
}

/// The evidence spans of a sentence as ranges into its text, each in its
/// label's style, sorted and without overlaps (the earlier span wins).
fn evidence_marks(s: &super::Sentence, style: &TextStyle) -> Vec<(Range<usize>, Style)> {
    let base = s.span.start;
    let mut marks: Vec<(Range<usize>, Style)> = s
        .evidence
        .iter()
        .filter(|e| e.weight > 0.0)
        .filter_map(|e| {
            let start = e.span.start.max(base) - base;
            let end = e.span.end.min(s.span.end).saturating_sub(base);
            (start < end && s.text.is_char_boundary(start) && s.text.is_char_boundary(end))
                .then(|| (start..end, style.evidence(e.label)))
        })
        .collect();
    marks.sort_by_key(|(r, _)| (r.start, std::cmp::Reverse(r.end)));
    let mut covered = 0;
    marks.retain_mut(|(r, _)| {
        r.start = r.start.max(covered);
        covered = covered.max(r.end);
        r.start < r.end
    });
    marks
}

/// Writes only the summary block (also used by `--summary`), without colour.
pub fn summary(out: &mut impl Write, report: &Report) -> io::Result<()> {
    summary_styled(out, report, &TextStyle::default())
}

/// `--summary`: the source name, then the summary block.
pub fn write_summary(out: &mut impl Write, report: &Report, style: &TextStyle) -> io::Result<()> {
    writeln!(out, "{}", report.source.name)?;
    summary_styled(out, report, style)
}

/// The summary block: counts per label, ratio, sources.
pub fn summary_styled(out: &mut impl Write, report: &Report, style: &TextStyle) -> io::Result<()> {
    let sum = &report.summary;
    writeln!(out)?;
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    writeln!(
        out,
        "Summary: {} in {}",
        plural(sum.sentences, "sentence"),
        plural(sum.paragraphs, "paragraph")
    )?;
    for label in Label::ALL {
        let name = paint(style.label(label), &format!("{:<16}", label.as_str()));
        writeln!(out, "  {name}{:>5}", sum.labels.get(label))?;
    }
    writeln!(out, "  {:<16}{:>5}", "unlabeled", sum.labels.unlabeled)?;
    writeln!(out, "  editorial ratio {:>5.2}", sum.editorial_ratio)?;
    writeln!(out, "  unsourced statistics {}", sum.unsourced_statistics)?;
    if !sum.sources.is_empty() {
        writeln!(out, "  sources:")?;
        let count = |n: usize, what: &str| {
            if n == 1 {
                format!("1 {what}")
            } else {
                format!("{n} {what}s")
            }
        };
        for s in &sum.sources {
            writeln!(
                out,
                "    {} ({}): {}, {}",
                s.name,
                kind_name(s.kind),
                count(s.quotes, "quote"),
                count(s.claims, "claim")
            )?;
        }
    }
    Ok(())
}

/// The gates block after a report: one line per gate, PASS or FAIL.
pub fn write_gates(
    out: &mut impl Write,
    gates: &[GateResult],
    style: &TextStyle,
) -> io::Result<()> {
    if gates.is_empty() {
        return Ok(());
    }
    writeln!(out, "  gates:")?;
    for g in gates {
        let verdict = if g.passed { "pass" } else { "FAIL" };
        writeln!(
            out,
            "    {} {} {}",
            paint(style.verdict(g.passed), verdict),
            g.gate,
            g.measured()
        )?;
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
    wrap_marked(out, text, prefix, &[])
}

/// [`wrap`], drawing the byte ranges of `marks` (sorted, disjoint, on char
/// boundaries of `text`) in their styles. Widths count visible chars only.
fn wrap_marked(
    out: &mut impl Write,
    text: &str,
    prefix: &str,
    marks: &[(Range<usize>, Style)],
) -> io::Result<()> {
    let indent = " ".repeat(prefix.chars().count());
    let mut line = String::from(prefix);
    let mut used = indent.len();
    let mut empty = true;
    let mut next_mark = 0;
    for word in text.split_whitespace() {
        let width = word.chars().count();
        if !empty && used + 1 + width > WIDTH {
            writeln!(out, "{line}")?;
            line.clear();
            line.push_str(&indent);
            used = indent.len();
            empty = true;
        }
        if !empty {
            line.push(' ');
            used += 1;
        }
        // `word` is a sub-slice of `text`: its offset is the pointer distance.
        let start = word.as_ptr() as usize - text.as_ptr() as usize;
        push_marked(
            &mut line,
            text,
            start..start + word.len(),
            marks,
            &mut next_mark,
        );
        used += width;
        empty = false;
    }
    writeln!(out, "{line}")
}

/// Appends `text[range]`, styling the parts covered by `marks`. Marks and
/// ranges come in text order, so `next` only moves forward.
fn push_marked(
    line: &mut String,
    text: &str,
    range: Range<usize>,
    marks: &[(Range<usize>, Style)],
    next: &mut usize,
) {
    while *next < marks.len() && marks[*next].0.end <= range.start {
        *next += 1;
    }
    let mut at = range.start;
    for (mark, style) in &marks[*next..] {
        if mark.start >= range.end {
            break;
        }
        let from = mark.start.max(at);
        let to = mark.end.min(range.end);
        line.push_str(&text[at..from]);
        line.push_str(&paint(*style, &text[from..to]));
        at = to;
    }
    line.push_str(&text[at..range.end]);
}

/// A source kind as the JSON spells it.
fn kind_name(kind: super::SourceKind) -> &'static str {
    match kind {
        super::SourceKind::Named => "named",
        super::SourceKind::Anonymous => "anonymous",
        super::SourceKind::Vague => "vague",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Evidence;
    use crate::span::Span;
    use crate::{Options, analyze};

    fn strip_ansi(s: &str) -> String {
        let mut out = String::new();
        let mut chars = s.chars();
        while let Some(c) = chars.next() {
            if c == '\u{1b}' {
                for c in chars.by_ref() {
                    if c == 'm' {
                        break;
                    }
                }
            } else {
                out.push(c);
            }
        }
        out
    }

    fn editorial_report<'a>(text: &'a str, word: &str) -> Report<'a> {
        let mut report = analyze(text, &Options::default());
        let s = &mut report.sentences[0];
        let start = text.find(word).unwrap();
        s.evidence.push(Evidence {
            label: Label::Editorial,
            rule: "loaded_word",
            span: Span::bytes(start..start + word.len()),
            text: &text[start..start + word.len()],
            weight: 1.0,
            note: None,
        });
        s.add_label(Label::Editorial);
        report
    }

    #[test]
    fn auto_colour_needs_a_terminal_and_no_no_color() {
        use ColorChoice::*;
        let set = Some("1".as_ref());
        assert!(use_color(Auto, true, None, None));
        assert!(use_color(Auto, true, Some("".as_ref()), None));
        assert!(!use_color(Auto, false, None, None));
        assert!(!use_color(Auto, true, set, None));
        assert!(!use_color(Auto, true, None, Some("dumb".as_ref())));
        assert!(use_color(Always, false, set, None));
        assert!(!use_color(Never, true, None, None));
    }

    #[test]
    fn a_source_quoted_and_paraphrased_is_one_line() {
        let text = "Fee Plan Passes\n\nMayor Ana Ruiz insisted that the fee would “pay for itself.” Officials said the bridge was safe.";
        let report = analyze(text, &Options::default());
        let mut out = Vec::new();
        write(&mut out, &report).unwrap();
        let out = String::from_utf8(out).unwrap();
        let lines: Vec<_> = out.lines().filter(|l| l.contains("source:")).collect();
        assert_eq!(
            lines,
            [
                "     · source: Mayor Ana Ruiz (named, quote and claim)",
                "     · source: Officials (anonymous, claim)"
            ],
            "{out}"
        );
        // The summary spells kinds as the JSON does, and counts in words.
        assert!(
            out.contains("    Mayor Ana Ruiz (named): 1 quote, 1 claim\n"),
            "{out}"
        );
        assert!(
            out.contains("    Officials (anonymous): 0 quotes, 1 claim\n"),
            "{out}"
        );
    }

    #[test]
    fn plain_style_writes_no_escape_codes() {
        let text = "The disastrous plan failed.";
        let report = editorial_report(text, "disastrous");
        let mut out = Vec::new();
        write(&mut out, &report).unwrap();
        let out = String::from_utf8(out).unwrap();
        assert!(!out.contains('\u{1b}'));
        assert!(out.contains("[editorial]"));
    }

    #[test]
    fn colour_highlights_tags_and_evidence() {
        let text = "The disastrous plan failed.";
        let report = editorial_report(text, "disastrous");
        let mut out = Vec::new();
        write_styled(&mut out, &report, &TextStyle { color: true }).unwrap();
        let out = String::from_utf8(out).unwrap();
        let red = Style::new().fg_color(Some(AnsiColor::Red.into())).bold();
        assert!(out.contains(&format!("[{red}editorial{red:#}]")), "{out}");
        let under = red.underline();
        assert!(
            out.contains(&format!("The {under}disastrous{under:#} plan")),
            "{out}"
        );
        // Without the codes the text is what the plain renderer writes.
        let mut plain = Vec::new();
        write(&mut plain, &report).unwrap();
        assert_eq!(strip_ansi(&out), String::from_utf8(plain).unwrap());
    }

    #[test]
    fn marks_split_across_words_and_wrap_by_visible_width() {
        let text = "alpha beta gamma ".repeat(20);
        let style = Style::new().underline();
        let marks = [(6..16, style), (200..230, style)];
        let mut out = Vec::new();
        wrap_marked(&mut out, &text, INDENT, &marks).unwrap();
        let out = String::from_utf8(out).unwrap();
        assert!(out.contains(&format!("{style}beta{style:#} {style}gamma{style:#}")));
        let mut plain = Vec::new();
        wrap(&mut plain, &text, INDENT).unwrap();
        assert_eq!(strip_ansi(&out), String::from_utf8(plain).unwrap());
    }

    #[test]
    fn overlapping_and_outside_evidence_is_clipped() {
        let text = "First one here. The very disastrous plan failed badly.";
        let mut report = analyze(text, &Options::default());
        let s = &mut report.sentences[1];
        s.evidence.clear();
        let base = s.span.start;
        for range in [base + 4..base + 20, base + 9..base + 25, 0..5] {
            s.evidence.push(Evidence {
                label: Label::Editorial,
                rule: "loaded_word",
                span: Span::bytes(range.clone()),
                text: &text[range],
                weight: 1.0,
                note: None,
            });
        }
        let marks = evidence_marks(s, &TextStyle { color: true });
        let ranges: Vec<_> = marks.iter().map(|(r, _)| r.clone()).collect();
        assert_eq!(ranges, [4..20, 20..25]);
    }

    #[test]
    fn wraps_at_80_columns() {
        let mut out = Vec::new();
        wrap(&mut out, &"word ".repeat(60), INDENT).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.lines().count() > 1);
        assert!(text.lines().all(|l| l.chars().count() <= WIDTH));
    }
}
