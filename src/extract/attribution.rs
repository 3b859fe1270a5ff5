//! Attribution: who speaks a quotation.
//!
//! The speaker is the noun phrase of a speech verb next to the quotation
//! ("Ribas said", "said Ribas", "according to Ribas", "as Ribas put it"), or
//! the sentence's subject for a participle ("The army thanked them, stating
//! that …"). A pronoun stands for the one person named earlier in the
//! paragraph — as a speaker, as the subject of a sentence or before a
//! speech verb — and for nobody when two were named. Everything is read
//! from byte spans over the text, a bounded stretch around each quotation,
//! so the cost stays linear however long the paragraph.

use std::ops::Range;

use super::quote::QuoteMention;

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
    "called",
    "calling",
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
    "adding",
    "noting",
    "warning",
];

const PRONOUNS: &[&str] = &["he", "she", "it", "they", "we", "i"];

/// Words that end a noun phrase read backwards from its verb: clause words,
/// auxiliaries and negations ("have not confirmed" attributes nothing).
const NOT_IN_SUBJECT: &[&str] = &[
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
    "not",
    "never",
    "will",
    "would",
    "could",
    "should",
    "may",
    "might",
    "did",
    "do",
    "does",
    "was",
    "were",
    "is",
    "are",
    "be",
    "been",
];

/// Prepositions that end a subject read backwards, except inside one that
/// opens its sentence ("Officials in Kestrel Bay said", "A neighbour on
/// Harbour Lane said"); "of", "at" and "from" never end one ("Mayor Hélène
/// Marchetti of Corvelle").
const SUBJECT_PREPOSITIONS: &[&str] = &["in", "on"];

/// How far from a quotation its speaker may be named, in bytes: keeps the
/// search constant-time however long the paragraph.
const SPEAKER_REACH: usize = 300;

pub(super) fn is_speech_verb(word: &str) -> bool {
    SPEECH_VERBS.iter().any(|v| v.eq_ignore_ascii_case(word))
}

fn is_pronoun(word: &str) -> bool {
    PRONOUNS.iter().any(|p| p.eq_ignore_ascii_case(word))
}

fn is_one_of(list: &[&str], word: &str) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// A title written with a full stop before a name ("Dr. Castell").
pub fn is_title(word: &str) -> bool {
    const TITLES: &[&str] = &[
        "dr", "mr", "mrs", "ms", "prof", "gen", "col", "lt", "sgt", "capt", "rev", "gov", "sen",
        "rep", "st", "maj", "cpl", "adm", "insp", "supt",
    ];
    is_one_of(TITLES, word)
}

/// Whether the speech verb at `k` of `words` attributes: "put" only in "as
/// X put it".
fn attributes(text: &str, words: &[Range<usize>], k: usize) -> bool {
    let word = &text[words[k].clone()];
    is_speech_verb(word)
        || (word.eq_ignore_ascii_case("put")
            && words
                .get(k + 1)
                .is_some_and(|w| text[w.clone()].eq_ignore_ascii_case("it")))
}

/// Finds the speaker near a quotation: "X said" or "said X" just after it
/// (when it ends its clause), "X said (that)" / "according to X" just
/// before it, within its sentence.
pub(super) fn find_speaker(
    text: &str,
    para: Range<usize>,
    quote: Range<usize>,
) -> Option<Range<usize>> {
    let reach_end = floor_char_boundary(text, (quote.end + SPEAKER_REACH).min(para.end));
    let reach_start = ceil_char_boundary(
        text,
        quote.start.saturating_sub(SPEAKER_REACH).max(para.start),
    );
    speaker_after(text, para.clone(), quote.clone(), reach_end)
        .or_else(|| speaker_before(text, reach_start, quote.start))
        .map(|span| with_closing_parenthesis(text, span))
}

