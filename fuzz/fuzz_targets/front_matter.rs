#![no_main]
//! Front matter, the document's structure and its reference date on any
//! text.

use libfuzzer_sys::fuzz_target;

mod common;

fuzz_target!(|data: &[u8]| {
    let Some(text) = common::text(data) else {
        return;
    };
    let doc = factlint::document::Document::new(text);
    assert!(doc.body_start <= text.len() && text.is_char_boundary(doc.body_start));
    for p in doc.paragraphs.iter().chain(&doc.sentences) {
        common::well_formed(text, p, "paragraph or sentence");
    }
    let published = Some(jiff::civil::date(2025, 6, 2));
    if let Some(r) = factlint::reference::reference_date(&doc, None, published) {
        if let Some(d) = &r.dateline {
            common::well_formed(text, d, "dateline");
        }
    }
    // Every offset has a line and column, and they grow with it.
    let mut last = (0, 0);
    for (i, _) in text.char_indices().step_by(7) {
        let at = doc.line_col(i);
        assert!((at.line, at.column) > last, "{i}: {at:?} after {last:?}");
        last = (at.line, at.column);
    }
});
