//! Positions in the input.
//!
//! Every span presslens reports is a byte range into the original input
//! (`&input[start..end]`), plus the same range counted in Unicode scalar
//! values (`char_start`/`char_end`) for Python and JavaScript consumers.
//! Detectors work in bytes only; [`CharMap`] fills in the char offsets once,
//! when the report is assembled.

use serde::Serialize;
use std::cell::OnceCell;
use std::ops::Range;

/// A byte range with its char-offset twin.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub char_start: usize,
    pub char_end: usize,
}

impl Span {
    /// A span known in bytes only; char offsets are filled by [`CharMap::fill`].
    pub fn bytes(range: Range<usize>) -> Span {
        Span {
            start: range.start,
            end: range.end,
            char_start: 0,
            char_end: 0,
        }
    }

    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.end == self.start
    }
}

/// Byte offset to char offset conversion in O(1) amortised per lookup.
///
/// ASCII input (the common case) maps bytes to chars one to one. Otherwise a
/// checkpoint every `CharMap::STRIDE` (64) bytes stores the char count so far, and
/// a lookup counts the chars in at most one stride: memory stays at a few
/// percent of the input instead of four bytes per byte.
pub struct CharMap<'a> {
    text: &'a str,
    /// Built on the first lookup: most spans lie inside their sentence and
    /// are filled by [`Local`], so a long text often never needs the map.
    /// `None` inside when the text is ASCII.
    checkpoints: OnceCell<Option<Vec<u32>>>,
}

impl<'a> CharMap<'a> {
    const STRIDE: usize = 64;

    pub fn new(text: &'a str) -> CharMap<'a> {
        CharMap {
            text,
            checkpoints: OnceCell::new(),
        }
    }

    fn checkpoints(&self) -> Option<&[u32]> {
        self.checkpoints
            .get_or_init(|| {
                let bytes = self.text.as_bytes();
                if bytes.is_ascii() {
                    return None;
                }
                let mut checkpoints = Vec::with_capacity(bytes.len() / Self::STRIDE + 1);
                let mut count = 0u32;
                for chunk in bytes.chunks(Self::STRIDE) {
                    checkpoints.push(count);
                    // A byte starts a char unless it is a UTF-8 continuation byte.
                    count += chunk.iter().filter(|&&b| (b as i8) >= -0x40).count() as u32;
                }
                Some(checkpoints)
            })
            .as_deref()
    }

    /// The char offset of a byte offset that lies on a char boundary.
    pub fn char_offset(&self, byte: usize) -> usize {
        let Some(checkpoints) = self.checkpoints() else {
            return byte;
        };
        let block = byte / Self::STRIDE;
        let base = block * Self::STRIDE;
        let Some(&count) = checkpoints.get(block) else {
            // byte == text.len() on a stride boundary
            return self.text.chars().count();
        };
        count as usize
            + self.text.as_bytes()[base..byte]
                .iter()
                .filter(|&&b| (b as i8) >= -0x40)
                .count()
    }

    pub fn fill(&self, span: &mut Span) {
        span.char_start = self.char_offset(span.start);
        span.char_end = self.char_offset(span.end);
    }

    /// A filler for spans that mostly lie inside or near `within` (a
    /// sentence whose text is `text` and whose `char_start` is filled; the
    /// filler works out its `char_end`, see [`Local::within`]).
    pub fn local<'m>(&'m self, within: Span, text: &str) -> Local<'m, 'a> {
        let mut local = Local {
            map: self,
            within,
            wide: [(0, 0); Local::WIDE],
            wide_len: 0,
        };
        local.scan(text.as_bytes());
        local.within.char_end = if local.wide_len <= Local::WIDE {
            let extra = local.wide[..local.wide_len].last().map_or(0, |&(_, e)| e);
            within.char_start + text.len() - extra as usize
        } else {
            within.char_start + text.chars().count()
        };
        local
    }

    /// The text the map counts in.
    pub fn text(&self) -> &'a str {
        self.text
    }

    pub fn span(&self, range: Range<usize>) -> Span {
        let mut span = Span::bytes(range);
        self.fill(&mut span);
        span
    }
}

/// Char offsets of increasing byte offsets (the sentences of a text, in
/// order), each counted from the previous one: the text is read once.
#[derive(Debug, Default)]
pub struct Cursor {
    byte: usize,
    chars: usize,
}

