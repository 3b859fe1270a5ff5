//! `quantity/mismatch`: a quantity linked to a fact that no value of the
//! fact satisfies.

use crate::analysis::Analysis;
use crate::diagnostic::{Diagnostic, Severity};
use crate::extract::quantity::QuantityMention;
use crate::facts::FactSheet;
use crate::house_style::Tolerance;
use crate::interval::{Interval, is_rounding_of};
use crate::link::{Comparable, Kind, Link, MentionContext, judge};
use crate::support::{Opposition, Verdict, codes_in, restates};
use crate::words::{concept, stem};

use super::{Context, FactSheetContext, Rule, RuleDoc, RuleMeta};

pub struct QuantityMismatch;

static META: RuleMeta = RuleMeta {
    id: "quantity/mismatch",
    severity: Severity::Error,
    needs_facts: true,
    on_by_default: true,
    doc: RuleDoc {
        what_it_does: "Links each quantity to the fact it talks about (shared words, the same counted noun) and reports it when no value satisfies both: quantities are intervals, so \"more than 30\" is (30, ∞), \"nearly 500\" is just below 500, \"dozens\" is at least 24 (the fact sheet's `[house_style]` and a fact's `tolerance` change what approximate and vague amounts mean). A compatible but vaguer mention is not an error, and a round number written for an exact one (\"2,300\" for 2,348) is accepted. With `--source`, a quantity no source value supports (see `quantity/unsupported` for what an editor may derive) is compared with the source value of the same kind whose words and neighbours the rewrite's sentence restates best; a value the source gives, but for another thing, is reported too (\"$50\" for the bundle when $50 is another product's price). So are a code with other digits (\"2D\" for \"3D\"), another ordinal (\"a third straight session\" for \"a second\") and the other direction (\"lowered\" for \"raised\").",
        why_it_matters: "A death toll, a budget or a vote count that drifts between rewrites (\"more than 30 soldiers\" becoming \"30 soldiers\") misinforms readers and is the error corrections are most often published for.",
        example: "Mali army loses 30 soldiers in base assault   (the fact: more than 30 soldiers were killed)",
        use_instead: "Mali army loses more than 30 soldiers in base assault",
    },
};

/// How many words on each side of a quantity must include one of the fact's.
const PREDICATE_WINDOW: usize = 3;

impl Rule for QuantityMismatch {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let Some(facts) = cx.facts else { return };
        let analysis = cx.analysis;
        let sheet = facts.index.sheet;
        for mention in &analysis.quantities {
            let Some(linked) = Linked::new(facts, analysis, mention) else {
                continue;
            };
            let style = &sheet.house_style;
            // Each value comes with its fact's tolerance.
            let values = |f: usize| -> Comparable<(&QuantityMention, Tolerance)> {
                let tolerance = facts.index.fact(f).tolerance(sheet);
                linked
                    .values(f, |v, named| linked.same_thing(v, f, named))
                    .map(|v| (v, tolerance))
            };
            let links = &linked.links;
            let written = &analysis.doc.text[mention.number_span.clone()];
            let read = |q: &QuantityMention, tolerance| Interval::read(q, style, tolerance);
            let compatible = |&(v, tolerance): &(&QuantityMention, Tolerance)| {
                read(mention, tolerance).overlaps(&read(v, tolerance))
                    || is_rounding_of(mention, written, v, tolerance)
            };
            let same = |&(v, tolerance): &(&QuantityMention, Tolerance)| {
                read(mention, tolerance).same(&read(v, tolerance))
            };
            let Some((link, (value, tolerance))) = judge(links, values, compatible, same) else {
                continue;
            };
            let fact = facts.index.fact(link.fact);
            let expected = fact.text[value.span.clone()].to_string();
            let found = &analysis.doc.text[mention.span.clone()];
            out.push(Diagnostic {
                fact: Some(link.fact),
                expected: Some(expected.clone()),
                fact_value: Some(value.span.clone()),
                fact_label: Some(format!("fact `{}`", fact.id)),
                notes: vec![format!(
                    "“{}” means {}; the fact says {}",
                    written_phrase(analysis, mention),
                    read(mention, tolerance).describe(),
                    read(value, tolerance).describe()
                )],
                ..Diagnostic::new(
                    self.id(),
                    self.severity(),
                    mention.span.clone(),
                    format!(
                        "“{found}” contradicts fact `{}`, which says “{expected}”",
                        fact.id
                    ),
                )
            });
        }
        if let Some(support) = &facts.support {
            for mention in &analysis.quantities {
                let Verdict::Contradicts(restated) =
                    support.judge_quantity(sheet, analysis, mention)
                else {
                    continue;
                };
                if out
                    .iter()
                    .any(|d| d.rule == self.id() && d.span == mention.span)
                {
                    continue;
                }
                let fact = facts.index.fact(restated.fact);
                let value = &fact.quantities[restated.value];
                let mut found = super::source_contradiction(
                    self,
                    analysis,
                    mention.span.clone(),
                    fact,
                    restated.fact,
                    value.span.clone(),
                );
                // The same amount, contradicted by its direction.
                let written = &analysis.doc.text[mention.number_span.clone()];
                if restates(mention, written, value, sheet) {
                    found.message = format!(
                        "“{}” goes the other way from the source, which says: “{}”",
                        &analysis.doc.text[mention.span.clone()],
                        fact.text.trim()
                    );
                    found.notes.clear();
                }
                out.push(found);
            }
            // Codes: "complimentary 2D visualization" when the source
            // offers 3D.
            let text = analysis.doc.text;
            for span in codes_in(text) {
                let covered = |s: &crate::document::Span| s.start < span.end && span.start < s.end;
                if analysis.quantities.iter().any(|q| covered(&q.span))
                    || analysis.times.iter().any(|t| covered(&t.span))
                    || analysis.in_quote(&span)
                    || analysis.in_dateline(&span)
                {
                    continue;
                }
                if let Some((f, value)) = support.changed_code(&text[span.clone()]) {
                    out.push(super::source_contradiction(
                        self,
                        analysis,
                        span,
                        facts.index.fact(f),
                        f,
                        value,
                    ));
                }
            }
            // Ordinals: "for the fifth time" when the source says fourth.
            super::changed_ordinals(self, analysis, facts, support, false, out);
            // "lowered its outlook" when the source raised it.
            super::changed_opposites(self, analysis, facts, support, Opposition::Direction, out);
        }
    }
}

