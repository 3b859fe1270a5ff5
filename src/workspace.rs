//! Which configuration and fact sheet apply to each document, each read
//! once and kept: the command line loads them for a run, the language
//! server for a session (reloading what changed on disk).
//!
//! A document's configuration is `--config`, or the nearest `factlint.toml`
//! in its folder or above; its fact sheet is, first found wins: `--facts`,
//! the one its configuration (or a matching override) names, the nearest
//! `facts.toml`. A file that cannot be used is a [`Problem`] (collected, for
//! the caller to show) and the document is checked without it.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::SystemTime;

use crate::config::{CONFIG_FILE, Config};
use crate::facts::{FactSheet, FactSheetError, SheetDefaults};
use crate::rules::Levels;

/// The name of the fact sheet looked for beside documents.
pub const FACTS_FILE: &str = "facts.toml";

/// A configuration or fact sheet that could not be used (fully).
#[derive(Debug, Clone)]
pub enum Problem {
    /// Not readable, or not UTF-8.
    Unreadable { path: PathBuf, message: String },
    /// A configuration with errors: the defaults are used instead.
    Config {
        path: PathBuf,
        source: String,
        errors: Vec<FactSheetError>,
    },
    /// A fact sheet with errors: `usable` when the sound facts are still
    /// checked against, otherwise documents are checked without it.
    FactSheet {
        path: PathBuf,
        source: String,
        errors: Vec<FactSheetError>,
        usable: bool,
    },
}

impl Problem {
    /// The file it is about.
    pub fn path(&self) -> &Path {
        match self {
            Problem::Unreadable { path, .. }
            | Problem::Config { path, .. }
            | Problem::FactSheet { path, .. } => path,
        }
    }

    /// One line saying what was done about it.
    pub fn summary(&self) -> String {
        let shown = self.path().display();
        match self {
            Problem::Unreadable { message, .. } => format!("{shown}: {message}"),
            Problem::Config { errors, .. } => format!(
                "{shown}: configuration has {} error(s); using the defaults instead",
                errors.len()
            ),
            Problem::FactSheet { errors, usable, .. } => format!(
                "{shown}: fact sheet has {} error(s); {}",
                errors.len(),
                if *usable {
                    "checking with the facts that are sound"
                } else {
                    "checking without it"
                }
            ),
        }
    }
}

/// What applies to one document.
#[derive(Debug, Clone)]
pub struct Setup {
    pub levels: Levels,
    /// The fact sheet's path, when the document has one (even a broken one).
    pub sheet_path: Option<PathBuf>,
    /// The fact sheet, when it could be read.
    pub sheet: Option<Arc<FactSheet>>,
}

/// The configurations and fact sheets met so far.
pub struct Workspace {
    cwd: PathBuf,
    /// Index 0 holds the defaults, for documents with no configuration.
    configs: Vec<Config>,
    config_by_path: HashMap<PathBuf, usize>,
    config_by_folder: HashMap<PathBuf, usize>,
    /// `--config`: applies to every document.
    forced_config: Option<usize>,
    /// `--facts`: applies to every document.
    forced_facts: Option<PathBuf>,
    /// Each sheet is read once per configuration whose defaults it takes.
    sheets: HashMap<(PathBuf, usize), Option<Arc<FactSheet>>>,
    /// Every file read, with its modification time then, to tell when the
    /// workspace is out of date.
    read: Vec<(PathBuf, Option<SystemTime>)>,
    /// `(folder, file name)` → the nearest such file.
    found: HashMap<(PathBuf, &'static str), Option<PathBuf>>,
    problems: Vec<Problem>,
}

impl Workspace {
    /// `config` and `facts` are the command line's `--config` and `--facts`.
    pub fn new(config: Option<&Path>, facts: Option<&Path>) -> Workspace {
        let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
        let mut workspace = Workspace {
            configs: vec![Config::defaults(&cwd)],
            cwd,
            config_by_path: HashMap::new(),
            config_by_folder: HashMap::new(),
            forced_config: None,
            forced_facts: facts.map(Path::to_path_buf),
            sheets: HashMap::new(),
            read: Vec::new(),
            found: HashMap::new(),
            problems: Vec::new(),
        };
        if let Some(path) = config {
            workspace.forced_config = Some(workspace.load_config(path));
        }
        workspace
    }

