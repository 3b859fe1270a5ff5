//! Words, stems and stop words: the vocabulary that links a sentence to a fact
//! and compares a quotation with its canonical text.
//!
//! Stemming is deliberately light (plurals, possessives, -ed, -ing, -ly), so
//! "attacked", "attacks" and "attack" meet, while words that merely look alike
//! stay apart. Irregular forms writers swap often ("fell"/"fallen") are left
//! to a fact's `cues`.

use std::borrow::Cow;
use std::ops::Range;

/// One word of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    pub span: Range<usize>,
    /// Lowercase stem, folded to its concept ("soldiers" → "soldier",
    /// "Sunday’s" → "sunday", "sent" → "deploy").
    pub stem: String,
    /// Starts with a capital letter and is not the first word of its sentence.
    pub capitalised: bool,
}

/// Splits `range` of `text` into words: runs of letters and digits, joined by
/// inner apostrophes; hyphens split ("al-Qaeda-linked" is three words).
pub fn words(text: &str, range: Range<usize>) -> Vec<Word> {
    let mut out: Vec<Word> = word_spans(text, range)
        .map(|(span, sentence_start)| make_word(text, span, sentence_start))
        .collect();
    // A document's words are kept while it is checked: not the doubled
    // capacity of the last growth.
    out.shrink_to_fit();
    out
}

/// How many words [`words`] finds in `text`, without stemming them.
pub fn word_count(text: &str) -> usize {
    word_spans(text, 0..text.len()).count()
}

/// The spans of [`words`], each with whether it opens a sentence.
fn word_spans(text: &str, range: Range<usize>) -> impl Iterator<Item = (Range<usize>, bool)> + '_ {
    let end = range.end;
    let mut iter = text[range.clone()]
        .char_indices()
        .map(move |(i, c)| (range.start + i, c))
        .peekable();
    let mut sentence_start = true;
    std::iter::from_fn(move || {
        let mut start: Option<usize> = None;
        while let Some((at, c)) = iter.next() {
            let inner_apostrophe = matches!(c, '\'' | '\u{2019}')
                && start.is_some()
                && iter.peek().is_some_and(|&(_, n)| n.is_alphabetic());
            if c.is_alphanumeric() || inner_apostrophe {
                start.get_or_insert(at);
                continue;
            }
            let word = start.take().map(|s| (s..at, sentence_start));
            if word.is_some() {
                sentence_start = false;
            }
            if matches!(c, '.' | '!' | '?' | '\n') {
                sentence_start = true;
            }
            if word.is_some() {
                return word;
            }
        }
        // The text ends inside a word (later calls find none).
        start.map(|s| (s..end, sentence_start))
    })
}

fn make_word(text: &str, span: Range<usize>, sentence_start: bool) -> Word {
    let raw = &text[span.clone()];
    let capitalised = !sentence_start && raw.chars().next().is_some_and(char::is_uppercase);
    // Folded once per word, then looked up as a concept or stemmed.
    let folded = fold(raw);
    Word {
        stem: concept_of_folded(&folded)
            .map_or_else(|| stem_folded(&folded).into_owned(), str::to_string),
        span,
        capitalised,
    }
}

/// Lowercase, straight apostrophes, no possessive: "Sunday’s" → "sunday".
fn fold(word: &str) -> Cow<'_, str> {
    let lower: Cow<str> = if word.chars().any(|c| c.is_uppercase() || c == '\u{2019}') {
        Cow::Owned(word.to_lowercase().replace('\u{2019}', "'"))
    } else {
        Cow::Borrowed(word)
    };
    let base_len = lower
        .strip_suffix("'s")
        .or_else(|| lower.strip_suffix('\''))
        .map_or(lower.len(), str::len);
    match lower {
        Cow::Borrowed(b) => Cow::Borrowed(&b[..base_len]),
        Cow::Owned(mut o) => {
            o.truncate(base_len);
            Cow::Owned(o)
        }
    }
}

/// Lowercase, possessive-free, lightly stemmed form of a word.
pub fn stem(word: &str) -> Cow<'_, str> {
    match fold(word) {
        Cow::Borrowed(b) => stem_folded(b),
        Cow::Owned(o) => Cow::Owned(stem_folded(&o).into_owned()),
    }
}

