//! The document being checked: its text, line index, front matter,
//! paragraphs, sentences and words, all as byte ranges over the borrowed text.
//!
//! Everything downstream (extractors, linking, reports) speaks in byte
//! offsets into [`Document::text`]; this module is where those offsets meet
//! lines, columns and the shape of prose.

use std::ops::Range;

use jiff::civil::Date;

/// A byte range into a text, end exclusive.
pub type Span = Range<usize>;

/// A document's text with the structure the checks need.
#[derive(Debug)]
pub struct Document<'a> {
    /// The whole text, front matter included, so spans are file offsets.
    pub text: &'a str,
    /// Where the prose starts (after front matter and a byte-order mark).
    pub body_start: usize,
    /// `date`, `published` or `publishDate` from YAML (`---`) or TOML (`+++`) front matter.
    pub front_matter_date: Option<Date>,
    /// Paragraphs: blocks separated by blank lines, and lines that end a sentence
    /// in texts written one paragraph per line.
    pub paragraphs: Vec<Span>,
    /// Sentences, never crossing a paragraph boundary.
    pub sentences: Vec<Span>,
    /// Block quotations the markup marks (Markdown's `>`), whole.
    pub block_quotes: Vec<Span>,
    /// The start of each line from [`Document::origin`] on (the first entry
    /// is the origin itself, which may be inside a line).
    line_starts: Vec<usize>,
    /// Where the document's lines begin to be counted: the start of the
    /// file, or of a window of a long one.
    origin: Origin,
    /// The last position asked for: positions are mostly asked for in text
    /// order, so counting the characters of a 50 MB line again for every
    /// mention on it would make reports quadratic.
    cursor: std::cell::Cell<(usize, LineCol)>,
}

/// A byte offset with its line and column: where a window of a long
/// document begins, counted once by whoever cuts the windows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Origin {
    pub offset: usize,
    pub at: LineCol,
}

impl Origin {
    /// The start of a file.
    pub const START: Origin = Origin {
        offset: 0,
        at: LineCol { line: 1, column: 1 },
    };
}

/// A 1-based line and column; the column counts Unicode scalar values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineCol {
    pub line: usize,
    pub column: usize,
}

/// The block structure markup gives a document.
#[derive(Debug, Clone, Default)]
pub struct Blocks {
    /// Paragraphs, headings, list items and table cells, in order.
    pub paragraphs: Vec<Span>,
    /// Block quotations, whole.
    pub quoted: Vec<Span>,
}

impl<'a> Document<'a> {
    pub fn new(text: &'a str) -> Self {
        Self::with_blocks(text, None)
    }

    /// A document whose paragraphs the markup already gave (Markdown's
    /// blocks, see [`crate::prose`]); `None` finds them in the text.
    pub fn with_blocks(text: &'a str, blocks: Option<&Blocks>) -> Self {
        Self::window(text, Origin::START, blocks)
    }

    /// A window of a long document (see [`crate::window`]): `text` is the
    /// file up to the window's end and the window starts at `origin`, a
    /// paragraph boundary. Spans, lines and columns stay the file's and only
    /// the window's paragraphs are read. Only a window at the start of the
    /// file has front matter.
    pub fn window(text: &'a str, origin: Origin, blocks: Option<&Blocks>) -> Self {
        let start = origin.offset.min(text.len());
        let (body_start, front_matter_date) = if start == 0 {
            front_matter(text)
        } else {
            (start, None)
        };
        let (paragraphs, block_quotes) = match blocks {
            Some(blocks) => {
                // In text order; a block longer than a window is cut with it.
                let first = blocks.paragraphs.partition_point(|b| b.end <= body_start);
                let paragraphs = blocks.paragraphs[first..]
                    .iter()
                    .take_while(|b| b.start < text.len())
                    .map(|b| b.start.max(body_start)..b.end.min(text.len()))
                    .filter(|b| !b.is_empty())
                    .collect();
                let quoted = blocks
                    .quoted
                    .iter()
                    .filter(|q| q.start < text.len() && q.end > start)
                    .cloned()
                    .collect();
                (paragraphs, quoted)
            }
            None => (paragraphs(text, body_start), Vec::new()),
        };
        Self::build(
            text,
            origin,
            body_start,
            front_matter_date,
            paragraphs,
            block_quotes,
        )
    }