    /// The problems met since the last call.
    pub fn take_problems(&mut self) -> Vec<Problem> {
        std::mem::take(&mut self.problems)
    }

    /// Whether a file this workspace read has changed (or appeared or gone)
    /// since: a long-lived caller then starts a new workspace.
    pub fn is_stale(&self) -> bool {
        self.read.iter().any(|(path, when)| modified(path) != *when)
    }

    /// Whether a file met while walking a folder is to be checked, by the
    /// include and exclude globs of its configuration.
    pub fn wants(&mut self, file: &Path) -> bool {
        let config = self.config_for(&folder_of(file));
        self.configs[config].wants(file)
    }

    /// The levels and fact sheet for a document at `file` (which need not
    /// exist: standard input is placed by `--stdin-filename`).
    pub fn setup(&mut self, file: &Path) -> Setup {
        let config = self.config_for(&folder_of(file));
        let settings = self.configs[config].for_file(file);
        let sheet_path = self
            .forced_facts
            .clone()
            .or(settings.facts)
            .or_else(|| self.nearest(&folder_of(file), FACTS_FILE));
        let sheet = sheet_path
            .as_ref()
            .and_then(|path| self.load_sheet(path, config));
        Setup {
            levels: settings.levels,
            sheet_path,
            sheet,
        }
    }

    fn config_for(&mut self, folder: &Path) -> usize {
        if let Some(i) = self.forced_config {
            return i;
        }
        if let Some(&i) = self.config_by_folder.get(folder) {
            return i;
        }
        let index = match self.nearest(folder, CONFIG_FILE) {
            Some(path) => self.load_config(&path),
            None => 0,
        };
        self.config_by_folder.insert(folder.to_path_buf(), index);
        index
    }

    fn load_config(&mut self, path: &Path) -> usize {
        if let Some(&i) = self.config_by_path.get(path) {
            return i;
        }
        let dir = path.parent().unwrap_or(Path::new("."));
        let config = match self.read_text(path, "configuration") {
            Some(source) => match Config::parse(path, &source) {
                Ok(config) => config,
                Err(errors) => {
                    self.problems.push(Problem::Config {
                        path: path.to_path_buf(),
                        source,
                        errors,
                    });
                    Config::defaults(dir)
                }
            },
            None => Config::defaults(dir),
        };
        self.configs.push(config);
        let index = self.configs.len() - 1;
        self.config_by_path.insert(path.to_path_buf(), index);
        index
    }

    fn load_sheet(&mut self, path: &Path, config: usize) -> Option<Arc<FactSheet>> {
        let key = (path.to_path_buf(), config);
        if let Some(sheet) = self.sheets.get(&key) {
            return sheet.clone();
        }
        let defaults: SheetDefaults = self.configs[config].sheet_defaults();
        let sheet = self.read_text(path, "fact sheet").and_then(|source| {
            let shown = path.display().to_string();
            match FactSheet::parse_with(&shown, &source, &defaults) {
                Ok(sheet) => {
                    if !sheet.problems.is_empty() {
                        self.problems.push(Problem::FactSheet {
                            path: path.to_path_buf(),
                            errors: sheet.problems.clone(),
                            source,
                            usable: true,
                        });
                    }
                    Some(Arc::new(sheet))
                }
                Err(errors) => {
                    self.problems.push(Problem::FactSheet {
                        path: path.to_path_buf(),
                        source,
                        errors,
                        usable: false,
                    });
                    None
                }
            }
        });
        self.sheets.insert(key, sheet.clone());
        sheet
    }

