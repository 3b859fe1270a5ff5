//! Quantities: numbers with their bounds, approximations and counted noun.
//!
//! The extractor scans the text once, trying the `mention` grammar only at
//! word starts and jumping past whatever a try consumed (or at least past the
//! word or digit run it started on), so its cost is linear in the text. All
//! parsers are nom 8 parsers over borrowed `&str`, composed bottom-up; offsets
//! are `whole.len() - rest.len()`. Nothing is allocated except the `unit` and
//! `modifiers` strings of the mentions that are kept. Keyword matching is
//! ASCII case-insensitive by hand (`ci`), so a match never ends inside a
//! multi-byte char.
//!
//! ```text
//! mention    := vague counted?
//!             | ("age" | "aged") mention                        "aged 87": unit "year"
//!             | prefix? amount suffix? two_sided? post
//! prefix     := "more than" | "over" | "above" | "upwards of"          (x, ∞)
//!             | "at least" | "no fewer than" | "no less than"          [x, ∞)
//!             | "fewer than" | "less than" | "under" | "below"         [0, x)
//!             | "up to" | "as many as" | "at most" | "no more than"    [0, x]
//!             | "nearly" | "almost" | "just under" | "close to"        [0.9x, x)   approximate
//!             | "about" | "around" | "roughly" | "some" | "an estimated" | "circa" | "~"
//!                                                                     [0.9x, 1.1x] approximate
//!             | "just over"                                           (x, 1.1x]  approximate
//!             | ">" | ">=" | "<" | "<=" | "≥" | "≤"
//! amount     := "between" num "and" num | "from" num ("to" | "-") num  [a, b]
//!             | num (dash | "to" | "or" | "through") num               [a, b]
//!                                       ("either 10 or 12" is two amounts)
//!             | num ("in" | "out of") num                              ratio a/b
//!             | num "over" num      -- nothing counted after   fraction a/b
//!             | num
//! num        := currency? sign? (digits power? vulgar? scale? chain? | word_amount | vulgar)
//! digits     := [0-9]{1,3} ([, nbsp] [0-9]{3})+ ("." [0-9]+)? | [0-9]+ ("." [0-9]+)? | "." [0-9]+
//!             | [0-9]{1,2} ("," [0-9]{2})+ "," [0-9]{3} ("." [0-9]+)?     Indian "12,34,567"
//! power      := ("e" | "x10^" | "×10^" | "^") [+-]? [0-9]{1,3}         "1.3x10^6", "1.1^23"
//! scale      := " " MULT (" " MULT)*   -- rising scales multiply ("2 lakh crore")
//!             | "bn" | "mn" | "M" | "k" ... ("m"/"b" only after a currency symbol,
//!               or after a decimal: "1.2b", "m" before a plural noun "1.5m people")
//!             | " " ("bn" | "bln" | "mn" | "tln" | "k" ...)              "10 bln", "2.33 k"
//! chain      := (" " [0-9]{1,3} " " MULT)* (" and " ([0-9]{1,2} | word_number))?
//!                                                         "4 thousand 3 hundred and 21"
//! word_amount:= fraction (" of a" MULT)?                  "a third", "two thirds of a million"
//!             | word_number (" and" fraction MULT?)?      "one and a half million"
//!             | word_number " point" word_number+          "five point two five"
//! fraction   := ("a" | word_number) ("-" | " - " | " ") denominator
//! denominator:= tens ("-" | " ") ("first" | "third" … "ninth") "s"?   "one twenty-fifth"
//!             | "half" | "third" "s"? … "thirtieth" "s"? … "millionth" "s"?
//!                -- a numerator above one needs a plural; a tens word ending
//!                   the numerator joins a unit ordinal ("one hundred
//!                   thirty-fifths" = 100/35, but "… and thirty fifths" = 130/5)
//! word_number:= ("a" | "an") MULT | "half" "a"? MULT | "hundred" &(" " scale word)
//!             | numword ((" " | "-" | " and " | " - ") numword)*    (" - " tens to units)
//! suffix     := "-plus" | "+" | " plus" | "-odd" | " odd" | " or more" | " and more"
//!             | " or fewer" | " or less" | " or so"
//! two_sided  := ("and" | "but") prefix num         "more than 10 and fewer than 20" → (10, 20)
//! post       := "%" | "percent" | "per cent" | currency word or ISO code | measure unit
//!             | ISO code " " MULT | ("M" | "k") ISO code      "75 USD million", "30 MUSD"
//!             | "(" unit ")" | "[" unit "]" | unit "/" time      "20 (kg)", "50 km/ms"
//!             | "-" word ("48-hour", "10-year-old") | counted
//! counted    := ("of" det?)? noun_phrase   -- head = last noun before a stop word, a
//!                                             participle/adverb after a noun, or after
//!                                             the first plural noun
//! vague      := "tens of thousands" | "hundreds of thousands" | "dozens" | "scores"
//!             | "hundreds" | "thousands" | "millions" | "a handful" | "a few"
//!             | "several" | "many" | "numerous"           (house-style lows in consts)
//! ```
//!
//! Not quantities (rejected after parsing, skipping the whole run): years
//! (4-digit 1000–2099 without a comma, unless a counted plural noun that is
//! not a time word follows, or a comparative bound precedes), dates (next to
//! a month name, `2025-06-02`, `10/12/2020`, year ranges `2020–2023`), times
//! (`10:30`, `4 p.m.`), ordinals and codes glued to letters (`82nd`, `A320`,
//! `COVID-19`, `221B`), phone numbers, street numbers, numbers after label
//! words (`Article 5`, `Resolution 2100`, `magnitude 6.8`) or after a
//! capitalised name (`Apollo 11`), list markers at line start, falling digit
//! pairs (scores, `3-2`), and the pronoun/idiom uses of "one" ("one of the",
//! "no one", "the one who", "one day").

use std::borrow::Cow;
use std::ops::Range;

use super::time::{is_month_name, is_weekday_name};
use crate::house_style::{HouseStyle, Tolerance, VagueAmount};

use nom::{
    IResult, Parser,
    bytes::complete::{take_while, take_while_m_n, take_while1},
    character::complete::{char as ch, satisfy},
    combinator::{not, opt, peek},
    error::{Error, ErrorKind},
    sequence::{preceded, terminated},
};

/// One quantity found in a text, as an interval with the thing it counts.
#[derive(Debug, Clone, PartialEq)]
pub struct QuantityMention {
    /// The whole mention: bound words, number and unit ("more than 30 Malian soldiers").
    pub span: Range<usize>,
    /// The number itself, or the range ("30", "30 to 40", "two dozen").
    pub number_span: Range<usize>,
    /// The number with its bound words but without what it counts ("more
    /// than 30", "500 or more", "between 20 and 30").
    pub bound_span: Range<usize>,
    /// The number as written, scaled (30 for "more than 30", 2.5e9 for
    /// "$2.5 billion"); `None` for ranges and vague amounts.
    pub value: Option<f64>,
    /// Lower end of the interval; `None` when unbounded.
    pub low: Option<f64>,
    /// Upper end of the interval; `None` when unbounded.
    pub high: Option<f64>,
    pub low_inclusive: bool,
    pub high_inclusive: bool,
    /// "about", "around", "roughly", "some", "an estimated" ...
    pub approximate: bool,
    /// "about", "around", "roughly", "some", "an estimated", "~" before a
    /// single number: its interval is the house style's tolerance around
    /// `value` ([`Tolerance`]), read here with the default.
    pub about: bool,
    /// A vague amount ("dozens", "scores of", "many"): its interval is the
    /// house style's meaning of it, read here with the default.
    pub vague: Option<VagueAmount>,
    /// The counted noun or unit, singular and lowercase ("soldier", "hectare"),
    /// an ISO currency code ("USD") or "percent".
    pub unit: Option<String>,
    pub unit_span: Option<Range<usize>>,
    /// What kind of thing `unit` is; `None` when there is no unit.
    pub unit_kind: Option<UnitKind>,
    /// Other nouns of the counted phrase, singular and lowercase ("soldier" in
    /// "30 soldier fatalities").
    pub modifiers: Vec<String>,
    /// A share written as a ratio ("two in three voters"): its value is a
    /// percentage, and it often describes a subgroup rather than the whole.
    pub ratio: bool,
    /// Written as a range of two numbers ("30 to 40", "between 30 and 40"),
    /// not as bounds ("more than 30 and fewer than 40").
    pub range: bool,
}

/// What a quantity's unit is: the thing counted, money, a measure or a share.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitKind {
    /// A counted noun: "30 soldiers", "five-member panel".
    Counted,
    /// A currency, by symbol, word or ISO code: "$2.5 billion", "45 euros".
    Currency,
    /// A unit of measure, including ages: "12 km", "3-inch", "five years old".
    Measure,
    /// A percentage or a share written as a ratio: "48%", "two in three".
    Percent,
}

// ---------------------------------------------------------------------------
// House-style constants
// ---------------------------------------------------------------------------

/// "nearly 30", "almost 30", "just under 30" → [NEARLY_FLOOR·x, x).
pub const NEARLY_FLOOR: f64 = 0.90;
/// "just over 30" → (x, JUST_OVER_CEILING·x].
pub const JUST_OVER_CEILING: f64 = 1.10;

/// Longest noun phrase (in words) searched for the counted noun.
const MAX_PHRASE_WORDS: usize = 4;
/// How far back (bytes) the context checks look for the previous word.
const LOOKBACK: usize = 48;

// ---------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------

/// Finds every quantity in `text`. Years, dates, times, ordinals, phone and
/// section numbers are not quantities.
pub fn extract_quantities(text: &str) -> Vec<QuantityMention> {
    extract_quantities_from(text, 0)
}

/// The quantities of `text` from byte `from` on (a character boundary): a
/// window of a long document, whose spans stay offsets into `text`.
pub fn extract_quantities_from(text: &str, from: usize) -> Vec<QuantityMention> {
    extract(text, from, may_start_quantity)
}

/// [`extract_quantities_from`] with the first-word filter as a parameter,
/// so that a test can check the filter changes nothing.
fn extract(text: &str, from: usize, may_start: fn(&str) -> bool) -> Vec<QuantityMention> {
    let mut out = Vec::new();
    let mut pos = from;
    while pos < text.len() {
        let c = match text[pos..].chars().next() {
            Some(c) => c,
            None => break,
        };
        if is_candidate_start(text, pos, c) && may_start(&text[pos..]) {
            match mention_at(text, pos) {
                Ok(m) => {
                    // Always move forward, even on a degenerate span.
                    pos = m.span.end.max(pos + c.len_utf8());
                    out.push(m);
                    continue;
                }
                Err(skip) => {
                    pos = skip.max(pos + c.len_utf8());
                    continue;
                }
            }
        }
        pos += c.len_utf8();
    }
    out
}

/// Singular, lowercase form of an English noun ("Casualties" → "casualty",
/// "people" → "person", "buses" → "bus"). Borrowed when already singular and
/// lowercase. Used for counted nouns and unit words; reusable by the linker.
pub fn singular(word: &str) -> Cow<'_, str> {
    let lower: Cow<'_, str> = if word.chars().any(|c| c.is_uppercase()) {
        Cow::Owned(word.to_lowercase())
    } else {
        Cow::Borrowed(word)
    };
    let w: &str = &lower;
    if let Some(s) = IRREGULAR_PLURALS
        .iter()
        .find(|(p, _)| *p == w)
        .map(|(_, s)| *s)
    {
        return Cow::Owned(s.to_string());
    }
    if INVARIANT_NOUNS.contains(&w) || !w.is_ascii() || w.len() < 3 {
        return lower;
    }
    let strip = |n: usize, add: &str| -> Cow<'_, str> {
        let mut s = String::with_capacity(w.len());
        s.push_str(&w[..w.len() - n]);
        s.push_str(add);
        Cow::Owned(s)
    };
    let out = if w.ends_with("ies") && w.len() > 4 {
        strip(3, "y")
    } else if w.ends_with("sses")
        || w.ends_with("shes")
        || w.ends_with("ches")
        || w.ends_with("xes")
        || w.ends_with("zzes")
    {
        strip(2, "")
    } else if w.ends_with("ss") || w.ends_with("us") || w.ends_with("is") || w.ends_with("'s") {
        return lower;
    } else if w.ends_with('s') {
        strip(1, "")
    } else {
        return lower;
    };
    Cow::Owned(out.into_owned())
}

// ---------------------------------------------------------------------------
// Word tables
// ---------------------------------------------------------------------------

const IRREGULAR_PLURALS: &[(&str, &str)] = &[
    ("people", "person"),
    ("men", "man"),
    ("women", "woman"),
    ("children", "child"),
    ("policemen", "policeman"),
    ("gunmen", "gunman"),
    ("servicemen", "serviceman"),
    ("militiamen", "militiaman"),
    ("tribesmen", "tribesman"),
    ("fishermen", "fisherman"),
    ("firemen", "fireman"),
    ("feet", "foot"),
    ("teeth", "tooth"),
    ("mice", "mouse"),
    ("geese", "goose"),
    ("lives", "life"),
    ("wives", "wife"),
    ("knives", "knife"),
    ("wolves", "wolf"),
    ("halves", "half"),
    ("leaves", "leaf"),
    ("thieves", "thief"),
    ("shelves", "shelf"),
    ("heroes", "hero"),
    ("potatoes", "potato"),
    ("tomatoes", "tomato"),
    ("echoes", "echo"),
    ("vetoes", "veto"),
    ("torpedoes", "torpedo"),
    ("crises", "crisis"),
    ("analyses", "analysis"),
    ("theses", "thesis"),
    ("criteria", "criterion"),
    ("phenomena", "phenomenon"),
    ("indices", "index"),
    ("matrices", "matrix"),
    ("movies", "movie"),
    ("cookies", "cookie"),
    ("zombies", "zombie"),
    ("calories", "calorie"),
    ("species", "species"),
    ("series", "series"),
    ("bases", "base"),
    ("buses", "bus"),
    ("viruses", "virus"),
    ("campuses", "campus"),
    ("censuses", "census"),
    ("bonuses", "bonus"),
    ("statuses", "status"),
    ("gases", "gas"),
    ("cases", "case"),
    ("kilometres", "kilometre"),
    ("metres", "metre"),
    ("litres", "litre"),
];

/// Nouns whose plural is the same word, or that only look plural.
const INVARIANT_NOUNS: &[&str] = &[
    // Diseases and fields named in the plural form: "214 measles cases".
    "measles",
    "mumps",
    "rabies",
    "diabetes",
    "herpes",
    "scabies",
    "physics",
    "economics",
    "politics",
    "athletics",
    "sheep",
    "fish",
    "deer",
    "aircraft",
    "personnel",
    "police",
    "staff",
    "news",
    "data",
    "chassis",
    "corps",
    "headquarters",
    "means",
    "barracks",
    "crossroads",
    "gas",
    "yes",
    "this",
    "its",
    "his",
    "has",
    "was",
    "does",
    "physics",
    "economics",
    "politics",
    "mathematics",
];

#[derive(Clone, Copy, PartialEq, Debug)]
enum Bound {
    Exact,
    MoreThan,
    AtLeast,
    LessThan,
    AtMost,
    Nearly,
    About,
    JustOver,
    Odd,
}

/// Bound and approximation prefixes, longest alternative first where one is
/// a prefix of another ("just over" before "over").
const PREFIXES: &[(&str, Bound)] = &[
    ("less than or equal to", Bound::AtMost),
    ("fewer than or equal to", Bound::AtMost),
    ("equal to or less than", Bound::AtMost),
    ("equal to or fewer than", Bound::AtMost),
    ("more than or equal to", Bound::AtLeast),
    ("greater than or equal to", Bound::AtLeast),
    ("equal to or more than", Bound::AtLeast),
    ("equal to or greater than", Bound::AtLeast),
    // Comparisons with "or equal" in the middle, as non-native writers
    // put it ("less or equal than 30", "at least or equal to 30").
    ("less or equal than", Bound::AtMost),
    ("less or equal to", Bound::AtMost),
    ("lower or equal than", Bound::AtMost),
    ("lower or equal to", Bound::AtMost),
    ("smaller or equal than", Bound::AtMost),
    ("smaller or equal to", Bound::AtMost),
    ("fewer or equal than", Bound::AtMost),
    ("more or equal than", Bound::AtLeast),
    ("more or equal to", Bound::AtLeast),
    ("greater or equal than", Bound::AtLeast),
    ("greater or equal to", Bound::AtLeast),
    ("higher or equal than", Bound::AtLeast),
    ("higher or equal to", Bound::AtLeast),
    ("bigger or equal than", Bound::AtLeast),
    ("bigger or equal to", Bound::AtLeast),
    ("larger or equal than", Bound::AtLeast),
    ("larger or equal to", Bound::AtLeast),
    ("at least or equal to", Bound::AtLeast),
    ("at most or equal to", Bound::AtMost),
    ("smaller than", Bound::LessThan),
    ("upwards of", Bound::MoreThan),
    ("in excess of", Bound::MoreThan),
    ("slightly more than", Bound::JustOver),
    ("just more than", Bound::JustOver),
    ("a little over", Bound::JustOver),
    ("just over", Bound::JustOver),
    ("just above", Bound::JustOver),
    ("more than", Bound::MoreThan),
    ("greater than", Bound::MoreThan),
    ("larger than", Bound::MoreThan),
    ("bigger than", Bound::MoreThan),
    ("higher than", Bound::MoreThan),
    ("over", Bound::MoreThan),
    ("above", Bound::MoreThan),
    // Verbs that state a bound: "turnout exceeded 60%".
    ("exceeded", Bound::MoreThan),
    ("exceeding", Bound::MoreThan),
    ("exceeds", Bound::MoreThan),
    ("exceed", Bound::MoreThan),
    ("surpassed", Bound::MoreThan),
    ("surpassing", Bound::MoreThan),
    ("surpasses", Bound::MoreThan),
    ("surpass", Bound::MoreThan),
    ("topped", Bound::MoreThan),
    ("at least", Bound::AtLeast),
    ("no fewer than", Bound::AtLeast),
    ("no less than", Bound::AtLeast),
    ("not less than", Bound::AtLeast),
    ("not fewer than", Bound::AtLeast),
    ("a minimum of", Bound::AtLeast),
    ("just under", Bound::Nearly),
    ("just below", Bound::Nearly),
    ("just shy of", Bound::Nearly),
    ("slightly less than", Bound::Nearly),
    ("slightly fewer than", Bound::Nearly),
    ("nearly", Bound::Nearly),
    ("almost", Bound::Nearly),
    ("close to", Bound::Nearly),
    ("not quite", Bound::Nearly),
    ("fewer than", Bound::LessThan),
    ("less than", Bound::LessThan),
    ("lower than", Bound::LessThan),
    ("under", Bound::LessThan),
    ("below", Bound::LessThan),
    ("up to", Bound::AtMost),
    ("as many as", Bound::AtMost),
    ("as much as", Bound::AtMost),
    ("as high as", Bound::AtMost),
    ("at most", Bound::AtMost),
    ("at the most", Bound::AtMost),
    ("no more than", Bound::AtMost),
    ("not more than", Bound::AtMost),
    ("a maximum of", Bound::AtMost),
    // An exact amount said to be exact: the words belong to the mention.
    ("exactly", Bound::Exact),
    ("precisely", Bound::Exact),
    ("equals to", Bound::Exact),
    ("equals", Bound::Exact),
    ("equaling to", Bound::Exact),
    ("equalling to", Bound::Exact),
    ("equaling", Bound::Exact),
    ("equalling", Bound::Exact),
    ("equal to", Bound::Exact),
    ("an estimated", Bound::About),
    ("an approximate", Bound::About),
    ("approximately", Bound::About),
    ("estimated", Bound::About),
    ("about", Bound::About),
    ("around", Bound::About),
    ("roughly", Bound::About),
    ("some", Bound::About),
    ("circa", Bound::About),
    ("approx.", Bound::About),
    ("approx", Bound::About),
    ("ca.", Bound::About),
];

#[derive(Clone, Copy, PartialEq, Debug)]
enum NumWord {
    /// 0–9
    Unit(f64),
    /// 10–19
    Teen(f64),
    /// 20, 30 … 90
    Tens(f64),
    Hundred,
    /// thousand, million, billion, trillion
    Scale(f64),
    Dozen,
}

const NUMBER_WORDS: &[(&str, NumWord)] = &[
    ("zero", NumWord::Unit(0.0)),
    ("nought", NumWord::Unit(0.0)),
    ("naught", NumWord::Unit(0.0)),
    ("one", NumWord::Unit(1.0)),
    ("two", NumWord::Unit(2.0)),
    ("three", NumWord::Unit(3.0)),
    ("four", NumWord::Unit(4.0)),
    ("five", NumWord::Unit(5.0)),
    ("six", NumWord::Unit(6.0)),
    ("seven", NumWord::Unit(7.0)),
    ("eight", NumWord::Unit(8.0)),
    ("nine", NumWord::Unit(9.0)),
    // "scored both of Rovers' goals": two, and nothing more.
    ("both", NumWord::Unit(2.0)),
    ("ten", NumWord::Teen(10.0)),
    ("eleven", NumWord::Teen(11.0)),
    ("twelve", NumWord::Teen(12.0)),
    ("thirteen", NumWord::Teen(13.0)),
    ("fourteen", NumWord::Teen(14.0)),
    ("fifteen", NumWord::Teen(15.0)),
    ("sixteen", NumWord::Teen(16.0)),
    ("seventeen", NumWord::Teen(17.0)),
    ("eighteen", NumWord::Teen(18.0)),
    ("nineteen", NumWord::Teen(19.0)),
    ("twenty", NumWord::Tens(20.0)),
    ("thirty", NumWord::Tens(30.0)),
    ("forty", NumWord::Tens(40.0)),
    ("fourty", NumWord::Tens(40.0)),
    ("fifty", NumWord::Tens(50.0)),
    ("sixty", NumWord::Tens(60.0)),
    ("seventy", NumWord::Tens(70.0)),
    ("eighty", NumWord::Tens(80.0)),
    ("ninety", NumWord::Tens(90.0)),
    ("hundred", NumWord::Hundred),
    ("thousand", NumWord::Scale(1e3)),
    ("million", NumWord::Scale(1e6)),
    ("billion", NumWord::Scale(1e9)),
    ("trillion", NumWord::Scale(1e12)),
    ("lakh", NumWord::Scale(1e5)),
    ("crore", NumWord::Scale(1e7)),
    ("dozen", NumWord::Dozen),
    ("dozens", NumWord::Dozen),
    // abbreviations, only ever after a number ("3 doz eggs")
    ("doz", NumWord::Dozen),
    ("dozs", NumWord::Dozen),
    ("dz", NumWord::Dozen),
    ("dzs", NumWord::Dozen),
];

/// Denominators of spoken fractions ("a third of", "two thirds of").
const FRACTION_WORDS: &[(&str, f64)] = &[
    ("half", 2.0),
    ("third", 3.0),
    ("quarter", 4.0),
    ("fourth", 4.0),
    ("fifth", 5.0),
    ("sixth", 6.0),
    ("seventh", 7.0),
    ("eighth", 8.0),
    ("ninth", 9.0),
    ("tenth", 10.0),
    ("eleventh", 11.0),
    ("twelfth", 12.0),
    ("twentieth", 20.0),
    ("thirtieth", 30.0),
    ("fortieth", 40.0),
    ("fiftieth", 50.0),
    ("sixtieth", 60.0),
    ("seventieth", 70.0),
    ("eightieth", 80.0),
    ("ninetieth", 90.0),
    ("hundredth", 100.0),
    ("thousandth", 1e3),
    ("millionth", 1e6),
    ("billionth", 1e9),
    ("trillionth", 1e12),
];

/// Scale abbreviations written straight after digits ("$2.5bn", "€45m").
/// The bool says whether a currency symbol is required ("45m" alone is
/// more often metres).
const SCALE_ABBREVS: &[(&str, f64, bool)] = &[
    ("bn", 1e9, false),
    ("bln", 1e9, false),
    ("Bn", 1e9, false),
    ("BN", 1e9, false),
    ("mn", 1e6, false),
    ("mln", 1e6, false),
    ("mil", 1e6, false),
    ("MM", 1e6, false),
    ("M", 1e6, false),
    ("tn", 1e12, false),
    ("tln", 1e12, false),
    ("trn", 1e12, false),
    ("k", 1e3, false),
    ("K", 1e3, false),
    ("m", 1e6, true),
    ("b", 1e9, true),
    ("B", 1e9, true),
];

