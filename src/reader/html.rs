//! A saved web page in, the article text out.
//!
//! 1. Bytes to text: a byte-order mark, else a `<meta charset>` or
//!    `http-equiv="Content-Type"` declaration in the first 4 KiB, else
//!    UTF-8, else Windows-1252 (the web's default for undeclared pages).
//! 2. Metadata from the whole page: JSON-LD (`headline`, `author`,
//!    `datePublished`, publisher and site names), `og:title`,
//!    `og:site_name`, the article's `<h1>`, `<title>`.
//! 3. Page furniture is removed (scripts, navigation, forms, AMP ads and
//!    widgets, and elements whose class or id names a cookie banner, share
//!    bar, comment section, related list, newsletter box, sidebar, …), then
//!    `dom_smoothie` (a port of Mozilla's Readability) picks the article.
//! 4. The article's HTML is walked into blocks (paragraphs, list items,
//!    block quotes; `<q>` becomes “…”) and rendered by `reader::article`.

use super::InputError;
use super::article::{ArticleText, Block, Builder, byline};
use dom_query::{Document, NodeRef, Selection};
use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};
use regex::Regex;
use std::sync::LazyLock;

/// Bytes of body text (in sentence-like, mostly non-link paragraphs) below
/// which a page is said to have no article.
const MIN_PROSE: usize = 100;

/// Decodes an HTML page (never fails: undecodable bytes become U+FFFD).
pub(crate) fn decode(bytes: &[u8]) -> String {
    if let Some((enc, bom)) = Encoding::for_bom(bytes) {
        return enc
            .decode_without_bom_handling(&bytes[bom..])
            .0
            .into_owned();
    }
    let enc = match declared_charset(bytes) {
        Some(enc) => enc,
        None if std::str::from_utf8(bytes).is_ok() => UTF_8,
        None => WINDOWS_1252,
    };
    enc.decode_without_bom_handling(bytes).0.into_owned()
}

/// The encoding a page declares in a `<meta>` tag near its start.
fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    static CHARSET: LazyLock<regex::bytes::Regex> = LazyLock::new(|| {
        regex::bytes::Regex::new(r#"(?i)<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)"#)
            .unwrap()
    });
    let head = &bytes[..bytes.len().min(4096)];
    let label = CHARSET.captures(head)?.get(1)?.as_bytes();
    let enc = Encoding::for_label(label)?;
    // A page that says UTF-16 in an ASCII-compatible meta tag cannot be
    // UTF-16 (HTML Standard, "prescan"); read it as UTF-8.
    if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE {
        return Some(UTF_8);
    }
    Some(enc)
}

/// Metadata read from the whole page before anything is removed.
#[derive(Debug, Default)]
struct PageMeta {
    headline: Option<String>,
    og_title: Option<String>,
    h1: Option<String>,
    doc_title: Option<String>,
    site_names: Vec<String>,
    authors: Vec<String>,
    meta_author: Option<String>,
    published: Option<String>,
}

pub(crate) fn extract(html: &str) -> Result<ArticleText, InputError> {
    let doc = Document::from(cap_nesting(html).as_ref());
    let meta = page_meta(&doc);
    flatten_deep(&doc);
    clean(&doc);

    let cfg = dom_smoothie::Config {
        // JSON-LD has been read above (with `@graph` and author lists).
        disable_json_ld: true,
        ..Default::default()
    };
    let article = dom_smoothie::Readability::with_document(doc, None, Some(cfg))
        .and_then(|mut r| r.parse())
        .map_err(|_| InputError::NoArticle)?;

    let content = Document::from(article.content.as_ref());
    let mut walker = Walker::default();
    walker.b.drop_links = true;
    walker.walk(&content.root(), 0);
    let (blocks, prose) = walker.b.finish();
    if prose < MIN_PROSE {
        return Err(InputError::NoArticle);
    }

    let sites = &meta.site_names;
    let page_title =
        |t: &str| shown_piece(t, &blocks).unwrap_or_else(|| strip_site(t, sites, true));
    let title = meta
        .headline
        .as_deref()
        .map(|t| strip_site(t, sites, false))
        .or_else(|| meta.og_title.as_deref().map(page_title))
        .or_else(|| meta.h1.as_deref().map(|t| strip_site(t, sites, false)))
        .or_else(|| meta.doc_title.as_deref().map(page_title))
        .or_else(|| Some(page_title(&article.title)))
        // The title is the first line of the text: one line, single spaces.
        .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|t| !t.is_empty());
    let byline = join_names(&meta.authors)
        .as_deref()
        .and_then(byline)
        .or_else(|| article.byline.as_deref().and_then(byline))
        .or_else(|| meta.meta_author.as_deref().and_then(byline));
    let mut out = ArticleText {
        title,
        byline,
        published: meta.published.or(article.published_time),
        blocks,
    };
    out.tidy(true);
    Ok(out)
}