impl Cursor {
    /// The char offset of `byte`, a char boundary of `text`; a byte before
    /// the previous one starts the count again from the text's start.
    pub fn char_offset(&mut self, text: &str, byte: usize) -> usize {
        if byte < self.byte {
            *self = Cursor::default();
        }
        self.chars += text[self.byte..byte].chars().count();
        self.byte = byte;
        self.chars
    }

    pub fn fill(&mut self, text: &str, span: &mut Span) {
        span.char_start = self.char_offset(text, span.start);
        span.char_end = self.char_offset(text, span.end);
    }

    /// Moves the cursor to `byte`, whose char offset the caller knows.
    pub fn set(&mut self, byte: usize, chars: usize) {
        self.byte = byte;
        self.chars = chars;
    }
}

/// The length of the UTF-8 sequence that `lead` starts.
fn utf8_len(lead: u8) -> usize {
    match lead {
        0xF0.. => 4,
        0xE0.. => 3,
        0xC0.. => 2,
        _ => 1,
    }
}

/// See [`CharMap::local`]: the chars of a span inside the sentence are its
/// bytes less the extra bytes of the few multi-byte chars before it (curly
/// quotes, dashes), without reading the text again; a span just outside is
/// counted from the sentence's ends; others, and sentences with many
/// multi-byte chars, go to the whole map.
pub struct Local<'m, 'a> {
    map: &'m CharMap<'a>,
    within: Span,
    /// Each multi-byte char of the sentence: its byte offset in the
    /// sentence, and the extra bytes (beyond one a char) up to its end.
    wide: [(u32, u32); Local::WIDE],
    /// How many of `wide` are used; `usize::MAX` when they did not fit.
    wide_len: usize,
}

impl Local<'_, '_> {
    const WIDE: usize = 16;

    /// Records the multi-byte chars of the sentence's `bytes`.
    fn scan(&mut self, bytes: &[u8]) {
        // ASCII by the word, which most sentences are.
        if bytes.is_ascii() {
            return;
        }
        if bytes.len() > u32::MAX as usize {
            self.wide_len = usize::MAX;
            return;
        }
        let mut extra = 0;
        let mut at = 0;
        while let Some(i) = bytes[at..].iter().position(|&b| b >= 0x80) {
            let i = at + i;
            if self.wide_len == Self::WIDE {
                self.wide_len = usize::MAX;
                break;
            }
            let len = utf8_len(bytes[i]);
            extra += len as u32 - 1;
            self.wide[self.wide_len] = (i as u32, extra);
            self.wide_len += 1;
            at = i + len;
        }
    }

    /// The sentence, with its `char_end` filled.
    pub fn within(&self) -> Span {
        self.within
    }

    #[inline]
    pub fn fill(&self, span: &mut Span) {
        let w = &self.within;
        // The common case inline: an ASCII sentence and a span inside it.
        if self.wide_len == 0 && w.start <= span.start && span.end <= w.end {
            span.char_start = w.char_start + (span.start - w.start);
            span.char_end = w.char_start + (span.end - w.start);
            return;
        }
        span.char_start = self.offset(span.start);
        span.char_end = self.offset(span.end);
    }

    /// The char offset of the char boundary `byte`: from the table inside
    /// the sentence, by counting the chars between it and the sentence
    /// when it lies near (a quote that runs over several sentences), and
    /// from the whole map otherwise.
    fn offset(&self, byte: usize) -> usize {
        /// How far from the sentence counting beats the map: `chars().count()`
        /// reads a few bytes an instruction, the map's lookup reads up to
        /// a stride a byte at a time but is built once over the whole text.
        const NEAR: usize = 4096;
        let w = &self.within;
        let text = self.map.text;
        if w.start <= byte && byte <= w.end {
            if self.wide_len <= Self::WIDE {
                return self.char_offset(byte - w.start);
            }
        } else if byte < w.start && w.start - byte <= NEAR {
            return w.char_start - text[byte..w.start].chars().count();
        } else if byte > w.end && byte - w.end <= NEAR {
            return w.char_end + text[w.end..byte].chars().count();
        }
        self.map.char_offset(byte)
    }

