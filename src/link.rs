//! Linking: which fact a mention talks about.
//!
//! A mention is linked to a fact by the words its sentence shares with the
//! fact (its text and `cues`), each weighted by how rare it is among the
//! facts and how close it stands to the mention. Three guards keep a number
//! from being checked against the wrong fact:
//!
//! - *another event*: the words around the mention name a place or party the
//!   fact does not (or say "separate", "another", "earlier"), and nothing in
//!   the paragraph names the fact's own places ("40 soldiers in a separate
//!   assault on Dioura" is not the Boulikessi toll);
//! - *another predicate*: the words right next to the mention and right next
//!   to the fact's value have nothing in common ("two firefighters were
//!   injured" is not "200 firefighters were deployed");
//! - *doubt*: when a fact that agrees with the mention links almost as well
//!   as one that contradicts it, the mention is not reported.
//!
//! The facts are indexed by word, so the cost per mention grows with the
//! words of its sentence, not with the size of the fact sheet.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use jiff::civil::Date;

use crate::analysis::Analysis;
use crate::document::{Document, Span};
use crate::extract::time::{Resolution, Signal, TimexType};
use crate::facts::{Fact, FactSheet, Scope};
use crate::words::{Word, is_calendar_word, is_stop_word, is_title_case, words};

/// A link needs at least this many distinct shared words ...
const MIN_SHARED_WORDS: usize = 2;
/// ... and at least this score (a rare word next to the mention scores 1).
const MIN_SCORE: f32 = 0.75;
/// A word `PROXIMITY` words away from the mention counts half.
const PROXIMITY: f32 = 8.0;
/// Words farther than this from the mention are not read, so a
/// pathological paragraph (a whole file on one line) costs linear time.
const MAX_REACH: usize = 120;
/// How far around a mention the *another event* guard looks, in words.
const EVENT_WINDOW: usize = 8;
/// Extra weight of a word in the mention's own segment of the sentence
/// ("revenue of $4.2 billion and a net profit of $386 million": "revenue"
/// is $4.2 billion's, "net profit" is $386 million's).
const SEGMENT_BONUS: f32 = 1.0;
/// Words that end a segment.
const SEGMENT_BREAKS: &[&str] = &["and", "but", "while", "whereas", "which", "who", "or"];
/// A sentence dated this many days away from a fact talks about another time.
const ANOTHER_TIME_DAYS: i32 = 31;
/// A fact that agrees with the mention and scores at least this share of
/// the best score makes the mention doubtful: it is not reported.
const DOUBT_RATIO: f32 = 0.6;

/// Words that announce a different event than the one being discussed.
const OTHER_EVENT_MARKERS: &[&str] = &[
    "separate",
    "another",
    "other",
    "earlier",
    "previous",
    "prior",
    "different",
];

/// What kind of mention is being linked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Quantity,
    Time,
    Quote,
}

/// A candidate fact for a mention.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Link {
    pub fact: usize,
    pub score: f32,
    /// Shares enough distinctive words to be reported against. A weak link
    /// can only make a mention doubtful, never contradict it.
    pub strong: bool,
    /// How many distinctive words it shares.
    pub distinctive: usize,
}

/// The words of one fact.
#[derive(Debug)]
struct FactTerms {
    /// The words of the fact's text (spans into the text).
    words: Vec<Word>,
    /// Content stems of the text and cues, values excluded.
    stems: HashSet<String>,
    /// Its names that few other facts share: the places and parties that
    /// tell this event from others.
    names: HashSet<String>,
}

/// The fact sheet indexed for linking.
#[derive(Debug)]
pub struct FactIndex<'s> {
    pub sheet: &'s FactSheet,
    terms: Vec<FactTerms>,
    /// stem → facts that have it.
    postings: HashMap<String, Vec<usize>>,
    /// stem → its weight, 1 for a word of one fact, less for common ones.
    weights: HashMap<String, f32>,
}

