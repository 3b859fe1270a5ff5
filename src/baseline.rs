//! A baseline: the findings a team has accepted, so that only new ones are
//! reported. A finding is known by its file, rule and the words it points
//! at, not its line, so edits elsewhere in the file do not revive it; each
//! entry counts how many such findings it accepts.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::diagnostic::Diagnostic;

const VERSION: u32 = 1;

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    version: u32,
    findings: Vec<Entry>,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    path: String,
    rule: String,
    text: String,
    count: usize,
}

/// What identifies a finding across edits.
fn key(path: &str, text: &str, d: &Diagnostic) -> (String, String, String) {
    let found = text.get(d.span.clone()).unwrap_or("");
    let found = found.split_whitespace().collect::<Vec<_>>().join(" ");
    (path.to_string(), d.rule.to_string(), found)
}

impl Baseline {
    /// Reads a baseline file's text.
    pub fn parse(source: &str) -> Result<Baseline, String> {
        let baseline: Baseline = serde_json::from_str(source).map_err(|e| e.to_string())?;
        if baseline.version != VERSION {
            return Err(format!(
                "baseline version {} (this factlint reads version {VERSION})",
                baseline.version
            ));
        }
        Ok(baseline)
    }

    /// Builds a baseline that accepts every given finding: `(path, text,
    /// findings)` per document.
    pub fn of<'a>(
        documents: impl IntoIterator<Item = (&'a str, &'a str, &'a [Diagnostic])>,
    ) -> Baseline {
        let mut counts: BTreeMap<(String, String, String), usize> = BTreeMap::new();
        for (path, text, findings) in documents {
            for d in findings {
                *counts.entry(key(path, text, d)).or_default() += 1;
            }
        }
        Baseline {
            version: VERSION,
            findings: counts
                .into_iter()
                .map(|((path, rule, text), count)| Entry {
                    path,
                    rule,
                    text,
                    count,
                })
                .collect(),
        }
    }

    pub fn to_json(&self) -> String {
        let mut out = serde_json::to_string_pretty(self).unwrap_or_default();
        out.push('\n');
        out
    }

    /// Removes from `findings` those the baseline accepts (each entry as
    /// many times as its count); returns how many were removed.
    pub fn filter(&mut self, path: &str, text: &str, findings: &mut Vec<Diagnostic>) -> usize {
        let before = findings.len();
        findings.retain(|d| {
            let (p, rule, found) = key(path, text, d);
            match self
                .findings
                .iter_mut()
                .find(|e| e.count > 0 && e.path == p && e.rule == rule && e.text == found)
            {
                Some(entry) => {
                    entry.count -= 1;
                    false
                }
                None => true,
            }
        });
        before - findings.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Severity;

    fn finding(span: std::ops::Range<usize>) -> Diagnostic {
        Diagnostic::new("quantity/mismatch", Severity::Error, span, String::new())
    }

    #[test]
    fn accepted_findings_survive_edits_and_new_ones_show() {
        let old = "They counted 30 soldiers.";
        let accepted = [finding(13..24)];
        let json = Baseline::of([("a.md", old, &accepted[..])]).to_json();
        let mut baseline = Baseline::parse(&json).expect("reads back");
        // the line moved and a second, new finding appeared
        let new = "A new first line.\nThey counted 30 soldiers, then 40 soldiers.";
        let at = new.find("30 soldiers").expect("present");
        let at2 = new.find("40 soldiers").expect("present");
        let mut findings = vec![finding(at..at + 11), finding(at2..at2 + 11)];
        assert_eq!(baseline.filter("a.md", new, &mut findings), 1);
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].span.start, at2);
        // another file is not accepted
        let mut other = vec![finding(13..24)];
        assert_eq!(baseline.filter("b.md", old, &mut other), 0);
    }

    #[test]
    fn a_bad_baseline_is_an_error() {
        assert!(Baseline::parse("{").is_err());
        assert!(Baseline::parse("{\"version\": 9, \"findings\": []}").is_err());
    }
}
