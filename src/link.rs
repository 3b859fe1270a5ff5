//! Linking: which fact a mention talks about.
//!
//! A mention is linked to a fact by the words its sentence shares with the
//! fact (its text and `cues`), each weighted by how rare it is among the
//! facts and how close it stands to the mention. A link is *strong* — a
//! mention may be reported against it — when the sentence shares at least two
//! of the fact's distinctive words (words of at most half the facts; for
//! dates, of at most a quarter), and, for a quantity whose subject the text
//! names ("revenue of $4.2 billion", "30 soldiers"), only when the fact has
//! that subject. Weak links can only make a mention doubtful.
//!
//! Guards keep a value from being checked against the wrong fact:
//!
//! - *another story*: a document that names none of the story's places,
//!   people or parties is not linked at all;
//! - *another event*: "separate", "another", "earlier"… next to the mention,
//!   or a name no fact knows while the paragraph names none of the fact's
//!   ("40 soldiers in a separate assault on Dioura" is not the Boulikessi
//!   toll);
//! - *another predicate*: none of the words right next to the mention, in its
//!   clause, belong to the fact ("two firefighters were injured" is not "200
//!   firefighters were deployed");
//! - *another time*: the sentence is dated more than a month from the fact
//!   ("four years ago he won 55.1 per cent");
//! - *doubt* ([`judge`]): a fact that agrees links about as well, or any
//!   linked fact holds the very same value.
//!
//! The facts are indexed by word, so the cost per mention grows with the
//! words of its sentence, not with the size of the fact sheet.

use std::collections::{HashMap, HashSet};

use rustc_hash::{FxHashMap, FxHashSet};
use std::ops::Range;

use jiff::civil::Date;

use crate::analysis::Analysis;
use crate::document::{Document, Span};
use crate::extract::time::{Resolution, Signal, TimexType};
use crate::facts::{Fact, FactSheet, Origin, Scope};
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
/// A word more facts than this share brings no fact to a mention by itself
/// (see [`FactIndex::links`]). No smaller sheet is affected.
const NOMINATING_POSTINGS: usize = 64;
/// How far around a mention the *another event* guard looks, in words.
pub(crate) const EVENT_WINDOW: usize = 8;
/// Extra weight of a word in the mention's own segment of the sentence
/// ("revenue of $4.2 billion and a net profit of $386 million": "revenue"
/// is $4.2 billion's, "net profit" is $386 million's).
const SEGMENT_BONUS: f32 = 1.0;
/// Words that end a segment.
const SEGMENT_BREAKS: &[&str] = &["and", "but", "while", "whereas", "which", "who", "or"];
/// How far from a mention, in bytes, the date that governs it may stand.
const ANOTHER_TIME_REACH: usize = 400;
/// How many content words before or after a quantity its subject may stand.
const SUBJECT_REACH: usize = 3;
/// A sentence dated this many days away from a fact talks about another time.
const ANOTHER_TIME_DAYS: i32 = 31;
/// A fact that agrees with the mention and scores at least this share of
/// the best score makes the mention doubtful: it is not reported.
const DOUBT_RATIO: f32 = 0.6;

/// Modal verbs that turn a value into a possibility.
const MODALS: &[&str] = &["can", "could", "may", "might"];
/// How many words before a quantity a modal verb governs it.
const MODAL_REACH: usize = 3;

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
    /// The text names the quantity's subject outside the quantity itself
    /// ("revenue of $4.2 billion", "30 people … admitted to hospital") and
    /// the fact has it: the mention's clause is about the fact, whatever
    /// its verb.
    pub named: bool,
}

/// What a quantity measures, and whether it is named outside the quantity.
#[derive(Debug, Clone, Copy)]
struct Subject<'a> {
    stem: &'a str,
    outside: bool,
}

/// The words of one fact.
#[derive(Debug)]
struct FactTerms {
    /// The words of the fact's text (spans into the text).
    words: Vec<Word>,
    /// Content stems of the text and cues, values excluded.
    stems: FxHashSet<String>,
    /// Its names that few other facts share: the places and parties that
    /// tell this event from others.
    names: FxHashSet<String>,
    /// All its names, shared or not: the story's names are theirs together.
    all_names: Vec<String>,
}

/// The fact sheet indexed for linking.
#[derive(Debug)]
pub struct FactIndex<'s> {
    pub sheet: &'s FactSheet,
    terms: Vec<FactTerms>,
    /// How many facts the sheet's own (not drafted from a source).
    own: usize,
    /// stem → facts that have it.
    postings: FxHashMap<String, Vec<usize>>,
    /// stem → its weight, 1 for a word of one fact, less for common ones.
    weights: FxHashMap<String, f32>,
    /// The story's places, people and parties: the names several facts share
    /// or the title holds (all names, when no two facts share one).
    story_names: Vec<String>,
    /// The names of the people and bodies the facts quote.
    speaker_names: Vec<String>,
}

