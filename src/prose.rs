//! The prose of a file: what is not prose (Markdown code, HTML, link
//! targets, URLs) is blanked out with spaces of the same byte length, so
//! the extractors never see it and every span still points into the file.
//!
//! Markdown is parsed with pulldown-cmark: only its text is kept, so
//! headings, lists, tables, block quotes and emphasis are checked without
//! their markers, while code blocks, inline code, HTML (comments included:
//! suppressions are read from the file itself), link and image targets,
//! autolinks and reference definitions are not. Its blocks become the
//! document's paragraphs. Front matter is left to [`crate::document`],
//! which reads its date and never treats it as prose.

use std::ops::Range;
use std::path::Path;

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};

use crate::document::{Blocks, Span};

/// How a file marks its text up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Markup {
    Plain,
    Markdown,
}

impl Markup {
    /// By extension: `.md`, `.markdown`, `.mdown`, `.mkd`, `.mdx` are
    /// Markdown; everything else is read as plain text.
    pub fn of(path: &Path) -> Markup {
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        let markdown = ["md", "markdown", "mdown", "mkd", "mdx"]
            .iter()
            .any(|m| m.eq_ignore_ascii_case(ext));
        if markdown {
            Markup::Markdown
        } else {
            Markup::Plain
        }
    }
}

/// A file's text with what is not prose blanked out.
#[derive(Debug)]
pub struct Prose {
    /// As long as the file, byte for byte; blanked bytes are spaces (line
    /// breaks stay).
    pub text: String,
    /// The blocks of text (paragraphs, headings, list items, table cells)
    /// and block quotations when the markup says where they are; plain
    /// text finds its own.
    pub blocks: Option<Blocks>,
}

impl Prose {
    pub fn new(text: &str, markup: Markup) -> Prose {
        // Blanked in place in a copy of the file: no mask as long as the
        // file, so a 50 MB file costs its copy and nothing more.
        let mut prose = text.as_bytes().to_vec();
        let blocks = match markup {
            Markup::Plain => None,
            Markup::Markdown => Some(markdown(text, &mut prose)),
        };
        hide_urls(text, &mut prose);
        // Every blanked range lies on character boundaries, so this never
        // fails; if it did, the text would be kept whole rather than cut.
        let text = String::from_utf8(prose).unwrap_or_else(|_| text.to_string());
        Prose { text, blocks }
    }
}

/// Blanks `prose[range]`: every byte but line breaks becomes a space. A
/// character's bytes are all non-ASCII or all one ASCII byte, so blanking a
/// range on character boundaries leaves valid UTF-8 of the same length.
fn blank(prose: &mut [u8], range: Range<usize>) {
    for b in &mut prose[range] {
        if *b != b'\n' && *b != b'\r' {
            *b = b' ';
        }
    }
}

/// Blanks everything of the Markdown body that is not text and returns its
/// blocks.
fn markdown(text: &str, prose: &mut [u8]) -> Blocks {
    let body = crate::document::body_start(text);
    blank(prose, body..text.len());
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS;
    // Each open block that holds text, with the stretch of text seen in it.
    let mut open: Vec<Option<Range<usize>>> = Vec::new();
    let mut blocks: Vec<Span> = Vec::new();
    let mut quoted: Vec<Span> = Vec::new();
    // Inside a code block, an image or an autolink, text is not prose.
    let mut not_prose = 0usize;
    // Whether each open link is an autolink.
    let mut links: Vec<bool> = Vec::new();
    for (event, range) in Parser::new_ext(&text[body..], options).into_offset_iter() {
        let range = range.start + body..range.end + body;
        match event {
            Event::Start(tag) => match tag {
                Tag::Paragraph
                | Tag::Heading { .. }
                | Tag::Item
                | Tag::TableCell
                | Tag::FootnoteDefinition(_) => open.push(None),
                Tag::BlockQuote(_) => quoted.push(range.clone()),
                Tag::CodeBlock(_) | Tag::Image { .. } | Tag::HtmlBlock | Tag::MetadataBlock(_) => {
                    not_prose += 1
                }
                Tag::Link { link_type, .. } => {
                    let auto = matches!(link_type, LinkType::Autolink | LinkType::Email);
                    not_prose += usize::from(auto);
                    links.push(auto);
                }
                _ => {}
            },
            Event::End(tag) => match tag {
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::TableCell
                | TagEnd::FootnoteDefinition => blocks.extend(open.pop().flatten()),
                TagEnd::CodeBlock
                | TagEnd::Image
                | TagEnd::HtmlBlock
                | TagEnd::MetadataBlock(_) => not_prose = not_prose.saturating_sub(1),
                TagEnd::Link if links.pop() == Some(true) => {
                    not_prose = not_prose.saturating_sub(1);
                }
                _ => {}
            },
            Event::Text(_) if not_prose == 0 => {
                prose[range.clone()].copy_from_slice(&text.as_bytes()[range.clone()]);
                if let Some(Some(seen)) = open.last_mut() {
                    seen.end = range.end;
                } else if let Some(top) = open.last_mut() {
                    *top = Some(range);
                }
            }
            _ => {}
        }
    }
    blocks.sort_by_key(|b| b.start);
    Blocks {
        paragraphs: blocks,
        quoted,
    }
}

