//! Property tests: for any text, `analyze` never panics, sentences are
//! ordered, disjoint, on char boundaries and cover every visible byte outside
//! title, byline and dateline, every span's text is its input slice, and the
//! output is deterministic.

#[path = "support/invariants.rs"]
mod invariants;

use invariants::check_invariants;
use presslens::reader::{self, InputFormat};
use presslens::report::Summary;
use presslens::{Options, analyze, analyze_loaded};
use proptest::prelude::*;

fn news_token() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("The".to_string()),
        Just("council".to_string()),
        Just("said".to_string()),
        Just("Mr.".to_string()),
        Just("U.S.".to_string()),
        Just("Joseph R. Biden, Jr.".to_string()),
        Just("41,000".to_string()),
        Just("$4.5 million".to_string()),
        Just("12%".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        Just("\"".to_string()),
        Just("‘".to_string()),
        Just("’s".to_string()),
        Just("'90s".to_string()),
        Just("«".to_string()),
        Just("»".to_string()),
        Just(".".to_string()),
        Just("?".to_string()),
        Just("!".to_string()),
        Just("...".to_string()),
        Just(" — ".to_string()),
        Just("(".to_string()),
        Just(")".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just("\r\n".to_string()),
        Just("\r".to_string()),
        Just("- ".to_string()),
        Just("WASHINGTON (AP) — ".to_string()),
        Just("By Jane Doe".to_string()),
        Just("according to".to_string()),
        Just("reportedly".to_string()),
        Just("so-called".to_string()),
        Just("we".to_string()),
        Just("\u{feff}".to_string()),
        Just("\"\"".to_string()),
        Just("''".to_string()),
        Just("„".to_string()),
        Just("‹".to_string()),
        Just("›".to_string()),
        Just("「".to_string()),
        Just("」".to_string()),
        Just("3.5".to_string()),
        Just("1.2 billion".to_string()),
        Just("-7.25%".to_string()),
        Just("1/2".to_string()),
        Just("½".to_string()),
        Just("No. 10".to_string()),
        Just("2019–2021".to_string()),
        Just("1e9".to_string()),
        Just("\u{0}".to_string()),
        Just("\u{7}".to_string()),
        Just("\u{200b}".to_string()),
        Just("\u{2028}".to_string()),
        Just("é😀\u{301}".to_string()),
        Just("\u{202e}שלום".to_string()),
        "[a-zA-Z]{1,8}",
        "[0-9]{1,6}",
        any::<char>().prop_map(|c| c.to_string()),
    ]
}

fn news_text() -> impl Strategy<Value = String> {
    prop::collection::vec(news_token(), 0..80).prop_map(|tokens| {
        let mut s = String::new();
        for t in tokens {
            if !s.is_empty() && !s.ends_with(char::is_whitespace) && fastrand_space(&t) {
                s.push(' ');
            }
            s.push_str(&t);
        }
        s
    })
}

/// Deterministic spacing: letters and digits get a space before them.
fn fastrand_space(token: &str) -> bool {
    token.chars().next().is_some_and(char::is_alphanumeric)
}

/// HTML-ish and markdown-ish pieces between the news tokens: tags (closed,
/// unclosed, stray), entities, comments, scripts, headings, lists, links.
fn markup_token() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => news_token(),
        1 => prop_oneof![
            Just("<p>".to_string()),
            Just("</p>".to_string()),
            Just("<h1>".to_string()),
            Just("</h1>".to_string()),
            Just("<article>".to_string()),
            Just("</article>".to_string()),
            Just("<br>".to_string()),
            Just("<blockquote>".to_string()),
            Just("<q>".to_string()),
            Just("<script>var a = \"</p>\";</script>".to_string()),
            Just("<style>p{}</style>".to_string()),
            Just("<!-- c -->".to_string()),
            Just("<!--".to_string()),
            Just("&amp;".to_string()),
            Just("&nbsp;".to_string()),
            Just("&#x1F600;".to_string()),
            Just("&#0;".to_string()),
            Just("<meta property=\"og:title\" content=\"T\">".to_string()),
            Just("<title>A</title>".to_string()),
            Just("<time datetime=\"2024-01-02\">".to_string()),
            Just("<a href=\"x\">".to_string()),
            Just("</a>".to_string()),
            Just("<li>".to_string()),
            Just("<".to_string()),
            Just(">".to_string()),
            Just("\n# ".to_string()),
            Just("\n## ".to_string()),
            Just("\n> ".to_string()),
            Just("\n* ".to_string()),
            Just("\n1. ".to_string()),
            Just("\n---\n".to_string()),
            Just("\n```\n".to_string()),
            Just("`".to_string()),
            Just("**".to_string()),
            Just("_".to_string()),
            Just("[link](http://x)".to_string()),
            Just("![img](x.png)".to_string()),
            Just("| a | b |\n|---|---|\n".to_string()),
            Just("[^1]".to_string()),
        ],
    ]
}

