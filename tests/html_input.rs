//! Runs the binary on the saved pages under fixtures/html/ and checks the
//! extracted article: title, first and last body sentences, what must not
//! leak in, and that every offset points into `source.extracted_text`.
#![cfg(all(feature = "html", feature = "markdown"))]

use assert_cmd::Command;
use serde_json::Value;

fn presslens() -> Command {
    Command::cargo_bin("presslens").unwrap()
}

fn fixture(name: &str) -> String {
    format!("{}/fixtures/html/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn report(args: &[&str]) -> Value {
    report_stdin(args, Vec::new())
}

/// Runs with `--format json`, `args` and `stdin`, and parses the report.
fn report_stdin(args: &[&str], stdin: Vec<u8>) -> Value {
    let out = presslens()
        .args(["--format", "json"])
        .args(args)
        .write_stdin(stdin)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    serde_json::from_slice(&out).unwrap()
}

struct Case {
    file: &'static str,
    format: &'static str,
    title: &'static str,
    byline: Option<&'static str>,
    first: &'static str,
    last: &'static str,
    /// Page furniture that must not reach the extracted text.
    absent: &'static [&'static str],
    /// Text that must be there (quotes, list lines, decoded characters).
    present: &'static [&'static str],
}

const CASES: &[Case] = &[
    Case {
        file: "wire.html",
        format: "html",
        title: "Storm surge closes three ports on the Gulf coast",
        byline: Some("By Mara Quinn"),
        first: "PORT ELLIS (Harbor Wire) — A storm surge of more than two metres forced the closure of three ports on the Gulf coast on Saturday, stranding 40 cargo ships offshore and halting fuel deliveries to the region.",
        last: "Forecasters expect the water to recede by Sunday evening, but they cautioned that a second system was forming farther south.",
        absent: &[
            "cookies",
            "Advertisement",
            "Share on",
            "Related coverage",
            "Forecasters predict",
            "All rights reserved",
            "dataLayer",
            "display:flex",
            "READ MORE",
            "third week",
        ],
        present: &[
            "the region’s stations",
            "Shipping & logistics",
            "“We are not going",
        ],
    },
    Case {
        file: "blog.html",
        format: "html",
        title: "The So-Called Budget Deal Is a Giveaway to Insiders",
        byline: Some("By Rex Calloway"),
        first: "Well, they finally did it.",
        last: "Call your senator before Tuesday’s vote and tell them what you think of this scam.",
        absent: &[
            "Share this",
            "Spot on",
            "thoughts on",
            "Leave a Reply",
            "Popular Posts",
            "Get the Lantern",
            "reader-funded",
            "Tags:",
            "Donate",
        ],
        present: &[
            "called the agreement “a win for every working family” at",
            "\n\n“This budget protects the programs that matter and keeps taxes where they are.”\n\n",
            "\n- Cuts the road repair fund by 14%.\n- Freezes teacher pay",
        ],
    },
    Case {
        file: "amp.html",
        format: "html",
        title: "River Valley council approves new bridge after two-year fight",
        byline: Some("By Tomas Ferreira and Lena Ostrowski"),
        first: "The River Valley city council voted 5-2 on Tuesday night to replace the Mill Street bridge, ending a two-year dispute over the crossing that has been closed to trucks since 2024.",
        last: "Residents can review the design at City Hall through the end of the month.",
        absent: &[
            "Advertisement",
            "Menu",
            "Obituaries",
            "Privacy",
            "gtag",
            "Feb. 3",
        ],
        present: &["“We are spending money"],
    },
    Case {
        file: "liveblog.html",
        format: "html",
        title: "Live updates: Election night in Carver County",
        byline: Some("By Daily Example Staff"),
        first: "Polls closed at 8 p.m. in Carver County, where voters are choosing a new sheriff and deciding on a school levy.",
        last: "The county clerk said turnout appeared higher than in the last midterm, with long lines reported at two polling places in Eastwood.",
        absent: &["More from Politics", "Who is running", "Copy link"],
        present: &[
            "Levy passes by a narrow margin",
            "Early returns show Okafor leading",
            "“This county asked for a change",
        ],
    },
    Case {
        file: "jsonld.html",
        format: "html",
        title: "Water bills to rise 9% as regulator backs upgrade plan",
        byline: Some("By Siobhan Clarke and Idris Bello"),
        first: "Households in Northfield will pay an average of £48 more a year for water from April after the regulator approved a £1.2 billion plan to replace ageing pipes.",
        last: "The regulator said it would review the company’s performance again in 2028.",
        absent: &[
            "Utilities",
            "Read more",
            "Reservoir levels",
            "Cookie settings",
            "Thursday 22",
        ],
        present: &["“Customers have told us"],
    },
    Case {
        file: "divs.html",
        format: "html",
        title: "Transit agency delays fare increase after rider backlash",
        byline: Some("By Gabriel Ortiz"),
        first: "The regional transit agency on Thursday postponed a planned fare increase for six months, after more than 1,400 riders signed up to speak against it at public hearings.",
        last: "The board is scheduled to take up the discount proposal at its meeting on May 14.",
        absent: &[
            "Subscribe",
            "Trending",
            "Freeway",
            "Metro Ledger Media",
            "April 9",
        ],
        present: &[
            "\n\n“We heard the riders loud and clear,” board chair Naomi Sato said after the vote.\n\n",
        ],
    },
    Case {
        file: "cp1252.html",
        format: "html",
        title: "Café owners fight rent rise on Rue Marchand",
        byline: Some("By Elodie Marchetti"),
        first: "Owners of seven cafés on Rue Marchand say a proposed rent rise of 22% would force them to close before the summer season.",
        last: "A hearing is set for next month.",
        absent: &["Most read", "Bakery", "©", "Home"],
        present: &[
            "“We have been here",
            "André Lefèvre",
            "The owners’ association",
        ],
    },
    Case {
        file: "oldpaper.html",
        format: "html",
        title: "Ferry service resumes after repairs",
        byline: Some("By Ola Svensson"),
        first: "The island ferry resumed service on Friday after three weeks of engine repairs, the operator said.",
        last: "Ticket prices will not change this season, the company added in a statement on its website.",
        absent: &["Old Paper", "Home", "About time", "saved from"],
        present: &["\"We apologise for the long wait,\" said"],
    },
    Case {
        file: "story.md",
        format: "markdown",
        title: "Library reopens its doors eight months after the flood",
        byline: Some("By Noor Haddad"),
        first: "The Eastgate public library reopened on Saturday, eight months after a burst water main flooded its basement and destroyed about 12,000 books.",
        last: "Volunteers spent the weekend shelving donated books, and the city said regular hours will resume on Monday.",
        absent: &[
            "**",
            "](",
            "![",
            "reading-room",
            "opening_hours",
            "`",
            "# ",
            "title:",
        ],
        present: &[
            "said head librarian Omar Castillo.",
            "\n- solar panels on the roof\n",
            "\n\n“The library is the one place in town where nobody asks you to buy anything.”\n\n",
        ],
    },
];

