//! Time expressions: recognise TIMEX3 extents in news prose, normalise them
//! to TimeML values and resolve them against a reference (document) date.
//!
//! # Grammar covered
//!
//! The scanner visits word starts only, skips words that cannot open a time
//! expression (`may_start`), tries every phrase parser at the others and
//! keeps the longest match; after a match it skips past the extent, so
//! mentions never overlap and the cost stays linear in the text length.
//!
//! * **Absolute dates**: `Month D, YYYY` (`June 02, 2025`, `Aug. 14, 2025`),
//!   an optional weekday prefix (`Sunday, June 1, 2025` is one mention),
//!   `D Month [YYYY]`, `Month D` (year from the reference), `Month YYYY`,
//!   `Month last year`, `YYYY-MM-DD`, `YYYY-MM`, `M/D/YYYY` (US order), a
//!   month alone after a temporal word (`in May`; a capitalised "May" or
//!   "March" elsewhere is the modal or a name), years in a date context
//!   (`in 2012`, `2012's`, `the 2012 election`, `2020–2023` → two mentions;
//!   never `400 soldiers`, `2,300 hectares`, `1500 troops`, `$2012`,
//!   `555-2012`), spoken years (`nineteen ninety-six`), decades (`the 1990s`,
//!   `the nineties` → `199`), centuries (`the 20th century` → `19`), seasons
//!   (`spring 2023` → `2023-SP`), quarters (`the third quarter`, `Q3 2024`,
//!   `last year's second quarter`, `the quarter` = the latest completed one)
//!   and a few fixed holidays (`Christmas Eve`, `Thanksgiving`).
//! * **Weekdays**: `Sunday`, `last Friday`, `next Tuesday`, `this Wednesday`,
//!   `Monday morning` (TIME `YYYY-MM-DDTMO`), `early Sunday` and
//!   `the early hours of Sunday` (DATE with the plain day value and mod
//!   `START`: TimeML has no code for the small hours, and a checker compares
//!   days).  A weekday followed by a capitalised non-time word (`Sunday
//!   Times`) is a name, not a date, unless a temporal word precedes it.
//!   `last Friday` is the Friday strictly before the reference; `next
//!   Tuesday` is the Tuesday of the following ISO week; `this Wednesday` the
//!   one of the reference's week.
//! * **Relative to the reference**: `today`, `yesterday`, `tomorrow`,
//!   `tonight`, `last/this/next week|month|year|quarter|weekend`,
//!   `earlier/later this year` (interval cut at the reference), `N units ago`,
//!   `a year earlier` / `year-ago` (a year value; after a quarter was named,
//!   that quarter one year back, as earnings reports mean it), `the month` +
//!   `began` (`since the month began`: extent `the month`, mod `START`),
//!   `year-end`, modifiers `the beginning/start/middle/end of X` and
//!   `early/mid/late X` (START = days 1–10 of a month, MID = 11–20, END =
//!   21–end; other periods in thirds), approximators (`about three days`:
//!   APPROX, `nearly` / `almost`: LESS_THAN, `more than`: MORE_THAN, `at
//!   least`: EQUAL_OR_MORE, `up to`: EQUAL_OR_LESS) inside the extent.
//! * **Anaphora** (`the next morning`, `the following week`, `the previous
//!   Friday`, `that day`, `later that year`, `a day later`, `two days
//!   earlier`, `the day before` at a clause end): anchored to the last
//!   earlier mention in the text that resolved to a single day (periods
//!   longer than a day may anchor to any dated mention); never to the
//!   reference date.  `a day after` followed by a clause ("a day after
//!   suffering losses") is the length between two events, so it is a
//!   DURATION (`a day`, `P1D`), as TimeML annotates it.
//! * **Durations and sets**: `three days` (`P3D`), `48 hours` (`PT48H`),
//!   `several weeks` (`PXW`), `two to three weeks` (`PXW`), `24-hour`,
//!   `the past two months`, `two decades` (`P20Y`), `decades` (`PXDE`);
//!   `in three days` is a DATE in a future-tense sentence.  Ages
//!   (`44-year-old`, `52 years old`), rates (`$5 million a year`) and the
//!   ordinal `a second` are not times.  Sets: `every Monday`
//!   (`XXXX-WXX-1`), `Mondays`, `daily`, `weekly`, `twice a year`.
//! * **Vague**: `now`, `currently`, `these days` (`PRESENT_REF`);
//!   `recently`, `previously`, `formerly`, `the past`, `several years ago`
//!   (`PAST_REF`); `soon`, `the future`, `the near term` (`FUTURE_REF`);
//!   the adjective `current` before a noun (`PRESENT_REF`), `then-current`
//!   (`PAST_REF`).  `soon` in past narration or before "after" places one
//!   event after another and is not a time expression.
//!   `recent years`, `coming weeks`, `the months ahead` are durations of an
//!   unspecified count (`PXY`, `PXW`, `PXM`).  Adjectival uses after a
//!   determiner ("the previously announced plan") are skipped.
//! * **Clock times**: `4 p.m.`, `10:30 a.m.`, `16:00`, `noon`, `midnight`,
//!   `10 p.m. Wednesday` (one mention); otherwise dated by a day named in the
//!   same sentence, else in the sentence before it in the same paragraph,
//!   else `XXXX-XX-XXTHH:MM`.  `mid-afternoon` (mod `MID`) is the middle of
//!   that part of the day named after it or of the day in focus.
//!
//! Signal words (`since`, `until`, `in`, `on`, ...) stay outside the extent
//! and are reported in [`TimeMention::signal`]; the second end of a range
//! (`2020–2023`, `from May to July`, `between 2019 and 2021`) gets `Until`.
//!
//! # Tense and years
//!
//! Bare weekdays and months are resolved with the news convention: in a
//! past-tense context the most recent such day/month on or before the
//! reference, in a future-tense one the next one on or after it; the tense
//! marker nearest to the expression decides (see [`super::tense`]), so
//! "Cuba predicted Wednesday it will appeal" is past.  `since` always looks
//! back; `until` / `by` in a present-tense sentence look forward.  A month
//! in a sentence with no tense marker at all is the coming one when it is
//! one or two months ahead ("trading for November" in late October), else
//! the most recent one.
//! Month-day dates take the reference year unless that falls outside a
//! window around the reference (past tense: 290 days before to 75 after).
//! Without a reference date, relative expressions get no value (or an
//! X-placeholder value such as `XXXX-06-02`), no interval and
//! `Unresolved { reason: "no reference date" }`.

use std::ops::Range;

use super::tense;

use jiff::civil::Date;
use nom::{
    IResult, Parser,
    branch::alt,
    bytes::complete::{tag, tag_no_case, take_while_m_n, take_while1},
    character::complete::char,
    combinator::{opt, peek},
};

/// A preposition outside the TIMEX3 extent that still shapes the checked meaning
/// ("since the beginning of May" is a period that starts on 2025-05-01).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Signal {
    Since,
    Until,
    Before,
    After,
    From,
    By,
    During,
    In,
    On,
    At,
    For,
    Between,
}

/// The TIMEX3 type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    Date,
    Time,
    Duration,
    Set,
}

/// How a mention got its value, so a diagnostic can explain it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolution {
    /// Written out in full ("June 2, 2025", "2012").
    Absolute,
    /// Relative to the reference date; `how` explains the step
    /// ("the Friday before 2025-06-02").
    Reference { date: Date, how: String },
    /// Anaphoric ("the next morning"), anchored to the last event time in the text.
    Anchored { anchor: Date, how: String },
    /// Relative or anaphoric, but nothing to resolve it against.
    Unresolved { reason: String },
    /// Vague reference (PAST_REF, PRESENT_REF, FUTURE_REF): never checked.
    Vague,
    /// Durations and sets: a length or a recurrence, not a point in time.
    NotAPoint,
}

/// One time expression found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct TimeMention {
    /// TIMEX3 extent, byte offsets into the text.
    pub span: Range<usize>,
    /// The signal word before the extent and its span, when there is one.
    pub signal: Option<(Signal, Range<usize>)>,
    pub typ: TimexType,
    /// TIMEX3 value ("2025-06-01", "2025-05", "2025-W22", "P3D", "PAST_REF");
    /// `None` when it could not be resolved.
    pub value: Option<String>,
    /// TIMEX3 mod ("START", "MID", "END", "APPROX", ...).
    pub modifier: Option<&'static str>,
    /// The calendar days the expression covers, inclusive, when it is a
    /// resolved date or period.
    pub interval: Option<(Date, Date)>,
    pub resolution: Resolution,
}

// ---------------------------------------------------------------------------
// Semantic representation produced by the parsers
// ---------------------------------------------------------------------------

/// Relative qualifier in front of a weekday, month, season or quarter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Rel {
    Bare,
    Last,
    This,
    Next,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Weekend,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

/// Part of a day (TimeML codes MO, AF, EV, NI).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Morning,
    Afternoon,
    Evening,
    Night,
}

impl Part {
    fn code(self) -> &'static str {
        match self {
            Part::Morning => "MO",
            Part::Afternoon => "AF",
            Part::Evening => "EV",
            Part::Night => "NI",
        }
    }
}

/// A count in front of a unit; `None` stands for a vague one ("several").
type Count = Option<u32>;

#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    /// A full calendar date.
    Ymd(i16, i8, i8),
    /// Year and month.
    Ym(i16, i8),
    Year(i16),
    /// Decade, by its first three digits (1990s → 199).
    Decade(i16),
    /// Month and day, year from the reference.
    MonthDay(i8, i8),
    /// A month alone, year from the reference.
    Month(i8, Rel),
    /// Season 0..=3 (spring, summer, fall, winter), with or without a year.
    Season(Option<i16>, i8, Rel),
    /// Quarter 1..=4, with or without a year.
    Quarter(Option<i16>, i8, Rel),
    /// Weekday 1..=7 (Monday = 1).
    Weekday(i8, Rel, Option<Part>),
    /// today (0), yesterday (-1), tomorrow (1).
    DayRel(i8, Option<Part>),
    /// last (-1) / this (0) / next (+1) week, month, year, quarter, weekend.
    Period(Unit, i8),
    /// earlier (true) / later (false) this week, month, year.
    Partial(Unit, bool),
    /// N units before the reference ("two weeks ago").
    Ago(u32, Unit),
    /// N units after (+) or before (-) the anchor, with a part of day.
    Anaphor(i32, Unit, Option<Part>),
    /// "the day before the attack": relative to an event we do not date.
    EventRelative,
    Duration(Count, Unit),
    /// N and a half units ("2 1/2 years", "half an hour" is N = 0).
    HalfDuration(u32, Unit),
    /// Every unit (P1D, P1W, ...).
    SetEvery(Unit),
    /// Every given weekday.
    SetWeekday(i8),
    Vague(&'static str),
    /// Clock time hour, minute.
    Clock(u8, u8),
    /// Century, by its first two digits (20th century → 19).
    Century(i16),
    /// US Thanksgiving: the fourth Thursday of November.
    Thanksgiving,
    /// The latest completed quarter, shifted back by N years
    /// ("the quarter", "the year-ago quarter").
    LatestQuarter(i8),
    /// "that quarter", "the same quarter": the quarter named before.
    ThatQuarter,
    /// "the latest quarter", "the most recent period": the latest completed
    /// quarter, whatever the tense.
    ReportedQuarter,
    /// A month of the reference year shifted by N years ("June last year").
    MonthOfYear(i8, i8),
    /// Quarter of the reference year shifted by N years ("last year's third quarter").
    QuarterOfYear(i8, i8),
    /// "the previous Friday" (-1) / "the following Friday" (+1), from the anchor.
    AnaphorWeekday(i8, i8),
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct Parsed {
    kind: Kind,
    modifier: Option<&'static str>,
    /// A clock time on the day ("10 p.m. Wednesday").
    clock: Option<(u8, u8)>,
}

fn pk(kind: Kind) -> Parsed {
    Parsed {
        kind,
        modifier: None,
        clock: None,
    }
}

fn pkm(kind: Kind, modifier: &'static str) -> Parsed {
    Parsed {
        kind,
        modifier: Some(modifier),
        clock: None,
    }
}

/// What the scanner knows about the text just before a candidate position.
#[derive(Debug, Clone, Copy, Default)]
struct Cx {
    /// The previous word is a temporal preposition or qualifier ("in",
    /// "since", "early", ...), or we continue a range ("2020–"), so a bare
    /// month or year is read as a date.
    dated: bool,
    /// The previous word is a determiner ("the 2012 election").
    determiner: bool,
    /// The character before is part of a number or an amount ("2,300",
    /// "$2012", "#1500"), so digits here are never a year.
    in_number: bool,
    /// An amount or a plural noun comes just before ("$5 million a year",
    /// "four flights a week"): "a year" there is a rate.
    after_amount: bool,
    /// A day of the month follows a date through "and", "or", "to" or a
    /// dash ("April 24 and 25"): the date whose month a bare day takes.
    day_continues: Option<Kind>,
}

// ---------------------------------------------------------------------------
// Lexical parsers
// ---------------------------------------------------------------------------

type R<'a, T> = IResult<&'a str, T>;

fn fail<T>(i: &str) -> R<'_, T> {
    Err(nom::Err::Error(nom::error::Error::new(
        i,
        nom::error::ErrorKind::Verify,
    )))
}

// sp := (' ' | '\t' | NBSP)+   — never a newline: expressions do not span lines
fn sp(i: &str) -> R<'_, &str> {
    take_while1(|c: char| c == ' ' || c == '\t' || c == '\u{a0}').parse(i)
}

// word := letter+ (any script)
fn word(i: &str) -> R<'_, &str> {
    take_while1(|c: char| c.is_alphabetic()).parse(i)
}

// kw(w) := the word w in any case, ending at a word boundary
fn kw<'a>(w: &'static str) -> impl FnMut(&'a str) -> R<'a, &'a str> {
    move |i| {
        let (rest, x) = word(i)?;
        if x.eq_ignore_ascii_case(w) {
            Ok((rest, x))
        } else {
            fail(i)
        }
    }
}

// kw_in(list) := any word of list (any case); yields its index
fn kw_in<'a>(list: &'static [&'static str]) -> impl FnMut(&'a str) -> R<'a, usize> {
    move |i| {
        let (rest, x) = word(i)?;
        match list.iter().position(|w| x.eq_ignore_ascii_case(w)) {
            Some(k) => Ok((rest, k)),
            None => fail(i),
        }
    }
}

// apos_s := ("'" | "’") "s"
fn apos_s(i: &str) -> R<'_, &str> {
    (alt((tag("'"), tag("’"))), tag_no_case("s"))
        .parse(i)
        .map(|(r, (a, _))| (r, a))
}

// digits(m, n) := between m and n ASCII digits
fn digits<'a>(min: usize, max: usize) -> impl FnMut(&'a str) -> R<'a, &'a str> {
    move |i| take_while_m_n(min, max, |c: char| c.is_ascii_digit()).parse(i)
}

// tagc(t) := the literal t in any case
fn tagc<'a>(t: &'static str) -> impl FnMut(&'a str) -> R<'a, &'a str> {
    move |i| tag_no_case(t).parse(i)
}

/// True when `rest` starts at a token boundary: not a digit or a letter.
fn at_boundary(rest: &str) -> bool {
    !rest.starts_with(|c: char| c.is_alphanumeric())
}

pub(crate) const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
pub(crate) const MONTH_ABBR: [(&str, i8); 13] = [
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
    ("febr", 2),
];
pub(crate) const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];
const WEEKDAYS_PL: [&str; 7] = [
    "mondays",
    "tuesdays",
    "wednesdays",
    "thursdays",
    "fridays",
    "saturdays",
    "sundays",
];

/// Whether `word` names a month, in full or abbreviated, in any case.
pub(crate) fn is_month_name(word: &str) -> bool {
    MONTHS.iter().any(|m| m.eq_ignore_ascii_case(word))
        || MONTH_ABBR.iter().any(|(m, _)| m.eq_ignore_ascii_case(word))
}

/// Whether `word` names a day of the week, in any case.
pub(crate) fn is_weekday_name(word: &str) -> bool {
    WEEKDAYS.iter().any(|d| d.eq_ignore_ascii_case(word))
}

// month := Capitalised full month name | abbreviation ["."]
// Yields (month number, abbreviated).  Lower-case "may"/"march" are a verb
// or a noun, never a month.
fn month_name(i: &str) -> R<'_, (i8, bool)> {
    let (rest, w) = word(i)?;
    if !w.starts_with(|c: char| c.is_uppercase()) {
        return fail(i);
    }
    if let Some(k) = MONTHS.iter().position(|m| w.eq_ignore_ascii_case(m)) {
        return Ok((rest, (k as i8 + 1, false)));
    }
    if let Some((_, m)) = MONTH_ABBR.iter().find(|(a, _)| w.eq_ignore_ascii_case(a)) {
        let (rest, _) = opt(char('.')).parse(rest)?;
        return Ok((rest, (*m, true)));
    }
    fail(i)
}

// weekday := "Monday" | ... | "Sunday"  (any case); yields 1..=7
fn weekday_name(i: &str) -> R<'_, i8> {
    let (rest, k) = kw_in(&WEEKDAYS).parse(i)?;
    Ok((rest, k as i8 + 1))
}

// day := 1-2 digits in 1..=31 ["st"|"nd"|"rd"|"th"], at a token boundary and
// not the hour of a clock time ("5:30")
fn day_num(i: &str) -> R<'_, i8> {
    let (rest, d) = take_while_m_n(1, 2, |c: char| c.is_ascii_digit()).parse(i)?;
    let (rest, _) = opt(alt((
        tag_no_case("st"),
        tag_no_case("nd"),
        tag_no_case("rd"),
        tag_no_case("th"),
    )))
    .parse(rest)?;
    let clock_hour = rest.starts_with(':') && rest[1..].starts_with(|c: char| c.is_ascii_digit());
    if !at_boundary(rest) || clock_hour || starts_decimal(rest) {
        return fail(i);
    }
    match d.parse::<i8>() {
        Ok(n) if (1..=31).contains(&n) => Ok((rest, n)),
        _ => fail(i),
    }
}

/// "," or "." followed by a digit: the text continues a number ("2,300").
fn starts_decimal(rest: &str) -> bool {
    let b = rest.as_bytes();
    b.len() >= 2 && (b[0] == b',' || b[0] == b'.') && b[1].is_ascii_digit()
}

// year := 4 digits in 1000..=2099, not followed by a digit, a lower-case
// letter or a decimal part.  An upper-case letter may follow directly: run-on
// text like "June 02, 2025Clash Report" still carries the year.
fn year4(i: &str) -> R<'_, i16> {
    let (rest, d) = take_while_m_n(4, 4, |c: char| c.is_ascii_digit()).parse(i)?;
    if rest.starts_with(|c: char| c.is_ascii_digit() || c.is_lowercase()) || starts_decimal(rest) {
        return fail(i);
    }
    match d.parse::<i16>() {
        Ok(y) if (1000..=2099).contains(&y) => Ok((rest, y)),
        _ => fail(i),
    }
}

// mm := 2 digits in 01..=12
fn month_num2(i: &str) -> R<'_, i8> {
    let (rest, d) = take_while_m_n(2, 2, |c: char| c.is_ascii_digit()).parse(i)?;
    match d.parse::<i8>() {
        Ok(m) if (1..=12).contains(&m) => Ok((rest, m)),
        _ => fail(i),
    }
}

const SMALL: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const TENS: [&str; 8] = [
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

// number_word := small | tens [("-" | " ") small(1..=9)] | "a dozen" | "dozen"
fn number_word(i: &str) -> R<'_, u32> {
    if let Ok((rest, k)) = kw_in(&SMALL).parse(i) {
        return Ok((rest, k as u32));
    }
    if let Ok((rest, k)) = kw_in(&TENS).parse(i) {
        let base = 20 + 10 * k as u32;
        if let Ok((r2, (_, u))) = (alt((tag("-"), sp)), kw_in(&SMALL)).parse(rest) {
            if (1..=9).contains(&u) {
                return Ok((r2, base + u as u32));
            }
        }
        return Ok((rest, base));
    }
    if let Ok((rest, _)) = kw("dozen").parse(i) {
        return Ok((rest, 12));
    }
    fail(i)
}

// count := digits(1..=4, no thousands separator) | number_word
//        | "a" | "an" | "one" | ["a"] "couple of" | "a dozen" | "a hundred"
//        | "several" | "a few" | "few" | "many" | "some"       (vague → None)
fn count(i: &str) -> R<'_, Count> {
    if let Ok((rest, d)) = digits(1, 4).parse(i) {
        if rest.starts_with(|c: char| c.is_ascii_digit()) || starts_decimal(rest) {
            return fail(i);
        }
        return Ok((rest, d.parse::<u32>().ok()));
    }
    // "a couple of", and "the next couple of years"
    if let Ok((rest, _)) = (opt((kw("a"), sp)), kw("couple"), sp, kw("of")).parse(i) {
        return Ok((rest, Some(2)));
    }
    if let Ok((rest, (_, _, k))) =
        (kw_in(&["a", "one"]), sp, kw_in(&["hundred", "thousand"])).parse(i)
    {
        return Ok((rest, Some([100, 1000][k])));
    }
    if let Ok((rest, _)) = (kw("a"), sp, kw("few")).parse(i) {
        return Ok((rest, None));
    }
    if let Ok((rest, _)) = (kw("a"), sp, kw("dozen")).parse(i) {
        return Ok((rest, Some(12)));
    }
    if let Ok((rest, _)) = kw_in(&["a", "an"]).parse(i) {
        return Ok((rest, Some(1)));
    }
    if let Ok((rest, _)) = kw_in(&["several", "few", "many"]).parse(i) {
        return Ok((rest, None));
    }
    let (rest, n) = number_word(i)?;
    Ok((rest, Some(n)))
}

const UNIT_WORDS: [(&str, Unit, bool); 22] = [
    ("second", Unit::Second, false),
    ("seconds", Unit::Second, true),
    ("minute", Unit::Minute, false),
    ("minutes", Unit::Minute, true),
    ("hour", Unit::Hour, false),
    ("hours", Unit::Hour, true),
    ("day", Unit::Day, false),
    ("days", Unit::Day, true),
    ("week", Unit::Week, false),
    ("weeks", Unit::Week, true),
    ("weekend", Unit::Weekend, false),
    ("weekends", Unit::Weekend, true),
    ("month", Unit::Month, false),
    ("months", Unit::Month, true),
    ("quarter", Unit::Quarter, false),
    ("quarters", Unit::Quarter, true),
    ("year", Unit::Year, false),
    ("years", Unit::Year, true),
    ("decade", Unit::Decade, false),
    ("decades", Unit::Decade, true),
    ("century", Unit::Century, false),
    ("centuries", Unit::Century, true),
];