fn markup_text() -> impl Strategy<Value = String> {
    prop::collection::vec(markup_token(), 0..80).prop_map(|tokens| tokens.concat())
}

fn html_page() -> impl Strategy<Value = String> {
    markup_text().prop_map(|body| {
        format!("<!doctype html><html><head><title>Headline</title></head><body><article>{body}</article></body></html>")
    })
}

fn markdown_page() -> impl Strategy<Value = String> {
    markup_text()
        .prop_map(|body| format!("---\ntitle: A\ndate: 2024-01-02\n---\n# Headline\n\n{body}"))
}

/// `reader::load` either refuses the input or gives a text whose report
/// keeps every invariant, the same way twice.
fn check_load(bytes: &[u8], format: InputFormat) {
    let name = match format {
        InputFormat::Html => "page.html",
        InputFormat::Markdown => "story.md",
        _ => "story.txt",
    };
    let Ok(loaded) = reader::load(name, bytes.to_vec(), format) else {
        return;
    };
    assert_ne!(loaded.format, InputFormat::Auto);
    let options = Options::default();
    let report = analyze_loaded(&loaded, &options);
    check_invariants(&loaded.text, &report);
    let again = reader::load(name, bytes.to_vec(), format).unwrap();
    assert_eq!(again.text, loaded.text, "extraction is not deterministic");
    assert_eq!(
        serde_json::to_string(&report).unwrap(),
        serde_json::to_string(&analyze_loaded(&again, &options)).unwrap()
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn arbitrary_unicode_keeps_invariants(text in any::<String>()) {
        let report = analyze(&text, &Options::default());
        check_invariants(&text, &report);
    }

    #[test]
    fn news_like_text_keeps_invariants(text in news_text()) {
        let options = Options::default();
        let report = analyze(&text, &options);
        check_invariants(&text, &report);
        let again = analyze(&text, &options);
        prop_assert_eq!(
            serde_json::to_string(&report).unwrap(),
            serde_json::to_string(&again).unwrap()
        );
    }

    /// The hand-written JSON of a report is the derived serialisation's,
    /// byte for byte, pretty and compact.
    #[test]
    fn written_json_is_the_derived_json(text in prop_oneof![news_text(), any::<String>()]) {
        let report = analyze(&text, &Options::default());
        let mut pretty = Vec::new();
        presslens::report::json::write(&mut pretty, &report).unwrap();
        prop_assert_eq!(
            String::from_utf8(pretty).unwrap(),
            serde_json::to_string_pretty(&report).unwrap() + "\n"
        );
        let mut compact = Vec::new();
        presslens::report::json::write_line(&mut compact, &report).unwrap();
        prop_assert_eq!(
            String::from_utf8(compact).unwrap(),
            serde_json::to_string(&report).unwrap() + "\n"
        );
    }

    #[test]
    fn any_window_size_keeps_invariants(text in news_text(), window in 1usize..400) {
        let windowed = Options { window, ..Options::default() };
        let report = analyze(&text, &windowed);
        check_invariants(&text, &report);
        // The same sentences and paragraphs as in one window, and a summary
        // built as it went that agrees with one built from them all.
        let whole = analyze(&text, &Options { window: usize::MAX, ..Options::default() });
        let layout = |r: &presslens::report::Report| -> Vec<(usize, usize, usize)> {
            r.sentences.iter().map(|s| (s.paragraph, s.span.start, s.span.end)).collect()
        };
        prop_assert_eq!(layout(&report), layout(&whole));
        let rebuilt = Summary::build(report.summary.paragraphs, &report.sentences);
        prop_assert_eq!(
            serde_json::to_string(&report.summary).unwrap(),
            serde_json::to_string(&rebuilt).unwrap()
        );
        prop_assert_eq!(report.summary.paragraphs, whole.summary.paragraphs);
    }

    #[test]
    fn arbitrary_strings_through_every_reader(text in any::<String>()) {
        for format in [InputFormat::Html, InputFormat::Markdown, InputFormat::Auto] {
            check_load(text.as_bytes(), format);
        }
    }

    #[test]
    fn arbitrary_bytes_through_every_reader(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        for format in [InputFormat::Html, InputFormat::Markdown, InputFormat::Auto, InputFormat::Text] {
            check_load(&bytes, format);
        }
    }

    #[test]
    fn html_like_pages_keep_invariants(page in html_page()) {
        check_load(page.as_bytes(), InputFormat::Html);
        check_load(page.as_bytes(), InputFormat::Auto);
    }

    #[test]
    fn markdown_like_pages_keep_invariants(page in markdown_page()) {
        check_load(page.as_bytes(), InputFormat::Markdown);
    }

    #[test]
    fn markup_as_plain_text_keeps_invariants(text in markup_text()) {
        let report = analyze(&text, &Options::default());
        check_invariants(&text, &report);
    }
}