    fn build(
        text: &'a str,
        origin: Origin,
        body_start: usize,
        front_matter_date: Option<Date>,
        paragraphs: Vec<Span>,
        block_quotes: Vec<Span>,
    ) -> Self {
        let from = origin.offset.min(text.len());
        let line_starts = std::iter::once(from)
            .chain(text[from..].match_indices('\n').map(|(i, _)| from + i + 1))
            .collect();
        let sentences = paragraphs
            .iter()
            .flat_map(|p| sentences(text, p.clone()))
            .collect();
        Document {
            text,
            body_start,
            front_matter_date,
            paragraphs,
            sentences,
            block_quotes,
            line_starts,
            origin,
            cursor: std::cell::Cell::new((from, origin.at)),
        }
    }

    /// Line and column of a byte offset (clamped to the text, and to the
    /// window of a long document).
    pub fn line_col(&self, offset: usize) -> LineCol {
        let mut offset = offset.min(self.text.len()).max(self.line_starts[0]);
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let (last, at) = self.cursor.get();
        let line = self.line_starts.partition_point(|&s| s <= offset).max(1) - 1;
        let result = if line + self.origin.at.line == at.line && last <= offset {
            LineCol {
                line: at.line,
                column: at.column + self.text[last..offset].chars().count(),
            }
        } else if line == 0 {
            LineCol {
                line: self.origin.at.line,
                column: self.origin.at.column
                    + self.text[self.line_starts[0]..offset].chars().count(),
            }
        } else {
            LineCol {
                line: self.origin.at.line + line,
                column: self.text[self.line_starts[line]..offset].chars().count() + 1,
            }
        };
        self.cursor.set((offset, result));
        result
    }

    /// The byte ranges of the lines, without their line terminators.
    pub fn lines(&self) -> impl Iterator<Item = Span> + '_ {
        self.line_starts.iter().enumerate().map(|(i, &start)| {
            let end = self
                .line_starts
                .get(i + 1)
                .map_or(self.text.len(), |&next| next - 1);
            let end = if end > start && self.text.as_bytes()[end - 1] == b'\r' {
                end - 1
            } else {
                end
            };
            start..end
        })
    }

    /// Where the document's lines are counted from: the file's start, or
    /// the start of a window of a long file.
    pub fn origin(&self) -> Origin {
        self.origin
    }

    /// The sentence that contains `offset`, if any.
    pub fn sentence_at(&self, offset: usize) -> Option<Span> {
        containing(&self.sentences, offset)
    }

    /// The paragraph that contains `offset`, if any.
    pub fn paragraph_at(&self, offset: usize) -> Option<Span> {
        containing(&self.paragraphs, offset)
    }

    /// Whether `offset` is inside a block quotation the markup marks.
    pub fn in_block_quote(&self, offset: usize) -> bool {
        self.block_quotes
            .iter()
            .any(|q| q.start <= offset && offset < q.end)
    }
}

fn containing(ranges: &[Span], offset: usize) -> Option<Span> {
    let i = ranges.partition_point(|r| r.end <= offset);
    ranges.get(i).filter(|r| r.start <= offset).cloned()
}

/// Where the prose starts: after a byte-order mark and front matter.
pub fn body_start(text: &str) -> usize {
    front_matter(text).0
}

