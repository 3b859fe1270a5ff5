//! Long documents are read in windows of whole paragraphs, one after the
//! other, so that what a check holds besides the file stays bounded: an
//! analysis costs about twenty bytes per byte of text, which a 50 MB file
//! cannot afford at once.
//!
//! A window is cut after a blank line (never inside a block the markup
//! marks), else after a sentence, else after a space; only a paragraph
//! longer than a window is ever cut. Spans stay file offsets, and lines and
//! columns the file's. The rules that compare a document with itself
//! (repeated passages, inconsistent counts and days) compare within a
//! window: a file this long is an archive of many stories, not one.

use std::ops::Range;

use jiff::civil::Date;

use crate::analysis::Analysis;
use crate::document::{Blocks, LineCol, Origin};
use crate::prose::Prose;

/// When a document is read in windows, and how long they are.
#[derive(Debug, Clone, Copy)]
pub struct Windowing {
    /// Documents up to this length, in bytes, are read whole.
    pub whole_up_to: usize,
    /// The length of the windows of a longer document, in bytes.
    pub window: usize,
}

impl Windowing {
    /// Documents up to 1 MiB (an article, a report, a chapter) are read
    /// whole, as before windows existed. Longer ones go in windows of 256
    /// KiB: small enough that a window's analysis (about six MB) is little
    /// beside the file, large enough (some 40,000 words) to hold whole
    /// stories.
    pub const DEFAULT: Windowing = Windowing {
        whole_up_to: 1 << 20,
        window: 1 << 18,
    };
}

/// The windows of `text` (a file's prose), in order, covering it whole;
/// one window when it is no longer than `size`. `blocks` are the blocks the
/// markup marks, which no cut splits.
pub fn windows(text: &str, blocks: Option<&Blocks>, size: usize) -> Vec<Range<usize>> {
    let size = size.max(1);
    let mut out = Vec::new();
    let mut start = 0;
    // The front matter goes whole into the first window.
    let body = crate::document::body_start(text);
    while text.len() - start > size {
        // A front matter longer than a window makes the first one longer.
        let mut end = floor_char_boundary(text, (start + size).max(body).min(text.len()));
        if end <= start {
            // a character longer than a window
            end = ceil_char_boundary(text, start + 1);
        }
        let from = floor_char_boundary(text, (start + size / 2).max(body).min(end));
        let cut = blank_line_cut(text, from..end, blocks)
            .or_else(|| block_start(blocks, start, end))
            .or_else(|| sentence_cut(text, from..end))
            .or_else(|| space_cut(text, from..end))
            .unwrap_or(end);
        out.push(start..cut);
        start = cut;
    }
    out.push(start..text.len());
    out
}

/// Reads `prose` window by window and calls `each` with each window's
/// analysis, in text order, until it returns `false`. The first window
/// finds the reference date (`command_line` and `fact_sheet` as in
/// [`Analysis::of_prose`]); the others inherit it.
pub fn analyses<'p>(
    prose: &'p Prose,
    command_line: Option<Date>,
    fact_sheet: Option<Date>,
    windowing: Windowing,
    mut each: impl FnMut(Analysis<'p>) -> bool,
) {
    if prose.text.len() <= windowing.whole_up_to {
        each(Analysis::of_prose(prose, command_line, fact_sheet));
        return;
    }
    let cuts = windows(&prose.text, prose.blocks.as_ref(), windowing.window);
    let mut origin = Origin::START;
    let mut reference = None;
    for (k, window) in cuts.into_iter().enumerate() {
        let analysis = if k == 0 {
            let first = Analysis::of_prose_until(prose, window.end, command_line, fact_sheet);
            reference = first.reference.clone();
            first
        } else {
            origin = advance(&prose.text, origin, window.start);
            Analysis::of_window(prose, window, origin, reference.clone())
        };
        if !each(analysis) {
            return;
        }
    }
}