/// Currency symbols, written before the number ("$5") or, in European
/// style, after it ("5 €").
const CURRENCY_SYMBOLS: &[(&str, &str)] = &[
    ("US$", "USD"),
    ("$", "USD"),
    ("€", "EUR"),
    ("£", "GBP"),
    ("¥", "JPY"),
    ("₦", "NGN"),
    ("₹", "INR"),
    ("₩", "KRW"),
    ("₽", "RUB"),
    ("₺", "TRY"),
    ("₴", "UAH"),
    ("₱", "PHP"),
    ("₡", "CRC"),
    ("₾", "GEL"),
    ("₭", "LAK"),
    ("₿", "BTC"),
    ("元", "CNY"),
];

/// Qualifiers written before "$" for the other dollars and pesos ("C$",
/// "HK$ 10", "US $", "Mex$"), matched without regard to case.
const DOLLAR_QUALIFIERS: &[(&str, &str)] = &[
    ("U.S.", "USD"),
    ("U.S", "USD"),
    ("US", "USD"),
    ("USD", "USD"),
    ("C", "CAD"),
    ("CA", "CAD"),
    ("CAD", "CAD"),
    ("A", "AUD"),
    ("AU", "AUD"),
    ("AUD", "AUD"),
    ("HK", "HKD"),
    ("NZ", "NZD"),
    ("NZD", "NZD"),
    ("S", "SGD"),
    ("SG", "SGD"),
    ("R", "BRL"),
    ("Mex", "MXN"),
    ("MXN", "MXN"),
];

/// ISO 4217 codes recognised before or after a number (upper case only, so
/// that "eur" or "cad" in prose are not read as codes; see
/// `LOWERCASE_CODES` for those safe in lower case next to a number).
const ISO_CODES: &[&str] = &[
    "USD", "EUR", "GBP", "JPY", "CNY", "CHF", "XOF", "XAF", "NGN", "ZAR", "INR", "CAD", "AUD",
    "RUB", "KES", "GHS", "EGP", "MAD", "BRL", "MXN", "SEK", "NOK", "DKK", "TRY", "SAR", "AED",
    "HKD", "NZD", "SGD", "KRW", "BTC", "PLN", "ILS", "THB", "IDR", "PKR", "UAH",
];

/// Codes that are no English word, so written in lower case right next to
/// a number they are still currencies ("20 usd", "rmb 10").
const LOWERCASE_CODES: &[(&str, &str)] = &[
    ("usd", "USD"),
    ("eur", "EUR"),
    ("gbp", "GBP"),
    ("jpy", "JPY"),
    ("cny", "CNY"),
    ("rmb", "CNY"),
    ("chf", "CHF"),
    ("inr", "INR"),
    ("aud", "AUD"),
    ("rub", "RUB"),
    ("brl", "BRL"),
    ("mxn", "MXN"),
    ("sek", "SEK"),
    ("nok", "NOK"),
    ("dkk", "DKK"),
    ("hkd", "HKD"),
    ("nzd", "NZD"),
    ("sgd", "SGD"),
    ("krw", "KRW"),
    ("btc", "BTC"),
    ("zar", "ZAR"),
    ("ngn", "NGN"),
    ("kes", "KES"),
    ("egp", "EGP"),
    ("aed", "AED"),
    ("sar", "SAR"),
];

/// An ISO code with a scale letter glued before it, as financial reports
/// write millions and thousands: "30 MUSD", "MAUD 60", "120 MEUR", "5 kEUR".
/// Returns the code and the scale.
fn scaled_code(w: &str) -> Option<(&'static str, f64)> {
    let (scale, code) = if let Some(c) = w.strip_prefix("MM") {
        (1e6, c)
    } else if let Some(c) = w.strip_prefix('M') {
        (1e6, c)
    } else if let Some(c) = w.strip_prefix(['k', 'K']) {
        (1e3, c)
    } else {
        return None;
    };
    ISO_CODES.iter().find(|k| **k == code).map(|k| (*k, scale))
}

/// The currency of a lower-case code, matched exactly.
fn lowercase_code(w: &str) -> Option<&'static str> {
    LOWERCASE_CODES
        .iter()
        .find(|(k, _)| *k == w)
        .map(|(_, c)| *c)
}

/// Currency words after a number (multiword first).
const CURRENCY_WORDS: &[(&str, &str)] = &[
    ("US dollars", "USD"),
    ("US dollar", "USD"),
    ("U.S. dollars", "USD"),
    ("American dollars", "USD"),
    ("Australian dollars", "AUD"),
    ("Australian dollar", "AUD"),
    ("Canadian dollars", "CAD"),
    ("Canadian dollar", "CAD"),
    ("Hong Kong dollars", "HKD"),
    ("New Zealand dollars", "NZD"),
    ("Singapore dollars", "SGD"),
    ("Taiwan dollars", "TWD"),
    ("Swiss francs", "CHF"),
    ("Swiss franc", "CHF"),
    ("French francs", "FRF"),
    ("Belgian francs", "BEF"),
    ("CFA francs", "XOF"),
    ("Dutch guilders", "NLG"),
    ("Finnish markka", "FIM"),
    ("Turkish lira", "TRY"),
    ("Italian lire", "ITL"),
    ("Chinese yuan", "CNY"),
    ("Mexican pesos", "MXN"),
    ("Philippine pesos", "PHP"),
    ("Indian rupees", "INR"),
    ("South African rand", "ZAR"),
    ("pounds sterling", "GBP"),
    ("dollars", "USD"),
    ("dollar", "USD"),
    // Slang a dialogue or a quotation uses ("5 mln bucks", "20 quid").
    ("bucks", "USD"),
    ("quid", "GBP"),
    ("euros", "EUR"),
    ("euro", "EUR"),
    ("pounds", "GBP"),
    ("pound", "GBP"),
    ("sterling", "GBP"),
    ("yen", "JPY"),
    ("yuan", "CNY"),
    ("renminbi", "CNY"),
    ("rupees", "INR"),
    ("rupee", "INR"),
    ("naira", "NGN"),
    ("rand", "ZAR"),
    ("roubles", "RUB"),
    ("rubles", "RUB"),
    ("francs", "franc"),
    ("franc", "franc"),
    ("pesetas", "ESP"),
    ("peseta", "ESP"),
    ("guilders", "NLG"),
    ("guilder", "NLG"),
    ("markka", "FIM"),
    ("lira", "lira"),
    ("lire", "ITL"),
    ("pesos", "peso"),
    ("peso", "peso"),
    ("dinars", "dinar"),
    ("dirhams", "dirham"),
    ("riyals", "riyal"),
    ("shillings", "shilling"),
    ("kroner", "krone"),
    ("kronor", "krona"),
    ("zlotys", "PLN"),
    ("zloty", "PLN"),
    ("rupiah", "IDR"),
    ("ringgit", "MYR"),
    ("baht", "THB"),
    ("bitcoins", "BTC"),
    ("bitcoin", "BTC"),
    ("satoshis", "satoshi"),
    ("satoshi", "satoshi"),
];

/// Hundredths of a currency: "50 cents" is $0.50, "197 pence" £1.97.
const CURRENCY_SUBUNITS: &[(&str, &str)] = &[
    ("cents", "USD"),
    ("cent", "USD"),
    ("pence", "GBP"),
    ("pennies", "GBP"),
    ("penny", "GBP"),
    ("p", "GBP"),
];

/// Measure units → canonical singular name. Abbreviations are matched case-
/// sensitively against the word (so "M" or "Ha" in prose are not units).
const MEASURE_UNITS: &[(&str, &str)] = &[
    ("km", "kilometre"),
    ("kms", "kilometre"),
    ("kilometres", "kilometre"),
    ("kilometre", "kilometre"),
    ("kilometers", "kilometre"),
    ("kilometer", "kilometre"),
    ("m", "metre"),
    ("metres", "metre"),
    ("metre", "metre"),
    ("meters", "metre"),
    ("meter", "metre"),
    ("cm", "centimetre"),
    ("centimetres", "centimetre"),
    ("centimeters", "centimetre"),
    ("mm", "millimetre"),
    ("millimetres", "millimetre"),
    ("millimetre", "millimetre"),
    ("millimeters", "millimetre"),
    ("millimeter", "millimetre"),
    ("miles", "mile"),
    ("mile", "mile"),
    ("mi", "mile"),
    ("ha", "hectare"),
    ("hectares", "hectare"),
    ("hectare", "hectare"),
    ("acres", "acre"),
    ("acre", "acre"),
    ("tonnes", "tonne"),
    ("tonne", "tonne"),
    ("tons", "ton"),
    ("ton", "ton"),
    ("t", "tonne"),
    ("kg", "kilogram"),
    ("kgs", "kilogram"),
    ("kilograms", "kilogram"),
    ("kilogram", "kilogram"),
    ("kilos", "kilogram"),
    ("g", "gram"),
    ("grams", "gram"),
    ("lb", "pound"),
    ("lbs", "pound"),
    ("ml", "millilitre"),
    ("l", "litre"),
    ("litres", "litre"),
    ("liters", "litre"),
    ("barrels", "barrel"),
    ("bpd", "barrel per day"),
    ("mph", "mile per hour"),
    ("kph", "kilometre per hour"),
    ("km/h", "kilometre per hour"),
    ("MW", "megawatt"),
    ("GW", "gigawatt"),
    ("kW", "kilowatt"),
    ("hrs", "hour"),
    // "a 87 yo man": years old
    ("yo", "year"),
    ("hr", "hour"),
    ("mins", "minute"),
    ("min", "minute"),
    ("sq", "square"),
    ("KB", "kilobyte"),
    ("MB", "megabyte"),
    ("GB", "gigabyte"),
    ("TB", "terabyte"),
    ("gallons", "gallon"),
    ("gallon", "gallon"),
    ("celsius", "degree celsius"),
    ("celcius", "degree celsius"),
    ("centigrade", "degree celsius"),
    ("fahrenheit", "degree fahrenheit"),
    ("farenheit", "degree fahrenheit"),
    ("inches", "inch"),
    ("inch", "inch"),
    ("feet", "foot"),
    ("foot", "foot"),
    ("ft", "foot"),
    ("yards", "yard"),
    ("yard", "yard"),
    ("yd", "yard"),
    ("ounces", "ounce"),
    ("ounce", "ounce"),
    ("oz", "ounce"),
    ("lbs.", "pound"),
    ("stone", "stone"),
    ("gram", "gram"),
    ("milligrams", "milligram"),
    ("milligram", "milligram"),
    ("mg", "milligram"),
    ("micrograms", "microgram"),
    ("microgram", "microgram"),
    ("microgrammes", "microgram"),
    ("μg", "microgram"),
    ("mcg", "microgram"),
    ("litre", "litre"),
    ("liter", "litre"),
    ("millilitres", "millilitre"),
    ("milliliters", "millilitre"),
    ("gal", "gallon"),
    ("barrel", "barrel"),
    ("tablespoons", "tablespoon"),
    ("tablespoon", "tablespoon"),
    ("tbsp", "tablespoon"),
    ("teaspoons", "teaspoon"),
    ("teaspoon", "teaspoon"),
    ("tsp", "teaspoon"),
    ("cups", "cup"),
    ("cup", "cup"),
    ("decimetres", "decimetre"),
    ("decimeters", "decimetre"),
    ("dm", "decimetre"),
    ("picometers", "picometre"),
    ("picometer", "picometre"),
    ("nanometers", "nanometre"),
    ("nm", "nanometre"),
    ("km2", "square kilometre"),
    ("m2", "square metre"),
    ("kmph", "kilometre per hour"),
    ("km/hr", "kilometre per hour"),
    ("knots", "knot"),
    ("knot", "knot"),
    ("degrees", "degree"),
    ("degree", "degree"),
    ("deg", "degree"),
    ("radians", "radian"),
    ("rad", "radian"),
    ("bits", "bit"),
    ("bit", "bit"),
    ("bytes", "byte"),
    ("byte", "byte"),
    ("kb", "kilobyte"),
    ("mb", "megabyte"),
    ("gb", "gigabyte"),
    ("megabytes", "megabyte"),
    ("gigabytes", "gigabyte"),
    ("kWh", "kilowatt hour"),
    ("MWh", "megawatt hour"),
    ("megawatts", "megawatt"),
    ("kilowatts", "kilowatt"),
    ("watts", "watt"),
    ("volts", "volt"),
    ("calories", "calorie"),
    ("kcal", "kilocalorie"),
];

/// Words that end the counted noun phrase: determiners, pronouns,
/// prepositions, conjunctions, auxiliaries and common reporting verbs.
const STOP_WORDS: &[&str] = &[
    "a",
    "an",
    "the",
    "of",
    "in",
    "on",
    "at",
    "to",
    "for",
    "from",
    "by",
    "with",
    "and",
    "or",
    "but",
    "nor",
    "as",
    "than",
    "that",
    "which",
    "who",
    "whom",
    "whose",
    "this",
    "these",
    "those",
    "its",
    "their",
    "his",
    "her",
    "our",
    "your",
    "my",
    "it",
    "they",
    "them",
    "we",
    "he",
    "she",
    "you",
    "i",
    "into",
    "onto",
    "since",
    "during",
    "after",
    "before",
    "across",
    "per",
    "ago",
    "each",
    "every",
    "while",
    "when",
    "where",
    "whether",
    "if",
    "because",
    "so",
    "about",
    "around",
    "over",
    "under",
    "between",
    "among",
    "amongst",
    "through",
    "throughout",
    "against",
    "within",
    "without",
    "via",
    "including",
    "like",
    "up",
    "down",
    "out",
    "off",
    "more",
    "most",
    "less",
    "least",
    "not",
    "no",
    "only",
    "just",
    "also",
    "even",
    "still",
    "yet",
    "all",
    "both",
    "either",
    "neither",
    "some",
    "any",
    "such",
    "another",
    "own",
    "same",
    "there",
    "here",
    "then",
    "now",
    "today",
    "yesterday",
    "tomorrow",
    "tonight",
    "last",
    "next",
    "according",
    "near",
    "towards",
    "toward",
    "upon",
    "amid",
    "amidst",
    "despite",
    "versus",
    "vs",
    "plus",
    "minus",
    "following",
    "beyond",
    "behind",
    "beside",
    "besides",
    "along",
    "alongside",
    "inside",
    "outside",
    "till",
    "until",
    "unless",
    "although",
    "though",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "am",
    "have",
    "has",
    "had",
    "do",
    "does",
    "did",
    "will",
    "would",
    "could",
    "should",
    "may",
    "might",
    "must",
    "can",
    "shall",
    "died",
    "die",
    "dies",
    "dead",
    "killed",
    "wounded",
    "injured",
    "say",
    "says",
    "said",
    "remain",
    "remains",
    "remained",
    "reported",
    "claimed",
    "went",
    "got",
    "came",
    "took",
    "made",
    "left",
    "lost",
    "old",
    "percent",
    "cent",
    "away",
    // irregular past tenses that end a noun phrase ("6 ships struck", "30 shops fell")
    "struck",
    "fell",
    "rose",
    "fled",
    "held",
    "fought",
    "won",
    "gave",
    "found",
    "kept",
    "met",
    "ran",
    "sent",
    "spent",
    "brought",
    "began",
    "saw",
    "told",
    "stood",
    "led",
    "sold",
    "paid",
    "built",
    "grew",
    "drew",
    "threw",
    "caught",
    "sought",
    "became",
    "went",
    "come",
    "gone",
    "seen",
    "taken",
    "given",
    "ahead",
    "apart",
    "later",
    "earlier",
    "too",
    "very",
    "again",
    "back",
    "what",
];

/// Adjectives often found between a number and its noun; never a head.
const ADJECTIVES: &[&str] = &[
    "other",
    "new",
    "young",
    "armed",
    "unarmed",
    "innocent",
    "additional",
    "extra",
    "local",
    "foreign",
    "separate",
    "suspected",
    "alleged",
    "senior",
    "junior",
    "elite",
    "regular",
    "various",
    "large",
    "small",
    "big",
    "major",
    "minor",
    "total",
    "further",
    "different",
    "heavily",
    "fellow",
    "former",
    "top",
    "key",
    "major",
    "possible",
    "confirmed",
    "full",
    "entire",
    "whole",
    "known",
    "reported",
    "unidentified",
    "unknown",
    "separate",
    "recent",
];

/// Words before a number that make it a label, not an amount ("Article 5").
const LABEL_WORDS: &[&str] = &[
    "section",
    "article",
    "rule",
    "chapter",
    "resolution",
    "paragraph",
    "clause",
    "page",
    "pages",
    "no",
    "nos",
    "number",
    "flight",
    "route",
    "highway",
    "road",
    "room",
    "level",
    "phase",
    "stage",
    "category",
    "grade",
    "class",
    "type",
    "model",
    "version",
    "season",
    "episode",
    "volume",
    "vol",
    "issue",
    "act",
    "part",
    "item",
    "amendment",
    "figure",
    "fig",
    "table",
    "bus",
    "line",
    "platform",
    "gate",
    "terminal",
    "district",
    "zone",
    "sector",
    "block",
    "apartment",
    "apt",
    "suite",
    "unit",
    "building",
    "floor",
    "row",
    "seat",
    "box",
    "code",
    "bill",
    "order",
    "decree",
    "law",
    "protocol",
    "regulation",
    "directive",
    "title",
    "tier",
    "week",
    "day",
    "round",
    "game",
    "match",
    "lane",
    "exit",
    "junction",
    "channel",
    "ward",
    "precinct",
    "division",
    "squad",
    "battalion",
    "brigade",
    "regiment",
    "appendix",
    "annex",
    "schedule",
    "magnitude",
    "pp",
    "p",
    "nr",
    "nrs",
    "ref",
    "step",
    "verse",
    "psalm",
    "boeing",
    "airbus",
    "windows",
    "iphone",
    "galaxy",
];

/// Street words that make a preceding number a street number.
const STREET_WORDS: &[&str] = &[
    "street",
    "st",
    "road",
    "rd",
    "avenue",
    "ave",
    "boulevard",
    "blvd",
    "lane",
    "ln",
    "drive",
    "dr",
    "way",
    "place",
    "pl",
    "square",
    "sq",
    "court",
    "ct",
    "terrace",
    "crescent",
    "close",
    "rue",
    "via",
    "calle",
    "rua",
    "strasse",
    "straße",
    "platz",
    "allee",
    "avenida",
    "chaussée",
    "quai",
    "parkway",
    "pkwy",
    "plaza",
    "piazza",
];

/// Nouns of time: a 4-digit number before them is still a year ("2020 years" is rare,
/// "1990 elections" is not a count but never mind).
const TIME_NOUNS: &[&str] = &[
    "second",
    "minute",
    "hour",
    "day",
    "week",
    "month",
    "year",
    "decade",
    "century",
    "season",
    "term",
    "night",
    "morning",
    "evening",
    "afternoon",
    "election",
    "budget",
    "census",
    "report",
    "survey",
    "edition",
    "olympics",
    "world",
    "cup",
    "summit",
];

/// Determiners after "of" in "30 of the soldiers".
const OF_DETERMINERS: &[&str] = &[
    "the", "its", "their", "his", "her", "our", "your", "my", "these", "those",
];

/// Determiners/possessives that make a following "scores"/"thousands" a noun
/// ("test scores", "the thousands who marched" is kept out for safety).
const DETERMINERS: &[&str] = &[
    "the", "their", "its", "his", "her", "our", "your", "my", "these", "those", "test", "high",
    "low", "top", "final", "credit", "exam", "average", "record", "whose", "of",
];

/// Words right before a 4-digit number that mark it as a year.
/// Only temporal words: "the deaths of 1500 troops" is still a count, while
/// "the 2015 attacks" and "in 2019 protesters…" are years.
const YEAR_PREPOSITIONS: &[&str] = &[
    "in", "since", "by", "until", "till", "the", "during", "before", "after", "early", "late",
    "mid", "spring", "summer", "autumn", "winter", "fall", "year", "circa",
];

// ---------------------------------------------------------------------------
// Small helpers (no allocation)
// ---------------------------------------------------------------------------

type Res<'a, T> = IResult<&'a str, T>;

fn fail<T>(i: &str) -> Res<'_, T> {
    Err(nom::Err::Error(Error::new(i, ErrorKind::Tag)))
}

/// A capitalised month name ("May", "Aug"): lower-case "may" is the verb.
fn month_word(w: &str) -> bool {
    w.starts_with(|c: char| c.is_ascii_uppercase()) && is_month_name(w)
}

fn in_list(list: &[&str], w: &str) -> bool {
    list.iter().any(|x| x.eq_ignore_ascii_case(w))
}

fn lookup<T: Copy>(table: &[(&str, T)], w: &str) -> Option<T> {
    table
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(w))
        .map(|(_, v)| *v)
}

/// Horizontal white space, including no-break and thin spaces.
fn is_hspace(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{a0}' | '\u{2009}' | '\u{202f}')
}

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '–' | '—' | '‑')
}

// sp1 := hspace+
fn sp1(i: &str) -> Res<'_, &str> {
    take_while1(is_hspace).parse(i)
}

// sp0 := hspace*
fn sp0(i: &str) -> Res<'_, &str> {
    take_while(is_hspace).parse(i)
}

// boundary := !alnum   (end of a word)
fn boundary(i: &str) -> Res<'_, ()> {
    not(satisfy(|c: char| c.is_alphanumeric())).parse(i)
}

// ci(w) := w, ASCII case-insensitive. Hand-rolled instead of nom's
// `tag_no_case` because that compares Unicode lowercase forms and can then
// split a multi-byte char (e.g. KELVIN SIGN vs "k"); `w` is ASCII so a match
// here always ends on a char boundary.
fn ci<'a>(w: &'static str) -> impl Fn(&'a str) -> Res<'a, &'a str> {
    move |i: &'a str| {
        let b = i.as_bytes();
        if b.len() >= w.len() && b[..w.len()].eq_ignore_ascii_case(w.as_bytes()) {
            Ok((&i[w.len()..], &i[..w.len()]))
        } else {
            fail(i)
        }
    }
}

// phrase(p) := w1 (sp1 w2)* boundary   -- the words of `p`, case-insensitive
fn phrase<'a>(p: &'static str) -> impl Fn(&'a str) -> Res<'a, &'a str> {
    move |i: &'a str| {
        // Most positions tried are no phrase: a first byte that differs says
        // so before the phrase is split into words.
        if !matches!((i.as_bytes().first(), p.as_bytes().first()), (Some(a), Some(b)) if a.eq_ignore_ascii_case(b))
        {
            return fail(i);
        }
        let mut rest = i;
        for (k, w) in p.split(' ').enumerate() {
            if k > 0 {
                rest = sp1(rest)?.0;
            }
            rest = ci(w)(rest)?.0;
            // "ca." and "approx." end in a dot, which is its own boundary.
            if !w.ends_with('.') {
                rest = boundary(rest)?.0;
            }
        }
        Ok((rest, &i[..i.len() - rest.len()]))
    }
}

// hyphen := "-"
fn hyphen(i: &str) -> Res<'_, char> {
    ch('-').parse(i)
}

// word := alpha+
fn word(i: &str) -> Res<'_, &str> {
    take_while1(|c: char| c.is_alphabetic()).parse(i)
}

// noun_word := alpha (alpha | "-" | "'" | "’")*   with trailing "-'’" trimmed
fn noun_word(i: &str) -> Res<'_, &str> {
    peek(satisfy(|c: char| c.is_alphabetic())).parse(i)?;
    let (_, w) =
        take_while1(|c: char| c.is_alphabetic() || matches!(c, '-' | '\'' | '’')).parse(i)?;
    let mut t = w.trim_end_matches(['-', '\'', '’']);
    // A possessive "'s" is not part of the noun ("the army's"); the rest of
    // the input then starts with the apostrophe, which ends the phrase.
    for suffix in ["'s", "’s", "'S", "’S"] {
        if let Some(stem) = t.strip_suffix(suffix) {
            t = stem;
        }
    }
    if t.is_empty() {
        return fail(i);
    }
    Ok((&i[t.len()..], t))
}

/// The word ending just before byte `pos` (skipping horizontal space only),
/// looking back at most `LOOKBACK` bytes.
fn prev_word(text: &str, pos: usize) -> Option<&str> {
    let before = &text[..pos];
    let mut end = before.len();
    let mut steps = 0;
    for (idx, c) in before.char_indices().rev() {
        steps += 1;
        if steps > LOOKBACK {
            return None;
        }
        if is_hspace(c) {
            end = idx;
            continue;
        }
        break;
    }
    let head = &before[..end];
    let mut start = end;
    let mut steps = 0;
    for (idx, c) in head.char_indices().rev() {
        steps += 1;
        if steps > LOOKBACK || !(c.is_alphabetic() || c == '.') {
            break;
        }
        start = idx;
    }
    let w = head[start..end].trim_matches('.');
    if w.is_empty() { None } else { Some(w) }
}

/// The char just before byte `pos`.
fn prev_char(text: &str, pos: usize) -> Option<char> {
    text[..pos].chars().next_back()
}

