//! One document read once: its structure, reference date and every mention,
//! shared by all rules.

use jiff::civil::Date;

use crate::document::Document;
use crate::extract::quantity::{QuantityMention, extract_quantities_from};
use crate::extract::quote::{QuoteMention, extract_quotes};
use crate::extract::time::{TimeMention, TimexType, extract_times_from};
use crate::reference::{ReferenceDate, reference_date};
use crate::words::{Word, words};

/// A document with its mentions.
#[derive(Debug)]
pub struct Analysis<'a> {
    pub doc: Document<'a>,
    pub reference: Option<ReferenceDate>,
    pub quantities: Vec<QuantityMention>,
    pub times: Vec<TimeMention>,
    pub quotes: Vec<QuoteMention>,
    /// Every word of the body, in order: what linking reads.
    pub words: Vec<Word>,
    /// The spans of the quantities and of the time expressions, sorted, for
    /// quick "is this word a value" look-ups.
    pub quantity_spans: Vec<std::ops::Range<usize>>,
    pub time_spans: Vec<std::ops::Range<usize>>,
    /// Every stem of the document, built on first use.
    stems: std::sync::OnceLock<std::collections::HashSet<String>>,
}

impl<'a> Analysis<'a> {
    /// Reads `text`. `command_line` and `fact_sheet` are the reference dates
    /// from `--date` and `story.published`; the document's own date sits
    /// between them in priority.
    pub fn new(text: &'a str, command_line: Option<Date>, fact_sheet: Option<Date>) -> Self {
        Self::of(Document::new(text), command_line, fact_sheet)
    }

    /// Reads a file's prose (Markdown with its code and links blanked, see
    /// [`crate::prose`]); spans are offsets into the file.
    pub fn of_prose(
        prose: &'a crate::prose::Prose,
        command_line: Option<Date>,
        fact_sheet: Option<Date>,
    ) -> Self {
        Self::of_prose_until(prose, prose.text.len(), command_line, fact_sheet)
    }

    /// [`Analysis::of_prose`] of the file's first `end` bytes: the first
    /// window of a long file (see [`crate::window`]).
    pub fn of_prose_until(
        prose: &'a crate::prose::Prose,
        end: usize,
        command_line: Option<Date>,
        fact_sheet: Option<Date>,
    ) -> Self {
        let doc = Document::with_blocks(&prose.text[..end], prose.blocks.as_ref());
        Self::of(doc, command_line, fact_sheet)
    }

    fn of(doc: Document<'a>, command_line: Option<Date>, fact_sheet: Option<Date>) -> Self {
        let reference = reference_date(&doc, command_line, fact_sheet);
        Self::with_reference(doc, reference)
    }

    /// Reads a window of a long file's prose (see [`crate::window`]):
    /// `window` starts at `origin`, and `reference` is the date the first
    /// window found. Spans are offsets into the file.
    pub fn of_window(
        prose: &'a crate::prose::Prose,
        window: std::ops::Range<usize>,
        origin: crate::document::Origin,
        reference: Option<ReferenceDate>,
    ) -> Self {
        let doc = Document::window(&prose.text[..window.end], origin, prose.blocks.as_ref());
        Self::with_reference(doc, reference)
    }

    fn with_reference(doc: Document<'a>, reference: Option<ReferenceDate>) -> Self {
        let text = doc.text;
        // A window of a long document is read from its start; a whole
        // document from the file's start, front matter included.
        let from = doc.origin().offset;
        // Front matter is metadata: its date is the reference, not a mention.
        let in_body = |span: &std::ops::Range<usize>| span.start >= doc.body_start;
        let times: Vec<TimeMention> = extract_times_from(
            text,
            from,
            &doc.sentences,
            reference.as_ref().map(|r| r.date),
        )
        .into_iter()
        .filter(|t| in_body(&t.span))
        .collect();
        let quotes = extract_quotes(text, &doc.paragraphs);
        // A number inside a date is not a count; a duration ("48 hours") is both.
        let dates: Vec<std::ops::Range<usize>> = times
            .iter()
            .filter(|t| t.typ != TimexType::Duration)
            .map(|t| t.span.clone())
            .collect();
        let quantities: Vec<QuantityMention> = extract_quantities_from(text, from)
            .into_iter()
            .filter(|q| in_body(&q.span) && !overlaps_sorted(&dates, &q.number_span))
            .collect();
        // A dateline opening its line ("ALDERPORT, July 30, 2025 —") places
        // the story; its words say nothing about any fact.
        let mut words = words(text, doc.body_start..text.len());
        if let Some(d) = reference
            .as_ref()
            .and_then(|r| r.dateline.clone())
            .filter(|d| d.start >= from)
        {
            let line_start = text[..d.start].rfind('\n').map_or(0, |i| i + 1);
            let before = &text[line_start..d.start];
            if before.chars().count() <= 48 && !before.contains(['.', '!', '?']) {
                words.retain(|w| w.span.end <= line_start || w.span.start >= d.end);
            }
        }
        let quantity_spans =
            sorted_spans(quantities.iter().map(|q: &QuantityMention| q.span.clone()));
        let time_spans = sorted_spans(times.iter().map(|t| t.span.clone()));
        Analysis {
            stems: std::sync::OnceLock::new(),
            quantity_spans,
            time_spans,
            doc,
            reference,
            quantities,
            times,
            quotes,
            words,
        }
    }

