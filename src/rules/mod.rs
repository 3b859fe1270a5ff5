//! The rules: one per file, each with a stable id, a default severity and
//! its documentation, and one registry list, [`RULES`].

use crate::analysis::Analysis;
use crate::diagnostic::{Diagnostic, Severity};
use crate::link::FactIndex;
use crate::support::SourceSupport;
use crate::verbatim::CanonicalQuotes;

mod claim_unattributed;
mod quantity_inconsistent;
mod quantity_mismatch;
mod quantity_unit_mismatch;
mod quantity_unsupported;
mod quote_misattributed;
mod quote_mismatch;
mod quote_unterminated;
mod quote_unverified;
mod text_repeated_passage;
mod time_inconsistent;
mod time_mismatch;
mod time_relative;
mod time_unresolved;
mod time_unsupported;
mod time_weekday_mismatch;

/// A rule's documentation, in the fixed template `factlint explain` prints.
#[derive(Debug)]
pub struct RuleDoc {
    pub what_it_does: &'static str,
    pub why_it_matters: &'static str,
    pub example: &'static str,
    pub use_instead: &'static str,
}

/// What a rule sees: one document and, when there is one, the fact sheet.
pub struct Context<'a> {
    pub analysis: &'a Analysis<'a>,
    pub facts: Option<&'a FactSheetContext<'a>>,
}

/// A fact sheet prepared for checking: indexed once, shared by all documents.
pub struct FactSheetContext<'s> {
    pub index: FactIndex<'s>,
    pub quotes: CanonicalQuotes,
    /// The source documents' facts, when the sheet was drafted from
    /// sources (`--source`): what supports a value of the rewrite.
    pub support: Option<SourceSupport>,
}

impl<'s> FactSheetContext<'s> {
    pub fn new(sheet: &'s crate::facts::FactSheet) -> Self {
        FactSheetContext {
            index: FactIndex::new(sheet),
            quotes: CanonicalQuotes::new(sheet),
            support: SourceSupport::new(sheet),
        }
    }
}

/// What a rule is, apart from its check: its stable id (`category/name`),
/// default severity, whether it needs a fact sheet, and its documentation.
#[derive(Debug)]
pub struct RuleMeta {
    pub id: &'static str,
    pub severity: Severity,
    /// Whether the rule needs a fact sheet to say anything.
    pub needs_facts: bool,
    /// Whether it runs unless configured off; a rule for one house style
    /// only ("write dates out") is off until a preset or setting turns it on.
    pub on_by_default: bool,
    pub doc: RuleDoc,
}

/// How loud a rule is set to be: off, or on at a severity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Off,
    On(Severity),
}

/// Each rule's level where it differs from the rule's default (off for a
/// rule off by default, its own severity otherwise).
#[derive(Debug, Clone, Default)]
pub struct Levels {
    overrides: std::collections::HashMap<&'static str, Level>,
}

impl Levels {
    /// Sets one rule's level; later settings win.
    pub fn set(&mut self, rule: &'static str, level: Level) {
        self.overrides.insert(rule, level);
    }

    /// The severity a rule's findings get, or `None` when it is off.
    pub fn severity(&self, rule: &dyn Rule) -> Option<Severity> {
        match self.overrides.get(rule.id()) {
            Some(Level::Off) => None,
            Some(Level::On(severity)) => Some(*severity),
            None => rule.meta().on_by_default.then(|| rule.severity()),
        }
    }
}

/// A check over one document.
pub trait Rule: Sync {
    fn meta(&self) -> &'static RuleMeta;
    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>);

    fn id(&self) -> &'static str {
        self.meta().id
    }
    fn severity(&self) -> Severity {
        self.meta().severity
    }
    fn needs_facts(&self) -> bool {
        self.meta().needs_facts
    }
    fn on_by_default(&self) -> bool {
        self.meta().on_by_default
    }
    fn doc(&self) -> &'static RuleDoc {
        &self.meta().doc
    }
}

/// Every rule, in the order their findings are listed in `factlint rules`.
pub static RULES: &[&dyn Rule] = &[
    &quantity_mismatch::QuantityMismatch,
    &quantity_unit_mismatch::QuantityUnitMismatch,
    &quantity_unsupported::QuantityUnsupported,
    &quantity_inconsistent::QuantityInconsistent,
    &time_mismatch::TimeMismatch,
    &time_unresolved::TimeUnresolved,
    &time_unsupported::TimeUnsupported,
    &time_weekday_mismatch::TimeWeekdayMismatch,
    &time_inconsistent::TimeInconsistent,
    &time_relative::TimeRelative,
    &quote_mismatch::QuoteMismatch,
    &quote_misattributed::QuoteMisattributed,
    &quote_unverified::QuoteUnverified,
    &quote_unterminated::QuoteUnterminated,
    &text_repeated_passage::TextRepeatedPassage,
    &claim_unattributed::ClaimUnattributed,
];