/// [`stem`] of a word already folded.
fn stem_folded(base: &str) -> Cow<'_, str> {
    if let Some(irregular) = irregular(base) {
        return Cow::Borrowed(irregular);
    }
    let n = base.len();
    let stemmed: Option<String> = if n > 4 && base.ends_with("ies") {
        Some(format!("{}y", &base[..n - 3]))
    } else if n > 5 && base.ends_with("ing") {
        Some(undouble(&base[..n - 3]))
    } else if n > 4 && base.ends_with("ed") && !base.ends_with("eed") {
        let root = &base[..n - 2];
        Some(match root.strip_suffix('i') {
            Some(r) => format!("{r}y"),
            None => undouble(root),
        })
    } else if n > 4
        && (base.ends_with("ly")
            || base.ends_with("sses")
            || base.ends_with("xes")
            || base.ends_with("ches")
            || base.ends_with("shes"))
    {
        Some(base[..n - 2].to_string())
    } else if n > 3
        && base.ends_with('s')
        && !base.ends_with("ss")
        && !base.ends_with("us")
        && !base.ends_with("is")
    {
        Some(base[..n - 1].to_string())
    } else {
        None
    };
    match stemmed {
        Some(s) => Cow::Owned(trim_e(s)),
        None if base.len() > 4 && base.ends_with('e') && !base.ends_with("ee") => {
            Cow::Owned(base[..base.len() - 1].to_string())
        }
        None => Cow::Borrowed(base),
    }
}

/// A final silent e is dropped so "continue" and "continued", "hectare" and
/// "hectares" meet.
fn trim_e(s: String) -> String {
    if s.len() > 4 && s.ends_with('e') && !s.ends_with("ee") {
        s[..s.len() - 1].to_string()
    } else {
        s
    }
}

/// "stopp" → "stop", "planned" → "plan"; "kill" keeps its double l.
fn undouble(root: &str) -> String {
    // Letters, not bytes: '𑙙' ends in two equal bytes.
    let mut last = root.chars().rev();
    match (last.next(), last.next()) {
        (Some(a), Some(b))
            if root.len() >= 3
                && a == b
                && a.is_ascii_alphabetic()
                && !matches!(a, 'l' | 's' | 'z' | 'f') =>
        {
            root[..root.len() - 1].to_string()
        }
        _ => root.to_string(),
    }
}

fn irregular(word: &str) -> Option<&'static str> {
    Some(match word {
        "men" => "man",
        "women" => "woman",
        "children" => "child",
        "people" => "person",
        "lives" => "life",
        "dead" | "died" | "dies" | "dying" | "death" | "deaths" => "die",
        "kill" | "killed" | "kills" | "killing" => "kill",
        "fall" | "fell" | "fallen" | "falls" | "falling" => "fall",
        "take" | "took" | "taken" | "takes" | "taking" => "take",
        "retake" | "retook" | "retaken" | "retakes" | "retaking" => "retake",
        "begin" | "began" | "begun" | "begins" | "beginning" => "begin",
        "fight" | "fought" | "fights" | "fighting" => "fight",
        "said" | "says" | "saying" => "say",
        "told" | "tells" => "tell",
        "strike" | "struck" | "strikes" | "striking" => "strike",
        "troops" => "troop",
        _ => return None,
    })
}

/// Words news writers use for one another, first word the head. Only
/// unambiguous swaps belong here: "lost" is not "killed" ("lost the ridge").
const CONCEPTS: &[&[&str]] = &[
    &[
        "kill", "killed", "die", "fatality", "perish", "slain", "slay",
    ],
    &["injure", "wound", "hurt"],
    &["deploy", "sent", "send", "dispatch", "mobilise", "mobilize"],
    &["evacuate", "evacuation", "flee", "fled", "displace"],
    &["burn", "burnt", "scorch", "blacken", "char"],
    &["attack", "assault", "raid", "onslaught", "offensive"],
    &["seize", "capture", "overrun", "overran"],
    &["retake", "recapture", "retook"],
    &["warn", "warning", "caution"],
    &["arrest", "detain"],
    &["aircraft", "plane", "airplane", "jet"],
    &["soldier", "troop", "serviceman", "servicemen"],
    &["army", "military"],
    &[
        "increase", "rise", "rose", "risen", "raise", "hike", "jump", "climb", "grow", "grew",
        "surge", "soar",
    ],
    &["decrease", "cut", "reduce", "decline"],
    &["hospitalise", "hospitalize", "hospital"],
    &["affect", "disrupt", "impact"],
    &["person", "people"],
];