    /// The reference date when it is a real date, not source mode's shared
    /// unknown frame: what a rule needs to say which day an expression is.
    pub fn dated_reference(&self) -> Option<&ReferenceDate> {
        self.reference
            .as_ref()
            .filter(|r| r.source != crate::reference::DateSource::Frame)
    }

    /// Whether `span` lies inside a quotation: a value there is the speaker's
    /// words, checked as a quotation, not as a claim of the writer.
    pub fn in_quote(&self, span: &std::ops::Range<usize>) -> bool {
        let i = self.quotes.partition_point(|q| q.content.start < span.end);
        i > 0 && self.quotes[i - 1].content.end > span.start
    }

    /// The set of the document's stems: whether it names a place or a person
    /// anywhere.
    pub fn stems(&self) -> &std::collections::HashSet<String> {
        self.stems.get_or_init(|| {
            // Sized by the distinct stems, not by the words (collecting
            // would reserve a slot per word), and each stem copied once.
            let mut stems = std::collections::HashSet::new();
            for w in &self.words {
                if !stems.contains(&w.stem) {
                    stems.insert(w.stem.clone());
                }
            }
            stems
        })
    }

    /// The words of `sentence` (a span of [`Document::sentences`]).
    pub fn sentence_words(&self, sentence: &std::ops::Range<usize>) -> &[crate::words::Word] {
        let from = self
            .words
            .partition_point(|w| w.span.start < sentence.start);
        let to = self.words.partition_point(|w| w.span.end <= sentence.end);
        &self.words[from..to.max(from)]
    }

    /// Whether `span` is the dateline: it dates the document, it claims nothing.
    pub fn in_dateline(&self, span: &std::ops::Range<usize>) -> bool {
        self.reference
            .as_ref()
            .and_then(|r| r.dateline.as_ref())
            .is_some_and(|d| d.start < span.end && span.start < d.end)
    }
}

/// Whether `span` overlaps one of `sorted`, which are in text order and do
/// not overlap each other: a binary search, so filtering stays linear.
pub fn overlaps_sorted(sorted: &[std::ops::Range<usize>], span: &std::ops::Range<usize>) -> bool {
    let i = sorted.partition_point(|s| s.start < span.end);
    i > 0 && sorted[i - 1].end > span.start
}

/// Spans in text order with overlaps merged, as `overlaps_sorted` wants them.
fn sorted_spans(
    spans: impl Iterator<Item = std::ops::Range<usize>>,
) -> Vec<std::ops::Range<usize>> {
    let mut spans: Vec<_> = spans.collect();
    spans.sort_by_key(|s| s.start);
    let mut merged: Vec<std::ops::Range<usize>> = Vec::with_capacity(spans.len());
    for s in spans {
        match merged.last_mut() {
            Some(last) if s.start < last.end => last.end = last.end.max(s.end),
            _ => merged.push(s),
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_is_not_mentioned() {
        let a = Analysis::new(
            "---\ndate: 2025-08-14\n---\nThe fire began on Monday.\n",
            None,
            None,
        );
        assert_eq!(
            a.reference.as_ref().map(|r| r.date),
            Some(jiff::civil::date(2025, 8, 14))
        );
        assert_eq!(a.times.len(), 1);
        assert_eq!(a.times[0].value.as_deref(), Some("2025-08-11"));
    }

    #[test]
    fn numbers_inside_dates_are_not_quantities_but_durations_are_both() {
        let a = Analysis::new(
            "On June 2, 2025, 30 soldiers marched for 48 hours.",
            None,
            None,
        );
        let quantities: Vec<&str> = a
            .quantities
            .iter()
            .map(|q| &a.doc.text[q.span.clone()])
            .collect();
        assert_eq!(quantities, ["30 soldiers", "48 hours"]);
    }

    #[test]
    fn dateline_words_do_not_link() {
        let a = Analysis::new("ALDERPORT, July 30, 2025 — Investors cheered.", None, None);
        assert_eq!(
            a.reference.as_ref().map(|r| r.source),
            Some(crate::reference::DateSource::Dateline)
        );
        let stems: Vec<&str> = a.words.iter().map(|w| w.stem.as_str()).collect();
        assert_eq!(stems, ["investor", "cheer"]);
    }

    #[test]
    fn in_quote_uses_the_sorted_quotations() {
        let a = Analysis::new("He said “we lost 30 men” and 40 more died.", None, None);
        assert!(a.in_quote(&a.quantities[0].span));
        assert!(!a.in_quote(&a.quantities[1].span));
    }
}
