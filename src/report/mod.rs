//! The report: what presslens found in one article, and its renderers.
//!
//! The types below *are* the JSON wire format (`--format json`); field order
//! here is the order in the output. Every span is a byte range into the
//! analysed text (`start`/`end`) plus the same range in Unicode scalar values
//! (`char_start`/`char_end`). `schema_version` changes whenever a field is
//! removed or changes meaning; new fields may be added without a bump.
//!
//! ```text
//! { "schema_version": 1,
//!   "tool": {"name": "presslens", "version": "…"},
//!   "source": {"name": "story.txt" | "-", "bytes": N, "format": "text" | "html" | "markdown",
//!              "offsets": "input" | "extracted", "extracted_text"?: string, "published"?: string},
//!   "title": string|null, "title_span": span|null,
//!   "byline": string|null, "byline_span": span|null,
//!   "dateline": string|null, "dateline_span": span|null,
//!   "sentences": [ { "index": i, "paragraph": p, "start": b, "end": b, "char_start": c, "char_end": c,
//!                    "text": "…", "labels": [...], "primary": label|null, "editorial_weight": f,
//!                    "evidence": [...], "quotes": [...], "quantities": [...], "sources": [...] } ],
//!   "summary": { "sentences": N, "paragraphs": N,
//!                "labels": {"direct_quote": n, "reported_claim": n, "statistic": n, "editorial": n, "unlabeled": n},
//!                "editorial_ratio": f, "sources": [...], "unsourced_statistics": n, "top_editorial": [...] } }
//! ```

mod emit;
pub mod html;
pub mod json;
pub mod jsonl;
pub mod markdown;
pub mod text;

use crate::span::{CharMap, Cursor, Span};
use serde::Serialize;
use std::borrow::Cow;

/// Bumped when a field is removed or changes meaning.
pub const SCHEMA_VERSION: u32 = 1;

/// The four sentence labels of GUIDE §3, in report order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Label {
    DirectQuote,
    ReportedClaim,
    Statistic,
    Editorial,
}

impl Label {
    pub const ALL: [Label; 4] = [
        Label::DirectQuote,
        Label::ReportedClaim,
        Label::Statistic,
        Label::Editorial,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Label::DirectQuote => "direct_quote",
            Label::ReportedClaim => "reported_claim",
            Label::Statistic => "statistic",
            Label::Editorial => "editorial",
        }
    }

    pub fn parse(s: &str) -> Option<Label> {
        Label::ALL.into_iter().find(|l| l.as_str() == s)
    }
}

/// One piece of evidence for a label: the span that triggered a rule.
#[derive(Debug, Clone, Serialize)]
pub struct Evidence<'a> {
    pub label: Label,
    /// The rule's name, e.g. `quote_cue`, `loaded_word`, `percentage`.
    pub rule: &'static str,
    #[serde(flatten)]
    pub span: Span,
    pub text: &'a str,
    pub weight: f32,
    /// A short human explanation (the speaker, the normalised value, …).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<Cow<'a, str>>,
}

/// A direct quotation (GUIDE §3 direct_quote). `start`/`end` cover the quoted
/// words without their quotation marks.
#[derive(Debug, Clone, Serialize)]
pub struct Quote<'a> {
    pub text: &'a str,
    #[serde(flatten)]
    pub span: Span,
    /// The speaker as written (`a White House statement`, `he`), or null.
    pub speaker: Option<&'a str>,
    pub speaker_span: Option<Span>,
    /// For a pronoun speaker: the most recent named person before it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker_resolved: Option<&'a str>,
    /// The speech cue (`said`, `reads`, `according to`), or null.
    pub cue: Option<&'a str>,
    pub cue_span: Option<Span>,
    /// True when the quote is embedded in the writer's own syntax.
    pub partial: bool,
    /// False when the closing mark is missing (the quote ends at its paragraph end).
    pub closed: bool,
}

/// A number offered as fact (GUIDE §3 statistic).
#[derive(Debug, Clone, Serialize)]
pub struct Quantity<'a> {
    pub text: &'a str,
    #[serde(flatten)]
    pub span: Span,
    /// The normalised value: `41,000` → 41000, `12%` → 0.12.
    pub value: Option<f64>,
    /// A currency code, `percent`, or the counted noun (`troops`).
    pub unit: Option<Cow<'a, str>>,
    pub approx: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub low: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub high: Option<f64>,
    /// True when the sentence or its paragraph attributes the number to a source.
    pub sourced: bool,
}

/// How identifiable a source is (GUIDE §3 reported_claim).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    Named,
    Anonymous,
    Vague,
}

/// What a source is credited with in a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceRole {
    Quote,
    Claim,
}

/// A source named (or not) in a sentence.
#[derive(Debug, Clone, Serialize)]
pub struct SourceMention<'a> {
    pub text: &'a str,
    #[serde(flatten)]
    pub span: Span,
    pub kind: SourceKind,
    pub role: SourceRole,
    /// For a pronoun (`he said`): the name it stands for, the last person
    /// named before it outside quotes (for a quote's speaker, the quote's
    /// `speaker_resolved`). The summary counts the mention for that name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resolved: Option<&'a str>,
}

