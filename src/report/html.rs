//! `--format html`: one self-contained page per article, for people.
//!
//! The page needs nothing but itself: the CSS is inline, the bar chart is
//! inline SVG, there are no scripts, fonts or images to fetch, so it works
//! opened from disk and offline. Every piece of article text goes through
//! [`Escaped`], so an article containing `<script>` or `</style>` cannot
//! change the page.
//!
//! Layout: a header (title, dateline, byline), a summary panel (label counts
//! as a horizontal bar chart, editorial ratio, sources table, unsourced
//! statistics, most editorial sentences), a legend, then the article, one
//! row per paragraph with its margin notes (quotes with their speakers,
//! numbers with their normalised values).
//!
//! Each sentence is one `<span class="s">` with `id="sN"` (N counted from 1),
//! `data-index` (the report's 0-based index), `data-labels` (its labels in
//! report order, space-separated) and `data-primary`. It is tinted by its
//! primary label and starts with text badges naming its labels, so the page
//! reads without colour and prints in black and white. Evidence is underlined
//! with one line style per label (quote solid, claim dashed, statistic double,
//! editorial wavy); its `title` says why (speaker, normalised value, rule).
//!
//! Colours are the Okabe–Ito palette (distinguishable with the common forms
//! of colour blindness); the tints mix each with white in different shares so
//! they stay apart under simulated protanopia, deuteranopia and tritanopia
//! too. The unit tests check that, and the WCAG contrast of every
//! text/background pair built from the constants below.
//!
//! [`write_index`] writes the `index.html` that links the pages of a batch:
//!
//! ```
//! use presslens::report::html::{self, IndexEntry, PageOptions};
//! # fn main() -> std::io::Result<()> {
//! let inputs = [("news/a.txt", "Rain fell. It stopped."), ("b.txt", "Prices rose 5%.")];
//! let (mut taken, mut entries) = (Vec::new(), Vec::new());
//! for (name, text) in inputs {
//!     let mut report = presslens::analyze(text, &presslens::Options::default());
//!     report.source.name = name.into();
//!     let failed_gates: Vec<String> = Vec::new(); // from the gates, when set
//!     let file = html::page_file_name(name, &mut taken); // `a.html`, `b.html`
//!     let options = PageOptions { index_href: Some("index.html"), failed_gates: Some(&failed_gates) };
//!     let mut page = Vec::new(); // or the file `DIR/{file}`
//!     html::write_page(&mut page, &report, &options)?;
//!     let mut entry = IndexEntry::from_report(&report, file);
//!     entry.failed_gates = failed_gates;
//!     entries.push(entry);
//! }
//! let mut index = Vec::new(); // or the file `DIR/index.html`
//! html::write_index(&mut index, &entries)?;
//! assert!(String::from_utf8_lossy(&index).contains("<a href=\"b.html\">b.txt</a>"));
//! # Ok(())
//! # }
//! ```

use super::{Evidence, Label, LabelCounts, Quantity, Quote, Report, Sentence, SourceKind};
use std::fmt::{self, Display, Write as _};
use std::io::{self, Write};

/// An sRGB colour, written as `#rrggbb` in the CSS.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Display for Rgb {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }
}

impl Rgb {
    /// WCAG 2 relative luminance.
    pub fn luminance(self) -> f64 {
        let lin = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * lin(self.0) + 0.7152 * lin(self.1) + 0.0722 * lin(self.2)
    }

    /// WCAG 2 contrast ratio (1 to 21).
    pub fn contrast(self, other: Rgb) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }
}

/// Body text.
pub const TEXT: Rgb = Rgb(0x1b, 0x1b, 0x1b);
/// Secondary text (notes, captions).
pub const MUTED: Rgb = Rgb(0x4d, 0x4d, 0x4d);
/// Page background.
pub const PAPER: Rgb = Rgb(0xff, 0xff, 0xff);
/// Panel background.
pub const PANEL: Rgb = Rgb(0xf6, 0xf6, 0xf4);
/// Hairlines and borders.
pub const RULE: Rgb = Rgb(0xcc, 0xcc, 0xcc);
/// The bar of unlabelled sentences.
pub const PLAIN: Rgb = Rgb(0x9a, 0x9a, 0x9a);

/// How one label looks.
#[derive(Debug, Clone, Copy)]
pub struct LabelStyle {
    pub label: Label,
    /// Shown in the legend and the chart.
    pub name: &'static str,
    /// The badge text before each sentence.
    pub badge: &'static str,
    /// The Okabe–Ito colour: badges and chart bars.
    pub base: Rgb,
    /// Text colour on `base` (badges).
    pub on_base: Rgb,
    /// Sentence background; body text sits on it.
    pub tint: Rgb,
    /// Underlines of the evidence, on `tint`.
    pub ink: Rgb,
    /// `text-decoration-style` of the evidence underline.
    pub line: &'static str,
    /// What the label means, for the legend.
    pub meaning: &'static str,
}

/// One style per label, in [`Label::ALL`] order.
pub const STYLES: [LabelStyle; 4] = [
    LabelStyle {
        label: Label::DirectQuote,
        name: "direct quote",
        badge: "quote",
        base: Rgb(0x00, 0x72, 0xb2),
        on_base: Rgb(0xff, 0xff, 0xff),
        tint: Rgb(0xb2, 0xd5, 0xe8),
        ink: Rgb(0x00, 0x5a, 0x8c),
        line: "solid",
        meaning: "someone's exact words in quotation marks; underlined: the quoted words and the speech cue (hover: speaker)",
    },
    LabelStyle {
        label: Label::ReportedClaim,
        name: "reported claim",
        badge: "claim",
        base: Rgb(0x00, 0x9e, 0x73),
        on_base: Rgb(0x00, 0x00, 0x00),
        tint: Rgb(0x99, 0xd8, 0xc7),
        ink: Rgb(0x00, 0x6b, 0x4e),
        line: "dashed",
        meaning: "a source's words reported indirectly, or hedged; underlined: the cue",
    },
    LabelStyle {
        label: Label::Statistic,
        name: "statistic",
        badge: "stat",
        base: Rgb(0xe6, 0x9f, 0x00),
        on_base: Rgb(0x00, 0x00, 0x00),
        tint: Rgb(0xf6, 0xdc, 0xa3),
        ink: Rgb(0x8a, 0x5c, 0x00),
        line: "double",
        meaning: "a quantity offered as fact; underlined: the number (hover: its value)",
    },
    LabelStyle {
        label: Label::Editorial,
        name: "editorial",
        badge: "edit",
        base: Rgb(0xcc, 0x79, 0xa7),
        on_base: Rgb(0x00, 0x00, 0x00),
        tint: Rgb(0xf3, 0xdf, 0xea),
        ink: Rgb(0x9e, 0x3a, 0x72),
        line: "wavy",
        meaning: "the writer's own evaluation; underlined: the loaded words (hover: the rule)",
    },
];

/// The style of a label.
pub fn style(label: Label) -> &'static LabelStyle {
    &STYLES[label as usize]
}

/// Text made safe for HTML element content and quoted attribute values.
///
/// Escapes `& < > " '`, and replaces the characters an HTML5 parser reports
/// as errors in the input stream (NUL and other control characters,
/// noncharacters) with U+FFFD.
pub struct Escaped<'a>(pub &'a str);

