//! Source mode's question: does anything in the source support a value of
//! the rewrite, and if not, which source sentence does the rewrite's
//! sentence restate?
//!
//! A quantity is *supported* when a source value, or a number an editor
//! derives from source values, agrees with it:
//!
//! - the same amount however written: digits or words, scale words
//!   ("1.5 million" = 1,500,000), bounds that overlap ("more than 30" for
//!   31), an approximation or a round number ("about 2,300", "nearly 2,400"
//!   for 2,348);
//! - the sum or difference of two source values;
//! - a percentage computed from two source values (a share, or a change).
//!
//! A time expression is supported when a source expression covers the same
//! days (or the rewrite's covers the source's: "in 2021" for "March 2021"),
//! or has the same duration. Both texts are resolved against the same
//! reference date, so with no date at all they share one unknown frame:
//! "last Tuesday" and "on Tuesday" agree, "last Wednesday" does not.
//!
//! An unsupported value is compared with the source sentence its own
//! sentence restates best — most shared words, rare ones counting more,
//! near ones more — among those with a value of the same kind: that is a
//! contradiction; with no such sentence the value is merely unsupported.

use std::collections::{HashMap, HashSet};

use jiff::civil::Date;

use crate::analysis::Analysis;
use crate::document::Span;
use crate::extract::quantity::{QuantityMention, UnitKind};
use crate::extract::quote::{QuoteMention, quoted_span};
use crate::extract::time::{MONTHS, Resolution, TimeMention, TimexType, WEEKDAYS};
use crate::facts::{Fact, FactSheet, Origin};
use crate::house_style::Tolerance;
use crate::interval::{Interval, close, is_rounding_of};
use crate::link::EVENT_WINDOW;
use crate::verbatim::{QuoteWords, fold};
use crate::words::{Word, is_stop_word, words};

/// A word this many words from the mention counts half.
const PROXIMITY: f32 = 8.0;
/// A restated sentence must score at least this (one rare word right next
/// to the mention scores about 1).
const MIN_RESTATEMENT: f32 = 0.5;
/// A source sentence that states a value supports it when it is restated
/// at least this share as well as the best one.
const DOUBT_RATIO: f32 = 0.3;
/// How many words on each side of a value its neighbours reach ...
const LOCAL_REACH: usize = 6;
/// ... a neighbour this many words away counting half ...
const LOCAL_HALF: f32 = 2.0;
/// ... and what the neighbours weigh beside the whole sentence.
const LOCAL_WEIGHT: f32 = 1.0;
/// Words that announce another event than the one a restated sentence
/// reports. Fewer than a fact sheet's ([`crate::link`]): "prior",
/// "previous" and "earlier" mostly compare with a period of the same story
/// ("up 17% from the prior year").
const SOURCE_EVENT_MARKERS: &[&str] = &["separate", "another", "different"];
/// What a word of another clause of the sentence counts for.
const OTHER_CLAUSE: f32 = 0.4;
/// Words that open another clause.
const CLAUSE_WORDS: &[&str] = &[
    "and", "but", "while", "whereas", "which", "who", "with", "or",
];
/// A bound holds an amount at most this many times it, or this share of
/// it ("more than 30" for 34, "under 500" for 480; not "at least $6" for
/// $8.50).
const BOUND_REACH: f64 = 1.25;
/// An agreeing value supports only when the best contradicting one is
/// restated by less than this much more (about two rare words next to the
/// value).
const DOUBT_GAP: f32 = 2.0;
/// How many words on each side of "before" or "after", "rose" or "fell"
/// name what it orders or moves.
const ORDER_REACH: usize = 8;
/// A time the source gives this often, and no other of its grain, is the
/// story's time.
const STORY_TIME_REPEATS: usize = 2;
/// Two amounts are of the same order when neither is this many times the other.
const SAME_ORDER: f64 = 20.0;
/// Pairs of source values tried for sums, differences and percentages are
/// limited to this many values, so a long source costs no more than
/// quadratic in a constant.
const MAX_DERIVED_VALUES: usize = 200;

/// The source facts of a fact sheet, indexed by word.
#[derive(Debug)]
pub struct SourceSupport {
    /// The unknown date both texts were read against, when neither gives
    /// one (see [`crate::source::FRAME`]).
    frame: Option<Date>,
    /// The facts drafted from source documents, by sheet index, with
    /// their words read once.
    facts: HashMap<usize, SourceFact>,
    /// Their sheet indices, in order.
    order: Vec<usize>,
    /// Stem → its weight: 1 for a word of one fact, less for common ones.
    weights: HashMap<String, f32>,
    /// The same over every source sentence, for quotations.
    quote_weights: HashMap<String, f32>,
    /// Each source document's words, folded for quotation comparison: the
    /// rewrite may quote any words of its source, marked as a quotation
    /// there or not (a transcript is all speech).
    folded_sources: Vec<Vec<String>>,
    /// The codes of the sources ("3D", "SARS-CoV-2", "ELITEFIT15") by
    /// their letters, each with its fact and span there.
    codes: HashMap<String, Vec<(usize, Span)>>,
    /// Every code of the sources, lowercase.
    code_set: HashSet<String>,
    /// The ordinals of the sources by what they rank and the stem of the
    /// word they qualify ("second" "session" → 2), each with its fact and
    /// span there.
    ordinals: HashMap<(OrdinalKind, String), Vec<RankedAt>>,
    /// The sources' words with an opposite ("before", "raised"): what they
    /// say, which side, and where (fact, index into its words).
    oppositions: Vec<(Opposition, bool, usize, usize)>,
}

/// A source fact's words.
#[derive(Debug)]
struct SourceFact {
    words: Vec<Word>,
    /// Its content stems: values and stop words left out.
    stems: HashSet<String>,
}

/// The source sentence an unsupported value's sentence restates, and the
/// value there it contradicts.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Restated {
    pub fact: usize,
    /// Index into the fact's quantities or times.
    pub value: usize,
}

impl SourceSupport {
    /// `None` when the sheet was not drafted from sources.
    pub fn new(sheet: &FactSheet) -> Option<Self> {
        let order: Vec<usize> = (0..sheet.facts.len())
            .filter(|&f| matches!(sheet.facts[f].origin, Origin::Source(_)))
            .collect();
        if sheet.sources.is_empty() {
            return None;
        }
        let facts: HashMap<usize, SourceFact> = order
            .iter()
            .map(|&f| {
                let text = &sheet.facts[f].text;
                let words = words(text, 0..text.len());
                let stems = words
                    .iter()
                    .filter(|w| {
                        !is_stop_word(&w.stem) && !w.stem.starts_with(|c: char| c.is_ascii_digit())
                    })
                    .map(|w| w.stem.clone())
                    .collect();
                (f, SourceFact { words, stems })
            })
            .collect();
        // Values are judged among the sentences with a value, so their
        // words weigh by those; a quotation may quote any sentence.
        let weights = rarity(
            facts
                .iter()
                .filter(|(f, _)| sheet.facts[**f].has_checkable_value())
                .map(|(_, fact)| fact),
        );
        let quote_weights = rarity(facts.values());
        let folded_sources = sheet.sources.iter().map(|s| fold(&s.text)).collect();
        let mut codes: HashMap<String, Vec<(usize, Span)>> = HashMap::new();
        let mut code_set = HashSet::new();
        for &f in &order {
            let text = &sheet.facts[f].text;
            for span in codes_in(text) {
                let code = &text[span.clone()];
                code_set.insert(code.to_lowercase());
                codes.entry(letters_of(code)).or_default().push((f, span));
            }
        }
        let mut ordinals: HashMap<(OrdinalKind, String), Vec<RankedAt>> = HashMap::new();
        for &f in &order {
            for o in ordinals_in(&facts[&f].words, &sheet.facts[f].text) {
                ordinals
                    .entry((o.kind, o.ranks))
                    .or_default()
                    .push((o.rank, f, o.span));
            }
        }
        let oppositions = order
            .iter()
            .flat_map(|&f| {
                let text = &sheet.facts[f].text;
                facts[&f]
                    .words
                    .iter()
                    .enumerate()
                    .filter_map(move |(i, w)| {
                        opposition(&text[w.span.clone()]).map(|(kind, side)| (kind, side, f, i))
                    })
            })
            .collect();
        Some(SourceSupport {
            folded_sources,
            codes,
            code_set,
            ordinals,
            oppositions,
            frame: sheet.frame.then_some(sheet.published).flatten(),
            facts,
            order,
            weights,
            quote_weights,
        })
    }

    /// A stem's weight among the sentences with a value: 1 for a word none
    /// of them has.
    fn weight(&self, stem: &str) -> f32 {
        self.weights.get(stem).copied().unwrap_or(1.0)
    }

