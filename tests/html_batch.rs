//! `--format html --output DIR` over several inputs: one page per article
//! and an index linking them.

mod common;

use common::presslens;

#[test]
fn one_page_per_article_and_an_index() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("pages");
    let root = env!("CARGO_MANIFEST_DIR");
    presslens()
        .args(["--format", "html", "--glob", "*.txt", "-o"])
        .arg(&out)
        .arg(format!("{root}/fixtures/articles"))
        .assert()
        .success();
    let index = std::fs::read_to_string(out.join("index.html")).unwrap();
    for name in [
        "business",
        "interview",
        "opinion",
        "release",
        "wire",
        "wrapped",
    ] {
        let page = out.join(format!("{name}.html"));
        let html = std::fs::read_to_string(&page).unwrap_or_else(|_| panic!("{page:?}"));
        assert!(html.contains("data-labels"), "{name}");
        assert!(
            html.contains("href=\"index.html\""),
            "{name} links back to the index"
        );
        assert!(
            index.contains(&format!("href=\"{name}.html\"")),
            "index links {name}"
        );
    }
}

#[test]
fn several_inputs_without_an_output_dir_is_a_usage_error() {
    let root = env!("CARGO_MANIFEST_DIR");
    let out = presslens()
        .args(["--format", "html"])
        .arg(format!("{root}/fixtures/articles/wire.txt"))
        .arg(format!("{root}/fixtures/articles/opinion.txt"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("--output DIR")
    );
}