fn prev2_char(text: &str, pos: usize) -> Option<char> {
    let mut it = text[..pos].chars().rev();
    it.next();
    it.next()
}

/// Only white space between the start of the line and `pos`?
fn at_line_start(text: &str, pos: usize) -> bool {
    for (steps, c) in text[..pos].chars().rev().enumerate() {
        if c == '\n' || c == '\r' {
            return true;
        }
        if !c.is_whitespace() || steps > LOOKBACK {
            return false;
        }
    }
    true
}

/// Whether a quantity can start at `i`, judged by its first word alone: a
/// word of letters must be one that some path of [`mention_at`] begins with
/// (a number word, a bound, a vague amount, a currency code or qualifier,
/// "between", "from", "aged"…). Most words of prose are none of these, and
/// this look-up is far cheaper than trying the grammar on them. Anything
/// else (digits, signs, symbols, a word with other letters than ASCII) is
/// left to the grammar.
fn may_start_quantity(i: &str) -> bool {
    let letters = i.bytes().take_while(u8::is_ascii_alphabetic).count();
    if letters == 0 || i[letters..].starts_with(|c: char| c.is_alphabetic()) {
        return true;
    }
    starting_words().contains(&i[..letters])
}

/// The leading letters of every word a path of [`mention_at`] may begin
/// with, from the grammar's own tables.
fn starting_words() -> &'static super::WordSet {
    static SET: std::sync::OnceLock<super::WordSet> = std::sync::OnceLock::new();
    SET.get_or_init(|| {
        let lead = |w: &str| -> Vec<u8> { w.bytes().take_while(u8::is_ascii_alphabetic).collect() };
        let mut words: Vec<Vec<u8>> = [
            "a", "an", "half", "quarter", "age", "aged", "between", "from", "minus", "negative",
            "rs",
        ]
        .iter()
        .map(|w| lead(w))
        .collect();
        words.extend(PREFIXES.iter().map(|(w, _)| lead(w)));
        words.extend(NUMBER_WORDS.iter().map(|(w, _)| lead(w)));
        words.extend(FRACTION_WORDS.iter().map(|(w, _)| lead(w)));
        words.extend(VAGUE.iter().map(|(w, _, _)| lead(w)));
        words.extend(SCALE_ABBREVS.iter().map(|(w, _, _)| lead(w)));
        words.extend(CURRENCY_SYMBOLS.iter().map(|(w, _)| lead(w)));
        words.extend(DOLLAR_QUALIFIERS.iter().map(|(w, _)| lead(w)));
        words.extend(CURRENCY_WORDS.iter().map(|(w, _)| lead(w)));
        words.extend(LOWERCASE_CODES.iter().map(|(w, _)| lead(w)));
        for code in ISO_CODES {
            words.push(lead(code));
            for scale in ["m", "mm", "k"] {
                words.push(lead(&format!("{scale}{code}")));
            }
        }
        super::WordSet::new(words.iter().map(Vec::as_slice))
    })
}

fn is_candidate_start(text: &str, pos: usize, c: char) -> bool {
    if matches!(c, '-' | '−' | '.') {
        // "-5" or ".5" standing alone (not "COVID-19", "v.5", "30-40")
        return text[pos + c.len_utf8()..].starts_with(|d: char| d.is_ascii_digit())
            && prev_char(text, pos)
                .is_none_or(|p| p.is_whitespace() || matches!(p, '(' | '[' | '"' | '“'));
    }
    if matches!(c, '+' | '(') {
        // "+1 202 555 0143", "(202) 555-0143": only so that phones are skipped whole.
        return text[pos + 1..].starts_with(|d: char| d.is_ascii_digit())
            && !prev_char(text, pos).is_some_and(|p| p.is_alphanumeric());
    }
    if lookup_vulgar(c).is_some() {
        return prev_char(text, pos).is_none_or(|p| !p.is_alphanumeric());
    }
    if !(c.is_alphanumeric()
        || matches!(c, '~' | '>' | '<' | '≥' | '≤')
        || CURRENCY_SYMBOLS.iter().any(|(s, _)| s.starts_with(c)))
    {
        return false;
    }
    match prev_char(text, pos) {
        None => true,
        Some(p) if p.is_alphanumeric() => false,
        // "COVID-19", "A-10", "v1.2": digits glued to a word by a dash, dot
        // or slash belong to a code.
        Some(p) if c.is_ascii_digit() && (is_dash(p) || matches!(p, '.' | '/' | ':' | ',')) => {
            !prev2_char(text, pos).is_some_and(|q| q.is_alphanumeric())
        }
        Some(_) => true,
    }
}

fn looks_plural(w: &str) -> bool {
    if w.len() < 3 || INVARIANT_NOUNS.iter().any(|n| n.eq_ignore_ascii_case(w)) {
        return false;
    }
    let s = singular(w);
    s.len() != w.len()
        || IRREGULAR_PLURALS
            .iter()
            .any(|(p, _)| p.eq_ignore_ascii_case(w))
}

fn is_capitalized(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_uppercase())
}

/// Adjective-like by form: participles, adverbs, demonyms and common
/// adjective suffixes. Used to keep such words out of `modifiers`.
fn adjective_like(w: &str, head_capitalized: bool) -> bool {
    let l = w.to_ascii_lowercase();
    if in_list(ADJECTIVES, &l) {
        return true;
    }
    if !head_capitalized && is_capitalized(w) {
        // Proper adjectives and names in lower-case prose ("Malian", "US").
        return true;
    }
    const SUFFIXES: &[&str] = &[
        "ed", "ing", "ly", "al", "ous", "ive", "ful", "ic", "ian", "ese", "ish", "less", "able",
        "ible", "ary", "an", "i",
    ];
    SUFFIXES
        .iter()
        .any(|s| l.len() > s.len() + 2 && l.ends_with(s))
}

fn participle_or_adverb(w: &str) -> bool {
    let l = w.as_bytes();
    let ends = |s: &[u8]| l.len() > s.len() + 2 && l[l.len() - s.len()..].eq_ignore_ascii_case(s);
    ends(b"ed") || ends(b"ing") || ends(b"ly")
}

// ---------------------------------------------------------------------------
// Number parsers
// ---------------------------------------------------------------------------

#[derive(Clone, Copy, Debug)]
struct Num<'a> {
    /// The number's text, scale included ("2.5bn", "one hundred and twenty").
    text: &'a str,
    value: f64,
    /// The scale factor applied (1 when none), for "2 to 3 million".
    scale: f64,
    /// Plain digits without comma, decimals or scale (year candidates).
    plain_digits: bool,
    /// Written in words.
    words: bool,
    /// The single word "one" (pronoun risk).
    bare_one: bool,
}

// digits := [0-9]{1,3} ("," [0-9]{3} !digit)+ ("." [0-9]+)? | [0-9]+ ("." [0-9]+)?
// Returns (text, value, plain): plain = no comma and no decimals.
fn digits(i: &str) -> Res<'_, (&str, f64, bool)> {
    // ".08": a decimal without its leading zero
    let (mut rest, int) = if i.starts_with('.') {
        peek(preceded(ch('.'), satisfy(|c: char| c.is_ascii_digit()))).parse(i)?;
        (i, "")
    } else {
        take_while1(|c: char| c.is_ascii_digit()).parse(i)?
    };
    let mut plain = true;
    // Indian grouping: "12,34,567", pairs of digits before the last three
    let indian = if (1..=2).contains(&int.len()) {
        indian_groups(rest)
    } else {
        0
    };
    if indian > 0 {
        rest = &rest[indian..];
        plain = false;
    } else if !int.is_empty() && int.len() <= 3 {
        // thousands groups; a comma not followed by exactly three digits is punctuation
        loop {
            let group: Res<'_, &str> = preceded(
                satisfy(|c: char| {
                    c == ',' || matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}')
                }),
                terminated(
                    take_while_m_n(3, 3, |c: char| c.is_ascii_digit()),
                    not(satisfy(|c: char| c.is_ascii_digit())),
                ),
            )
            .parse(rest);
            match group {
                Ok((r, _)) => {
                    rest = r;
                    plain = false;
                }
                Err(_) => break,
            }
        }
    }
    if let Ok((r, _)) = preceded(
        ch::<&str, Error<&str>>('.'),
        take_while1(|c: char| c.is_ascii_digit()),
    )
    .parse(rest)
    {
        rest = r;
        plain = false;
    }
    let text = &i[..i.len() - rest.len()];
    // Value from the digits, without allocating.
    // The fraction is summed as an integer and divided once, so "0.23456"
    // is the correctly rounded double.
    let mut v = 0.0f64;
    let mut frac = 0.0f64;
    let mut div = 1.0f64;
    let mut after_dot = false;
    for b in text.bytes() {
        match b {
            b'0'..=b'9' if after_dot => {
                div *= 10.0;
                frac = frac * 10.0 + f64::from(b - b'0');
            }
            b'0'..=b'9' => v = v * 10.0 + f64::from(b - b'0'),
            b'.' => after_dot = true,
            _ => {}
        }
    }
    Ok((rest, (text, v + frac / div, plain)))
}

/// The length of the ("," dd)+ "," ddd groups of an Indian-grouped number
/// after its first one or two digits ("12,34,567"), or 0.
fn indian_groups(i: &str) -> usize {
    let b = i.as_bytes();
    let digit = |k: usize| b.get(k).is_some_and(u8::is_ascii_digit);
    let mut k = 0;
    while b.get(k) == Some(&b',') && digit(k + 1) && digit(k + 2) && b.get(k + 3) == Some(&b',') {
        k += 3;
    }
    if k > 0 && b.get(k) == Some(&b',') && (1..=3).all(|d| digit(k + d)) && !digit(k + 4) {
        k + 4
    } else {
        0
    }
}

// numword := one of NUMBER_WORDS, whole word
// scale_abbrev := one of SCALE_ABBREVS boundary   (case-sensitive)
fn scale_abbrev(i: &str) -> Res<'_, (f64, bool)> {
    let (r, w) = word(i)?;
    match SCALE_ABBREVS.iter().find(|(k, _, _)| *k == w) {
        Some((_, s, c)) => Ok((r, (*s, *c))),
        None => fail(i),
    }
}

/// Unicode vulgar fractions.
fn lookup_vulgar(c: char) -> Option<f64> {
    Some(match c {
        '½' => 0.5,
        '¼' => 0.25,
        '¾' => 0.75,
        '⅓' => 1.0 / 3.0,
        '⅔' => 2.0 / 3.0,
        '⅕' => 0.2,
        '⅖' => 0.4,
        '⅗' => 0.6,
        '⅘' => 0.8,
        '⅙' => 1.0 / 6.0,
        '⅚' => 5.0 / 6.0,
        '⅛' => 0.125,
        '⅜' => 0.375,
        '⅝' => 0.625,
        '⅞' => 0.875,
        _ => return None,
    })
}

fn number_word(i: &str) -> Res<'_, NumWord> {
    let (rest, w) = word(i)?;
    match lookup(NUMBER_WORDS, w) {
        Some(n) => Ok((rest, n)),
        None => fail(i),
    }
}

// mult_word := "hundred" | "thousand" | "million" | "billion" | "trillion" | "dozen"
fn mult_word(i: &str) -> Res<'_, f64> {
    let (rest, n) = number_word(i)?;
    match n {
        NumWord::Hundred => Ok((rest, 100.0)),
        NumWord::Scale(s) => Ok((rest, s)),
        NumWord::Dozen => Ok((rest, 12.0)),
        _ => fail(i),
    }
}

// word_number := ("a" | "an") sp1 mult_word (sep numword)*
//              | "half" sp1 ("a" sp1)? mult_word
//              | numword (sep numword)*
// sep         := "-" | sp1 ("and" sp1)?
// A state machine accepts only well-formed sequences ("thirty one",
// "two hundred and five", "1 million" style scales in falling order) and
// stops before the first token that does not fit, so "one two three" is
// three numbers and a long run of number words is consumed in one pass.
fn word_number(i: &str) -> Res<'_, Num<'_>> {
    #[derive(PartialEq, Clone, Copy)]
    enum Last {
        Start,
        Unit,
        Teen,
        Tens,
        Hundred,
        Scale,
        Dozen,
    }
    // half a million / half a dozen / quarter million
    let part = terminated(ci("half"), boundary)
        .parse(i)
        .map(|(r, _)| (r, 0.5))
        .or_else(|_| {
            terminated(ci("quarter"), boundary)
                .parse(i)
                .map(|(r, _)| (r, 0.25))
        });
    if let Ok((r, part)) = part {
        if let Ok((r, m)) =
            preceded(sp1, preceded(opt(terminated(phrase("a"), sp1)), mult_word)).parse(r)
        {
            let text = &i[..i.len() - r.len()];
            let n = Num {
                text,
                value: part * m,
                scale: m,
                plain_digits: false,
                words: true,
                bare_one: false,
            };
            return Ok((r, n));
        }
        return fail(i);
    }
    let mut total = 0.0f64;
    let mut current = 0.0f64;
    let mut last = Last::Start;
    let mut last_scale = f64::INFINITY;
    let mut scale_seen = 1.0f64;
    let mut tokens = 0usize;
    let mut rest = i;
    let mut first_is_one = false;
    let mut small = 0.0f64;
    // scale groups so far ("two million three thousand" has two)
    let mut groups = 0usize;
    // "a hundred", "a dozen": "a" counts as one, but only before a multiplier.
    if let Ok((r, _)) = preceded(alt_a_an, sp1).parse(i) {
        if peek(mult_word).parse(r).is_ok() {
            current = 1.0;
            small = 1.0;
            last = Last::Unit;
            rest = r;
        } else {
            return fail(i);
        }
    }
    loop {
        // separator (not consumed unless a fitting token follows)
        let (after_sep, had_and) = if tokens == 0 && last == Last::Start {
            (rest, false)
        } else if tokens == 0 {
            // right after "a "
            (rest, false)
        } else if let Ok((r, _)) = (sp1, phrase("and"), sp1).parse(rest) {
            (r, true)
        } else if let Some(r) = spaced_hyphen(rest).filter(|_| last == Last::Tens) {
            // "fifty - two": a hyphen written with spaces, tens to units only
            match number_word(r) {
                Ok((_, NumWord::Unit(v))) if v >= 1.0 => (r, false),
                _ => break,
            }
        } else if let Ok((r, _)) = sp1(rest) {
            (r, false)
        } else if let Ok((r, _)) = hyphen(rest) {
            (r, false)
        } else {
            break;
        };
        // "and" only joins a hundred or a scale to what follows ("one hundred and
        // twenty"); "twenty and three fifths" is a mixed number, parsed elsewhere.
        if had_and && !matches!(last, Last::Hundred | Last::Scale) {
            break;
        }
        let Ok((r, nw)) = number_word(after_sep) else {
            break;
        };
        let ok = match nw {
            NumWord::Unit(v) => {
                let fits = match last {
                    Last::Start | Last::Hundred | Last::Scale => true,
                    Last::Tens => v >= 1.0,
                    _ => false,
                };
                if fits {
                    if tokens == 0 && v == 1.0 {
                        first_is_one = true;
                    }
                    small = if last == Last::Tens { small + v } else { v };
                    current += v;
                    last = Last::Unit;
                }
                fits
            }
            NumWord::Teen(v) | NumWord::Tens(v) => {
                let fits = matches!(last, Last::Start | Last::Hundred | Last::Scale);
                if fits {
                    small = v;
                    current += v;
                    last = if matches!(nw, NumWord::Teen(_)) {
                        Last::Teen
                    } else {
                        Last::Tens
                    };
                }
                fits
            }
            // "hundred thousand dollars": a bare "hundred" opens a number only
            // before a larger scale ("the Hundred" is a cricket competition)
            NumWord::Hundred if last == Last::Start => {
                let scale_next = preceded(sp1, number_word)
                    .parse(r)
                    .is_ok_and(|(_, n)| matches!(n, NumWord::Scale(_)));
                if scale_next {
                    current = 100.0;
                    last = Last::Hundred;
                }
                scale_next
            }
            NumWord::Hundred => {
                let fits = matches!(last, Last::Unit | Last::Teen | Last::Tens)
                    && current > 0.0
                    && current < 100.0
                    && !had_and;
                if fits {
                    current *= 100.0;
                    last = Last::Hundred;
                }
                fits
            }
            // "three lakh crore", "two thousand million": a larger scale right
            // after the only one so far multiplies it
            NumWord::Scale(s)
                if last == Last::Scale
                    && s > last_scale
                    && groups == 1
                    && current == 0.0
                    && !had_and =>
            {
                total *= s;
                last_scale *= s;
                scale_seen = last_scale;
                true
            }
            NumWord::Scale(s) => {
                let fits = matches!(last, Last::Unit | Last::Teen | Last::Tens | Last::Hundred)
                    && s < last_scale
                    && !had_and;
                if fits {
                    groups += 1;
                    total += current * s;
                    current = 0.0;
                    last_scale = s;
                    scale_seen = s;
                    last = Last::Scale;
                }
                fits
            }
            NumWord::Dozen => {
                let fits = matches!(last, Last::Unit | Last::Teen | Last::Tens) && !had_and;
                if fits {
                    // "three hundred and two dozen": only the last small number is multiplied
                    current += small * 11.0;
                    scale_seen = 12.0;
                    last = Last::Dozen;
                }
                fits
            }
        };
        if !ok {
            break;
        }
        // "and" only joins a hundred/scale to what follows
        if had_and && !matches!(last, Last::Unit | Last::Teen | Last::Tens) {
            break;
        }
        tokens += 1;
        rest = r;
        if last == Last::Dozen {
            break;
        }
    }
    if tokens == 0 {
        return fail(i);
    }
    let text = &i[..i.len() - rest.len()];
    let n = Num {
        text,
        value: total + current,
        scale: scale_seen,
        plain_digits: false,
        words: true,
        bare_one: first_is_one && tokens == 1 && last == Last::Unit,
    };
    Ok((rest, n))
}

/// The rest after " - ", a hyphen with a space on each side.
fn spaced_hyphen(i: &str) -> Option<&str> {
    (sp1, hyphen, sp1).parse(i).ok().map(|(r, _)| r)
}

/// Where the last " and " of a spoken number starts, in any case.
fn last_and(text: &str) -> Option<usize> {
    text.as_bytes()
        .windows(5)
        .rposition(|w| w.eq_ignore_ascii_case(b" and "))
}

// alt_a_an := "a" | "an"   (whole word)
fn alt_a_an(i: &str) -> Res<'_, &str> {
    let (r, w) = word(i)?;
    if w.eq_ignore_ascii_case("a") || w.eq_ignore_ascii_case("an") {
        Ok((r, w))
    } else {
        fail(i)
    }
}

// denominator := tens ("-" | sp1) unit_ordinal "s"?      -- "twenty-fifth", "thirty firsts"
//              | "half" | "halves" | "third" "s"? | "quarter" "s"? | "fifth" "s"? …
//                | "thirtieth" "s"? … | "hundredth" "s"? …
// unit_ordinal := "first" | "second" (after "-" only) | "third" | … | "ninth"
// Returns the denominator, whether it is plural, and whether it is a plain
// unit ordinal ("fifths", not "quarters"), which a tens word before it may join.
fn denominator(i: &str) -> Res<'_, Denominator> {
    if let Ok((r, NumWord::Tens(t))) = number_word(i) {
        let (r, hyphenated) = match hyphen(r) {
            Ok((r, _)) => (r, true),
            Err(_) => (sp1(r)?.0, false),
        };
        let (r, w) = word(r)?;
        let (stem, plural) = plural_stem(w);
        return match unit_ordinal(stem) {
            // "twenty seconds" is a time; "twenty-seconds" a fraction
            Some(u) if hyphenated || u != 2.0 => Ok((
                r,
                Denominator {
                    den: t + u,
                    plural,
                    unit: false,
                },
            )),
            _ => fail(i),
        };
    }
    let (r, w) = word(i)?;
    let (stem, plural) = plural_stem(w);
    if w.eq_ignore_ascii_case("halves") {
        return Ok((
            r,
            Denominator {
                den: 2.0,
                plural: true,
                unit: false,
            },
        ));
    }
    match lookup(FRACTION_WORDS, stem) {
        Some(den) => Ok((
            r,
            Denominator {
                den,
                plural,
                unit: unit_ordinal(stem).is_some(),
            },
        )),
        None => fail(i),
    }
}

#[derive(Clone, Copy)]
struct Denominator {
    den: f64,
    plural: bool,
    /// A unit ordinal, "third" to "ninth".
    unit: bool,
}

/// A word without its plural "s", and whether it had one.
fn plural_stem(w: &str) -> (&str, bool) {
    match w.len() {
        n if n > 3 && (w.ends_with('s') || w.ends_with('S')) => (&w[..n - 1], true),
        _ => (w, false),
    }
}

/// The ordinals of 1–9 that end a compound ordinal ("twenty-first").
fn unit_ordinal(w: &str) -> Option<f64> {
    const ORDINALS: &[(&str, f64)] = &[
        ("first", 1.0),
        ("second", 2.0),
        ("third", 3.0),
        ("fourth", 4.0),
        ("fifth", 5.0),
        ("sixth", 6.0),
        ("seventh", 7.0),
        ("eighth", 8.0),
        ("ninth", 9.0),
    ];
    lookup(ORDINALS, w)
}

// simple_fraction := ("a" | "an" | word_number) ("-" | " - " | sp1) denominator
//                    -- a singular denominator other than "half" must be followed by
//                       "of" or by no further word ("a third attack" is an ordinal),
//                       and has a numerator of one ("two millionth" is an ordinal),
//                       unless hyphenated and small ("a two-third majority");
//                       a scaled numerator needs a plural ("a hundred trillionths")
//                  | "half" &(sp1 "of")
// A numerator ending in a tens word gives it to a unit ordinal after it:
// "one hundred thirty-fifths" is 100/35, but "one hundred and thirty
// fifths" 130/5 and "twenty one fifths" 21/5.
fn simple_fraction(i: &str) -> Res<'_, Num<'_>> {
    let of_follows = |r| peek((sp1, phrase("of"))).parse(r).is_ok();
    // a content word after a singular "third" makes it an ordinal ("a third attack")
    let word_follows = |r| {
        preceded(sp1, word)
            .parse(r)
            .is_ok_and(|(_, w)| !in_list(STOP_WORDS, w) && mult_word(w).is_err())
    };
    if let Ok((r, _)) = terminated(ci("half"), boundary).parse(i) {
        if of_follows(r) {
            let n = Num {
                text: &i[..4],
                value: 0.5,
                scale: 1.0,
                plain_digits: false,
                words: true,
                bare_one: false,
            };
            return Ok((r, n));
        }
        return fail(i);
    }
    // The part of a spoken numerator after its last "and" ("three" in "one
    // hundred and three"), which may instead begin a mixed number.
    let mut after_and: Option<f64> = None;
    // "a hundred trillionths": the article belongs to the numerator
    let article = alt_a_an(i)
        .ok()
        .filter(|(r, _)| peek((sp1, mult_word)).parse(r).is_err());
    let (r, (mut num, numerator, scaled)) = match article {
        Some((r, _)) => (r, (1.0, None, false)),
        None => {
            let (r, n) = word_number(i)?;
            if let Some(k) = last_and(n.text) {
                after_and = word_number(&n.text[k + 5..]).ok().map(|(_, t)| t.value);
            }
            (r, (n.value, Some(n.text), n.scale != 1.0))
        }
    };
    let article = article.is_some();
    let (r, hyphenated) = if let Some(r) = spaced_hyphen(r) {
        (r, true)
    } else if let Ok((r, _)) = sp1(r) {
        (r, false)
    } else {
        (hyphen(r)?.0, true)
    };
    let (r, d) = denominator(r)?;
    let Denominator {
        mut den, plural, ..
    } = d;
    // "one hundred thirty fifths": the tens word joins the ordinal
    if let (true, Some(t)) = (d.unit, numerator) {
        if let Some(k) = t.rfind([' ', '-']) {
            let head = &t[..k];
            let tens = match number_word(&t[k + 1..]) {
                Ok(("", NumWord::Tens(v))) => Some(v),
                _ => None,
            };
            // the head must be a whole number: not "one hundred and"
            if let Some(tv) = tens {
                if let Ok(("", h)) = word_number(head) {
                    num = h.value;
                    den += tv;
                    after_and = None;
                }
            }
        }
    }
    // "one hundred and three quarters" is 100¾, a mixed number (see
    // `word_amount`); "one hundred and thirty-two fifths" is 132/5.
    if after_and.is_some_and(|a| a < den) {
        return fail(i);
    }
    let half = den == 2.0;
    if !plural && !half && !of_follows(r) && word_follows(r) {
        return fail(i);
    }
    let small_hyphenated = hyphenated && den <= 10.0;
    if num > 1.0 && !(plural || half || small_hyphenated) {
        return fail(i);
    }
    if (plural && article) || (scaled && !plural) {
        return fail(i);
    }
    let text = &i[..i.len() - r.len()];
    Ok((
        r,
        Num {
            text,
            value: num / den,
            scale: 1.0,
            plain_digits: false,
            words: true,
            bare_one: false,
        },
    ))
}

