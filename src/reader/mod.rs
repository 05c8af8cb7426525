//! Reading an article: from a file or standard input, as UTF-8 text, a
//! saved web page or markdown.
//!
//! For plain text the reader never changes the bytes it hands on (a BOM and
//! CR line ends stay in place, the segmenter treats them as white space), so
//! every offset in a report is an offset into the file as it is on disk.
//! HTML and markdown are turned into plain article text first ([`load`]);
//! offsets are then into that extracted text, which the report carries.

#[cfg(any(feature = "html", feature = "markdown"))]
mod article;
#[cfg(feature = "html")]
pub mod html;
#[cfg(feature = "markdown")]
pub mod markdown;

use std::fmt;
use std::io::{self, Read};
use std::path::Path;

/// Default for `--max-bytes`: 64 MiB.
pub const DEFAULT_MAX_BYTES: u64 = 64 * 1024 * 1024;

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
    /// An HTML page with no article text (a front page, a login form).
    NoArticle,
    /// A format this build was compiled without (`html`, `markdown`).
    FormatNotBuilt(&'static str),
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
            InputError::NoArticle => write!(f, "no article text found in the HTML page"),
            InputError::FormatNotBuilt(name) => write!(
                f,
                "{name} input is not supported by this build (built without the `{name}` feature)"
            ),
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
    decode(read_path_bytes(path, max_bytes)?)
}

/// Reads standard input (or any reader) up to `max_bytes`.
pub fn read_limited(reader: impl Read, max_bytes: u64) -> Result<String, InputError> {
    decode(read_limited_bytes(reader, max_bytes)?)
}

/// Reads a file's bytes, refusing directories and anything over `max_bytes`.
pub fn read_path_bytes(path: &Path, max_bytes: u64) -> Result<Vec<u8>, InputError> {
    // Opened first and then asked for its size (fstat), rather than looked
    // up by name twice: one path walk per file counts over many small files.
    let file = std::fs::File::open(path).map_err(|e| match path.is_dir() {
        // Where a directory cannot be opened as a file at all.
        true => InputError::IsDirectory,
        false => open_error(e),
    })?;
    let meta = file.metadata().map_err(InputError::Unreadable)?;
    if meta.is_dir() {
        return Err(InputError::IsDirectory);
    }
    if meta.is_file() && meta.len() > max_bytes {
        return Err(InputError::TooLarge { limit: max_bytes });
    }
    // The size as the buffer's capacity (plus the byte that tells "over
    // the limit"): no doubling, no unused half of a big file's buffer.
    let size = meta.len().min(max_bytes).saturating_add(1);
    read_into(file, max_bytes, Vec::with_capacity(size as usize))
}

fn open_error(e: io::Error) -> InputError {
    match e.kind() {
        io::ErrorKind::NotFound => InputError::NotFound,
        _ => InputError::Unreadable(e),
    }
}

/// Reads the bytes of standard input (or any reader) up to `max_bytes`.
pub fn read_limited_bytes(reader: impl Read, max_bytes: u64) -> Result<Vec<u8>, InputError> {
    read_into(reader, max_bytes, Vec::new())
}

fn read_into(reader: impl Read, max_bytes: u64, mut bytes: Vec<u8>) -> Result<Vec<u8>, InputError> {
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
    Ok(bytes)
}

/// What an input is. `Auto` is resolved by [`load`] from the name and the
/// first bytes; a [`Loaded`] input never has it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum InputFormat {
    #[default]
    Auto,
    Text,
    Html,
    Markdown,
}