#[test]
fn fixtures_extract_title_body_and_offsets() {
    for case in CASES {
        let r = report(&[&fixture(case.file)]);
        let src = &r["source"];
        assert_eq!(src["format"], case.format, "{}", case.file);
        assert_eq!(src["offsets"], "extracted", "{}", case.file);
        let text = src["extracted_text"].as_str().unwrap();
        assert_eq!(src["bytes"].as_u64().unwrap() as usize, text.len());
        assert_eq!(r["title"], case.title, "{}", case.file);
        assert!(
            text.starts_with(&format!("{}\n\n", case.title)),
            "{}: {text}",
            case.file
        );
        match case.byline {
            Some(b) => assert_eq!(r["byline"], b, "{}", case.file),
            None => assert!(r["byline"].is_null(), "{}", case.file),
        }
        let sentences = r["sentences"].as_array().unwrap();
        assert!(sentences.len() >= 4, "{}", case.file);
        // The body opens with the first paragraph; the first sentence's text
        // is that opening less a dateline, which the report keeps apart.
        assert!(
            text.contains(&format!("\n\n{}", case.first)),
            "{}: {text}",
            case.file
        );
        let first = sentences[0]["text"].as_str().unwrap();
        assert!(
            case.first.ends_with(first),
            "{}: first sentence {first:?}",
            case.file
        );
        let last = sentences.last().unwrap();
        assert_eq!(last["text"], case.last, "{}", case.file);
        for s in sentences {
            let (a, b) = (s["start"].as_u64().unwrap(), s["end"].as_u64().unwrap());
            assert_eq!(&text[a as usize..b as usize], s["text"].as_str().unwrap());
        }
        for junk in case.absent {
            assert!(
                !text.contains(junk),
                "{}: {junk:?} leaked: {text}",
                case.file
            );
        }
        for want in case.present {
            assert!(
                text.contains(want),
                "{}: {want:?} missing: {text}",
                case.file
            );
        }
    }
}

