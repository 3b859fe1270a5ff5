//! `time/mismatch`: a time expression linked to a fact that resolves to a
//! different date, period or year.

use crate::diagnostic::{Diagnostic, Severity};
use crate::extract::time::{Resolution, Signal, TimeMention};
use crate::link::{Comparable, Kind, Link, MentionContext, judge};
use crate::support::{Opposition, Verdict};

use super::{Context, Rule, RuleDoc, RuleMeta};

pub struct TimeMismatch;

static META: RuleMeta = RuleMeta {
    id: "time/mismatch",
    severity: Severity::Error,
    needs_facts: true,
    on_by_default: true,
    doc: RuleDoc {
        what_it_does: "Resolves each time expression against the document's reference date (\"last Friday\" → 2025-05-30), links it to the fact it talks about, and reports it when the days it covers and the fact's days do not meet. A period's start is compared with a period's start (\"since the month began\" with \"since the beginning of May\"), a date with a date. Anaphoric expressions (\"the next morning\") and vague ones (\"recently\") are never reported. With `--source`, a time expression no source expression supports is compared with the source expression of the same grain (a day with a day, a quarter with a quarter, a duration with a duration) that the rewrite's sentence restates best (an expression another one of the same sentence restates is left to that one: \"Q3 lower than Q2\"), a period word that qualifies the same word otherwise (\"monthly reports\" for \"weekly reports\"), and \"after\" where the source says \"before\" between the same things.",
        why_it_matters: "Relative dates drift silently in rewrites: \"since the beginning of last month\" becomes \"since the month began\", \"Sunday\" becomes \"Saturday\", and the story changes.",
        example: "More than 400 soldiers have died since the month began.   (the fact: since the beginning of May; the article is dated 2 June)",
        use_instead: "More than 400 soldiers have died since the beginning of May.",
    },
};

/// What a time expression says about its event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// It happened then ("on Sunday", "in 2012").
    At,
    /// A period starts then ("since May", "from 2020").
    Start,
    /// A period ends then ("until June", "by 2030").
    End,
    /// Before or after it: too loose to contradict.
    Loose,
}

fn role(t: &TimeMention) -> Role {
    match t.signal.as_ref().map(|(s, _)| *s) {
        None | Some(Signal::On | Signal::In | Signal::At | Signal::During) => Role::At,
        Some(Signal::Since | Signal::From) => Role::Start,
        Some(Signal::Until | Signal::By) => Role::End,
        Some(Signal::Before | Signal::After | Signal::For | Signal::Between) => Role::Loose,
    }
}

/// A mention that can be checked: resolved from the text or the reference
/// date, never from another event or a vague word.
fn checkable(t: &TimeMention) -> bool {
    t.interval.is_some()
        && matches!(
            t.resolution,
            Resolution::Absolute | Resolution::Reference { .. }
        )
        && role(t) != Role::Loose
}

fn describe(t: &TimeMention) -> String {
    let value = t.value.as_deref().unwrap_or("?");
    let value = match t.modifier {
        Some(m) => format!("{value} ({m})"),
        None => value.to_string(),
    };
    match t.interval {
        Some((a, b)) if a == b => {
            if value.starts_with(&a.to_string()) {
                value
            } else {
                format!("{value}, {a}")
            }
        }
        Some((a, b)) => format!("{value}, {a} to {b}"),
        None => value,
    }
}

/// How many words on each side of a time expression must include one of
/// the fact's: wider than for quantities, since dates sit in adverbials
/// ("the previous major wildfire near Castelmar, in 2016, …").
const PREDICATE_WINDOW: usize = 5;

/// A day is not checked against a year or a quarter: a fact's coarse period
/// is usually a different aspect (the quarter a profit was made in, not the
/// day it was announced), so only an equal or coarser mention is compared.
fn finer_than(mention: &TimeMention, value: &TimeMention) -> bool {
    let length = |t: &TimeMention| t.interval.map(|(a, b)| (b - a).get_days());
    matches!((length(mention), length(value)), (Some(m), Some(v)) if m < v)
}

/// A mention and a fact value on opposite sides of the reference date talk
/// about different things: "the mayor will visit on Tuesday" is not the past
/// flood a fact dates, and "she won on Sunday" is not the swearing-in a
/// fact schedules for next month.
fn across_the_reference(
    mention: &TimeMention,
    value: &TimeMention,
    analysis: &crate::analysis::Analysis,
) -> bool {
    match (&analysis.reference, mention.interval, value.interval) {
        (Some(r), Some((m0, m1)), Some((v0, v1))) => {
            (m0 > r.date && v1 < r.date) || (m1 < r.date && v0 > r.date)
        }
        _ => false,
    }
}

/// The expression with its signal word: "since the month began".
fn with_signal(t: &TimeMention) -> std::ops::Range<usize> {
    let start = t
        .signal
        .as_ref()
        .map_or(t.span.start, |(_, s)| s.start.min(t.span.start));
    start..t.span.end
}