impl<'s> FactIndex<'s> {
    pub fn new(sheet: &'s FactSheet) -> Self {
        // Facts drafted from source documents are linked by
        // [`crate::support`], which reads a rewrite against a whole source.
        let mut terms: Vec<FactTerms> = sheet
            .facts
            .iter()
            .map(|f| match f.origin {
                Origin::Sheet => fact_terms(f),
                Origin::Source(_) => FactTerms {
                    words: Vec::new(),
                    stems: FxHashSet::default(),
                    names: FxHashSet::default(),
                    all_names: Vec::new(),
                },
            })
            .collect();
        let mut postings: FxHashMap<String, Vec<usize>> = FxHashMap::default();
        for (i, t) in terms.iter().enumerate() {
            for stem in &t.stems {
                postings.entry(stem.clone()).or_default().push(i);
            }
        }
        let own = sheet
            .facts
            .iter()
            .filter(|f| f.origin == Origin::Sheet)
            .count();
        let n = own.max(1) as f32;
        let weights = postings
            .iter()
            .map(|(stem, facts)| {
                let w = (1.0 + n / facts.len() as f32).ln() / (1.0 + n).ln();
                (stem.clone(), w)
            })
            .collect();
        let max_df = (own / 3).max(1);
        for t in &mut terms {
            t.names
                .retain(|name| postings.get(name).is_some_and(|f| f.len() <= max_df));
        }
        // A capitalised word the sheet also writes in lower case is a common
        // word in a title ("the Regional Health Authority" beside "the
        // regional government"), not a name.
        let lower: HashSet<String> = sheet
            .facts
            .iter()
            .flat_map(|f| {
                words(&f.text, 0..f.text.len())
                    .into_iter()
                    .filter(|w| f.text[w.span.clone()].starts_with(char::is_lowercase))
                    .map(|w| w.stem)
            })
            .collect();
        for t in &mut terms {
            t.all_names.retain(|n| !lower.contains(n));
        }
        // The story's own names are the ones several facts share (the town
        // of the fire, the company of the results); a name in one fact only
        // may be a passer-by whose surname another story shares.
        let mut counts: HashMap<&str, usize> = HashMap::new();
        for t in &terms {
            for n in &t.all_names {
                *counts.entry(n.as_str()).or_default() += 1;
            }
        }
        // The title names the story: a name it holds is the story's even
        // when one fact has it.
        let title: HashSet<String> = sheet
            .title
            .iter()
            .flat_map(|t| words(t, 0..t.len()))
            .map(|w| w.stem)
            .collect();
        let shared: Vec<String> = counts
            .iter()
            .filter(|(n, c)| **c >= 2 || title.contains(**n))
            .map(|(n, _)| n.to_string())
            .collect();
        let mut speaker_names: Vec<String> = sheet
            .facts
            .iter()
            .flat_map(|f| {
                f.quotes
                    .iter()
                    .filter_map(|q| q.speaker_name.clone())
                    .flat_map(|span| words(&f.text, span))
                    .filter(|w| f.text[w.span.clone()].starts_with(char::is_uppercase))
                    .filter(|w| !lower.contains(&w.stem) && !is_stop_word(&w.stem))
                    .filter(|w| !crate::extract::quote::is_title(&f.text[w.span.clone()]))
                    .map(|w| w.stem)
            })
            .collect();
        speaker_names.sort();
        speaker_names.dedup();
        let mut story_names = if shared.is_empty() {
            counts.keys().map(|n| n.to_string()).collect()
        } else {
            shared
        };
        story_names.sort();
        FactIndex {
            sheet,
            story_names,
            speaker_names,
            terms,
            own,
            postings,
            weights,
        }
    }

