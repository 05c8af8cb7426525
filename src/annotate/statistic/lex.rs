//! Tokens of one sentence: numbers (with their separators), words and single
//! symbols, each with its byte range and whether white space precedes it.

use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Digits with thousands separators and a decimal part: `41,000`, `4.5`.
    Num,
    /// A run of letters.
    Word,
    /// Any other single character that is not white space.
    Sym,
}

/// What a number token looks like.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct NumInfo {
    pub value: f64,
    /// Thousands separators (`41,000`, `41 000`).
    pub sep: bool,
    pub decimal: bool,
    /// More than one dot (`1.2.3`): a version or an identifier.
    pub dotted: bool,
    /// Digits before the decimal point, separators not counted.
    pub int_digits: usize,
    /// Starts with `0` and has more digits (`007`).
    pub lead_zero: bool,
}

#[derive(Debug, Clone)]
pub struct Tok {
    pub kind: Kind,
    pub start: usize,
    pub end: usize,
    /// White space (or the sentence start) right before the token.
    pub gap: bool,
    /// For words: the lower-cased text's range in [`Tokens::lower`].
    lower: Range<usize>,
    pub num: NumInfo,
    /// For symbols: the character.
    pub ch: char,
}

/// The tokens of one text, with a buffer of lower-cased words.
#[derive(Debug, Default)]
pub struct Tokens<'t> {
    pub text: &'t str,
    pub toks: Vec<Tok>,
    lower: String,
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}'
}

/// White space allowed between digit groups of one number (`41 000`).
fn is_group_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{2009}' | '\u{202f}')
}

/// Length of the run of ASCII digits at the start of `s`.
fn digit_run(s: &[u8]) -> usize {
    s.iter().take_while(|b| b.is_ascii_digit()).count()
}

/// A fixed buffer of number characters.
struct Digits {
    buf: [u8; 48],
    len: usize,
    overflow: bool,
}

impl Default for Digits {
    fn default() -> Self {
        Digits {
            buf: [0; 48],
            len: 0,
            overflow: false,
        }
    }
}

impl Digits {
    fn push(&mut self, s: &str) {
        let b = s.as_bytes();
        if self.len + b.len() > self.buf.len() {
            self.overflow = true;
            self.len += b.len();
            return;
        }
        self.buf[self.len..self.len + b.len()].copy_from_slice(b);
        self.len += b.len();
    }

    fn value(&self) -> f64 {
        if self.overflow {
            return 0.0;
        }
        std::str::from_utf8(&self.buf[..self.len])
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(0.0)
    }
}

/// Reads a number starting at `at` (a digit); returns its end and shape.
fn read_number(text: &str, at: usize) -> (usize, NumInfo) {
    let b = text.as_bytes();
    let first = digit_run(&b[at..]);
    let mut end = at + first;
    // The digits without separators, for parsing; a stack buffer (numbers
    // longer than it are identifiers anyway and parse as 0).
    let mut digits = Digits::default();
    digits.push(&text[at..end]);
    let mut info = NumInfo {
        lead_zero: first > 1 && b[at] == b'0',
        ..NumInfo::default()
    };
    // Thousands groups: `,ddd` or ` ddd`, exactly three digits each, after a
    // first group of one to three digits; one separator kind per number.
    if first <= 3 {
        let mut sep_kind: Option<char> = None;
        while let Some(c) = text[end..].chars().next() {
            let ok = match sep_kind {
                None => c == ',' || is_group_space(c),
                Some(k) => c == k,
            };
            if !ok {
                break;
            }
            let after = end + c.len_utf8();
            if digit_run(&b[after..]) != 3 {
                break;
            }
            // A space-separated group must not be followed by more letters
            // or digits glued to it (`in 2021 100` is two numbers anyway,
            // `5 300s` is not a group).
            if c != ',' && b.get(after + 3).is_some_and(|x| x.is_ascii_alphanumeric()) {
                break;
            }
            sep_kind = Some(c);
            digits.push(&text[after..after + 3]);
            end = after + 3;
            info.sep = true;
        }
    }
    info.int_digits = digits.len;
    // Decimal part; a second dot makes it a version number.
    if b.get(end) == Some(&b'.') && b.get(end + 1).is_some_and(u8::is_ascii_digit) {
        let frac = digit_run(&b[end + 1..]);
        digits.push(".");
        digits.push(&text[end + 1..end + 1 + frac]);
        end += 1 + frac;
        info.decimal = true;
        while b.get(end) == Some(&b'.') && b.get(end + 1).is_some_and(u8::is_ascii_digit) {
            info.dotted = true;
            end += 1 + digit_run(&b[end + 1..]);
        }
    }
    info.value = digits.value();
    (end, info)
}

