//! Positions: factlint counts bytes, LSP counts lines and characters in an
//! encoding agreed at initialization (UTF-16 code units unless the client
//! offers UTF-8). Every conversion clamps instead of failing, so a stale or
//! malformed position from a client can never make the server panic.

use std::ops::Range;

use lsp_types::{Position, PositionEncodingKind};

/// What a position's `character` counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// Bytes: factlint's own unit, so nothing to convert within a line.
    Utf8,
    /// UTF-16 code units: the protocol's default, which every client speaks.
    Utf16,
}

impl Encoding {
    /// UTF-8 when the client offers it (no conversion cost), else UTF-16.
    pub fn negotiate(offered: &[PositionEncodingKind]) -> Encoding {
        if offered.contains(&PositionEncodingKind::UTF8) {
            Encoding::Utf8
        } else {
            Encoding::Utf16
        }
    }

    pub fn kind(self) -> PositionEncodingKind {
        match self {
            Encoding::Utf8 => PositionEncodingKind::UTF8,
            Encoding::Utf16 => PositionEncodingKind::UTF16,
        }
    }

    fn width(self, c: char) -> usize {
        match self {
            Encoding::Utf8 => c.len_utf8(),
            Encoding::Utf16 => c.len_utf16(),
        }
    }
}

/// Where each line of a text starts, to convert byte offsets to positions
/// and back. Lines end at `\n`, `\r\n` or a lone `\r`, as the protocol says.
pub struct LineIndex<'t> {
    text: &'t str,
    starts: Vec<usize>,
    encoding: Encoding,
}

