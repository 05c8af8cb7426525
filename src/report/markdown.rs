//! `--format markdown`: a compact summary for a pull-request comment or a
//! chat message, in GitHub-flavoured Markdown.
//!
//! It holds the label counts, the gates that failed (when gates were
//! evaluated), the most editorial sentences with their evidence, the sources
//! and the unsourced statistics. No raw HTML is written, and article text
//! goes through [`Escaped`]: Markdown punctuation is backslash-escaped, white
//! space collapsed (table rows stay on one line) and `@` followed by a word
//! joiner, so a handle quoted in an article cannot mention anyone.

use super::html::{describe_quantity, editorial_evidence, input_name, sentence_by_index, shorten};
use super::{Label, Report, SourceKind};
use std::fmt::{self, Display, Write as _};
use std::io::{self, Write};

/// How many evidence items are listed under one editorial sentence.
const EVIDENCE_PER_SENTENCE: usize = 6;
/// How many unsourced numbers are listed.
const MAX_UNSOURCED: usize = 10;

/// Article text made inert in GitHub-flavoured Markdown (inline context).
pub struct Escaped<'a>(pub &'a str);

impl Display for Escaped<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut first = true;
        for word in self.0.split_whitespace() {
            if !first {
                f.write_char(' ')?;
            }
            first = false;
            for c in word.chars() {
                match c {
                    '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '&' | '$' => {
                        f.write_char('\\')?;
                        f.write_char(c)?;
                    }
                    // A word joiner after `@` stops GitHub @-mentions.
                    '@' => f.write_str("@\u{2060}")?,
                    c if c.is_control() => f.write_char('\u{fffd}')?,
                    c => f.write_char(c)?,
                }
            }
        }
        Ok(())
    }
}

/// Writes the Markdown summary. `failed_gates`: `None` when no gates were
/// evaluated (the section is left out), `Some(&[])` when all passed.
pub fn write(
    out: &mut impl Write,
    report: &Report,
    failed_gates: Option<&[String]>,
) -> io::Result<()> {
    let mut md = String::with_capacity(4 * 1024);
    render(&mut md, report, failed_gates).expect("formatting into a String cannot fail");
    out.write_all(md.as_bytes())
}