// unit := "second(s)" | "minute(s)" | "hour(s)" | "day(s)" | "week(s)"
//       | "weekend(s)" | "month(s)" | "quarter(s)" | "year(s)" | "decade(s)"
//       | "century" | "centuries"          → (unit, plural)
fn unit(i: &str) -> R<'_, (Unit, bool)> {
    let (rest, w) = word(i)?;
    match UNIT_WORDS
        .iter()
        .find(|(s, _, _)| w.eq_ignore_ascii_case(s))
    {
        Some((_, u, pl)) => Ok((rest, (*u, *pl))),
        None => fail(i),
    }
}

// part := "morning" | "afternoon" | "evening" | "night"
fn part(i: &str) -> R<'_, Part> {
    let (rest, k) = kw_in(&["morning", "afternoon", "evening", "night"]).parse(i)?;
    Ok((
        rest,
        [Part::Morning, Part::Afternoon, Part::Evening, Part::Night][k],
    ))
}

// rel := "this past"(="last") | "last" | "this" | "next" | "coming"(="next")
fn rel_word(i: &str) -> R<'_, Rel> {
    if let Ok((rest, _)) = (kw("this"), sp, kw("past")).parse(i) {
        return Ok((rest, Rel::Last));
    }
    let (rest, k) = kw_in(&["last", "this", "next", "coming"]).parse(i)?;
    Ok((rest, [Rel::Last, Rel::This, Rel::Next, Rel::Next][k]))
}

// ---------------------------------------------------------------------------
// Phrase parsers (each yields a `Parsed`)
// ---------------------------------------------------------------------------

// comma_sp := [","] sp   |  ","        (the separator inside "June 2, 2025")
fn comma_sp(i: &str) -> R<'_, ()> {
    alt(((opt(char(',')), sp).map(|_| ()), char(',').map(|_| ()))).parse(i)
}

// Month D[,] YYYY  |  Month D
fn month_day(i: &str) -> R<'_, Parsed> {
    let (rest, ((m, _), _, d)) = (month_name, sp, day_num).parse(i)?;
    if let Ok((r2, (_, y))) = (comma_sp, year4).parse(rest) {
        return Ok((r2, pk(Kind::Ymd(y, m, d))));
    }
    Ok((rest, pk(Kind::MonthDay(m, d))))
}

// D ["of"] Month [[","] YYYY]      ("2 June 2025", "1st of June")
fn day_month(i: &str) -> R<'_, Parsed> {
    let (rest, (d, _, _, (m, _))) = (day_num, sp, opt((kw("of"), sp)), month_name).parse(i)?;
    if let Ok((r2, (_, y))) = (comma_sp, year4).parse(rest) {
        return Ok((r2, pk(Kind::Ymd(y, m, d))));
    }
    Ok((rest, pk(Kind::MonthDay(m, d))))
}

// YYYY-MM-DD | YYYY-MM   (ISO 8601; "2020-2023" is a range, not a month)
fn iso_date(i: &str) -> R<'_, Parsed> {
    let (rest, (y, _, m)) = (year4_digits, char('-'), month_num2).parse(i)?;
    if let Ok((r2, (_, d))) = (char('-'), day2).parse(rest) {
        return Ok((r2, pk(Kind::Ymd(y, m, d))));
    }
    if !at_boundary(rest) || rest.starts_with('-') {
        return fail(i);
    }
    Ok((rest, pk(Kind::Ym(y, m))))
}

// YYYY (digits only, any following character; the caller checks the rest)
fn year4_digits(i: &str) -> R<'_, i16> {
    let (rest, d) = take_while_m_n(4, 4, |c: char| c.is_ascii_digit()).parse(i)?;
    match d.parse::<i16>() {
        Ok(y) if (1000..=2099).contains(&y) && !rest.starts_with(|c: char| c.is_ascii_digit()) => {
            Ok((rest, y))
        }
        _ => fail(i),
    }
}

// DD := 2 digits in 01..=31 at a token boundary
fn day2(i: &str) -> R<'_, i8> {
    let (rest, d) = take_while_m_n(2, 2, |c: char| c.is_ascii_digit()).parse(i)?;
    if rest.starts_with(|c: char| c.is_ascii_digit() || c.is_lowercase()) {
        return fail(i);
    }
    match d.parse::<i8>() {
        Ok(n) if (1..=31).contains(&n) => Ok((rest, n)),
        _ => fail(i),
    }
}

// M/D/YYYY   (US order, "6/2/2025")
fn us_date(i: &str) -> R<'_, Parsed> {
    let digits12 = |i| take_while_m_n(1, 2, |c: char| c.is_ascii_digit()).parse(i);
    let (rest, (m, _, d, _, y)) = (digits12, char('/'), digits12, char('/'), year4).parse(i)?;
    let (m, d) = match (m.parse::<i8>(), d.parse::<i8>()) {
        (Ok(m), Ok(d)) if (1..=12).contains(&m) && (1..=31).contains(&d) => (m, d),
        _ => return fail(i),
    };
    Ok((rest, pk(Kind::Ymd(y, m, d))))
}

// Month [","|"of"] YYYY   ("May 2025", "June of 2024")
fn month_year(i: &str) -> R<'_, Parsed> {
    let (rest, ((m, _), _, y)) = (
        month_name,
        alt(((sp, kw("of"), sp).map(|_| ()), comma_sp)),
        year4,
    )
        .parse(i)?;
    Ok((rest, pk(Kind::Ym(y, m))))
}

// date := [weekday [","] sp] (Month D[, YYYY] | D Month [YYYY])
//       | YYYY-MM-DD | YYYY-MM | M/D/YYYY | Month YYYY
fn date_phrase(i: &str) -> R<'_, Parsed> {
    if let Ok((rest, _)) = (weekday_name, opt(char(',')), sp).parse(i) {
        if let Ok(r) = alt((month_day, day_month)).parse(rest) {
            return Ok(r);
        }
    }
    let mut best: Option<(&str, Parsed)> = None;
    for r in [
        month_day(i),
        day_month(i),
        iso_date(i),
        us_date(i),
        month_year(i),
    ]
    .into_iter()
    .flatten()
    {
        if best.is_none_or(|(b, _)| r.0.len() < b.len()) {
            best = Some(r);
        }
    }
    match best {
        Some(r) => Ok(r),
        None => fail(i),
    }
}

/// Words that make a following bare month or year a date ("in May", "since 2012").
const DATE_CONTEXT: [&str; 26] = [
    "in",
    "since",
    "of",
    "early",
    "mid",
    "late",
    "last",
    "next",
    "this",
    "by",
    "until",
    "till",
    "from",
    "before",
    "after",
    "during",
    "through",
    "to",
    "between",
    "and",
    "or",
    "around",
    "throughout",
    "fiscal",
    "within",
    "on",
];

// month_alone := Month   (full name only; "May" and "March" only after a
// temporal word, and no month when a capitalised word follows: "April Ryan")
fn month_alone(cx: Cx) -> impl FnMut(&str) -> R<'_, Parsed> {
    move |i| {
        let (rest, (m, abbr)) = month_name(i)?;
        if abbr {
            return fail(i);
        }
        if !cx.dated {
            if m == 3 || m == 5 {
                return fail(i);
            }
            if let Ok((_, (_, w))) = (sp, word).parse(rest) {
                if w.starts_with(|c: char| c.is_uppercase()) {
                    return fail(i);
                }
            }
        }
        Ok((rest, pk(Kind::Month(m, Rel::Bare))))
    }
}

// rel_month := ("last" | "this" | "next") Month      ("last April")
fn rel_month(i: &str) -> R<'_, Parsed> {
    let (rest, (r, _, (m, abbr))) = (rel_word, sp, month_name).parse(i)?;
    if abbr {
        return fail(i);
    }
    Ok((rest, pk(Kind::Month(m, r))))
}

/// Words after a weekday that make it part of a name ("Sunday Times").
const NAME_AFTER_WEEKDAY: [&str; 12] = [
    "times",
    "telegraph",
    "express",
    "mirror",
    "school",
    "post",
    "herald",
    "independent",
    "observer",
    "people",
    "sport",
    "night football",
];

/// Capitalised words after a weekday that still belong to the date.
const TIME_WORDS_CAP: [&str; 8] = [
    "morning",
    "afternoon",
    "evening",
    "night",
    "january",
    "june",
    "july",
    "august",
];

// weekday_phrase := [rel sp] weekday [sp part]           ("last Friday", "Monday morning")
//                 | ("early" | "late") sp weekday [sp part]   (mod START / END)
//                 | "the" sp "early" sp "hours" sp "of" sp weekday   (mod START)
// A bare weekday followed by a capitalised non-time word is a name
// ("Sunday Times") unless a temporal word precedes it ("On Sunday JNIM ...").
fn weekday_phrase(cx: Cx) -> impl FnMut(&str) -> R<'_, Parsed> {
    move |i| {
        let mut modifier = None;
        let mut rel = Rel::Bare;
        let mut rest = i;
        if let Ok((r, _)) = (
            opt((kw("the"), sp)),
            kw("early"),
            sp,
            kw("hours"),
            sp,
            kw("of"),
            sp,
        )
            .parse(rest)
        {
            rest = r;
            modifier = Some("START");
        } else if let Ok((r, (k, _))) = (kw_in(&["early", "late"]), sp).parse(rest) {
            rest = r;
            modifier = Some(if k == 0 { "START" } else { "END" });
        } else if let Ok((r, (rl, _))) = (rel_word, sp).parse(rest) {
            rest = r;
            rel = rl;
        }
        let (r, wd) = weekday_name(rest)?;
        rest = r;
        let mut prt = None;
        if let Ok((r, (_, p))) = (sp, part).parse(rest) {
            rest = r;
            prt = Some(p);
        } else if let Ok((_, (_, w))) = (sp, word).parse(rest) {
            let name = NAME_AFTER_WEEKDAY.iter().any(|n| w.eq_ignore_ascii_case(n));
            let cap = w.starts_with(|c: char| c.is_uppercase())
                && !TIME_WORDS_CAP.iter().any(|n| w.eq_ignore_ascii_case(n))
                && !MONTHS.iter().any(|n| w.eq_ignore_ascii_case(n));
            if name || (cap && rel == Rel::Bare && modifier.is_none() && !cx.dated) {
                return fail(i);
            }
        }
        Ok((
            rest,
            Parsed {
                kind: Kind::Weekday(wd, rel, prt),
                modifier,
                clock: None,
            },
        ))
    }
}

// day_rel := ("today" | "yesterday" | "tomorrow") [sp part] | "tonight"
//          | "this" sp part | "last" sp "night"
fn day_rel(i: &str) -> R<'_, Parsed> {
    if let Ok((rest, k)) = kw_in(&["today", "yesterday", "tomorrow"]).parse(i) {
        let off = [0, -1, 1][k];
        if let Ok((r2, (_, p))) = (sp, part).parse(rest) {
            return Ok((r2, pk(Kind::DayRel(off, Some(p)))));
        }
        return Ok((rest, pk(Kind::DayRel(off, None))));
    }
    if let Ok((rest, _)) = kw("tonight").parse(i) {
        return Ok((rest, pk(Kind::DayRel(0, Some(Part::Night)))));
    }
    if let Ok((rest, (_, _, p))) = (kw("this"), sp, part).parse(i) {
        return Ok((rest, pk(Kind::DayRel(0, Some(p)))));
    }
    let (rest, _) = (kw("last"), sp, kw("night")).parse(i)?;
    Ok((rest, pk(Kind::DayRel(-1, Some(Part::Night)))))
}

// period_unit := "week" | "weekend" | "month" | "quarter" | "year"
fn period_unit(i: &str) -> R<'_, Unit> {
    let (rest, (u, plural)) = unit(i)?;
    match u {
        Unit::Week | Unit::Weekend | Unit::Month | Unit::Quarter | Unit::Year if !plural => {
            Ok((rest, u))
        }
        _ => fail(i),
    }
}

// rel_period := rel sp period_unit                 ("last week", "next year")
//             | "the" sp period_unit &(sp ("began"|"started"|"begun"|"begins"))
//             | "the" sp "weekend"
fn rel_period(i: &str) -> R<'_, Parsed> {
    if let Ok((rest, (r, _, u))) = (rel_word, sp, period_unit).parse(i) {
        let off = match r {
            Rel::Last => -1,
            Rel::Next => 1,
            _ => 0,
        };
        return Ok((rest, pk(Kind::Period(u, off))));
    }
    if let Ok((rest, (_, _, u))) = (kw("the"), sp, period_unit).parse(i) {
        if u == Unit::Weekend {
            return Ok((rest, pk(Kind::Period(u, 0))));
        }
        // "since the month began": the extent is "the month", read as its START.
        if peek((
            sp,
            kw_in(&["began", "started", "begun", "begins", "starts"]),
        ))
        .parse(rest)
        .is_ok()
        {
            return Ok((rest, pkm(Kind::Period(u, 0), "START")));
        }
    }
    fail(i)
}

// partial := ("earlier" | "later") sp ("this" | "in the") sp ("week" | "month" | "year")
// ("earlier this year": the part of the year up to the reference)
fn partial(i: &str) -> R<'_, Parsed> {
    let (rest, (k, _, _, _, u)) = (
        kw_in(&["earlier", "later"]),
        sp,
        alt((kw("this"), (kw("in"), sp, kw("the")).map(|_| ""))),
        sp,
        period_unit,
    )
        .parse(i)?;
    if u == Unit::Weekend {
        return fail(i);
    }
    Ok((rest, pk(Kind::Partial(u, k == 0))))
}

// year_end := "year" ("-" | sp) "end" | "year" apos_s sp "end"     (END of the current year)
fn year_end(i: &str) -> R<'_, Parsed> {
    let (rest, _) = (
        kw("year"),
        alt((
            tag("-").map(|_| ()),
            sp.map(|_| ()),
            (apos_s, sp).map(|_| ()),
        )),
        kw("end"),
    )
        .parse(i)?;
    Ok((rest, pkm(Kind::Period(Unit::Year, 0), "END")))
}

// fiscal_period := "the" sp ("current" | "full") sp ["fiscal" sp] "year"        (the current year)
//                | "the" sp ["fiscal" sp] "year" &(sp ("ended" | "ending"))   (a year-long period: P1Y)
fn fiscal_period(i: &str) -> R<'_, Parsed> {
    let (rest, (_, _, q, f, _)) = (
        kw("the"),
        sp,
        opt((kw_in(&["current", "full"]), sp)),
        opt((kw("fiscal"), sp)),
        kw("year"),
    )
        .parse(i)?;
    if peek((sp, kw_in(&["ended", "ending"]))).parse(rest).is_ok() {
        return Ok((rest, pk(Kind::Duration(Some(1), Unit::Year))));
    }
    if q.is_some() || f.is_some() {
        return Ok((rest, pk(Kind::Period(Unit::Year, 0))));
    }
    fail(i)
}

// ahead := ["the" sp] "coming" sp ("days" | "weeks" | "months" | "years")
//        | "the" sp ("days" | "weeks" | "months" | "years") sp "ahead"      (FUTURE_REF)
fn ahead(i: &str) -> R<'_, Parsed> {
    // An unspecified number of units from now on ("in coming weeks": PXW).
    if let Ok((rest, (_, _, _, (u, true)))) =
        (opt((kw("the"), sp)), kw("coming"), sp, unit).parse(i)
    {
        return Ok((rest, pk(Kind::Duration(None, u))));
    }
    let (rest, (_, _, (u, plural), _, _)) = (kw("the"), sp, unit, sp, kw("ahead")).parse(i)?;
    if !plural {
        return fail(i);
    }
    Ok((rest, pk(Kind::Duration(None, u))))
}

// the_period := "the" sp ("week" | "month" | "year")   (the current one; only
// inside "the beginning of the year" and similar)
fn the_period(i: &str) -> R<'_, Parsed> {
    let (rest, (_, _, u)) = (kw("the"), sp, period_unit).parse(i)?;
    Ok((rest, pk(Kind::Period(u, 0))))
}

const SEASONS: [&str; 5] = ["spring", "summer", "fall", "autumn", "winter"];

// season := [rel sp] season_word [sp ["of" sp] YYYY]
// A season needs a year or a rel word ("last summer"), or a temporal word
// before it ("in summer"); "fall" only with a year or rel word (it is a verb).
fn season(cx: Cx) -> impl FnMut(&str) -> R<'_, Parsed> {
    move |i| {
        let (rest, the) = opt((kw("the"), sp)).parse(i)?;
        let (rest, rl) = if the.is_some() {
            (rest, None)
        } else {
            opt((rel_word, sp)).parse(rest)?
        };
        let (rest, k) = kw_in(&SEASONS).parse(rest)?;
        let s = [0, 1, 2, 2, 3][k] as i8;
        if let Ok((r2, (_, _, y))) = (sp, opt((kw("of"), sp)), year4).parse(rest) {
            return Ok((r2, pk(Kind::Season(Some(y), s, Rel::Bare))));
        }
        match rl {
            Some((r, _)) => Ok((rest, pk(Kind::Season(None, s, r)))),
            // "into the summer"; "the fall of Kabul" is an event.
            None if (cx.dated || the.is_some()) && k != 2 => {
                Ok((rest, pk(Kind::Season(None, s, Rel::Bare))))
            }
            None => fail(i),
        }
    }
}

// q_quarter := "Q" [1-4] [sp YYYY]        ("Q3 2024", "Q1")
fn q_quarter(i: &str) -> R<'_, Parsed> {
    let (rest, (_, d)) = (char('Q'), digits(1, 1)).parse(i)?;
    let q: i8 = d.parse().unwrap_or(0);
    if !(1..=4).contains(&q) || !at_boundary(rest) {
        return fail(i);
    }
    if let Ok((r2, (_, y))) = (sp, year4).parse(rest) {
        return Ok((r2, pk(Kind::Quarter(Some(y), q, Rel::Bare))));
    }
    Ok((rest, pk(Kind::Quarter(None, q, Rel::Bare))))
}

// quarter := ["the" sp] [rel sp] ["fiscal" ("-" | sp)] ordinal ("-" | sp) "quarter" [sp ["of" sp] YYYY]
fn quarter(i: &str) -> R<'_, Parsed> {
    let (rest, _) = opt((kw("the"), sp)).parse(i)?;
    let (rest, rl) = opt((rel_word, sp)).parse(rest)?;
    let (rest, _) = opt((kw("fiscal"), alt((tag("-"), sp)))).parse(rest)?;
    let (rest, (k, sep, _)) = (kw_in(&ORDINALS), alt((tag("-"), sp)), kw("quarter")).parse(rest)?;
    // "the third-quarter results": the article belongs to the noun phrase.
    if sep == "-" && (i.starts_with('t') || i.starts_with('T')) && kw("the").parse(i).is_ok() {
        return fail(i);
    }
    let q = k as i8 + 1;
    if let Ok((r2, (_, _, y))) = (sp, opt((kw("of"), sp)), year4).parse(rest) {
        return Ok((r2, pk(Kind::Quarter(Some(y), q, Rel::Bare))));
    }
    Ok((
        rest,
        pk(Kind::Quarter(None, q, rl.map_or(Rel::Bare, |(r, _)| r))),
    ))
}

const ORDINALS: [&str; 4] = ["first", "second", "third", "fourth"];

// fin_quarter := "the" sp [("latest" | "recent" | "most recent") sp] "quarter"      (latest completed)
//              | "the" sp ["comparable" sp] "year" "-" ("earlier" | "ago") sp [ordinal sp] ("quarter" | "period")
//              | ["the" sp] (YYYY | ("this" | "last" | "next") sp "year" apos_s) sp ["fiscal" sp] ordinal ("-" | sp) "quarter"
// Financial reports name quarters this way; "the quarter" alone is the
// latest completed one ("net income for the quarter").
fn fin_quarter(i: &str) -> R<'_, Parsed> {
    let (rest, the) = opt((kw("the"), sp)).parse(i)?;
    if the.is_some() {
        if let Ok((r2, (latest, q))) = (
            opt((
                alt((
                    kw("latest").map(|_| ()),
                    kw("recent").map(|_| ()),
                    (kw("most"), sp, kw("recent")).map(|_| ()),
                )),
                sp,
            )),
            kw("quarter"),
        )
            .parse(rest)
        {
            // Lower-case only: "the Latin Quarter" is a place;
            // "the quarter-to-quarter comparison" is no date.
            if q == "quarter" && !r2.starts_with('-') {
                let kind = match latest {
                    Some(_) => Kind::ReportedQuarter,
                    None => Kind::LatestQuarter(0),
                };
                return Ok((r2, pk(kind)));
            }
        }
        if let Ok((r2, _)) = (kw("current"), sp, kw("quarter")).parse(rest) {
            return Ok((r2, pk(Kind::Period(Unit::Quarter, 0))));
        }
        // "the latest period" in an earnings report.
        if let Ok((r2, _)) = (
            alt((kw("latest"), (kw("most"), sp, kw("recent")).map(|_| ""))),
            sp,
            kw_in(&["period", "quarter"]),
        )
            .parse(rest)
        {
            return Ok((r2, pk(Kind::ReportedQuarter)));
        }
        if let Ok((r2, (_, _, _, _, _, q, _))) = (
            opt((kw("comparable"), sp)),
            kw("year"),
            char('-'),
            kw_in(&["earlier", "ago"]),
            sp,
            opt((kw_in(&ORDINALS), alt((tag("-"), sp)))),
            kw_in(&["quarter", "period"]),
        )
            .parse(rest)
        {
            return Ok((
                r2,
                pk(match q {
                    Some((k, _)) => Kind::QuarterOfYear(k as i8 + 1, -1),
                    None => Kind::LatestQuarter(1),
                }),
            ));
        }
    }
    let (rest, y) = alt((
        year4.map(Some),
        (kw_in(&["this", "last", "next"]), sp, kw("year"), apos_s).map(|(k, _, _, _)| {
            // encode the year offset as a negative sentinel below
            Some(-(k as i16) - 1)
        }),
    ))
    .parse(rest)?;
    let (rest, (_, _, k, _, _)) = (
        sp,
        opt((kw("fiscal"), sp)),
        kw_in(&ORDINALS),
        alt((tag("-"), sp)),
        kw("quarter"),
    )
        .parse(rest)?;
    let q = k as i8 + 1;
    match y {
        Some(y) if y > 0 => Ok((rest, pk(Kind::Quarter(Some(y), q, Rel::Bare)))),
        Some(-1) => Ok((rest, pk(Kind::QuarterOfYear(q, 0)))),
        Some(-2) => Ok((rest, pk(Kind::QuarterOfYear(q, -1)))),
        _ => Ok((rest, pk(Kind::QuarterOfYear(q, 1)))),
    }
}