    /// The words around a mention, read once and shared by [`Self::links`]
    /// and the guards. `None` for a mention outside any sentence.
    pub fn mention<'a>(
        &self,
        analysis: &'a Analysis,
        mention: &Span,
    ) -> Option<MentionContext<'a>> {
        MentionContext::new(analysis, mention)
    }

    /// The facts a mention may talk about, best first, with the *another
    /// event* guard applied.
    ///
    /// Facts come to a mention through the words they share with its
    /// paragraph, found in the index. A word that more than
    /// [`NOMINATING_POSTINGS`] facts share adds to the score of the facts
    /// the paragraph's other words bring, but brings none by itself: in a
    /// sheet that large it tells no fact from the others, and reading its
    /// whole list for every mention would make the cost grow with the sheet.
    pub fn links(&self, ctx: &MentionContext, kind: Kind) -> Vec<Link> {
        if !self.in_document(ctx) {
            return Vec::new();
        }
        let shared = self.shared_stems(ctx);
        let subject = match kind {
            Kind::Quantity => self.subject(ctx),
            Kind::Time | Kind::Quote => None,
        };
        // A date has no counted noun to anchor it, so only rare words count
        // ("released … on Thursday" is not "queued at the health centre over
        // the weekend").
        let counts = |stem: &str| match kind {
            Kind::Time => self.is_rare(stem),
            Kind::Quantity | Kind::Quote => self.is_distinctive(stem),
        };
        let mut at: FxHashMap<usize, usize> = FxHashMap::default();
        let mut scored: Vec<Scored> = Vec::new();
        let mut add = |scored: &mut Vec<Scored>, fact: usize, s: &SharedStem| {
            // A sentence-scoped fact is linked by the sentence's words only.
            let weight = if self.sheet.facts[fact].scope == Scope::Sentence {
                match s.in_sentence {
                    Some(w) => w,
                    None => return,
                }
            } else {
                s.best
            };
            let i = *at.entry(fact).or_insert_with(|| {
                scored.push(Scored {
                    fact,
                    score: 0.0,
                    distinctive: 0,
                    subject: false,
                });
                scored.len() - 1
            });
            let entry = &mut scored[i];
            entry.score += weight;
            entry.distinctive += usize::from(counts(s.stem));
            entry.subject |= subject.is_some_and(|subject| subject.stem == s.stem);
        };
        for s in shared
            .iter()
            .filter(|s| s.facts.len() <= NOMINATING_POSTINGS)
        {
            for &fact in s.facts {
                add(&mut scored, fact, s);
            }
        }
        let nominated = scored.len();
        for s in shared
            .iter()
            .filter(|s| s.facts.len() > NOMINATING_POSTINGS)
        {
            for i in 0..nominated {
                let fact = scored[i].fact;
                if self.terms[fact].stems.contains(s.stem) {
                    add(&mut scored, fact, s);
                }
            }
        }
        let event = EventClues::new(self, ctx);
        let others = SentenceValues::new(ctx);
        let mut links: Vec<Link> = scored
            .into_iter()
            .filter(|s| !self.another_event(s.fact, &event))
            .map(|s| {
                // A quantity whose subject is named ("revenue of $4.2
                // billion", "30 soldiers") may only contradict a fact about
                // that subject, and the subject counts twice.
                let (about_subject, bonus, named) = match &subject {
                    Some(subject) if s.subject => (true, 1, subject.outside),
                    Some(_) => (false, 0, false),
                    None => (true, 0, false),
                };
                // Another value of the sentence that is exactly one of the
                // fact's ("the rise of 17 per cent since 2012" beside a fact
                // "risen by 17% since 2015") ties the sentence to the fact.
                let corroborated =
                    usize::from(s.distinctive > 0 && others.corroborate(&self.sheet.facts[s.fact]));
                Link {
                    fact: s.fact,
                    score: s.score,
                    strong: about_subject
                        && s.distinctive + bonus + corroborated >= MIN_SHARED_WORDS
                        && s.score >= MIN_SCORE,
                    distinctive: s.distinctive,
                    named,
                }
            })
            .collect();
        links.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.fact.cmp(&b.fact)));
        links
    }

    /// The paragraph's stems that facts have, each once, in the order they
    /// first come, weighted at their closest to the mention.
    fn shared_stems<'c>(&'c self, ctx: &MentionContext<'c>) -> Vec<SharedStem<'c>> {
        let mut at: FxHashMap<&str, usize> = FxHashMap::default();
        let mut shared: Vec<SharedStem> = Vec::new();
        for (i, w) in ctx.paragraph_words().iter().enumerate() {
            let Some(facts) = self.postings.get(&w.stem) else {
                continue;
            };
            let index = ctx.paragraph.start + i;
            let mut weight = self.weights[&w.stem] * ctx.proximity(index);
            if ctx.segment.contains(&index) {
                weight += self.weights[&w.stem] * SEGMENT_BONUS;
            }
            let in_sentence = ctx.sentence.contains(&index).then_some(weight);
            let i = *at.entry(w.stem.as_str()).or_insert_with(|| {
                shared.push(SharedStem {
                    stem: w.stem.as_str(),
                    facts,
                    best: 0.0,
                    in_sentence: None,
                });
                shared.len() - 1
            });
            // A stem seen twice counts once, at its closest.
            let s = &mut shared[i];
            s.best = s.best.max(weight);
            if let Some(w) = in_sentence {
                s.in_sentence = Some(s.in_sentence.map_or(w, |old| old.max(w)));
            }
        }
        shared
    }

    /// What a quantity measures, when the text names it with a word the
    /// fact sheet knows: its counted noun ("30 Malian soldiers"), else the
    /// nearest such word before it in its segment ("revenue of $4.2
    /// billion", "turnout exceeded 60%"), else the last one just after it.
    fn subject<'c>(&self, ctx: &MentionContext<'c>) -> Option<Subject<'c>> {
        let known = |w: &&Word| {
            !is_stop_word(&w.stem)
                && self.is_distinctive(&w.stem)
                && self.postings.contains_key(&w.stem)
        };
        let own = ctx.words[ctx.mention.clone()]
            .iter()
            .rev()
            .find(known)
            .map(|w| (w, false));
        // Reach is counted in content words: "have been admitted to
        // hospital" is two words away, not five.
        let within_reach = |words: &mut dyn Iterator<Item = &'c Word>| -> Vec<&'c Word> {
            let mut content = 0;
            words
                .take_while(|w| {
                    if !is_stop_word(&w.stem) {
                        content += 1;
                    }
                    content <= SUBJECT_REACH
                })
                .collect()
        };
        let before = || {
            within_reach(&mut ctx.words[ctx.segment.start..ctx.mention.start].iter().rev())
                .into_iter()
                .find(known)
        };
        // After it, the head of the phrase comes last: "a 21% jump in
        // quarterly profit".
        let after = || {
            within_reach(&mut ctx.words[ctx.mention.end..ctx.segment.end].iter())
                .into_iter()
                .rev()
                .find(known)
        };
        own.or_else(|| before().or_else(after).map(|w| (w, true)))
            .map(|(w, outside)| Subject {
                stem: w.stem.as_str(),
                outside,
            })
    }

    /// A word of at most a quarter of the facts (of at most two in a small
    /// sheet): strong evidence on its own.
    fn is_rare(&self, stem: &str) -> bool {
        let n = self.own;
        self.postings
            .get(stem)
            .is_some_and(|f| f.len() * 4 <= n || f.len() <= 2)
    }

    /// A word that tells facts apart: in at most half of them. The story's
    /// subject ("Brenmoor Systems", "the election") is in all and proves
    /// nothing about which fact a sentence states.
    fn is_distinctive(&self, stem: &str) -> bool {
        let n = self.own;
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
        // Only the times near the mention are looked at (the list is in text
        // order), so the guard costs the same however long the sentence.
        let window = mention
            .start
            .saturating_sub(ANOTHER_TIME_REACH)
            .max(sentence.start)
            ..(mention.end + ANOTHER_TIME_REACH).min(sentence.end);
        let first = analysis
            .times
            .partition_point(|t| t.span.start < window.start);
        let Some(when) = analysis.times[first..]
            .iter()
            .take_while(|t| t.span.start < window.end)
            .filter(|t| t.span.end <= window.end)
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

    /// What a quantity measures, as a stem, when the text names it ("crowd"
    /// in "a crowd of 98,000").
    pub fn mention_subject<'c>(&self, ctx: &MentionContext<'c>) -> Option<&'c str> {
        self.subject(ctx).map(|s| s.stem)
    }

    /// The word a fact's value is a value of: the nearest content word before
    /// it ("crowd" in "a crowd of 89,000").
    pub fn value_subject(&self, fact: usize, value: &Span) -> Option<&str> {
        let words = &self.terms[fact].words;
        let before = word_range(words, value).start;
        words[..before]
            .iter()
            .rev()
            .take(4)
            .find(|w| !is_stop_word(&w.stem) && !is_calendar_word(&w.stem))
            .map(|w| w.stem.as_str())
    }

    /// Whether a modal verb just before the mention makes it a possibility,
    /// not a claim ("compensation can reach €600 on longer routes").
    pub fn hypothetical(&self, ctx: &MentionContext) -> bool {
        let before = ctx
            .mention
            .start
            .saturating_sub(MODAL_REACH)
            .max(ctx.segment.start)..ctx.mention.start;
        ctx.words[before]
            .iter()
            .any(|w| MODALS.contains(&ctx.text[w.span.clone()].to_ascii_lowercase().as_str()))
    }

    /// Whether the document is about the fact sheet's story at all: it names
    /// one of the story's places, people or parties somewhere. Without this,
    /// an article about a storm links "three people died" to a toll of
    /// soldiers. (Which event of the story a sentence is about is the
    /// *another event* guard's question.)
    fn in_document(&self, ctx: &MentionContext) -> bool {
        self.is_about_story(ctx.document_stems)
    }

    /// Whether a document (its set of stems) names one of the story's
    /// places, people or parties.
    pub fn is_about_story(&self, document_stems: &HashSet<String>) -> bool {
        self.story_names.is_empty() || self.story_names.iter().any(|n| document_stems.contains(n))
    }

    /// Whether a document names one of the story's names or someone the
    /// fact sheet quotes: enough to call its quotations this story's.
    pub fn names_story_or_speaker(&self, document_stems: &HashSet<String>) -> bool {
        self.is_about_story(document_stems)
            || self
                .speaker_names
                .iter()
                .any(|n| document_stems.contains(n))
    }

    /// The *another event* guard, for one fact: the writer marks another
    /// event that the fact does not mark itself, or the paragraph names none
    /// of the fact's names while a name no fact knows stands near.
    fn another_event(&self, fact: usize, clues: &EventClues) -> bool {
        let terms = &self.terms[fact];
        if clues.markers.iter().any(|m| !terms.stems.contains(*m)) {
            return true;
        }
        clues.unknown_name_near
            && !terms.names.is_empty()
            && !terms
                .names
                .iter()
                .any(|n| clues.paragraph_stems.contains(n.as_str()))
    }

    /// The *another predicate* guard: none of the words right next to the
    /// mention belong to the fact (its text or cues). `skip` holds stems that
    /// do not count (the counted noun, which says what is counted, not what
    /// happened to it); `own` is a part of the mention whose words count too
    /// (the "confirmed" of "124 confirmed cases").
    pub fn another_predicate(
        &self,
        fact: usize,
        ctx: &MentionContext,
        window: usize,
        skip: &[&str],
        own: Option<Span>,
    ) -> bool {
        self.another_predicate_of(fact, &predicate_words(ctx, window, skip, own))
    }

    /// [`Self::another_predicate`] with the words next to the mention read
    /// once ([`predicate_words`]), for a mention weighed against many facts.
    pub fn another_predicate_of(&self, fact: usize, near: &[&str]) -> bool {
        let terms = &self.terms[fact];
        !near.is_empty() && !near.iter().any(|w| terms.stems.contains(*w))
    }

    /// Of several comparable values of one fact, the ones whose words in
    /// the fact best match the words around the mention (all of them on a
    /// tie): "fell … in 2012" and "retaken … in 2013" in one fact.
    pub fn closest<'v, V>(
        &self,
        fact: usize,
        values: Vec<&'v V>,
        span: impl Fn(&V) -> &Span,
        ctx: &MentionContext,
    ) -> Comparable<&'v V> {
        if values.len() <= 1 {
            return Comparable {
                closest: values.clone(),
                all: values,
            };
        }
        let scored: Vec<(&V, f32)> = values
            .iter()
            .map(|v| (*v, self.value_affinity(fact, span(v), ctx)))
            .collect();
        let best = scored.iter().map(|(_, a)| *a).fold(f32::MIN, f32::max);
        let closest = scored
            .into_iter()
            .filter(|(_, a)| (*a - best).abs() < 1e-6)
            .map(|(v, _)| v)
            .collect();
        Comparable {
            all: values,
            closest,
        }
    }

    /// How well the words around `value` in the fact match the words around
    /// the mention.
    fn value_affinity(&self, fact: usize, value: &Span, ctx: &MentionContext) -> f32 {
        let around_value: FxHashSet<&str> = near(&self.terms[fact].words, value, EVENT_WINDOW)
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
    mut values: impl FnMut(usize) -> Comparable<V>,
    mut compatible: impl FnMut(&V) -> bool,
    mut same: impl FnMut(&V) -> bool,
) -> Option<(Link, V)> {
    let candidates: Vec<(Link, Comparable<V>)> = links
        .iter()
        .map(|l| (*l, values(l.fact)))
        .filter(|(_, vals)| !vals.closest.is_empty())
        .collect();
    let (contradicted, vals) = candidates.iter().find(|(l, _)| l.strong)?;
    let mut doubt = false;
    for (link, vals) in &candidates {
        if (link.distinctive > 0 && vals.all.iter().any(&mut same))
            || (link.score >= contradicted.score * DOUBT_RATIO
                && vals.closest.iter().any(&mut compatible))
        {
            doubt = true;
            break;
        }
    }
    (!doubt).then(|| (*contradicted, vals.closest[0].clone()))
}

