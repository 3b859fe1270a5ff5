//! `quantity/unsupported`: in source mode, a quantity nothing in the source
//! supports and no source sentence it restates contradicts.

use crate::diagnostic::{Diagnostic, Severity};
use crate::support::Verdict;

use super::{Context, Rule, RuleDoc, RuleMeta};

pub struct QuantityUnsupported;

static META: RuleMeta = RuleMeta {
    id: "quantity/unsupported",
    severity: Severity::Warning,
    needs_facts: true,
    on_by_default: true,
    doc: RuleDoc {
        what_it_does: "Only with `--source`: reports a quantity that no value of the source supports, neither as written nor as an editor derives it (the same amount in words or digits, another scale, rounded or approximated, a sum or difference of two source values, a percentage computed from two), when no source sentence the rewrite restates gives another value for it (that is `quantity/mismatch`).",
        why_it_matters: "A number a rewrite adds may come from another source, or from nowhere: an editor should know which numbers the source does not back.",
        example: "The fire also destroyed 40 homes.   (the source says nothing about homes)",
        use_instead: "Cite where the number comes from, or leave it out.",
    },
};

impl Rule for QuantityUnsupported {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let Some(facts) = cx.facts else { return };
        let Some(support) = &facts.support else {
            return;
        };
        let analysis = cx.analysis;
        for mention in &analysis.quantities {
            if support.judge_quantity(facts.index.sheet, analysis, mention) != Verdict::Unsupported
            {
                continue;
            }
            let found = &analysis.doc.text[mention.span.clone()];
            out.push(Diagnostic::new(
                self.id(),
                self.severity(),
                mention.span.clone(),
                format!("“{found}”: nothing in the source supports this amount"),
            ));
        }
    }
}