// year_ago_adj := "year" "-" ("earlier" | "ago")        ("year-earlier profit")
fn year_ago_adj(i: &str) -> R<'_, Parsed> {
    let (rest, _) = (kw("year"), char('-'), kw_in(&["earlier", "ago"])).parse(i)?;
    Ok((rest, pk(Kind::Ago(1, Unit::Year))))
}

// month_rel_year := Month sp ("this" | "last" | "next") sp "year"   ("June last year")
fn month_rel_year(i: &str) -> R<'_, Parsed> {
    let (rest, ((m, abbr), _, k, _, _)) = (
        month_name,
        sp,
        kw_in(&["last", "this", "next"]),
        sp,
        kw("year"),
    )
        .parse(i)?;
    if abbr {
        return fail(i);
    }
    Ok((rest, pk(Kind::MonthOfYear(m, k as i8 - 1))))
}

const DECADE_WORDS: [&str; 8] = [
    "twenties",
    "thirties",
    "forties",
    "fifties",
    "sixties",
    "seventies",
    "eighties",
    "nineties",
];

// decade_word := "the" sp ["nineteen" ("-" | sp)] ("twenties" | ... | "nineties")
//              | "the" sp ("'" | "’") DD "s"                   ("the '90s" → 199)
// The article is required: "in his nineties" is an age.
fn decade_word(i: &str) -> R<'_, Parsed> {
    let (rest, _) = (kw("the"), sp).parse(i)?;
    if let Ok((r2, (_, k))) = (
        opt((kw("nineteen"), alt((tag("-"), sp)))),
        kw_in(&DECADE_WORDS),
    )
        .parse(rest)
    {
        return Ok((r2, pk(Kind::Decade(192 + k as i16))));
    }
    let (r2, (_, d, _)) = (alt((tag("'"), tag("’"))), digits(2, 2), tag("s")).parse(rest)?;
    if !at_boundary(r2) || !d.ends_with('0') {
        return fail(i);
    }
    let n: i16 = d.parse().unwrap_or(0);
    // '00s and '10s are this century; earlier decades the last.
    let y = if n <= 20 { 2000 + n } else { 1900 + n };
    Ok((r2, pk(Kind::Decade(y / 10))))
}

// spoken_year := ["the" sp "year" sp] "nineteen" sp (tens [("-" | sp) units] | teen | "hundred")
//              | "the" sp "year" sp "two" sp "thousand" [sp ["and" sp] small]
// (transcribed broadcast news: "nineteen ninety-six")
fn spoken_year(i: &str) -> R<'_, Parsed> {
    let (rest, the_year) = opt((kw("the"), sp, kw("year"), sp)).parse(i)?;
    if let Ok((r2, (_, _, n))) = (kw("nineteen"), sp, number_word).parse(rest) {
        if (10..=99).contains(&n) {
            return Ok((r2, pk(Kind::Year(1900 + n as i16))));
        }
    }
    if let Ok((r2, _)) = (kw("nineteen"), sp, kw("hundred")).parse(rest) {
        return Ok((r2, pk(Kind::Year(1900))));
    }
    if the_year.is_some() {
        let (r2, _) = (kw("two"), sp, kw("thousand")).parse(rest)?;
        if let Ok((r3, (_, _, n))) = (sp, opt((kw("and"), sp)), number_word).parse(r2) {
            if (1..=99).contains(&n) {
                return Ok((r3, pk(Kind::Year(2000 + n as i16))));
            }
        }
        return Ok((r2, pk(Kind::Year(2000))));
    }
    fail(i)
}

const CENTURY_ORD: [&str; 21] = [
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
    "twenty-first",
];

// century := ["the" sp] (DD ("st" | "nd" | "rd" | "th") | ordinal_word) ("-" | sp) "century"
// ("the 20th century" → "19", the years 1900–1999 by the TimeML convention)
fn century(i: &str) -> R<'_, Parsed> {
    let (rest, _) = opt((kw("the"), sp)).parse(i)?;
    let (rest, n) = alt((
        (
            digits(1, 2),
            alt((tagc("st"), tagc("nd"), tagc("rd"), tagc("th"))),
        )
            .map(|(d, _)| d.parse::<i16>().unwrap_or(0)),
        (kw("twenty"), char('-'), kw("first")).map(|_| 21),
        kw_in(&CENTURY_ORD).map(|k| k as i16 + 1),
    ))
    .parse(rest)?;
    let (rest, _) = (alt((tag("-"), sp)), kw("century")).parse(rest)?;
    if !(1..=21).contains(&n) {
        return fail(i);
    }
    Ok((rest, pk(Kind::Century(n - 1))))
}

// holiday := "Christmas" [sp ("Day" | "Eve")] | "New" sp "Year" apos_s [sp ("Day" | "Eve")]
//          | "Thanksgiving" [sp "Day"] | "Independence" sp "Day" | "Halloween"
//          | "Valentine" apos_s sp "Day"
// Capitalised only; the year comes from the reference like "June 2".
fn holiday(i: &str) -> R<'_, Parsed> {
    if !i.starts_with(|c: char| c.is_uppercase()) {
        return fail(i);
    }
    let day_or_eve = |i| opt((sp, kw_in(&["day", "eve"]))).parse(i);
    if let Ok((r, (_, de))) = (kw("christmas"), day_or_eve).parse(i) {
        let d = if matches!(de, Some((_, 1))) { 24 } else { 25 };
        return Ok((r, pk(Kind::MonthDay(12, d))));
    }
    if let Ok((r, (_, _, _, _, de))) = (kw("new"), sp, kw("year"), apos_s, day_or_eve).parse(i) {
        return Ok((
            r,
            pk(match de {
                Some((_, 1)) => Kind::MonthDay(12, 31),
                _ => Kind::MonthDay(1, 1),
            }),
        ));
    }
    if let Ok((r, _)) = (kw("thanksgiving"), opt((sp, kw("day")))).parse(i) {
        return Ok((r, pk(Kind::Thanksgiving)));
    }
    if let Ok((r, _)) = (kw("independence"), sp, kw("day")).parse(i) {
        return Ok((r, pk(Kind::MonthDay(7, 4))));
    }
    if let Ok((r, _)) = kw("halloween").parse(i) {
        return Ok((r, pk(Kind::MonthDay(10, 31))));
    }
    let (r, _) = (kw("valentine"), apos_s, sp, kw("day")).parse(i)?;
    Ok((r, pk(Kind::MonthDay(2, 14))))
}

// decade := ["the" sp] YYY0 "s"    ("the 1990s" → 199)
fn decade(i: &str) -> R<'_, Parsed> {
    let (rest, (_, d, _)) = (
        opt((kw("the"), sp)),
        take_while_m_n(4, 4, |c: char| c.is_ascii_digit()),
        alt((tag("s"), tag("'s"), tag("’s"))),
    )
        .parse(i)?;
    if !at_boundary(rest) || !d.ends_with('0') {
        return fail(i);
    }
    match d.parse::<i16>() {
        Ok(y) if (1000..=2099).contains(&y) => Ok((rest, pk(Kind::Decade(y / 10)))),
        _ => fail(i),
    }
}

/// Plural nouns after a number that make it a quantity, not a year, even
/// though they do not end in "s" ("1200 people").
const QUANTITY_NOUNS: [&str; 6] = ["people", "men", "women", "children", "police", "personnel"];

/// Time-related plurals: a year may stand before them ("2012 elections" is
/// not one, but "1990 levels" is rare enough; keep these as years).
const TIME_PLURALS: [&str; 8] = [
    "elections",
    "olympics",
    "games",
    "levels",
    "figures",
    "results",
    "accounts",
    "earnings",
];

// year := YYYY ["-" MM]? handled by iso_date; here a plain year in a date
// context:  YYYY ("'s")  |  context-word YYYY  |  the YYYY noun  |  YYYY at a
// clause edge.  Never a year: "2,300", "$2012", "1500 troops", "1200 people".
fn year_phrase(cx: Cx) -> impl FnMut(&str) -> R<'_, Parsed> {
    move |i| {
        if cx.in_number {
            return fail(i);
        }
        let (rest, y) = year4(i)?;
        if rest.starts_with(['%', '$', '€', '£']) {
            return fail(i);
        }
        if apos_s(rest).is_ok() {
            return Ok((rest, pk(Kind::Year(y))));
        }
        // The next word, when it follows on the same line.
        let next = (sp, word).parse(rest).ok().map(|(_, (_, w))| w);
        let dash_year = (alt((tag("-"), tag("–"), tag("—"))), year4)
            .parse(rest)
            .is_ok();
        if let Some(w) = next {
            let lower = w.starts_with(|c: char| c.is_lowercase());
            let plural_noun = lower
                && ((w.len() > 3
                    && w.ends_with('s')
                    && !w.ends_with("ss")
                    && !w.eq_ignore_ascii_case("was")
                    && !w.eq_ignore_ascii_case("has")
                    && !w.eq_ignore_ascii_case("is")
                    && !TIME_PLURALS.iter().any(|t| w.eq_ignore_ascii_case(t)))
                    || QUANTITY_NOUNS.iter().any(|t| w.eq_ignore_ascii_case(t)));
            if plural_noun {
                return fail(i);
            }
            if cx.dated || cx.determiner || dash_year {
                return Ok((rest, pk(Kind::Year(y))));
            }
            // A lower-case singular word after a bare year is usually the
            // noun it modifies ("his 1996 campaign"); quantities come with
            // plurals, rejected above.
        }
        Ok((rest, pk(Kind::Year(y))))
    }
}

// fiscal_year := ("fiscal" | "FY") sp YYYY
fn fiscal_year(i: &str) -> R<'_, Parsed> {
    let (rest, (_, _, y)) = (kw_in(&["fiscal", "fy"]), sp, year4).parse(i)?;
    Ok((rest, pk(Kind::Year(y))))
}

// count_unit := count (sp | "-") unit      ("three days", "24-hour", "two-year")
// "a second" is never a duration (it is the ordinal: "a second attack").
// count_range := count sp ("to" | "or") sp count | digits "-" digits   (vague: "two to three")
fn count_range(i: &str) -> R<'_, Count> {
    if let Ok((rest, _)) = (count, sp, kw_in(&["to", "or"]), sp, count).parse(i) {
        return Ok((rest, None));
    }
    let (rest, _) = (digits(1, 3), char('-'), digits(1, 3)).parse(i)?;
    if rest.starts_with(|c: char| c.is_ascii_digit()) {
        return fail(i);
    }
    Ok((rest, None))
}

// An age or an attribute is not a time: "44-year-old", "52 years old",
// "year-earlier" (handled elsewhere), "1988 quarter" (a year, not a count).
fn count_unit(i: &str) -> R<'_, (Count, Unit, bool)> {
    // "two more weeks": the count of a remaining stretch; "eight trading
    // days": a count of working days, still days.
    let (rest, (n, sep, _, (u, plural))) = (
        alt((count_range, count)),
        alt((sp, tag("-"))),
        opt((kw_in(&["more", "trading", "business", "working"]), sp)),
        unit,
    )
        .parse(i)?;
    if u == Unit::Second && !plural && sep != "-" {
        return fail(i);
    }
    // "a quarter of the vote" is a fraction.
    if u == Unit::Quarter && !plural && kw_in(&["a", "an", "one"]).parse(i).is_ok() {
        return fail(i);
    }
    if sep == "-" && plural {
        return fail(i);
    }
    if n.is_some_and(|n| n >= 1000) && !plural {
        return fail(i);
    }
    let b = rest.as_bytes();
    if b.first() == Some(&b'-')
        && b.get(1).is_some_and(|c| c.is_ascii_alphabetic())
        && !b.get(1..5).is_some_and(|w| w.eq_ignore_ascii_case(b"long"))
    {
        return fail(i);
    }
    if (sp, kw_in(&["old", "olds"])).parse(rest).is_ok() {
        return fail(i);
    }
    Ok((rest, (n, u, plural)))
}

// relative_count := count_unit sp "ago"                       (reference-relative)
//                 | count_unit sp "earlier"   with unit year  (reference-relative)
//                 | count_unit sp ("later" | "earlier")       (anaphoric)
//                 | count_unit sp ("after" | "before") &(punct | end)   (anaphoric)
fn relative_count(i: &str) -> R<'_, Parsed> {
    let (rest, ((n, u, _), _, k)) = (
        count_unit,
        sp,
        kw_in(&["ago", "earlier", "later", "after", "before"]),
    )
        .parse(i)?;
    let n = match n {
        Some(n) if n > 0 && n < 10_000 => n,
        // "several years ago": some time in the past.
        None if k == 0 => return Ok((rest, pk(Kind::Vague("PAST_REF")))),
        _ => return fail(i),
    };
    match k {
        0 => Ok((rest, pk(Kind::Ago(n, u)))),
        1 if u == Unit::Year => Ok((rest, pk(Kind::Ago(n, u)))),
        1 => Ok((rest, pk(Kind::Anaphor(-(n as i32), u, None)))),
        2 => Ok((rest, pk(Kind::Anaphor(n as i32, u, None)))),
        _ if clause_end(rest) => {
            let sign = if k == 3 { 1 } else { -1 };
            Ok((rest, pk(Kind::Anaphor(sign * n as i32, u, None))))
        }
        _ => fail(i),
    }
}

/// Nothing but punctuation (or the end) follows on this clause.
fn clause_end(rest: &str) -> bool {
    let t = rest.trim_start_matches([' ', '\t']);
    t.is_empty() || t.starts_with(['.', ',', ';', ':', '!', '?', '\n', '\r', ')', '—', '–'])
}

// duration := ["the" sp ("past" | "last" | "next" | "first" | "previous" |
//              "coming" | "final") sp] count_unit ["-long"]
//           | "the" sp ("past" | "last" | "previous" | "coming") sp unit   ("the past week" = P1W)
//           | ("decades" | "years" | "months" | "centuries")  after "for"/"over" (see caller)
fn duration(i: &str) -> R<'_, Parsed> {
    let lead = (
        kw("the"),
        sp,
        kw_in(&[
            "past", "last", "next", "first", "previous", "coming", "final",
        ]),
        sp,
    );
    let (rest, lead) = opt(lead).parse(i)?;
    // "the nine months" (a definite duration) keeps its article.
    let (rest, bare_the) = match lead {
        None => {
            let (r, t) = opt((kw("the"), sp)).parse(rest)?;
            (r, t.is_some())
        }
        Some(_) => (rest, false),
    };
    if let Ok((r2, (n, u, _))) = count_unit(rest) {
        // "the two-week truce": the article belongs to the noun phrase.
        let body = &rest[..rest.len() - r2.len()];
        if bare_the && body.contains('-') && !body.contains(' ') {
            return fail(i);
        }
        let (r2, _) = opt(tagc("-long")).parse(r2)?;
        // "the next year or so"
        if let Ok((r3, _)) = (sp, kw("or"), sp, kw("so")).parse(r2) {
            return Ok((r3, pkm(Kind::Duration(n, u), "APPROX")));
        }
        return Ok((r2, pk(Kind::Duration(n, u))));
    }
    if let Some((_, _, k, _)) = lead {
        // "the past week" = P1W; "the previous week" is anaphoric and
        // "the next week" may be either, so only past/last count here.
        if k <= 1 {
            let (r2, (u, plural)) = unit(rest)?;
            if !plural && u != Unit::Weekend {
                return Ok((r2, pk(Kind::Duration(Some(1), u))));
            }
            if plural {
                return Ok((r2, pk(Kind::Duration(None, u))));
            }
        }
    }
    fail(i)
}

// half_duration := (digits | number_word) [sp] ("1/2" | "½") sp unit
//                | (digits | number_word) sp "and a half" sp unit
//                | ("a" | "an" | "one") sp unit sp "and a half"
//                | "half" sp ("a" | "an") sp unit | "a half" sp unit
fn half_duration(i: &str) -> R<'_, Parsed> {
    let whole = || {
        alt((
            digits(1, 4).map(|d: &str| d.parse::<u32>().unwrap_or(0)),
            number_word,
        ))
    };
    let half = |n: u32, u: Unit| pk(Kind::HalfDuration(n, u));
    if let Ok((rest, (n, _, _, _, (u, _)))) =
        (whole(), opt(sp), alt((tag("1/2"), tag("½"))), sp, unit).parse(i)
    {
        return Ok((rest, half(n, u)));
    }
    if let Ok((rest, (n, _, _, _, _, _, _, _, (u, _)))) = (
        whole(),
        sp,
        kw("and"),
        sp,
        kw("a"),
        sp,
        kw("half"),
        sp,
        unit,
    )
        .parse(i)
    {
        return Ok((rest, half(n, u)));
    }
    if let Ok((rest, (_, _, (u, false), _, _, _, _, _, _))) = (
        kw_in(&["a", "an", "one"]),
        sp,
        unit,
        sp,
        kw("and"),
        sp,
        kw("a"),
        sp,
        kw("half"),
    )
        .parse(i)
    {
        return Ok((rest, half(1, u)));
    }
    // "half an hour", "a half hour"
    let (rest, _) = alt((
        (kw("half"), sp, kw_in(&["a", "an"])).map(|_| ()),
        (kw("a"), sp, kw("half")).map(|_| ()),
    ))
    .parse(i)?;
    let (rest, (_, (u, plural))) = (sp, unit).parse(rest)?;
    if plural {
        return fail(i);
    }
    Ok((rest, half(0, u)))
}

// bare_plural := "decades" | "centuries"  |  ("years" | "months" | "weeks") after "for" or "over"
fn bare_plural(cx_for: bool) -> impl FnMut(&str) -> R<'_, Parsed> {
    move |i| {
        let (rest, (u, plural)) = unit(i)?;
        // "decades" and "centuries" are lengths anywhere; "years", "months"
        // and "weeks" only after "for" / "over" ("for years").
        if !cx_for && !matches!(u, Unit::Decade | Unit::Century) {
            return fail(i);
        }
        if !plural || matches!(u, Unit::Second | Unit::Quarter | Unit::Weekend) {
            return fail(i);
        }
        Ok((rest, pk(Kind::Duration(None, u))))
    }
}

// anaphor := "the" sp ("next" | "following" | "previous" | "preceding") sp (part | period_unit | "day")
//          | ("that" | "the same") sp ("day" | part)
//          | "the" sp ("day" | part) sp ("before" | "after") &(punct | end)
//          | "the" sp "day" sp ("before" | "after") + clause → event-relative
fn anaphor(i: &str) -> R<'_, Parsed> {
    if let Ok((rest, (_, _, k, _))) = (
        kw("the"),
        sp,
        kw_in(&["next", "following", "previous", "preceding", "prior"]),
        sp,
    )
        .parse(i)
    {
        let sign = if k < 2 { 1 } else { -1 };
        if let Ok((r2, wd)) = weekday_name(rest) {
            return Ok((r2, pk(Kind::AnaphorWeekday(wd, sign as i8))));
        }
        if let Ok((r2, p)) = part(rest) {
            return Ok((r2, pk(Kind::Anaphor(sign, Unit::Day, Some(p)))));
        }
        if let Ok((r2, (u, false))) = unit(rest) {
            if matches!(
                u,
                Unit::Day | Unit::Week | Unit::Weekend | Unit::Month | Unit::Year
            ) {
                return Ok((r2, pk(Kind::Anaphor(sign, u, None))));
            }
        }
        return fail(i);
    }
    // that_x := [("earlier" | "later") sp] ("that" | "the same") sp (part | "day" | "week" | "month" | "year")
    if let Ok((rest, (_, _, _, up))) = (
        opt((kw_in(&["earlier", "later"]), sp)),
        alt((
            kw("that").map(|_| ()),
            (kw("the"), sp, kw("same")).map(|_| ()),
        )),
        sp,
        alt((
            part.map(|p| (Unit::Day, Some(p))),
            period_unit.map(|u| (u, None)),
            kw("day").map(|_| (Unit::Day, None)),
        )),
    )
        .parse(i)
    {
        let (u, p) = up;
        if u == Unit::Quarter {
            return Ok((rest, pk(Kind::ThatQuarter)));
        }
        if u != Unit::Weekend {
            return Ok((rest, pk(Kind::Anaphor(0, u, p))));
        }
    }
    // "later in the day": the day in focus.
    if let Ok((rest, _)) = (
        kw_in(&["earlier", "later"]),
        sp,
        kw("in"),
        sp,
        kw("the"),
        sp,
        kw("day"),
    )
        .parse(i)
    {
        return Ok((rest, pk(Kind::Anaphor(0, Unit::Day, None))));
    }
    // "by mid-afternoon": the middle of that part of the day in focus, or
    // of the day named after it ("mid-afternoon yesterday").
    if let Ok((rest, p)) = alt((
        (kw("mid"), alt((tag("-"), sp)), part).map(|(_, _, p)| p),
        kw_in(&["midmorning", "midafternoon"]).map(|k| [Part::Morning, Part::Afternoon][k]),
    ))
    .parse(i)
    {
        let day = (sp, kw_in(&["today", "yesterday", "tomorrow"])).parse(rest);
        let (rest, kind) = match day {
            Ok((r2, (_, k))) => (r2, Kind::DayRel([0, -1, 1][k], Some(p))),
            Err(_) => (rest, Kind::Anaphor(0, Unit::Day, Some(p))),
        };
        return Ok((
            rest,
            Parsed {
                kind,
                modifier: Some("MID"),
                clock: None,
            },
        ));
    }
    // "placed orders in the morning": the part of the day in focus; "the
    // morning of June 2" and "the morning after" are handled elsewhere.
    if let Ok((rest, (_, _, p))) = (kw("the"), sp, part).parse(i) {
        if !rest.starts_with('-') && (sp, kw_in(&["of", "after", "before"])).parse(rest).is_err() {
            return Ok((rest, pk(Kind::Anaphor(0, Unit::Day, Some(p)))));
        }
    }
    // "For the year, volume was flat": the year in focus, anaphoric;
    // "from $450 million the year before": the one before it.
    if let Ok((rest, (_, _, u))) = (kw("the"), sp, period_unit).parse(i) {
        if matches!(u, Unit::Week | Unit::Month | Unit::Year) && !rest.starts_with('-') {
            if let Ok((r2, (_, k))) = (sp, kw_in(&["before", "after"])).parse(rest) {
                if clause_end(r2) {
                    let sign = if k == 0 { -1 } else { 1 };
                    return Ok((r2, pk(Kind::Anaphor(sign, u, None))));
                }
            }
            return Ok((rest, pk(Kind::Anaphor(0, u, None))));
        }
    }
    let (rest, (_, _, p, _, k)) = (
        kw("the"),
        sp,
        alt((kw("day").map(|_| None), part.map(Some))),
        sp,
        kw_in(&["before", "after"]),
    )
        .parse(i)?;
    if clause_end(rest) {
        let sign = if k == 0 { -1 } else { 1 };
        return Ok((rest, pk(Kind::Anaphor(sign, Unit::Day, p))));
    }
    // "the day before the attack": the extent is "the day before", but the
    // event it is relative to is not a date we know.
    Ok((rest, pk(Kind::EventRelative)))
}

