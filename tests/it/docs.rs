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
    let mut readme = readme_codes("notes");
    let mut code = catalogue(Severity::Note);
    readme.sort();
    code.sort();
    assert_eq!(readme, code, "notes");
}

/// The layers of `src/`, lowest first: a module may use its own layer and those below it
/// (README, "How it is built"). Names at the crate root belong to the layer that defines them.
const LAYERS: &[&[&str]] = &[
    &["model"],
    &["schema"],
    &["issue"],
    &["config"],
    &["read"],
    &["validate"],
    &["compute", "compare"],
    &["merge", "read_and_validate", "Merged", "FileDone"],
    &["write"],
    &["template", "mail"],
    &["output", "progress", "cli"],
    &["serve"],
    &["commands"],
];

fn layer(name: &str) -> Option<usize> {
    LAYERS.iter().position(|names| names.contains(&name))
}

#[test]
fn no_module_uses_one_above_it() {
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut wrong = Vec::new();
    for entry in walkdir::WalkDir::new(&src) {
        let entry = entry.expect("src entry");
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let relative = path.strip_prefix(&src).expect("under src");
        let first = relative.components().next().expect("a component");
        let module = first
            .as_os_str()
            .to_string_lossy()
            .trim_end_matches(".rs")
            .to_string();
        let Some(own) = layer(&module) else {
            continue; // lib.rs and main.rs sit above everything.
        };
        let text = std::fs::read_to_string(path).expect("source");
        for line in text.lines().filter(|l| !l.trim_start().starts_with("//")) {
            for used in line.split("crate::").skip(1) {
                let name: String = used
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if layer(&name).is_some_and(|l| l > own) {
                    wrong.push(format!("{}: uses crate::{name}", relative.display()));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}
