//! `time/inconsistent`: one event given two different days in one document
//! ("the attack on Sunday" in one paragraph, "Saturday's attack" in another).
//!
//! Two dates in one article are usually two events, so a pair is compared
//! only on strong evidence: both are single days resolved from the text or
//! the reference date, on the same side of the reference, at most a month
//! apart, in different sentences, and the words next to each, within its
//! clause, share at least two distinctive stems ("attack" and
//! "Boulikessi"). Words that mark another event ("another", "separate",
//! "again", "second"…) anywhere in either sentence keep the pair apart.
//!
//! Each mention is compared only with earlier mentions that share one of
//! its context stems, and each stem remembers only its last few mentions,
//! so the check stays linear in the document's length.

use std::collections::HashMap;

use jiff::civil::Date;

use crate::analysis::{Analysis, overlaps_sorted};
use crate::diagnostic::{Diagnostic, Severity};
use crate::extract::time::{Resolution, Signal, TimeMention};
use crate::words::{is_calendar_word, is_stop_word};

use super::{Context, Rule, RuleDoc, RuleMeta};

pub struct TimeInconsistent;

static META: RuleMeta = RuleMeta {
    id: "time/inconsistent",
    severity: Severity::Warning,
    needs_facts: false,
    on_by_default: true,
    doc: RuleDoc {
        what_it_does: "Reports a day given to an event when an earlier sentence of the same document gives that event another day: the clauses around the two dates share at least two distinctive words (\"attack\", \"Boulikessi\"), both dates are single days on the same side of the reference date and at most a month apart, and neither sentence marks another event (\"another\", \"separate\", \"again\").",
        why_it_matters: "A rewrite that changes \"Sunday\" to \"Saturday\" in one paragraph leaves the story contradicting itself, and readers cannot tell which day is right.",
        example: "The dam gave way on Sunday near Ostrava. … Rescuers reached the villages hours after the dam near Ostrava gave way on Saturday.",
        use_instead: "Use one day for the event throughout: \"… after the dam near Ostrava gave way on Sunday.\"",
    },
};

/// How many words on each side of a date, within its clause, tell what it dates.
const WINDOW: usize = 10;
/// How many earlier mentions each stem remembers.
const PER_STEM: usize = 8;
/// Dates further apart than this are not one event told twice.
const MAX_DAYS_APART: i32 = 31;
/// Shared distinctive stems needed to call two dates one event.
const MIN_SHARED: usize = 2;

/// Words so common in news that sharing them says nothing about the event.
const COMMON: &[&str] = &[
    "said",
    "told",
    "people",
    "official",
    "officials",
    "government",
    "day",
    "days",
    "week",
    "weeks",
    "month",
    "months",
    "year",
    "years",
    "time",
    "times",
    "morning",
    "afternoon",
    "evening",
    "night",
    "today",
    "yesterday",
    "tomorrow",
    "last",
    "next",
    "early",
    "late",
    "later",
    "earlier",
    "ago",
    "statement",
    "news",
    "local",
    "according",
    "also",
    "made",
    "make",
    "took",
    "take",
    "place",
    "held",
    "get",
    "got",
    "went",
    "come",
    "came",
    "like",
    "well",
    "way",
    "part",
    "since",
    "week",
    "weekend",
    "hour",
    "hours",
    "minute",
    "minutes",
];

/// Words that say a sentence tells of another event than one before it.
const ANOTHER_EVENT: &[&str] = &[
    "another",
    "separate",
    "second",
    "again",
    "other",
    "previous",
    "prior",
    "earlier",
    "later",
    "next",
    "following",
    "new",
    "renewed",
    "fresh",
    "latest",
    "first",
    "each",
    "every",
    "both",
    "third",
    "further",
    "subsequent",
    "before",
    "after",
    "until",
    "anniversary",
];

/// Words that end a clause.
const CLAUSE_WORDS: &[&str] = &[
    "that", "and", "but", "while", "when", "whereas", "after", "before", "then", "which", "who",
    "as", "until", "because", "although", "though", "if",
];

fn is_clause_break(c: char) -> bool {
    matches!(
        c,
        ',' | ';' | ':' | '(' | ')' | '—' | '–' | '"' | '“' | '”' | '[' | ']'
    )
}

/// One dated mention with the distinctive stems around it.
struct Dated<'a> {
    time: &'a TimeMention,
    day: Date,
    sentence: std::ops::Range<usize>,
    /// (stem, the word as written)
    context: Vec<ContextWord<'a>>,
    another_event: bool,
}