impl<'t> Tokens<'t> {
    /// Splits `range` of `text` into tokens, reusing `self`'s buffers.
    pub fn fill(&mut self, text: &'t str, range: Range<usize>) {
        self.text = text;
        self.toks.clear();
        // The whole text lower-cased in ASCII at once: a word of ASCII
        // letters is its own stretch of it. Other words are lower-cased
        // after it.
        self.lower.clear();
        self.lower.push_str(&text[range.clone()]);
        self.lower.make_ascii_lowercase();
        let base = range.start;
        let mut gap = true;
        let mut i = range.start;
        let bytes = text.as_bytes();
        while i < range.end {
            // ASCII fast path; other chars are decoded.
            let b = bytes[i];
            let c = if b < 0x80 {
                b as char
            } else {
                text[i..].chars().next().unwrap_or(' ')
            };
            if is_space(c) {
                gap = true;
                i += c.len_utf8();
                continue;
            }
            let mut tok = Tok {
                kind: Kind::Sym,
                start: i,
                end: i + c.len_utf8(),
                gap,
                lower: 0..0,
                num: NumInfo::default(),
                ch: c,
            };
            if c.is_ascii_digit() {
                let (end, info) = read_number(&text[..range.end], i);
                tok.kind = Kind::Num;
                tok.end = end;
                tok.num = info;
            } else if c.is_alphabetic() {
                let mut end = i;
                while end < range.end && bytes[end].is_ascii_alphabetic() {
                    end += 1;
                }
                if end > i && (end == range.end || bytes[end] < 0x80) {
                    tok.kind = Kind::Word;
                    tok.end = end;
                    tok.lower = i - base..end - base;
                    i = end;
                    self.toks.push(tok);
                    gap = false;
                    continue;
                }
                let lo = self.lower.len();
                let mut end = i;
                while end < range.end {
                    let b = bytes[end];
                    if b.is_ascii_alphabetic() {
                        self.lower.push(b.to_ascii_lowercase() as char);
                        end += 1;
                    } else if b >= 0x80 {
                        let ch = text[end..].chars().next().unwrap_or(' ');
                        if !ch.is_alphabetic() {
                            break;
                        }
                        self.lower.extend(ch.to_lowercase());
                        end += ch.len_utf8();
                    } else {
                        break;
                    }
                }
                tok.kind = Kind::Word;
                tok.end = end;
                tok.lower = lo..self.lower.len();
            }
            i = tok.end;
            self.toks.push(tok);
            gap = false;
        }
    }

    pub fn len(&self) -> usize {
        self.toks.len()
    }

    /// The lower-cased text of word `i`, or "" for other tokens and out of range.
    pub fn word(&self, i: usize) -> &str {
        match self.toks.get(i) {
            Some(t) if t.kind == Kind::Word => &self.lower[t.lower.clone()],
            _ => "",
        }
    }

