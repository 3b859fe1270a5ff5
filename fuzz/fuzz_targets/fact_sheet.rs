#![no_main]
//! The fact-sheet loader on any text: a sheet or errors that point into
//! it, never a panic; a sheet that loads is indexed and its errors render.

use libfuzzer_sys::fuzz_target;

mod common;

fuzz_target!(|data: &[u8]| {
    let Some(text) = common::text(data) else {
        return;
    };
    match factlint::facts::FactSheet::parse("facts.toml", text) {
        Ok(sheet) => {
            let context = factlint::rules::FactSheetContext::new(&sheet);
            let analysis = factlint::analysis::Analysis::new(
                "More than 30 soldiers were killed on Sunday, the army said.",
                None,
                sheet.published,
            );
            let _ = factlint::rules::check(&analysis, Some(&context));
        }
        Err(errors) => {
            for e in &errors {
                let related = e.related.as_ref().map(|(s, _)| s);
                for s in e.span.iter().chain(related) {
                    common::well_formed(text, s, "error span");
                }
            }
            let _ = factlint::report::human::render_fact_sheet_errors("facts.toml", text, &errors, false);
        }
    }
    let _ = factlint::config::Config::parse(std::path::Path::new("factlint.toml"), text);
    let _ = factlint::baseline::Baseline::parse(text);
});
