//! `quote/unverified`: a quotation of several words that matches no
//! canonical quotation.

use crate::diagnostic::{Diagnostic, Severity};
use crate::extract::quote::{quotations, quoted_span};
use crate::support::QuoteVerdict;
use crate::verbatim::{QuoteMatch, QuoteWords, UNVERIFIED_MIN_WORDS};

use super::{Context, Rule, RuleDoc, RuleMeta};

pub struct QuoteUnverified;

static META: RuleMeta = RuleMeta {
    id: "quote/unverified",
    severity: Severity::Warning,
    needs_facts: true,
    on_by_default: true,
    doc: RuleDoc {
        what_it_does: "Reports a quotation of four or more words that is neither a verbatim part of nor close to any quotation in the fact sheet. Runs only when the fact sheet has quotations and the document names the story or someone it quotes; shorter quotations are taken as scare quotes. With `--source`: a quotation of four or more words that is not in the sources and restates no source sentence.",
        why_it_matters: "A quotation nobody can trace may be invented, misremembered or from another story; an editor should confirm it before publication.",
        example: "“We have never seen anything like it,” a resident said.   (no fact holds these words)",
        use_instead: "Add the quotation to the fact sheet with its speaker, or paraphrase it without quotation marks.",
    },
};

impl Rule for QuoteUnverified {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let Some(facts) = cx.facts else { return };
        if facts.quotes.is_empty() {
            return;
        }
        let analysis = cx.analysis;
        // An article about another story quotes other people.
        if !facts.index.names_story_or_speaker(analysis.stems()) {
            return;
        }
        let text = analysis.doc.text;
        for parts in quotations(&analysis.quotes) {
            if parts[parts.len() - 1].unterminated {
                continue;
            }
            let words = QuoteWords::of_quotation(text, parts);
            if words.len() < UNVERIFIED_MIN_WORDS {
                continue;
            }
            if facts.quotes.compare(&words, |_| true) != QuoteMatch::Unknown
                || facts.support.as_ref().is_some_and(|s| {
                    s.judge_quote(facts.index.sheet, analysis, parts) != QuoteVerdict::Unsupported
                })
            {
                continue;
            }
            let (note, message) = if facts.support.is_some() {
                (
                    "quote the source's words, or paraphrase without quotation marks",
                    "quotation is not in the source",
                )
            } else {
                (
                    "add it to the fact sheet if it is right, or check it against the source",
                    "quotation matches no quotation in the fact sheet",
                )
            };
            out.push(Diagnostic {
                notes: vec![note.to_string()],
                ..Diagnostic::new(
                    self.id(),
                    self.severity(),
                    quoted_span(parts),
                    message.to_string(),
                )
            });
        }
    }
}