/// A fact's values that can be compared with a mention: all of them, and
/// the ones whose words in the fact best match the mention's.
#[derive(Debug, Clone)]
pub struct Comparable<V> {
    pub all: Vec<V>,
    pub closest: Vec<V>,
}

impl<V> Comparable<V> {
    pub fn none() -> Self {
        Comparable {
            all: Vec::new(),
            closest: Vec::new(),
        }
    }

    /// The same values, each turned into something else (paired with what
    /// the comparison needs to know of its fact).
    pub fn map<W>(self, mut f: impl FnMut(V) -> W) -> Comparable<W> {
        Comparable {
            all: self.all.into_iter().map(&mut f).collect(),
            closest: self.closest.into_iter().map(f).collect(),
        }
    }
}

/// A word of the mention's paragraph that facts have.
struct SharedStem<'c> {
    stem: &'c str,
    /// The facts that have it.
    facts: &'c [usize],
    /// Its weight at its closest to the mention, in the paragraph ...
    best: f32,
    /// ... and in the mention's sentence, when it is there.
    in_sentence: Option<f32>,
}

/// A fact's score for one mention, as the shared words add up.
struct Scored {
    fact: usize,
    score: f32,
    /// How many distinctive words it shares.
    distinctive: usize,
    /// It shares the mention's subject.
    subject: bool,
}

