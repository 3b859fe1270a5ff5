//! SARIF 2.1.0, the OASIS format for static analysis results: what GitHub
//! code scanning uploads (`github/codeql-action/upload-sarif`), and what
//! IDE viewers and security dashboards read.
//!
//! One run for the whole check, describing every rule (so a dashboard can
//! show rules that found nothing), then one result per finding. GitHub's
//! requirements shape the details:
//!
//! - columns count UTF-16 code units (`columnKind: utf16CodeUnits`, what
//!   GitHub assumes), and every region has all four of start and end line
//!   and column, which GitHub requires;
//! - a relative path is a URI reference relative to `%SRCROOT%`, which
//!   GitHub reads as the repository root;
//! - `partialFingerprints.primaryLocationLineHash`, the one fingerprint
//!   GitHub reads, is ours rather than the line hash `upload-sarif` would
//!   compute: in prose a line is a whole paragraph, so hashing it would
//!   reopen an alert whenever any word of the paragraph changed;
//! - a message links its related location (`[first counted here](1)`),
//!   since GitHub shows related locations only when linked, and doubles
//!   `{` and `}`, which SARIF reserves for placeholders;
//! - rule descriptions must stay under 1,024 characters (a test checks).

use std::collections::HashMap;

use serde::Serialize;

use super::{Checked, Locator};
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::Span;
use crate::rules::{RULES, RuleDoc};

/// The schema this output is validated against in the tests.
const SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

#[derive(Serialize)]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [Run<'a>; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'a> {
    tool: Tool,
    column_kind: &'static str,
    results: Vec<SarifResult<'a>>,
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    version: &'static str,
    semantic_version: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    information_uri: Option<&'static str>,
    rules: Vec<Rule>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Rule {
    id: &'static str,
    short_description: Message,
    full_description: Message,
    help: Help,
    default_configuration: Configuration,
    properties: RuleProperties,
}

#[derive(Serialize)]
struct Message {
    text: String,
}

#[derive(Serialize)]
struct Help {
    text: String,
    markdown: String,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
    enabled: bool,
}

#[derive(Serialize)]
struct RuleProperties {
    /// The rule's category (`quantity`, `time`, `quote`…), for filtering.
    tags: [&'static str; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    rule_id: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    rule_index: Option<usize>,
    level: &'static str,
    message: Message,
    locations: [Location<'a>; 1],
    partial_fingerprints: Fingerprints,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<Location<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    fixes: Vec<Fix<'a>>,
    #[serde(skip_serializing_if = "ResultProperties::is_empty")]
    properties: ResultProperties<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<usize>,
    physical_location: PhysicalLocation<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<Message>,
}

#[derive(Serialize, Clone)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation<'a> {
    artifact_location: ArtifactLocation,
    region: Region<'a>,
}

#[derive(Serialize, Clone)]
#[serde(rename_all = "camelCase")]
struct ArtifactLocation {
    uri: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    uri_base_id: Option<&'static str>,
}

#[derive(Serialize, Clone)]
#[serde(rename_all = "camelCase")]
struct Region<'a> {
    start_line: usize,
    start_column: usize,
    end_line: usize,
    end_column: usize,
    byte_offset: usize,
    byte_length: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    snippet: Option<Content<'a>>,
}

#[derive(Serialize, Clone)]
struct Content<'a> {
    text: &'a str,
}

#[derive(Serialize)]
struct Fingerprints {
    #[serde(rename = "primaryLocationLineHash")]
    primary_location_line_hash: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Fix<'a> {
    description: Message,
    artifact_changes: [ArtifactChange<'a>; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactChange<'a> {
    artifact_location: ArtifactLocation,
    replacements: Vec<Replacement<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Replacement<'a> {
    deleted_region: Region<'a>,
    inserted_content: Content<'a>,
}

/// What the finding was checked against, for consumers that read more
/// than the message.
#[derive(Serialize)]
struct ResultProperties<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    fact: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    expected: Option<&'a str>,
}

impl ResultProperties<'_> {
    fn is_empty(&self) -> bool {
        self.fact.is_none() && self.expected.is_none()
    }
}