/// "The judge (Priya Anand": a speaker that opens a parenthesis closes it.
fn with_closing_parenthesis(text: &str, span: Range<usize>) -> Range<usize> {
    let inside = &text[span.clone()];
    let open = inside.matches('(').count() > inside.matches(')').count();
    if open && text[span.end..].starts_with(')') {
        span.start..span.end + 1
    } else {
        span
    }
}

/// `"…," the army said`, `"…," said Ribas`, `"…," according to Ribas`,
/// `"…" — Dr. Tobias Renner`.
fn speaker_after(
    text: &str,
    para: Range<usize>,
    quote: Range<usize>,
    reach_end: usize,
) -> Option<Range<usize>> {
    // Up to the sentence's end or the next quotation; the full stop of a
    // title ("Dr.") ends nothing.
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
    // The quotation must end its clause: in `"every bed was taken" while
    // X said`, X speaks what follows.
    let inside = text[..quote.end].trim_end_matches(is_closing_mark);
    let rest = text[quote.end..].trim_start();
    let before = text[para.start..quote.start].trim_end();
    let ends_clause = inside.ends_with([',', '.', '!', '?', '…', '-', '\u{2014}', '\u{2013}'])
        || rest.starts_with([',', '\u{2014}', '\u{2013}'])
        || before.ends_with(['.', '!', '?'])
        || before.is_empty();
    if !ends_clause {
        return None;
    }
    let after = words(text, quote.end..after_end);
    let word = |k: usize| after.get(k).map_or("", |w| &text[w.clone()]);
    if word(0).eq_ignore_ascii_case("according") && word(1).eq_ignore_ascii_case("to") {
        return name_after(text, &after[2..]);
    }
    if let Some(v) = (0..after.len().min(10)).find(|&k| attributes(text, &after, k)) {
        if v == 0 {
            return name_after(text, &after[1..]);
        }
        // "as Quillan put it"
        let from = usize::from(word(0).eq_ignore_ascii_case("as"));
        if from == v {
            return None;
        }
        // "…", a timeline she said: the pronoun right before the verb.
        if is_pronoun(word(v - 1)) {
            return Some(after[v - 1].clone());
        }
        // "…," and the next day the army said: not next to the quotation
        const CLAUSE: &[&str] = &[
            "not", "never", "and", "but", "when", "while", "after", "before", "that", "then",
        ];
        if after[from..v]
            .iter()
            .any(|w| is_one_of(CLAUSE, &text[w.clone()]))
        {
            return None;
        }
        return Some(after[from].start..after[v - 1].end);
    }
    // An epigraph: "…" — Dr. Tobias Renner, director of the museum
    let dash = rest.starts_with(['\u{2014}', '\u{2013}']);
    let capital = after
        .first()
        .is_some_and(|w| text[w.clone()].starts_with(char::is_uppercase));
    if dash && capital && inside.ends_with(['.', '!', '?']) {
        return name_after(text, &after);
    }
    None
}

/// `Ribas said: "…"`, `according to Ribas, "…"`, `the army said in a
/// statement that it "reacted vigorously"`.
fn speaker_before(text: &str, reach_start: usize, quote_start: usize) -> Option<Range<usize>> {
    let sentence_start = text[reach_start..quote_start]
        .char_indices()
        .rfind(|&(i, c)| {
            matches!(c, '.' | '!' | '?') && !(c == '.' && ends_with_title(&text[..reach_start + i]))
        })
        .map_or(reach_start, |(i, c)| reach_start + i + c.len_utf8());
    let before = words(text, sentence_start..quote_start);
    for k in (0..before.len()).rev().take(12) {
        let word = &text[before[k].clone()];
        if word.eq_ignore_ascii_case("to")
            && k > 0
            && text[before[k - 1].clone()].eq_ignore_ascii_case("according")
        {
            return name_after(text, &before[k + 1..]);
        }
        if !attributes(text, &before, k) {
            continue;
        }
        // "The army thanked them, stating that …": a participle speaks for
        // the sentence's subject; so does a second verb ("… and said").
        let and_before = k > 0 && text[before[k - 1].clone()].eq_ignore_ascii_case("and");
        if word.ends_with("ing") || and_before {
            // "he told them, adding that …": the earlier verb's speaker
            if let Some(j) = (0..k).rev().find(|&j| attributes(text, &before, j)) {
                return subject_before(text, &before[..j], before[j].start)
                    .or_else(|| name_after(text, &before[j + 1..k]));
            }
            let subject = sentence_subject(text, &before[..k]);
            if subject.is_some() || and_before {
                return subject;
            }
        }
        return subject_before(text, &before[..k], before[k].start);
    }
    None
}

