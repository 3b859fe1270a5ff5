//! `quote/unterminated`: an opening quotation mark that is never closed.

use crate::diagnostic::{Diagnostic, Severity};

use super::{Context, Rule, RuleDoc, RuleMeta};

pub struct QuoteUnterminated;

static META: RuleMeta = RuleMeta {
    id: "quote/unterminated",
    severity: Severity::Warning,
    needs_facts: false,
    on_by_default: true,
    doc: RuleDoc {
        what_it_does: "Reports an opening quotation mark with no closing mark before the end of its paragraph.",
        why_it_matters: "Readers cannot tell where the speaker's words end, and the quotation cannot be checked against its source.",
        example: "The chief said “the wind turned twice in one hour.",
        use_instead: "The chief said “the wind turned twice in one hour.”",
    },
};

impl Rule for QuoteUnterminated {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        for quote in cx.analysis.quotes.iter().filter(|q| q.unterminated) {
            let text = cx.analysis.doc.text;
            let mark_len = text[quote.span.start..]
                .chars()
                .next()
                .map_or(1, char::len_utf8);
            out.push(Diagnostic {
                notes: vec!["the quotation was taken to end with its paragraph".to_string()],
                ..Diagnostic::new(
                    self.id(),
                    self.severity(),
                    quote.span.start..quote.span.start + mark_len,
                    "quotation is never closed".to_string(),
                )
            });
        }
    }
}