// word_amount := simple_fraction (sp1 "of" sp1 ("a" | "an") sp1 mult_word)?
//              | word_number sp1 "and" sp1 simple_fraction (sp1 mult_word)?
//                -- "one and a half million", "three million and a quarter"
//              | word_number sp1 "point" (sp1 word_number)+      -- "five point two five"
//              | word_number
fn word_amount(i: &str) -> Res<'_, Num<'_>> {
    if let Ok((r, f)) = simple_fraction(i) {
        // "a quarter of a million", "two thirds of a billion"
        // "a quarter of a million", "two thirds of a billion", "a quarter million"
        let of_a = preceded((sp1, phrase("of"), sp1, alt_a_an, sp1), mult_word).parse(r);
        if let Ok((r2, m)) = of_a.or_else(|_| preceded(sp1, mult_word).parse(r)) {
            let n = Num {
                text: &i[..i.len() - r2.len()],
                value: f.value * m,
                scale: m,
                ..f
            };
            return Ok((r2, n));
        }
        return Ok((r, f));
    }
    let (r, whole) = word_number(i)?;
    // "two hundred and fifty-four hundredths", "two million and one half":
    // the last "and" begins the fraction, as in the US way of reading
    // mixed numbers; the whole part is what comes before it.
    let denominator_follows = preceded(sp1, denominator).parse(r).is_ok()
        || preceded(hyphen, denominator).parse(r).is_ok();
    if denominator_follows {
        if let Some(k) = last_and(whole.text) {
            let (r_whole, head) = word_number(&i[..k])?;
            if r_whole.is_empty() {
                // Only a proper fraction makes a mixed number: "one hundred
                // and thirty-two fifths" is 132/5.
                let frac = simple_fraction(&i[k + 5..])
                    .ok()
                    .filter(|(_, f)| f.value < 1.0);
                if let Some((r2, frac)) = frac {
                    // "one billion and three quarters million"
                    let (r2, v) = match preceded(sp1, mult_word).parse(r2) {
                        Ok((r3, m)) => (r3, head.value + frac.value * m),
                        Err(_) => (r2, head.value + frac.value * head.scale.max(1.0)),
                    };
                    let n = Num {
                        text: &i[..i.len() - r2.len()],
                        value: v,
                        scale: head.scale,
                        plain_digits: false,
                        words: true,
                        bare_one: false,
                    };
                    return Ok((r2, n));
                }
            }
        }
    }
    let made = |r: &'_ str, value: f64, scale: f64| Num {
        text: &i[..i.len() - r.len()],
        value,
        scale,
        plain_digits: false,
        words: true,
        bare_one: false,
    };
    if let Ok((r2, frac)) = preceded((sp1, phrase("and"), sp1), simple_fraction).parse(r) {
        if let Ok((r3, m)) = preceded(sp1, mult_word).parse(r2) {
            // "one and a half million" / "one billion and a half million"
            let v = if whole.scale == 1.0 {
                (whole.value + frac.value) * m
            } else {
                whole.value + frac.value * m
            };
            return Ok((r3, made(r3, v, m)));
        }
        // "three million and a half" is 3.5 million; "three and a half" is 3.5
        let v = whole.value + frac.value * whole.scale.max(1.0);
        return Ok((r2, made(r2, v, whole.scale)));
    }
    if let Ok((mut r2, _)) = (sp1, phrase("point")).parse(r) {
        // decimal digits spoken one group at a time: "point zero three", "point seventy-one"
        let mut num = 0.0f64;
        let mut digits = 0i32;
        while let Ok((r3, d)) = preceded(sp1, word_number).parse(r2) {
            if d.scale != 1.0 || d.value.fract() != 0.0 || digits > 15 {
                break;
            }
            let n = if d.value == 0.0 {
                1
            } else {
                d.value.log10().floor() as i32 + 1
            };
            num = num * 10f64.powi(n) + d.value;
            digits += n;
            r2 = r3;
        }
        if digits > 0 {
            let v = whole.value + num / 10f64.powi(digits);
            return Ok((r2, made(r2, v, 1.0)));
        }
    }
    Ok((r, whole))
}

// digit_number := digits ( sp1 mult_word | scale_abbrev boundary )?
fn digit_number(i: &str, currency: bool) -> Res<'_, Num<'_>> {
    let (rest, (written, mut v, mut plain)) = digits(i)?;
    let mut rest = rest;
    // exponent := ("e" | "E") ("+" | "-")? digit{1,3} boundary   ("1.3e6")
    if let Ok((r, (_, sign, e))) = (
        satisfy(|c| c == 'e' || c == 'E'),
        opt(satisfy(|c| c == '+' || c == '-')),
        terminated(take_while_m_n(1, 3, |c: char| c.is_ascii_digit()), boundary),
    )
        .parse(rest)
    {
        let e: i32 = e.parse().unwrap_or(0);
        v *= 10f64.powi(if sign == Some('-') { -e } else { e });
        plain = false;
        rest = r;
    } else if let Ok((r, e)) = preceded(
        (
            satisfy(|c| matches!(c, 'x' | '×' | '*')),
            ch('1'),
            ch('0'),
            ch('^'),
        ),
        signed_exponent,
    )
    .parse(rest)
    {
        // scientific := ("x" | "×" | "*") "10^" exponent    ("1.3x10^6")
        v *= 10f64.powi(e);
        plain = false;
        rest = r;
    } else if let Ok((r, e)) = preceded(ch('^'), signed_exponent).parse(rest) {
        // power := "^" exponent    ("1.1^23", "2.5^-1")
        v = v.powi(e);
        plain = false;
        rest = r;
    }
    if plain {
        if let Some((r, (num, den))) = slash_fraction(rest) {
            // "3/4": the digits were the numerator
            if v < den && num.is_none() {
                v /= den;
                plain = false;
                rest = r;
            }
        } else if let Ok((r, _)) = sp1(rest) {
            // "10 1/2": a whole number and a fraction
            if let Ok((r2, (_, n, true))) = digits(r) {
                if let Some((r3, (None, den))) = slash_fraction(r2) {
                    if n < den {
                        v += n / den;
                        plain = false;
                        rest = r3;
                    }
                }
            }
        }
    }
    // "2½"
    if let Some((c, f)) = rest
        .chars()
        .next()
        .and_then(|c| lookup_vulgar(c).map(|f| (c, f)))
    {
        v += f;
        plain = false;
        rest = &rest[c.len_utf8()..];
    }
    let mut scale = 1.0;
    let mut rest2 = rest;
    // "b" after a decimal is billions even without a currency ("1.2b"): a
    // decimal is no grade, item or section letter, and "b" no unit. So is
    // "m" before things counted or money ("1.5m people", "2.5m euros"),
    // where metres would count nothing.
    let decimal = written.contains('.');
    let counted_next = |r: &str| {
        preceded(sp1, noun_word).parse(r).is_ok_and(|(_, w)| {
            lookup(CURRENCY_WORDS, w).is_some()
                || (looks_plural(w)
                    && lookup(MEASURE_UNITS, w).is_none()
                    && !in_list(STOP_WORDS, w))
        })
    };
    let attached = scale_abbrev(rest).ok().filter(|(r, (s, needs_cur))| {
        let letter = rest.len() - r.len() == 1;
        currency
            || !needs_cur
            || (decimal && letter && (*s == 1e9 || (*s == 1e6 && counted_next(r))))
    });
    // spaced "10 bln", "5 mn"
    // spaced "10 bln", "5 mn", "2.33 k" (a lower-case "k" only: "5 K" is kelvin)
    let spaced = preceded(sp1, scale_abbrev)
        .parse(rest)
        .ok()
        .filter(|(r, (s, needs_cur))| {
            let k = rest.trim_start().starts_with('k');
            !needs_cur && (*s >= 1e6 || k) && r.chars().next().is_none_or(|c| !c.is_alphanumeric())
        });
    let mut value = None;
    if let Ok((r, m)) = preceded(sp1, mult_word).parse(rest) {
        scale = m;
        rest2 = r;
        // a larger scale right after multiplies it: "2 lakh crore", "3 hundred million"
        while let Ok((r, m2)) = preceded(sp1, mult_word).parse(rest2) {
            if m2 <= scale || m2 < 1e3 {
                break;
            }
            scale *= m2;
            rest2 = r;
        }
        // digits and scale words mixed: "4 thousand 3 hundred and 21"
        if v.fract() == 0.0 && v < 1e3 && scale >= 100.0 && plain {
            if let Some((r, total)) = scale_chain(rest2, v * scale, scale) {
                value = Some(total);
                rest2 = r;
                plain = false;
            }
        }
    } else if let Some((r, (s, _))) = attached.or(spaced) {
        scale = s;
        rest2 = r;
    }
    // "3 million and a half" → 3.5 million
    let and_fraction = preceded((sp1, phrase("and"), sp1), simple_fraction).parse(rest2);
    if let (true, None, Ok((r, f))) = (scale > 12.0, value, and_fraction) {
        v += f.value;
        rest2 = r;
        plain = false;
    }
    let text = &i[..i.len() - rest2.len()];
    let n = Num {
        text,
        value: value.unwrap_or(v * scale),
        scale,
        plain_digits: plain && scale == 1.0,
        words: false,
        bare_one: false,
    };
    Ok((rest2, n))
}

// exponent := ("+" | "-")? digit{1,3} boundary
fn signed_exponent(i: &str) -> Res<'_, i32> {
    let (r, (sign, e)) = (
        opt(satisfy(|c| c == '+' || c == '-')),
        terminated(take_while_m_n(1, 3, |c: char| c.is_ascii_digit()), boundary),
    )
        .parse(i)?;
    let e: i32 = e.parse().unwrap_or(0);
    Ok((r, if sign == Some('-') { -e } else { e }))
}

// chain := (sp1 int sp1 mult_word)* (sp1 "and" sp1 (int | word_number))?
//   -- after "4 thousand": "3 hundred and 21"; each part below the scale
//      before it, an integer of at most three digits
// Returns the rest and the whole value, or None when nothing follows.
fn scale_chain<'a>(i: &'a str, mut total: f64, mut last: f64) -> Option<(&'a str, f64)> {
    fn int(i: &str) -> Res<'_, f64> {
        let (r, (t, v, plain)) = digits(i)?;
        if plain && t.len() <= 3 && v > 0.0 {
            Ok((r, v))
        } else {
            fail(i)
        }
    }
    let start = i.len();
    let mut rest = i;
    while let Ok((r, (_, n, _, m))) = (sp1, int, sp1, mult_word).parse(rest) {
        if m >= last || n * m >= last {
            break;
        }
        total += n * m;
        last = m;
        rest = r;
    }
    let tail = preceded((sp1, phrase("and"), sp1), |i: &'a str| {
        if i.starts_with(|c: char| c.is_ascii_digit()) {
            let (r, v) = int(i)?;
            // "and 21", not "and 21st", "and 2.5" or "and 2 hundred" (the next amount)
            not(satisfy(|c: char| c.is_alphanumeric() || c == '.')).parse(r)?;
            not(preceded(sp1, mult_word)).parse(r)?;
            Ok((r, (v, true)))
        } else {
            word_number(i).map(|(r, n)| (r, (n.value, false)))
        }
    })
    .parse(rest);
    if let Ok((r, (v, digit_tail))) = tail {
        // digits after "and" only end a hundred ("3 hundred and 21"):
        // "2 million and 20 injured" are two amounts
        if v > 0.0 && v < last && (last == 100.0 || !digit_tail) {
            total += v;
            rest = r;
        }
    }
    (rest.len() < start).then_some((rest, total))
}

/// The length of the leading digit run of `i`.
fn n_len(i: &str) -> usize {
    i.bytes().take_while(u8::is_ascii_digit).count()
}

/// "/D" after a numerator, for a denominator that fractions are written
/// with (2, 3, 4, 5, 6, 8, 10, 16, 32, 64), not followed by more of a date
/// ("5/17/2018").  Returns (None, D).
fn slash_fraction(i: &str) -> Option<(&str, (Option<f64>, f64))> {
    let r = i.strip_prefix('/')?;
    let n = r.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=2).contains(&n) {
        return None;
    }
    let den: f64 = r[..n].parse().ok()?;
    let rest = &r[n..];
    let ok = [2.0, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0, 16.0, 32.0, 64.0].contains(&den)
        && !rest.starts_with(|c: char| c == '/' || c.is_alphanumeric());
    ok.then_some((rest, (None, den)))
}

// number := sign? digit_number | word_amount      sign := "-" | "−" (before digits only)
fn number<'a>(i: &'a str, currency: bool) -> Res<'a, Num<'a>> {
    for sign in ['-', '−'] {
        if let Some(r) = i.strip_prefix(sign) {
            if r.starts_with(|c: char| c.is_ascii_digit() || c == '.') {
                let (rest, mut n) = digit_number(r, currency)?;
                n.value = -n.value;
                n.plain_digits = false;
                n.text = &i[..i.len() - rest.len()];
                return Ok((rest, n));
            }
            return fail(i);
        }
    }
    if i.starts_with(|c: char| c.is_ascii_digit() || c == '.') {
        return digit_number(i, currency);
    }
    // vulgar := "½" | "¾" | ...
    if let Some((c, f)) = i
        .chars()
        .next()
        .and_then(|c| lookup_vulgar(c).map(|f| (c, f)))
    {
        let n = c.len_utf8();
        return Ok((
            &i[n..],
            Num {
                text: &i[..n],
                value: f,
                scale: 1.0,
                plain_digits: false,
                words: false,
                bare_one: false,
            },
        ));
    }
    // sign_word := ("minus" | "negative") sp1 number
    for w in ["minus", "negative"] {
        // one sign word only (no recursion: "minus minus minus …" must not nest)
        let unsigned = |i: &'a str| -> Res<'a, Num<'a>> {
            if i.starts_with(|c: char| c.is_ascii_digit()) {
                digit_number(i, currency)
            } else {
                word_amount(i)
            }
        };
        if let Ok((r, n)) = preceded((phrase(w), sp1), unsigned).parse(i) {
            // "minus one" is a number, not the pronoun
            let n = Num {
                text: &i[..i.len() - r.len()],
                value: -n.value,
                plain_digits: false,
                bare_one: false,
                ..n
            };
            return Ok((r, n));
        }
    }
    word_amount(i)
}

// currency_symbol := "US$" | "$" | "€" | "£" | "¥" | ISO sp1
fn currency_prefix(i: &str) -> Res<'_, &'static str> {
    for (sym, code) in CURRENCY_SYMBOLS {
        if let Some(r) = i.strip_prefix(sym) {
            let (r, _) = sp0(r)?;
            return Ok((r, code));
        }
    }
    // qualified dollars: "C$", "HK$ 10", "US $ 150", "Mex$".  A single
    // letter must be upper case and glued to the "$": "a $5 bill" is not
    // Australian.
    for (q, code) in DOLLAR_QUALIFIERS {
        let Some(head) = i.get(..q.len()) else {
            continue;
        };
        let single = q.len() == 1;
        // Lower-cased text writes "C$" as "c $" or "c$"; "c" is no other
        // qualifier, and no word, before a dollar amount.
        let lower_c = *q == "C" && head == "c";
        if (single && head == *q) || (!single && head.eq_ignore_ascii_case(q)) || lower_c {
            let r = &i[q.len()..];
            let r = if single && !lower_c {
                r
            } else {
                r.strip_prefix(' ').unwrap_or(r)
            };
            if let Some(r) = r.strip_prefix('$') {
                let (r, _) = sp0(r)?;
                if r.starts_with(|c: char| c.is_ascii_digit()) {
                    return Ok((r, code));
                }
            }
        }
    }
    // "Rs 2 lakh crore", "Rs.500": rupees
    for (w, code) in [("Rs.", "INR"), ("Rs", "INR")] {
        if let Some(r) = i.strip_prefix(w) {
            let (r, _) = sp0(r)?;
            if r.starts_with(|c: char| c.is_ascii_digit()) {
                return Ok((r, code));
            }
        }
    }
    // "USD 200", "USD115", "rmb 10"
    let letters = i.bytes().take_while(u8::is_ascii_alphabetic).count();
    let w = &i[..letters];
    let code = ISO_CODES
        .iter()
        .find(|c| **c == w)
        .copied()
        .or_else(|| lowercase_code(w))
        .or_else(|| scaled_code(w).map(|(c, _)| c));
    if let Some(code) = code {
        let r = &i[letters..];
        let (r, _) = sp0(r)?;
        if r.starts_with(|c: char| c.is_ascii_digit()) {
            return Ok((r, code));
        }
    }
    fail(i)
}

// prefix := one of PREFIXES followed by sp1 | "~" sp0
fn bound_prefix(i: &str) -> Res<'_, Bound> {
    // symbols: "~30", ">30", ">= 30", "≤30"
    for (sym, b) in [
        ("~", Bound::About),
        (">=", Bound::AtLeast),
        ("<=", Bound::AtMost),
        ("≥", Bound::AtLeast),
        ("≤", Bound::AtMost),
        (">", Bound::MoreThan),
        ("<", Bound::LessThan),
    ] {
        if let Some(r) = i.strip_prefix(sym) {
            return Ok((sp0(r)?.0, b));
        }
    }
    // Only the phrases that start with the input's first letter are tried.
    let Some(first) = i.as_bytes().first() else {
        return fail(i);
    };
    for (p, b) in PREFIXES
        .iter()
        .filter(|(p, _)| p.as_bytes()[0].eq_ignore_ascii_case(first))
    {
        if let Ok((r, _)) = (phrase(p), sp1).parse(i) {
            return Ok((r, *b));
        }
    }
    fail(i)
}

/// Code-like digit runs: groups of digits joined by two or more of "-./:",
/// or any ":" ("10:30", "2025-06-02", "192.168.1.2", "10/12/2020",
/// "555-0143" style phones). Returns the run length when it is one.
fn code_run(i: &str) -> Option<usize> {
    let b = i.as_bytes();
    let mut k = 0;
    let mut seps = 0;
    let mut colon = false;
    let mut slash = false;
    let mut groups = Vec::<usize>::new();
    let mut plus = false;
    if b.first() == Some(&b'+') {
        plus = true;
        k = 1;
    }
    loop {
        let s = k;
        while k < b.len() && b[k].is_ascii_digit() {
            k += 1;
        }
        if k == s {
            break;
        }
        if groups.len() < 16 {
            groups.push(k - s);
        }
        if k + 1 < b.len()
            && matches!(b[k], b'-' | b'.' | b'/' | b':' | b' ')
            && b[k + 1].is_ascii_digit()
        {
            if b[k] == b' ' && !plus {
                break;
            }
            colon |= b[k] == b':';
            slash |= b[k] == b'/';
            seps += 1;
            k += 1;
        } else {
            break;
        }
    }
    // "1/4", "3/4": a proper fraction, not a date or a code
    let fraction = slash
        && seps == 1
        && !colon
        && !plus
        && i[..k].split_once('/').is_some_and(|(n, _)| {
            let n: f64 = n.parse().unwrap_or(f64::MAX);
            slash_fraction(&i[n_len(i)..]).is_some_and(|(_, (_, d))| n < d)
        });
    let is_code = colon || (slash && !fraction) || seps >= 2 || (plus && groups.len() >= 2)
        // phone-like "555-0143"
        || (seps == 1 && groups.len() == 2 && groups[0] == 3 && groups[1] == 4 && b.get(3) == Some(&b'-'));
    if is_code { Some(k) } else { None }
}

// time_suffix := sp0 ("a.m." | "p.m." | "am" | "pm" | "o'clock" | "GMT" | "UTC" | "h" digit)
fn time_suffix(i: &str) -> bool {
    let Ok((r, _)) = sp0(i) else { return false };
    for t in ["a.m.", "p.m.", "a.m", "p.m"] {
        if ci(t)(r).is_ok() {
            return true;
        }
    }
    for t in ["am", "pm", "o'clock", "o’clock", "GMT", "UTC", "hrs GMT"] {
        if terminated(ci(t), boundary).parse(r).is_ok() {
            return true;
        }
    }
    false
}

// ---------------------------------------------------------------------------
// Units and counted nouns
// ---------------------------------------------------------------------------

struct Counted<'a> {
    head: Option<&'a str>,
    head_start: usize,
    modifiers: Vec<&'a str>,
    end: usize,
}

// noun_phrase := noun_word (sp1 noun_word){0,3}, stopping at STOP_WORDS,
// month and weekday names, number words, punctuation and line ends; once a
// noun is seen, a participle or adverb ends it too ("13 assailants killed"),
// and a plural noun ends it when counting more than one ("30 soldier
// fatalities" → head "fatalities").
fn noun_phrase<'a>(text: &'a str, i: &'a str, plural_ends: bool) -> Counted<'a> {
    let off = |r: &str| text.len() - r.len();
    let mut words: [(&str, usize); MAX_PHRASE_WORDS] = [("", 0); MAX_PHRASE_WORDS];
    let mut n = 0;
    let mut has_noun = false;
    let mut rest = i;
    let mut end = off(i);
    while n < MAX_PHRASE_WORDS {
        let start_rest = if n == 0 {
            rest
        } else {
            match sp1(rest) {
                Ok((r, _)) => r,
                Err(_) => break,
            }
        };
        let Ok((r, w)) = noun_word(start_rest) else {
            break;
        };
        if in_list(STOP_WORDS, w)
            || is_weekday_name(w)
            || month_word(w)
            // a number word, or a compound that begins one ("three-ton"):
            // the next amount, not part of this one's noun
            || number_word(w).is_ok_and(|(r, _)| r.is_empty() || r.starts_with('-'))
            || lookup(CURRENCY_WORDS, w).is_some()
            || ISO_CODES.contains(&w)
        {
            break;
        }
        let adj = participle_or_adverb(w) || in_list(ADJECTIVES, w);
        // A hyphenated participle is a compound modifier that stands before
        // its noun ("Canadair water-bombing aircraft"), never a verb after it.
        if adj && has_noun && !w.contains('-') {
            break;
        }
        words[n] = (w, off(start_rest));
        n += 1;
        rest = r;
        // possessive := ("'s" | "’s" | "'" | "’") &(sp1 alpha)  -- "the army's tanks",
        // "soldiers' families": the owner is a modifier, the phrase goes on
        let possessive = ["'s", "’s", "'S", "’S", "'", "’"].iter().find_map(|p| {
            r.strip_prefix(p).filter(|after| {
                peek((sp1, satisfy(|c: char| c.is_alphabetic())))
                    .parse(*after)
                    .is_ok()
            })
        });
        if !adj {
            has_noun = true;
            end = off(r);
        }
        if let Some(after) = possessive {
            rest = after;
            has_noun = false;
            continue;
        }
        if !adj && plural_ends && looks_plural(w) {
            break;
        }
    }
    // The head is the last noun; trailing adjectives are not part of it.
    let mut last_noun = None;
    for (k, (w, _)) in words[..n].iter().enumerate() {
        if !(participle_or_adverb(w) || in_list(ADJECTIVES, w)) {
            last_noun = Some(k);
        }
    }
    match last_noun {
        None => Counted {
            head: None,
            head_start: 0,
            modifiers: Vec::new(),
            end: off(i),
        },
        Some(k) => {
            let head_cap = is_capitalized(words[k].0);
            let modifiers = words[..k]
                .iter()
                .map(|(w, _)| *w)
                .filter(|w| !adjective_like(w, head_cap))
                .collect();
            Counted {
                head: Some(words[k].0),
                head_start: words[k].1,
                modifiers,
                end,
            }
        }
    }
}

// counted := sp1 ("of" sp1 (det sp1)?)? noun_phrase
fn counted<'a>(text: &'a str, i: &'a str, plural_ends: bool, allow_of: bool) -> Counted<'a> {
    let off = |r: &str| text.len() - r.len();
    let Ok((r, _)) = sp1(i) else {
        return Counted {
            head: None,
            head_start: 0,
            modifiers: Vec::new(),
            end: off(i),
        };
    };
    let mut r = r;
    let of = if allow_of {
        (phrase("of"), sp1).parse(r).ok()
    } else {
        None
    };
    let mut partitive = false;
    if let Some((r2, _)) = of {
        let r3 = match word(r2) {
            Ok((r3, w)) if in_list(OF_DETERMINERS, w) => sp1(r3).map(|(r, _)| r).unwrap_or(r2),
            _ => r2,
        };
        r = r3;
        // partitive := "of" det number noun_phrase -- "11 of the 14 counts":
        // the 11 counts counts too, and "14 counts" stays a mention of its own.
        if let Ok((r4, _)) = (digits, sp1).parse(r) {
            r = r4;
            partitive = true;
        }
    }
    let mut c = noun_phrase(text, r, plural_ends);
    if partitive {
        c.end = off(i);
    }
    if c.head.is_none() {
        return Counted {
            head: None,
            head_start: 0,
            modifiers: Vec::new(),
            end: off(i),
        };
    }
    c
}

