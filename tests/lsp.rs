//! `factlint lsp` end to end: the real binary, spoken to over its standard
//! input and output as an editor would, in a scratch folder with a fact
//! sheet. Every wait has a time limit, so a server that hangs fails the
//! test instead of hanging it.

use std::collections::VecDeque;
use std::io::{BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, ExitStatus, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime};

use lsp_server::{Message, Notification, Request, RequestId, Response};
use serde_json::{Value, json};

/// Long enough for a slow CI machine; a hang still fails.
const WAIT: Duration = Duration::from_secs(30);

const FACTS: &str = r#"[story]
title = "Harbour bridge reopening"
published = 2025-09-10

[[fact]]
id = "repair-cost"
text = "The repairs to the harbour bridge cost 12 million euros."
cues = ["repairs", "cost"]

[[fact]]
id = "engineer-quote"
text = 'Chief engineer Lena Ortiz said: "The cables are sound, and the deck will carry traffic again by Friday."'
"#;

/// A wrong cost after an emoji (two UTF-16 units, four bytes) and a
/// misquote with a fix.
const STORY: &str = "# Harbour bridge reopens — café owners relieved

Bridge repairs 🌉 cost 15 million euros, the city said.

\"The cables are sound, and the deck will carry cars again by Friday,\" chief engineer Lena Ortiz said.
";

const CORRECTED: &str = "# Harbour bridge reopens — café owners relieved

Bridge repairs 🌉 cost 12 million euros, the city said.

\"The cables are sound, and the deck will carry traffic again by Friday,\" chief engineer Lena Ortiz said.
";

/// A client: writes to the server's standard input, reads its standard
/// output on a thread that hands each message over a channel.
struct Client {
    child: Child,
    stdin: Option<ChildStdin>,
    incoming: Receiver<Message>,
    /// Notifications read while waiting for something else, in order.
    pending: VecDeque<Notification>,
    /// The methods of the requests the server sent (each answered).
    server_requests: Vec<String>,
    next_id: i32,
    /// What the server wrote to standard error, once it has exited: shown
    /// when a test fails.
    log: Arc<Mutex<String>>,
}