/// What the *another event* guard reads around one mention, read once for
/// all the facts it is weighed against.
struct EventClues<'c> {
    /// The stems of the words near the mention that announce another event
    /// ("separate", "another", "earlier"; compared as written: "previously"
    /// is not "previous").
    markers: Vec<&'c str>,
    /// Every stem of the mention's paragraph.
    paragraph_stems: FxHashSet<&'c str>,
    /// A capitalised word near the mention that no fact has: a name that
    /// announces another event (a name the sheet knows belongs to the story,
    /// like the loser of an election named beside the winner's share).
    unknown_name_near: bool,
}

impl<'c> EventClues<'c> {
    fn new(index: &FactIndex, ctx: &MentionContext<'c>) -> Self {
        let near = ctx.near(EVENT_WINDOW);
        let markers = near
            .iter()
            .filter(|w| {
                let written = &ctx.text[w.span.clone()];
                OTHER_EVENT_MARKERS
                    .iter()
                    .any(|m| m.eq_ignore_ascii_case(written))
            })
            .map(|w| w.stem.as_str())
            .collect();
        let title_case = ctx.title_case();
        let unknown_name_near = near.iter().any(|w| {
            w.capitalised
                && !title_case
                && !is_calendar_word(&w.stem)
                && !is_stop_word(&w.stem)
                && !index.postings.contains_key(&w.stem)
        });
        EventClues {
            markers,
            paragraph_stems: ctx
                .paragraph_words()
                .iter()
                .map(|w| w.stem.as_str())
                .collect(),
            unknown_name_near,
        }
    }
}

