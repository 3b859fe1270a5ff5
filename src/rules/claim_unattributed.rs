//! `claim/unattributed`: a fact the fact sheet marks unconfirmed or
//! disputed, stated as plain fact — no "according to", "said" or
//! "reportedly" in the sentence that states it.

use std::collections::HashSet;
use std::ops::Range;

use crate::analysis::Analysis;
use crate::diagnostic::{Diagnostic, Severity};
use crate::facts::{Fact, Status};
use crate::interval::Interval;
use crate::link::{FactIndex, Kind, Link};
use crate::words::{concept, is_calendar_word, is_stop_word, stem, words};

use super::{Context, Rule, RuleDoc, RuleMeta};

pub struct ClaimUnattributed;

static META: RuleMeta = RuleMeta {
    id: "claim/unattributed",
    severity: Severity::Warning,
    needs_facts: true,
    on_by_default: true,
    doc: RuleDoc {
        what_it_does: "Finds the sentences that state a fact the fact sheet marks `status = \"unconfirmed\"` or `\"disputed\"` — a strong link to the fact and its value in the sentence (one of its quantities; for a fact without quantities, its very date or most of its distinctive words) — and reports one that names no source and hedges nothing: no \"according to\", \"said\", \"told\", \"reported\", \"claimed\", \"allegedly\", \"reportedly\", \"unconfirmed\" or the like.",
        why_it_matters: "A disputed figure stated flatly becomes the publication's own claim; if it turns out wrong, the correction is the newsroom's, not the source's.",
        example: "Rebels killed 52 villagers in Korvo on Friday.   (the fact is disputed: only the rebels' radio gives the toll)",
        use_instead: "Rebels killed 52 villagers in Korvo on Friday, according to the rebels' radio station.",
    },
};

/// Words that attribute a statement to a source or hedge it. Compared as
/// written, lowercase.
const ATTRIBUTION: &[&str] = &[
    "according",
    "said",
    "says",
    "say",
    "saying",
    "told",
    "tell",
    "tells",
    "report",
    "reports",
    "reported",
    "reporting",
    "reportedly",
    "claim",
    "claims",
    "claimed",
    "claiming",
    "allege",
    "alleges",
    "alleged",
    "allegedly",
    "purported",
    "purportedly",
    "stated",
    "stating",
    "statement",
    "announced",
    "declared",
    "insisted",
    "asserted",
    "maintained",
    "cited",
    "citing",
    "quoted",
    "quoting",
    "sources",
    "source",
    "confirmed",
    "unconfirmed",
    "verified",
    "unverified",
    "believe",
    "believes",
    "believed",
    "suggest",
    "suggests",
    "suggested",
    "indicate",
    "indicates",
    "indicated",
    "estimate",
    "estimates",
    "estimated",
    "apparently",
    "possibly",
    "may",
    "might",
    "could",
    "disputed",
    "disputes",
    "denied",
    "denies",
    "deny",
];

/// Of a fact without a value in the sentence, the share of its distinctive
/// words the sentence must hold to state it.
const WORD_SHARE: f32 = 0.6;
/// And at least this many of them.
const MIN_WORDS: usize = 3;

/// The facts among `doubtful` that `links` ties a mention to strongly.
fn strong_links_to(doubtful: &[usize], links: &[Link]) -> Vec<usize> {
    links
        .iter()
        .filter(|l| l.strong && doubtful.contains(&l.fact))
        .map(|l| l.fact)
        .collect()
}

