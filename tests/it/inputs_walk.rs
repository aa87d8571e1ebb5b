//! What a merge finds in its input folders: files and folders reached through symbolic links,
//! links that lead nowhere or back, a folder that cannot be listed, workbooks under backup names,
//! a folder holding only an earlier summary, a summary with sheets deleted, a doubled extension.
//! Every case is the bundled 6-month samples (81 projects, 67.78 % → มาก) moved about by code.
#![cfg(unix)]

use crate::support::sheet::issues_coded;
use crate::support::{assert_seed_figures, issue_coded, run_json};
use serde_json::Value;
use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};

/// The samples' divisions, as `divisions` of report.toml lists them.
const DIVISIONS: [&str; 8] = [
    "กองการศึกษา ศาสนาและวัฒนธรรม",
    "กองการเจ้าหน้าที่",
    "กองคลัง",
    "กองพัสดุและทรัพย์สิน",
    "กองยุทธศาสตร์และงบประมาณ",
    "กองสาธารณสุขและสิ่งแวดล้อม",
    "สำนักปลัด",
    "หน่วยตรวจสอบภายใน",
];

fn samples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/6-month")
}

/// A copy of the 6-month samples (workbooks and report.toml) in `round` below a new temporary
/// folder, with `divisions` listed when asked.
fn round_copy(listed: bool) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let round = dir.path().join("round");
    std::fs::create_dir(&round).expect("round");
    for entry in std::fs::read_dir(samples()).expect("samples") {
        let path = entry.expect("entry").path();
        let name = path.file_name().expect("name").to_owned();
        let is_input = path.extension().is_some_and(|e| e == "xlsx") || name == "report.toml";
        if is_input {
            std::fs::copy(&path, round.join(&name)).expect("copy");
        }
    }
    if listed {
        let quoted: Vec<String> = DIVISIONS.iter().map(|d| format!("\"{d}\"")).collect();
        let mut toml = std::fs::read_to_string(round.join("report.toml")).expect("toml");
        toml.push_str(&format!("\ndivisions = [{}]\n", quoted.join(", ")));
        std::fs::write(round.join("report.toml"), toml).expect("divisions");
    }
    (dir, round)
}

/// What a file counted, by the end of its name, in a `--json` document's `inputs`.
fn counted(json: &Value, file: &str) -> Option<u64> {
    json["inputs"]
        .as_array()?
        .iter()
        .find(|i| i["file"].as_str().is_some_and(|f| f.ends_with(file)))
        .and_then(|i| i["counted"].as_u64())
}

/// QA s11: a division's file moved elsewhere and linked back, and a folder holding one linked
/// in as `inbox/`, were left out in silence (48 projects, 37.22 % น้อย, exit 0; with `divisions`
/// a false "no file from กองคลัง"). Both are read; a second link to the same file is one file.
#[test]
fn files_and_folders_reached_through_links_are_read_once() {
    let (dir, round) = round_copy(true);
    let elsewhere = dir.path().join("elsewhere");
    std::fs::create_dir_all(elsewhere.join("inbox")).expect("elsewhere");
    std::fs::rename(round.join("กองคลัง.xlsx"), elsewhere.join("กองคลัง.xlsx")).expect("move");
    symlink("../elsewhere/กองคลัง.xlsx", round.join("กองคลัง.xlsx")).expect("file link");
    std::fs::rename(
        round.join("สำนักปลัด.xlsx"),
        elsewhere.join("inbox/สำนักปลัด.xlsx"),
    )
    .expect("move");
    symlink("../elsewhere/inbox", round.join("inbox")).expect("folder link");
    symlink("../elsewhere/กองคลัง.xlsx", round.join("ลิงก์กองคลัง.xlsx")).expect("second link");

    let (code, json, stderr) = run_json(dir.path(), &["merge", "round", "-o", "out.xlsx"]);
    assert_eq!(code, 0, "{stderr}");
    assert_seed_figures(&json);
    assert_eq!(counted(&json, "round/กองคลัง.xlsx"), Some(6));
    assert_eq!(counted(&json, "round/inbox/สำนักปลัด.xlsx"), Some(27));
    assert_eq!(counted(&json, "ลิงก์กองคลัง.xlsx"), None, "read once");
    assert_eq!(json["inputs"].as_array().map(Vec::len), Some(8));
    for code in ["division-missing", "file-duplicate", "project-duplicate"] {
        assert!(
            issues_coded(&json, code).is_empty(),
            "{code}: {}",
            json["issues"]
        );
    }

    // `init` counts the linked files' projects as the round's too.
    let toml = fresh_init(dir.path(), &round);
    assert_eq!(toml["initial_projects"].as_integer(), Some(81));
    let divisions = toml["divisions"].as_array().expect("divisions");
    assert_eq!(divisions.len(), 8, "{divisions:?}");
}

