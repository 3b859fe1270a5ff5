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
    for para in paragraphs {
        let start = out.len();
        scan_paragraph(text, para.clone(), &mut out);
        if let Some(prev) = running.take() {
            let opens_paragraph = out
                .get(start)
                .is_some_and(|q| text[para.start..q.span.start].trim().is_empty());
            if opens_paragraph {
                out[prev].unterminated = false;
                out[start].continues = Some(out[prev].continues.unwrap_or(prev));
            }
        }
        for k in start..out.len() {
            out[k].speaker = find_speaker(text, para.clone(), out[k].span.clone());
            if k > start && interrupted(text, &out[k - 1], &out[k]) {
                out[k].continues = Some(out[k - 1].continues.unwrap_or(k - 1));
            }
        }
        name_speakers(text, &mut out, start);
        running = out[start..]
            .last()
            .filter(|q| q.unterminated && q.span.end == para.end)
            .map(|_| out.len() - 1);
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

/// Fills `speaker_name` for the quotations from `start` on (one
/// paragraph): a continuation speaks with its first part's voice, a name is
/// its own, and a pronoun stands for the only speaker named before it in
/// the paragraph.
fn name_speakers(text: &str, out: &mut [QuoteMention], start: usize) {
    const PRONOUNS: &[&str] = &["he", "she", "it", "they"];
    let is_pronoun = |r: &Range<usize>| {
        PRONOUNS
            .iter()
            .any(|p| p.eq_ignore_ascii_case(&text[r.clone()]))
    };
    // The last name seen in the paragraph, and whether another was seen
    // before it: kept as we go, so the pass stays linear.
    let mut last_named: Option<Range<usize>> = None;
    let mut ambiguous = false;
    for k in start..out.len() {
        let name = match out[k].speaker.clone() {
            Some(r) if !is_pronoun(&r) => {
                if let Some(prev) = &last_named {
                    ambiguous |= !text[prev.clone()].eq_ignore_ascii_case(&text[r.clone()]);
                }
                last_named = Some(r.clone());
                Some(r)
            }
            own => out[k]
                .continues
                .and_then(|first| out[first].speaker_name.clone())
                .or_else(|| own.and(last_named.clone()).filter(|_| !ambiguous)),
        };
        out[k].speaker_name = name;
    }
}

fn scan_paragraph(text: &str, para: Range<usize>, out: &mut Vec<QuoteMention>) {
    let mut open: Option<(Mark, usize)> = None;
    let mut prev: Option<char> = None;
    let mut chars = text[para.clone()].char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let at = para.start + i;
        let next = chars.peek().map(|&(_, n)| n);
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
                    '\u{2018}' if opens_single(prev, text, at + c.len_utf8()) => {
                        Some(Mark::CurlySingle)
                    }
                    '\'' if opens_single(prev, text, at + 1) => Some(Mark::StraightSingle),
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
                if closes {
                    let open_len = text[start..].chars().next().map_or(1, char::len_utf8);
                    out.push(QuoteMention {
                        span: start..at + c.len_utf8(),
                        content: trimmed(text, start + open_len..at),
                        unterminated: false,
                        speaker: None,
                        speaker_name: None,
                        continues: None,
                    });
                    open = None;
                }
            }
        }
        prev = Some(c);
    }
    if let Some((mark, start)) = open {
        // A lone single mark at the end is far more likely an apostrophe
        // ("the soldiers' camp") than a quotation that never ends.
        if matches!(
            mark,
            Mark::CurlyDouble | Mark::Guillemet | Mark::StraightDouble
        ) {
            let open_len = text[start..].chars().next().map_or(1, char::len_utf8);
            out.push(QuoteMention {
                span: start..para.end,
                content: trimmed(text, start + open_len..para.end),
                unterminated: true,
                speaker: None,
                speaker_name: None,
                continues: None,
            });
        }
    }
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

/// Verbs and phrases that attribute a quotation.
const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "added",
    "adds",
    "stated",
    "states",
    "stating",
    "saying",
    "declared",
    "declaring",
    "wrote",
    "writes",
    "explained",
    "noted",
    "warned",
    "claimed",
    "claiming",
    "insisted",
    "acknowledged",
    "announced",
    "asserted",
    "asserting",
    "argued",
    "recalled",
    "replied",
    "remarked",
    "commented",
    "confirmed",
    "described",
    "asked",
    "asks",
    "answered",
    "responded",
    "shouted",
    "cried",
    "urged",
    "pleaded",
    "admitted",
    "conceded",
    "promised",
    "vowed",
    "pledged",
    "predicted",
    "tweeted",
    "posted",
    "adding",
    "noting",
    "warning",
];

