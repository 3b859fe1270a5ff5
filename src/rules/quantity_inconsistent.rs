//! `quantity/inconsistent`: one thing counted two ways in one document —
//! "30 soldiers" in the headline, "more than 30 soldiers" in the body.
//!
//! Two mentions are the same count only when they count the same noun (its
//! stem or a synonym) and their words say the same event: at least two
//! content words shared near each, the same outcome ("killed", not
//! "injured"), no other place or party named on each side, no other date,
//! and neither a total over a period ("since May", "across the region") nor
//! another event ("a separate assault") nor a revised figure. Mentions are
//! grouped by counted noun and each is compared with a bounded number of the
//! earlier ones, so the check stays linear in the document.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use crate::analysis::{Analysis, overlaps_sorted};
use crate::diagnostic::{Diagnostic, Severity};
use crate::extract::quantity::{QuantityMention, UnitKind};
use crate::extract::time::{Resolution, TimexType};
use crate::facts::FactSheet;
use crate::house_style::{HouseStyle, Tolerance};
use crate::interval::{Interval, is_rounding_of};
use crate::words::{Word, concept, is_calendar_word, is_stop_word, is_title_case, stem};

use super::{Context, Rule, RuleDoc, RuleMeta};

pub struct QuantityInconsistent;

static META: RuleMeta = RuleMeta {
    id: "quantity/inconsistent",
    severity: Severity::Warning,
    needs_facts: false,
    on_by_default: true,
    doc: RuleDoc {
        what_it_does: "Reports a count of things that contradicts an earlier count in the same document of the same thing in the same event: the same counted noun (or a synonym), at least two content words shared around both, the same outcome (\"killed\" with \"killed\", never with \"injured\"), no different place or date. Quantities are intervals under the default house style, so \"30 soldiers\" and \"more than 30 soldiers\" contradict, \"about 30\" and \"32\" do not. Sums of money, measures and shares, parts (\"33,000 common shares and 10,000 new shares\"), totals over a period (\"since May\"), other events (\"a separate attack\", \"also\") and revised figures are left alone.",
        why_it_matters: "A headline that says one number and a body that says another tells readers one of them is wrong; rewrites often fix a figure in one place and not the other.",
        example: "Army loses 30 soldiers in base attack … JNIM fighters killed more than 30 soldiers in the attack on the base.",
        use_instead: "Army loses more than 30 soldiers in base attack … JNIM fighters killed more than 30 soldiers in the attack on the base.",
    },
};

/// Words on each side of a quantity, within its sentence, that say what it
/// is about.
const WINDOW: usize = 10;
/// Content words the two windows must share (the counted noun aside).
const MIN_SHARED: usize = 2;
/// How many earlier mentions of the same noun each mention is compared
/// with: the bound that keeps the check linear.
const MAX_EARLIER: usize = 32;
/// How many words before a quantity a modal verb makes it a possibility.
const MODAL_REACH: usize = 3;

/// Words that say the count belongs to another event.
const OTHER_EVENT: &[&str] = &[
    "separate",
    "another",
    "other",
    "earlier",
    "previous",
    "previously",
    "prior",
    "different",
    "last",
    "similar",
    "further",
    "additional",
    "extra",
    "also",
];

/// Words that make a count a total over a period or an area.
const TOTAL: &[&str] = &[
    "since",
    "total",
    "overall",
    "altogether",
    "cumulative",
    "cumulatively",
    "across",
    "nationwide",
    "countrywide",
    "so far",
    "to date",
    "tally",
    "including",
    "among",
    "of whom",
    "of them",
    "this year",
    "last year",
    "per",
    "each",
    "every",
    "a year",
    "a day",
    "a week",
    "a month",
];

/// Words that say a figure was revised: both may be right at their time.
const REVISION: &[&str] = &[
    "initially",
    "first",
    "originally",
    "later",
    "revised",
    "raised",
    "lowered",
    "updated",
    "rose",
    "risen",
    "rising",
    "climbed",
    "increased",
    "fell",
    "dropped",
    "now",
    "up from",
    "down from",
    "instead",
    "expected",
    "planned",
    "target",
    "goal",
];

