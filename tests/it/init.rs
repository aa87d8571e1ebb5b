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
    assert!(stderr.contains("organization ว่าง"), "{stderr}");

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
    // The date init wrote is today's; the samples' report is as of 21 April 2565.
    let filled: String = filled
        .lines()
        .map(|line| {
            if line.starts_with("as_of =") {
                "as_of = \"2565-04-21\""
            } else {
                line
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
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

/// October: the 12-month round's folder is made beside the 6-month one. Its report.toml takes
/// the organization, the reporter and the plan's count from there, and the 6-month round as
/// `previous`: the 12-month workbooks then merge, compared, with no editing at all.
#[test]
fn the_twelve_month_round_follows_the_six_month_one_beside_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for (from, to) in [
        ("samples/6-month", "รอบ 6 เดือน"),
        ("samples/12-month", "รอบ 12 เดือน"),
    ] {
        let target = dir.path().join(to);
        std::fs::create_dir(&target).expect("folder");
        for file in planmerge::read::collect_files(&[root.join(from)]).expect("samples") {
            std::fs::copy(&file, target.join(file.file_name().expect("name"))).expect("copy");
        }
    }
    std::fs::copy(
        root.join("samples/6-month/report.toml"),
        dir.path().join("รอบ 6 เดือน/report.toml"),
    )
    .expect("the 6-month configuration");
    let out = Command::cargo_bin("planmerge")
        .expect("binary")
        .current_dir(dir.path())
        .args(["init", "รอบ 12 เดือน", "--as-of", "2565-10-14"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(0));
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.contains("../รอบ 6 เดือน"), "{said}");
    // A copied value longer than the column keeps a space before its comment.
    let written =
        std::fs::read_to_string(dir.path().join("รอบ 12 เดือน/report.toml")).expect("written");
    let organization = written
        .lines()
        .find(|l| l.starts_with("organization = "))
        .expect("organization line");
    assert!(organization.contains("\" # "), "{organization}");
    let (code, json, stderr) = run_json(dir.path(), &["merge", "รอบ 12 เดือน"]);
    assert_eq!(code, 0, "{stderr}");
    let total = &json["summary"]["total"];
    assert_eq!(
        (total["projects"].as_u64(), total["completed"].as_u64()),
        (Some(82), Some(74))
    );
    assert_eq!(json["summary"]["status"]["implementation_pct"], "86.67");
    assert_eq!(json["previous"]["summary"]["total"]["completed"], 41);
    // Begun before any file came in, the round expects the divisions that sent to the first.
    let empty = dir.path().join("รอบ 12 เดือน (ใหม่)");
    Command::cargo_bin("planmerge")
        .expect("binary")
        .current_dir(empty.parent().expect("parent"))
        .args(["init", "รอบ 12 เดือน (ใหม่)", "--as-of", "2565-10-14"])
        .assert()
        .code(0);
    let written = std::fs::read_to_string(empty.join("report.toml")).expect("written");
    let config: toml::Table = written.parse().expect("TOML");
    let divisions = config["divisions"].as_array().expect("divisions");
    assert_eq!(divisions.len(), 8, "{written}");
}

#[test]
fn a_date_with_its_year_written_short_is_refused_saying_to_write_it_in_full() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (date, year) in [("65-04-21", "65"), ("0001-01-01", "0001")] {
        let out = Command::cargo_bin("planmerge")
            .expect("binary")
            .current_dir(dir.path())
            .args(["init", "รอบ6", "--as-of", date])
            .output()
            .expect("run");
        let said = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{date}: {said}");
        assert!(
            said.starts_with("planmerge: คำสั่งไม่ถูกต้อง:")
                && said.contains("เขียนปีให้เต็ม เป็น พ.ศ. หรือ ค.ศ."),
            "Thai first: {said}"
        );
        assert!(said.contains(&format!("(found year {year})")), "{said}");
        assert!(
            !dir.path().join("รอบ6/report.toml").exists(),
            "nothing written for {date}"
        );
    }
    // The full year, either era, is the same report.
    for date in ["2565-04-21", "2022-04-21"] {
        let folder = dir.path().join(date);
        Command::cargo_bin("planmerge")
            .expect("binary")
            .args(["init"])
            .arg(&folder)
            .args(["--as-of", date])
            .assert()
            .code(0);
        let text = std::fs::read_to_string(folder.join("report.toml")).expect("written");
        assert!(text.contains("fiscal_year = 2565"), "{text}");
    }
}
