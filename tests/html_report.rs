//! `--format html`: the page parses as HTML5 without errors, carries one
//! element per sentence with its labels, and no article text can change it.

#[path = "support/report_fixture.rs"]
mod fixture;

use assert_cmd::Command;
use presslens::report::html::{self, IndexEntry, PageOptions};
use presslens::report::{Label, Report};
use scraper::{ElementRef, Html, Selector};

fn page(report: &Report) -> String {
    let mut out = Vec::new();
    html::write(&mut out, report).unwrap();
    String::from_utf8(out).unwrap()
}

fn sel(s: &str) -> Selector {
    Selector::parse(s).unwrap()
}

/// Parses `page` and fails on any HTML5 parse error.
fn parse(page: &str) -> Html {
    let doc = Html::parse_document(page);
    assert!(doc.errors.is_empty(), "parse errors: {:?}", doc.errors);
    doc
}

fn sentences(doc: &Html) -> Vec<ElementRef<'_>> {
    doc.select(&sel("span.s[data-index]")).collect()
}

#[test]
fn labelled_page_parses_and_has_one_element_per_sentence() {
    let report = fixture::labelled();
    let doc = parse(&page(&report));
    let els = sentences(&doc);
    assert_eq!(els.len(), report.sentences.len());
    for (el, s) in els.iter().zip(&report.sentences) {
        let labels: Vec<&str> = s.labels.iter().map(|l| l.as_str()).collect();
        assert_eq!(
            el.value().attr("data-index"),
            Some(s.index.to_string().as_str())
        );
        assert_eq!(
            el.value().attr("data-labels"),
            Some(labels.join(" ").as_str())
        );
        assert_eq!(
            el.value().attr("id"),
            Some(format!("s{}", s.index + 1).as_str())
        );
        // The sentence reads whole: badges and sentence number, then its text.
        let text: String = el.text().collect();
        assert!(
            text.ends_with(s.text),
            "{text:?} should end with {:?}",
            s.text
        );
    }
    assert_eq!(
        els[0].value().attr("data-labels"),
        Some("direct_quote reported_claim editorial")
    );
    assert_eq!(els[0].value().attr("data-primary"), Some("editorial"));
    assert_eq!(els[1].value().attr("data-labels"), Some(""));
}

#[test]
fn every_label_is_written_as_a_badge_for_black_and_white() {
    let report = fixture::labelled();
    let doc = parse(&page(&report));
    for (el, s) in sentences(&doc).iter().zip(&report.sentences) {
        let badges: Vec<String> = el
            .select(&sel(".badge"))
            .map(|b| b.text().collect())
            .collect();
        let want: Vec<&str> = s.labels.iter().map(|&l| html::style(l).badge).collect();
        assert_eq!(badges, want, "sentence {}", s.index);
    }
}

#[test]
fn evidence_is_underlined_with_its_explanation() {
    let doc = parse(&page(&fixture::labelled()));
    let titles: Vec<(String, String)> = doc
        .select(&sel(".ev[title]"))
        .map(|e| {
            (
                e.text().collect(),
                e.value().attr("title").unwrap().to_string(),
            )
        })
        .collect();
    let find = |needle: &str| {
        titles
            .iter()
            .find(|(text, _)| text == needle)
            .unwrap_or_else(|| panic!("no mark on {needle:?} in {titles:#?}"))
            .1
            .clone()
    };
    assert!(find("We will build it on time and on budget,").contains("speaker: Mayor Dana Okafor"));
    assert!(find("$4.5 million").contains("→ 4500000 USD, sourced"));
    assert!(find("disastrous").contains("loaded_word"));
    assert!(find("so-called").contains("sarcasm (+2.0): sneer marker"));
    // Counter-evidence (negative weight) is not underlined.
    assert!(titles.iter().all(|(_, why)| !why.contains("news_detail")));
    // "critics called" overlaps the quote's evidence-free lead-in and the
    // vague-source claim: both pieces are underlined for the claim.
    assert!(find("critics called").contains("reported claim"));
    // Nested marks: "About 12,000 people" is one quantity, not doubled.
    assert_eq!(
        doc.select(&sel("#s7 .ev")).count(),
        1,
        "one underline for the quantity"
    );
}

