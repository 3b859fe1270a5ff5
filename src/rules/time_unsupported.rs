//! `time/unsupported`: in source mode, a time expression nothing in the
//! source supports and no source sentence it restates contradicts.

use crate::diagnostic::{Diagnostic, Severity};
use crate::support::Verdict;

use super::{Context, Rule, RuleDoc, RuleMeta};

pub struct TimeUnsupported;

static META: RuleMeta = RuleMeta {
    id: "time/unsupported",
    severity: Severity::Warning,
    needs_facts: true,
    on_by_default: true,
    doc: RuleDoc {
        what_it_does: "Only with `--source`: reports a date, time or duration that no time expression of the source supports (the same days or a period that holds them, the same duration; with no reference date in either text, relative expressions are compared in one shared frame), when no source sentence the rewrite restates gives another time for it (that is `time/mismatch`). Vague references (\"recently\") are never reported.",
        why_it_matters: "A date a rewrite adds may be a guess: an editor should know which dates the source does not back.",
        example: "The plant will reopen in March.   (the source gives no date for the reopening)",
        use_instead: "Give the date the source gives, or none.",
    },
};

impl Rule for TimeUnsupported {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let Some(facts) = cx.facts else { return };
        let Some(support) = &facts.support else {
            return;
        };
        let analysis = cx.analysis;
        for mention in &analysis.times {
            if support.judge_time(facts.index.sheet, analysis, mention) != Verdict::Unsupported {
                continue;
            }
            let found = &analysis.doc.text[mention.span.clone()];
            out.push(Diagnostic::new(
                self.id(),
                self.severity(),
                mention.span.clone(),
                format!("“{found}”: nothing in the source supports this time"),
            ));
        }
    }
}