/// A value of a rewrite that the source sentence it restates contradicts
/// (source mode), pointing at the source's value.
fn source_contradiction(
    rule: &dyn Rule,
    analysis: &Analysis,
    span: crate::document::Span,
    fact: &crate::facts::Fact,
    index: usize,
    value: crate::document::Span,
) -> Diagnostic {
    let found = &analysis.doc.text[span.clone()];
    let expected = fact.text[value.clone()].to_string();
    Diagnostic {
        fact: Some(index),
        expected: Some(expected.clone()),
        fact_value: Some(value),
        fact_label: Some("the source says this".to_string()),
        notes: vec![format!("the source: “{}”", fact.text.trim())],
        ..Diagnostic::new(
            rule.id(),
            rule.severity(),
            span,
            format!("“{found}” is not in the source, whose sentence on this says “{expected}”"),
        )
    }
}

/// Source mode: ordinals and scale words (`periods` false) or period
/// words (`periods` true) that change what the sources say of the same word ("the fifth
/// time" for "the fourth time", "monthly reports" for "weekly reports").
fn changed_ordinals(
    rule: &dyn Rule,
    analysis: &Analysis,
    facts: &FactSheetContext,
    support: &crate::support::SourceSupport,
    periods: bool,
    out: &mut Vec<Diagnostic>,
) {
    for o in crate::support::ordinals_in(&analysis.words, analysis.doc.text) {
        let span = o.span.clone();
        let covered = |s: &crate::document::Span| s.start < span.end && span.start < s.end;
        if (o.kind == crate::support::OrdinalKind::Period) != periods
            || analysis.times.iter().any(|t| covered(&t.span))
            || analysis.in_quote(&span)
        {
            continue;
        }
        if let Some((f, value)) = support.changed_ordinal(&o) {
            out.push(source_contradiction(
                rule,
                analysis,
                span,
                facts.index.fact(f),
                f,
                value,
            ));
        }
    }
}

/// Source mode: words that turn around what the source says between the
/// same things (`which`: "after" for "before", "lowered" for "raised").
fn changed_opposites(
    rule: &dyn Rule,
    analysis: &Analysis,
    facts: &FactSheetContext,
    support: &crate::support::SourceSupport,
    which: crate::support::Opposition,
    out: &mut Vec<Diagnostic>,
) {
    let text = analysis.doc.text;
    for sentence in &analysis.doc.sentences {
        let words = analysis.sentence_words(sentence);
        for at in 0..words.len() {
            let span = words[at].span.clone();
            if analysis.in_quote(&span) {
                continue;
            }
            let Some((kind, f, value)) = support.changed_opposite(words, text, at) else {
                continue;
            };
            if kind != which {
                continue;
            }
            let fact = facts.index.fact(f);
            let theirs = fact.text[value.clone()].to_string();
            let mut found = source_contradiction(rule, analysis, span.clone(), fact, f, value);
            found.message = match kind {
                crate::support::Opposition::Order => format!(
                    "“{}” turns the order around: the source says “{theirs}”",
                    &text[span]
                ),
                crate::support::Opposition::Direction => format!(
                    "“{}” goes the other way: the source says “{theirs}”",
                    &text[span]
                ),
            };
            out.push(found);
        }
    }
}

/// Looks a rule up by id.
pub fn rule(id: &str) -> Option<&'static dyn Rule> {
    RULES.iter().copied().find(|r| r.id() == id)
}

/// Runs every rule that is on by default and can run on `analysis`,
/// findings in text order.
pub fn check(analysis: &Analysis, facts: Option<&FactSheetContext>) -> Vec<Diagnostic> {
    check_with(analysis, facts, &Levels::default())
}

/// Runs every rule `levels` leaves on and that can run on `analysis`, each
/// finding at the rule's configured severity, findings in text order.
pub fn check_with(
    analysis: &Analysis,
    facts: Option<&FactSheetContext>,
    levels: &Levels,
) -> Vec<Diagnostic> {
    let cx = Context { analysis, facts };
    let mut out = Vec::new();
    for rule in RULES {
        let Some(severity) = levels.severity(*rule) else {
            continue;
        };
        if facts.is_some() || !rule.needs_facts() {
            let from = out.len();
            rule.check(&cx, &mut out);
            for d in &mut out[from..] {
                d.severity = severity;
            }
        }
    }
    out.sort_by(|a, b| (a.span.start, a.span.end, a.rule).cmp(&(b.span.start, b.span.end, b.rule)));
    out
}

/// Helpers for the rules' unit tests.
#[cfg(test)]
pub(crate) mod testing {
    use super::{Context, Rule};
    use crate::analysis::Analysis;

    /// One rule's findings on a text with no fact sheet, as `(line, message)`.
    pub(crate) fn sheetless_findings(rule: &dyn Rule, text: &str) -> Vec<(usize, String)> {
        let analysis = Analysis::new(text, None, None);
        let cx = Context {
            analysis: &analysis,
            facts: None,
        };
        let mut out = Vec::new();
        rule.check(&cx, &mut out);
        out.iter()
            .map(|d| (analysis.doc.line_col(d.span.start).line, d.message.clone()))
            .collect()
    }

    /// Only the messages of [`sheetless_findings`].
    pub(crate) fn sheetless_messages(rule: &dyn Rule, text: &str) -> Vec<String> {
        sheetless_findings(rule, text)
            .into_iter()
            .map(|(_, m)| m)
            .collect()
    }
}
