//! `quantity/unit-mismatch`: an amount linked to a fact that states it in
//! another currency, or in a unit of the same kind that does not convert
//! to it ("45 km" for "45 miles").

use crate::analysis::Analysis;
use crate::diagnostic::{Diagnostic, Severity};
use crate::extract::quantity::{QuantityMention, UnitKind};
use crate::interval::number;
use crate::link::{Comparable, judge};

use super::quantity_mismatch::Linked;
use super::{Context, Rule, RuleDoc, RuleMeta};

pub struct QuantityUnitMismatch;

static META: RuleMeta = RuleMeta {
    id: "quantity/unit-mismatch",
    severity: Severity::Warning,
    needs_facts: true,
    on_by_default: true,
    doc: RuleDoc {
        what_it_does: "Reports an amount of money or a measure whose unit differs from the fact it talks about: the same number in another currency (\"€45 million\" for \"$45 million\"), or a measure in another unit of the same kind that does not convert to the fact's value (\"45 km\" for \"45 miles\", \"45 kW\" for \"45 MW\"). A converted figure (\"48 km\" for \"30 miles\") and an amount in another currency with another number (a conversion) are not reported.",
        why_it_matters: "A unit or a scale changed while the number was copied is easy to miss on a read-through and changes the amount by a factor: euros are not dollars, kilometres are not miles.",
        example: "The European Union pledged €45 million in aid   (the fact: the EU pledged $45 million)",
        use_instead: "The European Union pledged $45 million in aid",
    },
};

/// How far apart two converted measures may be and still agree: prose
/// rounds its conversions ("5 miles (8 km)").
const CONVERSION_SLACK: f64 = 0.10;

impl Rule for QuantityUnitMismatch {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let Some(facts) = cx.facts else { return };
        let analysis = cx.analysis;
        for mention in &analysis.quantities {
            let Some(kind) = dimension(mention) else {
                continue;
            };
            let Some(linked) = Linked::new(facts, analysis, mention) else {
                continue;
            };
            // Each linked fact's amounts of the same kind, read once.
            let of_kind: Vec<(usize, Comparable<&QuantityMention>)> = linked
                .links
                .iter()
                .map(|l| {
                    (
                        l.fact,
                        linked.values(l.fact, |v, _| dimension(v) == Some(kind)),
                    )
                })
                .collect();
            // A fact that states the amount in the mention's own unit is the
            // business of `quantity/mismatch`.
            if of_kind
                .iter()
                .any(|(_, c)| c.all.iter().any(|v| v.unit == mention.unit))
            {
                continue;
            }
            let values = |f: usize| {
                of_kind
                    .iter()
                    .find(|(g, _)| *g == f)
                    .map_or_else(Comparable::none, |(_, c)| c.clone())
            };
            let agrees = |v: &&QuantityMention| agrees(mention, v, kind);
            let Some((link, value)) = judge(&linked.links, values, agrees, |_| false) else {
                continue;
            };
            // The sentence gives the fact's unit as well: a conversion
            // ("€41 million ($45 million)").
            if converted_nearby(analysis, mention, value) {
                continue;
            }
            let fact = facts.index.fact(link.fact);
            let expected = fact.text[value.span.clone()].to_string();
            let found = &analysis.doc.text[mention.span.clone()];
            let (mine, theirs) = (unit_name(mention), unit_name(value));
            out.push(Diagnostic {
                fact: Some(link.fact),
                expected: Some(expected.clone()),
                fact_value: Some(value.span.clone()),
                fact_label: Some(format!("fact `{}`", fact.id)),
                notes: vec![note(mention, value, kind)],
                ..Diagnostic::new(
                    self.id(),
                    self.severity(),
                    mention.span.clone(),
                    format!(
                        "“{found}” is in {mine}, but fact `{}` gives “{expected}” in {theirs}",
                        fact.id
                    ),
                )
            });
        }
    }
}

/// What kind of amount a unit measures, and its size in that kind's base
/// unit (metres, square metres, kilograms, litres, watts, kWh, km/h).
/// Money has no fixed rate: its factor is `None`.
fn unit_size(q: &QuantityMention) -> Option<(&'static str, Option<f64>)> {
    let unit = q.unit.as_deref()?;
    match q.unit_kind? {
        UnitKind::Currency => Some(("money", None)),
        UnitKind::Measure => MEASURES
            .iter()
            .find(|(name, _, _)| *name == unit)
            .map(|&(_, dimension, size)| (dimension, Some(size))),
        UnitKind::Counted | UnitKind::Percent => None,
    }
}

fn dimension(q: &QuantityMention) -> Option<&'static str> {
    unit_size(q).map(|(d, _)| d)
}