/// The quote detector sees `“…”`: the block quote is a sentence of its own
/// inside marks, the `<q>` words are marked inside their sentence.
#[test]
fn blockquote_and_q_reach_the_segmenter_as_quotes() {
    let r = report(&[&fixture("blog.html")]);
    let texts: Vec<&str> = r["sentences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["text"].as_str().unwrap())
        .collect();
    assert!(
        texts.contains(
            &"“This budget protects the programs that matter and keeps taxes where they are.”"
        ),
        "{texts:?}"
    );
    assert!(
        texts.iter().any(|t| t.starts_with(
            "Senate leader Paula Grant called the agreement “a win for every working family” at"
        )),
        "{texts:?}"
    );
}

#[test]
fn wire_dateline_survives_extraction() {
    let r = report(&[&fixture("wire.html")]);
    assert_eq!(r["dateline"], "PORT ELLIS (Harbor Wire) —");
}

#[test]
fn published_time_is_reported() {
    let r = report(&[&fixture("jsonld.html")]);
    assert_eq!(r["source"]["published"], "2026-01-22T07:00:00+00:00");
    let r = report(&[&fixture("liveblog.html")]);
    assert!(
        r["source"]["published"].is_null(),
        "an entry's time is not the page's"
    );
}

#[test]
fn a_page_without_an_article_is_an_error() {
    presslens()
        .arg(fixture("frontpage.html"))
        .assert()
        .code(2)
        .stdout("")
        .stderr(format!(
            "presslens: {}: no article text found in the HTML page\n",
            fixture("frontpage.html")
        ));
}

#[test]
fn stdin_html_is_sniffed_and_text_stays_text() {
    let page = std::fs::read(fixture("wire.html")).unwrap();
    let r = report_stdin(&["-"], page.clone());
    assert_eq!(r["source"]["format"], "html");
    assert_eq!(r["source"]["name"], "-");

    // Forced text: the markup is analysed as it is, offsets into the input.
    let r = report_stdin(&["--input-format", "text", "-"], page);
    assert_eq!(r["source"]["format"], "text");
    assert_eq!(r["source"]["offsets"], "input");
    assert!(r["source"].get("extracted_text").is_none());

    // Plain text that is not UTF-8 stays an error.
    presslens()
        .args(["-"])
        .write_stdin(b"caf\xe9 au lait".to_vec())
        .assert()
        .code(2)
        .stderr(predicates::str::contains("not valid UTF-8"));
}

#[test]
fn forced_formats_and_bad_values() {
    // An explicit format is honoured; an unknown one is a usage error.
    let r = report(&["--input-format", "markdown", &fixture("story.md")]);
    assert_eq!(r["source"]["format"], "markdown");
    presslens()
        .args(["--input-format", "pdf", &fixture("story.md")])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("invalid value 'pdf'"));
}