/// [`concept`] of a word already folded.
fn concept_of_folded(word: &str) -> Option<&'static str> {
    static MAP: std::sync::OnceLock<std::collections::HashMap<String, &'static str>> =
        std::sync::OnceLock::new();
    let map = MAP.get_or_init(|| {
        let mut map = std::collections::HashMap::new();
        for group in CONCEPTS {
            let head: &'static str = Box::leak(stem(group[0]).into_owned().into_boxed_str());
            for word in *group {
                let bare = word.strip_suffix('e').unwrap_or(word);
                for form in [
                    word.to_string(),
                    format!("{word}s"),
                    format!("{word}es"),
                    format!("{word}d"),
                    format!("{word}ed"),
                    format!("{word}ing"),
                    format!("{bare}ing"),
                    format!("{bare}ed"),
                ] {
                    map.insert(form, head);
                }
            }
        }
        map
    });
    map.get(word).copied()
}

/// The concept a word belongs to: the stem of its group's head word. Looked
/// up by the word's own inflected forms, not by stems, so that a short stem
/// cannot collide ("plane" and "plan" share the stem "plan").
pub fn concept(word: &str) -> Option<&'static str> {
    concept_of_folded(&fold(word))
}

/// Function words that never link a sentence to a fact. Takes a stem, so
/// the list is compared in both raw and stemmed form ("since" → "sinc").
pub fn is_stop_word(word_stem: &str) -> bool {
    static SET: std::sync::OnceLock<rustc_hash::FxHashSet<String>> = std::sync::OnceLock::new();
    let set = SET.get_or_init(|| {
        STOP_WORDS
            .iter()
            .flat_map(|w| [(*w).to_string(), stem(w).into_owned()])
            .collect()
    });
    word_stem.len() < 2
        || set.contains(word_stem)
        || word_stem
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b',' || b == b'.')
}

const STOP_WORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "across",
    "after",
    "again",
    "against",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "doe",
    "does",
    "during",
    "each",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "him",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "least",
    "less",
    "me",
    "more",
    "most",
    "my",
    "near",
    "nearly",
    "no",
    "nor",
    "not",
    "of",
    "off",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "our",
    "out",
    "over",
    "own",
    "same",
    "she",
    "should",
    "since",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "too",
    "under",
    "until",
    "up",
    "upon",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "would",
    "you",
    "your",
    "say",
    "tell",
    "according",
    "report",
    "reportedly",
    "would",
    "may",
    "might",
    "must",
    "shall",
    "among",
    "amid",
    "around",
    "almost",
    "per",
    "via",
    "yet",
    "still",
    "ago",
    "there",
    "whose",
    "mr",
    "ms",
    "mrs",
    "s",
    "t",
    "new",
    "now",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "dozen",
    "hundred",
    "thousand",
    "million",
    "billion",
    "first",
    "second",
    "third",
    "each",
    "every",
    "many",
    "several",
    "any",
    "much",
];

/// Month and weekday names: capitalised, but never names of people or places.
pub fn is_calendar_word(stem: &str) -> bool {
    crate::extract::time::is_month_name(stem) || crate::extract::time::is_weekday_name(stem)
}

