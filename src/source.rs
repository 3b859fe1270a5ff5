//! Source mode: a rewrite checked against the text it was written from.
//!
//! Nobody writes a fact sheet for every wire story a summary is made from,
//! so the source documents are read into one: each source sentence that
//! carries a checkable value (a quantity, a resolved time expression or a
//! quotation) becomes a fact, with the same extractors a document gets, and
//! the fact-sheet rules check the rewrite against those facts. A fact
//! sheet drafted from sources is *complete*: a value of the rewrite that no
//! sentence of it supports is reported as unsupported, which a hand-written
//! sheet, holding only the facts an editor chose, cannot say.
//!
//! [`draft`] writes the same facts as a version 1 fact sheet, for an editor
//! to start a canonical sheet from.

use std::collections::{HashMap, HashSet};

use jiff::civil::Date;
use serde::Serialize;

use crate::document::{Document, Span};
use crate::extract::quote::extract_quotes;
use crate::facts::{Fact, FactSheet, Origin, Scope, SourceText, Status, overlaps_any};
use crate::house_style::HouseStyle;
use crate::reference::reference_date;
use crate::words::{is_stop_word, stem, words};

/// The date a rewrite and its sources are both read against when neither
/// is dated: relative expressions then compare in one unknown frame ("last
/// Tuesday" agrees with "on Tuesday", not with "last Wednesday"). A
/// Wednesday long ago, so no written-out date falls near it by chance, in
/// the middle of a month and of a year, so "last week", "last month" and
/// "last year" cover days apart.
pub const FRAME: Date = jiff::civil::date(1900, 7, 18);

/// How many words of a sentence make its fact's id.
const ID_WORDS: usize = 4;
/// How many cues a drafted fact suggests.
const MAX_CUES: usize = 4;

/// The facts of the source documents `docs`, in order, each a sentence
/// with a checkable value. `published` dates a source that gives no date
/// of its own (front matter or dateline); ids already in `taken` are not
/// reused.
fn facts_of(docs: &[Document], published: Option<Date>, taken: &mut HashSet<String>) -> Vec<Fact> {
    let mut facts = Vec::new();
    for (n, doc) in docs.iter().enumerate() {
        let text = doc.text;
        // The source's own date (front matter or dateline) first; its
        // dateline dates the story and is no fact.
        let reference = reference_date(doc, None, published);
        let date = reference.as_ref().map(|r| r.date);
        let dateline = reference.and_then(|r| r.dateline);
        for mut span in units(doc) {
            // "CASTELMAR, Aug. 14, 2025 — The wildfire…": the fact starts
            // after the dateline.
            if let Some(d) = dateline
                .as_ref()
                .filter(|d| span.start <= d.start && d.end < span.end)
            {
                let rest = &text[d.end..span.end];
                let skipped = rest.len()
                    - rest
                        .trim_start_matches(|c: char| {
                            c.is_whitespace() || matches!(c, '—' | '–' | '-' | ':' | ',')
                        })
                        .len();
                span.start = d.end + skipped;
            }
            let sentence = text[span.clone()].to_string();
            let id = unique_id(&sentence, taken);
            let mut fact = Fact::new(
                id,
                sentence,
                span,
                Vec::new(),
                Scope::Sentence,
                Status::Confirmed,
                date,
            );
            if let Some(d) = &dateline {
                let at = fact.text_span.start;
                let local = d.start.saturating_sub(at)..d.end.saturating_sub(at);
                fact.times
                    .retain(|t| !overlaps_any(&t.span, std::iter::once(&local)));
            }
            // Every sentence is kept: those without a value are what a
            // quotation may quote and what restatements are scored among.
            fact.origin = Origin::Source(n);
            facts.push(fact);
        }
    }
    facts
}

/// A fact sheet of the facts of `sources`, after those of `sheet` when a
/// hand-written one applies too (`--facts` with `--source`).
pub fn sheet_from_sources(
    sources: Vec<SourceText>,
    sheet: Option<&FactSheet>,
    published: Option<Date>,
) -> FactSheet {
    let mut taken: HashSet<String> = sheet
        .map(|s| s.facts.iter().map(|f| f.id.clone()).collect())
        .unwrap_or_default();
    let docs: Vec<Document> = sources.iter().map(|s| Document::new(&s.text)).collect();
    let published = published.or(sheet.and_then(|s| s.published)).or_else(|| {
        docs.iter()
            .find_map(|doc| reference_date(doc, None, None).map(|r| r.date))
    });
    let frame = published.is_none();
    let published = published.or(Some(FRAME));
    let drafted = facts_of(&docs, published, &mut taken);
    match sheet {
        Some(sheet) => FactSheet {
            path: sheet.path.clone(),
            source: sheet.source.clone(),
            title: sheet.title.clone(),
            published,
            facts: sheet.facts.iter().cloned().chain(drafted).collect(),
            aliases: sheet.aliases.clone(),
            house_style: sheet.house_style.clone(),
            problems: Vec::new(),
            sources,
            frame,
        },
        None => FactSheet {
            path: sources.first().map(|s| s.path.clone()).unwrap_or_default(),
            source: String::new(),
            title: None,
            published,
            facts: drafted,
            aliases: HashMap::new(),
            house_style: HouseStyle::DEFAULT,
            problems: Vec::new(),
            sources,
            frame,
        },
    }
}

