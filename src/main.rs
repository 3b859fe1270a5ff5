//! The `factlint` command: reads arguments and files, prints, and chooses the
//! exit code (0 no errors, 1 errors found, 2 usage, configuration or I/O
//! failure). Everything else lives in the library.

use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};
use jiff::civil::Date;

use factlint::analysis::Analysis;
use factlint::baseline::Baseline;
use factlint::config::{CONFIG_FILE, Config};
use factlint::diagnostic::{Diagnostic, Severity};
use factlint::facts::{FactSheet, SheetDefaults};
use factlint::report::{self, Checked};
use factlint::rules::{self, FactSheetContext, RULES};
use factlint::suppress;

#[derive(Parser)]
#[command(
    name = "factlint",
    version,
    about = "Checks numbers, dates and quotations in prose against a fact sheet"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check documents against a fact sheet.
    Check(CheckArgs),
    /// Print every quantity, time expression and quotation found.
    Extract(CommonArgs),
    /// List the rules.
    Rules,
    /// Print a rule's documentation.
    Explain {
        /// A rule id, e.g. quantity/mismatch.
        rule: String,
    },
}

#[derive(Args)]
struct CommonArgs {
    /// Reference date for relative expressions (YYYY-MM-DD); wins over the document's own date.
    #[arg(long, value_parser = parse_date)]
    date: Option<Date>,
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Colour in human output.
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    color: Color,
    /// Files or directories (.txt, .md, .markdown); `-` reads standard input.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
}

#[derive(Args)]
struct CheckArgs {
    /// The fact sheet for every document; by default the one `factlint.toml`
    /// names, or the nearest `facts.toml` in the document's folder or above.
    #[arg(long)]
    facts: Option<PathBuf>,
    /// The configuration for every document; by default the nearest
    /// `factlint.toml` in the document's folder or above.
    #[arg(long)]
    config: Option<PathBuf>,
    /// Report only findings this baseline file does not accept.
    #[arg(long, conflicts_with = "write_baseline")]
    baseline: Option<PathBuf>,
    /// Write every finding to this baseline file (accepting them all) and exit 0.
    #[arg(long)]
    write_baseline: Option<PathBuf>,
    #[command(flatten)]
    common: CommonArgs,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Human,
    Json,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Color {
    Auto,
    Always,
    Never,
}

fn parse_date(s: &str) -> Result<Date, String> {
    s.parse::<Date>()
        .map_err(|e| format!("expected a date such as 2025-06-02: {e}"))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check(args) => check(args),
        Command::Extract(args) => extract(args),
        Command::Rules => {
            for rule in RULES {
                let severity = if rule.on_by_default() {
                    rule.severity().to_string()
                } else {
                    format!("off ({})", rule.severity())
                };
                println!(
                    "{:<24} {:<14} {}",
                    rule.id(),
                    severity,
                    first_sentence(rule.doc().what_it_does)
                );
            }
            ExitCode::SUCCESS
        }
        Command::Explain { rule } => match rules::rule(&rule) {
            Some(rule) => {
                let doc = rule.doc();
                println!(
                    "{} ({}, default severity)\n\nWhat it does\n  {}\n\nWhy it matters\n  {}\n\nExample\n  {}\n\nUse instead\n  {}",
                    rule.id(),
                    rule.severity(),
                    doc.what_it_does,
                    doc.why_it_matters,
                    doc.example,
                    doc.use_instead
                );
                ExitCode::SUCCESS
            }
            None => {
                eprintln!("factlint: no rule `{rule}`; `factlint rules` lists them");
                ExitCode::from(2)
            }
        },
    }
}

fn first_sentence(text: &str) -> &str {
    text.split_once(". ").map_or(text, |(s, _)| s)
}

/// Tracks what decides the exit code.
#[derive(Default)]
struct Outcome {
    failed: bool,
    errors_found: bool,
}

impl Outcome {
    fn fail(&mut self, message: impl std::fmt::Display) {
        eprintln!("factlint: {message}");
        self.failed = true;
    }

    fn code(&self) -> ExitCode {
        if self.failed {
            ExitCode::from(2)
        } else if self.errors_found {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        }
    }
}

fn use_color(color: Color) -> bool {
    match color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => std::io::stdout().is_terminal(),
    }
}