/// A quantity with the facts it links to, behind the guards that keep it
/// from being compared with the wrong fact. Shared by the quantity rules.
pub(super) struct Linked<'a> {
    facts: &'a FactSheetContext<'a>,
    analysis: &'a Analysis<'a>,
    mention: &'a QuantityMention,
    ctx: MentionContext<'a>,
    pub links: Vec<Link>,
    /// The facts whose subject the mention's clause names.
    named: Vec<usize>,
    /// The stems of what the mention counts.
    nouns: Vec<String>,
    subject: Option<&'a str>,
    /// The content words right next to the mention, read once for the
    /// *another predicate* guard against each fact.
    predicate_words: Vec<&'a str>,
}

impl<'a> Linked<'a> {
    /// `None` when the mention is not a claim to check: a ratio ("two in
    /// three voters" as often counts a subgroup as the whole), a value inside
    /// a quotation or a dateline, or a hypothetical.
    pub fn new(
        facts: &'a FactSheetContext<'a>,
        analysis: &'a Analysis<'a>,
        mention: &'a QuantityMention,
    ) -> Option<Self> {
        if mention.ratio || analysis.in_quote(&mention.span) || analysis.in_dateline(&mention.span)
        {
            return None;
        }
        let ctx = facts.index.mention(analysis, &mention.span)?;
        if facts.index.hypothetical(&ctx) {
            return None;
        }
        let links = facts.index.links(&ctx, Kind::Quantity);
        let subject = facts.index.mention_subject(&ctx);
        let nouns = counted(mention, facts.index.sheet);
        let named = links.iter().filter(|l| l.named).map(|l| l.fact).collect();
        let skip: Vec<&str> = nouns.iter().map(String::as_str).collect();
        let predicate_words =
            crate::link::predicate_words(&ctx, PREDICATE_WINDOW, &skip, modifier_words(mention));
        Some(Linked {
            predicate_words,
            facts,
            analysis,
            mention,
            ctx,
            links,
            named,
            nouns,
            subject,
        })
    }

