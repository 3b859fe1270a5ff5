//! The reference date a document's relative expressions resolve against,
//! and where it came from.
//!
//! Order, first found wins: the command line, the document's front matter, a
//! dateline in its first lines, the fact sheet's `story.published`. Without
//! any, relative expressions stay unresolved rather than guessed.

use std::fmt;

use jiff::civil::Date;

use crate::document::{Document, Span};
use crate::extract::time::{Resolution, extract_times};

/// Where a reference date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DateSource {
    /// `--date` on the command line.
    CommandLine,
    /// `date:` (or `published:`) in the document's front matter.
    FrontMatter,
    /// A dateline at the top of the document.
    Dateline,
    /// The fact sheet's `story.published`.
    FactSheet,
    /// No date at all: the unknown date a rewrite and its sources are both
    /// read against in source mode ([`crate::source::FRAME`]). Relative
    /// expressions compare in it, but it dates nothing.
    Frame,
}

impl fmt::Display for DateSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            DateSource::CommandLine => "--date",
            DateSource::FrontMatter => "front matter",
            DateSource::Dateline => "dateline",
            DateSource::FactSheet => "fact sheet",
            DateSource::Frame => "an unknown date shared with the source",
        })
    }
}

/// The date relative expressions are resolved against.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReferenceDate {
    pub date: Date,
    pub source: DateSource,
    /// The dateline's span, when the date came from one: it dates the
    /// document, it is not a claim to check.
    pub dateline: Option<Span>,
}

impl fmt::Display for ReferenceDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.date, self.source)
    }
}

/// Finds the reference date of `doc`.
pub fn reference_date(
    doc: &Document,
    command_line: Option<Date>,
    fact_sheet: Option<Date>,
) -> Option<ReferenceDate> {
    let plain = |date, source| ReferenceDate {
        date,
        source,
        dateline: None,
    };
    if let Some(date) = command_line {
        return Some(plain(date, DateSource::CommandLine));
    }
    if let Some(date) = doc.front_matter_date {
        return Some(plain(date, DateSource::FrontMatter));
    }
    if let Some((date, span)) = dateline(doc, fact_sheet) {
        return Some(ReferenceDate {
            date,
            source: DateSource::Dateline,
            dateline: Some(span),
        });
    }
    fact_sheet.map(|date| plain(date, DateSource::FactSheet))
}

/// "08-14" completed with the year that puts it nearest `near`.
fn complete_year(month_day: &str, near: Date) -> Option<Date> {
    let (month, day) = month_day.split_once('-')?;
    let (month, day): (i8, i8) = (month.parse().ok()?, day.parse().ok()?);
    (near.year() - 1..=near.year() + 1)
        .filter_map(|y| Date::new(y, month, day).ok())
        .min_by_key(|d| (*d - near).get_days().abs())
}

/// How many non-empty lines at the top of a document may hold its dateline.
const DATELINE_LINES: usize = 8;
/// A line this short that holds a full date is a dateline ("June 02, 2025").
const SHORT_LINE: usize = 80;
/// In a longer line, the date must come this early, after a place name
/// ("CASTELMAR, Aug. 14, 2025 —").
const DATELINE_PREFIX: usize = 48;

