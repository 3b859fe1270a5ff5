//! The machine-readable output formats (compact, GitHub workflow commands,
//! reviewdog rdjsonl, JUnit XML, SARIF) on the findings of a real check of
//! `tests/formats/report.md`, and on findings made by hand that carry what
//! no rule produces yet (a fix) and what the formats must escape. Every
//! output is a snapshot in `snapshots/formats/`; SARIF is also validated
//! against the official SARIF 2.1.0 schema, vendored in `tests/formats/`.

mod common;

use std::collections::BTreeSet;

use common::{load_sheet, relative, root};
use factlint::analysis::Analysis;
use factlint::diagnostic::{Diagnostic, Edit, Fix, Severity};
use factlint::facts::FactSheet;
use factlint::report::{Checked, compact, github, junit, rdjsonl, sarif};
use factlint::rules::{self, FactSheetContext, RULES};
use serde_json::Value;

/// The snapshots this file asserts, by name.
const SNAPSHOTS: &[&str] = &[
    "report_compact",
    "report_github",
    "report_rdjsonl",
    "report_junit",
    "report_sarif",
    "handmade_compact",
    "handmade_github",
    "handmade_rdjsonl",
    "handmade_junit",
    "handmade_sarif",
];

/// The fixture, read and checked the way the binary does.
struct Report {
    path: String,
    text: String,
    sheet: FactSheet,
    diagnostics: Vec<Diagnostic>,
}

impl Report {
    fn load() -> Self {
        let sheet = load_sheet(&root().join("tests/formats/facts.toml"));
        let doc = root().join("tests/formats/report.md");
        let text = std::fs::read_to_string(&doc).expect("report readable");
        let diagnostics = {
            let context = FactSheetContext::new(&sheet);
            let analysis = Analysis::new(&text, None, sheet.published);
            rules::check(&analysis, Some(&context))
        };
        Report {
            path: relative(&doc),
            text,
            sheet,
            diagnostics,
        }
    }

    fn checked(&self) -> Checked<'_> {
        Checked {
            path: &self.path,
            text: &self.text,
            diagnostics: &self.diagnostics,
            facts: Some(&self.sheet),
        }
    }
}

/// Text and a path with what every format has to escape or count with
/// care: characters outside ASCII and outside the Basic Multilingual
/// Plane, markup, quotes, `%`, `:`, `,`, braces and a line break.
const HANDMADE_PATH: &str = "docs/Zoë's notes, 50%: draft.md";
const HANDMADE_TEXT: &str = "Zoë wrote: 🌊 the ferry carried 40 people.\n\
On “Tuesday” {x} it carried 44 people <&>\"'.\n";

fn span(found: &str) -> std::ops::Range<usize> {
    let start = HANDMADE_TEXT.find(found).expect("in the text");
    start..start + found.len()
}

/// A warning with a related place and a fix, an info finding with a fix,
/// and an error over two lines.
fn handmade() -> Vec<Diagnostic> {
    vec![
        Diagnostic {
            related: Some((span("40 people"), "first counted [here]".to_string())),
            notes: vec!["first counted as “40 people” on line 1".to_string()],
            fix: Some(Fix::replace(
                "write “40 people”".to_string(),
                span("44"),
                "40".to_string(),
            )),
            ..Diagnostic::new(
                "quantity/inconsistent",
                Severity::Warning,
                span("44 people"),
                "“44 people” contradicts “40 people”: 10% <&>\"' off, a {guess}\nor worse"
                    .to_string(),
            )
        },
        Diagnostic {
            fix: Some(Fix {
                title: "write the date".to_string(),
                edits: vec![
                    Edit {
                        span: span("On “Tuesday”"),
                        replacement: "On June 3, 2025,".to_string(),
                    },
                    Edit {
                        span: span(" {x}"),
                        replacement: String::new(),
                    },
                ],
            }),
            ..Diagnostic::new(
                "time/relative",
                Severity::Info,
                span("“Tuesday”"),
                "“Tuesday” is June 3, 2025".to_string(),
            )
        },
        Diagnostic::new(
            "quote/unterminated",
            Severity::Error,
            HANDMADE_TEXT.find("the ferry").unwrap()..HANDMADE_TEXT.find(" it carried").unwrap(),
            "a finding over two lines".to_string(),
        ),
    ]
}