    /// The values of fact `f` that `keep` accepts (it is told whether the
    /// clause names the fact's subject), nearest to the mention's words
    /// first; none when the clause says another thing happened or dates it
    /// elsewhere.
    pub fn values(
        &self,
        f: usize,
        keep: impl Fn(&QuantityMention, bool) -> bool,
    ) -> Comparable<&'a QuantityMention> {
        let index = &self.facts.index;
        let named = self.named.contains(&f);
        if !named && index.another_predicate_of(f, &self.predicate_words)
            || index.another_time(f, self.analysis, &self.mention.span)
        {
            return Comparable::none();
        }
        let fact = index.fact(f);
        let comparable = fact.quantities.iter().filter(|v| keep(v, named)).collect();
        index.closest(f, comparable, |v| &v.span, &self.ctx)
    }

    /// Whether fact `f`'s value `v` counts the same thing as the mention.
    fn same_thing(&self, v: &QuantityMention, f: usize, named: bool) -> bool {
        let index = &self.facts.index;
        same_thing(self.mention, &self.nouns, v, index.sheet, named)
            || bare_of_the_same(
                self.mention,
                v,
                index.fact(f).quantities.len(),
                self.subject,
                index.value_subject(f, &v.span),
            )
    }
}

/// The bound words and number of a mention, without its noun: "more than 30".
fn written_phrase<'a>(analysis: &'a Analysis, mention: &QuantityMention) -> &'a str {
    analysis.doc.text[mention.bound_span.clone()].trim()
}

/// The stems of what a mention counts: its unit and the nouns before it,
/// folded through the synonyms.
fn counted(q: &QuantityMention, sheet: &FactSheet) -> Vec<String> {
    q.unit
        .iter()
        .chain(q.modifiers.iter())
        .map(|w| canonical_noun(w, sheet))
        .collect()
}

/// A counted noun's stem, folded through the fact sheet's `[aliases]` and
/// the built-in concepts ("troops" → "soldier").
fn canonical_noun(word: &str, sheet: &FactSheet) -> String {
    let s = stem(word);
    if let Some(c) = sheet.aliases.get(s.as_ref()) {
        return concept(c).unwrap_or(c).to_string();
    }
    concept(word).unwrap_or(&s).to_string()
}

/// Whether a fact value counts the same thing as the mention: the same
/// counted noun (or one of its nouns), or people for people.
fn same_thing(
    mention: &QuantityMention,
    nouns: &[String],
    value: &QuantityMention,
    sheet: &FactSheet,
    subject_named: bool,
) -> bool {
    let theirs = counted(value, sheet);
    match (mention.unit.is_some(), value.unit.is_some()) {
        (true, true) => {
            let mine_head = &nouns[0];
            let their_head = &theirs[0];
            mine_head == their_head
                || theirs.contains(mine_head)
                || nouns.contains(their_head)
                // "people" stands for any group of people when the clause
                // names what happened to them: "30 people were hospitalised"
                // counts the fact's "30 patients"; "three people died" in a
                // storm is not a toll of soldiers.
                || (mine_head == "person" && subject_named && is_countable(value))
        }
        _ => false,
    }
}

/// A bare number ("a crowd of 98,000") is compared only with a fact's only
/// quantity, when that one is bare too and is a number of the same word
/// ("a crowd of 89,000"): "two more in the final" is not the attendance.
fn bare_of_the_same(
    mention: &QuantityMention,
    value: &QuantityMention,
    values_in_fact: usize,
    mention_subject: Option<&str>,
    value_subject: Option<&str>,
) -> bool {
    mention.unit.is_none()
        && value.unit.is_none()
        && values_in_fact == 1
        && mention_subject.is_some()
        && mention_subject == value_subject
}

/// The words between a quantity's number and its counted noun: "confirmed"
/// in "124 confirmed cases".
fn modifier_words(q: &QuantityMention) -> Option<std::ops::Range<usize>> {
    let unit = q.unit_span.as_ref()?;
    (q.number_span.end < unit.start).then_some(q.number_span.end..unit.start)
}

/// A count of things rather than a measure (money, percent, distance...).
fn is_countable(q: &QuantityMention) -> bool {
    q.unit.as_deref().is_some_and(|u| {
        u != "percent"
            && !(u.len() == 3 && u.chars().all(|c| c.is_ascii_uppercase()))
            && !MEASURES.contains(&u)
    })
}

/// Units of measure: never a group of people.
const MEASURES: &[&str] = &[
    "kilometre",
    "metre",
    "mile",
    "hectare",
    "acre",
    "tonne",
    "ton",
    "kilogram",
    "gram",
    "litre",
    "gallon",
    "hour",
    "day",
    "week",
    "month",
    "year",
    "minute",
    "second",
    "degree",
    "millimetre",
    "centimetre",
    "foot",
    "inch",
    "pound",
];
