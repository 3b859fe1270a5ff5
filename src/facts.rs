//! The fact sheet: the canonical facts of a story, written by hand in TOML.
//!
//! A fact is a sentence. The same extractors that read documents read its
//! text, so its quantities, time expressions and quotations are the
//! canonical values, and its words (plus `cues`) are what links a document
//! sentence to it. Every mistake in the file is reported with its byte span
//! so the message can point at the line and column.

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;

use jiff::civil::Date;
use serde::Deserialize;
use toml::Spanned;

use crate::document::{Document, Span};
use crate::extract::quantity::{QuantityMention, extract_quantities};
use crate::extract::quote::{QuoteMention, extract_quotes};
use crate::extract::time::{Resolution, TimeMention, TimexType, extract_times};
use crate::house_style::{HouseStyle, Tolerance};

/// A loaded and validated fact sheet.
#[derive(Debug)]
pub struct FactSheet {
    /// Where it was read from, for messages.
    pub path: String,
    /// The TOML source, so diagnostics can point into it.
    pub source: String,
    pub title: Option<String>,
    /// Reference date for relative expressions when a document gives none.
    pub published: Option<Date>,
    pub facts: Vec<Fact>,
    /// Counted-noun synonyms, by stem: `troop` → `soldier`.
    pub aliases: HashMap<String, String>,
    /// What "about x" and "dozens" mean here: the `[house_style]` table
    /// over factlint's defaults.
    pub house_style: HouseStyle,
    /// Mistakes that leave the rest of the sheet usable (a duplicate id, a
    /// fact with nothing to check, a bad date): the facts concerned are left
    /// out, and the caller reports these as errors.
    pub problems: Vec<FactSheetError>,
    /// The source documents facts were drafted from (`--source`): a fact
    /// whose [`Fact::origin`] is one of them points into it.
    pub sources: Vec<SourceText>,
    /// `published` is no real date but the frame a rewrite and its sources
    /// are both read in when neither is dated (see [`crate::source::FRAME`]).
    pub frame: bool,
}

/// A source document a rewrite is checked against: its facts are its
/// sentences (see [`crate::source`]).
#[derive(Debug, Clone)]
pub struct SourceText {
    /// Where it was read from, for messages.
    pub path: String,
    pub text: String,
}

/// Where a fact was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Origin {
    /// In the fact sheet's TOML: `text_span` is the `text` value there.
    #[default]
    Sheet,
    /// A sentence of source document `n` of [`FactSheet::sources`]:
    /// `text_span` is the sentence there, written exactly as `text`.
    Source(usize),
}

/// How far from a fact's words a value may stand in a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    #[default]
    Sentence,
    Paragraph,
}

/// How sure the newsroom is of a fact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    #[default]
    Confirmed,
    Unconfirmed,
    Disputed,
}

/// One canonical fact with the values extracted from its text.
#[derive(Debug, Clone)]
pub struct Fact {
    pub id: String,
    /// Where it was written: the fact sheet or a source document.
    pub origin: Origin,
    /// The fact's `text` value in the TOML source (quotes included).
    pub text_span: Span,
    pub text: String,
    pub cues: Vec<String>,
    pub scope: Scope,
    pub status: Status,
    pub quantities: Vec<QuantityMention>,
    pub times: Vec<TimeMention>,
    pub quotes: Vec<QuoteMention>,
    /// The fact's own `tolerance`, over the house style's.
    pub tolerance: Option<Tolerance>,
}

/// What a configuration gives every fact sheet it applies to.
#[derive(Debug, Clone, Default)]
pub struct SheetDefaults {
    /// `[house-style]`, keys in the fact sheet's snake_case.
    pub house_style: toml::Table,
    /// Counted-noun synonyms, as in `[aliases]`.
    pub synonyms: BTreeMap<String, Vec<String>>,
}

/// A problem in a fact sheet, with the place it is at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FactSheetError {
    pub message: String,
    /// Byte span in the TOML source, when the problem has a place.
    pub span: Option<Span>,
    /// A second place that explains the first ("first defined here").
    pub related: Option<(Span, String)>,
}

impl FactSheetError {
    /// A problem at one place of the TOML source.
    pub fn at(message: impl Into<String>, span: Span) -> Self {
        FactSheetError {
            message: message.into(),
            span: Some(span),
            related: None,
        }
    }
}