/// A link whose target is gone and a link back to a folder it is in are said, and never hang
/// the walk: the samples' figures are whole, with a warning naming each link.
#[test]
fn a_broken_link_and_a_link_loop_are_said_not_a_hang() {
    let (dir, round) = round_copy(false);
    symlink("../ย้ายไปแล้ว/กองช่าง.xlsx", round.join("กองช่าง.xlsx")).expect("broken");
    std::fs::create_dir(round.join("เก่า")).expect("folder");
    symlink("..", round.join("เก่า/วน")).expect("loop");

    let out = assert_cmd::Command::cargo_bin("planmerge")
        .expect("binary")
        .current_dir(dir.path())
        .args(["merge", "round", "-o", "out.xlsx", "--json"])
        .timeout(std::time::Duration::from_secs(60))
        .output()
        .expect("run");
    let json: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(out.status.code(), Some(0));
    assert_seed_figures(&json);

    let broken = issue_coded(&json, "link-broken");
    assert_eq!(broken["severity"], "warning");
    assert_eq!(broken["file"], "round/กองช่าง.xlsx");
    let message = broken["message"].as_str().unwrap_or_default();
    assert!(
        message.starts_with("ลิงก์ (symbolic link) นี้ชี้ไปที่ ../ย้ายไปแล้ว/กองช่าง.xlsx ซึ่งไม่มีอยู่"),
        "{message}"
    );
    let looped = issue_coded(&json, "link-loop");
    assert_eq!(looped["severity"], "warning");
    assert_eq!(looped["file"], "round/เก่า/วน");
    assert!(
        looped["message"]
            .as_str()
            .is_some_and(|m| m.contains("ชี้กลับไปที่โฟลเดอร์ round")),
        "{looped}"
    );
}

/// QA s11: one sub-folder that cannot be listed stopped the whole merge (exit 2) with the
/// Thai naming the input folder. Now it is an error naming the sub-folder, the rest is read
/// (54 projects without สำนักปลัด's 27), and no summary is written: the division's file may be
/// in it. Run as an unprivileged user, since root lists any folder.
#[test]
fn a_folder_that_cannot_be_listed_is_an_error_naming_it() {
    use std::os::unix::fs::PermissionsExt;
    let (dir, round) = round_copy(false);
    let locked = round.join("locked");
    std::fs::create_dir(&locked).expect("locked");
    std::fs::rename(round.join("สำนักปลัด.xlsx"), locked.join("สำนักปลัด.xlsx")).expect("move");
    let open = |path: &Path, mode: u32| {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).expect("chmod")
    };
    for path in [dir.path(), round.as_path()] {
        open(path, 0o777);
    }
    for entry in std::fs::read_dir(&round).expect("round") {
        let path = entry.expect("entry").path();
        if path.is_file() {
            open(&path, 0o644);
        }
    }
    open(&locked, 0o000);
    let mut command = if nix_is_root() {
        let Ok(setpriv) = which("setpriv") else {
            eprintln!("skipped: running as root without setpriv");
            return;
        };
        let mut c = std::process::Command::new(setpriv);
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups"]);
        c.arg(assert_cmd::cargo::cargo_bin("planmerge"));
        c
    } else {
        std::process::Command::new(assert_cmd::cargo::cargo_bin("planmerge"))
    };
    let out = command
        .current_dir(dir.path())
        .args(["merge", "round", "-o", "out.xlsx", "--json"])
        .output()
        .expect("run");
    open(&locked, 0o755);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    let json: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let issue = issue_coded(&json, "folder-unreadable");
    assert_eq!(issue["severity"], "error");
    assert_eq!(issue["file"], "round/locked");
    assert_eq!(
        issue["message"],
        "เปิดโฟลเดอร์นี้ไม่ได้: ไม่มีสิทธิ์อ่าน ไฟล์ในโฟลเดอร์นี้จึงไม่ได้รวม · \
         cannot list this folder (Permission denied (os error 13)); its files are not merged"
    );
    assert_eq!(json["summary"]["total"]["projects"], 54);
    assert_eq!(json["inputs"].as_array().map(Vec::len), Some(7));
    assert!(json["output"].is_null());
    assert!(!dir.path().join("out.xlsx").exists());
    assert!(stderr.contains("round/locked: เปิดโฟลเดอร์นี้ไม่ได้"), "{stderr}");
}

