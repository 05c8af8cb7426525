//! Arbitrary bytes through the reader and the analyser: no panic, and the
//! offset invariants hold for whatever is accepted.
#![no_main]

use libfuzzer_sys::fuzz_target;
use presslens::{Options, analyze, reader};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = reader::decode(data.to_vec()) else {
        return;
    };
    let report = analyze(&text, &Options::default());
    let mut last = 0;
    for s in &report.sentences {
        assert!(s.span.start >= last);
        last = s.span.end;
        assert_eq!(&text[s.span.start..s.span.end], s.text);
        for e in &s.evidence {
            assert_eq!(&text[e.span.start..e.span.end], e.text);
        }
        for q in &s.quotes {
            assert_eq!(&text[q.span.start..q.span.end], q.text);
        }
        for q in &s.quantities {
            assert_eq!(&text[q.span.start..q.span.end], q.text);
        }
    }
    serde_json::to_vec(&report).unwrap();
});
