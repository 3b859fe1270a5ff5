//! Tense: which way a date without a year or a week points.
//!
//! News convention: "Tuesday", "in April" or "June 2" in a report of what
//! happened is the most recent one; in a sentence about what will happen,
//! the next one.  The rule here is deliberately simple and explicit: find
//! the tense markers of the sentence and let the one nearest to the time
//! expression decide (a tie goes to the one before); a sentence without any marker
//! narrates the past.
//!
//! - Future markers: "will", "shall", "'ll", "won't", "would", the modals
//!   "can", "may", "might", "must", "should", "upcoming", "tomorrow", "next"
//!   (not "the next", which is anaphoric, nor "next to"), an intention verb
//!   before "to" ("is to", "plans to", "agreed to", "set to" ...), and the
//!   prospective words "due", "scheduled", "planned", "expected" — which,
//!   when they come after the expression, date it by their own tense ("On
//!   Friday, the state planned to pay" is past) and after "had" are past.
//! - Past markers: a finite past verb ("said", "met", "announced"), "had",
//!   "did", "has"/"have" (the present perfect reports what happened), "ago",
//!   "yesterday".  A participle after a form of "be" or "have" ("will be
//!   held", "has been closed") is not a marker: its auxiliary is.
//!
//! "Nearest" matters because one sentence often reports a past statement
//! about a future event: "officials said Friday the army will patrol" — the
//! date belongs to "said", and "will patrol on Friday" to "will".

use std::ops::Range;

/// Which way a time expression inside `sentence` points; `expr` is its
/// byte range within `sentence`.  `true` for the future.
pub fn points_to_future(sentence: &str, expr: Range<usize>) -> bool {
    marked_tense(sentence, expr).unwrap_or(false)
}

/// The same for a deadline after "until" or "by": forward unless a past
/// marker is nearest ("were closed until Wednesday"), and always forward
/// after a verb that sets a deadline ("extended its offer until Tuesday",
/// "has given them until 9 a.m. Tuesday").
pub fn deadline_points_forward(sentence: &str, expr: Range<usize>) -> bool {
    let sets_deadline = words(&sentence[..expr.start])
        .collect::<Vec<_>>()
        .iter()
        .rev()
        .take(12)
        .any(|(_, w)| DEADLINE_VERBS.iter().any(|v| v.eq_ignore_ascii_case(w)));
    sets_deadline || marked_tense(sentence, expr).unwrap_or(true)
}

/// Verbs that set or move a deadline.
const DEADLINE_VERBS: &[&str] = &[
    "extended",
    "extends",
    "extend",
    "postponed",
    "postpones",
    "postpone",
    "delayed",
    "delays",
    "delay",
    "deferred",
    "defers",
    "given",
    "gave",
    "gives",
    "adjourned",
    "pushed",
];

/// The tense the nearest marker gives (`Some(true)` for the future), or
/// `None` when the sentence has no marker at all.  A
/// marker in the expression's own clause beats one across a comma: in
/// "decided to admit them in early March, an official said", "said" dates
/// the statement, not March.
pub fn marked_tense(sentence: &str, expr: Range<usize>) -> Option<bool> {
    // The last marker before the expression and the first after it, each
    // as (word index or distance, byte offset where the gap to the
    // expression starts or ends, future).
    let mut before: Option<(usize, usize, bool)> = None;
    let mut after: Option<(usize, usize, bool)> = None;
    let mut expr_first_word: Option<usize> = None;
    let mut first_word_after: Option<usize> = None;
    let words: Vec<(usize, &str)> = words(sentence).collect();
    for (k, &(start, w)) in words.iter().enumerate() {
        let word = |i: usize| words.get(i).map_or("", |x| x.1);
        let found = marker(
            [
                word(k.wrapping_sub(2)),
                word(k.wrapping_sub(1)),
                w,
                word(k + 1),
            ],
            start >= expr.end,
        );
        if start < expr.start {
            if let Some(future) = found {
                before = Some((k, start + w.len(), future));
            }
        } else if start < expr.end {
            expr_first_word.get_or_insert(k);
        } else {
            let first = *first_word_after.get_or_insert(k);
            // A regular "-ed" word after a mid-sentence expression is more
            // often a participle ("markets untouched") than its verb; after
            // a fronted one ("On Tuesday, they condemned") it is the verb.
            let fronted = expr_first_word.unwrap_or(k) <= 2;
            let weak = found == Some(false)
                && !fronted
                && !is_irregular_past(w)
                && !PAST.iter().any(|p| p.eq_ignore_ascii_case(w));
            if let (Some(future), false) = (found, weak) {
                after = Some((k + 1 - first, start, future));
                break;
            }
        }
    }
    let expr_at = expr_first_word.or(first_word_after).unwrap_or(usize::MAX);
    let comma_between = |a: usize, b: usize| {
        sentence
            .get(a.min(b)..b.max(a))
            .is_some_and(|g| g.contains(','))
    };
    match (before, after) {
        (Some((kb, end_b, fb)), Some((da, start_a, fa))) => {
            let db = expr_at.saturating_sub(kb);
            let across_before = comma_between(end_b, expr.start);
            let across_after = comma_between(expr.end.min(start_a), start_a);
            Some(match (across_before, across_after) {
                (_, true) => fb,
                (true, false) => fa,
                // The nearer one wins; a tie goes to the one before.
                _ => {
                    if db <= da {
                        fb
                    } else {
                        fa
                    }
                }
            })
        }
        (Some((_, _, future)), None) | (None, Some((_, _, future))) => Some(future),
        (None, None) => None,
    }
}