/// Hides web addresses written out in the text ("https://…", "www.…"):
/// their digits and words are no facts. One pass per way an address
/// starts, each resuming after the address it hid, so the cost is linear.
fn hide_urls(text: &str, prose: &mut [u8]) {
    let bytes = text.as_bytes();
    for start in ["http://", "https://", "www."] {
        let mut covered = 0;
        for (at, _) in text.match_indices(start) {
            if at < covered {
                continue;
            }
            let end = text[at..]
                .find(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"' | '“' | '”'))
                .map_or(text.len(), |i| at + i);
            covered = end;
            if at > 0 && bytes[at - 1].is_ascii_alphanumeric() {
                continue;
            }
            // Sentence punctuation after an address is not part of it.
            let address =
                text[at..end].trim_end_matches(['.', ',', ';', ':', '!', '?', ')', ']', '\'', '’']);
            blank(prose, at..at + address.len());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kept(markdown: &str) -> String {
        let prose = Prose::new(markdown, Markup::Markdown);
        assert_eq!(prose.text.len(), markdown.len());
        prose.text.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    fn blocks(markdown: &str) -> Vec<&str> {
        let prose = Prose::new(markdown, Markup::Markdown);
        prose
            .blocks
            .unwrap()
            .paragraphs
            .into_iter()
            .map(|b| &markdown[b])
            .collect()
    }

    #[test]
    fn code_html_and_link_targets_are_blanked() {
        let md = "Intro with `30 soldiers` inline.\n\n```\n40 soldiers died\n```\n\n    50 indented\n\n<!-- 60 in a comment -->\n\nSee [the report](https://example.org/70-dead \"80 title\") and <https://example.org/90>.\n\n[ref]: https://example.org/100\n";
        assert_eq!(kept(md), "Intro with inline. See the report and .");
    }

    #[test]
    fn markers_are_blanked_and_text_kept() {
        let md = "# More than 30 **soldiers** died\n\n> A *quoted* line\n> goes on.\n\n- one item\n- 2. second\n\n| Killed | Wounded |\n|---|---|\n| 30 | 12 |\n";
        assert_eq!(
            kept(md),
            "More than 30 soldiers died A quoted line goes on. one item second Killed Wounded 30 12"
        );
    }

    #[test]
    fn blocks_are_paragraphs_headings_items_and_cells() {
        let md = "# Title\nBody line one\nline two.\n\n- first\n- second\n\n| a | b |\n|---|---|\n| 1 | 2 |\n";
        assert_eq!(
            blocks(md),
            [
                "Title",
                "Body line one\nline two.",
                "first",
                "second",
                "a",
                "b",
                "1",
                "2"
            ]
        );
    }

    #[test]
    fn block_quotations_are_marked() {
        let md = "Body.\n\n> Pulled\n> quote.\n\nMore.\n";
        let prose = Prose::new(md, Markup::Markdown);
        let quoted = prose.blocks.unwrap().quoted;
        assert_eq!(quoted.len(), 1);
        assert!(md[quoted[0].clone()].starts_with("> Pulled\n> quote."));
    }

    #[test]
    fn front_matter_is_left_for_the_document_and_spans_stay_exact() {
        let md = "---\ndate: 2025-06-02\n---\n# Héadline — “30”\n\nText `x` é.\n";
        let prose = Prose::new(md, Markup::Markdown);
        assert!(prose.text.starts_with("---\ndate: 2025-06-02\n---\n"));
        let at = md.find("Héadline").unwrap();
        assert_eq!(&prose.text[at..at + "Héadline".len()], "Héadline");
        let code = md.find("`x`").unwrap();
        assert_eq!(&prose.text[code..code + 3], "   ");
        assert_eq!(prose.text.len(), md.len());
    }

    #[test]
    fn urls_in_plain_text_are_blanked_but_not_their_sentence() {
        let prose = Prose::new(
            "Read https://example.org/2025/30-dead. Then www.example.org, then 40 more.",
            Markup::Plain,
        );
        assert_eq!(
            prose.text,
            "Read                                 . Then                , then 40 more."
        );
        assert!(prose.blocks.is_none());
    }

    #[test]
    fn markup_by_extension() {
        assert_eq!(Markup::of(Path::new("a/b.MD")), Markup::Markdown);
        assert_eq!(Markup::of(Path::new("a/b.markdown")), Markup::Markdown);
        assert_eq!(Markup::of(Path::new("a/b.txt")), Markup::Plain);
        assert_eq!(Markup::of(Path::new("-")), Markup::Plain);
    }
}
