//! Checking one document with what its workspace gives it: the pipeline the
//! command line and the language server share.

use jiff::civil::Date;

use crate::analysis::Analysis;
use crate::diagnostic::Diagnostic;
use crate::fix::{Fixed, fix_all};
use crate::prose::{Markup, Prose};
use crate::reference::DateSource;
use crate::rules::{self, FactSheetContext, Levels};
use crate::suppress::Suppressor;
use crate::window::{Windowing, analyses};

/// How to check documents: the rule levels, the fact sheet prepared for
/// checking, and the reference date from the command line.
#[derive(Clone, Copy)]
pub struct Checker<'a> {
    pub levels: &'a Levels,
    pub facts: Option<&'a FactSheetContext<'a>>,
    /// `--date`: wins over the document's own date and the sheet's.
    pub date: Option<Date>,
}

impl<'a> Checker<'a> {
    /// The findings in `text`, suppressions applied, in text order. `prose`
    /// is `text` read with its markup.
    pub fn check(&self, text: &str, prose: &Prose) -> Vec<Diagnostic> {
        let mut all = Vec::new();
        self.check_windows(text, prose, |_, found| {
            all.extend(found);
            true
        });
        all
    }

    /// Checks `text` window by window (see [`crate::window`]; a document of
    /// up to 1 MiB is one window) and calls `each` with each window's
    /// analysis and findings, suppressions applied, in text order, until it
    /// returns `false`: what a long file costs is then a window's analysis
    /// and findings, not the whole file's.
    pub fn check_windows<'p>(
        &self,
        text: &str,
        prose: &'p Prose,
        each: impl FnMut(&Analysis<'p>, Vec<Diagnostic>) -> bool,
    ) {
        self.check_windows_of(text, prose, Windowing::DEFAULT, each);
    }

    /// [`Checker::check_windows`] with windows of another size.
    pub fn check_windows_of<'p>(
        &self,
        text: &str,
        prose: &'p Prose,
        windowing: Windowing,
        mut each: impl FnMut(&Analysis<'p>, Vec<Diagnostic>) -> bool,
    ) {
        let published = self.facts.and_then(|f| f.index.sheet.published);
        let frame = self.facts.is_some_and(|f| f.index.sheet.frame);
        let mut suppressor = Suppressor::new(text);
        analyses(prose, self.date, published, windowing, |mut analysis| {
            if frame {
                if let Some(r) = analysis
                    .reference
                    .as_mut()
                    .filter(|r| r.source == DateSource::FactSheet)
                {
                    r.source = DateSource::Frame;
                }
            }
            let found = rules::check_with(&analysis, self.facts, self.levels);
            let checked_to = analysis.doc.text.len();
            let checked_to = if checked_to == text.len() {
                usize::MAX
            } else {
                checked_to
            };
            each(&analysis, suppressor.apply(found, checked_to))
        });
    }

    /// `text` with every safe fix applied (round after round, see
    /// [`crate::fix`]); `None` when there is nothing to fix.
    pub fn fix(&self, text: &str, markup: Markup) -> Option<Fixed> {
        fix_all(text, |now| {
            let prose = Prose::new(now, markup);
            let diagnostics = self.check(now, &prose);
            (diagnostics, prose.text)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::FactSheet;
    use crate::prose::Markup;

    const SHEET: &str = "[story]\npublished = 2024-03-12\n\n[[fact]]\nid = \"cost\"\ntext = \"The council approved $2.5 billion for the new harbour bridge.\"\n";

    /// Every finding, and how many windows gave them.
    fn findings(text: &str, windowing: Windowing) -> (Vec<Diagnostic>, usize) {
        let sheet = FactSheet::parse("facts.toml", SHEET).expect("sheet");
        let context = FactSheetContext::new(&sheet);
        let levels = Levels::default();
        let checker = Checker {
            levels: &levels,
            facts: Some(&context),
            date: None,
        };
        let prose = Prose::new(text, Markup::Markdown);
        let (mut all, mut windows) = (Vec::new(), 0);
        checker.check_windows_of(text, &prose, windowing, |_, found| {
            windows += 1;
            all.extend(found);
            true
        });
        (all, windows)
    }

    #[test]
    fn a_long_document_is_checked_window_by_window_at_file_offsets() {
        let paragraph = "The council approved $2.5 million for the harbour bridge.\n\n";
        let text = paragraph.repeat(40);
        let small = Windowing {
            whole_up_to: 0,
            window: 500,
        };
        let (found, windows) = findings(&text, small);
        assert!(windows > 4, "{windows} windows");
        let mismatches: Vec<&Diagnostic> = found
            .iter()
            .filter(|d| d.rule == "quantity/mismatch")
            .collect();
        assert_eq!(mismatches.len(), 40);
        for (k, d) in mismatches.iter().enumerate() {
            assert_eq!(
                d.span.start,
                k * paragraph.len() + paragraph.find('$').unwrap()
            );
            assert_eq!(&text[d.span.clone()], "$2.5 million");
        }
        // Read whole, the same findings, plus what a window cannot see:
        // the passage repeated across the whole document.
        let (whole, one) = findings(&text, Windowing::DEFAULT);
        assert_eq!(one, 1);
        let whole_mismatches = whole
            .iter()
            .filter(|d| d.rule == "quantity/mismatch")
            .count();
        assert_eq!(whole_mismatches, 40);
    }

    #[test]
    fn suppressions_hold_across_windows_and_unused_ones_are_reported_once() {
        let wrong = "The council approved $2.5 million for the harbour bridge.\n\n";
        let right = "The council approved $2.5 billion for the harbour bridge.\n\n";
        let text = format!(
            "{}<!-- factlint-disable quantity -->\n\n{}<!-- factlint-enable -->\n\n{}<!-- factlint-disable time -->\n\n{}",
            wrong.repeat(3),
            wrong.repeat(20),
            wrong.repeat(3),
            right.repeat(20),
        );
        let small = Windowing {
            whole_up_to: 0,
            window: 400,
        };
        let (found, windows) = findings(&text, small);
        assert!(windows > 4, "{windows} windows");
        let shown = found
            .iter()
            .filter(|d| d.rule == "quantity/mismatch")
            .count();
        assert_eq!(shown, 6, "the 20 inside the region are hidden");
        let unused: Vec<&Diagnostic> = found
            .iter()
            .filter(|d| d.rule == crate::suppress::UNUSED)
            .collect();
        assert_eq!(unused.len(), 1, "{unused:?}");
        assert!(text[unused[0].span.clone()].contains("disable time"));
        // The same as read whole.
        let (whole, _) = findings(&text, Windowing::DEFAULT);
        let shown_whole = whole
            .iter()
            .filter(|d| d.rule == "quantity/mismatch")
            .count();
        assert_eq!(shown_whole, 6);
    }
}
