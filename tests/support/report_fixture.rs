//! Hand-built, fully labelled reports for the renderer tests (html, markdown):
//! they do not depend on the detectors, so a renderer test fails only when
//! the renderer changes. The article text is written for these tests.
#![allow(dead_code)]

use presslens::report::{
    Evidence, Label, Quantity, Quote, Report, SCHEMA_VERSION, Sentence, SourceInfo, SourceKind,
    SourceMention, SourceRole, Summary, Tool,
};
use presslens::span::{CharMap, Span};
use std::borrow::Cow;

/// An article with every kind of evidence.
pub const ARTICLE: &str = "\
Council Approves Harbour Tunnel After Heated Debate

By Mara Quill

PORT ELLIS (Coastal Wire) — The city council finally approved the so-called harbour tunnel on Monday, a plan critics called \"a monument to vanity.\" The vote was 7 to 2.

\"We will build it on time and on budget,\" Mayor Dana Okafor said. \"Nobody should doubt that.\"

The project will cost $4.5 million, and traffic on the old bridge has doubled since 2019, according to the transport office.

Some residents reportedly fear the works will last for years, a council source said.

About 12,000 people cross the harbour every day.

We'll have to wait and see whether this disastrous plan survives the next election!
";

/// An article whose every piece of text tries to break out of the page.
pub const HOSTILE: &str = "\
<script>alert(1)</script> News</style>

By \"><img src=x onerror=alert(1)>

The mayor said \"<script>alert(1)</script>\" and left. Then </style><b>bold</b> & co. \"><img src=x onerror=alert(2)> cost $5 <!-- x --> today.

Now *not bold* [a link](http://x.example) `code` | pipe ~~strike~~ $x^2$ &amp; @octocat said so.
";

/// Builds one sentence of `text` by finding `needle` after `from`.
pub struct Builder<'a> {
    pub text: &'a str,
    pub sentences: Vec<Sentence<'a>>,
    cursor: usize,
}

impl<'a> Builder<'a> {
    pub fn new(text: &'a str) -> Builder<'a> {
        Builder {
            text,
            sentences: Vec::new(),
            cursor: 0,
        }
    }

    fn find(&self, needle: &str, from: usize) -> usize {
        from + self.text[from..]
            .find(needle)
            .unwrap_or_else(|| panic!("{needle:?} not found"))
    }

    /// Adds the next sentence, whose text is `needle`.
    pub fn sentence(&mut self, paragraph: usize, needle: &str) -> &mut Self {
        let start = self.find(needle, self.cursor);
        let end = start + needle.len();
        self.cursor = end;
        let index = self.sentences.len();
        self.sentences.push(Sentence::new(
            index,
            paragraph,
            Span::bytes(start..end),
            &self.text[start..end],
        ));
        self
    }

    fn last(&mut self) -> &mut Sentence<'a> {
        self.sentences.last_mut().expect("a sentence first")
    }

    /// The span of `needle` inside the current sentence.
    pub fn span(&self, needle: &str) -> Span {
        let s = self.sentences.last().expect("a sentence first");
        let start = s.span.start
            + s.text
                .find(needle)
                .unwrap_or_else(|| panic!("{needle:?} not in sentence"));
        Span::bytes(start..start + needle.len())
    }

    pub fn evidence(
        &mut self,
        label: Label,
        rule: &'static str,
        needle: &str,
        weight: f32,
        note: Option<&'a str>,
    ) -> &mut Self {
        let span = self.span(needle);
        let text = &self.text[span.range()];
        let s = self.last();
        s.evidence.push(Evidence {
            label,
            rule,
            span,
            text,
            weight,
            note: note.map(Cow::Borrowed),
        });
        // A negative weight is counter-evidence: no reason for the label.
        if weight > 0.0 {
            s.add_label(label);
        }
        self
    }