/// The words of a sentence with their byte offsets.
pub(crate) fn words(s: &str) -> impl Iterator<Item = (usize, &str)> {
    let is_word = |c: char| c.is_alphanumeric() || c == '\'' || c == '’';
    let mut pos = 0;
    std::iter::from_fn(move || {
        let rest = &s[pos..];
        let start = pos + rest.find(is_word)?;
        let len = s[start..]
            .find(|c: char| !is_word(c))
            .unwrap_or(s.len() - start);
        pos = start + len;
        Some((start, &s[start..start + len]))
    })
}

/// Whether `w` (after `prev2 prev`, before `next`) marks the future
/// (`Some(true)`), the past (`Some(false)`) or neither; `after_expr` when
/// the word follows the time expression.
fn marker([prev2, prev, w, next]: [&str; 4], after_expr: bool) -> Option<bool> {
    let is = |a: &str, b: &str| a.eq_ignore_ascii_case(b);
    let any = |a: &str, list: &[&str]| list.iter().any(|b| is(a, b));
    if any(w, PROSPECTIVE) {
        // "had been due to expire Friday": a plan that is over.
        if is(prev, "had") || (is(prev, "been") && is(prev2, "had")) {
            return Some(false);
        }
        if after_expr {
            // What comes before the verb is dated by the verb's own tense:
            // "On Friday, the government planned to pay" is past, "On
            // Friday, talks are expected to resume" is future.
            return match prev.to_ascii_lowercase().as_str() {
                "is" | "are" | "am" | "be" | "been" => Some(true),
                "was" | "were" => Some(false),
                // "planned" is past; "plans", "due" look ahead.
                _ => Some(!is_past_verb(w)),
            };
        }
        return Some(true);
    }
    if any(w, FUTURE) || (w.len() > 3 && (w.ends_with("'ll") || w.ends_with("’ll"))) {
        return Some(true);
    }
    if is(w, "next") {
        // "the next morning" is anaphoric; "next to" is a place.
        return (!is(prev, "the") && !is(next, "to")).then_some(true);
    }
    if w == "may" {
        // Lowercase only: "May" is the month.
        return Some(true);
    }
    // "set for April", "set to open"
    if is(w, "set") && any(next, &["for", "to"]) && !after_expr {
        return Some(true);
    }
    if is(w, "to") && any(prev, INTENT) {
        // After the expression the intention verb itself has decided.
        return (!after_expr).then_some(true);
    }
    // A participle after "be"/"have": the auxiliary already decided.  A
    // verb after a modal is its bare form ("will succeed", "would exceed").
    if any(prev, AUXILIARY) || (is(prev, "not") && any(prev2, AUXILIARY)) || any(prev, FUTURE) {
        return None;
    }
    // After a determiner an "-ed" word is an adjective ("a revised offer",
    // "the unspecified date"), and so is one in "un-" ("unexpected").
    if any(prev, DETERMINERS)
        || (w.len() > 4
            && w.get(..2).is_some_and(|p| p.eq_ignore_ascii_case("un"))
            && w.ends_with("ed"))
    {
        return None;
    }
    (any(w, PAST) || is_past_verb(w)).then_some(false)
}