// measure := sp0 unit_abbrev boundary | sp1 unit_word boundary   (MEASURE_UNITS)
//          | sp0 open unit close        -- "20 (kg)", "20 [kg]": a unit in brackets
// Abbreviations (all-ASCII, ≤ 4 chars) match case-sensitively.
fn measure_unit(i: &str) -> Res<'_, (&'static str, &str)> {
    if let Ok((r, (canon, text))) = bracketed_unit(i) {
        return Ok((r, (canon, text)));
    }
    let (r, (canon, text)) = measure_unit_in(i, true)?;
    let start = i.len() - r.len() - text.len();
    let whole = |r: &str| &i[start..i.len() - r.len()];
    // "20 degrees celsius", "98.6 degrees F", "6 deg c"
    if canon == "degree" {
        let scale = preceded((opt(ch('.')), sp1), |w| -> Res<'_, &'static str> {
            let (r, w) = word(w)?;
            let c = match w.to_ascii_lowercase().as_str() {
                "celsius" | "celcius" | "centigrade" | "c" => "degree celsius",
                "fahrenheit" | "farenheit" | "f" => "degree fahrenheit",
                _ => return fail(w),
            };
            boundary(r)?;
            Ok((r, c))
        })
        .parse(r);
        if let Ok((r2, c)) = scale {
            return Ok((r2, (c, whole(r2))));
        }
    }
    // A rate: "50 metres per second", "10 km/h"; a speed: "188 miles an hour".
    let distance = matches!(canon, "mile" | "kilometre" | "metre" | "foot" | "knot");
    let per = (
        sp1,
        |w| {
            if distance {
                phrase("per")(w)
                    .or_else(|_| phrase("an")(w))
                    .or_else(|_| phrase("a")(w))
            } else {
                phrase("per")(w)
            }
        },
        sp1,
        |w| -> Res<'_, &str> {
            let (r, w) = word(w)?;
            let time = [
                "hour",
                "second",
                "minute",
                "day",
                "week",
                "month",
                "year",
                "millisecond",
            ];
            if time.iter().any(|t| t.eq_ignore_ascii_case(w)) || lookup(MEASURE_UNITS, w).is_some()
            {
                Ok((r, w))
            } else {
                fail(w)
            }
        },
    )
        .parse(r);
    if let Ok((r2, (_, _, _, w))) = per {
        let rate = match (canon, w.to_ascii_lowercase().as_str()) {
            ("mile", "hour") => "mile per hour",
            ("kilometre", "hour") => "kilometre per hour",
            ("metre", "second") => "metre per second",
            ("barrel", "day") => "barrel per day",
            _ => canon,
        };
        return Ok((r2, (rate, whole(r2))));
    }
    Ok((r, (canon, text)))
}

// bracketed := sp0 ("(" unit ")" | "[" unit "]" | "{" unit "}" | "<" unit ">")
// A unit named in brackets right after its number, as tables and technical
// text write it; the brackets belong to the unit's text.
fn bracketed_unit(i: &str) -> Res<'_, (&'static str, &str)> {
    let (r0, _) = sp0(i)?;
    let close = match r0.chars().next() {
        Some('(') => ')',
        Some('[') => ']',
        Some('{') => '}',
        Some('<') => '>',
        _ => return fail(i),
    };
    let inner = &r0[1..];
    if inner.starts_with(is_hspace) {
        return fail(i);
    }
    let (r, (canon, _)) = measure_unit_in(inner, true)?;
    let r = r
        .strip_prefix(close)
        .ok_or_else(|| nom::Err::Error(Error::new(i, ErrorKind::Tag)))?;
    Ok((r, (canon, &r0[..r0.len() - r.len()])))
}

/// A rate written with a slash, "km/ms", "centimeters/second": a unit of
/// length or quantity over a unit of time.
fn slash_rate(w: &str) -> Option<&'static str> {
    let (a, b) = w.split_once('/')?;
    let short = a.len() <= 4;
    let canon = MEASURE_UNITS
        .iter()
        .find(|(k, _)| {
            if short {
                *k == a
            } else {
                k.eq_ignore_ascii_case(a)
            }
        })
        .map(|(_, c)| *c)?;
    const TIMES: &[(&str, &str)] = &[
        ("ms", "millisecond"),
        ("millisecond", "millisecond"),
        ("s", "second"),
        ("sec", "second"),
        ("second", "second"),
        ("min", "minute"),
        ("minute", "minute"),
        ("h", "hour"),
        ("hr", "hour"),
        ("hour", "hour"),
        ("d", "day"),
        ("day", "day"),
        ("yr", "year"),
        ("year", "year"),
    ];
    let time = lookup(TIMES, b)?;
    Some(match (canon, time) {
        ("kilometre", "hour") => "kilometre per hour",
        ("kilometre", "second") => "kilometre per second",
        ("kilometre", "millisecond") => "kilometre per millisecond",
        ("metre", "second") => "metre per second",
        ("centimetre", "second") => "centimetre per second",
        ("centimetre", "millisecond") => "centimetre per millisecond",
        ("mile", "hour") => "mile per hour",
        ("foot", "second") => "foot per second",
        ("barrel", "day") => "barrel per day",
        ("litre", "second") => "litre per second",
        ("litre", "minute") => "litre per minute",
        ("megawatt", "hour") => "megawatt hour",
        ("kilowatt", "hour") => "kilowatt hour",
        _ => canon,
    })
}

// `square` is false inside "square …", so "square square …" cannot recurse.
fn measure_unit_in(i: &str, square: bool) -> Res<'_, (&'static str, &str)> {
    let (r0, spaced) = match sp1(i) {
        Ok((r, _)) => (r, true),
        Err(_) => (i, false),
    };
    // degrees := "°" ("C" | "F")? boundary
    if let Some(r) = r0.strip_prefix('°') {
        let (r, canon) = if let Some(r) = r.strip_prefix('C') {
            (r, "degree celsius")
        } else if let Some(r) = r.strip_prefix('F') {
            (r, "degree fahrenheit")
        } else {
            (r, "degree")
        };
        boundary(r)?;
        return Ok((r, (canon, &r0[..r0.len() - r.len()])));
    }
    let (_, w) = take_while1(|c: char| c.is_alphabetic() || c == '/').parse(r0)?;
    let w = w.trim_end_matches('/');
    // "km2", "m3": a power glued to the unit
    let w = match r0.as_bytes().get(w.len()) {
        Some(b'2' | b'3') if !r0[w.len() + 1..].starts_with(|c: char| c.is_alphanumeric()) => {
            &r0[..w.len() + 1]
        }
        _ => w,
    };
    let r = &r0[w.len()..];
    boundary(r)?;
    let short = w.len() <= 4 && w.chars().any(|c| c.is_lowercase() || c.is_uppercase());
    let found = MEASURE_UNITS.iter().find(|(k, _)| {
        if short {
            *k == w
        } else {
            k.eq_ignore_ascii_case(w)
        }
    });
    if found.is_none() {
        if let Some(canon) = slash_rate(w) {
            return Ok((r, (canon, w)));
        }
    }
    // A spaced single letter is a unit only for "m" and "g", and only when no
    // word follows but a stop word or a letter ("12 m 2 dm", "1 m x 1 m",
    // "the 100 m in 9.8 seconds"): "5 m people", "3 m euros" and "a 5 t
    // truck" are other things.
    let lone_letter = |k: &str| {
        matches!(k, "m" | "g")
            && preceded(sp1, word).parse(r).map_or(true, |(_, w)| {
                w.chars().nth(1).is_none() || in_list(STOP_WORDS, w)
            })
    };
    match found {
        Some((k, canon)) if !(spaced && k.len() == 1 && !lone_letter(k)) => {
            if *canon == "square" {
                // sq km
                let inner = if square {
                    measure_unit_in(r, false).ok()
                } else {
                    None
                };
                if let Some((r2, (c2, _))) = inner {
                    return Ok((r2, (square_of(c2), &r0[..r0.len() - r2.len()])));
                }
                return fail(i);
            }
            Ok((r, (canon, w)))
        }
        _ => {
            // "square kilometres", "cubic feet", "metric tons"
            let inner = if square
                && ["square", "cubic", "metric"]
                    .iter()
                    .any(|q| w.eq_ignore_ascii_case(q))
            {
                measure_unit_in(r, false).ok()
            } else {
                None
            };
            if let Some((r2, (c2, _))) = inner {
                let canon = match w.to_ascii_lowercase().as_str() {
                    "square" => square_of(c2),
                    "cubic" => cubic_of(c2),
                    _ => match c2 {
                        "ton" | "tonne" => "tonne",
                        _ => return fail(i),
                    },
                };
                return Ok((r2, (canon, &r0[..r0.len() - r2.len()])));
            }
            fail(i)
        }
    }
}

fn cubic_of(c: &str) -> &'static str {
    match c {
        "metre" => "cubic metre",
        "foot" => "cubic foot",
        "kilometre" => "cubic kilometre",
        "centimetre" => "cubic centimetre",
        _ => "cubic unit",
    }
}

fn square_of(c: &str) -> &'static str {
    match c {
        "kilometre" => "square kilometre",
        "metre" => "square metre",
        "mile" => "square mile",
        "centimetre" => "square centimetre",
        "foot" => "square foot",
        _ => "square unit",
    }
}

// percent := sp0 "%" | sp1 ("percent" | "per" sp1 "cent" | "pct" | "percentage" sp1 "point"s?)
fn percent(i: &str) -> Res<'_, (&'static str, &str)> {
    if let Ok((r, s)) = preceded(sp0, ci("%")).parse(i) {
        return Ok((r, ("percent", s)));
    }
    let (r0, _) = sp1(i)?;
    for (p, u) in [
        ("percentage points", "percentage point"),
        ("percentage point", "percentage point"),
        ("percent", "percent"),
        ("per cent", "percent"),
        ("pct", "percent"),
    ] {
        if let Ok((r, _)) = phrase(p)(r0) {
            return Ok((r, (u, &r0[..r0.len() - r.len()])));
        }
    }
    fail(i)
}

// currency_word := sp1 (CURRENCY_WORDS | ISO code)
fn currency_suffix(i: &str) -> Res<'_, (&'static str, &str)> {
    // "5 €", "100₾": a symbol after the number, European style
    let (r0, _) = sp0(i)?;
    // A symbol or code glued to the digits after it is the next amount's
    // ("10 $30", "3 USD50 cards").
    let next_amount = |r: &str| r.starts_with(|c: char| c.is_ascii_digit());
    for (sym, code) in CURRENCY_SYMBOLS {
        if let Some(r) = r0.strip_prefix(sym) {
            if !r.starts_with(|c: char| c.is_alphanumeric()) && !next_amount(r) {
                return Ok((r, (code, &r0[..sym.len()])));
            }
        }
    }
    // "115USD": an upper-case code glued to the digits; "30 MUSD" in millions
    if let Ok((r, w)) = word(r0) {
        let code = ISO_CODES
            .iter()
            .find(|c| **c == w)
            .copied()
            .or_else(|| scaled_code(w).map(|(c, _)| c));
        if let Some(code) = code {
            if next_amount(r) {
                return fail(i);
            }
            return Ok((r, (code, w)));
        }
    }
    let (r0, _) = sp1(i)?;
    for (p, code) in CURRENCY_WORDS {
        if let Ok((r, _)) = phrase(p)(r0) {
            return Ok((r, (code, &r0[..r0.len() - r.len()])));
        }
    }
    let (r, w) = word(r0)?;
    if let Some(code) = lowercase_code(w) {
        boundary(r)?;
        return Ok((r, (code, w)));
    }
    fail(i)
}

// subunit := sp1 ("cents" | "pence" | …)  → (code, text); the amount is in
// hundredths
fn currency_subunit(i: &str) -> Res<'_, (&'static str, &str)> {
    let (r0, _) = sp0(i)?;
    let spaced = r0.len() < i.len();
    for (p, code) in CURRENCY_SUBUNITS {
        // "p" only glued to the digits ("20p")
        if *p == "p" && spaced {
            continue;
        }
        if let Ok((r, _)) = phrase(p)(r0) {
            if !spaced && p.len() > 1 {
                continue;
            }
            return Ok((r, (code, &r0[..r0.len() - r.len()])));
        }
    }
    fail(i)
}

// ---------------------------------------------------------------------------
// Vague amounts
// ---------------------------------------------------------------------------

/// vague := multiword first ("tens of thousands" before "tens"). The flag:
/// the word must count a following noun or "of" ("several", "a few").
const VAGUE: &[(&str, VagueAmount, bool)] = &[
    ("tens of thousands", VagueAmount::TensOfThousands, false),
    (
        "hundreds of thousands",
        VagueAmount::HundredsOfThousands,
        false,
    ),
    ("tens of millions", VagueAmount::TensOfMillions, false),
    (
        "hundreds of millions",
        VagueAmount::HundredsOfMillions,
        false,
    ),
    ("dozens", VagueAmount::Dozens, false),
    ("scores", VagueAmount::Scores, false),
    ("tens", VagueAmount::Tens, true),
    ("hundreds", VagueAmount::Hundreds, false),
    ("thousands", VagueAmount::Thousands, false),
    ("millions", VagueAmount::Millions, false),
    ("billions", VagueAmount::Billions, false),
    ("a handful", VagueAmount::Handful, true),
    ("a few", VagueAmount::Few, true),
    ("several", VagueAmount::Several, true),
    ("numerous", VagueAmount::Many, true),
    ("many", VagueAmount::Many, false),
];

// vague := one of VAGUE (whole words)
fn vague(i: &str) -> Res<'_, (&'static str, VagueAmount, bool)> {
    for &(p, amount, needs_noun) in VAGUE {
        if let Ok((r, _)) = phrase(p)(i) {
            return Ok((r, (p, amount, needs_noun)));
        }
    }
    fail(i)
}

// ---------------------------------------------------------------------------
// Mention assembly
// ---------------------------------------------------------------------------

fn word_end(text: &str, pos: usize) -> usize {
    let rest = &text[pos..];
    let n: usize = rest
        .chars()
        .take_while(|c| c.is_alphanumeric())
        .map(char::len_utf8)
        .sum();
    pos + n.max(rest.chars().next().map_or(1, char::len_utf8))
}

fn vague_at(text: &str, pos: usize) -> Option<QuantityMention> {
    let i = &text[pos..];
    let off = |r: &str| text.len() - r.len();
    let (r, (name, amount, needs_noun)) = vague(i).ok()?;
    let pw = prev_word(text, pos);
    if let Some(p) = pw {
        // "the thousands", "test scores", "how many", "as many", "so many"
        if in_list(DETERMINERS, p) {
            return None;
        }
        if name == "many"
            && in_list(
                &[
                    "how", "as", "too", "so", "a", "not", "very", "many", "great", "good",
                ],
                p,
            )
        {
            return None;
        }
    }
    if name == "many" && peek((sp1, phrase("as"))).parse(r).is_ok() {
        return None;
    }
    // "many a man", "Millions" as a proper noun is rare enough.
    let plural_ends = true;
    let c = counted(text, r, plural_ends, true);
    let has_of = peek((sp1, phrase("of"))).parse(r).is_ok();
    if needs_noun && c.head.is_none() && !has_of {
        return None;
    }
    let num_end = off(r);
    let (unit, unit_span, modifiers, end) = finish_counted(&c, num_end);
    let (low, high) = HouseStyle::DEFAULT.meaning(amount).bounds();
    Some(QuantityMention {
        span: pos..end,
        number_span: pos..num_end,
        bound_span: pos..num_end,
        value: None,
        low: Some(low),
        high,
        low_inclusive: true,
        high_inclusive: high.is_some(),
        approximate: false,
        about: false,
        vague: Some(amount),
        unit_kind: unit.as_ref().map(|_| UnitKind::Counted),
        unit,
        unit_span,
        modifiers,
        ratio: false,
        range: false,
    })
}

type UnitParts = (Option<String>, Option<Range<usize>>, Vec<String>, usize);

fn finish_counted(c: &Counted<'_>, num_end: usize) -> UnitParts {
    match c.head {
        Some(h) => {
            let unit = singular(h).into_owned();
            let mods = c
                .modifiers
                .iter()
                .map(|m| singular(m).into_owned())
                .collect();
            (
                Some(unit),
                Some(c.head_start..c.head_start + h.len()),
                mods,
                c.end.max(num_end),
            )
        }
        None => (None, None, Vec::new(), num_end),
    }
}

