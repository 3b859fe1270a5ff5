//! Quotations: text between quotation marks, with the speaker named near it.
//!
//! Grammar, per paragraph (quotations never cross a paragraph boundary):
//!
//! ```text
//! quote   = open content close | open content <end of paragraph>   (unterminated)
//! open    = “ | « | „ | " (before a non-space) | ‘ or ' (after a space or opening
//!           punctuation, before a letter; not an elision such as '90s or 'n')
//! close   = ” | » | " | the single quote matching a single opening
//! ```
//!
//! Double quotes may contain single ones (nested quotations stay inside the
//! outer content). An apostrophe inside a word (JNIM's, Jama'a) is never a
//! quote. The scan is a single left-to-right pass, so cost is linear even on
//! a paragraph full of unmatched marks.

use std::ops::Range;

pub use super::attribution::is_title;
use super::attribution::{find_speaker, is_speech_verb, name_speakers, words};

/// One quotation found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteMention {
    /// From the opening mark to the closing mark, both included.
    pub span: Range<usize>,
    /// The quoted words, marks excluded.
    pub content: Range<usize>,
    /// No closing mark before the end of the paragraph.
    pub unterminated: bool,
    /// The speaker named near the quotation ("the Malian military", "Ribas",
    /// "he").
    pub speaker: Option<Range<usize>>,
    /// Who the speaker is: a named `speaker`, or the one a pronoun stands
    /// for (the quotation's earlier part, or the only speaker named earlier
    /// in the paragraph); `None` when unknown or ambiguous.
    pub speaker_name: Option<Range<usize>>,
    /// The index, in the list [`extract_quotes`] returns, of the first part
    /// of the quotation this one continues: after an attribution ("'We
    /// fought,' he said, 'until the end.'") or into the next paragraph (an
    /// opening mark at each paragraph, no closing mark until the end).
    /// `None` for a quotation's first part.
    pub continues: Option<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    /// “ … ” (also „ … “)
    CurlyDouble,
    /// « … », spaces inside allowed
    Guillemet,
    /// " … "
    StraightDouble,
    /// ‘ … ’
    CurlySingle,
    /// ' … '
    StraightSingle,
}

/// Finds every quotation in `text`, paragraph by paragraph, joins the parts
/// of one quotation and says who speaks.
pub fn extract_quotes(text: &str, paragraphs: &[Range<usize>]) -> Vec<QuoteMention> {
    let mut out: Vec<QuoteMention> = Vec::new();
    // The open quotation that ran to the end of the previous paragraph.
    let mut running: Option<usize> = None;
    // Whether `running` is single-quoted: an apostrophe unless continued.
    let mut running_single = false;
    for para in paragraphs {
        let mut start = out.len();
        let ends_single = scan_paragraph(text, para.clone(), &mut out);
        if let Some(prev) = running.take() {
            let opens_paragraph = out
                .get(start)
                .is_some_and(|q| text[para.start..q.span.start].trim().is_empty());
            if opens_paragraph {
                out[prev].unterminated = false;
                out[start].continues = Some(out[prev].continues.unwrap_or(prev));
            } else if running_single {
                // Its paragraph's speakers were named with it: they stay.
                out.remove(prev);
                start -= 1;
            }
        }
        for k in start..out.len() {
            out[k].speaker = find_speaker(text, para.clone(), out[k].span.clone());
            if k > start && interrupted(text, &out[k - 1], &out[k]) {
                out[k].continues = Some(out[k - 1].continues.unwrap_or(k - 1));
            }
        }
        name_speakers(text, para.clone(), &mut out, start);
        running = out[start..]
            .last()
            .filter(|q| q.unterminated && q.span.end == para.end)
            .map(|_| out.len() - 1);
        running_single = ends_single;
    }
    if running_single {
        if let Some(prev) = running {
            out.remove(prev);
        }
    }
    out
}

/// The quotations of a list from [`extract_quotes`], each as its parts in
/// order (one part unless interrupted or running over paragraphs).
pub fn quotations(quotes: &[QuoteMention]) -> impl Iterator<Item = &[QuoteMention]> {
    quotes.chunk_by(|_, next| next.continues.is_some())
}