/// Splits off YAML (`---`) or TOML (`+++`) front matter and reads its date.
/// Only the date keys matter here, so a line scan is enough; a malformed
/// block is treated as prose.
fn front_matter(text: &str) -> (usize, Option<Date>) {
    let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let rest = &text[start..];
    let fence = if rest.starts_with("---") {
        "---"
    } else if rest.starts_with("+++") {
        "+++"
    } else {
        return (start, None);
    };
    let Some(first_nl) = rest.find('\n') else {
        return (start, None);
    };
    if rest[..first_nl].trim_end() != fence {
        return (start, None);
    }
    let mut pos = first_nl + 1;
    let mut date = None;
    while pos < rest.len() {
        let end = rest[pos..].find('\n').map_or(rest.len(), |i| pos + i);
        let line = rest[pos..end].trim_end_matches('\r');
        if line.trim_end() == fence {
            let body = (start + end + 1).min(text.len());
            return (body, date);
        }
        if date.is_none() {
            date = front_matter_date(line);
        }
        pos = end + 1;
    }
    (start, None)
}

/// Reads `date: 2025-06-02`, `published = "2025-06-02T10:00:00Z"` and the like.
fn front_matter_date(line: &str) -> Option<Date> {
    let (key, value) = line.split_once([':', '='])?;
    let key = key.trim();
    if !["date", "published", "publishDate", "publishdate", "pubDate"].contains(&key) {
        return None;
    }
    let value = value.trim().trim_matches(['"', '\'']);
    value.get(..10)?.parse().ok()
}

/// Paragraph boundaries: blank lines always; a single line break when the
/// line before it is a heading, a list item or ends a sentence, or when the
/// next line starts a list item or heading. Text wrapped at a fixed width
/// keeps its lines together because wrapped lines rarely end a sentence.
fn paragraphs(text: &str, body_start: usize) -> Vec<Span> {
    let mut out = Vec::new();
    let mut current: Option<Span> = None;
    let mut pos = body_start;
    while pos < text.len() {
        let end = text[pos..].find('\n').map_or(text.len(), |i| pos + i);
        let line = &text[pos..end];
        let trimmed = line.trim();
        if trimmed.is_empty() {
            out.extend(current.take());
        } else {
            let content_start = pos + (line.len() - line.trim_start().len());
            let content_end = pos + line.trim_end().len();
            if let Some(cur) = current.as_mut() {
                if starts_block(trimmed) {
                    out.extend(current.replace(content_start..content_end));
                } else {
                    cur.end = content_end;
                }
            } else {
                current = Some(content_start..content_end);
            }
            if ends_paragraph_line(trimmed) {
                out.extend(current.take());
            }
        }
        pos = end + 1;
    }
    out.extend(current);
    out
}

fn starts_block(line: &str) -> bool {
    line.starts_with('#')
        || line.starts_with("- ")
        || line.starts_with("* ")
        || line.starts_with("> ")
        || line.split_once(['.', ')']).is_some_and(|(n, _)| {
            !n.is_empty() && n.len() <= 3 && n.bytes().all(|b| b.is_ascii_digit())
        })
}

fn ends_paragraph_line(line: &str) -> bool {
    line.starts_with('#') || line.ends_with(['.', '!', '?', ':', '"', '\u{201d}', '\u{2019}', ')'])
}

/// Splits a paragraph into sentences at `.`, `!` or `?` (with any closing
/// quotes or brackets) followed by white space and a capital, digit or quote,
/// except after common abbreviations and initials.
fn sentences(text: &str, para: Span) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = para.start;
    let bytes = text.as_bytes();
    let mut i = para.start;
    while i < para.end {
        let b = bytes[i];
        if matches!(b, b'.' | b'!' | b'?') {
            let mut j = i + 1;
            // Swallow closing quotes and brackets: `…end."` or `…end.”`.
            while j < para.end {
                let c = text[j..].chars().next().unwrap_or(' ');
                if matches!(
                    c,
                    '"' | '\'' | ')' | ']' | '\u{201d}' | '\u{2019}' | '.' | '!' | '?'
                ) {
                    j += c.len_utf8();
                } else {
                    break;
                }
            }
            let after_ws = text[j..para.end].trim_start();
            let has_ws = after_ws.len() < para.end - j;
            let next = after_ws.chars().next();
            let opens_sentence = next.is_some_and(|c| {
                c.is_uppercase()
                    || c.is_ascii_digit()
                    || matches!(c, '"' | '\'' | '\u{201c}' | '\u{2018}' | '(' | '[')
            });
            let glued = !has_ws && glued_sentences(text, i, j, para.end);
            if (has_ws && opens_sentence || glued)
                && !(b == b'.' && is_abbreviation(&text[start..i]))
            {
                out.push(start..j);
                start = para.end - after_ws.len();
                i = start;
                continue;
            }
            i = j;
            continue;
        }
        i += 1;
    }
    if start < para.end {
        out.push(start..para.end);
    }
    out
}

