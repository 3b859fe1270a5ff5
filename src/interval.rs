//! Quantities as intervals, and how an editor compares them: a mention
//! contradicts a fact when no value satisfies both, allowing for rounding.

use crate::extract::quantity::QuantityMention;
use crate::house_style::{HouseStyle, Tolerance};

/// A quantity's interval, read off a mention.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Interval {
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub low_inclusive: bool,
    pub high_inclusive: bool,
}

impl Interval {
    /// The interval as extracted, under the default house style.
    pub fn of(q: &QuantityMention) -> Self {
        Interval {
            low: q.low,
            high: q.high,
            low_inclusive: q.low_inclusive,
            high_inclusive: q.high_inclusive,
        }
    }

    /// The interval under a house style and a fact's tolerance: "dozens"
    /// means what the style says, "about x" reaches as far as the tolerance.
    pub fn read(q: &QuantityMention, style: &HouseStyle, tolerance: Tolerance) -> Self {
        if let Some(amount) = q.vague {
            let (low, high) = style.meaning(amount).bounds();
            return Interval {
                low: Some(low),
                high,
                low_inclusive: true,
                high_inclusive: high.is_some(),
            };
        }
        if let (true, Some(x)) = (q.about, q.value) {
            let (low, high) = tolerance.about(x);
            return Interval {
                low: Some(low),
                high: Some(high),
                low_inclusive: true,
                high_inclusive: true,
            };
        }
        Interval::of(q)
    }

    /// Whether some value lies in both intervals.
    pub fn overlaps(&self, other: &Interval) -> bool {
        let (low, low_inc) = tighter(
            (self.low, self.low_inclusive),
            (other.low, other.low_inclusive),
            |a, b| a > b,
        );
        let (high, high_inc) = tighter(
            (self.high, self.high_inclusive),
            (other.high, other.high_inclusive),
            |a, b| a < b,
        );
        match (low, high) {
            (Some(l), Some(h)) if close(l, h) => low_inc && high_inc,
            (Some(l), Some(h)) => l < h,
            _ => true,
        }
    }

    /// The same interval, ends and all.
    pub fn same(&self, other: &Interval) -> bool {
        let end = |a: Option<f64>, b: Option<f64>| match (a, b) {
            (Some(x), Some(y)) => close(x, y),
            (None, None) => true,
            _ => false,
        };
        end(self.low, other.low)
            && end(self.high, other.high)
            && (self.low.is_none() || self.low_inclusive == other.low_inclusive)
            && (self.high.is_none() || self.high_inclusive == other.high_inclusive)
    }

    /// "more than 30", "exactly 30", "at least 450 and less than 500".
    pub fn describe(&self) -> String {
        match (self.low, self.high) {
            (Some(l), Some(h)) if close(l, h) => format!("exactly {}", number(l)),
            (Some(l), None) if self.low_inclusive => format!("at least {}", number(l)),
            (Some(l), None) => format!("more than {}", number(l)),
            (low, Some(h)) if low.is_none_or(|l| l == 0.0 && self.low_inclusive) => {
                if self.high_inclusive {
                    format!("at most {}", number(h))
                } else {
                    format!("less than {}", number(h))
                }
            }
            (Some(l), Some(h)) => format!(
                "{} {} and {} {}",
                if self.low_inclusive {
                    "at least"
                } else {
                    "more than"
                },
                number(l),
                if self.high_inclusive {
                    "at most"
                } else {
                    "less than"
                },
                number(h)
            ),
            (None, Some(h)) => format!(
                "{} {}",
                if self.high_inclusive {
                    "at most"
                } else {
                    "less than"
                },
                number(h)
            ),
            (None, None) => "any amount".to_string(),
        }
    }
}

/// Of two bounds, the one that restricts more; on a tie, the exclusive one.
fn tighter(
    a: (Option<f64>, bool),
    b: (Option<f64>, bool),
    more_restrictive: impl Fn(f64, f64) -> bool,
) -> (Option<f64>, bool) {
    match (a.0, b.0) {
        (None, _) => b,
        (_, None) => a,
        (Some(x), Some(y)) if close(x, y) => (Some(x), a.1 && b.1),
        (Some(x), Some(y)) => {
            if more_restrictive(x, y) {
                a
            } else {
                b
            }
        }
    }
}

/// Equal but for floating-point noise.
pub(crate) fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

/// Whether an exact mention is the fact's more precise value rounded the way
/// the mention is written: "2,300" for 2,348, "1.5 million" for 1,512,000,
/// "48%" for 47.6%. A whole number with fewer than two rounding zeros
/// ("30") is exact to the unit, so 31 does not round to it. A fact's
/// `tolerance` share replaces the rounding rule.
pub fn is_rounding_of(
    mention: &QuantityMention,
    written: &str,
    fact: &QuantityMention,
    tolerance: Tolerance,
) -> bool {
    let (Some(m), Some(f)) = (exact(mention), exact(fact)) else {
        return false;
    };
    let Some(step) = rounding_step(written, m) else {
        return false;
    };
    tolerance.accepts_rounding(m, step, f)
}

fn exact(q: &QuantityMention) -> Option<f64> {
    match (q.low, q.high) {
        (Some(l), Some(h)) if close(l, h) && !q.approximate && q.vague.is_none() => Some(l),
        _ => None,
    }
}