fn nix_is_root() -> bool {
    std::process::Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.trim_ascii() == b"0")
}

fn which(program: &str) -> Result<PathBuf, ()> {
    ["/usr/bin", "/bin", "/usr/sbin", "/sbin"]
        .iter()
        .map(|d| Path::new(d).join(program))
        .find(|p| p.is_file())
        .ok_or(())
}

/// QA s11: workbooks under backup names were dropped in silence while a PDF was named. Each is
/// now the warning `workbook-misnamed` with the name to give it, and not counted: กองคลัง (6),
/// สำนักปลัด (27), หน่วยตรวจสอบภายใน (3) and กองพัสดุฯ (4) leave 41 of the 81 projects; copies
/// beside their originals (`… .xlsx (1)`, a workbook saved as `.zip`) are no duplicates.
#[test]
fn workbooks_under_backup_names_are_named_not_merged() {
    let (dir, round) = round_copy(true);
    let moves = [
        ("กองคลัง.xlsx", "กองคลัง.xlsx.1"),
        ("สำนักปลัด.xlsx", "สำนักปลัด.xlsx.bak"),
        ("หน่วยตรวจสอบภายใน.xlsx", "หน่วยตรวจสอบภายใน.xlsx "),
        ("กองพัสดุและทรัพย์สิน.xlsx", "กองพัสดุและทรัพย์สิน"),
    ];
    for (from, to) in moves {
        std::fs::rename(round.join(from), round.join(to)).expect("rename");
    }
    let copies = [
        ("กองการเจ้าหน้าที่.xlsx", "กองการเจ้าหน้าที่.xlsx (1)"),
        ("กองการศึกษา ศาสนาและวัฒนธรรม.xlsx", "กองการศึกษา.zip"),
    ];
    for (from, to) in copies {
        std::fs::copy(round.join(from), round.join(to)).expect("copy");
    }
    std::fs::write(round.join("desktop.ini"), b"[.ShellClassInfo]").expect("ini");
    std::fs::write(round.join("กองช่าง.pdf"), b"%PDF-1.7\n").expect("pdf");

    let (code, json, stderr) = run_json(dir.path(), &["merge", "round", "-o", "out.xlsx"]);
    assert_eq!(code, 0, "warnings only: {stderr}");
    let total = &json["summary"]["total"];
    assert_eq!(total["projects"], 41);
    assert_eq!(total["completed"], 14);
    let by_dimension: Vec<&Value> = (0..4)
        .map(|i| &json["summary"]["dimensions"][i]["projects"])
        .collect();
    assert_eq!(by_dimension, [15, 10, 11, 5]);
    assert_eq!(json["summary"]["status"]["implementation_pct"], "30.56");
    assert_eq!(json["summary"]["status"]["level"], "น้อย");
    let misnamed: Vec<(&str, &str, &str)> = issues_coded(&json, "workbook-misnamed")
        .into_iter()
        .map(|i| {
            assert_eq!(i["severity"], "warning");
            (
                i["file"].as_str().unwrap_or_default(),
                i["message"].as_str().unwrap_or_default(),
                i["fix"].as_str().unwrap_or_default(),
            )
        })
        .collect();
    let expected = [
        ("round/กองการศึกษา.zip", "กองการศึกษา.xlsx"),
        ("round/กองการเจ้าหน้าที่.xlsx (1)", "กองการเจ้าหน้าที่.xlsx"),
        ("round/กองคลัง.xlsx.1", "กองคลัง.xlsx"),
        ("round/กองพัสดุและทรัพย์สิน", "กองพัสดุและทรัพย์สิน.xlsx"),
        ("round/สำนักปลัด.xlsx.bak", "สำนักปลัด.xlsx"),
        ("round/หน่วยตรวจสอบภายใน.xlsx ", "หน่วยตรวจสอบภายใน.xlsx"),
    ];
    assert_eq!(misnamed.len(), expected.len(), "{misnamed:?}");
    for (file, rename_to) in expected {
        let found = misnamed.iter().find(|(f, ..)| *f == file);
        let (_, message, fix) = found.unwrap_or_else(|| panic!("{file}: {misnamed:?}"));
        assert_eq!(
            *message,
            "ไม่ได้รวมไฟล์นี้: เป็นไฟล์ตารางคำนวณ (.xlsx) แต่ชื่อไฟล์ไม่ได้ลงท้ายด้วย .xlsx อาจเป็นสำเนาสำรอง · \
             not merged: a spreadsheet (.xlsx) under a name that does not end in .xlsx, perhaps a backup copy"
        );
        assert!(
            fix.starts_with(&format!(
                "ถ้าเป็นไฟล์ของกองที่ต้องนับ ให้เปลี่ยนชื่อเป็น {rename_to} แล้วรวมใหม่"
            )),
            "{fix}"
        );
        assert_eq!(counted(&json, file), Some(0), "{file}");
    }
    assert_eq!(
        issues_coded(&json, "file-not-spreadsheet").len(),
        1,
        "the PDF only"
    );
    for code in [
        "file-duplicate",
        "project-duplicate",
        "summary-skipped",
        "division-two-files",
    ] {
        assert!(
            issues_coded(&json, code).is_empty(),
            "{code}: {}",
            json["issues"]
        );
    }
    // A division whose only file is under a backup name sent nothing that counts.
    let mut missing: Vec<&str> = issues_coded(&json, "division-missing")
        .into_iter()
        .filter_map(|i| i["message"].as_str())
        .collect();
    missing.sort();
    let said = |division: &str| format!("ยังไม่มีไฟล์ของ{division} (มีชื่อใน divisions ของ report.toml)");
    let expected: Vec<String> = ["กองคลัง", "กองพัสดุและทรัพย์สิน", "สำนักปลัด", "หน่วยตรวจสอบภายใน"]
        .iter()
        .map(|d| said(d))
        .collect();
    assert_eq!(missing.len(), expected.len(), "{missing:?}");
    for (found, wanted) in missing.iter().zip(&expected) {
        assert!(found.starts_with(wanted.as_str()), "{found}");
    }
    assert!(
        stderr.contains("▸ round/กองคลัง.xlsx.1: ไม่ได้รวม ชื่อไฟล์ไม่ได้ลงท้ายแบบไฟล์ตารางคำนวณ"),
        "{stderr}"
    );
}

