//! Words and punctuation of one sentence, with byte offsets into the text.

use crate::annotate::QuoteMap;
use crate::annotate::word::char_at;

/// One token: a word (letters and digits, with inner apostrophes, hyphens
/// and dots as in `Biden’s`, `so-called`, `U.S`) or one punctuation char.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tok {
    pub start: usize,
    pub end: usize,
    /// `None` for a word, the char for punctuation.
    pub punct: Option<char>,
    /// Inside quoted material (quotation marks included).
    pub quoted: bool,
    /// First char is upper case.
    pub cap: bool,
}

impl Tok {
    pub fn is_word(&self) -> bool {
        self.punct.is_none()
    }

    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }
}

/// Quotation marks of every style (straight, curly, guillemets, low-9).
pub fn is_quote_mark(c: char) -> bool {
    matches!(
        c,
        '"' | '“' | '”' | '„' | '«' | '»' | '‘' | '’' | '\'' | '‹' | '›'
    )
}

fn joins(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '.' | '‑')
}

/// Byte classes of ASCII for [`tokenize`]: a letter or digit, a blank, an
/// inner joiner, an upper-case letter.
const ALNUM: u8 = 1;
const BLANK: u8 = 2;
const JOIN: u8 = 4;
const UPPER: u8 = 8;

static CLASS: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_alphanumeric() {
            ALNUM | if c.is_ascii_uppercase() { UPPER } else { 0 }
        } else if (c as char).is_whitespace() {
            BLANK
        } else if matches!(c, b'\'' | b'-' | b'.') {
            JOIN
        } else {
            0
        };
        b += 1;
    }
    t
};

/// Dashes, curly quotes, bullets and the like (most of General
/// Punctuation): never a letter, digit, blank or upper case, which the
/// tokeniser then need not look up in the Unicode tables.
#[inline]
fn plain_punct(c: char) -> bool {
    matches!(c, '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205e}')
}

/// The length of the char at byte `i` of `s` when it is a letter or digit.
#[inline]
fn alnum_len(s: &str, i: usize) -> Option<usize> {
    match s.as_bytes().get(i) {
        Some(&b) if b < 0x80 => (CLASS[b as usize] & ALNUM != 0).then_some(1),
        Some(_) => s[i..]
            .chars()
            .next()
            .filter(|c| c.is_alphanumeric())
            .map(char::len_utf8),
        None => None,
    }
}

/// The end of the word that starts at byte `i` of `s` (after its first
/// char): letters and digits, and joiners with a letter or digit after them.
#[inline(always)]
fn word_end(s: &str, mut i: usize) -> usize {
    let b = s.as_bytes();
    while let Some(&d) = b.get(i) {
        if d < 0x80 {
            let class = CLASS[d as usize];
            if class & ALNUM != 0 {
                i += 1;
                continue;
            }
            if class & JOIN != 0
                && let Some(n) = alnum_len(s, i + 1)
            {
                i += 1 + n;
                continue;
            }
            break;
        }
        let Some(c) = char_at(s, i) else { break };
        let next = i + c.len_utf8();
        if !plain_punct(c) && c.is_alphanumeric() {
            i = next;
        } else if joins(c)
            && let Some(n) = alnum_len(s, next)
        {
            i = next + n;
        } else {
            break;
        }
    }
    i
}

/// Tokenises `text[range]` into `out` (cleared first). Linear in the range.
#[cfg(test)]
pub fn tokenize(text: &str, range: std::ops::Range<usize>, quotes: &QuoteMap, out: &mut Vec<Tok>) {
    let from = quotes.quoted.partition_point(|r| r.end <= range.start);
    tokenize_from(text, range, quotes, from, out);
}

