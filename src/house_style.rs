//! House style: what a newsroom means by an approximate or a vague amount.
//!
//! "about 1,200" and "dozens" have no meaning of their own; a style guide
//! gives them one. The defaults here are factlint's documented style, and a
//! fact sheet's `[house_style]` table (or a fact's own `tolerance`) changes
//! any of them:
//!
//! ```toml
//! [house_style]
//! tolerance = 0.05    # "about x" is x ± 5 % (default: x rounded, see below)
//! dozens = 24         # "dozens" is at least 24
//! few = [2, 9]        # "a few" is 2 to 9
//! ```

use serde::Deserialize;

use crate::interval::close;

/// How far "about x" reaches, and how far a round number may be from the
/// precise value it stands for.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub enum Tolerance {
    /// The default: "about x" holds the values that round to x at its last
    /// significant digit (at a multiple of 5 of that place when that digit is
    /// 5), and never more than 10 % from x: "about 1,200" is 1,150–1,250,
    /// "about 30" is 27–33, "about 2.5 million" is 2.25–2.75 million. A round
    /// number written for a precise one ("2,300" for 2,348) must be that
    /// value rounded.
    #[default]
    Rounding,
    /// x ± this share of x, for "about x" and for a round number alike
    /// (`tolerance = 0.05`); 0 accepts exact values only.
    Share(f64),
}

/// The most "about x" may stray from x under [`Tolerance::Rounding`].
const MAX_ROUNDING_SHARE: f64 = 0.10;

impl Tolerance {
    /// Reads a `tolerance` value: a share of the value between 0 and 1.
    pub fn share(share: f64) -> Result<Tolerance, String> {
        if (0.0..1.0).contains(&share) {
            Ok(Tolerance::Share(share))
        } else {
            Err(format!(
                "`tolerance` is a share of the value, from 0 (exact) to below 1 (0.05 is ±5 %); found {share}"
            ))
        }
    }

    /// The closed interval "about x" stands for.
    pub fn about(self, x: f64) -> (f64, f64) {
        let half = match self {
            Tolerance::Share(s) => s * x.abs(),
            Tolerance::Rounding => (significant_step(x) / 2.0).min(MAX_ROUNDING_SHARE * x.abs()),
        };
        (x - half, x + half)
    }

    /// Whether a round number `written_as` (written to `step`, see
    /// [`crate::interval::is_rounding_of`]) may stand for the precise value `precise`.
    pub fn accepts_rounding(self, written_as: f64, step: f64, precise: f64) -> bool {
        match self {
            // Rounded at its last digit, and not by more than a tenth:
            // "2,300" for 2,348, "2,000" for 1,950; not "2,000" for 1,500.
            Tolerance::Rounding => {
                close((precise / step).round() * step, written_as)
                    && (written_as - precise).abs() <= MAX_ROUNDING_SHARE * precise.abs() + 1e-9
            }
            Tolerance::Share(s) => (written_as - precise).abs() <= s * precise.abs() + 1e-9,
        }
    }
}

/// The place of a number's last significant digit, or five of that place
/// when the digit is a 5: 100 for 1,200, 50 for 1,250, 0.5 million for 2.5
/// million, 0.1 for 2.3, 1 for 7.
fn significant_step(x: f64) -> f64 {
    let x = x.abs();
    if x == 0.0 || !x.is_finite() {
        return 1.0;
    }
    // Walk down from the leading digit's place until x is a whole multiple.
    let mut place = 10f64.powf(x.log10().floor());
    for _ in 0..15 {
        let units = x / place;
        if close(units, units.round()) {
            let last = (units.round() as i64).rem_euclid(10);
            return if last == 5 { 5.0 * place } else { place };
        }
        place /= 10.0;
    }
    place
}

/// A vague amount the extractor recognises; its meaning is the house style's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VagueAmount {
    Dozens,
    Scores,
    Tens,
    Hundreds,
    Thousands,
    TensOfThousands,
    HundredsOfThousands,
    Millions,
    TensOfMillions,
    HundredsOfMillions,
    Billions,
    Handful,
    Few,
    Several,
    Many,
}