/// Renders the findings of every checked document as one SARIF log.
pub fn render(files: &[Checked]) -> String {
    let mut results = Vec::new();
    for checked in files {
        results_of(checked, &mut results);
    }
    let log = Log {
        schema: SCHEMA,
        version: "2.1.0",
        runs: [Run {
            tool: Tool {
                driver: Driver {
                    name: "factlint",
                    version: env!("CARGO_PKG_VERSION"),
                    semantic_version: env!("CARGO_PKG_VERSION"),
                    // Set once the package names its repository.
                    information_uri: Some(env!("CARGO_PKG_REPOSITORY"))
                        .filter(|uri| !uri.is_empty()),
                    rules: RULES.iter().map(|r| rule(r.id(), r.meta())).collect(),
                },
            },
            column_kind: "utf16CodeUnits",
            results,
        }],
    };
    // Serialising these plain structs cannot fail.
    let mut out = serde_json::to_string_pretty(&log).unwrap_or_default();
    out.push('\n');
    out
}

fn rule(id: &'static str, meta: &crate::rules::RuleMeta) -> Rule {
    let doc = &meta.doc;
    Rule {
        id,
        short_description: Message {
            text: first_sentence(doc.what_it_does).to_string(),
        },
        full_description: Message {
            text: doc.what_it_does.to_string(),
        },
        help: help(doc),
        default_configuration: Configuration {
            level: level(meta.severity),
            enabled: meta.on_by_default,
        },
        properties: RuleProperties {
            tags: [id.split('/').next().unwrap_or(id)],
        },
    }
}

/// Why the rule matters, then its example and the fix, as `factlint
/// explain` prints them; GitHub shows the Markdown beside each alert.
fn help(doc: &RuleDoc) -> Help {
    let text = format!(
        "{}\n\nExample:\n    {}\n\nUse instead:\n    {}",
        doc.why_it_matters, doc.example, doc.use_instead
    );
    let markdown = format!(
        "{}\n\n## Example\n\n{}\n\n## Use instead\n\n{}",
        doc.why_it_matters,
        code_block(doc.example),
        code_block(doc.use_instead)
    );
    Help { text, markdown }
}

/// A fenced block longer than any run of backticks inside it.
fn code_block(text: &str) -> String {
    let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest.max(2) + 1);
    format!("{fence}text\n{text}\n{fence}")
}

/// The first sentence: up to a full stop followed by a space and a capital
/// letter or an opening quotation mark.
fn first_sentence(text: &str) -> &str {
    for (i, _) in text.match_indices(". ") {
        let next = text[i + 2..].chars().next();
        if next.is_some_and(|c| c.is_uppercase() || matches!(c, '"' | '“' | '(')) {
            return &text[..=i];
        }
    }
    text
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn results_of<'a>(checked: &Checked<'a>, out: &mut Vec<SarifResult<'a>>) {
    let text: &'a str = checked.text;
    let locator = Locator::new(text);
    let artifact = artifact_location(checked.path);
    let region = |span: &Span, snippet: bool| {
        let (start, end) = (locator.at(span.start), locator.at(span.end));
        Region {
            start_line: start.line,
            start_column: start.utf16_column,
            end_line: end.line,
            end_column: end.utf16_column,
            byte_offset: span.start,
            byte_length: span.len(),
            snippet: snippet.then(|| Content {
                text: &text[span.clone()],
            }),
        }
    };
    // Two findings of one rule on the same words in one document are told
    // apart by their order, as GitHub's own fingerprints do.
    let mut occurrences: HashMap<u64, usize> = HashMap::new();
    let diagnostics: &'a [Diagnostic] = checked.diagnostics;
    for d in diagnostics {
        let hash = fingerprint(d.rule, &text[d.span.clone()]);
        let n = occurrences.entry(hash).or_insert(0);
        *n += 1;
        let physical = PhysicalLocation {
            artifact_location: artifact.clone(),
            region: region(&d.span, true),
        };
        let related_locations = d
            .related
            .iter()
            .map(|(span, label)| Location {
                id: Some(1),
                physical_location: PhysicalLocation {
                    artifact_location: artifact.clone(),
                    region: region(span, true),
                },
                message: Some(Message {
                    text: escape_braces(label),
                }),
            })
            .collect();
        let fixes = d
            .fix
            .iter()
            .map(|fix| Fix {
                description: Message {
                    text: escape_braces(&fix.title),
                },
                artifact_changes: [ArtifactChange {
                    artifact_location: artifact.clone(),
                    replacements: fix
                        .edits
                        .iter()
                        .map(|edit| Replacement {
                            deleted_region: region(&edit.span, false),
                            inserted_content: Content {
                                text: &edit.replacement,
                            },
                        })
                        .collect(),
                }],
            })
            .collect();
        out.push(SarifResult {
            rule_id: d.rule,
            rule_index: RULES.iter().position(|r| r.id() == d.rule),
            level: level(d.severity),
            message: Message { text: message(d) },
            locations: [Location {
                id: None,
                physical_location: physical,
                message: None,
            }],
            partial_fingerprints: Fingerprints {
                primary_location_line_hash: format!("{hash:016x}:{n}"),
            },
            related_locations,
            fixes,
            properties: ResultProperties {
                fact: d
                    .fact
                    .and_then(|i| checked.facts?.facts.get(i))
                    .map(|f| f.id.as_str()),
                expected: d.expected.as_deref(),
            },
        });
    }
}

