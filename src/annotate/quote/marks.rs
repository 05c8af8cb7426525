//! Pairing quotation marks inside one paragraph, in linear time.
//!
//! Two passes. The first pairs double marks (`"…"`, `“…”`, `„…“`, `«…»`,
//! TeX-style `''…''`), ignoring every single mark. The second pairs single
//! marks (`'…'`, `‘…’`) in the text *outside* the double pairs, telling
//! apostrophes (`Biden's`, `States'`, `'90s`, `rock 'n' roll`, `’til`) from
//! quote marks by what flanks them. A double pair inside a single pair (British
//! style: `‘He said “no”’`) is nested and dropped. Each pass keeps at most one
//! open mark: a new opener while one is open ends the open one there, unclosed,
//! so an unbalanced mark never swallows more than its paragraph.

use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    Double,
    Single,
}

/// One quotation: marks and the quoted text between them (absolute offsets).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pair {
    /// Opening mark.
    pub open: Range<usize>,
    /// Closing mark; `None` when the quote ends unclosed.
    pub close: Option<Range<usize>>,
    /// End of an unclosed quote (the paragraph end or the next opener).
    pub end: usize,
    pub family: Family,
}

impl Pair {
    /// The quoted text, without marks.
    pub fn inner(&self) -> Range<usize> {
        self.open.end..self.close.as_ref().map_or(self.end, |c| c.start)
    }

    /// The quoted text with its marks.
    pub fn outer(&self) -> Range<usize> {
        self.open.start..self.close.as_ref().map_or(self.end, |c| c.end)
    }
}

/// Characters that may precede an opening mark.
fn opens_after(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '(' | '[' | '{' | '—' | '–' | '-' | '/' | '“' | '‘' | '"' | '\'' | '«' | '„' | ':'
        )
}

/// Characters that may follow a closing mark.
fn closes_before(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '.' | ','
                | ';'
                | ':'
                | '!'
                | '?'
                | ')'
                | ']'
                | '}'
                | '—'
                | '–'
                | '-'
                | '/'
                | '…'
                | '”'
                | '’'
                | '"'
                | '\''
                | '»'
        )
}