impl Rule for ClaimUnattributed {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let Some(facts) = cx.facts else { return };
        let index = &facts.index;
        let doubtful: Vec<usize> = index
            .sheet
            .facts
            .iter()
            .enumerate()
            .filter(|(_, f)| f.status != Status::Confirmed)
            .map(|(i, _)| i)
            .collect();
        if doubtful.is_empty() {
            return;
        }
        let analysis = cx.analysis;
        // (sentence start, fact) already reported: one finding per sentence
        // and fact.
        let mut seen: HashSet<(usize, usize)> = HashSet::new();
        // A quantity stating the fact's value.
        for q in &analysis.quantities {
            if q.ratio || analysis.in_quote(&q.span) || analysis.in_dateline(&q.span) {
                continue;
            }
            let Some(ctx) = index.mention(analysis, &q.span) else {
                continue;
            };
            if index.hypothetical(&ctx) {
                continue;
            }
            for f in strong_links_to(&doubtful, &index.links(&ctx, Kind::Quantity)) {
                let fact = index.fact(f);
                let style = &index.sheet.house_style;
                let tolerance = fact.tolerance(index.sheet);
                let states = fact.quantities.iter().any(|v| {
                    same_unit(q.unit.as_deref(), v.unit.as_deref())
                        && Interval::read(q, style, tolerance)
                            .overlaps(&Interval::read(v, style, tolerance))
                });
                if states {
                    report(self, analysis, index, f, q.span.clone(), &mut seen, out);
                }
            }
        }
        // A fact with quantities is stated by one of them ("killed 12" is
        // another toll, quantity/mismatch's business); one without, by a
        // date or by its words.
        let doubtful: Vec<usize> = doubtful
            .into_iter()
            .filter(|&f| index.fact(f).quantities.is_empty())
            .collect();
        if doubtful.is_empty() {
            return;
        }
        // A date stating the fact's date.
        for t in &analysis.times {
            let Some(days) = t.interval else { continue };
            if analysis.in_quote(&t.span) || analysis.in_dateline(&t.span) {
                continue;
            }
            let Some(ctx) = index.mention(analysis, &t.span) else {
                continue;
            };
            for f in strong_links_to(&doubtful, &index.links(&ctx, Kind::Time)) {
                // The very days of the fact: "on Friday" does not state
                // what the fact dates to "March 2025".
                let states = index.fact(f).times.iter().any(|v| v.interval == Some(days));
                if states {
                    report(self, analysis, index, f, t.span.clone(), &mut seen, out);
                }
            }
        }
        // A sentence holding most of the fact's words.
        let doubtful_words: Vec<(usize, HashSet<String>)> = doubtful
            .iter()
            .map(|&f| (f, distinctive_words(index.fact(f))))
            .filter(|(_, w)| w.len() >= MIN_WORDS)
            .collect();
        if doubtful_words.is_empty() {
            return;
        }
        for sentence in &analysis.doc.sentences {
            let from = analysis
                .words
                .partition_point(|w| w.span.start < sentence.start);
            let to = analysis
                .words
                .partition_point(|w| w.span.start < sentence.end);
            let stems: HashSet<&str> = analysis.words[from..to]
                .iter()
                .filter(|w| !analysis.in_quote(&w.span))
                .map(|w| w.stem.as_str())
                .collect();
            let candidates: Vec<usize> = doubtful_words
                .iter()
                .filter(|(_, fact_words)| {
                    let shared = fact_words
                        .iter()
                        .filter(|w| stems.contains(w.as_str()))
                        .count();
                    shared >= MIN_WORDS && shared as f32 >= WORD_SHARE * fact_words.len() as f32
                })
                .map(|(f, _)| *f)
                .collect();
            if candidates.is_empty() {
                continue;
            }
            let Some(ctx) = index.mention(analysis, sentence) else {
                continue;
            };
            for f in strong_links_to(&doubtful, &index.links(&ctx, Kind::Quote)) {
                if candidates.contains(&f) {
                    let span = visible(analysis.doc.text, sentence);
                    report(self, analysis, index, f, span, &mut seen, out);
                }
            }
        }
    }
}

/// Reports fact `f` stated at `span` unless its sentence attributes or
/// hedges it, once per sentence and fact.
fn report(
    rule: &ClaimUnattributed,
    analysis: &Analysis,
    index: &FactIndex,
    f: usize,
    span: Range<usize>,
    seen: &mut HashSet<(usize, usize)>,
    out: &mut Vec<Diagnostic>,
) {
    let Some(sentence) = analysis.doc.sentence_at(span.start) else {
        return;
    };
    if !seen.insert((sentence.start, f)) || attributed(analysis, &sentence) {
        return;
    }
    let fact = index.fact(f);
    let status = match fact.status {
        Status::Confirmed => return,
        Status::Unconfirmed => "unconfirmed",
        Status::Disputed => "disputed",
    };
    let found = shorten(&analysis.doc.text[span.clone()]);
    out.push(Diagnostic {
        fact: Some(f),
        fact_label: Some(format!("fact `{}` is {status}", fact.id)),
        notes: vec![format!(
            "name the source (“according to …”, “… said”) or say it is {status}"
        )],
        ..Diagnostic::new(
            rule.id(),
            rule.severity(),
            span,
            format!(
                "“{found}” states {status} fact `{}` without attribution",
                fact.id
            ),
        )
    });
}

/// Whether the sentence names a source or hedges: an attribution word
/// outside HTML comments (invisible once rendered).
fn attributed(analysis: &Analysis, sentence: &Range<usize>) -> bool {
    let mut visible = String::new();
    let mut rest = &analysis.doc.text[sentence.clone()];
    while let Some(at) = rest.find("<!--") {
        visible.push_str(&rest[..at]);
        visible.push(' ');
        rest = rest[at..]
            .find("-->")
            .map_or("", |end| &rest[at + end + 3..]);
    }
    visible.push_str(rest);
    visible
        .split(|c: char| !c.is_alphabetic())
        .any(|w| ATTRIBUTION.contains(&w.to_lowercase().as_str()))
}