impl<'s> FactIndex<'s> {
    pub fn new(sheet: &'s FactSheet) -> Self {
        let mut terms: Vec<FactTerms> = sheet.facts.iter().map(fact_terms).collect();
        let mut postings: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, t) in terms.iter().enumerate() {
            for stem in &t.stems {
                postings.entry(stem.clone()).or_default().push(i);
            }
        }
        let n = terms.len().max(1) as f32;
        let weights = postings
            .iter()
            .map(|(stem, facts)| {
                let w = (1.0 + n / facts.len() as f32).ln() / (1.0 + n).ln();
                (stem.clone(), w)
            })
            .collect();
        let max_df = (terms.len() / 3).max(1);
        for t in &mut terms {
            t.names
                .retain(|name| postings.get(name).is_some_and(|f| f.len() <= max_df));
        }
        FactIndex {
            sheet,
            terms,
            postings,
            weights,
        }
    }

    /// The facts `mention` may talk about, best first, with the *another
    /// event* guard applied.
    pub fn links(&self, analysis: &Analysis, mention: &Span, kind: Kind) -> Vec<Link> {
        let Some(ctx) = MentionContext::new(analysis, mention) else {
            return Vec::new();
        };
        let mut scores: HashMap<usize, HashMap<&str, f32>> = HashMap::new();
        for (i, w) in ctx.paragraph_words().iter().enumerate() {
            let Some(facts) = self.postings.get(&w.stem) else {
                continue;
            };
            let index = ctx.paragraph.start + i;
            let in_sentence = ctx.sentence.contains(&index);
            let mut weight = self.weights[&w.stem] * ctx.proximity(index);
            if ctx.segment.contains(&index) {
                weight += self.weights[&w.stem] * SEGMENT_BONUS;
            }
            for &f in facts {
                if !in_sentence && self.sheet.facts[f].scope == Scope::Sentence {
                    continue;
                }
                // A stem seen twice counts once, at its closest.
                let best = scores
                    .entry(f)
                    .or_default()
                    .entry(w.stem.as_str())
                    .or_insert(0.0);
                *best = best.max(weight);
            }
        }
        let segment_stems: HashSet<&str> = ctx.words[ctx.segment.clone()]
            .iter()
            .map(|w| w.stem.as_str())
            .filter(|s| self.is_distinctive(s) && self.postings.contains_key(*s))
            .collect();
        let segment_known = !segment_stems.is_empty();
        let mut links: Vec<Link> = scores
            .into_iter()
            .filter(|(fact, _)| !self.another_event(*fact, &ctx))
            .map(|(fact, shared)| {
                let score: f32 = shared.values().sum();
                let distinctive = shared.keys().filter(|s| self.is_distinctive(s)).count();
                let in_segment = shared
                    .keys()
                    .filter(|s| self.is_distinctive(s) && segment_stems.contains(*s))
                    .count();
                // When a quantity's own segment names what it measures
                // ("revenue of $4.2 billion"), only a fact with that word
                // may be contradicted, and the word counts twice.
                let (names_its_subject, bonus) = match kind {
                    Kind::Quantity => (in_segment > 0 || !segment_known, in_segment),
                    Kind::Time | Kind::Quote => (true, 0),
                };
                Link {
                    fact,
                    score,
                    strong: names_its_subject
                        && distinctive + bonus >= MIN_SHARED_WORDS
                        && score >= MIN_SCORE,
                    distinctive,
                }
            })
            .collect();
        links.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.fact.cmp(&b.fact)));
        links
    }

    /// A word that tells facts apart: in at most half of them. The story's
    /// subject ("Brenmoor Systems", "the election") is in all and proves
    /// nothing about which fact a sentence states.
    fn is_distinctive(&self, stem: &str) -> bool {
        let n = self.terms.len();
        n < 4 || self.postings.get(stem).is_some_and(|f| f.len() * 2 <= n)
    }

    /// The *another time* guard: the sentence dates what it says (the
    /// nearest date to the mention), and that date is more than a month from
    /// every date of the fact — or, for a fact without a date, from the
    /// story's publication ("four years ago he won 55.1 per cent").
    pub fn another_time(&self, fact: usize, analysis: &Analysis, mention: &Span) -> bool {
        let Some(sentence) = analysis.doc.sentence_at(mention.start) else {
            return false;
        };
        let dated = |t: &&crate::extract::time::TimeMention| {
            t.interval.is_some()
                && matches!(
                    t.resolution,
                    Resolution::Absolute | Resolution::Reference { .. }
                )
                && matches!(t.typ, TimexType::Date | TimexType::Time)
                && !matches!(
                    t.signal.as_ref().map(|s| s.0),
                    Some(
                        Signal::Since
                            | Signal::From
                            | Signal::Until
                            | Signal::By
                            | Signal::Before
                            | Signal::After
                    )
                )
        };
        let distance = |t: &&crate::extract::time::TimeMention| {
            if t.span.start >= mention.end {
                t.span.start - mention.end
            } else {
                mention.start.saturating_sub(t.span.end)
            }
        };
        let Some(when) = analysis
            .times
            .iter()
            .filter(|t| sentence.start <= t.span.start && t.span.end <= sentence.end)
            .filter(|t| !analysis.in_quote(&t.span))
            .filter(dated)
            .min_by_key(distance)
            .and_then(|t| t.interval)
        else {
            return false;
        };
        let fact_times: Vec<(Date, Date)> = self.sheet.facts[fact]
            .times
            .iter()
            .filter(dated)
            .filter_map(|t| t.interval)
            .collect();
        let fact_times = if fact_times.is_empty() {
            match self.sheet.published {
                Some(p) => vec![(p, p)],
                None => return false,
            }
        } else {
            fact_times
        };
        fact_times
            .iter()
            .all(|&(a, b)| days_apart(when, (a, b)) > ANOTHER_TIME_DAYS)
    }

    /// The *another event* guard.
    fn another_event(&self, fact: usize, ctx: &MentionContext) -> bool {
        let terms = &self.terms[fact];
        if terms.names.is_empty()
            || ctx
                .paragraph_words()
                .iter()
                .any(|w| terms.names.contains(&w.stem))
        {
            return false;
        }
        ctx.near(EVENT_WINDOW).iter().any(|w| {
            // A name the fact sheet knows belongs to the story (the loser
            // of an election is named beside the winner's share); an unknown
            // one announces another event.
            let foreign_name = w.capitalised
                && !ctx.title_case
                && !is_calendar_word(&w.stem)
                && !is_stop_word(&w.stem)
                && !self.postings.contains_key(&w.stem);
            foreign_name || OTHER_EVENT_MARKERS.contains(&w.stem.as_str())
        })
    }

    /// The *another predicate* guard: none of the words right next to the
    /// mention belong to the fact (its text or cues). `skip` holds stems that
    /// do not count (the counted noun, which says what is counted, not what
    /// happened to it).
    pub fn another_predicate(
        &self,
        fact: usize,
        analysis: &Analysis,
        mention: &Span,
        window: usize,
        skip: &[&str],
    ) -> bool {
        let Some(ctx) = MentionContext::new(analysis, mention) else {
            return false;
        };
        let terms = &self.terms[fact];
        let mut near = ctx
            .near(window)
            .into_iter()
            .filter(|w| {
                !is_stop_word(&w.stem)
                    && !is_calendar_word(&w.stem)
                    && !skip.contains(&w.stem.as_str())
            })
            .peekable();
        near.peek().is_some() && !near.any(|w| terms.stems.contains(&w.stem))
    }

    /// How well the words around `value` in the fact match the words around
    /// the mention: chooses between several values of one fact.
    pub fn value_affinity(
        &self,
        fact: usize,
        value: &Span,
        analysis: &Analysis,
        mention: &Span,
    ) -> f32 {
        let Some(ctx) = MentionContext::new(analysis, mention) else {
            return 0.0;
        };
        let around_value: HashSet<&str> = near(&self.terms[fact].words, value, EVENT_WINDOW)
            .iter()
            .map(|w| w.stem.as_str())
            .filter(|s| !is_stop_word(s))
            .collect();
        let mut seen = HashSet::new();
        let mut score = 0.0;
        for (i, w) in ctx.sentence_words().iter().enumerate() {
            if around_value.contains(w.stem.as_str()) && seen.insert(w.stem.as_str()) {
                score += ctx.proximity(ctx.sentence.start + i);
            }
        }
        score
    }

    pub fn fact(&self, index: usize) -> &'s Fact {
        &self.sheet.facts[index]
    }
}