/// Whether the end mark at `mark` (its closing quotes running to `after`)
/// ends a sentence that the next one follows with no space, as text
/// scraped from the web often runs ("…over the medium term.The Bank of
/// Japan said…"): a word of two lowercase letters, a digit or a closing
/// mark before it, a capitalised word right after it, and no web address
/// or e-mail around.
fn glued_sentences(text: &str, mark: usize, after: usize, end: usize) -> bool {
    let before = text[..mark].chars().rev().take(2).collect::<Vec<_>>();
    let word_end = match before.as_slice() {
        [a, b, ..] if a.is_lowercase() && b.is_lowercase() => true,
        [a, ..] => a.is_ascii_digit() || matches!(a, '%' | ')' | '"' | '\u{201d}'),
        [] => false,
    };
    let mut next = text[after..end].chars();
    let capitalised =
        next.next().is_some_and(char::is_uppercase) && next.next().is_some_and(char::is_lowercase);
    if !(word_end && capitalised) {
        return false;
    }
    let token_start = text[..mark]
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace())
        .map_or(0, |(w, c)| w + c.len_utf8());
    let token_end = text[after..end]
        .find(char::is_whitespace)
        .map_or(end, |w| after + w);
    let token = &text[token_start..token_end];
    !(token.contains("://") || token.contains('@') || token.contains("www."))
}