/// QA s11: a folder holding only an earlier summary gave `summary-skipped` and then an all-zero
/// report, exit 0. It is refused as a folder with no spreadsheet is (exit 2), naming the summary.
#[test]
fn a_folder_holding_only_a_summary_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let only = dir.path().join("z");
    std::fs::create_dir(&only).expect("z");
    std::fs::copy(samples().join("report.toml"), only.join("report.toml")).expect("toml");
    let samples = samples().display().to_string();
    let (code, _, stderr) = run_json(dir.path(), &["merge", &samples, "-o", "z/summary.xlsx"]);
    assert_eq!(code, 0, "{stderr}");

    let (code, json, stderr) = run_json(dir.path(), &["merge", "z", "-o", "out.xlsx"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains(
            "ใน z มีแต่ไฟล์สรุปที่ planmerge เขียนไว้ (z/summary.xlsx) ไม่มีไฟล์ของกอง — ตรวจว่าระบุโฟลเดอร์ถูก"
        ),
        "{stderr}"
    );
    assert_eq!(json["ok"], false);
    assert!(json["summary"].is_null());
    assert!(!dir.path().join("out.xlsx").exists());

    // The same summary beside division workbooks is skipped, as before.
    let (_kept, round) = round_copy(false);
    std::fs::copy(only.join("summary.xlsx"), round.join("summary.xlsx")).expect("summary");
    let (code, json, stderr) = run_json(&round, &["merge", ".", "-o", "../out.xlsx"]);
    assert_eq!(code, 0, "{stderr}");
    assert_seed_figures(&json);
    assert_eq!(
        issue_coded(&json, "summary-skipped")["file"],
        "summary.xlsx"
    );
}

