//! `text/repeated-passage`: a paragraph or a long sentence that appears
//! twice in one document, the trace of a paste gone wrong.

use std::collections::HashMap;
use std::collections::hash_map::{DefaultHasher, Entry};
use std::hash::{BuildHasher, BuildHasherDefault};

use crate::analysis::Analysis;
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::Span;
use crate::words::word_count;

use super::{Context, Rule, RuleDoc, RuleMeta};

pub struct TextRepeatedPassage;

static META: RuleMeta = RuleMeta {
    id: "text/repeated-passage",
    severity: Severity::Warning,
    needs_facts: false,
    on_by_default: true,
    doc: RuleDoc {
        what_it_does: "Reports a paragraph of eight or more words, or a sentence of twelve or more, that already appeared earlier in the same document, compared without regard to case, white space and the punctuation at its edges. Front matter (a title repeated as the headline) and block quotations (pull quotes) are left out.",
        why_it_matters: "A passage pasted twice is a production slip readers notice at once; when a rewrite changes one copy and not the other, the two copies drift apart.",
        example: "The council approved the budget on Tuesday after a four-hour debate in the chamber.   (the same paragraph again three paragraphs later)",
        use_instead: "Delete the second copy, or rewrite it if it was meant to say something new.",
    },
};

/// A paragraph this long that appears twice is reported whole.
const MIN_PARAGRAPH_WORDS: usize = 8;
/// A sentence this long that appears twice is reported on its own.
const MIN_SENTENCE_WORDS: usize = 12;

impl Rule for TextRepeatedPassage {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let analysis = cx.analysis;
        let doc = &analysis.doc;
        let text = doc.text;
        // Normalised text → where it was first written. One pass, one hash
        // look-up per paragraph and sentence: linear in the document.
        let mut paragraphs = FirstSeen::default();
        let mut sentences = FirstSeen::default();
        let mut lines = FirstSeen::default();
        let mut sentence_index = 0;
        for paragraph in &doc.paragraphs {
            let first_sentence = sentence_index;
            while doc
                .sentences
                .get(sentence_index)
                .is_some_and(|s| s.start < paragraph.end)
            {
                sentence_index += 1;
            }
            if doc.in_block_quote(paragraph.start) || is_block_quote(&text[paragraph.clone()]) {
                continue;
            }
            let mut reported = false;
            let key = normalise(&text[paragraph.clone()]);
            if word_count(&key) >= MIN_PARAGRAPH_WORDS {
                if let Some(first) = paragraphs.first(text, &key, paragraph) {
                    out.push(diagnostic(self, analysis, paragraph, &first, "paragraph"));
                    reported = true;
                }
            }
            for sentence in &doc.sentences[first_sentence..sentence_index] {
                let key = normalise(&text[sentence.clone()]);
                if word_count(&key) < MIN_SENTENCE_WORDS {
                    continue;
                }
                if let Some(first) = sentences.first(text, &key, sentence) {
                    if !reported {
                        out.push(diagnostic(self, analysis, sentence, &first, "sentence"));
                        reported = true;
                    }
                }
            }
            // A whole line, such as a headline pasted again above the text
            // it had run into.
            for line in lines_of(text, paragraph) {
                let key = normalise(&text[line.clone()]);
                if word_count(&key) < MIN_PARAGRAPH_WORDS {
                    continue;
                }
                if let Some(first) = lines.first(text, &key, &line) {
                    if !reported {
                        out.push(diagnostic(self, analysis, &line, &first, "line"));
                        reported = true;
                    }
                }
            }
        }
    }
}

/// Where each normalised passage was first written, kept by the hash of
/// its text, so that a long document's passages are not all copied. A hash
/// met again is compared in full: passages that only share a hash are never
/// taken for one.
#[derive(Default)]
struct FirstSeen {
    at: HashMap<u64, Span>,
}

impl FirstSeen {
    /// Where `key` (the normalised `span`) was first written; `None` when
    /// this is its first time, which is then remembered.
    fn first(&mut self, text: &str, key: &str, span: &Span) -> Option<Span> {
        match self
            .at
            .entry(BuildHasherDefault::<DefaultHasher>::default().hash_one(key))
        {
            Entry::Occupied(first) => {
                let first = first.get();
                (normalise(&text[first.clone()]) == key).then(|| first.clone())
            }
            Entry::Vacant(slot) => {
                slot.insert(span.clone());
                None
            }
        }
    }
}

/// The lines of a paragraph, trimmed (a line of blanks is empty, at its
/// end: Markdown's markup blanked can leave one inside a paragraph).
fn lines_of<'t>(text: &'t str, paragraph: &Span) -> impl Iterator<Item = Span> + 't {
    let start = paragraph.start;
    text[paragraph.clone()].split('\n').scan(start, |at, line| {
        let from = *at;
        *at += line.len() + 1;
        let lead = line.len() - line.trim_start().len();
        Some(from + lead..from + lead + line.trim().len())
    })
}

