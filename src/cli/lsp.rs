//! `factlint lsp`: a language server for editors, over standard input and
//! output (lsp-server's framing, lsp-types' messages).
//!
//! It checks each open document as it is opened and changed (full text
//! sync) and publishes the findings, clearing them when it is closed; the
//! findings with a safe fix are offered as quick fixes. Documents that are
//! files get their configuration and fact sheet as `factlint check` would;
//! other URIs (unsaved buffers) are checked without a fact sheet, their
//! markup told by the URI's path or the editor's language id.
//!
//! Configurations and fact sheets are read through one [`Workspace`], which
//! keeps them between checks. It is replaced by a new one, and every open
//! document checked again, when a file it read changed on disk (checked
//! before each check), when the editor reports a watched `.toml` changed,
//! or when a `.toml` is saved. A broken configuration or fact sheet is
//! shown as a warning message and as diagnostics on the file itself.
//!
//! One thread, one loop over the messages: checking a document takes
//! milliseconds, so nothing is worth the cost of concurrency. Logs go to
//! standard error; standard output carries the protocol only.

mod convert;
mod position;
mod uri;

use std::collections::{BTreeMap, HashMap};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;
use std::process::ExitCode;

use factlint::diagnostic::Diagnostic;
use factlint::lint::Checker;
use factlint::prose::{Markup, Prose};
use factlint::rules::{FactSheetContext, Levels};
use factlint::workspace::{Setup, Workspace};
use lsp_server::{Connection, ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::{
    DidChangeTextDocument, DidChangeWatchedFiles, DidCloseTextDocument, DidOpenTextDocument,
    DidSaveTextDocument, Exit, Notification as _, PublishDiagnostics, ShowMessage,
};
use lsp_types::request::{CodeActionRequest, RegisterCapability, Request as _};
use lsp_types::{
    CodeActionKind, CodeActionOptions, CodeActionOrCommand, CodeActionParams,
    CodeActionProviderCapability, DidChangeTextDocumentParams, DidChangeWatchedFilesParams,
    DidChangeWatchedFilesRegistrationOptions, DidCloseTextDocumentParams,
    DidOpenTextDocumentParams, DidSaveTextDocumentParams, FileSystemWatcher, GlobPattern,
    InitializeResult, MessageType, PositionEncodingKind, PublishDiagnosticsParams, Registration,
    RegistrationParams, ServerCapabilities, ServerInfo, ShowMessageParams,
    TextDocumentSyncCapability, TextDocumentSyncKind, TextDocumentSyncOptions,
    TextDocumentSyncSaveOptions, Uri,
};
use serde_json::Value;

use position::{Encoding, LineIndex};

pub fn run() -> ExitCode {
    let (connection, io_threads) = Connection::stdio();
    match serve(&connection) {
        Ok(code) => {
            // the reader has stopped (exit, or end of input): wait for the
            // writer to flush the last messages
            drop(connection);
            if let Err(e) = io_threads.join() {
                log(format_args!("{e}"));
            }
            code
        }
        Err(e) => {
            // the client may still hold standard input open: do not wait
            log(format_args!("{e}"));
            ExitCode::FAILURE
        }
    }
}

fn log(message: std::fmt::Arguments) {
    say!("factlint lsp: {message}");
}

/// The session: initialization, then messages until `exit`. The exit code
/// is 0 after `shutdown` then `exit`, 1 otherwise, as the protocol asks.
fn serve(connection: &Connection) -> Result<ExitCode, lsp_server::ProtocolError> {
    let (id, params) = connection.initialize_start()?;
    // Read leniently, by pointer: a client's odd capability elsewhere must
    // not stop the session.
    let offered: Vec<PositionEncodingKind> = params
        .pointer("/capabilities/general/positionEncodings")
        .and_then(|v| serde_json::from_value(v.clone()).ok())
        .unwrap_or_default();
    let encoding = Encoding::negotiate(&offered);
    let can_watch = params
        .pointer("/capabilities/workspace/didChangeWatchedFiles/dynamicRegistration")
        .and_then(Value::as_bool)
        .unwrap_or(false);
    let result = InitializeResult {
        capabilities: capabilities(encoding),
        server_info: Some(ServerInfo {
            name: "factlint".to_string(),
            version: Some(env!("CARGO_PKG_VERSION").to_string()),
        }),
    };
    let result = serde_json::to_value(result).unwrap_or(Value::Null);
    connection.initialize_finish(id, result)?;

    let mut server = Server {
        connection,
        encoding,
        workspace: Workspace::new(None, None),
        documents: BTreeMap::new(),
        problems: HashMap::new(),
    };
    if can_watch {
        server.watch_toml_files();
    }
    for message in &connection.receiver {
        match message {
            Message::Request(request) => {
                if connection.handle_shutdown(&request)? {
                    return Ok(ExitCode::SUCCESS);
                }
                let id = request.id.clone();
                let response = catch_unwind(AssertUnwindSafe(|| server.request(request)))
                    .unwrap_or_else(|_| {
                        Response::new_err(
                            id,
                            ErrorCode::InternalError as i32,
                            "factlint failed on this request (see its log)".to_string(),
                        )
                    });
                server.send(response.into());
            }
            Message::Notification(notification) if notification.method == Exit::METHOD => {
                log(format_args!("exit before shutdown"));
                return Ok(ExitCode::FAILURE);
            }
            Message::Notification(notification) => {
                let method = notification.method.clone();
                if catch_unwind(AssertUnwindSafe(|| server.notification(notification))).is_err() {
                    log(format_args!("failed on {method}"));
                }
            }
            Message::Response(response) => {
                if let Some(error) = response.error {
                    log(format_args!(
                        "the editor answered {}: {}",
                        response.id, error.message
                    ));
                }
            }
        }
    }
    log(format_args!("the editor went away without exit"));
    Ok(ExitCode::FAILURE)
}

fn capabilities(encoding: Encoding) -> ServerCapabilities {
    ServerCapabilities {
        position_encoding: Some(encoding.kind()),
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::FULL),
                // a saved .toml reloads the workspace
                save: Some(TextDocumentSyncSaveOptions::Supported(true)),
                ..Default::default()
            },
        )),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![CodeActionKind::QUICKFIX]),
            resolve_provider: Some(false),
            ..Default::default()
        })),
        ..Default::default()
    }
}

