#![no_main]
//! The Markdown path: what is not prose is blanked, byte for byte, and
//! the blocks lie inside the text.

use libfuzzer_sys::fuzz_target;

mod common;

use factlint::prose::{Markup, Prose};

fuzz_target!(|data: &[u8]| {
    let Some(text) = common::text(data) else {
        return;
    };
    for markup in [Markup::Markdown, Markup::Plain] {
        let prose = Prose::new(text, markup);
        assert_eq!(prose.text.len(), text.len());
        for (a, b) in text.bytes().zip(prose.text.bytes()) {
            assert!(a == b || b == b' ', "{a} became {b}");
            assert_eq!(a == b'\n', b == b'\n');
        }
        if let Some(blocks) = &prose.blocks {
            for b in blocks.paragraphs.iter().chain(&blocks.quoted) {
                common::well_formed(text, b, "block");
            }
        }
        let analysis = factlint::analysis::Analysis::of_prose(&prose, None, None);
        for q in &analysis.quantities {
            common::well_formed(text, &q.span, "quantity");
        }
    }
});
