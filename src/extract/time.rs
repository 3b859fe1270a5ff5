//! Time expressions: recognise TIMEX3 extents in news prose, normalise them
//! to TimeML values and resolve them against a reference (document) date.
//!
//! # Grammar covered
//!
//! The scanner visits word starts only and tries every phrase parser there,
//! keeping the longest match; after a match it skips past the extent, so
//! mentions never overlap and the cost stays linear in the text length.
//!
//! * **Absolute dates**: `Month D, YYYY` (`June 02, 2025`, `Aug. 14, 2025`),
//!   an optional weekday prefix (`Sunday, June 1, 2025` is one mention),
//!   `D Month [YYYY]`, `Month D` (year from the reference), `Month YYYY`,
//!   `YYYY-MM-DD`, `YYYY-MM`, `M/D/YYYY` (US order), a month alone after a
//!   temporal word (`in May`), years in a date context (`in 2012`, `2012's`,
//!   `2020–2023` → two mentions), decades (`the 1990s` → `199`), seasons
//!   (`spring 2023` → `2023-SP`) and quarters (`the third quarter` → `YYYY-Q3`).
//! * **Weekdays**: `Sunday`, `last Friday`, `next Tuesday`, `this Wednesday`,
//!   `Monday morning` (TIME `YYYY-MM-DDTMO`), `early Sunday` and
//!   `the early hours of Sunday` (DATE, mod `START`: TimeML has no code for
//!   "small hours", so the day keeps a plain date value and the modifier
//!   carries "early").  A weekday followed by a capitalised non-time word
//!   (`Sunday Times`) is a name, not a date.
//! * **Relative to the reference**: `today`, `yesterday`, `tomorrow`,
//!   `tonight`, `last/this/next week|month|year|quarter|weekend`,
//!   `earlier/later this year`, `N units ago`, `a year earlier`,
//!   `the month` + `began` (`since the month began`), modifiers
//!   `the beginning/start/middle/end of X`, `early/mid/late X`.
//! * **Anaphora** (anchored to the last single day mentioned earlier in the
//!   text, never to the reference): `the next morning`, `the following week`,
//!   `the previous day`, `that day`, `a day later`, `two days earlier`,
//!   `the day before` (at a clause end).
//! * **Durations and sets**: `three days` (`P3D`), `48 hours` (`PT48H`),
//!   `several weeks` (`PXW`), `24-hour`, `the past two months`, `decades`
//!   after `for`; `every Monday` (`XXXX-WXX-1`), `daily`, `weekly`, `Mondays`.
//! * **Vague**: `now`, `currently` (`PRESENT_REF`); `recently`,
//!   `previously`, `the past`, `recent years` (`PAST_REF`); `soon`,
//!   `the future` (`FUTURE_REF`).
//! * **Clock times**: `4 p.m.`, `10:30 a.m.`, `16:00`, `noon`, `midnight`,
//!   dated by a day named in the same sentence when there is one.
//!
//! Signal words (`since`, `until`, `in`, `on`, ...) stay outside the extent
//! and are reported in [`TimeMention::signal`].
//!
//! # Tense
//!
//! Bare weekdays, bare months and month-day dates are resolved with the news
//! convention: in a past-tense sentence the most recent such day/month on or
//! before the reference, in a future-tense sentence the next one on or after
//! it.  See [`sentence_is_future`] for the (deliberately simple) test.

use std::ops::Range;