    fn source_facts<'s>(&self, sheet: &'s FactSheet) -> impl Iterator<Item = (usize, &'s Fact)> {
        self.order.iter().map(move |&f| (f, &sheet.facts[f]))
    }

    /// Whether a sum, difference or percentage of two source values (of
    /// the facts `only` lists, or all) agrees with `mention`.
    fn derives(
        &self,
        sheet: &FactSheet,
        mention: &QuantityMention,
        written: &str,
        read: &Interval,
        tolerance: Tolerance,
        only: Option<&[usize]>,
    ) -> bool {
        if mention.value.is_none() {
            return false;
        }
        let values: Vec<(f64, Option<UnitKind>)> = self
            .source_facts(sheet)
            .filter(|(f, _)| only.is_none_or(|only| only.contains(f)))
            .flat_map(|(_, fact)| fact.quantities.iter())
            .filter_map(|v| Some((v.value?, v.unit_kind)))
            .take(MAX_DERIVED_VALUES)
            .collect();
        let rounded = |x: f64| {
            let point = Interval {
                low: Some(x),
                high: Some(x),
                low_inclusive: true,
                high_inclusive: true,
            };
            read.overlaps(&point) || rounds_to(mention, written, x, tolerance)
        };
        // A sum or difference is written as it comes out, unless the
        // rewrite says it approximates ("$1.7 billion" is not $1.8 billion
        // less $130 million); a percentage is rounded.
        let approximates = mention.about || mention.approximate;
        let agrees = |x: f64| {
            if approximates {
                return rounded(x);
            }
            mention.value.is_some_and(|m| close(m, x))
        };
        let percent = mention.unit_kind == Some(UnitKind::Percent);
        for (i, &(a, ka)) in values.iter().enumerate() {
            for &(b, kb) in &values[i + 1..] {
                let (pa, pb) = (ka == Some(UnitKind::Percent), kb == Some(UnitKind::Percent));
                if percent {
                    for (part, whole) in [(a, b), (b, a)] {
                        if whole != 0.0 && !pa && !pb {
                            if rounded(part / whole * 100.0) {
                                return true;
                            }
                            if rounded(((part - whole) / whole * 100.0).abs()) {
                                return true;
                            }
                        }
                    }
                }
                if pa != percent || pb != percent || ka != kb && !percent {
                    continue;
                }
                // Sums and differences of amounts of the same order only:
                // adding a share to a billion proves nothing.
                if a.abs().min(b.abs()) * SAME_ORDER < a.abs().max(b.abs()) {
                    continue;
                }
                if agrees(a + b) {
                    return true;
                }
                if agrees((a - b).abs()) {
                    return true;
                }
            }
        }
        false
    }

    /// The source sentences the sentence around `span` restates, best
    /// first: those sharing its words (rare ones and near ones counting
    /// more) that score at least [`MIN_RESTATEMENT`].
    pub fn ranked(&self, sheet: &FactSheet, analysis: &Analysis, span: &Span) -> Vec<(usize, f32)> {
        self.ranked_by(sheet, analysis, span, |stem| self.weight(stem))
    }

    /// [`Self::ranked`] for a quotation, which may quote any sentence.
    pub fn ranked_for_quote(
        &self,
        sheet: &FactSheet,
        analysis: &Analysis,
        span: &Span,
    ) -> Vec<(usize, f32)> {
        self.ranked_by(sheet, analysis, span, |stem| {
            self.quote_weights.get(stem).copied().unwrap_or(0.0)
        })
    }

    fn ranked_by(
        &self,
        sheet: &FactSheet,
        analysis: &Analysis,
        span: &Span,
        weight: impl Fn(&str) -> f32,
    ) -> Vec<(usize, f32)> {
        let around: Vec<&Word> = sentence_words(analysis, span)
            .iter()
            .filter(|w| !(w.span.start >= span.start && w.span.end <= span.end))
            .collect();
        let at = around.partition_point(|w| w.span.end <= span.start);
        // Each content word once, at its nearest to the mention; a word in
        // another clause ("…rise by 4-7%, with organic growth of 3-5%")
        // counts less.
        let text = analysis.doc.text;
        let mut near: HashMap<&str, f32> = HashMap::new();
        for (i, w) in around.iter().enumerate() {
            if is_stop_word(&w.stem) {
                continue;
            }
            let distance = if i < at { at - i - 1 } else { i - at } as f32;
            let between = if w.span.end <= span.start {
                w.span.end..span.start
            } else {
                span.end..w.span.start.max(span.end)
            };
            let clause = if crosses_clause(text, between) {
                OTHER_CLAUSE
            } else {
                1.0
            };
            let weight = clause / (1.0 + distance / PROXIMITY);
            let e = near.entry(w.stem.as_str()).or_default();
            *e = e.max(weight);
        }
        let mut ranked: Vec<(usize, f32)> = self
            .source_facts(sheet)
            .map(|(f, _)| {
                let stems = &self.facts[&f].stems;
                let score = near
                    .iter()
                    .filter(|(stem, _)| stems.contains(**stem))
                    .map(|(stem, w)| weight(stem) * w)
                    .sum();
                (f, score)
            })
            .filter(|&(_, score)| score >= MIN_RESTATEMENT)
            .collect();
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        ranked
    }

    /// Of fact `f`'s values that `values` lists, the one nearest the words
    /// the fact shares with the sentence around `span`.
    fn nearest_value(
        &self,
        analysis: &Analysis,
        span: &Span,
        f: usize,
        values: &[(usize, Span)],
    ) -> Option<usize> {
        let mine: HashSet<&str> = sentence_words(analysis, span)
            .iter()
            .filter(|w| !is_stop_word(&w.stem))
            .map(|w| w.stem.as_str())
            .collect();
        let shared: Vec<usize> = self.facts[&f]
            .words
            .iter()
            .filter(|w| mine.contains(w.stem.as_str()))
            .map(|w| w.span.start)
            .collect();
        values
            .iter()
            .min_by_key(|(_, v)| {
                shared
                    .iter()
                    .map(|&s| s.abs_diff(v.start))
                    .min()
                    .unwrap_or(usize::MAX)
            })
            .map(|(i, _)| *i)
    }
}

/// Each stem's weight among `facts`: 1 for a word of one fact, less the
/// more facts have it.
fn rarity<'a>(facts: impl Iterator<Item = &'a SourceFact>) -> HashMap<String, f32> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    let mut n = 0usize;
    for fact in facts {
        n += 1;
        for s in &fact.stems {
            *counts.entry(s).or_default() += 1;
        }
    }
    let n = n.max(1) as f32;
    counts
        .into_iter()
        .map(|(s, c)| {
            let w = (1.0 + n / c as f32).ln() / (1.0 + n).ln();
            (s.to_string(), w)
        })
        .collect()
}

/// Whether `between` (text between two words) holds a clause boundary: a
/// comma, semicolon, colon, dash or bracket, or a word that opens a clause.
fn crosses_clause(text: &str, between: Span) -> bool {
    let Some(gap) = text.get(between) else {
        return false;
    };
    gap.contains([',', ';', ':', '(', ')', '\u{2014}', '\u{2013}'])
        || gap
            .split(|c: char| !c.is_alphabetic())
            .any(|w| CLAUSE_WORDS.iter().any(|c| c.eq_ignore_ascii_case(w)))
}

/// The content words within [`LOCAL_REACH`] words of `at`, each weighted
/// by its nearness.
fn neighbours<'w>(words: &'w [Word], at: &Span) -> HashMap<&'w str, f32> {
    let i = words.partition_point(|w| w.span.end <= at.start);
    let j = words.partition_point(|w| w.span.start < at.end).max(i);
    let before = words[..i].iter().rev().take(LOCAL_REACH).enumerate();
    let after = words[j..].iter().take(LOCAL_REACH).enumerate();
    let mut out: HashMap<&str, f32> = HashMap::new();
    for (d, w) in before.chain(after) {
        if is_stop_word(&w.stem) || w.stem.starts_with(|c: char| c.is_ascii_digit()) {
            continue;
        }
        let weight = 1.0 / (1.0 + d as f32 / LOCAL_HALF);
        let e = out.entry(w.stem.as_str()).or_default();
        *e = e.max(weight);
    }
    out
}

/// Words that say an amount went up ...
const UP: &[&str] = &[
    "up",
    "rise",
    "rises",
    "rose",
    "risen",
    "rising",
    "increase",
    "increased",
    "increases",
    "increasing",
    "grew",
    "grow",
    "grows",
    "grown",
    "growth",
    "gain",
    "gained",
    "gains",
    "higher",
    "climb",
    "climbed",
    "jump",
    "jumped",
    "raise",
    "raised",
    "improved",
    "surged",
];
/// ... or down.
const DOWN: &[&str] = &[
    "down",
    "fall",
    "falls",
    "fell",
    "fallen",
    "falling",
    "decrease",
    "decreased",
    "decreases",
    "decline",
    "declined",
    "declines",
    "drop",
    "dropped",
    "drops",
    "lower",
    "lowered",
    "loss",
    "losses",
    "lost",
    "shrank",
    "shrink",
    "cut",
    "cuts",
    "reduce",
    "reduced",
    "weakened",
    "slumped",
];
/// How many words from an amount its direction word may stand.
const DIRECTION_REACH: usize = 3;

