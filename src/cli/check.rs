//! `factlint check`: every document against its fact sheet, printed in the
//! chosen format, with the safe fixes applied or shown on request.

use std::io::{IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;
use std::sync::{Arc, Mutex};
use std::time::Instant;

use factlint::baseline::Baseline;
use factlint::diagnostic::{Diagnostic, Severity};
use factlint::facts::FactSheet;
use factlint::lint::Checker;
use factlint::prose::Prose;
use factlint::report::{self, Checked, Locator};
use factlint::rules::FactSheetContext;
use factlint::source::sheet_from_sources;
use factlint::workspace::{Setup, Workspace};

use super::parallel::Parts;
use super::{
    Contents, Input, Outcome, binary_note, inputs, parallel, read_sources, read_text,
    report_problems, use_color, write,
};
use crate::{CheckArgs, Format};

/// Below this many files no progress bar is drawn: the run is over first.
const PROGRESS_FROM: usize = 10;

/// One document checked, kept for the formats that print a whole run at once.
struct Done {
    path: String,
    text: String,
    diagnostics: Vec<Diagnostic>,
    sheet: Option<Arc<FactSheet>>,
}

/// Counts for the summary line.
#[derive(Default)]
struct Tally {
    files: usize,
    errors: usize,
    warnings: usize,
    infos: usize,
    fixed: usize,
    fixed_files: usize,
}

/// With `--source`: every sheet extended with the facts of the sources, and
/// a sheet of the sources alone for the documents that have none.
fn with_sources(
    args: &CheckArgs,
    sheets: &mut Vec<Arc<FactSheet>>,
    sheet_of: Vec<Option<usize>>,
    outcome: &mut Outcome,
) -> Vec<Option<usize>> {
    if args.sources.is_empty() {
        return sheet_of;
    }
    let sources = read_sources(&args.sources, outcome);
    for sheet in sheets.iter_mut() {
        *sheet = Arc::new(sheet_from_sources(
            sources.clone(),
            Some(sheet),
            args.common.date,
        ));
    }
    let mut alone: Option<usize> = None;
    sheet_of
        .into_iter()
        .map(|s| {
            s.or_else(|| {
                Some(*alone.get_or_insert_with(|| {
                    sheets.push(Arc::new(sheet_from_sources(
                        sources.clone(),
                        None,
                        args.common.date,
                    )));
                    sheets.len() - 1
                }))
            })
        })
        .collect()
}

pub fn run(args: CheckArgs) -> ExitCode {
    let started = Instant::now();
    let mut outcome = Outcome::default();
    let color = use_color(args.common.color);
    let mut workspace = Workspace::new(args.config.as_deref(), args.facts.as_deref());
    let inputs = inputs(&args.common, &mut workspace, &mut outcome);

    // What applies to each document; each sheet is prepared once.
    let setups: Vec<Setup> = inputs.iter().map(|i| workspace.setup(i.place())).collect();
    report_problems(&mut workspace, color, &mut outcome);
    let mut sheets: Vec<Arc<FactSheet>> = Vec::new();
    let sheet_of: Vec<Option<usize>> = setups
        .iter()
        .map(|s| {
            s.sheet.as_ref().map(|sheet| {
                sheets
                    .iter()
                    .position(|known| Arc::ptr_eq(known, sheet))
                    .unwrap_or_else(|| {
                        sheets.push(sheet.clone());
                        sheets.len() - 1
                    })
            })
        })
        .collect();
    let sheet_of = with_sources(&args, &mut sheets, sheet_of, &mut outcome);
    let contexts: Vec<FactSheetContext> = sheets.iter().map(|s| FactSheetContext::new(s)).collect();
    if args.sources.is_empty() && setups.iter().any(|s| s.sheet_path.is_none()) {
        say!(
            "factlint: no fact sheet for some documents (no --facts, none in factlint.toml, no facts.toml in their folder or above): running only the checks that need none there"
        );
    }

    let baseline = args.baseline.as_deref().and_then(|path| {
        match std::fs::read_to_string(path)
            .map_err(|e| e.to_string())
            .and_then(|s| Baseline::parse(&s))
        {
            Ok(b) => Some(b),
            Err(e) => {
                outcome.fail(format!("{}: cannot use baseline: {e}", path.display()));
                None
            }
        }
    });
    let baseline_dir = args
        .baseline
        .as_deref()
        .or(args.write_baseline.as_deref())
        .and_then(Path::parent)
        .map(Path::to_path_buf);
    let baseline = Mutex::new(baseline);
    let mut accepted = 0;
    let mut to_write: Vec<(String, String, Vec<Diagnostic>)> = Vec::new();
    let mut done: Vec<Done> = Vec::new();
    let mut tally = Tally::default();

    // pre-commit runs hooks in a terminal but shows their output later
    let progress = (inputs.len() >= PROGRESS_FROM
        && std::io::stderr().is_terminal()
        && std::env::var_os("PRE_COMMIT").is_none())
    .then(|| {
        let bar = indicatif::ProgressBar::new(inputs.len() as u64);
        bar.set_style(
            indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} {wide_msg}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        bar
    });
    let mut stdout = std::io::stdout().lock();
    let mut print = |text: &str| -> bool {
        let mut ok = true;
        let mut write = || ok = stdout.write_all(text.as_bytes()).is_ok();
        match &progress {
            Some(bar) => bar.suspend(write),
            None => write(),
        }
        ok
    };

    parallel::set_jobs(args.common.jobs);
    let run = Run {
        args: &args,
        contexts: &contexts,
        sheets: &sheets,
        baseline: &baseline,
        baseline_dir: baseline_dir.as_deref(),
        fail_at: args.fail_level.severity(),
        color,
    };
    let work: Vec<(&Input, &Setup, Option<usize>)> = inputs
        .iter()
        .zip(&setups)
        .zip(&sheet_of)
        .map(|((input, setup), sheet)| (input, setup, *sheet))
        .collect();
    let mut closed = false;
    parallel::in_order(
        &work,
        |&(input, setup, sheet), parts| run.check_file(input, setup, sheet, parts),
        |file| {
            if let Some(bar) = progress.as_ref().filter(|_| !file.part) {
                bar.set_message(file.path.clone());
                bar.inc(1);
            }
            for note in &file.notes {
                say!("factlint: {note}");
            }
            for failure in &file.failures {
                outcome.fail(failure);
            }
            tally.add(&file.tally);
            outcome.findings_fail |= file.findings_fail;
            accepted += file.accepted;
            if let Some(output) = &file.output {
                if !print(output) {
                    closed = true; // stdout closed: nobody is reading
                    return false;
                }
            }
            done.extend(file.done);
            to_write.extend(file.to_write);
            true
        },
    );
    if let Some(bar) = &progress {
        bar.finish_and_clear();
    }
    if closed {
        return ExitCode::from(2);
    }
    if matches!(args.format, Format::Sarif | Format::Junit) && !args.diff {
        let checked: Vec<Checked> = done
            .iter()
            .map(|d| Checked {
                path: &d.path,
                text: &d.text,
                diagnostics: &d.diagnostics,
                facts: d.sheet.as_deref(),
            })
            .collect();
        if !print(&render_run(args.format, &checked)) {
            return ExitCode::from(2);
        }
    }
    if accepted > 0 {
        say!("factlint: {accepted} finding(s) accepted by the baseline not shown");
    }
    if let Some(path) = &args.write_baseline {
        write_baseline(path, &to_write, &mut outcome);
    }
    if args.format == Format::Human && args.write_baseline.is_none() {
        say!("{}", summary(&tally, &args, started));
    }
    if args.exit_zero {
        outcome.findings_fail = false;
    }
    outcome.summarise();
    outcome.code()
}

impl Tally {
    fn add(&mut self, other: &Tally) {
        self.files += other.files;
        self.errors += other.errors;
        self.warnings += other.warnings;
        self.infos += other.infos;
        self.fixed += other.fixed;
        self.fixed_files += other.fixed_files;
    }
}

/// What a run needs to check any one of its documents, shared by the threads.
struct Run<'r> {
    args: &'r CheckArgs,
    contexts: &'r [FactSheetContext<'r>],
    sheets: &'r [Arc<FactSheet>],
    baseline: &'r Mutex<Option<Baseline>>,
    baseline_dir: Option<&'r Path>,
    fail_at: Severity,
    color: bool,
}