/// (can open, can close) for a mark between `prev` and `next`.
fn flanks(prev: Option<char>, next: Option<char>) -> (bool, bool) {
    // At a paragraph start a mark opens even before a space (`” … what`).
    let open =
        prev.is_none() || next.is_some_and(|c| !c.is_whitespace()) && prev.is_some_and(opens_after);
    let close = prev.is_some_and(|c| !c.is_whitespace()) && next.is_none_or(closes_before);
    (open, close)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Double {
    /// `"` or `''`: opens or closes by position.
    Straight,
    /// `“`
    Left,
    /// `”`
    Right,
    /// `„`, `«`, two backticks: always open.
    Opener,
    /// `»`
    Closer,
}

/// Pairs the quotation marks of `text[para]`.
#[cfg(test)]
pub fn pair(text: &str, para: Range<usize>) -> Vec<Pair> {
    let mut out = Vec::new();
    Pairer::default().pair_into(text, para, &mut out);
    out
}

/// Buffers reused across the paragraphs of a text.
#[derive(Default)]
pub struct Pairer {
    /// The paragraph's marks and apostrophes ([`candidates`]), read once
    /// for both passes.
    cands: Vec<(usize, char)>,
    doubles: Vec<Pair>,
    singles: Vec<Pair>,
}

impl Pairer {
    /// Pairs the quotation marks of `text[para]`, appended to `out`.
    pub fn pair_into(&mut self, text: &str, para: Range<usize>, out: &mut Vec<Pair>) {
        self.cands.clear();
        self.cands.extend(candidates(&text[para.clone()]));
        if self.cands.is_empty() {
            return;
        }
        let doubles = &mut self.doubles;
        let singles = &mut self.singles;
        doubles.clear();
        singles.clear();
        pair_doubles(text, para.clone(), &self.cands, doubles);
        pair_singles(text, para, &self.cands, doubles, singles);
        if singles.is_empty() {
            out.append(doubles);
            return;
        }
        // Drop double pairs nested in a single pair; both lists are sorted.
        let mut s = 0;
        for d in doubles.drain(..) {
            while s < singles.len() && singles[s].outer().end <= d.open.start {
                out.push(singles[s].clone());
                s += 1;
            }
            let nested = singles
                .get(s)
                .is_some_and(|p| p.outer().start <= d.open.start && d.outer().end <= p.outer().end);
            if !nested {
                out.push(d);
            }
        }
        out.extend_from_slice(&singles[s..]);
    }
}

/// The double pairs of `text[para]` into `out`, from the paragraph's
/// [`candidates`].
fn pair_doubles(text: &str, para: Range<usize>, cands: &[(usize, char)], out: &mut Vec<Pair>) {
    let body = &text[para.clone()];
    // (mark range, mark kind, is a `„`)
    let mut open: Option<(Range<usize>, bool)> = None;
    let mut skip_to = 0;
    for &(i, c) in cands {
        if i < skip_to {
            continue;
        }
        let prev = body[..i].chars().next_back();
        let next = body[i + c.len_utf8()..].chars().next();
        let (kind, len) = match (c, next) {
            ('"', _) => (Double::Straight, 1),
            ('“', _) => (Double::Left, 3),
            ('”', _) => (Double::Right, 3),
            ('„' | '«', _) => (Double::Opener, c.len_utf8()),
            ('»', _) => (Double::Closer, 2),
            ('\'', Some('\'')) => (Double::Straight, 2),
            ('`', Some('`')) => (Double::Opener, 2),
            _ => continue,
        };
        skip_to = i + len;
        let after = body[i + len..].chars().next();
        let (can_open, can_close) = flanks(prev, after);
        let at = para.start + i;
        let mark = at..at + len;
        match open.take() {
            Some((o, low)) => {
                let reopen = match kind {
                    Double::Straight => can_open && !can_close,
                    Double::Left => !low && (can_open || !can_close),
                    Double::Opener => true,
                    Double::Right | Double::Closer => false,
                };
                if reopen {
                    out.push(unclosed(text, o, at, Family::Double));
                    open = Some((mark, c == '„'));
                } else {
                    out.push(Pair {
                        open: o,
                        close: Some(mark.clone()),
                        end: mark.end,
                        family: Family::Double,
                    });
                }
            }
            None => {
                let opens = match kind {
                    Double::Straight | Double::Left => can_open || !can_close,
                    Double::Right => can_open && !can_close,
                    Double::Opener => true,
                    Double::Closer => false,
                };
                if opens {
                    open = Some((mark, c == '„'));
                }
            }
        }
    }
    if let Some((o, _)) = open {
        out.push(unclosed(text, o, para.end, Family::Double));
    }
}

/// An unclosed quote from mark `open` to `end`, trailing space trimmed.
fn unclosed(text: &str, open: Range<usize>, end: usize, family: Family) -> Pair {
    let trimmed = text[open.end..end].trim_end().len();
    Pair {
        end: open.end + trimmed,
        open,
        close: None,
        family,
    }
}

/// The quotation marks and apostrophes of `body`, found by their first byte
/// without decoding the text around them: every byte that can start one
/// (`"`, `'`, `` ` ``, 0xC2 and 0xE2) is visited in order, found with
/// memchr (the rare `` ` `` and 0xC2 in a second scan kept one step ahead).
fn candidates(body: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    let bytes = body.as_bytes();
    let mut pos = 0;
    // The next `` ` `` or 0xC2 at or after `pos` (the end when none).
    let mut rare = None;
    std::iter::from_fn(move || {
        while pos < bytes.len() {
            let next = |k: Option<usize>| k.map_or(bytes.len(), |k| pos + k);
            let r = match rare {
                Some(r) if r >= pos => r,
                _ => *rare.insert(next(memchr::memchr2(b'`', 0xC2, &bytes[pos..]))),
            };
            let i = next(memchr::memchr3(b'"', b'\'', 0xE2, &bytes[pos..])).min(r);
            if i >= bytes.len() {
                break;
            }
            pos = i + 1;
            let c = body[i..].chars().next()?;
            if matches!(
                c,
                '"' | '\'' | '`' | '“' | '”' | '„' | '«' | '»' | '‘' | '’' | '‚' | '‹' | '›'
            ) {
                return Some((i, c));
            }
        }
        pos = bytes.len();
        None
    })
}

/// The memchr scan visits the same marks as a byte-by-byte filter.
#[cfg(test)]
fn candidates_by_byte(body: &str) -> Vec<(usize, char)> {
    body.char_indices()
        .filter(|&(_, c)| {
            matches!(
                c,
                '"' | '\'' | '`' | '“' | '”' | '„' | '«' | '»' | '‘' | '’' | '‚' | '‹' | '›'
            )
        })
        .collect()
}

fn is_single(c: char) -> bool {
    matches!(c, '\'' | '‘' | '’' | '‚' | '‹' | '›')
}

/// The lower-cased word starting at `text[at..]` is an elided word (`'til`).
fn elided_word(text: &str) -> bool {
    let word: String = text
        .chars()
        .take_while(|c| c.is_alphabetic())
        .take(6)
        .flat_map(char::to_lowercase)
        .collect();
    !word.is_empty() && super::words::is(&word, super::words::ELISION)
}

/// The single pairs of `text[para]` outside `doubles` into `out`.
fn pair_singles(
    text: &str,
    para: Range<usize>,
    cands: &[(usize, char)],
    doubles: &[Pair],
    out: &mut Vec<Pair>,
) {
    let body = &text[para.clone()];
    let first = body.len() - body.trim_start().len();
    let mut open: Option<Range<usize>> = None;
    let mut d = 0;
    // Set after `'n`: the mark closing `'n'` is an apostrophe.
    let mut skip_at = usize::MAX;
    for &(i, c) in cands {
        let at = para.start + i;
        while d < doubles.len() && doubles[d].outer().end <= at {
            d += 1;
        }
        if doubles.get(d).is_some_and(|p| p.outer().start <= at) || !is_single(c) || at == skip_at {
            continue;
        }
        let prev_c = body[..i].chars().next_back();
        let next = body[i + c.len_utf8()..].chars().next();
        let rest = &text[at + c.len_utf8()..para.end];
        if prev_c.is_some_and(char::is_alphanumeric) && next.is_some_and(char::is_alphanumeric) {
            continue; // don't, Biden's
        }
        let (can_open, can_close) = flanks(prev_c, next);
        if can_open {
            // rock 'n' roll
            let mut chars = rest.chars();
            if chars.next() == Some('n') && chars.next().is_some_and(is_single) {
                skip_at = at + c.len_utf8() + 1;
                continue;
            }
            if next.is_some_and(|n| n.is_ascii_digit()) || elided_word(rest) {
                continue; // '90s, ’til
            }
        }
        if can_open && !can_close {
            if c == '’' && open.is_some() {
                continue;
            }
            open = Some(at..at + c.len_utf8());
        } else if can_close {
            let Some(o) = open.clone() else {
                continue; // States', goin'
            };
            if prev_c.is_some_and(|p| p == 's' || p == 'S') && possessive_follows(rest) {
                continue; // ‘the States’ rights’
            }
            open = None;
            out.push(Pair {
                open: o,
                close: Some(at..at + c.len_utf8()),
                end: at + c.len_utf8(),
                family: Family::Single,
            });
        }
    }
    if let Some(o) = open
        && o.start == para.start + first
    {
        out.push(unclosed(text, o, para.end, Family::Single));
    }
}

/// After `s’`: a space and a lower-case word (`States’ rights`), so the mark
/// is a plural possessive.
fn possessive_follows(rest: &str) -> bool {
    let mut chars = rest.chars();
    chars.next() == Some(' ') && chars.next().is_some_and(char::is_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn candidates_match_a_scan_of_every_char() {
        let mut texts = vec![
            String::new(),
            "plain text".into(),
            "\"a\" 'b' `c` “d” „e“ «f» ‘g’ ‚h‘ ‹i› — ½ ¿ é ’".into(),
            "`\u{a0}`\u{c2}x\u{80}\u{e2}\u{2014}\"".into(),
            "x’s ''``\"\"".repeat(50),
        ];
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
        for dir in std::fs::read_dir(root).unwrap() {
            for f in std::fs::read_dir(dir.unwrap().path()).into_iter().flatten() {
                texts.extend(std::fs::read_to_string(f.unwrap().path()));
            }
        }
        assert!(texts.len() > 10);
        for t in &texts {
            assert_eq!(
                candidates(t).collect::<Vec<_>>(),
                candidates_by_byte(t),
                "{t}"
            );
        }
    }

    fn quotes(text: &str) -> Vec<&str> {
        pair(text, 0..text.len())
            .iter()
            .map(|p| &text[p.inner()])
            .collect()
    }

    #[test]
    fn straight_and_curly_doubles() {
        assert_eq!(
            quotes(r#"He said "yes" and “no” and „ja“ and «oui»."#),
            ["yes", "no", "ja", "oui"]
        );
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        let t = "Biden's and the States' plan, the Bidens’ son, the '90s, rock 'n' roll, don't wait ’til May.";
        assert!(quotes(t).is_empty(), "{:?}", quotes(t));
    }

    #[test]
    fn single_quotes_nested_in_double_are_ignored() {
        assert_eq!(
            quotes("“He told me ‘never’ twice,” she said."),
            ["He told me ‘never’ twice,"]
        );
    }

    #[test]
    fn british_single_quotes_with_nested_double() {
        assert_eq!(
            quotes("‘They called it “a farce”,’ he said."),
            ["They called it “a farce”,"]
        );
    }

    #[test]
    fn possessive_inside_single_quote() {
        assert_eq!(
            quotes("‘We back the States’ rights here,’ she said."),
            ["We back the States’ rights here,"]
        );
    }

    #[test]
    fn unclosed_ends_at_next_opener_or_paragraph_end() {
        let t = r#""One two three. Then "four five," he said. "Six"#;
        let p = pair(t, 0..t.len());
        let inner: Vec<&str> = p.iter().map(|p| &t[p.inner()]).collect();
        assert_eq!(inner, ["One two three. Then", "four five,", "Six"]);
        assert!(p[0].close.is_none() && p[1].close.is_some() && p[2].close.is_none());
    }

    #[test]
    fn inch_mark_does_not_open() {
        assert!(quotes(r#"He is 6'2" tall and fast."#).is_empty());
    }

    #[test]
    fn unclosed_single_mid_paragraph_is_dropped() {
        assert!(quotes("The ‘plan was odd and so on.").is_empty());
        assert_eq!(quotes("‘We will go on."), ["We will go on."]);
    }

    #[test]
    fn many_marks_are_linear_and_safe() {
        let t = "\"".repeat(100_001) + &"'‘’“”«»„".repeat(10_000);
        let p = pair(&t, 0..t.len());
        assert!(!p.is_empty());
        for q in &p {
            assert!(t.is_char_boundary(q.inner().start) && t.is_char_boundary(q.inner().end));
        }
    }
}
