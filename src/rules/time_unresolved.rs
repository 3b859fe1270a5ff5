//! `time/unresolved`: relative time expressions with no date to resolve them against.

use crate::diagnostic::{Diagnostic, Severity};
use crate::extract::time::Resolution;

use super::{Context, Rule, RuleDoc, RuleMeta};

pub struct TimeUnresolved;

static META: RuleMeta = RuleMeta {
    id: "time/unresolved",
    severity: Severity::Info,
    needs_facts: false,
    on_by_default: true,
    doc: RuleDoc {
        what_it_does: "Reports, once per document, that its relative time expressions (\"last Friday\", \"since the month began\") cannot be resolved because no reference date is known.",
        why_it_matters: "A relative date means nothing without the day it was written; factlint will not guess it, so those expressions go unchecked.",
        example: "A document with no front matter date and no dateline, checked without --date and with a fact sheet that has no story.published.",
        use_instead: "Give the date: `--date 2025-06-02`, `date: 2025-06-02` in front matter, a dateline, or `published` in the fact sheet's [story].",
    },
};

impl Rule for TimeUnresolved {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let analysis = cx.analysis;
        if analysis.reference.is_some() {
            return;
        }
        let unresolved: Vec<_> = analysis
            .times
            .iter()
            .filter(|t| matches!(t.resolution, Resolution::Unresolved { .. }))
            .collect();
        let Some(first) = unresolved.first() else {
            return;
        };
        out.push(Diagnostic {
            notes: vec![
                "give --date, a front matter `date`, a dateline, or `published` in the fact sheet"
                    .to_string(),
            ],
            ..Diagnostic::new(
                self.id(),
                self.severity(),
                first.span.clone(),
                format!(
                    "{} relative time expression{} cannot be resolved: no reference date",
                    unresolved.len(),
                    if unresolved.len() == 1 { "" } else { "s" }
                ),
            )
        });
    }
}