/// Modal verbs that turn a value into a possibility.
const MODALS: &[&str] = &["can", "could", "may", "might", "would", "should", "will"];

/// What happened to the things counted: counts of different outcomes are
/// different counts ("two soldiers were injured", "30 soldiers were killed").
const OUTCOMES: &[&[&str]] = &[
    &[
        "killed",
        "kill",
        "kills",
        "killing",
        "died",
        "die",
        "dies",
        "dead",
        "death",
        "deaths",
        "fatalities",
        "fatality",
        "perished",
        "slain",
        "lost",
        "losing",
        "lose",
        "loses",
        "toll",
        "bodies",
        "executed",
    ],
    &[
        "injured",
        "injuring",
        "injuries",
        "injury",
        "wounded",
        "wounding",
        "hurt",
        "hospitalised",
        "hospitalized",
        "treated",
    ],
    &["missing", "disappeared", "unaccounted"],
    &["arrested", "detained", "held", "jailed", "charged"],
    &["deployed", "sent", "dispatched", "stationed", "mobilised"],
    &[
        "evacuated",
        "evacuation",
        "fled",
        "displaced",
        "homeless",
        "evacuees",
    ],
    &[
        "rescued", "saved", "freed", "released", "escaped", "survived",
    ],
    &[
        "captured",
        "kidnapped",
        "abducted",
        "hostage",
        "hostages",
        "taken",
    ],
    &["attended", "attending", "gathered", "marched", "protested"],
];

/// Which outcomes a lowercase word names.
fn outcome(word: &str) -> Option<usize> {
    OUTCOMES.iter().position(|group| group.contains(&word))
}

/// A quantity with the words around it, ready to be compared.
struct Candidate<'a> {
    mention: &'a QuantityMention,
    /// The counted nouns, folded: the head first.
    nouns: Vec<String>,
    sentence: Range<usize>,
    /// Content stems near the mention.
    words: HashSet<&'a str>,
    /// Names near the mention (capitalised, not a headline).
    names: HashSet<&'a str>,
    /// The stems of its sentence, and the names in it.
    sentence_stems: HashSet<&'a str>,
    sentence_names: HashSet<&'a str>,
    /// Outcome groups named near the mention.
    outcomes: Vec<usize>,
    /// Days dated near the mention.
    dates: Vec<(jiff::civil::Date, jiff::civil::Date)>,
    /// A total over a period or an area.
    total: bool,
    interval: Interval,
}

impl Rule for QuantityInconsistent {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let analysis = cx.analysis;
        let sheet = cx.facts.map(|f| f.index.sheet);
        let candidates: Vec<Candidate> = analysis
            .quantities
            .iter()
            .filter_map(|q| Candidate::new(analysis, q, sheet))
            .collect();
        // A count beside another of the same noun in its sentence is a
        // part ("33,000 common shares and 10,000 new shares"), not the
        // whole: neither is compared.
        let mut per_sentence: HashMap<(usize, &str), usize> = HashMap::new();
        for c in &candidates {
            for n in &c.nouns {
                *per_sentence
                    .entry((c.sentence.start, n.as_str()))
                    .or_default() += 1;
            }
        }
        let candidates: Vec<&Candidate> = candidates
            .iter()
            .filter(|c| {
                c.nouns
                    .iter()
                    .all(|n| per_sentence[&(c.sentence.start, n.as_str())] == 1)
            })
            .collect();
        // noun → indices of the candidates counting it, in text order.
        let mut groups: HashMap<&str, Vec<usize>> = HashMap::new();
        // The drift already reported, as (this interval, the earlier one):
        // the same drift in the same direction is reported once.
        let mut reported: HashSet<(Key, Key)> = HashSet::new();
        for (i, c) in candidates.iter().enumerate() {
            let mut earlier: Vec<usize> = c
                .nouns
                .iter()
                .filter_map(|n| groups.get(n.as_str()))
                .flat_map(|g| g.iter().rev().take(MAX_EARLIER).copied())
                .collect();
            earlier.sort_unstable();
            earlier.dedup();
            let contradicted = earlier.into_iter().map(|j| candidates[j]).find(|e| {
                same_count(e, c) && !c.interval.overlaps(&e.interval) && !rounded(analysis, e, c)
            });
            if let Some(e) = contradicted {
                if reported.insert((key(&c.interval), key(&e.interval))) {
                    out.push(diagnostic(self, analysis, c, e));
                }
            }
            for n in &c.nouns {
                let group = groups.entry(n.as_str()).or_default();
                if group.last() != Some(&i) {
                    group.push(i);
                }
            }
        }
    }
}