/// Judges a mention against its links. `values` gives, for a fact, the
/// values comparable with the mention; `compatible` says whether a value
/// agrees with it, `same` whether it is the very value the mention gives.
/// Returns the contradicted link and value, or `None` when nothing strong
/// contradicts the mention or when it is in doubt: a fact that agrees links
/// about as well, or any linked fact holds the very same value.
pub fn judge<V: Clone>(
    links: &[Link],
    mut values: impl FnMut(usize) -> Vec<V>,
    mut compatible: impl FnMut(&V) -> bool,
    mut same: impl FnMut(&V) -> bool,
) -> Option<(Link, V)> {
    let candidates: Vec<(Link, Vec<V>)> = links
        .iter()
        .map(|l| (*l, values(l.fact)))
        .filter(|(_, vals)| !vals.is_empty())
        .collect();
    let (contradicted, vals) = candidates.iter().find(|(l, _)| l.strong)?;
    let mut doubt = false;
    for (link, vals) in &candidates {
        if (link.distinctive > 0 && vals.iter().any(&mut same))
            || (link.score >= contradicted.score * DOUBT_RATIO && vals.iter().any(&mut compatible))
        {
            doubt = true;
            break;
        }
    }
    (!doubt).then(|| (*contradicted, vals[0].clone()))
}