impl<'t> LineIndex<'t> {
    pub fn new(text: &'t str, encoding: Encoding) -> Self {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        for (i, &b) in bytes.iter().enumerate() {
            let ends_line = b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n'));
            if ends_line {
                starts.push(i + 1);
            }
        }
        LineIndex {
            text,
            starts,
            encoding,
        }
    }

    /// The position of a byte offset; an offset past the end or inside a
    /// character is moved back to the nearest character boundary.
    pub fn position(&self, offset: usize) -> Position {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let start = self.starts[line];
        let character: usize = self.text[start..offset]
            .chars()
            .map(|c| self.encoding.width(c))
            .sum();
        Position::new(to_u32(line), to_u32(character))
    }

    /// The byte offset of a position. A line past the end is the end of the
    /// text; a character past the end of its line is the end of the line
    /// (before its line break); one inside a character (half a surrogate
    /// pair) is that character's start.
    pub fn offset(&self, position: Position) -> usize {
        let line = position.line as usize;
        let Some(&start) = self.starts.get(line) else {
            return self.text.len();
        };
        let end = self
            .starts
            .get(line + 1)
            .copied()
            .unwrap_or(self.text.len());
        let content = self.text[start..end].trim_end_matches(['\n', '\r']);
        let wanted = position.character as usize;
        let mut units = 0;
        for (i, c) in content.char_indices() {
            let width = self.encoding.width(c);
            if units + width > wanted {
                return start + i;
            }
            units += width;
        }
        start + content.len()
    }

    pub fn range(&self, span: &Range<usize>) -> lsp_types::Range {
        lsp_types::Range::new(self.position(span.start), self.position(span.end))
    }

    /// The byte span of a range, start and end in order whatever was sent.
    pub fn span(&self, range: lsp_types::Range) -> Range<usize> {
        let (a, b) = (self.offset(range.start), self.offset(range.end));
        a.min(b)..a.max(b)
    }
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pos(line: u32, character: u32) -> Position {
        Position::new(line, character)
    }

    // "é" is 2 bytes and 1 UTF-16 unit, "—" 3 and 1, "🌉" 4 and 2.
    const TEXT: &str = "Café — 12\n🌉 cost 15 é\r\nlast\rline";

    #[test]
    fn offsets_to_positions_count_utf16_units_by_default() {
        let index = LineIndex::new(TEXT, Encoding::Utf16);
        assert_eq!(index.position(0), pos(0, 0));
        assert_eq!(index.position(TEXT.find(" —").unwrap()), pos(0, 4));
        assert_eq!(index.position(TEXT.find("12").unwrap()), pos(0, 7));
        let second = TEXT.find('🌉').unwrap();
        assert_eq!(index.position(second), pos(1, 0));
        assert_eq!(index.position(second + 4), pos(1, 2));
        assert_eq!(index.position(TEXT.find("15").unwrap()), pos(1, 8));
        assert_eq!(index.position(TEXT.find("\r\n").unwrap()), pos(1, 12));
        assert_eq!(index.position(TEXT.find("last").unwrap()), pos(2, 0));
        assert_eq!(index.position(TEXT.find("line").unwrap()), pos(3, 0));
        assert_eq!(index.position(TEXT.len()), pos(3, 4));
    }

    #[test]
    fn offsets_to_positions_count_bytes_in_utf8() {
        let index = LineIndex::new(TEXT, Encoding::Utf8);
        assert_eq!(index.position(TEXT.find("12").unwrap()), pos(0, 10));
        assert_eq!(index.position(TEXT.find("15").unwrap()), pos(1, 10));
        assert_eq!(index.position(TEXT.find("\r\n").unwrap()), pos(1, 15));
    }

    #[test]
    fn positions_to_offsets_in_both_encodings() {
        let utf16 = LineIndex::new(TEXT, Encoding::Utf16);
        let utf8 = LineIndex::new(TEXT, Encoding::Utf8);
        let twelve = TEXT.find("12").unwrap();
        let fifteen = TEXT.find("15").unwrap();
        assert_eq!(utf16.offset(pos(0, 7)), twelve);
        assert_eq!(utf8.offset(pos(0, 10)), twelve);
        assert_eq!(utf16.offset(pos(1, 8)), fifteen);
        assert_eq!(utf8.offset(pos(1, 10)), fifteen);
        // after the emoji: two UTF-16 units, four bytes
        let bridge = TEXT.find('🌉').unwrap();
        assert_eq!(utf16.offset(pos(1, 2)), bridge + 4);
        assert_eq!(utf8.offset(pos(1, 4)), bridge + 4);
    }

    #[test]
    fn every_character_boundary_goes_there_and_back() {
        for encoding in [Encoding::Utf8, Encoding::Utf16] {
            let index = LineIndex::new(TEXT, encoding);
            for (offset, c) in TEXT.char_indices() {
                // a line break's position is the end of its line, which maps
                // back to the break itself: only `\n` of `\r\n` is not reachable
                if c == '\n' && TEXT[..offset].ends_with('\r') {
                    continue;
                }
                assert_eq!(
                    index.offset(index.position(offset)),
                    offset,
                    "{encoding:?} {c:?}"
                );
            }
            assert_eq!(index.offset(index.position(TEXT.len())), TEXT.len());
        }
    }

    #[test]
    fn out_of_range_and_split_positions_are_clamped() {
        let utf16 = LineIndex::new(TEXT, Encoding::Utf16);
        let utf8 = LineIndex::new(TEXT, Encoding::Utf8);
        let bridge = TEXT.find('🌉').unwrap();
        // half a surrogate pair, or the middle of a UTF-8 sequence: the
        // character's start
        assert_eq!(utf16.offset(pos(1, 1)), bridge);
        assert_eq!(utf8.offset(pos(1, 2)), bridge);
        // past the end of a line: before its line break
        assert_eq!(utf16.offset(pos(0, 99)), TEXT.find('\n').unwrap());
        assert_eq!(utf16.offset(pos(1, 99)), TEXT.find("\r\n").unwrap());
        // past the last line: the end
        assert_eq!(utf16.offset(pos(9, 0)), TEXT.len());
        // offsets past the end or inside a character
        assert_eq!(utf16.position(TEXT.len() + 10), pos(3, 4));
        assert_eq!(utf16.position(bridge + 1), pos(1, 0));
        // a range given backwards
        let range = lsp_types::Range::new(pos(0, 7), pos(0, 4));
        assert_eq!(
            utf16.span(range),
            TEXT.find(" —").unwrap()..TEXT.find("12").unwrap()
        );
    }

    #[test]
    fn empty_text_and_trailing_break() {
        let empty = LineIndex::new("", Encoding::Utf16);
        assert_eq!(empty.position(0), pos(0, 0));
        assert_eq!(empty.offset(pos(3, 3)), 0);
        let text = "a\n";
        let index = LineIndex::new(text, Encoding::Utf16);
        assert_eq!(index.position(2), pos(1, 0));
        assert_eq!(index.offset(pos(1, 0)), 2);
    }

    #[test]
    fn utf8_is_chosen_only_when_offered() {
        use PositionEncodingKind as K;
        assert_eq!(Encoding::negotiate(&[]), Encoding::Utf16);
        assert_eq!(Encoding::negotiate(&[K::UTF16, K::UTF32]), Encoding::Utf16);
        assert_eq!(Encoding::negotiate(&[K::UTF16, K::UTF8]), Encoding::Utf8);
    }
}