/// The units facts are made of: sentences, except that a quotation running
/// over several sentences keeps them together (its speaker's words are one
/// passage).
fn units(doc: &Document) -> Vec<Span> {
    let quotes = extract_quotes(doc.text, &doc.paragraphs);
    let mut out: Vec<Span> = Vec::with_capacity(doc.sentences.len());
    let mut quotes = quotes.iter().peekable();
    for sentence in &doc.sentences {
        // Quotations that end before this sentence are behind us.
        while quotes.peek().is_some_and(|q| q.span.end <= sentence.start) {
            quotes.next();
        }
        let joined = out.last().is_some_and(|last| {
            quotes
                .peek()
                .is_some_and(|q| q.span.start < last.end && q.span.end > sentence.start)
        });
        match out.last_mut() {
            Some(last) if joined => last.end = sentence.end,
            _ => out.push(sentence.clone()),
        }
    }
    out
}

/// An id from the first content words of a fact's text
/// ("more-30-malian-soldiers"), made unique with a number.
fn unique_id(text: &str, taken: &mut HashSet<String>) -> String {
    // Whitespace-separated, so "2,300" stays one word ("2300").
    let slug: Vec<String> = text
        .split_whitespace()
        .map(|w| {
            w.chars()
                .filter(char::is_ascii_alphanumeric)
                .collect::<String>()
                .to_ascii_lowercase()
        })
        .filter(|w| {
            !w.is_empty()
                && (w.starts_with(|c: char| c.is_ascii_digit()) || !is_stop_word(&stem(w)))
        })
        .take(ID_WORDS)
        .collect();
    let base = if slug.is_empty() {
        "fact".to_string()
    } else {
        slug.join("-")
    };
    let mut id = base.clone();
    let mut n = 2;
    while !taken.insert(id.clone()) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

/// Cues to suggest for a drafted fact: the content words right next to its
/// values (what they count, what happened), for the editor to add the
/// synonyms rewrites use.
fn suggested_cues(fact: &Fact) -> Vec<String> {
    let text = &fact.text;
    let all = words(text, 0..text.len());
    let values: Vec<&Span> = fact
        .quantities
        .iter()
        .map(|q| &q.span)
        .chain(fact.times.iter().map(|t| &t.span))
        .collect();
    let inside = |w: &Span| values.iter().any(|v| v.start <= w.start && w.end <= v.end);
    let mut by_distance: Vec<(usize, String)> = all
        .iter()
        .filter(|w| {
            !inside(&w.span)
                && !is_stop_word(&w.stem)
                && !text[w.span.clone()].starts_with(|c: char| c.is_ascii_digit())
        })
        .map(|w| {
            let distance = values
                .iter()
                .map(|v| {
                    if w.span.end <= v.start {
                        v.start - w.span.end
                    } else {
                        w.span.start.saturating_sub(v.end)
                    }
                })
                .min()
                .unwrap_or(usize::MAX);
            (distance, text[w.span.clone()].to_lowercase())
        })
        .collect();
    by_distance.sort();
    // What the values count first ("hectares"), then their neighbours.
    let mut cues: Vec<String> = fact
        .quantities
        .iter()
        .filter_map(|q| q.unit_span.clone())
        .map(|u| text[u].to_lowercase())
        .filter(|u| u.chars().all(char::is_alphabetic))
        .take(MAX_CUES)
        .collect();
    cues.dedup();
    for (_, word) in by_distance {
        if !cues.contains(&word) {
            cues.push(word);
        }
        if cues.len() == MAX_CUES {
            break;
        }
    }
    cues
}

#[derive(Serialize)]
struct DraftSheet<'a> {
    story: DraftStory,
    fact: Vec<DraftFact<'a>>,
}