/// Words with an opposite: what they say and which side.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Opposition {
    /// "before" (true) or "after" (false).
    Order,
    /// Up (true: "rose", "raised") or down (false: "fell", "lowered").
    Direction,
}

/// Which opposition `word` takes a side in, and which side. "up" and "down"
/// are left out: most are particles ("set up", "shut down").
fn opposition(word: &str) -> Option<(Opposition, bool)> {
    let is = |w: &&str| w.eq_ignore_ascii_case(word);
    if is(&"before") {
        Some((Opposition::Order, true))
    } else if is(&"after") {
        Some((Opposition::Order, false))
    } else if is(&"up") || is(&"down") {
        None
    } else if UP.iter().any(is) {
        Some((Opposition::Direction, true))
    } else if DOWN.iter().any(is) {
        Some((Opposition::Direction, false))
    } else {
        None
    }
}

/// Whether the amount at `at` went up (`true`) or down (`false`), by the
/// direction words within [`DIRECTION_REACH`] words of it in its clause;
/// `None` when they say neither, or both.
fn direction(words: &[Word], text: &str, at: &Span) -> Option<bool> {
    let i = words.partition_point(|w| w.span.end <= at.start);
    let j = words.partition_point(|w| w.span.start < at.end).max(i);
    let before = words[..i].iter().rev().take(DIRECTION_REACH);
    let after = words[j..].iter().take(DIRECTION_REACH);
    // "rose 5% to $2 billion": the level reached ("to", "from", "at", "of"
    // an amount) takes no direction from the verb before it.
    let before = before.take_while(|w| {
        !matches!(
            text[w.span.clone()].to_ascii_lowercase().as_str(),
            "to" | "from" | "at" | "of"
        )
    });
    let mut found: Option<bool> = None;
    for w in before.chain(after) {
        let between = if w.span.end <= at.start {
            w.span.end..at.start
        } else {
            at.end..w.span.start
        };
        if crosses_clause(text, between) {
            continue;
        }
        let word = text[w.span.clone()].to_ascii_lowercase();
        let says = if UP.contains(&word.as_str()) {
            true
        } else if DOWN.contains(&word.as_str()) {
            false
        } else {
            continue;
        };
        if found.is_some_and(|f| f != says) {
            return None;
        }
        found = Some(says);
    }
    found
}

/// The words of the sentence around `span` (none outside a sentence).
fn sentence_words<'a>(analysis: &'a Analysis, span: &Span) -> &'a [Word] {
    match analysis.doc.sentence_at(span.start) {
        Some(sentence) => analysis.sentence_words(&sentence),
        None => &[],
    }
}

/// Whether quantity `m` (its number written `written`) restates source
/// value `v` as an editor would: the same amount, rounded as written, or
/// within what an approximation or a bound allows. A bound restates a bound
/// on the same side only with the same number ("over 40" does not restate
/// "more than 50"), and an exact amount never restates a bound ("30" for
/// "more than 30").
pub fn restates(
    m: &QuantityMention,
    written: &str,
    v: &QuantityMention,
    sheet: &FactSheet,
) -> bool {
    let style = &sheet.house_style;
    let tolerance = style.tolerance;
    let (rm, rv) = (
        Interval::read(m, style, tolerance),
        Interval::read(v, style, tolerance),
    );
    // Counts bounded from above get a floor of zero: "fewer than 30" is [0, 30).
    let one_sided = |i: &Interval| {
        i.low.is_some() != i.high.is_some() || i.low == Some(0.0) && i.high.is_some_and(|h| h > 0.0)
    };
    let point = |x: Option<f64>| Interval {
        low: x,
        high: x,
        low_inclusive: true,
        high_inclusive: true,
    };
    // Another kind of amount ("several plans" for "$250"), or a vague one
    // for a number, restates nothing.
    // Two counted nouns may name one thing ("six planes" for "six
    // aircraft"): for support the kind is enough.
    let counted = |q: &QuantityMention| q.unit_kind == Some(UnitKind::Counted);
    if !(comparable(m, v) || counted(m) && counted(v)) || v.vague.is_some() && m.vague.is_none() {
        return false;
    }
    // A range restates a range with the same ends ("$80 million to $100
    // million" is not "$90 million to $100 million").
    if m.range && v.range {
        let end = |a: Option<f64>, b: Option<f64>| match (a, b) {
            (Some(x), Some(y)) => (x - y).abs() <= 1e-9 * x.abs().max(1.0),
            (x, y) => x.is_none() && y.is_none(),
        };
        return end(rm.low, rv.low) && end(rm.high, rv.high);
    }
    // A range in the rewrite restates a range only; a source range holds
    // the exact amounts inside it.
    if m.range {
        return false;
    }
    if m.vague.is_some() || v.range {
        return rm.overlaps(&rv);
    }
    if one_sided(&rm) && one_sided(&rv) {
        let side = |i: &Interval| i.high.is_none();
        return side(&rm) == side(&rv)
            && (m
                .value
                .zip(v.value)
                .is_some_and(|(a, b)| (a - b).abs() <= 1e-9 * a.abs().max(1.0))
                || is_rounding_of(m, written, v, tolerance));
    }
    // A bound holds an exact amount near it ("more than 30" for 34, "under
    // 500" for 480), not any amount on its side ("below $26 billion" says
    // nothing of a $0.13 dividend).
    let near_bound = |bound: Option<f64>, x: Option<f64>| match (bound, x) {
        (Some(b), Some(x)) if b != 0.0 => (1.0 / BOUND_REACH..=BOUND_REACH).contains(&(x / b)),
        _ => false,
    };
    // A bound and an amount, exact or approximate ("at least $5" is not
    // "approximately $7.50", nor "approximately $8.50" "at least $6").
    if one_sided(&rm) && !one_sided(&rv) {
        let bound = if rm.high.is_none() { rm.low } else { rm.high };
        return rm.overlaps(&rv) && near_bound(bound, v.value);
    }
    // An exact amount restates a bound it lies in, near the bound ("2,300
    // hectares" for "at least 2,300"; never "30" for "more than 30").
    if one_sided(&rv) && !one_sided(&rm) {
        let bound = if rv.high.is_none() { rv.low } else { rv.high };
        return rm.overlaps(&rv) && near_bound(bound, m.value);
    }
    // Both approximate: the rewrite gives the source's number, or rounds
    // it ("approximately $7.60" is not "approximately $7.50").
    let hedged = |q: &QuantityMention| q.about || q.approximate;
    if hedged(m) && hedged(v) {
        let plain = QuantityMention {
            low: m.value,
            high: m.value,
            low_inclusive: true,
            high_inclusive: true,
            about: false,
            approximate: false,
            ..m.clone()
        };
        return m
            .value
            .zip(v.value)
            .is_some_and(|(x, y)| close(x, y) || rounds_to(&plain, written, y, tolerance));
    }
    if m.about || v.about || m.approximate || v.approximate {
        return m.value.is_some_and(|x| rv.overlaps(&point(Some(x))))
            || v.value.is_some_and(|x| rm.overlaps(&point(Some(x))));
    }
    rm.overlaps(&rv) || is_rounding_of(m, written, v, tolerance)
}

/// Whether `mention`, written `written`, is `x` rounded as it is written.
fn rounds_to(mention: &QuantityMention, written: &str, x: f64, tolerance: Tolerance) -> bool {
    let point = QuantityMention {
        value: Some(x),
        low: Some(x),
        high: Some(x),
        low_inclusive: true,
        high_inclusive: true,
        approximate: false,
        about: false,
        vague: None,
        ..mention.clone()
    };
    is_rounding_of(mention, written, &point, tolerance)
}

/// Whether two quantities measure the same kind of thing, so one can
/// contradict the other: shares with shares, money with money, and counts
/// or measures of the same noun (a bare number with any count).
pub fn comparable(a: &QuantityMention, b: &QuantityMention) -> bool {
    use UnitKind::*;
    match (a.unit_kind, b.unit_kind) {
        (Some(Percent), Some(Percent)) | (Some(Currency), Some(Currency)) => {
            a.unit == b.unit || a.unit.is_none() || b.unit.is_none()
        }
        (Some(Percent | Currency), _) | (_, Some(Percent | Currency)) => false,
        (None, _) | (_, None) => true,
        _ => a.unit == b.unit,
    }
}

/// How long a period a time expression covers, in classes that compare:
/// a day, some days, a week, a month, a quarter, a year, longer.
fn grain(t: &TimeMention) -> Option<u8> {
    let (a, b) = t.interval?;
    let days = (b - a).get_days() + 1;
    Some(match days {
        ..=1 => 0,
        2..=6 => 1,
        7 => 2,
        28..=31 => 3,
        89..=92 => 4,
        365 | 366 => 5,
        _ => 6,
    })
}