fn ends_with_title(text: &str) -> bool {
    let word = text
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    is_title(word)
}

fn is_closing_mark(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '\u{201d}' | '\u{2019}' | '\u{bb}' | '\u{201c}'
    ) || c.is_whitespace()
}

/// The noun phrase that opens a sentence, up to its verb: "The army" in
/// "The army thanked its engineers on Tuesday, stating …". An opening
/// phrase set off by a comma ("On Tuesday, the army …", "Speaking at the
/// town hall, Voss …") is skipped, a relative clause or apposition after
/// the name is left out ("Ellis Okafor, who played in a band, now …"). A verb
/// is a word ending in "-ed" (not inside a name: "the Malian Armed
/// Forces"), a speech verb or a common irregular past.
fn sentence_subject(text: &str, words: &[Range<usize>]) -> Option<Range<usize>> {
    const VERBS: &[&str] = &[
        "is", "was", "were", "are", "has", "had", "have", "paid", "gave", "made", "put", "sent",
        "held", "took", "met", "spoke", "led", "began", "went", "came", "left", "will", "would",
        "could", "can",
    ];
    const OPENERS: &[&str] = &[
        "in", "on", "after", "at", "during", "before", "late", "early", "when", "while", "as",
    ];
    // A sentence that opens with a quotation has its subject elsewhere.
    let opens_quoted = text[..words.first()?.start]
        .trim_end()
        .ends_with(['"', '\'', '\u{201c}', '\u{2018}', '\u{ab}', '\u{201e}']);
    if opens_quoted {
        return None;
    }
    let first = &text[words.first()?.clone()];
    let opening_phrase = is_one_of(OPENERS, first) || first.ends_with("ing");
    let comma_after = |k: usize| {
        words
            .get(k + 1)
            .is_some_and(|n| text[words[k].end..n.start].contains(','))
    };
    let words = match (0..words.len().min(8)).find(|&k| comma_after(k)) {
        Some(k) if opening_phrase => &words[k + 1..],
        _ => words,
    };
    let mut end = None;
    let mut found_verb = false;
    for (k, w) in words.iter().enumerate().take(7) {
        let word = &text[w.clone()];
        let in_name = k > 0 && word.starts_with(char::is_uppercase);
        let is_verb = (word.len() > 3 && word.ends_with("ed") && !in_name)
            || is_speech_verb(word)
            || is_one_of(VERBS, word);
        if is_verb {
            found_verb = true;
            break;
        }
        end = Some(w.end);
        if comma_after(k) {
            found_verb = true;
            break;
        }
    }
    let (first, end) = (words.first()?, end.filter(|_| found_verb)?);
    (!is_pronoun(&text[first.clone()])).then_some(first.start..end)
}