/// From the first quoted word of a quotation's parts to the last.
pub fn quoted_span(parts: &[QuoteMention]) -> Range<usize> {
    match (parts.first(), parts.last()) {
        (Some(first), Some(last)) => first.content.start..last.content.end,
        _ => 0..0,
    }
}

/// Whether `next` goes on with `prev` after an attribution: `"We fought,"
/// he said, "until the end."` — `prev` breaks off at a comma or dash (inside
/// or just outside its marks), then a short attribution with a speech verb
/// and no sentence end, itself closed by a comma, colon or dash.
fn interrupted(text: &str, prev: &QuoteMention, next: &QuoteMention) -> bool {
    const BREAKS: &[char] = &[',', '-', '\u{2014}', '\u{2013}'];
    if prev.unterminated {
        return false;
    }
    let between = &text[prev.span.end..next.span.start];
    let breaks_off = text[prev.content.clone()].trim_end().ends_with(BREAKS)
        || between.trim_start().starts_with(BREAKS);
    let resumes = between
        .trim_end()
        .ends_with([',', ':', '-', '\u{2014}', '\u{2013}']);
    let spans = words(text, prev.span.end..next.span.start);
    breaks_off
        && resumes
        && !between.contains(['.', '!', '?', ';', '\n'])
        && (1..=8).contains(&spans.len())
        && spans.iter().any(|w| is_speech_verb(&text[w.clone()]))
}

/// How far past a mark that may be a plural possessive ("the guards'
/// families") a single quotation may still find a surer closing mark, in
/// bytes: bounds the rescanning, so the scan stays linear.
const POSSESSIVE_LOOKAHEAD: usize = 120;

/// Finds the quotations of one paragraph. Returns whether the last one is a
/// single-quoted quotation left open at the paragraph's end: that is an
/// apostrophe unless the next paragraph continues the quotation.
fn scan_paragraph(text: &str, para: Range<usize>, out: &mut Vec<QuoteMention>) -> bool {
    let mut open: Option<(Mark, usize)> = None;
    // Where a single quotation might close, if the mark is not a possessive.
    let mut maybe_close: Option<usize> = None;
    let mut prev: Option<char> = None;
    let mut at = para.start;
    let push = |out: &mut Vec<QuoteMention>, start: usize, close: Range<usize>| {
        let open_len = text[start..].chars().next().map_or(1, char::len_utf8);
        out.push(QuoteMention {
            span: start..close.end,
            content: trimmed(text, start + open_len..close.start),
            unterminated: close.is_empty(),
            speaker: None,
            speaker_name: None,
            continues: None,
        });
    };
    loop {
        // Nothing surer came: the possible possessive closes the quotation,
        // and the scan resumes after it.
        if let (Some((_, start)), Some(m)) = (open, maybe_close) {
            if at >= para.end || at > m + POSSESSIVE_LOOKAHEAD {
                let mark = text[m..].chars().next().unwrap_or('\'');
                push(out, start, m..m + mark.len_utf8());
                (open, maybe_close, prev) = (None, None, Some(mark));
                at = m + mark.len_utf8();
                continue;
            }
        }
        let Some(c) = text[at..para.end].chars().next() else {
            break;
        };
        let after = at + c.len_utf8();
        let next = text[after..para.end].chars().next();
        match open {
            None => {
                let mark = match c {
                    '\u{201c}' | '\u{201e}' if next.is_some_and(|n| !n.is_whitespace()) => {
                        Some(Mark::CurlyDouble)
                    }
                    // French typography sets guillemets off with spaces.
                    '\u{ab}' => Some(Mark::Guillemet),
                    '"' if next.is_some_and(|n| !n.is_whitespace())
                        && !prev.is_some_and(char::is_alphanumeric) =>
                    {
                        Some(Mark::StraightDouble)
                    }
                    '\u{2018}' if opens_single(prev, text, after) => Some(Mark::CurlySingle),
                    '\'' if opens_single(prev, text, after) => Some(Mark::StraightSingle),
                    _ => None,
                };
                if let Some(mark) = mark {
                    open = Some((mark, at));
                }
            }
            Some((mark, start)) => {
                let closes = match (mark, c) {
                    (Mark::CurlyDouble, '\u{201d}' | '\u{bb}') | (Mark::Guillemet, '\u{bb}') => {
                        true
                    }
                    // Some texts close „ with “, or misuse “ for both marks.
                    (Mark::CurlyDouble, '\u{201c}') => closes_single_like(prev, next),
                    (Mark::StraightDouble, '"') => true,
                    (Mark::CurlySingle, '\u{2019}') | (Mark::StraightSingle, '\'') => {
                        closes_single_like(prev, next)
                    }
                    _ => false,
                };
                let single = matches!(mark, Mark::CurlySingle | Mark::StraightSingle);
                if closes && single && is_plural_possessive(prev, &text[after..para.end]) {
                    maybe_close.get_or_insert(at);
                } else if closes {
                    push(out, start, at..after);
                    (open, maybe_close) = (None, None);
                }
            }
        }
        prev = Some(c);
        at = after;
    }
    match open {
        Some((mark, start)) => {
            push(out, start, para.end..para.end);
            matches!(mark, Mark::CurlySingle | Mark::StraightSingle)
        }
        None => false,
    }
}