/// The line and column at `to`, counted on from `origin` (which is before
/// it): the next window's origin, so that counting stays linear.
pub fn advance(text: &str, origin: Origin, to: usize) -> Origin {
    let between = &text[origin.offset..to];
    let at = match between.rfind('\n') {
        Some(i) => LineCol {
            line: origin.at.line + between.bytes().filter(|&b| b == b'\n').count(),
            column: 1 + between[i + 1..].chars().count(),
        },
        None => LineCol {
            line: origin.at.line,
            column: origin.at.column + between.chars().count(),
        },
    };
    Origin { offset: to, at }
}

/// Just after the last blank line in `within` that is not inside a block.
fn blank_line_cut(text: &str, within: Range<usize>, blocks: Option<&Blocks>) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut line_end = within.end;
    // Each line between two line breaks of `within`, from the last one back.
    while let Some(nl) = text[within.start..line_end].rfind('\n') {
        let nl = within.start + nl;
        let line_start = within.start + text[within.start..nl].rfind('\n')? + 1;
        let blank = bytes[line_start..nl].iter().all(u8::is_ascii_whitespace);
        if blank && !inside_block(blocks, nl + 1) {
            return Some(nl + 1);
        }
        line_end = nl;
    }
    None
}

fn inside_block(blocks: Option<&Blocks>, at: usize) -> bool {
    block_around(blocks, at).is_some()
}

/// The block that `at` falls strictly inside.
fn block_around(blocks: Option<&Blocks>, at: usize) -> Option<&Range<usize>> {
    let b = blocks?;
    let i = b.paragraphs.partition_point(|p| p.end <= at);
    b.paragraphs.get(i).filter(|p| p.start < at)
}

/// The start of the block that `end` falls inside, when the window would
/// not be empty without it: the block goes whole to the next window.
fn block_start(blocks: Option<&Blocks>, start: usize, end: usize) -> Option<usize> {
    block_around(blocks, end)
        .map(|b| b.start)
        .filter(|&s| s > start)
}

/// Just after the last sentence end ("." "!" "?" and a space) in `within`.
fn sentence_cut(text: &str, within: Range<usize>) -> Option<usize> {
    let bytes = text.as_bytes();
    (within.start + 1..within.end)
        .rev()
        .find(|&i| bytes[i].is_ascii_whitespace() && matches!(bytes[i - 1], b'.' | b'!' | b'?'))
        .map(|i| i + 1)
}

/// Just after the last space in `within`.
fn space_cut(text: &str, within: Range<usize>) -> Option<usize> {
    text[within.clone()]
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace())
        .map(|(i, c)| within.start + i + c.len_utf8())
}