// set := ("every" | "each") sp (weekday | unit)   ("every Monday", "every day")
//      | weekday_plural                           ("Mondays")
//      | "daily" | "weekly" | "monthly" | "annually" | "yearly" | "hourly"
//      | ("once" | "twice" | count sp "times") sp ("a" | "per") sp unit
fn set(i: &str) -> R<'_, Parsed> {
    if let Ok((rest, _)) = (kw_in(&["every", "each"]), sp).parse(i) {
        if let Ok((r2, wd)) = weekday_name(rest) {
            return Ok((r2, pk(Kind::SetWeekday(wd))));
        }
        let (r2, (u, plural)) = unit(rest)?;
        if plural {
            return fail(i);
        }
        return Ok((r2, pk(Kind::SetEvery(u))));
    }
    if let Ok((rest, k)) = kw_in(&WEEKDAYS_PL).parse(i) {
        return Ok((rest, pk(Kind::SetWeekday(k as i8 + 1))));
    }
    if let Ok((rest, k)) = kw_in(&[
        "daily", "weekly", "monthly", "annually", "yearly", "hourly", "nightly",
    ])
    .parse(i)
    {
        let u = [
            Unit::Day,
            Unit::Week,
            Unit::Month,
            Unit::Year,
            Unit::Year,
            Unit::Hour,
            Unit::Day,
        ][k];
        return Ok((rest, pk(Kind::SetEvery(u))));
    }
    let (rest, (_, _, _, _, (u, plural))) = (
        alt((
            kw_in(&["once", "twice"]).map(|_| ()),
            (count, sp, kw("times")).map(|_| ()),
        )),
        sp,
        kw_in(&["a", "per", "each", "every"]),
        sp,
        unit,
    )
        .parse(i)?;
    if plural {
        return fail(i);
    }
    Ok((rest, pk(Kind::SetEvery(u))))
}

// vague := "now" | "currently" | "presently" | "nowadays" | "today's"?
//        | "recently" | "lately" | "previously" | "formerly" | "once"?
//        | "the" sp ("past" | "future" | "present")
//        | "recent" sp ("years" | "months" | "weeks" | "days" | "decades")
//        | "soon" | "shortly"?
fn vague(prev_as: bool) -> impl FnMut(&str) -> R<'_, Parsed> {
    move |i| {
        if let Ok((rest, k)) = kw_in(&[
            "now",
            "currently",
            "presently",
            "nowadays",
            "recently",
            "lately",
            "previously",
            "formerly",
            "soon",
        ])
        .parse(i)
        {
            if k == 8 && prev_as {
                return fail(i); // "as soon as" is a conjunction
            }
            let v = match k {
                0..=3 => "PRESENT_REF",
                4..=7 => "PAST_REF",
                _ => "FUTURE_REF",
            };
            return Ok((rest, pk(Kind::Vague(v))));
        }
        if let Ok((rest, _)) = (kw("right"), sp, kw("now")).parse(i) {
            return Ok((rest, pk(Kind::Vague("PRESENT_REF"))));
        }
        if let Ok((rest, _)) = (kw("these"), sp, kw("days")).parse(i) {
            return Ok((rest, pk(Kind::Vague("PRESENT_REF"))));
        }
        if let Ok((rest, _)) = (kw("the"), sp, kw("near"), sp, kw("future")).parse(i) {
            return Ok((rest, pk(Kind::Vague("FUTURE_REF"))));
        }
        // "in the near term"; "the long-term plan" is an adjective.
        if let Ok((rest, _)) = (
            kw("the"),
            sp,
            kw_in(&["near", "short", "long"]),
            sp,
            kw("term"),
        )
            .parse(i)
        {
            return Ok((rest, pk(Kind::Vague("FUTURE_REF"))));
        }
        if let Ok((rest, (_, _, k))) =
            (kw("the"), sp, kw_in(&["past", "future", "present"])).parse(i)
        {
            // "the present report" is not a time.
            if k == 2 && !clause_end(rest) {
                return fail(i);
            }
            let v = ["PAST_REF", "FUTURE_REF", "PRESENT_REF"][k];
            return Ok((rest, pk(Kind::Vague(v))));
        }
        // "in recent years": an unspecified number of years up to now.
        let (rest, (_, _, (u, true))) = (kw("recent"), sp, unit).parse(i)? else {
            return fail(i);
        };
        Ok((rest, pk(Kind::Duration(None, u))))
    }
}

// current := "current" (before a noun it dates) | "then" ("-" | sp) "current"
fn current(i: &str) -> R<'_, Parsed> {
    // "the then-current price" was current at a past time.
    if let Ok((rest, _)) = (kw("then"), alt((tag("-"), sp)), kw("current")).parse(i) {
        return Ok((rest, pk(Kind::Vague("PAST_REF"))));
    }
    // "current market conditions": the adjective, before the noun it
    // dates; not the noun ("against the current") nor accounting's
    // "current assets".
    let (rest, _) = kw("current").parse(i)?;
    let next = rest.strip_prefix(' ').map_or("", |r| {
        r.split(|c: char| !c.is_alphabetic()).next().unwrap_or("")
    });
    let noun_follows = next.len() > 1
        && next.starts_with(|c: char| c.is_lowercase())
        && !NOT_DATED_BY_CURRENT.contains(&next);
    if !noun_follows {
        return fail(i);
    }
    Ok((rest, pk(Kind::Vague("PRESENT_REF"))))
}

/// Words after "current" that make it a technical term, not a time:
/// accounting ("current assets"), electricity, and a function word after
/// the noun ("the current of the river").
const NOT_DATED_BY_CURRENT: &[&str] = &[
    "account",
    "accounts",
    "assets",
    "liabilities",
    "ratio",
    "of",
    "and",
    "or",
    "in",
    "to",
    "is",
    "was",
    "flows",
    "flowing",
    "density",
    "source",
];

// clock := H[":"MM] [sp] ("a.m." | "p.m." | "am" | "pm")   ("4 p.m.", "10:30am")
//        | HH ":" MM                                       ("16:00")
//        | "noon" | "midnight"
fn clock(i: &str) -> R<'_, Parsed> {
    let (rest, p) = clock_core(i)?;
    let Kind::Clock(h, m) = p.kind else {
        return Ok((rest, p));
    };
    // clock_day := clock [sp zone] [","] sp (weekday | "today" | "yesterday" | "tomorrow" | Month D [, YYYY])
    let zone = |i| {
        kw_in(&[
            "EST", "EDT", "CST", "CDT", "PST", "PDT", "GMT", "UTC", "BST", "CET", "local",
        ])
        .parse(i)
    };
    if let Ok((r2, (_, _, _, day))) = (
        opt((sp, zone, opt((sp, kw("time"))))),
        opt(char(',')),
        sp,
        alt((
            weekday_name.map(|wd| pk(Kind::Weekday(wd, Rel::Bare, None))),
            kw_in(&["today", "yesterday", "tomorrow"])
                .map(|k| pk(Kind::DayRel([0, -1, 1][k], None))),
            month_day,
        )),
    )
        .parse(rest)
    {
        return Ok((
            r2,
            Parsed {
                clock: Some((h, m)),
                ..day
            },
        ));
    }
    Ok((rest, p))
}

// clock_core := H[":"MM] [sp] ("a.m." | "p.m." | "am" | "pm") | HH ":" MM | "noon" | "midnight"
fn clock_core(i: &str) -> R<'_, Parsed> {
    if let Ok((rest, k)) = kw_in(&["noon", "midday", "midnight"]).parse(i) {
        let h = if k == 2 { 0 } else { 12 };
        return Ok((rest, pk(Kind::Clock(h, 0))));
    }
    let digits = |i| take_while_m_n(1, 2, |c: char| c.is_ascii_digit()).parse(i);
    let (rest, (h, mm)) = (
        digits,
        opt((
            char(':'),
            take_while_m_n(2, 2, |c: char| c.is_ascii_digit()),
        )),
    )
        .parse(i)?;
    let h: u8 = h
        .parse()
        .map_err(|_| nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Digit)))?;
    let m: u8 = match mm {
        Some((_, m)) => m.parse().unwrap_or(99),
        None => 0,
    };
    if m > 59 {
        return fail(i);
    }
    let (r2, _) = opt(sp).parse(rest)?;
    if let Ok((r3, k)) = alt((
        tagc("a.m.").map(|_| 0),
        tagc("p.m.").map(|_| 1),
        tagc("a.m").map(|_| 0),
        tagc("p.m").map(|_| 1),
        tagc("am").map(|_| 0),
        tagc("pm").map(|_| 1),
    ))
    .parse(r2)
    {
        if !at_boundary(r3) || !(1..=12).contains(&h) {
            return fail(i);
        }
        let h24 = match (h, k) {
            (12, 0) => 0,
            (12, _) => 12,
            (h, 0) => h,
            (h, _) => h + 12,
        };
        // "4 p.m." at the end of a sentence: the sentence's full stop is the
        // abbreviation's; it stays inside the extent.
        return Ok((r3, pk(Kind::Clock(h24, m))));
    }
    if mm.is_some() && h <= 23 && at_boundary(rest) && !rest.starts_with(':') {
        return Ok((rest, pk(Kind::Clock(h, m))));
    }
    fail(i)
}

// modded := "the" sp ("beginning" | "start" | "middle" | "end") sp "of" sp period
//         | ["the" sp] ("early" | "mid" | "late") ("-" | sp) period
// period := Month YYYY | Month | YYYY | rel_period | the_period | season | decade
//         | day_rel ("late yesterday")
fn modded(i: &str) -> R<'_, Parsed> {
    let dated = Cx {
        dated: true,
        ..Cx::default()
    };
    let (rest, m) = alt((
        (
            kw("the"),
            sp,
            kw_in(&["beginning", "start", "middle", "end", "turn"]),
            sp,
            kw("of"),
            sp,
        )
            .map(|(_, _, k, _, _, _)| ["START", "START", "MID", "END", "START"][k]),
        (
            opt((kw("the"), sp)),
            kw_in(&["early", "mid", "late"]),
            alt((tag("-"), sp)),
        )
            .map(|(_, k, _)| ["START", "MID", "END"][k]),
    ))
    .parse(i)?;
    let mut best: Option<(&str, Parsed)> = None;
    for r in [
        month_year(rest),
        month_alone(dated)(rest),
        rel_month(rest),
        rel_period(rest),
        the_period(rest),
        season(dated)(rest),
        decade(rest),
        year_phrase(dated)(rest),
        day_rel(rest),
    ]
    .into_iter()
    .flatten()
    {
        if best.is_none_or(|(b, _)| r.0.len() < b.len()) {
            best = Some(r);
        }
    }
    match best {
        Some((r, p)) => {
            if matches!(p.kind, Kind::Period(Unit::Weekend, _)) {
                return fail(i);
            }
            // "the turn of the year" is the START of the next year in
            // TimeML terms; we keep the current one (document the gap).
            Ok((r, pkm(p.kind, m)))
        }
        None => fail(i),
    }
}

/// Words that can open a time expression (besides digits and the month,
/// weekday, unit, number and ordinal words, checked from their own tables).
/// Most word starts in prose fail this test, which keeps the scan cheap.
const STARTERS: [&str; 75] = [
    "the",
    "this",
    "last",
    "next",
    "coming",
    "early",
    "mid",
    "late",
    "today",
    "yesterday",
    "tomorrow",
    "tonight",
    "earlier",
    "later",
    "that",
    "every",
    "each",
    "daily",
    "weekly",
    "monthly",
    "annually",
    "yearly",
    "hourly",
    "nightly",
    "once",
    "twice",
    "a",
    "an",
    "several",
    "few",
    "many",
    "dozen",
    "now",
    "currently",
    "presently",
    "nowadays",
    "recently",
    "lately",
    "previously",
    "formerly",
    "soon",
    "recent",
    "current",
    "then",
    "right",
    "these",
    "noon",
    "midday",
    "midmorning",
    "midafternoon",
    "midnight",
    "fiscal",
    "fy",
    "spring",
    "summer",
    "fall",
    "autumn",
    "winter",
    "nineteen",
    "christmas",
    "new",
    "thanksgiving",
    "independence",
    "halloween",
    "valentine",
    "about",
    "around",
    "approximately",
    "roughly",
    "some",
    "nearly",
    "almost",
    "under",
    "less",
    "more",
];
const STARTERS_2: [&str; 7] = ["at", "up", "no", "q", "twenty", "year", "half"];

fn may_start(i: &str) -> bool {
    if i.starts_with(|c: char| c.is_ascii_digit()) {
        return true;
    }
    let n = i
        .char_indices()
        .find(|(_, c)| !c.is_alphabetic())
        .map_or(i.len(), |(k, _)| k);
    let w = &i[..n];
    if w.len() > 13 {
        return false;
    }
    // Compared without regard to ASCII case, as the lists are written.
    starting_words().contains(w)
}

/// Every word a time expression may start with.
fn starting_words() -> &'static super::WordSet {
    static SET: std::sync::OnceLock<super::WordSet> = std::sync::OnceLock::new();
    SET.get_or_init(|| {
        let lists: [&[&str]; 7] = [
            &STARTERS,
            &STARTERS_2,
            &MONTHS,
            &WEEKDAYS,
            &WEEKDAYS_PL,
            &SMALL,
            &TENS,
        ];
        super::WordSet::new(
            lists
                .into_iter()
                .flatten()
                .copied()
                .chain(CENTURY_ORD.iter().copied())
                .chain(MONTH_ABBR.iter().map(|(a, _)| *a))
                .chain(UNIT_WORDS.iter().map(|(u, _, _)| *u))
                .map(str::as_bytes),
        )
    })
}

/// Tries every phrase parser at `i` and keeps the longest match.
fn parse_at(i: &str, cx: Cx, prev: &str) -> Option<(Parsed, usize)> {
    if !may_start(i) {
        return None;
    }
    let mut best: Option<(Parsed, usize)> = None;
    let prev_is = |w: &str| prev.eq_ignore_ascii_case(w);
    let for_ctx = prev_is("for") || prev_is("over") || prev_is("decades") || prev_is("within");
    let mut consider = |r: R<'_, Parsed>| {
        if let Ok((rest, p)) = r {
            let len = i.len() - rest.len();
            if len > 0 && best.is_none_or(|(_, b)| len > b) {
                best = Some((p, len));
            }
        }
    };
    consider(date_phrase(i));
    // "April 24 and 25": the second day takes the first one's month.
    // "April 24 and 25": the second day takes the first one's month, where
    // a count is unlikely ("on June 2 and 25 were hurt" is not a date).
    if let Some(k) = cx.day_continues {
        if let Ok((rest, d)) = day_num(i) {
            let ends = clause_end(rest)
                || (
                    sp,
                    kw_in(&[
                        "in", "at", "on", "when", "from", "during", "and", "or", "with",
                    ]),
                )
                    .parse(rest)
                    .is_ok();
            let kind = match k {
                Kind::Ymd(y, m, _) => Some(Kind::Ymd(y, m, d)),
                Kind::MonthDay(m, _) => Some(Kind::MonthDay(m, d)),
                _ => None,
            };
            if let (true, Some(kind)) = (ends, kind) {
                consider(Ok((rest, pk(kind))));
            }
        }
    }
    consider(month_alone(cx)(i));
    consider(rel_month(i));
    consider(weekday_phrase(cx)(i));
    consider(day_rel(i));
    consider(rel_period(i));
    consider(partial(i));
    consider(fiscal_period(i));
    consider(ahead(i));
    consider(year_end(i));
    consider(spoken_year(i));
    consider(century(i));
    consider(holiday(i));
    consider(season(cx)(i));
    consider(quarter(i));
    consider(fin_quarter(i));
    consider(q_quarter(i));
    consider(year_ago_adj(i));
    consider(month_rel_year(i));
    consider(decade(i));
    consider(decade_word(i));
    consider(year_phrase(cx)(i));
    consider(fiscal_year(i));
    consider(relative_count(i));
    consider(duration(i));
    consider(half_duration(i));
    consider(bare_plural(for_ctx)(i));
    consider(anaphor(i));
    consider(set(i));
    // An adjective, so also after a determiner: "its current share".
    consider(current(i));
    // "the previously announced plan": an adjective inside a noun phrase.
    if !cx.determiner {
        consider(vague(prev_is("as"))(i));
    }
    consider(clock(i));
    consider(modded(i));
    // approx := ("about" | "around" | "approximately" | "roughly" | "some") → APPROX
    //         | ("nearly" | "almost" | "under" | "less than") → LESS_THAN
    //         | "more than" → MORE_THAN | "at least" → EQUAL_OR_MORE
    //         | ("up to" | "no more than") → EQUAL_OR_LESS
    // in front of a duration, an "ago", a clock time or a day: TimeML keeps
    // the qualifier inside the extent and records it as the mod.
    // One qualifier only: a run of them ("more than nearly about …") must
    // not recurse once per word.
    if let Ok((rest, m)) = approx(i) {
        if let Some((p, len)) = approx(rest)
            .is_err()
            .then(|| parse_at(rest, cx, ""))
            .flatten()
        {
            let plen = i.len() - rest.len();
            let ok = match p.kind {
                Kind::Duration(..) | Kind::HalfDuration(..) => true,
                Kind::Ago(..) | Kind::Clock(..) | Kind::Ymd(..) | Kind::MonthDay(..) => {
                    m != "MORE_THAN"
                }
                _ => false,
            };
            let some_ok = !i.as_bytes()[..4.min(plen)].eq_ignore_ascii_case(b"some")
                || rest.starts_with(|c: char| c.is_ascii_digit());
            if ok && some_ok && p.modifier.is_none() && best.is_none_or(|(_, b)| plen + len > b) {
                best = Some((
                    Parsed {
                        modifier: Some(m),
                        ..p
                    },
                    plen + len,
                ));
            }
        }
    }
    if let Some((p, _)) = best {
        // "$500 million a year", "four flights a week": a rate, not a time.
        if let Kind::Duration(Some(1), _) = p.kind {
            if cx.after_amount && kw_in(&["a", "an"]).parse(i).is_ok() {
                return None;
            }
        }
    }
    best
}

fn approx(i: &str) -> R<'_, &'static str> {
    let (rest, m) = alt((
        kw_in(&["about", "around", "approximately", "roughly", "some"]).map(|_| "APPROX"),
        kw_in(&["nearly", "almost", "under"]).map(|_| "LESS_THAN"),
        (kw("less"), sp, kw("than")).map(|_| "LESS_THAN"),
        (kw("more"), sp, kw("than")).map(|_| "MORE_THAN"),
        (kw("at"), sp, kw("least")).map(|_| "EQUAL_OR_MORE"),
        (kw("up"), sp, kw("to")).map(|_| "EQUAL_OR_LESS"),
        (kw("no"), sp, kw("more"), sp, kw("than")).map(|_| "EQUAL_OR_LESS"),
    ))
    .parse(i)?;
    let (rest, _) = sp(rest)?;
    Ok((rest, m))
}

// ---------------------------------------------------------------------------
// Tense
// ---------------------------------------------------------------------------

/// The tense at `span` (see [`tense`]), read within a window of the
/// sentence so that a sentence without punctuation cannot make the cost
/// quadratic: a marker further away than the window does not govern anyway.
fn tense_at(
    text: &str,
    sent: Range<usize>,
    span: Range<usize>,
    signal: Option<Signal>,
) -> Option<bool> {
    const WINDOW: usize = 400;
    let mut lo = sent.start.max(span.start.saturating_sub(WINDOW));
    while !text.is_char_boundary(lo) {
        lo += 1;
    }
    let mut hi = sent
        .end
        .min(span.end + WINDOW)
        .max(span.end)
        .min(text.len());
    while !text.is_char_boundary(hi) {
        hi -= 1;
    }
    let lo = lo.min(span.start);
    // A quotation has its own tense: "'He will leave at 4 a.m. Thursday,'
    // Castro said" is future whatever the reporting verb says.
    let is_quote = |c: char| matches!(c, '"' | '“' | '”' | '«' | '»' | '`');
    let before = &text[lo..span.start];
    let quote_end = |k: usize| k + before[k..].chars().next().map_or(1, char::len_utf8);
    let lo = [
        before.rfind(is_quote).map(quote_end),
        before.rfind("''").map(|k| k + 2),
    ]
    .into_iter()
    .flatten()
    .max()
    .map_or(lo, |k| lo + k);
    let from = span.end.min(hi);
    let after = &text[from..hi];
    let hi = [after.find(is_quote), after.find("''")]
        .into_iter()
        .flatten()
        .min()
        .map_or(hi, |k| from + k);
    let (window, expr) = (&text[lo..hi], span.start - lo..span.end.min(hi) - lo);
    if matches!(signal, Some(Signal::Until | Signal::By)) {
        Some(tense::deadline_points_forward(window, expr))
    } else {
        tense::marked_tense(window, expr)
    }
}

// ---------------------------------------------------------------------------
// Calendar helpers (jiff does the arithmetic)
// ---------------------------------------------------------------------------

