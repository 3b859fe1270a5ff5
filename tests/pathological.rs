//! Pathological input: long runs of the things the parsers look for. Each
//! must be read without a panic or a stack overflow, and what is found must
//! make sense. How the cost grows with the size is measured by
//! `cargo bench --bench scaling`, not here.

use factlint::analysis::Analysis;
use factlint::extract::quantity::{QuantityMention, extract_quantities};
use factlint::rules;

/// `piece` repeated to at least `bytes` bytes.
fn run_of(piece: &str, bytes: usize) -> String {
    piece.repeat(bytes / piece.len() + 1)
}

/// Every span inside the text, on character boundaries, in text order.
fn well_formed(text: &str, found: &[QuantityMention]) {
    let mut last = 0;
    for q in found {
        for span in [&q.span, &q.number_span, &q.bound_span] {
            assert!(span.start <= span.end && span.end <= text.len());
            assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        }
        assert!(q.span.start >= last, "mentions overlap or go backwards");
        last = q.span.end;
        for x in [q.value, q.low, q.high].into_iter().flatten() {
            assert!(x.is_finite(), "{x} in {:?}", &text[q.span.clone()]);
        }
    }
}

#[test]
fn thousands_of_digits_are_not_an_amount() {
    let text = run_of("1234567890", 20_000);
    let found = extract_quantities(&text);
    well_formed(&text, &found);
    assert!(found.is_empty(), "a 20,000-digit run is no quantity");
}

#[test]
fn a_number_beyond_f64_is_not_reported_as_infinite() {
    let text = format!("{} soldiers", "9".repeat(400));
    well_formed(&text, &extract_quantities(&text));
}

#[test]
fn separators_without_digits_find_nothing() {
    for piece in [",", ".", ",.,-–/ ", "$€£ ", "1,", ",1", "- - "] {
        let text = run_of(piece, 50_000);
        let found = extract_quantities(&text);
        well_formed(&text, &found);
        if !piece.contains('1') {
            assert!(found.is_empty(), "{piece:?}");
        }
    }
}

#[test]
fn long_runs_of_number_words_stay_short_mentions() {
    for piece in [
        "one ",
        "seven hundred and ",
        "one hundred and twenty-three thousand ",
        "three and a half quarters of ",
        "a dozen ",
    ] {
        let text = run_of(piece, 50_000);
        let found = extract_quantities(&text);
        well_formed(&text, &found);
        // A spoken number is a handful of words: a run is cut into many.
        assert!(
            found.iter().all(|q| q.span.len() < 200),
            "{piece:?}: one mention swallowed the run"
        );
    }
}

#[test]
fn runs_of_bounds_and_fractions() {
    for piece in [
        "more than nearly about at least ",
        "1/4 ",
        "between 1 and ",
        "from 2 to ",
        "30-odd ",
        "400-plus ",
    ] {
        let text = run_of(piece, 50_000);
        well_formed(&text, &extract_quantities(&text));
    }
}

#[test]
fn the_whole_analysis_survives_every_run() {
    // A run of qualifiers once recursed in the time extractor per word.
    for piece in [
        "more than nearly about at least ",
        "1234567890",
        "one hundred and twenty-three thousand ",
        "“\"«'",
        "last Friday since the beginning of ",
        "2020–2023 ",
        // quotations nested ever deeper, never closed
        "He said “she said ‘they said «we said ‹",
        "30 soldiers\0\0 were killed.\r\n\rOn Sunday.\n",
    ] {
        let text = run_of(piece, 64 * 1024);
        let analysis = Analysis::new(&text, None, None);
        well_formed(&text, &analysis.quantities);
    }
}

#[test]
fn one_unclosed_quote_in_a_long_document_is_one_warning() {
    for paragraph_break in ["\n\n", " "] {
        let piece =
            format!("More than 30 soldiers were killed on Sunday, the army said.{paragraph_break}");
        let text = format!("“{}", run_of(&piece, 1024 * 1024));
        let analysis = Analysis::new(&text, None, None);
        let found = rules::check(&analysis, None);
        let unterminated: Vec<_> = found
            .iter()
            .filter(|d| d.rule == "quote/unterminated")
            .collect();
        assert_eq!(unterminated.len(), 1, "{paragraph_break:?}");
        assert_eq!(unterminated[0].span.start, 0);
    }
}

#[test]
fn single_quotes_with_possessives_and_pronoun_quotes_stay_well_formed() {
    for piece in [
        "'We met the guards' families and the soldiers' wives ",
        "He walked the halls at night. “I heard it,” he said. ",
        "‘a s’ b ‘c s’ d ",
    ] {
        let text = run_of(piece, 256 * 1024);
        let analysis = Analysis::new(&text, None, None);
        let mut last = 0;
        for q in &analysis.quotes {
            assert!(q.span.start >= last, "quotations overlap in {piece:?}");
            assert!(q.span.start <= q.content.start && q.content.end <= q.span.end);
            assert!(text.is_char_boundary(q.content.start) && text.is_char_boundary(q.content.end));
            last = q.span.end;
        }
        let _ = rules::check(&analysis, None);
    }
}