/// The other values of a mention's sentence (its quantities and times but
/// the mention), read once for all the facts it is weighed against.
struct SentenceValues<'c> {
    quantities: Vec<&'c crate::extract::quantity::QuantityMention>,
    times: Vec<&'c crate::extract::time::TimeMention>,
}

impl<'c> SentenceValues<'c> {
    fn new(ctx: &MentionContext<'c>) -> Self {
        let analysis = ctx.analysis;
        let Some(sentence) = analysis.doc.sentence_at(ctx.span.start) else {
            return SentenceValues {
                quantities: Vec::new(),
                times: Vec::new(),
            };
        };
        let elsewhere = |span: &Span| {
            sentence.start <= span.start
                && span.end <= sentence.end
                && (span.end <= ctx.span.start || span.start >= ctx.span.end)
        };
        // Both lists are in text order: only the sentence's slice is read.
        let q_first = analysis
            .quantities
            .partition_point(|q| q.span.start < sentence.start);
        let t_first = analysis
            .times
            .partition_point(|t| t.span.start < sentence.start);
        SentenceValues {
            quantities: analysis.quantities[q_first..]
                .iter()
                .take_while(|q| q.span.start < sentence.end)
                .filter(|q| elsewhere(&q.span))
                .collect(),
            times: analysis.times[t_first..]
                .iter()
                .take_while(|t| t.span.start < sentence.end)
                .filter(|t| elsewhere(&t.span) && t.interval.is_some())
                .collect(),
        }
    }

    /// Whether one of them is exactly one of the fact's values: the same
    /// quantity with the same unit, or the same days in the same role.
    fn corroborate(&self, fact: &Fact) -> bool {
        let quantity = self.quantities.iter().any(|q| {
            fact.quantities.iter().any(|v| {
                v.unit == q.unit
                    && crate::interval::Interval::of(v).same(&crate::interval::Interval::of(q))
            })
        });
        let start = |t: &crate::extract::time::TimeMention| {
            matches!(
                t.signal.as_ref().map(|s| s.0),
                Some(Signal::Since | Signal::From)
            )
        };
        let time = self.times.iter().any(|t| {
            fact.times
                .iter()
                .any(|v| v.interval == t.interval && start(v) == start(t))
        });
        quantity || time
    }
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
pub struct MentionContext<'a> {
    analysis: &'a Analysis<'a>,
    /// The mention's byte span.
    span: Span,
    text: &'a str,
    document_stems: &'a HashSet<String>,
    words: &'a [Word],
    /// Word indices of the mention's sentence and paragraph.
    sentence: Range<usize>,
    paragraph: Range<usize>,
    /// Word indices of the mention itself (may be empty: between words).
    mention: Range<usize>,
    /// Word indices of the mention's segment: its sentence cut at
    /// punctuation, conjunctions and the other values around it.
    segment: Range<usize>,
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
        // A mention may run over its sentence's edge ("Aug. 14" where the
        // sentence is cut after "Aug."): the sentence then reaches to its
        // end, so that every range holds the one inside it.
        let cover =
            |r: Range<usize>, inner: &Range<usize>| r.start.min(inner.start)..r.end.max(inner.end);
        let sentence = cover(clamp(word_range(words, &sentence)), &mention);
        let paragraph = cover(clamp(word_range(words, &paragraph)), &sentence);
        let segment = segment(analysis, &sentence, &mention);
        Some(MentionContext {
            analysis,
            span: mention.clone(),
            text: doc.text,
            document_stems: analysis.stems(),
            words,
            sentence,
            paragraph,
            mention,
            segment,
        })
    }

    /// Whether the sentence is a headline in title case, where capitals say
    /// nothing about names.
    fn title_case(&self) -> bool {
        is_title_case(&self.words[self.sentence.clone()], self.text)
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

    /// The segment's content words, up to `window` on each side of the
    /// mention (auxiliaries and other function words are passed over: "will
    /// have their journeys disrupted"); when the segment holds none ("…,
    /// about 4,000 people in all, …"), the sentence's.
    fn near_in_segment(&self, window: usize) -> Vec<&'a Word> {
        let content = |range: Range<usize>, backwards: bool| -> Vec<&'a Word> {
            let words = &self.words[range];
            let pick = |w: &&Word| !is_stop_word(&w.stem);
            if backwards {
                words.iter().rev().filter(pick).take(window).collect()
            } else {
                words.iter().filter(pick).take(window).collect()
            }
        };
        let mut near = content(self.segment.start..self.mention.start, true);
        near.extend(content(self.mention.end..self.segment.end, false));
        if near.is_empty() {
            let mut near = content(self.sentence.start..self.mention.start, true);
            near.extend(content(self.mention.end..self.sentence.end, false));
            return near;
        }
        near
    }

    /// The sentence's words within `window` words of the mention, the
    /// mention's own words excluded.
    fn near(&self, window: usize) -> Vec<&'a Word> {
        let before = self
            .mention
            .start
            .saturating_sub(window)
            .max(self.sentence.start)..self.mention.start;
        let after = self.mention.end..(self.mention.end + window).min(self.sentence.end);
        before.chain(after).map(|i| &self.words[i]).collect()
    }
}

