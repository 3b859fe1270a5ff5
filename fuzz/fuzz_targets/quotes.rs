#![no_main]
//! The quotation extractor, with speakers, on any text.

use libfuzzer_sys::fuzz_target;

mod common;

fuzz_target!(|data: &[u8]| {
    let Some(text) = common::text(data) else {
        return;
    };
    let doc = factlint::document::Document::new(text);
    let quotes = factlint::extract::quote::extract_quotes(text, &doc.paragraphs);
    for (k, q) in quotes.iter().enumerate() {
        common::well_formed(text, &q.span, "quote");
        common::well_formed(text, &q.content, "quote content");
        assert!(q.span.start <= q.content.start && q.content.end <= q.span.end);
        for s in q.speaker.iter().chain(&q.speaker_name) {
            common::well_formed(text, s, "speaker");
        }
        if let Some(earlier) = q.continues {
            assert!(earlier < k, "quote {k} continues a later one ({earlier})");
        }
    }
});