fn diagnostic(
    rule: &QuantityInconsistent,
    analysis: &Analysis,
    later: &Candidate,
    earlier: &Candidate,
) -> Diagnostic {
    let text = analysis.doc.text;
    let found = &text[later.mention.span.clone()];
    let first = &text[earlier.mention.span.clone()];
    let line = analysis.doc.line_col(earlier.mention.span.start).line;
    let phrase = |c: &Candidate| text[c.mention.bound_span.clone()].trim().to_string();
    Diagnostic {
        related: Some((
            earlier.mention.span.clone(),
            "first counted here".to_string(),
        )),
        notes: vec![
            format!("first counted as “{first}” on line {line}"),
            format!(
                "“{}” means {}; “{}” means {}",
                phrase(later),
                later.interval.describe(),
                phrase(earlier),
                earlier.interval.describe()
            ),
        ],
        ..Diagnostic::new(
            rule.id(),
            rule.severity(),
            later.mention.span.clone(),
            format!("“{found}” contradicts “{first}” on line {line}"),
        )
    }
}

impl<'a> Candidate<'a> {
    /// `None` for a quantity that is not a plain claim of a count: a ratio,
    /// a vague amount, a share, a duration, a value in a quotation or a
    /// dateline, a possibility.
    fn new(
        analysis: &'a Analysis<'a>,
        q: &'a QuantityMention,
        sheet: Option<&FactSheet>,
    ) -> Option<Self> {
        let unit = q.unit.as_deref()?;
        let kind = q.unit_kind?;
        // Only counts of things: a business story holds many sums of money
        // (the fine and the clean-up, revenue and profit, this quarter and
        // last) that share their words, and measures fare no better.
        if q.ratio
            || q.vague.is_some()
            || kind != UnitKind::Counted
            || TIME_UNITS.contains(&unit)
            || (q.low.is_none() && q.high.is_none())
            || analysis.in_quote(&q.span)
            || analysis.in_dateline(&q.span)
        {
            return None;
        }
        let text = analysis.doc.text;
        let sentence = analysis.doc.sentence_at(q.span.start)?;
        let all = &analysis.words;
        let sentence_words = word_range(all, &sentence);
        let own = word_range(all, &q.span);
        // The window stops at another quantity: "fined $45 million and
        // ordered it to pay a further $12.5 million" — the fine's words are
        // not the clean-up's.
        let other_value = |i: &usize| {
            let w = &all[*i];
            !(q.span.start <= w.span.start && w.span.end <= q.span.end)
                && overlaps_sorted(&analysis.quantity_spans, &w.span)
        };
        let start = (own.start.saturating_sub(WINDOW).max(sentence_words.start)..own.start)
            .rev()
            .take_while(|i| !other_value(i))
            .last()
            .unwrap_or(own.start);
        let end = (own.end..(own.end + WINDOW).min(sentence_words.end))
            .take_while(|i| !other_value(i))
            .last()
            .map_or(own.end, |i| i + 1);
        let (before, after) = (start..own.start, own.end..end);
        let near: Vec<&Word> = all[before.clone()].iter().chain(&all[after]).collect();
        let lower = |w: &Word| text[w.span.clone()].to_lowercase();
        let modal = all[own
            .start
            .saturating_sub(MODAL_REACH)
            .max(sentence_words.start)..own.start]
            .iter()
            .any(|w| MODALS.contains(&lower(w).as_str()));
        let lowered: Vec<String> = near.iter().map(|w| lower(w)).collect();
        let has = |list: &[&str]| {
            list.iter().any(|m| {
                let parts: Vec<&str> = m.split(' ').collect();
                lowered
                    .windows(parts.len())
                    .any(|ws| ws.iter().zip(&parts).all(|(a, b)| a == b))
            })
        };
        if modal || has(OTHER_EVENT) || has(REVISION) {
            return None;
        }
        let nouns = counted(q, sheet);
        let title_case = is_title_case(&all[sentence_words.clone()], text);
        let words = near
            .iter()
            .filter(|w| content(&w.stem) && !nouns.contains(&w.stem))
            .map(|w| w.stem.as_str())
            .collect();
        let is_name = |w: &Word| w.capitalised && !title_case && content(&w.stem);
        let names = near
            .iter()
            .filter(|w| is_name(w))
            .map(|w| w.stem.as_str())
            .collect();
        let sentence_stems = all[sentence_words.clone()]
            .iter()
            .map(|w| w.stem.as_str())
            .collect();
        let sentence_names = all[sentence_words.clone()]
            .iter()
            .filter(|w| is_name(w))
            .map(|w| w.stem.as_str())
            .collect();
        let mut outcomes: Vec<usize> = lowered
            .iter()
            .map(String::as_str)
            .chain(
                all[own.clone()]
                    .iter()
                    .map(|w| &text[w.span.clone()])
                    .filter(|w| w.chars().all(char::is_lowercase)),
            )
            .filter_map(outcome)
            .collect();
        outcomes.sort_unstable();
        outcomes.dedup();
        let dates = analysis
            .times
            .iter()
            .skip(
                analysis
                    .times
                    .partition_point(|t| t.span.start < sentence.start),
            )
            .take_while(|t| t.span.start < sentence.end)
            .filter(|t| {
                matches!(t.typ, TimexType::Date | TimexType::Time)
                    && matches!(
                        t.resolution,
                        Resolution::Absolute | Resolution::Reference { .. }
                    )
            })
            .filter_map(|t| t.interval)
            .collect();
        let total = has(TOTAL)
            || analysis
                .times
                .iter()
                .skip(
                    analysis
                        .times
                        .partition_point(|t| t.span.start < sentence.start),
                )
                .take_while(|t| t.span.start < sentence.end)
                .any(|t| {
                    t.typ == TimexType::Duration
                        || t.signal.as_ref().is_some_and(|s| is_period(s.0))
                });
        Some(Candidate {
            mention: q,
            nouns,
            sentence,
            words,
            names,
            sentence_stems,
            sentence_names,
            outcomes,
            dates,
            total,
            interval: Interval::read(q, &HouseStyle::DEFAULT, Tolerance::Rounding),
        })
    }
}