fn check(args: CheckArgs) -> ExitCode {
    let mut outcome = Outcome::default();
    let color = use_color(args.common.color);
    let mut configs = Configs::new(args.config.as_deref(), color, &mut outcome);
    let inputs = inputs(&args.common.paths, &mut configs, &mut outcome);

    // Which configuration and fact sheet each document gets; each sheet is
    // loaded once, with the defaults of the first configuration naming it.
    let mut plans = Vec::with_capacity(inputs.len());
    let mut sheets: Vec<(PathBuf, usize)> = Vec::new();
    for input in inputs {
        let config = configs.index_for(&input, &mut outcome);
        let settings = match &input {
            Input::File(p) => configs.get(config).for_file(p),
            Input::Stdin => configs.get(config).for_file(Path::new("-")),
        };
        let sheet = args
            .facts
            .clone()
            .or_else(|| settings.facts.clone())
            .or_else(|| nearest(&input.folder(), "facts.toml"));
        let sheet_index = sheet.map(|path| {
            sheets
                .iter()
                .position(|(p, _)| *p == path)
                .unwrap_or_else(|| {
                    sheets.push((path, config));
                    sheets.len() - 1
                })
        });
        plans.push((input, settings.levels, sheet_index));
    }
    let loaded: Vec<Option<FactSheet>> = sheets
        .iter()
        .map(|(path, config)| {
            let defaults = configs.get(*config).sheet_defaults();
            load_fact_sheet(path, &defaults, color, &mut outcome)
        })
        .collect();
    let contexts: Vec<Option<FactSheetContext>> = loaded
        .iter()
        .map(|s| s.as_ref().map(FactSheetContext::new))
        .collect();
    if plans.iter().any(|(_, _, sheet)| sheet.is_none()) {
        eprintln!(
            "factlint: no fact sheet for some documents (no --facts, none in factlint.toml, no facts.toml in their folder or above): running only the checks that need none there"
        );
    }

    let mut baseline = args.baseline.as_deref().and_then(|path| {
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
    let mut accepted = 0;
    let mut to_write: Vec<(String, String, Vec<Diagnostic>)> = Vec::new();

    let mut stdout = std::io::stdout().lock();
    for (input, levels, sheet) in plans {
        let Some(text) = read_input(&input, &mut outcome) else {
            continue;
        };
        let sheet_ref = sheet.and_then(|i| loaded[i].as_ref());
        let context = sheet.and_then(|i| contexts[i].as_ref());
        let published = sheet_ref.and_then(|s| s.published);
        let analysis = Analysis::new(&text, args.common.date, published);
        let found = rules::check_with(&analysis, context, &levels);
        let mut diagnostics = suppress::apply(&text, found);
        let key = input.baseline_key(baseline_dir.as_deref());
        if let Some(b) = baseline.as_mut() {
            accepted += b.filter(&key, &text, &mut diagnostics);
        }
        if args.write_baseline.is_some() {
            to_write.push((key, text.clone(), diagnostics.clone()));
            continue;
        }
        outcome.errors_found |= diagnostics.iter().any(|d| d.severity == Severity::Error);
        let path = input.display();
        let checked = Checked {
            path: &path,
            text: &text,
            diagnostics: &diagnostics,
            facts: sheet_ref,
        };
        let rendered = match args.common.format {
            Format::Human => report::human::render(&checked, color),
            Format::Json => report::json::render(&checked, &analysis),
        };
        if stdout.write_all(rendered.as_bytes()).is_err() {
            return ExitCode::from(2); // stdout closed: nobody is reading
        }
    }
    if accepted > 0 {
        eprintln!("factlint: {accepted} finding(s) accepted by the baseline not shown");
    }
    if let Some(path) = &args.write_baseline {
        let count: usize = to_write.iter().map(|(_, _, d)| d.len()).sum();
        let written = Baseline::of(
            to_write
                .iter()
                .map(|(p, t, d)| (p.as_str(), t.as_str(), d.as_slice())),
        );
        match std::fs::write(path, written.to_json()) {
            Ok(()) => eprintln!(
                "factlint: wrote {count} finding(s) to the baseline {}",
                path.display()
            ),
            Err(e) => outcome.fail(format!("{}: cannot write baseline: {e}", path.display())),
        }
    }
    outcome.code()
}

/// The configurations in play: `--config`, or each document's nearest
/// `factlint.toml`, each read once; a broken one is reported and the
/// defaults used in its place.
struct Configs {
    loaded: Vec<Config>,
    /// Configuration file → index in `loaded`.
    by_path: std::collections::HashMap<PathBuf, usize>,
    /// Folder → index in `loaded`, as discovered.
    by_folder: std::collections::HashMap<PathBuf, usize>,
    /// `--config`, which applies to every document.
    forced: Option<usize>,
    color: bool,
}

impl Configs {
    fn new(explicit: Option<&Path>, color: bool, outcome: &mut Outcome) -> Configs {
        let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
        let mut configs = Configs {
            // index 0: the defaults, for documents with no configuration
            loaded: vec![Config::defaults(&cwd)],
            by_path: Default::default(),
            by_folder: Default::default(),
            forced: None,
            color,
        };
        if let Some(path) = explicit {
            configs.forced = Some(configs.load(path, outcome));
        }
        configs
    }

    fn get(&self, index: usize) -> &Config {
        &self.loaded[index]
    }

    fn load(&mut self, path: &Path, outcome: &mut Outcome) -> usize {
        if let Some(&i) = self.by_path.get(path) {
            return i;
        }
        let shown = path.display().to_string();
        let config = match std::fs::read(path).map(String::from_utf8) {
            Ok(Ok(source)) => match Config::parse(path, &source) {
                Ok(config) => config,
                Err(errors) => {
                    eprint!(
                        "{}",
                        report::human::render_config_errors(
                            &shown,
                            &source,
                            &errors,
                            self.color && std::io::stderr().is_terminal()
                        )
                    );
                    outcome.fail(format!(
                        "{shown}: configuration has {} error(s); using the defaults instead",
                        errors.len()
                    ));
                    Config::defaults(path.parent().unwrap_or(Path::new(".")))
                }
            },
            Ok(Err(_)) => {
                outcome.fail(format!("{shown}: configuration is not UTF-8"));
                Config::defaults(path.parent().unwrap_or(Path::new(".")))
            }
            Err(e) => {
                outcome.fail(format!("{shown}: cannot read configuration: {e}"));
                Config::defaults(path.parent().unwrap_or(Path::new(".")))
            }
        };
        self.loaded.push(config);
        self.by_path
            .insert(path.to_path_buf(), self.loaded.len() - 1);
        self.loaded.len() - 1
    }

    /// The configuration for documents in `folder`.
    fn for_folder(&mut self, folder: &Path, outcome: &mut Outcome) -> usize {
        if let Some(i) = self.forced {
            return i;
        }
        if let Some(&i) = self.by_folder.get(folder) {
            return i;
        }
        let index = match nearest(folder, CONFIG_FILE) {
            Some(path) => self.load(&path, outcome),
            None => 0,
        };
        self.by_folder.insert(folder.to_path_buf(), index);
        index
    }

    fn index_for(&mut self, input: &Input, outcome: &mut Outcome) -> usize {
        self.for_folder(&input.folder(), outcome)
    }
}

/// The nearest file called `name` in `folder` or a folder above it.
fn nearest(folder: &Path, name: &str) -> Option<PathBuf> {
    let folder = std::path::absolute(folder).unwrap_or_else(|_| folder.to_path_buf());
    folder
        .ancestors()
        .map(|d| d.join(name))
        .find(|p| p.is_file())
}

fn extract(args: CommonArgs) -> ExitCode {
    let mut outcome = Outcome::default();
    let mut stdout = std::io::stdout().lock();
    let mut configs = Configs::new(None, false, &mut outcome);
    for input in inputs(&args.paths, &mut configs, &mut outcome) {
        let Some(text) = read_input(&input, &mut outcome) else {
            continue;
        };
        let analysis = Analysis::new(&text, args.date, None);
        let path = input.display();
        let rendered = match args.format {
            Format::Human => report::human::render_mentions(&path, &analysis),
            Format::Json => report::json::render_mentions(&path, &analysis),
        };
        if stdout.write_all(rendered.as_bytes()).is_err() {
            return ExitCode::from(2);
        }
    }
    outcome.code()
}

/// Loads a fact sheet over a configuration's defaults. A broken sheet is
/// reported and the documents it was for are checked without it.
fn load_fact_sheet(
    path: &Path,
    defaults: &SheetDefaults,
    color: bool,
    outcome: &mut Outcome,
) -> Option<FactSheet> {
    let shown = path.display().to_string();
    let source = match std::fs::read(path) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(s) => s,
            Err(e) => {
                outcome.fail(format!(
                    "{shown}: fact sheet is not UTF-8 (invalid byte at offset {})",
                    e.utf8_error().valid_up_to()
                ));
                return None;
            }
        },
        Err(e) => {
            outcome.fail(format!("{shown}: cannot read fact sheet: {e}"));
            return None;
        }
    };
    match FactSheet::parse_with(&shown, &source, defaults) {
        Ok(sheet) => {
            if !sheet.problems.is_empty() {
                eprint!(
                    "{}",
                    report::human::render_fact_sheet_errors(
                        &shown,
                        &source,
                        &sheet.problems,
                        color && std::io::stderr().is_terminal()
                    )
                );
                outcome.fail(format!(
                    "{shown}: fact sheet has {} error(s); checking with the facts that are sound",
                    sheet.problems.len()
                ));
            }
            Some(sheet)
        }
        Err(errors) => {
            eprint!(
                "{}",
                report::human::render_fact_sheet_errors(
                    &shown,
                    &source,
                    &errors,
                    color && std::io::stderr().is_terminal()
                )
            );
            outcome.fail(format!(
                "{shown}: fact sheet has {} error(s); checking without it",
                errors.len()
            ));
            None
        }
    }
}