/// The content words right next to a mention that the *another predicate*
/// guard compares with a fact's (see [`FactIndex::another_predicate`]).
pub fn predicate_words<'c>(
    ctx: &MentionContext<'c>,
    window: usize,
    skip: &[&str],
    own: Option<Span>,
) -> Vec<&'c str> {
    let own = ctx.words[ctx.mention.clone()].iter().filter(|w| {
        own.as_ref()
            .is_some_and(|o| o.start <= w.span.start && w.span.end <= o.end)
    });
    own.chain(ctx.near_in_segment(window))
        .filter(|w| {
            !is_stop_word(&w.stem) && !is_calendar_word(&w.stem) && !skip.contains(&w.stem.as_str())
        })
        .map(|w| w.stem.as_str())
        .collect()
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
    let mut stems: FxHashSet<String> = all
        .iter()
        .filter(|w| !in_value(w) && !is_stop_word(&w.stem) && !is_calendar_word(&w.stem))
        .map(|w| w.stem.clone())
        .collect();
    let names: FxHashSet<String> = all
        .iter()
        .filter(|w| w.capitalised && !is_calendar_word(&w.stem) && !is_stop_word(&w.stem))
        .filter(|w| !in_quote(fact, &w.span))
        .map(|w| w.stem.clone())
        .collect();
    let mut all_names: Vec<String> = names.iter().cloned().collect();
    for cue in &fact.cues {
        for w in words(cue, 0..cue.len()) {
            if is_stop_word(&w.stem) {
                continue;
            }
            if cue[w.span.clone()].starts_with(char::is_uppercase) && !is_calendar_word(&w.stem) {
                all_names.push(w.stem.clone());
            }
            stems.insert(w.stem);
        }
    }
    all_names.sort();
    all_names.dedup();
    FactTerms {
        words: all,
        stems,
        names,
        all_names,
    }
}