/// An interval as a hashable key: its ends' bits and inclusivity.
type Key = (Option<u64>, Option<u64>, bool, bool);

fn key(i: &Interval) -> Key {
    (
        i.low.map(f64::to_bits),
        i.high.map(f64::to_bits),
        i.low.is_some() && i.low_inclusive,
        i.high.is_some() && i.high_inclusive,
    )
}

fn is_period(signal: crate::extract::time::Signal) -> bool {
    use crate::extract::time::Signal;
    matches!(
        signal,
        Signal::Since | Signal::From | Signal::Until | Signal::By | Signal::Between | Signal::For
    )
}

/// Units of time: durations ("48 hours", "three days") are seldom the same
/// count twice.
const TIME_UNITS: &[&str] = &[
    "second", "minute", "hour", "day", "week", "month", "year", "decade", "century",
];

/// A word that can say what a count is about.
fn content(stem: &str) -> bool {
    !is_stop_word(stem) && !is_calendar_word(stem)
}

/// Whether two mentions count the same thing in the same event.
fn same_count(a: &Candidate, b: &Candidate) -> bool {
    if a.sentence == b.sentence || a.total != b.total || a.total {
        return false;
    }
    // "killed" with "killed": neither outcome alone, nor two different ones.
    if a.outcomes.is_empty() != b.outcomes.is_empty()
        || (!a.outcomes.is_empty() && !a.outcomes.iter().any(|o| b.outcomes.contains(o)))
    {
        return false;
    }
    // One names a place or party near its count that the other's sentence,
    // naming others, leaves out: another event or another scope ("killed
    // 257 people in Nairobi and Dar es Salaam", "in Dar es Salaam … the
    // blast killed 10 people"). A headline's capitals name nothing.
    let foreign = |x: &Candidate, y: &Candidate| {
        !y.sentence_names.is_empty() && x.names.iter().any(|n| !y.sentence_stems.contains(n))
    };
    if foreign(a, b) || foreign(b, a) {
        return false;
    }
    // Both dated, on days that do not meet: two events.
    if !a.dates.is_empty()
        && !b.dates.is_empty()
        && !a
            .dates
            .iter()
            .any(|x| b.dates.iter().any(|y| x.0 <= y.1 && y.0 <= x.1))
    {
        return false;
    }
    // Two shared words, one of them not a name: "Credit Lyonnais" alone
    // says who, not what happened.
    let shared: Vec<&&str> = a.words.intersection(&b.words).collect();
    shared.len() >= MIN_SHARED
        && shared
            .iter()
            .any(|w| !a.sentence_names.contains(**w) && !b.sentence_names.contains(**w))
}

