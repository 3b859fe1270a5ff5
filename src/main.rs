//! The `factlint` command: reads arguments and files, prints, and chooses the
//! exit code (0 no errors, 1 errors found, 2 usage, configuration or I/O
//! failure). Everything else lives in the library.

use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};
use jiff::civil::Date;

use factlint::analysis::Analysis;
use factlint::diagnostic::Severity;
use factlint::facts::FactSheet;
use factlint::report::{self, Checked};
use factlint::rules::{self, FactSheetContext, RULES};

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
    /// The fact sheet; by default `facts.toml` in the current directory or a parent.
    #[arg(long)]
    facts: Option<PathBuf>,
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
                println!(
                    "{:<22} {:<8} {}",
                    rule.id(),
                    rule.severity(),
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
    let sheet = load_fact_sheet(args.facts.as_deref(), color, &mut outcome);
    let context = sheet.as_ref().map(FactSheetContext::new);
    if sheet.is_none() && !outcome.failed {
        eprintln!(
            "factlint: no fact sheet (no --facts, no facts.toml here or above): running only the checks that need none"
        );
    }
    let published = sheet.as_ref().and_then(|s| s.published);
    let mut stdout = std::io::stdout().lock();
    for input in inputs(&args.common.paths, &mut outcome) {
        let Some(text) = read_input(&input, &mut outcome) else {
            continue;
        };
        let analysis = Analysis::new(&text, args.common.date, published);
        let diagnostics = rules::check(&analysis, context.as_ref());
        outcome.errors_found |= diagnostics.iter().any(|d| d.severity == Severity::Error);
        let path = input.display();
        let checked = Checked {
            path: &path,
            text: &text,
            diagnostics: &diagnostics,
            facts: sheet.as_ref(),
        };
        let rendered = match args.common.format {
            Format::Human => report::human::render(&checked, color),
            Format::Json => report::json::render(&checked, &analysis),
        };
        if stdout.write_all(rendered.as_bytes()).is_err() {
            return ExitCode::from(2); // stdout closed: nobody is reading
        }
    }
    outcome.code()
}

fn extract(args: CommonArgs) -> ExitCode {
    let mut outcome = Outcome::default();
    let mut stdout = std::io::stdout().lock();
    for input in inputs(&args.paths, &mut outcome) {
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

/// Loads `--facts`, or the nearest `facts.toml` upward from the current
/// directory. A broken sheet is reported and the run goes on without it.
fn load_fact_sheet(
    explicit: Option<&Path>,
    color: bool,
    outcome: &mut Outcome,
) -> Option<FactSheet> {
    let path = match explicit {
        Some(p) => p.to_path_buf(),
        None => {
            let cwd = std::env::current_dir().ok()?;
            cwd.ancestors()
                .map(|d| d.join("facts.toml"))
                .find(|p| p.is_file())?
        }
    };
    let shown = path.display().to_string();
    let source = match std::fs::read(&path) {
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
    match FactSheet::parse(&shown, &source) {
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
}

const EXTENSIONS: &[&str] = &["txt", "md", "markdown"];

/// Expands the paths: files as given, directories walked (sorted, so output
/// order is stable) for .txt, .md and .markdown files.
fn inputs(paths: &[PathBuf], outcome: &mut Outcome) -> Vec<Input> {
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
                        if wanted {
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