/// The place of the last significant digit a number is written to: the
/// hundreds for "2,300", a tenth of a million for "1.5 million", one for
/// "48", a tenth for "2.5". `None` for a number written in words.
fn rounding_step(written: &str, value: f64) -> Option<f64> {
    let digits: String = written
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    let written_value: f64 = digits.parse().ok()?;
    if written_value == 0.0 {
        return None;
    }
    let (int, frac) = digits.split_once('.').unwrap_or((&digits, ""));
    // A scale word ("million", "bn") multiplies what the digits say.
    let scale = value / written_value;
    let step = if !frac.is_empty() {
        10f64.powi(-(frac.len() as i32))
    } else {
        let zeros = int.len() - int.trim_end_matches('0').len();
        if zeros >= 2 {
            10f64.powi(zeros as i32)
        } else {
            1.0
        }
    };
    Some(step * scale)
}

/// A number as an editor writes it: 2,300, 2.5, 2,500,000,000.
pub fn number(x: f64) -> String {
    if x.fract().abs() > 1e-9 {
        let s = format!("{x:.2}");
        return s.trim_end_matches('0').trim_end_matches('.').to_string();
    }
    let digits = format!("{}", x.abs().round() as u128);
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if x < 0.0 { format!("-{out}") } else { out }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iv(low: Option<f64>, high: Option<f64>, li: bool, hi: bool) -> Interval {
        Interval {
            low,
            high,
            low_inclusive: li,
            high_inclusive: hi,
        }
    }

    fn q(low: f64, high: f64) -> QuantityMention {
        QuantityMention {
            span: 0..0,
            number_span: 0..0,
            bound_span: 0..0,
            value: Some(low),
            low: Some(low),
            high: Some(high),
            low_inclusive: true,
            high_inclusive: true,
            approximate: false,
            about: false,
            vague: None,
            unit: None,
            unit_span: None,
            unit_kind: None,
            modifiers: Vec::new(),
            ratio: false,
            range: false,
        }
    }

    #[test]
    fn bounds_and_points() {
        let exactly_30 = iv(Some(30.0), Some(30.0), true, true);
        let more_than_30 = iv(Some(30.0), None, false, false);
        let at_least_30 = iv(Some(30.0), None, true, false);
        assert!(!exactly_30.overlaps(&more_than_30));
        assert!(exactly_30.overlaps(&at_least_30));
        let nearly_500 = iv(Some(450.0), Some(500.0), true, false);
        let at_least_500 = iv(Some(500.0), None, true, false);
        assert!(!nearly_500.overlaps(&at_least_500));
        let dozens = iv(Some(24.0), None, true, false);
        assert!(dozens.overlaps(&more_than_30));
        let seven = iv(Some(7.0), Some(7.0), true, true);
        let nine = iv(Some(9.0), Some(9.0), true, true);
        assert!(!seven.overlaps(&nine));
    }

    #[test]
    fn descriptions() {
        assert_eq!(
            iv(Some(30.0), None, false, false).describe(),
            "more than 30"
        );
        assert_eq!(
            iv(Some(2300.0), Some(2300.0), true, true).describe(),
            "exactly 2,300"
        );
        assert_eq!(
            iv(Some(0.0), Some(30.0), true, true).describe(),
            "at most 30"
        );
        assert_eq!(
            iv(Some(450.0), Some(500.0), true, false).describe(),
            "at least 450 and less than 500"
        );
        assert_eq!(number(2.5e9), "2,500,000,000");
        assert_eq!(number(1.5), "1.5");
    }

    #[test]
    fn rounding() {
        assert!(is_rounding_of(
            &q(2300.0, 2300.0),
            "2,300",
            &q(2348.0, 2348.0),
            Tolerance::Rounding
        ));
        assert!(!is_rounding_of(
            &q(2300.0, 2300.0),
            "2,300",
            &q(2400.0, 2400.0),
            Tolerance::Rounding
        ));
        assert!(is_rounding_of(
            &q(1.5e6, 1.5e6),
            "1.5",
            &q(1_512_000.0, 1_512_000.0),
            Tolerance::Rounding
        ));
        assert!(
            !is_rounding_of(&q(30.0, 30.0), "30", &q(31.0, 31.0), Tolerance::Rounding),
            "tens are exact"
        );
        assert!(!is_rounding_of(
            &q(2348.0, 2348.0),
            "2,348",
            &q(2300.0, 2300.0),
            Tolerance::Rounding
        ));
    }

    #[test]
    fn read_under_a_house_style_and_tolerance() {
        use crate::house_style::VagueAmount;
        let mut about = q(1080.0, 1320.0);
        about.value = Some(1200.0);
        about.about = true;
        let style = HouseStyle::DEFAULT;
        let rounded = Interval::read(&about, &style, Tolerance::Rounding);
        assert_eq!((rounded.low, rounded.high), (Some(1150.0), Some(1250.0)));
        let share = Interval::read(&about, &style, Tolerance::Share(0.05));
        assert_eq!((share.low, share.high), (Some(1140.0), Some(1260.0)));
        let mut dozens = q(24.0, 24.0);
        dozens.vague = Some(VagueAmount::Dozens);
        dozens.high = None;
        let house: HouseStyle = toml::from_str("dozens = [36, 99]").unwrap();
        let read = Interval::read(&dozens, &house, Tolerance::Rounding);
        assert_eq!((read.low, read.high), (Some(36.0), Some(99.0)));
        assert!(read.low_inclusive && read.high_inclusive);
        // anything else is read as extracted
        let plain = q(30.0, 30.0);
        assert!(Interval::read(&plain, &house, Tolerance::Share(0.5)).same(&Interval::of(&plain)));
    }
}