/// One sentence with everything found in it.
#[derive(Debug, Clone, Serialize)]
pub struct Sentence<'a> {
    pub index: usize,
    pub paragraph: usize,
    #[serde(flatten)]
    pub span: Span,
    pub text: &'a str,
    pub labels: Vec<Label>,
    pub primary: Option<Label>,
    /// The summed weight of the editorial evidence (see `--editorial-threshold`).
    pub editorial_weight: f32,
    pub evidence: Vec<Evidence<'a>>,
    pub quotes: Vec<Quote<'a>>,
    pub quantities: Vec<Quantity<'a>>,
    pub sources: Vec<SourceMention<'a>>,
}

impl<'a> Sentence<'a> {
    pub fn new(index: usize, paragraph: usize, span: Span, text: &'a str) -> Sentence<'a> {
        Sentence {
            index,
            paragraph,
            span,
            text,
            labels: Vec::new(),
            primary: None,
            editorial_weight: 0.0,
            evidence: Vec::new(),
            quotes: Vec::new(),
            quantities: Vec::new(),
            sources: Vec::new(),
        }
    }

    /// Makes this sentence [`Sentence::new`]'s, keeping the room its
    /// vectors had. (A struct literal, so that a new field cannot be
    /// forgotten here.)
    pub fn reset(&mut self, index: usize, paragraph: usize, span: Span, text: &'a str) {
        fn emptied<T>(v: &mut Vec<T>) -> Vec<T> {
            let mut v = std::mem::take(v);
            v.clear();
            v
        }
        *self = Sentence {
            index,
            paragraph,
            span,
            text,
            labels: emptied(&mut self.labels),
            primary: None,
            editorial_weight: 0.0,
            evidence: emptied(&mut self.evidence),
            quotes: emptied(&mut self.quotes),
            quantities: emptied(&mut self.quantities),
            sources: emptied(&mut self.sources),
        };
    }

    pub fn has(&self, label: Label) -> bool {
        self.labels.contains(&label)
    }

    /// Adds a label once, keeping `labels` in report order.
    pub fn add_label(&mut self, label: Label) {
        if let Err(i) = self.labels.binary_search(&label) {
            self.labels.insert(i, label);
        }
    }

    pub fn remove_label(&mut self, label: Label) {
        self.labels.retain(|&l| l != label);
    }

    /// Sum of evidence weights for one label.
    pub fn weight(&self, label: Label) -> f32 {
        self.evidence
            .iter()
            .filter(|e| e.label == label)
            .map(|e| e.weight)
            .sum()
    }

    /// Sets `primary` to the present label with the strongest evidence.
    pub(crate) fn choose_primary(&mut self) {
        self.primary = self
            .labels
            .iter()
            .copied()
            .fold(None, |best, l| match best {
                Some(b) if self.weight(b) >= self.weight(l) => Some(b),
                _ => Some(l),
            });
    }

    /// Fills the char offsets of the sentence and of every span in it.
    /// `cursor` stands at or before the sentence (sentences come in order):
    /// it counts the chars up to its start, the sentence's own scan for
    /// multi-byte chars gives its length in chars, and the cursor moves to
    /// its end.
    pub(crate) fn fill_chars(&mut self, map: &CharMap, cursor: &mut Cursor) {
        self.span.char_start = cursor.char_offset(map.text(), self.span.start);
        let local = map.local(self.span, self.text);
        self.span = local.within();
        cursor.set(self.span.end, self.span.char_end);
        for e in &mut self.evidence {
            local.fill(&mut e.span);
        }
        for q in &mut self.quotes {
            local.fill(&mut q.span);
            for s in [&mut q.speaker_span, &mut q.cue_span].into_iter().flatten() {
                local.fill(s);
            }
        }
        for q in &mut self.quantities {
            local.fill(&mut q.span);
        }
        for s in &mut self.sources {
            local.fill(&mut s.span);
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Tool {
    pub name: &'static str,
    pub version: &'static str,
}

#[derive(Debug, Clone, Serialize)]
pub struct SourceInfo<'a> {
    /// The file name as given, or `-` for standard input.
    pub name: Cow<'a, str>,
    /// Size of the analysed text in bytes.
    pub bytes: usize,
    /// `text`, `html` or `markdown`: what the input was read as.
    pub format: &'static str,
    /// `input`: offsets are into the input as read. `extracted`: into
    /// `extracted_text` (for formats whose markup is removed first).
    pub offsets: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub extracted_text: Option<&'a str>,
    /// The publication time as an HTML page or markdown front matter gives it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<Cow<'a, str>>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct LabelCounts {
    pub direct_quote: usize,
    pub reported_claim: usize,
    pub statistic: usize,
    pub editorial: usize,
    pub unlabeled: usize,
}

impl LabelCounts {
    pub fn get(&self, label: Label) -> usize {
        match label {
            Label::DirectQuote => self.direct_quote,
            Label::ReportedClaim => self.reported_claim,
            Label::Statistic => self.statistic,
            Label::Editorial => self.editorial,
        }
    }
}

/// A source merged across the article.
#[derive(Debug, Clone, Serialize)]
pub struct SourceSummary {
    /// The longest form it appears under (`President Joe Biden`).
    pub name: String,
    pub kind: SourceKind,
    pub quotes: usize,
    pub claims: usize,
}

/// One of the most editorial sentences.
#[derive(Debug, Clone, Serialize)]
pub struct TopEditorial<'a> {
    pub index: usize,
    pub weight: f32,
    pub text: &'a str,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Summary<'a> {
    pub sentences: usize,
    pub paragraphs: usize,
    pub labels: LabelCounts,
    /// Share of sentences labelled editorial (0 when there are none).
    pub editorial_ratio: f64,
    pub sources: Vec<SourceSummary>,
    /// Statistic sentences whose numbers no source backs.
    pub unsourced_statistics: usize,
    /// Up to five sentences with the highest editorial weight, strongest first.
    pub top_editorial: Vec<TopEditorial<'a>>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Report<'a> {
    pub schema_version: u32,
    pub tool: Tool,
    pub source: SourceInfo<'a>,
    pub title: Option<&'a str>,
    pub title_span: Option<Span>,
    pub byline: Option<&'a str>,
    pub byline_span: Option<Span>,
    pub dateline: Option<&'a str>,
    pub dateline_span: Option<Span>,
    /// Before `summary`, so that a long text's sentences can be written as
    /// they are analysed and the summary once they are all counted.
    pub sentences: Vec<Sentence<'a>>,
    pub summary: Summary<'a>,
}

impl<'a> Report<'a> {
    /// Records how the input was read: for HTML and markdown,
    /// `source.offsets` is `"extracted"` and `source.extracted_text` holds
    /// the analysed text that every offset indexes into.
    pub fn describe_source(&mut self, loaded: &'a crate::reader::Loaded) {
        self.source.name = Cow::Borrowed(&loaded.name);
        self.source.format = loaded.format.as_str();
        if loaded.is_extracted() {
            self.source.offsets = "extracted";
            self.source.extracted_text = Some(&loaded.text);
        }
        self.source.published = loaded.published.as_deref().map(Cow::Borrowed);
    }
}

impl<'a> Summary<'a> {
    /// Counts and lists over the annotated sentences.
    pub fn build(paragraphs: usize, sentences: &[Sentence<'a>]) -> Summary<'a> {
        let mut builder = SummaryBuilder::default();
        for s in sentences {
            builder.add(s);
        }
        builder.finish(paragraphs)
    }
}

/// How many sentences `summary.top_editorial` lists.
const TOP_EDITORIAL: usize = 5;

/// Builds a [`Summary`] one sentence at a time, in article order, so that a
/// long text analysed window by window need not keep its sentences.
#[derive(Debug, Default)]
pub struct SummaryBuilder<'a> {
    sentences: usize,
    labels: LabelCounts,
    unsourced_statistics: usize,
    /// The strongest editorial sentences so far, strongest first; equal
    /// weights keep article order.
    top: Vec<TopEditorial<'a>>,
    sources: crate::annotate::sources::SourceMerger,
}

impl<'a> SummaryBuilder<'a> {
    /// Sentences added so far.
    pub fn sentences(&self) -> usize {
        self.sentences
    }

    pub fn add(&mut self, s: &Sentence<'a>) {
        self.sentences += 1;
        let labels = &mut self.labels;
        for &l in &s.labels {
            match l {
                Label::DirectQuote => labels.direct_quote += 1,
                Label::ReportedClaim => labels.reported_claim += 1,
                Label::Statistic => labels.statistic += 1,
                Label::Editorial => labels.editorial += 1,
            }
        }
        if s.labels.is_empty() {
            labels.unlabeled += 1;
        }
        if s.has(Label::Statistic) && s.quantities.iter().all(|q| !q.sourced) {
            self.unsourced_statistics += 1;
        }
        if s.has(Label::Editorial) {
            let weight = s.editorial_weight;
            let at = self
                .top
                .partition_point(|t| t.weight.total_cmp(&weight).is_ge());
            if at < TOP_EDITORIAL {
                self.top.insert(
                    at,
                    TopEditorial {
                        index: s.index,
                        weight,
                        text: s.text,
                    },
                );
                self.top.truncate(TOP_EDITORIAL);
            }
        }
        self.sources.add(s);
    }

    pub fn finish(self, paragraphs: usize) -> Summary<'a> {
        let editorial_ratio = if self.sentences == 0 {
            0.0
        } else {
            self.labels.editorial as f64 / self.sentences as f64
        };
        Summary {
            sentences: self.sentences,
            paragraphs,
            labels: self.labels,
            editorial_ratio,
            sources: self.sources.finish(),
            unsourced_statistics: self.unsourced_statistics,
            top_editorial: self.top,
        }
    }
}