    /// Reads a file as UTF-8, noting it for [`Workspace::is_stale`].
    fn read_text(&mut self, path: &Path, what: &str) -> Option<String> {
        self.read.push((path.to_path_buf(), modified(path)));
        let problem = |message: String| Problem::Unreadable {
            path: path.to_path_buf(),
            message,
        };
        match std::fs::read(path) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => Some(text),
                Err(e) => {
                    self.problems.push(problem(format!(
                        "{what} is not UTF-8 (invalid byte at offset {})",
                        e.utf8_error().valid_up_to()
                    )));
                    None
                }
            },
            Err(e) => {
                self.problems
                    .push(problem(format!("cannot read {what}: {e}")));
                None
            }
        }
    }

    /// The nearest file called `name` in `folder` or a folder above it. The
    /// folders looked in are remembered: a file that appears in one later
    /// makes the workspace stale.
    fn nearest(&mut self, folder: &Path, name: &'static str) -> Option<PathBuf> {
        let key = (folder.to_path_buf(), name);
        if let Some(found) = self.found.get(&key) {
            return found.clone();
        }
        let found = self.look_up(folder, name);
        self.found.insert(key, found.clone());
        found
    }

    fn look_up(&mut self, folder: &Path, name: &str) -> Option<PathBuf> {
        let folder = if folder.is_absolute() {
            folder.to_path_buf()
        } else {
            self.cwd.join(folder)
        };
        for dir in folder.ancestors() {
            let candidate = dir.join(name);
            if candidate.is_file() {
                return Some(candidate);
            }
            self.read.push((candidate, None));
        }
        None
    }
}

/// The folder a document's configuration and fact sheet are looked for from.
fn folder_of(file: &Path) -> PathBuf {
    file.parent()
        .filter(|d| !d.as_os_str().is_empty())
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
}

fn modified(path: &Path) -> Option<SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
        let path = dir.join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, text).unwrap();
        path
    }

    const SHEET: &str = "[story]\ntitle = \"t\"\n\n[[fact]]\nid = \"a\"\ntext = \"More than 30 soldiers were killed.\"\n";

    #[test]
    fn the_nearest_sheet_and_configuration_apply() {
        let dir = tempfile::tempdir().unwrap();
        let sheet = write(dir.path(), "facts.toml", SHEET);
        write(
            dir.path(),
            "sub/factlint.toml",
            "[rules]\n\"quote/unverified\" = \"off\"\n",
        );
        let mut ws = Workspace::new(None, None);
        let setup = ws.setup(&dir.path().join("sub/story.md"));
        assert_eq!(setup.sheet_path.as_deref(), Some(sheet.as_path()));
        assert!(setup.sheet.is_some());
        let unverified = crate::rules::rule("quote/unverified").unwrap();
        assert_eq!(setup.levels.severity(unverified), None);
        let top = ws.setup(&dir.path().join("story.md"));
        assert!(top.levels.severity(unverified).is_some());
        assert!(ws.take_problems().is_empty());
    }

    #[test]
    fn broken_files_are_problems_and_the_document_goes_on_without_them() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "facts.toml", "[[facts]\nid = 1\n");
        write(dir.path(), "factlint.toml", "colour = \"red\"\n");
        let mut ws = Workspace::new(None, None);
        let setup = ws.setup(&dir.path().join("story.md"));
        assert!(setup.sheet.is_none());
        assert!(setup.sheet_path.is_some());
        let problems = ws.take_problems();
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(matches!(problems[0], Problem::Config { .. }));
        assert!(matches!(
            problems[1],
            Problem::FactSheet { usable: false, .. }
        ));
        // each file is read, and reported, once
        ws.setup(&dir.path().join("other.md"));
        assert!(ws.take_problems().is_empty());
    }

    #[test]
    fn a_changed_or_new_file_makes_it_stale() {
        let dir = tempfile::tempdir().unwrap();
        let sheet = write(dir.path(), "facts.toml", SHEET);
        let mut ws = Workspace::new(None, None);
        ws.setup(&dir.path().join("story.md"));
        assert!(!ws.is_stale());
        // a configuration appearing where none was looked for
        write(dir.path(), "factlint.toml", "preset = \"wire\"\n");
        assert!(ws.is_stale());
        let mut ws = Workspace::new(None, None);
        ws.setup(&dir.path().join("story.md"));
        assert!(!ws.is_stale());
        std::fs::remove_file(&sheet).unwrap();
        assert!(ws.is_stale());
    }
}
