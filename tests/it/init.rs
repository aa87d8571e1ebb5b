//! `planmerge init`: a round folder's `report.toml`, written for the coordinator to fill in. It
//! lists the folder's divisions and projects, `merge` refuses it until the organization is
//! filled in, and then the folder merges to its figures; an existing file is never overwritten.

use crate::support::{assert_seed_figures, run_json};
use assert_cmd::Command;
use std::path::Path;

#[test]
fn init_writes_a_report_toml_that_merges_once_filled_in() {
    let dir = tempfile::tempdir().expect("tempdir");
    let round = dir.path().join("รอบ 12 เดือน");
    std::fs::create_dir(&round).expect("folder");
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/6-month");
    let files = planmerge::read::collect_files(std::slice::from_ref(&samples)).expect("samples");
    for file in &files {
        std::fs::copy(file, round.join(file.file_name().expect("name"))).expect("copy");
    }
    let init = || {
        Command::cargo_bin("planmerge")
            .expect("binary")
            .current_dir(dir.path())
            .args(["init", "รอบ 12 เดือน"])
            .output()
            .expect("run")
    };
    let first = init();
    assert_eq!(first.status.code(), Some(0));
    let path = round.join("report.toml");
    let written = std::fs::read_to_string(&path).expect("written");
    let config: toml::Table = written.parse().expect("TOML");
    assert_eq!(config["initial_projects"].as_integer(), Some(81));
    let divisions = config["divisions"].as_array().expect("divisions");
    assert_eq!(divisions.len(), 8);
    assert!(divisions.iter().any(|d| d.as_str() == Some("กองคลัง")));

    // Not filled in yet: refused, saying what to fill in.
    let (code, _, stderr) = run_json(dir.path(), &["merge", "รอบ 12 เดือน"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("organization is empty"), "{stderr}");

    // Filled in, with the samples' year and round and the plan's 90 projects as adopted (the
    // implementation score is counted against those): the seed's figures.
    let filled = written
        .replace(
            "organization = \"\"",
            "organization = \"องค์การบริหารส่วนจังหวัดพะเยา\"",
        )
        .replace(
            &format!("fiscal_year = {}", config["fiscal_year"]),
            "fiscal_year = 2565",
        )
        .replace(&format!("round = {}", config["round"]), "round = 6")
        .replace("initial_projects = 81", "initial_projects = 90");
    std::fs::write(&path, filled).expect("fill in");
    let (code, json, stderr) = run_json(dir.path(), &["merge", "รอบ 12 เดือน"]);
    assert_eq!(code, 0, "{stderr}");
    assert_seed_figures(&json);

    // A second init leaves the file as it is.
    let before = std::fs::read(&path).expect("read");
    let again = init();
    assert_eq!(again.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&again.stderr).contains("never overwritten"));
    assert_eq!(std::fs::read(&path).expect("read"), before);
}