    pub fn quote(
        &mut self,
        needle: &str,
        speaker: Option<&'a str>,
        cue: Option<&'a str>,
        partial: bool,
    ) -> &mut Self {
        let span = self.span(needle);
        let text = &self.text[span.range()];
        let speaker_span = speaker.and_then(|sp| {
            let s = self.sentences.last()?;
            let at = s.text.find(sp)?;
            Some(Span::bytes(s.span.start + at..s.span.start + at + sp.len()))
        });
        let s = self.last();
        s.quotes.push(Quote {
            text,
            span,
            speaker,
            speaker_span,
            speaker_resolved: None,
            cue,
            cue_span: None,
            partial,
            closed: true,
        });
        s.evidence.push(Evidence {
            label: Label::DirectQuote,
            rule: "quotation_marks",
            span,
            text,
            weight: 2.0,
            note: speaker.map(Cow::Borrowed),
        });
        s.add_label(Label::DirectQuote);
        self
    }

    pub fn quantity(
        &mut self,
        needle: &str,
        value: f64,
        unit: &'a str,
        sourced: bool,
    ) -> &mut Self {
        let span = self.span(needle);
        let text = &self.text[span.range()];
        let s = self.last();
        s.quantities.push(Quantity {
            text,
            span,
            value: Some(value),
            unit: Some(Cow::Borrowed(unit)),
            approx: text.starts_with("About"),
            low: None,
            high: None,
            sourced,
        });
        s.evidence.push(Evidence {
            label: Label::Statistic,
            rule: "number_with_unit",
            span,
            text,
            weight: 1.0,
            note: None,
        });
        s.add_label(Label::Statistic);
        self
    }

    pub fn source(&mut self, needle: &str, kind: SourceKind, role: SourceRole) -> &mut Self {
        let span = self.span(needle);
        let text = &self.text[span.range()];
        self.last().sources.push(SourceMention {
            text,
            span,
            kind,
            role,
            resolved: None,
        });
        self
    }

    /// The report: primary labels, editorial weights, char offsets, summary.
    pub fn report(
        mut self,
        title: Option<&str>,
        byline: Option<&str>,
        dateline: Option<&str>,
    ) -> Report<'a> {
        let text = self.text;
        let map = CharMap::new(text);
        let find = |piece: Option<&str>| {
            piece.map(|p| {
                let start = text.find(p).expect("metadata in text");
                (
                    &text[start..start + p.len()],
                    map.span(start..start + p.len()),
                )
            })
        };
        let (title, byline, dateline) = (find(title), find(byline), find(dateline));
        let paragraphs = self.sentences.last().map_or(0, |s| s.paragraph + 1);
        for s in &mut self.sentences {
            s.editorial_weight = s.weight(Label::Editorial);
            let weights: Vec<(Label, f32)> = s.labels.iter().map(|&l| (l, s.weight(l))).collect();
            s.primary = weights
                .iter()
                .fold(None::<(Label, f32)>, |best, &(l, w)| match best {
                    Some((_, bw)) if bw >= w => best,
                    _ => Some((l, w)),
                })
                .map(|(l, _)| l);
            for sp in std::iter::once(&mut s.span)
                .chain(s.evidence.iter_mut().map(|e| &mut e.span))
                .chain(s.quotes.iter_mut().map(|q| &mut q.span))
                .chain(s.quantities.iter_mut().map(|q| &mut q.span))
                .chain(s.sources.iter_mut().map(|m| &mut m.span))
            {
                map.fill(sp);
            }
        }
        Report {
            schema_version: SCHEMA_VERSION,
            tool: Tool {
                name: "presslens",
                version: env!("CARGO_PKG_VERSION"),
            },
            source: SourceInfo {
                name: Cow::Borrowed("harbour.txt"),
                bytes: text.len(),
                format: "text",
                offsets: "input",
                extracted_text: None,
                published: None,
            },
            title: title.map(|t| t.0),
            title_span: title.map(|t| t.1),
            byline: byline.map(|t| t.0),
            byline_span: byline.map(|t| t.1),
            dateline: dateline.map(|t| t.0),
            dateline_span: dateline.map(|t| t.1),
            summary: Summary::build(paragraphs, &self.sentences),
            sentences: self.sentences,
        }
    }
}

