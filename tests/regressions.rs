//! Inputs that once broke presslens, or that sit on an edge the fuzzers
//! (fuzz/, see docs/robustness.md) and property tests keep probing. A new
//! fuzz finding goes here as a byte string (`cargo fuzz fmt TARGET
//! ARTIFACT` prints it), run through [`replay`], which does what both fuzz
//! targets do: the plain-text reader, and `reader::load` as HTML, markdown
//! and auto-detected, each followed by the analysis and its invariants.

#[path = "support/invariants.rs"]
mod invariants;

use invariants::check_invariants;
use presslens::reader::{self, InputFormat};
use presslens::{Options, analyze, analyze_loaded};

fn replay(bytes: &[u8]) {
    let options = Options::default();
    if let Ok(text) = reader::decode(bytes.to_vec()) {
        check_invariants(&text, &analyze(&text, &options));
    }
    for (name, format) in [
        ("page.html", InputFormat::Html),
        ("story.md", InputFormat::Markdown),
        ("story", InputFormat::Auto),
        ("page.htm", InputFormat::Auto),
    ] {
        if let Ok(loaded) = reader::load(name, bytes.to_vec(), format) {
            check_invariants(&loaded.text, &analyze_loaded(&loaded, &options));
        }
    }
}

/// Format detection skips `<!--` and `<?xml` openers: unterminated ones, and
/// more of them than it looks at, must not run past the end.
#[test]
fn detection_with_unterminated_openers() {
    for input in [
        &b"<!--"[..],
        b"<?xml",
        b"\xEF\xBB\xBF<!-- x",
        b"<!----><!----><!----><!----><!----><!----><!----><!----><!----><html>",
        b"  <?xml?>\n<!doctype html",
        b"<html",
        b"<HTML>",
        b"<htmlx>",
    ] {
        replay(input);
        let _ = InputFormat::detect("x", input);
    }
}

/// Pages with no text, text only in the head, or only entities.
#[test]
fn html_with_little_or_no_text() {
    for input in [
        &b"<html></html>"[..],
        b"<!doctype html><title>Only a title</title>",
        b"<html><body>&nbsp;&#8203;&#xfeff;</body></html>",
        b"<html><body><script>\"It rose 5%,\" he said.</script></body></html>",
        b"<html><body><p>\0</p><p>\x01\x02</p></body></html>",
        b"<html><body><p>\xff\xfe caf\xe9</p></body></html>",
        b"<meta charset=\"windows-1252\"><p>\x93Yes,\x94 she said.</p>",
        b"<html><body><h1>\xe2\x80\x9c</h1><p>\xe2\x80\x9d.</p></body></html>",
    ] {
        replay(input);
    }
}

/// Markdown edge cases: front matter alone, unterminated blocks, a heading
/// only, nested quotes and lists, footnotes, tables.
#[test]
fn markdown_edges() {
    for input in [
        &b"---\ntitle: x\n---\n"[..],
        b"---\ntitle: x\n",
        b"# \n",
        b"# Headline only",
        b"```\nIt rose 5%.\n",
        b"> > > \xe2\x80\x9cYes,\n> > she said.",
        b"* [\n* ]\n1. 2. 3.",
        b"Text[^1].\n\n[^1]: \xe2\x80\x9cNote.\xe2\x80\x9d",
        b"| a | b |\n|---|---|\n| 5% | \"x |\n",
        b"<p>raw html in markdown</p>\n\n\xe2\x80\x9cQuote.\xe2\x80\x9d he said.",
    ] {
        replay(input);
    }
}

/// Plain-text edges around sentence ends, quotes and numbers.
#[test]
fn text_edges() {
    for input in [
        "\u{feff}",
        "\u{feff}.",
        "\r\r\r.",
        "“”",
        "”“.”“",
        "5%.5%.",
        "$.",
        "1.",
        ".1",
        "U.S.",
        "Mr.",
        "e\u{301}.\u{301}",
        "\u{2028}.\u{2029}.",
        "a\u{0}.\u{0}b",
        "(“",
        "—”",
        "WASHINGTON (AP) —",
        "By",
        "By \n\n",
    ] {
        replay(input.as_bytes());
    }
}