impl InputFormat {
    /// The name used on the command line and in `source.format`.
    pub fn as_str(self) -> &'static str {
        match self {
            InputFormat::Auto => "auto",
            InputFormat::Text => "text",
            InputFormat::Html => "html",
            InputFormat::Markdown => "markdown",
        }
    }

    /// The values `--input-format` accepts.
    pub const NAMES: [&'static str; 4] = ["auto", "text", "html", "markdown"];

    /// `auto`: HTML for `.html`/`.htm` names and for input that opens (after
    /// white space and a BOM) with `<!doctype html` or `<html`, in any case;
    /// markdown for `.md`/`.markdown` names; text otherwise.
    pub fn detect(name: &str, bytes: &[u8]) -> InputFormat {
        let ext = Path::new(name)
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        match ext.as_deref() {
            Some("html" | "htm" | "xhtml") => return InputFormat::Html,
            Some("md" | "markdown") => return InputFormat::Markdown,
            _ => {}
        }
        let mut start = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        // Browsers' "save page" adds `<!-- saved from url=… -->` before the
        // doctype; XHTML may open with `<?xml …?>`. Skip a few of those.
        for _ in 0..8 {
            start = &start[start
                .iter()
                .position(|b| !b.is_ascii_whitespace())
                .unwrap_or(start.len())..];
            let close: &[u8] = if start.starts_with(b"<!--") {
                b"-->"
            } else if start.starts_with(b"<?xml") {
                b"?>"
            } else {
                break;
            };
            match start.windows(close.len()).position(|w| w == close) {
                Some(i) => start = &start[i + close.len()..],
                None => break,
            }
        }
        let opens =
            |tag: &[u8]| start.len() >= tag.len() && start[..tag.len()].eq_ignore_ascii_case(tag);
        let html_tag = opens(b"<html")
            && start
                .get(5)
                .is_none_or(|b| b.is_ascii_whitespace() || *b == b'>');
        if opens(b"<!doctype html") || html_tag {
            InputFormat::Html
        } else {
            InputFormat::Text
        }
    }
}

impl std::str::FromStr for InputFormat {
    type Err = String;

    fn from_str(s: &str) -> Result<InputFormat, String> {
        match s.to_ascii_lowercase().as_str() {
            "auto" => Ok(InputFormat::Auto),
            "text" | "txt" => Ok(InputFormat::Text),
            "html" | "htm" => Ok(InputFormat::Html),
            "markdown" | "md" => Ok(InputFormat::Markdown),
            _ => Err(format!(
                "unknown input format `{s}` (expected one of: {})",
                InputFormat::NAMES.join(", ")
            )),
        }
    }
}

/// An input ready for analysis: the text to analyse and where it came from.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The file name as given, or `-` for standard input.
    pub name: String,
    /// The analysed text: the input itself for `Text`, the extracted article
    /// (headline, byline, body paragraphs) for `Html` and `Markdown`.
    pub text: String,
    /// `Text`, `Html` or `Markdown` (never `Auto`).
    pub format: InputFormat,
    /// The headline found in the page's metadata or markup, if any.
    pub title: Option<String>,
    /// The byline as it is written into `text` (`By …`), if any.
    pub byline: Option<String>,
    /// The publication time as the page gives it (JSON-LD `datePublished`,
    /// `article:published_time`, `<time datetime>`, front-matter `date`).
    pub published: Option<String>,
}

impl Loaded {
    /// True when `text` was extracted from markup (offsets are into it, not
    /// into the input file).
    pub fn is_extracted(&self) -> bool {
        self.format != InputFormat::Text
    }
}

/// Turns an input's bytes into the text to analyse. `name` (a path, or `-`)
/// is used only to pick the format when `format` is `Auto`.
pub fn load(name: &str, bytes: Vec<u8>, format: InputFormat) -> Result<Loaded, InputError> {
    let format = match format {
        InputFormat::Auto => InputFormat::detect(name, &bytes),
        f => f,
    };
    match format {
        InputFormat::Auto | InputFormat::Text => Ok(Loaded {
            name: name.to_string(),
            text: decode(bytes)?,
            format: InputFormat::Text,
            title: None,
            byline: None,
            published: None,
        }),
        _ => load_article(name, bytes, format),
    }
}

/// HTML or markdown: extracts the article and renders its text.
#[cfg(any(feature = "html", feature = "markdown"))]
fn load_article(name: &str, bytes: Vec<u8>, format: InputFormat) -> Result<Loaded, InputError> {
    let article = match format {
        #[cfg(feature = "markdown")]
        InputFormat::Markdown => markdown::extract(&decode(bytes)?),
        #[cfg(feature = "html")]
        InputFormat::Html => {
            let text = html::decode(&bytes);
            check_not_empty(&text)?;
            html::extract(&text)?
        }
        other => return Err(InputError::FormatNotBuilt(other.as_str())),
    };
    let text = article.render();
    check_not_empty(&text)?;
    Ok(Loaded {
        name: name.to_string(),
        text,
        format,
        title: article.title,
        byline: article.byline,
        published: article.published,
    })
}