/// [`ARTICLE`], labelled by hand the way the guide says.
pub fn labelled() -> Report<'static> {
    use Label::*;
    let mut b = Builder::new(ARTICLE);
    b.sentence(0, "The city council finally approved the so-called harbour tunnel on Monday, a plan critics called \"a monument to vanity.\"")
        .evidence(Editorial, "loaded_word", "finally", 0.5, None)
        .evidence(Editorial, "sarcasm", "so-called", 2.0, Some("sneer marker"))
        .evidence(Editorial, "news_detail", "on Monday", -0.3, None)
        .quote("a monument to vanity.", Some("critics"), Some("called"), true)
        .evidence(ReportedClaim, "vague_source", "critics called", 1.0, Some("vague: critics"))
        .source("critics", SourceKind::Vague, SourceRole::Quote)
        .sentence(0, "The vote was 7 to 2.")
        .sentence(1, "\"We will build it on time and on budget,\" Mayor Dana Okafor said.")
        .quote("We will build it on time and on budget,", Some("Mayor Dana Okafor"), Some("said"), false)
        .source("Mayor Dana Okafor", SourceKind::Named, SourceRole::Quote)
        .sentence(1, "\"Nobody should doubt that.\"")
        .quote("Nobody should doubt that.", Some("Mayor Dana Okafor"), Some("said"), false)
        .sentence(2, "The project will cost $4.5 million, and traffic on the old bridge has doubled since 2019, according to the transport office.")
        .quantity("$4.5 million", 4_500_000.0, "USD", true)
        .quantity("doubled", 2.0, "times", true)
        .evidence(ReportedClaim, "according_to", "according to the transport office", 1.5, None)
        .source("the transport office", SourceKind::Named, SourceRole::Claim)
        .sentence(3, "Some residents reportedly fear the works will last for years, a council source said.")
        .evidence(ReportedClaim, "hedge", "reportedly", 1.0, None)
        .evidence(ReportedClaim, "speech_verb", "a council source said", 1.0, None)
        .source("Some residents", SourceKind::Vague, SourceRole::Claim)
        .source("a council source", SourceKind::Anonymous, SourceRole::Claim)
        .sentence(4, "About 12,000 people cross the harbour every day.")
        .quantity("About 12,000 people", 12_000.0, "people", false)
        .sentence(5, "We'll have to wait and see whether this disastrous plan survives the next election!")
        .evidence(Editorial, "first_person", "We'll", 1.0, None)
        .evidence(Editorial, "loaded_word", "disastrous", 1.5, None)
        .evidence(Editorial, "wait_and_see", "have to wait and see", 0.5, None)
        .evidence(Editorial, "exclamation", "election!", 0.5, Some("exclamation mark"));
    b.report(
        Some("Council Approves Harbour Tunnel After Heated Debate"),
        Some("By Mara Quill"),
        Some("PORT ELLIS (Coastal Wire) —"),
    )
}

/// [`HOSTILE`], labelled so that every renderer path sees its text.
pub fn hostile() -> Report<'static> {
    let mut b = Builder::new(HOSTILE);
    b.sentence(0, "The mayor said \"<script>alert(1)</script>\" and left.")
        .quote("<script>alert(1)</script>", Some("The mayor"), Some("said"), false)
        .source("The mayor", SourceKind::Named, SourceRole::Quote)
        .evidence(Label::Editorial, "loaded_word", "left.", 2.0, Some("</style><script>alert(3)</script>"))
        .sentence(0, "Then </style><b>bold</b> & co. \"><img src=x onerror=alert(2)> cost $5 <!-- x --> today.")
        .quantity("$5", 5.0, "USD\"><img src=x>", false)
        .evidence(Label::Editorial, "loaded_word", "</style><b>bold</b>", 2.0, None)
        .evidence(Label::ReportedClaim, "hedge", "\"><img src=x onerror=alert(2)>", 1.0, None)
        .source("\"><img src=x onerror=alert(2)>", SourceKind::Vague, SourceRole::Claim)
        .sentence(1, "Now *not bold* [a link](http://x.example) `code` | pipe ~~strike~~ $x^2$ &amp; @octocat said so.")
        .evidence(Label::Editorial, "loaded_word", "*not bold* [a link](http://x.example)", 3.0, Some("`code` | pipe"))
        .source("@octocat", SourceKind::Named, SourceRole::Claim);
    b.report(
        Some("<script>alert(1)</script> News</style>"),
        Some("By \"><img src=x onerror=alert(1)>"),
        None,
    )
}
