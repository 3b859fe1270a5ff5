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
}

impl fmt::Display for DateSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            DateSource::CommandLine => "--date",
            DateSource::FrontMatter => "front matter",
            DateSource::Dateline => "dateline",
            DateSource::FactSheet => "fact sheet",
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
    if let Some((date, span)) = dateline(doc) {
        return Some(ReferenceDate {
            date,
            source: DateSource::Dateline,
            dateline: Some(span),
        });
    }
    fact_sheet.map(|date| plain(date, DateSource::FactSheet))
}

/// How many non-empty lines at the top of a document may hold its dateline.
const DATELINE_LINES: usize = 8;
/// A line this short that holds a full date is a dateline ("June 02, 2025").
const SHORT_LINE: usize = 80;
/// In a longer line, the date must come this early, after a place name
/// ("CASTELMAR, Aug. 14, 2025 —").
const DATELINE_PREFIX: usize = 48;

/// A full date (day, month and year) standing alone on a short line near
/// the top, or opening the first paragraph as "PLACE, date —".
fn dateline(doc: &Document) -> Option<(Date, Span)> {
    let lines = doc
        .lines()
        .filter(|l| l.start >= doc.body_start && !doc.text[l.clone()].trim().is_empty())
        .take(DATELINE_LINES);
    for line in lines {
        let text = &doc.text[line.clone()];
        let times = extract_times(text, std::slice::from_ref(&(0..text.len())), None);
        for t in times {
            if t.resolution != Resolution::Absolute {
                continue;
            }
            let Some((first, last)) = t.interval else {
                continue;
            };
            if first != last {
                continue;
            }
            let after = text[t.span.end..].trim_start();
            let opens_line = t.span.start <= DATELINE_PREFIX
                && (after.starts_with(['-', '\u{2014}', '\u{2013}', '(']) || after.is_empty());
            if text.trim().chars().count() <= SHORT_LINE || opens_line {
                return Some((first, line.start + t.span.start..line.start + t.span.end));
            }
        }
    }
    None
}
