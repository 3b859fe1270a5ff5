//! `time/relative`: a relative time expression ("last month", "on Sunday")
//! that a wire house style wants written out as the date it stands for.
//! Off by default: a preset for wire copy turns it on.

use jiff::civil::Date;

use crate::diagnostic::{Diagnostic, Fix, Severity};
use crate::extract::time::{Resolution, Signal, TimeMention};

use super::{Context, Rule, RuleDoc, RuleMeta};

pub struct TimeRelative;

static META: RuleMeta = RuleMeta {
    id: "time/relative",
    severity: Severity::Info,
    needs_facts: false,
    on_by_default: false,
    doc: RuleDoc {
        what_it_does: "Off by default, for house styles that write dates out: reports each relative time expression (\"yesterday\", \"on Sunday\", \"last month\", \"since the month began\") with the date it resolves to against the document's reference date, and suggests that date in its place. Silent without a reference date, and for dates already written out (\"June 2\", \"in May\").",
        why_it_matters: "Copy is reused days later and in other time zones: \"yesterday\" in a story filed on Monday is wrong when it runs on Tuesday, and every rewrite must work the date out again.",
        example: "Exports fell last month, the ministry said on Sunday.   (the story is dated 2025-06-02)",
        use_instead: "Exports fell in May, the ministry said on June 1.",
    },
};

/// Words that make an expression relative to the day it was written.
const RELATIVE_WORDS: [&str; 14] = [
    "today",
    "tonight",
    "yesterday",
    "tomorrow",
    "last",
    "this",
    "next",
    "ago",
    "month",
    "week",
    "weekend",
    "year",
    "quarter",
    "past",
];

fn is_relative(text: &str) -> bool {
    if text.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    text.split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .any(|w| {
            RELATIVE_WORDS.iter().any(|r| r.eq_ignore_ascii_case(w))
                || crate::extract::time::is_weekday_name(w)
        })
}

/// "June 1" in the reference's year, "June 1, 2024" in another.
fn day(d: Date, reference: Date) -> String {
    if d.year() == reference.year() {
        d.strftime("%B %-d").to_string()
    } else {
        d.strftime("%B %-d, %Y").to_string()
    }
}

fn month(d: Date, reference: Date) -> String {
    if d.year() == reference.year() {
        d.strftime("%B").to_string()
    } else {
        d.strftime("%B %Y").to_string()
    }
}

fn last_of_month(d: Date) -> bool {
    d.day() == d.days_in_month()
}

/// What an interval is, in full ("May 2025") and as the words to write
/// instead, without a signal word ("May"); `None` for a stretch of days
/// no single name covers.
fn name(a: Date, b: Date, reference: Date) -> Option<(String, String, bool)> {
    // (in full, to write, whether it takes "in" when it has no signal)
    if a == b {
        return Some((
            a.strftime("%B %-d, %Y").to_string(),
            day(a, reference),
            false,
        ));
    }
    let whole_month =
        a.day() == 1 && last_of_month(b) && (a.year(), a.month()) == (b.year(), b.month());
    if whole_month {
        return Some((a.strftime("%B %Y").to_string(), month(a, reference), true));
    }
    let whole_year =
        (a.month(), a.day(), b.month(), b.day()) == (1, 1, 12, 31) && a.year() == b.year();
    if whole_year {
        return Some((a.year().to_string(), a.year().to_string(), true));
    }
    let quarter = a.day() == 1
        && matches!(a.month(), 1 | 4 | 7 | 10)
        && last_of_month(b)
        && b.month() == a.month() + 2
        && a.year() == b.year();
    if quarter {
        let nth = ["first", "second", "third", "fourth"][(a.month() as usize - 1) / 3];
        let q = format!("the {nth} quarter of {}", a.year());
        return Some((q.clone(), q, true));
    }
    let week = (b - a).get_days() == 6 && a.weekday() == jiff::civil::Weekday::Monday;
    if week {
        let full = format!("the week of {}", a.strftime("%B %-d, %Y"));
        return Some((full, format!("the week of {}", day(a, reference)), false));
    }
    None
}

fn signal_word(s: Signal) -> Option<&'static str> {
    Some(match s {
        Signal::Since => "since",
        Signal::Until => "until",
        Signal::Before => "before",
        Signal::After => "after",
        Signal::From => "from",
        Signal::By => "by",
        Signal::During => "during",
        Signal::In => "in",
        Signal::On => "on",
        _ => return None,
    })
}

/// A start, middle or end of a period ("since the month began").
fn part(modifier: Option<&str>) -> Option<&'static str> {
    match modifier? {
        "START" => Some("the beginning of"),
        "MID" => Some("the middle of"),
        "END" => Some("the end of"),
        _ => None,
    }
}

