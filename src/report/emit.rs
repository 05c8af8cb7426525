//! A JSON writer for the bulk of a report: its sentences.
//!
//! The derived `Serialize` impls define the wire format, and serde_json
//! writes the small parts (head, summary, gates). For the sentences, which
//! are nearly all of the output (about 11 bytes of JSON per input byte),
//! serde_json's many small writes cost more than the whole analysis of a
//! detector, so they are written here into one growing buffer, byte for
//! byte as serde_json would write them (compact, or pretty with two-space
//! indents); the tests compare the two.

use super::jsonl::{Body, Output, Record};
use super::{
    Evidence, Label, Quantity, Quote, Report, Sentence, SourceKind, SourceMention, SourceRole,
};
use crate::span::Span;
use serde::Serialize;
use serde_json::ser::{CompactFormatter, Formatter};
use std::io::{self, Write};

/// JSON text being written: compact or pretty-printed.
pub(crate) struct Json {
    pub(crate) buf: Vec<u8>,
    pretty: bool,
    /// Recently written floats: weights take few distinct values (some 60
    /// to 70 in a long text), and formatting one costs more than the rest
    /// of its member. Direct-mapped by a hash of the bits.
    /// Kept from one `Json` to the next on a thread (see [`SPARE`]).
    floats: Vec<FloatSlot>,
    /// The addresses of the sentence text being written when it needs no
    /// escaping: the texts of its evidence, quotes, quantities and sources
    /// mostly lie inside it and then need no test of their own.
    clean: std::ops::Range<usize>,
}

/// A float's bits and its shortest form (length, bytes) in [`Json::f32`]'s
/// cache.
type FloatSlot = (u32, u8, [u8; 15]);

thread_local! {
    /// The buffer and float cache of the last [`Json`] a thread dropped:
    /// over many small reports (a batch, a `--jsonl-in` stream) each would
    /// otherwise allocate 64 KiB and format every weight again.
    static SPARE: std::cell::Cell<Option<(Vec<u8>, Vec<FloatSlot>)>> =
        const { std::cell::Cell::new(None) };
}

impl Drop for Json {
    fn drop(&mut self) {
        let mut buf = std::mem::take(&mut self.buf);
        // A buffer that once held a huge sentence is not kept.
        if buf.capacity() > 1 << 20 {
            buf = Vec::new();
        }
        buf.clear();
        let floats = std::mem::take(&mut self.floats);
        // Not during the thread's own exit, when its locals are gone.
        let _ = SPARE.try_with(|spare| spare.set(Some((buf, floats))));
    }
}

/// An object or array being written: the indent of its members and whether
/// one was written yet.
pub(crate) struct Open {
    depth: usize,
    empty: bool,
}

const SPACES: &[u8; 64] = &[b' '; 64];

/// Escapes as serde_json does: `"`, `\` and the C0 controls, which use the
/// short forms `\b \t \n \f \r` when they have one and `\u00XX` otherwise.
static ESCAPE: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = b'u';
        b += 1;
    }
    table[0x08] = b'b';
    table[0x09] = b't';
    table[0x0a] = b'n';
    table[0x0c] = b'f';
    table[0x0d] = b'r';
    table[b'"' as usize] = b'"';
    table[b'\\' as usize] = b'\\';
    table
};

/// Whether any byte of `chunk` is one [`ESCAPE`] escapes; every byte is
/// looked at (no early exit), so that the loop becomes vector compares.
fn needs_escape(chunk: &[u8]) -> bool {
    chunk.iter().fold(false, |any, &b| {
        any | (b < 0x20) | (b == b'"') | (b == b'\\')
    })
}

/// Slots of [`Json::f32`]'s cache: a power of two, indexed by the top
/// eight bits of a multiplicative hash.
const FLOAT_SLOTS: usize = 256;

/// `b'0'` in each byte.
const ASCII_ZEROS: u64 = 0x3030_3030_3030_3030;

