//! `time/weekday-mismatch`: a weekday written with a full date that falls on
//! another day of the week ("Monday, June 3, 2025").

use jiff::civil::Date;

use crate::diagnostic::{Diagnostic, Severity};
use crate::extract::time::{Resolution, TimeMention, WEEKDAYS};

use super::{Context, Rule, RuleDoc, RuleMeta};

pub struct TimeWeekdayMismatch;

static META: RuleMeta = RuleMeta {
    id: "time/weekday-mismatch",
    severity: Severity::Error,
    needs_facts: false,
    on_by_default: true,
    doc: RuleDoc {
        what_it_does: "Reports a weekday written together with a full date (\"Monday, June 3, 2025\", \"Tuesday 3 June 2025\", \"on Sunday (June 2)\") when the date falls on another day of the week. The year is the one written, or, when it is left out, the reference date's, and then only for a date within four months of it.",
        why_it_matters: "One of the two is wrong, and readers cannot tell which: the day the event happened is in doubt.",
        example: "The ferry service resumed on Monday, June 3, 2025.   (June 3, 2025 is a Tuesday)",
        use_instead: "The ferry service resumed on Tuesday, June 3, 2025.",
    },
};

/// How far from the reference date a date written without its year may be
/// for its year to be certain.
const YEARLESS_WINDOW_DAYS: i32 = 120;

/// The weekday (1 = Monday) a text starts with, and the rest after it.
fn leading_weekday(text: &str) -> Option<(i8, &str)> {
    let end = text
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(text.len());
    let word = &text[..end];
    let day = WEEKDAYS.iter().position(|d| d.eq_ignore_ascii_case(word))?;
    Some((day as i8 + 1, &text[end..]))
}

/// The weekday a mention is exactly, "Sunday" or "Sunday's", nothing more.
fn bare_weekday(text: &str) -> Option<i8> {
    let (day, rest) = leading_weekday(text)?;
    matches!(rest, "" | "'s" | "\u{2019}s").then_some(day)
}

/// The day a mention names with its month and day written out, when its
/// year is certain: written, or close to the reference date.
fn certain_day(t: &TimeMention, text: &str, reference: Option<Date>) -> Option<Date> {
    let (a, b) = t.interval?;
    if a != b || !text.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    match &t.resolution {
        Resolution::Absolute => Some(a),
        Resolution::Reference { .. } => {
            let r = reference?;
            let days = (a - r).get_days().abs();
            (days <= YEARLESS_WINDOW_DAYS).then_some(a)
        }
        _ => None,
    }
}

fn weekday_name(day: i8) -> String {
    let w = WEEKDAYS[(day - 1) as usize];
    let mut out = w[..1].to_uppercase();
    out.push_str(&w[1..]);
    out
}

fn long_date(d: Date) -> String {
    d.strftime("%B %-d, %Y").to_string()
}

/// A weekday and the date written with it: the span they cover together,
/// the weekday said and the date.
fn pairs<'t>(
    times: &'t [TimeMention],
    text: &'t str,
    reference: Option<Date>,
) -> impl Iterator<Item = (std::ops::Range<usize>, i8, Date)> + 't {
    times.iter().enumerate().filter_map(move |(i, t)| {
        let here = &text[t.span.clone()];
        // One mention: "Monday, June 3, 2025", "Tuesday 3 June 2025".
        if let Some((day, rest)) = leading_weekday(here) {
            if rest.starts_with([',', ' ']) {
                let date = certain_day(t, here, reference)?;
                return Some((t.span.clone(), day, date));
            }
        }
        // Two mentions side by side: "Sunday (June 2)", "June 2 (Sunday)".
        let next = times.get(i + 1)?;
        let between = &text[t.span.end..next.span.start];
        let after = &text[next.span.end..];
        if between.trim() != "(" || !after.starts_with(')') {
            return None;
        }
        let there = &text[next.span.clone()];
        let (day, date) = match (bare_weekday(here), bare_weekday(there)) {
            (Some(day), None) => (day, certain_day(next, there, reference)?),
            (None, Some(day)) => (day, certain_day(t, here, reference)?),
            _ => return None,
        };
        Some((t.span.start..next.span.end + 1, day, date))
    })
}