/// The period a start, middle or end belongs to: a third of a month is
/// the days the mention covers, its month is what was written.
fn whole_period(t: &TimeMention) -> Option<(Date, Date)> {
    let (a, _) = t.interval?;
    let v = t.value.as_deref()?;
    match v.len() {
        // YYYY-MM
        7 if v.as_bytes()[4] == b'-' && v.as_bytes()[5].is_ascii_digit() => {
            let first = a.first_of_month();
            Some((first, first.last_of_month()))
        }
        // YYYY
        4 => Some((a.first_of_year(), a.last_of_year())),
        _ => None,
    }
}

impl Rule for TimeRelative {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let analysis = cx.analysis;
        let Some(reference) = analysis.dated_reference() else {
            return;
        };
        let text = analysis.doc.text;
        for t in &analysis.times {
            if !matches!(t.resolution, Resolution::Reference { .. })
                || analysis.in_quote(&t.span)
                || analysis.in_dateline(&t.span)
                || !is_relative(&text[t.span.clone()])
            {
                continue;
            }
            let Some((a, b)) = t.interval else { continue };
            let (full, write, takes_in) = match part(t.modifier) {
                Some(p) => {
                    let Some((pa, pb)) = whole_period(t) else {
                        continue;
                    };
                    let Some((full, write, _)) = name(pa, pb, reference.date) else {
                        continue;
                    };
                    (format!("{p} {full}"), format!("{p} {write}"), false)
                }
                None if t.modifier.is_some() => continue,
                None => match name(a, b, reference.date) {
                    Some(n) => n,
                    None => continue,
                },
            };
            // The signal word and a following "began" belong to what is replaced.
            let signal = t
                .signal
                .as_ref()
                .and_then(|(s, r)| Some((signal_word(*s)?, r)));
            let start = signal.map_or(t.span.start, |(_, r)| r.start.min(t.span.start));
            let mut end = t.span.end;
            let after = &text[end..];
            for verb in [" began", " started", " begun", " start", " begin"] {
                if after.starts_with(verb)
                    && !after[verb.len()..].starts_with(char::is_alphanumeric)
                {
                    end += verb.len();
                    break;
                }
            }
            let found = &text[start..end];
            let replacement = match signal {
                Some((word, _)) => format!("{word} {write}"),
                None if takes_in => format!("in {write}"),
                None => write,
            };
            // At a sentence's start the replacement starts it too.
            let replacement = if found.starts_with(char::is_uppercase) {
                let mut chars = replacement.chars();
                chars.next().map_or(String::new(), |c| {
                    c.to_uppercase().chain(chars).collect::<String>()
                })
            } else {
                replacement
            };
            let mut notes = vec![format!("write “{replacement}”")];
            if let Resolution::Reference { how, .. } = &t.resolution {
                notes.push(format!("resolved against {reference}: {how}"));
            }
            out.push(Diagnostic {
                fix: Some(Fix::replace(
                    format!("write “{replacement}”"),
                    start..end,
                    replacement.clone(),
                )),
                expected: Some(replacement.clone()),
                notes,
                ..Diagnostic::new(
                    self.id(),
                    self.severity(),
                    start..end,
                    format!("“{found}” is {full}: write “{replacement}”"),
                )
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn findings(text: &str) -> Vec<String> {
        crate::rules::testing::sheetless_messages(&TimeRelative, text)
    }

    const DATED: &str = "---\ndate: 2025-06-02\n---\n";

    #[test]
    fn relative_expressions_are_written_out() {
        let text = format!(
            "{DATED}Exports fell last month. The ministry spoke on Sunday. Prices rose yesterday."
        );
        assert_eq!(
            findings(&text),
            [
                "“last month” is May 2025: write “in May”",
                "“on Sunday” is June 1, 2025: write “on June 1”",
                "“yesterday” is June 1, 2025: write “June 1”",
            ]
        );
    }

    #[test]
    fn periods_and_their_starts() {
        let text = format!(
            "{DATED}Deaths have risen since the month began. Last year sales fell. Talks stalled last week."
        );
        assert_eq!(
            findings(&text),
            [
                "“since the month began” is the beginning of June 2025: write “since the beginning of June”",
                "“Last year” is 2024: write “In 2024”",
                "“last week” is the week of May 26, 2025: write “the week of May 26”",
            ]
        );
    }

    #[test]
    fn absolute_dates_quotations_and_undated_documents_are_left_alone() {
        let text = format!(
            "{DATED}The vote was on June 1. Turnout fell in May. The count ended on June 1, 2025."
        );
        assert!(findings(&text).is_empty());
        let text = format!("{DATED}She said: “We lost the ridge yesterday.”");
        assert!(findings(&text).is_empty());
        assert!(findings("Exports fell last month, the ministry said on Sunday.").is_empty());
        // Vague and anaphoric expressions have no date of their own.
        let text = format!(
            "{DATED}The river rose on June 1. The next morning it fell. It rains often now."
        );
        assert!(findings(&text).is_empty());
    }
}
