//! The README's rule table is generated from the rule registry; this test
//! fails when it is stale and prints the table to paste.

mod common;

use factlint::rules::RULES;

fn table() -> String {
    let mut out = String::from(
        "| rule | severity | needs a fact sheet | what it does |\n|---|---|---|---|\n",
    );
    for rule in RULES {
        let what = rule.doc().what_it_does;
        let first = what
            .split_once(". ")
            .map_or(what.trim_end_matches('.'), |(s, _)| s);
        out.push_str(&format!(
            "| `{}` | {} | {} | {} |\n",
            rule.id(),
            rule.severity(),
            if rule.needs_facts() { "yes" } else { "no" },
            first
        ));
    }
    out
}

#[test]
fn readme_rule_table_is_current() {
    let readme = std::fs::read_to_string(common::root().join("README.md")).expect("README");
    let start = readme
        .find("do not edit by hand -->\n")
        .expect("table start marker")
        + "do not edit by hand -->\n".len();
    let end = readme
        .find("<!-- end of rules table -->")
        .expect("table end marker");
    let expected = table();
    assert!(
        readme[start..end] == expected,
        "the README's rule table is stale; replace it with:\n{expected}"
    );
}