/// A file that is not valid TOML, or whose keys do not fit the format,
/// pointing where the parser stopped.
impl From<toml::de::Error> for FactSheetError {
    fn from(e: toml::de::Error) -> Self {
        FactSheetError {
            message: e.message().trim_end().to_string(),
            span: e.span(),
            related: None,
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSheet {
    story: Option<RawStory>,
    #[serde(default)]
    fact: Vec<Spanned<RawFact>>,
    #[serde(default)]
    aliases: BTreeMap<String, Vec<String>>,
    house_style: Option<Spanned<HouseStyle>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStory {
    title: Option<String>,
    published: Option<Spanned<toml::Value>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFact {
    id: Spanned<String>,
    text: Spanned<String>,
    #[serde(default)]
    cues: Vec<String>,
    #[serde(default)]
    scope: Scope,
    #[serde(default)]
    status: Status,
    tolerance: Option<Spanned<f64>>,
}

impl FactSheet {
    /// Parses and validates a fact sheet. A file that is not valid TOML or
    /// has keys the format does not know is an error; mistakes in single
    /// facts are kept in [`FactSheet::problems`] and those facts left out,
    /// so one bad fact does not stop the others from being checked.
    pub fn parse(path: &str, source: &str) -> Result<FactSheet, Vec<FactSheetError>> {
        Self::parse_with(path, source, &SheetDefaults::default())
    }

    /// [`FactSheet::parse`] over a configuration's defaults: its house style
    /// under the sheet's own `[house_style]` keys, its synonyms beside the
    /// sheet's `[aliases]` (the sheet wins where both speak).
    pub fn parse_with(
        path: &str,
        source: &str,
        defaults: &SheetDefaults,
    ) -> Result<FactSheet, Vec<FactSheetError>> {
        let mut sheet = Self::parse_alone(path, source)?;
        for (canonical, synonyms) in &defaults.synonyms {
            let canonical = crate::words::stem(canonical).into_owned();
            for s in synonyms {
                sheet
                    .aliases
                    .entry(crate::words::stem(s).into_owned())
                    .or_insert_with(|| canonical.clone());
            }
        }
        if !defaults.house_style.is_empty() {
            // The sheet's table was checked with its places; lay it over
            // the configuration's and read the two as one.
            let mut merged = defaults.house_style.clone();
            if let Ok(toml::Value::Table(whole)) =
                source.parse::<toml::Table>().map(toml::Value::Table)
            {
                if let Some(toml::Value::Table(own)) = whole.get("house_style") {
                    merged.extend(own.clone());
                }
            }
            if let Ok(style) = toml::Value::Table(merged).try_into::<HouseStyle>() {
                sheet.house_style = style;
            }
        }
        Ok(sheet)
    }

    fn parse_alone(path: &str, source: &str) -> Result<FactSheet, Vec<FactSheetError>> {
        let raw: RawSheet = toml::from_str(source).map_err(|e| vec![e.into()])?;
        let mut errors = Vec::new();
        let (title, published) = match raw.story {
            Some(story) => (
                story.title,
                story.published.and_then(|p| read_date(&p, &mut errors)),
            ),
            None => (None, None),
        };
        let mut seen: HashMap<String, Span> = HashMap::new();
        let mut facts = Vec::with_capacity(raw.fact.len());
        for spanned in raw.fact {
            let fact_span = spanned.span();
            let raw_fact = spanned.into_inner();
            let id = raw_fact.id.get_ref().trim().to_string();
            let id_span = raw_fact.id.span();
            if id.is_empty() {
                errors.push(error("a fact's `id` must not be empty", id_span.clone()));
                continue;
            } else if let Some(first) = seen.get(&id) {
                errors.push(FactSheetError {
                    message: format!("duplicate fact id `{id}`"),
                    span: Some(id_span.clone()),
                    related: Some((first.clone(), "first defined here".to_string())),
                });
                continue;
            } else {
                seen.insert(id.clone(), id_span.clone());
            }
            let text = raw_fact.text.get_ref().clone();
            let text_span = raw_fact.text.span();
            let tolerance = match raw_fact.tolerance {
                None => None,
                Some(t) => match Tolerance::share(*t.get_ref()) {
                    Ok(tolerance) => Some(tolerance),
                    Err(message) => {
                        errors.push(error(&message, t.span()));
                        continue;
                    }
                },
            };
            let mut fact = Fact::new(
                id,
                text,
                text_span.clone(),
                raw_fact.cues,
                raw_fact.scope,
                raw_fact.status,
                published,
            );
            fact.tolerance = tolerance;
            if !fact.has_checkable_value() {
                errors.push(error(
                    &format!(
                        "fact `{}` has nothing to check: its text needs a number, a date or a quotation",
                        fact.id
                    ),
                    if text_span.is_empty() { fact_span } else { text_span },
                ));
                continue;
            }
            facts.push(fact);
        }
        let aliases = raw
            .aliases
            .into_iter()
            .flat_map(|(canonical, synonyms)| {
                let canonical = crate::words::stem(&canonical).into_owned();
                synonyms
                    .into_iter()
                    .map(move |s| (crate::words::stem(&s).into_owned(), canonical.clone()))
            })
            .collect();
        let house_style = match raw.house_style {
            None => HouseStyle::DEFAULT,
            Some(style) => {
                if let Some(message) = style.get_ref().problem() {
                    errors.push(error(&message, style.span()));
                }
                style.into_inner()
            }
        };
        Ok(FactSheet {
            path: path.to_string(),
            source: source.to_string(),
            title,
            published,
            facts,
            aliases,
            house_style,
            problems: errors,
            sources: Vec::new(),
            frame: false,
        })
    }

    /// The file a fact was written in (its path and text) and where in it
    /// `value` (a span of the fact's text), or the whole fact, stands.
    pub fn locate(&self, fact: &Fact, value: Option<&Span>) -> (&str, &str, Span) {
        match fact.origin {
            Origin::Sheet => {
                let span = value
                    .and_then(|v| fact.source_span(&self.source, v))
                    .unwrap_or_else(|| fact.text_span.clone());
                (&self.path, &self.source, span)
            }
            Origin::Source(n) => {
                let source = &self.sources[n];
                let span = match value {
                    Some(v) => fact.text_span.start + v.start..fact.text_span.start + v.end,
                    None => fact.text_span.clone(),
                };
                (&source.path, &source.text, span)
            }
        }
    }

    /// Whether any fact carries a quotation (so unknown quotations are worth reporting).
    pub fn has_quotes(&self) -> bool {
        self.facts.iter().any(|f| !f.quotes.is_empty())
    }
}

impl Fact {
    pub(crate) fn new(
        id: String,
        text: String,
        text_span: Span,
        cues: Vec<String>,
        scope: Scope,
        status: Status,
        published: Option<Date>,
    ) -> Fact {
        let doc = Document::new(&text);
        let quotes = extract_quotes(&text, &doc.paragraphs);
        // Values inside a quotation are the speaker's words, not the fact's.
        let quoted = |span: &Range<usize>| overlaps_any(span, quotes.iter().map(|q| &q.span));
        let times: Vec<TimeMention> = extract_times(&text, &doc.sentences, published)
            .into_iter()
            .filter(|t| !quoted(&t.span))
            .collect();
        // A number inside a date is not a count; a duration ("for three
        // days") is both, as in documents.
        let dates: Vec<&Range<usize>> = times
            .iter()
            .filter(|t| t.typ != TimexType::Duration)
            .map(|t| &t.span)
            .collect();
        let quantities = extract_quantities(&text)
            .into_iter()
            .filter(|q| !overlaps_any(&q.number_span, dates.iter().copied()))
            .filter(|q| !quoted(&q.span))
            .collect();
        Fact {
            id,
            origin: Origin::Sheet,
            text_span,
            cues,
            scope,
            status,
            quantities,
            times,
            quotes,
            text,
            tolerance: None,
        }
    }

    /// Where a span of the fact's text stands in the TOML source. Exact when
    /// the string is written without escapes (the usual case); `None`
    /// otherwise, and the whole `text` value is shown instead.
    pub fn source_span(&self, source: &str, span: &Span) -> Option<Span> {
        let raw = source.get(self.text_span.clone())?;
        let quote = raw.chars().next()?;
        let inner = raw.get(1..raw.len().checked_sub(1)?)?;
        (matches!(quote, '"' | '\'') && inner == self.text && span.end <= inner.len())
            .then(|| self.text_span.start + 1 + span.start..self.text_span.start + 1 + span.end)
    }

    /// How far "about x" and round numbers may stray from this fact's values.
    pub fn tolerance(&self, sheet: &FactSheet) -> Tolerance {
        self.tolerance.unwrap_or(sheet.house_style.tolerance)
    }

    pub(crate) fn has_checkable_value(&self) -> bool {
        !self.quantities.is_empty()
            || !self.quotes.is_empty()
            || self
                .times
                .iter()
                .any(|t| !matches!(t.resolution, Resolution::Vague))
    }
}

/// Whether `span` overlaps any of `others`.
pub fn overlaps_any<'s>(
    span: &Range<usize>,
    mut others: impl Iterator<Item = &'s Range<usize>>,
) -> bool {
    others.any(|o| o.start < span.end && span.start < o.end)
}

fn error(message: &str, span: Span) -> FactSheetError {
    FactSheetError::at(message, span)
}

/// `published` is a TOML date (`2025-08-14`), a date-time whose date is
/// taken, or a string holding either.
fn read_date(value: &Spanned<toml::Value>, errors: &mut Vec<FactSheetError>) -> Option<Date> {
    let parsed = match value.get_ref() {
        toml::Value::Datetime(dt) => dt
            .date
            .and_then(|d| jiff::civil::Date::new(d.year as i16, d.month as i8, d.day as i8).ok()),
        toml::Value::String(s) => s.get(..10).and_then(|d| d.parse().ok()),
        _ => None,
    };
    if parsed.is_none() {
        errors.push(error(
            "`published` must be a date such as 2025-08-14",
            value.span(),
        ));
    }
    parsed
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every error of a sheet, fatal or not.
    fn errors(source: &str) -> Vec<FactSheetError> {
        match FactSheet::parse("facts.toml", source) {
            Ok(sheet) => {
                assert!(!sheet.problems.is_empty(), "expected problems");
                sheet.problems
            }
            Err(errors) => errors,
        }
    }

    fn at<'a>(source: &'a str, e: &FactSheetError) -> &'a str {
        &source[e.span.clone().expect("a place")]
    }

    #[test]
    fn unknown_key_points_at_the_key() {
        let src = "[[fact]]\nid = \"a\"\ntext = \"\\\"x y\\\" he said.\"\ncuse = [\"x\"]\n";
        let e = errors(src);
        assert_eq!(e.len(), 1);
        assert!(
            e[0].message.contains("unknown field `cuse`"),
            "{}",
            e[0].message
        );
        assert_eq!(at(src, &e[0]), "cuse");
    }

    #[test]
    fn unknown_scope_value_is_an_error() {
        let src = "[[fact]]\nid = \"a\"\ntext = 'He said \"we left\".'\nscope = \"sentense\"\n";
        let e = errors(src);
        assert!(e[0].message.contains("sentense"), "{}", e[0].message);
        assert_eq!(at(src, &e[0]), "\"sentense\"");
    }

    #[test]
    fn duplicate_ids_point_at_both() {
        let src = "[[fact]]\nid = \"q\"\ntext = 'He said \"we left\".'\n\n[[fact]]\nid = \"q\"\ntext = 'She said \"we stayed\".'\n";
        let e = errors(src);
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].message, "duplicate fact id `q`");
        let second = e[0].span.clone().unwrap();
        let first = e[0].related.clone().unwrap().0;
        assert!(first.start < second.start);
        assert_eq!(&src[first], "\"q\"");
    }