/// Whether the text before a period ends with an abbreviation or an initial,
/// so the period does not end the sentence ("Gen. Langley", "U.S. forces").
fn is_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"')
        .next()
        .unwrap_or("");
    if word.chars().count() == 1 && word.chars().all(char::is_uppercase) {
        return true;
    }
    if word.contains('.') && word.chars().all(|c| c.is_alphabetic() || c == '.') {
        return true; // "U.S", "a.m"; not "1.25%"
    }
    const ABBREVIATIONS: &[&str] = &[
        "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Col", "Lt", "Sgt", "Capt", "Maj", "Cmdr", "Adm",
        "Gov", "Sen", "Rep", "Pres", "St", "Mt", "No", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul",
        "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Inc", "Ltd", "Co", "Corp", "vs", "etc", "Jr",
        "Sr", "approx", "est", "Fig", "Vol",
    ];
    ABBREVIATIONS.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts<'a>(text: &'a str, spans: &[Span]) -> Vec<&'a str> {
        spans.iter().map(|s| &text[s.clone()]).collect()
    }

    #[test]
    fn line_col_counts_scalar_values() {
        let doc = Document::new("ab\n“é” x\n");
        assert_eq!(doc.line_col(0), LineCol { line: 1, column: 1 });
        assert_eq!(doc.line_col(3), LineCol { line: 2, column: 1 });
        let x = doc.text.find('x').unwrap();
        assert_eq!(doc.line_col(x), LineCol { line: 2, column: 5 });
        assert_eq!(doc.line_col(999), LineCol { line: 3, column: 1 });
    }

    #[test]
    fn line_col_is_the_same_in_any_order() {
        let text = "one “two” three\nfour fïve\n\nsix";
        let doc = Document::new(text);
        let fresh: Vec<LineCol> = (0..=text.len())
            .map(|i| Document::new(text).line_col(i))
            .collect();
        let forward: Vec<LineCol> = (0..=text.len()).map(|i| doc.line_col(i)).collect();
        assert_eq!(forward, fresh);
        let backward: Vec<LineCol> = (0..=text.len()).rev().map(|i| doc.line_col(i)).collect();
        assert_eq!(backward.into_iter().rev().collect::<Vec<_>>(), fresh);
    }

    #[test]
    fn a_window_counts_the_file_s_lines_and_columns() {
        let text =
            "---\ndate: 2025-08-14\n---\nfirst line\nsecond “é” line. More\nthird line\n\nfourth";
        let whole = Document::new(text);
        let start = text.find("More").unwrap();
        let end = text.find("\nfourth").unwrap();
        let origin = Origin {
            offset: start,
            at: whole.line_col(start),
        };
        let window = Document::window(&text[..end], origin, None);
        assert_eq!(window.body_start, start);
        assert_eq!(window.front_matter_date, None);
        assert_eq!(window.paragraphs.len(), 1);
        assert_eq!(window.paragraphs[0], start..text.find("\n\n").unwrap());
        // in any order, so that the cursor is tried both ways
        let offsets: Vec<usize> = (start..=end)
            .filter(|&i| text.is_char_boundary(i))
            .collect();
        for &at in offsets.iter().chain(offsets.iter().rev()) {
            assert_eq!(window.line_col(at), whole.line_col(at), "at {at}");
        }
    }

    #[test]
    fn yaml_and_toml_front_matter() {
        let doc = Document::new("---\ntitle: x\ndate: 2025-08-14\n---\nBody.\n");
        assert_eq!(doc.front_matter_date, Some(jiff::civil::date(2025, 8, 14)));
        assert_eq!(&doc.text[doc.body_start..], "Body.\n");
        let doc = Document::new("+++\npublished = \"2024-01-02T10:00:00Z\"\n+++\nBody.");
        assert_eq!(doc.front_matter_date, Some(jiff::civil::date(2024, 1, 2)));
        let doc = Document::new("---\nnot closed\nBody.");
        assert_eq!(doc.body_start, 0);
        assert_eq!(doc.front_matter_date, None);
    }

    #[test]
    fn paragraphs_by_blank_lines_and_sentence_ending_lines() {
        let text = "Headline here\n\nFirst para. Still first.\nSecond para\nwrapped line.\n# Heading\nText";
        let doc = Document::new(text);
        assert_eq!(
            texts(text, &doc.paragraphs),
            vec![
                "Headline here",
                "First para. Still first.",
                "Second para\nwrapped line.",
                "# Heading",
                "Text"
            ]
        );
    }

    #[test]
    fn sentences_skip_abbreviations_and_keep_quotes() {
        let text =
            "Gen. Langley spoke in the U.S. on Friday. \"We fought.\" He left! Then 3 p.m. came";
        let doc = Document::new(text);
        assert_eq!(
            texts(text, &doc.sentences),
            vec![
                "Gen. Langley spoke in the U.S. on Friday.",
                "\"We fought.\"",
                "He left!",
                "Then 3 p.m. came"
            ]
        );
    }

    #[test]
    fn sentences_glued_without_a_space_are_split() {
        let text = "Yields rose on Wednesday.The bank said it would buy bonds since Jan. 18.\
                    Shares fell 1.25%.Gold added 0.1% at www.Example.com and in the U.S.Then \
                    it ended.";
        let doc = Document::new(text);
        assert_eq!(
            texts(text, &doc.sentences),
            vec![
                "Yields rose on Wednesday.",
                "The bank said it would buy bonds since Jan. 18.",
                "Shares fell 1.25%.",
                "Gold added 0.1% at www.Example.com and in the U.S.Then it ended."
            ]
        );
    }

    #[test]
    fn a_glued_sentence_after_a_wide_space_is_split_on_char_boundaries() {
        let text = "Prices\u{a0}rose.Then they fell.";
        let doc = Document::new(text);
        assert_eq!(
            texts(text, &doc.sentences),
            vec!["Prices\u{a0}rose.", "Then they fell."]
        );
    }

    #[test]
    fn sentence_and_paragraph_lookup() {
        let text = "One. Two.\n\nThree.";
        let doc = Document::new(text);
        assert_eq!(doc.sentence_at(6), Some(5..9));
        assert_eq!(doc.paragraph_at(12), Some(11..17));
        assert_eq!(doc.sentence_at(10), None);
    }
}