/// The noun phrase right before a verb. After a comma it is an apposition
/// or a relative clause: "The mine owner, Tomas Berg, said" is the whole,
/// "Northmere Assurance, which insures the collection, said" is the name.
/// An adverb right before the verb ("literally said") is skipped.
fn subject_before(text: &str, words: &[Range<usize>], verb_start: usize) -> Option<Range<usize>> {
    let mut words = words;
    let mut verb_start = verb_start;
    while let Some(last) = words.last() {
        let word = &text[last.clone()];
        let adverb = word.len() > 4 && word.ends_with("ly") && word.starts_with(char::is_lowercase);
        if !adverb || !text[last.end..verb_start].trim().is_empty() {
            break;
        }
        verb_start = last.start;
        words = &words[..words.len() - 1];
    }
    let last = words.last()?;
    if text[last.end..verb_start].trim() != "," {
        return plain_subject(text, words, verb_start);
    }
    // The comma that opens the apposition or clause, at most ten words back.
    let opens = (1..words.len())
        .rev()
        .take(10)
        .find(|&k| text[words[k - 1].end..words[k].start].contains(','))?;
    let head = plain_subject(text, &words[..opens], words[opens - 1].end);
    if is_one_of(
        &["which", "who", "whose", "where"],
        &text[words[opens].clone()],
    ) {
        return head;
    }
    Some(head.map_or(words[opens].start, |h| h.start)..last.end)
}

