//! Arbitrary bytes through `reader::load` (HTML, markdown or auto-detection,
//! picked by the first byte) and the analyser: no panic, and the offsets of
//! the report index the extracted text.
#![no_main]

#[path = "check.rs"]
mod check;

use libfuzzer_sys::fuzz_target;
use presslens::reader::{self, InputFormat};
use presslens::{Options, analyze_loaded};

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let (name, format) = match first % 4 {
        0 => ("page.html", InputFormat::Html),
        1 => ("story.md", InputFormat::Markdown),
        2 => ("story", InputFormat::Auto),
        _ => ("page.htm", InputFormat::Auto),
    };
    let Ok(loaded) = reader::load(name, rest.to_vec(), format) else {
        return;
    };
    assert_ne!(loaded.format, InputFormat::Auto);
    let report = analyze_loaded(&loaded, &Options::default());
    check::report(&loaded.text, &report);
});
