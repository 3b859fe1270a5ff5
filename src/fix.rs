//! Applying the safe fixes rules attach to their findings.
//!
//! A fix is applied whole or not at all; one that overlaps a fix already
//! taken waits for the next round, where the text is checked again. Rounds
//! go on until no fix applies, so a fixed text has nothing left to fix: a
//! second run changes nothing.

use crate::diagnostic::Diagnostic;

/// At most this many rounds: each fixes at least one finding, and a fix
/// that keeps reappearing must not loop forever.
pub const MAX_ROUNDS: usize = 10;

/// A text after fixing.
#[derive(Debug, PartialEq, Eq)]
pub struct Fixed {
    pub text: String,
    /// How many findings were fixed.
    pub fixed: usize,
}

/// Applies, in one round, every fix of `diagnostics` that does not overlap
/// an earlier one. `checked` is the text the rules read (the file with its
/// non-prose blanked, see [`crate::prose`]): an edit over blanked bytes
/// would destroy what the rules did not see, and is not applied.
/// `None` when nothing applies.
pub fn apply(text: &str, checked: &str, diagnostics: &[Diagnostic]) -> Option<Fixed> {
    let mut fixes: Vec<&crate::diagnostic::Fix> = diagnostics
        .iter()
        .filter_map(|d| d.fix.as_ref())
        .filter(|f| {
            !f.edits.is_empty()
                && f.edits.iter().all(|e| {
                    text.get(e.span.clone()).is_some()
                        && text.get(e.span.clone()) == checked.get(e.span.clone())
                })
        })
        .collect();
    fixes.sort_by_key(|f| f.edits[0].span.start);
    let mut taken: Vec<&crate::diagnostic::Edit> = Vec::new();
    let mut fixed = 0;
    for fix in fixes {
        let overlaps = fix.edits.iter().any(|e| {
            taken
                .iter()
                .any(|t| e.span.start < t.span.end && t.span.start < e.span.end)
        });
        if !overlaps {
            taken.extend(&fix.edits);
            fixed += 1;
        }
    }
    if fixed == 0 {
        return None;
    }
    taken.sort_by_key(|e| e.span.start);
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for edit in taken {
        out.push_str(&text[at..edit.span.start]);
        out.push_str(&edit.replacement);
        at = edit.span.end;
    }
    out.push_str(&text[at..]);
    (out != text).then_some(Fixed { text: out, fixed })
}

/// Fixes `text` round after round: `check` gives a text's findings and the
/// text its rules read. Returns `None` when nothing was fixed.
pub fn fix_all(
    text: &str,
    mut check: impl FnMut(&str) -> (Vec<Diagnostic>, String),
) -> Option<Fixed> {
    let mut current: Option<Fixed> = None;
    for _ in 0..MAX_ROUNDS {
        let now = current.as_ref().map_or(text, |f| f.text.as_str());
        let (diagnostics, checked) = check(now);
        let Some(round) = apply(now, &checked, &diagnostics) else {
            break;
        };
        let fixed = current.as_ref().map_or(0, |f| f.fixed) + round.fixed;
        current = Some(Fixed {
            text: round.text,
            fixed,
        });
    }
    current
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{Fix, Severity};

    fn finding(span: std::ops::Range<usize>, replacement: &str) -> Diagnostic {
        Diagnostic {
            fix: Some(Fix::replace(
                "fix".into(),
                span.clone(),
                replacement.to_string(),
            )),
            ..Diagnostic::new("time/relative", Severity::Info, span, "m".into())
        }
    }

    #[test]
    fn fixes_apply_in_order_and_overlaps_wait() {
        let text = "It fell last month and rose on Sunday.";
        let found = [
            finding(8..18, "in May"),
            finding(28..37, "on June 1"),
            finding(13..18, "week"), // overlaps the first
        ];
        let fixed = apply(text, text, &found).unwrap();
        assert_eq!(fixed.text, "It fell in May and rose on June 1.");
        assert_eq!(fixed.fixed, 2);
    }

    #[test]
    fn edits_over_blanked_text_or_out_of_bounds_are_not_applied() {
        let text = "Say `last month` now.";
        let checked = "Say              now.";
        assert_eq!(apply(text, checked, &[finding(5..15, "in May")]), None);
        assert_eq!(apply(text, text, &[finding(5..99, "x")]), None);
        assert_eq!(apply("é", "é", &[finding(1..2, "x")]), None);
    }

    /// A toy rule: "last month" is written out as "in May".
    fn toy(text: &str) -> (Vec<Diagnostic>, String) {
        let found = text
            .match_indices("last month")
            .map(|(i, m)| finding(i..i + m.len(), "in May"))
            .collect();
        (found, text.to_string())
    }

    #[test]
    fn fixing_runs_until_nothing_is_left_and_is_idempotent() {
        let fixed = fix_all("last month, and last month again.\r\n", toy).unwrap();
        assert_eq!(fixed.text, "in May, and in May again.\r\n");
        assert_eq!(fixed.fixed, 2);
        assert_eq!(fix_all(&fixed.text, toy), None);
    }

    #[test]
    fn a_fix_that_keeps_coming_back_stops() {
        let mut rounds = 0;
        let fixed = fix_all("a", |t| {
            rounds += 1;
            (vec![finding(0..t.len(), &format!("{t}a"))], t.to_string())
        })
        .unwrap();
        assert_eq!(rounds, MAX_ROUNDS);
        assert_eq!(fixed.text.len(), 1 + MAX_ROUNDS);
    }
}