impl Display for Escaped<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = self.0;
        let mut from = 0;
        for (i, c) in s.char_indices() {
            let rep = match c {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                '\t' | '\n' | '\r' | '\x0c' => continue,
                c if c.is_control() || is_noncharacter(c) => "\u{fffd}",
                _ => continue,
            };
            f.write_str(&s[from..i])?;
            f.write_str(rep)?;
            from = i + c.len_utf8();
        }
        f.write_str(&s[from..])
    }
}

fn is_noncharacter(c: char) -> bool {
    let c = c as u32;
    (0xfdd0..=0xfdef).contains(&c) || c & 0xfffe == 0xfffe
}

/// What a page shows beyond the report itself.
#[derive(Debug, Clone, Copy, Default)]
pub struct PageOptions<'a> {
    /// Link back to the batch index (e.g. `index.html`), shown above the title.
    pub index_href: Option<&'a str>,
    /// The gates this article failed: `None` when no gates were evaluated
    /// (nothing is shown), `Some(&[])` when all passed.
    pub failed_gates: Option<&'a [String]>,
}

/// Writes the page for one article.
pub fn write(out: &mut impl Write, report: &Report) -> io::Result<()> {
    write_page(out, report, &PageOptions::default())
}

/// Writes the page for one article, with a link to the index and the gates.
pub fn write_page(out: &mut impl Write, report: &Report, options: &PageOptions) -> io::Result<()> {
    let mut page = String::with_capacity(16 * 1024 + report.source.bytes * 3);
    render(&mut page, report, options).expect("formatting into a String cannot fail");
    out.write_all(page.as_bytes())
}

fn render(p: &mut String, r: &Report, options: &PageOptions) -> fmt::Result {
    let name = input_name(&r.source.name);
    let heading = r.title.unwrap_or(name);
    head(p, &format!("presslens: {heading}"))?;
    p.push_str("<header class=\"masthead\">\n");
    p.push_str("<p class=\"kicker\">");
    if let Some(href) = options.index_href {
        write!(p, "<a href=\"{}\">← all articles</a> · ", Escaped(href))?;
    }
    writeln!(
        p,
        "presslens {} · {}</p>",
        Escaped(r.tool.version),
        Escaped(name)
    )?;
    match r.title {
        Some(t) => writeln!(p, "<h1>{}</h1>", Escaped(t))?,
        None => writeln!(p, "<h1 class=\"untitled\">{}</h1>", Escaped(name))?,
    }
    let meta: Vec<String> = [("dateline", r.dateline), ("byline", r.byline)]
        .into_iter()
        .filter_map(|(class, v)| {
            v.map(|v| {
                // A dateline's closing dash separates it from the story, not from the byline.
                let v = v.trim().trim_end_matches(['—', '–', '-', ' ', '\u{a0}']);
                format!("<span class=\"{class}\">{}</span>", Escaped(v))
            })
        })
        .collect();
    if !meta.is_empty() {
        writeln!(p, "<p class=\"meta\">{}</p>", meta.join(" · "))?;
    }
    p.push_str("</header>\n");
    match options.failed_gates {
        None => {}
        Some([]) => p.push_str("<p class=\"gates passed\"><b>Gates:</b> all passed.</p>\n"),
        Some(gates) => {
            writeln!(
                p,
                "<div class=\"gates failed\" role=\"alert\"><b>Gates failed ({}):</b>\n<ul>",
                gates.len()
            )?;
            for g in gates {
                writeln!(p, "<li>{}</li>", Escaped(g))?;
            }
            p.push_str("</ul>\n</div>\n");
        }
    }
    summary_panel(p, r)?;
    legend(p)?;
    article(p, r)?;
    writeln!(
        p,
        "<footer>Generated by presslens {}. Labels follow the presslens labelling guide; \
         hover over underlined words for the evidence.</footer>",
        Escaped(r.tool.version)
    )?;
    p.push_str("</div>\n</body>\n</html>\n");
    Ok(())
}

/// Doctype, `<head>` with the inline CSS, and the opening of the body.
fn head(p: &mut String, title: &str) -> fmt::Result {
    writeln!(
        p,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"presslens {}\">\n\
         <title>{}</title>\n<style>\n{}</style>\n</head>\n<body>\n<div class=\"page\">",
        env!("CARGO_PKG_VERSION"),
        Escaped(title),
        css()
    )
}