/// A full date (day, month and year) standing alone on a short line near
/// the top, or opening the first paragraph as "PLACE, date —". A dateline
/// without a year ("CASTELMAR, Aug. 14 —") takes the year that puts it
/// nearest the fact sheet's date, when there is one.
fn dateline(doc: &Document, fact_sheet: Option<Date>) -> Option<(Date, Span)> {
    let lines = doc
        .lines()
        .filter(|l| l.start >= doc.body_start && !doc.text[l.clone()].trim().is_empty())
        .take(DATELINE_LINES);
    for line in lines {
        let text = &doc.text[line.clone()];
        let times = extract_times(text, std::slice::from_ref(&(0..text.len())), None);
        for t in times {
            let first = match (&t.resolution, t.interval, t.value.as_deref()) {
                (Resolution::Absolute, Some((first, last)), _) if first == last => first,
                (_, None, Some(value)) => match (value.strip_prefix("XXXX-"), fact_sheet) {
                    (Some(month_day), Some(near)) if month_day.len() == 5 => {
                        let Some(day) = complete_year(month_day, near) else {
                            continue;
                        };
                        day
                    }
                    _ => continue,
                },
                _ => continue,
            };
            // What stands before the date is nothing, a place ("CASTELMAR,")
            // or a byline separator: never the words of a sentence ("The
            // airline will publish its results on July 24.").
            let before = text[..t.span.start].trim();
            let placed = before.is_empty()
                || before.ends_with(['|', '\u{b7}', '\u{2014}', '-'])
                || (before.ends_with(',')
                    && before
                        .split_whitespace()
                        .all(|w| w.starts_with(|c: char| c.is_uppercase() || !c.is_alphabetic())));
            let after = text[t.span.end..].trim_start();
            let dash_after = after.starts_with(['-', '\u{2014}', '\u{2013}', '(']);
            let opens_line = t.span.start <= DATELINE_PREFIX && (dash_after || after.is_empty());
            let full_date = t.resolution == Resolution::Absolute;
            let short_line = text.trim().chars().count() <= SHORT_LINE;
            let accepted = placed
                && if full_date {
                    short_line || opens_line
                } else {
                    opens_line && dash_after
                };
            if accepted {
                return Some((first, line.start + t.span.start..line.start + t.span.end));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn reference(text: &str, cli: Option<Date>, sheet: Option<Date>) -> Option<(Date, DateSource)> {
        let doc = Document::new(text);
        reference_date(&doc, cli, sheet).map(|r| (r.date, r.source))
    }

    #[test]
    fn discovery_order() {
        let text = "---\ndate: 2025-08-13\n---\nCASTELMAR, Aug. 14, 2025 — The fire spread.";
        assert_eq!(
            reference(text, Some(date(2025, 1, 1)), None),
            Some((date(2025, 1, 1), DateSource::CommandLine))
        );
        assert_eq!(
            reference(text, None, Some(date(2024, 1, 1))),
            Some((date(2025, 8, 13), DateSource::FrontMatter))
        );
        let text = "CASTELMAR, Aug. 14, 2025 — The fire spread.";
        assert_eq!(
            reference(text, None, Some(date(2024, 1, 1))),
            Some((date(2025, 8, 14), DateSource::Dateline))
        );
        assert_eq!(
            reference("The fire spread.", None, Some(date(2024, 1, 1))),
            Some((date(2024, 1, 1), DateSource::FactSheet))
        );
        assert_eq!(reference("The fire spread.", None, None), None);
    }

    #[test]
    fn datelines_short_lines_and_openings() {
        let text = "Headline\n\nJune 02, 2025Clash Report\n\nBody text.";
        assert_eq!(
            reference(text, None, None),
            Some((date(2025, 6, 2), DateSource::Dateline))
        );
        let long = format!(
            "In a long opening sentence about the fire on June 1, 2025, {}",
            "words ".repeat(20)
        );
        assert_eq!(
            reference(&long, None, None),
            None,
            "an event date in prose is not a dateline"
        );
    }

    #[test]
    fn a_short_sentence_with_a_date_is_not_a_dateline() {
        let text = "Headline\n\nThe airline will publish its results on July 24, 2025.\n";
        assert_eq!(reference(text, None, None), None);
        let text = "Headline\n\nThe airline will publish its results on July 24.\n";
        assert_eq!(
            reference(text, None, Some(date(2025, 6, 2))),
            Some((date(2025, 6, 2), DateSource::FactSheet))
        );
    }

    #[test]
    fn a_dateline_without_a_year_takes_the_nearest_one() {
        let text = "CASTELMAR, Aug. 14 — The fire spread.";
        assert_eq!(
            reference(text, None, Some(date(2025, 8, 10))),
            Some((date(2025, 8, 14), DateSource::Dateline))
        );
        let text = "CASTELMAR, Dec. 31 — The fire spread.";
        assert_eq!(
            reference(text, None, Some(date(2026, 1, 2))),
            Some((date(2025, 12, 31), DateSource::Dateline))
        );
        assert_eq!(
            reference("CASTELMAR, Aug. 14 — The fire spread.", None, None),
            None
        );
    }
}