    /// The text of token `i` as written.
    pub fn raw(&self, i: usize) -> &'t str {
        self.toks.get(i).map_or("", |t| &self.text[t.start..t.end])
    }

    pub fn kind(&self, i: usize) -> Option<Kind> {
        self.toks.get(i).map(|t| t.kind)
    }

    /// The character of symbol `i`, if it is one.
    pub fn sym(&self, i: usize) -> Option<char> {
        self.toks
            .get(i)
            .filter(|t| t.kind == Kind::Sym)
            .map(|t| t.ch)
    }

    /// True when token `i` exists and touches the token before it.
    pub fn glued(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| !t.gap)
    }

    /// True when word `i` starts with an upper-case letter.
    pub fn capitalised(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| {
            t.kind == Kind::Word
                && self.text[t.start..]
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase)
        })
    }

    /// True when the whole word `i` is upper case (`USD`, `GDP`).
    pub fn all_caps(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| {
            t.kind == Kind::Word && self.text[t.start..t.end].chars().all(char::is_uppercase)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<(Kind, &str, bool)> {
        let mut t = Tokens::default();
        t.fill(s, 0..s.len());
        t.toks
            .iter()
            .map(|x| (x.kind, &s[x.start..x.end], x.gap))
            .collect()
    }

    fn num(s: &str) -> NumInfo {
        let mut t = Tokens::default();
        t.fill(s, 0..s.len());
        t.toks[0].num
    }

    #[test]
    fn numbers_keep_their_separators() {
        assert_eq!(num("41,000").value, 41000.0);
        assert!(num("41,000").sep);
        assert_eq!(num("41 000 troops").value, 41000.0);
        assert_eq!(num("1,234,567.5").value, 1234567.5);
        assert_eq!(num("4.5").value, 4.5);
        assert!(num("1.2.3").dotted);
        assert!(num("007").lead_zero);
        // Not groups: a list, a four-digit group, a year after a number.
        assert_eq!(num("1,2,3").value, 1.0);
        assert_eq!(num("12,3456").value, 12.0);
        assert_eq!(num("2021 100s").value, 2021.0);
        assert_eq!(num("41,000, and").value, 41000.0);
    }

    /// Every word is a maximal run of letters and its lower-cased text is
    /// `char::to_lowercase` of it, whether it took the ASCII path or not.
    #[test]
    fn words_are_whole_and_lower_cased() {
        let pieces = [
            "abc", "ABC", "Über", "İ", "ß", "ÉTÉ", "x", "Q", "’", "'", " ", "\u{a0}", "7", "4,000",
            "-", "😀", "ǅ", "ΣΑΣ", ".", "\n",
        ];
        let mut rng = crate::annotate::word::XorShift(0x1234_5678_9abc_def1);
        let mut words = 0;
        for _ in 0..5000 {
            let text = rng.text(&pieces, 12, true);
            // Tokens of a stretch inside a longer text too.
            let padded = format!("Ab{text}Cd");
            for (s, range) in [(&text, 0..text.len()), (&padded, 2..2 + text.len())] {
                let mut t = Tokens::default();
                t.fill(s, range.clone());
                for (i, tok) in t.toks.iter().enumerate() {
                    if tok.kind != Kind::Word {
                        continue;
                    }
                    words += 1;
                    let raw = &s[tok.start..tok.end];
                    let lower: String = raw.chars().flat_map(char::to_lowercase).collect();
                    assert_eq!(t.word(i), lower, "{s:?}");
                    assert!(raw.chars().all(char::is_alphabetic), "{s:?}");
                    let after = s[tok.end..range.end].chars().next();
                    assert!(!after.is_some_and(char::is_alphabetic), "{s:?}");
                }
            }
        }
        assert!(words > 10_000, "{words}");
    }

    #[test]
    fn words_symbols_and_gaps() {
        assert_eq!(
            toks("F-16 $4.5m, “É”"),
            vec![
                (Kind::Word, "F", true),
                (Kind::Sym, "-", false),
                (Kind::Num, "16", false),
                (Kind::Sym, "$", true),
                (Kind::Num, "4.5", false),
                (Kind::Word, "m", false),
                (Kind::Sym, ",", false),
                (Kind::Sym, "“", true),
                (Kind::Word, "É", false),
                (Kind::Sym, "”", false),
            ]
        );
        let mut t = Tokens::default();
        t.fill("Über ALLES", 0..10);
        assert_eq!(t.word(0), "über");
        assert!(t.all_caps(1) && t.capitalised(0) && !t.all_caps(0));
        assert_eq!(t.word(7), "");
    }
}
