//! The command line's plumbing: which documents, reading them, reporting
//! what could not be read, and the exit code.

pub mod check;
pub mod lsp;
pub mod parallel;
pub mod write;

use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use factlint::facts::SourceText;
use factlint::prose::{Markup, Prose};
use factlint::report;
use factlint::window::{self, Windowing};
use factlint::workspace::{Problem, Workspace};

use crate::{Color, CommonArgs, Encoding};

/// Tracks what decides the exit code.
#[derive(Default)]
pub struct Outcome {
    /// How many things could not be done (a file unread, a sheet invalid).
    pub failures: usize,
    pub findings_fail: bool,
}

impl Outcome {
    pub fn fail(&mut self, message: impl std::fmt::Display) {
        say!("factlint: {message}");
        self.failures += 1;
    }

    pub fn failed(&self) -> bool {
        self.failures > 0
    }

    /// The closing count of failures on standard error, so that one among
    /// a thousand findings is not missed.
    pub fn summarise(&self) {
        if self.failures > 0 {
            let s = if self.failures == 1 { "" } else { "s" };
            say!(
                "factlint: {} failure{s} (above); the other files were checked",
                self.failures
            );
        }
    }

    pub fn code(&self) -> ExitCode {
        if self.failed() {
            ExitCode::from(2)
        } else if self.findings_fail {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        }
    }
}

pub fn use_color(color: Color) -> bool {
    match color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => std::io::stdout().is_terminal(),
    }
}

/// Prints what the workspace could not use, with places in the TOML.
pub fn report_problems(workspace: &mut Workspace, color: bool, outcome: &mut Outcome) {
    let color = color && std::io::stderr().is_terminal();
    for problem in workspace.take_problems() {
        let shown = problem.path().display().to_string();
        match &problem {
            Problem::Unreadable { .. } => {}
            Problem::Config { source, errors, .. } => {
                let shown = report::human::render_config_errors(&shown, source, errors, color);
                let _ = std::io::stderr().write_all(shown.as_bytes());
            }
            Problem::FactSheet { source, errors, .. } => {
                let shown = report::human::render_fact_sheet_errors(&shown, source, errors, color);
                let _ = std::io::stderr().write_all(shown.as_bytes());
            }
        }
        outcome.fail(problem.summary());
    }
}

/// One document to read.
pub enum Input {
    /// Standard input, placed at `--stdin-filename` when given.
    Stdin(Option<PathBuf>),
    File(PathBuf),
}

impl Input {
    pub fn display(&self) -> String {
        match self {
            Input::Stdin(None) => "<stdin>".to_string(),
            Input::Stdin(Some(p)) | Input::File(p) => p.display().to_string(),
        }
    }

    /// Where it is, for its configuration, fact sheet and markup.
    pub fn place(&self) -> &Path {
        match self {
            Input::Stdin(None) => Path::new("-"),
            Input::Stdin(Some(p)) | Input::File(p) => p,
        }
    }

    pub fn markup(&self) -> Markup {
        Markup::of(self.place())
    }