fn fmt_day(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

fn add_days(d: Date, n: i64) -> Option<Date> {
    d.checked_add(jiff::Span::new().try_days(n).ok()?).ok()
}

// jiff's `ToSpan` helpers panic out of range; the `try_*` forms do not.
fn add_years(d: Date, n: i64) -> Option<Date> {
    d.checked_add(jiff::Span::new().try_years(n).ok()?).ok()
}

fn add_months(d: Date, n: i64) -> Option<Date> {
    d.checked_add(jiff::Span::new().try_months(n).ok()?).ok()
}

fn month_iv(y: i16, m: i8) -> Option<(Date, Date)> {
    let f = Date::new(y, m, 1).ok()?;
    Some((f, f.last_of_month()))
}

fn year_iv(y: i16) -> Option<(Date, Date)> {
    Some((Date::new(y, 1, 1).ok()?, Date::new(y, 12, 31).ok()?))
}

/// Monday..Sunday of the ISO week containing `d`, with its "YYYY-Www" value.
fn week_of(d: Date) -> Option<(String, (Date, Date))> {
    let w = d.iso_week_date();
    let monday = add_days(d, -(d.weekday().to_monday_one_offset() as i64 - 1))?;
    let sunday = add_days(monday, 6)?;
    Some((
        format!("{:04}-W{:02}", w.year(), w.week()),
        (monday, sunday),
    ))
}

/// Season 0..=3 (SP, SU, FA, WI) of year `y`: meteorological seasons; winter
/// runs from December of `y` into February of `y + 1`.
fn season_iv(y: i16, s: i8) -> Option<(Date, Date)> {
    let (m0, m1) = [(3, 5), (6, 8), (9, 11), (12, 2)][s as usize];
    let start = Date::new(y, m0, 1).ok()?;
    let end_y = if s == 3 { y.checked_add(1)? } else { y };
    Some((start, month_iv(end_y, m1)?.1))
}

const SEASON_CODES: [&str; 4] = ["SP", "SU", "FA", "WI"];

fn quarter_iv(y: i16, q: i8) -> Option<(Date, Date)> {
    let a = month_iv(y, (q - 1) * 3 + 1)?.0;
    let b = month_iv(y, q * 3)?.1;
    Some((a, b))
}

/// Narrows a period to its START / MID / END part.  Months use days 1–10,
/// 11–20, 21–end; other periods are cut into thirds.
fn apply_mod(iv: (Date, Date), m: &str, is_month: bool) -> (Date, Date) {
    let (a, b) = iv;
    if is_month {
        let d10 = add_days(a, 9).unwrap_or(b);
        let d11 = add_days(a, 10).unwrap_or(b);
        let d20 = add_days(a, 19).unwrap_or(b);
        let d21 = add_days(a, 20).unwrap_or(b);
        return match m {
            "START" => (a, d10),
            "MID" => (d11, d20),
            "END" => (d21, b),
            _ => iv,
        };
    }
    let len = (b - a).get_days() as i64 + 1;
    if len < 3 {
        return iv;
    }
    let third = len / 3;
    match m {
        "START" => (a, add_days(a, third - 1).unwrap_or(b)),
        "MID" => (
            add_days(a, third).unwrap_or(a),
            add_days(a, len - third - 1).unwrap_or(b),
        ),
        "END" => (add_days(a, len - third).unwrap_or(a), b),
        _ => iv,
    }
}

/// A weekday's name, 1 = Monday (clamped to 1..=7).
pub fn weekday_label(wd: i8) -> &'static str {
    [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ][(wd.clamp(1, 7) - 1) as usize]
}

/// A month's name, 1 = January (clamped to 1..=12).
pub fn month_label(m: i8) -> &'static str {
    [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ][(m.clamp(1, 12) - 1) as usize]
}

// ---------------------------------------------------------------------------
// Resolution
// ---------------------------------------------------------------------------

/// What resolving one mention needs to know.
struct Env {
    reference: Option<Date>,
    future: bool,
    /// Whether a tense marker decided `future` (otherwise it is the
    /// default, past).
    tense_marked: bool,
    anchor: Option<Date>,
    /// The signal word is literally "in" ("in three days", not "within").
    signal_is_in: bool,
    signal: Option<Signal>,
    /// Start of the latest resolved date of any granularity ("that year").
    last_point: Option<Date>,
    /// The latest quarter mentioned (year, quarter), for "a year earlier".
    last_quarter: Option<(i16, i8)>,
}

struct Out {
    typ: TimexType,
    value: Option<String>,
    interval: Option<(Date, Date)>,
    resolution: Resolution,
}

fn no_ref(typ: TimexType, value: Option<String>) -> Out {
    Out {
        typ,
        value,
        interval: None,
        resolution: Resolution::Unresolved {
            reason: "no reference date".into(),
        },
    }
}

fn by_ref(typ: TimexType, value: String, iv: (Date, Date), r: Date, how: String) -> Out {
    Out {
        typ,
        value: Some(value),
        interval: Some(iv),
        resolution: Resolution::Reference { date: r, how },
    }
}

fn absolute(value: String, iv: Option<(Date, Date)>) -> Out {
    Out {
        typ: TimexType::Date,
        value: Some(value),
        interval: iv,
        resolution: Resolution::Absolute,
    }
}

/// Quarter `q` of year `y`, anchored to a quarter the text named before.
fn quarter_named_before(y: i16, q: i8, how: String) -> Option<Out> {
    let iv = quarter_iv(y, q)?;
    Some(Out {
        typ: TimexType::Date,
        value: Some(format!("{y:04}-Q{q}")),
        interval: Some(iv),
        resolution: Resolution::Anchored { anchor: iv.0, how },
    })
}

fn tense_word(future: bool) -> &'static str {
    if future { "future tense" } else { "past tense" }
}

fn unit_code(u: Unit) -> (&'static str, bool) {
    // (designator, needs the "T" time part)
    match u {
        Unit::Second => ("S", true),
        Unit::Minute => ("M", true),
        Unit::Hour => ("H", true),
        Unit::Day => ("D", false),
        Unit::Week => ("W", false),
        Unit::Weekend => ("WE", false),
        Unit::Month => ("M", false),
        Unit::Quarter => ("Q", false),
        Unit::Year => ("Y", false),
        Unit::Decade => ("DE", false),
        Unit::Century => ("CE", false),
    }
}

fn duration_value(n: Count, u: Unit) -> String {
    // Counted decades and centuries are written in years ("two decades" = P20Y).
    match (n, u) {
        (Some(n), Unit::Decade) => return format!("P{}Y", n * 10),
        (Some(n), Unit::Century) => return format!("P{}Y", n * 100),
        _ => {}
    }
    let (code, t) = unit_code(u);
    let n = n.map_or("X".to_string(), |n| n.to_string());
    format!("P{}{}{}", if t { "T" } else { "" }, n, code)
}

/// N and a half units, written with the next smaller unit ("2 1/2 years" =
/// P2Y6M, "an hour and a half" = PT1H30M).
fn half_duration_value(n: u32, u: Unit) -> String {
    let whole = |code: &str| {
        if n == 0 {
            String::new()
        } else {
            format!("{n}{code}")
        }
    };
    match u {
        Unit::Second => format!("PT{n}.5S"),
        Unit::Minute => format!("PT{}30S", &whole("M")),
        Unit::Hour => format!("PT{}30M", &whole("H")),
        Unit::Day => format!("P{}T12H", &whole("D")),
        Unit::Week | Unit::Weekend => format!("P{}DT12H", n * 7 + 3),
        Unit::Month => format!("P{}15D", &whole("M")),
        Unit::Quarter => format!("P{}M15D", n * 3 + 1),
        Unit::Year => format!("P{}6M", &whole("Y")),
        Unit::Decade => format!("P{}Y", n * 10 + 5),
        Unit::Century => format!("P{}Y", n * 100 + 50),
    }
}

/// The period of granularity `u` containing `d` (value, interval).
fn period_of(d: Date, u: Unit) -> Option<(String, (Date, Date))> {
    match u {
        Unit::Day | Unit::Hour | Unit::Minute | Unit::Second => Some((fmt_day(d), (d, d))),
        Unit::Week => week_of(d),
        Unit::Weekend => {
            // The weekend of the ISO week containing d.
            let (v, (_, sun)) = week_of(d)?;
            Some((format!("{v}-WE"), (add_days(sun, -1)?, sun)))
        }
        Unit::Month => Some((
            format!("{:04}-{:02}", d.year(), d.month()),
            month_iv(d.year(), d.month())?,
        )),
        Unit::Quarter => {
            let q = (d.month() - 1) / 3 + 1;
            Some((format!("{:04}-Q{}", d.year(), q), quarter_iv(d.year(), q)?))
        }
        Unit::Year => Some((format!("{:04}", d.year()), year_iv(d.year())?)),
        Unit::Decade => {
            let y0 = d.year() - d.year().rem_euclid(10);
            Some((
                format!("{:03}", y0 / 10),
                (year_iv(y0)?.0, year_iv(y0 + 9)?.1),
            ))
        }
        Unit::Century => {
            let y0 = d.year() - d.year().rem_euclid(100);
            Some((
                format!("{:02}", y0 / 100),
                (year_iv(y0)?.0, year_iv(y0 + 99)?.1),
            ))
        }
    }
}

/// Shifts `d` by `n` units.
fn shift(d: Date, n: i64, u: Unit) -> Option<Date> {
    match u {
        Unit::Second | Unit::Minute | Unit::Hour => Some(d),
        Unit::Day => add_days(d, n),
        Unit::Week | Unit::Weekend => add_days(d, n.checked_mul(7)?),
        Unit::Month => add_months(d, n),
        Unit::Quarter => add_months(d, n.checked_mul(3)?),
        Unit::Year => add_years(d, n),
        Unit::Decade => add_years(d, n.checked_mul(10)?),
        Unit::Century => add_years(d, n.checked_mul(100)?),
    }
}

fn unit_label(u: Unit) -> &'static str {
    match u {
        Unit::Second => "second",
        Unit::Minute => "minute",
        Unit::Hour => "hour",
        Unit::Day => "day",
        Unit::Week => "week",
        Unit::Weekend => "weekend",
        Unit::Month => "month",
        Unit::Quarter => "quarter",
        Unit::Year => "year",
        Unit::Decade => "decade",
        Unit::Century => "century",
    }
}

/// Picks the year for a month that came without one.  Past tense: the most
/// recent such month not after the reference month; future tense: the next
/// one not before it.
fn year_for_month(r: Date, m: i8, future: bool) -> i16 {
    let y = r.year();
    if future {
        if m < r.month() { y + 1 } else { y }
    } else if m > r.month() {
        y - 1
    } else {
        y
    }
}

/// Picks the year for a month-day date that came without one ("June 2").
/// The reference year, unless that puts the date outside a window around
/// the reference: in past tense from 290 days before to 75 days after it, in
/// future tense from 75 days before to 290 days after.  The slack covers
/// deadlines and schedules told in the past tense ("payable Jan. 2" in a
/// November report is next January).
fn year_for_day(r: Date, m: i8, d: i8, future: bool) -> i16 {
    let (lo, hi) = if future { (-75, 290) } else { (-290, 75) };
    let y = r.year();
    for cand in [y, y - 1, y + 1] {
        if let Ok(c) = Date::new(cand, m, d) {
            let diff = (c - r).get_days() as i64;
            if lo <= diff && diff <= hi {
                return cand;
            }
        }
    }
    y
}

fn resolve(p: &Parsed, env: &Env) -> Out {
    use TimexType as T;
    let r = env.reference;
    let m = p.modifier;
    let mut out = resolve_kind(p.kind, env);
    if let Some((h, mi)) = p.clock {
        out.typ = T::Time;
        match (out.interval, &out.value) {
            (Some((a, b)), _) if a == b => {
                out.value = Some(format!("{}T{h:02}:{mi:02}", fmt_day(a)))
            }
            (_, Some(v)) => out.value = Some(format!("{v}T{h:02}:{mi:02}")),
            _ => {}
        }
    }
    // Narrow the interval by the modifier.
    if let (Some(mm), Some(iv)) = (m, out.interval) {
        let is_month = matches!(p.kind, Kind::Ym(..) | Kind::Month(..))
            || matches!(p.kind, Kind::Period(Unit::Month, _));
        out.interval = Some(apply_mod(iv, mm, is_month));
    }
    // "in three days" in a future sentence is a date, not a length.
    if let Kind::Duration(Some(n), u) = p.kind {
        if env.signal_is_in && env.future && !matches!(u, Unit::Second | Unit::Minute | Unit::Hour)
        {
            let _ = T::Date;
            return match r {
                None => no_ref(T::Date, None),
                Some(r) => match shift(r, n as i64, u).and_then(|d| period_of(d, u)) {
                    Some((v, iv)) => by_ref(
                        T::Date,
                        v,
                        iv,
                        r,
                        format!("{n} {}(s) after {}", unit_label(u), fmt_day(r)),
                    ),
                    None => no_ref(T::Date, None),
                },
            };
        }
    }
    out
}

fn resolve_kind(kind: Kind, env: &Env) -> Out {
    use TimexType as T;
    let r = env.reference;
    let fut = env.future;
    match kind {
        Kind::Ymd(y, m, d) => match Date::new(y, m, d) {
            Ok(dd) => absolute(fmt_day(dd), Some((dd, dd))),
            Err(_) => absolute(format!("{y:04}-{m:02}-{d:02}"), None),
        },
        Kind::Ym(y, m) => absolute(format!("{y:04}-{m:02}"), month_iv(y, m)),
        Kind::Year(y) => absolute(format!("{y:04}"), year_iv(y)),
        Kind::Decade(d) => absolute(
            format!("{d:03}"),
            year_iv(d * 10)
                .zip(year_iv(d * 10 + 9))
                .map(|(a, b)| (a.0, b.1)),
        ),
        Kind::Century(c) => absolute(
            format!("{c:02}"),
            year_iv(c * 100)
                .zip(year_iv(c * 100 + 99))
                .map(|(a, b)| (a.0, b.1)),
        ),
        Kind::Thanksgiving => {
            let Some(r) = r else {
                return no_ref(T::Date, None);
            };
            let y = year_for_day(r, 11, 25, fut);
            match Date::new(y, 11, 1)
                .and_then(|d| d.nth_weekday_of_month(4, jiff::civil::Weekday::Thursday))
            {
                Ok(dd) => by_ref(
                    T::Date,
                    fmt_day(dd),
                    (dd, dd),
                    r,
                    format!("the fourth Thursday of November {y}"),
                ),
                Err(_) => no_ref(T::Date, None),
            }
        }
        Kind::MonthDay(m, d) => {
            let Some(r) = r else {
                return no_ref(T::Date, Some(format!("XXXX-{m:02}-{d:02}")));
            };
            let y = year_for_day(r, m, d, fut);
            match Date::new(y, m, d) {
                Ok(dd) => by_ref(
                    T::Date,
                    fmt_day(dd),
                    (dd, dd),
                    r,
                    format!(
                        "{} {d} in {y}, the year of {} ({})",
                        month_label(m),
                        fmt_day(r),
                        tense_word(fut)
                    ),
                ),
                Err(_) => Out {
                    typ: T::Date,
                    value: Some(format!("{y:04}-{m:02}-{d:02}")),
                    interval: None,
                    resolution: Resolution::Unresolved {
                        reason: "no such day".into(),
                    },
                },
            }
        }
        Kind::Month(m, rel) => {
            let Some(r) = r else {
                return no_ref(T::Date, Some(format!("XXXX-{m:02}")));
            };
            let (y, how) = match rel {
                // A deadline ("by February", "until mid-November") may lie
                // up to three months ahead even in a past-tense sentence.
                Rel::Bare
                    if matches!(env.signal, Some(Signal::By | Signal::Until))
                        && (m - r.month()).rem_euclid(12) <= 3 =>
                {
                    let y = if m < r.month() {
                        r.year() + 1
                    } else {
                        r.year()
                    };
                    (
                        y,
                        format!(
                            "the {} on or after {} (a deadline)",
                            month_label(m),
                            fmt_day(r)
                        ),
                    )
                }
                // Without any tense marker, a month one or two ahead is the
                // coming one ("the first trading day for November
                // transactions" in late October), not last year's.
                Rel::Bare
                    if !env.tense_marked && (1..=2).contains(&(m - r.month()).rem_euclid(12)) =>
                {
                    (
                        year_for_month(r, m, true),
                        format!(
                            "the coming {} after {} (no tense marker; a month or two ahead)",
                            month_label(m),
                            fmt_day(r)
                        ),
                    )
                }
                Rel::Bare => (
                    year_for_month(r, m, fut),
                    if fut {
                        format!("the next {} on or after {}", month_label(m), fmt_day(r))
                    } else {
                        format!(
                            "the most recent {} on or before {} (past tense)",
                            month_label(m),
                            fmt_day(r)
                        )
                    },
                ),
                Rel::This => (
                    r.year(),
                    format!("{} of the year of {}", month_label(m), fmt_day(r)),
                ),
                Rel::Last => (
                    if m < r.month() {
                        r.year()
                    } else {
                        r.year() - 1
                    },
                    format!("the {} before {}", month_label(m), fmt_day(r)),
                ),
                Rel::Next => (
                    if m > r.month() {
                        r.year()
                    } else {
                        r.year() + 1
                    },
                    format!("the {} after {}", month_label(m), fmt_day(r)),
                ),
            };
            match month_iv(y, m) {
                Some(iv) => by_ref(T::Date, format!("{y:04}-{m:02}"), iv, r, how),
                None => no_ref(T::Date, None),
            }
        }
        Kind::Season(y, s, rel) => {
            let code = SEASON_CODES[s as usize];
            if let Some(y) = y {
                return absolute(format!("{y:04}-{code}"), season_iv(y, s));
            }
            let Some(r) = r else {
                return no_ref(T::Date, Some(format!("XXXX-{code}")));
            };
            // Season containing the reference (winter months Jan/Feb belong to
            // the winter that started the year before).
            let cur_s = match r.month() {
                3..=5 => 0,
                6..=8 => 1,
                9..=11 => 2,
                _ => 3,
            };
            let cur_y = if r.month() <= 2 {
                r.year() - 1
            } else {
                r.year()
            };
            let (ord_cur, ord_s) = (cur_y as i32 * 4 + cur_s, s as i32);
            // candidate in "this" season-year, then step by years.
            let mut cand = cur_y as i32 * 4 + ord_s;
            let mv = match rel {
                Rel::Last => {
                    while cand >= ord_cur {
                        cand -= 4;
                    }
                    "the most recent"
                }
                Rel::Next => {
                    while cand <= ord_cur {
                        cand += 4;
                    }
                    "the next"
                }
                Rel::This => "this year's",
                Rel::Bare if fut => {
                    while cand < ord_cur {
                        cand += 4;
                    }
                    "the next"
                }
                Rel::Bare => {
                    while cand > ord_cur {
                        cand -= 4;
                    }
                    "the most recent"
                }
            };
            let y = (cand.div_euclid(4)) as i16;
            match season_iv(y, s) {
                Some(iv) => by_ref(
                    T::Date,
                    format!("{y:04}-{code}"),
                    iv,
                    r,
                    format!("{mv} {} relative to {}", code, fmt_day(r)),
                ),
                None => no_ref(T::Date, None),
            }
        }
        Kind::Quarter(y, q, rel) => {
            if let Some(y) = y {
                return absolute(format!("{y:04}-Q{q}"), quarter_iv(y, q));
            }
            let Some(r) = r else {
                return no_ref(T::Date, Some(format!("XXXX-Q{q}")));
            };
            let rq = (r.month() - 1) / 3 + 1;
            let y = match rel {
                Rel::Last => {
                    if q < rq {
                        r.year()
                    } else {
                        r.year() - 1
                    }
                }
                Rel::Next => {
                    if q > rq {
                        r.year()
                    } else {
                        r.year() + 1
                    }
                }
                Rel::This => r.year(),
                // A quarter without a year is the reference year's, except a
                // later quarter in past tense (Q4 results reported in
                // February) and an earlier one in future tense, which move
                // one year, unless they are adjacent to the current quarter.
                Rel::Bare if fut => {
                    if q + 1 < rq {
                        r.year() + 1
                    } else {
                        r.year()
                    }
                }
                Rel::Bare => {
                    if q > rq + 1 {
                        r.year() - 1
                    } else {
                        r.year()
                    }
                }
            };
            match quarter_iv(y, q) {
                Some(iv) => by_ref(
                    T::Date,
                    format!("{y:04}-Q{q}"),
                    iv,
                    r,
                    format!(
                        "quarter {q} relative to {} ({})",
                        fmt_day(r),
                        tense_word(fut)
                    ),
                ),
                None => no_ref(T::Date, None),
            }
        }
        Kind::Weekday(wd, rel, prt) => {
            let typ = if prt.is_some() { T::Time } else { T::Date };
            let Some(r) = r else {
                return no_ref(typ, None);
            };
            let cur = r.weekday().to_monday_one_offset();
            let back = (cur - wd).rem_euclid(7) as i64;
            let fwd = (wd - cur).rem_euclid(7) as i64;
            let name = weekday_label(wd);
            let (d, how) = match rel {
                Rel::Last => (
                    add_days(r, -(if back == 0 { 7 } else { back })),
                    format!("the {name} before {}", fmt_day(r)),
                ),
                // "next Tuesday" said on a Monday is the Tuesday of the
                // following week, not tomorrow.
                Rel::Next => (
                    add_days(r, 7 + wd as i64 - cur as i64),
                    format!("the {name} of the week after {}", fmt_day(r)),
                ),
                Rel::This => (
                    add_days(r, wd as i64 - cur as i64),
                    format!("the {name} of the week of {}", fmt_day(r)),
                ),
                Rel::Bare if fut => (
                    add_days(r, fwd),
                    format!("the next {name} on or after {} (future tense)", fmt_day(r)),
                ),
                Rel::Bare => (
                    add_days(r, -back),
                    format!(
                        "the most recent {name} on or before {} (past tense)",
                        fmt_day(r)
                    ),
                ),
            };
            match d {
                Some(d) => {
                    let v = match prt {
                        Some(p) => format!("{}T{}", fmt_day(d), p.code()),
                        None => fmt_day(d),
                    };
                    by_ref(typ, v, (d, d), r, how)
                }
                None => no_ref(typ, None),
            }
        }
        Kind::DayRel(off, prt) => {
            let typ = if prt.is_some() { T::Time } else { T::Date };
            let Some(r) = r else {
                return no_ref(typ, None);
            };
            match add_days(r, off as i64) {
                Some(d) => {
                    let v = match prt {
                        Some(p) => format!("{}T{}", fmt_day(d), p.code()),
                        None => fmt_day(d),
                    };
                    let how = match off {
                        0 => format!("the reference date {}", fmt_day(r)),
                        -1 => format!("the day before {}", fmt_day(r)),
                        _ => format!("the day after {}", fmt_day(r)),
                    };
                    by_ref(typ, v, (d, d), r, how)
                }
                None => no_ref(typ, None),
            }
        }
        Kind::Period(u, off) => {
            let Some(r) = r else {
                return no_ref(T::Date, None);
            };
            let base = if u == Unit::Weekend && off == 0 {
                // "the weekend": the last one (past) or the coming one (future).
                let cur = r.weekday().to_monday_one_offset() as i64;
                if fut {
                    add_days(r, (6 - cur).rem_euclid(7))
                } else if cur >= 6 {
                    Some(r)
                } else {
                    add_days(r, -(cur + 1))
                }
            } else {
                shift(r, off as i64, u)
            };
            match base.and_then(|d| period_of(d, u)) {
                Some((v, iv)) => {
                    let rel = match off {
                        -1 => "before the one containing",
                        1 => "after the one containing",
                        _ => "containing",
                    };
                    by_ref(
                        T::Date,
                        v,
                        iv,
                        r,
                        format!("the {} {rel} {}", unit_label(u), fmt_day(r)),
                    )
                }
                None => no_ref(T::Date, None),
            }
        }
        Kind::Partial(u, earlier) => {
            let Some(r) = r else {
                return no_ref(T::Date, None);
            };
            match period_of(r, u) {
                Some((v, (a, b))) => {
                    let iv = if earlier { (a, r) } else { (r, b) };
                    by_ref(
                        T::Date,
                        v,
                        iv,
                        r,
                        format!(
                            "the part of the {} of {} {} it",
                            unit_label(u),
                            fmt_day(r),
                            if earlier { "up to" } else { "from" }
                        ),
                    )
                }
                None => no_ref(T::Date, None),
            }
        }
        Kind::Ago(n, Unit::Year) if env.last_quarter.is_some() => {
            // Earnings reports compare periods: after "the third quarter",
            // "a year earlier" is the same quarter one year before.
            let (y, q) = env.last_quarter.unwrap_or((0, 1));
            let y = y.saturating_sub(n.min(1000) as i16);
            quarter_named_before(
                y,
                q,
                format!("the quarter named before, {n} year(s) earlier"),
            )
            .unwrap_or_else(|| no_ref(T::Date, None))
        }
        Kind::Ago(n, u) => {
            let Some(r) = r else {
                return no_ref(T::Date, None);
            };
            match shift(r, -(n as i64), u).and_then(|d| period_of(d, u)) {
                Some((v, iv)) => by_ref(
                    T::Date,
                    v,
                    iv,
                    r,
                    format!("{n} {}(s) before {}", unit_label(u), fmt_day(r)),
                ),
                None => no_ref(T::Date, None),
            }
        }
        Kind::Anaphor(n, u, prt) => {
            let typ = if prt.is_some() { T::Time } else { T::Date };
            // "that year", "the following month": any earlier date anchors a
            // period that long; days need a single day.
            let a = match u {
                Unit::Day | Unit::Hour | Unit::Minute | Unit::Second => env.anchor,
                _ => env.anchor.or(env.last_point),
            };
            let Some(a) = a else {
                return Out {
                    typ,
                    value: None,
                    interval: None,
                    resolution: Resolution::Unresolved {
                        reason: "no earlier day in the text to anchor to".into(),
                    },
                };
            };
            match shift(a, n as i64, u).and_then(|d| period_of(d, u)) {
                Some((v, iv)) => {
                    let v = match prt {
                        Some(p) if u == Unit::Day => format!("{v}T{}", p.code()),
                        _ => v,
                    };
                    let how = match n {
                        0 => format!("the same day as {}", fmt_day(a)),
                        n if n > 0 => {
                            format!("{n} {}(s) after {}", unit_label(u), fmt_day(a))
                        }
                        n => format!("{} {}(s) before {}", -n, unit_label(u), fmt_day(a)),
                    };
                    Out {
                        typ,
                        value: Some(v),
                        interval: Some(iv),
                        resolution: Resolution::Anchored { anchor: a, how },
                    }
                }
                None => no_ref(typ, None),
            }
        }
        Kind::ThatQuarter => env
            .last_quarter
            .and_then(|(y, q)| quarter_named_before(y, q, "the quarter named before".into()))
            .unwrap_or_else(|| Out {
                typ: T::Date,
                value: None,
                interval: None,
                resolution: Resolution::Unresolved {
                    reason: "no quarter named before".into(),
                },
            }),
        // "latest" says completed, whatever the tense.
        Kind::ReportedQuarter => resolve_kind(
            Kind::LatestQuarter(0),
            &Env {
                future: false,
                ..*env
            },
        ),
        Kind::LatestQuarter(back) => {
            let Some(r) = r else {
                return no_ref(T::Date, None);
            };
            // The latest completed quarter (past tense) or the current one
            // (future tense), `back` years earlier.
            let base = if fut { Some(r) } else { add_months(r, -3) };
            match base
                .and_then(|d| add_years(d, -(back as i64)))
                .and_then(|d| period_of(d, Unit::Quarter))
            {
                Some((v, iv)) => by_ref(
                    T::Date,
                    v,
                    iv,
                    r,
                    format!(
                        "the {} quarter at {}{}",
                        if fut { "current" } else { "latest completed" },
                        fmt_day(r),
                        if back > 0 { ", a year earlier" } else { "" }
                    ),
                ),
                None => no_ref(T::Date, None),
            }
        }
        Kind::QuarterOfYear(q, off) => {
            let Some(r) = r else {
                return no_ref(T::Date, Some(format!("XXXX-Q{q}")));
            };
            let y = r.year().saturating_add(off as i16);
            match quarter_iv(y, q) {
                Some(iv) => by_ref(
                    T::Date,
                    format!("{y:04}-Q{q}"),
                    iv,
                    r,
                    format!("quarter {q} of {y}, relative to {}", fmt_day(r)),
                ),
                None => no_ref(T::Date, None),
            }
        }
        Kind::MonthOfYear(m, off) => {
            let Some(r) = r else {
                return no_ref(T::Date, None);
            };
            let y = r.year().saturating_add(off as i16);
            match month_iv(y, m) {
                Some(iv) => by_ref(
                    T::Date,
                    format!("{y:04}-{m:02}"),
                    iv,
                    r,
                    format!(
                        "{} of the year {y}, relative to {}",
                        month_label(m),
                        fmt_day(r)
                    ),
                ),
                None => no_ref(T::Date, None),
            }
        }
        Kind::AnaphorWeekday(wd, sign) => {
            let Some(a) = env.anchor else {
                return Out {
                    typ: T::Date,
                    value: None,
                    interval: None,
                    resolution: Resolution::Unresolved {
                        reason: "no earlier day in the text to anchor to".into(),
                    },
                };
            };
            let cur = a.weekday().to_monday_one_offset();
            let step = if sign < 0 {
                let b = (cur - wd).rem_euclid(7) as i64;
                -(if b == 0 { 7 } else { b })
            } else {
                let f = (wd - cur).rem_euclid(7) as i64;
                if f == 0 { 7 } else { f }
            };
            match add_days(a, step) {
                Some(d) => Out {
                    typ: T::Date,
                    value: Some(fmt_day(d)),
                    interval: Some((d, d)),
                    resolution: Resolution::Anchored {
                        anchor: a,
                        how: format!(
                            "the {} {} {}",
                            weekday_label(wd),
                            if sign < 0 { "before" } else { "after" },
                            fmt_day(a)
                        ),
                    },
                },
                None => no_ref(T::Date, None),
            }
        }
        Kind::EventRelative => Out {
            typ: T::Date,
            value: None,
            interval: None,
            resolution: Resolution::Unresolved {
                reason: "relative to an event, not to a date".into(),
            },
        },
        Kind::Duration(n, u) => Out {
            typ: T::Duration,
            value: Some(duration_value(n, u)),
            interval: None,
            resolution: Resolution::NotAPoint,
        },
        Kind::HalfDuration(n, u) => Out {
            typ: T::Duration,
            value: Some(half_duration_value(n, u)),
            interval: None,
            resolution: Resolution::NotAPoint,
        },
        Kind::SetEvery(u) => Out {
            typ: T::Set,
            value: Some(duration_value(Some(1), u)),
            interval: None,
            resolution: Resolution::NotAPoint,
        },
        Kind::SetWeekday(wd) => Out {
            typ: T::Set,
            value: Some(format!("XXXX-WXX-{wd}")),
            interval: None,
            resolution: Resolution::NotAPoint,
        },
        Kind::Vague(v) => Out {
            typ: T::Date,
            value: Some(v.to_string()),
            interval: None,
            resolution: Resolution::Vague,
        },
        Kind::Clock(h, m) => Out {
            // Dated later from the sentence, when a day is named there.
            typ: T::Time,
            value: Some(format!("XXXX-XX-XXT{h:02}:{m:02}")),
            interval: None,
            resolution: Resolution::Unresolved {
                reason: "no day named with this clock time".into(),
            },
        },
    }
}

