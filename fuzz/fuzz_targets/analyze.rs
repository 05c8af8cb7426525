//! Arbitrary bytes through the plain-text reader and the analyser: no panic,
//! and the offset invariants hold for whatever is accepted.
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
});