fn diagnostic(
    rule: &TextRepeatedPassage,
    analysis: &Analysis,
    span: &Span,
    first: &Span,
    what: &str,
) -> Diagnostic {
    let line = analysis.doc.line_col(first.start).line;
    // The passage without an HTML comment after it.
    let written = &analysis.doc.text[span.clone()];
    let end = written.find("<!--").unwrap_or(written.len());
    let end = span.start + written[..end].trim_end().len();
    Diagnostic {
        related: Some((first.clone(), "first written here".to_string())),
        notes: vec![format!(
            "first written on line {line}; delete one copy, or make sure both still say the same"
        )],
        ..Diagnostic::new(
            rule.id(),
            rule.severity(),
            span.start..end.max(span.start + 1),
            format!("this {what} repeats the one on line {line}"),
        )
    }
}

/// A block quotation in plain text (`>`): a pull quote repeats the body on
/// purpose. In Markdown the parser marks them (see [`crate::prose`]).
fn is_block_quote(paragraph: &str) -> bool {
    paragraph.trim_start().starts_with('>')
}

/// Lowercase, curly quotes straightened, white space collapsed, HTML
/// comments (invisible once rendered) left out, and the punctuation and
/// Markdown marks at the edges dropped.
fn normalise(passage: &str) -> String {
    let visible = without_comments(passage);
    let edge = |c: char| !c.is_alphanumeric();
    let trimmed = visible.trim_matches(edge);
    let mut out = String::with_capacity(trimmed.len());
    let mut space = false;
    for c in trimmed.chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        let c = match c {
            '\u{2018}' | '\u{2019}' => '\'',
            '\u{201c}' | '\u{201d}' => '"',
            '\u{2013}' | '\u{2014}' => '-',
            c => c,
        };
        out.extend(c.to_lowercase());
    }
    out
}

/// The text without its `<!-- … -->` comments.
fn without_comments(passage: &str) -> std::borrow::Cow<'_, str> {
    if !passage.contains("<!--") {
        return passage.into();
    }
    let mut out = String::with_capacity(passage.len());
    let mut rest = passage;
    while let Some(at) = rest.find("<!--") {
        out.push_str(&rest[..at]);
        out.push(' ');
        rest = rest[at..]
            .find("-->")
            .map_or("", |end| &rest[at + end + 3..]);
    }
    out.push_str(rest);
    out.into()
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_line_of_blanks_is_an_empty_line_not_a_reversed_span() {
        let text = "First line\n   \t \nlast";
        let lines: Vec<super::Span> = super::lines_of(text, &(0..text.len())).collect();
        assert_eq!(lines, [0..10, 16..16, 17..21]);
    }

    use super::*;

    fn findings(text: &str) -> Vec<(usize, String)> {
        crate::rules::testing::sheetless_findings(&TextRepeatedPassage, text)
    }

    const PARAGRAPH: &str =
        "The council approved the harbour budget on Tuesday after a long debate.";

    #[test]
    fn a_paragraph_pasted_twice() {
        let text = format!("{PARAGRAPH}\n\nSomething else happened.\n\n{PARAGRAPH}\n");
        assert_eq!(
            findings(&text),
            [(5, "this paragraph repeats the one on line 1".to_string())]
        );
    }

    #[test]
    fn case_spacing_and_edge_punctuation_do_not_matter() {
        let text = "Mali Army Repels Attack After Losing Soldiers in Central Base Assault\n\nBody text here.\n\nmali army repels attack after  losing soldiers in central base assault.\n";
        assert_eq!(findings(text).len(), 1);
    }

    #[test]
    fn a_long_sentence_inside_another_paragraph() {
        let sentence = "Crews worked through the night to clear the blocked drains along the river road in the old town.";
        let text =
            format!("{sentence} They finished at dawn.\n\nLater, officials met. {sentence}\n");
        assert_eq!(
            findings(&text),
            [(3, "this sentence repeats the one on line 1".to_string())]
        );
    }

    #[test]
    fn short_lines_and_different_passages_are_silent() {
        let text = "Read more\n\nThe storm closed two roads.\n\nRead more\n\nThe storm closed two roads.\n\nThe council approved the harbour budget on Wednesday after a long debate.\n\n";
        let text = format!("{text}{PARAGRAPH}\n");
        assert!(findings(&text).is_empty());
    }

    #[test]
    fn front_matter_title_and_pull_quotes_are_silent() {
        let text = format!(
            "---\ntitle: {PARAGRAPH}\n---\n{PARAGRAPH}\n\n> {PARAGRAPH}\n\nThe end of the story.\n"
        );
        assert!(findings(&text).is_empty());
    }

    #[test]
    fn html_comments_do_not_count() {
        let text = format!("{PARAGRAPH}\n\nMiddle.\n\n{PARAGRAPH} <!-- a note -->\n");
        assert_eq!(findings(&text).len(), 1);
    }

    #[test]
    fn a_headline_pasted_again_above_the_text() {
        let text = "Rebel Group Claims Major Assault on the Northern Army Base\n\nRebel Group Claims Major Assault on the Northern Army Base\nDozens reported dead; the army admits a retreat\n";
        assert_eq!(
            findings(text),
            [(3, "this line repeats the one on line 1".to_string())]
        );
    }

    #[test]
    fn a_repeated_paragraph_is_reported_once_not_per_sentence() {
        let para = "Crews worked through the night to clear the blocked drains along the river road. The mayor thanked every one of them in a statement on Friday morning.";
        let text = format!("{para}\n\nMiddle.\n\n{para}\n");
        assert_eq!(findings(&text).len(), 1);
    }
}