#[derive(Serialize)]
struct DraftStory {
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    published: Option<toml::value::Datetime>,
}

#[derive(Serialize)]
struct DraftFact<'a> {
    id: &'a str,
    text: &'a str,
    cues: Vec<String>,
}

/// A version 1 fact sheet drafted from `sources`: one fact per sentence
/// with a checkable value, an id from its words and suggested cues.
pub fn draft(sources: &[SourceText], published: Option<Date>) -> String {
    let sheet = sheet_from_sources(sources.to_vec(), None, published);
    let title = sources.first().and_then(|s| {
        let doc = Document::new(&s.text);
        let first = s.text[doc.body_start..]
            .lines()
            .find(|l| !l.trim().is_empty())?;
        let title = first.trim().trim_start_matches('#').trim();
        (!title.is_empty() && title.len() <= 120).then(|| title.to_string())
    });
    let draft = DraftSheet {
        story: DraftStory {
            title,
            // The shared unknown frame is no date to write down.
            published: sheet
                .published
                .filter(|_| !sheet.frame)
                .map(|d| toml::value::Datetime {
                    date: Some(toml::value::Date {
                        year: d.year() as u16,
                        month: d.month() as u8,
                        day: d.day() as u8,
                    }),
                    time: None,
                    offset: None,
                }),
        },
        fact: sheet
            .facts
            .iter()
            .filter(|f| f.has_checkable_value())
            .map(|f| DraftFact {
                id: &f.id,
                text: &f.text,
                cues: suggested_cues(f),
            })
            .collect(),
    };
    let body = toml::to_string(&draft).unwrap_or_default();
    let names: Vec<&str> = sources.iter().map(|s| s.path.as_str()).collect();
    format!(
        "# Fact sheet drafted by `factlint facts draft` from {}.\n# Check every fact, keep the ones the story is about, and add the\n# words rewrites use for them to `cues`.\n\n{body}",
        names.join(", ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(text: &str) -> SourceText {
        SourceText {
            path: "wire.txt".to_string(),
            text: text.to_string(),
        }
    }

    #[test]
    fn a_fact_per_sentence_and_a_drafted_one_per_sentence_with_a_value() {
        let sources = [source(
            "Gunmen attacked the base on Sunday. The army was surprised. More than 30 soldiers were killed.",
        )];
        let facts = sheet_from_sources(sources.to_vec(), None, None).facts;
        let texts: Vec<&str> = facts.iter().map(|f| f.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Gunmen attacked the base on Sunday.",
                "The army was surprised.",
                "More than 30 soldiers were killed."
            ]
        );
        assert_eq!(facts[2].origin, Origin::Source(0));
        assert_eq!(&sources[0].text[facts[2].text_span.clone()], facts[2].text);
        let drafted = draft(&sources, None);
        assert!(
            drafted.contains("text = \"More than 30 soldiers"),
            "{drafted}"
        );
        assert!(!drafted.contains("text = \"The army"), "{drafted}");
        assert!(!drafted.contains("published"), "{drafted}");
    }

    #[test]
    fn a_quotation_over_two_sentences_is_one_fact() {
        let text = "The minister said: \"We left. We will come back.\" Nothing else was said.";
        let facts = sheet_from_sources(vec![source(text)], None, None).facts;
        let texts: Vec<&str> = facts.iter().map(|f| f.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "The minister said: \"We left. We will come back.\"",
                "Nothing else was said."
            ]
        );
    }

    #[test]
    fn ids_are_words_and_unique() {
        let mut taken = HashSet::new();
        assert_eq!(
            unique_id("More than 30 soldiers died.", &mut taken),
            "30-soldiers-died"
        );
        assert_eq!(
            unique_id("More than 30 soldiers died.", &mut taken),
            "30-soldiers-died-2"
        );
        assert_eq!(unique_id("It was.", &mut taken), "fact");
    }

    #[test]
    fn a_draft_loads_with_every_fact() {
        let text = "# Fire near Castelmar\n\nThe fire burned 2,300 hectares on Monday. Fire chief Marta Ribas said: \"We lost the ridge.\"\n";
        let toml = draft(&[source(text)], None);
        let sheet = FactSheet::parse("facts.toml", &toml).expect("the draft loads");
        assert!(sheet.problems.is_empty(), "{:?}", sheet.problems);
        assert_eq!(sheet.facts.len(), 2);
        assert_eq!(sheet.title.as_deref(), Some("Fire near Castelmar"));
        assert!(
            sheet.facts[0].cues.contains(&"hectares".to_string()),
            "{:?}",
            sheet.facts[0].cues
        );
    }
}
