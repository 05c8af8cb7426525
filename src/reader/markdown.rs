//! Markdown in, article text out (pulldown-cmark events).
//!
//! Headings, emphasis markers, link targets, images and code blocks are
//! dropped; link and inline-code text is kept (it is part of a sentence).
//! The first level-1 heading is the title. A YAML front-matter block may
//! give `title:`, `author:` and `date:`; the first `#` heading wins over
//! its title.

use super::article::{ArticleText, Builder, byline};
use pulldown_cmark::{Event, HeadingLevel, MetadataBlockKind, Options, Parser, Tag, TagEnd};

pub(crate) fn extract(text: &str) -> ArticleText {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS;
    let mut b = Builder::default();
    let mut title: Option<String> = None;
    let mut front = FrontMatter::default();
    // Nesting depth of elements whose text is dropped (images, code blocks,
    // front matter, footnote definitions).
    let mut skip = 0usize;
    let mut in_front = false;
    let mut in_title = false;
    let mut heading = String::new();
    for event in Parser::new_ext(text, options) {
        match event {
            Event::Start(tag) => match tag {
                Tag::Image { .. } | Tag::CodeBlock(_) | Tag::FootnoteDefinition(_) => skip += 1,
                Tag::MetadataBlock(kind) => {
                    skip += 1;
                    in_front = kind == MetadataBlockKind::YamlStyle;
                }
                Tag::Heading { level, .. } => {
                    b.end_block();
                    if level == HeadingLevel::H1 && title.is_none() {
                        in_title = true;
                        heading.clear();
                    }
                }
                Tag::Paragraph | Tag::TableRow | Tag::TableHead => b.end_block(),
                Tag::Item => b.start_item(),
                Tag::BlockQuote(_) => b.start_quote(),
                Tag::Link { .. } => b.start_link(),
                _ => {}
            },
            Event::End(end) => match end {
                TagEnd::Image | TagEnd::CodeBlock | TagEnd::FootnoteDefinition => {
                    skip = skip.saturating_sub(1)
                }
                TagEnd::MetadataBlock(_) => {
                    skip = skip.saturating_sub(1);
                    in_front = false;
                }
                TagEnd::Heading(_) if in_title => {
                    in_title = false;
                    let t = super::article::collapse(&heading);
                    if !t.is_empty() {
                        title = Some(t);
                    }
                }
                TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::TableRow | TagEnd::TableHead => {
                    b.end_block()
                }
                TagEnd::TableCell => b.text(" "),
                TagEnd::Item => b.end_item(),
                TagEnd::BlockQuote(_) => b.end_quote(),
                TagEnd::Link => b.end_link(),
                _ => {}
            },
            Event::Text(t) if in_front => front.read(&t),
            Event::Text(t) | Event::Code(t) if skip == 0 => {
                if in_title {
                    heading.push_str(&t);
                } else {
                    b.text(&t);
                }
            }
            // A soft break stays a line break: the segmenter joins wrapped
            // lines itself, and a plain-text article saved as .md keeps its
            // `Headline` / `By …` lines apart.
            Event::SoftBreak if skip == 0 => {
                if in_title {
                    heading.push(' ');
                } else {
                    b.line_break();
                }
            }
            Event::HardBreak if skip == 0 => b.line_break(),
            _ => {}
        }
    }
    let (blocks, _) = b.finish();
    let mut article = ArticleText {
        title: title.or(front.title),
        byline: front.author.as_deref().and_then(byline),
        published: front.date,
        blocks,
    };
    // A `By …` paragraph right after the title is the byline.
    if article.byline.is_none()
        && let Some(super::article::Block::Para(p)) = article.blocks.first()
        && p.len() < 200
        && p.starts_with("By ")
    {
        article.byline = byline(p);
    }
    article.tidy(false);
    article
}

/// The few front-matter keys a news article uses (simple `key: value` lines).
#[derive(Default)]
struct FrontMatter {
    title: Option<String>,
    author: Option<String>,
    date: Option<String>,
}

impl FrontMatter {
    fn read(&mut self, block: &str) {
        for line in block.lines() {
            let Some((key, value)) = line.split_once(':') else {
                continue;
            };
            let value = value.trim().trim_matches(['"', '\'']).trim();
            if value.is_empty() {
                continue;
            }
            let slot = match key.trim().to_ascii_lowercase().as_str() {
                "title" | "headline" => &mut self.title,
                "author" | "authors" | "byline" => &mut self.author,
                "date" | "published" | "datepublished" => &mut self.date,
                _ => continue,
            };
            slot.get_or_insert_with(|| value.to_string());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(md: &str) -> String {
        extract(md).render()
    }

    #[test]
    fn markup_is_stripped() {
        let out = render(
            "# The Title\n\nSome **bold** and *em* text with a [link](https://x.example) and `code`.\n\n![alt words](a.png)\n\n## Sub\n\n```\nlet x = 1;\n```\n\nLast.",
        );
        assert_eq!(
            out,
            "The Title\n\nSome bold and em text with a link and code.\n\nSub\n\nLast."
        );
    }

    #[test]
    fn lists_quotes_and_byline() {
        let out = render(
            "# Head\n\nBy Jo Park\n\nIt has:\n\n* one\n* two\n\n> Quoted and\n> wrapped.\n\nEnd.",
        );
        assert_eq!(
            out,
            "Head\n\nBy Jo Park\n\nIt has:\n\n- one\n- two\n\n“Quoted and\nwrapped.”\n\nEnd."
        );
    }

    #[test]
    fn front_matter_fills_gaps() {
        let a = extract(
            "---\ntitle: From Front\nauthor: \"Kim Lee\"\ndate: 2026-01-02\n---\n\nBody here.\n",
        );
        assert_eq!(a.title.as_deref(), Some("From Front"));
        assert_eq!(a.byline.as_deref(), Some("By Kim Lee"));
        assert_eq!(a.published.as_deref(), Some("2026-01-02"));
        assert_eq!(a.render(), "From Front\n\nBy Kim Lee\n\nBody here.");
    }

    #[test]
    fn plain_text_saved_as_markdown_keeps_its_header_lines() {
        let a = extract("Mayor Quits Over Audit\nBy Jo Park\n\nThe mayor quit on\nMonday.");
        assert_eq!(a.title, None);
        assert_eq!(
            a.render(),
            "Mayor Quits Over Audit\nBy Jo Park\n\nThe mayor quit on\nMonday."
        );
    }

    #[test]
    fn only_the_first_h1_is_the_title() {
        let a = extract("Intro line.\n\n# First\n\nText.\n\n# Second\n\nMore.");
        assert_eq!(a.title.as_deref(), Some("First"));
        assert_eq!(
            a.render(),
            "First\n\nIntro line.\n\nText.\n\nSecond\n\nMore."
        );
    }
}