fn handmade_checked(diagnostics: &[Diagnostic]) -> Checked<'_> {
    Checked {
        path: HANDMADE_PATH,
        text: HANDMADE_TEXT,
        diagnostics,
        facts: None,
    }
}

fn snapshot_settings() -> insta::Settings {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(root().join("snapshots/formats"));
    settings.set_prepend_module_to_snapshot(false);
    settings
}

#[test]
fn the_fixture_has_the_findings_the_snapshots_show() {
    let report = Report::load();
    let rules: Vec<&str> = report.diagnostics.iter().map(|d| d.rule).collect();
    assert_eq!(
        rules,
        [
            "quantity/mismatch",
            "quantity/mismatch",
            "time/weekday-mismatch",
            "quote/mismatch",
            "quantity/inconsistent"
        ]
    );
    assert!(report.diagnostics.iter().any(|d| d.related.is_some()));
}

#[test]
fn every_format_of_the_fixture() {
    let report = Report::load();
    let checked = report.checked();
    snapshot_settings().bind(|| {
        insta::assert_snapshot!("report_compact", compact::render(&checked));
        insta::assert_snapshot!("report_github", github::render(&checked));
        insta::assert_snapshot!("report_rdjsonl", rdjsonl::render(&checked));
        insta::assert_snapshot!("report_junit", junit::render(&[checked]));
        insta::assert_snapshot!("report_sarif", sarif::render(&[report.checked()]));
    });
}

#[test]
fn every_format_of_the_handmade_findings() {
    let diagnostics = handmade();
    let checked = handmade_checked(&diagnostics);
    snapshot_settings().bind(|| {
        insta::assert_snapshot!("handmade_compact", compact::render(&checked));
        insta::assert_snapshot!("handmade_github", github::render(&checked));
        insta::assert_snapshot!("handmade_rdjsonl", rdjsonl::render(&checked));
        let clean = Checked {
            path: "docs/clean.md",
            text: "Nothing to see.\n",
            diagnostics: &[],
            facts: None,
        };
        insta::assert_snapshot!(
            "handmade_junit",
            junit::render(&[handmade_checked(&diagnostics), clean])
        );
        insta::assert_snapshot!("handmade_sarif", sarif::render(&[checked]));
    });
}

#[test]
fn compact_is_one_line_per_finding() {
    let diagnostics = handmade();
    let out = compact::render(&handmade_checked(&diagnostics));
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 3, "{out}");
    // “44” is the 29th character of line 2.
    assert!(
        lines[0].starts_with(&format!(
            "{HANDMADE_PATH}:2:29: warning[quantity/inconsistent] "
        )),
        "{}",
        lines[0]
    );
    assert!(lines[1].contains(": info[time/relative] "));
}

#[test]
fn github_commands_escape_data_and_properties() {
    let diagnostics = handmade();
    let out = github::render(&handmade_checked(&diagnostics));
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines.len(),
        3,
        "a line break must not end a command early:\n{out}"
    );
    assert_eq!(
        lines[0],
        "::warning file=docs/Zoë's notes%2C 50%25%3A draft.md,line=2,col=29,endLine=2,endColumn=38,\
         title=factlint (quantity/inconsistent)::“44 people” contradicts “40 people”: 10%25 <&>\"' off, \
         a {guess}%0Aor worse%0Afirst counted as “40 people” on line 1"
    );
    assert!(lines[1].starts_with("::notice "), "{}", lines[1]);
    // Over two lines: GitHub takes no columns.
    assert!(
        lines[2].starts_with(
            "::error file=docs/Zoë's notes%2C 50%25%3A draft.md,line=1,endLine=2,title="
        ),
        "{}",
        lines[2]
    );
}

