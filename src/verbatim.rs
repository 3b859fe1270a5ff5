//! Whether a quotation is a verbatim part of a canonical quotation, close to
//! one (a misquote), or unknown.
//!
//! Comparison is on words, after the normalisation editors accept: case,
//! typographic apostrophes, punctuation, white space, an ellipsis for
//! omitted words (each fragment must be verbatim, in order) and words in
//! square brackets (inserted clarifications, ignored).

use similar::{Algorithm, DiffOp, capture_diff_slices};

use crate::facts::FactSheet;
use crate::words::{is_stop_word, stem, words};

/// A quotation of at least this many words that matches nothing is reported
/// as unverified; shorter ones are scare quotes.
pub const UNVERIFIED_MIN_WORDS: usize = 4;
/// A quotation of three or more words is close to a canonical one when this
/// share of its words (by stem) appear there, in order and near together.
const CLOSE_SHARE: f32 = 0.6;

/// One canonical quotation: a quote of a fact.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Canonical {
    pub fact: usize,
    pub quote: usize,
}

/// How a quotation compares with the canonical ones.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QuoteMatch {
    /// A verbatim part of a canonical quotation.
    Verbatim(Canonical),
    /// Close to a canonical quotation but not verbatim; `changes` lists the
    /// word-level differences ("“withdrawing” → “withdraw”").
    Close {
        canonical: Canonical,
        changes: Vec<String>,
    },
    /// Like no canonical quotation.
    Unknown,
}

/// A quotation's words, as written and folded for comparison.
#[derive(Debug)]
pub struct QuoteWords {
    /// Lowercase words, apostrophes straightened; one list per fragment
    /// (fragments are separated by an ellipsis).
    pub fragments: Vec<Vec<String>>,
    /// The same words as written, for messages.
    written: Vec<Vec<String>>,
}

impl QuoteWords {
    pub fn new(content: &str) -> Self {
        Self::of_parts([content])
    }

    /// The words of a quotation from [`crate::extract::quote::quotations`].
    pub fn of_quotation(text: &str, parts: &[crate::extract::quote::QuoteMention]) -> Self {
        Self::of_parts(parts.iter().map(|q| &text[q.content.clone()]))
    }