/// What checking one document gave, handed back to be printed and counted
/// in input order.
#[derive(Default)]
struct FileResult {
    path: String,
    /// What went wrong (exit code 2), for standard error.
    failures: Vec<String>,
    /// What to say on standard error without failing (a file skipped).
    notes: Vec<String>,
    /// What to print on standard output.
    output: Option<String>,
    tally: Tally,
    findings_fail: bool,
    /// Findings the baseline accepted.
    accepted: usize,
    /// Kept for the formats printed once for the whole run.
    done: Option<Done>,
    /// Kept for `--write-baseline`.
    to_write: Option<(String, String, Vec<Diagnostic>)>,
    /// Only a part of the document's findings: a window of a long file,
    /// handed over before the file is done.
    part: bool,
}

impl Run<'_> {
    /// Reads, fixes (on request), checks and renders one document.
    fn check_file(
        &self,
        input: &Input,
        setup: &Setup,
        sheet: Option<usize>,
        parts: &mut Parts<FileResult>,
    ) -> FileResult {
        let args = self.args;
        let path = input.display();
        let mut file = FileResult {
            path: path.clone(),
            ..FileResult::default()
        };
        let (mut text, lossy) = match read_text(input, args.common.encoding) {
            Ok(Contents::Text(text)) => (text, false),
            Ok(Contents::Lossy(text)) => (text, true),
            Ok(Contents::Binary) => {
                file.notes.push(binary_note(input));
                return file;
            }
            Err(e) => {
                file.failures.push(e);
                return file;
            }
        };
        let checker = Checker {
            levels: &setup.levels,
            facts: sheet.map(|i| &self.contexts[i]),
            date: args.common.date,
        };
        if lossy && (args.fix || args.diff) {
            // Writing it back would turn its undecoded bytes into spaces.
            file.notes.push(format!(
                "{path}: not fixed: read with --encoding lossy, it would lose the bytes that are not UTF-8"
            ));
            if args.diff {
                file.tally.files += 1;
                return file;
            }
        } else if args.fix || args.diff {
            if let Some(fixed) = checker.fix(&text, input.markup()) {
                if args.diff {
                    file.output = Some(unified_diff(&path, &text, &fixed.text));
                    file.tally.fixed += fixed.fixed;
                    file.tally.fixed_files += 1;
                    file.findings_fail = true;
                } else if let Input::File(p) = input {
                    match write::replace_if_unchanged(p, text.as_bytes(), &fixed.text) {
                        Ok(()) => {
                            file.tally.fixed += fixed.fixed;
                            file.tally.fixed_files += 1;
                            text = fixed.text;
                        }
                        Err(e) => file.failures.push(format!("{path}: {e}")),
                    }
                } else {
                    // standard input: the fixed text goes to standard output
                    file.tally.fixed += fixed.fixed;
                    file.tally.fixed_files += 1;
                    text = fixed.text;
                }
            }
            if args.diff {
                file.tally.files += 1;
                return file;
            }
            if matches!(input, Input::Stdin(_)) {
                file.tally.files += 1;
                file.output = Some(text);
                return file;
            }
        }
        let prose = Prose::new(&text, input.markup());
        let key = input.baseline_key(self.baseline_dir);
        file.tally.files += 1;
        let sheet_ref = sheet.map(|i| self.sheets[i].as_ref());
        let per_run = matches!(args.format, Format::Sarif | Format::Junit);
        if per_run || args.write_baseline.is_some() {
            let mut diagnostics = checker.check(&text, &prose);
            file.accepted = self.accept(&key, &text, &mut diagnostics);
            if args.write_baseline.is_some() {
                file.to_write = Some((key, text, diagnostics));
            } else {
                count(&mut file.tally, &diagnostics);
                file.findings_fail = diagnostics.iter().any(|d| d.severity >= self.fail_at);
                file.done = Some(Done {
                    path,
                    text,
                    diagnostics,
                    sheet: sheet.map(|i| self.sheets[i].clone()),
                });
            }
            return file;
        }
        // Printed file by file; a long file window by window, each window's
        // output handed over once the next one is checked, so that only a
        // window's findings are ever held.
        // Indexed on first use: the JSON format reads positions from the
        // analysis instead.
        let locator = std::cell::OnceCell::new();
        let locator = || locator.get_or_init(|| Locator::new(&text));
        let mut pending: Option<FileResult> = None;
        checker.check_windows(&text, &prose, |analysis, mut diagnostics| {
            let mut window = FileResult {
                path: path.clone(),
                part: true,
                ..FileResult::default()
            };
            window.accepted = self.accept(&key, &text, &mut diagnostics);
            count(&mut window.tally, &diagnostics);
            window.findings_fail = diagnostics.iter().any(|d| d.severity >= self.fail_at);
            let checked = Checked {
                path: &path,
                text: &text,
                diagnostics: &diagnostics,
                facts: sheet_ref,
            };
            window.output = Some(match args.format {
                Format::Human => report::human::render_with(&checked, locator(), self.color),
                Format::Json => report::json::render(&checked, analysis),
                Format::Github => report::github::render_with(&checked, locator()),
                Format::Rdjsonl => report::rdjsonl::render_with(&checked, locator()),
                _ => report::compact::render_with(&checked, locator()),
            });
            if let Some(done) = pending.replace(window) {
                parts.send(done);
            }
            true
        });
        // The last window completes the file's result.
        if let Some(last) = pending {
            file.output = last.output;
            file.accepted = last.accepted;
            file.findings_fail = last.findings_fail;
            file.tally.add(&last.tally);
        }
        file
    }

    /// Drops the findings the baseline accepts; returns how many.
    fn accept(&self, key: &str, text: &str, diagnostics: &mut Vec<Diagnostic>) -> usize {
        let mut baseline = self
            .baseline
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        // A baseline's entries are per file: the order in which the threads
        // filter does not matter, nor that a long file is filtered window
        // by window (each entry is used once, in text order).
        baseline
            .as_mut()
            .map_or(0, |b| b.filter(key, text, diagnostics))
    }
}