/// Joins author names: `A`, `A and B`, `A, B and C`.
fn join_names(names: &[String]) -> Option<String> {
    match names {
        [] => None,
        [one] => Some(one.clone()),
        [init @ .., last] => Some(format!("{} and {last}", init.join(", "))),
    }
}

fn clean_text(s: &str) -> Option<String> {
    let t = super::article::collapse(s).replace('\n', " ");
    (!t.is_empty()).then_some(t)
}

fn meta_content(doc: &Document, selector: &str) -> Option<String> {
    doc.select(selector)
        .iter()
        .find_map(|m| m.attr("content").and_then(|c| clean_text(&c)))
}

fn page_meta(doc: &Document) -> PageMeta {
    let mut meta = PageMeta::default();
    for script in doc.select(r#"script[type="application/ld+json"]"#).iter() {
        if let Ok(value) = serde_json::from_str::<serde_json::Value>(script.text().trim()) {
            json_ld(&value, &mut meta, 0);
        }
    }
    meta.og_title = meta_content(doc, r#"meta[property="og:title"], meta[name="og:title"]"#);
    for sel in [
        r#"meta[property="og:site_name"]"#,
        r#"meta[name="application-name"]"#,
    ] {
        if let Some(s) = meta_content(doc, sel) {
            meta.site_names.push(s);
        }
    }
    meta.meta_author = meta_content(doc, r#"meta[name="author"]"#);
    if meta.published.is_none() {
        meta.published =
            meta_content(doc, r#"meta[property="article:published_time"]"#).or_else(|| {
                // A page's own time, not a live-blog entry's.
                doc.select(
                    "[itemprop=datePublished][datetime], time[pubdate], header time[datetime]",
                )
                .iter()
                .find_map(|t| t.attr("datetime").and_then(|d| clean_text(&d)))
            });
    }
    // The article's own <h1> before a site logo's (a group selector would
    // return matches in document order, so ask in order of preference).
    meta.h1 = ["article h1", "main h1", "h1"]
        .iter()
        .find_map(|sel| doc.select(sel).iter().find_map(|h| clean_text(&h.text())));
    meta.doc_title = doc
        .select("title")
        .iter()
        .find_map(|t| clean_text(&t.text()));
    meta
}

/// Reads schema.org article metadata from a JSON-LD value (`@graph`,
/// arrays and nested objects included).
fn json_ld(value: &serde_json::Value, meta: &mut PageMeta, depth: usize) {
    use serde_json::Value;
    if depth > 8 {
        return;
    }
    match value {
        Value::Array(items) => items.iter().for_each(|v| json_ld(v, meta, depth + 1)),
        Value::Object(obj) => {
            if let Some(graph) = obj.get("@graph") {
                json_ld(graph, meta, depth + 1);
            }
            let types: Vec<&str> = match obj.get("@type") {
                Some(Value::String(t)) => vec![t.as_str()],
                Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).collect(),
                _ => Vec::new(),
            };
            let is_article = types
                .iter()
                .any(|t| t.ends_with("Article") || t.ends_with("Posting") || *t == "Report");
            if types
                .iter()
                .any(|t| matches!(*t, "WebSite" | "Organization" | "NewsMediaOrganization"))
                && let Some(name) = obj
                    .get("name")
                    .and_then(Value::as_str)
                    .and_then(entity_text)
            {
                meta.site_names.push(name);
            }
            if !is_article || meta.headline.is_some() {
                return;
            }
            meta.headline = obj
                .get("headline")
                .or_else(|| obj.get("name"))
                .and_then(Value::as_str)
                .and_then(entity_text);
            if let Some(author) = obj.get("author") {
                collect_names(author, &mut meta.authors);
            }
            meta.published = obj
                .get("datePublished")
                .and_then(Value::as_str)
                .and_then(clean_text);
            if let Some(name) = obj
                .get("publisher")
                .and_then(|p| p.get("name"))
                .and_then(Value::as_str)
                .and_then(entity_text)
            {
                meta.site_names.push(name);
            }
        }
        _ => {}
    }
}