fn floor_char_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn ceil_char_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(text: &str, size: usize) -> Vec<&str> {
        windows(text, None, size)
            .into_iter()
            .map(|w| &text[w])
            .collect()
    }

    #[test]
    fn a_short_text_is_one_window() {
        assert_eq!(pieces("One. Two.", 100), ["One. Two."]);
        assert_eq!(pieces("", 100), [""]);
    }

    #[test]
    fn windows_end_after_blank_lines() {
        let text = "aaaa aaaa.\n\nbbbb bbbb.\n\ncccc cccc.\n";
        assert_eq!(
            pieces(text, 14),
            ["aaaa aaaa.\n\n", "bbbb bbbb.\n\n", "cccc cccc.\n"]
        );
    }

    #[test]
    fn a_long_paragraph_is_cut_after_a_sentence_then_a_space_then_anywhere() {
        assert_eq!(
            pieces("Aaa aaa. Bbb bbb. Ccc ccc", 12),
            ["Aaa aaa. ", "Bbb bbb. ", "Ccc ccc"]
        );
        assert_eq!(pieces("aaa aaa aaa aaa", 10), ["aaa aaa ", "aaa aaa"]);
        // no space at all: cut on a character boundary, never inside one
        let text = "ééééééééé";
        let cut = pieces(text, 5);
        assert_eq!(cut.concat(), text);
        assert!(cut.iter().all(|p| !p.is_empty() && p.len() <= 6));
    }

    #[test]
    fn a_block_of_the_markup_goes_whole_to_the_next_window() {
        // A list item holding a blank line is one block.
        let text = "Intro.\n\n- item one\n\n  still item one\n\nNext paragraph.\n";
        let item = text.find("item one").unwrap()..text.find("one\n\nNext").unwrap() + 3;
        let blocks = Blocks {
            paragraphs: vec![
                0..6,
                item.clone(),
                text.find("Next").unwrap()..text.len() - 1,
            ],
            quoted: Vec::new(),
        };
        let cuts = windows(text, Some(&blocks), 28);
        assert_eq!(&text[cuts[0].clone()], "Intro.\n\n- ");
        assert!(
            cuts.iter()
                .all(|w| w.start <= item.start || w.start >= item.end)
        );
        // without the markup's blocks, the blank line inside the item is a cut
        assert_eq!(pieces(text, 28)[0], "Intro.\n\n- item one\n\n");
    }

    #[test]
    fn the_front_matter_stays_in_the_first_window() {
        let text = "---\ndate: 2025-06-02\n---\n\nBody one.\n\nBody two.\n";
        for size in [8, 30] {
            let first = windows(text, None, size).remove(0);
            assert!(text[first].starts_with("---\ndate: 2025-06-02\n---\n"));
        }
    }

    #[test]
    fn windows_cover_the_text_in_order_whatever_it_holds() {
        let text = "Line one.\r\n\r\nSecond — “quoted” é.\n\n\n   x\ty. Last";
        for size in 1..text.len() + 2 {
            let cuts = windows(text, None, size);
            assert_eq!(cuts[0].start, 0);
            assert_eq!(cuts.last().unwrap().end, text.len());
            for pair in cuts.windows(2) {
                assert_eq!(pair[0].end, pair[1].start, "size {size}");
                assert!(pair[0].start < pair[0].end, "size {size}");
            }
        }
    }

    /// Quantities (span and value), quotations (span and speaker) and time
    /// expressions (span) of every window, in order.
    fn mentions(prose: &Prose, windowing: Windowing) -> (Vec<String>, usize) {
        let mut out = Vec::new();
        let mut windows = 0;
        analyses(prose, None, None, windowing, |a| {
            windows += 1;
            for q in &a.quantities {
                out.push(format!("q {:?} {:?}", q.span, q.value));
            }
            for q in &a.quotes {
                out.push(format!("quote {:?} {:?}", q.span, q.speaker));
            }
            for t in &a.times {
                out.push(format!("t {:?}", t.span));
            }
            out.sort();
            true
        });
        (out, windows)
    }

    #[test]
    fn windows_find_the_mentions_of_the_whole_document() {
        let paragraphs = [
            "More than 30 soldiers were killed on Sunday, the army said.",
            "“We will not withdraw,” said Colonel Abdoulaye Maïga on June 2, 2025.",
            "Nearly 500 people fled between 2020 and 2023; two dozen returned last Friday.",
            "The budget is $2.5 billion, up 4% since the beginning of last month.",
            "A one-line heading",
        ];
        let mut text = String::from("---\ndate: 2025-06-04\n---\n");
        for k in 0..60 {
            text += paragraphs[k % paragraphs.len()];
            text += if k % 7 == 0 { "\r\n\r\n" } else { "\n\n" };
        }
        for markup in [crate::prose::Markup::Plain, crate::prose::Markup::Markdown] {
            let prose = Prose::new(&text, markup);
            let (whole, one) = mentions(&prose, Windowing::DEFAULT);
            assert_eq!(one, 1);
            assert!(whole.len() > 150, "{}", whole.len());
            for window in [300, 700, 1500] {
                let small = Windowing {
                    whole_up_to: 0,
                    window,
                };
                let (windowed, many) = mentions(&prose, small);
                assert!(many > 1, "{many} windows of {window} bytes");
                assert_eq!(windowed, whole, "windows of {window} bytes, {markup:?}");
            }
        }
    }

    #[test]
    fn origins_count_lines_and_characters() {
        let text = "ab\ncdé\nfg hij";
        let start = Origin::START;
        let at = text.find("hij").unwrap();
        let o = advance(text, start, at);
        assert_eq!(o.at, LineCol { line: 3, column: 4 });
        let o2 = advance(text, advance(text, start, 4), at);
        assert_eq!(o2, o);
        let e = text.find('é').unwrap() + 2;
        assert_eq!(advance(text, start, e).at, LineCol { line: 2, column: 4 });
    }
}