/// The eight decimal digits of `n` (below 10^8, leading zeros included) as
/// byte values 0-9, the first digit in the lowest byte: `n` is split into
/// halves of four digits, each half into two of two digits, each of those
/// into two digits, every split done in all lanes at once with a
/// multiply-and-shift for the division (exact for these ranges: test).
fn eight_digits(n: u32) -> u64 {
    debug_assert!(n < 100_000_000);
    let n = u64::from(n);
    // Lanes of 32 bits: the first four digits, then the last four.
    let fours = (n / 10_000) | ((n % 10_000) << 32);
    // x / 100 as x * 10486 >> 20 for x < 10^4.
    let hundreds = ((fours * 10_486) >> 20) & 0x0000_007f_0000_007f;
    // Lanes of 16 bits: two digits each.
    let twos = hundreds | ((fours - 100 * hundreds) << 16);
    // x / 10 as x * 103 >> 10 for x < 100.
    let tens = ((twos * 103) >> 10) & 0x000f_000f_000f_000f;
    tens | ((twos - 10 * tens) << 8)
}

impl Json {
    pub(crate) fn new(pretty: bool) -> Json {
        let (mut buf, floats) = SPARE.take().unwrap_or_else(|| {
            // u32::MAX is a NaN, which never reaches the cache: no slot
            // matches before it is filled.
            (Vec::new(), vec![(u32::MAX, 0, [0; 15]); FLOAT_SLOTS])
        });
        buf.reserve(1 << 16);
        Json {
            buf,
            pretty,
            floats,
            clean: 0..0,
        }
    }

    /// Hands what is written so far to `out`.
    pub(crate) fn flush_to(&mut self, out: &mut impl Write) -> io::Result<()> {
        out.write_all(&self.buf)?;
        self.buf.clear();
        Ok(())
    }

    /// Hands what is written so far to `out` once there is enough of it to
    /// be worth a write, so that a long report is never held whole.
    pub(crate) fn flush_some(&mut self, out: &mut impl Write) -> io::Result<()> {
        if self.buf.len() >= 1 << 16 {
            self.flush_to(out)?;
        }
        Ok(())
    }

    #[inline(always)]
    fn indent(&mut self, depth: usize) {
        let n = 2 * depth;
        if n <= SPACES.len() {
            // A copy of constant length and a truncation cost less than a
            // call to memcpy for a few bytes.
            let len = self.buf.len();
            self.buf.extend_from_slice(SPACES);
            self.buf.truncate(len + n);
        } else {
            self.buf.resize(self.buf.len() + n, b' ');
        }
    }

    /// Opens an object (`{`) or array (`[`) that sits at indent `depth`.
    #[inline]
    pub(crate) fn open(&mut self, bracket: u8, depth: usize) -> Open {
        self.buf.push(bracket);
        Open {
            depth: depth + 1,
            empty: true,
        }
    }

    /// Closes what [`Json::open`] opened with `bracket`'s partner.
    #[inline]
    pub(crate) fn close(&mut self, open: Open, bracket: u8) {
        if self.pretty && !open.empty {
            self.buf.push(b'\n');
            self.indent(open.depth - 1);
        }
        self.buf.push(bracket);
    }

    /// Starts the next element of an array.
    #[inline(always)]
    pub(crate) fn element(&mut self, open: &mut Open) {
        if !open.empty {
            self.buf.push(b',');
        }
        open.empty = false;
        if self.pretty {
            self.buf.push(b'\n');
            self.indent(open.depth);
        }
    }

    /// Starts the member `key` (a name that needs no escaping) of an object.
    #[inline(always)]
    pub(crate) fn key(&mut self, open: &mut Open, key: &str) {
        self.element(open);
        self.buf.push(b'"');
        self.buf.extend_from_slice(key.as_bytes());
        self.buf
            .extend_from_slice(if self.pretty { b"\": " } else { b"\":" });
    }

    /// Starts a member whose name may need escaping.
    pub(crate) fn key_escaped(&mut self, open: &mut Open, key: &str) {
        self.element(open);
        self.str(key);
        self.buf
            .extend_from_slice(if self.pretty { b": " } else { b":" });
    }