// ---------------------------------------------------------------------------
// Scanner
// ---------------------------------------------------------------------------

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// The word ending just before `pos` (skipping spaces, not newlines) and its
/// start, looking back at most 40 bytes.
fn prev_word(text: &str, pos: usize) -> Option<(usize, &str)> {
    let before = &text[..pos];
    let trimmed = before.trim_end_matches([' ', '\t', '\u{a0}']);
    if before.len() - trimmed.len() > 40 {
        return None;
    }
    let start = trimmed
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphabetic())
        .last()
        .map(|(k, _)| k)?;
    if trimmed.len() - start > 40 {
        return None;
    }
    Some((start, &trimmed[start..]))
}

fn signal_of(w: &str, prev_signal: Option<Signal>) -> Option<Signal> {
    const MAP: [(&str, Signal); 17] = [
        ("since", Signal::Since),
        ("until", Signal::Until),
        ("till", Signal::Until),
        ("through", Signal::Until),
        ("before", Signal::Before),
        ("after", Signal::After),
        ("from", Signal::From),
        ("by", Signal::By),
        ("during", Signal::During),
        ("throughout", Signal::During),
        ("in", Signal::In),
        ("within", Signal::In),
        ("on", Signal::On),
        ("at", Signal::At),
        ("for", Signal::For),
        ("between", Signal::Between),
        ("into", Signal::In),
    ];
    if let Some((_, s)) = MAP.iter().find(|(k, _)| w.eq_ignore_ascii_case(k)) {
        return Some(*s);
    }
    // "from May to July", "between 2019 and 2021": the second end is Until.
    if (w.eq_ignore_ascii_case("to") && matches!(prev_signal, Some(Signal::From | Signal::Between)))
        || (w.eq_ignore_ascii_case("and") && prev_signal == Some(Signal::Between))
    {
        return Some(Signal::Until);
    }
    None
}

/// Sentence bounds for tense detection: the given sentence containing `at`,
/// or the text around it up to ". ! ?" or a newline (at most 600 bytes each way).
/// Finds sentences for increasing positions in amortised constant time:
/// remembers the index of the last given sentence used (they are normally
/// sorted) and the last fallback range.
#[derive(Default)]
struct SentenceFinder {
    cursor: usize,
    last: Option<Range<usize>>,
    /// Whether the given sentences are sorted by start (checked once).
    sorted: Option<bool>,
}

impl SentenceFinder {
    fn find(&mut self, text: &str, sentences: &[Range<usize>], at: usize) -> Range<usize> {
        let fits = |s: &Range<usize>| {
            s.start <= at
                && at < s.end
                && s.end <= text.len()
                && text.is_char_boundary(s.start)
                && text.is_char_boundary(s.end)
        };
        let n = sentences.len();
        let sorted = *self
            .sorted
            .get_or_insert_with(|| sentences.windows(2).all(|w| w[0].start <= w[1].start));
        // Mentions come in text order: try the last sentence used and the
        // next few first.
        for k in (self.cursor..n).take(4) {
            if fits(&sentences[k]) {
                self.cursor = k;
                return sentences[k].clone();
            }
        }
        let hit = if sorted {
            // The last sentence starting at or before `at`.
            let k = sentences.partition_point(|s| s.start <= at);
            (k > 0 && fits(&sentences[k - 1])).then(|| k - 1)
        } else {
            (0..n).find(|&k| fits(&sentences[k]))
        };
        if let Some(k) = hit {
            self.cursor = k;
            return sentences[k].clone();
        }
        if let Some(r) = &self.last {
            if r.start <= at && at < r.end {
                return r.clone();
            }
        }
        let r = fallback_sentence(text, at);
        self.last = Some(r.clone());
        r
    }
}

/// The text around `at` up to sentence punctuation or a newline.
fn fallback_sentence(text: &str, at: usize) -> Range<usize> {
    // A sentence ends at a newline, or at ". ! ?" followed by a space and an
    // upper-case letter, a quote or the end ("4 p.m. on Sunday" and
    // "Aug. 14" do not end one).
    let ends_at = |k: usize| -> bool {
        let c = text.as_bytes()[k];
        if c == b'\n' {
            return true;
        }
        if !matches!(c, b'.' | b'!' | b'?') {
            return false;
        }
        let after = &text[k + 1..];
        let t = after.trim_start_matches([' ', '\t']);
        if t.len() == after.len() && !t.is_empty() && !t.starts_with(['\n', '"', '\'', '”', '’'])
        {
            return false;
        }
        t.is_empty()
            || t.starts_with(|c: char| {
                c.is_uppercase() || matches!(c, '\n' | '"' | '“' | '‘' | '\'')
            })
    };
    let mut lo = at.saturating_sub(600);
    while !text.is_char_boundary(lo) {
        lo += 1;
    }
    let mut hi = (at + 600).min(text.len());
    while !text.is_char_boundary(hi) {
        hi -= 1;
    }
    let start = (lo..at).rev().find(|&k| ends_at(k)).map_or(lo, |k| k + 1);
    let end = (at..hi).find(|&k| ends_at(k)).map_or(hi, |k| k + 1);
    start..end.max(start)
}

/// Words that are capitalised as names of times anyway.
const PROPER_TIME_WORDS: [&str; 17] = [
    "christmas",
    "eve",
    "new",
    "year",
    "year's",
    "day",
    "thanksgiving",
    "independence",
    "halloween",
    "valentine's",
    "spring",
    "summer",
    "fall",
    "autumn",
    "winter",
    "fiscal",
    "easter",
];

/// A time phrase used as a name: ABC's "This Week", "VOA Today", "High
/// Noon", "60 Minutes".  An ordinary word of the phrase is capitalised
/// after its first word, or the phrase is capitalised away from the start
/// of a sentence.  Month and weekday names, holidays, all-capital words
/// ("EST") and words with digits ("Q3") do not count.
fn is_title(text: &str, span: Range<usize>) -> bool {
    let mut words = tense::words(&text[span.clone()]).map(|(_, w)| w);
    let ordinary_capitalised = |w: &str| {
        w.starts_with(char::is_uppercase)
            && !w.chars().all(|c| c.is_uppercase() || !c.is_alphabetic())
            && !w.chars().any(|c| c.is_ascii_digit())
            && !is_month_name(w.trim_end_matches('.'))
            && !is_weekday_name(w)
            && !PROPER_TIME_WORDS.iter().any(|p| p.eq_ignore_ascii_case(w))
    };
    if words.next().is_some_and(ordinary_capitalised) && !starts_sentence(text, span.start) {
        return true;
    }
    words.any(ordinary_capitalised)
}

/// Whether only spaces separate `at` from the start of a sentence, a
/// quotation, a line or a parenthesis.
fn starts_sentence(text: &str, at: usize) -> bool {
    text[..at]
        .trim_end_matches([' ', '\t'])
        .chars()
        .next_back()
        .is_none_or(|c| {
            matches!(
                c,
                '.' | '!'
                    | '?'
                    | ':'
                    | ';'
                    | '\n'
                    | '\r'
                    | '"'
                    | '“'
                    | '‘'
                    | '\''
                    | '`'
                    | '('
                    | '['
                    | '—'
                    | '–'
                    | '-'
                    | '_'
                    | '*'
                    | '#'
                    | '>'
            )
        })
}

/// Finds every time expression in `text`, resolving relative ones against
/// `reference` (the document date) and anaphoric ones against the last event
/// time. `sentences` are the byte ranges of the text's sentences (used for
/// tense detection).
pub fn extract_times(
    text: &str,
    sentences: &[Range<usize>],
    reference: Option<Date>,
) -> Vec<TimeMention> {
    extract_times_from(text, 0, sentences, reference)
}

/// The time expressions of `text` from byte `from` on (a character
/// boundary): a window of a long document, whose spans stay offsets into
/// `text`.
pub fn extract_times_from(
    text: &str,
    from: usize,
    sentences: &[Range<usize>],
    reference: Option<Date>,
) -> Vec<TimeMention> {
    let mut out: Vec<TimeMention> = Vec::new();
    let mut kinds: Vec<Kind> = Vec::new();
    let mut anchor: Option<Date> = None;
    let mut last_point: Option<Date> = None;
    let mut last_quarter: Option<(i16, i8)> = None;
    let mut prev_char: Option<char> = text[..from].chars().next_back();
    let mut pos = from;
    let mut finder = SentenceFinder::default();
    while pos < text.len() {
        let Some(c) = text[pos..].chars().next() else {
            break;
        };
        let word_start = is_word_char(c) && !prev_char.is_some_and(is_word_char);
        if word_start && may_start(&text[pos..]) {
            let cx = context(text, pos, &out, &kinds);
            let pw = prev_word(text, pos);
            let prev = pw.map_or("", |(_, w)| w);
            let parsed = parse_at(&text[pos..], cx, prev)
                .filter(|&(_, len)| !is_title(text, pos..pos + len));
            if let Some((p, len)) = parsed {
                let span = pos..pos + len;
                let prev_signal = out.last().and_then(|m| m.signal.as_ref().map(|s| s.0));
                let signal = pw.and_then(|(k, w)| {
                    // A range continues after a dash: "2020–2023".
                    signal_of(w, prev_signal).map(|s| (s, k..k + w.len()))
                });
                let signal = signal.or_else(|| dash_signal(text, pos, &out));
                let sent = finder.find(text, sentences, pos);
                let signal_kind = signal.as_ref().map(|s| s.0);
                // "since March" looks back whatever the tense.
                let tense = if matches!(signal_kind, Some(Signal::Since)) {
                    Some(false)
                } else {
                    tense_at(text, sent.clone(), span.clone(), signal_kind)
                };
                if matches!(p.kind, Kind::Vague("FUTURE_REF"))
                    && soon_after_an_event(text, span.clone(), tense)
                {
                    prev_char = text[..span.end].chars().next_back();
                    pos = span.end;
                    continue;
                }
                let env = Env {
                    reference,
                    future: tense.unwrap_or(false),
                    tense_marked: tense.is_some(),
                    anchor,
                    signal_is_in: signal
                        .as_ref()
                        .is_some_and(|(_, r)| text[r.clone()].eq_ignore_ascii_case("in")),
                    signal: signal.as_ref().map(|s| s.0),
                    last_point,
                    last_quarter,
                };
                let res = resolve(&p, &env);
                if let Some((a, b)) = res.interval {
                    if a == b && res.typ != TimexType::Duration {
                        anchor = Some(a);
                    }
                    last_point = Some(a);
                }
                // A quarter derived from another ("a year earlier") is the
                // comparison, not the period being reported on.
                let derived = matches!(p.kind, Kind::Ago(_, Unit::Year));
                if let Some(v) = res.value.as_ref().filter(|_| !derived) {
                    // "YYYY-Qn"
                    let b = v.as_bytes();
                    if b.len() == 7 && b[4] == b'-' && b[5] == b'Q' {
                        if let (Ok(y), Ok(q)) = (v[..4].parse::<i16>(), v[6..].parse::<i8>()) {
                            last_quarter = Some((y, q));
                        }
                    }
                }
                out.push(TimeMention {
                    span: span.clone(),
                    signal,
                    typ: res.typ,
                    value: res.value,
                    modifier: p.modifier,
                    interval: res.interval,
                    resolution: res.resolution,
                });
                kinds.push(p.kind);
                // Skip past the extent; the last char of the extent becomes
                // the "previous char".
                prev_char = text[..span.end].chars().next_back();
                pos = span.end;
                continue;
            }
        }
        prev_char = Some(c);
        pos += c.len_utf8();
    }
    date_clock_times(text, sentences, &mut out, &kinds);
    out
}

/// Whether "soon" or "shortly" at `span` means soon after another event
/// rather than soon after the document date: before "after" ("soon after
/// being captured") or in past narration ("the trickle soon became a
/// flood").  Such a word places an event relative to another, which the
/// extractor does not model, so it is not a time expression.
fn soon_after_an_event(text: &str, span: Range<usize>, tense: Option<bool>) -> bool {
    let word = &text[span.clone()];
    if !(word.eq_ignore_ascii_case("soon") || word.eq_ignore_ascii_case("shortly")) {
        return false;
    }
    let next = tense::words(&text[span.end..])
        .next()
        .map_or("", |(_, w)| w);
    let relational = ["after", "afterward", "afterwards", "thereafter", "before"]
        .iter()
        .any(|w| next.eq_ignore_ascii_case(w));
    relational || tense == Some(false)
}

