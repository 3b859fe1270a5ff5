//! `quote/misattributed`: a verbatim quotation given to another speaker than
//! the one the fact sheet names.

use std::collections::HashSet;
use std::ops::Range;

use crate::diagnostic::{Diagnostic, Severity};
use crate::extract::quote::{extract_quotes, is_title, quotations};
use crate::facts::FactSheet;
use crate::link::Kind;
use crate::verbatim::{QuoteMatch, QuoteWords};
use crate::words::{is_stop_word, words};

use super::{Context, Rule, RuleDoc, RuleMeta};

pub struct QuoteMisattributed;

static META: RuleMeta = RuleMeta {
    id: "quote/misattributed",
    severity: Severity::Error,
    needs_facts: true,
    on_by_default: true,
    doc: RuleDoc {
        what_it_does: "Reports a quotation that is a verbatim part of a canonical quotation but is attributed to another speaker than the fact sheet names. Speakers agree when they share a name or a noun (\"Vidal\" and \"rescue leader Ana Vidal\", \"the army\" and \"Mali's military\"), through the sheet's `[aliases]` too; a pronoun counts only when it stands for the one person named before it in the paragraph, words the canonical speaker was quoting in turn are not checked, and a generic speaker (\"officials\", \"a spokesman\") is never reported.",
        why_it_matters: "Words put in the wrong mouth misinform as much as changed words, and they can expose a newsroom to complaints from both speakers.",
        example: "“Every one of them walked out,” the mine owner said.   (the fact sheet gives these words to rescue leader Ana Vidal)",
        use_instead: "“Every one of them walked out,” rescue leader Ana Vidal said.",
    },
};

/// Speakers that may stand for anybody's spokesperson: never contradicted.
const GENERIC_SPEAKERS: &[&str] = &[
    "official",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "authority",
    "representative",
    "aide",
    "statement",
    "spokesmen",
    "officials",
    "authorities",
];

/// Names of one speaker that linking does not fold: `(word, speaker)`. "The Malian Armed Forces" speak for the army.
const SPEAKER_SYNONYMS: &[(&str, &str)] = &[("force", "army")];

/// A quotation this short is only checked when its sentence links to the
/// fact: two words ("under control") are often said by many.
const SHORT_QUOTE_WORDS: usize = 4;

impl Rule for QuoteMisattributed {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let Some(facts) = cx.facts else { return };
        let analysis = cx.analysis;
        let text = analysis.doc.text;
        let sheet = facts.index.sheet;
        for parts in quotations(&analysis.quotes) {
            let first = &parts[0];
            if parts[parts.len() - 1].unterminated {
                continue;
            }
            // Who speaks (a pronoun's antecedent), and the words that say so.
            let Some((speaker, written)) = parts
                .iter()
                .find_map(|q| Some((q.speaker_name.clone()?, q.speaker.clone())))
            else {
                continue;
            };
            let words = QuoteWords::of_quotation(text, parts);
            let QuoteMatch::Verbatim(canonical) = facts.quotes.compare(&words, |_| true) else {
                continue;
            };
            if words.len() < SHORT_QUOTE_WORDS {
                let linked = facts
                    .index
                    .mention(analysis, &first.span)
                    .map(|ctx| facts.index.links(&ctx, Kind::Quote))
                    .unwrap_or_default()
                    .iter()
                    .any(|l| l.fact == canonical.fact && l.strong);
                if !linked {
                    continue;
                }
            }
            let fact = facts.index.fact(canonical.fact);
            let passage = &fact.text[fact.quotes[canonical.quote].content.clone()];
            if quotes_someone_else(passage, &words) {
                continue;
            }
            let Some(theirs) = fact.quotes[canonical.quote].speaker_name.clone() else {
                continue;
            };
            if same_speaker(text, &speaker, &fact.text, &theirs, sheet) {
                continue;
            }
            let (mine, expected) = (&text[speaker.clone()], &fact.text[theirs.clone()]);
            let quoted: Vec<&str> = parts
                .iter()
                .map(|q| text[q.content.clone()].trim_end_matches([',', '.', ';', ':']))
                .collect();
            let mut notes = vec![format!(
                "the quoted words “{}” are verbatim from fact `{}`",
                quoted.join(" … "),
                fact.id
            )];
            // Point at the pronoun, and say whom it stands for.
            let span = match written {
                Some(pronoun) if pronoun != speaker => {
                    notes.push(format!(
                        "“{}” stands for {mine}, named earlier in the paragraph",
                        &text[pronoun.clone()]
                    ));
                    pronoun
                }
                _ => speaker,
            };
            out.push(Diagnostic {
                fact: Some(canonical.fact),
                expected: Some(expected.to_string()),
                fact_value: Some(theirs),
                fact_label: Some(format!("speaker in fact `{}`", fact.id)),
                notes,
                ..Diagnostic::new(self.id(), self.severity(), span, format!(
                    "quotation of fact `{}` attributed to “{mine}”; the fact sheet gives it to “{expected}”",
                    fact.id
                ))
            });
        }
    }
}

/// Whether the quoted words all come from a quotation inside the canonical
/// one ("When people told me ‘the bridge is moving’, I closed it"): their
/// speaker is not the one the fact sheet names.
fn quotes_someone_else(passage: &str, words: &QuoteWords) -> bool {
    extract_quotes(passage, std::slice::from_ref(&(0..passage.len())))
        .iter()
        .any(|inner| words.is_part_of(&passage[inner.content.clone()]))
}

/// Whether two speakers can be the same: they share a name or noun (folded
/// through concepts and the sheet's aliases), or the document's speaker is
/// generic or says nothing that could differ.
fn same_speaker(
    text: &str,
    mine: &Range<usize>,
    fact_text: &str,
    theirs: &Range<usize>,
    sheet: &FactSheet,
) -> bool {
    let mine = content_stems(text, mine, sheet);
    if mine.is_empty() || mine.iter().any(|s| GENERIC_SPEAKERS.contains(&s.as_str())) {
        return true;
    }
    let theirs = content_stems(fact_text, theirs, sheet);
    theirs.is_empty() || !mine.is_disjoint(&theirs)
}

/// The stems of a speaker's words, without function words, folded through
/// the fact sheet's aliases.
fn content_stems(text: &str, span: &Range<usize>, sheet: &FactSheet) -> HashSet<String> {
    words(text, span.clone())
        .into_iter()
        .filter(|w| !is_stop_word(&w.stem) && !is_title(&text[w.span.clone()]))
        .map(|w| sheet.aliases.get(&w.stem).cloned().unwrap_or(w.stem))
        .map(|stem| {
            SPEAKER_SYNONYMS
                .iter()
                .find(|(word, _)| crate::words::stem(word) == stem.as_str())
                .map_or(stem, |(_, speaker)| {
                    crate::words::stem(speaker).into_owned()
                })
        })
        .collect()
}
