//! The rules: one per file, each with a stable id, a default severity and
//! its documentation, and one registry list, [`RULES`].

use crate::analysis::Analysis;
use crate::diagnostic::{Diagnostic, Severity};
use crate::link::FactIndex;
use crate::verbatim::CanonicalQuotes;

mod quantity_mismatch;
mod quantity_unit_mismatch;
mod quote_misattributed;
mod quote_mismatch;
mod quote_unterminated;
mod quote_unverified;
mod time_mismatch;
mod time_unresolved;

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
}

impl<'s> FactSheetContext<'s> {
    pub fn new(sheet: &'s crate::facts::FactSheet) -> Self {
        FactSheetContext {
            index: FactIndex::new(sheet),
            quotes: CanonicalQuotes::new(sheet),
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
    pub doc: RuleDoc,
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
    fn doc(&self) -> &'static RuleDoc {
        &self.meta().doc
    }
}

/// Every rule, in the order their findings are listed in `factlint rules`.
pub static RULES: &[&dyn Rule] = &[
    &quantity_mismatch::QuantityMismatch,
    &quantity_unit_mismatch::QuantityUnitMismatch,
    &time_mismatch::TimeMismatch,
    &time_unresolved::TimeUnresolved,
    &quote_mismatch::QuoteMismatch,
    &quote_misattributed::QuoteMisattributed,
    &quote_unverified::QuoteUnverified,
    &quote_unterminated::QuoteUnterminated,
];

/// Looks a rule up by id.
pub fn rule(id: &str) -> Option<&'static dyn Rule> {
    RULES.iter().copied().find(|r| r.id() == id)
}

/// Runs every rule that can run on `analysis`, findings in text order.
pub fn check(analysis: &Analysis, facts: Option<&FactSheetContext>) -> Vec<Diagnostic> {
    let cx = Context { analysis, facts };
    let mut out = Vec::new();
    for rule in RULES {
        if facts.is_some() || !rule.needs_facts() {
            rule.check(&cx, &mut out);
        }
    }
    out.sort_by(|a, b| (a.span.start, a.span.end, a.rule).cmp(&(b.span.start, b.span.end, b.rule)));
    out
}