/// A single day, resolved from the text or the reference date, that says
/// when something happened (not "since", "until", "before"…).
fn day_of(t: &TimeMention) -> Option<Date> {
    let (a, b) = t.interval?;
    let point = matches!(
        t.resolution,
        Resolution::Absolute | Resolution::Reference { .. }
    );
    let at = matches!(
        t.signal.as_ref().map(|(s, _)| *s),
        None | Some(Signal::On | Signal::At | Signal::In | Signal::During)
    );
    (a == b && point && at && t.modifier.is_none()).then_some(a)
}

/// A distinctive word next to a date.
struct ContextWord<'a> {
    stem: String,
    raw: &'a str,
    /// Capitalised inside its sentence: a name (a place, a person, a party).
    name: bool,
}

/// The distinctive words within the clause around `t` and within
/// [`WINDOW`] words of it. Words between two dates of one clause could
/// belong to either, so they count for neither.
fn context<'a>(
    analysis: &'a Analysis,
    t: &TimeMention,
    sentence: &std::ops::Range<usize>,
    frequent: &dyn Fn(&str) -> bool,
    names: &std::collections::HashSet<&str>,
) -> Vec<ContextWord<'a>> {
    let text = analysis.doc.text;
    let words = &analysis.words;
    // A time expression may run over its sentence's edge ("Aug. 14" where
    // the sentence is cut after "Aug."): its clause is then empty on that
    // side.
    let first = words.partition_point(|w| w.span.end <= sentence.start);
    let at = words
        .partition_point(|w| w.span.end <= t.span.start)
        .max(first);
    let after = words.partition_point(|w| w.span.start < t.span.end);
    let end = words
        .partition_point(|w| w.span.start < sentence.end)
        .max(after);
    let is_time = |w: &crate::words::Word| overlaps_sorted(&analysis.time_spans, &w.span);
    let breaks = |gap: &str, w: &crate::words::Word| {
        let raw = text[w.span.clone()].to_lowercase();
        gap.chars().any(is_clause_break) || CLAUSE_WORDS.contains(&raw.as_str())
    };
    let mut near: Vec<&'a crate::words::Word> = Vec::new();
    // Leftwards from the mention to the clause's start.
    let mut edge = t.span.start;
    let mut left = Vec::new();
    for w in words[first..at].iter().rev().take(WINDOW) {
        if breaks(&text[w.span.end..edge], w) {
            break;
        }
        if is_time(w) {
            left.clear();
            break;
        }
        left.push(w);
        edge = w.span.start;
    }
    near.extend(left);
    // A date opening its sentence ("On Sunday, the attack …") dates the
    // clause after its comma.
    let opening = words[first..at]
        .iter()
        .all(|w| t.signal.as_ref().is_some_and(|(_, s)| *s == w.span));
    // Rightwards to the clause's end.
    let mut edge = t.span.end;
    let mut right = Vec::new();
    for (k, w) in words[after..end].iter().take(WINDOW).enumerate() {
        let mut gap = &text[edge..w.span.start];
        if k == 0 && opening {
            gap = gap.trim_start().strip_prefix(',').unwrap_or(gap);
        }
        if breaks(gap, w) {
            break;
        }
        if is_time(w) {
            right.clear();
            break;
        }
        right.push(w);
        edge = w.span.end;
    }
    near.extend(right);
    let mut out: Vec<ContextWord<'a>> = Vec::new();
    for w in near {
        let raw = &text[w.span.clone()];
        let lower = raw.to_lowercase();
        let stem = w.stem.as_str();
        let useful = !is_stop_word(stem)
            && !is_calendar_word(stem)
            && stem.len() > 2
            && !COMMON.contains(&lower.as_str())
            && !COMMON.contains(&stem)
            && !frequent(stem);
        if useful && !out.iter().any(|c| c.stem == stem) {
            out.push(ContextWord {
                stem: stem.to_string(),
                raw,
                // A sentence's first word is a name when it is one elsewhere.
                name: raw.starts_with(char::is_uppercase)
                    && (w.capitalised || names.contains(stem)),
            });
        }
    }
    out
}

fn marks_another_event(analysis: &Analysis, sentence: &std::ops::Range<usize>) -> bool {
    analysis.doc.text[sentence.clone()]
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| ANOTHER_EVENT.iter().any(|a| a.eq_ignore_ascii_case(w)))
}