fn collect_names(v: &serde_json::Value, out: &mut Vec<String>) {
    use serde_json::Value;
    match v {
        Value::String(s) => out.extend(entity_text(s)),
        Value::Array(items) => items.iter().take(10).for_each(|i| {
            if let Value::String(s) = i {
                out.extend(entity_text(s));
            } else if let Some(name) = i.get("name").and_then(Value::as_str) {
                out.extend(entity_text(name));
            }
        }),
        Value::Object(o) => out.extend(o.get("name").and_then(Value::as_str).and_then(entity_text)),
        _ => {}
    }
}

/// JSON-LD strings sometimes carry HTML entities (`&amp;`): decode them.
fn entity_text(s: &str) -> Option<String> {
    if s.contains('&') {
        clean_text(&Document::fragment(s).text())
    } else {
        clean_text(s)
    }
}

/// The piece of a page title (split at its separators) that the article
/// also shows as a line near its top: its headline, whichever side of the
/// separator the site name is on (`Old Paper - Ferry service resumes`).
fn shown_piece(title: &str, blocks: &[Block]) -> Option<String> {
    let mut pieces = vec![title];
    for sep in SEPARATORS {
        pieces = pieces.iter().flat_map(|p| p.split(sep)).collect();
    }
    if pieces.len() < 2 {
        return None;
    }
    let lines = blocks.iter().take(6).flat_map(|b| match b {
        Block::Para(p) => p.lines().collect::<Vec<_>>(),
        _ => Vec::new(),
    });
    // The longest shown piece: a site name may be shown as a line too.
    lines
        .filter_map(|line| {
            let line = line.trim();
            pieces
                .iter()
                .map(|p| p.trim())
                .find(|p| p.eq_ignore_ascii_case(line) && p.split_whitespace().count() >= 2)
        })
        .max_by_key(|p| p.len())
        .map(str::to_string)
}

const SEPARATORS: [&str; 8] = [" | ", " - ", " – ", " — ", " :: ", " · ", " » ", " / "];

/// Removes a site name from a page title: a known name (`og:site_name`,
/// the JSON-LD publisher) before or after a separator, and, for `<title>`
/// and `og:title` (`generic`), short trailing pieces after a dash and all
/// but the longest piece around a `|`, `::` or `»`.
fn strip_site(title: &str, sites: &[String], generic: bool) -> String {
    let mut t = title.trim().to_string();
    for _ in 0..3 {
        let before = t.len();
        for site in sites {
            for sep in SEPARATORS {
                let suffix = format!("{sep}{site}");
                let prefix = format!("{site}{sep}");
                if t.len() > suffix.len() && ends_with_ignore_case(&t, &suffix) {
                    t.truncate(t.len() - suffix.len());
                } else if t.len() > prefix.len() && starts_with_ignore_case(&t, &prefix) {
                    t.drain(..prefix.len());
                }
            }
        }
        if generic {
            if let Some(piece) = [" | ", " :: ", " » "]
                .iter()
                .find(|s| t.contains(**s))
                .and_then(|sep| t.split(sep).max_by_key(|p| p.chars().count()))
            {
                t = piece.trim().to_string();
            }
            if let Some((head, tail)) = [" - ", " – ", " — "]
                .iter()
                .filter_map(|sep| t.rsplit_once(sep))
                .max_by_key(|(head, _)| head.len())
                && tail.split_whitespace().count() <= 4
                && head.split_whitespace().count() >= 4
            {
                t = head.trim().to_string();
            }
        }
        if t.len() == before {
            break;
        }
    }
    t
}