/// Whether two time expressions can contradict each other: dates of the
/// same grain (a day with a day, a quarter with a quarter), or durations.
pub fn times_comparable(a: &TimeMention, b: &TimeMention) -> bool {
    match (a.typ, b.typ) {
        // "six weeks" and "six months", "three months" and "six months";
        // not "three months" and "one hour".
        (TimexType::Duration, TimexType::Duration) => match (&a.value, &b.value) {
            (Some(x), Some(y)) => {
                let split = |v: &str| {
                    let digits = v.trim_start_matches(['P', 'T']);
                    let at = digits
                        .find(|c: char| !c.is_ascii_digit() && c != '.')
                        .unwrap_or(digits.len());
                    (digits[..at].to_string(), digits[at..].to_string())
                };
                let ((xn, xu), (yn, yu)) = (split(x), split(y));
                // Days, weeks, months and years all compare ("six months"
                // for "a year"); hours and minutes with each other.
                let calendar =
                    |v: &str, unit: &str| !v.contains('T') && ["D", "W", "M", "Y"].contains(&unit);
                xn == yn || xu == yu || calendar(x, &xu) && calendar(y, &yu)
            }
            _ => false,
        },
        // A clock time compares with clock times only: "6:55 PM" says
        // nothing of "June 26th".
        (TimexType::Time, TimexType::Time) => true,
        (TimexType::Date, TimexType::Date) => grain(a).is_some() && grain(a) == grain(b),

        _ => false,
    }
}

/// In the unknown frame only expressions of one kind compare: weekdays with
/// weekdays (the same unknown week), named months and days with named ones
/// (the same unknown year), and deictic ones ("yesterday", "last month")
/// with deictic ones. "May" and "last month" may be the same month or not.
fn frame_kind(written: &str) -> u8 {
    let lower = written.to_ascii_lowercase();
    // A name or its abbreviation ("Tue", "Tues", "Tuesday"), not a word
    // that starts like one ("month", "decade").
    let has = |names: &[&str]| {
        lower.split(|c: char| !c.is_ascii_alphabetic()).any(|w| {
            names
                .iter()
                .any(|n| w.starts_with(n) && w.len() >= 3 && (w.len() <= 4 || is_calendar_name(w)))
        })
    };
    if has(&["mon", "tue", "wed", "thu", "fri", "sat", "sun"]) {
        0
    } else if has(&[
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ]) || lower
        .split(|c: char| !c.is_ascii_alphabetic())
        .any(|w| ["first", "second", "third", "fourth"].contains(&w))
        || lower.bytes().any(|b| b.is_ascii_digit())
    {
        NAMED
    } else {
        DEICTIC
    }
}

/// Whether `w` (lowercase) is the full name of a weekday or month.
fn is_calendar_name(w: &str) -> bool {
    WEEKDAYS.contains(&w) || MONTHS.contains(&w) || w == "sept"
}

/// The kind of a named month, day or quarter ("May", "June 2", "the first
/// quarter") in [`frame_kind`].
const NAMED: u8 = 1;
/// The kind of a deictic expression ("yesterday", "last month").
const DEICTIC: u8 = 2;

impl SourceSupport {
    /// Both read in the frame and both a named month, day or quarter: their
    /// year is the frame's guess (a tense may move it), so they compare
    /// without it ("Q1" and "the first quarter").
    fn named_in_frame(&self, a: &TimeMention, wa: &str, b: &TimeMention, wb: &str) -> bool {
        (in_frame(a, self.frame) || in_frame(b, self.frame))
            && frame_kind(wa) == NAMED
            && frame_kind(wb) == NAMED
    }
}

/// Whether `t` was resolved against the shared unknown frame.
fn in_frame(t: &TimeMention, frame: Option<Date>) -> bool {
    matches!(&t.resolution, Resolution::Reference { date, .. } if Some(*date) == frame)
}

/// A TIMEX3 value without its year ("2025-Q3" → "Q3").
fn yearless(value: &str) -> &str {
    match value.get(..5) {
        Some(year) if year.ends_with('-') && year[..4].bytes().all(|b| b.is_ascii_digit()) => {
            &value[5..]
        }
        _ => value,
    }
}

impl SourceSupport {
    /// Whether time expression `a` (written `wa`) agrees with `b` (written
    /// `wb`): the same value, or days that `a` covers. An expression read in
    /// the unknown frame and a dated one agree when their values without
    /// the year do ("the third quarter" and "the third quarter of 2020").
    fn times_agree(&self, a: &TimeMention, wa: &str, b: &TimeMention, wb: &str) -> bool {
        if normalise(wa) == normalise(wb) {
            return true;
        }
        if let (Some(x), Some(y)) = (&a.value, &b.value) {
            if x == y {
                return true;
            }
            // Not "the quarter" for the frame's quarter: a deictic
            // expression's frame value is no day of the story.
            let dated_and_framed = in_frame(a, self.frame) != in_frame(b, self.frame)
                && frame_kind(wa) != DEICTIC
                && frame_kind(wb) != DEICTIC;
            if dated_and_framed || self.named_in_frame(a, wa, b, wb) {
                return yearless(x) == yearless(y);
            }
        }
        if a.typ == TimexType::Time && b.typ == TimexType::Time {
            return false;
        }
        if let (Some((a0, a1)), Some((b0, b1))) = (a.interval, b.interval) {
            return a0 <= b0 && b1 <= a1;
        }
        false
    }

    /// Whether `a` (written `wa`) says the same time as `b` (written
    /// `wb`): the same value, not merely days that cover it ("earlier in
    /// May" is not "the beginning of last month").
    fn times_same(&self, a: &TimeMention, wa: &str, b: &TimeMention, wb: &str) -> bool {
        match (&a.value, &b.value) {
            // "May" is not "the beginning of May".
            (Some(x), Some(y)) if x == y => a.interval == b.interval,
            (Some(x), Some(y)) if self.named_in_frame(a, wa, b, wb) => yearless(x) == yearless(y),
            _ => normalise(wa) == normalise(wb),
        }
    }

    /// Whether `a` and `b`, comparable, cannot both be true: dates whose
    /// days do not meet (both dated, or both in the frame), durations of
    /// another length.
    fn times_contradict(&self, a: &TimeMention, wa: &str, b: &TimeMention, wb: &str) -> bool {
        if self.named_in_frame(a, wa, b, wb) {
            return match (&a.value, &b.value) {
                (Some(x), Some(y)) => yearless(x) != yearless(y),
                _ => false,
            };
        }
        if in_frame(a, self.frame) != in_frame(b, self.frame) {
            return false;
        }
        match (a.interval, b.interval) {
            // Clock times of one day: "6:55" is not "7:55".
            _ if a.typ == TimexType::Time && b.typ == TimexType::Time => a.value != b.value,
            (Some((a0, a1)), Some((b0, b1))) => a1 < b0 || b1 < a0,
            _ => a.value != b.value,
        }
    }
}

