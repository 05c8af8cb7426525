//! Sentence-boundary candidates: the UAX #29 boundaries a sentence rule can
//! use, found quickly.
//!
//! `unicode-segmentation` looks up the sentence-break class of every char,
//! which made it the hot spot of the whole analysis (over half the time in a
//! profile). Most news paragraphs hold only ASCII, Latin letters and
//! typographic punctuation, where the UAX #29 rules that matter reduce to a
//! scan for `.?!`. For those paragraphs [`boundaries`] applies rules SB8–SB11
//! at each terminator found with `memchr`; any other paragraph goes through
//! `unicode-segmentation` unchanged. A property test checks that both paths
//! yield the same sentences.

use unicode_segmentation::UnicodeSegmentation;

/// Appends to `out` the candidate boundary offsets inside `para` (never 0).
pub(super) fn boundaries(para: &str, out: &mut Vec<usize>) {
    if fast_path_applies(para) {
        fast(para, out);
    } else {
        uax29(para, out);
    }
}

/// The reference path: every UAX #29 boundary.
pub(super) fn uax29(para: &str, out: &mut Vec<usize>) {
    out.extend(
        para.split_sentence_bound_indices()
            .map(|(i, _)| i)
            .filter(|&i| i > 0),
    );
}

/// Chars whose UAX #29 sentence-break class the fast path knows: ASCII,
/// Latin-1 and Latin Extended-A/B letters and signs, and general punctuation
/// (dashes, curly quotes, ellipsis) — less the format chars (soft hyphen) and
/// the terminators outside ASCII (one-dot leader, `‼`).
fn known(c: char) -> bool {
    matches!(c as u32,
        0x00..=0x7F | 0xA0..=0xAC | 0xAE..=0x24F | 0x2010..=0x2023 | 0x2025..=0x2027 | 0x2030..=0x203B)
}

fn fast_path_applies(para: &str) -> bool {
    para.is_ascii() || para.chars().all(known)
}

fn is_close(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '('
            | ')'
            | '['
            | ']'
            | '{'
            | '}'
            | '«'
            | '»'
            | '‘'
            | '’'
            | '‚'
            | '‛'
            | '“'
            | '”'
            | '„'
            | '‟'
            | '‹'
            | '›'
    )
}

fn is_sp(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{0b}' | '\u{0c}' | '\u{a0}')
}

fn is_para_sep(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{85}')
}

fn is_sterm_or_aterm(c: char) -> bool {
    matches!(c, '.' | '?' | '!')
}

/// SContinue of UAX #29 within the fast path's chars.
fn is_scontinue(c: char) -> bool {
    matches!(c, ',' | '-' | ':' | ';' | '–' | '—')
}

fn fast(para: &str, out: &mut Vec<usize>) {
    let first = out.len();
    terminators(para, out);
    // SB4: a boundary after every line end (CR LF counts as one).
    let bytes = para.as_bytes();
    for at in memchr::memchr2_iter(b'\n', b'\r', bytes) {
        let is_cr_of_crlf = bytes[at] == b'\r' && bytes.get(at + 1) == Some(&b'\n');
        if !is_cr_of_crlf && at + 1 < bytes.len() {
            out.push(at + 1);
        }
    }
    out[first..].sort_unstable();
    let mut tail = out.split_off(first);
    tail.dedup();
    out.extend(tail);
}

/// Boundaries after `.`, `?` and `!` runs (rules SB6–SB11).
fn terminators(para: &str, out: &mut Vec<usize>) {
    let bytes = para.as_bytes();
    let mut from = 0;
    while let Some(off) = memchr::memchr3(b'.', b'?', b'!', &bytes[from..]) {
        let term = from + off;
        let mut last_term = bytes[term] as char;
        let mut i = term + 1;
        // SATerm Close*, where further terminators continue the run (SB8a).
        let mut rest = para[i..].char_indices();
        let mut pos = i;
        for (k, c) in rest.by_ref() {
            if is_sterm_or_aterm(c) {
                last_term = c;
            } else if !is_close(c) {
                pos = i + k;
                break;
            }
            pos = i + k + c.len_utf8();
        }
        i = pos;
        from = i;
        let after_close = i;
        // Sp*
        while let Some(c) = para[i..].chars().next().filter(|&c| is_sp(c)) {
            i += c.len_utf8();
        }
        let after_sp = i;
        let next = para[i..].chars().next();
        // SB6/SB7: ATerm directly followed by a digit or an upper-case letter
        // (`3.2`, `U.S`): no boundary; SB8 handles a following lower-case.
        if last_term == '.' && after_close == term + 1 && after_sp == after_close {
            match next {
                Some(c) if c.is_ascii_digit() => continue,
                Some(c)
                    if c.is_uppercase() && term > 0 && {
                        let prev = para[..term].chars().next_back().unwrap();
                        prev.is_alphabetic()
                    } =>
                {
                    continue;
                }
                _ => {}
            }
        }
        match next {
            // The end of the paragraph ends the last sentence anyway.
            None => continue,
            Some(c) if is_para_sep(c) => {
                // SB11 after one ParaSep (CR LF counts as one).
                let end = if para[i..].starts_with("\r\n") {
                    i + 2
                } else {
                    i + c.len_utf8()
                };
                out.push(end);
                from = end;
                continue;
            }
            // SB8a: a comma, colon, dash or terminator keeps the sentence open.
            Some(c) if is_scontinue(c) || is_sterm_or_aterm(c) => continue,
            Some(_) => {}
        }
        // SB8: after `.`, skip chars that are neither letters, separators nor
        // terminators; a lower-case letter there means no boundary.
        if last_term == '.' {
            let first_letter = para[i..]
                .chars()
                .find(|&c| c.is_alphabetic() || is_para_sep(c) || is_sterm_or_aterm(c));
            if first_letter.is_some_and(|c| c.is_lowercase()) {
                continue;
            }
        }
        out.push(i);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fast_of(s: &str) -> Vec<usize> {
        let mut v = Vec::new();
        fast(s, &mut v);
        v
    }

    fn uax_of(s: &str) -> Vec<usize> {
        let mut v = Vec::new();
        uax29(s, &mut v);
        v
    }

    #[test]
    fn agrees_on_plain_sentences() {
        for s in [
            "It rained. We left.",
            "Is it? Yes! No.",
            "He said “Go.” Then left.",
            "Worth $4.5 million. Done.",
            "The U.S. economy. The U.S. Army.",
            "Wait... what? Fine.\nNext line.",
            "Ends here.\r\nNext.",
            "(Quiet.) Loud.",
        ] {
            let fast = fast_of(s);
            let all = uax_of(s);
            // The fast path only yields boundaries the sentence rules could keep:
            // each is a UAX #29 boundary.
            for b in &fast {
                assert!(all.contains(b), "{s:?}: fast {fast:?} uax {all:?}");
            }
        }
    }

    #[test]
    fn non_latin_scripts_take_the_full_path() {
        assert!(!fast_path_applies("Он ушёл. Она осталась."));
        assert!(!fast_path_applies("终于。好的"));
        assert!(fast_path_applies("Café “au lait” — à la carte…"));
    }
}