#[test]
fn rdjsonl_columns_are_utf8_bytes() {
    let diagnostics = handmade();
    let out = rdjsonl::render(&handmade_checked(&diagnostics));
    let first: Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
    let line2 = HANDMADE_TEXT.lines().nth(1).unwrap();
    let bytes = line2.find("44").unwrap();
    let chars = line2[..bytes].chars().count();
    assert_ne!(
        bytes, chars,
        "the line must hold non-ASCII text before the finding"
    );
    let range = &first["location"]["range"];
    assert_eq!(range["start"]["line"], 2);
    assert_eq!(range["start"]["column"], bytes + 1);
    assert_eq!(range["end"]["column"], bytes + "44 people".len() + 1);
    // The related place is on line 1, after “Zoë” and an emoji.
    let related = &first["related_locations"][0];
    assert_eq!(related["message"], "first counted [here]");
    assert_eq!(related["location"]["range"]["start"]["column"], 36);
    let suggestion = &first["suggestions"][0];
    assert_eq!(suggestion["text"], "40");
    assert_eq!(suggestion["range"]["start"]["column"], bytes + 1);
    assert_eq!(suggestion["range"]["end"]["column"], bytes + 3);
}

#[test]
fn junit_escapes_markup_and_fails_only_errors_and_warnings() {
    let diagnostics = handmade();
    let out = junit::render(&[handmade_checked(&diagnostics)]);
    assert!(out.contains(
        "message=\"“44 people” contradicts “40 people”: 10% &lt;&amp;&gt;&quot;&apos; off, a {guess}&#10;or worse\""
    ));
    assert!(out.contains("name=\"docs/Zoë&apos;s notes, 50%: draft.md\""));
    assert!(!out.contains("<&>"));
    // Two failures (the warning and the error); the info finding is no test.
    assert!(out.contains("<testsuites name=\"factlint\" tests=\"2\" failures=\"2\" errors=\"0\">"));
    assert!(!out.contains("time/relative"));
}

#[test]
fn sarif_columns_are_utf16_code_units() {
    let diagnostics = handmade();
    let log = sarif_json(&sarif::render(&[handmade_checked(&diagnostics)]));
    let run = &log["runs"][0];
    assert_eq!(run["columnKind"], "utf16CodeUnits");
    let result = &run["results"][0];
    let region = &result["locations"][0]["physicalLocation"]["region"];
    // Line 2 has “ (one code unit) before the finding: characters and
    // UTF-16 agree, bytes do not.
    assert_eq!(region["startLine"], 2);
    assert_eq!(region["startColumn"], 29);
    assert_eq!(region["endColumn"], 38);
    assert_eq!(
        region["byteOffset"],
        HANDMADE_TEXT.find("44 people").unwrap()
    );
    assert_eq!(region["byteLength"], "44 people".len());
    assert_eq!(region["snippet"]["text"], "44 people");
    // Line 1 has 🌊 before the related place: two code units, one character.
    let related = &result["relatedLocations"][0];
    assert_eq!(related["id"], 1);
    let region = &related["physicalLocation"]["region"];
    assert_eq!(region["startColumn"], 33);
    assert_eq!(region["endColumn"], 42);
    let artifact = &result["locations"][0]["physicalLocation"]["artifactLocation"];
    assert_eq!(
        artifact["uri"],
        "docs/Zo%C3%AB%27s%20notes%2C%2050%25%3A%20draft.md"
    );
    assert_eq!(artifact["uriBaseId"], "%SRCROOT%");
    // Braces are doubled (SARIF placeholders); the related place is linked.
    let message = result["message"]["text"].as_str().unwrap();
    assert!(
        message.starts_with(
            "“44 people” contradicts “40 people”: 10% <&>\"' off, a {{guess}}\nor worse ([first counted \\[here\\]](1))"
        ),
        "{message}"
    );
    let replacement = &result["fixes"][0]["artifactChanges"][0]["replacements"][0];
    assert_eq!(replacement["insertedContent"]["text"], "40");
    assert_eq!(replacement["deletedRegion"]["startColumn"], 29);
    assert_eq!(replacement["deletedRegion"]["endColumn"], 31);
    // The info finding's fix has two edits, one of them a deletion.
    let replacements = &run["results"][1]["fixes"][0]["artifactChanges"][0]["replacements"];
    assert_eq!(replacements.as_array().unwrap().len(), 2);
    assert_eq!(replacements[1]["insertedContent"]["text"], "");
    assert_eq!(run["results"][1]["level"], "note");
}