    pub(crate) fn str(&mut self, s: &str) {
        let bytes = s.as_bytes();
        self.buf.reserve(bytes.len() + 2);
        self.buf.push(b'"');
        // Almost no text needs escaping: a test of 32 bytes at a time
        // without a table (the compiler turns it into vector compares)
        // settles that first.
        if !bytes.chunks(32).any(needs_escape) {
            self.buf.extend_from_slice(bytes);
            self.buf.push(b'"');
            return;
        }
        let mut run = 0;
        for (i, &b) in bytes.iter().enumerate() {
            let escape = ESCAPE[b as usize];
            if escape == 0 {
                continue;
            }
            self.buf.extend_from_slice(&bytes[run..i]);
            run = i + 1;
            match escape {
                b'u' => {
                    const HEX: &[u8; 16] = b"0123456789abcdef";
                    self.buf.extend_from_slice(b"\\u00");
                    self.buf.push(HEX[(b >> 4) as usize]);
                    self.buf.push(HEX[(b & 0xf) as usize]);
                }
                short => self.buf.extend_from_slice(&[b'\\', short]),
            }
        }
        self.buf.extend_from_slice(&bytes[run..]);
        self.buf.push(b'"');
    }

    /// [`Json::str`] for a text that may lie inside the sentence being
    /// written (see [`Json::clean`]).
    fn inner_str(&mut self, s: &str) {
        let at = s.as_ptr() as usize;
        if self.clean.start <= at && at + s.len() <= self.clean.end {
            self.buf.reserve(s.len() + 2);
            self.buf.push(b'"');
            self.buf.extend_from_slice(s.as_bytes());
            self.buf.push(b'"');
        } else {
            self.str(s);
        }
    }

    fn opt_str(&mut self, s: Option<&str>) {
        match s {
            Some(s) => self.inner_str(s),
            None => self.null(),
        }
    }

    fn null(&mut self) {
        self.buf.extend_from_slice(b"null");
    }

    #[inline]
    pub(crate) fn uint(&mut self, n: usize) {
        self.u64(n as u64);
    }

    /// Decimal digits. Offsets are below 10^8 (100 MB): all eight digits
    /// are worked out at once in one register and written with one 8-byte
    /// copy, the leading zeros shifted out first; no division loop, no
    /// digit count, no copy of variable length.
    #[inline(always)]
    fn u64(&mut self, n: u64) {
        if n >= 100_000_000 {
            return self.u64_long(n);
        }
        let digits = eight_digits(n as u32);
        // The first digits are the low bytes; a zero digit is a zero byte
        // until the ASCII offset is added. At least one digit stays.
        let zeros = (digits.trailing_zeros() / 8).min(7);
        let ascii = (digits | ASCII_ZEROS) >> (8 * zeros);
        let len = self.buf.len();
        self.buf.extend_from_slice(&ascii.to_le_bytes());
        self.buf.truncate(len + 8 - zeros as usize);
    }

    /// A number of nine digits or more, out of line: the digits above the
    /// last eight, then those eight with their zeros.
    #[inline(never)]
    fn u64_long(&mut self, n: u64) {
        self.u64(n / 100_000_000);
        let digits = eight_digits((n % 100_000_000) as u32) | ASCII_ZEROS;
        self.buf.extend_from_slice(&digits.to_le_bytes());
    }

    fn bool(&mut self, b: bool) {
        self.buf
            .extend_from_slice(if b { b"true" } else { b"false" });
    }

    /// serde_json writes a NaN or an infinity as null.
    fn f32(&mut self, x: f32) {
        if !x.is_finite() {
            return self.null();
        }
        let bits = x.to_bits();
        let slot = &mut self.floats[(bits.wrapping_mul(0x9e37_79b9) >> 24) as usize];
        if slot.0 != bits {
            // The shortest form of an f32 has at most 9 digits, a sign, a
            // point and an exponent such as `e-45`: 15 bytes.
            let mut room = &mut slot.2[..];
            if CompactFormatter.write_f32(&mut room, x).is_err() {
                slot.0 = u32::MAX;
                let _ = CompactFormatter.write_f32(&mut self.buf, x);
                return;
            }
            slot.1 = (15 - room.len()) as u8;
            slot.0 = bits;
        }
        self.buf.extend_from_slice(&slot.2[..slot.1 as usize]);
    }

    fn f64(&mut self, x: f64) {
        if x.is_finite() {
            let _ = CompactFormatter.write_f64(&mut self.buf, x);
        } else {
            self.null();
        }
    }

    fn opt_f64(&mut self, x: Option<f64>) {
        match x {
            Some(x) => self.f64(x),
            None => self.null(),
        }
    }