/// What a vague amount means: at least a number, or between two.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(untagged)]
pub enum VagueMeaning {
    AtLeast(f64),
    Between([f64; 2]),
}

impl VagueMeaning {
    /// The interval's ends, both inclusive: (low, high or unbounded).
    pub fn bounds(self) -> (f64, Option<f64>) {
        match self {
            VagueMeaning::AtLeast(low) => (low, None),
            VagueMeaning::Between([low, high]) => (low, Some(high)),
        }
    }
}

/// The house style. Field names are the fact sheet's `[house_style]` keys.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct HouseStyle {
    /// `tolerance = 0.05`: how "about x" and round numbers are read.
    #[serde(deserialize_with = "tolerance")]
    pub tolerance: Tolerance,
    pub dozens: VagueMeaning,
    pub scores: VagueMeaning,
    /// "tens of" (people)
    pub tens: VagueMeaning,
    pub hundreds: VagueMeaning,
    pub thousands: VagueMeaning,
    pub tens_of_thousands: VagueMeaning,
    pub hundreds_of_thousands: VagueMeaning,
    pub millions: VagueMeaning,
    pub tens_of_millions: VagueMeaning,
    pub hundreds_of_millions: VagueMeaning,
    pub billions: VagueMeaning,
    pub handful: VagueMeaning,
    /// "a few"
    pub few: VagueMeaning,
    pub several: VagueMeaning,
    /// "many", "numerous"
    pub many: VagueMeaning,
}

impl HouseStyle {
    /// factlint's documented defaults.
    pub const DEFAULT: HouseStyle = HouseStyle {
        tolerance: Tolerance::Rounding,
        dozens: VagueMeaning::AtLeast(24.0),
        scores: VagueMeaning::AtLeast(40.0),
        tens: VagueMeaning::AtLeast(20.0),
        hundreds: VagueMeaning::AtLeast(200.0),
        thousands: VagueMeaning::AtLeast(2000.0),
        tens_of_thousands: VagueMeaning::AtLeast(20_000.0),
        hundreds_of_thousands: VagueMeaning::AtLeast(200_000.0),
        millions: VagueMeaning::AtLeast(2e6),
        tens_of_millions: VagueMeaning::AtLeast(2e7),
        hundreds_of_millions: VagueMeaning::AtLeast(2e8),
        billions: VagueMeaning::AtLeast(2e9),
        handful: VagueMeaning::Between([2.0, 9.0]),
        few: VagueMeaning::Between([2.0, 9.0]),
        several: VagueMeaning::AtLeast(3.0),
        many: VagueMeaning::AtLeast(2.0),
    };

    pub fn meaning(&self, amount: VagueAmount) -> VagueMeaning {
        use VagueAmount::*;
        match amount {
            Dozens => self.dozens,
            Scores => self.scores,
            Tens => self.tens,
            Hundreds => self.hundreds,
            Thousands => self.thousands,
            TensOfThousands => self.tens_of_thousands,
            HundredsOfThousands => self.hundreds_of_thousands,
            Millions => self.millions,
            TensOfMillions => self.tens_of_millions,
            HundredsOfMillions => self.hundreds_of_millions,
            Billions => self.billions,
            Handful => self.handful,
            Few => self.few,
            Several => self.several,
            Many => self.many,
        }
    }