/// Whether one exact figure is the other rounded ("2,300" and "2,348").
fn rounded(analysis: &Analysis, a: &Candidate, b: &Candidate) -> bool {
    let text = analysis.doc.text;
    let written = |c: &Candidate| &text[c.mention.number_span.clone()];
    is_rounding_of(a.mention, written(a), b.mention, Tolerance::Rounding)
        || is_rounding_of(b.mention, written(b), a.mention, Tolerance::Rounding)
}

/// The counted nouns of a mention, folded through the fact sheet's
/// `[aliases]` (when there is one) and the built-in synonyms: the head first.
fn counted(q: &QuantityMention, sheet: Option<&FactSheet>) -> Vec<String> {
    q.unit
        .iter()
        .chain(q.modifiers.iter())
        .map(|w| {
            let s = stem(w);
            if let Some(c) = sheet.and_then(|sheet| sheet.aliases.get(s.as_ref())) {
                return concept(c).unwrap_or(c).to_string();
            }
            concept(w).unwrap_or(&s).to_string()
        })
        .collect()
}

/// Indices of the words inside `span`.
fn word_range(words: &[Word], span: &Range<usize>) -> Range<usize> {
    let start = words.partition_point(|w| w.span.end <= span.start);
    let end = words.partition_point(|w| w.span.start < span.end);
    start..end.max(start)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn findings(text: &str) -> Vec<(usize, String)> {
        crate::rules::testing::sheetless_findings(&QuantityInconsistent, text)
    }

    #[test]
    fn headline_exact_body_more_than() {
        let text = "Army Loses 30 Soldiers in Boulikessi Base Attack\n\nFighters killed more than 30 soldiers in the attack on the Boulikessi base on Sunday.\n";
        assert_eq!(
            findings(text),
            [(
                3,
                "“more than 30 soldiers” contradicts “30 Soldiers” on line 1".to_string()
            )]
        );
    }

    #[test]
    fn two_exact_counts_of_one_event() {
        let text = "The army said 13 assailants were killed in the failed raid on the Timbuktu camp.\n\nLater in the day, 15 assailants were reported killed in the raid on the camp.\n";
        // "later" marks a revision: silent.
        assert!(findings(text).is_empty());
        let text = "The army said 13 assailants were killed in the failed raid on the Timbuktu camp.\n\nOfficers at the camp told reporters that 15 assailants were killed in the raid.\n";
        assert_eq!(findings(text).len(), 1);
    }

    #[test]
    fn synonyms_count_the_same_thing() {
        let text = "Rebels killed 30 soldiers in the raid on the Dioura garrison.\n\nThe raid on the Dioura garrison killed 45 troops.\n";
        assert_eq!(findings(text).len(), 1);
    }

    #[test]
    fn different_outcomes_are_different_counts() {
        let text = "Thirty soldiers were killed in the Boulikessi attack.\n\nTwo soldiers were injured in the Boulikessi attack.\n";
        assert!(findings(text).is_empty());
    }

    #[test]
    fn totals_over_a_period_are_another_scope() {
        let text = "Fighters killed 30 soldiers in the attack on the base in Mali on Sunday.\n\nMore than 400 soldiers have been killed in attacks in Mali since May.\n";
        assert!(findings(text).is_empty());
    }

    #[test]
    fn another_event_another_place_another_day() {
        let separate = "JNIM killed 30 soldiers in the attack on the Boulikessi base.\n\nJNIM said it killed 40 soldiers in a separate attack on a base.\n";
        assert!(findings(separate).is_empty());
        let places = "JNIM killed 30 soldiers in the attack on the Boulikessi base.\n\nJNIM killed 40 soldiers in the attack on the Dioura base.\n";
        assert!(findings(places).is_empty());
        let days = "JNIM killed 30 soldiers in the attack on the base on June 1, 2025.\n\nJNIM killed 40 soldiers in the attack on the base on May 12, 2025.\n";
        assert!(findings(days).is_empty());
    }

    #[test]
    fn compatible_or_unrelated_counts_are_silent() {
        let compatible = "Fighters killed more than 30 soldiers in the attack on the base.\n\nThe attack on the base killed at least 31 soldiers.\n";
        assert!(findings(compatible).is_empty());
        let unrelated = "Fighters killed 30 soldiers in the attack on the base.\n\nThe ministry sent 200 soldiers to guard the border crossing.\n";
        assert!(findings(unrelated).is_empty());
        let rounded = "The fire burned 2,348 hectares of pine forest near the town.\n\nThe fire burned 2,300 hectares of pine forest, officials said.\n";
        assert!(findings(rounded).is_empty());
        let quoted = "Fighters killed 30 soldiers in the attack on the base.\n\n“We lost 40 soldiers in the attack on the base,” an officer said.\n";
        assert!(findings(quoted).is_empty());
    }

    #[test]
    fn another_amount_in_the_same_sentence_has_its_own_words() {
        let text = "Judge fines Harlow Mills $45 million for polluting the Teme\n\nThe judge fined Harlow Mills $45 million and ordered it to pay a further $12.5 million towards cleaning the river.\n\nHarlow Mills must pay $2 million to anglers who lost their livelihoods on the Teme.\n";
        assert!(findings(text).is_empty());
    }

    #[test]
    fn parts_other_actors_and_other_places_are_silent() {
        let parts = "The fund bought 43,000 shares of Harlow Mills on Monday.\n\nThe purchase, for 33,000 common shares and 10,000 new shares, was approved by the board.\n";
        assert!(findings(parts).is_empty());
        let also = "The fund bought 43,000 shares of Harlow Mills to fend off a takeover.\n\nA pension fund also bought Harlow Mills shares, a purchase of more than 160,000 shares.\n";
        assert!(findings(also).is_empty());
        let places = "The bombs killed 257 people in Nairobi and Dar es Salaam.\n\nIn Dar es Salaam, she laid a wreath beside the crater of the blast that killed 10 people.\n";
        assert!(findings(places).is_empty());
        let names_only = "Credit Lyonnais bought 43,000 shares on Monday.\n\nFor Credit Lyonnais, 33,000 shares was enough.\n";
        assert!(findings(names_only).is_empty());
    }

    #[test]
    fn the_same_drift_is_reported_once_in_each_direction() {
        let text = "Army Loses 30 Soldiers in Boulikessi Base Attack\n\nFighters killed more than 30 soldiers in the attack on the Boulikessi base.\n\nThe attack on the Boulikessi base killed more than 30 soldiers, the army said.\n\nArmy Loses 30 Soldiers in Boulikessi Base Attack\n";
        let lines: Vec<usize> = findings(text).into_iter().map(|(l, _)| l).collect();
        assert_eq!(lines, [3, 7]);
    }
}