/// One document to read.
enum Input {
    Stdin,
    File(PathBuf),
}

impl Input {
    fn display(&self) -> String {
        match self {
            Input::Stdin => "<stdin>".to_string(),
            Input::File(p) => p.display().to_string(),
        }
    }

    /// The folder its configuration and fact sheet are looked for from.
    fn folder(&self) -> PathBuf {
        match self {
            Input::File(p) => p
                .parent()
                .filter(|d| !d.as_os_str().is_empty())
                .map_or_else(|| PathBuf::from("."), Path::to_path_buf),
            Input::Stdin => PathBuf::from("."),
        }
    }

    /// How a baseline names it: relative to the baseline's folder, with
    /// forward slashes, so the file works from any working directory.
    fn baseline_key(&self, baseline_dir: Option<&Path>) -> String {
        let Input::File(p) = self else {
            return self.display();
        };
        // canonical: "docs/../baseline.json" and "baseline.json" are one folder
        let absolute = |p: &Path| {
            std::fs::canonicalize(p)
                .or_else(|_| std::path::absolute(p))
                .unwrap_or_else(|_| p.to_path_buf())
        };
        let file = absolute(p);
        let relative = baseline_dir
            .map(|d| {
                absolute(if d.as_os_str().is_empty() {
                    Path::new(".")
                } else {
                    d
                })
            })
            .and_then(|d| file.strip_prefix(d).ok().map(Path::to_path_buf))
            .unwrap_or(file);
        relative.to_string_lossy().replace('\\', "/")
    }
}