/// Tries a mention at `pos`; on failure returns where the scan may resume.
fn mention_at(text: &str, pos: usize) -> Result<QuantityMention, usize> {
    let input = &text[pos..];
    let off = |r: &str| text.len() - r.len();
    let skip_word = word_end(text, pos);

    // Digit runs that are codes, dates, times or phone numbers.
    if input.starts_with(|c: char| c.is_ascii_digit() || c == '+') {
        if let Some(n) = code_run(input) {
            return Err(pos + n);
        }
    }
    if let Some(r) = input.strip_prefix('(') {
        // "(202) 555-0143": an area code in brackets followed by digits
        let n = r.bytes().take_while(u8::is_ascii_digit).count();
        let tail = &r[n..];
        if (2..=4).contains(&n) && tail.starts_with(')') {
            let t = tail[1..].trim_start_matches(' ');
            if t.starts_with(|c: char| c.is_ascii_digit()) {
                let k = t
                    .bytes()
                    .take_while(|b| b.is_ascii_digit() || matches!(b, b'-' | b'.' | b' '))
                    .count();
                return Err(text.len() - t.len() + k);
            }
        }
        return Err(pos + 1);
    }
    if input.starts_with('+') {
        return Err(pos + 1);
    }
    // "<>30", "=>30": not a comparison this grammar knows
    if input.starts_with(['>', '<'])
        && prev_char(text, pos).is_some_and(|c| matches!(c, '<' | '>' | '='))
    {
        return Err(pos + 1);
    }
    if let Some(m) = vague_at(text, pos) {
        return Ok(m);
    }
    // age := ("age" | "aged") sp1 mention   -- "aged 87", "a man of age 87":
    // an age, with the word before the number as its unit. One level only:
    // the mention must start with a number, not another "aged".
    let age = (|i| phrase("aged")(i).or_else(|_| phrase("age")(i)), sp1)
        .parse(input)
        .ok()
        .filter(|(r, _)| r.starts_with(|c: char| c.is_ascii_digit()) || word_number(r).is_ok());
    if let Some((r, (w, _))) = age {
        let mut m = mention_at(text, off(r))?;
        if m.unit.is_none() {
            m.span.start = pos;
            m.unit = Some("year".to_string());
            m.unit_span = Some(pos..pos + w.len());
            m.unit_kind = Some(UnitKind::Measure);
        }
        return Ok(m);
    }

    // prefix?
    let (after_prefix, mut bound) = match bound_prefix(input) {
        Ok((r, b)) => (r, b),
        Err(_) => (input, Bound::Exact),
    };
    let has_prefix = after_prefix.len() != input.len();

    // between / from ranges
    let mut range: Option<(Num<'_>, Num<'_>)> = None;
    let mut cur = after_prefix;
    let mut currency: Option<(&'static str, Range<usize>)> = None;
    let mut range_word = false;
    if !has_prefix {
        for (opener, joiners) in [("between", &["and"][..]), ("from", &["to", "-", "–"][..])] {
            let Ok((r, _)) = (phrase(opener), sp1).parse(cur) else {
                continue;
            };
            let cur_before = r;
            let (r, cur_sym) = match currency_prefix(r) {
                Ok((r2, c)) => (r2, Some((c, off(cur_before)..off(r2)))),
                Err(_) => (r, None),
            };
            let Ok((r, a)) = number(r, cur_sym.is_some()) else {
                return Err(skip_word);
            };
            for j in joiners {
                let joined = if j.len() > 1 && j.is_ascii() {
                    (sp1, phrase(j), sp1).parse(r).map(|(r, _)| r)
                } else {
                    (sp0, ci(j), sp0).parse(r).map(|(r, _)| r)
                };
                if let Ok(r2) = joined {
                    let r2 = currency_prefix(r2).map(|(r, _)| r).unwrap_or(r2);
                    if let Ok((r3, b)) = number(r2, cur_sym.is_some()) {
                        // a falling pair ("from 10-4", "from 2010-01") is not a range
                        let lo = if a.scale == 1.0 && b.scale > 1.0 {
                            a.value * b.scale
                        } else {
                            a.value
                        };
                        if b.value <= lo && b.value <= a.value {
                            return Err(off(r3));
                        }
                        range = Some((a, b));
                        currency = cur_sym.clone();
                        cur = r3;
                        range_word = true;
                        break;
                    }
                }
            }
            if range.is_none() {
                // "up from $63.45": not a range; the number stands alone, so
                // resume the scan where it starts.
                return Err(off(cur_before));
            }
            break;
        }
    }

    let mut first: Num<'_>;
    let mut ratio = false;
    if let Some((a, _)) = range {
        first = a;
    } else {
        let before_cur = cur;
        if let Ok((r, c)) = currency_prefix(cur) {
            currency = Some((c, off(before_cur)..off(r)));
            cur = r;
        }
        let Ok((r, a)) = number(cur, currency.is_some()) else {
            return Err(skip_word);
        };
        first = a;
        cur = r;
        // ratio := number sp1 ("in" | "out of") sp1 number   -- "one in five", "3 out of 10"
        // A ratio is a share, so it becomes a percentage of the counted noun.
        if let Ok((r3, (_, _, _, b))) = (
            sp1,
            |i| phrase("out of")(i).or_else(|_| phrase("in")(i)),
            sp1,
            |i| number(i, false),
        )
            .parse(cur)
        {
            let a = first.value;
            let out_of = cur.trim_start().starts_with(['o', 'O']);
            let small = a.fract() == 0.0 && a >= 0.0 && (out_of || a <= 10.0);
            if small
                && b.value > a
                && b.value.fract() == 0.0
                && b.value <= 1e6
                && !(b.plain_digits && b.text.len() == 4)
            {
                let start = offset_in(text, first.text);
                first = Num {
                    text: &text[start..off(r3)],
                    value: a / b.value * 100.0,
                    scale: 1.0,
                    plain_digits: false,
                    words: first.words,
                    bare_one: false,
                };
                cur = r3;
                ratio = true;
            }
        }
        // over := number sp1 "over" sp1 number   -- "one over three", "2000 over 3":
        // a fraction, when nothing is counted after it ("5 over 3 years" is
        // an amount over a time)
        if !ratio && currency.is_none() {
            if let Ok((r3, (_, _, _, b))) =
                (sp1, phrase("over"), sp1, |i| number(i, false)).parse(cur)
            {
                let counted_after = preceded(sp1, noun_word)
                    .parse(r3)
                    .is_ok_and(|(_, w)| !in_list(STOP_WORDS, w));
                let unit_after = percent(r3).is_ok()
                    || measure_unit(r3).is_ok()
                    || currency_suffix(r3).is_ok()
                    || r3.starts_with(|c: char| c.is_alphanumeric());
                if b.value > 0.0
                    && b.value.fract() == 0.0
                    && first.value.fract() == 0.0
                    && !(b.plain_digits && b.text.len() == 4)
                    && !counted_after
                    && !unit_after
                {
                    let start = offset_in(text, first.text);
                    first = Num {
                        text: &text[start..off(r3)],
                        value: first.value / b.value,
                        scale: 1.0,
                        plain_digits: false,
                        words: first.words,
                        bare_one: false,
                    };
                    cur = r3;
                }
            }
        }
        // "a third of the soldiers", "3/4 of the crop", "half of voters": a
        // fraction of something is a share of it, like a ratio.
        if !ratio
            && currency.is_none()
            && first.value > 0.0
            && first.value < 1.0
            && !first.text.contains('.')
            && peek((sp1, phrase("of"))).parse(cur).is_ok()
        {
            first.value *= 100.0;
            ratio = true;
        }
        // range_tail := (sp0 dash sp0 | sp1 ("to" | "or" | "through") sp1) currency? number
        let dash = (sp0, satisfy(is_dash), sp0).parse(cur).map(|(r, _)| r);
        // "either 10 bln or 10 tln" are two amounts, not a range
        let either = prev_word(text, pos).is_some_and(|w| w.eq_ignore_ascii_case("either"));
        let word_join = (sp1, phrase("to"), sp1)
            .parse(cur)
            .or_else(|e| {
                if either {
                    Err(e)
                } else {
                    (sp1, phrase("or"), sp1).parse(cur)
                }
            })
            .or_else(|_| (sp1, phrase("through"), sp1).parse(cur))
            .or_else(|_| (sp1, phrase("thru"), sp1).parse(cur))
            .map(|(r, _)| r);
        let dash_ok = dash.is_ok();
        for r2 in [dash.ok(), word_join.ok()].into_iter().flatten() {
            let r2 = currency_prefix(r2).map(|(r, _)| r).unwrap_or(r2);
            if let Ok((r3, b)) = number(r2, currency.is_some()) {
                // "10-12-2020" style chains were removed by code_run; a
                // falling pair ("won 3-2") is a score, not a range.
                let lo = if first.scale == 1.0 && b.scale > 1.0 && !first.words {
                    first.value * b.scale
                } else {
                    first.value
                };
                if b.value > lo || (first.words && b.words && b.value > first.value) {
                    range = Some((first, b));
                    cur = r3;
                } else if dash_ok && !first.words {
                    return Err(off(r3));
                }
                break;
            }
        }
    }

    let num_start = offset_in(text, first.text);
    let num_end = off(cur);
    let after_num = cur;

    // Phone-like runs of digit groups separated by single spaces
    // ("555 0143"), and zero-padded codes ("0143", "007").
    if range.is_none() && !first.words {
        let b = after_num.as_bytes();
        if b.len() >= 4 && b[0] == b' ' && b[1..4].iter().all(u8::is_ascii_digit) {
            let k = after_num
                .bytes()
                .take_while(|c| c.is_ascii_digit() || *c == b' ')
                .count();
            return Err(num_end + k);
        }
        if first.plain_digits && first.text.len() >= 3 && first.text.starts_with('0') {
            return Err(num_end);
        }
    }

    // Things glued to digits: ordinals, codes, "4pm" (units are handled below).
    let last_char_digit = text[..num_end].ends_with(|c: char| c.is_ascii_digit());
    if last_char_digit
        && after_num.starts_with(|c: char| c.is_alphabetic())
        && measure_unit(after_num).is_err()
        && currency_suffix(after_num).is_err()
        && currency_subunit(after_num).is_err()
    {
        return Err(word_end(text, num_end));
    }

    // Years: a 4-digit plain number 1000–2099.
    let is_year =
        |n: &Num<'_>| n.plain_digits && n.text.len() == 4 && (1000.0..2100.0).contains(&n.value);
    if range.is_some_and(|(a, b)| is_year(&a) && is_year(&b)) {
        return Err(num_end);
    }

    // suffix := "-plus" | "+" | " plus" | "-odd" | " odd" | " or more" | " or fewer" | " or so"
    // "about 500 or more": the suffix sets the bound, "about" stays as approximate
    let mut approx_extra = false;
    if range.is_none() && matches!(bound, Bound::Exact | Bound::About) {
        let suffixes: &[(&'static str, Bound)] = &[
            ("-plus", Bound::AtLeast),
            ("+", Bound::AtLeast),
            (" plus", Bound::AtLeast),
            ("-odd", Bound::Odd),
            (" odd", Bound::Odd),
            (" or more", Bound::AtLeast),
            (" or above", Bound::AtLeast),
            (" or over", Bound::AtLeast),
            (" or higher", Bound::AtLeast),
            (" or fewer", Bound::AtMost),
            (" or less", Bound::AtMost),
            (" or under", Bound::AtMost),
            (" or below", Bound::AtMost),
            (" or greater", Bound::AtLeast),
            (" and more", Bound::AtLeast),
            (" and above", Bound::AtLeast),
            (" and over", Bound::AtLeast),
            (" and up", Bound::AtLeast),
            (" or so", Bound::About),
        ];
        for &(s, b) in suffixes {
            let parsed: Res<'_, ()> = (|i| {
                let mut r = i;
                for (k, part) in s.split(' ').enumerate() {
                    if k > 0 {
                        r = sp1(r)?.0;
                    }
                    if !part.is_empty() {
                        r = ci(part)(r)?.0;
                    }
                }
                let (r, _) = not(satisfy(|c: char| c.is_alphanumeric()))
                    .parse(r)
                    .map(|(_, x)| (r, x))?;
                Ok((r, ()))
            })(cur);
            if let Ok((r, _)) = parsed {
                // "equal to 5000 or less than 6000" is two claims
                if peek((sp1, phrase("than"))).parse(r).is_ok() {
                    break;
                }
                // "30 plus 5" is arithmetic
                if s.ends_with("plus")
                    && peek((sp1, satisfy(|c: char| c.is_ascii_digit())))
                        .parse(r)
                        .is_ok()
                {
                    continue;
                }
                approx_extra = bound == Bound::About;
                bound = b;
                cur = r;
                break;
            }
        }
    }

    // "less than 5000 or equal (to it)": the bound includes its end.
    if range.is_none() && matches!(bound, Bound::MoreThan | Bound::LessThan) {
        if let Ok((r, _)) = (sp1, phrase("or equal")).parse(cur) {
            let r = (sp1, phrase("to")).parse(r).map_or(r, |(r2, _)| r2);
            let number_follows = peek((sp0, |i| number(i, false))).parse(r).is_ok();
            if !number_follows {
                bound = if bound == Bound::MoreThan {
                    Bound::AtLeast
                } else {
                    Bound::AtMost
                };
                cur = r;
            }
        }
    }

    // two_sided := lower_bound number sp1 ("and" | "but") sp1 upper_bound number
    //            | upper_bound number sp1 ("and" | "but") sp1 lower_bound number
    // ("more than 10 and fewer than 20", "at most 100 and at least 20")
    let lower = |b: Bound| matches!(b, Bound::MoreThan | Bound::AtLeast);
    let upper = |b: Bound| matches!(b, Bound::LessThan | Bound::AtMost);
    let mut second: Option<(Bound, f64)> = None;
    let mut second_end = 0;
    if range.is_none() && (lower(bound) || upper(bound)) {
        let joined = (
            sp1,
            |i| phrase("and")(i).or_else(|_| phrase("but")(i)),
            sp1,
            bound_prefix,
        )
            .parse(cur);
        let other = joined
            .ok()
            .filter(|(_, (_, _, _, b2))| {
                (lower(bound) && upper(*b2)) || (upper(bound) && lower(*b2))
            })
            .and_then(|(r, (_, _, _, b2))| {
                number(r, currency.is_some())
                    .ok()
                    .map(|(r2, n2)| (r2, b2, n2))
            });
        if let Some((r2, b2, n2)) = other {
            // only a non-empty interval: "more than 40 and less than 10" is two claims
            let ordered = if lower(bound) {
                first.value < n2.value
            } else {
                n2.value < first.value
            };
            if n2.value.is_finite() && ordered {
                second = Some((b2, n2.value));
                second_end = off(r2);
                cur = r2;
            }
        }
    }

    let bound_end = off(cur);

    // post: percent | currency word | measure unit | "-" word | counted
    let mut unit: Option<String> = None;
    let mut unit_span: Option<Range<usize>> = None;
    let mut modifiers = Vec::new();
    let mut end = off(cur);
    let mut counted_plural = false;
    let mut time_noun = false;
    let mut measured = false;
    let mut kind = UnitKind::Counted;
    let mut hundredths = false;
    // A scale written with the currency code: "30 MUSD", "75 USD million".
    let mut code_scale = 1.0;
    if let Ok((r, (u, s))) = percent(cur) {
        unit = Some(u.to_string());
        kind = UnitKind::Percent;
        measured = true;
        let s0 = off(r) - s.len();
        unit_span = Some(s0..off(r));
        end = off(r);
    } else if let Ok((r, (code, s))) = currency_suffix(cur) {
        if currency.as_ref().is_some_and(|(c, _)| *c == code) && s.len() > 1 {
            // "$10 dollars": the currency said twice
            end = off(r);
            cur = r;
        }
        if currency.is_none() {
            currency = Some((code, off(r) - s.len()..off(r)));
            end = off(r);
            // "75 USD million": the scale after the code
            if s.starts_with(|c: char| c.is_ascii_uppercase()) && first.scale == 1.0 {
                if let Ok((r2, m)) = preceded(sp1, mult_word).parse(r) {
                    code_scale = m;
                    end = off(r2);
                    cur = r2;
                }
            }
            // "3 dollars 50 cents", "15 dollars and 50": the hundredths
            let cents = (
                sp1,
                opt((phrase("and"), sp1)),
                |i| number(i, false),
                opt(currency_subunit),
            )
                .parse(r);
            let by_name = s.starts_with(|c: char| c.is_alphabetic());
            if let (true, Ok((r2, (_, _, c, sub)))) = (by_name, cents) {
                // not the next amount: "50 dollar 40 rmb", "10 lira 11a"
                let alone = sub.is_some()
                    || (currency_suffix(r2).is_err()
                        && !r2.starts_with(|c: char| c.is_alphanumeric()));
                let whole_amount = alone && range.is_none() && first.value.fract() == 0.0;
                let is_cents = c.value.fract() == 0.0 && (0.0..100.0).contains(&c.value);
                let named = sub.is_some() || !c.words || c.value >= 10.0;
                if whole_amount && is_cents && named && !c.text.contains('.') {
                    first.value += c.value / 100.0;
                    end = off(r2);
                    cur = r2;
                }
            }
        }
    } else if let (None, Ok((r, (code, s)))) = (&currency, currency_subunit(cur)) {
        // "50 cents", "197 pence": hundredths of the currency
        currency = Some((code, off(r) - s.len()..off(r)));
        hundredths = true;
        end = off(r);
    } else if currency.is_some() {
        // "$2.5 billion in aid": the currency is the unit
    } else if let Ok((r, (canon, s))) = measure_unit(cur) {
        unit = Some(canon.to_string());
        kind = UnitKind::Measure;
        measured = true;
        unit_span = Some(off(r) - s.len()..off(r));
        end = off(r);
        // "5 feet 2 inches", "12 ft 2 in"
        if canon == "foot" && range.is_none() {
            let inches = (
                sp1,
                opt((phrase("and"), sp1)),
                |i| number(i, false),
                |i| {
                    measure_unit(i).or_else(|_| {
                        (sp1, phrase("in"))
                            .parse(i)
                            .map(|(r, (_, w))| (r, ("inch", w)))
                    })
                },
            )
                .parse(r);
            if let Ok((r2, (_, _, n, (u, _)))) = inches {
                if u == "inch" && (0.0..12.0).contains(&n.value) {
                    first.value += n.value / 12.0;
                    end = off(r2);
                    cur = r2;
                }
            }
        }
    } else if let Ok((r, w)) = preceded(satisfy(is_dash), word).parse(cur) {
        // "48-hour", "10-year-old", "five-member"; "5,000-strong", "10-fold" carry no unit
        let money = lookup(CURRENCY_WORDS, w).or_else(|| {
            lookup(CURRENCY_SUBUNITS, w)
                .filter(|_| w.len() > 1)
                .inspect(|_| hundredths = true)
        });
        // "the twenty-fifth anniversary": a spoken ordinal, no amount
        if first.words && range.is_none() && unit_ordinal(w).is_some() {
            return Err(off(r));
        }
        if in_list(&["strong", "fold", "year-old"], w) {
            end = off(r);
        } else if let Some(code) = money {
            // "a 12-cent dividend", "its one-yen bid"
            currency = Some((code, off(r) - w.len()..off(r)));
            end = off(r);
        } else if !first.words || !in_list(&["and"], w) {
            let s0 = off(r) - w.len();
            unit = Some(singular(w).into_owned());
            unit_span = Some(s0..off(r));
            end = off(r);
            if let Ok((r2, _)) = (satisfy(is_dash), ci("old"), boundary).parse(r) {
                end = off(r2);
                kind = UnitKind::Measure;
            }
            time_noun = in_list(TIME_NOUNS, &singular(w));
            if lookup(MEASURE_UNITS, w).is_some() {
                // "3-inch", "six-mile"
                kind = UnitKind::Measure;
            }
        }
    } else {
        let single = range.is_none() && first.value == 1.0;
        let c = counted(text, cur, !single, true);
        if let Some(h) = c.head {
            counted_plural = looks_plural(h);
            time_noun = in_list(TIME_NOUNS, &singular(h));
        }
        let (u, us, m, e) = finish_counted(&c, off(cur));
        unit = u;
        unit_span = us;
        modifiers = m;
        end = e;
        // "30 years old", "6 weeks of age"
        if time_noun {
            let old = (sp1, phrase("old"))
                .parse(&text[end..])
                .or_else(|_| (sp1, phrase("of age")).parse(&text[end..]));
            if let Ok((r, _)) = old {
                end = off(r);
                kind = UnitKind::Measure;
            }
        }
    }
    if let Some((code, s)) = &currency {
        unit = Some((*code).to_string());
        unit_span = Some(s.clone());
        kind = UnitKind::Currency;
        if let Some((_, m)) = scaled_code(text[s.clone()].trim_end()) {
            code_scale = m;
        }
    }

    // ---- rejections that need context ----
    let pw = prev_word(text, num_start);
    let pw_at_pos = prev_word(text, pos);
    // times
    if time_suffix(after_num) && currency.is_none() {
        return Err(num_end);
    }
    // dates: next to a month name
    let next_word = sp1(after_num)
        .ok()
        .and_then(|(r, _)| word(r).ok())
        .map(|(_, w)| w);
    if next_word.is_some_and(month_word) || pw.is_some_and(month_word) {
        return Err(num_end);
    }
    // labels: "Article 5", "Resolution 2100"
    if !has_prefix
        && !range_word
        && currency.is_none()
        && !first.words
        && pw_at_pos.is_some_and(|p| in_list(LABEL_WORDS, p))
    {
        return Err(num_end);
    }
    // names with numbers: "Apollo 11", "FTSE 100", "ISO 9001" — a capitalised
    // content word right before a bare number
    if !has_prefix
        && range.is_none()
        && currency.is_none()
        // nothing counted, or a singular noun after a number other than one ("Apollo 11 crew")
        && (unit.is_none() || (!counted_plural && !measured && first.value != 1.0))
        && !first.words
        // ("Aged 87, she ..." starts a sentence, names no thing)
        && pw_at_pos.is_some_and(|p| {
            is_capitalized(p) && !in_list(STOP_WORDS, p) && !p.eq_ignore_ascii_case("aged")
        })
        && prev_char(text, pos).is_some_and(is_hspace)
    {
        return Err(num_end);
    }
    // list markers "1." / "2)" at line start
    if !first.words && at_line_start(text, pos) && range.is_none() {
        let mut it = after_num.chars();
        if matches!(it.next(), Some('.' | ')')) && it.next().is_some_and(char::is_whitespace) {
            return Err(num_end);
        }
    }
    // street numbers: "12 Rue Victor Hugo", "10 Downing Street"
    if !first.words && currency.is_none() && range.is_none() && is_street(after_num) {
        return Err(num_end);
    }
    // years: a 4-digit number is a year unless a counted plural noun
    // (not a time word) follows, a measure/percent unit follows, or a bound
    // word precedes it ("over 2000 troops").
    if range.is_none() && currency.is_none() && is_year(&first) && !measured {
        let after_year_prep = pw_at_pos.is_some_and(|p| in_list(YEAR_PREPOSITIONS, p));
        // a comparative bound ("over 2000", "fewer than 1500") makes it an amount,
        // but "around 2000" / "circa 1990" are still years
        let comparative = has_prefix && !matches!(bound, Bound::About | Bound::Exact);
        if time_noun || (!counted_plural && !comparative) || (after_year_prep && !has_prefix) {
            return Err(num_end);
        }
    }
    // "the first half of 2024": a part of a period, not an amount
    if first.words
        && range.is_none()
        && pw_at_pos.is_some_and(|p| {
            in_list(
                &[
                    "first", "second", "third", "fourth", "final", "last", "latter", "former",
                    "other", "top", "bottom", "back", "front",
                ],
                p,
            )
        })
        && first.text.eq_ignore_ascii_case("half")
    {
        return Err(num_end);
    }
    // "one of the", "no one", "the one who", "one day"
    if first.bare_one && range.is_none() && !has_prefix {
        let next_is_of = peek((sp1, phrase("of"))).parse(after_num).is_ok();
        let det_before = pw_at_pos.is_some_and(|p| {
            in_list(
                &[
                    "the", "no", "any", "every", "each", "this", "that", "which", "someone",
                    "anyone", "only", "another", "every", "last", "next", "first",
                ],
                p,
            )
        });
        let idiom = next_word.is_some_and(|w| {
            in_list(
                &[
                    "day",
                    "another",
                    "way",
                    "time",
                    "side",
                    "hand",
                    "point",
                    "thing",
                    "morning",
                    "night",
                    "evening",
                    "afternoon",
                    "another's",
                ],
                w,
            )
        });
        // Money and measures are amounts even after a determiner: "the
        // one-yen bid", "that one mile".
        let amount = matches!(kind, UnitKind::Currency | UnitKind::Measure);
        if next_is_of || (det_before && !amount) || idiom || unit.is_none() {
            return Err(num_end);
        }
    }
    if !first.value.is_finite() || range.is_some_and(|(_, b)| !b.value.is_finite()) {
        return Err(num_end);
    }

    if code_scale != 1.0 {
        first.value *= code_scale;
        if let Some((a, b)) = &mut range {
            a.value *= code_scale;
            b.value *= code_scale;
        }
    }
    if hundredths {
        first.value /= 100.0;
        if let Some((a, b)) = &mut range {
            a.value /= 100.0;
            b.value /= 100.0;
        }
        if let Some((_, y)) = &mut second {
            *y /= 100.0;
        }
    }

    // ---- interval ----
    let one_sided = |b: Bound, x: f64| -> (Option<f64>, Option<f64>, bool, bool) {
        // counts are not negative: "under 30" is [0, 30)
        let floor = if x >= 0.0 { Some(0.0) } else { None };
        match b {
            Bound::MoreThan => (Some(x), None, false, false),
            Bound::AtLeast => (Some(x), None, true, false),
            Bound::LessThan => (floor, Some(x), true, false),
            _ => (floor, Some(x), true, true),
        }
    };
    let (value, low, high, low_inc, high_inc, approximate) = if let Some((b2, y)) = second {
        let (l1, h1, li1, hi1) = one_sided(bound, first.value);
        let (l2, h2, li2, hi2) = one_sided(b2, y);
        if lower(bound) {
            (None, l1, h2, li1, hi2, false)
        } else {
            (None, l2, h1, li2, hi1, false)
        }
    } else if let Some((a, b)) = range {
        let mut lo = a.value;
        // "2 to 3 million": the second number's scale applies to a bare first one
        if a.scale == 1.0 && b.scale > 1.0 && a.value * b.scale <= b.value {
            lo = a.value * b.scale;
        }
        (
            None,
            Some(lo),
            Some(b.value),
            true,
            true,
            bound == Bound::About,
        )
    } else {
        let x = first.value;
        match bound {
            Bound::Exact => (Some(x), Some(x), Some(x), true, true, false),
            Bound::MoreThan | Bound::AtLeast | Bound::LessThan | Bound::AtMost => {
                let (l, h, li, hi) = one_sided(bound, x);
                (Some(x), l, h, li, hi, approx_extra)
            }
            // below zero "nearly" still means a slightly smaller magnitude: "nearly -5" is (-5, -4.5]
            Bound::Nearly if x < 0.0 => {
                (Some(x), Some(x), Some(NEARLY_FLOOR * x), false, true, true)
            }
            Bound::Nearly => (Some(x), Some(NEARLY_FLOOR * x), Some(x), true, false, true),
            Bound::About => {
                let (a, b) = Tolerance::Rounding.about(x);
                (Some(x), Some(a), Some(b), true, true, true)
            }
            // "just over x" is a little greater than x, whatever its sign
            Bound::JustOver => (
                Some(x),
                Some(x),
                Some(if x >= 0.0 {
                    JUST_OVER_CEILING * x
                } else {
                    (2.0 - JUST_OVER_CEILING) * x
                }),
                false,
                true,
                true,
            ),
            Bound::Odd => {
                let step = if x >= 10.0 {
                    10f64.powf(x.log10().floor())
                } else {
                    1.0
                };
                (Some(x), Some(x), Some(x + step), true, false, true)
            }
        }
    };
    let number_span = if let Some((a, _)) = range {
        offset_in(text, a.text)..num_end
    } else if second.is_some() {
        num_start..second_end
    } else {
        num_start..num_end
    };
    let (unit, modifiers) = if ratio {
        kind = UnitKind::Percent;
        (
            Some("percent".to_string()),
            unit.into_iter().chain(modifiers).collect(),
        )
    } else {
        (unit, modifiers)
    };
    let unit_kind = unit.as_ref().map(|_| kind);
    Ok(QuantityMention {
        span: pos..end.max(off(cur)),
        bound_span: pos..bound_end.max(number_span.end),
        number_span,
        value,
        low,
        high,
        low_inclusive: low_inc,
        high_inclusive: high_inc,
        approximate,
        about: bound == Bound::About && second.is_none() && range.is_none(),
        vague: None,
        unit,
        unit_span,
        unit_kind,
        modifiers,
        ratio,
        range: range.is_some(),
    })
}

/// Byte offset of `part`, a subslice of `text`.
fn offset_in(text: &str, part: &str) -> usize {
    part.as_ptr() as usize - text.as_ptr() as usize
}

// street := sp1 (Cap-word sp1){0,3} STREET_WORD     (capitalised words only)
fn is_street(i: &str) -> bool {
    let mut rest = i;
    for _ in 0..4 {
        let Ok((r, _)) = sp1(rest) else { return false };
        let Ok((r2, w)) = word(r) else { return false };
        if !is_capitalized(w) {
            return false;
        }
        if in_list(STREET_WORDS, w) {
            return true;
        }
        rest = r2;
    }
    false
}