/// QA s11: a summary saved with sheets deleted (a copy for the executive keeping only
/// รายการโครงการ) was read as a division's file: 81 projects twice. Summaries now carry the
/// custom document property `planmerge-summary`, which Excel keeps when it saves the copy, and
/// a workbook carrying it is skipped whatever its sheets.
#[test]
fn a_summary_cut_down_to_its_project_list_is_still_skipped() {
    use calamine::Reader;
    let (dir, round) = round_copy(false);
    let (code, _, stderr) = run_json(dir.path(), &["merge", "round", "-o", "full.xlsx"]);
    assert_eq!(code, 0, "{stderr}");
    let full = dir.path().join("full.xlsx");
    let custom = zip_entry(&full, "docProps/custom.xml");
    assert!(custom.contains("name=\"planmerge-summary\""), "{custom}");

    // The executive's copy: the project list only, the document's properties kept.
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(&full).expect("open");
    let list = book.worksheet_range("รายการโครงการ").expect("project list");
    let mut cut = rust_xlsxwriter::Workbook::new();
    cut.set_properties(
        &rust_xlsxwriter::DocProperties::new()
            .set_custom_property("planmerge-summary", env!("CARGO_PKG_VERSION")),
    );
    let sheet = cut.add_worksheet().set_name("รายการโครงการ").expect("name");
    for (row, col, value) in list.cells() {
        let (row, col) = (row as u32, col as u16);
        match value {
            calamine::Data::Float(f) => sheet.write_number(row, col, *f).map(|_| ()),
            calamine::Data::Int(i) => sheet.write_number(row, col, *i as f64).map(|_| ()),
            calamine::Data::Empty => Ok(()),
            other => sheet.write_string(row, col, other.to_string()).map(|_| ()),
        }
        .expect("cell");
    }
    cut.save(round.join("สรุปสำหรับผู้บริหาร.xlsx")).expect("save");

    let (code, json, stderr) = run_json(dir.path(), &["merge", "round", "-o", "again.xlsx"]);
    assert_eq!(code, 0, "{stderr}");
    assert_seed_figures(&json);
    let skipped = issue_coded(&json, "summary-skipped");
    assert_eq!(skipped["file"], "round/สรุปสำหรับผู้บริหาร.xlsx");
    for code in ["project-duplicate", "header-incomplete", "file-duplicate"] {
        assert!(
            issues_coded(&json, code).is_empty(),
            "{code}: {}",
            json["issues"]
        );
    }
}

/// The text of one entry of a zip (an xlsx's part).
fn zip_entry(path: &Path, name: &str) -> String {
    let file = std::fs::File::open(path).expect("open");
    let mut zip = zip::ZipArchive::new(file).expect("zip");
    let mut text = String::new();
    std::io::Read::read_to_string(&mut zip.by_name(name).expect("entry"), &mut text).expect("read");
    text
}

/// QA s11: without `divisions`, `กองสาธารณสุขและสิ่งแวดล้อม.xlsx.xlsx` became the division
/// `กองสาธารณสุขและสิ่งแวดล้อม.xlsx`. The doubled extension is cut: the division sheet and
/// `init` name the division as it is.
#[test]
fn a_doubled_extension_is_cut_from_the_division_name() {
    let (dir, round) = round_copy(false);
    let name = "กองสาธารณสุขและสิ่งแวดล้อม";
    std::fs::rename(
        round.join(format!("{name}.xlsx")),
        round.join(format!("{name}.xlsx.xlsx")),
    )
    .expect("rename");
    let (code, json, stderr) = run_json(dir.path(), &["merge", "round", "-o", "out.xlsx"]);
    assert_eq!(code, 0, "{stderr}");
    assert_seed_figures(&json);
    let mut summary = crate::common::ReadBack::open(&dir.path().join("out.xlsx"));
    let divisions = summary.sheet_text("รายกอง");
    assert!(divisions.contains(name), "{divisions}");
    assert!(!divisions.contains(&format!("{name}.xlsx")), "{divisions}");

    let toml = fresh_init(dir.path(), &round);
    let listed: Vec<&str> = toml["divisions"]
        .as_array()
        .expect("divisions")
        .iter()
        .filter_map(|d| d.as_str())
        .collect();
    assert!(listed.contains(&name), "{listed:?}");
    assert!(!listed.iter().any(|d| d.ends_with(".xlsx")), "{listed:?}");
}

/// `planmerge init round` (in `dir`) over `round`'s report.toml taken away: what it writes.
fn fresh_init(dir: &std::path::Path, round: &std::path::Path) -> toml::Table {
    std::fs::remove_file(round.join("report.toml")).expect("fresh init");
    let init = assert_cmd::Command::cargo_bin("planmerge")
        .expect("binary")
        .current_dir(dir)
        .args(["init", "round", "--as-of", "2022-04-21"])
        .output()
        .expect("init");
    assert_eq!(init.status.code(), Some(0));
    std::fs::read_to_string(round.join("report.toml"))
        .expect("written")
        .parse()
        .expect("TOML")
}