/// Whether the words two dates share name both what happened and where or
/// who: at least one name ("Boulikessi") and one other word ("attack").
/// Names alone ("President Bush") are the people the story follows through
/// many events; common words alone ("due to expire") are many events' words.
fn same_event_words(a: &Dated, b: &Dated) -> bool {
    let (mut name, mut event, mut count) = (false, false, 0);
    for x in &a.context {
        if let Some(y) = b.context.iter().find(|y| y.stem == x.stem) {
            count += 1;
            if x.name || y.name {
                name = true;
            } else {
                event = true;
            }
        }
    }
    count >= MIN_SHARED && name && event
}

/// A date as written, with the day it stands for unless it says it in full.
fn as_written(text: &str, day: Date) -> String {
    let full = long_date(day);
    if text == full {
        format!("“{text}”")
    } else {
        format!("“{text}” ({full})")
    }
}

fn long_date(d: Date) -> String {
    d.strftime("%B %-d, %Y").to_string()
}

/// Which side of the reference a day is on: its past (the day itself
/// included) or its future. Without a reference, only dates written out
/// in full are compared, and they are all on one side.
fn side(day: Date, reference: Option<Date>) -> bool {
    reference.is_some_and(|r| day > r)
}

impl Rule for TimeInconsistent {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let analysis = cx.analysis;
        let text = analysis.doc.text;
        let reference = analysis.dated_reference().map(|r| r.date);
        // A stem used in more than half the sentences of a longer document
        // is its subject ("fire", "Castelmar"): it ties every date together.
        let sentences = analysis.doc.sentences.len();
        let mut used_in: HashMap<&str, usize> = HashMap::new();
        {
            let mut last_sentence: HashMap<&str, usize> = HashMap::new();
            let mut s = 0;
            for w in &analysis.words {
                while s + 1 < sentences && analysis.doc.sentences[s].end <= w.span.start {
                    s += 1;
                }
                if last_sentence.insert(w.stem.as_str(), s) != Some(s) {
                    *used_in.entry(w.stem.as_str()).or_default() += 1;
                }
            }
        }
        let names: std::collections::HashSet<&str> = analysis
            .words
            .iter()
            .filter(|w| w.capitalised)
            .map(|w| w.stem.as_str())
            .collect();
        let frequent = |stem: &str| {
            sentences >= 12 && used_in.get(stem).is_some_and(|&n| n * 3 > sentences * 2)
        };
        let dated: Vec<Dated> = analysis
            .times
            .iter()
            .filter(|t| !analysis.in_quote(&t.span) && !analysis.in_dateline(&t.span))
            .filter_map(|t| {
                let day = day_of(t)?;
                if reference.is_none() && t.resolution != Resolution::Absolute {
                    return None;
                }
                let sentence = analysis.doc.sentence_at(t.span.start)?;
                let context = context(analysis, t, &sentence, &frequent, &names);
                if context.len() < MIN_SHARED {
                    return None;
                }
                let another_event = marks_another_event(analysis, &sentence);
                Some(Dated {
                    time: t,
                    day,
                    sentence,
                    context,
                    another_event,
                })
            })
            .collect();
        // Each stem's last few mentions, by index into `dated`.
        let mut by_stem: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, m) in dated.iter().enumerate() {
            let mut shared: HashMap<usize, usize> = HashMap::new();
            for c in &m.context {
                for &j in by_stem.get(c.stem.as_str()).into_iter().flatten() {
                    *shared.entry(j).or_default() += 1;
                }
            }
            let related = |j: &usize| {
                let o = &dated[*j];
                shared[j] >= MIN_SHARED
                    && same_event_words(m, o)
                    && o.sentence != m.sentence
                    && !o.another_event
                    && !m.another_event
                    && side(o.day, reference) == side(m.day, reference)
                    && (o.day - m.day).get_days().abs() <= MAX_DAYS_APART
            };
            let mut linked: Vec<usize> = shared.keys().copied().filter(related).collect();
            linked.sort_by_key(|j| (std::cmp::Reverse(shared[j]), *j));
            // Agreeing with an earlier mention of the event: the conflict, if
            // any, was reported there.
            let agrees = linked.iter().any(|j| dated[*j].day == m.day);
            if let (false, Some(&j)) = (agrees, linked.first()) {
                let first = &dated[j];
                let words: Vec<String> = m
                    .context
                    .iter()
                    .filter(|c| first.context.iter().any(|f| f.stem == c.stem))
                    .map(|c| format!("“{}”", c.raw))
                    .collect();
                let found = &text[m.time.span.clone()];
                let earlier = &text[first.time.span.clone()];
                let mut notes = vec![format!("both dates are said with {}", words.join(", "))];
                if let (Some(r), true) = (analysis.dated_reference(), reference.is_some()) {
                    if !matches!(m.time.resolution, Resolution::Absolute)
                        || !matches!(first.time.resolution, Resolution::Absolute)
                    {
                        notes.push(format!("resolved against {r}"));
                    }
                }
                out.push(Diagnostic {
                    related: Some((
                        first.time.span.clone(),
                        format!("dated {} here", long_date(first.day)),
                    )),
                    notes,
                    ..Diagnostic::new(
                        self.id(),
                        self.severity(),
                        m.time.span.clone(),
                        format!(
                            "{} contradicts {} earlier in the text for the same event",
                            as_written(found, m.day),
                            as_written(earlier, first.day)
                        ),
                    )
                });
            }
            for c in &m.context {
                let list = by_stem.entry(c.stem.as_str()).or_default();
                if list.len() == PER_STEM {
                    list.remove(0);
                }
                list.push(i);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn findings(text: &str) -> Vec<String> {
        crate::rules::testing::sheetless_messages(&TimeInconsistent, text)
    }

    const DATED: &str = "---\ndate: 2025-06-04\n---\n";

    #[test]
    fn one_event_on_two_days_is_reported_at_the_second() {
        let text = format!(
            "{DATED}The dam near Ostrava gave way on Sunday.\n\nCrews worked through the night.\n\nThe dam near Ostrava gave way on Saturday, officials now say."
        );
        assert_eq!(
            findings(&text),
            [
                "“Saturday” (May 31, 2025) contradicts “Sunday” (June 1, 2025) earlier in the text for the same event"
            ]
        );
        let text = format!(
            "{DATED}Rebels stormed the garrison at Kolda on June 1.\n\nOn June 2, rebels stormed the garrison at Kolda, a witness said."
        );
        assert_eq!(findings(&text).len(), 1);
    }

    #[test]
    fn only_the_odd_one_out_is_reported() {
        let text = format!(
            "{DATED}The dam near Ostrava burst on Sunday. The dam near Ostrava burst on Saturday. The dam near Ostrava burst on Sunday, they added."
        );
        assert_eq!(findings(&text).len(), 1);
    }

    #[test]
    fn different_events_are_not_compared() {
        // Too few shared words.
        let text = format!(
            "{DATED}The attack on Boulikessi came on Sunday.\n\nAn attack on Timbuktu followed on Monday."
        );
        assert!(findings(&text).is_empty());
        // A word that marks another event.
        let text = format!(
            "{DATED}Protesters marched through Lyon on Sunday.\n\nProtesters marched through Lyon again on Monday."
        );
        assert!(findings(&text).is_empty());
        // Two dates in one sentence are two events.
        let text = format!(
            "{DATED}Miners struck at Tarkwa on Sunday and miners struck at Tarkwa on Monday."
        );
        assert!(findings(&text).is_empty());
        // Other side of the reference date.
        let text = format!(
            "{DATED}The ferry to Rhodes sailed on Monday.\n\nThe ferry to Rhodes will sail on Friday."
        );
        assert!(findings(&text).is_empty());
        // The words of the other clause.
        let text = format!(
            "{DATED}Timbuktu was shelled on Monday, a day after rebels overran the Boulikessi base.\n\nRebels overran the Boulikessi base on Sunday."
        );
        assert!(findings(&text).is_empty());
        // Dates far apart.
        let text = format!(
            "{DATED}The court in Arusha heard witnesses on March 3.\n\nThe court in Arusha heard witnesses on May 20."
        );
        assert!(findings(&text).is_empty());
    }

    #[test]
    fn the_same_day_twice_is_consistent() {
        let text = format!(
            "{DATED}The dam near Ostrava gave way on Sunday. Sunday's collapse of the dam near Ostrava flooded six villages."
        );
        assert!(findings(&text).is_empty());
        let text = format!(
            "{DATED}The dam near Ostrava gave way on Sunday.\n\nThe dam near Ostrava gave way on June 1, engineers said."
        );
        assert!(findings(&text).is_empty());
    }

    #[test]
    fn without_a_reference_only_full_dates_are_compared() {
        assert!(
            findings("The dam near Ostrava gave way on Sunday. The dam near Ostrava gave way on Saturday.")
                .is_empty()
        );
        assert_eq!(
            findings("The dam near Ostrava gave way on June 1, 2025. Later reports said the dam near Ostrava gave way on June 2, 2025.")
                .len(),
            0,
            "“later” marks another event"
        );
        assert_eq!(
            findings("The dam near Ostrava gave way on June 1, 2025. The dam near Ostrava gave way on June 2, 2025.")
                .len(),
            1
        );
    }
}