    /// Writes any value through serde_json, as the member or element that
    /// sits at indent `depth`.
    pub(crate) fn value(&mut self, depth: usize, value: &impl Serialize) -> io::Result<()> {
        if !self.pretty {
            serde_json::to_writer(&mut self.buf, value)?;
            return Ok(());
        }
        // serde_json indents from zero; every newline in pretty JSON lies
        // between tokens (strings escape theirs), so shifting each line
        // right by `depth` indents puts the value where it belongs.
        let mut scratch = Vec::new();
        serde_json::to_writer_pretty(&mut scratch, value)?;
        let mut lines = scratch.split(|&b| b == b'\n');
        if let Some(first) = lines.next() {
            self.buf.extend_from_slice(first);
        }
        for line in lines {
            self.buf.push(b'\n');
            self.indent(depth);
            self.buf.extend_from_slice(line);
        }
        Ok(())
    }

    /// A span as an object of its own that sits at indent `depth`, or null.
    fn opt_span(&mut self, span: &Option<Span>, depth: usize) {
        match span {
            Some(span) => {
                let mut o = self.open(b'{', depth);
                for (key, n) in [
                    ("start", span.start),
                    ("end", span.end),
                    ("char_start", span.char_start),
                    ("char_end", span.char_end),
                ] {
                    self.key(&mut o, key);
                    self.uint(n);
                }
                self.close(o, b'}');
            }
            None => self.null(),
        }
    }

    /// Bytes known when the program is compiled, one form for each layout:
    /// a copy of constant length each.
    #[inline(always)]
    fn raw(&mut self, pretty: &'static str, compact: &'static str) {
        if self.pretty {
            self.buf.extend_from_slice(pretty.as_bytes());
        } else {
            self.buf.extend_from_slice(compact.as_bytes());
        }
    }

    fn label(&mut self, label: Label) {
        self.buf.push(b'"');
        self.buf.extend_from_slice(label.as_str().as_bytes());
        self.buf.push(b'"');
    }
}

/// Two spaces per level of indent, as a literal (for `concat!`).
macro_rules! indent {
    (2) => {
        "    "
    };
    (3) => {
        "      "
    };
    (4) => {
        "        "
    };
    (5) => {
        "          "
    };
    (6) => {
        "            "
    };
}

/// The start of a member of an object whose members sit at indent `$depth`:
/// `first` right after its `{`, `next` after another member.
macro_rules! member {
    ($j:expr, first, $depth:tt, $name:literal) => {
        $j.raw(
            concat!("\n", indent!($depth), "\"", $name, "\": "),
            concat!("\"", $name, "\":"),
        )
    };
    ($j:expr, next, $depth:tt, $name:literal) => {
        $j.raw(
            concat!(",\n", indent!($depth), "\"", $name, "\": "),
            concat!(",\"", $name, "\":"),
        )
    };
}

/// The end of an object with members, which sits at indent `$depth`.
macro_rules! end_object {
    ($j:expr, $depth:tt) => {
        $j.raw(concat!("\n", indent!($depth), "}"), "}")
    };
}

/// The four members of a span, after at least one other member.
macro_rules! span_members {
    ($j:expr, $depth:tt, $span:expr) => {{
        let span: &Span = $span;
        member!($j, next, $depth, "start");
        $j.uint(span.start);
        member!($j, next, $depth, "end");
        $j.uint(span.end);
        member!($j, next, $depth, "char_start");
        $j.uint(span.char_start);
        member!($j, next, $depth, "char_end");
        $j.uint(span.char_end);
    }};
}

/// The value of an array member of a sentence (its elements sit at indent
/// 4), each element written by `$each`.
macro_rules! array {
    ($j:expr, $items:expr, |$json:ident, $item:pat_param| $each:expr) => {{
        let items = $items;
        if items.is_empty() {
            $j.buf.extend_from_slice(b"[]");
        } else {
            $j.buf.push(b'[');
            for (i, $item) in items.iter().enumerate() {
                if i > 0 {
                    $j.buf.push(b',');
                }
                $j.raw(concat!("\n", indent!(4)), "");
                let $json = &mut *$j;
                $each;
            }
            $j.raw(concat!("\n", indent!(3), "]"), "]");
        }
    }};
}

