//! Whether a quotation is a verbatim part of a canonical quotation, close to
//! one (a misquote), or unknown.
//!
//! Comparison is on words, after the normalisation editors accept: case,
//! typographic apostrophes, punctuation, white space, an ellipsis for
//! omitted words (each fragment must be verbatim, in order) and words in
//! square brackets (inserted clarifications, ignored).

use similar::{Algorithm, DiffOp, capture_diff_slices};

use crate::facts::FactSheet;
use crate::words::{stem, words};

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
        let mut fragments = Vec::new();
        for content in parts {
            Self::push_fragments(content, &mut fragments);
        }
        QuoteWords { fragments }
    }

    fn push_fragments(content: &str, fragments: &mut Vec<Vec<String>>) {
        let cleaned = strip_brackets(content);
        for piece in cleaned.split(['…']).flat_map(|p| p.split("...")) {
            let ws: Vec<String> = words(piece, 0..piece.len())
                .into_iter()
                .map(|w| piece[w.span].to_lowercase().replace('\u{2019}', "'"))
                .collect();
            if !ws.is_empty() {
                fragments.push(ws);
            }
        }
    }

    pub fn len(&self) -> usize {
        self.fragments.iter().map(Vec::len).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn all(&self) -> Vec<&str> {
        self.fragments
            .iter()
            .flatten()
            .map(String::as_str)
            .collect()
    }
}

/// Removes `[inserted words]`; an unclosed bracket is kept as text.
fn strip_brackets(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        let Some(close) = rest[open..].find(']') else {
            break;
        };
        out.push_str(&rest[..open]);
        out.push(' ');
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    out
}

/// The canonical quotations of a fact sheet, folded once.
#[derive(Debug)]
pub struct CanonicalQuotes {
    quotes: Vec<(Canonical, Vec<String>)>,
}

impl CanonicalQuotes {
    pub fn new(sheet: &FactSheet) -> Self {
        let quotes = sheet
            .facts
            .iter()
            .enumerate()
            .flat_map(|(f, fact)| {
                fact.quotes.iter().enumerate().map(move |(q, quote)| {
                    let words = QuoteWords::new(&fact.text[quote.content.clone()]);
                    (
                        Canonical { fact: f, quote: q },
                        words.all().into_iter().map(str::to_string).collect(),
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
            .find(|(_, words)| is_verbatim(quote, words))
        {
            return QuoteMatch::Verbatim(*c);
        }
        let mine = quote.all();
        let mine_stems: Vec<String> = mine.iter().map(|w| stem(w).into_owned()).collect();
        let mut best: Option<(usize, Canonical, Vec<String>)> = None;
        for (c, words) in &self.quotes {
            // Too long to be this quotation, however it aligns (and Myers'
            // diff would cost the product of the lengths).
            if mine.len() as f32 * CLOSE_SHARE > words.len() as f32 + 1.0 {
                continue;
            }
            let theirs: Vec<String> = words.iter().map(|w| stem(w).into_owned()).collect();
            let Some((matched, window)) = aligned(&mine_stems, &theirs) else {
                continue;
            };
            let needed = if mine.len() <= 2 {
                mine.len()
            } else {
                ((mine.len() as f32 * CLOSE_SHARE).ceil() as usize).max(2)
            };
            if matched < needed || (mine.len() <= 2 && !linked(c.fact)) {
                continue;
            }
            if best.as_ref().is_none_or(|(m, _, _)| matched > *m) {
                let theirs_words: Vec<&str> = words[window].iter().map(String::as_str).collect();
                best = Some((matched, *c, changes(&mine, &theirs_words)));
            }
        }
        match best {
            Some((_, canonical, changes)) => QuoteMatch::Close { canonical, changes },
            None => QuoteMatch::Unknown,
        }
    }
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

/// How many of `mine` align with `theirs` (by longest common subsequence),
/// and the window of `theirs` they fall in, when that window is compact.
fn aligned(mine: &[String], theirs: &[String]) -> Option<(usize, std::ops::Range<usize>)> {
    let ops = capture_diff_slices(Algorithm::Myers, mine, theirs);
    let mut matched = 0;
    let mut window: Option<std::ops::Range<usize>> = None;
    for op in ops {
        if let DiffOp::Equal { new_index, len, .. } = op {
            matched += len;
            let w = window.get_or_insert(new_index..new_index + len);
            w.end = new_index + len;
        }
    }
    let window = window?;
    (window.len() <= 2 * mine.len() + 2).then_some((matched, window))
}

/// Word-level differences, as an editor reads them.
fn changes(mine: &[&str], theirs: &[&str]) -> Vec<String> {
    let quote = |ws: &[&str]| format!("“{}”", ws.join(" "));
    capture_diff_slices(Algorithm::Myers, theirs, mine)
        .into_iter()
        .filter_map(|op| match op {
            DiffOp::Equal { .. } => None,
            DiffOp::Delete {
                old_index, old_len, ..
            } => Some(format!(
                "dropped {}",
                quote(&theirs[old_index..old_index + old_len])
            )),
            DiffOp::Insert {
                new_index, new_len, ..
            } => Some(format!(
                "added {}",
                quote(&mine[new_index..new_index + new_len])
            )),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => Some(format!(
                "{} → {}",
                quote(&theirs[old_index..old_index + old_len]),
                quote(&mine[new_index..new_index + new_len])
            )),
        })
        .collect()
}

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
    fn fragments_out_of_order_are_not_verbatim() {
        assert!(!matches!(
            compare("to defend the nation ... many men fought"),
            QuoteMatch::Verbatim(_)
        ));
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
