#![no_main]
//! The quantity extractor on any text.

use libfuzzer_sys::fuzz_target;

mod common;

fuzz_target!(|data: &[u8]| {
    let Some(text) = common::text(data) else {
        return;
    };
    for q in factlint::extract::quantity::extract_quantities(text) {
        common::well_formed(text, &q.span, "quantity");
        common::well_formed(text, &q.number_span, "quantity number");
        common::well_formed(text, &q.bound_span, "quantity bound");
        if let Some(unit) = &q.unit_span {
            common::well_formed(text, unit, "quantity unit");
        }
        if let (Some(low), Some(high)) = (q.low, q.high) {
            assert!(!(low > high), "low {low} above high {high}");
        }
    }
});