/// The message, a link to the related location when there is one (GitHub
/// shows related locations only when the message links to them), and the
/// notes on lines of their own.
fn message(d: &Diagnostic) -> String {
    let mut text = escape_braces(&d.message);
    if let Some((_, label)) = &d.related {
        text.push_str(&format!(" ([{}](1))", escape_link_text(label)));
    }
    for note in &d.notes {
        text.push('\n');
        text.push_str(&escape_braces(note));
    }
    text
}

/// SARIF messages may hold placeholders (`{0}`), so a literal brace is
/// written twice.
fn escape_braces(text: &str) -> String {
    text.replace('{', "{{").replace('}', "}}")
}

/// The text of an embedded link, where `\`, `[` and `]` are escaped with a
/// backslash.
fn escape_link_text(text: &str) -> String {
    let mut out = String::new();
    for c in escape_braces(text).chars() {
        if matches!(c, '\\' | '[' | ']') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Identifies a finding across runs by its rule and the words it points
/// at, white space collapsed, and not by its line: a finding stays the same
/// alert when text above it is added or removed, or its paragraph is
/// reflowed. FNV-1a, 64 bits, because the hash must never change between
/// builds (std's `DefaultHasher` may change with the compiler).
fn fingerprint(rule: &str, found: &str) -> u64 {
    let words = found.split_whitespace().collect::<Vec<_>>().join(" ");
    fnv1a(format!("{rule}\0{words}").as_bytes())
}

fn fnv1a(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

/// The path as a URI: relative paths stay relative to `%SRCROOT%` (the
/// repository root, for GitHub), absolute ones become `file:` URIs; either
/// way with forward slashes and everything but unreserved characters
/// percent-encoded, UTF-8 included.
fn artifact_location(path: &str) -> ArtifactLocation {
    let path = path.replace('\\', "/");
    let bytes = path.as_bytes();
    let drive = bytes.len() >= 3 && bytes[0].is_ascii_alphabetic() && &bytes[1..3] == b":/";
    if drive {
        ArtifactLocation {
            uri: format!("file:///{}:{}", &path[..1], encode(&path[2..])),
            uri_base_id: None,
        }
    } else if path.starts_with('/') {
        ArtifactLocation {
            uri: format!("file://{}", encode(&path)),
            uri_base_id: None,
        }
    } else {
        let mut relative = path.as_str();
        while let Some(rest) = relative.strip_prefix("./") {
            relative = rest;
        }
        ArtifactLocation {
            uri: encode(relative),
            uri_base_id: Some("%SRCROOT%"),
        }
    }
}

fn encode(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Position;

    #[test]
    fn columns_count_utf16_code_units() {
        // 🌊 is one character, four UTF-8 bytes and two UTF-16 code units;
        // é is one, two and one.
        let text = "🌊 é 40 homes";
        let at = Locator::new(text).at(text.find("40").unwrap());
        assert_eq!(at.char_column, 5);
        assert_eq!(at.byte_column, 9);
        assert_eq!(at.utf16_column, 6);
    }

    #[test]
    fn columns_match_counting_from_the_line_start() {
        // Lines longer than the checkpoint spacing, with characters of one,
        // two and four bytes, and an empty line.
        let text = format!("{}\n\n{}x\n", "a🌊é".repeat(700), "ç".repeat(1500));
        let locator = Locator::new(&text);
        for (offset, _) in text.char_indices().chain([(text.len(), ' ')]) {
            let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
            let before = &text[start..offset];
            let expected = Position {
                line: text[..offset].matches('\n').count() + 1,
                char_column: before.chars().count() + 1,
                byte_column: before.len() + 1,
                utf16_column: before.encode_utf16().count() + 1,
            };
            assert_eq!(locator.at(offset), expected, "at {offset}");
        }
        // Inside a character is its start; past the end is the end.
        assert_eq!(locator.at(2), locator.at(1));
        assert_eq!(locator.at(usize::MAX), locator.at(text.len()));
    }

    #[test]
    fn fnv1a_matches_the_reference_values() {
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a(b"foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn fingerprint_ignores_line_breaks_but_not_words_or_rule() {
        let a = fingerprint("quantity/mismatch", "nearly 200\nvolunteers");
        assert_eq!(a, fingerprint("quantity/mismatch", "nearly 200 volunteers"));
        assert_ne!(a, fingerprint("quantity/mismatch", "nearly 300 volunteers"));
        assert_ne!(
            a,
            fingerprint("quantity/inconsistent", "nearly 200 volunteers")
        );
    }

    #[test]
    fn paths_become_uri_references() {
        let uri = |p| artifact_location(p).uri;
        assert_eq!(
            uri("docs/a b/Zoë's #1.md"),
            "docs/a%20b/Zo%C3%AB%27s%20%231.md"
        );
        assert_eq!(uri("./docs/a.md"), "docs/a.md");
        assert_eq!(uri("docs\\win.md"), "docs/win.md");
        assert_eq!(uri("a:b.md"), "a%3Ab.md");
        assert_eq!(uri("<stdin>"), "%3Cstdin%3E");
        assert_eq!(
            artifact_location("docs/a.md").uri_base_id,
            Some("%SRCROOT%")
        );
        assert_eq!(uri("/home/me/a b.md"), "file:///home/me/a%20b.md");
        assert_eq!(uri("C:\\Users\\me\\a.md"), "file:///C:/Users/me/a.md");
        assert_eq!(artifact_location("/a.md").uri_base_id, None);
    }

    #[test]
    fn messages_escape_braces_and_link_text() {
        assert_eq!(escape_braces("{0} and }"), "{{0}} and }}");
        assert_eq!(escape_link_text(r"see [1] \ {x}"), r"see \[1\] \\ {{x}}");
    }

    #[test]
    fn first_sentence_ends_at_a_full_stop_before_a_capital() {
        assert_eq!(
            first_sentence(
                "Reports a thing (\"45 km\" for \"45 miles\"). A converted figure is fine."
            ),
            "Reports a thing (\"45 km\" for \"45 miles\")."
        );
        assert_eq!(first_sentence("One sentence only."), "One sentence only.");
        assert_eq!(first_sentence("Ends at 2.5 km. Then"), "Ends at 2.5 km.");
    }

    #[test]
    fn code_blocks_outlast_backticks_inside() {
        assert_eq!(code_block("a"), "```text\na\n```");
        assert_eq!(code_block("a ```` b"), "`````text\na ```` b\n`````");
    }
}