/// Whether a line is written in title case (a headline), where capitals say
/// nothing about names.
pub fn is_title_case(words: &[Word], text: &str) -> bool {
    let long: Vec<&Word> = words.iter().filter(|w| w.span.len() > 3).collect();
    if long.len() < 3 {
        return false;
    }
    let capitals = long
        .iter()
        .filter(|w| {
            text[w.span.clone()]
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
        })
        .count();
    capitals * 5 >= long.len() * 4
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_count_counts_what_words_finds() {
        for text in [
            "",
            "  ",
            "al-Qaeda-linked fighters' wives said: \u{201c}We're here.\u{201d} Then",
            "It's the soldiers' day. 30,000 people\nend",
            "trailing",
        ] {
            let found = words(text, 0..text.len());
            assert_eq!(word_count(text), found.len(), "{text:?}");
        }
        let text = "It's 30,000 al-Qaeda";
        let spans: Vec<&str> = words(text, 0..text.len())
            .iter()
            .map(|w| &text[w.span.clone()])
            .collect();
        assert_eq!(spans, ["It's", "30", "000", "al", "Qaeda"]);
    }

    #[test]
    fn a_doubled_letter_is_a_letter_not_a_byte() {
        // '𑙙' is F0 91 99 99: its last two bytes are equal.
        assert_eq!(stem("𑙙ed"), "𑙙");
        assert_eq!(stem("planned"), "plan");
        assert_eq!(stem("killed"), "kill");
    }

    #[test]
    fn stems_fold_inflections() {
        for (a, b) in [
            ("soldiers", "soldier"),
            ("Sunday’s", "sunday"),
            ("attacked", "attack"),
            ("attacks", "attack"),
            ("withdrawing", "withdraw"),
            ("withdraw", "withdraw"),
            ("cleared", "clear"),
            ("clear", "clear"),
            ("casualties", "casualty"),
            ("killed", "kill"),
            ("fatalities", "fatality"),
            ("deaths", "die"),
            ("retaken", "retake"),
            ("militants'", "militant"),
            ("hectares", "hectare"),
            ("vigorously", "vigorous"),
            ("stopped", "stop"),
        ] {
            assert_eq!(stem(a), stem(b), "{a} vs {b}");
        }
        assert_ne!(stem("Mali"), stem("Malian"));
        assert_eq!(stem("Boulikessi"), "boulikessi");
        assert_eq!(stem("process"), "process");
        assert_eq!(stem("status"), "status");
    }

    #[test]
    fn concepts_fold_synonyms() {
        let text = "troops were sent; soldiers deployed; planes";
        let stems: Vec<String> = words(text, 0..text.len())
            .into_iter()
            .map(|w| w.stem)
            .collect();
        assert_eq!(
            stems,
            ["soldier", "were", "deploy", "soldier", "deploy", "aircraft"]
        );
        assert_eq!(concept("injured"), concept("wounded"));
        assert_ne!(concept("injured"), concept("killed"));
        assert_eq!(concept("lost"), None);
        assert_eq!(concept("plans"), None, "not a plane");
        assert_eq!(concept("Planes"), Some("aircraft"));
    }

    #[test]
    fn stop_words_match_in_stemmed_form() {
        for w in ["since", "before", "while", "there", "The", "according"] {
            assert!(is_stop_word(&stem(w)), "{w}");
        }
        assert!(!is_stop_word(&stem("soldiers")));
        assert!(is_stop_word("2,300"));
    }

    #[test]
    fn words_split_hyphens_keep_apostrophes() {
        let text = "Al-Qaeda-linked JNIM's fighters. Boulikessi base";
        let ws = words(text, 0..text.len());
        let stems: Vec<&str> = ws.iter().map(|w| w.stem.as_str()).collect();
        assert_eq!(
            stems,
            [
                "al",
                "qaeda",
                "link",
                "jnim",
                "fighter",
                "boulikessi",
                "base"
            ]
        );
        assert!(!ws[0].capitalised, "first word of a sentence");
        assert!(ws[1].capitalised);
        assert!(!ws[5].capitalised, "starts a sentence");
    }

    #[test]
    fn title_case_lines() {
        let t = "Mali Army Repels JNIM Attack After Losing Soldiers";
        assert!(is_title_case(&words(t, 0..t.len()), t));
        let t = "The army said the attack on the base was repelled";
        assert!(!is_title_case(&words(t, 0..t.len()), t));
    }
}