const FUTURE: &[&str] = &[
    "will", "shall", "won't", "won’t", "would", "upcoming", "tomorrow", "can", "might", "must",
    "should",
];

/// Words that put what they announce in the future.
const PROSPECTIVE: &[&str] = &[
    "due",
    "scheduled",
    "slated",
    "planned",
    "plans",
    "planning",
    "expected",
    "expects",
];

/// Verbs and adjectives that put what follows "to" in the future.
const INTENT: &[&str] = &[
    "is",
    "are",
    "am",
    "going",
    "plan",
    "plans",
    "planned",
    "planning",
    "set",
    "expect",
    "expects",
    "expected",
    "intend",
    "intends",
    "intended",
    "aim",
    "aims",
    "hope",
    "hopes",
    "want",
    "wants",
    "agreed",
    "promised",
    "pledged",
    "vowed",
    "threatened",
    "decided",
    "prepared",
    "ready",
    "likely",
    "poised",
    "about",
];

/// Words after which a participle is not a finite verb ("will be held",
/// "remain closed").
const AUXILIARY: &[&str] = &[
    "be", "been", "being", "is", "are", "am", "was", "were", "has", "have", "had", "get", "got",
    "remain", "remains", "remained", "stay", "stays", "stayed",
];

/// Words after which an "-ed" word is an adjective, not a verb.
const DETERMINERS: &[&str] = &[
    "a", "an", "the", "its", "their", "his", "her", "our", "your", "this", "that", "these",
    "those", "still", "newly",
];

const PAST: &[&str] = &["had", "did", "has", "have", "ago", "yesterday"];

/// Irregular past-tense verbs common in news.
const IRREGULAR_PAST: &[&str] = &[
    "said", "told", "met", "held", "made", "took", "went", "came", "saw", "gave", "began",
    "struck", "fled", "fought", "left", "won", "lost", "spoke", "wrote", "sent", "led", "rose",
    "fell", "hit", "shot", "broke", "was", "were", "brought", "bought", "sold", "paid", "felt",
    "found", "got", "kept", "knew", "thought", "became", "ran", "stood", "grew", "chose", "drew",
    "flew", "froze", "hid", "rode", "sank", "sought", "swore", "threw", "woke", "wore", "withdrew",
];

/// An irregular past-tense verb ("said", "met").
pub fn is_irregular_past(w: &str) -> bool {
    IRREGULAR_PAST.iter().any(|v| w.eq_ignore_ascii_case(v))
}

/// A finite past verb: an irregular one, or a lowercase word in "-ed"
/// ("announced"; "Ted" and "bed" are too short to count) that is not a
/// present-tense verb or a noun in "-eed" or "-red" ("succeed", "hundred").
pub fn is_past_verb(w: &str) -> bool {
    let regular = w.len() > 4
        && w.ends_with("ed")
        && w.starts_with(|c: char| c.is_lowercase())
        && !NOT_PAST_ED.iter().any(|n| w.eq_ignore_ascii_case(n));
    regular || is_irregular_past(w)
}

/// Words in "-ed" that are not past verbs: present tenses in "-eed"
/// ("agreed" and "guaranteed" are past) and common nouns and adjectives.
const NOT_PAST_ED: &[&str] = &[
    "succeed", "proceed", "exceed", "need", "feed", "speed", "bleed", "breed", "heed", "seed",
    "indeed", "hundred", "kindred", "sacred", "naked", "wicked", "rugged", "ragged", "hatred",
    "infrared", "wretched", "crooked", "beloved", "embed",
];

#[cfg(test)]
mod tests {
    use super::*;

    /// The tense at the first occurrence of `expr` in `s`.
    fn future(s: &str, expr: &str) -> bool {
        let at = s.find(expr).expect("expression in sentence");
        points_to_future(s, at..at + expr.len())
    }

    #[test]
    fn no_marker_is_past() {
        assert!(!future("Troops arrived on Friday.", "Friday"));
        assert!(!future("The vote on Friday", "Friday"));
    }