impl Rule for TimeWeekdayMismatch {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let analysis = cx.analysis;
        let text = analysis.doc.text;
        let reference = analysis.dated_reference().map(|r| r.date);
        for (span, said, date) in pairs(&analysis.times, text, reference) {
            let actual = date.weekday().to_monday_one_offset();
            if actual == said {
                continue;
            }
            let found = &text[span.clone()];
            let mut notes = vec![format!(
                "{} is a {}, not a {}",
                date,
                weekday_name(actual),
                weekday_name(said)
            )];
            if !found.contains(&date.year().to_string()) {
                if let Some(r) = &analysis.reference {
                    notes.push(format!("the year is taken from the reference date {r}"));
                }
            }
            out.push(Diagnostic {
                notes,
                ..Diagnostic::new(
                    self.id(),
                    self.severity(),
                    span,
                    format!(
                        "“{found}”: {} is a {}",
                        long_date(date),
                        weekday_name(actual)
                    ),
                )
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn findings(text: &str) -> Vec<String> {
        crate::rules::testing::sheetless_messages(&TimeWeekdayMismatch, text)
    }

    #[test]
    fn a_wrong_weekday_before_a_full_date_is_reported() {
        assert_eq!(
            findings("The ferry resumed on Monday, June 3, 2025, after repairs."),
            ["“Monday, June 3, 2025”: June 3, 2025 is a Tuesday"]
        );
        assert_eq!(
            findings("Talks opened on Tuesday 3 June 2025 in the capital."),
            Vec::<String>::new()
        );
        assert_eq!(
            findings("Talks opened on Wednesday 3 June 2025 in the capital."),
            ["“Wednesday 3 June 2025”: June 3, 2025 is a Tuesday"]
        );
    }

    #[test]
    fn a_weekday_in_parentheses_is_compared_with_its_date() {
        let text = "---\ndate: 2025-06-04\n---\nThe bridge closed on Sunday (June 2) for checks.";
        assert_eq!(
            findings(text),
            ["“Sunday (June 2)”: June 2, 2025 is a Monday"]
        );
        let text = "---\ndate: 2025-06-04\n---\nThe bridge closed on June 2 (Monday) for checks.";
        assert!(findings(text).is_empty());
        let text = "---\ndate: 2025-06-04\n---\nThe bridge closed on June 2 (Sunday) for checks.";
        assert_eq!(
            findings(text),
            ["“June 2 (Sunday)”: June 2, 2025 is a Monday"]
        );
    }

    #[test]
    fn the_year_comes_from_the_reference_date_when_left_out() {
        let text = "---\ndate: 2025-06-04\n---\nVoting ended on Monday, June 2, as planned.";
        assert!(findings(text).is_empty());
        let text = "---\ndate: 2025-06-04\n---\nVoting ended on Friday, June 2, as planned.";
        assert_eq!(
            findings(text),
            ["“Friday, June 2”: June 2, 2025 is a Monday"]
        );
    }

    #[test]
    fn never_reported_when_unsure() {
        // No year and no reference date.
        assert!(findings("Voting ended on Friday, June 2, as planned.").is_empty());
        // No year, and the date is far from the reference: its year is a guess.
        let text = "---\ndate: 2025-06-04\n---\nThe hall opened on Friday, December 2, they said.";
        assert!(findings(text).is_empty());
        // A weekday and a date in two clauses are two statements.
        let text =
            "---\ndate: 2025-06-04\n---\nThe vote was on Sunday and results came June 4, 2025.";
        assert!(findings(text).is_empty());
        // Correct pairs.
        assert!(findings("It happened on Sunday, June 1, 2025.").is_empty());
        assert!(findings("It happened on Sunday 1 June 2025.").is_empty());
    }
}
