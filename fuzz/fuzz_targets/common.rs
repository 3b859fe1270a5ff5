//! What every target asserts of the spans it gets back: inside the text,
//! in order, on character boundaries. A span that is not would make a
//! report slice the text and panic.

use std::ops::Range;

#[allow(dead_code)]
pub fn well_formed(text: &str, span: &Range<usize>, what: &str) {
    assert!(span.start <= span.end, "{what}: reversed span {span:?}");
    assert!(span.end <= text.len(), "{what}: span {span:?} past the end ({})", text.len());
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what}: span {span:?} inside a character"
    );
}

/// The input as text: the fuzzer's bytes when they are UTF-8.
#[allow(dead_code)]
pub fn text(data: &[u8]) -> Option<&str> {
    std::str::from_utf8(data).ok()
}