    /// A problem with the values (an inverted range, a negative amount),
    /// by key, for the loader to report.
    pub fn problem(&self) -> Option<String> {
        use VagueAmount::*;
        let all = [
            ("dozens", Dozens),
            ("scores", Scores),
            ("tens", Tens),
            ("hundreds", Hundreds),
            ("thousands", Thousands),
            ("tens_of_thousands", TensOfThousands),
            ("hundreds_of_thousands", HundredsOfThousands),
            ("millions", Millions),
            ("tens_of_millions", TensOfMillions),
            ("hundreds_of_millions", HundredsOfMillions),
            ("billions", Billions),
            ("handful", Handful),
            ("few", Few),
            ("several", Several),
            ("many", Many),
        ];
        all.iter().find_map(|&(key, amount)| {
            let (low, high) = self.meaning(amount).bounds();
            let bad = !low.is_finite() || low < 0.0 || high.is_some_and(|h| h.is_nan() || h < low);
            bad.then(|| {
                format!(
                    "`{key}` must be a number of at least 0, or a range [low, high] with low ≤ high"
                )
            })
        })
    }
}

impl Default for HouseStyle {
    fn default() -> Self {
        HouseStyle::DEFAULT
    }
}

fn tolerance<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Tolerance, D::Error> {
    let share = f64::deserialize(d)?;
    Tolerance::share(share).map_err(serde::de::Error::custom)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn about_rounds_at_the_last_significant_digit_within_ten_percent() {
        let r = Tolerance::Rounding;
        assert_eq!(r.about(1200.0), (1150.0, 1250.0));
        assert_eq!(r.about(1250.0), (1225.0, 1275.0));
        assert_eq!(r.about(30.0), (27.0, 33.0));
        assert_eq!(r.about(1000.0), (900.0, 1100.0));
        assert_eq!(r.about(7.0), (6.5, 7.5));
        let (low, high) = r.about(2.5e6);
        assert!((low - 2.25e6).abs() < 1e-3 && (high - 2.75e6).abs() < 1e-3);
        let (low, high) = r.about(2.3);
        assert!((low - 2.25).abs() < 1e-9 && (high - 2.35).abs() < 1e-9);
        assert_eq!(r.about(-40.0), (-44.0, -36.0));
        assert_eq!(r.about(0.0), (0.0, 0.0));
    }

    #[test]
    fn a_share_tolerance_is_symmetric_and_zero_is_exact() {
        assert_eq!(Tolerance::Share(0.05).about(1200.0), (1140.0, 1260.0));
        assert_eq!(Tolerance::Share(0.0).about(1200.0), (1200.0, 1200.0));
        assert!(Tolerance::share(1.5).is_err() && Tolerance::share(-0.1).is_err());
        assert!(Tolerance::Share(0.05).accepts_rounding(2300.0, 100.0, 2348.0));
        assert!(!Tolerance::Share(0.0).accepts_rounding(2300.0, 100.0, 2348.0));
        assert!(Tolerance::Rounding.accepts_rounding(2300.0, 100.0, 2348.0));
        assert!(!Tolerance::Rounding.accepts_rounding(2300.0, 100.0, 2368.0));
        assert!(Tolerance::Rounding.accepts_rounding(2000.0, 1000.0, 1950.0));
        assert!(!Tolerance::Rounding.accepts_rounding(2000.0, 1000.0, 1500.0));
    }

    #[test]
    fn a_house_style_table_overrides_some_keys_and_keeps_the_rest() {
        let style: HouseStyle =
            toml::from_str("tolerance = 0.05\ndozens = 36\nfew = [3, 5]\n").unwrap();
        assert_eq!(style.tolerance, Tolerance::Share(0.05));
        assert_eq!(
            style.meaning(VagueAmount::Dozens),
            VagueMeaning::AtLeast(36.0)
        );
        assert_eq!(style.meaning(VagueAmount::Few).bounds(), (3.0, Some(5.0)));
        assert_eq!(style.scores, HouseStyle::DEFAULT.scores);
        assert_eq!(style.problem(), None);
        let inverted: HouseStyle = toml::from_str("few = [9, 3]\n").unwrap();
        assert!(inverted.problem().unwrap().contains("`few`"));
        assert!(toml::from_str::<HouseStyle>("dozen = 24\n").is_err());
        assert!(toml::from_str::<HouseStyle>("tolerance = 2\n").is_err());
    }
}