fn days_apart(a: (Date, Date), b: (Date, Date)) -> i32 {
    let gap = |x: Date, y: Date| (y - x).get_days();
    if a.1 < b.0 {
        gap(a.1, b.0)
    } else if b.1 < a.0 {
        gap(b.1, a.0)
    } else {
        0
    }
}

/// The words around one mention.
struct MentionContext<'a> {
    words: &'a [Word],
    /// Word indices of the mention's sentence and paragraph.
    sentence: Range<usize>,
    paragraph: Range<usize>,
    /// Word indices of the mention itself (may be empty: between words).
    mention: Range<usize>,
    /// Word indices of the mention's segment: its sentence cut at
    /// punctuation, conjunctions and the other values around it.
    segment: Range<usize>,
    title_case: bool,
}

impl<'a> MentionContext<'a> {
    fn new(analysis: &'a Analysis, mention: &Span) -> Option<Self> {
        let doc: &Document = &analysis.doc;
        let words = analysis.words.as_slice();
        let sentence = doc.sentence_at(mention.start)?;
        let paragraph = doc
            .paragraph_at(mention.start)
            .unwrap_or_else(|| sentence.clone());
        let mention = word_range(words, mention);
        let reach = mention.start.saturating_sub(MAX_REACH)..mention.end + MAX_REACH;
        let clamp = |r: Range<usize>| {
            r.start.max(reach.start)..r.end.min(reach.end).max(r.start.max(reach.start))
        };
        let sentence = clamp(word_range(words, &sentence));
        let paragraph = clamp(word_range(words, &paragraph));
        let title_case = is_title_case(&words[sentence.clone()], doc.text);
        let segment = segment(analysis, &sentence, &mention);
        Some(MentionContext {
            words,
            sentence,
            paragraph,
            mention,
            segment,
            title_case,
        })
    }

    fn paragraph_words(&self) -> &'a [Word] {
        &self.words[self.paragraph.clone()]
    }

    fn sentence_words(&self) -> &'a [Word] {
        &self.words[self.sentence.clone()]
    }

    /// Weight of the word at `index` by its distance from the mention.
    fn proximity(&self, index: usize) -> f32 {
        let distance = if index < self.mention.start {
            self.mention.start - index
        } else {
            (index + 1).saturating_sub(self.mention.end)
        };
        1.0 / (1.0 + distance as f32 / PROXIMITY)
    }

    /// The sentence's words within `window` words of the mention, the
    /// mention's own words excluded.
    fn near(&self, window: usize) -> Vec<Word> {
        let before = self
            .mention
            .start
            .saturating_sub(window)
            .max(self.sentence.start)..self.mention.start;
        let after = self.mention.end..(self.mention.end + window).min(self.sentence.end);
        before.chain(after).map(|i| self.words[i].clone()).collect()
    }
}