impl Client {
    fn start(dir: &Path) -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_factlint"))
            .arg("lsp")
            .current_dir(dir)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("factlint lsp starts");
        let stdout = child.stdout.take().unwrap();
        let mut stderr = child.stderr.take().unwrap();
        let log = Arc::new(Mutex::new(String::new()));
        let written = Arc::clone(&log);
        std::thread::spawn(move || {
            let mut text = String::new();
            let _ = stderr.read_to_string(&mut text);
            *written.lock().unwrap() = text;
        });
        let (tx, incoming) = mpsc::channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            while let Ok(Some(message)) = Message::read(&mut reader) {
                if tx.send(message).is_err() {
                    break;
                }
            }
        });
        Client {
            stdin: child.stdin.take(),
            child,
            incoming,
            pending: VecDeque::new(),
            server_requests: Vec::new(),
            next_id: 0,
            log,
        }
    }

    /// `initialize` with these client capabilities, then `initialized`;
    /// returns the server's capabilities.
    fn initialize(&mut self, capabilities: Value) -> Value {
        let response = self.request("initialize", json!({ "capabilities": capabilities }));
        let result = response.result.expect("initialize succeeds");
        assert_eq!(result["serverInfo"]["name"], "factlint");
        self.notify("initialized", json!({}));
        result["capabilities"].clone()
    }

    fn send(&mut self, message: Message) {
        let stdin = self.stdin.as_mut().expect("standard input still open");
        message.write(stdin).expect("the server reads its input");
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(Notification::new(method.to_string(), params).into());
    }

    fn next(&mut self) -> Message {
        match self.incoming.recv_timeout(WAIT) {
            Ok(message) => message,
            Err(e) => panic!("nothing from the server within {WAIT:?}: {e}"),
        }
    }

    /// Sends a request and waits for its response, keeping notifications
    /// for later and answering the server's own requests.
    fn request(&mut self, method: &str, params: Value) -> Response {
        self.next_id += 1;
        let id = RequestId::from(self.next_id);
        self.send(Request::new(id.clone(), method.to_string(), params).into());
        loop {
            match self.next() {
                Message::Response(r) if r.id == id => return r,
                Message::Response(r) => panic!("unexpected response {r:?}"),
                Message::Notification(n) => self.pending.push_back(n),
                Message::Request(r) => self.answer(r),
            }
        }
    }

    fn answer(&mut self, request: Request) {
        self.server_requests.push(request.method.clone());
        self.send(Response::new_ok(request.id, Value::Null).into());
    }

    /// The next notification that `wanted` accepts, earlier ones included.
    fn notification(&mut self, what: &str, wanted: impl Fn(&Notification) -> bool) -> Value {
        if let Some(i) = self.pending.iter().position(&wanted) {
            return self.pending.remove(i).unwrap().params;
        }
        let deadline = Instant::now() + WAIT;
        while Instant::now() < deadline {
            match self.next() {
                Message::Notification(n) if wanted(&n) => return n.params,
                Message::Notification(n) => self.pending.push_back(n),
                Message::Request(r) => self.answer(r),
                Message::Response(r) => panic!("unexpected response {r:?}"),
            }
        }
        panic!("no {what} within {WAIT:?}; meanwhile: {:?}", self.pending);
    }

    /// The next diagnostics published for `uri`.
    fn diagnostics(&mut self, uri: &str) -> Vec<Value> {
        let params = self.notification(&format!("diagnostics for {uri}"), |n| {
            n.method == "textDocument/publishDiagnostics" && n.params["uri"] == uri
        });
        params["diagnostics"].as_array().unwrap().clone()
    }

    fn open(&mut self, uri: &str, language: &str, text: &str) {
        let item = json!({ "uri": uri, "languageId": language, "version": 1, "text": text });
        self.notify("textDocument/didOpen", json!({ "textDocument": item }));
    }

    fn change(&mut self, uri: &str, version: i32, text: &str) {
        self.notify(
            "textDocument/didChange",
            json!({
                "textDocument": { "uri": uri, "version": version },
                "contentChanges": [{ "text": text }],
            }),
        );
    }

    fn code_actions(&mut self, uri: &str, range: Value) -> Vec<Value> {
        let response = self.request(
            "textDocument/codeAction",
            json!({
                "textDocument": { "uri": uri },
                "range": range,
                "context": { "diagnostics": [] },
            }),
        );
        response
            .result
            .expect("code actions")
            .as_array()
            .unwrap()
            .clone()
    }

    /// `shutdown`, then `exit`: the status the server ends with.
    fn shutdown_and_exit(mut self) -> ExitStatus {
        let response = self.request("shutdown", Value::Null);
        assert!(response.error.is_none(), "{response:?}");
        // `"result": null`, which reads back as no result
        assert_eq!(response.result.unwrap_or_default(), Value::Null);
        self.notify("exit", Value::Null);
        self.wait()
    }

    fn wait(&mut self) -> ExitStatus {
        drop(self.stdin.take());
        let deadline = Instant::now() + WAIT;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            assert!(Instant::now() < deadline, "the server did not exit");
            std::thread::sleep(Duration::from_millis(10));
        }
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        // a failed test must not leave the server running
        if matches!(self.child.try_wait(), Ok(None)) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
        if std::thread::panicking() {
            // the reader thread finishes once the server's stderr closes
            std::thread::sleep(Duration::from_millis(100));
            eprintln!("server log:\n{}", self.log.lock().unwrap());
        }
    }
}

fn scratch() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().to_path_buf();
    (dir, path)
}

/// Rewrites a file and moves its modification time well away from the last
/// one, so the change is seen however coarse the file system's clock.
fn rewrite(path: &Path, text: &str) {
    let before = std::fs::metadata(path).and_then(|m| m.modified()).ok();
    let after = before.map_or_else(SystemTime::now, |t| t + Duration::from_secs(10));
    write_dated(path, text, after);
}

/// Rewrites a file keeping its modification time, so only a notification
/// from the editor can tell the server it changed.
fn rewrite_unseen(path: &Path, text: &str) {
    let before = std::fs::metadata(path).and_then(|m| m.modified()).unwrap();
    write_dated(path, text, before);
}

fn write_dated(path: &Path, text: &str, modified: SystemTime) {
    std::fs::write(path, text).unwrap();
    let file = std::fs::File::options().write(true).open(path).unwrap();
    file.set_modified(modified).unwrap();
}

fn file_uri(path: &Path) -> String {
    let shown = path.to_str().unwrap().replace('\\', "/");
    let shown = shown.replace(' ', "%20");
    if shown.starts_with('/') {
        format!("file://{shown}")
    } else {
        format!("file:///{shown}")
    }
}

fn codes(diagnostics: &[Value]) -> Vec<&str> {
    diagnostics
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect()
}

fn range(start: (u32, u32), end: (u32, u32)) -> Value {
    json!({
        "start": { "line": start.0, "character": start.1 },
        "end": { "line": end.0, "character": end.1 },
    })
}