/// The noun phrase right before `verb_start`, back to punctuation or a
/// clause word, at most six words; a phrase that opens its sentence keeps
/// its preposition ("Officials in Kestrel Bay").
fn plain_subject(text: &str, words: &[Range<usize>], verb_start: usize) -> Option<Range<usize>> {
    let mut span: Option<Range<usize>> = None;
    let mut next_start = verb_start;
    for (k, w) in words.iter().enumerate().rev().take(6) {
        let word = &text[w.clone()];
        if text[w.end..next_start].contains([',', ';', ':', '\u{2014}', '\u{2013}']) {
            break;
        }
        if is_pronoun(word) {
            return span.is_none().then(|| w.clone());
        }
        if span.is_some() && k <= 2 && is_one_of(SUBJECT_PREPOSITIONS, word) {
            let opening = &words[..k];
            if opening
                .windows(2)
                .all(|p| text[p[0].end..p[1].start].trim().is_empty())
            {
                return Some(words[0].start..span.map_or(w.end, |s| s.end));
            }
        }
        if is_one_of(NOT_IN_SUBJECT, word) {
            break;
        }
        span = Some(w.start..span.map_or(w.end, |s| s.end));
        next_start = w.start;
        // a determiner opens the phrase ("After the attack the Malian
        // army"), unless a preposition joins it to more ("a spokeswoman
        // for the museum")
        let joined = k > 0
            && is_one_of(
                &["for", "of", "at", "from", "with", "to", "by", "in", "on"],
                &text[words[k - 1].clone()],
            );
        if is_one_of(&["the", "its", "their", "his", "her", "our"], word) && !joined {
            break;
        }
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

/// Whether a noun phrase names someone: capitalised words (a leading "the"
/// aside), at least two of them ("Ellis Okafor", "The Kestrel Bay Museum
/// Trust", "Dr. Renner").
fn is_name(text: &str, span: &Range<usize>) -> bool {
    let ws = words(text, span.clone());
    let ws = match ws.first() {
        Some(w) if text[w.clone()].eq_ignore_ascii_case("the") => &ws[1..],
        _ => &ws[..],
    };
    ws.len() >= 2
        && ws
            .iter()
            .all(|w| text[w.clone()].starts_with(char::is_uppercase))
}

/// Whether the noun phrase of a speech verb or a sentence names someone: a
/// name, or one capitalised word that is not a group ("Quillan said", not
/// "Police said").
fn is_speaker_name(text: &str, span: &Range<usize>) -> bool {
    const GROUPS: &[&str] = &[
        "police",
        "officials",
        "authorities",
        "witnesses",
        "residents",
        "sources",
        "officers",
    ];
    let ws = words(text, span.clone());
    is_name(text, span)
        || matches!(ws.as_slice(), [w] if text[w.clone()].starts_with(char::is_uppercase)
            && !is_one_of(GROUPS, &text[w.clone()]) && !is_pronoun(&text[w.clone()]))
}

/// The owner in a possessive noun phrase ("Ellis Okafor's shift" → "Ellis
/// Okafor"), or the phrase itself.
fn possessor(text: &str, phrase: Range<usize>) -> Range<usize> {
    words(text, phrase.clone())
        .iter()
        .find_map(|w| {
            let word = &text[w.clone()];
            let owner = word
                .strip_suffix("'s")
                .or_else(|| word.strip_suffix("\u{2019}s"))?;
            Some(phrase.start..w.start + owner.len())
        })
        .unwrap_or(phrase)
}

/// Names that open with a person's title ("Councillor Hannah Voss", "Dr.
/// Renner", "Judge Anand"): people, wherever they stand in the sentence.
fn titled_names(text: &str, sentence: &[Range<usize>]) -> Vec<Range<usize>> {
    const PERSON_TITLES: &[&str] = &[
        "councillor",
        "councilor",
        "judge",
        "justice",
        "president",
        "minister",
        "mayor",
        "prefect",
        "inspector",
        "detective",
        "colonel",
        "general",
        "captain",
        "senator",
        "governor",
        "sergeant",
        "professor",
        "commander",
        "chancellor",
        "sheriff",
        "lieutenant",
    ];
    let capital = |w: &Range<usize>| text[w.clone()].starts_with(char::is_uppercase);
    let mut out = Vec::new();
    let mut k = 0;
    while k < sentence.len() {
        let word = &text[sentence[k].clone()];
        let titled = capital(&sentence[k]) && (is_one_of(PERSON_TITLES, word) || is_title(word));
        let mut end = k + 1;
        while end < sentence.len() && end - k <= 4 && capital(&sentence[end]) {
            end += 1;
        }
        if titled && end > k + 1 {
            out.push(sentence[k].start..sentence[end - 1].end);
            k = end;
        } else {
            k += 1;
        }
    }
    out
}

/// Whether two names can be one person: one holds the other's last word
/// ("Voss" and "Councillor Hannah Voss").
fn same_person(text: &str, a: &Range<usize>, b: &Range<usize>) -> bool {
    let last = |r: &Range<usize>| words(text, r.clone()).last().map(|w| &text[w.clone()]);
    let (wa, wb) = (words(text, a.clone()), words(text, b.clone()));
    let holds = |ws: &[Range<usize>], word: Option<&str>| {
        word.is_some_and(|x| ws.iter().any(|w| text[w.clone()].eq_ignore_ascii_case(x)))
    };
    holds(&wa, last(b)) || holds(&wb, last(a))
}

/// The people named in a paragraph so far, read as the quotations come.
struct Named {
    last: Option<Range<usize>>,
    /// Two different people were named.
    ambiguous: bool,
    /// Everything before this was read.
    read_to: usize,
}

impl Named {
    fn see(&mut self, text: &str, name: Range<usize>) {
        if let Some(prev) = &self.last {
            self.ambiguous |= !same_person(text, prev, &name);
        }
        self.last = Some(name);
    }

    /// Reads the prose from where it stopped to `to`: the named subject of
    /// each sentence and the named speaker of each speech verb.
    fn read(&mut self, text: &str, to: usize) {
        let from = self.read_to;
        if to <= from {
            return;
        }
        self.read_to = to;
        let mut sentence_start = from;
        let ends = text[from..to]
            .match_indices(['.', '!', '?'])
            .map(|(i, _)| from + i)
            .filter(|&i| !ends_with_title(&text[..i]))
            .chain(std::iter::once(to));
        for end in ends {
            let sentence = words(text, sentence_start..end);
            if let Some(subject) = sentence_subject(text, &sentence).map(|s| possessor(text, s)) {
                if is_speaker_name(text, &subject) {
                    self.see(text, subject);
                }
            }
            // "… met Councillor Hannah Voss": a titled name anywhere
            for name in titled_names(text, &sentence) {
                self.see(text, name);
            }
            for k in 0..sentence.len() {
                if !attributes(text, &sentence, k) {
                    continue;
                }
                let named = subject_before(text, &sentence[..k], sentence[k].start)
                    .or_else(|| name_after(text, &sentence[k + 1..]));
                if let Some(name) = named.filter(|n| is_speaker_name(text, n)) {
                    self.see(text, name);
                }
            }
            sentence_start = end + 1;
        }
    }
}

/// Fills `speaker_name` for the quotations from `start` on (one
/// paragraph): a continuation speaks with its first part's voice, a name is
/// its own, and a pronoun stands for the only person named before it in
/// the paragraph.
pub(super) fn name_speakers(
    text: &str,
    para: Range<usize>,
    out: &mut [QuoteMention],
    start: usize,
) {
    let mut named = Named {
        last: None,
        ambiguous: false,
        read_to: para.start,
    };
    for k in start..out.len() {
        let own = out[k].speaker.clone();
        let pronoun = own.as_ref().is_some_and(|r| is_pronoun(&text[r.clone()]));
        let name = match own {
            Some(r) if !pronoun => {
                named.read(text, out[k].span.start);
                named.see(text, r.clone());
                Some(r)
            }
            own => out[k]
                .continues
                .and_then(|first| out[first].speaker_name.clone())
                .or_else(|| {
                    own?;
                    named.read(text, out[k].span.start);
                    named.last.clone().filter(|_| !named.ambiguous)
                }),
        };
        named.read_to = named.read_to.max(out[k].span.end);
        out[k].speaker_name = name;
    }
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

/// Word spans (letters, digits, inner apostrophes and hyphens) in a range.
pub(super) fn words(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
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
    use super::super::quote::tests::{parts, quotes};
    use super::*;

    /// Who speaks each quotation, pronouns resolved.
    fn speakers(text: &str) -> Vec<Option<String>> {
        parts(text)
            .into_iter()
            .map(|q| q.speaker_name.map(|s| text[s].to_string()))
            .collect()
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

    #[test]
    fn subjects_with_clauses_appositions_and_prepositions() {
        let q = quotes("Northmere Assurance, which insures the collection, said: “We pay.”");
        assert_eq!(q[0].2.as_deref(), Some("Northmere Assurance"));
        let q = quotes("Tobias Renner, director of the Marlow Museum, told the press: “Gone.”");
        assert_eq!(
            q[0].2.as_deref(),
            Some("Tobias Renner, director of the Marlow Museum")
        );
        let q = quotes("Officials in Kestrel Bay said the thieves “cut through”.");
        assert_eq!(q[0].2.as_deref(), Some("Officials in Kestrel Bay"));
        let q = quotes("A spokeswoman for the museum said “it is gone”.");
        assert_eq!(q[0].2.as_deref(), Some("spokeswoman for the museum"));
        let q = quotes("After the attack the Malian army said it had “withdrawn”.");
        assert_eq!(q[0].2.as_deref(), Some("the Malian army"));
        let q = quotes("Mayor Hélène Marchetti of Corvelle said: “We opened.”");
        assert_eq!(
            q[0].2.as_deref(),
            Some("Mayor Hélène Marchetti of Corvelle")
        );
        let q = quotes("The judge (Priya Anand) literally said “there is no evidence”.");
        assert_eq!(q[0].2.as_deref(), Some("The judge (Priya Anand)"));
        let q = quotes("BAY (KBN) — Inspector Mara Quillan said: “Nine minutes.”");
        assert_eq!(q[0].2.as_deref(), Some("Inspector Mara Quillan"));
        // a negated verb attributes nothing
        let q = quotes("Police have not confirmed that the “Harbour Gang” did it.");
        assert_eq!(q[0].2, None);
    }

    #[test]
    fn speakers_after_the_quotation() {
        let q = quotes("“We pay,” according to Judge Priya Anand, who granted bail.");
        assert_eq!(q[0].2.as_deref(), Some("Judge Priya Anand"));
        let q = quotes("Inside “nine minutes”, as Quillan put it, it was gone.");
        assert_eq!(q[0].2.as_deref(), Some("Quillan"));
        let q = quotes("“It is gone.” — Dr. Tobias Renner, director of the museum");
        assert_eq!(q[0].2.as_deref(), Some("Dr. Tobias Renner"));
        let q = quotes("“It is gone,” Dr. Tobias Renner, the museum's director, told reporters.");
        assert_eq!(
            q[0].2.as_deref(),
            Some("Dr. Tobias Renner, the museum's director")
        );
        let q = quotes("Quillan said “the thieves ran”, a timeline she said came from cameras.");
        assert_eq!(q[0].2.as_deref(), Some("she"));
        let q = quotes("“We fought,” and the next day the army said nothing.");
        assert_eq!(q[0].2, None);
        // a dash that does not name anyone
        let q = quotes("“The levee held” — that was the line all week.");
        assert_eq!(q[0].2, None);
    }

    #[test]
    fn a_second_verb_or_participle_speaks_for_the_first_speaker() {
        let text = "Dr. Renner called it “irreplaceable” and said its value “cannot be measured”.";
        assert_eq!(
            speakers(text),
            [
                Some("Dr. Renner".to_string()),
                Some("Dr. Renner".to_string())
            ]
        );
        let text = "Hallorann went. “We ran,” he told his supporters, adding that he wished him “success.”";
        assert_eq!(speakers(text)[1].as_deref(), Some("Hallorann"));
        let text = "The Trust issued a note to members stating that it was “fully tested”.";
        assert_eq!(speakers(text)[0].as_deref(), Some("The Trust"));
    }

    #[test]
    fn a_pronoun_stands_for_the_person_named_in_the_prose_before_it() {
        let text = "Ellis Okafor was alone that night. “I heard tapping,” he said.";
        assert_eq!(speakers(text)[0].as_deref(), Some("Ellis Okafor"));
        let text =
            "Speaking at the town hall, Councillor Hannah Voss recalled it. ‘We knew’, she said.";
        assert_eq!(speakers(text)[0].as_deref(), Some("Councillor Hannah Voss"));
        let text = "Ellis Okafor’s shift began at ten. “I heard tapping,” he said.";
        assert_eq!(speakers(text)[0].as_deref(), Some("Ellis Okafor"));
        let text = "The stone is 9\" across, Dr. Renner said. “It is gone,” he added.";
        assert_eq!(speakers(text)[0].as_deref(), Some("Dr. Renner"));
        let text = "Northmere Assurance confirmed the policy. “We pay,” it said.";
        assert_eq!(speakers(text)[0].as_deref(), Some("Northmere Assurance"));
        // a titled name anywhere makes two people: ambiguous
        let text = "Inspector Mara Quillan met Councillor Hannah Voss. “No evidence,” she said.";
        assert_eq!(speakers(text)[0], None);
        // a place is not a person
        let text = "Ellis Okafor was alone in the Marlow Museum. “I heard tapping,” he said.";
        assert_eq!(speakers(text)[0].as_deref(), Some("Ellis Okafor"));
    }

    #[test]
    fn names_titles_and_possessors() {
        let text = "Judge Priya Anand's ruling";
        assert_eq!(&text[possessor(text, 0..text.len())], "Judge Priya Anand");
        let ws = words("met Councillor Hannah Voss and Dr. Renner", 0..41);
        let text = "met Councillor Hannah Voss and Dr. Renner";
        let names: Vec<&str> = titled_names(text, &ws)
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(names, ["Councillor Hannah Voss", "Dr. Renner"]);
        let text = "Voss and Councillor Hannah Voss";
        assert!(same_person(text, &(0..4), &(9..31)));
        assert!(is_name("The Kestrel Bay Museum Trust", &(0..28)));
        assert!(!is_name("Police in Kestrel Bay", &(0..21)));
    }
}
