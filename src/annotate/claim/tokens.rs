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

/// Tokenises `text[range]` into `out` (cleared first). Linear in the range.
pub fn tokenize(text: &str, range: std::ops::Range<usize>, quotes: &QuoteMap, out: &mut Vec<Tok>) {
    out.clear();
    let slice = &text[range.clone()];
    let base = range.start;
    // Quoted ranges are sorted: walk them with a cursor.
    let mut qi = quotes.quoted.partition_point(|r| r.end <= base);
    let char_at = |i: usize| char_at(slice, i);
    let mut i = 0;
    while let Some(c) = char_at(i) {
        let start = base + i;
        let end;
        let punct;
        i += c.len_utf8();
        if c.is_alphanumeric() {
            while let Some(d) = char_at(i) {
                let next = i + d.len_utf8();
                // An inner joiner needs a letter or digit right after it.
                if d.is_alphanumeric()
                    || (joins(d) && char_at(next).is_some_and(char::is_alphanumeric))
                {
                    i = next;
                    continue;
                }
                break;
            }
            end = base + i;
            punct = None;
        } else if c.is_whitespace() {
            continue;
        } else {
            end = base + i;
            punct = Some(c);
        }
        while quotes.quoted.get(qi).is_some_and(|r| r.end <= start) {
            qi += 1;
        }
        let quoted = quotes.quoted.get(qi).is_some_and(|r| r.start <= start);
        out.push(Tok {
            start,
            end,
            punct,
            quoted,
            cap: c.is_uppercase(),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