#[test]
fn margin_notes_name_speakers_and_values() {
    let doc = parse(&page(&fixture::labelled()));
    let notes: Vec<String> = doc
        .select(&sel(".notes li"))
        .map(|n| n.text().collect())
        .collect();
    assert!(notes.iter().any(|n| n.contains("critics")
        && n.contains("partial")
        && n.contains("a monument to vanity.")));
    assert!(
        notes
            .iter()
            .any(|n| n.contains("Mayor Dana Okafor") && n.contains("Nobody should doubt that."))
    );
    assert!(
        notes
            .iter()
            .any(|n| n.contains("About 12,000 people → ≈12000 people, unsourced"))
    );
}

#[test]
fn summary_panel_has_chart_sources_and_unsourced_statistics() {
    let report = fixture::labelled();
    let doc = parse(&page(&report));
    let svg = doc
        .select(&sel("svg.chart"))
        .next()
        .expect("an inline SVG chart");
    // One coloured bar per label and one for unlabelled sentences.
    let bars = svg.select(&sel("rect[fill^='#']")).count();
    assert_eq!(bars, 2 * 5, "a track and a bar per row");
    let chart_text: String = svg.text().collect();
    assert!(chart_text.contains("editorial 2"), "{chart_text}");
    let rows: Vec<Vec<String>> = doc
        .select(&sel("table.sources tbody tr"))
        .map(|r| r.select(&sel("td")).map(|c| c.text().collect()).collect())
        .collect();
    assert_eq!(rows.len(), report.summary.sources.len());
    assert!(rows.contains(&vec![
        "a council source".to_string(),
        "anonymous".into(),
        "0".into(),
        "1".into()
    ]));
    let footer: String = doc
        .select(&sel("table.sources tfoot"))
        .next()
        .unwrap()
        .text()
        .collect();
    assert!(
        footer.contains("2 named · 1 anonymous · 2 vague"),
        "{footer}"
    );
    let unsourced: String = doc
        .select(&sel(".card h2"))
        .map(|h| h.text().collect::<String>())
        .collect();
    assert!(unsourced.contains("Unsourced statistics: 1"));
    assert!(doc.select(&sel(".card a[href='#s7']")).next().is_some());
}

#[test]
fn page_is_self_contained() {
    let p = page(&fixture::labelled());
    let doc = parse(&p);
    for tag in ["script", "link", "img", "iframe", "object", "embed"] {
        assert_eq!(doc.select(&sel(tag)).count(), 0, "no <{tag}>");
    }
    assert_eq!(doc.select(&sel("style")).count(), 1);
    assert!(!p.contains("@import") && !p.contains("@font-face"));
    // The only URL is the SVG namespace, which is never fetched.
    let urls: Vec<_> = p
        .match_indices("http")
        .map(|(i, _)| &p[i..i + 26])
        .collect();
    assert!(
        urls.iter().all(|u| *u == "http://www.w3.org/2000/svg"),
        "{urls:?}"
    );
    for a in doc.select(&sel("a[href]")) {
        assert!(a.value().attr("href").unwrap().starts_with('#'));
    }
}