fn normalise(written: &str) -> String {
    written
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether a time expression is worth checking in source mode: resolved
/// (an anaphoric "the next day" depends on the story told around it),
/// neither vague nor a recurrence.
pub fn checkable_time(t: &TimeMention) -> bool {
    match t.typ {
        TimexType::Set => false,
        TimexType::Duration => t
            .value
            .as_deref()
            .is_some_and(|v| v.bytes().any(|b| b.is_ascii_digit())),
        TimexType::Time => t.value.is_some(),
        TimexType::Date => {
            t.interval.is_some()
                && matches!(
                    t.resolution,
                    Resolution::Absolute | Resolution::Reference { .. }
                )
        }
    }
}

/// What source mode concludes about one value of a rewrite.
#[derive(Debug, Clone, PartialEq)]
pub enum Verdict {
    /// Something in the source supports it (or it is not checked).
    Supported,
    /// Unsupported, and the source sentence its sentence restates says
    /// otherwise.
    Contradicts(Restated),
    /// Nothing in the source says anything like it.
    Unsupported,
}

/// A value of a source fact, scored as what a value of the rewrite restates.
#[derive(Debug, Clone, Copy)]
struct Scored {
    fact: usize,
    value: usize,
    score: f32,
}

impl SourceSupport {
    /// `values` (fact, value index, value span) scored: how well the
    /// sentence restates the fact's sentence, plus how well the words right
    /// around the value match those around the rewrite's value (a value is
    /// what its neighbours say it is: "up 17% from $0.29", "the Bundle for
    /// $100").
    fn score(
        &self,
        analysis: &Analysis,
        span: &Span,
        ranked: &[(usize, f32)],
        values: impl Iterator<Item = (usize, usize, Span)>,
    ) -> Vec<Scored> {
        let sentence: HashMap<usize, f32> = ranked.iter().copied().collect();
        let mine = neighbours(sentence_words(analysis, span), span);
        let mut out: Vec<Scored> = values
            .map(|(fact, value, at)| {
                let theirs = neighbours(&self.facts[&fact].words, &at);
                let local: f32 = mine
                    .iter()
                    .filter_map(|(stem, a)| {
                        let b = theirs.get(stem)?;
                        Some(self.weight(stem) * a * b)
                    })
                    .sum();
                Scored {
                    fact,
                    value,
                    score: sentence.get(&fact).copied().unwrap_or(0.0) + LOCAL_WEIGHT * local,
                }
            })
            .collect();
        out.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.fact.cmp(&b.fact)));
        out
    }

    /// The *another event* guard, as for fact sheets ([`crate::link`]):
    /// "in a separate assault", "an earlier raid" next to the value say it
    /// is not what the restated sentence reports (unless that sentence says
    /// so too).
    fn another_event(&self, analysis: &Analysis, span: &Span, fact: usize) -> bool {
        let Some(sentence) = analysis.doc.sentence_at(span.start) else {
            return false;
        };
        let words = &analysis.words;
        let at = words.partition_point(|w| w.span.end <= span.start);
        let after = words.partition_point(|w| w.span.start < span.end);
        let from = at.saturating_sub(EVENT_WINDOW);
        let to = (after + EVENT_WINDOW).min(words.len());
        words[from..to]
            .iter()
            .filter(|w| w.span.start >= sentence.start && w.span.end <= sentence.end)
            .any(|w| {
                let word = analysis.doc.text[w.span.clone()].to_ascii_lowercase();
                SOURCE_EVENT_MARKERS.contains(&word.as_str())
                    && !self.facts[&fact].stems.contains(&w.stem)
            })
    }

    /// The verdict from the scored values of the same kind and those that
    /// agree: supported when an agreeing value is restated about as well as
    /// the best one of its kind, a contradiction of the best one when it
    /// scores as a restatement at all, otherwise unsupported.
    fn decide(
        &self,
        comparable: &[Scored],
        agreeing: &[Scored],
        derived: impl FnOnce(&[usize]) -> bool,
    ) -> Verdict {
        let Some(best) = comparable.first().filter(|b| b.score >= MIN_RESTATEMENT) else {
            return if agreeing.is_empty() && !derived(&[]) {
                Verdict::Unsupported
            } else {
                Verdict::Supported
            };
        };
        let doubt = DOUBT_RATIO;
        if agreeing
            .iter()
            .any(|a| a.score >= doubt * best.score && best.score - a.score <= DOUBT_GAP)
        {
            return Verdict::Supported;
        }
        if derived(&[best.fact]) {
            return Verdict::Supported;
        }
        Verdict::Contradicts(Restated {
            fact: best.fact,
            value: best.value,
        })
    }

    /// The verdict on quantity `mention` of `analysis`: supported when a
    /// source value agrees with it (or an editor derives it from the values
    /// of the sentences the rewrite restates) and is restated about as well
    /// as any; a contradiction when the best restated value of the same kind
    /// says otherwise ("$50" is in the source, but as another product's
    /// price).
    pub fn judge_quantity(
        &self,
        sheet: &FactSheet,
        analysis: &Analysis,
        mention: &QuantityMention,
    ) -> Verdict {
        // A duration ("six months") is judged as a time expression.
        let in_duration = analysis.times.iter().any(|t| {
            t.typ == TimexType::Duration
                && t.span.start <= mention.number_span.start
                && mention.number_span.end <= t.span.end
        });
        if in_duration || analysis.in_quote(&mention.span) || analysis.in_dateline(&mention.span) {
            return Verdict::Supported;
        }
        let written = &analysis.doc.text[mention.number_span.clone()];
        let style = &sheet.house_style;
        let tolerance = style.tolerance;
        let read = Interval::read(mention, style, tolerance);
        let ranked = self.ranked(sheet, analysis, &mention.span);
        let values = |keep: &dyn Fn(&QuantityMention) -> bool| {
            self.score(
                analysis,
                &mention.span,
                &ranked,
                self.source_facts(sheet).flat_map(|(f, fact)| {
                    fact.quantities
                        .iter()
                        .enumerate()
                        .filter(|(_, v)| keep(v))
                        .map(move |(i, v)| (f, i, v.span.clone()))
                }),
            )
        };
        let same_kind = values(&|v| comparable(mention, v) && v.vague.is_none());
        let mut agreeing = values(&|v| restates(mention, written, v, sheet));
        // A range restates a sentence that gives both its ends ("4-7%" for
        // "up 4% to 7%").
        if mention.range {
            let ends = values(&|v| {
                comparable(mention, v)
                    && v.value.is_some()
                    && (v.value == mention.low || v.value == mention.high)
            });
            for end in &ends {
                let fact = &sheet.facts[end.fact];
                let has = |x: Option<f64>| {
                    fact.quantities
                        .iter()
                        .any(|v| comparable(mention, v) && v.value == x)
                };
                if has(mention.low) && has(mention.high) {
                    agreeing.push(*end);
                }
            }
        }
        let mut verdict = self.decide(&same_kind, &agreeing, |near| {
            let only = (!near.is_empty()).then_some(near);
            self.derives(sheet, mention, written, &read, tolerance, only)
        });
        // The source gives one amount of what the rewrite counts or
        // measures ("three different plans"): another contradicts it.
        if verdict == Verdict::Unsupported && mention.unit.is_some() {
            let quantity = |s: &Scored| &sheet.facts[s.fact].quantities[s.value];
            let mut same_unit = same_kind
                .iter()
                .filter(|s| quantity(s).unit == mention.unit);
            if let Some(first) = same_unit.next() {
                if same_unit.all(|s| quantity(s).value == quantity(first).value) {
                    verdict = Verdict::Contradicts(Restated {
                        fact: first.fact,
                        value: first.value,
                    });
                }
            }
        }
        match verdict {
            Verdict::Contradicts(r) if self.another_event(analysis, &mention.span, r.fact) => {
                Verdict::Unsupported
            }
            // The same amount, but the source's went the other way ("fell
            // 5%" written "rose 5%").
            Verdict::Supported => match agreeing.first() {
                Some(a)
                    if direction(
                        sentence_words(analysis, &mention.span),
                        analysis.doc.text,
                        &mention.span,
                    )
                    .zip(direction(
                        &self.facts[&a.fact].words,
                        &sheet.facts[a.fact].text,
                        &sheet.facts[a.fact].quantities[a.value].span,
                    ))
                    .is_some_and(|(mine, theirs)| mine != theirs) =>
                {
                    Verdict::Contradicts(Restated {
                        fact: a.fact,
                        value: a.value,
                    })
                }
                _ => Verdict::Supported,
            },
            verdict => verdict,
        }
    }

    /// The verdict on time expression `mention` of `analysis`, as for
    /// quantities; dates contradict only when their days do not meet.
    pub fn judge_time(
        &self,
        sheet: &FactSheet,
        analysis: &Analysis,
        mention: &TimeMention,
    ) -> Verdict {
        if !checkable_time(mention)
            || analysis.in_quote(&mention.span)
            || analysis.in_dateline(&mention.span)
        {
            return Verdict::Supported;
        }
        let written = &analysis.doc.text[mention.span.clone()];
        let ranked = self.ranked(sheet, analysis, &mention.span);
        let values = |keep: &dyn Fn(&Fact, &TimeMention) -> bool| {
            self.score(
                analysis,
                &mention.span,
                &ranked,
                self.source_facts(sheet).flat_map(|(f, fact)| {
                    fact.times
                        .iter()
                        .enumerate()
                        .filter(move |(_, t)| keep(fact, t))
                        .map(move |(i, t)| (f, i, t.span.clone()))
                }),
            )
        };
        // A dated expression and one read in the unknown frame never
        // contradict each other: they are not comparable.
        let framed = in_frame(mention, self.frame);
        let kind = frame_kind(written);
        // A source time another expression of the sentence agrees with is
        // that one's, not this one's to contradict ("Q3 … lower than Q2").
        let sentence = analysis.doc.sentence_at(mention.span.start);
        let siblings: Vec<(&TimeMention, &str)> = analysis
            .times
            .iter()
            .filter(|t| {
                t.span != mention.span
                    && checkable_time(t)
                    && sentence.is_some()
                    && analysis.doc.sentence_at(t.span.start) == sentence
            })
            .map(|t| (t, &analysis.doc.text[t.span.clone()]))
            .collect();
        let comparable = values(&|fact, t| {
            let theirs_written = &fact.text[t.span.clone()];
            let theirs = frame_kind(theirs_written);
            checkable_time(t)
                && !siblings
                    .iter()
                    .any(|(s, w)| self.times_same(s, w, t, theirs_written))
                // Dated and framed expressions compare when both are named
                // ("the second quarter" and "the first quarter of 2021").
                && (in_frame(t, self.frame) == framed || kind == NAMED && theirs == NAMED)
                && (!framed || theirs == kind)
                && (times_comparable(mention, t)
                    // "last month" and "last year" in one frame: their days
                    // meet or not whatever their grain.
                    || framed
                        && kind == DEICTIC
                        && mention.typ == TimexType::Date
                        && t.typ == TimexType::Date
                        && mention.interval.is_some()
                        && t.interval.is_some())
        });
        let agreeing =
            values(&|fact, t| self.times_agree(mention, written, t, &fact.text[t.span.clone()]));
        let mut verdict = self.decide(&comparable, &agreeing, |_| false);
        // The source repeats one time of this grain and no other ("the
        // second quarter", twice): it is the story's, and another
        // contradicts it.
        if verdict == Verdict::Unsupported {
            // The same quarter or month of other years is still one ("the
            // third quarter" of 2020 and of 2019).
            let value = |s: &Scored| {
                sheet.facts[s.fact].times[s.value]
                    .value
                    .as_deref()
                    .map(yearless)
            };
            if let Some(first) = comparable.first() {
                if comparable.len() >= STORY_TIME_REPEATS
                    && comparable.iter().all(|s| value(s) == value(first))
                {
                    verdict = Verdict::Contradicts(Restated {
                        fact: first.fact,
                        value: first.value,
                    });
                }
            }
        }
        match verdict {
            Verdict::Contradicts(r)
                if !self.times_contradict(
                    mention,
                    written,
                    &sheet.facts[r.fact].times[r.value],
                    &sheet.facts[r.fact].text[sheet.facts[r.fact].times[r.value].span.clone()],
                ) =>
            {
                Verdict::Supported
            }
            Verdict::Contradicts(r) if self.another_event(analysis, &mention.span, r.fact) => {
                Verdict::Unsupported
            }
            verdict => verdict,
        }
    }
}