/// A closing single mark after an "s" and before a lower-case word may be a
/// plural possessive: "the guards' families".
fn is_plural_possessive(prev: Option<char>, rest: &str) -> bool {
    let mut rest = rest.chars();
    prev.is_some_and(|p| p == 's' || p == 'S')
        && rest.next().is_some_and(char::is_whitespace)
        && rest.next().is_some_and(char::is_lowercase)
}

/// `range` without the white space at its ends.
fn trimmed(text: &str, range: Range<usize>) -> Range<usize> {
    let inner = &text[range.clone()];
    let start = range.start + (inner.len() - inner.trim_start().len());
    let end = range.end - (inner.len() - inner.trim_end().len());
    start..end.max(start)
}

/// A single mark opens a quotation after white space or opening punctuation
/// and before a letter, unless it elides something ('90s, 'n', 'em, 'til).
fn opens_single(prev: Option<char>, text: &str, after: usize) -> bool {
    let before_ok = prev.is_none_or(|p| {
        p.is_whitespace() || matches!(p, '(' | '[' | '\u{2014}' | '\u{2013}' | '"' | '\u{201c}')
    });
    let rest = &text[after..];
    let Some(first) = rest.chars().next() else {
        return false;
    };
    if !before_ok || !first.is_alphabetic() {
        return false;
    }
    let word: String = rest
        .chars()
        .take_while(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    let elision = matches!(
        word.as_str(),
        "n" | "em" | "til" | "tis" | "twas" | "cause" | "bout"
    );
    !elision
}

/// A closing single mark (or a misused opening double) stands after a
/// non-space and before white space, punctuation or the end.
fn closes_single_like(prev: Option<char>, next: Option<char>) -> bool {
    prev.is_some_and(|p| !p.is_whitespace()) && next.is_none_or(|n| !n.is_alphanumeric())
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// Each quotation's words, whether unterminated, and its speaker as written.
    pub(crate) fn quotes(text: &str) -> Vec<(String, bool, Option<String>)> {
        extract_quotes(text, std::slice::from_ref(&(0..text.len())))
            .into_iter()
            .map(|q| {
                (
                    text[q.content].to_string(),
                    q.unterminated,
                    q.speaker.map(|s| text[s].to_string()),
                )
            })
            .collect()
    }

    #[test]
    fn straight_and_curly_double_quotes() {
        let q = quotes("The mayor said \"we will rebuild\" and the chief said “not yet”.");
        assert_eq!(q[0].0, "we will rebuild");
        assert_eq!(q[1].0, "not yet");
        assert_eq!(q.len(), 2);
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        assert!(
            quotes("JNIM's fighters and Jama'a Nusrat ul-Islam in the '90s, rock 'n' roll.")
                .is_empty()
        );
    }

    #[test]
    fn single_quotes_and_nesting() {
        let q = quotes("He said ‘we fought hard’ today.");
        assert_eq!(q[0].0, "we fought hard");
        let q = quotes("She said, “They told us ‘leave now’ and we left.”");
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].0, "They told us ‘leave now’ and we left.");
    }

    #[test]
    fn guillemets_with_or_without_spaces_and_low_high_marks() {
        assert_eq!(
            quotes("Il a dit « nous restons » hier.")[0].0,
            "nous restons"
        );
        assert_eq!(quotes("He said «we stay» today.")[0].0, "we stay");
        assert_eq!(quotes("Er sagte „wir bleiben“ heute.")[0].0, "wir bleiben");
    }

    #[test]
    fn unterminated_quote_stops_at_paragraph_end() {
        let text = "He said “we stayed until dawn.\n\nNext paragraph “closed”.";
        let doc = crate::document::Document::new(text);
        let q = extract_quotes(text, &doc.paragraphs);
        assert_eq!(q.len(), 2);
        assert!(q[0].unterminated);
        assert_eq!(&text[q[0].content.clone()], "we stayed until dawn.");
        assert!(!q[1].unterminated);
    }

    #[test]
    fn no_panic_on_marks_only() {
        for text in [
            "\"",
            "“",
            "'",
            "‘’",
            "\"\"\"",
            "a\"",
            "« »",
            "„x“ y",
            "“a” b. “c” d",
            "é” “x” said",
        ] {
            let _ = quotes(text);
        }
    }

    /// The quotations of `text`, read paragraph by paragraph.
    pub(crate) fn parts(text: &str) -> Vec<QuoteMention> {
        let doc = crate::document::Document::new(text);
        extract_quotes(text, &doc.paragraphs)
    }

    #[test]
    fn a_quotation_over_several_paragraphs_is_one_and_not_unterminated() {
        let text = "Ribas said: “We held the line for a week.\n\n“Then the wind turned and we lost the ridge.”\n\nThe fire kept burning.";
        let q = parts(text);
        assert_eq!(q.len(), 2);
        assert!(!q[0].unterminated && !q[1].unterminated);
        assert_eq!(q[0].continues, None);
        assert_eq!(q[1].continues, Some(0));
        assert_eq!(&text[q[1].speaker_name.clone().unwrap()], "Ribas");
        // a paragraph that does not open with a mark ends the quotation
        let text = "He said “we held the line.\n\nThe fire kept burning “hot”.";
        let q = parts(text);
        assert!(q[0].unterminated);
        assert_eq!(q[1].continues, None);
    }

    #[test]
    fn a_quotation_interrupted_by_its_attribution_is_one() {
        let text = "“We fought,” the colonel said, “until the end.”";
        let q = parts(text);
        assert_eq!(q.len(), 2);
        assert_eq!(q[1].continues, Some(0));
        assert_eq!(&text[q[1].speaker_name.clone().unwrap()], "the colonel");
        let text = "'We fought', he said, 'until the end.'";
        assert_eq!(parts(text)[1].continues, Some(0));
        // two sentences are two quotations
        let text = "“We fought.” He said nothing else. “We lost.”";
        assert_eq!(parts(text)[1].continues, None);
        let text = "“We fought,” he said. “We lost.”";
        assert_eq!(parts(text)[1].continues, None);
        // no speech verb between: two quotations in one sentence
        let text = "It was “vigorous” and “orderly”, officials insisted.";
        assert_eq!(parts(text)[1].continues, None);
        // a first part that does not break off at a comma is whole
        let text = "Ana said “every bed was taken” while Jon said “the river rose”.";
        assert_eq!(parts(text)[1].continues, None);
        // British style: the comma outside the marks
        let text = "‘We fought’, the colonel said, ‘until the end.’";
        assert_eq!(parts(text)[1].continues, Some(0));
    }
}