fn overlaps(a: &TimeMention, b: &TimeMention) -> bool {
    match (a.interval, b.interval) {
        (Some((a0, a1)), Some((b0, b1))) => a0 <= b1 && b0 <= a1,
        _ => true,
    }
}

impl Rule for TimeMismatch {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let Some(facts) = cx.facts else { return };
        let analysis = cx.analysis;
        let linked: Vec<(&TimeMention, MentionContext, Vec<Link>)> = analysis
            .times
            .iter()
            .filter(|t| {
                checkable(t) && !analysis.in_quote(&t.span) && !analysis.in_dateline(&t.span)
            })
            .filter_map(|t| {
                let ctx = facts.index.mention(analysis, &t.span)?;
                let links = facts.index.links(&ctx, Kind::Time);
                Some((t, ctx, links))
            })
            .collect();
        for (mention, ctx, links) in &linked {
            let (mention, ctx) = (*mention, ctx);
            // Of two dates in one sentence that link to the same fact, only
            // the one that links best is its date: in "released on Wednesday
            // … since the outbreak began in early March" the fact dating the
            // release is about Wednesday.
            // And when another date of the sentence agrees with the fact, the
            // sentence states the fact's date; this one dates something else
            // ("gathered on Sunday to welcome the team that won the final
            // yesterday").
            // `linked` is in text order: only the sentence's slice is read.
            let sentence = analysis
                .doc
                .sentence_at(mention.span.start)
                .unwrap_or(mention.span.clone());
            let first = linked.partition_point(|(t, ..)| t.span.start < sentence.start);
            let same_sentence = linked[first..]
                .iter()
                .take_while(|(t, ..)| t.span.start < sentence.end);
            let outranked = |fact: usize, score: f32| {
                same_sentence.clone().any(|(other, _, other_links)| {
                    !std::ptr::eq(*other, mention)
                        && role(other) == role(mention)
                        && other_links.iter().any(|l| {
                            l.fact == fact
                                && (l.score > score
                                    || facts.index.fact(fact).times.iter().any(|v| {
                                        checkable(v) && role(v) == role(other) && overlaps(other, v)
                                    }))
                        })
                })
            };
            let links: Vec<Link> = links
                .iter()
                .filter(|l| !outranked(l.fact, l.score))
                .copied()
                .collect();
            let values = |f: usize| -> Comparable<&TimeMention> {
                if facts
                    .index
                    .another_predicate(f, ctx, PREDICATE_WINDOW, &[], None)
                {
                    return Comparable::none();
                }
                let fact = facts.index.fact(f);
                let comparable = fact
                    .times
                    .iter()
                    .filter(|v| checkable(v) && role(v) == role(mention))
                    .filter(|v| !across_the_reference(mention, v, analysis))
                    .filter(|v| !finer_than(mention, v))
                    .collect();
                facts.index.closest(f, comparable, |v| &v.span, ctx)
            };
            let Some((link, value)) = judge(
                &links,
                values,
                |v| overlaps(mention, v),
                |v| v.interval == mention.interval,
            ) else {
                continue;
            };
            let fact = facts.index.fact(link.fact);
            let span = with_signal(mention);
            let found = &analysis.doc.text[span.clone()];
            let expected = fact.text[with_signal(value)].to_string();
            let mut notes = vec![format!(
                "“{found}” resolves to {}; the fact says {}",
                describe(mention),
                describe(value)
            )];
            if let (Resolution::Reference { how, .. }, Some(reference)) =
                (&mention.resolution, &analysis.reference)
            {
                notes.push(format!("resolved against {reference}: {how}"));
            }
            out.push(Diagnostic {
                fact: Some(link.fact),
                expected: Some(expected.clone()),
                fact_value: Some(with_signal(value)),
                fact_label: Some(format!("fact `{}`", fact.id)),
                notes,
                ..Diagnostic::new(
                    self.id(),
                    self.severity(),
                    span,
                    format!(
                        "“{found}” contradicts fact `{}`, which says “{expected}”",
                        fact.id
                    ),
                )
            });
        }
        if let Some(support) = &facts.support {
            let sheet = facts.index.sheet;
            for mention in &analysis.times {
                let Verdict::Contradicts(restated) = support.judge_time(sheet, analysis, mention)
                else {
                    continue;
                };
                if out.iter().any(|d| {
                    d.rule == self.id()
                        && d.span.start <= mention.span.start
                        && mention.span.end <= d.span.end
                }) {
                    continue;
                }
                let fact = facts.index.fact(restated.fact);
                let value = &fact.times[restated.value];
                out.push(super::source_contradiction(
                    self,
                    analysis,
                    mention.span.clone(),
                    fact,
                    restated.fact,
                    value.span.clone(),
                ));
            }
            // Period words: "monthly reports" when the source says weekly.
            super::changed_ordinals(self, analysis, facts, support, true, out);
            // "after" for "before".
            super::changed_opposites(self, analysis, facts, support, Opposition::Order, out);
        }
    }
}