/// The byte offset of an LSP position, counted independently of the
/// server's own conversion.
fn offset(text: &str, position: &Value, utf16: bool) -> usize {
    let line = position["line"].as_u64().unwrap() as usize;
    let character = position["character"].as_u64().unwrap() as usize;
    let start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
    let mut units = 0;
    for (i, c) in text[start..].char_indices() {
        if units >= character {
            return start + i;
        }
        units += if utf16 { c.len_utf16() } else { c.len_utf8() };
    }
    text.len()
}

/// `text` with a code action's edits for `uri` applied.
fn apply(text: &str, action: &Value, uri: &str, utf16: bool) -> String {
    let mut edits: Vec<(usize, usize, String)> = action["edit"]["changes"][uri]
        .as_array()
        .expect("edits for the document")
        .iter()
        .map(|e| {
            (
                offset(text, &e["range"]["start"], utf16),
                offset(text, &e["range"]["end"], utf16),
                e["newText"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    edits.sort_by_key(|e| std::cmp::Reverse(e.0));
    let mut out = text.to_string();
    for (start, end, new) in edits {
        out.replace_range(start..end, &new);
    }
    out
}

#[test]
fn findings_quick_fixes_and_clearing_with_utf16_positions() {
    let (_guard, dir) = scratch();
    std::fs::write(dir.join("facts.toml"), FACTS).unwrap();
    let uri = file_uri(&dir.join("story.md"));
    let mut client = Client::start(&dir);
    let capabilities = client.initialize(json!({}));
    assert_eq!(capabilities["positionEncoding"], "utf-16");
    assert_eq!(capabilities["textDocumentSync"]["change"], 1);
    assert_eq!(
        capabilities["codeActionProvider"]["codeActionKinds"],
        json!(["quickfix"])
    );

    client.open(&uri, "markdown", STORY);
    let found = client.diagnostics(&uri);
    assert_eq!(codes(&found), ["quantity/mismatch", "quote/mismatch"]);
    // "Bridge repairs " is 15 units, the emoji 2, " cost " 6
    assert_eq!(found[0]["range"], range((2, 23), (2, 39)));
    assert_eq!(found[0]["severity"], 1);
    assert_eq!(found[0]["source"], "factlint");
    let message = found[0]["message"].as_str().unwrap();
    assert!(
        message.starts_with("“15 million euros” contradicts fact `repair-cost`"),
        "{message}"
    );
    assert!(
        message.contains("\n“15 million” means exactly 15,000,000"),
        "{message}"
    );
    // the fact it contradicts, in the fact sheet
    let related = &found[0]["relatedInformation"][0]["location"];
    assert_eq!(related["uri"], file_uri(&dir.join("facts.toml")).as_str());
    assert_eq!(related["range"], range((6, 47), (6, 63)));
    assert_eq!(found[1]["range"], range((4, 1), (4, 68)));

    // the misquote's range: one quick fix, which restores the wording
    let actions = client.code_actions(&uri, found[1]["range"].clone());
    assert_eq!(actions.len(), 1, "{actions:?}");
    assert_eq!(actions[0]["kind"], "quickfix");
    assert_eq!(actions[0]["diagnostics"][0]["code"], "quote/mismatch");
    let fixed = apply(STORY, &actions[0], &uri, true);
    assert!(
        fixed
            .contains("\"The cables are sound, and the deck will carry traffic again by Friday,\""),
        "{fixed}"
    );
    // the cost has no safe fix, and the headline no finding
    assert!(
        client
            .code_actions(&uri, found[0]["range"].clone())
            .is_empty()
    );
    assert!(client.code_actions(&uri, range((0, 0), (0, 5))).is_empty());

    client.change(&uri, 2, CORRECTED);
    assert!(client.diagnostics(&uri).is_empty());
    assert!(
        client
            .code_actions(&uri, found[1]["range"].clone())
            .is_empty()
    );

    // closing clears them too
    client.change(&uri, 3, STORY);
    assert_eq!(client.diagnostics(&uri).len(), 2);
    client.notify(
        "textDocument/didClose",
        json!({ "textDocument": { "uri": uri } }),
    );
    assert!(client.diagnostics(&uri).is_empty());

    assert_eq!(client.shutdown_and_exit().code(), Some(0));
}

#[test]
fn utf8_positions_when_the_client_offers_them() {
    let (_guard, dir) = scratch();
    std::fs::write(dir.join("facts.toml"), FACTS).unwrap();
    let uri = file_uri(&dir.join("story.md"));
    let mut client = Client::start(&dir);
    let capabilities =
        client.initialize(json!({ "general": { "positionEncodings": ["utf-16", "utf-8"] } }));
    assert_eq!(capabilities["positionEncoding"], "utf-8");

    client.open(&uri, "markdown", STORY);
    let found = client.diagnostics(&uri);
    assert_eq!(codes(&found), ["quantity/mismatch", "quote/mismatch"]);
    // the emoji is four bytes
    assert_eq!(found[0]["range"], range((2, 25), (2, 41)));
    let start = STORY.find("15 million").unwrap();
    assert_eq!(offset(STORY, &found[0]["range"]["start"], false), start);

    // a cursor (an empty range) inside the misquote is enough
    let actions = client.code_actions(&uri, range((4, 30), (4, 30)));
    assert_eq!(actions.len(), 1, "{actions:?}");
    let fixed = apply(STORY, &actions[0], &uri, false);
    assert!(fixed.contains("will carry traffic again"), "{fixed}");

    assert_eq!(client.shutdown_and_exit().code(), Some(0));
}

#[test]
fn a_watched_fact_sheet_change_rechecks_open_documents() {
    let (_guard, dir) = scratch();
    let facts = dir.join("facts.toml");
    std::fs::write(&facts, FACTS).unwrap();
    let uri = file_uri(&dir.join("story.md"));
    let mut client = Client::start(&dir);
    client.initialize(json!({
        "workspace": { "didChangeWatchedFiles": { "dynamicRegistration": true } }
    }));
    client.open(&uri, "markdown", CORRECTED);
    assert!(client.diagnostics(&uri).is_empty());
    assert_eq!(client.server_requests, ["client/registerCapability"]);

    rewrite_unseen(&facts, &FACTS.replace("12 million", "14 million"));
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": [{ "uri": file_uri(&facts), "type": 2 }] }),
    );
    let found = client.diagnostics(&uri);
    assert_eq!(codes(&found), ["quantity/mismatch"]);
    assert_eq!(found[0]["range"], range((2, 23), (2, 39)));
    assert!(found[0]["message"].as_str().unwrap().contains("14 million"));

    assert_eq!(client.shutdown_and_exit().code(), Some(0));
}

#[test]
fn a_changed_fact_sheet_is_read_again_on_the_next_change() {
    let (_guard, dir) = scratch();
    let facts = dir.join("facts.toml");
    std::fs::write(&facts, FACTS).unwrap();
    let uri = file_uri(&dir.join("story.md"));
    let mut client = Client::start(&dir);
    client.initialize(json!({}));
    client.open(&uri, "markdown", CORRECTED);
    assert!(client.diagnostics(&uri).is_empty());

    // no notification: the modification time tells
    rewrite(&facts, &FACTS.replace("12 million", "14 million"));
    client.change(&uri, 2, CORRECTED);
    assert_eq!(codes(&client.diagnostics(&uri)), ["quantity/mismatch"]);

    // a configuration appearing is seen the same way
    std::fs::write(
        dir.join("factlint.toml"),
        "[rules]\n\"quantity/mismatch\" = \"off\"\n",
    )
    .unwrap();
    client.change(&uri, 3, CORRECTED);
    assert!(client.diagnostics(&uri).is_empty());

    assert_eq!(client.shutdown_and_exit().code(), Some(0));
}

#[test]
fn a_broken_fact_sheet_is_shown_and_pointed_at_until_saved_whole() {
    let (_guard, dir) = scratch();
    let facts = dir.join("facts.toml");
    let broken = FACTS.replace(
        "[[fact]]\nid = \"repair-cost\"",
        "[[fact]\nid = \"repair-cost\"",
    );
    std::fs::write(&facts, &broken).unwrap();
    let facts_uri = file_uri(&facts);
    let uri = file_uri(&dir.join("story.md"));
    let mut client = Client::start(&dir);
    client.initialize(json!({}));
    client.open(&uri, "markdown", STORY);

    let shown = client.notification("a message", |n| n.method == "window/showMessage");
    assert_eq!(shown["type"], 2, "a warning");
    let message = shown["message"].as_str().unwrap();
    assert!(
        message.contains("fact sheet has 1 error(s); checking without it"),
        "{message}"
    );
    let problems = client.diagnostics(&facts_uri);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0]["severity"], 1);
    assert_eq!(problems[0]["range"]["start"]["line"], 4, "{problems:?}");
    // without its fact sheet, nothing to contradict, nor a date for "Friday"
    assert_eq!(codes(&client.diagnostics(&uri)), ["time/unresolved"]);

    // mended and saved in the editor: the problem goes, the facts are back
    client.open(&facts_uri, "toml", &broken);
    client.change(&facts_uri, 2, FACTS);
    rewrite_unseen(&facts, FACTS);
    client.notify(
        "textDocument/didSave",
        json!({ "textDocument": { "uri": facts_uri } }),
    );
    assert_eq!(
        codes(&client.diagnostics(&uri)),
        ["quantity/mismatch", "quote/mismatch"]
    );
    assert!(client.diagnostics(&facts_uri).is_empty());
    assert!(
        !client
            .pending
            .iter()
            .any(|n| n.params["uri"] == facts_uri.as_str()),
        "a fact sheet is not checked as prose: {:?}",
        client.pending
    );

    assert_eq!(client.shutdown_and_exit().code(), Some(0));
}

#[test]
fn relative_dates_get_a_quick_fix_under_the_wire_preset() {
    let (_guard, dir) = scratch();
    std::fs::write(dir.join("factlint.toml"), "preset = \"wire\"\n").unwrap();
    let text = "---\ndate: 2025-06-02\n---\nThe harbour authority reopened the bridge yesterday, officials said.\n";
    let uri = file_uri(&dir.join("note.md"));
    let mut client = Client::start(&dir);
    client.initialize(json!({}));
    client.open(&uri, "markdown", text);
    let found = client.diagnostics(&uri);
    assert_eq!(codes(&found), ["time/relative"]);
    assert_eq!(found[0]["range"], range((3, 42), (3, 51)));
    assert_eq!(found[0]["severity"], 3, "information");

    let actions = client.code_actions(&uri, range((3, 0), (3, 60)));
    assert_eq!(actions.len(), 1, "{actions:?}");
    let fixed = apply(text, &actions[0], &uri, true);
    assert!(
        fixed.contains("reopened the bridge June 1, officials"),
        "{fixed}"
    );
    // an editor asking only for refactorings gets none
    let response = client.request(
        "textDocument/codeAction",
        json!({
            "textDocument": { "uri": uri },
            "range": range((3, 0), (3, 60)),
            "context": { "diagnostics": [], "only": ["refactor"] },
        }),
    );
    assert_eq!(response.result, Some(json!([])));

    assert_eq!(client.shutdown_and_exit().code(), Some(0));
}

#[test]
fn odd_uris_and_bad_input_do_not_bring_it_down() {
    let (_guard, dir) = scratch();
    std::fs::write(dir.join("facts.toml"), FACTS).unwrap();
    let mut client = Client::start(&dir);
    client.initialize(json!({}));

    // an unsaved buffer: checked without a fact sheet
    let untitled = "untitled:Untitled-1";
    client.open(
        untitled,
        "markdown",
        "She said \"the water is calm and I am going home.\n",
    );
    let found = client.diagnostics(untitled);
    assert_eq!(codes(&found), ["quote/unterminated"]);
    assert_eq!(found[0]["range"], range((0, 9), (0, 10)));
    assert_eq!(found[0]["severity"], 2);
    // a remote file: its path tells the markup, nothing else; no fact sheet
    // is looked for, so none is found in the scratch folder
    let remote = "https://example.org/news/story.md";
    client.open(remote, "markdown", STORY);
    assert_eq!(codes(&client.diagnostics(remote)), ["time/unresolved"]);

    // a document never opened
    client.change("file:///nowhere/at/all.md", 2, "text");
    let response = client.request(
        "textDocument/codeAction",
        json!({
            "textDocument": { "uri": "file:///nowhere/at/all.md" },
            "range": range((0, 0), (0, 1)),
            "context": { "diagnostics": [] },
        }),
    );
    assert_eq!(response.result, Some(json!([])));
    // positions far past the end
    assert!(
        client
            .code_actions(untitled, range((90, 9), (99, 99)))
            .is_empty()
    );
    // parameters that are not what the method takes
    client.notify("textDocument/didOpen", json!({ "nonsense": true }));
    let response = client.request("textDocument/codeAction", json!({ "range": 3 }));
    assert_eq!(response.error.map(|e| e.code), Some(-32602));
    // a method it does not offer
    let response = client.request("textDocument/hover", json!({}));
    assert_eq!(response.error.map(|e| e.code), Some(-32601));

    // still there
    client.change(untitled, 2, "She said \"the water is calm.\"\n");
    assert!(client.diagnostics(untitled).is_empty());
    assert_eq!(client.shutdown_and_exit().code(), Some(0));
}

#[test]
fn exit_without_shutdown_is_a_failure() {
    let (_guard, dir) = scratch();
    let mut client = Client::start(&dir);
    client.initialize(json!({}));
    client.notify("exit", Value::Null);
    assert_eq!(client.wait().code(), Some(1));
}