    #[test]
    fn future_markers() {
        assert!(future("The court will rule on Friday.", "Friday"));
        assert!(future("The court is to rule on Friday.", "Friday"));
        assert!(future("He'll come on Friday.", "Friday"));
        assert!(future("Talks are expected to resume in April.", "April"));
        assert!(future("The summit is scheduled for April.", "April"));
        assert!(future("Next, they meet on Friday.", "Friday"));
        assert!(future("He said he would visit on Friday.", "Friday"));
        assert!(future("Rebels may attack on Friday.", "Friday"));
        assert!(future(
            "Protesters planned a march on Saturday.",
            "Saturday"
        ));
    }

    #[test]
    fn past_markers() {
        assert!(!future("The next morning they left.", "morning"));
        assert!(!future("Officials met on Friday.", "Friday"));
        assert!(!future(
            "On Friday, the allies condemned it; talks will go on.",
            "Friday"
        ));
        assert!(!future("On Friday, the state planned to pay.", "Friday"));
        assert!(!future("The bid had been due to expire Friday.", "Friday"));
        assert!(!future(
            "Bombs exploded next to the embassy on Friday.",
            "Friday"
        ));
        // The month is not the modal.
        assert!(!future("May rains flooded the town on Friday.", "Friday"));
        assert!(!future("The base has been closed since March.", "March"));
        assert!(!future("Two years ago, in April, it flooded.", "April"));
    }

    #[test]
    fn the_nearest_marker_decides() {
        // "said Friday" is past although the sentence reports a plan.
        let s = "The army will keep patrolling, officials said Friday.";
        assert!(!future(s, "Friday"));
        let s = "Officials said Friday that the army will patrol on Sunday.";
        assert!(!future(s, "Friday"));
        assert!(future(s, "Sunday"));
        let s = "In January, the company brought in a new chief who will start next week.";
        assert!(!future(s, "January"));
        // A tie goes to the marker before (here the past "said").
        assert!(!future("It said Friday it will go.", "Friday"));
        // A marker across a comma after the expression is an attribution:
        // the marker before, in the expression's clause, dates it.
        let s = "NATO has decided to admit Poland, Hungary and the Czech Republic \
                 in early March, an official said on Wednesday.";
        assert!(future(s, "early March"));
        assert!(!future(s, "Wednesday"));
        // Across a comma before and in its clause after: the one after.
        let s = "Troops, who had left, return on Friday, officials said.";
        assert!(!future(s, "Friday"));
        let s = "Troops that had left, it is planned, will return on Friday.";
        assert!(future(s, "Friday"));
    }

    #[test]
    fn participles_take_the_tense_of_their_auxiliary() {
        assert!(future("The talks will be held on Friday.", "Friday"));
        assert!(!future("The talks were held on Friday.", "Friday"));
        assert!(future("Talks will not be resumed until April.", "April"));
    }

    #[test]
    fn deadlines_look_forward() {
        let f = |s: &str, e: &str| {
            let at = s.find(e).expect("expression");
            deadline_points_forward(s, at..at + e.len())
        };
        assert!(f("Schools remain closed until Wednesday.", "Wednesday"));
        assert!(!f("Schools were closed until Wednesday.", "Wednesday"));
        assert!(f(
            "The agency extended its deadline until Tuesday.",
            "Tuesday"
        ));
        assert!(f(
            "It has given them until 9 a.m. Tuesday to sign.",
            "Tuesday"
        ));
        assert!(!f("Most had filed reports by Wednesday.", "Wednesday"));
    }

    #[test]
    fn past_verbs() {
        assert!(is_past_verb("announced"));
        assert!(is_past_verb("said"));
        assert!(!is_past_verb("Ted"));
        assert!(!is_past_verb("bed"));
        assert!(!is_past_verb("United"));
        assert!(!is_past_verb("succeed"));
        assert!(!is_past_verb("exceed"));
        assert!(!is_past_verb("hundred"));
        assert!(is_past_verb("agreed"));
        assert!(is_past_verb("guaranteed"));
    }

    #[test]
    fn adjectives_and_bare_verbs_in_ed_are_not_markers() {
        let s = "He will succeed Mr. Davison Feb. 1.";
        assert!(future(s, "Feb. 1"));
        let s = "It would be paid on a still unspecified date in January.";
        assert!(future(s, "January"));
        assert!(future("They will weigh a revised offer in June.", "June"));
        assert!(future(
            "Talks may resume in June, an unnamed aide said.",
            "June"
        ));
    }
}