/// The codes in `text`: words of letters and digits both, hyphens allowed
/// ("3D", "SARS-CoV-2", "ELITEFIT15", "MP3"), not ordinals ("2nd") or
/// amounts with a scale letter ("5m", "10bn").
pub fn codes_in(text: &str) -> impl Iterator<Item = Span> + '_ {
    let mut at = 0;
    text.split(|c: char| c.is_whitespace() || c == '/')
        .filter_map(move |piece| {
            let start = at;
            // Past the piece and the one separator after it.
            let rest = &text[at + piece.len()..];
            at += piece.len() + rest.chars().next().map_or(0, char::len_utf8);
            let unled = piece.trim_start_matches(|c: char| !c.is_alphanumeric());
            let code = unled.trim_end_matches(|c: char| !c.is_alphanumeric());
            let from = start + piece.len() - unled.len();
            let letters = code.chars().filter(|c| c.is_alphabetic()).count();
            let digits = code.chars().filter(|c| c.is_ascii_digit()).count();
            let ok = letters > 0
                && digits > 0
                && code.chars().all(|c| c.is_alphanumeric() || c == '-')
                && !is_amount_or_ordinal(code);
            ok.then(|| from..from + code.len())
        })
}

/// "2nd", "5m", "10bn", "1990s", "9am", "10km", "24/7", "$5" are no codes.
fn is_amount_or_ordinal(code: &str) -> bool {
    let lower = code.to_ascii_lowercase();
    let tail = lower.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ',');
    if tail.len() == lower.len() {
        return false; // starts with a letter: "MP3", "SARS-CoV-2", "Q3"…
    }
    let tail = tail.trim_start_matches('-');
    // A number and a suffix or unit; a single capital ("3D") stays a code.
    !(code.ends_with(|c: char| c.is_ascii_uppercase()) && tail.len() == 1)
        && tail.chars().all(|c| c.is_ascii_alphabetic())
}

/// A code's letters, lowercase: what stays when its digits change.
fn letters_of(code: &str) -> String {
    code.chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect()
}

/// An ordinal, a period word or a scale word and the word it qualifies:
/// "the fourth time", "a second straight session", "the 3rd round", "a
/// quarterly dividend", "daily briefings", "billions of dollars".
#[derive(Debug, Clone, PartialEq)]
pub struct Ordinal {
    pub span: Span,
    pub kind: OrdinalKind,
    /// The rank (1 for "first"), the period in days ("weekly" 7) or the
    /// power of ten ("millions" 6).
    pub rank: u32,
    /// The stem of the word it qualifies.
    pub ranks: String,
}

/// A source ordinal's rank, fact and span there.
type RankedAt = (u32, usize, Span);

/// What an [`Ordinal`] ranks by; only ranks of one kind compare.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OrdinalKind {
    /// "first", "3rd".
    Order,
    /// "daily", "quarterly": a time.
    Period,
    /// "hundreds", "billions": an amount.
    Scale,
}

const ORDINAL_WORDS: &[&str] = &[
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
];

/// Words for how often something happens, with the period in days.
const PERIOD_WORDS: &[(&str, u32)] = &[
    ("hourly", 0),
    ("daily", 1),
    ("weekly", 7),
    ("biweekly", 14),
    ("fortnightly", 14),
    ("monthly", 30),
    ("quarterly", 91),
    ("annual", 365),
    ("yearly", 365),
];

/// Vague amounts by their power of ten ("millions of dollars"); they
/// qualify the noun after "of".
const SCALE_WORDS: &[(&str, u32)] = &[
    ("hundreds", 2),
    ("thousands", 3),
    ("millions", 6),
    ("billions", 9),
    ("trillions", 12),
];

/// What `w` ranks, if it is an ordinal, a period or a scale word.
fn ordinal_rank(w: &str) -> Option<(OrdinalKind, u32)> {
    let is = |word: &&str| word.eq_ignore_ascii_case(w);
    if let Some(i) = ORDINAL_WORDS.iter().position(is) {
        return Some((OrdinalKind::Order, i as u32 + 1));
    }
    if let Some((_, days)) = PERIOD_WORDS.iter().find(|(p, _)| is(p)) {
        return Some((OrdinalKind::Period, *days));
    }
    if let Some((_, power)) = SCALE_WORDS.iter().find(|(p, _)| is(p)) {
        return Some((OrdinalKind::Scale, *power));
    }
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &w[digits.len()..];
    let n: u32 = digits.parse().ok()?;
    let expected = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    suffix
        .eq_ignore_ascii_case(expected)
        .then_some((OrdinalKind::Order, n))
}

/// The ordinals, period and scale words of `words` (of `text`) that
/// qualify a word right after them (after "of", for a scale word, or
/// nothing: "the billions it has").
pub fn ordinals_in(words: &[Word], text: &str) -> Vec<Ordinal> {
    let joined = |a: &Word, b: &Word| {
        text.get(a.span.end..b.span.start)
            .is_some_and(|gap| gap == " " || gap == "-")
    };
    (0..words.len().saturating_sub(1))
        .filter_map(|i| {
            let w = &words[i];
            let (kind, rank) = ordinal_rank(&text[w.span.clone()])?;
            let mut next = i + 1;
            if kind == OrdinalKind::Scale {
                // "the billions it has": an amount of nothing named.
                let of = words
                    .get(next)
                    .filter(|of| joined(w, of) && text[of.span.clone()].eq_ignore_ascii_case("of"));
                if of.is_none() {
                    return Some(Ordinal {
                        span: w.span.clone(),
                        kind,
                        rank,
                        ranks: String::new(),
                    });
                }
                next += 1;
            }
            let qualified = words.get(next)?;
            if !joined(&words[next - 1], qualified) || is_stop_word(&qualified.stem) {
                return None;
            }
            Some(Ordinal {
                span: w.span.clone(),
                kind,
                rank,
                ranks: qualified.stem.clone(),
            })
        })
        .collect()
}

impl SourceSupport {
    /// The source ordinal that ordinal `o` of a rewrite changes: the
    /// sources rank the same word, never with `o`'s rank ("the fifth time"
    /// when the source says "the fourth time").
    pub fn changed_ordinal(&self, o: &Ordinal) -> Option<(usize, Span)> {
        let theirs = self.ordinals.get(&(o.kind, o.ranks.clone()))?;
        if theirs.iter().any(|(rank, _, _)| *rank == o.rank) {
            return None;
        }
        theirs.first().map(|(_, f, span)| (*f, span.clone()))
    }

    /// The source word that the one at `at` of a rewrite (a word of
    /// `words`, the rewrite's sentence) turns around: the source says the
    /// opposite between words of the same two things, and never the same
    /// ("restart the computer after launching the apps" when the source
    /// says "before launching them"; "lowered its outlook" for "raised").
    pub fn changed_opposite(
        &self,
        words: &[Word],
        text: &str,
        at: usize,
    ) -> Option<(Opposition, usize, Span)> {
        let (kind, side) = opposition(&text[words[at].span.clone()])?;
        fn stems(run: &[Word]) -> HashSet<&str> {
            run.iter()
                .filter(|w| !is_stop_word(&w.stem) && w.stem.len() > 2)
                .map(|w| w.stem.as_str())
                .collect()
        }
        fn sides(words: &[Word], i: usize) -> (HashSet<&str>, HashSet<&str>) {
            let left = &words[i.saturating_sub(ORDER_REACH)..i];
            let right = &words[i + 1..(i + 1 + ORDER_REACH).min(words.len())];
            (stems(left), stems(right))
        }
        let (left, right) = sides(words, at);
        if left.is_empty() || right.is_empty() {
            return None;
        }
        // Words of both things on both sides: an order relates two, and a
        // direction is said of what moved by how much.
        let same_things =
            |l: &HashSet<&str>, r: &HashSet<&str>| !l.is_disjoint(&left) && !r.is_disjoint(&right);
        let mut found = None;
        for &(their_kind, their_side, f, i) in &self.oppositions {
            if their_kind != kind {
                continue;
            }
            let theirs = &self.facts[&f].words;
            let (l, r) = sides(theirs, i);
            if !same_things(&l, &r) {
                continue;
            }
            if their_side == side {
                return None;
            }
            found = found.or(Some((kind, f, theirs[i].span.clone())));
        }
        found
    }