/// How far from a quotation its speaker may be named, in bytes: keeps the
/// search constant-time however long the paragraph.
const SPEAKER_REACH: usize = 300;

/// Finds the speaker near a quotation: "X said" or "said X" just after it, or
/// "X said (that)" / "according to X" just before it, within its sentence.
fn find_speaker(text: &str, para: Range<usize>, quote: Range<usize>) -> Option<Range<usize>> {
    let reach_end = floor_char_boundary(text, (quote.end + SPEAKER_REACH).min(para.end));
    let reach_start = ceil_char_boundary(
        text,
        quote.start.saturating_sub(SPEAKER_REACH).max(para.start),
    );
    // After the quote: `"…," the army said` or `"…," said Ribas`.
    // up to the sentence's end; the full stop of a title ("Dr.") is not one
    let after_end = text[quote.end..reach_end]
        .match_indices(['.', '!', '?', '"', '\u{201c}', '\u{201d}', ';'])
        .find(|&(i, mark)| {
            let before = &text[quote.end..quote.end + i];
            let word = before
                .rsplit(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("");
            !(mark == "." && is_title(word))
        })
        .map_or(reach_end, |(i, _)| quote.end + i);
    let after = words(text, quote.end..after_end);
    // `"…," X said` needs the quotation to end its clause: in `"every bed
    // was taken" while X said`, X is the speaker of what follows.
    let ends_clause = text[..quote.end]
        .trim_end_matches(|c: char| is_closing_mark(c))
        .ends_with([',', '.', '!', '?', '…', '-', '\u{2014}', '\u{2013}'])
        || text[quote.end..]
            .trim_start()
            .starts_with([',', '\u{2014}', '\u{2013}'])
        || text[para.start..quote.start]
            .trim_end()
            .ends_with(['.', '!', '?'])
        || text[para.start..quote.start].trim().is_empty();
    let verb_after = after
        .iter()
        .take(6)
        .position(|w| is_speech_verb(&text[w.clone()]))
        .filter(|_| ends_clause);
    if let Some(v) = verb_after {
        if v > 0 {
            return Some(after[0].start..after[v - 1].end);
        }
        if let Some(name) = name_after(text, &after[v + 1..]) {
            return Some(name);
        }
    }
    // Before the quote, in the same sentence: `Ribas said: "…"`, `according to Ribas, "…"`.
    let sentence_start = text[reach_start..quote.start]
        .char_indices()
        .rfind(|&(_, c)| matches!(c, '.' | '!' | '?' | '\u{201d}'))
        .map_or(reach_start, |(i, c)| reach_start + i + c.len_utf8());
    let before = words(text, sentence_start..quote.start);
    for (k, w) in before.iter().enumerate().rev().take(12) {
        let word = &text[w.clone()];
        if word.eq_ignore_ascii_case("to")
            && k > 0
            && text[before[k - 1].clone()].eq_ignore_ascii_case("according")
        {
            return name_after(text, &before[k + 1..]);
        }
        if is_speech_verb(word) {
            // "The army thanked its engineers, stating that …": the
            // participle's subject opens the sentence.
            let after_comma = text[before
                .get(k.wrapping_sub(1))
                .map_or(sentence_start, |p| p.end)..w.start]
                .contains(',');
            if after_comma && word.ends_with("ing") {
                return sentence_subject(text, &before[..k]);
            }
            return subject_before(text, &before[..k], w.start);
        }
    }
    None
}

fn is_closing_mark(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '\u{201d}' | '\u{2019}' | '\u{bb}' | '\u{201c}'
    ) || c.is_whitespace()
}