#[test]
fn hostile_text_cannot_change_the_page() {
    let report = fixture::hostile();
    let p = page(&report);
    let doc = parse(&p);
    assert_eq!(doc.select(&sel("script")).count(), 0);
    assert_eq!(doc.select(&sel("img")).count(), 0);
    assert_eq!(
        doc.select(&sel("main .s b")).count(),
        0,
        "article <b> stays text"
    );
    let styles: Vec<String> = doc
        .select(&sel("style"))
        .map(|s| s.text().collect::<String>().trim().to_string())
        .collect();
    assert_eq!(
        styles,
        vec![html::css().trim()],
        "the style sheet is intact"
    );
    let title: String = doc.select(&sel("title")).next().unwrap().text().collect();
    assert_eq!(title, "presslens: <script>alert(1)</script> News</style>");
    let h1: String = doc.select(&sel("h1")).next().unwrap().text().collect();
    assert_eq!(h1, "<script>alert(1)</script> News</style>");
    // The article text comes back verbatim as text.
    let els = sentences(&doc);
    assert_eq!(els.len(), 3);
    assert_eq!(
        doc.select(&sel("main a")).count(),
        0,
        "Markdown links stay text"
    );
    for (el, s) in els.iter().zip(&report.sentences) {
        let text: String = el.text().collect();
        assert!(text.ends_with(s.text), "{text:?}");
    }
    // Attributes built from article text stay attributes.
    for el in doc.select(&sel("[title]")) {
        assert!(el.value().attrs().all(|(k, _)| !k.starts_with("on")));
    }
    assert!(!p.contains("<img") && !p.contains("<script") && !p.contains("<b>bold"));
    assert_eq!(p.matches("</style>").count(), 1);
}

#[test]
fn control_characters_do_not_break_parsing() {
    let text = "Nul\0here, bell\u{7} and \u{fdd0} noncharacter. \u{feff}BOM and \r\n line.";
    let report = presslens::analyze(text, &presslens::Options::default());
    parse(&page(&report));
}

#[test]
fn real_text_through_analyze() {
    let text = "Storm Closes Coast Road\n\nBy Ana Ruiz\n\nThe coast road was closed on Friday after a storm, police said. \
                \"It is not safe,\" Sgt. Lee Park told reporters.\n\nRepairs could cost $2.3 million, officials estimate.\n";
    let report = presslens::analyze(text, &presslens::Options::default());
    let doc = parse(&page(&report));
    assert_eq!(sentences(&doc).len(), report.sentences.len());
    assert!(!report.sentences.is_empty());
    let all: String = doc.select(&sel("main")).next().unwrap().text().collect();
    for s in &report.sentences {
        assert!(all.contains(s.text));
    }
}

#[test]
fn empty_report_renders() {
    let report = presslens::analyze("", &presslens::Options::default());
    let doc = parse(&page(&report));
    assert_eq!(sentences(&doc).len(), 0);
}

#[test]
fn batch_page_links_the_index_and_lists_failed_gates() {
    let gates = vec![
        "editorial ratio 0.25 > 0.20".to_string(),
        "<script>alert(1)</script>".to_string(),
    ];
    let options = PageOptions {
        index_href: Some("index.html"),
        failed_gates: Some(&gates),
    };
    let mut out = Vec::new();
    html::write_page(&mut out, &fixture::labelled(), &options).unwrap();
    let doc = parse(&String::from_utf8(out).unwrap());
    assert_eq!(doc.select(&sel("script")).count(), 0);
    let back = doc
        .select(&sel(".kicker a"))
        .next()
        .expect("a link to the index");
    assert_eq!(back.value().attr("href"), Some("index.html"));
    let listed: Vec<String> = doc
        .select(&sel(".gates.failed li"))
        .map(|li| li.text().collect())
        .collect();
    assert_eq!(listed, gates);

    let mut out = Vec::new();
    let passed = PageOptions {
        index_href: None,
        failed_gates: Some(&[]),
    };
    html::write_page(&mut out, &fixture::labelled(), &passed).unwrap();
    let doc = parse(&String::from_utf8(out).unwrap());
    assert!(doc.select(&sel(".gates.passed")).next().is_some());
    assert!(doc.select(&sel(".kicker a")).next().is_none());
    // Without gates, no gates line at all.
    let doc = parse(&page(&fixture::labelled()));
    assert!(doc.select(&sel(".gates")).next().is_none());
}