    /// The source code that code `written` of a rewrite changes: one with
    /// the same letters and other digits ("2D" for "3D", "SARS-CoV-4" for
    /// "SARS-CoV-2"), when the sources never write `written` itself.
    pub fn changed_code(&self, written: &str) -> Option<(usize, Span)> {
        if self.code_set.contains(&written.to_lowercase()) {
            return None;
        }
        self.codes.get(&letters_of(written))?.first().cloned()
    }

    /// Whether a quotation's words are a verbatim part of a source.
    pub fn quoted_in_source(&self, words: &QuoteWords) -> bool {
        self.folded_sources
            .iter()
            .any(|folded| words.is_part_of_folded(folded))
    }

    /// The verdict on a quotation (its `parts`): supported when its words are
    /// a verbatim part of a source; a misquote of the source sentence its
    /// sentence restates otherwise (of the quotation there, when it has one:
    /// quotation marks promise the source's words, and a sentence that
    /// restates the source quotes it); unsupported when it restates none.
    pub fn judge_quote(
        &self,
        sheet: &FactSheet,
        analysis: &Analysis,
        parts: &[QuoteMention],
    ) -> QuoteVerdict {
        let words = QuoteWords::of_quotation(analysis.doc.text, parts);
        if words.is_empty() || self.quoted_in_source(&words) {
            return QuoteVerdict::Supported;
        }
        let span = quoted_span(parts);
        self.misquoted(
            sheet,
            analysis,
            &span,
            &self.ranked_for_quote(sheet, analysis, &span),
        )
    }

    /// The verdict on a quotation at `span` that is not in the sources,
    /// given the source sentences its sentence restates ([`Self::ranked`]).
    pub fn misquoted(
        &self,
        sheet: &FactSheet,
        analysis: &Analysis,
        span: &Span,
        ranked: &[(usize, f32)],
    ) -> QuoteVerdict {
        let Some(&(fact, _)) = ranked.first() else {
            return QuoteVerdict::Unsupported;
        };
        let quotes: Vec<(usize, Span)> = sheet.facts[fact]
            .quotes
            .iter()
            .enumerate()
            .map(|(i, q)| (i, q.content.clone()))
            .collect();
        let passage = match self.nearest_value(analysis, span, fact, &quotes) {
            Some(q) => quotes[q].1.clone(),
            None => 0..sheet.facts[fact].text.len(),
        };
        QuoteVerdict::Misquotes { fact, passage }
    }
}

/// What source mode concludes about a quotation of a rewrite.
#[derive(Debug, Clone, PartialEq)]
pub enum QuoteVerdict {
    Supported,
    /// Not the words of the source sentence `fact` restates: `passage` is
    /// the quotation there, or the whole sentence.
    Misquotes {
        fact: usize,
        passage: Span,
    },
    Unsupported,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::sheet_from_sources;

    fn sheet(source: &str) -> FactSheet {
        sheet_from_sources(
            vec![crate::facts::SourceText {
                path: "source.txt".to_string(),
                text: source.to_string(),
            }],
            None,
            None,
        )
    }

    /// Each quantity and time expression of `rewrite` with its verdict, as
    /// "text: verdict" (the contradicted source value after `≠`).
    fn verdicts(source: &str, rewrite: &str) -> Vec<String> {
        let sheet = sheet(source);
        let support = SourceSupport::new(&sheet).expect("a source sheet");
        let analysis = Analysis::new(rewrite, None, sheet.published);
        let show =
            |written: &str, verdict: Verdict, values: &dyn Fn(&Restated) -> String| match verdict {
                Verdict::Supported => format!("{written}: supported"),
                Verdict::Unsupported => format!("{written}: unsupported"),
                Verdict::Contradicts(r) => format!("{written} ≠ {}", values(&r)),
            };
        let mut out: Vec<String> = analysis
            .quantities
            .iter()
            .map(|q| {
                show(
                    &rewrite[q.span.clone()],
                    support.judge_quantity(&sheet, &analysis, q),
                    &|r| {
                        let f = &sheet.facts[r.fact];
                        f.text[f.quantities[r.value].span.clone()].to_string()
                    },
                )
            })
            .collect();
        out.extend(analysis.times.iter().map(|t| {
            show(
                &rewrite[t.span.clone()],
                support.judge_time(&sheet, &analysis, t),
                &|r| {
                    let f = &sheet.facts[r.fact];
                    f.text[f.times[r.value].span.clone()].to_string()
                },
            )
        }));
        out
    }

    #[test]
    fn amounts_written_otherwise_are_supported() {
        let source = "The fire burned 2,348 hectares. The plan costs 1,500,000 dollars. Twelve people were hurt.";
        assert_eq!(
            verdicts(
                source,
                "The fire burned about 2,300 hectares. The plan costs $1.5 million. 12 people were hurt."
            ),
            [
                "about 2,300 hectares: supported",
                "$1.5 million: supported",
                "12 people: supported"
            ]
        );
        assert_eq!(
            verdicts(source, "The fire burned nearly 2,400 hectares."),
            ["nearly 2,400 hectares: supported"]
        );
    }

    #[test]
    fn sums_differences_and_percentages_of_one_sentence_are_derived() {
        let source = "Sales rose from 200 units in May to 250 units in June.";
        assert_eq!(
            verdicts(
                source,
                "Sales rose by 50 units, or 25%, between May and June."
            ),
            [
                "50 units: supported",
                "25%: supported",
                "May: supported",
                "June: supported"
            ]
        );
    }

    #[test]
    fn a_changed_value_contradicts_the_sentence_it_restates() {
        let source = "More than 30 soldiers were killed in the attack on the base. Officials promised 12 new trucks.";
        assert_eq!(
            verdicts(source, "30 soldiers were killed in the attack on the base."),
            ["30 soldiers ≠ More than 30 soldiers"]
        );
        assert_eq!(
            verdicts(
                source,
                "Over 40 soldiers were killed in the attack on the base."
            ),
            ["Over 40 soldiers ≠ More than 30 soldiers"]
        );
        // Nothing in the source is about this: unsupported, not contradicted.
        assert_eq!(
            verdicts(source, "The governor visited 3 hospitals."),
            ["3 hospitals: unsupported"]
        );
    }

    #[test]
    fn a_source_value_of_another_thing_is_still_a_contradiction() {
        let source = "The Connect plan costs $50 per month.\n\nThe Bundle package is offered for $100 per month to the first 20 customers.";
        assert_eq!(
            verdicts(
                source,
                "The Bundle package is offered for $50 per month to the first 20 customers."
            ),
            ["$50 ≠ $100", "20 customers: supported"]
        );
    }

    #[test]
    fn another_event_is_not_contradicted() {
        let source = "More than 400 soldiers were killed since the start of May.";
        assert_eq!(
            verdicts(source, "In a separate assault, 40 soldiers were killed."),
            ["40 soldiers: unsupported"]
        );
    }

    #[test]
    fn bounds_ranges_and_kinds() {
        let style_sheet = sheet("x");
        let read = |text: &str| {
            crate::extract::quantity::extract_quantities(text)
                .into_iter()
                .next()
                .expect("a quantity")
        };
        let restated = |m: &str, v: &str| {
            let q = read(m);
            let written = &m[q.number_span.clone()];
            restates(&q, written, &read(v), &style_sheet)
        };
        assert!(restated("2,300 hectares", "at least 2,300 hectares"));
        assert!(!restated("30 soldiers", "more than 30 soldiers"));
        assert!(!restated("over 40 soldiers", "more than 50 soldiers"));
        assert!(restated("more than 30 soldiers", "34 soldiers"));
        assert!(!restated("below $26 billion", "$0.13"));
        assert!(restated("between 20 and 30 soldiers", "20 to 30 soldiers"));
        assert!(!restated(
            "$80 million to $100 million",
            "$90 million to $100 million"
        ));
        assert!(!restated("$250", "several plans"));
        assert!(!restated("15%", "15 people"));
    }