fn ends_with_ignore_case(s: &str, end: &str) -> bool {
    s.len() >= end.len()
        && s.is_char_boundary(s.len() - end.len())
        && s[s.len() - end.len()..].eq_ignore_ascii_case(end)
}

fn starts_with_ignore_case(s: &str, start: &str) -> bool {
    s.is_char_boundary(start.len().min(s.len()))
        && s.get(..start.len())
            .is_some_and(|p| p.eq_ignore_ascii_case(start))
}

/// Elements that are never article text.
const FURNITURE: &str = "script, style, noscript, template, iframe, form, button, input, select, \
    textarea, svg, canvas, nav, aside, footer, figcaption, object, embed, video, audio, \
    amp-ad, amp-embed, amp-analytics, amp-sidebar, amp-social-share, amp-consent, \
    amp-sticky-ad, [role=navigation], [role=complementary], [aria-hidden=true]";

/// A class or id token naming page furniture (`cookie-banner`,
/// `share-tools`, `comments-area`, `related-articles`, `ad-slot`,
/// `post-tags`, …): a furniture word, maybe after a prefix, maybe followed
/// by one furniture-shaped suffix. `tags-enabled` or `ad-free-story` are
/// not furniture.
static JUNK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)^(?:[a-z0-9]+[-_]){0,3}(?:",
        r"cookies?|consent|gdpr|share|sharing|sharebar|social|related|comments?|respond|",
        r"newsletter|subscribe|subscription|promo|advert|advertisement|ads?|sponsored|",
        r"sidebar|widgets?|popup|modal|paywall|breadcrumbs?|tags|trending|",
        r"most-read|popular|read-more|more-from|recommended|outbrain|taboola|",
        r"nav|navbar|menu|masthead|top-bar|site-header|site-footer|footer",
        r")(?:[-_](?:",
        r"area|list|bar|box|tools|buttons?|links?|icons?|banner|notice|wrap|wrapper|",
        r"container|section|block|module|slot|unit|signup|form|title|count|items?|",
        r"articles|posts|stories|content|top|bottom|left|right|inline|mid|rail|",
        r"sticky|panel|overlay|placeholder|holder|label|header|footer|widget|zone",
        r"))?$"
    ))
    .unwrap()
});

fn is_junk(node: &NodeRef) -> bool {
    let mut tokens = String::new();
    if let Some(c) = node.class() {
        tokens.push_str(&c);
    }
    if let Some(id) = node.id_attr() {
        tokens.push(' ');
        tokens.push_str(&id);
    }
    tokens.split_whitespace().any(|t| JUNK.is_match(t))
}

/// Tag nesting past which [`cap_nesting`] drops tags before parsing.
const MAX_TAG_DEPTH: usize = 1000;