fn render(md: &mut String, r: &Report, failed_gates: Option<&[String]>) -> fmt::Result {
    let sum = &r.summary;
    match r.title {
        Some(t) => writeln!(md, "### presslens: {}\n", Escaped(t))?,
        None => writeln!(
            md,
            "### presslens: {}\n",
            Escaped(input_name(&r.source.name))
        )?,
    }
    let plural = |n: usize, one: &'static str, many: &'static str| if n == 1 { one } else { many };
    let mut line = vec![format!(
        "{} {} in {} {}",
        sum.sentences,
        plural(sum.sentences, "sentence", "sentences"),
        sum.paragraphs,
        plural(sum.paragraphs, "paragraph", "paragraphs")
    )];
    if r.title.is_some() {
        line.insert(0, Escaped(input_name(&r.source.name)).to_string());
    }
    line.push(format!(
        "editorial ratio **{:.0}%**",
        sum.editorial_ratio * 100.0
    ));
    line.push(format!(
        "{} unsourced {}",
        sum.unsourced_statistics,
        plural(sum.unsourced_statistics, "statistic", "statistics")
    ));
    writeln!(md, "{}\n", line.join(" · "))?;

    md.push_str("| label | sentences | share |\n| --- | ---: | ---: |\n");
    let share = |n: usize| {
        if sum.sentences == 0 {
            0.0
        } else {
            n as f64 * 100.0 / sum.sentences as f64
        }
    };
    for l in Label::ALL {
        let n = sum.labels.get(l);
        writeln!(md, "| `{}` | {n} | {:.0}% |", l.as_str(), share(n))?;
    }
    let n = sum.labels.unlabeled;
    writeln!(md, "| unlabelled | {n} | {:.0}% |", share(n))?;

    if let Some(gates) = failed_gates {
        if gates.is_empty() {
            md.push_str("\n**Gates:** all passed.\n");
        } else {
            writeln!(md, "\n**Gates failed ({}):**\n", gates.len())?;
            for g in gates {
                writeln!(md, "- {}", Escaped(g))?;
            }
        }
    }

    if !sum.top_editorial.is_empty() {
        md.push_str("\n**Most editorial sentences:**\n\n");
        for (i, t) in sum.top_editorial.iter().enumerate() {
            writeln!(
                md,
                "{}. sentence {} (weight {:.1}): {}",
                i + 1,
                t.index + 1,
                t.weight,
                Escaped(&shorten(t.text, 200))
            )?;
            let Some(s) = sentence_by_index(r, t.index) else {
                continue;
            };
            let evidence: Vec<_> = editorial_evidence(s).collect();
            for e in evidence.iter().take(EVIDENCE_PER_SENTENCE) {
                write!(
                    md,
                    "   - “{}” — `{}` ({:+.1})",
                    Escaped(&shorten(e.text, 60)),
                    e.rule.replace('`', "'"),
                    e.weight
                )?;
                if let Some(n) = &e.note {
                    write!(md, ": {}", Escaped(n))?;
                }
                md.push('\n');
            }
            if evidence.len() > EVIDENCE_PER_SENTENCE {
                writeln!(
                    md,
                    "   - … and {} more",
                    evidence.len() - EVIDENCE_PER_SENTENCE
                )?;
            }
        }
    }

    md.push_str("\n**Sources:**");
    if sum.sources.is_empty() {
        md.push_str(" none found.\n");
    } else {
        md.push_str("\n\n| source | kind | quotes | claims |\n| --- | --- | ---: | ---: |\n");
        for s in &sum.sources {
            let kind = match s.kind {
                SourceKind::Named => "named",
                SourceKind::Anonymous => "anonymous",
                SourceKind::Vague => "vague",
            };
            writeln!(
                md,
                "| {} | {kind} | {} | {} |",
                Escaped(&s.name),
                s.quotes,
                s.claims
            )?;
        }
    }

    let unsourced: Vec<(usize, String)> = r
        .sentences
        .iter()
        .filter(|s| s.has(Label::Statistic))
        .flat_map(|s| {
            s.quantities
                .iter()
                .filter(|q| !q.sourced)
                .map(move |q| (s.index, describe_quantity(q)))
        })
        .collect();
    if !unsourced.is_empty() {
        md.push_str("\n**Unsourced statistics:**\n\n");
        for (index, d) in unsourced.iter().take(MAX_UNSOURCED) {
            writeln!(md, "- sentence {}: {}", index + 1, Escaped(d))?;
        }
        if unsourced.len() > MAX_UNSOURCED {
            writeln!(md, "- … and {} more", unsourced.len() - MAX_UNSOURCED)?;
        }
    }
    md.push_str("\nGenerated by presslens.\n");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markdown_and_html() {
        assert_eq!(
            Escaped("<b>*bold*</b> [x](y) a|b `c` $4 & _u_ ~s~ #1 ![i]").to_string(),
            "\\<b\\>\\*bold\\*\\</b\\> \\[x\\](y) a\\|b \\`c\\` \\$4 \\& \\_u\\_ \\~s\\~ #1 !\\[i\\]"
        );
    }

    #[test]
    fn collapses_white_space_and_defuses_mentions() {
        assert_eq!(
            Escaped("  a\n\n- b\r\n  c @user ").to_string(),
            "a - b c @\u{2060}user"
        );
        assert_eq!(
            Escaped("nul\0bell\u{7}").to_string(),
            "nul\u{fffd}bell\u{fffd}"
        );
    }

    #[test]
    fn plain_text_is_unchanged() {
        let s = "Prices rose 5% in May, the bureau said (again).";
        assert_eq!(Escaped(s).to_string(), s);
    }
}