/// An open document.
struct Document {
    uri: Uri,
    text: String,
    version: i32,
    /// The file it is, when it is one: its configuration and fact sheet
    /// follow from it.
    path: Option<PathBuf>,
    markup: Markup,
    /// A configuration or fact sheet opened in the editor: not prose, so not
    /// checked; its diagnostics are the workspace's problems.
    is_toml: bool,
    /// The last check's findings with what was published for each, for the
    /// code actions (always of the current text).
    findings: Vec<(Diagnostic, lsp_types::Diagnostic)>,
}

struct Server<'c> {
    connection: &'c Connection,
    encoding: Encoding,
    workspace: Workspace,
    /// By URI, as text: `Uri` hashes by its text anyway, and clippy sees
    /// its inner cell as a mutable key.
    documents: BTreeMap<String, Document>,
    /// The diagnostics published on configurations and fact sheets since
    /// the workspace started, by file: cleared when a new workspace no
    /// longer finds the problem.
    problems: HashMap<String, (Uri, Vec<lsp_types::Diagnostic>)>,
}

impl Server<'_> {
    fn send(&self, message: Message) {
        // fails only when the writer is gone, and then so is the editor
        let _ = self.connection.sender.send(message);
    }

    fn notify<N: lsp_types::notification::Notification>(&self, params: N::Params) {
        self.send(Notification::new(N::METHOD.to_string(), params).into());
    }

    /// Asks the editor to report changes to `.toml` files, so an edited fact
    /// sheet or configuration is seen even before a document changes.
    fn watch_toml_files(&self) {
        let options = DidChangeWatchedFilesRegistrationOptions {
            watchers: vec![FileSystemWatcher {
                glob_pattern: GlobPattern::String("**/*.toml".to_string()),
                kind: None,
            }],
        };
        let params = RegistrationParams {
            registrations: vec![Registration {
                id: "factlint/watch-toml".to_string(),
                method: DidChangeWatchedFiles::METHOD.to_string(),
                register_options: serde_json::to_value(options).ok(),
            }],
        };
        let id = RequestId::from("factlint/watch-toml".to_string());
        self.send(Request::new(id, RegisterCapability::METHOD.to_string(), params).into());
    }

    fn request(&mut self, request: Request) -> Response {
        match request.method.as_str() {
            CodeActionRequest::METHOD => match serde_json::from_value(request.params) {
                Ok(params) => Response::new_ok(request.id, self.code_actions(params)),
                Err(e) => Response::new_err(
                    request.id,
                    ErrorCode::InvalidParams as i32,
                    format!("invalid code action parameters: {e}"),
                ),
            },
            method => Response::new_err(
                request.id,
                ErrorCode::MethodNotFound as i32,
                format!("factlint does not handle {method}"),
            ),
        }
    }

    fn notification(&mut self, notification: Notification) {
        let Notification { method, params } = notification;
        let result = match method.as_str() {
            DidOpenTextDocument::METHOD => from_value(params).map(|p| self.did_open(p)),
            DidChangeTextDocument::METHOD => from_value(params).map(|p| self.did_change(p)),
            DidCloseTextDocument::METHOD => from_value(params).map(|p| self.did_close(p)),
            DidSaveTextDocument::METHOD => from_value(params).map(|p| self.did_save(p)),
            DidChangeWatchedFiles::METHOD => from_value(params).map(|p| self.did_change_files(p)),
            _ => Ok(()), // `initialized`, `$/cancelRequest`, `$/setTrace`…
        };
        if let Err(e) = result {
            log(format_args!("invalid {method} parameters: {e}"));
        }
    }

    fn did_open(&mut self, params: DidOpenTextDocumentParams) {
        let item = params.text_document;
        let path = uri::to_path(&item.uri);
        let place = uri::path_part(&item.uri);
        let by_language = matches!(item.language_id.as_str(), "markdown" | "mdx");
        let markup = match Markup::of(place.as_ref()) {
            Markup::Plain if by_language => Markup::Markdown,
            markup => markup,
        };
        let document = Document {
            uri: item.uri.clone(),
            text: item.text,
            version: item.version,
            path,
            markup,
            is_toml: is_toml(&item.uri),
            findings: Vec::new(),
        };
        self.documents
            .insert(item.uri.as_str().to_string(), document);
        self.refresh(&item.uri);
    }

    fn did_change(&mut self, params: DidChangeTextDocumentParams) {
        let uri = params.text_document.uri;
        let Some(document) = self.documents.get_mut(uri.as_str()) else {
            log(format_args!("change to {} which is not open", uri.as_str()));
            return;
        };
        document.version = params.text_document.version;
        for change in params.content_changes {
            match change.range {
                // ranges are not asked for, but cost nothing to honour
                Some(range) => {
                    let span = LineIndex::new(&document.text, self.encoding).span(range);
                    document.text.replace_range(span, &change.text);
                }
                None => document.text = change.text,
            }
        }
        self.refresh(&uri);
    }

    fn did_close(&mut self, params: DidCloseTextDocumentParams) {
        let uri = params.text_document.uri;
        if let Some(document) = self.documents.remove(uri.as_str()) {
            if !document.is_toml {
                self.publish(uri, Vec::new(), None);
            }
        }
    }

    fn did_save(&mut self, params: DidSaveTextDocumentParams) {
        if is_toml(&params.text_document.uri) || self.workspace.is_stale() {
            self.reload();
        }
    }

    fn did_change_files(&mut self, params: DidChangeWatchedFilesParams) {
        if params.changes.iter().any(|c| is_toml(&c.uri)) || self.workspace.is_stale() {
            self.reload();
        }
    }

    /// Checks a document, with a new workspace first if a file the current
    /// one read has changed.
    fn refresh(&mut self, uri: &Uri) {
        if self.workspace.is_stale() {
            self.reload();
        } else {
            self.check(uri);
        }
    }

    /// Starts a new workspace, so configurations and fact sheets are read
    /// again, and checks every open document with it.
    fn reload(&mut self) {
        log(format_args!("reading configurations and fact sheets again"));
        self.workspace = Workspace::new(None, None);
        let before = std::mem::take(&mut self.problems);
        let open: Vec<Uri> = self.documents.values().map(|d| d.uri.clone()).collect();
        for uri in &open {
            self.check(uri);
        }
        for (key, (uri, _)) in before {
            if !self.problems.contains_key(&key) {
                self.publish(uri, Vec::new(), None);
            }
        }
    }

    /// Checks one document with the current workspace and publishes what
    /// is found.
    fn check(&mut self, uri: &Uri) {
        let Some(document) = self.documents.get_mut(uri.as_str()) else {
            return;
        };
        // cleared first: should the check fail, no fix may point into an
        // older text
        document.findings.clear();
        if document.is_toml {
            return;
        }
        let setup = match &document.path {
            Some(path) => self.workspace.setup(path),
            None => Setup {
                levels: Levels::default(),
                sheet_path: None,
                sheet: None,
            },
        };
        let found = findings(&document.text, document.markup, &setup);
        let index = LineIndex::new(&document.text, self.encoding);
        let sheet = setup
            .sheet
            .as_deref()
            .zip(setup.sheet_path.as_deref().and_then(uri::from_path))
            .map(|(sheet, sheet_uri)| convert::SheetPlace::new(sheet_uri, sheet, self.encoding));
        document.findings = found
            .into_iter()
            .map(|d| {
                let shown = convert::diagnostic(&d, uri, &index, sheet.as_ref());
                (d, shown)
            })
            .collect();
        let shown = document.findings.iter().map(|(_, s)| s.clone()).collect();
        let version = document.version;
        self.publish(uri.clone(), shown, Some(version));
        self.report_problems();
    }

    /// Shows the workspace's new problems: a message each, and diagnostics
    /// on the broken file where there is a place to point at.
    fn report_problems(&mut self) {
        for problem in self.workspace.take_problems() {
            log(format_args!("{}", problem.summary()));
            self.notify::<ShowMessage>(ShowMessageParams {
                typ: MessageType::WARNING,
                message: format!("factlint: {}", problem.summary()),
            });
            if let Some((uri, diagnostics)) = convert::problem(&problem, self.encoding) {
                // a fact sheet is read once per configuration that uses it
                let (_, shown) = self
                    .problems
                    .entry(uri.as_str().to_string())
                    .or_insert_with(|| (uri.clone(), Vec::new()));
                for d in diagnostics {
                    if !shown.contains(&d) {
                        shown.push(d);
                    }
                }
                let shown = shown.clone();
                self.publish(uri, shown, None);
            }
        }
    }

    fn publish(&self, uri: Uri, diagnostics: Vec<lsp_types::Diagnostic>, version: Option<i32>) {
        self.notify::<PublishDiagnostics>(PublishDiagnosticsParams {
            uri,
            diagnostics,
            version,
        });
    }

    /// The quick fixes of the findings the range touches (a cursor at
    /// either end of a finding touches it).
    fn code_actions(&self, params: CodeActionParams) -> Vec<CodeActionOrCommand> {
        let wanted = params.context.only.as_ref().is_none_or(|only| {
            only.iter().any(|kind| {
                let kind = kind.as_str();
                kind.is_empty() || CodeActionKind::QUICKFIX.as_str().starts_with(kind)
            })
        });
        let uri = &params.text_document.uri;
        let Some(document) = self.documents.get(uri.as_str()).filter(|_| wanted) else {
            return Vec::new();
        };
        let index = LineIndex::new(&document.text, self.encoding);
        let asked = index.span(params.range);
        document
            .findings
            .iter()
            .filter(|(d, _)| {
                if asked.is_empty() {
                    d.span.start <= asked.start && asked.start <= d.span.end
                } else {
                    d.span.start < asked.end && asked.start < d.span.end
                }
            })
            .filter_map(|(d, shown)| convert::quick_fix(d, shown, uri, &index))
            .map(CodeActionOrCommand::CodeAction)
            .collect()
    }
}

/// The findings in a text; none, logged, should the check panic, so one
/// pathological document cannot take the session down.
fn findings(text: &str, markup: Markup, setup: &Setup) -> Vec<Diagnostic> {
    catch_unwind(AssertUnwindSafe(|| {
        // built for each check: it borrows the sheet, and costs a fraction
        // of the check itself (about a tenth on the bundled example)
        let context = setup.sheet.as_deref().map(FactSheetContext::new);
        let checker = Checker {
            levels: &setup.levels,
            facts: context.as_ref(),
            date: None,
        };
        let prose = Prose::new(text, markup);
        checker.check(text, &prose)
    }))
    .unwrap_or_else(|_| {
        log(format_args!("the check failed; no findings shown"));
        Vec::new()
    })
}

/// Configurations and fact sheets: a change to one may change findings.
fn is_toml(uri: &Uri) -> bool {
    uri::path_part(uri).to_ascii_lowercase().ends_with(".toml")
}

fn from_value<T: serde::de::DeserializeOwned>(params: Value) -> Result<T, serde_json::Error> {
    serde_json::from_value(params)
}