#[test]
fn sarif_fingerprints_survive_moved_lines() {
    let report = Report::load();
    let before = sarif_json(&sarif::render(&[report.checked()]));
    // The same document with a paragraph added at the top.
    let moved_text = report
        .text
        .replacen("# Dunes", "A new first paragraph.\n\n# Dunes", 1);
    let shift = moved_text.len() - report.text.len();
    let moved: Vec<Diagnostic> = report
        .diagnostics
        .iter()
        .map(|d| Diagnostic {
            span: d.span.start + shift..d.span.end + shift,
            related: d
                .related
                .clone()
                .map(|(s, label)| (s.start + shift..s.end + shift, label)),
            ..d.clone()
        })
        .collect();
    let after = sarif_json(&sarif::render(&[Checked {
        path: &report.path,
        text: &moved_text,
        diagnostics: &moved,
        facts: Some(&report.sheet),
    }]));
    let prints = |log: &Value| -> Vec<(Value, Value)> {
        log["runs"][0]["results"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                (
                    r["partialFingerprints"]["primaryLocationLineHash"].clone(),
                    r["locations"][0]["physicalLocation"]["region"]["startLine"].clone(),
                )
            })
            .collect()
    };
    let (before, after) = (prints(&before), prints(&after));
    assert_eq!(before.len(), 5);
    for ((print_before, line_before), (print_after, line_after)) in before.iter().zip(&after) {
        assert_eq!(print_before, print_after);
        assert_ne!(line_before, line_after);
    }
    let distinct: BTreeSet<String> = before.iter().map(|(p, _)| p.to_string()).collect();
    assert_eq!(
        distinct.len(),
        before.len(),
        "fingerprints must tell findings apart"
    );
}

#[test]
fn sarif_describes_every_rule_as_github_requires() {
    let log = sarif_json(&sarif::render(&[]));
    let driver = &log["runs"][0]["tool"]["driver"];
    assert_eq!(driver["name"], "factlint");
    assert_eq!(driver["version"], env!("CARGO_PKG_VERSION"));
    let rules = driver["rules"].as_array().unwrap();
    assert_eq!(rules.len(), RULES.len());
    for (rule, expected) in rules.iter().zip(RULES) {
        assert_eq!(rule["id"], expected.id());
        for field in ["shortDescription", "fullDescription"] {
            let text = rule[field]["text"].as_str().unwrap();
            // GitHub's limit for both descriptions.
            assert!(
                !text.is_empty() && text.chars().count() <= 1024,
                "{}: {field} is {} characters",
                expected.id(),
                text.chars().count()
            );
        }
        let short = rule["shortDescription"]["text"].as_str().unwrap();
        assert!(short.ends_with('.'), "{}: {short}", expected.id());
        assert!(!rule["help"]["text"].as_str().unwrap().is_empty());
        assert!(!rule["help"]["markdown"].as_str().unwrap().is_empty());
    }
    // An actual scan that found nothing still has its (empty) results.
    assert_eq!(log["runs"][0]["results"], serde_json::json!([]));
}

#[test]
fn sarif_results_have_what_github_requires() {
    let report = Report::load();
    let diagnostics = handmade();
    let log = sarif_json(&sarif::render(&[
        report.checked(),
        handmade_checked(&diagnostics),
    ]));
    let results = log["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), 8);
    let rules = log["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap();
    for result in results {
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], result["ruleId"]);
        assert!(!result["message"]["text"].as_str().unwrap().is_empty());
        let location = &result["locations"][0]["physicalLocation"];
        assert!(
            !location["artifactLocation"]["uri"]
                .as_str()
                .unwrap()
                .is_empty()
        );
        for key in ["startLine", "startColumn", "endLine", "endColumn"] {
            assert!(location["region"][key].as_u64().unwrap() >= 1, "{key}");
        }
        let print = result["partialFingerprints"]["primaryLocationLineHash"]
            .as_str()
            .unwrap();
        assert!(!print.is_empty());
    }
}