    #[test]
    fn bad_dates_are_errors() {
        let e = errors("[story]\npublished = \"June 2\"\n");
        assert!(e[0].message.contains("published"));
        let e = errors("[story]\npublished = 2025-13-40\n");
        assert!(e[0].span.is_some(), "invalid TOML date has a place");
    }

    #[test]
    fn invalid_toml_has_a_place() {
        let e = errors("[[fact]\nid = 1\n");
        assert!(e[0].span.is_some());
    }

    #[test]
    fn fact_without_values_is_an_error() {
        let src = "[[fact]]\nid = \"vague\"\ntext = \"The army withdrew.\"\n";
        let e = errors(src);
        assert!(e[0].message.contains("nothing to check"));
        assert_eq!(at(src, &e[0]), "\"The army withdrew.\"");
    }

    #[test]
    fn a_bad_fact_is_left_out_and_the_rest_kept() {
        let src = "[[fact]]\nid = \"vague\"\ntext = \"The army withdrew.\"\n\n[[fact]]\nid = \"toll\"\ntext = \"30 soldiers died.\"\n\n[[fact]]\nid = \"toll\"\ntext = \"40 soldiers died.\"\n";
        let sheet = FactSheet::parse("facts.toml", src).expect("usable");
        assert_eq!(sheet.problems.len(), 2);
        let ids: Vec<&str> = sheet.facts.iter().map(|f| f.id.as_str()).collect();
        assert_eq!(ids, ["toll"]);
        assert_eq!(sheet.facts[0].quantities[0].value, Some(30.0));
    }

