#![no_main]
//! The time extractor on any text, with and without a reference date.

use libfuzzer_sys::fuzz_target;

mod common;

fuzz_target!(|data: &[u8]| {
    let Some(text) = common::text(data) else {
        return;
    };
    let doc = factlint::document::Document::new(text);
    for reference in [None, Some(jiff::civil::date(2025, 6, 2))] {
        let times = factlint::extract::time::extract_times(text, &doc.sentences, reference);
        for t in times {
            common::well_formed(text, &t.span, "time");
            if let Some((_, signal)) = &t.signal {
                common::well_formed(text, signal, "time signal");
            }
            if let Some((first, last)) = t.interval {
                assert!(first <= last, "interval {first}..{last}");
            }
        }
    }
});