/// The scanner context at `pos`: preceding word and character.
fn context(text: &str, pos: usize, out: &[TimeMention], kinds: &[Kind]) -> Cx {
    let mut cx = Cx::default();
    let before = &text[..pos];
    if let Some(c) = before.chars().next_back() {
        // "2,300", "$2012", "#1500", "No. 1999", "2.2012" — part of an amount.
        let b = before.as_bytes();
        let digit_before = b.len() >= 2 && b[b.len() - 2].is_ascii_digit();
        cx.in_number = matches!(c, '$' | '#' | '£' | '€' | '+' | '/' | ':')
            || c.is_ascii_digit()
            || (matches!(c, ',' | '.' | '-') && digit_before);
    }
    {
        let t = before.trim_end_matches([' ', '\t', '\u{a0}']);
        cx.after_amount = t.ends_with(|c: char| c.is_ascii_digit() || c == '%');
        // A possessive works as a determiner: "the group's 2019 offensive".
        cx.determiner = t.ends_with("'s") || t.ends_with("’s");
    }
    if let Some((_, w)) = prev_word(text, pos) {
        let lower_plural = w.starts_with(|c: char| c.is_lowercase())
            && w.len() > 3
            && w.ends_with('s')
            && !w.ends_with("ss");
        if lower_plural
            || [
                "million", "billion", "thousand", "hundred", "percent", "cents",
            ]
            .iter()
            .any(|k| w.eq_ignore_ascii_case(k))
        {
            cx.after_amount = true;
        }
        cx.dated = DATE_CONTEXT.iter().any(|k| w.eq_ignore_ascii_case(k));
        cx.determiner |= ["the", "a", "an", "its", "his", "her", "their", "our"]
            .iter()
            .any(|k| w.eq_ignore_ascii_case(k));
        if [
            "no",
            "number",
            "section",
            "article",
            "page",
            "room",
            "route",
            "flight",
            "code",
            "chapter",
            "resolution",
        ]
        .iter()
        .any(|k| w.eq_ignore_ascii_case(k))
        {
            cx.in_number = true;
        }
    }
    if dash_signal(text, pos, out).is_some() {
        cx.dated = true;
        cx.in_number = false;
    }
    // "and"/"or"/"to" only make a date context after a date mention.
    if let Some((k, w)) = prev_word(text, pos) {
        if ["and", "or", "to"]
            .iter()
            .any(|x| w.eq_ignore_ascii_case(x))
        {
            let follows_date = out
                .last()
                .is_some_and(|m| m.span.end <= k && text[m.span.end..k].trim().len() <= 1)
                && kinds.last().is_some_and(|k| {
                    matches!(
                        k,
                        Kind::Year(_)
                            | Kind::Ym(..)
                            | Kind::Month(..)
                            | Kind::Ymd(..)
                            | Kind::MonthDay(..)
                    )
                });
            cx.dated = follows_date;
        }
    }
    if cx.dated {
        cx.day_continues = kinds
            .last()
            .copied()
            .filter(|k| matches!(k, Kind::MonthDay(..) | Kind::Ymd(..)));
    }
    cx
}

/// A dash right after a date mention ("2020–2023"): the second end of a range
/// gets the signal Until (the dash is its span).
fn dash_signal(text: &str, pos: usize, out: &[TimeMention]) -> Option<(Signal, Range<usize>)> {
    let last = out.last()?;
    if last.span.end > pos || last.typ != TimexType::Date {
        return None;
    }
    let gap = &text[last.span.end..pos];
    let t = gap.trim_matches([' ', '\u{a0}']);
    if matches!(t, "-" | "–" | "—") {
        let k = last.span.end + gap.find(t)?;
        return Some((Signal::Until, k..k + t.len()));
    }
    None
}