/// html5ever's tree builder is quadratic in nesting depth (40,000 nested
/// `<div>`s take seconds to parse, a 64 MiB page of them would take days).
/// When a page nests open tags deeper than [`MAX_TAG_DEPTH`], the tags past
/// that depth (and their closing tags) are dropped; the text stays. The
/// count is approximate (tags that close themselves, like `<p>` and `<li>`,
/// and void elements are not counted), which is enough to tell a real page
/// from a pathological one.
fn cap_nesting(html: &str) -> std::borrow::Cow<'_, str> {
    // (tag start, tag end, closing?) for every tag that nests.
    fn tags(html: &str) -> impl Iterator<Item = (usize, usize, bool)> + '_ {
        let bytes = html.as_bytes();
        memchr::memchr_iter(b'<', bytes).filter_map(move |start| {
            let closing = bytes.get(start + 1) == Some(&b'/');
            let name_start = start + 1 + usize::from(closing);
            let name_len = bytes[name_start..]
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-')
                .count();
            if name_len == 0 || !bytes[name_start].is_ascii_alphabetic() {
                return None;
            }
            let end =
                name_start + name_len + memchr::memchr(b'>', &bytes[name_start + name_len..])? + 1;
            let name = html[name_start..name_start + name_len].to_ascii_lowercase();
            let self_closing = bytes[end - 2] == b'/';
            let nests = !self_closing
                && !matches!(
                    name.as_str(),
                    "area"
                        | "base"
                        | "br"
                        | "col"
                        | "embed"
                        | "hr"
                        | "img"
                        | "input"
                        | "link"
                        | "meta"
                        | "param"
                        | "source"
                        | "track"
                        | "wbr"
                        | "p"
                        | "li"
                        | "dt"
                        | "dd"
                        | "tr"
                        | "td"
                        | "th"
                        | "option"
                        | "optgroup"
                        | "thead"
                        | "tbody"
                        | "tfoot"
                        | "colgroup"
                        | "caption"
                        | "rb"
                        | "rt"
                        | "rp"
                        | "html"
                        | "head"
                        | "body"
                );
            nests.then_some((start, end, closing))
        })
    }
    let mut depth = 0usize;
    let too_deep = tags(html).any(|(_, _, closing)| {
        if closing {
            depth = depth.saturating_sub(1);
        } else {
            depth += 1;
        }
        depth > MAX_TAG_DEPTH
    });
    if !too_deep {
        return std::borrow::Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len());
    let (mut depth, mut dropped, mut copied) = (0usize, 0usize, 0usize);
    for (start, end, closing) in tags(html) {
        let drop = if closing {
            if dropped > 0 {
                dropped -= 1;
                true
            } else {
                depth = depth.saturating_sub(1);
                false
            }
        } else if depth >= MAX_TAG_DEPTH {
            dropped += 1;
            true
        } else {
            depth += 1;
            false
        };
        if drop {
            out.push_str(&html[copied..start]);
            out.push(' ');
            copied = end;
        }
    }
    out.push_str(&html[copied..]);
    std::borrow::Cow::Owned(out)
}

/// Element depth past which elements are unwrapped (their text kept).
/// Readability's scoring walks ancestors for every paragraph, which is
/// quadratic in depth: 2,000 nested `<div>`s took seconds. Real pages
/// stay far below this depth.
const MAX_DOM_DEPTH: usize = 128;

/// Unwraps every element nested deeper than [`MAX_DOM_DEPTH`].
fn flatten_deep(doc: &Document) {
    let mut deep = Vec::new();
    let mut stack = vec![(doc.root(), 0usize)];
    while let Some((node, depth)) = stack.pop() {
        for child in node.children_it(false) {
            if child.is_element() {
                if depth >= MAX_DOM_DEPTH {
                    deep.push(child);
                }
                stack.push((child, depth + 1));
            }
        }
    }
    for node in deep {
        if let Some(first) = node.first_child() {
            node.insert_siblings_before(&first);
        }
        node.remove_from_parent();
    }
}

/// Removes page furniture before the readability pass. An element named
/// like furniture is kept when it holds the article (half the page's text
/// or more, or an `<article>`/`<main>`).
fn clean(doc: &Document) {
    doc.select(FURNITURE).remove();
    let Some(body) = doc.body() else {
        return;
    };
    let page = body.text().len();
    // Bounds the work on pathological pages (thousands of nested matches).
    let mut budget = page.saturating_mul(20).max(1 << 20);
    for node in doc.select("[class], [id]").nodes() {
        let name = node.node_name().unwrap_or_default();
        if matches!(name.as_ref(), "html" | "body" | "article" | "main") || !is_junk(node) {
            continue;
        }
        let len = node.text().len();
        budget = budget.saturating_sub(len);
        if budget == 0 {
            break;
        }
        let holds_article = len * 2 >= page
            || !Selection::from(*node)
                .select("article, main, [itemprop=articleBody]")
                .is_empty();
        if !holds_article {
            node.remove_from_parent();
        }
    }
}

