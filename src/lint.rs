//! Checking one document with what its workspace gives it: the pipeline the
//! command line and the language server share.

use jiff::civil::Date;

use crate::analysis::Analysis;
use crate::diagnostic::Diagnostic;
use crate::fix::{Fixed, fix_all};
use crate::prose::{Markup, Prose};
use crate::reference::DateSource;
use crate::rules::{self, FactSheetContext, Levels};

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
    /// The findings in `text`, suppressions applied, with the analysis
    /// they came from. `prose` is `text` read with its markup.
    pub fn check<'p>(&self, text: &str, prose: &'p Prose) -> (Analysis<'p>, Vec<Diagnostic>) {
        let published = self.facts.and_then(|f| f.index.sheet.published);
        let mut analysis = Analysis::of_prose(prose, self.date, published);
        if self.facts.is_some_and(|f| f.index.sheet.frame) {
            if let Some(r) = analysis
                .reference
                .as_mut()
                .filter(|r| r.source == DateSource::FactSheet)
            {
                r.source = DateSource::Frame;
            }
        }
        let found = rules::check_with(&analysis, self.facts, self.levels);
        let diagnostics = crate::suppress::apply(text, found);
        (analysis, diagnostics)
    }

    /// `text` with every safe fix applied (round after round, see
    /// [`crate::fix`]); `None` when there is nothing to fix.
    pub fn fix(&self, text: &str, markup: Markup) -> Option<Fixed> {
        fix_all(text, |now| {
            let prose = Prose::new(now, markup);
            let (_, diagnostics) = self.check(now, &prose);
            (diagnostics, prose.text)
        })
    }
}
