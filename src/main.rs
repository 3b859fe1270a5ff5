//! The `factlint` command: reads arguments and files, prints, and chooses the
//! exit code (0 no errors, 1 errors found, 2 usage, configuration or I/O
//! failure). Everything else lives in the library.

/// `eprintln!` that never panics: with standard error closed (a pipe
/// whose reader left), a message is lost, not the run.
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr(), $($arg)*);
    }};
}

/// `println!` that never panics when standard output is closed.
macro_rules! out {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout(), $($arg)*);
    }};
}

mod cli;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};
use jiff::civil::Date;

use factlint::diagnostic::Severity;
use factlint::rules::{self, RULES};

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
    Extract(ExtractArgs),
    /// List the rules.
    Rules,
    /// Print a rule's documentation.
    Explain {
        /// A rule id, e.g. quantity/mismatch.
        rule: String,
    },
    /// Run as a language server over standard input and output, for editors.
    Lsp,
    /// Work with fact sheets.
    #[command(subcommand)]
    Facts(FactsCommand),
}

/// `factlint facts …`
#[derive(Subcommand)]
enum FactsCommand {
    /// Draft a fact sheet from source documents on standard output: one
    /// fact per source sentence with a number, a date or a quotation, its
    /// id from its words, and suggested cues.
    Draft {
        /// Reference date for the sources' relative expressions
        /// (YYYY-MM-DD); by default their front matter's date.
        #[arg(long, value_parser = parse_date)]
        date: Option<Date>,
        /// The source documents (.txt, .md).
        #[arg(required = true, value_name = "SOURCE")]
        sources: Vec<PathBuf>,
    },
}

/// What `check` and `extract` share.
#[derive(Args)]
pub struct CommonArgs {
    /// Reference date for relative expressions (YYYY-MM-DD); wins over the document's own date.
    #[arg(long, value_parser = parse_date)]
    pub date: Option<Date>,
    /// Colour in human output.
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    pub color: Color,
    /// Read standard input as if it were this file: its configuration, fact
    /// sheet and markup follow from the path, and findings name it.
    #[arg(long, value_name = "PATH")]
    pub stdin_filename: Option<PathBuf>,
    /// Apply the configuration's `include` and `exclude` to files named on
    /// the command line too (as pre-commit names them), not only to files
    /// found by walking folders.
    #[arg(long)]
    pub force_exclude: bool,
    /// How many files are read at once, on as many threads; by default one
    /// per core (or `RAYON_NUM_THREADS`). The output is the same either way.
    #[arg(short, long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: Option<u16>,
    /// How to read a file that is not UTF-8: `utf8` reports it and checks the
    /// others (exit 2); `lossy` reads each byte that is not UTF-8 as a space,
    /// so that every line, column and offset stays the file's (such a file is
    /// never fixed).
    #[arg(long, value_enum, default_value_t = Encoding::Utf8)]
    pub encoding: Encoding,
    /// Files or directories (.txt, .md, .markdown); `-` reads standard input.
    #[arg(required_unless_present = "stdin_filename")]
    pub paths: Vec<PathBuf>,
}

#[derive(Args)]
struct ExtractArgs {
    #[arg(long, value_enum, default_value_t = MentionFormat::Human)]
    format: MentionFormat,
    #[command(flatten)]
    common: CommonArgs,
}

#[derive(Args)]
pub struct CheckArgs {
    /// The fact sheet for every document; by default the one `factlint.toml`
    /// names, or the nearest `facts.toml` in the document's folder or above.
    #[arg(long)]
    pub facts: Option<PathBuf>,
    /// Check the documents against this source text too: every quantity,
    /// time expression and quotation must be supported by the sources.
    /// Repeat for a story built from several sources.
    #[arg(long = "source", value_name = "SOURCE")]
    pub sources: Vec<PathBuf>,
    /// The configuration for every document; by default the nearest
    /// `factlint.toml` in the document's folder or above.
    #[arg(long)]
    pub config: Option<PathBuf>,
    /// Report only findings this baseline file does not accept.
    #[arg(long, conflicts_with = "write_baseline")]
    pub baseline: Option<PathBuf>,
    /// Write every finding to this baseline file (accepting them all) and exit 0.
    #[arg(long)]
    pub write_baseline: Option<PathBuf>,
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// The least severe finding that makes the run fail (exit 1).
    #[arg(long, value_enum, default_value_t = FailLevel::Error)]
    pub fail_level: FailLevel,
    /// Exit 0 whatever is found (2 still reports a failure to run).
    #[arg(long)]
    pub exit_zero: bool,
    /// Apply the safe fixes to the files, then report what is left.
    #[arg(long, conflicts_with_all = ["diff", "write_baseline"])]
    pub fix: bool,
    /// Print the safe fixes as a unified diff instead of findings; write
    /// nothing. Exits 1 when there is something to fix.
    #[arg(long, conflicts_with = "write_baseline")]
    pub diff: bool,
    #[command(flatten)]
    pub common: CommonArgs,
}

/// How findings are printed.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Compiler-style, with the text and the fact (codespan-reporting).
    Human,
    /// JSON Lines, one object per finding (see the README).
    Json,
    /// SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.
    Sarif,
    /// GitHub Actions workflow commands: annotations on the pull request.
    Github,
    /// reviewdog's rdjsonl.
    Rdjsonl,
    /// JUnit XML, for CI test reports (GitLab, Jenkins).
    Junit,
    /// `path:line:col: severity[rule] message`, one per line.
    Compact,
}

/// How mentions are printed by `extract`.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum MentionFormat {
    Human,
    Json,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Encoding {
    Utf8,
    Lossy,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Color {
    Auto,
    Always,
    Never,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailLevel {
    Error,
    Warning,
    Info,
}

impl FailLevel {
    pub fn severity(self) -> Severity {
        match self {
            FailLevel::Error => Severity::Error,
            FailLevel::Warning => Severity::Warning,
            FailLevel::Info => Severity::Info,
        }
    }
}

fn parse_date(s: &str) -> Result<Date, String> {
    s.parse::<Date>()
        .map_err(|e| format!("expected a date such as 2025-06-02: {e}"))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check(args) => cli::check::run(args),
        Command::Extract(args) => cli::extract(args.common, args.format == MentionFormat::Json),
        Command::Lsp => cli::lsp::run(),
        Command::Facts(FactsCommand::Draft { date, sources }) => cli::draft(&sources, date),
        Command::Rules => {
            for rule in RULES {
                let severity = if rule.on_by_default() {
                    rule.severity().to_string()
                } else {
                    format!("off ({})", rule.severity())
                };
                out!(
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
                out!(
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
                say!("factlint: no rule `{rule}`; `factlint rules` lists them");
                ExitCode::from(2)
            }
        },
    }
}

fn first_sentence(text: &str) -> &str {
    text.split_once(". ").map_or(text, |(s, _)| s)
}