    #[test]
    fn a_bound_holds_amounts_near_it_only() {
        let source =
            "We raised our outlook from at least $6 per share to approximately $7.50 per share.";
        assert_eq!(
            verdicts(
                source,
                "It raised its outlook from at least $5 per share to approximately $7.50 per share."
            ),
            [
                "at least $5 ≠ at least $6",
                "approximately $7.50: supported"
            ]
        );
        let found = verdicts(
            source,
            "It raised its outlook from at least $6 per share to approximately $8.50 per share.",
        );
        assert_eq!(found[0], "at least $6: supported");
        assert!(found[1].starts_with("approximately $8.50 ≠"), "{found:?}");
        // Two approximations: the same number, or the rewrite's rounds it.
        let source = "The storm damaged approximately 2,348 homes.";
        assert_eq!(
            verdicts(source, "The storm damaged about 2,300 homes."),
            ["about 2,300 homes: supported"]
        );
        assert_eq!(
            verdicts(source, "The storm damaged about 2,400 homes."),
            ["about 2,400 homes ≠ approximately 2,348 homes"]
        );
        let source = "The fire burned at least 2,300 hectares of forest.";
        assert_eq!(
            verdicts(source, "The fire burned 2,300 hectares of forest."),
            ["2,300 hectares: supported"]
        );
        assert_eq!(
            verdicts(source, "The fire burned nearly 2,300 hectares of forest."),
            ["nearly 2,300 hectares ≠ at least 2,300 hectares"]
        );
    }

    #[test]
    fn a_sum_is_written_as_it_comes_out_unless_approximated() {
        let source = "Earnings were $130.4 million on net sales of $1.8 billion.";
        assert_eq!(
            verdicts(
                source,
                "Earnings were $130.4 million on net sales of $1.7 billion."
            ),
            ["$130.4 million: supported", "$1.7 billion ≠ $1.8 billion"]
        );
        let source = "The storm killed 12 soldiers and 3 civilians.";
        assert_eq!(
            verdicts(source, "The storm killed 15 people."),
            ["15 people: supported"]
        );
    }

    #[test]
    fn clock_times_durations_and_named_periods() {
        // A clock time says nothing of a date.
        let source = "The meeting is on June 26th. The train leaves at 6:55 PM.";
        assert_eq!(
            verdicts(source, "The train leaves at 7:55 PM."),
            ["7:55 PM ≠ 6:55 PM"]
        );
        // Calendar durations compare whatever their unit.
        let source = "The warranty covers all parts for a year.";
        assert_eq!(
            verdicts(source, "The warranty covers all parts for six months."),
            ["six months: supported", "six months ≠ a year"]
        );
        // A named quarter of the frame and a dated one.
        let source = "Revenue grew 5% in the first quarter of 2021.";
        assert_eq!(
            verdicts(source, "Revenue grew 5% in the second quarter."),
            [
                "5%: supported",
                "the second quarter ≠ the first quarter of 2021"
            ]
        );
        // "Last month" and "last year" in one frame.
        let source = "Sales rose last year.";
        assert_eq!(
            verdicts(source, "Sales rose last month."),
            ["last month ≠ last year"]
        );
    }

    #[test]
    fn a_time_another_expression_of_the_sentence_restates_is_not_contradicted() {
        let source = "We expect third quarter revenue to be lower than in the second quarter.";
        assert_eq!(
            verdicts(source, "They expect Q3 revenue to be lower than Q2."),
            ["Q3: supported", "Q2: supported"]
        );
        assert_eq!(
            verdicts(source, "They expect Q4 revenue to be lower than Q2."),
            ["Q4 ≠ third quarter", "Q2: supported"]
        );
    }

    #[test]
    fn codes_keep_their_letters_and_change_their_digits() {
        let codes =
            |text: &str| -> Vec<String> { codes_in(text).map(|s| text[s].to_string()).collect() };
        assert_eq!(
            codes("A 3D view, SARS-CoV-2, code ELITEFIT15 (MP3): 5m, 10bn, 2nd, 1990s, 9am, Q3."),
            ["3D", "SARS-CoV-2", "ELITEFIT15", "MP3", "Q3"]
        );
        let support = SourceSupport::new(&sheet(
            "It includes a 3D visualization. Use code ELITEFIT15 at checkout.",
        ))
        .expect("a source sheet");
        assert!(support.changed_code("2D").is_some());
        assert!(support.changed_code("ELITE15FIT").is_some());
        assert!(support.changed_code("3d").is_none());
        assert!(support.changed_code("FITNESS15").is_none());
    }

    #[test]
    fn ordinals_period_and_scale_words_rank_the_word_they_qualify() {
        use OrdinalKind::*;
        let text = "For the fourth time, a second straight session; the 3rd round; \
                    quarterly dividends; billions of dollars; at first.";
        let found: Vec<(&str, OrdinalKind, u32, String)> =
            ordinals_in(&words(text, 0..text.len()), text)
                .into_iter()
                .map(|o| (&text[o.span], o.kind, o.rank, o.ranks))
                .collect();
        assert_eq!(
            found,
            [
                ("fourth", Order, 4, "time".to_string()),
                ("second", Order, 2, "straight".to_string()),
                ("3rd", Order, 3, "round".to_string()),
                ("quarterly", Period, 91, "dividend".to_string()),
                ("billions", Scale, 9, "dollar".to_string()),
            ]
        );
        let support = SourceSupport::new(&sheet(
            "Yields rose for a second straight session. The quarterly dividend is $0.13. \
             The plan could spur billions of dollars in investment.",
        ))
        .expect("a source sheet");
        let rewrite = "Yields rose for a third straight session and the annual dividend is $0.13; \
                       the plan could spur millions of dollars, or thousands.";
        let changed: Vec<&str> = ordinals_in(&words(rewrite, 0..rewrite.len()), rewrite)
            .into_iter()
            .filter(|o| support.changed_ordinal(o).is_some())
            .map(|o| &rewrite[o.span])
            .collect();
        assert_eq!(changed, ["third", "annual", "millions"]);
    }

    #[test]
    fn before_and_after_between_the_same_things() {
        let sheet = sheet(
            "Maggie: Did you restart your computer before launching them? \
             Ethan: we can talk more after you listen to everything.",
        );
        let support = SourceSupport::new(&sheet).expect("a source sheet");
        let changed = |rewrite: &str| -> Vec<String> {
            let words = words(rewrite, 0..rewrite.len());
            (0..words.len())
                .filter_map(|at| support.changed_opposite(&words, rewrite, at))
                .map(|(_, f, span)| sheet.facts[f].text[span].to_string())
                .collect()
        };
        assert_eq!(
            changed("Maggie suggests he restarts his computer after launching them."),
            ["before"]
        );
        assert_eq!(
            changed("They decide to talk more before Henry listens to it."),
            ["after"]
        );
        // The same order, or the order of other things, is no change.
        assert!(changed("He restarts the computer before launching the apps.").is_empty());
        assert!(changed("After lunch they went for a walk.").is_empty());
    }

    #[test]
    fn a_direction_turned_around_between_the_same_things() {
        let sheet = sheet(
            "The company raised its full year earnings outlook to $7.50 per share. \
             Costs rose in Europe while sales fell in Asia.",
        );
        let support = SourceSupport::new(&sheet).expect("a source sheet");
        let changed = |rewrite: &str| -> Vec<(Opposition, String)> {
            let words = words(rewrite, 0..rewrite.len());
            (0..words.len())
                .filter_map(|at| support.changed_opposite(&words, rewrite, at))
                .map(|(kind, f, span)| (kind, sheet.facts[f].text[span].to_string()))
                .collect()
        };
        assert_eq!(
            changed("The company lowered its full year earnings outlook to $7.50."),
            [(Opposition::Direction, "raised".to_string())]
        );
        assert!(changed("The company raised its earnings outlook to $7.50.").is_empty());
        // Each direction where the source gives it.
        assert!(changed("Costs rose in Europe and sales fell in Asia.").is_empty());
    }

    #[test]
    fn undated_relative_days_compare_in_one_frame() {
        let source = "The minister resigned last Tuesday. The new budget takes effect in May.";
        assert_eq!(
            verdicts(source, "The minister resigned on Tuesday."),
            ["Tuesday: supported"]
        );
        assert_eq!(
            verdicts(source, "The minister resigned last Wednesday."),
            ["last Wednesday ≠ last Tuesday"]
        );
        // "Last month" and "May" may or may not be the same month.
        assert_eq!(
            verdicts(source, "The new budget takes effect last month."),
            ["last month: unsupported"]
        );
    }

    #[test]
    fn the_same_amount_going_the_other_way_is_a_contradiction() {
        let source = "Quarterly revenue fell 5% to $2 billion, and costs rose 3%.";
        assert_eq!(
            verdicts(source, "Quarterly revenue rose 5% to $2 billion."),
            ["5% ≠ 5%", "$2 billion: supported"]
        );
        assert_eq!(
            verdicts(
                source,
                "Quarterly revenue was down 5%, while costs were up 3%."
            ),
            ["5%: supported", "3%: supported"]
        );
    }

    #[test]
    fn durations_compare_by_number_or_unit() {
        let source = "New customers get a 20% discount for the first six months.";
        assert_eq!(
            verdicts(
                source,
                "New customers get a 20% discount for the first six weeks."
            ),
            [
                "20%: supported",
                "six weeks: supported",
                "the first six weeks ≠ the first six months"
            ]
        );
    }
}