    /// How a baseline names it: relative to the baseline's folder, with
    /// forward slashes, so the file works from any working directory.
    pub fn baseline_key(&self, baseline_dir: Option<&Path>) -> String {
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
/// order is stable) for .txt, .md and .markdown files their configuration
/// wants; `-`, or no path with `--stdin-filename`, is standard input.
pub fn inputs(args: &CommonArgs, workspace: &mut Workspace, outcome: &mut Outcome) -> Vec<Input> {
    let mut out = Vec::new();
    if args.paths.is_empty() {
        out.push(Input::Stdin(args.stdin_filename.clone()));
    }
    for path in &args.paths {
        if path.as_os_str() == "-" {
            out.push(Input::Stdin(args.stdin_filename.clone()));
        } else if path.is_dir() {
            let walk = walkdir::WalkDir::new(path)
                .sort_by_file_name()
                .into_iter()
                .filter_entry(|e| e.depth() == 0 || !skipped_folder(e));
            for entry in walk {
                match entry {
                    Ok(e) if e.file_type().is_file() => {
                        let wanted = e
                            .path()
                            .extension()
                            .and_then(|x| x.to_str())
                            .is_some_and(|x| EXTENSIONS.contains(&x.to_ascii_lowercase().as_str()));
                        if wanted && workspace.wants(e.path()) {
                            // "./a.md" from walking "." is "a.md", as tools that
                            // match paths to the repository expect
                            let path = e.path().strip_prefix(".").unwrap_or(e.path());
                            out.push(Input::File(path.to_path_buf()));
                        }
                    }
                    Ok(_) => {}
                    Err(e) => outcome.fail(format!("{}: {e}", e.path().unwrap_or(path).display())),
                }
            }
        } else if !args.force_exclude || workspace.wants(path) {
            out.push(Input::File(path.clone()));
        }
    }
    out
}

/// Folders never walked into: hidden ones (`.git`, `.venv`) and installed
/// dependencies. Named on the command line, they are walked.
fn skipped_folder(entry: &walkdir::DirEntry) -> bool {
    entry.file_type().is_dir()
        && entry
            .file_name()
            .to_str()
            .is_some_and(|name| name.starts_with('.') || name == "node_modules")
}

/// Reads a document as UTF-8; the error says which file and what to do.
pub fn read_text(input: &Input, encoding: Encoding) -> Result<Contents, String> {
    let bytes = match input {
        Input::Stdin(_) => {
            let mut buf = Vec::new();
            std::io::stdin().read_to_end(&mut buf).map(|_| buf)
        }
        Input::File(p) => std::fs::read(p),
    };
    let shown = input.display();
    let bytes = bytes
        .map_err(|e| format!("{shown}: cannot read: {e}; check that it exists and is readable"))?;
    if bytes[..bytes.len().min(BINARY_SNIFF)].contains(&0) {
        return Ok(Contents::Binary);
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Contents::Text(text)),
        Err(e) if encoding == Encoding::Lossy => Ok(Contents::Lossy(lossy(e.into_bytes()))),
        Err(e) => Err(format!(
            "{shown}: not UTF-8 text (invalid byte at offset {}); convert it to UTF-8, or pass --encoding lossy",
            e.utf8_error().valid_up_to()
        )),
    }
}

/// A file that gave no text: a failure (exit 2), or a file skipped with a
/// note.
pub enum Unread {
    Failed(String),
    Skipped(String),
}

/// What is said of a binary file passed over.
pub fn binary_note(input: &Input) -> String {
    format!(
        "{}: skipped: binary (a NUL byte near the start), not text",
        input.display()
    )
}

/// How far into a file a NUL byte makes it binary, as git and grep judge.
const BINARY_SNIFF: usize = 8000;

/// What reading a document gave.
pub enum Contents {
    Text(String),
    /// Not UTF-8, read with `--encoding lossy`.
    Lossy(String),
    /// A NUL byte near the start: not text, skipped.
    Binary,
}

/// The bytes as text, each byte of an invalid sequence read as a space:
/// one byte for one byte, so spans stay the file's offsets.
fn lossy(mut bytes: Vec<u8>) -> String {
    let mut at = 0;
    while at < bytes.len() {
        match std::str::from_utf8(&bytes[at..]) {
            Ok(_) => break,
            Err(e) => {
                let bad = at + e.valid_up_to();
                let len = e.error_len().unwrap_or(bytes.len() - bad);
                bytes[bad..bad + len].fill(b' ');
                at = bad + len;
            }
        }
    }
    String::from_utf8(bytes).unwrap_or_default()
}

/// `factlint extract`: every mention of every document.
pub fn extract(args: CommonArgs, json: bool) -> ExitCode {
    let mut outcome = Outcome::default();
    let mut stdout = std::io::stdout().lock();
    let mut workspace = Workspace::new(None, None);
    let inputs = inputs(&args, &mut workspace, &mut outcome);
    parallel::set_jobs(args.jobs);
    let mut closed = false;
    parallel::in_order(
        &inputs,
        |input, parts| {
            let text = match read_text(input, args.encoding).map_err(Unread::Failed)? {
                Contents::Text(text) | Contents::Lossy(text) => text,
                Contents::Binary => return Err(Unread::Skipped(binary_note(input))),
            };
            let prose = Prose::new(&text, input.markup());
            let path = input.display();
            // A long file window by window: each window's mentions are
            // handed over once the next window is read.
            let mut rendered: Option<String> = None;
            window::analyses(&prose, args.date, None, Windowing::DEFAULT, |analysis| {
                if let Some(done) = rendered.take() {
                    parts.send(Ok(done));
                }
                rendered = Some(if json {
                    report::json::render_mentions(&path, &analysis)
                } else {
                    report::human::render_mentions(&path, &analysis)
                });
                true
            });
            Ok(rendered.unwrap_or_default())
        },
        |rendered: Result<String, Unread>| match rendered {
            Ok(rendered) => {
                closed = stdout.write_all(rendered.as_bytes()).is_err();
                !closed
            }
            Err(Unread::Skipped(note)) => {
                say!("factlint: {note}");
                true
            }
            Err(Unread::Failed(e)) => {
                outcome.fail(e);
                true
            }
        },
    );
    if closed {
        return ExitCode::from(2);
    }
    report_problems(&mut workspace, false, &mut outcome);
    outcome.summarise();
    outcome.code()
}

/// Reads source documents for `--source` and `facts draft`: Markdown is read
/// as its prose, as documents are. A source that cannot be read is reported.
pub fn read_sources(paths: &[PathBuf], outcome: &mut Outcome) -> Vec<SourceText> {
    let mut sources = Vec::with_capacity(paths.len());
    for path in paths {
        match std::fs::read(path) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => sources.push(SourceText {
                    path: path.display().to_string(),
                    text: Prose::new(&text, Markup::of(path)).text,
                }),
                Err(_) => outcome.fail(format!(
                    "{}: source is not UTF-8 text; convert it (e.g. with iconv) and retry",
                    path.display()
                )),
            },
            Err(e) => outcome.fail(format!("{}: cannot read source: {e}", path.display())),
        }
    }
    sources
}

/// `factlint facts draft`: a fact sheet from the sources, on standard
/// output. Nothing is printed when a source cannot be read: half a sheet
/// redirected into `facts.toml` would look whole.
pub fn draft(paths: &[PathBuf], date: Option<jiff::civil::Date>) -> ExitCode {
    let mut outcome = Outcome::default();
    let sources = read_sources(paths, &mut outcome);
    if outcome.failed() {
        return outcome.code();
    }
    let sheet = factlint::source::draft(&sources, date);
    if std::io::stdout()
        .lock()
        .write_all(sheet.as_bytes())
        .is_err()
    {
        return ExitCode::from(2);
    }
    ExitCode::SUCCESS
}
