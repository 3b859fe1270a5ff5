//! `quote/mismatch`: words inside quotation marks that are close to a
//! canonical quotation but not a verbatim part of it.

use crate::diagnostic::{Diagnostic, Fix, Severity};
use crate::extract::quote::{quotations, quoted_span};
use crate::facts::Origin;
use crate::link::Kind;
use crate::support::QuoteVerdict;
use crate::verbatim::{QuoteMatch, QuoteWords, REORDERED, correction};

use super::{Context, Rule, RuleDoc, RuleMeta};

pub struct QuoteMismatch;

/// How many of the source sentences a quotation's sentence restates best
/// count as linked to it (source mode).
const RESTATED_LINKS: usize = 3;

static META: RuleMeta = RuleMeta {
    id: "quote/mismatch",
    severity: Severity::Error,
    needs_facts: true,
    on_by_default: true,
    doc: RuleDoc {
        what_it_does: "Compares every quotation with the fact sheet's quotations and reports one whose words are close to a canonical quotation but not a verbatim part of it: a changed inflection, a dropped or added word, parts in another order than the speaker's. Case, apostrophes, punctuation, an ellipsis for omitted words and [brackets] for insertions are accepted. A one- or two-word quotation is checked only when its sentence links to the fact it would misquote and shares a meaningful word with its quotation. With `--source`, every quotation must be a verbatim part of the sources (quoted there or not: a transcript is all speech); one that is not, in a sentence that restates a source sentence, misquotes that sentence (its quotation, when it has one).",
        why_it_matters: "Quotation marks promise the speaker's exact words. A changed word inside them is the most serious error an editor can publish.",
        example: "The army said it had to \"withdraw\".   (the statement says \"withdrawing\")",
        use_instead: "The army said it had to withdraw.   or   The army said it reacted before \"withdrawing\".",
    },
};

impl Rule for QuoteMismatch {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let Some(facts) = cx.facts else { return };
        let analysis = cx.analysis;
        let text = analysis.doc.text;
        for parts in quotations(&analysis.quotes) {
            let first = &parts[0];
            if parts[parts.len() - 1].unterminated {
                continue;
            }
            let words = QuoteWords::of_quotation(text, parts);
            let links = facts
                .index
                .mention(analysis, &first.span)
                .map(|ctx| facts.index.links(&ctx, Kind::Quote))
                .unwrap_or_default();
            // In source mode any words of the sources may be quoted, and the
            // source sentences the quotation's sentence restates best stand
            // for the linked facts.
            let span = quoted_span(parts);
            let ranked = match &facts.support {
                Some(support) if support.quoted_in_source(&words) => continue,
                Some(support) => support.ranked_for_quote(facts.index.sheet, analysis, &span),
                None => Vec::new(),
            };
            let restated: Vec<usize> = ranked
                .iter()
                .take(RESTATED_LINKS)
                .map(|(f, _)| *f)
                .collect();
            let QuoteMatch::Close { canonical, changes } = facts.quotes.compare(&words, |fact| {
                links.iter().any(|l| l.fact == fact && l.strong) || restated.contains(&fact)
            }) else {
                if let Some(support) = &facts.support {
                    if let QuoteVerdict::Misquotes { fact: f, passage } =
                        support.misquoted(facts.index.sheet, analysis, &span, &ranked)
                    {
                        out.push(super::source_contradiction(
                            self,
                            analysis,
                            span,
                            facts.index.fact(f),
                            f,
                            passage,
                        ));
                    }
                }
                continue;
            };
            let fact = facts.index.fact(canonical.fact);
            let passage = &fact.text[fact.quotes[canonical.quote].content.clone()];
            // A drafted fact is a sentence of a source, not a sheet's fact.
            let (whose, says, label) = match fact.origin {
                Origin::Sheet => (
                    format!("fact `{}`", fact.id),
                    "the fact says",
                    format!("canonical quotation in fact `{}`", fact.id),
                ),
                Origin::Source(_) => (
                    "the source".to_string(),
                    "the source says",
                    "the source's words".to_string(),
                ),
            };
            let mut notes = vec![format!("{says}: “{passage}”")];
            notes.extend(changes.iter().map(|c| format!("changed: {c}")));
            // Safe to correct: one piece, in the speaker's order.
            let fix = (parts.len() == 1 && !changes.iter().any(|c| c == REORDERED))
                .then(|| correction(&text[first.content.clone()], passage))
                .flatten()
                .map(|(range, words)| {
                    let at = first.content.start;
                    Fix::replace(
                        format!("quote the speaker's words: “{words}”"),
                        at + range.start..at + range.end,
                        words,
                    )
                });
            out.push(Diagnostic {
                fix,
                fact: Some(canonical.fact),
                expected: Some(passage.to_string()),
                fact_value: Some(fact.quotes[canonical.quote].content.clone()),
                fact_label: Some(label),
                notes,
                ..Diagnostic::new(
                    self.id(),
                    self.severity(),
                    quoted_span(parts),
                    format!("misquote of {whose}: {}", changes.join(", ")),
                )
            });
        }
    }
}