#[derive(Default)]
struct Walker {
    b: Builder,
    q_depth: usize,
}

/// Element depth past which a subtree is read as flat text.
const MAX_DEPTH: usize = 200;

impl Walker {
    fn walk(&mut self, node: &NodeRef, depth: usize) {
        for child in node.children_it(false) {
            if child.is_text() {
                self.b.text(&child.text());
            } else if child.is_element() {
                if depth >= MAX_DEPTH {
                    self.b.text(&child.text());
                } else {
                    self.element(&child, depth + 1);
                }
            }
        }
    }

    fn element(&mut self, node: &NodeRef, depth: usize) {
        let name = node.node_name().unwrap_or_default();
        match name.as_ref() {
            "script" | "style" | "noscript" | "template" | "head" | "title" | "img" | "picture"
            | "svg" | "figcaption" | "button" | "form" | "input" | "select" | "textarea"
            | "iframe" | "video" | "audio" | "canvas" | "object" | "embed" | "nav" | "aside"
            | "footer" => {}
            "br" => self.b.line_break(),
            "a" => {
                self.b.start_link();
                self.walk(node, depth);
                self.b.end_link();
            }
            "q" => {
                let (open, close) = if self.q_depth.is_multiple_of(2) {
                    ("“", "”")
                } else {
                    ("‘", "’")
                };
                self.q_depth += 1;
                self.b.text(open);
                self.walk(node, depth);
                self.b.text(close);
                self.q_depth -= 1;
            }
            "li" => {
                self.b.start_item();
                self.walk(node, depth);
                self.b.end_item();
            }
            "blockquote" => {
                self.b.start_quote();
                self.walk(node, depth);
                self.b.end_quote();
            }
            "td" | "th" => {
                self.walk(node, depth);
                self.b.text(" ");
            }
            "p" | "div" | "section" | "article" | "main" | "header" | "h1" | "h2" | "h3" | "h4"
            | "h5" | "h6" | "ul" | "ol" | "dl" | "dt" | "dd" | "table" | "thead" | "tbody"
            | "tfoot" | "tr" | "pre" | "hr" | "address" | "center" | "details" | "summary"
            | "figure" | "hgroup" | "fieldset" | "legend" | "caption" => {
                self.b.end_block();
                self.walk(node, depth);
                self.b.end_block();
            }
            _ => self.walk(node, depth),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(body: &str) -> String {
        format!("<!doctype html><html><head><title>T</title></head><body>{body}</body></html>")
    }

    const LONG: &str = "The council met on Tuesday and voted to approve the plan after a long debate that ran late into the night.";

    fn text_of(html: &str) -> String {
        extract(html).unwrap().render()
    }

    #[test]
    fn charset_from_meta_and_http_equiv() {
        let mut bytes = b"<html><head><meta charset=\"windows-1252\"></head><body>caf".to_vec();
        bytes.extend([0xE9, 0x20, 0x93, b'h', b'i', 0x94]);
        assert!(decode(&bytes).ends_with("café “hi”"));
        let bytes =
            b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">\xE9";
        assert!(decode(bytes).ends_with('é'));
    }

    #[test]
    fn undeclared_pages_are_utf8_or_windows_1252() {
        assert_eq!(decode("<p>naïve</p>".as_bytes()), "<p>naïve</p>");
        assert_eq!(decode(b"<p>na\xEFve</p>"), "<p>naïve</p>");
        assert_eq!(decode(b"\xEF\xBB\xBF<p>x</p>"), "<p>x</p>");
        // A declared UTF-8 page with a bad byte keeps the rest.
        assert_eq!(
            decode(b"<meta charset=utf-8><p>a\xFFb</p>"),
            "<meta charset=utf-8><p>a\u{FFFD}b</p>"
        );
    }

    #[test]
    fn the_articles_h1_wins_over_a_logo_h1() {
        let html = format!(
            "<html><body><header><h1>Site Logo</h1></header><article><h1>Real Headline Here</h1>\
             <p>{LONG}</p><p>{LONG}</p></article></body></html>"
        );
        assert_eq!(
            extract(&html).unwrap().title.as_deref(),
            Some("Real Headline Here")
        );
    }

    #[test]
    fn a_title_piece_shown_on_the_page_is_the_headline() {
        let html = format!(
            "<html><head><title>Old Paper - Ferry service resumes after repairs</title></head>\
             <body><b>Ferry service resumes after repairs</b><br><i>By Ola Svensson</i><br><br>\
             {LONG}<br><br>{LONG}</body></html>"
        );
        let a = extract(&html).unwrap();
        assert_eq!(
            a.title.as_deref(),
            Some("Ferry service resumes after repairs")
        );
        assert_eq!(a.byline.as_deref(), Some("By Ola Svensson"));
        assert!(a.render().starts_with(
            "Ferry service resumes after repairs\n\nBy Ola Svensson\n\nThe council met"
        ));
    }

    #[test]
    fn author_names_are_joined() {
        let names = |n: &[&str]| join_names(&n.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(names(&[]), None);
        assert_eq!(names(&["A"]).as_deref(), Some("A"));
        assert_eq!(names(&["A", "B", "C"]).as_deref(), Some("A, B and C"));
    }

    #[test]
    fn site_names_are_stripped() {
        let sites = ["The Daily Example".to_string()];
        assert_eq!(
            strip_site("Big Story | The Daily Example", &sites, false),
            "Big Story"
        );
        assert_eq!(
            strip_site("The Daily Example - Big Story", &sites, false),
            "Big Story"
        );
        assert_eq!(
            strip_site("Mayor quits after audit - Town Crier", &[], true),
            "Mayor quits after audit"
        );
        assert_eq!(
            strip_site("Town Crier :: Mayor quits after audit", &[], true),
            "Mayor quits after audit"
        );
        // A headline's own dash stays when the title is not a page title,
        // and a short head is not taken for a headline.
        assert_eq!(
            strip_site("Biden - Putin talks end", &[], true),
            "Biden - Putin talks end"
        );
        assert_eq!(
            strip_site("Talks end without a deal - again", &[], false),
            "Talks end without a deal - again"
        );
    }

    #[test]
    fn q_and_blockquote_become_quotes() {
        let out = text_of(&page(&format!(
            "<article><p>{LONG}</p><p>She called it <q>a win for <q>all</q> of us</q> today.</p>\
             <blockquote><p>First part.</p><p>Second part.</p></blockquote>\
             <blockquote>“Already quoted.”</blockquote><p>{LONG}</p></article>"
        )));
        assert!(
            out.contains("She called it “a win for ‘all’ of us” today."),
            "{out}"
        );
        assert!(
            out.contains("\n\n“First part.\n\n“Second part.”\n\n"),
            "{out}"
        );
        assert!(out.contains("\n\n“Already quoted.”\n\n"), "{out}");
    }

    #[test]
    fn lists_entities_and_breaks() {
        let out = text_of(&page(&format!(
            "<article><p>{LONG}</p><p>Tom &amp; Jerry&rsquo;s &#8220;plan&#8221; has:</p>\
             <ul><li>one</li><li>two <b>parts</b></li></ul><p>{LONG}</p></article>"
        )));
        assert!(
            out.contains("Tom & Jerry’s “plan” has:\n\n- one\n- two parts\n\n"),
            "{out}"
        );
    }

    #[test]
    fn furniture_class_names() {
        for yes in [
            "cookie-banner",
            "share-tools",
            "social-share",
            "comments-area",
            "comment-list",
            "related-articles",
            "ad-slot",
            "ad-top",
            "post-tags",
            "inline-promo",
            "sidebar-right",
            "newsletter-signup",
            "read-more",
            "more-from",
            "widget-area",
            "Sidebar",
        ] {
            assert!(JUNK.is_match(yes), "{yes}");
        }
        for no in [
            "tags-enabled",
            "ad-free-story",
            "shared-content",
            "header",
            "article-body",
            "has-sidebar-layout",
            "readmore-text",
            "byline",
            "comment-author",
            "story-body",
            "load",
            "road",
            "nav-is-open-on-mobile-devices",
        ] {
            assert!(!JUNK.is_match(no), "{no}");
        }
    }

    #[test]
    fn furniture_is_removed() {
        let out = text_of(&page(&format!(
            "<nav><a href=/>Home</a></nav><div class=cookie-banner><p>We use cookies to run this site.</p></div>\
             <article><p>{LONG}</p><div class=\"share-tools\">Share this story now.</div>\
             <p>{LONG}</p><script>var x = 1;</script></article>\
             <div id=comments><p>Great article, thanks for writing it.</p></div>"
        )));
        for junk in ["Home", "cookies", "Share", "Great article", "var x"] {
            assert!(!out.contains(junk), "{junk} in {out}");
        }
    }

    #[test]
    fn a_page_of_links_has_no_article() {
        let links: String = (0..30)
            .map(|i| format!("<li><a href=/{i}>Headline number {i} about the news.</a></li>"))
            .collect();
        let html = page(&format!("<main><ul>{links}</ul></main>"));
        assert!(matches!(extract(&html), Err(InputError::NoArticle)));
        assert!(matches!(extract(""), Err(InputError::NoArticle)));
    }

    #[test]
    fn json_ld_headline_authors_and_date() {
        let html = format!(
            r#"<html><head><title>Wrong | Site</title><script type="application/ld+json">
            [{{"@type":["NewsArticle"],"headline":"Fish &amp; Chips Prices Rise",
              "author":[{{"name":"A One"}},"B Two"],"datePublished":"2026-01-01"}}]
            </script></head><body><article><h1>Other</h1><p>{LONG}</p><p>{LONG}</p></article></body></html>"#
        );
        let a = extract(&html).unwrap();
        assert_eq!(a.title.as_deref(), Some("Fish & Chips Prices Rise"));
        assert_eq!(a.byline.as_deref(), Some("By A One and B Two"));
        assert_eq!(a.published.as_deref(), Some("2026-01-01"));
    }

    #[test]
    fn nesting_is_capped_before_parsing() {
        let page = "<div><p>a<br/>b</p></div>";
        assert_eq!(cap_nesting(page), page);
        let deep = format!("{}x{}", "<div class=a>".repeat(1500), "</div>".repeat(1500));
        let capped = cap_nesting(&deep);
        assert_eq!(capped.matches("<div").count(), MAX_TAG_DEPTH);
        assert_eq!(capped.matches("</div>").count(), MAX_TAG_DEPTH);
        assert!(capped.contains('x'));
        // Unclosed paragraphs and list items do not count as nesting.
        let flat = "<p>x".repeat(5000);
        assert_eq!(cap_nesting(&flat), flat);
    }

    /// Random soup of tags, entities and multi-byte text: never a panic,
    /// and the rendered text is either an error or non-empty.
    #[test]
    fn tag_soup_never_panics() {
        const TOKENS: [&str; 24] = [
            "<p>",
            "</p>",
            "<q>",
            "</q>",
            "<blockquote>",
            "</blockquote>",
            "<li>",
            "</li>",
            "<ul>",
            "<br>",
            "<a href=x>",
            "</a>",
            "<div class=share-bar>",
            "</div>",
            "&amp;",
            "&#8220;",
            "&bogus;",
            "é\u{301}",
            "“",
            " The mayor said the plan was sound. ",
            "<script>",
            "</script>",
            "<h1>",
            "\u{0}",
        ];
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        for _ in 0..200 {
            let mut html = String::from("<!doctype html>");
            for _ in 0..300 {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                html.push_str(TOKENS[(seed % TOKENS.len() as u64) as usize]);
            }
            if let Ok(a) = extract(&html) {
                assert!(!a.render().trim().is_empty());
            }
        }
    }

    #[test]
    fn deep_nesting_is_flattened_not_quadratic() {
        let html = format!(
            "{}<p>{LONG}</p><p>{LONG}</p>",
            "<div class=x>".repeat(20_000)
        );
        let out = text_of(&html);
        assert_eq!(out.matches("The council met").count(), 2, "{out}");
    }
}