    /// The char offset of a char boundary `at` bytes into the sentence.
    fn char_offset(&self, at: usize) -> usize {
        let extra = self.wide[..self.wide_len]
            .iter()
            .take_while(|&&(i, _)| (i as usize) < at)
            .last()
            .map_or(0, |&(_, extra)| extra as usize);
        self.within.char_start + at - extra
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_is_identity() {
        let map = CharMap::new("hello world");
        assert_eq!(map.char_offset(5), 5);
        assert_eq!(map.char_offset(11), 11);
    }

    #[test]
    fn multibyte_counts_scalars() {
        let text = "a“b”c — é😀z";
        let map = CharMap::new(text);
        for (chars, (byte, _)) in text.char_indices().enumerate() {
            assert_eq!(map.char_offset(byte), chars);
        }
        assert_eq!(map.char_offset(text.len()), text.chars().count());
    }

    #[test]
    fn long_text_crosses_checkpoints() {
        let text = "é".repeat(1000) + "end";
        let map = CharMap::new(&text);
        assert_eq!(map.char_offset(2000), 1000);
        assert_eq!(map.char_offset(text.len()), 1003);
        let span = map.span(512..2002);
        assert_eq!((span.char_start, span.char_end), (256, 1002));
    }

    #[test]
    fn local_fill_agrees_with_the_map() {
        let text = "é “quoted” — then plain ascii words here. and é again 😀 ok";
        let map = CharMap::new(text);
        let many = "“".repeat(17) + "x";
        let crowded = format!("{text} {many}");
        let crowded_map = CharMap::new(&crowded);
        for (within, piece) in [
            (15..42, "plain ascii"),
            (0..20, "“quoted”"),
            (15..42, "é again"),
            (0..text.len(), "é"),
            (0..text.len(), "— then"),
            (0..text.len(), "😀 ok"),
            (3..text.len(), "quoted”"),
        ] {
            let mut w = Span::bytes(within.clone());
            map.fill(&mut w);
            let local = map.local(w, &text[within]);
            let start = text.find(piece).unwrap();
            let mut got = Span::bytes(start..start + piece.len());
            local.fill(&mut got);
            assert_eq!(got, map.span(start..start + piece.len()), "{piece}");
        }
        // More multi-byte chars than the local table holds: the whole map.
        let mut w = crowded_map.span(0..crowded.len());
        let local = crowded_map.local(w, &crowded);
        let at = crowded.len() - 1;
        w = Span::bytes(at..crowded.len());
        local.fill(&mut w);
        assert_eq!(w, crowded_map.span(at..crowded.len()));
    }

    #[test]
    fn local_char_end_is_the_sentence_length_in_chars() {
        let wide = "“é”".repeat(7); // 21 multi-byte chars: more than the table holds
        let text = format!("Plain. Curly “quote” — é. {wide} end. Last 😀.");
        let map = CharMap::new(&text);
        let mut at = 0;
        for piece in [
            "Plain.",
            "Curly “quote” — é.",
            &format!("{wide} end."),
            "Last 😀.",
        ] {
            let start = text[at..].find(piece).unwrap() + at;
            at = start + piece.len();
            let mut within = Span::bytes(start..at);
            within.char_start = map.char_offset(start);
            let local = map.local(within, piece);
            assert_eq!(local.within().char_end, map.char_offset(at), "{piece}");
        }
    }

    #[test]
    fn spans_near_and_far_outside_the_sentence() {
        let filler = "é—x ".repeat(700); // 4,200 chars, 4,900 bytes
        let text = format!("“Start {filler} middle” mid. The sentence “here”. After {filler} end.");
        let map = CharMap::new(&text);
        let start = text.find("The sentence").unwrap();
        let end = text.find("After").unwrap() - 1;
        let mut within = Span::bytes(start..end);
        within.char_start = map.char_offset(start);
        let local = map.local(within, &text[start..end]);
        let boundaries: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        // Every char boundary, inside, near and far on both sides.
        for &b in boundaries
            .iter()
            .step_by(7)
            .chain([&start, &end, &text.len()])
        {
            let mut span = Span::bytes(b.min(start)..b.max(end));
            local.fill(&mut span);
            assert_eq!(span, map.span(b.min(start)..b.max(end)), "{b}");
        }
    }

    #[test]
    fn map_is_built_only_when_asked() {
        let map = CharMap::new("é and more");
        assert!(map.checkpoints.get().is_none());
        assert_eq!(map.char_offset(3), 2);
        assert!(map.checkpoints.get().is_some());
    }

    #[test]
    fn cursor_counts_forward_and_restarts_backward() {
        let text = "a“b”c — é😀z";
        let map = CharMap::new(text);
        let mut cursor = Cursor::default();
        let bytes: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        for &b in bytes.iter().chain(bytes.iter().rev()) {
            assert_eq!(cursor.char_offset(text, b), map.char_offset(b), "byte {b}");
        }
        assert_eq!(cursor.char_offset(text, text.len()), 11);
    }
}