    #[test]
    fn fact_spans_map_into_the_source() {
        let src = "[[fact]]\nid = \"a\"\ntext = \"It cost $5 million.\"\n[[fact]]\nid = \"b\"\ntext = \"It cost \\u0024 6 million.\"\n";
        let sheet = FactSheet::parse("facts.toml", src).expect("valid");
        let a = &sheet.facts[0];
        let at = a.source_span(src, &(8..10)).expect("plain string");
        assert_eq!(&src[at], "$5");
        assert_eq!(
            sheet.facts[1].source_span(src, &(0..2)),
            None,
            "escapes: no exact place"
        );
    }

    #[test]
    fn valid_sheet_extracts_quotes_and_dates() {
        let src = "[story]\ntitle = \"t\"\npublished = 2025-06-02\n\n[[fact]]\nid = \"q\"\ntext = 'The army said it \"reacted vigorously\".'\ncues = [\"statement\"]\n\n[aliases]\nsoldier = [\"troops\"]\n";
        let sheet = FactSheet::parse("facts.toml", src).expect("valid");
        assert_eq!(sheet.published, Some(jiff::civil::date(2025, 6, 2)));
        assert_eq!(sheet.facts[0].quotes.len(), 1);
        assert!(sheet.has_quotes());
        assert_eq!(
            sheet.aliases.get("troop").map(String::as_str),
            Some("soldier")
        );
    }