fn in_quote(fact: &Fact, span: &Span) -> bool {
    fact.quotes
        .iter()
        .any(|q| q.content.start <= span.start && span.end <= q.content.end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::FactSheet;

    fn sheet(facts: &str) -> FactSheet {
        FactSheet::parse(
            "facts.toml",
            &format!("[story]\npublished = 2025-06-02\n{facts}"),
        )
        .expect("valid sheet")
    }

    /// The id of the best strong link of the first quantity (or time) in
    /// `text`, if any.
    fn best(sheet: &FactSheet, text: &str, kind: Kind) -> Option<String> {
        let index = FactIndex::new(sheet);
        let analysis = Analysis::new(text, None, sheet.published);
        let span = match kind {
            Kind::Time => analysis.times[0].span.clone(),
            _ => analysis.quantities[0].span.clone(),
        };
        let ctx = index.mention(&analysis, &span).expect("in a sentence");
        index
            .links(&ctx, kind)
            .into_iter()
            .find(|l| l.strong)
            .map(|l| sheet.facts[l.fact].id.clone())
    }

    const TOLLS: &str = r#"
[[fact]]
id = "boulikessi"
text = "JNIM fighters killed more than 30 soldiers in an attack on the army base at Boulikessi."
[[fact]]
id = "regional"
text = "Militants have killed more than 400 soldiers in Mali and Niger since the beginning of May 2025."
[[fact]]
id = "statement"
text = 'The army said it "reacted vigorously".'
[[fact]]
id = "airport"
text = "JNIM fighters also attacked the airport at Timbuktu on Monday, June 2, 2025."
"#;

    #[test]
    fn a_sentence_links_to_the_fact_it_shares_words_with() {
        let s = sheet(TOLLS);
        let text = "Fighters killed 30 soldiers at the Boulikessi army base.";
        assert_eq!(
            best(&s, text, Kind::Quantity).as_deref(),
            Some("boulikessi")
        );
        let text = "Some 400 soldiers were killed by militants in Mali and Niger.";
        assert_eq!(best(&s, text, Kind::Quantity).as_deref(), Some("regional"));
    }

    #[test]
    fn another_event_named_nearby_is_not_linked() {
        let s = sheet(TOLLS);
        let text = "JNIM said it killed 40 soldiers in a separate assault on the Dioura army base.";
        assert_eq!(best(&s, text, Kind::Quantity), None);
        let text = "Fighters killed 40 soldiers at the Dioura base, local officials said.";
        assert_ne!(
            best(&s, text, Kind::Quantity).as_deref(),
            Some("boulikessi")
        );
    }

    #[test]
    fn another_predicate_is_not_the_same_count() {
        let s = sheet(
            r#"
[[fact]]
id = "deployed"
text = "More than 200 firefighters were deployed to the Castelmar fire."
"#,
        );
        let index = FactIndex::new(&s);
        let check = |text: &str| {
            let a = Analysis::new(text, None, s.published);
            let ctx = index
                .mention(&a, &a.quantities[0].span)
                .expect("in a sentence");
            index.another_predicate(0, &ctx, 3, &["firefighter"], None)
        };
        assert!(check(
            "At the Castelmar fire, two firefighters were injured."
        ));
        assert!(!check(
            "At the Castelmar fire, 150 firefighters were deployed."
        ));
        assert!(
            !check("At the Castelmar fire, 150 firefighters were sent."),
            "sent is a synonym"
        );
    }

    #[test]
    fn another_time_is_another_event() {
        let s = sheet(
            r#"
[[fact]]
id = "share"
text = "Okonjo won the election with 52.4% of the vote."
"#,
        );
        let index = FactIndex::new(&s);
        let a = Analysis::new(
            "Four years ago Okonjo won the election with 55.1% of the vote.",
            None,
            s.published,
        );
        assert!(index.another_time(0, &a, &a.quantities[0].span));
        let a = Analysis::new(
            "On Sunday Okonjo won the election with 55.1% of the vote.",
            None,
            s.published,
        );
        assert!(!index.another_time(0, &a, &a.quantities[0].span));
    }

    #[test]
    fn a_value_belongs_to_the_subject_of_its_own_segment() {
        let s = sheet(
            r#"
[[fact]]
id = "revenue"
text = "The company reported quarterly revenue of $4.2 billion."
[[fact]]
id = "profit"
text = "The company made a quarterly net profit of $386 million, a profit that rose from a year earlier."
[[fact]]
id = "staff"
text = "The company employs 9,000 people."
[[fact]]
id = "dividend"
text = "The company raised its dividend to 15 cents."
"#,
        );
        let text = "The company reported quarterly revenue of $4.2 million and a net profit of $386 million.";
        assert_eq!(best(&s, text, Kind::Quantity).as_deref(), Some("revenue"));
    }

    #[test]
    fn judge_stays_silent_in_doubt() {
        let link = |fact, score, strong| Link {
            fact,
            score,
            strong,
            distinctive: 1,
            named: false,
        };
        let values = |f: usize| {
            let v = vec![[10, 20, 30][f]];
            Comparable {
                all: v.clone(),
                closest: v,
            }
        };
        let is_30 = |v: &i32| *v == 30;
        // The best link contradicts and nothing agrees: reported.
        let found = judge(
            &[link(0, 2.0, true), link(1, 0.5, false)],
            values,
            is_30,
            is_30,
        );
        assert_eq!(found.map(|(l, v)| (l.fact, v)), Some((0, 10)));
        // A fact that agrees links almost as well: doubt.
        assert!(
            judge(
                &[link(0, 2.0, true), link(2, 1.5, false)],
                values,
                is_30,
                is_30
            )
            .is_none()
        );
        // A weakly linked fact holds the very value: doubt.
        assert!(
            judge(
                &[link(0, 2.0, true), link(2, 0.2, false)],
                values,
                is_30,
                is_30
            )
            .is_none()
        );
        // Only weak links: never reported.
        assert!(judge(&[link(0, 2.0, false)], values, |_| false, |_| false).is_none());
    }
}