const EXTENSIONS: &[&str] = &["txt", "md", "markdown"];

/// Expands the paths: files as given, directories walked (sorted, so output
/// order is stable) for .txt, .md and .markdown files.
fn inputs(paths: &[PathBuf], configs: &mut Configs, outcome: &mut Outcome) -> Vec<Input> {
    let mut out = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            out.push(Input::Stdin);
        } else if path.is_dir() {
            for entry in walkdir::WalkDir::new(path).sort_by_file_name() {
                match entry {
                    Ok(e) if e.file_type().is_file() => {
                        let wanted = e
                            .path()
                            .extension()
                            .and_then(|x| x.to_str())
                            .is_some_and(|x| EXTENSIONS.contains(&x.to_ascii_lowercase().as_str()));
                        let folder = e.path().parent().unwrap_or(path).to_path_buf();
                        let config = configs.for_folder(&folder, outcome);
                        if wanted && configs.get(config).wants(e.path()) {
                            out.push(Input::File(e.into_path()));
                        }
                    }
                    Ok(_) => {}
                    Err(e) => outcome.fail(format!("{}: {e}", e.path().unwrap_or(path).display())),
                }
            }
        } else {
            out.push(Input::File(path.clone()));
        }
    }
    out
}

/// Reads a document as UTF-8, reporting what went wrong.
fn read_input(input: &Input, outcome: &mut Outcome) -> Option<String> {
    let bytes = match input {
        Input::Stdin => {
            let mut buf = Vec::new();
            std::io::stdin().read_to_end(&mut buf).map(|_| buf)
        }
        Input::File(p) => std::fs::read(p),
    };
    let shown = input.display();
    match bytes {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => Some(text),
            Err(e) => {
                outcome.fail(format!(
                    "{shown}: not UTF-8 text (invalid byte at offset {}); convert it to UTF-8 and check it again",
                    e.utf8_error().valid_up_to()
                ));
                None
            }
        },
        Err(e) => {
            outcome.fail(format!("{shown}: cannot read: {e}"));
            None
        }
    }
}