/// A sentence without the HTML comment that may end it.
fn visible(text: &str, sentence: &Range<usize>) -> Range<usize> {
    let written = &text[sentence.clone()];
    let end = written.find("<!--").unwrap_or(written.len());
    sentence.start..sentence.start + written[..end].trim_end().len()
}

/// The same unit, or a synonym of it, or none on either side.
fn same_unit(a: Option<&str>, b: Option<&str>) -> bool {
    let fold = |u: &str| concept(u).map_or_else(|| stem(u).into_owned(), str::to_string);
    match (a, b) {
        (Some(a), Some(b)) => fold(a) == fold(b),
        (None, None) => true,
        _ => false,
    }
}

/// A fact's content words outside its values and quotations.
fn distinctive_words(fact: &Fact) -> HashSet<String> {
    let text = fact.text.as_str();
    let values: Vec<&Range<usize>> = fact
        .quantities
        .iter()
        .map(|q| &q.span)
        .chain(fact.times.iter().map(|t| &t.span))
        .collect();
    words(text, 0..text.len())
        .into_iter()
        .filter(|w| {
            !values
                .iter()
                .any(|v| v.start < w.span.end && w.span.start < v.end)
        })
        .filter(|w| !is_stop_word(&w.stem) && !is_calendar_word(&w.stem))
        .map(|w| w.stem)
        .collect()
}

/// A long span cut to its first words for the message.
fn shorten(found: &str) -> String {
    const MAX: usize = 60;
    let found = found.trim();
    if found.chars().count() <= MAX {
        return found.to_string();
    }
    let cut: String = found.chars().take(MAX).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(a, _)| a);
    format!("{cut} …")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::FactSheet;
    use crate::rules::FactSheetContext;

    const SHEET: &str = r#"
[story]
title = "Korvo raid"
published = 2025-03-10

[[fact]]
id = "korvo-toll"
text = "Rebels killed 52 villagers in Korvo on Friday, March 7, 2025."
cues = ["raid", "attack"]
status = "disputed"

[[fact]]
id = "korvo-aid"
text = "The Red Crescent delivered 40 tonnes of food to Korvo."
cues = ["aid", "convoy"]

[[fact]]
id = "rebel-leader"
text = "The rebel commander Idris Malo ordered the raid on Korvo from a camp across the river in March 2025."
status = "unconfirmed"
"#;

    fn findings(text: &str) -> Vec<String> {
        let sheet = FactSheet::parse("facts.toml", SHEET).expect("valid sheet");
        let facts = FactSheetContext::new(&sheet);
        let analysis = Analysis::new(text, None, sheet.published);
        let cx = Context {
            analysis: &analysis,
            facts: Some(&facts),
        };
        let mut out = Vec::new();
        ClaimUnattributed.check(&cx, &mut out);
        out.into_iter().map(|d| d.message).collect()
    }

    #[test]
    fn a_disputed_toll_stated_flatly() {
        assert_eq!(
            findings("Rebels killed 52 villagers in Korvo on Friday.\n"),
            ["“52 villagers” states disputed fact `korvo-toll` without attribution"]
        );
    }

    #[test]
    fn attributed_or_hedged_tolls_are_silent() {
        for text in [
            "Rebels killed 52 villagers in Korvo on Friday, according to the rebels' radio.\n",
            "Rebels killed 52 villagers in Korvo on Friday, a local official said.\n",
            "Rebels reportedly killed 52 villagers in Korvo on Friday.\n",
            "Rebels allegedly killed 52 villagers in Korvo on Friday.\n",
            "The toll, which is unconfirmed, stands at 52 villagers killed in Korvo.\n",
        ] {
            assert!(findings(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn another_value_or_a_confirmed_fact_is_silent() {
        // Another figure is quantity/mismatch's business, not an unattributed
        // claim, even on the fact's date.
        assert!(findings("Rebels killed 12 villagers in Korvo on Friday.\n").is_empty());
        assert!(findings("Rebels raided Korvo on Friday.\n").is_empty());
        // The confirmed fact needs no attribution.
        assert!(findings("The Red Crescent delivered 40 tonnes of food to Korvo.\n").is_empty());
        // A sentence about the story that does not state the fact.
        assert!(findings("Villagers in Korvo buried their dead on Sunday.\n").is_empty());
    }

    #[test]
    fn a_fact_without_quantities_stated_by_its_words() {
        assert_eq!(
            findings(
                "The rebel commander Idris Malo ordered the raid on Korvo from a camp across the river.\n"
            ),
            [
                "“The rebel commander Idris Malo ordered the raid on Korvo …” states unconfirmed fact `rebel-leader` without attribution"
            ]
        );
        assert!(
            findings(
                "Villagers believe the rebel commander Idris Malo ordered the raid on Korvo.\n"
            )
            .is_empty()
        );
        assert!(findings("Idris Malo was seen in Korvo.\n").is_empty());
    }
}