/// The mention's segment of its sentence: outward from the mention until
/// punctuation, a conjunction or another value.
fn segment(analysis: &Analysis, sentence: &Range<usize>, mention: &Range<usize>) -> Range<usize> {
    let words = &analysis.words;
    let text = analysis.doc.text;
    let (Some(first), Some(last)) = (
        words.get(mention.start),
        mention.end.checked_sub(1).and_then(|i| words.get(i)),
    ) else {
        return mention.clone();
    };
    let (own_start, own_end) = (first.span.start, last.span.end);
    let other_value = |w: &Word| {
        let outside = w.span.end <= own_start || w.span.start >= own_end;
        outside
            && (crate::analysis::overlaps_sorted(&analysis.quantity_spans, &w.span)
                || crate::analysis::overlaps_sorted(&analysis.time_spans, &w.span))
    };
    let breaks = |a: &Word, b: &Word| {
        text[a.span.end..b.span.start].contains([
            ',', ';', ':', '(', ')', '\u{2014}', '\u{2013}', '"', '\u{201c}', '\u{201d}',
        ])
    };
    let mut start = mention.start;
    while start > sentence.start {
        let prev = &words[start - 1];
        if breaks(prev, &words[start])
            || SEGMENT_BREAKS.contains(&prev.stem.as_str())
            || other_value(prev)
        {
            break;
        }
        start -= 1;
    }
    let mut end = mention.end;
    while end < sentence.end {
        let next = &words[end];
        if breaks(&words[end - 1], next)
            || SEGMENT_BREAKS.contains(&next.stem.as_str())
            || other_value(next)
        {
            break;
        }
        end += 1;
    }
    start..end
}

/// Indices of the words inside `span`.
fn word_range(words: &[Word], span: &Span) -> Range<usize> {
    let start = words.partition_point(|w| w.span.end <= span.start);
    let end = words.partition_point(|w| w.span.start < span.end);
    start..end.max(start)
}

/// The words within `window` words of `span` in a fact's text.
fn near<'w>(words: &'w [Word], span: &Span, window: usize) -> Vec<&'w Word> {
    let inside = word_range(words, span);
    let before = inside.start.saturating_sub(window)..inside.start;
    let after = inside.end..(inside.end + window).min(words.len());
    before.chain(after).map(|i| &words[i]).collect()
}

fn fact_terms(fact: &Fact) -> FactTerms {
    let text = fact.text.as_str();
    let all = words(text, 0..text.len());
    let values: Vec<&Range<usize>> = fact
        .quantities
        .iter()
        .map(|q| &q.number_span)
        .chain(fact.times.iter().map(|t| &t.span))
        .collect();
    let in_value = |w: &Word| {
        values
            .iter()
            .any(|v| v.start < w.span.end && w.span.start < v.end)
    };
    let mut stems: HashSet<String> = all
        .iter()
        .filter(|w| !in_value(w) && !is_stop_word(&w.stem) && !is_calendar_word(&w.stem))
        .map(|w| w.stem.clone())
        .collect();
    let names = all
        .iter()
        .filter(|w| w.capitalised && !is_calendar_word(&w.stem) && !is_stop_word(&w.stem))
        .filter(|w| !in_quote(fact, &w.span))
        .map(|w| w.stem.clone())
        .collect();
    for cue in &fact.cues {
        for w in words(cue, 0..cue.len()) {
            if !is_stop_word(&w.stem) {
                stems.insert(w.stem);
            }
        }
    }
    FactTerms {
        words: all,
        stems,
        names,
    }
}

fn in_quote(fact: &Fact, span: &Span) -> bool {
    fact.quotes
        .iter()
        .any(|q| q.content.start <= span.start && span.end <= q.content.end)
}