/// The noun phrase that opens a sentence, up to its verb: "The army" in
/// "The army thanked its engineers on Tuesday, stating …". An opening
/// phrase set off by a comma ("On Tuesday, the army …") is skipped; a verb is
/// a word ending in "-ed", a speech verb or a common irregular past.
fn sentence_subject(text: &str, words: &[Range<usize>]) -> Option<Range<usize>> {
    const VERBS: &[&str] = &[
        "is", "was", "were", "are", "has", "had", "have", "paid", "gave", "made", "put", "sent",
        "held", "took", "met", "spoke", "led", "issued", "released", "thanked", "praised",
    ];
    const OPENERS: &[&str] = &[
        "in", "on", "after", "at", "during", "before", "late", "early",
    ];
    let opens_with_phrase = words.first().is_some_and(|w| {
        OPENERS
            .iter()
            .any(|o| o.eq_ignore_ascii_case(&text[w.clone()]))
    });
    let comma = words
        .windows(2)
        .take(6)
        .position(|p| text[p[0].end..p[1].start].contains(','));
    let words = match comma {
        Some(k) if opens_with_phrase => &words[k + 1..],
        _ => words,
    };
    let verb = words.iter().enumerate().take(6).position(|(k, w)| {
        let word = &text[w.clone()];
        // inside the phrase, a capital starts a name ("the Malian Armed Forces")
        let in_name = k > 0 && word.starts_with(char::is_uppercase);
        (word.len() > 3 && word.ends_with("ed") && !in_name)
            || is_speech_verb(word)
            || VERBS.iter().any(|v| v.eq_ignore_ascii_case(word))
    })?;
    if verb == 0 || text[words[0].end..words[verb - 1].end].contains([',', ';', ':']) {
        return None;
    }
    Some(words[0].start..words[verb - 1].end)
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_char_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

fn is_speech_verb(word: &str) -> bool {
    SPEECH_VERBS.iter().any(|v| v.eq_ignore_ascii_case(word))
}

/// The noun phrase right before a verb: up to five words, back to
/// punctuation or a clause word. A verb after a comma ("…, stating that")
/// has its subject elsewhere in the sentence, so it names nobody here.
fn subject_before(text: &str, words: &[Range<usize>], verb_start: usize) -> Option<Range<usize>> {
    // "The mine owner, Tomas Berg, said": the apposition between two commas.
    if let Some(last) = words.last() {
        if text[last.end..verb_start].trim() == "," {
            for (k, w) in words.iter().enumerate().rev().take(4) {
                let gap = &text[words.get(k.wrapping_sub(1)).map_or(w.start, |p| p.end)..w.start];
                if k > 0 && gap.trim() == "," {
                    // with the noun phrase it names, when there is one
                    let head = plain_subject(text, &words[..k], words[k - 1].end);
                    return Some(head.map_or(w.start, |h| h.start)..last.end);
                }
                if k == 0 || !gap.trim().is_empty() {
                    break;
                }
            }
            return None;
        }
    }
    plain_subject(text, words, verb_start)
}

/// The noun phrase right before `end`, back to punctuation or a clause word.
fn plain_subject(text: &str, words: &[Range<usize>], verb_start: usize) -> Option<Range<usize>> {
    const STOP: &[&str] = &[
        "that",
        "and",
        "but",
        "which",
        "who",
        "when",
        "while",
        "after",
        "before",
        "as",
        "in",
        "on",
        "with",
        "statement",
        "a",
        "an",
        "by",
        "to",
        "had",
        "has",
        "have",
        "also",
    ];
    const PRONOUNS: &[&str] = &["it", "they", "he", "she", "we", "i"];
    let mut span: Option<Range<usize>> = None;
    let mut next_start = verb_start;
    for w in words.iter().rev().take(5) {
        let word = &text[w.clone()];
        if text[w.end..next_start].contains([',', ';', ':', '(', ')']) {
            break;
        }
        if PRONOUNS.iter().any(|p| p.eq_ignore_ascii_case(word)) {
            return span.is_none().then(|| w.clone());
        }
        if STOP.iter().any(|s| s.eq_ignore_ascii_case(word)) {
            break;
        }
        span = Some(w.start..span.map_or(w.end, |s| s.end));
        next_start = w.start;
    }
    span
}

/// A name right after "said" or "according to": the determiner and the run
/// of words up to punctuation, at most five words.
fn name_after(text: &str, words: &[Range<usize>]) -> Option<Range<usize>> {
    let first = words.first()?;
    let mut end = first.end;
    for pair in words.windows(2).take(4) {
        let gap = text[pair[0].end..pair[1].start].trim();
        let title = gap == "." && is_title(&text[pair[0].clone()]);
        if gap.is_empty() || title {
            end = pair[1].end;
        } else {
            break;
        }
    }
    Some(first.start..end)
}

/// A title written with a full stop before a name ("Dr. Castell").
pub fn is_title(word: &str) -> bool {
    const TITLES: &[&str] = &[
        "dr", "mr", "mrs", "ms", "prof", "gen", "col", "lt", "sgt", "capt", "rev", "gov", "sen",
        "rep", "st", "maj", "cpl", "adm", "insp", "supt",
    ];
    TITLES.iter().any(|t| t.eq_ignore_ascii_case(word))
}

/// Word spans (letters, digits, inner apostrophes and hyphens) in a range.
fn words(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text[range.clone()].char_indices() {
        let at = range.start + i;
        let inner = matches!(c, '\'' | '\u{2019}' | '-') && start.is_some();
        if c.is_alphanumeric() || inner {
            start.get_or_insert(at);
        } else if let Some(s) = start.take() {
            out.push(s..at);
        }
    }
    if let Some(s) = start {
        out.push(s..range.end);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(text: &str) -> Vec<(String, bool, Option<String>)> {
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
    fn speaker_after_and_before() {
        let q = quotes("“The wind turned twice,” fire chief Marta Ribas said.");
        assert_eq!(q[0].2.as_deref(), Some("fire chief Marta Ribas"));
        let q = quotes("“We lost the ridge,” said Ribas, who leads the crews.");
        assert_eq!(q[0].2.as_deref(), Some("Ribas"));
        let q = quotes("In a statement, the Malian military said it “reacted vigorously”.");
        assert_eq!(q[0].2.as_deref(), Some("the Malian military"));
        let q = quotes("After the assault it said it had “withdrawn”.");
        assert_eq!(q[0].2.as_deref(), Some("it"));
        // a participle after a comma speaks for the sentence's subject
        let q = quotes("The army paid tribute, stating that “many men fought”.");
        assert_eq!(q[0].2.as_deref(), Some("The army"));
        let q = quotes("On Tuesday, the army thanked them, saying “many men fought”.");
        assert_eq!(q[0].2.as_deref(), Some("the army"));
        let q = quotes("The Malian Armed Forces confirmed it, declaring it “calm”.");
        assert_eq!(q[0].2.as_deref(), Some("The Malian Armed Forces"));
        let q = quotes("Later, stating that “many men fought”, it left.");
        assert_eq!(q[0].2, None);
        let q = quotes("“Where was the warning?” Achard asked.");
        assert_eq!(q[0].2.as_deref(), Some("Achard"));
        // a quotation that does not end its clause is not attributed to
        // the name after it
        let q = quotes("Ana said “every bed was taken” while Jon said “we rose”.");
        assert_eq!(q[0].2.as_deref(), Some("Ana"));
        assert_eq!(q[1].2.as_deref(), Some("Jon"));
        let q = quotes("According to the mayor, “nobody was hurt”.");
        assert_eq!(q[0].2.as_deref(), Some("the mayor"));
        let q = quotes("“It shrinks,” said Dr. Amira Castell, who led the survey.");
        assert_eq!(q[0].2.as_deref(), Some("Dr. Amira Castell"));
        let q = quotes("Ribas said: “The wind turned.”");
        assert_eq!(q[0].2.as_deref(), Some("Ribas"));
        let q = quotes("The mine owner, Tomas Berg, said it was “found safe”.");
        assert_eq!(q[0].2.as_deref(), Some("The mine owner, Tomas Berg"));
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

    fn parts(text: &str) -> Vec<QuoteMention> {
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

    #[test]
    fn a_pronoun_stands_for_the_only_speaker_named_before_it() {
        let text = "“We lost the ridge,” Ribas said. Later “the wind turned,” she said.";
        let q = parts(text);
        assert_eq!(&text[q[1].speaker.clone().unwrap()], "she");
        assert_eq!(&text[q[1].speaker_name.clone().unwrap()], "Ribas");
        // two people named: ambiguous
        let text = "“We lost,” Ribas said. “We won,” Okafor said. “It turned,” she said.";
        assert_eq!(parts(text)[2].speaker_name, None);
        // not across paragraphs
        let text = "“We lost,” Ribas said.\n\n“It turned,” she said.";
        assert_eq!(parts(text)[1].speaker_name, None);
    }
}