/// [`tokenize`], walking the quoted ranges (sorted and disjoint) from index
/// `from`, which must not lie past the first range that ends after
/// `range.start`. Returns such an index for any later range: the caller
/// walks the sentences of a window in order with it, instead of searching
/// the whole map for each.
pub fn tokenize_from(
    text: &str,
    range: std::ops::Range<usize>,
    quotes: &QuoteMap,
    from: usize,
    out: &mut Vec<Tok>,
) -> usize {
    out.clear();
    let slice = &text[range.clone()];
    let bytes = slice.as_bytes();
    let base = range.start;
    // Quoted ranges are sorted: walk them with a cursor.
    let mut qi = from;
    // The range at `qi`; none left reads as one that never starts.
    let mut quote = quotes
        .quoted
        .get(qi)
        .cloned()
        .unwrap_or(usize::MAX..usize::MAX);
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let start = base + i;
        let (end, punct, cap);
        if b < 0x80 {
            let class = CLASS[b as usize];
            if class & BLANK != 0 {
                i += 1;
                continue;
            }
            if class & ALNUM != 0 {
                i = word_end(slice, i + 1);
                punct = None;
            } else {
                i += 1;
                punct = Some(b as char);
            }
            cap = class & UPPER != 0;
        } else {
            let Some(c) = char_at(slice, i) else { break };
            i += c.len_utf8();
            let plain = plain_punct(c);
            if plain {
                punct = Some(c); // `“`, `’`, `—`: no table lookups
            } else if c.is_alphanumeric() {
                i = word_end(slice, i);
                punct = None;
            } else if c.is_whitespace() {
                continue;
            } else {
                punct = Some(c);
            }
            cap = !plain && c.is_uppercase();
        }
        end = base + i;
        while quote.end <= start {
            qi += 1;
            quote = quotes
                .quoted
                .get(qi)
                .cloned()
                .unwrap_or(usize::MAX..usize::MAX);
        }
        let quoted = quote.start <= start;
        out.push(Tok {
            start,
            end,
            punct,
            quoted,
            cap,
        });
    }
    qi
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The char-by-char tokeniser the class table replaced: the reference
    /// [`tokenize`] must agree with.
    fn tokenize_reference(text: &str, quotes: &QuoteMap) -> Vec<Tok> {
        let mut out = Vec::new();
        let mut qi = 0;
        let char_at = |i: usize| char_at(text, i);
        let mut i = 0;
        while let Some(c) = char_at(i) {
            let start = i;
            let punct;
            i += c.len_utf8();
            if c.is_alphanumeric() {
                while let Some(d) = char_at(i) {
                    let next = i + d.len_utf8();
                    if d.is_alphanumeric()
                        || (joins(d) && char_at(next).is_some_and(char::is_alphanumeric))
                    {
                        i = next;
                        continue;
                    }
                    break;
                }
                punct = None;
            } else if c.is_whitespace() {
                continue;
            } else {
                punct = Some(c);
            }
            while quotes.quoted.get(qi).is_some_and(|r| r.end <= start) {
                qi += 1;
            }
            let quoted = quotes.quoted.get(qi).is_some_and(|r| r.start <= start);
            out.push(Tok {
                start,
                end: i,
                punct,
                quoted,
                cap: c.is_uppercase(),
            });
        }
        out
    }

    /// The table-driven tokeniser and the reference agree on every fixture
    /// text and on random strings of joiners, blanks, letters of every
    /// script and controls.
    #[test]
    fn agrees_with_the_reference_tokeniser() {
        let mut texts = super::super::fixture_texts();
        const PIECES: &[&str] = &[
            "a", "Z", "9", "é", "É", "ß", "ǅ", "٣", "Ⅻ", "中", "😀", "'", "’", "-", ".", "‑", "—",
            " ", "\t", "\n", "\u{a0}", "\u{2003}", "\u{1c}", "\u{85}", "\"", "“", ",", "_",
            "\u{301}", "x-", "-y", "U.S.", "don't", "'s", "q’", "\u{7f}",
        ];
        let mut rng = crate::annotate::word::XorShift(0x1234_5678_9abc_def1);
        texts.extend((0..4000).map(|_| rng.text(PIECES, 30, false)));
        let mut out = Vec::new();
        for text in &texts {
            // Every third char quoted, so the quote cursor is exercised too.
            let mut map = QuoteMap::default();
            for (n, (i, c)) in text.char_indices().enumerate() {
                if n % 3 == 0 {
                    map.quoted.push(i..i + c.len_utf8());
                }
            }
            tokenize(text, 0..text.len(), &map, &mut out);
            assert_eq!(out, tokenize_reference(text, &map), "{text:?}");
        }
    }

    /// Walking the sentences in order with the returned cursor tokenises
    /// each as a fresh search of the quote map does.
    #[test]
    fn cursor_walk_agrees_with_a_search_per_sentence() {
        let (mut walked, mut searched) = (Vec::new(), Vec::new());
        let mut sentences = 0;
        for text in super::super::fixture_texts() {
            let map = super::super::rules::tests::quotes_of(&text);
            let mut at = 0;
            for s in &crate::segment::segment(&text).sentences {
                at = tokenize_from(&text, s.range.clone(), &map, at, &mut walked);
                tokenize(&text, s.range.clone(), &map, &mut searched);
                assert_eq!(walked, searched, "{:?}", &text[s.range.clone()]);
                sentences += 1;
            }
        }
        assert!(sentences > 100, "{sentences}");
    }

    #[test]
    fn plain_punctuation_is_no_letter_digit_blank_or_capital() {
        let plain: Vec<char> = (0..=0x10ffff)
            .filter_map(char::from_u32)
            .filter(|&c| plain_punct(c))
            .collect();
        assert_eq!(plain.len(), 24 + 47);
        for c in plain {
            assert!(
                !c.is_alphanumeric() && !c.is_whitespace() && !c.is_uppercase(),
                "{c:?}"
            );
        }
    }

    fn words(text: &str, quotes: &QuoteMap) -> Vec<(String, bool)> {
        let mut out = Vec::new();
        tokenize(text, 0..text.len(), quotes, &mut out);
        out.iter()
            .map(|t| (t.text(text).to_string(), t.quoted))
            .collect()
    }

    #[test]
    fn joins_apostrophes_hyphens_and_abbreviations() {
        let text = "Biden’s so-called U.S. aides didn't.";
        let got: Vec<String> = words(text, &QuoteMap::default())
            .into_iter()
            .map(|w| w.0)
            .collect();
        assert_eq!(
            got,
            ["Biden’s", "so-called", "U.S", ".", "aides", "didn't", "."]
        );
    }

    #[test]
    fn marks_quoted_tokens() {
        let text = "He said “no way” today.";
        let open = text.find('“').unwrap();
        let close = text.find('”').unwrap() + '”'.len_utf8();
        let mut map = QuoteMap::default();
        map.quoted.push(open..close);
        let got = words(text, &map);
        let quoted: Vec<&str> = got.iter().filter(|w| w.1).map(|w| w.0.as_str()).collect();
        assert_eq!(quoted, ["“", "no", "way", "”"]);
    }

    #[test]
    fn spans_slice_the_text() {
        let text = "Ünïcode — «quoted» 😀 words";
        let mut out = Vec::new();
        tokenize(text, 0..text.len(), &QuoteMap::default(), &mut out);
        for t in &out {
            assert!(!t.text(text).is_empty());
        }
        assert_eq!(out[0].text(text), "Ünïcode");
    }
}