impl Json {
    /// One sentence, as an element of the report's `sentences` array: it
    /// sits at indent 2 in every output shape, so every indent below is
    /// known when the program is compiled.
    pub(crate) fn sentence(&mut self, s: &Sentence) {
        self.buf.push(b'{');
        member!(self, first, 3, "index");
        self.uint(s.index);
        member!(self, next, 3, "paragraph");
        self.uint(s.paragraph);
        span_members!(self, 3, &s.span);
        member!(self, next, 3, "text");
        let bytes = s.text.as_bytes();
        self.clean = if bytes.chunks(32).any(needs_escape) {
            0..0
        } else {
            let at = bytes.as_ptr() as usize;
            at..at + bytes.len()
        };
        self.inner_str(s.text);
        member!(self, next, 3, "labels");
        array!(self, &s.labels, |j, &l| j.label(l));
        member!(self, next, 3, "primary");
        match s.primary {
            Some(l) => self.label(l),
            None => self.null(),
        }
        member!(self, next, 3, "editorial_weight");
        self.f32(s.editorial_weight);
        member!(self, next, 3, "evidence");
        array!(self, &s.evidence, |j, e| j.evidence(e));
        member!(self, next, 3, "quotes");
        array!(self, &s.quotes, |j, q| j.quote(q));
        member!(self, next, 3, "quantities");
        array!(self, &s.quantities, |j, q| j.quantity(q));
        member!(self, next, 3, "sources");
        array!(self, &s.sources, |j, m| j.mention(m));
        end_object!(self, 2);
        // The text may be gone before the next string is written.
        self.clean = 0..0;
    }

    fn evidence(&mut self, e: &Evidence) {
        self.buf.push(b'{');
        member!(self, first, 5, "label");
        self.label(e.label);
        member!(self, next, 5, "rule");
        self.str(e.rule);
        span_members!(self, 5, &e.span);
        member!(self, next, 5, "text");
        self.inner_str(e.text);
        member!(self, next, 5, "weight");
        self.f32(e.weight);
        if let Some(note) = &e.note {
            member!(self, next, 5, "note");
            self.str(note);
        }
        end_object!(self, 4);
    }

    fn quote(&mut self, q: &Quote) {
        self.buf.push(b'{');
        member!(self, first, 5, "text");
        self.inner_str(q.text);
        span_members!(self, 5, &q.span);
        member!(self, next, 5, "speaker");
        self.opt_str(q.speaker);
        member!(self, next, 5, "speaker_span");
        self.opt_span(&q.speaker_span, 5);
        if let Some(resolved) = q.speaker_resolved {
            member!(self, next, 5, "speaker_resolved");
            self.inner_str(resolved);
        }
        member!(self, next, 5, "cue");
        self.opt_str(q.cue);
        member!(self, next, 5, "cue_span");
        self.opt_span(&q.cue_span, 5);
        member!(self, next, 5, "partial");
        self.bool(q.partial);
        member!(self, next, 5, "closed");
        self.bool(q.closed);
        end_object!(self, 4);
    }

    fn quantity(&mut self, q: &Quantity) {
        self.buf.push(b'{');
        member!(self, first, 5, "text");
        self.inner_str(q.text);
        span_members!(self, 5, &q.span);
        member!(self, next, 5, "value");
        self.opt_f64(q.value);
        member!(self, next, 5, "unit");
        self.opt_str(q.unit.as_deref());
        member!(self, next, 5, "approx");
        self.bool(q.approx);
        if let Some(low) = q.low {
            member!(self, next, 5, "low");
            self.f64(low);
        }
        if let Some(high) = q.high {
            member!(self, next, 5, "high");
            self.f64(high);
        }
        member!(self, next, 5, "sourced");
        self.bool(q.sourced);
        end_object!(self, 4);
    }

    fn mention(&mut self, m: &SourceMention) {
        self.buf.push(b'{');
        member!(self, first, 5, "text");
        self.inner_str(m.text);
        span_members!(self, 5, &m.span);
        member!(self, next, 5, "kind");
        self.buf.extend_from_slice(match m.kind {
            SourceKind::Named => b"\"named\"",
            SourceKind::Anonymous => b"\"anonymous\"",
            SourceKind::Vague => b"\"vague\"",
        });
        member!(self, next, 5, "role");
        self.buf.extend_from_slice(match m.role {
            SourceRole::Quote => b"\"quote\"",
            SourceRole::Claim => b"\"claim\"",
        });
        if let Some(resolved) = m.resolved {
            member!(self, next, 5, "resolved");
            self.inner_str(resolved);
        }
        end_object!(self, 4);
    }
}