fn count(tally: &mut Tally, diagnostics: &[Diagnostic]) {
    for d in diagnostics {
        match d.severity {
            Severity::Error => tally.errors += 1,
            Severity::Warning => tally.warnings += 1,
            Severity::Info => tally.infos += 1,
        }
    }
}

/// "checked 5 files in 0.04 s: 16 errors, 3 warnings, 1 info".
fn summary(tally: &Tally, args: &CheckArgs, started: Instant) -> String {
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let seconds = started.elapsed().as_secs_f64();
    let files = plural(tally.files, "file", "files");
    if args.diff {
        return format!(
            "factlint: checked {files} in {seconds:.2} s: {} to fix in {}",
            plural(tally.fixed, "finding", "findings"),
            plural(tally.fixed_files, "file", "files")
        );
    }
    let mut line = format!(
        "factlint: checked {files} in {seconds:.2} s: {}, {}, {}",
        plural(tally.errors, "error", "errors"),
        plural(tally.warnings, "warning", "warnings"),
        plural(tally.infos, "info", "info"),
    );
    if args.fix {
        line += &format!(
            "; fixed {} in {}",
            plural(tally.fixed, "finding", "findings"),
            plural(tally.fixed_files, "file", "files")
        );
    }
    line
}

/// A file's fixes as a unified diff, headed by its path as given (so
/// `patch -p0` applies it).
fn unified_diff(path: &str, old: &str, new: &str) -> String {
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(3)
        .header(path, path)
        .to_string()
}

/// The formats printed once for the whole run.
fn render_run(format: Format, checked: &[Checked]) -> String {
    match format {
        Format::Junit => report::junit::render(checked),
        _ => report::sarif::render(checked),
    }
}

fn write_baseline(path: &Path, found: &[(String, String, Vec<Diagnostic>)], outcome: &mut Outcome) {
    let count: usize = found.iter().map(|(_, _, d)| d.len()).sum();
    let written = Baseline::of(
        found
            .iter()
            .map(|(p, t, d)| (p.as_str(), t.as_str(), d.as_slice())),
    );
    match std::fs::write(path, written.to_json()) {
        Ok(()) => say!(
            "factlint: wrote {count} finding(s) to the baseline {}",
            path.display()
        ),
        Err(e) => outcome.fail(format!("{}: cannot write baseline: {e}", path.display())),
    }
}