fn sarif_json(out: &str) -> Value {
    serde_json::from_str(out).expect("SARIF output is JSON")
}

/// The official schema, compiled once per test.
struct SarifSchema {
    schemas: boon::Schemas,
    index: boon::SchemaIndex,
}

impl SarifSchema {
    fn load() -> Self {
        let path = root().join("tests/formats/sarif-schema-2.1.0.json");
        let source = std::fs::read_to_string(&path).expect("vendored schema readable");
        let schema: Value = serde_json::from_str(&source).expect("schema is JSON");
        let id = schema["id"].as_str().expect("schema id").to_string();
        let mut schemas = boon::Schemas::new();
        let mut compiler = boon::Compiler::new();
        // Check `uri` and `uri-reference` too, not only the structure.
        compiler.enable_format_assertions();
        compiler.add_resource(&id, schema).expect("schema added");
        let index = compiler
            .compile(&id, &mut schemas)
            .expect("schema compiles");
        SarifSchema { schemas, index }
    }

    fn check(&self, log: &Value) -> Result<(), String> {
        self.schemas
            .validate(log, self.index)
            .map_err(|e| format!("{e:#}"))
    }
}

#[test]
fn sarif_output_is_valid_against_the_official_schema() {
    let schema = SarifSchema::load();
    let report = Report::load();
    let diagnostics = handmade();
    for out in [
        sarif::render(&[]),
        sarif::render(&[report.checked()]),
        sarif::render(&[report.checked(), handmade_checked(&diagnostics)]),
    ] {
        if let Err(e) = schema.check(&sarif_json(&out)) {
            panic!("invalid SARIF: {e}\n{out}");
        }
    }
}

#[test]
fn the_schema_check_rejects_broken_sarif() {
    let schema = SarifSchema::load();
    let diagnostics = handmade();
    let valid = sarif_json(&sarif::render(&[handmade_checked(&diagnostics)]));
    assert!(schema.check(&valid).is_ok());
    let region = "/runs/0/results/0/locations/0/physicalLocation/region";
    let artifact = "/runs/0/results/0/locations/0/physicalLocation/artifactLocation";
    // What is wrong, where (a JSON pointer), and the value put there
    // (none: the property removed).
    let cases: [(&str, String, Option<Value>); 5] = [
        ("another version", "/version".into(), Some("2.2.0".into())),
        (
            "a result without a message",
            "/runs/0/results/0/message".into(),
            None,
        ),
        ("a line 0", format!("{region}/startLine"), Some(0.into())),
        (
            "an unknown property",
            "/runs/0/results/0/severity".into(),
            Some("error".into()),
        ),
        (
            "a space in a URI",
            format!("{artifact}/uri"),
            Some("docs/a b.md".into()),
        ),
    ];
    for (what, pointer, value) in cases {
        let mut log = valid.clone();
        let (parent, key) = pointer.rsplit_once('/').expect("a pointer");
        let object = log
            .pointer_mut(parent)
            .and_then(Value::as_object_mut)
            .expect("an object");
        match value {
            Some(value) => object.insert(key.to_string(), value),
            None => object.remove(key),
        };
        assert!(
            schema.check(&log).is_err(),
            "the schema check accepted {what}"
        );
    }
}

#[test]
fn every_formats_snapshot_is_referenced() {
    let dir = root().join("snapshots/formats");
    let mut found = BTreeSet::new();
    for entry in std::fs::read_dir(&dir).expect("snapshots/formats") {
        let name = entry
            .expect("entry")
            .file_name()
            .to_string_lossy()
            .into_owned();
        match name.strip_suffix(".snap") {
            Some(stem) => found.insert(stem.to_string()),
            None => panic!("{name}: not a snapshot (a pending `.snap.new`?)"),
        };
    }
    let expected: BTreeSet<String> = SNAPSHOTS.iter().map(|s| s.to_string()).collect();
    assert_eq!(
        found, expected,
        "snapshots/formats holds exactly the snapshots asserted here"
    );
}