impl Json {
    /// The members of a report before `sentences`.
    pub(crate) fn head(&mut self, o: &mut Open, r: &Report) -> io::Result<()> {
        self.key(o, "schema_version");
        self.u64(r.schema_version.into());
        self.key(o, "tool");
        self.value(o.depth, &r.tool)?;
        self.key(o, "source");
        self.value(o.depth, &r.source)?;
        let parts = [
            ("title", "title_span", r.title, &r.title_span),
            ("byline", "byline_span", r.byline, &r.byline_span),
            ("dateline", "dateline_span", r.dateline, &r.dateline_span),
        ];
        for (key, span_key, text, span) in parts {
            self.key(o, key);
            self.opt_str(text);
            self.key(o, span_key);
            self.opt_span(span, o.depth);
        }
        Ok(())
    }

    /// The members of an output body: a whole report, or (with
    /// `--summary`) its source and summary.
    fn body(&mut self, o: &mut Open, body: Body, out: &mut impl Write) -> io::Result<()> {
        match body {
            Body::Report(r) => {
                self.head(o, r)?;
                self.key(o, "sentences");
                let mut a = self.open(b'[', o.depth);
                for s in &r.sentences {
                    self.element(&mut a);
                    debug_assert_eq!(a.depth, 2, "sentences sit at indent 2");
                    self.sentence(s);
                    self.flush_some(out)?;
                }
                self.close(a, b']');
            }
            Body::Summary(r) => {
                self.key(o, "source");
                self.value(o.depth, &r.source)?;
            }
        }
        self.key(o, "summary");
        self.value(o.depth, body.summary())
    }

    /// Writes a report (or summary) with its gate results
    /// ([`jsonl::Output`]) to `out`.
    pub(crate) fn output(&mut self, output: &Output, out: &mut impl Write) -> io::Result<()> {
        let mut o = self.open(b'{', 0);
        self.body(&mut o, output.body, out)?;
        if let Some(gates) = output.gates {
            self.key(&mut o, "gates");
            self.value(o.depth, &gates)?;
        }
        self.close(o, b'}');
        self.flush_to(out)
    }

    /// Writes an analysed `--jsonl-in` record ([`jsonl::Record`]) to `out`.
    pub(crate) fn record(&mut self, record: &Record, out: &mut impl Write) -> io::Result<()> {
        let mut o = self.open(b'{', 0);
        self.key(&mut o, "line");
        self.u64(record.line);
        self.key(&mut o, "id");
        self.value(o.depth, record.id)?;
        self.body(&mut o, record.output.body, out)?;
        if let Some(gates) = record.output.gates {
            self.key(&mut o, "gates");
            self.value(o.depth, &gates)?;
        }
        for (key, value) in record.extra {
            self.key_escaped(&mut o, key);
            self.value(o.depth, value)?;
        }
        self.close(o, b'}');
        self.flush_to(out)
    }
}

/// A writer that keeps what it is given and counts the writes, to see that
/// a long report goes out in pieces.
#[cfg(test)]
#[derive(Default)]
pub(crate) struct Pieces {
    pub(crate) bytes: Vec<u8>,
    pub(crate) writes: usize,
}

#[cfg(test)]
impl Write for Pieces {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.writes += 1;
        self.bytes.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gates::GateResult;
    use crate::{Options, analyze};
    use serde_json::{Map, Value};

    fn written(pretty: bool, write: impl FnOnce(&mut Json)) -> String {
        let mut json = Json::new(pretty);
        write(&mut json);
        String::from_utf8(std::mem::take(&mut json.buf)).unwrap()
    }