/// The style sheet, built from the colour constants.
pub fn css() -> String {
    let mut c = String::with_capacity(6 * 1024);
    let _ = write!(
        c,
        "\
:root {{ color-scheme: light; }}
* {{ box-sizing: border-box; }}
body {{ margin: 0; background: {PAPER}; color: {TEXT};
  font: 16px/1.5 system-ui, -apple-system, \"Segoe UI\", \"DejaVu Sans\", \"Liberation Sans\", Arial, sans-serif; }}
.page {{ max-width: 74rem; margin: 0 auto; padding: 1.5rem 1.5rem 3rem; }}
a {{ color: #0b57a4; }}
h1 {{ font: 700 2rem/1.2 Georgia, \"DejaVu Serif\", \"Liberation Serif\", serif; margin: .2rem 0 .4rem; }}
h1.untitled {{ font-style: italic; color: {MUTED}; }}
h2 {{ font-size: .8rem; letter-spacing: .08em; text-transform: uppercase; color: {MUTED}; margin: 0 0 .5rem; }}
.kicker, .meta {{ color: {MUTED}; margin: 0; }}
.kicker {{ font-size: .85rem; }}
.masthead {{ border-bottom: 3px double {RULE}; padding-bottom: .8rem; margin-bottom: 1.2rem; }}
.summary {{ display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; margin-bottom: 1.2rem; }}
.card {{ background: {PANEL}; border: 1px solid {RULE}; border-radius: 6px; padding: .8rem 1rem; break-inside: avoid; }}
.card.wide {{ grid-column: 1 / -1; }}
.chart {{ width: 100%; max-width: 360px; height: auto; display: block; }}
.figures {{ display: flex; flex-wrap: wrap; gap: .4rem 1.6rem; margin: 0; }}
.figures div {{ min-width: 6rem; }}
.figures div.lead {{ flex: 1 0 100%; }}
.figures dt {{ font-size: .8rem; color: {MUTED}; }}
.figures dd {{ margin: 0; font-size: 1.6rem; font-weight: 700; }}
.ratio {{ display: block; height: .6rem; max-width: 20rem; background: {PAPER}; border: 1px solid {TEXT}; margin: .2rem 0 .3rem; }}
.ratio span {{ display: block; height: 100%; background: repeating-linear-gradient(135deg, {TEXT} 0 2px, {edit_base} 2px 5px); }}
table {{ border-collapse: collapse; width: 100%; font-size: .9rem; }}
th, td {{ text-align: left; padding: .2rem .5rem .2rem 0; border-bottom: 1px solid {RULE}; vertical-align: top; }}
th {{ font-size: .8rem; color: {MUTED}; font-weight: 600; }}
td.n, th.n {{ text-align: right; font-variant-numeric: tabular-nums; }}
td.n .ratio {{ margin-left: auto; width: 5rem; }}
.kind {{ font-size: .75rem; border: 1px solid {MUTED}; border-radius: 3px; padding: 0 .3em; white-space: nowrap; }}
.kind-anonymous {{ border-style: dashed; }}
.kind-vague {{ border-style: dotted; }}
.none {{ color: {MUTED}; font-style: italic; margin: 0; }}
.list {{ margin: 0; padding-left: 1.2rem; font-size: .9rem; }}
.list li {{ margin-bottom: .3rem; }}
.legend {{ display: grid; grid-template-columns: 1fr 1fr; gap: .5rem 2rem; font-size: .85rem;
  border: 1px solid {RULE}; border-radius: 6px; padding: .6rem 1rem; margin: 0 0 1.5rem; }}
.legend h2 {{ grid-column: 1 / -1; margin: 0; }}
.legend .item {{ display: flex; gap: .8rem; align-items: baseline; }}
.legend .sample {{ flex: 0 0 10.5rem; padding: .1em .3em; border-radius: 3px; }}
.article {{ font: 1.1rem/1.85 Georgia, \"DejaVu Serif\", \"Liberation Serif\", serif; }}
.row {{ display: grid; grid-template-columns: minmax(0, 44rem) minmax(12rem, 1fr); gap: 0 2rem; }}
.row p {{ margin: 0 0 1.1rem; }}
.notes {{ font: .8rem/1.4 system-ui, -apple-system, \"Segoe UI\", \"DejaVu Sans\", sans-serif; color: {MUTED};
  list-style: none; margin: 0 0 1.1rem; padding: 0 0 0 .8rem; border-left: 2px solid {RULE}; }}
.notes:empty {{ border-left: 0; }}
.notes li {{ margin: .15rem 0 .5rem; }}
.notes b {{ color: {TEXT}; }}
.nk {{ font-weight: 700; text-transform: uppercase; font-size: .7rem; letter-spacing: .04em; }}
.s {{ border-radius: 3px; padding: .1em 0; -webkit-box-decoration-break: clone; box-decoration-break: clone; }}
.num {{ font: 600 .65rem/1 system-ui, -apple-system, \"DejaVu Sans\", sans-serif; color: {MUTED}; vertical-align: .35em; margin: 0 .2em 0 .1em; }}
.badge {{ font: 700 .62rem/1 system-ui, -apple-system, \"DejaVu Sans\", sans-serif; text-transform: uppercase; letter-spacing: .03em;
  border-radius: 3px; padding: .12em .3em; margin-right: .2em; vertical-align: .25em; border: 1px solid transparent; }}
.ev {{ text-decoration-line: underline; text-decoration-thickness: 2px; text-decoration-skip-ink: none; }}
.gates {{ margin: 0 0 1rem; padding: .5rem 1rem; border: 1px solid {TEXT}; border-left-width: 6px; border-radius: 4px; }}
.gates.failed {{ border-left-style: double; }}
.gates ul {{ margin: .3rem 0 0; padding-left: 1.2rem; }}
footer {{ margin-top: 2rem; border-top: 1px solid {RULE}; padding-top: .6rem; font-size: .8rem; color: {MUTED}; }}
@media (max-width: 52rem) {{
  .row, .summary, .legend {{ grid-template-columns: 1fr; }}
  .notes {{ margin-top: -.6rem; }}
}}
",
        edit_base = style(Label::Editorial).base,
    );
    for (i, st) in STYLES.iter().enumerate() {
        let l = st.label.as_str();
        let _ = writeln!(
            c,
            ".p-{l} {{ background: {tint}; }}\n\
             .b-{l} {{ background: {base}; color: {on}; }}\n\
             .ev-{l} {{ text-decoration-style: {line}; text-decoration-color: {ink}; text-underline-offset: {off}; }}",
            tint = st.tint,
            base = st.base,
            on = st.on_base,
            line = st.line,
            ink = st.ink,
            off = ["0.16em", "0.30em", "0.22em", "0.36em"][i],
        );
    }
    c.push_str(
        "@media print {
  body { font-size: 11pt; }
  .page { max-width: none; padding: 0; }
  .card, .legend { background: none; }
  .badge { background: none !important; color: #000 !important; border-color: #000; }
  .s, .legend .sample { background: none !important; }
  .ev { text-decoration-color: #000 !important; }
  a { color: inherit; text-decoration: none; }
  /* Chromium clips a grid row's notes at a page break: in print the notes
     follow their paragraph instead of standing beside it. */
  .row { display: block; }
  .row p { orphans: 3; widows: 3; }
  .notes { margin: -.5rem 0 1rem 1.5rem; }
  .notes li, tr { break-inside: avoid; }
}
",
    );
    c
}

/// The summary panel: chart, figures, sources, unsourced statistics, top editorial.
fn summary_panel(p: &mut String, r: &Report) -> fmt::Result {
    let sum = &r.summary;
    p.push_str("<section class=\"summary\" aria-label=\"Summary\">\n");
    p.push_str("<div class=\"card\">\n<h2>Sentences by label</h2>\n");
    bar_chart(p, &sum.labels, sum.sentences)?;
    p.push_str("</div>\n");

    let pct = (sum.editorial_ratio * 100.0).clamp(0.0, 100.0);
    writeln!(
        p,
        "<div class=\"card\">\n<h2>Figures</h2>\n<dl class=\"figures\">\n\
         <div class=\"lead\"><dt>editorial ratio</dt><dd>{pct:.0}%</dd>\
         <span class=\"ratio\" role=\"img\" aria-label=\"editorial ratio {pct:.0} percent\">\
         <span style=\"width: {pct:.1}%\"></span></span></div>\n\
         <div><dt>sentences</dt><dd>{}</dd></div>\n\
         <div><dt>paragraphs</dt><dd>{}</dd></div>\n\
         <div><dt>sources</dt><dd>{}</dd></div>\n\
         <div><dt>unsourced statistics</dt><dd>{}</dd></div>\n</dl>\n</div>",
        sum.sentences,
        sum.paragraphs,
        sum.sources.len(),
        sum.unsourced_statistics
    )?;

    sources_card(p, r)?;
    unsourced_card(p, r)?;
    top_editorial_card(p, r)?;
    p.push_str("</section>\n");
    Ok(())
}

/// The label counts as a horizontal bar chart in inline SVG. Bars carry a
/// hatching pattern per label and every row its name and count as text, so
/// the chart reads in black and white.
fn bar_chart(p: &mut String, counts: &LabelCounts, sentences: usize) -> fmt::Result {
    const W: u32 = 360;
    const ROW: u32 = 26;
    const LABEL_W: u32 = 108;
    const BAR_W: u32 = 190;
    let rows: Vec<(&str, usize, Rgb, Option<Label>)> = STYLES
        .iter()
        .map(|s| (s.name, counts.get(s.label), s.base, Some(s.label)))
        .chain(std::iter::once((
            "unlabelled",
            counts.unlabeled,
            PLAIN,
            None,
        )))
        .collect();
    let h = ROW * rows.len() as u32 + 4;
    let desc: Vec<String> = rows.iter().map(|(n, c, _, _)| format!("{n} {c}")).collect();
    writeln!(
        p,
        "<svg class=\"chart\" viewBox=\"0 0 {W} {h}\" width=\"{W}\" height=\"{h}\" role=\"img\" \
         aria-label=\"Sentences by label: {}\" xmlns=\"http://www.w3.org/2000/svg\">",
        desc.join(", ")
    )?;
    writeln!(
        p,
        "<title>Sentences by label, of {sentences}: {}</title>",
        desc.join(", ")
    )?;
    // Hatching per label: quote diagonal, claim dots, statistic horizontal, editorial cross.
    p.push_str(
        "<defs>\
<pattern id=\"h-direct_quote\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\"><path d=\"M0 6L6 0\" stroke=\"#000\" stroke-opacity=\".45\"/></pattern>\
<pattern id=\"h-reported_claim\" width=\"5\" height=\"5\" patternUnits=\"userSpaceOnUse\"><circle cx=\"2.5\" cy=\"2.5\" r=\"1\" fill=\"#000\" fill-opacity=\".45\"/></pattern>\
<pattern id=\"h-statistic\" width=\"6\" height=\"5\" patternUnits=\"userSpaceOnUse\"><path d=\"M0 2.5H6\" stroke=\"#000\" stroke-opacity=\".45\"/></pattern>\
<pattern id=\"h-editorial\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\"><path d=\"M0 6L6 0M0 0L6 6\" stroke=\"#000\" stroke-opacity=\".45\"/></pattern>\
</defs>\n",
    );
    for (i, (name, count, colour, label)) in rows.iter().enumerate() {
        let y = i as u32 * ROW + 2;
        let share = if sentences == 0 {
            0.0
        } else {
            (*count as f64 / sentences as f64).min(1.0)
        };
        let bw = (share * f64::from(BAR_W)).round() as u32;
        let ty = y + ROW / 2 + 4;
        writeln!(
            p,
            "<text x=\"0\" y=\"{ty}\" font-size=\"13\" fill=\"{TEXT}\">{name}</text>\
             <rect x=\"{LABEL_W}\" y=\"{y1}\" width=\"{BAR_W}\" height=\"{bh}\" fill=\"{PAPER}\" stroke=\"{RULE}\"/>\
             <rect x=\"{LABEL_W}\" y=\"{y1}\" width=\"{bw}\" height=\"{bh}\" fill=\"{colour}\"/>",
            y1 = y + 4,
            bh = ROW - 8,
        )?;
        if let Some(l) = label {
            writeln!(
                p,
                "<rect x=\"{LABEL_W}\" y=\"{y1}\" width=\"{bw}\" height=\"{bh}\" fill=\"url(#h-{l})\"/>",
                y1 = y + 4,
                bh = ROW - 8,
                l = l.as_str()
            )?;
        }
        writeln!(
            p,
            "<text x=\"{tx}\" y=\"{ty}\" font-size=\"13\" fill=\"{TEXT}\" font-weight=\"700\">{count}</text>\
             <text x=\"{W}\" y=\"{ty}\" font-size=\"12\" fill=\"{MUTED}\" text-anchor=\"end\">{pct:.0}%</text>",
            tx = LABEL_W + BAR_W + 6,
            pct = share * 100.0,
        )?;
    }
    p.push_str("</svg>\n");
    Ok(())
}

fn kind_name(kind: SourceKind) -> &'static str {
    match kind {
        SourceKind::Named => "named",
        SourceKind::Anonymous => "anonymous",
        SourceKind::Vague => "vague",
    }
}

fn sources_card(p: &mut String, r: &Report) -> fmt::Result {
    let sources = &r.summary.sources;
    p.push_str("<div class=\"card\">\n<h2>Sources</h2>\n");
    if sources.is_empty() {
        p.push_str("<p class=\"none\">No sources found.</p>\n</div>\n");
        return Ok(());
    }
    p.push_str(
        "<table class=\"sources\">\n<thead><tr><th>source</th><th>kind</th>\
         <th class=\"n\">quotes</th><th class=\"n\">claims</th></tr></thead>\n<tbody>\n",
    );
    for s in sources {
        let k = kind_name(s.kind);
        writeln!(
            p,
            "<tr><td>{}</td><td><span class=\"kind kind-{k}\">{k}</span></td>\
             <td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
            Escaped(&s.name),
            s.quotes,
            s.claims
        )?;
    }
    let by_kind: Vec<String> = [SourceKind::Named, SourceKind::Anonymous, SourceKind::Vague]
        .into_iter()
        .map(|k| {
            let n = sources.iter().filter(|s| s.kind == k).count();
            format!("{n} {}", kind_name(k))
        })
        .collect();
    writeln!(
        p,
        "</tbody>\n<tfoot><tr><td colspan=\"2\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr></tfoot>\n</table>\n</div>",
        by_kind.join(" · "),
        sources.iter().map(|s| s.quotes).sum::<usize>(),
        sources.iter().map(|s| s.claims).sum::<usize>(),
    )
}

fn unsourced_card(p: &mut String, r: &Report) -> fmt::Result {
    writeln!(
        p,
        "<div class=\"card\">\n<h2>Unsourced statistics: {}</h2>",
        r.summary.unsourced_statistics
    )?;
    let items: Vec<(&Sentence, &Quantity)> = r
        .sentences
        .iter()
        .filter(|s| s.has(Label::Statistic))
        .flat_map(|s| {
            s.quantities
                .iter()
                .filter(|q| !q.sourced)
                .map(move |q| (s, q))
        })
        .collect();
    if items.is_empty() {
        p.push_str("<p class=\"none\">No number without a source.</p>\n</div>\n");
        return Ok(());
    }
    p.push_str("<ul class=\"list\">\n");
    for (s, q) in items.iter().take(12) {
        writeln!(
            p,
            "<li><a href=\"#s{n}\">sentence {n}</a>: {}</li>",
            Escaped(&describe_quantity(q)),
            n = s.index + 1
        )?;
    }
    if items.len() > 12 {
        writeln!(p, "<li>… and {} more</li>", items.len() - 12)?;
    }
    p.push_str("</ul>\n</div>\n");
    Ok(())
}

fn top_editorial_card(p: &mut String, r: &Report) -> fmt::Result {
    let top = &r.summary.top_editorial;
    if top.is_empty() {
        return Ok(());
    }
    p.push_str(
        "<div class=\"card wide\">\n<h2>Most editorial sentences</h2>\n<ol class=\"list\">\n",
    );
    for t in top {
        let words: Vec<String> = sentence_by_index(r, t.index)
            .map(|s| {
                editorial_evidence(s)
                    .map(|e| format!("“{}” ({})", Escaped(e.text), Escaped(e.rule)))
                    .collect()
            })
            .unwrap_or_default();
        writeln!(
            p,
            "<li><a href=\"#s{n}\">sentence {n}</a> (weight {w:.1}): {text}{sep}{words}</li>",
            n = t.index + 1,
            w = t.weight,
            text = Escaped(&shorten(t.text, 160)),
            sep = if words.is_empty() { "" } else { " — " },
            words = words.join(", "),
        )?;
    }
    p.push_str("</ol>\n</div>\n");
    Ok(())
}

/// The input's name as shown to a reader: `-` is standard input.
pub(crate) fn input_name(name: &str) -> &str {
    if name == "-" { "standard input" } else { name }
}

/// The sentence with report index `index`.
pub(crate) fn sentence_by_index<'r, 'a>(
    r: &'r Report<'a>,
    index: usize,
) -> Option<&'r Sentence<'a>> {
    match r.sentences.get(index) {
        Some(s) if s.index == index => Some(s),
        _ => r.sentences.iter().find(|s| s.index == index),
    }
}

/// The editorial evidence of a sentence that counts for the label
/// (negative weights are counter-evidence: news detail, attribution).
pub(crate) fn editorial_evidence<'s, 'a>(
    s: &'s Sentence<'a>,
) -> impl Iterator<Item = &'s Evidence<'a>> {
    s.evidence
        .iter()
        .filter(|e| e.label == Label::Editorial && e.weight > 0.0)
}

fn legend(p: &mut String) -> fmt::Result {
    p.push_str("<section class=\"legend\" aria-label=\"Legend\">\n<h2>Legend</h2>\n");
    for st in &STYLES {
        let l = st.label.as_str();
        writeln!(
            p,
            "<span class=\"item\"><span class=\"sample p-{l}\"><span class=\"badge b-{l}\">{badge}</span>\
             <span class=\"ev ev-{l}\">{name}</span></span> {meaning}</span>",
            badge = st.badge,
            name = st.name,
            meaning = st.meaning,
        )?;
    }
    p.push_str(
        "<span class=\"item\"><span class=\"sample\">no badge, no tint</span> plain narration: no label applies</span>\n</section>\n",
    );
    Ok(())
}

/// The article: one row per paragraph, sentences inline, margin notes beside.
fn article(p: &mut String, r: &Report) -> fmt::Result {
    p.push_str("<main class=\"article\">\n");
    let mut rest = &r.sentences[..];
    while let Some(first) = rest.first() {
        let n = rest
            .iter()
            .position(|s| s.paragraph != first.paragraph)
            .unwrap_or(rest.len());
        let (para, tail) = rest.split_at(n);
        rest = tail;
        writeln!(
            p,
            "<div class=\"row\">\n<p data-paragraph=\"{}\">",
            first.paragraph
        )?;
        for (i, s) in para.iter().enumerate() {
            if i > 0 {
                p.push('\n');
            }
            sentence(p, s)?;
        }
        p.push_str("</p>\n");
        notes(p, para)?;
        p.push_str("</div>\n");
    }
    if r.sentences.is_empty() {
        p.push_str("<p class=\"none\">The article has no sentences.</p>\n");
    }
    p.push_str("</main>\n");
    Ok(())
}

fn sentence(p: &mut String, s: &Sentence) -> fmt::Result {
    let labels: Vec<&str> = s.labels.iter().map(|l| l.as_str()).collect();
    let primary = s.primary.or_else(|| s.labels.first().copied());
    write!(
        p,
        "<span class=\"s{}\" id=\"s{}\" data-index=\"{}\" data-labels=\"{}\" data-primary=\"{}\">",
        primary
            .map(|l| format!(" p-{}", l.as_str()))
            .unwrap_or_default(),
        s.index + 1,
        s.index,
        labels.join(" "),
        primary.map(Label::as_str).unwrap_or(""),
    )?;
    write!(
        p,
        "<span class=\"num\" title=\"sentence {n}\">{n}</span>",
        n = s.index + 1
    )?;
    for &l in &s.labels {
        let st = style(l);
        let why = if l == Label::Editorial {
            format!("{}: weight {:.1}", st.name, s.editorial_weight)
        } else {
            st.name.to_string()
        };
        write!(
            p,
            "<span class=\"badge b-{}\" title=\"{}\">{}</span>",
            l.as_str(),
            Escaped(&why),
            st.badge
        )?;
    }
    marked_text(p, s)?;
    p.push_str("</span>");
    Ok(())
}

/// A stretch of a sentence to underline: byte range relative to the
/// sentence text, the label whose line style it gets, and why.
#[derive(Debug, Clone)]
struct Mark {
    start: usize,
    end: usize,
    label: Label,
    why: String,
}

/// Everything underlined in a sentence: quotes, quantities, and evidence not
/// already covered by one of those. Ranges are clipped to the sentence and to
/// char boundaries; empty or invalid ones are dropped.
fn marks(s: &Sentence) -> Vec<Mark> {
    let clip = |span: &crate::span::Span| -> Option<(usize, usize)> {
        let start = span.start.max(s.span.start) - s.span.start;
        let end = span.end.min(s.span.end).saturating_sub(s.span.start);
        (start < end
            && end <= s.text.len()
            && s.text.is_char_boundary(start)
            && s.text.is_char_boundary(end))
        .then_some((start, end))
    };
    let mut out = Vec::new();
    for q in &s.quotes {
        if let Some((start, end)) = clip(&q.span) {
            out.push(Mark {
                start,
                end,
                label: Label::DirectQuote,
                why: describe_quote(q),
            });
        }
    }
    for q in &s.quantities {
        if let Some((start, end)) = clip(&q.span) {
            out.push(Mark {
                start,
                end,
                label: Label::Statistic,
                why: format!("number: {}", describe_quantity(q)),
            });
        }
    }
    let quotes = Cover::new(&out, Label::DirectQuote);
    let numbers = Cover::new(&out, Label::Statistic);
    for e in &s.evidence {
        // Counter-evidence (a negative weight, e.g. a news detail lowering
        // the editorial sum) is no reason for the label: not underlined.
        if e.weight < 0.0 {
            continue;
        }
        let Some((start, end)) = clip(&e.span) else {
            continue;
        };
        let covered = match e.label {
            Label::DirectQuote => quotes.covers(start, end),
            Label::Statistic => numbers.covers(start, end),
            _ => false,
        };
        if covered {
            continue;
        }
        out.push(Mark {
            start,
            end,
            label: e.label,
            why: describe_evidence(e),
        });
    }
    out
}

/// The ranges of one label's marks, to ask in O(log n) whether a range lies
/// inside one of them.
struct Cover {
    /// Starts, sorted.
    starts: Vec<usize>,
    /// `max_end[i]`: the largest end among the first `i + 1` ranges.
    max_end: Vec<usize>,
}

impl Cover {
    fn new(marks: &[Mark], label: Label) -> Cover {
        let mut ranges: Vec<(usize, usize)> = marks
            .iter()
            .filter(|m| m.label == label)
            .map(|m| (m.start, m.end))
            .collect();
        ranges.sort_unstable();
        let mut max = 0;
        let max_end = ranges
            .iter()
            .map(|r| {
                max = max.max(r.1);
                max
            })
            .collect();
        Cover {
            starts: ranges.into_iter().map(|r| r.0).collect(),
            max_end,
        }
    }

    fn covers(&self, start: usize, end: usize) -> bool {
        let n = self.starts.partition_point(|&s| s <= start);
        n > 0 && self.max_end[n - 1] >= end
    }
}

/// Writes the sentence text with its marks underlined. Marks may overlap or
/// nest: the text is cut at every mark boundary, and each piece is wrapped in
/// one element per label covering it (at most four), the innermost carrying
/// the explanations of all marks over it.
fn marked_text(p: &mut String, s: &Sentence) -> fmt::Result {
    let mut marks = marks(s);
    if marks.is_empty() {
        write!(p, "{}", Escaped(s.text))?;
        return Ok(());
    }
    marks.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
    let mut cuts: Vec<usize> = marks.iter().flat_map(|m| [m.start, m.end]).collect();
    cuts.push(0);
    cuts.push(s.text.len());
    cuts.sort_unstable();
    cuts.dedup();
    let mut active: Vec<&Mark> = Vec::new();
    let mut next = 0;
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        active.retain(|m| m.end > a);
        while next < marks.len() && marks[next].start <= a {
            active.push(&marks[next]);
            next += 1;
        }
        let piece = Escaped(&s.text[a..b]);
        if active.is_empty() {
            write!(p, "{piece}")?;
            continue;
        }
        // At most one element per label and six explanations, however
        // many marks overlap here.
        let mut present = [false; 4];
        let mut why: Vec<&str> = Vec::new();
        for m in &active {
            present[m.label as usize] = true;
            if why.len() < 6 && !why.contains(&m.why.as_str()) {
                why.push(&m.why);
            }
        }
        let labels: Vec<Label> = Label::ALL
            .into_iter()
            .filter(|&l| present[l as usize])
            .collect();
        for (i, l) in labels.iter().enumerate() {
            write!(p, "<span class=\"ev ev-{}\"", l.as_str())?;
            if i + 1 == labels.len() {
                write!(p, " title=\"{}\"", Escaped(&why.join("\n")))?;
            }
            p.push('>');
        }
        write!(p, "{piece}")?;
        for _ in &labels {
            p.push_str("</span>");
        }
    }
    Ok(())
}

/// Margin notes of a paragraph: its quotes (once each) and its numbers.
fn notes(p: &mut String, para: &[Sentence]) -> fmt::Result {
    p.push_str("<ul class=\"notes\">");
    let mut seen = std::collections::HashSet::new();
    for s in para {
        for q in &s.quotes {
            if !seen.insert((q.span.start, q.span.end)) {
                continue;
            }
            let speaker = match (q.speaker, q.speaker_resolved) {
                (Some(sp), Some(res)) if res != sp => {
                    format!("<b>{}</b> (= {})", Escaped(sp), Escaped(res))
                }
                (Some(sp), _) => format!("<b>{}</b>", Escaped(sp)),
                (None, _) => "<i>speaker unknown</i>".to_string(),
            };
            let mut extra = Vec::new();
            if let Some(c) = q.cue {
                extra.push(format!("cue “{}”", Escaped(c)));
            }
            if q.partial {
                extra.push("partial".into());
            }
            if !q.closed {
                extra.push("not closed".into());
            }
            let extra = if extra.is_empty() {
                String::new()
            } else {
                format!(" · {}", extra.join(" · "))
            };
            writeln!(
                p,
                "\n<li class=\"note-quote\"><span class=\"num\">{n}</span><span class=\"nk\">quote</span> \
                 {speaker}{extra}<br>“{}”</li>",
                Escaped(&shorten(q.text, 90)),
                n = s.index + 1,
            )?;
        }
        for q in &s.quantities {
            writeln!(
                p,
                "\n<li class=\"note-number\"><span class=\"num\">{n}</span><span class=\"nk\">number</span> {}</li>",
                Escaped(&describe_quantity(q)),
                n = s.index + 1,
            )?;
        }
    }
    p.push_str("</ul>\n");
    Ok(())
}

/// `quote — speaker: Putin (= Vladimir Putin), cue “saying”, partial`.
pub(crate) fn describe_quote(q: &Quote) -> String {
    let mut d = format!("quote — speaker: {}", q.speaker.unwrap_or("unknown"));
    if let Some(r) = q.speaker_resolved.filter(|r| Some(*r) != q.speaker) {
        let _ = write!(d, " (= {r})");
    }
    if let Some(c) = q.cue {
        let _ = write!(d, ", cue “{c}”");
    }
    if q.partial {
        d.push_str(", partial");
    }
    if !q.closed {
        d.push_str(", not closed");
    }
    d
}

/// `41,000 → 41000 troops, unsourced` / `$4.5 million → ≈4500000 USD, sourced`.
pub(crate) fn describe_quantity(q: &Quantity) -> String {
    let mut d = q.text.trim().to_string();
    let value = match (q.value, q.low, q.high) {
        (_, Some(lo), Some(hi)) => Some(format!("{}–{}", number(lo), number(hi))),
        (Some(v), _, _) => Some(number(v)),
        // A count with no single value (a vote tally `4-1`): the unit alone.
        _ => None,
    };
    if let Some(v) = value {
        let _ = write!(d, " → {}{v}", if q.approx { "≈" } else { "" });
    }
    if let Some(u) = q.unit.as_deref() {
        let _ = write!(d, " {u}");
    }
    d.push_str(if q.sourced {
        ", sourced"
    } else {
        ", unsourced"
    });
    d
}

/// `editorial · loaded_word (+1.0): note`.
pub(crate) fn describe_evidence(e: &Evidence) -> String {
    let mut d = format!("{} · {} ({:+.1})", style(e.label).name, e.rule, e.weight);
    if let Some(n) = &e.note {
        let _ = write!(d, ": {n}");
    }
    d
}

/// A normalised value without float noise: `41000`, `0.12`, `4500000`.
pub(crate) fn number(v: f64) -> String {
    if v.is_finite() && v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else if v.is_finite() {
        let s = format!("{v:.6}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        v.to_string()
    }
}

/// At most `max` chars, with an ellipsis when cut; white space collapsed.
pub(crate) fn shorten(s: &str, max: usize) -> String {
    let mut out = String::new();
    let mut n = 0;
    for w in s.split_whitespace() {
        let len = w.chars().count();
        if n > 0 {
            if n + 1 + len > max {
                out.push('…');
                return out;
            }
            out.push(' ');
            n += 1;
        } else if len > max {
            out.extend(w.chars().take(max.saturating_sub(1)));
            out.push('…');
            return out;
        }
        out.push_str(w);
        n += len;
    }
    out
}

/// One row of the batch index: an article page and its summary figures.
#[derive(Debug, Clone, Default)]
pub struct IndexEntry {
    /// Link to the article's page, relative to `index.html` (e.g. `story.html`).
    pub href: String,
    /// The input as given (file name).
    pub name: String,
    pub title: Option<String>,
    pub sentences: usize,
    pub labels: LabelCounts,
    pub editorial_ratio: f64,
    pub unsourced_statistics: usize,
    /// Number of distinct sources: named, anonymous, vague.
    pub sources: [usize; 3],
    /// Gates this article failed (empty: none failed or none set).
    pub failed_gates: Vec<String>,
}

impl IndexEntry {
    /// The index row for `report`, whose page is at `href`.
    pub fn from_report(report: &Report, href: impl Into<String>) -> IndexEntry {
        let sum = &report.summary;
        let count = |k| sum.sources.iter().filter(|s| s.kind == k).count();
        IndexEntry {
            href: href.into(),
            name: input_name(&report.source.name).to_string(),
            title: report.title.map(str::to_string),
            sentences: sum.sentences,
            labels: sum.labels.clone(),
            editorial_ratio: sum.editorial_ratio,
            unsourced_statistics: sum.unsourced_statistics,
            sources: [
                count(SourceKind::Named),
                count(SourceKind::Anonymous),
                count(SourceKind::Vague),
            ],
            failed_gates: Vec::new(),
        }
    }
}

/// A file name for the page of input `name`, unique among `taken`: the
/// file stem reduced to `[A-Za-z0-9._-]` plus `.html` (`-2`, `-3`, … on a
/// clash; `index.html` is never returned). The name is pushed onto `taken`.
pub fn page_file_name(name: &str, taken: &mut Vec<String>) -> String {
    let base = std::path::Path::new(name)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut stem: String = base
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '.' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let trimmed = stem.trim_start_matches('.');
    if trimmed.is_empty() || base == "-" {
        stem = "stdin".into();
    } else {
        stem = trimmed.to_string();
    }
    let mut candidate = format!("{stem}.html");
    let mut n = 1;
    while candidate.eq_ignore_ascii_case("index.html")
        || taken.iter().any(|t| t.eq_ignore_ascii_case(&candidate))
    {
        n += 1;
        candidate = format!("{stem}-{n}.html");
    }
    taken.push(candidate.clone());
    candidate
}

/// Writes `index.html`: a table linking the article pages with their figures.
pub fn write_index(out: &mut impl Write, entries: &[IndexEntry]) -> io::Result<()> {
    let mut p = String::with_capacity(8 * 1024 + entries.len() * 600);
    render_index(&mut p, entries).expect("formatting into a String cannot fail");
    out.write_all(p.as_bytes())
}

fn render_index(p: &mut String, entries: &[IndexEntry]) -> fmt::Result {
    let n = entries.len();
    head(p, &format!("presslens: {n} articles"))?;
    writeln!(
        p,
        "<header class=\"masthead\">\n<p class=\"kicker\">presslens {}</p>\n\
         <h1>{n} article{}</h1>",
        env!("CARGO_PKG_VERSION"),
        if n == 1 { "" } else { "s" }
    )?;
    let failed = entries
        .iter()
        .filter(|e| !e.failed_gates.is_empty())
        .count();
    let total: usize = entries.iter().map(|e| e.sentences).sum();
    writeln!(
        p,
        "<p class=\"meta\">{total} sentences · {failed} article{} failed a gate</p>\n</header>",
        if failed == 1 { "" } else { "s" }
    )?;
    p.push_str("<main>\n<table class=\"index\">\n<thead><tr><th>article</th><th class=\"n\">sentences</th>");
    for st in &STYLES {
        write!(
            p,
            "<th class=\"n\"><span class=\"badge b-{}\" title=\"{}\">{}</span></th>",
            st.label.as_str(),
            st.name,
            st.badge
        )?;
    }
    p.push_str(
        "<th class=\"n\">editorial ratio</th><th class=\"n\">unsourced statistics</th>\
         <th>sources (named / anonymous / vague)</th><th>gates</th></tr></thead>\n<tbody>\n",
    );
    for e in entries {
        let heading = e.title.as_deref().unwrap_or(&e.name);
        write!(
            p,
            "<tr><td><a href=\"{}\">{}</a>",
            Escaped(&e.href),
            Escaped(heading)
        )?;
        if e.title.is_some() {
            write!(p, "<br><small>{}</small>", Escaped(&e.name))?;
        }
        write!(p, "</td><td class=\"n\">{}</td>", e.sentences)?;
        for st in &STYLES {
            write!(p, "<td class=\"n\">{}</td>", e.labels.get(st.label))?;
        }
        let pct = (e.editorial_ratio * 100.0).clamp(0.0, 100.0);
        write!(
            p,
            "<td class=\"n\">{pct:.0}%<span class=\"ratio\"><span style=\"width: {pct:.1}%\"></span></span></td>\
             <td class=\"n\">{}</td><td>{} / {} / {}</td><td>",
            e.unsourced_statistics, e.sources[0], e.sources[1], e.sources[2]
        )?;
        if e.failed_gates.is_empty() {
            p.push_str("ok");
        } else {
            let gates: Vec<String> = e
                .failed_gates
                .iter()
                .map(|g| format!("{}", Escaped(g)))
                .collect();
            write!(p, "<b>failed:</b> {}", gates.join("; "))?;
        }
        p.push_str("</td></tr>\n");
    }
    p.push_str("</tbody>\n</table>\n</main>\n</div>\n</body>\n</html>\n");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;

    #[test]
    fn body_text_on_every_tint_passes_aa() {
        for st in &STYLES {
            let c = TEXT.contrast(st.tint);
            assert!(c >= 4.5, "{}: text on tint {} is {c:.2}", st.name, st.tint);
            // Links in the top editorial list sit on the panel, notes on paper.
            let m = MUTED.contrast(st.tint);
            assert!(m >= 4.5, "{}: muted text on tint is {m:.2}", st.name);
        }
    }

    #[test]
    fn badge_text_passes_aa() {
        for st in &STYLES {
            let c = st.on_base.contrast(st.base);
            assert!(c >= 4.5, "{}: badge text is {c:.2}", st.name);
        }
    }

    #[test]
    fn underlines_are_visible_on_their_tint() {
        // WCAG 1.4.11: graphical objects need 3:1 against what is next to them.
        for st in &STYLES {
            let c = st.ink.contrast(st.tint);
            assert!(c >= 3.0, "{}: underline on tint is {c:.2}", st.name);
        }
    }

    #[test]
    fn page_text_passes_aa() {
        for (name, fg, bg) in [
            ("text/paper", TEXT, PAPER),
            ("muted/paper", MUTED, PAPER),
            ("text/panel", TEXT, PANEL),
            ("muted/panel", MUTED, PANEL),
            ("link/panel", Rgb(0x0b, 0x57, 0xa4), PANEL),
        ] {
            let c = fg.contrast(bg);
            assert!(c >= 4.5, "{name} is {c:.2}");
        }
    }

    /// Machado, Oliveira & Fernandes (2009) simulation matrices, severity 1,
    /// on linear RGB.
    const CVD: [(&str, [[f64; 3]; 3]); 4] = [
        (
            "normal",
            [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]],
        ),
        (
            "protanopia",
            [
                [0.152286, 1.052583, -0.204868],
                [0.114503, 0.786281, 0.099216],
                [-0.003882, -0.048116, 1.051998],
            ],
        ),
        (
            "deuteranopia",
            [
                [0.367322, 0.860646, -0.227968],
                [0.280085, 0.672501, 0.047413],
                [-0.011820, 0.042940, 0.968881],
            ],
        ),
        (
            "tritanopia",
            [
                [1.255528, -0.076749, -0.178779],
                [-0.078411, 0.930809, 0.147602],
                [0.004733, 0.691367, 0.303900],
            ],
        ),
    ];

    /// CIELAB (D65) of `c` as seen with the simulation matrix `m`.
    fn lab_seen(c: Rgb, m: &[[f64; 3]; 3]) -> [f64; 3] {
        let lin = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        let v = [lin(c.0), lin(c.1), lin(c.2)];
        let [r, g, b] =
            m.map(|row| (row[0] * v[0] + row[1] * v[1] + row[2] * v[2]).clamp(0.0, 1.0));
        let x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
        let y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
        let z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
        let f = |t: f64| {
            if t > 0.008856 {
                t.cbrt()
            } else {
                7.787 * t + 16.0 / 116.0
            }
        };
        [
            116.0 * f(y) - 16.0,
            500.0 * (f(x) - f(y)),
            200.0 * (f(y) - f(z)),
        ]
    }

    fn delta_e(a: [f64; 3], b: [f64; 3]) -> f64 {
        ((a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2) + (a[2] - b[2]).powi(2)).sqrt()
    }

    #[test]
    fn colours_stay_apart_with_colour_blindness() {
        for (vision, m) in &CVD {
            for (i, a) in STYLES.iter().enumerate() {
                // Tinted sentences against plain ones.
                let d = delta_e(lab_seen(a.tint, m), lab_seen(PAPER, m));
                assert!(d >= 8.0, "{vision}: {} tint vs paper ΔE {d:.1}", a.name);
                for b in &STYLES[i + 1..] {
                    let d = delta_e(lab_seen(a.tint, m), lab_seen(b.tint, m));
                    assert!(
                        d >= 8.0,
                        "{vision}: tints {} / {} ΔE {d:.1}",
                        a.name,
                        b.name
                    );
                    let d = delta_e(lab_seen(a.base, m), lab_seen(b.base, m));
                    assert!(
                        d >= 15.0,
                        "{vision}: bars {} / {} ΔE {d:.1}",
                        a.name,
                        b.name
                    );
                }
            }
        }
    }

    #[test]
    fn contrast_matches_known_values() {
        assert!((Rgb(0, 0, 0).contrast(Rgb(255, 255, 255)) - 21.0).abs() < 1e-9);
        assert!((Rgb(0x77, 0x77, 0x77).contrast(PAPER) - 4.48).abs() < 0.01);
    }

    #[test]
    fn tints_differ_between_labels() {
        for (i, a) in STYLES.iter().enumerate() {
            for b in &STYLES[i + 1..] {
                assert_ne!(a.tint, b.tint);
                assert_ne!(a.line, b.line, "underline styles must differ for print");
                assert_ne!(a.badge, b.badge);
            }
        }
    }

    #[test]
    fn css_uses_the_constants() {
        let css = css();
        for st in &STYLES {
            assert!(css.contains(&format!(
                ".p-{} {{ background: {}; }}",
                st.label.as_str(),
                st.tint
            )));
        }
        assert!(css.contains("@media print"));
        assert!(!css.contains("url("), "no external resources");
    }

    #[test]
    fn escapes_markup_and_controls() {
        assert_eq!(
            Escaped("<a href=\"x\">'&'</a>").to_string(),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
        assert_eq!(
            Escaped("a\0b\u{7}c\u{fdd0}\u{ffff}").to_string(),
            "a\u{fffd}b\u{fffd}c\u{fffd}\u{fffd}"
        );
        assert_eq!(
            Escaped("line\nnext\ttab é “q”").to_string(),
            "line\nnext\ttab é “q”"
        );
    }

    fn sentence_with<'a>(
        text: &'a str,
        evidence: &[(Label, std::ops::Range<usize>)],
    ) -> Sentence<'a> {
        let mut s = Sentence::new(0, 0, Span::bytes(0..text.len()), text);
        for (l, r) in evidence {
            s.evidence.push(Evidence {
                label: *l,
                rule: "rule",
                span: Span::bytes(r.clone()),
                text: text.get(r.clone()).unwrap_or(""),
                weight: 1.0,
                note: None,
            });
            s.add_label(*l);
        }
        s
    }

    fn strip_tags(html: &str) -> String {
        let mut out = String::new();
        let mut inside = false;
        for c in html.chars() {
            match c {
                '<' => inside = true,
                '>' => inside = false,
                c if !inside => out.push(c),
                _ => {}
            }
        }
        out
    }

    #[test]
    fn overlapping_and_nested_marks_keep_the_text() {
        let text = "The so-called plan was a phony scam, critics said.";
        let s = sentence_with(
            text,
            &[
                (Label::Editorial, 4..13),
                (Label::Editorial, 25..35),
                (Label::Editorial, 31..35),
                (Label::ReportedClaim, 30..50),
                (Label::Editorial, 0..50),
            ],
        );
        let mut p = String::new();
        marked_text(&mut p, &s).unwrap();
        assert_eq!(strip_tags(&p), text);
        assert_eq!(p.matches("<span").count(), p.matches("</span>").count());
        assert!(p.contains("ev-reported_claim"));
    }

    #[test]
    fn thousands_of_nested_marks_stay_bounded() {
        let text = "word ".repeat(2000);
        let ranges: Vec<(Label, std::ops::Range<usize>)> = (0..2000)
            .map(|i| (Label::ALL[i % 4], i..text.len() - i))
            .collect();
        let s = sentence_with(&text, &ranges);
        let mut p = String::new();
        marked_text(&mut p, &s).unwrap();
        assert_eq!(strip_tags(&p), text);
        // Each piece is wrapped at most once per label.
        let pieces = 2 * 2000;
        assert!(p.matches("<span").count() <= 4 * pieces);
        assert!(p.matches("title=").count() <= pieces);
    }

    #[test]
    fn out_of_range_and_mid_char_marks_are_dropped() {
        let text = "Prices “rose” 5%.";
        let s = sentence_with(
            text,
            &[
                (Label::Statistic, 100..120),
                (Label::Editorial, 8..9), // inside the 3-byte “
                (Label::Editorial, std::ops::Range { start: 5, end: 3 }),
            ],
        );
        let mut p = String::new();
        marked_text(&mut p, &s).unwrap();
        assert_eq!(p, Escaped(text).to_string());
    }

    #[test]
    fn marks_are_clipped_to_the_sentence() {
        // A quote spanning two sentences underlines only this one's part.
        let full = "He said: “We won. We always do.”";
        let start = full.find("We always").unwrap();
        let text = &full[start..];
        let mut s = Sentence::new(1, 0, Span::bytes(start..full.len()), text);
        let qs = full.find("We won").unwrap();
        s.quotes.push(Quote {
            text: &full[qs..full.len() - "”".len()],
            span: Span::bytes(qs..full.len() - "”".len()),
            speaker: Some("He"),
            speaker_span: None,
            speaker_resolved: None,
            cue: Some("said"),
            cue_span: None,
            partial: false,
            closed: true,
        });
        let m = marks(&s);
        assert_eq!(m.len(), 1);
        assert_eq!(&text[m[0].start..m[0].end], "We always do.");
    }

    #[test]
    fn evidence_inside_a_quantity_is_not_doubled() {
        let text = "It cost $4.5 million.";
        let mut s = sentence_with(text, &[(Label::Statistic, 8..20)]);
        s.quantities.push(Quantity {
            text: &text[8..20],
            span: Span::bytes(8..20),
            value: Some(4_500_000.0),
            unit: Some("USD".into()),
            approx: false,
            low: None,
            high: None,
            sourced: false,
        });
        let m = marks(&s);
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].why, "number: $4.5 million → 4500000 USD, unsourced");
    }

    #[test]
    fn cover_finds_enclosing_ranges() {
        let mark = |start, end| Mark {
            start,
            end,
            label: Label::Statistic,
            why: String::new(),
        };
        let marks = [mark(10, 20), mark(0, 5), mark(12, 30)];
        let c = Cover::new(&marks, Label::Statistic);
        assert!(c.covers(0, 5));
        assert!(c.covers(13, 30));
        assert!(c.covers(10, 12));
        assert!(!c.covers(4, 6));
        assert!(!c.covers(31, 32));
        assert!(!Cover::new(&marks, Label::DirectQuote).covers(0, 1));
    }

    #[test]
    fn counter_evidence_is_not_underlined() {
        let text = "On Sunday the mayor blasted the plan.";
        let mut s = sentence_with(text, &[(Label::Editorial, 20..27)]);
        s.evidence.push(Evidence {
            label: Label::Editorial,
            rule: "news_detail",
            span: Span::bytes(3..9),
            text: &text[3..9],
            weight: -0.3,
            note: None,
        });
        let m = marks(&s);
        assert_eq!(m.len(), 1);
        assert_eq!(&text[m[0].start..m[0].end], "blasted");
        assert_eq!(editorial_evidence(&s).count(), 1);
    }

    #[test]
    fn numbers_print_without_float_noise() {
        assert_eq!(number(41000.0), "41000");
        assert_eq!(number(0.12), "0.12");
        assert_eq!(number(1.0 / 3.0), "0.333333");
        assert_eq!(number(f64::NAN), "NaN");
    }

    #[test]
    fn shorten_cuts_at_words() {
        assert_eq!(shorten("one two  three", 20), "one two three");
        assert_eq!(shorten("one two three", 9), "one two…");
        assert_eq!(shorten("abcdefghij", 5), "abcd…");
    }

    #[test]
    fn page_file_names_are_safe_and_unique() {
        let mut taken = Vec::new();
        assert_eq!(page_file_name("news/story.txt", &mut taken), "story.html");
        assert_eq!(
            page_file_name("other/story.txt", &mut taken),
            "story-2.html"
        );
        assert_eq!(page_file_name("index.txt", &mut taken), "index-2.html");
        assert_eq!(page_file_name("-", &mut taken), "stdin.html");
        assert_eq!(page_file_name("a b<c>.txt", &mut taken), "a_b_c_.html");
        assert_eq!(page_file_name("../.hidden", &mut taken), "hidden.html");
    }
}
