//! Arbitrary bytes through the plain-text reader and the analyser: no panic,
//! and the offset invariants hold for whatever is accepted, in one window
//! and in windows of a size taken from the first byte; the hand-written
//! JSON of the report is serde_json's, byte for byte.
#![no_main]

#[path = "check.rs"]
mod check;

use libfuzzer_sys::fuzz_target;
use presslens::{Options, analyze, reader};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = reader::decode(data.to_vec()) else {
        return;
    };
    let report = analyze(&text, &Options::default());
    check::report(&text, &report);
    let mut written = Vec::new();
    presslens::report::json::write(&mut written, &report).unwrap();
    let derived = serde_json::to_string_pretty(&report).unwrap() + "\n";
    assert!(
        written == derived.as_bytes(),
        "JSON writer differs from serde_json"
    );
    if let Some(&first) = data.first() {
        let window = usize::from(first) + 1;
        let windowed = analyze(
            &text,
            &Options {
                window,
                ..Options::default()
            },
        );
        check::report(&text, &windowed);
        assert_eq!(windowed.sentences.len(), report.sentences.len());
    }
});