#[test]
fn index_links_pages_with_their_figures() {
    let a = fixture::labelled();
    let b = fixture::hostile();
    let mut taken = Vec::new();
    let mut ea = IndexEntry::from_report(&a, html::page_file_name("news/harbour.txt", &mut taken));
    ea.failed_gates = vec!["editorial ratio 0.29 > 0.20".into()];
    let eb = IndexEntry::from_report(&b, html::page_file_name("other/harbour.txt", &mut taken));
    let mut out = Vec::new();
    html::write_index(&mut out, &[ea, eb]).unwrap();
    let p = String::from_utf8(out).unwrap();
    let doc = parse(&p);
    assert_eq!(doc.select(&sel("script, img")).count(), 0);
    let links: Vec<(String, String)> = doc
        .select(&sel("tbody a"))
        .map(|l| {
            (
                l.value().attr("href").unwrap().to_string(),
                l.text().collect(),
            )
        })
        .collect();
    assert_eq!(
        links,
        vec![
            (
                "harbour.html".to_string(),
                "Council Approves Harbour Tunnel After Heated Debate".to_string()
            ),
            (
                "harbour-2.html".to_string(),
                "<script>alert(1)</script> News</style>".to_string()
            ),
        ]
    );
    let first: Vec<String> = doc
        .select(&sel("tbody tr"))
        .next()
        .unwrap()
        .select(&sel("td"))
        .map(|c| c.text().collect())
        .collect();
    let counts = &a.summary.labels;
    assert_eq!(first[1], a.summary.sentences.to_string());
    assert_eq!(first[2], counts.get(Label::DirectQuote).to_string());
    assert_eq!(first[5], counts.get(Label::Editorial).to_string());
    assert_eq!(
        first[6],
        format!("{:.0}%", a.summary.editorial_ratio * 100.0)
    );
    assert_eq!(first[7], "1");
    assert_eq!(first[8], "2 / 1 / 2");
    assert!(first[9].contains("editorial ratio 0.29 > 0.20"));
}

#[test]
fn cli_writes_html_and_markdown() {
    let dir = std::env::temp_dir().join(format!("presslens-html-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let input = dir.join("story.txt");
    std::fs::write(&input, fixture::ARTICLE).unwrap();
    let run = |format: &str| {
        let out = Command::cargo_bin("presslens")
            .unwrap()
            .args(["--format", format])
            .arg(&input)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        String::from_utf8(out).unwrap()
    };
    let p = run("html");
    let doc = parse(&p);
    let v: serde_json::Value = serde_json::from_str(&run("json")).unwrap();
    assert_eq!(
        sentences(&doc).len(),
        v["sentences"].as_array().unwrap().len()
    );
    let md = run("markdown");
    assert!(md.starts_with("### presslens: Council Approves Harbour Tunnel"));
    assert!(md.contains("| label | sentences | share |"));
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Not a check: writes the fixture pages to `target/screenshots/` for
/// looking at them in a browser (see docs/screenshots.md). Run with
/// `cargo test --release --test html_report -- --ignored write_pages`.
#[test]
#[ignore]
fn write_pages() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    let reports = [
        ("labelled", fixture::labelled()),
        ("hostile", fixture::hostile()),
    ];
    let mut taken = Vec::new();
    let mut entries = Vec::new();
    let gates = ["editorial ratio 0.25 > 0.20".to_string()];
    for (name, report) in &reports {
        let file = html::page_file_name(name, &mut taken);
        let failed = if *name == "hostile" { &gates[..] } else { &[] };
        let options = PageOptions {
            index_href: Some("index.html"),
            failed_gates: Some(failed),
        };
        let mut out = Vec::new();
        html::write_page(&mut out, report, &options).unwrap();
        std::fs::write(dir.join(&file), out).unwrap();
        let mut entry = IndexEntry::from_report(report, file);
        entry.failed_gates = failed.to_vec();
        entries.push(entry);
    }
    let mut index = Vec::new();
    html::write_index(&mut index, &entries).unwrap();
    std::fs::write(dir.join("index.html"), index).unwrap();
}