use jiff::ToSpan;
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
    /// Every unit (P1D, P1W, ...).
    SetEvery(Unit),
    /// Every given weekday.
    SetWeekday(i8),
    Vague(&'static str),
    /// Clock time hour, minute.
    Clock(u8, u8),
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct Parsed {
    kind: Kind,
    modifier: Option<&'static str>,
}

fn pk(kind: Kind) -> Parsed {
    Parsed {
        kind,
        modifier: None,
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

const MONTHS: [&str; 12] = [
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
const MONTH_ABBR: [(&str, i8); 13] = [
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
const WEEKDAYS: [&str; 7] = [
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
    if !at_boundary(rest) || rest.starts_with(':') || starts_decimal(rest) {
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
    if rest.starts_with(|c: char| c.is_ascii_digit() || c.is_lowercase()) || starts_decimal(rest)
    {
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
//        | "a" | "an" | "one" | "a couple of" | "a dozen"
//        | "several" | "a few" | "few" | "many" | "some"       (vague → None)
fn count(i: &str) -> R<'_, Count> {
    if let Ok((rest, d)) = digits(1, 4).parse(i) {
        if rest.starts_with(|c: char| c.is_ascii_digit()) || starts_decimal(rest) {
            return fail(i);
        }
        return Ok((rest, d.parse::<u32>().ok()));
    }
    if let Ok((rest, _)) = (kw("a"), sp, kw("couple"), sp, kw("of")).parse(i) {
        return Ok((rest, Some(2)));
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
    match UNIT_WORDS.iter().find(|(s, _, _)| w.eq_ignore_ascii_case(s)) {
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

// rel := "last" | "this" | "next" | "past"(="last") | "coming"(="next")
fn rel_word(i: &str) -> R<'_, Rel> {
    let (rest, k) = kw_in(&["last", "this", "next", "coming"]).parse(i)?;
    Ok((rest, [Rel::Last, Rel::This, Rel::Next, Rel::Next][k]))
}

// ---------------------------------------------------------------------------
// Phrase parsers (each yields a `Parsed`)
// ---------------------------------------------------------------------------

// comma_sp := [","] sp   |  ","        (the separator inside "June 2, 2025")
fn comma_sp(i: &str) -> R<'_, ()> {
    alt((
        (opt(char(',')), sp).map(|_| ()),
        char(',').map(|_| ()),
    ))
    .parse(i)
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
    let (rest, (d, _, _, (m, _))) =
        (day_num, sp, opt((kw("of"), sp)), month_name).parse(i)?;
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
    "in", "since", "of", "early", "mid", "late", "last", "next", "this", "by", "until", "till",
    "from", "before", "after", "during", "through", "to", "between", "and", "or", "around",
    "throughout", "fiscal", "within", "on",
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
        if let Ok((r, _)) = (opt((kw("the"), sp)), kw("early"), sp, kw("hours"), sp, kw("of"), sp)
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
        if peek((sp, kw_in(&["began", "started", "begun", "begins", "starts"])))
            .parse(rest)
            .is_ok()
        {
            return Ok((
                rest,
                Parsed {
                    kind: Kind::Period(u, 0),
                    modifier: Some("START"),
                },
            ));
        }
    }
    fail(i)
}

// the_period := "the" sp ("week" | "month" | "year")   (the current one; only
// inside "the beginning of the year" and similar)
fn the_period(i: &str) -> R<'_, Parsed> {
    let (rest, (_, _, u)) = (kw("the"), sp, period_unit).parse(i)?;
    Ok((rest, pk(Kind::Period(u, 0))))
}

// partial := ("earlier" | "later") sp "this" sp ("week" | "month" | "year")
fn partial(i: &str) -> R<'_, Parsed> {
    let (rest, (k, _, _, _, u)) =
        (kw_in(&["earlier", "later"]), sp, kw("this"), sp, period_unit).parse(i)?;
    Ok((rest, pk(Kind::Partial(u, k == 0))))
}

const SEASONS: [&str; 5] = ["spring", "summer", "fall", "autumn", "winter"];

// season := [rel sp] season_word [sp ["of" sp] YYYY]
// A season needs a year or a rel word ("last summer"), or a temporal word
// before it ("in summer"); "fall" only with a year or rel word (it is a verb).
fn season(cx: Cx) -> impl FnMut(&str) -> R<'_, Parsed> {
    move |i| {
        let (rest, rl) = opt((rel_word, sp)).parse(i)?;
        let (rest, k) = kw_in(&SEASONS).parse(rest)?;
        let s = [0, 1, 2, 2, 3][k] as i8;
        if let Ok((r2, (_, _, y))) = (sp, opt((kw("of"), sp)), year4).parse(rest) {
            return Ok((r2, pk(Kind::Season(Some(y), s, Rel::Bare))));
        }
        match rl {
            Some((r, _)) => Ok((rest, pk(Kind::Season(None, s, r)))),
            None if cx.dated && k != 2 => Ok((rest, pk(Kind::Season(None, s, Rel::Bare)))),
            None => fail(i),
        }
    }
}

// quarter := ["the" sp] [rel sp] ordinal ("-" | sp) "quarter" [sp ["of" sp] YYYY]
//          | "Q" [1-4] [sp YYYY]
fn quarter(i: &str) -> R<'_, Parsed> {
    let (rest, _) = opt((kw("the"), sp)).parse(i)?;
    let (rest, rl) = opt((rel_word, sp)).parse(rest)?;
    let (rest, (k, _, _)) = (
        kw_in(&["first", "second", "third", "fourth"]),
        alt((tag("-"), sp)),
        kw("quarter"),
    )
        .parse(rest)?;
    let q = k as i8 + 1;
    if let Ok((r2, (_, _, y))) = (sp, opt((kw("of"), sp)), year4).parse(rest) {
        return Ok((r2, pk(Kind::Quarter(Some(y), q, Rel::Bare))));
    }
    Ok((
        rest,
        pk(Kind::Quarter(None, q, rl.map_or(Rel::Bare, |(r, _)| r))),
    ))
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

/// Lower-case words that may follow a bare year ("in 2012 before", "2012 was").
const AFTER_BARE_YEAR: [&str; 22] = [
    "and", "or", "but", "when", "as", "to", "until", "after", "before", "with", "was", "were",
    "is", "has", "had", "saw", "will", "through", "for", "in", "on", "at",
];

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
        let dash_year = (alt((tag("-"), tag("–"), tag("—"))), year4).parse(rest).is_ok();
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
            if lower && !AFTER_BARE_YEAR.iter().any(|t| w.eq_ignore_ascii_case(t)) {
                return fail(i);
            }
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
fn count_unit(i: &str) -> R<'_, (Count, Unit, bool)> {
    let (rest, (n, sep, (u, plural))) = (count, alt((sp, tag("-"))), unit).parse(i)?;
    if u == Unit::Second && !i.starts_with(|c: char| c.is_ascii_digit()) && !plural {
        return fail(i);
    }
    if sep == "-" && plural {
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
        kw_in(&["past", "last", "next", "first", "previous", "coming", "final"]),
        sp,
    );
    let (rest, lead) = opt(lead).parse(i)?;
    if let Ok((r2, (n, u, _))) = count_unit(rest) {
        let (r2, _) = opt(tag_no_case("-long")).parse(r2)?;
        return Ok((r2, pk(Kind::Duration(n, u))));
    }
    if let Some((_, _, k, _)) = lead {
        if k != 2 && k != 3 {
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

// bare_plural := "decades" | "years" | "months" | "weeks" | "centuries"
// (only after "for" / "over" / "in recent": "for decades" = PXDE)
fn bare_plural(cx_for: bool) -> impl FnMut(&str) -> R<'_, Parsed> {
    move |i| {
        if !cx_for {
            return fail(i);
        }
        let (rest, (u, plural)) = unit(i)?;
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
    if let Ok((rest, (_, _, p))) = (
        alt((kw("that").map(|_| ()), (kw("the"), sp, kw("same")).map(|_| ()))),
        sp,
        alt((kw("day").map(|_| None), part.map(Some))),
    )
        .parse(i)
    {
        return Ok((rest, pk(Kind::Anaphor(0, Unit::Day, p))));
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
    if let Ok((rest, k)) =
        kw_in(&["daily", "weekly", "monthly", "annually", "yearly", "hourly", "nightly"]).parse(i)
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
        let (rest, _) = (
            kw("recent"),
            sp,
            kw_in(&["years", "months", "weeks", "days", "decades"]),
        )
            .parse(i)?;
        Ok((rest, pk(Kind::Vague("PAST_REF"))))
    }
}

// clock := H[":"MM] [sp] ("a.m." | "p.m." | "am" | "pm")   ("4 p.m.", "10:30am")
//        | HH ":" MM                                       ("16:00")
//        | "noon" | "midnight"
fn clock(i: &str) -> R<'_, Parsed> {
    if let Ok((rest, k)) = kw_in(&["noon", "midday", "midnight"]).parse(i) {
        let h = if k == 2 { 0 } else { 12 };
        return Ok((rest, pk(Kind::Clock(h, 0))));
    }
    let digits = |i| take_while_m_n(1, 2, |c: char| c.is_ascii_digit()).parse(i);
    let (rest, (h, mm)) = (
        digits,
        opt((char(':'), take_while_m_n(2, 2, |c: char| c.is_ascii_digit()))),
    )
        .parse(i)?;
    let h: u8 = h.parse().map_err(|_| nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Digit)))?;
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
//         | ("early" | "mid" | "late") ("-" | sp) period
// period := Month YYYY | Month | YYYY | rel_period | the_period | season | decade
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
        (kw_in(&["early", "mid", "late"]), alt((tag("-"), sp)))
            .map(|(k, _)| ["START", "MID", "END"][k]),
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
            Ok((
                r,
                Parsed {
                    kind: p.kind,
                    modifier: Some(m),
                },
            ))
        }
        None => fail(i),
    }
}

/// Tries every phrase parser at `i` and keeps the longest match.
fn parse_at(i: &str, cx: Cx, prev: &str) -> Option<(Parsed, usize)> {
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
    consider(month_alone(cx)(i));
    consider(rel_month(i));
    consider(weekday_phrase(cx)(i));
    consider(day_rel(i));
    consider(rel_period(i));
    consider(partial(i));
    consider(season(cx)(i));
    consider(quarter(i));
    consider(decade(i));
    consider(year_phrase(cx)(i));
    consider(fiscal_year(i));
    consider(relative_count(i));
    consider(duration(i));
    consider(bare_plural(for_ctx)(i));
    consider(anaphor(i));
    consider(set(i));
    consider(vague(prev_is("as"))(i));
    consider(clock(i));
    consider(modded(i));
    best
}

// ---------------------------------------------------------------------------
// Tense
// ---------------------------------------------------------------------------

/// Decides whether a sentence talks about the future, for resolving bare
/// weekdays, months and month-day dates.
///
/// Future when the sentence contains a future marker: "will", "shall",
/// "'ll", "won't", "is/are/am to", "going to", "plan(s)/planning to",
/// "scheduled", "upcoming", "tomorrow", or "next" not preceded by "the"
/// ("the next morning" is anaphoric, not future).  Everything else is past:
/// news reports mostly narrate what happened, and "would" is left out on
/// purpose because reported speech ("said it would attack on Monday")
/// narrates the past.
pub fn sentence_is_future(sentence: &str) -> bool {
    let mut prev: &str = "";
    for w in sentence
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
    {
        let lw = |s: &str| w.eq_ignore_ascii_case(s);
        if lw("will")
            || lw("shall")
            || lw("won't")
            || lw("won’t")
            || lw("upcoming")
            || lw("tomorrow")
            || lw("scheduled")
        {
            return true;
        }
        if w.len() > 3 && (w.ends_with("'ll") || w.ends_with("’ll")) {
            return true;
        }
        if lw("next") && !prev.eq_ignore_ascii_case("the") {
            return true;
        }
        if lw("to")
            && ["is", "are", "am", "going", "plans", "plan", "planning", "set"]
                .iter()
                .any(|p| prev.eq_ignore_ascii_case(p))
        {
            return true;
        }
        prev = w;
    }
    false
}

// ---------------------------------------------------------------------------
// Calendar helpers (jiff does the arithmetic)
// ---------------------------------------------------------------------------

fn fmt_day(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

fn add_days(d: Date, n: i64) -> Option<Date> {
    d.checked_add(n.days()).ok()
}

fn add_months(d: Date, n: i64) -> Option<Date> {
    d.checked_add(n.months()).ok()
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
    Some((format!("{:04}-W{:02}", w.year(), w.week()), (monday, sunday)))
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

fn weekday_label(wd: i8) -> &'static str {
    ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
        [(wd.clamp(1, 7) - 1) as usize]
}

fn month_label(m: i8) -> &'static str {
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
    anchor: Option<Date>,
    signal: Option<Signal>,
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
    let (code, t) = unit_code(u);
    let n = n.map_or("X".to_string(), |n| n.to_string());
    format!("P{}{}{}", if t { "T" } else { "" }, n, code)
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
        Unit::Week | Unit::Weekend => add_days(d, 7 * n),
        Unit::Month => add_months(d, n),
        Unit::Quarter => add_months(d, 3 * n),
        Unit::Year => d.checked_add(n.years()).ok(),
        Unit::Decade => d.checked_add((10 * n).years()).ok(),
        Unit::Century => d.checked_add((100 * n).years()).ok(),
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

/// Picks the year for a month (or month-day) that came without one.  Past
/// tense: the most recent occurrence not after the reference; future tense:
/// the next one not before it.
fn year_for(r: Date, m: i8, d: Option<i8>, future: bool) -> i16 {
    let key = (m, d.unwrap_or(if future { 31 } else { 1 }));
    let rk = (r.month(), r.day());
    let y = r.year();
    if d.is_none() {
        // Whole months: compare months only.
        if future {
            if m < r.month() { y + 1 } else { y }
        } else if m > r.month() {
            y - 1
        } else {
            y
        }
    } else if future {
        if key < rk { y + 1 } else { y }
    } else if key > rk {
        y - 1
    } else {
        y
    }
}

fn resolve(p: &Parsed, env: &Env) -> Out {
    use TimexType as T;
    let r = env.reference;
    let m = p.modifier;
    let mut out = resolve_kind(p.kind, env);
    // Narrow the interval by the modifier.
    if let (Some(mm), Some(iv)) = (m, out.interval) {
        let is_month = matches!(p.kind, Kind::Ym(..) | Kind::Month(..))
            || matches!(p.kind, Kind::Period(Unit::Month, _));
        out.interval = Some(apply_mod(iv, mm, is_month));
    }
    // "in three days" in a future sentence is a date, not a length.
    if let Kind::Duration(Some(n), u) = p.kind {
        if env.signal == Some(Signal::In) && env.future && !matches!(u, Unit::Second | Unit::Minute | Unit::Hour) {
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
            year_iv(d * 10).zip(year_iv(d * 10 + 9)).map(|(a, b)| (a.0, b.1)),
        ),
        Kind::MonthDay(m, d) => {
            let Some(r) = r else {
                return no_ref(T::Date, Some(format!("XXXX-{m:02}-{d:02}")));
            };
            let y = year_for(r, m, Some(d), fut);
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
                Rel::Bare => (
                    year_for(r, m, None, fut),
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
                Rel::This => (r.year(), format!("{} of the year of {}", month_label(m), fmt_day(r))),
                Rel::Last => (
                    if m < r.month() { r.year() } else { r.year() - 1 },
                    format!("the {} before {}", month_label(m), fmt_day(r)),
                ),
                Rel::Next => (
                    if m > r.month() { r.year() } else { r.year() + 1 },
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
            let cur_y = if r.month() <= 2 { r.year() - 1 } else { r.year() };
            let (ord_cur, ord_s) = (cur_y as i32 * 4 + cur_s as i32, s as i32);
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
                    if q < rq { r.year() } else { r.year() - 1 }
                }
                Rel::Next => {
                    if q > rq { r.year() } else { r.year() + 1 }
                }
                Rel::This => r.year(),
                Rel::Bare if fut => {
                    if q < rq { r.year() + 1 } else { r.year() }
                }
                Rel::Bare => {
                    if q > rq { r.year() - 1 } else { r.year() }
                }
            };
            match quarter_iv(y, q) {
                Some(iv) => by_ref(
                    T::Date,
                    format!("{y:04}-Q{q}"),
                    iv,
                    r,
                    format!("quarter {q} relative to {} ({})", fmt_day(r), tense_word(fut)),
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
                Rel::Next => (
                    add_days(r, if fwd == 0 { 7 } else { fwd }),
                    format!("the {name} after {}", fmt_day(r)),
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
                    let which = match off {
                        -1 => "the",
                        1 => "the",
                        _ => "the",
                    };
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
                        format!("{which} {} {rel} {}", unit_label(u), fmt_day(r)),
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
            let Some(a) = env.anchor else {
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
fn sentence_around(text: &str, sentences: &[Range<usize>], at: usize) -> Range<usize> {
    if let Some(s) = sentences
        .iter()
        .find(|s| s.start <= at && at < s.end && s.end <= text.len())
    {
        if text.is_char_boundary(s.start) && text.is_char_boundary(s.end) {
            return s.clone();
        }
    }
    let is_end = |c: char| matches!(c, '.' | '!' | '?' | '\n');
    let mut lo = at.saturating_sub(600);
    while !text.is_char_boundary(lo) {
        lo += 1;
    }
    let start = text[lo..at]
        .rfind(is_end)
        .map_or(lo, |k| lo + k + 1);
    let mut hi = (at + 600).min(text.len());
    while !text.is_char_boundary(hi) {
        hi -= 1;
    }
    let end = text[at..hi].find(is_end).map_or(hi, |k| at + k + 1);
    start..end.max(start)
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
    let mut out: Vec<TimeMention> = Vec::new();
    let mut kinds: Vec<Kind> = Vec::new();
    let mut anchor: Option<Date> = None;
    let mut prev_char: Option<char> = None;
    let mut pos = 0;
    let mut tense_cache: Option<(Range<usize>, bool)> = None;
    while pos < text.len() {
        let Some(c) = text[pos..].chars().next() else {
            break;
        };
        let word_start = is_word_char(c) && !prev_char.is_some_and(is_word_char);
        if word_start {
            let cx = context(text, pos, &out, &kinds);
            let pw = prev_word(text, pos);
            let prev = pw.map_or("", |(_, w)| w);
            if let Some((p, len)) = parse_at(&text[pos..], cx, prev) {
                let span = pos..pos + len;
                let prev_signal = out.last().and_then(|m| m.signal.as_ref().map(|s| s.0));
                let signal = pw.and_then(|(k, w)| {
                    // A range continues after a dash: "2020–2023".
                    signal_of(w, prev_signal).map(|s| (s, k..k + w.len()))
                });
                let signal = signal.or_else(|| dash_signal(text, pos, &out));
                let sent = sentence_around(text, sentences, pos);
                let future = match &tense_cache {
                    Some((r, f)) if *r == sent => *f,
                    _ => {
                        let f = sentence_is_future(&text[sent.clone()]);
                        tense_cache = Some((sent.clone(), f));
                        f
                    }
                };
                let env = Env {
                    reference,
                    future,
                    anchor,
                    signal: signal.as_ref().map(|s| s.0),
                };
                let res = resolve(&p, &env);
                if let Some((a, b)) = res.interval {
                    if a == b && res.typ != TimexType::Duration {
                        anchor = Some(a);
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
            || (matches!(c, ',' | '.') && digit_before);
    }
    if let Some((_, w)) = prev_word(text, pos) {
        cx.dated = DATE_CONTEXT.iter().any(|k| w.eq_ignore_ascii_case(k));
        cx.determiner = ["the", "a", "an", "its", "his", "her", "their", "our"]
            .iter()
            .any(|k| w.eq_ignore_ascii_case(k));
        if ["no", "number", "section", "article", "page", "room", "route", "flight", "code", "chapter", "resolution"]
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
        if ["and", "or", "to"].iter().any(|x| w.eq_ignore_ascii_case(x)) {
            let follows_date = out.last().is_some_and(|m| {
                m.span.end <= k && text[m.span.end..k].trim().len() <= 1
            }) && kinds
                .last()
                .is_some_and(|k| matches!(k, Kind::Year(_) | Kind::Ym(..) | Kind::Month(..) | Kind::Ymd(..) | Kind::MonthDay(..)));
            cx.dated = follows_date;
        }
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
fn date_clock_times(text: &str, sentences: &[Range<usize>], out: &mut [TimeMention], kinds: &[Kind]) {
    for k in 0..out.len() {
        let Kind::Clock(h, m) = kinds[k] else {
            continue;
        };
        let sent = sentence_around(text, sentences, out[k].span.start);
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
        let day = (0..k)
            .rev()
            .filter(|&j| in_sent(j))
            .find_map(single)
            .or_else(|| (k + 1..out.len()).filter(|&j| in_sent(j)).find_map(single));
        if let Some(d) = day {
            out[k].value = Some(format!("{}T{h:02}:{m:02}", fmt_day(d)));
            out[k].interval = Some((d, d));
            out[k].resolution = Resolution::Anchored {
                anchor: d,
                how: format!("the day named in the same sentence, {}", fmt_day(d)),
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

    #[test]
    fn smoke() {
        let t = "The army repelled an attack on Monday.";
        let m = one(t);
        assert_eq!(ext(t, &m), "Monday");
        assert_eq!(m.value.as_deref(), Some("2025-06-02"));
    }
}
