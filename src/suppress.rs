//! Inline suppressions, written as HTML comments in Markdown and text:
//!
//! ```text
//! <!-- factlint-disable quote/unverified -->  … <!-- factlint-enable -->
//! <!-- factlint-disable-next-line quantity/mismatch -->
//! ```
//!
//! A comment with no rule names every rule; a category ("quote") names its
//! rules. A suppression that hides nothing is itself reported (info), so
//! stale ones do not pile up.

use std::ops::Range;

use crate::diagnostic::{Diagnostic, Severity};

/// The id of the finding about a suppression that hides nothing.
pub const UNUSED: &str = "suppression/unused";

/// One suppression comment and the text it covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suppression {
    /// The comment itself.
    pub comment: Range<usize>,
    /// The rules it names; empty for every rule.
    pub rules: Vec<String>,
    /// The bytes whose findings it hides.
    pub covers: Range<usize>,
}

impl Suppression {
    fn hides(&self, d: &Diagnostic) -> bool {
        self.covers.contains(&d.span.start)
            && (self.rules.is_empty()
                || self.rules.iter().any(|r| {
                    r == d.rule
                        || d.rule
                            .strip_prefix(r.as_str())
                            .is_some_and(|rest| rest.starts_with('/'))
                }))
    }
}

/// Reads the suppression comments of a text, in one pass.
pub fn suppressions(text: &str) -> Vec<Suppression> {
    let mut out = Vec::new();
    // Open `disable` regions: indices into `out`.
    let mut open: Vec<usize> = Vec::new();
    let mut from = 0;
    while let Some(at) = text[from..].find("<!--") {
        let start = from + at;
        let Some(len) = text[start..].find("-->") else {
            break;
        };
        let end = start + len + 3;
        from = end;
        let body = text[start + 4..end - 3].trim();
        let mut words = body.split_whitespace();
        let directive = words.next().unwrap_or("");
        let rules: Vec<String> = words
            .flat_map(|w| w.split(','))
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect();
        match directive {
            "factlint-disable-next-line" => {
                let next_line_start = text[end..].find('\n').map_or(text.len(), |i| end + i + 1);
                let next_line_end = text[next_line_start..]
                    .find('\n')
                    .map_or(text.len(), |i| next_line_start + i);
                out.push(Suppression {
                    comment: start..end,
                    rules,
                    covers: next_line_start..next_line_end,
                });
            }
            "factlint-disable" => {
                open.push(out.len());
                out.push(Suppression {
                    comment: start..end,
                    rules,
                    covers: end..text.len(),
                });
            }
            "factlint-enable" => {
                for k in open.drain(..) {
                    out[k].covers.end = start;
                }
            }
            _ => {}
        }
    }
    out
}

/// Drops the findings a suppression hides and reports, as info, every
/// suppression that hides none.
pub fn apply(text: &str, diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
    Suppressor::new(text).apply(diagnostics, usize::MAX)
}

/// A file's suppressions, applied to its findings window by window (see
/// [`crate::window`]): the comments are read once, and whether each one
/// hid something is remembered until its region has been checked.
pub struct Suppressor {
    found: Vec<Suppression>,
    /// Whether each suppression hid a finding, and whether it was already
    /// reported as hiding none.
    used: Vec<bool>,
    reported: Vec<bool>,
}

impl Suppressor {
    pub fn new(text: &str) -> Self {
        let found = suppressions(text);
        Suppressor {
            used: vec![false; found.len()],
            reported: vec![false; found.len()],
            found,
        }
    }

    /// Drops from `diagnostics` the findings a suppression hides and adds,
    /// as info, each suppression that hid none and whose region ends by
    /// `checked_to` (every later finding lies after it), sorted by place.
    pub fn apply(&mut self, diagnostics: Vec<Diagnostic>, checked_to: usize) -> Vec<Diagnostic> {
        if self.found.is_empty() {
            return diagnostics;
        }
        let (found, used) = (&self.found, &mut self.used);
        let mut kept: Vec<Diagnostic> = diagnostics
            .into_iter()
            .filter(|d| {
                let mut hidden = false;
                for (s, used) in found.iter().zip(used.iter_mut()) {
                    if s.hides(d) {
                        *used = true;
                        hidden = true;
                    }
                }
                !hidden
            })
            .collect();
        for ((s, used), reported) in found.iter().zip(&self.used).zip(&mut self.reported) {
            if *used || *reported || s.covers.end > checked_to {
                continue;
            }
            *reported = true;
            let what = if s.rules.is_empty() {
                "any finding".to_string()
            } else {
                s.rules.join(", ")
            };
            kept.push(Diagnostic {
                notes: vec!["remove it, or check that the rule id is right".to_string()],
                ..Diagnostic::new(
                    UNUSED,
                    Severity::Info,
                    s.comment.clone(),
                    format!("this suppression hides nothing ({what})"),
                )
            });
        }
        kept.sort_by(|a, b| {
            (a.span.start, a.span.end, a.rule).cmp(&(b.span.start, b.span.end, b.rule))
        });
        kept
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(rule: &'static str, at: usize) -> Diagnostic {
        Diagnostic::new(rule, Severity::Error, at..at + 1, String::new())
    }

    #[test]
    fn regions_next_lines_and_categories() {
        let text = "a\n<!-- factlint-disable quote -->\nb\n<!-- factlint-enable -->\nc\n<!-- factlint-disable-next-line time/mismatch -->\nd\ne\n";
        let at = |s: &str| text.find(s).expect("present");
        let kept = apply(
            text,
            vec![
                finding("quote/mismatch", at("a")),
                finding("quote/mismatch", at("b\n")),
                finding("time/mismatch", at("b\n")),
                finding("quote/mismatch", at("c\n")),
                finding("time/mismatch", at("d\n")),
                finding("time/mismatch", at("e\n")),
            ],
        );
        let left: Vec<(&str, usize)> = kept.iter().map(|d| (d.rule, d.span.start)).collect();
        assert_eq!(
            left,
            [
                ("quote/mismatch", at("a")),
                ("time/mismatch", at("b\n")),
                ("quote/mismatch", at("c\n")),
                ("time/mismatch", at("e\n")),
            ]
        );
    }

    #[test]
    fn a_suppression_that_hides_nothing_is_reported() {
        let text = "<!-- factlint-disable-next-line quote/mismatch -->\nclean line\n";
        let kept = apply(text, Vec::new());
        assert_eq!(kept.len(), 1);
        assert_eq!(kept[0].rule, UNUSED);
        assert_eq!(kept[0].severity, Severity::Info);
        assert_eq!(kept[0].span, 0..text.find('\n').unwrap());
    }

    #[test]
    fn unclosed_comments_and_other_comments_are_ignored() {
        assert!(suppressions("<!-- expect: quote/mismatch -->").is_empty());
        assert!(suppressions("<!-- factlint-disable").is_empty());
        let all = suppressions("<!-- factlint-disable -->x");
        assert_eq!(all[0].rules, Vec::<String>::new());
        assert_eq!(all[0].covers, 25..26);
    }
}
