//! Reading an article: from a file or standard input, as UTF-8 text.
//!
//! The reader never changes the bytes it hands on (a BOM and CR line ends
//! stay in place, the segmenter treats them as white space), so every offset
//! in a report is an offset into the file as it is on disk.

use std::fmt;
use std::io::{self, Read};
use std::path::Path;

/// Default for `--max-bytes`: 64 MiB.
pub const DEFAULT_MAX_BYTES: u64 = 64 * 1024 * 1024;

/// An article that was read and decoded.
#[derive(Debug, Clone)]
pub struct Input {
    /// The file name as given, or `-` for standard input.
    pub name: String,
    pub text: String,
}

/// Why an input could not be analysed. Displayed as one line, without the
/// input's name (the caller prefixes it).
#[derive(Debug)]
pub enum InputError {
    NotFound,
    IsDirectory,
    Unreadable(io::Error),
    InvalidUtf8 {
        byte: usize,
        looks_like_cp1252: bool,
    },
    Empty,
    TooLarge {
        limit: u64,
    },
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::NotFound => write!(f, "no such file"),
            InputError::IsDirectory => write!(f, "is a directory, not a file"),
            InputError::Unreadable(e) => write!(f, "cannot read: {}", plain_io_error(e)),
            InputError::InvalidUtf8 {
                byte,
                looks_like_cp1252,
            } => {
                write!(f, "not valid UTF-8 (first bad byte at offset {byte})")?;
                if *looks_like_cp1252 {
                    write!(
                        f,
                        "; it looks like Windows-1252/Latin-1: convert it with `iconv -f WINDOWS-1252 -t UTF-8`"
                    )?;
                }
                Ok(())
            }
            InputError::Empty => write!(f, "empty input (no text to analyse)"),
            InputError::TooLarge { limit } => {
                write!(f, "larger than --max-bytes ({limit} bytes)")
            }
        }
    }
}

impl std::error::Error for InputError {}

/// `io::Error`'s Display appends "(os error N)"; users need only the words.
fn plain_io_error(e: &io::Error) -> String {
    let text = e.to_string();
    match text.find(" (os error") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}

/// Reads a file, refusing directories and anything over `max_bytes`.
pub fn read_path(path: &Path, max_bytes: u64) -> Result<String, InputError> {
    let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
        io::ErrorKind::NotFound => InputError::NotFound,
        _ => InputError::Unreadable(e),
    })?;
    if meta.is_dir() {
        return Err(InputError::IsDirectory);
    }
    if meta.is_file() && meta.len() > max_bytes {
        return Err(InputError::TooLarge { limit: max_bytes });
    }
    let file = std::fs::File::open(path).map_err(|e| match e.kind() {
        io::ErrorKind::NotFound => InputError::NotFound,
        _ => InputError::Unreadable(e),
    })?;
    read_limited(file, max_bytes)
}

/// Reads standard input (or any reader) up to `max_bytes`.
pub fn read_limited(reader: impl Read, max_bytes: u64) -> Result<String, InputError> {
    let mut bytes = Vec::new();
    // One byte past the limit tells "exactly at the limit" from "over it".
    reader
        .take(max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| match e.kind() {
            io::ErrorKind::IsADirectory => InputError::IsDirectory,
            _ => InputError::Unreadable(e),
        })?;
    if bytes.len() as u64 > max_bytes {
        return Err(InputError::TooLarge { limit: max_bytes });
    }
    decode(bytes)
}

/// Validates UTF-8 and rejects texts with nothing but white space.
pub fn decode(bytes: Vec<u8>) -> Result<String, InputError> {
    let text = String::from_utf8(bytes).map_err(|e| {
        let byte = e.utf8_error().valid_up_to();
        let looks_like_cp1252 = looks_like_cp1252(e.as_bytes());
        InputError::InvalidUtf8 {
            byte,
            looks_like_cp1252,
        }
    })?;
    check_not_empty(&text)?;
    Ok(text)
}

/// An input with no visible character is an error, not an empty report.
pub fn check_not_empty(text: &str) -> Result<(), InputError> {
    if text
        .chars()
        .all(|c| c.is_whitespace() || c == '\u{feff}' || c.is_control())
    {
        return Err(InputError::Empty);
    }
    Ok(())
}

/// Single high bytes between ASCII letters and spaces are the signature of
/// Windows-1252 or Latin-1 text (curly quotes 0x93/0x94, é 0xE9, …).
fn looks_like_cp1252(bytes: &[u8]) -> bool {
    let mut lone_high = 0usize;
    for (i, &b) in bytes.iter().enumerate() {
        if b >= 0x80 {
            let prev_ascii = i == 0 || bytes[i - 1] < 0x80;
            let next_ascii = bytes.get(i + 1).is_none_or(|&n| n < 0x80);
            if prev_ascii && next_ascii {
                lone_high += 1;
            }
        }
    }
    lone_high > 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_utf8_reports_the_byte() {
        let err = decode(b"caf\xe9 au lait".to_vec()).unwrap_err();
        match err {
            InputError::InvalidUtf8 {
                byte,
                looks_like_cp1252,
            } => {
                assert_eq!(byte, 3);
                assert!(looks_like_cp1252);
            }
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn whitespace_only_is_empty() {
        assert!(matches!(
            decode(b" \n\t\r\n".to_vec()),
            Err(InputError::Empty)
        ));
        assert!(matches!(
            decode("\u{feff}\n".as_bytes().to_vec()),
            Err(InputError::Empty)
        ));
        assert!(decode(b"x".to_vec()).is_ok());
    }

    #[test]
    fn limit_is_inclusive() {
        assert!(read_limited(&b"abcd"[..], 4).is_ok());
        assert!(matches!(
            read_limited(&b"abcde"[..], 4),
            Err(InputError::TooLarge { .. })
        ));
    }

    #[test]
    fn io_error_text_drops_os_code() {
        let e = io::Error::from_raw_os_error(13);
        assert!(!plain_io_error(&e).contains("os error"));
    }
}