/// Dates clock times ("4 p.m.") with the day named in the same sentence:
/// the closest earlier single-day mention, else the closest later one.
fn date_clock_times(
    text: &str,
    sentences: &[Range<usize>],
    out: &mut [TimeMention],
    kinds: &[Kind],
) {
    let mut finder = SentenceFinder::default();
    for k in 0..out.len() {
        let Kind::Clock(h, m) = kinds[k] else {
            continue;
        };
        let sent = finder.find(text, sentences, out[k].span.start);
        let in_sent = |j: usize| {
            let s = &out[j].span;
            s.start >= sent.start && s.end <= sent.end
        };
        let single = |j: usize| {
            out[j]
                .interval
                .filter(|(a, b)| a == b && !matches!(kinds[j], Kind::Clock(..)))
                .map(|(a, _)| a)
        };
        // The previous sentence, when the two are in one paragraph: "He was
        // killed Thursday evening. The men came in around 7:15 p.m."
        let before = sentences.partition_point(|s| s.end <= sent.start);
        let prev_sent = before
            .checked_sub(1)
            .map(|b| sentences[b].clone())
            .filter(|s| s.end <= sent.start && !text[s.end..sent.start].contains("\n\n"));
        let in_prev = |j: usize| {
            let s = &out[j].span;
            prev_sent
                .as_ref()
                .is_some_and(|p| s.start >= p.start && s.end <= p.end)
        };
        // Mentions are in text order: walk out from `k` only as far as the
        // sentence (or the one before) reaches, so the cost stays linear.
        let same = (0..k)
            .rev()
            .take_while(|&j| out[j].span.end > sent.start)
            .filter(|&j| in_sent(j))
            .find_map(single)
            .or_else(|| {
                (k + 1..out.len())
                    .take_while(|&j| out[j].span.start < sent.end)
                    .filter(|&j| in_sent(j))
                    .find_map(single)
            });
        let day = same
            .map(|d| (d, "the day named in the same sentence"))
            .or_else(|| {
                let from = prev_sent.as_ref()?.start;
                (0..k)
                    .rev()
                    .take_while(|&j| out[j].span.end > from)
                    .filter(|&j| in_prev(j))
                    .find_map(single)
                    .map(|d| (d, "the day named in the sentence before"))
            });
        if let Some((d, how)) = day {
            out[k].value = Some(format!("{}T{h:02}:{m:02}", fmt_day(d)));
            out[k].interval = Some((d, d));
            out[k].resolution = Resolution::Anchored {
                anchor: d,
                how: format!("{how}, {}", fmt_day(d)),
            };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    const REF: &str = "2025-06-02"; // a Monday

    fn run(text: &str) -> Vec<TimeMention> {
        extract_times(text, &[], Some(d(REF)))
    }

    /// (extent text, value) pairs.
    fn ev(text: &str) -> Vec<(String, Option<String>)> {
        run(text)
            .into_iter()
            .map(|m| (text[m.span.clone()].to_string(), m.value))
            .collect()
    }

    fn one(text: &str) -> TimeMention {
        let v = run(text);
        assert_eq!(v.len(), 1, "{text:?} → {v:#?}");
        v.into_iter().next().unwrap()
    }

    fn ext(text: &str, m: &TimeMention) -> String {
        text[m.span.clone()].to_string()
    }

    fn val(text: &str) -> Option<String> {
        one(text).value
    }

    fn only(text: &str) -> (String, Option<String>) {
        let m = one(text);
        (ext(text, &m), m.value)
    }

    fn pair(a: &str, b: &str) -> (String, Option<String>) {
        (a.to_string(), Some(b.to_string()))
    }

    // ---- 1. absolute dates -------------------------------------------------

    #[test]
    fn month_day_year_forms() {
        assert_eq!(
            only("It was signed on June 02, 2025 in Bamako."),
            pair("June 02, 2025", "2025-06-02")
        );
        assert_eq!(
            only("It was signed June 2, 2025."),
            pair("June 2, 2025", "2025-06-02")
        );
        assert_eq!(
            only("Filed Aug. 14, 2025, by the agency."),
            pair("Aug. 14, 2025", "2025-08-14")
        );
        assert_eq!(
            only("Held 2 June 2025 at noonish."),
            pair("2 June 2025", "2025-06-02")
        );
        assert_eq!(
            only("Published 2025-06-02 by staff."),
            pair("2025-06-02", "2025-06-02")
        );
        assert_eq!(
            only("Form dated 6/2/2025 was lost."),
            pair("6/2/2025", "2025-06-02")
        );
        let m = one("Released June 2, 2025.");
        assert_eq!(m.resolution, Resolution::Absolute);
        assert_eq!(m.interval, Some((d("2025-06-02"), d("2025-06-02"))));
    }

    #[test]
    fn weekday_prefixed_date_is_one_mention() {
        let t = "The vote took place Sunday, June 1, 2025, in the capital.";
        assert_eq!(only(t), pair("Sunday, June 1, 2025", "2025-06-01"));
        let t = "The editorial ran on Saturday, April 25: the court ruled.";
        assert_eq!(ev(t), vec![pair("Saturday, April 25", "2025-04-25")]);
    }

    #[test]
    fn run_on_year_before_capital_letter() {
        let t = "Headline text\n\nJune 02, 2025Clash Report\n";
        assert_eq!(only(t), pair("June 02, 2025", "2025-06-02"));
    }

    #[test]
    fn month_day_takes_year_from_reference() {
        assert_eq!(
            only("Talks resumed Jun. 2 in Niamey."),
            pair("Jun. 2", "2025-06-02")
        );
        assert_eq!(
            val("The deadline passed on May 20."),
            Some("2025-05-20".into())
        );
        // A date a few weeks ahead in a past-tense sentence is still this year.
        assert_eq!(val("The rights expired July 1."), Some("2025-07-01".into()));
        // Far ahead in a past-tense sentence: last year.
        assert_eq!(
            val("They met on Dec. 20 to discuss it."),
            Some("2024-12-20".into())
        );
        // With no tense marker at all, a month one or two ahead is the
        // coming one; a past verb still sends it back a year.
        assert_eq!(
            val("The first trading day for August transactions"),
            Some("2025-08".into())
        );
        assert_eq!(
            val("Rains flooded the town in August."),
            Some("2024-08".into())
        );
        assert_eq!(
            val("The first trading day for July"),
            Some("2025-07".into())
        );
        assert_eq!(
            val("The first trading day for September"),
            Some("2024-09".into())
        );
        let m = extract_times("Talks resumed June 2.", &[], None).remove(0);
        assert_eq!(m.value.as_deref(), Some("XXXX-06-02"));
        assert_eq!(m.interval, None);
        assert!(matches!(m.resolution, Resolution::Unresolved { .. }));
    }

    #[test]
    fn month_and_year() {
        assert_eq!(
            only("Prices rose in May 2025 sharply."),
            pair("May 2025", "2025-05")
        );
        let m = one("It was founded in 2012-03 by donors.");
        assert_eq!(m.value.as_deref(), Some("2012-03"));
        assert_eq!(m.interval, Some((d("2012-03-01"), d("2012-03-31"))));
    }

    #[test]
    fn bare_month_uses_tense() {
        let t = "Earlier in May, the group claimed an attack.";
        let m = one(t);
        assert_eq!(ext(t, &m), "May");
        assert_eq!(m.value.as_deref(), Some("2025-05"));
        assert_eq!(m.signal.as_ref().map(|s| s.0), Some(Signal::In));
        // Past tense: July is last year's; future tense: this year's.
        assert_eq!(
            val("The election was held in July."),
            Some("2024-07".into())
        );
        assert_eq!(
            val("The election will be held in July."),
            Some("2025-07".into())
        );
        assert_eq!(
            val("The election will be held in March."),
            Some("2026-03".into())
        );
        assert_eq!(
            val("Since January the toll has risen."),
            Some("2025-01".into())
        );
    }

    #[test]
    fn years() {
        let t = "The city fell in 2012 before being retaken.";
        let m = one(t);
        assert_eq!(ext(t, &m), "2012");
        assert_eq!(m.value.as_deref(), Some("2012"));
        assert_eq!(m.interval, Some((d("2012-01-01"), d("2012-12-31"))));
        assert_eq!(m.signal, Some((Signal::In, 14..16)));
        assert_eq!(only("Since 2015 the army has grown."), pair("2015", "2015"));
        assert_eq!(
            only("The group's 2019 offensive failed."),
            pair("2019", "2019")
        );
        assert_eq!(only("2012's crisis was worse."), pair("2012", "2012"));
        assert_eq!(
            only("Compared with 1998, output doubled."),
            pair("1998", "1998")
        );
    }

    #[test]
    fn year_ranges_are_two_mentions() {
        for t in [
            "ruled by juntas since 2020–2023, they said",
            "ruled by juntas since 2020-2023, they said",
        ] {
            let v = run(t);
            assert_eq!(v.len(), 2, "{t}: {v:#?}");
            assert_eq!(v[0].value.as_deref(), Some("2020"));
            assert_eq!(v[0].signal.as_ref().map(|s| s.0), Some(Signal::Since));
            assert_eq!(v[1].value.as_deref(), Some("2023"));
            assert_eq!(v[1].signal.as_ref().map(|s| s.0), Some(Signal::Until));
        }
        let t = "Output fell between 2019 and 2021 in the north.";
        let v = run(t);
        assert_eq!(v.len(), 2);
        assert_eq!(v[0].signal.as_ref().map(|s| s.0), Some(Signal::Between));
        assert_eq!(v[1].value.as_deref(), Some("2021"));
        assert_eq!(v[1].signal.as_ref().map(|s| s.0), Some(Signal::Until));
        let t = "Rains fell from May to July last year.";
        let v = run(t);
        assert_eq!(ext(t, &v[0]), "May");
        assert_eq!(v[0].signal.as_ref().map(|s| s.0), Some(Signal::From));
        assert_eq!(ext(t, &v[1]), "July last year");
        assert_eq!(v[1].value.as_deref(), Some("2024-07"));
        assert_eq!(v[1].signal.as_ref().map(|s| s.0), Some(Signal::Until));
    }

    #[test]
    fn numbers_that_are_not_years() {
        for t in [
            "More than 400 soldiers died.",
            "Fires burned 2,300 hectares.",
            "He sent 1500 troops north.",
            "About 1200 people fled.",
            "Call 555-2012 for details.",
            "It cost $2012 in fees.",
            "See section 1999 of the code.",
            "The 1500 troops arrived late.",
            "Room 1024 was empty.",
        ] {
            assert!(run(t).is_empty(), "{t}: {:#?}", run(t));
        }
    }

    #[test]
    fn month_words_that_are_not_months() {
        for t in [
            "It may rain later.",
            "May I ask a question?",
            "Protesters march through the city.",
            "They joined a march downtown.",
            "May said the plan was sound.",
            "March said nothing.",
            "April Ryan asked the question.",
        ] {
            assert!(run(t).is_empty(), "{t}: {:#?}", run(t));
        }
    }

    #[test]
    fn decades_seasons_quarters() {
        let m = one("Violence peaked in the 1990s across the region.");
        assert_eq!(m.value.as_deref(), Some("199"));
        assert_eq!(m.interval, Some((d("1990-01-01"), d("1999-12-31"))));
        assert_eq!(
            only("Sales slowed in spring 2023 overall."),
            pair("spring 2023", "2023-SP")
        );
        assert_eq!(
            only("The harvest failed last summer."),
            pair("last summer", "2024-SU")
        );
        assert_eq!(
            only("Profit rose in the first quarter."),
            pair("the first quarter", "2025-Q1")
        );
        assert_eq!(
            only("Its third-quarter profit rose."),
            pair("third-quarter", "2025-Q3")
        );
        assert_eq!(
            only("Net income for the quarter fell."),
            pair("the quarter", "2025-Q1")
        );
        assert_eq!(
            only("It fell from the year-ago quarter."),
            pair("the year-ago quarter", "2024-Q1")
        );
        assert!(run("Prices fall when supply rises.").is_empty());
    }

    // ---- 2. weekdays ---------------------------------------------------------

    #[test]
    fn bare_weekdays_past_and_future() {
        assert_eq!(
            only("Militants attacked the base on Sunday."),
            pair("Sunday", "2025-06-01")
        );
        // The reference date itself when it is that day.
        assert_eq!(
            only("The violence continued into Monday."),
            pair("Monday", "2025-06-02")
        );
        assert_eq!(
            only("He spoke at a Friday press briefing."),
            pair("Friday", "2025-05-30")
        );
        assert_eq!(
            only("The minister will visit on Thursday."),
            pair("Thursday", "2025-06-05")
        );
        assert_eq!(
            only("The court is to rule on Friday."),
            pair("Friday", "2025-06-06")
        );
        let m = one("Militants attacked on Sunday.");
        assert_eq!(
            m.resolution,
            Resolution::Reference {
                date: d(REF),
                how: "the most recent Sunday on or before 2025-06-02 (past tense)".into()
            }
        );
    }

    #[test]
    fn weekday_possessive_extent() {
        let t = "Sunday's attack killed 30.";
        assert_eq!(only(t), pair("Sunday", "2025-06-01"));
        let t = "Sunday’s attack killed 30.";
        assert_eq!(only(t), pair("Sunday", "2025-06-01"));
    }

    #[test]
    fn last_next_this_weekday() {
        let m = one("He warned last Friday that more would come.");
        assert_eq!(m.value.as_deref(), Some("2025-05-30"));
        assert_eq!(
            m.resolution,
            Resolution::Reference {
                date: d(REF),
                how: "the Friday before 2025-06-02".into()
            }
        );
        assert_eq!(val("They meet next Tuesday."), Some("2025-06-10".into()));
        assert_eq!(val("They met this Wednesday."), Some("2025-06-04".into()));
        assert_eq!(val("They met last Monday."), Some("2025-05-26".into()));
    }

    #[test]
    fn weekday_parts_of_day() {
        let m = one("Gunfire was heard Monday morning.");
        assert_eq!(m.value.as_deref(), Some("2025-06-02TMO"));
        assert_eq!(m.typ, TimexType::Time);
        let t = "It took place in the early hours of Sunday in the town.";
        let m = one(t);
        assert_eq!(ext(t, &m), "the early hours of Sunday");
        assert_eq!(m.value.as_deref(), Some("2025-06-01"));
        assert_eq!(m.modifier, Some("START"));
        assert_eq!(m.signal.as_ref().map(|s| s.0), Some(Signal::In));
    }

    #[test]
    fn weekday_names_are_not_dates() {
        for t in [
            "The Sunday Times reported it.",
            "She writes for the Sunday Telegraph.",
            "A Sunday School teacher spoke.",
        ] {
            assert!(run(t).is_empty(), "{t}: {:#?}", run(t));
        }
        // After a temporal preposition a capitalised word may follow.
        assert_eq!(
            only("On Sunday JNIM struck again."),
            pair("Sunday", "2025-06-01")
        );
    }

    // ---- 3. relative to the reference -----------------------------------------

    #[test]
    fn relative_days_weeks_months_years() {
        assert_eq!(val("The talks ended today."), Some("2025-06-02".into()));
        assert_eq!(val("The talks ended yesterday."), Some("2025-06-01".into()));
        assert_eq!(val("The talks resume tomorrow."), Some("2025-06-03".into()));
        let m = one("He warned last week of attacks.");
        assert_eq!(m.value.as_deref(), Some("2025-W22"));
        assert_eq!(m.interval, Some((d("2025-05-26"), d("2025-06-01"))));
        assert_eq!(val("It happened this week."), Some("2025-W23".into()));
        assert_eq!(val("It happens next week."), Some("2025-W24".into()));
        assert_eq!(val("It rose this month."), Some("2025-06".into()));
        let m = one("It rose last month.");
        assert_eq!(m.value.as_deref(), Some("2025-05"));
        assert_eq!(m.interval, Some((d("2025-05-01"), d("2025-05-31"))));
        assert_eq!(val("It falls next month."), Some("2025-07".into()));
        assert_eq!(val("It rose this year."), Some("2025".into()));
        assert_eq!(val("It rose last year."), Some("2024".into()));
    }

    #[test]
    fn beginning_and_end_of_periods() {
        let t = "Over 400 soldiers died since the beginning of last month.";
        let m = one(t);
        assert_eq!(ext(t, &m), "the beginning of last month");
        assert_eq!(m.value.as_deref(), Some("2025-05"));
        assert_eq!(m.modifier, Some("START"));
        assert_eq!(m.interval, Some((d("2025-05-01"), d("2025-05-10"))));
        assert_eq!(m.signal.as_ref().map(|s| s.0), Some(Signal::Since));
        let m = one("Deaths mounted since the beginning of May.");
        assert_eq!(
            (m.value.as_deref(), m.modifier),
            (Some("2025-05"), Some("START"))
        );
        let m = one("It ends at the end of last month.");
        assert_eq!(m.modifier, Some("END"));
        assert_eq!(m.interval, Some((d("2025-05-21"), d("2025-05-31"))));
        let m = one("Rain came in mid-May.");
        assert_eq!(
            (m.value.as_deref(), m.modifier),
            (Some("2025-05"), Some("MID"))
        );
        assert_eq!(m.interval, Some((d("2025-05-11"), d("2025-05-20"))));
        let m = one("Rain came in the middle of May.");
        assert_eq!(m.modifier, Some("MID"));
        let m = one("Work began in early 2024.");
        assert_eq!(
            (m.value.as_deref(), m.modifier),
            (Some("2024"), Some("START"))
        );
        let m = one("Work ended in late 2024.");
        assert_eq!(
            (m.value.as_deref(), m.modifier),
            (Some("2024"), Some("END"))
        );
        let m = one("The toll has risen since the start of the year.");
        assert_eq!(
            (m.value.as_deref(), m.modifier),
            (Some("2025"), Some("START"))
        );
    }

    #[test]
    fn since_the_month_began() {
        let t = "400 soldiers died since the month began.";
        let m = one(t);
        assert_eq!(ext(t, &m), "the month");
        assert_eq!(m.value.as_deref(), Some("2025-06"));
        assert_eq!(m.modifier, Some("START"));
        assert_eq!(m.signal.as_ref().map(|s| s.0), Some(Signal::Since));
        assert_eq!(
            val("Prices rose since the year began."),
            Some("2025".into())
        );
        assert_eq!(
            val("Prices rose since the week began."),
            Some("2025-W23".into())
        );
    }

    #[test]
    fn ago_and_in() {
        assert_eq!(val("It started three days ago."), Some("2025-05-30".into()));
        assert_eq!(val("It started two weeks ago."), Some("2025-W21".into()));
        assert_eq!(val("It started a year ago."), Some("2024".into()));
        assert_eq!(
            val("Profit was higher a year earlier."),
            Some("2024".into())
        );
        let t = "The team will return in three days.";
        let m = one(t);
        assert_eq!(ext(t, &m), "three days");
        assert_eq!(
            (m.typ, m.value.as_deref()),
            (TimexType::Date, Some("2025-06-05"))
        );
        let m = one("It happened earlier this year.");
        assert_eq!(m.value.as_deref(), Some("2025"));
        assert_eq!(m.interval, Some((d("2025-01-01"), d(REF))));
    }

    #[test]
    fn no_reference_never_guesses() {
        for t in [
            "It rose last month.",
            "Militants attacked on Sunday.",
            "It started three days ago.",
            "It ended yesterday.",
        ] {
            let v = extract_times(t, &[], None);
            assert_eq!(v.len(), 1, "{t}");
            assert_eq!(v[0].value, None, "{t}");
            assert_eq!(v[0].interval, None);
            assert_eq!(
                v[0].resolution,
                Resolution::Unresolved {
                    reason: "no reference date".into()
                }
            );
        }
        // Absolute dates stay absolute.
        let v = extract_times("It began in 2012.", &[], None);
        assert_eq!(v[0].value.as_deref(), Some("2012"));
    }

    // ---- 4. anaphora ------------------------------------------------------------

    #[test]
    fn anaphora_anchor_to_last_day() {
        let t = "Sunday's attack killed 30. The next morning, the group struck again.";
        let v = run(t);
        assert_eq!(v.len(), 2);
        assert_eq!(ext(t, &v[1]), "The next morning");
        assert_eq!(v[1].value.as_deref(), Some("2025-06-02TMO"));
        assert_eq!(
            v[1].resolution,
            Resolution::Anchored {
                anchor: d("2025-06-01"),
                how: "1 day(s) after 2025-06-01".into()
            }
        );
        let t = "Talks opened on May 5. A day later they collapsed. The following week was calm.";
        let v = ev(t);
        assert_eq!(v[1], pair("A day later", "2025-05-06"));
        assert_eq!(v[2], pair("The following week", "2025-W20"));
        let t = "Troops left on May 5. They had arrived the day before.";
        assert_eq!(ev(t)[1], pair("the day before", "2025-05-04"));
        let t = "Troops left on May 5. The previous week had been quiet.";
        assert_eq!(ev(t)[1], pair("The previous week", "2025-W18"));
    }

    #[test]
    fn anaphora_without_anchor_is_unresolved() {
        let m = one("The next day, the group struck again.");
        assert_eq!(m.value, None);
        assert!(matches!(m.resolution, Resolution::Unresolved { .. }));
        // A vague or duration mention is no anchor either, and the reference
        // date is never used.
        let v = run("For three days the town was quiet. The next day, shops opened.");
        assert!(matches!(v[1].resolution, Resolution::Unresolved { .. }));
    }

    #[test]
    fn a_day_after_a_clause_is_a_length() {
        let t = "The army repelled an attack on Monday, just a day after suffering losses.";
        let v = run(t);
        assert_eq!(ext(t, &v[1]), "a day");
        assert_eq!(v[1].typ, TimexType::Duration);
        assert_eq!(v[1].value.as_deref(), Some("P1D"));
    }

    // ---- 5. durations and sets ----------------------------------------------------

    #[test]
    fn durations() {
        let t = "The siege lasted for three days.";
        let m = one(t);
        assert_eq!(ext(t, &m), "three days");
        assert_eq!(
            (m.typ, m.value.as_deref()),
            (TimexType::Duration, Some("P3D"))
        );
        assert_eq!(m.signal.as_ref().map(|s| s.0), Some(Signal::For));
        assert_eq!(m.resolution, Resolution::NotAPoint);
        assert_eq!(m.interval, None);
        assert_eq!(val("Fighting went on 48 hours."), Some("PT48H".into()));
        assert_eq!(val("It took several weeks."), Some("PXW".into()));
        assert_eq!(val("He served two years."), Some("P2Y".into()));
        assert_eq!(
            only("A 24-hour curfew was imposed."),
            pair("24-hour", "PT24H")
        );
        assert_eq!(
            only("Losses over the past two months grew."),
            pair("the past two months", "P2M")
        );
        assert_eq!(
            only("Donors have helped for decades."),
            pair("decades", "PXDE")
        );
        let m = one("It took nearly two years.");
        assert_eq!(
            (m.value.as_deref(), m.modifier),
            (Some("P2Y"), Some("LESS_THAN"))
        );
    }

    #[test]
    fn durations_not_matched() {
        for t in [
            "A second attack followed.",
            "One of the soldiers died.",
            "A 44-year-old man was held.",
            "He is 52 years old.",
            "It earns $5 million a year.",
            "There are four flights a week.",
        ] {
            assert!(run(t).is_empty(), "{t}: {:#?}", run(t));
        }
    }

    #[test]
    fn sets() {
        let m = one("Patrols leave every Monday.");
        assert_eq!(
            (m.typ, m.value.as_deref()),
            (TimexType::Set, Some("XXXX-WXX-1"))
        );
        assert_eq!(m.resolution, Resolution::NotAPoint);
        assert_eq!(val("The bulletin is weekly."), Some("P1W".into()));
        assert_eq!(val("It publishes daily."), Some("P1D".into()));
        assert_eq!(val("They meet twice a year."), Some("P1Y".into()));
    }

    // ---- 6. vague ------------------------------------------------------------------

    #[test]
    fn vague_references() {
        for (t, v) in [
            ("The town is now calm.", "PRESENT_REF"),
            ("It is currently closed.", "PRESENT_REF"),
            ("He recently warned of unrest.", "PAST_REF"),
            ("It had previously fallen.", "PAST_REF"),
            ("It was formerly a fort.", "PAST_REF"),
            ("Talks will resume soon.", "FUTURE_REF"),
        ] {
            let m = one(t);
            assert_eq!(m.value.as_deref(), Some(v), "{t}");
            assert_eq!(m.resolution, Resolution::Vague);
            assert_eq!(m.interval, None);
        }
        let t = "Such raids happened in the past.";
        assert_eq!(only(t), pair("the past", "PAST_REF"));
        let t = "Such raids may happen in the future.";
        assert_eq!(only(t), pair("the future", "FUTURE_REF"));
        assert!(run("Leave as soon as possible.").is_empty());
        // "current" before the noun it dates; "then-current" looks back.
        assert_eq!(
            only("Kellogg's current share is under 40%."),
            pair("current", "PRESENT_REF")
        );
        assert_eq!(
            only("It paid the then-current price."),
            pair("then-current", "PAST_REF")
        );
        assert!(run("The current account deficit widened.").is_empty());
        assert!(run("He swam against the current.").is_empty());
        // "soon" in past narration or before "after" is relative to another
        // event, not to the document date.
        assert!(run("The trickle soon became a flood.").is_empty());
        assert!(run("He died soon after being captured.").is_empty());
        assert_eq!(only("Prices will soon fall."), pair("soon", "FUTURE_REF"));
    }

    // ---- 7. clock times ------------------------------------------------------------

    #[test]
    fn clock_times() {
        let t = "The blast came at 4 p.m. on Sunday.";
        let v = run(t);
        assert_eq!(ext(t, &v[0]), "4 p.m.");
        assert_eq!(v[0].value.as_deref(), Some("2025-06-01T16:00"));
        assert_eq!(v[0].typ, TimexType::Time);
        assert_eq!(
            only("Talks broke off at noon Thursday."),
            pair("noon Thursday", "2025-05-29T12:00")
        );
        let t = "The curfew starts at 10:30 p.m. daily, officials said";
        assert_eq!(ext(t, &run(t)[0]), "10:30 p.m.");
        let m = run("Shops close at 9 a.m. in winter.").remove(0);
        assert_eq!(m.value.as_deref(), Some("XXXX-XX-XXT09:00"));
        // The middle of a part of the day: of a named day, or of the day in
        // focus (unresolved without one).
        let m = one("Shares were up at mid-afternoon yesterday.");
        assert_eq!(m.value.as_deref(), Some("2025-06-01TAF"));
        assert_eq!(m.modifier, Some("MID"));
        let v = run("Talks began on Sunday. By midafternoon they had failed.");
        assert_eq!(v[1].value.as_deref(), Some("2025-06-01TAF"));
        let m = one("By mid afternoon the operation was over.");
        assert_eq!(m.interval, None);
        // A clock time alone in its sentence takes the day of the sentence
        // before, in the same paragraph only.
        let t = "A man was killed Thursday evening. The robbers came in around 7:15 p.m.";
        let s = [0..35, 36..t.len()];
        let v = extract_times(t, &s, Some(d(REF)));
        assert_eq!(ext(t, &v[1]), "around 7:15 p.m.");
        assert_eq!(v[1].value.as_deref(), Some("2025-05-29T19:15"));
        let t = "A man was killed Thursday evening.\n\nThe robbers came in around 7:15 p.m.";
        let s = [0..34, 36..t.len()];
        let v = extract_times(t, &s, Some(d(REF)));
        assert_eq!(v[1].value.as_deref(), Some("XXXX-XX-XXT19:15"));
    }

    // ---- scanner properties -----------------------------------------------------------

    #[test]
    fn signals_are_outside_extent() {
        let t = "It has been calm until Friday.";
        let m = one(t);
        assert_eq!(ext(t, &m), "Friday");
        let (s, r) = m.signal.unwrap();
        assert_eq!((s, &t[r]), (Signal::Until, "until"));
        for (t, sig) in [
            ("Nothing happened after 2012.", Signal::After),
            ("Nothing happened before 2012.", Signal::Before),
            ("It must end by 2030.", Signal::By),
            ("Trade fell during 2020.", Signal::During),
            ("Schools reopen at noon.", Signal::At),
        ] {
            assert_eq!(one(t).signal.map(|s| s.0), Some(sig), "{t}");
        }
    }

    #[test]
    fn mentions_are_ordered_and_disjoint() {
        let t = "On Sunday, June 1, 2025, and again on Monday morning, since the beginning of May, \
                 militants struck; last week 2020–2023 mid-May three days ago the next day.";
        let v = run(t);
        assert!(v.len() >= 8, "{v:#?}");
        for w in v.windows(2) {
            assert!(w[0].span.end <= w[1].span.start);
        }
    }

    #[test]
    fn sentences_drive_tense() {
        // The sentence ranges decide the tense: the second sentence is future.
        let t = "Troops left. They will return on Friday.";
        let s = [0..12, 13..t.len()];
        let v = extract_times(t, &s, Some(d(REF)));
        assert_eq!(v[0].value.as_deref(), Some("2025-06-06"));
        let t = "They will go. Troops left on Friday.";
        let s = [0..13, 14..t.len()];
        let v = extract_times(t, &s, Some(d(REF)));
        assert_eq!(v[0].value.as_deref(), Some("2025-05-30"));
        // "until" looks forward unless a past verb governs; "on" does not.
        assert_eq!(
            val("Schools remain closed until Wednesday."),
            Some("2025-06-04".into())
        );
        assert_eq!(
            val("Schools were closed until Wednesday."),
            Some("2025-05-28".into())
        );
        assert_eq!(
            val("Schools remain closed on Wednesday."),
            Some("2025-05-28".into())
        );
    }

    #[test]
    #[allow(clippy::reversed_empty_ranges)] // a malformed sentence range on purpose
    fn never_panics_on_tricky_input() {
        let pieces = [
            "June",
            " ",
            "02",
            ",",
            "2025",
            "é",
            "’s",
            "—",
            "–",
            "-",
            "Sunday",
            "\n",
            "last",
            "week",
            "the",
            "next",
            "morning",
            "🎉",
            "May",
            "3",
            "/",
            "p.m.",
            "12",
            ":",
            "30",
            "since",
            "month",
            "began",
            "2020",
            "\u{a0}",
            "ago",
            "a",
            "day",
            "later",
            "mid-",
            "the beginning of",
            "Ω",
            "1990s",
            "Q",
            "third-quarter",
            "every",
            "in",
            "'",
        ];
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..3000 {
            let mut s = String::new();
            let n = (seed % 12) as usize + 1;
            for _ in 0..n {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                s.push_str(pieces[(seed % pieces.len() as u64) as usize]);
                if seed % 3 == 0 {
                    s.push(' ');
                }
            }
            for r in [Some(d(REF)), None, Some(Date::MAX), Some(Date::MIN)] {
                let len = s.len();
                let sents = [0..len / 2, len / 3..len + 5, 7..3];
                let v = extract_times(&s, &sents, r);
                for w in v.windows(2) {
                    assert!(w[0].span.end <= w[1].span.start, "{s:?}");
                }
                for m in &v {
                    assert!(s.is_char_boundary(m.span.start) && s.is_char_boundary(m.span.end));
                }
            }
        }
        // Extreme numbers and dates.
        for t in [
            "9999-12-31",
            "2099-12-31 9999 years ago",
            "Dec. 31, 2099 the next day",
            "99999999999999999999 days",
            "February 29 last year",
            "Feb. 30, 2025",
            "0/0/2025",
            "13/45/2025",
            "9999 decades ago",
            "9999 centuries ago",
            "9999 decades later",
            "9999 quarters ago",
            "in 9999 centuries",
            "9999 weeks later",
            "March 3. 9999 centuries later",
        ] {
            let _ = extract_times(t, &[], Some(d("2099-12-31")));
            let _ = extract_times(t, &[], Some(d("1000-01-01")));
        }
    }

    #[test]
    fn quarters_and_year_ago_periods() {
        assert_eq!(
            only("Results for Q3 2024 improved."),
            pair("Q3 2024", "2024-Q3")
        );
        assert_eq!(
            only("Results for the fiscal first quarter improved."),
            pair("the fiscal first quarter", "2025-Q1")
        );
        assert_eq!(
            only("It beat last year's third quarter."),
            pair("last year's third quarter", "2024-Q3")
        );
        // After a quarter is named, "a year earlier" is that quarter a year before.
        let t = "Profit in the first quarter rose to $5 million from $4 million a year earlier.";
        let v = ev(t);
        assert_eq!(v[1], pair("a year earlier", "2024-Q1"));
        // The comparison quarter is not the reported one: a second "a year
        // earlier" still compares with the first quarter of this year.
        let t = "Profit in the first quarter rose from a year earlier. Sales were flat from a year earlier.";
        let v = ev(t);
        assert_eq!(v[2], pair("a year earlier", "2024-Q1"));
        assert_eq!(only("Year-end sales rose."), pair("Year-end", "2025"));
        assert_eq!(
            one("Sales fell from the year-earlier level.")
                .value
                .as_deref(),
            Some("2024")
        );
        // "latest" means completed, even in a forecast.
        assert_eq!(
            only("He expects sales in the latest quarter to rise."),
            pair("the latest quarter", "2025-Q1")
        );
        assert_eq!(
            only("The latest period included gains."),
            pair("The latest period", "2025-Q1")
        );
        assert!(run("A quarter of the vote went to him.").is_empty());
        assert!(run("The quarter-to-quarter comparison is weak.").is_empty());
    }

    #[test]
    fn spoken_years_centuries_decades_holidays() {
        assert_eq!(
            only("In nineteen ninety-six a bomb exploded."),
            pair("nineteen ninety-six", "1996")
        );
        assert_eq!(
            only("Unemployment is to halve by the year two thousand."),
            pair("the year two thousand", "2000")
        );
        let m = one("The temple dates from the 11th century originally.");
        assert_eq!(m.value.as_deref(), Some("10"));
        assert_eq!(m.interval, Some((d("1000-01-01"), d("1099-12-31"))));
        assert_eq!(
            only("Numbers dropped through the nineties."),
            pair("the nineties", "199")
        );
        assert_eq!(
            only("It was popular in the '80s too."),
            pair("the '80s", "198")
        );
        assert!(run("He is in his nineties.").is_empty());
        assert_eq!(
            only("He was found on Christmas Eve."),
            pair("Christmas Eve", "2024-12-24")
        );
        assert_eq!(
            only("He was found on Thanksgiving Day."),
            pair("Thanksgiving Day", "2024-11-28")
        );
    }

    #[test]
    fn earlier_this_and_that_year() {
        let t = "Earlier this month, rebels took the town.";
        let m = one(t);
        assert_eq!(ext(t, &m), "Earlier this month");
        assert_eq!(m.interval, Some((d("2025-06-01"), d(REF))));
        let t = "Talks began on March 3, 2021. Later that year they failed.";
        assert_eq!(ev(t)[1], pair("Later that year", "2021"));
    }

    #[test]
    fn a_quotation_has_its_own_tense() {
        assert_eq!(
            val_at("\"He will leave at dawn on Thursday,\" Castro said.", 0),
            Some("2025-06-05".into())
        );
        assert_eq!(
            val_at("``He will leave on Thursday,'' Castro said.", 0),
            Some("2025-06-05".into())
        );
    }

    #[test]
    fn past_verb_next_to_a_weekday_wins_over_sentence_future() {
        // "will" belongs to the reported plan; "said Friday" is past.
        assert_eq!(
            val_at("The army will keep patrolling, officials said Friday.", 0),
            Some("2025-05-30".into())
        );
        assert_eq!(
            val_at("The army will patrol on Friday.", 0),
            Some("2025-06-06".into())
        );
    }

    fn val_at(text: &str, k: usize) -> Option<String> {
        run(text).remove(k).value
    }

    #[test]
    fn approximate_and_deadline() {
        let m = one("It lasted about three days.");
        assert_eq!(
            (m.value.as_deref(), m.modifier),
            (Some("P3D"), Some("APPROX"))
        );
        let m = one("Rebels held it for at least 20 years.");
        assert_eq!(m.modifier, Some("EQUAL_OR_MORE"));
        // A deadline a little ahead stays in the reference year.
        assert_eq!(
            val("They were given until August to leave."),
            Some("2025-08".into())
        );
    }

    #[test]
    fn a_large_input_gives_every_paragraph_its_mentions() {
        // Timing belongs in benchmarks; this checks that nothing is lost or
        // duplicated at scale (each paragraph is read like the first).
        let para = "On Sunday, June 1, 2025, militants attacked; since the beginning of last month \
                    400 soldiers died. The next morning 2020–2023 in May for three days every Monday. ";
        let per_paragraph = extract_times(para, &[], Some(d(REF))).len();
        assert!(per_paragraph >= 8);
        let big = para.repeat(4000); // ~700 KB
        let v = extract_times(&big, &[], Some(d(REF)));
        assert_eq!(v.len(), 4000 * per_paragraph);
        // A long text without any sentence punctuation or spaces.
        let flat = "x".repeat(200_000) + &" May".repeat(20_000);
        let _ = extract_times(&flat, &[], Some(d(REF)));
    }

    #[test]
    fn periods_in_focus_and_counted_stretches() {
        assert_eq!(
            only("It rained this past spring."),
            pair("this past spring", "2025-SP")
        );
        assert_eq!(
            only("Rates may fall in the near term."),
            pair("the near term", "FUTURE_REF")
        );
        assert_eq!(
            only("It needs two more weeks."),
            pair("two more weeks", "P2W")
        );
        assert_eq!(
            only("Over the next couple of years it grows."),
            pair("the next couple of years", "P2Y")
        );
        assert_eq!(
            only("It lasted a hundred years."),
            pair("a hundred years", "P100Y")
        );
        assert_eq!(
            only("Sales rose earlier in the year."),
            pair("earlier in the year", "2025")
        );
        // "the year" is the year in focus: anchored to the last date, never
        // to the document date.
        let v = ev("Profit fell on March 3, 2021. For the year, volume was flat.");
        assert_eq!(v[1], pair("the year", "2021"));
        assert_eq!(one("For the year, volume was flat.").value, None);
        let v = ev("Costs rose in 2019 from $4 million the year before.");
        assert_eq!(v[1], pair("the year before", "2018"));
        // Not times: a compound adjective, a plan.
        assert!(run("The month-long strike ended.").is_empty());
        assert!(run("The long-term plan failed.").is_empty());
    }

    #[test]
    fn time_words_used_as_names_are_not_times() {
        assert!(run("Baker said on ABC's \"This Week\" that talks failed.").is_empty());
        assert!(run("He spoke on CBS's 60 Minutes about it.").is_empty());
        assert!(run("This is VOA Today.").is_empty());
        assert!(run("It was like the film High Noon.").is_empty());
        // Capitalised at the start of a sentence or quotation, or by nature.
        assert_eq!(only("Today the army left."), pair("Today", "2025-06-02"));
        assert_eq!(
            only("He said: \"Today we won.\""),
            pair("Today", "2025-06-02")
        );
        assert_eq!(
            only("It closed on Christmas Day."),
            pair("Christmas Day", "2024-12-25")
        );
        assert_eq!(
            only("Results for Q1 2025 were weak."),
            pair("Q1 2025", "2025-Q1")
        );
        assert_eq!(
            only("It ended at 9 a.m. EST Friday."),
            pair("9 a.m. EST Friday", "2025-05-30T09:00")
        );
    }

    #[test]
    fn halves() {
        assert_eq!(only("It took 2 1/2 years."), pair("2 1/2 years", "P2Y6M"));
        assert_eq!(
            only("He spent 5 1/2 hours there."),
            pair("5 1/2 hours", "PT5H30M")
        );
        assert_eq!(
            only("It took two and a half years."),
            pair("two and a half years", "P2Y6M")
        );
        assert_eq!(
            only("It lasted a minute and a half."),
            pair("a minute and a half", "PT1M30S")
        );
        assert_eq!(
            only("They waited half an hour."),
            pair("half an hour", "PT30M")
        );
        assert_eq!(only("It took 2½ days."), pair("2½ days", "P2DT12H"));
        assert!(run("Half a million people fled.").is_empty());
    }

    #[test]
    fn second_day_of_a_pair_and_parts_in_focus() {
        let v = ev("The summit is set for July 24 and 25 in Washington.");
        assert_eq!(v, [pair("July 24", "2025-07-24"), pair("25", "2025-07-25")]);
        assert_eq!(ev("It began on June 2, 2021 and 25 were hurt.").len(), 1);
        let v = ev("Shares fell on Friday. Buyers came in the morning.");
        assert_eq!(v[1], pair("the morning", "2025-05-30TMO"));
        assert_eq!(
            only("Demand stays high into the summer."),
            pair("the summer", "2025-SU")
        );
        assert_eq!(
            only("Sales in the current quarter rose."),
            pair("the current quarter", "2025-Q2")
        );
        assert!(run("After the fall of the city, they fled.").is_empty());
    }

    #[test]
    fn day_and_quarter_in_focus_and_working_days() {
        let v = ev("He landed on June 1, 2021 and left later in the day.");
        assert_eq!(v[1], pair("later in the day", "2021-06-01"));
        let v = ev("Profit rose in the second quarter of 2024. In that quarter, sales fell.");
        assert_eq!(v[1], pair("that quarter", "2024-Q2"));
        assert_eq!(one("In that quarter, sales fell.").value, None);
        assert_eq!(
            only("It fell for eight trading days."),
            pair("eight trading days", "P8D")
        );
    }

    #[test]
    fn unspecified_stretches_up_to_now_and_from_now() {
        assert_eq!(
            only("It grew in recent years."),
            pair("recent years", "PXY")
        );
        assert_eq!(
            only("Rates may fall in coming weeks."),
            pair("coming weeks", "PXW")
        );
        assert_eq!(
            only("Talks go on in the months ahead."),
            pair("the months ahead", "PXM")
        );
        assert!(run("The recent attack failed.").is_empty());
    }

    #[test]
    fn smoke() {
        let t = "The army repelled an attack on Monday.";
        let m = one(t);
        assert_eq!(ext(t, &m), "Monday");
        assert_eq!(m.value.as_deref(), Some("2025-06-02"));
    }
}