// ---------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Words the grammar knows and words it does not, numbers and marks,
    /// for text that reaches every path of [`mention_at`].
    fn token() -> impl Strategy<Value = String> {
        let mut starters: Vec<String> = PREFIXES.iter().map(|(w, _)| w.to_string()).collect();
        starters.extend(NUMBER_WORDS.iter().map(|(w, _)| w.to_string()));
        starters.extend(FRACTION_WORDS.iter().map(|(w, _)| format!("{w}s")));
        starters.extend(VAGUE.iter().map(|(w, _, _)| w.to_string()));
        starters.extend(CURRENCY_SYMBOLS.iter().map(|(w, _)| w.to_string()));
        starters.extend(DOLLAR_QUALIFIERS.iter().map(|(w, _)| format!("{w}$")));
        starters.extend(ISO_CODES.iter().map(|w| format!("M{w}")));
        starters.extend(ISO_CODES.iter().map(|w| w.to_string()));
        starters.extend(LOWERCASE_CODES.iter().map(|(w, _)| w.to_string()));
        starters.extend(
            [
                "a", "an", "half", "aged", "age", "between", "from", "minus", "negative", "Rs.",
                "Rs",
            ]
            .map(String::from),
        );
        let joiners: Vec<&str> = vec![
            "and", "to", "-", "–", "or", "out of", "in", "over", "of", "point", "through",
        ];
        let mut after: Vec<String> = SCALE_ABBREVS
            .iter()
            .map(|(w, _, _)| w.to_string())
            .collect();
        after.extend(CURRENCY_WORDS.iter().map(|(w, _)| w.to_string()));
        after.extend(
            [
                "%",
                "per cent",
                "soldiers",
                "people",
                "the",
                "May",
                "Some",
                "No.",
                "km",
                "years old",
                "hundred",
                "million",
                "dozen",
                "a",
                "thirds",
                "\"",
                ".",
                ",",
                ")",
            ]
            .map(String::from),
        );
        let number = || {
            prop_oneof![
                "[0-9]{1,4}([.,][0-9]{1,3})?",
                proptest::sample::select(vec!["one", "two", "twenty", "a", "half", "½"])
                    .prop_map(String::from),
            ]
        };
        // A phrase: a word a quantity may start with, a number, maybe a
        // second number after a joiner, maybe a word after.
        (
            prop_oneof![
                4 => proptest::sample::select(starters),
                1 => "[A-Za-z]{1,9}",
                1 => Just(String::new()),
            ],
            number(),
            proptest::option::of((proptest::sample::select(joiners), number())),
            proptest::option::of(proptest::sample::select(after)),
        )
            .prop_map(|(starter, a, joined, after)| {
                let mut phrase = format!("{starter} {a}");
                if let Some((joiner, b)) = joined {
                    phrase += &format!(" {joiner} {b}");
                }
                if let Some(after) = after {
                    phrase += &format!(" {after}");
                }
                phrase
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 20_000, ..ProptestConfig::default() })]

        #[test]
        fn the_first_word_filter_changes_nothing(
            tokens in proptest::collection::vec(token(), 1..5),
            glue in proptest::collection::vec(prop_oneof![Just(" "), Just(". "), Just(", ")], 5),
        ) {
            let text: String = tokens
                .iter()
                .zip(glue.iter().cycle())
                .flat_map(|(t, g)| [t.as_str(), g])
                .collect();
            let filtered = extract(&text, 0, may_start_quantity);
            let unfiltered = extract(&text, 0, |_| true);
            prop_assert_eq!(format!("{filtered:?}"), format!("{unfiltered:?}"), "{:?}", text);
        }
    }

    fn one(text: &str) -> QuantityMention {
        let v = extract_quantities(text);
        assert_eq!(v.len(), 1, "expected one mention in {text:?}, got {v:#?}");
        v.into_iter().next().unwrap()
    }

    fn none(text: &str) {
        let v = extract_quantities(text);
        assert!(v.is_empty(), "expected no mention in {text:?}, got {v:#?}");
    }

    fn slice(text: &str, r: &Range<usize>) -> String {
        text[r.clone()].to_string()
    }

    /// (value, unit, unit kind) of the only mention in `text`.
    fn vuk(text: &str) -> (Option<f64>, Option<String>, Option<UnitKind>) {
        let m = one(text);
        (m.value, m.unit, m.unit_kind)
    }

    fn money(v: f64, code: &str) -> (Option<f64>, Option<String>, Option<UnitKind>) {
        (Some(v), Some(code.to_string()), Some(UnitKind::Currency))
    }

    fn measure(v: f64, unit: &str) -> (Option<f64>, Option<String>, Option<UnitKind>) {
        (Some(v), Some(unit.to_string()), Some(UnitKind::Measure))
    }

    #[test]
    fn written_fractions() {
        assert_eq!(one("It ran 1/4 mile.").value, Some(0.25));
        assert_eq!(one("He ran 10 1/2 miles.").value, Some(10.5));
        assert_eq!(one("Bonds of 7 3/4 points").value, Some(7.75));
        // not fractions: dates, improper or odd denominators
        none("They met on 5/17/2018.");
        none("It opened 24/7.");
        none("It happened on 9/11.");
        // spoken mixed numbers: the last "and" begins a proper fraction
        let v = |t: &str| one(t).value.unwrap();
        assert!((v("one hundred and three quarters") - 100.75).abs() < 1e-9);
        assert!((v("two hundred and fifty-four hundredths") - 200.54).abs() < 1e-9);
        assert!((v("one hundred and thirty-two fifths") - 26.4).abs() < 1e-9);
        assert!((v("They have two million and one half") - 2.5e6).abs() < 1e-3);
        assert!((v("five billion and three quarters") - 5.75e9).abs() < 1.0);
        assert!((v("one billion and three quarters million") - 1.00075e9).abs() < 1.0);
    }

    #[test]
    fn exact_and_inclusive_bounds() {
        let m = one("exactly 30 soldiers");
        assert_eq!((m.low, m.high), (Some(30.0), Some(30.0)));
        assert_eq!(slice("exactly 30 soldiers", &m.bound_span), "exactly 30");
        let t = "The number equals 20.";
        assert_eq!(slice(t, &one(t).bound_span), "equals 20");
        let m = one("less than 5000 or equal");
        assert_eq!((m.high, m.high_inclusive), (Some(5000.0), true));
        let m = one("bigger or equal than 300");
        assert_eq!((m.low, m.low_inclusive, m.high), (Some(300.0), true, None));
        let m = one("turnout may exceed 3000 voters");
        assert_eq!((m.low, m.low_inclusive), (Some(3000.0), false));
        // "or less than 6000" is a second claim, not a suffix
        let v = extract_quantities("equal to 5000 or less than 6000");
        assert_eq!(v.len(), 2);
        assert_eq!((v[0].low, v[0].high), (Some(5000.0), Some(5000.0)));
        let t = "500 or more people";
        assert_eq!(slice(t, &one(t).bound_span), "500 or more");
        // comparison signs this grammar does not know set no bound
        for t in ["<>30", "=>30"] {
            let m = one(t);
            assert_eq!((m.low, m.high), (Some(30.0), Some(30.0)), "{t}");
        }
    }

    #[test]
    fn currencies() {
        assert_eq!(vuk("C$300 million"), money(3e8, "CAD"));
        assert_eq!(vuk("HK$ 10.05 billion"), money(10.05e9, "HKD"));
        assert_eq!(vuk("US $150 million"), money(1.5e8, "USD"));
        // "a $5 bill" is US dollars, not Australian
        assert_eq!(vuk("won a $48.2 million contract"), money(48.2e6, "USD"));
        assert_eq!(vuk("Banknotes of 50 €"), money(50.0, "EUR"));
        assert_eq!(vuk("It costs 20 usd."), money(20.0, "USD"));
        assert_eq!(vuk("It costs USD115."), money(115.0, "USD"));
        assert_eq!(vuk("It costs 115USD."), money(115.0, "USD"));
        assert_eq!(vuk("125 million Australian dollars"), money(1.25e8, "AUD"));
        assert_eq!(vuk("10,000 Swiss francs"), money(10_000.0, "CHF"));
        assert_eq!(vuk("down 50 cents"), money(0.5, "USD"));
        assert_eq!(vuk("shares at 197 pence"), money(1.97, "GBP"));
        assert_eq!(vuk("a 12-cent dividend"), money(0.12, "USD"));
        assert_eq!(vuk("its one-yen bid"), money(1.0, "JPY"));
        assert_eq!(vuk("it cost 3 dollars 50 cents"), money(3.5, "USD"));
        assert_eq!(
            vuk("thirteen dollars and forty-five cents"),
            money(13.45, "USD")
        );
        // two amounts, not dollars and cents
        assert_eq!(extract_quantities("50 dollar 40 rmb").len(), 2);
    }

    #[test]
    fn measures() {
        assert_eq!(vuk("a 3-inch thickness"), measure(3.0, "inch"));
        assert_eq!(vuk("within six feet of the cup"), measure(6.0, "foot"));
        let (v, u, _) = vuk("he is 5 feet 2 inches");
        assert_eq!(u.as_deref(), Some("foot"));
        assert!((v.unwrap() - (5.0 + 2.0 / 12.0)).abs() < 1e-9);
        assert_eq!(vuk("16,000 metric tons"), measure(16_000.0, "tonne"));
        assert_eq!(
            vuk("0.9 trillion cubic feet"),
            measure(0.9e12, "cubic foot")
        );
        assert_eq!(vuk("ranges of 190 km2"), measure(190.0, "square kilometre"));
        assert_eq!(vuk("20 degrees celsius"), measure(20.0, "degree celsius"));
        assert_eq!(vuk("98.6 degrees F"), measure(98.6, "degree fahrenheit"));
        assert_eq!(
            vuk("it can run at 188 miles an hour"),
            measure(188.0, "mile per hour")
        );
        assert_eq!(
            vuk("50 meters per second"),
            measure(50.0, "metre per second")
        );
        let t = "At 6 weeks of age, it walks.";
        assert_eq!(slice(t, &one(t).span), "6 weeks of age");
        assert_eq!(one(t).unit_kind, Some(UnitKind::Measure));
    }

    #[test]
    fn a_from_without_to_keeps_its_number() {
        assert_eq!(
            vuk("prices rose from $63.45, an increase"),
            money(63.45, "USD")
        );
        let m = one("up from 20 soldiers");
        assert_eq!((m.value, m.unit.as_deref()), (Some(20.0), Some("soldier")));
    }

    fn unit(text: &str) -> Option<String> {
        one(text).unit
    }

    #[test]
    fn bare_digits() {
        let t = "The toll rose to 30.";
        let m = one(t);
        assert_eq!(m.value, Some(30.0));
        assert_eq!((m.low, m.high), (Some(30.0), Some(30.0)));
        assert!(m.low_inclusive && m.high_inclusive);
        assert!(!m.approximate && m.vague.is_none() && !m.about);
        assert_eq!(m.unit, None);
        assert_eq!(slice(t, &m.number_span), "30");
    }

    #[test]
    fn digits_with_separators_and_decimals() {
        assert_eq!(one("a crowd of 1,200 people").value, Some(1200.0));
        assert_eq!(one("it weighed 1.5 tonnes").value, Some(1.5));
        let t = "a bill of 2,300.75 for repairs";
        let m = one(t);
        assert_eq!(m.value, Some(2300.75));
        assert_eq!(slice(t, &m.number_span), "2,300.75");
        assert_eq!(one("some 1,000,000 voters").value, Some(1e6));
    }

    #[test]
    fn scale_words() {
        let t = "The fund holds $2.5 billion for schools.";
        let m = one(t);
        assert_eq!(m.value, Some(2.5e9));
        assert_eq!(m.unit.as_deref(), Some("USD"));
        assert_eq!(slice(t, &m.span), "$2.5 billion");
        assert_eq!(slice(t, &m.number_span), "2.5 billion");
        assert_eq!(one("a $2.5bn loan").value, Some(2.5e9));
        let m = one("a €45m contract");
        assert_eq!((m.value, m.unit.as_deref()), (Some(45e6), Some("EUR")));
        assert_eq!(one("3 billion litres").value, Some(3e9));
        assert_eq!(one("1.5 million refugees").unit.as_deref(), Some("refugee"));
        // a bare "m" without a currency is not a scale (it is metres)
        let m = one("a wall 45m high");
        assert_eq!((m.value, m.unit.as_deref()), (Some(45.0), Some("metre")));
    }

    #[test]
    fn number_words() {
        assert_eq!(one("seven villages burned").value, Some(7.0));
        assert_eq!(one("thirty-one recruits").value, Some(31.0));
        let t = "one hundred and twenty villagers fled";
        let m = one(t);
        assert_eq!(m.value, Some(120.0));
        assert_eq!(slice(t, &m.number_span), "one hundred and twenty");
        assert_eq!(m.unit.as_deref(), Some("villager"));
        assert_eq!(one("a dozen trucks").value, Some(12.0));
        assert_eq!(one("3 doz eggs").value, Some(36.0));
        assert_eq!(one("five dzs eggs").value, Some(60.0));
        none("the dz file");
        none("DZ");
        assert_eq!(one("two dozen trucks").value, Some(24.0));
        assert_eq!(one("half a million displaced").value, Some(5e5));
        assert_eq!(one("a hundred homes").value, Some(100.0));
        assert_eq!(
            one("three thousand five hundred ballots").value,
            Some(3500.0)
        );
        // separate numbers stay separate
        assert!(
            extract_quantities("two three four")
                .iter()
                .all(|m| m.value.unwrap() < 5.0)
        );
    }

    #[test]
    fn fractions() {
        // A fraction of something is a share of it: a percentage, kept
        // apart like a ratio, with what it is a share of.
        let t = "a third of the soldiers deserted";
        let m = one(t);
        assert!((m.value.unwrap() - 100.0 / 3.0).abs() < 1e-9);
        assert_eq!(m.unit.as_deref(), Some("percent"));
        assert_eq!(m.unit_kind, Some(UnitKind::Percent));
        assert_eq!(m.modifiers, ["soldier"]);
        assert!(m.ratio);
        assert_eq!(slice(t, &m.number_span), "a third");
        let m = one("two thirds of voters");
        assert!((m.value.unwrap() - 200.0 / 3.0).abs() < 1e-9);
        let m = one("He spent half of it.");
        assert_eq!((m.value, m.unit.as_deref()), (Some(50.0), Some("percent")));
        // Without "of" a fraction is an amount: "a quarter million".
        assert_eq!(one("a quarter million people").value, Some(250_000.0));
        assert_eq!(one("quarter million people").value, Some(250_000.0));
    }

    #[test]
    fn lower_bounds() {
        for t in [
            "more than 30 guards",
            "over 30 guards",
            "above 30 guards",
            "upwards of 30 guards",
        ] {
            let m = one(t);
            assert_eq!(
                (m.value, m.low, m.high),
                (Some(30.0), Some(30.0), None),
                "{t}"
            );
            assert!(!m.low_inclusive, "{t}");
            assert_eq!(m.unit.as_deref(), Some("guard"), "{t}");
        }
        for t in [
            "at least 30 guards",
            "no fewer than 30 guards",
            "no less than 30 guards",
            "30 or more guards",
            "400-plus guards",
        ] {
            let m = one(t);
            assert_eq!(m.high, None, "{t}");
            assert!(m.low_inclusive, "{t}");
            assert_eq!(m.unit.as_deref(), Some("guard"), "{t}");
        }
        let t = "the 30 or more guards";
        assert_eq!(slice(t, &one(t).number_span), "30");
    }

    #[test]
    fn upper_bounds() {
        for t in [
            "fewer than 30 guards",
            "less than 30 guards",
            "under 30 guards",
            "below 30 guards",
        ] {
            let m = one(t);
            assert_eq!((m.low, m.high), (Some(0.0), Some(30.0)), "{t}");
            assert!(m.low_inclusive && !m.high_inclusive, "{t}");
        }
        for t in [
            "up to 30 guards",
            "as many as 30 guards",
            "at most 30 guards",
            "no more than 30 guards",
        ] {
            let m = one(t);
            assert_eq!((m.low, m.high), (Some(0.0), Some(30.0)), "{t}");
            assert!(m.low_inclusive && m.high_inclusive, "{t}");
            assert_eq!(m.value, Some(30.0));
        }
    }

    #[test]
    fn approximations() {
        for t in [
            "nearly 30 guards",
            "almost 30 guards",
            "just under 30 guards",
            "close to 30 guards",
        ] {
            let m = one(t);
            assert_eq!((m.low, m.high), (Some(27.0), Some(30.0)), "{t}");
            assert!(m.low_inclusive && !m.high_inclusive && m.approximate, "{t}");
        }
        for t in [
            "about 30 guards",
            "around 30 guards",
            "roughly 30 guards",
            "approximately 30 guards",
            "some 30 guards",
            "an estimated 30 guards",
            "estimated 30 guards",
            "circa 30 guards",
            "~30 guards",
        ] {
            let m = one(t);
            assert!(m.approximate, "{t}");
            assert_eq!(m.value, Some(30.0), "{t}");
            assert!(
                (m.low.unwrap() - 27.0).abs() < 1e-9 && (m.high.unwrap() - 33.0).abs() < 1e-9,
                "{t}"
            );
            assert_eq!(m.unit.as_deref(), Some("guard"), "{t}");
            assert!(m.about, "{t}");
        }
        // "about x" rounds at x's last significant digit (house style default)
        let m = one("about 1,200 guards");
        assert_eq!((m.low, m.high), (Some(1150.0), Some(1250.0)));
        assert!(!one("nearly 30 guards").about && !one("30 to 40 guards").about);
        let m = one("just over 30 guards");
        assert_eq!(m.low, Some(30.0));
        assert!(!m.low_inclusive && m.high_inclusive);
        assert!((m.high.unwrap() - 33.0).abs() < 1e-9);
        let m = one("30-odd guards");
        assert_eq!(
            (m.low, m.high, m.approximate),
            (Some(30.0), Some(40.0), true)
        );
        assert!(!m.high_inclusive);
    }

    #[test]
    fn ranges() {
        for t in [
            "30 to 40 guards",
            "30–40 guards",
            "30-40 guards",
            "between 30 and 40 guards",
            "from 30 to 40 guards",
        ] {
            let m = one(t);
            assert_eq!(
                (m.value, m.low, m.high),
                (None, Some(30.0), Some(40.0)),
                "{t}"
            );
            assert!(m.low_inclusive && m.high_inclusive);
            assert_eq!(m.unit.as_deref(), Some("guard"), "{t}");
        }
        let t = "between 30 and 40 guards";
        let m = one(t);
        assert_eq!(slice(t, &m.span), t);
        let t = "2 to 3 million people";
        let m = one(t);
        assert_eq!((m.low, m.high), (Some(2e6), Some(3e6)));
        // a falling pair is a score, not a range
        none("they won 3-2 at home");
    }

    #[test]
    fn vague_amounts() {
        use VagueAmount::*;
        /// text, amount, low, high, counted noun
        type Case<'a> = (&'a str, VagueAmount, f64, Option<f64>, Option<&'a str>);
        let cases: &[Case] = &[
            ("dozens of civilians", Dozens, 24.0, None, Some("civilian")),
            ("scores of civilians", Scores, 40.0, None, Some("civilian")),
            (
                "hundreds of civilians",
                Hundreds,
                200.0,
                None,
                Some("civilian"),
            ),
            (
                "thousands of civilians",
                Thousands,
                2000.0,
                None,
                Some("civilian"),
            ),
            (
                "tens of thousands of civilians",
                TensOfThousands,
                20_000.0,
                None,
                Some("civilian"),
            ),
            (
                "millions of civilians",
                Millions,
                2e6,
                None,
                Some("civilian"),
            ),
            (
                "a handful of civilians",
                Handful,
                2.0,
                Some(9.0),
                Some("civilian"),
            ),
            ("several civilians", Several, 3.0, None, Some("civilian")),
            ("a few civilians", Few, 2.0, Some(9.0), Some("civilian")),
            ("many civilians", Many, 2.0, None, Some("civilian")),
            ("numerous civilians", Many, 2.0, None, Some("civilian")),
            ("the raid, killing scores.", Scores, 40.0, None, None),
        ];
        for &(t, amount, low, high, u) in cases {
            let m = one(t);
            assert_eq!(m.vague, Some(amount), "{t}");
            assert!(m.value.is_none() && !m.about, "{t}");
            assert_eq!((m.low, m.high), (Some(low), high), "{t}");
            assert_eq!(m.unit.as_deref(), u, "{t}");
        }
        // pronoun "many" is fine without a noun
        assert_eq!(one("many died").unit, None);
        // "several" needs a noun
        none("several were seen");
        none("their test scores rose");
        none("how many were there");
    }

    #[test]
    fn percentages_currencies_units() {
        for t in ["12%", "12 percent", "12 per cent"] {
            let m = one(t);
            assert_eq!(
                (m.value, m.unit.as_deref()),
                (Some(12.0), Some("percent")),
                "{t}"
            );
        }
        let t = "prices rose 3.5% last year";
        assert_eq!(slice(t, &one(t).span), "3.5%");
        for (t, code) in [
            ("£40", "GBP"),
            ("¥300", "JPY"),
            ("USD 40", "USD"),
            ("40 euros", "EUR"),
            ("40 dollars", "USD"),
            ("40 pounds", "GBP"),
            ("40 EUR", "EUR"),
        ] {
            assert_eq!(unit(t).as_deref(), Some(code), "{t}");
        }
        assert_eq!(unit("a 12 km march").as_deref(), Some("kilometre"));
        assert_eq!(unit("a 12km march").as_deref(), Some("kilometre"));
        assert_eq!(unit("12 kilometers away").as_deref(), Some("kilometre"));
        assert_eq!(unit("12 miles away").as_deref(), Some("mile"));
        assert_eq!(unit("120 acres").as_deref(), Some("acre"));
        assert_eq!(unit("120 mm of rain").as_deref(), Some("millimetre"));
        assert_eq!(unit("8 tonnes of grain").as_deref(), Some("tonne"));
        assert_eq!(unit("8 tons of grain").as_deref(), Some("ton"));
        assert_eq!(unit("8 kg of grain").as_deref(), Some("kilogram"));
        assert_eq!(unit("for 48 hours").as_deref(), Some("hour"));
        assert_eq!(unit("for 9 days").as_deref(), Some("day"));
        let t = "a boy, 12 years old, was";
        let m = one(t);
        assert_eq!(m.unit.as_deref(), Some("year"));
        assert_eq!(slice(t, &m.span), "12 years old");
        let t = "2,300 hectares of forest";
        let m = one(t);
        assert_eq!(m.unit.as_deref(), Some("hectare"));
        assert_eq!(slice(t, m.unit_span.as_ref().unwrap()), "hectares");
        assert_eq!(unit("a 48-hour truce").as_deref(), Some("hour"));
    }

    #[test]
    fn a_disease_named_in_the_plural_modifies_the_count() {
        let m = one("The authority has confirmed 214 measles cases.");
        assert_eq!(m.unit.as_deref(), Some("case"));
        assert_eq!(m.modifiers, ["measles"]);
    }

    #[test]
    fn partitive_counts_share_the_noun() {
        let t = "The jury convicted the company on 11 of the 14 counts it faced.";
        let v = extract_quantities(t);
        let got: Vec<(&str, Option<&str>)> = v
            .iter()
            .map(|q| (&t[q.span.clone()], q.unit.as_deref()))
            .collect();
        assert_eq!(got, [("11", Some("count")), ("14 counts", Some("count"))]);
    }

    #[test]
    fn both_is_two() {
        let m = one("Ferrer scored both of the club's goals in the final.");
        assert_eq!((m.value, m.unit.as_deref()), (Some(2.0), Some("goal")));
        assert_eq!(one("Both sides claimed victory.").value, Some(2.0));
    }

    #[test]
    fn verbs_that_state_a_bound() {
        let m = one("Turnout exceeded 60% on Sunday.");
        assert_eq!((m.low, m.low_inclusive, m.high), (Some(60.0), false, None));
        let m = one("Sales topped $2 billion.");
        assert_eq!(m.low, Some(2e9));
    }

    #[test]
    fn compound_modifier_after_a_noun_keeps_the_phrase_going() {
        assert_eq!(
            unit("Six Canadair water-bombing aircraft joined the fight.").as_deref(),
            Some("aircraft")
        );
        assert_eq!(
            unit("13 assailants killed in the raid").as_deref(),
            Some("assailant")
        );
    }

    #[test]
    fn counted_noun() {
        let t = "more than 30 Malian soldiers were killed";
        let m = one(t);
        assert_eq!(slice(t, &m.span), "more than 30 Malian soldiers");
        assert_eq!(slice(t, m.unit_span.as_ref().unwrap()), "soldiers");
        assert_eq!(m.unit.as_deref(), Some("soldier"));
        assert!(m.modifiers.is_empty());
        let m = one("causing over 30 soldier fatalities");
        assert_eq!(m.unit.as_deref(), Some("fatality"));
        assert_eq!(m.modifiers, vec!["soldier".to_string()]);
        assert_eq!(unit("400 of its troops").as_deref(), Some("troop"));
        assert_eq!(unit("30 of the guards").as_deref(), Some("guard"));
        assert_eq!(
            unit("the deaths of over 400 guards").as_deref(),
            Some("guard")
        );
        assert_eq!(unit("13 gunmen were killed").as_deref(), Some("gunman"));
        assert_eq!(
            unit("13 attackers killed in raid").as_deref(),
            Some("attacker")
        );
        assert_eq!(
            unit("40 guards in a separate raid").as_deref(),
            Some("guard")
        );
        assert_eq!(unit("it killed over 30 troops").as_deref(), Some("troop"));
        assert_eq!(
            unit("Army Loses 30 Guards in Northern Camp Raid").as_deref(),
            Some("guard")
        );
        assert_eq!(unit("30 heavily armed men").as_deref(), Some("man"));
        let m = one("12 of the army's tanks");
        assert_eq!(
            (m.unit.as_deref(), m.modifiers.clone()),
            (Some("tank"), vec!["army".to_string()])
        );
        assert_eq!(unit("5 soldiers' families").as_deref(), Some("family"));
        assert_eq!(unit("12 children").as_deref(), Some("child"));
        assert_eq!(unit("9 lives").as_deref(), Some("life"));
        assert_eq!(unit("one policeman died").as_deref(), Some("policeman"));
        assert_eq!(
            unit("the number reached 30, officials said").as_deref(),
            None
        );
    }

    #[test]
    fn singular_folding() {
        for (p, s) in [
            ("people", "person"),
            ("men", "man"),
            ("women", "woman"),
            ("children", "child"),
            ("casualties", "casualty"),
            ("Fatalities", "fatality"),
            ("lives", "life"),
            ("soldiers", "soldier"),
            ("buses", "bus"),
            ("boxes", "box"),
            ("churches", "church"),
            ("troops", "troop"),
            ("hectares", "hectare"),
            ("bases", "base"),
            ("crises", "crisis"),
            ("soldier", "soldier"),
            ("personnel", "personnel"),
            ("status", "status"),
            ("été", "été"),
        ] {
            assert_eq!(singular(p), s, "{p}");
        }
        assert!(matches!(singular("soldier"), Cow::Borrowed(_)));
    }

    #[test]
    fn years_dates_times_are_not_quantities() {
        none("It fell in 2012 before being retaken.");
        none("Dateline: June 02, 2025");
        none("juntas in power since 2020–2023");
        none("published 2025-06-02");
        none("unchanged since 1999");
        none("on 10/12/2020");
        none("the 2012 elections");
        none("Sunday 1 June");
        none("on 3 May");
        none("at 4 p.m. local time");
        none("at 4pm");
        none("at 10:30");
        none("during the 1990s");
        none("in 2012 troops");
        assert_eq!(unit("the deaths of 1500 troops").as_deref(), Some("troop"));
        none("the 2015 attacks");
        assert_eq!(unit("1500 troops were sent").as_deref(), Some("troop"));
        assert_eq!(one("over 2,000 guards").value, Some(2000.0));
    }

    #[test]
    fn ordinals_codes_labels_are_not_quantities() {
        none("the 82nd Airborne");
        none("the first and second rounds");
        none("finished 1st");
        none("an A320 jet");
        none("COVID-19 cases");
        none("the G7 summit");
        none("under Resolution 2100");
        none("section 3 applies");
        none("Article 5 of the treaty");
        none("rule 12 says");
        none("call 555-0143 today");
        none("call +1 202 555 0143 today");
        none("call (202) 555-0143 today");
        none("at 12 Rue Victor Hugo");
        none("at 221B Baker Street");
        none("at 10 Downing Street");
        none("version 1.2.3 shipped");
    }

    #[test]
    fn one_idioms_and_list_markers() {
        none("one of the soldiers");
        none("the one who left");
        none("no one knows");
        none("one day he left");
        assert_eq!(unit("one soldier died").as_deref(), Some("soldier"));
        none("1. Introduction\n2) Methods");
        none("Intro\n  3. Results");
    }

    #[test]
    fn several_in_one_sentence() {
        let t = "About 30 guards and 12 civilians died; 40% fled.";
        let v = extract_quantities(t);
        assert_eq!(v.len(), 3);
        assert_eq!(v[0].unit.as_deref(), Some("guard"));
        assert_eq!(v[1].unit.as_deref(), Some("civilian"));
        assert_eq!(v[2].unit.as_deref(), Some("percent"));
        assert!(v[0].span.end <= v[1].span.start);
    }

    #[test]
    fn more_number_forms() {
        // fractions and mixed numbers
        let m = one("three quarters of the budget");
        assert_eq!(m.value, Some(75.0));
        assert_eq!(one("one and a half million people").value, Some(1.5e6));
        assert_eq!(one("3 million and a half viewers").value, Some(3.5e6));
        assert_eq!(
            one("a quarter of a million").value.map(|v| v > 0.0),
            Some(true)
        );
        none("a third attack followed");
        assert_eq!(one("it took 2½ hours").value, Some(2.5));
        // spoken decimals, negatives
        assert_eq!(one("five point two five").value, Some(5.25));
        assert_eq!(one("it was minus 5 outside").value, Some(-5.0));
        assert_eq!(one("a low of -3.5 degrees").value, Some(-3.5));
        assert_eq!(one("a reading of .08 was").value, Some(0.08));
        // grouping and scale abbreviations
        assert_eq!(one("some 40 000 people").value, Some(40000.0));
        assert_eq!(one("some 40\u{202f}000 people").value, Some(40000.0));
        assert_eq!(one("a 10M budget").value, Some(1e7));
        assert_eq!(one("about 10k runners").value, Some(1e4));
        assert_eq!(one("10 bln rubles").value, Some(1e10));
        assert_eq!(one("1.3e6 cells").value, Some(1.3e6));
        // ratios
        let t = "one in five adults";
        let m = one(t);
        assert_eq!((m.value, m.unit.as_deref()), (Some(20.0), Some("percent")));
        assert_eq!(m.modifiers, ["adult"]);
        assert_eq!(slice(t, &m.number_span), "one in five");
        assert_eq!(one("3 out of 10 voters").value, Some(30.0));
        // a dozen-multiplier after a compound
        assert_eq!(one("three hundred and two dozen").value, Some(324.0));
        assert_eq!(one("twenty and three fifths").value, Some(20.6));
    }

    #[test]
    fn more_bound_forms() {
        let t = "more than 10 and fewer than 20 guards";
        let m = one(t);
        assert_eq!((m.value, m.low, m.high), (None, Some(10.0), Some(20.0)));
        assert!(!m.low_inclusive && !m.high_inclusive);
        assert_eq!(m.unit.as_deref(), Some("guard"));
        assert_eq!(slice(t, &m.number_span), "10 and fewer than 20");
        let m = one("at most 100 and at least 20");
        assert_eq!((m.low, m.high), (Some(20.0), Some(100.0)));
        assert!(m.low_inclusive && m.high_inclusive);
        // an empty interval is two separate claims
        assert_eq!(extract_quantities("more than 40 and less than 10").len(), 2);
        let m = one("about 500 or more");
        assert_eq!((m.low, m.high, m.approximate), (Some(500.0), None, true));
        let m = one("500 and more");
        assert_eq!((m.low, m.high), (Some(500.0), None));
        let m = one("less than or equal to 30");
        assert_eq!(
            (m.low, m.high, m.high_inclusive),
            (Some(0.0), Some(30.0), true)
        );
        let m = one(">= 30");
        assert_eq!((m.low, m.high, m.low_inclusive), (Some(30.0), None, true));
        let m = one("~30 km");
        assert!(m.approximate);
        let m = one("20 through 100");
        assert_eq!((m.low, m.high), (Some(20.0), Some(100.0)));
        let m = one("under -5");
        assert_eq!((m.low, m.high), (None, Some(-5.0)));
        // comparative bounds make a 4-digit number an amount, "around" does not
        assert_eq!(one("over 2000").low, Some(2000.0));
        none("around 2000 he moved");
        none("in around 1990");
    }

    #[test]
    fn names_and_periods_are_not_quantities() {
        none("the Apollo 11 crew");
        none("the FTSE 100 fell");
        none("certified to ISO 9001");
        none("in the first half of 2024");
        none("a magnitude 6.8 quake");
        none("see pp. 12-14");
        let m = one("a 5,000-strong force");
        assert_eq!((m.value, m.unit), (Some(5000.0), None));
        assert_eq!(unit("6 ships struck mines").as_deref(), Some("ship"));
        // title case still counts
        assert_eq!(
            unit("Rebels Kill 12 Villagers").as_deref(),
            Some("villager")
        );
    }

    #[test]
    fn nasty_inputs_do_not_panic_and_stay_linear() {
        let long_digits = "9".repeat(5000);
        let long_groups = format!("1{}", ",000".repeat(3000));
        let words = "one hundred and ".repeat(2000);
        let seps = ",.-–:/ ".repeat(3000);
        let kelvin = "3\u{212A}m and \u{212A}m 3 \u{212A}M";
        let nasty: Vec<String> = vec![
            String::new(),
            " ".into(),
            "0".into(),
            "$".into(),
            "€".into(),
            "~".into(),
            "+".into(),
            "(".into(),
            "(1".into(),
            "1(".into(),
            "more than".into(),
            "between 3 and".into(),
            "from 3 to".into(),
            "30-".into(),
            "30–".into(),
            "-30".into(),
            "1.".into(),
            "1,".into(),
            "1,00".into(),
            ".5".into(),
            "a".into(),
            "a dozen".into(),
            "half".into(),
            "half a".into(),
            "a third".into(),
            "a third of".into(),
            "ǅ30 Ǆ".into(),
            "3\u{301}0 soldiers".into(),
            "٣٠ جندي".into(),
            "三十 soldiers 30人".into(),
            "30\u{a0}km".into(),
            "30\u{202f}%".into(),
            "🙂30🙂 🙂 30 🙂s".into(),
            "İ30 ıs".into(),
            kelvin.into(),
            long_digits.clone(),
            long_groups,
            words,
            seps,
            "one ".repeat(5000),
            "more than ".repeat(3000),
            "30 or ".repeat(3000),
            "$".repeat(3000),
            "- 1 ".repeat(3000),
            "many many ".repeat(2000),
            "minus ".repeat(20000),
            format!("3{}", " square".repeat(20000)),
            format!("3{}", " sq".repeat(20000)),
            "five point ".repeat(5000),
            "a third of a ".repeat(3000),
            "between 1 and ".repeat(3000),
            "1 in ".repeat(5000),
            "½".repeat(5000),
            "°".repeat(5000),
            "(1 ".repeat(5000),
            "+1 ".repeat(5000),
            "1-2-3-4-5-6-7-8-9-".repeat(500),
            "a a a a ".repeat(2000),
            format!("{long_digits} soldiers"),
            "nearly -5, about -5, just over -5, under -5, -30-odd, from -3 to -1".into(),
            "\u{0}\u{1}30\u{7f}".into(),
            "30\r\n2)".into(),
            "aged ".repeat(20000),
            "aged 1 ".repeat(5000),
            "one over ".repeat(5000),
            format!("{}fifths", "twenty ".repeat(5000)),
            format!("{}fifths", "one hundred thirty ".repeat(3000)),
            "4 thousand 3 hundred and ".repeat(3000),
            "3 lakh crore ".repeat(3000),
            format!("1{}", ",23".repeat(5000)),
            "1.1^".repeat(3000),
            "1x10^".repeat(3000),
            "20 (kg".repeat(3000),
            "3 MUSD".repeat(3000),
            "c $ ".repeat(3000),
            "fifty - ".repeat(5000),
        ];
        for s in &nasty {
            let v = extract_quantities(s);
            for m in &v {
                assert!(s.is_char_boundary(m.span.start) && s.is_char_boundary(m.span.end));
                assert!(
                    m.span.start <= m.number_span.start && m.number_span.end <= m.span.end,
                    "{m:?}"
                );
                if let (Some(l), Some(h)) = (m.low, m.high) {
                    assert!(l <= h, "{m:?}");
                }
                let _ = &s[m.span.clone()];
                let _ = &s[m.number_span.clone()];
                if let Some(u) = &m.unit_span {
                    assert!(m.span.start <= u.start && u.end <= m.span.end, "{m:?}");
                    let _ = &s[u.clone()];
                }
            }
        }
        // every suffix of a tricky string, to hit odd char boundaries
        let tricky =
            "über 30 Soldaten — more than 30 Malian soldiers, €4.5m, ~12 km, 1,200.5 ¥, “30-odd” ½";
        for (k, _) in tricky.char_indices() {
            for m in extract_quantities(&tricky[k..]) {
                let u = m.unit_span.clone().unwrap_or(m.number_span.clone());
                assert!(m.span.start <= u.start && u.end <= m.span.end, "{m:?}");
            }
        }
    }

    /// (text of the span, value) of every mention in `text`.
    fn spans(text: &str) -> Vec<(String, Option<f64>)> {
        extract_quantities(text)
            .into_iter()
            .map(|m| (slice(text, &m.span), m.value))
            .collect()
    }

    fn close(a: Option<f64>, b: f64) -> bool {
        a.is_some_and(|a| (a - b).abs() <= 1e-9 * b.abs().max(1.0))
    }

    #[test]
    fn spaced_letter_units() {
        let v = extract_quantities("The length is 12 m 2 dm more or less");
        assert_eq!(v[0].unit.as_deref(), Some("metre"));
        assert_eq!(
            slice("The length is 12 m 2 dm more or less", &v[0].span),
            "12 m"
        );
        let v = extract_quantities("1 m x 1 m");
        assert_eq!(v.len(), 2);
        assert!(v.iter().all(|m| m.unit.as_deref() == Some("metre")));
        assert_eq!(vuk("a dose of 5 g."), measure(5.0, "gram"));
        // a stop word after the letter leaves it a unit
        assert_eq!(
            extract_quantities("the 100 m in 9.8 seconds")[0]
                .unit
                .as_deref(),
            Some("metre")
        );
        // a word after a spaced letter makes it something else
        assert_ne!(one("5 m people came").unit.as_deref(), Some("metre"));
        assert_ne!(one("a 5 t truck").unit.as_deref(), Some("tonne"));
    }

    #[test]
    fn bracketed_units() {
        for t in ["20 (kg)", "20 [kg]", "20 {kg}", "20 <kg>"] {
            let m = one(t);
            assert_eq!((m.value, m.unit.as_deref()), (Some(20.0), Some("kilogram")));
            assert_eq!(slice(t, &m.span), t);
        }
        // not a unit in brackets, or not closed
        assert_eq!(one("They were 20 (AFP) on Monday").unit, None);
        assert_eq!(one("The weight is 20 (kg net").unit, None);
        assert_eq!(one("The weight is 20 ( kg )").unit, None);
    }

    #[test]
    fn slash_rates() {
        assert_eq!(
            vuk("at 50 km/ms"),
            measure(50.0, "kilometre per millisecond")
        );
        assert_eq!(
            vuk("50 centimeters/millisecond"),
            measure(50.0, "centimetre per millisecond")
        );
        assert_eq!(
            vuk("it flew at 300 m/s"),
            measure(300.0, "metre per second")
        );
        // a slash to something that is no time is no rate
        assert_ne!(one("50 km/banana").unit.as_deref(), Some("kilometre"));
    }

    #[test]
    fn ages_by_their_words() {
        assert_eq!(vuk("The patient is a 87 yo man"), measure(87.0, "year"));
        let t = "a man of age 87 with history";
        let m = one(t);
        assert_eq!((m.value, m.unit.as_deref()), (Some(87.0), Some("year")));
        assert_eq!(slice(t, &m.span), "age 87");
        assert_eq!(slice(t, m.unit_span.as_ref().unwrap()), "age");
        assert_eq!(slice(t, &m.bound_span), "87");
        assert_eq!(vuk("Aged 87, he died."), measure(87.0, "year"));
        let m = one("women aged 18 to 30");
        assert_eq!(
            (m.low, m.high, m.unit.as_deref()),
            (Some(18.0), Some(30.0), Some("year"))
        );
        // the age of something else, or a counted noun after the number
        assert_eq!(one("the age of 5").unit, None);
        assert_eq!(one("in age 3 groups").unit.as_deref(), Some("group"));
    }

    #[test]
    fn number_compound_after_a_partitive() {
        let t = "to develop five of the three-ton satellites";
        let v = extract_quantities(t);
        assert_eq!(v.len(), 2, "{v:#?}");
        assert_eq!(v[0].value, Some(5.0));
        assert_eq!(
            (v[1].value, v[1].unit.as_deref(), v[1].unit_kind),
            (Some(3.0), Some("ton"), Some(UnitKind::Measure))
        );
    }

    #[test]
    fn scaled_currency_codes() {
        assert_eq!(vuk("losses of 30 MUSD were reported"), money(3e7, "USD"));
        assert_eq!(vuk("an increase to 120 MEUR"), money(1.2e8, "EUR"));
        assert_eq!(vuk("48.5 MGBP purchase price"), money(48.5e6, "GBP"));
        assert_eq!(vuk("totalling twenty MUSD"), money(2e7, "USD"));
        assert_eq!(vuk("revenues of MAUD 60"), money(6e7, "AUD"));
        assert_eq!(vuk("a budget of 500 kEUR"), money(5e5, "EUR"));
        let t = "They lost 75 USD million in the past.";
        let m = one(t);
        assert_eq!((m.value, m.unit.as_deref()), (Some(7.5e7), Some("USD")));
        assert_eq!(slice(t, &m.span), "75 USD million");
        // no code behind the letter, or no scale letter
        assert_eq!(vuk("a 20 MB file"), measure(20.0, "megabyte"));
        assert_eq!(one("a 20 MXD file").unit_kind, Some(UnitKind::Counted));
    }

    #[test]
    fn currency_next_to_another_amount() {
        // a code glued to digits begins the next amount
        let v = extract_quantities("we are giving away 3 USD50 Cards.");
        assert_eq!(v.len(), 2, "{v:#?}");
        assert_eq!(v[0].unit, None);
        assert_eq!(
            (v[1].value, v[1].unit.as_deref()),
            (Some(50.0), Some("USD"))
        );
        // the currency said twice is one amount
        let t = "a $10 dollars bill";
        assert_eq!(slice(t, &one(t).span), "$10 dollars");
        // but two currencies are two amounts
        assert_eq!(extract_quantities("50 dollar 40 rmb").len(), 2);
    }

    #[test]
    fn more_currency_forms() {
        assert_eq!(vuk("the c $ 300 million charge"), money(3e8, "CAD"));
        assert_eq!(vuk("a c$300 charge"), money(300.0, "CAD"));
        // other lower-case letters qualify no dollar
        assert_eq!(vuk("a $5 bill"), money(5.0, "USD"));
        assert_eq!(vuk("Supply limit: ₿21,000,000"), money(21e6, "BTC"));
        assert_eq!(vuk("2 satoshis one day"), money(2.0, "satoshi"));
        assert_eq!(vuk("we may lose 5 mln bucks"), money(5e6, "USD"));
        assert_eq!(vuk("it cost me 20 quid"), money(20.0, "GBP"));
        assert_eq!(vuk("it costs Rs 2 lakh crore"), money(2e12, "INR"));
        assert_eq!(
            vuk("a loan of 12,34,567.89 rupees"),
            money(1_234_567.89, "INR")
        );
    }

    #[test]
    fn indian_grouping() {
        assert_eq!(one("The result is 12,34,567.89").value, Some(1_234_567.89));
        assert_eq!(one("The result is 1,00,000 people").value, Some(100_000.0));
        // a list of pairs, or pairs without the last three digits, is not one number
        assert!(
            spans("Exercises 22,24,26,31.")
                .iter()
                .all(|(_, v)| *v != Some(22_242_631.0))
        );
        assert_ne!(
            extract_quantities("1,00,00 people")[0].value,
            Some(100_000.0)
        );
    }

    #[test]
    fn spoken_numbers_with_signs_and_spaced_hyphens() {
        assert_eq!(one("The answer is minus one").value, Some(-1.0));
        assert_eq!(one("The answer is negative one").value, Some(-1.0));
        assert_eq!(one("fifty - two").value, Some(52.0));
        // a spaced hyphen joins tens to units only
        assert_eq!(
            spans("twenty - eleven"),
            [
                ("twenty".to_string(), Some(20.0)),
                ("eleven".to_string(), Some(11.0))
            ]
        );
    }

    #[test]
    fn spaced_and_stacked_scales() {
        assert_eq!(one("2.33 k").value, Some(2330.0));
        // "5 K" is kelvin, not thousands
        assert_eq!(one("it was 5 K colder").value, Some(5.0));
        assert_eq!(
            spans("either 10 bln or 10 tln"),
            [
                ("10 bln".to_string(), Some(1e10)),
                ("10 tln".to_string(), Some(1e13))
            ]
        );
        // "or" still makes a range without "either"
        assert!(one("10 or 12 people").range);
        assert_eq!(one("The total is three lakh crore").value, Some(3e12));
        assert_eq!(one("The total is 3 hundred million").value, Some(3e8));
        assert_eq!(one("two thousand million").value, Some(2e9));
        // a falling scale after a second group is not stacked
        assert_eq!(one("one million two thousand").value, Some(1_002_000.0));
    }

    #[test]
    fn digits_mixed_with_scale_words() {
        assert_eq!(
            one("4 thousand 3 hundred and 21 is valid").value,
            Some(4321.0)
        );
        assert_eq!(one("3 hundred and one is valid").value, Some(301.0));
        assert_eq!(
            one("I count 6 crore and two hundred").value,
            Some(60_000_200.0)
        );
        assert_eq!(
            spans("3 hundred and 2 hundred are two."),
            [
                ("3 hundred".to_string(), Some(300.0)),
                ("2 hundred".to_string(), Some(200.0)),
                ("two".to_string(), Some(2.0))
            ]
        );
        assert_eq!(
            extract_quantities("4 thousand 3 hundred and 0 are two")[0].value,
            Some(4300.0)
        );
        // digits after "and" end only a hundred
        assert_eq!(
            extract_quantities("2 million and 20 injured")[0].value,
            Some(2e6)
        );
    }

    #[test]
    fn scientific_and_powers() {
        assert!(close(one("it is 1.3x10^6").value, 1.3e6));
        assert!(close(one("it is 6.23x10^-4").value, 6.23e-4));
        assert!(close(one("1.1^23").value, 1.1f64.powi(23)));
        assert!(close(one("2.5^-1").value, 0.4));
        assert!(close(one("-2500^-1").value, -0.0004));
        // "10x20" is a size, not a power of ten
        assert_ne!(
            extract_quantities("a 10x20 room")
                .first()
                .and_then(|m| m.value),
            Some(20.0)
        );
    }

    #[test]
    fn compound_ordinal_fractions() {
        let v = |t: &str| one(t).value;
        assert!(close(v("one twenty-fifth"), 1.0 / 25.0));
        assert!(close(v("a twenty-first"), 1.0 / 21.0));
        assert!(close(v("three twenty-firsts"), 3.0 / 21.0));
        assert!(close(v("three twenty firsts"), 3.0 / 21.0));
        assert!(close(v("twenty twenty fifths"), 0.8));
        assert!(close(v("one hundred thirty-fifths"), 100.0 / 35.0));
        assert!(close(v("one hundred thirty fifths"), 100.0 / 35.0));
        assert!(close(v("minus one hundred thirty fifths"), -100.0 / 35.0));
        // "and" keeps the tens in the numerator; units are no ordinal's tens
        assert!(close(v("one hundred and thirty fifths"), 26.0));
        assert!(close(v("twenty one fifths"), 4.2));
        assert!(close(v("thirty fifths"), 6.0));
        assert!(close(v("a thirtieth"), 1.0 / 30.0));
        assert!(close(
            v("a value of two hundred thirty two and a thirtieth"),
            232.0 + 1.0 / 30.0
        ));
        assert!(close(v("a hundred trillionths"), 1e-10));
        assert!(close(v("a hundred thousand trillionths"), 1e-7));
        assert!(close(
            v("one million two thousand two hundred three fifths"),
            1_002_203.0 / 5.0
        ));
        assert!(close(v("one - fourth"), 0.25));
        assert!(close(v("five - eighths"), 0.625));
        // a numerator above one needs a plural: "two millionth" is an ordinal
        let m = one("two millionth");
        assert_eq!(
            (m.value, slice("two millionth", &m.number_span).as_str()),
            (Some(2.0), "two")
        );
        // unless hyphenated and small: "a two-third share of"
        assert!(close(one("two-third of the seats").value, 200.0 / 3.0));
        // "seconds" joins tens only with a hyphen
        assert_eq!(one("twenty seconds").value, Some(20.0));
        assert!(close(v("two twenty-seconds"), 2.0 / 22.0));
        // a scaled numerator needs a plural denominator
        assert_ne!(
            extract_quantities("a million fifth")
                .first()
                .and_then(|m| m.value),
            Some(2e5)
        );
        // a compound ordinal is no amount at all
        none("the twenty-fifth anniversary");
        none("the fifty-first state");
        assert!(close(v("twenty-fifths"), 4.0));
        // an ordinal before a noun is no fraction
        assert!(
            extract_quantities("a twenty-first century problem")
                .iter()
                .all(|m| m.value != Some(1.0 / 21.0))
        );
    }

    #[test]
    fn over_fractions() {
        let v = |t: &str| one(t).value;
        assert!(close(v("one over three"), 1.0 / 3.0));
        assert!(close(v("1 over twenty-one"), 1.0 / 21.0));
        assert!(close(v("1 over one hundred and twenty one"), 1.0 / 121.0));
        assert!(close(v("2000 over 3"), 2000.0 / 3.0));
        assert!(close(v("The answer is negative one over 20"), -0.05));
        // an amount over a time, or over counted things, is no fraction
        let t = "$5 million over three years";
        assert_eq!(extract_quantities(t)[0].value, Some(5e6));
        assert_eq!(
            extract_quantities("prices rose 2 over 3 years")[0].value,
            Some(2.0)
        );
        assert_eq!(
            extract_quantities("the team won 3 over 2 rivals")[0].value,
            Some(3.0)
        );
        assert_eq!(extract_quantities("3 over 2%")[0].value, Some(3.0));
    }

    #[test]
    fn bare_hundred_before_a_scale() {
        assert_eq!(vuk("hundred thousand dollars"), money(1e5, "USD"));
        // "the Hundred" alone is a name, not a number
        none("the Hundred final");
    }

    #[test]
    fn scale_letters_after_decimals() {
        assert_eq!(one("1.2b").value, Some(1.2e9));
        let m = one("It has 1.2b people.");
        assert_eq!((m.value, m.unit.as_deref()), (Some(1.2e9), Some("person")));
        assert_eq!(one("1.5m people fled").value, Some(1.5e6));
        assert_eq!(vuk("2.5m euros"), money(2.5e6, "EUR"));
        // metres where nothing is counted, and labels stay labels
        assert_eq!(vuk("a 1.5m wall"), measure(1.5, "metre"));
        assert_eq!(vuk("it is 1.5m deep"), measure(1.5, "metre"));
        none("version 1.2b");
        none("see clause 3b");
    }
}