    /// The words of a quotation written in parts (interrupted by its
    /// attribution, or over paragraphs): each part, and each piece of a
    /// part around an ellipsis, is a fragment that must be verbatim, in order.
    pub fn of_parts<'t>(parts: impl IntoIterator<Item = &'t str>) -> Self {
        let mut words = QuoteWords {
            fragments: Vec::new(),
            written: Vec::new(),
        };
        for content in parts {
            words.push_fragments(content);
        }
        words
    }

    fn push_fragments(&mut self, content: &str) {
        let cleaned = strip_brackets(content).replace(". . .", "…");
        for piece in cleaned.split(['…']).flat_map(|p| p.split("...")) {
            let written: Vec<String> = numbers_joined(piece, words(piece, 0..piece.len()))
                .into_iter()
                .map(|span| piece[span].to_string())
                .collect();
            if !written.is_empty() {
                self.fragments.push(
                    written
                        .iter()
                        .map(|w| w.to_lowercase().replace('\u{2019}', "'"))
                        .collect(),
                );
                self.written.push(written);
            }
        }
    }

    /// Whether these words are a verbatim part of `passage`.
    pub fn is_part_of(&self, passage: &str) -> bool {
        is_verbatim(self, &Passage::new(passage).folded)
    }

    /// Whether these words are a verbatim part of a passage [`fold`]ed once.
    pub fn is_part_of_folded(&self, folded: &[String]) -> bool {
        is_verbatim(self, folded)
    }

    pub fn len(&self) -> usize {
        self.fragments.iter().map(Vec::len).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Word spans with the digit groups of one number joined ("20,000", "2.5"),
/// so a changed number reads as one word.
fn numbers_joined(text: &str, words: Vec<crate::words::Word>) -> Vec<std::ops::Range<usize>> {
    let mut out: Vec<std::ops::Range<usize>> = Vec::with_capacity(words.len());
    let digits = |r: &std::ops::Range<usize>| text[r.clone()].bytes().all(|b| b.is_ascii_digit());
    for w in words {
        if let Some(last) = out.last_mut() {
            let gap = &text[last.end..w.span.start];
            if (gap == "," || gap == ".") && digits(last) && digits(&w.span) {
                last.end = w.span.end;
                continue;
            }
        }
        out.push(w.span);
    }
    out
}

/// Replaces `[inserted words]` with an ellipsis: they may stand for words
/// of the speaker's that are left out. An unclosed bracket is kept as text.
fn strip_brackets(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        let Some(close) = rest[open..].find(']') else {
            break;
        };
        out.push_str(&rest[..open]);
        // the words it stands for are left out, as at an ellipsis
        out.push('…');
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    out
}

/// A passage's words as quotations are compared with them: lowercase,
/// apostrophes straightened, bracketed insertions left out.
pub fn fold(passage: &str) -> Vec<String> {
    Passage::new(passage).folded
}

/// A canonical quotation's words in the three forms comparison needs.
#[derive(Debug)]
struct Passage {
    written: Vec<String>,
    folded: Vec<String>,
    stems: Vec<String>,
}

impl Passage {
    fn new(content: &str) -> Self {
        let words = QuoteWords::new(content);
        let folded: Vec<String> = words.fragments.into_iter().flatten().collect();
        Passage {
            stems: folded.iter().map(|w| stem(w).into_owned()).collect(),
            written: words.written.into_iter().flatten().collect(),
            folded,
        }
    }
}

/// The canonical quotations of a fact sheet, folded once.
#[derive(Debug)]
pub struct CanonicalQuotes {
    quotes: Vec<(Canonical, Passage)>,
}

impl CanonicalQuotes {
    pub fn new(sheet: &FactSheet) -> Self {
        let quotes = sheet
            .facts
            .iter()
            .enumerate()
            .flat_map(|(f, fact)| {
                fact.quotes.iter().enumerate().map(move |(q, quote)| {
                    (
                        Canonical { fact: f, quote: q },
                        Passage::new(&fact.text[quote.content.clone()]),
                    )
                })
            })
            .collect();
        CanonicalQuotes { quotes }
    }

    pub fn is_empty(&self) -> bool {
        self.quotes.is_empty()
    }

    /// Compares a quotation with every canonical one. `linked` says whether
    /// the quotation's sentence links to a fact: a one- or two-word quotation
    /// is only called a misquote near the fact it would misquote.
    pub fn compare(&self, quote: &QuoteWords, mut linked: impl FnMut(usize) -> bool) -> QuoteMatch {
        if quote.is_empty() {
            return QuoteMatch::Unknown;
        }
        if let Some((c, _)) = self
            .quotes
            .iter()
            .find(|(_, passage)| is_verbatim(quote, &passage.folded))
        {
            return QuoteMatch::Verbatim(*c);
        }
        // Every part verbatim, but in another order than the speaker's.
        if quote.fragments.len() > 1 && quote.len() >= UNVERIFIED_MIN_WORDS {
            if let Some((c, _)) = self.quotes.iter().find(|(_, passage)| {
                quote
                    .fragments
                    .iter()
                    .all(|f| contains_run(&passage.folded, f))
            }) {
                return QuoteMatch::Close {
                    canonical: *c,
                    changes: vec![REORDERED.to_string()],
                };
            }
        }
        let fragment_stems: Vec<Vec<String>> = quote
            .fragments
            .iter()
            .map(|f| f.iter().map(|w| stem(w).into_owned()).collect())
            .collect();
        let mine_stems: Vec<&String> = fragment_stems.iter().flatten().collect();
        let mut best: Option<(usize, Canonical, &Passage)> = None;
        for (c, passage) in &self.quotes {
            // Too long to be this quotation, however it aligns (and Myers'
            // diff would cost the product of the lengths).
            if mine_stems.len() as f32 * CLOSE_SHARE > passage.stems.len() as f32 + 1.0 {
                continue;
            }
            // Each fragment where it fits best: a reordered quotation is
            // close too.
            let matched: usize = fragment_stems
                .iter()
                .filter_map(|f| Alignment::of(f, &passage.stems))
                .filter(|a| a.compact(a.quoted_len))
                .map(|a| a.matched)
                .sum();
            // A one- or two-word quotation near its fact is close when it
            // shares a word that means something ("worked overnight" for
            // "worked through the night").
            let short = mine_stems.len() <= 2;
            let needed = if short {
                1
            } else {
                ((mine_stems.len() as f32 * CLOSE_SHARE).ceil() as usize).max(2)
            };
            if matched < needed
                || (short
                    && !(mine_stems
                        .iter()
                        .any(|s| !is_stop_word(s) && passage.stems.contains(*s))
                        && linked(c.fact)))
            {
                continue;
            }
            if best.as_ref().is_none_or(|(m, _, _)| matched > *m) {
                best = Some((matched, *c, passage));
            }
        }
        match best {
            Some((_, canonical, passage)) => QuoteMatch::Close {
                canonical,
                changes: changes(quote, passage),
            },
            None => QuoteMatch::Unknown,
        }
    }
}

/// Whether `run` appears as consecutive words of `words`.
fn contains_run(words: &[String], run: &[String]) -> bool {
    !run.is_empty() && words.windows(run.len()).any(|w| w == run)
}

/// Every fragment appears as consecutive words of `canonical`, in order.
fn is_verbatim(quote: &QuoteWords, canonical: &[String]) -> bool {
    if quote.len() > canonical.len() {
        return false;
    }
    let mut from = 0;
    for fragment in &quote.fragments {
        let found = (from..=canonical.len().saturating_sub(fragment.len())).find(|&i| {
            canonical
                .get(i..i + fragment.len())
                .is_some_and(|w| w == fragment.as_slice())
        });
        match found {
            Some(i) => from = i + fragment.len(),
            None => return false,
        }
    }
    true
}

/// How a run of quoted words lines up with a canonical passage (by longest
/// common subsequence of stems).
#[derive(Debug)]
struct Alignment {
    /// How many words the quoted run has.
    quoted_len: usize,
    /// How many quoted words have their match.
    matched: usize,
    /// The first matched pair, `(quoted, canonical)` indices.
    first: (usize, usize),
    /// Just past the last matched pair.
    end: (usize, usize),
}

impl Alignment {
    fn of(mine: &[String], theirs: &[String]) -> Option<Self> {
        let mut alignment: Option<Alignment> = None;
        for op in capture_diff_slices(Algorithm::Myers, mine, theirs) {
            if let DiffOp::Equal {
                old_index,
                new_index,
                len,
            } = op
            {
                let a = alignment.get_or_insert(Alignment {
                    quoted_len: mine.len(),
                    matched: 0,
                    first: (old_index, new_index),
                    end: (old_index, new_index),
                });
                a.matched += len;
                a.end = (old_index + len, new_index + len);
            }
        }
        alignment
    }

    /// The matches fall in a stretch of the passage not much longer than
    /// the quotation: scattered common words are no misquote.
    fn compact(&self, quoted_len: usize) -> bool {
        self.end.1 - self.first.1 <= 2 * quoted_len + 2
    }

    /// The stretch of the passage the quoted words stand for: the matched
    /// stretch, widened over the passage words that unmatched quoted words
    /// at either end replace. When the passage has little more than that
    /// beyond the stretch, all of it is taken ("worked overnight" stands
    /// for "worked through the night").
    fn window(&self, quoted_len: usize, passage: std::ops::Range<usize>) -> std::ops::Range<usize> {
        let widen = |unmatched: usize, room: usize| match unmatched {
            0 => 0,
            k if room <= 2 * k + 1 => room,
            k => k.min(room),
        };
        let before = widen(self.first.0, self.first.1 - passage.start);
        let after = widen(quoted_len - self.end.0, passage.end - self.end.1);
        self.first.1 - before..self.end.1 + after
    }
}

/// The correction of a misquote written in one piece (no ellipsis, no
/// brackets): the byte range from the first to the last quoted word of
/// `content`, and the words of `passage` it stands for, as the speaker said
/// them. The writer's punctuation around the words, and a capital opening
/// the quotation, are kept. `None` when the words cannot be lined up
/// safely.
pub fn correction(content: &str, passage: &str) -> Option<(std::ops::Range<usize>, String)> {
    let pieced = |t: &str| t.contains(['…', '[', ']']) || t.contains("...") || t.contains(". . .");
    if pieced(content) || pieced(passage) {
        return None;
    }
    let quoted = numbers_joined(content, words(content, 0..content.len()));
    let theirs = numbers_joined(passage, words(passage, 0..passage.len()));
    let stems = |text: &str, spans: &[std::ops::Range<usize>]| -> Vec<String> {
        spans
            .iter()
            .map(|s| stem(&text[s.clone()].to_lowercase().replace('\u{2019}', "'")).into_owned())
            .collect()
    };
    let alignment = Alignment::of(&stems(content, &quoted), &stems(passage, &theirs))?;
    if !alignment.compact(quoted.len()) {
        return None;
    }
    let window = alignment.window(quoted.len(), 0..theirs.len());
    let (first, last) = (
        theirs.get(window.start)?,
        theirs.get(window.end.checked_sub(1)?)?,
    );
    let mut replacement = passage[first.start..last.end].to_string();
    let opens_with_capital = content[quoted.first()?.clone()].starts_with(char::is_uppercase);
    if opens_with_capital && replacement.starts_with(char::is_lowercase) {
        let mut chars = replacement.chars();
        replacement = chars
            .next()
            .map(|c| c.to_uppercase().chain(chars).collect())
            .unwrap_or_default();
    }
    Some((quoted.first()?.start..quoted.last()?.end, replacement))
}

/// Word-level differences between a quotation and the passage it misquotes,
/// as an editor reads them: fragment by fragment (words left out at an
/// ellipsis are no change), in the words as written.
fn changes(quote: &QuoteWords, passage: &Passage) -> Vec<String> {
    let quoted = |ws: &[String]| format!("“{}”", ws.join(" "));
    let mut out: Vec<String> = Vec::new();
    let mut from = 0;
    let mut reordered = false;
    for (folded, written) in quote.fragments.iter().zip(&quote.written) {
        // A verbatim part changes nothing, wherever it stands.
        if let Some(at) = passage
            .folded
            .windows(folded.len())
            .position(|w| w == folded.as_slice())
        {
            reordered |= at < from;
            from = at + folded.len();
            continue;
        }
        let stems: Vec<String> = folded.iter().map(|w| stem(w).into_owned()).collect();
        let Some(alignment) = Alignment::of(&stems, &passage.stems) else {
            out.push(format!("added {}", quoted(written)));
            continue;
        };
        let window = alignment.window(folded.len(), 0..passage.stems.len());
        reordered |= window.start < from;
        from = window.end;
        let theirs = &passage.folded[window.clone()];
        let shown = &passage.written[window];
        for op in capture_diff_slices(Algorithm::Myers, theirs, folded) {
            let change = match op {
                DiffOp::Equal { .. } => continue,
                DiffOp::Delete {
                    old_index, old_len, ..
                } => format!("dropped {}", quoted(&shown[old_index..old_index + old_len])),
                DiffOp::Insert {
                    new_index, new_len, ..
                } => format!("added {}", quoted(&written[new_index..new_index + new_len])),
                DiffOp::Replace {
                    old_index,
                    old_len,
                    new_index,
                    new_len,
                } => format!(
                    "{} → {}",
                    quoted(&shown[old_index..old_index + old_len]),
                    quoted(&written[new_index..new_index + new_len])
                ),
            };
            if !out.contains(&change) {
                out.push(change);
            }
        }
    }
    if reordered {
        out.push(REORDERED.to_string());
    }
    out
}

/// The change that says a quotation's parts are out of order.
pub const REORDERED: &str = "the parts are not in the speaker's order";

#[cfg(test)]
mod tests {
    use super::*;

    fn sheet() -> FactSheet {
        FactSheet::parse(
            "facts.toml",
            r#"
[[fact]]
id = "army"
text = 'The army said it "reacted vigorously" before "withdrawing", and "many men fought, some until their last breath, to defend the nation."'
[[fact]]
id = "camp"
text = 'A source said the fighters "cleared the camp".'
"#,
        )
        .expect("valid sheet")
    }

    fn corrected(content: &str, passage: &str) -> Option<String> {
        correction(content, passage).map(|(range, words)| {
            format!(
                "{}{words}{}",
                &content[..range.start],
                &content[range.end..]
            )
        })
    }

    #[test]
    fn a_misquote_is_corrected_to_the_speakers_words() {
        assert_eq!(
            corrected("withdraw", "withdrawing").as_deref(),
            Some("withdrawing")
        );
        assert_eq!(
            corrected(
                "Many men fought to their last breath,",
                "many men fought, some until their last breath, to defend the nation."
            )
            .as_deref(),
            Some("Many men fought, some until their last breath,")
        );
        assert_eq!(
            corrected("clear the camp", "cleared the camp").as_deref(),
            Some("cleared the camp")
        );
        // the result is verbatim: a second correction changes nothing
        let once = corrected("clear the camp", "cleared the camp").unwrap();
        assert!(QuoteWords::new(&once).is_part_of("cleared the camp"));
    }

    #[test]
    fn pieced_quotations_are_not_corrected() {
        assert_eq!(corrected("clear … camp", "cleared the camp"), None);
        assert_eq!(corrected("clear [the] camp", "cleared the camp"), None);
        assert_eq!(corrected("clear the camp", "cleared ... the camp"), None);
    }

    fn compare(quote: &str) -> QuoteMatch {
        CanonicalQuotes::new(&sheet()).compare(&QuoteWords::new(quote), |_| true)
    }

    #[test]
    fn verbatim_fragments_case_and_punctuation() {
        assert!(matches!(
            compare("reacted vigorously"),
            QuoteMatch::Verbatim(_)
        ));
        assert!(matches!(compare("Vigorously,"), QuoteMatch::Verbatim(_)));
        assert!(matches!(
            compare("Many men fought, some until their last breath"),
            QuoteMatch::Verbatim(_)
        ));
        assert!(matches!(
            compare("many men fought … to defend the nation."),
            QuoteMatch::Verbatim(_)
        ));
        assert!(matches!(
            compare("some until their last breath, to defend the [Malian] nation"),
            QuoteMatch::Verbatim(_)
        ));
        assert!(matches!(compare("cleared"), QuoteMatch::Verbatim(_)));
    }

    #[test]
    fn fragments_out_of_order_are_close() {
        match compare("to defend the nation ... many men fought") {
            QuoteMatch::Close { canonical, changes } => {
                assert_eq!(canonical.fact, 0);
                assert_eq!(changes, ["the parts are not in the speaker's order"]);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn spaced_dots_are_an_ellipsis() {
        assert!(matches!(
            compare("many men fought . . . to defend the nation"),
            QuoteMatch::Verbatim(_)
        ));
    }

    #[test]
    fn a_short_quotation_near_its_fact_is_close_by_one_meaningful_word() {
        let quotes = CanonicalQuotes::new(&sheet());
        assert!(matches!(
            quotes.compare(&QuoteWords::new("cleared out"), |_| true),
            QuoteMatch::Close { .. }
        ));
        // a shared function word is not enough, and neither is a word far
        // from its fact
        assert_eq!(
            quotes.compare(&QuoteWords::new("the plan"), |_| true),
            QuoteMatch::Unknown
        );
        assert_eq!(
            quotes.compare(&QuoteWords::new("cleared out"), |_| false),
            QuoteMatch::Unknown
        );
    }

    #[test]
    fn changed_inflection_is_close() {
        match compare("withdraw") {
            QuoteMatch::Close { canonical, changes } => {
                assert_eq!(canonical.fact, 0);
                assert_eq!(changes, ["“withdrawing” → “withdraw”"]);
            }
            other => panic!("{other:?}"),
        }
        match compare("clear the camp") {
            QuoteMatch::Close { canonical, changes } => {
                assert_eq!(canonical.fact, 1);
                assert_eq!(changes, ["“cleared” → “clear”"]);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn dropped_and_added_words_are_close() {
        match compare("many men fought, some until their breath") {
            QuoteMatch::Close { changes, .. } => assert_eq!(changes, ["dropped “last”"]),
            other => panic!("{other:?}"),
        }
        match compare("many brave men fought") {
            QuoteMatch::Close { changes, .. } => assert_eq!(changes, ["added “brave”"]),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn unrelated_quotes_are_unknown() {
        assert_eq!(
            compare("we will never surrender to anyone"),
            QuoteMatch::Unknown
        );
        let quotes = CanonicalQuotes::new(&sheet());
        // A short quote far from its fact is a scare quote, not a misquote.
        assert_eq!(
            quotes.compare(&QuoteWords::new("withdraw"), |_| false),
            QuoteMatch::Unknown
        );
    }
}