#[cfg(not(any(feature = "html", feature = "markdown")))]
fn load_article(_: &str, _: Vec<u8>, format: InputFormat) -> Result<Loaded, InputError> {
    Err(InputError::FormatNotBuilt(format.as_str()))
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
    fn paths_that_are_not_readable_files() {
        let dir = std::env::temp_dir().join(format!("presslens-read-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("story.txt");
        std::fs::write(&file, "Five.").unwrap();
        assert_eq!(read_path_bytes(&file, 5).unwrap(), b"Five.");
        assert!(matches!(
            read_path_bytes(&file, 4),
            Err(InputError::TooLarge { limit: 4 })
        ));
        assert!(matches!(
            read_path_bytes(&dir, 100),
            Err(InputError::IsDirectory)
        ));
        assert!(matches!(
            read_path_bytes(&dir.join("missing.txt"), 100),
            Err(InputError::NotFound)
        ));
        std::fs::remove_dir_all(&dir).unwrap();
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
    fn format_detection() {
        let d = InputFormat::detect;
        assert_eq!(d("a.HTML", b"plain"), InputFormat::Html);
        assert_eq!(d("a.htm", b""), InputFormat::Html);
        assert_eq!(d("notes.md", b"<html>"), InputFormat::Markdown);
        assert_eq!(d("-", b"\xEF\xBB\xBF \n<!DOCTYPE HTML>"), InputFormat::Html);
        assert_eq!(d("-", b"<HTML lang=en>"), InputFormat::Html);
        assert_eq!(d("story.txt", b"  <html>"), InputFormat::Html);
        assert_eq!(d("-", b"<htmlx>"), InputFormat::Text);
        assert_eq!(
            d(
                "-",
                b"<!-- saved from url=(0022)http://x.example/ -->\r\n<html>"
            ),
            InputFormat::Html
        );
        assert_eq!(
            d("-", b"<?xml version=\"1.0\"?>\n<!DOCTYPE html>"),
            InputFormat::Html
        );
        assert_eq!(d("-", b"<!-- a note -->\nJust text."), InputFormat::Text);
        assert_eq!(d("-", b"The <html> tag"), InputFormat::Text);
        assert_eq!(d("-", b"# Title"), InputFormat::Text);
        assert_eq!("MD".parse::<InputFormat>(), Ok(InputFormat::Markdown));
        assert!("pdf".parse::<InputFormat>().is_err());
    }

    #[test]
    fn load_text_keeps_bytes_and_rejects_bad_utf8() {
        let l = load("-", b"Hello.\r\n".to_vec(), InputFormat::Auto).unwrap();
        assert_eq!(
            (l.text.as_str(), l.format),
            ("Hello.\r\n", InputFormat::Text)
        );
        assert!(matches!(
            load("a.txt", b"caf\xe9".to_vec(), InputFormat::Auto),
            Err(InputError::InvalidUtf8 { .. })
        ));
        assert!(matches!(
            load("a.md", b"caf\xe9".to_vec(), InputFormat::Auto),
            Err(InputError::InvalidUtf8 { .. })
        ));
    }

    #[test]
    #[cfg(all(feature = "html", feature = "markdown"))]
    fn load_markdown_and_html() {
        let l = load(
            "x.md",
            b"# Head Line\n\nBody *text* here.".to_vec(),
            InputFormat::Auto,
        )
        .unwrap();
        assert_eq!(l.text, "Head Line\n\nBody text here.");
        assert_eq!(l.title.as_deref(), Some("Head Line"));
        assert!(l.is_extracted());
        assert!(matches!(
            load("x.html", b"  \n".to_vec(), InputFormat::Auto),
            Err(InputError::Empty)
        ));
        assert!(matches!(
            load(
                "x.html",
                b"<html><body><p>Hi</p></body></html>".to_vec(),
                InputFormat::Auto
            ),
            Err(InputError::NoArticle)
        ));
    }

    #[test]
    fn io_error_text_drops_os_code() {
        let e = io::Error::from_raw_os_error(13);
        assert!(!plain_io_error(&e).contains("os error"));
    }
}
