//! What the README promises, checked against the code: the list of issue codes.

use planmerge::issue::{CATALOGUE, Severity};

/// The backticked codes after `label` in the README's "Issue codes (stable)" paragraph.
fn readme_codes(label: &str) -> Vec<String> {
    let readme = include_str!("../../README.md");
    let start = readme
        .find("Issue codes (stable)")
        .expect("codes paragraph");
    let paragraph = &readme[start..];
    let paragraph = &paragraph[..paragraph.find("\n\n").unwrap_or(paragraph.len())];
    let from = paragraph.find(label).expect("label") + label.len();
    let rest = &paragraph[from..];
    let end = ["errors", "warnings", "notes"]
        .iter()
        .filter_map(|l| rest.find(l))
        .min()
        .unwrap_or(rest.len());
    rest[..end]
        .split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect()
}

fn catalogue(severity: Severity) -> Vec<String> {
    CATALOGUE
        .iter()
        .filter(|(_, s)| *s == severity)
        .map(|(c, _)| c.to_string())
        .collect()
}

#[test]
fn the_readme_lists_every_issue_code_with_its_severity() {
    let mut readme = readme_codes("errors");
    let mut code = catalogue(Severity::Error);
    readme.sort();
    code.sort();
    assert_eq!(readme, code, "errors");
    let mut readme = readme_codes("warnings");
    let mut code = catalogue(Severity::Warning);
    readme.sort();
    code.sort();
    assert_eq!(readme, code, "warnings");
}