    fn output(pretty: bool, output: &Output) -> String {
        let mut out = Vec::new();
        Json::new(pretty).output(output, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn a_thread_reuses_the_last_writers_buffer_and_floats() {
        let mut first = Json::new(false);
        first.f32(0.7);
        first.buf.extend_from_slice(b"left over");
        let floats = first.floats.as_ptr();
        drop(first);
        let second = Json::new(true);
        assert!(second.buf.is_empty() && second.buf.capacity() >= 1 << 16);
        assert_eq!(second.floats.as_ptr(), floats);
        assert!(second.floats.iter().any(|slot| slot.0 == 0.7f32.to_bits()));
        // A writer that grew past 1 MiB leaves a fresh buffer behind.
        let mut big = second;
        big.buf.resize(2 << 20, b' ');
        drop(big);
        assert!(Json::new(false).buf.capacity() < 2 << 20);
    }

    /// The two halves of four digits go through the same lanes apart, so
    /// every four-digit value in both halves covers every input.
    #[test]
    fn eight_digits_in_one_register_are_exact() {
        for x in 0..10_000u32 {
            let digits = eight_digits(x * 10_000 + x).to_le_bytes();
            let expected = format!("{x:04}{x:04}");
            let got: String = digits.iter().map(|&d| char::from(b'0' + d)).collect();
            assert_eq!(got, expected);
        }
    }

    #[test]
    fn numbers_are_written_as_serde_json_writes_them() {
        let mut ints: Vec<u64> = (0..=100_000).collect();
        // A spread of numbers of every length (a fixed linear congruential
        // sequence, shifted to vary the magnitude).
        let mut x = 0x2545_f491_4f6c_dd1du64;
        for _ in 0..100_000 {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ints.push(x >> (x % 64));
        }
        for p in 1..20 {
            let power = 10u64.pow(p);
            ints.extend([power - 1, power, power + 1]);
        }
        ints.push(u64::MAX);
        for n in ints {
            assert_eq!(written(false, |j| j.u64(n)), n.to_string());
        }
        // Into one writer, twice over, so that the second pass reads the
        // float cache, with values whose slots collide and the longest
        // shortest forms there are.
        let floats: Vec<f32> = (0..400)
            .map(|i| i as f32 * 0.25 - 7.0)
            .chain([
                0.1,
                0.3,
                1e-7,
                3.4e38,
                f32::MIN_POSITIVE,
                -f32::MIN_POSITIVE,
                f32::MIN,
                f32::from_bits(1),
                -f32::from_bits(0x007f_ffff),
                -1.234_567_9e-30,
                -0.0,
                1e16,
                123456.79,
            ])
            .collect();
        let mut expected = String::new();
        let mut json = Json::new(false);
        for _ in 0..2 {
            for &x in &floats {
                expected += &serde_json::to_string(&x).unwrap();
                expected.push(' ');
                json.f32(x);
                json.buf.push(b' ');
                assert_eq!(
                    written(false, |j| j.f64(x.into())),
                    serde_json::to_string(&f64::from(x)).unwrap()
                );
            }
        }
        assert_eq!(
            String::from_utf8(std::mem::take(&mut json.buf)).unwrap(),
            expected
        );
        for x in [f32::NAN, f32::INFINITY, f32::NEG_INFINITY] {
            assert_eq!(written(false, |j| j.f32(x)), "null");
        }
    }

    #[test]
    fn the_escape_test_sees_every_byte_the_table_escapes() {
        for b in 0..=255u8 {
            assert_eq!(needs_escape(&[b]), ESCAPE[b as usize] != 0, "{b:#x}");
        }
        // One escaped char anywhere in strings of several chunk lengths.
        for len in [1, 31, 32, 33, 64, 65, 100] {
            for at in 0..len {
                for c in ['"', '\\', '\n', '\u{1}', '\u{1f}'] {
                    let mut s: Vec<char> = "é“x”".chars().cycle().take(len).collect();
                    s[at] = c;
                    let s: String = s.into_iter().collect();
                    let expected = serde_json::to_string(&s).unwrap();
                    assert_eq!(written(false, |j| j.str(&s)), expected, "{len} {at}");
                }
            }
        }
    }

    #[test]
    fn strings_escape_as_serde_json_does() {
        let all: String = (0u8..0x80).map(char::from).collect();
        for s in [
            all.as_str(),
            "",
            "plain",
            "“quoted” \"and\" \\ back",
            "é 💡 \u{2028}",
        ] {
            assert_eq!(
                written(true, |j| j.str(s)),
                serde_json::to_string(s).unwrap()
            );
        }
        // Every escaped byte at every place in an eight-byte word, among
        // ASCII and multi-byte neighbours.
        for special in ["\0", "\u{1f}", "\"", "\\", "\n", "\u{7f}", "é", "“"] {
            for before in 0..17 {
                let s = format!("{}{special}{}", "a".repeat(before), "b ".repeat(9));
                assert_eq!(
                    written(false, |j| j.str(&s)),
                    serde_json::to_string(&s).unwrap()
                );
                let s = format!("{}{special}", "é".repeat(before));
                assert_eq!(
                    written(false, |j| j.str(&s)),
                    serde_json::to_string(&s).unwrap()
                );
            }
        }
        // A deep indent, past the constant-length copy.
        let mut deep = Json::new(true);
        deep.indent(40);
        assert_eq!(deep.buf, vec![b' '; 80]);
    }

    /// A report with every optional part: quotes with resolved speakers,
    /// ranges, notes, control characters and non-ASCII text.
    const TEXT: &str = "Storm Hits Coast\n\nBy Ann Writer\n\nMIAMI (AP) — A storm hit the \
        coast on Monday, officials said. “We are ready,” Mayor Ann Lee said.\n\n\
        Between 30 and 40 percent of homes, about 40,000, lost power, the utility \
        reported. The so-called plan is a disaster!\n\n“It is the worst\tin years,” \
        she added. Crews reportedly worked \u{1}overnight \\ “quietly”.";

    #[test]
    fn outputs_and_records_are_serde_json_bytes() {
        let report = analyze(TEXT, &Options::default());
        assert!(report.sentences.iter().any(|s| !s.quotes.is_empty()));
        assert!(report.sentences.iter().any(|s| !s.quantities.is_empty()));
        let gates = [GateResult {
            gate: "max-count unlabeled=0".into(),
            value: 2.0,
            limit: 0.0,
            passed: false,
        }];
        for body in [Body::Report(&report), Body::Summary(&report)] {
            for gates in [None, Some(&gates[..])] {
                let output = Output { body, gates };
                let pretty = serde_json::to_string_pretty(&output).unwrap();
                assert_eq!(self::output(true, &output), pretty);
                let compact = serde_json::to_string(&output).unwrap();
                assert_eq!(self::output(false, &output), compact);
                let mut extra = Map::new();
                extra.insert("lang".into(), Value::from("en"));
                extra.insert("odd \"key\"\n".into(), serde_json::json!({"a": [1, null]}));
                let id = serde_json::json!({"feed": "x", "n": 3});
                let record = Record {
                    line: 12,
                    id: &id,
                    output,
                    extra: &extra,
                };
                let expected = serde_json::to_string(&record).unwrap();
                let mut got = Vec::new();
                Json::new(false).record(&record, &mut got).unwrap();
                assert_eq!(String::from_utf8(got).unwrap(), expected);
            }
        }
    }

    #[test]
    fn texts_reaching_out_of_a_clean_sentence_are_escaped() {
        // The quote starts in a sentence with nothing to escape; its
        // speaker, in the next sentence, has a tab: it is tested on its own.
        let text = "“We are ready. The crews are too,” said Mayor Ana\tRuiz. \"Fine\" \\ ok.";
        let report = analyze(text, &Options::default());
        let first = &report.sentences[0];
        assert!(!first.text.contains('\t'));
        assert_eq!(first.quotes[0].speaker, Some("Mayor Ana\tRuiz"));
        let output = Output::of(&report);
        assert_eq!(
            self::output(false, &output),
            serde_json::to_string(&output).unwrap()
        );
    }

    #[test]
    fn a_long_report_is_written_in_pieces_with_the_same_bytes() {
        let text = [TEXT; 60].join("\n\n");
        let report = analyze(&text, &Options::default());
        let output = Output::of(&report);
        let expected = serde_json::to_string_pretty(&output).unwrap();
        assert!(expected.len() > 4 << 16, "{}", expected.len());
        let mut out = Pieces::default();
        Json::new(true).output(&output, &mut out).unwrap();
        assert!(out.writes >= 4, "{} writes", out.writes);
        assert!(out.bytes == expected.as_bytes());
    }

    #[test]
    fn every_fixture_is_written_as_serde_json_writes_it() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
        let mut dirs = vec![root];
        let mut seen = 0;
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    dirs.push(path);
                } else if path.extension().is_some_and(|e| e == "txt") {
                    let text = std::fs::read_to_string(&path).unwrap();
                    let report = analyze(&text, &Options::default());
                    let output = Output::of(&report);
                    let expected = serde_json::to_string_pretty(&output).unwrap();
                    let got = self::output(true, &output);
                    assert!(got == expected, "{}", path.display());
                    seen += 1;
                }
            }
        }
        assert!(seen >= 10, "only {seen} fixtures");
    }
}
