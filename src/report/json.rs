//! `--format json`: the report as one JSON document (see [`crate::report`]
//! for the fields), serialised straight from the types, with no
//! intermediate `serde_json::Value`.

use super::Report;
use std::io::{self, Write};

/// Writes the report as pretty-printed JSON followed by a newline.
pub fn write(out: &mut impl Write, report: &Report) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, report)?;
    out.write_all(b"\n")
}

/// Writes the report as one line of compact JSON (for JSON Lines).
pub fn write_line(out: &mut impl Write, report: &Report) -> io::Result<()> {
    serde_json::to_writer(&mut *out, report)?;
    out.write_all(b"\n")
}