    #[test]
    fn house_style_and_tolerance_are_read_and_checked() {
        let src = "[[fact]]\nid = \"a\"\ntext = \"30 soldiers died.\"\ntolerance = 0.05\n\n[[fact]]\nid = \"b\"\ntext = \"40 soldiers died.\"\n\n[house_style]\ndozens = 36\n";
        let sheet = FactSheet::parse("facts.toml", src).expect("valid");
        assert_eq!(sheet.facts[0].tolerance(&sheet), Tolerance::Share(0.05));
        assert_eq!(sheet.facts[1].tolerance(&sheet), Tolerance::Rounding);
        assert_eq!(
            sheet.house_style.dozens,
            crate::house_style::VagueMeaning::AtLeast(36.0)
        );
        // a typo in a house-style key points at it
        let src = "[house_style]\ndozen = 36\n";
        let e = errors(src);
        assert!(e[0].message.contains("dozen"), "{}", e[0].message);
        assert!(at(src, &e[0]).contains("dozen"));
        // a tolerance out of range leaves that fact out, with its place
        let src = "[[fact]]\nid = \"a\"\ntext = \"30 soldiers died.\"\ntolerance = 5\n";
        let sheet = FactSheet::parse("facts.toml", src).expect("usable");
        assert!(sheet.facts.is_empty());
        assert_eq!(at(src, &sheet.problems[0]), "5");
        // an inverted range is reported at the table
        let sheet = FactSheet::parse(
            "facts.toml",
            "[[fact]]\nid = \"a\"\ntext = \"30 soldiers died.\"\n[house_style]\nfew = [9, 2]\n",
        )
        .expect("usable");
        assert!(sheet.problems[0].message.contains("`few`"));
    }

    #[test]
    fn a_configuration_lays_its_house_style_and_synonyms_under_the_sheet() {
        use crate::house_style::VagueMeaning;
        let mut defaults = SheetDefaults::default();
        defaults
            .house_style
            .insert("dozens".into(), toml::Value::Integer(12));
        defaults
            .house_style
            .insert("scores".into(), toml::Value::Integer(30));
        defaults
            .synonyms
            .insert("soldier".into(), vec!["servicemen".into()]);
        let src = "[[fact]]\nid = \"q\"\ntext = 'More than 30 soldiers died.'\n\n[house_style]\nscores = 50\n";
        let sheet = FactSheet::parse_with("facts.toml", src, &defaults).expect("valid");
        assert_eq!(sheet.house_style.dozens, VagueMeaning::AtLeast(12.0));
        // the sheet's own key wins
        assert_eq!(sheet.house_style.scores, VagueMeaning::AtLeast(50.0));
        assert_eq!(
            sheet.aliases.get("servicemen").map(String::as_str),
            Some("soldier")
        );
    }
}
