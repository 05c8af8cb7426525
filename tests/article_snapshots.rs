//! Snapshot of the whole JSON report of every fixture article: any change
//! in segmentation, labels, evidence or summary shows up as a diff to
//! review (`cargo insta review`, or `INSTA_UPDATE=always` to accept).

mod common;

use common::presslens;

fn snapshot(name: &str) {
    let path = format!(
        "{}/fixtures/articles/{name}.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    let out = presslens()
        .args(["--format", "json", "-"])
        .write_stdin(std::fs::read(&path).unwrap())
        .output()
        .unwrap();
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    insta::assert_json_snapshot!(name, json, {".tool.version" => "[version]"});
}

#[test]
fn wire() {
    snapshot("wire");
}

#[test]
fn interview() {
    snapshot("interview");
}

#[test]
fn business() {
    snapshot("business");
}

#[test]
fn opinion() {
    snapshot("opinion");
}

#[test]
fn release() {
    snapshot("release");
}

#[test]
fn wrapped() {
    snapshot("wrapped");
}