/// Measures by canonical unit name, with their kind and size in its base unit.
const MEASURES: &[(&str, &str, f64)] = &[
    ("kilometre", "length", 1000.0),
    ("metre", "length", 1.0),
    ("decimetre", "length", 0.1),
    ("centimetre", "length", 0.01),
    ("millimetre", "length", 0.001),
    ("mile", "length", 1609.344),
    ("yard", "length", 0.9144),
    ("foot", "length", 0.3048),
    ("inch", "length", 0.0254),
    ("square kilometre", "area", 1e6),
    ("square metre", "area", 1.0),
    ("hectare", "area", 1e4),
    ("acre", "area", 4046.856),
    ("tonne", "mass", 1000.0),
    // a short ton, a long ton or a metric one: within the slack of 1,000 kg
    ("ton", "mass", 1000.0),
    ("kilogram", "mass", 1.0),
    ("gram", "mass", 0.001),
    ("milligram", "mass", 1e-6),
    ("pound", "mass", 0.453_592),
    ("ounce", "mass", 0.028_35),
    ("stone", "mass", 6.350_29),
    ("litre", "volume", 1.0),
    ("millilitre", "volume", 0.001),
    ("gallon", "volume", 3.785),
    ("barrel", "volume", 159.0),
    ("watt", "power", 1.0),
    ("kilowatt", "power", 1e3),
    ("megawatt", "power", 1e6),
    ("gigawatt", "power", 1e9),
    ("kilowatt hour", "energy", 1.0),
    ("megawatt hour", "energy", 1e3),
    ("kilometre per hour", "speed", 1.0),
    ("mile per hour", "speed", 1.609_344),
    ("knot", "speed", 1.852),
];

/// Whether the mention and a fact value in another unit say the same
/// amount: measures that convert into each other within the slack. Money
/// in two currencies never does (no rate is known), but then it is only
/// reported when the number is the fact's own ("€45 million" for "$45
/// million"): another number is taken for a conversion.
fn agrees(mention: &QuantityMention, value: &QuantityMention, dimension: &str) -> bool {
    let (Some((_, a)), Some((_, b))) = (unit_size(mention), unit_size(value)) else {
        return true;
    };
    let (Some(x), Some(y)) = (middle(mention), middle(value)) else {
        return true;
    };
    match (a, b) {
        (Some(a), Some(b)) => {
            let (x, y) = (x * a, y * b);
            (x - y).abs() <= CONVERSION_SLACK * x.abs().max(y.abs())
        }
        _ => dimension == "money" && (x - y).abs() > 1e-9 * x.abs().max(1.0),
    }
}

/// A single figure for an amount: its value, or the middle of its range.
fn middle(q: &QuantityMention) -> Option<f64> {
    q.value.or(match (q.low, q.high) {
        (Some(l), Some(h)) => Some((l + h) / 2.0),
        _ => None,
    })
}

/// Another amount in the mention's sentence is in the fact's unit.
fn converted_nearby(
    analysis: &Analysis,
    mention: &QuantityMention,
    value: &QuantityMention,
) -> bool {
    let Some(sentence) = analysis.doc.sentence_at(mention.span.start) else {
        return false;
    };
    // The quantities are in text order: only the sentence's slice is read.
    let first = analysis
        .quantities
        .partition_point(|q| q.span.start < sentence.start);
    analysis.quantities[first..]
        .iter()
        .take_while(|q| q.span.start < sentence.end)
        .any(|q| q.span.end <= sentence.end && q.unit == value.unit)
}

/// "US dollars (USD)", "kilometres".
fn unit_name(q: &QuantityMention) -> String {
    let unit = q.unit.as_deref().unwrap_or("?");
    if q.unit_kind == Some(UnitKind::Currency) {
        unit.to_string()
    } else if unit == "foot" {
        "feet".to_string()
    } else if unit.ends_with('h') || unit.ends_with('s') {
        format!("{unit}es")
    } else if let Some(per) = unit.find(" per ") {
        format!("{}s{}", &unit[..per], &unit[per..])
    } else {
        format!("{unit}s")
    }
}

/// The note under the finding: what the fact's value is in the mention's unit.
fn note(mention: &QuantityMention, value: &QuantityMention, dimension: &str) -> String {
    if dimension == "money" {
        return "the number is the fact's, the currency is not".to_string();
    }
    match (unit_size(mention), unit_size(value), middle(value)) {
        (Some((_, Some(a))), Some((_, Some(b))), Some(y)) => format!(
            "the fact's value is about {} {}",
            number(y * b / a),
            unit_name(mention)
        ),
        _ => "the units differ".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::quantity::extract_quantities;

    fn q(text: &str) -> QuantityMention {
        extract_quantities(text).remove(0)
    }

    #[test]
    fn measures_agree_when_they_convert() {
        assert!(agrees(&q("48 km"), &q("30 miles"), "length"));
        assert!(!agrees(&q("45 km"), &q("45 miles"), "length"));
        assert!(!agrees(&q("45 kilowatts"), &q("45 megawatts"), "power"));
        assert!(agrees(&q("2 tonnes"), &q("2 tons"), "mass"));
    }

    #[test]
    fn money_in_another_currency_is_reported_only_with_the_same_number() {
        assert!(!agrees(&q("€45 million"), &q("$45 million"), "money"));
        assert!(agrees(&q("€41 million"), &q("$45 million"), "money"));
    }

    #[test]
    fn kinds_and_names() {
        assert_eq!(dimension(&q("€45 million")), Some("money"));
        assert_eq!(dimension(&q("12 hectares")), Some("area"));
        assert_eq!(dimension(&q("30 soldiers")), None);
        assert_eq!(dimension(&q("48%")), None);
        assert_eq!(unit_name(&q("12 km")), "kilometres");
        assert_eq!(unit_name(&q("12 inches")), "inches");
        assert_eq!(unit_name(&q("80 miles per hour")), "miles per hour");
        assert_eq!(unit_name(&q("$4")), "USD");
    }
}
